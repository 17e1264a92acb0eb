"""Header extraction on the corpus: type, number/symbol, date/place, issuer, subject, stamps."""
import pytest
from conftest import CORPUS, DATA, corpus_text

from extractors.header import (code_of_symbol, extract_header, field_case, issuer_abbreviation,
                               sentence_case)
from pipeline.normalize import normalize

Q = "Quảng Trị"
# file prefix: doc_type, code, number, symbol, issued_date, place,
#              issuer (name, level, province, district), urgency
EXPECTED = {
    "000_1f8e": ("Công văn", None, "7414", "UBND-CT", "2020-08-18", "Thừa Thiên Huế",
                 ("Ủy ban nhân dân tỉnh Thừa Thiên Huế", "province", "Thừa Thiên Huế", None), None),
    "001_741c": ("Công văn", None, "978", "UBND-VP", "2020-08-14", "Hương Hóa",
                 ("Ủy ban nhân dân huyện Hướng Hóa", "district", Q, "Hướng Hóa"), "hỏa tốc"),
    "002_b3a4": ("Công văn", None, None, "UBND-VP", "2020-08", "Vĩnh Tường",
                 ("Ủy ban nhân dân huyện Vĩnh Tường", "district", "Vĩnh Phúc", "Vĩnh Tường"), None),
    "003_28dd": ("Công văn", None, "1661", "UBND-VX", "2020-08-15", "Lai Châu",
                 ("Ủy ban nhân dân tỉnh Lai Châu", "province", "Lai Châu", None), None),
    "004_afd1": ("Công văn", None, None, "UBND-VHTT", "2021-02", "Vũng Tàu",
                 ("Ủy ban nhân dân thành phố Vũng Tàu", "district", "Bà Rịa - Vũng Tàu", "Vũng Tàu"), "hỏa tốc"),
    "001_cd-217": ("Công điện", "CĐ", "217", "CĐ-TTg", "2025-11-16", "Hà Nội",
                   ("Thủ tướng Chính phủ", "central", None, None), None),
    "002_cd-223": ("Công điện", "CĐ", "223", "CĐ-TTg", "2025-11-20", "Hà Nội",
                   ("Thủ tướng Chính phủ", "central", None, None), None),
    "004_cd-96": ("Công điện", "CĐ", "96", "CĐ-BXD", "2025-11-22", "Hà Nội",
                  ("Bộ Xây dựng", "central", None, None), None),
    "006_kh-0129": ("Kế hoạch", "KH", "0129", "KH-UBND", "2025-11-21", "Đắk Lắk",
                    ("Ủy ban nhân dân tỉnh Đắk Lắk", "province", "Đắk Lắk", None), None),
    "009_cd-232": ("Công điện", "CĐ", "232", "CĐ-TTg", "2025-11-27", "Hà Nội",
                   ("Thủ tướng Chính phủ", "central", None, None), None),
    "016_cv-4240": ("Công văn", None, "4240", "UBND-VX", "2025-11-28", "Thành phố Hồ Chí Minh",
                    ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "province", "Hồ Chí Minh", None), None),
    "018_cv-5095": ("Công văn", None, "5095", "SGDĐT-CTTTHSSV", "2025-12-03", "Hà Nội",
                    ("Sở Giáo dục và Đào tạo Thành phố Hà Nội", "province", "Hà Nội", None), None),
    "022_kh-308": ("Kế hoạch", "KH", "308", "KH-UBND", "2025-11-17", "Hà Nội",
                   ("Ủy ban nhân dân Thành phố Hà Nội", "province", "Hà Nội", None), None),
}


def _v(f):
    return f.value if f is not None else None


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_header_fields_of_corpus_documents(prefix):
    t = corpus_text(prefix)
    h = extract_header(t)
    doc_type, code, number, symbol, date, place, issuer, urgency = EXPECTED[prefix]
    assert _v(h["doc_type"]) == doc_type
    assert _v(h["doc_type_code"]) == code
    assert _v(h["number"]) == number
    assert _v(h["symbol"]) == symbol
    assert _v(h["issued_date"]) == date
    assert _v(h["place"]) == place
    iss = h["issuer"].value
    assert (iss["name"], iss["level"], iss["province"], iss["district"]) == issuer
    assert _v(h["urgency"]) == urgency
    assert h["secrecy"] is None


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_spans_point_at_the_printed_values(prefix):
    t = corpus_text(prefix)
    h = extract_header(t)
    for field in ("number", "symbol", "place"):
        f = h[field]
        if f is not None:
            assert " ".join(t.text[f.start:f.end].split()) == f.value
    d = h["issued_date"]
    assert "năm " + d.value[:4] in t.text[d.start:d.end]


