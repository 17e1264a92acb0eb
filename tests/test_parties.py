"""Recipients (Kính gửi / … điện:), distribution list (Nơi nhận) and signer on the corpus."""
import pytest
from conftest import DATA, corpus_text

from extractors.parties import extract_cc, extract_recipients, extract_signer, title_case
from pipeline.normalize import normalize


def values(found):
    return [f.value for f in found]


def test_recipients_bulleted_after_kinh_gui_with_a_stamp_between():
    # seed 001: "Kính gửi:" / "HỎA TỐC" / "- Các phòng, ban, …;"
    assert values(extract_recipients(corpus_text("001_741c"))) == [
        "Các phòng, ban, ngành, đoàn thể cấp huyện",
        "Các cơ quan cấp tỉnh trên địa bàn",
        "UBND các xã, thị trấn",
    ]


def test_recipients_when_kinh_gui_itself_is_bulleted():
    # seed 002: "- Kính gửi:" / "- Thủ trưởng …"
    assert values(extract_recipients(corpus_text("002_b3a4"))) == [
        "Thủ trưởng các cơ quan, đơn vị trực thuộc UBND huyện",
        "Thủ trưởng các cơ quan, đơn vị đóng trên địa bàn",
        "Chủ tịch UBND các xã, thị trấn trên địa bàn huyện",
    ]


def test_cong_dien_recipients_after_the_sender_and_dien():
    t = corpus_text("001_cd-217")
    got = extract_recipients(t)
    assert values(got) == [
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế, Đà Nẵng, Quảng Ngãi, "
        "Gia Lai, Đắk Lắk, Khánh Hòa",
        "Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Giáo dục và "
        "Đào tạo, Y tế, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch",
        "Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia",
    ]
    assert all(t.text[f.start:f.end] == f.value for f in got)


def test_ministry_cong_dien_recipients():
    got = values(extract_recipients(corpus_text("004_cd-96")))     # "BỘ XÂY DỰNG điện:"
    assert got[1:] == ["Tổng Công ty Đường sắt Việt Nam", "Ban Quản lý Dự án 85",
                       "Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng"]


def test_an_item_split_over_two_bullets_is_joined():
    # 223: "- Bí thư …, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai," / "- Đắk Lắk và Khánh Hòa;"
    t = corpus_text("002_cd-223")
    first = extract_recipients(t)[0]
    assert first.value == "Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Khánh Hòa"
    assert t.text[first.start:first.end].endswith("Gia Lai,\n- Đắk Lắk và Khánh Hòa")


def test_a_plan_has_no_recipients():
    assert extract_recipients(corpus_text("006_kh-0129")) == []
    assert extract_recipients(corpus_text("022_kh-308")) == []


def test_inline_recipient_is_cut_from_a_joined_body_line():
    t = normalize("Kính gửi: Công ty TNHH Minh Phát\nCục Thuế trả lời như sau.\n")
    assert values(extract_recipients(t)) == ["Công ty TNHH Minh Phát"]


def test_cc_as_written():
    assert values(extract_cc(corpus_text("000_1f8e"))) == [
        "Như trên", "CT và các PCT UBND tỉnh", "Công an tỉnh", "Bộ CHQS tỉnh", "Tỉnh Đoàn TNCS Hồ Chí Minh",
        "Sở Y tế", "Sở Thông tin và Truyền thông", "Đài Phát thanh và Truyền hình", "Báo Thừa Thiên Huế",
        "Công thông tin điện tử tỉnh", "VP: CVP và các PCVP", "Lưu: VT, CT",
    ]


def test_cc_keeps_inner_punctuation_and_a_bullet_without_space():
    assert values(extract_cc(corpus_text("003_28dd")))[2] == "Ủy ban MTTQ tỉnh; (p/h)"
    cc = values(extract_cc(corpus_text("009_cd-232")))
    assert "Văn phòng Quốc hội" in cc                     # "-Văn phòng Quốc hội;"
    assert cc[-1] == "Lưu: Văn thư, NN (2) Tuynh"


def test_cc_spans():
    t = corpus_text("002_b3a4")
    cc = extract_cc(t)
    assert values(cc) == ["TT Huyện ủy, HĐND huyện (B/c)", "Chủ tịch, các PCT UBND huyện",
                          "MTTQ, các đoàn thể huyện", "Như kính gửi", "CPVP, CVTH", "Lưu VT"]
    assert all(t.text[f.start:f.end] == f.value for f in cc)


def test_gazette_text_has_no_distribution_list():
    t = normalize((DATA / "dev" / "pdf_text" / "nghi-dinh-so-162-2026-nd-cp-469551.txt").read_text(encoding="utf-8"))
    assert extract_cc(t) == []


