"""Task variants: the shapes in which Vietnamese dispatches hand out work — công văn items and
paragraphs, lead-in sentences, decisions (Điều …), plans (roman sections, items of bodies, task
tables), công điện — with the bodies of the 2020 map and of the two-level map of July 2025, in the
layouts text readers give (markdown emphasis, crawl-style hard wraps, old tone marks, capitals).
Every fragment is built from the wording of real dispatches; every case asserts ids, parents,
texts, assignees (text and role), delegates, report_to and where deadlines and targets go."""
import textwrap

import pytest

from extractors.tasks import extract_tasks
from pipeline.normalize import normalize


def run(raw: str, **ctx) -> dict[str, dict]:
    t = normalize(raw)
    out = extract_tasks(t, ctx)
    for task in out:
        a, b = task["span"]
        assert t.text[a:b] == task["text"]
        for p in task["assignees"] + task["delegates"] + task["supporting"]:
            assert t.text[p["span"][0]:p["span"][1]] == p["text"] or p["text"].endswith(t.text[p["span"][0]:p["span"][1]])
        for d in task["deadlines"] + task["targets"]:
            assert a <= d["span"][0] < d["span"][1] <= b, (task["id"], d)
    ids = [x["id"] for x in out]
    assert len(ids) == len(set(ids))
    return {x["id"]: x for x in out}


def who(task: dict, key: str = "assignees") -> list[str]:
    return [a["text"] for a in task[key]]


def roles(task: dict) -> list[tuple[str, str | None]]:
    return [(a["text"], a["role"]) for a in task["assignees"]]


def shape(ts: dict) -> list[tuple[str, str | None]]:
    return [(i, t["parent"]) for i, t in ts.items()]


def dates(task: dict) -> list[str | None]:
    return [d["date"] for d in task["deadlines"]]


def wrap(text: str, width: int = 80) -> str:
    """Crawl-style hard wraps: every paragraph broken at ``width`` columns."""
    return "\n".join(textwrap.fill(p, width) if p.strip() else "" for p in text.split("\n"))


HEAD_CV = """ỦY BAN NHÂN DÂN
TỈNH {P}
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: {N}/UBND-KGVX
V/v {S}
{P2}, ngày 12 tháng 9 năm 2025

"""
SIGN = """
Nơi nhận:
- Như trên;
- CT, các PCT UBND tỉnh;
- Lưu: VT, KGVX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""


def cv(body: str, province: str = "QUẢNG NGÃI", place: str = "Quảng Ngãi", number: str = "1234",
       subject: str = "tăng cường công tác phòng, chống dịch bệnh") -> str:
    return HEAD_CV.format(P=province, P2=place, N=number, S=subject) + body + SIGN


# ============================================================================================
# Công văn: numbered items that name their bodies
# ============================================================================================

CV_ITEMS = """Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các xã, phường, đặc khu.

Thời gian qua, tình hình dịch sốt xuất huyết trên địa bàn tỉnh diễn biến phức tạp, số ca mắc tăng 35% so với cùng kỳ năm 2024.

Để chủ động phòng, chống dịch, Chủ tịch UBND tỉnh yêu cầu:

1. Sở Y tế chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tham mưu UBND tỉnh bố trí kinh phí phòng, chống dịch; hoàn thành trước ngày 30/9/2025.

2. Giao Sở Nội vụ hướng dẫn các địa phương kiện toàn Ban Chỉ đạo phòng, chống dịch các cấp.

3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường tuyên truyền, vận động Nhân dân tham gia diệt lăng quăng, bọ gậy.

4. UBND các xã, phường, đặc khu:
a) Chỉ đạo Công an xã, Trạm Y tế xã phối hợp tổ chức chiến dịch vệ sinh môi trường.
b) Bảo đảm 100% hộ gia đình được hướng dẫn các biện pháp phòng bệnh; báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/10/2025 để tổng hợp, báo cáo UBND tỉnh.

Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Công văn này.

Yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, phường, đặc khu nghiêm túc triển khai thực hiện./.
"""


def check_cv_items(ts: dict):
    assert shape(ts) == [("1", None), ("2", None), ("3", None), ("4", None), ("4.a", "4"), ("4.b", "4"),
                         ("5", None)]
    one = ts["1"]
    assert one["text"].startswith("Sở Y tế chủ trì, phối hợp với Sở Tài chính")
    assert roles(one) == [("Sở Y tế", "chủ trì")]
    assert who(one, "supporting") == ["Sở Tài chính", "các cơ quan liên quan"]
    assert [s["role"] for s in one["supporting"]] == ["phối hợp", "phối hợp"]
    assert dates(one) == ["2025-09-30"]
    assert roles(ts["2"]) == [("Sở Nội vụ", None)]
    assert who(ts["3"]) == ["Ủy ban MTTQ Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]
    # the head names the body; its points take it
    assert ts["4"]["text"].startswith("UBND các xã, phường, đặc khu:\na) Chỉ đạo")
    assert who(ts["4"]) == who(ts["4.a"]) == who(ts["4.b"]) == ["UBND các xã, phường, đặc khu"]
    assert who(ts["4.a"], "delegates") == ["Công an xã", "Trạm Y tế xã"]
    b = ts["4.b"]
    assert b["report_to"] == "Sở Y tế"
    assert dates(b) == ["2025-10-15"]
    assert [(x["value"], x["unit"]) for x in b["targets"]] == [(100, "%")]
    assert not ts["4"]["deadlines"] and not ts["4"]["targets"]      # the head's own line holds none
    # the follow-up paragraph after the list is a task; the closing order is not
    assert ts["5"]["text"] == "Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Công văn này."
    assert who(ts["5"]) == ["Văn phòng UBND tỉnh"]
    # the background paragraph is not a task, nor does its 35% go anywhere
    assert not any("35%" in t["text"] for t in ts.values())


def test_cong_van_items_chu_tri_giao_de_nghi_and_a_head_with_points():
    check_cv_items(run(cv(CV_ITEMS), issued_date="2025-09-12"))


def test_cong_van_items_hard_wrapped_at_80_columns():
    check_cv_items(run(wrap(cv(CV_ITEMS)), issued_date="2025-09-12"))


def test_cong_van_items_in_markdown_with_old_tone_marks():
    raw = cv(CV_ITEMS).replace("Ủy ban", "Uỷ ban").replace("UBND tỉnh yêu cầu:", "UBND tỉnh **yêu cầu**:")
    for n in "1234":
        raw = raw.replace(f"\n{n}. ", f"\n**{n}.** ")
    ts = run(raw, issued_date="2025-09-12")
    check_cv_items(ts)


def test_cong_van_bullets_of_bodies_and_plus_points():
    body = """Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thị xã, thành phố.

Theo báo cáo của Sở Y tế, trong 8 tháng đầu năm 2024, toàn tỉnh ghi nhận 1.245 ca mắc sởi, tăng 3 lần so với cùng kỳ. Kết quả tiêm chủng mở rộng mới đạt 78%.

UBND tỉnh chỉ đạo như sau:

- Các sở, ban, ngành: Căn cứ chức năng, nhiệm vụ được giao, chủ động phối hợp với ngành y tế triển khai các biện pháp phòng, chống dịch.

- UBND các huyện, thị xã, thành phố:
+ Chỉ đạo UBND cấp xã rà soát đối tượng trẻ em chưa tiêm đủ mũi.
+ Bảo đảm tỷ lệ tiêm chủng đạt trên 95% trước ngày 31/12/2024.
+ Báo cáo kết quả về Sở Y tế trước ngày 05 hằng tháng.

- Sở Tài chính có trách nhiệm bố trí kinh phí mua vắc xin bổ sung theo đề xuất của Sở Y tế.

Yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các huyện, thị xã, thành phố báo cáo kết quả thực hiện về Sở Y tế trước ngày 15/12/2024 để tổng hợp, báo cáo UBND tỉnh./.
"""
    ts = run(cv(body, "HÀ TĨNH", "Hà Tĩnh"), issued_date="2024-09-12")
    assert shape(ts) == [("1", None), ("2", None), ("2.1", "2"), ("2.2", "2"), ("2.3", "2"), ("3", None),
                         ("4", None)]
    assert roles(ts["1"]) == [("Các sở, ban, ngành", "phối hợp")]
    assert who(ts["2.1"]) == ["UBND các huyện, thị xã, thành phố"]
    assert who(ts["2.1"], "delegates") == ["UBND cấp xã"]
    assert dates(ts["2.2"]) == ["2024-12-31"] and [x["value"] for x in ts["2.2"]["targets"]] == [95]
    assert ts["2.3"]["report_to"] == "Sở Y tế"
    assert [d["recurrence"] for d in ts["2.3"]["deadlines"]] == ["monthly"]
    assert who(ts["3"]) == ["Sở Tài chính"]
    four = ts["4"]
    assert four["text"].startswith("Yêu cầu Thủ trưởng các cơ quan, đơn vị")
    assert who(four) == ["Thủ trưởng các cơ quan, đơn vị", "Chủ tịch UBND các huyện, thị xã, thành phố"]
    assert four["report_to"] == "Sở Y tế" and dates(four) == ["2024-12-15"]
    # "Theo báo cáo của Sở Y tế …", "Kết quả … đạt 78%": facts, not tasks
    assert not any("78%" in t["text"] or "1.245" in t["text"] for t in ts.values())


def test_cong_van_parenthesised_items_take_the_bodies_of_the_lead_in():
    body = """Kính gửi: Ủy ban nhân dân các xã, phường, đặc khu.

Thực hiện Công văn số 1520/UBND-KT ngày 28/8/2025 của UBND tỉnh về việc tăng cường phòng, chống dịch bệnh trên cây trồng, Sở Nông nghiệp và Môi trường đề nghị các đơn vị thực hiện một số nội dung sau:

(1) Tuyên truyền, hướng dẫn nông dân áp dụng các biện pháp quản lý dịch hại tổng hợp.

(2) Chỉ đạo các hợp tác xã, tổ hợp tác tổ chức ra quân diệt chuột, tiêu hủy cây bệnh.

(3) Tổng hợp tình hình, gửi về Sở Nông nghiệp và Môi trường (qua Chi cục Trồng trọt và Bảo vệ thực vật) trước ngày 25 hằng tháng.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ Chi cục Trồng trọt và Bảo vệ thực vật (điện thoại 0263.3822.xxx) để được hướng dẫn./.
"""
    ts = run(body, issued_date="2025-09-03")
    assert shape(ts) == [("1", None), ("2", None), ("3", None)]
    assert all(who(t) == ["các đơn vị"] for t in ts.values())
    assert who(ts["2"], "delegates") == ["các hợp tác xã, tổ hợp tác"]
    assert ts["3"]["report_to"] == "Sở Nông nghiệp và Môi trường"
    assert [d["recurrence"] for d in ts["3"]["deadlines"]] == ["monthly"]


def test_lead_in_names_the_bodies_items_only_say_what_to_do():
    body = """Kính gửi:
- Giám đốc các sở, ban, ngành tỉnh;
- Chủ tịch UBND các huyện, thị xã, thành phố.

Kết quả kiểm tra cho thấy công tác cải cách hành chính tại một số đơn vị còn chậm, tỷ lệ hồ sơ trễ hạn chiếm 12%.

Để khắc phục tình trạng trên, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố thực hiện các nội dung sau:

1. Rà soát, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết.

2. Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98% trong năm 2025.

3. Định kỳ hằng quý báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).
"""
    ts = run(cv(body, "QUẢNG TRỊ", "Quảng Trị"), issued_date="2025-04-02")
    assert list(ts) == ["1", "2", "3"]
    lead = ["Giám đốc các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thị xã, thành phố"]
    assert all(who(t) == lead for t in ts.values())
    assert [x["value"] for x in ts["2"]["targets"]] == [98]
    assert ts["3"]["report_to"] == "UBND tỉnh"
    assert [d["recurrence"] for d in ts["3"]["deadlines"]] == ["quarterly"]
    assert not any("12%" in t["text"] for t in ts.values())


@pytest.mark.parametrize("lead_in", [
    "Chủ tịch UBND tỉnh yêu cầu:",
    "UBND tỉnh chỉ đạo như sau:",
    "Để triển khai kịp thời, hiệu quả, Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:",
    "Chủ tịch Ủy ban nhân dân Thành phố yêu cầu các cơ quan, đơn vị thực hiện tốt một số nội dung sau:",
])
def test_lead_in_sentences_open_the_list(lead_in):
    body = f"""Kính gửi: Các sở, ban, ngành Thành phố.

Ngày 05/3/2025, Bộ Y tế có Công văn số 1021/BYT-DP về việc tăng cường phòng, chống dịch sởi.

{lead_in}

1. Sở Y tế chủ trì theo dõi chặt chẽ diễn biến dịch bệnh, hằng tuần báo cáo UBND Thành phố.

2. Sở Giáo dục và Đào tạo chỉ đạo các cơ sở giáo dục tăng cường vệ sinh trường lớp.
"""
    ts = run(body, issued_date="2025-03-10")
    assert list(ts) == ["1", "2"]
    assert roles(ts["1"]) == [("Sở Y tế", "chủ trì")]
    assert ts["1"]["report_to"] == "UBND Thành phố"
    assert [d["recurrence"] for d in ts["1"]["deadlines"]] == ["weekly"]
    assert who(ts["2"]) == ["Sở Giáo dục và Đào tạo"]
    assert who(ts["2"], "delegates") == ["các cơ sở giáo dục"]
    assert not any("Ngày 05/3/2025" in t["text"] for t in ts.values())


def test_unnumbered_paragraphs_that_assign_work():
    body = """Kính gửi: Các sở, ban, ngành tỉnh.

Thực hiện Chỉ thị số 12/CT-TTg ngày 20/5/2025 của Thủ tướng Chính phủ, UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh rà soát các dự án chậm giải ngân, báo cáo kết quả về Sở Tài chính trước ngày 15/6/2025.

Sở Tài chính có trách nhiệm tổng hợp, báo cáo UBND tỉnh trước ngày 20/6/2025.

Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện./.
"""
    ts = run(cv(body), issued_date="2025-06-01")
    assert list(ts) == ["1", "2", "3"]
    assert who(ts["1"]) == ["Thủ trưởng các sở, ban, ngành tỉnh"]
    assert ts["1"]["report_to"] == "Sở Tài chính" and dates(ts["1"]) == ["2025-06-15"]
    assert who(ts["2"]) == ["Sở Tài chính"]
    assert ts["2"]["report_to"] == "UBND tỉnh" and dates(ts["2"]) == ["2025-06-20"]
    assert who(ts["3"]) == ["Văn phòng UBND tỉnh"]


@pytest.mark.parametrize("closing", [
    "Yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, phường nghiêm túc triển khai thực hiện./.",
    "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.",
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương khẩn trương, nghiêm túc thực hiện nội dung Công văn này./.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở Nội vụ để được hướng dẫn./.",
])
def test_closing_sentences_are_no_tasks(closing):
    body = f"""Kính gửi: Các sở, ban, ngành tỉnh.

1. Sở Nội vụ hướng dẫn các cơ quan, đơn vị rà soát vị trí việc làm.

