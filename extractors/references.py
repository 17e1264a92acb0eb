"""References to other documents, resolved to one identity, with their relation.

A dispatch cites the documents it carries out and the ones it follows up:

    Thực hiện Chỉ thị số 05/CT-TTg ngày 28 tháng 01 năm 2021 của Thủ tướng Chính phủ về …
    … tiếp theo các Công điện số 217/CĐ-TTg, 218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025
    Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;
    Ngày 30/7/2020, UBND tỉnh đã có Công văn số 6751/UBND-CT về triển khai ứng dụng Bluezone

Every citation is anchored on its số/ký hiệu (``978/UBND-VP``, ``30/2020/NĐ-CP``,
``213-KL/TW``); around it are read the type (the word before it, or the type part of the
symbol), the date, the issuer (``của …`` after it, ``của … tại`` before it, or the issuer part
of the symbol) and the trích yếu (``về …``). A list shares what its members leave out: one type
("các Công điện số 217/CĐ-TTg, 218/CĐ-TTg") and one issuer ("… số 010/CĐ-UBND ngày 20/11/2025
của UBND tỉnh"). A date is shared more carefully, as a clerk reads it:

- one date after a whole list ("các Công điện số 217/CĐ-TTg, 218/CĐ-TTg, 219/CĐ-TTg và
  222/CĐ-TTg ngày 19/11/2025") is the last document's: writers close a list of documents of
  different days with the latest date, and nothing says which of the others share it;
- "cùng ngày …" / "đều ngày …" after a list dates every member;
- in a list whose members are dated one by one ("số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND
  và số 009/CĐ-UBND ngày 19/11/2025; …"), the writer groups the documents by day, so an
  undated member takes the date of the group it is joined to.

The relation comes from the cue before the citation (data: reference_cues.tsv) and from who
issued the cited document: an earlier dispatch of the citing body itself is a follow-up
(``follows_up``), whatever the verb; a pointer inside a sentence ("theo quy định tại Điều 5
Nghị định số …", "thay thế Quyết định số …") only refers to it; see ``_relation``.

Where the text leaves the place of a body out ("UBND tỉnh", "Sở Nội vụ", a bare ``UBND``
symbol), it is the citing document's own (its province, district or commune).

Number and symbol follow the gold convention: the number is the digits before the first ``/``
(or the ``-`` of a Party document), the symbol all after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.base import Found, alternation, fold as _fold_uncached, key, load_lines, load_tsv, new_tones

# the same few names and symbols are folded again and again: a pure function, cached
fold = lru_cache(maxsize=8192)(_fold_uncached)

RELATIONS = ("implements", "follows_up", "requested_by", "references")
RELATION_VI = {"implements": "thực hiện", "follows_up": "tiếp theo",
               "requested_by": "theo đề nghị", "references": "tham chiếu"}

# --- the số/ký hiệu -----------------------------------------------------------------------------
_LOWER = "a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
_UPPER = _LOWER.upper()
_PART = r"[^\W\d_][^\W_]*"                         # a letter, then letters or digits: CĐ, TTg, QH15
_YEAR = r"(?:19|20)\d\d/\s?"
# a symbol broken after its dash or year at the end of a line or table cell ("05/2023/TT-⏎BLĐTBXH",
# "17/2014/⏎TTLT-BLĐTBXH-BTC") goes on in capitals on the next line
_BREAK = r"[ \t]*\n\s*(?=[" + _UPPER + r"]{2})"
_DASH = r"(?:\s?-\s?|-" + _BREAK + r")"
_NUMSYM = re.compile(
    r"(?<![\w/.,:\-])(\d{1,6})(?:"
    r"\s?/\s?((?:" + _YEAR + r"(?:" + _BREAK + r")?)?" + _PART + r"(?:" + _DASH + _PART + r")*)"   # 978/UBND-VP, 30/2020/NĐ-CP
    r"|-(" + _PART + r"/" + _PART + r"))"                                  # 213-KL/TW (Party)
    r"(?![\w/])"
)
_DATE = (r"(?:(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)"
         r"|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d))")
_DATE_AFTER = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?(?:(?:cùng|đều)\s+)?ngày\s+" + _DATE, re.I)
_SHARED_DATE = re.compile(r"(?i)(?:cùng|đều)\s+ngày")
_OF = re.compile(r"\s*,?\s*của\s+", re.I)
_LEVEL_WORDS = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)"


def _upper_count(s: str) -> int:
    return sum(c.isupper() for c in s)


def _valid_symbol(sym: str) -> bool:
    """A symbol is made of abbreviations: each part starts with a capital, the first has two
    (``CĐ``, ``TTg``, ``QH15``) or is a type code however typed (``Qđ``), so ``237/Ngày`` of a
    gazette page header is not one."""
    parts = [p for p in re.split(r"\s?[-/]\s?", sym) if p and not p.isdigit()]
    if not parts:
        return False
    if any(not p[0].isupper() for p in parts):
        return False
    return _upper_count(parts[0]) >= 2 or type_code(parts[0]) is not None    # "Qđ-UBND" retyped


def _lookup(table: dict, loose: dict, part: str):
    """A symbol part in a table of abbreviations: as printed, then in any case, then without
    diacritics (``QD`` for ``QĐ``, ``BLDTBXH`` for ``BLĐTBXH``: symbols are often retyped
    without Đ); a loose form shared by two entries (``HD``: Hướng dẫn, Hợp đồng) is no match."""
    hit = table.get(part)
    if hit is None:
        hits = loose.get(key(part)) or loose.get(fold(part)) or ()
        hit = hits[0] if len(hits) == 1 else None
    return hit


def _loose_index(keys) -> dict:
    out: dict[str, list] = {}
    for k in keys:
        for form in {key(k), fold(k)}:
            if k not in out.setdefault(form, []):
                out[form].append(k)
    return out


def type_code(part: str) -> str | None:
    """The type code a symbol part stands for (``CĐ``, ``Cđ``, ``CD`` → ``CĐ``), or None."""
    _, codes = _types()
    return part if part in codes else _lookup({}, _code_index(), part)


def split_symbol(sym: str) -> dict:
    """The parts of a symbol: ``2020/NĐ-CP`` → year 2020, type code NĐ, issuer parts [CP]."""
    parts = [p for p in re.split(r"\s?[-/]\s?", sym or "") if p]
    year = None
    if parts and re.fullmatch(r"(?:19|20)\d\d", parts[0]):
        year = parts.pop(0)
    code = None
    if len(parts) > 1:
        code = type_code(parts[0])
        if code:
            parts.pop(0)
    return {"year": year, "code": code, "issuers": parts}


def parse_date(groups) -> str | None:
    d, m, y = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    try:
        d, m, y = int(d), int(m), int(y)
    except (TypeError, ValueError):
        return None
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


# --- data ----------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _types():
    """key(phrase) → (type name, kind, named); and type code → type name."""
    rows: dict[str, tuple[str, str, bool]] = {}
    codes: dict[str, str] = {}
    for r in load_tsv("doc_types.tsv"):
        rows[key(r["name"])] = (r["name"], "normative", False)
        codes[r["code"]] = r["name"]
    for r in load_tsv("reference_doc_types.tsv"):
        rows[key(r["phrase"])] = (r["name"], r.get("kind") or "normative", (r.get("named") or "") == "1")
    return rows, codes


def type_kind(name: str | None) -> str:
    rows, _ = _types()
    hit = rows.get(key(name))
    return hit[1] if hit else "normative"


@lru_cache(maxsize=None)
def _type_phrases() -> tuple[str, ...]:
    out = [r["name"] for r in load_tsv("doc_types.tsv")]
    out += [r["phrase"] for r in load_tsv("reference_doc_types.tsv")]
    return tuple(out)


@lru_cache(maxsize=None)
def _type_before() -> re.Pattern:
    """A type word right before the number: ``Công văn số``, ``Các Công điện: số``, ``Quyết định``."""
    return re.compile(r"(?i)(?<![\w])(?:(?:các|những)\s+)?(" + alternation(_type_phrases()) + r")"
                      r"\s*(?::\s*)?(?:số\s*)?(?::\s*)?$")


@lru_cache(maxsize=None)
def _named_before() -> re.Pattern:
    """A named legal document: ``Luật Điện lực số``, ``Luật An toàn, vệ sinh lao động số``."""
    named = [r["phrase"] for r in load_tsv("reference_doc_types.tsv") if (r.get("named") or "") == "1"]
    return re.compile(r"(?<![\w])(" + alternation(named) + r")\s+([^\n;:()\d/]{1,100}?)\s+số\s*$")


_NUMBER_CANDIDATE = re.compile(r"\d+\s?[/-]")       # where a số/ký hiệu may start (a fast first pass)
_OWN_NUMBER_LINE = re.compile(r"(?i)(?:^|\n)[ \t]*số\s*:\s*\Z")
_SO_BEFORE = re.compile(r"(?i)(?<![\w])số\s*:?\s*$")


@lru_cache(maxsize=None)
def _not_document() -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + alternation(load_lines("reference_not_documents.txt")) +
                      r")[\s/]*(?:số\s*)?$")


@lru_cache(maxsize=None)
def _cues() -> tuple[re.Pattern, dict[str, str], frozenset]:
    rows = load_tsv("reference_cues.tsv")
    classes = {key(r["phrase"]): r["class"] for r in rows}
    opening = frozenset(key(r["phrase"]) for r in rows if (r.get("where") or "") == "opening")
    pat = re.compile(r"(?i)(?<![\w])(?:" + alternation([r["phrase"] for r in rows]) + r")(?![\w])")
    return pat, classes, opening


@lru_cache(maxsize=None)
def _code_index() -> dict:
    return _loose_index(_types()[1])


@lru_cache(maxsize=None)
def _issuer_table() -> dict[str, dict]:
    return {r["symbol"]: r for r in load_tsv("issuer_symbols.tsv")}


@lru_cache(maxsize=None)
def _issuer_index() -> dict:
    table = _issuer_table()
    return {k: [table[s] for s in v] for k, v in _loose_index(table).items()}


@lru_cache(maxsize=None)
def _bodies() -> tuple[tuple[str, str], ...]:
    rows = [(r["prefix"], r["scope"]) for r in load_tsv("reference_bodies.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _folded_bodies() -> tuple[tuple[str, str], ...]:
    return tuple((fold(p), scope) for p, scope in _bodies())


@lru_cache(maxsize=None)
def _body_start() -> re.Pattern:
    names = [p for p, _ in _bodies()] + [r["abbr"] for r in load_tsv("reference_abbreviations.tsv")]
    return re.compile(r"(?:" + alternation(names) + r")(?![\w])")


@lru_cache(maxsize=None)
def _known_names() -> re.Pattern:
    """Full names of bodies, read whole even where they hold a comma or a dash ("Bộ Văn hóa,
    Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội", also printed "Bộ Lao động,
    Thương binh và Xã hội") or run over a line or table cell ("Thủ tướng⏎Chính phủ"), after an
    optional title ("Bộ trưởng Bộ …")."""
    names = {re.sub(r"\s*\{\w+\}", "", r["name"]).strip() for r in load_tsv("issuer_symbols.tsv")}
    names |= {r["full"] for r in load_tsv("reference_abbreviations.tsv")}
    names = [n for n in names if " " in n]
    alt = alternation(names).replace(r"\s+\-\s+", r"\s*[-,]?\s+").replace(r",\s+", r"\s*[-,]?\s+")
    return re.compile(r"(?i)(?:(?:" + alternation(load_lines("reference_titles.txt")) + r")\s+)?"
                      r"(?P<name>" + alt + r")(?![\w])")


@lru_cache(maxsize=None)
def _central_names() -> frozenset:
    """Names of national bodies: complete as they stand (nothing of a place follows them)."""
    return frozenset(fold(r["name"]) for r in load_tsv("issuer_symbols.tsv") if r["level"] == "central")


@lru_cache(maxsize=None)
def _issuer_stop(caps: bool = False) -> re.Pattern:
    """Where a body's name ends. Stop words are matched as written (``chỉ đạo`` ends a name,
    ``Ban Chỉ đạo`` does not), or in any case on a line printed in capitals."""
    words = alternation(load_lines("reference_issuer_stops.txt"))
    types = alternation(_type_phrases())
    return re.compile(
        r"\s*[,;:()\[\]“”\"]|\.(?:\s|$)|\n(?![ \t\n]*[" + _LOWER + r"])"   # a line going on in lower case
        r"|\s+(?" + ("i" if caps else "") + ":" + words + r")(?![\w])"
        r"|\s+và\s+(?=[" + _LOWER + r"\d]|(?:" + types + r"|số)(?![\w])|" + _body_start().pattern + r")"
    )


@lru_cache(maxsize=None)
def _abbreviations() -> tuple[tuple[re.Pattern, str], ...]:
    rows = sorted(load_tsv("reference_abbreviations.tsv"), key=lambda r: -len(r["abbr"]))
    out = []
    for r in rows:
        a = re.escape(r["abbr"])
        tail = r"(?=\s|$)" if r["abbr"].endswith(".") else r"(?![\w&])"
        out.append((re.compile(r"(?<![\w&])" + a + tail), r["full"]))
    return tuple(out)


@lru_cache(maxsize=None)
def _titles() -> re.Pattern:
    return re.compile(r"(?i)^(?:" + alternation(load_lines("reference_titles.txt")) + r")\s+")


@lru_cache(maxsize=None)
def _subject_lead() -> re.Pattern:
    return re.compile(r"\s*,?\s*(" + alternation(load_lines("reference_subject_leads.txt")) + r")(?=\s)")


# --- places ----------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _central_cities() -> frozenset:
    return frozenset(fold(c) for c in load_lines("reference_central_cities.txt"))


def _central_city(province: str | None) -> bool:
    return bool(province) and fold(province) in _central_cities()


_COMMUNE_IN_NAME = re.compile(r"(?i)(?<![\w])(xã|phường|thị\s+trấn|đặc\s+khu)\s+(\S.*)$")
_DISTRICT_WORDS = ("huyện", "quận", "thị xã", "thành phố")


def place_labels(ctx: dict) -> dict:
    """How the citing body's places are named: ``tỉnh Lai Châu``, ``Thành phố Hồ Chí Minh``,
    ``huyện Hướng Hóa``, ``thành phố Vũng Tàu``, ``xã Bình Minh``."""
    iss = (ctx or {}).get("issuer") or {}
    if not isinstance(iss, dict):
        iss = {}
    return _place_labels(iss.get("name") or "", iss.get("level"), iss.get("province"), iss.get("district"))


@lru_cache(maxsize=256)
def _place_labels(raw_name: str, level: str | None, prov: str | None, dist: str | None) -> dict:
    name = fold(raw_name)
    out = {"province": None, "district": None, "commune": None, "level": level,
           "province_name": prov, "district_name": dist, "commune_name": None}
    if prov:
        if "thanh pho " + fold(prov) in name or _central_city(prov):
            out["province"] = f"Thành phố {prov}"
        else:
            out["province"] = f"tỉnh {prov}"
    if dist:
        for word in _DISTRICT_WORDS:
            if fold(word) + " " + fold(dist) in name:
                out["district"] = f"{word} {dist}"
                break
        else:
            out["district"] = f"huyện {dist}"
    if out["level"] == "commune":
        m = _COMMUNE_IN_NAME.search(raw_name)
        if m:
            out["commune"] = f"{m.group(1).lower()} {m.group(2).strip()}"
            out["commune_name"] = m.group(2).strip()
    return out


def _own_level_label(labels: dict) -> str | None:
    """The place of the citing body's own level: a body found at every level (Ủy ban nhân dân,
    Ban Chỉ đạo, Công an…) named without its place is the citing body's own."""
    if labels["level"] == "commune":
        return labels["commune"] or labels["district"] or labels["province"]
    if labels["level"] == "district" and labels["district"]:
        return labels["district"]
    return labels["province"]


