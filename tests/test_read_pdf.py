"""The PDF reader on the ten signed Công báo PDFs of the corpus, on the LibreOffice renditions of
the seed dispatches (tests/fixtures/00N_*.pdf, made from their Word renditions by
scripts/make_fixtures.py: they must read as the .docx do), and on small generated PDFs
(tests/fixtures/pdf, made by scripts/make_pdf_fixtures.py) for what the corpus lacks: a number
and a day printed only by signing annotations, layout tables written row by row, scanned pages,
a password."""
import difflib
import re
import unicodedata

import pytest

from conftest import CORPUS, DATA, FIXTURES
from extractors.base import new_tones
from pipeline.model import ReadError
from pipeline.normalize import normalize
from pipeline.read import pdf as pdf_reader
from pipeline.read import read
from pipeline.read.pdf import is_furniture, read_pdf

PDF_FIXTURES = FIXTURES / "pdf"
GAZETTE_TEXT = DATA / "dev" / "pdf_text"

# stem: (pages, doc type line, issuer lines of the left column, number line, date line)
GAZETTE = {
    "nghi-dinh-so-133-2026-nd-cp-469331":
        (45, "NGHỊ ĐỊNH", "CHÍNH PHỦ", "Số: 133/2026/NĐ-CP", "Hà Nội, ngày 06 tháng 4 năm 2026"),
    "nghi-dinh-so-162-2026-nd-cp-469551":
        (5, "NGHỊ ĐỊNH", "CHÍNH PHỦ", "Số: 162/2026/NĐ-CP", "Hà Nội, ngày 15 tháng 5 năm 2026"),
    "nghi-dinh-so-188-2026-nd-cp-469662":
        (15, "NGHỊ ĐỊNH", "CHÍNH PHỦ", "Số:188/2026/NĐ-CP", "Hà Nội, ngày 27 tháng 5 năm 2026"),
    "nghi-quyet-so-109-nq-cp-469403":
        (67, "NGHỊ QUYẾT", "CHÍNH PHỦ", "Số: 109/NQ-CP", "Hà Nội, ngày 16 tháng 4 năm 2026"),
    "nghi-quyet-so-113-nq-cp-469448":
        (2, "NGHỊ QUYẾT", "CHÍNH PHỦ", "Số: 113/NQ-CP", "Hà Nội, ngày 25 tháng 4 năm 2026"),
    "quyet-dinh-so-135-qd-bldtbxh-41357":
        (26, "QUYẾT ĐỊNH", "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "Số: 135/QĐ-BLĐTBXH",
         "Hà Nội, ngày 31 tháng 01 năm 2024"),
    "quyet-dinh-so-798-qd-ttg-469485":
        (4, "QUYẾT ĐỊNH", "THỦ TƯỚNG CHÍNH PHỦ", "Số: 798/QĐ-TTg",
         "Hà Nội, ngày 05 tháng 5 năm 2026"),
    "thong-tu-so-04-2025-tt-bldtbxh-44341":
        (8, "THÔNG TƯ", "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "Số: 04/2025/TT-BLĐTBXH",
         "Hà Nội, ngày 20 tháng 02 năm 2025"),
    "thong-tu-so-14-2024-tt-bldtbxh-43764":
        (28, "THÔNG TƯ", "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "Số: 14/2024/TT-BLĐTBXH",
         "Hà Nội, ngày 31 tháng 12 năm 2024"),
    "thong-tu-so-32-2026-tt-bkhcn-469766":
        (4, "THÔNG TƯ", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 32/2026/TT-BKHCN",
         "Hà Nội, ngày 11 tháng 6 năm 2026"),
}
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
STAMP_LINE = re.compile(r"(?:Ký bởi|Người ký|Ngày ký|Thời gian ký|Email)\s*:|Cơ quan: VĂN PHÒNG")

_docs: dict = {}


def doc_of(stem: str):
    if stem not in _docs:
        _docs[stem] = read_pdf(CORPUS / f"{stem}.pdf")
    return _docs[stem]


def words(text: str) -> list[str]:
    """Normalized words for comparing two extractions: NFC, one tone style, case-folded;
    bare numbers (page numbers, table counters) left out."""
    text = new_tones(unicodedata.normalize("NFC", text)).casefold()
    return [w for w in re.findall(r"[^\W_]+", text) if not w.isdigit()]


