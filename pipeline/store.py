"""The obligation store: documents, their tasks, and who must do what, in SQLite.

    documents ─< tasks ─< assignments >─ groups ─< members >─ holders
                                                              completions (kept across rebuilds)

- A *holder* is a unit (``2020:19441``, a commune) or a body that is not an administrative unit
  (``org:so y te@2020:45``). A *group* is a set of holders — "the communes of huyện Hướng Hóa in
  2020", or one holder — stored once and shared by every document that binds it. An
  *assignment* binds one task to one group ("UBND các xã, thị trấn" of task 2); one obligation
  is one member of that group for that task. So a decree that binds every commune costs one
  row per task, not 3,321, and the due query walks holder → groups → assignments.
- An obligation's ref is ``<task ref>-<holder ref>``: hashes of the document's identity and task
  id, and of the holder's key. It is stable across rebuilds, so a completion recorded with
  ``congvan done`` survives every re-ingest.
- Indexes serve the due query: ``members(holder_id)`` and ``assignments(group_id, due_at)``.
  Recurring deadlines are evaluated in Python (``next_occurrence``) on the rows found.
- Schema changes are numbered migrations (``PRAGMA user_version``); the database runs in WAL
  mode so that a query may read while an ingest writes.

Status follows the Sổ theo dõi giải quyết văn bản đến (Nghị định 30/2020/NĐ-CP, Phụ lục IV):
đã giải quyết đúng hạn / quá hạn, chưa giải quyết trong hạn / quá hạn.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterable

DB_NAME = "congvan.db"

# status codes, in the order of the Sổ theo dõi, with their Vietnamese names
STATUSES = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "open": "đang thực hiện trong hạn",
    "overdue": "quá hạn",
}
URGENCY_RANK = {"hỏa tốc": 0, "thượng khẩn": 1, "khẩn": 2}
NO_URGENCY = 3
WARN_DAYS = (1, 3, 7)

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE documents (
        doc_id      INTEGER PRIMARY KEY,
        source      TEXT NOT NULL UNIQUE,         -- the record's source path
        sha256      TEXT,                         -- hash of what the tracker read of the record
        identity    TEXT NOT NULL,                -- issuer|number|symbol|year, or the source path
        doc_type    TEXT, number TEXT, symbol TEXT, issuer TEXT, issued_date TEXT,
        urgency     TEXT, subject TEXT
    );
    CREATE TABLE tasks (
        task_id     INTEGER PRIMARY KEY,
        doc_id      INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        tid         TEXT NOT NULL,
        tref        TEXT NOT NULL,                -- stable: hash of the document identity and tid
        parent      TEXT,
        text        TEXT NOT NULL,
        deadlines   TEXT NOT NULL DEFAULT '[]',  -- JSON: the record's deadline dicts (+ targets' "by")
        targets     TEXT NOT NULL DEFAULT '[]',
        report_to   TEXT,
        UNIQUE (doc_id, tid)
    );
    CREATE INDEX tasks_tref ON tasks (tref);
    CREATE TABLE holders (
        holder_id   INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,         -- unit id (2020:19441) or org:<name>@<area>
        kind        TEXT NOT NULL,                -- unit | org
        name        TEXT NOT NULL,                -- as shown: "xã Hướng Phùng, huyện Hướng Hóa, …"
        area        TEXT,                         -- the unit id an org belongs to
        search      TEXT                          -- accent-free words, to find an org by name
    );
    CREATE TABLE groups (
        group_id    INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,         -- hash of the sorted member keys
        size        INTEGER NOT NULL
    );
    CREATE TABLE members (
        group_id    INTEGER NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
        holder_id   INTEGER NOT NULL REFERENCES holders(holder_id),
        PRIMARY KEY (group_id, holder_id)
    ) WITHOUT ROWID;
    CREATE INDEX members_holder ON members (holder_id, group_id);
    CREATE TABLE assignments (
        asg_id      INTEGER PRIMARY KEY,
        task_id     INTEGER NOT NULL REFERENCES tasks(task_id) ON DELETE CASCADE,
        doc_id      INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        group_id    INTEGER NOT NULL REFERENCES groups(group_id),
        named       TEXT,                         -- the addressee as written in the task
        rule        TEXT,                         -- how it was resolved
        role        TEXT,                         -- chủ trì | phối hợp | NULL
        kind        TEXT NOT NULL DEFAULT 'assigned',   -- assigned | delegated
        follow_up   TEXT,                         -- who follows it up (the issuer, or the directing unit)
        due_at      TEXT,                         -- earliest one-off deadline, "YYYY-MM-DD[ HH:MM]"
        recurring   INTEGER NOT NULL DEFAULT 0,
        urgency     INTEGER NOT NULL DEFAULT 3,   -- 0 hỏa tốc, 1 thượng khẩn, 2 khẩn, 3 none
        issued      TEXT                          -- the document's date (may be YYYY-MM or YYYY)
    );
    CREATE INDEX assignments_due ON assignments (group_id, due_at);
    CREATE INDEX assignments_task ON assignments (task_id);
    CREATE INDEX assignments_doc ON assignments (doc_id);
    CREATE INDEX tasks_doc ON tasks (doc_id);
    CREATE TABLE completions (
        ref         TEXT PRIMARY KEY,             -- <task ref>-<holder ref>; kept across rebuilds
        done_on     TEXT NOT NULL,                -- YYYY-MM-DD
        reply       TEXT,                         -- số/ký hiệu of the reply or report
        recorded_at TEXT NOT NULL
    );
    """,
]


