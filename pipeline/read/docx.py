"""Word .docx → Document.

The body is read in document order: paragraphs and tables as Word stores them, one Block per
paragraph (a soft line break ``<w:br/>`` is a ``\\n`` inside the block), Word's automatic
numbering written out ("1.", "a)", "-") the way it prints.

A Vietnamese dispatch lays out its header and its signature in borderless two-column tables
(Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuer, "Số: …" and the "V/v …" subject on the left,
the Quốc hiệu and the date line on the right; "Nơi nhận" on the left of the signature, the
signer on the right. Such layout tables are read column by column so the two sides never
interleave, each cell giving its own blocks (kind "cell", ``where`` "table 1 r1 c2", region
"header-left" / "header-right" / "signature"). Tables of data (bordered, with rows that belong
together) are read row by row. A merged cell (gridSpan, vMerge) is read once; nested tables
and text boxes are read where they stand.

Text typed in the legacy Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times"…) is converted to
Unicode run by run (``pipeline.read.legacy``).

What cannot be read raises ``ReadError`` with the reason in Vietnamese and English: a file
that is not a .docx (random bytes, RTF, a Word 97-2003 .doc under a .docx name, a
password-protected document), a damaged or truncated zip, a package without its main part,
or one whose members would unpack to more than ``MAX_DOCX_BYTES`` (a "zip bomb"), which is
refused before anything is unpacked.
"""
from __future__ import annotations

import os
import posixpath
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from extractors.base import alternation, load_lines, load_tsv
from pipeline.model import Block, Document, ReadError
from pipeline.read import legacy

MAX_DOCX_BYTES = 200 * 1024 * 1024          # total unpacked size allowed; env CONGVAN_MAX_DOCX_BYTES
MAX_DOCX_BYTES_ENV = "CONGVAN_MAX_DOCX_BYTES"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# the stream an OLE container holds when it is an encrypted (password-protected) OOXML file
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, R, T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
TXBX = _w("txbxContent")
ALT, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
VAL = _w("val")
RFONTS, ASCII, HANSI = _w("rFonts"), _w("ascii"), _w("hAnsi")

# paragraph-level containers whose runs are part of the text, and those that are not
_INLINE_CONTAINERS = {_w(t) for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                      "moveTo", "dir", "bdo")}
_SKIPPED = {_w(t) for t in ("del", "moveFrom", "pPr", "rPr")}
_FALSE = {"0", "false", "off"}


def max_docx_bytes() -> int:
    """The cap on a .docx's total unpacked size (``CONGVAN_MAX_DOCX_BYTES`` overrides it)."""
    v = os.environ.get(MAX_DOCX_BYTES_ENV, "").strip()
    try:
        return int(v) if v else MAX_DOCX_BYTES
    except ValueError:
        return MAX_DOCX_BYTES


# --- the container -----------------------------------------------------------------------------

