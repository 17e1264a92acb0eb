"""Crashes and concurrency: a kill -9 at any moment, or two ingests at once, corrupt nothing."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import ROOT, SEEDS
from pipeline.ingest import ingest
from pipeline.schema import validate
from pipeline.watch import Debouncer

CMD = [sys.executable, "-m", "pipeline.cli", "ingest"]
ENV = {**os.environ, "CONGVAN_SETTLE_S": "0"}


def make_corpus(folder, copies):
    folder.mkdir()
    for i in range(copies):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            # distinct documents: a different number on each copy
            (folder / f"{i:04d}_{seed.name}").write_text(text.replace("Số: ", f"Số: {i + 1}", 1), encoding="utf-8")


def check_consistent(out):
    for p in (out / "records").glob("*.json"):
        validate(json.loads(p.read_text(encoding="utf-8")))
    if (out / "ledger.json").exists():
        json.loads((out / "ledger.json").read_text(encoding="utf-8"))
    if (out / "errors.jsonl").exists():
        for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines():
            json.loads(line)


def test_kill_9_mid_ingest_then_the_next_run_completes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 60)                       # 300 files
    proc = subprocess.Popen(CMD + [str(src), "--out", str(out), "-q"], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list((out / "records").glob("*.json"))) < 20:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list((out / "records").glob("*.json")))
    assert 0 < written < 300, "the kill came before any record or after the last"
    check_consistent(out)
    # the lock died with the process: the next run is not refused, and finishes the work
    done = subprocess.run(CMD + [str(src), "--out", str(out), "-q"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(list((out / "records").glob("*.json"))) == 300
    check_consistent(out)
    ledger = json.loads((out / "ledger.json").read_text(encoding="utf-8"))
    assert sum(e["status"] == "ok" for e in ledger.values()) == 300


def test_two_ingests_at_once(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 20)
    procs = [subprocess.Popen(CMD + [str(src), "--out", str(out), "-q"], cwd=ROOT, env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(), p.stdout.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 75]), results
    if codes == [0, 75]:
        refused = next(text for code, text in results if code == 75)
        assert "đang chạy" in refused
    assert len(list((out / "records").glob("*.json"))) == 100
    check_consistent(out)


def test_a_file_still_being_copied_is_deferred(tmp_path, monkeypatch):
    import threading

    import pipeline.ingest as ing
    monkeypatch.setattr(ing, "SETTLE_S", 5.0)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[1], src / "done.txt")
    os.utime(src / "done.txt", (time.time() - 60, time.time() - 60))
    growing = src / "growing.txt"
    growing.write_text("Số: 1/UBND-VP\n", encoding="utf-8")
    stop = threading.Event()

    def writer():
        with open(growing, "a", encoding="utf-8") as f:
            while not stop.is_set():
                f.write("Ủy ban nhân dân huyện yêu cầu các xã thực hiện.\n")
                f.flush()
                time.sleep(0.05)
    t = threading.Thread(target=writer)
    t.start()
    try:
        summary = ingest([src], tmp_path / "out", hooks=False)
    finally:
        stop.set()
        t.join()
    status = {o.path.rsplit("/", 1)[1]: o.status for o in summary.outcomes}
    assert status == {"done.txt": "new", "growing.txt": "deferred"}
    assert not summary.failed


def test_watch_debouncer_waits_for_a_file_to_settle(tmp_path):
    deb = Debouncer(settle=0.2)
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    deb.touch(str(f))
    deb.touch(str(tmp_path / ".hidden.txt"))
    deb.touch(str(tmp_path / "picture.png"))
    assert deb.ready() == []                  # too fresh
    time.sleep(0.25)
    f.write_text("xy", encoding="utf-8")      # changed meanwhile: wait again
    assert deb.ready() == []
    time.sleep(0.25)
    assert deb.ready() == [f]
    assert deb.ready() == []
