# congvan — two commands: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test setup eval bench fixtures clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/congvan ingest corpus --out outputs

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python scripts/eval.py

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf outputs/records outputs/*.json outputs/*.db outputs/*.graphml outputs/*.jsonl
