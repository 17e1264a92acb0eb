#!/usr/bin/env python3
"""Accuracy of congvan against the gold answers (``make eval``).

The sample dispatches are read into a temporary folder, one sub-folder per set so that each set
is scored on its own:

    seeds-txt   the seed dispatches as plain text     corpus/<stem>.txt          gold: tests/data/gold
    seeds-docx  the same seeds as Word files          tests/fixtures/<stem>.docx gold: tests/data/gold
    seeds-pdf   the same seeds as PDF files           tests/fixtures/<stem>.pdf  gold: tests/data/gold
    dev         the dispatches of 2025 (dev set)      corpus/<stem>.txt          gold: tests/data/dev/gold

Each set is scored by ``../shared/eval/score.py`` when it stands beside the repo, else by the
repo's copy ``tests/data/eval/score.py``. The result is one table (a row per field, a column per
set), a ``macro F1`` line per set, and then every change against the last committed baseline
``tests/eval_baseline.json`` ("+ dev task.deadlines 0.800 → 0.950", "- seeds-txt cc 1.000 →
0.970"). ``--update-baseline`` rewrites the baseline with the numbers of this run.

    python scripts/eval.py                    # all sets, compared with the baseline
    python scripts/eval.py --verbose          # and every miss, per set
    python scripts/eval.py --update-baseline  # accept this run as the new baseline
    python scripts/eval.py --sets dev --only 018_cv-5095

A format whose files are not there yet (e.g. no Word fixtures) is skipped with a note.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
REPO_SCORER = ROOT / "tests" / "data" / "eval" / "score.py"
SEED_GOLD = ROOT / "tests" / "data" / "gold"
DEV_GOLD = ROOT / "tests" / "data" / "dev" / "gold"
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
BASELINE = ROOT / "tests" / "eval_baseline.json"

# set name → (gold folder, where the file of a gold stem is, what a missing file means)
SETS = {
    "seeds-txt": (SEED_GOLD, lambda stem: CORPUS / f"{stem}.txt", "the seed texts in corpus/"),
    "seeds-docx": (SEED_GOLD, lambda stem: FIXTURES / f"{stem}.docx", "the Word fixtures tests/fixtures/<seed>.docx"),
    "seeds-pdf": (SEED_GOLD, lambda stem: FIXTURES / f"{stem}.pdf", "the PDF fixtures tests/fixtures/<seed>.pdf"),
    "dev": (DEV_GOLD, lambda stem: CORPUS / f"{stem}.txt", "the dev texts in corpus/"),
}
CHANGE_EPS = 5e-4          # values are shown with 3 decimals: smaller moves are not changes


# --- the scorer ----------------------------------------------------------------------------------
def scorer_path() -> Path:
    return SHARED_SCORER if SHARED_SCORER.is_file() else REPO_SCORER


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("congvan_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(scorer: Path, gold_dir: Path, records_dir: Path) -> tuple[list[dict], list[str]]:
    """Rows [{field, kind, value, counts}] and the misses, from the scorer as a module, or, if its
    interface is not the one expected, from its ``--json`` output."""
    try:
        module = _load_scorer(scorer)
        rows, misses = module.score(gold_dir, records_dir)
        return [{"field": k, "kind": kind, "value": v, "counts": n} for k, kind, v, n in rows], list(misses)
    except (AttributeError, TypeError, ValueError):
        pass
    out = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(records_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    body = out[:out.rindex("}") + 1]
    return [{"field": k, "kind": "", "value": v, "counts": ""} for k, v in json.loads(body).items()], []


def macro(rows: list[dict]) -> float | None:
    judged = [r["value"] for r in rows if r["value"] is not None]
    return sum(judged) / len(judged) if judged else None


# --- one set ---------------------------------------------------------------------------------------
def run_set(name: str, work: Path, scorer: Path, only: list[str]) -> dict:
    """Ingest the files of one set into ``work/<name>`` and score them."""
    from pipeline.ingest import ingest
    gold_dir, file_of, what = SETS[name]
    stems = sorted(p.stem for p in gold_dir.glob("*.json"))
    if only:
        stems = [s for s in stems if any(s.startswith(o) for o in only)]
    if not stems:
        return {"set": name, "skipped": f"no gold document matches {' '.join(only)}"}
    files = [file_of(s) for s in stems]
    present = [f for f in files if f.is_file()]
    missing = [f for f in files if not f.is_file()]
    if not present:
        return {"set": name, "skipped": f"none of {what} is there yet"}
    notes = []
    set_dir = work / name
    if missing or only:
        # score only the documents this set has: a gold folder of those stems alone
        sub_gold = set_dir / "gold"
        sub_gold.mkdir(parents=True, exist_ok=True)
        for f in present:
            shutil.copy(gold_dir / f"{f.stem}.json", sub_gold / f"{f.stem}.json")
        if missing:
            notes.append(f"{len(present)}/{len(files)} documents ({what}); missing: "
                         + ", ".join(f.name for f in missing))
        gold_dir = sub_gold
    t0 = time.perf_counter()
    summary = ingest(present, set_dir / "out", jobs=1, hooks=False)
    seconds = time.perf_counter() - t0
    failed = [f"{Path(o.path).name}: [{o.stage}] {o.vi} ({o.en})" for o in summary.failed]
    rows, misses = score_set(scorer, gold_dir, set_dir / "out" / "records")
    return {"set": name, "docs": len(present), "seconds": round(seconds, 3), "rows": rows,
            "macro_f1": macro(rows), "misses": misses, "failed": failed, "notes": notes}


# --- baseline --------------------------------------------------------------------------------------
def to_baseline(results: list[dict], scorer: Path) -> dict:
    sets = {}
    for r in results:
        if "rows" in r:
            sets[r["set"]] = {"docs": r["docs"], "macro_f1": _round(r["macro_f1"]),
                              "fields": {row["field"]: _round(row["value"]) for row in r["rows"]}}
    return {"about": "scores of scripts/eval.py; rewrite with `python scripts/eval.py --update-baseline`",
            "scorer": str(scorer.relative_to(ROOT) if scorer.is_relative_to(ROOT) else "../shared/eval/score.py"),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "sets": sets}


def _round(v):
    return None if v is None else round(float(v), 4)


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def compare(results: list[dict], baseline: dict) -> tuple[list[str], int, int]:
    """Every change against the baseline: ('+ dev cc 0.800 → 0.950', …), gains, losses."""
    lines, gains, losses = [], 0, 0
    base_sets = baseline.get("sets", {})
    for r in results:
        name = r["set"]
        base = base_sets.get(name)
        if "rows" not in r:
            if base:
                lines.append(f"? {name} not run now (baseline macro F1 {_fmt(base.get('macro_f1'))})")
            continue
        if base is None:
            lines.append(f"* {name} is new: macro F1 {_fmt(r['macro_f1'])}")
            continue
        if base.get("docs") != r["docs"]:
            lines.append(f"~ {name}: {r['docs']} documents now, {base.get('docs')} in the baseline")
        items = [(row["field"], base["fields"].get(row["field"]), row["value"]) for row in r["rows"]]
        items.append(("macro F1", base.get("macro_f1"), r["macro_f1"]))
        for field, b, c in items:
            if b is None and c is None:
                continue
            if b is None or c is None:
                lines.append(f"~ {name} {field} {_fmt(b)} → {_fmt(c)}")
            elif c - b > CHANGE_EPS:
                lines.append(f"+ {name} {field} {b:.3f} → {c:.3f}")
                gains += field != "macro F1"
            elif b - c > CHANGE_EPS:
                lines.append(f"- {name} {field} {b:.3f} → {c:.3f}")
                losses += field != "macro F1"
    return lines, gains, losses


# --- printing ---------------------------------------------------------------------------------------
def print_results(results: list[dict], scorer: Path, verbose: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    console = Console(highlight=False, soft_wrap=True)
    scored = [r for r in results if "rows" in r]
    shown_scorer = scorer.relative_to(ROOT) if scorer.is_relative_to(ROOT) else scorer
    if scored:
        table = Table(title=f"congvan eval — scorer {shown_scorer}")
        table.add_column("field")
        for r in scored:
            table.add_column(f"{r['set']}\n({r['docs']} docs)", justify="right")
        fields = list(dict.fromkeys(row["field"] for r in scored for row in r["rows"]))
        for field in fields:
            cells = []
            for r in scored:
                row = next((x for x in r["rows"] if x["field"] == field), None)
                v = None if row is None else row["value"]
                cell = _fmt(v)
                if verbose and row is not None and row["counts"]:
                    cell += f" [dim]{row['counts']}[/dim]"
                cells.append(f"[dim]{cell}[/dim]" if v is None else cell)
            table.add_row(field, *cells)
        table.add_section()
        table.add_row("[bold]macro F1[/bold]", *[f"[bold]{_fmt(r['macro_f1'])}[/bold]" for r in scored])
        console.print(table)
    for r in results:
        if "rows" not in r:
            console.print(f"{r['set']}: skipped — {r['skipped']}")
            continue
        console.print(f"macro F1 {r['set']}: {_fmt(r['macro_f1'])}  ({r['docs']} documents, {r['seconds']:.2f} s)")
        for n in r["notes"]:
            console.print(f"  note: {n}")
        for f in r["failed"]:
            console.print(f"  [red]failed[/red] {f}")
    if verbose:
        for r in scored:
            if r["misses"]:
                console.print(f"\n[bold]{r['set']}[/bold]: {len(r['misses'])} misses")
                for m in r["misses"]:
                    console.print(f"  miss: {m}", markup=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score congvan on the seed and dev sets against the gold answers.")
    ap.add_argument("--sets", default=",".join(SETS),
                    help=f"comma-separated sets to run (default: all of {', '.join(SETS)})")
    ap.add_argument("--only", nargs="*", default=[], metavar="STEM",
                    help="score only the gold documents whose stem starts with one of these")
    ap.add_argument("--update-baseline", action="store_true", help=f"write this run's scores to {BASELINE.relative_to(ROOT)}")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="baseline file to compare with (and to update)")
    ap.add_argument("--verbose", "-v", action="store_true", help="counts in the table and every miss")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON to FILE")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="keep the records in DIR instead of a temporary folder")
    args = ap.parse_args(argv)

    names = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    if args.update_baseline and (args.only or set(names) != set(SETS)):
        ap.error("--update-baseline needs every set and every document (no --sets/--only)")
    scorer = scorer_path()

    if args.keep:
        if args.keep.exists():
            shutil.rmtree(args.keep)
        args.keep.mkdir(parents=True)
        work, cleanup = args.keep, None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="congvan-eval-")
        work = Path(cleanup.name)
    try:
        results = [run_set(name, work, scorer, args.only) for name in names]
    finally:
        if cleanup is not None:
            cleanup.cleanup()

    print_results(results, scorer, args.verbose)

    if args.only:
        print("\n(no comparison with the baseline: only part of the gold was scored)")
    elif args.baseline.is_file():
        baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
        lines, gains, losses = compare([r for r in results if r["set"] in names], baseline)
        shown = args.baseline.relative_to(ROOT) if args.baseline.is_relative_to(ROOT) else args.baseline
        print(f"\nagainst {shown} ({baseline.get('date', '?')}): {gains} gains, {losses} losses")
        for line in lines:
            print(line)
        if not lines:
            print("no change")
    else:
        print(f"\nno baseline yet ({args.baseline}); write one with --update-baseline")

    if args.update_baseline:
        data = to_baseline(results, scorer)
        args.baseline.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"baseline written: {args.baseline}")
    if args.json:
        args.json.write_text(json.dumps({"scorer": str(scorer), "results": results}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
