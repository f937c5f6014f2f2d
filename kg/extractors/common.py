"""What several extractors need: cue regexes, actors (with metonymy), subjects, dates, places."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache, lru_cache

from kg.knowledge import load_known
from kg.lang import alternation, read_jsonl
from kg.model import AnnotatedDoc, Mention, Sentence
from kg.text.dates import find_dates, from_story, only_time_words, to_date

ACTORS = {"Person", "Country", "Organization", "GovernmentBody", "NewsOrganization"}


def cue_words(*labels: str) -> str:
    """Word lists of the cue file (kg/lang/id/cues.jsonl) as one alternation."""
    return alternation("id", "cues.jsonl", *labels)


PRONOUNS = re.compile(rf"\b(?:{cue_words('pronoun')})\b", re.I)
# modifiers that put a name inside someone else's noun phrase: "TASS milik pemerintah Rusia"
MODIFIER_BEFORE = re.compile(rf"(?:{cue_words('modifier-before')})\s*$", re.I)
# "…, seperti dikutip Reuters, …": an aside naming who relays, between a subject and its verb
RELAY_ASIDE = re.compile(rf"(?:{cue_words('relay')})\b", re.I)


@cache
def cue_rx(label: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(rule id, regex) of every cue row with this label."""
    return tuple((p.id, re.compile(rf"(?<![\w-])(?:{p.pattern})(?![\w-])", re.I))
                 for p in read_jsonl("id", "cues.jsonl") if p.label == label)


