"""The obligation tracker (pipeline/track.py): addressees → units, the store, due/done/report.

The records here are shaped like the ingest's (tests/data/gold/*.json gives the expected
assignees, deadlines and targets) and hold the real sentences of the seed dispatches, so that
the tracker is checked independently of how well the extractors read them today.
"""
from __future__ import annotations

import copy
import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from pipeline import store, track
from pipeline.cli import main

DAILY_14 = {"date": None, "time": "14:00", "recurrence": "daily", "rrule": "FREQ=DAILY;BYHOUR=14;BYMINUTE=0",
            "phrase": "trước 14h00 hàng ngày"}
DAILY_15 = {"date": None, "time": "15:00", "recurrence": "daily", "rrule": "FREQ=DAILY;BYHOUR=15;BYMINUTE=0",
            "phrase": "trước 15h00 hàng ngày"}


def _task(id_, text, assignees, deadlines=(), targets=(), delegates=(), report_to=None, parent=None):
    return {"id": id_, "parent": parent, "text": text,
            "assignees": [{"text": a, "role": r} for a, r in
                          ((x if isinstance(x, tuple) else (x, None)) for x in assignees)],
            "delegates": [{"text": d} for d in delegates], "deadlines": list(deadlines),
            "targets": list(targets), "report_to": report_to}


def _record(path, doc_type, number, symbol, issued, issuer, urgency, subject, recipients, tasks):
    return {"schema_version": "1", "source": {"path": path, "format": "txt", "sha256": "0" * 64},
            "doc_type": doc_type, "number": number, "symbol": symbol, "issued_date": issued, "issuer": issuer,
            "urgency": urgency, "subject": subject, "recipients": [{"text": r, "span": [0, 1]} for r in recipients],
            "tasks": tasks}


def r978() -> dict:
    """Công văn 978/UBND-VP of huyện Hướng Hóa (corpus/001_741c13397cfce331.txt)."""
    return _record(
        "corpus/001_741c13397cfce331.txt", "Công văn", "978", "UBND-VP", "2020-08-14",
        {"name": "Ủy ban nhân dân huyện Hướng Hóa", "level": "district", "province": "Quảng Trị",
         "district": "Hướng Hóa"}, "hỏa tốc",
        "đẩy mạnh công tác tuyên truyền, hướng dẫn cài đặt ứng dụng Bluezone",
        ["Các phòng, ban, ngành, đoàn thể cấp huyện", "Các cơ quan cấp tỉnh trên địa bàn", "UBND các xã, thị trấn"],
        [_task("1", "Chỉ đạo quyết liệt việc tuyên truyền cài đặt ứng dụng Bluezone tại cơ quan, đơn vị, địa phương.",
               ["thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã, thị trấn"]),
         _task("2", "Ủy ban nhân dân các xã, thị trấn huy động toàn thể hệ thống chính trị, xã hội vào cuộc theo "
                    "phương châm đi từng ngõ, gõ từng nhà để tuyên truyền, hướng dẫn tất cả người dân có điện thoại "
                    "thông minh trên địa bàn cài đặt ứng dụng Bluezone; (…) Đảm bảo đến ngày 20/8/2020, tối thiểu 60% "
                    "người dùng điện thoại thông minh trên địa bàn huyện được cài đặt ứng dụng Bluezone.",
               ["Ủy ban nhân dân các xã, thị trấn"],
               deadlines=[{"date": "2020-08-20", "time": None, "recurrence": None, "rrule": None,
                           "phrase": "đến ngày 20/8/2020"}],
               targets=[{"value": 60, "unit": "%", "comparator": ">=", "by": "2020-08-20",
                         "phrase": "tối thiểu 60%"}]),
         _task("3", "Ủy ban nhân dân huyện yêu cầu thủ trưởng các cơ quan, đơn vị; Chủ tịch Ủy ban nhân dân các xã, "
                    "thị trấn khẩn trương tổ chức thực hiện, báo cáo kết quả triển khai về Ủy ban nhân dân huyện (qua "
                    "Phòng Văn hoá và Thông tin) trước 14h00 hàng ngày.",
               ["thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã, thị trấn"],
               deadlines=[DAILY_14], report_to="Ủy ban nhân dân huyện"),
         _task("4", "Giao Phòng Văn hoá và Thông tin huyện tổng hợp, báo cáo Sở Thông tin và Truyền thông, Ủy ban "
                    "nhân dân huyện trước 15h00 hàng ngày.",
               ["Phòng Văn hoá và Thông tin huyện"], deadlines=[DAILY_15],
               report_to="Sở Thông tin và Truyền thông")])


