"""What a build keeps of the last one's graph: article graphs, and the default graph's blocks.

An article's named graph is made of its text and metadata, the entities its mentions resolve
to, the events its evidence went into and the statements it reports (which name only those
entities and events). When all of these, kg's code and the settings are what they were, the
graph's bytes are those in the last graph.trig: they are read from there instead of being made
again (adding an article to a large build leaves nearly every other article's graph as it was;
a new alias that moves a name to another entity changes the graphs that mention it, and only
those). The last build leaves an index beside its cache: each article's signature, where its
graph lies in graph.trig, its CRC-32 and the digest the store's manifest knows it by; a graph
whose bytes no longer match the CRC is made again.

The default graph's Turtle blocks are kept by subject beside them (kg.rdf.default decides which
still hold), and the drawing's edge tooltips by a digest of what each is made of (kg.viz.Titles),
under the same code and settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import pickle
import zlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.config import Settings
from kg.execute import CACHE_DIR
from kg.rdf.assemble import doc_slug
from kg.rdf.serialize import FileRange
from kg.resolve.entities import EntityIndex
from kg.resolve.events import Event

log = logging.getLogger("kg")
PAGES = "pages"  # in CACHE_DIR: where the last graph.trig holds each article's graph
DEFAULT = "default"  # in CACHE_DIR: the last default graph's blocks by subject (a pickle)
TITLES = "titles"  # in CACHE_DIR: the last drawing's edge tooltips by digest (kg.viz.Titles; a pickle)
FORMAT = 2
GRAPH_FILE = "graph.trig"


class LastFile:
    """The last graph.trig, open: kept graphs are copied from it after the build has written
    another graph.trig at its path. Closed when the last graph kept from it goes."""

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_RDONLY)
        self._close = os.close  # held: at interpreter exit the os module may be gone before this

    def __del__(self):
        self._close(self.fd)


@dataclass(frozen=True)
class KeptGraph:
    """An article's graph as the last build wrote it: what was recorded of it (as ArticleGraph)
    and where its bytes lie in the last graph.trig. They are checked when it is kept and copied
    from there into the new files (kg.rdf.serialize.FileRange), not read into memory."""

    iri: str
    name: str
    file: LastFile
    offset: int  # of its body
    size: int
    view_size: int
    triples: int
    digest: str
    crc: int

    @property
    def body(self) -> bytes:
        return os.pread(self.file.fd, self.size, self.offset)

    @property
    def view(self) -> bytes:
        return os.pread(self.file.fd, self.view_size, self.offset)

    def block_part(self) -> FileRange:
        head = len(self.name.encode("utf-8")) + 3  # "name {\n"
        return FileRange(self.file.fd, self.offset - head, head + self.size + 2)  # and "}\n"

    def body_part(self) -> FileRange:
        return FileRange(self.file.fd, self.offset, self.size)


@dataclass(frozen=True)
class Kept:
    """The article graphs taken from the last build, by document id, and how many statements they hold."""

    graphs: dict[str, KeptGraph] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)


class Reuse:
    """Signs each article's graph inputs (keep), hands out the last build's bytes where they
    match and the last default graph's blocks (last_default), and records the new build's (save)."""

    def __init__(self, out: Path, sources: dict[str, str | None], settings: Settings):
        from kg.record import code_digest

        self.out, self.sources = out, sources  # doc id -> content key of the file it came from
        self.seed = f"{code_digest()}|{json.dumps(asdict(settings), sort_keys=True)}"
        self.base = settings.base_iri
        self.signatures: dict[str, str] = {}

    def keep(self, docs: list[str], index: EntityIndex, events: list[Event]) -> Kept:
        """Sign every article (`docs`: their ids), then read the graphs whose signature is the one recorded."""
        self.signatures = _signatures(docs, index, events, self.sources, self.seed)
        recorded = _load(self.out / CACHE_DIR / PAGES, self.out / GRAPH_FILE)
        wanted = [(doc, entry) for doc, entry in recorded.items() if entry[0] == self.signatures.get(doc)]
        if not wanted:
            return Kept()
        graphs, statements = {}, {}
        try:
            last = LastFile(self.out / GRAPH_FILE)
            mapped = mmap.mmap(last.fd, 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # gone, or empty
            return Kept()
        with mapped:
            data = memoryview(mapped)  # the bytes checked where they lie, not copied
            for doc, (_sig, offset, length, view_size, triples, n, crc, iri, name, digest) in wanted:
                if offset + length <= len(data) and zlib.crc32(data[offset : offset + length]) == crc:
                    graphs[doc] = KeptGraph(iri, name, last, offset, length, view_size, triples, digest, crc)
                    statements[doc] = n
            data.release()
        return Kept(graphs, statements)

    def last_default(self) -> dict | None:
        """The last build's default graph by subject (kg.rdf.default.DefaultGraph.subjects), if it
        was made by this code with these settings."""
        data = _unpickle(self.out / CACHE_DIR / DEFAULT)
        if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("seed") == self.seed
                and isinstance(data.get("subjects"), dict)):
            return None
        return data["subjects"]

    def titles(self, names):
        """A kg.viz.Titles with the last drawing's tooltips, if this code drew them."""
        from kg.viz import Titles

        data = _unpickle(self.out / CACHE_DIR / TITLES)
        ok = isinstance(data, dict) and data.get("format") == FORMAT and data.get("seed") == self.seed
        return Titles(names, self.seed, data["titles"] if ok and isinstance(data.get("titles"), dict) else None)

    def save_titles(self, titles) -> None:
        """Keep this drawing's tooltips for the next build (a warning where they cannot be)."""
        from kg.rdf.serialize import atomic_write

        try:
            (self.out / CACHE_DIR).mkdir(parents=True, exist_ok=True)
            atomic_write(self.out / CACHE_DIR / TITLES, pickle.dumps(
                {"format": FORMAT, "seed": self.seed, "titles": titles.made}, protocol=pickle.HIGHEST_PROTOCOL),
                durable=False)
        except OSError as exc:
            log.warning("could not keep the drawing's tooltips for the next build (%s): it will make them again", exc)

    def save(self, graph, statements: dict[str, int]) -> None:
        """Record where the graph.trig just written holds each article's graph (`statements`:
        per document id, the statements its graph holds), and the default graph's blocks. Not
        durable: a record lost or stale costs making them again, and one that cannot be written
        (a full disk) a warning, not the build, whose outputs are in place by now."""
        try:
            self._save(graph, statements)
        except OSError as exc:
            log.warning("could not keep what the next build reuses of this graph (%s): it will make it again", exc)

    def _save(self, graph, statements: dict[str, int]) -> None:
        from kg.rdf.serialize import atomic_write, preamble

        (self.out / CACHE_DIR).mkdir(parents=True, exist_ok=True)
        atomic_write(self.out / CACHE_DIR / DEFAULT, pickle.dumps(
            {"format": FORMAT, "seed": self.seed, "subjects": graph.default.subjects},
            protocol=pickle.HIGHEST_PROTOCOL), durable=False)

        doc_of = {f"{self.base}graph/{doc_slug(doc)}": doc for doc in self.signatures}
        pages = {}
        at = len(preamble(graph, self.base))
        for article in graph.articles:
            at += len(article.name.encode("utf-8")) + 3  # "name {\n"
            doc = doc_of.get(article.iri)
            if doc is not None and self.sources.get(doc) is not None:
                pages[doc] = [self.signatures[doc], at, len(article.body), article.view_size, article.triples,
                              statements.get(doc, 0), article.crc, article.iri, article.name, article.digest]
            at += article.size + 2  # "}\n"
        data = {"format": FORMAT, "size": at, "pages": pages}
        atomic_write(self.out / CACHE_DIR / PAGES, json.dumps(data, separators=(",", ":"), sort_keys=True),
                     durable=False)


