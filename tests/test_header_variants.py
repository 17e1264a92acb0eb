"""Header variants: issuers of every level (ministries, Sở, districts, communes of the 2020 map
and of the two-level map in force from 1 July 2025, Party committees, People's Councils,
steering committees), number lines, date lines, type lines and subjects, urgency and secrecy
stamps — fragments laid out as Vietnamese dispatches print them (Nghị định 30/2020/NĐ-CP,
Phụ lục I), in the layouts text readers give: columns one after the other, columns read across
one line, markdown emphasis, crawl-style hard wraps."""
import pytest

from extractors.base import key
from extractors.header import extract_header
from pipeline.normalize import normalize

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def header(text: str) -> dict:
    h = extract_header(normalize(text))
    out = {k: (v.value if v is not None else None) for k, v in h.items()}
    iss = out.get("issuer")
    out["issuer"] = (iss["name"], iss["level"], iss["province"], iss["district"]) if iss else None
    return out


def check(text: str, **expected):
    got = header(text)
    for field, want in expected.items():
        if field == "issuer_name":          # a name in capitals: its case is the scorer's concern
            assert key(got["issuer"][0]) == key(want), (field, got["issuer"])
            continue
        assert got[field] == want, (field, got[field], want)
    return got


# --- issuers at every level ----------------------------------------------------------------
def test_so_under_a_provincial_people_committee():
    check("UBND TỈNH QUẢNG NAM\nSỞ Y TẾ\nSố: 123/SYT-NVY\nV/v tăng cường phòng, chống bệnh sốt xuất huyết\n"
          + MOTTO + "Quảng Nam, ngày 05 tháng 3 năm 2025\n\nKính gửi: Trung tâm Y tế các huyện, thị xã, thành phố.\n",
          doc_type="Công văn", doc_type_code=None, number="123", symbol="SYT-NVY", issued_date="2025-03-05",
          place="Quảng Nam", issuer=("Sở Y tế tỉnh Quảng Nam", "province", "Quảng Nam", None),
          parent="UBND TỈNH QUẢNG NAM", subject="tăng cường phòng, chống bệnh sốt xuất huyết",
          urgency=None, secrecy=None)


def test_cuc_under_a_ministry_is_central():
    check("BỘ Y TẾ\nCỤC QUẢN LÝ DƯỢC\n-------\nSố: 4567/QLD-ĐK\nV/v công bố danh mục thuốc biệt dược gốc\n"
          + MOTTO + "---------------\nHà Nội, ngày 12 tháng 6 năm 2024\n\n"
          "Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.\n",
          doc_type="Công văn", number="4567", symbol="QLD-ĐK", issued_date="2024-06-12", place="Hà Nội",
          issuer_name="Cục Quản lý Dược", parent="BỘ Y TẾ",
          subject="công bố danh mục thuốc biệt dược gốc")
    assert header("BỘ Y TẾ\nCỤC QUẢN LÝ DƯỢC\nSố: 4567/QLD-ĐK\nHà Nội, ngày 12 tháng 6 năm 2024\n")["issuer"][1:] \
        == ("central", None, None)


def test_phong_under_a_district_people_committee():
    # Điện Bàn was a huyện until 2015: the printed type word is kept, the unit found by its name
    check("UBND HUYỆN ĐIỆN BÀN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 245/PGDĐT\n"
          "V/v tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2014-2015\n" + MOTTO
          + "Điện Bàn, ngày 20 tháng 9 năm 2014\n",
          number="245", symbol="PGDĐT", issued_date="2014-09-20", place="Điện Bàn",
          issuer=("Phòng Giáo dục và Đào tạo huyện Điện Bàn", "district", "Quảng Nam", "Điện Bàn"),
          parent="UBND HUYỆN ĐIỆN BÀN")


def test_district_people_committee_of_the_2020_map():
    check("ỦY BAN NHÂN DÂN\nHUYỆN ĐẠI LỘC\nSố: 1520/UBND-NV\nV/v rà soát, sắp xếp đơn vị hành chính cấp xã\n"
          + MOTTO + "Đại Lộc, ngày 11 tháng 10 năm 2024\n",
          issuer=("Ủy ban nhân dân huyện Đại Lộc", "district", "Quảng Nam", "Đại Lộc"),
          subject="rà soát, sắp xếp đơn vị hành chính cấp xã", parent=None)


