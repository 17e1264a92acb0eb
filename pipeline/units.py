"""Administrative units across the 2025 reform: look-up, children at a date, predecessors and
successors.

Two maps of the country are in use in dispatches:

- until 30 June 2025, three levels: 63 provinces, ~700 districts (huyện, quận, thị xã, thành
  phố thuộc tỉnh), ~10,600 communes (xã, phường, thị trấn) — ``units_2020.tsv``, read through
  ``extractors.gazetteer``;
- from 1 July 2025, two levels: 34 provinces and 3,321 communes (xã, phường, đặc khu), with no
  districts — ``units_2025.tsv``; ``units_map_2025.tsv`` says which old communes each new one
  was formed from.

A unit is named ``<era>:<code>`` (``2020:19441`` is xã Hướng Phùng of huyện Hướng Hóa,
``2025:19441`` the xã Hướng Phùng formed in 2025 from it and its neighbours). A dispatch's
addressees are read in the map of its date; a commune still finds what was addressed to the
communes it was formed from, and an old commune what is addressed to its successor.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from extractors.base import alternation, fold, key, load_tsv, new_tones
from extractors.gazetteer import (TYPE_WORDS, Unit, _allowed_distance, edit_distance, gazetteer,
                                  split_type)

ERA_OLD, ERA_NEW = "2020", "2025"
NEW_ERA_START = "2025-07-01"          # Nghị quyết 202/2025/QH15: two-level local government
NATION = "VN"                         # the area of a central body
LEVELS = ("province", "district", "commune")
LEVEL_VI = {"province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã"}


class UnitError(LookupError):
    """A unit name that cannot be resolved; ``vi`` is the message for the user."""

    def __init__(self, vi: str, en: str, candidates: list[Unit] | None = None):
        super().__init__(f"{vi} ({en})")
        self.vi, self.en = vi, en
        self.candidates = candidates or []


# --- eras ------------------------------------------------------------------------------------
def iso(on: date | str | None) -> str | None:
    if on is None:
        return None
    return on.isoformat() if isinstance(on, date) else str(on)


def era_on(on: date | str | None) -> str:
    """The map in force on ``on`` (ISO date, ``YYYY-MM`` or ``YYYY``; None = today).

    A date given only as a year (an undated draft of 2025) is read in the newer map when the
    year is 2025 or later: such drafts are recent e-office copies."""
    s = iso(on) or date.today().isoformat()
    if len(s) == 4:
        return ERA_NEW if s >= NEW_ERA_START[:4] else ERA_OLD
    return ERA_NEW if s[:10] >= NEW_ERA_START[:len(s[:10])] else ERA_OLD


# --- the 2025 map ----------------------------------------------------------------------------
class NewMap:
    """The two-level map: the same look-up interface as ``extractors.gazetteer.Gazetteer``."""

    era = ERA_NEW

    def __init__(self):
        rows = load_tsv("units_2025.tsv")
        provinces = {r["code"]: r["name"] for r in rows if r["level"] == "province"}
        self.units: dict[str, Unit] = {}
        self._children: dict[str, list[Unit]] = defaultdict(list)
        for r in rows:
            parent = r["parent"] or None
            prov = r["name"] if r["level"] == "province" else provinces.get(parent or "")
            u = Unit(r["code"], r["level"], r["type"], r["name"], parent, ERA_NEW, prov, None)
            self.units[u.code] = u
            if parent:
                self._children[parent].append(u)
        self._by_fold: dict[str, dict[str, list[Unit]]] = {lv: defaultdict(list) for lv in LEVELS}
        for u in self.units.values():
            self._by_fold[u.level][fold(u.name)].append(u)
        self._aliases = {fold(a["alias"]): a["name"] for a in load_tsv("gazetteer_aliases.tsv")
                         if a.get("era") in ("", None, ERA_NEW)}

    def children(self, unit: Unit) -> list[Unit]:
        return list(self._children.get(unit.code, ()))

    def find(self, name: str, level: str, within: Unit | None = None,
             types: tuple[str, ...] | None = None) -> list[Unit]:
        typ, bare = split_type(name)
        if typ and types is None:
            types = (typ,)
        if level == "province":
            bare = self._aliases.get(fold(name)) or self._aliases.get(fold(bare)) or bare
        k, f = key(bare), fold(bare)
        if not f or level not in self._by_fold:
            return []

        def ok(u: Unit) -> bool:
            return (not types or u.type in types) and (within is None or u.parent == within.code)

        exact = [u for u in self._by_fold[level].get(f, []) if ok(u)]
        if exact:
            return [u for u in exact if key(u.name) == k] or exact
        limit = _allowed_distance(f)
        best, found = limit + 1, []
        if limit:
            for fk, units in self._by_fold[level].items():
                d = edit_distance(f, fk, limit)
                cands = [u for u in units if ok(u)] if d <= limit else []
                if cands and d < best:
                    best, found = d, cands
                elif cands and d == best:
                    found.extend(cands)
        return found

    def province_of(self, u: Unit) -> Unit:
        return u if u.level == "province" else self.units[u.parent]


@lru_cache(maxsize=None)
def new_map() -> NewMap:
    return NewMap()


def era_map(era: str):
    return new_map() if era == ERA_NEW else gazetteer(ERA_OLD)


# --- identity --------------------------------------------------------------------------------
def uid(u: Unit) -> str:
    return f"{u.era}:{u.code}"


def get(unit_id: str) -> Unit | None:
    era, _, code = unit_id.partition(":")
    if era not in (ERA_OLD, ERA_NEW):
        return None
    return era_map(era).units.get(code)


def label(u: Unit, full: bool = True) -> str:
    """``xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị``."""
    parts = [f"{u.type} {u.name}"]
    if full:
        m = era_map(u.era)
        p = u
        while p.parent and p.parent in m.units:
            p = m.units[p.parent]
            parts.append(f"{p.type} {p.name}")
    return ", ".join(parts)


def display(u: Unit) -> str:
    """A label with the map it belongs to: ``xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị (2020)``."""
    return f"{label(u)} ({'trước 01/7/2025' if u.era == ERA_OLD else 'từ 01/7/2025'})"


# --- the tree --------------------------------------------------------------------------------
def children(u: Unit, level: str | None = None, types: tuple[str, ...] | None = None) -> list[Unit]:
    """Units under ``u`` at ``level`` (default: the next level down), in the same map.

    A 2020 province's communes are those of all its districts. ``types`` keeps the given type
    words (``("xã", "thị trấn")``)."""
    kids = _children_index(u.era)
    out = list(kids.get(u.code, ()))
    if level and out and out[0].level != level:
        out = [c for d in out for c in kids.get(d.code, ()) if c.level == level]
    if types:
        out = [c for c in out if c.type in types]
    return out


@lru_cache(maxsize=None)
def _children_index(era: str) -> dict[str, tuple[Unit, ...]]:
    idx: dict[str, list[Unit]] = defaultdict(list)
    for u in era_map(era).units.values():
        if u.parent:
            idx[u.parent].append(u)
    return {k: tuple(sorted(v, key=lambda x: x.code)) for k, v in idx.items()}


def parent(u: Unit) -> Unit | None:
    return era_map(u.era).units.get(u.parent) if u.parent else None


def province_of(u: Unit) -> Unit:
    while u.parent:
        u = era_map(u.era).units[u.parent]
    return u


def contains(outer: Unit, inner: Unit) -> bool:
    u: Unit | None = inner
    while u is not None:
        if u.era == outer.era and u.code == outer.code:
            return True
        u = parent(u)
    return False


# --- across the 2025 reform ------------------------------------------------------------------
@lru_cache(maxsize=None)
def _commune_map() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    fwd: dict[str, list[str]] = defaultdict(list)
    back: dict[str, list[str]] = defaultdict(list)
    for r in load_tsv("units_map_2025.tsv"):
        fwd[r["old_code"]].append(r["new_code"])
        back[r["new_code"]].append(r["old_code"])
    return dict(fwd), dict(back)


def successors(u: Unit) -> list[Unit]:
    """The 2025 units that took over ``u``: a 2020 commune's new commune(s), a province's new
    province(s), an island district's đặc khu; [] for the other districts (abolished)."""
    if u.era != ERA_OLD:
        return []
    fwd, _ = _commune_map()
    new = new_map().units
    if u.level == "commune" or u.code in fwd:
        return [new[c] for c in fwd.get(u.code, ()) if c in new]
    if u.level == "province":
        codes = {new[c].parent for k in children(u, "commune") for c in fwd.get(k.code, ()) if c in new}
        return [new[c] for c in sorted(codes)]
    return []


