"""Parties of a dispatch: recipients (Kính gửi), distribution list (Nơi nhận), signer."""
from __future__ import annotations

from extractors.base import Found


def extract_recipients(t) -> list[Found]:
    return []


def extract_cc(t) -> list[Found]:
    return []


def extract_signer(t) -> Found | None:
    """value: {name, title, authority, titles}"""
    return None
