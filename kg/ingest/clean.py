"""Raw article text -> cleaned Document: page furniture out, metadata in, offsets kept.

Works line by line: a line is furniture (dropped), metadata (read, then dropped), a
repeat of an earlier line (dropped: captions and titles shown twice) or body (kept,
verbatim). The cleaned text is the kept lines joined by newlines, and `segments` maps
every kept run back to the raw text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.ingest.readers import RawArticle
from kg.knowledge import KnownEntity, load_known
from kg.lang import compiled
from kg.model import Document, Metadata, Segment
from kg.text.dates import find_dates, parse_date_string

LINE_RX = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
WS = " \t\u00a0\u200b\ufeff"
# "Bisnis.com, JAKARTA - ", "SEOUL, iNews.id - ", "RIAU24.COM - ", "JAKARTA (Reuters) - "
DATELINE_RX = re.compile(
    r"^(?P<a>[^\s,\-–—:(][^,\-–—:()]{0,38}?)(?:,\s*(?P<b>[^,\-–—:()]{2,40}?))?"
    r"\s*(?:\((?P<wire>[A-Za-z][\w ./]{1,40})\))?\s*(?:--|[-–—])(?:\s+(?=\S)|\s*$)"  # "(ANTARA/Reuters)"
)  # the body follows on the same line, or on the next ("Jakarta, CNN Indonesia --" alone on its line)
# "Pyongyang: Pemimpin ...", the Medcom/Metro style
COLON_DATELINE_RX = re.compile(r"^(?P<a>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?):\s+(?=[A-Z\"“])")
READ_ALSO_ALONE = re.compile(r"^(?:baca(?: juga| berita)?|lihat juga|simak juga|read more|read next)\s*:?\s*$", re.I)
PHOTO_PROMPT = re.compile(r"^(?:lihat|buka) (?:foto|galeri(?: foto)?)\s*$", re.I)  # the next line is its caption
CAPTION_MAX = 250
PLACE_NAME_RX = re.compile(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}|[A-Z]{3,}(?: [A-Z]{3,}){0,2}")
TAG_RX = re.compile(r"[a-z0-9][a-z0-9 '&-]{1,40}")
TRAILING_AUTHOR_RX = re.compile(r"\s*\((?P<name>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){1,3})\)\s*$")
WIRE_LINE_RX = re.compile(r"^\(?(?P<name>[A-Za-z][\w .]{1,30}?)\)?$")
CREDIT_RX = re.compile(
    r"\b(?:melansir|dilansir(?: dari)?|mengutip|dikutip dari|seperti dikutip(?: dari)?|via|sumber:?|source:?)\s+"
    r"(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})",
    re.I,
)
# the parts of a line of credits, and what a part may be besides a date or an outlet
CREDIT_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–]\s+")
CREDIT_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?", re.I)
CREDIT_NAME = re.compile(r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,4})(?:,\s*(?:Jurnalis|Wartawan|Reporter|Kontributor|Penulis))?")
NOT_BYLINE_TYPES = ("Person", "Place", "Country", "Organization", "GovernmentBody")  # names no reporter has
AUTHOR_SEPARATOR = re.compile(r",\s*|\s+dan\s+|\s*&\s*")
# the codes a story signs off with ("(rds/rds)", "(afp/bac)"): a wire's among the editors' initials
SIGN_OFF_CODES = re.compile(r"\((?:[A-Za-z]{2,5}/)*[A-Za-z]{2,5}\)")
WIRE_SEPARATOR = re.compile(r"\s*[/,;&|]\s*|\s+dan\s+")  # "Reuters/AFP", "Reuters | Anadolu"
PAREN_CREDIT_RX = re.compile(r"\(([^()]{2,80})\)")
DATE_LINE_RX = re.compile(r"^[\w ,.'’()/:+|•–-]*\d{4}[\w ,.'’()/:+|•–-]*$")  # "Senin, 11 Mei 2024 | 20:15 WIB"


def clean_article(raw: RawArticle) -> Document:
    """Clean one article and read its metadata; a pure function of the article."""
    outlets = known_names("NewsOrganization")
    lines = [(m.start(), m.group(0).rstrip("\r\n")) for m in LINE_RX.finditer(raw.text) if m.group(0)]
    meta = _MetaBuilder(raw.page)
    kept: list[tuple[int, str]] = []  # (raw offset, text) of body lines
    seen: Counter[str] = Counter(ln.strip(WS) for _, ln in lines)
    emitted: set[str] = set()
    furniture_text: list[str] = []
    after_prompt = after_photo = False
    for start, line in lines:
        stripped = line.strip(WS)
        if not stripped:
            continue
        offset = start + line.index(stripped[0])
        if meta.read_line(stripped, offset, outlets):
            if len(kept) == 1 and meta.headline_before is None:
                meta.headline_before = offset  # "Judul\nkumparanNEWS\nSenin, …": the one line above the metadata
            continue
        if _is_furniture(stripped) or after_prompt and _looks_like_title(stripped) \
                or after_photo and len(stripped) <= CAPTION_MAX:
            furniture_text.append(stripped)
            if SIGN_OFF_CODES.fullmatch(stripped):
                # "(afp/bac)": the wire the story is from, then the editor ("ap" may be anyone's initials)
                meta.cite("/".join(c.upper() for c in stripped[1:-1].split("/") if len(c) >= 3), outlets)
            # "Baca juga:" alone on its line: the next line is the other article's headline;
            # "Lihat Foto" alone: the next line is the photo's caption
            after_prompt = READ_ALSO_ALONE.match(stripped) is not None
            after_photo = PHOTO_PROMPT.match(stripped) is not None  # (a caption's credit cites no wire)
            continue
        after_prompt = after_photo = False
        if stripped in emitted:
            if _looks_like_title(stripped):
                meta.title = meta.title or stripped
            continue
        if seen[stripped] > 1 and _looks_like_title(stripped):
            meta.title = meta.title or stripped  # a headline the page repeats: title, not body
            emitted.add(stripped)
            continue
        emitted.add(stripped)
        kept.append((offset, stripped))
    kept = _strip_headline(kept, meta)
    kept = _strip_dateline(kept, meta, outlets)
    kept = _strip_trailing_tags(kept)
    kept = _strip_trailing_author(kept, meta)
    body = "\n".join(t for _, t in kept)
    meta.read_credits(body, outlets)
    meta.read_lead_date(kept)
    if not meta.publisher:
        # (of the story's last lines, the short ones: a sign-off, not a sentence that quotes an outlet)
        tail = [t for _, t in kept[-3:] if len(t) <= SIGN_OFF_MAX]
        meta.publisher = _signature(furniture_text + tail, outlets) or meta.dateline_wire
    segments, pos = [], 0
    for offset, text in kept:
        segments.append(Segment(pos, offset, len(text)))
        pos += len(text) + 1
    return Document(raw.id, raw.text, body, tuple(segments), meta.build())


def _is_furniture(line: str) -> bool:
    return any(rx.match(line) for _, rx in compiled("id", "furniture.jsonl"))


def _looks_like_title(line: str) -> bool:
    words = line.split()
    opening = line.lstrip("\"“‘'")[:1]  # a headline may open with a quote: '"Kami Butuh Patriot", Kata X'
    return 2 <= len(words) <= 25 and not line.endswith((".", ",", ":", ";")) and opening.isupper()


def _byline_name(line: str) -> bool:
    """A person's name alone on its line: two to four capitalised words, none a name the files know."""
    return (CREDIT_NAME.fullmatch(line) is not None and len(line.split()) <= 4
            and not any(line.lower() in known_names(t) for t in NOT_BYLINE_TYPES))


