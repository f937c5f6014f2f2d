"""A build with nothing changed keeps the last build's outputs; any change builds again."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from kg import record
from kg.cli import app
from kg.config import Settings
from kg.pipeline import build
from tests.conftest import SEEDS


@pytest.fixture()
def built(tmp_path):
    """A copy of the seeds and a first build of it."""
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    first = build([src], out)
    assert not first.unchanged and (out / record.RECORD).exists()
    return src, out, first


def _stamps(out):
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}


def test_a_build_with_nothing_changed_keeps_the_outputs(built):
    src, out, first = built
    before = _stamps(out)
    again = build([src], out)
    assert again.unchanged and "nothing changed" in again.summary()
    assert _stamps(out) == before  # not one file written again
    assert (again.articles, again.entities, again.events, again.triples) == (
        first.articles, first.entities, first.events, first.triples)
    assert again.files == first.files and again.warnings == first.warnings
    assert set(again.quads) == set(first.quads)  # read back from the kept graph.trig


@pytest.mark.parametrize("change", ["edit an input", "add an input", "remove an output", "other settings",
                                    "other code", "touch an output", "remove the store's folder"])
def test_any_change_builds_again(built, change, monkeypatch):
    src, out, _first = built
    settings = None
    if change == "edit an input":
        f = sorted(src.iterdir())[0]
        f.write_text(f.read_text(encoding="utf-8") + "\n\nLavrov bertemu Choe Son Hui di Moskwa.", encoding="utf-8")
    elif change == "add an input":
        (src / "new.txt").write_text("MOSKWA - Lavrov bertemu Choe Son Hui di Moskwa pada Senin.", encoding="utf-8")
    elif change == "remove an output":
        (out / "graph.html").unlink()
    elif change == "other settings":
        settings = Settings(base_iri="https://example.org/kg/")
    elif change == "other code":
        monkeypatch.setattr(record, "code_digest", lambda: "another version of kg")
    elif change == "touch an output":
        (out / "graph.ttl").write_text("# edited by hand\n", encoding="utf-8")
    elif change == "remove the store's folder":
        shutil.rmtree((out / "store").resolve())
    again = build([src], out, settings=settings)
    assert not again.unchanged
    assert (out / "graph.html").exists() and (out / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    assert (out / "store").resolve().is_dir()
    assert build([src], out, settings=settings).unchanged  # and the build after that has nothing to do


def test_a_build_with_a_skipped_input_leaves_no_record(built):
    src, out, _first = built
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    assert build([src], out).skipped
    assert not (out / record.RECORD).exists()
    assert build([src], out).skipped  # tried again


def test_without_the_cache_every_build_runs(built):
    src, out, _first = built
    assert not build([src], out, use_cache=False).unchanged


def test_cli_says_nothing_changed(built):
    src, out, _first = built
    r = CliRunner().invoke(app, ["build", str(src), "--out", str(out)])
    assert r.exit_code == 0 and "nothing changed since the last build" in r.output and "trig:" in r.output
