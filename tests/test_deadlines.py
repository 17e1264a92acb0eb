"""The Vietnamese deadline grammar: real phrasings, the rules, the calendar, RRULEs, the tracker's
next due moment, and the deadlines of the gold tasks read from the corpus texts."""
import json
import re
from datetime import date, datetime

import pytest
from conftest import CORPUS, DATA
from dateutil.rrule import rrulestr

from extractors import deadlines as dl
from extractors.base import new_tones
from extractors.deadlines import extract_deadlines, next_occurrence
from extractors.workdays import add_days, add_workdays, feast, is_holiday, is_workday, next_feast, table_years
from pipeline.normalize import normalize


def V(phrase, kind, date=None, time=None, recurrence=None, rrule=None, **extra):
    """The full value of a deadline."""
    return {"date": date, "time": time, "recurrence": recurrence, "rrule": rrule, "phrase": phrase,
            "kind": kind, **extra}


# (text, issue date, every deadline read from it). The first part are sentences of the corpus
# (dispatches of 2020 and 2025, Công báo texts of 2024-2026); the rest is the usage of
# administrative writing (công văn, kế hoạch, công điện).
TABLE = [
    ('Đảm bảo đến ngày 20/8/2020, tối thiểu 60% người dùng điện thoại thông minh trên địa bàn huyện được cài đặt ứng dụng Bluezone.',
     '2020-08-14', [V('đến ngày 20/8/2020', 'by_end', date='2020-08-20')]),
    ('báo cáo kết quả triển khai về Ủy ban nhân dân huyện (qua Phòng Văn hóa và Thông tin) trước 14h00 hàng ngày.',
     '2020-08-14', [V('trước 14h00 hàng ngày', 'before', time='14:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=14;BYMINUTE=0')]),
    ('Giao Phòng Văn hóa và Thông tin huyện tổng hợp, báo cáo Sở Thông tin và Truyền thông, Ủy ban nhân dân huyện trước 15h00 hàng ngày./.',
     '2020-08-14', [V('trước 15h00 hàng ngày', 'before', time='15:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=15;BYMINUTE=0')]),
    ('báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 18/8/2020.',
     '2020-08-15', [V('trước ngày 18/8/2020', 'before', date='2020-08-18')]),
    ('Báo cáo kết quả thực hiện cài đặt ứng dụng Bluezone của các cơ quan, đơn vị, địa phương về UBND tỉnh trước ngày 20/8/2020; đồng thời báo cáo kết quả thực hiện tuyên truyền về phòng, chống dịch hàng tuần vào nhóm zalo của Ban chỉ đạo phòng, chống dịch Covid-19 của tỉnh.',
     '2020-08-15', [V('trước ngày 20/8/2020', 'before', date='2020-08-20'), V('hàng tuần', 'on', recurrence='weekly', rrule='FREQ=WEEKLY')]),
    ('tổng hợp nhu cầu từ cơ sở, báo cáo UBND tỉnh trước 19h00’ hằng ngày và đột xuất khi cần thiết.',
     '2025-11-21', [V('trước 19h00’ hằng ngày', 'before', time='19:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=19;BYMINUTE=0')]),
    ('- Huy động nguồn lực xã hội hóa tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình tiếp nhận, cấp phát gửi UBND tỉnh (qua Sở Công Thương).',
     '2025-11-21', [V('trước 9h00’ và 16h00’', 'before', time='09:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=9;BYMINUTE=0'), V('trước 9h00’ và 16h00’', 'before', time='16:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=16;BYMINUTE=0')]),
    ('Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng khẩn trương gửi Báo cáo về Văn phòng Chính phủ và các Bộ: Tài chính, Nông nghiệp và Môi trường trước 17 giờ ngày 27/11/2025 để tổng hợp, báo cáo Thủ tướng Chính phủ.',
     '2025-11-27', [V('trước 17 giờ ngày 27/11/2025', 'before', date='2025-11-27', time='17:00')]),
    ('hoàn thành 100% việc cập nhật lý lịch cán bộ, công chức, viên chức và đảm bảo đồng bộ dữ liệu vào Cơ sở dữ liệu quốc gia trước ngày 06 tháng 12 năm 2025.',
     '2025-11-28', [V('trước ngày 06 tháng 12 năm 2025', 'before', date='2025-12-06')]),
    ('c) Thời gian thực hiện: Hoàn thành trong năm 2025.',
     '2025-11-17', [V('Hoàn thành trong năm 2025', 'by_end', date='2025-12-31', start='2025-01-01')]),
    ('- Cơ quan thường trực Tổ công tác triển khai Đề án 06, cải cách thủ tục hành chính, chuyển đổi số gắn với Đề án 06 trước ngày 20 hằng tháng lên phần mềm theo dõi, giám sát Đề án 06',
     '2025-11-17', [V('trước ngày 20 hằng tháng', 'before', recurrence='monthly', rrule='FREQ=MONTHLY;BYMONTHDAY=20', day_of_month=20)]),
    ('báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.',
     '2025-11-17', [V('trước ngày 15 hằng tháng', 'before', recurrence='monthly', rrule='FREQ=MONTHLY;BYMONTHDAY=15', day_of_month=15)]),
    ('tổ chức thực hiện theo Điều 1 Nghị quyết này xong trước ngày 01 tháng 5 năm 2026, báo cáo Thủ tướng Chính phủ',
     '2026-04-25', [V('xong trước ngày 01 tháng 5 năm 2026', 'before', date='2026-05-01')]),
    ('tổng hợp nhu cầu hỗ trợ gạo cho học sinh gửi Bộ Tài chính trước ngày 15 tháng 7 hằng năm.',
     '2026-05-27', [V('trước ngày 15 tháng 7 hằng năm', 'before', recurrence='yearly', rrule='FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=15', month=7, day_of_month=15)]),
    ('đề nghị xuất cấp bổ sung gạo gửi về Bộ Tài chính trước ngày 31 tháng 12 hằng năm.',
     '2026-05-27', [V('trước ngày 31 tháng 12 hằng năm', 'before', recurrence='yearly', rrule='FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31', month=12, day_of_month=31)]),
    ('trình Ban Chấp hành Trung ương Đảng, hoàn thành trước ngày 20 tháng 4 năm 2026, trong đó phải thể hiện',
     '2026-04-16', [V('hoàn thành trước ngày 20 tháng 4 năm 2026', 'before', date='2026-04-20')]),
    ('xác định rõ trách nhiệm cụ thể, báo cáo Thủ tướng Chính phủ trong tháng 4 năm 2026, đồng gửi Bộ Tài chính',
     '2026-04-16', [V('trong tháng 4 năm 2026', 'by_end', date='2026-04-30', start='2026-04-01')]),
    ('tổ chức triển khai thực hiện Chương trình hành động này; định kỳ 06 tháng báo cáo và kiến nghị Chính phủ',
     '2026-04-16', [V('định kỳ 06 tháng', 'on', recurrence='monthly', rrule='FREQ=MONTHLY;INTERVAL=6', interval=6)]),
    ('tổng kết, đánh giá cơ chế, chính sách đặc thù (trong Quý II/2026).',
     '2026-04-16', [V('trong Quý II/2026', 'period', date='2026-06-30', start='2026-04-01')]),
    ('Hoàn thành phương án xử lý vướng mắc cho các dự án năng lượng tái tạo Quý II/2026',
     '2026-04-16', [V('Quý II/2026', 'period', date='2026-06-30', start='2026-04-01')]),
    ('Hoàn thành xây dựng Đề án trong quý II/2026',
     '2026-04-16', [V('trong quý II/2026', 'period', date='2026-06-30', start='2026-04-01')]),
    ('đề nghị sửa đổi, bổ sung Giấy phép hoạt động điện lực trong thời hạn 30 ngày kể từ ngày thay đổi tên hoặc địa chỉ trụ sở',
     '2026-04-06', [V('trong thời hạn 30 ngày kể từ ngày thay đổi tên hoặc địa chỉ trụ sở', 'relative', within_days=30, anchor='ngày thay đổi tên hoặc địa chỉ trụ sở')]),
    ('b) Không báo cáo với cơ quan cấp giấy phép chậm nhất 60 ngày trước khi ngừng hoạt động điện lực.',
     '2026-04-06', [V('chậm nhất 60 ngày trước khi ngừng hoạt động điện lực', 'relative', before_days=60, anchor='ngừng hoạt động điện lực')]),
    ('công nhận chất lượng nhưng không quá 90 ngày kể từ khi Thông tư này có hiệu lực thi hành.',
     '2024-12-31', [V('không quá 90 ngày kể từ khi Thông tư này có hiệu lực thi hành', 'relative', within_days=90, anchor='khi Thông tư này có hiệu lực thi hành')]),
    ('thực hiện theo đề án, kế hoạch đã được phê duyệt trong thời hạn 06 tháng kể từ ngày Thông tư này có hiệu lực thi hành.',
     '2025-02-20', [V('trong thời hạn 06 tháng kể từ ngày Thông tư này có hiệu lực thi hành', 'relative', within_months=6, anchor='ngày Thông tư này có hiệu lực thi hành')]),
    ('d) Không báo cáo định kỳ kết quả hoạt động kiểm định hằng năm gửi cơ quan quản lý',
     '2026-04-06', [V('hằng năm', 'on', recurrence='yearly', rrule='FREQ=YEARLY')]),
    ('tại khu vực bị ảnh hưởng được tiếp cận hỗ trợ trong 24 giờ đầu kể từ khi lực lượng đến được hiện trường.',
     '2025-11-21', [V('trong 24 giờ đầu kể từ khi lực lượng đến được hiện trường', 'relative', within_hours=24, anchor='khi lực lượng đến được hiện trường')]),
    ('Báo cáo kết quả về Sở Nội vụ trước 17h00 ngày 28/11/2025 (thứ Sáu).',
     '2025-11-20', [V('trước 17h00 ngày 28/11/2025 (thứ Sáu)', 'before', date='2025-11-28', time='17:00')]),
    ('gửi Sở Tài chính chậm nhất ngày 10 tháng 12 năm 2025.',
     '2025-11-20', [V('chậm nhất ngày 10 tháng 12 năm 2025', 'by_end', date='2025-12-10')]),
    ('gửi về Văn phòng UBND tỉnh chậm nhất là ngày 05/12/2025.',
     '2025-11-20', [V('chậm nhất là ngày 05/12/2025', 'by_end', date='2025-12-05')]),
    ('báo cáo nhanh trước 16 giờ 30 ngày 25/11/2025.',
     '2025-11-20', [V('trước 16 giờ 30 ngày 25/11/2025', 'before', date='2025-11-25', time='16:30')]),
    ('gửi văn bản trước 10 giờ 00 phút ngày 26/11/2025.',
     '2025-11-20', [V('trước 10 giờ 00 phút ngày 26/11/2025', 'before', date='2025-11-26', time='10:00')]),
    ('cập nhật số liệu lên hệ thống trước 14:00 ngày 01/12/2025.',
     '2025-11-20', [V('trước 14:00 ngày 01/12/2025', 'before', date='2025-12-01', time='14:00')]),
    ('có mặt trước 9 giờ sáng ngày 02/12/2025.',
     '2025-11-20', [V('trước 9 giờ sáng ngày 02/12/2025', 'before', date='2025-12-02', time='09:00')]),
    ('gửi danh sách trước 4 giờ chiều ngày 02/12/2025.',
     '2025-11-20', [V('trước 4 giờ chiều ngày 02/12/2025', 'before', date='2025-12-02', time='16:00')]),
    ('tiếp nhận hồ sơ đến hết ngày 31/12/2025.',
     '2025-11-20', [V('đến hết ngày 31/12/2025', 'by_end', date='2025-12-31')]),
    ('Thời gian thực hiện: từ ngày 01/12/2025 đến hết ngày 31/12/2025.',
     '2025-11-20', [V('từ ngày 01/12/2025 đến hết ngày 31/12/2025', 'range', date='2025-12-31', start='2025-12-01', end='2025-12-31')]),
    ('tổ chức ra quân từ ngày 15/12 đến ngày 20/12/2025.',
     '2025-11-20', [V('từ ngày 15/12 đến ngày 20/12/2025', 'range', date='2025-12-20', start='2025-12-15', end='2025-12-20')]),
    ('hoàn thành việc rà soát trước 15/12/2025.',
     '2025-11-20', [V('trước 15/12/2025', 'before', date='2025-12-15')]),
    ('báo cáo Ủy ban nhân dân tỉnh trước ngày 31/12.',
     '2025-11-20', [V('trước ngày 31/12', 'before', date='2025-12-31')]),
    ('tổng hợp, báo cáo trước ngày 15/01.',
     '2025-11-20', [V('trước ngày 15/01', 'before', date='2026-01-15')]),
    ('Hoàn thành trong tháng 12/2025.',
     '2025-11-20', [V('Hoàn thành trong tháng 12/2025', 'by_end', date='2025-12-31', start='2025-12-01')]),
    ('tổ chức hội nghị trong tháng 01 năm 2026.',
     '2025-11-20', [V('trong tháng 01 năm 2026', 'by_end', date='2026-01-31', start='2026-01-01')]),
    ('thực hiện đến hết năm 2025.',
     '2025-11-20', [V('đến hết năm 2025', 'by_end', date='2025-12-31', start='2025-01-01')]),
    ('ban hành kế hoạch trước tháng 12/2025.',
     '2025-11-20', [V('trước tháng 12/2025', 'before', date='2025-11-30')]),
    ('Hoàn thành trong quý I năm 2026.',
     '2025-11-20', [V('Hoàn thành trong quý I năm 2026', 'period', date='2026-03-31', start='2026-01-01')]),
    ('phấn đấu hoàn thành trong 6 tháng đầu năm 2026.',
     '2025-11-20', [V('hoàn thành trong 6 tháng đầu năm 2026', 'period', date='2026-06-30', start='2026-01-01')]),
    ('giải ngân trong 6 tháng cuối năm.',
     '2025-11-20', [V('trong 6 tháng cuối năm', 'period', date='2025-12-31', start='2025-07-01')]),
    ('có văn bản trả lời trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này.',
     '2025-11-20', [V('trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này', 'relative', date='2025-11-27', within_workdays=5, anchor='ngày nhận được văn bản này', anchor_date='2025-11-20', approximate=True)]),
    ('góp ý dự thảo trong thời hạn 03 ngày làm việc kể từ ngày ký.',
     '2025-04-25', [V('trong thời hạn 03 ngày làm việc kể từ ngày ký', 'relative', date='2025-04-29', within_workdays=3, anchor='ngày ký', anchor_date='2025-04-25')]),
    ('gửi hồ sơ trong vòng 10 ngày kể từ ngày ký.',
     '2025-11-20', [V('trong vòng 10 ngày kể từ ngày ký', 'relative', date='2025-12-01', within_days=10, anchor='ngày ký', anchor_date='2025-11-20')]),
    ('nộp báo cáo trong thời hạn 15 ngày kể từ ngày 20/11/2025.',
     '2025-11-20', [V('trong thời hạn 15 ngày kể từ ngày 20/11/2025', 'relative', date='2025-12-05', within_days=15, anchor='ngày 20/11/2025', anchor_date='2025-11-20')]),
    ('báo cáo tiến độ trước 16h00 thứ Sáu hằng tuần.',
     '2025-11-20', [V('trước 16h00 thứ Sáu hằng tuần', 'before', time='16:00', recurrence='weekly', rrule='FREQ=WEEKLY;BYDAY=FR;BYHOUR=16;BYMINUTE=0', weekday='FR')]),
    ('họp giao ban vào sáng thứ Hai hàng tuần.',
     '2025-11-20', [V('vào sáng thứ Hai hàng tuần', 'on', recurrence='weekly', rrule='FREQ=WEEKLY;BYDAY=MO', weekday='MO')]),
    ('báo cáo định kỳ hằng quý về Sở Tài chính.',
     '2025-11-20', [V('định kỳ hằng quý', 'on', recurrence='quarterly', rrule='FREQ=MONTHLY;INTERVAL=3')]),
    ('gửi báo cáo quý trước ngày 20 của tháng cuối quý.',
     '2025-11-20', [V('trước ngày 20 của tháng cuối quý', 'before', recurrence='quarterly', rrule='FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20', day_of_month=20)]),
    ('tổng kết vào ngày 15 tháng 12 hàng năm.',
     '2025-11-20', [V('vào ngày 15 tháng 12 hàng năm', 'on', recurrence='yearly', rrule='FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15', month=12, day_of_month=15)]),
    ('gửi báo cáo năm trước ngày 15/12 hằng năm.',
     '2025-11-20', [V('trước ngày 15/12 hằng năm', 'before', recurrence='yearly', rrule='FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15', month=12, day_of_month=15)]),
    ('báo cáo định kỳ 6 tháng một lần.',
     '2025-11-20', [V('định kỳ 6 tháng một lần', 'on', recurrence='monthly', rrule='FREQ=MONTHLY;INTERVAL=6', interval=6)]),
    ('hoàn thành trước Tết Nguyên đán Bính Ngọ.',
     '2025-11-20', [V('hoàn thành trước Tết Nguyên đán Bính Ngọ', 'event', date='2026-02-16', event='Tết Nguyên đán')]),
    ('hoàn thành việc chi trả trước Tết Nguyên đán.',
     '2025-03-01', [V('trước Tết Nguyên đán', 'event', date='2026-02-16', event='Tết Nguyên đán')]),
    ('hoàn thành việc sửa chữa trước Tết Dương lịch 2026.',
     '2025-11-20', [V('trước Tết Dương lịch 2026', 'event', date='2025-12-31', event='Tết Dương lịch')]),
    ('báo cáo Chủ tịch UBND tỉnh trước 10h ngày mai.',
     '2025-11-20', [V('trước 10h ngày mai', 'before', date='2025-11-21', time='10:00')]),
    ('hoàn thành việc cấp phát trong ngày 25/11/2025.',
     '2025-11-20', [V('trong ngày 25/11/2025', 'on', date='2025-11-25')]),
    ('Hạn chót: 17h ngày 26/11/2025.',
     '2025-11-20', [V('Hạn chót: 17h ngày 26/11/2025', 'by_end', date='2025-11-26', time='17:00')]),
    ('Thời hạn hoàn thành: 30/6/2026.',
     '2025-11-20', [V('Thời hạn hoàn thành: 30/6/2026', 'by_end', date='2026-06-30')]),
    ('Hằng ngày, trước 16 giờ, các xã báo cáo số liệu thiệt hại.',
     '2025-11-20', [V('Hằng ngày, trước 16 giờ', 'before', time='16:00', recurrence='daily', rrule='FREQ=DAILY;BYHOUR=16;BYMINUTE=0')]),
    ('hoàn thành việc khắc phục trong quý này.',
     '2025-11-20', [V('trong quý này', 'by_end', date='2025-12-31', start='2025-10-01')]),
    ('giải ngân hết vốn trong năm nay.',
     '2025-11-20', [V('trong năm nay', 'by_end', date='2025-12-31', start='2025-01-01')]),
    ("Thời gian: 14h00, ngày 25/11/2025 tại Hội trường UBND tỉnh.",
     '2025-11-20', [V('Thời gian: 14h00, ngày 25/11/2025', 'on', date='2025-11-25', time='14:00')]),
    ("gửi văn bản chậm nhất vào 16h00 ngày 21/11/2025.",
     '2025-11-20', [V('chậm nhất vào 16h00 ngày 21/11/2025', 'by_end', date='2025-11-21', time='16:00')]),
    ("hoàn thành trước 16h30’ ngày 22/11/2025",
     '2025-11-20', [V('hoàn thành trước 16h30’ ngày 22/11/2025', 'before', date='2025-11-22', time='16:30')]),
    ("có mặt lúc 7 giờ 30 phút sáng ngày 24/11/2025",
     '2025-11-20', [V('lúc 7 giờ 30 phút sáng ngày 24/11/2025', 'on', date='2025-11-24', time='07:30')]),
    ("Hạn nộp hồ sơ: 17h00 ngày 30/11/2025.",
     '2025-11-20', [V('Hạn nộp hồ sơ: 17h00 ngày 30/11/2025', 'by_end', date='2025-11-30', time='17:00')]),
    ("Thời gian tổ chức Hội nghị: 8h00 ngày 25/11/2025",
     '2025-11-20', [V('Thời gian tổ chức Hội nghị: 8h00 ngày 25/11/2025', 'on', date='2025-11-25', time='08:00')]),
    ("cập nhật số liệu lên phần mềm trước 24h00 ngày 31/12/2025.",           # the end of the day
     '2025-11-20', [V('trước 24h00 ngày 31/12/2025', 'before', date='2025-12-31', time='23:59')]),
]

