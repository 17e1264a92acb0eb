"""Write the small PDFs under tests/fixtures/pdf/ that the PDF reader's tests use.

    .venv/bin/python scripts/make_pdf_fixtures.py

No dependency: the PDF syntax is written by hand. Text uses a Type 3 font of blank glyphs whose
ToUnicode map gives every Vietnamese letter; widths are a fixed half em (a space a quarter), so
positions are known in advance.

- signed_widget.pdf  a công văn whose number and day are printed only by signing annotations (a
                     signature widget next to "Số:", a stamp next to "ngày"), with the signing
                     tool's own stamp ("Ký bởi: …") at the top and a sentence running over the
                     page break;
- scanned_page.pdf   page 1 has text, page 2 is an image only (a scanned page);
- image_only.pdf     one scanned page, no text at all;
- encrypted.pdf      protected by a user password;
- row_order.pdf      a công văn whose producer writes both layout tables row by row (the
                     header's two columns and the signature table's "Nơi nhận" and signer
                     lines interleave in the content), with "Kính gửi:" and its list set
                     under the header's left column after a blank line, justified body lines
                     wrapped after a semicolon and inside "Covid-19", a sentence ending at the
                     margin before a line that opens with "Căn cứ", and a short heading line
                     naming a body followed by a sentence that opens with a capital verb.
"""
from __future__ import annotations

import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
PAGE_W, PAGE_H = 595.0, 842.0
EM = 0.5          # glyph width in em
SPACE = 0.25


class Font:
    """A single-byte font for the text of one file: code → Unicode via ToUnicode."""

    def __init__(self):
        self.codes: dict[str, int] = {" ": 32}

    def code(self, ch: str) -> int:
        if ch not in self.codes:
            n = len(self.codes) + 32
            if n > 255:
                raise ValueError("too many distinct characters for one simple font")
            self.codes[ch] = n
        return self.codes[ch]

    def hexstr(self, text: str) -> str:
        return "<" + "".join(f"{self.code(c):02X}" for c in text) + ">"

    def tounicode(self) -> bytes:
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CMapName /Fixture-UTF16 def", "/CMapType 2 def",
                 "1 begincodespacerange <00> <FF> endcodespacerange"]
        items = sorted(self.codes.items(), key=lambda kv: kv[1])
        for k in range(0, len(items), 100):
            chunk = items[k:k + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            for ch, code in chunk:
                lines.append(f"<{code:02X}> <{ch.encode('utf-16-be').hex().upper()}>")
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode()

    def widths(self) -> str:
        last = max(self.codes.values())
        ws = []
        for code in range(32, last + 1):
            ws.append(str(int(SPACE * 1000)) if code == 32 else str(int(EM * 1000)))
        return f"/FirstChar 32 /LastChar {last} /Widths [{' '.join(ws)}]"


def width(text: str, size: float) -> float:
    return sum((SPACE if c == " " else EM) * size for c in text)


class Writer:
    def __init__(self):
        self.objs: list[bytes | None] = []

    def reserve(self) -> int:
        self.objs.append(None)
        return len(self.objs)

    def set(self, num: int, body: bytes | str) -> int:
        self.objs[num - 1] = body.encode() if isinstance(body, str) else body
        return num

    def add(self, body: bytes | str) -> int:
        return self.set(self.reserve(), body)

    def stream(self, entries: str, data: bytes, compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data)
            entries += " /Filter /FlateDecode"
        return self.add(f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data
                        + b"\nendstream")

    def save(self, path: Path, root: int, trailer: str = "") -> None:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(self.objs) + 1} /Root {root} 0 R {trailer} >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        path.write_bytes(bytes(out))


def text_ops(font: Font, items) -> bytes:
    """items: (x, y, size, text) or (x, y, size, text, word spacing) → a content stream
    drawing them."""
    ops = []
    for x, y, size, text, *tw in items:
        spacing = f"{tw[0]:.3f} Tw " if tw else ""
        ops.append(f"BT /F1 {size} Tf {spacing}1 0 0 1 {x:.2f} {y:.2f} Tm "
                   f"{font.hexstr(text)} Tj ET")
    return "\n".join(ops).encode()


def centred(text: str, size: float, center: float) -> float:
    return center - width(text, size) / 2


