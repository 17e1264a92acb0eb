"""References to other documents: every shape of citation and every relation, on real
sentences of the corpus (the citing document's header is given as ctx)."""
import pytest

from conftest import DATA, corpus_text
from extractors.references import (canonical_issuer, extract_references, split_symbol,
                                   symbol_issuers)
from pipeline.normalize import normalize

PDF_TEXT = DATA / "dev" / "pdf_text"


def ctx(name, level, province=None, district=None, number=None, symbol=None, doc_type=None):
    return {"doc_type": doc_type, "number": number, "symbol": symbol, "issued_date": None, "place": None,
            "issuer": {"name": name, "level": level, "province": province, "district": district}}


LAI_CHAU = ctx("Ủy ban nhân dân tỉnh Lai Châu", "province", "Lai Châu", number="1661", symbol="UBND-VX")
HUONG_HOA = ctx("Ủy ban nhân dân huyện Hướng Hóa", "district", "Quảng Trị", "Hướng Hóa", "978", "UBND-VP")
VUNG_TAU = ctx("Ủy ban nhân dân thành phố Vũng Tàu", "district", "Bà Rịa - Vũng Tàu", "Vũng Tàu", None, "UBND-VHTT")
HUE = ctx("Ủy ban nhân dân tỉnh Thừa Thiên Huế", "province", "Thừa Thiên Huế", number="7414", symbol="UBND-CT")
TTG = ctx("Thủ tướng Chính phủ", "central", number="223", symbol="CĐ-TTg", doc_type="Công điện")
BXD = ctx("Bộ Xây dựng", "central", number="96", symbol="CĐ-BXD", doc_type="Công điện")
DAK_LAK = ctx("Ủy ban nhân dân tỉnh Đắk Lắk", "province", "Đắk Lắk", number="0129", symbol="KH-UBND")
HCM = ctx("Ủy ban nhân dân Thành phố Hồ Chí Minh", "province", "Hồ Chí Minh", number="4240", symbol="UBND-VX")
HANOI = ctx("Ủy ban nhân dân Thành phố Hà Nội", "province", "Hà Nội", number="308", symbol="KH-UBND")
SGDDT_HANOI = ctx("Sở Giáo dục và Đào tạo Thành phố Hà Nội", "province", "Hà Nội", number="5095",
                  symbol="SGDĐT-CTTTHSSV")
CP = ctx("Chính phủ", "central", number="109", symbol="NQ-CP", doc_type="Nghị quyết")


def refs(text, c):
    t = normalize(text) if isinstance(text, str) else text
    return [f.value for f in extract_references(t, c)]


def by_number(values):
    return {v["number"]: v for v in values}


# --- shapes ---------------------------------------------------------------------------------------
def test_full_citation_with_written_date_issuer_and_subject():
    s = ("Thực hiện Chỉ thị số 05/CT-TTg ngày 28 tháng 01 năm 2021 của Thủ tướng Chính phủ về một số "
         "biện pháp cấp bách phòng, chống Covid - 19 và công văn số 110/THH-VP ngày 29 tháng 01 năm 2021 "
         "của Cục Tin học hóa về việc đẩy mạnh triển khai cài đặt Bluezone.")
    r = refs(s, VUNG_TAU)
    assert [(v["doc_type"], v["number"], v["symbol"], v["date"], v["issuer"], v["relation"]) for v in r] == [
        ("Chỉ thị", "05", "CT-TTg", "2021-01-28", "Thủ tướng Chính phủ", "implements"),
        ("Công văn", "110", "THH-VP", "2021-01-29", "Cục Tin học hóa", "implements"),
    ]
    assert r[0]["trigger"] == "Thực hiện"
    assert r[0]["subject"] == "một số biện pháp cấp bách phòng, chống Covid - 19"
    assert r[1]["subject"] == "đẩy mạnh triển khai cài đặt Bluezone"
    assert r[0]["text"] == "Chỉ thị số 05/CT-TTg ngày 28 tháng 01 năm 2021 của Thủ tướng Chính phủ"


def test_span_points_at_the_citation():
    t = normalize("Thực hiện Công văn số 6356/UBND-NNMT ngày 01/12/2025 của UBND Thành phố về việc tăng "
                  "cường các biện pháp cấp bách về kiểm soát ô nhiễm môi trường không khí trên địa bàn Thành phố "
                  "(Văn bản đính kèm);")
    [f] = extract_references(t, SGDDT_HANOI)
    assert t.text[f.start:f.end] == "Công văn số 6356/UBND-NNMT ngày 01/12/2025 của UBND Thành phố"
    assert f.value["issuer"] == "Ủy ban nhân dân Thành phố Hà Nội"
    assert f.value["relation"] == "implements"
    assert f.value["date"] == "2025-12-01"