NOT_DEADLINES = [
    ('Ngày 29/7, Bộ Y tế đưa ra khuyến cáo phòng chống dịch bệnh Covid-19 trong tình hình mới',
     '2020-08-18'),
    ('tuy nhiên, theo thống kê tính đến ngày 13/8/2020, tỉnh Thừa Thiên Huế mới có 183.620 thuê bao/1.128.620 dân số cài đặt ứng dụng Bluezone, đạt tỷ lệ 16,27%',
     '2020-08-18'),
    ('Môi trường, từ sáng nay (ngày 16/11/2025) tại khu vực từ Quảng Trị đến Khánh Hòa',
     '2025-11-16'),
    ('phối hợp cùng Tổ tự nguyện giám sát và tuyên truyền phòng, chống dịch Covid-19 tại cộng đồng (theo Công văn số 960/UBND-VP ngày 12/8/2020 của Ủy ban nhân dân huyện) để triển khai thực hiện.',
     '2020-08-14'),
    ('- Đến 12h00 ngày 21/11/2025, toàn tỉnh ghi nhận nhiều trường hợp chết, mất tích',
     '2025-11-21'),
    ('- Từ ngày 15/11 đến ngày 20/11/2025, trên địa bàn tỉnh Đắk Lắk xảy ra đợt mưa rất lớn trên diện rộng',
     '2025-11-21'),
    ('Theo dự báo của cơ quan dự báo khí tượng thủy văn, từ tối nay đến ngày 18/11/2025 khu vực từ Quảng Trị đến Đà Nẵng và phía đông các tỉnh có mưa',
     '2025-11-16'),
    ('- UBND xã, phường thực hiện trực ban phòng chống thiên tai 24/24, duy trì thông tin liên lạc thông suốt',
     '2025-11-21'),
    ('- Giai đoạn sau 72 giờ:',
     '2025-11-21'),
    ('rà soát, hoàn thiện Chiến lược dữ liệu thành phố Hà Nội đến năm 2030 được UBND Thành phố phê duyệt tại Quyết định số 1229/QĐ-UBND ngày 28/02/2025 của UBND Thành phố.',
     '2025-11-17'),
    ('c) Người đang hưởng trợ cấp mất sức lao động hằng tháng theo quy định',
     '2026-05-15'),
    ('yêu cầu cán bộ, công chức, viên chức trước khi thực hiện, giải quyết các TTHC trên địa bàn cần tuyên truyền',
     '2020-08-18'),
    ('Bluezone và định kỳ nhắc lại thông qua hệ thống truyền thanh cơ sở để người dân được biết',
     '2020-08-18'),
    ('c) Thời gian thực hiện: Thực hiện thường xuyên.',
     '2025-11-17'),
    ('khẩn trương hoàn thành việc cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức trước ngày 30 tháng 10 năm 2025.',
     '2025-11-28'),
    ('để có thêm nguồn lực hỗ trợ Nhân dân nhanh chóng sửa chữa, xây dựng lại nhà ở bảo đảm người dân có nhà ở an toàn trước Tết nguyên đán năm 2026.',
     '2025-11-27'),
    ('xây dựng báo cáo sơ kết 6 tháng đầu năm 2026',
     '2026-04-16'),
    ('Tổng thiệt hại ước trên 4.500 tỷ đồng (chưa kể thiệt hại tài sản trong dân)',
     '2025-11-21'),
    ('- Giai đoạn khẩn cấp (0-48 giờ): Tổ chức lực lượng, phương tiện tiếp cận ngay các vùng ngập sâu',
     '2025-11-21'),    ("báo cáo trước ngày 31/2/2025",                                            # no such day
     "2025-01-10"),
]


