"""Header of a dispatch: type, number and symbol, date and place, issuer, subject, urgency.

The header of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) has,
in its left column, the issuing body (under its parent body, if any) and ``Số: 978/UBND-VP``
with, for a công văn, the ``V/v …`` summary; in the right column the national motto and the
place and date line ``Hướng Hóa, ngày 14 tháng 8 năm 2020``. A document other than a công văn
then prints its type (``CÔNG ĐIỆN``, ``KẾ HOẠCH``, ``QUYẾT ĐỊNH``) and its title. Stamps of
urgency (``HỎA TỐC``) and secrecy (``MẬT``) stand on lines of their own near the top.

Text readers flatten the two columns in any order, so the header is read line by line without
relying on the order of its parts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import gazetteer as gz
from extractors.base import Found, alternation, fold, key, load_lines, load_tsv

HEADER_LINES = 45          # the header and the title sit within the first lines of a document

# regex classes of Vietnamese capital and small letters
UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper()}))
LOWER = "".join(sorted({c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower()}))


# --- lines -----------------------------------------------------------------------------------
@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: bool = False     # a paragraph break separates it from the line above


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of ``text[start:end]`` with their offsets (spaces trimmed). The header,
    the recipients, the distribution list and the signer all read the same document's lines:
    the last few splits are kept (Lines are not to be modified)."""
    return list(_lines_of(text, start, len(text) if end is None else end))


@lru_cache(maxsize=8)
def _lines_of(text: str, start: int, end: int) -> tuple[Line, ...]:
    out: list[Line] = []
    pos = start
    blank = False
    for raw in text[start:end].split("\n"):
        s = raw.strip()
        if s:
            a = pos + (len(raw) - len(raw.lstrip()))
            out.append(Line(a, a + len(s), s, blank))
            blank = False
        elif out:
            blank = True
        pos += len(raw) + 1
    return tuple(out)


def is_caps(s: str) -> bool:
    """Are all the letters of ``s`` capitals (and is there one)?"""
    return s.upper() == s and s.lower() != s


# --- data ------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def doc_types() -> tuple[dict, ...]:
    return load_tsv("doc_types.tsv")


@lru_cache(maxsize=None)
def _type_by_name() -> dict[str, dict]:
    return {key(r["name"]): r for r in doc_types()}


@lru_cache(maxsize=None)
def _type_by_code() -> dict[str, dict]:
    return {r["code"]: r for r in doc_types()}


def type_of_code(code: str | None) -> dict | None:
    """The doc_types.tsv row of an abbreviation (``QĐ``), exact case first."""
    if not code:
        return None
    by = _type_by_code()
    if code in by:
        return by[code]
    folded = [r for c, r in by.items() if key(c) == key(code)]
    return folded[0] if len(folded) == 1 else None


@lru_cache(maxsize=None)
def _bodies() -> tuple[tuple[str, dict], ...]:
    """(matching key, row) of header_bodies.tsv, longest head first."""
    rows = [(key(r["head"]), r) for r in load_tsv("header_bodies.tsv")]
    return tuple(sorted(rows, key=lambda kr: len(kr[0]), reverse=True))


@lru_cache(maxsize=None)
def _body_re() -> re.Pattern:
    return re.compile(r"^(?:" + alternation(r["head"] for r in load_tsv("header_bodies.tsv")) + r")(?![\w])",
                      re.I)


@lru_cache(maxsize=None)
def _known_names() -> dict[str, dict]:
    return {fold(r["name"]): r for r in load_tsv("header_names.tsv")}


@lru_cache(maxsize=None)
def _header_noise() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r["pattern"], re.I) for r in load_tsv("header_lines.tsv"))


@lru_cache(maxsize=None)
def _stamps() -> dict[str, tuple[str, str]]:
    return {key(r["stamp"]): (r["field"], r["value"]) for r in load_tsv("header_stamps.tsv")}


@lru_cache(maxsize=None)
def _proper_re() -> re.Pattern:
    words = set(load_lines("header_proper.txt"))
    g = gz.gazetteer()
    words.update(u.name for u in g.units.values() if u.level == "province" and len(u.name.split()) > 1)
    return re.compile(r"(?<![\w])(?:" + alternation(words) + r")(?![\w])", re.I)


@lru_cache(maxsize=None)
def _proper_words() -> dict[str, str]:
    words = set(load_lines("header_proper.txt"))
    g = gz.gazetteer()
    words.update(u.name for u in g.units.values() if u.level == "province")
    return {key(w): w for w in words}


# --- casing ----------------------------------------------------------------------------------
def restore_proper(s: str, original: str | None = None) -> str:
    """Give back their capitals to proper nouns in a lower-cased string (same length)."""
    table = _proper_words()

    def repl(m: re.Match) -> str:
        w = table.get(key(m.group(0)))
        return w if w and len(w) == len(m.group(0)) else m.group(0)
    s = _proper_re().sub(repl, s)
    if original is not None and len(original) == len(s):
        # tokens with digits or a slash (symbols, "COVID-19", "214/NQ-CP") stay as printed
        out = list(s)
        for m in re.finditer(r"\S*[\d/]\S*", original):
            out[m.start():m.end()] = original[m.start():m.end()]
        s = "".join(out)
    return s


@lru_cache(maxsize=None)
def _cited_type_re() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + alternation(r["name"].lower() for r in doc_types()) + r")(?=[ ]+số[ ]+\d)")


def sentence_case(s: str, first_upper: bool = False) -> str:
    """An all-capitals line in sentence case: ``V/V CHỦ ĐỘNG … TRUNG BỘ`` → ``v/v chủ động …
    Trung Bộ``; proper nouns, symbols and the type of a cited document (``Nghị quyết số …``)
    keep their capitals."""
    low = restore_proper(s.lower(), s)
    low = _cited_type_re().sub(lambda m: m.group(0)[0].upper() + m.group(0)[1:], low)
    if first_upper and low:
        low = low[0].upper() + low[1:]
    return low


