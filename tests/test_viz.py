"""graph.html without a browser: offline, escaped, byte-stable, subsets and the size limit."""

from __future__ import annotations

import io
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.pipeline import build
from kg.viz import html, render

HOSTILE = (
    "JAKARTA, Kompas.id - Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menteri Luar Negeri "
    "Korea Utara Choe Son Hui di Pyongyang pada hari Rabu.\n\n"
    "\u201c<script>alert('x')</script> href=javascript:alert(1) \\\" \"\"\" dukungan penuh untuk Korea Utara,\u201d "
    "kata Lavrov kepada wartawan.\n"
)


def test_build_writes_graph_html_without_remote_resources(seed_build):
    page = seed_build.files["html"].read_text(encoding="utf-8")
    assert "vis.Network" in page and "kg-search" in page
    assert not re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', page)
    assert "bootstrap" not in page.lower()


def test_graph_html_is_byte_stable(seed_graph):
    assert html(seed_graph)[0] == html(seed_graph)[0]


def test_article_text_cannot_reach_the_page_as_markup(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(HOSTILE, encoding="utf-8")
    result = build([tmp_path / "in"], tmp_path / "out")
    page = result.files["html"].read_text(encoding="utf-8")
    assert "alert('x')" in page.replace("\\u0027", "'")  # the text is there, as data
    assert "<script>alert" not in page
    assert "\\u003cscript\\u003ealert" in page
    assert "popup.innerHTML" not in page  # pyvis's innerHTML tooltip template is never chosen


def test_subsets_by_type_focus_and_degree(seed_graph):
    _page, n_people, _e, _note = html(seed_graph, type_="Person")
    assert n_people == 5
    _page, n_focus, _e, _note = html(seed_graph, focus="Choe Son Hui", hops=1)
    _page, n_all, _e, _note = html(seed_graph)
    assert 2 <= n_focus < n_all
    _page, n_busy, _e, _note = html(seed_graph, min_degree=5)
    assert 0 < n_busy < n_all
    with pytest.raises(InputError):
        html(seed_graph, type_="Spaceship")


def test_beyond_the_limit_the_most_connected_part_is_drawn_and_said(seed_graph):
    _page, n, _e, note = html(seed_graph, max_nodes=10)
    assert n == 10 and "10 most connected of" in note


def test_render_refuses_a_non_html_target(seed_graph, tmp_path):
    with pytest.raises(InputError):
        render(seed_graph, tmp_path / "g.txt")


def test_cli_viz(seed_out, tmp_path):
    target = tmp_path / "lavrov.html"
    out = CliRunner().invoke(app, ["viz", "--focus", "Lavrov", "--hops", "1", "-o", str(target), "-g", str(seed_out)])
    assert out.exit_code == 0, out.output
    assert target.exists() and "entities" in out.output
    out = CliRunner().invoke(app, ["viz", "--focus", "Nobody", "-o", str(target), "-g", str(seed_out)])
    assert out.exit_code == 2


def test_graph_view_from_materialized_views_is_the_page_of_the_whole_graph(seed_graph, seed_out, seed_build):
    # the build draws from the views it materialized, kg viz from the same rows kept with the
    # store, or from view_graph's subset of a graph file: each must be the page of the whole graph
    from kg.rdf.serialize import write_trig
    from kg.store import Graph, open_graph, open_in_memory, open_view, view_graph

    whole = html(Graph(seed_graph.store, seed_graph.names, seed_out))[0]  # the views run on the store
    kept = open_graph(seed_out)
    assert html(kept)[0] == whole
    # from the kept rows: three views whole, of edge_sources only the rows of the edges drawn
    assert set(kept.rows) == {"nodes", "edges", "node_details"} and kept._sources is None
    assert html(open_in_memory(seed_out))[0] == whole
    assert html(view_graph(seed_build.quads, seed_graph.names, seed_out))[0] == whole
    data = io.BytesIO()
    write_trig(data, seed_build.graph, seed_build.base, part="view")
    assert html(open_view(data.getvalue(), seed_graph.names, seed_out))[0] == whole
    assert (seed_out / "graph.html").read_text(encoding="utf-8") == whole


@pytest.mark.parametrize("k", [1, 2, 6])
def test_a_tooltip_makes_only_the_supports_it_lists(seed_graph, k):
    from kg.paths import supports
    from kg.viz import _first_supports

    table = seed_graph.support()
    behind = seed_graph.edge_rows(sorted(table, key=repr))
    assert any(len({r["node"] for r in rows}) > k for rows in behind.values())  # some edges have more
    for key, rows in behind.items():
        every = supports(seed_graph, rows)
        first, n_supports, n_sources = _first_supports(seed_graph, rows, k)
        assert first == every[:k], key
        assert n_supports == len(every) and n_sources == sum(len(s.sources) for s in every), key


def test_weighted_degrees_are_those_of_the_simple_graph():
    import networkx as nx

    from kg.analytics import simple_graph
    from kg.viz import _weighted_degrees

    net = nx.MultiDiGraph()
    net.add_nodes_from(["a", "b", "c", "lone"])
    for s, t, pred, articles in [("a", "b", "met", 3), ("b", "a", "visited", 0), ("a", "b", "supplied", 2),
                                 ("b", "c", "met", 1), ("c", "c", "met", 5), ("c", "a", "mentions", 0)]:
        net.add_edge(s, t, key=pred, articles=articles)
    simple = simple_graph(net)
    assert _weighted_degrees(net) == {n: simple.degree(n, weight="weight") for n in net}
    assert _weighted_degrees(net) == {"a": 3 + 1 + 2 + 1, "b": 3 + 1 + 2 + 1, "c": 1 + 1, "lone": 0}


def test_tooltips_kept_from_the_last_drawing_give_the_same_page(seed_graph, seed_out):
    # every tooltip taken from the last drawing, or every one made again: the same page; a
    # tooltip is taken only for the same edge with the same rows and the same names
    from kg.store import open_graph
    from kg.viz import Titles

    graph = open_graph(seed_out)
    first = Titles(graph.names, "seed")
    page = html(graph, titles=first)[0]
    assert page == html(open_graph(seed_out))[0]
    assert first.made and not first.last
    again = Titles(graph.names, "seed", dict(first.made))
    assert html(open_graph(seed_out), titles=again)[0] == page and again.made == first.made
    # stale tooltips under the same digests would show: none is taken under other code or names
    wrong = {d: "stale" for d in first.made}
    assert html(open_graph(seed_out), titles=Titles(graph.names, "other code", wrong))[0] == page
    renamed = open_graph(seed_out)
    iri = next(iter(renamed.names.entities))
    renamed.names.entities[iri] = ("Another Name", renamed.names.entities[iri][1])
    fresh = html(renamed)[0]
    assert html(renamed, titles=Titles(renamed.names, "seed", wrong))[0] == fresh


def test_a_tooltip_digest_follows_the_rows_behind_its_edge(seed_graph):
    from kg.viz import Titles

    titles = Titles(seed_graph.names, "seed")
    data = {"articles": 2, "outlets": 1}
    one = titles.digest("s", "met", "t", data, 8, b'["row"]\n')
    assert one == titles.digest("s", "met", "t", dict(data), 8, b'["row"]\n')
    assert len({one, titles.digest("s", "met", "t", data, 8, b'["row2"]\n'),
                titles.digest("s", "met", "t", {"articles": 3, "outlets": 1}, 8, b'["row"]\n'),
                titles.digest("s", "met", "t", data, 4, b'["row"]\n'),
                titles.digest("t", "met", "s", data, 8, b'["row"]\n')}) == 5
