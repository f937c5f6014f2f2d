from __future__ import annotations

import pytest

from kg.mentions.names import name_key
from tests.conftest import make_doc, positions


def typed(text: str) -> dict[str, str]:
    return {m.surface: m.type for m in make_doc(text).mentions if m.type != "Unknown"}


@pytest.mark.parametrize("text, surface, type_", [
    ("Perdana Menteri Malaysia Anwar Ibrahim tiba di Jakarta.", "Anwar Ibrahim", "Person"),
    ("Perdana Menteri Malaysia Anwar Ibrahim tiba di Jakarta.", "Malaysia", "Country"),
    ("Perdana Menteri Malaysia Anwar Ibrahim tiba di Jakarta.", "Jakarta", "Place"),
    ("Kementerian Luar Negeri Malaysia menyatakan hal itu.", "Kementerian Luar Negeri Malaysia", "GovernmentBody"),
    ("Laporan Institut Studi Pertahanan (ISP) dirilis kemarin.", "ISP", "Organization"),
    ("Pasukan tiba di wilayah Donetsk kemarin.", "Donetsk", "Place"),
    ("Kapal itu berlabuh di kota pelabuhan Nakhodka.", "Nakhodka", "Place"),
    ("Mereka bertemu di kawasan wisata Langkawi.", "Langkawi", "Place"),
    ("Kereta itu berhenti di stasiun kereta api Tumangang.", "Tumangang", "Place"),
    ("Korsel dan AS menggelar latihan.", "Korsel", "Country"),
    ("Korsel dan AS menggelar latihan.", "AS", "Country"),
])
def test_mentions_found_and_typed(text, surface, type_):
    assert typed(text).get(surface) == type_


@pytest.mark.parametrize("text", [
    "Budi Santoso mengatakan pasokan itu terlambat.",
    "Budi Santoso menyebut laporan itu tidak berdasar.",
    "Budi Santoso membantah tuduhan tersebut.",
    "Budi Santoso memperingatkan bahwa harga akan naik.",
])
def test_an_untitled_name_opening_a_sentence_before_a_verb_of_speech_is_a_person(text):
    assert typed(text).get("Budi Santoso") == "Person"


def test_an_untitled_name_before_another_verb_stays_unknown():
    assert "Budi Santoso" not in typed("Budi Santoso menyerahkan bantuan itu.")


@pytest.mark.parametrize("text, not_entity", [
    ("Pada hari Kamis, harga naik.", "Kamis"),
    ("Dalam rapat itu, semua hadir.", "Dalam"),
    ("Ia mengatakan as roda rusak.", "as"),
])
def test_not_entities(text, not_entity):
    assert not_entity not in typed(text)


@pytest.mark.parametrize("spelling", ["Sergey Shoygu", "Sergei Shoygu"])
def test_a_known_persons_name_spelled_another_way_is_that_person(spelling):
    ann = make_doc(f"Menteri Pertahanan Rusia {spelling} tiba di Pyongyang.")
    assert {m.surface: m.entity for m in ann.mentions}[spelling] == "known:Sergei_Shoigu"


def test_short_form_and_variant_link_to_the_full_name():
    ann = make_doc("Presiden Ukraina Volodymyr Zelenskyy tiba di Kyiv. Zelensky kemudian berpidato.")
    keys = {m.surface: m.entity for m in ann.mentions if m.type == "Person"}
    assert keys["Zelensky"] == keys["Volodymyr Zelenskyy"]


def test_mention_offsets_cut_exactly_their_surface():
    ann = make_doc("Menteri Luar Negeri (Menlu) Rusia Sergei Lavrov bertemu Presiden Vladimir Putin di Moskow.")
    for m in ann.mentions:
        assert ann.doc.text[m.start : m.end] == m.surface


def test_office_from_apposition():
    ann = make_doc("Juru Bicara Gedung Putih Karine Jean-Pierre mengatakan hal itu.")
    (app,) = ann.appositions
    assert app.title == "Juru Bicara" and app.represents == "known:White_House"


