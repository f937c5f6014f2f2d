"""kg query: SPARQL 1.1 over the built graph, answered by Oxigraph.

SELECT and ASK results come out as a table, or in the SPARQL 1.1 result formats (CSV, TSV,
JSON, XML); CONSTRUCT and DESCRIBE as Turtle (table), N-Triples (csv/tsv) or JSON-LD (json).
The default graph is the union of all graphs; `GRAPH ?g { … }` reaches each article's graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.store import Graph, open_graph

FORMATS = ("table", "csv", "tsv", "json", "xml")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
CELL = 80  # widest table cell before it is cut


def query(graph: Graph | Path | str, text: str, fmt: str = "table") -> str:
    """The answer to a SPARQL query, formatted."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if not isinstance(graph, Graph):
        graph = open_graph(graph)
    try:
        result = graph.query(text)
        if isinstance(result, ox.QueryBoolean):
            return ("true" if bool(result) else "false") if fmt == "table" else _decode(
                result.serialize(format=RESULT_FORMATS[fmt]))
        if isinstance(result, ox.QueryTriples):
            return _triples(list(result), fmt, graph)
        if fmt == "table":
            return table(result, graph)
        return _decode(result.serialize(format=RESULT_FORMATS[fmt]))
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None


def _decode(data: bytes) -> str:
    return data.decode("utf-8")


def _triples(triples: list, fmt: str, graph: Graph) -> str:
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if fmt == "table":
        prefixes = graph.prefixes()
        return _decode(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes))
    if fmt == "json":
        import rdflib

        g = rdflib.Graph()
        g.parse(data=_decode(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)), format="nt")
        return g.serialize(format="json-ld", indent=1, sort_keys=True)
    if fmt == "xml":
        return _decode(ox.serialize(triples, format=ox.RdfFormat.RDF_XML))
    return _decode(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def short(term, prefixes: dict[str, str]) -> str:
    """A term as a person reads it: kgr:Sergei_Lavrov, "text"@id, 2023-10."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, iri in prefixes.items():
            if term.value.startswith(iri) and term.value[len(iri):]:
                return f"{name}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value  # the language tag and datatype are in the csv/tsv/json/xml formats
    return str(term)


def table(result, graph: Graph) -> str:
    """SELECT results as an aligned text table, one row per solution."""
    prefixes = graph.prefixes()
    names = [v.value for v in result.variables]
    rows = []
    for sol in result:
        cells = []
        for n in names:
            text = " ".join(short(sol[n], prefixes).split())
            cells.append(text if len(text) <= CELL else text[: CELL - 1] + "…")
        rows.append(cells)
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def read_query(text: str | None, file: Path | None) -> str:
    """The query from the argument or from -f FILE (exactly one of them)."""
    if (text is None) == (file is None):
        raise InputError("give a query, or -f FILE, but not both")
    if file is not None:
        try:
            return Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{file}: cannot read the query ({exc})") from None
    return text or ""


__all__ = ["query", "read_query", "FORMATS", "QueryError"]
