"""Sentences and tokens with exact character offsets into the cleaned text."""

from __future__ import annotations

import re

from kg.lang import words
from kg.model import Sentence

TOKEN_RX = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
# a sentence ends at . ! ? (plus closing quotes/brackets) before space and a capital, quote or digit
END_RX = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
OPENERS, CLOSERS = "“‘", "”’"


MAX_SENTENCE = 1000  # characters; news sentences run to a few hundred


def split_sentences(text: str) -> list[Sentence]:
    """Split at line breaks and sentence ends, never after an abbreviation or inside a quote."""
    abbrevs = words("id", "abbreviations.txt")
    out: list[Sentence] = []
    for para, m in enumerate(re.finditer(r"[^\n]+", text)):
        line_start, line = m.start(), m.group(0)
        start = 0
        for end_m in END_RX.finditer(line):
            end = end_m.end()
            if end - start < MAX_SENTENCE and (
                    _after_abbreviation(line, end_m.start(), abbrevs) or _inside_quote(line[start:end])):
                continue
            _emit(out, text, line_start + start, line_start + end, para)
            start = end
        _emit(out, text, line_start + start, line_start + len(line), para)
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # a "sentence" this long is a run-on line (scraped tables, lists, no punctuation): cut it
        # at a space so that the work on each sentence stays bounded
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _emit(out, text, start, cut, para)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], para))


def _after_abbreviation(line: str, dot: int, abbrevs: frozenset[str]) -> bool:
    m = re.search(r"([\w.]+)$", line[max(0, dot - 40) : dot])  # the word before the dot, without rescanning the line
    if not m:
        return False
    word = m.group(1).lower()
    # a lone capital is an initial ("George W. Bush"); a known abbreviation continues the sentence
    return word in abbrevs or (len(word) == 1 and line[dot - 1].isupper())


def _inside_quote(chunk: str) -> bool:
    """True when a quotation opened in `chunk` is still open at its end."""
    curly = sum(chunk.count(c) for c in OPENERS) - sum(chunk.count(c) for c in CLOSERS)
    straight = chunk.count('"') % 2
    return curly > 0 or straight == 1


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, token) for the words and punctuation of text[start:end]."""
    end = len(text) if end is None else end
    return [(m.start() + start, m.end() + start, m.group(0)) for m in TOKEN_RX.finditer(text[start:end])]