def test_table_is_large():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("text,issued,expected", TABLE, ids=[t[:40] for t, _, _ in TABLE])
def test_phrasing(text, issued, expected):
    found = extract_deadlines(text, issued)
    assert [f.value for f in found] == expected
    for f in found:                                   # the span is the phrase
        assert text[f.start:f.end] == f.value["phrase"]


@pytest.mark.parametrize("text,issued", NOT_DEADLINES, ids=[t[:40] for t, _ in NOT_DEADLINES])
def test_not_a_deadline(text, issued):
    assert extract_deadlines(text, issued) == []


def test_offset_moves_spans():
    text = "báo cáo UBND tỉnh trước ngày 20/8/2020."
    [a] = extract_deadlines(text, "2020-08-14")
    [b] = extract_deadlines(text, "2020-08-14", offset=500)
    assert (b.start, b.end) == (a.start + 500, a.end + 500)
    assert text[a.start:a.end] == "trước ngày 20/8/2020"


def test_empty_and_plain_text():
    assert extract_deadlines("", "2025-11-20") == []
    assert extract_deadlines("Các cơ quan, đơn vị nghiêm túc thực hiện./.", "2025-11-20") == []


# --- the year of a date written without one -------------------------------------------------
def test_year_from_the_issue_date_and_rolled_over():
    # issued in November: 31/12 is this year's, 15/01 next year's
    assert extract_deadlines("trước ngày 31/12", "2025-11-20")[0].value["date"] == "2025-12-31"
    assert extract_deadlines("trước ngày 15/01", "2025-11-20")[0].value["date"] == "2026-01-15"
    # a date a few weeks before the issue date stays in its year, and is then background
    assert extract_deadlines("báo cáo trước ngày 29/7", "2020-08-18") == []
    assert extract_deadlines("báo cáo trước ngày 29/8", "2020-08-18")[0].value["date"] == "2020-08-29"


