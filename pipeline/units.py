"""Administrative units across the 2025 reform: look-up, children at a date, predecessors and
successors.

Two maps of the country are in use in dispatches:

- until 30 June 2025, three levels: 63 provinces, ~700 districts (huyện, quận, thị xã, thành
  phố thuộc tỉnh), ~10,600 communes (xã, phường, thị trấn) — ``units_2020.tsv``;
- from 1 July 2025, two levels: 34 provinces and 3,321 communes (xã, phường, đặc khu), with no
  districts — ``units_2025.tsv``.

Both maps, their look-ups and the tree of each are ``extractors.gazetteer``'s (``gazetteer(era)``,
``era_for(date)``). This module adds what holds across the two: ``units_map_2025.tsv`` says
which old communes each new one was formed from (successors, predecessors), and a look-up of a
name as a person types it, in the map of a date first and then in the other.

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
from extractors.gazetteer import (ERAS, LEVELS, TYPE_WORDS, Gazetteer, Unit, era_for, gazetteer,
                                  split_type_loose)

# the two maps ``units_map_2025.tsv`` links: before and from 1 July 2025 (Nghị quyết
# 202/2025/QH15: two-level local government); their tables and start dates are the gazetteer's
ERA_OLD, ERA_NEW = "2020", "2025"
NATION = "VN"                         # the area of a central body


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
    """The map in force on ``on`` (a date, ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None =
    today): ``extractors.gazetteer.era_for`` of that date."""
    return era_for(iso(on) or date.today().isoformat())


def era_map(era: str) -> Gazetteer:
    return gazetteer(era)


# --- identity --------------------------------------------------------------------------------
def uid(u: Unit) -> str:
    return f"{u.era}:{u.code}"


def get(unit_id: str) -> Unit | None:
    era, _, code = unit_id.partition(":")
    if era not in ERAS:
        return None
    return gazetteer(era).units.get(code)


def label(u: Unit, full: bool = True) -> str:
    """``xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị``."""
    parts = [f"{u.type} {u.name}"]
    if full:
        up = parent(u)
        while up is not None:
            parts.append(f"{up.type} {up.name}")
            up = parent(up)
    return ", ".join(parts)


def display(u: Unit) -> str:
    """A label with the map it belongs to:
    ``xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị (trước 01/7/2025)``."""
    return f"{label(u)} ({'trước 01/7/2025' if u.era == ERA_OLD else 'từ 01/7/2025'})"


# --- the tree (each unit in its own era's map) -------------------------------------------------
def children(u: Unit, level: str | None = None, types: tuple[str, ...] | None = None) -> list[Unit]:
    """Units under ``u`` at ``level`` (default: the next level down): ``Gazetteer.children``."""
    return gazetteer(u.era).children(u, level, types)


def parent(u: Unit) -> Unit | None:
    return gazetteer(u.era).parent(u)


def province_of(u: Unit) -> Unit:
    return gazetteer(u.era).province_of(u)


def contains(outer: Unit, inner: Unit) -> bool:
    return gazetteer(inner.era).contains(outer, inner)


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
    new = gazetteer(ERA_NEW).units
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
    for c in children(u):
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
        m = gazetteer(era)
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
    m = gazetteer(era)
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
