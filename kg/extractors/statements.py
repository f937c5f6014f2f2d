"""Reported speech: who said what, to whom, relayed by whom.

Forms: "X mengatakan (kepada Y) (bahwa) ...", "..., kata X", "“...,” kata X, “...”",
"menurut X, ...", "..., X melaporkan", with a relay after it: ", menurut TASS",
"dalam pernyataan resmi yang dikeluarkan Kementerian ...", "menurut transkrip ... situs ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extractors.common import (
    PRONOUNS,
    actor_key,
    clause_bounds,
    coordinated_actors,
    cue_words,
    find_cues,
    first_actor_after,
    has_cue,
    in_span,
    nearest_actor_before,
    negated,
    previous_person,
)
from kg.model import AnnotatedDoc, Assertion, Evidence, Mention, Sentence, make_assertion

SPEAKERS = {"Person", "Country", "Organization", "GovernmentBody", "NewsOrganization"}
QUOTE_RX = re.compile(r"[“\"‘](?P<q>[^“”\"‘’]{8,}?)[”\"’]")
RELAY_ORGS = {"Organization", "GovernmentBody", "NewsOrganization"}
# "…, kata X" / "“…,” kata X": a speech verb after the content attributes it only past a comma or a quote
ATTRIBUTION_AFTER = re.compile(r"[,”\"’]\s*$")
# "mengatakan (pada hari Senin) kepada X bahwa …": the addressee, up to "bahwa" when it comes
_TO = rf"\s*(?:(?:{cue_words('time-before-addressee')})\s+)?(?:{cue_words('addressee-preposition')})\s+"
ADDRESSEE_THAT = re.compile(rf"{_TO}(?P<to>[^,]{{1,80}}?)\s+(?:{cue_words('complementizer')})\s+")
ADDRESSEE = re.compile(rf"{_TO}(?P<to>[^,]{{1,60}}?)\s+")
# "kepada wartawan di Gedung Putih": told to an audience, not to the place it stood in
# "(mengatakan) dalam konferensi pers di Moskow bahwa", "(menulis) di platform X bahwa"
CIRCUMSTANCE_THAT = re.compile(rf"\s*(?:di|dalam|melalui|lewat|pada|saat|ketika|usai|seusai|setelah|sebelum)\s+"
                               rf"(?:[^,“\"]|,(?=\s*\d)){{1,80}}?,?\s+(?:{cue_words('complementizer')})\s+", re.I)
AUDIENCE = re.compile(rf"(?:{cue_words('audience-noun')})\b", re.I)
# "mengatakan pekan lalu bahwa, …": what comes between the verb and the content
CONTENT_OPENING = re.compile(rf"(?:\s*(?:{cue_words('time-ago')}))?\s*(?:(?:{cue_words('complementizer')})\s+)?,?\s*")
# "…, menurut (laporan) X." closing a sentence, and "Menurut X, …" opening one
ACCORDING_AFTER = re.compile(rf",\s+(?:{cue_words('speech-according')})\s+(?:(?:{cue_words('source-noun')})\s+)?"
                             r"(?P<who>[^,]{2,80}?)\s*\.?\s*$", re.I)
ACCORDING_BEFORE = re.compile(rf"\s*(?:{cue_words('speech-according')})\s+", re.I)
ACCORDING_PRONOUN = re.compile(rf"\s*(?:{cue_words('speech-according')})(?:nya|\s+(?:{cue_words('pronoun')}))\s*,\s*", re.I)
CONTRAST = re.compile(r",?\s+(?:sementara(?: itu)?|sedangkan|adapun)\s+(?=[A-Z])")
# what stands between a subject and its verb when it is set off by commas ("X, yang …, mengatakan")
ASIDE = re.compile(r",[^,]{1,160},\s*(?:\w+\s+){0,2}")
# "…, katanya" / "…, kata dia": a speaker named only by a pronoun
PRONOUN_ATTRIBUTION = re.compile(rf"(?:(?:{cue_words('speech-after-enclitic')})\b"
                                 rf"|(?:{cue_words('speech-after-pronoun')})\s+(?:{cue_words('pronoun')})\b)")
# where reported content stops: ", menurut X", ", kata X", ", kantor berita X melaporkan"
CONTENT_TAIL = re.compile(rf",\s+(?:{cue_words('attribution-tail')})\b"
                          rf"|,\s+(?:{cue_words('media-noun')})\b[^,]*\b(?:{cue_words('report-verb')})", re.I)
REPORTED_TAIL = re.compile(rf",\s+[^,]{{2,80}}\s+(?:{cue_words('report-verb')})\.?$")
REPORTER_TAIL = re.compile(rf",\s+(?P<who>[^,]{{2,80}}?)\s+(?:{cue_words('report-verb')})\.?\s*$")
# "mengatakan … dan menegaskan …", "menyebut … serta menambahkan …": before the second verb
COORDINATED_VERB = re.compile(rf",?\s+(?:{cue_words('coordinator')})(?:\s+(?:{cue_words('coordinator-modal')}))?\s+$")
# "(membantah) klaim tersebut": content that only points back at something told before
# and "(membantah) klaim Israel": someone's claim, named by whose it is
BARE_REFERENCE = re.compile(rf"(?:{cue_words('back-reference-noun')}|{cue_words('claim-noun')})(?:\s+\w+)?"
                            rf"\s+(?:{cue_words('demonstrative')})"
                            rf"|(?i:{cue_words('claim-noun')})\s+(?:pihak\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}"
                            # "(membenarkan) laporan pengiriman pasukan tersebut", "(mengonfirmasi) pengerahan itu":
                            # a few nouns pointing back (no verb: "kami menghargai dukungan itu" says something;
                            # no time: "… saat ini")
                            rf"|(?:(?!(?:me|ber|di|ter)[a-z])[a-z][\w-]*\s+){{0,3}}(?<!saat )(?<!kali )(?<!hari )(?<!masa )"
                            rf"(?:{cue_words('demonstrative')})")
# "Hal itu disampaikan oleh X", "Demikian disampaikan X": the previous sentence's content, attributed after it
BACK_ATTRIBUTION = re.compile(rf"\s*(?:(?:{cue_words('back-reference-noun')})\s+(?:{cue_words('demonstrative')})|Demikian)\s+"
                              rf"(?:di)?(?:{cue_words('passive-speech-stem')})(?:\s+oleh)?\s+", re.I)


@dataclass(frozen=True)
class Speech:
    """One attribution in a sentence: what the extractors of claims also need."""

    rule: str
    speaker: str  # entity key
    text: str
    direct: bool
    start: int  # where the reported content starts (document offset)
    end: int
    reporters: tuple[str, ...] = ()
    addressee: str | None = None
    gap: tuple[int, int] | None = None  # the attribution inside a quote split around it
    span: tuple[int, int] | None = None  # the evidence, when it is not the sentence itself
    joint: tuple[str, ...] = ()  # who says it with the speaker ("Moskow dan Pyongyang membantah")


class StatementsExtractor:
    name = "statements"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        claims = []
        for sent, said in zip(ann.sentences, speeches_in(ann), strict=True):
            for sp in said:
                mentions = [m.entity for m in in_span(ann, sp.start, sp.end) if m.type != "Unknown"
                            and not (sp.gap and sp.gap[0] <= m.start < sp.gap[1])]
                denies = ()
                if has_cue("denial", sp.text):
                    denies = tuple(claims[-3:])  # the claims just before it that it rejects
                begin, finish = sp.span or (sent.start, sent.end)
                ev = Evidence(ann.doc.id, begin, finish, f"{self.name}@{self.version}", sp.rule)
                yield make_assertion("statement", ev, {
                    "speaker": [sp.speaker, *sp.joint], "reporter": list(sp.reporters),
                    "addressee": [sp.addressee] if sp.addressee else [], "mentions": mentions,
                }, {"text": sp.text, "direct": sp.direct, "denies_spans": denies or None})
            claims.append((ann.doc.id, sent.start, sent.end))


_last: tuple[AnnotatedDoc, tuple[tuple[Speech, ...], ...]] | None = None


def speeches_in(ann: AnnotatedDoc) -> tuple[tuple[Speech, ...], ...]:
    """Every sentence's speeches, found once a document: the statements and the supplies
    extractors both read them. Remembered for the last document only, by identity (a thread
    reads the memo once, so threads of a Dask worker never see each other's)."""
    global _last
    last = _last
    if last is None or last[0] is not ann:
        found: list[tuple[Speech, ...]] = []
        for sent in ann.sentences:  # each sentence's after the one before (a back-reference reads them)
            found.append(tuple(speeches(ann, sent, found[-1] if found else ())))
        last = _last = (ann, tuple(found))
    return last[1]


def speeches(ann: AnnotatedDoc, sent: Sentence, before: tuple[Speech, ...] = ()) -> list[Speech]:
    """Every attribution of speech in one sentence (`before`: those of the sentence before it)."""
    out: list[Speech] = []
    text = ann.doc.text
    body = text[sent.start : sent.end]
    quotes = [(sent.start + m.start("q"), sent.start + m.end("q"), m.group("q")) for m in QUOTE_RX.finditer(body)]
    # "..., kata X" / "“...,” kata X"
    for rule, s, e in find_cues("speech-after", body, sent.start):
        if not ATTRIBUTION_AFTER.search(text[sent.start : s]):
            continue  # "kata" inside a phrase ("kata kunci", "dengan kata lain") is no attribution
        # the speaker follows the verb, perhaps behind a title ("kata juru bicara Kementerian ...")
        window = _phrase_end(text, e, sent.end)
        # "…, tegasnya dalam konferensi pers di Teheran": the enclitic is the speaker, not a name after it
        who = _pronoun_speaker(ann, s, sent) if PRONOUN_ATTRIBUTION.match(text, s) else None
        who = (who or first_actor_after(ann, e, window, {"Person"})
               or _qualified(ann, first_actor_after(ann, e, min(sent.end, e + 60), SPEAKERS | {"Place"})))
        if who is None or _unnamed_media(text, e, who):  # "…, lapor media Rusia": no one named
            continue
        key = actor_key(who)
        if key is None:
            continue
        inner = [q for q in quotes if q[1] <= s]
        # “…,” kata X, “…”: the quote resumes after the attribution
        resumed = [q for q in quotes if q[0] > e and re.fullmatch(r"[\s,]*[“\"‘]", text[window:q[0]])]
        gap = (s, window) if inner and resumed else None
        inner += resumed
        if inner:
            q0, q1 = inner[0][0], inner[-1][1]
            content, direct = " … ".join(q[2].strip().rstrip(",") for q in inner), True
        else:
            q0, q1 = sent.start, s
            content, direct = _strip(text[q0:q1]), False
        out.append(Speech(rule, key, content, direct, q0, q1, _relays(ann, who.end, sent.end, key), gap=gap))
    # "X mengatakan (kepada Y) (bahwa) ..."
    verbs = find_cues("speech-before", body, sent.start)
    last: tuple | None = None  # the speaker of the sentence's last speech verb, and who spoke with them
    for rule, s, e in verbs:
        if any(sp.start <= s < sp.end for sp in out if sp.direct):
            continue  # the verb sits inside a quote already attributed
        if negated(text, s, sent.start):
            continue  # "Pyongyang tidak membantah maupun membenarkan laporan itu": nothing said
        # "X mengatakan … dan menegaskan bahwa …": the second verb has the first one's subject
        coordinated = _coordinated_verb(ann, max(sent.start, s - 30), s) is not None
        joined = last if last is not None and coordinated else None
        if joined is None and coordinated:
            # "Choe bertemu Lavrov dan menyatakan …": the subject of the verb before, not its object
            lo = clause_bounds(ann, sent, s)[0]
            head = first_actor_after(ann, lo, s, {"Person"}) or first_actor_after(ann, lo, s, SPEAKERS)
            joined = (head, ()) if head is not None else None
        who = joined[0] if joined else nearest_actor_before(ann, sent, s, SPEAKERS | {"Place"})
        quoted_by: tuple[str, ...] = ()
        if who is not None and not joined:
            who, quoted_by = _quoted_speaker(ann, sent, who, s)
        subject_end = s if joined else who.end if who is not None else sent.start
        if who is None:
            pron = list(PRONOUNS.finditer(text[sent.start : s]))
            who = previous_person(ann, sent.start + pron[-1].start()) if pron else None
            subject_end = sent.start + pron[-1].end() if pron else subject_end
        if who is None or actor_key(who) is None:
            continue
        # (the pronoun's, not its antecedent's: "Ia juga menegaskan …"; past a clause set off by
        # commas: "Belousov, yang menggantikan Shoigu pada Mei lalu, mengatakan …")
        if s - subject_end > 60 and not ASIDE.fullmatch(text, subject_end, s):
            continue
        joint = joined[1] if joined else coordinated_actors(ann, sent, who) if subject_end == who.end else ()
        last = (who, joint)
        rest = text[e : sent.end]
        addressee = None
        # "mengatakan kepada Presiden Iran X bahwa …": the addressee runs to "bahwa" when it comes
        m = ADDRESSEE_THAT.match(rest) or ADDRESSEE.match(rest)
        start = e
        if m:
            to = (first_actor_after(ann, e + m.start("to"), e + m.end("to"), {"Person"})  # "kepada Presiden Iran X": X
                  or first_actor_after(ann, e + m.start("to"), e + m.end("to"), {"Country", "Organization", "GovernmentBody"}))
            addressee = to.entity if to and not AUDIENCE.match(m.group("to")) else None
            start = e + m.end()
        c = CIRCUMSTANCE_THAT.match(rest) if start == e else None
        if c is not None:  # "mengatakan dalam konferensi pers di Moskow bahwa …": what follows "bahwa"
            start = e + c.end()
        if start == e:  # skip "pekan lalu bahwa", ", "
            start += CONTENT_OPENING.match(text[e : sent.end]).end()
        end = _content_end(ann, start, sent.end)
        # "X menuding …, sementara Wang menyatakan …": the other speaker's clause is not X's content
        later = [s2 for _r, s2, _e in verbs if start < s2 < end]
        contrast = CONTRAST.search(text, start, later[0]) if later else None
        if contrast is not None:
            end = contrast.start()
        # "… dan menegaskan bahwa …": the next verb of the same speaker starts other content
        also = next((m for s2 in later if (m := _coordinated_verb(ann, max(start, s2 - 30), s2))), None)
        if also is not None and also.start() < end:
            end = also.start()
        content = _strip(text[start:end])
        # a word quoted is said however short ("menyebutnya \"fitnah\""); other short content is not
        quoted = text[start:end].strip(" ,.;:")[:1] in QUOTE_MARKS and len(content) >= 3
        # ("mengungkapkan optimismenya": one word unquoted names a feeling, it says nothing)
        if ((len(content) < 8 or " " not in content) and not quoted) or BARE_REFERENCE.fullmatch(content):
            continue  # "membantah klaim tersebut": what is denied was told before, not said here
        quote_inside = [q for q in quotes if q[0] >= start and q[1] <= end]
        direct = bool(quote_inside) and len(quote_inside[0][2]) >= len(content) - 4
        # relayed after the content, or in an aside before the verb ("X, dilansir TASS, menyatakan")
        # and "Dalam wawancara dengan RIA Novosti, X menyatakan": a relay opening the sentence
        relays = tuple(dict.fromkeys(quoted_by + _relays(ann, end, sent.end, actor_key(who))
                                     + _relays(ann, who.end, s, actor_key(who)) + _relays(ann, sent.start, who.start, actor_key(who))))
        out.append(Speech(rule, actor_key(who), content, direct, start, end, relays, addressee, joint=joint))
    # "..., menurut (laporan) X." closing a sentence that names no other speaker
    if not out:
        m = ACCORDING_AFTER.search(body)
        # "menurut juru bicara Kremlin Dmitry Peskov": the person, not the body in their title;
        # "menurut kantor berita Rusia TASS": the agency, not the country that qualifies it
        span = (sent.start + m.start("who"), sent.start + m.end("who")) if m else None
        who = next((w for types in ({"Person"}, RELAY_ORGS, SPEAKERS) if (w := first_actor_after(ann, *span, types))),
                   None) if span else None
        if who and actor_key(who) and not _unnamed_media(text, span[0], who):
            content = _strip(text[sent.start : sent.start + m.start()])
            if len(content) >= 8:
                out.append(Speech("speech.according-after", actor_key(who), content, False, sent.start,
                                  sent.start + m.start()))
    # "Hal itu disampaikan (oleh) X …": what the sentence before says, X said
    m = BACK_ATTRIBUTION.match(body)
    if m and not out:
        earlier = [x for x in ann.sentences if x.end <= sent.start]
        who = first_actor_after(ann, sent.start + m.end(), min(sent.end, sent.start + m.end() + 80), {"Person"}) \
            or first_actor_after(ann, sent.start + m.end(), min(sent.end, sent.start + m.end() + 80), SPEAKERS)
        # (not when the sentence before names its own speaker: "X menegaskan, …. Hal tersebut disampaikan X …")
        if earlier and who is not None and actor_key(who) and not before:
            prev = earlier[-1]
            content = _strip(text[prev.start : prev.end])
            if len(content) >= 8:
                out.append(Speech("speech.back-reference", actor_key(who), content, False, prev.start, prev.end,
                                  _relays(ann, who.end, sent.end, actor_key(who)), span=(prev.start, sent.end)))
    # "Menurutnya, …" / "Menurut dia, …": the one who spoke just before, else the person last named
    m = ACCORDING_PRONOUN.match(body)
    if m:
        who = before[0].speaker if before else (p.entity if (p := previous_person(ann, sent.start)) else None)
        content = _strip(text[sent.start + m.end() : sent.end])
        if who and len(content) >= 8:
            out.append(Speech("speech.according-pronoun", who, content, False, sent.start + m.end(), sent.end))
    m = None if out and out[-1].rule == "speech.according-pronoun" else ACCORDING_BEFORE.match(body)
    # "menurut X, ..." at the head of a sentence
    if m:
        # "Menurut Menteri Luar Negeri AS Antony Blinken, …": the person, not the country in their
        # title; "Menurut kantor berita Rusia TASS, …": the agency, not the country that qualifies it
        head_end = text.find(",", sent.start + m.end(), sent.end)
        reach = head_end if head_end > 0 else sent.start + m.end() + 60
        who = (first_actor_after(ann, sent.start + m.end(), reach, {"Person"})
               or first_actor_after(ann, sent.start + m.end(), reach, RELAY_ORGS)
               or first_actor_after(ann, sent.start + m.end(), sent.start + m.end() + 60, SPEAKERS | {"Place"}))
        if who is not None and _unnamed_media(text, sent.start + m.end(), who):
            who = None  # "Menurut media Rusia, …": no one the text names
        comma = text.find(",", who.end if who else sent.start, sent.end) if who else -1
        if who is not None and who.type != "Person" and comma > 0:
            # "Menurut analis dari Carnegie Endowment, Alexander Gabuev, …": the one set off by commas
            person = first_actor_after(ann, comma + 1, min(sent.end, comma + 60), {"Person"})
            if person is not None and not text[comma + 1 : person.start].strip() \
                    and text[person.end : person.end + 1] == ",":
                who, comma = person, person.end
        # "Menurut kantor berita KCNA, Kim menyebut …": KCNA relays Kim's words, already told as Kim's
        relayed = who is not None and any(actor_key(who) in sp.reporters for sp in out)
        # "Menurut laporan Yonhap yang mengutip NIS, …", "Menurut Reuters, yang mengutip pejabat AS, …":
        # the source quoted says it, the outlet relays it
        quoting = QUOTING_AFTER.match(text, who.end, sent.end) if who is not None and comma > 0 else None
        comma = text.find(",", quoting.end(), sent.end) if quoting else comma
        source = first_actor_after(ann, quoting.end(), comma, SPEAKERS) if quoting and comma > 0 else None
        reporters = (actor_key(who),) if source is not None and actor_key(source) else ()
        who = source if reporters else who
        if who and comma > 0 and actor_key(who) and not relayed:
            content = _strip(text[comma + 1 : sent.end])
            out.append(Speech("speech.according", actor_key(who), content, False, comma + 1, sent.end, reporters))
    return _dedupe(out)


def _quoted_speaker(ann: AnnotatedDoc, sent: Sentence, who: Mention, verb: int) -> tuple[Mention, tuple[str, ...]]:
    """(speaker, outlets quoting them) of a verb whose nearest actor is an outlet quoting someone or
    someone an outlet quotes: "Lavrov dikutip Reuters mengatakan …" (Lavrov's, Reuters found as the
    relay after him), "Yonhap, mengutip Kepala Staf Gabungan Korea Selatan, melaporkan …" (the JCS's,
    relayed by Yonhap)."""
    text = ann.doc.text
    m = QUOTED_BY_BEFORE.search(text, max(sent.start, who.start - 30), who.start) if who.type in RELAY_ORGS else None
    said_by = nearest_actor_before(ann, sent, m.start(), SPEAKERS) if m else None
    if said_by is not None and not text[said_by.end : m.start()].strip(" ,"):
        return said_by, ()
    q = QUOTING_AFTER.match(text, who.end, verb) if who.type == "NewsOrganization" else None
    source = first_actor_after(ann, q.end(), verb, SPEAKERS) if q else None
    if source is not None and actor_key(source) and not text[q.end() : source.start].strip() \
            and ASIDE_END.fullmatch(text, source.end, verb):
        return source, (actor_key(who),)  # (an aside the verb's subject search skipped)
    q = QUOTING_BEFORE.search(text, max(sent.start, who.start - 30), who.start)
    outlet = nearest_actor_before(ann, sent, q.start(), RELAY_ORGS, stop_at_comma=False) if q else None
    if outlet is not None and outlet.type == "NewsOrganization" and not text[outlet.end : q.start()].strip(" ,") \
            and ASIDE_END.fullmatch(text, who.end, verb):
        return who, (actor_key(outlet),)
    return who, ()


# "X dikutip Reuters (mengatakan)": X said it, the outlet quotes X
QUOTED_BY_BEFORE = re.compile(r"\b(?:seperti\s+)?(?:dikutip|dilansir|diberitakan)(?:\s+(?:oleh|dari))?\s+(?:kantor\s+berita\s+)?$", re.I)
# "Yonhap, mengutip X, melaporkan": the outlet before, the source it quotes right after
QUOTING = r"(?:mengutip|merujuk(?:\s+pada)?)\s+(?:(?:keterangan|laporan|data|sumber(?:\s+dari)?)\s+)?"
QUOTING_BEFORE = re.compile(rf"\b{QUOTING}$", re.I)
ASIDE_END = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}")
# "laporan Yonhap yang mengutip NIS": the source an outlet quotes
QUOTING_AFTER = re.compile(rf"\s*,?\s*(?:yang\s+)?{QUOTING}", re.I)


