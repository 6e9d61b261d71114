# Two commands do all the set-up: `make run` and `make test`. `make install` puts `gpcheck`
# on your PATH for everyday use (pipx).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint golden bench sysdeps clean

# Python 3.11 or newer, checked before anything is made: one clear line when not.
ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),run)),)
  PYTHON_PROBLEM := $(shell bash scripts/check-python.sh $(PYTHON) 2>&1)
  ifneq ($(PYTHON_PROBLEM),)
    $(error $(PYTHON_PROBLEM))
  endif
endif

# A .venv whose Python is older than 3.11 (or gone) is made anew, not kept forever.
ifneq ($(shell $(BIN)/python -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null),True)
  $(shell rm -f $(STAMP))
endif

$(STAMP): pyproject.toml
	@PYTHON=$(PYTHON) bash scripts/sysdeps.sh
	@if [ -e $(VENV) ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
	  echo "make: $(VENV) was made by an unusable or too old Python; making it anew"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## The main job: the wizard (or, without a terminal, score the examples). Ctrl-C keeps every
## answer and ends quietly.
run: $(STAMP)
	@bash scripts/run.sh $(BIN)

## Lint and the whole test suite.
test: $(STAMP)
	@bash scripts/sysdeps.sh poppler-utils chromium chromium-driver
	$(BIN)/ruff check gpcheck tests benchmarks
	$(BIN)/ruff format --check gpcheck tests benchmarks
	$(BIN)/python -m pytest -q

## `gpcheck` on your PATH: pipx install of this checkout (pipx from Debian's package or pip).
install:
	@bash scripts/install.sh $(PYTHON)

## Regenerate the golden files after an intended change of the rendered output.
golden: $(STAMP)
	GPCHECK_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q tests -k golden

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_score.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_workshop.py
	$(BIN)/python benchmarks/bench_serve.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
