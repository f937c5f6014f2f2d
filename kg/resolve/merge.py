"""Cross-article merging in one call: entities, then events, statements and offices."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.model import AnnotatedDoc, Assertion
from kg.rdf.assemble import Position, Statement, doc_slug
from kg.resolve.entities import EntityIndex, resolve_entities
from kg.resolve.events import Event, resolve_events
from kg.reuse import Kept, Reuse

if TYPE_CHECKING:
    from kg.article import Extracted


@dataclass
class Merged:
    index: EntityIndex
    events: list[Event]
    statements: list[Statement]  # of the articles whose graphs are made (not kept)
    positions: list[Position]
    kept: Kept = field(default_factory=Kept)  # article graphs taken from the last build
    made: list[AnnotatedDoc] = field(default_factory=list)  # the articles whose graphs are made


def merge(articles: list[Extracted], reuse: Reuse | None = None) -> Merged:
    """Entities, events, statements and offices across `articles` (sorted by id); with `reuse`,
    the articles whose graphs the last build made from the same things keep them (their whole
    results are not read: their mentions and statements stand in those graphs)."""
    inputs = [x.input for x in articles]
    index = resolve_entities(inputs)
    facts = [a for art in inputs for a in art.facts]
    events = resolve_events(facts, index)
    kept = reuse.keep([art.id for art in inputs], index, events) if reuse else Kept()
    made = [x.result() for x in articles if x.id not in kept.graphs]
    statements = _statements([a for r in made for a in r.assertions], index, events)
    positions = _positions(facts, index)
    return Merged(index, events, statements, positions, kept, [r.ann for r in made])


def _positions(assertions: list[Assertion], index: EntityIndex) -> list[Position]:
    out = {}
    for a in assertions:
        if a.kind != "position":
            continue
        doc = a.evidence.doc_id
        person = index.get(doc, a.role("subject")[0])
        if person is None or index.entities[person].type != "Person":
            continue
        represents = index.get(doc, (a.role("represents") or (None,))[0])
        out.setdefault((person, str(a.value("position")), represents),
                       Position(person, str(a.value("position")), represents, a.evidence))
    return [out[k] for k in sorted(out, key=str)]


def _statements(assertions: list[Assertion], index: EntityIndex, events: list[Event]) -> list[Statement]:
    out = []
    # a rejection ("menolak tuduhan tersebut") rejects the claims told before it: supplies and
    # what someone asserts, not the meeting or the visit the story tells around them
    event_of = {(ev.doc_id, ev.start, ev.end): e.id for e in events if e.kind == "supply" or e.asserted_by
                for ev in e.evidence}
    # two speakers in one sentence ("X menuding …, sementara Y menyatakan …") share its span: their
    # statements are told apart by who said what (a span alone keeps the identifiers of the rest)
    shared = Counter((a.evidence.doc_id, a.evidence.start, a.evidence.end) for a in assertions if a.kind == "statement")
    for a in assertions:
        if a.kind != "statement":
            continue
        doc = a.evidence.doc_id
        speaker = index.get(doc, a.role("speaker")[0])
        if speaker is None:
            continue
        speakers = set(_ids(a, "speaker", index))  # with those who said it together
        denied = tuple(sorted({event_of[k] for k in a.value("denies_spans", ()) if k in event_of}))
        key = f"{doc}|{a.evidence.start}|{a.evidence.end}"
        if shared[doc, a.evidence.start, a.evidence.end] > 1:
            key += f"|{speaker}|{a.value('text')}"
        sid = f"statement/{doc_slug(doc)}_{a.evidence.start}_{hashlib.sha1(key.encode()).hexdigest()[:6]}"
        out.append(Statement(
            sid, doc, str(a.value("text")), speaker, bool(a.value("direct")), a.evidence,
            reporters=_ids(a, "reporter", index), addressee=(_ids(a, "addressee", index) or (None,))[0],
            mentions=tuple(x for x in _ids(a, "mentions", index) if x not in speakers), denies=denied,
            joint=tuple(sorted(speakers - {speaker})),
        ))
    return sorted(out, key=lambda s: s.id)


def _ids(a: Assertion, role: str, index: EntityIndex) -> tuple[str, ...]:
    """The global entities an assertion's role names, sorted."""
    doc = a.evidence.doc_id
    return tuple(sorted({x for k in a.role(role) if (x := index.get(doc, k))}))
