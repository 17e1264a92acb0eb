"""Tasks: segmentation, assignees, delegates and report_to on the corpus dispatches."""
from conftest import DATA, corpus_text

from extractors.tasks import extract_tasks
from pipeline.normalize import normalize


def tasks_of(name: str, issued: str | None = None) -> dict[str, dict]:
    t = corpus_text(name)
    out = extract_tasks(t, {"issued_date": issued})
    for task in out:   # every span points at its text
        assert t.text[task["span"][0]:task["span"][1]] == task["text"]
        for a in task["assignees"] + task["delegates"]:
            assert a["span"][1] > a["span"][0]
    return {task["id"]: task for task in out}


def who(task: dict, key: str = "assignees") -> list[str]:
    return [a["text"] for a in task[key]]


def shape(tasks: dict) -> list[tuple[str, str | None]]:
    return [(i, t["parent"]) for i, t in tasks.items()]


# --- seeds -----------------------------------------------------------------------------------

def test_seed_000_items_take_their_assignee_from_the_lead_in():
    ts = tasks_of("000_", "2020-08-18")
    assert shape(ts) == [("1", None), ("2", None), ("3", None), ("3.1", "3"), ("3.2", "3"), ("3.3", "3")]
    lead = ["Chủ tịch UBND các huyện, thị xã, Thành phố Huế"]   # "… yêu cầu Chủ tịch UBND …:"
    assert all(who(t) == lead for t in ts.values())
    assert ts["1"]["text"].startswith("Khẩn trương chỉ đạo Chủ tịch UBND từng xã")
    assert who(ts["1"], "delegates") == ["Chủ tịch UBND từng xã, phường, thị trấn"]
    assert ts["3"]["text"] == "Chỉ đạo các đơn vị trực thuộc, UBND các phường, xã, thị trấn:"
    assert who(ts["3"], "delegates") == ["các đơn vị trực thuộc", "UBND các phường, xã, thị trấn"]
    # neither the note after the list nor the closing "Yêu cầu … nghiêm túc … thực hiện" is a task
    assert not any("Tài liệu, tư liệu" in t["text"] or "nghiêm túc, khẩn trương" in t["text"]
                   for t in ts.values())


def test_seed_001_the_closing_paragraph_holds_two_tasks():
    ts = tasks_of("001_7", "2020-08-14")
    assert list(ts) == ["1", "2", "3", "4"]
    assert who(ts["1"]) == ["thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã, thị trấn"]
    assert who(ts["2"]) == ["Ủy ban nhân dân các xã, thị trấn"]          # its own subject
    # "Ủy ban nhân dân huyện yêu cầu X; Y khẩn trương tổ chức thực hiện, báo cáo … trước 14h00 hàng ngày."
    assert ts["3"]["text"].startswith("Ủy ban nhân dân huyện yêu cầu thủ trưởng")
    assert ts["3"]["text"].endswith("trước 14h00 hàng ngày.")
    assert who(ts["3"]) == ["thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã, thị trấn"]
    assert ts["3"]["report_to"] == "Ủy ban nhân dân huyện"
    assert ts["4"]["text"].startswith("Giao Phòng Văn hóa và Thông tin huyện tổng hợp")
    assert who(ts["4"]) == ["Phòng Văn hóa và Thông tin huyện"]
    assert ts["4"]["report_to"].startswith("Sở Thông tin và Truyền thông")
    assert [(d["time"], d["recurrence"]) for d in ts["3"]["deadlines"]] == [("14:00", "daily")]


def test_seed_002_assignees_named_before_a_colon():
    ts = tasks_of("002_b")
    assert list(ts) == ["1", "2", "3", "4"]
    assert who(ts["1"]) == ["Thủ trưởng các cơ quan, đơn vị", "Chủ tịch UBND các xã, thị trấn"]
    assert who(ts["2"]) == ["Phòng Văn hóa & Thông tin", "Trung tâm Văn hóa - TT-TT huyện"]
    assert who(ts["3"]) == ["Huyện đoàn Vĩnh Tường"]                     # "Đề nghị Huyện đoàn …:"
    assert who(ts["4"]) == ["BCĐ phòng dịch", "UBND các xã, thị trấn"]
    assert ts["4"]["assignees"][0]["role"] == "phối hợp"                  # ": Phối hợp Ủy ban MTTQ …"


