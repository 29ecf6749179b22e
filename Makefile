# lossbook — two commands do everything:
#   make book   create .venv, install, build the HTML book into _build/html
#   make test   install, then run every check (lint, unit tests, nbval, strict build, browser)
# Other targets: make notebooks (re-execute the chapters), make bench, make lint, make clean.
# One stage of make test at a time: make unit, make nbval, make build (strict), make links,
# make browser (the last two check the book that make build wrote).

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MATHJAX := book/_static/mathjax/tex-chtml.js

.PHONY: book test install mathjax chromium tex pdf notebooks bench lint clean unit nbval build links browser

book: install mathjax
	$(BIN)/jupyter-book build . --all
	@echo
	@echo "Book built. Open: file://$(CURDIR)/_build/html/index.html"

test: install mathjax chromium tex
	$(BIN)/python tools/run_checks.py

# The stages of make test, one at a time (same commands, same environment).
unit: install
	$(BIN)/python tools/run_checks.py unit

nbval: install
	$(BIN)/python tools/run_checks.py nbval

build: install mathjax
	$(BIN)/python tools/run_checks.py build

links: install
	$(BIN)/python tools/run_checks.py links

browser: install chromium
	$(BIN)/python tools/run_checks.py browser

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

# The PDF edition: _build/pdf/lossbook-ko.pdf and lossbook-en.pdf (tools/build_pdf.py).
# `make book` then links both from the landing page.
pdf: install tex
	$(BIN)/python tools/build_pdf.py
	@echo "PDFs: $(CURDIR)/_build/pdf/lossbook-ko.pdf $(CURDIR)/_build/pdf/lossbook-en.pdf"

# TeX Live for the PDF edition, from Debian without "recommends" (about 80 MB, a minute):
# XeLaTeX with xeCJK, Sphinx's LaTeX packages, latexmk; poppler-utils (pdftotext,
# pdffonts, pdfimages) for the PDF check; fonts: Noto CJK KR (Hangul), DejaVu and Symbola
# (symbols and emoji without a Noto CJK glyph).
TEX_PACKAGES := texlive-xetex texlive-lang-cjk texlive-latex-extra texlive-fonts-recommended \
	latexmk poppler-utils fonts-noto-cjk fonts-dejavu-core fonts-symbola
tex:
	@if ! command -v xelatex >/dev/null || ! command -v latexmk >/dev/null \
			|| ! command -v pdftotext >/dev/null || ! kpsewhich xeCJK.sty fncychap.sty pzdr.tfm >/dev/null \
			|| ! fc-list 2>/dev/null | grep -q "Noto Serif CJK KR" \
			|| ! fc-list 2>/dev/null | grep -q "DejaVu Serif" || ! fc-list 2>/dev/null | grep -q "Symbola"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
			$(TEX_PACKAGES) >/dev/null; \
	fi
	@xelatex --version 2>/dev/null | head -1

notebooks: install
	$(BIN)/python tools/nbbuild.py

# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE: some machines set them to force an old, slower
# OpenBLAS kernel (a work-around for old OpenBLAS builds); a reader's machine does not, so
# the benchmark runs NumPy with the kernel it picks itself (printed in its first line).
# First the tests marked slow (the benchmark's own smoke run; not in make test's unit stage).
bench: install
	$(BIN)/python -m pytest -q -p no:cacheprovider -m slow tests
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BIN)/python benchmarks/mlp_vs_keras.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf _build .pytest_cache .hypothesis
