"""The document model every reader returns, whatever the file format.

A Document is a list of Blocks in reading order. A block is a paragraph (or a table cell, or
a PDF text block); its lines may still be hard-wrapped. Blocks are joined with a blank line to
make ``Document.text``, the text that every span in a record points into.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    text: str
    kind: str = "paragraph"          # paragraph | cell | line | stamp | footnote
    page: int | None = None          # 1-based page for PDFs
    where: str = ""                  # human-readable origin: "line 12", "table 1 r1 c2", "page 3"
    region: str | None = None        # header-left | header-right | body | signature | None


@dataclass
class Document:
    path: str
    format: str                      # txt | md | docx | pdf
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    needs_ocr: list[int] = field(default_factory=list)   # 1-based pages with no text layer
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None

    SEPARATOR = "\n\n"

    @property
    def text(self) -> str:
        return self.SEPARATOR.join(b.text for b in self.blocks if b.text.strip())

    def block_at(self, offset: int) -> Block | None:
        """The block holding character ``offset`` of ``text``."""
        pos = 0
        for b in self.blocks:
            if not b.text.strip():
                continue
            end = pos + len(b.text)
            if offset < end:
                return b
            pos = end + len(self.SEPARATOR)
        return None


class ReadError(Exception):
    """A file that cannot be read. ``vi`` and ``en`` explain why, for people."""

    def __init__(self, en: str, vi: str, stage: str = "read"):
        super().__init__(en)
        self.en = en
        self.vi = vi
        self.stage = stage

    def __str__(self) -> str:
        return f"{self.vi} ({self.en})"
