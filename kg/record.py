"""The last build's record (out/.build.json): what it was made of and what it wrote.

A build whose inputs, code and settings are all those of the last build, and whose outputs
are still as that build left them, keeps them: it would write the same bytes again (builds
are deterministic), which takes a large archive tens of seconds.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import cache
from pathlib import Path

from kg.config import PACKAGE_DIR, Settings, hash_files, ontology_dir

RECORD = ".build.json"
FORMAT = 1
COUNTS = ("articles", "entities", "events", "statements", "triples", "cached")


@cache
def code_digest() -> str:
    """A hash of everything the outputs depend on besides the inputs: kg's code and data, the ontology."""
    h = hashlib.sha256()
    for root in (PACKAGE_DIR, ontology_dir()):
        hash_files(h, sorted(root.rglob("*")), root)
    return h.hexdigest()


def inputs_digest(keys: list[tuple[str, str | None]]) -> str | None:
    """A hash of every input's id and content key; None when a file could not be read (the build
    reports it, and tries it again next time)."""
    h = hashlib.sha256()
    for doc_id, key in sorted(keys):
        if key is None:
            return None
        h.update(f"{doc_id}\0{key}\n".encode())
    return h.hexdigest()


def _state(path: Path) -> list:
    """What identifies an output as the one written: a file's size and time, the store's folder."""
    if path.is_symlink():
        return ["link", os.readlink(path), path.exists()]  # the store's folder, and that it is still there
    st = path.stat()
    return ["file", st.st_size, st.st_mtime_ns]


def write_record(out: Path, inputs: str, settings: Settings, result) -> None:
    from kg.rdf.serialize import atomic_write
    from kg.store import NAMES_FILE

    written = dict(result.files, names=out / NAMES_FILE)
    data = {
        "format": FORMAT, "inputs": inputs, "code": code_digest(), "settings": asdict(settings),
        "counts": {k: getattr(result, k) for k in COUNTS}, "warnings": list(result.warnings),
        "files": {kind: [path.name, _state(path)] for kind, path in sorted(written.items())},
    }
    atomic_write(out / RECORD, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def unchanged(out: Path, inputs: str | None, settings: Settings) -> dict | None:
    """The last build's record when this build would make exactly its outputs, and they are all
    still there as it wrote them; else None (and the build runs)."""
    if inputs is None:
        return None
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        if (data.get("format") != FORMAT or data["inputs"] != inputs or data["settings"] != asdict(settings)
                or data["code"] != code_digest()):
            return None
        for name, state in data["files"].values():
            if _state(out / name) != state:
                return None
        return data
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, or one this version cannot read: build
