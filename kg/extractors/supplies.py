"""Supplies: "X memberikan/mengirim/menyediakan ITEM kepada Y", "X memberi Y pengiriman ITEM",
"pengiriman ITEM X ke Y", "ITEM X yang dikerahkan untuk membantu Y", "Y menerima ITEM dari X",
"X … paket bantuan militer untuk Y, termasuk ITEM";
with who asserts it (the sentence's speaker), whether it is hedged, and who in the article
denies it (a speaker who "membantah laporan bahwa …" it, or says it did not happen, "… tidak
pernah memasok …", denies it rather than asserts it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.common import (
    actor_key,
    affirmed_cues,
    coordinated_actors,
    cue_words,
    date_near,
    find_cues,
    has_cue,
    in_span,
    nearest_actor_before,
    negated,
)
from kg.extractors.statements import speeches_in
from kg.model import AnnotatedDoc, Assertion, Evidence, Mention, Sentence, make_assertion

# "… senjata ke/kepada/untuk X": who receives what was supplied
RECIPIENT_MARKER = re.compile(rf"\b(?:{cue_words('recipient-marker')})\b")
# "paket bantuan militer untuk Y, termasuk ITEM": what an aid package holds
INCLUDES = re.compile(rf"\b(?:{cue_words('includes-marker')})\b")
# "Y menerima ITEM dari X": who supplied what was received
SOURCE_MARKER = re.compile(rf"\b(?:{cue_words('source-marker')})\b")
# a speech whose verb rejects its content: "membantah (laporan) bahwa …"; how far before the content to look
DENIAL_REACH = 40
# where a supply clause stops: ";", ", kata X", "dan juga", "tetapi"
CLAUSE_END = re.compile(rf"[;]|,\s+(?:{cue_words('clause-end-attribution')})\b|\b(?:{cue_words('clause-end-conjunction')})\b")

# "rudal (balistik) buatan Korea Utara": who made what was used
MADE_BY = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{cue_words('made-by')})\s+", re.I)
# "meminta/mendesak X (untuk) mengirim …" before the verb, in its clause
REQUESTED = re.compile(rf"\b(?:{cue_words('request')})\b[^.,;]*$", re.I)
# "menolak (untuk) mengirim": will not (not "menolak telah mengirim": did not)
REFUSED = re.compile(rf"\b(?:{cue_words('refusal')})\s+(?:untuk\s+)?$", re.I)
# "Seoul tidak akan mengirim senjata ke Ukraina": a policy for what is to come, not a denial of
# what was sent ("tidak berniat menjual senjata" answers a claim: a denial still)
WILL_NOT = re.compile(r"\b(?:tidak|tak)\s+(?:\w+\s+)?(?:akan|berencana|mau|ingin)\s+(?:[\w-]+\s+){0,2}$", re.I)
HANDOVER = re.compile(rf"(?:{cue_words('handover-verb')})", re.I)
# "memperingatkan Pyongyang agar tidak menjual senjata": a demand not to, no supply and no denial
PROHIBITED = re.compile(rf"\b(?:{cue_words('prohibition')})\s+(?:(?:{cue_words('negation-modal')})\s+)*(?:[\w-]+\s+){{0,3}}$", re.I)
ITEMS = {"Weapon", "Troops", "Technology"}
GENERIC_WEAPON = "item:item.weapons"
SUPPLIERS = {"Country", "GovernmentBody"}


class SuppliesExtractor:
    name = "supplies"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        text = ann.doc.text
        found = []
        said_in = speeches_in(ann)  # asserters and denials both read them
        for idx, sent in enumerate(ann.sentences):
            said = said_in[idx]
            last_supplier = None
            for rule, start, end in find_cues("supply-verb", text[sent.start : sent.end], sent.start):
                # a negated one said by someone denies it ("X menegaskan bahwa Iran tidak pernah
                # memasok drone kepada Rusia"); told by the article, a statement of its own records it
                denied = negated(text, start, sent.start)
                if denied and _speech_at(said, start) is None or REFUSED.search(text, max(sent.start, start - 20), start) \
                        or PROHIBITED.search(text, max(sent.start, start - 40), start) \
                        or WILL_NOT.search(text, max(sent.start, start - 40), start):
                    continue  # "Jerman menolak mengirim rudal": a refusal, no supply to deny
                if REQUESTED.search(text, max(sent.start, start - 60), start):
                    continue  # "meminta Berlin untuk mengirimkan rudal Taurus": asked for, not supplied
                supplier = _supplier(ann, sent, start, last_supplier)
                stop = _clause_end(text, end, sent.end)
                items = _object_items(ann, end, stop)
                if supplier is None or not items:
                    continue
                last_supplier = supplier
                if HANDOVER.fullmatch(text, start, end) and all(i.type == "Troops" for i in items):
                    continue  # "menyerahkan kedua tentara itu kepada …": prisoners handed over, no forces sent
                recipient = _recipient(ann, end, stop, items, supplier)
                items += _included(ann, items[-1].end, stop)
                for item in items:
                    found.append((idx, sent, rule, start, supplier, recipient, item, said, denied))
            for rule, start, end in find_cues("supply-receive", text[sent.start : sent.end], sent.start):
                # "Rusia menerima rudal dari Iran": the subject receives, "dari" names the supplier;
                # "Rusia membantah telah menerima rudal dari Korut": said, and denied
                denied = negated(text, start, sent.start)
                if denied and _speech_at(said, start) is None or PROHIBITED.search(text, max(sent.start, start - 40), start):
                    continue
                who = nearest_actor_before(ann, sent, start, SUPPLIERS)
                recipient = _as_country(actor_key(who)) if who else None
                stop = _clause_end(text, end, sent.end)
                items = _object_items(ann, end, stop)
                m = SOURCE_MARKER.search(text[items[-1].end : stop]) if items and recipient else None
                sup = _first(ann, items[-1].end + m.end(), stop, exclude=recipient) if m else None
                # (a model's name may stand between: "31 tank Abrams dari Amerika Serikat")
                if sup and MODEL_GAP.fullmatch(text[items[-1].end : items[-1].end + m.start()]) \
                        and not in_span(ann, items[-1].end, items[-1].end + m.start(), PARTIES):
                    for item in items:
                        found.append((idx, sent, rule, start, sup, recipient, item, said, denied))
            for rule, start, end in affirmed_cues(ann, sent, "supply-aid"):
                # "AS mengumumkan paket bantuan militer senilai … untuk Ukraina, termasuk rudal dan amunisi"
                supplier = _supplier(ann, sent, start, None)
                inc = INCLUDES.search(text[end : sent.end])
                items = _object_items(ann, end + inc.end(), sent.end) if inc and supplier else []
                if not items:
                    continue
                to = RECIPIENT_MARKER.search(text[end : end + inc.start()])
                recipient = _first(ann, end + to.end(), end + inc.start(), exclude=supplier) if to else None
                for item in items:
                    found.append((idx, sent, rule, start, supplier, recipient, item, said, False))
            for rule, start, end in find_cues("supply-noun", text[sent.start : sent.end], sent.start):
                # "pengiriman amunisi Korea Utara ke Rusia"
                m = re.match(r"\s+(?P<item>[^,.]{2,40}?)\s+(?P<sup>[^,.]{2,40}?)\s+(?:ke|kepada)\s+(?P<rec>[^,.]{2,40})", text[end : sent.end])
                if not m or not _first(ann, end + m.start("sup"), end + m.end("sup")):
                    # "Pemerintah Jerman mengumumkan pengiriman sistem pertahanan udara ke Ukraina":
                    # the one who announces it sends it
                    found += [(idx, sent, rule, start, *sent_by, said, False)
                              for sent_by in _announced(ann, sent, start, end)]
                    continue
                items = in_span(ann, end + m.start("item"), end + m.end("item"), ITEMS)
                sup = _first(ann, end + m.start("sup"), end + m.end("sup"))
                rec = _first(ann, end + m.start("rec"), end + m.end("rec"))
                for item in items:
                    if sup:
                        found.append((idx, sent, rule, start, sup, rec, item, said, False))
            for _rule, start, end in affirmed_cues(ann, sent, "supply-use"):
                # "Rusia menembakkan rudal buatan Korea Utara": it has them from their maker, a
                # supply the text implies, hedged
                user = nearest_actor_before(ann, sent, start, SUPPLIERS)
                user_key = _as_country(actor_key(user)) if user else None
                stop = _clause_end(text, end, sent.end)
                items = _object_items(ann, end, stop)
                m = MADE_BY.match(text, items[-1].end, stop) if items and user_key else None
                named = _named_at(ann, m.end(), min(stop, m.end() + 30)) if m else None
                maker = _as_country(actor_key(named)) if named is not None else None
                if maker is not None and maker != user_key:
                    for item in items:
                        found.append((idx, sent, "supply.made-by", start, maker, user_key, item, said, False))
            for rule, start, end in find_cues("supply-passive", text[sent.start : sent.end], sent.start):
                # "tentara Korea Utara yang telah dikerahkan untuk membantu Rusia"
                # and "Pasukan Korea Utara dikerahkan ke wilayah Kursk": the item, its country, the verb
                items, sup = _passive_subject(ann, sent, start)
                stop = _clause_end(text, end, sent.end)
                after = end
                user = None
                if not items:
                    # "Rudal-rudal itu dikirim (oleh) Korea Utara ke Rusia": the agent after the verb
                    items, sup, after = _passive_agent(ann, sent, start, end)
                    # "Rusia menembakkan rudal yang dipasok Pyongyang ke Ukraina": the user has
                    # them from the agent; "ke Ukraina" is where they were fired
                    user = _user_of_relative(ann, sent, items, start)
                rec = user or _first(ann, after, stop)
                for item in items:
                    if sup and (rec is None or rec != sup):
                        found.append((idx, sent, rule, start, sup, rec, item, said, False))
            for rule, start, end in affirmed_cues(ann, sent, "supply-arrive"):
                # "Jet tempur F-16 pertama telah tiba di Ukraina dari Denmark dan Belanda"
                item = _item_before(ann, sent, start)
                stop = _clause_end(text, end, sent.end)
                rec_m = next(iter(in_span(ann, end, min(stop, end + 40))), None)
                rec = _as_country(actor_key(rec_m)) if rec_m is not None else None
                src = SOURCE_MARKER.search(text, rec_m.end, min(stop, rec_m.end + 12)) if rec_m is not None else None
                src = src if src is not None and not text[rec_m.end : src.start()].strip() else None
                # (only what comes "dari" somewhere: "Pasukan Rusia tiba di Ukraina" is an invasion,
                # "Pasukan Rusia tiba di Ukraina dari Belarus" no supply by Belarus)
                if item is None or rec is None or src is None:
                    continue
                owned, owner = _passive_subject(ann, sent, start)
                for sup_m in _listed(ann, src.end(), stop):
                    sup = _as_country(actor_key(sup_m))
                    if sup and sup != rec and (not owned or owner == sup):
                        found.append((idx, sent, rule, start, sup, rec, item, said, False))
        yield from self._assertions(ann, found, _denials(ann, said_in))

    def _assertions(self, ann: AnnotatedDoc, found, denials: list[tuple[int, str, frozenset[str], str | None]]) -> Iterator[Assertion]:
        text = ann.doc.text
        for idx, sent, rule, start, supplier, recipient, item, said, negative in found:
            within = _speech_at(said, start)
            hedged = rule == "supply.made-by" or has_cue("hedge", text[sent.start : _clause_end(text, start, sent.end)])
            if within is not None and (negative or has_cue(
                    "denial", text[max(sent.start, within.start - DENIAL_REACH) : within.start])):
                # "X membantah laporan bahwa Y memasok …"; "laporan Wall Street Journal bahwa …": the paper's claim
                deniers = [within.speaker, *within.joint]
                claimant = _claimant(ann, within.start - 1, within.end)
                asserters = [claimant] if claimant is not None and claimant not in deniers else []
            else:
                # "Amerika Serikat dan Korea Selatan memperkirakan …": each speaker asserts it
                by = within if within is not None else (said[0] if said else None)
                asserters = [by.speaker, *by.joint] if by is not None else []
                # "Negara-negara Barat menuduh Iran memasok …": an accusation by no one the text names
                hedged = hedged or (not asserters and has_cue("accusation", text[sent.start : start]))
                # a hedged claim ("Iran dituding memasok …") is someone's even where the text does not say whose
                # ("Hamas membantah klaim Israel": only what Israel claimed)
                deniers = list(dict.fromkeys(who for at, who, items, of in denials if who not in asserters
                                             and (of is None or of in {*asserters, *map(_as_country, asserters)})
                                             and _denies(at, items, idx, item, bool(asserters) or hedged)))
            date, inferred = date_near(ann, sent, start)
            if negative and inferred:
                date, inferred = None, False  # "tidak pernah memasok": no time of its own, the claim's is the one
            ev = Evidence(ann.doc.id, sent.start, sent.end, f"{self.name}@{self.version}", rule)
            yield make_assertion("supply", ev, {
                "supplier": [supplier], "recipient": [recipient] if recipient else [], "item": [item.entity],
                "asserter": asserters, "denier": deniers,
            }, {"date": date, "date_inferred": inferred or None, "hedged": hedged})


def _announced(ann: AnnotatedDoc, sent: Sentence, start: int, end: int) -> list[tuple[str, str | None, Mention]]:
    """(supplier, recipient, item) of a supply noun an actor announces or approves for itself
    ("X mengumumkan pengiriman ITEM ke Y"); none where the noun is not the verb's object."""
    text = ann.doc.text
    verb = ANNOUNCES.search(text, max(sent.start, start - 25), start)
    if verb is None or REQUESTED.search(text, max(sent.start, verb.start() - 60), verb.start()):
        return []  # "meminta Washington menambah pasokan …": asked for
    who = nearest_actor_before(ann, sent, verb.start(), SUPPLIERS)
    supplier = _as_country(actor_key(who)) if who else None
    stop = _clause_end(text, end, sent.end)
    items = _object_items(ann, end, stop)
    if supplier is None or not items:
        return []
    recipient = _recipient(ann, end, stop, items, supplier)
    items += _included(ann, items[-1].end, stop)  # "…, termasuk rudal Harpoon dan jet tempur F-16"
    return [(supplier, recipient, item) for item in items]


