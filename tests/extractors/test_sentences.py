"""Each extractor on sentences written for the tests: positives, negatives, hedges, plans."""

from __future__ import annotations

import pytest

from kg.extractors import EXTRACTORS
from kg.mentions.names import name_key
from tests.conftest import make_doc, positions


def P(name: str) -> str:
    """The entity key a person's name gets: a known person's (ontology/people.ttl), else one of the name."""
    from kg.knowledge import load_known

    known = {label: ent.id for ent in load_known().values() if ent.type == "Person" for label in ent.names()}
    return f"known:{known[name]}" if name in known else "person:" + name_key(name)


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
    ("Menteri Luar Negeri Jepang Takeshi Iwaya dan Menteri Luar Negeri Korea Selatan Cho Tae-yul bertemu di Tokyo.",
     {P("Takeshi Iwaya"), P("Cho Tae-yul")}),
    ("Presiden Amerika Serikat Joe Biden dan Presiden China Xi Jinping bertatap muka di sela-sela KTT APEC di Lima.",
     {"known:Joe_Biden", "known:Xi_Jinping"}),
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


def test_a_pair_meeting_just_told_keeps_its_day_whatever_the_article_date():
    text = ("Selasa, 1 Juli 2025\n\nMenteri Luar Negeri Filipina Enrique Manalo bertemu Menteri Luar Negeri Jepang "
            "Takeshi Iwaya di Manila pada Rabu (9/7/2025). Keduanya membahas keamanan maritim. "
            "Kedua menteri juga menandatangani perjanjian logistik.")
    assert [(m.value("date"), bool(m.value("date_inferred"))) for m in extract(text, "meeting")] == [
        ("2025-07-09", False), ("2025-07-09", True), ("2025-07-09", True)]


def test_a_pair_meeting_with_no_dated_meeting_before_is_in_the_articles_month():
    text = ("Selasa, 1 Juli 2025\n\nMenteri Luar Negeri Filipina Enrique Manalo dan Menteri Luar Negeri Jepang "
            "Takeshi Iwaya tiba di Manila. Keduanya membahas keamanan maritim.")
    assert [(m.value("date"), m.value("date_inferred")) for m in extract(text, "meeting")] == [("2025-07", True)]


@pytest.mark.parametrize("text, agent, dest, date", [
    ("Presiden Kenya William Ruto meninggalkan Jepang pada Minggu (9/2/2025) setelah kunjungan lima hari.",
     P("William Ruto"), "known:Japan", "2025-02"),  # some day of that month, not the departure's
    ("Presiden Kenya William Ruto meninggalkan Vietnam usai lawatan kenegaraan dua hari.", P("William Ruto"),
     "known:Vietnam", None),
    ("Presiden Kenya William Ruto bertolak menuju Hanoi pada Senin (10/2/2025).", P("William Ruto"), "known:Hanoi",
     "2025-02-10"),
])
def test_leaving_a_place_after_a_visit_and_setting_off_towards_one_are_visits(text, agent, dest, date):
    (v,) = extract(text, "visit")
    assert (v.role("agent"), v.role("destination"), v.value("date")) == ((agent,), (dest,), date)


@pytest.mark.parametrize("text, left", [
    ("Presiden Kenya William Ruto meninggalkan Nairobi setelah kunjungan Presiden Jepang.", "known:Nairobi"),  # home
    ("Perusahaan itu meninggalkan Rusia setelah kunjungan pejabat Amerika.", "known:Russia"),  # no one
    ("Presiden Kenya William Ruto meninggalkan Jepang pada Minggu.", "known:Japan"),  # no visit told
])
def test_leaving_a_place_with_no_visit_told_is_no_visit_there(text, left):
    assert (left,) not in [v.role("destination") for v in extract(text, "visit")]


def test_a_meeting_of_another_time_told_before_does_not_place_this_one():
    text = ("Menteri Luar Negeri Jepang Takeshi Iwaya bertemu Menteri Luar Negeri Filipina Enrique Manalo di Manila "
            "pada Selasa (8/7/2025). Sebelumnya, Iwaya dan Manalo bertemu di Tokyo pada Maret 2024. "
            "Iwaya juga diterima oleh Presiden Filipina Ferdinand Marcos pada Rabu (9/7/2025).")
    places = {m.value("date"): m.value("place") for m in extract(text, "meeting")}
    assert places == {"2025-07-08": "known:Manila", "2024-03": "known:Tokyo", "2025-07-09": "known:Manila"}


@pytest.mark.parametrize("verb", ["menggelar pembicaraan", "bertemu"])
def test_a_joint_subject_with_the_counterpart_between_commas(verb):
    text = f"Menteri Luar Negeri Jepang Takeshi Iwaya dan mitranya dari Filipina, Enrique Manalo, {verb} di Manila."
    (m,) = extract(text, "meeting")
    assert people(m) == {P("Takeshi Iwaya"), P("Enrique Manalo")}


@pytest.mark.parametrize("text, agent, dest, planned", [
    ("Menteri Luar Negeri Inggris David Lammy tiba di Kyiv pada Kamis (12/9/2024).", P("David Lammy"), "known:Kyiv", False),
    ("Presiden Turki Recep Erdogan berkunjung ke Jepang bulan lalu.", P("Recep Erdogan"), "known:Japan", False),
    ("Kunjungan Presiden Prabowo Subianto ke Tiongkok berlangsung tiga hari.", P("Prabowo Subianto"), "known:China", False),
    ("Rencana kunjungan Perdana Menteri Mark Carney ke Jakarta masih dibahas.", P("Mark Carney"), "known:Jakarta", True),
    ("Presiden Kenya William Ruto tiba di Bandara Soekarno-Hatta, Jakarta, Senin.", P("William Ruto"), "known:Jakarta", False),
    ("Presiden Kenya William Ruto dijadwalkan melanjutkan lawatan ke Vietnam.", P("William Ruto"), "known:Vietnam", True),
    ("Presiden Kenya William Ruto tiba di stasiun kereta Tumangang pada Selasa.", P("William Ruto"), "place:tumangang", False),
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
    ("Ukraina menerima tank dari Jerman pekan lalu.", "known:Germany", "known:Ukraine", "item:item.tanks", False),
    ("Amerika Serikat mengirimkan bom berpemandu kepada Israel.", "known:United_States", "known:Israel", "item:item.bombs", False),
    ("Rusia dikabarkan menyerahkan sistem pertahanan udara kepada Turki.", "known:Russia", "known:Turkiye",
     "item:item.air-defence", True),
    ("Jepang mengumumkan paket bantuan militer senilai 50 juta dolar untuk Filipina, termasuk drone dan radar.",
     "known:Japan", "known:Philippines", "item:item.drones", False),
    ("Menurut laporan itu, Rusia diduga mendapatkan drone dari Iran.", "known:Iran", "known:Russia",
     "item:item.drones", True),
    ("Australia menghibahkan 49 unit kendaraan lapis baja kepada Ukraina.", "known:Australia", "known:Ukraine",
     "item:item.tanks", False),
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
    "Ukraina menerima bantuan kemanusiaan dari Jepang.",  # no item of war
    "Jepang mengumumkan paket bantuan militer senilai 50 juta dolar untuk Filipina.",  # what it holds is not said
    "Jepang mengumumkan paket bantuan kemanusiaan untuk Filipina, termasuk obat-obatan dan tenda.",
    "Rusia tidak menerima rudal dari Iran.",  # negated
    "Jerman menerima tank itu kembali setelah diperbaiki.",  # from no one
    "Ukraina menerima tank Jerman yang rusak dari medan perang.",  # "dari" a place, not a supplier
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


@pytest.mark.parametrize("text, pair", [
    ("Presiden Brasil Luiz Lula ditemui oleh Perdana Menteri India Narendra Modi di New Delhi.",
     {P("Luiz Lula"), P("Narendra Modi")}),
    ("Menteri Luar Negeri Jepang Yoko Kamikawa diterima Presiden Korea Selatan Yoon Suk-yeol di Seoul.",
     {P("Yoko Kamikawa"), P("Yoon Suk-yeol")}),
    ("Kanselir Jerman Olaf Scholz disambut oleh Presiden Prancis Emmanuel Macron di Paris.",
     {P("Olaf Scholz"), P("Emmanuel Macron")}),
])
def test_meetings_passive(text, pair):
    found = extract(text, "meeting")
    assert found and people(found[0]) == pair


@pytest.mark.parametrize("text", [
    "Presiden Prancis Emmanuel Macron belum pernah bertemu Kanselir Jerman Olaf Scholz.",
    "Presiden Prancis Emmanuel Macron tak jadi bertemu Kanselir Jerman Olaf Scholz.",
    "Usulan itu diterima oleh parlemen pada hari Senin.",
    "Presiden Prancis Emmanuel Macron diterima di Universitas Sorbonne sebagai dosen tamu.",
    "Presiden Prancis Emmanuel Macron membantah telah bertemu Kanselir Jerman Olaf Scholz.",
    "Presiden Prancis Emmanuel Macron menyangkal pernah bertemu dengan Kanselir Jerman Olaf Scholz.",
    # welcoming an idea, and a quoted verb whose speaker follows the quote
    "Presiden Prancis Emmanuel Macron menyambut baik keputusan Kanselir Jerman Olaf Scholz.",
    "Kanselir Jerman Olaf Scholz menyambut positif usulan Presiden Prancis Emmanuel Macron soal pertahanan.",
    '"Presiden Macron menyambut usulan kami," kata Kanselir Jerman Olaf Scholz kepada wartawan.',
    "“Kanselir Scholz menerima undangan itu,” ujar Presiden Prancis Emmanuel Macron.",
])
def test_meetings_negated_or_not_meetings(text):
    assert extract(text, "meeting") == []


def test_meetings_two_in_one_sentence_keep_their_own_date_and_place():
    ann = make_doc("Kamis, 16 Mei 2024 10:00 WIB\n\nPresiden Prancis Emmanuel Macron bertemu Kanselir Jerman Olaf Scholz "
                   "di Berlin pada hari Senin, lalu menemui Perdana Menteri Polandia Donald Tusk di Warsawa pada hari Selasa.")
    found = [a for ex in EXTRACTORS for a in ex(ann) if a.kind == "meeting"]
    by_pair = {frozenset(people(a)): a for a in found}
    scholz = by_pair[frozenset({P("Emmanuel Macron"), P("Olaf Scholz")})]
    tusk = by_pair[frozenset({P("Emmanuel Macron"), P("Donald Tusk")})]
    assert (scholz.value("date"), scholz.value("place")) == ("2024-05-13", "known:Berlin")
    assert tusk.value("date") == "2024-05-14" and "warsaw" in tusk.value("place").lower()


@pytest.mark.parametrize("text, planned", [
    ("Presiden Prancis Emmanuel Macron berencana bertemu Kanselir Jerman Olaf Scholz bulan depan.", True),
    ("Presiden Prancis Emmanuel Macron dijadwalkan bertemu Kanselir Jerman Olaf Scholz di Berlin.", True),
    ("Presiden Prancis Emmanuel Macron bertemu Kanselir Jerman Olaf Scholz di Berlin.", None),
])
def test_meetings_planned_are_marked(text, planned):
    (a,) = extract(text, "meeting")
    assert a.value("planned") == planned


def test_meeting_and_visit_in_one_sentence():
    text = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang pada hari Rabu dan kemudian bertemu "
            "Presiden Korea Utara Kim Jong Un.")
    (meeting,) = extract(text, "meeting")
    (visit,) = extract(text, "visit")
    assert people(meeting) == {P("Sergei Lavrov"), P("Kim Jong Un")}
    assert meeting.value("place") == "known:Pyongyang"
    assert visit.role("agent") == (P("Sergei Lavrov"),) and visit.role("destination") == ("known:Pyongyang",)


@pytest.mark.parametrize("text", [
    "Perdana Menteri India Narendra Modi tidak berkunjung ke Beijing tahun ini.",
    "Perdana Menteri India Narendra Modi batal berkunjung ke Beijing.",
])
def test_visits_negated(text):
    assert extract(text, "visit") == []


def test_a_supply_its_supplier_denies_making_is_denied_not_asserted():
    (s,) = extract("Iran membantah telah mengirim rudal ke Rusia.", "supply")
    assert s.role("asserter") == () and s.role("denier") == ("known:Iran",)


def test_a_meeting_in_the_office_of_a_body_is_placed_in_the_city_named_after_it():
    text = ("Menteri Pertahanan Malaysia Khaled Nordin bertemu Menteri Pertahanan Singapura Chan Chun Sing "
            "di Kantor Kementerian Pertahanan, Kuala Lumpur.")
    (a,) = extract(text, "meeting")
    assert a.value("place") == "known:Kuala_Lumpur"


def test_supplies_negated_by_a_speaker_are_denied_and_the_statement_kept():
    text = "Iran tidak mengirim rudal ke Rusia, kata Kementerian Luar Negeri Iran."
    (d,) = extract(text, "supply")
    assert d.role("asserter") == () and d.role("denier") == ("org:ministry.foreign|known:Iran",)
    (s,) = extract(text, "statement")
    assert "tidak mengirim rudal" in s.value("text")


def test_supplies_two_in_one_sentence_attributed_by_a_closing_menurut():
    text = "Amerika Serikat mengirim tank ke Ukraina dan Jerman menyediakan amunisi untuk Ukraina, menurut laporan Reuters."
    found = {(a.role("supplier"), a.role("item")) for a in extract(text, "supply")}
    assert found == {(("known:United_States",), ("item:item.tanks",)), (("known:Germany",), ("item:item.ammunition",))}
    assert all(a.role("asserter") == ("known:Reuters",) for a in extract(text, "supply"))


def test_statement_quote_split_around_the_attribution():
    text = "“Kami tidak akan mundur,” kata Presiden Ukraina Volodymyr Zelensky, “dan kami akan terus berjuang bersama Polandia.”"
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Volodymyr Zelensky"),) and s.value("direct") is True
    assert s.value("text").startswith("Kami tidak akan mundur") and s.value("text").endswith("bersama Polandia.")
    assert s.role("mentions") == ("known:Poland",)  # not the speaker named in the attribution


def test_statement_nested_attribution_speaker_addressee_relay():
    text = ("Menteri Luar Negeri Tiongkok Wang Yi mengatakan kepada Presiden Iran Masoud Pezeshkian bahwa Beijing "
            "mendukung perundingan damai, menurut kantor berita Xinhua.")
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Wang Yi"),)
    assert s.role("addressee") == (P("Masoud Pezeshkian"),)
    assert s.role("reporter") == ("known:Xinhua",)
    assert s.value("text") == "Beijing mendukung perundingan damai"


@pytest.mark.parametrize("text, speaker, fragment", [
    ("Pasokan gandum ke Afrika akan dilanjutkan, menurut Kementerian Pertanian Rusia.",
     "org:*|known:Russia", "Pasokan gandum ke Afrika akan dilanjutkan"),  # a ministry of Russia
    ("Sanksi baru akan diumumkan pekan depan, sebut Gedung Putih.", "known:White_House", "Sanksi baru akan diumumkan"),
    ("Presiden Korea Selatan Yoon Suk-yeol menegaskan bahwa aliansi dengan Amerika Serikat tetap kuat.",
     P("Yoon Suk-yeol"), "aliansi dengan Amerika Serikat tetap kuat"),
])
def test_statements_more_cue_forms(text, speaker, fragment):
    import fnmatch

    found = extract(text, "statement")
    assert any(len(a.role("speaker")) == 1 and fnmatch.fnmatchcase(a.role("speaker")[0], speaker)
               and fragment in a.value("text") for a in found), found


@pytest.mark.parametrize("text", [
    "Buku “Jalan Panjang Menuju Damai” diluncurkan di Jakarta pada hari Senin.",
    "Ia mengganti kata sandi akunnya.",
])
def test_statements_more_negatives(text):
    assert extract(text, "statement") == []


def test_statement_katanya_continues_the_previous_speaker_even_an_organisation():
    text = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang. Kapal itu terlihat di pelabuhan, kata Gedung Putih. "
            "Belum jelas apakah kapal itu akan digunakan untuk perdagangan, katanya.")
    last = [a for a in extract(text, "statement") if "Belum jelas" in a.value("text")]
    assert [a.role("speaker") for a in last] == [("known:White_House",)]
    alone = extract("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang. Kunjungan itu penting, katanya.", "statement")
    assert [a.role("speaker") for a in alone] == [(P("Sergei Lavrov"),)]


