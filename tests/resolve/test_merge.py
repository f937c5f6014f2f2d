"""Merging an article's assertions: what a statement that rejects a claim denies."""

from __future__ import annotations

from kg.article import Extracted, process_article
from kg.ingest.readers import RawArticle
from kg.model import Metadata
from kg.resolve.merge import merge


def _merged(text: str):
    raw = RawArticle("a.txt", text, Metadata())
    return merge([Extracted.of(process_article(raw))])


def test_a_rejection_denies_the_claims_before_it_not_the_meeting_told_around_them():
    merged = _merged(
        "Menteri Luar Negeri Iran Abbas Araghchi bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Teheran pada "
        "Senin (2/12/2024).\n"
        "Amerika Serikat menyebut Iran telah mengirimkan ratusan drone kepada Rusia.\n"
        "\"Kami menolak tuduhan tak berdasar tersebut,\" ujar Araghchi.\n")
    kinds = {e.id: e.kind for e in merged.events}
    (rejection,) = [s for s in merged.statements if s.denies]
    assert {kinds[d] for d in rejection.denies} == {"supply"}


def _merged_all(*texts: str):
    arts = [Extracted.of(process_article(RawArticle(f"{n}.txt", t, Metadata()))) for n, t in enumerate(texts)]
    return merge(sorted(arts, key=lambda x: x.id))


def _visits(merged) -> list[str | None]:
    return sorted(e.date for e in merged.events if e.kind == "visit")


def test_a_visit_told_on_days_close_together_is_one_visit_from_its_first_day():
    merged = _merged_all(
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang pada Rabu (18/10/2023).\n",
        "Pemimpin Korea Utara Kim Jong Un menyambut kedatangan Menteri Luar Negeri Rusia Sergei Lavrov di "
        "Pyongyang, Kamis (19/10/2023).\n")
    assert _visits(merged) == ["2023-10-18"]


def test_visits_days_apart_or_to_another_city_stay_apart():
    merged = _merged_all(
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang pada Rabu (18/10/2023).\n",
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang pada Senin (30/10/2023).\n",
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Wonsan pada Kamis (19/10/2023).\n")
    assert _visits(merged) == ["2023-10-18", "2023-10-19", "2023-10-30"]


def test_two_speakers_of_one_sentence_make_two_statements():
    merged = _merged("Menteri Luar Negeri Rusia Sergei Lavrov menuding Amerika Serikat melemahkan Rusia, sementara "
                     "Menteri Luar Negeri China Wang Yi menyatakan China menentang perluasan NATO.\n")
    texts = {s.id: (s.speaker, s.text) for s in merged.statements}
    assert len(texts) == 2 and {speaker for speaker, _ in texts.values()} == {"Sergei_Lavrov", "Wang_Yi"}


def _meetings(merged) -> list[str | None]:
    return sorted(e.date for e in merged.events if e.kind == "meeting")


TRIP = ("Menteri Pertahanan Rusia Andrei Belousov tiba di Pyongyang pada Selasa (17/6/2025). "
        "{opening}, Belousov diterima oleh pemimpin Korea Utara Kim Jong Un.\n")


def test_a_meeting_during_a_trip_is_not_an_earlier_meeting_of_that_month():
    merged = _merged(TRIP.format(opening="Dalam kunjungan itu") +
                     "Belousov sebelumnya bertemu Kim pada 4 Juni 2025 di Pyongyang.\n")
    assert _meetings(merged) == ["2025-06", "2025-06-04"]


def test_a_meeting_during_a_trip_is_the_meeting_another_article_dates_in_it():
    merged = _merged_all(TRIP.format(opening="Dalam kunjungan itu"),
                         "Kim Jong Un bertemu Andrei Belousov di Pyongyang pada Rabu (18/6/2025).\n")
    assert _meetings(merged) == ["2025-06-18"]


def test_a_meeting_not_told_as_part_of_the_trip_still_takes_any_day_of_its_month():
    # "Pada kesempatan lain": no trip dates it, so the month of the article's date stands alone
    merged = _merged_all(TRIP.format(opening="Pada kesempatan lain"),
                         "Kim Jong Un bertemu Andrei Belousov di Pyongyang pada 4 Juni 2025.\n")
    assert len(_meetings(merged)) == 1