def r_vung_tau() -> dict:
    """Công văn /UBND-VHTT of thành phố Vũng Tàu, tháng 02/2021 (corpus/004_afd1311a89fccd2a.txt)."""
    return _record(
        "corpus/004_afd1311a89fccd2a.txt", "Công văn", None, "UBND-VHTT", "2021-02",
        {"name": "Ủy ban nhân dân thành phố Vũng Tàu", "level": "district", "province": "Bà Rịa - Vũng Tàu",
         "district": "Vũng Tàu"}, "hỏa tốc", "đẩy mạnh tuyên truyền cài đặt và sử dụng ứng dụng Bluezone",
        ["Các phòng, ban chuyên môn", "UBND các phường, xã"],
        [_task("1", "Đề nghị Thủ trưởng các phòng, ban chuyên môn; Chủ tịch UBND các phường, xã chỉ đạo, quán triệt "
                    "100% cán bộ, công chức, viên chức và người lao động trong cơ quan cài đặt và sử dụng ứng dụng "
                    "Bluezone trên điện thoại thông minh đang sử dụng",
               ["Thủ trưởng các phòng, ban chuyên môn", "Chủ tịch UBND các phường, xã"],
               targets=[{"value": 100, "unit": "%", "comparator": "=", "by": None}]),
         _task("2", "Phòng Văn hóa và Thông tin triển khai công tác tuyên truyền vận động đến từng người dân",
               ["Phòng Văn hóa và Thông tin"]),
         _task("5", "UBND các phường, xã chỉ đạo bộ phận Văn hóa, thông tin phối hợp với Đoàn Thanh niên, Hội Phụ nữ "
                    "phát động phong trào cài đặt và hỗ trợ người dân cài Bluezone.", ["UBND các phường, xã"]),
         _task("6", "Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu triển khai công tác biên soạn tài "
                    "liệu tuyên truyền", ["Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu"])])


def r7414() -> dict:
    """Công văn 7414/UBND-CT of tỉnh Thừa Thiên Huế (corpus/000_1f8e79442b16c6e5.txt)."""
    return _record(
        "corpus/000_1f8e79442b16c6e5.txt", "Công văn", "7414", "UBND-CT", "2020-08-18",
        {"name": "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "level": "province", "province": "Thừa Thiên Huế",
         "district": None}, None, "triển khai cài đặt và sử dụng ứng dụng Bluezone",
        ["Chủ tịch UBND các huyện, thị xã và thành phố Huế", "Chủ tịch UBND các phường, xã, thị trấn"],
        [_task("1", "Khẩn trương chỉ đạo Chủ tịch UBND từng xã, phường, thị trấn triển khai quyết liệt việc cài đặt "
                    "Bluezone trên địa bàn mình",
               ["Chủ tịch UBND các huyện, thị xã, Thành phố Huế"],
               delegates=["Chủ tịch UBND từng xã, phường, thị trấn"]),
         _task("3", "Chỉ đạo các đơn vị trực thuộc, UBND các phường, xã, thị trấn:",
               ["Chủ tịch UBND các huyện, thị xã, Thành phố Huế"],
               delegates=["các đơn vị trực thuộc", "UBND các phường, xã, thị trấn"]),
         _task("3.1", "Phổ biến, hướng dẫn đến 100% cán bộ, công chức, viên chức và người lao động cài đặt và sử dụng "
                      "ứng dụng Bluezone", [], parent="3",
               targets=[{"value": 100, "unit": "%", "comparator": "=", "by": None}])])


