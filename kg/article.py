"""The per-article stage: everything that depends on one article only (clean, annotate, extract).

Its results are cached by the article's content and a fingerprint of this stage's code and
data (kg.execute), so what comes after it (merging, RDF, the files) lives elsewhere: changing
that must not make every article be extracted again.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import BuildError, SkippedInput
from kg.extractors import EXTRACTORS
from kg.ingest import clean_article
from kg.ingest.readers import RawArticle
from kg.mentions import annotate
from kg.model import AnnotatedDoc, Assertion

STAGES = frozenset({"sentences", "mentions"})  # what annotate() provides


@dataclass(frozen=True)
class ArticleResult:
    ann: AnnotatedDoc
    assertions: tuple[Assertion, ...]
    warnings: tuple[str, ...] = ()


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
