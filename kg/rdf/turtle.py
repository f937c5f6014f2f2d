"""Turtle terms written as text, for the parts of the output that are written without making
RDF term objects first: an article's graph (its text, its spans, its statements) is most of a
build, and formatting it straight to text is ~10x faster than building pyoxigraph quads and
serialising them. Every file written this way is parsed back by the tests (and by the store
loader at every build), so a mistake here cannot go unnoticed.
"""

from __future__ import annotations

import re

# Turtle's STRING_LITERAL_QUOTE may hold anything but '"', '\', LF and CR; other control
# characters are escaped too, so that the files stay readable as text. Most strings (names,
# short spans) hold none of these: a search finds that faster than translating them character
# by character.
_STRING_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f]')
_STRING_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# a local name we write as prefix:local (with '/' escaped); anything else as <IRI>
_LOCAL = re.compile(r"[A-Za-z0-9_.:/-]*")
_IRI_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x00, 0x21), *map(ord, '<>"{}|^`\\'))}
XSD = "http://www.w3.org/2001/XMLSchema#"


def string(value: str) -> str:
    """A Turtle string literal (no language, no datatype)."""
    if not value.isascii() and _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)  # a lone surrogate (from a JSON escape) is not text
    if _STRING_SPECIAL.search(value) is None:
        return '"' + value + '"'
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if _STRING_CONTROL.search(value) is not None:
        value = _STRING_CONTROL.sub(_control_escape, value)
    return '"' + value + '"'


def _control_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04X}"


def local_name(name: str) -> str | None:
    """`name` as a Turtle PN_LOCAL ('/' escaped; a leading '-' or '.' and a trailing '.' too),
    or None where it holds a character that a local name cannot."""
    if not _LOCAL.fullmatch(name):
        return None
    out = name.replace("/", "\\/")
    if out[:1] in ("-", "."):
        out = "\\" + out
    if out.endswith(".") and not out.endswith("\\."):
        out = out[:-1] + "\\."
    return out


class Terms:
    """IRIs and literals as Turtle text, with the output's prefixes; IRIs are remembered."""

    def __init__(self, prefixes: dict[str, str]):
        # longest namespace first, so that kgr: wins over a shorter namespace it extends
        self.namespaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1]))
        self._iris: dict[str, str] = {}

    def iri(self, value: str) -> str:
        found = self._iris.get(value)
        if found is None:
            found = self._iris[value] = self.iri_uncached(value)
        return found

    def iri_uncached(self, value: str) -> str:
        """For IRIs seen once (spans): not kept."""
        for ns, prefix in self.namespaces:
            if value.startswith(ns):
                local = local_name(value[len(ns):])
                if local is not None:
                    return f"{prefix}:{local}"
        return "<" + value.translate(_IRI_ESCAPES) + ">"

    def literal(self, value, datatype: str | None = None, lang: str | None = None) -> str:
        """A literal typed as assemble.lit types it: bool and int by Python type, else a string."""
        if lang:
            return f"{string(value)}@{lang}"
        if datatype is not None:
            if datatype == XSD + "integer" and re.fullmatch(r"[+-]?\d+", str(value)):
                return str(value)
            return f"{string(str(value))}^^{self.iri(datatype)}"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        return string(value)


def block(subject: str, pairs: list[tuple[str, str]]) -> str:
    """subject p1 o1 , o2 ; p2 o3 . — the pairs in the order given, objects of one predicate joined."""
    parts: list[str] = []
    last = None
    for p, o in pairs:
        if p == last:
            parts.append(f" , {o}")
        else:
            parts.append(f" ;\n\t{p} {o}" if parts else f" {p} {o}")
            last = p
    return subject + "".join(parts) + " .\n"
