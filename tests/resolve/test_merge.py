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
