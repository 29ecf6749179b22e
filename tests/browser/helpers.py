"""Plain helpers of the browser tests (no fixtures): where the built site is, its pages.

Used at collection time (``pages()`` parametrises the per-page tests), so they read the
file system only.
"""

from __future__ import annotations

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
LANGS = ("ko", "en")
# Folders of the build that hold no pages of the book.
NOT_PAGES = {"_static", "_sources", "_images", "_sphinx_design_static", "jupyter_execute"}
# Sphinx's own pages: index.html only redirects to book/intro.html; search and the
# general index are checked by their own tests.
SPHINX_PAGES = {"genindex.html", "search.html", "index.html", "py-modindex.html"}


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


def close_context(context) -> None:
    """Close a browser context without noise from requests still being routed."""
    context.unroute_all(behavior="ignoreErrors")
    context.close()
