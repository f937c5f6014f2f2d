"""Offices held: "Menteri Luar Negeri Rusia Sergei Lavrov" -> position, represents; and an office
a sentence says someone holds or took: "Shoigu kini menjabat Sekretaris Dewan Keamanan Rusia"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.common import actor_key, cue_words, find_cues, in_span, negated, subject_of
from kg.mentions.gazetteer import title_rx
from kg.model import AnnotatedDoc, Assertion, Evidence, make_assertion

PAST = re.compile(r"\b(?:sebelumnya|pernah|dulu|dahulu|sempat)\s+(?:\w+\s+)?$", re.I)
RELATIVE_BEFORE = re.compile(rf",\s+yang\s+(?:(?:{cue_words('office-adverb')})\s+)?$", re.I)
DEPUTY = re.compile(r"Wakil\s+", re.I)
SPACE = re.compile(r"\s*")
# what an office acts for, named right after it: "Sekretaris Dewan Keamanan Rusia"
BODIES = {"Country", "GovernmentBody", "Organization"}


class OfficesExtractor:
    name = "offices"
    version = "1"
    requires = frozenset({"sentences", "mentions"})

    def __call__(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        for app in ann.appositions:
            if app.title is None:
                continue
            ev = Evidence(ann.doc.id, app.start, app.end, f"{self.name}@{self.version}", app.rule)
            yield make_assertion(
                "position", ev, {"subject": [app.person], "represents": [app.represents] if app.represents else []},
                {"position": app.title},
            )
        yield from self._taken(ann)

    def _taken(self, ann: AnnotatedDoc) -> Iterator[Assertion]:
        """"X menjabat (sebagai) TITLE", "X dilantik menjadi TITLE": X holds it (not "tidak lagi menjabat")."""
        text = ann.doc.text
        held = {app.start for app in ann.appositions if app.title}  # "menjabat Presiden Prabowo": Prabowo's
        for sent in ann.sentences:
            for rule, start, end in find_cues("office-verb", text[sent.start : sent.end], sent.start):
                if negated(text, start, sent.start):
                    continue
                title = _title_at(text, end)
                if title is None or any(end <= h <= end + 1 for h in held):
                    continue
                label, title_end = title
                if PAST.search(text, max(sent.start, start - 25), start):
                    label = f"Mantan {label}"  # "sebelumnya menjabat …": held once
                rel = RELATIVE_BEFORE.search(text, max(sent.start, start - 40), start)
                # "Kostin, yang menjabat sebagai Jaksa Agung, bertemu Roberts": the name the clause describes
                who = next((m for m in in_span(ann, sent.start, rel.start(), {"Person"}) if m.end == rel.start()), None) \
                    if rel else subject_of(ann, sent, start, exclude=None)
                if who is None:
                    continue
                body = next(iter(in_span(ann, title_end, min(sent.end, title_end + 60))), None)
                represents = actor_key(body) if body is not None and body.type in BODIES and \
                    not text[title_end : body.start].strip() else None
                ev = Evidence(ann.doc.id, sent.start, sent.end, f"{self.name}@{self.version}", rule)
                yield make_assertion("position", ev, {"subject": [who.entity], "represents": [represents] if represents else []},
                                     {"position": label})


def _title_at(text: str, pos: int) -> tuple[str, int] | None:
    """The longest title starting at `pos`, past the space there (its label and end)."""
    pos = SPACE.match(text, pos).end()
    deputy = DEPUTY.match(text, pos)
    at = deputy.end() if deputy else pos
    found = [(m.end(), p.label) for p, rx in title_rx() if p.get("position") is not False and (m := rx.match(text, at))]
    if not found:
        return None
    end, label = max(found)
    return (f"Wakil {label}" if deputy and not label.startswith("Wakil") else label), end
