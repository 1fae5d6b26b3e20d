# Two commands matter: `make demo` and `make test`. Both set themselves up in .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: $(STAMP)
	$(BIN)/teiwright build --out out

test: $(STAMP)
	@bash scripts/ensure-chromium
	@bash scripts/ensure-jing
	$(BIN)/ruff check src tests
	$(BIN)/mypy src
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
