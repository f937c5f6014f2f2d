"""One IRI per real-world entity, whatever name each article gives it.

Document-level keys ("known:Russia", "person:sergeilavrov", "name:lavrov") become global
entities: known ones keep their knowledge-file IRI; people merge by name key, and a
short form seen alone ("Lavrov") joins the one person whose name contains it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kg.knowledge import KnownEntity, load_known, slug
from kg.lang import read_jsonl
from kg.mentions.names import name_key, part_keys
from kg.model import MergeInput

Use = tuple[str, str, str, int]  # (document id, surface, type, how many mentions): a key's use in one article


@dataclass
class Entity:
    id: str  # IRI local name
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0  # how many mentions name it
    represents: str | None = None  # entity id
    capital_of: str | None = None
    iso: str | None = None


@dataclass
class EntityIndex:
    entities: dict[str, Entity]
    ids: dict[str, str]  # document-level key -> entity id
    doc_keys: dict[str, frozenset[str]]  # doc id -> the keys its mentions have

    def get(self, doc_id: str, key: str | None) -> str | None:
        """The entity a document's key stands for: a key resolves only in a document that names it."""
        if not key:
            return None
        found = self.ids.get(key) if key in self.doc_keys.get(doc_id, ()) else None
        if found is None and key.startswith("known:"):
            return self.known(key[6:])
        return found

    def known(self, ident: str) -> str | None:
        """A known entity an extractor reached without a mention (Seoul standing for South Korea)."""
        if ident not in self.entities:
            k = load_known().get(ident)
            if k is None:
                return None
            self.entities[ident] = Entity(k.id, k.type, dict(k.labels), set(k.aliases), 0, k.represents,
                                          k.capital_of, k.iso)
        return ident


def resolve_entities(articles: list[MergeInput]) -> EntityIndex:
    """Merge the names of every article (in the order given: the build sorts them by id) into
    global entities."""
    known = load_known()
    groups: dict[str, list[Use]] = defaultdict(list)
    doc_keys: dict[str, frozenset[str]] = {}
    for art in articles:
        doc = art.id
        for key, surface, type_, n in art.names:
            groups[key].append((doc, surface, type_, n))
        doc_keys[doc] = frozenset(key for key, _, _, _ in art.names)
    # each key's distinct surface forms, in the order they first come: what the rules below read
    # (a name is written the same way in most of the thousands of mentions of a key)
    surfaces = {key: tuple(dict.fromkeys(s for _, s, _, _ in uses)) for key, uses in groups.items()}
    persons = {k for k in groups if k.startswith("person:") and len(_parts(surfaces[k])) > 1}
    alias_of = _short_form_targets(surfaces, persons)
    named = _names_of_typed(surfaces)
    entities: dict[str, Entity] = {}
    key_to_id: dict[str, str] = {}
    taken: set[str] = set(known)
    for key in sorted(groups):
        target = alias_of.get(key) or (named.get(key[5:]) if key.startswith("name:") else None)
        if key.startswith("name:") and target is None:
            continue  # a capitalised run nothing vouches for is not an entity
        if target:
            continue  # linked in the second pass
        ent = _make_entity(key, groups[key], known, taken)
        entities[ent.id] = ent
        key_to_id[key] = ent.id
    for key in sorted(groups):
        target = alias_of.get(key) or (named.get(key[5:]) if key.startswith("name:") else None)
        if target and target in key_to_id:
            key_to_id[key] = key_to_id[target]
            entities[key_to_id[target]].mentions += sum(n for _, _, _, n in groups[key])
    forms: dict[str, set[str]] = defaultdict(set)  # entity id -> the surfaces of its keys
    for key, ident in key_to_id.items():
        forms[ident].update(surfaces[key])
    for ent in entities.values():
        _label(ent, forms[ent.id])
    return EntityIndex(entities, key_to_id, doc_keys)


def _parts(surfaces: tuple[str, ...]) -> tuple[str, ...]:
    return max((part_keys(s) for s in surfaces), key=len)