def test_commune_of_the_2025_map():
    # from 1 July 2025 Đại Lộc is a xã of the city of Đà Nẵng, with no district above it
    check("ỦY BAN NHÂN DÂN\nXÃ ĐẠI LỘC\nSố: 215/UBND-VP\nV/v triển khai dịch vụ công trực tuyến toàn trình\n"
          + MOTTO + "Đại Lộc, ngày 15 tháng 8 năm 2025\n",
          number="215", symbol="UBND-VP", issued_date="2025-08-15", place="Đại Lộc",
          issuer=("Ủy ban nhân dân xã Đại Lộc", "commune", "Đà Nẵng", None))


def test_ward_on_one_line_with_ubnd():
    check("UBND PHƯỜNG HOÀN KIẾM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 318/UBND-VHXH Hoàn Kiếm, ngày 02 tháng 10 năm 2025\nV/v tổ chức Tết Trung thu cho thiếu nhi\n",
          number="318", symbol="UBND-VHXH", issued_date="2025-10-02", place="Hoàn Kiếm",
          issuer=("Ủy ban nhân dân phường Hoàn Kiếm", "commune", "Hà Nội", None),
          subject="tổ chức Tết Trung thu cho thiếu nhi")


# the 2025 provinces: (how the province is printed, canonical name, a ward or commune of it)
PROVINCES_2025 = [
    ("TỈNH TUYÊN QUANG", "Tuyên Quang", "PHƯỜNG HÀ GIANG 1", "phường Hà Giang 1"),
    ("TỈNH LÀO CAI", "Lào Cai", "PHƯỜNG YÊN BÁI", "phường Yên Bái"),
    ("TỈNH THÁI NGUYÊN", "Thái Nguyên", "PHƯỜNG BẮC KẠN", "phường Bắc Kạn"),
    ("TỈNH PHÚ THỌ", "Phú Thọ", "PHƯỜNG VIỆT TRÌ", "phường Việt Trì"),
    ("TỈNH BẮC NINH", "Bắc Ninh", "PHƯỜNG BẮC GIANG", "phường Bắc Giang"),
    ("TỈNH HƯNG YÊN", "Hưng Yên", "PHƯỜNG PHỐ HIẾN", "phường Phố Hiến"),
    ("THÀNH PHỐ HẢI PHÒNG", "Hải Phòng", "PHƯỜNG HẢI DƯƠNG", "phường Hải Dương"),
    ("TỈNH NINH BÌNH", "Ninh Bình", "PHƯỜNG PHỦ LÝ", "phường Phủ Lý"),
    ("TỈNH QUẢNG TRỊ", "Quảng Trị", "PHƯỜNG ĐỒNG HỚI", "phường Đồng Hới"),
    ("THÀNH PHỐ ĐÀ NẴNG", "Đà Nẵng", "PHƯỜNG HỘI AN", "phường Hội An"),
    ("TỈNH QUẢNG NGÃI", "Quảng Ngãi", "PHƯỜNG CẨM THÀNH", "phường Cẩm Thành"),
    ("TỈNH GIA LAI", "Gia Lai", "PHƯỜNG QUY NHƠN", "phường Quy Nhơn"),
    ("TỈNH KHÁNH HÒA", "Khánh Hòa", "PHƯỜNG NHA TRANG", "phường Nha Trang"),
    ("TỈNH LÂM ĐỒNG", "Lâm Đồng", "PHƯỜNG PHAN THIẾT", "phường Phan Thiết"),
    ("TỈNH ĐẮK LẮK", "Đắk Lắk", "PHƯỜNG TUY HÒA", "phường Tuy Hòa"),
    ("THÀNH PHỐ HỒ CHÍ MINH", "Hồ Chí Minh", "PHƯỜNG THỦ DẦU MỘT", "phường Thủ Dầu Một"),
    ("TỈNH ĐỒNG NAI", "Đồng Nai", "PHƯỜNG ĐỒNG XOÀI", "phường Đồng Xoài"),
    ("TỈNH TÂY NINH", "Tây Ninh", "PHƯỜNG LONG HOA", "phường Long Hoa"),
    ("THÀNH PHỐ CẦN THƠ", "Cần Thơ", "PHƯỜNG NINH KIỀU", "phường Ninh Kiều"),
    ("TỈNH VĨNH LONG", "Vĩnh Long", "PHƯỜNG BẾN TRE", "phường Bến Tre"),
    ("TỈNH ĐỒNG THÁP", "Đồng Tháp", "PHƯỜNG MỸ THO", "phường Mỹ Tho"),
    ("TỈNH CÀ MAU", "Cà Mau", "PHƯỜNG BẠC LIÊU", "phường Bạc Liêu"),
    ("TỈNH AN GIANG", "An Giang", "PHƯỜNG RẠCH GIÁ", "phường Rạch Giá"),
]


