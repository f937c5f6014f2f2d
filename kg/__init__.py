"""kg: an offline knowledge-graph builder for news articles (Indonesian first).

Public API: build, open_graph, path, centrality, query, show, statements, export, render,
validate, entities; model types. Nothing runs at import, and nothing heavy is imported
until it is used, so that the query commands start fast.
"""

from __future__ import annotations

import importlib
import logging

from kg.errors import InputError, KgError, QueryError, SkippedInput

__all__ = [
    "build", "BuildResult", "open_graph", "Graph", "path", "centrality", "query", "show", "statements",
    "export", "render", "validate", "entities",
    "Document", "Metadata", "Sentence", "Mention", "Assertion", "Evidence", "AnnotatedDoc",
    "KgError", "InputError", "SkippedInput", "QueryError",
]
__version__ = "0.1.0"

logging.getLogger("kg").addHandler(logging.NullHandler())

_LAZY = {
    "build": "kg.pipeline", "BuildResult": "kg.pipeline",
    "open_graph": "kg.store", "Graph": "kg.store",
    "path": "kg.paths", "centrality": "kg.analytics", "query": "kg.query", "show": "kg.show",
    "statements": "kg.show", "export": "kg.export", "render": "kg.viz",
    "Document": "kg.model", "Metadata": "kg.model", "Sentence": "kg.model", "Mention": "kg.model",
    "Assertion": "kg.model", "Evidence": "kg.model", "AnnotatedDoc": "kg.model",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def validate(path):
    """SHACL-validate a built graph file against ontology/shapes.ttl: (conforms, violations)."""
    from kg.validate import validate_file

    return validate_file(path)


def entities(path, type_: str | None = None):
    """The entities of a built graph: (iri, type, label, mention count, aliases), most mentioned first."""
    from kg.inspect import list_entities

    return list_entities(path, type_)
