"""Vietnamese typed in the pre-Unicode font encodings, converted to Unicode.

Before Unicode (and long after, in many offices) Vietnamese was typed with fonts that draw
Vietnamese letters in place of Latin-1 ones. A .docx made that way stores the Latin-1
characters; only the font name tells what they mean. Two encodings cover nearly every such
dispatch:

- TCVN3 (ABC, TCVN 5712:1993 VN3): the ".Vn…" fonts (.VnTime, .VnArial…), one character per
  letter: ``Céng hoµ x· héi chñ nghÜa ViÖt Nam``. It has only seven capitals; the capitals
  with a tone are typed with the lowercase codes in the all-capitals fonts ``.VnTimeH``,
  ``.VnArialH``… (name ending in H), which draw every letter as a capital.
- VNI (VNI-Windows): the "VNI-…" fonts (VNI-Times, VNI-Helve…), a base letter followed by a
  mark: ``Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam``.

The mapping tables are data (``extractors/data/tcvn3.tsv``, ``vni.tsv``). Everything here is
pure: ``tcvn3_to_unicode``, ``vni_to_unicode``, their inverses (to build test documents) and
``detect_legacy(font_name, text)``, which tells which encoding a run of text is in.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.base import load_tsv

TCVN3 = "tcvn3"
TCVN3_CAPS = "tcvn3-caps"          # TCVN3 in an all-capitals font (.VnTimeH)
VNI = "vni"

# Font family names. TCVN3 fonts are named ".VnTime", ".VnArial Narrow" (a few copies lost the
# dot: "VnTime"); their all-capitals cuts end in "H". VNI fonts are "VNI-Times", "VNI-Helve"…
_VNI_FONT = re.compile(r"(?i)^\s*VNI[-_ ]")
_TCVN3_FONT = re.compile(r"^\s*(?:\.[Vv][Nn]|Vn[A-Z])")
_CAPS_FONT = re.compile(r"H\s*$")

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aăâeêioôơuưy"
# letters that only Unicode Vietnamese has (a legacy-encoded run never holds one)
_UNICODE_ONLY = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
# a Vietnamese syllable once its tone is set aside (lowercase): initial consonant, the vowels
# of the rhyme (a vowel, or one of the diphthongs and triphthongs of the language), final
_NUCLEI = ("iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu "
           "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
           "a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?:oo(?=ng|c)|" + "|".join(_NUCLEI) + r")(?:ch|ng|nh|[cmnpt])?")
# a word of a run: letters and the Latin-1 characters the legacy encodings use as letters
_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff])+")


def vietnamese_letters() -> list[str]:
    """The 134 letters of Vietnamese that are not ASCII: every vowel with each of the five
    tones, and ă â ê ô ơ ư đ, in lower and upper case."""
    out: list[str] = []
    for v in _VOWELS:
        if v in "ăâêôơư":
            out.append(v)
        for t in _TONES:
            out.append(unicodedata.normalize("NFC", v + t))
    out.append("đ")
    return out + [c.upper() for c in out]


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, str]:
    return {r["legacy"]: r["unicode"] for r in load_tsv(name)}


@lru_cache(maxsize=None)
def _decoder(name: str) -> tuple[dict[str, str], int]:
    table = dict(_table(name))
    if name == "vni.tsv":
        # a capital letter with a lowercase mark (or the reverse) is still read by its base:
        # "Aù" is Á, as the keyboard drivers of the time sometimes produced
        for seq, uni in list(table.items()):
            if len(seq) == 2 and seq[0].isascii():
                other = seq[0] + seq[1].swapcase()
                table.setdefault(other, uni if seq[0].islower() else uni.upper())
    return table, max(len(k) for k in table)


def _decode(s: str, name: str) -> str:
    table, longest = _decoder(name)
    # fonts of the symbol character set are sometimes stored in the private use area
    s = re.sub("[\uf020-\uf0ff]", lambda m: chr(ord(m.group()) - 0xF000), s)
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        for k in range(min(longest, n - i), 0, -1):
            u = table.get(s[i:i + k])
            if u is not None:
                out.append(u)
                i += k
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def tcvn3_to_unicode(s: str, upper: bool = False) -> str:
    """TCVN3 (ABC) text → Unicode (NFC). ``upper``: the text is in an all-capitals font
    (.VnTimeH…), where every letter, the lowercase codes included, reads as a capital."""
    out = _decode(s, "tcvn3.tsv")
    return out.upper() if upper else out


def vni_to_unicode(s: str) -> str:
    """VNI (VNI-Windows) text → Unicode (NFC)."""
    return _decode(s, "vni.tsv")


def to_unicode(s: str, encoding: str | None) -> str:
    """Decode ``s`` from the encoding ``detect_legacy`` named (None: ``s`` unchanged)."""
    if encoding == TCVN3:
        return tcvn3_to_unicode(s)
    if encoding == TCVN3_CAPS:
        return tcvn3_to_unicode(s, upper=True)
    if encoding == VNI:
        return vni_to_unicode(s)
    return s


@lru_cache(maxsize=None)
def _encoder(name: str) -> dict[str, str]:
    return {u: seq for seq, u in _table(name).items()}


def unicode_to_tcvn3(s: str) -> str:
    """Unicode → TCVN3, as a typist with the ABC keyboard would have typed it. A capital with a
    tone has no code of its own: it is written with the lowercase code, which reads as the
    capital only in an all-capitals font (.VnTimeH), so text holding one belongs in such a font."""
    enc = _encoder("tcvn3.tsv")
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ch in enc:
            out.append(enc[ch])
        elif ch.lower() in enc:
            out.append(enc[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def unicode_to_vni(s: str) -> str:
    """Unicode → VNI (VNI-Windows)."""
    enc = _encoder("vni.tsv")
    return "".join(enc.get(ch, ch) for ch in unicodedata.normalize("NFC", s))


def legacy_font(font_name: str | None) -> str | None:
    """The encoding a font name implies: TCVN3, TCVN3_CAPS, VNI or None."""
    if not font_name:
        return None
    if _VNI_FONT.match(font_name):
        return VNI
    if _TCVN3_FONT.match(font_name):
        return TCVN3_CAPS if _CAPS_FONT.search(font_name) else TCVN3
    return None


def is_syllable(word: str) -> bool:
    """Could ``word`` be a Vietnamese syllable (letters of the alphabet, one tone at most)?"""
    d = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in d) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def _score(text: str) -> tuple[int, int]:
    """(words holding a non-ASCII character, how many of them read as Vietnamese syllables)."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    return len(words), sum(is_syllable(w) for w in words)


def detect_legacy(font_name: str | None, text: str) -> str | None:
    """Which legacy encoding ``text`` (typed in the font ``font_name``) is in: TCVN3,
    TCVN3_CAPS, VNI, or None when it is Unicode (or plain ASCII, which all encodings share).

    The font name decides when it is a legacy font. Otherwise the characters do: the text is
    decoded both ways, and an encoding is chosen when its reading turns words that are not
    Vietnamese (``hoµ``, ``Coäng``) into syllables that are, where the text as it stands does
    not already read as Vietnamese (``Hoá``, ``và`` stay as they are).
    """
    if text.isascii() or _UNICODE_ONLY.search(text):
        return None
    by_font = legacy_font(font_name)
    if by_font is not None:
        return by_font
    total, valid = _score(text)
    if total == 0:
        return None
    best, best_valid = None, valid
    for enc in (TCVN3, VNI):
        _, v = _score(to_unicode(text, enc))
        if v > best_valid:
            best, best_valid = enc, v
    if best is None or best_valid < 0.6 * total:
        return None
    if best == TCVN3:
        letters = [c for c in text if c.isascii() and c.isalpha()]
        if len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
            return TCVN3_CAPS                       # "CéNG HßA": capitals typed in .VnTimeH
    return best
