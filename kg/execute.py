"""The per-article stage, run here, in worker processes, or on a Dask cluster, with a cache.

Each input file is read, cleaned, annotated and extracted by `process_file`, a pure function
of the file's bytes and of kg's own code and data; so its result can be computed anywhere
and kept. The cache (out/.cache) is keyed by the file's content hash, its id, and a
fingerprint of everything that shapes extraction (the source of the per-article stages,
the language data, the known entities, the extractors' versions): change a rule or a
lexicon and every article is extracted again; add or change one article and only that one is.

A result is kept in a file of its own as soon as it is made (an interrupted build keeps what
it did); when a build used more than a few results that are not in the pack, or the pack holds
more than a few that it did not use, the results it used are gathered into one pack, read whole
by the next build: one sequential read instead of one file per article, and the single files
folded into it are removed. (Adding an article leaves the pack as it is: rewriting it would cost
more than reading the one file.)
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.config import PACKAGE_DIR, hash_files, ontology_dir
from kg.digests import Digests
from kg.errors import InputError, SkippedInput

CACHE_DIR = ".cache"
DIGESTS = "digests"  # in CACHE_DIR: the input files' keys and what the files looked like (kg.digests)
PACK = "pack"  # in a fingerprint's folder: the results of the last build, one after another
PACK_MAGIC = b"kg-cache-pack 1\n"
# results used from single files, plus results in the pack no longer used, that a build leaves
# as they are: past this many (and a twentieth of the build), it packs again
PACK_SLACK = 64
# what the per-article result depends on: code of these stages and these data
FINGERPRINT_CODE = ("model.py", "knowledge.py", "ingest", "text", "lang", "mentions", "extractors", "article.py",
                    "execute.py")
FINGERPRINT_DATA = ("entities.ttl", "countries.ttl", "people.ttl")
PARALLEL_MIN_FILES = 16  # below this, starting workers costs more than it saves


@dataclass(frozen=True)
class FileOutcome:
    """What one input file gave: its articles' results (kg.article.Extracted), skip reasons and warnings."""

    results: tuple
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def process_file(doc_id: str, path: Path) -> FileOutcome:
    """Read one file and run every per-article stage on each article in it."""
    from kg.article import Extracted, process_article
    from kg.ingest import read_path

    try:
        raws = read_path(doc_id, path)
    except SkippedInput as exc:
        return FileOutcome((), (str(exc),))
    results, skipped, warnings = [], [], []
    for raw in raws:
        try:
            results.append(Extracted.of(slim(process_article(raw))))
        except SkippedInput as exc:
            skipped.append(str(exc))
        except RecursionError:
            skipped.append(f"{raw.id}: skipped, too deeply nested to process")
        warnings.extend(raw.warnings)
    return FileOutcome(tuple(results), tuple(skipped), tuple(warnings))


def slim(result):
    """What the stages after this one read of an article's result: its id, clean text, metadata,
    mentions and assertions; not the raw page, its segments or its sentences (they are most of
    the bytes that go from the workers, into the cache and into the merge's memory)."""
    from dataclasses import replace

    ann = result.ann
    doc = replace(ann.doc, raw="", segments=())
    return replace(result, ann=replace(ann, doc=doc, sentences=()))


@cache
def fingerprint() -> str:
    """A hash of the code and data that per-article results depend on."""
    from kg.extractors import EXTRACTORS

    h = hashlib.sha256()
    for ex in EXTRACTORS:
        h.update(f"{ex.name}@{ex.version};".encode())
    code: list[Path] = []
    for name in FINGERPRINT_CODE:
        p = PACKAGE_DIR / name
        code.extend(sorted(p.rglob("*")) if p.is_dir() else [p])
    hash_files(h, code, PACKAGE_DIR)
    hash_files(h, [ontology_dir() / name for name in FINGERPRINT_DATA], ontology_dir())
    return h.hexdigest()