def field_case(s: str) -> str:
    """Case of a body's field of work after its head: each field joined by ``và``, a comma or a
    dash begins with a capital: ``GIÁO DỤC VÀ ĐÀO TẠO`` → ``Giáo dục và Đào tạo``,
    ``LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`` → ``Lao động - Thương binh và Xã hội``."""
    if not is_caps(s):
        return s
    parts = re.split(r"(\s+và\s+|\s*,\s*|\s+-\s+)", s.lower())
    out = []
    for i, p in enumerate(parts):
        if i % 2 == 0 and p:
            p = p[0].upper() + p[1:]
        out.append(p)
    return restore_proper("".join(out), s)


# --- number and symbol -----------------------------------------------------------------------
_TOK = r"[0-9A-Za-zÀ-ỹĐđ&]+(?:\.[0-9A-Za-zÀ-ỹĐđ&]+)*"
_SYM = _TOK + r"(?:[ ]*/[ ]*" + _TOK + r"|-" + _TOK + r"|[ ]+-[ ]+(?=[A-ZĐ])" + _TOK + r")*"
_NUMBER_LINE = re.compile(r"(?:^|(?<=\s))(?:Số|SỐ)[ ]*(?::|\.(?!\d))[ ]*|^(?:Số|SỐ)[ ]+(?=\d+[ ]*[/-])", re.M)
_NUMBER_SYMBOL = re.compile(r"(?:[.…_]+[ ]*)?(?P<num>\d+[a-zA-Z]?)?[ ]*(?:[.…_]+[ ]*)?"
                            r"(?P<sep>/|-)[ ]*(?P<sym>" + _SYM + r")")


def find_number_line(text: str, lines: list[Line]) -> tuple[Found | None, Found | None, Line | None]:
    """(number, symbol, line) from the first ``Số:`` of the header."""
    for ln in lines[:HEADER_LINES]:
        for m in _NUMBER_LINE.finditer(ln.text):
            rest = ln.text[m.end():]
            ns = _NUMBER_SYMBOL.match(rest)
            if not ns:
                continue
            num, sep, sym = ns.group("num"), ns.group("sep"), ns.group("sym")
            if not num and sep == "-":
                continue
            base = ln.start + m.end()
            sym_clean = re.sub(r"[ ]*([/-])[ ]*", r"\1", sym).rstrip(".")
            number = Found(num, base + ns.start("num"), base + ns.end("num")) if num else None
            symbol = Found(sym_clean, base + ns.start("sym"), base + ns.start("sym") + len(sym.rstrip(".")))
            return number, symbol, ln
    return None, None, None


def code_of_symbol(symbol: str | None) -> str | None:
    """The type abbreviation of a symbol: ``2020/NĐ-CP`` → ``NĐ``, ``KL/TW`` → ``KL``,
    ``CĐ-TTg`` → ``CĐ``; None for a công văn's ``UBND-VP``."""
    if not symbol:
        return None
    parts = [p for p in re.split(r"\s*/\s*", symbol) if p and not p.isdigit()]
    if not parts:
        return None
    first = parts[0].split("-")[0].strip()
    row = type_of_code(first)
    return row["code"] if row else None


def issuer_abbreviation(symbol: str | None) -> str | None:
    """The issuing body's abbreviation in a symbol: ``UBND`` of ``UBND-VP`` or ``KH-UBND``."""
    if not symbol:
        return None
    parts = [p for p in re.split(r"\s*/\s*", symbol) if p and not p.isdigit()]
    if not parts:
        return None
    segs = parts[-1].split("-")
    if code_of_symbol(symbol) and len(segs) > 1:
        return segs[1]
    return segs[0]


# --- date and place --------------------------------------------------------------------------
_BLANK = r"[ .…_]*"
_DATE = re.compile(
    r"(?P<place>[^\n,;:]{1,80}?)[ ]*,[ ]*ngày" + _BLANK + r"(?P<d>\d{1,2})?" + _BLANK
    + r"tháng" + _BLANK + r"(?P<m>\d{1,2})?" + _BLANK + r"năm" + _BLANK + r"(?P<y>\d{4})"
    + r"|(?P<place2>[^\n,;:]{1,80}?)[ ]*,[ ]*ngày[ ]+(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})",
    re.I)
_PLACE_WORD = re.compile(
    r"[" + UPPER + r"][\w'-]*|" + "|".join(sorted({w for t in gz.TYPE_WORDS for w in t.split()}))
    + "|" + "|".join(v + r"\." for a in gz.TYPE_ABBREVIATIONS for v in (a.upper(), a.capitalize())))


def _trim_place(s: str) -> tuple[int, str]:
    """Cut what precedes the place on its line (a symbol, the motto); (offset, place)."""
    cut = 0
    for pat in _header_noise():
        for m in pat.finditer(s):
            cut = max(cut, m.end())
    for m in re.finditer(r"(?:Số|SỐ)[ ]*:[ ]*\S*", s):
        cut = max(cut, m.end())
    words = list(re.finditer(r"\S+", s[cut:]))
    last = len(words)
    if last > 1 and re.fullmatch(r"\d{1,2}", words[-1].group(0)):
        last -= 1                       # a unit numbered after its name: "Hà Giang 1", "Phường 3"
    # keep the last run of words that may be a place name (capitalized, or a unit word)
    keep = last
    for i in range(last - 1, -1, -1):
        if _PLACE_WORD.fullmatch(words[i].group(0)) or words[i].group(0)[0].isupper():
            keep = i
        else:
            break
    if keep >= last:
        return len(s), ""
    if len(words) - keep > 7:
        keep = len(words) - 7
    a = cut + words[keep].start()
    return a, s[a:].strip()


