#!/usr/bin/env python3
"""Speed and memory of congvan on the sample corpus (``make bench``).

One run measures, side by side on the same inputs, and writes ``outputs/bench.json`` (every
figure with its goal and whether it is met) and a table:

    txt_docs_per_s / docx_docs_per_s   full pipeline (read → extract → validate → store), one core,
                                       on the sample dispatches copied to ≥ 2,000 distinct files
    pdf_pages_per_s                    our PDF reader against pdfplumber's extract_text()
    jobs2_speedup                      `congvan ingest --jobs 2` against `--jobs 1`
    deadline_speedup_vs_dateparser     extract_deadlines against dateparser.search.search_dates
    noop_reingest_10k_s                `congvan ingest` again on 10,000 unchanged files
    due_p50_ms_1m / due_p95_ms_1m      the due query on 1,000,000 obligations
    peak_rss_mb_100k                   peak memory of `congvan ingest` on 100,000 files

The copies are the real dispatches under distinct names; each copy gets its own document number
(the number after "Số:" in the header) so that it is a distinct document, as in a real archive,
and not a duplicate of the first one.

    python scripts/bench.py            # real figures (≈ 10 min on 2 cores)
    python scripts/bench.py --quick    # counts scaled down (said so in the output and the JSON)
    python scripts/bench.py --quick --smoke --out /tmp/b.json   # seconds: checks the instrument
    python scripts/bench.py --only pdf,deadlines

Benchmarks are not tests: nothing here fails on a slow figure.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
SEED_GOLD = ROOT / "tests" / "data" / "gold"
DEFAULT_OUT = ROOT / "outputs" / "bench.json"

# name → (comparison, goal, unit)
GOALS = {
    "txt_docs_per_s": (">=", 300, "docs/s"),
    "docx_docs_per_s": (">=", 150, "docs/s"),
    "pdf_pages_per_s": (">=", 100, "pages/s"),
    "pdf_speedup_vs_pdfplumber": (">=", 6, "×"),
    "jobs2_speedup": (">=", 1.8, "×"),
    "deadline_speedup_vs_dateparser": (">=", 20, "×"),
    "noop_reingest_10k_s": ("<=", 2, "s"),
    "due_p50_ms_1m": ("<=", 50, "ms"),
    "peak_rss_mb_100k": ("<=", 1000, "MB"),
}
# figures whose goal is stated for a count (10k, 1M, 100k): not judged when the count is scaled
COUNTED = {"noop_reingest_10k_s": "noop", "due_p50_ms_1m": "obligations", "due_p95_ms_1m": "obligations",
           "peak_rss_mb_100k": "rss"}

SCALES = {
    "full": {"docs": 2000, "noop": 10_000, "rss": 100_000, "obligations": 1_000_000, "due_queries": 300,
             "pdf_pages": None, "dateparser_paras": None, "rss_budget_s": 600},
    "quick": {"docs": 500, "noop": 2000, "rss": 10_000, "obligations": 100_000, "due_queries": 100,
              "pdf_pages": 60, "dateparser_paras": 60, "rss_budget_s": 120},
    "smoke": {"docs": 10, "noop": 20, "rss": 20, "obligations": 2000, "due_queries": 10,
              "pdf_pages": 2, "dateparser_paras": 3, "rss_budget_s": 60},
}
STEPS = ("txt", "docx", "pdf", "jobs", "deadlines", "noop", "due", "rss")
RSS_LIMIT_MB = 12_000          # a run past this is stopped: the machine has 24 GB
RUN_LIMIT_S = 1200             # and one past this too

# "Số: 978 /UBND-VP": the document number of the header (Nghị định 30/2020/NĐ-CP, form 1.1)
_SO = "Số"
SO_NUMBER = re.compile(r"((?:%s|%s)\s*:\s*)(\d*)(\s*/)" % (_SO, unicodedata.normalize("NFD", _SO)))
SO_NUMBER_XML = re.compile(r"((?:%s|%s)\s*:\s*(?:</w:t>.*?<w:t(?: [^>]*)?>)?\s*)(\d*)(\s*(?:</w:t>.*?<w:t(?: [^>]*)?>)?\s*/)"
                           % (_SO, unicodedata.normalize("NFD", _SO)), re.S)


# --- inputs -------------------------------------------------------------------------------------
def sample_texts() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def sample_docx() -> list[Path]:
    """The Word fixtures of the seed dispatches (tests/fixtures/<seed stem>.docx)."""
    return [p for p in (FIXTURES / f"{g.stem}.docx" for g in sorted(SEED_GOLD.glob("*.json"))) if p.is_file()]


def renumber_text(data: bytes, number: int) -> tuple[bytes, bool]:
    """The same dispatch with another document number (bytes in the file's own encoding)."""
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data, False
    m = SO_NUMBER.search(text)
    if not m:
        return data, False
    text = text[:m.start(2)] + str(number) + text[m.end(2):]
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), True


def renumber_docx(src: Path, dest: Path, number: int) -> bool:
    """Copy a .docx with another document number in word/document.xml."""
    changed = False
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml" and not changed:
                xml = data.decode("utf-8")
                m = SO_NUMBER_XML.search(xml)
                if m and len(m.group(0)) < 2000:
                    xml = xml[:m.start(2)] + str(number) + xml[m.end(2):]
                    data, changed = xml.encode("utf-8"), True
            zout.writestr(info, data)
    return changed


def make_pool(sources: list[Path], dest: Path, count: int, batch: int, start: int = 0) -> dict:
    """``count`` copies of ``sources`` round robin in ``dest``/bNNN/ (``batch`` files a folder),
    each renumbered; returns {"folders": [...], "renumbered": n, "copies": n}."""
    dest.mkdir(parents=True, exist_ok=True)
    past = time.time() - 3600       # an archive at rest: no file looks as if it were still being copied
    blobs = {p: p.read_bytes() for p in sources if p.suffix.lower() != ".docx"}
    folders, renumbered = [], 0
    for i in range(count):
        folder = dest / f"b{(start + i) // batch:03d}"
        if not folders or folders[-1] != folder:
            folder.mkdir(exist_ok=True)
            folders.append(folder)
        src = sources[i % len(sources)]
        target = folder / f"{start + i:06d}_{src.name}"
        number = 100_000 + start + i
        if src.suffix.lower() == ".docx":
            renumbered += renumber_docx(src, target, number)
        else:
            data, ok = renumber_text(blobs[src], number)
            target.write_bytes(data)
            renumbered += ok
        os.utime(target, (past, past))
    return {"folders": folders, "renumbered": renumbered, "copies": count}


