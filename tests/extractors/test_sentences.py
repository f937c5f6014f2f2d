"""Each extractor on sentences written for the tests: positives, negatives, hedges, plans."""

from __future__ import annotations

import pytest

from kg.extractors import EXTRACTORS
from kg.mentions.names import name_key
from tests.conftest import make_doc


def P(name: str) -> str:
    """The entity key a person's name gets."""
    return "person:" + name_key(name)


def extract(text: str, kind: str) -> list:
    ann = make_doc(text)
    return [a for ex in EXTRACTORS for a in ex(ann) if a.kind == kind]


def people(a) -> set[str]:
    return set(a.role("participant"))


@pytest.mark.parametrize("text, pair", [
    ("Presiden Prancis Emmanuel Macron bertemu dengan Kanselir Jerman Olaf Scholz di Berlin pada Senin (6/5/2024).",
     {P("Emmanuel Macron"), P("Olaf Scholz")}),
    ("Perdana Menteri India Narendra Modi menemui Presiden Brasil Luiz Lula di Brasilia.",
     {P("Narendra Modi"), P("Luiz Lula")}),
    ("Setelah melakukan pembicaraan dengan Menteri Luar Negeri Jepang Yoko Kamikawa, Menteri Luar Negeri Australia Penny Wong kembali ke Canberra.",
     {P("Yoko Kamikawa"), P("Penny Wong")}),
    ("Pertemuan Presiden Joko Widodo dengan Perdana Menteri Anthony Albanese berlangsung hangat.",
     {P("Joko Widodo"), P("Anthony Albanese")}),
    ("Menteri Pertahanan Ahmad Yani dan Jenderal Budi Santoso membahas kerja sama militer.",
     {P("Ahmad Yani"), P("Budi Santoso")}),
])
def test_meetings_active_nominal_joint(text, pair):
    found = extract(text, "meeting")
    assert found and people(found[0]) == pair


@pytest.mark.parametrize("text", [
    "Presiden Prancis Emmanuel Macron tidak bertemu dengan Kanselir Jerman Olaf Scholz.",
    "Presiden Prancis Emmanuel Macron mengatakan bahwa harga gandum naik.",
    "Pertemuan itu dijadwalkan bulan depan.",
])
def test_meetings_negatives_yield_nothing(text):
    assert extract(text, "meeting") == []


def test_meetings_pronoun_and_pair():
    text = ("Presiden Finlandia Alexander Stubb tiba di Tokyo pada hari Senin.\n"
            "Di sana ia bertemu Perdana Menteri Jepang Fumio Kishida.\n"
            "Kedua pemimpin itu membahas keamanan regional.")
    found = extract(text, "meeting")
    assert found and all(people(a) == {P("Alexander Stubb"), P("Fumio Kishida")} for a in found)
    assert found[0].value("place") == "known:Tokyo"


@pytest.mark.parametrize("text, agent, dest, planned", [
    ("Menteri Luar Negeri Inggris David Lammy tiba di Kyiv pada Kamis (12/9/2024).", P("David Lammy"), "known:Kyiv", False),
    ("Presiden Turki Recep Erdogan berkunjung ke Jepang bulan lalu.", P("Recep Erdogan"), "known:Japan", False),
    ("Kunjungan Presiden Prabowo Subianto ke Tiongkok berlangsung tiga hari.", P("Prabowo Subianto"), "known:China", False),
    ("Rencana kunjungan Perdana Menteri Mark Carney ke Jakarta masih dibahas.", P("Mark Carney"), "known:Jakarta", True),
])
def test_visits(text, agent, dest, planned):
    found = extract(text, "visit")
    assert found
    v = found[0]
    assert v.role("agent") == (agent,) and v.role("destination") == (dest,)
    assert bool(v.value("planned")) is planned


def test_visit_date_resolved_against_article_date():
    text = "Kamis, 19 Oktober 2023 - 10:00 WIB\nPresiden Turki Recep Erdogan berkunjung ke Jepang bulan lalu."
    (v,) = extract(text, "visit")
    assert v.value("date") == "2023-09"


