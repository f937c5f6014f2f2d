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


@pytest.mark.parametrize("after, speaker_by_pronoun", [
    ("katanya kepada wartawan.", True),
    ("ujarnya.", True),
    ("kata dia di Jakarta.", True),
    ("tutur beliau.", True),
    ("kata Lavrov.", False),  # named: no pronoun to resolve
    ("kata-kata itu", False),
])
def test_pronoun_attributions_come_from_the_cue_file(after, speaker_by_pronoun):
    from kg.extractors.statements import PRONOUN_ATTRIBUTION

    assert bool(PRONOUN_ATTRIBUTION.match(after)) is speaker_by_pronoun


@pytest.mark.parametrize("rest, addressee", [
    (" kepada Menteri Luar Negeri Iran bahwa kerja sama akan berlanjut", "Menteri Luar Negeri Iran"),
    (" pada hari Senin kepada wartawan bahwa rudal itu gagal", "wartawan"),
    (" bahwa kerja sama akan berlanjut", None),
])
def test_addressees_come_from_the_cue_file(rest, addressee):
    from kg.extractors.statements import ADDRESSEE_THAT

    m = ADDRESSEE_THAT.match(rest)
    assert (m.group("to") if m else None) == addressee


@pytest.mark.parametrize("sentence, who", [
    ("Pasukan itu bergerak ke utara, menurut laporan Reuters.", "Reuters"),
    ("Pasukan itu bergerak ke utara, menurut Kementerian Pertahanan.", "Kementerian Pertahanan"),
    ("Pasukan itu, menurut saya, bergerak ke utara.", None),  # not closing the sentence
])
def test_according_to_at_a_sentence_end_comes_from_the_cue_file(sentence, who):
    from kg.extractors.statements import ACCORDING_AFTER

    m = ACCORDING_AFTER.search(sentence)
    assert (m.group("who") if m else None) == who


@pytest.mark.parametrize("tail, stops", [
    ("rudal itu ditembakkan, kata juru bicara militer", "rudal itu ditembakkan"),
    ("latihan itu digelar, kantor berita Yonhap melaporkan", "latihan itu digelar"),
    ("latihan itu digelar sepanjang pekan", None),
])
def test_where_reported_content_stops_comes_from_the_cue_file(tail, stops):
    from kg.extractors.statements import CONTENT_TAIL

    m = CONTENT_TAIL.search(tail)
    assert (tail[: m.start()] if m else None) == stops


@pytest.mark.parametrize("sentence, back", [
    ("Keduanya bertemu di kota pelabuhan itu pada Selasa.", True),
    ("Keduanya bertemu di wilayah perbatasan tersebut.", True),
    ("Keduanya bertemu di kota Vladivostok.", False),
])
def test_places_taken_up_again_come_from_the_cue_file(sentence, back):
    from kg.extractors.meetings import PLACE_BACK_REFERENCE

    assert bool(PLACE_BACK_REFERENCE.search(sentence)) is back


@pytest.mark.parametrize("text, end", [
    ("rudal balistik ke Rusia, kata pejabat itu", "rudal balistik ke Rusia"),
    ("peluru artileri, tetapi Moskwa membantahnya", "peluru artileri, "),
    ("peluru artileri, katanya", None),  # "kata" inside a longer word
])
def test_supply_clauses_end_where_the_cue_file_says(text, end):
    from kg.extractors.supplies import CLAUSE_END, RECIPIENT_MARKER

    m = CLAUSE_END.search(text)
    assert (text[: m.start()] if m else None) == end
    assert bool(RECIPIENT_MARKER.search(" kepada Rusia")) and not RECIPIENT_MARKER.search(" kepunyaan Rusia")
