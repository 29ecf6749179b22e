"""Plain helpers of the browser tests (no fixtures): where the built site is, its pages.

Used at collection time (``pages()`` parametrises the per-page tests), so they read the
file system only.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pathlib

import pytest

from lossbook._lang import LANGUAGES as LANGS  # the one list of the course's languages

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Folders of the build that hold no pages of the book.
# Every Playwright wait of the browser tests ends: the default timeout of their contexts
# (navigations, locators, wait_for_*), and of ``await_js`` for promises in the page.
WAIT_MS = 20_000
NOT_PAGES = {"_static", "_sources", "_images", "_sphinx_design_static", "jupyter_execute"}
# Sphinx's own pages: index.html only redirects to book/intro.html; search and the
# general index are checked by their own tests.
SPHINX_PAGES = {"genindex.html", "search.html", "index.html", "py-modindex.html"}


def extension(name: str):
    """The Sphinx extension ``book/_ext/<name>.py``, imported from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "book" / "_ext" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_path() -> pathlib.Path:
    """The built HTML book: ``$LOSSBOOK_SITE`` or ``_build/html`` of the repository."""
    return pathlib.Path(os.environ.get("LOSSBOOK_SITE", ROOT / "_build" / "html")).resolve()


def page_language(page: str) -> str | None:
    """"ko" or "en" for ``book/<lang>/<name>.html``, else None (the landing page)."""
    parts = page.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == "book" and parts[1] in LANGS else None


def pages(lang: str | None = None, site: pathlib.Path | None = None) -> list[str]:
    """Every content page of the built book, relative to the site (``book/ko/01_x.html``),
    sorted; only the pages of ``lang`` if given. Empty if the book is not built."""
    site = site or site_path()
    found = []
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site)
        if rel.parts[0] in NOT_PAGES or rel.as_posix() in SPHINX_PAGES:
            continue
        if lang is None or page_language(rel.as_posix()) == lang:
            found.append(rel.as_posix())
    return found


def chapters(lang: str | None = None) -> list[str]:
    """The chapter pages (``book/<lang>/NN_name.html``) of the built book."""
    return [p for p in pages(lang) if p.rsplit("/", 1)[-1][:2].isdigit()]


def open_page(browser, base_url: str, viewport=(1366, 768), color_scheme="light",
              **context_kwargs):
    """A new page in a fresh browser context of ``browser``, offline but for ``base_url``.

    Every request that leaves the local server is blocked. The page collects what went
    wrong, for tests to assert on:

    - ``page.console_errors``: console errors and uncaught exceptions (strings);
    - ``page.failed_requests``: blocked requests, HTTP errors (status >= 400) and
      requests that failed on the way. Requests the page cancelled itself
      (``net::ERR_ABORTED``, it navigated on) are not failures, nor is anything after
      ``page.leaving = True`` (a test that follows a link away on purpose).

    Close it with ``close_context(page.context)``.
    """
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=color_scheme, **context_kwargs)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    page = context.new_page()
    page.console_errors, page.failed_requests, page.leaving = [], [], False

    def route(r):
        url = r.request.url
        if url.startswith(base_url):
            r.continue_()
        else:
            page.failed_requests.append(f"blocked request to {url[:120]}")
            r.abort()

    def console(msg):
        if msg.type == "error":
            page.console_errors.append(f"console error: {msg.text[:300]}")

    def pageerror(exc):
        page.console_errors.append(f"uncaught exception: {str(exc)[:300]}")

    def response(resp):
        if resp.url.startswith(base_url) and resp.status >= 400:
            page.failed_requests.append(f"HTTP {resp.status} for {resp.url[len(base_url):]}")

    def requestfailed(req):
        aborted = "ERR_ABORTED" in (req.failure or "")
        if req.url.startswith(base_url) and not page.leaving and not aborted:
            page.failed_requests.append(
                f"request failed: {req.url[len(base_url):]} ({req.failure})")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", pageerror)
    page.on("response", response)
    page.on("requestfailed", requestfailed)
    return page


def await_js(page, promise: str, timeout_ms: int = WAIT_MS):
    """Evaluate the JavaScript expression ``promise`` (a Promise) in ``page`` and wait for it,
    at most ``timeout_ms`` (``page.evaluate`` itself never times out): its value, or a
    Playwright ``Error`` saying it timed out."""
    return page.evaluate(
        """([p, ms]) => Promise.race([
              (0, eval)(p),
              new Promise((_, no) => setTimeout(
                  () => no(new Error(`timed out after ${ms} ms: ${p}`)), ms))])""",
        [promise, timeout_ms])