def find_date_line(text: str, lines: list[Line]) -> dict | None:
    """{"date": Found, "place": Found, "line": Line} from the header's place and date line."""
    for idx, ln in enumerate(lines[:HEADER_LINES + 20]):
        for m in _DATE.finditer(ln.text):
            g = m.groupdict()
            if g.get("y"):
                place_raw, d, mo, y = g["place"], g["d"], g["m"], g["y"]
                pstart = m.start("place")
            else:
                place_raw, d, mo, y = g["place2"], g["d2"], g["m2"], g["y2"]
                pstart = m.start("place2")
            off, place = _trim_place(place_raw)
            if not place or not place[0].isupper() or any(c.isdigit() for c in re.sub(r" \d{1,2}$", "", place)):
                continue
            if (d and not 1 <= int(d) <= 31) or (mo and not 1 <= int(mo) <= 12):
                continue
            iso = y + (f"-{int(mo):02d}" + (f"-{int(d):02d}" if d else "") if mo else "")
            pa = ln.start + pstart + off
            pb = pa + len(place)
            # a place wrapped over two lines: "Thành phố Hồ Chí" / "Minh, ngày …"
            if idx > 0 and not ln.blank_before and m.start() == 0 and off == 0:
                prev = lines[idx - 1]
                joined = prev.text + " " + place
                if (len(prev.text.split()) <= 5 and not re.search(r"[.;:,!?]$", prev.text)
                        and not is_caps(prev.text) and _is_place(joined) and not _is_place(place)):
                    place, pa = joined, prev.start
            return {"date": Found(iso, ln.start + m.start(), ln.start + m.end()),
                    "place": Found(place, pa, pb), "line": ln}
    return None


def _is_place(name: str) -> bool:
    typ, bare = gz.split_type(name)
    g = gz.gazetteer()
    return bool(g.find(bare, "province") or g.find(bare, "district"))


# --- doc type --------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _type_line_re() -> re.Pattern:
    names = [r["name"] for r in doc_types()]
    return re.compile(r"^(?P<type>" + alternation(names) + r")(?![\w])[ ]*(?P<rest>.*)$", re.I)


def _type_line(ln: Line) -> tuple[str, str] | None:
    """(type name, rest of the line) when ``ln`` is a type line: ``CÔNG ĐIỆN``, ``KẾ HOẠCH``."""
    m = _type_line_re().match(ln.text)
    if not m:
        return None
    rest = m.group("rest").strip()
    # the type in capitals; its title in capitals too, or in small letters where a reader
    # joined the title's line onto it ("KẾ HOẠCH tổ chức Đại hội …")
    if not is_caps(m.group("type")) or not (is_caps(ln.text) or rest[:1].islower()):
        return None
    if rest.endswith(":"):          # "QUYẾT ĐỊNH:" opens the articles of a decision
        return None
    if rest and key(rest) in _stamps():
        rest = ""
    return m.group("type"), rest


# --- the header zone -------------------------------------------------------------------------
def _cues(kind: str) -> list[str]:
    return [r["phrase"] for r in load_tsv("header_cues.tsv") if r["kind"] == kind]


_SUBJECT_LEAD = re.compile(r"^(?:" + alternation(_cues("summary")) + r")(?![\w])[ :.]*", re.I)
# the body has begun: a cue phrase, an article or chapter, a numbered item, a công điện's
# "… điện:" list
_SENDS = alternation(r["phrase"] for r in load_tsv("parties_lists.tsv") if r["after_caps"] == "1")
_BODY_START = re.compile(
    r"^(?:-[ ]*)?(?:" + alternation(_cues("body")) + r")(?![\w])|^(?:Điều[ ]+\d|Chương[ ]+[IVXLC\d])"
    r"|^(?:\d+|[IVXLC]+)[.)][ ]|[ ](?:" + _SENDS + r")[ ]*:", re.I)


def _noise_stripped(s: str) -> str:
    for pat in _header_noise():
        s = pat.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip()


_CC_OPENER = re.compile(r"^[-+•]?[ ]*nơi[ ]+nhận(?![\w])", re.I)


def stamp_of(s: str) -> tuple[str, str] | None:
    """(field, value) when the line is an urgency or secrecy stamp: ``HỎA TỐC`` →
    ``("urgency", "hỏa tốc")``."""
    if len(s) > _STAMP_MAX:
        return None
    return _stamps().get(key(_STAMP_MARKS.sub("", s.strip())))


_STAMP_MARKS = re.compile(r"^[(\[]+|[)\].:!]+$")
_STAMP_MAX = 40         # a stamp with its brackets and spaces: longer lines are not stamps


def _header_zone(lines: list[Line], number_line: Line | None, date_line: Line | None) -> list[Line]:
    """Lines of the header's left column: before the first type line, summary or body line."""
    zone = []
    for ln in lines[:HEADER_LINES]:
        if ln is number_line or ln is date_line:
            if ln is number_line and not zone:
                # the issuer may share the number's line in a flattened layout
                head = ln.text[:ln.text.find("Số")].strip()
                if head and is_caps(_noise_stripped(head)):
                    zone.append(Line(ln.start, ln.start + len(head), head, ln.blank_before))
            continue
        if stamp_of(ln.text):
            continue
        stripped = _noise_stripped(ln.text)
        if not stripped or not any(c.isalpha() for c in stripped):
            continue
        if _type_line(ln) or _SUBJECT_LEAD.match(ln.text) or _BODY_START.search(ln.text):
            break
        if not is_caps(stripped):          # running text: the header has ended
            break
        zone.append(ln)
    return zone


