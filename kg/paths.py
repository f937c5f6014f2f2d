"""kg path: how two entities are connected, hop by hop, with what supports each hop.

The walk reads one node's edges at a time from the store (the edges.rq view with the node
bound), breadth first, so it touches only the part of the graph it needs: no projection of
the whole graph is loaded to answer one question.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import InputError
from kg.store import KG, Graph, open_graph

PREDICATE_LABELS = {
    "met": "met", "visited": "visited", "supplied": "supplied", "suppliedTo": "supplied to",
    "represents": "represents", "mentions": "said about",
}
PREDICATE_ORDER = {p: n for n, p in enumerate(PREDICATE_LABELS)}
SYMMETRIC = {"met"}
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


def neighbours(graph: Graph, node: str) -> list[tuple[str, str, bool]]:
    """(predicate, other node, forward) for every edge of `node` in the projection."""
    out = set()
    for row in graph.select("edges", source=node):
        out.add((row["predicate"][len(KG):], row["target"], True))
    for row in graph.select("edges", target=node):
        pred = row["predicate"][len(KG):]
        out.add((pred, row["source"], pred in SYMMETRIC))
    return sorted(out, key=lambda e: (e[1], e[0], not e[2]))


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
    parents: dict[str, list[tuple[str, str, bool]]] = {start: []}
    frontier, depth = [start], 0
    while frontier and end not in parents and depth < max_hops:
        depth += 1
        found: dict[str, list[tuple[str, str, bool]]] = {}
        for node in frontier:
            for pred, other, forward in neighbours(graph, node):
                if other in parents:
                    continue
                if allowed is not None and other != end and graph.type_of(other) not in allowed:
                    continue
                found.setdefault(other, []).append((node, pred, forward))
        parents.update(found)
        frontier = sorted(found)
    if end not in parents:
        return PathResult(start, end, ())
    chains = _chains(parents, start, end, MAX_PATHS if all_paths else 1)
    hops: dict[tuple[str, str], Hop] = {}
    paths = []
    for chain in chains:
        for prev, node in zip(chain, chain[1:]):
            if (prev, node) not in hops:
                edges = sorted({(p, f) for q, p, f in parents[node] if q == prev}, key=lambda e: PREDICATE_ORDER[e[0]])
                hops[prev, node] = Hop(prev, node, graph.label(prev), graph.label(node),
                                       tuple(_edge(graph, prev, p, f, node) for p, f in edges))
        paths.append(tuple(hops[pair] for pair in zip(chain, chain[1:])))
    return PathResult(start, end, tuple(paths))


def _chains(parents, start: str, end: str, limit: int) -> list[list[str]]:
    """Every shortest chain of nodes start..end (up to `limit`), in a fixed order."""
    out: list[list[str]] = []

    def walk(node: str, tail: list[str]) -> None:
        if len(out) >= limit:
            return
        if node == start:
            out.append([start, *reversed(tail)])
            return
        for prev in sorted({p for p, _pred, _f in parents[node]}):
            walk(prev, [*tail, node])

    walk(end, [])
    return out


def _edge(graph: Graph, prev: str, pred: str, forward: bool, node: str) -> Edge:
    stored = (prev, node) if forward else (node, prev)
    rows = graph.select("edge_sources", source=stored[0], predicate=KG + pred, target=stored[1])
    return Edge(pred, forward, supports(graph, rows))


def supports(graph: Graph, rows: list[dict]) -> tuple[Support, ...]:
    """Edge-source rows grouped by the event or statement they come from."""
    by_node: dict[str, dict] = {}
    for r in rows:
        s = by_node.setdefault(r["node"], {"date": r["date"] or "", "place": r["place"] or "",
                                           "hedged": bool(r["hedged"]), "denied": set(), "sources": set()})
        if r["denied"]:
            s["denied"].add(graph.label(r["denied"]))
        s["sources"].add(Source(r["identifier"] or r["article"], graph.label(r["outlet"]) if r["outlet"] else "",
                                str(r["published"] or ""), r["sentence"], r["begin"], r["end"]))
    out = []
    for node, s in by_node.items():
        out.append(Support(node, str(s["date"]), graph.label(s["place"]) if s["place"] else "", s["hedged"],
                           tuple(sorted(s["denied"])),
                           tuple(sorted(s["sources"], key=lambda x: (x.published, x.outlet, x.article, x.begin)))))
    return tuple(sorted(out, key=lambda s: (s.date or "9999", s.place, s.node)))


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
            sentence = " ".join(src.sentence.split())
            if len(sentence) > width:
                sentence = sentence[: width - 1] + "…"
            meta = " ".join(x for x in (src.outlet, src.published) if x)
            lines.append(f"    [{meta}] {src.article}:{src.begin}-{src.end} “{sentence}”")
    return lines
