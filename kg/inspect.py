"""Reading a built graph back: entity listings."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError


def _format(path: Path):
    import pyoxigraph as ox

    if not path.exists():
        raise InputError(f"{path}: no such graph; run `kg build` first")
    fmt = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS}.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: expected a .trig, .ttl or .nq file")
    return fmt


def parse_file(path: Path) -> list:
    """Every quad of a built graph file, exactly as written."""
    import pyoxigraph as ox

    fmt = _format(Path(path))
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{path}: cannot be read as RDF ({exc})") from None


def list_entities(path, type_: str | None = None) -> list[tuple[str, str, str, int, list[str]]]:
    """(iri, type, label, mention count, aliases) of each entity, most mentioned first."""
    from kg.store import Graph, open_graph

    graph = path if isinstance(path, Graph) else open_graph(path)
    q = """
    PREFIX kg: <https://w3id.org/kg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?e ?count (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u0001") AS ?aliases) WHERE {
      ?e kg:mentionCount ?count .
      OPTIONAL { ?e skos:altLabel ?alias }
    } GROUP BY ?e ?count
    """
    rows = []
    for sol in graph.query(q):
        iri = sol["e"].value
        typ = graph.type_of(iri)
        if type_ and typ.lower() != type_.lower():
            continue
        aliases = sorted(a for a in (sol["aliases"].value.split("\u0001") if sol["aliases"] else []) if a)
        rows.append((iri, typ, graph.label(iri), int(sol["count"].value), aliases))
    return sorted(rows, key=lambda r: (-r[3], r[2]))