@pytest.mark.parametrize("verb", ["membantah laporan bahwa", "menyangkal kabar bahwa", "menepis tudingan bahwa"])
def test_a_supply_reported_inside_a_denial_is_denied_by_its_speaker_not_asserted(verb):
    text = f"Juru bicara Kementerian Luar Negeri Jepang Hiroshi Tanaka {verb} Jepang akan memasok rudal kepada Filipina."
    (s,) = extract(text, "supply")
    assert s.role("supplier") == ("known:Japan",) and s.role("recipient") == ("known:Philippines",)
    assert s.role("asserter") == () and s.role("denier") == (P("Hiroshi Tanaka"),)


def test_a_supply_reported_by_a_speaker_who_does_not_deny_it_is_asserted():
    text = "Juru bicara Kementerian Luar Negeri Jepang Hiroshi Tanaka mengatakan bahwa Jepang memasok rudal kepada Filipina."
    (s,) = extract(text, "supply")
    assert s.role("asserter") == (P("Hiroshi Tanaka"),) and s.role("denier") == ()


@pytest.mark.parametrize("text, speaker", [
    ("Juru bicara Kementerian Luar Negeri Jepang, Yoshimasa Hayashi, mengatakan bahwa Tokyo memprotes uji coba itu.",
     P("Yoshimasa Hayashi")),
    ("Menteri Pertahanan Filipina, Gilberto Teodoro, menegaskan bahwa patroli akan berlanjut.", P("Gilberto Teodoro")),
])
def test_a_speaker_named_between_commas_after_the_title(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,)


def test_a_pair_after_a_planned_meeting_is_its_pair_not_the_speaker_who_tells_of_it():
    text = ("Presiden Kenya William Ruto dijadwalkan bertemu Presiden Brasil Luiz Lula di Nairobi pekan depan. "
            "Juru bicara kepresidenan Hussein Mohamed mengatakan kepada wartawan bahwa kedua pemimpin akan membahas perdagangan.")
    found = extract(text, "meeting")
    assert len(found) == 2
    assert all(people(a) == {P("William Ruto"), P("Luiz Lula")} and a.value("planned") for a in found)


@pytest.mark.parametrize("text, planned", [
    ("Menteri Luar Negeri Mesir Badr Abdelatty dan Menteri Luar Negeri Yordania Ayman Safadi akan membahas gencatan senjata.", True),
    ("Menteri Luar Negeri Mesir Badr Abdelatty dan Menteri Luar Negeri Yordania Ayman Safadi membahas gencatan senjata.", False),
])
def test_a_joint_meeting_is_planned_by_the_words_before_its_verb(text, planned):
    (a,) = extract(text, "meeting")
    assert bool(a.value("planned")) is planned


def test_the_content_stops_where_the_outlet_it_was_quoted_from_is_named():
    text = "Presiden Kenya William Ruto mengatakan Kenya siap mengirim polisi ke Haiti, seperti dikutip dari Reuters, Senin."
    (s,) = extract(text, "statement")
    assert s.value("text") == "Kenya siap mengirim polisi ke Haiti" and s.role("reporter") == ("known:Reuters",)


@pytest.mark.parametrize("aside", ["dilansir kantor berita TASS", "seperti dikutip TASS", "menurut TASS"])
def test_a_speaker_before_an_aside_naming_who_relays_it(aside):
    text = f"Wakil Menteri Luar Negeri Rusia Sergei Ryabkov, {aside}, menyatakan bahwa perundingan itu buntu."
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Sergei Ryabkov"),) and s.role("reporter") == ("known:TASS",)


@pytest.mark.parametrize("text, speaker, reporter, content", [
    ("Wakil Menteri Luar Negeri Rusia Sergei Ryabkov dikutip Reuters mengatakan bahwa perundingan itu buntu.",
     P("Sergei Ryabkov"), "known:Reuters",
     "perundingan itu buntu"),
    ("Kantor berita Yonhap, mengutip Kepala Staf Gabungan Korea Selatan, melaporkan bahwa Korea Utara menembakkan "
     "dua rudal.", "known:Joint_Chiefs_of_Staff_South_Korea", "known:Yonhap", "Korea Utara menembakkan dua rudal"),
    ("AFP mengutip Kementerian Pertahanan Prancis mengatakan latihan itu selesai.", "org:ministry.defence|known:France",
     "known:Agence_France-Presse", "latihan itu selesai"),
    ("Menurut laporan Yonhap yang mengutip NIS, Korea Utara menyiapkan uji coba nuklir.",
     "known:National_Intelligence_Service", "known:Yonhap", "Korea Utara menyiapkan uji coba nuklir"),
    ("Menurut Reuters, yang mengutip pejabat Jepang, Tokyo akan menambah anggaran pertahanan.",
     "known:Japan", "known:Reuters", "Tokyo akan menambah anggaran pertahanan"),
])
def test_an_outlet_quoting_a_source_relays_what_the_source_says(text, speaker, reporter, content):
    (s,) = extract(text, "statement")
    assert (s.role("speaker"), s.role("reporter"), s.value("text")) == ((speaker,), (reporter,), content)


def test_an_outlet_quoting_no_one_named_says_it_itself():
    (s,) = extract("Yonhap, mengutip sumber pemerintah, melaporkan bahwa Korea Utara menembakkan dua rudal.", "statement")
    assert s.role("speaker") == ("known:Yonhap",) and s.role("reporter") == ()


def test_a_denial_naming_what_was_supplied_rejects_those_claims_only_however_far_back():
    text = ("Presiden Ukraina Volodymyr Zelensky mengatakan Iran mengirim drone ke Rusia. "
            "Pejabat Amerika Serikat menyebutkan bahwa Iran juga memasok rudal kepada Rusia. "
            "Serangan itu menewaskan tiga orang. Sirene berbunyi di Kyiv. Listrik padam di Odesa. "
            "Kementerian Luar Negeri Iran membantah pengiriman drone ke Rusia.")
    by_item = {s.role("item")[0]: s for s in extract(text, "supply")}
    assert by_item["item:item.drones"].role("denier") == ("org:ministry.foreign|known:Iran",)
    assert by_item["item:item.missiles"].role("denier") == ()


def test_a_narrated_supply_is_denied_by_a_denial_naming_what_was_supplied():
    text = "Korea Utara mengirim tentara ke Rusia. Kremlin membantah kehadiran tentara Korea Utara di Rusia."
    (s,) = extract(text, "supply")
    assert s.role("asserter") == () and s.role("denier") == ("known:Kremlin",)


def test_a_meeting_in_a_city_described_before_its_name_is_placed_there():
    text = "Presiden Vietnam To Lam bertemu Perdana Menteri Laos Sonexay Siphandone di kota pesisir Da Nang."
    (a,) = extract(text, "meeting")
    assert a.value("place") == "place:danang"


def test_receiving_a_delegation_led_by_someone_is_meeting_them():
    text = "Menteri Luar Negeri Turki Hakan Fidan menerima delegasi Hamas yang dipimpin Khalil al-Hayya di Ankara."
    (a,) = extract(text, "meeting")
    assert people(a) == {P("Hakan Fidan"), P("Khalil al-Hayya")} and a.value("place") == "known:Ankara"


def test_the_day_before_is_counted_from_the_story_not_from_the_article():
    text = ("Minggu, 9 Februari 2025 10:00 WIB\n"
            "Menteri Luar Negeri Turki Hakan Fidan bertemu Menteri Luar Negeri Iran Abbas Araghchi pada Rabu (5/2/2025). "
            "Sehari sebelumnya, Fidan bertemu Menteri Luar Negeri Mesir Badr Abdelatty. "
            "Keesokan harinya, Fidan bertemu Menteri Luar Negeri Yordania Ayman Safadi.")
    dates = {frozenset(people(a)) - {P("Hakan Fidan")}: a.value("date") for a in extract(text, "meeting")}
    assert dates == {frozenset({P("Abbas Araghchi")}): "2025-02-05", frozenset({P("Badr Abdelatty")}): "2025-02-04",
                     frozenset({P("Ayman Safadi")}): "2025-02-05"}


def test_the_day_before_with_no_day_named_yet_is_counted_from_the_article():
    text = "Minggu, 9 Februari 2025 10:00 WIB\nSehari sebelumnya, Menteri Luar Negeri Turki Hakan Fidan bertemu dengan Menteri Luar Negeri Mesir Badr Abdelatty."
    (a,) = extract(text, "meeting")
    assert a.value("date") == "2025-02-08"


def test_a_place_of_what_they_discussed_is_not_where_they_met():
    text = "Direktur CIA William Burns bertemu Perdana Menteri Qatar Mohammed Al Thani untuk membahas gencatan senjata di Gaza."
    (a,) = extract(text, "meeting")
    assert a.value("place") is None


def test_a_planned_meeting_takes_no_place_from_the_story_and_a_visit_places_only_its_own_people():
    text = ("DOHA - Perdana Menteri Qatar Mohammed Al Thani tiba di Kairo pada Senin (3/2/2025).\n"
            "Presiden Prancis Emmanuel Macron akan bertemu Kanselir Jerman Olaf Scholz pekan depan.\n"
            "Presiden Mesir Abdel Fattah el-Sisi bertemu dengan Raja Yordania Abdullah Kedua.")
    by_pair = {frozenset(people(a)): a for a in extract(text, "meeting")}
    planned = by_pair[frozenset({P("Emmanuel Macron"), P("Olaf Scholz")})]
    assert planned.value("planned") and planned.value("place") is None
    other = by_pair[frozenset({P("Abdel Fattah el-Sisi"), P("Abdullah Kedua")})]
    assert other.value("place") != "known:Cairo"  # the visit to Cairo was Al Thani's


@pytest.mark.parametrize("to", ["wartawan di Gedung Putih", "para jurnalis di Kremlin", "awak media di Istana Merdeka"])
def test_told_to_an_audience_somewhere_has_no_addressee(to):
    text = f"Presiden Brasil Luiz Lula mengatakan kepada {to} bahwa perundingan akan berlanjut."
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Luiz Lula"),) and s.role("addressee") == ()


def test_menyebut_reports_speech():
    text = "Dalam keterangan tertulisnya, Menteri Luar Negeri Kanada Melanie Joly menyebut kedua negara sepakat bekerja sama."
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Melanie Joly"),) and s.value("text") == "kedua negara sepakat bekerja sama"


@pytest.mark.parametrize("text, content, reporter", [
    ("Presiden Belarus Alexander Lukashenko mengatakan perbatasan aman, dalam unggahan di Telegram, Senin.",
     "perbatasan aman", ("known:Telegram",)),
    ("Dalam wawancara dengan kantor berita RIA Novosti, Presiden Belarus Alexander Lukashenko menyatakan bahwa perbatasan aman.",
     "perbatasan aman", ("known:RIA_Novosti",)),
    ("Dalam pertemuan dengan Presiden Rusia Vladimir Putin, Presiden Belarus Alexander Lukashenko menyatakan bahwa perbatasan aman.",
     "perbatasan aman", ()),
])
def test_where_it_was_said_ends_the_content_and_names_who_relays_it(text, content, reporter):
    (s,) = [a for a in extract(text, "statement") if a.role("speaker") == (P("Alexander Lukashenko"),)]
    assert s.value("text") == content and s.role("reporter") == reporter


def test_a_meeting_during_a_visit_to_a_citys_airport_is_in_the_city():
    text = ("Presiden Kenya William Ruto tiba di Bandara Noi Bai, Hanoi, Rabu.\n"
            "Ruto disambut oleh Presiden Vietnam To Lam.")
    (a,) = extract(text, "meeting")
    assert a.value("place") == "known:Hanoi" and a.value("place_inferred")


def test_according_to_a_titled_person_it_is_the_person_who_says_it():
    text = "Menurut Menteri Luar Negeri Jepang Takeshi Iwaya, bantuan itu akan segera dikirim."
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Takeshi Iwaya"),) and s.value("text") == "bantuan itu akan segera dikirim"


