"""Committed notebooks match their sources.

``book/src/<chapter>.py`` is the one source of every chapter; ``book/{ko,en}/*.ipynb``
are generated from it by ``tools/nbbuild.py`` and committed with their outputs. This
test rebuilds each notebook's cells from its source WITHOUT executing them and compares
cell types, sources, tags, cell metadata and ids with the committed file, so an edit
made in a notebook (or a source edit that was never rebuilt) fails here with the
notebook's name and the first differing cell. nbval compares a notebook only with its
own outputs and the twin test Korean with English; neither catches this.
"""

from __future__ import annotations

import difflib
import functools
import pathlib
import re

import nbbuild as _nbbuild
import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]

# Cell metadata that Jupyter or nbclient may add on their own; everything else (tags,
# myst-nb figure alt text and captions) comes from the source and must match it.
VOLATILE_METADATA = {"execution", "collapsed", "scrolled"}


def nbbuild():
    return _nbbuild


@functools.cache
def titles():
    return nbbuild().titles()


@functools.cache
def targets():
    """Reference targets and citation labels of the whole book, read once."""
    return nbbuild().label_pages(), nbbuild().bib_labels()


def _cell_view(cell) -> dict:
    """What the source decides about a cell (not its outputs or execution counts)."""
    source = cell.get("source", "")
    metadata = {k: v for k, v in cell.get("metadata", {}).items() if k not in VOLATILE_METADATA}
    return {
        "cell_type": cell.get("cell_type"),
        "id": cell.get("id"),
        "source": "".join(source) if isinstance(source, list) else source,
        "tags": list(metadata.pop("tags", [])),
        "metadata": metadata,
    }


def _short_diff(expected: str, committed: str, limit: int = 12) -> str:
    lines = list(difflib.unified_diff(
        expected.splitlines(), committed.splitlines(),
        "from the source", "committed", lineterm="", n=1,
    ))
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more diff lines)"]
    return "\n".join(lines)


def first_difference(expected, committed) -> str | None:
    """Where notebook ``committed`` first differs from ``expected`` (rebuilt from the source).

    Both are notebooks (dicts or ``nbformat`` nodes). Returns None when every cell's
    type, id, source, tags and metadata match, else a message naming the first
    differing cell by index with a short diff.
    """
    want = [_cell_view(c) for c in expected["cells"]]
    have = [_cell_view(c) for c in committed["cells"]]
    for k, (w, h) in enumerate(zip(want, have, strict=False)):  # counts: below
        what = f"cell {k} ({w['cell_type']}, id {w['id']})"
        if w["cell_type"] != h["cell_type"]:
            return (f"{what}: cell type {h['cell_type']!r} committed,"
                    f" {w['cell_type']!r} in the source")
        if w["source"] != h["source"]:
            return f"{what}: source differs\n{_short_diff(w['source'], h['source'])}"
        if w["tags"] != h["tags"]:
            return f"{what}: tags {h['tags']} committed, {w['tags']} in the source"
        if w["metadata"] != h["metadata"]:
            return f"{what}: metadata {h['metadata']} committed, {w['metadata']} in the source"
        if w["id"] != h["id"]:
            return f"{what}: id {h['id']!r} committed"
    if len(want) != len(have):
        k = min(len(want), len(have))
        extra = (want if len(want) > len(have) else have)[k]
        side = "only in the source" if len(want) > len(have) else "only in the notebook"
        return (f"{len(have)} cells committed, {len(want)} in the source; cell {k} is {side}:\n"
                + extra["source"][:300])
    meta_want = expected["metadata"].get("lossbook")
    meta_have = committed["metadata"].get("lossbook")
    if meta_want != meta_have:
        return f"notebook metadata 'lossbook' is {meta_have}, the source gives {meta_want}"
    return None


def chapters():
    return [(lang, stem) for stem in titles() for lang in nbbuild().LANGS]


def installed_commit(nb) -> str | None:
    """The lossbook commit a committed notebook's set-up cell installs in Colab (its
    freshness is tests/test_colab.py's business; here only the sources count)."""
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    match = re.search(r"@([0-9a-f]{40})\"", first.source if first else "")
    return match[1] if match else None