def test_no_issue_date():
    # the day and month are kept when no year can be given
    [f] = extract_deadlines("báo cáo trước ngày 31/12", None)
    assert f.value == V("trước ngày 31/12", "before", month=12, day_of_month=31)
    # nothing is background without an issue date, but a statistic still is
    assert extract_deadlines("trước ngày 20/8/2020", None)[0].value["date"] == "2020-08-20"
    assert extract_deadlines("theo thống kê tính đến ngày 13/8/2020, tỉnh mới có", None) == []
    # a period needs a year: written, or the issue date's
    assert extract_deadlines("Hoàn thành trong năm 2025.", None)[0].value["date"] == "2025-12-31"
    assert extract_deadlines("hoàn thành trong quý I", None) == []
    assert extract_deadlines("hoàn thành trong quý I", "2025-11-20")[0].value["date"] == "2026-03-31"


def test_issue_date_with_blank_day():
    # seed 002 is dated ``ngày  tháng 8 năm 2020``: a date of that month still counts
    assert extract_deadlines("báo cáo trước ngày 20/8/2020", "2020-08")[0].value["date"] == "2020-08-20"
    assert extract_deadlines("báo cáo trước ngày 20/7/2020", "2020-08") == []


# --- every rule of the grammar, on a real sentence --------------------------------------------
RULE_SENTENCES = {
    "range": ("Thời gian thực hiện: từ ngày 01/12/2025 đến hết ngày 31/12/2025.", "2025-11-20",
              "từ ngày 01/12/2025 đến hết ngày 31/12/2025"),
    "date": ("khẩn trương gửi Báo cáo về Văn phòng Chính phủ trước 17 giờ ngày 27/11/2025 để tổng hợp",
             "2025-11-27", "trước 17 giờ ngày 27/11/2025"),
    "labelled_date": ("Hạn nộp hồ sơ: 17h00 ngày 30/11/2025.", "2025-11-20", "Hạn nộp hồ sơ: 17h00 ngày 30/11/2025"),
    "relative_day": ("báo cáo Chủ tịch UBND tỉnh trước 10h ngày mai.", "2025-11-20", "trước 10h ngày mai"),
    "time_then_recurrence": ("báo cáo kết quả triển khai về Ủy ban nhân dân huyện (qua Phòng Văn hóa và "
                             "Thông tin) trước 14h00 hàng ngày.", "2020-08-14", "trước 14h00 hàng ngày"),
    "recurrence_then_time": ("Hằng ngày, trước 16 giờ, các xã báo cáo số liệu thiệt hại.", "2025-11-20",
                             "Hằng ngày, trước 16 giờ"),
    "weekly": ("báo cáo tiến độ trước 16h00 thứ Sáu hằng tuần.", "2025-11-20", "trước 16h00 thứ Sáu hằng tuần"),
    "monthly": ("báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 "
                "hằng tháng.", "2025-11-17", "trước ngày 15 hằng tháng"),
    "quarterly_day": ("gửi báo cáo quý trước ngày 20 của tháng cuối quý.", "2025-11-20",
                      "trước ngày 20 của tháng cuối quý"),
    "yearly": ("tổng hợp nhu cầu hỗ trợ gạo cho học sinh gửi Bộ Tài chính trước ngày 15 tháng 7 hằng năm.",
               "2026-05-27", "trước ngày 15 tháng 7 hằng năm"),
    "time": ("báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình tiếp nhận", "2025-11-21",
             "trước 9h00’ và 16h00’"),
    "event": ("hoàn thành việc chi trả trước Tết Nguyên đán.", "2025-03-01", "trước Tết Nguyên đán"),
    "relative": ("có văn bản trả lời trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này.",
                 "2025-11-20", "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này"),
    "quarter": ("tổng kết, đánh giá cơ chế, chính sách đặc thù (trong Quý II/2026).", "2026-04-16",
                "trong Quý II/2026"),
    "half_year": ("phấn đấu hoàn thành trong 6 tháng đầu năm 2026.", "2025-11-20",
                  "hoàn thành trong 6 tháng đầu năm 2026"),
    "month": ("báo cáo Thủ tướng Chính phủ trong tháng 4 năm 2026, đồng gửi Bộ Tài chính", "2026-04-16",
              "trong tháng 4 năm 2026"),
    "year": ("c) Thời gian thực hiện: Hoàn thành trong năm 2025.", "2025-11-17", "Hoàn thành trong năm 2025"),
    "this_period": ("giải ngân hết vốn trong năm nay.", "2025-11-20", "trong năm nay"),
    "recurrence": ("đồng thời báo cáo kết quả thực hiện tuyên truyền về phòng, chống dịch hàng tuần vào nhóm "
                   "zalo", "2020-08-15", "hàng tuần"),
    "periodic": ("tổ chức triển khai thực hiện Chương trình hành động này; định kỳ 06 tháng báo cáo và kiến "
                 "nghị Chính phủ", "2026-04-16", "định kỳ 06 tháng"),
    "every_n": ("các đơn vị báo cáo kết quả 6 tháng một lần.", "2025-11-20", "6 tháng một lần"),
    "frequency": ("các xã báo cáo 02 lần/ngày về tình hình tiếp nhận hàng cứu trợ.", "2025-11-21",
                  "02 lần/ngày"),
}


