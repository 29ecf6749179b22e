"""Every page of the built book in headless Chromium, offline: one test per concern per page.

Each page is loaded once (the ``visit`` fixture: MathJax typeset, late loads settled) and
the tests below read what it shows. Every request that leaves the local server is blocked
and counts as a failed request, so the book must work with no network (MathJax, fonts,
images, animations all local).
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from helpers import HANGUL, bad_alt  # the alt-text rule of the notebooks too

from .helpers import (
    AXE_JS,
    AXE_TAGS,
    LANGS,
    extension,
    has_animation,
    notebook_of,
    page_language,
    page_param,
    pages,
)

# The Korean interface strings the build writes into Korean pages.
KO_UI = extension("lossbook_html").KO_UI

PAGES = pages()
LANG_PAGES = [p for p in PAGES if page_language(p)]
NOTEBOOK_PAGES = [p for p in PAGES if notebook_of(p)]
ANIMATED_PAGES = [p for p in NOTEBOOK_PAGES if has_animation(notebook_of(p))]
# Pages outside the book's own that still get the accessibility checks (index.html only
# redirects to book/intro.html).
A11Y_EXTRA = ["search.html?q=gradient", "genindex.html"]
PLAYER_SLIDER = {"ko": "애니메이션 프레임", "en": "Animation frame"}  # lossbook.plotting
AXE_FAIL = ("serious", "critical")  # impacts that fail; the others are counted in the summary


def per_page(rels):
    return pytest.mark.parametrize("visit", [page_param(p) for p in rels], indirect=True)


def test_the_site_has_pages_in_both_languages(site_dir):
    found = {lang: pages(lang, site_dir) for lang in LANGS}
    assert all(found.values()), f"pages per language: {found}"
    assert len(found["ko"]) == len(found["en"]), found
    assert ANIMATED_PAGES, "no chapter with an animation: the player checks check nothing"


@per_page(PAGES)
def test_no_console_errors(visit):
    assert visit.page.console_errors == []


@per_page(PAGES)
def test_no_failed_requests(visit):
    """Nothing blocked (no request leaves the local server), no HTTP error, no failure."""
    assert visit.page.failed_requests == []


# Every image of the page, loaded as a reader gets it: chapter figures and the players are
# lazy (book/_ext/lossbook_screens.py), so each is scrolled into view (folded cells opened
# first, closed again after) and must then load and decode (naturalWidth > 0). An image
# that is not laid out even then (a logo in a closed menu) is fetched and decoded apart.
IMAGES_JS = """async ms => {
  const opened = [...document.querySelectorAll('details:not([open])')];
  opened.forEach(d => { d.open = true; });
  const bad = [];
  const loaded = img => img.complete && img.naturalWidth > 0;
  const wait = img => new Promise(ok => {
    if (img.complete) return ok();
    img.addEventListener('load', ok, {once: true});
    img.addEventListener('error', ok, {once: true});
    setTimeout(ok, ms);
  });
  for (const img of document.querySelectorAll('img')) {
    const src = (img.getAttribute('src') || '(no src)').slice(0, 80);
    if (img.getClientRects().length) {
      img.scrollIntoView({block: 'center'});
      await wait(img);
      if (!loaded(img)) bad.push(`${src}: not loaded when scrolled into view`);
    } else if (!loaded(img)) {
      const copy = new Image();
      copy.src = img.currentSrc || img.src;
      try { await copy.decode(); } catch (e) { bad.push(`${src}: ${e}`); }
    }
  }
  opened.forEach(d => { d.open = false; });
  window.scrollTo(0, 0);
  return bad;
}"""


@per_page(PAGES)
def test_images_load(visit):
    assert visit.state["imgs"] or not visit.rel.rsplit("/", 1)[-1][:2].isdigit(), \
        "a chapter without images"
    assert visit.page.evaluate(IMAGES_JS, 10_000) == []


@per_page(PAGES)
def test_math_is_rendered_by_the_local_mathjax(visit):
    s = visit.state
    assert not s["math"] or s["mjx"], f"{s['math']} math elements but no mjx-container"
    assert s["unrendered"] == 0, "math elements not rendered by MathJax"
    assert s["raw"] == [], "raw TeX left in the text"
    assert s["merror"] == [], "TeX that MathJax cannot read (Math input error)"


@per_page(LANG_PAGES)
def test_html_lang_is_the_page_language(visit):
    assert visit.state["lang"] == visit.lang


@per_page(LANG_PAGES)
def test_interface_strings_are_in_the_page_language(visit):
    """The theme's strings in the page's language (book/_ext/lossbook_html.py KO_UI)."""
    ui, ko = visit.state["ui"], visit.lang == "ko"
    for key, english in [("skip", "Skip to main content"), ("search", "Search this book..."),
                         ("hint", "Click to show")]:
        assert ui[key] == (KO_UI[english] if ko else english), key
    # myst-nb's own labels, and tools/nbbuild.py's on solution cells
    english = [t for t in ui["summary"]
               if t.startswith(("Show code", "Hide code", "Show solution", "Hide solution"))]
    if ko:
        assert english == [], "hidden-cell summaries still in English"
    else:
        assert english == ui["summary"], "unexpected hidden-cell summaries"


@per_page(NOTEBOOK_PAGES)
def test_launch_links_open_the_page_notebook(visit):
    """The Binder and Colab buttons open the page's launch copy, launch/book/<lang>/<stem>.ipynb
    (plain Markdown, written by tools/nbbuild.py; _config.yml repository.path_to_book)."""
    path = "launch/" + visit.rel.replace(".html", ".ipynb")
    for host in ("mybinder.org", "colab.research.google.com"):
        found = [u for u in visit.state["links"] if urllib.parse.urlsplit(u).netloc == host]
        assert found, f"no {host} launch link"
        assert all(urllib.parse.unquote(u).endswith("/" + path) for u in found), found[0]


# The player of each animation, scrolled into view: it shows frame 1 (a frame file,
# ``_images/anim-*.png``, not an inline data: URI), and "next frame" loads frame 2's file.
PLAYER_JS = """async ([k, ms]) => {
  const player = document.querySelectorAll('.animation')[k];
  const img = player.querySelector('img');
  const shown = () => new Promise((ok, no) => {
    const t0 = Date.now();
    (function poll() {
      if (img.complete && img.naturalWidth > 0) return ok(img.getAttribute('src'));
      if (Date.now() - t0 > ms) return no(new Error(`frame ${img.getAttribute('src')} not shown`));
      setTimeout(poll, 50);
    })();
  });
  player.scrollIntoView({block: 'center'});
  const first = await shown();
  player.querySelector('button[onclick$=".next_frame()"]').click();
  const t0 = Date.now();
  while (img.getAttribute('src') === first && Date.now() - t0 < ms)
    await new Promise(ok => setTimeout(ok, 50));
  const second = await shown();
  const slider = player.querySelector('input.anim-slider');
  window.scrollTo(0, 0);
  return {first, second, frame: slider ? +slider.value : null,
          frames: slider ? +slider.max + 1 : null};
}"""


@per_page(ANIMATED_PAGES)
def test_animations_play(visit):
    """Every player shows frame 1 from its frame file, and the next frame loads on demand."""
    players = visit.page.locator(".animation").count()
    assert players > 0, "the notebook has an animation but the page has no player"
    for k in range(players):
        shown = visit.page.evaluate(PLAYER_JS, [k, 10_000])
        frame_file = re.compile(r"(\.\./)*_images/anim-[0-9a-f]+\.png")
        assert frame_file.fullmatch(shown["first"]), f"player {k + 1}: frame 1 is {shown}"
        assert frame_file.fullmatch(shown["second"]) and shown["second"] != shown["first"], \
            f"player {k + 1}: next frame not loaded: {shown}"
        assert shown["frame"] == 1 and shown["frames"] > 2, f"player {k + 1}: {shown}"


@per_page([p for p in ANIMATED_PAGES if page_language(p)])
def test_animation_players_speak_the_page_language(visit):
    """Slider label and alt text in the page's language (lossbook.plotting labels them)."""
    for k, player in enumerate(visit.state["players"], 1):
        assert player["slider"] == PLAYER_SLIDER[visit.lang], f"animation {k}"
        if player["alt"]:
            assert bool(HANGUL.search(player["alt"])) == (visit.lang == "ko"), \
                f"animation {k}: alt text not in {visit.lang}: {player['alt'][:60]!r}"


