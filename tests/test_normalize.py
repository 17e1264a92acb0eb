"""Normalization: what the extractors read, and the map back to the original text."""
from conftest import CORPUS

from pipeline.normalize import normalize, should_join
from pipeline.read import read


def test_tone_placement_is_made_new_style():
    t = normalize("HUYỆN HƯƠNG HOÁ, Uỷ ban nhân dân, sức khoẻ, thuỷ lợi, hoặc, huệ, quý, hoàn")
    assert t.text == "HUYỆN HƯƠNG HÓA, Ủy ban nhân dân, sức khỏe, thủy lợi, hoặc, huệ, quý, hoàn"


def test_markdown_emphasis_and_dashes():
    t = normalize("**KT. CHỦ TỊCH**\n\n(*ứng dụng truy vết*) Covid – 19 — VN_AQI")
    assert t.text == "KT. CHỦ TỊCH\n\n(ứng dụng truy vết) Covid - 19 - VN_AQI"


def test_crawl_wraps_are_joined_in_a_date_line():
    raw = (CORPUS / "018_cv-5095-sgddt-hanoi-o-nhiem-khong-khi.txt").read_text(encoding="utf-8")
    t = normalize(raw)
    assert "Hà Nội, ngày 03 tháng 12 năm 2025" in t.text
    assert "Số: 5095/SGDĐT-CTTTHSSV\nV/v tăng cường các biện pháp cấp bách về kiểm soát ô nhiễm" in t.text
    # a bullet whose marker stands alone on its line
    assert "- Trường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng" in t.text
    # the signature block keeps its stacked lines
    assert t.text.endswith("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Quang Tuấn")


def test_header_lines_of_a_cong_dien():
    t = normalize((CORPUS / "001_cd-217-ttg-phong-tranh-mua-lu-trung-bo.txt").read_text(encoding="utf-8"))
    assert t.text.startswith("THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI")
    assert "V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ" in t.text
    assert "\n1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:\n" in t.text


def test_page_break_inside_a_sentence_is_joined():
    t = normalize(read(CORPUS / "003_28dd24433e409403.txt").text)
    assert "thực hiện các nhiệm vụ phòng, chống dịch Covid-19; đồng thời phải tăng cường kiểm tra" in t.text


def test_stacked_signature_titles_stay_apart():
    t = normalize(read(CORPUS / "002_b3a489e30b7b244b.txt").text)
    assert t.text.endswith("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Chí Thái")


def test_should_join_rules():
    assert should_join("Hà Nội, ngày 20", "tháng 11 năm 2025")
    assert should_join("THỦ TƯỚNG CHÍNH", "PHỦ")
    assert should_join("I.", "ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI")
    assert not should_join("Số: 217/CĐ-TTg", "V/v chủ động phòng, tránh")
    assert not should_join("Kính gửi:", "- UBND các xã, phường;")
    assert not should_join("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert not should_join("PHÓ GIÁM ĐỐC", "Nguyễn Quang Tuấn")
    assert not should_join("thực hiện./.", "Nơi nhận:")


def test_spans_map_back_to_the_original_text():
    raw = read(CORPUS / "001_741c13397cfce331.txt").text
    t = normalize(raw)
    for phrase in ("Số: 978 /UBND-VP", "Đặng Trọng Vân", "trước 14h00 hàng ngày", "Phòng Văn hóa và Thông tin huyện"):
        i = t.text.index(phrase)
        a, b = t.raw_span(i, i + len(phrase))
        original = raw[a:b]
        # the original holds the same words, with its own markdown and tone style
        assert normalize(original).text == phrase, (phrase, original)


def test_a_wrap_before_a_lower_case_so_is_joined_but_the_number_line_stands():
    t = normalize("sửa đổi, bổ sung bởi Luật\nsố 94/2025/QH15\n\nSố: 5/UBND-VP\nV/v báo cáo")
    assert t.text == "sửa đổi, bổ sung bởi Luật số 94/2025/QH15\n\nSố: 5/UBND-VP\nV/v báo cáo"


def test_an_inline_addressee_keeps_its_line():
    t = normalize("Kính gửi: Công ty Điện lực tỉnh\nCông ty đã có báo cáo số 12/BC-ĐL.")
    assert t.text.splitlines() == ["Kính gửi: Công ty Điện lực tỉnh", "Công ty đã có báo cáo số 12/BC-ĐL."]


def test_a_body_line_under_its_parent_stays_apart():
    assert normalize("UBND TỈNH GIA LAI\nVĂN PHÒNG").text == "UBND TỈNH GIA LAI\nVĂN PHÒNG"
    assert normalize("UBND THÀNH PHỐ HÀ\nNỘI").text == "UBND THÀNH PHỐ HÀ NỘI"


def test_a_long_item_wrapped_before_a_place_name_is_one_line():
    t = normalize("1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ\nHà Tĩnh đến Khánh Hòa:")
    assert t.text == "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:"
    t = normalize("- Phối hợp Bộ Chỉ huy\nQuân sự tỉnh, Công an tỉnh tổ chức vận chuyển hàng.")
    assert t.text == "- Phối hợp Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh tổ chức vận chuyển hàng."


def test_table_row_numbers_and_cross_references():
    assert normalize("STT\nNội dung").text == "STT\nNội dung"
    assert normalize("2\nRà soát hồ sơ").text == "2\nRà soát hồ sơ"
    # "Điều 1 chịu …" is a cross-reference inside a sentence, not a new article
    assert normalize("theo quy định tại\nĐiều 1 của Nghị định này.").text == "theo quy định tại Điều 1 của Nghị định này."
