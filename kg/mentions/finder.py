"""Find the entity mentions of one document.

Order matters and each step only claims tokens no earlier step claimed:
known names -> ministries ("Kementerian Luar Negeri Rusia") -> organisation cues
("Pusat Studi ... (CSIS)") -> titles before names ("Presiden Rusia Vladimir Putin")
-> acronyms in parentheses -> place cues ("di Wonsan", "wilayah Kursk") -> speaker cues
("kata Budi Santoso") -> other capitalised names (kept as "Unknown", for linking) ->
short forms linked to the full names of the same article ("Lavrov", "Kim").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.knowledge import load_known
from kg.lang import alternation, compiled, read_jsonl, words
from kg.mentions.gazetteer import item_rx, match_at, system_head_rx, system_rx, title_rx
from kg.mentions.names import name_key, part_keys
from kg.model import AnnotatedDoc, Apposition, Document, Mention
from kg.text.sentences import split_sentences, tokens

PORTFOLIO_WORDS = 4  # "Sumber Daya Alam dan Lingkungan" at most
ACTOR_TYPES = {"Country", "Organization", "GovernmentBody", "NewsOrganization", "Place"}
# a titled name runs to six words: "Sheikh Mohammed bin Abdulrahman Al Thani"
TITLED_NAME_WORDS = 6
# "al-Hayya", "el-Sisi", "ad-Din": an Arabic article joined to a capitalised name
ARTICLE_JOINED = re.compile(r"^(?:al|el|ad|ar|as|at|an|ash|ul|ud|ibn)-[A-Z]")
CONNECTORS = {"bin", "binti", "al", "van", "von", "de", "da", "dos", "del", "la", "le", "el", "ibn", "abu"}
ORG_CONNECTORS = {"dan", "untuk", "of", "for", "and", "&", "the", "urusan"}
SPEECH_AFTER = re.compile(rf"\s+(?:{alternation('id', 'cues.jsonl', 'speaker-verb-after-name')})\b")
SPEECH_BEFORE = re.compile(rf"\b(?:{alternation('id', 'cues.jsonl', 'speaker-verb-before-name')})\s+$")
# "Andriy Kostin, yang menjabat sebagai Jaksa Agung": who holds an office is a person
OFFICE_AFTER = re.compile(rf"(?P<rel>,\s+yang)?\s+(?:(?:{alternation('id', 'cues.jsonl', 'office-adverb')})\s+)?"
                          rf"(?:{alternation('id', 'cues.jsonl', 'office-verb')})\s+(?:wakil\s+)?", re.I)
# "Kantor", "Gedung": a building of whatever is named after it
VENUE_NOUN = re.compile(rf"(?:{alternation('id', 'cues.jsonl', 'venue-noun')})")
# "delegasi yang dipimpin (oleh) Khalil al-Hayya": who leads is a person
LED_BEFORE = re.compile(rf"\b(?:{alternation('id', 'cues.jsonl', 'led-by-before-name')})\s+$")


@dataclass
class _State:
    doc: Document
    toks: list[tuple[int, int, str]]
    sent_start: set[int]  # token indices that begin a sentence
    taken: list[bool]
    mentions: list[Mention] = field(default_factory=list)
    appositions: list[Apposition] = field(default_factory=list)
    by_start: dict[int, Mention] = field(default_factory=dict)  # token index -> top mention there
    _starts: list[int] | None = None
    _entity_starts: dict[str, list[int]] | None = None  # built when the mentions are complete

    def last_before(self, entity: str, offset: int) -> int:
        """Where `entity` was last named before `offset` (-1: not yet)."""
        from bisect import bisect_left

        if self._entity_starts is None:
            index: dict[str, list[int]] = {}
            for x in self.mentions:
                index.setdefault(x.entity, []).append(x.start)
            self._entity_starts = {e: sorted(v) for e, v in index.items()}
        starts = self._entity_starts.get(entity, [])
        i = bisect_left(starts, offset)
        return starts[i - 1] if i else -1

    def add(self, i: int, j: int, type_: str, entity: str, rule: str, claim: bool = True) -> Mention:
        start, end = self.toks[i][0], self.toks[j - 1][1]
        if entity.startswith("person:"):
            # "Sergey Shoygu": a spelling the files do not list of a person they know, by its key
            entity = _known_person_keys().get(entity[7:], entity)
        m = Mention(start, end, self.doc.text[start:end], type_, entity, rule)
        self.mentions.append(m)
        if claim:
            for k in range(i, j):
                self.taken[k] = True
            self.by_start[i] = m
        return m

    def free(self, i: int, j: int) -> bool:
        return j <= len(self.toks) and not any(self.taken[i:j])

    def index_at(self, offset: int) -> int:
        """The first token starting at or after `offset`."""
        from bisect import bisect_left

        if self._starts is None:
            self._starts = [t[0] for t in self.toks]
        return bisect_left(self._starts, offset)


def annotate(doc: Document) -> AnnotatedDoc:
    """Sentences and mentions of one document (a pure function of it)."""
    sentences = split_sentences(doc.text)
    toks = tokens(doc.text)
    starts = {s.start for s in sentences}
    st = _State(doc, toks, {k for k, t in enumerate(toks) if t[0] in starts}, [False] * len(toks))
    _known(st)
    _items(st)
    _ministries(st)
    _org_cues(st)
    _agency_names(st)
    _titles(st)
    _paren_aliases(st)
    _places(st)
    _speakers(st)
    _unknown_names(st)
    _link_short_forms(st)
    mentions = tuple(sorted(set(st.mentions), key=lambda m: (m.start, -m.end, m.entity)))
    return AnnotatedDoc(doc, tuple(sentences), mentions, tuple(st.appositions))


def _name_run(st: _State, k: int, limit: int, first_ok=None) -> int:
    """End of the run of capitalised name tokens from k (one line, free tokens, at most `limit`)."""
    n = k
    while n < len(st.toks) and n - k < limit and st.free(n, n + 1):
        tok = st.toks[n][2]
        if n > k and "\n" in st.doc.text[st.toks[n - 1][1] : st.toks[n][0]]:
            break
        if n > k and ARTICLE_JOINED.match(tok) and tok.replace("-", "").replace("'", "").isalpha():
            n += 1
            continue
        if not (_is_cap(tok) and tok.replace("-", "").replace("'", "").isalpha()):
            if tok.lower() in CONNECTORS and n > k and n + 1 < len(st.toks) and _is_cap(st.toks[n + 1][2]):
                n += 1
                continue
            break
        if n == k and _not_name(tok):
            break
        n += 1
    return n


def _is_cap(tok: str) -> bool:
    return tok[0].isupper() and any(c.isalpha() for c in tok)


def _not_name(tok: str) -> bool:
    return tok.lower() in words("id", "not_names.txt")


def _known(st: _State) -> None:
    i = 0
    while i < len(st.toks):
        hit = match_at(st.toks, i)
        if hit and _after_another_given_name(st, i, hit[0]):
            hit = None  # "Recep Erdogan": a longer name, for the rules of names to read whole
        if hit:
            entry, j = hit
            st.add(i, j, entry.type, entry.entity, "gazetteer")
            i = j
        else:
            i += 1


def _after_another_given_name(st: _State, i: int, entry) -> bool:
    """A person the knowledge files name by one word ("Erdogan", "Putin") written right after a
    capitalised word that is no title, no other name of ours and does not open the sentence
    ("Recep Erdogan", "Vlad Putin"): part of a name the files do not know."""
    if len(entry.tokens) > 1 or entry.type != "Person" or i == 0 or i - 1 in st.sent_start or not st.free(i - 1, i):
        return False
    before, start = st.toks[i - 1], st.toks[i][0]
    word = before[2]
    return (start - before[1] == 1 and _is_cap(word) and word.isalpha() and not _not_name(word)
            and word.lower() not in _title_words())


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of the titles ("presiden", "menteri", "luar", "negeri"): what comes before a name."""
    return frozenset(w.lower() for p in read_jsonl("id", "titles.jsonl") for w in re.findall(r"[A-Za-z]+", p.pattern))


