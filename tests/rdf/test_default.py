"""The default graph by subject blocks: the same text as serialising it whole; blocks kept only
for subjects whose triples did not change."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.rdf.default import default_graph
from kg.rdf.prefixes import output_prefixes
from kg.rdf.serialize import body_of
from kg.store import entity_names

BASE = "https://w3id.org/kg/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


@pytest.fixture(scope="module")
def merged(seed_build):
    """The seeds' merged facts: subject -> {(predicate, object)}, and the subclass axioms."""
    facts: dict = {}
    for q in seed_build.quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            facts.setdefault(q.subject, set()).add((q.predicate, q.object))
    axioms = [ox.Triple(s, p, o) for s, pairs in facts.items() for p, o in pairs if p == SUBCLASS]
    return facts, axioms


def _whole(facts) -> str:
    """The default graph serialised whole, as the build did before it kept blocks."""
    triples = sorted((ox.Triple(s, p, o) for s, pairs in facts.items() for p, o in pairs), key=str)
    return body_of(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=output_prefixes(BASE)).decode())


def test_blocks_in_order_are_the_whole_graph_serialised(merged):
    facts, axioms = merged
    graph = default_graph(facts, axioms, BASE)
    assert graph.made == len(facts) > 50
    assert graph.text == _whole(facts)
    assert graph.triples == sum(len(pairs) for pairs in facts.values())
    triples = [ox.Triple(s, p, o) for s, pairs in facts.items() for p, o in pairs]
    assert graph.names() == entity_names(triples)


def test_unchanged_subjects_keep_their_blocks_and_changed_ones_are_made_again(merged):
    facts, axioms = merged
    first = default_graph(facts, axioms, BASE)
    again = default_graph(facts, axioms, BASE, first.subjects)
    assert again.made == 0 and again.text == first.text
    lavrov = ox.NamedNode(BASE + "Sergei_Lavrov")
    changed = dict(facts)
    changed[lavrov] = facts[lavrov] | {(LABEL, ox.Literal("Lavrov, \"the minister\"\n", language="ru"))}
    changed[ox.NamedNode(BASE + "Someone_New")] = {(LABEL, ox.Literal("Someone New"))}
    del changed[next(s for s in facts if s.value.startswith(BASE + "meeting/"))]
    patched = default_graph(changed, axioms, BASE, first.subjects)
    assert patched.made == 2  # Lavrov and the new subject; the meeting gone; the rest kept
    assert patched.text == _whole(changed)
    assert 'Lavrov, "the minister"\n' in patched.names()[lavrov.value][2]  # the name index follows


def test_a_kept_block_whose_triples_differ_is_not_used(merged):
    facts, axioms = merged
    first = default_graph(facts, axioms, BASE)
    lavrov = BASE + "Sergei_Lavrov"
    stale = dict(first.subjects)
    signature, _block, count, names = stale[lavrov]
    stale[lavrov] = (signature + 1, "kgr:Sergei_Lavrov a kg:Nobody .\n", count, names)
    again = default_graph(facts, axioms, BASE, stale)
    assert again.made == 1 and again.text == first.text


@pytest.mark.parametrize("entry", [None, "block", (1, 2), (0, "x", 1, "not a tuple"), [0, "x", 1, None]])
def test_a_malformed_kept_entry_is_made_again(merged, entry):
    facts, axioms = merged
    first = default_graph(facts, axioms, BASE)
    lavrov = BASE + "Sergei_Lavrov"
    odd = dict(first.subjects)
    odd[lavrov] = entry if not isinstance(entry, tuple) or len(entry) < 4 else (odd[lavrov][0], *entry[1:])
    again = default_graph(facts, axioms, BASE, odd)
    assert again.made == 1 and again.text == first.text
