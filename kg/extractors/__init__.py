"""Extractors: one module per relation family, listed in one explicit table."""

from __future__ import annotations

from kg.extractors.base import Extractor
from kg.extractors.offices import OfficesExtractor

EXTRACTORS: tuple[Extractor, ...] = (OfficesExtractor(),)

__all__ = ["EXTRACTORS", "Extractor"]
