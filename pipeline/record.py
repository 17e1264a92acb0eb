"""Stage 3, extract: one Document → one record (a plain dict that the JSON Schema validates).

The record is built here and only here, from what the extractors return. Extractors speak in
offsets of the normalized text; every span is mapped back to the original ``Document.text``,
which the record keeps as ``text`` so that each value can be shown where it stands.
"""
from __future__ import annotations

import hashlib
from typing import Any

from extractors.base import Found
from extractors.header import extract_header
from extractors.parties import extract_cc, extract_recipients, extract_signer
from extractors.references import extract_references
from extractors.tasks import extract_tasks
from pipeline.model import Document
from pipeline.normalize import Text, normalize

SCHEMA_VERSION = "1"
HEADER_FIELDS = ("doc_type", "doc_type_code", "number", "symbol", "issued_date", "place",
                 "subject", "urgency", "secrecy", "parent")


def _map_spans(obj: Any, t: Text) -> Any:
    """Copy ``obj`` with every ``span`` (normalized offsets) mapped to the original text."""
    if isinstance(obj, Found):
        obj = {**obj.value, "span": [obj.start, obj.end]} if isinstance(obj.value, dict) \
            else {"text": obj.value, "span": [obj.start, obj.end]}
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k == "span" and isinstance(v, (list, tuple)) and len(v) == 2:
                out[k] = list(t.raw_span(int(v[0]), int(v[1])))
            else:
                out[k] = _map_spans(v, t)
        return out
    if isinstance(obj, (list, tuple)):
        return [_map_spans(v, t) for v in obj]
    return obj


def source_info(doc: Document, sha256: str | None = None) -> dict:
    info = {"path": doc.path, "format": doc.format}
    if sha256:
        info["sha256"] = sha256
    if doc.pages is not None:
        info["pages"] = doc.pages
    if doc.encoding:
        info["encoding"] = doc.encoding
    if doc.needs_ocr:
        info["needs_ocr"] = list(doc.needs_ocr)
    return info


def build_record(doc: Document, sha256: str | None = None) -> dict:
    """Read every field of ``doc`` into a record."""
    raw = doc.text
    t = normalize(raw)
    header = extract_header(t)
    record: dict[str, Any] = {"schema_version": SCHEMA_VERSION,
                              "source": source_info(doc, sha256 or hashlib.sha256(raw.encode()).hexdigest())}
    spans: dict[str, list[int]] = {}
    for field in HEADER_FIELDS:
        f = header.get(field)
        record[field] = f.value if f is not None else None
        if f is not None:
            spans[field] = list(t.raw_span(f.start, f.end))
    issuer = header.get("issuer")
    record["issuer"] = dict(issuer.value) if issuer is not None else None
    if issuer is not None:
        spans["issuer"] = list(t.raw_span(issuer.start, issuer.end))
    signer = extract_signer(t)
    record["signer"] = dict(signer.value) if signer is not None else None
    if signer is not None:
        spans["signer"] = list(t.raw_span(signer.start, signer.end))
    record["recipients"] = _map_spans(extract_recipients(t), t)
    record["cc"] = _map_spans(extract_cc(t), t)
    ctx = {k: record.get(k) for k in ("doc_type", "number", "symbol", "issued_date", "place", "issuer")}
    record["references"] = _map_spans(extract_references(t, ctx), t)
    record["tasks"] = _map_spans(extract_tasks(t, ctx), t)
    record["spans"] = spans
    record["warnings"] = list(doc.warnings)
    record["text"] = raw
    return record


def doc_identity(record: dict) -> tuple | None:
    """(issuer, year, number, symbol): one document, however many files carry it."""
    from extractors.base import fold
    if not record.get("symbol") or not record.get("number"):
        return None
    issuer = fold((record.get("issuer") or {}).get("name"))
    year = (record.get("issued_date") or "")[:4]
    number = record["number"].lstrip("0") or "0"
    return (issuer, year, number, fold(record["symbol"]))
