"""The Vietnamese deadline grammar.

Dates in Vietnamese dispatches are written ``ngày 20/8/2020``, ``ngày 10 tháng 12 năm 2025``,
times ``14h00``, ``14 giờ 30``, ``19h00’``; a deadline is a date or time behind a cue
(``trước``, ``chậm nhất``, ``đến hết ngày``, ``hạn``), a recurrence (``trước 14h00 hằng ngày``,
``trước ngày 20 hằng tháng``, ``định kỳ hằng quý``), a period (``trong năm 2025``, ``quý I năm
2026``), a time counted from an event (``trong thời hạn 05 ngày làm việc kể từ ngày nhận được``)
or a feast (``trước Tết Nguyên đán``). A date with no cue (``Ngày 29/7, Bộ Y tế …``, the date of a
cited document) is not a deadline.

The grammar is data (``data/deadline_rules.json``): named sub-patterns, cue tables and rules,
composed into regexes once at import. The code here is generic: it reads the named groups of a
match into a value.
"""
from __future__ import annotations

import calendar
import itertools
import re
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr

from extractors.base import Found, alternation, key, load_json
from extractors.workdays import add_days, add_workdays, feast, next_feast

_DATA = load_json("deadline_rules.json")
_CUES = _DATA["cues"]
_WS, _OWS = r"[^\S\n]+", r"[^\S\n]*"
_counter = itertools.count()
_REF = re.compile(r"\{(@?[A-Za-z_]+)(?::([a-z]+))?\}")
_GROUP = re.compile(r"<@([a-z_]+)>")


def _cue_table(name: str) -> dict:
    """A cue list or table of the data, keyed by matching key."""
    v = _CUES[name]
    return {key(k): val for k, val in v.items()} if isinstance(v, dict) else {key(k): True for k in v}


def _expand(pattern: str, prefix: str = "") -> str:
    """Compose a rule pattern: whitespace marks, sub-patterns, cue alternations, group names."""
    s = pattern.replace(" ", _WS).replace("~", _OWS)

    def ref(m: re.Match) -> str:
        name, pfx = m.group(1), m.group(2)
        if name.startswith("@"):
            return "(?:" + alternation([p.lower() for p in _CUES[name[1:]]]) + ")"
        return "(?:" + _expand(_DATA["sub"][name], pfx or prefix) + ")"

    s = _REF.sub(ref, s)
    # every group gets a unique name g<n>_<prefix>_<name>, so a sub-pattern can be used twice
    return _GROUP.sub(lambda m: f"<g{next(_counter)}_{prefix}_{m.group(1)}>", s)


def _compile(pattern: str) -> re.Pattern:
    """A rule's regex, matched against the lower-cased text (faster than ignoring case)."""
    literal = re.sub(r"\\.|\{[^}]*\}|\(\?P<@?\w+>", "", pattern)
    if any(c.isupper() for c in literal):
        raise ValueError(f"deadline_rules.json: a pattern must be lower case: {pattern!r}")
    return re.compile(_expand(pattern))


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


_CUE_GROUP = re.compile(r"\(\?P<@cue>\{@(\w+)\}\)")


def _rule(r: dict) -> dict:
    """A rule of the data with the name of the cue table its ``cue`` group reads."""
    both = r.get("lead", "") + " " + r["pattern"]
    m = _CUE_GROUP.search(both)
    table = r.get("cues") or (m.group(1) if m else ("date_cues" if "{CUE}" in both else None))
    return {**r, "_cue_table": table}


_NEEDS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _needs(r: dict) -> tuple[tuple[str, ...], ...]:
    """The quick tests a text (lower case) must pass for the rule to be tried: it holds one string
    of each list of the rule's ``needs`` (``@table`` stands for the phrases of a cue table)."""
    out = []
    for group in r.get("needs", []):
        words: set[str] = set()
        for w in group:
            words.update(x.lower() for x in (_CUES[w[1:]] if w.startswith("@") else [w]))
        # a string holding another of the list adds nothing to the test (``thời hạn`` ⊃ ``hạn``)
        words = {w for w in words if not any(o != w and o in w for o in words)}
        t = tuple(sorted(words, key=len))
        out.append(_NEEDS.setdefault(t, t))         # shared, so tested once a call
    return tuple(sorted(out, key=len))                # the short tests first


