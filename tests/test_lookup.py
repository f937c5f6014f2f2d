"""Entity names as people type them: aliases, underscores, case, spelling variants, ambiguity."""

from __future__ import annotations

import pytest

from kg.lookup import AmbiguousName, NameIndex, UnknownName

KGR = "https://w3id.org/kg/id/"
ENTITIES = {
    KGR + "Sergei_Lavrov": ("Sergei Lavrov", "Person", ["Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Sergei_Lavrov"]),
    KGR + "Choe_Son_Hui": ("Choe Son Hui", "Person", ["Choe Son Hui", "Choe Son-hui", "Choe", "Choe_Son_Hui"]),
    KGR + "North_Korea": ("North Korea", "Country", ["North Korea", "Korea Utara", "Korut", "DPRK", "North_Korea"]),
    KGR + "South_Korea": ("South Korea", "Country", ["South Korea", "Korea Selatan", "Korsel", "South_Korea"]),
    KGR + "Kim_Jong_Un": ("Kim Jong Un", "Person", ["Kim Jong Un", "Kim", "Kim_Jong_Un"]),
    KGR + "Kim_Yo_Jong": ("Kim Yo Jong", "Person", ["Kim Yo Jong", "Kim", "Kim_Yo_Jong"]),
}


@pytest.fixture(scope="module")
def index():
    return NameIndex.from_entities(ENTITIES)


@pytest.mark.parametrize(("typed", "iri"), [
    ("Lavrov", "Sergei_Lavrov"),
    ("lavrov", "Sergei_Lavrov"),
    ("Sergey Lavrov", "Sergei_Lavrov"),
    ("SERGEI LAVROV", "Sergei_Lavrov"),
    ("Choe_Son_Hui", "Choe_Son_Hui"),
    ("choe son-hui", "Choe_Son_Hui"),
    ("Choe Son Hui", "Choe_Son_Hui"),
    ("Korut", "North_Korea"),
    ("DPRK", "North_Korea"),
    ("korea utara", "North_Korea"),
    ("Kim Jong-un", "Kim_Jong_Un"),
    ("Jong Un", "Kim_Jong_Un"),  # every word is a word of one entity's names
    ("https://w3id.org/kg/id/North_Korea", "North_Korea"),
])
def test_lookup_resolves_names_as_typed(index, typed, iri):
    assert index.resolve(typed) == KGR + iri


@pytest.mark.parametrize("typed", ["Kim", "Korea"])
def test_lookup_ambiguous_names_list_the_candidates(index, typed):
    with pytest.raises(AmbiguousName) as err:
        index.resolve(typed)
    assert err.value.exit_code == 2
    assert len(err.value.candidates) == 2
    assert "ambiguous" in str(err.value)


@pytest.mark.parametrize("typed", ["Blinken", "", "   ", '"}; DROP', "Lavrov Blinken"])
def test_lookup_unknown_names_fail_cleanly(index, typed):
    with pytest.raises(UnknownName) as err:
        index.resolve(typed)
    assert err.value.exit_code == 2


def test_lookup_suggests_close_names(index):
    with pytest.raises(UnknownName, match="did you mean Sergei Lavrov"):
        index.resolve("Lavorv")


def test_lookup_index_survives_json(index):
    again = NameIndex.from_json(index.to_json())
    assert again == index
    assert again.resolve("Korut") == KGR + "North_Korea"
