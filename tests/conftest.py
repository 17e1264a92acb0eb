from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = ROOT / "tests" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = [CORPUS / (g.stem + ".txt") for g in sorted((DATA / "gold").glob("*.json"))]
DEV = [CORPUS / (g.stem + ".txt") for g in sorted((DATA / "dev" / "gold").glob("*.json"))]


@pytest.fixture
def corpus():
    return CORPUS


def corpus_text(name: str) -> str:
    """The normalized text of a corpus file (by name or unique prefix)."""
    from pipeline.normalize import normalize
    from pipeline.read import read
    matches = sorted(CORPUS.glob(name + "*"))
    assert matches, name
    return normalize(read(matches[0]).text)