def test_number_with_spaces_before_the_slash():
    t = corpus_text("001_741c")                     # "Số: 978 /UBND-VP"
    h = extract_header(t)
    assert t.text[h["number"].start:h["symbol"].end] == "978 /UBND-VP"


def test_blank_number_and_blank_day():
    # seed 002: "Số: /UBND-VP", "Vĩnh Tường, ngày tháng 8 năm 2020"
    h = extract_header(corpus_text("002_b3a4"))
    assert h["number"] is None and h["symbol"].value == "UBND-VP"
    assert h["issued_date"].value == "2020-08"
    # seed 004: "Vũng Tàu, ngày tháng 02 năm 2021"
    assert extract_header(corpus_text("004_afd1"))["issued_date"].value == "2021-02"


def test_blank_day_and_month_give_the_year():
    t = normalize("ỦY BAN NHÂN DÂN\nXÃ HƯỚNG LẬP\nSố: /UBND\nHướng Lập, ngày ... tháng ... năm 2020\n")
    h = extract_header(t)
    assert h["issued_date"].value == "2020"
    assert h["issuer"].value["level"] == "commune"
    assert h["issuer"].value["district"] == "Hướng Hóa"


def test_misspelt_district_is_corrected_from_the_gazetteer():
    h = extract_header(corpus_text("001_741c"))     # "HUYỆN HƯƠNG HÓA"
    assert h["issuer"].value == {"name": "Ủy ban nhân dân huyện Hướng Hóa", "level": "district",
                                 "province": "Quảng Trị", "district": "Hướng Hóa"}
    assert h["parent"] is None


def test_missing_header_block_is_inferred_from_symbol_place_and_body():
    t = corpus_text("000_1f8e")
    assert t.text.startswith("Số: 7414/UBND-CT")
    h = extract_header(t)
    assert h["issuer"].value["name"] == "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    assert t.text[h["issuer"].start:h["issuer"].end] == "Thừa Thiên Huế"


def test_parent_body_above_a_so():
    h = extract_header(corpus_text("018_cv-5095"))
    assert h["parent"].value == "UBND THÀNH PHỐ HÀ NỘI"
    assert h["issuer"].value["name"] == "Sở Giáo dục và Đào tạo Thành phố Hà Nội"


def test_place_wrapped_over_two_lines():
    t = corpus_text("016_cv-4240")                  # "Thành phố Hồ Chí" / "Minh, ngày 28 …"
    h = extract_header(t)
    assert h["place"].value == "Thành phố Hồ Chí Minh"
    assert t.text[h["place"].start:h["place"].end] == "Thành phố Hồ Chí\nMinh"


def test_split_header_lines_of_a_cong_dien():
    h = extract_header(corpus_text("009_cd-232"))   # "THỦ" / "TƯỚNG CHÍNH PHỦ"
    assert h["issuer"].value["name"] == "Thủ tướng Chính phủ"
    assert h["subject"].value == ("khẩn trương thống kê, rà soát, tổng hợp báo cáo thiệt hại về nhà ở "
                                  "của Nhân dân do mưa lũ tại khu vực Nam Trung Bộ")


@pytest.mark.parametrize("prefix, subject", [
    ("000_1f8e", "triển khai cài đặt và sử dụng ứng dụng Bluezone"),
    ("001_741c", "đẩy mạnh công tác tuyên truyền, hướng dẫn cài đặt ứng dụng Bluezone"),
    ("004_afd1", "đẩy mạnh tuyên truyền cài đặt và sử dụng ứng dụng Bluezone"),
    ("001_cd-217", "chủ động phòng, tránh, ứng phó mưa lũ tại khu vực Trung Bộ"),
    ("002_cd-223", "tập trung ứng phó lũ đặc biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai"),
    ("004_cd-96", "tập trung ứng phó và kịp thời khắc phục hậu quả mưa lũ đặc biệt lớn tại khu vực Trung Bộ"),
    ("006_kh-0129", "hỗ trợ nhu yếu phẩm khẩn cấp cho Nhân dân bị ảnh hưởng mưa lũ trên địa bàn tỉnh Đắk Lắk"),
    ("022_kh-308", "Triển khai thực hiện Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ ban hành kế hoạch "
                   "hành động của Chính phủ về thúc đẩy tạo lập dữ liệu phục vụ chuyển đổi số toàn diện"),
])
def test_subject(prefix, subject):
    assert extract_header(corpus_text(prefix))["subject"].value == subject


