"""Administrative units of Việt Nam: provinces, districts, communes, and fuzzy look-up by name.

A dispatch names its issuer's unit as printed by a clerk: in capitals (``HUYỆN HƯƠNG HOÁ``),
without accents, with the old tone placement, or misspelt. The look-ups here compare
accent-free keys (``fold``), then allow a small edit distance, and return the canonical unit.

Units are read from ``extractors/data/units_<era>.tsv`` (built by scripts/build_units.py).
An *era* is one map of the country: ``"2020"`` is the three-level map of 63 provinces in force
until the 2025 reform; ``"2025"`` the two-level map of 34 provinces and their communes (xã,
phường, đặc khu) in force from 1 July 2025 (Nghị quyết 202/2025/QH15), where a commune lies
directly in its province. Another era is added by adding its table to ``ERAS`` (and its start
date to ``ERA_STARTS``); every look-up takes ``era=``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.base import fold, key, load_tsv

ERAS = {"2020": "units_2020.tsv", "2025": "units_2025.tsv"}
# the first day each era's map is in force (ISO date); the latest era started on or before a
# document's date is the one its unit names refer to
ERA_STARTS = {"2020": "0000-00-00", "2025": "2025-07-01"}
DEFAULT_ERA = "2020"

LEVELS = ("province", "district", "commune")
# type words written before a unit's name, the level(s) each can name, and their abbreviations
# (TP. Vũng Tàu, TX. Quảng Trị, Q.1): extractors/data/gazetteer_types.tsv
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    r["word"]: tuple(r["levels"].split(",")) for r in load_tsv("gazetteer_types.tsv")}
TYPE_ABBREVIATIONS: dict[str, str] = {
    a: r["word"] for r in load_tsv("gazetteer_types.tsv") for a in r["abbreviations"].split(",") if a}

_TYPE_RE = re.compile(
    r"^\s*(?:(" + "|".join(sorted(TYPE_WORDS, key=len, reverse=True)) + r")\s+|"
    r"(" + "|".join(TYPE_ABBREVIATIONS) + r")\s*\.\s*)", re.I)


@dataclass(frozen=True)
class Unit:
    code: str
    level: str            # province | district | commune
    type: str             # tỉnh, thành phố, quận, huyện, thị xã, xã, phường, thị trấn
    name: str             # canonical name without the type word: "Hướng Hóa"
    parent: str | None    # code of the unit above
    era: str
    province: str | None  # canonical name of the province it lies in (its own name for a province)
    district: str | None  # canonical name of its district (own name for a district)

    @property
    def full_name(self) -> str:
        """``Huyện Hướng Hóa``, ``Thành phố Hồ Chí Minh``."""
        return f"{self.type[0].upper()}{self.type[1:]} {self.name}"


def split_type(name: str) -> tuple[str | None, str]:
    """``"HUYỆN HƯƠNG HÓA"`` → ``("huyện", "HƯƠNG HÓA")``; ``"TP. Vũng Tàu"`` → ``("thành phố", "Vũng Tàu")``."""
    m = _TYPE_RE.match(name or "")
    if not m:
        return None, (name or "").strip()
    word = (m.group(1) or "").lower() or TYPE_ABBREVIATIONS[m.group(2).lower()]
    rest = name[m.end():].strip()
    if not rest:
        return None, (name or "").strip()
    return key(word), rest


# type words as their accent-free tokens, the longest first (``thanh pho`` before ``pho``)
_FOLDED_TYPE_WORDS = tuple((tw, fold(tw).split()) for tw in sorted(TYPE_WORDS, key=len, reverse=True))


def split_type_loose(name: str) -> tuple[str | None, str]:
    """``split_type`` that also reads a type word typed without accents, as in a search box:
    ``"huyen Huong Hoa"`` → ``("huyện", "Huong Hoa")``."""
    typ, bare = split_type(name)
    if typ:
        return typ, bare
    toks = (name or "").split()
    ftoks = [fold(t) for t in toks]
    for tw, ftw in _FOLDED_TYPE_WORDS:
        n = len(ftw)
        if len(toks) > n and ftoks[:n] == ftw:
            return tw, " ".join(toks[n:])
    return None, (name or "").strip()


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _allowed_distance(k: str) -> int:
    """How many edits a name of this (folded) length tolerates: short names must match."""
    n = len(k.replace(" ", ""))
    return 0 if n < 5 else 1 if n < 10 else 2


class Gazetteer:
    """One era's map: units by code, and by folded name within each level."""

    def __init__(self, era: str = DEFAULT_ERA):
        if era not in ERAS:
            raise ValueError(f"unknown era {era!r} (known: {', '.join(ERAS)})")
        self.era = era
        rows = load_tsv(ERAS[era])
        raw = {r["code"]: r for r in rows}
        self.units: dict[str, Unit] = {}

        def make(code: str) -> Unit:
            if code in self.units:
                return self.units[code]
            r = raw[code]
            parent = r.get("parent") or None
            up = make(parent) if parent and parent in raw else None
            province = r["name"] if r["level"] == "province" else (up.province if up else None)
            district = r["name"] if r["level"] == "district" else (up.district if up and r["level"] == "commune" else None)
            u = Unit(code, r["level"], r["type"], r["name"], parent, era, province, district)
            self.units[code] = u
            return u

        for code in raw:
            make(code)
        # the units directly under each unit, in code order (the order of the official list)
        kids: dict[str, list[Unit]] = {}
        for u in self.units.values():
            if u.parent:
                kids.setdefault(u.parent, []).append(u)
        self._children: dict[str, tuple[Unit, ...]] = {
            p: tuple(sorted(us, key=lambda u: u.code)) for p, us in kids.items()}
        self._by_fold: dict[str, dict[str, list[Unit]]] = {lv: {} for lv in LEVELS}
        for u in self.units.values():
            self._by_fold[u.level].setdefault(fold(u.name), []).append(u)
        # folded names by length: a misspelling is looked for among names of about its length
        self._by_len: dict[str, dict[int, list[tuple[str, frozenset]]]] = {lv: {} for lv in LEVELS}
        for lv, names in self._by_fold.items():
            for fk in names:
                self._by_len[lv].setdefault(len(fk), []).append((fk, frozenset(fk)))
        self._memo: dict[tuple, list[Unit]] = {}
        self._near_memo: dict[tuple, list[tuple[int, str]]] = {}
        aliases = load_tsv("gazetteer_aliases.tsv")
        self._aliases = {fold(a["alias"]): a["name"] for a in aliases if a.get("era", era) in ("", era)}

    # -- the tree ----------------------------------------------------------------------------
    def children(self, unit: Unit, level: str | None = None,
                 types: tuple[str, ...] | None = None) -> list[Unit]:
        """Units under ``unit`` at ``level`` (default: the next level down), in code order.

        A 2020 province's communes are those of all its districts; in the 2025 map a province's
        communes are its children. ``types`` keeps only these type words (``("xã", "thị trấn")``)."""
        out = list(self._children.get(unit.code, ()))
        if level and out and out[0].level != level:
            out = [c for d in out for c in self._children.get(d.code, ()) if c.level == level]
        if types:
            out = [c for c in out if c.type in types]
        return out

    def parent(self, unit: Unit) -> Unit | None:
        """The unit directly above ``unit`` (None for a province)."""
        return self.units.get(unit.parent) if unit.parent else None

    def contains(self, outer: Unit, inner: Unit) -> bool:
        """``inner`` is ``outer`` or lies in it; a unit of another map lies in none of this one."""
        if inner.era != self.era or outer.era != self.era:
            return False
        u: Unit | None = inner
        while u is not None:
            if u.code == outer.code:
                return True
            u = self.parent(u)
        return False

    # -- look-ups ---------------------------------------------------------------------------

    def find(self, name: str, level: str, within: Unit | None = None,
             types: tuple[str, ...] | None = None) -> list[Unit]:
        """Units of ``level`` whose name matches ``name`` best (all ties), inside ``within``.

        Tiers: the same name with its accents; the same accent-free key; then an accent-free
        key a small edit distance away (misspellings). ``types`` keeps only units of these type
        words (``("huyện",)``)."""
        memo_key = (name, level, within.code if within is not None else None, types)
        found = self._memo.get(memo_key)
        if found is None:
            if len(self._memo) > 20000:
                self._memo.clear()
            found = self._memo[memo_key] = self._find(name, level, within, types)
        return list(found)

    def _find(self, name: str, level: str, within: Unit | None,
              types: tuple[str, ...] | None) -> list[Unit]:
        typ, bare = split_type(name)
        if typ and types is None:
            types = (typ,)
        if level == "province":
            alias = self._aliases.get(fold(name)) or self._aliases.get(fold(bare))
            if alias:
                bare = alias
        k, f = key(bare), fold(bare)
        if not f:
            return []

        def ok(u: Unit) -> bool:
            if types and u.type not in types:
                return False
            if within is None:
                return True
            if within.level == "province":
                return self._province_code(u) == within.code
            if within.level == "district":
                return u.parent == within.code
            return False

        exact = [u for u in self._by_fold[level].get(f, []) if ok(u)]
        if exact:
            same = [u for u in exact if key(u.name) == k]
            return same or exact
        limit = _allowed_distance(f)
        if not limit:
            return []
        best, found = limit + 1, []
        for d, fk in self._near(f, level, limit):
            cands = [u for u in self._by_fold[level][fk] if ok(u)]
            if not cands:
                continue
            if d < best:
                best, found = d, cands
            elif d == best:
                found.extend(cands)
        return found

    def _near(self, f: str, level: str, limit: int) -> list[tuple[int, str]]:
        """(distance, folded name) of the names of ``level`` within ``limit`` edits of ``f``."""
        memo_key = (f, level, limit)
        near = self._near_memo.get(memo_key)
        if near is not None:
            return near
        chars = frozenset(f)
        near = []
        by_len = self._by_len[level]
        for n in range(len(f) - limit, len(f) + limit + 1):
            for fk, fk_chars in by_len.get(n, ()):
                # each edit adds or removes at most one distinct letter: a cheap lower bound
                if len(chars - fk_chars) > limit or len(fk_chars - chars) > limit:
                    continue
                d = edit_distance(f, fk, limit)
                if d <= limit:
                    near.append((d, fk))
        if len(self._near_memo) > 20000:
            self._near_memo.clear()
        self._near_memo[memo_key] = near
        return near

    def _province_code(self, u: Unit) -> str:
        while u.parent:
            u = self.units[u.parent]
        return u.code

    def province_of(self, u: Unit) -> Unit:
        return self.units[self._province_code(u)]


