"""The README's SPARQL examples run on the seeds and answer something."""

from __future__ import annotations

import re

import pytest

from kg.query import query
from tests.conftest import ROOT

QUERIES = re.findall(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_has_ten_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("n", range(len(QUERIES)))
def test_readme_query_answers_on_the_seeds(seed_graph, n):
    table = query(seed_graph, QUERIES[n])
    rows = int(re.search(r"\((\d+) rows?\)$", table).group(1))
    assert rows > 0, QUERIES[n]


def test_readme_path_output_is_what_kg_path_prints(seed_out):
    from typer.testing import CliRunner

    from kg.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("    $ kg path Lavrov Choe_Son_Hui\n", 1)[1].split("    $ ", 1)[0]
    shown = [line[4:] for line in block.splitlines() if line.startswith("    ")]
    out = CliRunner().invoke(app, ["path", "Lavrov", "Choe_Son_Hui", "-g", str(seed_out)])
    assert out.output.splitlines() == shown