@pytest.mark.parametrize(("lang", "stem"), chapters(), ids=lambda v: v)
def test_committed_notebook_matches_its_source(lang, stem):
    path = ROOT / "book" / lang / f"{stem}.ipynb"
    assert path.exists(), f"book/{lang}/{stem}.ipynb is missing: run tools/nbbuild.py {stem}"
    committed = nbformat.read(path, as_version=4)
    expected = nbbuild().make_notebook(stem, lang, titles(), installed_commit(committed))
    where = first_difference(expected, committed)
    assert where is None, (
        f"book/{lang}/{stem}.ipynb differs from book/src/{stem}.py at {where}\n"
        f"(edit the source, then rebuild: .venv/bin/python tools/nbbuild.py {stem})"
    )


@pytest.mark.parametrize(("lang", "stem"), chapters(), ids=lambda v: v)
def test_launch_copy_matches_its_source(lang, stem):
    """The copy the launch buttons open is the chapter in plain Markdown."""
    path = nbbuild().launch_path(stem, lang)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run tools/nbbuild.py {stem}"
    committed = nbformat.read(path, as_version=4)
    expected = nbbuild().launch_copy(
        nbbuild().make_notebook(stem, lang, titles(), installed_commit(committed)), *targets())
    where = first_difference(expected, committed)
    assert where is None, (
        f"{path.relative_to(ROOT)} differs from book/src/{stem}.py at {where}\n"
        f"(rebuild: .venv/bin/python tools/nbbuild.py {stem})"
    )


@pytest.mark.parametrize(("lang", "stem"), chapters(), ids=lambda v: v)
def test_launch_copy_has_no_myst_markup(lang, stem):
    """No roles, directives or labels reach Jupyter or Colab as raw text."""
    nb = nbformat.read(nbbuild().launch_path(stem, lang), as_version=4)
    for k, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for pattern in (r"\{[\w:-]+\}`", r"^(```|:::)\{", r"^\([\w-]+\)=\s*$", r"^:class:"):
            left = re.search(pattern, cell.source, re.M)
            assert left is None, f"cell {k}: raw MyST {left[0]!r} in the launch copy"


@pytest.mark.parametrize(("lang", "stem"), chapters(), ids=lambda v: v)
def test_launch_copy_keeps_code_and_outputs(lang, stem):
    """Same code (solutions with a Colab title line) and the same stored outputs."""
    book = nbformat.read(ROOT / "book" / lang / f"{stem}.ipynb", as_version=4)
    launch = nbformat.read(nbbuild().launch_path(stem, lang), as_version=4)
    for ours, theirs in zip(book.cells, launch.cells, strict=True):
        if ours.cell_type != "code":
            continue
        source = theirs.source
        if "solution" in ours.metadata.get("tags", []):
            title, source = source.split("\n", 1)
            assert title.startswith("#@title ") and theirs.metadata["cellView"] == "form"
        assert source == ours.source
        assert theirs.outputs == ours.outputs


def test_every_committed_notebook_has_a_source():
    known = set(titles())
    for path in sorted((ROOT / "book").glob("*/*.ipynb")):
        assert path.stem in known, f"{path.relative_to(ROOT)} has no source book/src/{path.stem}.py"


# -- the comparison itself, on a deliberately drifted copy ---------------------------


@pytest.fixture
def rebuilt_copy(tmp_path):
    """A notebook rebuilt from the first chapter's source, written to and read back from
    tmp_path (so it went through the same JSON round trip as a committed file)."""
    stem = next(iter(titles()))
    nb = nbbuild().make_notebook(stem, "en", titles())
    path = tmp_path / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return nb, path


def first_code_cell(nb):
    return next(k for k, c in enumerate(nb.cells) if c.cell_type == "code" and k > 1)


def test_an_unchanged_copy_has_no_difference(rebuilt_copy):
    nb, path = rebuilt_copy
    committed = nbformat.read(path, as_version=4)
    committed.cells[1].outputs = [nbformat.v4.new_output("stream", text="outputs do not count\n")]
    committed.cells[1].execution_count = 1
    committed.cells[1].metadata["execution"] = {"iopub.status.idle": "2026-11-30T00:00:00Z"}
    assert first_difference(nb, committed) is None


