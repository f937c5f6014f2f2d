"""edge_sources.jsonl kept as lines: a build that changed a few articles reads the last file's
rows as lines without parsing them, drops the lines of the nodes that changed, puts the new rows
in their places and brings the support table up to date edge by edge. Parsing every row and
encoding it again, and making the support table of them all, was most of the views' time in
such a build (~100,000 rows at 10,000 articles); this costs what changed, plus a few passes over
the lines in C. What it writes is byte for byte what kg.views.write_views makes of the rows
parsed (a test holds it to that).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from kg.views import (
    ENCODE,
    SOURCES_FILE,
    ReadRow,
    add_support,
    byte_runs,
    definition,
    edge_reader,
    end_support,
    new_support,
    read_support,
    row_key,
    support_columns,
)

# a new row costs the parsing of the ~17 kept rows a binary search reads (of 100,000): past one
# new row in this many kept ones, parsing every row and sorting them all again is cheaper
SORT_ALL_SHARE = 20


@dataclass
class SourceLines:
    """edge_sources rows as the lines of their file (without line breaks), with the support
    table of them (kg.views.read_support: per edge, "lines" are the byte ranges of its rows)."""

    columns: list[str]
    head: bytes  # the header line, with its line break
    lines: list[bytes]
    support: dict[tuple, dict]
    source: Path | None = None  # the file `lines` were read from, or the one `pieces` copy from
    pieces: list[bytes | tuple[int, int]] | None = None  # the lines as new bytes and (offset, length) in `source`

    def starts(self) -> list[int]:
        """Where each line begins in the file."""
        if not self.lines:
            return []
        return list(accumulate(map((1).__add__, map(len, self.lines[:-1])), initial=len(self.head)))

    def rows(self) -> list[list]:
        """Every row parsed (each keeps its line: kg.views.row_line)."""
        if not self.lines:
            return []
        parsed = json.loads(b"[" + b",".join(self.lines) + b"]")
        return [ReadRow(r, line) for r, line in zip(parsed, self.lines, strict=True)]

    def write(self, f) -> None:
        """The file to `f`: kept lines copied from the file they were read from, as they are there."""
        from kg.rdf.serialize import FileRange, write_batched

        if self.pieces is None:
            write_batched(f, [self.head, b"\n".join(self.lines) + b"\n"] if self.lines else [self.head])
            return
        with open(self.source, "rb") as last:
            fd = last.fileno()
            write_batched(f, [self.head] + [FileRange(fd, *p) if type(p) is tuple else p for p in self.pieces])


def read_source_lines(folder: Path) -> SourceLines | None:
    """The rows of edge_sources.jsonl in `folder` as lines, with their support table; None where
    either file is missing or of another format. Raises ValueError, OSError … on a damaged file."""
    path = folder / SOURCES_FILE
    if not path.exists():
        return None
    support = read_support(folder)
    if support is None:
        return None
    lines = path.read_bytes().split(b"\n")  # (partitioning off the header first copies the rest)
    head = lines[0]
    header = json.loads(head)
    if header.get("format") != 2 or header.get("query") != definition("edge_sources"):
        return None
    if len(lines) < 2 or lines[-1] != b"":
        raise ValueError("the last line is cut short")
    del lines[0]
    lines.pop()
    return SourceLines(header["columns"], head + b"\n", lines, support, source=path)


def maintain_lines(old: SourceLines, about: set[str], made: list[list]) -> SourceLines | None:
    """`old` without the rows whose node is in `about`, with the rows `made` (parsed) put in
    the files' order (kg.views.sort_rows) and the support table brought up to date; None where
    this is not worth it (many new rows: sorting them all is cheaper) or the lines are not as
    kg writes them (the caller parses them then)."""
    lines = old.lines
    try:  # a row's line begins with its four IRIs (source, predicate, target, node): none holds a quote
        nodes = [line.split(b'"', 8)[7] for line in lines]
    except IndexError:
        return None
    wanted = {ENCODE(iri)[1:-1].encode() for iri in about}
    gone = [i for i, node in enumerate(nodes) if node in wanted]
    kept = list(range(len(lines))) if not gone else _without(len(lines), gone)
    if len(made) * SORT_ALL_SHARE > len(kept):
        return None
    order = _ordered(lines, kept, made)
    new_lines = [lines[x] if type(x) is int else ENCODE(x).encode() for x in order]
    old_starts = old.starts()
    new = SourceLines(old.columns, old.head, new_lines, {}, old.source, _pieces(order, lines, old_starts))
    starts = new.starts()
    moved = [-1] * len(lines)  # old line -> its new place
    added: dict[int, list] = {}  # new place -> a row made
    for n, x in enumerate(order):
        if type(x) is int:
            moved[x] = n
        else:
            added[n] = x
    edge_of = edge_reader(old.columns)
    changed = {edge_of(json.loads(lines[i])) for i in gone} | {edge_of(r) for r in made}
    for key, info in old.support.items():
        if key not in changed:
            new.support[key] = {**info, "lines": _moved(info["lines"], old_starts, lines, moved, starts)}
    behind: dict[tuple, list[tuple[int, list]]] = {key: [] for key in changed}
    for key in changed:
        for i in _line_numbers(old.support.get(key, {}).get("lines", ()), old_starts, lines):
            if moved[i] >= 0:
                behind[key].append((moved[i], json.loads(lines[i])))
    for n, row in added.items():
        behind[edge_of(row)].append((n, row))
    at = support_columns(old.columns)
    for key in sorted(changed, key=repr):
        if behind[key]:
            info = new_support()
            for _, row in behind[key]:
                add_support(info, row, at)
            end_support(info)
            info["lines"] = byte_runs([(starts[n], len(new_lines[n]) + 1) for n, _ in behind[key]])
            new.support[key] = info
    return new


def _pieces(order: list, lines: list[bytes], old_starts: list[int]) -> list:
    """The new file after its header: runs of consecutive kept lines as (offset, length) in the
    last file, the rows made as their lines (bytes)."""
    out: list = []
    first = last = -1  # the run of kept lines under way, by number

    def run() -> tuple[int, int]:
        return old_starts[first], old_starts[last] + len(lines[last]) + 1 - old_starts[first]

    for x in order:
        if type(x) is int:
            if last >= 0 and x == last + 1:
                last = x
                continue
            if last >= 0:
                out.append(run())
            first = last = x
        else:
            if last >= 0:
                out.append(run())
            first = last = -1
            out.append(ENCODE(x).encode() + b"\n")
    if last >= 0:
        out.append(run())
    return out


def _without(count: int, gone: list[int]) -> list[int]:
    out = list(range(count))
    for i in reversed(gone):
        del out[i]
    return out


def _ordered(lines: list[bytes], kept: list[int], made: list[list]) -> list:
    """The kept lines' numbers with the rows made among them in the files' order: each new row
    after the kept rows whose sort key is not greater (a stable sort of kept rows, then new ones),
    by the sort keys of the few kept rows a binary search reads."""
    keys: dict[int, str] = {}

    def key(i: int) -> str:
        if i not in keys:
            keys[i] = row_key(json.loads(lines[i]))
        return keys[i]

    order: list = []
    at = 0
    for row in sorted(made, key=row_key):
        place = bisect.bisect_right(kept, row_key(row), lo=at, key=key)
        order.extend(kept[at:place])
        order.append(row)
        at = place
    order.extend(kept[at:])
    return order


def _line_numbers(ranges, starts: list[int], lines: list[bytes]) -> list[int]:
    """The lines in these byte ranges of the file."""
    out = []
    for pos, n in ranges:
        i = bisect.bisect_left(starts, pos)
        end = pos + n
        while i < len(lines) and starts[i] < end:
            out.append(i)
            i += 1
    return out


def _moved(ranges, old_starts: list[int], lines: list[bytes], moved: list[int], starts: list[int]) -> list[list[int]]:
    """An edge's byte ranges in the new file, none of its lines gone: a range whose lines stay
    together moves whole; one that new lines split goes line by line (byte_runs joins what touches)."""
    spans = []
    for pos, n in ranges:
        i = bisect.bisect_left(old_starts, pos)
        j = bisect.bisect_left(old_starts, pos + n)  # the line after the range
        if moved[j - 1] - moved[i] == j - 1 - i:
            spans.append((starts[moved[i]], n))
        else:
            spans.extend((starts[moved[k]], len(lines[k]) + 1) for k in range(i, j))
    return [list(spans[0])] if len(spans) == 1 else byte_runs(spans)