def _check_container(path: Path) -> None:
    """Refuse, with a reason, anything python-docx should not be handed."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise ReadError(f"cannot open the file: {e.strerror}", f"không mở được tệp: {e.strerror}")
    if size == 0:
        raise ReadError("the file is empty", "tệp rỗng")
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as f:
            data = f.read(min(size, 64 * 1024 * 1024))
        if _ENCRYPTED in data:
            raise ReadError("the Word document is password-protected (encrypted); remove the "
                            "password and save it again",
                            "tài liệu Word được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi lưu lại")
        raise ReadError("this is a Word 97-2003 document (.doc) named .docx; rename it .doc or "
                        "save it as .docx in Word",
                        "tệp này là tài liệu Word 97-2003 (.doc) nhưng mang đuôi .docx; hãy đổi "
                        "đuôi thành .doc hoặc mở bằng Word và lưu lại dưới dạng .docx")
    if head.startswith(b"{\\rtf"):
        raise ReadError("this is an RTF document named .docx; save it as .docx",
                        "tệp này là văn bản RTF nhưng mang đuôi .docx; hãy lưu lại dưới dạng .docx")
    if not zipfile.is_zipfile(path):
        if head.startswith(ZIP_MAGIC):
            raise ReadError("the .docx is damaged or truncated (its zip directory is missing)",
                            "tệp .docx bị hỏng hoặc không đầy đủ (tải về chưa hết?): thiếu mục lục "
                            "của gói nén")
        raise ReadError("not a Word .docx file (not a zip package)",
                        "không phải tệp Word .docx hợp lệ (không phải gói nén zip)")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise ReadError(f"the .docx is damaged ({e})", "tệp .docx bị hỏng, không mở được gói nén")
    total = sum(i.file_size for i in infos)
    cap = max_docx_bytes()
    if total > cap:
        raise ReadError(f"the .docx would unpack to {total // 2**20} MB, over the {cap // 2**20} MB "
                        "limit (a zip bomb?); refused",
                        f"tệp .docx khi giải nén lên tới {total // 2**20} MB, vượt giới hạn "
                        f"{cap // 2**20} MB (nghi là tệp nén độc hại); không đọc")
    if "word/document.xml" not in names and not _main_part_declared(path, names):
        if "xl/workbook.xml" in names:
            kind_en, kind_vi = "an Excel workbook", "bảng tính Excel"
        elif "ppt/presentation.xml" in names:
            kind_en, kind_vi = "a PowerPoint presentation", "bản trình chiếu PowerPoint"
        else:
            raise ReadError("the .docx has no main document part (word/document.xml)",
                            "tệp .docx không có phần nội dung chính (word/document.xml): tệp hỏng "
                            "hoặc không phải tài liệu Word")
        raise ReadError(f"this is {kind_en}, not a Word document", f"tệp này là {kind_vi}, "
                        "không phải tài liệu Word")


def _main_part_declared(path: Path, names: set[str]) -> bool:
    """Does the package's root relationship name a main document part that is present?"""
    if "_rels/.rels" not in names:
        return False
    try:
        with zipfile.ZipFile(path) as z:
            rels = z.read("_rels/.rels").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        if "/officeDocument\"" in tag:
            target = re.search(r'Target="/?([^"]+)"', tag)
            if target and target.group(1) in names and target.group(1).startswith("word/"):
                return True
    return False


# --- recognising the header and signature tables (data: block_starts.txt, header_lines.tsv) ----

@lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    starts = load_lines("block_starts.txt")

    def pick(*heads: str) -> str:
        return "^(?:" + "|".join(s for s in starts if s.startswith(heads)) + ")"
    motto = [r["pattern"] for r in load_tsv("header_lines.tsv") if r.get("what") == "motto"]
    stamps = alternation(r["stamp"] for r in load_tsv("header_stamps.tsv"))
    return {
        "start": re.compile("^(?:" + "|".join(starts) + ")", re.I),
        "number": re.compile(pick("Số", "Ký hiệu"), re.I),
        "subject": re.compile(pick("V/v", "Về việc"), re.I),
        "date": re.compile("^(?:" + "|".join(s for s in starts if r"ngày\b" in s) + ")", re.I),
        "motto": re.compile("|".join(motto), re.I),
        "signature": re.compile(pick("Nơi nhận", "(TM|KT"), re.I),
        "stamp": re.compile("^(?:" + stamps + r")\s*$", re.I),
    }


_RULE = re.compile(r"^[ \t]*[-_=.…–—*·]{3,}[ \t]*$")


def _lines(text: str) -> list[str]:
    return [ln.strip().strip("*_ ") for ln in text.split("\n") if ln.strip()]


# a header laid out with tab stops instead of a table: the gap between the two columns
_COLUMN_GAP = re.compile(r"\t+")


def _split_columns(text: str) -> tuple[list[str], list[str]] | None:
    """The left and right columns of a header paragraph laid out with tabs, or None. A line
    with text on both sides of a tab gap must hold the right column's Quốc hiệu or date line
    (so "Số:<tab>/UBND-VP", a number left blank, is not taken for two columns)."""
    cues = _cues()
    left: list[str] = []
    right: list[str] = []
    both = False
    for line in text.split("\n"):
        parts = [x.strip() for x in _COLUMN_GAP.split(line)]
        inner = " ".join(x for x in parts[1:] if x)
        if parts[0] and inner:
            both = both or bool(cues["motto"].search(inner) or cues["date"].match(inner))
            left.append(parts[0])
            right.append(inner)
        elif parts[0]:
            left.append(parts[0])
        elif inner:
            right.append(inner)
    return (left, right) if both else None


def _group(lines: list[str]) -> list[str]:
    """Lines of one column as blocks: a line that opens a new part of a dispatch (Số:, V/v,
    the date line…) or follows a rule starts a new block."""
    start = _cues()["start"]
    groups: list[list[str]] = []
    for ln in lines:
        if not groups or start.match(ln) or _RULE.match(groups[-1][-1]):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return ["\n".join(g) for g in groups]