@pytest.mark.parametrize("text, speaker, content", [
    ("Analis pertahanan Australia Sam Roggeveen menilai perjanjian itu mengubah peta keamanan kawasan.",
     P("Sam Roggeveen"), "perjanjian itu mengubah peta keamanan kawasan"),
    ("Pejabat Gedung Putih John Kirby berpendapat bahwa perjanjian itu mengkhawatirkan.",
     P("John Kirby"), "perjanjian itu mengkhawatirkan"),
    ("\"Ini sinyal kuat bagi Washington,\" tandas Yon Machmudi.", P("Yon Machmudi"), "Ini sinyal kuat bagi Washington"),
    # an answer, quoted after a comma (its full stop inside the marks is no part of it) or after "bahwa"
    ("Ditanya soal latihan itu, Presiden Filipina Ferdinand Marcos menjawab, \"Kami tidak akan mundur.\"",
     P("Ferdinand Marcos"), "Kami tidak akan mundur"),
    ("Juru bicara Kremlin Dmitry Peskov menjawab bahwa Moskow belum menerima usulan itu.",
     "known:Dmitry_Peskov", "Moskow belum menerima usulan itu"),
    ("Sekretaris Jenderal NATO Mark Rutte mengonfirmasi bahwa pasukan Korea Utara telah dikerahkan ke Kursk.",
     P("Mark Rutte"), "pasukan Korea Utara telah dikerahkan ke Kursk"),
])
def test_more_verbs_of_opinion_and_speech(text, speaker, content):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,) and s.value("text") == content


def test_a_sentence_whose_speaker_is_named_again_after_it_is_one_statement():
    text = ("Presiden Kenya William Ruto menegaskan, Nairobi akan meninjau kebijakan itu.\n"
            "Hal tersebut disampaikan Ruto dalam rapat kabinet di Nairobi, Jumat.")
    assert [s.value("text") for s in extract(text, "statement")] == ["Nairobi akan meninjau kebijakan itu"]


def test_supply_denied_by_an_actor_that_rejects_the_accusation_without_a_quote():
    text = ("Amerika Serikat menuduh Iran memasok drone kepada Rusia, kata Gedung Putih. "
            "Teheran menolak tuduhan tersebut.")
    (s,) = extract(text, "supply")
    assert s.role("supplier") == ("known:Iran",) and "known:Iran" in s.role("denier")


def test_pair_after_a_planned_meeting_is_the_pair_that_met():
    text = ("Menteri Luar Negeri Jepang Yoko Kamikawa bertemu Menteri Luar Negeri Filipina Enrique Manalo di Manila. "
            "Kamikawa juga dijadwalkan bertemu Presiden Filipina Ferdinand Marcos pada hari Selasa. "
            "Kedua menteri itu membahas kerja sama maritim.")
    pairs = {frozenset(people(a)) for a in extract(text, "meeting") if not a.value("planned")}
    assert pairs == {frozenset({P("Yoko Kamikawa"), P("Enrique Manalo")})}


@pytest.mark.parametrize("topic", ["situasi di Laut China Selatan", "kerja sama di kawasan Laut China Selatan",
                                   "hubungan di Laut China Selatan"])
def test_a_place_spoken_of_is_not_where_they_met(topic):
    text = ("Menteri Luar Negeri Jepang Yoko Kamikawa bertemu Menteri Luar Negeri Filipina Enrique Manalo "
            f"dan membahas {topic}.")
    (m,) = extract(text, "meeting")
    assert m.value("place") != "known:South_China_Sea"
    here = "Menteri Luar Negeri Jepang Yoko Kamikawa bertemu Menteri Luar Negeri Filipina Enrique Manalo di Manila."
    assert extract(here, "meeting")[0].value("place") == "known:Manila"
    # where a partnership was signed is where they met
    signed = ("Menteri Luar Negeri Jepang Yoko Kamikawa dan Menteri Luar Negeri Filipina Enrique Manalo menandatangani "
              "perjanjian kemitraan strategis di Manila.")
    assert extract(signed, "meeting")[0].value("place") == "known:Manila"


def test_planned_events_on_a_weekday_lie_ahead_of_the_article_date():
    ann = make_doc("Rabu, 29 Januari 2025 10:30 WIB\n\nMenteri Pertahanan Amerika Serikat Pete Hegseth akan bertemu "
                   "Menteri Pertahanan Jepang Gen Nakatani pada Kamis.\n"
                   "Menteri Pertahanan Amerika Serikat Pete Hegseth bertemu Menteri Luar Negeri Jepang Takeshi Iwaya pada Selasa.")
    found = {a.value("planned"): a.value("date") for ex in EXTRACTORS for a in ex(ann) if a.kind == "meeting"}
    assert found == {True: "2025-01-30", None: "2025-01-28"}


def test_a_venue_then_its_city_gives_the_city():
    text = ("Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Merdeka, Jakarta, "
            "Senin (27/1/2025).")
    (m,) = extract(text, "meeting")
    assert m.value("place") == "known:Jakarta"


@pytest.mark.parametrize("text, hedged", [
    ("Korea Utara disebut telah mengerahkan ribuan tentara ke Rusia, kata Badan Intelijen Nasional Korea Selatan.", True),
    ("Korea Utara telah mengerahkan ribuan tentara ke Rusia, kata Badan Intelijen Nasional Korea Selatan.", False),
])
def test_supplies_hedged_by_disebut(text, hedged):
    (s,) = extract(text, "supply")
    assert s.value("hedged") is hedged


@pytest.mark.parametrize("text", [
    "Presiden Ukraina Volodymyr Zelensky melakukan pembicaraan telepon dengan Presiden Prancis Emmanuel Macron.",
    "Presiden Ukraina Volodymyr Zelensky berbicara dengan Presiden Prancis Emmanuel Macron melalui sambungan telepon.",
    "Pertemuan virtual antara Presiden Ukraina Volodymyr Zelensky dan Presiden Prancis Emmanuel Macron berlangsung "
    "secara daring.",
])
def test_calls_and_video_conferences_are_not_meetings(text):
    assert extract(text, "meeting") == []


def test_more_meeting_verbs():
    text = "Perdana Menteri India Narendra Modi bertatap muka dengan Presiden Rusia Vladimir Putin di Kazan."
    (m,) = extract(text, "meeting")
    assert people(m) == {P("Narendra Modi"), P("Vladimir Putin")}


def test_statement_relayed_by_a_quoted_outlet_and_a_trailing_pronoun_form():
    text = ("“Kami menolak segala bentuk intervensi asing,” ujar Juru Bicara Kementerian Luar Negeri Tiongkok Lin Jian, "
            "seperti dikutip dari Al Jazeera.")
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Lin Jian"),) and s.role("reporter") == ("known:Al_Jazeera",)
    later = extract("Menteri Luar Negeri Inggris David Lammy tiba di Kyiv. Sanksi itu berlaku bulan depan, tegasnya.",
                    "statement")
    assert [a.role("speaker") for a in later] == [(P("David Lammy"),)]


@pytest.mark.parametrize("text, item", [
    ("Rusia telah memasok sistem pertahanan udara ke Iran sejak tahun lalu.", "item:item.air-defence"),
    ("Amerika Serikat mengirim helikopter serang kepada Filipina.", "item:item.helicopters"),
    ("Jepang menyerahkan kapal perang kepada Vietnam.", "item:item.warships"),
    ("Iran diduga menyerahkan teknologi rudal kepada Sudan.", "item:item.technology"),
    ("Prancis mentransfer teknologi kapal selam ke Brasil.", "item:item.technology"),
])
def test_supplies_of_more_kinds_of_weapon(text, item):
    (s,) = extract(text, "supply")
    assert s.role("item") == (item,)


def test_statement_attributed_by_the_next_sentence():
    text = ("Indonesia siap menjadi penengah dalam konflik tersebut. "
            "Hal itu disampaikan Menteri Luar Negeri Indonesia Sugiono di Jakarta, Selasa.")
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Sugiono"),)
    assert s.value("text") == "Indonesia siap menjadi penengah dalam konflik tersebut"
    assert (s.evidence.start, s.evidence.end) == (0, len(text))  # both sentences are the evidence
    assert extract("Hal itu sudah lama diketahui.", "statement") == []


def test_statement_kata_dia():
    text = "Menteri Luar Negeri Indonesia Sugiono tiba di Kairo. “Kami tidak akan tinggal diam,” kata dia."
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Sugiono"),) and s.value("direct") is True


def test_statement_text_leaves_out_the_story_connective():
    (s,) = extract("Sementara itu, harga minyak akan naik tahun depan, kata Menteri Energi Bahlil Lahadalia.", "statement")
    assert s.value("text") == "harga minyak akan naik tahun depan"


@pytest.mark.parametrize("text, speaker", [
    ("Menurut kantor berita Turki Anadolu, kedua menteri sepakat memperpanjang gencatan senjata.", "known:Anadolu_Agency"),
    ("Menurut Kementerian Luar Negeri Rusia, pembicaraan itu berlangsung konstruktif.", None),
])
def test_according_to_an_agency_or_body_of_a_country_is_not_the_country(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker")[0] != "known:Russia" and s.role("speaker")[0] != "known:Turkiye"
    if speaker:
        assert s.role("speaker") == (speaker,)


@pytest.mark.parametrize("text, agent, place", [
    ("Presiden Kenya William Ruto menerima kunjungan Perdana Menteri India Narendra Modi di Nairobi, Selasa.",
     "Narendra Modi", "known:Nairobi"),
    ("Raja Yordania Abdullah menyambut kunjungan kenegaraan Presiden Prancis Emmanuel Macron di Istana Raghadan, "
     "Amman, Senin.", "Emmanuel Macron", "known:Amman"),
    ("Kanselir Jerman Olaf Scholz tiba di Gedung Putih, Washington, pada Jumat.", "Olaf Scholz", "known:Washington"),
])
def test_a_host_receiving_a_visit_and_a_seat_of_government_in_its_city(text, agent, place):
    (v,) = extract(text, "visit")
    assert v.role("agent") == (P(agent),) and v.role("destination") == (place,)


@pytest.mark.parametrize("text, kind", [
    # technology other than of war is not supplied
    ("Jepang memberikan teknologi informasi kepada Vietnam untuk sekolah.", "supply"),
    ("Korea Selatan menjual teknologi pertanian ke Kenya.", "supply"),
    # a visit named with no host receiving it and no destination
    ("Presiden Kenya William Ruto menolak kunjungan Perdana Menteri India Narendra Modi di Nairobi.", "visit"),
    ("Kunjungan Perdana Menteri India Narendra Modi di Nairobi berlangsung dua hari.", "visit"),
])
def test_near_misses_of_technology_supplied_and_visits_received_are_not_read(text, kind):
    assert extract(text, kind) == []


@pytest.mark.parametrize("second, content", [
    ("Ia juga menegaskan bahwa kerja sama kedua negara akan diperluas.", "kerja sama kedua negara akan diperluas"),
    ("Dia menambahkan, kedua negara akan menggelar latihan bersama.", "kedua negara akan menggelar latihan bersama"),
    ("Beliau menyebut pertemuan itu sebagai langkah bersejarah.", "pertemuan itu sebagai langkah bersejarah"),
])
def test_a_pronoun_subject_speaks_for_the_person_named_before_however_long_the_name(second, content):
    text = "Perdana Menteri Malaysia Anwar Ibrahim mengatakan hubungan kedua negara sangat erat. " + second
    found = extract(text, "statement")
    assert [(s.role("speaker"), s.value("text")) for s in found][1:] == [((P("Anwar Ibrahim"),), content)]


@pytest.mark.parametrize("text, items", [
    ("Iran diduga mengirimkan ratusan drone Shahed dan rudal balistik jarak pendek ke Rusia.",
     {"item:item.drones", "item:item.missiles"}),
    ("Korea Utara memasok peluru artileri, roket, dan 50 rudal balistik kepada Rusia.",
     {"item:item.artillery-shells", "item:item.rockets", "item:item.missiles"}),
    # another party between the two: the second item is not of this supply
    ("Iran mengirimkan drone buatan Rusia dan rudal ke Suriah.", {"item:item.drones"}),
    ("Iran mengirimkan drone yang dirakit di Teheran dan rudal ke Suriah.", {"item:item.drones"}),
])
def test_items_coordinated_past_a_model_name_or_a_measure(text, items):
    assert {s.role("item")[0] for s in extract(text, "supply")} == items


def test_an_enclitic_speaker_is_the_person_before_not_the_place_after():
    text = ("Menteri Luar Negeri Mesir Badr Abdelatty membantah laporan itu. \"Kami tidak pernah mengirim senjata ke "
            "sana,\" tegasnya dalam konferensi pers di Kairo, Senin.")
    assert [s.role("speaker") for s in extract(text, "statement")][-1] == (P("Badr Abdelatty"),)


@pytest.mark.parametrize("text, planned", [
    ("Presiden Chile Gabriel Boric dijadwalkan terbang ke Brasilia bulan depan untuk bertemu Presiden Brasil "
     "Luiz Inacio Lula da Silva.", True),
    ("Presiden Chile Gabriel Boric terbang ke Brasilia pada Senin untuk bertemu Presiden Brasil "
     "Luiz Inacio Lula da Silva.", None),
])
def test_a_meeting_that_is_the_purpose_of_a_planned_trip_is_planned(text, planned):
    (m,) = extract(text, "meeting")
    assert m.value("planned") is planned


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Pasukan Iran dikerahkan ke wilayah Latakia untuk membantu Suriah, kata seorang analis.", "known:Iran", "known:Syria"),
    ("Rudal Korea Utara dijual kepada Iran.", "known:North_Korea", "known:Iran"),
    ("Ribuan tentara Belarus yang telah dikerahkan untuk membantu Rusia kini berada di perbatasan.",
     "known:Belarus", "known:Russia"),
])
def test_passive_supplies_with_the_item_then_its_country(text, supplier, recipient):
    (s,) = extract(text, "supply")
    assert (s.role("supplier"), s.role("recipient")) == ((supplier,), (recipient,))


def test_a_passive_verb_with_no_country_of_the_item_is_no_supply():
    assert extract("Korea Utara mengatakan tentara yang dikirim ke perbatasan adalah miliknya.", "supply") == []


