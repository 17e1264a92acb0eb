"""Property-based tests: no extractor or reader raises on any input, every span stays inside
its text, and every record is valid against the schema."""
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, DEV, SEEDS
from extractors.deadlines import extract_deadlines
from extractors.header import extract_header
from extractors.parties import extract_cc, extract_recipients, extract_signer
from extractors.references import extract_references
from extractors.targets import extract_targets
from extractors.tasks import extract_tasks
from pipeline.model import Block, Document, ReadError
from pipeline.normalize import normalize
from pipeline.record import build_record
from pipeline.schema import validate

REAL = [p.read_text(encoding="utf-8") for p in SEEDS + DEV]
# words and marks that dispatches are made of, so that generated text reaches the rules
VOCAB = sorted({w for text in REAL for w in text.split()} | {"\n", "\n\n", "- ", "1.", "a)", "Số:", "/", "**", "ngày"})

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("ci")

vietnamese_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(VOCAB), max_size=300).map(" ".join),
    st.builds(lambda i, a, b: REAL[i % len(REAL)][min(a, b):max(a, b)],
              st.integers(0, 100), st.integers(0, 20000), st.integers(0, 20000)),
)
CTX = {"doc_type": "Công văn", "number": "978", "symbol": "UBND-VP", "issued_date": "2020-08-14",
       "place": "Hướng Hóa", "issuer": {"name": "Ủy ban nhân dân huyện Hướng Hóa", "level": "district",
                                         "province": "Quảng Trị", "district": "Hướng Hóa"}}


def spans_inside(obj, n):
    if isinstance(obj, dict):
        if "span" in obj:
            a, b = obj["span"]
            assert 0 <= a <= b <= n, (obj, n)
        for v in obj.values():
            spans_inside(v, n)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            spans_inside(v, n)


def found_inside(found, n):
    items = found.values() if isinstance(found, dict) else (found if isinstance(found, list) else [found])
    for f in items:
        if f is not None:
            assert 0 <= f.start <= f.end <= n, (f, n)


@given(vietnamese_text)
def test_normalize_maps_every_character_back(raw):
    t = normalize(raw)
    assert len(t._map) == len(t.text)
    for i in range(0, len(t.text), 7):
        a, b = t.raw_span(i, i + 1)
        assert 0 <= a < b <= len(raw)


@given(vietnamese_text)
def test_extractors_never_raise_and_keep_spans_inside(raw):
    t = normalize(raw)
    n = len(t.text)
    found_inside(extract_header(t), n)
    found_inside(extract_recipients(t), n)
    found_inside(extract_cc(t), n)
    found_inside(extract_signer(t), n)
    found_inside(extract_references(t, CTX), n)
    spans_inside(extract_tasks(t, CTX), n)
    found_inside(extract_deadlines(t.text, "2020-08-14"), n)
    found_inside(extract_targets(t.text), n)


@given(vietnamese_text)
def test_records_are_always_valid(raw):
    record = build_record(Document("fuzz.txt", "txt", [Block(raw)]))
    validate(record)
    spans_inside(record, len(record["text"]))


@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_readers_raise_only_read_errors(tmp_path_factory, data, suffix):
    from pipeline.read import read
    p = tmp_path_factory.mktemp("fuzz") / ("f" + suffix)
    p.write_bytes(data)
    try:
        doc = read(p)
    except ReadError as e:
        assert e.vi and e.en
    else:
        assert isinstance(doc.text, str)


def test_mutilated_real_files_fail_cleanly(tmp_path):
    """Real .pdf bytes cut short or with bytes flipped: a ReadError, or a document."""
    from pipeline.read import read
    rng = random.Random(7)
    for src in sorted(CORPUS.glob("*.pdf"))[:3]:
        data = bytearray(src.read_bytes())
        for k, mutate in enumerate((lambda d: d[: len(d) // 3],
                                    lambda d: bytes(b ^ 0xFF if rng.random() < 0.01 else b for b in d))):
            p = tmp_path / f"{src.stem}-{k}.pdf"
            p.write_bytes(bytes(mutate(data)))
            try:
                read(p)
            except ReadError as e:
                assert e.vi
