"""A synthetic corpus of Indonesian news articles for the benchmark.

Articles are made by recombining template sentences (our own, written for this, in the
register of Indonesian wire copy) and filling them with entities drawn from lists, with a
fixed seed: the same N and seed always give the same files. People are generated from
name parts so that a large corpus has many distinct people, as an archive would.

    python bench/generate.py 1000 bench/corpus/1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

OUTLETS = [("JAKARTA, Kabarsatu.id", "Kabarsatu.id"), ("Warta24.com", "Warta24.com"),
           ("JAKARTA, Harian Nusantara", "Harian Nusantara"), ("Berita Kini", "Berita Kini"),
           ("JAKARTA, Lintas Dunia", "Lintas Dunia"), ("Suara Global", "Suara Global")]
COUNTRIES = [("Rusia", "Moskow"), ("Korea Utara", "Pyongyang"), ("Tiongkok", "Beijing"),
             ("Iran", "Teheran"), ("Amerika Serikat", "Washington"), ("Jepang", "Tokyo"),
             ("Korea Selatan", "Seoul"), ("Ukraina", "Kyiv"), ("Indonesia", "Jakarta"),
             ("India", "New Delhi"), ("Turki", "Ankara"), ("Prancis", "Paris"), ("Jerman", "Berlin"),
             ("Vietnam", "Hanoi"), ("Belarus", "Minsk"), ("Suriah", "Damaskus")]
CITIES = ["Vladivostok", "Wonsan", "Shanghai", "Sochi", "Kazan", "Nampo", "Busan", "Osaka",
          "Surabaya", "Mumbai", "Izmir", "Lyon", "Hamburg", "Da Nang", "Aleppo", "Khabarovsk"]
TITLES = ["Menteri Luar Negeri", "Menteri Pertahanan", "Presiden", "Perdana Menteri", "Duta Besar",
          "Wakil Menteri Luar Negeri", "Kepala Staf", "Juru Bicara Kementerian Luar Negeri"]
FIRST = ["Andrei", "Pavel", "Dmitri", "Kim", "Ri", "Pak", "Wang", "Li", "Zhao", "Ali", "Reza", "Hassan",
         "John", "Mark", "Hiro", "Kenji", "Yoon", "Lee", "Olena", "Taras", "Budi", "Sri", "Raj", "Amit",
         "Mehmet", "Emre", "Claire", "Louis", "Anna", "Klaus", "Minh", "Lan", "Igor", "Bashar"]
LAST = ["Volkov", "Sokolov", "Morozov", "Jong Chol", "Song Il", "Myong Guk", "Wei", "Qiang", "Jun",
        "Rahimi", "Karimi", "Tehrani", "Walker", "Brennan", "Tanaka", "Sato", "Suk-jin", "Jae-won",
        "Kovalenko", "Bondar", "Santoso", "Wibowo", "Sharma", "Patel", "Yilmaz", "Demir", "Dubois",
        "Moreau", "Schneider", "Weber", "Nguyen", "Tran", "Lebedev", "Haddad"]
ITEMS = ["amunisi", "peluru artileri", "rudal balistik", "senjata", "drone", "tank", "roket"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]

LEAD = [
    "{ta} {ca} {pa} bertemu dengan {tb} {cb} {pb} di {city} pada hari {day}, {when}.",
    "{ta} {ca} {pa} menemui {tb} {cb} {pb} di {city} pada hari {day}.",
    "{ta} {ca} {pa} tiba di {capb} pada hari {day} untuk kunjungan resmi selama dua hari.",
    "{ta} {ca} {pa} melakukan pembicaraan dengan {tb} {cb} {pb} di {city} pada {when}.",
]
BODY = [
    "{la} dan {lb} membahas kerja sama ekonomi dan keamanan kawasan.",
    "Pertemuan {la} dengan {lb} berlangsung lebih dari dua jam, menurut kantor berita negara.",
    "“Kami akan terus memperkuat hubungan kedua negara,” kata {la} kepada wartawan.",
    "{la} mengatakan bahwa {ca} siap memperluas perdagangan dengan {cb}.",
    "Menurut {lb}, kedua pihak sepakat untuk bertemu lagi tahun depan.",
    "{cc} mengirim {item} ke {cd} bulan lalu, kata seorang pejabat {ce}.",
    "{cc} diduga memasok {item} kepada {cd}, menurut laporan intelijen {ce}.",
    "Juru bicara {cc} menyebut tuduhan itu tidak berdasar.",
    "{la} juga berkunjung ke {city} sebelum kembali ke {capa}.",
    "Kunjungan {la} ke {cb} merupakan yang pertama dalam lima tahun terakhir.",
    "{ta} {cc} {pc} mengatakan kepada {lb} bahwa {cc} mendukung perundingan damai.",
    "Para analis menilai pertemuan itu menandai babak baru hubungan {ca} dan {cb}.",
    "Harga minyak dunia naik tipis pada perdagangan hari {day}.",
    "Sejumlah warga berkumpul di pusat kota {city} untuk menyaksikan iring-iringan kendaraan.",
    "{la} dijadwalkan berkunjung ke {capc} bulan depan.",
    "Kedua negara juga menandatangani nota kesepahaman di bidang energi dan pendidikan.",
]
FURNITURE = ["Baca juga: Harga emas hari ini naik", "ADVERTISEMENT", "Scroll untuk melanjutkan"]


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last.split()[-1] if " " not in last else last


def article(rng: random.Random, n: int) -> str:
    dateline, _outlet = rng.choice(OUTLETS)
    day0 = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    (ca, capa), (cb, capb), (cc, capc), (cd, _), (ce, _) = rng.sample(COUNTRIES, 5)
    (pa, la), (pb, lb), (pc, _lc) = person(rng), person(rng), person(rng)
    slots = {
        "ta": rng.choice(TITLES), "tb": rng.choice(TITLES), "ca": ca, "cb": cb, "cc": cc, "cd": cd, "ce": ce,
        "capa": capa, "capb": capb, "capc": capc, "pa": pa, "pb": pb, "pc": pc, "la": la, "lb": lb,
        "city": rng.choice(CITIES), "item": rng.choice(ITEMS), "day": DAYS[day0.weekday()],
        "when": f"{day0.day} {MONTHS[day0.month - 1]} {day0.year}",
    }
    slots["ta"] = slots["ta"] if slots["ta"] != slots["tb"] else "Presiden"
    body = rng.sample(BODY, rng.randint(5, 10))
    lines = [f"{dateline} - " + rng.choice(LEAD).format(**slots)]
    for sentence in body:
        lines.append(sentence.format(**slots))
        if rng.random() < 0.15:
            lines.append(rng.choice(FURNITURE))
    title = f"{slots['la']} dan {slots['lb']} Bahas Hubungan {ca}-{cb}"
    published = f"{DAYS[day0.weekday()]}, {day0.day} {MONTHS[day0.month - 1]} {day0.year} 10:{n % 60:02d} WIB"
    return f"{title}\n{published}\n\n" + "\n\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 7) -> list[Path]:
    """Write n articles into out/ (one .txt each); the same n and seed give the same bytes."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"{i // 1000:03d}" / f"article_{i:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.n, args.out, args.seed)
    print(f"{args.n} articles in {args.out}")


if __name__ == "__main__":
    main()