def _coordinated_verb(ann: AnnotatedDoc, lo: int, verb: int) -> re.Match | None:
    """The coordinator right before the verb at `verb` that joins it to the verb before ("… dan
    menegaskan", ", lalu menambahkan"); not an adverb after its own subject ("Lavrov kemudian
    mengatakan": Lavrov says it)."""
    m = COORDINATED_VERB.search(ann.doc.text, lo, verb)
    if m is None or re.search(r"\b(?:dan|serta)\b|,", m.group(0)):
        return m
    return None if any(x.end == m.start() and actor_key(x) for x in in_span(ann, lo, verb)) else m


MEDIA_OF = re.compile(rf"\b(?:{cue_words('media-noun')})\s+(?:\w+\s+){{0,2}}$", re.I)


def _unnamed_media(text: str, lo: int, who) -> bool:
    """"menurut laporan media AS": the country qualifies media the text does not name."""
    return who.type == "Country" and MEDIA_OF.search(text, lo, who.start) is not None


def _qualified(ann: AnnotatedDoc, who):
    """"kata media pemerintah Korea Utara KCNA": the body a country qualifies, named right after it."""
    if who is None or who.type != "Country":
        return who
    after = next(iter(in_span(ann, who.end, who.end + 40)), None)
    if after is not None and after.type in RELAY_ORGS and not ann.doc.text[who.end : after.start].strip():
        return after
    return who