def _strip_headline(kept: list[tuple[int, str]], meta: _MetaBuilder) -> list[tuple[int, str]]:
    """A headline line right before a byline or date line is the title."""
    if meta.headline_before is not None:
        idx = meta.headline_before
        cand = [i for i, (off, _) in enumerate(kept) if off < idx]
        if len(cand) >= 2 and not meta.title and _byline_name(kept[cand[-1]][1]) and _looks_like_title(kept[cand[-2]][1]):
            # "Judul\nAndika Hendra Mustaqim\nKamis, 19 Oktober 2023 - 14:05 WIB": a name alone
            # between the headline and the date line is the byline
            meta.title = kept[cand[-2]][1]
            meta.add_author(kept[cand[-1]][1])
            return kept[: cand[-2]] + kept[cand[-1] + 1 :]
        if cand and _looks_like_title(kept[cand[-1]][1]) and not meta.title:
            meta.title = kept[cand[-1]][1]
            return kept[: cand[-1]] + kept[cand[-1] + 1 :]
    return kept


def _strip_dateline(kept, meta: _MetaBuilder, outlets) -> list[tuple[int, str]]:
    for i, (_offset, text) in enumerate(kept[:4]):
        m = DATELINE_RX.match(text)
        if m and _dateline_parts(m, meta, outlets):
            return _cut_dateline(kept, i, m, meta)
    # "Jakarta - …", "MOSKOW - …": a city the files know, alone, opening the story (detik, Sindonews)
    for i, (_offset, text) in enumerate(kept[:3]):
        m = DATELINE_RX.match(text)
        # (or alone on its line: "Moskow -", the body below it)
        alone = not text[m.end():] and i + 1 < len(kept) if m else False
        if m and not m.group("b") and not m.group("wire") and (text[m.end():] and i < 2 or alone) \
                and (_is_known_place(m.group("a").strip()) or alone and PLACE_NAME_RX.fullmatch(m.group("a").strip())):
            meta.dateline_place = m.group("a").strip()
            return _cut_dateline(kept, i, m, meta)
    # "MOSKOW: …" only where no line has an outlet's dateline ("Zelensky: Korut Kirim Pasukan" is a headline)
    for i, (offset, text) in enumerate(kept[:4]):
        m = COLON_DATELINE_RX.match(text)
        if m and m.group("a").lower() not in {"editor", "penulis", "reporter", "foto", "sumber"}:
            meta.dateline_place = meta.dateline_place or m.group("a")
            return kept[:i] + [(offset + m.end(), text[m.end():])] + kept[i + 1 :]
    return kept