{closing}
"""
    ts = run(cv(body))
    assert list(ts) == ["1"]


def test_background_paragraphs_are_no_tasks():
    body = """Kính gửi: UBND các xã, phường, đặc khu.

Tình hình thiên tai năm 2025 diễn biến bất thường; từ đầu năm đến nay đã xảy ra 14 đợt mưa lớn.

Kết quả rà soát của Sở Nông nghiệp và Môi trường cho thấy 126 điểm có nguy cơ sạt lở cao.

Theo báo cáo của Ban Chỉ huy Phòng thủ dân sự tỉnh, thiệt hại ước tính 320 tỷ đồng.

Năm 2024, UBND các huyện đã tổ chức di dời 1.200 hộ dân ra khỏi vùng nguy hiểm.

Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu Chủ tịch UBND các xã, phường, đặc khu tổ chức di dời ngay các hộ dân ở khu vực nguy hiểm, hoàn thành trước ngày 30/9/2025./.
"""
    ts = run(cv(body, "LÀO CAI", "Lào Cai"), issued_date="2025-09-12")
    assert list(ts) == ["1"]
    assert who(ts["1"]) == ["Chủ tịch UBND các xã, phường, đặc khu"]
    assert dates(ts["1"]) == ["2025-09-30"]


def test_an_item_with_no_body_and_no_lead_in_keeps_no_assignee():
    body = """Kính gửi: Các cơ quan, đơn vị trực thuộc.

Sở Giáo dục và Đào tạo thông báo kết luận của Giám đốc Sở tại cuộc họp giao ban như sau:

1. Tập trung hoàn thành kế hoạch tuyển sinh năm học 2025-2026.

2. Trường THPT Chuyên Lê Quý Đôn chủ trì tổ chức Hội nghị tổng kết trước ngày 30/8/2025.
"""
    ts = run(body, issued_date="2025-08-10")
    assert list(ts) == ["1", "2"]
    assert who(ts["1"]) == []
    assert roles(ts["2"]) == [("Trường THPT Chuyên Lê Quý Đôn", "chủ trì")]
    assert dates(ts["2"]) == ["2025-08-30"]


# ============================================================================================
# Quyết định
# ============================================================================================

QD = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
Số: 2456/QĐ-UBND
Thanh Hóa, ngày 05 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch chuyển đổi số tỉnh Thanh Hóa năm 2025

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 45/TTr-SKHCN ngày 01/8/2025.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số tỉnh Thanh Hóa năm 2025.

Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai Kế hoạch; định kỳ hằng quý tổng hợp, báo cáo UBND tỉnh.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, Chủ tịch UBND các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.

Điều 4. Quyết định có hiệu lực thi hành kể từ ngày ký./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH

Lê Văn Bình
"""


def check_qd(ts: dict):
    assert list(ts) == ["Điều 2", "Điều 3"]
    two = ts["Điều 2"]
    assert two["parent"] is None
    assert roles(two) == [("Sở Khoa học và Công nghệ", "chủ trì")]
    assert who(two, "supporting") == ["các sở, ngành, địa phương"]
    assert two["report_to"] == "UBND tỉnh"
    assert [d["recurrence"] for d in two["deadlines"]] == ["quarterly"]
    three = ts["Điều 3"]
    assert three["text"].startswith("Chánh Văn phòng UBND tỉnh") and three["text"].endswith("Quyết định này.")
    assert who(three) == ["Chánh Văn phòng UBND tỉnh", "Giám đốc các sở", "Thủ trưởng các ban, ngành cấp tỉnh",
                          "Chủ tịch UBND các xã, phường", "các tổ chức, cá nhân có liên quan"]


def test_quyet_dinh_articles():
    check_qd(run(QD, doc_type="Quyết định", issued_date="2025-08-05"))


def test_quyet_dinh_articles_in_markdown_and_wrapped():
    raw = wrap(QD, 78).replace("Điều 2.", "**Điều 2.**").replace("Điều 3.", "**Điều 3.**")
    check_qd(run(raw, doc_type="Quyết định", issued_date="2025-08-05"))


def test_quyet_dinh_with_a_deadline_in_an_article():
    raw = QD.replace(
        "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành, địa phương tổ chức "
        "triển khai Kế hoạch; định kỳ hằng quý tổng hợp, báo cáo UBND tỉnh.",
        "Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn các địa phương thực hiện; "
        "tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh trước ngày 31/12/2025.")
    ts = run(raw, doc_type="Quyết định", issued_date="2025-08-05")
    assert list(ts) == ["Điều 2", "Điều 3"]
    assert roles(ts["Điều 2"]) == [("Sở Nội vụ", "chủ trì")]
    assert who(ts["Điều 2"], "supporting") == ["Sở Tài chính"]
    assert ts["Điều 2"]["report_to"] == "Chủ tịch UBND tỉnh"
    assert dates(ts["Điều 2"]) == ["2025-12-31"]
    assert not ts["Điều 3"]["deadlines"]


def test_quyet_dinh_of_a_ministry_the_implementation_article():
    raw = """BỘ Y TẾ
Số: 3120/QĐ-BYT
Hà Nội, ngày 10 tháng 10 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Hướng dẫn chẩn đoán và điều trị bệnh tay chân miệng

BỘ TRƯỞNG BỘ Y TẾ

Căn cứ Nghị định số 42/2025/NĐ-CP ngày 27/02/2025 của Chính phủ;
Theo đề nghị của Cục trưởng Cục Quản lý Khám, chữa bệnh.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Hướng dẫn chẩn đoán và điều trị bệnh tay chân miệng.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký, ban hành.

Điều 3. Các ông, bà: Chánh Văn phòng Bộ, Cục trưởng Cục Quản lý Khám, chữa bệnh, Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc trung ương, Thủ trưởng y tế các ngành chịu trách nhiệm thi hành Quyết định này./.
"""
    ts = run(raw, doc_type="Quyết định")
    assert list(ts) == ["Điều 3"]
    assert who(ts["Điều 3"]) == ["Chánh Văn phòng Bộ", "Cục trưởng Cục Quản lý Khám, chữa bệnh",
                                 "Giám đốc Sở Y tế các tỉnh, thành phố trực thuộc trung ương",
                                 "Thủ trưởng y tế các ngành"]


# ============================================================================================
# Kế hoạch
# ============================================================================================

KH = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 512/KH-UBND
Nghệ An, ngày 10 tháng 7 năm 2025

KẾ HOẠCH
Triển khai Chương trình giáo dục kỹ năng số cho học sinh năm học 2025-2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của các sở, ngành, địa phương về chuyển đổi số trong giáo dục.
2. Yêu cầu
Sở Giáo dục và Đào tạo bảo đảm việc triển khai đồng bộ, hiệu quả.

II. NHIỆM VỤ, GIẢI PHÁP
1. Phấn đấu 100% cơ sở giáo dục phổ thông triển khai học bạ số trước ngày 31/12/2025.
2. Tổ chức tập huấn kỹ năng số cho giáo viên.

III. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo:
- Chủ trì, hướng dẫn các trường học triển khai Kế hoạch; yêu cầu các trường học báo cáo kết quả trước ngày 15/12/2025.
- Tổng hợp, báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện trước ngày 20/12/2025.
2. Các sở, ban, ngành liên quan
Căn cứ chức năng, nhiệm vụ được giao, phối hợp với Sở Giáo dục và Đào tạo triển khai thực hiện Kế hoạch.
3. UBND các xã, phường: Chỉ đạo các trường mầm non, tiểu học, trung học cơ sở trên địa bàn thực hiện Kế hoạch; gửi báo cáo về Sở Giáo dục và Đào tạo trước ngày 10/12/2025.

IV. KINH PHÍ
Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.

