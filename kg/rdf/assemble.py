"""Resolved entities, events and statements -> RDF. The only place that makes triples.

The default graph holds the merged facts (entities, events, binary edges, the ontology's
subclass axioms, the outlets and authors); it is made of pyoxigraph triples and serialised
by pyoxigraph. Each article's named graph holds the article, its text (nif:Context), its
evidence spans and the links from facts to them, and the statements it reports: nine
tenths of a build, so it is written straight to Turtle text (kg.rdf.turtle), one article
at a time, and never exists as term objects.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.config import ontology_dir
from kg.knowledge import slug
from kg.model import AnnotatedDoc, Document, Evidence, MergeInput, Metadata
from kg.rdf.default import DefaultGraph, SubjectEntry, default_graph
from kg.rdf.prefixes import output_prefixes
from kg.rdf.turtle import Terms, block, string
from kg.rdf.vocab import KG, NIF
from kg.resolve.entities import EntityIndex
from kg.resolve.events import Event
from kg.store import digest


class OxNamespace:
    """A vocabulary namespace whose terms are pyoxigraph NamedNodes, each made once: the first
    use goes through the rdflib namespace (a DefinedNamespace rejects a term the ontology does
    not define), later ones are a plain attribute (rdflib's lookup is the assembly's hot spot)."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(str(self._namespace[name]))
        setattr(self, name, node)
        return node

    __getitem__ = __getattr__


KG, NIF, RDF, RDFS, XSD, DCTERMS, PROV, SKOS = (
    OxNamespace(ns) for ns in (KG, NIF, RDF, RDFS, XSD, DCTERMS, PROV, SKOS))
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


_TRUE, _FALSE = lit(True), lit(False)

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
    joint: tuple[str, ...] = ()  # who said it together with the speaker ("Moskow dan Pyongyang membantah")


@dataclass
class Position:
    person: str
    title: str
    represents: str | None
    evidence: Evidence


@dataclass(frozen=True)
class ArticleGraph:
    """One article's named graph as Turtle (the statements of a graph block, no braces), encoded
    once: the files, the store and the manifest's hash all take the same bytes."""

    iri: str
    name: str  # the graph's IRI, as Turtle text
    # UTF-8: first what the network views read (the article's metadata, its statements, the
    # facts' evidence), then the rest (its text and the evidence of every entity mention)
    body: bytes
    view_size: int  # how many bytes of body the views read
    triples: int
    # of body, made once with it (a kept graph brings the ones recorded with it, kg.reuse): the
    # store's manifest tells changed graphs by the one, the kept graphs' record checks bytes by the other
    digest: str  # kg.store.digest
    crc: int  # CRC-32

    @property
    def size(self) -> int:
        return len(self.body)

    @property
    def view(self) -> memoryview:
        return memoryview(self.body)[: self.view_size]

    # what the graph files are written from (kg.rdf.serialize): a kept graph gives where it lies
    # in the last graph.trig instead (kg.reuse.KeptGraph)
    def block_part(self) -> bytes:
        """The graph as a TriG block."""
        return b"".join((self.name.encode("utf-8"), b" {\n", self.body, b"}\n"))

    def body_part(self) -> bytes:
        return self.body


@dataclass
class Assembled:
    default: DefaultGraph  # the merged facts, as Turtle blocks by subject
    articles: list  # ArticleGraph, or kg.reuse.KeptGraph (the same, copied from the last file); sorted by graph name

    @property
    def triples(self) -> int:
        return self.default.triples + sum(a.triples for a in self.articles)


