"""book/_ext/lossbook_html.py: the theme's markup made accessible, figure numbers per page.

The browser check (tools/browser_check.py) runs axe-core on the built book; these
tests pin the individual fixes on the theme's markup, so a theme upgrade that changes
it fails here with the markup in question.
"""

import pathlib
from types import SimpleNamespace

from lossbook_html import accessible_page, restart_figure_numbers

ROOT = pathlib.Path(__file__).resolve().parents[1]

THEME = """<button class="btn search-button-field search-button__button pst-js-only" \
title="Search" aria-label="Search" data-bs-placement="bottom" data-bs-toggle="tooltip">
 <i class="fa-solid fa-magnifying-glass"></i>
 <span class="search-button__default-text">Search</span></button>
<button class="btn btn-sm pst-navbar-icon search-button search-button__button pst-js-only" \
title="Search" aria-label="Search"><i class="fa-solid fa-magnifying-glass fa-lg"></i></button>
<button class="btn btn-sm nav-link pst-navbar-icon theme-switch-button pst-js-only" \
aria-label="Color mode" data-bs-title="Color mode">
  <i class="theme-switch fa-solid fa-sun                fa-lg" data-mode="light" title="Light"></i>
  <i class="theme-switch fa-solid fa-moon               fa-lg" data-mode="dark"  title="Dark"></i>
</button>
<details class="hide above-input"><summary aria-label="Toggle hidden content">
<p class="collapsed admonition-title">Show code cell source</p></summary></details>
<div role="list" class="citation-list">
<div class="citation" id="id11" role="doc-biblioentry"><p>Keras.</p></div></div>"""


def test_buttons_and_toggles_are_named_by_what_they_show():
    out = accessible_page(THEME)
    assert ('<button class="btn search-button-field search-button__button pst-js-only" '
            'title="Search" data-bs-placement') in out
    # the icon-only search button keeps its name: it shows no text
    assert 'search-button search-button__button pst-js-only" title="Search" aria-label="Search"' \
        in out
    assert "<summary>\n<p class=\"collapsed admonition-title\">" in out


def test_colour_mode_icons_are_hidden_and_bibliography_entries_are_list_items():
    out = accessible_page(THEME)
    assert 'data-mode="light" aria-hidden="true"></i>' in out
    assert 'data-mode="dark" aria-hidden="true"></i>' in out
    assert 'aria-label="Color mode"' in out and 'title="Light"' not in out
    assert 'role="listitem"' in out and "doc-biblioentry" not in out
    assert accessible_page(out) == out


def test_every_fix_still_finds_the_theme_markup():
    """Each pattern changes THEME: a theme that renames its markup fails here."""
    import lossbook_html

    for pattern, _replacement in lossbook_html._A11Y_FIXES:
        assert pattern.search(THEME), pattern.pattern


def test_figure_numbers_restart_on_every_page():
    # as Sphinx numbers them without a numbered table of contents: through the book
    env = SimpleNamespace(toc_fignumbers={
        "book/ko/01": {"figure": {"fig-a": (1,), "fig-b": (2,)}},
        "book/ko/02": {"figure": {"fig-c": (4,), "fig-d": (3,)}, "table": {"t": (1,)}},
        "book/en/01": {"figure": {"fig-a": (5,), "fig-b": (6,)}, "table": {"t": (2,)}},
        "book/en/03": {"figure": {"x": (2, 7), "y": (2, 8), "z": (3, 9)}},
    })
    changed = restart_figure_numbers(None, env)
    assert env.toc_fignumbers == {
        "book/ko/01": {"figure": {"fig-a": (1,), "fig-b": (2,)}},
        "book/ko/02": {"figure": {"fig-d": (1,), "fig-c": (2,)}, "table": {"t": (1,)}},
        "book/en/01": {"figure": {"fig-a": (1,), "fig-b": (2,)}, "table": {"t": (1,)}},
        "book/en/03": {"figure": {"x": (2, 1), "y": (2, 2), "z": (3, 1)}},
    }
    assert changed == ["book/ko/02", "book/en/01", "book/en/03"]
    assert restart_figure_numbers(None, env) == []