def close_context(context) -> None:
    """Close a browser context without noise from requests still being routed."""
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def page_param(rel: str):
    """``rel`` as a parameter of ``visit``: one worker of pytest-xdist (``--dist loadgroup``)
    gets every test of a page, so that the page is loaded once."""
    return pytest.param(rel, id=rel, marks=pytest.mark.xdist_group(rel))


def notebook_of(page: str) -> pathlib.Path | None:
    """The source notebook of a page (``book/ko/01_x.ipynb``), if it was built from one."""
    nb = ROOT / page.replace(".html", ".ipynb")
    return nb if nb.exists() else None


def has_animation(nb: pathlib.Path) -> bool:
    """Whether a notebook's outputs hold a jshtml animation (lossbook.plotting's player)."""
    for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            if "_anim_img" in ("".join(html) if isinstance(html, list) else html):
                return True
    return False


# What a test needs to know about a loaded page, read in the page in one go.
PAGE_STATE_JS = """() => {
  const imgs = [...document.querySelectorAll('img')].map(i => ({
      src: (i.getAttribute('src') || '').slice(0, 80), ok: i.complete && i.naturalWidth > 0,
      alt: i.getAttribute('alt')}));
  const article = document.querySelector('article') || document.body;
  const paras = [...article.querySelectorAll('p, li, td, dd')]
      .filter(e => !e.closest('pre, code, .highlight, .cell_output'))
      .map(e => e.innerText);
  const raw = paras.filter(t => /\\\\\\(|\\\\\\[|\\$\\$/.test(t)).map(t => t.slice(0, 80));
  return {
    imgs,
    math: document.querySelectorAll('.math, span.math, div.math').length,
    mjx: document.querySelectorAll('mjx-container').length,
    unrendered: [...document.querySelectorAll('.math')]
        .filter(e => !e.querySelector('mjx-container')).length,
    // TeX that MathJax could not read (shown as a red "Math input error")
    merror: window.MathJax && MathJax.startup && MathJax.startup.document
        ? Array.from(MathJax.startup.document.math)
            .filter(m => m.typesetRoot && m.typesetRoot.querySelector('mjx-merror'))
            .map(m => m.math.slice(0, 80)) : [],
    raw,
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    lang: document.documentElement.lang,
    captions: [...document.querySelectorAll('figcaption .caption-number')]
        .map(e => e.textContent.trim()),
    players: [...document.querySelectorAll('.animation')].map(a => ({
        slider: (a.querySelector('input.anim-slider') || {getAttribute: () => null})
            .getAttribute('aria-label'),
        alt: (a.querySelector('img') || {getAttribute: () => null}).getAttribute('alt')})),
    ui: {  // interface strings, as the reader sees them (Korean on Korean pages)
      skip: (document.querySelector('#pst-skip-link a') || {}).textContent || null,
      search: (document.querySelector('input.search-button__input, input[name=q]') || {})
          .placeholder || null,
      summary: [...document.querySelectorAll('details.hide summary .collapsed')]
          .map(e => e.textContent.trim()),
      hint: typeof toggleHintShow === 'undefined' ? null : toggleHintShow,
    },
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
}"""


def settle(page) -> None:
    """Give late loads (MathJax fonts, search summaries) a moment to finish.

    Best effort: the checks that matter (images complete, math typeset, HTTP status of
    every request) do not depend on it, so a page that never goes quiet is no failure.
    """
    from playwright.sync_api import Error

    try:
        page.wait_for_load_state("networkidle", timeout=5000)
        await_js(page, "document.fonts.ready.then(() => true)", 5000)
    except Error:
        pass


def load(page, url: str) -> dict:
    """Open ``url``, wait for MathJax to typeset and late loads to settle; the page's state
    (``PAGE_STATE_JS``)."""
    page.goto(url, wait_until="load")
    if page.evaluate("() => !!document.querySelector('.math')"):
        page.wait_for_function(
            "() => window.MathJax && MathJax.startup && MathJax.startup.promise",
            timeout=15000)
        await_js(page, "MathJax.startup.promise.then(() => true)", 15000)
    settle(page)
    return page.evaluate(PAGE_STATE_JS)


# axe-core (npm, pinned in package-lock.json) from node_modules: no CDN.
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page: its violations, each
    ``{id, impact, help, targets}``."""
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']})
            .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                help: v.help, targets: v.nodes.map(n => n.target.join(' '))})))""",
        AXE_TAGS)
