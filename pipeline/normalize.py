"""Normalize a document's text for the extractors, keeping a map back to the original.

``normalize(raw) -> Text``. The normalized text is what every extractor reads:

- NFC, one tone style (``Hoá`` → ``Hóa``, ``Uỷ`` → ``Ủy``), dashes unified to ``-``, odd spaces
  made plain, markdown emphasis and headings dropped;
- hard line wraps inside a sentence joined with a space (``Hà Nội, ngày 20⏎tháng 11 năm 2025``),
  also across a page break when the next page goes on in lower case;
- blank lines kept as paragraph breaks (several collapse to one), rules (``-----``) dropped.

Every character of the normalized text knows the offset of the original character it came
from, so ``Text.raw_span(start, end)`` gives the span of the original text behind a value.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extractors.base import load_lines, new_tones

_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b]")
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\ufeff\u00ad\r]")
# markdown: emphasis markers, heading hashes, escaped punctuation, trailing hard-break spaces
# (each branch opens with its literal so that the search skips straight to "*" and "_":
#  ``_(?<![\w/]_)_{0,2}`` is ``(?<![\w/])_{1,3}`` checked after its first "_")
_EMPHASIS = re.compile(r"\*\**|_(?<![\w/]_)_{0,2}(?=\S)|_(?<=\S_)_{0,2}(?![\w/])")
_HEADING = re.compile(r"(?m)^[ ]{0,3}#{1,6}[ ]+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_RULE = re.compile(r"(?m)^[ ]*[-_=*.·…]{3,}[ ]*$")
_TRAILING = re.compile(r"(?m)  *$")
_LEADING = re.compile(r"(?m)^[ ]+")
_MULTISPACE = re.compile(r" (?<=\S ) +")             # (?<=\S) {2,}, opening with its literal
_BLANKS = re.compile(r"\n\n\n+")
_WORDS = re.compile(r"[^\W\d_]+")

# a line that opens an item of a list: never joined onto the line before
_ITEM = re.compile(
    r"^(?:[-+•·–]\s|[-+•]$|\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$)|\(\d{1,3}\)\s|[a-zđ]\)\s|"
    r"[IVXLC]{1,6}[.)](?:\s|$)|Điều\s+\d+[.:])"
)
_MARKER_ONLY = re.compile(r"^(?:[-+•]|\d{1,3}(?:\.\d{1,3})*[.)]|\(\d{1,3}\)|[a-zđ]\)|[IVXLC]{1,6}[.)])$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|STT|TT)$")          # a table row's number cell
_TERMINAL = re.compile(r"[.;:!?]$|\./\.$")
_AUTHORITY = re.compile(r"^(?:TM|KT|TL|TUQ|Q|PT)\.\s")
_ADDRESSED = re.compile(r"(?i)^(?:Đồng\s+)?kính\s+gửi\s*:\s*\S")
_NUMBER_LINE = re.compile(r"(?i)^Số\s*:")
_JOINING_END = re.compile(r"(?:[,\-(/&]|\b(?:VÀ|CỦA|VỀ|CHO|TẠI|TRÊN|THEO|CÁC|NHỮNG))$")


@dataclass
class Text:
    """Normalized text with a map to the original (``raw``) text."""
    text: str
    raw: str
    _map: list[int]

    def raw_offset(self, i: int) -> int:
        if i >= len(self.text):
            return len(self.raw)
        return self._map[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``raw`` behind ``text[start:end]``."""
        if end <= start:
            s = self.raw_offset(start)
            return (s, s)
        return (self._map[start], self._map[end - 1] + 1)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text


def _sub(s: str, m: list[int], pattern: re.Pattern, repl) -> tuple[str, list[int]]:
    """re.sub that carries the offset map along: equal-length replacements keep their
    characters' offsets, others point every new character at the match's first one."""
    out: list[str] = []
    om: list[int] = []
    last = 0
    for mt in pattern.finditer(s):
        a, b = mt.span()
        r = repl(mt) if callable(repl) else repl
        if r == mt.group(0):
            continue
        out.append(s[last:a])
        om.extend(m[last:a])
        out.append(r)
        if len(r) == b - a:
            om.extend(m[a:b])
        elif r:
            anchor = m[a] if a < len(m) else (m[-1] + 1 if m else 0)
            om.extend([anchor] * len(r))
        last = b
    if not out:
        return s, m
    out.append(s[last:])
    om.extend(m[last:])
    return "".join(out), om


_block_start_re: re.Pattern | None = None


def _block_start() -> re.Pattern:
    global _block_start_re
    if _block_start_re is None:
        _block_start_re = re.compile("^(?:" + "|".join(load_lines("block_starts.txt")) + ")", re.I)
    return _block_start_re


_caps_head_re: re.Pattern | None = None


