"""The PDF reader on the ten signed Công báo PDFs of the corpus, and on small generated PDFs
(tests/fixtures/pdf, made by scripts/make_pdf_fixtures.py) for what the corpus lacks: a number
and a day printed only by signing annotations, scanned pages, a password."""
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
