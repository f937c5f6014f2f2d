"""Meetings: "X bertemu (dengan) Y", "pertemuan X dengan Y", "X dan Y membahas",
"selama pembicaraan dengan Y", "kedua pria itu berjabat tangan"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.common import (
    VENUE_NOUN,
    affirmed_cues,
    clause_bounds,
    cue_words,
    date_near,
    destination,
    find_cues,
    first_actor_after,
    has_cue,
    in_span,
    not_before,
    place_in,
    reference_date,
    subject_of,
)
from kg.lang import read_jsonl
from kg.model import AnnotatedDoc, Assertion, Evidence, Mention, Sentence, make_assertion
from kg.text.dates import dates_agree, find_dates

PERSON = {"Person"}
# "di kota pelabuhan itu": the place named before, taken up again
PLACE_BACK_REFERENCE = re.compile(rf"\b(?:{cue_words('place-back-reference')})\b", re.I)  # "Di sana ia bertemu …"


PURPOSE_BEFORE = re.compile(r"\buntuk\s+$", re.I)
# verbs that meet only a person named right after them, behind capitalised titles at most
# ("menerima Presiden Ukraina X"; not "menerima bantuan dari X")
TITLED_OBJECT = frozenset(p.id for p in read_jsonl("id", "cues.jsonl") if p.get("object") == "titled-person")
TITLED = re.compile(r"(?:\s+[A-Z][\w.'-]*)*\s+")
QUOTE_MARK = re.compile(r"[\"“”]")


class MeetingsExtractor:
    name = "meetings"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        found: list[tuple[Sentence, str, int, int, tuple[str, ...]]] = []
        planned: list[bool] = []  # of each found meeting, read once
        # "kedua pria itu …": the pair of the last meeting told as having happened, else of the
        # last one planned ("X dijadwalkan bertemu Y. … kedua pemimpin akan membahas …")
        last_told = last_planned = last_leaders = None
        leaders = _leaders(ann)
        for sent in ann.sentences:
            for rule, start, end, people in self._in_sentence(ann, sent, last_told or last_planned, last_leaders):
                lo, hi = clause_bounds(ann, sent, start)
                if has_cue("remote", ann.doc.text[lo:hi]):
                    continue  # a call or a video conference: they spoke, they did not meet
                if len(set(people)) >= 2:
                    pair = tuple(sorted(set(people)))
                    found.append((sent, rule, start, end, pair))
                    # the words before it, and those inside a joint form ("X dan Y akan membahas")
                    # and a meeting that is the purpose of a plan ("dijadwalkan berkunjung ke Moskow
                    # bulan depan untuk bertemu Putin")
                    planned.append(has_cue("planned", ann.doc.text[max(sent.start, start - 25) : end]) or (
                        PURPOSE_BEFORE.search(ann.doc.text[sent.start : start]) is not None
                        and has_cue("planned", ann.doc.text[lo:start])))
                    if planned[-1]:
                        last_planned = pair
                    else:
                        last_told = pair
                        if leaders.issuperset(pair):
                            last_leaders = pair  # "kedua pemimpin": of the leaders, not a minister at the airport
        dates = [date_near(ann, sent, start, future=plan) for (sent, _r, start, _e, _p), plan in zip(found, planned)]
        # of a meeting dated by the trip or the day told before it, the day it cannot precede
        after = [not_before(ann, sent, start) if inferred and date and len(date) == 7 else None
                 for (sent, _r, start, _e, _p), (date, inferred) in zip(found, dates)]
        for n, ((_sent, rule, _s, _e, pair), plan) in enumerate(zip(found, planned)):
            if rule == PAIR_RULE and dates[n][1]:
                # "X bertemu Y pada Rabu (9/7). Keduanya membahas …": the meeting just told, on its day
                told = next((k for k in range(n - 1, -1, -1) if found[k][4] == pair and planned[k] == plan
                             and (not dates[k][1] or after[k])), None)
                if told is not None:
                    dates[n], after[n] = (dates[told][0], True), after[told]
        places = self._places(ann, found, planned, dates)
        for (sent, rule, _start, _end, people), (place, inferred), plan, (date, date_inferred), earliest in zip(
                found, places, planned, dates, after):
            ev = Evidence(ann.doc.id, sent.start, sent.end, f"{self.name}@{self.version}", rule)
            yield make_assertion("meeting", ev, {"participant": list(people)}, {
                "date": date, "date_inferred": date_inferred or None, "not_before": earliest, "place": place,
                "place_inferred": inferred or None, "planned": plan or None,
            })

    def _in_sentence(self, ann: AnnotatedDoc, sent: Sentence, last: tuple[str, ...] | None,
                     last_leaders: tuple[str, ...] | None = None) -> Iterator[tuple[str, int, int, list[str]]]:
        text = ann.doc.text
        for label in ("meeting-verb", "meeting-passive"):
            # active "X bertemu Y" and passive "Y ditemui oleh X" name the same two people
            for rule, start, end in affirmed_cues(ann, sent, label):
                other = first_actor_after(ann, end, min(sent.end, end + 80), PERSON)
                if other and rule in TITLED_OBJECT and not TITLED.fullmatch(text[end : other.start]):
                    continue  # "menerima Presiden X", not "menerima Rp 5 miliar dari X"
                if other and QUOTE_MARK.search(text, end, other.start):
                    continue  # '"… menyambut usulan itu," kata X': the verb is quoted, X its speaker
                subject = subject_of(ann, sent, start, exclude=other)
                if other and subject:
                    for met in (other, *_also_met(ann, sent, other)):  # "bertemu X serta Y": each of them
                        yield rule, start, end, [subject.entity, met.entity]
        for rule, start, end in find_cues("meeting-with", text[sent.start : sent.end], sent.start):
            other = first_actor_after(ann, end, min(sent.end, end + 80), PERSON)
            subject = subject_of(ann, sent, start, exclude=other)
            if other and subject:
                for met in (other, *_also_met(ann, sent, other)):
                    yield rule, start, end, [subject.entity, met.entity]
        for rule, start, end in find_cues("meeting-noun", text[sent.start : sent.end], sent.start):
            # "pertemuan X dengan Y", "pertemuan antara X dan Y" (not "pertemuan dengan X dan Y":
            # whose meeting that is, the verb before it says)
            m = re.match(r"\s+(?!dengan\s)(?P<a>[^,.]{1,80}?)\s+(?:dengan|dan)\s+(?P<b>[^,.]{1,80})", text[end : sent.end])
            if not m:
                continue
            a = first_actor_after(ann, end, end + m.end("a"), PERSON)
            b = first_actor_after(ann, end + m.start("b"), end + m.end("b"), PERSON)
            if a and b and a.start - end <= 40:
                yield rule, start, end, [a.entity, b.entity]
        yield from self._joint(ann, sent, last, last_leaders)

    def _joint(self, ann: AnnotatedDoc, sent: Sentence, last, last_leaders=None) -> Iterator[tuple[str, int, int, list[str]]]:
        """'X dan Y membahas ...'; 'kedua pria itu berjabat tangan'."""
        text = ann.doc.text
        people = in_span(ann, sent.start, sent.end, PERSON)
        for a, b in zip(people, people[1:]):
            between = text[a.end : b.start]
            # "X dan [Jenderal] Y", "X dan [Menteri Luar Negeri Korea Selatan] Y"
            # and "X dan mitranya dari DPRK, Y, menggelar …": the counterpart named between commas
            if not re.fullmatch(r"\s+dan\s+(?:(?:\w+\s+){0,4}|(?:[A-Z][\w-]*\s+){0,8}|(?:mitra|rekan)\w*(?:\s+[\w-]+){0,3},\s+)", between):
                continue
            tail = text[b.end : sent.end]
            for rule, s, e in find_cues("meeting-joint", tail, b.end):
                if re.fullmatch(r"[\s,]*(?:\w+\s+){0,2}", text[b.end : s]) and not has_cue("negation", text[b.end : s]):
                    yield rule, a.start, e, [a.entity, b.entity]
                    break
        for rule, s, e in find_cues("meeting-pair", text[sent.start : sent.end], sent.start):
            tail = text[e : sent.end]
            joint = next((c for c in find_cues("meeting-joint", tail, e) if c[1] - e < 40), None)
            if joint is None:
                continue
            # "kedua pria itu": the pair of the meeting just told, else the last two people named
            if last_leaders and LEADERS_NOUN.search(text, s, e):
                last = last_leaders
            pair = list(last) if last and len(last) == 2 else _last_two_people(ann, s)
            if pair:
                yield rule, s, joint[2], pair  # to the verb: "kedua pemimpin akan membahas" is a plan

    def _places(self, ann: AnnotatedDoc, found, planned: list[bool], dates) -> list[tuple[str | None, bool]]:
        """Each meeting's place: the sentence's, a later 'pertemuan itu diadakan di X', else the
        context (not for a plan: where the story is told says nothing of where they will meet)."""
        text = ann.doc.text
        back: list[tuple[int, Mention]] = []
        for sent in ann.sentences:
            for _rule, s, e in find_cues("meeting-place", text[sent.start : sent.end], sent.start):
                p = place_in(ann, sent, e)
                if p:
                    back.append((s, p))
        out = []
        for (sent, _rule, start, _end, people), plan, (date, _inf) in zip(found, planned, dates, strict=True):
            p = _place_of_clause(ann, sent, start) or place_in(ann, sent)
            if p is None and PLACE_BACK_REFERENCE.search(text[sent.start : sent.end]):
                prior = [m for m in ann.mentions if m.type == "Place" and m.end <= sent.start]
                p = prior[-1] if prior else None
            if p is not None and _unknown_venue(p) and not plan:
                # "di Istana Kepresidenan" in a story of a visit to Hanoi: the city the story is in
                city = _context_place(ann, start, people, date)
                if city is not None:
                    out.append((city, True))
                    continue
            if p is not None:
                out.append((p.entity, False))
                continue
            later = [pm for s, pm in back if s >= start]
            if later:
                out.append((later[0].entity, False))
                continue
            out.append((None if plan else _context_place(ann, start, people, date), True))
        # one article, one pair of people: the place it states for them holds for its other reports
        # of the same meeting (not for a plan, nor for a meeting of another date: "ketika ia
        # bertemu Kim di Pyongyang" in 2023 says nothing of where they meet this year)
        stated: dict[tuple, list[tuple[str | None, str]]] = {}
        for (_sent, _r, _s, _e, people), (place, inferred), (date, _) in zip(found, out, dates):
            if place and not inferred:
                stated.setdefault(people, []).append((date, place))
        places = [_stated_place(stated.get(f[4], ()), date, pl) if inf and not plan and f[4] in stated else pl
                  for f, (pl, inf), plan, (date, _) in zip(found, out, planned, dates)]
        return [(pl, inf and pl is not None) for pl, (_, inf) in zip(places, out)]  # no place: nothing inferred


def _stated_place(stated, date: str | None, inferred: str | None) -> str | None:
    """The first place stated for the pair on a date that agrees with `date`; else the inferred one."""
    return next((place for when, place in stated if dates_agree(when, date)), inferred)


PAIR_RULE = "meet.pair"  # "keduanya …": the pair of the meeting just told
LEADER_TITLES = frozenset({"title.president", "title.prime-minister", "title.leader", "title.chancellor", "title.king"})
LEADERS_NOUN = re.compile(r"\bpemimpin\b", re.I)


def _leaders(ann: AnnotatedDoc) -> frozenset[str]:
    """The people the article titles as heads of state or government."""
    return frozenset(app.person for app in ann.appositions
                     if app.rule in LEADER_TITLES and not (app.title or "").startswith("Wakil"))


def _unknown_venue(p: Mention) -> bool:
    """A building no knowledge file places in a city ("Istana Kepresidenan", "Hotel Metropole")."""
    return not p.entity.startswith("known:") and VENUE_NOUN.match(p.surface) is not None


def _place_of_clause(ann: AnnotatedDoc, sent: Sentence, start: int) -> Mention | None:
    """'…, lalu menemui Z di Warsawa': a place stated in the meeting's own later clause."""
    lo, hi = clause_bounds(ann, sent, start)
    if (lo, hi) == (sent.start, sent.end):
        return None
    p = place_in(ann, sent, max(lo, start))
    return p if p is not None and p.start < hi else None


