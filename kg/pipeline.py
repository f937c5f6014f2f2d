"""The build: per-article work (pure), then cross-article merging, then RDF."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg import record
from kg.article import Extracted, check_requirements
from kg.config import Settings
from kg.errors import SkippedInput
from kg.ingest import collect

log = logging.getLogger("kg")


@dataclass
class BuildResult:
    """What a build produced: the graph, the files written, counts and warnings."""

    graph: object = None  # kg.rdf.assemble.Assembled
    base: str = ""
    triples: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    articles: int = 0
    entities: int = 0
    events: int = 0
    statements: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cached: int = 0  # input files whose per-article results came from out/.cache
    kept: int = 0  # articles whose graphs were taken as the last build wrote them (kg.reuse)
    unchanged: bool = False  # nothing changed since the last build: its outputs were kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, in the order run
    _quads: list | None = field(default=None, repr=False)

    @property
    def quads(self) -> list:
        """Every quad of the build as pyoxigraph quads, in canonical order (parsed from the TriG
        written, or from the same text made in memory: the graph is never held as quads otherwise)."""
        if self._quads is None:
            import io

            import pyoxigraph as ox

            from kg.rdf.serialize import ox_quads, write_trig

            if "trig" in self.files and self.files["trig"].exists():
                parsed = ox.parse(path=str(self.files["trig"]), format=ox.RdfFormat.TRIG)
            else:
                buffer = io.BytesIO()
                write_trig(buffer, self.graph, self.base)
                parsed = ox.parse(buffer.getvalue(), format=ox.RdfFormat.TRIG)
            self._quads = ox_quads(parsed)
        return self._quads

    def dataset(self):
        """The build as an rdflib Dataset (named graph per article)."""
        from rdflib import Dataset, URIRef
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from kg.rdf.serialize import from_ox

        ds = Dataset(default_union=True)
        for q in self.quads:
            g = DATASET_DEFAULT_GRAPH_ID if q.graph_name.__class__.__name__ == "DefaultGraph" else URIRef(q.graph_name.value)
            ds.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g))
        return ds

    def timing_lines(self) -> list[str]:
        """'read 1.20 s' ... per stage, for `kg build --timings`."""
        return [f"{stage:<10} {seconds:6.2f} s" for stage, seconds in self.timings.items()]

    def summary(self) -> str:
        if self.unchanged:
            return (f"nothing changed since the last build ({self.articles} articles, {self.triples} quads): "
                    f"its outputs stand ({self.seconds:.2f} s)")
        reused = [f"{self.cached} file(s) from the cache"] if self.cached else []
        reused += [f"{self.kept} article graph(s) kept"] if self.kept else []
        return (f"{self.articles} articles, {self.entities} entities, {self.events} events, "
                f"{self.statements} statements, {self.triples} quads in {self.seconds:.2f} s"
                + (f" ({', '.join(reused)})" if reused else "")
                + (f"; {len(self.skipped)} input(s) skipped" if self.skipped else ""))


def build(
    paths: list[Path],
    out: Path | None = None,
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Build the graph of the articles under `paths`; with `out`, write out/graph.{ttl,trig,html} and out/store.

    jobs: worker processes for the per-article stage (0: one per core); executor "dask" runs it
    on the Dask cluster at `scheduler`. With `out`, per-article results are cached in out/.cache.
    """
    from kg.execute import Cache, run_files
    from kg.rdf.assemble import assemble
    from kg.resolve.merge import merge
    from kg.reuse import Reuse

    settings = settings or Settings()
    check_requirements()
    t0 = time.perf_counter()
    result = BuildResult()
    lap = _Stopwatch(result.timings)
    _root, files, warnings = collect([Path(p) for p in paths])
    result.warnings.extend(warnings)
    cache = Cache(Path(out)) if out is not None and use_cache else None
    keys = [cache.key(i, p) for i, p in files] if cache else None
    if cache:
        cache.digests.save()
    inputs = record.inputs_digest([(i, k) for (i, _), k in zip(files, keys)]) if keys is not None else None
    if out is not None and (last := record.unchanged(Path(out), inputs, settings)) is not None:
        return _kept(result, last, Path(out), t0)
    # the results and what is made of them live until the build ends (see _collector_paused)
    with _collector_paused():
        results: list[Extracted] = []
        sources: dict[str, str | None] = {}  # document id -> the content key of its file
        for key, outcome in zip(keys or [None] * len(files),
                                run_files(files, jobs, executor, scheduler, cache, progress, keys), strict=True):
            results.extend(outcome.results)
            sources.update((r.id, key) for r in outcome.results)
            result.skipped.extend(outcome.skipped)
            result.warnings.extend(outcome.warnings)
        if cache:
            result.cached = cache.hits
            cache.repack()
            cache.prune(Path(out))
        if not results:
            raise SkippedInput("no article could be read: " + "; ".join(result.skipped[:5]))
        results.sort(key=lambda r: r.id)
        lap("read")
        reuse = Reuse(Path(out), sources, settings) if cache else None
        merged = merge(results, reuse)
        lap("merge")
        result.graph = assemble([r.input for r in results], merged.made, merged.index, merged.events,
                                merged.statements, merged.positions, settings.base_iri, merged.kept.graphs,
                                reuse.last_default() if reuse else None)
        result.kept = len(merged.kept.graphs)
        result.base = settings.base_iri
        result.triples = result.graph.triples
        result.articles = len(results)
        result.entities = len(merged.index.entities)
        result.events = len(merged.events)
        statements = dict(merged.kept.statements)  # per article, for the next build's reuse
        for s in merged.statements:
            statements[s.doc_id] = statements.get(s.doc_id, 0) + 1
        result.statements = sum(statements.values())
        del results, merged  # the graph holds what is written from here on; the rest is memory the store needs
        lap("assemble")
        if out is not None:
            (Path(out) / record.RECORD).unlink(missing_ok=True)  # it describes the outputs about to be replaced
            result.files = _write_outputs(result, Path(out), settings, lap, reuse)
            if reuse:
                reuse.save(result.graph, statements)
            if inputs is not None and not result.skipped:  # a skipped input is tried again next time
                record.write_record(Path(out), inputs, settings, result)
    result.seconds = time.perf_counter() - t0
    return result


