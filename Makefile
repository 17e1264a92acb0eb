# congvan — two commands: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test setup tools eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Graphviz draws the lineage graphs (congvan lineage --format svg); installed when missing.
tools:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -qq graphviz >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq graphviz >/dev/null)) \
	      || echo "Không cài được Graphviz; 'congvan lineage --format svg' sẽ không vẽ được (could not install Graphviz)"; \
	  else echo "Cần Graphviz để vẽ sơ đồ: sudo apt-get install graphviz (Graphviz is needed for SVG/PNG drawings)"; fi; }

run: setup tools
	$(BIN)/congvan ingest corpus --out outputs

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python scripts/eval.py

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf outputs/records outputs/*.json outputs/*.db outputs/*.graphml outputs/*.jsonl
