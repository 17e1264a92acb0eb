"""Stage 5, store: walk the corpus, turn each new or changed file into a validated record.

    files ─▶ ledger check (size, mtime, sha256) ─▶ worker: read → normalize → extract → validate
          ─▶ records/<stem>.json (atomic) ─▶ ledger ─▶ graph / tracker hooks

- A file whose content is unchanged since the last run is skipped without being read again
  (size + mtime, then sha256 when those moved).
- One broken file never stops a batch: its reason goes to ``errors.jsonl`` (Vietnamese and
  English) and to the summary; the exit code is non-zero. A failed file is retried when its
  content changes.
- The same document arriving twice (same bytes, or the same issuer/year/number/symbol from two
  files) is one record with two sources, and the duplicate is reported.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline.files import OutputLock, atomic_write_json
from pipeline.model import ReadError
from pipeline.read import SUFFIXES

LEDGER = "ledger.json"
SETTLE_S = float(os.environ.get("CONGVAN_SETTLE_S", "1.0"))   # a file younger than this may still be copying
FLUSH_EVERY = 200                                              # ledger entries between durable saves
ERRORS = "errors.jsonl"
KNOWN = set(SUFFIXES) | {".doc"}


@dataclass
class Outcome:
    path: str
    status: str                      # new | updated | unchanged | failed | duplicate | deferred
    record: dict | None = None
    stage: str | None = None
    vi: str | None = None
    en: str | None = None
    sha256: str | None = None
    seconds: float = 0.0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def discover(paths: list[Path]) -> list[Path]:
    """Files to ingest under ``paths`` (hidden files and folders left out), sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in KNOWN:
                        found.append(Path(root) / name)
        else:
            found.append(p)
    return found


def settle(files: list[Path], wait: float = 0.5) -> tuple[list[Path], list[Path]]:
    """Split ``files`` into those at rest and those still changing (being copied in).

    Only files modified in the last SETTLE_S seconds are watched, for ``wait`` seconds at most."""
    now = time.time()
    young = {}
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        if now - st.st_mtime < SETTLE_S:
            young[f] = (st.st_size, st.st_mtime_ns)
    if not young:
        return files, []
    time.sleep(wait)
    moving = set()
    for f, sig in young.items():
        try:
            st = f.stat()
        except OSError:
            continue
        if (st.st_size, st.st_mtime_ns) != sig:
            moving.add(f)
    return [f for f in files if f not in moving], sorted(moving)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process_file(path: str, sha256: str) -> Outcome:
    """Worker: one file → a validated record, or the reason it failed. Never raises."""
    from pipeline.read import read
    from pipeline.record import build_record
    from pipeline.schema import InvalidRecord, validate
    t0 = time.perf_counter()
    stage = "read"
    try:
        doc = read(path)
        stage = "extract"
        record = build_record(doc, sha256)
        stage = "validate"
        validate(record)
        return Outcome(path, "new", record, sha256=sha256, seconds=time.perf_counter() - t0)
    except ReadError as e:
        return Outcome(path, "failed", stage=e.stage, vi=e.vi, en=e.en, sha256=sha256)
    except InvalidRecord as e:
        return Outcome(path, "failed", stage="validate", sha256=sha256,
                       vi="bản ghi không hợp lệ theo lược đồ: " + "; ".join(e.errors[:3]),
                       en="record does not match the schema: " + "; ".join(e.errors[:3]))
    except FileNotFoundError:
        return Outcome(path, "failed", stage="read", sha256=sha256,
                       vi="tệp đã bị xóa hoặc di chuyển trong khi xử lý",
                       en="the file disappeared while it was being processed")
    except PermissionError:
        return Outcome(path, "failed", stage="read", sha256=sha256,
                       vi="không có quyền đọc tệp", en="permission denied")
    except Exception as e:  # an extractor bug must not cost the batch
        return Outcome(path, "failed", stage=stage, sha256=sha256,
                       vi=f"lỗi nội bộ ở bước {stage}: {type(e).__name__}: {e}",
                       en=f"internal error in {stage}: {type(e).__name__}: {e}")


def process_batch(items: list[tuple[str, str]]) -> list[Outcome]:
    return [process_file(path, digest) for path, digest in items]


def _record_name(path: Path) -> str:
    return path.stem + ".json"


BRIEF = ("doc_type", "number", "symbol", "issued_date", "urgency")


def brief(record: dict) -> dict:
    """The few fields a summary table shows."""
    out = {k: record.get(k) for k in BRIEF}
    out["issuer"] = {"name": (record.get("issuer") or {}).get("name")}
    out["tasks_count"] = len(record.get("tasks") or [])
    return out