def _items(st: _State) -> None:
    for item_id, type_, rx in system_rx():  # first: the name says what the word before it is
        for m in rx.finditer(st.doc.text):
            head = system_head_rx().search(st.doc.text, max(0, m.start() - 40), m.start())
            i, j = st.index_at(head.start() if head else m.start()), st.index_at(m.end())
            if i < j and st.free(i, j):
                st.add(i, j, type_, "item:" + item_id, item_id)
    for item_id, _label, type_, rx in item_rx():
        for m in rx.finditer(st.doc.text):
            i, j = st.index_at(m.start()), st.index_at(m.end())
            if i < j and st.free(i, j):
                st.add(i, j, type_, "item:" + item_id, item_id)


@lru_cache(maxsize=1)
def _known_person_keys() -> dict[str, str]:
    """The name key of each full name of a known person (two words or more) -> its entity; a key
    two known people share is left out."""
    owners: dict[str, set[str]] = {}
    for ent in load_known().values():
        if ent.type == "Person":
            for name in ent.names():
                if len(part_keys(name)) > 1:
                    owners.setdefault(name_key(name), set()).add("known:" + ent.id)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


@lru_cache(maxsize=1)
def _ministry_rx() -> list[tuple[object, re.Pattern]]:
    return [(p, re.compile(rf"\b(?:{p.pattern})\b(?:\s*\((?P<acr>[A-Z][A-Za-z]{{1,10}})\))?", re.I))
            for p in read_jsonl("id", "ministries.jsonl")]


