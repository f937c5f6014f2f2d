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
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.config import ontology_dir
from kg.knowledge import slug
from kg.model import Document, Evidence
from kg.rdf.vocab import KG, NIF
from kg.resolve.entities import EntityIndex
from kg.resolve.events import Event

Quad = ox.Quad
DEFAULT_GRAPH = ox.DefaultGraph()
_TERMS: dict[str, ox.NamedNode] = {}


def term(x) -> ox.NamedNode | ox.Literal | ox.BlankNode | ox.DefaultGraph:
    """A pyoxigraph term: ours pass through, the vocabulary's rdflib names are converted once."""
    if isinstance(x, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return x
    if isinstance(x, URIRef):
        found = _TERMS.get(x)
        if found is None:
            found = _TERMS[x] = ox.NamedNode(str(x))
        return found
    from kg.rdf.serialize import to_ox

    return to_ox(x)


def lit(value, datatype=None, lang: str | None = None) -> ox.Literal:
    """A literal typed as rdflib would type the Python value (bool, int, str)."""
    if lang:
        return ox.Literal(value, language=lang)
    if datatype is not None:
        return ox.Literal(str(value), datatype=term(datatype))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=term(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=term(XSD.integer))
    return ox.Literal(value)
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
    _docs: dict = field(default_factory=dict)  # doc id -> (slug, graph IRI, context IRI)
    _spans: set = field(default_factory=set)  # span IRIs already described

    def add(self, s, p, o, g=None) -> None:
        self.quads.append(ox.Quad(term(s), term(p), term(o), DEFAULT_GRAPH if g is None else term(g)))

    def node(self, local: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + local)

    def graph_of(self, doc_id: str) -> ox.NamedNode:
        return self.node("graph/" + doc_slug(doc_id))

    def article(self, doc_id: str) -> ox.NamedNode:
        return self.node("article/" + doc_slug(doc_id))

    def context(self, doc_id: str) -> ox.NamedNode:
        return self.node("article/" + doc_slug(doc_id) + "/text")

    def span(self, subject: ox.NamedNode, ev: Evidence, text: str) -> None:
        """subject kg:evidence <span>, the span with exact offsets, in the article's graph."""
        # the hottest path of the assembly: terms built once per article, quads made directly
        doc = self._docs.get(ev.doc_id)
        if doc is None:
            doc = self._docs[ev.doc_id] = (doc_slug(ev.doc_id), self.graph_of(ev.doc_id), self.context(ev.doc_id))
        slug_, g, ctx = doc
        # one span node per (offsets, rule): a sentence that supports a meeting and a statement
        # keeps the rule of each apart, so a wrong triple leads to the rule that made it
        sp = self.node(f"article/{slug_}/span/{ev.start}-{ev.end}/{_rule_slug(ev.rule)}")
        v = _span_vocab()
        self.quads.append(ox.Quad(subject, v["evidence"], sp, g))
        if sp.value in self._spans:
            return  # described already, as the evidence of another fact
        self._spans.add(sp.value)
        self.quads += [
            ox.Quad(sp, v["type"], v["String"], g),
            ox.Quad(sp, v["referenceContext"], ctx, g),
            ox.Quad(sp, v["beginIndex"], ox.Literal(str(ev.start), datatype=v["integer"]), g),
            ox.Quad(sp, v["endIndex"], ox.Literal(str(ev.end), datatype=v["integer"]), g),
            ox.Quad(sp, v["anchorOf"], ox.Literal(text[ev.start : ev.end]), g),
            ox.Quad(sp, v["rule"], ox.Literal(ev.rule), g),
            ox.Quad(sp, v["extractor"], ox.Literal(ev.extractor), g),
        ]


@cache
def _span_vocab() -> dict[str, ox.NamedNode]:
    return {"evidence": term(KG.evidence), "type": term(RDF.type), "String": term(NIF.String),
            "referenceContext": term(NIF.referenceContext), "beginIndex": term(NIF.beginIndex),
            "endIndex": term(NIF.endIndex), "anchorOf": term(NIF.anchorOf), "rule": term(KG.rule),
            "extractor": term(KG.extractor), "integer": term(XSD.integer)}


@cache
def _rule_slug(rule: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", rule) or "rule"


@cache
def doc_slug(doc_id: str) -> str:
    """A readable IRI segment for a document id; a short hash only where characters were lost."""
    readable = doc_id.replace("/", "__").replace("#", "_line")
    tail = re.sub(r"[^A-Za-z0-9._-]+", "_", readable)
    if tail != readable:
        tail += "_" + hashlib.sha1(doc_id.encode()).hexdigest()[:6]
    return tail


def date_literal(value: str) -> ox.Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return lit(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return lit(value, datatype=XSD.gYearMonth)
    return lit(value, datatype=XSD.gYear)


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
        a.add(person, KG.position, lit(p.title, lang="id"))
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
    a.add(art, DCTERMS.identifier, lit(doc.id), g)
    a.add(art, KG.context, ctx, g)
    a.add(ctx, RDF.type, NIF.Context, g)
    a.add(ctx, NIF.isString, lit(doc.text), g)
    a.add(ctx, NIF.beginIndex, lit(0, datatype=XSD.integer), g)
    a.add(ctx, NIF.endIndex, lit(len(doc.text), datatype=XSD.integer), g)
    if m.title:
        a.add(art, DCTERMS.title, lit(m.title), g)
    if m.date:
        a.add(art, DCTERMS.date, date_literal(m.date), g)
    if m.url:
        a.add(art, DCTERMS.source, lit(m.url), g)
    if m.dateline_place:
        a.add(art, KG.dateline, lit(m.dateline_place), g)
    if m.publisher:
        a.add(art, DCTERMS.publisher, _organisation(a, m.publisher, index, g), g)
    for name in m.cites:
        a.add(art, KG.cites, _organisation(a, name, index, g), g)
    for role, names in ((DCTERMS.creator, m.authors), (DCTERMS.contributor, m.editors)):
        for name in names:
            person = a.node("person/" + slug(name))
            a.add(art, role, person, g)
            a.add(person, RDF.type, PROV.Agent, g)
            a.add(person, RDFS.label, lit(name), g)


def _organisation(a: Assembler, name: str, index: EntityIndex, g) -> ox.NamedNode:
    """An outlet or agency named in metadata: the known entity, else a new NewsOrganization."""
    from kg.ingest.clean import _outlet_index, _outlet_of
    from kg.knowledge import load_known

    ent = _outlet_of(name, _outlet_index(load_known()))
    if ent is not None:
        node = a.node(ent.id)
        if ent.id not in index.entities:  # known but never named in a text: still typed and labelled
            a.add(node, RDF.type, KG[ent.type])
            for lang, label in sorted(ent.labels.items()):
                a.add(node, RDFS.label, lit(label, lang=lang or None))
        if name not in ent.labels.values():
            a.add(node, SKOS.altLabel, lit(name))
        return node
    node = a.node(slug(name))
    a.add(node, RDF.type, KG.NewsOrganization)
    a.add(node, RDFS.label, lit(name, lang="id"))
    return node


def _entities(a: Assembler, index: EntityIndex, texts: dict[str, str]) -> None:
    for ent in index.entities.values():
        node = a.node(ent.id)
        a.add(node, RDF.type, KG[ent.type])
        for lang, label in sorted(ent.labels.items()):
            a.add(node, RDFS.label, lit(label, lang=lang or None))
        for alias in sorted(ent.aliases):
            a.add(node, SKOS.altLabel, lit(alias))
        a.add(node, KG.mentionCount, lit(len(ent.mentions)))
        if ent.represents:
            a.add(node, KG.represents, a.node(ent.represents))
        if ent.capital_of:
            a.add(node, KG.capitalOf, a.node(ent.capital_of))
        if ent.iso:
            a.add(node, KG.isoCode, lit(ent.iso))
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
            a.add(node, KG.dateInferred, lit(True))
    if e.place:
        a.add(node, KG.place, a.node(e.place))
        if e.place_inferred:
            a.add(node, KG.placeInferred, lit(True))
    if e.kind == "supply":
        a.add(node, KG.hedged, lit(e.hedged))
    if e.planned:
        a.add(node, KG.planned, lit(True))
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
    a.add(node, KG.text, lit(s.text, lang="id"), g)
    a.add(node, PROV.wasAttributedTo, a.node(s.speaker), g)
    a.add(node, KG.directQuote, lit(s.direct), g)
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
