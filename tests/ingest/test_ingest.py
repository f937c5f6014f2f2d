from __future__ import annotations

import json

import pytest

from kg.errors import InputError, SkippedInput
from kg.ingest import clean_article, collect, read_path
from kg.ingest.readers import RawArticle

KOMPAS_STYLE = """JAKARTA, KOMPAS.com - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Singapura Vivian Balakrishnan di Jakarta.
Baca juga: Harga Beras Naik Lagi
Keduanya membahas kerja sama perbatasan.
Advertisement
Penulis: Budi Santoso
Editor: Sari Dewi
"""


def clean(text: str, doc_id: str = "a.txt"):
    return clean_article(RawArticle(doc_id, text))


def test_furniture_removed_and_real_sentences_kept():
    doc = clean(KOMPAS_STYLE)
    assert "Baca juga" not in doc.text and "Advertisement" not in doc.text
    assert "Keduanya membahas kerja sama perbatasan." in doc.text
    assert doc.text.startswith("Menteri Luar Negeri Sugiono")  # the dateline is metadata


@pytest.mark.parametrize("line, kept", [
    ("COPYRIGHT © ANTARA 2025", False),
    ("© 2025 Kompas.com. All rights reserved", False),
    ("Hak cipta dilindungi undang-undang.", False),
    ("Hak cipta atas lagu itu dipegang oleh label rekaman di Jakarta.", True),  # a sentence about copyright
    ("Copyright atas karya itu menjadi sengketa panjang antara kedua penerbit yang sama-sama mengklaimnya sejak 2019.", True),
])
def test_copyright_lines_are_furniture(line, kept):
    doc = clean(f"Presiden berpidato di Bandung.\n{line}\n")
    assert (line in doc.text) is kept and "Presiden berpidato" in doc.text


PORTAL_COPY = """detikNews
Internasional
Menlu Bertemu Menlu
Rina Putri - detikNews
Selasa, 03 Des 2024 07:12 WIB
Foto: Menteri Luar Negeri Sugiono (AFP/BUDI SANTOSO)
Bandung -

Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Malaysia di Bandung, Senin (2/12/2024).
Lihat Video 'Momen Sugiono Tiba di Bandung':
[Gambas:Video 20detik]
Baca juga:
Harga Beras Naik Lagi di Pasar Induk
Keduanya membahas kerja sama perbatasan.
Halaman 2 dari 2
(rdp/rdp)
kerja sama
asean
"""


def test_captions_video_embeds_related_headlines_page_navigation_and_tags_are_furniture():
    doc = clean(PORTAL_COPY)
    assert doc.text == ("Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Malaysia di Bandung, Senin (2/12/2024).\n"
                        "Keduanya membahas kerja sama perbatasan.")
    assert doc.meta.dateline_place == "Bandung" and doc.meta.cites == ()  # a photo's credit cites no text


def test_a_last_line_in_lower_case_is_a_tag_only_when_short():
    doc = clean("Presiden berpidato di Bandung.\nkata dia, harga beras naik karena panen gagal di banyak daerah tahun ini.")
    assert doc.text.endswith("tahun ini.")


def test_offsets_map_back_exactly():
    doc = clean(KOMPAS_STYLE)
    for seg in doc.segments:
        assert doc.raw[seg.raw_start : seg.raw_start + seg.length] == doc.text[seg.clean_start : seg.clean_start + seg.length]
    i = doc.text.index("Keduanya")
    assert doc.raw[doc.raw_offset(i) :].startswith("Keduanya")


def test_metadata_from_kompas_style_dateline_and_bylines():
    m = clean(KOMPAS_STYLE).meta
    assert m.publisher == "KOMPAS.com" and m.dateline_place == "JAKARTA"
    assert m.authors == ("Budi Santoso",) and m.editors == ("Sari Dewi",)