class Page:
    """What one article's graph says, collected while the facts are assembled, then written."""

    def __init__(self, doc: Document, terms: Terms, base: str, vocab: dict[str, str]):
        slug_ = doc_slug(doc.id)
        self.doc, self.terms, self.vocab = doc, terms, vocab
        self.iri = f"{base}graph/{slug_}"
        self.name = terms.iri_uncached(self.iri)
        self.article = terms.iri_uncached(f"{base}article/{slug_}")
        self.context = terms.iri_uncached(f"{base}article/{slug_}/text")
        self.span_base = f"{base}article/{slug_}/span/"
        # spans are the most numerous IRIs: written from a prefix made once per article
        probe = terms.iri_uncached(self.span_base + "0-0/r")
        self.span_prefix = probe[: -len("0-0\\/r")] if probe.endswith("0-0\\/r") else None
        self.metadata: list[tuple[str, str]] = []
        self.statements: list[tuple[str, list[tuple[str, str]]]] = []
        self.fact_links: set[tuple[str, int, int, str, str]] = set()  # (subject, start, end, rule, extractor)
        self.mention_links: set[tuple[str, int, int, str, str]] = set()

    def evidence(self, subject: str, ev: Evidence, fact: bool) -> None:
        (self.fact_links if fact else self.mention_links).add((subject, ev.start, ev.end, ev.rule, ev.extractor))

    def mention(self, subject: str, m) -> None:
        """An entity mention `m` (a kg.model.Mention) as evidence of `subject`: what evidence()
        adds for Evidence(doc, m.start, m.end, "mentions", m.rule), without making one (mentions
        are the most numerous evidence of a build)."""
        self.mention_links.add((subject, m.start, m.end, m.rule, "mentions"))

    def render(self) -> ArticleGraph:
        t = self.vocab
        text = self.doc.text
        described: set[tuple[int, int, str]] = set()
        count = len(self.metadata) + sum(len(pairs) for _, pairs in self.statements)
        view = [block(self.article, self.metadata)] + [block(s, pairs) for s, pairs in sorted(self.statements)]
        links, spans, n = self._evidence(self.fact_links, described, text, t)
        view += links + spans
        count += n
        rest = [block(self.context, [(t["type"], t["Context"]), (t["isString"], string(text)),
                                     (t["beginIndex"], "0"), (t["endIndex"], str(len(text)))])]
        links, spans, n = self._evidence(self.mention_links, described, text, t)
        rest += links + spans
        count += n + 4
        head = "".join(view).encode("utf-8")
        body = head + "".join(rest).encode("utf-8")
        return ArticleGraph(self.iri, self.name, body, len(head), count, digest(body), zlib.crc32(body))

    def _evidence(self, links, described: set, text: str, t: dict) -> tuple[list[str], list[str], int]:
        """`subject kg:evidence span` grouped by subject, the spans not yet described, and how
        many triples the two hold."""
        by_subject: dict[str, set[str]] = {}
        new_spans = {}
        for subject, start, end, rule, extractor in sorted(links):  # sorted: the first rule describes a span
            slug_ = _rule_slug(rule)
            if self.span_prefix is not None:
                sp = f"{self.span_prefix}{start}-{end}\\/{_rule_local(slug_)}"
            else:
                sp = self.terms.iri_uncached(f"{self.span_base}{start}-{end}/{slug_}")
            by_subject.setdefault(subject, set()).add(sp)
            key = (start, end, slug_)
            if key not in described:
                described.add(key)
                new_spans[key] = (sp, rule, extractor)
        link_lines = [f"{s} {t['evidence']} {' , '.join(sorted(sps))} .\n" for s, sps in sorted(by_subject.items())]
        span_blocks = [
            f"{sp} {t['type']} {t['String']} ;\n\t{t['referenceContext']} {self.context} ;\n"
            f"\t{t['beginIndex']} {start} ;\n\t{t['endIndex']} {end} ;\n"
            f"\t{t['anchorOf']} {string(text[start:end])} ;\n"
            f"\t{t['rule']} {_name_string(rule)} ;\n\t{t['extractor']} {_name_string(extractor)} .\n"
            for (start, end, _slug), (sp, rule, extractor) in sorted(new_spans.items())
        ]
        count = sum(len(sps) for sps in by_subject.values()) + 7 * len(new_spans)
        return link_lines, span_blocks, count


def vocab_text(terms: Terms) -> dict[str, str]:
    """The terms a Page writes for every span, as text once."""
    names = {"type": RDF.type, "Context": NIF.Context, "String": NIF.String, "isString": NIF.isString,
             "beginIndex": NIF.beginIndex, "endIndex": NIF.endIndex, "referenceContext": NIF.referenceContext,
             "anchorOf": NIF.anchorOf, "rule": KG.rule, "extractor": KG.extractor, "evidence": KG.evidence}
    return {k: terms.iri(v.value) for k, v in names.items()}


@dataclass
class Assembler:
    """The default graph's triples by subject, and a Page per article."""

    base: str
    terms: Terms
    pages: dict[str, Page]
    facts: dict[ox.NamedNode, set[tuple]] = field(default_factory=dict)  # subject -> {(predicate, object)}
    _nodes: dict[str, ox.NamedNode] = field(default_factory=dict)
    organisations: dict[str, ox.NamedNode] = field(default_factory=dict)  # outlet name in metadata -> node

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o) -> None:
        # pairs, not Triples: only the subjects whose triples changed are made into Triples (kg.rdf.default)
        pairs = self.facts.get(s)
        if pairs is None:
            pairs = self.facts[s] = set()
        pairs.add((p, o))

    def add_pairs(self, s: ox.NamedNode, pairs: set[tuple]) -> None:
        """Several of a subject's (predicate, object) pairs at once."""
        found = self.facts.get(s)
        if found is None:
            self.facts[s] = set(pairs)
        else:
            found.update(pairs)

    def node(self, local: str) -> ox.NamedNode:
        """A resource of ours, made once (the same few thousand entities are named in most quads)."""
        found = self._nodes.get(local)
        if found is None:
            found = self._nodes[local] = ox.NamedNode(self.base + local)
        return found

    def text(self, local: str) -> str:
        """A resource of ours as Turtle text."""
        return self.terms.iri(self.base + local)

    def vocab(self, name: ox.NamedNode) -> str:
        return self.terms.iri(name.value)

    def evidence(self, local: str, ev: Evidence, fact: bool) -> None:
        page = self.pages.get(ev.doc_id)
        if page is not None:  # else kept from the last build
            page.evidence(self.text(local), ev, fact)


