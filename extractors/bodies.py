"""Bodies named in running text: who must act, whom they direct, whom they report to.

A body is recognised from a gazetteer (``extractors/data/bodies.tsv``), not by generic NER: it
opens with a head word — an organisation (``Sở``, ``Ủy ban nhân dân``, ``Ban chỉ đạo``), an office
(``Chủ tịch``, ``thủ trưởng``), or a quantified kind of body (``các sở, ban, ngành``, ``từng xã``) —
and its name runs on until a predicate opens (``… tập trung chỉ đạo``), a preposition or a
punctuation mark ends it, or another body begins (``…, Trung tâm …``, ``… và các đoàn thể``).

Lists are read the way a clerk writes them:

- ``Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn`` → two bodies (a comma inside
  a body's name — ``các xã, thị trấn``, ``Bộ Văn hóa, Thể thao và Du lịch`` — does not split it);
- ``Các Bộ: Quốc phòng, Công an`` → ``Bộ Quốc phòng``, ``Bộ Công an`` (a grouped list of agencies
  is split, one body each; ``các tỉnh: Khánh Hòa, Gia Lai`` stays one body);
- ``Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: X, Y`` → both offices take the shared locus.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.base import Found, alternation, load_tsv

_END = r"(?![^\W_])"          # a match ends at a word boundary
_WORD = re.compile(r"[^\W_]+(?:[-'’&./][^\W_]+)*|&|\S")
_SPACES = re.compile(r"[ \t]*")


@lru_cache(maxsize=None)
def _lexicon() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("bodies.tsv"):
        out.setdefault(row["kind"].strip(), []).append(row["phrase"].strip())
    return out


@lru_cache(maxsize=None)
def _re(kind: str, ignore_case: bool = False) -> re.Pattern:
    phrases = _lexicon().get(kind, [])
    return re.compile("(?:" + alternation(phrases) + ")" + _END, re.I if ignore_case else 0)


# (kind, ignore_case) → (the phrase pattern, {character: can a phrase start with it?}, the
# pattern of first characters); most positions are turned down by the first character alone
_MATCHERS: dict[tuple[str, bool], tuple[re.Pattern, dict[str, bool], re.Pattern | None]] = {}


def _matcher(kind: str, ignore_case: bool) -> tuple[re.Pattern, dict[str, bool], re.Pattern | None]:
    phrases = [p for p in _lexicon().get(kind, []) if p]
    first = re.compile("(?:" + alternation({p[0] for p in phrases}) + ")", re.I if ignore_case else 0) \
        if phrases else None
    out = _MATCHERS[(kind, ignore_case)] = (_re(kind, ignore_case), {}, first)
    return out


def _m(kind: str, s: str, i: int, ignore_case: bool = False) -> int | None:
    """End of a ``kind`` phrase that starts at ``s[i]``, or None."""
    rx, starts, first = _MATCHERS.get((kind, ignore_case)) or _matcher(kind, ignore_case)
    if first is not None and i < len(s):
        c = s[i]
        ok = starts.get(c)
        if ok is None:
            ok = starts[c] = first.match(c) is not None
        if not ok:
            return None
    m = rx.match(s, i)
    return m.end() if m else None


def _skip(s: str, i: int) -> int:
    return _SPACES.match(s, i).end()


def _lower_start(s: str, i: int) -> bool:
    return i < len(s) and s[i].islower()


def head_at(s: str, i: int) -> tuple[str, int] | None:
    """The head of a body starting at ``s[i]``: (kind, end) with kind title | org | unit | quant."""
    if i >= len(s) or not s[i].isalpha() and s[i] not in "Đđ":
        return None
    if i > 0 and (s[i - 1].isalnum() or s[i - 1] == "_"):
        return None
    if _m("not", s, i) is not None:
        return None
    best: tuple[str, int] | None = None
    q = _m("quant", s, i)
    if q is not None:
        j = _skip(s, q)
        if _m("not", s, j) is None:
            for kind, ic in (("generic", False), ("org", False), ("title", True), ("unit", True)):
                e = _m(kind, s, j, ic)
                if e is not None and (best is None or e > best[1]):
                    best = ("quant", e)
    for kind, ic in (("title", True), ("org", False), ("unit", True)):
        e = _m(kind, s, i, ic)
        if e is not None and (best is None or e > best[1]):
            best = (kind, e)
    return best


def starts_predicate(s: str, i: int) -> bool:
    """Does a predicate (a verb or adverb that ends a body's name) open at ``s[i]``?"""
    return _m("stop", s, i, ignore_case=True) is not None


def _prefix_end(s: str, i: int) -> int:
    e = _m("prefix", s, i)
    return _skip(s, e) if e is not None else i


def _splits_after_comma(s: str, k: int, kind: str) -> bool:
    """Does ``, <s[k:]>`` open another body (rather than go on with this one's name)?"""
    if _m("prefix", s, k) is not None:
        return True
    h = head_at(s, k)
    if h is None:
        return False
    hk = h[0]
    if hk == "title":
        return True
    if hk == "org":
        return not _lower_start(s, k)
    if hk == "quant":
        # "Mặt trận Tổ quốc, …, các đoàn thể": a named organisation, then a collective body;
        # "người đứng đầu các cơ quan …, các đơn vị …": one office over a list of bodies
        return kind == "org"
    return False


def _splits_after_and(s: str, k: int) -> bool:
    h = head_at(s, k)
    if h is None:
        return _m("prefix", s, k) is not None
    return h[0] in ("title", "quant", "unit") or (h[0] == "org" and not _lower_start(s, k))


def _list_colon(s: str, start: int, colon: int) -> bool:
    """``các Bộ: Quốc phòng, …`` / ``các tỉnh: Khánh Hòa, …``: a colon that opens a name list."""
    before = s[start:colon].rstrip()
    m = re.search(r"(?:^|\s)(?:các|Các)\s+(.{1,40})$", before)
    if not m:
        return False
    tail = m.group(1)
    kinds = _list_kinds()
    if tail not in kinds and tail.split(", ")[-1] not in kinds:
        return False
    k = _skip(s, colon + 1)
    if k >= len(s) or not s[k].isupper():
        return False
    return _m("stop", s, k, ignore_case=True) is None


def _capital_predicate(s: str, j: int, k: int) -> bool:
    """``Bộ Dân tộc và Tôn giáo Phối hợp với …``: a predicate of two words or more, capitalised,
    after a word in lower case — a heading line joined onto the sentence under it."""
    if not s[k].isupper():
        return False
    m = _re("stop", True).match(s, k)
    if m is None or " " not in m.group(0).strip():
        return False
    w = _LAST_WORD.search(s, max(0, j - 30), j)
    return bool(w) and w.group(0)[0].islower()


_COMMA = re.compile(r",")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")
_LAST_WORD = re.compile(r"[^\W\d_]+(?=[ \t]*$)")


def _leaves_territory(s: str, start: int, comma: int, n: int) -> bool:
    """``Công an xã, lực lượng dân quân``: after a list of administrative units (``xã``, ``các
    huyện, thị xã``) a kind of organisation opens another body; ``các xã, phường`` goes on."""
    w = _LAST_WORD.search(s, max(start, comma - 30), comma)
    if not w or w.group(0) not in _territory_words():
        return False
    return _m("territory", s, n) is None and _m("place", s, n) is None


@lru_cache(maxsize=None)
def _territory_words() -> frozenset:
    return frozenset(p.split()[-1] for p in _lexicon().get("territory", []))


def _name_end(s: str, start: int, kind: str, head_end: int, limit: int) -> int:
    """Where the name of the body whose head is ``s[start:head_end]`` ends."""
    j = head_end
    list_mode = False
    words = 0
    while True:
        k = _skip(s, j)
        if k >= limit:
            break
        c = s[k]
        if c in "\n.;()[]“”\"!?":
            if c == "." and k + 1 < limit and s[k + 1].isalnum():   # "TP.Hồ Chí Minh"
                j = k + 1
                continue
            break
        if c == ":":
            if not list_mode and _list_colon(s, start, k):
                list_mode = True
                j = k + 1
                continue
            break
        if c == ",":
            n = _skip(s, k + 1)
            if n >= limit:
                break
            if list_mode:
                if _m("name", s, n) is not None:
                    j = n
                    continue
                if head_at(s, n) or _m("stop", s, n, ignore_case=True) is not None:
                    break
                j = n
                continue
            if _leaves_territory(s, start, k, n):
                if head_at(s, n) is not None:
                    break
            else:
                g = _m("generic", s, n)
                if g is not None and _lower_start(s, n):
                    j = g                                      # "các sở, ban, ngành, tổ chức …"
                    continue
            if _splits_after_comma(s, n, kind):
                break
            if _m("stop", s, n) is not None or _m("object", s, n) is not None:
                break
            j = n
            continue
        w = _WORD.match(s, k)
        if not w:
            break
        word = w.group(0)
        if word in ("và", "cùng"):
            n = _skip(s, w.end())
            if list_mode and _m("name", s, n) is not None:
                j = n
                continue
            if _splits_after_and(s, n):
                break
            j = w.end()
            continue
        lower = word[0].islower()
        # stop and object phrases are written in lower case, organisations' heads capitalised
        if lower:
            e = _m("inname", s, k)
            if e is not None:                                  # "… lĩnh vực việc làm"
                j = e
                continue
            if _m("stop", s, k) is not None or _m("object", s, k) is not None:
                break
        elif j > head_end and _capital_predicate(s, j, k):
            break
        qe = _m("quant", s, k)
        if qe is not None:
            if not lower and j > head_end:
                break                                          # "Bộ Tư pháp Các bộ, ngành": two cells
            q = _skip(s, qe)
            if _m("object", s, q) is not None or _m("stop", s, q) is not None:
                break                                          # "báo cáo Thủ tướng Chính phủ các vấn đề …"
        if list_mode:
            e = _m("name", s, k)
            if e is not None:
                j = e
                continue
        e = None if lower else _m("org", s, k)                # "Văn phòng Ban chỉ đạo …"
        j = e if e is not None else w.end()
        words += 1
        if words > 30:
            break
    # trim trailing punctuation that belongs to the sentence
    while j > head_end and s[j - 1] in " ,-–":
        j -= 1
    return j


def _paren_end(s: str, i: int, limit: int) -> int:
    depth = 0
    for j in range(i, limit):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        elif s[j] == "\n":
            break
    return i


def body_at(s: str, i: int, limit: int | None = None) -> tuple[int, int] | None:
    """The span of one body starting at ``s[i]`` (a courtesy prefix is skipped), or None."""
    limit = len(s) if limit is None else min(limit, len(s))
    a = _prefix_end(s, i)
    h = head_at(s, a)
    if h is None:
        return None
    e = _name_end(s, a, h[0], h[1], limit)
    return (a, e) if e > a else None


def bodies_at(s: str, i: int, limit: int | None = None) -> tuple[list[Found], int]:
    """The list of bodies that starts at ``s[i]`` and the offset where the list ends.

    Each Found holds one body (grouped lists split, a shared locus given to both offices);
    ``(list, end)``, or ``([], i)`` when no body starts at ``i``.
    """
    limit = len(s) if limit is None else min(limit, len(s))
    items: list[tuple[int, int]] = []
    joins: list[str] = []
    j = i
    while True:
        span = body_at(s, j, limit)
        if span is None:
            break
        items.append(span)
        k = _skip(s, span[1])
        if k < limit and s[k] == "(":                        # "(kể cả …) và …"
            p = _paren_end(s, k, limit)
            if p > k:
                k = _skip(s, p)
        sep = None
        if k < limit and s[k] in ",;":
            sep = s[k]
            k = _skip(s, k + 1)
            if sep == ";" and k < limit and s[k] == "\n":     # "…;" ⏎ "Chủ tịch UBND …"
                k = _skip(s, k + 1)
            w = _WORD.match(s, k)
            if w and w.group(0) == "và":
                sep = "và"
                k = _skip(s, w.end())
        else:
            w = _WORD.match(s, k) if k < limit else None
            if w and w.group(0) in ("và", "cùng"):
                sep = "và"
                k = _skip(s, w.end())
        if sep is None or body_at(s, k, limit) is None:
            break
        joins.append(sep)
        j = k
    if not items:
        return [], i
    out: list[Found] = []
    texts = [s[a:b] for a, b in items]
    # "Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: X, Y": the first office shares the locus
    for n in range(len(texts) - 1):
        if joins[n] != "và":
            continue
        a, b = texts[n], texts[n + 1]
        ha, hb = head_at(a, _prefix_end(a, 0)), head_at(b, _prefix_end(b, 0))
        if ha and hb and ha[0] == "title" and hb[0] == "title" and not re.search(r"\b[Cc]ác\b", a):
            m = _shared_locus_re().search(b)
            if m:
                texts[n] = a + " " + m.group(1)
    for (a, b), text in zip(items, texts):
        for name, x, y in _split_group_spans(text):
            out.append(Found(name, a + x, a + y))
    return out, items[-1][1]


@lru_cache(maxsize=None)
def _shared_locus_re() -> re.Pattern:
    return re.compile(r"\s(các\s+(?:" + alternation(_lexicon().get("territory", [])) + r")\b.*)$")


@lru_cache(maxsize=None)
def _group_re() -> re.Pattern:
    return re.compile(r"^(?P<title>.*?)\s*\b(?:các|Các)\s+(?P<agency>" + alternation(_lexicon().get("agency", []))
                      + r")\s*:\s*")


@lru_cache(maxsize=None)
def _list_kinds() -> frozenset:
    lex = _lexicon()
    return frozenset(lex.get("agency", [])) | frozenset(lex.get("territory", [])) | frozenset(lex.get("generic", []))


def _split_names(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the names in ``s[a:b]`` ("Quốc phòng, Công an và Tài chính")."""
    out = []
    i = _skip(s, a)
    while i < b:
        e = _m("name", s, i)
        if e is not None and e <= b and (e == b or re.match(r"\s*(?:,|và\b|$)", s[e:b])):
            out.append((i, e))
            i = e
        else:
            m = _COMMA.search(s, i, b)
            e = m.start() if m else b
            seg = s[i:e]
            # the last item of a list may be joined by "và": "…, Xây dựng và Công Thương"
            if not m:
                parts = re.split(r"\s+và\s+", seg)
                if len(parts) == 2 and all(_m("name", p, 0) for p in parts):
                    k = s.index(parts[1], i)
                    out.append((i, i + len(parts[0])))
                    out.append((k, k + len(parts[1])))
                    i = e
                    continue
            out.append((i, i + len(seg.rstrip())))
            i = e
        m = _LIST_SEP.match(s, i)
        if not m or m.end() == i:
            break
        i = m.end()
    return [(x, y) for x, y in out if y > x]


def _split_group_spans(text: str) -> list[tuple[str, int, int]]:
    """Split a grouped list of agencies, keeping offsets into ``text``."""
    if ":" not in text:
        return [(text, 0, len(text))]
    m = _group_re().match(text)
    if not m:
        return [(text, 0, len(text))]
    out = []
    agency = m.group("agency")
    agency = agency[0].upper() + agency[1:]
    title = m.group("title").strip()
    if title and head_at(title, _prefix_end(title, 0)) is None:
        return [(text, 0, len(text))]
    for x, y in _split_names(text, m.end(), len(text)):
        name = text[x:y]
        out.append(((title + " " if title else "") + agency + " " + name, x, y))
    return out or [(text, 0, len(text))]


def split_group(text: str) -> list[str]:
    """``Các Bộ: Quốc phòng, Công an`` → ``["Bộ Quốc phòng", "Bộ Công an"]``;
    ``Bộ trưởng các Bộ: Quốc phòng, Công an`` → ``["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]``.
    A list after a head that is not an agency (``các tỉnh: Khánh Hòa, Gia Lai``) is one body."""
    return [t for t, _, _ in _split_group_spans(text.strip())]


def find_bodies(s: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Every body mentioned in ``s[start:end]``, left to right, one Found (str) each."""
    end = len(s) if end is None else end
    out: list[Found] = []
    i = start
    while i < end:
        w = _WORD.match(s, i)
        if not w:
            i += 1
            continue
        if w.group(0)[0].isalpha():
            found, e = bodies_at(s, w.start(), end)
            if found:
                out.extend(found)
                i = max(e, w.end())
                continue
        i = w.end()
    return out