class Cache:
    """Per-file results in out/.cache, written atomically; unreadable entries are recomputed.

    The pack is a header (PACK_MAGIC, the length of the index, the index as JSON: cache key ->
    [offset, length, CRC-32] of its pickle after the index) and the pickles; a damaged pack is
    ignored and a damaged entry computed again (the checksum: a pickle can be altered and still
    load)."""

    def __init__(self, out: Path):
        self.dir = out / CACHE_DIR / fingerprint()[:16]
        self.digests = Digests(out / CACHE_DIR / DIGESTS)  # the files' keys do not depend on kg's code
        self.hits = 0
        self.misses = 0
        self._pack: dict[str, tuple[int, int, int]] | None = None  # read at the first get
        self._pack_data = memoryview(b"")
        self._used: dict[str, bytes | memoryview] = {}  # key -> pickled outcome, of this build
        self._unpacked: set[str] = set()  # results this build used that the pack does not hold

    def _read_pack(self) -> None:
        self._pack = {}
        try:
            data = (self.dir / PACK).read_bytes()
        except OSError:
            return
        try:
            if not data.startswith(PACK_MAGIC):
                return
            at = len(PACK_MAGIC)
            size = int.from_bytes(data[at : at + 8], "big")
            index = json.loads(data[at + 8 : at + 8 + size])
            body = memoryview(data)[at + 8 + size :]
            if all(isinstance(v, list) and len(v) == 3 and 0 <= v[0] and v[0] + v[1] <= len(body)
                   for v in index.values()):
                self._pack, self._pack_data = {k: (v[0], v[1], v[2]) for k, v in index.items()}, body
        except (ValueError, TypeError, AttributeError):
            return

    def key(self, doc_id: str, path: Path) -> str | None:
        """The input's key (None: unreadable, the reader reports it); unchanged files are not read."""
        return self.digests.key(doc_id, path)

    def get(self, key: str | None) -> FileOutcome | None:
        if key is None:
            return None
        if self._pack is None:
            self._read_pack()
        try:
            outcome = None
            span = self._pack.get(key)
            if span is not None:  # a damaged entry is looked for in its own file, then computed
                data = self._pack_data[span[0] : span[0] + span[1]]
                outcome = _unpickle(data) if zlib.crc32(data) == span[2] else None
            if outcome is None:
                data = (self.dir / key[:2] / key).read_bytes()
                outcome = _unpickle(data)
                self._unpacked.add(key)
        except OSError:
            return None
        if outcome is None:
            return None
        self._used[key] = data
        self.hits += 1
        return outcome

    def put(self, key: str | None, outcome: FileOutcome) -> None:
        if key is None or outcome.skipped:
            return  # a skipped file is tried again next time
        from kg.rdf.serialize import atomic_write

        (self.dir / key[:2]).mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        # no fsync: an entry lost or torn by a crash fails to unpickle and is computed again
        atomic_write(self.dir / key[:2] / key, data, durable=False)
        self._used[key] = data
        self._unpacked.add(key)

    def repack(self) -> None:
        """Gather the results this build used into the pack and remove the single files folded
        into it (results of articles gone are dropped), where more than a few are outside the
        pack or the pack holds more than a few unused (PACK_SLACK)."""
        from kg.rdf.serialize import atomic_file

        if self._pack is None:
            self._read_pack()
        keys = sorted(self._used)
        unused = len(self._pack.keys() - self._used.keys())
        if self._pack and len(self._unpacked) + unused <= max(PACK_SLACK, len(keys) // 20):
            self._forget()
            return
        index, at = {}, 0
        for key in keys:
            index[key] = [at, len(self._used[key]), zlib.crc32(self._used[key])]
            at += len(self._used[key])
        head = json.dumps(index, separators=(",", ":")).encode("ascii")
        self.dir.mkdir(parents=True, exist_ok=True)
        with atomic_file(self.dir / PACK, binary=True) as f:  # durable: the single files go next
            f.write(PACK_MAGIC + len(head).to_bytes(8, "big") + head)
            for key in keys:
                f.write(self._used[key])
        for folder in self.dir.iterdir():  # the single files: now in the pack, or of articles gone
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
        self._forget()

    def _forget(self) -> None:
        """Let go of the pack's bytes (the next get reads it again)."""
        self._used, self._pack, self._pack_data, self._unpacked = {}, None, memoryview(b""), set()

    def prune(self, out: Path) -> None:
        """Forget the results of other fingerprints (older code or data)."""
        for old in (out / CACHE_DIR).glob("*"):
            if old.is_dir() and old != self.dir:
                shutil.rmtree(old, ignore_errors=True)


def _unpickle(data) -> FileOutcome | None:
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
        return None


def run_files(
    files: list[tuple[str, Path]],
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    keys: list[str | None] | None = None,
) -> Iterator[FileOutcome]:
    """The outcome of every file, in the order of `files`, computed where asked (`keys`: their
    cache keys, where the caller has them already)."""
    if keys is None:
        keys = [cache.key(i, p) if cache else None for i, p in files]
    outcomes: list[FileOutcome | None] = [cache.get(k) if cache else None for k in keys]
    todo = [n for n, o in enumerate(outcomes) if o is None]
    if cache:
        cache.misses = len(todo)
    done = len(files) - len(todo)
    for n, outcome in zip(todo, _compute([files[n] for n in todo], jobs, executor, scheduler), strict=True):
        outcomes[n] = outcome
        if cache:
            cache.put(keys[n], outcome)
        done += 1
        if progress:
            progress(done, len(files))
    for o in outcomes:
        assert o is not None
        yield o


def _compute(files: list[tuple[str, Path]], jobs: int, executor: str, scheduler: str | None) -> Iterator[FileOutcome]:
    if executor == "dask":
        yield from _dask(files, scheduler)
        return
    if executor != "local":
        raise InputError(f"unknown executor {executor!r}; local or dask")
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    if jobs == 1 or len(files) < PARALLEL_MIN_FILES:
        for doc_id, path in files:
            yield process_file(doc_id, path)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        ids, paths = [f[0] for f in files], [f[1] for f in files]
        yield from pool.map(process_file, ids, paths, chunksize=max(1, min(64, len(files) // (jobs * 8))))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # interrupted: do not wait for the queue
        raise
    pool.shutdown()


def _dask(files: list[tuple[str, Path]], scheduler: str | None) -> Iterator[FileOutcome]:
    """Run the per-article stage on a Dask cluster (the workers need kg installed and the files' paths)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise InputError("--executor dask needs dask.distributed: pip install 'kg[dask]'") from None
    if not scheduler:
        raise InputError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        client = Client(scheduler, timeout=10)
    except OSError as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        futures = client.map(process_file, [f[0] for f in files], [f[1] for f in files], pure=False)
        yield from client.gather(futures)
    finally:
        client.close()
