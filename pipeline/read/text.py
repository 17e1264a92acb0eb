"""Plain text and markdown: UTF-8 (with or without BOM), UTF-16, or legacy Windows-1258."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from pipeline.model import Block, Document, ReadError

# letters that only Vietnamese text written in Windows-1258 decodes to (composed with the
# combining tone marks cp1258 uses: U+0300 U+0301 U+0303 U+0309 U+0323)
_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as UTF-8, UTF-16 or Windows-1258; return (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte of ASCII text is NUL
    if len(data) >= 4 and data.count(0) > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not any(0xD800 <= ord(c) <= 0xDFFF for c in text) and "\x00" not in text:
                return text, enc
    if b"\x00" not in data:
        text = data.decode("cp1258", errors="strict") if _cp1258_ok(data) else None
        if text is not None and len(_VI_LETTERS.findall(text)) >= max(3, len(text) // 200):
            return unicodedata.normalize("NFC", text), "cp1258"
    raise ReadError("unknown text encoding (not UTF-8, UTF-16 or Windows-1258)",
                    "không nhận ra bảng mã của tệp văn bản (không phải UTF-8, UTF-16 hay Windows-1258)")


def _cp1258_ok(data: bytes) -> bool:
    try:
        data.decode("cp1258")
        return True
    except UnicodeDecodeError:
        return False


def read_text(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot open the file: {e.strerror}", f"không mở được tệp: {e.strerror}")
    if not data.strip():
        raise ReadError("the file is empty", "tệp rỗng")
    text, enc = decode(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[Block] = []
    line_no = 1
    for para in re.split(r"\n[ \t]*\n", text):
        if para.strip():
            start = line_no + (len(para) - len(para.lstrip("\n")))
            blocks.append(Block(para.strip("\n"), "paragraph", None, f"line {start}"))
        line_no += para.count("\n") + 2
    return Document(str(path), "md" if path.suffix.lower() == ".md" else "txt", blocks, encoding=enc)
