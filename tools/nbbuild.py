"""Build the Korean and English twin notebooks of each chapter from one source.

A chapter source lives in ``book/src/<name>.py`` and defines::

    from cells import code, md

    TITLE = {"ko": "손실 함수", "en": "Loss functions"}
    CELLS = [
        md(ko="...", en="..."),            # prose, one text per language
        code("print(1 + 1)"),              # code, shared by both twins
        code("...", tags=["hide-cell"]),   # cell tags (e.g. hidden set-up)
        code("plot_it()",                   # a figure: alt text and numbered caption
             alt={"ko": "...", "en": "..."}, caption={"ko": "...", "en": "..."}),
        code("answer = ...", tags=["exercise"]),            # the learner's cell
        ...
        md(ko="## 풀이 ...**1.** ...", en="## Solutions ...**1.** ..."),  # solutions' prose
        code("answer = 42", tags=["solution", "hide-cell"]),  # and code
    ]

Every chapter ends with a summary, the exercises and the solutions, in this order
(``## 요약``/``## Summary``, ``## 연습 문제``/``## Exercises``, ``## 풀이``/``## Solutions``).
In the solutions section every paragraph from the first ``**1.**`` (or ``1.``,
``**Solution 1.**``, ``**풀이 1.**``) on is a solution's prose and is folded.

Because both notebooks are generated from the same ``code(...)`` cells, the
twins share identical code by construction; ``tests/test_twins.py`` checks it.
The builder adds the title, the link to the twin page, the set-up cell (the
notebook's language; in Colab, the install of the tested lossbook) and the
links to the previous and next chapter (the order of ``_toc.yml``), then
executes each notebook in its own folder with a fresh kernel and stores the
outputs. Solutions are folded everywhere: Jupyter's ``source_hidden`` /
``outputs_hidden``, Colab's form view, and on the web a dropdown around the
prose and a hidden cell labelled "풀이 보기" / "Show solution".

Each executed notebook also gets a *launch copy*, ``launch/book/<lang>/<stem>.ipynb``:
the same cells and outputs with the MyST markup (``{ref}``, ``{cite}``, admonitions,
dropdowns, labels) turned into plain Markdown that Jupyter and Colab display,
cross-references becoming links to the published book. The book's launch buttons
open these copies (``repository.path_to_book: launch`` in ``_config.yml``).

Usage::

    python tools/nbbuild.py                 # every chapter, both languages
    python tools/nbbuild.py 01_loss_functions --no-execute
    python tools/nbbuild.py --launch-only   # launch copies from the committed notebooks
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import pathlib
import re
import subprocess
import sys
import time

import nbformat
from cells import LANGS, chapter_order, code, md

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SRC = BOOK / "src"
LAUNCH = ROOT / "launch"  # launch copies: LAUNCH / "book" / lang / f"{stem}.ipynb"
DEFAULT_REPOSITORY = "https://github.com/lossbook/lossbook"
DEFAULT_BOOK_URL = "https://lossbook.github.io/lossbook"
# What `pip install lossbook @ git+...@<commit>` installs: the commit named in the set-up
# cell is the last one that changed these paths.
PACKAGE_PATHS = ("lossbook", "pyproject.toml")

# Chapter order of the course: the table of contents (file stems, both languages).
CHAPTERS = chapter_order()

UI = {
    "ko": {
        "twin": "🌐 [English version of this page](../en/{stem}.ipynb)",
        "prev": "← 이전 장: [{title}]({stem}.ipynb)",
        "next": "다음 장: [{title}]({stem}.ipynb) →",
        "home": "[강의 첫 페이지](index.md)",
        "show": "풀이 보기",
        "show_code": "풀이 코드 보기",
        "hide_code": "풀이 코드 숨기기",
        "show_n": "{n}번 풀이 보기",
    },
    "en": {
        "twin": "🌐 [이 페이지의 한국어판 (Korean version)](../ko/{stem}.ipynb)",
        "prev": "← Previous chapter: [{title}]({stem}.ipynb)",
        "next": "Next chapter: [{title}]({stem}.ipynb) →",
        "home": "[Course home](index.md)",
        "show": "Show solution",
        "show_code": "Show solution code",
        "hide_code": "Hide solution code",
        "show_n": "Show solution {n}",
    },
}

# The headings that end every chapter, in this order.
ENDING = {
    "ko": ("## 요약", "## 연습 문제", "## 풀이"),
    "en": ("## Summary", "## Exercises", "## Solutions"),
}


def check_exercises(stem: str, cells) -> None:
    """Solutions come last and folded: every ``solution`` code cell is also ``hide-cell``
    and follows the last ``exercise`` cell (a solution right under its question would
    give it away), and each chapter ends summary, exercises, solutions."""
    last_exercise = max((k for k, c in enumerate(cells) if "exercise" in c.tags), default=-1)
    for k, cell in enumerate(cells):
        if "solution" not in cell.tags:
            continue
        if isinstance(cell, code) and "hide-cell" not in cell.tags:
            raise ValueError(f"{stem}: solution cell {k} must also be tagged hide-cell")
        if k < last_exercise:
            raise ValueError(f"{stem}: solution cell {k} comes before exercise cell "
                             f"{last_exercise}; solutions belong in the Solutions section")
    for lang in LANGS:
        found = []
        for heading in ENDING[lang]:
            where = [k for k, c in enumerate(cells) if isinstance(c, md)
                     and any(line == heading for line in c.text[lang].splitlines())]
            if len(where) != 1:
                raise ValueError(f"{stem} ({lang}): {len(where)} cells with {heading!r}, want 1")
            found.append(where[0])
        if found != sorted(found):
            raise ValueError(f"{stem} ({lang}): the chapter must end {' → '.join(ENDING[lang])}")


def _config() -> dict:
    import yaml

    path = ROOT / "_config.yml"
    if not path.exists():  # only while the book config is being written
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def repository_url() -> str:
    """The course repository (``repository.url`` in _config.yml), used by Colab."""
    return _config().get("repository", {}).get("url", DEFAULT_REPOSITORY).rstrip("/")


def book_url() -> str:
    """Where the book is published (``html.baseurl`` in _config.yml), for the launch copies."""
    return (_config().get("html", {}).get("baseurl") or DEFAULT_BOOK_URL).rstrip("/")


def git(*args: str) -> str:
    """Output of ``git args`` in the repository (stripped); CalledProcessError if it fails."""
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def package_commit() -> str:
    """The last commit that changed the package (``lossbook/``, ``pyproject.toml``).

    Colab installs lossbook from this commit. A commit cannot name itself, so the set-up
    cell names the commit the package came from and the notebooks are committed after it;
    tests/test_colab.py checks that the package at that commit is the one at HEAD.
    """
    sha = git("log", "-1", "--format=%H", "--", *PACKAGE_PATHS)
    if not re.fullmatch(r"[0-9a-f]{40}", sha):
        raise ValueError(f"no commit has changed {PACKAGE_PATHS} (git log said {sha!r})")
    dirty = git("status", "--porcelain", "--", *PACKAGE_PATHS)
    if dirty:
        print(f"warning: uncommitted changes in {', '.join(PACKAGE_PATHS)}; Colab would install"
              f" {sha[:12]}, not what runs here. Commit them, then run make notebooks again.",
              file=sys.stderr)
    return sha


# Chapters whose outputs depend on more than lossbook: in Colab they also install the
# versions pinned in requirements.txt (the ones that printed the stored outputs).
COLAB_PINS = {"07_keras_compile": ("keras", "jax", "jaxlib")}

SETUP_CELL = {
    "ko": """\
