"""Extractors: one module per relation family, listed in one explicit table."""

from __future__ import annotations

from kg.extractors.base import Extractor
from kg.extractors.meetings import MeetingsExtractor
from kg.extractors.offices import OfficesExtractor
from kg.extractors.statements import StatementsExtractor
from kg.extractors.supplies import SuppliesExtractor
from kg.extractors.visits import VisitsExtractor

EXTRACTORS: tuple[Extractor, ...] = (
    OfficesExtractor(),
    MeetingsExtractor(),
    VisitsExtractor(),
    SuppliesExtractor(),
    StatementsExtractor(),
)

__all__ = ["EXTRACTORS", "Extractor"]