# --- the reader --------------------------------------------------------------------------------

class _Reader:
    def __init__(self, package: "_Package") -> None:
        self.pkg = package
        self.blocks: list[Block] = []
        self.tables = 0
        self.paragraphs = 0
        self.seen_body = False              # a body paragraph (or the header table) was read
        self.columns: list[tuple[str, tuple[list[str], list[str]]]] = []   # a tab-laid header
        self.converted: dict[str, int] = {}
        self.tracked = False
        self.warnings: list[str] = []
        self._styles()
        self._numbering()

    # styles: fonts, numbering and borders by style id, following basedOn
    def _styles(self) -> None:
        self.style, self.default_pstyle, self.default_fonts, legacy_styles = \
            _compiled_styles(self.pkg.styles)
        # runs are looked up font by font only when a legacy font is named somewhere: in the
        # styles, or on a run of the document itself
        self.legacy_fonts = legacy_styles or _names_legacy_font(self.pkg.document.iter(RFONTS))

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.style and sid not in seen:
            seen.add(sid)
            yield self.style[sid]
            sid = self.style[sid]["based"]

    def _font(self, run, pstyle: str | None) -> str | None:
        """The font a run's non-ASCII characters are drawn in (hAnsi, else ascii)."""
        levels = []
        rpr = run.find(_w("rPr"))
        if rpr is not None:
            levels.append(_fonts(rpr.find(_w("rFonts"))))
            rs = rpr.find(_w("rStyle"))
            if rs is not None:
                levels.extend(s["fonts"] for s in self._chain(rs.get(VAL)))
        levels.extend(s["fonts"] for s in self._chain(pstyle or self.default_pstyle))
        levels.append(self.default_fonts)
        for attr in ("hAnsi", "ascii"):
            for f in levels:
                if f.get(attr + "Theme"):
                    return None
                if f.get(attr):
                    return f[attr]
        return None

    # numbering: Word's automatic list numbers, written out as printed
    def _numbering(self) -> None:
        self.counters: dict[str, dict[int, int | None]] = {}
        self.nums = _compiled_numbering(self.pkg.numbering)

    def _number(self, p, pstyle: str | None) -> str:
        numpr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = ilvl = None
        if numpr is not None:
            n, lv = numpr.find(_w("numId")), numpr.find(_w("ilvl"))
            num_id = n.get(VAL) if n is not None else None
            ilvl = _int(lv.get(VAL), 0) if lv is not None else None
        if num_id is None:
            for s in self._chain(pstyle):
                if s["numPr"] is not None:
                    num_id, style_ilvl = s["numPr"]
                    if ilvl is None and style_ilvl is not None:
                        ilvl = style_ilvl
                    break
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        key, levels = self.nums[num_id]
        if ilvl not in levels:
            return ""
        count = self.counters.setdefault(key, {})
        count[ilvl] = levels[ilvl]["start"] if count.get(ilvl) is None else count[ilvl] + 1
        for deeper in list(count):
            if deeper > ilvl:
                count[deeper] = None
        lvl = levels[ilvl]
        # a bullet of any glyph is written "-", as a typed list is
        label = "-" if lvl["fmt"] == "bullet" else _placeholders(lvl["text"], levels, count, ilvl)
        if not label.strip():
            return ""
        return label + ("" if lvl["suff"] == "nothing" else " ")

    # paragraphs
    def paragraph(self, p) -> tuple[str, list]:
        """The text of a paragraph (legacy fonts converted) and the text boxes it anchors."""
        ppr = p.find(_w("pPr"))
        ps = ppr.find(_w("pStyle")) if ppr is not None else None
        pstyle = ps.get(VAL) if ps is not None else None
        runs: list[list] = []            # [text, encoding or None, by_font]
        boxes: list = []
        self._inline(p, pstyle, runs, boxes)
        # runs in an ordinary font may still hold legacy text (the font was changed afterwards)
        plain = "".join(r[0] for r in runs if not r[2])
        guess = legacy.detect_legacy(None, plain)
        out = []
        for text, enc, by_font in runs:
            enc = enc if by_font else guess
            if enc and not text.isascii():
                converted = legacy.to_unicode(text, enc)
                if converted != text:
                    family = legacy.VNI if enc == legacy.VNI else legacy.TCVN3
                    self.converted[family] = self.converted.get(family, 0) + 1
                text = converted
            out.append(text)
        text = "".join(out).strip("\n")
        if text.strip():
            text = self._number(p, pstyle) + text
        return text, boxes

    def _inline(self, el, pstyle, runs, boxes) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, pstyle, runs, boxes)
            elif tag in _INLINE_CONTAINERS:
                if tag in (_w("ins"), _w("moveTo")):
                    self.tracked = True
                self._inline(child, pstyle, runs, boxes)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, pstyle, runs, boxes)
            elif tag == ALT:
                alt = child.find(CHOICE)
                if alt is None:
                    alt = child.find(FALLBACK)
                if alt is not None:
                    self._inline(alt, pstyle, runs, boxes)
            elif tag in (f"{{{M}}}oMath", f"{{{M}}}oMathPara"):
                runs.append(["".join(t.text or "" for t in child.iter(f"{{{M}}}t")), None, False])
            elif tag in _SKIPPED:
                if tag in (_w("del"), _w("moveFrom")):
                    self.tracked = True

    def _run(self, r, pstyle, runs, boxes) -> None:
        rpr = r.find(_w("rPr"))
        if rpr is not None:
            v = rpr.find(_w("vanish"))
            if v is not None and v.get(VAL, "1") not in _FALSE:
                return                                       # hidden text
        parts = []
        for c in r:
            tag = c.tag
            if tag == T:
                parts.append(c.text or "")
            elif tag == _w("tab") or tag == _w("ptab"):
                parts.append("\t")
            elif tag in (_w("br"), _w("cr")):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag == _w("sym"):
                parts.append(_symbol(c))
            elif tag in (_w("drawing"), _w("pict"), _w("object"), ALT):
                boxes.extend(_text_boxes(c))
        text = "".join(parts)
        if not text:
            return
        if not self.legacy_fonts:                    # no legacy font in the package
            runs.append([text, None, False])
            return
        font = self._font(r, pstyle)
        by_font = legacy.legacy_font(font) is not None
        runs.append([text, legacy.detect_legacy(font, text) if by_font else None, by_font])

    # the body
    def body(self, container, where: str = "", region: str | None = None,
             kind: str = "paragraph", out: list[Block] | None = None) -> list[Block]:
        out = self.blocks if out is None else out
        for child in container:
            tag = child.tag
            if tag == P:
                if kind == "paragraph" and not where:           # a paragraph of the body
                    self.paragraphs += 1
                    here = f"paragraph {self.paragraphs}"
                else:                                           # in a cell or a text box
                    here = where
                text, boxes = self.paragraph(child)
                columns = None
                if here.startswith("paragraph") and not self.seen_body and text.strip():
                    columns = _split_columns(text)
                    if columns is None:
                        self.flush_columns(out)
                        self.seen_body = self._is_body_text(text)
                if columns is not None:
                    self.columns.append((here, columns))
                elif text.strip():
                    out.append(Block(text, kind, None, here, region))
                for box in boxes:
                    self.body(box, f"{here} textbox", region, kind, out)
            elif tag == TBL:
                self.flush_columns(out)
                self.table(child, where, region, out)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.body(content, where, region, kind, out)
            elif tag == CUSTOM_XML:
                self.body(child, where, region, kind, out)
            elif tag == ALT:
                choice = child.find(CHOICE)
                if choice is not None:
                    self.body(choice, where, region, kind, out)
            elif tag == _w("altChunk"):
                self.warnings.append("bỏ qua nội dung nhúng (altChunk) trong tài liệu "
                                     "(embedded altChunk content skipped)")
        if not where:
            self.flush_columns(out)
        return out

    def flush_columns(self, out: list[Block]) -> None:
        """Write out a header laid out with tabs: its left column, then its right one."""
        if not self.columns:
            return
        where = self.columns[0][0]
        for side, region in ((0, "header-left"), (1, "header-right")):
            lines = [ln for _, cols in self.columns for ln in cols[side]]
            for text in _group(lines):
                out.append(Block(text, "paragraph", None, where, region))
        self.columns = []
        self.seen_body = True

    def _is_body_text(self, text: str) -> bool:
        """Has the body begun (Kính gửi, Căn cứ…, or a paragraph of prose)?"""
        cues = _cues()
        first = (_lines(text) or [""])[0]
        if cues["start"].match(first):
            return not any(cues[k].match(first) for k in ("number", "subject", "date", "stamp"))
        return len(text) > 200

    def cell(self, tc, where: str, region: str | None) -> list[Block]:
        """A cell's blocks: its paragraphs grouped the way they read (a blank paragraph, a rule
        or a line that opens a new part of a dispatch — "Số:", "V/v", the date line — ends a
        group); nested tables and text boxes where they stand."""
        out: list[Block] = []
        group: list[str] = []
        start = _cues()["start"]

        def flush() -> None:
            if group:
                out.append(Block("\n".join(group), "cell", None, where, region))
                group.clear()

        def walk(container) -> None:
            for child in container:
                tag = child.tag
                if tag == P:
                    text, boxes = self.paragraph(child)
                    if not text.strip():
                        flush()
                    else:
                        first = _lines(text)[0]
                        if group and (start.match(first) or _RULE.match(group[-1].split("\n")[-1])):
                            flush()
                        group.append(text)
                    if boxes:
                        flush()
                        for box in boxes:
                            self.body(box, f"{where} textbox", region, "cell", out)
                elif tag == TBL:
                    flush()
                    self.table(child, where + " > ", region, out)
                elif tag == SDT:
                    content = child.find(SDT_CONTENT)
                    if content is not None:
                        walk(content)
                elif tag == CUSTOM_XML:
                    walk(child)
            flush()

        walk(tc)
        return out

    def table(self, tbl, where: str, region: str | None, out: list[Block]) -> None:
        self.tables += 1
        number = self.tables
        top_level = not where
        # the grid: every cell once, at the row and grid column it starts in
        cells: list[tuple[int, int, int, object]] = []
        ncols = 0
        for ri, tr in enumerate(_rows(tbl)):
            col = 0
            trpr = tr.find(_w("trPr"))
            if trpr is not None:
                gb = trpr.find(_w("gridBefore"))
                if gb is not None:
                    col = _int(gb.get(VAL), 0)
            for tc in _row_cells(tr):
                tcpr = tc.find(_w("tcPr"))
                span, merged = 1, False
                if tcpr is not None:
                    gs = tcpr.find(_w("gridSpan"))
                    if gs is not None:
                        span = max(1, _int(gs.get(VAL), 1))
                    for m in (tcpr.find(_w("vMerge")), tcpr.find(_w("hMerge"))):
                        if m is not None and m.get(VAL, "continue") == "continue":
                            merged = True
                if not (merged and not _has_text(tc)):
                    cells.append((ri, col, span, tc))
                col += span
            ncols = max(ncols, col)
        content = {}
        for ri, col, _span, tc in cells:
            content[(ri, col)] = self.cell(tc, f"{where}table {number} r{ri + 1} c{col + 1}", region)
        lines = [ln for bl in content.values() for b in bl for ln in _lines(b.text)]
        cues = _cues()
        kind = None
        if top_level and region is None:
            if not self.seen_body and any(cues["motto"].search(ln) or cues["number"].match(ln)
                                          or cues["date"].match(ln) for ln in lines):
                kind = "header"
            elif any(cues["signature"].match(ln) for ln in lines):
                kind = "signature"
        layout = kind is not None or (ncols <= 3 and not self._bordered(tbl))
        # the reading order: layout tables column by column, in bands split by full-width rows
        if layout:
            order, band = [], []
            for c in cells:
                if c[2] >= ncols > 1:
                    order.extend(sorted(band, key=lambda x: (x[1], x[0])))
                    order.append(c)
                    band = []
                else:
                    band.append(c)
            order.extend(sorted(band, key=lambda x: (x[1], x[0])))
        else:
            order = cells
        for ri, col, span, _tc in order:
            if kind == "header":
                reg = None if span >= ncols > 1 else ("header-left" if col == 0 else "header-right")
            else:
                reg = "signature" if kind == "signature" else region
            for b in content[(ri, col)]:
                if reg is not None:
                    b.region = reg
                out.append(b)
        if kind == "header":
            self.seen_body = True

    def _bordered(self, tbl) -> bool:
        tblpr = tbl.find(_w("tblPr"))
        if tblpr is not None:
            found = tblpr.find(_w("tblBorders"))
            if found is not None:
                if _visible(found):
                    return True
            else:
                ts = tblpr.find(_w("tblStyle"))
                if ts is not None:
                    for s in self._chain(ts.get(VAL)):
                        if s["borders"] is not None:        # the style's borders, seen or not
                            if s["borders"]:
                                return True
                            break
        return any(_visible(b) for b in tbl.iter(_w("tcBorders")))


