"""The benchmark: kg build, path, query, central and the HTML view over corpus sizes.

    python bench/run.py [--sizes 10,100,1000,10000] [--jobs 2]

Each command runs as a fresh process, as a user runs it, once the disk has taken what the
previous one wrote (os.sync: a build leaves a gigabyte of store and files going out, which
would otherwise slow the next command); times are wall-clock seconds (the median of --repeat
runs for the asking commands), peak RSS is the largest process's.
The table goes to stdout and to bench/results.md with the machine it ran on. Figures are
for comparing with each other in one run: these machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import article, generate  # noqa: E402

KG = [sys.executable, "-m", "kg"]


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB, stdout) of one command run to completion."""
    os.sync()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-500:]}")
    return wall, usage.ru_maxrss // 1024, out


def median(cmd: list[str], repeat: int) -> float:
    return statistics.median(timed(cmd)[0] for _ in range(repeat))


def two_people(out: Path) -> tuple[str, str]:
    names = json.loads((out / "names.json").read_text(encoding="utf-8"))["entities"]
    people = sorted(iri for iri, (_label, typ) in names.items() if typ == "Person")
    return people[0].rsplit("/", 1)[-1], people[len(people) // 2].rsplit("/", 1)[-1]


def size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
    return path.stat().st_size / 1e6


def bench_size(n: int, jobs: int, repeat: int, work: Path) -> dict:
    corpus, out = work / "corpus" / str(n), work / "out" / str(n)
    if not corpus.exists():
        generate(n, corpus)
    shutil.rmtree(out, ignore_errors=True)
    row: dict = {"articles": n}
    wall, rss, _ = timed([*KG, "build", str(corpus), "-o", str(out), "--jobs", str(jobs)])
    row.update(build_s=wall, per_s=n / wall, rss_mb=rss)
    extra = corpus / "zz_added.txt"
    import random

    extra.write_text(article(random.Random(n + 1), n + 1), encoding="utf-8")
    try:
        row["add_one_s"], _, _ = timed([*KG, "build", str(corpus), "-o", str(out), "--jobs", str(jobs)])
    finally:
        extra.unlink()
    a, b = two_people(out)
    row["path_s"] = median([*KG, "path", a, b, "-g", str(out), "--max-hops", "4"], repeat)
    label_query = 'SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "volkov")) }'
    row["query_s"] = median([*KG, "query", label_query, "-g", str(out)], repeat)
    row["central_s"] = median([*KG, "central", "-g", str(out)], 1)
    html = work / f"graph-{n}.html"
    row["html_s"], _, _ = timed([*KG, "viz", "-g", str(out), "-o", str(html)])
    row["html_mb"] = size_mb(html)
    row["out_mb"] = sum(size_mb(out / name) for name in ("graph.trig", "graph.ttl"))
    row["store_mb"] = size_mb((out / "store").resolve())
    return row


def table(rows: list[dict], baseline: float, jobs: int) -> str:
    head = ("| articles | build (s) | articles/s | peak RSS (MB) | add 1 article (s) | kg path (s) | kg query (s) "
            "| kg central (s) | graph.html (s) | graph.html (MB) | graph files (MB) | store (MB) |")
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        lines.append(
            f"| {r['articles']:,} | {r['build_s']:.1f} | {r['per_s']:.0f} | {r['rss_mb']} | {r['add_one_s']:.1f} "
            f"| {r['path_s']:.2f} | {r['query_s']:.2f} | {r['central_s']:.2f} | {r['html_s']:.1f} "
            f"| {r['html_mb']:.1f} | {r['out_mb']:.0f} | {r['store_mb']:.0f} |")
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}; `kg build --jobs {jobs}`; "
               f"`python -c 'import pyoxigraph'` takes {baseline:.2f} s here")
    return "\n".join(lines) + f"\n\nMeasured {time.strftime('%Y-%m-%d')} on {machine}.\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,1000,10000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=HERE)
    args = ap.parse_args()
    baseline = median([sys.executable, "-c", "import pyoxigraph"], 5)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(bench_size(n, args.jobs, args.repeat, args.work))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    text = table(rows, baseline, args.jobs)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