def _caps_head() -> re.Pattern:
    global _caps_head_re
    if _caps_head_re is None:
        _caps_head_re = re.compile(r"^(?:" + "|".join(re.escape(w) for w in load_lines("caps_heads.txt")) + r")\b")
    return _caps_head_re


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _caps_parts(line: str) -> tuple[bool, bool]:
    """(has a letter, every letter is a capital): ``_is_caps`` of joined lines, piece by piece."""
    has = False
    for c in line:
        if c.isalpha():
            if not c.isupper():
                return True, False
            has = True
    return has, True


def should_join(a: str, b: str, across_blank: bool = False) -> bool:
    """Is the line break between line ``a`` and line ``b`` a hard wrap inside one sentence?"""
    return _should_join(a, b, across_blank, None)


def _should_join(a: str, b: str, across_blank: bool, pieces: list | None) -> bool:
    """``should_join``; ``a`` is the lines of ``pieces`` joined, whose ``_caps_parts`` are
    worked out only when needed (a joined line's entry is its ``_caps_parts``)."""
    if not a or not b:
        return False
    if _MARKER_ONLY.match(a) and not across_blank:
        return True                                   # "I." ⏎ "ĐÁNH GIÁ …", "-" ⏎ "Trường hợp …"
    if _ITEM.match(b) or _block_start().match(b) or _ROW_NUMBER.match(a) or _ROW_NUMBER.match(b):
        return False
    # (the end tests read only the last characters of ``a``, which grows as lines are joined:
    #  every match of _TERMINAL and _JOINING_END is shorter than the tail searched)
    tail = a[-12:]
    if _TERMINAL.search(tail) or _NUMBER_LINE.match(a) or _AUTHORITY.match(a):
        return False
    if _ADDRESSED.match(a) and b[0].isupper():         # "Kính gửi: Công ty X" ⏎ a new line
        return False
    first = b[0]
    if across_blank:                                  # a page break: only mid-sentence
        return first.islower()
    if first.islower() or first.isdigit() or first in "(\"“'‘":
        return True
    if pieces is None:
        has_a, upper_a = _caps_parts(a)
    else:
        has_a, upper_a = False, True
        for k, p in enumerate(pieces):
            if isinstance(p, str):
                p = pieces[k] = _caps_parts(p)
            has_a, upper_a = has_a or p[0], upper_a and p[1]
    caps_a_ = has_a and upper_a
    caps_b = _is_caps(b)
    if caps_a_ and caps_b:                            # header and title lines
        if _JOINING_END.search(tail):
            return True
        return len(_WORDS.findall(b)) <= 2 and not _caps_head().match(b)
    if caps_a_ != caps_b:                             # a title line, then a name or body
        return False
    return True


def _join_wraps(s: str, m: list[int]) -> tuple[str, list[int]]:
    lines = s.split("\n")
    out: list[str] = []
    om: list[int] = []
    pos = 0
    prev_text = None          # last non-blank line emitted
    pieces: list = []         # the lines joined into prev_text (see _should_join)
    pending_blank = 0         # blank lines seen since then
    end = m[-1] + 1 if m else 0
    n = len(m)
    for line in lines:
        ln = len(line)
        lm = m[pos:pos + ln]
        nl = m[pos + ln] if pos + ln < n else end
        pos += ln + 1
        if not line.strip():
            pending_blank += 1
            continue
        if prev_text is None:
            out.append(line)
            om.extend(lm)
            prev_text = line
            pieces = [line]
            pending_blank = 0
            continue
        elif _should_join(prev_text, line, pending_blank > 0, pieces):
            out.append(" " + line)
            om.append(lm[0] - 1 if lm else nl)
            om.extend(lm)
            prev_text = prev_text + " " + line
            pieces.append(line)
        else:
            sep = "\n\n" if pending_blank else "\n"
            out.append(sep + line)
            om.extend([lm[0] - 1 if lm else nl] * len(sep))
            om.extend(lm)
            prev_text = line
            pieces = [line]
        pending_blank = 0
    return "".join(out), om


def normalize(raw: str) -> Text:
    """Normalize ``raw`` (a Document's text) for extraction. Pure; O(len(raw))."""
    raw = unicodedata.normalize("NFC", raw)
    s, m = raw, list(range(len(raw)))
    s, m = _sub(s, m, _INVISIBLE, "")
    s, m = _sub(s, m, _SPACES, " ")
    s, m = _sub(s, m, _DASHES, "-")
    s, m = _sub(s, m, _ESCAPE, lambda mt: mt.group(1))
    s, m = _sub(s, m, _HEADING, "")
    s, m = _sub(s, m, _EMPHASIS, "")
    s, m = _sub(s, m, _RULE, "")
    s, m = _sub(s, m, _TRAILING, "")
    s, m = _sub(s, m, _LEADING, "")
    s, m = _sub(s, m, _MULTISPACE, " ")
    toned = new_tones(s)
    if len(toned) == len(s):
        s = toned
    s, m = _join_wraps(s, m)
    s, m = _sub(s, m, _BLANKS, "\n\n")
    # strip the ends
    lead = len(s) - len(s.lstrip())
    s, m = s[lead:], m[lead:]
    s = s.rstrip()
    m = m[:len(s)]
    return Text(s, raw, m)
