from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """One build of the seeds, shared by the tests that read its output."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    return build([SEEDS], out)


def make_doc(text: str, doc_id: str = "t.txt"):
    """A cleaned, annotated document from a text the test writes."""
    from kg.ingest import clean_article
    from kg.ingest.readers import RawArticle
    from kg.mentions import annotate

    return annotate(clean_article(RawArticle(doc_id, text)))


def positions(text: str) -> set[tuple]:
    """(holder, position, whom it is for) of every office the extractors find in a text the test writes."""
    from kg.extractors import EXTRACTORS

    ann = make_doc(text)
    return {(a.role("subject")[0], a.value("position"), (a.role("represents") or (None,))[0])
            for ex in EXTRACTORS for a in ex(ann) if a.kind == "position"}


@pytest.fixture(scope="session")
def seed_out(seed_build) -> Path:
    """The out/ folder of the shared seed build (store, names, graph files)."""
    return seed_build.files["trig"].parent


@pytest.fixture(scope="session")
def seed_graph(seed_out):
    from kg.store import open_graph

    return open_graph(seed_out)
