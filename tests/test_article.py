"""An article's result as the build holds it: what the merge reads of it (MergeInput), and the
whole result kept pickled until an article's graph is made."""

from __future__ import annotations

import pickle

from kg.article import Extracted, merge_input, process_article
from kg.ingest.readers import RawArticle
from kg.model import Evidence, make_assertion
from tests.conftest import make_doc

TEXT = ("Presiden Peru Ana Quispe bertemu Menteri Luar Negeri Chile Rodrigo Valdés di Lima pada Senin. "
        "Quispe mengatakan Peru dan Chile sepakat memperluas perdagangan. Peru akan mengirim beras ke Chile.")


def test_names_are_each_key_surface_and_type_counted_in_the_order_first_used():
    ann = make_doc(TEXT, "a.txt")
    names = merge_input(ann).names
    used = [(m.entity, m.surface, m.type) for m in ann.mentions]
    assert [n[:3] for n in names] == list(dict.fromkeys(used))
    assert [n[3] for n in names] == [used.count(n[:3]) for n in names]
    peru = [n for n in names if n[1] == "Peru"]
    assert peru and peru[0][3] == 3  # "Presiden Peru", "Peru dan Chile", "Peru akan"
    assert sum(n[3] for n in names) == len(ann.mentions)


def test_the_merge_input_leaves_statements_to_the_whole_result():
    ann = make_doc(TEXT, "a.txt")
    ev = Evidence("a.txt", 0, 10, "x", "r")
    said = make_assertion("statement", ev, {"speaker": ["person:quispe"]}, {"text": "…"})
    met = make_assertion("meeting", ev, {"participant": ["person:quispe", "person:valdes"]}, {})
    office = make_assertion("position", ev, {"subject": ["person:quispe"]}, {"position": "Presiden"})
    got = merge_input(ann, (said, met, office))
    assert got.facts == (met, office)
    assert got.id == "a.txt" and got.meta == ann.doc.meta


def test_an_extracted_result_travels_as_its_pickle_and_is_read_when_asked_for():
    result = process_article(RawArticle("a.txt", TEXT))
    x = Extracted.of(result)
    assert x.id == "a.txt" and x.input == merge_input(result.ann, result.assertions)
    again = pickle.loads(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.input == x.input
    assert again.result() == result and again.result() is again.result()  # read once
    assert again == x
    # pickled again once read (a result from the cache handed to a worker, say), it is the same
    assert pickle.loads(pickle.dumps(again)).result() == result