def gazetteer(era: str = DEFAULT_ERA) -> Gazetteer:
    """The map of ``era``, built once (``gazetteer()`` and ``gazetteer("2020")`` are the same)."""
    return _gazetteer(era)


@lru_cache(maxsize=None)
def _gazetteer(era: str) -> Gazetteer:
    return Gazetteer(era)


def era_for(date: str | None) -> str:
    """The era whose map a document of this ISO date (or year) refers to. A date known only to
    its month or year (``2025-07``, ``2025``: the day left blank in an unsigned draft) is read
    in the map that starts within that month or year: such drafts are recent copies."""
    if not date:
        return DEFAULT_ERA
    started = [e for e, start in ERA_STARTS.items() if e in ERAS and start[:len(date)] <= date]
    return max(started, key=lambda e: ERA_STARTS[e]) if started else DEFAULT_ERA


def find_provinces(name: str, era: str = DEFAULT_ERA) -> list[Unit]:
    return gazetteer(era).find(name, "province")


def find_province(name: str, era: str = DEFAULT_ERA) -> str | None:
    """Canonical name of the province ``name`` denotes (``"DAK LAK"`` → ``"Đắk Lắk"``), or None
    when none or several match."""
    found = find_provinces(name, era)
    return found[0].name if len(found) == 1 else None


