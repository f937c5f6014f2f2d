"""Content hashes of the input files, kept beside what each file looked like when it was hashed,
so that a rebuild reads only the files that changed (git's index does the same).

A file is hashed again when its size, modification or change time, inode or device differ from
those recorded, and also when it was modified less than RACY_SECONDS before the record was
written: a file changed again within the clock tick of the record would show the same times.
The change time cannot be set back by a user (touch sets the modification time only), so a file
rewritten at the same size with its old modification time restored is still read again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

RACY_SECONDS = 2  # coarser than the timestamps of any filesystem in use (FAT: 2 s)


def content_key(doc_id: str, data: bytes) -> str:
    """An input's cache key: its id and its bytes."""
    return hashlib.sha256(doc_id.encode() + b"\0" + data).hexdigest()


class Digests:
    """The cache keys of input files, read from `path` and written back by save()."""

    def __init__(self, path: Path):
        self.path = path
        self._known, self._trusted_before = self._load()
        self._seen: dict[str, list] = {}
        self.hashed = 0  # files read and hashed by this object

    def _load(self) -> tuple[dict[str, list], int]:
        try:
            recorded = os.stat(self.path).st_mtime_ns
            entries = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}, 0
        if not isinstance(entries, dict):
            return {}, 0
        return entries, recorded - RACY_SECONDS * 1_000_000_000

    def key(self, doc_id: str, path: Path) -> str | None:
        """The file's cache key; None if it cannot be read (the reader reports why)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        name = f"{doc_id}\0{path}"
        looks = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
        entry = self._known.get(name)
        if (isinstance(entry, list) and len(entry) == 6 and entry[:5] == looks and isinstance(entry[5], str)
                and max(st.st_mtime_ns, st.st_ctime_ns) < self._trusted_before):
            self._seen[name] = entry
            return entry[5]
        try:
            data = path.read_bytes()
        except OSError:
            return None
        self.hashed += 1
        key = content_key(doc_id, data)
        self._seen[name] = [*looks, key]
        return key

    def save(self) -> None:
        """Record the files looked at since loading (files gone are forgotten), when one was
        hashed (written again, a record trusts files modified shortly before the last one) or
        one is gone; not durable: a lost record costs hashing again."""
        from kg.rdf.serialize import atomic_write

        if not self.hashed and self._seen.keys() == self._known.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(self._seen, separators=(",", ":"), sort_keys=True), durable=False)
        except OSError as exc:  # the build goes on; the next one reads the files again
            logging.getLogger("kg").warning("could not record the input files' keys (%s)", exc)