@pytest.mark.parametrize("text, person, title, represents", [
    ("Juru bicara Kementerian Luar Negeri Jepang, Yoshimasa Hayashi, mengatakan hal itu.", "Yoshimasa Hayashi",
     "Juru Bicara", "org:ministry.foreign|known:Japan"),
    ("Presiden Brasil, Luiz Inacio Lula, tiba di Beijing.", "Luiz Inacio Lula", "Presiden", "known:Brazil"),
])
def test_a_name_set_off_by_commas_after_a_title_is_the_person_holding_it(text, person, title, represents):
    ann = make_doc(text)
    assert typed(text).get(person) == "Person"
    (app,) = ann.appositions
    assert app.title == title and app.represents == represents


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Rusia, Senin, mengatakan hal itu.",  # one word: a weekday
    "Presiden Rusia, Jakarta dan Tokyo menyatakan hal itu.",  # no closing comma: a list
])
def test_what_follows_a_title_and_a_comma_is_not_always_its_holder(text):
    assert make_doc(text).appositions == ()


@pytest.mark.parametrize("text, person, title, represents", [
    ("Kepala Badan Intelijen Turki Ibrahim Kalin hadir.", "Ibrahim Kalin", "Kepala", "org:agency.intelligence|known:Turkiye"),
    ("Kepala BIN Herindra hadir.", "Herindra", "Kepala", "known:BIN"),
    # a Korean name (a short family name, a hyphenated given name) ends the body's name
    ("Kepala Badan Intelijen Nasional Hong Jang-won hadir.", "Hong Jang-won", "Kepala", "org:badanintelijennasional"),
    ("Perdana Menteri Qatar Sheikh Mohammed bin Abdulrahman Al Thani tiba.", "Sheikh Mohammed bin Abdulrahman Al Thani",
     "Perdana Menteri", "known:Qatar"),
])
def test_a_title_whose_longest_reading_is_an_organisation_takes_its_shorter_one(text, person, title, represents):
    (app,) = make_doc(text).appositions
    assert typed(text).get(person) == "Person" and (app.title, app.represents) == (title, represents)


@pytest.mark.parametrize("text, person, body", [
    ("Menurut pengamat dari Universitas Kookmin Andrei Lankov, Pyongyang butuh minyak.", "Andrei Lankov", "Universitas Kookmin"),
    ("Peneliti Universitas Gadjah Mada Arie Sujito mengatakan pemilu damai.", "Arie Sujito", "Universitas Gadjah Mada"),
    ("Ketua Komisi Pemilihan Umum Hasyim Asyari mengatakan hal itu.", "Hasyim Asyari", "Komisi Pemilihan Umum"),
])
def test_a_titled_name_after_a_bodys_name_is_the_holder_not_part_of_the_body(text, person, body):
    kinds = typed(text)
    assert kinds.get(person) == "Person" and kinds.get(body) in {"Organization", "GovernmentBody"}


@pytest.mark.parametrize("text, body", [
    ("Mahasiswa Universitas Gadjah Mada menggelar aksi.", "Universitas Gadjah Mada"),  # no title before
    ("Kepala Badan Pusat Statistik mengatakan inflasi turun.", "Badan Pusat Statistik"),  # words of known bodies' names
])
def test_a_bodys_name_with_no_holder_after_it_stays_whole(text, body):
    assert typed(text).get(body) in {"Organization", "GovernmentBody"}


@pytest.mark.parametrize("text, person, title", [
    ("Sekretaris Dewan Keamanan Turki Ahmet Yilmaz tiba di Ankara.", "Ahmet Yilmaz", "Sekretaris"),
    ("Penasihat Keamanan Nasional Inggris Jonathan Powell hadir.", "Jonathan Powell", "Penasihat"),
    ("Wakil Perdana Menteri Vietnam Tran Hong Ha tiba.", "Tran Hong Ha", "Wakil Perdana Menteri"),
])
def test_secretaries_advisers_and_deputy_prime_ministers_are_titles(text, person, title):
    assert typed(text).get(person) == "Person"
    assert [a.title for a in make_doc(text).appositions] == [title]


