"""The kg vocabulary as a DefinedNamespace: a typo raises instead of minting a new term.

tests/rdf/test_vocab.py checks it term for term against ontology/kg.ttl.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

KGR = Namespace("https://w3id.org/kg/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


class KG(DefinedNamespace):
    """Classes and properties of https://w3id.org/kg/ontology#."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    Agent: URIRef
    Article: URIRef
    Country: URIRef
    Entity: URIRef
    Event: URIRef
    GovernmentBody: URIRef
    Item: URIRef
    Meeting: URIRef
    NewsOrganization: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Statement: URIRef
    Supply: URIRef
    Technology: URIRef
    Troops: URIRef
    Visit: URIRef
    Weapon: URIRef

    addressee: URIRef
    agent: URIRef
    assertedBy: URIRef
    basedIn: URIRef
    capitalOf: URIRef
    cites: URIRef
    context: URIRef
    date: URIRef
    dateInferred: URIRef
    dateline: URIRef
    deniedBy: URIRef
    denies: URIRef
    destination: URIRef
    directQuote: URIRef
    domain: URIRef
    evidence: URIRef
    extractor: URIRef
    hedged: URIRef
    isoCode: URIRef
    item: URIRef
    mentionCount: URIRef
    mentions: URIRef
    met: URIRef
    participant: URIRef
    place: URIRef
    placeInferred: URIRef
    planned: URIRef
    position: URIRef
    recipient: URIRef
    reportedBy: URIRef
    represents: URIRef
    rule: URIRef
    supplied: URIRef
    suppliedTo: URIRef
    supplier: URIRef
    text: URIRef
    visited: URIRef
    wireService: URIRef