def test_the_corpus_has_the_ten_gazette_pdfs():
    assert sorted(p.stem for p in CORPUS.glob("*.pdf")) == sorted(GAZETTE)


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_header_columns_are_kept_apart(stem):
    pages, _doc_type, issuer, number, date = GAZETTE[stem]
    doc = doc_of(stem)
    assert doc.format == "pdf" and doc.pages == pages and doc.needs_ocr == []
    left = [b.text for b in doc.blocks if b.region == "header-left"]
    right = [b.text for b in doc.blocks if b.region == "header-right"]
    assert issuer in left and number in left
    assert f"{QUOC_HIEU}\n{TIEU_NGU}" in right and date in right
    assert not any(QUOC_HIEU in t or TIEU_NGU in t or "ngày" in t for t in left)
    assert not any(t.startswith("Số") or issuer in t for t in right)
    # in the text: the whole left column, then the whole right column
    text = doc.text
    order = [text.index(issuer), text.index(number), text.index(QUOC_HIEU),
             text.index(TIEU_NGU), text.index(date)]
    assert order == sorted(order)


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_page_furniture_is_gone(stem):
    lines = doc_of(stem).text.split("\n")
    assert not any(ln.startswith("CÔNG BÁO") for ln in lines)
    assert not any(STAMP_LINE.match(ln) for ln in lines)
    assert "[" not in lines                  # the bracket left by the signature image


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_text_agrees_with_the_gazettes_own_extraction(stem):
    own = (GAZETTE_TEXT / f"{stem}.txt").read_text(encoding="utf-8")
    own = "\n".join(ln for ln in own.split("\n") if not is_furniture(ln, edge=True))
    ours = words(doc_of(stem).text)
    ratio = difflib.SequenceMatcher(None, ours, words(own), autojunk=False).ratio()
    assert ratio >= 0.95, ratio


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_a_header_extractor_finds_the_header_in_the_first_lines(stem):
    _pages, doc_type, issuer, number, date = GAZETTE[stem]
    lines = normalize(doc_of(stem).text).text.split("\n")[:40]
    assert doc_type in lines
    assert number in lines and re.fullmatch(r"Số\s*:\s*\d+/[\w/-]+", number)
    assert date in lines
    assert issuer.split("\n")[0] in lines
    assert QUOC_HIEU in lines


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_paragraphs_start_where_the_document_starts_them(stem):
    """"Căn cứ …" and "Điều N." open a paragraph: never a line inside a block."""
    for b in doc_of(stem).blocks:
        for line in b.text.split("\n")[1:]:
            assert not re.match(r"Căn cứ |Điều \d+\. ", line), (b.where, line)


def test_798_reads_as_the_gazette_prints_it():
    doc = doc_of("quyet-dinh-so-798-qd-ttg-469485")
    texts = [b.text for b in doc.blocks]
    assert texts[:5] == ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 798/QĐ-TTg", f"{QUOC_HIEU}\n{TIEU_NGU}",
                         "Hà Nội, ngày 05 tháng 5 năm 2026", "QUYẾT ĐỊNH"]
    assert texts[5] == ("Kiện toàn Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương,\n"
                        "bảo hiểm xã hội và ưu đãi người có công")
    assert ("Căn cứ Quyết định số 666/QĐ-TTg ngày 09 tháng 4 năm 2026 của\n"
            "Thủ tướng Chính phủ về việc phân công công tác của Thủ tướng Chính phủ và\n"
            "các Phó Thủ tướng Chính phủ;") in texts
    # the producer left a gap but no space after "ban"; the word space is put back
    assert "1. Trưởng ban Chỉ đạo Trung ương: Phó Thủ tướng Chính phủ Phạm Thị Thanh Trà." in texts
    assert texts[-2:] == ["THỦ TƯỚNG", "Lê Minh Hưng"]
    assert all(b.page == 1 for b in doc.blocks[:5])
    assert doc.blocks[-1].page == 4


def test_header_written_last_in_the_page_still_comes_first():
    """Thông tư 32 draws its header table after the body; the reader puts it on top."""
    doc = doc_of("thong-tu-so-32-2026-tt-bkhcn-469766")
    assert [b.region for b in doc.blocks[:4]] == ["header-left"] * 2 + ["header-right"] * 2
    assert doc.blocks[4].text == "THÔNG TƯ"