@lru_cache(maxsize=1)
def _known_ministries() -> dict[tuple[str, str], str]:
    """(ministry id, country key) -> the known body of that country whose name is the ministry's."""
    out = {}
    known = load_known()
    for ent in known.values():
        if ent.type == "GovernmentBody" and ent.represents in known:
            # its whole name: the ministry's words, then nothing or its country's name ("Badan
            # Intelijen Nasional Korea Selatan"; not "Badan Intelijen Pusat AS", one of several)
            country = {"", *(" " + n.lower() for n in known[ent.represents].names())}
            for pat, rx in _ministry_rx():
                if any((m := rx.match(name)) and name[m.end():].lower() in country for name in ent.names()):
                    out[(pat.id, "known:" + ent.represents)] = "known:" + ent.id
    return out


def _ministries(st: _State) -> None:
    """'Kementerian Luar Negeri (Kemlu) Rusia' -> one body that represents Russia."""
    for pat, rx in _ministry_rx():
        for m in rx.finditer(st.doc.text):
            i, j = st.index_at(m.start()), st.index_at(m.end())
            country = st.by_start.get(j)
            if not st.free(i, j) or country is None or country.type != "Country":
                continue
            end = st.index_at(country.end)
            # the body the files know, where they know it ("Kementerian Luar Negeri RI" is Kemlu)
            entity = _known_ministries().get((pat.id, country.entity), f"org:{pat.id}|{country.entity}")
            st.add(i, end, "GovernmentBody", entity, pat.id)
            st.by_start[i] = st.mentions[-1]
            if m.group("acr"):
                a = st.index_at(m.start("acr"))
                st.add(a, a + 1, "GovernmentBody", entity, pat.id + ".acronym", claim=False)


KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")  # "Jang-won", "Son-hui", "Tae-yul"


def _korean_name_at(st: _State, k: int) -> bool:
    """A Korean name starts at token k: a short family name, then a given name of two syllables
    joined by a hyphen ("Hong Jang-won"); an organisation's name ends before it."""
    return (k + 1 < len(st.toks) and re.fullmatch(r"[A-Z][a-z]{0,4}", st.toks[k][2]) is not None
            and KOREAN_GIVEN.fullmatch(st.toks[k + 1][2]) is not None)


@lru_cache(maxsize=1)
def _title_before_rx() -> re.Pattern:
    """A title, its field in lower case, then "dari/di" right before a body's name."""
    titles = "|".join(p.pattern for p, _rx in title_rx())
    return re.compile(rf"\b(?i:{titles})(?:\s+[a-z][\w-]*){{0,3}}\s+(?:(?:dari|di)\s+)?$")


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """The capitalised words of the names of bodies the files know ("Nasional", "Atom", "Energi")."""
    return frozenset(w for k in load_known().values() if k.type != "Person" for n in k.names() for w in n.split())


def _holder_ends_run(st: _State, i: int, k: int) -> bool:
    """Whether a body's name run (tokens i..k) after a title ends with its holder's two-word name:
    "pengamat dari Universitas Kookmin Andrei Lankov", not "Direktur Badan Energi Atom Internasional"
    (words of the names of known bodies are no person's)."""
    if not _title_before_rx().search(st.doc.text, max(0, st.toks[i][0] - 80), st.toks[i][0]):
        return False
    return not any(st.toks[t][2] in _body_words() for t in (k - 2, k - 1))