@per_page(PAGES)
def test_figures_are_numbered_from_1_on_every_page(visit):
    """Numbered captions count from 1 on each page, "그림 N" on Korean pages."""
    captions = visit.state["captions"]
    word = "그림" if visit.lang == "ko" else "Fig."
    assert captions == [f"{word} {k}" for k in range(1, len(captions) + 1)]


@per_page(PAGES + A11Y_EXTRA)
def test_every_image_has_a_real_alt_text(visit, record_property):
    """Not missing, not empty, not a file name (tests/helpers.py bad_alt)."""
    bad = [f"{img['src'] or '(no src)'}: {why}" for img in visit.state["imgs"]
           if (why := bad_alt(img["alt"])) is not None]
    record_property("images", (len(bad), len(visit.state["imgs"])))
    assert bad == []


@per_page(PAGES + A11Y_EXTRA)
def test_axe_finds_no_serious_violation(visit, record_property):
    """axe-core's WCAG 2 A/AA rules: serious and critical violations fail; every finding is
    counted in the run's accessibility summary (conftest)."""
    violations = visit.axe()
    record_property("axe", {f"{v['impact']} {v['id']}": len(v["targets"]) for v in violations})
    serious = [f"axe {v['id']} ({v['impact']}): {t[:120]} -- {v['help']}"
               for v in violations if v["impact"] in AXE_FAIL for t in v["targets"]]
    assert serious == []


def test_axe_core_is_installed():
    assert AXE_JS.exists(), f"{AXE_JS} is missing (npm ci)"
    assert json.loads((AXE_JS.parent / "package.json").read_text())["version"]
    assert AXE_TAGS


@per_page(LANG_PAGES)
def test_language_link_opens_the_twin_page(visit, base_url, site_dir):
    """A link in the page text leads to the same page in the other language: it can be
    clicked (Playwright's trial click: visible, enabled, not covered) and the page it
    names is served (the twin gets its own checks)."""
    other = "en" if visit.lang == "ko" else "ko"
    twin = visit.rel.replace(f"book/{visit.lang}/", f"book/{other}/", 1)
    assert (site_dir / twin).exists(), f"no twin page {twin} in the build"
    link = visit.page.locator(f'article a[href$="{twin.rsplit("/", 1)[1]}"]')
    hrefs = link.evaluate_all("els => els.map(a => a.href.split('#')[0])")
    assert base_url + twin in hrefs, f"no link to {twin} in the page text"
    link.nth(hrefs.index(base_url + twin)).click(trial=True, timeout=5000)
    response = visit.page.request.get(base_url + twin)
    assert response.ok, f"{twin}: HTTP {response.status}"
