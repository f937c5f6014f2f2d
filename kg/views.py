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

import bisect
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from kg.config import ontology_dir
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
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
SYMMETRIC = {"met"}  # predicates (local names) stored both ways: one edge in the network
SOURCES_FILE = "edge_sources.jsonl"  # a row a line, so that the rows of a few edges are read alone
SUPPORT_FILE = "edge_support.json"
# every file write_views makes
VIEW_FILES = ("nodes.json", "edges.json", "node_details.json", SOURCES_FILE, SUPPORT_FILE)
SUPPORT_COLUMNS = ["source", "predicate", "target", "dates", "articles", "outlets", "hedged", "denied", "lines"]

Rows = dict[str, tuple[list[str], list[list]]]


@cache
def definition(name: str) -> str:
    """A hash of the text of ontology/<name>.rq: rows kept under another text are not this view's."""
    return hashlib.sha1((ontology_dir() / f"{name}.rq").read_bytes()).hexdigest()[:16]


def row_key(row: list) -> str:
    return "\x1f".join(map(repr, row))


def sort_rows(rows: list[list]) -> list[list]:
    """Rows in the order the files keep them (the same whatever order the engine found them in).
    A build puts new rows among the kept ones in this order (with_rows): another order needs
    another format number for the files."""
    rows.sort(key=row_key)
    return rows