# 준비: 이 노트북의 언어를 정합니다. Colab에서는 먼저 강의 패키지를 설치합니다
# (이 장의 출력을 계산한 lossbook, 커밋 {short}). Binder와 내 컴퓨터에는 이미 있습니다.{note}
import sys

if "google.colab" in sys.modules:
    %pip install -q "lossbook[plot,progress] @ git+{url}@{sha}"{pins}

try:
    import lossbook
except ImportError as error:
    raise RuntimeError(
        "lossbook을 불러올 수 없습니다. Colab이라면 위에 나온 pip 메시지를 확인하고 "
        "이 셀을 다시 실행하세요. 내 컴퓨터라면 저장소 폴더에서 "
        "'pip install -r requirements.txt'를 먼저 실행하세요."
    ) from error
lossbook.set_language("ko")
""",
    "en": """\
# Set-up: the language of this notebook. In Colab it first installs the course package
# (the lossbook that computed this chapter's outputs, commit {short}); Binder and local
# installs already have it.{note}
import sys

if "google.colab" in sys.modules:
    %pip install -q "lossbook[plot,progress] @ git+{url}@{sha}"{pins}

try:
    import lossbook
except ImportError as error:
    raise RuntimeError(
        "lossbook cannot be imported. In Colab, read pip's message above and run this "
        "cell again; on your own computer, run 'pip install -r requirements.txt' in the "
        "repository folder first."
    ) from error
