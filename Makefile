# Everyday commands. `make serve` and `make test` create the virtualenv on first use.
# `make serve SITE_LANG=ru` previews one language only, much faster.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# SITE_LANG=ru picks one site language (the languages are those of mkdocs.yml). LANG is the locale
# variable; `make serve LANG=ru`, the old spelling, still works and says so.
SITE_LANGUAGES := $(shell sed -n 's/^ *- locale: *\([a-z]*\).*/\1/p' mkdocs.yml)
ifeq ($(origin LANG),command line)
ifneq ($(filter $(SITE_LANGUAGES),$(LANG)),)
SITE_LANG ?= $(LANG)
$(info Note: use SITE_LANG=$(LANG); LANG is the locale variable of the shell.)
endif
endif
LANG_OPTION := $(if $(filter-out en,$(SITE_LANG)),--lang $(SITE_LANG))

.PHONY: help serve build test check schema bench audit clean translations translations-strict mark-translated

help:
	@echo "make serve   - preview the site at http://127.0.0.1:8000 (SITE_LANG=ru: one language only)"
	@echo "make build   - build the whole site into site/ (the old site/ stays if the build fails)"
	@echo "make test    - run all tests (builds the site into a temporary folder)"
	@echo "make check   - check data/*.yml (venues, partners, events) without building"
	@echo "make schema  - regenerate data/schemas/*.schema.json from the data model"
	@echo "make bench   - build times (full, hooks off, one-language preview and its rebuild, 10x and"
	@echo "               100x the events) and map page weight; rewrites BENCHMARKS.md (about 30 minutes)"
	@echo "make audit   - Lighthouse (phone) on the home, events, venues, partners and visit pages of every"
	@echo "               language against the budget (SITE=site/ audits a built site instead of building one)"
	@echo "make translations        - which pages and data entries are translated, outdated or missing (SITE_LANG=ru: one)"
	@echo "make translations-strict - the same, failing unless everything is translated and up to date"
	@echo "make mark-translated PAGE=docs_ru/visit/index.md - a checked translation is up to date"
	@echo "    (or PAGE=docs/visit/index.md: all its translations; ENTRY=events/<id>; SITE_LANG=ru; ALL=1)"

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(if $(SITE_LANG),BUILD_ONLY_LOCALE=$(SITE_LANG)) $(BIN)/mkdocs serve

build: $(STAMP)
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	rm -rf site && mv .site-new site

test: $(STAMP)
	$(BIN)/pytest

translations: $(STAMP)
	@$(BIN)/python scripts/translations.py $(LANG_OPTION)

translations-strict: $(STAMP)
	@$(BIN)/python scripts/translations.py --strict $(LANG_OPTION)

mark-translated: $(STAMP)
	@$(BIN)/python scripts/translations.py mark $(PAGE) $(ENTRY) $(LANG_OPTION) $(if $(ALL),--all)

check: $(STAMP)
	@$(BIN)/python scripts/check_data.py

schema: $(STAMP)
	$(BIN)/python scripts/schema.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Lighthouse from npm, the version pinned in package-lock.json; Chromium from Debian (CHROME_PATH).
NPM_STAMP := node_modules/.package-lock.json
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

audit: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/audit.py $(if $(SITE),--site $(SITE))

clean:
	rm -rf site .site-new .site-audit .pytest_cache
