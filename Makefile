# Everyday commands. `make serve` and `make test` create the virtualenv on first use.
# LANG=ru make serve (or `make serve LANG=ru`) previews one language only, much faster.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build test check clean

help:
	@echo "make serve   - preview the site at http://127.0.0.1:8000 (LANG=ru: one language only)"
	@echo "make build   - build the whole site into site/ (the old site/ stays if the build fails)"
	@echo "make test    - run all tests (builds the site into a temporary folder)"

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	rm -rf site && mv .site-new site

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf site .site-new .pytest_cache