def test_seed_003_a_task_split_by_a_page_break_is_one_task():
    ts = tasks_of("003_", "2020-08-15")
    assert list(ts) == ["1", "2", "3", "4", "5"]
    assert who(ts["1"]) == ["các sở, ban, ngành, tổ chức đoàn thể, cơ quan, đơn vị"]   # lead-in
    assert who(ts["2"]) == ["Các cơ quan, đơn vị, địa phương"]
    assert ts["2"]["report_to"] == "Sở Thông tin và Truyền thông"
    four = ts["4"]
    assert four["text"].startswith("Sở Thông tin và Truyền thông tập trung chỉ đạo")
    assert "thực hiện các nhiệm vụ phòng, chống dịch Covid-19; đồng thời phải tăng cường kiểm tra" in four["text"]
    assert four["text"].endswith("Ban chỉ đạo phòng, chống dịch Covid-19 của tỉnh.")
    assert who(four) == ["Sở Thông tin và Truyền thông"]
    assert four["report_to"] == "UBND tỉnh"
    assert who(ts["5"]) == ["Ủy ban Mặt trận Tổ quốc tỉnh", "các đoàn thể chính trị - xã hội tỉnh"]


def test_seed_004_each_item_names_its_own_body():
    ts = tasks_of("004_a")
    assert [who(t) for t in ts.values()] == [
        ["Thủ trưởng các phòng, ban chuyên môn", "Chủ tịch UBND các phường, xã"],
        ["Phòng Văn hóa và Thông tin"],
        ["Phòng Quản lý Đô thị"],
        ["Phòng Giáo dục và Đào tạo"],
        ["UBND các phường, xã"],
        ["Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu"],
    ]
    assert who(ts["5"], "delegates") == ["bộ phận Văn hóa, thông tin"]


# --- dev dispatches --------------------------------------------------------------------------

def test_cong_dien_217_grouped_ministries_and_sub_items():
    ts = tasks_of("001_cd")
    assert shape(ts)[:8] == [("1", None), ("1.a", "1"), ("1.b", "1"), ("1.c", "1"), ("1.d", "1"),
                             ("1.đ", "1"), ("2", None), ("2.a", "2")]
    assert len(ts) == 17
    # a heading that only names the body: the task is the whole item, the points its parts
    assert ts["1"]["text"].startswith("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:")
    assert "a) Tổ chức theo dõi chặt chẽ" in ts["1"]["text"]
    assert who(ts["1.c"]) == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"]
    assert who(ts["2.a"], "delegates") == ["cơ quan dự báo khí tượng thủy văn"]
    assert ts["2.c"]["report_to"] == "Ban chỉ đạo phòng thủ dân sự quốc gia và Thủ tướng Chính phủ"
    assert who(ts["5"]) == ["Bộ Quốc phòng", "Bộ Công an"]
    assert who(ts["5"], "delegates") == ["các đơn vị đóng trên địa bàn"]
    assert who(ts["6"]) == ["Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Khoa học và Công nghệ",
                            "Bộ Văn hóa, Thể thao và Du lịch"]
    assert who(ts["8"]) == ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]
    assert who(ts["9"]) == ["Văn phòng Chính phủ"]
    assert ts["9"]["report_to"] == "Thủ tướng Chính phủ và Phó Thủ tướng phụ trách lĩnh vực"


def test_cong_dien_223_two_offices_share_the_provinces():
    ts = tasks_of("002_cd")
    assert who(ts["1"]) == ["Bí thư tỉnh ủy các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai",
                            "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai",
                            "lãnh đạo các Bộ, ngành"]
    assert shape(ts)[1:5] == [("2", None), ("2.1", "2"), ("2.2", "2"), ("2.3", "2")]
    assert ts["2.1"]["report_to"] == ("Thủ tướng Chính phủ, Bộ trưởng Bộ Quốc phòng, "
                                      "Bộ trưởng Bộ Nông nghiệp và Môi trường")
    assert who(ts["4"], "delegates") == ["công an các địa phương", "các lực lượng chức năng"]
    assert who(ts["8"]) == ["Bộ Quốc phòng", "Bộ Tài chính"]