# "mengumumkan/menyetujui (paket) pengiriman": the verb right before a supply noun
ANNOUNCES = re.compile(rf"\b(?:{cue_words('announce')})\s+(?:(?!bahwa\b)\w+\s+)?$", re.I)


def _speech_at(said, pos: int):
    """The speech of the sentence whose reported content holds `pos`, if any."""
    return next((sp for sp in said if sp.start <= pos < sp.end + 1), None)


def _supplier(ann: AnnotatedDoc, sent: Sentence, pos: int, previous: str | None) -> str | None:
    text = ann.doc.text
    if previous and re.search(r"\bdan\s+(?:juga\s+)?$", text[max(sent.start, pos - 12) : pos]):
        return previous  # "X mengirim ... dan juga menyediakan ...": the same subject
    m = nearest_actor_before(ann, sent, pos, SUPPLIERS)
    key = actor_key(m) if m else None
    if key is None and (person := nearest_actor_before(ann, sent, pos, {"Person"})) is not None:
        key = _acting_for(ann, person.entity)  # "Blinken mengumumkan paket bantuan …": for his country
    return _as_country(key)


def _acting_for(ann: AnnotatedDoc, person: str) -> str | None:
    """The country or body a person acts for, by the first title the article gives them."""
    return next((app.represents for app in ann.appositions if app.person == person and app.represents), None)


