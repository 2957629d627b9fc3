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

.PHONY: help serve build test check-data schema browser clean offline

help:
	@echo "make serve        serve the site on http://127.0.0.1:8000 (LANG_ONLY=fr for one language)"
	@echo "make build        build the public edition into site/ (EDITION=network for the network edition)"
	@echo "make test         run every test (creates .venv, finds or installs Chromium)"
	@echo "make check-data   check data/ and list every problem"
	@echo "make offline      build one offline zip per language into build/offline/ (opens from file://)"

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(VENV)/.installed
	KB_ONLY_LANG=$(LANG_ONLY) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The hosted build lists the offline zips (with size and date) on its Download page: build them first.
build: $(VENV)/.installed offline
	$(BIN)/mkdocs build --strict --clean --site-dir site

offline: $(VENV)/.installed
	$(PY) -m kb.offline --out build/offline

check-data: $(VENV)/.installed
	$(PY) -m kb.check_data

browser: $(VENV)/.installed
	@$(PY) tests/find_browser.py

test: $(VENV)/.installed browser
	$(BIN)/pytest

clean:
	rm -rf site build .pytest_cache
