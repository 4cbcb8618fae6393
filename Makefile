# Coachsim: `make run` starts the app, `make test` runs lint, types and every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check lint types unit browser-deps bench eval clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Coachsim needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml $(wildcard app/rubric/*.c app/rubric/*.h) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(wildcard app/rubric/*.c app/rubric/*.h) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run  ## Start the app on http://127.0.0.1:8000
	$(BIN)/coachsim serve

test: $(VENV)/.installed-dev browser-deps check  ## Lint, types and the whole test suite

check: lint types unit

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

types: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev
	$(BIN)/pytest

browser-deps:  ## Debian's chromium for the browser tests (Playwright can't download one here)
	@scripts/ensure-chromium.sh

bench: $(VENV)/.installed-dev  ## Speed benchmarks; results go to docs/benchmarks.md
	$(BIN)/python -m bench

eval: $(VENV)/.installed-dev  ## Tagger accuracy on the labelled development set
	$(BIN)/coachsim eval --split all

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
