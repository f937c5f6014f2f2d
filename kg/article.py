"""The per-article stage: everything that depends on one article only (clean, annotate, extract).

Its results are cached by the article's content and a fingerprint of this stage's code and
data (kg.execute), so what comes after it (merging, RDF, the files) lives elsewhere: changing
that must not make every article be extracted again.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass

from kg.errors import BuildError, SkippedInput
from kg.extractors import EXTRACTORS
from kg.ingest import clean_article
from kg.ingest.readers import RawArticle
from kg.mentions import annotate
from kg.model import AnnotatedDoc, Assertion, MergeInput

STAGES = frozenset({"sentences", "mentions"})  # what annotate() provides


@dataclass(frozen=True)
class ArticleResult:
    ann: AnnotatedDoc
    assertions: tuple[Assertion, ...]
    warnings: tuple[str, ...] = ()


def merge_input(ann: AnnotatedDoc, assertions: tuple[Assertion, ...] = ()) -> MergeInput:
    """What the merge reads of an annotated article and its assertions."""
    names: dict[tuple[str, str, str], int] = {}
    for m in ann.mentions:
        k = (m.entity, m.surface, m.type)
        names[k] = names.get(k, 0) + 1
    return MergeInput(ann.doc.id, ann.doc.meta, tuple(k + (n,) for k, n in names.items()),
                      tuple(a for a in assertions if a.kind != "statement"))


class Extracted:
    """An article's result as the build holds it: its MergeInput, and the whole result, made
    from its pickle the first time it is asked for. Pickled (to the cache, from a worker), the
    result goes as the bytes of its own pickle, made once."""

    __slots__ = ("input", "_result", "_pickled")

    def __init__(self, input: MergeInput, result: ArticleResult | None = None, pickled: bytes | None = None):
        if result is None and pickled is None:
            raise ValueError("an Extracted needs its result or the result's pickle")
        self.input, self._result, self._pickled = input, result, pickled

    @classmethod
    def of(cls, result: ArticleResult) -> Extracted:
        return cls(merge_input(result.ann, result.assertions), result)

    @property
    def id(self) -> str:
        return self.input.id

    def result(self) -> ArticleResult:
        if self._result is None:
            self._result, self._pickled = pickle.loads(self._pickled), None  # one copy is enough
        return self._result

    def __reduce__(self):
        if self._pickled is None:
            self._pickled = pickle.dumps(self._result, protocol=pickle.HIGHEST_PROTOCOL)
        return (Extracted, (self.input, None, self._pickled))

    def __eq__(self, other) -> bool:
        return isinstance(other, Extracted) and self.input == other.input and self.result() == other.result()

    __hash__ = None


def check_requirements() -> None:
    """Fail early when an extractor needs a stage the pipeline does not run."""
    for ex in EXTRACTORS:
        missing = set(ex.requires) - STAGES
        if missing:
            raise BuildError(f"extractor {ex.name} requires {', '.join(sorted(missing))}, which no stage provides")


def process_article(raw: RawArticle) -> ArticleResult:
    """Everything that depends on one article only. Raises SkippedInput for an article with no text."""
    doc = clean_article(raw)
    if not doc.text.strip():
        raise SkippedInput(f"{raw.id}: skipped, nothing is left once page furniture is removed")
    ann = annotate(doc)
    assertions: list[Assertion] = []
    for ex in EXTRACTORS:
        assertions.extend(ex(ann))
    return ArticleResult(ann, tuple(assertions), raw.warnings)