def iter_records(out_dir: Path, slim: bool = True):
    """The records of an output folder, one at a time, in file-name order; ``slim`` leaves out
    the document text and the field spans, which the graph and the tracker do not read."""
    rec_dir = Path(out_dir) / "records"
    if not rec_dir.is_dir():
        return
    for p in sorted(rec_dir.glob("*.json")):
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if slim:
            rec.pop("text", None)
            rec.pop("spans", None)
        yield rec


class Ingest:
    def __init__(self, out_dir: Path, jobs: int = 1, progress=None):
        self.out = Path(out_dir)
        self.records_dir = self.out / "records"
        self.jobs = max(1, jobs)
        self.progress = progress
        self.ledger_path = self.out / LEDGER
        self.ledger: dict[str, dict] = {}
        if self.ledger_path.exists():
            try:
                self.ledger = json.loads(self.ledger_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.ledger = {}

    # -- what needs doing ---------------------------------------------------------------
    def plan(self, files: list[Path]) -> tuple[list[tuple[str, str]], list[Outcome]]:
        files, deferred = settle(files)
        todo: list[tuple[str, str]] = []
        done: list[Outcome] = [Outcome(str(f), "deferred", vi="tệp đang được chép, sẽ xử lý ở lần sau",
                                       en="the file is still being written; it will be processed next time")
                               for f in deferred]
        for f in files:
            key = str(f)
            try:
                st = f.stat()
            except FileNotFoundError:
                done.append(Outcome(key, "failed", stage="read", vi="không tìm thấy tệp", en="file not found"))
                continue
            except PermissionError:
                done.append(Outcome(key, "failed", stage="read", vi="không có quyền đọc tệp", en="permission denied"))
                continue
            prev = self.ledger.get(key)
            if prev and prev.get("size") == st.st_size and prev.get("mtime") == st.st_mtime_ns:
                done.append(self._unchanged(key, prev))
                continue
            try:
                digest = sha256_file(f)
            except PermissionError:
                done.append(Outcome(key, "failed", stage="read", vi="không có quyền đọc tệp", en="permission denied"))
                continue
            except OSError as e:
                done.append(Outcome(key, "failed", stage="read", vi=f"không đọc được tệp: {e.strerror}",
                                    en=f"cannot read the file: {e.strerror}"))
                continue
            if prev and prev.get("sha256") == digest:
                prev.update(size=st.st_size, mtime=st.st_mtime_ns)
                done.append(self._unchanged(key, prev))
                continue
            todo.append((key, digest))
        return todo, done

    def _unchanged(self, key: str, prev: dict) -> Outcome:
        if prev.get("status") == "failed":
            return Outcome(key, "failed", stage=prev.get("stage"), vi=prev.get("vi"), en=prev.get("en"),
                           sha256=prev.get("sha256"))
        return Outcome(key, "unchanged", sha256=prev.get("sha256"))

    # -- doing it -------------------------------------------------------------------------
    def run(self, files: list[Path]) -> Summary:
        summary = Summary()
        todo, done = self.plan(files)
        summary.outcomes.extend(done)
        total = len(todo)
        if self.progress:
            self.progress.start(total)
        self.index = self._index()
        results = self._map(todo)
        for i, outcome in enumerate(results, 1):
            self._store(outcome)
            summary.outcomes.append(outcome)
            if i % FLUSH_EVERY == 0:          # a killed run keeps what it finished
                self._save_ledger()
            if self.progress:
                self.progress.advance(i, total, outcome)
        if self.progress:
            self.progress.stop()
        self._save_ledger()
        self._log_errors(summary)
        return summary

    def _map(self, todo: list[tuple[str, str]]):
        """Outcomes in input order. With several jobs, a bounded number of batches is in flight,
        so workers faster than the writer never pile finished records up in memory."""
        if self.jobs == 1 or len(todo) < 2:
            for path, digest in todo:
                yield process_file(path, digest)
            return
        size = max(1, min(32, len(todo) // (self.jobs * 4) or 1))
        batches = iter([todo[i:i + size] for i in range(0, len(todo), size)])
        with ProcessPoolExecutor(max_workers=self.jobs) as pool:
            pending = deque(pool.submit(process_batch, b) for b in islice(batches, self.jobs * 8))
            while pending:
                done = pending.popleft().result()
                nxt = next(batches, None)
                if nxt is not None:
                    pending.append(pool.submit(process_batch, nxt))
                yield from done

    def _index(self) -> dict:
        """What the ledger knows of earlier records: content hash and identity → record file."""
        index = {}
        for path, e in self.ledger.items():
            if e.get("status") == "ok" and e.get("record"):
                for k in (("sha", e.get("sha256")), ("id", e.get("identity"))):
                    if k[1]:
                        index.setdefault(k, (e["record"], path))
        return index

    def _store(self, o: Outcome) -> None:
        """Write a fresh record (or fold it into the record of the same document), then keep
        only a brief of it in memory: a batch of 100,000 files must not hold 100,000 texts."""
        from pipeline.record import doc_identity
        path = Path(o.path)
        try:
            st = path.stat()
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size = mtime = None
        entry = {"sha256": o.sha256, "size": size, "mtime": mtime,
                 "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        if o.status == "failed":
            entry.update(status="failed", stage=o.stage, vi=o.vi, en=o.en)
            self.ledger[o.path] = entry
            return
        name = _record_name(path)
        identity = doc_identity(o.record)
        identity = "|".join(identity) if identity else None
        previous = self.ledger.get(o.path, {})
        for k in (("sha", o.sha256), ("id", identity)):
            first = self.index.get(k) if k[1] else None
            if first and first[1] != o.path and first[0] != name:
                self._add_source(first[0], o)
                if previous.get("record") == name:             # it had a record of its own before
                    (self.records_dir / name).unlink(missing_ok=True)
                entry.update(status="duplicate", record=first[0])
                self.ledger[o.path] = entry
                o.record = brief(o.record)
                return
        if previous.get("record"):
            o.status = "updated"
        atomic_write_json(self.records_dir / name, o.record, indent=None, durable=False)
        entry.update(status="ok", record=name, identity=identity)
        self.ledger[o.path] = entry
        for k in (("sha", o.sha256), ("id", identity)):
            if k[1]:
                self.index.setdefault(k, (name, o.path))
        o.record = brief(o.record)

    def _add_source(self, record_name: str, o: Outcome) -> None:
        first_path = self.records_dir / record_name
        first = json.loads(first_path.read_text(encoding="utf-8"))
        also = first["source"].setdefault("also", [])
        if o.path not in also:
            also.append(o.path)
            atomic_write_json(first_path, first, durable=False)
        o.status = "duplicate"
        o.vi = f"trùng văn bản với {first['source']['path']}"
        o.en = f"the same document as {first['source']['path']}"

    def _save_ledger(self) -> None:
        """Records first, then the ledger that vouches for them, both on disk."""
        if hasattr(os, "sync"):
            os.sync()
        atomic_write_json(self.ledger_path, self.ledger, indent=None)

    def _log_errors(self, summary: Summary) -> None:
        fresh = [o for o in summary.failed if o.record is None and o.stage and o.vi]
        if not fresh:
            return
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.out.mkdir(parents=True, exist_ok=True)
        with open(self.out / ERRORS, "a", encoding="utf-8") as f:
            for o in fresh:
                f.write(json.dumps({"file": o.path, "stage": o.stage, "reason_vi": o.vi,
                                    "reason_en": o.en, "time": now}, ensure_ascii=False) + "\n")

    HOOK_OUTPUTS = ("lineage.json", "congvan.db")

    def hooks_needed(self, summary: Summary) -> bool:
        """The graph and the tracker are rebuilt when a record changed or one of them is missing;
        a re-ingest of unchanged files leaves them as they are."""
        changed = any(o.status in ("new", "updated", "duplicate") for o in summary.outcomes)
        return changed or not all((self.out / name).exists() for name in self.HOOK_OUTPUTS)

    def after_ingest(self) -> list[str]:
        """Rebuild the graph and the tracker from all records; return warnings. They are
        independent of each other, so with more than one job they run side by side."""
        if self.jobs > 1:
            with ProcessPoolExecutor(max_workers=len(HOOKS)) as pool:
                return [n for n in pool.map(run_hook, HOOKS, [self.out] * len(HOOKS)) if n]
        return [n for n in (run_hook(mod, self.out) for mod in HOOKS) if n]


HOOKS = ("pipeline.graph", "pipeline.track")


def run_hook(module: str, out_dir: Path) -> str | None:
    """Call ``module.after_ingest(out_dir, records)``; a failure is a warning, not a crash."""
    import importlib
    try:
        hook = getattr(importlib.import_module(module), "after_ingest", None)
        if hook is not None:
            hook(out_dir, iter_records(out_dir))
    except Exception as e:
        return f"{module}: {type(e).__name__}: {e}"
    return None


def ingest(paths: list[Path], out_dir: Path, jobs: int = 1, progress=None,
           hooks: bool = True) -> Summary:
    """Ingest ``paths`` into ``out_dir`` under the folder's lock (raises files.Busy)."""
    with OutputLock(out_dir):
        job = Ingest(out_dir, jobs, progress)
        summary = job.run(discover(paths))
        if hooks and job.hooks_needed(summary):
            for note in job.after_ingest():
                print("cảnh báo:", note, file=sys.stderr)
        return summary
