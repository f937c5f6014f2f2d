"""The kg command line: thin commands over the public API. Heavy imports stay inside commands."""

from __future__ import annotations

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


def _fail(exc: KgError) -> None:
    typer.echo(f"kg: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    base_iri: Annotated[str, typer.Option(help="Base IRI of resources.")] = "https://w3id.org/kg/id/",
) -> None:
    """Build out/graph.ttl, out/graph.trig and out/graph.nq from articles (default: seeds/)."""
    from kg.config import Settings
    from kg.pipeline import build as run_build

    paths = paths or [Path("seeds")]
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

    try:
        result = run_build(paths, out, Settings(base_iri=base_iri), progress=progress)
    except KgError as exc:
        _fail(exc)
    except Exception as exc:  # a bug of ours: one line, not a traceback, and nothing half-written
        typer.echo(f"kg: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
        raise typer.Exit(1) from None
    for line in result.skipped + result.warnings:
        typer.echo(f"kg: warning: {line}", err=True)
    typer.echo(result.summary())
    for kind, path in sorted(result.files.items()):
        typer.echo(f"  {kind}: {path}")
    if result.skipped:
        raise typer.Exit(3)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="A built graph (.trig, .ttl or .nq).")] = Path("out/graph.trig"),
) -> None:
    """Check a built graph against ontology/shapes.ttl (SHACL); exit 1 with the violations if it fails."""
    from kg.validate import validate_file

    try:
        conforms, problems = validate_file(file)
    except KgError as exc:
        _fail(exc)
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
    file: Annotated[Path, typer.Option("--graph", "-g", help="A built graph.")] = Path("out/graph.trig"),
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Only this class (Person, Country, ...).")] = None,
) -> None:
    """List the entities with their type, mention count and aliases."""
    from kg.inspect import list_entities

    try:
        rows = list_entities(file, type_)
    except KgError as exc:
        _fail(exc)
    for _iri, typ, label, count, aliases in rows:
        alias_text = f"  ({', '.join(aliases)})" if aliases else ""
        typer.echo(f"{count:5d}  {typ:<16} {label}{alias_text}")
