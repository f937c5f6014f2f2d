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
    groups: dict = {}
    for q in set(quads):  # grouped first, so that each quad is turned into text once to sort it
        groups.setdefault(q.graph_name, []).append(q)
    out: list[ox.Quad] = []
    for g in sorted(groups, key=str):
        out += sorted(groups[g], key=str)
    return out


def write_graphs(quads: list[ox.Quad], out: Path, base: str, nquads: bytes | None = None) -> dict[str, Path]:
    """graph.trig (named graph per article), graph.ttl (merged) and graph.nq, atomically."""
    out.mkdir(parents=True, exist_ok=True)
    prefixes = dict(PREFIXES, kgr=base)
    files = {"nq": out / "graph.nq", "trig": out / "graph.trig", "ttl": out / "graph.ttl"}
    atomic_write(files["nq"], nquads if nquads is not None else ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    # written straight to the file, not held in memory as a whole first (hundreds of MB at scale)
    atomic_serialize(files["trig"], quads, ox.RdfFormat.TRIG, prefixes)
    atomic_serialize(files["ttl"], sorted({q.triple for q in quads}, key=str), ox.RdfFormat.TURTLE, prefixes)
    return files


def atomic_serialize(path: Path, items: list, fmt, prefixes: dict[str, str]) -> None:
    """Serialise RDF to a temporary file beside `path`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        ox.serialize(items, output=tmp, format=fmt, prefixes=prefixes)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
