"""Bad input, interrupted builds and random text: one line per bad file, the rest built,
previous output kept whole, no exception escaping, offsets exact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build
from tests.conftest import ROOT, SEEDS

GOOD = (
    "JAKARTA, Kabarsatu.id - Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menteri Luar Negeri "
    "Korea Utara Choe Son Hui di Pyongyang pada hari Rabu (18/10/2023).\n\n"
    "\u201cKami mendukung penuh,\u201d kata Lavrov kepada wartawan.\n"
)


def _zip() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", GOOD)
    return buf.getvalue()


# name -> (bytes, expected: "built" | reason words of the skip message)
BAD = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n\t \r\n  ", "the file is empty"),
    "furniture.txt": (b"Baca juga: Harga emas naik\nADVERTISEMENT\nScroll untuk melanjutkan\n",
                      "nothing is left once page furniture is removed"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"),
    "archive.txt": (_zip(), "a zip archive"),
    "binary.txt": (bytes(range(256)) * 20, "looks binary"),
    "bad_utf8.txt": (GOOD.encode("utf-8").replace(b"Rabu", b"R\xffbu"), "built"),
    "utf16.txt": (GOOD.encode("utf-16"), "built"),
    "cp1252.txt": (GOOD.replace("\u201c", '"').replace("\u201d", '"').encode("utf-8") + "caf\xe9".encode("cp1252"),
                   "built"),
    "huge.txt": (b"Kata " * 500_000, "is not one article"),  # 2.5 MB of one "article"
    "one_line.txt": (((GOOD.replace("\n", " ") + " ") * 4000).encode()[:1_000_000], "built"),
    "broken.html": (b"<html><head><title>x</title></head><body><p>Menteri Luar Negeri Rusia Sergei Lavrov"
                    b" bertemu Choe Son Hui di Pyongyang.<div><span", "built-or-no-text"),
    "truncated.html": (b"<html><body><div><p", "the page has no article text"),
    "lines.jsonl": (b'{"text": "' + GOOD.replace("\n", " ").replace('"', "'").encode() + b'"}\nnot json\n{"title": "x"}\n',
                    "built"),
    "all_bad.jsonl": (b"not json\n{\"title\": \"no text\"}\n", "no line holds an article"),
    "mixed_endings.txt": (GOOD.replace("\n\n", "\r\n\r\n").replace("\n", "\r").encode(), "built"),
    "some_nul.txt": (GOOD.encode().replace(b"Rabu", b"Ra\x00bu"), "built"),
    "open_quote.txt": (("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan \u201cIni tidak pernah ditutup. "
                        + "Dan terus berlanjut. " * 3000).encode(), "built"),
    "capitals.txt": (("JAKARTA - " + " ".join(["Kata"] * 10_000) + ".").encode(), "built"),
    "hostile.txt": (("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan \u201c<script>alert(1)</script> \\\\ "
                     '\\" """ kutipan\u201d kepada Presiden Korea Utara Kim <b>Jong</b> Un.\n').encode(), "built"),
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    src = root / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (data, _why) in BAD.items():
        (src / name).write_bytes(data)
    loop = src / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop, target_is_directory=True)  # a folder symlink loop
    (src / "a.txt").symlink_to(src / "b.txt")  # a file symlink loop
    (src / "b.txt").symlink_to(src / "a.txt")
    locked = src / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        out = CliRunner().invoke(app, ["build", str(src), "-o", str(root / "out"), "--jobs", "1"])
    finally:
        locked.chmod(0o644)
    return out, root / "out"


def _lines_about(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"kg: warning: {name}")]


def test_bad_inputs_exit_3_and_good_ones_are_built(bad_build):
    out, built = bad_build
    assert out.exit_code == 3, out.output
    assert "Traceback" not in out.output
    ids = {str(q.object.value) for q in ox.parse(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG)
           if q.predicate.value == "http://purl.org/dc/terms/identifier"}
    assert "good.txt" in ids
    for name, (_data, why) in BAD.items():
        if why == "built":
            assert any(i == name or i.startswith(name + "#") for i in ids), name


@pytest.mark.parametrize("name", sorted(n for n, (_d, why) in BAD.items() if why not in ("built", "built-or-no-text")))
def test_each_skipped_file_gets_one_line_naming_it_and_why(bad_build, name):
    out, _built = bad_build
    lines = _lines_about(out.output, name)
    assert len(lines) == 1, out.output
    assert "skipped" in lines[0] and BAD[name][1] in lines[0]