@cache
def _name_string(name: str) -> str:
    """A rule's or an extractor's name as a Turtle string: a few hundred names, each written on
    every span (most of a build's literals), escaped once."""
    return string(name)


@cache
def _rule_slug(rule: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", rule) or "rule"


@cache
def _rule_local(rule_slug: str) -> str:
    """A rule's slug as the last segment of a Turtle local name (a final '.' escaped)."""
    return rule_slug[:-1] + "\\." if rule_slug.endswith(".") else rule_slug


@cache
def doc_slug(doc_id: str) -> str:
    """A readable IRI segment for a document id; a short hash only where characters were lost."""
    readable = doc_id.replace("/", "__").replace("#", "_line")
    tail = re.sub(r"[^A-Za-z0-9._-]+", "_", readable)
    if tail != readable:
        tail += "_" + hashlib.sha1(doc_id.encode()).hexdigest()[:6]
    return tail


@cache
def date_literal(value: str) -> ox.Literal:
    """A date as typed literal (cached: a few thousand distinct dates among tens of thousands of events)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return lit(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return lit(value, datatype=XSD.gYearMonth)
    return lit(value, datatype=XSD.gYear)


def assemble(
    articles: list[MergeInput],
    made: list[AnnotatedDoc],
    index: EntityIndex,
    events: list[Event],
    statements: list[Statement],
    positions: list[Position],
    base: str,
    kept: dict | None = None,  # document id -> kg.reuse.KeptGraph
    last: dict[str, SubjectEntry] | None = None,
) -> Assembled:
    """The default graph of `articles` and the graphs of those `made` as text, with the others'
    (`kept`: article graphs made by the last build, by document id, taken as they are; `last`:
    the last build's default graph by subject, whose blocks are kept where a subject's triples
    did not change; see kg.reuse)."""
    kept = kept or {}
    terms = Terms(output_prefixes(base))
    vocab = vocab_text(terms)
    a = Assembler(base, terms, {ann.doc.id: Page(ann.doc, terms, base, vocab) for ann in made})
    axioms = [ox.Triple(*(term(x) for x in q)) for q in ontology_axioms()]
    for t in axioms:
        a.add(t.subject, t.predicate, t.object)
    for art in articles:
        _named_agents(a, art.meta, index)
    for ann in made:
        _article(a, ann.doc, index)
        _mentions(a, ann, index)
    _entities(a, index)
    for p in positions:
        person = a.node(p.person)
        a.add(person, KG.position, lit(p.title, lang="id"))
        if p.represents:
            a.add(person, KG.represents, a.node(p.represents))
    for e in events:
        _event(a, e)
    for s in statements:
        _statement(a, s)
    articles = [p.render() for p in a.pages.values()] + list(kept.values())
    return Assembled(default_graph(a.facts, axioms, base, last), sorted(articles, key=lambda g: g.name))


def ontology_axioms() -> Iterable[tuple]:
    """The ontology's class and property hierarchy, so a/rdfs:subClassOf* works on the output."""
    import rdflib
    from rdflib import OWL, RDF, RDFS  # rdflib's terms here: the graph parsed is rdflib's

    g = rdflib.Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
    for s, p, o in g:
        if p in (RDFS.subClassOf, RDFS.subPropertyOf) or (p == RDF.type and o in (OWL.Class, OWL.SymmetricProperty)):
            yield s, p, o


def _article(a: Assembler, doc: Document, index: EntityIndex) -> None:
    """The article's metadata in its graph."""
    page = a.pages[doc.id]
    m = doc.meta
    t = a.terms
    pairs = [(a.vocab(RDF.type), a.vocab(KG.Article)), (a.vocab(DCTERMS.identifier), string(doc.id)),
             (a.vocab(KG.context), page.context)]
    if m.title:
        pairs.append((a.vocab(DCTERMS.title), string(m.title)))
    if m.date:
        d = date_literal(m.date)
        pairs.append((a.vocab(DCTERMS.date), t.literal(d.value, datatype=d.datatype.value)))
    if m.url:
        pairs.append((a.vocab(DCTERMS.source), string(m.url)))
    if m.dateline_place:
        pairs.append((a.vocab(KG.dateline), string(m.dateline_place)))
    if m.publisher:
        pairs.append((a.vocab(DCTERMS.publisher), t.iri(_organisation(a, m.publisher, index).value)))
    for name in m.cites:
        pairs.append((a.vocab(KG.cites), t.iri(_organisation(a, name, index).value)))
    for role, names in ((DCTERMS.creator, m.authors), (DCTERMS.contributor, m.editors)):
        for name in names:
            pairs.append((a.vocab(role), t.iri(a.node("person/" + slug(name)).value)))
    page.metadata = sorted(set(pairs))


def _named_agents(a: Assembler, m: Metadata, index: EntityIndex) -> None:
    """The outlets and the authors an article names (its metadata `m`), in the default graph:
    one description however many articles name them (also for an article whose graph is kept)."""
    for name in ((m.publisher,) if m.publisher else ()) + m.cites:
        _organisation(a, name, index)
    for name in m.authors + m.editors:
        person = a.node("person/" + slug(name))
        a.add(person, RDF.type, PROV.Agent)
        a.add(person, RDFS.label, lit(name))


def _organisation(a: Assembler, name: str, index: EntityIndex) -> ox.NamedNode:
    """An outlet or agency named in metadata: the known entity, else a new NewsOrganization
    (described once per name: a few names stand in the metadata of thousands of articles)."""
    found = a.organisations.get(name)
    if found is None:
        found = a.organisations[name] = _describe_organisation(a, name, index)
    return found


def _describe_organisation(a: Assembler, name: str, index: EntityIndex) -> ox.NamedNode:
    from kg.ingest.clean import _outlet_of, known_names

    ent = _outlet_of(name, known_names("NewsOrganization"))
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


def _entities(a: Assembler, index: EntityIndex) -> None:
    for ent in index.entities.values():
        node = a.node(ent.id)
        a.add(node, RDF.type, KG[ent.type])
        for lang, label in sorted(ent.labels.items()):
            a.add(node, RDFS.label, lit(label, lang=lang or None))
        for alias in sorted(ent.aliases):
            a.add(node, SKOS.altLabel, lit(alias))
        a.add(node, KG.mentionCount, lit(ent.mentions))
        if ent.represents:
            a.add(node, KG.represents, a.node(ent.represents))
        if ent.capital_of:
            a.add(node, KG.capitalOf, a.node(ent.capital_of))
        if ent.iso:
            a.add(node, KG.isoCode, lit(ent.iso))


def _mentions(a: Assembler, ann: AnnotatedDoc, index: EntityIndex) -> None:
    """The article's mentions of entities, as evidence of the entities they name."""
    page, ids = a.pages[ann.doc.id], index.ids
    for m in ann.mentions:
        ident = ids.get(m.entity)  # the key is this article's own
        if ident is not None:
            page.mention(a.text(ident), m)


def _event(a: Assembler, e: Event) -> None:
    node, n = a.node(e.id), a.node
    # the event's own triples as one set (tens of thousands of events: add() per triple showed)
    pairs = {(RDF.type, EVENT_CLASSES[e.kind])}
    for role, ids in e.roles.items():
        predicate = ROLE_PREDICATES[role]
        pairs.update((predicate, n(x)) for x in ids)
    if e.date:
        pairs.add((KG.date, date_literal(e.date)))
        if e.date_inferred:
            pairs.add((KG.dateInferred, _TRUE))
    if e.place:
        pairs.add((KG.place, n(e.place)))
        if e.place_inferred:
            pairs.add((KG.placeInferred, _TRUE))
    if e.kind == "supply":
        pairs.add((KG.hedged, _TRUE if e.hedged else _FALSE))
    if e.planned:
        pairs.add((KG.planned, _TRUE))
    pairs.update((KG.assertedBy, n(x)) for x in e.asserted_by)
    pairs.update((KG.deniedBy, n(x)) for x in e.denied_by)
    a.add_pairs(node, pairs)
    for ev in e.evidence:
        a.evidence(e.id, ev, fact=True)
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


def _statement(a: Assembler, s: Statement) -> None:
    page = a.pages[s.doc_id]
    v, lit_text = a.vocab, a.terms.literal
    pairs = [(v(RDF.type), v(KG.Statement)), (v(KG.text), lit_text(s.text, lang="id")),
             (v(PROV.wasAttributedTo), a.text(s.speaker)), (v(KG.directQuote), lit_text(s.direct)),
             (v(DCTERMS.source), page.article)]
    pairs += [(v(PROV.wasAttributedTo), a.text(j)) for j in s.joint]
    pairs += [(v(KG.reportedBy), a.text(r)) for r in s.reporters]
    if s.addressee:
        pairs.append((v(KG.addressee), a.text(s.addressee)))
    pairs += [(v(KG.mentions), a.text(m)) for m in s.mentions]
    pairs += [(v(KG.denies), a.text(d)) for d in s.denies]
    page.statements.append((a.text(s.id), sorted(set(pairs))))
    a.evidence(s.id, s.evidence, fact=True)