Trên đây là Kế hoạch triển khai thực hiện Chương trình giáo dục kỹ năng số; yêu cầu các cơ quan, đơn vị triển khai thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thị Cúc
"""


def check_kh(ts: dict):
    assert shape(ts) == [("II.1", None), ("II.2", None), ("III.1", None), ("III.1.1", "III.1"),
                         ("III.1.2", "III.1"), ("III.2", None), ("III.3", None)]
    assert who(ts["II.1"]) == [] and [x["value"] for x in ts["II.1"]["targets"]] == [100]
    assert dates(ts["II.1"]) == ["2025-12-31"]
    assert ts["III.1"]["text"].startswith("Sở Giáo dục và Đào tạo:\n- Chủ trì")
    one = ts["III.1.1"]
    assert roles(one) == [("Sở Giáo dục và Đào tạo", "chủ trì")]
    assert who(one, "delegates") == ["các trường học"]
    assert dates(one) == ["2025-12-15"]
    two = ts["III.1.2"]
    assert who(two) == ["Sở Giáo dục và Đào tạo"]
    assert two["report_to"] == "UBND tỉnh" and dates(two) == ["2025-12-20"]
    assert roles(ts["III.2"]) == [("Các sở, ban, ngành liên quan", "phối hợp")]
    three = ts["III.3"]
    assert who(three) == ["UBND các xã, phường"]
    assert who(three, "delegates") == ["các trường mầm non, tiểu học, trung học cơ sở trên địa bàn"]
    assert three["report_to"] == "Sở Giáo dục và Đào tạo" and dates(three) == ["2025-12-10"]


def test_ke_hoach_sections():
    check_kh(run(KH, doc_type="Kế hoạch", issued_date="2025-07-10"))


def test_ke_hoach_sections_hard_wrapped():
    check_kh(run(wrap(KH, 76), doc_type="Kế hoạch", issued_date="2025-07-10"))


def test_ke_hoach_section_titles_in_sentence_case():
    raw = (KH.replace("I. MỤC ĐÍCH, YÊU CẦU", "I. Mục đích, yêu cầu")
           .replace("II. NHIỆM VỤ, GIẢI PHÁP", "II. Nhiệm vụ, giải pháp")
           .replace("III. TỔ CHỨC THỰC HIỆN", "III. Tổ chức thực hiện")
           .replace("IV. KINH PHÍ", "IV. Kinh phí"))
    check_kh(run(raw, doc_type="Kế hoạch", issued_date="2025-07-10"))


KH_PHAN_CONG = """KẾ HOẠCH
Tổ chức các hoạt động hưởng ứng Tháng hành động vì người cao tuổi năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của các cấp, các ngành về công tác người cao tuổi.
2. Các hoạt động phải được tổ chức thiết thực, tiết kiệm.

II. NỘI DUNG HOẠT ĐỘNG
1. Tổ chức thăm hỏi, tặng quà người cao tuổi có hoàn cảnh khó khăn.
2. Phấn đấu 100% người cao tuổi được khám sức khỏe định kỳ.

III. KINH PHÍ THỰC HIỆN
Từ nguồn ngân sách nhà nước theo phân cấp.

IV. PHÂN CÔNG NHIỆM VỤ
1. Sở Y tế
- Chủ trì, phối hợp với Hội Người cao tuổi tỉnh tổ chức khám sức khỏe cho người cao tuổi.
- Hướng dẫn các trạm y tế xã lập hồ sơ quản lý sức khỏe.
2. Sở Dân tộc và Tôn giáo
Phối hợp với Sở Y tế vận động chức sắc tôn giáo tham gia chăm sóc người cao tuổi.
3. Sở Văn hóa, Thể thao và Du lịch
Chỉ đạo Báo Lâm Đồng, Đài Phát thanh và Truyền hình tỉnh tăng thời lượng tuyên truyền.
4. UBND các xã, phường, đặc khu
- Xây dựng kế hoạch hưởng ứng tại địa phương.
- Báo cáo kết quả thực hiện về Sở Y tế trước ngày 30/11/2025.
"""


def test_ke_hoach_phan_cong_bodies_on_their_own_lines():
    ts = run(KH_PHAN_CONG, doc_type="Kế hoạch", issued_date="2025-09-01")
    assert shape(ts) == [("II.1", None), ("II.2", None), ("IV.1", None), ("IV.1.1", "IV.1"), ("IV.1.2", "IV.1"),
                         ("IV.2", None), ("IV.3", None), ("IV.4", None), ("IV.4.1", "IV.4"), ("IV.4.2", "IV.4")]
    assert roles(ts["IV.1.1"]) == [("Sở Y tế", "chủ trì")]
    assert who(ts["IV.1.1"], "supporting") == ["Hội Người cao tuổi tỉnh"]
    assert who(ts["IV.1.2"]) == ["Sở Y tế"]
    # "2. Sở Dân tộc và Tôn giáo" ⏎ "Phối hợp với …": the heading ends where the sentence begins
    assert roles(ts["IV.2"]) == [("Sở Dân tộc và Tôn giáo", "phối hợp")]
    assert who(ts["IV.3"]) == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert who(ts["IV.3"], "delegates") == ["Báo Lâm Đồng", "Đài Phát thanh và Truyền hình tỉnh"]
    assert who(ts["IV.4.2"]) == ["UBND các xã, phường, đặc khu"]
    assert ts["IV.4.2"]["report_to"] == "Sở Y tế" and dates(ts["IV.4.2"]) == ["2025-11-30"]


def test_ke_hoach_decimal_items_under_a_group_heading():
    raw = """II. NHIỆM VỤ, GIẢI PHÁP
1. Về hoàn thiện thể chế
1.1. Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật của tỉnh, hoàn thành trong Quý III/2025.
1.2. Sở Nội vụ tham mưu kiện toàn tổ chức bộ máy các cơ quan chuyên môn.
2. Về hạ tầng số
2.1. Sở Khoa học và Công nghệ phối hợp với các doanh nghiệp viễn thông phủ sóng 100% thôn, bản.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, UBND các xã, phường định kỳ 6 tháng báo cáo kết quả về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND tỉnh.
"""
    ts = run(raw, doc_type="Kế hoạch", issued_date="2025-05-20")
    assert shape(ts) == [("II.1.1", None), ("II.1.2", None), ("II.2.1", None), ("III.1", None)]
    assert roles(ts["II.1.1"]) == [("Sở Tư pháp", "chủ trì")]
    assert ts["II.1.1"]["deadlines"] and ts["II.1.1"]["deadlines"][0]["date"] == "2025-09-30"
    assert roles(ts["II.2.1"]) == [("Sở Khoa học và Công nghệ", "phối hợp")]
    assert [x["value"] for x in ts["II.2.1"]["targets"]] == [100]
    assert who(ts["III.1"]) == ["Các sở, ban, ngành", "UBND các xã, phường"]
    assert ts["III.1"]["report_to"] == "Sở Khoa học và Công nghệ"


KH_TABLE_HEAD = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 77/KH-UBND
Bắc Ninh, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Cải cách hành chính tỉnh Bắc Ninh năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân.

II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì theo dõi, đôn đốc, tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.
2. Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được giao tại Phụ lục, xây dựng kế hoạch triển khai.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Vương Quốc Tuấn

PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025
(Kèm theo Kế hoạch số 77/KH-UBND ngày 14/3/2025 của UBND tỉnh)

"""
TABLE_CELLS = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
               "1", "Rà soát, đơn giản hóa thủ tục hành chính", "Sở Tư pháp", "Các sở, ban, ngành", "Quý II/2025",
               "2", "Phấn đấu 100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "Sở Khoa học và Công nghệ",
               "UBND các xã, phường", "Tháng 10/2025",
               "3", "Đánh giá chỉ số hài lòng của người dân", "Sở Nội vụ", "Công an tỉnh, Sở Tài chính", "Năm 2025"]


