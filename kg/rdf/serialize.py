"""Quads -> files. Sorted for byte-identical output; written by pyoxigraph (rdflib's
TriG writer is orders of magnitude slower); every file renamed into place atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.rdf.prefixes import PREFIXES


def to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(quads: Iterable) -> list[ox.Quad]:
    """Deduplicated pyoxigraph quads in a canonical order: by graph, then by their N-Quads text."""
    return sorted(set(quads), key=lambda q: (str(q.graph_name), str(q)))


def write_graphs(quads: list[ox.Quad], out: Path, base: str) -> dict[str, Path]:
    """graph.trig (named graph per article), graph.ttl (merged) and graph.nq, atomically."""
    out.mkdir(parents=True, exist_ok=True)
    prefixes = dict(PREFIXES, kgr=base)
    triples = sorted({q.triple for q in quads}, key=str)
    files = {
        "trig": (out / "graph.trig", ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)),
        "ttl": (out / "graph.ttl", ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)),
        "nq": (out / "graph.nq", ox.serialize(quads, format=ox.RdfFormat.N_QUADS)),
    }
    for path, data in files.values():
        atomic_write(path, data)
    return {k: v[0] for k, v in files.items()}


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename: readers see old or new, never half."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def from_ox(term):
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