lossbook.set_language("en")
""",
}
PINS_NOTE = {
    "ko": "\n# {printed}: 이 장의 출력(CPU)을 낸 판입니다. Colab의 판 대신 이 판을 설치합니다.",
    "en": "\n# {printed} printed this chapter's outputs (CPU);\n"
          "# the same versions are installed here over Colab's own.",
}


def requirement_pins() -> dict[str, str]:
    """``{name: version}`` of the ``name==version`` lines of requirements.txt."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s#;]+)", line.split("#", 1)[0].strip())
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def colab_cell(stem: str, lang: str, sha: str | None = None) -> str:
    """The set-up cell of a chapter (its first code cell): installs lossbook at commit
    ``sha`` (default :func:`package_commit`) in Colab, and for the chapters of
    COLAB_PINS the library versions the outputs came from; stops with a message in
    ``lang`` if lossbook cannot be imported; fixes the notebook's language."""
    sha = sha or package_commit()
    names = COLAB_PINS.get(stem, ())
    pins, note = "", ""
    if names:
        all_pins = requirement_pins()
        missing = [name for name in names if name not in all_pins]
        if missing:
            raise ValueError(f"{stem}: {missing} not pinned in requirements.txt")
        pins = "".join(f' "{name}=={all_pins[name]}"' for name in names)
        printed = ", ".join(f"{name} {all_pins[name]}" for name in names)
        note = PINS_NOTE[lang].format(printed=printed)
    return SETUP_CELL[lang].format(url=repository_url(), sha=sha, short=sha[:12], pins=pins,
                                   note=note).strip()


def load_source(stem: str):
    """The chapter source module ``book/src/<stem>.py`` (it imports ``cells``)."""
    path = SRC / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(f"chapter_{stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def titles():
    out = {}
    for stem in CHAPTERS:
        if (SRC / f"{stem}.py").exists():
            out[stem] = load_source(stem).TITLE
    return out


_SOLUTION_START = re.compile(r"^(?:\*\*)?(?:풀이 |Solution )?(\d+)\.", re.M)


def solution_number(text: str) -> str | None:
    """The exercise number a solution's prose starts with (``**3.**``, ``3.`` -> ``"3"``)."""
    match = _SOLUTION_START.match(text)
    return match[1] if match else None


def split_solutions(text: str) -> tuple[str, str]:
    """``text`` of the Solutions heading cell as (heading and introduction, first solution)."""
    match = _SOLUTION_START.search(text)
    if match is None:
        return text, ""
    return text[:match.start()].rstrip("\n"), text[match.start():]


def fold_solution(text: str, lang: str) -> str:
    """A solution's prose inside a dropdown titled "풀이 보기" / "Show solution" (N)."""
    n = solution_number(text)
    title = UI[lang]["show_n"].format(n=n) if n else UI[lang]["show"]
    fence = ":" * max(3, 1 + max((len(m) for m in re.findall(r"^:{3,}", text, re.M)), default=0))
    return f"{fence}{{dropdown}} {title}\n{text}\n{fence}"


def make_notebook(stem: str, lang: str, all_titles, sha: str | None = None
                  ) -> nbformat.NotebookNode:
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
    colab = nbformat.v4.new_code_cell(colab_cell(stem, lang, sha))
    colab.metadata["tags"] = ["hide-input"]  # set-up, not teaching: folded in the HTML
    nb.cells.append(colab)
    check_exercises(stem, src.CELLS)
    in_solutions = False
    for cell in src.CELLS:
        if isinstance(cell, md):
            text = cell.text[lang]
            if ENDING[lang][2] in text.splitlines():
                in_solutions = True
                text, first = split_solutions(text)
                if first:
                    nb.cells.append(nbformat.v4.new_markdown_cell(text))
                    text = fold_solution(first, lang)
            elif in_solutions:
                text = fold_solution(text, lang)
            new = nbformat.v4.new_markdown_cell(text)
        elif isinstance(cell, code):
            new = nbformat.v4.new_code_cell(cell.source)
            new.metadata.update(cell.metadata(lang))
            if "solution" in cell.tags:
                # folded in Jupyter (source and outputs) and on the web, with our label
                new.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
                new.metadata.setdefault("mystnb", {}).update(
                    code_prompt_show=ui["show_code"], code_prompt_hide=ui["hide_code"])
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


# -- launch copies: the same notebook in plain Markdown, for Jupyter and Colab ----------

_FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<title>.*)$")
_LABEL = re.compile(r"^\((?P<label>[\w-]+)\)=[ \t]*$", re.M)
_REF = re.compile(r"\{ref\}`(?:(?P<text>[^`<]*?)\s*<(?P<label>[\w-]+)>|(?P<bare>[\w-]+))`")
_CITE = re.compile(r"\{cite(?::[pt])?\}`(?P<keys>[^`]+)`")
_ANY_ROLE = re.compile(r"\{[\w:-]+\}`")
_MD_LINK = re.compile(r"\]\((?P<target>(?!https?:|#)[^)\s]+?)\.md(?P<anchor>#[^)\s]*)?\)")
_ADMONITION_TITLE = {"note": ("참고", "Note"), "tip": ("팁", "Tip"),
                     "warning": ("주의", "Warning"), "important": ("중요", "Important")}


