"""Date expressions in free text, on sentences written for the tests."""

import datetime as dt

import pytest

from kg.text.dates import find_dates

REF = dt.date(2024, 9, 12)


@pytest.mark.parametrize("text, value", [
    ("Kamis (12/9/2024)", "2024-09-12"),
    ("pada Senin, 3 Maret 2025", "2025-03-03"),
    ("Selasa (10/9)", "2024-09-10"),  # the year the article's
    ("pada hari Rabu ( 4/9 )", "2024-09-04"),
    ("Jumat (3/1)", "2025-01-03"),  # nearer next January than last
    ("Senin (30/12)", "2024-12-30"),
    ("pada hari Rabu", "2024-09-11"),
    ("bulan lalu", "2024-08"),
    ("pada Juli lalu", "2024-07"),
    ("pada bulan Maret mendatang", "2025-03"),
    ("Oktober depan", "2024-10"),
    ("September lalu", "2023-09"),  # this month's name with "lalu" is last year's
    ("pada 4 September", "2024-09-04"),  # a day of a month, the year the article's
    ("pada Rabu, 4 September", "2024-09-04"),
    ("tanggal 2 Januari", "2025-01-02"),  # nearer next January than last
    ("pada 14 Desember lalu", "2023-12-14"),  # "lalu": the last one before the article
    ("pada 10 September mendatang", "2025-09-10"),  # "mendatang": the next one
    ("pada 27-30 Agustus 2024", "2024-08-27"),  # a span of days: its first
    ("pada 2 hingga 5 September", "2024-09-02"),
    ("pada 2 – 5 September", "2024-09-02"),
    ("pada Oktober tahun lalu", "2023-10"),  # a month of the year before the article's
    ("pada 14 Juni tahun lalu", "2023-06-14"),
    ("pada bulan Maret tahun depan", "2025-03"),
    ("tiga hari lalu", "2024-09-09"),  # REF is Thursday 12 September 2024
    ("dua pekan lalu", "2024-08"),
    ("pada Senin depan", "2024-09-16"),  # the next Monday, not the last
    ("pada Kamis pekan depan", "2024-09-19"),  # that day of the week after the article's
    ("pada akhir pekan lalu", "2024-09"),  # the weekend of last week: 7-8 September
    ("sejak 2019", "2019"),  # a year after a word of time
    ("pada akhir 2022", "2022"),
    ("hingga tahun 2030", "2030"),
])
def test_dates_resolved_against_the_article_date(text, value):
    found = find_dates(f"Menteri itu tiba {text} di sana.", REF)
    assert [d.value for d in found] == [value]


def test_a_day_and_month_without_a_year_is_taken_in_the_year_nearest_the_article():
    (d,) = find_dates("Ia tiba Senin (30/12).", dt.date(2025, 1, 2))
    assert d.value == "2024-12-30" and not d.explicit


@pytest.mark.parametrize("text", [
    "Selasa (10/9)",  # no article date to take the year from
    "Selasa (31/2)",  # no such day
])
def test_a_day_and_month_that_cannot_be_placed_is_no_date(text):
    ref = None if text == "Selasa (10/9)" else REF
    assert [d.rule for d in find_dates(f"Ia tiba {text}.", ref)] == []


@pytest.mark.parametrize("text", ["Mereka memesan 2019 unit.", "Jumlahnya mencapai 2020 orang."])
def test_a_number_that_looks_like_a_year_is_no_date(text):
    assert find_dates(text, REF) == []


def test_a_fraction_is_not_a_date():
    assert find_dates("Skor akhir pertandingan 10/9 untuk tuan rumah.", REF) == []


@pytest.mark.parametrize("text", [
    "Agus lalu pergi ke pasar.",  # a name, then "lalu" (then)
    "Ia tiba pada Jul lalu.",  # an abbreviation is not read with "lalu"
    "Pada juli lalu ia tiba.",  # nor a month written in lower case
])
def test_a_word_before_lalu_is_a_month_only_when_a_month_is_written_in_full(text):
    assert find_dates(text, REF) == []


@pytest.mark.parametrize("text", [
    "Sebanyak 2 Agus menang lomba.",  # a short month name is not read after a number
    "Ia membeli 3 juni buku.",  # nor a month in lower case
    "Skor 3 Juni 10 ditulis salah.",  # nor a month with a number after it
])
def test_a_number_before_a_word_is_a_day_only_with_a_month_written_in_full(text):
    assert find_dates(text, REF) == []


def test_a_planned_day_of_a_month_lies_ahead():
    (d,) = find_dates("Mereka akan bertemu pada 5 September.", REF, future=True)
    assert d.value == "2025-09-05"


@pytest.mark.parametrize("text, future, value", [
    ("pada Juli", False, "2024-07"),  # the last July before the article (of 12 September 2024)
    ("pada bulan Oktober", False, "2023-10"),
    ("awal September", False, "2024-09"),  # the article's own month
    ("pada Oktober", True, "2024-10"),  # a plan: the next October
    ("pada Maret", True, "2025-03"),
])
def test_a_month_without_a_year_after_a_word_of_time_is_the_one_nearest_the_article(text, future, value):
    (d,) = find_dates(f"Mereka bertemu {text} di sana.", REF, future=future)
    assert d.value == value and not d.explicit


@pytest.mark.parametrize("text", [
    "Ia bertemu Mei di sana.",  # a name: no word of time before it
    "Ia tiba pada juli.",  # a month in lower case
    "Ia tiba pada Jul.",  # an abbreviation
])
def test_a_month_alone_needs_a_word_of_time_and_its_full_name(text):
    assert find_dates(text, REF) == []


@pytest.mark.parametrize("ref, text, value", [
    (dt.date(2024, 11, 4), "pada Jumat pekan lalu", "2024-11-01"),  # a Monday: the Friday before
    (dt.date(2024, 11, 9), "pada Jumat pekan lalu", "2024-11-01"),  # a Saturday: not yesterday, last week's
    (dt.date(2024, 11, 9), "pada Jumat lalu", "2024-11-08"),  # the last Friday
    (dt.date(2024, 11, 4), "pada Senin minggu lalu", "2024-10-28"),
    (dt.date(2024, 11, 4), "pekan lalu", "2024-10"),  # no day named: the month only
])
def test_a_weekday_of_last_week_is_that_day_of_the_week_before_the_articles(ref, text, value):
    assert [d.value for d in find_dates(f"Ia tiba {text}.", ref)] == [value]


@pytest.mark.parametrize("text, value", [
    ("Rabu 18 Oct 2023 21:05 WIB", "2023-10-18"),
    ("27 July 2023 20:10", "2023-07-27"),
    ("Selasa, 05 Nov 2024 10:31 WIB", "2024-11-05"),
])
def test_page_dates_with_english_months(text, value):
    from kg.text.dates import parse_date_string

    assert parse_date_string(text) == value