def _phrase_end(text: str, pos: int, end: int) -> int:
    """The end of the noun phrase after a speech verb: the next comma or the sentence's end."""
    comma = text.find(",", pos, end)
    return min(comma if comma > 0 else end, pos + 80)


def _pronoun_speaker(ann: AnnotatedDoc, pos: int, sent: Sentence):
    """'…, katanya' / '…, kata dia': the one who spoke in the sentence before (a person or an
    organisation: "…, kata CSIS. …, katanya."), else the person last named."""
    m = PRONOUN_ATTRIBUTION.match(ann.doc.text[pos : pos + 16])
    if not m:
        return None
    before = [s for s in ann.sentences if s.end <= sent.start][-2:]
    for prev in reversed(before):
        for _rule, s, e in find_cues("speech-after", ann.doc.text[prev.start : prev.end], prev.start):
            if ATTRIBUTION_AFTER.search(ann.doc.text[prev.start : s]):
                who = first_actor_after(ann, e, _phrase_end(ann.doc.text, e, prev.end), SPEAKERS | {"Place"})
                if who is not None:
                    return who
    return previous_person(ann, sent.start)


def _content_end(ann: AnnotatedDoc, start: int, end: int) -> int:
    """Where reported content stops: before ', menurut X' or ', X melaporkan' at its end."""
    text = ann.doc.text
    tail = text[start:end]
    for m in CONTENT_TAIL.finditer(tail):
        return start + m.start()
    m = REPORTED_TAIL.search(tail)
    if m:
        return start + m.start()
    return end


