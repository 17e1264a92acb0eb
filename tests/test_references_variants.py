"""References in the shapes real dispatches write them, beyond the corpus texts: other provinces,
communes after the 2025 merger, Sở, ministries, Party bodies, other years; dates in every
spelling; lists; footnotes; capitals, markdown, old tone marks and crawl-style hard wraps.

Each case asserts, for every citation found, (doc_type, number, symbol, date, issuer, relation).
"""
import pytest

from extractors.references import extract_references
from pipeline.normalize import normalize


def ctx(name, level, province=None, district=None, number=None, symbol=None, doc_type=None):
    return {"doc_type": doc_type, "number": number, "symbol": symbol, "issued_date": None, "place": None,
            "issuer": {"name": name, "level": level, "province": province, "district": district}}


QUANG_NGAI = ctx("Ủy ban nhân dân tỉnh Quảng Ngãi", "province", "Quảng Ngãi", number="512", symbol="UBND-KGVX")
KHANH_HOA = ctx("Ủy ban nhân dân tỉnh Khánh Hòa", "province", "Khánh Hòa", number="77", symbol="KH-UBND",
                doc_type="Kế hoạch")
DA_NANG = ctx("Ủy ban nhân dân Thành phố Đà Nẵng", "province", "Đà Nẵng", number="3120", symbol="UBND-NC")
SYT_NGHE_AN = ctx("Sở Y tế tỉnh Nghệ An", "province", "Nghệ An", number="2231", symbol="SYT-NVY")
SNV_CAN_THO = ctx("Sở Nội vụ Thành phố Cần Thơ", "province", "Cần Thơ", number="940", symbol="SNV-CCVC")
XA_BINH_MINH = ctx("Ủy ban nhân dân xã Bình Minh", "commune", "Tây Ninh", number="45", symbol="UBND-VP")
PHUONG_HAI_CHAU = ctx("Ủy ban nhân dân phường Hải Châu", "commune", "Đà Nẵng", number="88", symbol="KH-UBND",
                      doc_type="Kế hoạch")
HUYEN_TAM_DAO = ctx("Ủy ban nhân dân huyện Tam Đảo", "district", "Vĩnh Phúc", "Tam Đảo", "315", "UBND-VP")
BO_Y_TE = ctx("Bộ Y tế", "central", number="6120", symbol="BYT-KCB")
TTG = ctx("Thủ tướng Chính phủ", "central", number="114", symbol="CĐ-TTg", doc_type="Công điện")


def refs(text, c):
    return [f.value for f in extract_references(normalize(text), c)]


def rows(text, c):
    return [(v["doc_type"], v["number"], v["symbol"], v["date"], v["issuer"], v["relation"]) for v in refs(text, c)]


