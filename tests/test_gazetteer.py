"""Administrative units: the 2020 map and fuzzy look-up of the names clerks print."""
import pytest

from extractors import gazetteer as gz


def test_the_2020_map_has_63_provinces_and_their_units():
    g = gz.gazetteer("2020")
    levels = [u.level for u in g.units.values()]
    assert levels.count("province") == 63
    assert levels.count("district") == 705
    assert levels.count("commune") == 10599


@pytest.mark.parametrize("district, province, communes", [
    ("Hướng Hóa", "Quảng Trị", 21),
    ("Vĩnh Tường", "Vĩnh Phúc", 28),
    ("Vũng Tàu", "Bà Rịa - Vũng Tàu", 17),
])
def test_commune_counts_of_seed_districts(district, province, communes):
    assert len(gz.communes_of(district, province)) == communes
    assert gz.find_district(district).province == province


def test_a_misspelt_district_in_capitals_is_found():
    # seed 001 prints "HUYỆN HƯƠNG HOÁ": the district of Quảng Trị is Hướng Hóa
    u = gz.find_district("HƯƠNG HOÁ")
    assert (u.name, u.type, u.province, u.code) == ("Hướng Hóa", "huyện", "Quảng Trị", "465")
    assert gz.find_district("huong hoa").name == "Hướng Hóa"
    assert gz.find_district("HUYỆN HƯƠNG HÓA").name == "Hướng Hóa"


def test_small_misspellings_and_type_words():
    assert gz.find_district("Vĩnh Tườn").name == "Vĩnh Tường"          # one letter lost
    assert gz.find_district("TP. Vũng Tàu").type == "thành phố"
    assert gz.find_district("Q.1").province == "Hồ Chí Minh"


