"""Parties variants: signature blocks of every common delegation (Nghị định 30/2020/NĐ-CP,
Điều 13: TM., KT., TL., TUQ., Q.), signing notes and digital-signature stamps between title and
name, closing blocks whose two columns (Nơi nhận | signature) a text reader flattened;
recipients after Kính gửi / Đồng kính gửi / a công điện's "… điện:"; distribution lists."""
import pytest

from extractors.parties import extract_cc, extract_recipients, extract_signer
from pipeline.normalize import normalize

END = "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.\n\n"


def values(found):
    return [f.value for f in found]


def signer(text: str):
    s = extract_signer(normalize(text))
    return None if s is None else (s.value["name"], s.value["title"], s.value["authority"])


# --- signers ------------------------------------------------------------------------------
@pytest.mark.parametrize("block, name, title, authority", [
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n(Đã ký)\n\nNguyễn Văn Hùng", "Nguyễn Văn Hùng", "Phó Giám đốc", "KT."),
    ("TL. BỘ TRƯỞNG\nKT. CỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC\nPHÓ CỤC TRƯỞNG\n\nNguyễn Thành Lâm",
     "Nguyễn Thành Lâm", "Phó Cục trưởng", "KT."),
    ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n(Ký, đóng dấu)\n\nTrần Văn Tân", "Trần Văn Tân", "Chánh Văn phòng", "TUQ."),
    ("Q. GIÁM ĐỐC\n\nLê Thị Hồng Nhung", "Lê Thị Hồng Nhung", "Giám đốc", "Q."),
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nPhan Việt Cường", "Phan Việt Cường", "Phó Bí thư", "TM."),
    ("TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nNguyễn Đức Dũng", "Nguyễn Đức Dũng", "Phó Bí thư Thường trực", "TM."),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Trí Thanh", "Lê Trí Thanh", "Chủ tịch", "TM."),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nVõ Tấn", "Võ Tấn", "Phó Chủ tịch", "KT."),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Phước Bảo Ngọc Anh", "Nguyễn Phước Bảo Ngọc Anh", "Thứ trưởng", "KT."),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nĐinh La Thăng", "Đinh La Thăng", "Chánh Văn phòng", "TL."),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nKý bởi: Ủy ban nhân dân tỉnh Gia Lai\nEmail: ubnd@gialai.gov.vn\n"
     "Thời gian ký: 12.11.2025 08:15:23 +07:00\n\nPhạm Anh Tuấn", "Phạm Anh Tuấn", "Chủ tịch", "TM."),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n(Đã ký và đóng dấu)\n\nHồ Quang Bửu", "Hồ Quang Bửu", "Phó Giám đốc", "KT."),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[Chữ ký số]\nHồ Quang Bửu", "Hồ Quang Bửu", "Phó Giám đốc", "KT."),
    ("**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n\n**Trần Anh Tuấn**", "Trần Anh Tuấn", "Phó Chủ tịch", "KT."),
    ("TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Đức Tuy", "Nguyễn Đức Tuy", "Chủ tịch", "TM."),
    ("GIÁM ĐỐC\n\nNguyễn Văn Sơn", "Nguyễn Văn Sơn", "Giám đốc", None),
])
def test_signature_blocks(block, name, title, authority):
    assert signer(END + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n" + block + "\n") == (name, title, authority)


def test_signer_titles_are_kept_as_stacked():
    s = extract_signer(normalize(END + "TL. BỘ TRƯỞNG\nKT. CỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC\nPHÓ CỤC TRƯỞNG\n\n"
                                 "Nguyễn Thành Lâm\n")).value
    assert s["titles"] == ["TL. BỘ TRƯỞNG", "KT. CỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC", "PHÓ CỤC TRƯỞNG"]


def test_closing_table_read_column_by_column():
    # the distribution list's cell first, then the signature's cell
    t = normalize(END + "Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n- CT, các PCT UBND tỉnh;\n"
                  "- Lưu: VT, KTN.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Hồng Lĩnh\n")
    assert values(extract_cc(t)) == ["Như trên", "TT Tỉnh ủy, TT HĐND tỉnh (b/c)", "CT, các PCT UBND tỉnh",
                                     "Lưu: VT, KTN"]
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == ("Nguyễn Hồng Lĩnh", "Phó Chủ tịch", "KT.")


def test_closing_table_read_row_by_row():
    # the two cells read across: list items and signature lines alternate
    t = normalize(END + "Nơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- Bộ Xây dựng (b/c);\n"
                  "- Lưu: VT, KTN.\n\nHồ Văn Mừng\n")
    assert values(extract_cc(t)) == ["Như trên", "Bộ Xây dựng (b/c)", "Lưu: VT, KTN"]
    s = extract_signer(t).value
    assert (s["name"], s["title"], s["authority"]) == ("Hồ Văn Mừng", "Phó Chủ tịch", "KT.")


def test_closing_table_with_alternating_lines():
    t = normalize(END + "Nơi nhận:\nKT. GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Giám đốc Sở (b/c);\n"
                  "- Lưu: VT, NVY.\n\nLê Văn Thảo\n")
    assert values(extract_cc(t)) == ["Như trên", "Giám đốc Sở (b/c)", "Lưu: VT, NVY"]
    assert signer(t.text) == ("Lê Văn Thảo", "Phó Giám đốc", "KT.")


# --- recipients ---------------------------------------------------------------------------
HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 123/UBND-KTN\nV/v triển khai nhiệm vụ\n"
        "Quảng Nam, ngày 05 tháng 3 năm 2025\n\n")