def check_table(ts: dict):
    assert list(ts) == ["II.1", "II.2", "Phụ lục.1", "Phụ lục.2", "Phụ lục.3"]
    one = ts["Phụ lục.1"]
    assert one["text"].startswith("Rà soát, đơn giản hóa thủ tục hành chính")
    assert roles(one) == [("Sở Tư pháp", "chủ trì")]
    assert who(one, "supporting") == ["Các sở, ban, ngành"]
    assert dates(one) == ["2025-06-30"]
    two = ts["Phụ lục.2"]
    assert who(two) == ["Sở Khoa học và Công nghệ"] and who(two, "supporting") == ["UBND các xã, phường"]
    assert [x["value"] for x in two["targets"]] == [100] and dates(two) == ["2025-10-31"]
    three = ts["Phụ lục.3"]
    assert who(three) == ["Sở Nội vụ"] and who(three, "supporting") == ["Công an tỉnh", "Sở Tài chính"]
    assert dates(three) == ["2025-12-31"]


def test_ke_hoach_annex_table_one_cell_per_paragraph():
    check_table(run(KH_TABLE_HEAD + "\n\n".join(TABLE_CELLS) + "\n", doc_type="Kế hoạch",
                    issued_date="2025-03-14"))


def test_ke_hoach_annex_table_one_cell_per_line():
    check_table(run(KH_TABLE_HEAD + "\n".join(TABLE_CELLS) + "\n", doc_type="Kế hoạch",
                    issued_date="2025-03-14"))


# ============================================================================================
# Công điện
# ============================================================================================

CD = """THỦ TƯỚNG CHÍNH PHỦ
Số: 45/CĐ-TTg
Hà Nội, ngày 20 tháng 10 năm 2025

CÔNG ĐIỆN
Về việc tập trung ứng phó bão số 12

THỦ TƯỚNG CHÍNH PHỦ điện:
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Huế, Đà Nẵng, Quảng Ngãi;
- Các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương.

Theo bản tin của Trung tâm Dự báo khí tượng thủy văn quốc gia, hồi 04 giờ ngày 20/10, vị trí tâm bão ở trên vùng biển phía Đông Bắc của khu vực Bắc Biển Đông. Để chủ động ứng phó, Thủ tướng Chính phủ yêu cầu:

1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Huế, Đà Nẵng, Quảng Ngãi:
a) Tổ chức theo dõi chặt chẽ diễn biến của bão, chỉ đạo lực lượng chức năng sẵn sàng sơ tán dân.
b) Chỉ đạo UBND cấp xã rà soát, kiểm tra các khu dân cư ven sông, ven biển, hoàn thành trước 17 giờ ngày 21/10/2025.

2. Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các đơn vị đóng trên địa bàn sẵn sàng lực lượng, phương tiện hỗ trợ người dân.

3. Bộ Nông nghiệp và Môi trường chỉ đạo cơ quan dự báo theo dõi chặt chẽ, tổng hợp, báo cáo Thủ tướng Chính phủ.

4. Các Bộ: Xây dựng, Công Thương theo chức năng, nhiệm vụ được giao chủ động chỉ đạo bảo đảm an toàn công trình, hồ đập.

5. Văn phòng Chính phủ theo dõi, đôn đốc các bộ, cơ quan, địa phương thực hiện nghiêm Công điện này; báo cáo Thủ tướng Chính phủ các vấn đề đột xuất, phát sinh./.

Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Trần Hồng Hà
"""


def check_cd(ts: dict):
    assert shape(ts) == [("1", None), ("1.a", "1"), ("1.b", "1"), ("2", None), ("3", None), ("4", None),
                         ("5", None)]
    prov = ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Huế, Đà Nẵng, Quảng Ngãi"]
    assert who(ts["1"]) == who(ts["1.a"]) == who(ts["1.b"]) == prov
    assert who(ts["1.a"], "delegates") == ["lực lượng chức năng"]
    assert who(ts["1.b"], "delegates") == ["UBND cấp xã"]
    assert [(d["date"], d["time"]) for d in ts["1.b"]["deadlines"]] == [("2025-10-21", "17:00")]
    assert who(ts["2"]) == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]
    assert who(ts["2"], "delegates") == ["các đơn vị đóng trên địa bàn"]
    assert who(ts["3"]) == ["Bộ Nông nghiệp và Môi trường"]
    assert who(ts["3"], "delegates") == ["cơ quan dự báo"]
    assert ts["3"]["report_to"] == "Thủ tướng Chính phủ"
    assert who(ts["4"]) == ["Bộ Xây dựng", "Bộ Công Thương"]
    assert who(ts["5"]) == ["Văn phòng Chính phủ"]
    assert ts["5"]["report_to"] == "Thủ tướng Chính phủ"


def test_cong_dien_items():
    check_cd(run(CD, doc_type="Công điện", issued_date="2025-10-20"))


def test_cong_dien_items_wrapped_and_old_tones():
    raw = wrap(CD).replace("Hòa", "Hoà").replace("Ủy ban", "Uỷ ban")
    check_cd(run(raw, doc_type="Công điện", issued_date="2025-10-20"))


def test_cong_dien_of_a_province_to_communes():
    raw = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 09/CĐ-UBND
Gia Lai, ngày 06 tháng 11 năm 2025

CÔNG ĐIỆN
Về việc chủ động ứng phó với mưa lớn, lũ quét, sạt lở đất

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:
- Chủ tịch UBND các xã, phường;
- Giám đốc các sở: Nông nghiệp và Môi trường, Xây dựng, Công Thương;
- Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh;
- Giám đốc Công an tỉnh.

Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu:

1. Chủ tịch UBND các xã, phường chỉ đạo Công an xã, lực lượng dân quân tự vệ kiểm tra, sơ tán người dân ra khỏi khu vực nguy hiểm; báo cáo kết quả về Sở Nông nghiệp và Môi trường trước 16 giờ hằng ngày.

2. Giám đốc các sở: Nông nghiệp và Môi trường, Xây dựng, Công Thương theo chức năng, nhiệm vụ được giao chỉ đạo kiểm tra an toàn hồ chứa, công trình.

3. Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Giám đốc Công an tỉnh sẵn sàng lực lượng, phương tiện hỗ trợ các địa phương.
"""
    ts = run(raw, doc_type="Công điện", issued_date="2025-11-06")
    assert list(ts) == ["1", "2", "3"]
    assert who(ts["1"]) == ["Chủ tịch UBND các xã, phường"]
    assert who(ts["1"], "delegates") == ["Công an xã", "lực lượng dân quân tự vệ"]
    assert ts["1"]["report_to"] == "Sở Nông nghiệp và Môi trường"
    assert [(d["time"], d["recurrence"]) for d in ts["1"]["deadlines"]] == [("16:00", "daily")]
    assert who(ts["2"]) == ["Giám đốc Sở Nông nghiệp và Môi trường", "Giám đốc Sở Xây dựng", "Giám đốc Sở Công Thương"]
    assert who(ts["3"]) == ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Giám đốc Công an tỉnh"]


# ============================================================================================
# Delegates and report_to
# ============================================================================================

def one_task(sentence: str, issued: str = "2025-10-01") -> dict:
    ts = run(f"Kính gửi: Các cơ quan, đơn vị.\n\nỦy ban nhân dân tỉnh yêu cầu:\n\n1. {sentence}\n",
             issued_date=issued)
    assert list(ts) == ["1"], list(ts)
    return ts["1"]


@pytest.mark.parametrize("sentence, assignees, delegates", [
    ("Chủ tịch UBND các xã, phường chỉ đạo UBND cấp xã rà soát các hộ nghèo.",
     ["Chủ tịch UBND các xã, phường"], ["UBND cấp xã"]),
    ("Sở Y tế chỉ đạo các đơn vị trực thuộc tăng cường công tác khám, chữa bệnh.",
     ["Sở Y tế"], ["các đơn vị trực thuộc"]),
    ("Sở Giáo dục và Đào tạo hướng dẫn, yêu cầu các trường học tổ chức cho học sinh nghỉ học khi có bão.",
     ["Sở Giáo dục và Đào tạo"], ["các trường học"]),
    ("Công an tỉnh chỉ đạo, hướng dẫn Công an các xã, phường, đặc khu tăng cường tuần tra.",
     ["Công an tỉnh"], ["Công an các xã, phường, đặc khu"]),
    ("UBND các xã, phường, đặc khu chỉ đạo Công an xã phối hợp với lực lượng dân quân bảo đảm an ninh trật tự.",
     ["UBND các xã, phường, đặc khu"], ["Công an xã"]),
    ("Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy lợi, Chi cục Kiểm lâm tăng cường kiểm tra.",
     ["Sở Nông nghiệp và Môi trường"], ["Chi cục Thủy lợi", "Chi cục Kiểm lâm"]),
    ("Sở Tài chính theo dõi việc thực hiện theo chỉ đạo của Bộ Tài chính.",
     ["Sở Tài chính"], []),
    ("Ban Chỉ đạo phòng, chống thiên tai tỉnh tổng hợp tình hình thiệt hại.",
     ["Ban Chỉ đạo phòng, chống thiên tai tỉnh"], []),
])
def test_delegates(sentence, assignees, delegates):
    task = one_task(sentence)
    assert who(task) == assignees
    assert who(task, "delegates") == delegates


@pytest.mark.parametrize("sentence, report_to", [
    ("Sở Nội vụ tổng hợp kết quả, báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 20/12/2025.", "UBND tỉnh"),
    ("Các cơ quan, đơn vị gửi báo cáo về Sở Tài chính trước ngày 10 hằng tháng.", "Sở Tài chính"),
    ("UBND các xã, phường gửi kết quả rà soát về Sở Tài chính trước ngày 15/11/2025.", "Sở Tài chính"),
    ("Bộ Xây dựng theo dõi, báo cáo Thủ tướng Chính phủ kết quả thực hiện.", "Thủ tướng Chính phủ"),
    ("Sở Y tế theo dõi diễn biến dịch bệnh, tổng hợp, báo cáo Bộ Y tế theo quy định.", "Bộ Y tế"),
    ("Các đơn vị báo cáo kết quả thực hiện về UBND tỉnh qua Sở Khoa học và Công nghệ.", "UBND tỉnh"),
    ("Văn phòng UBND tỉnh theo dõi, kịp thời báo cáo Chủ tịch UBND tỉnh những vấn đề vượt thẩm quyền.",
     "Chủ tịch UBND tỉnh"),
    ("Sở Công Thương báo cáo, đề xuất UBND tỉnh xem xét, quyết định.", "UBND tỉnh"),
    ("Sở Tư pháp theo dõi việc thi hành pháp luật trên địa bàn.", None),
])
def test_report_to(sentence, report_to):
    assert one_task(sentence)["report_to"] == report_to


# ============================================================================================
# Bodies of the two-level map (from 1 July 2025)
# ============================================================================================

@pytest.mark.parametrize("sentence, assignees", [
    ("UBND các xã, phường, đặc khu rà soát, thống kê thiệt hại về nhà ở.", ["UBND các xã, phường, đặc khu"]),
    ("Sở Nông nghiệp và Môi trường chủ trì hướng dẫn khắc phục hậu quả.", ["Sở Nông nghiệp và Môi trường"]),
    ("Sở Dân tộc và Tôn giáo phối hợp vận động đồng bào vùng cao.", ["Sở Dân tộc và Tôn giáo"]),
    ("Công an xã, phường, đặc khu tăng cường bảo đảm an ninh trật tự.", ["Công an xã, phường, đặc khu"]),
    ("Chủ tịch Ủy ban nhân dân xã Ia Grai kiểm tra, xử lý vi phạm.", ["Chủ tịch Ủy ban nhân dân xã Ia Grai"]),
    ("Đảng ủy, Ủy ban nhân dân phường Hòa Cường lãnh đạo, chỉ đạo triển khai.", ["Đảng ủy", "Ủy ban nhân dân phường Hòa Cường"]),
    ("Trung tâm Phục vụ hành chính công tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến.",
     ["Trung tâm Phục vụ hành chính công tỉnh"]),
    ("UBND thành phố Cần Thơ khẩn trương kiểm tra các tuyến đê bao.", ["UBND thành phố Cần Thơ"]),
    ("UBND huyện Giao Thủy chỉ đạo các xã ven biển sơ tán dân.", ["UBND huyện Giao Thủy"]),
])
def test_bodies_of_2025(sentence, assignees):
    assert who(one_task(sentence)) == assignees


def test_a_heading_joined_to_its_first_sentence():
    # "3. Bộ Dân tộc và Tôn giáo" ⏎ "Phối hợp với …": a reader joins the short heading onto the line
    raw = """Điều 9. Tổ chức thực hiện
1. Bộ Giáo dục và Đào tạo
a) Chủ trì, phối hợp với các bộ, ngành liên quan chỉ đạo các địa phương triển khai thực hiện Nghị định này;
b) Tổ chức, chỉ đạo kiểm tra việc thực hiện các chính sách quy định tại Nghị định này.
2. Bộ Dân tộc và Tôn giáo
Phối hợp với Bộ Giáo dục và Đào tạo và các bộ, ngành, các địa phương chỉ đạo, kiểm tra việc thực hiện các chính sách.
3. Hội đồng nhân dân, Ủy ban nhân dân cấp tỉnh
a) Hội đồng nhân dân cấp tỉnh
Bảo đảm kinh phí thực hiện chính sách theo quy định tại Nghị định này.
b) Ủy ban nhân dân cấp tỉnh
Chỉ đạo, hướng dẫn tổ chức thực hiện các chính sách theo quy định tại Nghị định này.
"""
    ts = run(raw, doc_type="Nghị định")
    assert shape(ts) == [("Điều 9.1", None), ("Điều 9.1.a", "Điều 9.1"), ("Điều 9.1.b", "Điều 9.1"),
                         ("Điều 9.2", None), ("Điều 9.3", None), ("Điều 9.3.a", "Điều 9.3"),
                         ("Điều 9.3.b", "Điều 9.3")]
    assert roles(ts["Điều 9.1.a"]) == [("Bộ Giáo dục và Đào tạo", "chủ trì")]
    assert roles(ts["Điều 9.2"]) == [("Bộ Dân tộc và Tôn giáo", "phối hợp")]
    assert who(ts["Điều 9.3"]) == ["Hội đồng nhân dân", "Ủy ban nhân dân cấp tỉnh"]
    assert who(ts["Điều 9.3.a"]) == ["Hội đồng nhân dân cấp tỉnh"]
    assert who(ts["Điều 9.3.b"]) == ["Ủy ban nhân dân cấp tỉnh"]


# ============================================================================================
# More layouts: a Party committee, ")" items with "-" and "a) … đ)" points, an article whose
# implementation sentence follows "… có hiệu lực …", a task table inside a plan's section
# ============================================================================================

def test_party_committee_items_with_a_closing_parenthesis():
    raw = """TỈNH ỦY QUẢNG NINH
*
Số 1520-CV/TU
Hạ Long, ngày 02 tháng 10 năm 2025

ĐẢNG CỘNG SẢN VIỆT NAM

