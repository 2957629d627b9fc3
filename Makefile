# Every target creates the virtual environment itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
EDITION ?= public
LANG_ONLY ?=
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks
export KB_EDITION := $(EDITION)

.PHONY: help serve build test check-data schema browser clean test-tools

help:
	@echo "make serve        serve the site on http://127.0.0.1:8000 (LANG_ONLY=fr for one language)"
	@echo "make build        build the public edition into site/ (EDITION=network for the network edition)"
	@echo "make test         run every test (creates .venv, finds or installs Chromium)"
	@echo "make check-data   check data/ and list every problem"

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(VENV)/.installed
	KB_ONLY_LANG=$(LANG_ONLY) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --clean --site-dir site

check-data: $(VENV)/.installed
	$(PY) -m kb.check_data

schema: $(VENV)/.installed
	$(PY) -m kb.schema

browser: $(VENV)/.installed
	@$(PY) tests/find_browser.py

test: $(VENV)/.installed browser
	$(BIN)/pytest

clean:
	rm -rf site build .pytest_cache

# The tools' tests only (static and browser): find your network, readiness self-check.
test-tools: $(VENV)/.installed browser
	$(BIN)/pytest tests/tools
