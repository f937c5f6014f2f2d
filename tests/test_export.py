"""kg export: every format parses back, is byte-stable, and carries the graph."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.export import FORMATS, export

runner = CliRunner()
RDF = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
       "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_stable(seed_graph, fmt):
    assert export(seed_graph, fmt) == export(seed_graph, fmt)


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_export_keeps_every_quad(seed_graph, seed_build, fmt):
    quads = set(ox.parse(export(seed_graph, fmt), format=RDF[fmt]))
    assert quads == set(seed_build.quads)


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_export_merged_triples(seed_graph, seed_build, fmt):
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(export(seed_graph, fmt), format=RDF[fmt])}
    assert triples == {ox.Triple(q.subject, q.predicate, q.object) for q in seed_build.quads}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_files_load_in_networkx(seed_graph, fmt, tmp_path):
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(export(seed_graph, fmt))
    net = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    lavrov = "https://w3id.org/kg/id/Sergei_Lavrov"
    assert lavrov in net and net.number_of_edges() > 20
    assert b"lastmodifieddate" not in path.read_bytes()
    ET.parse(path)


def test_export_csv_edges(seed_graph):
    rows = list(csv.DictReader(io.StringIO(export(seed_graph, "csv").decode("utf-8"))))
    met = [r for r in rows if r["predicate"] == "met" and r["source_label"] == "Choe Son Hui"]
    assert met and met[0]["target_label"] == "Sergei Lavrov" and int(met[0]["articles"]) >= 3


def test_export_unknown_format(seed_graph):
    with pytest.raises(InputError):
        export(seed_graph, "xlsx")


def test_cli_export_to_file_and_stdout(seed_out, tmp_path):
    target = tmp_path / "edges.csv"
    out = runner.invoke(app, ["export", "--format", "csv", "-o", str(target), "-g", str(seed_out)])
    assert out.exit_code == 0 and target.read_text(encoding="utf-8").startswith("source,")
    out = runner.invoke(app, ["export", "--format", "nt", "-g", str(seed_out)])
    assert out.exit_code == 0 and "kg/ontology#met" in out.stdout
    out = runner.invoke(app, ["export", "--format", "pdf", "-g", str(seed_out)])
    assert out.exit_code == 2
