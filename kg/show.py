"""kg show and kg statements: everything about one entity, and who said what according to whom."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.store import KG, Graph, open_graph

ROLE_WORDS = {"participant": "with", "agent": "by", "destination": "to", "supplier": "from",
              "recipient": "to", "item": "of"}


@dataclass(frozen=True)
class StatementView:
    """A statement and its chain: speaker — via relays — in outlet (date), citing agencies."""

    iri: str
    text: str
    direct: bool
    speaker: str
    reporters: tuple[str, ...]
    addressee: str
    outlet: str
    published: str
    cites: tuple[str, ...]
    article: str
    begin: int
    end: int
    mentions: tuple[str, ...]
    denies: tuple[str, ...]

    def chain(self) -> str:
        """'Sergei Lavrov — via TASS — in Riau24 (2024-06-16), citing Reuters'."""
        parts = [self.speaker + (f" (to {self.addressee})" if self.addressee else "")]
        if self.reporters:
            parts.append("via " + ", ".join(self.reporters))
        where = f"in {self.outlet or self.article}" + (f" ({self.published})" if self.published else "")
        if self.cites:
            where += ", citing " + ", ".join(self.cites)
        parts.append(where)
        return " — ".join(parts)


@dataclass(frozen=True)
class EventView:
    iri: str
    kind: str
    date: str
    place: str
    roles: tuple[str, ...]  # this entity's roles
    others: tuple[tuple[str, str], ...]  # (role, label)
    planned: bool
    hedged: bool
    denied_by: tuple[str, ...]
    outlets: tuple[str, ...]
    articles: int


@dataclass(frozen=True)
class EntityView:
    iri: str
    label: str
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    represents: tuple[str, ...] = ()
    mentions: int = 0
    articles: tuple[str, ...] = ()
    events: tuple[EventView, ...] = ()
    said: tuple[StatementView, ...] = ()
    said_about: tuple[StatementView, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)


def _graph(graph) -> Graph:
    return graph if isinstance(graph, Graph) else open_graph(graph)


def statements(graph: Graph | Path | str, by: str | None = None, about: str | None = None) -> list[StatementView]:
    """Statements, optionally only those by one source and/or naming one entity, with their chains."""
    graph = _graph(graph)
    speaker = graph.names.resolve(by) if by else None
    subject = graph.names.resolve(about) if about else None
    rows = graph.select("statements")  # all of them: a statement said together names every speaker
    grouped: dict[str, dict] = {}
    for r in rows:
        g = grouped.setdefault(r["statement"], {"row": r, "reporters": set(), "cites": set(), "mentions": set(),
                                                "denies": set(), "speakers": set()})
        for key, col in (("speakers", "speaker"), ("reporters", "reporter"), ("cites", "cited"), ("mentions", "mentioned"), ("denies", "denies")):
            if r[col]:
                g[key].add(r[col])
    out = []
    for iri, g in grouped.items():
        if (subject and subject not in g["mentions"]) or (speaker and speaker not in g["speakers"]):
            continue
        r = g["row"]
        out.append(StatementView(
            iri, r["text"], bool(r["direct"]), ", ".join(sorted(graph.label(x) for x in g["speakers"])),  # said together
            tuple(sorted(graph.label(x) for x in g["reporters"])),
            graph.label(r["addressee"]) if r["addressee"] else "",
            graph.label(r["outlet"]) if r["outlet"] else "", str(r["published"] or ""),
            tuple(sorted(graph.label(x) for x in g["cites"])), r["identifier"] or r["article"], r["begin"], r["end"],
            tuple(sorted(graph.label(x) for x in g["mentions"])), tuple(sorted(g["denies"])),
        ))
    return sorted(out, key=lambda s: (s.published, s.article, s.begin, s.iri))


def show(graph: Graph | Path | str, name: str) -> EntityView:
    """Everything the graph holds about the entity called `name`."""
    graph = _graph(graph)
    iri = graph.names.resolve(name)
    labels: dict[str, str] = {}
    fields: dict[str, set] = {}
    for r in graph.select("entity", entity=iri):
        if r["field"] == "label":
            labels[r["lang"] or ""] = r["value"]
        else:
            fields.setdefault(r["field"], set()).add(r["value"])
    mentions = max(fields.get("mentions", {0}))
    return EntityView(
        iri, graph.label(iri), graph.type_of(iri), labels,
        tuple(sorted(fields.get("alias", ()))), tuple(sorted(fields.get("position", ()))),
        tuple(sorted(graph.label(x) for x in fields.get("represents", ()))), int(mentions),
        tuple(sorted(fields.get("article", ()))), _events(graph, iri),
        tuple(statements(graph, by=iri)), tuple(statements(graph, about=iri)),
    )


def _events(graph: Graph, iri: str) -> tuple[EventView, ...]:
    grouped: dict[str, dict] = {}
    for r in graph.select("entity_events", entity=iri):
        g = grouped.setdefault(r["event"], {"row": r, "roles": set(), "others": set(), "denied": set(),
                                            "outlets": set(), "articles": set()})
        g["roles"].add(r["role"][len(KG):])
        if r["other"]:
            g["others"].add((r["otherRole"][len(KG):], graph.label(r["other"])))
        if r["denied"]:
            g["denied"].add(graph.label(r["denied"]))
        if r["article"]:
            g["articles"].add(r["article"])
            g["outlets"].add(graph.label(r["outlet"]) if r["outlet"] else r["article"].rsplit("/", 1)[-1])
    out = []
    for event, g in grouped.items():
        r = g["row"]
        out.append(EventView(
            event, r["class"][len(KG):], str(r["date"] or ""), graph.label(r["place"]) if r["place"] else "",
            tuple(sorted(g["roles"])), tuple(sorted(g["others"])), bool(r["planned"]), bool(r["hedged"]),
            tuple(sorted(g["denied"])), tuple(sorted(g["outlets"])), len(g["articles"]),
        ))
    return tuple(sorted(out, key=lambda e: (e.date or "9999", e.kind, e.iri)))


def format_statement(s: StatementView, width: int = 200) -> str:
    text = " ".join(s.text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    quote = f"“{text}”" if s.direct else text
    return f"{s.chain()}\n    {quote}  [{s.article}:{s.begin}-{s.end}]"


def format_entity(v: EntityView) -> str:
    """kg show's plain-text page."""
    lines = [f"{v.label}  ({v.type}, {v.iri})"]
    for lang, label in sorted(v.labels.items()):
        lines.append(f"  label@{lang or '-'}: {label}")
    if v.aliases:
        lines.append(f"  also: {', '.join(v.aliases)}")
    for pos in v.positions:
        lines.append(f"  office: {pos}" + (f" ({', '.join(v.represents)})" if v.represents else ""))
    if v.represents and not v.positions:
        lines.append(f"  represents: {', '.join(v.represents)}")
    lines.append(f"  named {v.mentions} time(s) in {len(v.articles)} article(s): {', '.join(v.articles)}")
    if v.events:
        lines.append("events:")
    for e in v.events:
        others = "; ".join(f"{ROLE_WORDS.get(role, role)} {label}" for role, label in e.others)
        flags = "".join([" [planned]" if e.planned else "", " [hedged]" if e.hedged else "",
                         f" [denied by {', '.join(e.denied_by)}]" if e.denied_by else ""])
        when = ", ".join(x for x in (e.date or "undated", e.place) if x)
        lines.append(f"  {when}: {e.kind} ({'/'.join(e.roles)}) {others}{flags} — {', '.join(e.outlets)}")
    for title, group in (("said", v.said), ("said about it", v.said_about)):
        if group:
            lines.append(f"{title}:")
            for s in group:
                lines.extend("  " + line for line in format_statement(s).splitlines())
    return "\n".join(lines)
