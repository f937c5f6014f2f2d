"""Offices held: "Menteri Luar Negeri Rusia Sergei Lavrov" -> position, represents."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import AnnotatedDoc, Assertion, Evidence, make_assertion


class OfficesExtractor:
    name = "offices"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        for app in ann.appositions:
            if app.title is None:
                continue
            ev = Evidence(ann.doc.id, app.start, app.end, f"{self.name}@{self.version}", app.rule)
            yield make_assertion(
                "position", ev, {"subject": [app.person], "represents": [app.represents] if app.represents else []},
                {"position": app.title},
            )
