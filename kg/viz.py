"""out/graph.html: the network drawn by pyvis (vis-network), self-contained and offline.
The only module that imports pyvis.

Safety: article text reaches the page only as data. pyvis embeds nodes and edges with
Jinja's `tojson`, which escapes <, > and &; vis-network shows string tooltips with
innerText; our own panel builds its elements with textContent. So an article that names
`<script>` shows it as text.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.analytics import projection, simple_graph
from kg.errors import InputError
from kg.paths import (
    PREDICATE_LABELS,
    Support,
    source_fields,
    support_order,
    support_summary,
    supports,
    when_where,
)
from kg.store import Graph, open_in_memory
from kg.views import edge_key

MAX_NODES = 2000
TYPE_STYLE = {  # colour-blind-safe Tableau 10 colours; one shape per family
    "Person": ("#e15759", "dot"),
    "Country": ("#4e79a7", "diamond"),
    "Organization": ("#59a14f", "square"),
    "GovernmentBody": ("#edc948", "square"),
    "NewsOrganization": ("#76b7b2", "triangle"),
    "Place": ("#f28e2b", "triangleDown"),
    "Weapon": ("#b07aa1", "hexagon"),
    "Technology": ("#ff9da7", "hexagon"),
    "Troops": ("#9c755f", "hexagon"),
    "Item": ("#bab0ac", "hexagon"),
}
DEFAULT_STYLE = ("#bab0ac", "dot")
EDGE_COLORS = {"met": "#e15759", "visited": "#f28e2b", "supplied": "#b07aa1", "suppliedTo": "#7b4f9d",
               "represents": "#9a9a9a", "mentions": "#76b7b2"}
HIDDEN_KINDS = {"mentions"}  # "said about" edges outnumber the events; one click shows them
SOURCES_PER_TOOLTIP = 8
EVENTS_PER_TOOLTIP = 6  # an edge hundreds of articles support lists a few events and counts the rest
NAMES_PER_TOOLTIP = 12  # aliases and offices of a node
SENTENCE = 220
MAX_EDGES = 5000  # beyond this the page grows past what a browser lays out in seconds
# tooltip text in all: past this, each tooltip carries fewer and shorter sentences
TOOLTIP_BUDGET = 1_200_000


class Titles:
    """Edge tooltips by a digest of everything one is made of (the edge, its counts, the lines
    of edge_sources.jsonl behind it, every entity's label, kg's code: `seed`), kept by a build
    for the next: adding an article to 10,000 changes the rows behind a few of the 5,000 edges
    drawn, and a tooltip is most of what drawing an edge costs (grouping and counting its
    sentences). `last`: the last drawing's tooltips; `made`: this one's, to keep."""

    def __init__(self, names, seed: str, last: dict[bytes, str] | None = None):
        self.last, self.made = last or {}, {}
        self._base = hashlib.blake2b(seed.encode("utf-8"), digest_size=16)
        self._base.update(repr(sorted(names.entities.items())).encode("utf-8"))

    def digest(self, s: str, pred: str, t: str, data: dict, per_edge: int, lines: bytes) -> bytes:
        h = self._base.copy()
        h.update(repr((s, pred, t, data["articles"], data["outlets"], per_edge, len(lines))).encode("utf-8"))
        h.update(lines)
        return h.digest()


@dataclass(frozen=True)
class Rendered:
    path: Path | None
    nodes: int
    edges: int
    note: str  # what was left out, if anything
    size: int


def render(
    graph: Graph | Path | str,
    out: Path | str | None = "out/graph.html",
    type_: str | None = None,
    min_degree: int = 0,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int = MAX_NODES,
    titles: Titles | None = None,
) -> Rendered:
    """Write an interactive HTML view of the graph (or of a part of it) to `out` (`titles`: the
    edge tooltips a build kept from its last drawing)."""
    from kg.rdf.serialize import atomic_write

    page, n_nodes, n_edges, note = html(graph, type_, min_degree, focus, hops, max_nodes, titles)
    data = page.encode("utf-8")
    if out is not None:
        out = Path(out)
        if out.suffix != ".html":
            raise InputError(f"{out}: the graph view is written to an .html file")
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, data)
    return Rendered(Path(out) if out is not None else None, n_nodes, n_edges, note, len(data))


def html(
    graph: Graph | Path | str,
    type_: str | None = None,
    min_degree: int = 0,
    focus: str | None = None,
    hops: int = 2,
    max_nodes: int = MAX_NODES,
    titles: Titles | None = None,
) -> tuple[str, int, int, str]:
    """The page, the number of nodes and edges drawn, and a note on what was left out."""
    if not isinstance(graph, Graph):
        graph = open_in_memory(graph)
    net = projection(graph)
    net, note = _subset(graph, net, type_, min_degree, focus, hops, max_nodes)
    details = _node_details(graph, set(net))
    nodes = _vis_nodes(net, details)
    edges = _vis_edges(graph, net, titles)
    if len(edges) < net.number_of_edges():
        note = " ".join(x for x in (note, f"drawing the {len(edges)} best-supported of {net.number_of_edges()} edges.") if x)
    return _page(nodes, edges, note), len(nodes), len(edges), note


def _subset(graph: Graph, net: nx.MultiDiGraph, type_, min_degree, focus, hops, max_nodes):
    notes = []
    if type_:
        keep = [n for n, d in net.nodes(data=True) if d["type"].lower() == type_.lower()]
        if not keep:
            raise InputError(f"--type {type_}: no entity of this type in the graph")
        net = net.subgraph(keep).copy()
    if focus:
        centre = graph.names.resolve(focus)
        if centre not in net:
            raise InputError(f"--focus {focus}: {graph.label(centre)} has no edge in this view")
        net = net.subgraph(nx.ego_graph(simple_graph(net), centre, radius=max(0, hops))).copy()
    if min_degree > 0:
        simple = simple_graph(net)
        net = net.subgraph([n for n in net if simple.degree(n) >= min_degree]).copy()
    if len(net) > max_nodes:
        simple = simple_graph(net)
        ranked = sorted(net, key=lambda n: (-simple.degree(n, weight="weight"), n))[:max_nodes]
        notes.append(f"showing the {max_nodes} most connected of {len(net)} entities; "
                     f"use kg viz --focus NAME or --type T for the rest")
        net = net.subgraph(ranked).copy()
    return net, " ".join(notes)


def _node_details(graph: Graph, keep: set[str]) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in graph.select("node_details"):
        if r["entity"] in keep:
            value = graph.label(r["value"]) if r["field"] == "represents" else r["value"]
            out[r["entity"]][r["field"]].add(value)
    return out


def _no_href(text: str) -> str:
    # pyvis switches to a template that sets tooltips with innerHTML when a node title contains
    # "href"; a zero-width space keeps ours on vis-network's innerText path
    return re.sub("(?i)href", lambda m: m.group(0)[:3] + "\u200b" + m.group(0)[3:], text)


def _weighted_degrees(net: nx.MultiDiGraph) -> dict[str, int]:
    """Each node's weighted degree in simple_graph(net), without making it (the same sums: a
    pair's weight adds up the weights of its edges)."""
    out = dict.fromkeys(net, 0)
    for s, t, articles in net.edges(data="articles", default=0):
        if s != t:
            w = max(1, articles)
            out[s] += w
            out[t] += w
    return out


