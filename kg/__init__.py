"""kg: an offline knowledge-graph builder for news articles (Indonesian first).

Public API: build, validate, entities; model types. Nothing runs at import.
"""

from __future__ import annotations

import logging

from kg.errors import InputError, KgError, QueryError, SkippedInput
from kg.model import AnnotatedDoc, Assertion, Document, Evidence, Mention, Metadata, Sentence
from kg.pipeline import BuildResult, build

__all__ = [
    "build", "BuildResult", "validate", "entities",
    "Document", "Metadata", "Sentence", "Mention", "Assertion", "Evidence", "AnnotatedDoc",
    "KgError", "InputError", "SkippedInput", "QueryError",
]
__version__ = "0.1.0"

logging.getLogger("kg").addHandler(logging.NullHandler())


def validate(path):
    """SHACL-validate a built graph file against ontology/shapes.ttl: (conforms, violations)."""
    from kg.validate import validate_file

    return validate_file(path)


def entities(path, type_: str | None = None):
    """The entities of a built graph: (iri, type, label, mention count, aliases), most mentioned first."""
    from kg.inspect import list_entities

    return list_entities(path, type_)
