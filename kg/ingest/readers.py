"""Find input files and read each format into raw article text plus page metadata."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, SkippedInput
from kg.model import Metadata

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# One article; beyond this a file is a dump, not an article, and would take minutes to read.
MAX_ARTICLE_CHARS = 2_000_000
MAX_FILE_BYTES = 200_000_000  # a JSONL file holds many articles, but not more than this
# Signatures of binary formats people keep beside their articles.
MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


@dataclass(frozen=True, slots=True)
class RawArticle:
    id: str
    text: str
    page: Metadata = field(default_factory=Metadata)  # what the container said (HTML, JSONL)
    warnings: tuple[str, ...] = ()


def collect(paths: list[Path]) -> tuple[Path, list[tuple[str, Path]], list[str]]:
    """The build root, the (id, file) pairs under `paths` in a stable order, and warnings."""
    if not paths:
        raise InputError("no input paths given")
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
    resolved = [p.resolve() for p in paths]
    root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))
    files: dict[str, Path] = {}
    warnings: list[str] = []
    under = str(root).rstrip(os.sep) + os.sep  # what every path found begins with
    for p in resolved:
        if p.is_dir():
            # as strings until the end: a Path and relative_to per file were most of listing
            # a hundred thousand files
            for f in _walk(p, warnings):
                files.setdefault(f[len(under):].replace(os.sep, "/"), f)
        else:
            files.setdefault(p.relative_to(root).as_posix(), str(p))
    if not files:
        raise InputError(f"no articles ({', '.join(sorted(SUFFIXES))}) under {', '.join(map(str, paths))}")
    return root, [(doc_id, Path(f)) for doc_id, f in sorted(files.items())], warnings


def _walk(folder: Path, warnings: list[str]) -> list[str]:
    """The article files under `folder` (not hidden, a suffix kg reads), in a stable order."""
    found = []

    def onerror(err: OSError) -> None:
        warnings.append(f"{err.filename}: skipped, cannot list the folder ({err.strerror})")

    # followlinks=False: a symlink loop cannot make the walk endless
    for dirpath, dirnames, filenames in os.walk(folder, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            found.append(os.path.join(dirpath, name))
    return found


def read_path(doc_id: str, path: Path) -> list[RawArticle]:
    """Read one file into articles (one, or one per JSONL line). Raises SkippedInput."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SkippedInput(f"{doc_id}: skipped, {size:,} bytes is more than kg reads from one file "
                               f"({MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise SkippedInput(f"{doc_id}: skipped, cannot read it ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    text, warnings = decode(doc_id, data)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(doc_id, text, warnings)
    if suffix in HTML_SUFFIXES:
        return [read_html(doc_id, text, warnings)]
    return [RawArticle(doc_id, _require_text(doc_id, text), warnings=tuple(warnings))]


def decode(doc_id: str, data: bytes) -> tuple[str, list[str]]:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise SkippedInput(f"{doc_id}: skipped, it is {what}, not an article")
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").replace("\x00", ""), warnings
        except UnicodeDecodeError:
            raise SkippedInput(f"{doc_id}: skipped, broken UTF-16") from None
    if data.count(b"\x00") > max(8, len(data) // 100) or _control_share(data[:8192]) > 0.05:
        raise SkippedInput(f"{doc_id}: skipped, it looks binary (control bytes), not an article")
    if b"\x00" in data:
        warnings.append(f"{doc_id}: NUL bytes removed")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{doc_id}: not UTF-8 (byte {exc.start}), read as Windows-1252; check the characters"
        )
        return data.decode("cp1252", errors="replace"), warnings


def _control_share(head: bytes) -> float:
    """The share of control bytes (other than tab, newlines, form feed) at the start of a file."""
    if not head:
        return 0.0
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) + head.count(127)
    return controls / len(head)


def _require_text(doc_id: str, text: str, limit: bool = True) -> str:
    if not text.strip():
        raise SkippedInput(f"{doc_id}: skipped, the file is empty")
    if limit and len(text) > MAX_ARTICLE_CHARS:
        raise SkippedInput(f"{doc_id}: skipped, {len(text):,} characters is not one article "
                           f"(the limit is {MAX_ARTICLE_CHARS:,}); split it into articles")
    return text


def read_html(doc_id: str, html: str, warnings: list[str]) -> RawArticle:
    """Main text and metadata of a web page, by trafilatura."""
    import trafilatura

    _require_text(doc_id, html, limit=False)  # markup and scripts count for nothing; the text is checked below
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise SkippedInput(f"{doc_id}: skipped, the HTML cannot be parsed ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise SkippedInput(f"{doc_id}: skipped, the page has no article text")
    page = Metadata(
        title=doc.title or None,
        publisher=doc.sitename or None,
        date=doc.date or None,
        authors=tuple(a.strip() for a in (doc.author or "").split(";") if a.strip()),
        url=doc.url or None,
    )
    return RawArticle(doc_id, _require_text(doc_id, doc.text), page, tuple(warnings))


def read_jsonl(doc_id: str, text: str, warnings: list[str]) -> list[RawArticle]:
    """One article per line: {"text", "url"?, "title"?, "date"?, "publisher"?, "author"?}."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        line_id = f"{doc_id}#{n}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            warnings.append(f"{line_id}: skipped, not JSON ({exc.msg})")
            continue
        body = row.get("text") if isinstance(row, dict) else None
        if not isinstance(body, str) or not body.strip():
            warnings.append(f"{line_id}: skipped, no \"text\" field")
            continue
        if len(body) > MAX_ARTICLE_CHARS:
            warnings.append(f"{line_id}: skipped, {len(body):,} characters is not one article")
            continue
        author = row.get("author") or ()
        page = Metadata(
            title=_str(row.get("title")),
            publisher=_str(row.get("publisher")),
            date=_str(row.get("date")),
            authors=(author,) if isinstance(author, str) else tuple(a for a in author if isinstance(a, str)),
            url=_str(row.get("url")),
        )
        out.append(RawArticle(line_id, body, page))
    if not out:
        raise SkippedInput(f"{doc_id}: skipped, no line holds an article; " + "; ".join(warnings[:3]))
    if out and warnings:
        out[0] = RawArticle(out[0].id, out[0].text, out[0].page, tuple(warnings))
    return out


def _str(v: object) -> str | None:
    return v.strip() or None if isinstance(v, str) else None