def _strip_noise_line(ln: Line) -> Line | None:
    """The part of a header line that is not motto, gazette head or stamp (keeps offsets)."""
    s = ln.text
    spans = []
    for pat in _header_noise():
        spans += [m.span() for m in pat.finditer(s)]
    keep = [True] * len(s)
    for a, b in spans:
        for i in range(a, b):
            keep[i] = False
    segs = []
    i = 0
    while i < len(s):
        if keep[i]:
            j = i
            while j < len(s) and keep[j]:
                j += 1
            if s[i:j].strip():
                segs.append((i, j))
            i = j
        else:
            i += 1
    if not segs:
        return None
    a, b = segs[0]
    seg = s[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if not any(c.isalpha() for c in seg):
        return None
    return Line(ln.start + a + lead, ln.start + a + lead + len(seg), seg, ln.blank_before)


def _groups(zone: list[Line], era: str = gz.DEFAULT_ERA) -> list[list[Line]]:
    """Split the left column into bodies: a line that begins with a body's head word starts a
    new body ("UBND THÀNH PHỐ HÀ NỘI" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO"); other lines continue the one
    above ("ỦY BAN NHÂN DÂN" / "HUYỆN HƯƠNG HÓA")."""
    groups: list[list[Line]] = []
    for whole in zone:
        for ln in _split_joined(whole, _group_text(groups[-1]) if groups else "", era):
            if not groups or _body_re().match(ln.text):
                groups.append([ln])
            else:
                groups[-1].append(ln)
    # the gazette repeats the issuer above its header: drop a body equal to the next one
    out: list[list[Line]] = []
    for g in groups:
        if out and fold(_group_text(out[-1])) == fold(_group_text(g)):
            out[-1] = g
        else:
            out.append(g)
    return out


@lru_cache(maxsize=None)
def _inner_head_re() -> re.Pattern:
    return re.compile(r"(?<=\s)(?:" + alternation(r["head"] for r in load_tsv("header_bodies.tsv")) + r")(?![\w])",
                      re.I)


def _ends_with_unit(s: str, era: str) -> bool:
    """Does the body's name ``s`` end with a unit some map holds by that exact name?"""
    p = _parse_body(s, era)
    if not p["unit_name"]:
        return False
    levels = _unit_levels(p["unit_type"])
    fb = fold(gz.split_type(p["unit_name"])[1])
    for e in [era] + _other_eras(era):
        g = gz.gazetteer(e)
        if any(fold(u.name) == fb for lv in levels for u in g.find(p["unit_name"], lv)):
            return True
    return False


def _split_joined(ln: Line, above: str, era: str) -> list[Line]:
    """A body's line that a reader joined onto the line above it: ``TỈNH ỦY GIA LAI VĂN PHÒNG``,
    ``UBND TỈNH QUẢNG NAM VĂN PHÒNG`` — split where a unit's name ends and a body's head begins."""
    starts = _body_re().match(ln.text) is not None
    heads = [m.start() for m in _inner_head_re().finditer(ln.text)]
    if not heads:
        return [ln]
    whole = ln.text if starts else f"{above} {ln.text}"
    if _ends_with_unit(whole, era):
        return [ln]
    for p in heads:
        prefix = ln.text[:p].rstrip()
        if _ends_with_unit(prefix if starts else f"{above} {prefix}", era):
            rest = ln.text[p:]
            return [Line(ln.start, ln.start + len(prefix), prefix, ln.blank_before),
                    Line(ln.start + p, ln.end, rest, False)]
    return [ln]


def _group_text(g: list[Line]) -> str:
    return re.sub(r"\s+", " ", " ".join(ln.text for ln in g)).strip()


# --- issuer ----------------------------------------------------------------------------------
_UNIT_WORD = re.compile(r"(?<![\w])(" + alternation(gz.TYPE_WORDS) + "|" + "|".join(a + r"\." for a in gz.TYPE_ABBREVIATIONS)
                        + r"|tp)[ ]*(?<=[ .])(?=\S)", re.I)


def unit_phrase(u: gz.Unit, typ: str | None = None) -> str:
    """``huyện Hướng Hóa``, ``tỉnh Lai Châu``, ``Thành phố Hà Nội`` (a centrally-run city).
    ``typ``: the type word as printed, when it differs from the map's (a unit whose type changed)."""
    typ = typ or u.type
    if u.level == "province" and typ == "thành phố":
        typ = "Thành phố"
    return f"{typ} {u.name}"


def _other_eras(era: str) -> list[str]:
    """The other maps, nearest in time first: a unit a document names may belong to the map
    before or after its date (a draft dated across the 2025 reform, a misread year)."""
    at = gz.ERA_STARTS.get(era, "")
    return sorted((e for e in gz.ERAS if e != era), key=lambda e: abs(_days(gz.ERA_STARTS[e]) - _days(at)))


def _days(iso: str) -> int:
    y, m, d = (int(x or 0) for x in (iso + "--").split("-")[:3])
    return y * 372 + m * 31 + d


def _unit_levels(typ: str | None) -> tuple[str, ...]:
    return gz.TYPE_WORDS.get(key(typ), gz.LEVELS) if typ else ("province", "district")


def _resolve_in(g, typ: str | None, name: str, text: str, hint: gz.Unit | None, place: str | None,
                strict: bool) -> tuple[gz.Unit | None, bool]:
    """(unit, exact) in one map. ``strict``: the unit's type word must be the printed one;
    otherwise any unit of the levels that type word names, by its exact (accent-free) name —
    the type of a unit changes over time (huyện Điện Bàn became a thị xã in 2015)."""
    levels = _unit_levels(typ)
    types = None
    if strict and typ and key(typ) not in ("thành phố", "đặc khu"):
        types = (key(typ),)
    bare = gz.split_type(name)[1] if strict else name
    fb = fold(bare)
    if hint is not None and hint.era != g.era:
        hint = None
    for level in levels:
        within = None
        if hint is not None and level != "province":
            within = hint if hint.level in ("province", "district") else None
            if within is not None and within.level == "district" and level == "district":
                within = g.province_of(within)
        cands = g.find(name, level, within, types) if within else []
        if not cands:
            cands = g.find(name, level, None, types)
        if not strict:
            cands = [u for u in cands if fold(u.name) == fb]
        if not cands:
            continue
        exact = any(fold(u.name) == fb for u in cands)
        if len(cands) == 1:
            return cands[0], exact
        return _pick(cands, text, place), exact
    return None, False


def _resolve_unit(typ: str | None, name: str, era: str, text: str, hint: gz.Unit | None,
                  place: str | None) -> gz.Unit | None:
    """The administrative unit named ``typ name`` (``huyện``, ``HƯƠNG HÓA``), choosing among
    homonyms the one the document's place line and body point to. The map of the document's
    date is searched first; a name it does not hold is looked for, by the exact name, in the
    other maps (a ``TỈNH QUẢNG NAM`` in a document dated after the 2025 merger)."""
    for own, e in ((True, era), *((False, o) for o in _other_eras(era))):
        g = gz.gazetteer(e)
        unit, exact = _resolve_in(g, typ, name, text, hint, place, strict=True)
        if unit is not None and exact:
            return unit
        if typ:
            relaxed, _ = _resolve_in(g, typ, gz.split_type(name)[1], text, hint, place, strict=False)
            if relaxed is not None:
                return relaxed
        if own and unit is not None:                  # a near match in the document's own map
            return unit
    return None


def _pick(cands: list[gz.Unit], text: str, place: str | None) -> gz.Unit | None:
    """Among homonym units, the one whose province (and name) the document mentions most."""
    ft = " " + fold(text) + " "
    fp = fold(place) if place else ""

    def score(u: gz.Unit) -> tuple:
        prov = fold(u.province)
        return (fp == fold(u.name) or fp == prov, ft.count(" " + prov + " "))
    ranked = sorted(cands, key=score, reverse=True)
    if len(ranked) > 1 and score(ranked[0]) == score(ranked[1]):
        return None
    return ranked[0]


@lru_cache(maxsize=None)
def _not_units() -> re.Pattern:
    return re.compile(r"^(?:" + alternation(load_lines("header_not_units.txt")) + r")(?![\w])", re.I)


def _known_unit(name: str, levels: tuple[str, ...], era: str) -> bool:
    """Does any map (the document's first) hold a unit of these levels by this name?"""
    for e in [era] + _other_eras(era):
        g = gz.gazetteer(e)
        if any(g.find(name, lv) for lv in levels):
            return True
    return False


def _find_unit_in(s: str, era: str = gz.DEFAULT_ERA) -> tuple[int, str | None, str] | None:
    """The ``<type word> <name>`` that ends a body's name: (offset, type word, name). A unit
    the gazetteer does not know is taken only when nothing but it follows the head."""
    found = []
    for m in _UNIT_WORD.finditer(s):
        if _not_units().match(s[m.start():]):
            continue
        word = key(m.group(1)).rstrip(".")
        word = gz.TYPE_ABBREVIATIONS.get(word, word)
        found.append((m.start(), word, s[m.end():].strip(" ,.")))
    for cand in reversed(found):
        if _known_unit(cand[2], gz.TYPE_WORDS.get(cand[1], gz.LEVELS), era):
            return cand
    if found and found[0][0] == 0:
        return found[0]
    return None


@lru_cache(maxsize=None)
def _body_row(head: str) -> dict | None:
    k = key(head)
    for hk, r in _bodies():
        if hk == k:
            return r
    return None


def _parse_body(s: str, era: str = gz.DEFAULT_ERA) -> dict:
    """{head, head_name, level, field, unit_type, unit_name, implied, row} of a body's name.
    A Party committee names its unit without the type word: ``TỈNH ỦY QUẢNG NAM``, ``HUYỆN ỦY
    ĐẠI LỘC`` (the type is implied by the head: header_bodies.tsv, column unit)."""
    m = _body_re().match(s)
    head, head_name, level, row = None, None, None, None
    rest = s
    if m:
        head = m.group(0)
        row = _body_row(head)
        if row is not None:
            head_name, level = row["name"], (row["level"] or None)
        rest = s[m.end():].strip()
    unit = _find_unit_in(rest, era)
    field = rest
    unit_type = unit_name = None
    implied = False
    if unit:
        field = rest[:unit[0]].strip(" ,-")
        unit_type, unit_name = unit[1], unit[2]
    elif row is not None and row.get("unit") and rest:
        field, unit_type, unit_name, implied = "", row["unit"], rest.strip(" ,."), True
    return {"head": head, "head_name": head_name, "level": level, "field": field,
            "unit_type": unit_type, "unit_name": unit_name, "implied": implied, "row": row}


def canonical_name(s: str) -> tuple[str, str | None]:
    """(canonical spelling, level) of a body's name without its unit: ``BỘ XÂY DỰNG`` →
    ``Bộ Xây dựng``, central."""
    known = _known_names().get(fold(s))
    if known:
        return known["name"], known["level"] or None
    p = _parse_body(s)
    if p["head_name"]:
        name = p["head_name"] + (" " + field_case(p["field"]) if p["field"] else "")
        return name, p["level"]
    return (field_case(s) if is_caps(s) else s), None


_LEVEL_OF_TYPE = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
                  "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune"}


