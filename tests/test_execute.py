"""Where per-article work runs: worker processes, a Dask cluster, the cache; same output everywhere."""

from __future__ import annotations

import shutil

import pytest

from kg.errors import InputError
from kg.execute import fingerprint
from kg.pipeline import build
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "in" / "seeds")
    generate(40, root / "in" / "generated")
    return root / "in"


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    build([corpus], out, jobs=1, use_cache=False)
    return out


def _same(a, b) -> None:
    for name in ("graph.trig", "graph.ttl", "graph.html", "names.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_parallel_build_is_byte_identical_to_serial(corpus, serial, tmp_path):
    build([corpus], tmp_path, jobs=2, use_cache=False)
    _same(serial, tmp_path)


def test_dask_build_is_byte_identical_to_local(corpus, serial, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build([corpus], tmp_path, executor="dask", scheduler=cluster.scheduler_address, use_cache=False)
    _same(serial, tmp_path)


def test_dask_needs_a_reachable_scheduler(corpus, tmp_path):
    pytest.importorskip("dask.distributed")
    with pytest.raises(InputError):
        build([corpus], tmp_path, executor="dask", scheduler=None)
    with pytest.raises(InputError, match="cannot reach"):
        build([corpus], tmp_path, executor="dask", scheduler="tcp://127.0.0.1:9")


def test_cache_reuses_unchanged_articles_and_redoes_changed_ones(corpus, serial, tmp_path):
    work = tmp_path / "in"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    first = build([work], out)
    assert first.cached == 0
    again = build([work], out)
    assert again.cached == first.articles  # every file from the cache
    changed = sorted((work / "generated").rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPresiden Iran Masoud Pezeshkian tiba di Minsk.\n",
                       encoding="utf-8")
    third = build([work], out)
    assert third.cached == first.articles - 1
    fresh = build([work], tmp_path / "fresh", use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert fresh.articles == third.articles


def test_fingerprint_covers_language_data():
    from kg.execute import FINGERPRINT_CODE

    assert "lang" in FINGERPRINT_CODE and "extractors" in FINGERPRINT_CODE
    assert len(fingerprint()) == 64
