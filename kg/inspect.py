"""Reading a built graph back: entity listings."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

KG = "https://w3id.org/kg/ontology#"


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


def load_store(path: Path):
    """A pyoxigraph in-memory store of a built graph file."""
    import pyoxigraph as ox

    path = Path(path)
    fmt = _format(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{path}: cannot be read as RDF ({exc})") from None
    return store


def list_entities(path: Path, type_: str | None = None) -> list[tuple[str, str, str, int, list[str]]]:
    import pyoxigraph as ox

    store = load_store(path)
    q = """
    PREFIX kg: <https://w3id.org/kg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?e ?type ?label ?count (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u0001") AS ?aliases) WHERE {
      ?e kg:mentionCount ?count ; a ?type ; rdfs:label ?label .
      FILTER(STRSTARTS(STR(?type), STR(kg:)))
      FILTER(LANG(?label) = "id" || LANG(?label) = "")
      OPTIONAL { ?e skos:altLabel ?alias }
    } GROUP BY ?e ?type ?label ?count
    """
    rows = []
    for sol in store.query(q, use_default_graph_as_union=True):
        typ = sol["type"].value[len(KG):]
        if type_ and typ.lower() != type_.lower():
            continue
        aliases = sorted(a for a in (sol["aliases"].value.split("\u0001") if sol["aliases"] else []) if a)
        rows.append((sol["e"].value, typ, sol["label"].value, int(sol["count"].value), aliases))
    _ = ox
    return sorted(rows, key=lambda r: (-r[3], r[2]))
