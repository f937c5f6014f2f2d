"""Visits: "X tiba di Y", "X berkunjung ke Y", "kunjungan X ke Y", "X melakukan perjalanan ke Y".
Planned or invited visits ("rencana kunjungan", "mengundang X ke Y") are marked kg:planned."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.common import (
    affirmed_cues,
    date_near,
    destination,
    find_cues,
    first_actor_after,
    has_cue,
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
                dest = destination(ann, end, sent.end)
                agent = subject_of(ann, sent, start, exclude=None)
                if dest and agent:
                    seen.add((agent.entity, dest.entity))
                    yield self._visit(ann, sent, rule, start, agent, dest)
            for rule, start, end in find_cues("visit-noun", text[sent.start : sent.end], sent.start):
                # "kunjungan (langka) [title] X ke Y"; a host "menerima kunjungan X di Y": X came to Y
                m = re.match(r"\s+(?P<who>[^,.]{1,70}?)\s+ke\s+", text[end : sent.end])
                if not m and has_cue("visit-host", text[max(sent.start, start - 12) : start]):
                    m = re.match(r"\s+(?P<who>[^,.]{1,70}?)\s+di\s+", text[end : sent.end])
                if not m:
                    continue
                agent = first_actor_after(ann, end, end + m.end("who"), {"Person"})
                dest = destination(ann, end + m.end() - 4, sent.end)
                if agent and dest and (agent.entity, dest.entity) not in seen:
                    yield self._visit(ann, sent, rule, start, agent, dest)

    def _visit(self, ann, sent, rule, start, agent: Mention, dest: Mention) -> Assertion:
        text = ann.doc.text
        # a plan or an invitation is not a visit that happened
        planned = has_cue("planned", text[max(sent.start, start - 30) : start])
        date, inferred = date_near(ann, sent, start, future=planned)
        ev = Evidence(ann.doc.id, sent.start, sent.end, f"{self.name}@{self.version}", rule)
        return make_assertion("visit", ev, {"agent": [agent.entity], "destination": [dest.entity]},
                              {"date": date, "date_inferred": inferred or None, "planned": planned or None})
