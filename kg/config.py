"""Settings threaded through the stages, and where the shipped data lives."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
LANG_DIR = PACKAGE_DIR / "lang"


def ontology_dir() -> Path:
    """The ontology folder: the checkout's own, or the copy shipped in the wheel."""
    checkout = PACKAGE_DIR.parent / "ontology"
    return checkout if checkout.is_dir() else PACKAGE_DIR / "_ontology"


def hash_files(h, files: Iterable[Path], root: Path) -> None:
    """Fold each file's path under `root` and its content into the hash `h` (Python's compiled
    caches left out): what the build's cache and its record know kg's code and data by."""
    for f in files:
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())


@dataclass(frozen=True, slots=True)
class Settings:
    base_iri: str = "https://w3id.org/kg/id/"
    language: str = "id"
    html: bool = True  # write out/graph.html with the graph files
