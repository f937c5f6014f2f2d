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