def _as_country(key: str | None) -> str | None:
    """A government body supplies on behalf of its country."""
    if key and key.startswith("org:") and "|" in key:
        return key.split("|", 1)[1]
    if key and key.startswith("known:"):
        from kg.knowledge import load_known

        k = load_known().get(key[6:])
        if k and k.type == "GovernmentBody" and k.represents:
            return "known:" + k.represents
    return key if key and (key.startswith("known:") or key.startswith("org:")) else None


def _passive_subject(ann: AnnotatedDoc, sent: Sentence, verb: int) -> tuple[list[Mention], str | None]:
    """Before a passive supply verb: an item, then the country it is of ("tentara Korea Utara
    (yang telah) dikerahkan"), with at most a few words between them and the verb."""
    text = ann.doc.text
    before = in_span(ann, sent.start, verb)
    # (the last two mentions before the verb: "Tentara Rusia menggunakan drone yang dikirim Iran"
    # sends no soldiers)
    item, sup = before[-2:] if len(before) >= 2 else (None, None)
    if item is not None and item.type in ITEMS and _as_country(actor_key(sup)) \
            and re.fullmatch(r"\s+(?:dari\s+)?", text[item.end : sup.start]) and PASSIVE_GAP.fullmatch(text[sup.end : verb]):
        return [item], _as_country(actor_key(sup))
    return [], None


