"""README.md is for readers: short, and every link in it leads somewhere real."""

import pathlib
import re
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
REPOSITORY_FILE = re.compile(r"(?:/blob/main/|urlpath=lab/tree/)([\w./-]+\.ipynb)")


def test_readme_is_at_most_8_kb():
    assert len(README.encode("utf-8")) <= 8192


def test_relative_links_lead_to_files():
    targets = re.findall(r"\]\((?!https?://|#)([^)\s]+)\)", README)
    assert targets, "the README links the chapters"
    missing = [t for t in targets if not (ROOT / t.split("#")[0]).exists()]
    assert not missing


def test_binder_and_colab_badges_open_launch_copies_that_exist():
    """The badges open the plain-Markdown launch copies, as the book's 🚀 buttons do."""
    paths = REPOSITORY_FILE.findall(README)
    assert len(paths) == 4  # Binder and Colab, in each language
    for path in paths:
        assert path.startswith("launch/book/") and (ROOT / path).exists(), path


def test_every_chapter_is_listed_in_both_languages():
    for lang in ("ko", "en"):
        for notebook in sorted((ROOT / "book" / lang).glob("*.ipynb")):
            assert f"(book/{lang}/{notebook.name})" in README, notebook.name


def test_python_version_agrees_with_binder():
    """pyproject's requires-python, runtime.txt (Binder) and the README name one Python."""
    runtime = (ROOT / "runtime.txt").read_text().strip()  # "python-3.11"
    version = runtime.removeprefix("python-")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == f">={version}"
    assert f"Python {version}" in README
