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

.PHONY: help serve build test check-data schema browser clean safety

help:
	@echo "make serve        serve the site on http://127.0.0.1:8000 (LANG_ONLY=fr for one language)"
	@echo "make build        build the public edition into site/ (EDITION=network for the network edition)"
	@echo "make test         run every test (creates .venv, finds or installs Chromium)"
	@echo "make check-data   check data/ and list every problem"
	@echo "make safety       quick exit, no third parties, CSP and axe (WCAG 2.2 AA) checks in real Chromium"

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

browser: $(VENV)/.installed
	@$(PY) tests/find_browser.py

test: $(VENV)/.installed browser
	$(BIN)/pytest

safety: $(VENV)/.installed browser
	$(BIN)/pytest tests/safety tests/browser

clean:
	rm -rf site build .pytest_cache
