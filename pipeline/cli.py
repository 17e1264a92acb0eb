"""The ``congvan`` command.

    congvan ingest [PATH…] [--out DIR] [--jobs N]   read dispatches into validated records
    congvan show FILE                               one record, readably
    congvan lineage DOC [--up|--down|--both] …      the chain of directives of a document
    congvan due --unit X [--on DATE] …              what is due for a unit
    congvan done OBLIGATION [--on DATE] …           record that an obligation was met
    congvan report --unit X                         counts per status
    congvan watch [DIR]                             ingest files as they are dropped

Each verb lives in the module that owns its concept; this file only dispatches.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from pipeline import __version__

# verb → (module, help). Each module exposes add_arguments(parser) and run(args) -> int;
# a module serving several verbs names them add_<verb>_arguments / run_<verb>.
VERBS = {
    "ingest": ("pipeline.cli", "đọc văn bản trong thư mục thành bản ghi JSON (read dispatches into records)"),
    "show": ("pipeline.cli", "in một bản ghi dễ đọc (print one record readably)"),
    "lineage": ("pipeline.lineage", "dòng văn bản chỉ đạo của một văn bản (directive lineage of a document)"),
    "due": ("pipeline.track", "việc phải làm của một đơn vị (obligations due for a unit)"),
    "done": ("pipeline.track", "ghi nhận đã hoàn thành (record an obligation as done)"),
    "report": ("pipeline.track", "thống kê theo tình trạng (counts per status)"),
    "watch": ("pipeline.watch", "theo dõi thư mục và tự xử lý tệp mới (ingest files as they arrive)"),
}


def _console():
    from rich.console import Console
    return Console(highlight=False, soft_wrap=False)


# --- ingest --------------------------------------------------------------------------------
def add_ingest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, default=[Path("corpus")],
                   help="tệp hoặc thư mục (mặc định: corpus/)")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="thư mục kết quả (mặc định: outputs/)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="số tiến trình song song (mặc định: 1)")
    p.add_argument("--quiet", "-q", action="store_true", help="không in bảng tóm tắt")


class _Progress:
    """A progress bar on a terminal; nothing when output is piped."""

    def __init__(self, console):
        self.console = console
        self.bar = None

    def start(self, total: int) -> None:
        if total >= 5 and self.console.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
            self.bar = Progress(TextColumn("Đang xử lý"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), TextColumn("{task.description}"),
                                console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=total)

    def advance(self, i: int, total: int, outcome) -> None:
        if self.bar:
            self.bar.update(self.task, completed=i, description=Path(outcome.path).name[:40])

    def stop(self) -> None:
        if self.bar:
            self.bar.stop()


LEVEL_VI = {"central": "trung ương", "province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã",
            "other": "khác"}
RELATION_VI = {"implements": "thực hiện", "follows_up": "tiếp theo", "requested_by": "theo đề nghị",
               "references": "tham chiếu"}
STATUS_VI = {"new": "mới", "updated": "cập nhật", "unchanged": "không đổi", "failed": "LỖI",
             "duplicate": "trùng", "deferred": "hoãn"}


def run_ingest(args) -> int:
    from rich.table import Table

    from pipeline.files import Busy
    from pipeline.ingest import ingest
    console = _console()
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        console.print(f"[red]Không tìm thấy[/red] {p} (no such file or folder)")
    paths = [p for p in args.paths if p.exists()]
    if not paths:
        return 2
    try:
        summary = ingest(paths, args.out, jobs=args.jobs, progress=_Progress(console))
    except Busy:
        console.print(f"[yellow]Một lần xử lý khác đang chạy trên {args.out}/; hãy đợi nó xong rồi chạy lại.[/yellow]\n"
                      f"(another ingest is running on {args.out}/; try again when it has finished)")
        return 75
    if not args.quiet:
        table = Table(title=f"congvan: {len(summary.outcomes)} tệp → {args.out}/records", show_lines=False)
        for col in ("Tệp", "Tình trạng", "Loại", "Số/ký hiệu", "Ngày", "Cơ quan ban hành", "Nhiệm vụ"):
            table.add_column(col, overflow="fold")
        for o in summary.outcomes:
            r = o.record or {}
            status = STATUS_VI.get(o.status, o.status)
            if o.status in ("failed", "duplicate"):
                status = f"[red]{status}[/red]" if o.status == "failed" else status
            numsym = f"{r.get('number') or '…'}/{r.get('symbol')}" if r.get("symbol") else ""
            detail = (o.vi or "") if o.status in ("failed", "duplicate") else ""
            table.add_row(Path(o.path).name, status + (f": {detail}" if detail else ""),
                          r.get("doc_type") or "", numsym, r.get("issued_date") or "",
                          (r.get("issuer") or {}).get("name") or "", str(r.get("tasks_count", "")) if r else "")
        console.print(table)
        counts = ", ".join(f"{STATUS_VI[s]}: {summary.count(s)}" for s in STATUS_VI if summary.count(s))
        console.print(counts)
    for o in summary.failed:
        print(f"lỗi: {o.path}: [{o.stage}] {o.vi} ({o.en})", file=sys.stderr)
    return 1 if summary.failed else 0


# --- show ----------------------------------------------------------------------------------
def add_show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="tệp văn bản, hoặc bản ghi .json trong outputs/records")
    p.add_argument("--dir", type=Path, default=Path("outputs"), help="thư mục kết quả của congvan ingest (mặc định: outputs/)")
    p.add_argument("--json", action="store_true", help="in JSON thay vì bảng")


def load_record_for(file: Path, out: Path) -> dict:
    """The record of ``file``: a record .json itself, its stored record, or read afresh."""
    if file.suffix == ".json" and file.exists():
        return json.loads(file.read_text(encoding="utf-8"))
    stored = out / "records" / (file.stem + ".json")
    if stored.exists():
        return json.loads(stored.read_text(encoding="utf-8"))
    from pipeline.ingest import process_file, sha256_file
    o = process_file(str(file), sha256_file(file))
    if o.record is None:
        raise SystemExit(f"lỗi: {file}: {o.vi} ({o.en})")
    return o.record


def run_show(args) -> int:
    from rich.table import Table
    if not args.file.exists() and not (args.dir / "records" / (args.file.stem + ".json")).exists():
        print(f"Không tìm thấy {args.file} (no such file)", file=sys.stderr)
        return 2
    r = load_record_for(args.file, args.dir)
    if args.json:
        print(json.dumps({k: v for k, v in r.items() if k != "text"}, ensure_ascii=False, indent=2))
        return 0
    console = _console()
    issuer = r.get("issuer") or {}
    signer = r.get("signer") or {}
    t = Table(show_header=False, title=r["source"]["path"])
    t.add_column(style="bold")
    t.add_column(overflow="fold")
    rows = [
        ("Loại văn bản", r.get("doc_type")),
        ("Số, ký hiệu", f"{r.get('number') or '(để trống)'}/{r.get('symbol')}" if r.get("symbol") else None),
        ("Ngày ban hành", r.get("issued_date")),
        ("Địa danh", r.get("place")),
        ("Cơ quan ban hành", " · ".join(x for x in (issuer.get("name"), LEVEL_VI.get(issuer.get("level")),
                                                      issuer.get("province")) if x)),
        ("Trích yếu", r.get("subject")),
        ("Độ khẩn", r.get("urgency")),
        ("Độ mật", r.get("secrecy")),
        ("Người ký", " ".join(x for x in (signer.get("authority"), signer.get("title"), signer.get("name")) if x)),
        ("Kính gửi", "\n".join(x["text"] for x in r.get("recipients") or [])),
        ("Nơi nhận", "\n".join(x["text"] for x in r.get("cc") or [])),
        ("Căn cứ / tham chiếu", "\n".join(
            f"{x.get('doc_type') or ''} {x.get('number') or ''}/{x.get('symbol')} {x.get('date') or ''}"
            f" — {RELATION_VI.get(x.get('relation'), x.get('relation'))}"
            for x in r.get("references") or [])),
    ]
    for k, v in rows:
        if v:
            t.add_row(k, str(v))
    console.print(t)
    tasks = r.get("tasks") or []
    if tasks:
        tt = Table(title=f"Nhiệm vụ ({len(tasks)})")
        for col in ("#", "Đơn vị thực hiện", "Nội dung", "Thời hạn", "Chỉ tiêu"):
            tt.add_column(col, overflow="fold")
        for task in tasks:
            dl = "; ".join(d.get("phrase") or " ".join(str(x) for x in (d.get("date"), d.get("time"), d.get("recurrence")) if x)
                           for d in task.get("deadlines") or [])
            tg = "; ".join(f"{g.get('comparator')} {g.get('value')} {g.get('unit')}" for g in task.get("targets") or [])
            text = task["text"] if len(task["text"]) <= 160 else task["text"][:157] + "…"
            tt.add_row(task["id"], "\n".join(a["text"] for a in task.get("assignees") or []), text, dl, tg)
        console.print(tt)
    return 0


# --- dispatch ------------------------------------------------------------------------------
def _verb_functions(verb: str):
    module = importlib.import_module(VERBS[verb][0])
    add = getattr(module, f"add_{verb}_arguments", None) or getattr(module, "add_arguments")
    run = getattr(module, f"run_{verb}", None) or getattr(module, "run")
    return add, run


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="congvan",
        description="Đọc công văn, kế hoạch, công điện… thành bản ghi, dòng chỉ đạo và việc phải làm.\n"
                    "(Read Vietnamese official dispatches into records, a lineage graph and obligations.)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"congvan {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="LỆNH")
    for verb, (_, help_) in VERBS.items():
        p = sub.add_parser(verb, help=help_, description=help_)
        if only is None or verb == only:
            try:
                add, _ = _verb_functions(verb)
            except (ImportError, AttributeError):
                continue
            add(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    verb = argv[0] if argv and argv[0] in VERBS else None
    parser = build_parser(verb)
    args = parser.parse_args(argv)
    if not args.verb:
        parser.print_help()
        return 2
    try:
        _, run = _verb_functions(args.verb)
    except (ImportError, AttributeError):
        print(f"Lệnh '{args.verb}' chưa có trong bản cài đặt này (the '{args.verb}' command is not available)",
              file=sys.stderr)
        return 2
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        print("\nđã dừng (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