def test_short_citations_with_and_without_so_in_a_list_of_documents():
    t = corpus_text("003_28dd24433e409403")
    r = refs(t, LAI_CHAU)
    assert [(v["doc_type"], v["number"], v["symbol"], v["date"]) for v in r] == [
        ("Công văn", "197", "CV-BCĐ", "2020-07-26"),
        ("Công văn", "1569", "UBND-VX", "2020-08-04"),
        ("Thông báo", "51", "TB-UBND", "2020-08-05"),
        ("Công văn", "1605", "UBND-VX", "2020-08-08"),          # "Công văn 1605/UBND-VX": no "số"
    ]
    # "theo chỉ đạo của Chủ tịch UBND tỉnh, Ban chỉ đạo tỉnh tại các văn bản: …": each document
    # goes to the body its symbol names; the Ban Chỉ đạo is named after its field
    assert r[0]["issuer"] == "Ban chỉ đạo phòng, chống dịch Covid-19 tỉnh Lai Châu"
    assert r[0]["relation"] == "implements"
    assert {v["issuer"] for v in r[1:]} == {"Ủy ban nhân dân tỉnh Lai Châu"}
    assert {v["relation"] for v in r[1:]} == {"follows_up"}        # the province's own dispatches


def test_a_list_sharing_one_type_takes_the_date_only_where_it_is_written():
    s = ("Để tập trung ứng phó mưa lũ đặc biệt lớn, bảo đảm an toàn tính mạng cho Nhân dân, tiếp theo các "
         "Công điện số 217/CĐ-TTg, 218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, Thủ tướng Chính "
         "phủ yêu cầu:")
    r = refs(s, TTG)
    assert [(v["doc_type"], v["number"], v["date"], v["issuer"], v["relation"]) for v in r] == [
        ("Công điện", "217", None, "Thủ tướng Chính phủ", "follows_up"),
        ("Công điện", "218", None, "Thủ tướng Chính phủ", "follows_up"),
        ("Công điện", "219", None, "Thủ tướng Chính phủ", "follows_up"),
        ("Công điện", "222", "2025-11-19", "Thủ tướng Chính phủ", "follows_up"),
    ]
    assert r[0]["trigger"] == "tiếp theo"


def test_in_a_list_dated_member_by_member_a_date_covers_its_group_and_the_issuer_the_list():
    # 007 is dated alone, then "008 và 009 ngày 19/11": the writer grouped the documents by day
    s = ("Căn cứ Công điện số 223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ về tập trung ứng phó lũ "
         "đặc biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai; Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, "
         "số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025; số 010/CĐ-UBND ngày 20/11/2025 của UBND tỉnh "
         "về khẩn trương tập trung ứng phó và kịp thời khắc phục hậu quả lũ lụt đặc biệt lớn;")
    r = by_number(refs(s, DAK_LAK))
    assert list(r) == ["223", "007", "008", "009", "010"]
    assert r["223"]["relation"] == "implements"
    assert r["223"]["subject"] == "tập trung ứng phó lũ đặc biệt lớn tại Khánh Hòa, Đắk Lắk và Gia Lai"
    assert [r[n]["date"] for n in ("007", "008", "009", "010")] == \
        ["2025-11-17", "2025-11-19", "2025-11-19", "2025-11-20"]
    for n in ("007", "008", "009", "010"):
        assert r[n]["doc_type"] == "Công điện"
        assert r[n]["issuer"] == "Ủy ban nhân dân tỉnh Đắk Lắk"
        assert r[n]["relation"] == "follows_up"                      # own earlier dispatches, under "Căn cứ"


def test_legal_documents_keep_the_year_in_the_symbol():
    s = ("Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ quy định chi tiết một số điều "
         "của Luật Phòng thủ dân sự; Nghị định số 98/2021/NĐ-CP ngày 08/11/2021 của Chính phủ về quản lý, "
         "sử dụng nguồn hỗ trợ, đóng góp tự nguyện khắc phục khó khăn do thiên tai, dịch bệnh, sự cố;")
    r = refs(s, DAK_LAK)
    assert [(v["doc_type"], v["number"], v["symbol"], v["date"], v["issuer"], v["relation"]) for v in r] == [
        ("Nghị định", "200", "2023/NĐ-CP", "2023-12-28", "Chính phủ", "implements"),
        ("Nghị định", "98", "2021/NĐ-CP", "2021-11-08", "Chính phủ", "implements"),
    ]
    assert r[0]["subject"] == "quy định chi tiết một số điều của Luật Phòng thủ dân sự"
    assert r[0]["trigger"] == "Căn cứ"


