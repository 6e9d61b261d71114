# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint golden bench sysdeps clean

$(STAMP): pyproject.toml
	@PYTHON=$(PYTHON) bash scripts/sysdeps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## The main job: the wizard (or, without a terminal, score the examples).
run: $(STAMP)
	@if [ -t 0 ]; then $(BIN)/gpcheck assess; else $(BIN)/gpcheck score examples/; fi

## Lint and the whole test suite.
test: $(STAMP)
	@bash scripts/sysdeps.sh poppler-utils chromium chromium-driver
	$(BIN)/ruff check gpcheck tests benchmarks
	$(BIN)/ruff format --check gpcheck tests benchmarks
	$(BIN)/python -m pytest -q

## Regenerate the golden files after an intended change of the rendered output.
golden: $(STAMP)
	GPCHECK_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests -k golden

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_score.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_workshop.py
	$(BIN)/python benchmarks/bench_serve.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
