"""Language data, loaded from the files of `kg/lang/<code>/`, never coded."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from kg.config import LANG_DIR


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    label: str
    pattern: str
    extra: tuple[tuple[str, object], ...] = ()

    def get(self, key: str, default: object = None) -> object:
        return next((v for k, v in self.extra if k == key), default)


def read_jsonl(lang: str, name: str) -> tuple[Pattern, ...]:
    """Rows {"id", "label", "pattern", ...} of one data file, in file order."""
    rows = []
    path = LANG_DIR / lang / name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append(
                Pattern(
                    row.pop("id"),
                    row.pop("label"),
                    row.pop("pattern"),
                    tuple(sorted((k, _freeze(v)) for k, v in row.items())),
                )
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: bad pattern row ({exc})") from exc
    return tuple(rows)


def _freeze(v: object) -> object:
    return tuple(v) if isinstance(v, list) else v


@cache
def read_json(lang: str, name: str) -> dict:
    return json.loads((LANG_DIR / lang / name).read_text(encoding="utf-8"))


@cache
def compiled(lang: str, name: str, flags: int = re.IGNORECASE) -> tuple[tuple[Pattern, re.Pattern], ...]:
    """The rows of a pattern file with their regexes compiled."""
    return tuple((p, re.compile(p.pattern, flags)) for p in read_jsonl(lang, name))


@cache
def alternation(lang: str, name: str, *labels: str) -> str:
    """The patterns of a pattern file's rows with these labels, as one regex alternation (file
    order: where one alternative is a prefix of another, the longer must come first)."""
    found = [p.pattern for p in read_jsonl(lang, name) if p.label in labels]
    if not found:
        raise ValueError(f"{LANG_DIR / lang / name}: no row labelled {', '.join(labels)}")
    return "|".join(found)


@cache
def words(lang: str, name: str) -> frozenset[str]:
    """A plain word list (one entry a line, '#' comments), lower-cased."""
    text = (LANG_DIR / lang / name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )
