"""References to other documents, resolved to one identity, with their relation."""
from __future__ import annotations

from extractors.base import Found


def extract_references(t, ctx: dict) -> list[Found]:
    """value: {text, doc_type, number, symbol, date, issuer, relation, trigger}"""
    return []
