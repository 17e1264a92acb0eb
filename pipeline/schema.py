"""Stage 4, validate: every record is checked against schemas/dispatch.schema.json before it is
written. A record that fails is an error of its file, never written half."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "dispatch.schema.json"


class InvalidRecord(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(record: dict) -> None:
    """Raise InvalidRecord listing every violation (path: message)."""
    errors = sorted(validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    if errors:
        raise InvalidRecord([f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
                             for e in errors[:20]])
