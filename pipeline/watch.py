"""``congvan watch [DIR]``: ingest dispatches as they are dropped into a folder.

Events from watchdog are debounced: a file is ingested once it has stopped changing for
``--settle`` seconds (a file still being copied is deferred, never read half). Each batch runs
the same ingest as ``congvan ingest`` — same lock, atomic writes, errors.jsonl — so a watch and a
manual ingest on the same output folder never write at once.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

from pipeline.ingest import KNOWN


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", nargs="?", type=Path, default=Path("corpus"), help="thư mục theo dõi (mặc định: corpus/)")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="thư mục kết quả (mặc định: outputs/)")
    p.add_argument("--settle", type=float, default=2.0, help="số giây tệp phải đứng yên trước khi xử lý (mặc định: 2)")
    p.add_argument("--once", action="store_true", help="xử lý những gì đang có rồi thoát")


class Debouncer:
    """Collects changed paths; hands out those that have been quiet for ``settle`` seconds."""

    def __init__(self, settle: float):
        self.settle = settle
        self.pending: dict[str, tuple[float, tuple | None]] = {}
        self.lock = threading.Lock()

    def touch(self, path: str) -> None:
        if Path(path).name.startswith(".") or Path(path).suffix.lower() not in KNOWN:
            return
        with self.lock:
            self.pending[path] = (time.monotonic(), _signature(path))

    def ready(self) -> list[Path]:
        now = time.monotonic()
        out = []
        with self.lock:
            for path, (seen, sig) in list(self.pending.items()):
                if now - seen < self.settle:
                    continue
                current = _signature(path)
                if current is None:               # gone before it settled
                    del self.pending[path]
                elif current != sig:              # still being written: wait again
                    self.pending[path] = (now, current)
                else:
                    out.append(Path(path))
                    del self.pending[path]
        return sorted(out)


def _signature(path: str) -> tuple | None:
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def run(args) -> int:
    from pipeline.files import Busy
    from pipeline.ingest import ingest
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"Không tìm thấy thư mục {folder} (no such folder)", file=sys.stderr)
        return 2

    def batch(paths: list[Path]) -> None:
        while True:
            try:
                summary = ingest(paths, args.out)
                break
            except Busy:
                time.sleep(1.0)
        for o in summary.outcomes:
            if o.status in ("new", "updated"):
                r = o.record or {}
                print(f"✓ {Path(o.path).name}: {r.get('doc_type') or ''} {r.get('number') or ''}/{r.get('symbol') or ''}".rstrip("/ "))
            elif o.status == "failed":
                print(f"✗ {Path(o.path).name}: {o.vi} ({o.en})", file=sys.stderr)

    batch([folder])                               # what is already there
    if args.once:
        return 0
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    deb = Debouncer(args.settle)

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.is_directory:
                return
            for attr in ("src_path", "dest_path"):
                p = getattr(event, attr, None)
                if p:
                    deb.touch(str(p))

    observer = Observer()
    observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    print(f"Đang theo dõi {folder}/ → {args.out}/ (Ctrl+C để dừng)")
    try:
        while True:
            time.sleep(min(0.5, args.settle / 2 or 0.1))
            paths = deb.ready()
            if paths:
                batch(paths)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
    return 0