def bib_labels(path: pathlib.Path = ROOT / "references.bib") -> dict[str, str]:
    """``{key: "Kingma & Ba, 2015"}``: author-year labels like the book's citations."""
    labels = {}
    for entry in re.split(r"^@", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        key = re.match(r"\w+\{([^,]+),", entry)
        author = re.search(r"author\s*=\s*\{(.+?)\},?\s*$", entry, re.M)
        year = re.search(r"year\s*=\s*\{(\d{4})\}", entry)
        if not (key and author and year):
            continue
        names = [re.sub(r"[{}\\]|\\c", "", a.split(",")[0]).strip()
                 for a in author[1].split(" and ")]
        names = [n for n in names if n != "others"]
        who = (names[0] if len(names) == 1 else f"{names[0]} & {names[1]}" if len(names) == 2
               else f"{names[0]} et al.")
        labels[key[1]] = f"{who}, {year[1]}"
    return labels


def _labels(text: str) -> dict[str, str | None]:
    """``{label: title}`` of the ``(label)=`` lines of ``text`` (the heading that follows)."""
    found = {}
    for match in _LABEL.finditer(text):
        after = text[match.end():].lstrip("\n").split("\n", 1)[0]
        found[match["label"]] = after.lstrip("#").strip() if after.startswith("#") else None
    return found


def label_pages() -> dict[str, tuple[str, str | None]]:
    """``{label: (page, title)}`` for every reference target of the book.

    Pages are like ``book/ko/01_loss_functions``. Labels are ``(name)=`` lines in chapter
    prose and Markdown pages (title: the heading under it, if any), and figure names
    (``{lang}-{name}``, titled by their caption) of chapter code cells.
    """
    pages = {}
    for stem in titles():
        for cell in load_source(stem).CELLS:
            for lang in LANGS:
                if isinstance(cell, md):
                    for label, title in _labels(cell.text[lang]).items():
                        pages[label] = (f"book/{lang}/{stem}", title)
                elif cell.name:
                    pages[f"{lang}-{cell.name}"] = (f"book/{lang}/{stem}",
                                                    cell.caption[lang].strip())
    for path in BOOK.glob("*/*.md"):
        for label, title in _labels(path.read_text(encoding="utf-8")).items():
            pages[label] = (str(path.relative_to(ROOT).with_suffix("")), title)
    return pages


def _directive(name: str, title: str, body: str, lang: str) -> str:
    """A MyST directive as plain Markdown: dropdowns fold, admonitions become quotes."""
    if name == "dropdown":
        return f"<details>\n<summary>{title}</summary>\n\n{body}\n\n</details>"
    if name in _ADMONITION_TITLE or name == "admonition":
        default = _ADMONITION_TITLE.get(name, ("", ""))[LANGS.index(lang)]
        heading = f"**{title or default}**\n\n" if (title or default) else ""
        return "\n".join(f"> {line}".rstrip() for line in (heading + body).splitlines())
    raise ValueError(f"no plain-Markdown form for the {{{name}}} directive")


def _plain_directives(text: str, lang: str) -> str:
    """The directives of ``text`` in plain Markdown, each with a blank line before and
    after (a quote would swallow the next line, an HTML block every line up to a blank)."""
    lines, out, k = text.splitlines(), [], 0
    while k < len(lines):
        match = _FENCE.match(lines[k])
        if not match:
            if out and out[-1] is None:
                out[-1] = "" if lines[k].strip() else None
            out.append(lines[k])
            k += 1
            continue
        if out and out[-1] and out[-1].strip():
            out.append("")
        end = next((j for j in range(k + 1, len(lines)) if lines[j].strip() == match["fence"]),
                   None)
        if end is None:
            raise ValueError(f"unclosed {{{match['name']}}} directive: {lines[k]!r}")
        body = lines[k + 1:end]
        while body and re.match(r"^:[\w-]+:", body[0]):  # directive options (:class: ...)
            body = body[1:]
        inner = _plain_directives("\n".join(body).strip("\n"), lang)
        out.append(_directive(match["name"], match["title"].strip(), inner, lang))
        out.append(None)  # a blank line if more text follows
        k = end + 1
    return "\n".join(line for line in out if line is not None)


def plain_markdown(text: str, lang: str, page: str, pages: dict[str, str],
                   cites: dict[str, str]) -> str:
    """``text`` (MyST) as Markdown that Jupyter and Colab render.

    References become links (within ``page``: to the anchor in this notebook; otherwise
    to the published book), citations author-year links to the book's reference list,
    labels HTML anchors, links to the book's Markdown pages links to their web pages.
    """
    base = book_url()

    def ref(match):
        label = match["label"] or match["bare"]
        if label not in pages:
            raise ValueError(f"{page}: unknown reference target {label!r}")
        where, title = pages[label]
        text = match["text"] or title
        if not text:
            raise ValueError(f"{page}: {{ref}}`{label}` needs a text (no heading to take)")
        target = f"#{label}" if where == page else f"{base}/{where}.html#{label}"
        return f"[{text}]({target})"

    def cite(match):
        keys = [key.strip() for key in match["keys"].split(",")]
        unknown = [key for key in keys if key not in cites]
        if unknown:
            raise ValueError(f"{page}: unknown citation {unknown}")
        return "(" + "; ".join(f"[{cites[key]}]({base}/book/intro.html)" for key in keys) + ")"

    folder = page.rsplit("/", 1)[0]

    def md_link(match):
        target = (pathlib.PurePosixPath(folder) / match["target"]).as_posix()
        parts = []
        for part in target.split("/"):
            if part == ".." and parts:
                parts.pop()
            else:
                parts.append(part)
        return f"]({base}/{'/'.join(parts)}.html{match['anchor'] or ''})"

    text = _plain_directives(text, lang)
    text = _LABEL.sub(lambda m: f'<a id="{m["label"]}"></a>', text)
    text = _REF.sub(ref, text)
    text = _CITE.sub(cite, text)
    text = _MD_LINK.sub(md_link, text)
    left = _ANY_ROLE.search(text)
    if left:
        raise ValueError(f"{page}: no plain-Markdown form for the role {left[0]!r}")
    return text


def launch_copy(nb: nbformat.NotebookNode, pages=None, cites=None) -> nbformat.NotebookNode:
    """The notebook the launch buttons open: same code and outputs, plain Markdown,
    and solution cells in Colab's form view (their title line shows, the code folds)."""
    lang, stem = nb.metadata["lossbook"]["lang"], nb.metadata["lossbook"]["chapter"]
    pages = label_pages() if pages is None else pages
    cites = bib_labels() if cites is None else cites
    page = f"book/{lang}/{stem}"
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, lang, page, pages, cites)
        elif "solution" in cell.metadata.get("tags", []):
            cell.source = f"#@title {UI[lang]['show']}\n{cell.source}"
            cell.metadata["cellView"] = "form"
    return out


