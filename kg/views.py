"""The network views a build materializes (their rows kept with the store), and how a build
that changed a few articles brings the last build's rows up to date instead of running the
views over the whole graph again.

The views are still defined only by ontology/*.rq. Maintenance relies on what each view's
rows are about: a row of nodes or node_details is about one entity and reads only that
entity's triples; a row of edge_sources is about one event or statement node and reads that
node's triples, its evidence spans and their articles; a row of edges is about its source
and reads the source's triples and the statements attributed to it. So the rows about the
subjects whose triples changed, and about the facts and speakers of the articles whose graph
changed, are dropped and made again; every other row stands. A test checks that a build
maintained this way writes byte-identical view files to a fresh build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

# the views the network projection reads whole (kg viz, kg central): the build runs them once
# and keeps their rows in the store's folder, one file a view (kg central reads two small ones,
# kg viz all four), so that drawing a large graph runs no SPARQL
MATERIALIZED = ("nodes", "edges", "edge_sources", "node_details")
VIEWS_DIR = "kg-views"
# the column each view's rows are about; nodes, node_details and edge_sources are run again
# bound to it (fast: the engine starts from the bound node)
ABOUT = {"nodes": "node", "node_details": "entity", "edge_sources": "node", "edges": "source"}
# past this many subjects to look at again, running the views over the whole graph is cheaper
MAINTAIN_LIMIT = 2000
KG = "https://w3id.org/kg/ontology#"
EVIDENCE = ox.NamedNode(KG + "evidence")
ATTRIBUTED = ox.NamedNode("http://www.w3.org/ns/prov#wasAttributedTo")
MENTIONS = KG + "mentions"  # the predicate edges.rq gives the edges it makes of statements

Rows = dict[str, tuple[list[str], list[list]]]


def sort_rows(rows: list[list]) -> list[list]:
    """Rows in the order the files keep them (the same whatever order the engine found them in)."""
    rows.sort(key=lambda r: "\x1f".join(map(repr, r)))
    return rows


def materialize(graph) -> Rows:
    """The rows of every MATERIALIZED view of `graph` (a kg.store.Graph), sorted."""
    out = {}
    for name in MATERIALIZED:
        columns, rows = graph.run_view(name)
        out[name] = (columns, sort_rows(rows))
    return out


def maintain(old_rows: Rows, old, new, subjects: set[str], graphs: set[str]) -> Rows | None:
    """The rows of `new` (a kg.store.Graph over the new store), made from the rows of `old`
    (the last build's Graph) where `subjects` (IRIs whose default-graph triples changed) and
    `graphs` (articles' graph IRIs that changed, came or went) are all that changed; None when
    that is too much to be worth it (the caller runs the views whole)."""
    about = set(subjects)
    speakers: set[str] = set()
    for graph in (old, new):
        for g in sorted(graphs):
            name = ox.NamedNode(g)
            about.update(q.subject.value for q in graph.store.quads_for_pattern(None, EVIDENCE, None, name))
            speakers.update(q.object.value for q in graph.store.quads_for_pattern(None, ATTRIBUTED, None, name))
    if len(about) + len(speakers) > MAINTAIN_LIMIT:
        return None
    out: Rows = {}
    for name in ("nodes", "node_details", "edge_sources"):
        columns, rows = old_rows[name]
        at = columns.index(ABOUT[name])
        kept = [r for r in rows if r[at] not in about]
        for iri in sorted(about):
            kept += new.run_view(name, **{ABOUT[name]: iri})[1]
        out[name] = (columns, sort_rows(kept))
    out["edges"] = _maintain_edges(old_rows["edges"], new, subjects, speakers, graphs)
    return out


def _maintain_edges(old_rows, new, subjects: set[str], speakers: set[str], graphs: set[str]):
    """edges.rq bound to a source runs over every edge (its union hides the binding from the
    engine): instead it runs once over a small store of what it reads about the sources whose
    rows may have changed. An edge comes from its source's own triples (in the default graph,
    or in an article's graph that changed) or, as kg:mentions, from a statement attributed to
    it: a subject whose triples changed has its other edges made again, a speaker of a
    statement in a changed graph all of its edges (from every statement attributed to it)."""
    from kg.store import Graph

    columns, rows = old_rows
    source, predicate = columns.index("source"), columns.index("predicate")

    def redone(row) -> bool:
        return row[source] in speakers or (row[source] in subjects and row[predicate] != MENTIONS)

    part = ox.Store()
    store = new.store
    places = [ox.DefaultGraph()] + [ox.NamedNode(g) for g in sorted(graphs)]
    for iri in sorted(subjects | speakers):
        node = ox.NamedNode(iri)
        for g in places:
            part.extend(store.quads_for_pattern(node, None, None, g))
    for iri in sorted(speakers):
        for said in store.quads_for_pattern(None, ATTRIBUTED, ox.NamedNode(iri), None):
            part.extend(store.quads_for_pattern(said.subject, None, None, said.graph_name))
    _, found = Graph(part, new.names, new.source).run_view("edges")
    return columns, sort_rows([r for r in rows if not redone(r)] + [r for r in found if redone(r)])


def write_views(folder: Path, rows: Rows) -> None:
    """Materialized views to `folder` (a store's VIEWS_DIR once the build commits), one file each."""
    from kg.rdf.serialize import atomic_write

    folder.mkdir(exist_ok=True)
    for name, (columns, rows_) in sorted(rows.items()):
        data = {"format": 1, "view": name, "columns": columns, "rows": rows_}
        atomic_write(folder / f"{name}.json", json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def read_view(folder: Path, name: str) -> tuple[list[str], list[list]] | None:
    """A view's columns and rows as write_views kept them; None where there is no such file or it
    is of another format (the view is run then)."""
    path = folder / f"{name}.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != 1:
            return None
        return data["columns"], data["rows"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: cannot read this view of the graph ({exc}); run `kg build` again") from None


def read_views(folder: Path) -> Rows | None:
    """Every materialized view kept in `folder`; None where one is missing or unreadable."""
    try:
        found = {name: read_view(folder, name) for name in MATERIALIZED}
    except InputError:
        return None
    return None if any(v is None for v in found.values()) else found