def _short_form_targets(surfaces: dict[str, tuple[str, ...]], persons: set[str]) -> dict[str, str]:
    """'person:kim' or 'name:lavrov' -> the one multi-word person whose name has those parts."""
    by_rest: dict[str, list[str]] = {}
    by_part: dict[str, set[str]] = {}
    for p in sorted(persons):  # indexes, so that each short form costs its own parts, not all persons
        by_rest.setdefault(p.split(":", 1)[1], []).append(p)
        for part in _parts(surfaces[p]):
            by_part.setdefault(part, set()).add(p)
    out = {}
    for key in surfaces:
        if key in persons or not key.startswith(("person:", "name:")):
            continue
        surface_parts = part_keys(surfaces[key][0])
        cands = by_rest.get(key.split(":", 1)[1], [])
        if not cands and surface_parts:
            found = set(by_part.get(surface_parts[0], set()))
            for x in surface_parts[1:]:
                found &= by_part.get(x, set())
            cands = sorted(found)
        if len(cands) == 1:
            out[key] = cands[0]
    return out


def _names_of_typed(surfaces: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """name key -> the typed (non-person) key with that name, for 'name:' mentions."""
    out = {}
    for key, forms in sorted(surfaces.items()):
        if key.startswith(("name:", "person:")):
            continue
        for s in forms:
            out.setdefault(name_key(s), key)
    return out


def _make_entity(key: str, uses: list[Use], known: dict[str, KnownEntity], taken: set[str]) -> Entity:
    kind, _, rest = key.partition(":")
    count = sum(n for _, _, _, n in uses)
    if kind == "known":
        k = known[rest]
        return Entity(k.id, k.type, dict(k.labels), set(k.aliases), count, k.represents, k.capital_of, k.iso)
    if kind == "item":
        row = next(p for p in read_jsonl("id", "items.jsonl") if p.id == rest)
        en = str(row.get("en"))
        return Entity(slug(en.capitalize()), str(row.get("type")), {"id": row.label, "en": en}, set(), count)
    types: Counter[str] = Counter()  # in the order of first use: most_common breaks ties by it
    for _, _, type_, n in uses:
        types[type_] += n
    type_ = types.most_common(1)[0][0]
    ent = Entity("", type_, {}, set(), count)
    if kind == "org" and "|" in rest:
        body, country = rest.split("|", 1)
        ent.represents = country.split(":", 1)[1]
        ministry = next((p for p in read_jsonl("id", "ministries.jsonl") if p.id == body), None)
        if ministry is not None:
            c = known.get(ent.represents)
            cname_id = c.labels.get("id", c.id) if c else ent.represents
            cname_en = c.labels.get("en", c.id) if c else ent.represents
            ent.labels = {"id": f"{ministry.label} {cname_id}", "en": f"{ministry.get('en')} of {cname_en}"}
    preferred = ent.labels.get("id") or _preferred_surface(uses)
    ident = slug(preferred)
    if ident in taken:
        ident = f"{ident}_{hashlib.sha1(key.encode()).hexdigest()[:6]}"
    taken.add(ident)
    ent.id = ident
    if not ent.labels:
        ent.labels = {"id": preferred, "en": preferred} if type_ == "Person" else {"id": preferred}
    return ent


def _preferred_surface(uses: list[Use]) -> str:
    """The form most articles use; full names before short forms, names before acronyms."""
    articles: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    for doc, surface, _, n in uses:
        s = _tidy(surface)
        articles[s].add(doc)
        count[s] += n
    return min(articles, key=lambda s: (s.isupper(), -len(s.split()), -len(articles[s]), -count[s], s))


@lru_cache(maxsize=65536)
def _tidy(surface: str) -> str:
    """A surface form as a label: one line, without parenthesised asides ("Kemlu (AL) AS")."""
    return re.sub(r"\s+", " ", re.sub(r"\s*\([^)]*\)", "", surface)).strip()


def _label(ent: Entity, surfaces: set[str]) -> None:
    """Every surface of the entity's mentions not its label is an alias."""
    preferred = set(ent.labels.values())
    ent.aliases |= {_tidy(s) for s in surfaces}
    ent.aliases -= preferred
