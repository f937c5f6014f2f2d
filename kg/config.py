"""Settings threaded through the stages, and where the shipped data lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
LANG_DIR = PACKAGE_DIR / "lang"


def ontology_dir() -> Path:
    """The ontology folder: the checkout's own, or the copy shipped in the wheel."""
    checkout = PACKAGE_DIR.parent / "ontology"
    return checkout if checkout.is_dir() else PACKAGE_DIR / "_ontology"


@dataclass(frozen=True, slots=True)
class Settings:
    base_iri: str = "https://w3id.org/kg/id/"
    language: str = "id"
    html: bool = True  # write out/graph.html with the graph files