def _org_cues(st: _State) -> None:
    """'Pusat Studi Strategis dan Internasional (CSIS)', 'Angkatan Laut (AL) AS'."""
    for pat, _rx in compiled("id", "org_cues.jsonl", 0):
        head_rx = re.compile(rf"\b(?:{pat.pattern})\b", re.I)
        for m in head_rx.finditer(st.doc.text):
            if not m.group(0)[0].isupper():
                continue  # common nouns ("badan", "lembaga") start no name
            i, j = st.index_at(m.start()), st.index_at(m.end())
            if not st.free(i, j):
                continue
            k = j
            # (the body ends where a rank with a name of two words begins: "Angkatan Darat Jenderal Maruli
            # Simanjuntak"; "Direktorat Jenderal Pajak" is one body)
            while k < len(st.toks) and st.free(k, k + 1) and _past_title(st, k, 2) is None and not _korean_name_at(st, k) and (
                (_is_cap(st.toks[k][2]) and not _not_name(st.toks[k][2]))
                or (st.toks[k][2].lower() in ORG_CONNECTORS and k + 1 < len(st.toks) and _is_cap(st.toks[k + 1][2]))
            ):
                k += 1
            acr = _paren_acronym(st, k)
            if not acr and k - j >= 3 and _holder_ends_run(st, i, k):
                k -= 2  # "pengamat dari Universitas Kookmin Andrei Lankov": the analyst, then his university
            after = acr[1] if acr else k
            country = st.by_start.get(after)
            if k == j and not acr and country is not None and country.type == "Country" and pat.get("type") == "Organization":
                # "Universitas Indonesia", "Bank Indonesia": a country's name is the organisation's
                k = st.index_at(country.end)
                st.mentions.remove(country)
                del st.by_start[after]
                country = None
            if k == j and not acr and not (country and country.type == "Country" and pat.get("type") == "GovernmentBody"):
                continue
            known = _known_acronym(st, acr)
            if country and country.type == "Country" and pat.get("type") == "GovernmentBody":
                entity = f"org:{name_key(' '.join(t[2] for t in st.toks[i:k]))}|{country.entity}"
                end = st.index_at(country.end)
                # "Badan Intelijen Nasional (NIS) Korea Selatan": the known body of that country
                if known is not None and f"known:{load_known()[known[6:]].represents}" == country.entity:
                    entity = known
            else:
                entity, end = f"org:{name_key(' '.join(t[2] for t in st.toks[i:k]))}", k
                entity = known or entity
            st.add(i, end, str(pat.get("type")), entity, pat.id)
            if acr:
                st.add(acr[0], acr[0] + 1, str(pat.get("type")), entity, pat.id + ".acronym", claim=False)
                for q in range(acr[0] - 1, acr[1]):
                    st.taken[q] = True


# "kantor berita resmi Vietnam VNA", "stasiun televisi milik negara Iran, IRIB": the outlet's name
# after the common noun, its qualifiers and the country it is of
AGENCY_HEAD = re.compile(
    r"\b(?:kantor berita|stasiun televisi|surat kabar|media pemerintah)"
    r"(?:\s+(?:resmi|pemerintah|milik negara|milik pemerintah|negara|nasional|swasta|utama|pro-pemerintah))*\s+", re.I)


def _agency_names(st: _State) -> None:
    """A news organisation no file knows, named after what it is: "kantor berita resmi Vietnam VNA"."""
    for m in AGENCY_HEAD.finditer(st.doc.text):
        k = st.index_at(m.end())
        country = st.by_start.get(k)
        if country is not None and country.type == "Country":
            k = st.index_at(country.end)
            if k < len(st.toks) and st.toks[k][2] == ",":
                k += 1
        end = _name_run(st, k, 4)
        if end > k and not any(_not_name(t[2]) for t in st.toks[k:end]):
            st.add(k, end, "NewsOrganization", "org:" + name_key(" ".join(t[2] for t in st.toks[k:end])), "org.news-agency.name")


def _known_acronym(st: _State, acr: tuple[int, int] | None) -> str | None:
    """The known entity a parenthesised acronym names ("(NIS)"), if any."""
    hit = match_at(st.toks, acr[0]) if acr else None
    return hit[0].entity if hit and hit[1] == acr[0] + 1 else None


def _paren_acronym(st: _State, k: int) -> tuple[int, int] | None:
    """'( ACR )' at token k: (index of ACR, index after ')')."""
    t = st.toks
    if k + 2 < len(t) and t[k][2] == "(" and t[k + 2][2] == ")" and re.fullmatch(r"[A-Z][A-Za-z]{1,9}", t[k + 1][2]):
        return k + 1, k + 3
    return None


def _past_title(st: _State, k: int, words: int) -> int | None:
    """The token after a capitalised title at token k that a name of at least `words` words
    follows ("Jenderal Maruli Simanjuntak"), else None."""
    if k >= len(st.toks) or not _is_cap(st.toks[k][2]):
        return None
    for _pat, rx in title_rx():
        m = rx.match(st.doc.text, st.toks[k][0])
        if m:
            after = st.index_at(m.end())
            if _name_run(st, after, TITLED_NAME_WORDS) - after >= words:
                return after
    return None