def _lead(r: dict) -> re.Pattern | None:
    """The regex of a rule's lead, to be searched in the text just before a core: it must end
    where the core begins."""
    return _compile("(?:" + r["lead"] + r")~\Z") if r.get("lead") else None


# (name, rule, core regex, lead regex, strings that must occur in the text for the rule to be tried)
_RULES = [(r["name"], r, _compile(r["pattern"]), _lead(r), _needs(r)) for r in map(_rule, _DATA["rules"])]
_LOOKBACK = 120          # how far before a core its lead may begin
_TIME = _compile(_DATA["sub"]["TIME"])
_DATE = _compile("{DATE}")
_RECURRENCE = _compile("(?:{REC}|{FREQ})")
# a text where no rule can run holds none of these: the strings of each rule's most telling test
_PREFILTER = re.compile("|".join(sorted({re.escape(w) for r in _RULES
                                         for w in max(r[4], key=lambda t: min(map(len, t)))})))
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n")

_TABLES = {n: _cue_table(n) for n, v in _CUES.items() if isinstance(v, dict)}
_BACKGROUND = re.compile(alternation(_CUES["background"]), re.I)
_REPORT = re.compile(r"(?<![^\W\d_])(?:" + alternation(_CUES["report_verbs"]) + r")(?![^\W\d_])", re.I)
_REC_BLOCK = re.compile(r"(?<![^\W\d_])(?:" + alternation(_CUES["rec_blockers"]) + r")\s*$", re.I)
_PERIOD_BLOCK = re.compile(r"(?<![^\W\d_])(?:" + alternation(_CUES["period_blockers"]) + r")\s*$", re.I)
_GOAL = re.compile(r"(?<![^\W\d_])(?:" + alternation(_CUES["goal_markers"]) + r")(?![^\W\d_])", re.I)
_COMPLETION = re.compile(r"(?<![^\W\d_])(?:" + alternation(_CUES["completion_verbs"]) + r")(?![^\W\d_])", re.I)
_PAST_AFTER = re.compile(r"\s*(?:" + alternation(_CUES["past_after"]) + r")(?![^\W\d_])", re.I)
# the anchor of a relative period must be this document: ``ngày ký``, ``ngày nhận được văn bản này``
_ANCHORS = [(re.compile(r"^(?:(?:" + alternation(_CUES["anchor_lead"]) + r")\s+)?(?:" + alternation(a["words"])
                        + r")(?:\s+(?:" + alternation(_CUES["anchor_tail"]) + r"))?\s*$", re.I), a)
            for a in _CUES["anchors"]]
_CAN = [key(x) for x in _CUES["can"]]
_CHI = [key(x) for x in _CUES["chi"]]
_FREQ = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY", "quarterly": "MONTHLY", "yearly": "YEARLY"}
# a date more than this many days before the issue date, written without a year, is next year's
_ROLL_DAYS = 61


# --- helpers ---------------------------------------------------------------------------------
def _parse_issued(issued: str | None) -> tuple[date | None, bool]:
    """The issue date (the first day of the month or year when only those are known) and
    whether the day is known."""
    if not issued:
        return None, False
    parts = issued.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d), len(parts) == 3
    except (ValueError, IndexError):
        return None, False


def _groups(m: re.Match, text: str) -> dict:
    """{(prefix, name): (text, start, end)} of the groups that took part in the match, read from
    ``text`` (the original of the lower-cased string matched)."""
    out: dict = {}
    for gname, val in m.groupdict().items():
        if val is None:
            continue
        _, pfx, name = gname.split("_", 2)
        a, b = m.span(gname)
        out.setdefault((pfx, name), (text[a:b], a, b))
    return out


def _g(groups: dict, name: str, prefix: str = "") -> str | None:
    v = groups.get((prefix, name))
    return v[0] if v else None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, issued: date | None) -> date | None:
    """A day and month read in the year of the issue date, or the next year when that would put
    it months before the document was issued."""
    if issued is None:
        return None
    day = _valid(issued.year, m, d)
    if day is not None and day < issued - timedelta(days=_ROLL_DAYS):
        day = _valid(issued.year + 1, m, d)
    return day