def _cut_dateline(kept, i: int, m: re.Match, meta: _MetaBuilder) -> list[tuple[int, str]]:
    """The lines without the dateline `m` of line i; a headline line right above it is the title
    ("Judul\nKOMPAS.com - ...")."""
    offset, text = kept[i]
    before = kept[:i]
    if before and not meta.title and _looks_like_title(before[-1][1]):
        meta.title = before[-1][1]
        before = before[:-1]
    rest = [(offset + m.end(), text[m.end():])] if text[m.end():] else []
    return before + rest + kept[i + 1 :]


def _dateline_parts(m: re.Match, meta: _MetaBuilder, outlets) -> bool:
    """Accept a dateline only when one part is an outlet (known or a web domain)."""
    parts = [p.strip() for p in (m.group("a"), m.group("b")) if p]
    outlet = next((p for p in parts if _outlet_of(p, outlets) or _is_domain(p)), None)
    if outlet is None:
        if m.group("wire") and all(re.fullmatch(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}", p) for p in parts):
            # "SEOUL (Reuters) -", "Jakarta (ANTARA) -", "Doha, Qatar (ANTARA/Anadolu) -": a city (and
            # its country) and the agency that filed it; with no other publisher named, the agency's
            # own copy is what this is
            meta.dateline_place = parts[0]
            meta.cite(m.group("wire"), outlets)
            meta.dateline_wire = re.split(r"\s*/\s*", m.group("wire").strip())[0]  # the first agency files it
            return True
        return False
    meta.publisher = meta.publisher or outlet
    place = next((p for p in parts if p is not outlet), None)
    if place:
        meta.dateline_place = place
    if m.group("wire"):
        meta.cite(m.group("wire"), outlets)
    return True


def _strip_trailing_tags(kept) -> list[tuple[int, str]]:
    """The topic tags a page lists under the story, one a line ("rusia", "korea utara"): short
    lines with no capital and no closing stop, at the end."""
    while len(kept) > 1 and TAG_RX.fullmatch(kept[-1][1]):
        kept = kept[:-1]
    return kept


def _strip_trailing_author(kept, meta: _MetaBuilder) -> list[tuple[int, str]]:
    if not kept:
        return kept
    offset, text = kept[-1]
    m = TRAILING_AUTHOR_RX.search(text)
    if m and m.start() > 0:
        meta.add_author(m.group("name"))
        return kept[:-1] + [(offset, text[: m.start()])]
    return kept


def _is_known_place(text: str) -> bool:
    return text.lower() in known_names("Place")


def _is_domain(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|co|id|net|org|co\.id|tv|news)", text, re.I))


@lru_cache(maxsize=8)
def known_names(type_: str) -> dict[str, KnownEntity]:
    """The known entities of a type by each of their names and web domains, lower-cased (made
    once: every article's metadata reads the outlets')."""
    index = {}
    for ent in load_known().values():
        if ent.type == type_:
            for name in ent.names() | ent.domains:
                index[name.lower()] = ent
    return index


def _outlet_of(text: str, outlets) -> KnownEntity | None:
    t = text.strip().lower()
    return outlets.get(t) or outlets.get(re.sub(r"^www\.", "", t))


SIGN_OFF_MAX = 80  # characters: "Ikuti berita terkini dari medcom.id di Google News"


def _signature(lines: list[str], outlets) -> str | None:
    """The outlet a page names in its own chrome ("Ikuti media sosial medcom.id")."""
    counts: Counter[str] = Counter()
    for line in lines:
        for token in re.findall(r"[A-Za-z0-9.-]+\.(?:com|co\.id|co|id|net)\b|[A-Za-z0-9]+", line):
            ent = _outlet_of(token, outlets)
            if ent and not ent.wire:
                counts[token] += 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _labelled(part: str) -> bool:
    """Whether a piece of a line is a labelled credit ("Editor: Y"), as a line of its own would be."""
    return any(rx.match(part) for pat, rx in compiled("id", "metadata.jsonl") if pat.id != "meta.byline-date")


class _MetaBuilder:
    """Collects metadata as the lines go by; `build()` freezes it."""

    def __init__(self, page: Metadata):
        self.page = page
        self.title = page.title
        self.publisher = page.publisher
        self.date = parse_date_string(page.date) if page.date else None
        self.authors: list[str] = list(page.authors)
        self.editors: list[str] = list(page.editors)
        self.cites: list[str] = list(page.cites)
        self.dateline_place: str | None = None
        self.dateline_wire: str | None = None
        self.headline_before: int | None = None
        self.body_seen = False

    def read_line(self, line: str, offset: int, outlets) -> bool:
        """True when the line is metadata (and so not body)."""
        parts = re.split(r"\s+[|•·]\s+|\s*/\s*(?=\w+\s*:)", line)  # "Penulis: X | Editor: Y", "Rep: X/ Red: Y"
        if len(parts) > 1 and all(_labelled(part) for part in parts):
            for part in parts:
                self.read_line(part, offset, outlets)
            return True
        for pat, rx in compiled("id", "metadata.jsonl"):
            m = rx.match(line)
            if m and pat.label == "team":
                return True  # "Tim Redaksi" on its own line: the newsroom's credit, no person
            if not m:
                continue
            if pat.label == "outlet-credit":
                # "Oleh Liputan6.com", "Reporter: Tempo.co": the outlet credits itself, no person
                name = m.group("name")
                ent = _outlet_of(name, outlets)
                if ent is None and not _is_domain(name):
                    continue
                if ent is None or not ent.wire:
                    self.publisher = self.publisher or name
                else:
                    self.cite(name, outlets)
                self.headline_before = self.headline_before or offset
                return True
            name = m.group("name").strip()
            if pat.label == "author" and any(name.lower() in known_names(t) for t in NOT_BYLINE_TYPES):
                continue  # "Vladimir Putin - 20 Oktober 2023" captions a photo
            if m.groupdict().get("outlet"):
                # "Rahajeng Kusumo Hastuti, CNBC Indonesia": a byline, where the part after the comma
                # is an outlet and the part before no city ("Jakarta, CNN Indonesia" is a dateline)
                ent = _outlet_of(m.group("outlet"), outlets)
                if ent is None or ent.wire or _is_known_place(name) or not all(w[0].isupper() for w in name.split()):
                    continue
                self.publisher = self.publisher or m.group("outlet")
                self.headline_before = self.headline_before or offset
            if pat.label == "editor":
                self.editors.append(name)
            elif pat.label == "cites":
                self.cite(name, outlets)
            else:
                if m.groupdict().get("date"):
                    iso = parse_date_string(m.group("date"))
                    if not iso:
                        continue
                    self.date = self.date or iso
                    self.headline_before = self.headline_before or offset
                    ent = _outlet_of(name, outlets)
                    if ent is not None:  # "Kompas.com - 04/06/2025, 19:20 WIB": the outlet, not an author
                        if not ent.wire:
                            self.publisher = self.publisher or name
                        return True
                # "Pewarta: Xinhua/Yoanita Djohan": the agency's report, told by the writer named
                wires = [p for p in name.split("/") if (e := _outlet_of(p, outlets)) is not None and e.wire]
                if wires and "/" in name:
                    self.cite("/".join(wires), outlets)
                    name = "/".join(p.strip() for p in name.split("/") if p not in wires)
                if name:
                    self.add_author(name)
            return True
        if self._credit_line(line, offset, outlets):
            return True
        if len(line) <= 60 and DATE_LINE_RX.match(line) and not re.search(r"[a-z]{4,}\s+[a-z]{4,}\s+[a-z]{4,}", line):
            iso = parse_date_string(line)
            if iso and len(iso) == 10:
                self.date = self.date or iso
                return True
        parts = WIRE_SEPARATOR.split(line.strip("()"))
        if len(parts) > 1 and all((ent := _outlet_of(part, outlets)) and ent.wire for part in parts):
            self.cite(line.strip("()"), outlets)  # "Reuters | Anadolu", "(AFP/Reuters)"
            return True
        m = WIRE_LINE_RX.match(line)
        if m:
            ent = _outlet_of(m.group("name"), outlets)
            if ent and ent.wire:
                self.cite(m.group("name"), outlets)
                return True
        ent = _outlet_of(line, outlets)
        if ent is not None and not ent.wire and line != line.lower():  # the outlet's name on a line of its own (as the page writes it, not a lowercase logo text)
            self.publisher = self.publisher or line
            return True
        return False

    def _credit_line(self, line: str, offset: int, outlets) -> bool:
        """A line of credits in parts ("Rahman Asmardika, Jurnalis · Rabu 19 Juni 2024 17:45 WIB",
        "Dewi Lestari | Okezone | Rabu, 19 Juni 2024 | 17:45 WIB"): every part a name, a role, an
        outlet, a date or a time, and a date or an outlet among them. Nothing is taken otherwise."""
        parts = [p for p in CREDIT_SEPARATOR.split(line) if p]
        if len(parts) < 2 or len(line) > 120:
            return False
        names, date, outlet = [], None, None
        for part in parts:
            if CREDIT_TIME.fullmatch(part):
                continue
            if (ent := _outlet_of(part, outlets)) is not None:
                outlet = outlet or (part if not ent.wire else None)
                continue
            if re.search(r"\d", part):
                # a date and its weekday, nothing more ("Rabu, 19 Juni 2024"), not a lead sentence
                day = parse_date_string(part) if len(part) <= 40 and DATE_LINE_RX.match(part) else None
                if day is None or len(day) != 10:
                    return False  # "KTT ASEAN - 2024" is a heading
                date = date or day
                continue
            m = CREDIT_NAME.fullmatch(part)
            if m is None or any(m.group("name").lower() in known_names(t) for t in NOT_BYLINE_TYPES):
                return False  # "Vladimir Putin - 20 Oktober 2023" captions a photo
            names.append(m.group("name"))
        if not (date or outlet) or len(names) > 2:
            return False
        self.date = self.date or date
        self.publisher = self.publisher or outlet
        self.headline_before = self.headline_before or offset
        for name in names:
            self.add_author(name)
        return True

    def cite(self, name: str, outlets) -> None:
        for part in WIRE_SEPARATOR.split(name):
            ent = _outlet_of(part, outlets)
            if ent and ent.wire and part.strip() not in self.cites:
                self.cites.append(part.strip())

    def add_author(self, name: str) -> None:
        # "Penulis: Dewi Lestari, Joko Susilo": two people, each named in full
        names = AUTHOR_SEPARATOR.split(name)
        if len(names) > 1 and all(CREDIT_NAME.fullmatch(n) for n in names):
            for n in names:
                self.add_author(n)
            return
        # "Tim Redaksi": the newsroom, no person ("Redaksi detikNews": that outlet's)
        if any(rx.match(name.lower()) for pat, rx in compiled("id", "metadata.jsonl") if pat.label == "team"):
            last = name.split()[-1]
            if (ent := _outlet_of(last, known_names("NewsOrganization"))) is not None and not ent.wire:
                self.publisher = self.publisher or last
            return
        if name not in self.authors:
            self.authors.append(name)

    def read_credits(self, body: str, outlets) -> None:
        for m in CREDIT_RX.finditer(body):
            words = m.group("name").split()
            for n in range(len(words), 0, -1):  # longest known prefix: "Reuter, Kamis" -> "Reuter"
                cand = " ".join(words[:n]).rstrip(".,")
                if _outlet_of(cand, outlets):
                    self.cite(cand, outlets)
                    break
        for m in PAREN_CREDIT_RX.finditer(body):  # photo credits: "(Handout / AGENCY / AFP)"
            if "/" in m.group(1) or m.group(1).lower().startswith(("foto", "photo")):
                self.cite(m.group(1).split(":")[-1], outlets)

    def read_lead_date(self, kept: list[tuple[int, str]]) -> None:
        """'Melansir Reuters, Kamis (19/10/2023), ...': a reporting date in the lead, not 'pada ...'."""
        if self.date:
            return
        for _, text in kept[:2]:
            for d in find_dates(text, None):
                if d.rule == "date.numeric" and len(d.value) == 10:
                    head = text[: d.start].lower().rstrip()
                    if not re.search(r"\b(pada|sejak|hingga|sampai|tanggal|hari)$", head):
                        self.date = d.value
                        return

    def build(self) -> Metadata:
        return Metadata(
            title=self.title,
            publisher=self.publisher,
            date=self.date,
            authors=tuple(self.authors),
            editors=tuple(self.editors),
            cites=tuple(self.cites),
            url=self.page.url,
            dateline_place=self.dateline_place,
        )