def _user_of_relative(ann: AnnotatedDoc, sent: Sentence, items: list[Mention], verb: int) -> str | None:
    """Who uses an item a relative clause says was supplied ("X menembakkan/menggunakan ITEM yang
    dipasok Y"): the subject of the verb of use the item is the object of."""
    if not items or not RELATIVE_PASSIVE.fullmatch(ann.doc.text, items[0].end, verb):
        return None
    use = USE_BEFORE.search(ann.doc.text, max(sent.start, items[0].start - 40), items[0].start)
    if use is None or negated(ann.doc.text, use.start(), sent.start):
        return None
    user = nearest_actor_before(ann, sent, use.start(), SUPPLIERS)
    return _as_country(actor_key(user)) if user else None


def _item_before(ann: AnnotatedDoc, sent: Sentence, verb: int) -> Mention | None:
    """The item a passive or arrival verb is about: the last one before it in the sentence, a
    few words away ("Rudal-rudal itu dikirim", "Jet tempur F-16 pertama telah tiba")."""
    items = [m for m in in_span(ann, sent.start, verb) if m.type in ITEMS]
    if not items or not PASSIVE_GAP.fullmatch(ann.doc.text[items[-1].end : verb]):
        return None
    return items[-1]


def _passive_agent(ann: AnnotatedDoc, sent: Sentence, verb: int, end: int) -> tuple[list[Mention], str | None, int]:
    """(items, supplier, where the recipient is looked for) of "ITEM dikirim (oleh) X ke Y"."""
    item = _item_before(ann, sent, verb)
    by = AGENT_AFTER.match(ann.doc.text, end)
    if item is None or by is None:  # ("… akan segera dikirim.": nothing after the verb)
        return [], None, end
    agent = _named_at(ann, by.end(), min(sent.end, by.end() + 40))
    if agent is None:
        return [], None, end
    return [item], _as_country(actor_key(agent)), agent.end


