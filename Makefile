# Everyday commands. `make serve` and `make test` create the virtualenv on first use.
# LANG=ru make serve (or `make serve LANG=ru`) previews one language only, much faster.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# LANG=ru (en, ru, zh, ja, ko) picks one site language; LANG's usual values (C.UTF-8, en_US.UTF-8) do not.
SITE_LANG := $(filter en ru zh ja ko,$(LANG))
LANG_OPTION := $(if $(filter-out en,$(SITE_LANG)),--lang $(SITE_LANG))

.PHONY: help serve build test check schema bench audit clean translations translations-strict mark-translated

help:
	@echo "make serve   - preview the site at http://127.0.0.1:8000 (LANG=ru: one language only)"
	@echo "make build   - build the whole site into site/ (the old site/ stays if the build fails)"
	@echo "make test    - run all tests (builds the site into a temporary folder)"
	@echo "make check   - check data/*.yml (venues, partners, events) without building"
	@echo "make schema  - regenerate data/schemas/*.schema.json from the data model"
	@echo "make bench   - build times (full, hooks off, one-language preview and its rebuild, 10x and"
	@echo "               100x the events) and map page weight; rewrites BENCHMARKS.md (about 30 minutes)"
	@echo "make audit   - Lighthouse (phone) on the home, events, venues, partners and visit pages of every"
	@echo "               language against the budget (SITE=site/ audits a built site instead of building one)"
	@echo "make translations        - which pages and data entries are translated, outdated or missing (LANG=ru: one)"
	@echo "make translations-strict - the same, failing unless everything is translated and up to date"
	@echo "make mark-translated PAGE=docs_ru/visit/index.md - a checked translation is up to date"
	@echo "    (or PAGE=docs/visit/index.md: all its translations; ENTRY=events/<id>; LANG=ru; ALL=1)"

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

serve: $(STAMP)
	$(if $(SITE_LANG),LANG=C.UTF-8 BUILD_ONLY_LOCALE=$(SITE_LANG)) $(BIN)/mkdocs serve

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
