"""Where per-article work runs: worker processes, a Dask cluster, the cache; same output everywhere."""

from __future__ import annotations

import shutil

import pytest

from kg.errors import InputError
from kg.execute import fingerprint
from kg.pipeline import build
from kg.views import VIEW_FILES
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
    for name in ("graph.trig", "graph.ttl", "graph.html", "names.json", *(f"store/kg-views/{v}" for v in VIEW_FILES)):
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
    assert build([work], out).unchanged  # nothing changed: the outputs are kept
    (out / "graph.html").unlink()  # an output gone: the build runs, every article from the cache
    again = build([work], out)
    assert not again.unchanged and again.cached == first.articles
    changed = sorted((work / "generated").rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPresiden Iran Masoud Pezeshkian tiba di Minsk.\n",
                       encoding="utf-8")
    third = build([work], out)
    assert third.cached == first.articles - 1
    fresh = build([work], tmp_path / "fresh", use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert fresh.articles == third.articles


def _cache_files(out):
    """The cached results' files (the pack and single files; not the inputs' digests or what
    the build keeps of its graph)."""
    from kg.execute import DIGESTS
    from kg.reuse import DEFAULT, PAGES, TITLES

    return sorted(p.relative_to(out) for p in (out / ".cache").rglob("*")
                  if p.is_file() and p.name not in (DIGESTS, PAGES, DEFAULT, TITLES))


def test_the_cache_keeps_a_build_s_results_in_one_pack(corpus, tmp_path, monkeypatch):
    import kg.execute
    from kg.execute import PACK

    work, out = _built_copy(corpus, tmp_path)
    first = build([work], out)  # nothing changed: the counts of the build just made
    assert [p.name for p in _cache_files(out)] == [PACK]  # the single files folded into it
    _add(work)
    build([work], out)  # one new result: kept in a file of its own, the pack left as it is
    assert len(_cache_files(out)) == 2
    (out / "graph.html").unlink()
    second = build([work], out)
    assert second.cached == second.articles == first.articles + 1  # from the pack and that file
    assert len(_cache_files(out)) == 2
    monkeypatch.setattr(kg.execute, "PACK_SLACK", 0)  # past a twentieth of the build: pack again
    for gone in sorted((work / "generated").rglob("*.txt"))[5:8]:
        gone.unlink()
    third = build([work], out)
    assert third.cached == third.articles == first.articles - 2
    assert [p.name for p in _cache_files(out)] == [PACK]  # the new one folded in, the gone one dropped
    (out / "graph.html").unlink()
    assert build([work], out).cached == first.articles - 2


@pytest.mark.parametrize("damage", ["truncated", "garbled entry", "not a pack"])
def test_a_damaged_pack_costs_recomputing_never_a_wrong_result(corpus, serial, tmp_path, damage):
    from kg.execute import PACK

    out = tmp_path / "out"
    first = build([corpus], out)
    (pack,) = _cache_files(out)
    data = bytearray((out / pack).read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "garbled entry":
        data[-400:-200] = b"\xff" * 200
    else:
        data = b"PK\x03\x04" + data[4:]
    (out / pack).write_bytes(bytes(data))
    (out / "graph.html").unlink()  # so that the build runs
    again = build([corpus], out)
    assert again.cached < first.articles
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (serial / name).read_bytes()
    # made whole again; a damaged entry is computed into a file of its own
    assert [p.name for p in _cache_files(out)] == [PACK] if damage != "garbled entry" else len(_cache_files(out)) == 2
    assert build([corpus], out).unchanged


def _store_quads(out):
    from kg.store import open_graph

    return set(open_graph(out).store.quads_for_pattern(None, None, None))


def test_a_rebuild_updates_a_copy_of_the_store_to_what_a_fresh_build_holds(corpus, tmp_path, monkeypatch):
    import kg.store
    from kg.store import MANIFEST, STORE_DIR

    work, out = _built_copy(corpus, tmp_path)
    first_store = (out / STORE_DIR).resolve()
    files = sorted((work / "generated").rglob("*.txt"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nMenteri Luar Negeri Iran Abbas Araghchi bertemu "
                        "dengan Menteri Luar Negeri Rusia Sergei Lavrov di Teheran pada 3 Maret 2025.\n", encoding="utf-8")
    files[1].unlink()  # an article gone: its graph must go from the store
    (work / "generated" / "new.txt").write_text(
        "Jakarta (ANTARA) - Presiden Iran Masoud Pezeshkian tiba di Minsk pada Senin (3/3/2025).\n", encoding="utf-8")
    loaded: list[bytes] = []
    load = kg.store._load
    monkeypatch.setattr(kg.store, "_load", lambda store, pieces: load(store, [loaded.append(p) or p for p in pieces]))
    second = build([work], out)
    monkeypatch.undo()
    # only the graphs that changed went into the copy: the edited and the new article (and the
    # default graph, whose entities and counts changed)
    assert sum(p.count(b"{\n") for p in loaded) == 2 < second.articles
    # and of the default graph, only the subjects whose triples changed
    assert 0 < len(loaded[0]) < len(second.graph.default.text.encode("utf-8")) / 2
    second_store = (out / STORE_DIR).resolve()
    assert second_store != first_store and not first_store.exists()  # a copy was changed, then swapped in
    assert (second_store / MANIFEST).exists()
    fresh = tmp_path / "fresh"
    build([work], fresh, use_cache=False)
    assert _store_quads(out) == _store_quads(fresh)
    assert (out / "names.json").read_bytes() == (fresh / "names.json").read_bytes()


def test_a_rebuild_where_much_changed_loads_the_store_anew(corpus, tmp_path, monkeypatch):
    import kg.store
    from kg.store import STORE_DIR

    work, out = _built_copy(corpus, tmp_path)
    for f in sorted((work / "generated").rglob("*.txt"))[::2]:  # half of the articles changed
        f.write_text(f.read_text(encoding="utf-8") + "\nPresiden Iran Masoud Pezeshkian tiba di Minsk pada "
                     "Senin (3/3/2025).\n", encoding="utf-8")
    monkeypatch.setattr(kg.store, "PATCH_MIN", 0)
    patched: list[bool] = []
    update = kg.store._update_copy
    monkeypatch.setattr(kg.store, "_update_copy", lambda plan, *a: patched.append(plan.current is not None) or update(plan, *a))
    build([work], out)
    monkeypatch.undo()
    assert patched == [False]  # no store to patch was planned: it was loaded whole
    fresh = tmp_path / "fresh"
    build([work], fresh, use_cache=False)
    assert _store_quads(out) == _store_quads(fresh)
    assert (out / STORE_DIR).resolve().is_dir()


def test_fingerprint_covers_language_data():
    from kg.execute import FINGERPRINT_CODE

    assert "lang" in FINGERPRINT_CODE and "extractors" in FINGERPRINT_CODE and "article.py" in FINGERPRINT_CODE
    assert "pipeline.py" not in FINGERPRINT_CODE  # merging and writing do not change what an article yields
    assert len(fingerprint()) == 64


def test_cached_results_unpickle_equal_with_derived_fields_made_again():
    import pickle

    from kg.execute import process_file

    outcome = process_file("lavrov.txt", next(SEEDS.glob("*.txt")))
    again = pickle.loads(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == outcome and again.results
    assert again.results[0].input == outcome.results[0].input
    ann, ann2 = outcome.results[0].result().ann, again.results[0].result().ann
    assert ann2.top == ann.top and ann2.top_starts == ann.top_starts and ann2.top
    assert again.results[0].result().assertions == outcome.results[0].result().assertions


def _edit(work):
    files = sorted((work / "generated").rglob("*.txt"))
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nMenteri Luar Negeri Iran Abbas Araghchi bertemu "
                        "dengan Menteri Luar Negeri Rusia Sergei Lavrov di Teheran pada 3 Maret 2025.\n", encoding="utf-8")


def _add(work):
    (work / "generated" / "added.txt").write_text(
        "Jakarta (ANTARA) - Presiden Iran Masoud Pezeshkian tiba di Minsk pada Senin (3/3/2025). "
        "\"Kami siap bekerja sama dengan Rusia,\" kata Pezeshkian kepada wartawan.\n", encoding="utf-8")


def _remove(work):
    sorted((work / "generated").rglob("*.txt"))[5].unlink()


@pytest.mark.parametrize("change", [_edit, _add, _remove])
def test_a_rebuild_brings_the_views_up_to_date_byte_identical_to_a_fresh_build(corpus, tmp_path, monkeypatch, change):
    import kg.source_lines
    import kg.views

    work, out = _built_copy(corpus, tmp_path)
    change(work)
    monkeypatch.setattr(kg.views, "materialize", _must_not_run)  # the rows come from the last build's
    as_lines = []  # edge_sources brought up to date as lines, not parsed (kg.source_lines)
    maintain_lines = kg.source_lines.maintain_lines
    monkeypatch.setattr(kg.source_lines, "maintain_lines", lambda *a: as_lines.append(maintain_lines(*a)) or as_lines[-1])
    build([work], out)
    monkeypatch.undo()
    assert len(as_lines) == 1 and as_lines[0] is not None
    _same_as_fresh(work, out, tmp_path)


@pytest.mark.parametrize("found_late", [False, True])  # by the manifests, or once the changed graphs are read
def test_a_rebuild_that_changed_too_much_runs_the_views_whole(corpus, tmp_path, monkeypatch, found_late):
    import kg.views

    work, out = _built_copy(corpus, tmp_path)
    _edit(work)
    _add(work)
    ran = []
    materialize = kg.views.materialize
    monkeypatch.setattr(kg.views, "materialize", lambda graph: ran.append(1) or materialize(graph))
    if found_late:
        monkeypatch.setattr(kg.views, "maintain", lambda *args: None)
    else:
        monkeypatch.setattr(kg.views, "MAINTAIN_LIMIT", 3)
    build([work], out)
    monkeypatch.undo()
    assert ran == [1]
    _same_as_fresh(work, out, tmp_path)


def _built_copy(corpus, tmp_path):
    """A copy of the corpus, built: (its folder, the out/ folder)."""
    work, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(corpus, work)
    build([work], out)
    return work, out


def _same_as_fresh(work, out, tmp_path) -> None:
    """The files of `out` are those a fresh build of `work` writes."""
    fresh = tmp_path / "fresh"
    build([work], fresh, use_cache=False)
    _same(out, fresh)


def _must_not_run(graph):
    raise AssertionError("the views were run over the whole graph")