def _kept(result: BuildResult, last: dict, out: Path, t0: float) -> BuildResult:
    """The result of a build that kept the last build's outputs."""
    for name, value in last["counts"].items():
        setattr(result, name, value)
    result.warnings = list(last["warnings"])
    result.files = {kind: out / name for kind, (name, _state) in last["files"].items() if kind != "names"}
    result.unchanged = True
    result.seconds = time.perf_counter() - t0
    return result


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off while a build makes millions of small objects that
    live until it ends: each full collection walks them all (a tenth of a large build's time),
    and they form almost no cycles (a 1,000-article build leaves 20 objects to the collector).
    Reference counting frees everything else as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Stopwatch:
    """Records the seconds since the previous call under each stage's name."""

    def __init__(self, into: dict[str, float]):
        self.into, self.last = into, time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now


def _write_outputs(result: BuildResult, out: Path, settings: Settings, lap: _Stopwatch, reuse=None) -> dict[str, Path]:
    """Everything a build writes, staged beside out/ and renamed into place at the end, so that
    an interrupted build leaves the previous files whole (each file is old or new, never half)."""
    import os
    import shutil
    import tempfile
    from concurrent.futures import ThreadPoolExecutor

    from kg.lookup import NameIndex
    from kg.store import Graph, commit_store, plan_store, prepare_store
    from kg.views import VIEWS_DIR, last_build, maintained, materialize, write_views

    out.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    staged = {"trig": stage / "graph.trig", "ttl": stage / "graph.ttl"}
    graph, base = result.graph, settings.base_iri
    # two stores load in threads (pyoxigraph lets go of the GIL while it loads): the store on
    # disk, a thousand articles at a time (memory), and the views' in-memory store; a third
    # thread writes the graph files (mostly waiting for the disk); this one makes the views and
    # the drawing meanwhile
    pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="kg-load")
    store_job = None
    titles = None  # the drawing's edge tooltips, kept for the next build (kg.viz.Titles)
    committed = False
    try:
        _ = graph.default.text  # its blocks joined once, here, before the threads need it
        plan = plan_store(out, graph, base)  # the manifest, and what changed since the store in out/
        store_job = pool.submit(prepare_store, out, graph=graph, base=base, plan=plan)  # the long pole
        names = NameIndex.from_entities(graph.default.names())
        last = last_build(plan)  # the last build's store and views, where few things changed
        view_job = None if last else pool.submit(_view_store, graph, base, names, out)
        files_job = pool.submit(_write_graph_files, staged, graph, base)
        lap("write")
        # the network views: the last build's rows brought up to date, or run once; kept with the store
        rows = maintained(last, store_job.result(), names, out) if last else None
        if rows is None:
            rows = materialize((view_job or pool.submit(_view_store, graph, base, names, out)).result())
        del view_job
        support = write_views(stage / VIEWS_DIR, rows)  # moved into the store once it is loaded
        # the drawing reads these rows only, as kg viz reads their files
        views = Graph.of_rows(names, out, rows, support, views_dir=stage / VIEWS_DIR)
        lap("views")
        if settings.html:
            from kg.viz import render

            titles = reuse.titles(names) if reuse else None
            drawn = render(views, stage / "graph.html", titles=titles)
            staged["html"] = drawn.path
            if drawn.note:
                result.warnings.append(f"graph.html: {drawn.note}")
            lap("html")
        files_job.result()
        lap("files")  # what is left of writing them
        fresh = store_job.result()
        lap("store")  # what is left of loading it once everything else is written
        os.replace(stage / VIEWS_DIR, fresh / VIEWS_DIR)
        # everything is ready: swap it all in, in a few renames
        files = {"store": commit_store(fresh, out, names)}
        committed = True
        for kind, path in sorted(staged.items()):
            os.replace(path, out / path.name)
            files[kind] = out / path.name
        for older in ("graph.nq", "view.trig"):  # written by earlier versions (`kg export` makes graph.nq)
            (out / older).unlink(missing_ok=True)
        if titles is not None:
            reuse.save_titles(titles)
        lap("commit")
        return files
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a load under way ends before its files go
        shutil.rmtree(stage, ignore_errors=True)
        if not committed and store_job is not None and not store_job.cancelled() and store_job.exception() is None:
            shutil.rmtree(store_job.result(), ignore_errors=True)  # a failed build leaves no half-made store


def _write_graph_files(staged: dict[str, Path], graph, base: str) -> None:
    from kg.rdf.serialize import atomic_file, write_trig, write_turtle

    with atomic_file(staged["trig"], binary=True) as f:
        write_trig(f, graph, base)
    with atomic_file(staged["ttl"], binary=True) as f:
        write_turtle(f, graph, base)


def _view_store(graph, base: str, names, out: Path):
    """In memory, what the network views read of `graph` (see kg.store.open_view)."""
    import io

    from kg.rdf.serialize import write_trig
    from kg.store import open_view

    data = io.BytesIO()
    write_trig(data, graph, base, part="view")
    return open_view(data.getvalue(), names, out)