def _committee_in_field(p: dict, place_unit: gz.Unit | None) -> dict | None:
    """The Party committee a body's name ends with, without its unit (``VĂN PHÒNG TỈNH ỦY``),
    when the place line names a unit of that committee's level."""
    if place_unit is None or not p["field"] or not p["head_name"]:
        return None
    inner = None
    for hm in _inner_head_re().finditer(" " + p["field"]):
        row = _body_row(hm.group(0))
        if row is not None and row.get("unit") and hm.end() == len(p["field"]) + 1:
            inner = row
    if inner is None:
        return None
    # "thành phố" (Thành ủy) names a city of either level
    return inner if _LEVEL_OF_TYPE.get(inner["unit"], place_unit.level) == place_unit.level else None


def _central_parent(parent_text: str) -> bool:
    known = _known_names().get(fold(parent_text))
    if known:
        return known["level"] == "central"
    return canonical_name(parent_text)[1] == "central"


def _printed_type(unit: gz.Unit, printed: str | None) -> str | None:
    """The type word as printed when the map gives the unit another type of the same level
    (a huyện that became a thị xã): a name is read as of the document's time."""
    typ = key(printed) if printed else None
    if typ in _LEVEL_OF_TYPE and typ != unit.type and _LEVEL_OF_TYPE[typ] == unit.level:
        return typ
    return None


