"""Bad input: one broken file never costs another, and the user reads why, not a traceback."""
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

from conftest import CORPUS, FIXTURES, ROOT, SEEDS
from pipeline import ingest as ing
from pipeline.ingest import Ingest, ingest

GOOD = SEEDS[1]                                   # 978/UBND-VP, Hướng Hóa


def bad_batch(folder):
    """The files an office really receives beside a good dispatch."""
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    (folder / "random.docx").write_bytes(os.urandom(4096))
    docx = (FIXTURES / f"{GOOD.stem}.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (8 << 20) + b"</w:document>")
    (folder / "bomb.docx").write_bytes(bomb.getvalue())
    shutil.copy(FIXTURES / "pdf" / "encrypted.pdf", folder / "encrypted.pdf")
    shutil.copy(FIXTURES / "pdf" / "image_only.pdf", folder / "scan.pdf")
    shutil.copy(CORPUS / "nghi-dinh-so-133-2026-nd-cp-469331.pdf", folder / "huge.pdf")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048))
    (folder / "unknown.txt").write_bytes(bytes(range(128, 256)) * 4 + b"\x00\x81")
    return folder


def test_a_batch_of_bad_files_beside_a_good_dispatch(tmp_path):
    src = bad_batch(tmp_path / "in")
    out = tmp_path / "out"
    env = {**os.environ, "CONGVAN_SETTLE_S": "0", "CONGVAN_MAX_PDF_PAGES": "2",
           "CONGVAN_MAX_DOCX_BYTES": str(4 << 20)}
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(src), "--out", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    rec = json.loads((out / "records" / "good.json").read_text(encoding="utf-8"))
    assert (rec["number"], rec["symbol"]) == ("978", "UBND-VP")
    assert sorted(p.name for p in (out / "records").glob("*.json")) == ["good.json"]
    errors = {json.loads(line)["file"].rsplit("/", 1)[1]: json.loads(line)
              for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()}
    bad = {"empty.txt", "random.pdf", "random.docx", "truncated.docx", "bomb.docx", "encrypted.pdf",
           "scan.pdf", "huge.pdf", "old.doc", "unknown.txt"}
    assert set(errors) == bad
    for name, e in errors.items():
        assert e["stage"] and e["reason_vi"] and e["reason_en"] and e["time"], e
        assert name in run.stderr                      # a readable line on the terminal too
    assert "OCR" in errors["scan.pdf"]["reason_vi"]
    assert "mã hóa" in errors["encrypted.pdf"]["reason_vi"] or "mật khẩu" in errors["encrypted.pdf"]["reason_vi"]
    assert "rỗng" in errors["empty.txt"]["reason_vi"]
    assert "bảng mã" in errors["unknown.txt"]["reason_vi"]


def test_a_failed_file_is_retried_when_its_content_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(ing, "SETTLE_S", 0)
    src = tmp_path / "in"
    src.mkdir()
    (src / "later.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert [o.status for o in ingest([src], out, hooks=False).outcomes] == ["failed"]
    # unchanged: still reported as failed, without being read again
    again = ingest([src], out, hooks=False).outcomes
    assert [o.status for o in again] == ["failed"] and "rỗng" in again[0].vi
    shutil.copy(GOOD, src / "later.txt")
    assert [o.status for o in ingest([src], out, hooks=False).outcomes] == ["new"]


def test_a_file_that_vanishes_or_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ing, "SETTLE_S", 0)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GOOD, src / "good.txt")
    shutil.copy(GOOD, src / "locked.txt")
    real = ing.sha256_file

    def guarded(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(ing, "sha256_file", guarded)
    job = Ingest(tmp_path / "out")
    summary = job.run([src / "good.txt", src / "gone.txt", src / "locked.txt"])
    status = {o.path.rsplit("/", 1)[1]: (o.status, o.vi) for o in summary.outcomes}
    assert status["good.txt"][0] == "new"
    assert status["gone.txt"] == ("failed", "không tìm thấy tệp")
    assert status["locked.txt"] == ("failed", "không có quyền đọc tệp")
    # a file removed between planning and reading
    (src / "late.txt").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = ing.process_file(str(src / "nowhere.txt"), "0" * 64)
    assert outcome.status == "failed" and outcome.vi
