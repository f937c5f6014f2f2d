"""The network projection of the graph and its centralities. The only module that imports networkx.

The projection is defined by the SPARQL views ontology/nodes.rq, edges.rq and
edge_sources.rq: entities as nodes (label, type, mention count), binary edges as edges
carrying their predicate, dates, and how many articles and outlets stand behind them.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.errors import InputError, QueryError
from kg.paths import PREDICATE_LABELS
from kg.store import KG, Graph, open_graph
from kg.views import SYMMETRIC, edge_key

METRICS = ("degree", "pagerank", "betweenness", "eigenvector")


def projection(graph: Graph | Path | str, support: bool = True) -> nx.MultiDiGraph:
    """Entities and their binary edges as a networkx MultiDiGraph (edge key = predicate).

    With support=False the edges carry no dates or counts (reading what supports every edge is
    most of the cost on a large graph, and the network's shape does not need it).
    """
    if not isinstance(graph, Graph):
        graph = open_graph(graph)
    net = nx.MultiDiGraph()
    for r in sorted(graph.select("nodes"), key=lambda r: (r["node"], r["type"])):
        if r["node"] in net:
            continue
        net.add_node(r["node"], label=r["labelEn"] or r["labelId"] or r["label"] or graph.label(r["node"]),
                     type=r["type"][len(KG):], mentions=r["mentions"] or 0)
    support_of = graph.support() if support else {}
    for r in sorted(graph.select("edges"), key=lambda r: (r["source"], r["predicate"], r["target"])):
        s, t, pred = r["source"], r["target"], r["predicate"][len(KG):]
        if pred in SYMMETRIC and s > t:  # stored both ways; one edge in the network
            continue
        for node in (s, t):
            if node not in net:
                net.add_node(node, label=graph.label(node), type=graph.type_of(node), mentions=0)
        info = support_of.get(edge_key(s, pred, t), {})
        net.add_edge(
            s, t, key=pred, predicate=pred, label=PREDICATE_LABELS.get(pred, pred),
            dates=sorted(info.get("dates", ())), articles=info.get("articles", 0),
            outlets=info.get("outlets", 0), hedged=bool(info.get("hedged")), denied=bool(info.get("denied")),
        )
    return net


def simple_graph(net: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per pair, weighted by the number of supporting articles."""
    g = nx.Graph()
    g.add_nodes_from(net.nodes(data=True))
    for s, t, data in net.edges(data=True):
        if s == t:
            continue
        w = max(1, data.get("articles", 0))
        if g.has_edge(s, t):
            g[s][t]["weight"] += w
        else:
            g.add_edge(s, t, weight=w)
    return g


def scores(net: nx.MultiDiGraph, metric: str = "degree") -> dict[str, float]:
    """Centrality of every node of the projection."""
    g = simple_graph(net)
    if metric == "degree":
        return nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)
    if metric == "pagerank":
        return nx.pagerank(g, weight="weight")
    if metric == "betweenness":
        # exact up to 2,000 nodes; sampled (fixed seed, so repeatable) beyond, where exact is too slow
        k = None if len(g) <= 2000 else 500
        return nx.betweenness_centrality(g, k=k, seed=0)
    if metric == "eigenvector":
        try:
            return nx.eigenvector_centrality(g, max_iter=2000, weight="weight")
        except nx.PowerIterationFailedConvergence:
            raise QueryError("eigenvector centrality did not converge on this graph; try pagerank") from None
    raise InputError(f"unknown metric {metric!r}; one of {', '.join(METRICS)}")


def centrality(
    graph: Graph | Path | str, metric: str = "degree", type_: str | None = None, top: int = 20
) -> list[tuple[str, str, str, float]]:
    """The `top` most central entities: (iri, label, type, score), best first.

    The network is undirected, one edge per linked pair, weighted by how many kinds of link
    (met, visited, supplied, said about…) join the two."""
    if metric not in METRICS:
        raise InputError(f"unknown metric {metric!r}; one of {', '.join(METRICS)}")
    net = projection(graph, support=False)
    ranked = []
    for node, score in scores(net, metric).items():
        data = net.nodes[node]
        if type_ and data["type"].lower() != type_.lower():
            continue
        ranked.append((node, data["label"], data["type"], round(score, 6)))
    ranked.sort(key=lambda r: (-r[3], r[1], r[0]))
    return ranked[: max(0, top)]