@pytest.mark.parametrize("text, speakers", [
    ("Moskow dan Beijing membantah laporan tentang latihan gabungan itu.", {"known:Russia", "known:China"}),
    ("Jerman, Prancis, dan Italia menyatakan dukungan bagi rencana gencatan senjata itu.",
     {"known:Germany", "known:France", "known:Italy"}),
    ("Yoon Suk Yeol dan Fumio Kishida mengatakan kedua negara akan memperluas latihan militer.",
     {P("Yoon Suk Yeol"), P("Fumio Kishida")}),
    # near misses: a place set off by a comma, the object of a fronted clause, a title's country
    ("Di Beijing, Wang Yi mengatakan hubungan kedua negara semakin kuat.", {P("Wang Yi")}),
    ("Setelah bertemu Antony Blinken, Wang Yi mengatakan hubungan kedua negara semakin kuat.", {P("Wang Yi")}),
    ("Menteri Luar Negeri Jepang Yoko Kamikawa mengatakan latihan itu akan diperluas.", {P("Yoko Kamikawa")}),
])
def test_subjects_coordinated_before_a_verb_of_speech_all_speak(text, speakers):
    (st,) = extract(text, "statement")
    assert set(st.role("speaker")) == speakers


def test_a_denial_said_together_is_denied_by_each():
    text = ("Pejabat intelijen Amerika Serikat melaporkan bahwa Iran telah memasok drone kepada Rusia. "
            "Teheran dan Moskow membantah laporan tersebut.")
    (sup,) = extract(text, "supply")
    assert set(sup.role("denier")) == {"known:Iran", "known:Russia"}


@pytest.mark.parametrize("text, speaker", [
    ("“Tidak ada rencana seperti itu,” kata Zakharova kepada wartawan.", "known:Maria_Zakharova"),
    ("Erdogan mengatakan Turki siap menjadi tuan rumah perundingan.", "known:Recep_Tayyip_Erdogan"),
])
def test_a_known_person_named_by_the_surname_alone_speaks(text, speaker):
    (st,) = extract(text, "statement")
    assert st.role("speaker") == (speaker,)


@pytest.mark.parametrize("text", [
    "“Tidak ada rencana seperti itu,” kata Kim kepada wartawan.",  # many people in the news are Kim
])
def test_a_shared_surname_alone_is_no_known_person(text):
    assert all(not s.startswith("known:") for st in extract(text, "statement") for s in st.role("speaker"))


@pytest.mark.parametrize("text, kind, place", [
    ("Presiden Prancis Emmanuel Macron bertemu Presiden Rusia Vladimir Putin di Kremlin pada Senin.", "meeting", "known:Moscow"),
    ("Perdana Menteri Inggris Keir Starmer menerima Presiden Ukraina Volodymyr Zelensky di Downing Street.",
     "meeting", "known:London"),
    ("Presiden Prancis Emmanuel Macron tiba di Gedung Putih pada Senin.", "visit", "known:Washington"),
    ("Presiden Prancis Emmanuel Macron menerima Presiden Ukraina Volodymyr Zelensky di Istana Elysee.", "meeting",
     "known:Paris"),
    # a seat of power named as a speaker, not where it happened: the place stated after it
    ("Juru bicara Kremlin Dmitry Peskov bertemu Menlu China Wang Yi di Beijing.", "meeting", "known:Beijing"),
])
def test_an_event_at_a_seat_of_power_is_in_its_city(text, kind, place):
    (a,) = extract(text, kind)
    assert (a.value("place") if kind == "meeting" else a.role("destination")[0]) == place


@pytest.mark.parametrize("text, pair", [
    ("Kanselir Jerman Olaf Scholz menerima Perdana Menteri Jepang Fumio Kishida di Berlin.",
     {P("Olaf Scholz"), P("Fumio Kishida")}),
    ("Presiden Joko Widodo menerima Anwar Ibrahim di Istana Bogor pada Senin.", {P("Joko Widodo"), P("Anwar Ibrahim")}),
])
def test_receiving_a_person_is_meeting_them(text, pair):
    (m,) = extract(text, "meeting")
    assert people(m) == pair


@pytest.mark.parametrize("text", [
    "Korea Utara menerima bantuan pangan dari Presiden Rusia Vladimir Putin.",
    "Presiden Joko Widodo menerima telepon dari Presiden Rusia Vladimir Putin.",
    "Presiden Joko Widodo menerima surat dari Presiden Rusia Vladimir Putin.",
    "Presiden Joko Widodo tidak menerima Presiden Rusia Vladimir Putin di Jakarta.",
])
def test_receiving_a_thing_from_a_person_or_refusing_them_is_no_meeting(text):
    assert extract(text, "meeting") == []


@pytest.mark.parametrize("text, content", [
    ('Kementerian Luar Negeri Iran menyebut tuduhan itu sebagai "kebohongan besar".',
     'tuduhan itu sebagai "kebohongan besar"'),
    ("Menlu Turki mengatakan Ankara akan “tetap netral dalam konflik ini.”", "Ankara akan “tetap netral dalam konflik ini.”"),
    ('Menlu Turki mengatakan, "Ankara akan tetap netral."', "Ankara akan tetap netral"),  # quotes around it all go
])
def test_a_quote_closing_inside_reported_content_keeps_its_closing_mark(text, content):
    (st,) = extract(text, "statement")
    assert st.value("text") == content


@pytest.mark.parametrize("second, deniers", [
    ("Tuduhan itu dibantah oleh Teheran.", {"known:Iran"}),
    ("Laporan tersebut telah dibantah keras Moskow.", {"known:Russia"}),
    ("Laporan tentang pengiriman rudal itu dibantah Teheran.", set()),  # another item: not this claim
    ("Tuduhan itu dibantah oleh seorang pejabat di Teheran.", set()),  # no actor right after the verb
])
def test_a_passive_denial_names_its_denier_after_the_verb(second, deniers):
    text = f"Ukraina menuding Iran telah mengirimkan ribuan drone kamikaze ke Rusia. {second}"
    (sup,) = extract(text, "supply")
    assert set(sup.role("denier")) == deniers


def test_an_item_named_by_two_item_words_is_one_and_coordination_runs_past_it():
    text = "Ukraina menuding Iran telah mengirimkan ribuan amunisi artileri dan puluhan rudal balistik ke Rusia."
    assert {s.role("item")[0] for s in extract(text, "supply")} == {"item:item.ammunition", "item:item.missiles"}


@pytest.mark.parametrize("text, place", [
    ("Presiden Brasil Luiz Inacio Lula da Silva bertemu Presiden China Xi Jinping di Aula Besar Rakyat, Beijing, "
     "pada Jumat.", "known:Beijing"),
    ("Perdana Menteri India Narendra Modi bertemu Presiden Prancis Emmanuel Macron di Gedung Elysee, Paris.",
     "known:Paris"),
    # a venue with no city after it stays the venue
    ("Perdana Menteri India Narendra Modi bertemu Presiden Prancis Emmanuel Macron di Gedung Hyderabad pada Senin.",
     "place:gedunghiderabad"),
])
def test_a_venue_where_they_met_then_its_city_gives_the_city(text, place):
    (m,) = extract(text, "meeting")
    assert m.value("place") == place


def test_a_presidential_palace_without_its_city_is_not_the_indonesian_one():
    text = "Presiden Rusia Vladimir Putin disambut oleh Presiden Vietnam To Lam di Istana Kepresidenan pada Kamis."
    (m,) = extract(text, "meeting")
    assert m.value("place") != "known:Jakarta"


@pytest.mark.parametrize("said", [
    "Menteri Luar Negeri Iran Abbas Araghchi menegaskan bahwa Iran tidak pernah memasok drone kepada Rusia.",
    "Iran tidak pernah mengirim drone ke Rusia, kata Menteri Luar Negeri Iran Abbas Araghchi.",
])
def test_a_supply_a_speaker_says_did_not_happen_is_denied_by_the_speaker_and_undated(said):
    (s,) = extract(said, "supply")
    assert s.role("supplier") == ("known:Iran",) and s.role("recipient") == ("known:Russia",)
    assert s.role("asserter") == () and s.role("denier") == (P("Abbas Araghchi"),) and s.value("date") is None


def test_a_speaker_saying_a_supply_did_not_happen_denies_the_claim_of_it_in_the_article():
    text = ("Departemen Luar Negeri Amerika Serikat menyebut Iran telah mengirimkan ratusan drone kepada Rusia. "
            "Menteri Luar Negeri Iran Abbas Araghchi menegaskan bahwa Iran tidak pernah memasok drone kepada Rusia.")
    claim = next(s for s in extract(text, "supply") if s.role("asserter"))
    assert claim.role("denier") == (P("Abbas Araghchi"),)


@pytest.mark.parametrize("text", [
    "Iran tidak pernah memasok drone kepada Rusia.",  # told by the article: no one to deny it
    "Menteri Luar Negeri Iran Abbas Araghchi menegaskan bahwa Iran tidak pernah menerima drone dari Rusia.",
])
def test_a_narrated_negated_supply_is_no_supply(text):
    assert [s for s in extract(text, "supply") if s.role("supplier") == ("known:Iran",)] == []


HEAD = "Senin, 2 Desember 2024 10:00 WIB\n\n"


@pytest.mark.parametrize("text, kind, date", [
    # the date of what it has been since is not the event's
    ("Kunjungan Menteri Luar Negeri Rusia Sergei Lavrov ke Teheran merupakan yang pertama sejak Presiden Iran "
     "Masoud Pezeshkian menjabat pada Juli lalu.", "visit", "2024-12"),
    ("Kunjungan Menteri Luar Negeri Rusia Sergei Lavrov ke Teheran merupakan yang pertama sejak 2019.", "visit", "2024-12"),
    ("Sejak Presiden Iran Masoud Pezeshkian menjabat pada Juli, Menteri Luar Negeri Rusia Sergei Lavrov sudah "
     "berkunjung ke Teheran.", "visit", "2024-12"),
    # an event inside the clause keeps its date; a supply "sejak" a date began then
    ("Hubungan membaik sejak Presiden Iran Masoud Pezeshkian bertemu Presiden Rusia Vladimir Putin pada Oktober "
     "di Kazan.", "meeting", "2024-10"),
    ("Iran telah mengirimkan drone kepada Rusia sejak tahun lalu, kata Amerika Serikat.", "supply", "2023"),
    ("Iran telah mengirimkan drone kepada Rusia sejak 2022, kata Amerika Serikat.", "supply", "2022"),
    ("Kunjungan Menteri Luar Negeri Rusia Sergei Lavrov ke Teheran merupakan yang pertama sejak Juli.", "visit", "2024-12"),
    ("Menteri Luar Negeri Rusia Sergei Lavrov berkunjung ke Teheran sejak hari Sabtu.", "visit", "2024-11-30"),
])
def test_a_date_in_a_clause_of_sejak_dates_what_it_has_been_since(text, kind, date):
    (a,) = [a for ex in EXTRACTORS for a in ex(make_doc(HEAD + text)) if a.kind == kind]
    assert a.value("date") == date


def test_a_meeting_in_a_building_no_file_places_is_in_the_city_of_the_visit_under_way():
    text = ("Presiden Rusia Vladimir Putin tiba di Hanoi pada Rabu (19/6/2024).\n"
            "Putin disambut oleh Presiden Vietnam To Lam di Istana Kepresidenan pada Kamis (20/6/2024).")
    (m,) = extract(text, "meeting")
    assert m.value("place") == "known:Hanoi" and m.value("place_inferred") is True


@pytest.mark.parametrize("text, items, recipient", [
    ("Rusia selama ini memasok sebagian besar persenjataan militer Vietnam, termasuk jet tempur dan kapal selam.",
     {"item:item.weapons", "item:item.fighter-jets", "item:item.warships"}, "known:Vietnam"),
    ("Prancis menjual senjata ke India, termasuk jet tempur Rafale.", {"item:item.weapons", "item:item.fighter-jets"},
     "known:India"),
    # the owner is the supplier itself: no recipient
    ("Rusia memasok rudal Rusia.", {"item:item.missiles"}, None),
])
def test_a_supply_to_the_country_whose_arms_they_are_and_the_items_it_includes(text, items, recipient):
    found = extract(text, "supply")
    assert {s.role("item")[0] for s in found} == items
    assert {(s.role("recipient") or (None,))[0] for s in found} == {recipient}


def test_a_denial_of_weapons_rejects_the_claims_of_any_weapon_once_each():
    text = ("Kim Yo Jong mengatakan bahwa Korea Utara tidak berniat menjual senjata kepada Rusia. "
            "\"Kami tidak pernah mengekspor senjata ke Rusia,\" kata Kim Yo Jong. "
            "Badan Intelijen Nasional Korea Selatan menyebut Korea Utara telah mengirim peluru artileri ke Rusia.")
    found = extract(text, "supply")
    claim = next(s for s in found if s.role("asserter"))
    assert claim.role("item") == ("item:item.artillery-shells",) and claim.role("denier") == ("known:Kim_Yo_Jong",)
    (denied,) = [s for s in found if not s.role("asserter")]
    assert denied.role("item") == ("item:item.weapons",) and denied.role("denier") == ("known:Kim_Yo_Jong",)


def test_a_denial_of_one_weapon_does_not_reject_another():
    text = ("Iran tidak pernah mengirim drone ke Rusia, kata Kementerian Luar Negeri Iran. "
            "Amerika Serikat menyebut Iran telah mengirim rudal ke Rusia.")
    claim = next(s for s in extract(text, "supply") if s.role("asserter"))
    assert claim.role("denier") == ()


@pytest.mark.parametrize("text, speaker, content", [
    ("Kedua pemimpin berbincang selama empat jam, menurut juru bicara Kremlin Dmitry Peskov.", "known:Dmitry_Peskov",
     "Kedua pemimpin berbincang selama empat jam"),
    ("Menurut analis dari Carnegie Endowment, Alexander Gabuev, Beijing berhati-hati terhadap sanksi.",
     P("Alexander Gabuev"), "Beijing berhati-hati terhadap sanksi"),
    # a body named alone is the speaker, and a titled person after its comma is what it said of them
    ("Menurut Kementerian Luar Negeri Rusia, Presiden Rusia Vladimir Putin akan datang.",
     "org:ministry.foreign|known:Russia", "Presiden Rusia Vladimir Putin akan datang"),
])
def test_according_to_a_titled_person_is_the_person_not_the_body_in_the_title(text, speaker, content):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,) and s.value("text") == content


