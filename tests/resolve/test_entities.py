"""Entity resolution across articles: one entity per person whatever each article calls them;
a document's key resolves only in a document that names it."""

from __future__ import annotations

from kg.article import merge_input
from kg.resolve.entities import resolve_entities as resolve
from tests.conftest import make_doc


def resolve_entities(docs):
    return resolve([merge_input(ann) for ann in docs])

FULL = "Menteri Luar Negeri Chile Rodrigo Valdés bertemu Presiden Peru Ana Quispe di Lima pada Senin."
SHORT = "Valdés mengatakan kepada wartawan bahwa kunjungan itu berjalan baik."
OTHER = "Presiden Peru Ana Quispe berbicara di Lima."


def _person(index, surface: str) -> str:
    return next(e.id for e in index.entities.values() if e.type == "Person" and surface in e.labels.values())


def test_a_short_form_alone_joins_the_one_person_whose_name_holds_it():
    docs = [make_doc(FULL, "a.txt"), make_doc(SHORT, "b.txt")]
    index = resolve_entities(docs)
    valdes = _person(index, "Rodrigo Valdés")
    short_keys = [k for k in index.doc_keys["b.txt"] if index.ids.get(k) == valdes]
    assert short_keys, index.doc_keys["b.txt"]
    assert index.get("b.txt", short_keys[0]) == valdes
    assert "Valdés" in index.entities[valdes].aliases
    assert "Rodrigo Valdés" not in index.entities[valdes].aliases  # the label is not an alias


def test_a_key_resolves_only_in_a_document_that_names_it():
    docs = [make_doc(FULL, "a.txt"), make_doc(OTHER, "c.txt")]
    index = resolve_entities(docs)
    valdes = _person(index, "Rodrigo Valdés")
    key = next(k for k in index.doc_keys["a.txt"] if index.ids.get(k) == valdes)
    assert index.get("a.txt", key) == valdes
    assert index.get("c.txt", key) is None  # c.txt never names him
    assert index.get("nowhere.txt", key) is None
    assert index.get("a.txt", None) is None


def test_every_mention_of_an_entity_is_counted_across_articles():
    docs = [make_doc(FULL, "a.txt"), make_doc(OTHER, "c.txt")]
    index = resolve_entities(docs)
    quispe = _person(index, "Ana Quispe")
    assert index.entities[quispe].mentions == 2  # once in each
    assert index.entities["Peru"].mentions == 2 and index.entities["Chile"].mentions == 1


def test_a_short_form_shared_by_two_people_joins_neither():
    namesake = "Menteri Keuangan Chile Marta Valdés berbicara di Santiago."
    docs = [make_doc(FULL, "a.txt"), make_doc(SHORT, "b.txt"), make_doc(namesake, "d.txt")]
    index = resolve_entities(docs)
    people = {_person(index, "Rodrigo Valdés"), _person(index, "Marta Valdés")}
    assert len(people) == 2
    assert not {index.get("b.txt", k) for k in index.doc_keys["b.txt"]} & people


def test_the_result_does_not_depend_on_the_order_of_the_documents():
    docs = [make_doc(FULL, "a.txt"), make_doc(SHORT, "b.txt"), make_doc(OTHER, "c.txt")]
    one, two = resolve_entities(docs), resolve_entities(list(reversed(docs)))
    assert one.ids == two.ids
    assert {e.id: (e.labels, e.aliases) for e in one.entities.values()} == \
        {e.id: (e.labels, e.aliases) for e in two.entities.values()}
