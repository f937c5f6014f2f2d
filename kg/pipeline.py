"""The build: per-article work (pure), then cross-article merging, then RDF."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.config import Settings
from kg.errors import BuildError, SkippedInput
from kg.extractors import EXTRACTORS
from kg.ingest import clean_article, collect
from kg.ingest.readers import RawArticle
from kg.mentions import annotate
from kg.model import AnnotatedDoc, Assertion

log = logging.getLogger("kg")
STAGES = frozenset({"sentences", "mentions"})  # what annotate() provides


@dataclass(frozen=True)
class ArticleResult:
    ann: AnnotatedDoc
    assertions: tuple[Assertion, ...]
    warnings: tuple[str, ...] = ()


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
                buffer = io.StringIO()
                write_trig(buffer, self.graph, self.base)
                parsed = ox.parse(buffer.getvalue().encode("utf-8"), format=ox.RdfFormat.TRIG)
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

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.entities} entities, {self.events} events, "
                f"{self.statements} statements, {self.triples} quads in {self.seconds:.2f} s"
                + (f" ({self.cached} file(s) from the cache)" if self.cached else "")
                + (f"; {len(self.skipped)} input(s) skipped" if self.skipped else ""))


def check_requirements() -> None:
    """Fail early when an extractor needs a stage the pipeline does not run."""
    for ex in EXTRACTORS:
        missing = set(ex.requires) - STAGES
        if missing:
            raise BuildError(f"extractor {ex.name} requires {', '.join(sorted(missing))}, which no stage provides")


def process_article(raw: RawArticle) -> ArticleResult:
    """Everything that depends on one article only. Raises SkippedInput for an article with no text."""
    doc = clean_article(raw)
    if not doc.text.strip():
        raise SkippedInput(f"{raw.id}: skipped, nothing is left once page furniture is removed")
    ann = annotate(doc)
    assertions: list[Assertion] = []
    for ex in EXTRACTORS:
        assertions.extend(ex(ann))
    return ArticleResult(ann, tuple(assertions), raw.warnings)


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
    """Build the graph of the articles under `paths`; with `out`, write out/graph.{ttl,trig,nq,html} and out/store.

    jobs: worker processes for the per-article stage (0: one per core); executor "dask" runs it
    on the Dask cluster at `scheduler`. With `out`, per-article results are cached in out/.cache.
    """
    from kg.execute import Cache, run_files
    from kg.rdf.assemble import assemble
    from kg.resolve.merge import merge

    settings = settings or Settings()
    check_requirements()
    t0 = time.perf_counter()
    result = BuildResult()
    _root, files, warnings = collect([Path(p) for p in paths])
    result.warnings.extend(warnings)
    cache = Cache(Path(out)) if out is not None and use_cache else None
    results: list[ArticleResult] = []
    for outcome in run_files(files, jobs, executor, scheduler, cache, progress):
        results.extend(outcome.results)
        result.skipped.extend(outcome.skipped)
        result.warnings.extend(outcome.warnings)
    if cache:
        result.cached = cache.hits
        cache.prune(Path(out))
    if not results:
        raise SkippedInput("no article could be read: " + "; ".join(result.skipped[:5]))
    results.sort(key=lambda r: r.ann.doc.id)
    merged = merge([r.ann for r in results], [a for r in results for a in r.assertions])
    result.graph = assemble([r.ann.doc for r in results], merged.index, merged.events, merged.statements,
                            merged.positions, settings.base_iri)
    result.base = settings.base_iri
    result.triples = result.graph.triples
    result.articles = len(results)
    result.entities = len(merged.index.entities)
    result.events = len(merged.events)
    result.statements = len(merged.statements)
    del results, merged  # the graph holds what is written from here on; the rest is memory the store needs
    if out is not None:
        result.files = _write_outputs(result, Path(out), settings)
    result.seconds = time.perf_counter() - t0
    return result


def _write_outputs(result: BuildResult, out: Path, settings: Settings) -> dict[str, Path]:
    """Everything a build writes, staged beside out/ and renamed into place at the end, so that
    an interrupted build leaves the previous files whole (each file is old or new, never half)."""
    import os
    import shutil
    import tempfile
    import threading

    from kg.lookup import NameIndex
    from kg.rdf.serialize import atomic_text, default_text, write_trig, write_turtle
    from kg.store import VIEW_FILE, commit_store, entity_names, open_view, prepare_store

    out.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    staged = {"trig": stage / "graph.trig", "ttl": stage / "graph.ttl"}
    graph = result.graph
    prepared: list[Path] = []
    failed: list[BaseException] = []

    def load_store() -> None:
        try:
            prepared.append(prepare_store(out, graph=graph, base=settings.base_iri))
        except BaseException as exc:  # re-raised in the building thread
            failed.append(exc)

    # the store loads in a thread of its own (pyoxigraph lets go of the GIL while it loads),
    # a thousand articles at a time (memory), while this thread writes the files and the view
    loader = threading.Thread(target=load_store, name="kg-store")
    committed = False
    try:
        default_text(graph, settings.base_iri)  # serialised once, here, before two threads need it
        loader.start()
        with atomic_text(staged["trig"]) as f:
            write_trig(f, graph, settings.base_iri)
        with atomic_text(staged["ttl"]) as f:
            write_turtle(f, graph, settings.base_iri)
        names = NameIndex.from_entities(entity_names(graph.default))
        staged["view"] = stage / VIEW_FILE
        with atomic_text(staged["view"]) as f:  # what kg viz loads instead of the whole graph
            write_trig(f, graph, settings.base_iri, part="view")
        if settings.html:
            from kg.viz import render

            view = render(open_view(staged["view"], names, out), stage / "graph.html")
            staged["html"] = view.path
            if view.note:
                result.warnings.append(f"graph.html: {view.note}")
        if loader.is_alive():
            loader.join()
        if failed:
            raise failed[0]
        # everything is ready: swap it all in, in a few renames
        files = {"store": commit_store(prepared[0], out, names)}
        committed = True
        for kind, path in sorted(staged.items()):
            os.replace(path, out / path.name)
            files[kind] = out / path.name
        (out / "graph.nq").unlink(missing_ok=True)  # written by earlier versions; `kg export` makes it
        return files
    finally:
        if loader.is_alive():
            loader.join()
        shutil.rmtree(stage, ignore_errors=True)
        if not committed:
            for fresh in prepared:  # an interrupted or failed build leaves no half-made store
                shutil.rmtree(fresh, ignore_errors=True)