def find_districts(name: str, province: str | None = None, era: str = DEFAULT_ERA) -> list[Unit]:
    """Every district ``name`` may denote (inside ``province`` when given)."""
    g = gazetteer(era)
    within = None
    if province:
        ps = g.find(province, "province")
        if len(ps) != 1:
            return []
        within = ps[0]
    return g.find(name, "district", within)


def find_district(name: str, province: str | None = None, era: str = DEFAULT_ERA) -> Unit | None:
    """The district ``name`` denotes, or None when none or several match. The Unit's ``name``
    and ``province`` are canonical: ``find_district("HƯƠNG HOÁ")`` → Hướng Hóa, Quảng Trị."""
    found = find_districts(name, province, era)
    return found[0] if len(found) == 1 else None


def find_communes(name: str, district: str | None = None, province: str | None = None,
                  era: str = DEFAULT_ERA) -> list[Unit]:
    g = gazetteer(era)
    cands = g.find(name, "commune")
    if district:
        ds = {u.code for u in find_districts(district, province, era)}
        cands = [u for u in cands if u.parent in ds]
    elif province:
        p = find_province(province, era)
        cands = [u for u in cands if u.province == p]
    return cands


def find_commune(name: str, district: str | None = None, province: str | None = None,
                 era: str = DEFAULT_ERA) -> Unit | None:
    found = find_communes(name, district, province, era)
    return found[0] if len(found) == 1 else None


def districts_of(province: str, era: str = DEFAULT_ERA) -> list[Unit]:
    g = gazetteer(era)
    ps = g.find(province, "province")
    return g.children(ps[0]) if len(ps) == 1 else []


def communes_of(district: str, province: str | None = None, era: str = DEFAULT_ERA) -> list[Unit]:
    d = find_district(district, province, era)
    return gazetteer(era).children(d) if d else []


def is_central_city(province: str, era: str = DEFAULT_ERA) -> bool:
    """A centrally-run city (thành phố trực thuộc trung ương: Hà Nội, Hồ Chí Minh…)."""
    ps = find_provinces(province, era)
    return len(ps) == 1 and ps[0].type == "thành phố"