def test_hoa_toc_stamp_after_kinh_gui():
    t = corpus_text("001_741c")
    h = extract_header(t)
    assert h["urgency"].value == "hỏa tốc"
    assert t.text[h["urgency"].start:h["urgency"].end] == "HỎA TỐC"


PDF_TEXT = DATA / "dev" / "pdf_text"
# the gazette's slug names the document: nghi-dinh-so-133-2026-nd-cp → Nghị định 133/2026/NĐ-CP
GAZETTE = {
    "nghi-dinh-so-133-2026-nd-cp-469331": ("Nghị định", "NĐ", "133", "2026/NĐ-CP", "Chính phủ"),
    "nghi-dinh-so-162-2026-nd-cp-469551": ("Nghị định", "NĐ", "162", "2026/NĐ-CP", "Chính phủ"),
    "nghi-dinh-so-188-2026-nd-cp-469662": ("Nghị định", "NĐ", "188", "2026/NĐ-CP", "Chính phủ"),
    "nghi-quyet-so-109-nq-cp-469403": ("Nghị quyết", "NQ", "109", "NQ-CP", "Chính phủ"),
    "nghi-quyet-so-113-nq-cp-469448": ("Nghị quyết", "NQ", "113", "NQ-CP", "Chính phủ"),
    "quyet-dinh-so-135-qd-bldtbxh-41357": ("Quyết định", "QĐ", "135", "QĐ-BLĐTBXH",
                                           "Bộ Lao động - Thương binh và Xã hội"),
    "quyet-dinh-so-798-qd-ttg-469485": ("Quyết định", "QĐ", "798", "QĐ-TTg", "Thủ tướng Chính phủ"),
    "thong-tu-so-04-2025-tt-bldtbxh-44341": ("Thông tư", "TT", "04", "2025/TT-BLĐTBXH",
                                             "Bộ Lao động - Thương binh và Xã hội"),
    "thong-tu-so-14-2024-tt-bldtbxh-43764": ("Thông tư", "TT", "14", "2024/TT-BLĐTBXH",
                                             "Bộ Lao động - Thương binh và Xã hội"),
    "thong-tu-so-32-2026-tt-bkhcn-469766": ("Thông tư", "TT", "32", "2026/TT-BKHCN", "Bộ Khoa học và Công nghệ"),
}


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_gazette_text_number_symbol_type(stem):
    t = normalize((PDF_TEXT / (stem + ".txt")).read_text(encoding="utf-8"))
    h = extract_header(t)
    doc_type, code, number, symbol, issuer = GAZETTE[stem]
    assert (_v(h["doc_type"]), _v(h["doc_type_code"]), _v(h["number"]), _v(h["symbol"])) == \
        (doc_type, code, number, symbol)
    assert h["issuer"].value["name"] == issuer
    assert h["issuer"].value["level"] == "central"
    assert h["place"].value == "Hà Nội"


@pytest.mark.parametrize("stem", sorted(GAZETTE))
def test_gazette_pdfs_number_symbol_type(stem):
    pytest.importorskip("pipeline.read.pdf")
    from pipeline.read import read
    t = normalize(read(CORPUS / (stem + ".pdf")).text)
    h = extract_header(t)
    doc_type, code, number, symbol, _ = GAZETTE[stem]
    assert (_v(h["doc_type"]), _v(h["number"]), _v(h["symbol"])) == (doc_type, number, symbol)


def test_gazette_header_printed_after_the_articles():
    # the gazette's text of Thông tư 32/2026 puts the header block after Điều 2
    t = normalize((PDF_TEXT / "thong-tu-so-32-2026-tt-bkhcn-469766.txt").read_text(encoding="utf-8"))
    h = extract_header(t)
    assert h["issued_date"].value == "2026-06-11"
    assert h["subject"].value.startswith("Quy định danh mục các lĩnh vực và thời hạn người có chức vụ")


def test_the_gazette_repeats_the_issuer_above_the_header():
    t = normalize((PDF_TEXT / "quyet-dinh-so-135-qd-bldtbxh-41357.txt").read_text(encoding="utf-8"))
    h = extract_header(t)
    assert h["parent"] is None
    assert h["subject"].value.startswith("công bố Danh mục văn bản quy phạm pháp luật hết hiệu lực")


