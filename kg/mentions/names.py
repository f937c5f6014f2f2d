"""Name keys: spelling variants of one name ("Sergey"/"Sergei", "Jong-un"/"Jong Un") share a key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, hyphens and apostrophes as breaks."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [t for t in re.split(r"[^a-z0-9]+", folded) if t]


def token_key(token: str) -> str:
    # transliterations differ in y/i (Sergey, Dmitriy) and in doubled letters (Zelenskyy)
    t = token.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


@lru_cache(maxsize=65536)  # a build asks for the same few thousand names again and again
def name_key(name: str) -> str:
    """The key two spellings of one name share."""
    return "".join(token_key(t) for t in name_tokens(name))


@lru_cache(maxsize=65536)
def part_keys(name: str) -> tuple[str, ...]:
    return tuple(token_key(t) for t in name_tokens(name))
