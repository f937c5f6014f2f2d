"""The prefixes of the output files and of query results (no imports: the query commands load it)."""

PREFIXES = {
    "kg": "https://w3id.org/kg/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def output_prefixes(base: str) -> dict[str, str]:
    """The prefixes of a build's output: PREFIXES, and kgr: for its own resources under `base`."""
    return dict(PREFIXES, kgr=base)