def test_every_rule_has_a_sentence():
    assert {r[0] for r in dl._RULES} == set(RULE_SENTENCES)


@pytest.mark.parametrize("name", sorted(RULE_SENTENCES))
def test_rule(name):
    text, issued, phrase = RULE_SENTENCES[name]
    _, rule, core, lead, _ = next(r for r in dl._RULES if r[0] == name)
    # the rule's core matches inside the phrase (rules match the lower-cased text) ...
    assert any(m.group(0).strip() in phrase.lower() for m in core.finditer(dl._lower(text)))
    # ... and the phrase, its lead included, is a deadline
    assert phrase in [f.value["phrase"] for f in extract_deadlines(text, issued)]


def test_frequency_alone_is_daily():
    [f] = extract_deadlines("các xã báo cáo 02 lần/ngày về tình hình tiếp nhận hàng cứu trợ.", "2025-11-21")
    assert f.value == V("02 lần/ngày", "on", recurrence="daily", rrule="FREQ=DAILY", times_per_period=2)


def test_goal_of_a_clause_is_not_the_deadline():
    # công điện 232/CĐ-TTg: the Tết horizon belongs to the people's housing, not to the ministry
    text = ("2. Bộ trưởng Bộ Tài chính tổng hợp, chủ động đề xuất sử dụng nguồn lực từ ngân sách trung "
            "ương … để có thêm nguồn lực hỗ trợ Nhân dân nhanh chóng sửa chữa, xây dựng lại nhà ở bảo đảm "
            "người dân có nhà ở an toàn trước Tết nguyên đán năm 2026.")
    assert extract_deadlines(text, "2025-11-27") == []
    assert extract_deadlines("đảm bảo hoàn thành trước Tết Nguyên đán năm 2026", "2025-11-27")[0].value["date"] \
        == "2026-02-16"


