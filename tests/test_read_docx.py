"""The Word reader, on Word renditions of the seed dispatches laid out as real ones are
(tests/fixtures, made by scripts/make_fixtures.py) and on small documents built here."""
import io
import re
import shutil
import unicodedata
import zipfile
from collections import Counter

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from conftest import CORPUS, FIXTURES
from pipeline.model import ReadError
from pipeline.normalize import normalize
from pipeline.read import read
from pipeline.read import docx as docx_reader
from pipeline.read.docx import read_docx

SEEDS = sorted(p for p in CORPUS.glob("00[0-4]_*.txt") if re.fullmatch(r"00\d_[0-9a-f]{16}", p.stem))
HEADER = ("header-left", "header-right")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def fixture(seed) -> "docx_reader.Document":
    return read_docx(FIXTURES / f"{seed.stem}.docx")


def lines(text: str) -> list[str]:
    return [ln for ln in normalize(text).text.split("\n") if ln.strip()]


def seed_text(seed) -> str:
    # the seed writes a link as markdown's <https://…>; Word shows the address itself
    return re.sub(r"<(https?://[^>\s]+)>", r"\1", seed.read_text(encoding="utf-8"))


def md_plain(s: str) -> str:
    """A seed paragraph without its markdown: emphasis and hard-break spaces."""
    return unicodedata.normalize("NFC", re.sub(r"[ ]+\n", "\n", s.replace("*", "")).strip())


def test_there_is_a_word_and_a_pdf_fixture_per_seed():
    assert len(SEEDS) == 5
    for seed in SEEDS:
        assert (FIXTURES / f"{seed.stem}.docx").stat().st_size > 10_000
        assert (FIXTURES / f"{seed.stem}.pdf").read_bytes()[:5] == b"%PDF-"


# --- the header and the signature ---------------------------------------------------------------