@pytest.mark.parametrize("block, expected", [
    ("Kính gửi: Sở Y tế tỉnh Quảng Nam.", ["Sở Y tế tỉnh Quảng Nam"]),
    ("Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố.",
     ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]),
    ("Kính gửi:\n+ Sở Tài chính;\n+ Sở Nội vụ;\n+ Kho bạc Nhà nước tỉnh.",
     ["Sở Tài chính", "Sở Nội vụ", "Kho bạc Nhà nước tỉnh"]),
    ("Kính gửi: Sở Tài chính; Sở Nội vụ; Kho bạc Nhà nước tỉnh.",
     ["Sở Tài chính", "Sở Nội vụ", "Kho bạc Nhà nước tỉnh"]),
    ("Kính gửi:\nỦy ban nhân dân các huyện, thị xã, thành phố.", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("Kính gửi: - Bộ Tài chính;\n- Bộ Nội vụ.", ["Bộ Tài chính", "Bộ Nội vụ"]),
    ("Kính gửi:\n- Bộ Y tế;\n- Bộ Tài chính.\n\nĐồng kính gửi: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.",
     ["Bộ Y tế", "Bộ Tài chính", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("Kính gửi: Thủ tướng Chính phủ.\nĐồng kính gửi:\n- Bộ Kế hoạch và Đầu tư;\n- Bộ Tài chính.",
     ["Thủ tướng Chính phủ", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"]),
    ("**Kính gửi:** Các Sở Giáo dục và Đào tạo.", ["Các Sở Giáo dục và Đào tạo"]),
    ("Kính gửi:\n- Các sở, ban, ngành;\nHỎA TỐC\n- UBND các xã, phường.",
     ["Các sở, ban, ngành", "UBND các xã, phường"]),
])
def test_recipients(block, expected):
    t = normalize(HEAD + block + "\n\nThực hiện chỉ đạo của Thủ tướng Chính phủ, UBND tỉnh đề nghị:\n"
                  "1. Rà soát các dự án.\n")
    assert values(extract_recipients(t)) == expected


def test_recipients_spans_point_at_the_items():
    t = normalize(HEAD + "Kính gửi: Sở Tài chính; Sở Nội vụ.\n\nNội dung.\n")
    got = extract_recipients(t)
    assert [t.text[f.start:f.end] for f in got] == ["Sở Tài chính", "Sở Nội vụ"]


def test_cong_dien_of_a_minister():
    t = normalize("BỘ XÂY DỰNG\nSố: 45/CĐ-BXD\nHà Nội, ngày 12 tháng 9 năm 2025\n\nCÔNG ĐIỆN\n"
                  "Về việc chủ động ứng phó với bão số 9\n\nBỘ TRƯỞNG BỘ XÂY DỰNG điện:\n"
                  "- Giám đốc Sở Xây dựng các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Hưng Yên, Ninh Bình;\n"
                  "- Cục Đường bộ Việt Nam;\n- Cục Hàng hải và Đường thủy Việt Nam.\n\n"
                  "Theo tin của Trung tâm Dự báo khí tượng thủy văn quốc gia, …\n")
    assert values(extract_recipients(t)) == [
        "Giám đốc Sở Xây dựng các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Hưng Yên, Ninh Bình",
        "Cục Đường bộ Việt Nam", "Cục Hàng hải và Đường thủy Việt Nam"]


def test_cong_dien_of_a_provincial_chairman():
    t = normalize("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 12/CĐ-UBND\nGia Lai, ngày 16 tháng 11 năm 2025\n\n"
                  "CÔNG ĐIỆN\nVề việc tập trung ứng phó với lũ lớn\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n\n"
                  "- Giám đốc các sở, ban, ngành của tỉnh;\n- Chủ tịch Ủy ban nhân dân các xã, phường.\n\n"
                  "Trong những ngày qua, …\n")
    assert values(extract_recipients(t)) == ["Giám đốc các sở, ban, ngành của tỉnh",
                                             "Chủ tịch Ủy ban nhân dân các xã, phường"]


def test_a_decision_has_no_recipients():
    t = normalize("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 12/QĐ-UBND\nQuảng Nam, ngày 05 tháng 3 năm 2025\n\n"
                  "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
                  "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Tổ công tác.\n")
    assert extract_recipients(t) == []


# --- distribution lists -------------------------------------------------------------------
@pytest.mark.parametrize("block, expected", [
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT, P.KT.", ["Như trên", "Lưu: VT, P.KT"]),
    ("Nơi nhận:\n+ Như trên;\n+ Chủ tịch, các PCT UBND tỉnh;\n+ Lưu: VT.",
     ["Như trên", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT"]),
    ("Nơi nhận:\n- Như trên;\n- Văn phòng Chính phủ (để b/c);\n- Lưu: VT, NN (3b).",
     ["Như trên", "Văn phòng Chính phủ (để b/c)", "Lưu: VT, NN (3b)"]),
    ("*Nơi nhận:*\n- Như trên;\n- Lưu: VT.", ["Như trên", "Lưu: VT"]),
    ("Nơi nhận: - Như trên;\n- Lưu: VT, TH.", ["Như trên", "Lưu: VT, TH"]),
])
def test_distribution_list_ends_where_the_signature_begins(block, expected):
    t = normalize(END + block + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Phú\n")
    assert values(extract_cc(t)) == expected
    assert signer(t.text) == ("Nguyễn Văn Phú", "Phó Chủ tịch", "KT.")


def test_distribution_list_after_the_signature():
    t = normalize(END + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Dũng\n\nNơi nhận:\n- Như trên;\n- TT Tỉnh ủy;\n"
                  "- Lưu: VT, KTTH.\n")
    assert values(extract_cc(t)) == ["Như trên", "TT Tỉnh ủy", "Lưu: VT, KTTH"]
    assert signer(t.text) == ("Lê Văn Dũng", "Chủ tịch", "TM.")


def test_recipients_wrapped_by_a_crawl_at_eighty_columns():
    t = normalize(HEAD + "Kính gửi: Sở Nội vụ, Sở Tài chính, Ủy ban nhân dân các huyện, thị xã,\n"
                  "thành phố.\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 5/01/2025 của UBND tỉnh, …\n")
    assert values(extract_recipients(t)) == ["Sở Nội vụ, Sở Tài chính, Ủy ban nhân dân các huyện, thị xã, thành phố"]


def test_prime_minister_cong_dien():
    t = normalize("THỦ TƯỚNG CHÍNH PHỦ\nSố: 150/CĐ-TTg\nHà Nội, ngày 10 tháng 9 năm 2025\n\nCÔNG ĐIỆN\n"
                  "Về việc tập trung khắc phục hậu quả bão số 7\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n"
                  "- Đồng chí Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Thanh Hóa, Nghệ An, Hà Tĩnh;\n"
                  "- Các đồng chí Bộ trưởng các Bộ: Quốc phòng, Công an, Xây dựng.\n\nNgày 9 tháng 9, …\n")
    assert values(extract_recipients(t)) == [
        "Đồng chí Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh: Thanh Hóa, Nghệ An, Hà Tĩnh",
        "Các đồng chí Bộ trưởng các Bộ: Quốc phòng, Công an, Xây dựng"]


def test_signer_with_a_military_rank():
    assert signer(END + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐại tá Nguyễn Văn Long\n") == \
        ("Nguyễn Văn Long", "Phó Giám đốc", "KT.")


def test_distribution_list_without_colon_and_lưu_without_colon():
    t = normalize(END + "Nơi nhận\n- Như trên;\n- Lưu VT, VP.\n\nCHỦ TỊCH\n\nNguyễn Văn Phú\n")
    assert values(extract_cc(t)) == ["Như trên", "Lưu VT, VP"]
    assert signer(t.text) == ("Nguyễn Văn Phú", "Chủ tịch", None)
