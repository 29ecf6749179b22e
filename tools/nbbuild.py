"""Build the Korean and English twin notebooks of each chapter from one source.

A chapter source lives in ``book/src/<name>.py`` and defines::

    TITLE = {"ko": "손실 함수", "en": "Loss functions"}
    CELLS = [
        md(ko="...", en="..."),            # prose, one text per language
        code("print(1 + 1)"),              # code, shared by both twins
        code("...", tags=["hide-cell"]),   # cell tags (e.g. hidden set-up)
        code("plot_it()",                   # a figure: alt text and numbered caption
             alt={"ko": "...", "en": "..."}, caption={"ko": "...", "en": "..."}),
        code("answer = ...", tags=["exercise"]),            # the learner's cell
        code("answer = 42", tags=["solution", "hide-cell"]),  # in the Solutions section
    ]

Because both notebooks are generated from the same ``code(...)`` cells, the
twins share identical code by construction; ``tests/test_twins.py`` checks it.
The builder adds the title, the link to the twin page and the links to the
previous and next chapter (from ``CHAPTERS`` below), then executes each
notebook in its own folder with a fresh kernel and stores the outputs.

Usage::

    python tools/nbbuild.py                 # every chapter, both languages
    python tools/nbbuild.py 01_loss_functions --no-execute
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import re
import sys
import time

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SRC = BOOK / "src"
LANGS = ("ko", "en")
DEFAULT_REPOSITORY = "https://github.com/lossbook/lossbook"

# Chapter order of the course (file stem -> nothing else; titles come from sources).
CHAPTERS = [
    "01_loss_functions",
    "02_activation_functions",
    "03_perceptron",
    "04_gradient_descent",
    "05_backpropagation",
    "06_optimizers",
    "07_keras_compile",
]

UI = {
    "ko": {
        "twin": "🌐 [English version of this page](../en/{stem}.ipynb)",
        "prev": "← 이전 장: [{title}]({stem}.ipynb)",
        "next": "다음 장: [{title}]({stem}.ipynb) →",
        "home": "[강의 첫 페이지](index.md)",
    },
    "en": {
        "twin": "🌐 [이 페이지의 한국어판 (Korean version)](../ko/{stem}.ipynb)",
        "prev": "← Previous chapter: [{title}]({stem}.ipynb)",
        "next": "Next chapter: [{title}]({stem}.ipynb) →",
        "home": "[Course home](index.md)",
    },
}


class md:  # noqa: N801 - reads like a cell constructor in chapter sources
    """A markdown cell with one text per language."""

    def __init__(self, ko: str, en: str, tags=None):
        self.text = {"ko": ko.strip("\n"), "en": en.strip("\n")}
        self.tags = list(tags or [])


class code:  # noqa: N801
    """A code cell shared by both languages.

    A cell that draws a figure gives its ``alt`` text (what the figure shows, for
    screen readers and when the image fails) and its ``caption`` (numbered under
    the figure), one text per language; myst-nb reads them from the cell's
    ``mystnb`` metadata. ``name`` makes the figure a reference target,
    ``{lang}-{name}`` (e.g. ``{numref}`en-fig-bce``` in an English cell).
    """

    def __init__(self, source: str, tags=None, alt=None, caption=None, name=None):
        self.source = source.strip("\n")
        self.tags = list(tags or [])
        for what, texts in (("alt", alt), ("caption", caption)):
            if texts is not None and (set(texts) != set(LANGS) or not all(texts.values())):
                raise ValueError(f"{what} needs a text for each of {LANGS}, got {texts!r}")
        if name is not None and caption is None:
            raise ValueError("a figure name needs a caption (it is what the name refers to)")
        self.alt, self.caption, self.name = alt, caption, name

    def metadata(self, lang: str) -> dict:
        """The myst-nb cell metadata of this cell in ``lang`` (empty if no figure)."""
        meta = {}
        if self.alt:
            meta["image"] = {"alt": self.alt[lang].strip()}
        if self.caption:
            meta["figure"] = {"caption": self.caption[lang].strip()}
            if self.name:
                meta["figure"]["name"] = f"{lang}-{self.name}"
        return {"mystnb": meta} if meta else {}


def check_exercises(stem: str, cells) -> None:
    """Solutions come last and folded: every ``solution`` cell is also ``hide-cell``
    and follows the last ``exercise`` cell (in Colab and Binder hide-tags do
    nothing, so a solution right under its question would give it away)."""
    last_exercise = max((k for k, c in enumerate(cells) if "exercise" in c.tags), default=-1)
    for k, cell in enumerate(cells):
        if "solution" not in cell.tags:
            continue
        if "hide-cell" not in cell.tags:
            raise ValueError(f"{stem}: solution cell {k} must also be tagged hide-cell")
        if k < last_exercise:
            raise ValueError(f"{stem}: solution cell {k} comes before exercise cell "
                             f"{last_exercise}; solutions belong in the Solutions section")


def repository_url() -> str:
    """The course repository (``repository.url`` in _config.yml), used by Colab."""
    import yaml

    path = ROOT / "_config.yml"
    if not path.exists():  # only while the book config is being written
        return DEFAULT_REPOSITORY
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return config.get("repository", {}).get("url", DEFAULT_REPOSITORY).rstrip("/")


COLAB_CELL = """\
# In Colab, install the course package first (Binder and local installs already have it):
# lossbook {version}, the release these outputs were computed with (git tag v{version}).{note}
import sys

