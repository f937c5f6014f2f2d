"""One node per real event: the same meeting told by several articles merges; another
year or another city stays apart."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from kg.knowledge import slug
from kg.model import Assertion, Evidence
from kg.resolve.entities import EntityIndex
from kg.text.dates import dates_agree

EVENT_KINDS = ("meeting", "visit", "supply")
# roles that make two reports the same event (the rest is detail)
EVENT_ROLES = {"participant", "agent", "destination", "supplier", "recipient", "item"}
IDENTITY = {"meeting": ("participant",), "visit": ("agent", "destination"), "supply": ("supplier", "recipient", "item")}


@dataclass
class Event:
    id: str
    kind: str
    roles: dict[str, tuple[str, ...]]
    date: str | None = None
    date_inferred: bool = False
    place: str | None = None
    place_inferred: bool = False
    hedged: bool = False
    planned: bool = False
    asserted_by: set[str] = field(default_factory=set)
    denied_by: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)  # keys of the assertions merged here


def resolve_events(assertions: list[Assertion], index: EntityIndex) -> list[Event]:
    """Map roles to global entities, then merge compatible reports of one event."""
    reports = []
    for a in assertions:
        if a.kind not in EVENT_KINDS:
            continue
        doc = a.evidence.doc_id
        roles = {r: tuple(sorted({e for k in keys if (e := index.get(doc, k))}))
                 for r, keys in a.roles if r in EVENT_ROLES}
        if any(not roles.get(r) for r in IDENTITY[a.kind] if r != "recipient"):
            continue
        if a.kind == "meeting" and len(roles["participant"]) < 2:
            continue
        values = dict(a.values)  # read here once: each report is asked for half a dozen of them
        place = index.get(doc, values.get("place"))
        reports.append((a, roles, place, values, _identity(a.kind, roles)))
    reports.sort(key=lambda r: (r[0].kind, r[4], -len(str(r[3].get("date") or "")),
                                r[0].evidence.doc_id, r[0].evidence.start))
    events: list[Event] = []
    # candidates share kind, identity roles and plannedness: bucket by them, so merging stays
    # linear in the number of reports instead of comparing every pair
    buckets: dict[tuple, list[Event]] = {}
    for a, roles, place, values, identity in reports:
        date = values.get("date")
        planned = bool(values.get("planned"))
        bucket = buckets.setdefault((a.kind, identity, planned), [])
        match = next((e for e in bucket if _dates_agree(a.kind, e.date, date) and _places_agree(e, place, a)
                      and not _before(e.date, values.get("not_before"))), None)
        if match is None:
            match = Event("", a.kind, roles, planned=planned)
            events.append(match)
            bucket.append(match)
        _absorb(match, a, roles, place, values, index)
    for e in events:
        e.id = _event_id(e, index)
    return sorted(events, key=lambda e: e.id)


VISIT_DAYS = 3  # a visit lasts days: its arrival and its talks, told on different days, are one visit


def _dates_agree(kind: str, a: str | None, b: str | None) -> bool:
    if dates_agree(a, b):
        return True
    if kind != "visit" or a is None or b is None or len(a) != 10 or len(b) != 10:
        return False
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= VISIT_DAYS


def _before(date: str | None, earliest: str | None) -> bool:
    """Whether an event's day is before the day a report's event cannot precede ("Dalam kunjungan
    itu, …" after a trip begun on the 17th is not the meeting of the 4th of that month)."""
    return bool(date and earliest and len(date) == 10 and date < earliest)


def _identity(kind: str, roles: dict) -> tuple:
    return tuple(tuple(roles.get(r, ())) for r in IDENTITY[kind])


def _places_agree(e: Event, place: str | None, a: Assertion) -> bool:
    if e.place is None or place is None:
        return True
    if e.place == place:
        return True
    # an inferred place yields to a stated one only when the dates pin it to the same day
    return False


def _absorb(e: Event, a: Assertion, roles: dict, place: str | None, values: dict, index: EntityIndex) -> None:
    date = values.get("date")
    inferred_date = bool(values.get("date_inferred"))
    if date and (e.date is None or (len(date) > len(e.date) and not inferred_date) or (e.date_inferred and not inferred_date)
                 or (e.kind == "visit" and len(date) == len(e.date) == 10 and date < e.date and not inferred_date)):
        e.date, e.date_inferred = date, inferred_date  # of days a visit is told on, the first
    inferred_place = bool(values.get("place_inferred"))
    if place and (e.place is None or (e.place_inferred and not inferred_place)):
        e.place, e.place_inferred = place, inferred_place
    for r, ids in roles.items():
        if r not in IDENTITY[e.kind]:
            e.roles[r] = tuple(sorted(set(e.roles.get(r, ())) | set(ids)))
    doc = a.evidence.doc_id
    e.hedged = e.hedged or bool(values.get("hedged"))
    e.asserted_by |= {x for k in a.role("asserter") if (x := index.get(doc, k))}
    e.denied_by |= {x for k in a.role("denier") if (x := index.get(doc, k))}
    e.evidence.append(a.evidence)


def _event_id(e: Event, index: EntityIndex) -> str:
    people = "_".join(x for r in IDENTITY[e.kind] for x in e.roles.get(r, ()))
    key = f"{e.kind}|{people}|{e.date}|{e.place}|{e.planned}"
    short = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"{e.kind}/{slug(e.date or 'undated')}_{short}"