# --- running congvan ------------------------------------------------------------------------------
def congvan_cmd() -> list[str]:
    script = Path(sys.executable).parent / "congvan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _children_of() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; PSS counts a page shared by n processes as 1/n."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss = pss = int(line.split()[1])
        except OSError:
            pass
    return pss, rss


class MemorySampler(threading.Thread):
    """Samples the memory of a process and all its descendants every ``interval`` seconds; with
    ``count_dir``, also keeps (seconds, files in count_dir, MB) every ``every`` seconds."""

    def __init__(self, pid: int, interval: float = 0.2, limit_mb: float | None = None,
                 count_dir: Path | None = None, every: float = 5.0):
        super().__init__(daemon=True)
        self.pid, self.interval, self.limit_mb = pid, interval, limit_mb
        self.count_dir, self.every = count_dir, every
        self.peak_total_mb = 0.0
        self.peak_one_mb = 0.0
        self.over_limit = False
        self.trajectory: list[tuple[float, int, float]] = []
        self._halt = threading.Event()

    def count(self) -> int:
        try:
            with os.scandir(self.count_dir) as it:
                return sum(1 for e in it if e.name.endswith(".json"))
        except OSError:
            return 0

    def run(self) -> None:
        t0 = time.perf_counter()
        last = -self.every
        while not self._halt.is_set():
            kids = _children_of()
            tree, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                tree.append(p)
                todo.extend(kids.get(p, []))
            total = 0
            for p in tree:
                pss, rss = _memory_kb(p)
                total += pss
                self.peak_one_mb = max(self.peak_one_mb, rss / 1024)
            self.peak_total_mb = max(self.peak_total_mb, total / 1024)
            now = time.perf_counter() - t0
            if self.count_dir is not None and now - last >= self.every:
                last = now
                self.trajectory.append((round(now, 1), self.count(), round(total / 1024, 1)))
            if self.limit_mb and self.peak_total_mb > self.limit_mb:
                self.over_limit = True
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_timed(cmd: list[str], limit_s: float = RUN_LIMIT_S, sample_memory: bool = False,
              count_dir: Path | None = None) -> dict:
    """Run ``cmd`` (its own process group); wall seconds, exit code, and peak memory if asked."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    sampler = MemorySampler(proc.pid, limit_mb=RSS_LIMIT_MB, count_dir=count_dir) if sample_memory else None
    if sampler:
        sampler.start()
    out_chunks, err_chunks = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)
               for s, b in ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for r in readers:
        r.start()
    stopped = None
    try:
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > limit_s:
                stopped = f"stopped after {limit_s:.0f} s"
            elif sampler and sampler.over_limit:
                stopped = f"stopped past {RSS_LIMIT_MB} MB"
            if stopped:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
    except BaseException:               # interrupted: the run started here does not outlive the bench
        os.killpg(proc.pid, signal.SIGKILL)
        os.wait4(proc.pid, 0)
        if sampler:
            sampler.stop()
        raise
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    if sampler:
        sampler.stop()
    res = {"seconds": seconds, "rc": proc.returncode,
           "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
           "stderr": b"".join(err_chunks).decode("utf-8", "replace"),
           "max_rss_mb_one_process": usage.ru_maxrss / 1024, "stopped": stopped}
    if sampler:
        res["peak_total_mb"] = sampler.peak_total_mb
        res["trajectory"] = sampler.trajectory
    return res


def cli_ingest(folders: list[Path], out: Path, jobs: int, sample_memory: bool = False,
               limit_s: float = RUN_LIMIT_S) -> dict:
    cmd = congvan_cmd() + ["ingest", *map(str, folders), "--out", str(out), "--jobs", str(jobs), "--quiet"]
    return run_timed(cmd, limit_s=limit_s, sample_memory=sample_memory,
                     count_dir=(out / "records") if sample_memory else None)


def child_ingest(folders: list[Path], out: Path, jobs: int = 1, hooks: bool = False, profile: Path | None = None) -> dict:
    """``pipeline.ingest.ingest`` timed inside a fresh interpreter (imports not counted)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "_ingest", "--out", str(out), "--jobs", str(jobs)]
    if hooks:
        cmd.append("--hooks")
    if profile:
        cmd += ["--profile", str(profile)]
    res = run_timed(cmd + [str(f) for f in folders])
    try:
        data = json.loads(res["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"ingest failed (exit {res['rc']}): {res['stderr'][-2000:]}")
    data["wall_s"] = res["seconds"]
    return data


def _child_main(argv: list[str]) -> int:
    """``bench.py _ingest``: one timed ingest in this interpreter; prints a JSON line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--hooks", action="store_true")
    ap.add_argument("--profile", type=Path)
    ap.add_argument("paths", nargs="+", type=Path)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    from pipeline.ingest import ingest
    import pipeline.record  # noqa: F401  (the extractors and their data, loaded before the clock)
    import pipeline.schema
    pipeline.schema.validator()
    import_s = time.perf_counter() - t0
    prof = cProfile.Profile() if a.profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    summary = ingest(a.paths, a.out, jobs=a.jobs, hooks=a.hooks)
    if prof:
        prof.disable()
    seconds = time.perf_counter() - t0
    statuses: dict[str, int] = {}
    for o in summary.outcomes:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    failures = [f"{o.path}: [{o.stage}] {o.en}" for o in summary.failed][:5]
    hot = []
    if prof:
        hot = _profile_report(prof, a.profile)
    print(json.dumps({"seconds": seconds, "import_s": import_s, "n": len(summary.outcomes),
                      "statuses": statuses, "failures": failures, "hot": hot}, ensure_ascii=False))
    return 0


def _profile_report(prof: cProfile.Profile, path: Path) -> list[str]:
    """Write the profile (by own time and by cumulative time) to ``path``; the top lines by own time."""
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("tottime").print_stats(25)
    st.sort_stats("cumulative").print_stats(40)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buf.getvalue(), encoding="utf-8")
    total = sum(v[2] for v in st.stats.values()) or 1.0
    top = sorted(st.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:10]
    return [f"{v[2] / total:5.1%} own  {v[3] / total:5.1%} cum  {_where(k)}" for k, v in top]


def _where(key) -> str:
    filename, line, func = key
    short = filename
    for prefix in (str(ROOT) + os.sep, sys.prefix + os.sep, sys.base_prefix + os.sep):
        if short.startswith(prefix):
            short = short[len(prefix):]
    short = re.sub(r"^lib/python[\d.]+/(site-packages/)?", "", short)
    return f"{short}:{line}({func})"


# --- the steps -----------------------------------------------------------------------------------
class Bench:
    def __init__(self, scale: str, work: Path, out: Path, steps: list[str], log):
        self.scale_name = scale
        self.scale = SCALES[scale]
        self.work = work
        self.out = out
        self.steps = steps
        self.log = log
        self.results: dict = {}
        self.notes: dict[str, str] = {}
        self.details: dict = {}
        self._pool: dict | None = None
        self.unjudged: set[str] = set()     # figures measured on something that is not there yet

    # the text pool: batches of `docs` copies; the first batch is the 2,000, the first five the 10,000…
    def text_pool(self, count: int) -> list[Path]:
        batch = self.scale["docs"]
        need = max(count, batch)
        have = self._pool["copies"] if self._pool else 0
        if need > have:
            t0 = time.perf_counter()
            more = make_pool(sample_texts(), self.work / "txt", need - have, batch, start=have)
            folders = (self._pool["folders"] if self._pool else []) + \
                [f for f in more["folders"] if not self._pool or f not in self._pool["folders"]]
            self._pool = {"folders": folders, "copies": need,
                          "renumbered": (self._pool["renumbered"] if self._pool else 0) + more["renumbered"]}
            self.log(f"  ({need - have} text copies made in {time.perf_counter() - t0:.1f} s)")
        return self._pool["folders"][:(count + batch - 1) // batch]

    def note(self, key: str, text: str) -> None:
        self.notes[key] = (self.notes[key] + "; " + text) if key in self.notes else text

    # -- throughput ------------------------------------------------------------------------------
    def step_txt(self) -> None:
        n = self.scale["docs"]
        folders = self.text_pool(n)
        res = child_ingest(folders, self.work / "out-txt", jobs=1)
        self._record_rate("txt_docs_per_s", res, n)
        if self.scale_name != "smoke":
            k = min(n, 300)
            sub = self.work / "profile-txt"
            make_pool(sample_texts(), sub, k, k)
            prof_file = self.out.parent / "bench_profile_txt.txt"
            res = child_ingest([sub], self.work / "out-prof", jobs=1, profile=prof_file)
            self.details["profile_txt"] = {"file": _rel(prof_file), "docs": k, "top_own_time": res["hot"]}

        self.details["txt_stages_ms_per_doc"] = stage_breakdown(sample_texts(), 3 if self.scale_name == "smoke" else 200)

    def step_docx(self) -> None:
        docx = sample_docx()
        if not docx:
            self.results["docx_docs_per_s"] = None
            self.note("docx_docs_per_s", "no .docx fixtures in tests/fixtures yet")
            return
        n = self.scale["docs"]
        pool = make_pool(docx, self.work / "docx", n, n)
        if pool["renumbered"] < n:
            self.note("docx_docs_per_s", f"{n - pool['renumbered']} of {n} copies could not be renumbered "
                                         "(duplicates of a fixture)")
        res = child_ingest(pool["folders"], self.work / "out-docx", jobs=1)
        self._record_rate("docx_docs_per_s", res, n, sources=len(docx))
        self.details["docx_stages_ms_per_doc"] = stage_breakdown(docx, 3 if self.scale_name == "smoke" else 100)

    def _record_rate(self, key: str, res: dict, n: int, sources: int | None = None) -> None:
        self.results[key] = round(n / res["seconds"], 1)
        st = res["statuses"]
        self.details[key] = {"docs": n, "seconds": round(res["seconds"], 3), "import_s": round(res["import_s"], 3),
                             "statuses": st, "sources": sources or len(sample_texts())}
        bad = {k: v for k, v in st.items() if k not in ("new", "updated")}
        if bad:
            self.note(key, "not all new: " + ", ".join(f"{k} {v}" for k, v in bad.items())
                      + ("; e.g. " + res["failures"][0] if res["failures"] else ""))

    def step_jobs(self) -> None:
        n = self.scale["docs"]
        folders = self.text_pool(n)
        one = cli_ingest(folders, self.work / "out-j1", jobs=1)
        two = cli_ingest(folders, self.work / "out-j2", jobs=2)
        self.results["jobs1_s"] = round(one["seconds"], 3)
        self.results["jobs2_s"] = round(two["seconds"], 3)
        self.results["jobs2_speedup"] = round(one["seconds"] / two["seconds"], 2)
        # the same without the graph and tracker hooks (which run once, serially, at the end)
        b1 = child_ingest(folders, self.work / "out-j1-bare", jobs=1)
        b2 = child_ingest(folders, self.work / "out-j2-bare", jobs=2)
        self.results["jobs2_speedup_no_hooks"] = round(b1["seconds"] / b2["seconds"], 2)
        for b in (b1, b2):
            if set(b["statuses"]) - {"new", "updated"}:
                self.note("jobs2_speedup", f"not all new: {b['statuses']}")
        self.details["jobs2_speedup"] = {"docs": n, "cores": os.cpu_count(),
                                         "command": "congvan ingest DIR --out OUT --jobs N --quiet",
                                         "exit_codes": [one["rc"], two["rc"]]}
        if 1 in (one["rc"], two["rc"]):
            self.note("jobs2_speedup", "some files failed (exit code 1)")
        if one["rc"] not in (0, 1) or two["rc"] not in (0, 1):
            self.note("jobs2_speedup", f"exit codes {one['rc']}, {two['rc']}: {two['stderr'][-300:]}")
        if (os.cpu_count() or 1) < 2:
            self.note("jobs2_speedup", "this machine has one core")

    # -- PDF ----------------------------------------------------------------------------------------
    def step_pdf(self) -> None:
        pdfs = sorted(CORPUS.glob("*.pdf"))
        try:
            from pipeline.read.pdf import read_pdf
        except ImportError as e:
            read_pdf = None
            self.note("pdf_pages_per_s", f"pipeline.read.pdf not available yet ({e})")
        import pdfplumber
        import pypdfium2 as pdfium
        limit = self.scale["pdf_pages"]
        counted = [(p, len(pdfium.PdfDocument(str(p)))) for p in pdfs]
        if limit is not None:           # scaled down: the shortest files first
            counted.sort(key=lambda pn: pn[1])
        chosen, pages = [], 0
        for p, n in counted:
            if limit is not None and pages >= limit:
                break
            chosen.append((p, n))
            pages += n
        self.details["pdf"] = {"files": len(chosen), "pages": pages}
        t0 = time.perf_counter()
        for p, _ in chosen:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.flush_cache() if hasattr(page, "flush_cache") else None
        plumber_s = time.perf_counter() - t0
        self.results["pdfplumber_pages_per_s"] = round(pages / plumber_s, 1)
        if read_pdf is None:
            self.results["pdf_pages_per_s"] = None
            self.results["pdf_speedup_vs_pdfplumber"] = None
            return
        errors = []
        read_pdf(chosen[0][0])          # imports and first-use costs, not counted
        best = None
        for _ in range(2):
            t0 = time.perf_counter()
            for p, _n in chosen:
                try:
                    read_pdf(p)
                except Exception as e:  # a reader error is a finding, not a crash of the bench
                    errors.append(f"{p.name}: {type(e).__name__}: {e}")
            s = time.perf_counter() - t0
            best = s if best is None else min(best, s)
        self.results["pdf_pages_per_s"] = round(pages / best, 1)
        self.results["pdf_speedup_vs_pdfplumber"] = round(plumber_s / best, 1)
        if errors:
            self.note("pdf_pages_per_s", f"{len(set(errors))} read errors, e.g. {errors[0]}")
        # and the whole pipeline on the same PDFs (read → extract → validate), for reference
        from pipeline.ingest import process_file
        t0 = time.perf_counter()
        for p, _n in chosen:
            process_file(str(p), "0" * 64)
        self.results["pdf_pipeline_pages_per_s"] = round(pages / (time.perf_counter() - t0), 1)

    # -- deadlines ----------------------------------------------------------------------------------
    def step_deadlines(self) -> None:
        from extractors.deadlines import extract_deadlines
        paras, cues_from = deadline_paragraphs()
        self.details["deadlines"] = {"paragraphs": len(paras), "cues": cues_from}
        if not paras:
            self.results["deadline_speedup_vs_dateparser"] = None
            self.note("deadline_speedup_vs_dateparser", "no paragraph with a deadline cue")
            return
        for text, issued in paras[:3]:
            extract_deadlines(text, issued)
        found = 0
        rounds, t0 = 0, time.perf_counter()
        while True:
            for text, issued in paras:
                found += len(extract_deadlines(text, issued))
            rounds += 1
            ours_s = (time.perf_counter() - t0) / rounds
            if time.perf_counter() - t0 > 1.0 or rounds >= 200:
                break
        found //= rounds
        from dateparser.search import search_dates
        cap = self.scale["dateparser_paras"]
        dp_paras = paras if cap is None else paras[:cap]
        search_dates(paras[0][0], languages=["vi"])     # loading dateparser's language data, not counted
        t0 = time.perf_counter()
        dp_found = 0
        for text, _issued in dp_paras:
            dp_found += len(search_dates(text, languages=["vi"]) or [])
        dp_s = (time.perf_counter() - t0) * len(paras) / len(dp_paras)
        self.results["deadline_ms_per_paragraph"] = round(ours_s * 1000 / len(paras), 5)
        self.results["dateparser_ms_per_paragraph"] = round(dp_s * 1000 / len(paras), 3)
        self.results["deadline_speedup_vs_dateparser"] = round(dp_s / ours_s, 1)
        self.details["deadlines"].update({"ours_found": found, "dateparser_found": dp_found,
                                          "dateparser_paragraphs_timed": len(dp_paras)})
        if found == 0:
            self.unjudged.add("deadline_speedup_vs_dateparser")
            self.note("deadline_speedup_vs_dateparser", "not judged: extract_deadlines found nothing on these paragraphs")
        acc = deadline_table_accuracy()
        self.details["deadline_table"] = acc
        if acc.get("cases"):
            self.results["deadline_table_accuracy"] = acc["ours"]
            self.results["dateparser_table_accuracy"] = acc["dateparser"]
            self.results["deadline_table_cases"] = acc["cases"]
        else:
            self.note("deadline_speedup_vs_dateparser", acc.get("note", "no phrasing table"))

    # -- no-op re-ingest ------------------------------------------------------------------------------
    def step_noop(self) -> None:
        n = self.scale["noop"]
        folders = self.text_pool(n)
        out = self.work / "out-noop"
        first = cli_ingest(folders, out, jobs=2)
        self.results["first_ingest_10k_jobs2_s"] = round(first["seconds"], 2)
        again = cli_ingest(folders, out, jobs=1)
        self.results["noop_reingest_10k_s"] = round(again["seconds"], 3)
        bare = child_ingest(folders, out, jobs=1, hooks=False)
        self.results["noop_reingest_10k_no_hooks_s"] = round(bare["seconds"], 3)
        self.details["noop_reingest_10k_s"] = {
            "files": n, "command": "congvan ingest DIR --out OUT --quiet (second time, nothing changed)",
            "first_exit": first["rc"], "second_exit": again["rc"], "statuses": bare["statuses"],
            "python_start_and_imports_s": round(bare["import_s"], 3)}
        if bare["statuses"].get("unchanged", 0) != n:
            self.note("noop_reingest_10k_s", f"not all unchanged: {bare['statuses']}")
        if again["seconds"] > GOALS["noop_reingest_10k_s"][1] and self.scale_name != "smoke":
            prof_file = self.out.parent / "bench_profile_noop.txt"
            res = child_ingest(folders, out, jobs=1, hooks=True, profile=prof_file)
            self.details["profile_noop"] = {"file": _rel(prof_file), "seconds_with_hooks": round(res["seconds"], 3),
                                            "top_own_time": res["hot"]}

    # -- peak memory --------------------------------------------------------------------------------
    def step_rss(self) -> None:
        n = self.scale["rss"]
        folders = self.text_pool(n)
        out = self.work / "out-rss"
        budget = self.scale.get("rss_budget_s") or RUN_LIMIT_S
        res = cli_ingest(folders, out, jobs=2, sample_memory=True, limit_s=budget)
        peak = round(max(res["peak_total_mb"], res["max_rss_mb_one_process"]), 1)
        self.results["peak_rss_mb_100k"] = peak
        self.results["peak_rss_mb_100k_one_process"] = round(res["max_rss_mb_one_process"], 1)
        self.results["ingest_100k_jobs2_s"] = round(res["seconds"], 1)
        traj = res.get("trajectory") or []
        slope = _mb_per_1k(traj)
        self.details["peak_rss_mb_100k"] = {
            "files": n, "command": "congvan ingest DIR --out OUT --jobs 2 --quiet",
            "measure": "peak of the summed PSS of the ingest and its workers, sampled every 0.2 s "
                       "(and the max RSS of the largest process, from wait4)",
            "exit": res["rc"], "budget_s": budget,
            "trajectory_s_records_mb": traj[:: max(1, len(traj) // 40)] + traj[-1:],
            "mb_per_1000_records": slope}
        if res["stopped"]:
            self.results["ingest_100k_jobs2_s"] = None
            records = _count_json(out / "records")
            self.results["peak_rss_mb_100k_records_done"] = records
            text = (f"{res['stopped']} with {records:,} of {n:,} documents stored: the peak is a lower bound"
                    if records is not None else res["stopped"])
            stored_at = next((t for t, c, _ in traj if c >= n), None)
            if stored_at is not None:
                at = next(mb for t, c, mb in traj if t == stored_at)
                self.results["peak_rss_mb_100k_all_stored"] = at
                text += (f"; every record was stored after {stored_at:.0f} s ({at:,.0f} MB), then the "
                         f"end of the ingest (duplicates, graph, tracker over all records) grew it to {peak:,.0f} MB")
            elif slope:
                est = round(peak + slope * (n - (records or 0)) / 1000)
                self.results["peak_rss_mb_100k_extrapolated"] = est
                text += f"; growing {slope} MB per 1,000 documents, ≈ {est:,} MB at {n:,}"
            self.note("peak_rss_mb_100k", text)
            if peak <= GOALS["peak_rss_mb_100k"][1]:
                self.unjudged.add("peak_rss_mb_100k")       # a lower bound under the goal says nothing
        shutil.rmtree(out, ignore_errors=True)

    # -- due query ----------------------------------------------------------------------------------
    def step_due(self) -> None:
        res = bench_due(self.work / "due", self.scale["obligations"], self.scale["due_queries"], self.log)
        self.results["due_p50_ms_1m"] = res.get("p50_ms")
        self.results["due_p95_ms_1m"] = res.get("p95_ms")
        self.details["due"] = {k: v for k, v in res.items() if k not in ("p50_ms", "p95_ms", "note")}
        if res.get("obligations") is not None and res["obligations"] < self.scale["obligations"]:
            self.note("due_p50_ms_1m", f"only {res['obligations']:,} obligations in the store")
        if res.get("note"):
            self.note("due_p50_ms_1m", res["note"])

    # -- all ------------------------------------------------------------------------------------------
    def run(self) -> dict:
        t_all = time.perf_counter()
        for step in STEPS:
            if step not in self.steps:
                continue
            self.log(f"· {step} …")
            # other work on the machine skews timings: the load when each step starts is kept
            self.details.setdefault("load_average_at_start", {})[step] = round(os.getloadavg()[0], 2)
            t0 = time.perf_counter()
            try:
                getattr(self, f"step_{step}")()
            except Exception as e:
                import traceback
                self.details.setdefault("errors", {})[step] = traceback.format_exc()[-3000:]
                self.note(step, f"the step failed: {type(e).__name__}: {e}")
            self.details.setdefault("step_seconds", {})[step] = round(time.perf_counter() - t0, 1)
            self.log(f"  {step}: {time.perf_counter() - t0:.1f} s")
        self.details["total_seconds"] = round(time.perf_counter() - t_all, 1)
        return self.report()

    def report(self) -> dict:
        out: dict = {}
        for key in GOALS:
            out.setdefault(key, None)
        if "txt" in self.steps:
            out.setdefault("pdfplumber_pages_per_s", None)
        out.update(self.results)
        goals = {}
        for key, (op, goal, unit) in GOALS.items():
            v = out.get(key)
            scaled = key in COUNTED and self.scale[COUNTED[key]] != SCALES["full"][COUNTED[key]]
            met = None if v is None or scaled or key in self.unjudged or self.scale_name == "smoke" else (v >= goal if op == ">=" else v <= goal)
            g = {"goal": f"{op} {goal} {unit}".replace(">=", "≥").replace("<=", "≤"), "value": v, "met": met}
            if scaled and v is not None:
                g["scaled"] = f"measured on {self.scale[COUNTED[key]]:,} instead of {SCALES['full'][COUNTED[key]]:,}"
            if key in self.notes:
                g["note"] = self.notes[key]
            goals[key] = g
        other = {k: v for k, v in self.notes.items() if k not in GOALS}
        out["goals"] = goals
        if other:
            out["notes"] = other
        out["scale"] = {"mode": self.scale_name, **{k: v for k, v in self.scale.items()}}
        if self.scale_name != "full":
            out["scale"]["warning"] = "counts scaled down: these are not the figures of the goals"
        out["details"] = self.details
        out["machine"] = {"python": platform.python_version(), "cores": os.cpu_count(),
                          "platform": platform.platform(), "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        return out


def _count_json(d: Path) -> int | None:
    try:
        with os.scandir(d) as it:
            return sum(1 for e in it if e.name.endswith(".json"))
    except OSError:
        return None


def _mb_per_1k(traj: list[tuple[float, int, float]]) -> float | None:
    """Least-squares growth of memory per 1,000 stored records, over the samples with records."""
    pts = [(c, mb) for _, c, mb in traj if c > 0]
    if len(pts) < 3 or pts[-1][0] - pts[0][0] < 1000:
        return None
    mx = sum(c for c, _ in pts) / len(pts)
    my = sum(mb for _, mb in pts) / len(pts)
    den = sum((c - mx) ** 2 for c, _ in pts)
    return round(1000 * sum((c - mx) * (mb - my) for c, mb in pts) / den, 2) if den else None


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def stage_breakdown(files: list[Path], n: int) -> dict:
    """Milliseconds per document in each stage of the pipeline, on ``n`` documents read from
    ``files`` round robin (in this process, after one warm-up pass)."""
    import hashlib
    from extractors.header import extract_header
    from extractors.parties import extract_cc, extract_recipients, extract_signer
    from extractors.references import extract_references
    from extractors.tasks import extract_tasks
    from pipeline.files import atomic_write_json
    from pipeline.normalize import normalize
    from pipeline.read import read
    from pipeline.record import build_record
    from pipeline.schema import validate
    import inspect
    stages: dict[str, float] = {}
    if "durable" in inspect.signature(atomic_write_json).parameters:     # records are written as ingest does
        def write(path, rec):
            atomic_write_json(path, rec, durable=False)
    else:
        write = atomic_write_json

    def clock(name, fn, *a):
        t0 = time.perf_counter()
        v = fn(*a)
        stages[name] = stages.get(name, 0.0) + time.perf_counter() - t0
        return v
    with tempfile.TemporaryDirectory(prefix="congvan-stages-") as tmp:
        for i in range(n + len(files)):
            p = files[i % len(files)]
            doc = clock("read", read, p)
            t = clock("normalize", normalize, doc.text)
            h = clock("extract_header", extract_header, t)
            clock("extract_signer", extract_signer, t)
            clock("extract_recipients", extract_recipients, t)
            clock("extract_cc", extract_cc, t)
            ctx = {k: (h.get(k).value if h.get(k) is not None else None)
                   for k in ("doc_type", "number", "symbol", "issued_date", "place", "issuer")}
            clock("extract_references", extract_references, t, ctx)
            clock("extract_tasks", extract_tasks, t, ctx)
            rec = clock("build_record (all of the above but read)", build_record, doc, "0" * 64)
            clock("validate", validate, rec)
            clock("write record (json + atomic write)", write, Path(tmp) / f"{i}.json", rec)
            clock("sha256", lambda q: hashlib.sha256(q.read_bytes()).hexdigest(), p)
            if i == len(files) - 1:          # the first pass warms caches: not counted
                stages.clear()
    return {k: round(v * 1000 / n, 3) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])}


# --- deadline inputs -----------------------------------------------------------------------------
DEFAULT_DEADLINE_CUES = ["trước ngày", "trước", "chậm nhất", "thời hạn", "hạn chót", "trong vòng",
                         "trong thời gian", "kể từ ngày", "định kỳ", "hằng ngày", "hàng ngày", "hằng tuần",
                         "hàng tuần", "hằng tháng", "hàng tháng", "hằng quý", "hàng quý", "hằng năm", "hàng năm",
                         "hoàn thành"]


def deadline_cues() -> tuple[list[str], str]:
    """The strong deadline cues of the deadline grammar's data (extractors/data/deadline_rules.json:
    cue tables whose entries say "strong", and the recurrence phrases), else a short list."""
    path = ROOT / "extractors" / "data" / "deadline_rules.json"
    cues: list[str] = []
    try:
        tables = json.loads(path.read_text(encoding="utf-8")).get("cues", {})
        for name, table in tables.items():
            if isinstance(table, dict):
                cues += [k for k, v in table.items() if isinstance(v, list) and "strong" in v]
            elif name == "recurrence_phrases" and isinstance(table, list):
                cues += [x for x in table if isinstance(x, str)]
    except (OSError, ValueError, AttributeError):
        cues = []
    if cues:
        return sorted(set(cues)), _rel(path) + " (strong cues and recurrence phrases)"
    return DEFAULT_DEADLINE_CUES, "scripts/bench.py DEFAULT_DEADLINE_CUES"


def deadline_paragraphs() -> tuple[list[tuple[str, str | None]], str]:
    """(paragraph, issued date) for every paragraph of the corpus texts that holds a deadline cue:
    the dispatches of corpus/*.txt and the Công báo texts of the corpus PDFs
    (tests/data/dev/pdf_text)."""
    from extractors.base import key
    from pipeline.normalize import normalize
    from pipeline.read import read
    cues, cues_from = deadline_cues()
    keyed = [key(c) for c in cues]
    gold = {}
    for g in list(SEED_GOLD.glob("*.json")) + list((ROOT / "tests" / "data" / "dev" / "gold").glob("*.json")):
        gold[g.stem] = json.loads(g.read_text(encoding="utf-8")).get("issued_date")
    out = []
    files = sample_texts() + sorted((ROOT / "tests" / "data" / "dev" / "pdf_text").glob("*.txt"))
    for p in files:
        text = normalize(read(p).text).text
        issued = gold.get(p.stem)
        for para in re.split(r"\n\s*\n", text):
            k = key(para)
            if para.strip() and any(c in k for c in keyed):
                out.append((para.strip(), issued))
    return out, cues_from


def _load_deadline_tables():
    """The phrasing table of tests/test_deadlines.py (a module-level list of (text, issued,
    [expected deadline values])) and its list of non-deadlines, if any."""
    path = ROOT / "tests" / "test_deadlines.py"
    if not path.exists():
        return None, None, "tests/test_deadlines.py is not there yet"
    import importlib.util
    tests_dir = str(ROOT / "tests")
    if tests_dir not in sys.path:
        sys.path.insert(0, tests_dir)
    spec = importlib.util.spec_from_file_location("congvan_test_deadlines", path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except Exception as e:
        return None, None, f"tests/test_deadlines.py does not import: {type(e).__name__}: {e}"

    def shaped(v, n):
        return isinstance(v, (list, tuple)) and v and all(isinstance(c, (list, tuple)) and len(c) == n
                                                         and isinstance(c[0], str) for c in v)
    table = next((getattr(mod, n) for n in ("TABLE", "CASES", "PHRASINGS") if shaped(getattr(mod, n, None), 3)), None)
    if table is None:
        lists = [v for n, v in vars(mod).items() if not n.startswith("_") and shaped(v, 3)]
        table = max(lists, key=len) if lists else None
    negatives = next((getattr(mod, n) for n in ("NOT_DEADLINES", "NEGATIVES") if shaped(getattr(mod, n, None), 2)), None)
    if table is None:
        return None, None, "tests/test_deadlines.py has no module-level table of (text, issued, expected)"
    return list(table), list(negatives or []), None


def _dk(d: dict) -> tuple:
    return (d.get("date") or None, d.get("time") or None, d.get("recurrence") or None)


def deadline_table_accuracy() -> dict:
    """Both tools on the phrasing table of tests/test_deadlines.py.

    A phrasing is right for extract_deadlines when it reads exactly the expected deadlines
    (date, time, recurrence). It is right for dateparser when every expected deadline is among
    the dates it finds (with the hour when one is expected; extra dates are not held against
    it); a recurring deadline ("trước 14h00 hằng ngày") it cannot express. On the table's
    non-deadlines, a false alarm is any deadline (ours) or any date (dateparser) found."""
    table, negatives, why = _load_deadline_tables()
    if table is None:
        return {"note": why}
    from dateparser.search import search_dates
    from extractors.deadlines import extract_deadlines

    def ours(text, issued):
        try:
            return [f.value for f in extract_deadlines(text, issued)]
        except Exception:
            return None

    def theirs(text, issued):
        settings = {"RELATIVE_BASE": datetime.strptime(issued, "%Y-%m-%d")} if issued and len(issued) == 10 else {}
        try:
            return search_dates(text, languages=["vi"], settings=settings) or []
        except Exception:
            return []
    ours_ok = dp_ok = 0
    for text, issued, expected in table:
        expected = [e for e in (expected or []) if isinstance(e, dict)]
        got = ours(text, issued)
        ours_ok += got is not None and sorted(map(_dk, got), key=str) == sorted(map(_dk, expected), key=str)
        found = theirs(text, issued)
        hits = {(dt.strftime("%Y-%m-%d"), dt.strftime("%H:%M")) for _, dt in found}
        days = {d for d, _ in hits}

        def hit(e):
            if e.get("recurrence") or not e.get("date"):
                return False
            return (e["date"], e["time"]) in hits if e.get("time") else e["date"] in days
        dp_ok += bool(expected) and all(hit(e) for e in expected) or (not expected and not found)
    ours_fa = sum(bool(ours(t, i)) for t, i in negatives)
    dp_fa = sum(bool(theirs(t, i)) for t, i in negatives)
    n = len(table)
    return {"table": "tests/test_deadlines.py", "cases": n,
            "ours": round(ours_ok / n, 3), "dateparser": round(dp_ok / n, 3),
            "non_deadlines": len(negatives),
            "ours_false_alarms": ours_fa, "dateparser_false_alarms": dp_fa}


# --- due query on a million obligations -------------------------------------------------------------
DUE_ON = "2025-12-15"          # the day the due query is asked for (after every sample dispatch)


def _shift(iso: str | None, days: int) -> str | None:
    """A full ISO date moved by ``days``; partial dates (YYYY-MM, YYYY) stay as they are."""
    from datetime import date, timedelta
    if not iso or len(iso) != 10:
        return iso
    try:
        return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
    except ValueError:
        return iso


def _rehome(rec: dict, k: int, area, days: int) -> dict:
    """Copy ``k`` of a real record: another document number, issued ``days`` later (deadlines
    too), and, for a province's or a district's dispatch, issued by the same level of ``area``."""
    import copy
    r = copy.deepcopy(rec)
    r["number"] = str(k)
    r["source"] = {**(r.get("source") or {}), "path": f"bench/{k:07d}_{Path(str((rec.get('source') or {}).get('path'))).name}"}
    r["source"]["sha256"] = None
    r["issued_date"] = _shift(r.get("issued_date"), days)
    if area is not None:
        issuer = dict(r.get("issuer") or {})
        prov = area if area.level == "province" else None
        if area.level == "district":
            from pipeline import units
            prov = units.province_of(area)
            issuer.update(name=f"Ủy ban nhân dân {area.type} {area.name}", district=area.name)
        else:
            issuer.update(name=f"Ủy ban nhân dân {area.type} {area.name}", district=None)
        issuer["province"] = prov.name
        r["issuer"] = issuer
    for t in r.get("tasks") or []:
        for d in t.get("deadlines") or []:
            d["date"] = _shift(d.get("date"), days)
        for g in t.get("targets") or []:
            if g.get("by"):
                g["by"] = _shift(g["by"], days)
    return r


def bench_due(work: Path, count: int, queries: int, log) -> dict:
    """Fill a tracker store with ``count`` obligations made from the real records and time the due
    query for random communes of both maps (a commune with its predecessors and successors, as
    ``congvan due --unit`` asks)."""
    import random
    from datetime import date
    try:
        from pipeline import store, track, units
    except ImportError as e:
        return {"p50_ms": None, "p95_ms": None, "note": f"the tracker (pipeline/track.py) is not there yet ({e})"}
    due = getattr(track, "due_query", None) or getattr(track, "query_due", None)
    if due is None:
        return {"p50_ms": None, "p95_ms": None,
                "note": "pipeline/track.py exposes no due-query function yet (due_query / query_due)"}
    from pipeline.ingest import process_file
    rng = random.Random(20251215)
    t0 = time.perf_counter()
    # the real records, with what each binds
    real = []
    for p in sample_texts():
        o = process_file(str(p), "0" * 64)
        if o.record is None:
            continue
        b = track.bundle(o.record)
        n = sum(len(x.members) for x in b.obligations)
        if n:
            level = (o.record.get("issuer") or {}).get("level")
            era = units.era_on(o.record.get("issued_date"))
            if level == "district":
                era = units.ERA_OLD
            real.append((o.record, level, era, n))
    if not real:
        return {"p50_ms": None, "p95_ms": None, "note": "no real record binds any unit yet (no tasks with assignees)"}
    # the areas a record is re-issued in: every province (of its map), every district (2020 map)
    def areas_of(level: str | None, era: str):
        m = units.era_map(era)
        if level == "province":
            return [u for u in m.units.values() if u.level == "province"]
        if level == "district":
            return [u for u in m.units.values() if u.level == "district"]
        return [None]
    plans = [(rec, areas_of(level, era), n) for rec, level, era, n in real]
    path = work / store.DB_NAME
    work.mkdir(parents=True, exist_ok=True)
    conn = store.connect(path)
    made = docs = failed = 0
    groups: dict = {}
    rounds = 0
    while made < count:
        rounds += 1
        jobs = [(rec, a) for rec, areas, _n in plans for a in areas]
        rng.shuffle(jobs)
        with store.transaction(conn):
            for rec, area in jobs:
                r = _rehome(rec, 1_000_000 + docs, area, rng.randint(-75, 15))
                docs += 1
                try:
                    b = track.bundle(r)
                except Exception:
                    failed += 1
                    continue
                store.put_document(conn, b, groups)
                made += sum(len(x.members) for x in b.obligations)
                if made >= count:
                    break
        log(f"  ({made:,} obligations in {docs:,} documents, {time.perf_counter() - t0:.0f} s)")
    total = store.count_obligations(conn)
    build_s = time.perf_counter() - t0
    conn.close()
    # the queries: random communes of both maps
    communes = [u for era in (units.ERA_OLD, units.ERA_NEW) for u in units.era_map(era).units.values()
                if u.level == "commune"]
    picks = [rng.choice(communes) for _ in range(queries)]
    on = date.fromisoformat(DUE_ON)
    conn = store.connect(path)
    due(conn, [units.uid(x) for x in units.related(picks[0])], on)      # warm the page cache once
    times, sizes = [], []
    for u in picks:
        keys = [units.uid(x) for x in units.related(u)]
        q0 = time.perf_counter()
        items = due(conn, keys, on)
        times.append((time.perf_counter() - q0) * 1000)
        sizes.append(len(items))
    conn.close()
    times.sort()
    sizes.sort()

    def pct(xs, q):
        return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
    return {"p50_ms": round(pct(times, 0.5), 2), "p95_ms": round(pct(times, 0.95), 2),
            "max_ms": round(times[-1], 2), "obligations": total, "documents": docs - failed,
            "failed_documents": failed, "real_records": len(real), "build_s": round(build_s, 1),
            "db_mb": round(path.stat().st_size / 2**20, 1), "queries": queries, "on": DUE_ON,
            "items_per_query_p50": pct(sizes, 0.5), "items_per_query_max": sizes[-1],
            "how": "the real records re-issued by every province / district of their map, dated within "
                   "-75..+15 days of the original; random communes of both maps asked for with "
                   "their predecessors and successors (pipeline.track.due_query)"}


# --- output ------------------------------------------------------------------------------------------
def print_table(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console.width = 150
    mode = report["scale"]["mode"]
    title = "congvan bench" + ("" if mode == "full" else f" — {mode.upper()}: counts scaled down, not the goals' figures")
    t = Table(title=title)
    for col, just in (("figure", "left"), ("value", "right"), ("goal", "left"), ("met", "center"), ("note", "left")):
        t.add_column(col, justify=just, overflow="fold")
    goals = report["goals"]
    shown = set()
    for key, g in goals.items():
        v = g["value"]
        met = {True: "[green]yes[/green]", False: "[red]NO[/red]", None: "–"}[g["met"]]
        note = "; ".join(x for x in (g.get("scaled"), g.get("note")) if x)
        t.add_row(key, "null" if v is None else f"{v:,}", g["goal"], met, note)
        shown.add(key)
    t.add_section()
    for key, v in report.items():
        if key in shown or key in ("goals", "scale", "details", "machine", "notes") or isinstance(v, dict):
            continue
        t.add_row(f"[dim]{key}[/dim]", "null" if v is None else f"{v:,}", "", "", "")
    console.print(t)
    for step, text in (report.get("notes") or {}).items():
        console.print(f"note ({step}): {text}", markup=False)
    d = report["details"]
    for k in ("profile_txt", "profile_noop"):
        if k in d:
            console.print(f"\nhot spots ({k}, {d[k]['file']}):", markup=False)
            for line in d[k]["top_own_time"]:
                console.print("  " + line, markup=False)
    for step, tb in (d.get("errors") or {}).items():
        console.print(f"\n[red]{step} failed[/red]:\n{tb}", markup=False)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_ingest":
        return _child_main(argv[1:])
    ap = argparse.ArgumentParser(description="Speed and memory of congvan; writes outputs/bench.json.")
    ap.add_argument("--quick", action="store_true", help="counts scaled down (said so in the output)")
    ap.add_argument("--smoke", action="store_true", help="with --quick: tiny counts, seconds (checks the instrument)")
    ap.add_argument("--only", default="", help=f"comma-separated steps of {', '.join(STEPS)}")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file to write (default outputs/bench.json)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = ap.parse_args(argv)
    scale = "smoke" if args.smoke else "quick" if args.quick else "full"
    steps = [s.strip() for s in args.only.split(",") if s.strip()] or list(STEPS)
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        ap.error(f"unknown step(s) {', '.join(unknown)}; known: {', '.join(STEPS)}")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if scale != "full":
        log(f"{scale} mode: counts scaled down ({SCALES[scale]}); the figures are not the goals' figures")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        work, tmp = args.keep, None
    else:
        tmp = tempfile.TemporaryDirectory(prefix="congvan-bench-")
        work = Path(tmp.name)
    try:
        report = Bench(scale, work, args.out, steps, log).run()
    finally:
        if tmp is not None:
            log("cleaning up …")
            tmp.cleanup()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_table(report)
    print(f"written: {_rel(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
