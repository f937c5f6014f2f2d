"""Resolved entities, events and statements -> quads. The only place that makes triples.

The default graph holds the merged facts (entities, events, binary edges, the ontology's
subclass axioms); each article's named graph holds the article, its text (nif:Context),
its evidence spans and the links from facts to them, and the statements it reports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.config import ontology_dir
from kg.knowledge import slug
from kg.model import Document, Evidence
from kg.rdf.vocab import KG, NIF
from kg.resolve.entities import EntityIndex
from kg.resolve.events import Event

Quad = tuple  # (s, p, o, g | None)
ROLE_PREDICATES = {
    "participant": KG.participant, "agent": KG.agent, "destination": KG.destination,
    "supplier": KG.supplier, "recipient": KG.recipient, "item": KG.item,
}
EVENT_CLASSES = {"meeting": KG.Meeting, "visit": KG.Visit, "supply": KG.Supply}


@dataclass
class Statement:
    id: str
    doc_id: str
    text: str
    speaker: str
    direct: bool
    evidence: Evidence
    reporters: tuple[str, ...] = ()
    addressee: str | None = None
    mentions: tuple[str, ...] = ()
    denies: tuple[str, ...] = ()  # event ids


@dataclass
class Position:
    person: str
    title: str
    represents: str | None
    evidence: Evidence


@dataclass
class Assembler:
    base: str
    quads: list[Quad] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.R = Namespace(self.base)

    def add(self, s, p, o, g=None) -> None:
        self.quads.append((s, p, o, g))

    def node(self, local: str) -> URIRef:
        return self.R[local]

    def graph_of(self, doc_id: str) -> URIRef:
        return self.R["graph/" + doc_slug(doc_id)]

    def article(self, doc_id: str) -> URIRef:
        return self.R["article/" + doc_slug(doc_id)]

    def context(self, doc_id: str) -> URIRef:
        return self.R["article/" + doc_slug(doc_id) + "/text"]

    def span(self, subject: URIRef, ev: Evidence, text: str) -> None:
        """subject kg:evidence <span>, the span with exact offsets, in the article's graph."""
        g = self.graph_of(ev.doc_id)
        sp = self.R[f"article/{doc_slug(ev.doc_id)}/span/{ev.start}-{ev.end}"]
        self.add(subject, KG.evidence, sp, g)
        self.add(sp, RDF.type, NIF.String, g)
        self.add(sp, NIF.referenceContext, self.context(ev.doc_id), g)
        self.add(sp, NIF.beginIndex, Literal(ev.start, datatype=XSD.integer), g)
        self.add(sp, NIF.endIndex, Literal(ev.end, datatype=XSD.integer), g)
        self.add(sp, NIF.anchorOf, Literal(text[ev.start : ev.end]), g)
        self.add(sp, KG.rule, Literal(ev.rule), g)
        self.add(sp, KG.extractor, Literal(ev.extractor), g)


def doc_slug(doc_id: str) -> str:
    """A readable IRI segment for a document id; a short hash only where characters were lost."""
    readable = doc_id.replace("/", "__").replace("#", "_line")
    tail = re.sub(r"[^A-Za-z0-9._-]+", "_", readable)
    if tail != readable:
        tail += "_" + hashlib.sha1(doc_id.encode()).hexdigest()[:6]
    return tail


def date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def assemble(
    docs: list[Document],
    index: EntityIndex,
    events: list[Event],
    statements: list[Statement],
    positions: list[Position],
    base: str,
) -> list[Quad]:
    """Every quad of the build, in no particular order (the writer sorts)."""
    a = Assembler(base)
    texts = {d.id: d.text for d in docs}
    for q in ontology_axioms():
        a.add(*q, None)
    for doc in docs:
        _article(a, doc, index)
    _entities(a, index, texts)
    for p in positions:
        person = a.node(p.person)
        a.add(person, KG.position, Literal(p.title, lang="id"))
        if p.represents:
            a.add(person, KG.represents, a.node(p.represents))
    for e in events:
        _event(a, e, texts)
    for s in statements:
        _statement(a, s, texts)
    return a.quads


def ontology_axioms() -> Iterable[tuple]:
    """The ontology's class and property hierarchy, so a/rdfs:subClassOf* works on the output."""
    import rdflib

    g = rdflib.Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    for s, p, o in g:
        if p in (RDFS.subClassOf, RDFS.subPropertyOf) or (p == RDF.type and o in (OWL.Class, OWL.SymmetricProperty)):
            yield s, p, o


def _article(a: Assembler, doc: Document, index: EntityIndex) -> None:
    art, g, ctx = a.article(doc.id), a.graph_of(doc.id), a.context(doc.id)
    m = doc.meta
    a.add(art, RDF.type, KG.Article, g)
    a.add(art, DCTERMS.identifier, Literal(doc.id), g)
    a.add(art, KG.context, ctx, g)
    a.add(ctx, RDF.type, NIF.Context, g)
    a.add(ctx, NIF.isString, Literal(doc.text), g)
    a.add(ctx, NIF.beginIndex, Literal(0, datatype=XSD.integer), g)
    a.add(ctx, NIF.endIndex, Literal(len(doc.text), datatype=XSD.integer), g)
    if m.title:
        a.add(art, DCTERMS.title, Literal(m.title), g)
    if m.date:
        a.add(art, DCTERMS.date, date_literal(m.date), g)
    if m.url:
        a.add(art, DCTERMS.source, Literal(m.url), g)
    if m.dateline_place:
        a.add(art, KG.dateline, Literal(m.dateline_place), g)
    if m.publisher:
        a.add(art, DCTERMS.publisher, _organisation(a, m.publisher, index, g), g)
    for name in m.cites:
        a.add(art, KG.cites, _organisation(a, name, index, g), g)
    for role, names in ((DCTERMS.creator, m.authors), (DCTERMS.contributor, m.editors)):
        for name in names:
            person = a.node("person/" + slug(name))
            a.add(art, role, person, g)
            a.add(person, RDF.type, PROV.Agent, g)
            a.add(person, RDFS.label, Literal(name), g)