def _titles(st: _State) -> None:
    """Title, affiliations, then a capitalised name: a Person and the office they hold."""
    found: dict[int, list[tuple[int, object]]] = {}
    for pat, rx in title_rx():
        for m in rx.finditer(st.doc.text):
            if m.group(0).isupper() and len(m.group(0)) <= 3 and m.group(0) != m.group(0).upper():
                continue
            found.setdefault(m.start(), []).append((m.end(), pat))
            # a shorter reading of the same title ("Kepala Badan" of "Kepala Badan Intelijen
            # Mesir", whose body is an organisation already found): "Kepala", then the body
            for end in (m.start() + len(w) for w in re.findall(r"\S+(?=\s)", m.group(0))):
                if (w := st.doc.text[m.start() : end]) and rx.fullmatch(w):
                    found[m.start()].append((end, pat))
    done: set[int] = set()  # titles read with the one before them ("Juru bicara Presiden Rusia …")
    for start in sorted(found):
        i = st.index_at(start)
        read = None if i in done else _title_extent(st, i, found[start])
        if read is None:
            continue
        j, pat, represents, k = read
        inner = _stacked(st, j, k, found)
        if inner is not None:
            done.add(k)
            _stacked_holders(st, (i, j, pat, represents), inner)
            continue
        known = st.by_start.get(k)
        if known is not None and known.type == "Person" and known.rule == "gazetteer":  # known (ontology/people.ttl)
            aide = _comma_holder(st, st.index_at(known.end))
            if aide is None:
                _hold(st, i, j, known, pat, represents)
                continue
            k = st.index_at(known.end)  # "Juru Bicara Xi Jinping, Hua Chunying, mengatakan": his spokesperson
        n = _name_run(st, k, TITLED_NAME_WORDS)
        # "Juru Bicara Prabowo, Dahnil Anzar Simanjuntak, mengatakan": the title is of the one
        # set off by commas; the one before is whom they serve
        aide = _comma_holder(st, n) if n > k else None
        if aide is not None:
            k, n = aide
        if n == k and (set_off := _comma_name(st, k)) is not None:
            k, n = set_off  # "Juru bicara Kemlu China, Lin Jian, mengatakan"
        if n == k or (n - k == 1 and st.toks[k][2].isupper()):
            continue
        after = st.by_start.get(n)
        if n - k == 1 and after is not None and after.type == "Country":
            continue  # "Kepala Staf Gabungan Korea Selatan": a word of the body's name, then its country
        name = " ".join(t[2] for t in st.toks[k:n])
        _hold(st, i, j, st.add(k, n, "Person", "person:" + name_key(name), pat.id), pat, represents)


def _title_extent(st: _State, i: int, readings) -> tuple[int, object, str | None, int] | None:
    """The title at token i (its longest reading whose words are free): where it ends (past a
    portfolio or a field), its pattern, whom it is for, and where its holder's name may start
    (past affiliations and an honorific)."""
    free = [(end, pat) for end, pat in readings if st.free(i, st.index_at(end))]
    if not free:
        return None
    end, pat = max(free, key=lambda c: c[0])
    j = st.index_at(end)
    if pat.get("portfolio"):
        j = _past_portfolio(st, j)
    represents = None
    if pat.get("field"):
        j, represents = _past_field(st, j)
    k = j
    while True:
        acr = _paren_acronym(st, k)
        if acr:
            k = acr[1]
            continue
        aff = st.by_start.get(k)
        if aff and aff.type in ACTOR_TYPES:
            represents = aff.entity
            k = st.index_at(aff.end)
            continue
        nxt = st.by_start.get(k + 1)
        if k < len(st.toks) and st.toks[k][2] in _title_modifiers() and nxt is not None and nxt.type in ACTOR_TYPES:
            k += 1  # "juru bicara militer Israel X": the office's field, then whom it is for
            continue
        posted = st.by_start.get(k + 1) if represents and k < len(st.toks) and st.toks[k][2].lower() == "untuk" else None
        if posted is not None and posted.type in ACTOR_TYPES:
            k = st.index_at(posted.end)  # "Duta Besar Rusia untuk PBB X": Russia's, posted to the UN
            continue
        region = _region_at(st, k)
        if region is not None:
            represents, k = region.entity, st.index_at(region.end)
            continue
        break
    k = _after_honorific(st, k)  # "Menlu Arab Saudi Pangeran Faisal bin Farhan": a rank or honorific, then the name
    return j, pat, represents, k


@lru_cache(maxsize=1)
def _title_modifiers() -> frozenset[str]:
    """Lower-case words that say a title's field ("juru bicara militer Israel")."""
    return frozenset(alternation("id", "cues.jsonl", "title-modifier").split("|"))


def _region_at(st: _State, k: int) -> Mention | None:
    """"Gubernur Wilayah Khabarovsk Mikhail Degtyarev": a region named by its kind, as an
    affiliation; its name leaves the last two capitalised words to the holder."""
    if k >= len(st.toks) or not _is_cap(st.toks[k][2]):
        return None
    kind = _place_rx()["place.kind"].match(st.doc.text, st.toks[k][0])
    if kind is None:
        return None
    first = st.index_at(kind.end())
    n = _name_run(st, first, TITLED_NAME_WORDS)
    if n - first < 3:
        return None
    name = " ".join(t[2] for t in st.toks[first : n - 2])
    return st.add(first, n - 2, "Place", "place:" + name_key(name), "place.kind")


