"""The Turtle text writer: every string and local name it writes parses back to itself."""

import pyoxigraph as ox
import pytest

from kg.rdf.turtle import Terms, block, local_name, string

KGR = "https://w3id.org/kg/id/"
PREFIXES = {"kgr": KGR, "xsd": "http://www.w3.org/2001/XMLSchema#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def parse_one(text: str) -> ox.Triple:
    (triple,) = [q.triple for q in ox.parse((HEADER + text).encode("utf-8"), format=ox.RdfFormat.TURTLE)]
    return triple


@pytest.mark.parametrize("value", [
    "", "plain", 'a "quoted" word', "back\\slash", "line\nbreak", "carriage\r\nreturn", "tab\there",
    '"""', "ends with backslash \\", "nul \x00 and bell \x07 and del \x7f", "Korea Utara — “kata dia”",
    "emoji 🚀 and accents é ñ", "<script>alert(1)</script>", "@prefix x: <y> .",
])
def test_strings_parse_back_to_themselves(value):
    t = parse_one(f"kgr:a rdfs:label {string(value)} .\n")
    assert t.object == ox.Literal(value)


@pytest.mark.parametrize("value, written", [
    ("plain", '"plain"'), ('say "hi"', '"say \\"hi\\""'), ("a\\b", '"a\\\\b"'), ("l1\nl2\r", '"l1\\nl2\\r"'),
    ("tab\tkept", '"tab\tkept"'), ("nul\x00 esc\x1b del\x7f", '"nul\\u0000 esc\\u001B del\\u007F"'),
])
def test_strings_escape_only_what_turtle_or_a_reader_needs(value, written):
    assert string(value) == written


def test_a_lone_surrogate_becomes_the_replacement_character():
    bad = "bad \ud800 half"
    t = parse_one(f"kgr:a rdfs:label {string(bad)} .\n")
    assert t.object.value == "bad \ufffd half"


@pytest.mark.parametrize("local", [
    "Sergei_Lavrov", "article/x.txt/span/1-2/gazetteer", "-starts-with-hyphen", ".starts.with.dot",
    "ends.with.dot.", "a:b", "", "123", "graph/000_5eae931cbdd8c4f8.txt", "rule.",
])
def test_local_names_parse_back_to_the_iri(local):
    text = local_name(local)
    assert text is not None
    assert parse_one(f"kgr:{text} rdfs:label \"x\" .\n").subject == ox.NamedNode(KGR + local)


@pytest.mark.parametrize("local", ["with space", "é", "a%20b", "a#b", "a?b"])
def test_other_names_are_written_as_full_iris(local):
    terms = Terms(PREFIXES)
    iri = KGR + local.replace(" ", "_")
    text = terms.iri(iri)
    if local_name(iri[len(KGR):]) is None:
        assert text.startswith("<") and text.endswith(">")
    assert parse_one(f"{text} rdfs:label \"x\" .\n").subject == ox.NamedNode(iri)


@pytest.mark.parametrize(("value", "datatype", "lang", "expected"), [
    (True, None, None, ox.Literal("true", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))),
    (42, None, None, ox.Literal("42", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))),
    ("2024-06-19", PREFIXES["xsd"] + "date", None, ox.Literal("2024-06-19", datatype=ox.NamedNode(PREFIXES["xsd"] + "date"))),
    ("Menteri", None, "id", ox.Literal("Menteri", language="id")),
    ("7", PREFIXES["xsd"] + "integer", None, ox.Literal("7", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))),
])
def test_literals_keep_their_type(value, datatype, lang, expected):
    text = Terms(PREFIXES).literal(value, datatype=datatype, lang=lang)
    assert parse_one(f"kgr:a rdfs:label {text} .\n").object == expected


def test_block_groups_objects_of_one_predicate():
    terms = Terms(PREFIXES)
    label = terms.iri(PREFIXES["rdfs"] + "label")
    text = block("kgr:a", [(label, string("x")), (label, string("y")), ("rdfs:comment", string("z"))])
    assert text == 'kgr:a rdfs:label "x" , "y" ;\n\trdfs:comment "z" .\n'
    triples = {q.triple for q in ox.parse((HEADER + text).encode(), format=ox.RdfFormat.TURTLE)}
    assert len(triples) == 3