def _as_printed(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.lower().split()) if is_caps(name) else name


def _build_issuer(group_text: str, parent_text: str | None, era: str, text: str,
                  place: str | None) -> dict:
    """{name, level, province, district[, commune]} of the body ``group_text`` under the
    body ``parent_text``. A body under a People's Committee is named after the unit (``Sở Y tế
    tỉnh Quảng Nam``); a body under a Party committee or a People's Council, and an office
    (``Văn phòng``), after the body above it (``Ban Tuyên giáo Tỉnh ủy Quảng Nam``)."""
    known = _known_names().get(fold(group_text))
    if known and known["level"] == "central":
        return {"name": known["name"], "level": "central", "province": None, "district": None}
    p = _parse_body(group_text, era)
    parent_unit = None
    parent_issuer = None
    pp = None
    if parent_text:
        pp = _parse_body(parent_text, era)
        if pp["unit_name"]:
            parent_unit = _resolve_unit(pp["unit_type"], pp["unit_name"], era, text, None, place)
    place_unit = None
    if place:
        ptyp, pbare = gz.split_type(place)
        place_unit = _resolve_unit(ptyp, pbare, era, text, None, None)
    unit = None
    if p["unit_name"]:
        unit = _resolve_unit(p["unit_type"], p["unit_name"], era, text, parent_unit or place_unit, place)
    name_base, known_level = canonical_name(_strip_unit_tail(group_text, era) if p["unit_name"] and not p["implied"]
                                            else (p["head"] if p["implied"] else group_text))
    level = None
    province = district = commune = None
    if unit is not None:
        if p["implied"]:
            name = f"{name_base} {unit.name}"          # Tỉnh ủy Quảng Nam, Huyện ủy Đại Lộc
        else:
            name = f"{name_base} {unit_phrase(unit, _printed_type(unit, p['unit_type']))}"
        level = unit.level
        province = unit.province
        district = unit.district if unit.level in ("district", "commune") else None
        commune = unit.name if unit.level == "commune" else None
    elif p["unit_name"]:
        # a unit the gazetteer cannot place (a homonym, a unit of another era): as printed
        typ = key(p["unit_type"])
        name = f"{name_base} {_as_printed(p['unit_name'])}" if p["implied"] else \
            f"{name_base} {typ} {_as_printed(p['unit_name'])}"
        level = _LEVEL_OF_TYPE.get(typ, known_level)
        if parent_unit is not None:
            province = parent_unit.province
    else:
        level = known_level
        host = parent_unit
        if host is None and place_unit is not None and level in ("province", "district") \
                and place_unit.level == level:
            host = place_unit
        by_parent = parent_text and level != "central" and (
            (pp["row"] or {}).get("under") == "body" or (p["row"] or {}).get("own") == "body")
        if by_parent:
            parent_issuer = _build_issuer(parent_text, None, era, text, place)
        if parent_issuer is not None and parent_issuer["level"] != "other":
            name = f"{name_base} {parent_issuer['name']}"
            province, district = parent_issuer["province"], parent_issuer["district"]
            commune = parent_issuer.get("commune")
            level = level or parent_issuer["level"]
        elif _committee_in_field(p, place_unit) is not None:
            # "VĂN PHÒNG TỈNH ỦY", "BAN TỔ CHỨC HUYỆN ỦY": the committee's unit is the place's
            name = f"{name_base} {place_unit.name}"
            level, province = place_unit.level, place_unit.province
            district = place_unit.district if place_unit.level == "district" else None
        elif host is not None and level != "central":
            printed = pp["unit_type"] if host is parent_unit and not pp["implied"] else None
            name = f"{name_base} {unit_phrase(host, _printed_type(host, printed))}"
            province = host.province
            if host.level in ("district", "commune"):
                district = host.district
            if host.level == "commune":
                commune = host.name
            if level is None:
                level = host.level
        else:
            name = name_base
            if level is None and parent_text and _central_parent(parent_text):
                level = "central"               # a hospital, school or institute of a ministry
    if level is None:
        level = "other"
    out = {"name": name, "level": level, "province": province, "district": district}
    if commune:
        out["commune"] = commune
    return out


def _strip_unit_tail(s: str, era: str = gz.DEFAULT_ERA) -> str:
    u = _find_unit_in(s, era)
    if u is None:
        return s
    return s[:u[0]].strip(" ,-")