CASES = [
    # --- legal bases ("Căn cứ …") ------------------------------------------------------------------
    ("luat-named-no-date",
     "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", QUANG_NGAI,
     [("Luật", "72", "2025/QH15", None, "Quốc hội", "implements")]),
    ("luat-named-with-date",
     "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;", KHANH_HOA,
     [("Luật", "72", "2025/QH15", "2025-06-16", "Quốc hội", "implements")]),
    ("bo-luat",
     "Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;", SYT_NGHE_AN,
     [("Bộ luật", "45", "2019/QH14", "2019-11-20", "Quốc hội", "implements")]),
    ("nghi-dinh-full",
     "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
     QUANG_NGAI,
     [("Nghị định", "30", "2020/NĐ-CP", "2020-03-05", "Chính phủ", "implements")]),
    ("thong-tu-bare",
     "Căn cứ Thông tư số 01/2011/TT-BNV;", SNV_CAN_THO,
     [("Thông tư", "01", "2011/TT-BNV", None, "Bộ Nội vụ", "implements")]),
    ("thong-tu-with-minister",
     "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ trưởng Bộ Nội vụ hướng dẫn thể "
     "thức và kỹ thuật trình bày văn bản hành chính;", SNV_CAN_THO,
     [("Thông tư", "01", "2011/TT-BNV", "2011-01-19", "Bộ Nội vụ", "implements")]),
    ("quyet-dinh-ubnd-tinh-from-a-so",
     "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/6/2025 của UBND tỉnh về việc ban hành Quy chế làm việc;",
     SYT_NGHE_AN,
     [("Quyết định", "1234", "QĐ-UBND", "2025-06-15", "Ủy ban nhân dân tỉnh Nghệ An", "implements")]),
    ("quyet-dinh-ubnd-tinh-own",
     "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/6/2025 của UBND tỉnh về việc ban hành Quy chế làm việc;",
     QUANG_NGAI,
     [("Quyết định", "1234", "QĐ-UBND", "2025-06-15", "Ủy ban nhân dân tỉnh Quảng Ngãi", "implements")]),
    ("hard-wrapped-basis",
     "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công\ntác văn thư; "
     "Quyết định số 2345/QĐ-UBND ngày 01/7/2025 của Ủy ban nhân dân Thành phố Đà Nẵng\nvề việc ban hành "
     "Quy chế làm việc;", SNV_CAN_THO,
     [("Nghị định", "30", "2020/NĐ-CP", "2020-03-05", "Chính phủ", "implements"),
      ("Quyết định", "2345", "QĐ-UBND", "2025-07-01", "Ủy ban nhân dân Thành phố Đà Nẵng", "implements")]),

    # --- carrying out ("Thực hiện …", "Triển khai …") -------------------------------------------------
    ("party-ket-luan",
     "Thực hiện Kết luận số 213-KL/TW ngày 10/12/2025 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết, "
     "Ủy ban nhân dân tỉnh yêu cầu:", KHANH_HOA,
     [("Kết luận", "213", "KL/TW", "2025-12-10", "Bộ Chính trị", "implements")]),
    ("party-nghi-quyet-bare",
     "Thực hiện Nghị quyết số 57-NQ/TW, Sở Y tế đề nghị các đơn vị:", SYT_NGHE_AN,
     [("Nghị quyết", "57", "NQ/TW", None, "Ban Chấp hành Trung ương Đảng", "implements")]),
    ("chi-thi-without-so",
     "Thực hiện Chỉ thị 05/CT-TTg ngày 28/01/2021 của Thủ tướng Chính phủ, UBND xã Bình Minh đề nghị:",
     XA_BINH_MINH,
     [("Chỉ thị", "05", "CT-TTg", "2021-01-28", "Thủ tướng Chính phủ", "implements")]),
    ("y-kien-chi-dao-tai-van-ban",
     "Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 4567/UBND-KGVX ngày 20/10/2025 về "
     "việc tăng cường phòng, chống dịch sốt xuất huyết, Sở Y tế đề nghị các đơn vị:", SYT_NGHE_AN,
     [("Công văn", "4567", "UBND-KGVX", "2025-10-20", "Ủy ban nhân dân tỉnh Nghệ An", "implements")]),
    ("trien-khai-ke-hoach-from-a-so",
     "Triển khai Kế hoạch số 45/KH-UBND ngày 12/02/2025, Sở Y tế hướng dẫn như sau:", SYT_NGHE_AN,
     [("Kế hoạch", "45", "KH-UBND", "2025-02-12", "Ủy ban nhân dân tỉnh Nghệ An", "implements")]),
    ("trien-khai-ke-hoach-of-the-province-from-a-commune",
     "Triển khai Kế hoạch số 45/KH-UBND ngày 12/02/2025 của UBND tỉnh về chuyển đổi số, UBND xã ban hành "
     "Kế hoạch thực hiện như sau:", XA_BINH_MINH,
     [("Kế hoạch", "45", "KH-UBND", "2025-02-12", "Ủy ban nhân dân tỉnh Tây Ninh", "implements")]),
    ("commune-own-earlier-plan",
     "Tiếp theo Kế hoạch số 31/KH-UBND ngày 02/8/2025 của UBND phường về phòng, chống thiên tai, UBND "
     "phường Hải Châu triển khai:", PHUONG_HAI_CHAU,
     [("Kế hoạch", "31", "KH-UBND", "2025-08-02", "Ủy ban nhân dân phường Hải Châu", "follows_up")]),
    ("commune-cites-a-bare-ubnd-symbol",
     "Thực hiện Công văn số 210/UBND-VP ngày 15/9/2025, Văn phòng HĐND và UBND xã đề nghị:", XA_BINH_MINH,
     [("Công văn", "210", "UBND-VP", "2025-09-15", "Ủy ban nhân dân xã Bình Minh", "follows_up")]),
    ("uppercase-title",
     "KẾ HOẠCH\nTHỰC HIỆN CÔNG ĐIỆN SỐ 114/CĐ-TTG NGÀY 25/8/2025 CỦA THỦ TƯỚNG CHÍNH PHỦ", KHANH_HOA,
     [("Công điện", "114", "CĐ-TTG", "2025-08-25", "Thủ tướng Chính phủ", "implements")]),
    ("markdown-and-old-tones",
     "**Thực hiện** Công văn số 1520/UBND-KT ngày 3/4/2025 của Uỷ ban nhân dân tỉnh Khánh Hoà về việc "
     "quản lý giá, Sở Tài chính đề nghị:", ctx("Sở Tài chính tỉnh Khánh Hòa", "province", "Khánh Hòa"),
     [("Công văn", "1520", "UBND-KT", "2025-04-03", "Ủy ban nhân dân tỉnh Khánh Hòa", "implements")]),

    # --- requests, follow-ups ---------------------------------------------------------------------------
    ("theo-de-nghi-giam-doc-so",
     "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25/11/2025;", QUANG_NGAI,
     [("Tờ trình", "9807", "TTr-SNV", "2025-11-25", "Sở Nội vụ tỉnh Quảng Ngãi", "requested_by")]),
    ("theo-de-nghi-central-city",
     "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 812/TTr-SNV ngày 02 tháng 10 năm 2025.", DA_NANG,
     [("Tờ trình", "812", "TTr-SNV", "2025-10-02", "Sở Nội vụ Thành phố Đà Nẵng", "requested_by")]),
    ("xet-de-nghi",
     "Xét đề nghị của Sở Tài chính tại Tờ trình số 215/TTr-STC ngày 3/9/2025.", QUANG_NGAI,
     [("Tờ trình", "215", "TTr-STC", "2025-09-03", "Sở Tài chính tỉnh Quảng Ngãi", "requested_by")]),
    ("xet-de-nghi-ministry-side",
     "Xét đề nghị của Cục trưởng Cục Quản lý khám, chữa bệnh tại Tờ trình số 77/TTr-KCB ngày 14/3/2025,",
     BO_Y_TE,
     [("Tờ trình", "77", "TTr-KCB", "2025-03-14", "Cục Quản lý Khám, chữa bệnh", "requested_by")]),
    ("tiep-theo-own-dispatch",
     "Tiếp theo Công văn số 123/UBND-VX ngày 10/9/2025 của UBND tỉnh về việc phòng, chống dịch bệnh, Ủy ban "
     "nhân dân tỉnh yêu cầu:", QUANG_NGAI,
     [("Công văn", "123", "UBND-VX", "2025-09-10", "Ủy ban nhân dân tỉnh Quảng Ngãi", "follows_up")]),
    ("phuc-dap",
     "Phúc đáp Công văn số 3312/SXD-QLXD ngày 8/10/2025 của Sở Xây dựng về việc góp ý dự thảo, Sở Tư pháp "
     "có ý kiến như sau:", ctx("Sở Tư pháp tỉnh Quảng Ngãi", "province", "Quảng Ngãi"),
     [("Công văn", "3312", "SXD-QLXD", "2025-10-08", "Sở Xây dựng tỉnh Quảng Ngãi", "requested_by")]),

    # --- other citations ----------------------------------------------------------------------------------
    ("article-of-a-decree",
     "Việc lập hồ sơ được thực hiện theo quy định tại Điều 5 Nghị định số 30/2020/NĐ-CP.", SYT_NGHE_AN,
     [("Nghị định", "30", "2020/NĐ-CP", None, "Chính phủ", "references")]),
    ("parenthesised",
     "Ủy ban nhân dân huyện đã chỉ đạo các xã rà soát (theo Công văn số 960/UBND-VP ngày 12/8/2020 của Ủy "
     "ban nhân dân huyện).", HUYEN_TAM_DAO,
     [("Công văn", "960", "UBND-VP", "2020-08-12", "Ủy ban nhân dân huyện Tam Đảo", "references")]),
    ("footnote-superscript",
     "Các cơ sở khám, chữa bệnh tiếp tục thực hiện nghiêm các quy định hiện hành.\n\n"
     "¹ Công văn số 1234/BYT-KCB ngày 02/10/2025 của Bộ Y tế về việc tăng cường công tác khám, chữa bệnh.",
     SYT_NGHE_AN,
     [("Công văn", "1234", "BYT-KCB", "2025-10-02", "Bộ Y tế", "references")]),
    ("footnote-bracket",
     "[2] Công văn số 4410/UBND-KT ngày 05-3-2025 của UBND Thành phố.", DA_NANG,
     [("Công văn", "4410", "UBND-KT", "2025-03-05", "Ủy ban nhân dân Thành phố Đà Nẵng", "references")]),
    ("van-ban-is-a-cong-van",
     "Ngày 3/4/2025, Sở Y tế đã có Văn bản số 1520/SYT-NVY gửi các đơn vị; đến nay vẫn còn đơn vị chưa báo "
     "cáo.", SYT_NGHE_AN,
     [("Công văn", "1520", "SYT-NVY", "2025-04-03", "Sở Y tế tỉnh Nghệ An", "follows_up")]),
    ("thong-bao-ket-luan",
     "Thực hiện Thông báo kết luận số 12/TB-VPCP ngày 10/01/2026 của Văn phòng Chính phủ về kết luận của "
     "Thủ tướng Chính phủ tại cuộc họp, Bộ Y tế đề nghị:", BO_Y_TE,
     [("Thông báo", "12", "TB-VPCP", "2026-01-10", "Văn phòng Chính phủ", "implements")]),
    ("thong-bao-ket-luan-issuer-from-symbol",
     "Thực hiện Thông báo kết luận số 12/TB-VPCP ngày 10/01/2026, Bộ Y tế đề nghị:", BO_Y_TE,
     [("Thông báo", "12", "TB-VPCP", "2026-01-10", "Văn phòng Chính phủ", "implements")]),
    ("cong-dien-ministry",
     "Thực hiện Công điện số 96/CĐ-BXD ngày 22/11/2025 của Bộ Xây dựng, Sở Xây dựng yêu cầu:",
     ctx("Sở Xây dựng tỉnh Khánh Hòa", "province", "Khánh Hòa"),
     [("Công điện", "96", "CĐ-BXD", "2025-11-22", "Bộ Xây dựng", "implements")]),
    ("mixed-case-and-d-symbols",
     "Căn cứ Quyết định số 135/QĐ-BLĐTBXH ngày 09/02/2023 và Thông tư số 04/2025/TT-BLĐTBXH ngày "
     "10/02/2025 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội;", SNV_CAN_THO,
     [("Quyết định", "135", "QĐ-BLĐTBXH", "2023-02-09", "Bộ Lao động - Thương binh và Xã hội", "implements"),
      ("Thông tư", "04", "2025/TT-BLĐTBXH", "2025-02-10", "Bộ Lao động - Thương binh và Xã hội", "implements")]),
    ("symbol-typed-without-diacritics",
     "Thực hiện Quyết định số 1580/QD-UBND ngày 20/8/2025 của UBND tỉnh, Sở Y tế triển khai:", SYT_NGHE_AN,
     [("Quyết định", "1580", "QD-UBND", "2025-08-20", "Ủy ban nhân dân tỉnh Nghệ An", "implements")]),
    ("symbol-without-diacritics-ministry",
     "Căn cứ Thông tư số 15/2024/TT-BLDTBXH;", SNV_CAN_THO,
     [("Thông tư", "15", "2024/TT-BLDTBXH", None, "Bộ Lao động - Thương binh và Xã hội", "implements")]),
    ("symbol-without-diacritics-type-from-symbol",
     "Thực hiện văn bản số 15/CD-TTg ngày 02/02/2025 của Thủ tướng Chính phủ, Sở Nội vụ đề nghị:", SNV_CAN_THO,
     [("Công điện", "15", "CD-TTg", "2025-02-02", "Thủ tướng Chính phủ", "implements")]),
    ("type-code-typed-in-lower-case",
     "Căn cứ Quyết định số 12/Qđ-UBND ngày 06/01/2020 của Ủy ban nhân dân huyện về việc giao chỉ tiêu;",
     HUYEN_TAM_DAO,
     [("Quyết định", "12", "Qđ-UBND", "2020-01-06", "Ủy ban nhân dân huyện Tam Đảo", "implements")]),
    ("party-huong-dan",
     "Thực hiện Hướng dẫn số 05-HD/BTGTW ngày 12/3/2024 của Ban Tuyên giáo Trung ương, Sở Văn hóa, Thể "
     "thao và Du lịch đề nghị:", ctx("Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An", "province", "Nghệ An"),
     [("Hướng dẫn", "05", "HD/BTGTW", "2024-03-12", "Ban Tuyên giáo Trung ương", "implements")]),
    ("party-huong-dan-issuer-from-symbol",
     "Thực hiện Hướng dẫn số 05-HD/BTGTW, Sở đề nghị:", ctx("Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An",
                                                               "province", "Nghệ An"),
     [("Hướng dẫn", "05", "HD/BTGTW", None, "Ban Tuyên giáo Trung ương", "implements")]),
    ("party-quy-dinh",
     "Quán triệt Quy định số 144-QĐ/TW ngày 09/5/2024 của Bộ Chính trị về chuẩn mực đạo đức cách mạng của "
     "cán bộ, đảng viên trong giai đoạn mới.", QUANG_NGAI,
     [("Quy định", "144", "QĐ/TW", "2024-05-09", "Bộ Chính trị", "implements")]),
    ("provincial-party-committee",
     "Thực hiện Chỉ thị số 35-CT/TU ngày 14/6/2024 của Ban Thường vụ Tỉnh ủy, UBND tỉnh yêu cầu:", QUANG_NGAI,
     [("Chỉ thị", "35", "CT/TU", "2024-06-14", "Ban Thường vụ Tỉnh ủy Quảng Ngãi", "implements")]),

    ("hdnd-resolution",
     "Căn cứ Nghị quyết số 25/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh quy định mức chi;",
     QUANG_NGAI,
     [("Nghị quyết", "25", "2025/NQ-HĐND", "2025-07-10", "Hội đồng nhân dân tỉnh Quảng Ngãi", "implements")]),
    ("hdnd-resolution-issuer-from-symbol",
     "Căn cứ Nghị quyết số 25/2025/NQ-HĐND;", QUANG_NGAI,
     [("Nghị quyết", "25", "2025/NQ-HĐND", None, "Hội đồng nhân dân tỉnh Quảng Ngãi", "implements")]),
    ("another-provinces-dispatch",
     "Thực hiện Công văn số 55/UBND-KT ngày 3/3/2025 của UBND tỉnh Gia Lai về phối hợp cứu trợ, UBND tỉnh "
     "Khánh Hòa đề nghị:", KHANH_HOA,
     [("Công văn", "55", "UBND-KT", "2025-03-03", "Ủy ban nhân dân tỉnh Gia Lai", "implements")]),
    ("city-party-committee",
     "Thực hiện Chỉ thị số 30-CT/TU ngày 5/6/2024 của Ban Thường vụ Thành ủy về tăng cường kỷ luật, UBND "
     "Thành phố yêu cầu:", DA_NANG,
     [("Chỉ thị", "30", "CT/TU", "2024-06-05", "Ban Thường vụ Thành ủy Đà Nẵng", "implements")]),
    ("city-party-committee-from-symbol",
     "Thực hiện Kế hoạch số 245-KH/TU, UBND Thành phố yêu cầu:", DA_NANG,
     [("Kế hoạch", "245", "KH/TU", None, "Thành ủy Đà Nẵng", "implements")]),
    ("old-symbols-without-type-code",
     "Căn cứ Nghị định số 50/CP ngày 26/7/1995 của Chính phủ; Quyết định số 118/TTg ngày 27/02/1996;", BO_Y_TE,
     [("Nghị định", "50", "CP", "1995-07-26", "Chính phủ", "implements"),
      ("Quyết định", "118", "TTg", "1996-02-27", "Thủ tướng Chính phủ", "implements")]),
    ("crawl-wrap-inside-the-date",
     "Thực hiện Công văn số 1234/UBND-KGVX ngày 15\ntháng 10 năm 2025 của Ủy ban nhân dân tỉnh về việc rà\n"
     "soát, Sở Y tế đề nghị:", SYT_NGHE_AN,
     [("Công văn", "1234", "UBND-KGVX", "2025-10-15", "Ủy ban nhân dân tỉnh Nghệ An", "implements")]),
    ("can-cu-a-provision",
     "Căn cứ quy định tại khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", QUANG_NGAI,
     [("Nghị định", "30", "2020/NĐ-CP", "2020-03-05", "Chính phủ", "implements")]),
    ("thuc-hien-a-provision",
     "Thực hiện quy định tại Điều 12 Thông tư số 01/2011/TT-BNV, Sở Nội vụ hướng dẫn:", SNV_CAN_THO,
     [("Thông tư", "01", "2011/TT-BNV", None, "Bộ Nội vụ", "implements")]),
    ("xet-inside-a-sentence-is-no-request",
     "Hồ sơ xét tuyển theo Thông tư số 06/2020/TT-BGDĐT ngày 19/3/2020 của Bộ Giáo dục và Đào tạo.",
     ctx("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", "province", "Quảng Ngãi"),
     [("Thông tư", "06", "2020/TT-BGDĐT", "2020-03-19", "Bộ Giáo dục và Đào tạo", "references")]),
    ("joint-circular-issuers-named-in-the-text",
     "Thông tư liên tịch 21/2016/TTLT-\n\nBLĐTBXH-BCA-BNG ngày\n\n29/6/2016 của Bộ Lao động\n\nThương binh và Xã "
     "hội, Bộ Công an, Bộ Ngoại giao về việc hướng dẫn thực hiện", SNV_CAN_THO,
     [("Thông tư liên tịch", "21", "2016/TTLT-BLĐTBXH-BCA-BNG", "2016-06-29",
       "Bộ Lao động - Thương binh và Xã hội, Bộ Công an, Bộ Ngoại giao", "references")]),
    ("joint-circular",
     "Căn cứ Thông tư liên tịch số 35/2015/TTLT-BLĐTBXH-BNV ngày 16/9/2015;", SNV_CAN_THO,
     [("Thông tư liên tịch", "35", "2015/TTLT-BLĐTBXH-BNV", "2015-09-16",
       "Bộ Lao động - Thương binh và Xã hội, Bộ Nội vụ", "implements")]),

    # --- gazette tables: cells wrap a citation over lines (real rows of Công báo PDFs) -------------------
    ("symbol-broken-after-its-dash",
     "Được thay thế bởi Thông tư số 05/2023/TT-\n\nBLĐTBXH ngày 15/6/2023 của Bộ trưởng Bộ\n\nLao động - "
     "Thương binh và Xã hội ban hành\n\nDanh mục ngành, nghề", SNV_CAN_THO,
     [("Thông tư", "05", "2023/TT-BLĐTBXH", "2023-06-15", "Bộ Lao động - Thương binh và Xã hội", "references")]),
    ("symbol-broken-after-its-year",
     "Thông tư liên tịch số 17/2014/\n\nTTLT-BLĐTBXH-BTC ngày 01 tháng 8 năm 2014 của Bộ Lao động - Thương "
     "binh và Xã hội, Bộ\n\nTài chính hướng dẫn thực hiện trợ cấp", SNV_CAN_THO,
     [("Thông tư liên tịch", "17", "2014/TTLT-BLĐTBXH-BTC", "2014-08-01",
       "Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính", "references")]),
    ("issuer-broken-over-a-cell",
     "theo Quyết định số 57/2013/QĐ-TTg ngày 14 tháng 10 năm 2013 của Thủ tướng\n\nChính phủ\n\n- Điểm b "
     "khoản 2 Điều 4;", SNV_CAN_THO,
     [("Quyết định", "57", "2013/QĐ-TTg", "2013-10-14", "Thủ tướng Chính phủ", "references")]),
    ("a-replaced-decision-is-only-referred-to",
     "Điều 6. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1480/QĐ-TTg ngày 03 "
     "tháng 7 năm 2025 của Thủ tướng Chính phủ kiện toàn Ban Chỉ đạo Trung ương.", TTG,
     [("Quyết định", "1480", "QĐ-TTg", "2025-07-03", "Thủ tướng Chính phủ", "references")]),
    ("a-provision-of-a-circular-is-only-referred-to",
     "1. Nhiệm vụ\n\nThực hiện theo Bản mô tả công việc và khung năng lực vị trí việc làm được quy định tại Phụ "
     "lục V.4 kèm theo Thông tư số 11/2023/TT-BLĐTBXH ngày 17 tháng 10 năm 2023 của Bộ trưởng Bộ Lao động - "
     "Thương binh và Xã hội.", ctx("Bộ Lao động - Thương binh và Xã hội", "central", number="04",
                                  symbol="2025/TT-BLĐTBXH", doc_type="Thông tư"),
     [("Thông tư", "11", "2023/TT-BLĐTBXH", "2023-10-17", "Bộ Lao động - Thương binh và Xã hội", "references")]),

    # --- lists ------------------------------------------------------------------------------------------
    ("list-one-trailing-date",
     "Căn cứ các Quyết định số 1/QĐ-UBND, số 2/QĐ-UBND ngày 05/01/2025 của UBND tỉnh;", QUANG_NGAI,
     [("Quyết định", "1", "QĐ-UBND", None, "Ủy ban nhân dân tỉnh Quảng Ngãi", "implements"),
      ("Quyết định", "2", "QĐ-UBND", "2025-01-05", "Ủy ban nhân dân tỉnh Quảng Ngãi", "implements")]),
    ("list-cung-ngay",
     "Thực hiện các Công văn số 118/BYT-KCB và số 121/BYT-KCB cùng ngày 05/01/2025 của Bộ Y tế, Sở Y tế "
     "đề nghị:", SYT_NGHE_AN,
     [("Công văn", "118", "BYT-KCB", "2025-01-05", "Bộ Y tế", "implements"),
      ("Công văn", "121", "BYT-KCB", "2025-01-05", "Bộ Y tế", "implements")]),
    ("list-dated-one-by-one",
     "Tiếp theo các Công điện số 05/CĐ-UBND ngày 01/10/2025, số 06/CĐ-UBND và số 07/CĐ-UBND ngày 03/10/2025 "
     "của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu:", KHANH_HOA,
     [("Công điện", "05", "CĐ-UBND", "2025-10-01", "Ủy ban nhân dân tỉnh Khánh Hòa", "follows_up"),
      ("Công điện", "06", "CĐ-UBND", "2025-10-03", "Ủy ban nhân dân tỉnh Khánh Hòa", "follows_up"),
      ("Công điện", "07", "CĐ-UBND", "2025-10-03", "Ủy ban nhân dân tỉnh Khánh Hòa", "follows_up")]),
    ("list-dated-one-by-one-numbers-apart",
     "Căn cứ các Công văn: số 1502/BYT-KCB ngày 01/4/2025, số 1561/BYT-KCB và số 1570/BYT-KCB ngày 04/4/2025 "
     "của Bộ Y tế;", SYT_NGHE_AN,
     [("Công văn", "1502", "BYT-KCB", "2025-04-01", "Bộ Y tế", "implements"),
      ("Công văn", "1561", "BYT-KCB", "2025-04-04", "Bộ Y tế", "implements"),
      ("Công văn", "1570", "BYT-KCB", "2025-04-04", "Bộ Y tế", "implements")]),
    ("list-consecutive-numbers-one-trailing-date",
     "tiếp theo các Công điện số 110/CĐ-TTg, 111/CĐ-TTg và 112/CĐ-TTg ngày 20/8/2025, Thủ tướng Chính phủ "
     "yêu cầu:", TTG,
     [("Công điện", "110", "CĐ-TTg", None, "Thủ tướng Chính phủ", "follows_up"),
      ("Công điện", "111", "CĐ-TTg", None, "Thủ tướng Chính phủ", "follows_up"),
      ("Công điện", "112", "CĐ-TTg", "2025-08-20", "Thủ tướng Chính phủ", "follows_up")]),
    ("list-of-prime-minister-dispatches",
     "tiếp theo các Công điện số 110/CĐ-TTg, 111/CĐ-TTg và 113/CĐ-TTg ngày 20/8/2025, Thủ tướng Chính phủ "
     "yêu cầu:", TTG,
     [("Công điện", "110", "CĐ-TTg", None, "Thủ tướng Chính phủ", "follows_up"),
      ("Công điện", "111", "CĐ-TTg", None, "Thủ tướng Chính phủ", "follows_up"),
      ("Công điện", "113", "CĐ-TTg", "2025-08-20", "Thủ tướng Chính phủ", "follows_up")]),

    # --- dates ------------------------------------------------------------------------------------------
    ("date-slashes-short",
     "Thực hiện Công văn số 88/SGDĐT-GDTrH ngày 5/3/2025 của Sở Giáo dục và Đào tạo, Phòng Văn hóa - Xã "
     "hội đề nghị:", XA_BINH_MINH,
     [("Công văn", "88", "SGDĐT-GDTrH", "2025-03-05", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "implements")]),
    ("date-dashes",
     "Thực hiện Công văn số 88/SGDĐT-GDTrH ngày 05-3-2025, Phòng Văn hóa - Xã hội đề nghị:", XA_BINH_MINH,
     [("Công văn", "88", "SGDĐT-GDTrH", "2025-03-05", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "implements")]),
    ("date-written-out",
     "Thực hiện Công văn số 88/SGDĐT-GDTrH ngày 05 tháng 3 năm 2025, Phòng Văn hóa - Xã hội đề nghị:",
     XA_BINH_MINH,
     [("Công văn", "88", "SGDĐT-GDTrH", "2025-03-05", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "implements")]),
    ("date-dots",
     "Thực hiện Công văn số 88/SGDĐT-GDTrH ngày 05.03.2025, Phòng Văn hóa - Xã hội đề nghị:", XA_BINH_MINH,
     [("Công văn", "88", "SGDĐT-GDTrH", "2025-03-05", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "implements")]),
    ("date-missing",
     "Thực hiện Công văn số 88/SGDĐT-GDTrH của Sở Giáo dục và Đào tạo, Phòng Văn hóa - Xã hội đề nghị:",
     XA_BINH_MINH,
     [("Công văn", "88", "SGDĐT-GDTrH", None, "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", "implements")]),
    ("date-after-issuer",
     "Thực hiện Kế hoạch số 140/KH-UBND của Ủy ban nhân dân tỉnh ngày 18/7/2025, xã Bình Minh triển khai:",
     XA_BINH_MINH,
     [("Kế hoạch", "140", "KH-UBND", "2025-07-18", "Ủy ban nhân dân tỉnh Tây Ninh", "implements")]),
]


