"""kg serve: the SPARQL 1.1 Protocol over the built store, read-only, with a timeout and a limit."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.serve import make_server


@pytest.fixture(scope="module")
def endpoint(seed_out):
    server = make_server(seed_out, port=0, timeout=3.0, limit=5)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql"
    server.shutdown()
    server.server_close()


def get(url: str, query: str, accept: str = "") -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    return _open(req)


def _open(req) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_select_json_by_get(endpoint):
    status, headers, body = get(endpoint, "SELECT ?b WHERE { kgr:Sergei_Lavrov kg:met ?b } ORDER BY ?b")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["b"]
    assert {"type": "uri", "value": "https://w3id.org/kg/id/Choe_Son_Hui"} in [b["b"] for b in data["results"]["bindings"]]


def test_select_csv_by_post_form_and_sparql_query_body(endpoint):
    q = "SELECT ?l WHERE { kgr:Choe_Son_Hui rdfs:label ?l } ORDER BY ?l"
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": q}).encode(),
                                 headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"})
    status, _h, body = _open(req)
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert status == 200 and rows[0] == ["l"] and ["Choe Son Hui"] in rows
    req = urllib.request.Request(endpoint, data=q.encode(), headers={"Content-Type": "application/sparql-query",
                                                                     "Accept": "text/tab-separated-values"})
    status, _h, body = _open(req)
    assert status == 200 and body.decode().splitlines()[0] == "?l"


def test_ask_and_construct(endpoint):
    status, _h, body = get(endpoint, "ASK { kgr:Choe_Son_Hui kg:met kgr:Sergei_Lavrov }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = get(endpoint, "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }", "application/n-triples")
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert body.decode().count(" .\n") <= 5


def test_limit_truncates_and_says_so(endpoint):
    status, headers, body = get(endpoint, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_malformed_query_is_400_with_the_parser_message(endpoint):
    status, _h, body = get(endpoint, "SELECT ?a WHERE { ?a kg:met ")
    assert status == 400 and b"malformed SPARQL" in body


def test_updates_are_refused(endpoint):
    req = urllib.request.Request(endpoint, data=b"DELETE WHERE { ?s ?p ?o }",
                                 headers={"Content-Type": "application/sparql-update"})
    assert _open(req)[0] == 403
    req = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert _open(req)[0] == 403
    status, _h, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert json.loads(body)["boolean"] is True  # still all there


def test_a_runaway_query_times_out(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _h, body = get(endpoint, slow)
    assert status == 503 and b"timed out" in body
    assert get(endpoint, "ASK { ?s ?p ?o }")[0] == 200  # and the server goes on


def test_serve_refuses_other_interfaces(seed_out):
    from kg.errors import InputError

    with pytest.raises(InputError):
        make_server(seed_out, host="0.0.0.0", port=0)
