"""The Korean and English notebooks of each chapter are twins: same code, same tags.

The one exception is the set-up cell (the first code cell): it fixes the notebook's
language and speaks it when the Colab install fails, so it is written per language by
tools/nbbuild.py and checked against it in tests/test_colab.py.
"""

import json
import pathlib

import pytest

BOOK = pathlib.Path(__file__).resolve().parents[1] / "book"


def notebooks(lang):
    return {p.name: p for p in sorted((BOOK / lang).glob("*.ipynb"))}


def code_cells(path):
    """Source and tags of each code cell after the set-up cell."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        ("".join(c["source"]) if isinstance(c["source"], list) else c["source"],
         sorted(c.get("metadata", {}).get("tags", [])))
        for c in cells if c["cell_type"] == "code"
    ][1:]


def test_the_book_has_chapters():
    assert notebooks("ko"), "no chapter notebooks in book/ko (run tools/nbbuild.py)"
    assert notebooks("en"), "no chapter notebooks in book/en (run tools/nbbuild.py)"


def test_every_notebook_has_a_twin():
    ko, en = set(notebooks("ko")), set(notebooks("en"))
    assert ko - en == set(), f"Korean notebooks without an English twin: {sorted(ko - en)}"
    assert en - ko == set(), f"English notebooks without a Korean twin: {sorted(en - ko)}"


@pytest.mark.parametrize("name", sorted(set(notebooks("ko")) & set(notebooks("en"))))
def test_twins_share_code_and_tags(name):
    ko, en = code_cells(BOOK / "ko" / name), code_cells(BOOK / "en" / name)
    assert len(ko) == len(en), f"{name}: {len(ko)} code cells in ko, {len(en)} in en"
    for k, ((ko_src, ko_tags), (en_src, en_tags)) in enumerate(zip(ko, en, strict=True)):
        assert ko_src == en_src, f"{name}: code cell {k} differs between ko and en"
        assert ko_tags == en_tags, f"{name}: code cell {k} tags {ko_tags} (ko) != {en_tags} (en)"