def r1661() -> dict:
    """Công văn 1661/UBND-VX of tỉnh Lai Châu (corpus/003_28dd24433e409403.txt)."""
    return _record(
        "corpus/003_28dd24433e409403.txt", "Công văn", "1661", "UBND-VX", "2020-08-15",
        {"name": "Ủy ban nhân dân tỉnh Lai Châu", "level": "province", "province": "Lai Châu", "district": None},
        None, "tăng cường tuyên truyền cài đặt ứng dụng Bluezone",
        ["Các sở, ban, ngành, đoàn thể, cơ quan, đơn vị trên địa bàn tỉnh", "UBND các huyện, thành phố"],
        [_task("3", "UBND các huyện, thành phố khẩn trương củng cố, tăng cường hiệu quả hoạt động của Tổ phòng, "
                    "chống dịch Covid-19 cộng đồng; báo cáo UBND tỉnh trước ngày 20/8/2020",
               ["UBND các huyện, thành phố"],
               deadlines=[{"date": "2020-08-20", "time": None, "recurrence": None, "rrule": None,
                           "phrase": "trước ngày 20/8/2020"}], report_to="UBND tỉnh"),
         _task("4", "Sở Thông tin và Truyền thông tập trung chỉ đạo, theo dõi, tổng hợp, báo cáo UBND tỉnh định kỳ "
                    "hằng tuần", ["Sở Thông tin và Truyền thông"],
               deadlines=[{"date": None, "time": None, "recurrence": "weekly", "rrule": "FREQ=WEEKLY",
                           "phrase": "định kỳ hằng tuần"}], report_to="UBND tỉnh")])