if "google.colab" in sys.modules:
    %pip install -q "lossbook[plot,progress] @ git+{url}@v{version}"{pins}
"""

# Chapters whose outputs depend on more than lossbook: in Colab they also install the
# versions pinned in requirements.txt (the ones that printed the stored outputs).
COLAB_PINS = {"07_keras_compile": ("keras", "jax", "jaxlib")}


def lossbook_version() -> str:
    """``lossbook.__version__`` of this repository (the Colab cell installs tag v<it>)."""
    text = (ROOT / "lossbook" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if match is None:
        raise ValueError("lossbook/__init__.py has no __version__ line")
    return match[1]


def requirement_pins() -> dict[str, str]:
    """``{name: version}`` of the ``name==version`` lines of requirements.txt."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s#;]+)", line.split("#", 1)[0].strip())
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def colab_cell(stem: str) -> str:
    """The first code cell of a chapter: installs this lossbook release in Colab, and
    for the chapters of COLAB_PINS the library versions the outputs came from."""
    version, names = lossbook_version(), COLAB_PINS.get(stem, ())
    pins, note = "", ""
    if names:
        all_pins = requirement_pins()
        missing = [name for name in names if name not in all_pins]
        if missing:
            raise ValueError(f"{stem}: {missing} not pinned in requirements.txt")
        pins = "".join(f' "{name}=={all_pins[name]}"' for name in names)
        printed = ", ".join(f"{name} {all_pins[name]}" for name in names)
        note = (f"\n# {printed} printed this chapter's outputs (CPU);\n"
                f"# the same versions are installed here over Colab's own.")
    return COLAB_CELL.format(url=repository_url(), version=version, pins=pins,
                             note=note).strip()


def load_source(stem: str):
    path = SRC / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(f"chapter_{stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["nbbuild"] = sys.modules[__name__]
    spec.loader.exec_module(module)
    return module


def titles():
    out = {}
    for stem in CHAPTERS:
        if (SRC / f"{stem}.py").exists():
            out[stem] = load_source(stem).TITLE
    return out


def make_notebook(stem: str, lang: str, all_titles) -> nbformat.NotebookNode:
    src = load_source(stem)
    ui = UI[lang]
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "lossbook": {"lang": lang, "chapter": stem},
    }
    header = f"# {src.TITLE[lang]}\n\n" + ui["twin"].format(stem=stem)
    nb.cells.append(nbformat.v4.new_markdown_cell(header))
    colab = nbformat.v4.new_code_cell(colab_cell(stem))
    colab.metadata["tags"] = ["hide-input"]  # set-up, not teaching: folded in the HTML
    nb.cells.append(colab)
    check_exercises(stem, src.CELLS)
    for cell in src.CELLS:
        if isinstance(cell, md):
            new = nbformat.v4.new_markdown_cell(cell.text[lang])
        elif isinstance(cell, code):
            new = nbformat.v4.new_code_cell(cell.source)
            new.metadata.update(cell.metadata(lang))
        else:
            raise TypeError(f"{stem}: unknown cell {cell!r}")
        if cell.tags:
            new.metadata["tags"] = cell.tags
        nb.cells.append(new)
    order = [s for s in CHAPTERS if s in all_titles]
    i = order.index(stem)
    nav = []
    if i > 0:
        nav.append(ui["prev"].format(stem=order[i - 1], title=all_titles[order[i - 1]][lang]))
    if i + 1 < len(order):
        nav.append(ui["next"].format(stem=order[i + 1], title=all_titles[order[i + 1]][lang]))
    nav.append(ui["home"])
    nav.append(ui["twin"].format(stem=stem))
    nb.cells.append(nbformat.v4.new_markdown_cell("---\n\n" + "\n\n".join(nav)))
    # Stable cell ids keep diffs small from one build to the next.
    for k, c in enumerate(nb.cells):
        c["id"] = f"{stem[:2]}-{lang}-{k:03d}"
    return nb


def execute(nb: nbformat.NotebookNode, folder: pathlib.Path) -> None:
    from nbclient import NotebookClient

    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}},
        record_timing=False,
    )
    client.execute()


def coalesce_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge consecutive stdout (or stderr) outputs of a cell into one output.

    How a kernel splits printed text into messages depends on timing; merging
    makes the stored notebook the same from one run to the next.
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            if (out.output_type == "stream" and merged
                    and merged[-1].output_type == "stream" and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        cell.outputs = merged
    return nb


def build(stem: str, run: bool, all_titles) -> None:
    for lang in LANGS:
        folder = BOOK / lang
        nb = make_notebook(stem, lang, all_titles)
        if run:
            t0 = time.perf_counter()
            execute(nb, folder)
            coalesce_streams(nb)
            print(f"  executed {lang}/{stem}.ipynb in {time.perf_counter() - t0:.1f} s")
        nbformat.write(nb, folder / f"{stem}.ipynb")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter stems (default: all with a source)")
    parser.add_argument("--no-execute", action="store_true", help="write without running")
    args = parser.parse_args(argv)
    all_titles = titles()
    stems = args.chapters or list(all_titles)
    for stem in stems:
        if stem not in all_titles:
            parser.error(f"no source book/src/{stem}.py (or not listed in CHAPTERS)")
        print(f"building {stem}")
        build(stem, not args.no_execute, all_titles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
