"""Digital PDFs (the Công báo, signed dispatches): the text layer in reading order.

pypdfium2 gives every character of a page with its box. From those the reader builds

- *segments*: runs of characters on one baseline with no wide gap (word spaces are put back
  where the producer left a gap but wrote no space character);
- the *header band*: the two-column table at the top of a Vietnamese official document (issuer
  and ``Số: …`` on the left; Quốc hiệu, tiêu ngữ and ``<place>, ngày …`` on the right, both in
  capitals on the first row) read column by column, emitted as blocks with region
  ``header-left`` and ``header-right`` so the columns never interleave line by line. The
  cells are centred: a line under the table that is not centred in its column, or that comes
  after a blank line once the other column has ended ("Kính gửi:" and its list, indented
  under the issuer), is body;
- the *signature table* at the end (``Nơi nhận:`` and its list on the left, the authority,
  title and signer's name centred on the right) read column by column too, region
  ``signature``, whatever order the producer wrote its rows in;
- body *lines* in the order the producer wrote them (Word writes a table cell by cell), grouped
  into paragraph blocks by vertical gaps, first-line indents and short lines (a short line
  that ends without punctuation, such as a heading naming a body, ends its block); a sentence
  cut by a page break is joined again;
- inside a block, a line the producer wrapped only because the next word did not fit (the
  line reaches the right margin, the next goes on at the left margin) is joined to the next
  by a space where a line break would read as the author's (after ``;`` or ``:``, before a
  capital), and without a space after a hyphen inside a word (``Covid-`` ⏎ ``19``); other
  wraps stay line breaks for normalization to join;
- page furniture (the gazette's running header, page numbers, the signing tool's stamp lines)
  is dropped; the patterns are in ``extractors/data/pdf_furniture.txt``;
- text drawn by annotations (a signature widget or stamp that carries the number next to
  ``Số:`` or the day next to ``ngày``) is put into the line it stands on.

Text turned by 90° (landscape tables on portrait pages) is read in its own direction. Pages
without a text layer are listed in ``Document.needs_ocr``.
"""
from __future__ import annotations

import ctypes
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.base import load_lines
from pipeline.model import Block, Document, ReadError
from pipeline.normalize import should_join

MAX_PAGES = 500                       # more pages than this: refuse (env CONGVAN_MAX_PDF_PAGES)
MAX_PAGES_ENV = "CONGVAN_MAX_PDF_PAGES"

# geometry, in units of the line height h (the font's ascent-descent box)
_SPLIT_GAP = 0.6        # a wider gap on one baseline starts a new segment
_LINE_GAP = 3.0         # segments on one baseline closer than this are one body line
_SAME_BASELINE = 0.35   # baselines closer than this are the same line
_BAND_GAP = 3.0         # rows of the header band are at most this far apart
_ANNOT_REACH = 4.0      # annotation text this close to a line is put into it
_MIN_PAGE_TEXT = 20     # fewer letters than this on a page with a large image: a scan

_ANNOT_SUBTYPES = (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_STAMP,
                   pdfium_c.FPDF_ANNOT_FREETEXT)
_RULE = re.compile(r"[_\-=.·…*~]{3,}")
_TERMINAL = re.compile(r"(?:[.;:!?]|\./\.)[\"”’)]?$")
# any character but a lower-case letter (Latin and Vietnamese): ``{UPPER}`` in the data file
_UPPER = "[^" + "".join(re.escape(c) for c in map(chr, range(0x61, 0x1F00)) if c.islower()) + "]"
_NOT_PDF = (
    (b"PK\x03\x04", "a ZIP/Office file", "tệp nén ZIP/Office"),
    (b"\xd0\xcf\x11\xe0", "an old Office file", "tệp Office cũ"),
    (b"{\\rtf", "an RTF file", "tệp RTF"),
    (b"\x89PNG", "a PNG image", "ảnh PNG"),
    (b"\xff\xd8\xff", "a JPEG image", "ảnh JPEG"),
)


