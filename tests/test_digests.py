"""Input files' keys: read once, trusted while a file looks as it did, hashed again otherwise."""

from __future__ import annotations

import os
import time

import pytest

from kg.digests import Digests, content_key

HOUR = 3600 * 1_000_000_000


@pytest.fixture
def files(tmp_path):
    """Three files last modified an hour ago (the record trusts what is older than itself)."""
    out = []
    for n in range(3):
        p = tmp_path / "in" / f"a{n}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(f"Artikel {n}.", encoding="utf-8")
        then = time.time_ns() - HOUR
        os.utime(p, ns=(then, then))
        out.append(p)
    return out


def _keys(record, files) -> tuple[list[str | None], int]:
    d = Digests(record)
    keys = [d.key(p.name, p) for p in files]
    d.save()
    return keys, d.hashed


def _backdate_record(record) -> None:
    """As if the record were written long after the files' last change (ctime is 'now' in a test)."""
    later = time.time_ns() + HOUR
    os.utime(record, ns=(later, later))


def test_unchanged_files_are_not_read_again(files, tmp_path):
    record = tmp_path / "digests"
    keys, hashed = _keys(record, files)
    assert hashed == 3 and keys == [content_key(p.name, p.read_bytes()) for p in files]
    _backdate_record(record)
    assert _keys(record, files) == (keys, 0)


def test_a_file_rewritten_at_the_same_size_and_time_is_hashed_again(files, tmp_path):
    record = tmp_path / "digests"
    _keys(record, files)
    st = os.stat(files[1])
    files[1].write_text("Artikel X.", encoding="utf-8")  # same length
    os.utime(files[1], ns=(st.st_atime_ns, st.st_mtime_ns))  # the old modification time put back
    _backdate_record(record)
    keys, hashed = _keys(record, files)
    assert hashed >= 1 and keys[1] == content_key(files[1].name, b"Artikel X.")


def test_files_changed_shortly_before_the_record_are_not_trusted(files, tmp_path):
    record = tmp_path / "digests"
    _keys(record, files)  # the files' change times are 'now', as the record's: racy, read again
    assert _keys(record, files)[1] == 3


def test_a_damaged_record_is_ignored_and_a_gone_file_forgotten(files, tmp_path):
    record = tmp_path / "digests"
    record.write_text("{not json", encoding="utf-8")
    keys, hashed = _keys(record, files)
    assert hashed == 3 and None not in keys
    files[0].unlink()
    _backdate_record(record)
    keys, hashed = _keys(record, files)
    assert keys[0] is None and hashed == 0
    assert len(Digests(record)._known) == 2


@pytest.mark.parametrize("entry", [["x"], [1, 2, 3, 4, 5, 6], "key", None])
def test_malformed_entries_are_hashed_again(files, tmp_path, entry):
    import json

    record = tmp_path / "digests"
    _keys(record, files)
    entries = json.loads(record.read_text())
    for name in entries:
        entries[name] = entry
    record.write_text(json.dumps(entries))
    _backdate_record(record)
    keys, hashed = _keys(record, files)
    assert hashed == 3 and keys == [content_key(p.name, p.read_bytes()) for p in files]