def _read_date(groups: dict, prefix: str, issued: date | None) -> tuple[date | None, int | None, int | None]:
    d, mo, y = _g(groups, "day", prefix), _g(groups, "month", prefix), _g(groups, "year", prefix)
    if d is None or mo is None:
        return None, None, None
    if y is not None:
        return _valid(int(y), int(mo), int(d)), int(mo), int(d)
    return _infer_year(int(mo), int(d), issued), int(mo), int(d)


def _times(text: str | None) -> list[str]:
    """Clock times of a list like ``9h00’ và 16h00’`` as HH:MM."""
    return [_time_of(_groups(m, m.string), "") for m in _TIME.finditer(_lower(text or ""))]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause (between ``.``, ``;`` or a line break) around ``text[start:end]``."""
    a = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        a = m.end()
    m = _CLAUSE_END.search(text, end)
    return a, (m.start() if m else len(text))


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _canchi_year(name: str, around: date | None) -> int | None:
    """The year of a sexagenary name (``Bính Ngọ`` → 2026) nearest the issue date."""
    parts = key(name).split()
    if len(parts) != 2 or parts[0] not in _CAN or parts[1] not in _CHI:
        return None
    base = around.year if around else date.today().year
    for y in sorted(range(base - 30, base + 31), key=lambda y: abs(y - base)):
        if _CAN[y % 10] == parts[0] and _CHI[y % 12] == parts[1]:
            return y
    return None


def _rrule(rec: str, *, interval: int = 1, months=None, mday=None, wday=None, tm: str | None = None) -> str:
    parts = [f"FREQ={_FREQ[rec]}"]
    if rec == "quarterly" and months is None:
        interval = 3 * interval
    if months is not None and rec == "quarterly":
        parts = ["FREQ=YEARLY"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if months is not None:
        parts.append("BYMONTH=" + ",".join(str(x) for x in months))
    if mday is not None:
        parts.append(f"BYMONTHDAY={mday}")
    if wday is not None:
        parts.append(f"BYDAY={wday}")
    if tm is not None:
        h, mi = tm.split(":")
        parts.append(f"BYHOUR={int(h)};BYMINUTE={int(mi)}")
    return ";".join(parts)


def _base(kind: str, phrase: str) -> dict:
    return {"date": None, "time": None, "recurrence": None, "rrule": None, "phrase": phrase, "kind": kind}


# --- reading one match -----------------------------------------------------------------------
def _cue(groups: dict, rule: dict) -> tuple[str, str, str | None]:
    """(kind, strength, cue text) of a match: from its cue's table, else the rule's defaults."""
    cue = _g(groups, "cue")
    table = rule.get("_cue_table")
    if cue is not None and table is not None:
        hit = _TABLES[table].get(key(cue))
        if hit is not None:
            return hit[0], hit[1], key(cue)
    return rule.get("kind", "on"), rule.get("strength", "weak"), None


def _time_of(g: dict, prefix: str) -> str | None:
    """HH:MM of the clock time read into groups hour/minute/ampm with ``prefix``."""
    h = _g(g, "hour", prefix)
    if h is None:
        return None
    hour, minute = int(h), int(_g(g, "minute", prefix) or 0)
    if hour == 24:                                  # ``24h00``: the end of the day
        return "23:59"
    add = _TABLES["ampm"].get(key(_g(g, "ampm", prefix) or ""), 0)
    if add and hour < 12:
        hour += add
    return f"{hour:02d}:{minute:02d}"


def _read(g: dict, phrase: str, rule: dict, issued: date | None) -> list[dict]:
    """The deadline values a match (its groups ``g``) stands for (several for a list of times)."""
    kind = _cue(g, rule)[0]
    times = _times(_g(g, "times"))
    if not times and _time_of(g, "t"):
        times = [_time_of(g, "t")]
    if _g(g, "rec") is not None:
        return _read_recurrence(g, phrase, kind, times)
    if ("s", "day") in g:
        return [_read_range(g, phrase, times, issued)]
    if _g(g, "event") is not None:
        return [_read_event(g, phrase, issued)]
    if _g(g, "rel_n") is not None:
        return [_read_relative(g, phrase, issued)]
    period = _period(g, issued, kind)
    if period is not None:
        start, end, pkind = period
        v = _base(pkind, phrase)
        if pkind == "before":                      # ``trước tháng 12/2025``: before it begins
            v["date"] = (start - timedelta(days=1)).isoformat()
        else:
            v.update(date=end.isoformat(), start=start.isoformat())
        return [v]
    day, extra = None, {}
    if _g(g, "relday") is not None:
        if issued is not None:
            day = issued + timedelta(days=_TABLES["relative_days"][key(_g(g, "relday"))])
    elif ("", "day") in g:
        day, mo, dd = _read_date(g, "", issued)
        if day is None:
            if _g(g, "year") or issued is not None or _valid(2000, mo, dd) is None:
                return []                           # no such day (``31/2``)
            extra = {"month": mo, "day_of_month": dd}   # no year, and no issue date to read it from
    if day is None and not times and not extra:     # a period of an unknown year, ``ngày mai`` of no date
        return []
    values = []
    for tm in times or [None]:
        v = _base(kind, phrase)
        v.update(date=day.isoformat() if day else None, time=tm, **extra)
        values.append(v)
    return values


def _read_recurrence(g: dict, phrase: str, kind: str, times: list[str]) -> list[dict]:
    """``trước 14h00 hằng ngày``, ``trước ngày 20 hằng tháng``, ``15 tháng 12 hằng năm``."""
    rec = _TABLES["recurrence"][key(_g(g, "rec"))]
    interval = int(_g(g, "interval") or 1)
    mday = int(_g(g, "mday")) if _g(g, "mday") else None
    months = _TABLES["quarter_months"][key(_g(g, "qpos"))] if _g(g, "qpos") else None
    extra: dict = {}
    if rec == "yearly" and _g(g, "day") is not None:
        months, mday = [int(_g(g, "month"))], int(_g(g, "day"))
        extra["month"] = months[0]
    wday = _TABLES["weekdays"].get(key(_g(g, "wday") or ""))
    if mday is not None:
        extra["day_of_month"] = mday
    if wday is not None:
        extra["weekday"] = wday
    if interval > 1:
        extra["interval"] = interval
    if _g(g, "freq_n") is not None:
        extra["times_per_period"] = int(_g(g, "freq_n"))
    values = []
    for tm in times or [None]:
        v = _base("before" if kind == "before" else "on", phrase)
        v.update(time=tm, recurrence=rec,
                 rrule=_rrule(rec, interval=interval, months=months, mday=mday, wday=wday, tm=tm), **extra)
        values.append(v)
    return values


def _read_range(g: dict, phrase: str, times: list[str], issued: date | None) -> dict:
    """``từ ngày 01/12/2025 đến hết ngày 31/12/2025``: due at its end."""
    end = _read_date(g, "", issued)[0]
    sd, sm, sy = _g(g, "day", "s"), _g(g, "month", "s"), _g(g, "year", "s")
    start = None
    if sy is not None:
        start = _valid(int(sy), int(sm), int(sd))
    elif end is not None:                           # ``từ ngày 15/11 đến ngày 20/11/2025``
        start = _valid(end.year if int(sm) <= end.month else end.year - 1, int(sm), int(sd))
    v = _base("range", phrase)
    v.update(date=end.isoformat() if end else None, time=times[0] if times else None,
             start=start.isoformat() if start else None, end=end.isoformat() if end else None)
    return v


def _read_event(g: dict, phrase: str, issued: date | None) -> dict:
    """``trước Tết Nguyên đán (năm 2026 | Bính Ngọ)``: due on the eve of the feast."""
    ev = _TABLES["events"][key(_g(g, "event"))]
    year = int(_g(g, "year")) if _g(g, "year") else (
        _canchi_year(_g(g, "canchi"), issued) if _g(g, "canchi") else None)
    day = None
    if "lunar" in ev:
        if year is not None:
            day = feast(ev["lunar"], year)
        elif issued is not None:
            day = next_feast(ev["lunar"], issued)
    else:
        mo, dd = (int(x) for x in ev["fixed"].split("-"))
        if year is not None:
            day = _valid(year, mo, dd)
        elif issued is not None:
            day = _valid(issued.year, mo, dd)
            if day is not None and day <= issued:
                day = _valid(issued.year + 1, mo, dd)
    v = _base("event", phrase)
    v.update(event=_g(g, "event"), date=(day - timedelta(days=1)).isoformat() if day else None)
    return v


def _read_relative(g: dict, phrase: str, issued: date | None) -> dict:
    """``trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này``: counted from this
    document's date when the anchor is its signing or receipt, else the date is unknown."""
    n = int(_g(g, "rel_n"))
    unit = _TABLES["relative_units"][key(_g(g, "rel_unit"))]
    direction = _TABLES["relative_dirs"].get(key(_g(g, "rel_dir") or ""), 1)
    anchor_text = (_g(g, "anchor") or "").strip()
    v = _base("relative", phrase)
    v[("within_" if direction > 0 else "before_") + unit] = n
    anchor_day, approximate = None, False
    if anchor_text:
        v["anchor"] = anchor_text
        dm = _DATE.search(anchor_text.lower())
        if dm:
            anchor_day = _read_date(_groups(dm, dm.string), "", issued)[0]
        elif issued is not None:
            for rx, a in _ANCHORS:
                if rx.match(anchor_text) and a["anchor"] == "issued":
                    anchor_day, approximate = issued, bool(a.get("approximate"))
                    break
    if anchor_day is None:
        return v
    sign = 1 if direction > 0 else -1
    if unit == "workdays":
        due = add_workdays(anchor_day, sign * n)
    elif unit in ("days", "weeks"):
        due = add_days(anchor_day, sign * n * (7 if unit == "weeks" else 1))
    elif unit == "hours":
        due = anchor_day + timedelta(days=sign * -(-n // 24))
    else:
        mo = anchor_day.month - 1 + sign * n
        y, mo = anchor_day.year + mo // 12, mo % 12 + 1
        due = date(y, mo, min(anchor_day.day, calendar.monthrange(y, mo)[1]))
    v.update(date=due.isoformat(), anchor_date=anchor_day.isoformat())
    if approximate:
        v["approximate"] = True
    return v


def _period(g: dict, issued: date | None, kind: str) -> tuple[date, date, str] | None:
    """(start, end, kind) of a named period: a quarter, a half-year, a month, a year. Without a
    year the period is the issue date's, or the next one when that has ended."""
    year = _g(g, "year") or _g(g, "pyear")
    roll = year is None
    base_year = int(year) if year else (issued.year if issued else None)
    if base_year is None:
        return None
    pkind = "period"
    if _g(g, "quarter") is not None:
        q = _TABLES["roman"][key(_g(g, "quarter"))]
        span = (3 * q - 2, 3 * q)
    elif _g(g, "n_months") is not None:
        n = int(_g(g, "n_months"))
        span = (1, n) if key(_g(g, "half")) == "đầu" else (13 - n, 12)
    elif _g(g, "pmonth") is not None:
        mo = int(_g(g, "pmonth"))
        span, pkind = (mo, mo), "by_end"
    elif _g(g, "pyear") is not None:
        span, pkind = (1, 12), "by_end"
    elif _g(g, "this") is not None and issued is not None:      # ``trong năm nay``, ``quý này``
        roll = False
        w = key(_g(g, "this"))
        if w == "năm":
            span = (1, 12)
        elif w == "quý":
            q = (issued.month - 1) // 3
            span = (3 * q + 1, 3 * q + 3)
        else:
            span = (issued.month, issued.month)
        pkind = "by_end"
    else:
        return None
    start, end = date(base_year, span[0], 1), _month_end(base_year, span[1])
    if roll and issued is not None and end < issued:
        start, end = date(base_year + 1, span[0], 1), _month_end(base_year + 1, span[1])
    return start, end, ("before" if kind == "before" else pkind)


# --- deciding what is a deadline -------------------------------------------------------------
def _is_background(text: str, start: int, end: int, v: dict, strength: str, issued: date | None,
                   day_known: bool) -> bool:
    """A date quoted as background: behind a weak cue in a sentence of statistics or forecasts
    (``tính đến ngày``, ``theo dự báo … đến ngày``), or before the issue date. A weak cue
    (``đến ngày X``) on the issue date itself is a status (``Đến 12h00 ngày 21/11/2025, toàn
    tỉnh ghi nhận …``); a strong one (``trước 17 giờ ngày 27/11/2025``) may fall due that day."""
    if strength == "weak" and v["kind"] != "relative":
        a, b = _clause(text, start, end)
        if _BACKGROUND.search(text, a, b):
            return True
    if issued is None or v.get("recurrence") or not v.get("date") or v["kind"] == "relative":
        return False
    d = date.fromisoformat(v["date"])
    if not day_known:                     # only the month (or year) of issue is known
        return d < issued
    if strength == "weak" and v["kind"] not in ("period", "range") and "start" not in v:
        return d <= issued
    return d < issued


def _select(cands: list[tuple]) -> list[tuple]:
    """Longest matches first; a match inside or across a longer one is dropped."""
    chosen: list[tuple] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def extract_deadlines(text: str, issued: str | None = None, offset: int = 0) -> list[Found]:
    """Deadlines of ``text`` (a task's text, or any paragraph), in text order.

    value: {date: "YYYY-MM-DD"|None, time: "HH:MM"|None, recurrence: daily|weekly|monthly|
    quarterly|yearly|None, rrule: RFC 5545 RRULE|None, phrase, kind: before|on|by_end|range|
    relative|period|event, …} with ``start``/``end`` for a range, ``start`` for a period,
    ``within_workdays``/``within_days``/… and ``anchor`` for a relative one, ``day_of_month``,
    ``weekday``, ``month`` for a recurrence. ``issued`` (the document's date, ISO, possibly only
    ``YYYY-MM`` or ``YYYY``) gives the year of a date written without one, the anchor of a period
    counted from the document, and tells background dates (before it) from deadlines.
    Spans are offsets into ``text`` plus ``offset``.
    """
    low = _lower(text or "")
    if not _PREFILTER.search(low):
        return []
    iss, day_known = _parse_issued(issued)
    cands = []
    tested: dict[tuple[str, ...], bool] = {}
    for prio, (name, rule, rx, lead, needs) in enumerate(_RULES):
        for n in needs:                      # the quick tests first: most rules never run
            ok = tested.get(n)
            if ok is None:
                ok = False
                for w in n:
                    if w in low:
                        ok = True
                        break
                tested[n] = ok
            if not ok:
                break
        else:
            for m in rx.finditer(low):
                s, e = m.span()
                g = _groups(m, text)
                if lead is not None:
                    lm = lead.search(low, max(0, s - _LOOKBACK), s)
                    if lm is not None and lm.start() < s:
                        for k, v in _groups(lm, text).items():
                            g.setdefault(k, v)
                        s = lm.start()
                    elif rule.get("lead_required"):
                        continue
                while e > s and text[e - 1].isspace():
                    e -= 1
                cands.append((s, e, prio, name, rule, g))
    out: list[tuple[int, int, dict, bool]] = []
    pending_time: list[tuple[int, int, list[dict]]] = []
    for s, e, _, _, rule, g in _select(cands):
        values = _read(g, text[s:e], rule, iss)
        if not values or not _keep(text, s, e, g, rule, values[0], iss, day_known):
            continue
        if rule.get("clause_recurrence") and all(v["date"] is None for v in values):
            pending_time.append((s, e, values))
            continue
        out.extend((s, e, v, bool(rule.get("standalone"))) for v in values)
    # a bare clock time takes the recurrence said elsewhere in its clause (``báo cáo 02 lần/ngày
    # (trước 9h00’ và 16h00’)``, ``hằng ngày, trước 16 giờ …``); that recurrence is then not a
    # deadline of its own
    consumed: list[tuple[int, int]] = []
    for s, e, values in pending_time:
        a, b = _clause(text, s, e)
        recs = [r for r in _RECURRENCE.finditer(low, a, b) if r.end() <= s or r.start() >= e]
        if recs:
            r = min(recs, key=lambda r: min(abs(r.start() - e), abs(s - r.end())))
            rec = _TABLES["recurrence"][key(_g(_groups(r, low), "rec"))]
            consumed.append(r.span())
            for v in values:
                v.update(recurrence=rec, rrule=_rrule(rec, tm=v["time"]))
        out.extend((s, e, v, False) for v in values)
    out = [x for x in out if not (x[3] and any(x[0] < ce and cs < x[1] for cs, ce in consumed))]
    out.sort(key=lambda x: x[0])
    return [Found(v, s + offset, e + offset) for s, e, v, _ in out]


def _keep(text: str, s: int, e: int, g: dict, rule: dict, v: dict, issued: date | None,
          day_known: bool) -> bool:
    """Is the match ``text[s:e]`` (groups ``g``) a deadline, not a background date, a topic or a
    goal?"""
    strength = _cue(g, rule)[1]
    if rule.get("standalone") and not _standalone_ok(text, s, e):
        return False
    if v["kind"] == "relative" and not _relative_ok(text, e, g, strength):
        return False
    if v["kind"] == "period":
        if _PERIOD_BLOCK.search(text, max(0, s - 40), s):      # ``báo cáo sơ kết 6 tháng đầu năm``
            return False
        if _g(g, "cue") is None:                               # a bare ``Quý II/2026`` (a table cell)
            if _g(g, "year") is None:
                return False
            strength = "weak"
    if v["kind"] == "event" and _is_goal(text, s, e):
        return False
    return not _is_background(text, s, e, v, strength, issued, day_known)


def _standalone_ok(text: str, s: int, e: int) -> bool:
    """A bare recurrence (``hằng tuần``) is a deadline when the clause reports or meets on it
    (``báo cáo … hằng tuần``), or when it is ``định kỳ``; not in ``trợ cấp hằng tháng``."""
    if key(text[s:e]).startswith("định kỳ"):
        return True
    if _REC_BLOCK.search(text, max(0, s - 30), s):
        return False
    a, b = _clause(text, s, e)
    return bool(_REPORT.search(text, a, b))


def _is_goal(text: str, s: int, e: int) -> bool:
    """Is the phrase at ``s`` inside the goal of its clause (``bảo đảm người dân có nhà ở an
    toàn trước Tết``), not the time of the action (``hoàn thành chi trả trước Tết``)?"""
    a, _ = _clause(text, s, s)
    goals = list(_GOAL.finditer(text, a, s))
    return bool(goals) and not _COMPLETION.search(text, goals[-1].end(), e)


def _relative_ok(text: str, e: int, g: dict, strength: str) -> bool:
    """``trong thời hạn 05 ngày``, ``… kể từ ngày nhận được``; not ``trong 10 ngày qua``,
    ``giai đoạn sau 72 giờ``."""
    if _PAST_AFTER.match(text, e):
        return False
    if _g(g, "rel_dir") is not None:
        return True
    return strength == "strong"


# --- the tracker's view ----------------------------------------------------------------------
_PERIOD_END = {"FREQ=DAILY": "FREQ=DAILY", "FREQ=WEEKLY": "FREQ=WEEKLY;BYDAY=SU",
               "FREQ=MONTHLY": "FREQ=MONTHLY;BYMONTHDAY=-1",
               "FREQ=MONTHLY;INTERVAL=3": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
               "FREQ=MONTHLY;INTERVAL=6": "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
               "FREQ=YEARLY": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"}


def _default_time(v: dict) -> time:
    """The due moment of a day with no hour: its start for ``trước ngày X``, else its end."""
    return time(0, 0) if v.get("kind") == "before" else time(23, 59)


def next_occurrence(deadline_value: dict, on: date | datetime) -> datetime | None:
    """The next due moment of a deadline at or after ``on`` (a date means its first moment).

    A one-off deadline gives its due moment while it is still ahead, else None; a recurring one
    gives its next occurrence (the period's last day when the text names no day: ``báo cáo hằng
    tháng`` is due by the end of each month). None when the deadline has no known date.
    """
    start = on if isinstance(on, datetime) else datetime.combine(on, time(0, 0))
    v = deadline_value
    rule = v.get("rrule")
    if rule:
        if not any(p in rule for p in ("BYMONTHDAY", "BYDAY", "BYMONTH")):
            hm = re.search(r";BYHOUR=\d+;BYMINUTE=\d+$", rule)
            base = rule[:hm.start()] if hm else rule
            rule = _PERIOD_END.get(base, base) + (hm.group(0) if hm else "")
        dt = _default_time(v) if not v.get("time") else time(0, 0)
        r = rrulestr(rule, dtstart=datetime.combine(start.date(), dt))
        return r.after(start, inc=True)
    if not v.get("date"):
        return None
    d = date.fromisoformat(v["date"])
    if v.get("time"):
        h, mi = (int(x) for x in v["time"].split(":"))
        due = datetime.combine(d, time(h, mi))
    else:
        due = datetime.combine(d, _default_time(v))
    return due if due >= start else None