Kính gửi:
- Các đảng ủy trực thuộc Tỉnh ủy;
- Các ban, cơ quan Đảng Tỉnh ủy.

Để tổ chức thành công đại hội đảng bộ các cấp nhiệm kỳ 2025-2030, Ban Thường vụ Tỉnh ủy yêu cầu:

1) Các đảng ủy trực thuộc Tỉnh ủy lãnh đạo, chỉ đạo chuẩn bị chu đáo văn kiện, nhân sự đại hội; hoàn thành trước ngày 31/10/2025.

2) Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn, kiểm tra; tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 05/11/2025.

3) Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo các cơ quan báo chí của tỉnh tăng cường tuyên truyền về đại hội.
"""
    ts = run(raw, issued_date="2025-10-02")
    assert list(ts) == ["1", "2", "3"]
    assert who(ts["1"]) == ["Các đảng ủy trực thuộc Tỉnh ủy"] and dates(ts["1"]) == ["2025-10-31"]
    assert roles(ts["2"]) == [("Ban Tổ chức Tỉnh ủy", "chủ trì")]
    assert who(ts["2"], "supporting") == ["Văn phòng Tỉnh ủy"]
    assert ts["2"]["report_to"] == "Ban Thường vụ Tỉnh ủy" and dates(ts["2"]) == ["2025-11-05"]
    assert who(ts["3"], "delegates") == ["các cơ quan báo chí của tỉnh"]


def test_district_items_bullets_and_points_to_dd():
    raw = """Kính gửi: Các phòng, ban chuyên môn thuộc UBND quận.

UBND quận yêu cầu:

1) Phòng Tài chính - Kế hoạch:
- Tham mưu bố trí kinh phí cho các phường thực hiện chỉnh trang đô thị, hoàn thành trong tháng 11/2025.
- Phối hợp với Phòng Quản lý đô thị kiểm tra việc sử dụng kinh phí.

2) Phòng Quản lý đô thị chủ trì hướng dẫn UBND các phường lập hồ sơ; tổng hợp, báo cáo UBND quận trước ngày 20/11/2025.

3) UBND các phường:
a) Rà soát các tuyến phố cần chỉnh trang.
b) Vận động Nhân dân tham gia, bảo đảm 100% tuyến phố được chỉnh trang.
c) Báo cáo kết quả về UBND quận (qua Phòng Quản lý đô thị) trước ngày 10 hằng tháng.
d) Thực hiện các nhiệm vụ khác do Chủ tịch UBND quận giao.
đ) Chỉ đạo Công an phường bảo đảm an ninh trật tự trong quá trình thi công.
"""
    ts = run(raw, issued_date="2025-10-20")
    assert shape(ts) == [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None), ("3", None), ("3.a", "3"),
                         ("3.b", "3"), ("3.c", "3"), ("3.d", "3"), ("3.đ", "3")]
    assert who(ts["1.1"]) == ["Phòng Tài chính - Kế hoạch"] and dates(ts["1.1"]) == ["2025-11-30"]
    assert roles(ts["1.2"]) == [("Phòng Tài chính - Kế hoạch", "phối hợp")]
    assert roles(ts["2"]) == [("Phòng Quản lý đô thị", "chủ trì")]
    assert ts["2"]["report_to"] == "UBND quận"
    assert all(who(ts[f"3.{x}"]) == ["UBND các phường"] for x in "abcdđ")
    assert [x["value"] for x in ts["3.b"]["targets"]] == [100]
    assert ts["3.c"]["report_to"] == "UBND quận"
    assert who(ts["3.đ"], "delegates") == ["Công an phường"]
    assert not ts["3"]["deadlines"] and not ts["3"]["targets"]


def test_quyet_dinh_titled_articles_and_the_implementation_paragraph():
    raw = """QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác rà soát, tháo gỡ khó khăn cho các dự án đầu tư trên địa bàn tỉnh.

Điều 2. Nhiệm vụ của Tổ công tác
1. Rà soát các dự án đầu tư chậm tiến độ, đề xuất biện pháp xử lý trước ngày 30/11/2025.
2. Định kỳ hằng tháng báo cáo Chủ tịch UBND tỉnh kết quả thực hiện.

Điều 3. Tổ chức thực hiện
1. Sở Tài chính là cơ quan thường trực của Tổ công tác, có trách nhiệm bố trí kinh phí hoạt động.
2. Các sở, ngành, UBND các xã, phường có trách nhiệm cung cấp thông tin, hồ sơ liên quan theo đề nghị của Tổ công tác.

Điều 4. Quyết định này có hiệu lực kể từ ngày ký.

Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Thủ trưởng các sở, ban, ngành và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./.
"""
    ts = run(raw, doc_type="Quyết định", issued_date="2025-10-02")
    assert list(ts) == ["Điều 2.1", "Điều 2.2", "Điều 3.1", "Điều 3.2", "Điều 4"]
    assert who(ts["Điều 2.1"]) == ["Tổ công tác"] and dates(ts["Điều 2.1"]) == ["2025-11-30"]  # "Nhiệm vụ của …"
    assert ts["Điều 2.2"]["report_to"] == "Chủ tịch UBND tỉnh"
    assert who(ts["Điều 3.1"]) == ["Sở Tài chính"]
    assert who(ts["Điều 3.2"]) == ["Các sở, ngành", "UBND các xã, phường"]
    four = ts["Điều 4"]
    assert four["text"].startswith("Chánh Văn phòng UBND tỉnh") and "hiệu lực" not in four["text"]
    assert who(four) == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Thủ trưởng các sở, ban, ngành",
                         "các thành viên Tổ công tác"]


def test_quyet_dinh_effect_and_implementation_in_one_article():
    raw = QD.replace(
        "Điều 3. Chánh Văn phòng UBND tỉnh",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh").replace(
        "\nĐiều 4. Quyết định có hiệu lực thi hành kể từ ngày ký./.\n", "\n")
    ts = run(raw, doc_type="Quyết định", issued_date="2025-08-05")
    assert list(ts) == ["Điều 2", "Điều 3"]
    assert ts["Điều 3"]["text"].startswith("Chánh Văn phòng UBND tỉnh")
    assert len(who(ts["Điều 3"])) == 5


SECTION_TABLE = """KẾ HOẠCH
Triển khai Đề án 06 trên địa bàn tỉnh năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ các nhiệm vụ của Đề án 06.

II. NHIỆM VỤ CỤ THỂ

STT

Nội dung nhiệm vụ

Đơn vị chủ trì

Đơn vị phối hợp

Thời hạn hoàn thành

1

Làm sạch dữ liệu dân cư, bảo đảm "đúng, đủ, sạch, sống"

Công an tỉnh

UBND các xã, phường

Tháng 6/2025

2

Triển khai 100% thủ tục hành chính trực tuyến toàn trình

Sở Khoa học và Công nghệ

Các sở, ban, ngành

Quý III/2025

III. TỔ CHỨC THỰC HIỆN
Công an tỉnh là cơ quan thường trực, theo dõi, tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.
"""


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_ke_hoach_task_table_inside_a_section(sep):
    ts = run(SECTION_TABLE.replace("\n\n", sep), doc_type="Kế hoạch", issued_date="2025-03-01")
    assert list(ts) == ["II.1", "II.2", "III.1"]
    one = ts["II.1"]
    assert one["text"].startswith("Làm sạch dữ liệu dân cư")
    assert roles(one) == [("Công an tỉnh", "chủ trì")] and who(one, "supporting") == ["UBND các xã, phường"]
    assert dates(one) == ["2025-06-30"]
    two = ts["II.2"]
    assert who(two) == ["Sở Khoa học và Công nghệ"] and who(two, "supporting") == ["Các sở, ban, ngành"]
    assert dates(two) == ["2025-09-30"] and [x["value"] for x in two["targets"]] == [100]
    assert who(ts["III.1"]) == ["Công an tỉnh"] and ts["III.1"]["report_to"] == "UBND tỉnh"


def test_ke_hoach_whose_first_section_holds_the_tasks():
    raw = """KẾ HOẠCH