ALSO = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s(?:dan|serta)\s+)")


def _also_met(ann: AnnotatedDoc, sent: Sentence, other: Mention) -> list[Mention]:
    """The people listed after the one met ("bertemu Kim Jong Un serta Menteri Luar Negeri Choe
    Son Hui"), each named right after a comma or "dan/serta", perhaps behind a title."""
    starts = {app.end: app.start for app in ann.appositions}
    out, listed, at = [], 0, other.end  # listed: how many of `out` a "dan/serta" closes
    while True:
        nxt = first_actor_after(ann, at, min(sent.end, at + 80), PERSON)
        sep = ALSO.fullmatch(ann.doc.text, at, starts.get(nxt.end, nxt.start)) if nxt is not None else None
        if sep is None:
            # a list ends in "dan/serta": "bertemu X, Y mengatakan …" lists no one
            return out[:listed]
        out.append(nxt)
        if re.search(r"\b(?:dan|serta)\b", sep.group(0)):
            listed = len(out)
        at = nxt.end


def _last_two_people(ann: AnnotatedDoc, pos: int) -> list[str] | None:
    seen: list[str] = []
    for m in reversed([m for m in ann.mentions if m.type == "Person" and m.end <= pos]):
        if m.entity not in seen:
            seen.append(m.entity)
        if len(seen) == 2:
            return seen
    return None