def test_links_loops_and_permissions_are_reported_not_fatal(bad_build):
    out, built = bad_build
    assert len(_lines_about(out.output, "a.txt")) == 1 and "cannot read it" in _lines_about(out.output, "a.txt")[0]
    locked = _lines_about(out.output, "locked.txt")
    if os.geteuid() != 0:  # root reads a file whatever its mode
        assert len(locked) == 1 and "cannot read it" in locked[0]
    assert not any("loop/again" in line for line in out.output.splitlines() if "Traceback" in line)


def test_bad_build_output_is_valid_rdf_and_escaped(bad_build):
    _out, built = bad_build
    quads = list(ox.parse(path=str(built / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert any("<script>alert(1)</script>" in q.object.value for q in quads if isinstance(q.object, ox.Literal))
    page = (built / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page


def test_file_names_in_output_are_relative_to_the_build_root(bad_build):
    _out, built = bad_build
    text = (built / "graph.trig").read_text(encoding="utf-8")
    assert str(built.parent) not in text


def _tree(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_the_previous_output_whole(tmp_path, sig):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    generate(1500, tmp_path / "corpus")  # far more than the 2 s before the signal can build
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["build", str(SEEDS), "-o", str(out)]).exit_code == 0
    before = _tree(out)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(tmp_path / "corpus"), "-o", str(out),
                             "--jobs", "2", "--no-cache"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)
    proc.send_signal(sig)
    _stdout, stderr = proc.communicate(timeout=120)
    after = _tree(out)
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert after == before
    list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
    leftovers = [p.name for p in out.iterdir() if p.name.startswith((".staging-", ".graph")) or p.suffix == ".tmp"]
    assert leftovers == []
    result = CliRunner().invoke(app, ["path", "Lavrov", "Choe_Son_Hui", "-g", str(out)])
    assert result.exit_code == 0  # and the store still answers


WORDS = ["Menteri", "Luar", "Negeri", "Rusia", "Sergei", "Lavrov", "bertemu", "dengan", "Korea", "Utara", "Kim",
         "mengatakan", "kata", "menurut", "di", "Pyongyang", "pada", "hari", "Rabu", "mengirim", "senjata", "ke",
         "dan", "bahwa", "“", "”", '"', ".", ",", "(", ")", "\n", "\n\n", "—", "19/10/2023", "TASS", "<b>", "&amp;"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join),
    st.text(min_size=1, max_size=400),
    st.tuples(st.sampled_from(sorted(p.name for p in SEEDS.iterdir())), st.integers(0, 5000), st.integers(0, 300),
              st.text(max_size=20)).map(lambda t: _mutate(*t)),
))
def test_any_text_builds_without_exception_and_offsets_stay_exact(tmp_path_factory, text):
    src = tmp_path_factory.mktemp("prop")
    (src / "a.txt").write_text(text, encoding="utf-8", errors="surrogatepass") if _encodable(text) else \
        (src / "a.txt").write_bytes(text.encode("utf-8", "replace"))
    try:
        result = build([src], None)
    except Exception as exc:  # only "nothing readable" may stop a one-file build
        assert type(exc).__name__ == "SkippedInput", exc
        return
    contexts, spans = {}, {}
    for q in result.quads:
        p = q.predicate.value
        if p.endswith("#isString"):
            contexts[q.subject.value] = q.object.value
        elif p.endswith(("#beginIndex", "#endIndex", "#anchorOf", "#referenceContext")):
            spans.setdefault(q.subject.value, {})[p.rsplit("#", 1)[1]] = q.object.value
    for span, v in spans.items():
        if "anchorOf" in v:
            assert contexts[v["referenceContext"]][int(v["beginIndex"]):int(v["endIndex"])] == v["anchorOf"], span


def _mutate(name: str, at: int, cut: int, insert: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    at = at % max(1, len(text))
    return text[:at] + insert + text[at + cut:]


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def test_readme_documents_inputs_and_errors():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Inputs and errors" in readme
    for words in ("Exit codes", "skipped", "2,000,000", "SIGTERM"):
        assert words in readme.split("## Inputs and errors")[1].split("\n## ")[0]