@pytest.mark.parametrize("text, holder, served", [
    ("Juru Bicara Anwar, Fahmi Fadzil Rahman, mengatakan pertemuan berlangsung hangat.", "Fahmi Fadzil Rahman", "Anwar"),
    ("Juru bicara Xi Jinping, Hua Chunying, mengatakan hal itu.", "Hua Chunying", "Xi Jinping"),
])
def test_a_title_of_someone_set_off_by_commas_is_held_by_the_name_between_them(text, holder, served):
    (app,) = [a for a in make_doc(text).appositions if a.title == "Juru Bicara"]
    assert app.person == "person:" + name_key(holder)
    assert typed(text).get(holder) == "Person" and app.start == 0


def test_a_list_of_names_after_a_titled_one_is_no_apposition():
    ann = make_doc("Menteri Luar Negeri Rusia Sergei Lavrov, Choe Son Hui, dan Wang Yi hadir.")
    assert [(a.person, a.title) for a in ann.appositions] == [("known:Sergei_Lavrov", "Menteri Luar Negeri")]


def test_a_known_person_is_a_person_without_a_title_and_still_holds_the_title_given():
    untitled = make_doc("Ia disambut langsung oleh Xi Jinping di bandara.")
    assert [(m.surface, m.type, m.entity) for m in untitled.mentions] == [("Xi Jinping", "Person", "known:Xi_Jinping")]
    titled = make_doc("Menteri Luar Negeri Rusia Sergey Lavrov tiba di Beijing.")
    (app,) = titled.appositions
    assert (app.person, app.title, app.represents) == ("known:Sergei_Lavrov", "Menteri Luar Negeri", "known:Russia")
    # an unknown name with no title, no verb of speech and no known entry stays unknown
    assert "Person" not in {m.type for m in make_doc("Ia disambut langsung oleh Budi Santoso di bandara.").mentions}


@pytest.mark.parametrize("text, place, not_place", [
    ("Ia disambut di Bandara Internasional Mactan pada pagi hari.", "Mactan", "Bandara Internasional"),
    ("Pesawatnya mendarat di Bandara Internasional Ninoy Aquino.", "Ninoy Aquino", "Bandara Internasional"),
])
def test_an_international_airport_is_not_a_place_named_internasional(text, place, not_place):
    found = typed(text)
    assert found.get(place) == "Place" and found.get(not_place) != "Place"


@pytest.mark.parametrize("text, person", [
    ("Delegasi itu dipimpin Khalil al-Hayya.", "Khalil al-Hayya"),
    ("Rombongan yang diketuai oleh Abdel Fattah el-Sisi tiba.", "Abdel Fattah el-Sisi"),
])
def test_who_leads_is_a_person_and_an_arabic_article_joins_the_name(text, person):
    assert typed(text).get(person) == "Person"


@pytest.mark.parametrize("text, person, represents", [
    ("Menteri Luar Negeri Arab Saudi Pangeran Faisal bin Farhan tiba.", "Faisal bin Farhan", "known:Saudi_Arabia"),
    ("Panglima TNI Jenderal Agus Subiyanto hadir.", "Agus Subiyanto", "known:TNI"),
])
def test_a_rank_or_honorific_between_the_title_and_the_name_is_not_the_name(text, person, represents):
    (app,) = make_doc(text).appositions
    assert typed(text).get(person) == "Person" and app.represents == represents


def test_one_word_between_a_title_and_a_country_is_part_of_a_body_not_a_person():
    ann = make_doc("Kepala Staf Gabungan Korea Selatan mengatakan hal itu, kata Presiden Yoon Suk-yeol.")

    assert "Gabungan" not in typed(ann.doc.text)
    assert [a.person for a in ann.appositions] == ["known:Yoon_Suk_Yeol"]