HONORIFICS = {"title.king", "title.general"}  # a rank before a name, not an office of someone else's


def _stacked(st: _State, j: int, k: int, found) -> tuple[int, object, str | None, int] | None:
    """An office right after a title ("Juru bicara Presiden Rusia …", "utusan khusus Presiden
    Prabowo"): the first title is held by someone of the second's holder, not by that holder."""
    if k != j or k >= len(st.toks) or st.toks[k][0] not in found:
        return None
    read = _title_extent(st, k, found[st.toks[k][0]])
    return read if read is not None and read[1].id not in HONORIFICS and read[1].get("position") is not False else None


def _stacked_holders(st: _State, outer, inner) -> None:
    """Two titles, one after the other: with two names after them ("Penasihat Presiden Zelensky
    Mykhailo Podolyak"), the first is the outer title's holder's principal and the second the
    holder; with one name, whose title it is the words do not tell ("Juru bicara Presiden Rusia
    Dmitry Peskov" is Peskov's, "utusan khusus Presiden Prabowo Subianto" Prabowo's): neither."""
    (i, j, pat, represents), (ib, jb, pat_b, represents_b, kb) = outer, (outer[1], *inner)
    first = _name_at(st, kb)
    if first is None:
        return
    after = st.index_at(first[1])
    second = _name_at(st, after)
    if second is None and after < len(st.toks) and st.toks[after][2] == ",":
        # "Juru bicara Presiden Putin, Dmitry Peskov, mengatakan": the one set off by commas
        aide = _comma_holder(st, after)
        second = (aide[0], st.toks[aide[1] - 1][1], None) if aide else None
        known = st.by_start.get(after + 1)
        n = st.index_at(known.end) if known is not None else 0
        if known is not None and known.type == "Person" and n + 1 < len(st.toks) and st.toks[n][2] == "," \
                and st.toks[n + 1][2].islower():
            second = (after + 1, known.end, known)
    if second is None:
        return
    _hold(st, ib, jb, _person(st, first), pat_b, represents_b)
    _hold(st, i, j, _person(st, second), pat, represents or None)


def _name_at(st: _State, k: int) -> tuple[int, int | None, Mention | None] | None:
    """A person's name at token k: (start token, end offset, the known person) or a run of
    capitalised words (start token, end offset, None)."""
    known = st.by_start.get(k)
    if known is not None and known.type == "Person":
        return k, known.end, known
    n = _name_run(st, k, TITLED_NAME_WORDS)
    if n - k < 2:
        return None
    return k, st.toks[n - 1][1], None


def _person(st: _State, name: tuple[int, int, Mention | None]) -> Mention:
    k, end, known = name
    if known is not None:
        return known
    n = st.index_at(end)
    words = " ".join(t[2] for t in st.toks[k:n])
    return st.add(k, n, "Person", "person:" + name_key(words), "title.stacked")


FIELD_WORDS = 4  # "hubungan internasional", "kebijakan luar negeri senior"
# words that end a field of study: what comes after the title is no field ("Pakar itu mengatakan")
NOT_FIELD = re.compile(r"(?:itu|ini|tersebut|yang|juga|pun|dan|atau|kepada|bahwa|dari|di|(?:me|ber|di|ter)\w+)$")


def _past_field(st: _State, j: int) -> tuple[int, str | None]:
    """After an analyst's title, their field in lower case and where they work: "Pengamat hubungan
    internasional dari Universitas Indonesia, X" (the name follows; the place of work is whom the
    title is of)."""
    k = j
    while k < len(st.toks) and k - j < FIELD_WORDS and st.toks[k][2].isalpha() and st.toks[k][2].islower() \
            and not NOT_FIELD.match(st.toks[k][2]):
        k += 1
    if k < len(st.toks) and st.toks[k][2].lower() in ("dari", "di"):
        aff = st.by_start.get(k + 1)
        if aff is not None and aff.type in ACTOR_TYPES:
            return st.index_at(aff.end), aff.entity
        # "analis dari Carnegie Endowment, Alexander Gabuev,": a workplace no file knows, then the name
        n = _name_run(st, k + 1, PORTFOLIO_WORDS)
        if n > k + 1 and _comma_name(st, n) is not None:
            name = " ".join(t[2] for t in st.toks[k + 1 : n])
            return n, st.add(k + 1, n, "Organization", "org:" + name_key(name), "org.workplace").entity
    return k, None


def _portfolio_title(st: _State, i: int, j: int, label: str) -> str:
    """A minister's title with its portfolio, as the text writes it in capitals ("Menteri Sumber
    Daya Alam", "Menteri Keuangan"; "Menteri" alone where it names none)."""
    words = [t[2] for t in st.toks[i:j]]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return label
    return " ".join(w if w.isupper() else w.lower() if w.lower() in ORG_CONNECTORS else w.capitalize() for w in words)