@pytest.mark.parametrize("written, canonical", [
    ("TỈNH LAI CHÂU", "Lai Châu"),
    ("Thừa Thiên Huế", "Thừa Thiên Huế"),
    ("DAK LAK", "Đắk Lắk"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("THÀNH PHỐ HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("TP.HCM", "Hồ Chí Minh"),
    ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
])
def test_find_province(written, canonical):
    assert gz.find_province(written) == canonical


def test_a_city_of_a_province_is_not_the_province():
    # "Vũng Tàu" is a district-level city of Bà Rịa - Vũng Tàu, not a province
    assert gz.find_province("Vũng Tàu") is None
    assert gz.is_central_city("Hà Nội") and not gz.is_central_city("Lai Châu")


def test_homonym_districts_need_their_province():
    assert len(gz.find_districts("Châu Thành")) > 1
    assert gz.find_district("Châu Thành") is None
    assert gz.find_district("Châu Thành", "Tiền Giang").code == "821"


def test_communes_and_units_by_code():
    u = gz.find_commune("Hướng Lập", district="Hướng Hóa")
    assert (u.type, u.district, u.province) == ("xã", "Hướng Hóa", "Quảng Trị")
    assert gz.gazetteer().units["465"].full_name == "Huyện Hướng Hóa"


def test_eras():
    assert gz.era_for("2020-08-14") == "2020"
    assert gz.era_for(None) == gz.DEFAULT_ERA
    with pytest.raises(ValueError):
        gz.Gazetteer("1975")


@pytest.mark.parametrize("date, era", [
    ("2025-06-30", "2020"), ("2025-07-01", "2025"), ("2026-01-15", "2025"),
    # a blank day or month: read in the map that starts within that month or year
    ("2025-07", "2025"), ("2025-06", "2020"), ("2025", "2025"), ("2024", "2020"),
])
def test_the_era_is_chosen_by_the_documents_date(date, era):
    assert gz.era_for(date) == era


def test_the_2025_map_has_34_provinces_and_communes_without_districts():
    g = gz.gazetteer("2025")
    levels = [u.level for u in g.units.values()]
    assert levels.count("province") == 34
    assert levels.count("district") == 0
    u = gz.find_commune("Hoàn Kiếm", era="2025")
    assert (u.type, u.province, u.district, u.era) == ("phường", "Hà Nội", None, "2025")
    # the 2020 map knows Hoàn Kiếm only as a quận
    assert gz.find_commune("Hoàn Kiếm") is None and gz.find_district("Hoàn Kiếm").type == "quận"


@pytest.mark.parametrize("written, canonical", [
    ("TỈNH TUYÊN QUANG", "Tuyên Quang"), ("Lào Cai", "Lào Cai"), ("THÁI NGUYÊN", "Thái Nguyên"),
    ("Phú Thọ", "Phú Thọ"), ("Bắc Ninh", "Bắc Ninh"), ("HƯNG YÊN", "Hưng Yên"), ("Hải Phòng", "Hải Phòng"),
    ("Ninh Bình", "Ninh Bình"), ("QUẢNG TRỊ", "Quảng Trị"), ("Đà Nẵng", "Đà Nẵng"), ("Quảng Ngãi", "Quảng Ngãi"),
    ("GIA LAI", "Gia Lai"), ("Khánh Hoà", "Khánh Hòa"), ("Lâm Đồng", "Lâm Đồng"), ("DAK LAK", "Đắk Lắk"),
    ("TP.HCM", "Hồ Chí Minh"), ("Đồng Nai", "Đồng Nai"), ("Tây Ninh", "Tây Ninh"), ("Cần Thơ", "Cần Thơ"),
    ("Vĩnh Long", "Vĩnh Long"), ("Đồng Tháp", "Đồng Tháp"), ("Cà Mau", "Cà Mau"), ("An Giang", "An Giang"),
    ("Thừa Thiên Huế", "Huế"), ("TT-Huế", "Huế"),
])
def test_provinces_of_the_2025_map(written, canonical):
    assert gz.find_province(written, era="2025") == canonical


def test_merged_provinces_are_gone_from_the_2025_map():
    assert gz.find_province("Quảng Nam", era="2025") is None
    assert gz.find_province("Quảng Nam") == "Quảng Nam"


def test_split_type_and_edit_distance():
    assert gz.split_type("HUYỆN HƯƠNG HÓA") == ("huyện", "HƯƠNG HÓA")
    assert gz.split_type("TP. Vũng Tàu") == ("thành phố", "Vũng Tàu")
    assert gz.split_type("Hà Nội") == (None, "Hà Nội")
    assert gz.edit_distance("vinh tuong", "vinh tuon") == 1


# --- the tree ------------------------------------------------------------------------------------
def test_children_by_level_and_type_in_the_2020_map():
    g = gz.gazetteer("2020")
    hue = g.find("Thừa Thiên Huế", "province")[0]
    assert len(g.children(hue)) == 9                       # huyện, thị xã, thành phố Huế
    assert len(g.children(hue, "district")) == 9
    assert len(g.children(hue, "commune")) == 141          # the communes of all its districts
    hh = g.units["465"]
    assert [u.name for u in g.children(hh, types=("thị trấn",))] == ["Khe Sanh", "Lao Bảo"]
    kids = g.children(hh)
    assert [u.code for u in kids] == sorted(u.code for u in kids)     # the official list's order
    assert g.children(g.units["19441"]) == []             # a commune has none


def test_children_in_the_2025_map_lie_directly_in_the_province():
    g = gz.gazetteer("2025")
    qt = g.find("Quảng Trị", "province")[0]
    assert g.children(qt) == g.children(qt, "commune") and len(g.children(qt)) == 78
    assert {u.type for u in g.children(qt)} == {"xã", "phường", "đặc khu"}
    assert [u.name for u in g.children(qt, types=("đặc khu",))] == ["Cồn Cỏ"]
    assert len(g.children(g.find("Đắk Lắk", "province")[0])) == 102


def test_parent_province_and_containment():
    old, new = gz.gazetteer("2020"), gz.gazetteer("2025")
    xa = old.units["19441"]                                # xã Hướng Phùng, huyện Hướng Hóa
    assert (old.parent(xa).name, old.province_of(xa).name) == ("Hướng Hóa", "Quảng Trị")
    assert old.parent(old.province_of(xa)) is None
    hh, hue = old.units["465"], old.find("Thừa Thiên Huế", "province")[0]
    assert old.contains(hh, xa) and old.contains(old.province_of(xa), xa) and old.contains(xa, xa)
    assert not old.contains(xa, hh) and not old.contains(hue, xa)
    # the 2025 xã Hướng Phùng (same code) lies directly in its province
    moi = new.units["19441"]
    assert (moi.name, moi.district, new.parent(moi).name, new.province_of(moi).name) == \
        ("Hướng Phùng", None, "Quảng Trị", "Quảng Trị")
    assert new.contains(new.province_of(moi), moi)
    # a unit of one map lies in no unit of the other
    assert not new.contains(new.province_of(moi), xa) and not old.contains(old.province_of(xa), moi)


@pytest.mark.parametrize("typed, split", [
    ("huyen Huong Hoa", ("huyện", "Huong Hoa")),
    ("thanh pho Vung Tau", ("thành phố", "Vung Tau")),
    ("thi tran Khe Sanh", ("thị trấn", "Khe Sanh")),
    ("dac khu Con Dao", ("đặc khu", "Con Dao")),
    ("HUYỆN HƯƠNG HOÁ", ("huyện", "HƯƠNG HOÁ")),        # with accents: split_type itself
    ("Huong Phung", (None, "Huong Phung")),
    ("xa", (None, "xa")),                                # a type word alone is a name
])
def test_split_type_loose_reads_type_words_typed_without_accents(typed, split):
    assert gz.split_type_loose(typed) == split
