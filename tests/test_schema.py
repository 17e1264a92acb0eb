"""The schema: a valid 2020-12 schema, and a validator that names what is wrong."""
import copy
import json

import pytest
from jsonschema import Draft202012Validator

from conftest import CORPUS
from pipeline.read import read
from pipeline.record import build_record
from pipeline.schema import SCHEMA_PATH, InvalidRecord, validate


def test_the_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_both_validators_agree_on_a_real_record():
    rec = build_record(read(CORPUS / "006_kh-0129-ubnd-daklak-nhu-yeu-pham-mua-lu.txt"))
    validate(rec)
    assert not list(Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).iter_errors(rec))


@pytest.mark.parametrize("path,value,where", [
    (("urgency",), "rất khẩn", "urgency"),
    (("issued_date",), "14/8/2020", "issued_date"),
    (("tasks", 1, "deadlines", 0, "time"), "25:99", "tasks/1/deadlines/0/time"),
    (("issuer", "level"), "ward", "issuer/level"),
])
def test_an_invalid_record_says_where(path, value, where):
    rec = copy.deepcopy(build_record(read(CORPUS / "001_741c13397cfce331.txt")))
    node = rec
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    with pytest.raises(InvalidRecord) as e:
        validate(rec)
    assert any(err.startswith(where + ":") for err in e.value.errors), e.value.errors
