"""The cells a chapter source is written in, and what the whole course shares.

A chapter source ``book/src/<stem>.py`` imports its cell helpers from here::

    from cells import code, md

``tools/nbbuild.py`` turns the cells into the Korean and English notebooks. The
languages are lossbook's own (``lossbook._lang.LANGUAGES``: the package speaks the
same two languages as the book), and the chapter order is the book's table of
contents, ``_toc.yml``: neither is written down a second time.
"""

from __future__ import annotations

import pathlib
import re

from lossbook._lang import LANGUAGES

ROOT = pathlib.Path(__file__).resolve().parents[1]
LANGS = LANGUAGES
_CHAPTER_FILE = re.compile(r"book/(?P<lang>[a-z]+)/(?P<stem>\d\d_\w+)")


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


def chapter_order(toc: pathlib.Path = ROOT / "_toc.yml") -> list[str]:
    """The chapter stems (``01_loss_functions``, ...) in the order of the table of contents.

    Every language's part must list the same chapters in the same order.
    """
    import yaml

    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    order: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for part in data.get("parts", []):
        for entry in part.get("chapters", []):
            match = _CHAPTER_FILE.fullmatch(entry.get("file", "").removesuffix(".ipynb"))
            if match and match["lang"] in order:
                order[match["lang"]].append(match["stem"])
    first, *others = (order[lang] for lang in LANGS)
    if not first or any(other != first for other in others):
        raise ValueError(f"{toc.name}: the languages' chapter lists differ or are empty: {order}")
    return first