@lru_cache(maxsize=None)
def _not_field() -> re.Pattern:
    return re.compile(r"(?i)^(?:" + _LEVEL_WORDS + "|" + alternation(load_lines("reference_not_fields.txt")) +
                      r")(?![\w])|(?<![\w])(?:" + alternation(load_lines("reference_issuer_stops.txt")) +
                      r")(?![\w])")


_BAN_FIELD = re.compile(
    r"(?<![\w])Ban\s+[Cc]hỉ\s+(đạo|huy)\s+([" + _LOWER + r"][^\n;:.()\[\]“”\"]{1,100}?)"
    r"(?:\s*,\s*|\s+)(?:của\s+)?(?:" + _LEVEL_WORDS + r"|Trung\s+ương)(?![\w])")


def _ban_field(text: str, kind: str) -> str:
    """The field of the Ban Chỉ đạo (or Ban Chỉ huy) a text speaks of, read from the full name
    the text itself gives it ("Ban chỉ đạo phòng, chống dịch Covid-19 của tỉnh" → "phòng, chống
    dịch Covid-19"), so that a bare "Ban chỉ đạo tỉnh" elsewhere in it is named in full. The
    field named most often wins; none (or a tie) leaves the name as written."""
    counts: dict[str, list] = {}
    for m in _BAN_FIELD.finditer(text):
        if fold(m.group(1)) != fold(kind):
            continue
        field = re.sub(r"\s+", " ", m.group(2)).strip(" ,")
        if _not_field().search(field):
            continue                               # "Ban chỉ đạo đã chỉ đạo các huyện": not a name
        k = key(field)
        counts.setdefault(k, [field, 0])[1] += 1
    ranked = sorted(counts.values(), key=lambda x: -x[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


# --- issuers ---------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _scope(name: str) -> str | None:
    k = fold(name)
    for p, scope in _folded_bodies():
        if k == p or k.startswith(p + " "):
            return scope
    return None


_PLACE_IN_NAME = re.compile(r"(?i)(?<![\w])" + _LEVEL_WORDS + r"\s+(\S+)")


def _has_place(name: str) -> bool:
    return any(m.group(1)[0].isupper() for m in _PLACE_IN_NAME.finditer(name))


def canonical_issuer(raw: str | None, ctx: dict, text: str = "") -> str | None:
    """``Chủ tịch UBND tỉnh`` → ``Ủy ban nhân dân tỉnh Lai Châu``; ``Giám đốc Sở Nội vụ`` →
    ``Sở Nội vụ Thành phố Hồ Chí Minh``: titles dropped, abbreviations spelt out, the place
    the text leaves to the reader filled in from the citing document."""
    if not raw:
        return None
    s = re.sub(r"\s+", " ", new_tones(raw)).strip(" ,;.:-")
    for _ in range(3):                                  # "Phó Chủ tịch Thường trực UBND tỉnh"
        m = _titles().match(s)
        if not m:
            break
        rest = _expand(s[m.end():])
        if not _body_start().match(rest) and _scope(rest) is None:
            break
        s = s[m.end():]
    s = _expand(s)
    if not s:
        return None
    if s.isupper():                                     # a title line: CỦA CHÍNH PHỦ
        s = _known_case(s)
    s = _spelling().get(fold(s), s)                     # "Bộ Lao động Thương binh và Xã hội"
    labels = place_labels(ctx)
    m = _BAN_BARE.match(s)
    if m:                                               # "Ban chỉ đạo tỉnh": named in full
        field = _ban_field(text, m.group(2))
        if field:
            s = f"{s[:m.end(1)]} {field}{s[m.end(1):]}"
    m = _ENDS_LEVEL.search(s)
    if m:                                               # "UBND tỉnh", "Ủy ban nhân dân huyện"
        place = _place_of(fold(m.group(1)), labels)
        return f"{s} {place}" if place else s
    m = _ENDS_COMMITTEE.search(s)
    if m:                                               # "Ban Thường vụ Tỉnh ủy"
        place = _committee_place(fold(m.group(1)), labels)
        return f"{s} {place}" if place else s
    if _has_place(s):
        return s
    scope = _scope(s)
    label = None
    if scope == "province":
        label = labels["province"]
    elif scope == "local":
        label = _own_level_label(labels)
    elif scope == "district":
        label = labels["district"]
    return f"{s} {label}" if label else s


_BAN_BARE = re.compile(r"(?i)(ban\s+chỉ\s+(đạo|huy))(?=\s+" + _LEVEL_WORDS + r"(?![\w])|$)")
_ENDS_LEVEL = re.compile(r"(?i)\s(" + _LEVEL_WORDS + r")$")
_ENDS_COMMITTEE = re.compile(r"(?i)(?<![\w])(tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|quận\s+ủy|thị\s+ủy)$")


def _place_of(word: str, labels: dict) -> str | None:
    """The citing document's place that a level word left bare refers to: "UBND tỉnh" in a
    dispatch of Lai Châu (or of one of its Sở, districts, communes) is Lai Châu's."""
    if word == "tinh":
        return labels["province_name"]
    if word == "thanh pho":
        if _central_city(labels["province_name"]) or labels["level"] != "district":
            return labels["province_name"]
        return labels["district_name"] if (labels["district"] or "").startswith("thành phố") else None
    if word in ("huyen", "quan", "thi xa"):
        return labels["district_name"]
    commune = labels["commune"]
    if commune and fold(commune).startswith(word + " "):
        return labels["commune_name"]
    return None


def _committee_place(word: str, labels: dict) -> str | None:
    """Tỉnh ủy / Thành ủy (of a city under the central government) / Huyện ủy, Quận ủy, Thị ủy."""
    prov = labels["province_name"]
    if word == "tinh uy":
        return prov
    if word == "thanh uy":
        return prov if _central_city(prov) else labels["district_name"]
    return labels["district_name"]


@lru_cache(maxsize=None)
def _spelling() -> dict[str, str]:
    """The usual spelling of a body's name, by its accent- and punctuation-free key: a name
    printed "Bộ Lao động, Thương binh và Xã hội" or broken over a table cell without its dash
    is "Bộ Lao động - Thương binh và Xã hội"."""
    out = {}
    for r in load_tsv("issuer_symbols.tsv"):
        if "{" not in r["name"]:
            out.setdefault(fold(r["name"]), r["name"])
    return out


def _known_case(s: str) -> str:
    """The usual spelling of a name printed in capitals: ``CHÍNH PHỦ`` → ``Chính phủ``."""
    names = [re.sub(r"\s*\{\w+\}", "", r["name"]).strip() for r in load_tsv("issuer_symbols.tsv")]
    names += [p for p, _ in _bodies()]
    k = fold(s)
    for n in sorted(names, key=len, reverse=True):
        if k == fold(n):
            return n
        if k.startswith(fold(n) + " "):
            return n + s[len(n):].lower()
    return s[:1] + s[1:].lower()


def _expand(s: str) -> str:
    for pat, full in _abbreviations():
        s = pat.sub(full, s)
    return re.sub(r"\s+", " ", s).strip()


def expand_abbreviations(name: str) -> str:
    """``UBND tỉnh Đắk Lắk`` → ``Ủy ban nhân dân tỉnh Đắk Lắk`` (data: reference_abbreviations.tsv)."""
    return _expand(new_tones(name or ""))


def symbol_issuers(sym: str) -> list[dict]:
    """The issuer rows named by a symbol: ``CĐ-TTg`` → [Thủ tướng Chính phủ];
    ``QCPH-UBND-UBMT-HCTĐ`` → [UBND, UBMT, HCTĐ] (a joint document); ``UBND-VX`` → [UBND]
    (VX is the drafting unit)."""
    table = _issuer_table()
    parts = split_symbol(sym)["issuers"]
    if not parts:
        return []

    loose = _issuer_index()

    def look(p):
        return _lookup(table, loose, p) or _lookup(table, loose, re.sub(r"\d+$", "", p))
    first = look(parts[0])
    if not first:
        return []
    rest = [look(p) for p in parts[1:]]
    if rest and all(r and (r.get("unit") or "") != "1" for r in rest):
        return [first] + rest
    return [first]


def _render(row: dict, ctx: dict, text: str) -> str:
    labels = place_labels(ctx)
    name = row["name"]
    if "{matter}" in name:
        kind = "huy" if fold(name).startswith("ban chi huy") else "đạo"
        name = name.replace("{matter}", _ban_field(text, kind))
    for slot, place in (("{province}", labels["province_name"]), ("{district}", labels["district_name"])):
        if slot in name:
            if slot == "{province}" and _central_city(place):
                name = name.replace("Tỉnh ủy", "Thành ủy")       # the party committee of a city
            name = name.replace(slot, place or "")
            return re.sub(r"\s+", " ", name).strip()
    name = re.sub(r"\s+", " ", name).strip()
    label = None
    if row["level"] == "province":
        label = labels["province"]
    elif row["level"] == "local":
        label = _own_level_label(labels)
    elif row["level"] == "district":
        label = labels["district"]
    return f"{name} {label}" if label else name


def _prefix(row: dict) -> str:
    return fold(row["name"].split("{")[0])


def _compatible(name: str | None, rows: list[dict]) -> bool:
    """Does a body named in the text fit the issuer part of the symbol?"""
    if not name or not rows:
        return True
    k = fold(name)
    return any(k.startswith(_prefix(r)) for r in rows)


# --- mentions ---------------------------------------------------------------------------------------
@dataclass
class Mention:
    start: int                     # type word (or "số") …
    num_start: int
    end: int                       # … end of the số/ký hiệu
    number: str
    symbol: str
    type_text: str | None = None
    type_name: str | None = None
    named: str | None = None       # the name of a named legal document (Luật Điện lực)
    date: str | None = None
    date_from: str | None = None   # own | list | before
    date_shared: bool = False      # "cùng ngày …": one date said of the whole list
    issuer_raw: str | None = None
    issuer_from: str | None = None  # own | list | before
    before: list[str] = field(default_factory=list)   # bodies named before: "của X tại"
    tail_end: int = 0              # end of date and issuer
    subject: str | None = None
    subject_end: int = 0
    region_start: int = 0
    cue: tuple | None = None       # (phrase, class, start, end)
    narrative: bool = False
    prev: "Mention | None" = None  # the list member before, when in one list
    next: "Mention | None" = None


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (paragraph, ``. ``, or an open parenthesis)."""
    lo = max(0, pos - 1500)
    seg = text[lo:pos]
    start = lo
    for m in re.finditer(r"\n", seg):
        nxt = seg[m.end():m.end() + 1]
        if not (nxt.isalpha() and nxt.islower()):     # a wrapped line goes on in lower case
            start = lo + m.end()
    for m in re.finditer(r"[.!?]\s+(?=[^\W\d_])", seg):
        if lo + m.end() > start and seg[m.end()].isupper():
            start = lo + m.end()
    depth_pos = None
    depth = 0
    for i in range(pos - 1, start - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                depth_pos = i + 1
                break
            depth -= 1
    return depth_pos if depth_pos is not None else start


def _read_body(text: str, pos: int) -> tuple[str, int]:
    """The name of a body starting at ``pos`` (after "của"): up to a stop word or punctuation."""
    m = _known_names().match(text, pos)
    if m and fold(m.group("name")) in _central_names():
        return m.group(0), m.end()                  # "… của Bộ trưởng Bộ Y tế Sửa đổi, bổ sung …"
    start_scan = m.end() if m else pos
    window = text[start_scan:start_scan + 160]
    head = [c for c in window[:30] if c.isalpha()]
    caps = bool(head) and all(c.isupper() for c in head)
    stop = _issuer_stop(caps).search(window)
    end = start_scan + (stop.start() if stop else len(window))
    # TP. keeps its full stop
    raw = text[pos:end]
    if raw.endswith(" TP") and text[end:end + 1] == ".":
        more = _issuer_stop(caps).search(text, end + 1)
        end = more.start() if more else end
        raw = text[pos:end]
    words = raw.split()
    if len(words) > 14:
        raw = " ".join(words[:14])
        end = pos + len(raw)
    return raw.strip(), pos + len(raw.rstrip())


@lru_cache(maxsize=None)
def _subject_stops() -> tuple[re.Pattern, ...]:
    """Where a trích yếu ends: a semicolon, a full stop, a parenthesis; the main clause of the
    citing sentence (", Bộ Xây dựng yêu cầu …"); the next citation (", Nghị định số 98/…")."""
    return (re.compile(r"[;\n(\[]"), re.compile(r"\.(?:\s|$)"),
            re.compile(r",\s+(?=[" + _UPPER + r"])(?=(?:[^\W\d_]+\s+){0,6}?(?:yêu cầu|đề nghị|có ý kiến|"
                       r"ban hành|chỉ đạo|thông báo|hướng dẫn|giao)(?![\w]))"),
            re.compile(r"(?i)(?:,|\s+và)\s+(?:(?:các|những)\s+)?(?:" + alternation(_type_phrases()) +
                       r")\s+(?:số\s+)?\d"))


def _subject(text: str, pos: int, stop_at: int) -> tuple[str | None, int]:
    m = _subject_lead().match(text, pos)
    if not m:
        return None, pos
    lead = m.group(1)
    body_start = m.end()
    limit = min(stop_at, body_start + 400)
    seg = text[body_start:limit]
    end = len(seg)
    for p in _subject_stops():
        s = p.search(seg)
        if s and s.start() < end:
            end = s.start()
    subject = re.sub(r"(?:[\s,]+(?:và|hoặc|các|những|của))+$", "", seg[:end].rstrip()).strip(" ,")
    if key(lead) not in ("v/v", "về", "về việc"):
        subject = (lead + " " + subject).strip()
    subject = re.sub(r"\s+", " ", subject).strip(" ,;:")
    if subject.startswith("“") and subject.endswith("”") and subject.count("“") == 1:
        subject = subject[1:-1]
    return (subject or None), body_start + end


def _logical_line_start(text: str, pos: int) -> int:
    """Start of the line holding ``pos``, going back over wraps (a line that starts in lower
    case goes on from the line before: "… bổ sung bởi Luật⏎số 94/2025/QH15")."""
    start = text.rfind("\n", 0, pos) + 1
    while start > 0 and text[start:start + 1].islower() and text[start - 2:start - 1] not in ("", "\n"):
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def _find_mentions(text: str, ctx: dict) -> list[Mention]:
    own_num = ((ctx or {}).get("number") or "").lstrip("0") or None
    own_sym = fold((ctx or {}).get("symbol"))
    rows, _ = _types()
    out: list[Mention] = []
    for c in _NUMBER_CANDIDATE.finditer(text):
        m = _NUMSYM.match(text, c.start())
        if m is None:
            continue
        number = m.group(1)
        symbol = re.sub(r"\s+", "", m.group(2) or m.group(3))
        if not _valid_symbol(symbol):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start and not text[line_start:m.start()].strip():
            # the number opens its line (a table cell, a wrapped PDF line): what names it ends
            # the line before ("Mẫu số⏎02/PLI", "Thông tư số⏎03/2023/TT-BLĐTBXH")
            prev_end = line_start
            while prev_end > 0 and text[prev_end - 1].isspace():
                prev_end -= 1
            win = max(text.rfind("\n", 0, prev_end) + 1, m.start() - 160)
        else:
            win = max(_logical_line_start(text, m.start()), m.start() - 160)
        before = text[win:m.start()]
        if _OWN_NUMBER_LINE.search(before):
            continue                                    # the document's own number line
        if own_sym and own_sym == fold(symbol) and (number.lstrip("0") or "0") == (own_num or "0"):
            continue
        near = max(0, len(before) - 60)                 # a type word and "số" sit right before
        if _not_document().search(before, near):
            continue
        men = Mention(start=m.start(), num_start=m.start(), end=m.end(), number=number, symbol=symbol)
        t = _type_before().search(before, near)
        if t:
            men.start = m.start() - (len(before) - t.start())
            men.type_text = t.group(1)
            men.type_name = rows[key(t.group(1))][0]
        else:
            n = _named_before().search(before) if _SO_BEFORE.search(before, near) else None
            if n:
                men.start = m.start() - (len(before) - n.start())
                men.type_text = n.group(1)
                men.type_name = rows[key(n.group(1))][0]
                men.named = f"{n.group(1)} {n.group(2).strip()}"
            else:
                s = _SO_BEFORE.search(before)
                if s:
                    men.start = m.start() - (len(before) - s.start())
        # what follows: date, issuer, date, subject
        pos = m.end()
        d = _DATE_AFTER.match(text, pos)
        if d:
            men.date, men.date_from, pos = parse_date(d.groups()), "own", d.end()
            men.date_shared = bool(_SHARED_DATE.search(d.group(0)))
        o = _OF.match(text, pos)
        if o:
            raw, end = _read_body(text, o.end())
            if raw:
                men.issuer_raw, men.issuer_from, pos = raw, "own", end
        if not men.date:
            d = _DATE_AFTER.match(text, pos)
            if d:
                men.date, men.date_from, pos = parse_date(d.groups()), "own", d.end()
                men.date_shared = bool(_SHARED_DATE.search(d.group(0)))
        men.tail_end = pos
        out.append(men)
    # subjects stop where the next citation starts
    for i, men in enumerate(out):
        nxt = out[i + 1].start if i + 1 < len(out) else len(text)
        between = text[men.tail_end:nxt]
        if between.count("“") > between.count("”"):   # a quoted title holding a citation of its own
            close = text.find("”", nxt, nxt + 600)
            if close != -1:
                nxt = close + 1
        men.subject, men.subject_end = _subject(text, men.tail_end, nxt)
        men.subject_end = max(men.subject_end, men.tail_end)
        if men.named and not men.subject:
            men.subject = men.named
    return out


_NARRATIVE = re.compile(
    r"(?i)(?:^|[,;]\s*|\.\s+)(?:ngày\s+" + _DATE + r"\s*,\s*)?([^,;.\n]{2,100}?)\s+đã\s+(?:có|ban\s+hành|gửi)"
    r"(?:\s+văn\s+bản)?\s*(?::\s*)?$")
_BEFORE_OF = re.compile(r"(?i)của\s+([^;()\n]{2,150}?)\s+(?:tại|theo)\s+(?:(?:các|những)\s+)?"
                        r"(?:văn\s+bản\s*:?\s*)?$")


def _split_bodies(s: str) -> list[str]:
    """``Chủ tịch UBND tỉnh, Ban chỉ đạo tỉnh`` → two bodies; a comma inside a known name
    (``Bộ Văn hóa, Thể thao và Du lịch``) does not split it."""
    if "," in s:
        s = _known_names().sub(lambda m: m.group(0).replace(",", "\0"), s)
    parts = _SPLIT_BODIES().split(s)
    return [p.strip().replace("\0", ",") for p in parts if p.strip()]


@lru_cache(maxsize=None)
def _SPLIT_BODIES() -> re.Pattern:
    return re.compile(r"\s*,\s*|\s+và\s+(?=" + _body_start().pattern + r")")


def _context(text: str, mentions: list[Mention]) -> None:
    """Cue, the bodies named before, and the list each mention belongs to."""
    cue_pat, classes, opening = _cues()
    for i, men in enumerate(mentions):
        region = _sentence_start(text, men.start)
        men.region_start = region
        pre = text[region:men.start]
        # a list: only separators between the previous member and this one
        if i > 0:
            prev = mentions[i - 1]
            gap_from = max(prev.tail_end, prev.subject_end if prev.subject else prev.tail_end)
            gap = text[prev.tail_end:men.start] if prev.tail_end <= men.start else ""
            if prev.start >= region and re.fullmatch(r"\s*(?:[,;]|và|hoặc)?\s*", gap):
                men.prev, prev.next = prev, men
            elif prev.start >= region and gap_from <= men.start and \
                    re.fullmatch(r"\s*[,;]?\s*(?:và\s+)?", text[gap_from:men.start]):
                men.prev = prev                    # a list whose members each carry a subject
        # bodies named before: "của X tại …", "X đã có …"
        b = None
        for of in re.finditer(r"(?i)(?<![\w])của\s", pre):
            b = _BEFORE_OF.match(pre, of.start()) or b
        if b and b.end() == len(pre):
            men.before = _split_bodies(b.group(1))
        nar = _NARRATIVE.search(pre)
        if nar:
            who = nar.group(7).strip()
            if who and (_body_start().search(who) or _scope(_expand(_strip_title(who)))):
                men.narrative = True
                men.before = [who]
                if nar.group(1) or nar.group(4):
                    dt = parse_date(nar.groups()[:6])
                    if dt and not men.date:
                        men.date, men.date_from = dt, "before"
        # the governing cue: the nearest before the citation, outside other citations; a
        # pointer to a provision ("theo quy định tại Điều 5 …") yields to a cue opening the sentence
        covered = [(o.start, max(o.tail_end, o.subject_end)) for o in mentions[:i] if o.start >= region]
        found = []
        for c in cue_pat.finditer(pre):
            a, z = region + c.start(), region + c.end()
            if any(s <= a < e for s, e in covered):
                continue
            k = key(c.group(0))
            if k in opening and not _opens(text, region, a):
                continue
            found.append((c.group(0), classes.get(k, "implements"), a, z))

        def reaches(cue):
            gap = men.start - cue[3]
            gap -= sum(max(0, min(e, men.start) - max(s, cue[3])) for s, e in covered)
            return gap <= _cue_reach(text, region, cue)
        if found:
            best = found[-1]
            if best[1] == "pointer":
                lead = next((c for c in found if c[1] != "pointer" and _opens(text, region, c[2])), None)
                if lead is not None and reaches(lead) and _NEAR_POINTER.fullmatch(text, lead[3], best[2]):
                    best = lead
            if reaches(best):
                men.cue = best
        if men.cue is None and men.prev is not None and men.prev.cue is not None:
            men.cue = men.prev.cue
    # a list shares what its members leave out
    for men in mentions:
        if men.prev is not None:
            if not men.type_name and men.prev.type_name and not split_symbol(men.symbol)["code"]:
                men.type_name, men.type_text = men.prev.type_name, men.prev.type_text
            if not men.before and men.prev.before:
                men.before = men.prev.before
    # a date after a list: see _list_date
    group: dict[int, int] = {}
    dated: dict[int, int] = {}
    for i, men in enumerate(mentions):
        g = group.get(id(men.prev), i) if men.prev is not None else i
        group[id(men)] = g
        dated[g] = dated.get(g, 0) + (men.date_from == "own")
    for men in reversed(mentions):
        nxt = men.next
        if nxt is None:
            continue
        if not men.date and nxt.date and nxt.date_from in ("own", "list") and \
                (nxt.date_shared or dated[group[id(men)]] >= 2):
            men.date, men.date_from, men.date_shared = nxt.date, "list", nxt.date_shared
        if not men.issuer_raw and nxt.issuer_raw and not men.subject and \
                _compatible(_expand(nxt.issuer_raw), symbol_issuers(men.symbol)):
            men.issuer_raw, men.issuer_from = nxt.issuer_raw, "list"


def _cue_reach(text: str, region: int, cue: tuple) -> int:
    """How far (in characters of text that is not itself a citation) a cue governs.

    A cue opening the sentence ("Căn cứ …", "Thực hiện …", "Theo đề nghị của …") governs the
    list that follows; one that names the body ("chỉ đạo của X tại …") spans the body's name;
    a verb inside a sentence ("… tổ chức thực hiện …") only the citation right after it."""
    if _opens(text, region, cue[2]):
        return 320
    if key(cue[0]).endswith(" của"):
        return 160
    return 60


# "Căn cứ quy định tại …", "Thực hiện theo quy định tại …": the opening cue governs the provision
_NEAR_POINTER = re.compile(r"(?i)\s*(?:theo\s+|các\s+|đúng\s+)?")
_LEAD = re.compile(r"[\s\-+•*]*(?:(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]\s*)?")


def _opens(text: str, region: int, pos: int) -> bool:
    """Does ``pos`` open its sentence (after an item mark such as "1.", "a)", "-")?"""
    return _LEAD.fullmatch(text, region, pos) is not None


def _strip_title(s: str) -> str:
    m = _titles().match(s)
    return s[m.end():] if m else s


def _relation(cue_class: str | None, same: bool, kind: str, narrative: bool) -> str:
    """The relation of a citation from its cue and from whether the citing body issued it.

    - ``Căn cứ`` (a legal basis): implements, except an earlier dispatch of the citing body
      itself (its own công điện on the same floods), which is followed up;
    - ``Thực hiện``, ``Triển khai``, ``theo chỉ đạo của … tại``: implements a document of
      another body; the citing body's own earlier document is followed up;
    - ``tiếp theo``, ``tiếp tục thực hiện``: follows up the body's own dispatch; a document of
      another body named in the same breath is implemented;
    - ``Theo đề nghị của … tại``: requested_by;
    - ``X đã có/ban hành Công văn số …``: the body's own earlier dispatch is followed up;
    - a pointer (``theo quy định tại Điều 5 …``, ``thay thế …``), and anything else
      (``(theo Công văn số …)``): references.
    """
    if cue_class == "requested_by":
        return "requested_by"
    if cue_class == "basis":
        return "follows_up" if same and kind == "dispatch" else "implements"
    if cue_class in ("implements", "follows_up"):
        return "follows_up" if same else "implements"
    if cue_class == "pointer":
        return "references"
    if cue_class == "issued" or narrative:
        return "follows_up" if same else "references"
    return "references"


def _resolve(text: str, men: Mention, ctx: dict) -> dict:
    rows, codes = _types()
    parts = split_symbol(men.symbol)
    sym_rows = symbol_issuers(men.symbol)
    # type
    doc_type = men.type_name
    if parts["code"] and (not doc_type or doc_type == "Công văn") and codes.get(parts["code"]):
        doc_type = codes[parts["code"]]
    if not doc_type:
        doc_type = next((r.get("default_type") for r in sym_rows if r.get("default_type")), None) or "Công văn"
    # issuer
    issuer = None
    if men.issuer_raw:
        issuer = canonical_issuer(men.issuer_raw, ctx, text)
    elif men.before:
        fits = [b for b in men.before if _compatible(canonical_issuer(b, ctx, text), sym_rows)]
        if len(men.before) == 1 and (fits or not sym_rows):
            issuer = canonical_issuer(men.before[0], ctx, text)
        elif fits and len(sym_rows) <= 1:
            issuer = canonical_issuer(fits[0], ctx, text)
    if sym_rows and (issuer is None or (len(sym_rows) > 1 and _compatible(issuer, sym_rows))):
        # a joint document: its symbol names every issuer, the text often only the first
        issuer = ", ".join(_render(r, ctx, text) for r in sym_rows)
    # same issuer as the citing document?
    own = (ctx or {}).get("issuer") or {}
    own_name = own.get("name") if isinstance(own, dict) else None
    if own_name and issuer:
        same = fold(issuer) == fold(own_name)
    else:
        own_parts = split_symbol((ctx or {}).get("symbol") or "")["issuers"]
        same = bool(own_parts) and bool(parts["issuers"]) and \
            re.sub(r"\d+$", "", own_parts[0]) == re.sub(r"\d+$", "", parts["issuers"][0]) and \
            men.issuer_raw is None
    cue_class = men.cue[1] if men.cue else None
    relation = _relation(cue_class, same, type_kind(doc_type), men.narrative)
    trigger = men.cue[0] if men.cue else None
    date = men.date                                       # a year in the symbol is not a date
    return {"text": re.sub(r"\s+", " ", text[men.start:men.tail_end]).strip(" ,"),
            "doc_type": doc_type, "number": men.number, "symbol": men.symbol, "date": date,
            "issuer": issuer, "relation": relation, "trigger": trigger, "subject": men.subject,
            "_issuer_from": men.issuer_from or ("before" if men.before else "symbol" if sym_rows else None),
            "_type_from": "text" if men.type_name else "symbol"}


def reference_key(number: str | None, symbol: str | None) -> tuple[str, str]:
    """Identity of a cited document inside one text: number without leading zeros + symbol."""
    return ((number or "").lstrip("0") or "0", fold(symbol))


def extract_references(t, ctx: dict) -> list[Found]:
    """Every document cited by the text, once each, in order of first mention.

    value: {text, doc_type, number, symbol, date, issuer, relation, trigger, subject}; the span
    is the citation's own (type, số/ký hiệu, date, issuer) where the relation was read.
    """
    text = t.text if hasattr(t, "text") else str(t)
    ctx = ctx or {}
    mentions = _find_mentions(text, ctx)
    _context(text, mentions)
    merged: dict[tuple, list] = {}
    order: list[tuple] = []
    for men in mentions:
        v = _resolve(text, men, ctx)
        k = reference_key(v["number"], v["symbol"])
        if k not in merged:
            merged[k] = [v, men.start, men.tail_end]
            order.append(k)
            continue
        cur = merged[k]
        first = cur[0]
        if first["relation"] == "references" and v["relation"] != "references":
            for f in ("relation", "trigger", "text"):
                first[f] = v[f]
            cur[1], cur[2] = men.start, men.tail_end
        for f in ("date", "subject", "doc_type"):
            if not first.get(f) and v.get(f):
                first[f] = v[f]
        if v["_issuer_from"] in ("own", "list", "before") and first["_issuer_from"] in (None, "symbol"):
            first["issuer"], first["_issuer_from"] = v["issuer"], v["_issuer_from"]
        if first["_type_from"] == "symbol" and v["_type_from"] == "text":
            first["doc_type"], first["_type_from"] = v["doc_type"], "text"
    out = []
    for k in order:
        v, a, z = merged[k]
        out.append(Found({f: v[f] for f in ("text", "doc_type", "number", "symbol", "date", "issuer",
                                            "relation", "trigger", "subject")}, a, z))
    return out
