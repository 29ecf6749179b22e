"""Colab installs what was tested.

The set-up cell of every chapter notebook (and of its launch copy) installs lossbook in
Colab from one commit of this repository: the last commit that changed the package
(``lossbook/``, ``pyproject.toml``). Tags are never published, so the cell names a commit
SHA, and these tests prove that the commit is in HEAD's history and that the package
there is byte for byte the package at HEAD (same git tree for ``lossbook`` and the same
blob for ``pyproject.toml``). Chapter 7 also pins the Keras / JAX versions of
requirements.txt, the ones that printed its stored outputs.

The cell is written by ``tools/nbbuild.py`` (``make notebooks``) after the package is
committed (a commit cannot contain its own SHA); these tests read the committed
notebooks, so a package change without regenerated notebooks fails here.
"""

import json
import pathlib
import re
import subprocess

import nbbuild
import pytest

import lossbook

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted([*(ROOT / "book").glob("*/[0-9][0-9]_*.ipynb"),
                   *(ROOT / "launch" / "book").glob("*/[0-9][0-9]_*.ipynb")])
IDS = [str(p.relative_to(ROOT)) for p in CHAPTERS]
INSTALL = re.compile(r'%pip install -q "lossbook\[[\w,]+\] @ git\+(?P<url>\S+?)'
                     r'@(?P<ref>[^"]+)"(?P<pins>(?: "[\w.-]+==[^"]+")*)\s*$', re.M)