def find_cues(label: str, text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """(rule id, start, end) of the cues with `label` in text, offsets shifted by `start`."""
    out = []
    for rule, rx in cue_rx(label):
        out += [(rule, m.start() + start, m.end() + start) for m in rx.finditer(text)]
    return sorted(out, key=lambda c: (c[1], -c[2]))


@cache
def _negated_rx() -> re.Pattern:
    # a negation ("tidak", or a refusal: "enggan") and the modal words that may stand between it
    # and the verb ("belum pernah", "tak jadi")
    return re.compile(rf"(?<![\w-])(?:{cue_words('negation', 'negation-refusal')})"
                      rf"(?:\s+(?:{cue_words('negation-modal')}))*\s*$", re.I)


NEGATION_REACH = 30  # how far before a verb its negation may start


def negated(text: str, pos: int, floor: int = 0) -> bool:
    """True when the words right before the verb at `pos` (not before `floor`: the sentence's
    start) negate it: "tidak bertemu", "belum pernah bertemu"."""
    return bool(_negated_rx().search(text[max(floor, pos - NEGATION_REACH) : pos]))


def affirmed_cues(ann: AnnotatedDoc, sent: Sentence, label: str) -> list[tuple[str, int, int]]:
    """The cues of `label` in the sentence that no negation right before takes back ("Iran
    tidak mengirim rudal", "belum pernah bertemu")."""
    text = ann.doc.text
    return [(rule, start, end) for rule, start, end in find_cues(label, text[sent.start : sent.end], sent.start)
            if not negated(text, start, sent.start)]


def has_cue(label: str, text: str) -> bool:
    return any(rx.search(text) for _, rx in cue_rx(label))


def actor_key(m: Mention) -> str | None:
    """The entity that acts when `m` is the subject: a capital stands for its country."""
    if m.type in ACTORS:
        return m.entity
    if m.type == "Place" and m.entity.startswith("known:"):
        cap = load_known()[m.entity[6:]].capital_of
        if cap:
            return "known:" + cap
    return None


# "A dan B", "A, B, dan C": the coordinated subjects before a verb of speech
JOINT_LAST = re.compile(r",?\s+dan\s+$")
JOINT_LIST = re.compile(r",\s+$")


def coordinated_actors(ann: AnnotatedDoc, sent: Sentence, who: Mention) -> tuple[str, ...]:
    """The others who act with `who`, a verb's subject: a list of actors of its kind ending in
    "dan" right before it ("Moskow dan Pyongyang membantah", "AS, Jepang, dan Korea Selatan
    menyatakan"); none where only a comma comes before it ("Di Moskow, Lavrov mengatakan")."""
    text, person = ann.doc.text, who.type == "Person"
    before = [m for m in in_span(ann, sent.start, who.start) if actor_key(m) and (m.type == "Person") == person]
    out, at, sep = [], who.start, JOINT_LAST
    for m in reversed(before):
        if not sep.fullmatch(text[m.end : at]):
            break
        out.append(actor_key(m))
        at, sep = m.start, JOINT_LIST
    return tuple(k for k in dict.fromkeys(reversed(out)) if k != actor_key(who))


def in_span(ann: AnnotatedDoc, start: int, end: int, types=None) -> list[Mention]:
    return [m for m in ann.top_mentions_in(start, end) if types is None or m.type in types]


def nearest_actor_before(ann: AnnotatedDoc, sent: Sentence, pos: int, types=None, stop_at_comma=True) -> Mention | None:
    """The subject of a verb at `pos`: the closest actor before it in its clause, skipping modifiers."""
    lo = sent.start
    if stop_at_comma:
        head = ann.doc.text[sent.start:pos]
        cut = max(head.rfind(","), head.rfind(" bahwa "), head.rfind("“"), head.rfind('"'))
        if cut >= 0 and head[cut] == "," and AUXILIARIES.fullmatch(head[cut + 1 :]):
            found = _apposition(ann, sent, cut, types)
            before = head.rfind(",", 0, cut)
            if found is None and before >= 0 and RELAY_ASIDE.match(head[before + 1 : cut].strip()):
                # "X, dilansir kantor berita TASS, menyatakan …": the subject is before the aside
                return nearest_actor_before(ann, sent, sent.start + before, types, stop_at_comma)
            if found is None and before >= 0:
                # "Wang Yi, diplomat top China, telah mengunjungi …" and "Belousov, yang menggantikan
                # Shoigu pada Mei, mengatakan …": the name before a description or a relative clause
                # (a person's description may name their country, not another person)
                head_actor = _ending_at(ann, sent.start, sent.start + before, types)
                aside = [x for x in in_span(ann, sent.start + before + 1, sent.start + cut)
                         if actor_key(x) and (not types or x.type in types)]
                # ("Amerika Serikat, sekutu utama Israel, telah mengirim …": an aside opening in
                # lower case describes the name before it; a list of names would open in capitals)
                if head_actor is not None and (RELATIVE.match(head, before + 1) or not aside
                                               or DESCRIPTION.match(head, before + 1) or (
                        head_actor.type == "Person" and all(x.type != "Person" for x in aside))):
                    found = head_actor
            return found
        if cut >= 0 and head[cut] == "," and RELATIVE.match(head, cut + 1):
            # "Putin, yang tiba di Hanoi pada Rabu, …": the verb of a relative clause is its head's
            return _ending_at(ann, sent.start, sent.start + cut, types)
        if cut >= 0:
            lo = sent.start + cut + 1
    for m in reversed(in_span(ann, lo, pos)):
        key = actor_key(m)
        if key is None or (types and m.type not in types and not (m.type == "Place" and "Country" in types)):
            continue
        if MODIFIER_BEFORE.search(ann.doc.text[max(sent.start, m.start - 30) : m.start]):
            continue
        return m
    return None


def _ending_at(ann: AnnotatedDoc, lo: int, pos: int, types=None) -> Mention | None:
    """The actor whose name ends right at `pos` (a comma after it)."""
    return next((m for m in in_span(ann, lo, pos)
                 if m.end == pos and actor_key(m) and (not types or m.type in types)), None)


ACCOMPANIED = re.compile(r"\b(?:didampingi|disertai|ditemani)\s+(?:oleh\s+)?$", re.I)
RELATIVE = re.compile(r"\s*yang\s")  # "X, yang …": a clause about X
DESCRIPTION = re.compile(r"\s*[a-z]")
# what may stand between a subject's closing comma and its verb: "…, telah mengunjungi"
# (not "lalu"/"kemudian": those join a second clause, whose subject subject_of finds)
AUXILIARIES = re.compile(r"\s*(?:(?:telah|sudah|juga|pun|akan|baru|sempat|pernah)\s+)*")


def _apposition(ann: AnnotatedDoc, sent: Sentence, comma: int, types=None) -> Mention | None:
    """"Juru bicara Kemlu China, Lin Jian, mengatakan …": the verb's subject is the name set off
    by commas right before it, when the name is all there is between them."""
    head = ann.doc.text[sent.start : sent.start + comma]
    begin = head.rfind(",") + 1
    inside = in_span(ann, sent.start + begin, sent.start + comma)
    lead = len(head[begin:]) - len(head[begin:].lstrip())
    trail = len(head) - len(head.rstrip())
    if len(inside) != 1 or (inside[0].start, inside[0].end) != (sent.start + begin + lead, sent.start + comma - trail):
        return None
    m = inside[0]
    if actor_key(m) is None or (types and m.type not in types and not (m.type == "Place" and "Country" in types)):
        return None
    return m


def first_actor_after(ann: AnnotatedDoc, pos: int, end: int, types=None) -> Mention | None:
    for m in in_span(ann, pos, end):
        if actor_key(m) and (types is None or m.type in types or (m.type == "Place" and "Country" in types)):
            return m
    return None


def previous_person(ann: AnnotatedDoc, pos: int) -> Mention | None:
    """Who 'ia'/'dia' at `pos` refers to: the person earlier in its own sentence, else the
    subject (first person named) of the nearest sentence before that names one."""
    for sent in reversed([s for s in ann.sentences if s.start <= pos]):
        persons = [m for m in ann.mentions if m.type == "Person" and sent.start <= m.start and m.end <= min(pos, sent.end)]
        if persons:
            return persons[-1] if sent.start <= pos < sent.end else persons[0]
    return None


def reference_date(ann: AnnotatedDoc):
    """The article's date, else the latest full date its text gives (to resolve 'pada hari Rabu')."""
    if ann.doc.meta.date:
        return to_date(ann.doc.meta.date)
    return _latest_full_date(ann.doc.text)


@lru_cache(maxsize=8)
def _latest_full_date(text: str):
    # asked for each dated assertion of an article: read the text once
    full = [d.value for d in find_dates(text, None) if len(d.value) == 10]
    return to_date(max(full)) if full else None


NEXT_CLAUSE = re.compile(rf",\s*(?:{cue_words('clause-connective')})\b|;", re.I)


def clause_bounds(ann: AnnotatedDoc, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause holding `pos`, between ", lalu …", ", kemudian …", ";" and the sentence's ends."""
    text = ann.doc.text
    starts = [m.end() for m in NEXT_CLAUSE.finditer(text, sent.start, pos)]
    m = NEXT_CLAUSE.search(text, pos, sent.end)
    return (starts[-1] if starts else sent.start), (m.start() if m else sent.end)


def date_near(ann: AnnotatedDoc, sent: Sentence, pos: int, future: bool = False) -> tuple[str | None, bool]:
    """(date, inferred): the date of `pos`'s own clause after it, else the sentence's date nearest
    `pos`, else the article's month. future: the event is planned, so weekdays lie ahead. The date
    of what something has been "sejak" is not the event's (see _since_another)."""
    ref = reference_date(ann)
    found = [d for d in find_dates(sent.text, ref, future) if not _since_another(sent.text, pos - sent.start, d)
             and not TOPIC_VERB.search(sent.text, max(0, pos - sent.start), d.start)]
    # "X, yang berkunjung ke London pekan ini, bertemu Y pada Rabu", "X, yang dilantik pada 2020,
    # bertemu Y": a clause describing the subject before the verb dates what it tells, not the event
    asides = [(m.start(), m.end()) for m in RELATIVE_ASIDE.finditer(sent.text, 0, max(0, pos - sent.start))]
    found = [d for d in found if not any(a <= d.start < b for a, b in asides)]
    story = _last_day_before(ann, sent, ref) if any(from_story(d, sent.text) for d in found) else None
    if story is not None:
        # "Sehari sebelumnya, …": the day before the last day the story named, not the article's
        found = [replace(d, value=_counted_from(d, sent.text, story)) if from_story(d, sent.text) else d for d in found]
    if found:
        lo, hi = clause_bounds(ann, sent, pos)
        own = [d for d in found if max(lo, pos) <= sent.start + d.start < hi]
        if own and (lo, hi) != (sent.start, sent.end):  # "X bertemu Y pada hari Senin, lalu menemui Z pada hari Selasa"
            return own[0].value, False
        best = min(found, key=lambda d: abs(sent.start + d.start - pos))
        return best.value, False
    # "Lavrov mendarat di Pyongyang pada Rabu (18/10). Ia langsung disambut oleh Choe", "Kim
    # menyambut kedatangan Putin di bandara": the day the sentences just before told
    if STRAIGHT_AWAY.search(sent.text) and (day := _told_before(ann, sent, ref, 2, whole_days=True)):
        return day, True
    # "Dalam kunjungan tersebut, Choe bertemu …": in the month of the trip the sentences before
    # dated; "Shoigu kemudian bertemu Kim": what came next, in the month of what was told just before
    back = 3 if DURING_THAT.search(sent.text) else 2 if SEQUEL.search(sent.text, 0, max(0, pos - sent.start)) else 0
    if back and (when := _told_before(ann, sent, ref, back, whole_days=False)):
        return when[:7], True
    if ann.doc.meta.date:
        return ann.doc.meta.date[:7], True
    return None, False


def not_before(ann: AnnotatedDoc, sent: Sentence, pos: int) -> str | None:
    """The day an event at `pos` cannot be earlier than, where date_near() gave only a month:
    "Shoigu tiba di Pyongyang pada Selasa (17/6). Dalam kunjungan itu, ia diterima Kim" was on the
    17th or later, so it is not the meeting of 4 June the article tells too (see kg.resolve.events)."""
    back = 3 if DURING_THAT.search(sent.text) else 2 if SEQUEL.search(sent.text, 0, max(0, pos - sent.start)) else 0
    day = _told_before(ann, sent, reference_date(ann), back, whole_days=False) if back else None
    return day if day and len(day) == 10 else None


def _told_before(ann: AnnotatedDoc, sent: Sentence, ref, n: int, whole_days: bool) -> str | None:
    """The last date the `n` sentences before `sent` give, the nearest sentence first (only
    whole days, if asked)."""
    for prev in [s for s in ann.sentences if s.end <= sent.start][-n:][::-1]:
        found = [d for d in find_dates(prev.text, ref) if not whole_days or len(d.value) == 10]
        if found:
            return found[-1].value
    return None


RELATIVE_ASIDE = re.compile(r",\s*yang\b[^,]{1,120},")
SINCE = re.compile(r"\bsejak\b", re.I)
# "membahas persiapan kunjungan Putin ke Beijing bulan depan": a date after it is the topic's
TOPIC_VERB = re.compile(rf"\b(?:{cue_words('topic-verb')})\b", re.I)
# what happens at once, or on someone's arrival, happens the day just told
# ("disambut Y di bandara": a welcome is on arrival)
STRAIGHT_AWAY = re.compile(rf"\b(?:{cue_words('on-arrival')})\b", re.I)
DURING_THAT = re.compile(rf"\b(?:dalam|selama|di sela(?:-sela)?)\s+(?:{cue_words('visit-noun')})(?:\s+\w+)?"
                         rf"\s+(?:{cue_words('demonstrative')})\b", re.I)
SEQUEL = re.compile(rf"\b(?:{cue_words('sequel')})\b", re.I)
FIRST_SINCE = re.compile(r"\bpertama(?:nya)?\s+(?:\S+\s+){0,3}$", re.I)


def _since_another(text: str, pos: int, d) -> bool:
    """Whether date `d` of a sentence dates what the event at `pos` has been "sejak", not the event:
    a clause of its own the event is not in ("kunjungan pertama sejak Pezeshkian menjabat pada
    Juli"), or the time of the last such event ("yang pertama sejak 2019"). A time right after
    "sejak" is when the event began ("berkunjung sejak Rabu", "memasok sejak tahun lalu")."""
    # (the date's own words may open with it: "sejak 2019", "sejak Juli")
    since = [m for m in SINCE.finditer(text, 0, d.end) if m.start() <= d.start]
    if not since:
        return False
    start = since[-1].end()
    if "," in text[start : d.start]:
        return False  # "sejak itu, …": that clause ended before the date
    if only_time_words(text[start : d.start]):
        return bool(FIRST_SINCE.search(text, 0, since[-1].start()))
    end = text.find(",", d.end)
    return not (since[-1].start() <= pos < (end if end >= 0 else len(text)))


def _last_day_before(ann: AnnotatedDoc, sent: Sentence, ref) -> dt.date | None:
    """The last day the text names before `sent` (the story's day so far), itself counted from
    the one before it when it is "keesokan harinya"."""
    for prev in reversed([s for s in ann.sentences if s.end <= sent.start]):
        days = [d for d in find_dates(prev.text, ref) if len(d.value) == 10]
        if not days:
            continue
        last = days[-1]
        if from_story(last, prev.text) and (anchor := _last_day_before(ann, prev, ref)) is not None:
            return to_date(_counted_from(last, prev.text, anchor))
        return to_date(last.value)
    return None


def _counted_from(d, text: str, day: dt.date) -> str:
    """A story-relative date ("sehari sebelumnya") counted from `day` instead of the article's."""
    return find_dates(text[d.start : d.end], day)[0].value


# nouns after which "di X" is the subject of talks, not the place of the event
# "membahas situasi di (wilayah) Kursk": the place of the topic
TOPIC_BEFORE = re.compile(rf"\b(?:{cue_words('topic-noun')})\s+(?:\w+\s+){{0,2}}?(?:{cue_words('place-preposition')})\s+"
                          rf"(?:(?:{cue_words('place-kind-before')})\s+(?:(?:{cue_words('place-kind-modifier')})\s+)?)?$", re.I)
# "membahas situasi di Semenanjung Korea dan kerja sama di kawasan Asia-Pasifik": after a verb of
# talks, these nouns are what was talked of too (not after others: "menandatangani perjanjian
# kemitraan di Moskow" is where it was signed)
TOPIC_TALKED = re.compile(rf"\b(?:{cue_words('topic-verb')})\b[^,.;]{{0,80}}?\b(?:{cue_words('topic-noun-talked')})\s+"
                          rf"(?:\w+\s+){{0,2}}?(?:{cue_words('place-preposition')})\s+"
                          rf"(?:(?:{cue_words('place-kind-before')})\s+(?:(?:{cue_words('place-kind-modifier')})\s+)?)?$", re.I)
# "di X", "dekat kota X", "di kota pesisir X": a place where something happens
PLACE_BEFORE = re.compile(rf"\b(?:{cue_words('place-preposition')})\s+(?:(?:{cue_words('place-kind-before')})\s+"
                          rf"(?:(?:{cue_words('place-kind-modifier')})\s+)?)?$", re.I)


# "di Istana Merdeka, Jakarta", "di Gedung Putih, Washington": a venue, then its city
VENUE_BEFORE = re.compile(r"\bdi\s+(?:[A-Z][\w.'-]*\s+){0,4}[A-Z][\w.'-]*,\s+$")


def place_in(ann: AnnotatedDoc, sent: Sentence, after: int | None = None) -> Mention | None:
    """'di <Place>' in the sentence: where it happened."""
    text = ann.doc.text
    for m in in_span(ann, after or sent.start, sent.end):
        m = m if m.type == "Place" else seat_city(m)  # "bertemu di Kremlin": in Moscow
        if m is None:
            continue
        before = text[max(0, m.start - 40) : m.start]
        if not (PLACE_BEFORE.search(before) or VENUE_BEFORE.search(before)):
            continue
        if TOPIC_BEFORE.search(before) or TOPIC_TALKED.search(text, max(sent.start, m.start - 140), m.start):
            continue  # "membahas situasi di Laut China Selatan": what they spoke of, not where
        if VENUE_NOUN.match(m.surface):  # "di Aula Besar Rakyat, Beijing": in Beijing
            return _city_after(ann, m, sent.end, ("Place",)) or m
        return m
    return None


COORDINATED = re.compile(rf"(?:,\s*|\s)(?:{cue_words('coordinator')})\s+(?:(?:{cue_words('coordinator-modal')})\s+)?$", re.I)


PURPOSE = re.compile(r"(?:,\s*|\s)(?:untuk|guna)\s+$", re.I)


def subject_of(ann: AnnotatedDoc, sent: Sentence, pos: int, exclude: Mention | None) -> Mention | None:
    """Who does it: the person before the verb, a pronoun's antecedent, or the main clause's subject."""
    text = ann.doc.text
    subj = nearest_actor_before(ann, sent, pos, {"Person"})
    if subj is not None:
        # "Lavrov didampingi Duta Besar Rusia Alexander Matsegora saat bertemu Choe": Lavrov's meeting
        start = next((a.start for a in ann.appositions if a.person == subj.entity and a.end == subj.end), subj.start)
        if ACCOMPANIED.search(text, max(sent.start, start - 20), start):
            lead = nearest_actor_before(ann, sent, start, {"Person"})
            subj = lead if lead is not None else subj
    if subj and subj != exclude:
        return subj
    head = text[sent.start : pos]
    pron = list(PRONOUNS.finditer(head))
    if pron:
        return previous_person(ann, sent.start + pron[-1].start())
    if COORDINATED.search(head) or PURPOSE.search(head):
        # "X bertemu Y di Berlin, lalu menemui Z": the second verb shares the sentence's subject, and
        # so does a purpose ("X melawat ke Sochi, Senin (4/9), untuk bertemu Y")
        first = next((m for m in in_span(ann, sent.start, pos, {"Person"})
                      if not MODIFIER_BEFORE.search(text[max(sent.start, m.start - 30) : m.start])), None)
        if first and first != exclude:
            return first
    # "Setelah bertemu Y, X ...": the subject follows the fronted clause
    comma = text.find(",", pos, sent.end)
    if comma > 0:
        after = first_actor_after(ann, comma, sent.end, {"Person"})
        # (the first name after the comma: "Setelah dilantik, Budi Hartono bertemu Anwar" is not Anwar's)
        if after and after != exclude and not in_span(ann, comma, after.start, {"Person", "Unknown"}):
            return after
    return None


# a building or a port, named before its body or its town: "Kantor …", "Bandara …"
VENUE_NOUN = re.compile(rf"(?:{cue_words('venue-noun')})\b")
VENUE_NOUN_BEFORE = re.compile(rf"\b(?:{cue_words('venue-noun')})\s+$", re.I)


DESTINATIONS = frozenset({"Place", "Country"})
# a venue's name, to the comma or the "di" after it
VENUE_AT = re.compile(rf"\s*(?:{cue_words('venue-noun')})\b[^,.;]{{0,60}}?(?=,|\s+di\s|[.;]|$)")


def destination(ann: AnnotatedDoc, pos: int, end: int, types=DESTINATIONS, reach: int = 25) -> Mention | None:
    """The place or country right after 'ke'/'di' (allowing 'wilayah', 'kota', ...); for a venue
    or a seat of government and then its city ("tiba di Bandara Esenboga, Ankara", "di Istana
    Merdeka, Jakarta"), the city."""
    venue = VENUE_AT.match(ann.doc.text, pos, end)
    if venue is not None:
        # "di Bandara Internasional Sunan, Pyongyang", "di Bandara Vnukovo di Moskow": a venue's
        # name, however long, then its city
        city = next(iter(in_span(ann, venue.end(), min(end, venue.end() + 40), types)), None)
        if city is not None and re.fullmatch(r",\s*|\s+di\s+", ann.doc.text[venue.end() : city.start]):
            return city
    first = next(iter(in_span(ann, pos, min(end, pos + reach))), None)
    if first is not None and first.type not in types and first.type != "Unknown":  # a seat of government
        city = _city_after(ann, first, end, types) or (seat_city(first) if "Place" in types else None)
        if city is not None:
            return city
    m = next(iter(in_span(ann, pos, min(end, pos + reach), types | {"Country"})), None)
    if m is not None and m.type == "Country" and "Place" in types and CAPITAL_BEFORE.search(ann.doc.text, pos, m.start):
        capital = capitals().get(m.entity)  # "tiba di ibu kota Rusia itu": in Moscow
        if capital is not None:
            return Mention(m.start, m.end, m.surface, "Place", capital, m.rule)
    m = next(iter(in_span(ann, pos, min(end, pos + reach), types)), None)
    return (_city_after(ann, m, end, types) if m is not None and _is_venue(ann, pos, m) else None) or m


CAPITAL_BEFORE = re.compile(r"\bibu ?kota\s+(?:negara\s+)?$", re.I)


def capital_of(key: str) -> str | None:
    """The country a known capital is the capital of (entity keys)."""
    if not key.startswith("known:"):
        return None
    known = load_known().get(key[6:])
    return "known:" + known.capital_of if known is not None and known.capital_of else None


@cache
def capitals() -> dict[str, str]:
    """Each known country's capital, as entity keys (the knowledge files' kg:capitalOf)."""
    return {"known:" + ent.capital_of: "known:" + key for key, ent in sorted(load_known().items()) if ent.capital_of}


def seat_city(m: Mention) -> Mention | None:
    """A seat of power named where something happens, as the city it stands in (the knowledge
    files' kg:basedIn): "di Kremlin" is in Moscow. The span stays the seat's."""
    if not m.entity.startswith("known:"):
        return None
    known = load_known().get(m.entity[6:])
    city = known.based_in if known is not None else None
    return Mention(m.start, m.end, m.surface, "Place", "known:" + city, m.rule) if city else None


def _city_after(ann: AnnotatedDoc, m: Mention, end: int, types) -> Mention | None:
    """The place right after `m` and a comma ("Bandara Esenboga, Ankara": Ankara)."""
    city = next(iter(in_span(ann, m.end, min(end, m.end + 40), types)), None)
    return city if city is not None and re.fullmatch(r",\s*", ann.doc.text[m.end : city.start]) else None


def _is_venue(ann: AnnotatedDoc, pos: int, m: Mention) -> bool:
    """A building or a port rather than a town: named after a venue noun ("Bandara Esenboga")."""
    return bool(VENUE_NOUN_BEFORE.search(ann.doc.text[pos : m.start]) or VENUE_NOUN.match(m.surface))