def test_cong_dien_232_a_paragraph_with_its_own_body_and_the_closing_task():
    ts = tasks_of("009_", "2025-11-27")
    assert shape(ts) == [("1", None), ("1.1", "1"), ("1.2", "1"), ("1.3", "1"), ("1.4", "1"),
                         ("2", None), ("3", None), ("4", None)]
    assert who(ts["1"]) == ["Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng"]
    assert who(ts["1"], "delegates") == ["cơ quan chức năng", "chính quyền cơ sở"]
    # the unnumbered paragraph after (1)-(3) belongs to item 1, with its own subject
    para = ts["1.4"]
    assert para["text"].startswith("Ủy ban nhân dân các tỉnh: Đắk Lắk")
    assert who(para) == ["Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng"]
    assert para["report_to"] == "Văn phòng Chính phủ và các Bộ: Tài chính, Nông nghiệp và Môi trường"
    assert [(d["date"], d["time"]) for d in para["deadlines"]] == [("2025-11-27", "17:00")]
    assert who(ts["3"]) == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]
    assert ts["4"]["text"].startswith("Văn phòng Chính phủ theo dõi, đôn đốc các Bộ")
    assert who(ts["4"]) == ["Văn phòng Chính phủ"]
    assert ts["4"]["report_to"] == "Thủ tướng Chính phủ"


def test_cong_dien_96_lead_in_headings_roles():
    ts = tasks_of("004_cd")
    assert who(ts["1"]) == ["các cơ quan, đơn vị"]            # "Bộ Xây dựng yêu cầu các cơ quan, đơn vị:"
    assert who(ts["2"]) == ["Các cơ quan, đơn vị"]
    assert who(ts["3"]) == ["Cục Đường bộ Việt Nam"]
    assert [i for i, t in ts.items() if t["parent"] == "3"] == ["3.1", "3.2", "3.3"]
    assert who(ts["3.1"], "delegates") == ["các Khu Quản lý đường bộ III và IV"]
    assert who(ts["4"]) == ["Các Sở Xây dựng nêu trên"]
    five = ts["5"]                                             # "… khẩn trương tiếp tục chủ trì, phối hợp với …"
    assert [(a["text"], a["role"]) for a in five["assignees"]] == [("Ban Quản lý Dự án 85", "chủ trì")]
    assert who(five, "supporting") == ["Sở Xây dựng Lâm Đồng", "các cơ quan, đơn vị có liên quan"]
    assert who(ts["7"]) == ["Cục Kinh tế - Quản lý đầu tư xây dựng"]
    assert who(ts["8"]) == ["Các đơn vị"]
    assert ts["8"]["report_to"] == "Ban Chỉ huy Phòng thủ dân sự Bộ Xây dựng"
    # the attached dispatch mentioned after "./." is no task
    assert len(ts) == 15


def test_cong_van_4240_giao_headings():
    ts = tasks_of("016_", "2025-11-28")
    assert shape(ts) == [("1", None), ("1.1", "1"), ("1.2", "1"), ("1.3", "1"), ("1.4", "1"),
                         ("2", None), ("2.1", "2"), ("2.2", "2"), ("2.3", "2")]
    assert who(ts["1"]) == [
        "người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập "
        "trực thuộc Ủy ban nhân Thành phố",
        "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu"]
    assert who(ts["2"]) == ["Sở Nội vụ"] == who(ts["2.2"])
    assert ts["2"]["text"].startswith("Giao Sở Nội vụ\n- Tiếp tục phối hợp")
    assert [(d["date"]) for d in ts["1.1"]["deadlines"]] == ["2025-12-06"]


def test_cong_van_5095_bullets_after_cu_the():
    ts = tasks_of("018_")
    assert list(ts) == ["1", "2", "3"]
    lead = ["UBND các xã, phường", "các đơn vị, cơ sở giáo dục trực thuộc"]
    assert who(ts["1"]) == lead and who(ts["2"]) == lead
    # "Trường hợp …(VN_AQI ≥ 301), các đơn vị, trường học chủ động tạm dừng …"
    assert who(ts["3"]) == ["các đơn vị, trường học"]