@pytest.mark.parametrize("text, surface, entity", [
    # a known body's acronym in parentheses, between its name and its country
    ("Badan Intelijen Nasional (NIS) Korea Selatan menyampaikan laporan itu kepada parlemen.",
     "Badan Intelijen Nasional (NIS) Korea Selatan", "known:National_Intelligence_Service"),
    # the same acronym for another country's body is not the known one
    ("Badan Intelijen Nasional (NIS) Jepang menyampaikan laporan itu kepada parlemen.",
     "Badan Intelijen Nasional (NIS) Jepang", "org:badanintelijennasional|known:Japan"),
])
def test_a_body_named_with_a_known_acronym_of_its_country_is_the_known_body(text, surface, entity):
    assert {m.surface: m.entity for m in make_doc(text).mentions}[surface] == entity


@pytest.mark.parametrize("text, surface, entity", [
    ("Presiden Putin tiba di Minsk.", "Putin", "known:Vladimir_Putin"),  # after a title
    ("Kemudian Putin tiba di Minsk.", "Putin", "known:Vladimir_Putin"),  # after a word opening the sentence
    ("Presiden Rusia Vlad Putin tiba di Minsk.", "Vlad Putin", "person:" + name_key("Vlad Putin")),  # another given name
])
def test_a_surname_the_files_know_alone_is_the_known_person_unless_another_name_comes_first(text, surface, entity):
    assert {m.surface: m.entity for m in make_doc(text).mentions if m.type == "Person"}[surface] == entity


@pytest.mark.parametrize("text, person, title, represents", [
    ("Menteri Sumber Daya Alam Rusia Alexander Kozlov tiba di Pyongyang.", "Alexander Kozlov", "Menteri Sumber Daya Alam",
     "known:Russia"),
    ("Menteri Unifikasi Korea Selatan Kim Yung-ho mengatakan hal itu.", "Kim Yung-ho", "Menteri Unifikasi",
     "known:South_Korea"),
    ("Menteri Pertanian Maria Zakharova tiba di Minsk.", "Maria Zakharova", "Menteri Pertanian", None),  # a known person after it
    ("Menteri Koordinator Bidang Politik dan Keamanan Budi Gunawan tiba.", "Budi Gunawan",
     "Menteri Koordinator Bidang Politik dan Keamanan", None),
    ("Wakil Perdana Menteri Pertama Rusia Denis Manturov tiba.", "Denis Manturov", "Wakil Perdana Menteri Pertama",
     "known:Russia"),
])
def test_a_minister_of_a_portfolio_not_listed_holds_the_title_with_it(text, person, title, represents):
    ann = make_doc(text)
    (app,) = ann.appositions
    holder = next(m for m in ann.mentions if m.entity == app.person)
    assert (holder.surface, app.title, app.represents) == (person, title, represents)


def test_a_capitalised_word_after_menteri_with_no_country_or_known_person_is_still_the_name():
    ann = make_doc("Menteri Budi Gunadi Sadikin tiba di Jakarta.")
    assert {m.surface for m in ann.mentions if m.type == "Person"} == {"Budi Gunadi Sadikin"}


def test_an_ambassador_posted_to_a_country_or_body_acts_for_the_country_sending_them():
    ann = make_doc("Duta Besar Jepang untuk PBB Kazuyuki Yamazaki menolak resolusi itu.")
    (app,) = ann.appositions
    assert (app.person, app.title, app.represents) == ("person:" + name_key("Kazuyuki Yamazaki"), "Duta Besar", "known:Japan")


@pytest.mark.parametrize("text, surface", [
    ("Menurut kantor berita resmi Laos KPL, kedua pemimpin bertemu.", "KPL"),
    ("Kantor berita Iran IRNA melaporkan pertemuan itu.", "IRNA"),
    ("Stasiun televisi milik negara Iran, IRIB, menyiarkan pertemuan itu.", "IRIB"),
    ("Surat kabar Jepang Yomiuri Shimbun melaporkan hal itu.", "Yomiuri Shimbun"),
])
def test_a_news_organisation_no_file_knows_is_named_after_what_it_is(text, surface):
    assert typed(text).get(surface) == "NewsOrganization"