def with_rows(kept: list[list], new: list[list]) -> list[list]:
    """`kept` (rows in the files' order, as sort_rows leaves them) with `new` rows put in their
    places: what sort_rows makes of both, making the sort key of the new rows and of the few kept
    rows each one is compared with, not of every row. (Each insertion moves the rows after it:
    past a hundredth of the rows, sorting them all again is cheaper.)"""
    if len(new) > len(kept) // 100:
        kept += new
        return sort_rows(kept)
    for row in new:
        bisect.insort(kept, row, key=row_key)
    return kept


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
    that is too much to be worth it (the caller runs the views whole). edge_sources, read as
    lines (kg.source_lines), stays lines with its support table."""
    from kg.source_lines import SourceLines, maintain_lines

    for graph in (old, new):  # a class changed: what every entity's row says may have
        if any(next(graph.store.quads_for_pattern(ox.NamedNode(s), SUBCLASS, None, None), None) for s in subjects):
            return None
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
        made = [r for iri in sorted(about) for r in new.run_view(name, **{ABOUT[name]: iri})[1]]
        last = old_rows[name]
        if isinstance(last, SourceLines):
            lines = maintain_lines(last, about, made)
            if lines is not None:
                out[name] = lines
                continue
            last = (last.columns, last.rows())
        columns, rows = last
        at = columns.index(ABOUT[name])
        kept = [r for r in rows if r[at] not in about]
        out[name] = (columns, with_rows(kept, made))
    out["edges"] = _maintain_edges(old_rows["edges"], new, subjects, speakers, graphs)
    return out


def _maintain_edges(old_rows, new, subjects: set[str], speakers: set[str], graphs: set[str]):
    """edges.rq bound to a source runs over every edge (its union hides the binding from the
    engine): instead it runs once over a small store of what it reads about the sources whose
    rows may have changed. An edge comes from its source's own triples (in the default graph,
    or in an article's graph that changed) or, as kg:mentions, from a statement attributed to
    it: a subject whose triples changed has its other edges made again, a speaker of a
    statement in a changed graph all of its edges (from every statement attributed to it).
    (The edges of an article's graph that did not change need not be read: kg.rdf.assemble
    writes an article's graph with no edge triples, only its statements and evidence.)"""
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
    return columns, with_rows([r for r in rows if not redone(r)], [r for r in found if redone(r)])


def edge_key(s: str, pred: str, t: str) -> tuple:
    """An edge of the network (`pred` a local name): a symmetric one whichever way it is stored."""
    return (pred, frozenset((s, t))) if pred in SYMMETRIC else (pred, s, t)


def support_table(columns: list[str], rows: list[list]) -> dict[tuple, dict]:
    """Per edge: the dates behind it (sorted), how many articles and outlets, whether it is hedged
    or denied, and which of `rows` (edge_sources) support it (their indexes)."""
    at, edge_of = support_columns(columns), edge_reader(columns)
    out: dict[tuple, dict] = {}
    for n, r in enumerate(rows):
        key = edge_of(r)
        info = out.get(key)
        if info is None:
            info = out[key] = new_support()
            info["rows"] = []
        add_support(info, r, at)
        info["rows"].append(n)
    for info in out.values():
        end_support(info)
    return out


def edge_reader(columns: list[str]):
    """The edge (edge_key) an edge_sources row with these columns supports."""
    s, p, t = columns.index("source"), columns.index("predicate"), columns.index("target")
    return lambda r: edge_key(r[s], r[p][len(KG):], r[t])


def support_columns(columns: list[str]) -> dict[str, int]:
    """Where each column the support table reads is in edge_sources rows."""
    return {c: columns.index(c) for c in ("source", "predicate", "target", "date", "article", "outlet",
                                          "hedged", "denied")}


def new_support() -> dict:
    """An edge's support before its first row (add_support, then end_support)."""
    return {"dates": set(), "articles": set(), "outlets": set(), "hedged": False, "denied": False}


def add_support(info: dict, r: list, at: dict[str, int]) -> None:
    """One edge_sources row behind the edge (`at`: support_columns)."""
    if r[at["date"]]:
        info["dates"].add(str(r[at["date"]]))
    info["articles"].add(r[at["article"]])
    info["outlets"].add(r[at["outlet"]] or r[at["article"]])
    info["hedged"] |= bool(r[at["hedged"]])
    info["denied"] |= bool(r[at["denied"]])


def end_support(info: dict) -> None:
    """The edge's sets, once all its rows are in, as the table keeps them: dates sorted, counts."""
    info["dates"] = sorted(info["dates"])
    info["articles"], info["outlets"] = len(info["articles"]), len(info["outlets"])


def write_views(folder: Path, rows: Rows) -> dict[tuple, dict]:
    """Materialized views to `folder` (a store's VIEWS_DIR once the build commits), one file each;
    edge_sources a row a line, with a table of each edge's support and the lines of its rows
    (drawing a large graph reads the table and the rows of the edges it draws, not every row).
    Returns the support table (support_table), for drawing from these rows without reading them back."""
    from kg.rdf.serialize import atomic_file, atomic_write, write_batched
    from kg.source_lines import SourceLines

    folder.mkdir(exist_ok=True)
    for name in sorted(rows):
        if name == "edge_sources":
            continue
        columns, rows_ = rows[name]
        data = {"format": 1, "view": name, "query": definition(name), "columns": columns, "rows": rows_}
        atomic_write(folder / f"{name}.json", ENCODE(data))
    sources = rows["edge_sources"]
    if isinstance(sources, SourceLines):  # brought up to date as lines, its table with it
        with atomic_file(folder / SOURCES_FILE, binary=True) as f:
            sources.write(f)
        _write_support(folder, sources.support)
        return sources.support
    columns, rows_ = sources
    lines = [_line({"format": 2, "view": "edge_sources", "query": definition("edge_sources"), "columns": columns})]
    lines += [row_line(r) for r in rows_]
    spans = []  # (offset, length) of each row's line
    pos = len(lines[0])
    for line in lines[1:]:
        spans.append((pos, len(line)))
        pos += len(line)
    with atomic_file(folder / SOURCES_FILE, binary=True) as f:
        write_batched(f, lines)
    support = support_table(columns, rows_)
    _write_support(folder, support, spans)
    return support


def _write_support(folder: Path, support: dict[tuple, dict], spans: list[tuple[int, int]] | None = None) -> None:
    """The support table's file: each edge's byte ranges from its "lines", or from the `spans` of
    its "rows"."""
    from kg.rdf.serialize import atomic_write

    table = []
    for key, info in support.items():
        if len(key) == 2:  # symmetric: written from the lesser end
            pred, pair = key[0], sorted(key[1])
            s, t = pair[0], pair[-1]
        else:
            pred, s, t = key
        lines = info["lines"] if spans is None else byte_runs([spans[n] for n in info["rows"]])
        table.append([s, pred, t, info["dates"], info["articles"], info["outlets"], info["hedged"], info["denied"], lines])
    table.sort(key=lambda r: (r[0], r[1], r[2]))
    atomic_write(folder / SUPPORT_FILE, ENCODE({"format": 1, "query": definition("edge_sources"),
                                                 "columns": SUPPORT_COLUMNS, "rows": table}))


# one encoder for every file and line (json.dumps with options makes a new one per call: half
# the time of writing a hundred thousand rows)
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _line(value) -> bytes:
    return (ENCODE(value) + "\n").encode("utf-8")


def row_line(row: list) -> bytes:
    """An edge_sources row's line in its file (one read back carries it)."""
    return row.line if type(row) is ReadRow else _line(row)


class ReadRow(list):
    """A row of edge_sources read back from its file, with its line: a build that keeps it
    writes the line as it was read instead of encoding the row again (rows are not changed
    once made; a row is written as _line makes it, which reading gives back)."""

    __slots__ = ("line",)

    def __init__(self, row: list, line: bytes):
        super().__init__(row)
        self.line = line + b"\n"


def byte_runs(spans: list[tuple[int, int]]) -> list[list[int]]:
    """Byte ranges [offset, length] of lines, adjacent lines joined."""
    out: list[list[int]] = []
    for pos, n in sorted(spans):
        if out and out[-1][0] + out[-1][1] == pos:
            out[-1][1] += n
        else:
            out.append([pos, n])
    return out


def read_view(folder: Path, name: str) -> tuple[list[str], list[list]] | None:
    """A view's columns and rows as write_views kept them; None where there is no such file or it
    is of another format (the view is run then)."""
    path = folder / (SOURCES_FILE if name == "edge_sources" else f"{name}.json")
    if not path.exists():
        return None
    try:
        if name == "edge_sources":
            head, _, body = path.read_bytes().partition(b"\n")
            header = json.loads(head)
            if header.get("format") != 2 or header.get("query") != definition(name):
                return None
            # a row a line, and JSON strings never hold a bare line break: one array to parse
            body = body.rstrip(b"\n")
            if not body:
                return header["columns"], []  # a graph without edges
            rows = json.loads(b"[" + body.replace(b"\n", b",") + b"]")
            return header["columns"], [ReadRow(r, line) for r, line in zip(rows, body.split(b"\n"), strict=True)]
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != 1 or data.get("query") != definition(name):
            return None  # of another version, or of the view before its text changed: run it
        return data["columns"], data["rows"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: cannot read this view of the graph ({exc}); run `kg build` again") from None


def read_support(folder: Path) -> dict[tuple, dict] | None:
    """The support table write_views kept: edge key -> dates, counts, flags and the byte ranges of
    its rows in edge_sources.jsonl; None where there is none."""
    path = folder / SUPPORT_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != 1 or data.get("query") != definition("edge_sources"):
            return None
        return {edge_key(s, pred, t): {"dates": dates, "articles": articles, "outlets": outlets,
                                       "hedged": hedged, "denied": denied, "lines": lines}
                for s, pred, t, dates, articles, outlets, hedged, denied, lines in data["rows"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: cannot read this view of the graph ({exc}); run `kg build` again") from None


def read_lines(folder: Path, ranges: dict[tuple, list[list[int]]]) -> dict[tuple, list[dict]]:
    """The edge_sources rows at these byte ranges of edge_sources.jsonl (per edge), as dicts."""
    path = folder / SOURCES_FILE
    chunks, counts = [], []
    try:
        with open(path, "rb") as f:
            columns = json.loads(f.readline())["columns"]
            for spans in ranges.values():
                n_lines = 0
                for pos, n in spans:
                    f.seek(pos)
                    chunk = f.read(n).rstrip(b"\n")
                    chunks.append(chunk)
                    n_lines += chunk.count(b"\n") + 1
                counts.append(n_lines)
            # parsed as one array: much faster than a parse per line
            rows = json.loads(b"[" + b",".join(chunks).replace(b"\n", b",") + b"]")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: cannot read this view of the graph ({exc}); run `kg build` again") from None
    out, at = {}, 0
    for key, n in zip(ranges, counts):
        out[key] = [dict(zip(columns, r)) for r in rows[at : at + n]]
        at += n
    return out


def read_views(folder: Path) -> Rows | None:
    """Every materialized view kept in `folder` (edge_sources as kg.source_lines.SourceLines);
    None where one is missing or unreadable."""
    from kg.source_lines import read_source_lines

    try:
        found = {name: read_view(folder, name) for name in MATERIALIZED if name != "edge_sources"}
        found["edge_sources"] = read_source_lines(folder)
    except (InputError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return None if any(v is None for v in found.values()) else found


@dataclass
class LastBuild:
    """What a build keeps of the last one to bring its views up to date."""

    store: Path  # its store's folder
    rows: Rows
    subjects: set[str]  # default-graph subjects whose triples changed since
    graphs: set[str]  # articles' graphs that changed, came or went


def last_build(plan) -> LastBuild | None:
    """The last build's store and view rows, where the build's kg.store.StorePlan tells few
    enough changes since; else None."""
    if plan.current is None or len(plan.subjects) + len(plan.graphs) > MAINTAIN_LIMIT:
        return None
    rows = read_views(plan.current / VIEWS_DIR)
    return LastBuild(plan.current, rows, plan.subjects, plan.graphs) if rows is not None else None


def maintained(last: LastBuild, fresh: Path, names, source: Path) -> Rows | None:
    """The last build's rows brought up to date on the new store at `fresh` (None: too much changed)."""
    from kg.store import Graph

    old = Graph(ox.Store.read_only(str(last.store)), names, source)
    new = Graph(ox.Store.read_only(str(fresh)), names, source)
    return maintain(last.rows, old, new, last.subjects, last.graphs)
