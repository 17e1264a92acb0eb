"""Stage 1, read: a file → Document, whatever its format.

``read(path)`` picks the reader by the file's suffix (and, for a misnamed file, by its magic
bytes); every reader returns the same ``pipeline.model.Document`` and raises
``pipeline.model.ReadError`` with a Vietnamese and an English reason when it cannot.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, ReadError

import os
import shutil
import subprocess
import tempfile

SUFFIXES = {".txt": "text", ".md": "text", ".docx": "docx", ".pdf": "pdf", ".doc": "doc"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT_S = 120


def read(path: str | Path) -> Document:
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind == "doc":
        return read_legacy_doc(path)
    if kind is None:
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


def read_legacy_doc(path: Path) -> Document:
    """Word 97-2003 .doc: converted to .docx by LibreOffice when it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError("legacy Word .doc needs LibreOffice to convert it (not installed); "
                        "install it or save the file as .docx",
                        "tệp Word cũ (.doc) cần LibreOffice để chuyển đổi nhưng máy chưa cài; "
                        "hãy cài LibreOffice hoặc lưu lại tệp dưới dạng .docx")
    with open(path, "rb") as f:
        if f.read(8) != OLE_MAGIC:
            raise ReadError("not a Word 97-2003 document", "không phải tệp Word 97-2003 (.doc)")
    from pipeline.read.docx import read_docx
    with tempfile.TemporaryDirectory(prefix="congvan-doc-") as tmp:
        env = {**os.environ, "HOME": tmp}            # a private LibreOffice profile
        try:
            subprocess.run([soffice, "--headless", "--norestore", "--infilter=MS Word 97", "--convert-to", "docx",
                            "--outdir", tmp,
                            str(path)], env=env, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError("LibreOffice took too long to convert the .doc",
                            "LibreOffice chuyển đổi tệp .doc quá lâu")
        out = Path(tmp) / (path.stem + ".docx")
        if not out.exists():
            raise ReadError("LibreOffice could not read it as a Word 97-2003 document (damaged?)",
                            "LibreOffice không đọc được tệp như một văn bản Word 97-2003 (tệp hỏng?)")
        doc = read_docx(out)
    doc.path, doc.format = str(path), "docx"
    doc.warnings.append("chuyển từ .doc bằng LibreOffice (converted from .doc with LibreOffice)")
    return doc