@pytest.mark.parametrize("text, agent, dest", [
    ("Presiden Ukraina Volodymyr Zelensky menyambut kedatangan Menteri Luar Negeri Amerika Serikat Antony Blinken "
     "di Kiev, Rabu.", "known:Antony_Blinken", "known:Kyiv"),
    ("Sebelumnya, Wang Yi, diplomat top China, telah mengunjungi Moskow pada Februari 2023.", "known:Wang_Yi",
     "known:Moscow"),
    ("Wang Yi, Menteri Luar Negeri China, mengunjungi Moskow.", "known:Wang_Yi", "known:Moscow"),
])
def test_visits_welcomed_by_a_host_and_by_a_subject_described_between_commas(text, agent, dest):
    (v,) = extract(text, "visit")
    assert v.role("agent") == (agent,) and v.role("destination") == (dest,)


def test_no_visit_of_troops_arriving():
    assert extract("Kedatangan pasukan Korea Utara ke Rusia dikonfirmasi Pentagon.", "visit") == []


@pytest.mark.parametrize("text, pair", [
    ('"Kami mendukung Ukraina," ujar Blinken dalam konferensi pers bersama Menteri Luar Negeri Ukraina Dmytro Kuleba.',
     {"known:Antony_Blinken", P("Dmytro Kuleba")}),
    ("Menteri Luar Negeri Amerika Serikat Antony Blinken menggelar jumpa pers bersama dengan Menteri Luar Negeri "
     "Ukraina Dmytro Kuleba di Kiev.", {"known:Antony_Blinken", P("Dmytro Kuleba")}),
])
def test_a_joint_press_conference_is_a_meeting(text, pair):
    (m,) = extract(text, "meeting")
    assert people(m) == pair


@pytest.mark.parametrize("text", [
    "Dalam konferensi pers bersama, Menteri Luar Negeri Iran Abbas Araghchi menegaskan hal itu.",
    "Menteri Luar Negeri Amerika Serikat Antony Blinken menggelar konferensi pers bersama wartawan di Kiev.",
])
def test_a_press_conference_with_no_one_named_is_no_meeting(text):
    assert extract(text, "meeting") == []


def test_a_titled_person_supplying_acts_for_their_country_later_in_the_article():
    text = ("Menteri Luar Negeri Amerika Serikat Antony Blinken tiba di Kiev. Dalam kunjungannya, Blinken mengumumkan "
            "paket bantuan militer baru untuk Ukraina, termasuk amunisi.")
    (s,) = extract(text, "supply")
    assert s.role("supplier") == ("known:United_States",) and s.role("recipient") == ("known:Ukraine",)
    # a person the article gives no country supplies for no one
    assert extract("Antony Blinken mengirim amunisi ke Ukraina.", "supply") == []


def test_kedua_pemimpin_are_the_last_pair_of_leaders_met_not_a_minister_at_the_airport():
    text = ("Presiden Rusia Vladimir Putin menjamu Perdana Menteri India Narendra Modi di Moskow pada Senin. "
            "Modi disambut Wakil Perdana Menteri Rusia Denis Manturov di bandara. "
            "Keesokan harinya, kedua pemimpin menggelar pembicaraan resmi di Kremlin.")
    last = extract(text, "meeting")[-1]
    assert people(last) == {"known:Vladimir_Putin", "known:Narendra_Modi"}
    # "keduanya" is still the pair just told
    text = text.replace("kedua pemimpin menggelar", "keduanya menggelar")
    assert people(extract(text, "meeting")[-1]) == {"known:Narendra_Modi", P("Denis Manturov")}


@pytest.mark.parametrize("claim, denied", [
    ("Iran dituding memasok roket kepada Hamas.", True),  # an accusation, whosever it is
    ("Iran memasok roket kepada Hamas.", False),  # told as fact by the article: not what the denial rejects
])
def test_a_bare_rejection_denies_an_accusation_before_it(claim, denied):
    (s,) = extract(claim + " Teheran membantah tuduhan tersebut.", "supply")
    assert s.role("denier") == (("known:Iran",) if denied else ())
    assert s.value("hedged") is denied


@pytest.mark.parametrize("reply, denies", [
    ("Nasser Kanaani menyebut laporan tersebut tidak berdasar.", True),
    ("Nasser Kanaani mengatakan tuduhan itu mengada-ada.", True),
    ("Nasser Kanaani mengatakan laporan itu hoaks.", True),
    ("Nasser Kanaani menyebut tuduhan itu tidak masuk akal.", True),
    ("Nasser Kanaani menyebut klaim tersebut rekayasa.", True),
    # something else said to be groundless is no denial of the claim
    ("Nasser Kanaani menyebut rencana sanksi itu tidak masuk akal.", False),
    ("Nasser Kanaani mengatakan kekhawatiran Barat soal program nuklir tidak berdasar.", False),
])
def test_calling_a_report_groundless_denies_it(reply, denies):
    (s,) = extract("Amerika Serikat menuduh Iran mengirim rudal ke Rusia. " + reply, "supply")
    assert s.role("denier") == ((P("Nasser Kanaani"),) if denies else ())


@pytest.mark.parametrize("text, speaker", [
    ("Kementerian Pertahanan Korea Selatan memperkirakan sekitar 11.000 tentara Korea Utara berada di Rusia.",
     "org:ministry.defence|known:South_Korea"),
])
def test_an_estimate_is_a_statement_of_who_made_it(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,)


def test_a_military_unit_deployed_is_troops_supplied():
    (s,) = extract("Menurut Sekretaris Jenderal NATO Mark Rutte, unit militer Korea Utara telah dikerahkan ke "
                   "wilayah Kursk.", "supply")
    assert s.role("supplier") == ("known:North_Korea",) and s.role("item") == ("item:item.troops",)


@pytest.mark.parametrize("text, speaker", [
    ("Belousov, yang menggantikan Shoigu sebagai menteri pertahanan pada Mei lalu, mengatakan Moskow menghargai "
     "dukungan itu.", "known:Andrei_Belousov"),
    # a description with no clause of its own, as before
    ("Wang Yi, diplomat top China, mengatakan hubungan kedua negara kuat.", "known:Wang_Yi"),
])
def test_a_speaker_before_a_relative_clause_set_off_by_commas(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,)


def test_the_verb_of_a_relative_clause_is_its_heads_not_a_name_after_it():
    (v,) = extract("Putin, yang tiba di Hanoi pada Rabu, bertemu Presiden Vietnam To Lam.", "visit")
    assert v.role("agent") == ("known:Vladimir_Putin",)
    # a relative clause about the one met: their arrival
    (v,) = extract("Putin bertemu Xi Jinping, yang tiba di Moskow pada Senin.", "visit")
    assert v.role("agent") == ("known:Xi_Jinping",)


@pytest.mark.parametrize("text, speaker", [
    ("Pertemuan itu berlangsung empat jam, menurut kantor berita Rusia TASS.", "known:TASS"),
    ("Pertemuan itu berlangsung empat jam, menurut juru bicara Kremlin Dmitry Peskov.", "known:Dmitry_Peskov"),
    ("Pertemuan itu berlangsung empat jam, menurut pejabat Rusia.", "known:Russia"),  # no one else named
])
def test_a_closing_menurut_prefers_a_person_then_an_agency_to_the_country_qualifying_it(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,)


@pytest.mark.parametrize("text, hedged", [
    ("Amerika Serikat memperingatkan bahwa Korea Utara dapat memasok amunisi kepada Rusia.", True),
    ("Korea Utara berpotensi mengirim rudal ke Rusia.", True),
    ("Korea Utara bisa saja mengirim rudal ke Rusia.", True),
    ("Dapat dipastikan Korea Utara telah memasok amunisi kepada Rusia.", False),  # certain, not possible
    ("Korea Utara telah memasok amunisi kepada Rusia.", False),
    # estimated, feared, a risk
    ("Kepala Staf Gabungan Korea Selatan memperkirakan Korea Utara akan mengirim drone ke Rusia.", True),
    ("Korea Utara diperkirakan telah memasok jutaan peluru artileri kepada Rusia.", True),
    ("Ada risiko Korea Utara mengirim rudal ke Rusia.", True),
    ("Jepang khawatir Korea Utara memasok rudal kepada Rusia.", True),
    # a number estimated of what was sent, not whether it was
    ("Kementerian Pertahanan Korea Selatan memperkirakan sekitar 11.000 tentara Korea Utara telah dikirim ke Rusia.", False),
])
def test_a_supply_that_could_happen_is_hedged(text, hedged):
    (s,) = extract(text, "supply")
    assert s.value("hedged") is hedged


def test_neither_denying_nor_confirming_is_no_denial_and_no_statement():
    text = ("Korea Selatan menuduh Korea Utara telah mengirim tentara ke Rusia. "
            "Pyongyang tidak membantah maupun membenarkan laporan tersebut.")
    (s,) = extract(text, "supply")
    assert s.role("denier") == ()
    assert [a.role("speaker") for a in extract(text, "statement")] == [("known:South_Korea",)]
    # the same without the negation is a denial
    (s,) = extract(text.replace("tidak membantah maupun membenarkan", "membantah"), "supply")
    assert s.role("denier") == ("known:North_Korea",)


def test_a_claim_two_speakers_make_together_is_asserted_by_both():
    (s,) = extract("Amerika Serikat dan Korea Selatan memperkirakan 10.000 tentara Korea Utara telah dikirim ke Rusia.",
                   "supply")
    assert set(s.role("asserter")) == {"known:United_States", "known:South_Korea"}


@pytest.mark.parametrize("opening", ["Menurutnya,", "Menurut dia,"])
def test_menurutnya_is_the_one_who_spoke_just_before(opening):
    text = ("Kepala NATO Mark Rutte mengatakan pasukan itu telah tiba di Kursk. "
            f"{opening} pasukan tersebut dilatih oleh Rusia.")
    last = extract(text, "statement")[-1]
    assert last.role("speaker") == (P("Mark Rutte"),) and last.value("text") == "pasukan tersebut dilatih oleh Rusia"


def test_containers_of_military_equipment_sent_are_a_supply_of_it():
    found = extract("Juru bicara Gedung Putih John Kirby mengatakan Korea Utara telah mengirim lebih dari 1.000 "
                    "kontainer berisi peralatan militer dan amunisi ke Rusia.", "supply")
    assert {s.role("item")[0] for s in found} == {"item:item.military-equipment", "item:item.ammunition"}
    assert all(s.role("recipient") == ("known:Russia",) for s in found)
    # equipment of no war is no item
    assert extract("Korea Utara mengirim peralatan medis ke Rusia.", "supply") == []


@pytest.mark.parametrize("text, dest", [
    ("Lavrov mendarat di Bandara Internasional Sunan, Pyongyang, pada Rabu.", "known:Pyongyang"),
    ("Putin tiba di Bandara Vnukovo di Moskow.", "known:Moscow"),
    ("Putin tiba di Bandara Vnukovo.", "place:vnukovo"),  # no city named: the airport
])
def test_a_venue_with_a_long_name_then_its_city_is_the_city(text, dest):
    (v,) = extract(text, "visit")
    assert v.role("destination") == (dest,)


@pytest.mark.parametrize("there", ["Di sana", "Di kota itu", "Di tempat tersebut"])
def test_a_meeting_there_is_in_the_place_just_named(there):
    text = (f"Lavrov tiba di Pyongyang pada Rabu. Sebelumnya Lavrov berada di Beijing. {there} ia bertemu "
            "dengan Menteri Luar Negeri China Wang Yi.")
    (m,) = extract(text, "meeting")
    assert m.value("place") == "known:Beijing"


@pytest.mark.parametrize("word, day", [("langsung disambut oleh", "2023-10-18"), ("kemudian bertemu dengan", None)])
def test_what_happens_straight_away_happens_on_the_day_just_told(word, day):
    text = (f"Lavrov mendarat di Pyongyang pada Rabu (18/10/2023). Ia {word} Menteri Luar Negeri "
            "Korea Utara Choe Son Hui.")
    (m,) = extract(text, "meeting")
    if day:
        assert m.value("date") == day and m.value("date_inferred") is True
    else:
        assert len(m.value("date") or "") < 10


def test_the_place_of_a_situation_discussed_in_a_region_is_not_where_they_met():
    text = ("Presiden Rusia Vladimir Putin bertatap muka dengan Sekretaris Dewan Keamanan Rusia Sergei Shoigu di "
            "Kremlin pada Kamis. Keduanya membahas situasi di wilayah Kursk.")
    assert {m.value("place") for m in extract(text, "meeting")} == {"known:Moscow"}


@pytest.mark.parametrize("text, recipient", [
    ("Korea Utara telah memasok separuh dari seluruh amunisi yang digunakan Rusia di medan perang.", "known:Russia"),
    ("Iran memasok drone yang dipakai oleh Rusia.", "known:Russia"),
])
def test_what_a_country_uses_was_supplied_to_it(text, recipient):
    (s,) = extract(text, "supply")
    assert s.role("recipient") == (recipient,)


@pytest.mark.parametrize("text", [
    "Korea Selatan sedang mempertimbangkan untuk memasok senjata secara langsung kepada Ukraina.",
    "Iran berencana mengirim drone ke Rusia.",
])
def test_a_supply_considered_or_planned_is_hedged(text):
    (s,) = extract(text, "supply")
    assert s.value("hedged") is True