def _context_place(ann: AnnotatedDoc, pos: int, people: tuple[str, ...], date: str | None = None) -> str | None:
    """The visit in progress of one of `people` ('tiba di X' earlier in the article, in a sentence
    that names them), else the dateline's place. A sentence dated another time tells of another
    visit or meeting ("Sebelumnya, keduanya bertemu di Moskow pada November 2024")."""
    text = ann.doc.text
    ref = reference_date(ann)
    for sent in reversed([s for s in ann.sentences if s.start <= pos]):
        if not any(m.entity in people for m in in_span(ann, sent.start, sent.end, PERSON)):
            continue
        # (by the month: a visit under way spans days, "tiba … Rabu (19/6)", "disambut … Kamis (20/6)")
        told = [d.value[:7] for d in find_dates(sent.text, ref)] if date else []
        if told and not any(dates_agree(t, date[:7]) for t in told):
            continue
        for _rule, _s, e in find_cues("visit-verb", text[sent.start : sent.end], sent.start):
            p = destination(ann, e, sent.end, {"Place"}, reach=30)  # "tiba di Bandara Esenboga, Ankara": Ankara
            if p is not None:
                return p.entity
        # "Kim menjamu Shoigu di Pyongyang. … Shoigu juga bertemu dengan No Kwang Chol.": where
        # one of them was met just before
        if sent.end <= pos and any(find_cues(label, text[sent.start : sent.end]) for label in ("meeting-verb", "meeting-passive", "meeting-joint")):
            p = place_in(ann, sent)
            if p is not None and not _unknown_venue(p):
                return p.entity
    # a dateline names where the story was filed; it is the event's place only if the story names it too
    dateline = (ann.doc.meta.dateline_place or "").lower()
    for m in ann.mentions:
        if dateline and m.type == "Place" and m.surface.lower() == dateline:
            return m.entity
    return None