def _organisation(a: Assembler, name: str, index: EntityIndex, g) -> URIRef:
    """An outlet or agency named in metadata: the known entity, else a new NewsOrganization."""
    from kg.ingest.clean import _outlet_index, _outlet_of
    from kg.knowledge import load_known

    ent = _outlet_of(name, _outlet_index(load_known()))
    if ent is not None:
        node = a.node(ent.id)
        if ent.id not in index.entities:  # known but never named in a text: still typed and labelled
            a.add(node, RDF.type, KG[ent.type])
            for lang, label in sorted(ent.labels.items()):
                a.add(node, RDFS.label, Literal(label, lang=lang or None))
        if name not in ent.labels.values():
            a.add(node, SKOS.altLabel, Literal(name))
        return node
    node = a.node(slug(name))
    a.add(node, RDF.type, KG.NewsOrganization)
    a.add(node, RDFS.label, Literal(name, lang="id"))
    return node


def _entities(a: Assembler, index: EntityIndex, texts: dict[str, str]) -> None:
    for ent in index.entities.values():
        node = a.node(ent.id)
        a.add(node, RDF.type, KG[ent.type])
        for lang, label in sorted(ent.labels.items()):
            a.add(node, RDFS.label, Literal(label, lang=lang or None))
        for alias in sorted(ent.aliases):
            a.add(node, SKOS.altLabel, Literal(alias))
        a.add(node, KG.mentionCount, Literal(len(ent.mentions)))
        if ent.represents:
            a.add(node, KG.represents, a.node(ent.represents))
        if ent.capital_of:
            a.add(node, KG.capitalOf, a.node(ent.capital_of))
        if ent.iso:
            a.add(node, KG.isoCode, Literal(ent.iso))
        for doc_id, m in ent.mentions:
            a.span(node, Evidence(doc_id, m.start, m.end, "mentions", m.rule), texts[doc_id])


def _event(a: Assembler, e: Event, texts: dict[str, str]) -> None:
    node = a.node(e.id)
    a.add(node, RDF.type, EVENT_CLASSES[e.kind])
    for role, ids in sorted(e.roles.items()):
        for x in ids:
            a.add(node, ROLE_PREDICATES[role], a.node(x))
    if e.date:
        a.add(node, KG.date, date_literal(e.date))
        if e.date_inferred:
            a.add(node, KG.dateInferred, Literal(True))
    if e.place:
        a.add(node, KG.place, a.node(e.place))
        if e.place_inferred:
            a.add(node, KG.placeInferred, Literal(True))
    if e.kind == "supply":
        a.add(node, KG.hedged, Literal(e.hedged))
    if e.planned:
        a.add(node, KG.planned, Literal(True))
    for x in sorted(e.asserted_by):
        a.add(node, KG.assertedBy, a.node(x))
    for x in sorted(e.denied_by):
        a.add(node, KG.deniedBy, a.node(x))
    for ev in e.evidence:
        a.span(node, ev, texts[ev.doc_id])
    if e.planned:
        return  # a planned event supports no edge: it has not happened
    if e.kind == "meeting":
        people = e.roles["participant"]
        for x in people:
            for y in people:
                if x != y:  # both directions: kg:met is symmetric, and SPARQL users need no reasoner
                    a.add(a.node(x), KG.met, a.node(y))
    elif e.kind == "visit":
        for x in e.roles["agent"]:
            for d in e.roles["destination"]:
                a.add(a.node(x), KG.visited, a.node(d))
    elif e.kind == "supply":
        for x in e.roles["supplier"]:
            for i in e.roles["item"]:
                a.add(a.node(x), KG.supplied, a.node(i))
            for r in e.roles.get("recipient", ()):
                a.add(a.node(x), KG.suppliedTo, a.node(r))


def _statement(a: Assembler, s: Statement, texts: dict[str, str]) -> None:
    g = a.graph_of(s.doc_id)
    node = a.node(s.id)
    a.add(node, RDF.type, KG.Statement, g)
    a.add(node, KG.text, Literal(s.text, lang="id"), g)
    a.add(node, PROV.wasAttributedTo, a.node(s.speaker), g)
    a.add(node, KG.directQuote, Literal(s.direct), g)
    a.add(node, DCTERMS.source, a.article(s.doc_id), g)
    for r in s.reporters:
        a.add(node, KG.reportedBy, a.node(r), g)
    if s.addressee:
        a.add(node, KG.addressee, a.node(s.addressee), g)
    for m in s.mentions:
        a.add(node, KG.mentions, a.node(m), g)
    for d in s.denies:
        a.add(node, KG.denies, a.node(d), g)
    a.span(node, s.evidence, texts[s.doc_id])