def _nums_of(root) -> dict[str, tuple[str, dict]]:
    nums: dict[str, tuple[str, dict]] = {}
    abstract: dict[str, dict[int, dict]] = {}
    for an in root.iter(_w("abstractNum")):
        abstract[an.get(_w("abstractNumId"))] = {
            _int(lvl.get(_w("ilvl")), 0): _level(lvl) for lvl in an.iter(_w("lvl"))}
    for num in root.iter(_w("num")):
        aid = num.find(_w("abstractNumId"))
        if aid is None or aid.get(VAL) not in abstract:
            continue
        levels = {k: dict(v) for k, v in abstract[aid.get(VAL)].items()}
        key = aid.get(VAL)
        for ov in num.iter(_w("lvlOverride")):
            ilvl = _int(ov.get(_w("ilvl")), 0)
            so = ov.find(_w("startOverride"))
            if so is not None:
                levels.setdefault(ilvl, {"start": 1, "fmt": "decimal", "text": f"%{ilvl + 1}."})
                levels[ilvl]["start"] = _int(so.get(VAL), 1)
                key = "num" + num.get(_w("numId"), "")      # restarts: a list of its own
            lv = ov.find(_w("lvl"))
            if lv is not None:
                levels[ilvl] = _level(lv)
        nums[num.get(_w("numId"))] = (key, levels)
    return nums