def _vis_nodes(net: nx.MultiDiGraph, details) -> list[dict]:
    degrees = _weighted_degrees(net)
    top = max(degrees.values(), default=1) or 1
    nodes = []
    for n in sorted(net):
        d = net.nodes[n]
        color, shape = TYPE_STYLE.get(d["type"], DEFAULT_STYLE)
        degree = degrees[n]
        info = details.get(n, {})
        lines = [d["label"], f"{d['type']} · named {d['mentions']} time(s) · {degree} link(s)"]
        if info.get("alias"):
            lines.append("also: " + _some(sorted(info["alias"])))
        if info.get("position"):
            lines.append("office: " + _some(sorted(info["position"])))
        if info.get("represents"):
            lines.append("for: " + _some(sorted(info["represents"])))
        nodes.append({
            "id": n, "label": d["label"], "type": d["type"], "shape": shape, "color": color,
            "size": round(10 + 30 * math.sqrt(degree / top), 2),
            "title": _no_href("\n".join(lines)), "font": {"size": 14},
        })
    return nodes


def _some(names: list[str]) -> str:
    """The first names of a list, and how many more."""
    more = len(names) - NAMES_PER_TOOLTIP
    return ", ".join(names[:NAMES_PER_TOOLTIP]) + (f" and {more} more" if more > 0 else "")


