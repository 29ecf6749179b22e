"""Session fixtures of the browser tests: the built book served on 127.0.0.1, and
Debian's Chromium driven by Playwright, offline.

- ``site_dir``: the built HTML (``_build/html``, or ``$LOSSBOOK_SITE``); the tests fail
  with a clear message when it has not been built (``jupyter-book build . --all``).
- ``base_url``: a thread of this process serving ``site_dir`` on the loopback interface.
- ``browser``: headless Chromium (``/usr/bin/chromium`` or ``$LOSSBOOK_CHROMIUM``).
- ``new_page``: ``new_page(viewport=(1366, 768), color_scheme="light", **context_kwargs)``
  opens a page in a fresh context (closed after the test); every request that leaves
  the local server is blocked, and ``page.console_errors`` / ``page.failed_requests``
  collect what went wrong (``helpers.open_page``).

When a test fails, every page it holds (a ``Page`` argument, the pages of ``new_page``,
or an argument's ``.page``) is saved as a full-page screenshot in ``_build/screenshots/``;
passing tests write nothing. ``helpers.pages(lang)`` lists the pages to parametrise over.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import pathlib
import re
import sys
import threading

import pytest

from .helpers import (
    AXE_JS,
    AXE_TAGS,
    close_context,
    load,
    open_page,
    page_language,
    run_axe,
    site_path,
)

CHROMIUM = os.environ.get("LOSSBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A page closed while it still loads drops its connections; that is expected.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_dir() -> pathlib.Path:
    """The built HTML book; fails if it has not been built."""
    site = site_path()
    if not (site / "search.html").exists():
        pytest.fail(f"no built book in {site}: run `jupyter-book build . --all` first "
                    "(or set LOSSBOOK_SITE to a built site)", pytrace=False)
    return site


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """``http://127.0.0.1:PORT/`` of a server (a thread of this process) for ``site_dir``."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Playwright's sync API), shared by the whole session."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not pathlib.Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM} (make chromium, or set LOSSBOOK_CHROMIUM)",
                    pytrace=False)
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, base_url):
    """Factory: ``new_page(viewport=(1366, 768), color_scheme="light", **context_kwargs)``
    returns a Page in a fresh context (see ``helpers.open_page``); all are closed after
    the test."""
    opened = []

    def factory(viewport=(1366, 768), color_scheme="light", **context_kwargs):
        page = open_page(browser, base_url, viewport=viewport, color_scheme=color_scheme,
                         **context_kwargs)
        opened.append(page)
        return page

    factory.pages = opened  # what the screenshot-on-failure hook saves
    yield factory
    for page in opened:
        close_context(page.context)


def _pages_held(item) -> list:
    """The open Playwright pages a test holds: arguments, factories' pages, ``x.page``."""
    from playwright.sync_api import Page

    found = []
    for value in getattr(item, "funcargs", {}).values():
        candidates = [value, getattr(value, "page", None), *getattr(value, "pages", [])]
        found += [c for c in candidates if isinstance(c, Page) and c not in found]
    return [p for p in found if not p.is_closed()]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """After a failed test (or a failed setup), screenshots of the pages it holds."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "teardown" or not report.failed or "playwright" not in sys.modules:
        return
    shots = site_path().parent / "screenshots"
    module, _, test = item.nodeid.partition("::")
    name = re.sub(r"[^\w.-]+", "_", f"{pathlib.Path(module).stem}.{test}").strip("_")[:150]
    for k, page in enumerate(_pages_held(item)):
        path = shots / f"{name}{f'-{k}' if k else ''}.png"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path), full_page=True, timeout=10000)
            report.sections.append(("screenshot", str(path)))
        except Exception as exc:  # a crashed page cannot be shot; the failure says why
            report.sections.append(("screenshot", f"not saved: {exc}"))


class Visit:
    """A page of the book, loaded once (``helpers.load``) and shared by the tests of it."""

    def __init__(self, rel: str, page, state: dict):
        self.rel, self.page, self.state = rel, page, state
        self.lang = page_language(rel)
        self._axe = None

    def axe(self) -> list[dict]:
        """axe-core's violations on the page (run once, on first use)."""
        if self._axe is None:
            self._axe = run_axe(self.page)
        return self._axe


@pytest.fixture(scope="session")
def visit(request, browser, base_url):
    """The page ``request.param`` (a path relative to the site, parametrised indirectly
    with ``page_param``), loaded once for all the tests of it; pytest runs those tests
    one after another and then closes the page."""
    page = open_page(browser, base_url, viewport=(1280, 900))
    try:
        state = load(page, base_url + request.param)
    except Exception:
        close_context(page.context)
        raise
    yield Visit(request.param, page, state)
    close_context(page.context)


def pytest_terminal_summary(terminalreporter):
    """The run's accessibility totals (axe-core findings per impact, alt texts) and search
    recall, from what the tests recorded (``record_property``; works under xdist too)."""
    props: dict[str, list] = {}
    for key in ("passed", "failed"):
        for report in terminalreporter.stats.get(key, []):
            if getattr(report, "when", None) == "call":
                for name, value in getattr(report, "user_properties", []):
                    props.setdefault(name, []).append(value)
    if not props:
        return
    write = terminalreporter.write_line
    if "axe" in props:
        by_rule: dict[str, int] = {}
        for found in props["axe"]:
            for key, n in found.items():
                by_rule[key] = by_rule.get(key, 0) + n
        version = json.loads((AXE_JS.parent / "package.json").read_text())["version"]
        write(f"accessibility: axe-core {version} on {len(props['axe'])} pages "
              f"({', '.join(AXE_TAGS)})")
        for impact in ("critical", "serious", "moderate", "minor"):
            rules = {k.split(" ", 1)[1]: n for k, n in by_rule.items()
                     if k.split(" ", 1)[0] == impact}
            detail = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items())) or "none"
            write(f"  {impact}: {sum(rules.values())} ({detail})")
    if "images" in props:
        bad = sum(b for b, _ in props["images"])
        total = sum(n for _, n in props["images"])
        write(f"alt text: {bad} of {total} images without a real alt text")
    for line in props.get("search", []):
        write(line)