def font_objects(w: Writer, font: Font) -> int:
    """Add the font (after all text is known) and return its object number. A Type 3 font
    with empty glyphs: its widths are exactly the ones written, and ToUnicode names every
    letter."""
    cmap = w.stream("", font.tounicode())
    glyph = w.stream("", f"{int(EM * 1000)} 0 0 -216 {int(EM * 1000)} 891 d1".encode())
    space = w.stream("", f"{int(SPACE * 1000)} 0 d0".encode())
    names = " ".join(f"{code} /g{code}" for code in sorted(font.codes.values()))
    procs = " ".join(f"/g{code} {space if code == 32 else glyph} 0 R"
                     for code in sorted(font.codes.values()))
    return w.add(f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -216 1000 891] "
                 f"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs} >> "
                 f"/Encoding << /Type /Encoding /Differences [{names}] >> "
                 f"{font.widths()} /ToUnicode {cmap} 0 R /Resources << >> >>")


# --- signed_widget.pdf -----------------------------------------------------------------------
LEFT_C, RIGHT_C = 160.0, 410.0          # column centres of the header table
MARGIN_L, MARGIN_R = 85.0, 540.0


def para(lines_text, y, size=13, lead=18, indent=36):
    """Body lines of one paragraph: first line indented, the rest at the margin."""
    out = []
    for k, t in enumerate(lines_text):
        out.append((MARGIN_L + (indent if k == 0 else 0), y - k * lead, size, t))
    return out, y - len(lines_text) * lead


def signed_widget(path: Path) -> None:
    font = Font()
    w = Writer()
    s = 13
    number_prefix = "Số:"
    number_suffix = "/UBND-VX"
    number_gap = 34.0                                   # room left for the stamped number
    n_w = width(number_prefix, s) + 3 + number_gap + width(number_suffix, s)
    n_x = LEFT_C - n_w / 2
    date_a, date_b = "Đắk Lắk, ngày", "tháng 5 năm 2026"
    day_gap = 20.0
    d_w = width(date_a, s) + 3 + day_gap + 3 + width(date_b, s)
    d_x = RIGHT_C - d_w / 2
    page1 = [
        (centred("ỦY BAN NHÂN DÂN", s, LEFT_C), 770, s, "ỦY BAN NHÂN DÂN"),
        (centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s, RIGHT_C), 770, s,
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (centred("TỈNH ĐẮK LẮK", s, LEFT_C), 754, s, "TỈNH ĐẮK LẮK"),
        (centred("Độc lập - Tự do - Hạnh phúc", s, RIGHT_C), 754, s, "Độc lập - Tự do - Hạnh phúc"),
        (n_x, 722, s, number_prefix),
        (n_x + width(number_prefix, s) + 3 + number_gap, 722, s, number_suffix),
        (d_x, 722, s, date_a),
        (d_x + width(date_a, s) + 3 + day_gap + 3, 722, s, date_b),
        (centred("V/v triển khai kế hoạch", 12, LEFT_C), 704, 12, "V/v triển khai kế hoạch"),
        (centred("phòng, chống thiên tai", 12, LEFT_C), 690, 12, "phòng, chống thiên tai"),
        (centred("Kính gửi: Các sở, ban, ngành thuộc tỉnh", s, 312), 650, s,
         "Kính gửi: Các sở, ban, ngành thuộc tỉnh"),
    ]
    body, y = para(["Thực hiện chỉ đạo của Ban Chỉ đạo quốc gia về phòng thủ dân sự,",
                    "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành khẩn trương rà soát",
                    "phương án ứng phó với mưa lũ trên địa bàn."], 610)
    page1 += body
    body, y = para(["Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các đơn vị",
                    "liên quan hướng dẫn các địa phương tổ chức thực hiện các"], y - 6)
    page1 += body
    page2 = [
        (210, 800, 12, "CÔNG BÁO/Số 12/Ngày 12-05-2026"),
        (525, 800, 12, "2"),
    ]
    body, y = para(["nhiệm vụ được giao, báo cáo kết quả về Ủy ban nhân dân tỉnh trước",
                    "ngày 30 tháng 5 năm 2026."], 760, indent=0)
    page2 += body
    page2 += [(centred("KT. CHỦ TỊCH", s, RIGHT_C), y - 30, s, "KT. CHỦ TỊCH"),
              (centred("PHÓ CHỦ TỊCH", s, RIGHT_C), y - 46, s, "PHÓ CHỦ TỊCH"),
              (centred("Nguyễn Văn A", s, RIGHT_C), y - 110, s, "Nguyễn Văn A")]

    stamp_lines = ["Ký bởi: ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
                   "Cơ quan: ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
                   "Ngày ký: 12.05.2026 09:15:00 +07:00"]
    number, day = "1234", "12"
    # register every character before the font is written
    for _x, _y, _s, t in page1 + page2:
        font.hexstr(t)
    for t in stamp_lines + [number, day]:
        font.hexstr(t)

    catalog, pages = w.reserve(), w.reserve()
    f1 = font_objects(w, font)
    res = f"<< /Font << /F1 {f1} 0 R >> >>"

    def appearance(items, bbox_w, bbox_h) -> int:
        return w.stream(f"/Type /XObject /Subtype /Form /BBox [0 0 {bbox_w:.2f} {bbox_h:.2f}] "
                        f"/Resources {res}", text_ops(font, items))

    p1, p2 = w.reserve(), w.reserve()
    # the signing tool's stamp, top left over the margin (pure furniture)
    ap_stamp = appearance([(2, 24, 7, stamp_lines[0]), (2, 14, 7, stamp_lines[1]),
                           (2, 4, 7, stamp_lines[2])], 200, 34)
    sig_stamp = w.add(f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky co quan) "
                      f"/Rect [20 800 220 834] /F 4 /P {p1} 0 R /AP << /N {ap_stamp} 0 R >> >>")
    # the number, printed by the signature widget in the room after "Số:"
    nx = n_x + width(number_prefix, s) + 3
    ap_num = appearance([(2, 4, s, number)], number_gap, 18)
    sig_num = w.add(f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (So van ban) "
                    f"/Rect [{nx:.2f} 718 {nx + number_gap:.2f} 736] /F 4 /P {p1} 0 R "
                    f"/AP << /N {ap_num} 0 R >> >>")
    # the day, printed by a stamp annotation after "ngày"
    dx = d_x + width(date_a, s) + 3
    ap_day = appearance([(3, 4, s, day)], day_gap, 18)
    stamp_day = w.add(f"<< /Type /Annot /Subtype /Stamp /Name /Ngay "
                      f"/Rect [{dx:.2f} 718 {dx + day_gap:.2f} 736] /F 4 /P {p1} 0 R "
                      f"/AP << /N {ap_day} 0 R >> >>")
    c1 = w.stream("", text_ops(font, page1))
    c2 = w.stream("", text_ops(font, page2))
    w.set(p1, f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
              f"/Resources {res} /Contents {c1} 0 R "
              f"/Annots [{sig_stamp} 0 R {sig_num} 0 R {stamp_day} 0 R] >>")
    w.set(p2, f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
              f"/Resources {res} /Contents {c2} 0 R >>")
    w.set(pages, f"<< /Type /Pages /Kids [{p1} 0 R {p2} 0 R] /Count 2 >>")
    w.set(catalog, f"<< /Type /Catalog /Pages {pages} 0 R "
                   f"/AcroForm << /Fields [{sig_stamp} 0 R {sig_num} 0 R] /SigFlags 3 >> >>")
    w.save(path, catalog)


