"""The store kg build writes for the query commands: contents, atomic swap, light start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.store import MATERIALIZED, NAMES_FILE, STORE_DIR, VIEWS_DIR, Graph, open_graph, write_store
from tests.conftest import ROOT


def test_build_writes_a_store_with_every_quad(seed_out, seed_build):
    store = ox.Store.read_only(str((seed_out / STORE_DIR).resolve()))
    assert set(store.quads_for_pattern(None, None, None)) == set(seed_build.quads)
    names = json.loads((seed_out / NAMES_FILE).read_text(encoding="utf-8"))
    assert names["entities"]["https://w3id.org/kg/id/Sergei_Lavrov"] == ["Sergei Lavrov", "Person"]


def test_materialized_views_are_the_rows_the_views_give_on_the_store(seed_graph):
    run_again = Graph(seed_graph.store, seed_graph.names, seed_graph.source)  # no rows: SPARQL on the store
    for name in MATERIALIZED:
        kept, fresh = seed_graph.select(name), run_again.select(name)
        assert name in seed_graph.rows  # read from the file at the first whole view asked
        assert kept and sorted(map(repr, kept)) == sorted(map(repr, fresh)), name
    # bound views are never answered from the rows
    lavrov = "https://w3id.org/kg/id/Sergei_Lavrov"
    assert seed_graph.select("edges", source=lavrov) == run_again.select("edges", source=lavrov)


def _canonical(by_edge: dict) -> dict:
    return {key: sorted(map(repr, rows)) for key, rows in by_edge.items()}


def test_the_support_table_kept_is_the_one_made_from_the_rows(seed_graph):
    made_again = Graph(seed_graph.store, seed_graph.names, seed_graph.source)  # no files: from the view's rows
    kept, made = seed_graph.support(), made_again.support()
    assert kept and kept.keys() == made.keys()
    for key, info in kept.items():
        assert sorted(info["dates"]) == sorted(made[key]["dates"]), key
        assert [info[k] for k in ("articles", "outlets", "hedged", "denied")] == \
            [made[key][k] for k in ("articles", "outlets", "hedged", "denied")], key
    keys = sorted(kept, key=repr)
    behind = seed_graph.edge_rows(keys)  # read at their lines of edge_sources.jsonl
    assert all(behind[k] for k in keys)
    assert _canonical(behind) == _canonical(made_again.edge_rows(keys))
    # together, the rows behind the edges are the view's rows, each once
    assert sorted(repr(r) for rows in behind.values() for r in rows) == sorted(map(repr, seed_graph.select("edge_sources")))


@pytest.mark.parametrize("damaged", ["edge_sources.jsonl", "edge_support.json"])
def test_damaged_edge_files_are_an_input_error(tmp_path, seed_out, damaged):
    import shutil

    from kg.views import VIEW_FILES

    views = tmp_path / "views"
    views.mkdir()
    for name in VIEW_FILES:
        shutil.copy(seed_out / STORE_DIR / VIEWS_DIR / name, views / name)
    (views / damaged).write_bytes((views / damaged).read_bytes()[:-40] + b"{]")
    g = Graph(open_graph(seed_out).store, open_graph(seed_out).names, tmp_path, views_dir=views)
    with pytest.raises(InputError, match="run `kg build` again"):
        g.edge_rows(sorted(g.support(), key=repr))


def test_a_store_without_materialized_views_runs_them(tmp_path, seed_build):
    write_store(seed_build.quads, tmp_path)
    g = open_graph(tmp_path)
    assert g.views_dir is None and not (tmp_path / STORE_DIR / VIEWS_DIR).exists()
    assert {r["node"] for r in g.select("nodes")} >= {"https://w3id.org/kg/id/Sergei_Lavrov"}
    assert g.rows == {}


def test_unreadable_materialized_views_are_an_input_error(tmp_path, seed_build):
    write_store(seed_build.quads, tmp_path)
    (tmp_path / STORE_DIR / VIEWS_DIR).mkdir()
    (tmp_path / STORE_DIR / VIEWS_DIR / "edges.json").write_text("{not json", encoding="utf-8")
    g = open_graph(tmp_path)
    assert g.query("ASK { ?s ?p ?o }")  # the store itself still answers
    assert g.select("nodes")  # a view with no file is run
    with pytest.raises(InputError, match="run `kg build` again"):
        g.select("edges")


@pytest.mark.parametrize("name", ["", "graph.trig", "graph.ttl"])
def test_open_graph_from_folder_or_file_answers_alike(seed_out, name):
    g = open_graph(seed_out / name if name else seed_out)
    assert g.names.resolve("Korut") == "https://w3id.org/kg/id/North_Korea"
    assert bool(g.query("ASK { kgr:Sergei_Lavrov kg:met kgr:Choe_Son_Hui }"))


@pytest.mark.parametrize("make", [
    lambda p: p / "nothing-here",
    lambda p: p,  # an empty folder
    lambda p: (p / "x.csv").write_text("a,b") and p / "x.csv",
    lambda p: (p / "bad.ttl").write_text("this is not turtle") and p / "bad.ttl",
])
def test_open_graph_errors_are_input_errors(tmp_path, make):
    with pytest.raises(InputError):
        open_graph(make(tmp_path))


def test_store_swap_keeps_one_store_and_cleans_leftovers(tmp_path, seed_build):
    out = tmp_path / "out"
    write_store(seed_build.quads[:100], out)
    (out / ".store-interrupted").mkdir()  # as a killed build would leave it
    first = os.readlink(out / STORE_DIR)
    write_store(seed_build.quads, out)
    second = os.readlink(out / STORE_DIR)
    assert first != second
    assert [p.name for p in out.glob(".store-*")] == [second]
    assert len(list(open_graph(out).store.quads_for_pattern(None, None, None))) == len(seed_build.quads)


def test_query_commands_start_without_the_build_machinery(seed_out):
    # answering must not import the pipeline, the extractors, rdflib or networkx
    code = (
        "import sys; from typer.testing import CliRunner; from kg.cli import app; "
        f"r = CliRunner().invoke(app, ['path', 'Lavrov', 'Choe_Son_Hui', '-g', {str(seed_out)!r}]); "
        "assert r.exit_code == 0, r.output; "
        "heavy = [m for m in ('kg.pipeline', 'kg.extractors', 'kg.mentions.finder', 'rdflib', 'networkx', 'pyvis')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_rows_kept_under_another_text_of_the_view_are_not_used(seed_out, monkeypatch, caplog):
    import kg.views

    g = open_graph(seed_out)
    assert kg.views.read_view(g.views_dir, "nodes") is not None
    monkeypatch.setattr(kg.views, "definition", lambda name: "0" * 16)  # ontology/nodes.rq edited since the build
    assert kg.views.read_view(g.views_dir, "nodes") is None
    assert kg.views.read_support(g.views_dir) is None
    fresh = open_graph(seed_out)
    assert fresh.select("nodes") and "nodes" not in fresh.rows  # run on the store instead
    fresh.select("edges")
    stale = [r for r in caplog.records if "made by another version of kg" in r.getMessage()]
    assert len(stale) == 1 and "kg build" in stale[0].getMessage()  # said once, with what to do


def test_a_changed_class_is_not_maintained_row_by_row():
    from kg.views import SUBCLASS, maintain

    def graph(*quads):
        store = ox.Store()
        store.extend(quads)
        return Graph(store, None, None)

    cls = ox.NamedNode("https://w3id.org/kg/ontology#Minister")
    parent = ox.NamedNode("https://w3id.org/kg/ontology#Person")
    new = graph(ox.Quad(cls, SUBCLASS, parent, ox.DefaultGraph()))
    assert maintain({}, graph(), new, {cls.value}, set()) is None


def test_rows_put_into_kept_rows_take_the_places_a_whole_sort_gives_them():
    import random

    from kg.views import sort_rows, with_rows

    rng = random.Random(7)
    values = ["a", "b", "kgr:x", 'q"uote', "\x1f", "", None, True, False, 0, 3, 2.5, "2024-01"]

    def row():
        return [rng.choice(values) for _ in range(3)]

    for _ in range(200):  # few new rows among many are put in place, more are sorted with the rest
        kept, new = [row() for _ in range(rng.randrange(0, 400))], [row() for _ in range(rng.randrange(0, 6))]
        assert with_rows(sort_rows([list(r) for r in kept]), [list(r) for r in new]) == sort_rows(kept + new)


@pytest.mark.parametrize("text", ['{"format": 2, "base": "x"}', '[1, 2]', "{not json", '{"format": 1}'])
def test_a_manifest_this_version_cannot_use_is_none(tmp_path, text):
    from kg.store import MANIFEST, read_manifest

    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert read_manifest(tmp_path) is None
    assert read_manifest(tmp_path / "missing") is None


def test_the_cli_says_when_the_kept_views_cannot_be_used(seed_out, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(seed_out, out, ignore=shutil.ignore_patterns(".cache"))
    (out / STORE_DIR / VIEWS_DIR / "nodes.json").unlink()
    done = subprocess.run([sys.executable, "-m", "kg", "central", "-g", str(out)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0 and "Russia" in done.stdout
    assert done.stderr.startswith("kg: warning: ") and "kg build" in done.stderr


def test_view_rows_read_back_are_written_again_as_they_were(seed_out, tmp_path, monkeypatch):
    """A build keeps the lines of the edge_sources rows it reads: written again unchanged, and
    rows made anew among them are encoded as ever."""
    import kg.views

    g = open_graph(seed_out)
    rows = {name: kg.views.read_view(g.views_dir, name) for name in MATERIALIZED}
    columns, sources = rows["edge_sources"]
    assert sources and all(r.line == kg.views._line(list(r)) for r in sources)
    sources[0] = list(sources[0])  # as if made again by this build
    kg.views.write_views(tmp_path / "again", rows)
    for name in kg.views.VIEW_FILES:
        assert (tmp_path / "again" / name).read_bytes() == (g.views_dir / name).read_bytes(), name
    encoded = []
    monkeypatch.setattr(kg.views, "_line", lambda value: encoded.append(value) or b"x\n")
    kg.views.write_views(tmp_path / "third", rows)
    assert len(encoded) == 2  # the header and the one row made anew; the others' lines reused


def test_a_view_without_rows_reads_back_empty(seed_out, tmp_path):
    import kg.views

    g = open_graph(seed_out)
    rows = {name: kg.views.read_view(g.views_dir, name) for name in MATERIALIZED}
    rows["edge_sources"] = (rows["edge_sources"][0], [])  # a graph without edges
    kg.views.write_views(tmp_path, rows)
    assert kg.views.read_view(tmp_path, "edge_sources") == (rows["edge_sources"][0], [])
