"""Check the PDF edition built by tools/build_pdf.py (with ``--build``: build it first;
the ``make test`` stage).

For ``_build/pdf/lossbook-ko.pdf`` and ``lossbook-en.pdf``:

- the page count is sane (between 4 and 40 pages per page of the language's toc);
- the text layer (``pdftotext``) holds every chapter title of that language, as
  written in ``book/src/*.py`` (``tools/nbbuild.titles()``): Korean is selectable and
  searchable, word spaces included;
- a Noto CJK font is embedded (``pdffonts``), and the math font (math was typeset);
- every figure is there: the PDF draws at least as many images (``pdfimages -list``)
  as the language's notebooks have image outputs, and no output is a figure that
  print cannot show (an animation, ``text/html``, without an ``image/png`` still).

The XeLaTeX log's "Missing character" lines fail the build itself (``build_pdf``).

Usage: ``python tools/check_pdf.py [ko en] [--build]``; exit 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys

import build_pdf  # tools/ (the script's folder)
import nbbuild

ROOT = build_pdf.ROOT
PAGES_PER_DOC = (4, 40)
# A text/html output that is an animation (matplotlib's jshtml, or a video).
ANIMATION = re.compile(r"<video|class=\"animation\"|anim_step|Animation", re.I)


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True,
                          errors="replace").stdout


def page_count(pdf: pathlib.Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M)
    return int(match.group(1)) if match else 0


def shown(path: pathlib.Path) -> str:
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def notebooks(lang: str) -> list[pathlib.Path]:
    """The notebooks of the language's PDF, in toc order."""
    toc = build_pdf.language_toc(lang)
    docs = [toc["root"], *(c["file"] for c in toc["chapters"])]
    return [ROOT / f"{doc}.ipynb" for doc in docs if (ROOT / f"{doc}.ipynb").exists()]


def figures(paths: list[pathlib.Path]) -> tuple[int, list[str]]:
    """Image outputs in these notebooks, and the outputs print cannot show."""
    count, unprintable = 0, []
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            tags = cell.get("metadata", {}).get("tags", [])
            if "remove-cell" in tags or "remove-output" in tags:
                continue
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if any(k.startswith("image/") for k in data):
                    count += 1
                elif "text/html" in data and ANIMATION.search("".join(data["text/html"])):
                    unprintable.append(f"{path.name} cell {i}: animation with no image/png still")
    return count, unprintable


def check(lang: str) -> list[str]:
    pdf = build_pdf.pdf_path(lang)
    if not pdf.exists():
        return [f"{shown(pdf)} missing (make pdf)"]
    problems = []
    toc = build_pdf.language_toc(lang)
    ndocs = 1 + len(toc["chapters"])
    pages = page_count(pdf)
    low, high = PAGES_PER_DOC[0] * ndocs, PAGES_PER_DOC[1] * ndocs
    if not low <= pages <= high:
        problems.append(f"{pages} pages, expected {low}-{high} for {ndocs} documents")

    text = normalize(run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    for stem, title in nbbuild.titles().items():
        if normalize(title[lang]) not in text:
            problems.append(f"chapter title {title[lang]!r} ({stem}) not in the text layer")

    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    if not any(re.search(r"Noto(Sans|Serif)CJK", line) and " yes " in line for line in fonts):
        problems.append("no embedded Noto CJK font (pdffonts)")
    if not any("LatinModernMath" in line for line in fonts):
        problems.append("no math font embedded: the math was not typeset (pdffonts)")

    expected, unprintable = figures(notebooks(lang))
    images = [line.split() for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    drawn = sum(1 for cols in images if len(cols) > 2 and cols[2] == "image")
    if drawn < expected:
        problems.append(f"{drawn} images drawn, the notebooks have {expected} image outputs")
    problems += unprintable
    print(f"{shown(pdf)}: {pages} pages, {drawn} images "
          f"({expected} image outputs), {len(problems)} problems")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", help="ko and/or en (default: both)")
    parser.add_argument("--build", action="store_true",
                        help="build the PDFs first (tools/build_pdf.py)")
    args = parser.parse_args(argv)
    if set(args.langs) - set(build_pdf.LANGS):
        parser.error(f"languages are {', '.join(build_pdf.LANGS)}")
    built = build_pdf.main(args.langs) if args.build else 0
    failed = 0
    for lang in args.langs or build_pdf.LANGS:
        for problem in check(lang):
            print(f"  [{lang}] {problem}")
            failed += 1
    print("PDF check: " + ("ok" if not failed else f"{failed} problems"))
    return 1 if failed or built else 0


if __name__ == "__main__":
    sys.exit(main())
