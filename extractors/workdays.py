"""The Vietnamese working calendar: working days of state offices and the feasts deadlines name.

A working day is Monday to Friday, minus the public holidays and the days off the government
arranges around them (Điều 112 Bộ luật Lao động 2019: Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ
Hùng Vương 10/3 âm lịch, 30/4, 1/5, Quốc khánh 2/9 and one day beside it), plus the Saturdays
worked in exchange for a bridged day (``làm bù``). The days are data: ``data/holidays.tsv``.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from extractors.base import load_tsv


@lru_cache(maxsize=None)
def _calendar() -> tuple[frozenset, frozenset, dict, frozenset, tuple]:
    off, work, marks, years, fixed = set(), set(), {}, set(), []
    for row in load_tsv("holidays.tsv"):
        d, kind, k = row["date"].strip(), row["kind"].strip(), row["key"].strip()
        if d.startswith("*-"):
            if kind == "off":
                fixed.append((int(d[2:4]), int(d[5:7])))
            continue
        day = date.fromisoformat(d)
        if kind == "off":
            off.add(day)
            years.add(day.year)
        elif kind == "workday":
            work.add(day)
        elif kind == "mark":
            marks.setdefault(k, {})[day.year] = day
    return frozenset(off), frozenset(work), marks, frozenset(years), tuple(fixed)


def table_years() -> range:
    """The years the holiday table lists day by day."""
    years = _calendar()[3]
    return range(min(years), max(years) + 1)


def is_holiday(d: date) -> bool:
    """Is ``d`` a public holiday or an official day off (weekends aside)?"""
    off, _, _, years, fixed = _calendar()
    if d.year in years:
        return d in off
    return (d.month, d.day) in fixed


def is_workday(d: date) -> bool:
    """Is ``d`` a working day of state offices?"""
    if d in _calendar()[1]:
        return True
    return d.weekday() < 5 and not is_holiday(d)


def add_workdays(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted: a period given
    in days runs from the day after the event, Điều 147 Bộ luật Dân sự 2015)."""
    d = start
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += timedelta(days=step)
        if is_workday(d):
            left -= 1
    return d


def add_days(start: date, n: int) -> date:
    """``start`` + ``n`` calendar days; when the last day is not a working day the period ends on
    the next working day (Điều 148 Bộ luật Dân sự 2015)."""
    d = start + timedelta(days=n)
    if n > 0:
        while not is_workday(d):
            d += timedelta(days=1)
    return d


def feast(key: str, year: int) -> date | None:
    """The day of a marked feast in ``year`` (``tet_mung_1``, ``gio_to_hung_vuong``)."""
    return _calendar()[2].get(key, {}).get(year)


def next_feast(key: str, after: date) -> date | None:
    """The first day of feast ``key`` on or after ``after``."""
    days = sorted(d for d in _calendar()[2].get(key, {}).values() if d >= after)
    return days[0] if days else None