def _vis_edges(graph: Graph, net: nx.MultiDiGraph, titles: Titles | None = None) -> list[dict]:
    edges = []
    pair_count: dict[frozenset, int] = defaultdict(int)
    keys = sorted(net.edges(keys=True))
    if len(keys) > MAX_EDGES:  # keep the edges most articles stand behind
        keys = sorted(sorted(keys, key=lambda k: (-net.edges[k]["articles"], k))[:MAX_EDGES])
    per_edge = max(1, min(SOURCES_PER_TOOLTIP, TOOLTIP_BUDGET // (max(1, len(keys)) * SENTENCE)))
    digests: dict[tuple, bytes] = {}
    todo = keys
    if titles is not None:
        lines = graph.edge_lines([edge_key(s, pred, t) for s, t, pred in keys])
        digests = {(s, t, pred): titles.digest(s, pred, t, net.edges[s, t, pred], per_edge,
                                               lines.get(edge_key(s, pred, t), b""))
                   for s, t, pred in keys}
        todo = [k for k in keys if digests[k] not in titles.last]
    behind = graph.edge_rows([edge_key(s, pred, t) for s, t, pred in todo])  # the rows of the edges drawn anew
    for s, t, pred in keys:
        data = net.edges[s, t, pred]
        title = titles.last.get(digests[s, t, pred]) if titles is not None else None
        if title is None:
            sup, n_supports, n_sources = _first_supports(graph, behind.get(edge_key(s, pred, t), []),
                                                         EVENTS_PER_TOOLTIP)
            title = _edge_title(graph, s, pred, t, data, sup, n_supports, n_sources, per_edge)
        if titles is not None:
            titles.made[digests[s, t, pred]] = title
        k = pair_count[frozenset((s, t))]
        pair_count[frozenset((s, t))] += 1
        edges.append({
            "id": f"e{len(edges)}", "from": s, "to": t, "kind": pred, "label": PREDICATE_LABELS.get(pred, pred),
            "arrows": "" if pred == "met" else "to", "color": EDGE_COLORS.get(pred, "#999999"),
            "width": round(1 + 2 * math.log2(1 + data["articles"]), 2),
            "dashes": bool(data["hedged"] or data["denied"]),
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15 * k} if k else False,
            "title": title,
        })
    return edges


def _first_supports(graph: Graph, rows: list[dict], k: int) -> tuple[tuple[Support, ...], int, int]:
    """The first `k` of supports(graph, rows) (a tooltip lists no more), how many there are, and
    how many sentences they hold in all, without making every Support: the best-supported edges
    of a large graph stand on hundreds of thousands of rows."""
    by_node: dict[str, list[dict]] = {}
    for r in rows:
        by_node.setdefault(r["node"], []).append(r)

    shown = sorted(by_node, key=lambda node: support_order(*when_where(graph, by_node[node][0]), node))[:k]
    first = supports(graph, [r for node in shown for r in by_node[node]])
    # the distinct Sources supports() would make of every row, counted, not made
    sentences = sum(len({source_fields(graph, r) for r in node_rows}) for node_rows in by_node.values())
    return first, len(by_node), sentences


def _edge_title(graph: Graph, s: str, pred: str, t: str, data: dict, sup: tuple[Support, ...], n_supports: int,
                n_sources: int, limit: int = SOURCES_PER_TOOLTIP) -> str:
    """An edge's tooltip: `sup` are its first supports, of `n_supports` holding `n_sources` sentences."""
    arrow = "—" if pred == "met" else "→"
    lines = [f"{graph.label(s)} —{PREDICATE_LABELS.get(pred, pred)}{arrow} {graph.label(t)}"]
    if n_supports:
        lines.append(f"{n_supports} event(s) · {data['articles']} article(s) · {data['outlets']} outlet(s)")
    shown = 0
    for support in sup[:EVENTS_PER_TOOLTIP]:
        lines.append("• " + support_summary(support))
        for src in support.sources:
            if shown == limit:
                break
            shown += 1
            lines.append(f"   [{src.meta()}] “{src.clipped(SENTENCE)}” ({src.article}:{src.begin}-{src.end})")
    if n_supports > EVENTS_PER_TOOLTIP:
        lines.append(f"• … and {n_supports - EVENTS_PER_TOOLTIP} more event(s)")
    hidden = n_sources - shown
    if hidden > 0:
        lines.append(f"   … and {hidden} more sentence(s): kg path \"{graph.label(s)}\" \"{graph.label(t)}\"")
    return "\n".join(lines)


def _options(n_nodes: int) -> dict:
    return {
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 300},
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 140, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": 600 if n_nodes <= 300 else 250, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 500},
        "edges": {"font": {"size": 10, "align": "middle", "strokeWidth": 3}, "selectionWidth": 2},
        "nodes": {"borderWidth": 1},
    }


