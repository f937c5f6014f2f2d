"""The data that flows between the pipeline's stages: frozen, slotted, plain."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of cleaned text copied verbatim from the raw text."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself: outlet, date, people, wire credits."""

    title: str | None = None
    publisher: str | None = None  # surface form, e.g. "TEMPO.CO"
    date: str | None = None  # ISO: "2023-10-19", "2023-10" or "2023"
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()  # wire agencies credited, surface forms
    url: str | None = None
    dateline_place: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned article. `text` is what every offset in the output refers to."""

    id: str  # path relative to the build root (plus "#N" for a JSONL line)
    raw: str
    text: str
    segments: tuple[Segment, ...]
    meta: Metadata = field(default_factory=Metadata)

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in the cleaned text back to the raw text."""
        for seg in self.segments:
            if seg.clean_start <= clean_offset <= seg.clean_start + seg.length:
                return seg.raw_start + clean_offset - seg.clean_start
        raise ValueError(f"offset {clean_offset} falls between segments")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity. `entity` is a document-level key, resolved later."""

    start: int
    end: int
    surface: str
    type: str  # Person, Country, Organization, NewsOrganization, GovernmentBody, Place, Weapon, Troops, Technology
    entity: str  # "known:<id>" or "<type>:<normalised name>"
    rule: str  # the cue or lexicon that found it


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    extractor: str
    rule: str


@dataclass(frozen=True, slots=True)
class Assertion:
    """A fact an extractor read in one document.

    `roles` maps a role (participant, agent, destination, supplier, recipient, item,
    speaker, reporter, asserter, denier, subject, represents, mentions) to entity keys;
    `values` holds literals (date, place precision, text, flags).
    """

    kind: str  # meeting, visit, supply, statement, position
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    values: tuple[tuple[str, object], ...]
    evidence: Evidence

    # plain loops: the merge asks these some half a million times on a large build
    def role(self, name: str) -> tuple[str, ...]:
        for k, v in self.roles:
            if k == name:
                return v
        return ()

    def value(self, name: str, default: object = None) -> object:
        for k, v in self.values:
            if k == name:
                return v
        return default


def make_assertion(kind: str, evidence: Evidence, roles: dict, values: dict) -> Assertion:
    """Build an Assertion with its maps frozen in a canonical order."""
    return Assertion(
        kind=kind,
        roles=tuple(sorted((k, tuple(v)) for k, v in roles.items() if v)),
        values=tuple(sorted((k, v) for k, v in values.items() if v is not None)),
        evidence=evidence,
    )


@dataclass(frozen=True, slots=True)
class Apposition:
    """A title before a name: "Menteri Luar Negeri Rusia Sergei Lavrov"."""

    start: int
    end: int
    person: str  # entity key of the named person
    title: str | None  # canonical office ("Menteri Luar Negeri"); None for a counterpart
    represents: str | None  # entity key of the country or body the office belongs to
    rule: str


@dataclass(frozen=True, slots=True)
class AnnotatedDoc:
    """A document with its sentences and mentions: what extractors read."""

    doc: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]  # sorted by start; nested mentions included
    appositions: tuple[Apposition, ...] = ()
    # derived once here, not at each call: extractors ask for it per sentence
    top: tuple[Mention, ...] = field(default=(), compare=False, repr=False)
    top_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        out: list[Mention] = []
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            if out and m.start >= out[-1].start and m.end <= out[-1].end:
                continue
            out.append(m)
        object.__setattr__(self, "top", tuple(out))
        object.__setattr__(self, "top_starts", tuple(m.start for m in out))

    def top_mentions(self) -> list[Mention]:
        """Mentions not inside a longer one ("Rusia" in "Kementerian Luar Negeri Rusia")."""
        return list(self.top)

    def top_mentions_in(self, start: int, end: int) -> list[Mention]:
        """Top mentions lying within [start, end)."""
        from bisect import bisect_left

        i = bisect_left(self.top_starts, start)
        out = []
        for m in self.top[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out


@dataclass(frozen=True, slots=True)
class MergeInput:
    """What the merge reads of an article, on every build and for every article: its metadata,
    the names it uses and its event and office assertions. Its text, mentions and statements
    are read only where its graph is made (kg.reuse keeps the others' graphs), so they stay
    pickled until then (kg.article.Extracted): at 10,000 articles they are two thirds of unpickling."""

    id: str
    meta: Metadata
    # (entity key, surface, type, how many mentions) for each distinct triple, in the order of
    # its first mention: what entity resolution reads (kg.resolve.entities)
    names: tuple[tuple[str, str, str, int], ...]
    facts: tuple[Assertion, ...]  # every assertion but statements, in the extractors' order


def _pickled_by_init(*classes: type) -> None:
    """Pickle each class as its constructor and field values. The __setstate__ dataclasses give
    frozen slotted classes calls fields() for every object; the build's cache unpickles hundreds
    of thousands of mentions and assertions, and that call was most of reading it. Derived
    fields (compare=False) are left out: __post_init__ makes them again."""
    for cls in classes:
        names = tuple(f.name for f in fields(cls) if f.compare)

        def __reduce__(self, names=names):
            return (type(self), tuple([getattr(self, n) for n in names]))

        cls.__reduce__ = __reduce__


_pickled_by_init(Segment, Metadata, Document, Sentence, Mention, Evidence, Assertion, Apposition, AnnotatedDoc,
                 MergeInput)
