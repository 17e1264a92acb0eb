"""The obligation store (pipeline/store.py): schema, migrations, status, the due query."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from pipeline import store

DAILY_14 = {"date": None, "time": "14:00", "recurrence": "daily", "rrule": "FREQ=DAILY;BYHOUR=14;BYMINUTE=0",
            "phrase": "trước 14h00 hàng ngày"}
BY_20_8 = {"date": "2020-08-20", "time": None, "recurrence": None, "rrule": None, "phrase": "đến ngày 20/8/2020"}
D = date.fromisoformat


def commune(code: str, name: str) -> store.Holder:
    return store.Holder(f"2020:{code}", "unit", name)


def bundle(source="a.txt", identity="ubnd huyen huong hoa|978|UBND VP|2020", urgency="hỏa tốc",
           issued="2020-08-14", tasks=None, holders=None) -> store.DocumentBundle:
    tasks = tasks or [
        {"tid": "1", "text": "Chỉ đạo quyết liệt việc tuyên truyền cài đặt ứng dụng Bluezone", "deadlines": []},
        {"tid": "2", "text": "Ủy ban nhân dân các xã, thị trấn huy động toàn thể hệ thống chính trị", "deadlines": [BY_20_8]},
        {"tid": "3", "text": "báo cáo kết quả triển khai về Ủy ban nhân dân huyện trước 14h00 hàng ngày",
         "deadlines": [DAILY_14], "report_to": "Ủy ban nhân dân huyện"},
    ]
    holders = holders or [commune("19441", "xã Hướng Phùng"), commune("19444", "xã Hướng Sơn")]
    obs = [store.Obligation(t["tid"], h, "Ủy ban nhân dân các xã, thị trấn", "cac_xa_thi_tran", None, "assigned",
                            "Ủy ban nhân dân huyện Hướng Hóa") for t in tasks for h in holders]
    return store.DocumentBundle(source, None, identity,
                                {"doc_type": "Công văn", "number": "978", "symbol": "UBND-VP",
                                 "issuer": "Ủy ban nhân dân huyện Hướng Hóa", "issued_date": issued,
                                 "urgency": urgency, "subject": "đẩy mạnh tuyên truyền Bluezone"},
                                tasks, obs)


@pytest.fixture
def conn(tmp_path):
    c = store.connect(tmp_path / "congvan.db")
    with store.transaction(c):
        store.put_document(c, bundle())
    yield c
    c.close()


# --- schema --------------------------------------------------------------------------------------
def test_schema_version_wal_and_foreign_keys(conn):
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(store.MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "tasks", "holders", "groups", "members", "assignments", "completions", "meta"} <= tables


def test_migrate_is_idempotent_and_refuses_a_newer_store(tmp_path):
    p = tmp_path / "x.db"
    store.connect(p).close()
    c = store.connect(p)
    assert store.migrate(c) == len(store.MIGRATIONS)
    c.execute(f"PRAGMA user_version = {len(store.MIGRATIONS) + 1}")
    with pytest.raises(store.StoreError) as e:
        store.migrate(c)
    assert "mới hơn" in e.value.vi


def test_connect_without_create_needs_the_file(tmp_path):
    with pytest.raises(store.StoreError):
        store.connect(tmp_path / "none.db", create=False)


def test_the_due_query_walks_holder_groups_assignments_by_index(conn):
    sql = store._DUE_SQL.format(keys="?")
    plan = " ".join(str(tuple(r)) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, ("2020:19441", "2020-08-19")))
    assert "members_holder" in plan and "assignments_due" in plan
    assert "SCAN a" not in plan and "SCAN t" not in plan


def test_transaction_rolls_back_on_error(conn):
    before = store.count_obligations(conn)
    with pytest.raises(RuntimeError):
        with store.transaction(conn):
            store.put_document(conn, bundle(source="b.txt", identity="other"))
            raise RuntimeError("stop")
    assert store.count_obligations(conn) == before


# --- writing ---------------------------------------------------------------------------------------
def refs(c) -> set[str]:
    return {i["ref"] for k in ("2020:19441", "2020:19444") for i in store.due(c, [k], D("2020-08-19"))}


def test_put_document_groups_holders_and_refs_are_stable(conn):
    assert store.count_obligations(conn) == 6
    # three tasks bound to the same two communes: one group, three assignments
    assert conn.execute("SELECT count(*) FROM groups").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == 3
    before = refs(conn)
    assert len(before) == 6
    assert store.obligation_ref("ubnd huyen huong hoa|978|UBND VP|2020", "2", "2020:19441") in before
    with store.transaction(conn):
        store.put_document(conn, bundle())                        # the same record again
    assert refs(conn) == before
    # another document to the same communes reuses the group
    with store.transaction(conn):
        store.put_document(conn, bundle(source="b.txt", identity="b"))
    assert conn.execute("SELECT count(*) FROM groups").fetchone()[0] == 1
    assert store.count_obligations(conn) == 12
    row = conn.execute("SELECT due_at, recurring, urgency, issued FROM assignments a JOIN tasks t "
                       "ON t.task_id = a.task_id WHERE t.tid = '2' LIMIT 1").fetchone()
    assert tuple(row) == ("2020-08-20", 0, 0, "2020-08-14")
    assert conn.execute("SELECT recurring FROM assignments a JOIN tasks t ON t.task_id = a.task_id "
                        "WHERE t.tid = '3' LIMIT 1").fetchone()[0] == 1


def test_a_holder_named_twice_in_a_task_is_one_obligation(tmp_path):
    c = store.connect(tmp_path / "d.db")
    h = commune("19441", "xã Hướng Phùng")
    b = bundle(holders=[h, h])
    b.obligations.append(store.Obligation("2", h, "Chủ tịch UBND từng xã", "cac_xa", None, "delegated", "x"))
    with store.transaction(c):
        store.put_document(c, b)
    assert store.count_obligations(c) == 3
    assert [i["kind"] for i in store.due(c, ["2020:19441"], D("2020-08-19"))] == ["assigned"] * 3


def test_dropping_a_document_cascades_and_keeps_completions(conn):
    ref = sorted(refs(conn))[0]
    store.mark_done(conn, ref, D("2020-08-18"))
    with store.transaction(conn):
        assert store.drop_documents(conn, ["a.txt"]) == 1
        store.drop_unused_holders(conn)
    for table in ("tasks", "assignments", "groups", "members", "holders"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM completions").fetchone()[0] == 1


# --- status ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("on, done_on, status, deadline, left, warning", [
    ("2020-08-12", None, "open", "2020-08-20", 8, None),
    ("2020-08-13", None, "open", "2020-08-20", 7, "còn 7 ngày"),
    ("2020-08-17", None, "open", "2020-08-20", 3, "còn 3 ngày"),
    ("2020-08-19", None, "open", "2020-08-20", 1, "còn 1 ngày"),
    ("2020-08-20", None, "open", "2020-08-20", 0, "đến hạn hôm nay"),
    ("2020-08-21", None, "overdue", "2020-08-20", -1, "quá hạn 1 ngày"),
    ("2020-08-25", "2020-08-20", "done_on_time", "2020-08-20", None, None),
    ("2020-08-25", "2020-08-22", "done_late", "2020-08-20", None, None),
    ("2020-08-21", "2020-08-22", "overdue", "2020-08-20", -1, "quá hạn 1 ngày"),   # not done yet on the 21st
])
def test_four_way_status_of_a_one_off_deadline(on, done_on, status, deadline, left, warning):
    st = store.assess([BY_20_8], D(on), done_on)
    assert (st["status"], st["deadline"], st["days_left"], st["warning"]) == (status, deadline, left, warning)


def test_recurring_deadline_shows_the_next_occurrence():
    st = store.assess([DAILY_14], D("2020-08-19"), None)
    assert (st["status"], st["deadline"], st["time"], st["recurrence"], st["days_left"]) == \
        ("open", "2020-08-19", "14:00", "daily", 0)
    weekly = {"date": None, "time": None, "recurrence": "weekly", "rrule": "FREQ=WEEKLY", "phrase": "hằng tuần"}
    st = store.assess([weekly], D("2020-08-19"), None)
    assert st["status"] == "open" and st["recurrence"] == "weekly" and 0 <= st["days_left"] <= 6
    assert st["time"] is None
    # recorded as done: the series is closed, on time
    assert store.assess([DAILY_14], D("2020-08-25"), "2020-08-24")["status"] == "done_on_time"


def test_one_off_and_recurring_together():
    # "trước ngày 20/8 … và báo cáo hằng ngày": the nearer of the two governs; past the date, overdue
    assert store.assess([BY_20_8, DAILY_14], D("2020-08-19"), None)["deadline"] == "2020-08-19"
    assert store.assess([BY_20_8, DAILY_14], D("2020-08-22"), None)["status"] == "overdue"


def test_no_deadline_is_open_until_done():
    assert store.assess([], D("2030-01-01"), None) == {
        "deadline": None, "time": None, "recurrence": None, "rrule": None, "days_left": None, "warning": None,
        "status": "open"}
    assert store.assess([], D("2030-01-01"), "2029-12-31")["status"] == "done_on_time"


# --- the due query --------------------------------------------------------------------------------
def test_due_sorts_urgent_then_overdue_then_nearest(tmp_path):
    c = store.connect(tmp_path / "s.db")
    h = [commune("19441", "xã Hướng Phùng")]
    with store.transaction(c):
        store.put_document(c, bundle(source="a.txt", identity="a", urgency=None, holders=h, tasks=[
            {"tid": "late", "text": "quá hạn", "deadlines": [{"date": "2020-08-10"}]},
            {"tid": "near", "text": "gần", "deadlines": [{"date": "2020-08-21"}]},
            {"tid": "far", "text": "xa", "deadlines": [{"date": "2020-09-30"}]},
            {"tid": "none", "text": "không hạn", "deadlines": []}]))
        store.put_document(c, bundle(source="b.txt", identity="b", urgency="hỏa tốc", holders=h, tasks=[
            {"tid": "urgent", "text": "hỏa tốc", "deadlines": [{"date": "2020-09-15"}]}]))
    items = store.due(c, ["2020:19441"], D("2020-08-19"))
    assert [i["tid"] for i in items] == ["urgent", "late", "near", "far", "none"]
    assert [i["tid"] for i in store.due(c, ["2020:19441"], D("2020-08-19"), within=7)] == ["late", "near"]
    assert [i["tid"] for i in store.due(c, ["2020:19441"], D("2020-08-19"), statuses=["overdue"])] == ["late"]
    assert store.due(c, ["2020:00000"], D("2020-08-19")) == []
    assert store.counts(items) == {"done_on_time": 0, "done_late": 0, "open": 4, "overdue": 1}


def test_due_leaves_out_documents_issued_later(conn):
    assert store.due(conn, ["2020:19441"], D("2020-08-13")) == []
    assert len(store.due(conn, ["2020:19441"], D("2020-08-14"))) == 3


def test_find_obligation_by_its_short_or_full_id(conn):
    ref = sorted(refs(conn))[0]
    assert store.find_obligation(conn, ref)["ref"] == ref
    assert store.find_obligation(conn, store.short_ref(ref).upper())["ref"] == ref
    for bad in ("12", "3fb1800c", "zzzzzzzz-zzzz"):
        with pytest.raises(store.StoreError):
            store.find_obligation(conn, bad)
    with pytest.raises(store.StoreError) as e:
        store.find_obligation(conn, "ffffffff-ffff")
    assert "không có việc" in e.value.vi


def test_mark_done_and_undo(conn):
    ref = store.obligation_ref("ubnd huyen huong hoa|978|UBND VP|2020", "2", "2020:19441")
    store.mark_done(conn, ref, D("2020-08-21"), "130/UBND")
    item = [i for i in store.due(conn, ["2020:19441"], D("2020-08-25")) if i["ref"] == ref][0]
    assert (item["status"], item["reply"]) == ("done_late", "130/UBND")
    store.mark_done(conn, ref, D("2020-08-19"))                     # corrected
    item = [i for i in store.due(conn, ["2020:19441"], D("2020-08-25")) if i["ref"] == ref][0]
    assert item["status"] == "done_on_time"
    # the other commune's share of the same task is its own
    other = [i for i in store.due(conn, ["2020:19444"], D("2020-08-25")) if i["tid"] == "2"][0]
    assert other["status"] == "overdue"
    store.undo_done(conn, ref)
    item = [i for i in store.due(conn, ["2020:19441"], D("2020-08-25")) if i["ref"] == ref][0]
    assert item["status"] == "overdue"


def test_find_holders_by_accent_free_words(tmp_path):
    c = store.connect(tmp_path / "h.db")
    org = store.Holder("org:phong van hoa va thong tin@2020:465", "org", "Phòng Văn hóa và Thông tin (huyện Hướng Hóa)",
                       "2020:465", "phong van hoa va thong tin huyen huong hoa tinh quang tri")
    with store.transaction(c):
        store.holder_ids(c, [org])
    assert [r["key"] for r in store.find_holders(c, "phong van hoa va thong tin huong hoa")] == [org.key]
    assert store.find_holders(c, "phong y te") == []


def test_meta(conn):
    store.set_meta(conn, "resolver", "x")
    store.set_meta(conn, "resolver", "y")
    assert store.get_meta(conn, "resolver") == "y"
    assert store.get_meta(conn, "none") is None


def test_store_is_plain_sqlite(tmp_path, conn):
    # another program (a spreadsheet's ODBC, sqlite3) can read it while WAL is on
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM assignments").fetchone()[0] == 3
    other.close()