def _page(nodes: list[dict], edges: list[dict], note: str) -> str:
    from pyvis.network import Network

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes, net.edges = nodes, edges  # add_node/add_edge are quadratic; the lists are what pyvis renders
    net.options = _options(len(nodes))
    page = net.generate_html(name="graph.html")
    # every mode writes Bootstrap tags pointing at a CDN; the page needs none of it offline
    page = re.sub(r'<link[^>]*bootstrap[^>]*>\s*', "", page)
    page = re.sub(r'<script[^>]*bootstrap[^>]*>\s*</script>\s*', "", page, flags=re.S)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", page)
    types = sorted({n["type"] for n in nodes})
    kinds = sorted({e["kind"] for e in edges}, key=lambda k: list(PREDICATE_LABELS).index(k)
                   if k in PREDICATE_LABELS else 99)
    data = {
        "types": [{"name": t, "color": TYPE_STYLE.get(t, DEFAULT_STYLE)[0],
                   "count": sum(1 for n in nodes if n["type"] == t)} for t in types],
        "kinds": [{"name": k, "label": PREDICATE_LABELS.get(k, k), "color": EDGE_COLORS.get(k, "#999999"),
                   "count": sum(1 for e in edges if e["kind"] == k), "shown": k not in HIDDEN_KINDS}
                  for k in kinds],
        "note": note, "nodes": len(nodes), "edges": len(edges),
    }
    page = page.replace("<body>", "<body>\n" + PANEL_HTML, 1)
    page = page.replace("</body>", f"<script>var KG_DATA = {_script_json(data)};\n{PANEL_JS}</script>\n</body>", 1)
    return page


def _script_json(data) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