def predecessors(u: Unit) -> list[Unit]:
    """The 2020 units a 2025 unit was formed from."""
    if u.era != ERA_NEW:
        return []
    _, back = _commune_map()
    old = gazetteer(ERA_OLD).units
    if u.level == "commune":
        return [old[c] for c in back.get(u.code, ()) if c in old]
    codes = set()
    for c in new_map().children(u):
        for o in back.get(c.code, ()):
            if o in old:
                codes.add(province_of(old[o]).code)
    return [old[c] for c in sorted(codes)]


def related(u: Unit) -> list[Unit]:
    """``u`` with its predecessors and successors: whose obligations are ``u``'s."""
    return [u] + predecessors(u) + successors(u)


# --- look-up ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    """``UBND xã Hướng Phùng`` names the commune: the council words before a unit's name."""
    words = [r["phrase"] for r in load_tsv("addressee_rules.tsv") if r["kind"] == "council"]
    return re.compile(r"^\s*(?:(?:" + alternation(words) + r")\s+)", re.I)


def split_type_loose(name: str) -> tuple[str | None, str]:
    """``split_type`` that also reads a type word typed without accents (``huyen Huong Hoa``)."""
    typ, bare = split_type(name)
    if typ:
        return typ, bare
    toks = (name or "").split()
    ftoks = [fold(t) for t in toks]
    for tw in sorted(TYPE_WORDS, key=len, reverse=True):
        n = len(tw.split())
        if len(toks) > n and ftoks[:n] == fold(tw).split():
            return tw, " ".join(toks[n:])
    return None, (name or "").strip()