def test_gazette_section_title_stays_above_the_header():
    doc = doc_of("thong-tu-so-04-2025-tt-bldtbxh-44341")
    assert doc.blocks[0].text == "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert doc.blocks[0].region == "body"
    # "Số: …" and "Hà Nội, ngày …" share one baseline in this PDF: split by column
    assert doc.blocks[2].text == "Số: 04/2025/TT-BLĐTBXH"
    assert doc.blocks[4].text == "Hà Nội, ngày 20 tháng 02 năm 2025"


@pytest.mark.parametrize("stem,where,seam", [
    ("thong-tu-so-32-2026-tt-bkhcn-469766", "pages 2-3", "Công nghệ làm đại\ndiện chủ sở hữu."),
    ("nghi-dinh-so-188-2026-nd-cp-469662", "pages 6-7",
     "Kinh phí vận chuyển\ngạo từ trung tâm đơn vị hành chính cấp xã"),
    ("nghi-dinh-so-162-2026-nd-cp-469551", "pages 3-4",
     "chiến tranh bảo vệ Tổ quốc,\nlàm nhiệm vụ quốc tế ở Căm-pu-chi-a"),
])
def test_sentence_over_a_page_break_is_joined(stem, where, seam):
    """The gazette's page ends mid-sentence (no closing punctuation) and the next page goes on
    in lower case: one paragraph, and normalize() makes it one line."""
    doc = doc_of(stem)
    block = next(b for b in doc.blocks if seam in b.text)
    assert block.where == where and block.page == int(where.split()[1].split("-")[0])
    assert seam.replace("\n", " ") in normalize(doc.text).text


def test_whole_paragraph_over_a_page_break():
    doc = doc_of("thong-tu-so-32-2026-tt-bkhcn-469766")
    block = next(b for b in doc.blocks if "làm đại" in b.text)
    assert block.text == ("14. Quản lý doanh nghiệp nhà nước do Bộ Khoa học và Công nghệ làm đại\n"
                          "diện chủ sở hữu.")


def test_paragraph_break_at_a_page_break_is_kept():
    doc = doc_of("quyet-dinh-so-798-qd-ttg-469485")
    texts = [b.text for b in doc.blocks]
    i = texts.index("- Bộ trưởng Bộ Tư pháp;")              # last line of page 1
    assert texts[i + 1] == "- Bộ trưởng Bộ Giáo dục và Đào tạo;"
    assert doc.blocks[i].page == 1 and doc.blocks[i + 1].page == 2


def test_turned_tables_are_read_in_their_own_direction():
    """Quyết định 135 prints its lists on landscape pages: the text runs up the page."""
    doc = doc_of("quyet-dinh-so-135-qd-bldtbxh-41357")
    page3 = [b.text for b in doc.blocks if b.page == 3]
    assert page3[0] == ("DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT HẾT HIỆU LỰC TOÀN BỘ HOẶC MỘT PHẦN")
    assert any(t.startswith("(Ban hành kèm theo Quyết định số 135/QĐ-BLĐTBXH ngày 31/01/2024")
               for t in page3)
    assert "Thông tư số 36/2017/TT-BLĐTBXH ngày 29/12/2017" in doc.text


