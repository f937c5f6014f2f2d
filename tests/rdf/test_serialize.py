"""Splitting the default graph's Turtle into subject blocks (what a rebuild compares)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.rdf.prefixes import output_prefixes
from kg.rdf.serialize import body_of, subject_blocks

BASE = "https://w3id.org/kg/id/"
PREFIXES_ = output_prefixes(BASE)


def _quad(s: str, p: str, o) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.DefaultGraph())


@pytest.mark.parametrize("local", ["Sergei_Lavrov", "meeting/2024-06-19_ab12", "a.b-c", "x%20y", "Kim_(ed.)"])
def test_each_subject_block_parses_back_to_its_own_triples(local):
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    quads = [
        _quad(BASE + local, label, ox.Literal("dua\nbaris \"kutipan\"\t.", language="id")),
        _quad(BASE + local, "https://w3id.org/kg/ontology#met", ox.NamedNode(BASE + "Choe_Son_Hui")),
        _quad(BASE + "Choe_Son_Hui", label, ox.Literal("Choe Son Hui")),
        _quad("http://example.org/other#x", label, ox.Literal("x")),
    ]
    text = body_of(ox.serialize(sorted(quads, key=str), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES_).decode())
    blocks = subject_blocks(text, PREFIXES_)
    assert sorted(blocks) == sorted({q.subject.value for q in quads})
    assert "".join(blocks.values()) == text  # nothing lost or repeated
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES_.items())
    for iri, block in blocks.items():
        parsed = set(ox.parse(header + block, format=ox.RdfFormat.TURTLE))
        assert parsed == {q for q in quads if q.subject.value == iri}


def test_an_empty_graph_has_no_blocks():
    assert subject_blocks("", PREFIXES_) == {}


@pytest.mark.parametrize("to_file", [True, False])
@pytest.mark.parametrize("batch", [1 << 24, 64])  # 64: ranges of 16 bytes and more are copied by the kernel
def test_parts_and_ranges_of_a_file_are_written_in_order(tmp_path, to_file, batch):
    import io
    import os

    from kg.rdf.serialize import FileRange, write_batched

    source = tmp_path / "last.trig"
    data = bytes(range(256)) * 40
    source.write_bytes(data)
    fd = os.open(source, os.O_RDONLY)
    try:
        parts = [b"head|", FileRange(fd, 0, 10), FileRange(fd, 10, 30),  # adjacent: one range
                 b"|mid|", FileRange(fd, 100, 5), FileRange(fd, 50, 7), memoryview(b"|tail"),
                 FileRange(fd, 1000, 4000)]
        expected = b"head|" + data[0:40] + b"|mid|" + data[100:105] + data[50:57] + b"|tail" + data[1000:5000]
        if to_file:
            with open(tmp_path / "new.trig", "wb") as f:
                write_batched(f, parts, batch)
            assert (tmp_path / "new.trig").read_bytes() == expected
        else:
            f = io.BytesIO()
            write_batched(f, parts, batch)
            assert f.getvalue() == expected
    finally:
        os.close(fd)


@pytest.mark.parametrize("batch", [1 << 24, 64])
def test_a_range_past_the_end_of_its_file_is_an_error(tmp_path, batch):
    import os

    from kg.rdf.serialize import FileRange, write_batched

    source = tmp_path / "last.trig"
    source.write_bytes(b"x" * 100)
    fd = os.open(source, os.O_RDONLY)
    try:
        with open(tmp_path / "new.trig", "wb") as f, pytest.raises(OSError, match="ends before"):
            write_batched(f, [b"a", FileRange(fd, 90, 50)], batch)
    finally:
        os.close(fd)
