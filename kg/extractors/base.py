"""What every extractor is: a name, a version, what it requires, and a call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from kg.model import AnnotatedDoc, Assertion


class Extractor(Protocol):
    name: str
    version: str
    requires: frozenset[str]

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]: ...