@pytest.mark.parametrize("text, publisher, date, cites", [
    ("Jakarta, CNN Indonesia -- Presiden berpidato.\nIsi berita lain.", "CNN Indonesia", None, ()),
    ("Jakarta, CNN Indonesia --\n\nPresiden Joko Widodo berpidato di depan para gubernur, Senin (4/3/2024).\n",
     "CNN Indonesia", "2024-03-04", ()),
    ("Berita Hari Ini\nKOMPAS.com -\nPresiden berpidato.\n", "KOMPAS.com", None, ()),
    ("Liputan6.com, Jakarta - Dikutip dari AFP, Senin (4/3/2024), pasukan tiba.", "Liputan6.com", "2024-03-04", ("AFP",)),
    ("Kamis, 7 Maret 2024 - 09:15 WIB\nTOKYO, Okezone - Isi berita.\nREUTERS", "Okezone", "2024-03-07", ("REUTERS",)),
    ("Rina Putri • 12 Januari 2024 08:00\nSeoul: Isi berita di sini.", None, "2024-01-12", ()),
])
def test_metadata_of_other_outlets(text, publisher, date, cites):
    m = clean(text).meta
    assert m.publisher == publisher and m.date == date and m.cites == cites


def test_a_dateline_alone_on_its_line_leaves_no_empty_line_and_no_false_dateline():
    doc = clean("Jakarta, CNN Indonesia --\n\nPresiden berpidato.\n")
    assert doc.text == "Presiden berpidato." and doc.meta.dateline_place == "Jakarta"
    # a line ending in a dash that names no outlet is body
    assert clean("Harga naik -\nIsi berita.").text.startswith("Harga naik -")


def test_no_date_when_the_text_gives_none():
    assert clean("TEMPO.CO, Jakarta - Sebuah berita tanpa tanggal.").meta.date is None


def test_txt_encodings(tmp_path):
    (tmp_path / "u16.txt").write_bytes("Berita UTF-16 dari Bandung.".encode("utf-16"))
    (tmp_path / "cp.txt").write_bytes("Caf\xe9 di Bandung ramai.".encode("cp1252"))
    (a,) = read_path("u16.txt", tmp_path / "u16.txt")
    assert a.text == "Berita UTF-16 dari Bandung."
    (b,) = read_path("cp.txt", tmp_path / "cp.txt")
    assert "Café" in b.text and "Windows-1252" in b.warnings[0]


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("img.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
    ("z.txt", b"PK\x03\x04rest", "zip"),
    ("bin.txt", b"\x00\x01\x02" * 50, "binary"),
])
def test_unreadable_files_are_skipped_with_a_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(SkippedInput, match=reason):
        read_path(name, tmp_path / name)