def _unit_phrase(printed: str, name: str) -> str:
    return ("Thành phố " if printed.startswith("THÀNH PHỐ") else "tỉnh ") + name


@pytest.mark.parametrize("printed, province, _c, _n", PROVINCES_2025)
def test_provincial_body_of_the_2025_map(printed, province, _c, _n):
    # a Sở of the merged province, dated after 1 July 2025
    got = check(f"UBND {printed}\nSỞ NỘI VỤ\nSố: 1726/SNV-TCBC\nV/v hướng dẫn vị trí việc làm\n" + MOTTO
                + f"{province}, ngày 18 tháng 9 năm 2025\n",
                number="1726", symbol="SNV-TCBC", issued_date="2025-09-18", place=province,
                issuer=(f"Sở Nội vụ {_unit_phrase(printed, province)}", "province", province, None))
    assert got["parent"] == f"UBND {printed}"


@pytest.mark.parametrize("_p, province, printed, name", PROVINCES_2025)
def test_commune_of_the_2025_map_in_each_province(_p, province, printed, name):
    # a ward named after a former province or city: the 2025 map places it
    place = name.split(" ", 1)[1]
    check(f"ỦY BAN NHÂN DÂN\n{printed}\n-------\nSố: 88/UBND-VP\nV/v kiện toàn Ban Chỉ đạo chuyển đổi số\n"
          + MOTTO + f"{place}, ngày 10 tháng 11 năm 2025\n",
          number="88", issued_date="2025-11-10", place=place,
          issuer=(f"Ủy ban nhân dân {name}", "commune", province, None))


def test_provincial_people_committee_of_the_2025_map_flattened():
    check("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
          "Số: 2456/UBND-KT Lào Cai, ngày 03 tháng 10 năm 2025\nV/v khắc phục hậu quả cơn bão số 10\n",
          number="2456", symbol="UBND-KT", issued_date="2025-10-03", place="Lào Cai",
          issuer=("Ủy ban nhân dân tỉnh Lào Cai", "province", "Lào Cai", None),
          subject="khắc phục hậu quả cơn bão số 10")


def test_provincial_peoples_council_resolution():
    check("HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\nSố: 45/2025/NQ-HĐND\n" + MOTTO
          + "Quảng Ngãi, ngày 10 tháng 12 năm 2025\n\nNGHỊ QUYẾT\n"
          "Quy định mức chi bảo đảm cho công tác kiểm tra văn bản quy phạm pháp luật\n"
          "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NGÃI\nKHÓA XIII, KỲ HỌP THỨ 5\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
          doc_type="Nghị quyết", doc_type_code="NQ", number="45", symbol="2025/NQ-HĐND",
          issuer=("Hội đồng nhân dân tỉnh Quảng Ngãi", "province", "Quảng Ngãi", None),
          subject="Quy định mức chi bảo đảm cho công tác kiểm tra văn bản quy phạm pháp luật")


def test_hdnd_abbreviated_with_a_report():
    check("HĐND TỈNH ĐỒNG THÁP\nBAN KINH TẾ - NGÂN SÁCH\nSố: 12/BC-KTNS\n" + MOTTO
          + "Đồng Tháp, ngày 25 tháng 11 năm 2025\n\nBÁO CÁO\nThẩm tra dự thảo Nghị quyết về dự toán ngân sách năm 2026\n",
          doc_type="Báo cáo", doc_type_code="BC", number="12", symbol="BC-KTNS",
          issuer=("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Đồng Tháp", "province", "Đồng Tháp", None),
          subject="Thẩm tra dự thảo Nghị quyết về dự toán ngân sách năm 2026")


