# Every target creates the virtual environment itself.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
EDITION ?= public
LANG_ONLY ?=
PORT ?= 8080
SITE_URL ?=
export NO_MKDOCS_2_WARNING := 1
export KB_EDITION := $(EDITION)
export SITE_URL

# make host: nginx from Debian's packages (installed where missing), as kb/host.py configures it.
.PHONY: help serve build test check-data schema browser clean bench translations check test-tools safety offline lint worldmap editor editor-config editor-install zim kiwix validator a11y host host-config lighthouse server

help:
	@echo "make serve        serve the site on http://127.0.0.1:8000 (LANG_ONLY=fr for one language)"
	@echo "make build        build the public edition into site/ (EDITION=network for the network edition)"
	@echo "make test         run every test (creates .venv, finds or installs Chromium)"
	@echo "make check-data   check data/ and list every problem"
	@echo "make translations status of every translated page (MARK=fr/approach.md [REVIEWED=1] after updating one)"
	@echo "                  DIFF=fr/approach.md or DIFF=fr: what changed in the English since the translation"
	@echo "                  TOUCH=approach.md [FORCE=1]: after a typo fix in English, keep its translations up to date"
	@echo "make check        what a pull request checks: lint, check-data, strict build, tests without the browser"
	@echo "make safety       quick exit, no third parties, CSP and axe (WCAG 2.2 AA) checks in real Chromium"
	@echo "make host         serve site/ with the project's nginx configuration on http://127.0.0.1:$(PORT) (EDITION=network needs KB_NETWORK_USER/KB_NETWORK_PASSWORD)"
	@echo "make build SITE_URL=https://example.org/kb/   canonical links, absolute language alternates, sitemap and feeds"
	@echo "make offline      build one offline zip per language into build/offline/ (opens from file://)"
	@echo "make lint         ruff and mypy (settings in pyproject.toml)"
	@echo "make worldmap     regenerate kb/data/worldmap.json from the pinned map package (requirements-tools.txt)"
	@echo "make editor       the form editor on http://127.0.0.1:8081 with the local Git backend (REPO=clone)"
	@echo "make editor-config  regenerate editor/config.yml from the data models"
	@echo "make zim          build one ZIM file per language into build/zim/ (for the Kiwix app on phones)"
	@echo "make a11y         axe-core and the Nu HTML Checker on every page (4 languages, both editions)"

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Only tools/simplify_worldmap.py and its test need these; the build reads the committed kb/data/worldmap.json.
$(VENV)/.tools-installed: requirements-tools.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-tools.txt
	touch $@

serve: $(VENV)/.installed
	KB_ONLY_LANG=$(LANG_ONLY) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The hosted build lists the offline zips and the ZIM files (size and date) on its Download page: build them first.
# tools/build.py runs the strict build and prints first the file, line and fix of the first problem.
build: $(VENV)/.installed offline zim
	$(PY) tools/build.py --site-dir site

# Serve the built site/ as a host would (headers, compression, caching, 404 per language; basic auth
# for the network edition). A public `make host` refuses a network build (site/kb-build.json).
host: $(VENV)/.installed
	$(PY) -m kb.host --site site --edition $(EDITION) --port $(PORT)

# The same configuration for a real machine (README: Deploying): OUT=nginx.conf SERVER_NAME=… TLS_CERT=… TLS_KEY=…
host-config: $(VENV)/.installed
	$(PY) -m kb.host --site site --edition $(EDITION) --config-only $(or $(OUT),build/nginx.conf) --bind 0.0.0.0 \
	  --port $(if $(TLS_CERT),443,80) --server-name $(or $(SERVER_NAME),_) $(if $(TLS_CERT),--tls-cert $(TLS_CERT) --tls-key $(TLS_KEY)) \
	  $(if $(HTPASSWD),--htpasswd $(HTPASSWD))

