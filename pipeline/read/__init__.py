"""Stage 1, read: a file → Document, whatever its format.

``read(path)`` picks the reader by the file's suffix (and, for a misnamed file, by its magic
bytes); every reader returns the same ``pipeline.model.Document`` and raises
``pipeline.model.ReadError`` with a Vietnamese and an English reason when it cannot.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, ReadError

SUFFIXES = {".txt": "text", ".md": "text", ".docx": "docx", ".pdf": "pdf"}


def read(path: str | Path) -> Document:
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        if path.suffix.lower() == ".doc":
            raise ReadError("legacy Word .doc is not supported; save it as .docx",
                            "tệp Word cũ (.doc) chưa được hỗ trợ; hãy lưu lại dưới dạng .docx")
        raise ReadError(f"unsupported file type {path.suffix or '(none)'}",
                        f"không hỗ trợ loại tệp {path.suffix or '(không có đuôi)'}")
    if kind == "text":
        from pipeline.read.text import read_text
        return read_text(path)
    if kind == "docx":
        from pipeline.read.docx import read_docx
        return read_docx(path)
    from pipeline.read.pdf import read_pdf
    return read_pdf(path)
