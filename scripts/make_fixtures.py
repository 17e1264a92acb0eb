#!/usr/bin/env python3
"""Word and PDF renditions of the seed dispatches, laid out the way real dispatches are.

For every seed ``corpus/00N_<id>.txt`` this writes ``tests/fixtures/00N_<id>.docx`` and renders
it to ``tests/fixtures/00N_<id>.pdf`` with LibreOffice; it also writes two small documents
typed in the legacy Vietnamese fonts, ``legacy_tcvn3.docx`` (.VnTime/.VnTimeH, TCVN3) and
``legacy_vni.docx`` (VNI-Times, VNI): the header and first paragraph of seed 001.

The layout follows Nghị định 30/2020/NĐ-CP (Phụ lục I), Times New Roman 13/14 on A4:

- the header is a borderless two-column table: on the left the issuer (bold capitals), "Số: …"
  and the "V/v …" subject; on the right the Quốc hiệu (bold), the motto (bold) and the date
  line (italic);
- "Kính gửi" and the body paragraphs (numbered items as the seed numbers them), justified;
- the signature is a borderless two-column table: "Nơi nhận:" (bold italic, 12) and its list
  (11) on the left; the authority and title lines (bold), room for the signature and the
  signer's name (bold) on the right.

The seeds are markdown-ish text: blank lines part paragraphs, "**bold**", "*italic*", two
trailing spaces or a plain newline break a line, "<https://…>" is a link. A seed without an
issuer block (000) keeps it missing. A paragraph cut in two by a page break of the source
(the second half opens in lower case) is one paragraph in Word.

    python scripts/make_fixtures.py             # .docx and .pdf for the seeds, legacy .docx
    python scripts/make_fixtures.py --no-pdf    # Word files only
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from pipeline.read.legacy import unicode_to_tcvn3, unicode_to_vni  # noqa: E402

CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
FONT = "Times New Roman"

# --- the seed text -------------------------------------------------------------------------------

_TOKEN = re.compile(r"(\*\*\*|\*\*|\*|<https?://[^>\s]+>)")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


def md_lines(para: str) -> list[list[Run]]:
    """A seed paragraph as lines of runs (emphasis may run across lines)."""
    bold = italic = False
    out: list[list[Run]] = []
    for line in para.split("\n"):
        line = re.sub(r"[ ]{2,}$", "", line)            # markdown hard break
        runs: list[Run] = []
        for tok in _TOKEN.split(line):
            if tok == "***":
                bold, italic = not bold, not italic
            elif tok == "**":
                bold = not bold
            elif tok == "*":
                italic = not italic
            elif tok.startswith("<http"):
                runs.append(Run(tok[1:-1], bold, italic, link=tok[1:-1]))
            elif tok:
                runs.append(Run(tok, bold, italic))
        out.append(runs)
    return out


def plain(para: str) -> str:
    return "\n".join("".join(r.text for r in line) for line in md_lines(para))


def seed_paragraphs(text: str) -> list[str]:
    paras = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    merged: list[str] = []
    for p in paras:
        if merged and plain(p)[:1].islower():          # the second half of a page-broken paragraph
            merged[-1] = merged[-1].rstrip() + " " + p.lstrip()
        else:
            merged.append(p)
    return merged


_MOTTO = re.compile(r"(?i)^CỘNG H(?:OÀ|ÒA) XÃ HỘI")
_NUMBER = re.compile(r"^Số\s*:")
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\b")
_DATE = re.compile(r"^[^\n,]{2,40},\s+ngày\b")
_CC = re.compile(r"^Nơi nhận")


@dataclass
class Seed:
    stem: str
    issuer: str | None = None
    motto: str | None = None
    number: str | None = None
    subject: str | None = None
    date: str | None = None
    body: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    signer: list[str] = field(default_factory=list)


def parse_seed(path: Path) -> Seed:
    paras = seed_paragraphs(path.read_text(encoding="utf-8"))
    seed = Seed(path.stem)
    i = 0
    while i < len(paras):
        text = plain(paras[i])
        if _MOTTO.match(text):
            seed.motto = paras[i]
        elif _NUMBER.match(text):
            lines = paras[i].split("\n")
            k = next((j for j, ln in enumerate(lines) if _SUBJECT.match(plain(ln))), len(lines))
            seed.number = "\n".join(lines[:k])
            if k < len(lines):
                seed.subject = "\n".join(lines[k:])
        elif _SUBJECT.match(text):
            seed.subject = paras[i]
        elif _DATE.match(text):
            seed.date = paras[i]
        elif i == 0 and paras[i].startswith("**") and text.upper() == text:
            seed.issuer = paras[i]
        else:
            break
        i += 1
    j = next(k for k in range(i, len(paras)) if _CC.match(plain(paras[k])))
    seed.body = paras[i:j]
    k = j + 1
    seed.cc = paras[j:k + 1] if k < len(paras) and plain(paras[k]).startswith("-") else paras[j:k]
    seed.signer = paras[j + len(seed.cc):]
    return seed


# --- Word --------------------------------------------------------------------------------------

def set_fonts(element_rpr, name: str) -> None:
    rfonts = element_rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        element_rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def new_document(font: str = FONT, size: int = 14) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    set_fonts(normal.element.get_or_add_rPr(), font)
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    doc.core_properties.author = "congvan"
    doc.core_properties.title = ""
    return doc


def add_link(paragraph, url: str, text: str, size: int | None):
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.extend([color, u])
    if size:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(size * 2))
        rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    link.append(r)
    paragraph._p.append(link)


def fill(paragraph, para: str, *, size: int | None = None, bold: bool | None = None,
         italic: bool | None = None, pieces=None) -> None:
    """Write a seed paragraph into ``paragraph``: its lines broken with <w:br/>, emphasis as
    bold/italic runs (``bold``/``italic`` force them). ``pieces(text)`` re-encodes a run's
    text for a legacy font: it returns [(encoded text, font name or None)]."""
    for n, line in enumerate(md_lines(para)):
        if n:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        for run in line:
            if run.link and pieces is None:
                add_link(paragraph, run.link, run.text, size)
                continue
            for text, font in (pieces(run.text) if pieces else [(run.text, None)]):
                r = paragraph.add_run(text)
                r.bold = run.bold if bold is None else bold
                r.italic = run.italic if italic is None else italic
                if size:
                    r.font.size = Pt(size)
                if font:
                    r.font.name = font
                    set_fonts(r._r.get_or_add_rPr(), font)


def fmt(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=0, first=None, left=None):
    pf = paragraph.paragraph_format
    pf.alignment = align
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if first is not None:
        pf.first_line_indent = Cm(first)
    if left is not None:
        pf.left_indent = Cm(left)
    return paragraph


def borderless_table(doc, rows: int, widths: list[float]):
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tblpr.append(borders)
    # the column widths, for Word (cell widths) and for LibreOffice (the table grid)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Cm(w)
    return table


def keep_rows_whole(table) -> None:
    """A row of the table is never split across pages (the signature stays in one piece)."""
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))


def cell_paragraph(cell, first: bool):
    return cell.paragraphs[0] if first else cell.add_paragraph()


def build_seed(seed: Seed):
    doc = new_document()
    # the header
    rows = 2 if (seed.issuer or seed.motto) else 1
    table = borderless_table(doc, rows, [6.0, 10.0])
    left_top, right_top = table.rows[0].cells
    left, right = table.rows[rows - 1].cells
    if seed.issuer:
        fmt(cell_paragraph(left_top, True), after=6)
        fill(left_top.paragraphs[0], seed.issuer, size=13, bold=True)
    if seed.motto:
        lines = seed.motto.split("\n")
        p = fmt(cell_paragraph(right_top, True))
        fill(p, lines[0], size=12, bold=True)
        for ln in lines[1:]:
            fill(fmt(right_top.add_paragraph(), after=6), ln, size=14, bold=True)
    first = True
    for part, size in ((seed.number, 13), (seed.subject, 12)):
        if part:
            fill(fmt(cell_paragraph(left, first), after=6), part, size=size)
            first = False
    if seed.date:
        fill(fmt(cell_paragraph(right, True), after=6), seed.date, size=13, italic=True)
    # the body
    for para in seed.body:
        text = plain(para)
        p = doc.add_paragraph()
        if text.startswith("Kính gửi") or text.startswith("- Kính gửi"):
            fmt(p, WD_ALIGN_PARAGRAPH.LEFT, before=6, after=6, left=1.5)
        elif text.upper() == text and len(text) < 30:                 # a stamp: HỎA TỐC
            fmt(p, WD_ALIGN_PARAGRAPH.LEFT, before=6, after=6)
        elif text.startswith("-") and text.count("\n"):               # the Kính gửi list
            fmt(p, WD_ALIGN_PARAGRAPH.LEFT, after=6, left=1.5)
        else:
            fmt(p, WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, first=1.0)
        fill(p, para, size=14)
    # the signature
    table = borderless_table(doc, 1, [7.0, 9.0])
    keep_rows_whole(table)
    cc_cell, sign_cell = table.rows[0].cells
    for n, para in enumerate(seed.cc):
        p = fmt(cell_paragraph(cc_cell, n == 0), WD_ALIGN_PARAGRAPH.LEFT, before=6 if n == 0 else 0)
        if n == 0:
            fill(p, para, size=12, bold=True, italic=True)
        else:
            fill(p, para, size=11)
    authority, name = seed.signer[:-1], seed.signer[-1]
    for n, para in enumerate(authority):
        fill(fmt(cell_paragraph(sign_cell, n == 0), before=6 if n == 0 else 0), para, size=14, bold=True)
    for _ in range(3):                                                 # room for the signature
        fmt(sign_cell.add_paragraph())
    fill(fmt(sign_cell.add_paragraph()), name, size=14, bold=True)
    return doc


def tcvn3_pieces(caps_line: bool):
    """TCVN3 as it was typed: a line of capitals in .VnTimeH; elsewhere .VnTime (the
    document's font, so the run names none), a capital with a tone (which VN3 lacks) in a
    .VnTimeH run of its own."""
    def pieces(text: str) -> list[tuple[str, str | None]]:
        if caps_line:
            return [(unicode_to_tcvn3(text), ".VnTimeH")]
        out: list[tuple[str, str | None]] = []
        for ch in text:
            font = ".VnTimeH" if ch.isupper() and unicode_to_tcvn3(ch) == unicode_to_tcvn3(ch.lower()) \
                and not ch.isascii() else None
            if out and out[-1][1] == font:
                out[-1] = (out[-1][0] + unicode_to_tcvn3(ch), font)
            else:
                out.append((unicode_to_tcvn3(ch), font))
        return out
    return pieces


def vni_pieces(_caps_line: bool):
    return lambda text: [(unicode_to_vni(text), None)]


def build_legacy(seed: Seed, scheme: str):
    """The header and first paragraph of ``seed`` typed in a legacy font: TCVN3 in .VnTime with
    the capitals in .VnTimeH (the document's default font is .VnTime, so most runs name no
    font), or VNI in VNI-Times (the default font)."""
    doc = new_document(font=".VnTime" if scheme == "tcvn3" else "VNI-Times")
    make = tcvn3_pieces if scheme == "tcvn3" else vni_pieces

    def part(p, para, size, **kw):
        for n, ln in enumerate(para.split("\n")):
            if n:
                p.add_run().add_break(WD_BREAK.LINE)
            fill(p, ln, size=size, pieces=make(plain(ln).upper() == plain(ln)), **kw)

    table = borderless_table(doc, 2, [6.0, 10.0])
    (lt, rt), (lb, rb) = table.rows[0].cells, table.rows[1].cells
    part(fmt(lt.paragraphs[0], after=6), seed.issuer, 13, bold=True)
    part(fmt(rt.paragraphs[0], after=6), seed.motto, 13, bold=True)
    part(fmt(lb.paragraphs[0], after=6), seed.number, 13)
    part(fmt(lb.add_paragraph(), after=6), seed.subject, 12)
    part(fmt(rb.paragraphs[0], after=6), seed.date, 14, italic=True)
    for para in seed.body:
        p = fmt(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, first=1.0)
        part(p, para, 14)
        if len(plain(para)) > 200:                 # up to the first paragraph of prose
            break
    return doc


def render_pdf(docx_files: list[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: cannot render the PDFs")
    with tempfile.TemporaryDirectory(prefix="congvan-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_files)]
        print(" ".join(cmd[:1] + cmd[2:6]), "…")
        subprocess.run(cmd, check=True, env={**os.environ, "HOME": profile},
                       stdout=subprocess.DEVNULL, timeout=600)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-pdf", action="store_true", help="write the .docx files only")
    ap.add_argument("--out", type=Path, default=FIXTURES)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    seeds = sorted(CORPUS.glob("00[0-4]_*.txt"))
    seeds = [p for p in seeds if re.fullmatch(r"00\d_[0-9a-f]{16}", p.stem)]
    written = []
    for path in seeds:
        seed = parse_seed(path)
        out = args.out / f"{seed.stem}.docx"
        build_seed(seed).save(out)
        written.append(out)
        print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
    s001 = parse_seed(CORPUS / "001_741c13397cfce331.txt")
    for scheme in ("tcvn3", "vni"):
        out = args.out / f"legacy_{scheme}.docx"
        build_legacy(s001, scheme).save(out)
        print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
    if not args.no_pdf:
        render_pdf(written, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