def colab_source(path: pathlib.Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next(c for c in cells if c["cell_type"] == "code")
    return "".join(first["source"])


def install_line(source: str) -> dict:
    """url, git reference and ``{name: version}`` pins of a Colab install cell."""
    match = INSTALL.search(source)
    if match is None:
        raise ValueError(f"no pinned lossbook install line in:\n{source}")
    pins = dict(re.findall(r'"([\w.-]+)==([^"]+)"', match["pins"]))
    return {"url": match["url"], "ref": match["ref"], "pins": pins}


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def the_reference() -> str:
    """The one commit every committed notebook installs."""
    refs = {install_line(colab_source(path))["ref"] for path in CHAPTERS}
    assert len(refs) == 1, f"the notebooks install different lossbook commits: {sorted(refs)}"
    return refs.pop()


@pytest.fixture(scope="module")
def history():
    """Skip where there is no git history to check against (an unpacked archive), and
    say how to get it in a shallow clone."""
    if git("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
        pytest.skip("not a git checkout: the Colab commit cannot be checked")
    ref = the_reference()
    if git("cat-file", "-e", f"{ref}^{{commit}}").returncode != 0:
        if git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
            pytest.skip(f"shallow clone: commit {ref[:12]} (the Colab install) is not fetched;"
                        " run `git fetch --unshallow` to check it")
        pytest.fail(f"the notebooks install lossbook at {ref}, which is not in this "
                    "repository: run make notebooks")
    return ref


def test_chapters_found():
    assert len(CHAPTERS) == 2 * 2 * len(nbbuild.titles()), IDS


def test_the_reference_is_a_full_commit_sha_not_a_tag():
    assert re.fullmatch(r"[0-9a-f]{40}", the_reference()), the_reference()


def test_the_reference_is_in_the_history_of_head(history):
    result = git("merge-base", "--is-ancestor", history, "HEAD")
    assert result.returncode == 0, (
        f"lossbook@{history[:12]} (the Colab install) is not an ancestor of HEAD: "
        "run make notebooks and commit")


def changed_since(ref: str) -> list[str]:
    """The package paths whose git object at ``ref`` is not the one at HEAD."""
    return [path for path in nbbuild.PACKAGE_PATHS
            if git("rev-parse", f"{ref}:{path}").stdout.strip()
            != git("rev-parse", f"HEAD:{path}").stdout.strip()]


def test_the_package_there_is_the_package_here(history):
    assert changed_since(history) == [], (
        f"{changed_since(history)} changed after {history[:12]}, the commit Colab installs: "
        "commit the package, then run make notebooks and commit the notebooks")


def test_an_older_package_commit_would_be_caught(history):
    """The check can fail: the package commit before the installed one differs from HEAD."""
    older = git("log", "--format=%H", "-1", f"{history}~1", "--",
                *nbbuild.PACKAGE_PATHS).stdout.strip()
    if not older:
        pytest.skip("the installed commit is the package's first")
    assert changed_since(older)


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_colab_cell_is_what_nbbuild_writes(path):
    lang, stem = path.parent.name, path.stem
    expected = nbbuild.colab_cell(stem, lang, the_reference())
    assert colab_source(path) == expected, "run make notebooks"
    assert install_line(expected)["url"] == nbbuild.repository_url()


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_library_pins_are_requirements(path):
    """Chapter 7 installs requirements.txt's keras/jax/jaxlib in Colab; the others
    install nothing beyond lossbook."""
    pins = install_line(colab_source(path))["pins"]
    wanted = {name: nbbuild.requirement_pins()[name]
              for name in nbbuild.COLAB_PINS.get(path.stem, ())}
    assert pins == wanted
    if path.stem == "07_keras_compile":
        assert set(wanted) == {"keras", "jax", "jaxlib"}


@pytest.mark.parametrize("lang", nbbuild.LANGS)
def test_the_set_up_cell_fixes_the_language_and_stops_on_a_failed_install(lang):
    cell = nbbuild.colab_cell("01_loss_functions", lang, "0" * 40)
    assert cell.rstrip().endswith(f'lossbook.set_language("{lang}")')
    assert "@v" not in cell and "tag" not in cell
    # %pip does not raise: the cell itself checks the import and raises, in the page's language
    source = cell.replace("%pip", "pass  # %pip").replace("import lossbook", "import lossbook_x")
    with pytest.raises(RuntimeError) as error:
        exec(compile(source, "setup", "exec"), {})
    assert ("불러올 수 없습니다" in str(error.value)) == (lang == "ko")
    assert ("cannot be imported" in str(error.value)) == (lang == "en")


def test_a_working_set_up_cell_sets_the_language():
    from lossbook import _lang

    try:
        for lang in nbbuild.LANGS:
            exec(nbbuild.colab_cell("02_activation_functions", lang, "0" * 40)
                 .replace("%pip", "pass  # %pip"), {})
            assert _lang.detected_language() == lang
    finally:
        lossbook.set_language(None)


def test_version_is_one_number():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M)[1]  # [project] version
    assert version == lossbook.__version__


def test_chapter_7_outputs_came_from_the_pinned_keras():
    """The stored outputs of chapter 7 print the Keras version that produced them."""
    keras = nbbuild.requirement_pins()["keras"]
    for lang in nbbuild.LANGS:
        nb = json.loads((ROOT / "book" / lang / "07_keras_compile.ipynb").read_text("utf-8"))
        printed = [line for c in nb["cells"] if c["cell_type"] == "code"
                   for out in c.get("outputs", []) if out.get("output_type") == "stream"
                   for line in "".join(out["text"]).splitlines()
                   if re.match(r"Keras \d+\.\d+\.\d+", line)]  # a version, not a loss value
        assert printed and all(line.split()[1] == keras for line in printed), printed


def test_install_line_parsing_catches_a_wrong_reference():
    cell = nbbuild.colab_cell("07_keras_compile", "en", "a" * 40)
    assert install_line(cell)["ref"] == "a" * 40
    with pytest.raises(ValueError):
        install_line(cell.replace("@" + "a" * 40, ""))  # unpinned


def test_a_pin_missing_from_requirements_is_an_error(monkeypatch):
    monkeypatch.setitem(nbbuild.COLAB_PINS, "01_loss_functions", ("keras", "tensorflow"))
    with pytest.raises(ValueError, match="tensorflow"):
        nbbuild.colab_cell("01_loss_functions", "en", "0" * 40)