# --- the working calendar --------------------------------------------------------------------
def test_workdays_across_tet():
    # issued Wed 22/01/2025: 23, 24/01, then Tết Ất Tỵ (25/01-02/02), then 03, 04, 05/02
    assert add_workdays(date(2025, 1, 22), 5) == date(2025, 2, 5)
    [f] = extract_deadlines("gửi ý kiến trong thời hạn 05 ngày làm việc kể từ ngày ký.", "2025-01-22")
    assert f.value["date"] == "2025-02-05"
    assert f.value["within_workdays"] == 5


def test_workdays_with_a_saturday_worked_in_exchange():
    # 2025: Fri 02/05 was swapped for Sat 26/04, so 26/04 is a working day and 30/04-04/05 are off
    assert is_workday(date(2025, 4, 26))
    assert not is_workday(date(2025, 5, 2))
    assert add_workdays(date(2025, 4, 25), 3) == date(2025, 4, 29)
    assert add_workdays(date(2025, 4, 29), 1) == date(2025, 5, 5)


def test_public_holidays():
    assert is_holiday(date(2025, 9, 2)) and is_holiday(date(2025, 9, 1))        # Quốc khánh + 1 day
    assert is_holiday(date(2025, 4, 7))                                         # Giỗ Tổ 10/3 âm lịch
    assert is_holiday(date(2024, 2, 12)) and not is_workday(date(2024, 2, 14))  # Tết Giáp Thìn
    assert is_workday(date(2025, 11, 20))
    assert not is_workday(date(2025, 11, 22))                                   # a Saturday
    assert is_holiday(date(2035, 9, 2)) and not is_holiday(date(2035, 9, 5))    # past the table: the fixed days


def test_feasts_from_the_table():
    assert list(table_years()) == list(range(2019, 2031))
    assert feast("tet_mung_1", 2026) == date(2026, 2, 17)
    assert feast("tet_mung_1", 2030) == date(2030, 2, 2)        # a day before the Chinese calendar's
    assert feast("gio_to_hung_vuong", 2026) == date(2026, 4, 26)
    assert next_feast("tet_mung_1", date(2025, 3, 1)) == date(2026, 2, 17)
    for y in table_years():
        t = feast("tet_mung_1", y)
        assert date(y, 1, 20) <= t <= date(y, 2, 20) and not is_workday(t)


