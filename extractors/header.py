"""Header of a dispatch: type, number and symbol, date and place, issuer, subject, urgency."""
from __future__ import annotations

from extractors.base import Found


def extract_header(t) -> dict[str, Found | None]:
    """Fields: doc_type, doc_type_code, number, symbol, issued_date, place, issuer, parent,
    subject, urgency, secrecy. ``issuer`` is a Found whose value is a dict
    {name, level, province, district}."""
    return {}
