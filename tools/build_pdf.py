"""Build the PDF edition: ``lossbook-ko.pdf`` (Korean part) and ``lossbook-en.pdf`` (English).

Jupyter Book 1's LaTeX builder (Sphinx ``latex`` + sphinx-jupyterbook-latex) writes one
LaTeX document per language, XeLaTeX (through latexmk) typesets it with xeCJK and the
Noto CJK fonts (``book/_latex/lossbook-pdf.sty``), and the result is copied to
``_build/pdf/lossbook-<lang>.pdf``. The Sphinx extension ``book/_ext/lossbook_latex.py``
is added to these builds only.

Each language gets its own table of contents and configuration, generated into
``_build/pdf/<lang>/`` from the book's own ``_toc.yml`` (the part whose pages live in
``book/<lang>/``: its first page opens the PDF, the others are its chapters) and
``_config.yml`` (title, ``language``, LaTeX settings changed). The two languages build
in two processes side by side.

The build fails when Sphinx warns, when LaTeX fails, or when the XeLaTeX log reports a
"Missing character" (a glyph no loaded font has: it would be silently dropped from the
page); this is the one place that reads the log. ``tools/check_pdf.py`` checks the PDFs
themselves (``python tools/check_pdf.py --build``, the make test stage, builds them first).

Usage: ``python tools/build_pdf.py [ko en] [--serial]``; needs ``xelatex`` and ``latexmk``
(``make pdf`` installs them with apt-get).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

import yaml

from lossbook._lang import LANGUAGES as LANGS  # the one list of the course's languages

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "pdf"
LATEX_DIR = ROOT / "book" / "_latex"  # LaTeX support files
EXT_DIR = ROOT / "book" / "_ext"  # Sphinx extensions, lossbook_latex among them

# Title page of each edition (the HTML landing page carries both lines).
TITLES = {
    "ko": ("lossbook: 신경망 학습의 기초", "lossbook 저자들"),
    "en": ("lossbook: Foundations of neural-network training", "The lossbook authors"),
}

# Copied next to the .tex (book/_latex/): the fonts and Korean settings, a stand-in for
# bbm.sty (see that file), and ctexhook.sty, which xeCJK loads: TeX Live 2022's unmodified
# file (ctex 2.5.10, LPPL 1.3c), shipped by Debian only in texlive-lang-chinese (62 MB,
# 68 s to install here). book/_ext/lossbook_latex.py (a Sphinx extension for these
# builds only) drops the twin-language links, adds the bibliography, wraps long tables.
SUPPORT_FILES = ("lossbook-pdf.sty", "bbm.sty", "ctexhook.sty")

# XeTeX logs "Missing character: There is no ⏳ (U+23F3) in font DejaVu Serif/OT:...!",
# wrapped at 79 columns (so the "!" may be on the next line or cut off).
MISSING_CHAR = re.compile(r"Missing character: There is no (\S+(?: \(U\+[0-9A-F]+\))?)"
                          r" in font ([^!/\n]+)")


def missing_characters(log: str) -> list[tuple[str, str]]:
    """(character, font) pairs XeTeX could not typeset, from a .log file's text."""
    return sorted(set(MISSING_CHAR.findall(log)))


def pdf_path(lang: str) -> pathlib.Path:
    return OUT / f"lossbook-{lang}.pdf"


def language_toc(lang: str) -> dict:
    """The jb-book toc of one language: the part of ``_toc.yml`` whose files are in book/<lang>/."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    prefix = f"book/{lang}/"
    for part in toc.get("parts", []):
        files = [c["file"] for c in part.get("chapters", [])]
        if files and all(f.startswith(prefix) for f in files):
            return {"format": "jb-book", "root": files[0],
                    "chapters": [{"file": f} for f in files[1:]]}
    raise SystemExit(f"_toc.yml has no part with every page under {prefix}")


def language_config(lang: str) -> dict:
    """``_config.yml`` with this edition's title, language and LaTeX settings."""
    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    title, author = TITLES[lang]
    cfg["title"] = title
    cfg["author"] = author
    latex = cfg.setdefault("latex", {})
    latex["latex_engine"] = "xelatex"
    docs = latex.setdefault("latex_documents", {})
    docs["targetname"] = f"lossbook-{lang}.tex"
    docs["title"] = title
    docs["author"] = author
    sphinx = cfg.setdefault("sphinx", {})
    # The generated config lives in _build/pdf/<lang>/: make extension paths absolute.
    local = sphinx.get("local_extensions") or {}
    sphinx["local_extensions"] = {name: str((ROOT / path).resolve())
                                  for name, path in local.items()}
    sphinx["local_extensions"]["lossbook_latex"] = str(EXT_DIR)
    conf = sphinx.setdefault("config", {})
    conf["language"] = lang
    toc = language_toc(lang)
    pages = [toc["root"], *(c["file"] for c in toc["chapters"])]
    markdown = [p for p in pages if (ROOT / f"{p}.md").exists()]
    if not markdown:
        raise SystemExit(f"no Markdown page in the {lang} toc to carry the bibliography")
    conf["lossbook_bibliography_doc"] = markdown[-1]  # see book/_ext/lossbook_latex.py
    conf["jblatex_load_imgconverter"] = False  # every figure is already a PNG
    conf["latex_use_xindy"] = False  # no index is printed (Debian's xindy not needed)
    conf["latex_additional_files"] = [str(LATEX_DIR / name) for name in SUPPORT_FILES]
    conf["latex_elements"] = {
        "papersize": "a4paper",
        "pointsize": "10pt",
        # No babel/polyglossia: Korean is typeset by xeCJK (polyglossia has no working
        # Korean here), and Sphinx's own words come from `language` (Sphinx's catalogs).
        "babel": "",
        "polyglossia": "",
        "fontpkg": "",
        "fncychap": "",
        "preamble": rf"\usepackage[{lang}]{{lossbook-pdf}}",
        "printindex": "",
        "makeindex": "",
    }
    return cfg


