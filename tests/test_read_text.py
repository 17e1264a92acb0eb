"""The text reader: encodings a Vietnamese office really receives."""
import unicodedata

import pytest

from conftest import CORPUS
from pipeline.model import ReadError
from pipeline.read import read
from pipeline.read.text import decode

SAMPLE = "Số: 978/UBND-VP\nHướng Hóa, ngày 14 tháng 8 năm 2020\nỦy ban nhân dân huyện yêu cầu thủ trưởng các cơ quan"


def cp1258_bytes(s: str) -> bytes:
    """Encode as Windows-1258 does: base letters with â ê ô ă ơ ư đ precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        out.append(ch)
    text = unicodedata.normalize("NFD", s)
    # recompose everything but the five tone marks
    res, i = [], 0
    while i < len(text):
        base = text[i]
        i += 1
        marks = []
        while i < len(text) and unicodedata.combining(text[i]):
            marks.append(text[i])
            i += 1
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        others = [m for m in marks if m not in tones]
        res.append(unicodedata.normalize("NFC", base + "".join(others)) + "".join(tones))
    return "".join(res).encode("cp1258")


def test_seed_is_read_as_utf8_paragraphs():
    doc = read(CORPUS / "001_741c13397cfce331.txt")
    assert doc.encoding == "utf-8" and doc.format == "txt"
    assert doc.blocks[0].text.startswith("**ỦY BAN NHÂN DÂN")
    assert any(b.text == "Kính gửi:" for b in doc.blocks)


@pytest.mark.parametrize("data,enc", [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (cp1258_bytes(SAMPLE), "cp1258"),
])
def test_encodings(data, enc):
    text, got = decode(data)
    assert got == enc
    assert unicodedata.normalize("NFC", text) == SAMPLE


def test_unknown_encoding_is_a_clear_error(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(128, 256)) * 3 + b"\x00\x81\x8d")
    with pytest.raises(ReadError) as e:
        read(p)
    assert "bảng mã" in e.value.vi


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"  \n")
    with pytest.raises(ReadError, match="empty"):
        read(p)


def test_unknown_suffix(tmp_path):
    with pytest.raises(ReadError) as e:
        read(tmp_path / "a.xyz")
    assert "không hỗ trợ" in e.value.vi