def _self_mention(body: dict) -> re.Pattern:
    """How a body names itself in its own text: ``UBND tỉnh``, ``Ủy ban nhân dân huyện`` —
    the head and a unit's type word that no name follows."""
    heads = {body["head"], body["name"]}
    heads.update(r["head"] for r in load_tsv("header_bodies.tsv") if r["name"] == body["name"])
    return re.compile(r"(?<![\w])(?:" + alternation(heads) + r")[ ]+(" + alternation(gz.TYPE_WORDS)
                      + r")(?![\w])(?![ ]+[" + UPPER + r"\d])", re.I)


def _infer_issuer(text: str, symbol: str | None, place: Found | None, era: str) -> dict | None:
    """The issuer of a document whose header block is lost, from the abbreviation in its
    symbol (``UBND-CT``), the place line, and how the body names its own level (``UBND tỉnh``)."""
    abbr = issuer_abbreviation(symbol)
    if not abbr:
        return None
    known = [r for r in load_tsv("header_names.tsv") if r.get("abbr") and r["abbr"] == abbr]
    if len(known) == 1:
        r = known[0]
        if r["level"] == "central":
            return {"name": r["name"], "level": "central", "province": None, "district": None}
        if place:
            ptyp, pbare = gz.split_type(place.value)
            host = _resolve_unit(ptyp, pbare, era, text, None, place.value)
            if host is not None and host.level == r["level"]:
                return {"name": f"{r['name']} {unit_phrase(host)}", "level": host.level,
                        "province": host.province,
                        "district": host.district if host.level == "district" else None}
    body = None
    for k, r in _bodies():
        if k == key(abbr):
            body = r
            break
    if body is None or not place:
        return None
    counts: dict[str, int] = {}
    for m in _self_mention(body).finditer(text):
        w = key(m.group(1))
        counts[w] = counts.get(w, 0) + 1
    if not counts:
        return None
    word = max(counts, key=counts.get)
    ptyp, pbare = gz.split_type(place.value)
    unit = _resolve_unit(word, pbare, era, text, None, place.value)
    if unit is None:
        return None
    return {"name": f"{body['name']} {unit_phrase(unit)}", "level": unit.level,
            "province": unit.province,
            "district": unit.district if unit.level in ("district", "commune") else None}


# --- subject ---------------------------------------------------------------------------------
_SUBJECT_STOP = re.compile(r"(?:" + _SENDS + r")[ ]*:|^(?:-[ ]*)?(?:" + alternation(_cues("body")) + r")(?![\w])[ ]*:?",
                           re.I)


def _subject_from(lines: list[Line], i: int, lead_cut: int, text: str) -> Found | None:
    """The summary or title starting at ``lines[i]`` (after ``lead_cut`` characters), with the
    lines it wraps onto."""
    first = lines[i]
    a = first.start + lead_cut
    b = first.end
    caps = is_caps(first.text[lead_cut:]) if first.text[lead_cut:].strip() else None
    j = i + 1
    if caps is None:                                  # "V/v" alone on its line
        if j >= len(lines):
            return None
        a, b = lines[j].start, lines[j].end
        caps = is_caps(lines[j].text)
        j += 1
    while j < len(lines):
        ln = lines[j]
        tl = _type_line(ln)
        if ln.blank_before or _SUBJECT_STOP.search(ln.text) or stamp_of(ln.text) or (tl and not tl[1]):
            break
        if _noise_stripped(ln.text) != " ".join(ln.text.split()):
            break                                     # the motto of the other column
        if caps:
            # the enacting line under a decision's title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"
            starts_body = _body_re().match(ln.text) or _office_re().match(ln.text)
            if not is_caps(ln.text) or starts_body and not _continues(text[a:b]):
                break
        elif not (ln.text[0].islower() or _continues(text[a:b])):
            break
        if _DATE.search(ln.text) or _NUMBER_LINE.search(ln.text):
            break
        b = ln.end
        j += 1
    raw = text[a:b]
    dm = _DATE.search(raw)
    if dm:                                            # "V/v … Quảng Nam, ngày …" on one line
        g = "place" if dm.group("place") is not None else "place2"
        raw = raw[:dm.start(g) + _trim_place(dm.group(g))[0]]
    value = re.sub(r"\s*\n\s*", " ", raw).strip().rstrip(".;: ")
    if not value:
        return None
    if caps:
        value = sentence_case(value, first_upper=lead_cut == 0)
    return Found(value, a, a + len(raw.rstrip().rstrip(".;: ")))


def _continues(s: str) -> bool:
    """Does a title line end in the middle of a phrase (a joining word, a comma)?"""
    return bool(_JOINING.search(s.strip()))


_JOINING = re.compile(r"(?:[,\-(/&]|(?<![\w])(?:" + alternation(_cues("joining")) + r"))$", re.I)


@lru_cache(maxsize=None)
def _office_re() -> re.Pattern:
    """A line that begins with an office holder's title (parties_titles.tsv)."""
    return re.compile(r"^(?:" + alternation(r["title"] for r in load_tsv("parties_titles.tsv")) + r")(?![\w])",
                      re.I)


def find_subject(text: str, lines: list[Line], type_idx: int | None,
                 symbol: Found | None = None) -> Found | None:
    if symbol is not None:
        # a flattened layout may print the summary after the symbol: "Số: 12/UBND-VP V/v …"
        for i, ln in enumerate(lines):
            if ln.start <= symbol.end <= ln.end:
                rest = text[symbol.end:ln.end]
                m = _SUBJECT_LEAD.match(rest.lstrip())
                if m and rest.strip():
                    cut = symbol.end - ln.start + (len(rest) - len(rest.lstrip())) + m.end()
                    return _subject_from(lines, i, cut, text)
                break
    for i, ln in enumerate(lines[:HEADER_LINES]):
        m = _SUBJECT_LEAD.match(ln.text)
        if m:
            return _subject_from(lines, i, m.end(), text)
        if _BODY_START.search(ln.text) and (type_idx is None or i > type_idx):
            break
    if type_idx is not None:
        tl = _type_line(lines[type_idx])
        if tl and tl[1]:
            cut = len(lines[type_idx].text) - len(tl[1])
            return _subject_from(lines, type_idx, cut, text)
        j = type_idx + 1
        while j < len(lines) and stamp_of(lines[j].text):
            j += 1
        if j < len(lines) and not _BODY_START.search(lines[j].text):
            m = _SUBJECT_LEAD.match(lines[j].text)
            return _subject_from(lines, j, m.end() if m else 0, text)
    return None


