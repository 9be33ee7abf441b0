# ledger — run `make help` for the targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := sqlite:///.ledger/demo.db

.DEFAULT_GOAL := help
.PHONY: help install demo test test-setup lint bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q ledger >/dev/null  # start-up: bytecode even where PYTHONDONTWRITEBYTECODE is set
	touch $(STAMP)

install: $(STAMP) ## create .venv and install ledger with its dev tools

demo: install ## load the seed KB, ingest the seed articles, check them (embedded SQLite)
	rm -f .ledger/demo.db .ledger/demo.db-wal .ledger/demo.db-shm
	$(BIN)/ledger --db $(DEMO_DB) kb load seeds/kb
	$(BIN)/ledger --db $(DEMO_DB) ingest seeds/articles
	$(BIN)/ledger --db $(DEMO_DB) check; status=$$?; [ $$status -le 1 ]

test-setup: ## install chromium for the report's browser test when missing (needs root; else that test is skipped)
	@command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y chromium) \
	  || echo "make: chromium could not be installed (not root?): the browser test will be skipped"

test: install test-setup ## run the test suite (also on PostgreSQL when LEDGER_TEST_POSTGRES_URL is set)
	$(BIN)/python -m pytest

lint: install ## ruff and mypy
	$(BIN)/ruff check ledger tests bench
	$(BIN)/mypy ledger

bench: install ## benchmarks with their baselines (installs the optional bench extra)
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python -m compileall -q ledger >/dev/null  # bytecode of the sources as they are now, as an install has
	$(BIN)/python -m bench

clean: ## remove the environment and local ledgers
	rm -rf $(VENV) .ledger build dist *.egg-info