def r0129() -> dict:
    """Kế hoạch 0129/KH-UBND of tỉnh Đắk Lắk, 21/11/2025 (two-level map)."""
    return _record(
        "corpus/006_kh-0129-ubnd-daklak-nhu-yeu-pham-mua-lu.txt", "Kế hoạch", "0129", "KH-UBND", "2025-11-21",
        {"name": "Ủy ban nhân dân tỉnh Đắk Lắk", "level": "province", "province": "Đắk Lắk", "district": None},
        None, "tiếp nhận, cấp phát nhu yếu phẩm", [],
        [_task("4", "UBND các xã, phường: tiếp nhận, cấp phát hàng hóa tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và "
                    "16h00’) về tình hình tiếp nhận, cấp phát gửi UBND tỉnh (qua Sở Công Thương).",
               ["UBND các xã, phường"],
               deadlines=[{"date": None, "time": "09:00", "recurrence": "daily",
                           "rrule": "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "phrase": "trước 9h00’"},
                          {"date": None, "time": "16:00", "recurrence": "daily",
                           "rrule": "FREQ=DAILY;BYHOUR=16;BYMINUTE=0", "phrase": "16h00’"}],
               report_to="UBND tỉnh (qua Sở Công Thương)"),
         _task("3", "Sở Y tế tổ chức cấp phát thuốc thiết yếu", ["Sở Y tế"])])


def r232() -> dict:
    """Công điện 232/CĐ-TTg, 27/11/2025: the provinces must direct the grassroots governments."""
    return _record(
        "corpus/009_cd-232-ttg-thong-ke-thiet-hai-nha-o.txt", "Công điện", "232", "CĐ-TTg", "2025-11-27",
        {"name": "Thủ tướng Chính phủ", "level": "central", "province": None, "district": None}, None,
        "thống kê thiệt hại nhà ở", ["Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk"],
        [_task("1", "chỉ đạo cơ quan chức năng và chính quyền cơ sở khẩn trương rà soát, thống kê đầy đủ thiệt hại "
                    "nhà ở, báo cáo trước 17 giờ ngày 27 tháng 11 năm 2025",
               ["Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng"],
               delegates=["cơ quan chức năng", "chính quyền cơ sở"],
               deadlines=[{"date": "2025-11-27", "time": "17:00", "recurrence": None, "rrule": None,
                           "phrase": "trước 17 giờ ngày 27 tháng 11 năm 2025"}])])


ALL = (r978, r_vung_tau, r7414, r1661, r0129, r232)


@pytest.fixture
def out(tmp_path) -> Path:
    d = tmp_path / "out"
    d.mkdir()
    track.after_ingest(d, [f() for f in ALL])
    return d


def flat(ob) -> list[tuple[object, object]]:
    """(obligation, holder) for every member of every group."""
    return [(o, h) for o in ob for h in o.members]


# --- resolution of each seed's addressees ------------------------------------------------------
def resolve(rec, text):
    return track.Resolver(rec).resolve(text)


def test_district_dispatch_binds_its_communes():
    rec = r978()
    b = resolve(rec, "Chủ tịch Ủy ban nhân dân các xã, thị trấn")
    assert len(b) == 21
    assert {x.rule for x in b} == {"cac_xa_thi_tran"}
    assert {x.unit.district for x in b} == {"Hướng Hóa"} and {x.unit.era for x in b} == {"2020"}
    assert "xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị" in {x.holder.name for x in b}
    # the issuer's own agencies are one holder, not communes
    b = resolve(rec, "thủ trưởng các cơ quan, đơn vị")
    assert [(x.holder.kind, x.holder.name) for x in b] == [("org", "Các cơ quan, đơn vị (huyện Hướng Hóa)")]
    # a named body that is not a unit: keyed by its name and the issuer's area (old tone ≡ new)
    b = resolve(rec, "Phòng Văn hoá và Thông tin huyện")
    assert [(x.holder.key, x.rule) for x in b] == [("org:phong van hoa va thong tin@2020:465", "body")]
    assert resolve(rec, "Phòng Văn hóa và Thông tin")[0].holder.key == b[0].holder.key


def test_vinh_tuong_communes():
    rec = copy.deepcopy(r978())
    rec["issuer"] = {"name": "Ủy ban nhân dân huyện Vĩnh Tường", "level": "district", "province": "Vĩnh Phúc",
                     "district": "Vĩnh Tường"}
    rec["issued_date"] = "2020-08"
    b = resolve(rec, "Chủ tịch UBND các xã, thị trấn trên địa bàn huyện")
    assert len(b) == 28
    b = resolve(rec, "Huyện đoàn Vĩnh Tường")          # "Huyện đoàn" is a body, not a huyện
    assert [x.holder.kind for x in b] == ["org"]
    assert [x.holder.kind for x in resolve(rec, "Phòng Văn hóa & Thông tin")] == ["org"]


def test_city_dispatch_binds_its_wards_and_communes():
    rec = r_vung_tau()
    b = resolve(rec, "Chủ tịch UBND các phường, xã")
    assert len(b) == 17
    assert Counter(x.unit.type for x in b) == {"phường": 16, "xã": 1}
    b = resolve(rec, "Thủ trưởng các phòng, ban chuyên môn")
    assert [(x.holder.name, x.rule) for x in b] == [("Các phòng, ban chuyên môn (thành phố Vũng Tàu)",
                                                     "phong_ban_chuyen_mon")]
    b = resolve(rec, "Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu")
    assert [x.holder.kind for x in b] == ["org"]


def test_province_dispatch_binds_its_districts():
    b = resolve(r1661(), "UBND các huyện, thành phố")
    assert len(b) == 8 and {x.unit.level for x in b} == {"district"}
    # "các huyện, thị xã, Thành phố Huế": all nine units at district level of Thừa Thiên Huế
    b = resolve(r7414(), "Chủ tịch UBND các huyện, thị xã, Thành phố Huế")
    assert len(b) == 9 and "thành phố Huế, tỉnh Thừa Thiên Huế" in {x.holder.name for x in b}
    # a list with a quantifier carries it to its last item: offices and the localities
    b = resolve(r1661(), "Các cơ quan, đơn vị, địa phương")
    assert Counter(x.holder.kind for x in b) == {"unit": 8, "org": 1}
    b = resolve(r1661(), "các sở, ban, ngành, tổ chức đoàn thể, cơ quan, đơn vị")
    assert {x.holder.kind for x in b} == {"org"} and len(b) == 3


def test_province_dispatch_binds_all_communes_of_the_province():
    b = resolve(r7414(), "Chủ tịch UBND các phường, xã, thị trấn")
    assert len(b) == 141 and {x.unit.province for x in b} == {"Thừa Thiên Huế"}


def test_2025_province_binds_its_communes():
    b = resolve(r0129(), "UBND các xã, phường")
    assert len(b) == 102 and {x.unit.era for x in b} == {"2025"}
    hn = copy.deepcopy(r0129())
    hn["issuer"] = {"name": "Ủy ban nhân dân Thành phố Hà Nội", "level": "province", "province": "Hà Nội"}
    assert len(resolve(hn, "UBND xã, phường")) == 126
    hcm = copy.deepcopy(hn)
    hcm["issuer"]["province"] = "Hồ Chí Minh"
    assert len(resolve(hcm, "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu")) == 168


def test_central_dispatch_names_provinces():
    rec = r232()
    b = resolve(rec, "Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng")
    assert [x.unit.name for x in b] == ["Đắk Lắk", "Khánh Hòa", "Gia Lai", "Lâm Đồng"]
    assert {x.rule for x in b} == {"named_list"}
    # a body of each named province
    b = resolve(rec, "Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng")
    assert [x.holder.name for x in b][:2] == ["Sở Xây dựng (tỉnh Gia Lai)", "Sở Xây dựng (tỉnh Đắk Lắk)"]
    # "từ Hà Tĩnh đến Khánh Hòa": the slice of the provinces listed in Kính gửi
    rec["recipients"] = [{"text": "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Hà Tĩnh, Quảng Trị, Huế, Đà Nẵng, "
                                  "Quảng Ngãi, Gia Lai, Đắk Lắk, Khánh Hòa"}]
    b = resolve(rec, "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa")
    assert len(b) == 8 and {x.rule for x in b} == {"range_in_recipients"}
    assert len(resolve(rec, "Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương")) == 34
    assert [x.holder.name for x in resolve(rec, "Bộ trưởng Bộ Tài chính")] == ["Bộ Tài chính"]


def test_named_and_own_units():
    rec = r978()
    b = resolve(rec, "UBND xã Hướng Phùng")
    assert [(x.holder.key, x.rule) for x in b] == [("2020:19441", "named_unit")]
    b = resolve(rec, "Ủy ban nhân dân tỉnh")
    assert [(x.unit.name, x.rule) for x in b] == [("Quảng Trị", "own_unit")]


def test_delegation_binds_communes_followed_up_by_their_district():
    ob = flat(track.Resolver(r7414()).obligations())
    t1 = [(o, h) for o, h in ob if o.task == "1"]
    assert Counter(o.kind for o, _ in t1) == {"assigned": 9, "delegated": 141}
    thuan_loc = [o for o, h in t1 if h.name.startswith("phường Thuận Lộc")]
    assert [(o.kind, o.follow_up, o.named) for o in thuan_loc] == [
        ("delegated", "UBND thành phố Huế", "Chủ tịch UBND từng xã, phường, thị trấn")]
    # "các đơn vị trực thuộc" of each district is a holder of its own
    t3 = [h for o, h in ob if o.task == "3" and h.kind == "org"]
    assert len(t3) == 9
    # a sub-item without assignees takes its parent's, and its delegates
    t31 = [o for o, _ in ob if o.task == "3.1"]
    assert Counter(o.kind for o in t31) == {"assigned": 9, "delegated": 9 + 141}
    assert {o.rule.split(":")[0] for o in t31 if o.kind == "assigned"} == {"parent"}


def test_central_delegation_reaches_the_communes_of_each_named_province():
    ob = flat(track.Resolver(r232()).obligations())
    communes = [o for o, h in ob if o.kind == "delegated" and h.kind == "unit"]
    assert len(communes) == 102 + 65 + 135 + 124
    assert {o.follow_up for o in communes} == {"UBND tỉnh Đắk Lắk", "UBND tỉnh Khánh Hòa", "UBND tỉnh Gia Lai",
                                               "UBND tỉnh Lâm Đồng"}


def test_rules_are_data():
    rules = track.rules()
    assert any(g.rule == "cac_xa_thi_tran" for _, _, g in rules.groups)
    custom = track.Rules([{"kind": "quantifier", "phrase": "các"},
                          {"kind": "group", "phrase": "thôn, bản", "binds": "offices", "rule": "thon_ban",
                           "quantifier": "optional"}])
    assert [g.rule for _, _, g in custom.groups] == ["thon_ban"]


# --- the store and the due query ---------------------------------------------------------------
def due_json(capsys, *args) -> dict:
    assert main(["due", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_due_for_huong_phung(out, capsys):
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--dir", str(out))
    obs = res["obligations"]
    assert [o["task"]["id"] for o in obs] == ["3", "2", "1"]          # today 14:00, tomorrow, no deadline
    assert {o["document"]["number_symbol"] for o in obs} == {"978/UBND-VP"}
    assert all(o["document"]["urgency"] == "hỏa tốc" for o in obs)
    daily, target, plain = obs
    assert (daily["deadline"], daily["time"], daily["recurrence"], daily["rrule"], daily["days_left"]) == \
        ("2020-08-19", "14:00", "daily", "FREQ=DAILY;BYHOUR=14;BYMINUTE=0", 0)
    assert daily["task"]["report_to"] == "Ủy ban nhân dân huyện"
    assert (target["deadline"], target["days_left"], target["warning"]) == ("2020-08-20", 1, "còn 1 ngày")
    assert target["task"]["targets"][0]["value"] == 60
    assert plain["deadline"] is None and plain["status"] == "open"
    assert {o["status_vi"] for o in obs} == {"đang thực hiện trong hạn"}
    assert not any("Phòng Văn hoá" in o["task"]["text"][:30] for o in obs)
    assert res["unit_ids"] == ["2020:19441", "2025:19441"]
    # without accents: the same answer
    res2 = due_json(capsys, "--unit", "Huong Phung", "--on", "2020-08-19", "--dir", str(out))
    assert [o["id"] for o in res2["obligations"]] == [o["id"] for o in obs]


def test_due_for_a_ward_of_vung_tau(out, capsys):
    res = due_json(capsys, "--unit", "phường Thắng Tam", "--on", "2021-02-15", "--dir", str(out))
    assert [o["task"]["id"] for o in res["obligations"]] == ["1", "5"]
    assert {o["document"]["issuer"] for o in res["obligations"]} == {"Ủy ban nhân dân thành phố Vũng Tàu"}


def test_the_merged_commune_finds_its_predecessors_tasks(out, capsys):
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2026-01-05", "--dir", str(out))
    assert res["unit_ids"][0] == "2025:19441"
    by = {o["task"]["id"]: o for o in res["obligations"]}
    assert set(by) == {"1", "2", "3"}
    assert by["2"]["status"] == "overdue" and by["2"]["warning"].startswith("quá hạn")
    assert by["3"]["deadline"] == "2026-01-05"                            # the next daily report
    # and an old name finds what is addressed to its successor
    res = due_json(capsys, "--unit", "xã Hướng Sơn", "--on", "2026-01-05", "--dir", str(out))
    assert {o["task"]["id"] for o in res["obligations"]} == {"1", "2", "3"}


def test_due_for_a_body_and_for_a_2025_commune(out, capsys):
    res = due_json(capsys, "--unit", "Phòng Văn hóa và Thông tin huyện Hướng Hóa", "--on", "2020-08-19",
                   "--dir", str(out))
    assert [o["task"]["id"] for o in res["obligations"]] == ["4"]
    res = due_json(capsys, "--unit", "phường Tuy Hòa", "--on", "2025-11-28", "--dir", str(out))
    docs = Counter(o["document"]["number_symbol"] for o in res["obligations"])
    assert docs == {"0129/KH-UBND": 1, "232/CĐ-TTg": 1}
    kh = [o for o in res["obligations"] if o["document"]["number_symbol"] == "0129/KH-UBND"][0]
    assert (kh["deadline"], kh["time"]) == ("2025-11-28", "09:00")      # the earlier of the two daily reports
    cd = [o for o in res["obligations"] if o["document"]["number_symbol"] == "232/CĐ-TTg"][0]
    assert (cd["kind"], cd["follow_up"], cd["status"]) == ("delegated", "UBND tỉnh Đắk Lắk", "overdue")


def test_due_before_the_document_was_issued_is_empty(out, capsys):
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-13", "--dir", str(out))
    assert res["obligations"] == []


def test_within_and_status_filters(out, capsys):
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--within", "0", "--dir", str(out))
    assert [o["task"]["id"] for o in res["obligations"]] == ["3"]
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--status", "overdue", "--dir", str(out))
    assert [o["task"]["id"] for o in res["obligations"]] == ["2"]
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--status", "quá hạn,đang thực hiện",
                   "--dir", str(out))
    assert len(res["obligations"]) == 3


def test_unknown_and_ambiguous_units(out, capsys):
    assert main(["due", "--unit", "xã Tân Lập", "--on", "2020-08-19", "--dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert "nhiều đơn vị" in err and "huyện Đan Phượng" in err
    assert main(["due", "--unit", "xã Không Có Thật", "--dir", str(out)]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


# --- done, status, report ------------------------------------------------------------------------
def _ids(capsys, out, on="2020-08-19"):
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", on, "--dir", str(out))
    return {o["task"]["id"]: o["id"] for o in res["obligations"]}


def test_done_on_time_and_late(out, capsys):
    ids = _ids(capsys, out)
    assert main(["done", store.short_ref(ids["2"]), "--on", "2020-08-20", "--reply", "125/UBND",
                 "--dir", str(out)]) == 0
    assert "hoàn thành đúng hạn" in capsys.readouterr().out
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--dir", str(out))
    two = [o for o in res["obligations"] if o["task"]["id"] == "2"][0]
    assert (two["status"], two["done_on"], two["reply"]) == ("done_on_time", "2020-08-20", "125/UBND")
    assert res["obligations"][-1]["task"]["id"] == "2"                  # done ones last
    # the same completion seen on an earlier day does not count yet
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--dir", str(out))
    assert [o["status"] for o in res["obligations"] if o["task"]["id"] == "2"] == ["open"]
    # recorded again, later: done late
    assert main(["done", ids["2"], "--on", "2020-08-22", "--dir", str(out)]) == 0
    assert "hoàn thành quá hạn" in capsys.readouterr().out
    # another commune's obligation of the same task is untouched
    other = due_json(capsys, "--unit", "xã Hướng Sơn", "--on", "2020-08-25", "--dir", str(out))
    assert [o["status"] for o in other["obligations"] if o["task"]["id"] == "2"] == ["overdue"]


def test_done_rejects_unknown_ids(out, capsys):
    assert main(["done", "ffffffff-fffff", "--dir", str(out)]) == 2
    assert "không có việc" in capsys.readouterr().err
    assert main(["done", "abc", "--dir", str(out)]) == 2
    assert "không hợp lệ" in capsys.readouterr().err
    # the task part alone names every holder of the task: ambiguous
    ids = _ids(capsys, out)
    assert main(["done", ids["2"].split("-")[0] + "-", "--dir", str(out)]) == 2


def test_report_counts(out, capsys):
    ids = _ids(capsys, out)
    main(["done", ids["1"], "--on", "2020-08-18", "--dir", str(out)])
    main(["done", ids["2"], "--on", "2020-08-23", "--dir", str(out)])
    capsys.readouterr()
    assert main(["report", "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--format", "json",
                 "--dir", str(out)]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["counts"] == {"done_on_time": 1, "done_late": 1, "open": 1, "overdue": 0}
    assert (rep["total"], rep["done"], rep["pending"]) == (3, 2, 1)
    assert rep["documents"][0]["number_symbol"] == "978/UBND-VP"
    assert main(["report", "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--dir", str(out)]) == 0
    table = capsys.readouterr().out
    assert "Sổ theo dõi" in table and "Tổng cộng" in table


def test_completion_survives_a_rebuild_and_a_gone_record_is_dropped(out, capsys):
    ids = _ids(capsys, out)
    main(["done", ids["2"], "--on", "2020-08-20", "--dir", str(out)])
    capsys.readouterr()
    changed = r978()
    changed["tasks"][1]["text"] += " (sửa)"
    track.after_ingest(out, [changed, r_vung_tau()])
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-25", "--dir", str(out))
    two = [o for o in res["obligations"] if o["task"]["id"] == "2"][0]
    assert two["status"] == "done_on_time" and two["task"]["text"].endswith("(sửa)")
    conn = store.connect(store.db_path(out))
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM holders WHERE key LIKE '2025:%'").fetchone()[0] == 0
    # 978: (1 + 21) + 21 + (1 + 21) + 1; Vũng Tàu: (1 + 17) + 1 + 17 + 1
    assert store.count_obligations(conn) == 66 + 37
    conn.close()


def test_after_ingest_skips_unchanged_records(out):
    conn = store.connect(store.db_path(out))
    stats = track.sync(conn, [f() for f in ALL])
    assert stats == {"written": 0, "unchanged": len(ALL), "dropped": 0}
    conn.close()


def test_store_is_built_from_records_when_missing(tmp_path, capsys):
    d = tmp_path / "o"
    (d / "records").mkdir(parents=True)
    (d / "records" / "a.json").write_text(json.dumps(r978(), ensure_ascii=False), encoding="utf-8")
    res = due_json(capsys, "--unit", "Hướng Phùng", "--on", "2020-08-19", "--dir", str(d))
    assert len(res["obligations"]) == 3
    assert main(["due", "--unit", "Hướng Phùng", "--dir", str(tmp_path / "none")]) == 2


# --- files for the office: csv, xlsx, ics, table -------------------------------------------------
def test_csv_opens_in_excel(out, capsys):
    f = out / "due.csv"
    assert main(["due", "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--format", "csv", "--out", str(f),
                 "--dir", str(out)]) == 0
    raw = f.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                               # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Mã việc", "Đơn vị", "Loại văn bản", "Số, ký hiệu"]
    assert len(rows) == 4 and rows[1][3] == "978/UBND-VP"


def test_xlsx_reads_back(out, capsys):
    from openpyxl import load_workbook
    f = out / "due.xlsx"
    assert main(["due", "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--format", "xlsx", "--out", str(f),
                 "--dir", str(out)]) == 0
    wb = load_workbook(f)
    assert wb.sheetnames == ["Việc phải làm", "Thống kê"]
    ws = wb["Việc phải làm"]
    head = [c.value for c in ws[2]]
    assert head[:4] == ["Mã việc", "Đơn vị", "Loại văn bản", "Số, ký hiệu"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert len(rows) == 3
    col = {h: i for i, h in enumerate(head)}
    assert rows[0][col["Đơn vị"]] == "xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị"
    assert rows[0][col["Độ khẩn"]] == "hỏa tốc"
    assert rows[0][col["Thời hạn"]].date() == date(2020, 8, 19)       # a real date cell
    assert rows[0][col["Lặp lại"]] == "hằng ngày"
    assert rows[1][col["Số ngày còn lại"]] == 1
    assert "Bluezone" in rows[2][col["Nhiệm vụ"]]
    stats = {r[0].value: r[1].value for r in wb["Thống kê"].iter_rows(min_row=2)}
    assert stats["đang thực hiện trong hạn"] == 3 and stats["Tổng số"] == 3


def test_ics_reads_back_with_rrules(out, capsys):
    from icalendar import Calendar
    f = out / "due.ics"
    assert main(["due", "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--format", "ics", "--out", str(f),
                 "--dir", str(out)]) == 0
    cal = Calendar.from_ical(f.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2                                              # the undated task has no date to show
    daily = [e for e in events if e.get("rrule")][0]
    assert daily["rrule"]["FREQ"] == ["DAILY"]
    start = daily.decoded("dtstart")
    assert (start.date(), start.hour, str(start.tzinfo)) == (date(2020, 8, 14), 14, "Asia/Ho_Chi_Minh")
    assert str(daily["summary"]).startswith("[HỎA TỐC] 978/UBND-VP")
    once = [e for e in events if not e.get("rrule")][0]
    assert once.decoded("dtstart") == date(2020, 8, 20)
    assert list(cal.walk("VTIMEZONE"))


def test_table_output(out, capsys):
    assert main(["due", "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--dir", str(out)]) == 0
    text = capsys.readouterr().out
    assert "978/UBND-VP" in text and "HỎA TỐC" in text and "14:00 19/08/2020" in text


def test_an_odd_record_is_skipped_not_fatal(tmp_path, capsys):
    odd = r978()
    odd["source"]["path"] = "odd.txt"
    odd["tasks"] = [{"id": "1", "text": "x", "assignees": "not a list"}]
    conn = store.connect(tmp_path / "c.db")
    stats = track.sync(conn, [odd, r_vung_tau()])
    assert stats["written"] == 1 and stats["failed"] == 1
    assert "bỏ qua odd.txt" in capsys.readouterr().err


def test_records_written_without_the_hook_are_picked_up(out, capsys):
    rec = r978()
    rec["source"]["path"] = "corpus/copy.txt"
    rec["number"] = "979"
    (out / "records").mkdir(exist_ok=True)
    (out / "records" / "copy.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    res = due_json(capsys, "--unit", "xã Hướng Phùng", "--on", "2020-08-19", "--dir", str(out))
    assert Counter(o["document"]["number"] for o in res["obligations"]) == {"979": 3}
