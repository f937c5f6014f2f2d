"""The whole build on the seeds: acceptance facts, SHACL, determinism, CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build
from kg.validate import validate_file, validate_graph
from kg.views import VIEW_FILES
from tests.conftest import ROOT, SEEDS

CHECKER = ROOT.parent / "shared" / "acceptance" / "check_facts.py"
FACTS = ROOT.parent / "shared" / "acceptance" / "seed_facts.py"


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/acceptance is not beside this checkout")
def test_seed_facts_all_pass(seed_build):
    out = subprocess.run([sys.executable, str(CHECKER), str(seed_build.files["trig"]), str(FACTS)],
                         capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1].endswith(" 0 failed"), out.stdout


def test_seed_build_conforms_to_shapes(seed_build):
    conforms, problems = validate_file(seed_build.files["trig"])
    assert conforms, problems[:5]


def test_shapes_reject_a_broken_graph(seed_build):
    import rdflib

    from kg.validate import union_graph

    g = union_graph(seed_build.files["ttl"])
    KG = rdflib.Namespace("https://w3id.org/kg/ontology#")
    meeting = next(g.subjects(rdflib.RDF.type, KG.Meeting))
    for p in list(g.objects(meeting, KG.participant))[1:]:
        g.remove((meeting, KG.participant, p))
    supply = next(g.subjects(rdflib.RDF.type, KG.Supply))
    g.remove((supply, KG.supplier, None))
    conforms, problems = validate_graph(g)
    assert not conforms
    assert any("two or more participants" in p for p in problems)
    assert any("Country as supplier" in p for p in problems)


def test_output_is_byte_identical_whatever_the_file_order(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(SEEDS, a / "in")
    (b / "in").mkdir(parents=True)
    for f in sorted(SEEDS.iterdir(), reverse=True):  # another creation order
        shutil.copy(f, b / "in" / f.name)
    build([a / "in"], a / "out")
    build([b / "in"], b / "out")
    for name in ("graph.ttl", "graph.trig", "graph.html", "names.json", *(f"store/kg-views/{v}" for v in VIEW_FILES)):
        assert (a / "out" / name).read_bytes() == (b / "out" / name).read_bytes()


def test_cli_build_validate_entities(tmp_path):
    import gc

    runner = CliRunner()
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--timings"])
    assert r.exit_code == 0 and "5 articles" in r.output
    assert gc.isenabled()  # the command pauses the collector, and turns it back on
    stages = [line.split()[0] for line in r.output.splitlines() if line.strip().endswith(" s") and line.startswith("  ")]
    assert stages == ["read", "merge", "assemble", "write", "views", "html", "files", "store", "commit"]
    r = runner.invoke(app, ["validate", str(tmp_path / "graph.trig")])
    assert r.exit_code == 0 and "conforms" in r.output
    r = runner.invoke(app, ["entities", "--graph", str(tmp_path / "graph.trig"), "--type", "Person"])
    assert r.exit_code == 0 and "Sergei Lavrov" in r.output and "Sergey Lavrov" in r.output


def test_cli_errors_are_one_line_with_exit_2(tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["build", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no such file" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["build", str(tmp_path)])
    assert r.exit_code == 2


def test_cli_bad_file_among_good_ones_is_skipped(tmp_path):
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0], tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert r.exit_code == 3 and "bad.txt: skipped" in r.output and (tmp_path / "out" / "graph.trig").exists()


def _commands() -> list[str]:
    import typer.main

    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_in_the_readme(command):
    r = CliRunner().invoke(app, [command, "--help"])
    assert r.exit_code == 0 and r.output.strip()
    assert f"kg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_api_returns_an_rdflib_dataset(seed_build):
    ds = seed_build.dataset()
    assert len(ds) > 0 and len(list(ds.graphs())) >= 6


def test_seeds_folder_holds_the_shared_seeds_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    for f in shared.iterdir():
        assert (SEEDS / f.name).read_bytes() == f.read_bytes()




def _break(g, kind: str):
    import rdflib

    KG = rdflib.Namespace("https://w3id.org/kg/ontology#")
    NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
    DCT = rdflib.Namespace("http://purl.org/dc/terms/")
    XSD = rdflib.XSD
    first = lambda cls: sorted(g.subjects(rdflib.RDF.type, cls))[0]  # noqa: E731
    if kind == "visit":
        g.remove((first(KG.Visit), KG.agent, None))
    elif kind == "statement":
        g.remove((first(KG.Statement), PROV.wasAttributedTo, None))
    elif kind == "span":
        span = first(NIF.String)
        g.set((span, NIF.endIndex, rdflib.Literal(0, datatype=XSD.integer)))
    elif kind == "entity":
        g.add((first(KG.Person), rdflib.RDFS.label, rdflib.Literal("Another name", lang="en")))
    elif kind == "article":
        g.remove((first(KG.Article), DCT.identifier, None))
    elif kind == "date":
        g.set((first(KG.Meeting), KG.date, rdflib.Literal("last week")))
    elif kind == "evidence":
        g.remove((first(KG.Supply), KG.evidence, None))


@pytest.mark.parametrize(("kind", "message"), [
    ("visit", "a Visit has a Person as agent"),
    ("statement", "a Statement is attributed to"),
    ("span", "beginIndex is one integer, below its endIndex"),
    ("entity", "one preferred label per language"),
    ("article", "dct:identifier"),
    ("date", "kg:date must be one xsd:date"),
    ("evidence", "needs kg:evidence"),
])
def test_each_shape_rejects_its_broken_graph(seed_build, kind, message):
    from kg.validate import union_graph

    g = union_graph(seed_build.files["ttl"])
    _break(g, kind)
    conforms, problems = validate_graph(g)
    assert not conforms
    assert any(message in p for p in problems), problems[:5]