def _past_portfolio(st: _State, j: int) -> int:
    """After "Menteri", a portfolio the title file does not list, up to its country: "Menteri
    Sumber Daya Alam Rusia X", "Menteri Unifikasi Korea Selatan X" (capitalised words, then a
    country, a body or a person the files know)."""
    k = j
    while k < len(st.toks) and k - j < PORTFOLIO_WORDS and st.free(k, k + 1) and _is_cap(st.toks[k][2]) \
            and st.toks[k][2].isalpha():
        k += 1
    after = st.by_start.get(k)
    ends = after is not None and (after.type in {"Country", "GovernmentBody"} or after.rule == "gazetteer" and after.type == "Person")
    return k if k > j and ends else j


def _comma_name(st: _State, n: int) -> tuple[int, int] | None:
    """(start, end) of a name of two words or more set off by commas at token n (one word after a
    comma is too often a weekday or a place)."""
    if n + 1 >= len(st.toks) or st.toks[n][2] != ",":
        return None
    end = _name_run(st, n + 1, TITLED_NAME_WORDS)
    return (n + 1, end) if end - (n + 1) >= 2 and end < len(st.toks) and st.toks[end][2] == "," else None


def _comma_holder(st: _State, n: int) -> tuple[int, int] | None:
    """A name set off by commas at token n (_comma_name) followed by a verb or another lowercase
    word: not a list ("X, Y, dan Z" or "X, Y, Z")."""
    found = _comma_name(st, n)
    if found is None or found[1] + 1 >= len(st.toks):
        return None
    nxt = st.toks[found[1] + 1][2]
    return found if nxt.islower() and nxt not in {"dan", "serta", "atau"} else None


FORMER = frozenset({"mantan", "eks", "bekas"})


def _hold(st: _State, i: int, j: int, person: Mention, pat, represents: str | None) -> None:
    """The title at tokens i..j is held by `person` (who acts for `represents`); "Wakil" right
    before a title the file lists without it makes the deputy ("Wakil Sekretaris Jenderal")."""
    title = None if pat.get("position") is False else pat.label
    if title and pat.get("portfolio"):
        title = _portfolio_title(st, i, j, title)
    if title and i > 0 and st.toks[i - 1][2] == "Wakil" and st.free(i - 1, i) and not title.startswith("Wakil"):
        i, title = i - 1, f"Wakil {title}"
    if title and i > 0 and st.toks[i - 1][2].lower() in FORMER and st.free(i - 1, i):
        i, title = i - 1, f"Mantan {title}"  # "Mantan Presiden AS Donald Trump": an office once held
    for q in range(i, j):
        st.taken[q] = True
    st.appositions.append(Apposition(st.toks[i][0], person.end, person.entity, title, represents, pat.id))


def _after_honorific(st: _State, k: int) -> int:
    """Past a capitalised title at token k that a name follows (a second title is a rank or an
    honorific: "Pangeran", "Jenderal"), else k."""
    after = _past_title(st, k, 1)
    return k if after is None else after


def _paren_aliases(st: _State) -> None:
    """'Korea Utara (Korut)', 'Korean Central News Agency (KCNA)': the alias names the same entity."""
    for k in range(1, len(st.toks) - 2):
        acr = _paren_acronym(st, k)
        if not acr or not st.free(acr[0], acr[0] + 1):
            continue
        prev = next((m for m in reversed(st.mentions) if m.end <= st.toks[k][0] and st.toks[k][0] - m.end <= 1), None)
        if prev is not None and prev.type != "Unknown":
            st.add(acr[0], acr[0] + 1, prev.type, prev.entity, "alias.parenthesis")


@lru_cache(maxsize=1)
def _place_rx() -> dict[str, re.Pattern]:
    return {p.id: re.compile(rf"\b(?:{p.pattern})\s+(?=[A-Z])", re.I if p.id == "place.kind" else 0)
            for p in read_jsonl("id", "place_cues.jsonl")}


def _places(st: _State) -> None:
    for rule, rx in sorted(_place_rx().items()):
        for m in rx.finditer(st.doc.text):
            k = st.index_at(m.end())
            n = _name_run(st, k, 3)
            if VENUE_NOUN.fullmatch(st.toks[k][2]) and (n - k == 1 or (n < len(st.toks) and st.taken[n])):
                # "di Kantor Kementerian Pertahanan": the office of a body named next, no place;
                # "di Bandara Internasional Sunan": the airport, whose name is found already
                continue
            if n > k:
                name = " ".join(t[2] for t in st.toks[k:n])
                st.add(k, n, "Place", "place:" + name_key(name), rule)


