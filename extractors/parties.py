"""Parties of a dispatch: recipients (Kính gửi), distribution list (Nơi nhận), signer.

- Recipients follow ``Kính gửi:`` (and ``Đồng kính gửi:``), or, in a công điện, the sender's
  name in capitals and ``điện:`` (``THỦ TƯỚNG CHÍNH PHỦ điện:``): one item per ``-`` bullet, or
  inline after the colon.
- The distribution list follows ``Nơi nhận:``, one item per bullet (``- Lưu: VT, CT.``).
- The signature block stacks the delegation lines above the signer's own title and name:
  ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / ``Lê Chí Thái``. The authority
  that governs the signer's title is the innermost marker (here ``KT.``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.base import Found, alternation, key, load_lines, load_tsv
from extractors.header import LOWER, UPPER, Line, canonical_name, is_caps, lines_of, stamp_of

# --- data ------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _opener_patterns(name: str) -> tuple[tuple[re.Pattern, bool], ...]:
    """(regex, after_caps) of the lines that open list ``name``; groups: lead, rest."""
    pats = []
    for r in load_tsv("parties_lists.tsv"):
        if r["list"] != name:
            continue
        phrase = alternation([r["phrase"]])
        if r["after_caps"] == "1":
            pats.append((re.compile(r"^(?:[-+•][ ]*)?(?P<lead>[^\n:]{3,120}?)[ ]+(?:" + phrase
                                    + r")[ ]*:[ ]*(?P<rest>.*)$"), True))
        else:
            pats.append((re.compile(r"^(?:[-+•][ ]*)?(?P<lead>" + phrase + r")(?![\w])[ ]*:?[ ]*(?P<rest>.*)$",
                                    re.I), False))
    return tuple(pats)


def _opener(name: str, ln: Line) -> re.Match | None:
    for p, after_caps in _opener_patterns(name):
        if after_caps and ":" not in ln.text:
            continue
        m = p.match(ln.text)
        if m and (not after_caps or is_caps(m.group("lead"))):
            return m
    return None


@lru_cache(maxsize=None)
def _authority_re() -> re.Pattern:
    rows = load_tsv("parties_authority.tsv")
    return re.compile(r"(?:^|(?<=\s))(?P<mark>" + alternation(r["written"] for r in rows) + r")[ ]*(?=\S)", re.I)


@lru_cache(maxsize=None)
def _authority_of() -> dict[str, str]:
    return {key(r["written"]): r["authority"] for r in load_tsv("parties_authority.tsv")}


@lru_cache(maxsize=None)
def _titles() -> dict[str, str]:
    return {key(r["title"]): r["title"] for r in load_tsv("parties_titles.tsv")}


@lru_cache(maxsize=None)
def _title_re() -> re.Pattern:
    return re.compile(r"^(?:" + alternation(r["title"] for r in load_tsv("parties_titles.tsv")) + r")(?![\w])", re.I)


@lru_cache(maxsize=None)
def _noise() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in load_lines("parties_noise.txt"))


@lru_cache(maxsize=None)
def _name_prefix_re() -> re.Pattern:
    return re.compile(r"^(?:(?:" + alternation(load_lines("parties_name_prefixes.txt")) + r")[ ]*)+")


# --- lists -----------------------------------------------------------------------------------
_BULLET = re.compile(r"^(?:[-+•–][ ]*(?=\S)|\*[ ]+)")
_TRAIL = " ;.,:"


_ITEM_END = re.compile(r"[;.][ ]+(?=\S)")


def _caps_tail(s: str) -> int | None:
    """Offset of a signature line in capitals that ends a line of the other column: a
    delegation (``- Lưu: VT. KT. CHỦ TỊCH``) or, after an item's end, a title (``- Như trên;
    PHÓ CHỦ TỊCH``); None when there is none."""
    for m in _authority_re().finditer(s):
        if m.start() > 0 and is_caps(s[m.start():]):
            return m.start()
    for m in _ITEM_END.finditer(s):
        rest = s[m.end():]
        if _title_re().match(rest) and is_caps(rest):
            return m.end()
    return None


def _item(text: str, a: int, b: int) -> Found | None:
    """An item of a list with its span, without bullet and trailing punctuation."""
    tail = _caps_tail(text[a:b])
    if tail is not None:
        b = a + tail
    seg = text[a:b]
    m = _BULLET.match(seg)
    if m:
        a += m.end()
        seg = seg[m.end():]
    lead = len(seg) - len(seg.lstrip())
    a += lead
    seg = seg.strip()
    while seg and seg[-1] in _TRAIL:
        seg = seg[:-1].rstrip()
    if seg.endswith("./"):
        seg = seg[:-2].rstrip()
    if not seg or not any(c.isalpha() for c in seg):
        return None
    return Found(re.sub(r"\s+", " ", seg), a, a + len(seg))


def _merge(items: list[tuple[Found, str]]) -> list[Found]:
    """Join an item that breaks off at a comma with the item after it (a wrapped line the
    crawl turned into two bullets): ``- … các tỉnh: Gia Lai,`` / ``- Đắk Lắk và Khánh Hòa;``."""
    out: list[Found] = []
    open_prev = False
    for f, raw in items:
        if out and open_prev:
            prev = out[-1]
            out[-1] = Found(re.sub(r"\s+", " ", prev.value + ", " + f.value), prev.start, f.end)
        else:
            out.append(f)
        open_prev = raw.rstrip().endswith(",")
    return out


def _wraps(t, a: int, b: int) -> list[int]:
    """Offsets in ``t.text[a:b]`` where normalization joined a hard line wrap."""
    raw = getattr(t, "raw", None)
    if raw is None or not hasattr(t, "raw_offset"):
        return []
    out = []
    for i in range(a, b):
        if t.text[i] == " ":
            r = t.raw_offset(i)
            if r < len(raw) and raw[r] == "\n":
                out.append(i)
    return out


def _read_list(t, text: str, lines: list[Line], i: int, rest_start: int, *, bullets_only: bool,
               skip_caps: bool = False) -> tuple[list[Found], int]:
    """Items after the opener on ``lines[i]`` (its text after the colon starts at
    ``rest_start``); returns the items and the index of the line after the list."""
    items: list[tuple[Found, str]] = []
    ln = lines[i]
    end = ln.end
    for w in _wraps(t, rest_start, ln.end):
        # "Kính gửi: Công ty ABC" joined with the body's first line "Cục Thuế trả lời …"
        if text[w + 1:w + 2].isupper() and not re.search(r"[,;:\-]$", text[rest_start:w]):
            end = w
            break
    inline = text[rest_start:end]
    open_list = True
    if inline.strip():
        for part in _split_inline(inline, rest_start):
            f = _item(text, *part)
            if f:
                items.append((f, text[part[0]:part[1]]))
        open_list = inline.rstrip().endswith((";", ":", ","))
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        s = ln.text
        if stamp_of(s):
            j += 1
            continue
        if _BULLET.match(s):
            if re.match(r"^[-+•–][ ]*(?:Kính gửi|Nơi nhận)", s, re.I):
                break
            if not bullets_only and items and ln.blank_before and _ends_list(items[-1][1]):
                break                               # the list ended with "."; the body's bullets
            f = _item(text, ln.start, ln.end)
            if f:
                items.append((f, s))
            j += 1
            continue
        if skip_caps and is_caps(s) and j + 1 < len(lines) and _BULLET.match(lines[j + 1].text):
            j += 1
            continue
        if bullets_only and all(not _BULLET.match(r) for _, r in items) \
                and not (items and _ends_list(items[-1][1])) and _plain_item(s):
            # a list written without bullets: "Như trên;" / "Lưu: VT."
            f = _item(text, ln.start, ln.end)
            if f:
                items.append((f, s))
            j += 1
            continue
        if not bullets_only and open_list and not items and len(s) <= 200:
            # one recipient, or a list without bullets, on the lines after the colon
            f = _item(text, ln.start, ln.end)
            if f:
                items.append((f, s))
            open_list = s.rstrip().endswith((";", ","))
            j += 1
            if not open_list:
                break
            continue
        if not bullets_only and items and items[-1][1].rstrip().endswith(";") and len(s) <= 200 \
                and not _BULLET.match(s) and s[:1].isupper() and not re.search(r"[:]$", s) \
                and all(not _BULLET.match(r) for _, r in items):
            f = _item(text, ln.start, ln.end)
            if f:
                items.append((f, s))
            j += 1
            continue
        break
    return _merge(items), j


def _ends_list(raw: str) -> bool:
    s = raw.rstrip()
    return s.endswith(".") and not s.endswith("./.")


def _plain_item(s: str) -> bool:
    """A line of a list without bullets: short, ending with ";" or "." (not a title in
    capitals, not a sentence)."""
    return len(s) <= 100 and bool(re.search(r"[;.]$", s)) and not is_caps(s) and not s.endswith("./.")


def _split_inline(s: str, base: int) -> list[tuple[int, int]]:
    """Items written on the opener's line: ``Kính gửi: Sở Y tế; Sở Tài chính.``"""
    parts = []
    pos = 0
    for m in re.finditer(r";[ ]*(?=\S)|[ ]+-[ ]+(?=[" + UPPER + r"])", s):
        parts.append((base + pos, base + m.start() + (1 if m.group(0).startswith(";") else 0)))
        pos = m.end()
    parts.append((base + pos, base + len(s)))
    return parts