def _levels_for(typ: str | None) -> tuple[str, ...]:
    if typ is None:
        return LEVELS
    return tuple(lv for lv in LEVELS if lv in TYPE_WORDS.get(typ, ()))


def find(query: str, on: date | str | None = None, level: str | None = None) -> list[Unit]:
    """Every unit ``query`` may denote, the map of ``on`` first.

    ``query`` is a unit name as a person types it: with or without its type word and accents,
    in capitals, with the old tone placement or a small misspelling (``Huong Phung``,
    ``xã Hướng Phùng``, ``HƯƠNG HOÁ``), optionally followed by the units it lies in, separated
    by commas (``xã Tân Lập, huyện Đan Phượng, Hà Nội``)."""
    parts = [p.strip() for p in re.split(r"[,;]", query or "") if p.strip()]
    if not parts:
        return []
    head = _lead().sub("", new_tones(parts[0]))
    typ, bare = split_type_loose(head)
    if typ:
        head = f"{typ} {bare}"
    levels = (level,) if level else _levels_for(typ)
    first = era_on(on)
    by_level: dict[str, list[Unit]] = {lv: [] for lv in levels}
    for era in (first, ERA_NEW if first == ERA_OLD else ERA_OLD):
        m = era_map(era)
        found = [u for lv in levels for u in m.find(head, lv)]
        # the containers named after the first part narrow the candidates down
        for outer in parts[1:]:
            otyp, obare = split_type_loose(_lead().sub("", new_tones(outer)))
            outer = f"{otyp} {obare}" if otyp else obare
            oks = [o for lv in _levels_for(otyp) if lv in ("province", "district") for o in m.find(outer, lv)]
            if oks:
                found = [u for u in found if any(contains(o, u) for o in oks)]
        for u in found:
            by_level[u.level].append(u)
    # tiers: the same accent-free name before a misspelling; then, for a bare name, the larger
    # unit (``Vĩnh Tường`` is the huyện, not its thị trấn); then the same accents
    f, k = fold(bare), key(bare)
    for same in (True, False):
        for lv in levels:
            tier = [u for u in by_level[lv] if (fold(u.name) == f) == same]
            if tier:
                return [u for u in tier if key(u.name) == k] or tier
    return []


def resolve(query: str, on: date | str | None = None, level: str | None = None) -> Unit:
    """The one unit ``query`` denotes on ``on``; raises UnitError with the candidates otherwise.

    The same place in both maps (a commune and its successor) counts once: the unit of the map
    in force on ``on`` is returned."""
    cands = find(query, on, level)
    if not cands:
        raise UnitError(f"không tìm thấy đơn vị hành chính '{query}'",
                        f"no administrative unit named '{query}'")
    first = era_on(on)
    mine = [u for u in cands if u.era == first]
    other = [u for u in cands if u.era != first]
    if len(mine) == 1:
        return mine[0]
    if not mine:
        # only in the other map: several old names may point to one new place
        if len(other) == 1:
            return other[0]
        heirs = {uid(s) for u in other for s in (successors(u) if u.era == ERA_OLD else [])}
        if len(heirs) == 1 and first == ERA_NEW:
            return get(heirs.pop())
    names = "; ".join(display(u) for u in (mine or other)[:12])
    raise UnitError(f"'{query}' có thể là nhiều đơn vị: {names}. Hãy ghi thêm huyện/tỉnh, "
                    f"ví dụ '{query}, huyện …, tỉnh …'",
                    f"'{query}' is ambiguous; add the district/province after a comma",
                    mine or other)


def area_of(issuer: dict | None, on: date | str | None = None) -> Unit | None:
    """The unit whose authority an issuer ({name, level, province, district, commune}) has.

    A central body has none (its area is the nation). A district-level issuer after the reform
    can only be read in the 2020 map."""
    if not issuer:
        return None
    lvl = issuer.get("level")
    prov_name = issuer.get("province")
    if lvl not in ("province", "district", "commune") or not prov_name:
        return None
    era = era_on(on)
    if lvl == "district":
        era = ERA_OLD
    m = era_map(era)
    provs = m.find(prov_name, "province")
    if not provs and era == ERA_NEW:                 # a 2020 province name on a 2025 date
        m, era = gazetteer(ERA_OLD), ERA_OLD
        provs = m.find(prov_name, "province")
    if len(provs) != 1:
        return None
    prov = provs[0]
    if lvl == "province":
        return prov
    if lvl == "district":
        ds = m.find(issuer.get("district") or "", "district", prov) if issuer.get("district") else []
        return ds[0] if len(ds) == 1 else None
    name = issuer.get("commune")
    if not name:
        return None
    cs = [c for c in m.find(name, "commune") if contains(prov, c)]
    return cs[0] if len(cs) == 1 else None