Phòng, chống dịch bệnh động vật năm 2025

I. NHIỆM VỤ TRỌNG TÂM
1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Chăn nuôi và Thú y tổ chức tiêm phòng đạt trên 80% tổng đàn.
2. UBND các xã, phường thống kê số lượng gia súc, gia cầm, gửi về Sở Nông nghiệp và Môi trường trước ngày 30/4/2025.

II. KINH PHÍ
Từ nguồn ngân sách tỉnh.
"""
    ts = run(raw, doc_type="Kế hoạch", issued_date="2025-02-10")
    assert list(ts) == ["I.1", "I.2"]
    assert who(ts["I.1"], "delegates") == ["Chi cục Chăn nuôi và Thú y"]
    assert [x["value"] for x in ts["I.1"]["targets"]] == [80]
    assert ts["I.2"]["report_to"] == "Sở Nông nghiệp và Môi trường" and dates(ts["I.2"]) == ["2025-04-30"]


def test_lead_and_supporting_bodies_swap_between_items():
    raw = """III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tổ chức thực hiện Kế hoạch.
2. Bảo hiểm xã hội tỉnh phối hợp với Sở Y tế bảo đảm quyền lợi người tham gia bảo hiểm y tế.
"""
    ts = run(raw, doc_type="Kế hoạch")
    assert roles(ts["III.1"]) == [("Sở Y tế", "chủ trì")]
    assert who(ts["III.1"], "supporting") == ["Bảo hiểm xã hội tỉnh"]
    assert roles(ts["III.2"]) == [("Bảo hiểm xã hội tỉnh", "phối hợp")]
    assert who(ts["III.2"], "supporting") == []


def test_sentences_of_a_closing_paragraph_after_short_words():
    # "… đến cấp xã. Giao …", "… kịp thời xử lý. Sở …": a sentence may end on a word of two letters
    body = """Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường.

1. Sở Nội vụ hướng dẫn việc sắp xếp tổ chức bộ máy đến cấp xã.

Các cơ quan, đơn vị phản ánh kịp thời những khó khăn phát sinh để xử lý. Giao Sở Nội vụ theo dõi, tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 30/9/2025. Sở Tài chính bảo đảm kinh phí thực hiện./.
"""
    ts = run(cv(body), issued_date="2025-09-01")
    assert list(ts) == ["1", "2", "3", "4"]
    assert ts["3"]["text"].startswith("Giao Sở Nội vụ theo dõi")
    assert who(ts["3"]) == ["Sở Nội vụ"] and ts["3"]["report_to"] == "Chủ tịch UBND tỉnh"
    assert dates(ts["3"]) == ["2025-09-30"]
    assert ts["4"]["text"] == "Sở Tài chính bảo đảm kinh phí thực hiện./."


def test_a_short_lead_in_names_the_bodies():
    body = """Kính gửi: Các cơ quan, đơn vị trực thuộc Sở.

Đề nghị các đơn vị:

1. Rà soát danh sách cán bộ, công chức đủ điều kiện nghỉ hưu năm 2026.

2. Gửi báo cáo về Sở Nội vụ trước ngày 10/10/2025.
"""
    ts = run(body, issued_date="2025-10-01")
    assert list(ts) == ["1", "2"]
    assert who(ts["1"]) == who(ts["2"]) == ["các đơn vị"]
    assert ts["2"]["report_to"] == "Sở Nội vụ" and dates(ts["2"]) == ["2025-10-10"]


def test_headings_doi_voi_name_the_bodies_of_their_points():
    body = """Kính gửi: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.

Để triển khai hiệu quả, UBND tỉnh yêu cầu:

1. Đối với các sở, ban, ngành:
- Tăng cường kiểm tra, giám sát việc thực hiện.
- Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2025.

2. Đối với UBND các huyện, thị xã, thành phố:
- Chỉ đạo UBND cấp xã triển khai thực hiện.
- Bảo đảm 100% xã hoàn thành trước ngày 30/11/2025.

3. Đối với các dự án chậm tiến độ, Sở Tài chính rà soát, đề xuất điều chuyển vốn.
"""
    ts = run(cv(body, "PHÚ THỌ", "Phú Thọ"), issued_date="2025-10-01")
    assert shape(ts) == [("1", None), ("1.1", "1"), ("1.2", "1"), ("2", None), ("2.1", "2"), ("2.2", "2"),
                         ("3", None)]
    assert who(ts["1"]) == who(ts["1.2"]) == ["các sở, ban, ngành"]
    assert ts["1.2"]["report_to"] == "Sở Nội vụ"
    assert who(ts["2.1"]) == ["UBND các huyện, thị xã, thành phố"]
    assert who(ts["2.1"], "delegates") == ["UBND cấp xã"]
    assert [x["value"] for x in ts["2.2"]["targets"]] == [100]
    assert who(ts["3"]) == ["Sở Tài chính"]              # "Đối với" a matter: the body comes after it


def test_thong_tu_implementation_article_over_a_semicolon():
    raw = """Điều 10. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.

Điều 11. Trách nhiệm thi hành
1. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ;
Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này.
2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan, tổ chức phản ánh về Bộ Nội vụ để được hướng dẫn./.
"""
    ts = run(raw, doc_type="Thông tư")
    assert list(ts) == ["Điều 11.1"]
    assert who(ts["Điều 11.1"]) == ["Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
                                    "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
                                    "các cơ quan, tổ chức, cá nhân có liên quan"]


def test_an_office_named_with_its_field_of_work():
    raw = """Điều 8. Trách nhiệm của các cơ quan, tổ chức
1. Người đứng đầu đơn vị sự nghiệp công lập trực tiếp quản lý viên chức lĩnh vực việc làm có trách nhiệm:
a) Rà soát vị trí việc làm của đơn vị;
b) Báo cáo kết quả bổ nhiệm về Bộ Nội vụ trước ngày 31 tháng 12 năm 2025.
"""
    ts = run(raw, doc_type="Thông tư", issued_date="2025-05-01")
    office = ["Người đứng đầu đơn vị sự nghiệp công lập trực tiếp quản lý viên chức lĩnh vực việc làm"]
    assert who(ts["Điều 8.1"]) == who(ts["Điều 8.1.a"]) == who(ts["Điều 8.1.b"]) == office
    assert ts["Điều 8.1.b"]["report_to"] == "Bộ Nội vụ" and dates(ts["Điều 8.1.b"]) == ["2025-12-31"]


def test_nghi_dinh_implementation_clause_under_dieu_khoan_thi_hanh():
    raw = """Điều 9. Xử lý chuyển tiếp
Các hồ sơ đã nộp trước ngày Nghị định này có hiệu lực được tiếp tục giải quyết theo quy định cũ.

Điều 10. Điều khoản thi hành
1. Nghị định này có hiệu lực thi hành từ ngày 15 tháng 7 năm 2026.
2. Bộ Tài chính chủ trì hướng dẫn thực hiện Nghị định này.
3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương, các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này./.
"""
    ts = run(raw, doc_type="Nghị định")
    # the article is about effect ("Điều khoản thi hành"): its rules are no tasks, the clause that
    # names who carries the decree out is
    assert list(ts) == ["Điều 10.3"]
    assert who(ts["Điều 10.3"]) == ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ",
                                    "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
                                    "các tổ chức, cá nhân có liên quan"]
