# Two promises of the README: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-memory fuzz lint-code bench schema images clean

# Mermaid's own parser for the tests of report and export (pinned in tests/mermaid).
MERMAID := tests/mermaid/node_modules/.package-lock.json

setup: $(STAMP) $(MERMAID)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	./scripts/ensure-graphviz.sh
	touch $(STAMP)

$(MERMAID): tests/mermaid/package.json tests/mermaid/package-lock.json
	npm ci --prefix tests/mermaid --no-audit --no-fund
	touch $(MERMAID)

## Validate and lint the bundled example maps.
demo: $(STAMP)
	$(BIN)/journeyctl validate examples/
	$(BIN)/journeyctl lint examples/ --fail-on never --today 2026-11-27

## The test suite, with a modest fuzz run (HYPOTHESIS_PROFILE=ci).
test: setup
	$(BIN)/python -m pytest

## The longest peak-memory measurements (the largest limits, every format); CI runs them too.
test-memory: setup
	$(BIN)/python -m pytest -m memory_largest tests/load/test_memory_bound.py -p no:cacheprovider

## A long fuzz run (20,000+ inputs per target); not part of `make test`.
fuzz: setup
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -m slow tests/fuzz -p no:cacheprovider

lint-code: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

schema: setup
	$(BIN)/journeyctl schema -o schemas/journey-map.schema.json

## The rendered example in docs/ (needs Graphviz's dot).
images: setup
	$(BIN)/journeyctl render examples/acme-analytics-b2b.journey.yaml -o docs/images/acme-analytics-b2b.png
	$(BIN)/python scripts/draw-acme-changes.py

clean:
	rm -rf $(VENV) tests/mermaid/node_modules build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