@pytest.mark.parametrize("prefix, name, title, authority, titles", [
    ("000_1f8e", "Phan Thiên Định", "Phó Chủ tịch", "KT.", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("001_741c", "Đặng Trọng Vân", "Chủ tịch", "TM.", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("002_b3a4", "Lê Chí Thái", "Phó Chủ tịch", "KT.", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("003_28dd", "Trần Tiên Dũng", "Chủ tịch", None, ["CHỦ TỊCH"]),
    ("004_afd1", "Nguyễn Thị Thu Hương", "Phó Chủ tịch", "KT.", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("001_cd-217", "Trần Hồng Hà", "Phó Thủ tướng", "KT.", ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"]),
    ("004_cd-96", "Lê Anh Tuấn", "Thứ trưởng", "KT.", ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]),
    ("006_kh-0129", "Hồ Thị Nguyên Thảo", "Phó Chủ tịch", "KT.", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("009_cd-232", "Phạm Minh Chính", "Thủ tướng", None, ["THỦ TƯỚNG"]),
    ("018_cv-5095", "Nguyễn Quang Tuấn", "Phó Giám đốc", "KT.", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    # "TM. ỦY BAN NHÂN" / "DÂN": a wrapped delegation line
    ("022_kh-308", "Trương Việt Dũng", "Phó Chủ tịch", "KT.", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
])
def test_signer(prefix, name, title, authority, titles):
    t = corpus_text(prefix)
    s = extract_signer(t)
    assert s.value == {"name": name, "title": title, "authority": authority, "titles": titles}
    assert t.text[s.start:s.end].endswith(name)


@pytest.mark.parametrize("stem, name, title, authority", [
    ("nghi-dinh-so-162-2026-nd-cp-469551", "Phạm Thị Thanh Trà", "Phó Thủ tướng", "KT."),
    ("nghi-quyet-so-109-nq-cp-469403", "Lê Minh Hưng", "Thủ tướng", "TM."),
    ("quyet-dinh-so-798-qd-ttg-469485", "Lê Minh Hưng", "Thủ tướng", None),      # a stray "[" between
    ("quyet-dinh-so-135-qd-bldtbxh-41357", "Nguyễn Bá Hoan", "Thứ trưởng", "KT."),
    # a decree with forms in its appendix: the decree's own signature is read
    ("nghi-dinh-so-188-2026-nd-cp-469662", "Lê Tiến Châu", "Phó Thủ tướng", "KT."),
])
def test_gazette_signer(stem, name, title, authority):
    t = normalize((DATA / "dev" / "pdf_text" / (stem + ".txt")).read_text(encoding="utf-8"))
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == (name, title, authority)


def test_stacked_delegations_on_one_line_and_a_signing_note():
    t = normalize("Nội dung./.\n\nTL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG\n\n(Đã ký)\n\n"
                  "Nguyễn Văn Bình\n")
    s = extract_signer(t).value
    assert s == {"name": "Nguyễn Văn Bình", "title": "Phó Chánh Văn phòng", "authority": "KT.",
                 "titles": ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]}


def test_title_case():
    assert title_case("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert title_case("PHÓ THỦ TƯỚNG") == "Phó Thủ tướng"
    assert title_case("GIÁM ĐỐC SỞ Y TẾ") == "Giám đốc Sở Y tế"


def test_no_signature():
    assert extract_signer(normalize("Kính gửi: Sở Y tế.\n\nNội dung công văn.")) is None


def test_signature_flattened_into_the_last_cc_line():
    # seed 004's closing block as a table row flattens it: the right cell ends the left cell's line
    t = normalize("Nơi nhận:\n- Như kính gửi;\n- VP. Thành ủy;\n- Lưu: VT.\tKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
                  "Nguyễn Thị Thu Hương\n")
    assert values(extract_cc(t)) == ["Như kính gửi", "VP. Thành ủy", "Lưu: VT"]
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == ("Nguyễn Thị Thu Hương", "Phó Chủ tịch", "KT.")


def test_cc_without_bullets():
    t = normalize("triển khai thực hiện./.\n\nNơi nhận:\nNhư trên;\nCông an tỉnh;\nLưu: VT, CT.\n\n"
                  "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhan Thiên Định")
    assert values(extract_cc(t)) == ["Như trên", "Công an tỉnh", "Lưu: VT, CT"]


def test_recipients_stop_before_the_body_bullets():
    t = normalize("Kính gửi:\n- Các phòng, ban chuyên môn;\n- UBND các phường, xã.\n\n"
                  "- Phổ biến, hướng dẫn đến 100% cán bộ, công chức cài đặt ứng dụng Bluezone.")
    assert values(extract_recipients(t)) == ["Các phòng, ban chuyên môn", "UBND các phường, xã"]


def test_delegation_line_wrapped_and_title_continued():
    t = normalize("thực hiện./.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTHƯỜNG TRỰC\n\nY Thanh Hà Niê Kđăm\n")
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == ("Y Thanh Hà Niê Kđăm", "Phó Chủ tịch Thường trực", "KT.")


def test_party_signature_without_the_signers_title():
    t = normalize("Kết luận này phổ biến đến chi bộ./.\n\nT/M BỘ CHÍNH TRỊ\n\nTrần Cẩm Tú\n")
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == ("Trần Cẩm Tú", None, "TM.")
