"""Every figure of every committed chapter notebook has an alt text and a caption.

A code cell whose outputs hold an image (or a jshtml animation) must carry, in the
notebook's language, the cell metadata that myst-nb turns into ``<img alt>`` and a
numbered ``<figcaption>`` (``mystnb: {image: {alt}, figure: {caption}}``, written by
``tools/nbbuild.py`` from ``code(..., alt=..., caption=...)``). An animation needs the
caption too (myst-nb puts the player in the numbered figure, and the PDF its still
frame); its alt text is the one in the player's HTML (``lossbook.plotting``'s ``alt``).
What counts as a real alt text is the browser tests' rule (``helpers.bad_alt``): not empty,
not a file name. The browser tests (tests/browser) then see the same thing in the built pages.
"""

import json
import pathlib
import re

import pytest
from helpers import HANGUL, bad_alt  # one rule for notebooks and pages

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"

IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
ANIMATION_IMG = re.compile(r'<img id="_anim_img\w+"(?: alt="([^"]*)")?>')


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def figure_cells(path: pathlib.Path):
    """(index, metadata, animation alts) of every code cell that shows a figure."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for k, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        image, animations = False, []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            image |= any(t in data for t in IMAGE_TYPES)
            animations += [m[1] for m in ANIMATION_IMG.finditer(_text(data.get("text/html", "")))]
        if image or animations:
            yield k, cell.get("metadata", {}).get("mystnb", {}), animations


NOTEBOOKS = sorted(BOOK.glob("[ke][on]/*.ipynb"))


def test_there_are_figures_to_check():
    assert NOTEBOOKS, "no chapter notebooks (run tools/nbbuild.py)"
    assert sum(1 for nb in NOTEBOOKS for _ in figure_cells(nb)) >= 10


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_figure_has_alt_text_and_a_caption_in_the_notebook_language(nb):
    lang = nb.parent.name
    problems = []
    for k, meta, animations in figure_cells(nb):
        alt = meta.get("image", {}).get("alt")
        caption = meta.get("figure", {}).get("caption")
        why = bad_alt(alt)
        if why is not None and not animations:  # an animation's alt is in its player
            problems.append(f"cell {k}: alt text ({why}; cell metadata mystnb.image.alt)")
        if not (caption or "").strip():
            problems.append(f"cell {k}: no caption (cell metadata mystnb.figure.caption)")
        for anim_alt in animations:
            why = bad_alt(anim_alt)
            if why is not None:
                problems.append(f"cell {k}: animation image {why} (plotting alt=)")
        texts = [t for t in (alt, caption, *animations) if t]
        wrong = [t for t in texts if bool(HANGUL.search(t)) != (lang == "ko")]
        if wrong:
            problems.append(f"cell {k}: not in {lang}: {wrong[0][:60]!r}")
    assert not problems, f"{nb.parent.name}/{nb.name}: " + "; ".join(problems)


@pytest.mark.parametrize("alt, why", [
    (None, "no alt attribute"), ("", "empty alt"), ("  ", "empty alt"),
    ("../../_images/f73a9c.png", "alt is a file name"), ("loss_curve.png", "alt is a file name"),
    ("_images/a", "alt is a file name"), ("figure.svg", "alt is a file name"),
    ("data:image/png;base64,iVBOR", "alt is a file name"),
    ("MSE 곡선: 오차가 0일 때 가장 낮다.", None), ("The loss falls to 0.2231 at step 30.", None),
])
def test_the_alt_text_rule(alt, why):
    got = bad_alt(alt)
    assert (got is None) if why is None else got.startswith(why)