def test_party_committee_board_with_party_number():
    check("TỈNH ỦY QUẢNG NAM\nBAN TUYÊN GIÁO\n*\nSố 123-CV/TU\nV/v tuyên truyền kỷ niệm 50 năm Ngày giải phóng quê hương\n"
          "ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Nam, ngày 20 tháng 02 năm 2025\n\nKính gửi: Các huyện ủy, thị ủy, thành ủy.\n",
          doc_type="Công văn", doc_type_code=None, number="123", symbol="CV/TU", issued_date="2025-02-20",
          place="Quảng Nam", parent="TỈNH ỦY QUẢNG NAM",
          issuer=("Ban Tuyên giáo Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None),
          subject="tuyên truyền kỷ niệm 50 năm Ngày giải phóng quê hương")


def test_district_party_committee_notice():
    check("ĐẢNG BỘ TỈNH QUẢNG NAM\nHUYỆN ỦY ĐẠI LỘC\n*\nSố 45-TB/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
          "Đại Lộc, ngày 8 tháng 5 năm 2024\n\nTHÔNG BÁO\nKết luận của Ban Thường vụ Huyện ủy về công tác cán bộ\n",
          doc_type="Thông báo", doc_type_code="TB", number="45", symbol="TB/HU",
          issuer=("Huyện ủy Đại Lộc", "district", "Quảng Nam", "Đại Lộc"),
          subject="Kết luận của Ban Thường vụ Huyện ủy về công tác cán bộ")


def test_city_party_committee_of_the_2025_map():
    check("THÀNH ỦY HẢI PHÒNG\n*\nSố 210-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHải Phòng, ngày 14 tháng 8 năm 2025\n\n"
          "KẾ HOẠCH\ntổ chức Đại hội đại biểu Đảng bộ thành phố lần thứ XVII\n",
          doc_type="Kế hoạch", doc_type_code="KH", number="210", symbol="KH/TU",
          issuer=("Thành ủy Hải Phòng", "province", "Hải Phòng", None),
          subject="tổ chức Đại hội đại biểu Đảng bộ thành phố lần thứ XVII")


def test_steering_committee_under_a_province():
    check("UBND TỈNH GIA LAI\nBAN CHỈ ĐẠO PHÒNG THỦ DÂN SỰ\nSố: 15/BCĐ-PTDS\nV/v chủ động ứng phó với bão số 13\n"
          + MOTTO + "Gia Lai, ngày 3 tháng 11 năm 2025\n",
          number="15", symbol="BCĐ-PTDS",
          issuer_name="Ban Chỉ đạo phòng thủ dân sự tỉnh Gia Lai", subject="chủ động ứng phó với bão số 13")
    assert header("UBND TỈNH GIA LAI\nBAN CHỈ ĐẠO PHÒNG THỦ DÂN SỰ\nSố: 15/BCĐ-PTDS\n"
                  "Gia Lai, ngày 3 tháng 11 năm 2025\n")["issuer"][1:] == ("province", "Gia Lai", None)


def test_steering_committee_whose_name_wraps_and_ends_with_the_province():
    got = check("BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI\nVÀ TÌM KIẾM CỨU NẠN TỈNH QUẢNG TRỊ\nSố: 97/BCĐ-PCTT\n"
                "V/v triển khai ứng phó áp thấp nhiệt đới\n" + MOTTO + "Quảng Trị, ngày 25 tháng 9 năm 2025\n",
                issuer_name="Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Quảng Trị",
                subject="triển khai ứng phó áp thấp nhiệt đới")
    assert got["issuer"][1:] == ("province", "Quảng Trị", None)


def test_ministry_cong_van():
    check("BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-------\nSố: 1234/BGDĐT-GDPT\n"
          "V/v hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học 2024-2025\n" + MOTTO
          + "Hà Nội, ngày 22 tháng 8 năm 2024\n\nKính gửi: Các Sở Giáo dục và Đào tạo.\n",
          doc_type="Công văn", doc_type_code=None, number="1234", symbol="BGDĐT-GDPT",
          issuer=("Bộ Giáo dục và Đào tạo", "central", None, None), parent=None,
          subject="hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học 2024-2025")


def test_government_office():
    check("VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 5678/VPCP-NN\nV/v xử lý kiến nghị của tỉnh Cà Mau\n" + MOTTO
          + "Hà Nội, ngày 30 tháng 7 năm 2025\n\nKính gửi: Bộ Nông nghiệp và Môi trường.\n",
          issuer=("Văn phòng Chính phủ", "central", None, None), symbol="VPCP-NN",
          subject="xử lý kiến nghị của tỉnh Cà Mau")


# --- number lines -------------------------------------------------------------------------
UBND_QN = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n"


@pytest.mark.parametrize("line, number, symbol", [
    ("Số: 123/UBND-KT", "123", "UBND-KT"),
    ("Số 123/SYT-NVY", "123", "SYT-NVY"),
    ("Số: 12/2025/QĐ-UBND", "12", "2025/QĐ-UBND"),
    ("Số: ....../UBND-VP", None, "UBND-VP"),
    ("Số:      /UBND", None, "UBND"),
    ("Số: …/UBND-NC", None, "UBND-NC"),
    ("Số: 05/CT-UBND", "05", "CT-UBND"),
    ("Số: 0129/KH-UBND", "0129", "KH-UBND"),
    ("Số: 2103 /UBND - KTN", "2103", "UBND-KTN"),
    ("**Số: 77/TB-UBND**", "77", "TB-UBND"),
])
def test_number_lines(line, number, symbol):
    got = header(UBND_QN + line + "\n" + MOTTO + "Quảng Nam, ngày 05 tháng 3 năm 2025\n")
    assert (got["number"], got["symbol"]) == (number, symbol)
    assert got["issuer"] == ("Ủy ban nhân dân tỉnh Quảng Nam", "province", "Quảng Nam", None)


def test_directive_by_its_number_and_type_line():
    check(UBND_QN + "Số: 05/CT-UBND\n" + MOTTO + "Quảng Nam, ngày 17 tháng 4 năm 2025\n\nCHỈ THỊ\n"
          "Về tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2025\n\nThời gian qua, …\n",
          doc_type="Chỉ thị", doc_type_code="CT", number="05", symbol="CT-UBND",
          subject="Về tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2025")


# --- date lines ---------------------------------------------------------------------------
@pytest.mark.parametrize("line, place, date", [
    ("Quảng Nam, ngày 05 tháng 3 năm 2025", "Quảng Nam", "2025-03-05"),
    ("Quảng Nam, ngày ... tháng ... năm 2025", "Quảng Nam", "2025"),
    ("Quảng Nam, ngày      tháng 12 năm 2024", "Quảng Nam", "2024-12"),
    ("Quảng Nam, ngày …… tháng 12 năm 2024", "Quảng Nam", "2024-12"),
    ("Quảng Nam, ngày 5 tháng 03 năm 2025.", "Quảng Nam", "2025-03-05"),
    ("Tam Kỳ, ngày 31 tháng 12 năm 2024", "Tam Kỳ", "2024-12-31"),
    ("Quảng Nan, ngày 05 tháng 3 năm 2025", "Quảng Nan", "2025-03-05"),
    ("*Quảng Nam, ngày 05 tháng 3 năm 2025*", "Quảng Nam", "2025-03-05"),
])
def test_date_lines(line, place, date):
    got = header(UBND_QN + "Số: 321/UBND-TH\n" + MOTTO + line + "\n\nKính gửi: Các sở, ban, ngành.\n")
    assert (got["place"], got["issued_date"]) == (place, date)
    assert got["issuer"][2] == "Quảng Nam"


@pytest.mark.parametrize("place", ["Tp. Hồ Chí Minh", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh",
                                   "TP.HCM", "Tp Hồ Chí Minh"])
def test_ho_chi_minh_city_as_printed(place):
    got = header("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 3921/UBND-ĐT\nV/v chỉnh trang đô thị\n" + MOTTO
                 + place + ", ngày 7 tháng 8 năm 2025\n")
    assert got["place"] == place
    assert got["issued_date"] == "2025-08-07"
    assert got["issuer"] == ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "province", "Hồ Chí Minh", None)


