"""Known names (from the knowledge files) and item words, matched over tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.knowledge import load_known
from kg.lang import compiled, read_jsonl
from kg.text.sentences import TOKEN_RX


@dataclass(frozen=True, slots=True)
class Entry:
    tokens: tuple[str, ...]  # lower-case
    entity: str  # "known:<id>"
    type: str
    case_sensitive: bool  # acronyms must be written in capitals, as the file has them
    written: tuple[str, ...]


@lru_cache(maxsize=1)
def index() -> dict[str, list[Entry]]:
    """Entries by their first token, longest first."""
    by_first: dict[str, list[Entry]] = {}
    for ent in load_known().values():
        for name in sorted(ent.names()):
            written = tuple(TOKEN_RX.findall(name))
            if not written:
                continue
            acronym = len(name) <= 5 and name.replace(".", "").isupper()
            by_first.setdefault(written[0].lower(), []).append(
                Entry(tuple(t.lower() for t in written), "known:" + ent.id, ent.type, acronym, written)
            )
    for entries in by_first.values():
        entries.sort(key=lambda e: (-len(e.tokens), e.entity))
    return by_first


def match_at(toks: list[tuple[int, int, str]], i: int) -> tuple[Entry, int] | None:
    """The longest known name starting at token i, and the token index after it."""
    first = toks[i][2]
    for entry in index().get(first.lower(), ()):
        n = len(entry.tokens)
        if i + n > len(toks):
            continue
        words = [t[2] for t in toks[i : i + n]]
        if any(w.lower() != e for w, e in zip(words, entry.tokens)):
            continue
        if entry.case_sensitive and tuple(words) != entry.written:
            continue
        # a proper name is capitalised somewhere: "Korea Utara", "semenanjung Korea"
        if not entry.case_sensitive and not any(w[0].isupper() or w[0] == e[0] for w, e in zip(words, entry.written)):
            continue
        if not _contiguous(toks, i, n):
            continue
        return entry, i + n
    return None


def _contiguous(toks, i: int, n: int) -> bool:
    """No line break inside a multi-word name."""
    return all(toks[k + 1][0] - toks[k][1] <= 2 for k in range(i, i + n - 1))


@lru_cache(maxsize=1)
def item_rx() -> list[tuple[str, str, str, re.Pattern]]:
    """(item id, label, type, regex) for the supplied-item words."""
    out = []
    for pat, _rx in compiled("id", "items.jsonl"):
        out.append((pat.id, pat.label, str(pat.get("type")), re.compile(rf"\b(?:{pat.pattern})\b", re.I)))
    return out


@lru_cache(maxsize=1)
def system_rx() -> list[tuple[str, str, re.Pattern]]:
    """(item id, type, regex) for named weapon systems ("ATACMS", "Patriot", "F-16"), each with
    the item word before it if there is one ("rudal ATACMS", "sistem pertahanan udara Patriot"):
    the name, not the word, says what it is ("rudal Patriot" is air defence). Names match in
    their own case ("patriot" is a word)."""
    rows = [p for p, _rx in compiled("id", "items.jsonl") if p.get("systems")]
    return [(p.id, str(p.get("type")), re.compile(rf"\b(?:{p.get('systems')})(?![\w-])")) for p in rows]


@lru_cache(maxsize=1)
def system_head_rx() -> re.Pattern:
    """The item word right before a system's name, matched on the text before it (not what is
    spent in them: "amunisi HIMARS" is ammunition)."""
    heads = "|".join(["sistem", *(p.pattern for p, _rx in compiled("id", "items.jsonl") if not p.get("consumable"))])
    return re.compile(rf"\b(?:{heads})\s+$", re.I)


@lru_cache(maxsize=1)
def title_rx() -> list[tuple[object, re.Pattern]]:
    """(row, regex) of every title of titles.jsonl ("Menteri Luar Negeri", "Juru Bicara"), for the
    mention finder and the offices extractor alike."""
    return [(p, re.compile(rf"\b(?:{p.pattern})\b", re.I)) for p in read_jsonl("id", "titles.jsonl")]
