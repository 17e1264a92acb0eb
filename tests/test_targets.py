"""Numeric targets: real sentences of the corpus and of administrative usage, the background
statistics that are not targets, and the targets of the gold tasks."""
import json

import pytest
from conftest import CORPUS
from test_deadlines import GOLD, task_text   # the same task texts as the deadline tests

from extractors.base import new_tones
from extractors.targets import extract_targets
from pipeline.normalize import normalize


def T(value, unit, comparator, phrase, by=None):
    return {"value": value, "unit": unit, "comparator": comparator, "by": by, "phrase": phrase}


TARGETS = [
    # seed 001 (Hướng Hóa, 2020): the target is tied to the deadline of its own sentence
    ("Đảm bảo đến ngày 20/8/2020, tối thiểu 60% người dùng điện thoại thông minh trên địa bàn huyện được "
     "cài đặt ứng dụng Bluezone.",
     [T(60, "%", ">=", "tối thiểu 60%", by="2020-08-20")]),
    # seed 000 (Thừa Thiên Huế, 2020), task 3
    ("- Phổ biến, hướng dẫn đến 100% cán bộ, công chức, viên chức và người lao động cài đặt và sử dụng ứng "
     "dụng Bluezone trên thiết bị di động thông minh; đồng thời, phổ biến và vận động người thân, bạn bè (ít "
     "nhất 3 người) sử dụng thiết bị di động thông minh cài đặt Bluezone.",
     [T(100, "%", "=", "hướng dẫn đến 100%"), T(3, "người", ">=", "ít nhất 3 người")]),
    # seed 003
    ("tăng cường công tác kiểm tra, giám sát, đảm bảo 100% cán bộ, công chức, viên chức cài đặt ứng dụng trên "
     "điện thoại thông minh; báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 18/8/2020.",
     [T(100, "%", "=", "đảm bảo 100%")]),
    # seed 004
    ("Chủ tịch UBND các phường, xã chỉ đạo, quán triệt 100% cán bộ, công chức, viên chức và người lao động "
     "trong cơ quan cài đặt và sử dụng ứng dụng Bluezone",
     [T(100, "%", "=", "quán triệt 100%")]),
    # 4240/UBND-VX (TP. Hồ Chí Minh, 2025)
    ("- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức, viên chức và hoàn "
     "thành 100% việc cập nhật lý lịch cán bộ, công chức, viên chức và đảm bảo đồng bộ dữ liệu vào Cơ sở dữ "
     "liệu quốc gia trước ngày 06 tháng 12 năm 2025.",
     [T(100, "%", "=", "hoàn thành 100%", by="2025-12-06")]),
    # 308/KH-UBND (Hà Nội, 2025)
    ("Trong đó, ưu tiên triển khai hoàn thiện 11 cơ sở dữ liệu quốc gia và chuyên ngành trọng yếu, trực "
     "tiếp phục vụ cải cách thủ tục hành chính",
     [T(11, "cơ sở dữ liệu", "=", "hoàn thiện 11 cơ sở dữ liệu")]),
    # Thông tư 14/2024/TT-BLĐTBXH, Nghị quyết 109/NQ-CP
    ("e) Tiêu chuẩn 8.6: Trong vòng 12 tháng kể từ khi tốt nghiệp, ít nhất 80% người học tốt nghiệp có việc "
     "làm phù hợp với ngành, nghề đào tạo.",
     [T(80, "%", ">=", "ít nhất 80%")]),
    ("c) Tiêu chuẩn 7.3: Trung tâm có tỷ lệ từ 80% trở lên người học có việc làm",
     [T(80, "%", ">=", "80% trở lên")]),
    ("Kết quả tuyển sinh đạt tối thiểu 80% chỉ tiêu theo kế hoạch",
     [T(80, "%", ">=", "đạt tối thiểu 80%")]),
    ("cắt giảm thủ tục hành chính, bảo đảm cấp Bộ chỉ thực hiện không quá 30% tổng số thủ tục hành chính",
     [T(30, "%", "<=", "không quá 30%")]),
    # administrative usage
    ("phấn đấu đạt trên 90% hồ sơ được giải quyết trực tuyến toàn trình",
     [T(90, "%", ">", "phấn đấu đạt trên 90%")]),
    ("tỷ lệ hồ sơ giải quyết đúng hạn đạt 95% trở lên", [T(95, "%", ">=", "đạt 95% trở lên")]),
    ("mỗi xã cử tối đa 02 cán bộ tham dự tập huấn", [T(2, "cán bộ", "<=", "tối đa 02 cán bộ")]),
    ("số người tham dự mỗi điểm không quá 50 người", [T(50, "người", "<=", "không quá 50 người")]),
    ("phấn đấu tỷ lệ hộ nghèo giảm dưới 2%", [T(2, "%", "<", "giảm dưới 2%")]),
    ("Chỉ tiêu: 100% trường học được kiểm tra an toàn phòng cháy", [T(100, "%", "=", "100%")]),
    ("phấn đấu thu ngân sách đạt 1.250,5 tỷ đồng", [T(1250.5, "tỷ đồng", "=", "đạt 1.250,5 tỷ đồng")]),
    ("bảo đảm tỷ lệ tối thiểu 16,5% trong tổng chi ngân sách",
     [T(16.5, "%", ">=", "bảo đảm tỷ lệ tối thiểu 16,5%")]),
    ("tối thiểu 02 chu kỳ kiểm định liên tiếp", [T(2, "chu kỳ", ">=", "tối thiểu 02 chu kỳ")]),
]


