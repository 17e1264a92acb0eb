"""The two instruments, `make eval` and `make bench`, run end to end on tiny inputs.

Benchmarks are not tests: nothing here looks at a timing, only at what the instruments report."""
import importlib.util
import json
import subprocess
import sys

from conftest import CORPUS, ROOT

SCRIPTS = ROOT / "scripts"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"congvan_{name}_script", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_scores_one_seed(tmp_path, capsys):
    ev = _load("eval")
    out = tmp_path / "eval.json"
    assert ev.main(["--sets", "seeds-txt", "--only", "001_741c13397cfce331", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "macro F1 seeds-txt:" in printed
    result = json.loads(out.read_text(encoding="utf-8"))["results"][0]
    assert result["set"] == "seeds-txt" and result["docs"] == 1 and result["failed"] == []
    rows = {r["field"]: r["value"] for r in result["rows"]}
    assert rows["found"] == 1.0                       # the seed was read into a record the scorer paired
    assert {"doc_type", "cc", "tasks", "task.deadlines"} <= set(rows)
    assert 0.0 <= result["macro_f1"] <= 1.0


def test_eval_reports_every_change_against_the_baseline():
    ev = _load("eval")
    baseline = {"sets": {"dev": {"docs": 8, "macro_f1": 0.5,
                                 "fields": {"cc": 1.0, "task.deadlines": 0.8, "urgency": 1.0, "reference.date": None}}}}
    now = [{"set": "dev", "docs": 8, "macro_f1": 0.55,
            "rows": [{"field": "cc", "value": 0.97}, {"field": "task.deadlines", "value": 0.95},
                     {"field": "urgency", "value": 1.0}, {"field": "reference.date", "value": 0.5}]},
           {"set": "seeds-docx", "skipped": "none of the Word fixtures is there yet"}]
    lines, gains, losses = ev.compare(now, baseline)
    assert "+ dev task.deadlines 0.800 → 0.950" in lines
    assert "- dev cc 1.000 → 0.970" in lines
    assert "~ dev reference.date n/a → 0.500" in lines
    assert "+ dev macro F1 0.500 → 0.550" in lines
    assert not any("urgency" in line for line in lines)
    assert (gains, losses) == (1, 1)


def test_the_committed_baseline_covers_every_field_of_the_scorer():
    ev = _load("eval")
    baseline = json.loads((ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))
    scorer = ev._load_scorer(ev.REPO_SCORER)
    rows, _ = scorer.score(ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "gold")
    fields = {r[0] for r in rows}
    assert {"seeds-txt", "dev"} <= set(baseline["sets"])
    for name, s in baseline["sets"].items():
        assert fields <= set(s["fields"]), name
        assert s["docs"] >= 1


def test_copies_for_the_bench_are_distinct_documents():
    bench = _load("bench")
    numbered = (CORPUS / "001_741c13397cfce331.txt").read_bytes()      # "Số: 978 /UBND-VP"
    data, ok = bench.renumber_text(numbered, 100_007)
    assert ok and "Số: 100007 /UBND-VP" in data.decode("utf-8")
    blank = (CORPUS / "002_b3a489e30b7b244b.txt").read_bytes()         # "Số: /UBND-VP" (number left blank)
    data, ok = bench.renumber_text(blank, 100_008)
    assert ok and "Số: 100008/UBND-VP" in data.decode("utf-8")


def test_bench_smoke_writes_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(SCRIPTS / "bench.py"), "--quick", "--smoke", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    keys = ["txt_docs_per_s", "docx_docs_per_s", "pdf_pages_per_s", "pdfplumber_pages_per_s",
            "pdf_speedup_vs_pdfplumber", "jobs2_speedup", "deadline_speedup_vs_dateparser",
            "noop_reingest_10k_s", "due_p50_ms_1m", "due_p95_ms_1m", "peak_rss_mb_100k"]
    for k in keys:
        assert k in report, k
    for k in ("txt_docs_per_s", "pdfplumber_pages_per_s", "jobs2_speedup", "noop_reingest_10k_s", "peak_rss_mb_100k"):
        assert isinstance(report[k], (int, float)) and report[k] > 0, k
    for k, g in report["goals"].items():
        assert {"goal", "value", "met"} <= set(g), k
    assert report["scale"]["mode"] == "smoke" and "scaled down" in report["scale"]["warning"]
    # figures stated for 10,000 / 100,000 / 1,000,000 are not judged on a handful
    assert report["goals"]["noop_reingest_10k_s"]["met"] is None
    assert report["goals"]["peak_rss_mb_100k"]["met"] is None
    assert "errors" not in report["details"], report["details"].get("errors")
    assert "SMOKE" in run.stdout
