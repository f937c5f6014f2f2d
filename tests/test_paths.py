"""kg path on the seeds: the direct hop with its sources, longer paths, --via, errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.paths import neighbours, path
from kg.store import KG

KGR = "https://w3id.org/kg/id/"
runner = CliRunner()


def test_path_lavrov_choe_is_one_met_hop_with_sources(seed_graph):
    result = path(seed_graph, "Lavrov", "Choe_Son_Hui")
    assert result.start == KGR + "Sergei_Lavrov" and result.end == KGR + "Choe_Son_Hui"
    [hops] = result.paths
    [hop] = hops
    assert [e.predicate for e in hop.edges] == ["met"]
    supports = hop.edges[0].supports
    assert len(supports) >= 2  # Pyongyang 2023 and Wonsan are different meetings
    places = {s.place for s in supports}
    assert {"Pyongyang", "Wonsan"} <= places
    for s in supports:
        for src in s.sources:
            assert src.sentence and src.begin < src.end and src.article.endswith(".txt")


def test_path_sentences_are_the_text_at_their_offsets(seed_graph, seed_build):
    texts = {}
    import pyoxigraph as ox

    for q in seed_graph.store.quads_for_pattern(None, ox.NamedNode(
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"), None):
        texts[q.subject.value] = q.object.value
    result = path(seed_graph, "Lavrov", "Choe Son-hui")
    for support in result.paths[0][0].edges[0].supports:
        for src in support.sources:
            context = next(v for k, v in texts.items() if k.split("/article/")[1].startswith(src.article))
            assert context[src.begin:src.end] == src.sentence


def test_path_two_hops_and_all(seed_graph):
    one = path(seed_graph, "Choe Son Hui", "Putin")
    assert len(one.paths) == 1 and len(one.paths[0]) == 2
    every = path(seed_graph, "Choe Son Hui", "Putin", all_paths=True)
    assert len(every.paths) >= 1
    assert all(len(p) == 2 for p in every.paths)
    assert all(p[0].source == KGR + "Choe_Son_Hui" and p[-1].target == KGR + "Vladimir_Putin" for p in every.paths)


def test_path_via_restricts_intermediate_nodes(seed_graph):
    result = path(seed_graph, "Choe Son Hui", "Putin", all_paths=True, via="Person")
    for p in result.paths:
        for hop in p[:-1]:
            assert seed_graph.type_of(hop.target) == "Person"
    with pytest.raises(InputError):
        path(seed_graph, "Lavrov", "Choe", via="Spaceship")


def test_path_max_hops_limits_the_search(seed_graph):
    assert path(seed_graph, "Choe Son Hui", "Putin", max_hops=1).paths == ()


def test_neighbours_follow_the_edges_view_both_ways(seed_graph):
    edges = neighbours(seed_graph, KGR + "Choe_Son_Hui")
    assert ("met", KGR + "Sergei_Lavrov", True) in edges
    assert ("represents", KGR + "North_Korea", True) in edges
    rows = seed_graph.select("edges", source=KGR + "Choe_Son_Hui")
    assert {(r["predicate"][len(KG):], r["target"]) for r in rows} <= {(p, o) for p, o, _f in edges}


def test_cli_path_prints_the_hop_and_its_sources(seed_out):
    out = runner.invoke(app, ["path", "Lavrov", "Choe_Son_Hui", "--graph", str(seed_out)])
    assert out.exit_code == 0, out.output
    first = out.output.splitlines()[0]
    assert first.startswith("Sergei Lavrov —met→ Choe Son Hui  (")
    assert "Pyongyang" in first and "Wonsan" in first
    assert "Choe Son Hui" in out.output.splitlines()[1] or "“" in out.output.splitlines()[1]


def test_cli_path_json(seed_out):
    out = runner.invoke(app, ["path", "lavrov", "choe son-hui", "--json", "-g", str(seed_out)])
    data = json.loads(out.output)
    assert data["start"] == KGR + "Sergei_Lavrov"
    assert data["paths"][0][0]["edges"][0]["predicate"] == "met"


@pytest.mark.parametrize(("args", "code", "message"), [
    (["Lavrov", "Blinken"], 2, "no entity named 'Blinken'"),
    (["Korea", "Lavrov"], 2, "ambiguous"),
    (['Blinken" } ; DROP ALL', "Choe"], 2, "no entity named"),
    (["Lavrov", "Choe", "--max-hops", "0"], 2, "--max-hops"),
])
def test_cli_path_errors_exit_2_with_one_line(seed_out, args, code, message):
    out = runner.invoke(app, ["path", *args, "-g", str(seed_out)])
    assert out.exit_code == code
    assert message in out.output
    assert "Traceback" not in out.output


def test_cli_path_names_with_quotes_and_braces_work(seed_out):
    # punctuation is folded out of a name's key, and names reach SPARQL only as bound terms
    out = runner.invoke(app, ["path", 'Lav"rov }', "{Choe}", "-g", str(seed_out)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("Sergei Lavrov —met→ Choe Son Hui")


def test_cli_path_none_found_exits_1(seed_out):
    out = runner.invoke(app, ["path", "Choe Son Hui", "Putin", "--max-hops", "1", "-g", str(seed_out)])
    assert out.exit_code == 1
    assert "no path between Choe Son Hui and Vladimir Putin within 1 hop" in out.output


def test_quad_lookups_agree_with_the_views(seed_graph):
    # neighbours() and edge_source_rows() read with quad patterns what edges.rq and
    # edge_sources.rq define; they must give the same answers on every edge
    from kg.paths import edge_source_rows

    rows = seed_graph.select("edges")
    nodes = {r["source"] for r in rows} | {r["target"] for r in rows}
    by_view = {(r["source"], r["predicate"][len(KG):], r["target"]) for r in rows}
    by_lookup = {(n, p, o) if out else (o, p, n) for n in nodes for p, o, out in neighbours(seed_graph, n)}
    symmetric = {(t, p, s) for s, p, t in by_view if p == "met"}
    assert by_lookup == by_view | symmetric
    sources = seed_graph.select("edge_sources")
    for s, p, t in sorted(by_view):
        want = sorted(tuple(sorted(r.items())) for r in sources
                       if r["source"] == s and r["predicate"] == KG + p and r["target"] == t)
        got = sorted(tuple(sorted(r.items())) for r in edge_source_rows(seed_graph, s, p, t))
        assert got == want, (s, p, t)