def test_jsonl_reader_keeps_good_lines_and_warns_on_bad(tmp_path):
    lines = [json.dumps({"text": "Presiden berpidato di Jakarta.", "publisher": "Antara", "date": "2024-05-01",
                         "author": "Ani"}), "{not json", json.dumps({"title": "tanpa teks"})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    arts = read_path("a.jsonl", tmp_path / "a.jsonl")
    assert [a.id for a in arts] == ["a.jsonl#1"]
    assert arts[0].page.publisher == "Antara" and arts[0].page.authors == ("Ani",)
    assert any("not JSON" in w for w in arts[0].warnings) and any("no \"text\"" in w for w in arts[0].warnings)


def test_html_reader_uses_page_metadata(tmp_path):
    html = ("<html><head><title>Judul</title><meta property='og:site_name' content='KOMPAS.com'>"
            "<meta name='author' content='Budi Santoso'>"
            "<meta property='article:published_time' content='2023-10-19T10:00:00+07:00'></head><body>"
            "<article><h1>Judul</h1><p>Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Bogor. "
            "Keduanya membahas kerja sama ekonomi yang panjang dan penting bagi kedua negara.</p></article></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (art,) = read_path("a.html", tmp_path / "a.html")
    doc = clean_article(art)
    assert doc.meta.publisher == "KOMPAS.com" and doc.meta.date == "2023-10-19" and doc.meta.authors == ("Budi Santoso",)
    assert "Fumio Kishida" in doc.text


def test_collect_missing_and_empty(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        collect([tmp_path / "nope"])
    with pytest.raises(InputError, match="no articles"):
        collect([tmp_path])


def test_a_lead_with_a_year_is_not_a_byline_and_the_headline_above_a_dateline_is_the_title():
    text = ("Putin dan Xi Bertemu di Astana\n"
            "KOMPAS.com - Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Astana, Rabu (3/7/2024).\n\n"
            "Pertemuan itu berlangsung satu jam.\n")
    doc = clean(text)
    assert doc.meta.publisher == "KOMPAS.com" and doc.meta.authors == ()
    assert doc.meta.title == "Putin dan Xi Bertemu di Astana"
    assert doc.text.startswith("Presiden Rusia Vladimir Putin bertemu")


@pytest.mark.parametrize("line, author", [
    ("Rina Putri • 12 Januari 2024 08:00", "Rina Putri"),
    ("Andi Wijaya - Senin, 4 Maret 2024 | 10:15 WIB", "Andi Wijaya"),
    ("Budi Santoso | 04/03/2024 10:15", "Budi Santoso"),
])
def test_bylines_with_a_date(line, author):
    doc = clean(line + "\nJAKARTA - Presiden berpidato di depan parlemen.\n")
    assert doc.meta.authors == (author,)


def test_credits_on_one_line_and_an_outlet_before_the_date_line():
    doc = clean("Rabu, 04 Juni 2025\nPenulis: Dewi Lestari | Editor: Joko Susilo\n"
                "JAKARTA - Presiden berpidato di depan parlemen.\n")
    assert doc.meta.authors == ("Dewi Lestari",) and doc.meta.editors == ("Joko Susilo",)
    outlet = clean("Kompas.com - 04/06/2025, 19:20 WIB\nJAKARTA - Presiden berpidato di depan parlemen.\n")
    assert outlet.meta.authors == () and outlet.meta.publisher == "Kompas.com" and outlet.meta.date == "2025-06-04"
    # a bar inside a sentence is no list of credits
    body = clean("JAKARTA - Skor akhir 2 | 1 untuk tuan rumah, kata pelatih.\n")
    assert body.meta.editors == () and "Skor akhir" in body.text


def test_a_city_and_a_wire_agency_dateline_names_the_publisher_when_nothing_else_does():
    doc = clean("Jakarta (ANTARA) - Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim.\n")
    assert doc.meta.publisher == "ANTARA" and doc.meta.dateline_place == "Jakarta"
    assert doc.text.startswith("Presiden Prabowo Subianto")


def test_the_outlet_on_a_line_of_its_own_under_the_headline_is_the_publisher_not_the_title():
    text = ("Menlu Jepang Sambut Mitranya dari Kanada di Tokyo\n"
            "CNN Indonesia\n"
            "Senin, 6 Mei 2024 09:10 WIB\n"
            "Jakarta, CNN Indonesia -- Menteri Luar Negeri Jepang Yoko Kamikawa menerima kunjungan Menteri Luar "
            "Negeri Kanada Melanie Joly di Tokyo, Senin (6/5).\n"
            "Keduanya membahas keamanan kawasan.\n")
    doc = clean(text)
    assert doc.meta.title == "Menlu Jepang Sambut Mitranya dari Kanada di Tokyo"
    assert doc.meta.publisher == "CNN Indonesia" and doc.meta.date == "2024-05-06"
    assert doc.text.startswith("Menteri Luar Negeri Jepang Yoko Kamikawa")
    assert "CNN Indonesia\n" not in doc.text


def test_a_date_line_with_a_bar_before_the_time_is_the_date_not_the_title():
    doc = clean("Menlu Kanada Tiba di Seoul\nRabu, 8 Mei 2024 | 20:15 WIB\nOleh: Rina Putri\n"
                "TEMPO.CO, Jakarta - Menteri Luar Negeri Kanada Melanie Joly tiba di Seoul.\n")
    assert doc.meta.date == "2024-05-08" and doc.meta.title == "Menlu Kanada Tiba di Seoul"


def test_a_headline_quoting_its_speaker_is_the_title_when_the_outlet_dateline_follows():
    doc = clean("Macron: Eropa Harus Mandiri\nDetik.com, Jakarta - Presiden Prancis Emmanuel Macron berpidato di Paris.\n")
    assert doc.meta.title == "Macron: Eropa Harus Mandiri" and doc.meta.dateline_place == "Jakarta"
    assert doc.text.startswith("Presiden Prancis Emmanuel Macron")


def test_a_dateline_with_two_agencies_names_the_first_the_publisher_and_cites_both():
    doc = clean("Putin Sambut Modi\nMoskow (ANTARA/Reuters) - Presiden Rusia Vladimir Putin menyambut Perdana Menteri India "
                "Narendra Modi di Moskow.\n")
    assert doc.meta.publisher == "ANTARA" and doc.meta.dateline_place == "Moskow"
    assert doc.meta.title == "Putin Sambut Modi" and set(doc.meta.cites) >= {"ANTARA", "Reuters"}
    assert doc.text.startswith("Presiden Rusia Vladimir Putin")


def test_the_one_line_above_the_pages_metadata_is_the_headline():
    doc = clean("Menlu Kanada Lawatan ke Asia\nkumparanNEWS\nSenin, 17 Februari 2025 10:05 WIB\n"
                "Menteri Luar Negeri Kanada Melanie Joly tiba di Tokyo.\n")
    assert doc.meta.title == "Menlu Kanada Lawatan ke Asia" and doc.meta.date == "2025-02-17"
    assert doc.text.startswith("Menteri Luar Negeri Kanada Melanie Joly")


def test_a_lead_sentence_above_an_editor_line_stays_body():
    doc = clean("Menteri Luar Negeri Kanada Melanie Joly tiba di Tokyo.\nEditor: Rina Putri\nIa disambut di bandara.\n")
    assert doc.meta.title is None and doc.text.startswith("Menteri Luar Negeri Kanada Melanie Joly tiba")


@pytest.mark.parametrize("text, place, body", [
    ("Jakarta - Menteri Luar Negeri RI bertemu mitranya dari Malaysia.\n", "Jakarta",
     "Menteri Luar Negeri RI bertemu"),
    ("Judul Berita Ini\nMOSKOW - Presiden Rusia menjamu tamunya.\n", "MOSKOW", "Presiden Rusia menjamu"),
])
def test_a_known_city_alone_opening_the_story_is_its_dateline(text, place, body):
    doc = clean(text)
    assert doc.meta.dateline_place == place and doc.text.startswith(body)


@pytest.mark.parametrize("text", [
    "Harga tiket Jakarta - Bandung naik.\n",  # a route, not a dateline
    "Pertama, Presiden berpidato.\nKedua, Jakarta - kota itu - banjir.\n",  # not opening the story
    "Sukirman - nama samaran - bercerita kepada kami.\n",  # no city the files know
])
def test_no_dateline_of_a_dash_after_a_word_that_is_no_known_city_opening_the_story(text):
    doc = clean(text)
    assert doc.meta.dateline_place is None and doc.text == text.strip()


def test_a_city_its_country_and_the_agencies_that_filed_it():
    doc = clean("Doha, Qatar (ANTARA/Anadolu) - Perdana Menteri Qatar bertemu Direktur CIA di Doha.\n")
    assert doc.meta.publisher == "ANTARA" and doc.meta.dateline_place == "Doha"
    assert set(doc.meta.cites) >= {"ANTARA", "Anadolu"} and doc.text.startswith("Perdana Menteri Qatar")


@pytest.mark.parametrize("byline, authors", [
    ("Rahajeng Kusumo Hastuti, CNBC Indonesia", ("Rahajeng Kusumo Hastuti",)),
    ("Tim Redaksi, CNBC Indonesia", ()),  # the newsroom, no person
])
def test_a_byline_naming_the_outlet_after_a_comma_is_no_title(byline, authors):
    doc = clean("CNBC Indonesia\nRusia Kirim Bantuan ke Korea Utara\n" + byline + "\n27 July 2023 20:10\n\n"
                "Jakarta, CNBC Indonesia - Rusia mengirim bantuan ke Korea Utara.\n")
    assert doc.meta.title == "Rusia Kirim Bantuan ke Korea Utara"
    assert doc.meta.authors == authors and doc.meta.publisher == "CNBC Indonesia"


def test_a_city_and_an_outlet_alone_on_a_line_are_no_byline():
    doc = clean("Jakarta, CNN Indonesia\nPresiden berpidato di depan parlemen.\n")
    assert doc.meta.authors == ()


def test_a_byline_with_a_dash_before_the_outlet_and_a_headline_above_it():
    doc = clean("detikNews\nZelensky: Pasukan Korut Tiba di Kursk\nNovi Christiastuti - detikNews\n"
                "Selasa, 05 Nov 2024 10:31 WIB\n\nKyiv - Presiden Ukraina berpidato di depan parlemen.\n")
    assert doc.meta.title == "Zelensky: Pasukan Korut Tiba di Kursk" and doc.meta.authors == ("Novi Christiastuti",)
    assert doc.meta.dateline_place == "Kyiv" and doc.text.startswith("Presiden Ukraina berpidato")


@pytest.mark.parametrize("line", ["Reuters | Anadolu", "(AFP/Reuters)"])
def test_a_line_of_wire_credits_cites_each(line):
    doc = clean("JAKARTA - Presiden berpidato di depan parlemen.\n" + line + "\n")
    assert set(doc.meta.cites) >= {"Reuters"} and len(doc.meta.cites) == 2 and line not in doc.text


@pytest.mark.parametrize("sign_off, cites", [("(afp/bac)", {"afp"}), ("(rds/rds)", set()), ("(ap/nvc)", set())])
def test_a_sign_off_of_codes_cites_the_wire_among_them(sign_off, cites):
    doc = clean("Jakarta, CNN Indonesia -- Presiden berpidato di depan parlemen.\n" + sign_off + "\n")
    assert {c.lower() for c in doc.meta.cites} == cites and sign_off not in doc.text


def test_reporter_and_editor_abbreviated_on_one_line():
    doc = clean("Rabu 18 Oct 2023 21:05 WIB\nRep: Dwina Agustin/ Red: Setya Livicansera\n"
                "JAKARTA - Presiden berpidato di depan parlemen.\n")
    assert doc.meta.authors == ("Dwina Agustin",) and doc.meta.editors == ("Setya Livicansera",)
    assert doc.meta.date == "2023-10-18"  # an English month abbreviation
    # "rep" must be the label, with its colon: a line that merely starts with the letters is body
    body = clean("JAKARTA - Presiden berpidato di depan parlemen.\nRepublik Indonesia merayakannya.\n")
    assert body.meta.authors == ()


@pytest.mark.parametrize("line, authors, date, publisher", [
    ("Oleh Tanti Yulianingsih pada 12 Jun 2024, 10:00 WIB", ("Tanti Yulianingsih",), "2024-06-12", None),
    ("Rahman Asmardika, Jurnalis · Rabu 19 Juni 2024 17:45 WIB", ("Rahman Asmardika",), "2024-06-19", None),
    ("Anton Suhartono · Kamis, 19 Oktober 2023 - 16:08:00 WIB", ("Anton Suhartono",), "2023-10-19", None),
    ("Dewi Lestari | Okezone | Rabu, 19 Juni 2024 | 17:45 WIB", ("Dewi Lestari",), "2024-06-19", "Okezone"),
    ("Penulis: Dewi Lestari, Joko Susilo", ("Dewi Lestari", "Joko Susilo"), None, None),
    ("Kontributor Jakarta, Dewi Lestari", ("Dewi Lestari",), None, None),
    ("Laporan wartawan Tribunnews.com, Dewi Lestari", ("Dewi Lestari",), None, None),
    ("By: Dewi Lestari", ("Dewi Lestari",), None, None),
    ("Tim Redaksi", (), None, None),
])
def test_credit_lines_of_many_outlets(line, authors, date, publisher):
    doc = clean("Judul Berita Besar\n" + line + "\nJAKARTA - Presiden berpidato di depan parlemen.\n")
    assert (doc.meta.authors, doc.meta.date, doc.meta.publisher) == (authors, date, publisher)
    assert doc.meta.title == "Judul Berita Besar" and doc.text.startswith("Presiden berpidato")


@pytest.mark.parametrize("line", [
    "KTT ASEAN - 2024",  # a heading: a year is no day
    "Vladimir Putin - 20 Oktober 2023",  # a caption: a known person is no reporter
    "Vladimir Putin | Kremlin | Rabu, 19 Juni 2024",
])
def test_lines_that_look_like_credits_but_are_not(line):
    doc = clean("JAKARTA - Presiden berpidato di depan parlemen.\n" + line + "\nIa menutup rapat.\n")
    assert doc.meta.authors == ()


def test_a_writer_credited_with_a_wire_agency_is_the_author_and_the_agency_is_cited():
    doc = clean("Kim Terima Menhan Rusia\nMoskow (ANTARA) - Pemimpin Korea Utara Kim Jong Un menerima Menteri Pertahanan "
                "Rusia Andrei Belousov di Pyongyang.\nPewarta: Xinhua/Yoanita Hastryka Djohan\nEditor: Atman Ahdiat\n")
    assert doc.meta.authors == ("Yoanita Hastryka Djohan",) and "Xinhua" in doc.meta.cites
    assert doc.meta.editors == ("Atman Ahdiat",)


def test_an_outlet_a_story_quotes_at_its_end_is_not_its_publisher():
    doc = clean("Iran Bantah Pasok Drone\nLondon - Rusia memperoleh drone dari Iran, menurut Kementerian Pertahanan Inggris.\n"
                "\"Kami menentang perang ini sejak awal,\" kata Duta Besar Iran dalam sebuah wawancara dengan CNN kemarin.\n")
    assert doc.meta.publisher is None


def test_page_chrome_around_a_story_goes_and_the_newsroom_credit_names_the_outlet():
    text = ("Home > Internasional > Asia\n"
            "Pasukan Tambahan Tiba di Front\n"
            "Dengarkan artikel ini\n"
            "Oleh Redaksi detikNews | Selasa, 14 Januari 2025 - 09:12 WIB\n"
            "Lihat Foto\n"
            "Tentara berbaris dalam parade militer di ibu kota. (AFP/KCNA VIA KNS)\n"
            "Seoul - Menteri Pertahanan Korea Selatan mengatakan pasukan tambahan tiba di front.\n"
            "Halaman selanjutnya >>>\n"
            "Tags: korea utara, rusia, ukraina\n")
    doc = clean(text)
    assert doc.text == "Menteri Pertahanan Korea Selatan mengatakan pasukan tambahan tiba di front."
    assert doc.meta.title == "Pasukan Tambahan Tiba di Front" and doc.meta.authors == ()
    assert doc.meta.publisher == "detikNews" and doc.meta.cites == () and doc.meta.dateline_place == "Seoul"


def test_a_headline_opening_with_a_quote_is_the_title():
    doc = clean('"Kami Butuh Lebih Banyak Patriot", Kata Zelensky\nTEMPO.CO, Jakarta - "Kami butuh lebih banyak sistem '
                'Patriot," kata Presiden Ukraina Volodymyr Zelensky di Washington.\n')
    assert doc.meta.title == '"Kami Butuh Lebih Banyak Patriot", Kata Zelensky'
    assert doc.text.startswith('"Kami butuh lebih banyak sistem Patriot,"')


BODY = "Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di Pyongyang."


@pytest.mark.parametrize("head, publisher, authors", [
    # the outlet credits itself: no person wrote it
    ("Oleh Liputan6.com\n19 Okt 2023, 14:05 WIB\n", "Liputan6.com", ()),
    ("Reporter: Tempo.co\nKamis, 19 Oktober 2023 14:05 WIB\n", "Tempo.co", ()),
    # a name alone between the headline and the date line is the byline
    ("Andika Hendra Mustaqim\nKamis, 19 Oktober 2023 - 14:05 WIB\n", None, ("Andika Hendra Mustaqim",)),
    # image credits and captions are no body
    ("19 Oktober 2023\nSumber gambar, Getty Images\nKeterangan gambar, Lavrov tiba di bandara.\n", None, ()),
])
def test_bylines_of_more_outlets(head, publisher, authors):
    doc = clean("Lavrov Bertemu Choe di Pyongyang\n" + head + BODY + "\n")
    assert doc.meta.title == "Lavrov Bertemu Choe di Pyongyang" and doc.text == BODY
    assert doc.meta.publisher == publisher and doc.meta.authors == authors and doc.meta.date == "2023-10-19"
