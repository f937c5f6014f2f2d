"""The network projection and centralities."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.analytics import METRICS, centrality, projection
from kg.cli import app
from kg.errors import InputError

KGR = "https://w3id.org/kg/id/"
runner = CliRunner()


def test_projection_nodes_and_edges_carry_their_attributes(seed_graph):
    net = projection(seed_graph)
    lavrov = net.nodes[KGR + "Sergei_Lavrov"]
    assert lavrov["label"] == "Sergei Lavrov" and lavrov["type"] == "Person" and lavrov["mentions"] > 10
    met = [d for s, t, d in net.edges(data=True)
           if d["predicate"] == "met" and {s, t} == {KGR + "Sergei_Lavrov", KGR + "Choe_Son_Hui"}]
    assert len(met) == 1  # kg:met is stored both ways but is one edge of the network
    assert met[0]["articles"] >= 3 and met[0]["outlets"] >= 3 and "2023-10" in met[0]["dates"]
    supplied = [d for s, t, d in net.edges(data=True) if d["predicate"] == "suppliedTo" and s == KGR + "North_Korea"]
    assert supplied and supplied[0]["denied"] and supplied[0]["hedged"]


@pytest.mark.parametrize("metric", METRICS)
def test_centrality_ranks_the_hubs_first(seed_graph, metric):
    top = centrality(seed_graph, metric, top=5)
    assert len(top) == 5
    assert {KGR + "Sergei_Lavrov", KGR + "North_Korea", KGR + "Russia"} & {r[0] for r in top[:3]}
    scores = [r[3] for r in top]
    assert scores == sorted(scores, reverse=True)


def test_centrality_by_type(seed_graph):
    people = centrality(seed_graph, "pagerank", type_="person", top=3)
    assert people[0][1] == "Sergei Lavrov"
    assert all(r[2] == "Person" for r in people)


def test_centrality_unknown_metric(seed_graph):
    with pytest.raises(InputError):
        centrality(seed_graph, "closeness")


def test_cli_central(seed_out):
    out = runner.invoke(app, ["central", "--metric", "betweenness", "--top", "3", "-g", str(seed_out)])
    assert out.exit_code == 0 and len(out.output.splitlines()) == 3
    out = runner.invoke(app, ["central", "--json", "-t", "Country", "-g", str(seed_out)])
    assert all(r["type"] == "Country" for r in json.loads(out.output))
    out = runner.invoke(app, ["central", "--metric", "nope", "-g", str(seed_out)])
    assert out.exit_code == 2