def test_party_documents_split_at_the_dash():
    t = normalize((PDF_TEXT / "nghi-quyet-so-109-nq-cp-469403.txt").read_text(encoding="utf-8"))
    r = {(v["number"], v["symbol"]): v for v in refs(t, CP)}
    kl = r["18", "KL/TW"]
    assert (kl["doc_type"], kl["symbol"], kl["date"], kl["issuer"], kl["relation"]) == \
        ("Kết luận", "KL/TW", "2026-04-02", "Trung ương", "implements")
    ct = r["01", "CT/TW"]
    assert (ct["doc_type"], ct["symbol"], ct["date"], ct["issuer"]) == \
        ("Chỉ thị", "CT/TW", "2026-01-23", "Bộ Chính trị")
    assert split_symbol("KL/TW") == {"year": None, "code": "KL", "issuers": ["TW"]}


def test_named_laws_with_a_number_and_the_laws_that_amend_them():
    s = ("Căn cứ Luật Giáo dục số 43/2019/QH14 được sửa đổi, bổ sung bởi Luật\nsố 123/2025/QH15;\n"
         "Căn cứ Luật Trẻ em số 102/2016/QH13;")
    r = refs(s, CP)
    assert [(v["doc_type"], v["number"], v["symbol"], v["issuer"], v["relation"]) for v in r] == [
        ("Luật", "43", "2019/QH14", "Quốc hội", "implements"),
        ("Luật", "123", "2025/QH15", "Quốc hội", "implements"),
        ("Luật", "102", "2016/QH13", "Quốc hội", "implements"),
    ]
    assert r[0]["subject"] == "Luật Giáo dục"


def test_laws_cited_without_a_number_are_not_references():
    # no số/ký hiệu, nothing to identify the document by (the gold lists none of these)
    s = ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
    assert refs(s, CP) == []


def test_the_documents_own_number_and_gazette_page_headers_are_not_references():
    s = "Số: 7414/UBND-CT\n\nThừa Thiên Huế, ngày 18 tháng 8 năm 2020"
    assert refs(s, {}) == []
    assert refs("CÔNG BÁO/Số 237/Ngày 21-04-2026", {}) == []
    # an annex naming its own decree, with the header's number given
    own = ctx("Chính phủ", "central", number="133", symbol="2026/NĐ-CP")
    assert refs("(Kèm theo Nghị định số 133 /2026/NĐ-CP ngày 21 tháng 4 năm 2026 của Chính phủ)", own) == []


def test_a_title_in_capitals():
    s = "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ"
    [v] = refs(s, HANOI)
    assert (v["doc_type"], v["number"], v["symbol"], v["date"], v["issuer"], v["relation"]) == \
        ("Nghị quyết", "214", "NQ-CP", "2025-07-23", "Chính phủ", "implements")


def test_a_document_cited_twice_is_listed_once_with_what_each_mention_adds():
    t = corpus_text("022_kh-308-ubnd-hanoi-trien-khai-nq214-cp")
    r = refs(t, HANOI)
    assert [(v["number"], v["symbol"]) for v in r] == \
        [("214", "NQ-CP"), ("278", "2025/NĐ-CP"), ("142", "QĐ-TTg"), ("1229", "QĐ-UBND")]
    d = by_number(r)
    # "Quyết định số 142/QĐ-TTg của Thủ tướng Chính phủ" has no date; its second mention has
    assert d["142"]["date"] == "2024-02-02"
    assert d["142"]["relation"] == "implements"
    # the city's own strategy, carried on by this plan
    assert (d["1229"]["issuer"], d["1229"]["relation"]) == ("Ủy ban nhân dân Thành phố Hà Nội", "follows_up")
    # a quoted title that cites a document of its own stays whole
    assert d["1229"]["subject"].endswith("triển khai thực hiện Quyết định số 142/QĐ-TTg ngày 02/02/2024 của "
                                         "Thủ tướng Chính phủ phê duyệt Chiến lược dữ liệu Quốc gia”")


def test_a_footnote_mark_ends_the_issuer():
    s = ("II. PHẠM VI HỖ TRỢ\nƯu tiên 40 xã, phường theo Quyết định số 02110/QĐ-UBND ngày 20/11/2025 của "
         "UBND tỉnh[1], là các địa bàn bị ngập sâu, chia cắt, thiệt hại lớn về người và tài sản.")
    [v] = refs(s, DAK_LAK)
    assert v["issuer"] == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert v["text"] == "Quyết định số 02110/QĐ-UBND ngày 20/11/2025 của UBND tỉnh"


