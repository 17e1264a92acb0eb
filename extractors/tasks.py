"""Tasks: segmentation, assignees, delegates, report_to, with deadlines and targets."""
from __future__ import annotations


def extract_tasks(t, ctx: dict) -> list[dict]:
    """Task dicts: {id, parent, text, span, assignees, delegates, deadlines, targets, report_to}."""
    return []