@pytest.mark.parametrize("text, supplier, recipient, item, hedged", [
    ("Iran mengirim drone ke Rusia, kata Gedung Putih.", "known:Iran", "known:Russia", "item:item.drones", False),
    ("Amerika Serikat memberikan tank kepada Ukraina.", "known:United_States", "known:Ukraine", "item:item.tanks", False),
    ("Teheran diduga memasok rudal balistik kepada Rusia.", "known:Iran", "known:Russia", "item:item.missiles", True),
    ("Pengiriman amunisi Iran ke Rusia kemungkinan berlanjut, kata lembaga itu.", "known:Iran", "known:Russia",
     "item:item.ammunition", True),
])
def test_supplies(text, supplier, recipient, item, hedged):
    found = extract(text, "supply")
    assert found
    s = found[0]
    assert s.role("supplier") == (supplier,) and s.role("recipient") == (recipient,) and s.role("item") == (item,)
    assert s.value("hedged") is hedged


def test_supply_asserted_and_denied_in_the_same_article():
    text = ("Gedung Putih mengatakan Iran memberikan Rusia pengiriman rudal.\n"
            "Juru bicara Kementerian Luar Negeri Iran Nasser Kanaani mengatakan tuduhan itu tidak berdasarkan bukti.")
    (s,) = extract(text, "supply")
    assert s.role("asserter") == ("known:White_House",)
    assert s.role("denier") == (P("Nasser Kanaani"),)


@pytest.mark.parametrize("text", [
    "Amerika Serikat memberikan bantuan kemanusiaan kepada Ukraina.",
    "Federasi Rusia memberikan dukungan penuh terhadap aspirasi itu.",
])
def test_supplies_negatives(text):
    assert extract(text, "supply") == []


@pytest.mark.parametrize("text, speaker, fragment, direct, reporter", [
    ("“Kami siap bekerja sama,” kata Presiden Filipina Ferdinand Marcos.", P("Ferdinand Marcos"), "Kami siap bekerja sama", True, None),
    ("Menteri Luar Negeri Jepang Yoko Kamikawa mengatakan bahwa situasi di kawasan memburuk.", P("Yoko Kamikawa"),
     "situasi di kawasan memburuk", False, None),
    ("Menurut Kremlin, latihan itu provokatif.", "known:Kremlin", "latihan itu provokatif", False, None),
    ("Harga minyak akan naik tahun depan, ujar Menteri Energi Bahlil Lahadalia.", P("Bahlil Lahadalia"),
     "Harga minyak akan naik", False, None),
    ("Presiden Iran Masoud Pezeshkian mengatakan kepada wartawan bahwa sanksi itu gagal, menurut kantor berita Xinhua.",
     P("Masoud Pezeshkian"), "sanksi itu gagal", False, "known:Xinhua"),
    ("Latihan itu mengancam stabilitas, kata Beijing.", "known:China", "mengancam stabilitas", False, None),
])
def test_statements(text, speaker, fragment, direct, reporter):
    found = extract(text, "statement")
    match = [a for a in found if a.role("speaker") == (speaker,)]
    assert match, found
    s = match[0]
    assert fragment in s.value("text") and s.value("direct") is direct
    if reporter:
        assert reporter in s.role("reporter")


@pytest.mark.parametrize("text", [
    "Dengan kata lain, harga naik.",
    "Kata kunci pencarian itu populer.",
    "Film “Merah Putih” tayang minggu depan.",
])
def test_statements_negatives(text):
    assert extract(text, "statement") == []


def test_offices_from_apposition():
    (p,) = extract("Menteri Pertahanan Jepang Gen Nakatani tiba di Manila.", "position")
    assert p.role("subject") == (P("Gen Nakatani"),)
    assert p.value("position") == "Menteri Pertahanan" and p.role("represents") == ("known:Japan",)
