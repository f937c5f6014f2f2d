"""kg export: the built graph in the formats other tools read.

RDF (ttl, nt, nq, trig, jsonld) carries everything; graphml and gexf (Gephi, yEd, Cytoscape)
and csv (spreadsheets) carry the network projection: entities and their binary edges with
dates and the number of articles and outlets behind each.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.store import RDF_TYPE, Graph, open_graph

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv")
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
CSV_COLUMNS = ("source", "source_label", "source_type", "predicate", "target", "target_label", "target_type",
               "dates", "articles", "outlets", "hedged", "denied")


def export(graph: Graph | Path | str, fmt: str) -> bytes:
    """The graph in format `fmt` (one of FORMATS), as bytes, in a fixed order."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if not isinstance(graph, Graph):
        graph = open_graph(graph)
    if fmt in RDF_FORMATS or fmt == "jsonld":
        return _rdf(graph, fmt)
    from kg.analytics import projection

    net = projection(graph)
    if fmt == "csv":
        return _csv(net)
    return _network_file(net, fmt)


def _quads(graph: Graph) -> list:
    return sorted(graph.store.quads_for_pattern(None, None, None),
                  key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _rdf(graph: Graph, fmt: str) -> bytes:
    quads = _quads(graph)
    prefixes = graph.prefixes()
    if fmt in ("nq", "trig"):
        kw = {"prefixes": prefixes} if fmt == "trig" else {}
        return ox.serialize(quads, format=RDF_FORMATS[fmt], **kw)
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if fmt == "ttl":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return _jsonld(quads)


def _jsonld(quads: list) -> bytes:
    """Flattened JSON-LD with full IRIs, named graphs kept, every array sorted: byte-stable,
    which rdflib's writer is not (its order follows Python's set iteration)."""
    graphs: dict[str, dict[str, dict[str, list]]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        node = graphs.setdefault(g, {}).setdefault(_id(q.subject), {})
        if q.predicate.value == RDF_TYPE:
            node.setdefault("@type", []).append(q.object.value)
        else:
            node.setdefault(q.predicate.value, []).append(_value(q.object))

    def objects(nodes: dict[str, dict[str, list]]) -> list[dict]:
        out = []
        for iri in sorted(nodes):
            props = nodes[iri]
            obj = {"@id": iri}
            for key in sorted(props):
                obj[key] = sorted(props[key], key=lambda v: json.dumps(v, sort_keys=True))
            out.append(obj)
        return out

    doc = objects(graphs.get("", {}))
    doc += [{"@id": g, "@graph": objects(graphs[g])} for g in sorted(graphs) if g]
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _value(term) -> dict:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": term.datatype.value}
    return {"@id": _id(term)}


def _flat(net):
    """A copy whose attributes are all scalars, as GraphML and GEXF require."""
    flat = net.copy()
    for _s, _t, data in flat.edges(data=True):
        data["dates"] = " ".join(data.get("dates", ()))
    return flat


def _network_file(net, fmt: str) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    flat = _flat(net)
    if fmt == "graphml":
        nx.write_graphml(flat, buf, encoding="utf-8")
    else:
        nx.write_gexf(flat, buf, encoding="utf-8")
        # networkx stamps today's date into the file; the same graph must give the same bytes
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)
    return buf.getvalue()


def _csv(net) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for s, t, data in sorted(net.edges(data=True), key=lambda e: (e[0], e[2]["predicate"], e[1])):
        ns, nt = net.nodes[s], net.nodes[t]
        w.writerow([s, ns["label"], ns["type"], data["predicate"], t, nt["label"], nt["type"],
                    " ".join(data["dates"]), data["articles"], data["outlets"],
                    str(data["hedged"]).lower(), str(data["denied"]).lower()])
    return buf.getvalue().encode("utf-8")