def extract_recipients(t) -> list[Found]:
    """The ``Kính gửi`` (and ``Đồng kính gửi``) list, or a công điện's ``… điện:`` list."""
    text = t.text if hasattr(t, "text") else str(t)
    lines = lines_of(text)
    limit = max(60, len(lines) // 2)
    out: list[Found] = []
    i = 0
    while i < min(len(lines), limit):
        m = _opener("recipients", lines[i])
        if m is None:
            i += 1
            continue
        items, j = _read_list(t, text, lines, i, lines[i].start + m.start("rest"), bullets_only=False)
        out.extend(items)
        i = j
        # an "Đồng kính gửi" list may follow
        if i < len(lines) and _opener("recipients", lines[i]):
            continue
        break
    return out


def extract_cc(t) -> list[Found]:
    """The ``Nơi nhận`` list, items as written (``Lưu: VT, CT``)."""
    text = t.text if hasattr(t, "text") else str(t)
    lines = lines_of(text)
    openers = [i for i, ln in enumerate(lines) if _opener("cc", ln)]
    if not openers:
        return []
    sig = _signature_block(text, lines)
    i = openers[0]
    if sig is not None and len(openers) > 1:
        at = sig["first"]
        i = min(openers, key=lambda k: abs(k - at))
    m = _opener("cc", lines[i])
    rest = lines[i].start + m.start("rest")
    if _authority_re().match(m.group("rest")) or is_caps(m.group("rest")):
        rest = lines[i].end                         # the signature's column, not an item
    items, _ = _read_list(t, text, lines, i, rest, bullets_only=True, skip_caps=True)
    return items


# --- signer ----------------------------------------------------------------------------------
_NAME_WORD = (r"(?<![\w'’])[" + UPPER + r"](?:['’][" + UPPER + r"])?[" + LOWER + r"]*(?:-[" + UPPER + LOWER
              + r"][" + LOWER + r"]*)?")
_NAME = re.compile(r"(?P<name>" + _NAME_WORD + r"(?:[ ]+" + _NAME_WORD + r"){1,5})[ .]*$")


_NAME_LINE_MAX = 120    # a name, with a title or a signing note read across: not a paragraph


def _is_noise(s: str) -> bool:
    return any(p.fullmatch(s.strip()) for p in _noise())


def _person_name(s: str) -> tuple[int, str] | None:
    """(offset, name) when the line ends with a person's name (after an optional rank or a
    title in capitals): ``Lê Chí Thái``, ``PHÓ CHỦ TỊCH Nguyễn Văn A``."""
    if len(s) > _NAME_LINE_MAX:
        return None
    m = _NAME.search(s)
    if not m:
        return None
    name = m.group("name")
    head = s[:m.start()]
    if head.strip() and _is_noise(head.strip()):
        head = ""                   # "[Chữ ký số] Hồ Quang Bửu": a signing note joined to the name
    pre = _name_prefix_re().match(head.strip()) if head.strip() else None
    if head.strip() and not (pre and pre.end() == len(head.strip())) and not is_caps(head):
        return None
    words = name.split()
    if any(w.isupper() and len(w) > 1 for w in words):      # a word in capitals: not a name
        return None
    if len(words) < 2 or len(name) > 40:
        return None
    if key(name) in _titles() or _title_re().match(name):
        return None
    return m.start("name"), name


def _is_caps_line(s: str) -> bool:
    """A line in capitals, abbreviations that mix cases aside (``TTg``, ``GDTrH``: two capitals
    or more in a word)."""
    return is_caps(" ".join(w for w in s.split() if sum(c.isupper() for c in w) < 2 or w.isupper()))


def _signature_block(text: str, lines: list[Line]) -> dict | None:
    """The signature block: {"stack": [Line], "name": Found, "first": line index}."""
    blocks = []
    for i, ln in enumerate(lines):
        pn = _person_name(ln.text)
        if pn is None:
            continue
        off, name = pn
        stack: list[Line] = []
        inline = ln.text[:off].strip()
        if inline and _is_noise(inline):
            inline = ""
        if inline and is_caps(inline) and not _name_prefix_re().fullmatch(inline):
            stack.append(Line(ln.start, ln.start + len(inline), inline))
        # the closing table flattened: the distribution list's lines may stand between (or
        # beside) the signature's lines, up to the "Nơi nhận:" that opens it
        opener = next((k for k in range(i - 1, max(-1, i - 14), -1) if _opener("cc", lines[k])), None)
        j = i - 1
        while j >= 0 and i - j <= 12:
            s = lines[j].text
            if _is_noise(s):
                j -= 1
                continue
            in_list = opener is not None and j > opener and bool(_BULLET.match(s))
            if _is_caps_line(s) and len(s) <= 120 and not in_list:
                stack.insert(0, lines[j])
                j -= 1
                continue
            tail = _caps_tail(s)
            if tail is not None:                    # "- Lưu: VT. KT. CHỦ TỊCH": a flattened table row
                a = lines[j].start + tail
                stack.insert(0, Line(a, lines[j].end, text[a:lines[j].end]))
            if opener is not None and j > opener and (tail is not None or _BULLET.match(s) or _plain_item(s)):
                j -= 1
                continue
            if tail is None and opener is not None and j == opener:
                rest = _opener("cc", lines[j]).group("rest")
                if rest and (_authority_re().match(rest) or _title_re().match(rest)) and is_caps(rest):
                    a = lines[j].end - len(rest)
                    stack.insert(0, Line(a, lines[j].end, rest))
            break
        if not stack or not any(_authority_re().match(x.text) or _title_re().search(x.text) for x in stack):
            continue
        blocks.append({"stack": stack, "name": Found(name, ln.start + off, ln.start + off + len(name)),
                       "first": j + 1, "line": i})
    if not blocks:
        return None
    end = text.find("./.")
    if end >= 0:
        after = [b for b in blocks if b["stack"][0].start > end]
        if after:
            return after[0]
    return blocks[-1]


def _split_titles(s: str) -> list[str]:
    """Split a caps line into stacked items at delegation markers and between two titles:
    ``KT. CHỦ TỊCH PHÓ CHỦ TỊCH`` → ``KT. CHỦ TỊCH``, ``PHÓ CHỦ TỊCH``."""
    s = re.sub(r"^[^\w]+", "", s)
    marks = [m.start() for m in _authority_re().finditer(s)]
    cuts = sorted(set([0] + marks))
    parts = [s[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(s)]) if any(c.isalpha() for c in s[a:b])]
    out = []
    for p in parts:
        am = _authority_re().match(p)
        body = p[am.end():] if am else p
        tm = _title_re().match(body)
        if tm and body[tm.end():].strip() and _title_re().match(body[tm.end():].strip()):
            out.append((p[:am.end()] if am else "") + body[:tm.end()].strip())
            out.append(body[tm.end():].strip())
        else:
            out.append(p)
    return out