def _speakers(st: _State) -> None:
    """'kata Budi Santoso', 'Budi Santoso mengatakan', 'dipimpin Budi Santoso': a speaker or a
    leader with no title is a person."""
    text = st.doc.text
    actor_ends = {m.end for m in st.mentions if m.type in ACTOR_TYPES - {"Place"}}  # countries, bodies, organisations
    for k in range(len(st.toks)):
        n = _name_run(st, k, 4)
        if n - k < 2:
            continue
        before, after = text[max(0, st.toks[k][0] - 12) : st.toks[k][0]], st.toks[n - 1][1]
        led = LED_BEFORE.search(text[max(0, st.toks[k][0] - 20) : st.toks[k][0]])
        # "Budi Santoso mengatakan" opening a sentence, or right after the body or country he is
        # of ("Pejabat Gedung Putih John Kirby berpendapat")
        subject = k in st.sent_start or (k > 0 and st.toks[k - 1][1] in actor_ends)
        if SPEECH_BEFORE.search(before) or led or (subject and SPEECH_AFTER.match(text, after)) \
                or _holds_office(text, after, subject):
            name = " ".join(t[2] for t in st.toks[k:n])
            st.add(k, n, "Person", "person:" + name_key(name), "cue.speaker")


def _holds_office(text: str, after: int, subject: bool) -> bool:
    """Whether the text after a name (ending at `after`) says it holds or took a title ("…, yang
    menjabat sebagai Jaksa Agung", "… dilantik menjadi Perdana Menteri"; as the sentence's subject
    unless in a relative clause)."""
    m = OFFICE_AFTER.match(text, after)
    return m is not None and (subject or m["rel"] is not None) and any(rx.match(text, m.end()) for _p, rx in title_rx())


def _unknown_names(st: _State) -> None:
    """Other capitalised runs: kept as Unknown, so that resolution can link them to a known person."""
    k = 0
    while k < len(st.toks):
        n = _name_run(st, k, 6)
        if n > k:  # kept only if linking vouches for it, so sentence-initial runs are safe
            name = " ".join(t[2] for t in st.toks[k:n])
            st.add(k, n, "Unknown", "name:" + name_key(name), "cue.capitalised", claim=False)
        k = max(n, k + 1)


def _link_short_forms(st: _State) -> None:
    """'Lavrov', 'Kim', 'Sergey Lavrov' after 'Sergei Lavrov': the same person of this article."""
    full = {}
    for m in st.mentions:
        if m.type == "Person" and len(part_keys(m.surface)) > 1:
            full.setdefault(m.entity, part_keys(m.surface))
    # "Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al Thani": a name of two words or
    # more whose words all belong to one longer name of the article is that name
    shorter = {}
    for e, parts in full.items():
        longer = [f for f, fp in full.items() if f != e and set(parts) < set(fp)]
        if len(longer) == 1 and not e.startswith("known:"):
            shorter[e] = longer[0]
    linked = []
    for m in st.mentions:
        target = None
        if full and (m.type == "Unknown" or (m.type == "Person" and m.entity not in full)):
            target = _person_for(m, full, st)
        elif m.type == "Person" and m.entity in shorter:
            target = shorter[m.entity]
        linked.append(Mention(m.start, m.end, m.surface, "Person", target, m.rule) if target else m)
    surfaces: dict[str, Mention] = {}
    for m in linked:
        if m.type != "Unknown":
            surfaces.setdefault(m.surface, m)
    out = []
    for m in linked:
        same = surfaces.get(m.surface)
        if m.type == "Unknown" and same is not None:  # "CSIS" again, "Wonsan" again
            m = Mention(m.start, m.end, m.surface, same.type, same.entity, "link.surface")
        out.append(m)
    st.mentions = out
    st.appositions = [
        Apposition(a.start, a.end, _relinked(a.person, out), a.title, a.represents, a.rule) for a in st.appositions
    ]


def _person_for(m: Mention, full: dict[str, list[str]], st: _State) -> str | None:
    key = name_key(m.surface)
    exact = [e for e in full if e == "person:" + key]
    if exact:
        return exact[0]
    parts = part_keys(m.surface)
    cands = [e for e, p in full.items() if all(x in p for x in parts)]
    if len(cands) == 1:
        return cands[0]
    if len(cands) > 1:  # the most recently named of them
        last = {e: st.last_before(e, m.start) for e in cands}
        best = max(last.values())
        winners = [e for e in cands if last[e] == best]
        return winners[0] if best >= 0 and len(winners) == 1 else None
    return None


def _relinked(entity: str, mentions: list[Mention]) -> str:
    return next((m.entity for m in mentions if m.rule != "gazetteer" and m.type == "Person"
                 and ("person:" + name_key(m.surface)) == entity), entity)