class StoreError(Exception):
    def __init__(self, vi: str, en: str):
        super().__init__(f"{vi} ({en})")
        self.vi, self.en = vi, en


# --- connection and migrations ---------------------------------------------------------------
def db_path(out_dir: Path) -> Path:
    return Path(out_dir) / DB_NAME


def connect(path: Path | str, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) the store. ``create=False`` refuses a missing file."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"chưa có sổ theo dõi {path}: hãy chạy 'congvan ingest' trước",
                         f"no tracker store at {path}: run 'congvan ingest' first")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    migrate(conn)
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database has not had yet; returns the schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreError(f"sổ theo dõi có phiên bản {version}, mới hơn chương trình ({len(MIGRATIONS)})",
                         f"store schema {version} is newer than this program's ({len(MIGRATIONS)})")
    for i in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in _statements(MIGRATIONS[i]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {i + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line.split("--", 1)[0])
        if line.split("--", 1)[0].rstrip().endswith(";"):
            stmt = "\n".join(buf).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            buf = []
    return out


class transaction:
    """``with transaction(conn):`` — BEGIN IMMEDIATE … COMMIT, ROLLBACK on error."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


# --- writing ---------------------------------------------------------------------------------
@dataclass
class Holder:
    key: str
    kind: str
    name: str
    area: str | None = None
    search: str | None = None


@dataclass
class Obligation:
    """One addressee of one task, bound to one holder or to a group of them (``holders``)."""
    task: str               # the task's id in the record
    holder: Holder | None
    named: str | None = None
    rule: str | None = None
    role: str | None = None
    kind: str = "assigned"
    follow_up: str | None = None
    holders: list[Holder] | None = None

    @property
    def members(self) -> list[Holder]:
        return self.holders if self.holders is not None else [self.holder]


@dataclass
class DocumentBundle:
    """One record as the store keeps it: the document, its tasks, the obligations."""
    source: str
    sha256: str | None
    identity: str
    doc: dict               # doc_type, number, symbol, issuer, issued_date, urgency, subject
    tasks: list[dict]       # {tid, parent, text, deadlines, targets, report_to}
    obligations: list[Obligation]


def task_ref(identity: str, task: str) -> str:
    return hashlib.sha1(f"{identity}\x1f{task}".encode()).hexdigest()[:10]


def holder_ref(holder_key: str) -> str:
    return hashlib.sha1(holder_key.encode()).hexdigest()[:8]


def obligation_ref(identity: str, task: str, holder_key: str) -> str:
    """The stable id of one holder's share of one task: ``3fb1800cd8-9c0e51aa``."""
    return f"{task_ref(identity, task)}-{holder_ref(holder_key)}"


def short_ref(ref: str) -> str:
    """The id as the table shows it (``3fb1800c-9c0e5``); ``done`` takes it back."""
    t, _, h = ref.partition("-")
    return f"{t[:8]}-{h[:5]}"


def _due_fields(deadlines: list[dict]) -> tuple[str | None, int]:
    fixed = sorted(f"{d['date']} {d['time']}" if d.get("time") else d["date"]
                   for d in deadlines if d.get("date") and len(d["date"]) == 10 and not d.get("recurrence"))
    recurring = int(any(d.get("recurrence") for d in deadlines))
    return (fixed[0] if fixed else None), recurring


def holder_ids(conn: sqlite3.Connection, holders: Iterable[Holder]) -> dict[str, int]:
    """Ids of ``holders``, inserting the new ones."""
    ids: dict[str, int] = {}
    for h in holders:
        if h.key in ids:
            continue
        row = conn.execute("SELECT holder_id FROM holders WHERE key = ?", (h.key,)).fetchone()
        if row:
            ids[h.key] = row[0]
        else:
            ids[h.key] = conn.execute(
                "INSERT INTO holders(key, kind, name, area, search) VALUES (?, ?, ?, ?, ?)",
                (h.key, h.kind, h.name, h.area, h.search)).lastrowid
    return ids


def group_id(conn: sqlite3.Connection, holders: list[Holder], cache: dict | None = None) -> int:
    """The group of exactly these holders, created (with its members) the first time."""
    members = frozenset(h.key for h in holders)
    if cache is not None and members in cache:
        return cache[members]
    keys = sorted(members)
    gkey = keys[0] if len(keys) == 1 else "#" + hashlib.sha1("\n".join(keys).encode()).hexdigest()
    row = conn.execute("SELECT group_id FROM groups WHERE key = ?", (gkey,)).fetchone()
    if row:
        gid = row[0]
    else:
        gid = conn.execute("INSERT INTO groups(key, size) VALUES (?, ?)", (gkey, len(keys))).lastrowid
        hids = holder_ids(conn, holders)
        conn.executemany("INSERT OR IGNORE INTO members(group_id, holder_id) VALUES (?, ?)",
                         [(gid, hids[k]) for k in keys])
    if cache is not None:
        cache[members] = gid
    return gid


def put_document(conn: sqlite3.Connection, b: DocumentBundle, cache: dict | None = None) -> int:
    """Insert (or replace) one document with its tasks and obligations; inside a transaction.

    The obligations of one task with the same addressee, rule, role and follow-up become one
    assignment of the group of their holders."""
    conn.execute("DELETE FROM documents WHERE source = ?", (b.source,))
    d = b.doc
    doc_id = conn.execute(
        "INSERT INTO documents(source, sha256, identity, doc_type, number, symbol, issuer, issued_date, "
        "urgency, subject) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (b.source, b.sha256, b.identity, d.get("doc_type"), d.get("number"), d.get("symbol"),
         d.get("issuer"), d.get("issued_date"), d.get("urgency"), d.get("subject"))).lastrowid
    task_ids, task_due = {}, {}
    for t in b.tasks:
        task_ids[t["tid"]] = conn.execute(
            "INSERT INTO tasks(doc_id, tid, tref, parent, text, deadlines, targets, report_to) VALUES (?,?,?,?,?,?,?,?)",
            (doc_id, t["tid"], task_ref(b.identity, t["tid"]), t.get("parent"), t["text"],
             json.dumps(t.get("deadlines") or [], ensure_ascii=False),
             json.dumps(t.get("targets") or [], ensure_ascii=False), t.get("report_to"))).lastrowid
        task_due[t["tid"]] = _due_fields(t.get("deadlines") or [])
    urgency = URGENCY_RANK.get(d.get("urgency") or "", NO_URGENCY)
    # one holder once per task: the first binding wins (assigned before delegated)
    seen: dict[str, set[str]] = {}
    batches: dict[tuple, list[Holder]] = {}
    for o in b.obligations:
        if o.task not in task_ids:
            continue
        batch = batches.setdefault((o.task, o.named, o.rule, o.role, o.kind, o.follow_up), [])
        fresh = {h.key: h for h in o.members}
        taken = seen.setdefault(o.task, set())
        for k in taken & fresh.keys():
            del fresh[k]
        taken.update(fresh)
        batch.extend(fresh.values())
    rows = []
    for (task, named, rule, role, kind, follow_up), hs in batches.items():
        if not hs:
            continue
        due_at, recurring = task_due[task]
        rows.append((task_ids[task], doc_id, group_id(conn, hs, cache), named, rule, role, kind, follow_up,
                     due_at, recurring, urgency, d.get("issued_date")))
    conn.executemany(
        "INSERT INTO assignments(task_id, doc_id, group_id, named, rule, role, kind, follow_up, due_at, "
        "recurring, urgency, issued) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return doc_id


def documents(conn: sqlite3.Connection) -> dict[str, str | None]:
    """source → sha256 of the documents in the store."""
    return {r["source"]: r["sha256"] for r in conn.execute("SELECT source, sha256 FROM documents")}


def drop_documents(conn: sqlite3.Connection, sources: Iterable[str]) -> int:
    n = 0
    for s in sources:
        n += conn.execute("DELETE FROM documents WHERE source = ?", (s,)).rowcount
    return n


def drop_unused_holders(conn: sqlite3.Connection) -> None:
    """Groups no assignment uses any more, and holders in no group."""
    conn.execute("DELETE FROM groups WHERE NOT EXISTS "
                 "(SELECT 1 FROM assignments a WHERE a.group_id = groups.group_id)")
    conn.execute("DELETE FROM holders WHERE NOT EXISTS "
                 "(SELECT 1 FROM members m WHERE m.holder_id = holders.holder_id)")


def count_obligations(conn: sqlite3.Connection) -> int:
    """How many obligations the store holds (members of each assignment's group)."""
    return conn.execute("SELECT coalesce(sum(g.size), 0) FROM assignments a "
                        "JOIN groups g ON g.group_id = a.group_id").fetchone()[0]


# --- completion ------------------------------------------------------------------------------
_OBLIGATION_SQL = """
SELECT t.task_id, t.tref, t.tid, h.holder_id, h.key AS holder, h.name AS holder_name
FROM tasks t
JOIN assignments a ON a.task_id = t.task_id
JOIN members m ON m.group_id = a.group_id
JOIN holders h ON h.holder_id = m.holder_id
WHERE t.tref >= ? AND t.tref < ?
"""


def find_obligation(conn: sqlite3.Connection, ref: str) -> dict:
    """The obligation ``ref`` names: ``<task ref>-<holder ref>``, each part given in full or by
    its first characters (``3fb1800c-9c0e5`` as the table shows it)."""
    ref = (ref or "").strip().lower()
    t, _, h = ref.partition("-")
    if len(t) < 6 or not h or not all(c in "0123456789abcdef" for c in t + h):
        raise StoreError(f"mã việc '{ref}' không hợp lệ: cần dạng 3fb1800c-9c0e5 (cột Mã của 'congvan due')",
                         f"'{ref}' is not an obligation id like 3fb1800c-9c0e5")
    found = {}
    for r in conn.execute(_OBLIGATION_SQL, (t, t + "g")):
        full = f"{r['tref']}-{holder_ref(r['holder'])}"
        if full.split("-")[1].startswith(h):
            found.setdefault(full, dict(r, ref=full))
    if not found:
        raise StoreError(f"không có việc mã {ref}", f"no obligation {ref}")
    if len(found) > 1:
        raise StoreError(f"mã {ref} trùng nhiều việc; hãy ghi dài hơn", f"{ref} is ambiguous; give more characters")
    return next(iter(found.values()))


def mark_done(conn: sqlite3.Connection, ref: str, on: date, reply: str | None = None) -> dict:
    row = find_obligation(conn, ref)
    with transaction(conn):
        conn.execute(
            "INSERT INTO completions(ref, done_on, reply, recorded_at) VALUES (?,?,?,?) "
            "ON CONFLICT(ref) DO UPDATE SET done_on = excluded.done_on, reply = excluded.reply, "
            "recorded_at = excluded.recorded_at",
            (row["ref"], on.isoformat(), reply, datetime.now().isoformat(timespec="seconds")))
    return row


def undo_done(conn: sqlite3.Connection, ref: str) -> None:
    row = find_obligation(conn, ref)
    with transaction(conn):
        conn.execute("DELETE FROM completions WHERE ref = ?", (row["ref"],))


# --- status ----------------------------------------------------------------------------------
def _parse_dt(s: str) -> tuple[date, str | None]:
    d, _, t = s.partition(" ")
    return date.fromisoformat(d), (t or None)


def next_occurrence(deadline: dict, on: date) -> tuple[date, str | None] | None:
    """The next date (and time) a recurring deadline falls on, on or after ``on``.

    The deadline grammar (``extractors.deadlines.next_occurrence``) computes it; this only
    reads its answer (a date, a datetime, an ISO string or a dict with date/time). Answers are
    cached: a unit's list repeats the same few rules (hằng ngày trước 14h00…)."""
    k = tuple(sorted((a, v) for a, v in deadline.items()
                     if a not in ("phrase", "span") and isinstance(v, (str, int, float, type(None)))))
    try:
        return _next_cached(k, on)
    except TypeError:                      # unhashable: compute directly
        return _next_occurrence(deadline, on)


@lru_cache(maxsize=4096)
def _next_cached(k: tuple, on: date) -> tuple[date, str | None] | None:
    return _next_occurrence(dict(k), on)


def _next_occurrence(deadline: dict, on: date) -> tuple[date, str | None] | None:
    try:
        from extractors.deadlines import next_occurrence as grammar_next
    except ImportError:
        return None
    try:
        v = grammar_next(deadline, on)
    except (ValueError, TypeError, KeyError):
        return None
    if v is None:
        return None
    if isinstance(v, datetime):
        # a deadline without an hour falls due at the end of its day: show no hour
        return v.date(), (v.strftime("%H:%M") if deadline.get("time") else None)
    if isinstance(v, date):
        return v, deadline.get("time")
    if isinstance(v, dict):
        return (date.fromisoformat(v["date"][:10]), v.get("time")) if v.get("date") else None
    if isinstance(v, str):
        d, _, t = v.replace("T", " ").partition(" ")
        return date.fromisoformat(d[:10]), (t[:5] or deadline.get("time") or None)
    return None


def assess(deadlines: list[dict], on: date, done_on: str | None, issued: str | None = None) -> dict:
    """Status of one obligation on ``on``: the deadline that governs it and the days left.

    - one-off deadlines: the earliest is the hạn; past it and not done → quá hạn;
    - recurring ones (báo cáo hằng ngày trước 14h00): the next occurrence is shown; the
      obligation runs until it is recorded as done, and is never late by itself;
    - no deadline: in time until done.
    A completion recorded after ``on`` does not count yet."""
    fixed = sorted(_parse_dt(f"{d['date']} {d['time']}" if d.get("time") else d["date"])
                   for d in deadlines if d.get("date") and len(d["date"]) == 10 and not d.get("recurrence"))
    rec = [d for d in deadlines if d.get("recurrence")]
    done = date.fromisoformat(done_on) if done_on else None
    if done and done > on:
        done = None
    out = {"deadline": None, "time": None, "recurrence": None, "rrule": None, "days_left": None,
           "warning": None}
    if done:
        late = bool(fixed) and done > fixed[0][0]
        out.update(status="done_late" if late else "done_on_time", done_on=done.isoformat())
        if fixed:
            out.update(deadline=fixed[0][0].isoformat(), time=fixed[0][1])
        return out
    cands: list[tuple[date, str | None, dict | None]] = []
    overdue = [f for f in fixed if f[0] < on]
    if overdue:
        d0, t0 = overdue[0]
        out.update(status="overdue", deadline=d0.isoformat(), time=t0, days_left=(d0 - on).days,
                   warning=f"quá hạn {(on - d0).days} ngày")
        return out
    cands.extend((d, t, None) for d, t in fixed)
    for r in rec:
        start = on
        if issued and len(issued) == 10 and issued > on.isoformat():
            start = date.fromisoformat(issued)
        nxt = next_occurrence(r, start)
        if nxt:
            cands.append((nxt[0], nxt[1], r))
    out["status"] = "open"
    if rec:
        out.update(recurrence=rec[0].get("recurrence"), rrule=rec[0].get("rrule"))
    if cands:
        d0, t0, r0 = min(cands, key=lambda c: (c[0], c[1] or "99:99"))
        left = (d0 - on).days
        out.update(deadline=d0.isoformat(), time=t0, days_left=left)
        if r0 is not None:
            out.update(recurrence=r0.get("recurrence"), rrule=r0.get("rrule"))
        if left == 0:
            out["warning"] = "đến hạn hôm nay"
        else:
            for w in WARN_DAYS:
                if left <= w:
                    out["warning"] = f"còn {left} ngày"
                    break
    return out


# --- the due query ---------------------------------------------------------------------------
_DUE_SQL = """
SELECT a.named, a.rule, a.role, a.kind, a.follow_up, a.due_at, a.recurring, a.urgency, a.issued,
       h.key AS holder, h.name AS holder_name, h.kind AS holder_kind,
       t.task_id, t.tid, t.tref, t.text, t.deadlines, t.targets, t.report_to,
       d.doc_type, d.number, d.symbol, d.issuer, d.issued_date, d.urgency AS urgency_name, d.subject, d.source
FROM holders h
JOIN members m ON m.holder_id = h.holder_id
JOIN assignments a ON a.group_id = m.group_id
JOIN tasks t ON t.task_id = a.task_id
JOIN documents d ON d.doc_id = a.doc_id
WHERE h.key IN ({keys}) AND (a.issued IS NULL OR a.issued <= ?)
"""


def due(conn: sqlite3.Connection, unit_ids: Iterable[str], on: date | None = None, within: int | None = None,
        statuses: Iterable[str] | None = None) -> list[dict]:
    """The obligations of the holders ``unit_ids`` (unit ids or org keys) as of ``on``.

    ``within``: only those whose deadline falls within N days of ``on`` (overdue ones are
    kept: they are due already). ``statuses``: keep these status codes (see STATUSES).
    Sorted: hỏa tốc first, then overdue, then the nearest deadline, then the other urgencies;
    done ones last. A holder bound twice by one task (as assignee and as delegate) counts once."""
    on = on or date.today()
    keys = list(dict.fromkeys(unit_ids))
    if not keys:
        return []
    sql = _DUE_SQL.format(keys=",".join("?" * len(keys)))
    params: list = keys + [on.isoformat()]
    if within is not None:
        # one-off deadlines up to on+within (and overdue ones); recurring ones checked below
        sql += " AND (a.recurring = 1 OR (a.due_at IS NOT NULL AND a.due_at < ?))"
        params.append((on + timedelta(days=within + 1)).isoformat())
    cur = conn.cursor()
    cur.row_factory = None                 # plain tuples: a unit may have thousands of rows
    cur.execute(sql, params)
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    picked: dict[tuple[int, str], dict] = {}
    for r in rows:
        k = (r["task_id"], r["holder"])
        if k not in picked or (picked[k]["kind"] != "assigned" and r["kind"] == "assigned"):
            picked[k] = r
    refs = {k: f"{r['tref']}-{holder_ref(r['holder'])}" for k, r in picked.items()}
    done: dict[str, tuple] = {}
    ref_list = list(refs.values())
    for i in range(0, len(ref_list), 500):
        chunk = ref_list[i:i + 500]
        cur.execute(f"SELECT ref, done_on, reply FROM completions WHERE ref IN ({','.join('?' * len(chunk))})", chunk)
        for ref, done_on, reply in cur.fetchall():
            done[ref] = (done_on, reply)
    keep = set(statuses) if statuses else None
    out = []
    for k, item in picked.items():
        ref = refs[k]
        done_on, reply = done.get(ref, (None, None))
        dls = json.loads(item["deadlines"])
        st = assess(dls, on, done_on, item["issued"])
        if keep and st["status"] not in keep:
            continue
        if within is not None and st["status"] == "open" and (st["days_left"] is None or st["days_left"] > within):
            continue
        finished = st["status"] in ("done_on_time", "done_late")
        item.update(ref=ref, deadlines=dls, targets=json.loads(item["targets"]),
                    # a completion recorded for a later day does not show yet
                    done_on=done_on if finished else None, reply=reply if finished else None)
        item.update(st)
        item["status_vi"] = STATUSES[st["status"]]
        out.append(item)
    out.sort(key=sort_key)
    return out


def sort_key(item: dict):
    done = item["status"] in ("done_on_time", "done_late")
    return (done, item["urgency"] != 0, item["status"] != "overdue",
            item["deadline"] is None, item["deadline"] or "", item.get("time") or "99:99",
            item["urgency"], item.get("issued_date") or "", item.get("source") or "", item["task_id"], item["holder"])


def counts(items: Iterable[dict]) -> dict[str, int]:
    c = {k: 0 for k in STATUSES}
    for it in items:
        c[it["status"]] += 1
    return c


def find_holders(conn: sqlite3.Connection, words: str) -> list[sqlite3.Row]:
    """Org holders whose name (with its area) holds all the accent-free ``words``."""
    toks = [w for w in words.split() if w]
    if not toks:
        return []
    sql = "SELECT * FROM holders WHERE kind = 'org'" + "".join(" AND (' ' || search || ' ') LIKE ?" for _ in toks)
    return conn.execute(sql, [f"% {t} %" for t in toks]).fetchall()
