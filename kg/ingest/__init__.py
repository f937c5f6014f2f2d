"""Files -> Documents: find the inputs, read each format, clean, extract metadata."""

from __future__ import annotations

from kg.ingest.clean import clean_article
from kg.ingest.readers import RawArticle, collect, read_path

__all__ = ["RawArticle", "collect", "read_path", "clean_article"]