def test_calendar_days_end_on_a_working_day():
    # 10 days from Thu 20/11/2025 is Sun 30/11: the period ends on Mon 01/12 (Điều 148 BLDS)
    assert add_days(date(2025, 11, 20), 10) == date(2025, 12, 1)
    assert add_days(date(2025, 11, 20), 5) == date(2025, 11, 25)


# --- RRULE strings ---------------------------------------------------------------------------
RRULES = [
    ("trước 14h00 hàng ngày", "2020-08-14", "FREQ=DAILY;BYHOUR=14;BYMINUTE=0",
     datetime(2020, 8, 14, 15, 0), datetime(2020, 8, 15, 14, 0)),
    ("trước ngày 20 hằng tháng", "2025-11-17", "FREQ=MONTHLY;BYMONTHDAY=20",
     datetime(2025, 11, 21), datetime(2025, 12, 20)),
    ("15 tháng 12 hàng năm", "2025-11-20", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
     datetime(2025, 12, 16), datetime(2026, 12, 15)),
    ("trước 16h00 thứ Sáu hằng tuần", "2025-11-20", "FREQ=WEEKLY;BYDAY=FR;BYHOUR=16;BYMINUTE=0",
     datetime(2025, 11, 20), datetime(2025, 11, 21, 16, 0)),
    ("trước ngày 20 của tháng cuối quý", "2025-11-20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
     datetime(2025, 12, 21), datetime(2026, 3, 20)),
    ("báo cáo định kỳ hằng quý", "2025-11-20", "FREQ=MONTHLY;INTERVAL=3", None, None),
    ("định kỳ 06 tháng báo cáo", "2026-04-16", "FREQ=MONTHLY;INTERVAL=6", None, None),
]


@pytest.mark.parametrize("text,issued,rule,after,expected", RRULES, ids=[r[0] for r in RRULES])
def test_rrule(text, issued, rule, after, expected):
    [f] = extract_deadlines(text, issued)
    assert f.value["rrule"] == rule
    parsed = rrulestr(rule, dtstart=datetime(2020, 1, 1))        # valid RFC 5545
    if expected is not None:
        assert rrulestr(rule, dtstart=after.replace(hour=0, minute=0)).after(after) == expected
    else:
        assert parsed.after(datetime(2020, 1, 1)) is not None


def test_every_rrule_of_the_table_parses():
    for text, issued, expected in TABLE:
        for v in expected:
            if v["rrule"]:
                assert v["recurrence"] is not None
                assert rrulestr(v["rrule"], dtstart=datetime(2025, 1, 1)).after(datetime(2025, 1, 1))


# --- next_occurrence -------------------------------------------------------------------------
def _one(text, issued):
    [f] = extract_deadlines(text, issued)
    return f.value


def test_next_occurrence_daily():
    v = _one("báo cáo trước 14h00 hàng ngày", "2020-08-14")
    assert next_occurrence(v, date(2020, 8, 14)) == datetime(2020, 8, 14, 14, 0)
    assert next_occurrence(v, datetime(2020, 8, 14, 15, 0)) == datetime(2020, 8, 15, 14, 0)


def test_next_occurrence_one_off():
    v = _one("báo cáo trước ngày 20/8/2020", "2020-08-14")
    assert next_occurrence(v, date(2020, 8, 15)) == datetime(2020, 8, 20, 0, 0)   # before the day begins
    assert next_occurrence(v, date(2020, 8, 21)) is None                          # passed
    v = _one("gửi Báo cáo trước 17 giờ ngày 27/11/2025", "2025-11-27")
    assert next_occurrence(v, datetime(2025, 11, 27, 9, 0)) == datetime(2025, 11, 27, 17, 0)
    v = _one("tiếp nhận hồ sơ đến hết ngày 31/12/2025", "2025-11-20")
    assert next_occurrence(v, date(2025, 12, 31)) == datetime(2025, 12, 31, 23, 59)   # to the day's end
    v = _one("từ ngày 01/12/2025 đến hết ngày 31/12/2025", "2025-11-20")
    assert next_occurrence(v, date(2025, 12, 5)) == datetime(2025, 12, 31, 23, 59)


def test_next_occurrence_monthly_and_yearly():
    v = _one("trước ngày 20 hằng tháng", "2025-11-17")
    assert next_occurrence(v, date(2025, 11, 21)) == datetime(2025, 12, 20, 0, 0)
    v = _one("gửi Bộ Tài chính trước ngày 15 tháng 7 hằng năm", "2026-05-27")
    assert next_occurrence(v, date(2026, 7, 16)) == datetime(2027, 7, 15, 0, 0)


def test_next_occurrence_of_a_period_without_a_day():
    # no day named: due by the end of the week, month, quarter or half-year
    assert next_occurrence(_one("báo cáo hàng tuần", "2020-08-15"), date(2020, 8, 15)) \
        == datetime(2020, 8, 16, 23, 59)
    assert next_occurrence(_one("báo cáo hằng tháng về Sở", "2025-11-20"), date(2025, 11, 20)) \
        == datetime(2025, 11, 30, 23, 59)
    assert next_occurrence(_one("báo cáo định kỳ hằng quý", "2025-11-20"), date(2025, 11, 20)) \
        == datetime(2025, 12, 31, 23, 59)
    assert next_occurrence(_one("định kỳ 06 tháng báo cáo", "2026-04-16"), date(2026, 7, 1)) \
        == datetime(2026, 12, 31, 23, 59)
    assert next_occurrence(_one("Hằng năm, Ủy ban nhân dân tỉnh báo cáo Bộ Tài chính", "2026-04-16"),
                           date(2026, 4, 16)) == datetime(2026, 12, 31, 23, 59)


def test_next_occurrence_unknown():
    v = _one("trong thời hạn 30 ngày kể từ ngày thay đổi tên hoặc địa chỉ trụ sở", "2026-04-06")
    assert v["date"] is None and v["within_days"] == 30
    assert next_occurrence(v, date(2026, 4, 6)) is None


