"""Bodies in running text: real sentences of the corpus, read with the gazetteer."""
from extractors.bodies import bodies_at, body_at, find_bodies, head_at, split_group


def names(s: str, i: int = 0) -> list[str]:
    return [f.value for f in bodies_at(s, i)[0]]


def test_a_subject_ends_where_its_predicate_opens():
    # seed 003, task 4
    s = "Sở Thông tin và Truyền thông tập trung chỉ đạo, tăng cường thực hiện các nhiệm vụ tuyên truyền"
    found, end = bodies_at(s, 0)
    assert [f.value for f in found] == ["Sở Thông tin và Truyền thông"]
    assert (found[0].start, found[0].end) == (0, 28)
    assert s[end:].startswith(" tập trung")
    # seed 004, task 6: a comma inside the body's own name does not split it
    assert names("Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu triển khai công tác biên soạn") \
        == ["Trung tâm Văn hóa, Thông tin và Thể thao thành phố Vũng Tàu"]
    # 96/CĐ-BXD: "xây dựng" and "Quản lý" inside a name
    assert names("Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo") == ["Cục Kết cấu hạ tầng xây dựng"]
    assert names("Cục Kinh tế - Quản lý đầu tư xây dựng") == ["Cục Kinh tế - Quản lý đầu tư xây dựng"]
    # "tổ chức" is a verb after a subject, a kind of body in a list
    assert names("Các đơn vị tổ chức trực ban và thực hiện nghiêm túc chế độ báo cáo") == ["Các đơn vị"]
    assert names("các sở, ban, ngành, tổ chức đoàn thể, cơ quan, đơn vị thực hiện nghiêm túc") \
        == ["các sở, ban, ngành, tổ chức đoàn thể, cơ quan, đơn vị"]


def test_a_list_of_bodies_is_split_where_another_body_begins():
    # seed 002, task 2 (head before a colon)
    s = "Phòng Văn hóa & Thông tin, Trung tâm Văn hóa - TT-TT huyện: Đẩy mạnh công tác tuyên truyền"
    found, end = bodies_at(s, 0)
    assert [f.value for f in found] == ["Phòng Văn hóa & Thông tin", "Trung tâm Văn hóa - TT-TT huyện"]
    assert s[end] == ":"
    # seed 002, task 1
    assert names("Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn: gương mẫu") \
        == ["Thủ trưởng các cơ quan, đơn vị", "Chủ tịch UBND các xã, thị trấn"]
    # seed 003, task 5: "và các …" opens another body
    assert names("Ủy ban Mặt trận Tổ quốc tỉnh và các đoàn thể chính trị - xã hội tỉnh tập trung tuyên truyền") \
        == ["Ủy ban Mặt trận Tổ quốc tỉnh", "các đoàn thể chính trị - xã hội tỉnh"]
    # 5095/SGDĐT: a semicolon separates bodies
    assert names("UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm túc") \
        == ["UBND các xã, phường", "các đơn vị, cơ sở giáo dục trực thuộc"]
    # 217/CĐ-TTg, task 8
    assert names("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam kịp thời thông tin") \
        == ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]
    # 308/KH-UBND, III.2
    assert names("Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch này") \
        == ["Các Sở, ban, ngành", "UBND xã, phường", "các cơ quan, tổ chức có liên quan"]


def test_an_office_over_a_list_of_bodies_stays_one():
    # 4240/UBND-VX: "người đứng đầu" governs the whole list up to the semicolon
    s = ("người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập "
         "trực thuộc Ủy ban nhân Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu")
    assert names(s) == [
        "người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập "
        "trực thuộc Ủy ban nhân Thành phố",
        "Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu",
    ]
    # 217/CĐ-TTg, task 1: "từ … đến …" is part of the body
    assert names("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:") \
        == ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa"]


def test_grouped_lists_of_agencies_are_split_one_body_each():
    # 217/CĐ-TTg, tasks 5 and 6
    assert names("Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị") == ["Bộ Quốc phòng", "Bộ Công an"]
    assert names("Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch "
                 "theo chức năng, nhiệm vụ") \
        == ["Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch"]
    # 232/CĐ-TTg, task 3: the office goes with each ministry
    assert names("Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo lực lượng") \
        == ["Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Bộ Công an"]
    assert split_group("Các Bộ: Quốc phòng, Tài chính") == ["Bộ Quốc phòng", "Bộ Tài chính"]
    # a list of provinces is one body
    assert split_group("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai") \
        == ["Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai"]
    assert names("Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng khẩn trương gửi Báo cáo") \
        == ["Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng"]


def test_split_bodies_keep_the_span_of_their_own_name():
    s = "Các Bộ: Quốc phòng, Công an chủ động chỉ đạo"
    found, _ = bodies_at(s, 0)
    assert [s[f.start:f.end] for f in found] == ["Quốc phòng", "Công an"]


def test_two_offices_share_the_locus_named_after_the_second():
    # 223/CĐ-TTg, task 1
    s = ("Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai và lãnh "
         "đạo các Bộ, ngành theo chức năng, nhiệm vụ")
    assert names(s) == [
        "Bí thư tỉnh ủy các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai",
        "Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai",
        "lãnh đạo các Bộ, ngành",
    ]


