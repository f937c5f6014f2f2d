"""kg push into a real Virtuoso (Debian's virtuoso-opensource) started on loopback by the test,
then queried back over HTTP."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.push import PushError, push

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
REQUIRED = bool(os.environ.get("CI") or os.environ.get("KG_REQUIRE_VIRTUOSO"))
if not (VIRTUOSO and ISQL and INI.exists()):
    if REQUIRED:
        raise RuntimeError("Virtuoso is required here (apt-get install virtuoso-opensource)")
    pytest.skip("no Virtuoso on this machine (CI installs it)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A fresh Virtuoso with its own database folder, on two free loopback ports."""
    db = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = INI.read_text(encoding="utf-8")
    ini = re.sub(r"/var/lib/virtuoso-opensource-7/db/", f"{db}/", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890", f"ServerPort = 127.0.0.1:{http_port}", ini)
    ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = ., {db}, /usr/share/virtuoso-opensource-7/vad", ini)
    (db / "virtuoso.ini").write_text(ini, encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(db / "virtuoso.ini")], cwd=db,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(endpoint + "?query=" + urllib.parse.quote("ASK {}"), timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("Virtuoso did not start in 90 s")
        # a fresh database lets the anonymous SPARQL user read only; the test grants it updates
        subprocess.run([ISQL, str(sql_port), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _select(endpoint: str, query: str) -> list[dict]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query, "format": "application/sparql-results+json"})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())["results"]["bindings"]


def test_push_named_graphs_then_query_them_back(virtuoso, seed_out, seed_build):
    pushed = push(seed_out, virtuoso)
    assert pushed.graphs == 6 and pushed.requests >= 2  # five articles and the merged facts
    met = _select(virtuoso, "SELECT ?b WHERE { <https://w3id.org/kg/id/Sergei_Lavrov> "
                            "<https://w3id.org/kg/ontology#met> ?b }")
    assert "https://w3id.org/kg/id/Choe_Son_Hui" in {r["b"]["value"] for r in met}
    graphs = _select(virtuoso, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a <https://w3id.org/kg/ontology#Article> } }")
    assert len({r["g"]["value"] for r in graphs}) == 5
    # exact text survives the trip: an evidence span's anchor is its context's substring
    spans = _select(virtuoso, """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?a ?b ?e ?s WHERE { ?x nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
          nif:referenceContext/nif:isString ?s } LIMIT 20""")
    assert spans
    for r in spans:
        assert r["s"]["value"][int(r["b"]["value"]):int(r["e"]["value"])] == r["a"]["value"]


def test_push_into_one_graph(virtuoso, seed_out):
    target = "https://example.org/kg/merged"
    push(seed_out, virtuoso, target_graph=target)
    rows = _select(virtuoso, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{target}> {{ ?s ?p ?o }} }}")
    assert int(rows[0]["n"]["value"]) > 3000


def test_push_errors_are_clear(seed_out):
    with pytest.raises(PushError, match="cannot reach"):
        push(seed_out, "http://127.0.0.1:9/sparql", timeout=5)
    out = CliRunner().invoke(app, ["push", "--endpoint", "ftp://x", "-g", str(seed_out)])
    assert out.exit_code == 2 and "expected an http" in out.output


@pytest.mark.parametrize("bad", ["not an iri", "https://x.org/g> } ; DROP ALL ; INSERT DATA { GRAPH <x", "ftp://x"])
def test_push_refuses_a_graph_iri_that_could_break_the_update(seed_out, bad):
    from kg.errors import InputError

    with pytest.raises(InputError):
        push(seed_out, "http://127.0.0.1:9/sparql", target_graph=bad)
