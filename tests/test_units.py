"""Administrative units across the 2025 reform (pipeline/units.py, extractors/data/units_2025*.tsv)."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest

from extractors.base import load_tsv
from extractors.gazetteer import era_for, gazetteer
from pipeline import units as U


def names(us):
    return sorted(u.name for u in us)


# --- the data --------------------------------------------------------------------------------
def test_2025_map_has_34_provinces_and_3321_communes():
    rows = load_tsv("units_2025.tsv")
    levels = Counter(r["level"] for r in rows)
    assert levels == {"province": 34, "commune": 3321}
    types = Counter(r["type"] for r in rows if r["level"] == "commune")
    assert types == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert {r["type"] for r in rows if r["level"] == "province"} == {"tỉnh", "thành phố"}
    # six centrally-run cities after the reform
    assert sum(r["type"] == "thành phố" for r in rows if r["level"] == "province") == 6


def test_every_2025_commune_has_a_predecessor_and_the_map_points_to_real_units():
    new = U.era_map("2025").units
    rows = load_tsv("units_map_2025.tsv")
    assert all(r["new_code"] in new for r in rows)
    orphans = [u.name for u in new.values() if u.level == "commune" and not U.predecessors(u)]
    assert orphans == []
    # almost every 2020 commune is mapped (17 of 10,612 were merged away before 2025 under a
    # name the sources do not record)
    assert len({r["old_code"] for r in rows if r["how"] != "district"}) >= 10_590


@pytest.mark.parametrize("district, province, count", [
    ("Hướng Hóa", "Quảng Trị", 21),
    ("Vĩnh Tường", "Vĩnh Phúc", 28),
    ("Vũng Tàu", "Bà Rịa - Vũng Tàu", 17),
])
def test_communes_of_the_seed_districts_in_2020(district, province, count):
    d = U.resolve(f"{district}, {province}", "2020-08-14", level="district")
    assert d.era == "2020"
    assert len(U.children(d)) == count


def test_children_by_level_and_type():
    hue = U.resolve("tỉnh Thừa Thiên Huế", "2020-08-18")
    assert len(U.children(hue)) == 9                       # huyện, thị xã, thành phố Huế
    assert len(U.children(hue, "commune")) == 141
    hh = U.resolve("huyện Hướng Hóa", "2020-08-14")
    assert names(U.children(hh, types=("thị trấn",))) == ["Khe Sanh", "Lao Bảo"]
    vt = U.resolve("thành phố Vũng Tàu", "2021-02-01")
    assert Counter(u.type for u in U.children(vt)) == {"phường": 16, "xã": 1}
    dl = U.resolve("tỉnh Đắk Lắk", "2025-11-21")
    assert dl.era == "2025" and len(U.children(dl)) == 102


# --- eras --------------------------------------------------------------------------------------
@pytest.mark.parametrize("on, era", [
    ("2020-08-14", "2020"), ("2025-06-30", "2020"), ("2025-07-01", "2025"), ("2021-02", "2020"),
    ("2025-07", "2025"), ("2025", "2025"), ("2024", "2020"),
])
def test_era_on(on, era):
    assert U.era_on(on) == era


def test_both_maps_are_the_gazetteers():
    assert U.era_map("2020") is gazetteer("2020") and U.era_map("2025") is gazetteer("2025")
    assert U.era_on(date(2025, 7, 1)) == "2025" and U.era_on(datetime(2025, 6, 30, 23, 59)) == "2020"
    assert U.era_on(None) == era_for(date.today().isoformat())
    assert U.get("2025:19441") is gazetteer("2025").units["19441"] and U.get("1975:19441") is None


# --- look-up -----------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["xã Hướng Phùng", "Huong Phung", "HƯỚNG PHÙNG", "Xã Hướng Phùng, huyện Hướng Hóa",
                                   "UBND xã Hướng Phùng", "Hương Phung"])
def test_commune_lookup_is_tolerant(query):
    u = U.resolve(query, "2020-08-19")
    assert (u.era, u.code, u.name, u.district, u.province) == ("2020", "19441", "Hướng Phùng", "Hướng Hóa", "Quảng Trị")


@pytest.mark.parametrize("query", ["HƯƠNG HOÁ", "Huyện Hướng Hoá", "huyen huong hoa", "Hướng Hóa, Quảng Trị"])
def test_district_printed_with_the_wrong_tone(query):
    # the seed prints "HUYỆN HƯƠNG HOÁ": the district is Hướng Hóa of Quảng Trị
    u = U.resolve(query, "2020-08-14")
    assert (u.level, u.name, u.province) == ("district", "Hướng Hóa", "Quảng Trị")


def test_bare_name_means_the_larger_unit():
    assert U.resolve("Vĩnh Tường", "2020-08-01").level == "district"      # not its thị trấn
    assert U.resolve("Quảng Trị", "2020-08-01").level == "province"       # not thị xã Quảng Trị
    assert U.resolve("Quảng Trị", "2026-01-01").era == "2025"


def test_ambiguous_and_unknown_names_raise_with_candidates():
    with pytest.raises(U.UnitError) as e:
        U.resolve("xã Tân Lập", "2020-08-01")
    assert len(e.value.candidates) > 5
    assert "huyện" in e.value.vi
    u = U.resolve("xã Tân Lập, huyện Đan Phượng, Hà Nội", "2020-08-01")
    assert (u.name, u.district, u.province) == ("Tân Lập", "Đan Phượng", "Hà Nội")
    with pytest.raises(U.UnitError):
        U.resolve("xã Không Có Thật", "2020-08-01")


def test_province_aliases():
    assert U.resolve("TP HCM", "2026-01-01").name == "Hồ Chí Minh"
    assert U.resolve("BR-VT", "2021-02-01").name == "Bà Rịa - Vũng Tàu"


# --- across the reform ---------------------------------------------------------------------------
def test_a_2025_commune_and_its_predecessors():
    new = U.resolve("xã Hướng Phùng", "2026-01-01")
    assert new.era == "2025" and new.province == "Quảng Trị"
    assert names(U.predecessors(new)) == ["Hướng Linh", "Hướng Phùng", "Hướng Sơn"]
    old = U.resolve("xã Hướng Phùng", "2020-08-19")
    assert [U.uid(u) for u in U.successors(old)] == [U.uid(new)]
    assert [U.uid(u) for u in U.related(old)] == ["2020:19441", "2025:19441"]


def test_an_old_name_finds_its_successor():
    # phường Thắng Tam (Vũng Tàu) became part of phường Vũng Tàu, Thành phố Hồ Chí Minh
    u = U.resolve("phường Thắng Tam", "2026-01-01")
    assert u.era == "2020"
    succ = U.successors(u)
    assert [(s.type, s.name, s.province) for s in succ] == [("phường", "Vũng Tàu", "Hồ Chí Minh")]
    assert "Thắng Tam" in names(U.predecessors(succ[0]))


def test_provinces_across_the_reform():
    qb = U.resolve("tỉnh Quảng Bình", "2020-01-01")
    assert [s.name for s in U.successors(qb)] == ["Quảng Trị"]
    hcm = U.resolve("Thành phố Hồ Chí Minh", "2026-01-01")
    assert names(U.predecessors(hcm)) == ["Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"]
    # a district has no successor (districts were abolished), except an island district
    assert U.successors(U.resolve("huyện Hướng Hóa", "2020-01-01")) == []
    assert [s.type for s in U.successors(U.resolve("huyện Côn Đảo", "2020-01-01"))] == ["đặc khu"]


def test_area_of_issuers():
    assert U.area_of({"name": "Ủy ban nhân dân huyện Hướng Hóa", "level": "district",
                      "province": "Quảng Trị", "district": "Hướng Hóa"}, "2020-08-14").code == "465"
    hue = U.area_of({"name": "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "level": "province",
                     "province": "Thừa Thiên Huế", "district": None}, "2020-08-18")
    assert (hue.era, hue.name) == ("2020", "Thừa Thiên Huế")
    hn = U.area_of({"name": "Sở Giáo dục và Đào tạo Thành phố Hà Nội", "level": "province",
                    "province": "Hà Nội", "district": None}, "2025-12-03")
    assert (hn.era, hn.name) == ("2025", "Hà Nội")
    assert U.area_of({"name": "Thủ tướng Chính phủ", "level": "central"}, "2025-11-16") is None


def test_labels():
    u = U.resolve("xã Hướng Phùng", "2020-08-19")
    assert U.label(u) == "xã Hướng Phùng, huyện Hướng Hóa, tỉnh Quảng Trị"
    assert U.display(u).endswith("(trước 01/7/2025)")