@pytest.mark.parametrize("text, speaker", [
    ("Kim Jong Un menjamu Shoigu di Pyongyang, kata media pemerintah Korea Utara KCNA pada Sabtu.", "known:KCNA"),
    ("Sanksi itu gagal, kata Rusia dalam pernyataan yang dimuat TASS.", "known:Russia"),  # TASS only relays
])
def test_a_speaker_after_kata_is_the_body_a_country_qualifies(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (speaker,)


def test_a_meeting_with_no_place_is_where_one_of_them_was_just_met():
    text = ("Pemimpin Korea Utara Kim Jong Un menjamu Sekretaris Dewan Keamanan Rusia Sergei Shoigu di Pyongyang. "
            "Kedua pejabat itu membahas kerja sama strategis. "
            "Shoigu juga bertemu dengan Menteri Pertahanan Korea Utara No Kwang Chol.")
    last = extract(text, "meeting")[-1]
    assert last.value("place") == "known:Pyongyang" and last.value("place_inferred") is True


@pytest.mark.parametrize("text", [
    "Putin berbicara via telepon dengan Trump, menurut laporan media AS.",
    "Menurut media Rusia, Putin berbicara via telepon dengan Trump.",
    "Putin berbicara via telepon dengan Trump, lapor media Rusia.",
])
def test_media_of_a_country_the_text_does_not_name_is_no_speaker(text):
    assert extract(text, "statement") == []


def test_the_media_of_a_country_named_is_the_speaker_and_a_country_alone_is():
    (s,) = extract("Menurut media pemerintah Korea Utara KCNA, Kim mengunjungi pabrik itu.", "statement")
    assert s.role("speaker") == ("known:KCNA",)
    (s,) = extract("Menurut Rusia, Putin berbicara via telepon dengan Trump.", "statement")
    assert s.role("speaker") == ("known:Russia",)


@pytest.mark.parametrize("text, dest", [
    ("Presiden Iran Masoud Pezeshkian tiba di ibu kota Rusia itu pada Jumat pagi.", "known:Moscow"),
    ("Belousov tiba di ibu kota Korea Utara pada Jumat.", "known:Pyongyang"),
    ("Belousov tiba di Korea Utara pada Jumat.", "known:North_Korea"),
])
def test_arriving_in_the_capital_of_a_country_is_arriving_in_its_capital(text, dest):
    (v,) = extract(text, "visit")
    assert v.role("destination") == (dest,)


def test_an_accusation_by_someone_unnamed_is_hedged_and_a_bare_rejection_denies_it():
    text = "Negara-negara Barat menuduh Iran memasok drone Shahed kepada Rusia. Teheran membantah tuduhan tersebut."
    (s,) = extract(text, "supply")
    assert s.value("hedged") is True and s.role("denier") == ("known:Iran",)


def test_sharing_technology_is_a_supply_of_it():
    (s,) = extract("Kami percaya Moskow bermaksud membagikan teknologi satelit kepada Pyongyang, kata Blinken.", "supply")
    assert s.role("supplier") == ("known:Russia",) and s.role("item") == ("item:item.technology",)
    assert s.value("hedged") is True  # an intention


def test_a_joint_staff_is_no_persons_name():
    (s,) = extract("Menurut Kepala Staf Gabungan (JCS) Korsel, rudal itu terbang 1.100 kilometer.", "statement")
    assert s.role("speaker") == ("known:Joint_Chiefs_of_Staff_South_Korea",)
    assert extract("Menurut Kepala Staf Gabungan (JCS) Korsel, rudal itu terbang 1.100 kilometer.", "position") == []


@pytest.mark.parametrize("text, holders", [
    # two names after two titles: the first holds the inner title, the second the outer
    ("Penasihat Presiden Zelensky Mykhailo Podolyak mengatakan hal itu.",
     {("known:Volodymyr_Zelensky", "Presiden"), (P("Mykhailo Podolyak"), "Penasihat")}),
    ("Juru bicara Presiden Putin, Dmitry Peskov, mengatakan hal itu.",
     {("known:Vladimir_Putin", "Presiden"), ("known:Dmitry_Peskov", "Juru Bicara")}),
    # one name: whose title it is the words do not tell, so neither (never "Peskov, Presiden Rusia")
    ("Juru bicara Presiden Rusia Dmitry Peskov mengatakan hal itu.", set()),
    ("Sugiono hadir sebagai utusan khusus Presiden Prabowo Subianto.", set()),
    # a rank before a name is no office of someone else's
    ("Menlu Arab Saudi Pangeran Faisal bin Farhan mengatakan hal itu.", {(P("Faisal bin Farhan"), "Menteri Luar Negeri")}),
])
def test_a_title_of_someone_elses_office(text, holders):
    found = {(a.role("subject")[0], a.value("position")) for a in extract(text, "position")}
    assert found == holders


def test_talks_held_separately_on_the_same_day_are_a_meeting_on_the_day_just_told():
    text = ("Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Kazan pada Kamis (24/10/2024). "
            "Putin juga mengadakan pertemuan bilateral secara terpisah dengan Sekretaris Jenderal PBB Antonio "
            "Guterres pada hari yang sama.")
    last = extract(text, "meeting")[-1]
    assert people(last) == {"known:Vladimir_Putin", "known:Antonio_Guterres"} and last.value("date") == "2024-10-24"
    assert extract("Putin melakukan pembicaraan via telepon dengan Presiden Xi Jinping.", "meeting") == []


@pytest.mark.parametrize("text", [
    "Zelensky kembali meminta Berlin untuk mengirimkan rudal jelajah Taurus.",
    "Ukraina mendesak Amerika Serikat mengirim lebih banyak sistem pertahanan udara.",
])
def test_a_supply_asked_for_is_no_supply(text):
    assert extract(text, "supply") == []


def test_a_request_granted_is_still_a_supply():
    (s,) = extract("Atas permintaan Moskow, Korea Utara mengirimkan tentara ke Rusia.", "supply")
    assert s.role("supplier") == ("known:North_Korea",)


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Pemerintah Jerman mengumumkan pengiriman sistem pertahanan udara tambahan ke Ukraina.", "known:Germany",
     "known:Ukraine"),
    ("Amerika Serikat menyetujui penjualan jet tempur F-16 kepada Turki.", "known:United_States", "known:Turkiye"),
])
def test_a_supply_announced_or_approved_is_the_announcers(text, supplier, recipient):
    (s,) = extract(text, "supply")
    assert s.role("supplier") == (supplier,) and s.role("recipient") == (recipient,)


def test_an_announcement_that_a_supply_is_late_is_no_supply_by_the_announcer():
    assert extract("Jerman mengumumkan bahwa pengiriman tank ke Ukraina tertunda.", "supply") == []


def test_the_chair_of_a_legislature_the_files_know_holds_that_office():
    (p,) = extract("Kim Jong Un menerima Ketua Duma Negara Vyacheslav Volodin di Pyongyang.", "position")
    assert p.role("subject") == ("known:Vyacheslav_Volodin",) and p.role("represents") == ("known:State_Duma",)


def test_an_agency_opening_the_sentence_relays_the_speaker_it_quotes():
    found = extract("Menurut kantor berita KCNA, Kim Jong Un menyebut hubungan kedua negara kini tak terkalahkan.",
                    "statement")
    assert [(s.role("speaker"), s.role("reporter")) for s in found] == [(("known:Kim_Jong_Un",), ("known:KCNA",))]


def test_a_date_in_what_a_meeting_discussed_is_not_the_meetings():
    from kg.extractors.common import date_near

    ann = make_doc("Putin bertemu Xi Jinping pada Senin (8/4/2024) untuk membahas kunjungan ke Beijing pada Mei 2024.")
    (m,) = [a for ex in EXTRACTORS for a in ex(ann) if a.kind == "meeting"]
    assert m.value("date") == "2024-04-08"
    ann = make_doc("Kedua menteri itu membahas persiapan kunjungan ke Beijing pada Mei 2024.")
    assert date_near(ann, ann.sentences[0], ann.doc.text.index("membahas"))[0] != "2024-05"


def test_a_second_speaker_after_sementara_ends_the_first_ones_content():
    found = extract("Lavrov menuding Amerika Serikat menggunakan Ukraina untuk melemahkan Rusia, sementara Wang Yi "
                    "menyatakan China menentang perluasan NATO ke Asia.", "statement")
    texts = {s.role("speaker")[0]: s.value("text") for s in found}
    assert texts == {"known:Sergei_Lavrov": "Amerika Serikat menggunakan Ukraina untuk melemahkan Rusia",
                     "known:Wang_Yi": "China menentang perluasan NATO ke Asia"}
    # with no second speaker, "sementara" is part of what was said
    (s,) = extract("Lavrov mengatakan Rusia siap berunding, sementara serangan terus berlanjut.", "statement")
    assert s.value("text").endswith("sementara serangan terus berlanjut")


@pytest.mark.parametrize("text, country", [
    ("Negeri Beruang Merah itu membantah telah menerima rudal dari Korut.", "known:Russia"),
    ("Negeri Paman Sam menuduh Negeri Tirai Bambu memasok drone ke Rusia.", "known:China"),
])
def test_a_countrys_epithet_is_the_country(text, country):
    (s,) = extract(text, "supply")
    assert country in s.role("supplier") + s.role("recipient")


def test_a_receipt_denied_by_the_receiver_is_a_denied_supply():
    (s,) = extract("Rusia membantah telah menerima rudal dari Korea Utara.", "supply")
    assert s.role("denier") == ("known:Russia",) and s.role("asserter") == ()
    assert extract("Rusia tidak menerima rudal dari Iran.", "supply") == []  # told by the article: nothing
    text = "Gedung Putih mengatakan Korea Utara mengirim rudal ke Rusia. Peskov mengatakan Rusia tidak pernah menerima senjata dari Korea Utara."
    claim = [s for s in extract(text, "supply") if s.role("asserter")]
    assert [s.role("denier") for s in claim] == [("known:Dmitry_Peskov",)]


@pytest.mark.parametrize("text, holder, region", [
    ("Gubernur Wilayah Primorye Oleg Kozhemyako menyambut tamunya.", "Oleg Kozhemyako", "place:" + name_key("Primorye")),
    ("Gubernur Provinsi Jawa Barat Dedi Mulyadi menyambut tamunya.", "Dedi Mulyadi", "place:jawabarat"),
])
def test_a_region_named_by_its_kind_is_the_office_holders_affiliation(text, holder, region):
    (p,) = extract(text, "position")
    assert p.role("subject") == (P(holder),) and p.role("represents") == (region,)


@pytest.mark.parametrize("text, dest", [
    ("Pemimpin Korea Utara Kim Jong Un mengunjungi pabrik pesawat tempur di kota Artyom.",
     "place:" + name_key("Artyom")),
    ("Presiden Rusia Vladimir Putin mengunjungi pabrik tank di Pyongyang.", "known:Pyongyang"),
    # a leader at home makes no journey
    ("Pemimpin Korea Utara Kim Jong Un mengunjungi pabrik amunisi di Pyongyang.", None),
    ("Presiden Rusia Vladimir Putin tiba di Moskow setelah lawatannya.", None),
])
def test_a_site_visited_in_a_place_is_a_visit_there_unless_it_is_home(text, dest):
    found = extract(text, "visit")
    assert [v.role("destination") for v in found] == ([(dest,)] if dest else [])


def test_a_welcome_on_arrival_is_on_the_day_of_the_arrival():
    text = ("Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024) dini hari. Ini kunjungan "
            "pertamanya sejak tahun 2000. Kim Jong Un menyambut kedatangan Putin di Bandara Internasional Sunan.")
    (m,) = extract(text, "meeting")
    assert m.value("date") == "2024-06-19" and m.value("place") == "known:Pyongyang"


@pytest.mark.parametrize("welcome, date", [
    ("Belousov disambut Menteri Pertahanan Korea Utara No Kwang Chol di bandara.", "2024-11-29"),
    ("Setibanya di sana, Belousov bertemu Menteri Pertahanan Korea Utara No Kwang Chol.", "2024-11-29"),
    ("Belousov bertemu Menteri Pertahanan Korea Utara No Kwang Chol.", "2024-11"),  # not told as on arrival
])
def test_a_welcome_told_after_an_arrival_is_on_its_day(welcome, date):
    text = f"Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang, Jumat (29/11/2024). {welcome}"
    (m,) = extract(text, "meeting")
    assert m.value("date") == date


@pytest.mark.parametrize("text, holder, title", [
    ("Pelatih Shin Tae-yong mengatakan para pemain siap bertanding.", "Shin Tae-yong", "Pelatih"),
    ("Menko Polhukam Budi Gunawan mengatakan situasi aman.", "Budi Gunawan", "Menteri"),
    ("Mensesneg Prasetyo Hadi menyampaikan bahwa Presiden akan berangkat.", "Prasetyo Hadi", "Menteri"),
    ("Menkeu Sri Mulyani mengatakan anggaran cukup.", "Sri Mulyani", "Menteri"),
])
def test_more_titles_before_names(text, holder, title):
    (p,) = extract(text, "position")
    assert p.role("subject") == (P(holder),) and p.value("position") == title


def test_a_match_between_national_teams_is_no_meeting():
    assert extract("Timnas Indonesia akan bertemu Jepang di Stadion Utama Gelora Bung Karno, Jakarta.", "meeting") == []


@pytest.mark.parametrize("text, met", [
    ("Lavrov bertemu Kim Jong Un serta Menteri Luar Negeri Korea Utara Choe Son Hui di Pyongyang.",
     {"known:Kim_Jong_Un", "known:Choe_Son_Hui"}),
    ("Putin bertemu Xi Jinping, Li Qiang, dan Wang Yi di Beijing.",
     {"known:Xi_Jinping", "known:Li_Qiang", "known:Wang_Yi"}),
    ("Lavrov mengadakan pertemuan dengan Wang Yi dan Choe Son Hui di Vientiane.", {"known:Wang_Yi", "known:Choe_Son_Hui"}),
    # not a list: another clause's subject after a comma, or after "dan" a verb
    ("Lavrov bertemu Kim Jong Un, Choe Son Hui mengatakan.", {"known:Kim_Jong_Un"}),
    ("Lavrov bertemu Kim Jong Un dan mengatakan Choe Son Hui hadir.", {"known:Kim_Jong_Un"}),
])
def test_each_of_the_people_listed_after_a_meeting_verb_is_met(text, met):
    found = extract(text, "meeting")
    subject = "known:Vladimir_Putin" if text.startswith("Putin") else "known:Sergei_Lavrov"
    assert all(subject in people(m) for m in found)  # never the listed ones with each other
    assert {p for m in found for p in people(m)} - {subject} == met


@pytest.mark.parametrize("text, dest", [
    ("Presiden Rusia Vladimir Putin melakukan kunjungan kenegaraan dua hari ke Korea Utara.", "known:North_Korea"),
    ("Presiden Rusia Vladimir Putin bertandang ke Hanoi pada Kamis.", "known:Hanoi"),
    ("Presiden Rusia Vladimir Putin menyambangi Baku.", "known:Baku"),
    ("Presiden Rusia Vladimir Putin berangkat ke Kazakhstan.", "known:Kazakhstan"),
    ("Presiden Rusia Vladimir Putin menginjakkan kaki di Mongolia.", "known:Mongolia"),
])
def test_more_verbs_of_travel(text, dest):
    (v,) = extract(text, "visit")
    assert v.role("destination") == (dest,)