def test_an_edited_code_cell_is_named_with_a_diff(rebuilt_copy):
    nb, path = rebuilt_copy
    committed = nbformat.read(path, as_version=4)
    k = first_code_cell(committed)
    committed.cells[k].source += "\nprint('edited in the notebook only')"
    where = first_difference(nb, committed)
    assert where is not None and where.startswith(f"cell {k} (code, id ")
    assert "source differs" in where
    assert "+print('edited in the notebook only')" in where


def test_changed_tags_metadata_and_cell_count_are_named(rebuilt_copy):
    nb, path = rebuilt_copy
    k = first_code_cell(nb)

    tagged = nbformat.read(path, as_version=4)
    tagged.cells[k].metadata["tags"] = ["hide-input"]
    assert first_difference(nb, tagged).startswith(f"cell {k} ")
    assert "tags ['hide-input'] committed" in first_difference(nb, tagged)

    captioned = nbformat.read(path, as_version=4)
    captioned.cells[k].metadata["mystnb"] = {"image": {"alt": "a hand-written alt text"}}
    assert "metadata" in first_difference(nb, captioned)

    shorter = nbformat.read(path, as_version=4)
    del shorter.cells[-1]
    message = first_difference(nb, shorter)
    assert f"{len(nb.cells) - 1} cells committed, {len(nb.cells)} in the source" in message

    retyped = nbformat.read(path, as_version=4)
    retyped.cells[k] = nbformat.v4.new_markdown_cell(retyped.cells[k].source, id=nb.cells[k].id)
    assert "cell type 'markdown' committed, 'code' in the source" in first_difference(nb, retyped)


# -- MyST to plain Markdown, on small examples -----------------------------------------


def plain(text, lang="en", page="book/en/01_loss_functions"):
    pages = {"en-fix": ("book/en/01_loss_functions", "Correction"),
             "en-post-x": ("book/en/sources", None)}
    return nbbuild().plain_markdown(text, lang, page, pages, {"k2015": "Kingma & Ba, 2015"})


def test_references_become_links():
    base = nbbuild().book_url()
    assert plain("see {ref}`the box <en-fix>`") == "see [the box](#en-fix)"
    assert plain("see {ref}`en-fix`") == "see [Correction](#en-fix)"
    post = f"[the post]({base}/book/en/sources.html#en-post-x)"
    assert plain("{ref}`the post <en-post-x>`") == post
    assert plain("Adam {cite}`k2015`") == f"Adam ([Kingma & Ba, 2015]({base}/book/intro.html))"
    assert plain("[glossary](glossary.md)") == f"[glossary]({base}/book/en/glossary.html)"
    assert plain("[next](02_activation_functions.ipynb)") == "[next](02_activation_functions.ipynb)"
    assert plain("(en-fix)=\n## Title") == '<a id="en-fix"></a>\n## Title'


def test_directives_become_quotes_and_details():
    box = "```{admonition} Correction: a slip\n:class: warning\nText $x$.\n\nMore.\n```"
    assert plain(box) == "> **Correction: a slip**\n>\n> Text $x$.\n>\n> More."
    assert plain(":::{note}\nA note.\n:::", lang="ko") == "> **참고**\n>\n> A note."
    inline = "Before.\n:::{note}\nA note.\n:::\nAfter."
    assert plain(inline) == "Before.\n\n> **Note**\n>\n> A note.\n\nAfter."
    fold = "::::{dropdown} Show solution 1\n**1.** Because.\n::::"
    assert plain(fold) == ("<details>\n<summary>Show solution 1</summary>\n\n"
                           "**1.** Because.\n\n</details>")


def test_unknown_markup_is_an_error_not_raw_text():
    with pytest.raises(ValueError, match="numref"):
        plain("{numref}`en-fix`")
    with pytest.raises(ValueError, match="needs a text"):
        plain("{ref}`en-post-x`")
    with pytest.raises(ValueError, match="unknown reference"):
        plain("{ref}`x <en-nowhere>`")
    with pytest.raises(ValueError, match="unclosed"):
        plain("```{admonition} Open\ntext")