def _named_at(ann: AnnotatedDoc, pos: int, stop: int) -> Mention | None:
    """The mention that starts right at `pos` (the first before `stop`, if it is there)."""
    first = next(iter(in_span(ann, pos, stop)), None)
    return first if first is not None and first.start == pos else None


def _listed(ann: AnnotatedDoc, pos: int, stop: int) -> list[Mention]:
    """The actors listed from `pos`: "Denmark dan Belanda", "AS, Inggris, dan Prancis"."""
    out, at = [], pos
    for m in in_span(ann, pos, stop):
        if not LIST_GAP.fullmatch(ann.doc.text[at : m.start]):
            break
        out.append(m)
        at = m.end
    return out


MODEL_GAP = re.compile(r"[\s,]*(?:[A-Z0-9][\w-]*\s+){0,3}")
AGENT_AFTER = re.compile(r"\s+(?:oleh\s+)?")
LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:dan|serta)\s+)?")
RELATIVE_PASSIVE = re.compile(r"\s+yang\s+(?:(?:telah|sudah|baru|sebelumnya)\s+)*")
# a verb of use with the item as its object ("menembakkan (puluhan) rudal")
USE_BEFORE = re.compile(rf"\b(?:{cue_words('supply-use')})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
PASSIVE_GAP = re.compile(r"\s+(?:yang\s+)?(?:[^\s,.]+\s+){0,4}?(?:telah\s+|sudah\s+)?")


def _object_items(ann: AnnotatedDoc, end: int, stop: int) -> list[Mention]:
    """The verb's object: the first item soon after it, and the items coordinated with it."""
    text = ann.doc.text
    exchange = EXCHANGE.search(text, end, stop)
    items = in_span(ann, end, exchange.start() if exchange else stop, ITEMS)
    if not items or items[0].start - end > 45:
        return []
    chain, last_end = [items[0]], items[0].end
    for nxt in items[1:]:
        gap = text[last_end : nxt.start]
        if not gap.strip():
            last_end = nxt.end  # "amunisi artileri": one item, the second word says of what kind
            continue
        # "drone Shahed dan rudal", "rudal balistik jarak pendek serta 200 peluru": a model or a
        # measure between, no recipient nor anyone else ("drone ke Rusia dan rudal ke Iran")
        if COORDINATED.fullmatch(gap) and not NOT_COORDINATED.search(gap) and not in_span(ann, last_end, nxt.start, PARTIES):
            chain.append(nxt)
            last_end = nxt.end
        else:
            break
    return chain


# "memberikan teknologi itu sebagai imbalan atas pasukan": what comes back for it is no object
EXCHANGE = re.compile(rf"\b(?:{cue_words('exchange')})\b", re.I)
COORDINATED = re.compile(r"\s*(?:[\w.-]+\s+){0,3}?(?:,|dan|serta|,\s*dan)\s*(?:juga\s+)?(?:[\w.]+\s+)?")
PARTIES = {"Country", "Person", "Organization", "GovernmentBody", "NewsOrganization", "Place"}
NOT_COORDINATED = re.compile(r"\b(?:ke|kepada|untuk|bagi|dari|yang)\b", re.I)


def _first(ann: AnnotatedDoc, start: int, end: int, exclude: str | None = None) -> str | None:
    """The first actor in the span, as the country it acts for, other than `exclude`."""
    for m in in_span(ann, start, end):
        key = _as_country(actor_key(m))
        if key and key != exclude:
            return key
    return None


def _recipient(ann: AnnotatedDoc, end: int, stop: int, items: list[Mention], supplier: str) -> str | None:
    text = ann.doc.text
    # "memberi Rusia pengiriman senjata": the country right after the verb
    first = next((m for m in in_span(ann, end, stop) if actor_key(m)), None)
    if first and first.type != "Person" and first.start < items[0].start and _as_country(actor_key(first)) != supplier:
        return _as_country(actor_key(first))
    for m in RECIPIENT_MARKER.finditer(text, items[-1].end, stop):
        # "kepada (pasukan) Rusia"; not "untuk digunakan dalam perang di Ukraina", where it was used
        who = next((x for x in in_span(ann, m.end(), stop) if x.type != "Person"
                    and (k := _as_country(actor_key(x))) and k != supplier), None)
        if who is not None and RECIPIENT_GAP.fullmatch(text, m.end(), who.start):
            return _as_country(actor_key(who))
    # "memasok persenjataan militer Vietnam": the country whose arms they are, with no "ke" after
    owner = next(iter(in_span(ann, items[-1].end, stop)), None)
    if owner is not None and owner.type == "Country" and OWNER_GAP.fullmatch(text[items[-1].end : owner.start]):
        key = _as_country(actor_key(owner))
        return key if key != supplier else None
    return None


OWNER_GAP = re.compile(r"\s+(?:[a-z]+\s+){0,2}")
RECIPIENT_GAP = re.compile(r"\s*(?:(?!(?:di|dalam|pada|dengan|melawan|terhadap)\b)[\w-]+\s+){0,3}", re.I)


def _included(ann: AnnotatedDoc, after: int, stop: int) -> list[Mention]:
    """Items the object names as its parts: "persenjataan militer Vietnam, termasuk jet tempur dan
    kapal selam" (the marker right after the object and its owner)."""
    text = ann.doc.text
    m = INCLUDES.search(text, after, stop)
    if m is None or in_span(ann, after, m.start(), ITEMS) or not re.fullmatch(r"[\w\s]*,?\s*", text[after : m.start()]):
        return []
    return _object_items(ann, m.end(), stop)


def _clause_end(text: str, pos: int, end: int) -> int:
    m = CLAUSE_END.search(text[pos:end])
    return pos + m.start() if m else end


def _denials(ann: AnnotatedDoc, said_in: list) -> list[tuple[int, str, frozenset[str], str | None]]:
    """(sentence index, who, the items it names, whose claim it names if any) of each rejection
    of a claim in the article: a statement that says the claim is false, or an actor that
    "membantah/menolak tuduhan …" itself ("Beijing menolak tuduhan tersebut": no reported
    content, still a denial; "Hamas membantah klaim Israel": Israel's claims only)."""
    out = [(idx, who, _items_named(ann, sp.start, sp.end), None)
           for idx, said in enumerate(said_in) for sp in said if has_cue("denial", sp.text) or _says_not_supplied(sp.text)
           for who in (sp.speaker, *sp.joint)]
    text = ann.doc.text
    for idx, sent in enumerate(ann.sentences):
        for _rule, start, end in affirmed_cues(ann, sent, "denial"):  # not "tidak membantah maupun membenarkan"
            who = nearest_actor_before(ann, sent, start)
            key = actor_key(who) if who is not None else None
            if key and start - who.end <= 20:
                named = _items_named(ann, end, _clause_end(text, end, sent.end))
                of = _claimant(ann, end, sent.end)
                out += [(idx, k, named, of) for k in (key, *coordinated_actors(ann, sent, who))]
        for _rule, start, end in find_cues("denial-passive", text[sent.start : sent.end], sent.start):
            # "Tuduhan itu dibantah oleh Moskow": the denier follows the verb, what it denies before it
            who = next(iter(in_span(ann, end, min(sent.end, end + 25))), None)
            key = actor_key(who) if who is not None else None
            if key and not text[end : who.start].strip(" ,"):
                out.append((idx, key, _items_named(ann, sent.start, start), None))
    return list(dict.fromkeys(out))


CLAIM_OF = re.compile(rf"\s+(?:{cue_words('claim-noun')})\s+(?:pihak\s+)?", re.I)


def _claimant(ann: AnnotatedDoc, end: int, stop: int) -> str | None:
    """Whose claim a denial names right after its verb ("membantah klaim Israel"), if anyone's."""
    m = CLAIM_OF.match(ann.doc.text, end, stop)
    who = _named_at(ann, m.end(), stop) if m else None
    return actor_key(who) if who is not None else None


def _says_not_supplied(said: str) -> bool:
    """Whether reported content negates a supply ("Iran tidak pernah memasok drone kepada Rusia",
    "Rusia tidak pernah menerima senjata dari Korea Utara")."""
    return any(negated(said, start) and not WILL_NOT.search(said, max(0, start - 40), start)
               for label in ("supply-verb", "supply-receive") for _rule, start, _end in find_cues(label, said, 0))


def _items_named(ann: AnnotatedDoc, start: int, end: int) -> frozenset[str]:
    return frozenset(m.entity for m in in_span(ann, start, end, ITEMS))


def _denies(at: int, items: frozenset[str], idx: int, item: Mention, claimed: bool) -> bool:
    """Whether a denial in sentence `at` naming `items` rejects the claim of `item` in sentence
    `idx`: one that names what was supplied rejects the claims of it anywhere in the article ("Kremlin
    membantah kehadiran tentara Korea Utara"), and not the claims of other things; one that names
    nothing ("tuduhan itu tidak benar") rejects a claim (`claimed`: attributed or hedged, not told
    as fact) of the three sentences before it. A denial of weapons ("senjata") rejects the claims
    of any weapon."""
    if items:  # "senjata" covers every weapon: "kami tidak pernah mengekspor senjata" rejects the shells too
        return (item.entity in items or (GENERIC_WEAPON in items and item.type == "Weapon")) and at != idx
    return bool(claimed) and 0 < at - idx <= 3
