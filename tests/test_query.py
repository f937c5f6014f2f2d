"""kg query: SELECT, ASK, CONSTRUCT, DESCRIBE in every result format; named graphs; errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, QueryError
from kg.query import query

runner = CliRunner()
MET = "SELECT ?a ?b WHERE { ?a kg:met ?b } ORDER BY ?a ?b"


def test_query_select_table(seed_graph):
    text = query(seed_graph, MET)
    lines = text.splitlines()
    assert lines[0].split() == ["a", "b"]
    assert "kgr:Sergei_Lavrov" in text and "kgr:Choe_Son_Hui" in text
    assert lines[-1].startswith("(") and "rows" in lines[-1]


def test_query_select_csv_tsv_json_xml_agree(seed_graph):
    rows_csv = list(csv.reader(io.StringIO(query(seed_graph, MET, "csv"))))
    rows_tsv = query(seed_graph, MET, "tsv").strip().splitlines()
    data = json.loads(query(seed_graph, MET, "json"))
    root = ET.fromstring(query(seed_graph, MET, "xml"))
    n = len(data["results"]["bindings"])
    assert n > 0
    assert rows_csv[0] == ["a", "b"] and len(rows_csv) == n + 1
    assert rows_tsv[0].split("\t") == ["?a", "?b"] and len(rows_tsv) == n + 1
    assert len(root.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == n
    assert data["head"]["vars"] == ["a", "b"]


def test_met_is_queryable_in_both_directions(seed_graph):
    assert query(seed_graph, "ASK { kgr:Sergei_Lavrov kg:met kgr:Choe_Son_Hui }") == "true"
    assert query(seed_graph, "ASK { kgr:Choe_Son_Hui kg:met kgr:Sergei_Lavrov }") == "true"
    assert query(seed_graph, "ASK { kgr:Choe_Son_Hui kg:met kgr:Vladimir_Putin }") == "false"
    assert json.loads(query(seed_graph, "ASK { ?a kg:met ?b }", "json"))["boolean"] is True


def test_query_construct_and_describe(seed_graph):
    ttl = query(seed_graph, "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }")
    assert "kgr:Sergei_Lavrov kg:met" in ttl or "kg:met kgr:Sergei_Lavrov" in ttl
    nt = query(seed_graph, "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }", "csv")
    assert all(line.endswith(" .") for line in nt.strip().splitlines())
    jsonld = json.loads(query(seed_graph, "DESCRIBE kgr:Choe_Son_Hui", "json"))
    assert any(node.get("@id", "").endswith("Choe_Son_Hui") for node in jsonld)


def test_query_named_graphs_hold_each_article(seed_graph):
    text = query(seed_graph, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }", "json")
    assert json.loads(text)["results"]["bindings"][0]["n"]["value"] == "5"


@pytest.mark.parametrize("bad", ["SELECT ?a WHERE { ?a kg:met ", "SELEKT * WHERE {}", "SELECT * WHERE { ?a nope:x ?b }"])
def test_query_malformed_raises_query_error(seed_graph, bad):
    with pytest.raises(QueryError, match="malformed SPARQL"):
        query(seed_graph, bad)


def test_query_unknown_format(seed_graph):
    with pytest.raises(InputError):
        query(seed_graph, MET, "yaml")


def test_cli_query_formats_and_file(seed_out, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text(MET, encoding="utf-8")
    for fmt in ("table", "csv", "tsv", "json", "xml"):
        out = runner.invoke(app, ["query", "-f", str(f), "--format", fmt, "-g", str(seed_out)])
        assert out.exit_code == 0, out.output
        assert "Sergei_Lavrov" in out.output


@pytest.mark.parametrize(("args", "message"), [
    (["SELECT ?a WHERE { ?a kg:met "], "malformed SPARQL"),
    ([], "give a query, or -f FILE"),
    (["-f", "/nonexistent/q.rq"], "cannot read the query"),
])
def test_cli_query_errors_exit_2(seed_out, args, message):
    out = runner.invoke(app, ["query", *args, "-g", str(seed_out)])
    assert out.exit_code == 2
    assert message in out.output and "Traceback" not in out.output


def test_cli_query_without_a_build_says_so(tmp_path):
    out = runner.invoke(app, ["query", "ASK {}", "-g", str(tmp_path)])
    assert out.exit_code == 2
    assert "run `kg build` first" in out.output
