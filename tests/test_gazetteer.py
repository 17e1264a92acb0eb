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
