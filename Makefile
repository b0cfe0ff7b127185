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
# An editor's command that fails ends with its own message, not with make's "make: *** [...] Error 1"
# (which read like a second error): on failure the recipe ends make with SIGPIPE, which make and the
# shell leave silent. The exit status stays a failure (141) for scripts, CI and pre-commit; where
# SIGPIPE is ignored the recipe exits 1 and make reports it as usual.
FAIL_QUIETLY := { kill -PIPE $$PPID 2>/dev/null; exit 1; }
# ENGINE=properdocs builds and serves with ProperDocs, the maintained fork of MkDocs 1.x (PLATFORM.md),
# installed apart in .venv/properdocs (requirements-properdocs.txt) so that it never replaces mkdocs.
ENGINE ?= mkdocs
PROPERDOCS := $(VENV)/properdocs
PROPERDOCS_STAMP := $(PROPERDOCS)/.installed
ENGINE_NEEDS := $(if $(filter properdocs,$(ENGINE)),$(PROPERDOCS_STAMP))
SERVE_COMMAND := $(if $(filter properdocs,$(ENGINE)),PYTHONPATH=$(PROPERDOCS) $(BIN)/python -m properdocs,$(BIN)/mkdocs)

.PHONY: help serve build publish test check schema bench audit clean translations translations-strict mark-translated properdocs

help:
	@echo "make serve   - preview the site at http://127.0.0.1:8000 (SITE_LANG=ru: one language only)"
	@echo "make build   - build the whole site into site/, a process per language (the old site/ stays if the build fails)"
	@echo "    ENGINE=properdocs (build, serve): with ProperDocs, the maintained fork of MkDocs 1.x (PLATFORM.md)"
	@echo "make publish SITE_URL=https://... - the same build for publishing at that address (refuses the placeholder; CONTRIBUTING.md, Publishing)"
	@echo "make test    - run all tests (builds the site into a temporary folder)"
	@echo "make check   - check data/*.yml (venues, partners, events) without building"
	@echo "make schema  - regenerate data/schemas/*.schema.json from the data model"
	@echo "make bench   - build times side by side (make build against one-process mkdocs build, hooks off,"
	@echo "               10x and 100x the events, previews, make test) and map page weight; rewrites"
	@echo "               BENCHMARKS.md (about an hour)"
	@echo "make bench ONLY=preview - only make serve's rebuilds (one language, five languages), a few minutes"
	@echo "make bench ONLY=offline - what the offline guide keeps of each language (one build, a minute; rewrites its section)"
	@echo "make bench ONLY=build - make build against the one-process build, with each part's CPU seconds"
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

# ProperDocs in its own folder, not on the virtualenv's path; its dependencies are MkDocs' own.
$(PROPERDOCS_STAMP): requirements-properdocs.txt $(STAMP)
	rm -rf $(PROPERDOCS)
	$(BIN)/pip install --quiet --no-deps --target $(PROPERDOCS) -r requirements-properdocs.txt
	touch $@

properdocs: $(PROPERDOCS_STAMP)

serve: $(STAMP) $(ENGINE_NEEDS)
	@$(if $(SITE_LANG),BUILD_ONLY_LOCALE=$(SITE_LANG)) $(SERVE_COMMAND) serve || $(FAIL_QUIETLY)

# scripts/build_site.py: one process per language (as many at a time as there are cores), assembled
# into a temporary folder that replaces site/ only once the whole site is built.
build: $(STAMP) $(ENGINE_NEEDS)
	@$(BIN)/python scripts/build_site.py --strict --site-dir site --engine $(ENGINE) || $(FAIL_QUIETLY)

# The same build for publishing: SITE_URL must be the site's real https address, and the built site
# must name it, not the placeholder (scripts/build_site.py --publish; CONTRIBUTING.md, Publishing).
publish: $(STAMP) $(ENGINE_NEEDS)
	@$(BIN)/python scripts/build_site.py --strict --publish --site-dir site --engine $(ENGINE) || $(FAIL_QUIETLY)

# The tests compare the site with ProperDocs' too (tests/test_engines.py): installed first.
test: $(STAMP) $(PROPERDOCS_STAMP)
	@$(BIN)/pytest || $(FAIL_QUIETLY)

translations: $(STAMP)
	@$(BIN)/python scripts/translations.py $(LANG_OPTION) || $(FAIL_QUIETLY)

translations-strict: $(STAMP)
	@$(BIN)/python scripts/translations.py --strict $(LANG_OPTION) || $(FAIL_QUIETLY)

mark-translated: $(STAMP)
	@$(BIN)/python scripts/translations.py mark $(PAGE) $(ENTRY) $(LANG_OPTION) $(if $(ALL),--all) || $(FAIL_QUIETLY)

check: $(STAMP)
	@$(BIN)/python scripts/check_data.py || $(FAIL_QUIETLY)

schema: $(STAMP)
	$(BIN)/python scripts/schema.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(if $(ONLY),--only $(ONLY))

# Lighthouse from npm, the version pinned in package-lock.json; Chromium from Debian (CHROME_PATH).
NPM_STAMP := node_modules/.package-lock.json
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

audit: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/audit.py $(if $(SITE),--site $(SITE))

clean:
	rm -rf site .site-new .site-build-* .site-audit .pytest_cache .cache/jinja