@pytest.mark.parametrize("text,expected", TARGETS, ids=[t[:40] for t, _ in TARGETS])
def test_target(text, expected):
    found = extract_targets(text)
    assert [f.value for f in found] == expected
    for f in found:
        assert text[f.start:f.end] == f.value["phrase"]


# statistics quoted as background, frequencies, scopes, conditions: not targets
NOT_TARGETS = [
    "tuy nhiên, theo thống kê tính đến ngày 13/8/2020, tỉnh Thừa Thiên Huế mới có 183.620 thuê bao/1.128.620 "
    "dân số cài đặt ứng dụng Bluezone, đạt tỷ lệ 16,27% và xếp thứ 12 trên toàn quốc.",
    "Tuy nhiên, tính đến nay số lượng người cài đặt ứng dụng còn thấp (trên 33 nghìn người), chiếm khoảng "
    "7,4% dân số toàn tỉnh.",
    "từ sáng nay (ngày 16/11/2025) tại khu vực từ Quảng Trị đến Khánh Hòa đã có mưa to đến rất to với lượng "
    "mưa 100-150mm, một số nơi ở Huế, Đà Nẵng, Quảng Ngãi, Khánh Hòa trên 200mm, cá biệt tại Hồng Thái (Huế) "
    "gần 400mm.",
    "- Huy động nguồn lực xã hội hóa tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình tiếp "
    "nhận, cấp phát gửi UBND tỉnh (qua Sở Công Thương).",
    "bảo đảm đúng mục đích cứu trợ khẩn cấp, đúng đối tượng, ưu tiên 40 xã, phường đã được công bố tình huống "
    "khẩn cấp.",
    "toàn tỉnh ghi nhận nhiều trường hợp chết, mất tích; hơn 200.000 nhà bị ngập, gần 20.000 hộ phải sơ tán; "
    "hàng trăm trường học, trạm y tế bị ngập, hư hỏng; trên 63.000 ha cây trồng ngắn ngày",
    "Tổng thiệt hại ước trên 4.500 tỷ đồng (chưa kể thiệt hại tài sản trong dân)",
    "- Đảm bảo người già neo đơn, trẻ em, phụ nữ mang thai, hộ nghèo, người khuyết tật tại khu vực bị ảnh "
    "hưởng được tiếp cận hỗ trợ trong 24 giờ đầu kể từ khi lực lượng đến được hiện trường.",
    "- Trường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng (VN_AQI ≥ 301), các đơn vị, trường "
    "học chủ động tạm dừng hoặc điều chỉnh thời gian làm việc",
    "Ngoài ra, tập trung hỗ trợ hơn 20.000 hộ bị ảnh hưởng trực tiếp, đặc biệt tại các khu vực thấp trũng",
    "Quyết định số 1229/QĐ-UBND ngày 28/02/2025 của UBND Thành phố",
    "Năm 2024, tỉnh đạt 95% kế hoạch thu ngân sách.",
    "UBND xã, phường thực hiện trực ban phòng chống thiên tai 24/24",
]


@pytest.mark.parametrize("text", NOT_TARGETS, ids=[t[:40] for t in NOT_TARGETS])
def test_not_a_target(text):
    assert extract_targets(text) == []


def test_vietnamese_numbers():
    assert extract_targets("phấn đấu đạt 183.620 thuê bao")[0].value["value"] == 183620
    assert extract_targets("tối thiểu 16,27%")[0].value["value"] == 16.27
    assert isinstance(extract_targets("tối thiểu 60%")[0].value["value"], int)


def test_by_from_the_argument_and_offset():
    text = "đảm bảo 100% cán bộ, công chức cài đặt ứng dụng"
    [f] = extract_targets(text, offset=10, by="2020-08-18")
    assert f.value["by"] == "2020-08-18"
    assert (f.start, f.end) == (text.index("đảm bảo") + 10, text.index("%") + 11)
    # a deadline of the target's own sentence wins over the argument
    [f] = extract_targets("Đảm bảo đến ngày 20/8/2020, tối thiểu 60% người dùng", by="2020-09-01")
    assert f.value["by"] == "2020-08-20"


# --- the gold tasks ----------------------------------------------------------------------------
@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_gold_targets(gold):
    g = json.loads(gold.read_text(encoding="utf-8"))
    text = normalize((CORPUS / (gold.stem + ".txt")).read_text(encoding="utf-8")).text
    for task in g.get("tasks", []):
        part = task_text(text, new_tones(task["quote"]))
        got = sorted((f.value["value"], f.value["unit"], f.value["comparator"]) for f in extract_targets(part))
        want = sorted((t["value"], t["unit"], t["comparator"]) for t in task.get("targets", []))
        assert got == want, task["quote"]
