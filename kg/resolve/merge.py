"""Cross-article merging in one call: entities, then events, statements and offices."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from kg.model import AnnotatedDoc, Assertion
from kg.rdf.assemble import Position, Statement, doc_slug
from kg.resolve.entities import EntityIndex, resolve_entities
from kg.resolve.events import Event, resolve_events
from kg.reuse import Kept, Reuse


@dataclass
class Merged:
    index: EntityIndex
    events: list[Event]
    statements: list[Statement]  # of the articles whose graphs are made (not kept)
    positions: list[Position]
    kept: Kept = field(default_factory=Kept)  # article graphs taken from the last build


def merge(docs: list[AnnotatedDoc], assertions: list[Assertion], reuse: Reuse | None = None) -> Merged:
    """Entities, events, statements and offices across articles; with `reuse`, the articles
    whose graphs the last build made from the same things keep them (their statements are not
    made again: they stand in those graphs)."""
    index = resolve_entities(docs)
    events = resolve_events(assertions, index)
    kept = reuse.keep(docs, index, events) if reuse else Kept()
    statements = _statements(assertions, index, events, kept.graphs)
    positions = _positions(assertions, index)
    return Merged(index, events, statements, positions, kept)


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


def _statements(assertions: list[Assertion], index: EntityIndex, events: list[Event], skip) -> list[Statement]:
    out = []
    event_of = {(ev.doc_id, ev.start, ev.end): e.id for e in events for ev in e.evidence}
    for a in assertions:
        if a.kind != "statement":
            continue
        doc = a.evidence.doc_id
        if doc in skip:
            continue
        speaker = index.get(doc, a.role("speaker")[0])
        if speaker is None:
            continue
        denied = tuple(sorted({event_of[k] for k in a.value("denies_spans", ()) if k in event_of}))
        key = f"{doc}|{a.evidence.start}|{a.evidence.end}"
        sid = f"statement/{doc_slug(doc)}_{a.evidence.start}_{hashlib.sha1(key.encode()).hexdigest()[:6]}"
        out.append(Statement(
            sid, doc, str(a.value("text")), speaker, bool(a.value("direct")), a.evidence,
            reporters=_ids(a, "reporter", index), addressee=(_ids(a, "addressee", index) or (None,))[0],
            mentions=tuple(x for x in _ids(a, "mentions", index) if x != speaker), denies=denied,
        ))
    return sorted(out, key=lambda s: s.id)


def _ids(a: Assertion, role: str, index: EntityIndex) -> tuple[str, ...]:
    """The global entities an assertion's role names, sorted."""
    doc = a.evidence.doc_id
    return tuple(sorted({x for k in a.role(role) if (x := index.get(doc, k))}))
