from __future__ import annotations

import pytest
import rdflib

from kg.config import ontology_dir
from kg.rdf.vocab import KG

NS = "https://w3id.org/kg/ontology#"


def ontology_terms() -> set[str]:
    g = rdflib.Graph().parse(ontology_dir() / "kg.ttl")
    return {str(s)[len(NS):] for s in g.subjects() if str(s).startswith(NS)}


def test_vocab_matches_ontology_term_for_term():
    declared = {k for k in KG.__annotations__}
    assert declared == ontology_terms()


def test_vocab_rejects_undefined_terms():
    with pytest.raises(AttributeError):
        KG.meets  # noqa: B018


def test_every_term_has_labels_and_comments_in_both_languages():
    g = rdflib.Graph().parse(ontology_dir() / "kg.ttl")
    for term in ontology_terms():
        node = rdflib.URIRef(NS + term)
        for pred in (rdflib.RDFS.label, rdflib.RDFS.comment):
            langs = {o.language for o in g.objects(node, pred)}
            assert {"en", "id"} <= langs, f"kg:{term} lacks {pred} in en/id"


def test_met_is_symmetric():
    g = rdflib.Graph().parse(ontology_dir() / "kg.ttl")
    assert (rdflib.URIRef(NS + "met"), rdflib.RDF.type, rdflib.OWL.SymmetricProperty) in g


def test_every_kg_term_in_the_output_is_defined(seed_build):
    used = set()
    for q in seed_build.quads:
        for t in (q.predicate, q.object):
            if hasattr(t, "value") and str(t.value).startswith(NS):
                used.add(t.value[len(NS):])
    assert used and used <= ontology_terms()