def test_names_that_hold_a_verb_or_an_aside():
    # 217/CĐ-TTg, task 7: "chỉ đạo" inside "Ban chỉ đạo" is part of the name
    assert names("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát diễn biến") \
        == ["Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]
    # 223/CĐ-TTg, task 4: an aside in brackets, then the list goes on
    assert names("công an các địa phương (kể cả các địa phương khu vực lân cận) và các lực lượng chức năng "
                 "chủ động điều tiết giao thông") == ["công an các địa phương", "các lực lượng chức năng"]
    # 232/CĐ-TTg, task 1: a unit after "và" is another body
    assert names("cơ quan chức năng và chính quyền cơ sở\nkhẩn trương rà soát") \
        == ["cơ quan chức năng", "chính quyền cơ sở"]


def test_words_that_open_like_a_body_but_are_not_one():
    s = "Trường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng"
    assert head_at(s, 0) is None
    assert body_at("Báo cáo kết quả thực hiện cài đặt ứng dụng Bluezone", 0) is None
    assert body_at("Phòng, chống dịch Covid-19", 0) is None
    # "cơ sở" alone is not a body; "các cơ sở giáo dục" is
    assert body_at("cơ sở giáo dục", 0) is None
    assert names("các cơ sở giáo dục trực thuộc thực hiện") == ["các cơ sở giáo dục trực thuộc"]


def test_every_body_of_a_sentence():
    # seed 001, the closing paragraph
    s = ("Ủy ban nhân dân huyện yêu cầu thủ trưởng các cơ quan, đơn vị; Chủ tịch Ủy ban nhân dân các xã, "
         "thị trấn khẩn trương tổ chức thực hiện, báo cáo kết quả triển khai về Ủy ban nhân dân huyện "
         "(qua Phòng Văn hóa và Thông tin) trước 14h00 hàng ngày.")
    assert [f.value for f in find_bodies(s)] == [
        "Ủy ban nhân dân huyện", "thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã, thị trấn",
        "Ủy ban nhân dân huyện", "Phòng Văn hóa và Thông tin"]
    assert all(s[f.start:f.end] == f.value for f in find_bodies(s))


# --- rules for text read from other layouts (variants) -----------------------------------------

def test_a_heading_joined_onto_its_sentence_ends_at_the_capitalised_predicate():
    # "3. Bộ Dân tộc và Tôn giáo" ⏎ "Phối hợp với …" joined into one line by a reader (NĐ 188/2026)
    assert names("Bộ Dân tộc và Tôn giáo Phối hợp với Bộ Giáo dục và Đào tạo") == ["Bộ Dân tộc và Tôn giáo"]
    assert names("Hội đồng nhân dân cấp tỉnh Bảo đảm kinh phí thực hiện") == ["Hội đồng nhân dân cấp tỉnh"]
    assert names("Sở Văn hóa, Thể thao và Du lịch Chỉ đạo Báo Lâm Đồng") == ["Sở Văn hóa, Thể thao và Du lịch"]
    # a capitalised word of the name itself stays: right after the head, or a place name
    assert names("Trung tâm Hỗ trợ phát triển doanh nghiệp tỉnh tổ chức") == ["Trung tâm Hỗ trợ phát triển doanh nghiệp tỉnh"]
    assert names("UBND thành phố Cần Thơ khẩn trương kiểm tra") == ["UBND thành phố Cần Thơ"]
    assert names("UBND huyện Giao Thủy chỉ đạo các xã") == ["UBND huyện Giao Thủy"]


def test_after_a_list_of_units_a_kind_of_organisation_opens_another_body():
    assert names("Công an xã, lực lượng dân quân tự vệ kiểm tra") == ["Công an xã", "lực lượng dân quân tự vệ"]
    assert names("Công an xã, Trạm Y tế xã phối hợp") == ["Công an xã", "Trạm Y tế xã"]
    assert names("Công an các xã, phường, đặc khu tăng cường tuần tra") == ["Công an các xã, phường, đặc khu"]
    assert names("các sở, ban, ngành, địa phương chủ động") == ["các sở, ban, ngành, địa phương"]


def test_a_name_ends_before_a_quantified_object_or_another_cell():
    s = "báo cáo Thủ tướng Chính phủ các vấn đề đột xuất, phát sinh"
    assert names(s, s.index("Thủ")) == ["Thủ tướng Chính phủ"]
    assert names("Bộ Tư pháp Các bộ, ngành") == ["Bộ Tư pháp"]             # two table cells joined
    assert names("Ban Chỉ đạo phòng, chống dịch các cấp tăng cường") == ["Ban Chỉ đạo phòng, chống dịch các cấp"]
    assert names("Chính phủ trân trọng đề nghị các cơ quan") == ["Chính phủ"]


def test_names_of_the_party_and_of_fields_of_work():
    assert names("Đảng ủy, Ủy ban nhân dân phường Hòa Cường lãnh đạo, chỉ đạo") \
        == ["Đảng ủy", "Ủy ban nhân dân phường Hòa Cường"]
    assert names("Người đứng đầu đơn vị sự nghiệp công lập quản lý viên chức lĩnh vực việc làm có trách nhiệm") \
        == ["Người đứng đầu đơn vị sự nghiệp công lập quản lý viên chức lĩnh vực việc làm"]
    assert names("Các ông, bà: Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế chịu trách nhiệm") \
        == ["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Pháp chế"]
    assert names("Đội ngũ cán bộ, công chức phải gương mẫu") == []


def test_a_list_of_offices_goes_on_after_a_semicolon_at_the_end_of_a_line():
    s = "Bộ trưởng, Thủ trưởng cơ quan thuộc Chính phủ;\nChủ tịch Ủy ban nhân dân tỉnh chịu trách nhiệm"
    assert names(s) == ["Bộ trưởng", "Thủ trưởng cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân tỉnh"]