# Lighthouse (npm, pinned in tools/lighthouse/package.json, Debian's chromium) on three page types of a
# running `make host` (PORT): prints the four category scores.
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: tools/lighthouse/node_modules/.installed
	$(PY) tools/lighthouse.py --base http://127.0.0.1:$(PORT)

offline: $(VENV)/.installed
	$(PY) -m kb.offline --out build/offline

# One ZIM per language for Kiwix (kb/zim.py): prints each file's size and entry count.
zim: $(VENV)/.installed
	$(PY) -m kb.zim --out build/zim

check-data: $(VENV)/.installed
	$(PY) -m kb.check_data

schema: $(VENV)/.installed
	$(PY) -m kb.schema
# Per page and language: up to date, outdated, missing, not yet reviewed; English changes; structure.
# MARK=lang/page.md records an update; DIFF=fr/approach.md (or DIFF=fr) shows what changed in the English;
# TOUCH=approach.md keeps translations current after a cosmetic English edit (FORCE=1: even if not cosmetic).
translations: $(VENV)/.installed
	@$(PY) -m kb.translations $(foreach m,$(MARK),--mark $(m)) $(if $(REVIEWED),--reviewed) \
	  $(foreach d,$(DIFF),--diff $(d)) $(foreach t,$(TOUCH),--touch $(t)) $(if $(FORCE),--force)

browser: $(VENV)/.installed
	@$(PY) tests/find_browser.py

# kiwix-serve (Debian's kiwix-tools) reads the ZIM files in tests/zim, as Kiwix hotspots do.
kiwix: $(VENV)/.installed
	@$(PY) tests/find_kiwix.py

# Java and the Nu HTML Checker (npm vnu-jar, version pinned in tests/validator/package-lock.json),
# installed into tests/validator/ like the browser: never globally by hand.
validator: $(VENV)/.installed
	@$(PY) tests/find_validator.py

# Debian's nginx for `make host` and its tests (installed with apt where missing, like Chromium).
server: $(VENV)/.installed
	@$(PY) -m kb.host --install-only

# In parallel (pytest-xdist): one worker per core (TEST_WORKERS=0 runs in one process); each test module
# runs whole in one worker and the shared builds are made once per run (tests/conftest.py).
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
test: lint $(VENV)/.tools-installed browser kiwix editor-install validator server
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

# axe-core and the Nu HTML Checker on every page, four languages, both editions.
a11y: $(VENV)/.installed browser validator
	$(BIN)/pytest tests/a11y

safety: $(VENV)/.installed browser
	$(BIN)/pytest tests/safety tests/browser

clean:
	rm -rf site build .pytest_cache tests/validator/node_modules

bench: $(VENV)/.installed
	$(PY) benchmarks/bench.py

# The checks of a pull request, in one command (the browser tests run in CI: make test).
check: lint check-data build $(VENV)/.tools-installed
	$(BIN)/pytest -q -k "not browser"

lint: $(VENV)/.installed
	$(BIN)/ruff check kb hooks tools tests benchmarks
	$(BIN)/mypy

worldmap: $(VENV)/.tools-installed
	$(PY) tools/simplify_worldmap.py

# The tools' tests only (static and browser): find your network, readiness self-check.
test-tools: $(VENV)/.installed browser
	$(BIN)/pytest tests/tools

# The form editor (Decap CMS, pinned in editor/package-lock.json), served by the project on its own:
# never part of site/. REPO= the clone it edits (default: this one); it commits on branches there.
EDITOR_PORT ?= 8081
REPO ?= $(CURDIR)
editor/node_modules/.installed: editor/package.json editor/package-lock.json
	cd editor && npm ci --no-audit --no-fund --loglevel=error
	touch $@

editor-install: editor/node_modules/.installed

editor-config: $(VENV)/.installed
	$(PY) -m kb.editor_config

editor: $(VENV)/.installed editor-install
	$(PY) -m kb.editor_config --check
	cd editor && PORT=$(EDITOR_PORT) GIT_REPO_DIRECTORY="$(abspath $(REPO))" node serve.js
