"""Legacy Word 97-2003 .doc: converted with LibreOffice when installed, a clear error otherwise."""
import shutil

import pytest

from conftest import FIXTURES
from pipeline.model import ReadError
from pipeline.read import read

DOC = FIXTURES / "legacy" / "cong-van-978.doc"


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_a_real_doc_is_converted_and_read():
    doc = read(DOC)
    assert doc.format == "docx" and doc.path == str(DOC)
    assert "Số: 978 /UBND-VP" in doc.text
    assert "Đặng Trọng Vân" in doc.text
    assert any("LibreOffice" in w for w in doc.warnings)


def test_without_libreoffice_the_error_says_what_to_do(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as e:
        read(DOC)
    assert "LibreOffice" in e.value.vi and ".docx" in e.value.vi
    assert "LibreOffice" in e.value.en


def test_a_doc_that_is_not_a_word_file(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/soffice")
    bad = tmp_path / "x.doc"
    bad.write_bytes(b"plain text pretending")
    with pytest.raises(ReadError) as e:
        read(bad)
    assert "Word 97-2003" in e.value.vi