@pytest.mark.parametrize("text, c, expected", [pytest.param(t, c, e, id=i) for i, t, c, e in CASES])
def test_citation_shapes(text, c, expected):
    assert rows(text, c) == expected


# --- issuer from the symbol -------------------------------------------------------------------------
MINISTRIES = [
    ("BYT", "Bộ Y tế"), ("BGDĐT", "Bộ Giáo dục và Đào tạo"), ("BNV", "Bộ Nội vụ"), ("BTC", "Bộ Tài chính"),
    ("BCA", "Bộ Công an"), ("BQP", "Bộ Quốc phòng"), ("BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("BKHCN", "Bộ Khoa học và Công nghệ"), ("BXD", "Bộ Xây dựng"), ("BCT", "Bộ Công Thương"),
    ("BTP", "Bộ Tư pháp"), ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("BNG", "Bộ Ngoại giao"),
    ("BDTTG", "Bộ Dân tộc và Tôn giáo"), ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("TTCP", "Thanh tra Chính phủ"), ("KTNN", "Kiểm toán Nhà nước"), ("VPCP", "Văn phòng Chính phủ"),
]


@pytest.mark.parametrize("code, name", MINISTRIES)
def test_a_ministrys_symbol_names_it(code, name):
    s = f"Thực hiện Công văn số 2150/{code}-VP ngày 14/10/2025 về việc rà soát số liệu, Sở Nội vụ đề nghị:"
    assert rows(s, SNV_CAN_THO) == [("Công văn", "2150", f"{code}-VP", "2025-10-14", name, "implements")]


SO = [
    ("SYT", "Sở Y tế"), ("SGDĐT", "Sở Giáo dục và Đào tạo"), ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"), ("SXD", "Sở Xây dựng"), ("SCT", "Sở Công Thương"),
    ("STP", "Sở Tư pháp"), ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"), ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo"),
]