def max_pages() -> int:
    """The page cap: ``CONGVAN_MAX_PDF_PAGES`` if set to a number, else ``MAX_PAGES``."""
    value = os.environ.get(MAX_PAGES_ENV, "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            pass
    return MAX_PAGES


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(edge-only pattern, anywhere pattern) from ``pdf_furniture.txt``."""
    edge, anywhere = [], []
    for line in load_lines("pdf_furniture.txt"):
        if line.startswith("edge:"):
            edge.append(line[5:].strip())
        else:
            anywhere.append(line)

    def build(parts):
        if not parts:
            return None
        return re.compile("|".join(f"(?:{p})" for p in parts).replace("{UPPER}", _UPPER))
    return build(edge), build(anywhere)


def is_furniture(text: str, edge: bool = False) -> bool:
    """Is this whole text line page furniture? ``edge``: the line is in a top/bottom row."""
    edge_re, any_re = _furniture()
    t = " ".join(unicodedata.normalize("NFC", text).split())
    if not t:
        return False
    if any_re is not None and any_re.fullmatch(t):
        return True
    return edge and edge_re is not None and edge_re.fullmatch(t) is not None


# --- characters → segments -------------------------------------------------------------------
class _Seg:
    """Characters on one baseline, in one reading direction (frame 0/90/180/270)."""
    __slots__ = ("frame", "chars", "x0", "x1", "y", "h", "annot", "_text")

    def __init__(self, frame, ch, u0, u1, v, h, annot):
        self.frame = frame
        self.chars = [[ch, u0, u1, False]]
        self.x0, self.x1, self.y, self.h = u0, u1, v, h
        self.annot = annot
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = _spaced(self.chars, self.h)
        return self._text

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def _spaced(chars: list, h: float) -> str:
    """Join characters, putting a space where the producer wrote one or left a word gap."""
    if len(chars) == 1:
        return chars[0][0]
    gaps = sorted(c[1] - p[2] for p, c in zip(chars, chars[1:]) if not c[3])
    med = gaps[len(gaps) // 2] if gaps else 0.0
    # letters of a tightly set line touch; a gap of a tenth of the line height is a space.
    # Letter-spaced (justified by character spacing) lines raise the bar with their median.
    thr = 0.1 * h + (2 * med if med > 0 else med)
    out = [chars[0][0]]
    for p, c in zip(chars, chars[1:]):
        # c[3]: True a space was written, None joined on purpose, False: the gap decides
        if c[3] or (c[3] is False and c[1] - p[2] > thr):
            out.append(" ")
        out.append(c[0])
    return "".join(out).strip()


def _is_ink(ch: str) -> bool:
    return not ch.isspace() and ord(ch) >= 32


def _page_text(tp, n: int) -> str:
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = pdfium_c.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[:max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != n:                # characters beyond the BMP: one index, two code units
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    return text


def _segments(tp, annot_from: int | None = None) -> list[_Seg]:
    """The page's characters as segments, in content order. Characters after the first
    ``annot_from`` inked ones come from flattened annotations and are marked ``annot``."""
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    text = _page_text(tp, n)
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_box, get_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    segs: list[_Seg] = []
    cur: _Seg | None = None
    space = False
    inked = 0
    pframe, pv, pa, pb = -1, 0.0, 0.0, 0.0       # the last character's direction, baseline, box
    for i, ch in enumerate(text):
        if ch == " " or ch.isspace():
            # pdfium's own line breaks are guesses (wrong inside turned text); the geometry
            # decides lines, a written or generated space still separates words
            if ch != "\r" and ch != "\n":
                space = True
            continue
        o = ord(ch)
        if o < 32:
            continue
        inked += 1
        if 0x300 <= o <= 0x36F and cur is not None:     # a combining mark: onto its letter
            cur.chars[-1][0] += ch
            continue
        if ch == "\ufffe":                               # pdfium's mark for a line-end hyphen
            ch = "-"
        annot = annot_from is not None and inked > annot_from
        get_box(tp, i, rect)
        left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
        # the next letter of the same font on the same line has the same box across the
        # text: same direction and baseline, no need to ask for its origin
        if pframe == 0 and bottom == pa and top == pb:
            frame, u0, u1, v, h = 0, left, right, pv, top - bottom
        elif pframe == 90 and left == pa and right == pb:
            frame, u0, u1, v, h = 90, bottom, top, pv, right - left
        else:
            get_origin(tp, i, ox, oy)
            x, y = ox.value, oy.value
            # the loose box starts at the origin on the side the text runs from; across the
            # text the origin (the baseline) lies inside the box
            dl, dr, db, dt = abs(x - left), abs(x - right), abs(y - bottom), abs(y - top)
            if min(dl, dr) <= min(db, dt):
                if dl <= dr:
                    frame, u0, u1, v, h = 0, left, right, y, top - bottom
                else:
                    frame, u0, u1, v, h = 180, -right, -left, -y, top - bottom
            elif db <= dt:
                frame, u0, u1, v, h = 90, bottom, top, -x, right - left
            else:
                frame, u0, u1, v, h = 270, -top, -bottom, x, right - left
        pframe, pv = frame, v
        pa, pb = (bottom, top) if frame == 0 else (left, right)
        if h <= 0.5:
            h = cur.h if cur is not None else max(pdfium_c.FPDFText_GetFontSize(tp, i), 1.0)
        if cur is not None and cur.frame == frame and cur.annot == annot:
            ch_h = h if h > cur.h else cur.h
            gap = u0 - cur.x1
            if (-_SAME_BASELINE * ch_h <= v - cur.y <= _SAME_BASELINE * ch_h
                    and -0.5 * h <= gap <= _SPLIT_GAP * ch_h):
                cur.chars.append([ch, u0, u1, space])
                if u1 > cur.x1:
                    cur.x1 = u1
                cur.h = ch_h
                space = False
                continue
        cur = _Seg(frame, ch, u0, u1, v, h, annot)
        segs.append(cur)
        space = False
    return segs


def _merge(segs: list[_Seg]) -> _Seg:
    """One segment from several on one baseline, characters in left-to-right order. Where two
    runs meet, a gap is a space, except around "/": a number and its symbol are written solid
    (``Số: 1234/UBND-VX`` even when the stamp left room after the number)."""
    tagged = sorted(((c, k) for k, s in enumerate(segs) for c in s.chars), key=lambda t: t[0][1])
    first = min(segs, key=lambda s: s.x0)
    out = _Seg(first.frame, "", 0, 0, first.y, max(s.h for s in segs), False)
    out.chars = [list(c) for c, _k in tagged]
    for j in range(1, len(tagged)):
        if tagged[j][1] == tagged[j - 1][1]:
            continue
        a, b = out.chars[j - 1], out.chars[j]
        if a[0].endswith("/") or b[0].startswith("/"):
            b[3] = None
        elif b[1] - a[2] > 0.15 * out.h:
            b[3] = True
    out.x0, out.x1 = min(s.x0 for s in segs), max(s.x1 for s in segs)
    return out


# --- rows, lines, header band ----------------------------------------------------------------
def _rows(segs: list[_Seg]) -> list[list[_Seg]]:
    """Segments grouped by baseline, top row first, each row left to right."""
    rows: list[list[_Seg]] = []
    for s in sorted(segs, key=lambda s: -s.y):
        if rows and abs(rows[-1][0].y - s.y) <= 0.4 * max(s.h, rows[-1][0].h):
            rows[-1].append(s)
        else:
            rows.append([s])
    for r in rows:
        r.sort(key=lambda s: s.x0)
    return rows


def _row_h(row: list[_Seg]) -> float:
    hs = sorted(s.h for s in row)
    return hs[len(hs) // 2]


def _is_caps(segs) -> bool:
    letters = [c for s in segs for c in s.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _two_columns(row: list[_Seg], width: float):
    """Split a row into (split x, left segs, right segs) when it is the first row of a header
    table: a wide gap near the middle of the page with capitals on both sides."""
    h = _row_h(row)
    reach = row[0].x1
    for j in range(len(row) - 1):
        reach = max(reach, row[j].x1)
        b = row[j + 1]
        gap = b.x0 - reach
        mid = (reach + b.x0) / 2
        if gap >= 0.5 * h and 0.28 * width <= mid <= 0.62 * width:
            left, right = row[:j + 1], row[j + 1:]
            # the table spans the page: issuer from the left margin, Quốc hiệu to the right
            if (left[0].x0 < 0.3 * width and max(s.x1 for s in right) > 0.65 * width
                    and _is_caps(left) and _is_caps(right)):
                return mid, left, right
    return None


class _Column:
    """One column of the header band: where its first row stands, and the last rows added
    below it (their baseline and the pitch between the last two)."""
    __slots__ = ("x0", "x1", "y", "pitch", "last_x0")

    def __init__(self, segs):
        self.x0 = min(s.x0 for s in segs)
        self.x1 = max(s.x1 for s in segs)
        self.y = segs[0].y
        self.pitch = None
        self.last_x0 = self.x0

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


class _Band:
    def __init__(self, split, left, right, body_center):
        self.split = split
        self.body_center = body_center
        self.cols = (_Column(left), _Column(right))
        self.left: list[list[_Seg]] = []     # per band row, the segments of each column
        self.right: list[list[_Seg]] = []
        self.rows: list[list[_Seg]] = []

    def sides(self, row: list[_Seg], below: bool = True):
        """(left segs, right segs) if every segment of ``row`` belongs to one column and
        what stands in each column belongs to its cell: centred under the column's first row
        (the cells of the header table are centred: issuer, "Số: …", the "V/v …" subject,
        Quốc hiệu, the date line), flush with one of its edges or with the row above (a
        subject set flush left), and, for a row under a column's paragraph, not after a
        blank line. ("Kính gửi:" set under the table, indented, is not in it.)"""
        h = _row_h(row)
        left, right = [], []
        for s in row:
            if s.x1 <= self.split + 0.5 * h:
                left.append(s)
            elif s.x0 >= self.split - 0.5 * h:
                right.append(s)
            else:
                return None                  # across the gap between the columns
        for side, col, other in ((left, *self.cols), (right, *reversed(self.cols))):
            if not side or all(_RULE.fullmatch(s.text) for s in side):
                continue
            a, b = min(s.x0 for s in side), max(s.x1 for s in side)
            center = (a + b) / 2
            off = abs(center - col.center)
            # not a title centred on the page, such as "QUYẾT ĐỊNH" just under the table
            if off >= abs(center - self.body_center):
                return None
            if not (off <= 0.6 * h or abs(a - col.x0) <= 0.5 * h or abs(b - col.x1) <= 0.5 * h
                    or (below and abs(a - col.last_x0) <= 0.3 * h)):
                return None
            # one column going on alone, the other ended above, after a blank line: the
            # table has ended
            if (below and col.pitch is not None and not (left and right) and other.y > col.y
                    and col.y - side[0].y > 1.7 * col.pitch):
                return None
        return left, right

    def _step(self, side, col):
        if side and not all(_RULE.fullmatch(s.text) for s in side):
            y = side[0].y
            col.pitch = col.y - y if col.y - y > 0 else None
            col.y = y
            col.last_x0 = min(s.x0 for s in side)

    def add(self, row, left, right, top=False):
        if top:
            self.rows.insert(0, row)
            self.left.insert(0, left)
            self.right.insert(0, right)
        else:
            self.rows.append(row)
            self.left.append(left)
            self.right.append(right)
            if len(self.rows) > 1:
                self._step(left, self.cols[0])
                self._step(right, self.cols[1])


def _find_band(rows: list[list[_Seg]], width: float, body_center: float) -> _Band | None:
    # a document starts at the top of a page (under a gazette's section title at most)
    for k, row in enumerate(rows[:3]):
        found = _two_columns(row, width)
        if found is None:
            continue
        split, left, right = found
        band = _Band(split, left, right, body_center)
        band.add(row, left, right)
        prev = row
        for nxt in rows[k + 1:]:
            h = max(_row_h(prev), _row_h(nxt))
            if prev[0].y - nxt[0].y > _BAND_GAP * h:
                break
            sides = band.sides(nxt)
            if sides is None:
                break
            band.add(nxt, *sides)
            prev = nxt
        top = row
        for above in reversed(rows[:k]):
            h = max(_row_h(top), _row_h(above))
            if above[0].y - top[0].y > _BAND_GAP * h:
                break
            sides = band.sides(above, below=False)
            if sides is None:
                break
            band.add(above, *sides, top=True)
            top = above
        return band
    return None


def _parts(row: list[_Seg], gap: float) -> list[list[_Seg]]:
    """The row's segments in runs parted by gaps wider than ``gap``."""
    parts = [[row[0]]]
    reach = row[0].x1
    for s in row[1:]:
        if s.x0 - reach >= gap:
            parts.append([s])
        else:
            parts[-1].append(s)
        reach = max(reach, s.x1)
    return parts


def _find_signature(rows: list[list[_Seg]], lay: "_Layout"):
    """The signature table at the end of a dispatch (Nghị định 30/2020, Phụ lục I): a
    borderless two-column table, "Nơi nhận:" and its list on the left from the margin, the
    authority and title lines in capitals (``TM. ỦY BAN NHÂN DÂN``, ``CHỦ TỊCH``), room for
    the signature and the signer's name centred on the right. It starts at a row of exactly
    two parts, a left one from the margin, not in capitals, and a right one in capitals in
    the right half, and goes on as long as every row keeps to the two columns: what stands
    on the left starts where the left column starts, what stands on the right is centred
    under the first right part. Returns the rows of each column (left, right) or None."""
    text_w = lay.right - lay.left
    for k, row in enumerate(rows):
        h = _row_h(row)
        if row[0].x0 > lay.left + 2 * h or len(row) < 2:
            continue
        parts = _parts(row, 2 * h)
        if len(parts) != 2:
            continue
        left, right = parts
        lx0 = left[0].x0
        rx0, rx1 = right[0].x0, max(s.x1 for s in right)
        center = (rx0 + rx1) / 2
        if not (rx0 >= lay.left + 0.4 * text_w and center >= lay.left + 0.55 * text_w):
            continue
        if not _is_caps(right) or _is_caps(left):
            continue
        lefts, rights = [left], [right]
        prev = row
        for nxt in rows[k + 1:]:
            hh = max(_row_h(nxt), h)
            if prev[0].y - nxt[0].y > 8 * hh:
                break                            # far below: the table has ended
            a, b = [], []
            for part in _parts(nxt, 2 * hh):
                x0, x1 = part[0].x0, max(s.x1 for s in part)
                if abs((x0 + x1) / 2 - center) <= 2 * hh and x0 > lx0 + 2 * hh:
                    b += part
                elif abs(x0 - lx0) <= 2 * hh and x1 < center:
                    a += part
                else:
                    break
            else:
                if a:
                    lefts.append(a)
                if b:
                    rights.append(b)
                prev = nxt
                continue
            break                                # a line across the two columns
        return lefts, rights
    return None


class _Line:
    __slots__ = ("segs", "frame", "x0", "x1", "y", "h", "text")

    def __init__(self, segs: list[_Seg]):
        self.segs = segs
        self.frame = segs[0].frame
        self.x0 = min(s.x0 for s in segs)
        self.x1 = max(s.x1 for s in segs)
        self.y = segs[0].y
        self.h = max(s.h for s in segs)
        self.text = " ".join(t for t in (s.text for s in sorted(segs, key=lambda s: s.x0)) if t)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def _lines(segs: list[_Seg]) -> list[_Line]:
    """Body lines in content order: consecutive segments on one baseline, close together."""
    lines: list[_Line] = []
    run: list[_Seg] = []
    for s in segs:
        if run:
            p = run[-1]
            h = max(p.h, s.h)
            if (s.frame == p.frame and abs(s.y - p.y) <= _SAME_BASELINE * h
                    and -0.5 * h <= s.x0 - p.x1 <= _LINE_GAP * h):
                run.append(s)
                continue
            lines.append(_Line(run))
        run = [s]
    if run:
        lines.append(_Line(run))
    return lines


# --- paragraphs ------------------------------------------------------------------------------
class _Para:
    """A block in the making: its lines, page and region."""
    __slots__ = ("lines", "page", "region", "kind", "texts", "pages")

    def __init__(self, page, region="body", kind="paragraph"):
        self.lines: list[_Line] = []
        self.texts: list[str] = []
        self.page = page
        self.pages = [page]
        self.region = region
        self.kind = kind

    def add(self, line: _Line, joint: str = "\n"):
        """Add ``line``; ``joint`` is what stands between it and the line before."""
        self.lines.append(line)
        if line.text.strip():
            self.texts.append((joint if self.texts else "") + line.text)

    @property
    def text(self) -> str:
        return "".join(self.texts)


class _Layout:
    """Margins and line pitch of one reading direction on a page."""

    def __init__(self, lines: list[_Line], width: float):
        hs = sorted(ln.h for ln in lines) or [10.0]
        self.h = hs[len(hs) // 2]
        if lines:
            span = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
        else:
            span = width
        long = [ln for ln in lines if ln.x1 - ln.x0 >= 0.6 * span]
        if len(long) >= 3:
            xs0 = sorted(ln.x0 for ln in long)
            xs1 = sorted(ln.x1 for ln in long)
            self.left = xs0[len(xs0) // 5]
            self.right = xs1[(len(xs1) * 4) // 5]
        else:
            self.left = min((ln.x0 for ln in lines), default=0.0)
            self.right = max((ln.x1 for ln in lines), default=width)
        steps = sorted(p.y - q.y for p, q in zip(lines, lines[1:])
                       if 0.5 * self.h < p.y - q.y < 3 * self.h)
        self.pitch = steps[len(steps) // 2] if steps else 1.6 * self.h

    def short(self, ln: _Line) -> bool:
        return ln.x1 < self.right - 2.5 * self.h

    def at_margin(self, ln: _Line) -> bool:
        return ln.x0 <= self.left + 0.8 * self.h

    def centered(self, ln: _Line) -> bool:
        """Centred between the margins (a title line), not merely indented."""
        indent, tail = ln.x0 - self.left, self.right - ln.x1
        return indent > -0.5 * self.h and abs(indent - tail) <= 0.6 * self.h

    def centered_pair(self, p: _Line, q: _Line) -> bool:
        return (self.centered(p) and self.centered(q)
                and _is_caps(p.segs) == _is_caps(q.segs))


def _new_paragraph(p: _Line, q: _Line, lay: _Layout) -> bool:
    """Does line ``q`` start a new paragraph after line ``p`` (same page, content order)?"""
    if q.frame != p.frame:
        return True
    h = max(lay.h, 1.0)
    dy = p.y - q.y
    if dy < -0.5 * h:                       # back up the page: the next cell or column
        return True
    if abs(dy) <= _SAME_BASELINE * h:       # beside it on the same baseline: another cell
        return True
    if dy > max(1.7 * lay.pitch, 1.3 * h):  # a wide vertical gap
        return True
    terminal = bool(_TERMINAL.search(p.text))
    if lay.centered_pair(p, q) and (not terminal or lay.short(p)):
        return False                        # a centred title over several lines
    if p.x0 > lay.left + 0.3 * (lay.right - lay.left) and q.x0 < p.x0 - 2 * h:
        return True                         # after a tab-set fragment on the right
    if q.x0 > p.x0 + 0.8 * h:               # a first-line indent
        return True
    first = q.text[:1]
    if not first.islower() and _is_caps(p.segs) and not _is_caps(q.segs):
        return True                         # a heading in capitals, then the text
    if lay.short(p) and (terminal or not first.islower() or _is_item(q.text)):
        return True
    if terminal and not lay.at_margin(q):
        return True
    return False


def _continues(p: _Line, lay_p: _Layout, q: _Line, lay_q: _Layout) -> bool:
    """Does the first line ``q`` of a page go on with the sentence of the last line ``p`` of
    the page before? (No closing punctuation, and a lower-case word or a full line running
    on at the margin; after a semicolon or a colon, only a line filled to the margin and a
    lower-case word at the margin: "… thông minh;" ⏎ page ⏎ "đồng thời, …".)"""
    if p.frame != q.frame:
        return False
    first = q.text[:1]
    if _TERMINAL.search(p.text):
        return first.islower() and _wraps(p, q, lay_q) and lay_p.right - p.x1 < lay_p.h
    if first.islower():
        return True
    return (not lay_p.short(p) and lay_q.at_margin(q) and not first.isupper()
            and bool(first) and not _is_item(q.text))


_HYPHEN_END = re.compile(r"[^\W_]-$")     # "Covid-" ⏎ "19": a compound broken at its hyphen


def _wraps(p: _Line, q: _Line, lay: _Layout) -> bool:
    """Did the producer break the line after ``p`` only because the first word of ``q``
    would not fit before the right margin (a soft wrap, not a line break of the author)?
    A wrapped line goes on at the left margin; centred lines (titles, the signer's block)
    are not judged here."""
    if p.frame != q.frame or not q.text or not lay.at_margin(q):
        return False
    word = q.text.split(" ", 1)[0]
    width = (q.x1 - q.x0) * len(word) / max(len(q.text), 1)
    return lay.right - p.x1 < width + 0.3 * lay.h


def _joint(para: "_Para", q: _Line, lay: _Layout) -> str:
    """What joins line ``q`` to the paragraph's last line: a line break, or, where the line
    was wrapped only for want of room and normalization would keep a line break there (after
    a semicolon or a colon: "… thông minh;" ⏎ "đồng thời, …", "… tại địa chỉ:" ⏎ "https://…"),
    a space; nothing after a hyphen inside a word ("Covid-" ⏎ "19")."""
    p = para.lines[-1]
    if not _wraps(p, q, lay) or _is_item(q.text):
        return "\n"
    if _HYPHEN_END.search(p.text) and q.text[:1].isalnum():
        return ""
    if should_join(para.text.rsplit("\n", 1)[-1], q.text):
        return "\n"
    # a sentence ending at the margin and a line opening a part of its own ("Điều 5.",
    # "Căn cứ …"): the author's break, whatever the room left
    if _TERMINAL.search(p.text) and _block_start().match(q.text):
        return "\n"
    return " "


@lru_cache(maxsize=1)
def _block_start() -> re.Pattern:
    """Openings of a new part of a dispatch (``block_starts.txt``, shared with normalization)."""
    return re.compile("^(?:" + "|".join(load_lines("block_starts.txt")) + ")", re.I)


_ITEM = re.compile(r"^(?:[-+•·]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[a-zđ]\)\s|[IVXLC]+\.\s)")


def _is_item(text: str) -> bool:
    return bool(_ITEM.match(text))


def _paragraphs(lines: list[_Line], lay: dict[int, _Layout], page: int) -> list[_Para]:
    out: list[_Para] = []
    prev: _Line | None = None
    for ln in lines:
        if _RULE.fullmatch(ln.text.replace(" ", "")):
            prev = None                      # a rule line: decoration, and a break
            continue
        if all(s.annot for s in ln.segs):    # text of a stamp that stands on its own
            out.append(_Para(page, kind="stamp"))
            out[-1].add(ln)
            prev = None
            continue
        if prev is None or _new_paragraph(prev, ln, lay[ln.frame]):
            out.append(_Para(page))
            out[-1].add(ln)
        else:
            out[-1].add(ln, _joint(out[-1], ln, lay[ln.frame]))
        prev = ln
    return out


def _column_paras(rows: list[list[_Seg]], page: int, region: str) -> list[_Para]:
    """One column of the header band: its rows top-down, split at rules and wide gaps."""
    out: list[_Para] = []
    prev: _Line | None = None
    pitch = None
    for segs in rows:
        if not segs:
            continue
        ln = _Line(segs)
        if _RULE.fullmatch(ln.text.replace(" ", "")):
            prev = None
            continue
        gap = prev.y - ln.y if prev is not None else None
        if gap is None or gap > 1.9 * max(prev.h, ln.h) or (pitch and gap > 1.3 * pitch):
            out.append(_Para(page, region))
            pitch = None
        else:
            pitch = pitch or gap
        out[-1].add(ln)
        prev = ln
    return out


# --- annotations -----------------------------------------------------------------------------
def _has_annot_text(page) -> bool:
    """Does the page carry annotations whose appearance may hold text (signature widgets,
    stamps, free text)?"""
    n = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    for j in range(n):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
        if not annot:
            continue
        try:
            if (pdfium_c.FPDFAnnot_GetSubtype(annot) in _ANNOT_SUBTYPES
                    and pdfium_c.FPDFAnnot_HasKey(annot, b"AP")):
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _place_annots(segs: list[_Seg], warnings: list[str], page_no: int) -> list[_Seg]:
    """Drop stamp furniture among the annotation segments; put the rest into the page line
    they stand on (a number beside ``Số:``, a day beside ``ngày``)."""
    body = [s for s in segs if not s.annot]
    for a in (s for s in segs if s.annot):
        if is_furniture(a.text) or not a.text.strip():
            continue
        reach = _ANNOT_REACH * a.h
        near = [s for s in body if s.frame == a.frame
                and abs(s.y - a.y) <= 0.6 * max(s.h, a.h)
                and s.x0 <= a.x1 + reach and s.x1 >= a.x0 - reach]
        if not near:
            body.append(a)
            continue
        merged = _merge(near + [a])
        at = min(body.index(s) for s in near)
        body = [s for s in body if s not in near]
        body.insert(at, merged)
        warnings.append(f"trang {page_no}: chữ trên dấu ký số «{a.text}» được ghép vào dòng "
                        f"«{merged.text}» (page {page_no}: text of a signing stamp put into "
                        f"its line)")
    return body


# --- pages -----------------------------------------------------------------------------------
def _page_image_share(page) -> float:
    """The largest share of the page covered by one image (0 when there is none)."""
    w, h = page.get_size()
    area = max(w * h, 1.0)
    best = 0.0
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()

    def walk(count, get, depth):
        nonlocal best
        for k in range(count):
            obj = get(k)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    share = (right.value - left.value) * (top.value - bottom.value) / area
                    best = max(best, min(share, 1.0))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
                walk(pdfium_c.FPDFFormObj_CountObjects(obj),
                     lambda i, o=obj: pdfium_c.FPDFFormObj_GetObject(o, i), depth + 1)

    walk(pdfium_c.FPDFPage_CountObjects(page.raw),
         lambda i: pdfium_c.FPDFPage_GetObject(page.raw, i), 0)
    return best


class _Page:
    __slots__ = ("no", "paras", "layouts", "letters")

    def __init__(self, no):
        self.no = no
        self.paras: list[_Para] = []
        self.layouts: dict[int, _Layout] = {}
        self.letters = 0


def _drop_furniture(segs: list[_Seg], width: float, height: float) -> list[_Seg]:
    """Drop furniture rows and segments. Running headers and page numbers count only in the
    two top rows (within the top 12% of the page; Nghị định 30/2020 puts the page number at
    the top) and the two bottom rows (within the bottom 8%), of each reading direction."""
    drop: set[int] = set()
    frames: dict[int, list[_Seg]] = {}
    for s in segs:
        frames.setdefault(s.frame, []).append(s)
    for frame, fsegs in frames.items():
        # the page's extent across the text, in the direction's own coordinates
        lo, hi = {0: (0.0, height), 90: (-width, 0.0), 180: (-height, 0.0),
                  270: (0.0, width)}[frame]
        rows = _rows(fsegs)
        for k, row in enumerate(rows):
            y = row[0].y
            at_edge = ((k < 2 and y >= hi - 0.12 * (hi - lo))
                       or (k >= len(rows) - 2 and y <= lo + 0.08 * (hi - lo)))
            if is_furniture(" ".join(s.text for s in row), at_edge):
                drop.update(id(s) for s in row)
                continue
            for s in row:
                if is_furniture(s.text, at_edge):
                    drop.add(id(s))
    return [s for s in segs if id(s) not in drop]


def _read_page(pdf, i: int, warnings: list[str]) -> tuple[_Page, float]:
    """Read page ``i`` (0-based) → (_Page, image share if the page has almost no text)."""
    try:
        page = pdf[i]
    except pdfium.PdfiumError:
        raise ReadError(f"page {i + 1} of the PDF is damaged and cannot be read",
                        f"trang {i + 1} của tệp PDF bị hỏng, không đọc được") from None
    try:
        width, height = page.get_size()
        tp = page.get_textpage()
        annot_from = None
        if _has_annot_text(page):
            n = pdfium_c.FPDFText_CountChars(tp.raw)
            before = sum(1 for c in _page_text(tp.raw, n) if _is_ink(c)) if n > 0 else 0
            tp.close()
            if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == \
                    pdfium_c.FLATTEN_SUCCESS:
                page.close()
                page = pdf[i]
                annot_from = before
            tp = page.get_textpage()
        segs = _segments(tp.raw, annot_from)
        tp.close()
        if annot_from is not None:
            segs = _place_annots(segs, warnings, i + 1)
        segs = [s for s in segs if s.text]
        segs = _drop_furniture(segs, width, height)
        out = _Page(i + 1)
        out.letters = sum(sum(1 for c in s.text if c.isalnum()) for s in segs)
        share = _page_image_share(page) if out.letters < _MIN_PAGE_TEXT else 0.0
        if not segs:
            return out, share
        _layout_page(out, segs, width)
        return out, share
    finally:
        page.close()


def _layout_page(out: _Page, segs: list[_Seg], width: float) -> None:
    lines = _lines(segs)
    for frame in {ln.frame for ln in lines} | {0}:
        out.layouts[frame] = _Layout([ln for ln in lines if ln.frame == frame], width)
    upright = [s for s in segs if s.frame == 0]
    lay = out.layouts[0]
    # the two layout tables of a dispatch, each read column by column: (top row, its
    # height, the columns' paragraphs)
    tables = []
    taken: set[int] = set()
    band = _find_band(_rows(upright), width, (lay.left + lay.right) / 2) if upright else None
    if band is not None:
        for row in band.rows:
            taken.update(id(s) for s in row)
        tables.append((band.rows[0][0].y, _row_h(band.rows[0]),
                       _column_paras(band.left, out.no, "header-left")
                       + _column_paras(band.right, out.no, "header-right")))
    sig = _find_signature(_rows([s for s in upright if id(s) not in taken]), lay)
    if sig is not None:
        left, right = sig
        for row in left + right:
            taken.update(id(s) for s in row)
        first = (left or right)[0]
        tables.append((first[0].y, _row_h(first),
                       _column_paras(left, out.no, "signature")
                       + _column_paras(right, out.no, "signature")))
    if not tables:
        out.paras = _paragraphs(lines, out.layouts, out.no)
        return
    rest = _lines([s for s in segs if id(s) not in taken])
    paras: list[_Para] = []
    for top, h, table_paras in tables:
        above = [ln for ln in rest if ln.frame == 0 and ln.y > top + 0.5 * h]
        rest = [ln for ln in rest if not (ln.frame == 0 and ln.y > top + 0.5 * h)]
        paras += _paragraphs(above, out.layouts, out.no)
        paras += table_paras
    paras += _paragraphs(rest, out.layouts, out.no)
    out.paras = paras


# --- the document ----------------------------------------------------------------------------
def _check_bytes(data: bytes) -> None:
    if not data.strip():
        raise ReadError("the file is empty", "tệp rỗng")
    head = data[:1024]
    if b"%PDF-" not in head:
        for magic, en, vi in _NOT_PDF:
            if data.startswith(magic):
                raise ReadError(f"not a PDF file: it is {en} named .pdf",
                                f"tệp không phải PDF mà là {vi} mang đuôi .pdf")
        if b"<html" in head.lower() or b"<!doctype html" in head.lower():
            raise ReadError("not a PDF file: it is a web page (a failed download?)",
                            "tệp không phải PDF mà là một trang web (có thể tải về bị lỗi)")
        raise ReadError("not a PDF file (no %PDF header)",
                        "tệp không phải PDF (không có phần đầu %PDF)")
    # a complete PDF ends with %%EOF (readers accept it anywhere in the last 1024 bytes)
    if b"%%EOF" not in data.rstrip(b"\x00\x1a \t\r\n")[-1024:]:
        raise ReadError("the PDF file is truncated (no %%EOF at its end); download it again",
                        "tệp PDF bị cắt cụt (thiếu dấu kết thúc %%EOF); hãy tải lại tệp")


def _open(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError("the PDF is encrypted with a password",
                            "tệp PDF được mã hóa bằng mật khẩu, không đọc được nội dung") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError("the PDF uses an unsupported encryption",
                            "tệp PDF dùng kiểu mã hóa không được hỗ trợ") from None
        raise ReadError("the PDF is damaged and cannot be opened",
                        "tệp PDF bị hỏng, không mở được") from None


def read_pdf(path: str | Path) -> Document:
    """Read a digital PDF into a Document (header columns apart, furniture removed)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot open the file: {e.strerror}",
                        f"không mở được tệp: {e.strerror}") from None
    _check_bytes(data)
    pdf = _open(data)
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError("the PDF has no pages", "tệp PDF không có trang nào")
        cap = max_pages()
        if n > cap:
            raise ReadError(f"the PDF has {n} pages, more than the limit of {cap}",
                            f"tệp PDF có {n} trang, vượt giới hạn {cap} trang")
        warnings: list[str] = []
        pages: list[_Page] = []
        needs_ocr: list[int] = []
        for i in range(n):
            pg, image_share = _read_page(pdf, i, warnings)
            if pg.letters < _MIN_PAGE_TEXT and image_share >= 0.3:
                needs_ocr.append(i + 1)
                pg.paras = []                    # a stray line on a scanned page is noise
            pages.append(pg)
    finally:
        pdf.close()
    blocks = _assemble(pages)
    if not any(b.text.strip() for b in blocks):
        raise ReadError("needs OCR: the PDF has no text layer (a scan?)",
                        "cần nhận dạng ký tự (OCR): tệp PDF không có lớp chữ (bản quét?)")
    if needs_ocr:
        listed = ", ".join(map(str, needs_ocr))
        warnings.append(f"trang {listed} không có lớp chữ, cần nhận dạng ký tự (OCR) "
                        f"(page {listed} has no text layer and needs OCR)")
    return Document(str(path), "pdf", blocks, pages=n, needs_ocr=needs_ocr, warnings=warnings)


def _assemble(pages: list[_Page]) -> list[Block]:
    paras: list[_Para] = []
    last_layout: _Layout | None = None
    for pg in pages:
        if not pg.paras:                     # a blank or scanned page: nothing runs across it
            last_layout = None
            continue
        first = pg.paras[0]
        if (paras and paras[-1].region == "body" and paras[-1].lines and first.region == "body"
                and first.lines and last_layout is not None):
            p, q = paras[-1].lines[-1], first.lines[0]
            if _continues(p, last_layout, q, pg.layouts.get(q.frame, last_layout)):
                paras[-1].add(q, _joint(paras[-1], q, last_layout))
                paras[-1].lines.extend(first.lines[1:])
                paras[-1].texts.extend(first.texts[1:])
                paras[-1].pages.append(pg.no)
                pg_paras = pg.paras[1:]
            else:
                pg_paras = pg.paras
        else:
            pg_paras = pg.paras
        paras.extend(pg_paras)
        tail = pg.paras[-1]
        if tail.lines:
            last_layout = pg.layouts.get(tail.lines[-1].frame)
    blocks = []
    for p in paras:
        text = unicodedata.normalize("NFC", p.text)
        if not text.strip():
            continue
        where = (f"page {p.pages[0]}" if len(p.pages) == 1
                 else f"pages {p.pages[0]}-{p.pages[-1]}")
        if p.region.startswith("header"):
            where += f" ({p.region})"
        blocks.append(Block(text, p.kind, p.page, where, p.region))
    return blocks
