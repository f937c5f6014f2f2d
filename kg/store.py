"""The built graph as something to ask: an Oxigraph store on disk (out/store, written by
`kg build`) and a name index (out/names.json), so that answering never re-runs the build
nor re-parses Turtle. A graph file (.trig/.ttl/.nq) can be opened too, into memory.

Queries are the SPARQL views in ontology/*.rq; values reach them only as bound terms
(pyoxigraph substitutions), never spliced into query text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from kg.config import ontology_dir
from kg.errors import InputError, QueryError
from kg.lookup import NameIndex
from kg.views import (
    MATERIALIZED,
    SOURCES_FILE,
    VIEWS_DIR,
    read_lines,
    read_support,
    read_view,
    row_line,
    support_table,
)

log = logging.getLogger("kg")

STORE_DIR = "store"
NAMES_FILE = "names.json"
KG = "https://w3id.org/kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT_NS = "http://purl.org/dc/terms/"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
FORMATS = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES}


@cache
def view(name: str) -> str:
    """The text of the SPARQL view ontology/<name>.rq."""
    return (ontology_dir() / f"{name}.rq").read_text(encoding="utf-8")


def value(term) -> str | int | float | bool | None:
    """A result term as a plain Python value (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    if term.__class__ is ox.NamedNode:  # most terms of most rows: the fast way first
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith("#integer"):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
    return term.value


@dataclass
class Graph:
    """A built graph opened for questions."""

    store: ox.Store | None  # None: only materialized rows (the build draws its page from them)
    names: NameIndex
    source: Path
    rows: dict[str, tuple[list[str], list[list]]] = field(default_factory=dict)  # materialized views read
    views_dir: Path | None = None  # where the build kept them; each is read when first asked whole
    _support: dict | None = field(default=None, repr=False)
    _sources: tuple[list[str], list[list]] | None = field(default=None, repr=False)  # rows the table indexes
    _warned: bool = field(default=False, repr=False)

    @classmethod
    def of_rows(cls, names: NameIndex, source: Path, rows: dict, support: dict, views_dir: Path | None = None) -> Graph:
        """The views' rows a build has just made, with their support table (kg.views.write_views):
        drawn from memory, nothing read back from the files."""
        # edge_sources as lines (kg.source_lines) is read from views_dir's file by the byte ranges
        # of the support table, not held as rows
        parsed = isinstance(rows["edge_sources"], tuple)
        graph = cls(None, names, source, rows if parsed else {k: v for k, v in rows.items() if k != "edge_sources"},
                    views_dir=views_dir)
        graph._support = support
        if parsed:
            graph._sources = rows["edge_sources"]
        return graph

    def query(self, text: str, **bindings):
        """Run SPARQL (union of all graphs as the default graph); bindings are substituted as terms."""
        subs = {ox.Variable(k): v for k, v in bindings.items() if v is not None}
        try:
            return self.store.query(text, use_default_graph_as_union=True, substitutions=subs or None,
                                    prefixes=self.prefixes())
        except SyntaxError as exc:
            first = str(exc).splitlines()[0] if str(exc) else "syntax error"
            raise QueryError(f"malformed SPARQL: {first[:300]}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"the query failed: {exc}") from None

    def select(self, view_name: str, **bindings) -> list[dict]:
        """Rows of a view as dicts of plain values; IRIs given as str are bound as IRIs.
        A whole view the build materialized is read from its rows, not run again."""
        found = None if bindings else self._materialized(view_name)
        columns, rows = found if found is not None else self.run_view(view_name, **bindings)
        return [dict(zip(columns, r)) for r in rows]

    def _materialized(self, view_name: str) -> tuple[list[str], list[list]] | None:
        """The rows the build kept of a whole view, read from their file at first use; None where
        it kept none."""
        if view_name not in MATERIALIZED:
            return None
        found = self.rows.get(view_name)
        if found is None and self.views_dir is not None:
            found = read_view(self.views_dir, view_name)
            if found is not None:
                self.rows[view_name] = found
            else:
                self._stale()
        return found

    def _stale(self) -> None:
        """Say once that the rows kept with the store cannot be used (the views run instead)."""
        if not self._warned:
            self._warned = True
            log.warning("%s: the network views kept with the store are missing or were made by another "
                        "version of kg: running them on the store, which takes long on a large graph "
                        "(`kg build` again keeps them)", self.views_dir)

    def support(self) -> dict[tuple, dict]:
        """Per edge of the network (kg.views.edge_key): its dates (sorted), how many
        articles and outlets support it, whether it is hedged or denied. From the table the build
        kept where there is one (the rows behind each edge are then read only when asked for),
        else made from the edge_sources rows."""
        if self._support is None:
            table = read_support(self.views_dir) if self.views_dir is not None else None
            if table is None:
                if self.views_dir is not None:
                    self._stale()
                self._sources = self._materialized("edge_sources") or self.run_view("edge_sources")
                table = support_table(*self._sources)
            self._support = table
        return self._support

    def edge_rows(self, keys: list[tuple]) -> dict[tuple, list[dict]]:
        """The edge_sources rows behind each of these edges (kg.views.edge_key), as dicts."""
        table = self.support()
        if self._sources is None:  # the build's table: each edge's lines of edge_sources.jsonl
            return read_lines(self.views_dir, {k: table[k]["lines"] for k in keys if k in table})
        columns, rows = self._sources
        return {k: [dict(zip(columns, rows[n])) for n in table[k]["rows"]] for k in keys if k in table}

    def edge_lines(self, keys: list[tuple]) -> dict[tuple, bytes]:
        """The lines of edge_sources.jsonl behind each of these edges, as they are in the file
        (not parsed): what a drawing's tooltip of the edge is made of (kg.viz.Titles)."""
        table = self.support()
        if self._sources is None:
            out = {}
            with open(self.views_dir / SOURCES_FILE, "rb") as f:
                for k in keys:
                    if k in table:
                        out[k] = b"".join(os.pread(f.fileno(), n, pos) for pos, n in table[k]["lines"])
            return out
        rows = self._sources[1]
        return {k: b"".join([row_line(rows[n]) for n in table[k]["rows"]]) for k in keys if k in table}

    def run_view(self, view_name: str, **bindings) -> tuple[list[str], list[list]]:
        """A view run on the store: its columns, and its rows as lists of plain values."""
        terms = {k: ox.NamedNode(v) if isinstance(v, str) else v for k, v in bindings.items()}
        result = self.query(view(view_name), **terms)
        return [v.value for v in result.variables], [list(map(value, sol)) for sol in result]

    def prefixes(self) -> dict[str, str]:
        """The output's prefixes, predeclared so that queries can use kg:, kgr:, prov: … directly."""
        from kg.rdf.prefixes import output_prefixes

        base = next(iter(self.names.entities), "https://w3id.org/kg/id/x").rsplit("/", 1)[0] + "/"
        return output_prefixes(base)

    def label(self, iri: str) -> str:
        return self.names.label(iri)

    def type_of(self, iri: str) -> str:
        return self.names.type_of(iri)


def open_graph(path: Path | str = "out") -> Graph:
    """The graph built in `path` (an out/ folder), or a graph file loaded into memory."""
    path = Path(path)
    if path.is_dir():
        store_dir = path / STORE_DIR
        names_file = path / NAMES_FILE
        if store_dir.exists() and names_file.exists():
            try:
                store = ox.Store.read_only(str(store_dir.resolve()))
                names = NameIndex.from_json(names_file.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError) as exc:
                raise InputError(f"{store_dir}: cannot open the store ({exc}); run `kg build` again") from None
            views = store_dir / VIEWS_DIR
            return Graph(store, names, path, views_dir=views if views.is_dir() else None)
        for name in ("graph.trig", "graph.nq", "graph.ttl"):
            if (path / name).exists():
                return open_graph(path / name)
        raise InputError(f"{path}: no built graph here; run `kg build` first")
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; run `kg build` first")
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: expected an out/ folder or a .trig, .ttl, .nq or .nt file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{path}: cannot be read as RDF ({exc})") from None
    return Graph(store, NameIndex.from_entities(entity_names(store.quads_for_pattern(None, None, None))), path)


def entity_names(quads) -> dict[str, tuple[str, str, list[str]]]:
    """iri -> (display label, most specific kg class, every name) for the entities among `quads`."""
    types: dict[str, set[str]] = {}
    labels: dict[str, dict[str, str]] = {}
    alts: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for q in quads:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if p == RDF_TYPE:
            types.setdefault(s, set()).add(o.value)
        elif p == SUBCLASS:
            parents.setdefault(s, set()).add(o.value)
        elif p == RDFS_LABEL and isinstance(o, ox.Literal):
            labels.setdefault(s, {})[o.language or ""] = o.value
        elif p == SKOS_ALT and isinstance(o, ox.Literal):
            alts.setdefault(s, set()).add(o.value)

    known_ancestors: dict[str, set[str]] = {}

    def ancestors(c: str) -> set[str]:
        if c not in known_ancestors:  # a handful of classes, asked about for every entity
            seen, todo = set(), [c]
            while todo:
                for parent in parents.get(todo.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            known_ancestors[c] = seen
        return known_ancestors[c]

    entity_classes = {c for c in parents if KG + "Entity" in ancestors(c)} | {KG + "Entity"}
    out = {}
    for iri, ts in types.items():
        mine = ts & entity_classes
        if not mine:
            continue
        specific = sorted(t for t in mine if not any(t in ancestors(u) for u in mine if u != t))[0]
        ls = labels.get(iri, {})
        display = ls.get("en") or ls.get("id") or ls.get("") or iri.rsplit("/", 1)[-1].replace("_", " ")
        names = sorted(set(ls.values()) | alts.get(iri, set()) | {iri.rsplit("/", 1)[-1]})
        out[iri] = (display, specific[len(KG):], names)
    return out


def write_store(quads: list, out: Path, names: NameIndex | None = None) -> Path:
    """out/store and out/names.json for the query commands, each swapped in atomically."""
    fresh = prepare_store(out, quads=quads)
    return commit_store(fresh, out, names or NameIndex.from_entities(entity_names(quads)))


def prepare_store(out: Path, quads: list | None = None, graph=None, base: str = "",
                  plan: StorePlan | None = None) -> Path:
    """A new store beside out/store, not yet in use (commit_store swaps it in), loaded from
    `quads` or from a build's `graph` (an assemble.Assembled, with its `plan`).

    A build's graph is loaded a thousand articles at a time (the bulk loader's memory grows with
    what it is given at once); where out/store holds an earlier build, the new store is a copy of
    it (hard links) with only the subjects and graphs whose text changed replaced. Loading lets
    go of the GIL, so a build runs this beside its other writing."""
    out.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".store-", dir=out))
    fresh.chmod(0o755)
    try:
        if graph is not None:
            plan = plan or plan_store(out, graph, base)
            if not _update_copy(plan, fresh, graph, base):
                _load(ox.Store(str(fresh)), graph_pieces(graph, base))
            (fresh / MANIFEST).write_text(json.dumps(plan.manifest, sort_keys=True), encoding="utf-8")
        else:
            store = ox.Store(str(fresh))
            store.bulk_load(ox.serialize(quads or [], format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
            store.flush()
            del store
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return fresh


MANIFEST = "kg-graphs.json"  # in the store's folder: what each subject and graph held, as hashes of their text
MANIFEST_FORMAT = 2


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha1(data).hexdigest()[:16]  # tells a change, no more


def store_manifest(graph, base: str, blocks: dict[str, str]) -> dict:
    """What the store of `graph` holds, as a hash of the text of each default-graph subject's
    block (kg.rdf.default.DefaultGraph.blocks) and of each article's graph: two manifests tell what
    changed between two builds."""
    return {"format": MANIFEST_FORMAT, "base": base,
            "subjects": {iri: digest(block) for iri, block in blocks.items()},
            "graphs": {a.iri: a.digest for a in graph.articles}}


@dataclass
class StorePlan:
    """How a build's store is made, decided once for the store's thread and the views: the new
    graph's manifest and, where out/ holds a store this version can patch, what changed since."""

    manifest: dict
    current: Path | None = None  # the store in out/ (resolved), where its manifest is usable
    subjects: set[str] = field(default_factory=set)  # default-graph subjects whose text changed
    graphs: set[str] = field(default_factory=set)  # articles' graphs that changed, came or went
    stored: set[str] = field(default_factory=set)  # those of `graphs` the current store holds
    blocks: dict[str, str] = field(default_factory=dict)  # the changed subjects' Turtle blocks


def plan_store(out: Path, graph, base: str) -> StorePlan:
    """The manifest of `graph` and what changed since the store in `out` was built."""
    blocks = graph.default.blocks
    plan = StorePlan(store_manifest(graph, base, blocks))
    current = (out / STORE_DIR).resolve()
    old = read_manifest(current) if current.is_dir() else None
    changed = changes(old, plan.manifest) if old is not None else None
    if changed is not None and _worth_patching(changed, plan.manifest):
        plan.current, (plan.subjects, plan.graphs) = current, changed
        plan.stored = {g for g in plan.graphs if g in old["graphs"]}
        plan.blocks = {iri: blocks[iri] for iri in plan.subjects if iri in blocks}
    return plan


# a store is patched where at most this share of its subjects and graphs changed (or a few
# hundred, in a small store); past it, loading anew is as fast (removing quads costs far more per
# quad than a bulk load): at 10,000 articles, with 5.6 % changed (a quarter of the articles)
# patching and loading took the same, with every article changed the build took
# 110 s and 3.1 GB patching, 57 s and 1.7 GB loading
PATCH_SHARE = 0.05
PATCH_MIN = 500


def _worth_patching(changed: tuple[set[str], set[str]], manifest: dict) -> bool:
    size = len(manifest["subjects"]) + len(manifest["graphs"])
    return len(changed[0]) + len(changed[1]) <= max(PATCH_MIN, PATCH_SHARE * size)


def read_manifest(store_dir: Path) -> dict | None:
    """The manifest of the store at `store_dir`; None where there is none this version reads."""
    try:
        found = json.loads((store_dir / MANIFEST).read_text(encoding="utf-8"))
        usable = (found.get("format") == MANIFEST_FORMAT and isinstance(found.get("subjects"), dict)
                  and isinstance(found.get("graphs"), dict))
        return found if usable else None
    except (OSError, ValueError, AttributeError):
        return None


def changes(old: dict, new: dict) -> tuple[set[str], set[str]] | None:
    """(subjects, graphs) whose text differs between two manifests, came or went; None when they
    describe stores of different bases (every IRI differs)."""
    if old.get("base") != new["base"]:
        return None

    def differ(a: dict, b: dict) -> set[str]:
        return {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}

    return differ(old["subjects"], new["subjects"]), differ(old["graphs"], new["graphs"])


def graph_pieces(graph, base: str, articles=None, default: bool = True, size: int = 1000) -> Iterable[bytes]:
    """TriG documents of the default graph and of `articles` (all by default), `size` at a time."""
    from kg.rdf.serialize import graph_block, header, preamble

    if default:
        yield preamble(graph, base)
    articles = graph.articles if articles is None else articles
    head = header(base).encode("utf-8")
    for i in range(0, len(articles), size):
        yield head + b"".join(graph_block(a) for a in articles[i : i + size])


def _load(store: ox.Store, pieces: Iterable[bytes]) -> None:
    for piece in pieces:
        store.bulk_load(piece, format=ox.RdfFormat.TRIG)
    store.flush()


def _update_copy(plan: StorePlan, fresh: Path, graph, base: str) -> bool:
    """Make `fresh` a copy of the current store with the subjects and graphs that changed
    replaced; False (and `fresh` left empty) where there is no usable earlier store."""
    from kg.rdf.serialize import header

    try:
        if plan.current is None:
            return False
        fresh.rmdir()
        ox.Store.read_only(str(plan.current)).backup(str(fresh))
    except (OSError, ValueError, KeyError, AttributeError):
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(mode=0o755)
        return False
    store = ox.Store(str(fresh))
    default = ox.DefaultGraph()
    for iri in sorted(plan.subjects):
        for q in list(store.quads_for_pattern(ox.NamedNode(iri), None, None, default)):
            store.remove(q)
    for iri in sorted(plan.stored):
        store.remove_graph(ox.NamedNode(iri))
    text = "".join(plan.blocks[iri] for iri in sorted(plan.blocks))
    _load(store, [(header(base) + text).encode("utf-8")] + list(graph_pieces(
        graph, base, [a for a in graph.articles if a.iri in plan.graphs], default=False)))
    return True


def commit_store(fresh: Path, out: Path, names: NameIndex) -> Path:
    """Swap a prepared store in by renaming a link (readers see the old store or the new one,
    never half of one), write its name index, and remove the stores it replaced."""
    from kg.rdf.serialize import atomic_write

    target = out / STORE_DIR
    link = out / f".store-link-{os.getpid()}"
    link.unlink(missing_ok=True)
    link.symlink_to(fresh.name)
    if target.exists() and not target.is_symlink():
        shutil.rmtree(target)
    os.replace(link, target)
    atomic_write(out / NAMES_FILE, names.to_json())
    for stale in out.glob(".store-*"):  # the store this one replaced, or one an interrupted build left
        if stale.name != fresh.name and stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    return target


def open_in_memory(path: Path | str = "out") -> Graph:
    """What the network views read, fast: a build's materialized views where it has them, else
    the part of the graph they read, in memory (see view_graph)."""
    path = Path(path)
    if path.is_dir() and (path / STORE_DIR / VIEWS_DIR).is_dir():
        return open_graph(path)
    if path.is_dir() and (path / "graph.trig").exists() and (path / NAMES_FILE).exists():
        try:
            quads = ox.parse(path=str(path / "graph.trig"), format=ox.RdfFormat.TRIG)
            names = NameIndex.from_json((path / NAMES_FILE).read_text(encoding="utf-8"))
            return view_graph(quads, names, path)
        except (OSError, SyntaxError, ValueError, KeyError) as exc:
            raise InputError(f"{path}: cannot load the graph ({exc}); run `kg build` again") from None
    return open_graph(path)


# what ontology/nodes.rq, edges.rq, edge_sources.rq and node_details.rq read
VIEW_PREDICATES = {RDF_TYPE, RDFS_LABEL, SKOS_ALT, SUBCLASS, PROV_NS + "wasAttributedTo", DCT_NS + "identifier",
                   DCT_NS + "publisher", DCT_NS + "date"} | {KG + p for p in (
    "position", "represents", "mentionCount", "participant", "agent", "destination", "supplier", "recipient",
    "item", "date", "place", "hedged", "planned", "deniedBy", "mentions", "met", "visited", "supplied",
    "suppliedTo", "context")}
SPAN_PREDICATES = {NIF_NS + p for p in ("referenceContext", "beginIndex", "endIndex", "anchorOf")}
FACT_CLASSES = {KG + c for c in ("Meeting", "Visit", "Supply", "Statement")}
SPAN_CLASSES = {NIF_NS + "String", NIF_NS + "Context"}


def open_view(data: bytes, names: NameIndex, source: Path) -> Graph:
    """In memory, the TriG a build writes of what the network views read (write_trig's part
    "view": the default graph and, of each article's graph, its metadata, statements and the
    facts' evidence; not its text nor its entity mentions). A test checks it draws the same
    page as the whole graph."""
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.TRIG)
    return Graph(store, names, source)


def view_graph(quads, names: NameIndex, source: Path) -> Graph:
    """An in-memory Graph of only what the network views read: the facts, their evidence spans,
    the articles' metadata and the entities' labels, without the articles' texts and the spans
    of every entity mention (most of a build). The graph view answers from it ~10x faster than
    from the store on disk; a test checks that it draws the same page as the whole graph."""
    quads = list(quads)
    facts = {q.subject for q in quads if q.predicate.value == RDF_TYPE and q.object.value in FACT_CLASSES}
    keep, spans = [], set()
    for q in quads:
        p = q.predicate.value
        if p in VIEW_PREDICATES:
            if p != RDF_TYPE or q.object.value not in SPAN_CLASSES:
                keep.append(q)
        elif p == KG + "evidence" and q.subject in facts:
            keep.append(q)
            spans.add(q.object)
    keep += [q for q in quads if q.subject in spans and q.predicate.value in SPAN_PREDICATES]
    store = ox.Store()
    store.bulk_extend(keep)
    return Graph(store, names, source)
