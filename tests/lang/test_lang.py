"""Language data: every pattern row compiles, and word lists come out of the files whole."""

from __future__ import annotations

import re

import pytest

from kg.config import LANG_DIR
from kg.lang import alternation, read_jsonl

PATTERN_FILES = sorted(p.name for p in (LANG_DIR / "id").glob("*.jsonl"))


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_every_pattern_row_compiles_and_has_a_unique_id(name):
    rows = read_jsonl("id", name)
    assert rows
    for row in rows:
        re.compile(row.pattern)
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids)), name


def test_alternation_joins_the_rows_of_its_labels_in_file_order():
    negations = [r.pattern for r in read_jsonl("id", "cues.jsonl") if r.label in ("negation", "negation-refusal")]
    assert alternation("id", "cues.jsonl", "negation", "negation-refusal") == "|".join(negations)
    with pytest.raises(ValueError, match="no row labelled"):
        alternation("id", "cues.jsonl", "no-such-label")


@pytest.mark.parametrize("sentence, opener", [
    ("Sementara itu, Lavrov tiba di Hanoi.", True),
    ("Namun demikian, pertemuan itu batal.", True),
    ("Namun pertemuan itu batal.", False),  # no comma: part of the sentence
    ("Sementara Lavrov tiba, Choe menunggu.", False),
])
def test_discourse_openers_come_from_the_cue_file(sentence, opener):
    from kg.extractors.statements import DISCOURSE_OPENER

    assert bool(DISCOURSE_OPENER.match(sentence)) is opener


@pytest.mark.parametrize("before, topic", [
    ("membahas situasi keamanan di ", True),
    ("membicarakan konflik di ", True),
    ("bertemu di ", False),
    ("tiba di kota ", False),
])
def test_topic_nouns_before_a_place_come_from_the_cue_file(before, topic):
    from kg.extractors.common import PLACE_BEFORE, TOPIC_BEFORE

    assert bool(TOPIC_BEFORE.search(before)) is topic
    assert PLACE_BEFORE.search(before)
