"""World knowledge: known entities read from the Turtle files in `ontology/`.

Countries come from CLDR through babel (`generate_countries_ttl`, run by
`python -m kg.knowledge`); everything else is curated in `entities.ttl`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.config import ontology_dir

KG = "https://w3id.org/kg/ontology#"
KGR = "https://w3id.org/kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
KNOWLEDGE_FILES = ("countries.ttl", "entities.ttl", "people.ttl")
# CLDR codes that name no country (unknown, outlying Oceania, supranational, pseudo-locales)
NON_COUNTRY_CODES = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB", "XK"}


@dataclass
class KnownEntity:
    id: str  # local name under kgr:
    type: str  # kg class local name
    labels: dict[str, str] = field(default_factory=dict)  # lang -> preferred label
    aliases: set[str] = field(default_factory=set)
    iso: str | None = None
    capital_of: str | None = None
    represents: str | None = None
    based_in: str | None = None  # the city a seat of power stands in
    domains: set[str] = field(default_factory=set)
    wire: bool = False

    def names(self) -> set[str]:
        return set(self.labels.values()) | self.aliases


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """A readable IRI local name: ASCII letters, digits, '_' and '-' (cached: the same names and
    dates are slugged for thousands of articles and events)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9\-]+", "_", ascii_name).strip("_")
    return ascii_name or "x"


@lru_cache(maxsize=4)
def load_known(folder: str | None = None) -> dict[str, KnownEntity]:
    """Known entities by id, from every knowledge file in the ontology folder."""
    import pyoxigraph

    base = Path(folder) if folder else ontology_dir()
    known: dict[str, KnownEntity] = {}
    for name in KNOWLEDGE_FILES:
        path = base / name
        if not path.exists():
            continue
        for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
            s, p, o = triple.subject.value, triple.predicate.value, triple.object
            if not s.startswith(KGR):
                continue
            ent = known.setdefault(s[len(KGR):], KnownEntity(id=s[len(KGR):], type=""))
            if p == RDF_TYPE and o.value.startswith(KG):
                ent.type = o.value[len(KG):]
            elif p == RDFS_LABEL:
                ent.labels[o.language or ""] = o.value
            elif p == ALT_LABEL:
                ent.aliases.add(o.value)
            elif p == KG + "isoCode":
                ent.iso = o.value
            elif p == KG + "capitalOf":
                ent.capital_of = o.value[len(KGR):]
            elif p == KG + "represents":
                ent.represents = o.value[len(KGR):]
            elif p == KG + "basedIn":
                ent.based_in = o.value[len(KGR):]
            elif p == KG + "domain":
                ent.domains.add(o.value)
            elif p == KG + "wireService":
                ent.wire = o.value == "true"
    untyped = sorted(k for k, v in known.items() if not v.type)
    if untyped:
        raise ValueError(f"knowledge files give no type for: {', '.join(untyped[:10])}")
    return known


def generate_countries_ttl() -> str:
    """countries.ttl from CLDR territory names (English and Indonesian), via babel."""
    from babel import Locale

    en, id_ = Locale("en").territories, Locale("id").territories
    lines = [
        "# Generated from CLDR by `python -m kg.knowledge`; do not edit (aliases go in entities.ttl).",
        "@prefix kg:   <https://w3id.org/kg/ontology#> .",
        "@prefix kgr:  <https://w3id.org/kg/id/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "",
    ]
    for code in sorted(en):
        if not (len(code) == 2 and code.isalpha()) or code in NON_COUNTRY_CODES or code not in id_:
            continue
        lines.append(
            f'kgr:{slug(en[code])} a kg:Country ; rdfs:label "{_esc(en[code])}"@en, '
            f'"{_esc(id_[code])}"@id ; kg:isoCode "{code}" .'
        )
    return "\n".join(lines) + "\n"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


if __name__ == "__main__":
    (ontology_dir() / "countries.ttl").write_text(generate_countries_ttl(), encoding="utf-8")