def test_misspelt_province_in_the_place_kept_as_written():
    check("UBND TỈNH QUẢNG NGÃI\nSỞ TÀI CHÍNH\nSố: 845/STC-QLNS\nV/v lập dự toán ngân sách năm 2026\n" + MOTTO
          + "Quảng Ngải, ngày 14 tháng 7 năm 2025\n",
          place="Quảng Ngải", issuer=("Sở Tài chính tỉnh Quảng Ngãi", "province", "Quảng Ngãi", None))


# --- type lines and subjects --------------------------------------------------------------
@pytest.mark.parametrize("type_line, title, doc_type, code, subject", [
    ("KẾ HOẠCH", "Triển khai Đề án 06 năm 2025 trên địa bàn tỉnh", "Kế hoạch", "KH",
     "Triển khai Đề án 06 năm 2025 trên địa bàn tỉnh"),
    ("QUYẾT ĐỊNH", "Về việc ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh", "Quyết định", "QĐ",
     "ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh"),
    ("THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải ngân vốn đầu tư công", "Thông báo",
     "TB", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải ngân vốn đầu tư công"),
    ("TỜ TRÌNH", "Về việc đề nghị thông qua Nghị quyết về giá dịch vụ khám bệnh, chữa bệnh", "Tờ trình", "TTr",
     "đề nghị thông qua Nghị quyết về giá dịch vụ khám bệnh, chữa bệnh"),
    ("BÁO CÁO", "Tình hình kinh tế - xã hội 9 tháng đầu năm 2025", "Báo cáo", "BC",
     "Tình hình kinh tế - xã hội 9 tháng đầu năm 2025"),
    ("CÔNG ĐIỆN", "Về việc chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất", "Công điện", "CĐ",
     "chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất"),
    ("QUYẾT ĐỊNH", "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06", "Quyết định", "QĐ",
     "thành lập tổ công tác triển khai đề án 06"),
])
def test_type_line_and_title(type_line, title, doc_type, code, subject):
    sym = {"KH": "KH-UBND", "QĐ": "QĐ-UBND", "TB": "TB-UBND", "TTr": "TTr-UBND", "BC": "BC-UBND",
           "CĐ": "CĐ-UBND"}[code]
    got = header(UBND_QN + f"Số: 76/{sym}\n" + MOTTO + "Quảng Nam, ngày 05 tháng 3 năm 2025\n\n"
                 + type_line + "\n" + title + "\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert (got["doc_type"], got["doc_type_code"], got["subject"]) == (doc_type, code, subject)


def test_cong_van_subject_with_ve_viec():
    check(UBND_QN + "Số: 1550/UBND-KTN\nVề việc triển khai thực hiện Nghị quyết số 57-NQ/TW\n" + MOTTO
          + "Quảng Nam, ngày 05 tháng 3 năm 2025\n",
          doc_type="Công văn", subject="triển khai thực hiện Nghị quyết số 57-NQ/TW")


def test_cong_van_subject_wrapped_over_three_lines():
    check("UBND TỈNH ĐỒNG NAI\nSỞ XÂY DỰNG\nSố: 4021/SXD-QLXD\nV/v hướng dẫn thủ tục cấp giấy phép xây dựng\n"
          "đối với công trình nhà ở riêng lẻ tại khu vực\nđã có quy hoạch chi tiết\n" + MOTTO
          + "Đồng Nai, ngày 09 tháng 9 năm 2025\n\nKính gửi: UBND các xã, phường.\n",
          issuer=("Sở Xây dựng tỉnh Đồng Nai", "province", "Đồng Nai", None),
          subject="hướng dẫn thủ tục cấp giấy phép xây dựng đối với công trình nhà ở riêng lẻ tại khu vực "
                  "đã có quy hoạch chi tiết")


def test_cong_van_subject_in_capitals():
    check("ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nSố: 9876/UBND-KT\nV/V TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ\nĐẤT ĐAI TRÊN ĐỊA BÀN TỈNH\n"
          + MOTTO + "Khánh Hòa, ngày 2 tháng 10 năm 2025\n",
          subject="tăng cường công tác quản lý đất đai trên địa bàn tỉnh")


def test_crawl_with_hard_wraps_at_eighty_columns():
    text = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 512/UBND-KTTH\nV/v triển khai các giải pháp thúc đẩy giải ngân vốn\n"
            "đầu tư công năm 2025\nAn Giang, ngày 21 tháng 8 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh; UBND\n"
            "các xã, phường, đặc khu.\n")
    check(text, issuer=("Ủy ban nhân dân tỉnh An Giang", "province", "An Giang", None),
          subject="triển khai các giải pháp thúc đẩy giải ngân vốn đầu tư công năm 2025", issued_date="2025-08-21")


def test_markdown_header_with_emphasis():
    check("**ỦY BAN NHÂN DÂN**\n**TỈNH TÂY NINH**\n\n**Số: 3344/UBND-VX**\n\n*V/v tổ chức các hoạt động"
          " Tháng hành động vì trẻ em năm 2025*\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
          "**Độc lập - Tự do - Hạnh phúc**\n\n*Tây Ninh, ngày 15 tháng 7 năm 2025*\n",
          number="3344", issuer=("Ủy ban nhân dân tỉnh Tây Ninh", "province", "Tây Ninh", None),
          subject="tổ chức các hoạt động Tháng hành động vì trẻ em năm 2025", issued_date="2025-07-15")


# --- urgency and secrecy stamps -----------------------------------------------------------
@pytest.mark.parametrize("layout, urgency, secrecy", [
    ("{stamp}\n" + UBND_QN + "Số: 99/UBND-NC\nV/v ứng phó bão\n{date}\n\nKính gửi: Các sở.\n", "hỏa tốc", None),
    (UBND_QN + "Số: 99/UBND-NC\nV/v ứng phó bão\n{date}\n\n{stamp}\n\nKính gửi: Các sở.\n", "hỏa tốc", None),
    (UBND_QN + "Số: 99/UBND-NC {stamp}\nV/v ứng phó bão\n{date}\n\nKính gửi: Các sở.\n", "hỏa tốc", None),
])
@pytest.mark.parametrize("stamp", ["HỎA TỐC", "Hoả tốc", "HOẢ TỐC"])
def test_urgency_stamp_anywhere_in_the_header(layout, urgency, secrecy, stamp):
    got = header(layout.format(stamp=stamp, date="Quảng Nam, ngày 05 tháng 3 năm 2025"))
    assert (got["urgency"], got["secrecy"]) == (urgency, secrecy)
    assert (got["number"], got["symbol"], got["subject"]) == ("99", "UBND-NC", "ứng phó bão")
    assert got["issuer"][0] == "Ủy ban nhân dân tỉnh Quảng Nam"


@pytest.mark.parametrize("stamps, urgency, secrecy", [
    ("THƯỢNG KHẨN", "thượng khẩn", None),
    ("KHẨN", "khẩn", None),
    ("MẬT", None, "mật"),
    ("TỐI MẬT", None, "tối mật"),
    ("MẬT\nKHẨN", "khẩn", "mật"),
])
def test_urgency_and_secrecy_stamps(stamps, urgency, secrecy):
    got = header("BỘ CÔNG AN\n-------\nSố: 1520/BCA-V03\n" + stamps + "\nV/v bảo đảm an ninh, trật tự\n" + MOTTO
                 + "Hà Nội, ngày 12 tháng 9 năm 2025\n\nKính gửi: Công an các tỉnh, thành phố.\n")
    assert (got["urgency"], got["secrecy"]) == (urgency, secrecy)
    assert got["issuer"] == ("Bộ Công an", "central", None, None)
    assert got["subject"] == "bảo đảm an ninh, trật tự"


def test_a_word_khan_in_a_subject_is_not_a_stamp():
    got = header(UBND_QN + "Số: 12/UBND-KT\nV/v hỗ trợ khẩn cấp cho hộ dân\n" + MOTTO
                 + "Quảng Nam, ngày 05 tháng 3 năm 2025\n\nKính gửi: Sở Tài chính.\n\nĐề nghị khẩn trương thực hiện.\n")
    assert got["urgency"] is None and got["secrecy"] is None


# --- more shapes of the 2025 map ----------------------------------------------------------
def test_special_zone_of_the_2025_map():
    check("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 640/UBND-VP\nV/v bảo đảm an toàn cho khách du lịch\n" + MOTTO
          + "Phú Quốc, ngày 4 tháng 12 năm 2025\n",
          issuer=("Ủy ban nhân dân đặc khu Phú Quốc", "commune", "An Giang", None))


def test_homonym_commune_placed_by_the_province_its_text_names():
    # there is a xã or phường Tân An in many provinces: the body names its own
    check("ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN AN\nSố: 77/UBND-KT\nV/v ra quân làm sạch môi trường\n" + MOTTO
          + "Tân An, ngày 20 tháng 10 năm 2025\n\nKính gửi: Các khu phố.\n\n"
          "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Tây Ninh về phong trào Ngày Chủ nhật xanh, …\n",
          issuer=("Ủy ban nhân dân phường Tân An", "commune", "Tây Ninh", None))


def test_ward_under_the_city_line():
    check("UBND THÀNH PHỐ HÀ NỘI\nUBND PHƯỜNG CỬA NAM\nSố: 205/UBND-VP\nV/v tổng vệ sinh môi trường\n" + MOTTO
          + "Cửa Nam, ngày 8 tháng 9 năm 2025\n",
          issuer=("Ủy ban nhân dân phường Cửa Nam", "commune", "Hà Nội", None), parent="UBND THÀNH PHỐ HÀ NỘI")


def test_commune_party_committee_of_the_2025_map():
    check("ĐẢNG BỘ TỈNH ĐẮK LẮK\nĐẢNG ỦY XÃ EA KAR\n*\nSố 56-CV/ĐU\nV/v lãnh đạo công tác khắc phục hậu quả mưa lũ\n"
          "ĐẢNG CỘNG SẢN VIỆT NAM\nEa Kar, ngày 25 tháng 11 năm 2025\n",
          number="56", symbol="CV/ĐU", doc_type="Công văn",
          issuer=("Đảng ủy xã Ea Kar", "commune", "Đắk Lắk", None))


def test_hue_of_the_2025_map_by_its_former_name():
    check("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 9012/UBND-NV\nV/v bố trí cán bộ, công chức cấp xã\n" + MOTTO
          + "Thừa Thiên Huế, ngày 3 tháng 9 năm 2025\n",
          place="Thừa Thiên Huế", issuer=("Ủy ban nhân dân Thành phố Huế", "province", "Huế", None))


def test_a_2020_province_in_a_document_dated_after_the_merger():
    # a body of a province merged on 1 July 2025 still signing in its old name: the old map
    check("UBND TỈNH QUẢNG NAM\nSỞ Y TẾ\nSố: 2345/SYT-NVY\nV/v bàn giao hồ sơ\n" + MOTTO
          + "Quảng Nam, ngày 2 tháng 7 năm 2025\n",
          issuer=("Sở Y tế tỉnh Quảng Nam", "province", "Quảng Nam", None))


def test_district_of_the_2020_map_with_its_communes_before_the_merger():
    check("ỦY BAN NHÂN DÂN\nXÃ HƯỚNG PHÙNG\nSố: 45/UBND\nV/v phòng chống dịch bệnh gia súc\n" + MOTTO
          + "Hướng Phùng, ngày 12 tháng 3 năm 2024\n",
          issuer=("Ủy ban nhân dân xã Hướng Phùng", "commune", "Quảng Trị", "Hướng Hóa"))


# --- offices, the Front, bodies of a ministry, lines a reader joined ----------------------
@pytest.mark.parametrize("head, issuer, parent", [
    # an office is named after the body above it
    ("UBND TỈNH QUẢNG NAM\nVĂN PHÒNG\n", ("Văn phòng Ủy ban nhân dân tỉnh Quảng Nam", "province", "Quảng Nam", None),
     "UBND TỈNH QUẢNG NAM"),
    ("TỈNH ỦY QUẢNG NAM\nVĂN PHÒNG\n*\n", ("Văn phòng Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None),
     "TỈNH ỦY QUẢNG NAM"),
    # "VĂN PHÒNG TỈNH ỦY" without the province: the place line names it
    ("VĂN PHÒNG TỈNH ỦY\n*\n", ("Văn phòng Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None), None),
    ("ỦY BAN MTTQ VIỆT NAM\nTỈNH QUẢNG NAM\nBAN THƯỜNG TRỰC\n",
     ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam", "province", "Quảng Nam", None),
     "ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NAM"),
    # the Front's motto read across with its body's name
    ("ỦY BAN MTTQ VIỆT NAM MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NAM\nBAN THƯỜNG TRỰC\n",
     ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam", "province", "Quảng Nam", None),
     "ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NAM"),
    ("CÔNG AN TỈNH QUẢNG NAM\n", ("Công an tỉnh Quảng Nam", "province", "Quảng Nam", None), None),
    ("BỘ CHỈ HUY QUÂN SỰ\nTỈNH QUẢNG NAM\n", ("Bộ Chỉ huy Quân sự tỉnh Quảng Nam", "province", "Quảng Nam", None), None),
])
def test_offices_and_other_bodies(head, issuer, parent):
    got = header(head + "Số: 12/VP-TH\nV/v thông báo lịch làm việc\n" + MOTTO + "Quảng Nam, ngày 3 tháng 3 năm 2025\n")
    assert (got["issuer"], got["parent"]) == (issuer, parent)


def test_a_body_of_a_ministry_without_a_level_of_its_own_is_central():
    got = header("BỘ Y TẾ\nBỆNH VIỆN BẠCH MAI\nSố: 45/BVBM-KHTH\nV/v tiếp nhận người bệnh\n" + MOTTO
                 + "Hà Nội, ngày 5 tháng 12 năm 2024\n")
    assert got["issuer"][1:] == ("central", None, None)
    assert key(got["issuer"][0]) == key("Bệnh viện Bạch Mai")


def test_number_line_in_capitals_and_subject_lead_with_a_colon():
    check("UBND TỈNH QUẢNG NAM\nSỞ Y TẾ\nSỐ: 123/SYT-NVY\nV/v: tăng cường phòng, chống dịch\n" + MOTTO
          + "Quảng Nam, Ngày 05 Tháng 3 Năm 2025\n",
          number="123", symbol="SYT-NVY", issued_date="2025-03-05", subject="tăng cường phòng, chống dịch",
          issuer=("Sở Y tế tỉnh Quảng Nam", "province", "Quảng Nam", None))


def test_date_written_with_slashes():
    check(UBND_QN + "Số: 77/UBND-KTN\nV/V: TĂNG CƯỜNG PHÒNG CHỐNG DỊCH\n" + MOTTO + "Quảng Nam, ngày 05/3/2025\n",
          issued_date="2025-03-05", place="Quảng Nam", subject="tăng cường phòng chống dịch")