def build(lang: str) -> int:
    """Sphinx (LaTeX) then latexmk (XeLaTeX) for one language; returns an exit code."""
    from jupyter_book.sphinx import build_sphinx

    work = OUT / lang
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    toc = work / "_toc.yml"
    toc.write_text(yaml.safe_dump(language_toc(lang), allow_unicode=True), encoding="utf-8")
    config = work / "_config.yml"
    config.write_text(yaml.safe_dump(language_config(lang), allow_unicode=True,
                                     sort_keys=False), encoding="utf-8")
    t0 = time.perf_counter()
    status = build_sphinx(
        ROOT, work / "latex", doctreedir=work / ".doctrees", use_external_toc=True,
        noconfig=True, path_config=str(config),
        confoverrides={"external_toc_path": toc.as_posix(), "latex_individualpages": False},
        builder="latex", warningiserror=True, keep_going=True, freshenv=True, quiet=True)
    if status != 0:
        print(f"[{lang}] Sphinx LaTeX build failed ({status!r})", file=sys.stderr)
        return 1
    t1 = time.perf_counter()
    latex = work / "latex"
    tex = f"lossbook-{lang}.tex"
    run = subprocess.run(
        ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
         "-silent", tex], cwd=latex, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, errors="replace")
    t2 = time.perf_counter()
    log = (latex / tex.replace(".tex", ".log")).read_text(encoding="utf-8", errors="replace") \
        if (latex / tex.replace(".tex", ".log")).exists() else ""
    problems = []
    if run.returncode != 0 or not (latex / tex.replace(".tex", ".pdf")).exists():
        tail = "\n".join(run.stdout.splitlines()[-40:])
        problems.append(f"latexmk failed ({run.returncode}):\n{tail}")
    missing = missing_characters(log)
    for char, font in missing:
        problems.append(f"Missing character: {char} in font {font}")
    if problems:
        for p in problems:
            print(f"[{lang}] {p}", file=sys.stderr)
        return 1
    shutil.copyfile(latex / tex.replace(".tex", ".pdf"), pdf_path(lang))
    print(f"[{lang}] {pdf_path(lang).relative_to(ROOT)}: sphinx {t1 - t0:.1f} s, "
          f"xelatex {t2 - t1:.1f} s", flush=True)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", help="ko and/or en (default: both)")
    parser.add_argument("--serial", action="store_true", help="one language after the other")
    args = parser.parse_args(argv)
    args.langs = args.langs or list(LANGS)
    if set(args.langs) - set(LANGS):
        parser.error(f"languages are {', '.join(LANGS)}")
    missing = [tool for tool in ("xelatex", "latexmk") if not shutil.which(tool)]
    if missing:
        print(f"build_pdf: {', '.join(missing)} not found (make pdf installs TeX Live)",
              file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in args.langs:
        pdf_path(lang).unlink(missing_ok=True)
    t0 = time.perf_counter()
    if len(args.langs) == 1:
        code = build(args.langs[0])
    elif args.serial:
        code = max(build(lang) for lang in args.langs)
    else:  # one process per language (Sphinx patches global docutils state)
        procs = [subprocess.Popen([sys.executable, __file__, lang], cwd=ROOT, env=os.environ)
                 for lang in args.langs]
        code = max(p.wait() for p in procs)
    print(f"PDF build {'ok' if code == 0 else 'FAILED'} in {time.perf_counter() - t0:.1f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