def _signatures(docs: list[str], index: EntityIndex, events: list[Event],
                sources: dict[str, str | None], seed: str) -> dict[str, str]:
    """Per document id, a hash of what its graph is made of (see the module's docstring); none
    for a document whose file has no content key."""
    evidence: dict[str, list[tuple]] = defaultdict(list)
    for e in events:
        for ev in e.evidence:
            evidence[ev.doc_id].append((ev.start, ev.end, ev.rule, ev.extractor, e.id))
    out = {}
    for doc in docs:
        source = sources.get(doc)
        if source is None:
            continue
        ids = [index.ids.get(key) for key in sorted(index.doc_keys[doc])]
        signed = repr((seed, doc, source, ids, sorted(evidence.get(doc, ()))))
        out[doc] = hashlib.blake2b(signed.encode("utf-8"), digest_size=16).hexdigest()
    return out


def _unpickle(path: Path):
    """What a record of ours holds; None where it is missing or damaged."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError,
            IndexError, MemoryError):
        return None


def _load(path: Path, graph_file: Path) -> dict[str, list]:
    """The last build's record, if it describes the graph file there now (by its size); else nothing."""
    try:
        data = json.loads(path.read_bytes())
        size = os.stat(graph_file).st_size
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("size") != size:
        return {}
    pages = data.get("pages")
    if not isinstance(pages, dict):
        return {}
    return {doc: entry for doc, entry in pages.items() if _well_formed(entry, size)}


def _well_formed(entry, size: int) -> bool:
    return (isinstance(entry, list) and len(entry) == 10 and isinstance(entry[0], str)
            and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in entry[1:7])
            and entry[1] + entry[2] <= size and entry[3] <= entry[2]
            and all(isinstance(x, str) for x in entry[7:]))
