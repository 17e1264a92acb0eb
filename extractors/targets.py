"""Numeric targets of a task: ``tối thiểu 60%``, ``100% cán bộ, công chức``, ``ít nhất 3 người``.

A number is a target when a cue makes it one: a comparator (``tối thiểu``, ``ít nhất``, ``không
quá``, ``… trở lên``), a target verb right before it (``đảm bảo``, ``phấn đấu đạt``, ``hoàn
thành``), or a whole group (``100% cán bộ``). Statistics quoted as background (``đạt tỷ lệ
16,27%``, ``chiếm khoảng 7,4% dân số``, ``183.620 thuê bao``) and frequencies (``02 lần/ngày``)
are not targets. Cue words, units and background markers are data: ``data/target_rules.json``.
"""
from __future__ import annotations

import re

from extractors.base import Found, alternation, key, load_json
from extractors.deadlines import extract_deadlines

_DATA = load_json("target_rules.json")
_W = r"(?<![^\W\d_])"            # a word starts here
_E = r"(?![^\W\d_])"             # a word ends here


def _at_end(phrases) -> re.Pattern:
    """Matches one of ``phrases`` ending a text (the words right before a number)."""
    return re.compile(_W + "(?:" + alternation(phrases) + r")\s*$", re.I)


_NUMBER = re.compile(_DATA["number"].replace("~", r"\s*"))
_CMP = _at_end(_DATA["comparators"])
_WEAK_CMP = _at_end(_DATA["weak_comparators"])
_VERB = _at_end(_DATA["target_verbs"])
_FILLER = _at_end(_DATA["fillers"])
_WEAK_VERBS = {key(v) for v in _DATA["weak_verbs"]}
_AIM = re.compile(_W + "(?:" + alternation(_DATA["aim_markers"]) + ")" + _E, re.I)
_COMPARATORS = {key(k): v for k, v in {**_DATA["comparators"], **_DATA["weak_comparators"]}.items()}
_POSTFIX = re.compile(r"\s*(?:" + alternation(_DATA["postfix"]) + ")" + _E, re.I)
_POSTFIXES = {key(k): v for k, v in _DATA["postfix"].items()}
_SP = r"[^\S\n]"
_UNIT = re.compile(_SP + "*(" + alternation(_DATA["units"]) + ")" + _E, re.I)
_NOT_UNIT = re.compile(_SP + "*(?:" + alternation(_DATA["not_units"]) + ")" + _E, re.I)
_STOP = {key(w) for w in _DATA["stop_words"]}
_WORDS = re.compile(_SP + r"+([^\W\d_]+)(?:" + _SP + r"+([^\W\d_]+))?")
_PERCENT = re.compile(r"\s*(?:%|phần trăm" + _E + ")", re.I)
_GROUP = re.compile(r"\s*(?:" + alternation(_DATA["whole_group"]) + ")" + _E, re.I)
_BACKGROUND = re.compile(_W + "(?:" + alternation(_DATA["background"]) + ")" + _E, re.I)
_BREAK = re.compile(r"[,;:.()\[\]\n]")
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n")


def _number(s: str) -> int | float:
    """A number written the Vietnamese way: ``183.620`` = 183620, ``16,27`` = 16.27."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    v = float(s)
    return int(v) if v.is_integer() else v


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = _SENTENCE_END.search(text, end)
    return a, (m.start() if m else len(text))


def _unit(text: str, i: int) -> tuple[str | None, int]:
    """The unit noun after a number at ``i`` (a known one, else one or two lower-case words)."""
    u = _UNIT.match(text, i)
    if u and u.group(1)[0].islower() and u.start(1) - i <= 2:
        return re.sub(r"\s+", " ", u.group(1)), u.end()
    u = _WORDS.match(text, i)
    if not u or u.start(1) - i > 2 or not u.group(1)[0].islower() or key(u.group(1)) in _STOP:
        return None, i
    if u.group(2) and u.group(2)[0].islower() and key(u.group(2)) not in _STOP:
        return u.group(1) + " " + u.group(2), u.end(2)
    return u.group(1), u.end(1)


def _lead(text: str, start: int) -> tuple[str | None, str | None, int, bool]:
    """(comparator, target verb, start of the cue, whether an aim comes before the verb in the
    clause) read from the words right before a number."""
    a = max(0, start - 80)
    w = text[a:start]
    cut = [m.end() for m in _BREAK.finditer(w)]
    base = a + (cut[-1] if cut else 0)
    w = text[base:start]
    cmp = verb = None
    cue_start = start
    m = _CMP.search(w)
    if m:
        cmp, w, cue_start = _COMPARATORS[key(m.group(0))], w[:m.start()], base + m.start()
    else:
        m = _WEAK_CMP.search(w)
        if m:
            cmp, w, cue_start = "?" + _COMPARATORS[key(m.group(0))], w[:m.start()], base + m.start()
    aim = False
    for _ in range(4):               # a verb, perhaps behind a few fillers (đạt tỷ lệ, hướng dẫn đến)
        m = _VERB.search(w)
        if m:
            verb, cue_start = key(m.group(0)), base + m.start()
            aim = bool(_AIM.search(w, 0, m.start()))
            break
        m = _FILLER.search(w)
        if not m or not m.group(0).strip():
            break
        w = w[:m.start()]
    return cmp, verb, cue_start, aim


def extract_targets(text: str, offset: int = 0, by: str | None = None) -> list[Found]:
    """Targets of ``text``: value {value, unit, comparator, by, phrase}.

    ``by`` of a target is the date of a deadline in its own sentence (``Đảm bảo đến ngày
    20/8/2020, tối thiểu 60% …``), else the ``by`` given (the task's deadline).
    """
    out: list[Found] = []
    if not text:
        return out
    for m in _NUMBER.finditer(text):
        ns, ne = m.span()
        p = _PERCENT.match(text, ne)
        if p:
            unit, ue = "%", p.end()
        else:
            if _NOT_UNIT.match(text, ne):
                continue
            unit, ue = _unit(text, ne)
            if unit is None:
                continue
        value = _number(m.group(0))
        cmp, verb, cue_start, aim = _lead(text, ns)
        post = _POSTFIX.match(text, ue)
        if post:
            cmp, ue = _POSTFIXES[key(post.group(0))], post.end()
        whole = unit == "%" and value == 100 and _GROUP.match(text, ue)
        if cmp and cmp.startswith("?"):            # trên, dưới: only after a target verb
            cmp = cmp[1:] if verb else None
        if verb in _WEAK_VERBS and not cmp and not aim:   # bare ``đạt 16,27%`` is a statistic
            verb = None
        if not (cmp or verb or whole):
            continue
        a, b = _bounds(text, ns, ue)
        if _BACKGROUND.search(text, a, b):
            continue
        when = by
        for d in extract_deadlines(text[a:b]):
            if d.value["date"] and not d.value["recurrence"]:
                when = d.value["date"]
                break
        out.append(Found({"value": value, "unit": unit, "comparator": cmp or "=", "by": when,
                          "phrase": text[cue_start:ue].strip()}, cue_start + offset, ue + offset))
    return out