def test_header_columns_are_kept_apart():
    doc = read_docx(FIXTURES / "001_741c13397cfce331.docx")
    texts = [b.text for b in doc.blocks]
    issuer = texts.index("ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG HOÁ")
    motto = texts.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert issuer == 0 and issuer < motto
    assert doc.blocks[issuer].region == "header-left" and doc.blocks[motto].region == "header-right"
    assert doc.blocks[issuer].kind == "cell" and doc.blocks[issuer].where == "table 1 r1 c1"
    assert doc.blocks[motto].where == "table 1 r1 c2"
    left = [b.text for b in doc.blocks if b.region == "header-left"]
    right = [b.text for b in doc.blocks if b.region == "header-right"]
    assert left == ["ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG HOÁ", "Số: 978 /UBND-VP",
                    "Về việc đẩy mạnh công tác tuyên truyền,\nhướng dẫn cài đặt ứng dụng Bluezone"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                     "Hương Hoá, ngày 14 tháng 8 năm 2020"]
    # the left column is read whole before the right one: no line of one side in the other
    for b in doc.blocks:
        assert not ("NHÂN DÂN" in b.text and "CỘNG HÒA" in b.text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_header_of_every_seed(seed):
    doc = fixture(seed)
    regions = [b.region for b in doc.blocks]
    head = [b for b in doc.blocks if b.region in HEADER]
    # the header comes first, its left column wholly before its right one
    assert regions[:len(head)] == [b.region for b in head]
    assert [b.region for b in head] == sorted((b.region for b in head), key=HEADER.index)
    number = [b for b in head if b.text.startswith("Số:")]
    date = [b for b in head if re.search(r", ngày\b", b.text)]
    assert len(number) == 1 and number[0].region == "header-left"
    assert len(date) == 1 and date[0].region == "header-right"
    seed_head = [md_plain(p) for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if seed.stem.startswith("000"):        # the seed has no issuer block: it stays missing
        assert not any("NHÂN DÂN" in b.text or "CỘNG HÒA" in b.text for b in head)
    else:
        assert head[0].text == seed_head[0]               # the issuer, as the seed has it
        assert head[0].text.startswith("ỦY BAN NHÂN DÂN\n")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_signature_block_is_intact(seed):
    doc = fixture(seed)
    sign = [b for b in doc.blocks if b.region == "signature"]
    assert sign and doc.blocks[-len(sign):] == sign        # it closes the document
    cc, *authority, name = sign
    text = seed_text(seed)
    tail = text[text.index("Nơi nhận"):]
    paras = [md_plain(p) for p in re.split(r"\n\s*\n", tail) if p.strip()]
    # Nơi nhận and its whole list, in one block of the left column
    assert cc.where.endswith("c1") and cc.text.split("\n")[0] == "Nơi nhận:"
    assert cc.text.split("\n")[1:] == [ln.strip() for ln in paras[1].split("\n")]
    # the authority lines and the signer on the right, name last
    assert all(b.where.endswith("c2") for b in authority + [name])
    assert [b.text for b in authority] == paras[2:-1]
    assert name.text == paras[-1]


# --- the body: same paragraphs, same order, same extraction ----------------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_body_matches_the_seed(seed):
    doc = fixture(seed)
    head_lines = Counter(ln for b in doc.blocks if b.region in HEADER for ln in lines(b.text))
    got = lines(doc.text)
    want = lines(seed_text(seed))
    # the same lines altogether …
    assert Counter(got) == Counter(want)
    # … and, the header aside, in the same order
    body_got = [ln for ln in got if ln not in head_lines]
    body_want = [ln for ln in want if ln not in head_lines]
    assert body_got == body_want
    # paragraph by paragraph: from Kính gửi to the end of the body, identical
    n_got = normalize(doc.text).text
    n_want = normalize(seed_text(seed)).text
    start = n_want.index("Kính gửi")
    end = n_want.index("Nơi nhận")
    assert n_want[start:end] in n_got


def test_page_broken_paragraph_is_one_paragraph():
    """Seed 003 has task 4 cut by a page break; in Word it is one paragraph."""
    doc = read_docx(FIXTURES / "003_28dd24433e409403.docx")
    task4 = [b for b in doc.blocks if b.text.startswith("4. Sở Thông tin")]
    assert len(task4) == 1
    assert "các nhiệm vụ phòng, chống dịch Covid-19; đồng thời phải tăng cường" in task4[0].text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_no_block_is_read_twice(seed):
    texts = [b.text for b in fixture(seed).blocks]
    assert len(texts) == len(set(texts))


def test_read_dispatches_docx_by_suffix():
    doc = read(FIXTURES / "002_b3a489e30b7b244b.docx")
    assert doc.format == "docx" and doc.encoding is None and not doc.warnings
    assert "Lê Chí Thái" in doc.text


# --- legacy fonts --------------------------------------------------------------------------------

def expected_001_start() -> list[str]:
    """The header and first paragraph of seed 001, as blocks of the Word layout."""
    paras = [md_plain(p) for p in (CORPUS / "001_741c13397cfce331.txt").read_text(encoding="utf-8")
             .split("\n\n") if p.strip()]
    issuer, motto, number, date, subject, kinh_gui, stamp, recipients, first = paras[:9]
    return [issuer, number, subject, motto, date, kinh_gui, stamp, recipients, first]


@pytest.mark.parametrize("name,encoding", [("legacy_tcvn3", "tcvn3"), ("legacy_vni", "vni")])
def test_legacy_fixtures_decode_to_the_exact_text(name, encoding):
    doc = read_docx(FIXTURES / f"{name}.docx")
    want = expected_001_start()
    assert [b.text for b in doc.blocks] == want
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG HOÁ"
    assert doc.encoding == encoding and any("Unicode" in w for w in doc.warnings)
    # the files really are legacy-encoded: none of the Unicode text is in them
    with zipfile.ZipFile(FIXTURES / f"{name}.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "NHÂN DÂN" not in xml and "Thời gian qua" not in xml
    assert ("NH¢N D¢N" in xml) if encoding == "tcvn3" else ("NHAÂN DAÂN" in xml)


def test_legacy_text_in_an_ordinary_font_is_recognised(tmp_path):
    """TCVN3 text whose font was later changed to Times New Roman (seen in forwarded copies)."""
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("Thêi gian qua, Uû ban nh©n d©n huyÖn ®· ban hµnh nhiÒu v¨n b¶n chØ ®¹o.")
    r.font.name = "Times New Roman"
    d.add_paragraph("Hương Hoá, ngày 14 tháng 8 năm 2020")          # Unicode stays as it is
    d.save(tmp_path / "x.docx")
    doc = read_docx(tmp_path / "x.docx")
    assert [b.text for b in doc.blocks] == [
        "Thời gian qua, Uỷ ban nhân dân huyện đã ban hành nhiều văn bản chỉ đạo.",
        "Hương Hoá, ngày 14 tháng 8 năm 2020"]


# --- structure: merged cells, nested tables, numbering, text boxes, revisions ---------------------

def save(d, tmp_path, name="x.docx"):
    path = tmp_path / name
    d.save(path)
    return path


def test_merged_cells_are_read_once(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 2)).text = "KẾ HOẠCH TRIỂN KHAI"              # gridSpan 3
    t.cell(1, 0).merge(t.cell(2, 0)).text = "Sở Y tế"                         # vMerge 2 rows
    t.cell(1, 1).text, t.cell(1, 2).text = "Tổ chức tiêm chủng", "Trước 30/11/2025"
    t.cell(2, 1).text, t.cell(2, 2).text = "Báo cáo kết quả", "Hằng tháng"
    doc = read_docx(save(d, tmp_path))
    texts = [b.text for b in doc.blocks]
    assert Counter(texts) == Counter({"KẾ HOẠCH TRIỂN KHAI": 1, "Sở Y tế": 1, "Tổ chức tiêm chủng": 1,
                                      "Trước 30/11/2025": 1, "Báo cáo kết quả": 1, "Hằng tháng": 1})
    # a bordered table of data is read row by row
    assert texts == ["KẾ HOẠCH TRIỂN KHAI", "Sở Y tế", "Tổ chức tiêm chủng", "Trước 30/11/2025",
                     "Báo cáo kết quả", "Hằng tháng"]
    assert [b.where for b in doc.blocks][:3] == ["table 1 r1 c1", "table 1 r2 c1", "table 1 r2 c2"]
    # python-docx itself would hand out the merged cell three times
    assert [c.text for c in t.rows[0].cells].count("KẾ HOẠCH TRIỂN KHAI") == 3


def test_nested_tables_and_borderless_layout(tmp_path):
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)                 # borderless: a layout table
    left, right = outer.rows[0].cells
    left.paragraphs[0].text = "BỘ XÂY DỰNG"
    left.add_paragraph("Số: 96/CĐ-BXD")
    inner = right.add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Hà Nội, ngày 22 tháng 11 năm 2025")
    d.add_paragraph("Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg.")
    doc = read_docx(save(d, tmp_path))
    assert [(b.text, b.where, b.region) for b in doc.blocks] == [
        ("BỘ XÂY DỰNG", "table 1 r1 c1", "header-left"),
        ("Số: 96/CĐ-BXD", "table 1 r1 c1", "header-left"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "table 1 r1 c2 > table 2 r1 c1", "header-right"),
        ("Hà Nội, ngày 22 tháng 11 năm 2025", "table 1 r1 c2", "header-right"),
        ("Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg.", "paragraph 1", None)]


def test_cell_lines_group_like_the_printed_page(tmp_path):
    """Each line of a header cell its own Word paragraph (common in real files): the lines of
    one part stay together, a new part (Số:, the date line) or a blank paragraph starts a block."""
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "UBND TỈNH ĐẮK LẮK"
    for s in ["SỞ Y TẾ", "", "Số: 123/SYT-NVY", "V/v triển khai", "tiêm chủng mở rộng"]:
        left.add_paragraph(s)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Đắk Lắk, ngày 02 tháng 12 năm 2025")
    doc = read_docx(save(d, tmp_path))
    assert [b.text for b in doc.blocks] == [
        "UBND TỈNH ĐẮK LẮK\nSỞ Y TẾ", "Số: 123/SYT-NVY", "V/v triển khai\ntiêm chủng mở rộng",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Đắk Lắk, ngày 02 tháng 12 năm 2025"]


def test_word_numbering_is_written_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("Ủy ban nhân dân tỉnh yêu cầu:")
    d.add_paragraph("Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.", style="List Number")
    d.add_paragraph("Sở Tài chính bố trí kinh phí.", style="List Number")
    d.add_paragraph("Báo cáo trước ngày 20/8/2020.", style="List Bullet")
    doc = read_docx(save(d, tmp_path))
    assert [b.text for b in doc.blocks] == [
        "Ủy ban nhân dân tỉnh yêu cầu:", "1. Sở Y tế chủ trì, phối hợp với các đơn vị liên quan.",
        "2. Sở Tài chính bố trí kinh phí.", "- Báo cáo trước ngày 20/8/2020."]


def test_soft_breaks_revisions_hidden_text_and_text_boxes(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Kính gửi:")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("- Các sở, ban, ngành;")
    p = d.add_paragraph()
    p._p.append(parse_xml(
        f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>Sở Y tế </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="a"><w:r><w:t>UBND các huyện</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t> (ghi chú ẩn)</w:t></w:r>'))
    p.add_run(" thực hiện.")
    # a stamp in a text box: Word writes it twice (DrawingML and a VML fallback)
    box = ('<w:txbxContent><w:p><w:r><w:t>HỎA TỐC</w:t></w:r></w:p></w:txbxContent>')
    p = d.add_paragraph()
    p._p.append(parse_xml(
        f'<w:r {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>' + box +
        '</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' + box +
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    doc = read_docx(save(d, tmp_path))
    assert [(b.text, b.where) for b in doc.blocks] == [
        ("Kính gửi:\n- Các sở, ban, ngành;", "paragraph 1"),
        ("UBND các huyện thực hiện.", "paragraph 2"),
        ("HỎA TỐC", "paragraph 3 textbox")]
    assert any("track changes" in w for w in doc.warnings)


# --- files that cannot be read -------------------------------------------------------------------

def error_of(path) -> ReadError:
    with pytest.raises(ReadError) as e:
        read_docx(path)
    assert e.value.vi and e.value.en and e.value.vi != e.value.en
    return e.value


def test_random_bytes_named_docx(tmp_path):
    p = tmp_path / "cong-van.docx"
    p.write_bytes(bytes(range(256)) * 40)
    assert "không phải tệp Word .docx" in error_of(p).vi


def test_truncated_docx(tmp_path):
    data = (FIXTURES / "001_741c13397cfce331.docx").read_bytes()
    p = tmp_path / "tai-ve-do-dang.docx"
    p.write_bytes(data[: len(data) // 2])
    assert "không đầy đủ" in error_of(p).vi


def test_docx_without_its_main_part(tmp_path):
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<w:styles/>")
    assert "word/document.xml" in error_of(p).vi


def test_excel_named_docx(tmp_path):
    p = tmp_path / "bang-tong-hop.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in error_of(p).vi


def test_zip_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    """A member of 201 MB of zeros packs into a few hundred KB; the declared sizes give it away."""
    p = tmp_path / "bom.docx"
    shutil.copy(FIXTURES / "001_741c13397cfce331.docx", p)
    with zipfile.ZipFile(p, "a", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("word/media/image1.bin", "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(201):
                f.write(chunk)
    assert p.stat().st_size < 2_000_000

    def no_parsing(*a, **k):
        raise AssertionError("the package was parsed")
    monkeypatch.setattr(docx_reader, "_Package", no_parsing)
    err = error_of(p)
    assert "vượt giới hạn 200 MB" in err.vi and "zip bomb" in err.en


def test_size_cap_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGVAN_MAX_DOCX_BYTES", "50000")
    assert docx_reader.max_docx_bytes() == 50000
    err = error_of(FIXTURES / "001_741c13397cfce331.docx")       # ~100 KB unpacked
    assert "vượt giới hạn" in err.vi
    monkeypatch.setenv("CONGVAN_MAX_DOCX_BYTES", "")
    assert docx_reader.max_docx_bytes() == docx_reader.MAX_DOCX_BYTES == 200 * 1024 * 1024


def test_word_97_2003_file_named_docx(tmp_path):
    p = tmp_path / "cong-van-978.docx"
    shutil.copy(FIXTURES / "legacy" / "cong-van-978.doc", p)
    err = error_of(p)
    assert "Word 97-2003" in err.vi and ".doc" in err.vi


def test_password_protected_docx(tmp_path):
    p = tmp_path / "mat.docx"
    p.write_bytes(docx_reader.OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    assert "mật khẩu" in error_of(p).vi


def test_empty_and_textless_files(tmp_path):
    p = tmp_path / "rong.docx"
    p.write_bytes(b"")
    assert error_of(p).vi == "tệp rỗng"
    d = docx.Document()
    d.add_paragraph("")
    assert "không có chữ" in error_of(save(d, tmp_path, "anh.docx")).vi


def test_a_docx_in_memory_round_trip():
    """Sanity: the fixture is a well-formed package python-docx reads too."""
    data = (FIXTURES / "004_afd1311a89fccd2a.docx").read_bytes()
    d = docx.Document(io.BytesIO(data))
    assert len(d.tables) == 2 and d.tables[1].rows[0].cells[1].paragraphs[-1].text == "Nguyễn Thị Thu Hương"


def test_header_laid_out_with_tabs(tmp_path):
    """Older files (often converted from .doc) align the header with tab stops, no table."""
    d = docx.Document()
    p = d.add_paragraph("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("TỈNH LAI CHÂU\t\tĐộc lập - Tự do - Hạnh phúc")
    d.add_paragraph("Số: 1661 /UBND-VX\t\tLai Châu, ngày 15 tháng 8 năm 2020")
    d.add_paragraph("V/v đẩy mạnh cài đặt ứng dụng Bluezone")
    d.add_paragraph("Kính gửi:")
    doc = read_docx(save(d, tmp_path))
    assert [(b.text, b.region) for b in doc.blocks] == [
        ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU", "header-left"),
        ("Số: 1661 /UBND-VX", "header-left"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "header-right"),
        ("Lai Châu, ngày 15 tháng 8 năm 2020", "header-right"),
        ("V/v đẩy mạnh cài đặt ứng dụng Bluezone", None),
        ("Kính gửi:", None)]
    # once the body has begun a tab is only a tab
    d.add_paragraph("1.\tChỉ đạo quyết liệt việc tuyên truyền.")
    assert read_docx(save(d, tmp_path, "y.docx")).blocks[-1].text == "1.\tChỉ đạo quyết liệt việc tuyên truyền."


def test_a_tab_in_a_blank_number_is_not_a_column(tmp_path):
    d = docx.Document()
    d.add_paragraph("UBND THÀNH PHỐ VŨNG TÀU")
    d.add_paragraph("Số:\t/UBND-VHTT")
    d.add_paragraph("Kính gửi:")
    assert [b.text for b in read_docx(save(d, tmp_path)).blocks] == [
        "UBND THÀNH PHỐ VŨNG TÀU", "Số:\t/UBND-VHTT", "Kính gửi:"]
