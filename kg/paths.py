"""kg path: how two entities are connected, hop by hop, with what supports each hop.

The walk reads one node's edges at a time from the store (the edges.rq view with the node
bound), breadth first, so it touches only the part of the graph it needs: no projection of
the whole graph is loaded to answer one question.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.store import DCT_NS, KG, NIF_NS, PROV_NS, RDF_TYPE, Graph, open_graph, value
from kg.views import SYMMETRIC

PREDICATE_LABELS = {
    "met": "met", "visited": "visited", "supplied": "supplied", "suppliedTo": "supplied to",
    "represents": "represents", "mentions": "said about",
}
PREDICATE_ORDER = {p: n for n, p in enumerate(PREDICATE_LABELS)}
MAX_PATHS = 50


@dataclass(frozen=True)
class Source:
    """One sentence of one article that supports a hop."""

    article: str
    outlet: str
    published: str
    sentence: str
    begin: int
    end: int

    def meta(self) -> str:
        """The outlet and the date, where known: 'Tempo 2023-10-19'."""
        return " ".join(x for x in (self.outlet, self.published) if x)

    def clipped(self, width: int) -> str:
        """The sentence on one line, cut to `width` characters with an ellipsis."""
        sentence = " ".join(self.sentence.split())
        return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


@dataclass(frozen=True)
class Support:
    """An event or statement behind a hop, with where it is told."""

    node: str
    date: str
    place: str
    hedged: bool
    denied_by: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Edge:
    """One predicate between the two ends of a hop, with what supports it."""

    predicate: str  # local name in kg:
    forward: bool  # False when the stored edge points from the hop's target to its source
    supports: tuple[Support, ...]

    def arrow(self) -> str:
        name = PREDICATE_LABELS.get(self.predicate, self.predicate)
        return f"—{name}→" if self.forward else f"←{name}—"


@dataclass(frozen=True)
class Hop:
    """One step of a path: two entities and every edge between them."""

    source: str  # IRIs in the direction of the walk
    target: str
    source_label: str
    target_label: str
    edges: tuple[Edge, ...]


@dataclass(frozen=True)
class PathResult:
    start: str
    end: str
    paths: tuple[tuple[Hop, ...], ...]

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "paths": [[asdict(h) for h in p] for p in self.paths]}


BINARY = ("met", "visited", "supplied", "suppliedTo", "represents")
PROV_ATTRIBUTED = PROV_NS + "wasAttributedTo"


@cache
def _iri(value: str):
    """A pyoxigraph IRI, made once: the walk and the source lookups ask for the same few many times."""
    import pyoxigraph as ox

    return ox.NamedNode(value)


def neighbours(graph: Graph, node: str) -> list[tuple[str, str, bool]]:
    """(predicate, other node, stored from `node` to `other`) for every edge of `node`.

    The same edges as the edges.rq view with ?source or ?target bound, read with quad-pattern
    lookups: a walk asks this for many nodes, and a lookup costs microseconds where a SPARQL
    query costs a parse and a plan (tests check that the two agree).
    """
    import pyoxigraph as ox

    store, me, default = graph.store, ox.NamedNode(node), ox.DefaultGraph()
    out = set()
    for pred in BINARY:
        p = _iri(KG + pred)
        for q in store.quads_for_pattern(me, p, None, default):
            if isinstance(q.object, ox.NamedNode):
                out.add((pred, q.object.value, True))
        for q in store.quads_for_pattern(None, p, me, default):
            out.add((pred, q.subject.value, pred in SYMMETRIC))
    attributed, mentions = _iri(PROV_ATTRIBUTED), _iri(KG + "mentions")
    for q in store.quads_for_pattern(None, attributed, me, None):
        for m in store.quads_for_pattern(q.subject, mentions, None, None):
            if m.object != me:
                out.add(("mentions", m.object.value, True))
    for q in store.quads_for_pattern(None, mentions, me, None):
        for a in store.quads_for_pattern(q.subject, attributed, None, None):
            if a.object != me:
                out.add(("mentions", a.object.value, False))
    return sorted(out, key=lambda e: (e[1], PREDICATE_ORDER[e[0]], not e[2]))


def _types_under(graph: Graph, type_name: str) -> set[str]:
    rows = graph.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?t ?top WHERE { ?t rdfs:subClassOf* ?top }",
        top=_kg_class(type_name),
    )
    found = {sol["t"].value[len(KG):] for sol in rows if sol["t"].value.startswith(KG)}
    if not found:
        raise InputError(f"--via {type_name}: not a kg class (Person, Country, Organization, Place, ...)")
    return found


def _kg_class(name: str):
    import pyoxigraph as ox

    return ox.NamedNode(KG + name[:1].upper() + name[1:])


def path(
    graph: Graph | Path | str,
    a: str,
    b: str,
    max_hops: int = 4,
    all_paths: bool = False,
    via: str | None = None,
) -> PathResult:
    """The shortest connections between entities named `a` and `b` (one, or all with all_paths)."""
    if not isinstance(graph, Graph):
        graph = open_graph(graph)
    if max_hops < 1:
        raise InputError("--max-hops must be 1 or more")
    start, end = graph.names.resolve(a), graph.names.resolve(b)
    allowed = _types_under(graph, via) if via else None
    if start == end:
        return PathResult(start, end, ((),))
    seen: dict[str, list[tuple[str, str, bool]]] = {}

    def edges_of(node: str) -> list[tuple[str, str, bool]]:
        if node not in seen:
            seen[node] = neighbours(graph, node)
        return seen[node]

    def passable(node: str) -> bool:
        return allowed is None or node in (start, end) or graph.type_of(node) in allowed

    meet, parents_f, parents_b = _search(start, end, max_hops, edges_of, passable)
    if not meet:
        return PathResult(start, end, ())
    limit = MAX_PATHS if all_paths else 1
    chains: list[list[str]] = []
    for m in meet:
        for head in _chains(parents_f, start, m, limit):
            for tail in _chains(parents_b, end, m, limit):
                if len(chains) < limit:
                    chains.append(head + list(reversed(tail))[1:])
    hops: dict[tuple[str, str], Hop] = {}
    paths = []
    for chain in chains:
        for prev, node in zip(chain, chain[1:]):
            if (prev, node) not in hops:
                edges = sorted({(p, f) for p, other, f in edges_of(prev) if other == node},
                               key=lambda e: (PREDICATE_ORDER[e[0]], not e[1]))
                hops[prev, node] = Hop(prev, node, graph.label(prev), graph.label(node),
                                       tuple(_edge(graph, prev, p, f, node) for p, f in edges))
        paths.append(tuple(hops[pair] for pair in zip(chain, chain[1:])))
    return PathResult(start, end, tuple(paths))


def _search(start: str, end: str, max_hops: int, edges_of, passable):
    """Breadth first from both ends, always growing the smaller frontier, until they meet.

    Returns the meeting nodes on shortest paths (sorted) and, for each side, every node's
    parents at the previous level (so that every shortest path can be rebuilt).
    """
    parents = ({start: set()}, {end: set()})
    dist = ({start: 0}, {end: 0})
    frontiers = ([start], [end])
    depth = [0, 0]
    while frontiers[0] and frontiers[1] and depth[0] + depth[1] < max_hops:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine = parents[side]
        found: dict[str, set[str]] = {}
        for node in frontiers[side]:
            for _pred, other, _stored in edges_of(node):
                if other in mine or not passable(other):
                    continue
                found.setdefault(other, set()).add(node)
        mine.update(found)
        depth[side] += 1
        dist[side].update(dict.fromkeys(found, depth[side]))
        frontiers = (sorted(found), frontiers[1]) if side == 0 else (frontiers[0], sorted(found))
        meet = set(found) & set(parents[1 - side])
        if meet:
            best = min(dist[1 - side][m] for m in meet)  # the shortest, where the other side is nearest
            return sorted(m for m in meet if dist[1 - side][m] == best), parents[0], parents[1]
    return [], parents[0], parents[1]


def _chains(parents: dict[str, set[str]], root: str, node: str, limit: int) -> list[list[str]]:
    """Every chain root..node through `parents` (up to `limit`), in a fixed order."""
    out: list[list[str]] = []

    def walk(n: str, tail: list[str]) -> None:
        if len(out) >= limit:
            return
        if n == root:
            out.append([root, *reversed(tail)])
            return
        for prev in sorted(parents[n]):
            walk(prev, [*tail, n])

    walk(node, [])
    return out


def _edge(graph: Graph, prev: str, pred: str, forward: bool, node: str) -> Edge:
    stored = (prev, node) if forward else (node, prev)
    return Edge(pred, forward, supports(graph, edge_source_rows(graph, stored[0], pred, stored[1])))


# event (or statement) roles behind each binary edge: (class, role of the source, role of the target)
EDGE_EVENTS = {
    "met": ("Meeting", KG + "participant", KG + "participant"),
    "visited": ("Visit", KG + "agent", KG + "destination"),
    "supplied": ("Supply", KG + "supplier", KG + "item"),
    "suppliedTo": ("Supply", KG + "supplier", KG + "recipient"),
    "mentions": ("Statement", PROV_ATTRIBUTED, KG + "mentions"),
}
def edge_source_rows(graph: Graph, source: str, pred: str, target: str) -> list[dict]:
    """The rows of the edge_sources view for one edge, read with quad lookups (a SPARQL query
    with bound values costs tens of milliseconds on a large store; tests check they agree)."""
    import pyoxigraph as ox

    if pred not in EDGE_EVENTS:
        return []
    cls, src_role, tgt_role = EDGE_EVENTS[pred]
    store = graph.store
    s, t = ox.NamedNode(source), ox.NamedNode(target)

    def objects(subject, predicate: str) -> list:
        return [q.object for q in store.quads_for_pattern(subject, _iri(predicate), None, None)]

    def first(subject, predicate: str):
        found = objects(subject, predicate)
        return min(found, key=str) if found else None

    nodes = {q.subject for q in store.quads_for_pattern(None, _iri(src_role), s, None)}
    nodes &= {q.subject for q in store.quads_for_pattern(None, _iri(tgt_role), t, None)}
    rows = []
    for node in sorted(nodes, key=str):
        if _iri(KG + cls) not in objects(node, RDF_TYPE):
            continue
        if pred in ("met", "visited") and any(o.value == "true" for o in objects(node, KG + "planned")):
            continue
        base = {"source": source, "predicate": KG + pred, "target": target, "node": node.value,
                "date": value(first(node, KG + "date")), "place": value(first(node, KG + "place")),
                "hedged": value(first(node, KG + "hedged"))}
        denied = [o.value for o in objects(node, KG + "deniedBy")] or [None]
        for span in objects(node, KG + "evidence"):
            ctx = first(span, NIF_NS + "referenceContext")
            articles = [q.subject for q in store.quads_for_pattern(None, _iri(KG + "context"), ctx, None)]
            for article in articles:
                row = dict(base, article=article.value, identifier=value(first(article, DCT_NS + "identifier")),
                           outlet=value(first(article, DCT_NS + "publisher")),
                           published=value(first(article, DCT_NS + "date")),
                           sentence=value(first(span, NIF_NS + "anchorOf")), begin=value(first(span, NIF_NS + "beginIndex")),
                           end=value(first(span, NIF_NS + "endIndex")))
                rows.extend(dict(row, denied=d) for d in denied)
    return rows


def supports(graph: Graph, rows: list[dict]) -> tuple[Support, ...]:
    """Edge-source rows grouped by the event or statement they come from."""
    by_node: dict[str, dict] = {}
    for r in rows:
        s = by_node.setdefault(r["node"], {"first": r, "denied": set(), "sources": set()})
        if r["denied"]:
            s["denied"].add(graph.label(r["denied"]))
        s["sources"].add(Source(*source_fields(graph, r)))
    out = []
    for node, s in by_node.items():
        out.append(Support(node, *when_where(graph, s["first"]), bool(s["first"]["hedged"]),
                           tuple(sorted(s["denied"])),
                           tuple(sorted(s["sources"], key=lambda x: (x.published, x.outlet, x.article, x.begin)))))
    return tuple(sorted(out, key=lambda s: support_order(s.date, s.place, s.node)))


def source_fields(graph: Graph, row: dict) -> tuple:
    """The fields of the Source an edge_sources row names (article, outlet, published, sentence,
    begin, end)."""
    return (row["identifier"] or row["article"], graph.label(row["outlet"]) if row["outlet"] else "",
            str(row["published"] or ""), row["sentence"], row["begin"], row["end"])


def when_where(graph: Graph, row: dict) -> tuple[str, str]:
    """A support's date and place label, as its node's first edge_sources row gives them."""
    return str(row["date"] or ""), graph.label(row["place"]) if row["place"] else ""


def support_order(date: str, place: str, node: str) -> tuple:
    """The order supports are listed in: by date (undated last), place, node."""
    return date or "9999", place, node


def support_summary(support: Support) -> str:
    """'2023-10, Pyongyang; Tempo, Medcom' — when, where, and which outlets tell it."""
    where = ", ".join(x for x in (support.date or "undated", support.place) if x)
    outlets = ", ".join(dict.fromkeys(s.outlet or s.article for s in support.sources))
    flags = "".join([" (hedged)" if support.hedged else "",
                     f" (denied by {', '.join(support.denied_by)})" if support.denied_by else ""])
    return f"{where}; {outlets}{flags}"


def format_path(result: PathResult, graph: Graph, width: int = 160) -> str:
    """Plain-text rendering: each hop, then the sentences behind it."""
    if not result.paths:
        return ""
    lines = []
    for n, hops in enumerate(result.paths, 1):
        if len(result.paths) > 1:
            lines.append(f"path {n}:")
        if not hops:
            lines.append(f"{graph.label(result.start)} is {graph.label(result.end)}")
        for hop in hops:
            for edge in hop.edges:
                summary = " · ".join(support_summary(s) for s in edge.supports)
                lines.append(f"{hop.source_label} {edge.arrow()} {hop.target_label}" + (f"  ({summary})" if summary else ""))
                lines.extend(_source_lines(edge, width))
    return "\n".join(lines)


def _source_lines(edge: Edge, width: int) -> list[str]:
    lines = []
    for s in edge.supports:
        for src in s.sources:
            lines.append(f"    [{src.meta()}] {src.article}:{src.begin}-{src.end} “{src.clipped(width)}”")
    return lines