# --- relations -------------------------------------------------------------------------------------
def test_implements_through_chi_dao_cua_tai():
    s = ("Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện số 225/CĐ-TTg ngày 20/11/2025 về việc "
         "tập trung ứng phó và khắc phục hậu quả mưa lũ đặc biệt lớn tại khu vực Trung Bộ, Bộ Xây dựng yêu "
         "cầu các cơ quan, đơn vị:")
    [v] = refs(s, BXD)
    assert (v["number"], v["issuer"], v["relation"], v["trigger"]) == \
        ("225", "Thủ tướng Chính phủ", "implements", "chỉ đạo của")
    assert v["subject"] == "tập trung ứng phó và khắc phục hậu quả mưa lũ đặc biệt lớn tại khu vực Trung Bộ"


def test_follows_up_the_issuers_own_dispatch_and_implements_another_bodys():
    s = ("1. Quán triệt, tổ chức thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ tại Công điện số "
         "225/CĐ-TTg ngày 20/11/2025; tiếp tục thực hiện Công điện số 94/CĐ-BXD ngày 20/11/2025 của Bộ Xây "
         "dựng và chỉ đạo của các cấp có thẩm quyền.")
    r = by_number(refs(s, BXD))
    assert (r["225"]["relation"], r["94"]["relation"]) == ("implements", "follows_up")
    assert r["94"]["trigger"] == "tiếp tục thực hiện"
    assert r["94"]["issuer"] == "Bộ Xây dựng"
    s = ("tiếp theo Công điện số 227/CĐ-TTg ngày 23/11/2025 của Thủ tướng Chính phủ và Nghị quyết số "
         "380/NQ-CP ngày 25/11/2025 của Chính phủ, Thủ tướng Chính phủ yêu cầu:")
    r = by_number(refs(s, ctx("Thủ tướng Chính phủ", "central", number="232", symbol="CĐ-TTg")))
    assert (r["227"]["relation"], r["380"]["relation"]) == ("follows_up", "implements")
    assert (r["227"]["date"], r["380"]["date"]) == ("2025-11-23", "2025-11-25")


def test_follows_up_an_earlier_dispatch_told_as_a_story():
    s = ("Ngày 30/7/2020, UBND tỉnh đã có Công văn số 6751/UBND-CT về triển khai ứng dụng Bluezone; tuy "
         "nhiên, theo thống kê tính đến ngày 13/8/2020, tỉnh Thừa Thiên Huế mới có 183.620 thuê bao/1.128.620 "
         "dân số cài đặt ứng dụng Bluezone.")
    [v] = refs(s, HUE)
    assert (v["number"], v["symbol"], v["date"], v["issuer"], v["relation"], v["trigger"]) == \
        ("6751", "UBND-CT", "2020-07-30", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "follows_up", "đã có")
    s = ("Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số 3280/UBND-VX "
         "về việc triển khai cập nhật cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức.")
    [v] = refs(s, HCM)
    assert (v["date"], v["issuer"], v["relation"]) == \
        ("2025-10-28", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "follows_up")


def test_requested_by():
    [v] = refs("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;", HCM)
    assert (v["doc_type"], v["number"], v["symbol"], v["date"], v["issuer"], v["relation"], v["trigger"]) == \
        ("Tờ trình", "9807", "TTr-SNV", "2025-11-25", "Sở Nội vụ Thành phố Hồ Chí Minh", "requested_by",
         "Theo đề nghị của")
    s = ("Đề nghị của Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu tại công văn số 151/STTTT-TTBCXB "
         "ngày 03/02/2021 về việc đẩy mạnh tuyên truyền cài đặt ứng dụng Bluezone, UBND thành phố Vũng Tàu "
         "có ý kiến như sau:")
    [v] = refs(s, VUNG_TAU)
    assert (v["issuer"], v["relation"], v["date"]) == \
        ("Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu", "requested_by", "2021-02-03")


def test_a_citation_in_parentheses_only_references():
    t = corpus_text("001_741c13397cfce331")
    r = by_number(refs(t, HUONG_HOA))
    assert (r["3733"]["issuer"], r["3733"]["relation"]) == ("Ủy ban nhân dân tỉnh Quảng Trị", "implements")
    v = r["960"]
    assert (v["date"], v["issuer"], v["relation"], v["trigger"]) == \
        ("2020-08-12", "Ủy ban nhân dân huyện Hướng Hóa", "references", None)