@pytest.mark.parametrize("line,edge,expected", [
    ("Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False, True),
    ("Cơ quan: VĂN PHÒNG CHÍNH PHỦ", False, True),
    ("Ngày ký: 2026-05-21 08:05:48 +07:00", False, True),
    ("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", False, True),
    ("Email: thongtinchinhphu@chinhphu.vn", False, True),
    ("Thời gian ký: 03.04.2025 10:38:04 +07:00", False, True),
    ("CÔNG BÁO/Số 281/Ngày 21-05-2026", True, True),
    ("66 CÔNG BÁO/ Số 459 + 460/Ngày 11-03-2025", True, True),
    ("CÔNG BÁO/Số 377 + 378/Ngày 04-3-2024 73", True, True),
    ("99", True, True),
    ("99", False, False),                    # a number in a table cell is text
    ("CÔNG BÁO/Số 281/Ngày 21-05-2026", False, False),
    ("Cơ quan: Bộ Tài chính chủ trì, phối hợp với các bộ, ngành", False, False),
    ("- Bộ trưởng Bộ Tư pháp;", True, False),
])
def test_furniture_patterns(line, edge, expected):
    assert is_furniture(line, edge) is expected


def test_short_heading_line_ends_its_block():
    """Nghị định 188, Điều 9: a line naming a body, far short of the margin and without
    punctuation, then the sentence of its task opening with a capital verb: two blocks, two
    lines after normalization (never "Hội đồng nhân dân cấp tỉnh Bảo đảm kinh phí …")."""
    doc = doc_of("nghi-dinh-so-188-2026-nd-cp-469662")
    texts = [b.text for b in doc.blocks]
    for heading, task in [
        ("3. Bộ Dân tộc và Tôn giáo", "Phối hợp với Bộ Giáo dục và Đào tạo"),
        ("a) Hội đồng nhân dân cấp tỉnh", "Bảo đảm kinh phí thực hiện chính sách"),
        ("b) Ủy ban nhân dân cấp tỉnh", "Chỉ đạo, hướng dẫn tổ chức thực hiện"),
        ("a) Hội đồng nhân dân cấp xã", "Bảo đảm kinh phí thực hiện chính sách"),
    ]:
        i = texts.index(heading)
        assert texts[i + 1].startswith(task)
    lines = normalize(doc.text).text.split("\n")
    assert "3. Bộ Dân tộc và Tôn giáo" in lines and "a) Hội đồng nhân dân cấp tỉnh" in lines
    assert not any(ln.startswith("a) Hội đồng nhân dân cấp tỉnh ") for ln in lines)


@pytest.mark.parametrize("stem,line", [
    # justified lines that end with a colon or a semicolon, the sentence going on below
    ("nghi-dinh-so-188-2026-nd-cp-469662",
     "b) Mỗi cấp học, học sinh nội trú được cấp một lần bằng hiện vật gồm: Chăn, màn và các "
     "đồ dùng cá nhân khác với mức kinh phí là 2.050.000 đồng/học sinh."),
    ("thong-tu-so-04-2025-tt-bldtbxh-44341",
     "1. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ; Chủ tịch "
     "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân "
     "có liên quan chịu trách nhiệm thi hành Thông tư này."),
    # a wrap before "Phụ lục", which opens a part of its own at the start of a line
    ("thong-tu-so-14-2024-tt-bldtbxh-43764",
     "Bảng tổng hợp các tiêu chí, số lượng tiêu chuẩn và điểm chuẩn của từng tiêu chí tại "
     "Phụ lục 02."),
    # a heading in capitals wrapped at the margin
    ("quyet-dinh-so-135-qd-bldtbxh-41357",
     "A. VĂN BẢN HẾT HIỆU LỰC TOÀN BỘ THUỘC LĨNH VỰC QUẢN LÝ NHÀ NƯỚC CỦA BỘ LAO ĐỘNG - "
     "THƯƠNG BINH VÀ XÃ HỘI"),
])
def test_wrapped_lines_read_as_one_line(stem, line):
    assert any(line in ln for ln in normalize(doc_of(stem).text).text.split("\n"))


def test_sentence_over_a_page_break_after_a_semicolon():
    """Thông tư 14/2024: page 12 ends with a full line closing on "…tốt nghiệp;", page 13 goes
    on in lower case at the margin: one paragraph."""
    doc = doc_of("thong-tu-so-14-2024-tt-bldtbxh-43764")
    seam = "quy chế kiểm tra, thi, xét công nhận tốt nghiệp; nội quy, quy chế của trung tâm"
    block = next(b for b in doc.blocks if seam in b.text)
    assert block.where == "pages 12-13" and block.text.startswith("a) Tiêu chuẩn 6.1:")


# --- the seeds' PDF renditions ---------------------------------------------------------------
SEED_PDFS = sorted(p.stem for p in FIXTURES.glob("00[0-4]_*.pdf"))
# from "Kính gửi" on: the blocks as the seed's PDF gives them (001 and 004 carry "HỎA TỐC")
RECIPIENTS = {
    "000_1f8e79442b16c6e5": ["Kính gửi:", "- Chủ tịch UBND các huyện, thị xã và thành phố Huế;",
                             "- Chủ tịch UBND các phường, xã, thị trấn."],
    "001_741c13397cfce331": ["Kính gửi:", "HỎA TỐC", "- Các phòng, ban, ngành, đoàn thể cấp huyện;",
                             "- Các cơ quan cấp tỉnh trên địa bàn;", "- UBND các xã, thị trấn."],
    "002_b3a489e30b7b244b": ["- Kính gửi:",
                             "- Thủ trưởng các cơ quan, đơn vị trực thuộc UBND huyện;",
                             "- Thủ trưởng các cơ quan, đơn vị đóng trên địa bàn;",
                             "- Chủ tịch UBND các xã, thị trấn trên địa bàn huyện."],
    "003_28dd24433e409403": ["Kính gửi:",
                             "- Các sở, ban, ngành, đoàn thể, cơ quan, đơn vị trên địa bàn tỉnh;",
                             "- UBND các huyện, thành phố."],
    "004_afd1311a89fccd2a": ["Kính gửi:", "- Các phòng, ban chuyên môn;", "- UBND các phường, xã."],
}


def seed_pdf(stem):
    key = f"seed:{stem}"
    if key not in _docs:
        _docs[key] = read_pdf(FIXTURES / f"{stem}.pdf")
    return _docs[key]


def nonblank_lines(text: str) -> list[str]:
    return [ln for ln in normalize(text).text.split("\n") if ln.strip()]


def test_every_seed_has_a_pdf_rendition():
    assert SEED_PDFS == sorted(RECIPIENTS)


@pytest.mark.parametrize("stem", SEED_PDFS)
def test_seed_pdf_reads_line_for_line_as_its_word_file(stem):
    """After normalization the PDF gives the .docx's lines in the .docx's order: header
    columns, Kính gửi and its list, every body paragraph whole (wrapped after a semicolon, a
    colon or inside "Covid-19" alike), Nơi nhận, signer."""
    ours = nonblank_lines(seed_pdf(stem).text)
    word = nonblank_lines(read(FIXTURES / f"{stem}.docx").text)
    assert ours == word


@pytest.mark.parametrize("stem", SEED_PDFS)
def test_kinh_gui_list_is_read_as_its_own_blocks_after_the_header(stem):
    doc = seed_pdf(stem)
    texts = [b.text for b in doc.blocks]
    header = [k for k, b in enumerate(doc.blocks) if b.region in ("header-left", "header-right")]
    assert not any("Kính gửi" in texts[k] for k in header)
    i = next(k for k, t in enumerate(texts) if "Kính gửi" in t)
    assert texts[i:i + len(RECIPIENTS[stem])] == RECIPIENTS[stem]
    assert all(b.region == "body" for b in doc.blocks[i:i + len(RECIPIENTS[stem])])
    assert not header or i > max(header)


def test_header_columns_of_a_seed_pdf():
    """The left column ends with the subject: "Kính gửi:", indented under it after a blank
    line, is not in the table."""
    doc = seed_pdf("001_741c13397cfce331")
    left = [b.text for b in doc.blocks if b.region == "header-left"]
    right = [b.text for b in doc.blocks if b.region == "header-right"]
    assert left == ["ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG HOÁ",
                    "Số: 978 /UBND-VP\nVề việc đẩy mạnh công tác\ntuyên truyền,\n"
                    "hướng dẫn cài đặt ứng dụng\nBluezone"]
    assert right == [f"{QUOC_HIEU}\n{TIEU_NGU}", "Hương Hoá, ngày 14 tháng 8 năm 2020"]


@pytest.mark.parametrize("stem", SEED_PDFS)
def test_signature_table_is_read_column_by_column(stem):
    """Nơi nhận and its list in one block, the authority and title lines in another, the
    signer's name in a third: the blocks of the .docx's signature table."""
    doc = seed_pdf(stem)
    ours = [b.text for b in doc.blocks if b.region == "signature"]
    word = [b.text for b in read(FIXTURES / f"{stem}.docx").blocks if b.region == "signature"]
    assert ours == word
    assert ours[0].startswith("Nơi nhận:\n- ") and "CHỦ TỊCH" not in ours[0]
    assert doc.blocks[-len(ours)].region == "signature"


def test_signature_table_of_seed_001():
    doc = seed_pdf("001_741c13397cfce331")
    assert [b.text for b in doc.blocks if b.region == "signature"] == [
        "Nơi nhận:\n- Như trên;\n- Ủy ban nhân dân tỉnh;\n- Sở Thông tin và Truyền thông;\n"
        "- Thường trực Huyện ủy;\n- Thường trực HĐND huyện;\n- CT, các PCT UBND huyện;\n"
        "- Phòng Văn hóa và Thông tin huyện;\n- Chánh, các PCVP, CV;\n- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
        "Đặng Trọng Vân"]


@pytest.mark.parametrize("stem,line", [
    ("003_28dd24433e409403",
     "1. Tiếp tục đẩy mạnh công tác tuyên truyền, hướng dẫn bằng nhiều hình thức, đồng thời "
     "phát động phong trào, vận động nhân dân, người lao động trên địa bàn tỉnh có sử dụng điện "
     "thoại thông minh cài đặt ứng dụng Bluezone theo chỉ đạo của Chủ tịch UBND tỉnh, Ban chỉ "
     "đạo tỉnh tại các văn bản: Công văn số 197/CV-BCĐ ngày 26/7/2020; Công văn số "
     "1569/UBND-VX ngày 04/8/2020; Thông báo số 51/TB-UBND ngày 05/8/2020; Công văn "
     "1605/UBND-VX ngày 08/8/2020, đảm bảo tối đa số người có điện thoại thông minh cài đặt "
     "ứng dụng Bluezone, góp phần nâng cao hiệu quả công tác phòng, chống dịch bệnh Covid-9 "
     "của tỉnh."),
    ("000_1f8e79442b16c6e5",
     "Tài liệu, tư liệu phục vụ tuyên truyền được đăng tải tại địa chỉ: "
     "https://www.bluezone.gov.vn/tai-lieu"),
])
def test_seed_paragraph_wrapped_after_a_semicolon_or_colon_is_one_line(stem, line):
    assert line in nonblank_lines(seed_pdf(stem).text)


# --- generated PDFs --------------------------------------------------------------------------
def test_number_and_day_printed_by_signing_annotations_go_into_their_lines():
    doc = read(PDF_FIXTURES / "signed_widget.pdf")
    left = [b.text for b in doc.blocks if b.region == "header-left"]
    right = [b.text for b in doc.blocks if b.region == "header-right"]
    assert left == ["ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK",
                    "Số: 1234/UBND-VX\nV/v triển khai kế hoạch\nphòng, chống thiên tai"]
    assert right == [f"{QUOC_HIEU}\n{TIEU_NGU}", "Đắk Lắk, ngày 12 tháng 5 năm 2026"]
    assert len([w for w in doc.warnings if "dấu ký số" in w]) == 2
    # the signing tool's own stamp lines are furniture
    assert not any(STAMP_LINE.match(ln) or ln.startswith("Cơ quan:")
                   for ln in doc.text.split("\n"))
    # a sentence cut by the page break, and the running header of page 2 dropped
    assert ("liên quan hướng dẫn các địa phương tổ chức thực hiện các\n"
            "nhiệm vụ được giao, báo cáo kết quả về Ủy ban nhân dân tỉnh trước") in doc.text
    assert "CÔNG BÁO" not in doc.text
    lines = normalize(doc.text).text.split("\n")
    assert "Số: 1234/UBND-VX" in lines and "Đắk Lắk, ngày 12 tháng 5 năm 2026" in lines


def test_layout_tables_written_row_by_row():
    """row_order.pdf writes the header and the signature table row by row, so their columns
    interleave in the content; "Kính gửi:" stands under the left column after a blank line,
    centred enough to pass for a cell, the right column long ended."""
    doc = read(PDF_FIXTURES / "row_order.pdf")
    assert [(b.region, b.text) for b in doc.blocks] == [
        ("header-left", "ỦY BAN NHÂN DÂN\nXÃ HÒA PHÚ"),
        ("header-left", "Số: 56/UBND\nV/v phòng, chống dịch\nsốt xuất huyết"),
        ("header-right", f"{QUOC_HIEU}\n{TIEU_NGU}"),
        ("header-right", "Hòa Phú, ngày 03 tháng 6 năm 2026"),
        ("body", "Kính gửi:"),
        ("body", "- Trạm Y tế xã;"),
        ("body", "- Ban quản lý các thôn, buôn."),
        # wrapped after a semicolon: a space; inside "Covid-19": nothing; a wrap normalization
        # joins anyway: a line break; before "Căn cứ" after a full stop: a line break
        ("body", "Thực hiện chỉ đạo của Ủy ban nhân dân huyện về phòng bệnh; đồng thời, để chủ "
                 "động ứng phó với dịch sốt xuất huyết và Covid-19 trên địa bàn, Ủy ban nhân dân "
                 "xã đã ban hành Kế hoạch số\n12/KH-UBND ngày 20 tháng 5 năm 2026 về phòng, "
                 "chống dịch bệnh.\nCăn cứ tình hình thực tế, Ủy ban nhân dân xã yêu cầu:"),
        ("body", "1. Trạm Y tế xã"),
        ("body", "Tổ chức giám sát ca bệnh, phun hóa chất diệt muỗi tại các ổ dịch\n"
                 "trước ngày 15 tháng 6 năm 2026./."),
        ("signature", "Nơi nhận:\n- Như trên;\n- UBND huyện (để b/c);\n- Lưu: VT."),
        ("signature", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
        ("signature", "Trần Văn Bình"),
    ]
    lines = normalize(doc.text).text.split("\n")
    assert "Căn cứ tình hình thực tế, Ủy ban nhân dân xã yêu cầu:" in lines
    assert "1. Trạm Y tế xã" in lines


def test_scanned_page_is_listed_for_ocr():
    doc = read(PDF_FIXTURES / "scanned_page.pdf")
    assert doc.pages == 2 and doc.needs_ocr == [2]
    assert any("OCR" in w and "trang 2" in w for w in doc.warnings)
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN XÃ HÒA PHÚ"


def test_pdf_without_any_text_needs_ocr():
    with pytest.raises(ReadError) as e:
        read(PDF_FIXTURES / "image_only.pdf")
    assert e.value.en.startswith("needs OCR") and "OCR" in e.value.vi and e.value.stage == "read"


def test_encrypted_pdf():
    with pytest.raises(ReadError) as e:
        read(PDF_FIXTURES / "encrypted.pdf")
    assert "password" in e.value.en and "mật khẩu" in e.value.vi


# --- broken files ----------------------------------------------------------------------------
def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_random_bytes_named_pdf(tmp_path):
    import random
    rng = random.Random(7)
    p = write(tmp_path, "cong-van.pdf", bytes(rng.randrange(256) for _ in range(4096)))
    with pytest.raises(ReadError) as e:
        read(p)
    assert "not a PDF" in e.value.en and "không phải PDF" in e.value.vi


def test_other_files_named_pdf(tmp_path):
    with pytest.raises(ReadError) as e:
        read(write(tmp_path, "a.pdf", b"PK\x03\x04" + b"\x00" * 200))
    assert "ZIP" in e.value.en
    with pytest.raises(ReadError) as e:
        read(write(tmp_path, "b.pdf", b"<!DOCTYPE html><html><body>404</body></html>"))
    assert "trang web" in e.value.vi


def test_empty_file(tmp_path):
    with pytest.raises(ReadError) as e:
        read(write(tmp_path, "empty.pdf", b""))
    assert e.value.vi == "tệp rỗng"


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.7, 0.99])
def test_truncated_pdf(tmp_path, fraction):
    data = (CORPUS / "quyet-dinh-so-798-qd-ttg-469485.pdf").read_bytes()
    p = write(tmp_path, "cut.pdf", data[:int(len(data) * fraction)])
    with pytest.raises(ReadError) as e:
        read(p)
    assert "truncated" in e.value.en and "cắt cụt" in e.value.vi


def test_damaged_pdf(tmp_path):
    data = (CORPUS / "quyet-dinh-so-798-qd-ttg-469485.pdf").read_bytes()
    p = write(tmp_path, "broken.pdf", data[:2000] + b"\n%%EOF\n")
    with pytest.raises(ReadError) as e:
        read(p)
    assert "damaged" in e.value.en and "hỏng" in e.value.vi


def test_page_cap(monkeypatch):
    path = CORPUS / "quyet-dinh-so-798-qd-ttg-469485.pdf"
    monkeypatch.setenv("CONGVAN_MAX_PDF_PAGES", "3")
    with pytest.raises(ReadError) as e:
        read(path)
    assert "4 pages" in e.value.en and "giới hạn 3 trang" in e.value.vi
    monkeypatch.delenv("CONGVAN_MAX_PDF_PAGES")
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 4)
    assert read(path).pages == 4