@pytest.mark.parametrize("text", [
    "Kantor berita itu melaporkan bahwa kedua pemimpin bertemu.",
    "Kantor berita Rusia pada Senin melaporkan pertemuan itu.",
])
def test_no_news_organisation_where_no_name_follows_the_noun(text):
    assert "NewsOrganization" not in typed(text).values()


@pytest.mark.parametrize("text, surface", [
    ("Rektor Universitas Indonesia hadir.", "Universitas Indonesia"),
    ("Bank Indonesia menaikkan suku bunga acuan.", "Bank Indonesia"),
])
def test_an_organisation_named_after_its_country_is_one_organisation(text, surface):
    found = typed(text)
    assert found.get(surface) == "Organization" and "Indonesia" not in found


@pytest.mark.parametrize("text, person, works_at", [
    ("Pengamat hubungan internasional dari Universitas Indonesia, Hikmahanto Juwana, menilai kunjungan itu penting.",
     "Hikmahanto Juwana", "org:universitasindonesia"),
    ("Pengamat militer Connie Rahakundini Bakrie mengatakan latihan itu provokatif.", "Connie Rahakundini Bakrie", None),
    ("Peneliti senior dari Institut Studi Pertahanan, Andi Wijaya, mengatakan hal itu.", "Andi Wijaya",
     "org:institutstudipertahanan"),
])
def test_an_analyst_named_after_their_field_and_place_of_work(text, person, works_at):
    assert positions(text) == {("person:" + name_key(person), "Analis", works_at)}


@pytest.mark.parametrize("text", [
    "Pakar itu mengatakan Presiden Rusia Vladimir Putin tidak akan datang.",
    "Analis memperkirakan Presiden Rusia Vladimir Putin akan datang.",
])
def test_no_analyst_where_a_word_after_the_title_is_no_field(text):
    assert {p for p in positions(text) if p[1] == "Analis"} == set()


@pytest.mark.parametrize("text, title", [
    ("Wakil Sekretaris Jenderal NATO Mircea Geoana tiba di Seoul.", "Wakil Sekretaris Jenderal"),
    ("Wakil Presiden Amerika Serikat Kamala Harris tiba di Jakarta.", "Wakil Presiden"),
    ("Sekretaris Jenderal NATO Mark Rutte tiba di Seoul.", "Sekretaris Jenderal"),
])
def test_wakil_before_a_title_makes_the_deputy(text, title):
    assert {p[1] for p in positions(text)} == {title}


def items(text: str) -> dict[str, str]:
    return {m.surface: m.entity for m in make_doc(text).mentions if m.entity.startswith("item:")}


@pytest.mark.parametrize("text, surface, item", [
    ("Amerika Serikat mengirim rudal ATACMS ke Kyiv.", "rudal ATACMS", "item:item.missiles"),
    ("Ukraina menerima empat sistem IRIS-T dari Berlin.", "sistem IRIS-T", "item:item.air-defence"),
    ("Baterai rudal Patriot tiba di Polandia.", "rudal Patriot", "item:item.air-defence"),  # the name says what it is
    ("Belanda menyerahkan jet tempur F-16 kepada Kyiv.", "jet tempur F-16", "item:item.fighter-jets"),
    ("Drone Shahed-136 menghantam Odesa.", "Drone Shahed-136", "item:item.drones"),
    ("Polandia membeli Leopard 2 dari Jerman.", "Leopard 2", "item:item.tanks"),
    ("Korut menguji Hwasong-18 pekan lalu.", "Hwasong-18", "item:item.missiles"),
    ("Kyiv menerima amunisi HIMARS dari Washington.", "amunisi", "item:item.ammunition"),  # what is spent in it
    ("Kyiv menerima rudal pertahanan udara dari Berlin.", "rudal pertahanan udara", "item:item.air-defence"),
])
def test_a_named_weapon_system_is_the_item_of_its_kind(text, surface, item):
    assert items(text).get(surface) == item