@pytest.mark.parametrize("text", [
    "Presiden Rusia Vladimir Putin tidak jadi berangkat ke Kazakhstan.",
    "Presiden Rusia Vladimir Putin membatalkan kunjungannya ke Turki.",
])
def test_a_journey_called_off_is_no_visit(text):
    assert extract(text, "visit") == []


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Rusia menembakkan rudal balistik buatan Korea Utara ke Kharkiv.", "known:North_Korea", "known:Russia"),
    ("Ukraina menggunakan tank buatan Jerman.", "known:Germany", "known:Ukraine"),
])
def test_weapons_used_that_another_country_made_imply_a_hedged_supply(text, supplier, recipient):
    (s,) = extract(text, "supply")
    assert (s.role("supplier"), s.role("recipient"), s.value("hedged")) == ((supplier,), (recipient,), True)


@pytest.mark.parametrize("text", [
    "Korea Utara meluncurkan rudal buatan Korea Utara.",  # its own
    "Rusia tidak menggunakan rudal buatan Iran.",  # negated
    "Rusia menggunakan rudal buatan pabrik di Korea Utara.",  # the maker is not named right after
])
def test_weapons_used_with_no_other_maker_imply_nothing(text):
    assert extract(text, "supply") == []


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Menurut Kyiv, Rusia menembakkan rudal yang dipasok Iran ke kota Odesa.", "known:Iran", "known:Russia"),
    ("Tentara Rusia menggunakan drone yang telah dikirim oleh Iran untuk menyerang Kharkiv.", "known:Iran", "known:Russia"),
    ("Ukraina menembak jatuh drone yang dikirim Iran ke Rusia.", "known:Iran", "known:Russia"),  # no use: "ke" is its recipient
])
def test_weapons_used_that_a_relative_clause_says_were_supplied_were_supplied_to_the_user(text, supplier, recipient):
    (s,) = extract(text, "supply")
    assert (s.role("supplier"), s.role("recipient"), s.value("hedged")) == ((supplier,), (recipient,), False)


def test_weapons_not_used_leave_the_relative_supply_without_a_recipient():
    (s,) = extract("Rusia tidak menggunakan rudal yang dipasok Korea Utara.", "supply")
    assert (s.role("supplier"), s.role("recipient")) == (("known:North_Korea",), ())


@pytest.mark.parametrize("text, person, title", [
    ("Andriy Kostin, yang menjabat sebagai Jaksa Agung, bertemu Presiden Amerika Serikat John Roberts di Washington.",
     "person:andrikostin", "Jaksa Agung"),
    ("Budi Hartono dilantik menjadi Perdana Menteri pada Senin.", "person:budihartono", "Perdana Menteri"),
    ("Jaksa Agung Ukraina Andriy Kostin mengatakan pihaknya menemukan puing-puing rudal.", "person:andrikostin", "Jaksa Agung"),
])
def test_an_untitled_name_said_to_hold_an_office_is_a_person_holding_it(text, person, title):
    assert (title, (person,)) in {(p.value("position"), p.role("subject")) for p in extract(text, "position")}


def test_an_office_in_a_relative_clause_is_its_names_and_the_name_meets():
    text = "Andriy Kostin, yang kini menjabat sebagai Menteri Luar Negeri, bertemu Presiden Amerika Serikat John Roberts."
    held = {p.role("subject"): p.value("position") for p in extract(text, "position")}
    assert held == {("person:andrikostin",): "Menteri Luar Negeri", ("person:johnroberts",): "Presiden"}
    assert [people(m) for m in extract(text, "meeting")] == [{"person:andrikostin", "person:johnroberts"}]


@pytest.mark.parametrize("text", [
    "Setelah dilantik sebagai Presiden, Budi Hartono bertemu Anwar Ibrahim.",  # not Anwar's office
    "Rapat Umum Pemegang Saham, yang menjabat sebagai forum tertinggi, digelar.",  # no title
])
def test_an_office_taken_by_no_named_person_is_nobodys(text):
    assert extract(text, "position") == []


@pytest.mark.parametrize("after", ["Demikian disampaikan Lavrov di Moskow.",
                                   "Pernyataan itu dilontarkan Lavrov dalam konferensi pers."])
def test_a_sentence_attributed_by_the_one_after_it(after):
    text = "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta. Moskow tidak akan mundur dari Ukraina. " + after
    last = extract(text, "statement")[-1]
    assert last.role("speaker") == ("known:Sergei_Lavrov",) and last.value("text") == "Moskow tidak akan mundur dari Ukraina"


@pytest.mark.parametrize("text, item", [
    ("Jerman mengirim empat sistem IRIS-T ke Ukraina.", "item:item.air-defence"),
    ("Washington memasok rudal ATACMS kepada Kyiv.", "item:item.missiles"),
    ("Iran telah mengirimkan drone Shahed ke Rusia.", "item:item.drones"),
])
def test_a_named_weapon_system_is_a_supplied_item(text, item):
    (s,) = extract(text, "supply")
    assert s.role("item") == (item,)


@pytest.mark.parametrize("text, said", [
    ("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan Moskow siap berunding dan menegaskan bahwa sanksi Barat "
     "tidak berpengaruh.", {"Moskow siap berunding", "sanksi Barat tidak berpengaruh"}),
    ("Lavrov menyebut sanksi itu ilegal dan juga mengatakan Rusia akan membalas.",
     {"sanksi itu ilegal", "Rusia akan membalas"}),
    # what is denied was told before: no statement of its words
    ("Juru bicara militer Ukraina Viktor Trehubov membantah klaim tersebut dan menyebut pertempuran masih berlangsung.",
     {"pertempuran masih berlangsung"}),
    ("Maria Zakharova membantah tuduhan itu dan menyebutnya sebagai propaganda Barat.", {"sebagai propaganda Barat"}),
    ('Maria Zakharova membantah tuduhan itu dan menyebutnya "fitnah".', {"fitnah"}),
])
def test_two_speech_verbs_of_one_subject_make_two_statements_of_theirs(text, said):
    found = extract(text, "statement")
    assert {s.value("text") for s in found} == said
    assert len({s.role("speaker") for s in found}) == 1 and "known:Russia" not in found[0].role("speaker")


def test_a_speech_verb_after_another_subject_is_not_joined_to_the_first():
    (s,) = extract("Lavrov mengatakan Rusia dan China mengecam sanksi itu.", "statement")
    assert s.value("text") == "Rusia dan China mengecam sanksi itu"


@pytest.mark.parametrize("opening, month", [("Dalam kunjungan tersebut", "2025-09"), ("Selama lawatan itu", "2025-09"),
                                            ("Pada kesempatan lain", None)])
def test_a_meeting_during_that_trip_is_in_the_month_the_trip_was_dated(opening, month):
    text = ("Menteri Luar Negeri Korea Utara Choe Son Hui melakukan kunjungan resmi ke Beijing pada 27-30 September 2025. "
            f"{opening}, Choe bertemu dengan Perdana Menteri China Li Qiang.")
    (m,) = extract(text, "meeting")
    assert m.value("date") == month and bool(m.value("date_inferred")) is bool(month)


@pytest.mark.parametrize("told, opening, earliest", [
    ("pada Selasa (17/6/2025)", "Dalam kunjungan itu", "2025-06-17"),
    ("pada Selasa (17/6/2025)", "Ia kemudian", "2025-06-17"),
    ("pada Juni 2025", "Dalam kunjungan itu", None),  # no day told: the month is all there is
    ("pada Selasa (17/6/2025)", "Pada kesempatan lain", None),  # not told as part of the trip
])
def test_a_meeting_dated_by_the_trip_before_it_cannot_precede_the_trip(told, opening, earliest):
    text = (f"Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang {told}. "
            f"{opening}, Belousov bertemu pemimpin Korea Utara Kim Jong Un. Keduanya membahas kerja sama militer.")
    found = extract(text, "meeting")
    assert [m.value("not_before") for m in found] == [earliest, earliest]


@pytest.mark.parametrize("middle, month", [
    ("Choe kemudian bertemu dengan Perdana Menteri China Li Qiang.", "2025-09"),
    ("Setelah itu, Choe bertemu dengan Perdana Menteri China Li Qiang.", "2025-09"),
    ("Choe bertemu dengan Perdana Menteri China Li Qiang.", None),  # not told as what came next
])
def test_a_meeting_that_came_next_is_in_the_month_just_told(middle, month):
    text = ("Menteri Luar Negeri Korea Utara Choe Son Hui tiba di Beijing pada Sabtu, 27 September 2025. "
            f"Ia disambut pejabat senior di bandara. {middle}")
    (m,) = extract(text, "meeting")
    assert m.value("date") == month and bool(m.value("date_inferred")) is bool(month)


@pytest.mark.parametrize("text, said", [
    ("Lavrov mengatakan dalam konferensi pers di Moskow bahwa Barat gagal mengisolasi Rusia.",
     "Barat gagal mengisolasi Rusia"),
    ("Peskov menyatakan di Moskow pada Senin bahwa Kremlin belum menerima usulan itu.",
     "Kremlin belum menerima usulan itu"),
    ("Zelensky menulis di platform X bahwa Rusia kembali menyerang Kyiv.", "Rusia kembali menyerang Kyiv"),
    ("Blinken mengatakan dalam jumpa pers di Paris pada Rabu, 4 Juni 2025, bahwa Iran telah mengirim drone ke Rusia.",
     "Iran telah mengirim drone ke Rusia"),
    ("Peskov menyatakan pada Kamis, bahwa perundingan akan dilanjutkan.", "perundingan akan dilanjutkan"),
    # a comma before a clause: what follows is said, its own "bahwa" included
    ("Lavrov mengatakan di Moskow, Barat harus mengakui bahwa sanksi gagal.",
     "di Moskow, Barat harus mengakui bahwa sanksi gagal"),
    ('"Kami membahas pertahanan udara dan kemampuan jarak jauh kami," tulis Zelensky di platform X.',
     "Kami membahas pertahanan udara dan kemampuan jarak jauh kami"),
])
def test_what_is_said_begins_after_where_and_when_it_was_said(text, said):
    (s,) = extract(text, "statement")
    assert s.value("text") == said


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Rusia Sergei Lavrov menjawab pertanyaan wartawan dengan singkat.",  # answered, saying what we are not told
    "Menteri Luar Negeri Rusia Sergei Lavrov mengingatkan Barat agar tidak ikut campur.",  # warned someone to do something
    "Presiden Turki Recep Tayyip Erdogan mengungkapkan optimismenya.",  # a feeling named, nothing said
    # confirming what was told before says nothing new
    "Korea Utara membenarkan laporan pengiriman pasukan tersebut.",
    "Juru bicara Kremlin Dmitry Peskov mengonfirmasi pengerahan itu.",
])
def test_answering_or_warning_someone_is_no_statement_of_the_object(text):
    assert extract(text, "statement") == []


@pytest.mark.parametrize("said", ["situasi stabil saat ini", "kami menghargai dukungan itu"])
def test_a_short_statement_ending_in_a_demonstrative_is_said_when_it_says_something(said):
    (s,) = extract(f"Juru bicara Kremlin Dmitry Peskov mengatakan {said}.", "statement")
    assert s.value("text") == said


def test_writing_a_letter_is_no_statement():
    assert extract("Kim Jong Un menulis surat kepada Presiden Rusia Vladimir Putin pekan lalu untuk mengucapkan "
                   "selamat.", "statement") == []


@pytest.mark.parametrize("verb", ["menduga", "meyakini", "mencurigai"])
def test_a_supply_someone_believes_is_theirs_and_hedged(verb):
    (s,) = extract(f"Badan intelijen Korea Selatan (NIS) {verb} Pyongyang telah mengirim sekitar 10.000 tentara "
                   "ke Rusia.", "supply")
    assert s.value("hedged") is True and s.role("asserter") == ("known:National_Intelligence_Service",)


@pytest.mark.parametrize("text, items", [
    ("Amerika Serikat telah menyetujui penjualan senjata senilai miliaran dolar ke Taiwan, termasuk rudal Harpoon dan "
     "jet tempur F-16.", {"item:item.weapons", "item:item.missiles", "item:item.fighter-jets"}),
    ("Korea Selatan akan mempercepat pengiriman tank dan howitzer ke Polandia.", {"item:item.tanks", "item:item.artillery"}),
])
def test_a_supply_noun_its_subject_approves_or_speeds_up_is_theirs_with_what_it_includes(text, items):
    found = extract(text, "supply")
    assert {s.role("item")[0] for s in found} == items and all(len(s.role("recipient")) == 1 for s in found)


@pytest.mark.parametrize("text", [
    "Seoul menolak permintaan Kyiv untuk memasok senjata mematikan secara langsung ke Ukraina.",  # a request refused
    "Jerman menolak mengirim rudal Taurus ke Ukraina, kata Scholz.",  # a refusal: nothing sent, nothing denied
    "Berlin enggan untuk memasok rudal jelajah kepada Kyiv.",
    "Korea Selatan akan menghentikan pengiriman tank ke Polandia.",  # not among the verbs that send
    "Shmyhal meminta Washington menambah pasokan sistem pertahanan udara Patriot ke Ukraina.",
    # a demand not to: no supply, and nobody denies one
    "Amerika Serikat memperingatkan Pyongyang agar tidak menjual senjata kepada Moskow.",
    "Jepang mendesak China supaya tidak lagi memasok komponen drone ke Rusia.",
    "Dewan Keamanan PBB melarang Korea Utara mengekspor senjata.",
    # what comes back in exchange is not what is given
    "Rusia memberikan minyak kepada Korea Utara sebagai imbalan atas amunisi dan pasukan.",
    # prisoners handed over are no forces sent
    "Ukraina siap menyerahkan dua tentara Korea Utara yang ditangkap kepada Pyongyang.",
])
def test_no_supply_refused_requested_or_stopped(text):
    assert extract(text, "supply") == []


@pytest.mark.parametrize("text, pair", [
    ("Wakil Presiden Gibran Rakabuming Raka melakukan kunjungan kehormatan kepada Perdana Menteri Singapura Lawrence Wong.",
     {P("Gibran Rakabuming Raka"), P("Lawrence Wong")}),
    ("Menteri Luar Negeri Sugiono menghadap Presiden Prabowo Subianto di Istana Merdeka.",
     {P("Sugiono"), P("Prabowo Subianto")}),
])
def test_a_courtesy_call_on_someone_is_a_meeting(text, pair):
    (m,) = extract(text, "meeting")
    assert people(m) == pair


