"""Legacy Vietnamese font encodings (TCVN3 / VNI) → Unicode."""
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from extractors.base import load_tsv
from pipeline.read.legacy import (TCVN3, TCVN3_CAPS, VNI, detect_legacy, is_syllable, legacy_font,
                                  tcvn3_to_unicode, to_unicode, unicode_to_tcvn3, unicode_to_vni,
                                  vietnamese_letters, vni_to_unicode)

SEED_STEMS = sorted(p for p in CORPUS.glob("00[0-4]_*.txt") if re.fullmatch(r"00\d_[0-9a-f]{16}", p.stem))
LETTERS = vietnamese_letters()
# the seven capitals TCVN3 (VN3) has codes for; the other capitals exist only in .VnTimeH
TCVN3_CAPITALS = set("ĂÂÊÔƠƯĐ")


def seed_lines() -> list[str]:
    lines = []
    for p in SEED_STEMS:
        for ln in p.read_text(encoding="utf-8").split("\n"):
            ln = unicodedata.normalize("NFC", ln.replace("*", "").strip())
            if ln:
                lines.append(ln)
    return lines


def test_the_letters_are_all_there():
    assert len(LETTERS) == len(set(LETTERS)) == 134
    assert {"ắ", "Ặ", "ỵ", "Ỹ", "đ", "Đ", "ơ", "Ư", "ễ"} <= set(LETTERS)


def test_tables_are_complete_and_their_bytes_agree():
    tcvn3 = load_tsv("tcvn3.tsv")
    vni = load_tsv("vni.tsv")
    # 67 lowercase letters + the 7 capitals VN3 has
    assert len(tcvn3) == 74
    assert {r["unicode"] for r in tcvn3} == {c for c in LETTERS if c.islower()} | TCVN3_CAPITALS
    assert len(vni) == 134 and {r["unicode"] for r in vni} == set(LETTERS)
    for r in tcvn3:
        assert r["legacy"] == bytes([int(r["byte"], 16)]).decode("cp1252"), r
    for r in vni:
        assert r["legacy"] == bytes.fromhex(r["bytes"]).decode("cp1252"), r
    # one legacy sequence per letter, both ways
    assert len({r["legacy"] for r in tcvn3}) == 74 and len({r["legacy"] for r in vni}) == 134


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips(letter):
    assert vni_to_unicode(unicode_to_vni(letter)) == letter
    if letter.islower() or letter in TCVN3_CAPITALS:
        assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter
    # a toned capital is typed with the lowercase code in an all-capitals font (.VnTimeH)
    assert tcvn3_to_unicode(unicode_to_tcvn3(letter), upper=True) == letter.upper()


def test_real_legacy_strings():
    # the Quốc hiệu and motto as they stand in old .doc files
    assert tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert tcvn3_to_unicode("Uû ban nh©n d©n tØnh Qu¶ng TrÞ") == "Uỷ ban nhân dân tỉnh Quảng Trị"
    assert tcvn3_to_unicode("Thñ t­íng ChÝnh phñ") == "Thủ tướng Chính phủ"
    # .VnTimeH: capitals typed as they come, toned ones with the lowercase codes
    assert tcvn3_to_unicode("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", upper=True) == \
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert tcvn3_to_unicode("ñY BAN NH¢N D¢N", upper=True) == "ỦY BAN NHÂN DÂN"
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert vni_to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert vni_to_unicode("Thuû töôùng Chính phuû chæ ñaïo saün saøng ñaëc bieät") == \
        "Thủ tướng Chính phủ chỉ đạo sẵn sàng đặc biệt"
    # a capital typed with a lowercase mark still reads by its base letter
    assert vni_to_unicode("Aùp duïng") == "Áp dụng"
    # symbol-charset storage in the private use area
    assert tcvn3_to_unicode("\uf0a7\uf0e9c l\uf0cbp") == "Độc lập"


def test_seed_sentences_round_trip():
    lines = seed_lines()
    assert len(lines) > 100
    for ln in lines:
        assert vni_to_unicode(unicode_to_vni(ln)) == ln
        assert tcvn3_to_unicode(unicode_to_tcvn3(ln.lower())) == ln.lower()
        assert tcvn3_to_unicode(unicode_to_tcvn3(ln), upper=True) == ln.upper()


_ALPHABET = st.sampled_from(LETTERS + list("abcdeghiklmnopqrstuvxyABCDGHKLMNPQRSTVXY0123456789 ,.;:-/()"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_vietnamese_text_round_trips(s):
    assert vni_to_unicode(unicode_to_vni(s)) == s
    lowered = "".join(c if (c.islower() or c in TCVN3_CAPITALS or c.isascii()) else c.lower() for c in s)
    assert tcvn3_to_unicode(unicode_to_tcvn3(lowered)) == lowered


def test_font_names():
    assert legacy_font(".VnTime") == TCVN3
    assert legacy_font(".VnArial Narrow") == TCVN3
    assert legacy_font("VnTime") == TCVN3
    assert legacy_font(".VnTimeH") == TCVN3_CAPS
    assert legacy_font(".VnArial NarrowH") == TCVN3_CAPS
    assert legacy_font("VNI-Times") == VNI
    assert legacy_font("VNI-Helve-Condense") == VNI
    assert legacy_font("Times New Roman") is None
    assert legacy_font(None) is None


def test_detect_by_font_and_by_characters():
    assert detect_legacy(".VnTime", "Céng hoµ") == TCVN3
    assert detect_legacy(".VnTimeH", "CéNG HßA") == TCVN3_CAPS
    assert detect_legacy("VNI-Times", "Coäng hoøa") == VNI
    # no font to tell: the characters do
    assert detect_legacy("Times New Roman", "Thêi gian qua, Uû ban nh©n d©n huyÖn ®· ban hµnh") == TCVN3
    assert detect_legacy(None, "Thôøi gian qua, UÛy ban nhaân daân huyeän ñaõ ban haønh") == VNI
    assert detect_legacy(None, "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM") == TCVN3_CAPS
    # ASCII needs nothing; Unicode Vietnamese is left alone even in a legacy font
    assert detect_legacy(".VnTime", "Covid-19") is None
    assert detect_legacy(".VnTime", "Ủy ban nhân dân huyện") is None
    assert detect_legacy(None, "Hương Hoá") is None
    assert to_unicode("hoµ", TCVN3) == "hoà" and to_unicode("hoµ", None) == "hoµ"


def test_real_unicode_text_is_never_taken_for_legacy():
    lines = seed_lines()
    for ln in lines:
        assert detect_legacy(None, ln) is None, ln
        for word in ln.split():
            assert detect_legacy(None, word) is None, word


def test_syllables():
    words = "Thời gian qua Ủy ban nhân dân huyện khuyến khích quyết nghiêng người giường khuya".split()
    assert all(is_syllable(w) for w in words)
    # what the wrong decoding of legacy text looks like
    assert not any(is_syllable(w) for w in ["hoµ", "hoứa", "xaừ", "nghÜa", "Coäng"])
