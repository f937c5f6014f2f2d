"""Visits: "X tiba di Y", "X berkunjung ke Y", "kunjungan X ke Y", "X melakukan perjalanan ke Y".
Planned or invited visits ("rencana kunjungan", "mengundang X ke Y") are marked kg:planned."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.common import (
    affirmed_cues,
    capital_of,
    date_near,
    destination,
    find_cues,
    first_actor_after,
    has_cue,
    place_in,
    subject_of,
)
from kg.model import AnnotatedDoc, Assertion, Evidence, Mention, make_assertion


class VisitsExtractor:
    name = "visits"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        text = ann.doc.text
        for sent in ann.sentences:
            seen = set()
            for rule, start, end in affirmed_cues(ann, sent, "visit-verb"):
                agent = subject_of(ann, sent, start, exclude=None)
                dest = destination(ann, end, sent.end) or _site_in(ann, sent, end)
                if dest is not None and agent is not None and _at_home(ann, agent, dest):
                    continue  # "Putin tiba di Moskow" from a trip: home, no visit
                if dest and agent:
                    seen.add((agent.entity, dest.entity))
                    yield self._visit(ann, sent, rule, start, agent, dest)
            for rule, start, end in affirmed_cues(ann, sent, "visit-leave"):
                # "Kim meninggalkan Rusia pada Minggu setelah kunjungan enam hari": he was there, some
                # day of that month (the departure's day is not the visit's)
                agent = subject_of(ann, sent, start, exclude=None)
                dest = destination(ann, end, min(sent.end, end + 40))
                if dest and AFTER_VISIT.match(text, dest.end, sent.end) and _first_away(ann, seen, agent, dest):
                    yield self._visit(ann, sent, rule, start, agent, dest, month_only=True)
            for rule, start, end in find_cues("visit-noun", text[sent.start : sent.end], sent.start):
                # "kunjungan (langka) [title] X ke Y"; a host "menerima kunjungan X di Y": X came to Y
                m = re.match(r"\s+(?P<who>[^,.]{1,70}?)\s+ke\s+", text[end : sent.end])
                if not m and has_cue("visit-host", text[max(sent.start, start - 12) : start]):
                    m = re.match(r"\s+(?P<who>[^,.]{1,70}?)\s+di\s+", text[end : sent.end])
                if not m:
                    # "menyelesaikan kunjungan kenegaraan di Korea Utara": the visit of the sentence's subject
                    at = VISIT_AT.match(text, end, sent.end)
                    agent = subject_of(ann, sent, start, exclude=None) if at else None
                    dest = destination(ann, at.end() - 1, sent.end) if at else None
                    if _first_away(ann, seen, agent, dest):
                        yield self._visit(ann, sent, rule, start, agent, dest)
                    continue
                agent = first_actor_after(ann, end, end + m.end("who"), {"Person"})
                dest = destination(ann, end + m.end() - 4, sent.end)
                if agent and dest and (agent.entity, dest.entity) not in seen:
                    yield self._visit(ann, sent, rule, start, agent, dest)

    def _visit(self, ann, sent, rule, start, agent: Mention, dest: Mention, month_only: bool = False) -> Assertion:
        text = ann.doc.text
        # a plan or an invitation is not a visit that happened
        planned = has_cue("planned", text[max(sent.start, start - 30) : start])
        date, inferred = date_near(ann, sent, start, future=planned)
        if month_only and date and len(date) > 7:
            date, inferred = date[:7], True  # a day the sentence names of the visit, not when it was
        ev = Evidence(ann.doc.id, sent.start, sent.end, f"{self.name}@{self.version}", rule)
        return make_assertion("visit", ev, {"agent": [agent.entity], "destination": [dest.entity]},
                              {"date": date, "date_inferred": inferred or None, "planned": planned or None})


# "… setelah/usai (melakukan) kunjungan …" after where someone left, a date perhaps between
AFTER_VISIT = re.compile(r"[^.;]{0,40}?\b(?:setelah|usai|seusai|sesudah|mengakhiri)\s+(?:(?:melakukan|menyelesaikan)\s+)?"
                         r"(?:kunjungan|lawatan)", re.I)
# a visit, perhaps of a kind, right before where it was: "kunjungan (kenegaraan) di X"
VISIT_AT = re.compile(r"(?:\s+(?:kenegaraan|resmi|kerja|dinas|bilateral|singkat|pertama(?:nya)?|perdana))*\s+di\s", re.I)


def _site_in(ann: AnnotatedDoc, sent, end: int) -> Mention | None:
    """"mengunjungi pabrik pesawat tempur di kota Komsomolsk-on-Amur": a site visited, in the
    place named after it in the same clause."""
    p = place_in(ann, sent, end)
    if p is None or p.start - end > 60 or "," in ann.doc.text[end : p.start]:
        return None
    return p


def _first_away(ann: AnnotatedDoc, seen: set, agent: Mention | None, dest: Mention | None) -> bool:
    """Whether an agent at a destination is a visit the sentence has not yielded yet, away from
    home (and, if so, marks it yielded)."""
    if agent is None or dest is None or (agent.entity, dest.entity) in seen or _at_home(ann, agent, dest):
        return False
    seen.add((agent.entity, dest.entity))
    return True


def _at_home(ann: AnnotatedDoc, agent: Mention, dest: Mention) -> bool:
    """Whether `dest` is the country the article titles the agent for, or its capital."""
    home = {app.represents for app in ann.appositions if app.person == agent.entity and app.represents}
    return bool(home) and (dest.entity in home or capital_of(dest.entity) in home)