@pytest.mark.parametrize("text, not_item", [
    ("Ia seorang patriot sejati.", "patriot"),          # a word, not the system
    ("Kota Hwasong terletak di utara.", "Hwasong"),     # a city: the missiles carry a number
    ("Tim F-1 itu juara.", "F-1"),
])
def test_no_weapon_system_in_names_or_words_like_them(text, not_item):
    assert not any(not_item in s for s in items(text))


@pytest.mark.parametrize("text, person, title, represents", [
    ("Kepala Staf Umum Rusia Valery Gerasimov tiba di Pyongyang.", "Valery Gerasimov", "Kepala Staf Umum", "known:Russia"),
    ("Delegasi yang dipimpin Kepala Staf Umum Tentara Rakyat Korea Jenderal Ri Yong Gil tiba di Moskow.",
     "Ri Yong Gil", "Kepala Staf Umum", "known:Korean_Peoples_Army"),
    ("Kepala Staf Angkatan Darat Jenderal Maruli Simanjuntak tiba di Bandung.", "Maruli Simanjuntak", "Kepala Staf", None),
])
def test_chiefs_of_staff_hold_their_title_past_a_rank(text, person, title, represents):
    assert positions(text) == {("person:" + name_key(person), title, represents)}


@pytest.mark.parametrize("text, body, person", [
    ("Direktorat Jenderal Pajak menyatakan penerimaan naik.", "Direktorat Jenderal Pajak", None),  # a title word inside
    ("Badan Siber Jenderal Budi Santoso tiba.", "Badan Siber", "Budi Santoso"),  # a general after the body
])
def test_a_body_ends_where_a_titled_person_begins(text, body, person):
    found = make_doc(text).mentions
    assert body in {m.surface for m in found if m.type == "GovernmentBody"}
    assert {m.surface for m in found if m.type == "Person"} == ({person} if person else set())


@pytest.mark.parametrize("text, surface", [
    ("Kementerian Luar Negeri RI menyatakan hal itu.", "Kementerian Luar Negeri RI"),
    ("Kemlu Indonesia menyatakan hal itu.", "Kemlu Indonesia"),
])
def test_a_ministry_of_a_country_the_files_know_it_for_is_the_known_body(text, surface):
    assert {m.surface: m.entity for m in make_doc(text).mentions}.get(surface) == "known:Kemlu"


@pytest.mark.parametrize("text, surface, entity", [
    # the one intelligence service the files know for a country, described in lower case
    ("Menurut badan intelijen Korea Selatan, pasukan itu tiba bulan lalu.", "badan intelijen Korea Selatan",
     "known:National_Intelligence_Service"),
    # one of several a country has: the files' agency is not assumed
    ("Dinas intelijen Amerika Serikat menyatakan hal itu.", "Dinas intelijen Amerika Serikat",
     "org:agency.intelligence|known:United_States"),
])
def test_an_intelligence_service_of_a_country(text, surface, entity):
    assert {m.surface: m.entity for m in make_doc(text).mentions}.get(surface) == entity


def test_a_ministry_the_files_do_not_know_is_the_ministry_of_its_country():
    found = {m.surface: m.entity for m in make_doc("Kementerian Luar Negeri Rusia menyatakan hal itu.").mentions}
    assert found["Kementerian Luar Negeri Rusia"] == "org:ministry.foreign|known:Russia"


@pytest.mark.parametrize("text, person, represents", [
    ("Juru bicara militer Israel Avichay Adraee mengatakan hal itu.", "Avichay Adraee", "known:Israel"),
    ("Juru bicara kepresidenan Ukraina Serhii Nykyforov mengatakan hal itu.", "Serhii Nykyforov", "known:Ukraine"),
])
def test_a_field_in_lower_case_between_a_title_and_its_country(text, person, represents):
    assert positions(text) == {("person:" + name_key(person), "Juru Bicara", represents)}
