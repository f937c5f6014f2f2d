"""Entity names as a person types them: `Lavrov`, `Choe_Son_Hui`, `choe son-hui`, `Korut`.

A name matches an entity when its key (case, accents, hyphens, underscores, y/i and doubled
letters folded) equals the key of one of the entity's labels, aliases or IRI; failing that,
when every word of it is a word of one entity's names. Two or more matches are ambiguous.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.mentions.names import name_key, part_keys


class UnknownName(InputError):
    """No entity has this name."""


class AmbiguousName(InputError):
    """Several entities have this name; the message lists them."""

    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


@dataclass
class NameIndex:
    """iri -> (label, type), and name keys and word keys -> iris."""

    entities: dict[str, tuple[str, str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_entities(cls, entities: dict[str, tuple[str, str, list[str]]]) -> NameIndex:
        """From iri -> (label, type, names) (see kg.store.entity_names)."""
        keys: dict[str, set[str]] = {}
        parts: dict[str, set[str]] = {}
        for iri, (_label, _type, names) in entities.items():
            for name in names:
                keys.setdefault(name_key(name.replace("_", " ")), set()).add(iri)
                for part in part_keys(name.replace("_", " ")):
                    parts.setdefault(part, set()).add(iri)
        return cls(
            {iri: (label, type_) for iri, (label, type_, _n) in sorted(entities.items())},
            {k: sorted(v) for k, v in sorted(keys.items()) if k},
            {k: sorted(v) for k, v in sorted(parts.items()) if k},
        )

    def to_json(self) -> str:
        data = {"entities": self.entities, "keys": self.keys, "parts": self.parts}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> NameIndex:
        data = json.loads(text)
        return cls({k: tuple(v) for k, v in data["entities"].items()}, data["keys"], data["parts"])

    def label(self, iri: str) -> str:
        return self.entities.get(iri, (iri.rsplit("/", 1)[-1].replace("_", " "), ""))[0]

    def type_of(self, iri: str) -> str:
        return self.entities.get(iri, ("", ""))[1]

    def candidates(self, name: str) -> list[str]:
        """Every entity the name could mean, best matches only."""
        if name in self.entities:
            return [name]
        text = name.replace("_", " ").strip()
        exact = self.keys.get(name_key(text), [])
        if exact:
            return list(exact)
        words = part_keys(text)
        if not words:
            return []
        found = set(self.parts.get(words[0], []))
        for w in words[1:]:
            found &= set(self.parts.get(w, []))
        return sorted(found)

    def resolve(self, name: str) -> str:
        """The one entity `name` means; UnknownName or AmbiguousName (exit 2) otherwise."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if found:
            listed = "; ".join(f"{self.label(i)} ({self.type_of(i)}, {i.rsplit('/', 1)[-1]})" for i in found[:10])
            raise AmbiguousName(f"{name!r} is ambiguous: {listed}", found)
        close = difflib.get_close_matches(name_key(name.replace("_", " ")), list(self.keys), n=3, cutoff=0.75)
        hint = {self.label(i) for k in close for i in self.keys[k]}
        suggestion = f"; did you mean {', '.join(sorted(hint))}?" if hint else ""
        raise UnknownName(f"no entity named {name!r} in the graph{suggestion}")
