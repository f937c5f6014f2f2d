"""The default graph as Turtle, one block per subject, each block made once.

pyoxigraph writes a subject's triples as one block, and the blocks of a sorted graph one after
another in the order of their subjects' N-Triples text; so the default graph's text is the
blocks of its subjects, each serialised on its own, put in that order (checked by a test against
serialising the whole graph). A subject whose triples are those of the last build (compared by
a hash of the set of them, pyoxigraph's terms hashing the same in every process) keeps the block
the last build wrote, with what kg's name index says of it: adding an article to a large build
serialises the few subjects it changed, not every triple of the merged facts again. (A hash is
not an identity: two different sets of triples of one subject hashing alike, a chance of about
one in 2^64 a change, would keep a stale block; the same holds of the cache's content keys.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.rdf.prefixes import output_prefixes

# what a build keeps of a subject: the hash of its triples, its Turtle block, how many triples
# it holds, and its entry in the name index (kg.store.entity_names; None for a non-entity)
SubjectEntry = tuple[int, str, int, tuple | None]


@dataclass
class DefaultGraph:
    """The merged facts as Turtle blocks by subject IRI (in any order; `text` puts them in the file's)."""

    subjects: dict[str, SubjectEntry]
    made: int = 0  # subjects serialised by this build (the others' blocks were the last build's)
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The default graph as Turtle statements, without prefixes (the files declare them once)."""
        if self._text is None:
            self._text = "".join(self.subjects[iri][1] for iri in sorted(self.subjects, key=_file_order))
        return self._text

    @property
    def blocks(self) -> dict[str, str]:
        return {iri: kept[1] for iri, kept in self.subjects.items()}

    @property
    def triples(self) -> int:
        return sum(kept[2] for kept in self.subjects.values())

    def names(self) -> dict[str, tuple]:
        """iri -> (display label, most specific class, every name), of the entities (kg.store.entity_names)."""
        return {iri: kept[3] for iri, kept in self.subjects.items() if kept[3] is not None}


def _file_order(iri: str) -> str:
    # a subject's lines begin "<iri> ": that text sorts the blocks as the sorted triples do
    return f"<{iri}>"


def default_graph(facts: dict[ox.NamedNode, set[tuple]], axioms: list[ox.Triple], base: str,
                  last: dict[str, SubjectEntry] | None = None) -> DefaultGraph:
    """The default graph of `facts` (subject -> its (predicate, object) pairs), with the blocks of
    `last` (a DefaultGraph.subjects of the last build) where a subject's triples are unchanged.
    `axioms`: the ontology's subclass triples, which say what an entity's class is."""
    from kg.rdf.serialize import body_of, subject_blocks
    from kg.store import entity_names

    last = last or {}
    out: dict[str, SubjectEntry] = {}
    remake: list[ox.Triple] = []
    signatures = {}
    for s, pairs in facts.items():
        signature = hash(frozenset(pairs))
        kept = last.get(s.value)
        if _usable(kept) and kept[0] == signature:
            out[s.value] = kept
        else:
            signatures[s.value] = (signature, len(pairs))
            remake += [ox.Triple(s, p, o) for p, o in pairs]
    if remake:
        remake.sort(key=str)  # pyoxigraph groups a subject's triples as they come
        prefixes = output_prefixes(base)
        blocks = subject_blocks(body_of(ox.serialize(remake, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
                                        .decode("utf-8")), prefixes)
        names = entity_names(remake + axioms)
        for iri, (signature, count) in signatures.items():
            out[iri] = (signature, blocks[iri], count, names.get(iri))
    return DefaultGraph(out, len(signatures))


def _usable(kept) -> bool:
    """An entry as default_graph makes them (a record read back may hold anything)."""
    return (type(kept) is tuple and len(kept) == 4 and type(kept[0]) is int and type(kept[1]) is str
            and type(kept[2]) is int and (kept[3] is None or type(kept[3]) is tuple))