def _relays(ann: AnnotatedDoc, pos: int, end: int, speaker: str) -> tuple[str, ...]:
    """Who relayed it: 'menurut TASS', 'dalam pernyataan ... Kementerian ...', ', RIA ... melaporkan'."""
    text = ann.doc.text
    out = []
    for _rule, _s, e in find_cues("relay", text[pos:end], pos):
        # "menurut kantor berita Rusia TASS": the agency, not the country that qualifies it
        who = first_actor_after(ann, e, min(end, e + 80), RELAY_ORGS) or first_actor_after(
            ann, e, min(end, e + 30), {"Country"})
        if who and actor_key(who) != speaker:
            out.append(actor_key(who))
    m = REPORTER_TAIL.search(text[pos:end])
    if m:
        who = first_actor_after(ann, pos + m.start("who"), pos + m.end("who"), RELAY_ORGS)
        if who and actor_key(who) != speaker:
            out.append(actor_key(who))
    return tuple(dict.fromkeys(out))


DISCOURSE_OPENER = re.compile(rf"^(?:{cue_words('discourse-opener')})\s*,\s*")


def _strip(s: str) -> str:
    """Reported content without its edges: punctuation, quote marks, and a connective that ties
    the sentence to the story ("Sementara itu, …") rather than belonging to what was said."""
    s = _trim_quotes(s.strip().strip(",.;:").strip()).strip()
    if s[-1:] in ",;:" or (s.endswith(".") and not s.endswith("..")):
        s = s[:-1].rstrip()  # the full stop a quote ends with, inside its marks ("… bicarakan.")
    return DISCOURSE_OPENER.sub("", s)


QUOTE_MARKS = "“”\"‘’"


def _trim_quotes(s: str) -> str:
    """Quote marks around the whole content go; one that closes or opens a quote inside stays
    ('menyebut tuduhan itu sebagai "propaganda Barat"')."""
    marks = sum(s.count(q) for q in QUOTE_MARKS)
    if len(s) > 1 and s[0] in QUOTE_MARKS and s[-1] in QUOTE_MARKS and marks % 2 == 0:
        return _trim_quotes(s[1:-1].strip())
    if s[:1] in QUOTE_MARKS and marks % 2:
        return s[1:]
    if s[-1:] in QUOTE_MARKS and marks % 2:
        return s[:-1]
    return s


def _dedupe(out: list[Speech]) -> list[Speech]:
    seen, kept = set(), []
    for sp in out:
        k = (sp.speaker, sp.text)
        if k not in seen:
            seen.add(k)
            kept.append(sp)
    return kept