@pytest.mark.parametrize("code, name", SO)
def test_a_provincial_departments_symbol_names_it_with_the_citing_province(code, name):
    s = f"Theo đề nghị tại Tờ trình số 301/TTr-{code} ngày 02/12/2025;"
    assert rows(s, QUANG_NGAI) == [("Tờ trình", "301", f"TTr-{code}", "2025-12-02", f"{name} tỉnh Quảng Ngãi",
                                    "requested_by")]
    assert rows(s, DA_NANG)[0][4] == f"{name} Thành phố Đà Nẵng"


# --- not references ---------------------------------------------------------------------------------
NOT_REFERENCES = [
    ("own-header", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 512/UBND-KGVX\n\nQuảng Ngãi, ngày 3 tháng 9 năm 2025",
     QUANG_NGAI),
    ("own-number-in-an-annex", "Phụ lục I\n(Kèm theo Kế hoạch số 77/KH-UBND ngày 12/3/2025 của UBND tỉnh Khánh Hòa)",
     KHANH_HOA),
    ("phone", "Mọi thông tin xin liên hệ: Văn phòng Sở, điện thoại 0238.3844.120, số 0912/345678.", SYT_NGHE_AN),
    ("article", "Điều 5. Trách nhiệm thi hành\nTheo khoản 2 Điều 5 của Quy chế, các đơn vị báo cáo.", QUANG_NGAI),
    ("money", "Hỗ trợ 2.000.000 đồng/hộ, 500.000/người, tổng 1.250/1.300 hộ đã nhận.", QUANG_NGAI),
    ("form", "Báo cáo theo Mẫu số 01/BC-UBND và Biểu số 02/TH kèm theo; Phụ lục số 03/PL-SYT.", SYT_NGHE_AN),
    ("standard", "Thiết kế theo QCVN 01:2021/BXD và TCVN 14423:2025 về nhà ở.", QUANG_NGAI),
    ("gazette-page-header", "CÔNG BÁO/Số 237 + 238/Ngày 21-04-2026\n\n13", QUANG_NGAI),
    ("address", "Địa chỉ: số 12/3A đường Trần Phú, phường Hải Châu; hẻm 25/4 Lê Lợi.", DA_NANG),
    ("forms-in-a-table-cell", "- Mẫu số 01/PLI; Mẫu số\n\n02/PLI; Mẫu số 03/PLI;\n\nMẫu số 06/PLI; Mẫu số\n\n07/PLI;",
     SNV_CAN_THO),
    ("law-without-number", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", QUANG_NGAI),
]


@pytest.mark.parametrize("text, c", [pytest.param(t, c, id=i) for i, t, c in NOT_REFERENCES])
def test_not_references(text, c):
    assert refs(text, c) == []


# --- the Ban Chỉ đạo a text speaks of ----------------------------------------------------------------
def test_a_bare_ban_chi_dao_takes_the_full_name_the_text_gives():
    s = ("Thực hiện chỉ đạo của Ban Chỉ đạo tỉnh tại Công văn số 12/CV-BCĐ ngày 02/9/2025, Ủy ban nhân dân "
         "tỉnh yêu cầu các sở, ngành báo cáo Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh "
         "trước ngày 10/9/2025.")
    [v] = refs(s, QUANG_NGAI)
    assert v["issuer"] == "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Quảng Ngãi"
    assert v["relation"] == "implements"


def test_a_ban_chi_dao_symbol_is_named_from_the_text():
    s = ("Thực hiện Kế hoạch số 05/KH-BCĐ ngày 20/02/2025; Ban Chỉ đạo chuyển đổi số của tỉnh đề nghị các "
         "xã, phường triển khai.")
    [v] = refs(s, ctx("Sở Khoa học và Công nghệ tỉnh Lào Cai", "province", "Lào Cai"))
    assert v["issuer"] == "Ban Chỉ đạo chuyển đổi số tỉnh Lào Cai"


def test_a_ban_chi_dao_the_text_does_not_name_is_left_as_written():
    # "phòng, chống dịch" runs through the text, but no Ban Chỉ đạo is named by its field:
    # the field is not guessed
    s = ("Thực hiện Công văn số 45/BCĐ-VP ngày 01/3/2025 của Ban Chỉ đạo tỉnh, các đơn vị tăng cường công tác "
         "phòng, chống dịch; phòng, chống dịch tả lợn châu Phi; phòng, chống dịch sốt xuất huyết.")
    [v] = refs(s, QUANG_NGAI)
    assert v["issuer"] == "Ban Chỉ đạo tỉnh Quảng Ngãi"


def test_a_ban_chi_huy_is_named_from_the_text():
    s = ("Căn cứ Phương án số 09/PA-BCH ngày 01/6/2025; giao Ban Chỉ huy phòng thủ dân sự tỉnh chủ trì "
         "theo dõi.")
    [v] = refs(s, KHANH_HOA)
    assert (v["doc_type"], v["issuer"]) == ("Phương án", "Ban Chỉ huy phòng thủ dân sự tỉnh Khánh Hòa")