# --- the gold tasks ----------------------------------------------------------------------------
_HEAD = re.compile(r"^(\d+(?:\.\d+)*)\.\s")


def task_text(text: str, quote: str) -> str:
    """The text of the gold task holding ``quote``: its numbered item with the sub-items, or, for
    an unnumbered closing paragraph, the sentence (``… Giao Phòng … báo cáo …``)."""
    i = text.find(quote)
    assert i >= 0, quote
    lines = text.split("\n")
    pos = k = 0
    for k, ln in enumerate(lines):
        if pos <= i <= pos + len(ln):
            break
        pos += len(ln) + 1
    if not _HEAD.match(lines[k]) and not re.match(r"^(?:-|[a-zđ]\))", lines[k]):
        for s in re.split(r"(?<=\.)\s+(?=Giao )", lines[k]):
            if quote in s:
                return s
    j = k
    while j > 0 and not _HEAD.match(lines[j]):
        j -= 1
    if not _HEAD.match(lines[j]):
        j = k
    level = _HEAD.match(lines[j]).group(1).count(".") if _HEAD.match(lines[j]) else 0
    out = [lines[j]]
    for n in range(j + 1, len(lines)):
        h = _HEAD.match(lines[n])
        if (h and h.group(1).count(".") <= level) or re.match(r"^(?:[IVX]+\.\s|Nơi nhận)", lines[n]):
            break
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        if lines[n] == "" and level == 0 and nxt[:1].isupper() and not re.match(r"^(?:-|[a-zđ]\)|\d)", nxt):
            break
        out.append(lines[n])
    return "\n".join(out)


GOLD = sorted((DATA / "gold").glob("*.json")) + sorted((DATA / "dev" / "gold").glob("*.json"))


def triple(d):
    return (d.get("date") or None, d.get("time") or None, d.get("recurrence") or None)


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_gold_deadlines(gold):
    g = json.loads(gold.read_text(encoding="utf-8"))
    text = normalize((CORPUS / (gold.stem + ".txt")).read_text(encoding="utf-8")).text
    for task in g.get("tasks", []):
        part = task_text(text, new_tones(task["quote"]))
        got = {triple(f.value) for f in extract_deadlines(part, g.get("issued_date"))}
        assert got == {triple(d) for d in task.get("deadlines", [])}, task["quote"]


# each deadline of the gold, the phrase of the task text it is read from
GOLD_PHRASES = [
    ("001", "huy động toàn thể hệ thống chính trị", ("2020-08-20", None, None), "đến ngày 20/8/2020"),
    ("001", "báo cáo kết quả triển khai về Ủy ban nhâ", (None, "14:00", "daily"), "trước 14h00 hàng ngày"),
    ("001", "Giao Phòng Văn hoá và Thông tin huyện tổ", (None, "15:00", "daily"), "trước 15h00 hàng ngày"),
    ("003", "chỉ đạo cán bộ công chức, viên chức gươn", ("2020-08-18", None, None), "trước ngày 18/8/2020"),
    ("003", "khẩn trương củng cố, tăng cường hiệu quả", ("2020-08-20", None, None), "trước ngày 20/8/2020"),
    ("003", "Sở Thông tin và Truyền thông tập trung c", ("2020-08-20", None, None), "trước ngày 20/8/2020"),
    ("003", "Sở Thông tin và Truyền thông tập trung c", (None, None, "weekly"), "hàng tuần"),
    ("006", "tổng hợp nhu cầu từ cơ sở, báo cáo UBND", (None, "19:00", "daily"), "trước 19h00’ hằng ngày"),
    ("006", "báo cáo 02 lần/ngày (trước 9h00’ và 16h0", (None, "09:00", "daily"), "trước 9h00’ và 16h00’"),
    ("006", "báo cáo 02 lần/ngày (trước 9h00’ và 16h0", (None, "16:00", "daily"), "trước 9h00’ và 16h00’"),
    ("009", "chỉ đạo cơ quan chức năng và chính quyền", ("2025-11-27", "17:00", None), "trước 17 giờ ngày 27/11/2025"),
    ("016", "cơ quan hành chính khác, các đơn vị sự n", ("2025-12-06", None, None), "trước ngày 06 tháng 12 năm 2025"),
    ("022", "các Chiến lược triển khai của thành phố ", ("2025-12-31", None, None), "Hoàn thành trong năm 2025"),
    ("022", "thống nhất các nền tảng số quốc gia dùng", ("2025-12-31", None, None), "Hoàn thành trong năm 2025"),
    ("022", "các nhiệm vụ thuộc Kế hoạch lập dự toán ", ("2025-12-31", None, None), "Hoàn thành trong năm 2025"),
    ("022", "để xây dựng Khung Kiến trúc số thành phố", ("2025-12-31", None, None), "Hoàn thành trong năm 2025"),
    ("022", "theo dõi, đôn đốc các Sở, ban, ngành, UB", (None, None, "monthly"), "trước ngày 20 hằng tháng"),
    ("022", "căn cứ Kế hoạch này, xây dựng Kế hoạch", (None, None, "monthly"), "trước ngày 15 hằng tháng"),
]


def test_gold_deadline_phrases():
    tasks = [(gold, json.loads(gold.read_text(encoding="utf-8"))) for gold in GOLD]
    n_gold = sum(len(t.get("deadlines", [])) for _, g in tasks for t in g.get("tasks", []))
    assert len(GOLD_PHRASES) == n_gold
    for doc, quote, tri, phrase in GOLD_PHRASES:
        gold, g = next((gold, g) for gold, g in tasks if gold.stem.startswith(doc))
        task = next(t for t in g["tasks"] if t["quote"].startswith(quote))
        assert tri in {triple(d) for d in task["deadlines"]}
        text = normalize((CORPUS / (gold.stem + ".txt")).read_text(encoding="utf-8")).text
        found = extract_deadlines(task_text(text, new_tones(task["quote"])), g.get("issued_date"))
        assert (tri, phrase) in {(triple(f.value), f.value["phrase"]) for f in found}
