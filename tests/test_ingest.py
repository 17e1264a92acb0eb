"""Ingest: a folder of dispatches in, one validated record per document out; nothing lost."""
import json
import shutil

from conftest import CORPUS
from pipeline.cli import main
from pipeline.files import Busy, OutputLock
from pipeline.ingest import ingest
from pipeline.schema import validate

SEED = CORPUS / "001_741c13397cfce331.txt"
OTHER = CORPUS / "003_28dd24433e409403.txt"


def test_records_are_written_and_valid(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    summary = ingest([src], tmp_path / "out")
    assert [o.status for o in summary.outcomes] == ["new"]
    rec = json.loads((tmp_path / "out/records/001_741c13397cfce331.json").read_text(encoding="utf-8"))
    validate(rec)
    assert rec["source"]["path"].endswith("001_741c13397cfce331.txt")
    assert len(rec["source"]["sha256"]) == 64
    # Vietnamese stays Vietnamese in the file
    assert "Đặng Trọng Vân" in (tmp_path / "out/records/001_741c13397cfce331.json").read_text(encoding="utf-8")


def test_unchanged_files_are_skipped_and_changed_ones_redone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    shutil.copy(OTHER, src)
    out = tmp_path / "out"
    ingest([src], out)
    again = ingest([src], out)
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
    (src / OTHER.name).write_text(OTHER.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = ingest([src], out)
    assert sorted(o.status for o in third.outcomes) == ["unchanged", "updated"]


def test_a_broken_file_costs_no_other(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    (src / "empty.txt").write_bytes(b"")
    (src / "garbage.docx").write_bytes(b"\x00\x01 not a zip")
    (src / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    out = tmp_path / "out"
    summary = ingest([src], out)
    status = {o.path.rsplit("/", 1)[1]: o.status for o in summary.outcomes}
    assert status["001_741c13397cfce331.txt"] == "new"
    assert status["empty.txt"] == status["garbage.docx"] == status["old.doc"] == "failed"
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["file"].rsplit("/", 1)[1] for e in errors} == {"empty.txt", "garbage.docx", "old.doc"}
    assert all(e["reason_vi"] and e["reason_en"] and e["stage"] and e["time"] for e in errors)
    assert (out / "records/001_741c13397cfce331.json").exists()
    assert not (out / "records/empty.json").exists()


def test_the_same_document_twice_is_one_record(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED, src / "b.txt")
    out = tmp_path / "out"
    summary = ingest([src], out)
    assert sorted(o.status for o in summary.outcomes) == ["duplicate", "new"]
    records = list((out / "records").glob("*.json"))
    assert len(records) == 1
    rec = json.loads(records[0].read_text(encoding="utf-8"))
    assert rec["source"]["also"] == [str(src / "b.txt")]


def test_a_second_ingest_is_told_to_wait(tmp_path, capsys):
    out = tmp_path / "out"
    with OutputLock(out):
        try:
            with OutputLock(out):
                raise AssertionError("the lock was taken twice")
        except Busy:
            pass
        assert main(["ingest", str(SEED), "--out", str(out)]) == 75
    assert "đang chạy" in capsys.readouterr().out


def test_cli_exit_codes_and_show(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    out = tmp_path / "out"
    assert main(["ingest", str(src), "--out", str(out)]) == 0
    (src / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "tệp rỗng" in err and "Traceback" not in err
    assert main(["show", str(src / "001_741c13397cfce331.txt"), "--dir", str(out), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["source"]["path"].endswith("001_741c13397cfce331.txt")
    assert main(["show", str(tmp_path / "nope.txt"), "--dir", str(out)]) == 2


def test_an_unchanged_reingest_leaves_graph_and_tracker_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    out = tmp_path / "out"
    ingest([src], out)
    stamps = {name: (out / name).stat().st_mtime_ns for name in ("lineage.json", "congvan.db")}
    ingest([src], out)
    assert {name: (out / name).stat().st_mtime_ns for name in stamps} == stamps
    (out / "lineage.json").unlink()                 # a missing output is rebuilt
    ingest([src], out)
    assert (out / "lineage.json").exists()
