"""Indonesian date expressions: find them with our own patterns, resolve against a reference date.

dateparser reads metadata date strings; free text is scanned with the patterns here,
because dateparser misses "pada hari Rabu" and "pekan lalu" and is slow on long text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import read_json


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO, as precise as the text: YYYY-MM-DD, YYYY-MM or YYYY
    rule: str
    explicit: bool  # True when the text gives the year itself


@lru_cache(maxsize=1)
def _tables() -> dict:
    return read_json("id", "dates.json")


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    t = _tables()
    mon, wd = _alt(t["months"]), _alt(t["weekdays"])
    b = r"(?<![\w/])"
    # "27-30 September 2025", "27 hingga 30 September": a span of days is dated by its first
    yrel = _alt(t["relative_years"])
    to = r"(?:\s*(?:-|–|—|s/d|hingga|sampai(?:\s+dengan)?)\s*\d{1,2}(?=\s))?"
    return [
        ("date.numeric", re.compile(
            rf"{b}(?:(?:pada\s+)?(?:hari\s+)?(?P<wd>{wd})\s*,?\s*)?\(?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})\)?",
            re.I)),
        ("date.named", re.compile(
            rf"{b}(?:(?:pada\s+)?(?:hari\s+)?(?P<wd>{wd})\s*,?\s*)?(?P<d>\d{{1,2}}){to}\s+(?P<mon>{mon})\.?\s+(?P<y>\d{{4}})\b",
            re.I)),
        # "pada 4 Juni", "14 Juni lalu": a day of a month whose year the article's date gives
        # (full month names, capitalised: "2 Agus" is no date)
        ("date.day-month", re.compile(
            rf"{b}(?:(?:pada\s+)?(?:hari\s+)?(?P<wd>{wd})\s*,?\s*)?(?:(?:pada\s+)?tanggal\s+)?(?P<d>\d{{1,2}}){to}\s+"
            rf"(?P<mon>{_alt(_full_months(t))})\b(?!\s*\d)(?:\s+(?P<yrel>{yrel})\b|\s+(?P<dir>lalu|kemarin|mendatang|depan|nanti)\b)?")),
        # "Selasa (10/9)": the dateline's year is left out of dates near it
        ("date.weekday-numeric", re.compile(
            rf"{b}(?:(?:pada\s+)?(?:hari\s+)?)?(?P<wd>{wd})\s*,?\s*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)", re.I)),
        # "Oktober tahun lalu": that month of the year before the article's
        ("date.month-relative-year", re.compile(
            rf"{b}(?:(?:pada\s+)?bulan\s+)?(?P<mon>{_alt(_full_months(t))})\s+(?P<yrel>{yrel})\b")),
        # "Juli lalu", "pada bulan Maret mendatang": the last or the next such month (full names
        # only: "Agus lalu pergi" is a man who then left)
        ("date.month-relative", re.compile(
            rf"{b}(?:(?:pada\s+)?bulan\s+)?(?P<mon>{_alt(_full_months(t))})\s+(?P<dir>lalu|kemarin|mendatang|depan|nanti)\b")),
        ("date.month-year", re.compile(rf"{b}(?:(?:pada\s+)?bulan\s+)?(?P<mon>{mon})\s+(?P<y>\d{{4}})\b", re.I)),
        ("date.year", re.compile(r"\b(?:(?:pada\s+)?tahun|pada|sejak|hingga|sampai|(?:awal|akhir|pertengahan)(?:\s+tahun)?)"
                                 r"\s+(?P<y>(?:19|20)\d{2})\b(?![-/]\d)", re.I)),
        # (not "pekan lalu" after a weekday: "Jumat pekan lalu" is that day, date.weekday's)
        ("date.relative", re.compile(
            "".join(rf"(?<!{re.escape(w)} )" for w in t["weekdays"]) + rf"\b(?P<rel>{_alt([*t['relative_days'], *t['relative_months'], *t['relative_years'], *t['relative_weeks']])})\b",
            re.I)),
        ("date.weekday", re.compile(
            rf"\b(?:pada\s+)?(?:hari\s+)?(?P<wd>{wd})\b(?P<after>\s+(?:lalu|kemarin|pekan lalu|minggu lalu|depan|mendatang|pekan depan|minggu depan))?(?!\s*[(,]?\s*\d)",
            re.I)),
        # "pada Oktober", "awal Maret": the month of that name nearest before the article (after it,
        # for a plan); a word before it says it is a time (full names, capitalised)
        ("date.month", re.compile(
            rf"\b(?:(?:pada|sejak|hingga|sampai|awal|akhir|pertengahan|selama)\s+(?:bulan\s+)?|bulan\s+)"
            rf"(?P<mon>{_alt(_full_months(t))})\b(?!\s*\d)")),
    ]


TIME_WORDS = ("hari", "tanggal", "bulan", "tahun", "pekan", "minggu", "awal", "akhir", "pertengahan")


def only_time_words(text: str) -> bool:
    """Whether `text` holds nothing but words of time before a date ("hari Rabu ", "awal bulan ")."""
    return all(w.lower() in _time_words() for w in re.findall(r"[\w']+", text))


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    t = _tables()
    return frozenset({*TIME_WORDS, *t["weekdays"], *t["months"]})


def from_story(mention: DateMention, text: str) -> bool:
    """A day counted from the story's last date, not the article's ("sehari sebelumnya")."""
    return mention.rule == "date.relative" and text[mention.start : mention.end].lower() in _tables()["story_relative_days"]


def find_dates(text: str, ref: dt.date | None, future: bool = False) -> list[DateMention]:
    """Date expressions in `text`, resolved against `ref` (the article's date) where relative.
    future: a bare weekday names the next one, not the last ("akan bertemu pada Kamis")."""
    t = _tables()
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for rule, rx in _patterns():
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, explicit = _resolve(m, rule, ref, t, future)
            if value is None:
                continue
            if rule == "date.weekday" and not _weekday_is_date(text, m):
                continue
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), value, rule, explicit))
    return sorted(out, key=lambda d: d.start)


def _weekday_is_date(text: str, m: re.Match) -> bool:
    # "Minggu" is also "week": "minggu ini", "dua minggu"; a bare weekday word needs "pada"/"hari"
    # or a capital to count as a day.
    word = m.group("wd")
    return m.group(0).lower().startswith(("pada", "hari")) or word[0].isupper()


def _resolve(m: re.Match, rule: str, ref: dt.date | None, t: dict, future: bool = False) -> tuple[str | None, bool]:
    g = m.groupdict()
    try:
        if rule in ("date.numeric", "date.named"):
            month = int(g["m"]) if g.get("m") else t["months"][g["mon"].lower()]
            return dt.date(int(g["y"]), month, int(g["d"])).isoformat(), True
        if rule == "date.month-year":
            return f"{int(g['y']):04d}-{t['months'][g['mon'].lower()]:02d}", True
        if rule == "date.year":
            return g["y"], True
    except (ValueError, KeyError):
        return None, False
    if ref is None:
        return None, False
    if g.get("yrel"):  # "Oktober tahun lalu", "14 Juni tahun depan"
        year = ref.year + t["relative_years"][g["yrel"].lower()]
        month = t["months"][g["mon"].lower()]
        return (f"{year:04d}-{month:02d}" if rule == "date.month-relative-year"
                else _valid(year, month, int(g["d"]))), False
    if rule == "date.month-relative":
        month = t["months"][g["mon"].lower()]
        if g["dir"] in ("lalu", "kemarin"):
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = ref.year if month > ref.month else ref.year + 1
        return f"{year:04d}-{month:02d}", False
    if rule == "date.month":
        month = t["months"][g["mon"].lower()]
        if future:
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return f"{year:04d}-{month:02d}", False
    if rule == "date.weekday-numeric":
        return _nearest_year(int(g["d"]), int(g["m"]), ref), False
    if rule == "date.day-month":
        day, month = int(g["d"]), t["months"][g["mon"].lower()]
        ahead = future or g.get("dir") in ("mendatang", "depan", "nanti")
        if g.get("dir") in ("lalu", "kemarin") or ahead:
            return _year_around(day, month, ref, ahead), False
        return _nearest_year(day, month, ref), False
    if rule == "date.relative":
        rel = g["rel"].lower()
        if rel in t["relative_days"]:
            return (ref + dt.timedelta(days=t["relative_days"][rel])).isoformat(), False
        if rel in t["relative_weeks"]:
            # "pekan lalu": some day of that week; only the month is safe ("akhir pekan lalu":
            # the month of that week's Saturday)
            day = ref + dt.timedelta(days=t["relative_weeks"][rel])
            if WEEKEND_BEFORE.search(m.string, 0, m.start()):
                day += dt.timedelta(days=5 - day.weekday())
            return f"{day.year:04d}-{day.month:02d}", False
        if rel in t["relative_months"]:
            y, mo = _add_months(ref.year, ref.month, t["relative_months"][rel])
            return f"{y:04d}-{mo:02d}", False
        if rel in t["relative_years"]:
            return f"{ref.year + t['relative_years'][rel]:04d}", False
    if rule == "date.weekday":
        target = t["weekdays"][g["wd"].lower()]
        after = (g.get("after") or "").lower().split()  # "pekan lalu", "depan", …
        if after and after[-1] in ("depan", "mendatang"):
            # "Senin depan": the next one; "Senin pekan depan": that day of the week after the article's
            if after[0] in ("pekan", "minggu"):
                return (ref + dt.timedelta(days=7 - ref.weekday() + target)).isoformat(), False
            return (ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)).isoformat(), False
        if future and not after:
            ahead = (target - ref.weekday()) % 7 or 7  # a plan made on a Wednesday for "Rabu" means next week
            return (ref + dt.timedelta(days=ahead)).isoformat(), False
        if after and after[0] in ("pekan", "minggu"):
            # "Jumat pekan lalu": that day of the week before the article's week
            return (ref - dt.timedelta(days=ref.weekday() + 7 - target)).isoformat(), False
        back = (ref.weekday() - target) % 7
        if after:
            back = back or 7  # "Rabu lalu" is never today
        return (ref - dt.timedelta(days=back)).isoformat(), False
    return None, False


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


WEEKEND_BEFORE = re.compile(r"\bakhir\s+$", re.I)  # "akhir pekan lalu": the weekend of that week


def _full_months(t: dict) -> list[str]:
    """Month names written in full, capitalised ("Juli"; "Jul" and "Agus" are left out)."""
    longest: dict[int, int] = {}
    for name, n in t["months"].items():
        longest[n] = max(longest.get(n, 0), len(name))
    return sorted(name.capitalize() for name, n in t["months"].items() if len(name) == longest[n])


def _nearest_year(day: int, month: int, ref: dt.date) -> str | None:
    """Day and month in the year that puts them nearest the article's date ("Senin (30/12)" in an
    article of 2 January is last year's)."""
    dates = _in_years_around(day, month, ref)
    return min(dates, key=lambda d: (abs((d - ref).days), d)).isoformat() if dates else None


def _in_years_around(day: int, month: int, ref: dt.date) -> list[dt.date]:
    """Day and month in the year before the article's, its year and the next (where such a day exists)."""
    dates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return dates


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates that may name the same day: one unknown, or one within the other ("2024-06" and
    "2024-06-19")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _year_around(day: int, month: int, ref: dt.date, ahead: bool) -> str | None:
    """Day and month at their last time up to the article's date, or their next from it."""
    found = [d for d in _in_years_around(day, month, ref) if (d >= ref if ahead else d <= ref)]
    return (min(found) if ahead else max(found)).isoformat() if found else None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def parse_date_string(text: str) -> str | None:
    """An ISO date of the precision a metadata string gives ("Kamis, 19 Oktober 2023 - 16:08 WIB")."""
    found = [d for d in find_dates(text, None) if d.explicit]
    if found:
        return max(found, key=lambda d: len(d.value)).value
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # slow to import and to warm up: only for strings our patterns miss

    when = dateparser.parse(text, languages=["id", "en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if when is None:
        return None
    if re.fullmatch(r"\s*\d{4}\s*", text):
        return f"{when.year:04d}"
    return when.date().isoformat()


def to_date(value: str | None) -> dt.date | None:
    """The first day an ISO value of any precision can mean."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
