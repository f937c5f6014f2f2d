"""out/graph.html from the seeds in headless chromium with the network blocked: drawn, quiet,
searchable, and the Lavrov–Choe edge's tooltip shows its sources."""

from __future__ import annotations

import os

import pytest

from kg.analytics import projection
from tests.browser import chromium_path, offline_page, open_graph_page

KGR = "https://w3id.org/kg/id/"
REQUIRED = bool(os.environ.get("CI") or os.environ.get("KG_REQUIRE_BROWSER"))
if chromium_path() is None:
    if REQUIRED:
        raise RuntimeError("chromium is required for the browser test (apt-get install chromium)")
    pytest.skip("no chromium on this machine (CI installs it)", allow_module_level=True)
pytest.importorskip("playwright")


@pytest.fixture(scope="module")
def page(seed_build):
    with offline_page() as page:
        open_graph_page(page, seed_build.files["html"])
        yield page


def test_graph_html_draws_every_node_and_edge(page, seed_graph):
    net = projection(seed_graph)
    counts = page.evaluate("[nodes.length, edges.length, Object.keys(network.getPositions()).length]")
    assert counts == [net.number_of_nodes(), net.number_of_edges(), net.number_of_nodes()]
    assert page.evaluate("document.querySelector('#mynetwork canvas').width") > 0


def test_graph_html_said_about_edges_start_hidden(page):
    # runs before the tests that click the filters
    assert page.evaluate("edges.get().filter(e => e.kind === 'mentions').every(e => e.hidden)")
    assert not page.is_checked("#kg-kinds input[value='mentions']")
    assert page.is_checked("#kg-kinds input[value='met']")


def test_graph_html_is_quiet_and_offline(page):
    assert page.kg_blocked == []
    assert page.kg_errors == []


def test_graph_html_search_finds_and_focuses_lavrov(page):
    page.fill("#kg-search", "Lavrov")
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == [KGR + "Sergei_Lavrov"]
    details = page.inner_text("#kg-details")
    assert details.startswith("Sergei Lavrov") and "Person" in details


def test_graph_html_edge_tooltip_lists_the_sources(page):
    # show only meetings (the edge filter), then hover a point of the Lavrov–Choe edge that no
    # node covers, as a person would
    for kind in page.eval_on_selector_all("#kg-kinds input", "els => els.map(e => e.value)"):
        (page.check if kind == "met" else page.uncheck)(f"#kg-kinds input[value='{kind}']")
    point = page.evaluate("""() => {
        const a = 'KGR_Sergei_Lavrov', b = 'KGR_Choe_Son_Hui';
        const edge = edges.get().find(e => e.kind === 'met' &&
            ((e.from === a && e.to === b) || (e.from === b && e.to === a)));
        network.fit({animation: false});
        const pos = network.getPositions([a, b]);
        const rect = document.getElementById('mynetwork').getBoundingClientRect();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
            const c = {x: pos[a].x + t * (pos[b].x - pos[a].x), y: pos[a].y + t * (pos[b].y - pos[a].y)};
            const d = network.canvasToDOM(c);
            if (network.getEdgeAt(d) === edge.id && network.getNodeAt(d) === undefined)
                return {x: rect.left + d.x, y: rect.top + d.y};
        }
        return null;
    }""".replace("KGR_", KGR))
    assert point is not None
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("(document.querySelector('div.vis-tooltip') || {}).innerText"
                           " && document.querySelector('div.vis-tooltip').innerText.includes('Choe Son Hui')"
                           " && document.querySelector('div.vis-tooltip').style.visibility !== 'hidden'",
                           timeout=5000)
    text = page.inner_text("div.vis-tooltip")
    assert "Sergei Lavrov" in text and "Choe Son Hui" in text and "met" in text
    for outlet in ("Tempo", "Medcom.id", "Riau24"):
        assert outlet in text
    assert "Pyongyang" in text and "Wonsan" in text
    assert "“" in text and ".txt:" in text  # the sentences with their article and offsets


def test_graph_html_filters_hide_a_type(page):
    page.uncheck("#kg-types input[value='Person']")
    hidden = page.evaluate("nodes.get().filter(n => n.type === 'Person').every(n => n.hidden)")
    page.check("#kg-types input[value='Person']")
    assert hidden
    assert page.evaluate("nodes.get().every(n => !n.hidden)")
