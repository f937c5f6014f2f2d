"""kg show and kg statements on the seeds."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.show import format_entity, show, statements

runner = CliRunner()


def test_show_lavrov_has_labels_office_events_and_statements(seed_graph):
    v = show(seed_graph, "Lavrov")
    assert v.label == "Sergei Lavrov" and v.type == "Person"
    assert v.labels["en"] == "Sergei Lavrov"
    assert "Lavrov" in v.aliases
    assert any("Menteri Luar Negeri" in p for p in v.positions) and "Russia" in v.represents
    kinds = {e.kind for e in v.events}
    assert {"Meeting", "Visit"} <= kinds
    dates = [e.date or "9999" for e in v.events]
    assert dates == sorted(dates)  # by date, undated last
    assert any(("participant", "Choe Son Hui") in e.others for e in v.events)
    assert v.said and all(s.speaker == "Sergei Lavrov" for s in v.said)
    assert len(v.articles) == 5


def test_show_country_lists_supplies_with_flags(seed_graph):
    v = show(seed_graph, "Korut")
    supplies = [e for e in v.events if e.kind == "Supply"]
    assert supplies
    assert any(e.denied_by for e in supplies)
    assert any(e.hedged for e in supplies)
    text = format_entity(v)
    assert "[denied by" in text and "[hedged]" in text


def test_statements_chain_reads_speaker_relay_outlet_wire(seed_graph):
    found = statements(seed_graph, by="Lavrov")
    assert found
    chains = [s.chain() for s in found]
    assert any(" — via TASS — in " in c for c in chains)
    assert any(c.startswith("Sergei Lavrov — ") and "citing Reuters" in c for c in chains)


def test_statements_about_filters_by_mention(seed_graph):
    about = statements(seed_graph, about="Putin")
    assert about and all("Vladimir Putin" in s.mentions for s in about)
    both = statements(seed_graph, by="Lavrov", about="Putin")
    assert both and all(s.speaker == "Sergei Lavrov" for s in both)
    assert len(both) <= len(about)


def test_cli_show_and_statements(seed_out):
    out = runner.invoke(app, ["show", "Choe_Son_Hui", "-g", str(seed_out)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith("Choe Son Hui  (Person")
    out = runner.invoke(app, ["show", "Choe", "--json", "-g", str(seed_out)])
    assert json.loads(out.output)["iri"].endswith("Choe_Son_Hui")
    out = runner.invoke(app, ["statements", "--by", "Lavrov", "-g", str(seed_out)])
    assert out.exit_code == 0 and "Sergei Lavrov" in out.output
    out = runner.invoke(app, ["statements", "--about", "Putin", "--json", "-g", str(seed_out)])
    assert all("chain" in s for s in json.loads(out.stdout))
    out = runner.invoke(app, ["show", "Nobody", "-g", str(seed_out)])
    assert out.exit_code == 2 and "no entity named" in out.output