PANEL_HTML = """<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  #mynetwork { border: none !important; float: none !important; }
  #kg-panel { position: absolute; top: 8px; left: 8px; z-index: 10; width: 270px; max-height: calc(100vh - 16px);
    overflow: auto; background: rgba(255,255,255,0.94); border: 1px solid #ccc; border-radius: 6px;
    padding: 8px 10px; font-size: 13px; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
  #kg-panel h2 { font-size: 15px; margin: 0 0 6px; }
  #kg-panel h3 { font-size: 12px; margin: 8px 0 3px; text-transform: uppercase; color: #555; }
  #kg-panel label { display: block; cursor: pointer; }
  #kg-panel .swatch { display: inline-block; width: 11px; height: 11px; margin-right: 5px; border-radius: 2px;
    vertical-align: -1px; }
  #kg-search { width: 100%; box-sizing: border-box; padding: 4px; }
  #kg-details { white-space: pre-wrap; font-size: 12px; margin-top: 6px; border-top: 1px solid #ddd;
    padding-top: 6px; }
  #kg-note { color: #8a4b00; font-size: 12px; }
  .vis-tooltip { white-space: pre-wrap !important; max-width: 520px; font-size: 12px !important; }
</style>
<div id="kg-panel">
  <h2>kg graph</h2>
  <div id="kg-count"></div>
  <div id="kg-note"></div>
  <input id="kg-search" list="kg-names" placeholder="Find an entity…" autocomplete="off">
  <datalist id="kg-names"></datalist>
  <h3>Entities</h3><div id="kg-types"></div>
  <h3>Edges</h3><div id="kg-kinds"></div>
  <div id="kg-details">Hover over a node or an edge; click to keep its details here.</div>
</div>
"""

PANEL_JS = r"""
(function () {
  function el(tag, text) { var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  document.getElementById("kg-count").textContent = KG_DATA.nodes + " entities, " + KG_DATA.edges + " edges";
  document.getElementById("kg-note").textContent = KG_DATA.note;
  var shownTypes = {}, shownKinds = {};
  function refresh() {
    nodes.update(nodes.get().map(function (n) { return {id: n.id, hidden: !shownTypes[n.type]}; }));
    edges.update(edges.get().map(function (e) { return {id: e.id, hidden: !shownKinds[e.kind]}; }));
  }
  function legend(box, items, shown, text) {
    items.forEach(function (it) {
      shown[it.name] = it.shown !== false;
      var label = el("label"), box_ = el("input"), sw = el("span");
      box_.type = "checkbox"; box_.checked = shown[it.name]; box_.value = it.name;
      box_.addEventListener("change", function () { shown[it.name] = box_.checked; refresh(); });
      sw.className = "swatch"; sw.style.background = it.color;
      label.appendChild(box_); label.appendChild(sw); label.appendChild(document.createTextNode(text(it)));
      box.appendChild(label);
    });
  }
  legend(document.getElementById("kg-types"), KG_DATA.types, shownTypes,
         function (t) { return t.name + " (" + t.count + ")"; });
  legend(document.getElementById("kg-kinds"), KG_DATA.kinds, shownKinds,
         function (k) { return k.label + " (" + k.count + ")"; });
  refresh();
  var names = document.getElementById("kg-names");
  nodes.get().map(function (n) { return n.label; }).sort().forEach(function (l) {
    var o = el("option"); o.value = l; names.appendChild(o);
  });
  var details = document.getElementById("kg-details");
  function show(text) { details.textContent = text || ""; }
  window.kgSearch = function (query) {
    var q = (query || "").trim().toLowerCase();
    if (!q) return null;
    var all = nodes.get();
    var hit = all.filter(function (n) { return n.label.toLowerCase() === q; })[0] ||
              all.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; })[0] ||
              all.filter(function (n) { return (n.title || "").toLowerCase().indexOf(q) >= 0; })[0];
    if (!hit) { show("No entity matches \u201c" + query + "\u201d."); return null; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.4, animation: false});
    show(hit.title);
    return hit.id;
  };
  var search = document.getElementById("kg-search");
  search.addEventListener("change", function () { window.kgSearch(search.value); });
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") window.kgSearch(search.value); });
  network.on("click", function (p) {
    if (p.nodes.length) show(nodes.get(p.nodes[0]).title);
    else if (p.edges.length) show(edges.get(p.edges[0]).title);
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});  // settle once, then stay put
    window.kgStable = true;
  });
  if (KG_DATA.nodes === 0) window.kgStable = true;
})();
"""
