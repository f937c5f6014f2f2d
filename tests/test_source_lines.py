"""edge_sources.jsonl brought up to date as lines writes what the rows parsed would."""

import random

import pytest

import kg.source_lines
from kg.source_lines import SourceLines, maintain_lines, read_source_lines
from kg.views import KG, SOURCES_FILE, SUPPORT_FILE, sort_rows, with_rows, write_views

COLUMNS = ["source", "predicate", "target", "node", "date", "place", "hedged", "denied", "article",
           "identifier", "outlet", "published", "sentence", "begin", "end"]
ID = "https://w3id.org/kg/id/"
PEOPLE = [ID + x for x in ("Ana", "Budi", "Citra", "Dewi_Lestari", "Élodie", "Rusia")]
PREDICATES = [KG + p for p in ("met", "visited", "supplied", "mentions")]
SENTENCES = ['Ia berkata "kami siap" kepada wartawan.', "Menlu bertemu di Moskwa — résumé\tsingkat.", "Kerja sama\\baru."]


def _row(rng: random.Random, n: int) -> list:
    source, target = rng.sample(PEOPLE, 2)
    article = f"{ID}article/a{rng.randrange(12)}"
    begin = rng.randrange(900)
    return [source, rng.choice(PREDICATES), target, f"{ID}event/e{n}", rng.choice([None, "2024-03", "2024-03-05"]),
            rng.choice([None, ID + "Moskwa"]), rng.choice([None, True]), rng.choice([None, PEOPLE[0]]), article,
            article.rsplit("/", 1)[1] + ".txt", rng.choice([None, ID + "Antara", ID + "Tempo"]), "2024-03-06",
            rng.choice(SENTENCES), begin, begin + 40]


def _views(sources) -> dict:
    return {"nodes": ([], []), "edges": ([], []), "node_details": ([], []), "edge_sources": sources}


def _written(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in (SOURCES_FILE, SUPPORT_FILE)}


@pytest.mark.parametrize("seed", range(40))
def test_rows_dropped_and_made_as_lines_write_the_files_the_rows_would(tmp_path, monkeypatch, seed):
    monkeypatch.setattr(kg.source_lines, "SORT_ALL_SHARE", 0)  # lines, however many rows are new
    rng = random.Random(seed)
    rows = sort_rows([_row(rng, n) for n in range(rng.choice([0, 1, 30, 200]))])  # as the files keep them
    write_views(tmp_path / "last", _views((COLUMNS, [list(r) for r in rows])))
    last = read_source_lines(tmp_path / "last")
    assert last is not None and len(last.lines) == len(rows)
    nodes = sorted({r[3] for r in rows})
    # the nodes that changed (some made again, some gone), an entity among them (rows are not about it)
    about = set(rng.sample(nodes, min(len(nodes), rng.randrange(6)))) | {PEOPLE[1]}
    made = [_row(rng, 1000 + n) for n in range(rng.randrange(8))]
    made += [_row(rng, int(node.rsplit("e", 1)[1])) for node in sorted(about)[: rng.randrange(3)] if "/event/" in node]
    expected = with_rows([list(r) for r in rows if r[3] not in about], [list(r) for r in made])
    write_views(tmp_path / "parsed", _views((COLUMNS, expected)))
    lines = maintain_lines(last, about, [list(r) for r in made])
    assert lines is not None
    support = write_views(tmp_path / "lines", _views(lines))
    assert _written(tmp_path / "lines") == _written(tmp_path / "parsed")
    assert read_source_lines(tmp_path / "lines").support == support


def test_many_new_rows_are_left_to_a_sort_of_them_all(tmp_path):
    rng = random.Random(7)
    write_views(tmp_path, _views((COLUMNS, sort_rows([_row(rng, n) for n in range(100)]))))
    last = read_source_lines(tmp_path)
    few = [_row(rng, 500 + n) for n in range(100 // kg.source_lines.SORT_ALL_SHARE)]
    assert maintain_lines(last, set(), few) is not None
    assert maintain_lines(last, set(), few + [_row(rng, 999)]) is None


def test_lines_kg_did_not_write_are_left_to_be_parsed():
    odd = SourceLines(COLUMNS, b"{}\n", [b'{"source":"x"}'], {})
    assert maintain_lines(odd, {"x"}, []) is None


def test_a_file_cut_short_is_an_error(tmp_path):
    rng = random.Random(3)
    write_views(tmp_path, _views((COLUMNS, [_row(rng, n) for n in range(5)])))
    path = tmp_path / SOURCES_FILE
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(ValueError):
        read_source_lines(tmp_path)


def test_a_range_whose_lines_a_new_line_splits_moves_line_by_line():
    from kg.source_lines import _moved

    lines = [b"aa", b"bbb", b"c"]  # after a 10-byte header: at 10, 13 and 17
    old_starts, moved, starts = [10, 13, 17], [0, 2, 3], [10, 13, 16, 20]  # a 2-byte line put in second
    assert _moved([[10, 7]], old_starts, lines, moved, starts) == [[10, 3], [16, 4]]
    assert _moved([[17, 2]], old_starts, lines, moved, starts) == [[20, 2]]
    assert _moved([[10, 3], [17, 2]], old_starts, lines, [0, 1, 2], [10, 13, 17]) == [[10, 3], [17, 2]]