def test_ke_hoach_0129_only_the_phan_cong_nhiem_vu_section_holds_tasks():
    ts = tasks_of("006_", "2025-11-21")
    assert all(i.startswith("IV.") for i in ts)
    tops = [i for i, t in ts.items() if t["parent"] is None]
    assert tops[:3] == ["IV.1", "IV.2", "IV.3"]
    # the 15 items and the closing sentence ("… kịp thời báo cáo UBND tỉnh (qua Sở Công Thương) …")
    assert len(tops) == 16
    assert not any("Hỗ trợ khẩn cấp lương thực" in t["text"] for t in ts.values())   # II. MỤC TIÊU
    third = ts["IV.1.3"]
    assert third["parent"] == "IV.1"
    assert third["text"].startswith("Phối hợp Bộ Chỉ huy Quân sự tỉnh")
    assert [(a["text"], a["role"]) for a in third["assignees"]] == [("Sở Công Thương", "phối hợp")]
    assert third["report_to"] == "UBND tỉnh"
    assert who(ts["IV.9"]) == ["Báo và Phát thanh - Truyền hình Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch",
                               "Cổng Thông tin điện tử tính", "hệ thống truyền thanh cơ sở"]
    assert who(ts["IV.11.3"], "supporting") == ["UBND tỉnh", "Sở Công Thương", "các cơ quan liên quan"]
    assert ts["IV.10.2"]["report_to"] == "UBND tỉnh"


def test_ke_hoach_308_plan_items_of_labelled_fields():
    ts = tasks_of("022_", "2025-11-17")
    # "1. Về dữ liệu" and "4. Về nguồn lực" only group items; I. MỤC ĐÍCH, YÊU CẦU holds none
    assert list(ts) == ["II.1.1", "II.1.2", "II.2", "II.3", "II.4.1", "II.4.2", "II.4.3", "III.1", "III.2"]
    assert all(t["parent"] is None for t in ts.values())
    one = ts["II.1.1"]
    assert one["text"].startswith("Xây dựng các Chiến lược triển khai của thành phố Hà Nôi:")
    assert "c) Thời gian thực hiện: Hoàn thành trong năm 2025." in one["text"]
    assert [(a["text"], a["role"]) for a in one["assignees"]] == [("Sở Khoa học và Công nghệ", "chủ trì")]
    assert who(one, "supporting") == ["Các Sở, ban, ngành"]
    assert who(ts["II.3"]) == ["Công an Thành phố"]
    assert who(ts["II.3"], "supporting") == ["Các Sở, ban, ngành", "UBND xã, phường"]
    # a "-" the crawl put at the start of a line inside a sentence is no sub-item
    assert "- Cơ quan thường trực Tổ công tác triển khai Đề án 06" in ts["III.1"]["text"]
    assert who(ts["III.1"]) == ["Sở Khoa học và Công nghệ"]
    assert who(ts["III.2"]) == ["Các Sở, ban, ngành", "UBND xã, phường", "các cơ quan, tổ chức có liên quan"]
    assert ts["III.2"]["report_to"] == "UBND Thành phố"


# --- a decision, an annex table --------------------------------------------------------------

def test_quyet_dinh_membership_and_powers_are_no_tasks():
    raw = (DATA / "dev" / "pdf_text" / "quyet-dinh-so-798-qd-ttg-469485.txt").read_text(encoding="utf-8")
    t = normalize(raw)
    ts = {x["id"]: x for x in extract_tasks(t, {"doc_type": "Quyết định"})}
    # Điều 1 lists members, Điều 3 powers, Điều 4 working rules; Điều 7 names who carries the
    # decision out ("… chịu trách nhiệm thi hành Quyết định này"), over a page break
    assert list(ts) == ["Điều 2.1", "Điều 2.2", "Điều 2.3", "Điều 7"]
    assert all(who(ts[i]) == ["Ban Chỉ đạo"] for i in ("Điều 2.1", "Điều 2.2", "Điều 2.3"))
    assert ts["Điều 2.1"]["text"].startswith("Nghiên cứu, xây dựng Đề án về cải cách chính sách tiền lương")
    assert ts["Điều 7"]["text"].endswith("Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    assert who(ts["Điều 7"]) == ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ",
                                 "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương", "các thành viên"]