# --- the extractor ---------------------------------------------------------------------------
def extract_header(t) -> dict[str, Found | None]:
    """Fields: doc_type, doc_type_code, number, symbol, issued_date, place, issuer, parent,
    subject, urgency, secrecy. ``issuer`` is a Found whose value is a dict
    {name, level, province, district}."""
    text = t.text if hasattr(t, "text") else str(t)
    lines = lines_of(text)
    head = lines[:HEADER_LINES + 20]
    out: dict[str, Found | None] = {k: None for k in (
        "doc_type", "doc_type_code", "number", "symbol", "issued_date", "place", "issuer",
        "parent", "subject", "urgency", "secrecy")}

    number, symbol, number_line = find_number_line(text, head)
    out["number"], out["symbol"] = number, symbol
    dl = find_date_line(text, head)
    date_line = dl["line"] if dl else None
    if dl:
        out["issued_date"], out["place"] = dl["date"], dl["place"]
    era = gz.era_for(dl["date"].value if dl else None)

    # type: the type line, else the symbol's abbreviation
    type_idx = None
    seen_summary = False
    for i, ln in enumerate(head[:HEADER_LINES]):
        tl = _type_line(ln)
        # "KẾ HOẠCH" alone; "KẾ HOẠCH PHÒNG CHỐNG …" only where no "V/V" line wraps onto it
        if tl and not (tl[1] and seen_summary):
            type_idx = i
            break
        if _SUBJECT_LEAD.match(ln.text):
            seen_summary = True
        elif _BODY_START.search(ln.text):
            break
    has_summary = any(_SUBJECT_LEAD.match(ln.text) for ln in head[:HEADER_LINES])
    code = code_of_symbol(symbol.value if symbol else None)
    if type_idx is not None:
        ln = head[type_idx]
        tname = _type_line(ln)[0]
        row = _type_by_name().get(key(tname))
        out["doc_type"] = Found(row["name"] if row else tname, ln.start, ln.start + len(tname))
        tcode = row["code"] if row else None
        if tcode == "CV":
            tcode = None
        out["doc_type_code"] = Found(tcode, ln.start, ln.start + len(tname)) if tcode else None
    elif code and code != "CV" and not (has_summary and type_of_code(code)["legal"] == "1"):
        row = type_of_code(code)
        out["doc_type"] = Found(row["name"], symbol.start, symbol.end)
        out["doc_type_code"] = Found(code, symbol.start, symbol.end)
    elif symbol or has_summary:
        cv = _type_by_code()["CV"]["name"]
        at = symbol or next(Found(None, ln.start, ln.end) for ln in head if _SUBJECT_LEAD.match(ln.text))
        out["doc_type"] = Found(cv, at.start, at.end)

    # stamps: on a line of their own, beside the motto or after the number in a flattened row
    for ln in head[:HEADER_LINES]:
        if _CC_OPENER.match(ln.text):
            break
        a, b = ln.start, ln.end
        st = stamp_of(ln.text)
        if st is None and ln is number_line and symbol is not None:
            tail = text[symbol.end:ln.end]
            st = stamp_of(tail)
            a = symbol.end + len(tail) - len(tail.lstrip())
        if st is None and is_caps(ln.text):
            rest = _noise_stripped(ln.text)
            if rest != ln.text:
                st = stamp_of(rest)
                a = ln.start + max(ln.text.find(rest), 0)
                b = a + len(rest)
        if st and out[st[0]] is None:
            out[st[0]] = Found(st[1], a, b)

    # issuer and parent
    zone = []
    for ln in _header_zone(head, number_line, date_line):
        s = _strip_noise_line(ln)
        if s is not None and is_caps(s.text):
            zone.append(s)
    if not zone and number_line is not None:
        # a flattened layout may put the left column anywhere: take the capitals lines right
        # above the number
        k = head.index(number_line)
        above = []
        for ln in reversed(head[:k]):
            s = _strip_noise_line(ln)
            if s is None or stamp_of(ln.text):
                continue
            if not is_caps(s.text) or _type_line(ln):
                break
            above.insert(0, s)
        zone = above
    groups = _groups(zone, era)
    place = out["place"].value if out["place"] else None
    if groups:
        g = groups[-1]
        parent = groups[-2] if len(groups) > 1 else None
        value = _build_issuer(_group_text(g), _group_text(parent) if parent else None, era, text, place)
        if value["level"] == "other" and not value["province"] and not parent:
            # "ỦY BAN NHÂN DÂN" with its unit's line lost: read the unit as for a lost header
            inferred = _infer_issuer(text, symbol.value if symbol else None, out["place"], era)
            if inferred and fold(inferred["name"]).startswith(fold(value["name"])):
                value = inferred
        out["issuer"] = Found(value, g[0].start, g[-1].end)
        if parent:
            out["parent"] = Found(_group_text(parent), parent[0].start, parent[-1].end)
    else:
        value = _infer_issuer(text, symbol.value if symbol else None, out["place"], era)
        if value:
            at = out["place"] or out["symbol"]       # a central body known by its symbol alone
            out["issuer"] = Found(value, at.start, at.end)

    out["subject"] = find_subject(text, head, type_idx, symbol)
    return out