# --- row_order.pdf ---------------------------------------------------------------------------
def justified(lines_text, y, size=13, lead=17, indent=36, last_full=False):
    """A justified paragraph: every line but the last stretched to the right margin by word
    spacing (the last too with ``last_full``); first line indented."""
    out = []
    for k, t in enumerate(lines_text):
        x = MARGIN_L + (indent if k == 0 else 0)
        full = k < len(lines_text) - 1 or last_full
        spaces = t.count(" ")
        tw = (MARGIN_R - x - width(t, size)) / spaces if full and spaces else 0.0
        if tw < 0:
            raise ValueError(f"line too long for the column: {t}")
        out.append((x, y - k * lead, size, t, tw))
    return out, y - len(lines_text) * lead


def row_order(path: Path) -> None:
    font = Font()
    w = Writer()
    s = 13

    def left(text, y, size=s):
        return (centred(text, size, LEFT_C), y, size, text)

    def right(text, y, size=s):
        return (centred(text, size, RIGHT_C), y, size, text)

    # the header table, written row by row (left cell, right cell, next row)
    items = [left("ỦY BAN NHÂN DÂN", 770), right("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 770),
             left("XÃ HÒA PHÚ", 755), right("Độc lập - Tự do - Hạnh phúc", 755),
             left("Số: 56/UBND", 732), right("Hòa Phú, ngày 03 tháng 6 năm 2026", 732),
             left("V/v phòng, chống dịch", 714, 12), left("sốt xuất huyết", 700, 12),
             # under the table after a blank line, indented: not in the left column
             (127, 672, s, "Kính gửi:"),
             (127, 655, s, "- Trạm Y tế xã;"),
             (127, 638, s, "- Ban quản lý các thôn, buôn.")]
    body, y = justified(["Thực hiện chỉ đạo của Ủy ban nhân dân huyện về phòng bệnh;",
                         "đồng thời, để chủ động ứng phó với dịch sốt xuất huyết và Covid-",
                         "19 trên địa bàn, Ủy ban nhân dân xã đã ban hành Kế hoạch số",
                         "12/KH-UBND ngày 20 tháng 5 năm 2026 về phòng, chống dịch bệnh."],
                        614, last_full=True)
    items += body
    # a sentence that ends at the margin, then a line that opens a part of its own
    items += [(MARGIN_L, y, s, "Căn cứ tình hình thực tế, Ủy ban nhân dân xã yêu cầu:")]
    y -= 17
    # a heading naming a body, then its task on the next line at the same indent
    items += [(MARGIN_L + 36, y - 4, s, "1. Trạm Y tế xã")]
    body, y = justified(["Tổ chức giám sát ca bệnh, phun hóa chất diệt muỗi tại các ổ dịch",
                         "trước ngày 15 tháng 6 năm 2026./."], y - 21)
    items += body
    # the signature table, row by row: "Nơi nhận" list on the left, the signer on the right
    y -= 20
    items += [(MARGIN_L, y, 12, "Nơi nhận:"), right("TM. ỦY BAN NHÂN DÂN", y),
              (MARGIN_L, y - 14, 11, "- Như trên;"), right("CHỦ TỊCH", y - 15),
              (MARGIN_L, y - 28, 11, "- UBND huyện (để b/c);"),
              (MARGIN_L, y - 42, 11, "- Lưu: VT."),
              right("Trần Văn Bình", y - 90)]
    for it in items:
        font.hexstr(it[3])
    catalog, pages = w.reserve(), w.reserve()
    f1 = font_objects(w, font)
    c = w.stream("", text_ops(font, items))
    page = w.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                 f"/Resources << /Font << /F1 {f1} 0 R >> >> /Contents {c} 0 R >>")
    w.set(pages, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    w.set(catalog, f"<< /Type /Catalog /Pages {pages} 0 R >>")
    w.save(path, catalog)


# --- scans -----------------------------------------------------------------------------------
def gray_image(w: Writer) -> int:
    """A tiny 8×8 grey picture (what a scanner page amounts to for the reader)."""
    data = bytes((x * 29 + y * 13) % 256 for y in range(8) for x in range(8))
    return w.stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                    "/BitsPerComponent 8", data)


