# lossbook — two commands do everything:
#   make book   create .venv, install, build the HTML book into _build/html
#   make test   install, then run every check (lint, unit tests, nbval, strict build, browser)
# Other targets: make notebooks (re-execute the chapters), make bench, make lint, make clean.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MATHJAX := book/_static/mathjax/tex-chtml.js

.PHONY: book test install mathjax chromium notebooks bench lint clean

book: install mathjax
	$(BIN)/jupyter-book build . --all
	@echo
	@echo "Book built. Open: file://$(CURDIR)/_build/html/index.html"

test: install mathjax chromium
	$(BIN)/python tools/run_checks.py

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# MathJax is served from the book itself (no CDN): npm's mathjax package, pinned in package-lock.json.
mathjax: $(MATHJAX)

$(MATHJAX): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf book/_static/mathjax
	cp -r node_modules/mathjax/es5 book/_static/mathjax
	@touch $@

# Debian's Chromium (browser check), a CJK font (Korean text in screenshots) and an
# emoji font (the 🌐 of the language links).
chromium:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "cjk" \
			|| ! fc-list 2>/dev/null | grep -qi "emoji"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null; \
	fi
	@chromium --version 2>/dev/null

notebooks: install
	$(BIN)/python tools/nbbuild.py

bench: install
	$(BIN)/python benchmarks/mlp_vs_keras.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf _build .pytest_cache .hypothesis