def launch_path(stem: str, lang: str) -> pathlib.Path:
    return LAUNCH / "book" / lang / f"{stem}.ipynb"


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


def build(stem: str, run: bool, all_titles, sha: str, pages, cites) -> None:
    for lang in LANGS:
        folder = BOOK / lang
        nb = make_notebook(stem, lang, all_titles, sha)
        if run:
            t0 = time.perf_counter()
            execute(nb, folder)
            coalesce_streams(nb)
            print(f"  executed {lang}/{stem}.ipynb in {time.perf_counter() - t0:.1f} s")
        nbformat.write(nb, folder / f"{stem}.ipynb")
        path = launch_path(stem, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(launch_copy(nb, pages, cites), path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter stems (default: all with a source)")
    parser.add_argument("--no-execute", action="store_true", help="write without running")
    parser.add_argument("--launch-only", action="store_true",
                        help="only rewrite the launch copies from the committed notebooks")
    args = parser.parse_args(argv)
    all_titles = titles()
    stems = args.chapters or list(all_titles)
    pages, cites = label_pages(), bib_labels()
    sha = None if args.launch_only else package_commit()
    for stem in stems:
        if stem not in all_titles:
            parser.error(f"no source book/src/{stem}.py (or not listed in _toc.yml)")
        if args.launch_only:
            for lang in LANGS:
                nb = nbformat.read(BOOK / lang / f"{stem}.ipynb", as_version=4)
                nbformat.write(launch_copy(nb, pages, cites), launch_path(stem, lang))
            print(f"launch copies of {stem} rewritten")
            continue
        print(f"building {stem}")
        build(stem, not args.no_execute, all_titles, sha, pages, cites)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