# The end of Nghị quyết 109/NQ-CP and the first rows of its Phụ lục III as a reader gives a
# table: one cell per paragraph (cells and wording as printed in the Công báo).
NQ_109_ANNEX = """Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này./.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Phụ lục III

PHÂN CÔNG TRIỂN KHAI CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026

(Kèm theo Nghị quyết số 109/NQ-CP ngày 16 tháng 04 năm 2026 của Chính phủ)

TT

NHIỆM VỤ

THỜI HẠN

HOÀN THÀNH

CƠ QUAN CHỦ TRÌ

CƠ QUAN PHỐI HỢP

I

Nhóm nhiệm vụ về tập trung hoàn thiện thể chế phát triển đồng bộ, hiện đại, cạnh tranh để tạo đột phá tăng trưởng

1

Tổng rà soát hệ thống pháp luật Việt Nam

Tháng 12/2026

Bộ Tư pháp chủ trì hướng dẫn, tổng hợp, báo cáo

Các bộ, cơ quan, địa phương rà soát trong lĩnh vực quản lý được giao

2

Xây dựng chiến lược hệ thống pháp luật Việt Nam trong kỷ nguyên mới

Tháng 12/2026

Bộ Tư pháp

Các bộ, cơ quan, địa phương theo chức năng quản lý

3

Sửa đổi Luật Đất đai và các văn bản hướng dẫn thi hành

Quý IV/2026

Bộ Nông nghiệp và Môi trường

Các bộ, cơ quan, địa phương và đơn vị có liên quan
"""


def test_an_annex_task_table_gives_one_task_a_row():
    t = normalize(NQ_109_ANNEX)
    ts = {x["id"]: x for x in extract_tasks(t, {"doc_type": "Nghị quyết", "issued_date": "2026-04-16"})}
    assert list(ts) == ["Điều 3", "Phụ lục III.1", "Phụ lục III.2", "Phụ lục III.3"]
    assert who(ts["Điều 3"]) == ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
                                 "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"]
    one = ts["Phụ lục III.1"]
    assert one["text"].startswith("Tổng rà soát hệ thống pháp luật Việt Nam\n\nTháng 12/2026")
    assert [(a["text"], a["role"]) for a in one["assignees"]] == [("Bộ Tư pháp", "chủ trì")]
    assert [(a["text"], a["role"]) for a in one["supporting"]] == [("Các bộ, cơ quan, địa phương", "phối hợp")]
    three = ts["Phụ lục III.3"]
    assert who(three) == ["Bộ Nông nghiệp và Môi trường"]
    assert who(three, "supporting") == ["Các bộ, cơ quan, địa phương", "đơn vị có liên quan"]
    # the deadline is read in the time column only
    assert three["deadlines"] and all(t.text[d["span"][0]:d["span"][1]].startswith("Quý IV/2026") for d in three["deadlines"])


def test_a_list_of_facts_before_the_lead_in_holds_no_task():
    # sentences of the corpus: the facts of 0129/KH-UBND (I.), then the lead-in and the tasks of
    # 5095/SGDĐT
    raw = """Kính gửi:

- UBND các xã, phường;
- Các đơn vị, cơ sở giáo dục trực thuộc.

Thời gian qua, Ủy ban nhân dân huyện đã ban hành nhiều văn bản chỉ đạo việc triển khai.

- Từ ngày 15/11 đến ngày 20/11/2025, trên địa bàn tỉnh Đắk Lắk xảy ra đợt mưa rất lớn trên diện rộng.

- Đến 12h00 ngày 21/11/2025, toàn tỉnh ghi nhận nhiều trường hợp chết, mất tích; hơn 200.000 nhà bị ngập.

Nhằm đảm bảo sức khỏe cho học sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc theo văn bản chỉ đạo của UBND Thành phố, chủ động điều chỉnh lịch học tập và sinh hoạt ngoài trời. Cụ thể:

- Thường xuyên cập nhật thông tin về chất lượng không khí, theo dõi chỉ số VN_AQI tại các trạm quan trắc không khí trên địa bàn Thành phố.

- Hạn chế các hoạt động ngoài trời cho học sinh trong các khung giờ và ngày có chất lượng không khí ở mức "Xấu" trở lên.

Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.
"""
    ts = extract_tasks(normalize(raw), {})
    assert [t["id"] for t in ts] == ["1", "2"]
    assert ts[0]["text"].startswith("Thường xuyên cập nhật thông tin")
    assert who(ts[0]) == ["UBND các xã, phường", "các đơn vị, cơ sở giáo dục trực thuộc"]
