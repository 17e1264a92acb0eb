"""What every extractor shares: the Found value, text keys for matching, and data loading."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


@dataclass
class Found:
    """A value and the span [start, end) of normalized text it was read from."""
    value: Any
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# --- tone placement and matching keys --------------------------------------------------------
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# old style puts the tone on the second vowel of an open oa/oe/uy (hoá, uỷ); new style on the
# first (hóa, ủy). Words with a final consonant (hoàn, quyết) or qu- (quý) are not touched.
_OLD_STYLE = re.compile(r"(?i)(?<!q)(o)(a|e)([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])"
                        r"|(?<!q)(u)(y)([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])")


# every match of _OLD_STYLE is three characters that this class pattern finds first (o/u, then
# a/e/y, then a tone mark); two such triples never overlap, so the matches are found by trying
# _OLD_STYLE only where this one matches
_OLD_STYLE_AT = re.compile(r"[oOuU][aAeEyY][" + _TONES + r"]")


def new_tones(s: str) -> str:
    """Move old-style tone marks to the new style: ``Hoá`` → ``Hóa``, ``Uỷ`` → ``Ủy``.

    The result has the same length as ``s`` when ``s`` is NFC (a precomposed letter moves its
    mark to the neighbouring vowel), so offsets stay valid.
    """
    if not s.isascii():
        d = unicodedata.normalize("NFD", s)
        parts: list[str] = []
        last = 0
        for c in _OLD_STYLE_AT.finditer(d):
            m = _OLD_STYLE.match(d, c.start())
            if m is None:
                continue
            parts.append(d[last:m.start()])
            if m.group(1):
                parts.append(m.group(1) + m.group(3) + m.group(2))
            else:
                parts.append(m.group(4) + m.group(6) + m.group(5))
            last = m.end()
        if parts:
            parts.append(d[last:])
            return unicodedata.normalize("NFC", "".join(parts))
    return s


def strip_accents(s: str) -> str:
    d = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in d if unicodedata.category(c) != "Mn")


_SPACE_RUN = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def key(s: str | None) -> str:
    """Matching key: NFC, new tone style, case-folded, spaces collapsed (diacritics kept)."""
    if not s:
        return ""
    s = new_tones(unicodedata.normalize("NFC", s)).casefold()
    return _SPACE_RUN.sub(" ", s).strip()


@lru_cache(maxsize=1 << 16)
def fold(s: str | None) -> str:
    """Accent-free matching key: ``Hướng Hóa`` = ``HUONG HOA`` = ``Hương Hoá``."""
    return _NOT_ALNUM.sub(" ", strip_accents(key(s))).strip()


# --- data files ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict, ...]:
    """Rows of ``extractors/data/<name>`` as dicts (header row names the columns; # comments)."""
    with open(DATA / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``extractors/data/<name>``."""
    with open(DATA / name, encoding="utf-8") as f:
        return tuple(ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as f:
        return json.load(f)


def alternation(phrases) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
