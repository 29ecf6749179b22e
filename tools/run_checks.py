"""Run every check of `make test`, one stage after another, and time each stage.

Stages: lint (ruff), unit tests (pytest), notebooks (nbval, strict), the book
(jupyter-book, warnings are errors; after the PDF edition: the LaTeX-builder tests
(pytest -m latex), then tools/check_pdf.py --build), its internal links, the browser tests
(pytest tests/browser: headless Chromium on the built book).
All stages run even if an earlier one fails, so one run shows every problem;
the exit code is non-zero if any stage failed.

    python tools/run_checks.py              # every stage (what `make test` runs)
    python tools/run_checks.py unit nbval   # only these stages, in this order

Stage names: lint, unit (pytest on tests/ and every docstring example in lossbook/,
without the tests marked slow or latex and without tests/browser), pdf,
nbval, build, links, browser (``--list`` prints them).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = pathlib.Path(sys.executable).parent


def notebooks() -> list[str]:
    """The chapter notebooks. Their launch copies (launch/book/<lang>/) are not re-run: the
    unit stage proves each copy has the same code cells and stored outputs as its chapter
    (tests/test_notebook_sources.py), so nbval on the chapter covers the copy too."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "book").glob("*/*.ipynb"))


def workers(dist: str = "loadfile") -> list[str]:
    """pytest-xdist options: two worker processes on a machine with two or more CPUs.

    Unit tests are independent; nbval runs each notebook's cells in order in one
    worker (--dist loadfile), so two notebooks run side by side. The browser tests
    use --dist loadgroup: every test of one page goes to the worker that loaded it.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return ["-n", "2", "--dist", dist] if cpus >= 2 else []


# Short names for `tools/run_checks.py STAGE...` and the Makefile's stage targets.
PDF_STAGE = "PDF (build + check)"
SHORT_NAMES = {
    "lint": "lint",
    "unit": "unit tests",
    "nbval": "notebooks (nbval)",
    "pdf": PDF_STAGE,
    "build": "book (strict build)",
    "links": "internal links",
    "browser": "browser check",
}


def stages() -> list[tuple[str, list[str]]]:
    nbval = [str(BIN / "pytest"), "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
             *workers()]
    sanitize = ROOT / "book" / "nbval_sanitize.cfg"
    if sanitize.exists():
        nbval += ["--nbval-sanitize-with", str(sanitize.relative_to(ROOT))]
    return [
        ("lint", [str(BIN / "ruff"), "check", "."]),
        # tests/ (not tests/browser: norecursedirs in pyproject.toml) and every docstring
        # example of the package (--doctest-modules, pyproject.toml)
        # Not the tests marked slow (make bench runs them) or latex (the PDF stage does).
        ("unit tests", [str(BIN / "pytest"), "tests", "lossbook", "-p", "no:cacheprovider", "-q",
                        "-m", "not slow and not latex", *workers()]),
        ("notebooks (nbval)", nbval + notebooks()),
        # Before the HTML build: the landing page links the two PDFs (book/_ext/lossbook_pdf.py).
        # Sphinx's LaTeX builder on small documents (pytest -m latex), then both PDFs
        # built and checked (check_pdf --build).
        (PDF_STAGE, [[str(BIN / "pytest"), "tests/test_pdf.py", "-p", "no:cacheprovider", "-q",
                      "-m", "latex"],
                     [str(BIN / "python"), "tools/check_pdf.py", "--build"]]),
        ("book (strict build)", [str(BIN / "jupyter-book"), "build", ".", "--all",
                                 "-W", "-n", "--keep-going"]),
        ("internal links", [str(BIN / "python"), "tools/check_links.py"]),
        # the built book in headless Chromium (tests/browser/conftest.py); the tests marked
        # slow time a page load on an emulated slow link, so they run afterwards, alone:
        # beside the other worker's tests they would time this machine's load, not the page
        ("browser check", [[str(BIN / "pytest"), "tests/browser", "-p", "no:cacheprovider", "-q",
                            "-m", "not slow", *workers("loadgroup")],
                           [str(BIN / "pytest"), "tests/browser", "-p", "no:cacheprovider", "-q",
                            "-m", "slow"]]),
    ]


def commands(cmd: list) -> list[list[str]]:
    """The commands of a stage: ``cmd`` itself, or its items if it is a list of commands."""
    return cmd if cmd and isinstance(cmd[0], list) else [cmd]


def select(names: list[str]) -> list[tuple[str, list[str]]]:
    """The stages called ``names`` (short or full names), in the order given; all if none."""
    every = stages()
    if not names:
        return every
    by_name = {name: (name, cmd) for name, cmd in every}
    by_name.update({short: by_name[full] for short, full in SHORT_NAMES.items() if full in by_name})
    unknown = [n for n in names if n not in by_name]
    if unknown:
        known = ", ".join(short for short in SHORT_NAMES if SHORT_NAMES[short] in by_name)
        others = [name for name, _ in every if name not in SHORT_NAMES.values()]
        raise SystemExit(f"unknown stage {', '.join(unknown)}; known: {known}"
                         + (f", {', '.join(repr(o) for o in others)}" if others else ""))
    return [by_name[n] for n in names]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stages", nargs="*", help="stages to run (default: all)")
    parser.add_argument("--list", action="store_true", help="print the stage names and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, cmd in stages():
            short = next((s for s, full in SHORT_NAMES.items() if full == name), name)
            print(f"{short:<8} {name}: " + "; ".join(" ".join(c[:4]) + " ..."
                                                      for c in commands(cmd)))
        return 0
    chosen = select(args.stages)
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu", PYTHONHASHSEED="0")
    if any(name == PDF_STAGE for name, _ in chosen):  # then the book must link both PDFs
        env["LOSSBOOK_PDF"] = "required"
    results = []
    total = time.perf_counter()
    for name, cmd in chosen:
        t0 = time.perf_counter()
        code = 0
        for part in commands(cmd):  # a stage is one command or several, run in turn
            print(f"\n=== {name}: {' '.join(part[:6])}{' ...' if len(part) > 6 else ''}",
                  flush=True)
            code = max(code, subprocess.call(part, cwd=ROOT, env=env))
        results.append((name, code, time.perf_counter() - t0))
    print("\n=== summary")
    for name, code, secs in results:
        print(f"  {'ok  ' if code == 0 else 'FAIL'} {name:<22} {secs:7.1f} s")
    print(f"  total {time.perf_counter() - total:.1f} s")
    failed = sum(code != 0 for _, code, _ in results)
    print(f"checks: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
