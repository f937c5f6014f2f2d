"""The kg command line: thin commands over the public API. Heavy imports stay inside commands."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError

app = typer.Typer(
    help="Build a knowledge graph of news articles and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
)


GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="The out/ folder of a build, or a graph file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


def _fail(exc: KgError) -> None:
    typer.echo(f"kg: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _run(fn, *args, **kwargs):
    """Call the API: its errors become one line and an exit code, a bug of ours never a traceback."""
    _warnings_to_stderr()
    try:
        return fn(*args, **kwargs)
    except KgError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:
        typer.echo(f"kg: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        raise typer.Exit(1) from None


def _warnings_to_stderr() -> None:
    """What the library logs as a warning, on stderr as one line ("kg: warning: …")."""
    import logging

    log = logging.getLogger("kg")
    if not any(getattr(h, "kg_cli", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("kg: warning: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler.kg_cli = True
        log.addHandler(handler)


def _interrupt_on_signals() -> None:
    """SIGTERM and SIGINT stop a build the same way: temporary files removed, out/ left whole.
    (SIGINT explicitly too: a process started in the background inherits it ignored.)"""
    import signal

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def _json(data) -> None:
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    base_iri: Annotated[str, typer.Option(help="Base IRI of resources.")] = "https://w3id.org/kg/id/",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).")] = 0,
    executor: Annotated[str, typer.Option(help="Where per-article work runs: local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, with --executor dask.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore and do not update out/.cache.")] = False,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write out/graph.html.")] = True,
    timings: Annotated[bool, typer.Option("--timings", help="Print the seconds each stage took.")] = False,
) -> None:
    """Build out/graph.{trig,ttl,html} and the store out/store from articles (default: seeds/)."""
    from kg.config import Settings
    from kg.pipeline import build as run_build

    paths = paths or [Path("seeds")]
    _interrupt_on_signals()
    progress = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = None

        def progress(n: int, total: int) -> None:
            nonlocal task
            if total < 50:
                return
            if task is None:
                bar.start()
                task = bar.add_task("reading articles", total=total)
            bar.update(task, completed=n)
            if n == total:
                bar.stop()

    # the process ends with the build, whose objects live until then: the cyclic collector, back
    # on, would walk them all once or twice more and again at exit (0.6 s at 10,000 articles);
    # frozen, they are left to reference counting, which frees what is dropped (see
    # kg.pipeline._collector_paused: they form next to no cycles)
    gc.disable()
    try:
        result = _run(run_build, paths, out, Settings(base_iri=base_iri, html=html), progress=progress,
                      jobs=jobs, executor=executor, scheduler=scheduler, use_cache=not no_cache)
    finally:
        gc.freeze()
        gc.enable()
    for line in result.skipped + result.warnings:
        typer.echo(f"kg: warning: {line}", err=True)
    typer.echo(result.summary())
    for kind, path in sorted(result.files.items()):
        typer.echo(f"  {kind}: {path}")
    if timings:
        for line in result.timing_lines():
            typer.echo(f"  {line}")
    if result.skipped:
        raise typer.Exit(3)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="A built graph (.trig, .ttl or .nq).")] = Path("out/graph.trig"),
) -> None:
    """Check a built graph against ontology/shapes.ttl (SHACL); exit 1 with the violations if it fails."""
    from kg.validate import validate_file

    conforms, problems = _run(validate_file, file)
    if conforms:
        typer.echo(f"{file}: conforms to the kg shapes")
        return
    for p in problems[:20]:
        typer.echo(p)
    if len(problems) > 20:
        typer.echo(f"... and {len(problems) - 20} more")
    typer.echo(f"{file}: {len(problems)} violation(s)", err=True)
    raise typer.Exit(1)


@app.command()
def entities(
    graph: GraphOption = Path("out"),
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Only this class (Person, Country, ...).")] = None,
) -> None:
    """List the entities with their type, mention count and aliases."""
    from kg.inspect import list_entities

    for _iri, typ, label, count, aliases in _run(list_entities, graph, type_):
        alias_text = f"  ({', '.join(aliases)})" if aliases else ""
        typer.echo(f"{count:5d}  {typ:<16} {label}{alias_text}")


@app.command()
def path(
    a: Annotated[str, typer.Argument(help="An entity as you would type it: Lavrov, Choe_Son_Hui, Korut.")],
    b: Annotated[str, typer.Argument(help="Another entity.")],
    max_hops: Annotated[int, typer.Option("--max-hops", help="Longest path to look for.")] = 4,
    all_: Annotated[bool, typer.Option("--all", help="Every shortest path, not only the first.")] = False,
    via: Annotated[str | None, typer.Option("--via", help="Pass only through entities of this class.")] = None,
    graph: GraphOption = Path("out"),
    as_json: JsonOption = False,
) -> None:
    """How two entities are connected: each hop with its date, place and sources."""
    from kg.paths import format_path
    from kg.paths import path as find_path
    from kg.store import open_graph

    g = _run(open_graph, graph)
    result = _run(find_path, g, a, b, max_hops=max_hops, all_paths=all_, via=via)
    if as_json:
        _json(result.to_dict())
    elif result.paths:
        typer.echo(format_path(result, g))
    if not result.paths:
        typer.echo(f"kg: no path between {g.label(result.start)} and {g.label(result.end)} "
                   f"within {max_hops} hop(s)", err=True)
        raise typer.Exit(1)


@app.command()
def central(
    metric: Annotated[str, typer.Option("--metric", "-m", help="degree, pagerank, betweenness or eigenvector.")] = "degree",
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Only this class (Person, Country, ...).")] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="How many to list.")] = 20,
    graph: GraphOption = Path("out"),
    as_json: JsonOption = False,
) -> None:
    """The most central entities of the network of meetings, visits, supplies and statements."""
    from kg.analytics import centrality

    rows = _run(centrality, graph, metric, type_, top)
    if as_json:
        _json([{"iri": i, "label": label, "type": t, metric: score} for i, label, t, score in rows])
        return
    for rank, (_iri, label, typ, score) in enumerate(rows, 1):
        typer.echo(f"{rank:3d}. {score:8.4f}  {typ:<16} {label}")


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="An entity as you would type it.")],
    graph: GraphOption = Path("out"),
    as_json: JsonOption = False,
) -> None:
    """Everything about one entity: labels, offices, events by date, statements by and about it."""
    from kg.show import format_entity
    from kg.show import show as show_entity

    view = _run(show_entity, graph, name)
    if as_json:
        _json(view.to_dict())
    else:
        typer.echo(format_entity(view))


@app.command()
def statements(
    by: Annotated[str | None, typer.Option("--by", help="Only statements by this source.")] = None,
    about: Annotated[str | None, typer.Option("--about", help="Only statements that name this entity.")] = None,
    graph: GraphOption = Path("out"),
    as_json: JsonOption = False,
) -> None:
    """Who said what, according to whom: each statement with its chain of sources."""
    from dataclasses import asdict

    from kg.show import format_statement
    from kg.show import statements as find_statements

    found = _run(find_statements, graph, by=by, about=about)
    if as_json:
        _json([asdict(s) | {"chain": s.chain()} for s in found])
        return
    for s in found:
        typer.echo(format_statement(s))
    typer.echo(f"({len(found)} statement{'s' if len(found) != 1 else ''})", err=True)


@app.command()
def query(
    text: Annotated[str | None, typer.Argument(help="A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from this file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv, json or xml.")] = "table",
    graph: GraphOption = Path("out"),
) -> None:
    """Run SPARQL over the built graph (all graphs as the default graph; GRAPH ?g for each article)."""
    from kg.query import query as run_query
    from kg.query import read_query

    sparql = _run(read_query, text, file)
    typer.echo(_run(run_query, graph, sparql, fmt))


@app.command()
def viz(
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Only entities of this class.")] = None,
    min_degree: Annotated[int, typer.Option("--min-degree", help="Only entities with this many links or more.")] = 0,
    focus: Annotated[str | None, typer.Option("--focus", help="Only the neighbourhood of this entity.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="How far from --focus.")] = 2,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("out/graph.html"),
    graph: GraphOption = Path("out"),
) -> None:
    """Render an interactive, offline HTML view of the graph or of a part of it."""
    from kg.viz import render

    view = _run(render, graph, out, type_=type_, min_degree=min_degree, focus=focus, hops=hops)
    if view.note:
        typer.echo(f"kg: {view.note}", err=True)
    typer.echo(f"{view.path}: {view.nodes} entities, {view.edges} edges, {view.size // 1024} KB")


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", "-p", help="Port on 127.0.0.1.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 10.0,
    limit: Annotated[int, typer.Option(help="Most rows (or triples) in one answer.")] = 10_000,
    graph: GraphOption = Path("out"),
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint on 127.0.0.1 (Ctrl-C stops it)."""
    from kg.serve import make_server

    server = _run(make_server, graph, "127.0.0.1", port, timeout, limit)
    typer.echo(f"SPARQL endpoint: http://127.0.0.1:{server.server_port}/sparql (read-only; Ctrl-C stops it)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="The store's SPARQL Update URL.")],
    target: Annotated[str | None, typer.Option("--graph-iri", "--into", help="Load everything into this one graph.")] = None,
    user: Annotated[str | None, typer.Option(help="User name, if the store asks for one.")] = None,
    password: Annotated[str | None, typer.Option(help="Password (or set KG_PUSH_PASSWORD).", envvar="KG_PUSH_PASSWORD")] = None,
    graph: GraphOption = Path("out"),
) -> None:
    """Load the built graph into a SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB…) by SPARQL Update."""
    from kg.push import push as run_push

    done = _run(run_push, graph, endpoint, target, user, password)
    typer.echo(f"{done.triples} triples in {done.graphs} named graph(s) sent to {endpoint} in {done.requests} request(s)")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="ttl, nt, nq, trig, jsonld, graphml, gexf or csv.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of to stdout.")] = None,
    graph: GraphOption = Path("out"),
) -> None:
    """Write the graph for other tools: RDF, GraphML/GEXF for Gephi, CSV edges for spreadsheets."""
    from kg.export import export as run_export

    data = _run(run_export, graph, fmt)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from kg.rdf.serialize import atomic_write

    _run(atomic_write, out, data)
    typer.echo(f"{fmt}: {out} ({len(data)} bytes)", err=True)