def title_case(s: str) -> str:
    """A title in capitals as written in running text: ``PHÓ CHỦ TỊCH`` → ``Phó Chủ tịch``,
    ``GIÁM ĐỐC SỞ Y TẾ`` → ``Giám đốc Sở Y tế``."""
    s = re.sub(r"\s+", " ", s).strip()
    m = _title_re().match(s)
    if m:
        head = _titles().get(key(m.group(0))) or m.group(0)
        rest = s[m.end():].strip()
        if rest:
            return head + " " + canonical_name(rest)[0]
        return head
    if not is_caps(s):
        return s
    words = s.lower().split()
    out = [words[0].capitalize()]
    if words[0] == "phó" and len(words) > 1:
        out.append(words[1].capitalize())
        words = words[1:]
    out.extend(words[1:])
    return " ".join(out)


def extract_signer(t) -> Found | None:
    """value: {name, title, authority, titles}"""
    text = t.text if hasattr(t, "text") else str(t)
    lines = lines_of(text)
    block = _signature_block(text, lines)
    if block is None:
        return None
    items: list[str] = []
    for ln in block["stack"]:
        for part in _split_titles(ln.text):
            if items and _continues_item(items[-1], part):
                items[-1] = items[-1] + " " + part
            else:
                items.append(part)
    authority = None
    for it in items:
        am = _authority_re().match(it)
        if am:
            authority = _authority_of().get(key(am.group("mark")).replace(" ", ""))
    last = items[-1]
    am = _authority_re().match(last)
    # "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH" last: the signer's own title is not printed;
    # "Q. GIÁM ĐỐC" (acting) and "PT." (in charge) name the title held
    if am and _authority_of().get(key(am.group("mark"))) not in ("Q.", "PT."):
        title = None
    else:
        title = title_case(_strip_mark(last))
    name = block["name"]
    value = {"name": name.value, "title": title, "authority": authority, "titles": items}
    return Found(value, block["stack"][0].start, name.end)


def _continues_item(prev: str, part: str) -> bool:
    """Is ``part`` the wrapped end of the stacked line ``prev``? ``TM. ỦY BAN NHÂN`` / ``DÂN``,
    ``PHÓ CHỦ TỊCH`` / ``THƯỜNG TRỰC``; but after ``KT. CHỦ TỊCH`` comes the signer's title."""
    if _authority_re().match(part) or _title_re().match(part):
        return False
    marked = _authority_re().match(prev)
    if marked:
        return not _title_re().match(_strip_mark(prev))
    return True


def _strip_mark(s: str) -> str:
    am = _authority_re().match(s)
    return s[am.end():].strip() if am else s