def scanned(path: Path, with_text_page: bool) -> None:
    font = Font()
    w = Writer()
    catalog, pages = w.reserve(), w.reserve()
    kids = []
    text_items = [(85, 760, 13, "ỦY BAN NHÂN DÂN XÃ HÒA PHÚ"),
                  (85, 740, 13, "Thông báo lịch tiếp công dân tháng 6 năm 2026 tại trụ sở"),
                  (85, 722, 13, "Ủy ban nhân dân xã vào sáng thứ Năm hằng tuần.")]
    if with_text_page:
        for _x, _y, _s, t in text_items:
            font.hexstr(t)
        f1 = font_objects(w, font)
        c = w.stream("", text_ops(font, text_items))
        kids.append(w.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                          f"/Resources << /Font << /F1 {f1} 0 R >> >> /Contents {c} 0 R >>"))
    img = gray_image(w)
    c = w.stream("", f"q {PAGE_W} 0 0 {PAGE_H} 0 0 cm /Im1 Do Q".encode())
    kids.append(w.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                      f"/Resources << /XObject << /Im1 {img} 0 R >> >> /Contents {c} 0 R >>"))
    w.set(pages, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                 f"/Count {len(kids)} >>")
    w.set(catalog, f"<< /Type /Catalog /Pages {pages} 0 R >>")
    w.save(path, catalog)


def encrypted(path: Path) -> None:
    """Standard security handler with a user password: /U does not match the empty password,
    so no reader opens it without the password."""
    w = Writer()
    catalog, pages = w.reserve(), w.reserve()
    c = w.stream("", b"BT /F1 12 Tf 72 720 Td (secret) Tj ET", compress=False)
    page = w.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                 f"/Contents {c} 0 R >>")
    w.set(pages, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    w.set(catalog, f"<< /Type /Catalog /Pages {pages} 0 R >>")
    o = "3F" * 32
    u = "A5" * 32
    enc = w.add(f"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{o}> /U <{u}> >>")
    w.save(path, catalog, f"/Encrypt {enc} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                          f"<0123456789ABCDEF0123456789ABCDEF>]")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    signed_widget(OUT / "signed_widget.pdf")
    scanned(OUT / "scanned_page.pdf", with_text_page=True)
    scanned(OUT / "image_only.pdf", with_text_page=False)
    encrypted(OUT / "encrypted.pdf")
    row_order(OUT / "row_order.pdf")
    for p in sorted(OUT.glob("*.pdf")):
        print(p.relative_to(OUT.parent.parent.parent), p.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
