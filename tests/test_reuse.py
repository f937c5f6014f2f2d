"""Article graphs kept from the last build: only where the same things make them; a rebuild
always writes what a fresh build of the same inputs writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.config import Settings
from kg.execute import CACHE_DIR
from kg.pipeline import build
from kg.reuse import PAGES, KeptGraph

ARTICLES = {
    "a.txt": "Jakarta, 3 Maret 2024 - Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar "
             "Negeri Rusia Sergey Volkov di Moskow pada Senin.\n\n"
             "\"Kami membahas kerja sama ekonomi,\" kata Volkov kepada wartawan.\n",
    "b.txt": "Jakarta, 5 Maret 2024 - Presiden Rusia Vladimir Putin menerima kunjungan Perdana Menteri India "
             "Narendra Modi di Kremlin pada Selasa.\n",
    # "Volkov" alone: the one person of that name the build knows
    "d.txt": "Moskow, 4 Maret 2024 - Volkov mengatakan Rusia siap membantu. \"Kami akan mengirim bantuan,\" "
             "kata Volkov kepada wartawan.\n",
}
UNRELATED = ("e.txt", "Jakarta, 9 Maret 2024 - Presiden Prancis Emmanuel Macron bertemu dengan Kanselir Jerman "
             "Olaf Scholz di Berlin pada Jumat.\n")
# a second Volkov: "Volkov" alone names nobody for sure any more
NAMESAKE = ("c.txt", "Jakarta, 7 Maret 2024 - Wakil Menteri Energi Rusia Andrei Volkov tiba di Jakarta pada Rabu. "
            "\"Kami ingin berinvestasi,\" kata Andrei Volkov.\n")
COUNTS = ("articles", "entities", "events", "statements", "triples")


@pytest.fixture
def built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first = build([src], out)
    assert first.kept == 0 and (out / CACHE_DIR / PAGES).is_file()
    return src, out


def _add(src, article) -> None:
    name, text = article
    (src / name).write_text(text, encoding="utf-8")


def _as_fresh(result, src, out, tmp_path, settings=None) -> None:
    fresh_out = tmp_path / "fresh"
    fresh = build([src], fresh_out, settings=settings, use_cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.html", "names.json", "store/kg-graphs.json"):
        assert (out / name).read_bytes() == (fresh_out / name).read_bytes(), name  # the manifest: kept digests
    assert [getattr(result, k) for k in COUNTS] == [getattr(fresh, k) for k in COUNTS]


def test_adding_an_article_keeps_every_graph_it_does_not_touch(built, tmp_path):
    src, out = built
    _add(src, UNRELATED)
    again = build([src], out)
    assert again.kept == len(ARTICLES)
    _as_fresh(again, src, out, tmp_path)
    # a kept graph is read from the last graph.trig, open since: another file is at its path now
    written = (out / "graph.trig").read_bytes()
    kept = [a for a in again.graph.articles if isinstance(a, KeptGraph)]
    assert len(kept) == len(ARTICLES)
    for graph in kept:
        assert graph.name.encode() + b" {\n" + graph.body + b"}\n" in written
        assert graph.body.startswith(graph.view) and len(graph.body) == graph.size


def test_an_article_whose_names_now_resolve_otherwise_is_made_again(built, tmp_path):
    src, out = built
    before = (out / "graph.trig").read_text(encoding="utf-8")
    assert "kgr:Sergey_Volkov kg:evidence kgr:article\\/d.txt" in before
    _add(src, NAMESAKE)
    again = build([src], out)
    assert again.kept == len(ARTICLES) - 1  # d.txt: its "Volkov" is no longer Sergey Volkov
    assert "kgr:Sergey_Volkov kg:evidence kgr:article\\/d.txt" not in (out / "graph.trig").read_text(encoding="utf-8")
    _as_fresh(again, src, out, tmp_path)


def test_a_graph_altered_in_the_file_is_made_again(built, tmp_path):
    src, out = built
    trig = out / "graph.trig"
    text = trig.read_bytes()
    at = text.index(b"membahas kerja sama")  # in a.txt's graph; same size, other bytes
    trig.write_bytes(text[:at] + b"MEMBAHAS" + text[at + 8:])
    _add(src, UNRELATED)
    again = build([src], out)
    assert again.kept == len(ARTICLES) - 1
    _as_fresh(again, src, out, tmp_path)


@pytest.mark.parametrize("damage", ["gone", "garbled", "other size"])
def test_a_lost_or_damaged_record_keeps_nothing(built, tmp_path, damage):
    src, out = built
    record = out / CACHE_DIR / PAGES
    if damage == "gone":
        record.unlink()
    elif damage == "garbled":
        record.write_bytes(record.read_bytes()[:40])
    else:
        with (out / "graph.trig").open("ab") as f:
            f.write(b"\n")
    _add(src, UNRELATED)
    again = build([src], out)
    assert again.kept == 0
    _as_fresh(again, src, out, tmp_path)


def test_other_settings_keep_nothing(built, tmp_path):
    src, out = built
    settings = replace(Settings(), base_iri="https://example.org/news/")
    again = build([src], out, settings=settings)
    assert again.kept == 0
    _as_fresh(again, src, out, tmp_path, settings)


def test_without_the_cache_nothing_is_kept_or_recorded(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, use_cache=False)
    assert build([src], out, use_cache=False).kept == 0
    assert not (out / CACHE_DIR / PAGES).exists()


def test_an_article_whose_event_now_has_another_identifier_is_made_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    # undated: an event of its own until an article dates the same meeting
    (src / "g.txt").write_text("Presiden Prancis Emmanuel Macron bertemu dengan Kanselir Jerman Olaf Scholz di "
                               "Berlin untuk membahas perang.\n", encoding="utf-8")
    (src / "b.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    out = tmp_path / "out"
    build([src], out)
    assert "kgr:meeting\\/undated_" in (out / "graph.trig").read_text(encoding="utf-8")
    _add(src, UNRELATED)
    again = build([src], out)
    assert again.kept == 1  # b.txt; g.txt's evidence is now of the dated meeting
    assert "kgr:meeting\\/undated_" not in (out / "graph.trig").read_text(encoding="utf-8")
    _as_fresh(again, src, out, tmp_path)


def test_the_default_graph_keeps_the_blocks_of_subjects_that_did_not_change(built, tmp_path):
    src, out = built
    _add(src, UNRELATED)
    again = build([src], out)
    default = again.graph.default
    assert 0 < default.made < len(default.subjects) / 2  # the new people, places and meeting
    _as_fresh(again, src, out, tmp_path)


def test_a_damaged_default_record_makes_every_block(built, tmp_path):
    from kg.reuse import DEFAULT

    src, out = built
    (out / CACHE_DIR / DEFAULT).write_bytes(b"\x80\x05garbage")
    _add(src, UNRELATED)
    again = build([src], out)
    assert again.graph.default.made == len(again.graph.default.subjects)
    _as_fresh(again, src, out, tmp_path)


def test_a_record_that_cannot_be_written_is_a_warning_not_a_failed_build(built, tmp_path, monkeypatch, caplog):
    import kg.rdf.serialize

    src, out = built
    _add(src, UNRELATED)
    real = kg.rdf.serialize.atomic_write

    def full_disk(path, data, durable=True):
        if path.parent.name == CACHE_DIR:
            raise OSError(28, "No space left on device")
        return real(path, data, durable)

    monkeypatch.setattr(kg.rdf.serialize, "atomic_write", full_disk)
    again = build([src], out)
    assert again.articles == len(ARTICLES) + 1
    assert "could not keep what the next build reuses" in caplog.text
    assert "could not record the input files' keys" in caplog.text
    _as_fresh(again, src, out, tmp_path)
