"""Colab runs what we tested: the install cell of every committed chapter notebook pins
this lossbook release (git tag ``v<lossbook.__version__>``), and chapter 7 also pins the
Keras / JAX versions of requirements.txt, the ones that printed its stored outputs.

The cell is written by ``tools/nbbuild.py`` (``make notebooks``); these tests read the
committed notebooks, so a version bump without regenerated notebooks fails here.
"""

import json
import pathlib
import re
import sys

import pytest

import lossbook

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import nbbuild  # noqa: E402

CHAPTERS = sorted(p for p in (ROOT / "book").glob("*/[0-9][0-9]_*.ipynb"))
IDS = [str(p.relative_to(ROOT / "book")) for p in CHAPTERS]
INSTALL = re.compile(r'%pip install -q "lossbook\[[\w,]+\] @ git\+(?P<url>\S+?)'
                     r'@v(?P<version>[^"]+)"(?P<pins>(?: "[\w.-]+==[^"]+")*)\s*$', re.M)


def colab_source(path: pathlib.Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next(c for c in cells if c["cell_type"] == "code")
    return "".join(first["source"])


def install_line(source: str) -> dict:
    """url, version and ``{name: version}`` pins of a Colab install cell."""
    match = INSTALL.search(source)
    if match is None:
        raise ValueError(f"no pinned lossbook install line in:\n{source}")
    pins = dict(re.findall(r'"([\w.-]+)==([^"]+)"', match["pins"]))
    return {"url": match["url"], "version": match["version"], "pins": pins}


def test_version_is_one_number():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M)[1]  # [project] version
    assert version == lossbook.__version__ == nbbuild.lossbook_version()


def test_chapters_found():
    assert len(CHAPTERS) >= 2 * 7, IDS


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_colab_cell_pins_this_release(path):
    line = install_line(colab_source(path))
    assert line["version"] == lossbook.__version__, (
        f"{path.name} installs lossbook v{line['version']} in Colab, the package is "
        f"{lossbook.__version__}: run make notebooks")
    assert line["url"] == nbbuild.repository_url()


@pytest.mark.parametrize("path", CHAPTERS, ids=IDS)
def test_colab_cell_is_what_nbbuild_writes(path):
    stem = path.stem
    assert colab_source(path) == nbbuild.colab_cell(stem), "run make notebooks"


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


def test_chapter_7_outputs_came_from_the_pinned_keras():
    """The stored outputs of chapter 7 print the Keras version that produced them."""
    keras = nbbuild.requirement_pins()["keras"]
    for lang in nbbuild.LANGS:
        nb = json.loads((ROOT / "book" / lang / "07_keras_compile.ipynb").read_text("utf-8"))
        printed = [line for c in nb["cells"] if c["cell_type"] == "code"
                   for out in c.get("outputs", []) if out.get("output_type") == "stream"
                   for line in "".join(out["text"]).splitlines()
                   if re.match(r"Keras \d+\.\d+", line)]
        assert printed and all(line.split()[1] == keras for line in printed), printed


def test_install_line_parsing_catches_a_wrong_pin():
    cell = nbbuild.colab_cell("07_keras_compile")
    assert install_line(cell)["version"] == lossbook.__version__
    stale = cell.replace(f"@v{lossbook.__version__}", "@v0.0.9")
    assert install_line(stale)["version"] == "0.0.9"
    with pytest.raises(ValueError):
        install_line(cell.replace(f"@v{lossbook.__version__}", ""))  # unpinned: the old cell


def test_a_pin_missing_from_requirements_is_an_error(monkeypatch):
    monkeypatch.setitem(nbbuild.COLAB_PINS, "01_loss_functions", ("keras", "tensorflow"))
    with pytest.raises(ValueError, match="tensorflow"):
        nbbuild.colab_cell("01_loss_functions")