@pytest.mark.parametrize("symbol, code, issuer", [
    ("UBND-VP", None, "UBND"),
    ("2020/NĐ-CP", "NĐ", "CP"),
    ("KL/TW", "KL", "TW"),
    ("CĐ-TTg", "CĐ", "TTg"),
    ("KH-UBND", "KH", "UBND"),
    ("SGDĐT-CTTTHSSV", None, "SGDĐT"),
    ("TTg-KGVX", None, "TTg"),            # a Prime Minister's công văn: TTg is not TT
])
def test_symbol_parts(symbol, code, issuer):
    assert code_of_symbol(symbol) == code
    assert issuer_abbreviation(symbol) == issuer


def test_party_number_and_number_without_colon():
    # the gold README's rule: "213-KL/TW" is number 213 + symbol KL/TW
    t = normalize("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 213-KL/TW\n\nHà Nội, ngày 10 tháng 01 năm 2026\n\nKẾT LUẬN\n"
                  "CỦA BỘ CHÍNH TRỊ\n")
    h = extract_header(t)
    assert (_v(h["number"]), _v(h["symbol"]), _v(h["doc_type"])) == ("213", "KL/TW", "Kết luận")
    assert h["issuer"].value == {"name": "Ban Chấp hành Trung ương", "level": "central",
                                 "province": None, "district": None}


def test_casing_rules():
    assert sentence_case("CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ") == \
        "chủ động phòng, tránh, ứng phó mưa lũ tại khu vực Trung Bộ"
    assert sentence_case("TRIỂN KHAI NGHỊ QUYẾT SỐ 214/NQ-CP CỦA CHÍNH PHỦ", first_upper=True) == \
        "Triển khai Nghị quyết số 214/NQ-CP của Chính phủ"
    assert field_case("GIÁO DỤC VÀ ĐÀO TẠO") == "Giáo dục và Đào tạo"
    assert field_case("VĂN HÓA, THỂ THAO VÀ DU LỊCH") == "Văn hóa, Thể thao và Du lịch"


def test_empty_text():
    h = extract_header(normalize(""))
    assert all(v is None for v in h.values())


def test_a_cong_van_whose_issuer_abbreviation_looks_like_a_type():
    # Cục Thuế's công văn "5678/CT-TTHT" is not a Chỉ thị: a Chỉ thị prints its type, not a V/v
    t = normalize("TỔNG CỤC THUẾ\nCỤC THUẾ TP HÀ NỘI\nSố: 5678/CT-TTHT\nV/v chính sách thuế đối với hộ kinh doanh\n"
                  "Hà Nội, ngày 2 tháng 3 năm 2021\n\nKính gửi: Công ty TNHH Minh Phát\n")
    h = extract_header(t)
    assert (_v(h["doc_type"]), _v(h["doc_type_code"])) == ("Công văn", None)
    assert h["issuer"].value == {"name": "Cục Thuế Thành phố Hà Nội", "level": "province",
                                 "province": "Hà Nội", "district": None}
    assert h["parent"].value == "TỔNG CỤC THUẾ"


def test_two_column_header_flattened_into_lines():
    # seed 003's header with its columns read across
    t = normalize("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc\n"
                  "Số: 1661 /UBND-VX Lai Châu, ngày 15 tháng 8 năm 2020\n"
                  "V/v đẩy mạnh cài đặt ứng dụng Bluezone để phòng, chống Covid-19\n\nKính gửi:\n")
    h = extract_header(t)
    assert (_v(h["number"]), _v(h["symbol"]), _v(h["place"]), _v(h["issued_date"])) == \
        ("1661", "UBND-VX", "Lai Châu", "2020-08-15")
    assert h["issuer"].value["name"] == "Ủy ban nhân dân tỉnh Lai Châu"
    assert h["subject"].value == "đẩy mạnh cài đặt ứng dụng Bluezone để phòng, chống Covid-19"


def test_homonym_district_resolved_by_the_province_the_body_names():
    t = normalize("UBND HUYỆN CHÂU THÀNH\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/PGDĐT\nV/v tổ chức thi\n"
                  "Châu Thành, ngày 1 tháng 2 năm 2020\n\nKính gửi: Hiệu trưởng các trường.\n\n"
                  "Thực hiện Công văn của Sở Giáo dục và Đào tạo tỉnh Tiền Giang, Phòng đề nghị.")
    iss = extract_header(t)["issuer"].value
    assert iss == {"name": "Phòng Giáo dục và Đào tạo huyện Châu Thành", "level": "district",
                   "province": "Tiền Giang", "district": "Châu Thành"}
