"""Quads -> files. Sorted for byte-identical output; written by pyoxigraph (rdflib's
TriG writer is orders of magnitude slower); every file renamed into place atomically."""

from __future__ import annotations

import itertools
import mmap
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.rdf.prefixes import output_prefixes


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


def write_trig(f, graph, base: str, part: str = "body") -> None:
    """`graph` (an assemble.Assembled) as TriG, written to `f` (binary) as it is made, so that no
    second copy of the graph is held in memory. part="view" writes only what the network views read."""

    def parts():
        yield preamble(graph, base)
        for article in graph.articles:
            if part == "body":
                yield article.block_part()  # bytes, or where a kept graph lies in the last file
                continue
            yield article.name.encode("utf-8") + b" {\n"
            yield article.view
            yield b"}\n"

    write_batched(f, parts())


def graph_block(article) -> bytes:
    """One article's named graph as a TriG block."""
    return b"".join((article.name.encode("utf-8"), b" {\n", article.body, b"}\n"))


def write_turtle(f, graph, base: str) -> None:
    """The merged graph as Turtle, written to `f` (binary): the default graph, then every
    article's triples."""
    write_batched(f, itertools.chain([preamble(graph, base)], (article.body_part() for article in graph.articles)))


class FileRange(NamedTuple):
    """Bytes of an open file, to be written as they are there (kg.reuse.KeptGraph: a graph taken
    from the last graph.trig, open since: the build replaces the file at that path)."""

    fd: int
    offset: int
    length: int


def write_batched(f, parts: Iterable[bytes | memoryview | FileRange], batch: int = 1 << 24) -> None:
    """`parts` written to `f` ~16 MB at a time: a few calls that each let go of the GIL while the
    bytes go out, so that a thread writing files beside the build's other work does not wait
    for the GIL at every one of tens of thousands of small writes. A FileRange (adjacent ones
    joined) is copied by the kernel when large; a small one goes into the batch from a map of its
    file (thousands of small copies, each a system call, would wait for the GIL as often)."""
    pending: list = []
    size = 0
    span: FileRange | None = None
    maps: dict[int, tuple[mmap.mmap, memoryview]] = {}

    def add(part) -> None:
        nonlocal pending, size
        pending.append(part)
        size += len(part)
        if size >= batch:
            f.write(b"".join(pending))
            pending, size = [], 0

    def put(span: FileRange) -> None:
        nonlocal pending, size
        if span.length >= batch // 4:
            if pending:
                f.write(b"".join(pending))
                pending, size = [], 0
            _copy_range(f, span)
            return
        if span.fd not in maps:
            mapped = mmap.mmap(span.fd, 0, access=mmap.ACCESS_READ)
            maps[span.fd] = (mapped, memoryview(mapped))
        view = maps[span.fd][1]
        if span.offset + span.length > len(view):
            raise OSError("the last graph.trig ends before the bytes a build recorded in it")
        add(view[span.offset : span.offset + span.length])

    try:
        for part in parts:
            if isinstance(part, FileRange):
                if span is not None and span.fd == part.fd and span.offset + span.length == part.offset:
                    span = FileRange(span.fd, span.offset, span.length + part.length)
                    continue
                if span is not None:
                    put(span)
                span = part
                continue
            if span is not None:
                put(span)
                span = None
            add(part)
        if span is not None:
            put(span)
        if pending:
            f.write(b"".join(pending))
    finally:
        pending.clear()  # the slices of the maps, before the maps close
        for mapped, view in maps.values():
            view.release()
            mapped.close()


def _copy_range(f, span: FileRange) -> None:
    """Append `span` to `f`: by copy_file_range where both are files of a file system that has
    it, else read and written."""
    fd, offset, left = span
    try:
        out = f.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory file
        out = None
    if out is not None and hasattr(os, "copy_file_range"):
        f.flush()
        try:
            while left > 0:
                n = os.copy_file_range(fd, out, left, offset)
                if n == 0:
                    break  # the file ends early: said below
                offset, left = offset + n, left - n
        except OSError:
            pass  # not between these two files: the rest is read and written
        f.seek(0, os.SEEK_END)  # the buffered file's position, past the bytes the kernel wrote
    while left > 0:
        chunk = os.pread(fd, min(left, 1 << 24), offset)
        if not chunk:
            raise OSError("the last graph.trig ends before the bytes a build recorded in it")
        f.write(chunk)
        offset, left = offset + len(chunk), left - len(chunk)


def preamble(graph, base: str) -> bytes:
    """What every file and store load of `graph` begins with: the prefixes, then the default graph."""
    return (header(base) + graph.default.text).encode("utf-8")


def header(base: str) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in output_prefixes(base).items())


def subject_blocks(text: str, prefixes: dict[str, str]) -> dict[str, str]:
    """Turtle statements as pyoxigraph writes them (a subject's block begins on an unindented
    line, its other lines begin with a tab; literals keep their line breaks escaped), split into
    subject IRI -> its block."""
    out = {}
    starts = [0] + [m.end() for m in _BLOCK_START.finditer(text)]
    for begin, end in zip(starts, starts[1:] + [len(text)]):
        block = text[begin:end]
        if block:
            out[_expand(block[: block.index(" ")], prefixes)] = block
    return out


_BLOCK_START = re.compile(r"\n(?=[^\t])")
_LOCAL_ESCAPE = re.compile(r"\\(.)")


def _expand(name: str, prefixes: dict[str, str]) -> str:
    """A subject as pyoxigraph writes it (<iri> or prefix:local, escapes and all) as its IRI."""
    if name.startswith("<"):
        return name[1:-1]
    prefix, _, local = name.partition(":")
    return prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local)


def body_of(turtle: str) -> str:
    """Turtle text without the @prefix lines pyoxigraph puts first (the files declare them once)."""
    pos = 0
    while turtle.startswith("@prefix ", pos):
        pos = turtle.index("\n", pos) + 1
    return turtle[pos:]


@contextmanager
def atomic_file(path: Path, binary: bool = False, durable: bool = True) -> Iterator:
    """A file written beside `path` and renamed into place when the block ends without error:
    readers see the old file or the new one, never half. durable=False skips the fsync, for
    files that can be made again (the cache)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | str, durable: bool = True) -> None:
    """`data` written to `path` atomically (see atomic_file)."""
    with atomic_file(path, binary=True, durable=durable) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


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