@pytest.mark.parametrize("text", [
    "Duta Besar Rusia Sergei Tolchenov melakukan kunjungan kehormatan ke Markas Besar TNI di Cilangkap.",  # a place
    "Hotel milik pengusaha Hary Tanoesoedibjo itu menghadap Teluk Jakarta.",
])
def test_no_meeting_in_a_call_on_a_place(text):
    assert extract(text, "meeting") == []


def test_a_meeting_with_no_place_has_no_inferred_one():
    (m,) = extract("Presiden Prabowo Subianto bertemu Perdana Menteri Singapura Lawrence Wong.", "meeting")
    assert m.value("place") is None and not m.value("place_inferred")


@pytest.mark.parametrize("text, speaker", [
    ("Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Menteri Luar Negeri Rusia Sergei Lavrov dan menyatakan "
     "Pyongyang akan mendukung Moskow.", "Choe Son Hui"),
    ("Kremlin menolak laporan itu dan menegaskan bahwa tidak ada tentara asing di Rusia.", None),
])
def test_a_speech_verb_after_another_verb_has_that_verbs_subject_not_its_object(text, speaker):
    (s,) = extract(text, "statement")
    assert s.role("speaker") == ((P(speaker),) if speaker else ("known:Kremlin",))


def test_an_adverb_after_a_subject_joins_no_verbs():
    text = ("Setelah melakukan pembicaraan dengan Menteri Luar Negeri Korea Utara Choe Son Hui, Lavrov kemudian "
            "mengatakan kepada wartawan bahwa latihan militer itu menimbulkan kekhawatiran.")
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Sergei Lavrov"),)


@pytest.mark.parametrize("text, held", [
    ("Menteri Pertahanan Rusia Andrei Belousov tiba. Belousov dilantik menjadi Menteri Pertahanan Rusia pada Mei 2024.",
     (P("Andrei Belousov"), "Menteri Pertahanan", "known:Russia")),
    ("Menteri Luar Negeri Sugiono tiba. Sugiono sebelumnya menjabat sebagai Wakil Ketua DPR.",
     (P("Sugiono"), "Mantan Wakil Ketua", "known:DPR")),
    ("Eks Menteri Pertahanan Sergei Shoigu kini menjabat Sekretaris Dewan Keamanan Rusia.",
     (P("Sergei Shoigu"), "Sekretaris", "org:dewankeamanan|known:Russia")),
])
def test_an_office_a_sentence_says_someone_holds_or_took(text, held):
    assert held in positions(text)


@pytest.mark.parametrize("text, title", [
    ("Mantan Presiden AS Donald Trump tiba di Doha.", "Mantan Presiden"),
    ("Eks Menteri Pertahanan Rusia Sergei Shoigu tiba di Pyongyang.", "Mantan Menteri Pertahanan"),
])
def test_a_former_office_is_told_as_former(text, title):
    assert {p[1] for p in positions(text)} == {title}


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Sugiono tiba. Ia tidak lagi menjabat Ketua Umum partai itu.",  # no longer
    "Acara itu dihadiri Menteri Luar Negeri Sugiono yang menjabat sejak Oktober.",    # no title after the verb
])
def test_no_office_taken_where_the_sentence_gives_none(text):
    assert positions(text) == {(P("Sugiono"), "Menteri Luar Negeri", None)}


@pytest.mark.parametrize("text, reporter", [
    ("Mengutip Yonhap, Kepala Staf Gabungan Korea Selatan menyatakan rudal itu terbang sejauh 1.000 km.", "known:Yonhap"),
    ("Melansir Reuters, Menteri Luar Negeri Rusia Sergei Lavrov mengatakan Moskow siap berunding.", "known:Reuters"),
    ("Lavrov mengatakan Moskow siap berunding, melansir Reuters.", "known:Reuters"),
    ('"Kami tidak akan menyerah," kata Zelensky seperti dikutip Kyiv Independent.', "known:Kyiv_Independent"),
])
def test_the_outlet_quoted_relays_the_statement(text, reporter):
    (s,) = extract(text, "statement")
    assert s.role("reporter") == (reporter,) and "melansir" not in s.value("text")


@pytest.mark.parametrize("text, supplies", [
    ("Rudal-rudal itu dikirim Korea Utara ke Rusia melalui jalur kereta api.",
     {("known:North_Korea", "known:Russia", "item:item.missiles")}),
    ("Amunisi tersebut dikirim oleh Pyongyang kepada Moskow.",
     {("known:North_Korea", "known:Russia", "item:item.ammunition")}),
    ("Jet tempur F-16 pertama telah tiba di Ukraina dari Denmark dan Belanda.",
     {("known:Denmark", "known:Ukraine", "item:item.fighter-jets"),
      ("known:Netherlands", "known:Ukraine", "item:item.fighter-jets")}),
    ("Ukraina menerima 31 tank Abrams dari Amerika Serikat.",
     {("known:United_States", "known:Ukraine", "item:item.tanks")}),
])
def test_supplies_told_from_the_item_or_the_recipient(text, supplies):
    found = {(s.role("supplier")[0], s.role("recipient")[0], s.role("item")[0]) for s in extract(text, "supply")}
    assert found == supplies


@pytest.mark.parametrize("text", [
    "Pasukan Rusia tiba di Ukraina dari Belarus.",  # an invasion through a third country
    "Pasukan Korea Utara tiba di Rusia pada Oktober.",  # arrival alone says not who sent them
    "Presiden Zelensky tiba di Washington dari Kyiv.",  # a person, no item
    "Pasukan itu dikirim ke Kursk.",  # no one named who sent them
])
def test_no_supply_from_an_arrival_that_names_no_sender(text):
    assert extract(text, "supply") == []


@pytest.mark.parametrize("text", ["Bantuan senjata itu akan segera dikirim.", "Rudal itu dikirim."])
def test_a_passive_supply_verb_ending_its_sentence_names_no_supplier(text):
    assert extract(text, "supply") == []


@pytest.mark.parametrize("text, met", [
    ("Menteri Luar Negeri Sugiono dan Menteri Luar Negeri Rusia Sergei Lavrov menggelar konferensi pers bersama.", True),
    ("Menteri Luar Negeri Sugiono dan Menteri Luar Negeri Rusia Sergei Lavrov menggelar konferensi pers terpisah.", False),
])
def test_a_joint_press_conference_is_a_meeting_of_the_two(text, met):
    assert len(extract(text, "meeting")) == (1 if met else 0)


@pytest.mark.parametrize("text, supplier", [
    ("Amerika Serikat, sekutu utama Israel, telah mengirim bom berpemandu ke Israel.", "known:United_States"),
    ("Iran, musuh bebuyutan Israel, memasok drone kepada Rusia.", "known:Iran"),
])
def test_the_subject_before_a_description_set_off_by_commas_supplies(text, supplier):
    (s,) = extract(text, "supply")
    assert s.role("supplier") == (supplier,)


def test_a_short_form_of_several_words_is_the_longer_name_it_belongs_to():
    text = ('Menteri Luar Negeri Qatar Sheikh Mohammed bin Abdulrahman Al Thani tiba di Kairo. "Kami menyerukan semua '
            'pihak untuk menahan diri," kata Sheikh Mohammed.')
    (s,) = extract(text, "statement")
    assert s.role("speaker") == (P("Sheikh Mohammed bin Abdulrahman Al Thani"),)


def test_a_short_form_two_longer_names_share_stays_apart():
    text = 'Pemimpin Korea Utara Kim Jong Un dan adiknya Kim Yo Jong hadir. "Kami siap," kata Kim Jong.'
    (s,) = extract(text, "statement")
    assert s.role("speaker") == ("person:" + name_key("Kim Jong"),)


@pytest.mark.parametrize("denial, denied", [
    ("Teheran membantah tuduhan AS tersebut.", True),  # the claim of the White House's country
    ("Teheran membantah tuduhan tersebut.", True),
    ("Teheran membantah klaim Israel.", False),  # someone else's claim
])
def test_a_denial_of_someones_claim_rejects_only_their_claims(denial, denied):
    (s,) = extract("Gedung Putih menyatakan Iran telah mengirim drone ke Rusia. " + denial, "supply")
    assert (s.role("denier") == ("known:Iran",)) is denied


@pytest.mark.parametrize("text, asserter", [
    ("Kremlin membantah laporan Wall Street Journal bahwa Moskow memasok senjata ke Houthi.", ("known:Wall_Street_Journal",)),
    ("Kremlin membantah laporan bahwa Moskow memasok senjata ke Houthi.", ()),
])
def test_a_denied_report_named_by_its_source_is_that_sources_claim(text, asserter):
    (s,) = extract(text, "supply")
    assert s.role("denier") == ("known:Kremlin",) and s.role("asserter") == asserter


def test_a_denial_of_someones_claim_is_no_statement_of_its_words():
    (s,) = extract("Hamas membantah klaim Israel dan menyebut sebagian besar korban adalah warga sipil.", "statement")
    assert s.value("text") == "sebagian besar korban adalah warga sipil"


@pytest.mark.parametrize("text, pair", [
    ("Menteri Luar Negeri Sergei Lavrov didampingi Duta Besar Rusia untuk Korut Alexander Matsegora saat bertemu "
     "Menteri Luar Negeri Choe Son Hui.", {P("Sergei Lavrov"), P("Choe Son Hui")}),
    ("Presiden Prabowo Subianto, didampingi Menteri Luar Negeri Sugiono, bertemu Presiden Xi Jinping di Beijing.",
     {P("Prabowo Subianto"), P("Xi Jinping")}),
])
def test_the_one_accompanied_is_who_meets(text, pair):
    (m,) = extract(text, "meeting")
    assert people(m) == pair


@pytest.mark.parametrize("text, supply", [
    ("Indonesia membeli 42 jet tempur Rafale dari Prancis.", ("known:France", "known:Indonesia", "item:item.fighter-jets")),
    ("Rusia mengimpor drone dari Iran.", ("known:Iran", "known:Russia", "item:item.drones")),
])
def test_a_purchase_from_a_country_is_its_supply(text, supply):
    (s,) = extract(text, "supply")
    assert (s.role("supplier")[0], s.role("recipient")[0], s.role("item")[0]) == supply


def test_no_supply_in_a_purchase_of_no_weapon():
    assert extract("Indonesia membeli beras dari Vietnam.", "supply") == []


def test_a_warning_that_something_was_sent_is_a_claim_of_it():
    (s,) = extract("Seoul memperingatkan bahwa Korea Utara telah mengirim rudal ke Rusia.", "supply")
    assert s.role("supplier") == ("known:North_Korea",) and s.role("asserter") == ("known:South_Korea",)


def test_a_supply_in_exchange_for_something_is_of_what_is_sent():
    (s,) = extract("Korea Utara mengirim amunisi ke Rusia dengan imbalan teknologi rudal.", "supply")
    assert s.role("item") == ("item:item.ammunition",) and s.role("recipient") == ("known:Russia",)


def test_a_policy_of_not_sending_is_no_supply_and_denies_none_sent_elsewhere():
    text = ("Polandia menerima 180 tank dari Korea Selatan. Menteri Pertahanan Korea Selatan Shin Won-sik mengatakan "
            "Seoul tidak akan mengirim senjata mematikan ke Ukraina.")
    (s,) = extract(text, "supply")
    assert s.role("recipient") == ("known:Poland",) and s.role("denier") == ()
    # what a speaker says was never sent is still denied
    said = ("Polandia menerima 180 tank dari Korea Selatan. Juru bicara Kementerian Pertahanan Korea Selatan Jeon Ha-kyu "
            "mengatakan Korea Selatan tidak pernah mengirim tank.")
    received = next(s for s in extract(said, "supply") if s.role("recipient") == ("known:Poland",))
    assert received.role("denier") == (P("Jeon Ha-kyu"),)


@pytest.mark.parametrize("text, recipient", [
    ("Iran memasok drone untuk digunakan oleh pasukan Rusia.", ("known:Russia",)),
    ("Amerika Serikat mengirim rudal kepada militer Ukraina.", ("known:Ukraine",)),
    # where the weapons were to be used is no recipient
    ("Iran memasok senjata untuk digunakan dalam perang di Ukraina.", ()),
])
def test_the_recipient_follows_its_marker_closely(text, recipient):
    (s,) = extract(text, "supply")
    assert s.role("recipient") == recipient


@pytest.mark.parametrize("aside, date, inferred", [
    ("yang berkunjung ke London pekan lalu", "2024-11-27", False),  # the verb's own date, after it
    ("yang dilantik pada 2020", "2024-12", True),  # the aside's date is the inauguration's
])
def test_a_date_in_a_clause_describing_the_subject_is_not_the_events(aside, date, inferred):
    text = (f"Menteri Luar Negeri Ukraina Dmytro Kuleba, {aside}, bertemu dengan Menteri Luar Negeri Inggris "
            "David Cameron" + (" pada Rabu." if not inferred else "."))
    (m,) = [a for ex in EXTRACTORS for a in ex(make_doc(HEAD + text)) if a.kind == "meeting"]
    assert m.value("date") == date and bool(m.value("date_inferred")) is inferred


@pytest.mark.parametrize("text, agent, dest", [
    ("Presiden Rusia Vladimir Putin tiba di Hanoi setelah menyelesaikan kunjungan kenegaraan di Korea Utara.",
     "known:Vladimir_Putin", "known:North_Korea"),
    ("Selama kunjungan di Moskow, Presiden Indonesia Prabowo Subianto bertemu Presiden Rusia Vladimir Putin.",
     "known:Prabowo_Subianto", "known:Moscow"),
])
def test_a_visit_told_where_it_was_is_the_subjects(text, agent, dest):
    assert (agent, dest) in {(v.role("agent")[0], v.role("destination")[0]) for v in extract(text, "visit")}


def test_a_working_visit_at_home_is_no_visit():
    assert extract("Presiden Rusia Vladimir Putin melakukan kunjungan kerja di Moskow.", "visit") == []


def test_a_person_named_after_the_marker_is_no_recipient_but_their_title_names_the_country():
    (s,) = extract("Korea Utara mengirim tentara kepada Presiden Rusia Vladimir Putin.", "supply")
    assert s.role("recipient") == ("known:Russia",)
    (s,) = extract("Korea Utara mengirim amunisi kepada Vladimir Putin.", "supply")
    assert s.role("recipient") == ()