# --- the package -------------------------------------------------------------------------------
# The package is read with lxml directly, the way python-docx loads it (same parser settings, the
# same relationships walked and the same parts parsed, so a damaged package is refused alike),
# without building python-docx's object model. Styles and numbering definitions are compiled
# once per distinct part: the documents of one office share their template.

_XML = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT_MAIN = _CT + "document.main+xml"
CT_STYLES = _CT + "styles+xml"
CT_NUMBERING = _CT + "numbering+xml"
# the parts python-docx parses when it opens a package: malformed XML in any of them is an error
_PARSED = {CT_DOCUMENT_MAIN, CT_STYLES, CT_NUMBERING, _CT + "header+xml", _CT + "footer+xml",
           _CT + "settings+xml", _CT + "comments+xml",
           "application/vnd.openxmlformats-package.core-properties+xml"}
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CTYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT, RT_STYLES, RT_NUMBERING = (_RT + "officeDocument", _RT + "styles",
                                               _RT + "numbering")
_NO_PART = object()             # a relationship python-docx cannot resolve to an XML part


class _Package:
    """The parts of a .docx the reader needs: the main document's root element, and the raw
    styles and numbering parts (``None`` when absent, ``_NO_PART`` when unusable)."""

    def __init__(self, z: zipfile.ZipFile, path: Path) -> None:
        self.zip = z
        types = etree.fromstring(z.read("[Content_Types].xml"), _XML)
        self.overrides = {o.get("PartName", "").lower(): o.get("ContentType")
                          for o in types.iter(f"{{{_CTYPES}}}Override")}
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType")
                         for d in types.iter(f"{{{_CTYPES}}}Default")}
        self.rels: dict[str, list[tuple[str, str]]] = {}       # part → [(type, target part)]
        self.types: dict[str, str] = {}
        self.blobs: dict[str, bytes] = {}
        self._walk("/")
        main = self._related("/", RT_OFFICE_DOCUMENT)
        if self.types[main] != CT_DOCUMENT_MAIN:
            raise ValueError(f"file '{path}' is not a Word file, content type is "
                             f"'{self.types[main]}'")
        self.document = etree.fromstring(self.blobs[main], _XML)
        self.body = self.document.find(_w("body"))
        self.styles = self._optional(main, RT_STYLES, CT_STYLES)
        self.numbering = self._optional(main, RT_NUMBERING, CT_NUMBERING)

    def _content_type(self, partname: str) -> str:
        ct = self.overrides.get(partname.lower())
        if ct is not None:
            return ct
        ext = posixpath.splitext(partname)[1]
        ct = self.defaults.get((ext[1:] if ext.startswith(".") else ext).lower())
        if ct is not None:
            return ct
        raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")

    def _walk(self, source: str) -> None:
        """Every part reachable from ``source`` by internal relationships, once each."""
        base, name = posixpath.split(source)
        try:
            xml = self.zip.read(posixpath.join(base, "_rels", name + ".rels").lstrip("/"))
        except KeyError:
            xml = None
        rels: list[tuple[str, str]] = []
        self.rels[source] = rels
        if xml is None:
            return
        targets = []
        for rel in etree.fromstring(xml, _XML).iter(f"{{{_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.abspath(posixpath.join(base, rel.get("Target")))
            rels.append((rel.get("Type"), target))
            targets.append(target)
        for target in targets:
            if target in self.rels:
                continue
            member = target.lstrip("/")
            self.rels[target] = []                     # visited
            ct = self._content_type(target)
            self.types[target] = ct
            if ct in _PARSED:
                blob = self.zip.read(member)
                # malformed XML is refused here (styles and numbering: when first compiled)
                if ct == CT_STYLES:
                    _compiled_styles(blob)
                elif ct == CT_NUMBERING:
                    _compiled_numbering(blob)
                else:
                    etree.fromstring(blob, _XML)
                self.blobs[target] = blob
            else:
                self.zip.getinfo(member)                # a part that is missing is refused here
            self._walk(target)

    def _related(self, source: str, reltype: str) -> str:
        found = [t for rt, t in self.rels[source] if rt == reltype]
        if not found:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(found) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        return found[0]

    def _optional(self, source: str, reltype: str, content_type: str):
        try:
            target = self._related(source, reltype)
        except KeyError:
            return None
        except ValueError:
            return _NO_PART
        if self.types.get(target) != content_type:
            return _NO_PART
        return self.blobs[target]


_STYLES_CACHE: dict[bytes | None, tuple] = {}
_NUMBERING_CACHE: dict[bytes, dict] = {}
_CACHE_SIZE = 32


def _remember(cache: dict, key, value):
    if len(cache) >= _CACHE_SIZE:
        cache.pop(next(iter(cache)))
    cache[key] = value
    return value


def _names_legacy_font(rfonts_elements) -> bool:
    """Does any of these ``<w:rFonts>`` name a legacy Vietnamese font?"""
    for rf in rfonts_elements:
        for attr in (ASCII, HANSI):
            if legacy.legacy_font(rf.get(attr)) is not None:
                return True
    return False


@lru_cache(maxsize=1)
def _default_styles() -> bytes:
    """The styles python-docx gives a package that has no styles part of its own."""
    import docx
    return (Path(docx.__file__).parent / "templates" / "default-styles.xml").read_bytes()


def _compiled_styles(blob) -> tuple[dict[str, dict], str | None, dict, bool]:
    """Styles by id (type, basedOn, fonts, numbering, table borders), the default paragraph
    style, the document default fonts, and whether any legacy font is named."""
    if blob is _NO_PART:
        return {}, None, {}, False
    if blob is None:
        blob = _default_styles()
    hit = _STYLES_CACHE.get(blob)
    if hit is not None:
        return hit
    root = etree.fromstring(blob, _XML)
    style: dict[str, dict] = {}
    default_pstyle = None
    for st in root.iter(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        based = st.find(_w("basedOn"))
        numpr = st.find(f"{_w('pPr')}/{_w('numPr')}")
        if numpr is not None:
            n, lv = numpr.find(_w("numId")), numpr.find(_w("ilvl"))
            numpr = (n.get(VAL) if n is not None else None,
                     _int(lv.get(VAL), 0) if lv is not None else None)
        borders = st.find(f"{_w('tblPr')}/{_w('tblBorders')}")
        style[sid] = {
            "type": st.get(_w("type")),
            "based": based.get(VAL) if based is not None else None,
            "fonts": _fonts(st.find(f"{_w('rPr')}/{_w('rFonts')}")),
            "numPr": numpr,
            "borders": _visible(borders) if borders is not None else None,
        }
        if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
            default_pstyle = sid
    dd = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('rFonts')}")
    default_fonts = _fonts(dd)
    named = [f for s in style.values() for f in (s["fonts"].get("ascii"), s["fonts"].get("hAnsi"))]
    named += [default_fonts.get("ascii"), default_fonts.get("hAnsi")]
    any_legacy = any(legacy.legacy_font(f) is not None for f in named)
    return _remember(_STYLES_CACHE, blob, (style, default_pstyle, default_fonts, any_legacy))


def _compiled_numbering(blob) -> dict[str, tuple[str, dict]]:
    if blob is None or blob is _NO_PART:
        return {}
    hit = _NUMBERING_CACHE.get(blob)
    if hit is not None:
        return hit
    return _remember(_NUMBERING_CACHE, blob, _nums_of(etree.fromstring(blob, _XML)))


def _int(value: str | None, default: int) -> int:
    """An integer attribute; a malformed one (files from other editors) reads as the default."""
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def _fonts(rfonts) -> dict[str, str | None]:
    if rfonts is None:
        return {}
    return {a: rfonts.get(_w(a)) for a in ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme")}


def _level(lvl) -> dict:
    def val(tag, default):
        e = lvl.find(_w(tag))
        return e.get(VAL, default) if e is not None else default
    ilvl = _int(lvl.get(_w("ilvl")), 0)
    return {"start": _int(val("start", "1"), 1), "fmt": val("numFmt", "decimal"),
            "text": val("lvlText", f"%{ilvl + 1}."), "suff": val("suff", "tab")}


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s, k = "", n
        for v, r in _ROMAN:
            while k >= v:
                s, k = s + r, k - v
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _placeholders(text: str, levels: dict, count: dict, ilvl: int) -> str:
    def one(m: re.Match) -> str:
        k = int(m.group(1)) - 1
        if k > ilvl or k not in levels:
            return ""
        v = count.get(k)
        if v is None:
            v = levels[k]["start"]
        return _format(v, levels[k]["fmt"])
    return re.sub(r"%([1-9])", one, text)


def _symbol(sym) -> str:
    """A ``<w:sym>`` character: list bullets of the Symbol/Wingdings fonts read as a bullet."""
    code = sym.get(_w("char"), "")
    try:
        c = int(code, 16)
    except ValueError:
        return ""
    if c >= 0xF000:
        c -= 0xF000
    if c in (0xB7, 0xA7, 0x6C, 0x6E, 0xD8, 0xFC, 0xA8, 0x71, 0x76):
        return "•"
    return chr(c) if 0x20 <= c < 0x7F else ""


def _text_boxes(el) -> list:
    """The text boxes drawn inside ``el``, once each (the VML fallback of a drawing repeats
    its text box, so only the first choice of an AlternateContent is read)."""
    found = []

    def visit(e) -> None:
        if e.tag == TXBX:
            found.append(e)
        elif e.tag == ALT:
            alt = e.find(CHOICE)
            if alt is None:
                alt = e.find(FALLBACK)
            for c in (alt if alt is not None else ()):
                visit(c)
        elif e.tag != FALLBACK:
            for c in e:
                visit(c)
    visit(el)
    return found


def _children_tagged(parent, tag):
    """Children of ``parent`` with ``tag``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, CUSTOM_XML):
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from (c for c in inner if c.tag == tag)


def _rows(tbl):
    return _children_tagged(tbl, TR)


def _row_cells(tr):
    return _children_tagged(tr, TC)


def _has_text(tc) -> bool:
    return any((t.text or "").strip() for t in tc.iter(T))


def _visible(borders) -> bool:
    for b in borders:
        v = b.get(VAL)
        if v and v not in ("nil", "none"):
            return True
    return False


def read_docx(path: str | Path) -> Document:
    """Read a Word .docx into a Document (see the module's docstring)."""
    path = Path(path)
    _check_container(path)
    try:
        with zipfile.ZipFile(path) as z:
            package = _Package(z, path)
    except (zipfile.BadZipFile, KeyError) as e:
        raise ReadError(f"the .docx is damaged ({e})", "tệp .docx bị hỏng, không đọc được")
    except ValueError as e:
        raise ReadError(f"not a Word document ({e})", "tệp không phải tài liệu Word")
    except Exception as e:                                   # malformed XML and the like
        raise ReadError(f"the .docx cannot be parsed ({type(e).__name__}: {e})",
                        "không phân tích được nội dung tệp .docx (tệp hỏng?)")
    reader = _Reader(package)
    reader.body(package.body)
    warnings = list(reader.warnings)
    names = {legacy.TCVN3: "TCVN3 (.VnTime…)", legacy.VNI: "VNI (VNI-Times…)"}
    for enc, n in sorted(reader.converted.items()):
        warnings.append(f"đã chuyển {n} đoạn chữ mã {names[enc]} sang Unicode "
                        f"(converted {n} runs of {enc.upper()} text to Unicode)")
    if reader.tracked:
        warnings.append("tài liệu còn thay đổi chưa được chấp nhận (track changes); đọc theo bản "
                        "đã sửa (tracked changes read as accepted)")
    doc = Document(str(path), "docx", reader.blocks, warnings=warnings,
                   encoding="+".join(sorted(reader.converted)) or None)
    if not doc.text.strip():
        raise ReadError("the Word document has no text (scanned images only?); it needs OCR",
                        "tài liệu Word không có chữ (có thể chỉ chứa ảnh chụp); cần nhận dạng "
                        "ký tự (OCR)")
    return doc
