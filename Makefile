# Det rummelige bibliotek. Quick start: `make site`, then `make test`.
# Needs only Python >= 3.11 and make; everything else is installed into .venv from
# pinned, hashed requirements (requirements/*.txt, compiled from requirements/*.in).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The engine: mkdocs (MkDocs 1.6) or properdocs (its maintained fork); both read mkdocs.yml.
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# One library's edition: `make site LIBRARY=dokk1` (also offline and serve); empty = national.
LIBRARY ?= $(RUMMELIG_LIBRARY)
export RUMMELIG_LIBRARY := $(LIBRARY)
# What ruff checks, in `make test` and `make lint` alike.
LINT_PATHS := rummelig hooks tests bench
# `make test` runs the suite in two pytest-xdist workers, one file per worker at a time
# (`--dist loadfile`, so a module's built site is made once): the search ranking test alone is
# ~6 minutes of browser work, and the rest runs beside it on the second core. 1,204 tests:
# 1,001 s in one process, 505 s in two on the same 2-core machine. `make test TEST_WORKERS=0`
# runs them in one process (pytest's own -s output then shows).
TEST_WORKERS ?= 2

.PHONY: site check serve test lint lock clean bench offline _site _offline

$(VENV)/.site-installed: requirements/site.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 eller nyere kræves")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# The core's compiled bytecode, made again whenever one of its sources changes. pip compiles every
# package it installs, but not an editable one (ours), and this Makefile tells Python not to write
# bytecode as it imports: without this step every command compiled ~80 modules again, 0.1–0.15 s
# of each `rummelig check` (docs-dev/performance.md, fourth pass).
CORE_SOURCES := $(shell find rummelig hooks -name '*.py' 2>/dev/null)
$(VENV)/.compiled: $(VENV)/.site-installed $(CORE_SOURCES)
	@$(BIN)/python -m compileall -q rummelig hooks
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.txt
	@touch $@

## site: set up, check the content, build into site/ (replaced only when the build succeeds);
## LIBRARY=<id> builds that library's edition (docs-dev/drift.md)
## One build at a time: a second `make site` or `make offline` in the same folder waits (rummelig/buildlock.py).
site: $(VENV)/.compiled
	@$(BIN)/python -m rummelig.buildlock $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) _site

_site:
	$(BIN)/rummelig check
	rm -rf .site-build
	@# No --quiet: it drops warnings before strict mode counts them (broken links would pass).
	$(BIN)/$(ENGINE) build -f mkdocs.yml --site-dir .site-build || { rm -rf .site-build; exit 1; }
	rm -rf .site-old && if [ -d site ]; then mv site .site-old; fi && mv .site-build site && rm -rf .site-old
	@# Not "open site/index.html": from disk a browser shows folder listings instead of pages, and no search.
	@echo "Siden er bygget i $(CURDIR)/site/ – det er den mappe, der lægges på en webserver."
	@echo "Se siden: kør 'make serve', og gå til http://127.0.0.1:8000/ (den opdateres, når du retter indholdet),"
	@echo "eller kør 'make offline' for en kopi med søgning, der virker fra et fildrev."

## offline: a copy that works opened from a file share (file://), search included:
## dist/det-rummelige-bibliotek/ and dist/det-rummelige-bibliotek.zip (docs-dev/drift.md)
OFFLINE_NAME := det-rummelige-bibliotek$(if $(LIBRARY),-$(LIBRARY))
OFFLINE := dist/$(OFFLINE_NAME)
offline: $(VENV)/.compiled
	@$(BIN)/python -m rummelig.buildlock $(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) _offline

_offline:
	$(BIN)/rummelig check
	rm -rf $(OFFLINE) $(OFFLINE).zip
	@# No --quiet, as in `site`: it drops warnings before strict mode counts them.
	RUMMELIG_OFFLINE=true $(BIN)/$(ENGINE) build -f mkdocs.yml --site-dir $(OFFLINE) || { rm -rf $(OFFLINE); exit 1; }
	$(BIN)/python -m zipfile -c $(OFFLINE).zip $(OFFLINE)/
	@echo "Offline-kopien ligger i $(CURDIR)/$(OFFLINE) (åbn index.html) og som $(CURDIR)/$(OFFLINE).zip"

## check: validate all content (same messages as the build)
check: $(VENV)/.compiled
	$(BIN)/rummelig check

## serve: live preview on http://127.0.0.1:8000/ that rebuilds on every edit; --dirty: only the
## pages an edit changes are built again (rummelig/preview.py, docs-dev/performance.md)
## The check first, as in `site`: content errors or a LIBRARY that names no library stop here, in
## Danish, before MkDocs starts (its first build would stop on them in English).
SERVE_ADDR ?= 127.0.0.1:8000
serve: $(VENV)/.compiled
	$(BIN)/rummelig check
	$(BIN)/$(ENGINE) serve -f mkdocs.yml --dirty --dev-addr $(SERVE_ADDR)

## test: set up, lint, type-check, then run the whole test suite (browser tests included)
test: $(VENV)/.test-installed $(VENV)/.compiled
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## lint: ruff and the type checker (mypy, strict on rummelig/: [tool.mypy] in pyproject.toml), as in `make test`
lint: $(VENV)/.test-installed
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy

## bench: national-scale corpus at 1× and 2×: check, build and a no-hooks baseline, against the
## budget (docs-dev/performance.md); writes bench/out/results.json. Not part of `make test`.
bench: $(VENV)/.compiled
	$(BIN)/python -m bench.run

## lock: recompile the pinned requirements (needs network access to the package index)
lock:
	$(PYTHON) -m pip install --quiet uv && cd requirements && \
	  $(PYTHON) -m uv pip compile --generate-hashes --python-version 3.11 --universal site.in -o site.txt && \
	  $(PYTHON) -m uv pip compile --generate-hashes --python-version 3.11 --universal test.in -o test.txt

clean:
	rm -rf $(VENV) site .site-build .site-old .pytest_cache .mypy_cache .rummelig-build.lock .rummelig-cache