def test_can_cu_a_plan_of_the_citing_body_is_implemented():
    s = ("Căn cứ Phương án 02600/PA-UBND ngày 18/8/2025 của UBND tỉnh Đắk Lắk về ứng phó thiên tai năm 2025 "
         "trên địa bàn tỉnh Đắk Lắk; Quyết định số 02110/QĐ-UBND ngày 20/11/2025 của UBND tỉnh Đắk Lắk về "
         "công bố tình huống khẩn cấp về thiên tai đối với 40 xã, phường trên địa bàn tỉnh;")
    r = refs(s, DAK_LAK)
    assert [(v["doc_type"], v["number"], v["issuer"], v["relation"]) for v in r] == [
        ("Phương án", "02600", "Ủy ban nhân dân tỉnh Đắk Lắk", "implements"),
        ("Quyết định", "02110", "Ủy ban nhân dân tỉnh Đắk Lắk", "implements"),
    ]


# --- issuers ---------------------------------------------------------------------------------------
def test_joint_issuers_are_read_from_a_compound_symbol():
    s = ("Căn cứ Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ ngày 24/01/2025 về thực hiện công tác vận động, "
         "tiếp nhận, phân phối và sử dụng các nguồn đóng góp tự nguyện;")
    [v] = refs(s, DAK_LAK)
    assert v["doc_type"] == "Quy chế"
    assert v["issuer"] == ("Ủy ban nhân dân tỉnh Đắk Lắk, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk, "
                           "Hội Chữ thập đỏ tỉnh Đắk Lắk")
    assert v["relation"] == "implements"


@pytest.mark.parametrize("symbol, names", [
    ("CT-TTg", ["Thủ tướng Chính phủ"]),
    ("2020/NĐ-CP", ["Chính phủ"]),
    ("CĐ-BXD", ["Bộ Xây dựng"]),
    ("UBND-VX", ["Ủy ban nhân dân"]),
    ("UBND-VP", ["Ủy ban nhân dân"]),                       # VP after the issuer: the drafting unit
    ("QCPH-UBND-UBMT-HCTĐ", ["Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Chữ thập đỏ"]),
    ("STTTT-TTBCXB", ["Sở Thông tin và Truyền thông"]),
    ("2025/QH15", ["Quốc hội"]),
    ("XYZ-AB", []),
])
def test_issuer_part_of_a_symbol(symbol, names):
    assert [r["name"] for r in symbol_issuers(symbol)] == names


def test_canonical_issuer_fills_in_the_place():
    assert canonical_issuer("UBND tỉnh", LAI_CHAU) == "Ủy ban nhân dân tỉnh Lai Châu"
    assert canonical_issuer("Ủy ban nhân dân huyện", HUONG_HOA) == "Ủy ban nhân dân huyện Hướng Hóa"
    assert canonical_issuer("UBND Thành phố", HANOI) == "Ủy ban nhân dân Thành phố Hà Nội"
    assert canonical_issuer("Giám đốc Sở Nội vụ", HCM) == "Sở Nội vụ Thành phố Hồ Chí Minh"
    assert canonical_issuer("Cục Tin học hóa", VUNG_TAU) == "Cục Tin học hóa"
    # a name printed with a comma for its dash (or none) takes its usual spelling
    assert canonical_issuer("Bộ trưởng Bộ Lao động, Thương binh và Xã hội", CP) == \
        "Bộ Lao động - Thương binh và Xã hội"
    assert canonical_issuer("Bộ trưởng\n\nBộ Lao động Thương binh và Xã hội", CP) == \
        "Bộ Lao động - Thương binh và Xã hội"


def test_a_symbol_names_the_issuer_when_the_text_does_not():
    [v] = refs("Để tập trung ứng phó mưa lũ, tiếp theo Công điện số 217/CĐ-TTg, Thủ tướng Chính phủ yêu cầu:", TTG)
    assert v["issuer"] == "Thủ tướng Chính phủ"


# --- whole documents --------------------------------------------------------------------------------
@pytest.mark.parametrize("stem, c, expected", [
    ("004_cd-96-bxd-ung-pho-mua-lu-trung-bo", BXD, [("225", "implements"), ("94", "follows_up")]),
    ("016_cv-4240-ubnd-vx-hcm-csdl-can-bo-cong-chuc", HCM, [("3280", "follows_up"), ("9807", "requested_by")]),
    ("001_cd-217-ttg-phong-tranh-mua-lu-trung-bo", TTG, []),
    ("002_b3a489e30b7b244b", ctx("Ủy ban nhân dân huyện Vĩnh Tường", "district", "Vĩnh Phúc", "Vĩnh Tường",
                                 None, "UBND-VP"), []),
])
def test_whole_documents(stem, c, expected):
    assert [(v["number"], v["relation"]) for v in refs(corpus_text(stem), c)] == expected
