"""SHACL validation of a built graph (pyshacl), with violations in plain words."""

from __future__ import annotations

from pathlib import Path

from kg.config import ontology_dir
from kg.errors import InputError


def union_graph(path: Path):
    """All triples of a built graph file, named graphs merged, as an rdflib Graph."""
    import rdflib

    from kg.inspect import parse_file
    from kg.rdf.serialize import from_ox

    g = rdflib.Graph()
    for q in parse_file(Path(path)):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def validate_graph(data) -> tuple[bool, list[str]]:
    """Validate an rdflib Graph against ontology/shapes.ttl."""
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    problems = []
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        msg = report.value(result, SH.resultMessage)
        problems.append(f"{_short(focus)}: {msg}" + (f" (on {_short(path)})" if path else ""))
    return bool(conforms), sorted(problems)


def validate_file(path: Path) -> tuple[bool, list[str]]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such graph; run `kg build` first")
    return validate_graph(union_graph(path))


def _short(term) -> str:
    s = str(term)
    for prefix, ns in (("kgr:", "https://w3id.org/kg/id/"), ("kg:", "https://w3id.org/kg/ontology#")):
        if s.startswith(ns):
            return prefix + s[len(ns):]
    return s
