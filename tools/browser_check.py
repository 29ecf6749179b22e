"""Check the built HTML book in a real browser (headless Chromium), offline.

Serves ``_build/html`` on 127.0.0.1 and opens every page of the book with
Playwright driving Debian's Chromium. Every request that does not go to that
local server is blocked and counted as a failure, so the book must work with no
network (MathJax, fonts, images, animations all local). For each page:

- no console errors and no uncaught exceptions; no failed or blocked requests;
- every ``<img>`` loaded (``naturalWidth > 0``);
- math rendered: ``mjx-container`` present, no raw ``\\(``, ``\\[`` or ``$$``
  left in the paragraph text, and no TeX that MathJax reports as an input error;
- chapter and index pages: the twin-language link exists and leads to the same
  page in the other language;
- notebook pages: the Binder and Colab buttons open ``book/<lang>/<stem>.ipynb``;
  pages whose notebook holds a jshtml animation show a working player, labelled in
  the page's language (slider label and alt text: ``lossbook.plotting``).

Accessibility, on every page (and the search results and index pages): axe-core
(npm package ``axe-core``, pinned in package-lock.json, injected from ``node_modules``
-- no CDN) runs the WCAG 2.0/2.1/2.2 A and AA rules; any serious or critical
violation fails (rule id, impact, target and page are printed), and so does any
``<img>`` whose alt text is missing, empty or a file name
(``../../_images/f73a....png``). Totals are printed per impact. Numbered figure
captions count from 1 on each page, "그림 N" on Korean pages.

Then the search page must list at least 95 % of the pages that contain each of ten
Korean and eight English terms (recall; ``SEARCH_RECALL``, Korean words with particles:
``book/_ext/korean_search.py``), every page gets a
full-page screenshot in ``_build/screenshots/``, and two pages are checked at a
phone width (390 px) for horizontal overflow.

Usage: ``python tools/browser_check.py [--build _build/html] [--chromium PATH]``.
Exit status 1 and a list of failures if anything is wrong.
"""

from __future__ import annotations

import argparse
import functools
import html.parser
import http.server
import json
import pathlib
import re
import sys
import threading
import urllib.parse

from playwright.sync_api import Error as PlaywrightError

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from lossbook_html import KO_UI  # noqa: E402  (the Korean interface strings of the build)

LANGS = ("ko", "en")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SEARCH_TERMS = ("손실", "gradient")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Pages outside the page loop (SKIP_PAGES) that still get axe-core and the alt check;
# index.html only redirects to book/intro.html, which the loop checks.
A11Y_ONLY = ["search.html?q=gradient", "genindex.html"]
PLAYER_SLIDER = {"ko": "애니메이션 프레임", "en": "Animation frame"}  # lossbook.plotting
HANGUL = re.compile("[\uac00-\ud7a3]")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_FAIL = ("serious", "critical")  # impacts that fail the check; others are counted
# An alt text that is a file name or path (what myst-nb writes when a cell gives none).
FILE_NAME_ALT = re.compile(r"(_images/|^\.{0,2}/|^data:|\.(png|jpe?g|gif|svg|webp)$)", re.I)


def bad_alt(alt: str | None) -> str | None:
    """Why ``alt`` is not a real description of an image, or ``None`` if it is one."""
    if alt is None:
        return "no alt attribute"
    if not alt.strip():
        return "empty alt"
    if FILE_NAME_ALT.search(alt.strip()) or re.fullmatch(r"[\w.-]+\.\w{2,4}", alt.strip()):
        return f"alt is a file name: {alt[:60]!r}"
    return None
PHONE = {"width": 390, "height": 844}
SKIP_PAGES = {"genindex.html", "search.html", "index.html", "py-modindex.html"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the check's output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed while it still loads (after a twin-link check) drops its
        # connections; that is expected, anything else is reported.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: pathlib.Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def book_pages(html: pathlib.Path) -> list[str]:
    """Every content page of the build, relative to its root (from the build itself)."""
    skip_dirs = {"_static", "_sources", "_images", "_sphinx_design_static", "jupyter_execute"}
    pages = []
    for p in sorted(html.rglob("*.html")):
        rel = p.relative_to(html)
        if rel.parts[0] in skip_dirs or str(rel) in SKIP_PAGES:
            continue
        pages.append(rel.as_posix())
    return pages


def page_language(page: str) -> str | None:
    parts = page.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == "book" and parts[1] in LANGS else None


def notebook_of(page: str, source: pathlib.Path) -> pathlib.Path | None:
    """The source notebook of a page, if the page was built from one."""
    nb = source / page.replace(".html", ".ipynb")
    return nb if nb.exists() else None


def has_animation(nb: pathlib.Path) -> bool:
    for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            if "_anim_img" in ("".join(html) if isinstance(html, list) else html):
                return True
    return False


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
    animations: [...document.querySelectorAll('.animation img')]
        .filter(i => (i.getAttribute('src') || '').startsWith('data:image/')
                     && i.naturalWidth > 0).length,
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

    Best effort: the checks that matter (images complete, math typeset, HTTP
    status of every request) do not depend on it, so a page that never goes
    quiet is not a failure here.
    """
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
        page.evaluate("() => document.fonts.ready.then(() => true)")
    except PlaywrightError:
        pass


def close(context) -> None:
    """Close a browser context without noise from requests still being routed."""
    context.unroute_all(behavior="ignoreErrors")
    context.close()


# Korean search recall: what the search page lists, against the pages that hold each term.
SEARCH_RECALL = {  # terms whose every page the search page must list (recall >= the value)
    "ko": (("손실", "기울기", "학습률", "가중치", "미분", "확률", "편향", "오차", "활성화",
            "최솟값"), 0.95),
    "en": (("loss", "gradient", "derivative", "weight", "activation", "optimizer",
            "perceptron", "sigmoid"), 0.95),
}


class _ArticleText(html.parser.HTMLParser):
    """The text of a built page's ``<article>`` (what the search index is made from),
    without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in VOID_TAGS
        if self.depth and tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth and tag in ("script", "style"):
            self.skip -= 1
        if self.depth and tag not in VOID_TAGS:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}


def article_text(path: pathlib.Path) -> str:
    parser = _ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def holds(text: str, term: str, lang: str) -> bool:
    """Ground truth: a Korean term anywhere in the text (particles attach to it, compounds
    contain it); an English one as a word, any case, plural and -ed/-ing forms included
    (what the English stemmer joins: gradient, gradients; not lossbook for loss)."""
    if lang == "ko":
        return term in text
    return re.search(rf"\b{re.escape(term)}(s|es|ed|ing)?\b", text, re.I) is not None


def search_page_lists(page, base: str, term: str) -> set[str] | None:
    """The pages (paths relative to the build) the real search page lists for ``term``;
    None if the search did not finish."""
    page.goto(base + "search.html?q=" + urllib.parse.quote(term))
    try:
        page.wait_for_function(
            """() => { const s = document.querySelector('#search-results .search-summary');
                       return s && /Search finished|did not match/.test(s.innerText); }""",
            timeout=20000)
    except PlaywrightError:
        return None
    settle(page)  # the summaries of the hits are fetched after the list is shown
    hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                      "els => els.map(a => a.href)")
    return {urllib.parse.urlsplit(h).path[len(urllib.parse.urlsplit(base).path):]
            for h in hrefs}


def search_recall(page, base: str, html_dir: pathlib.Path, pages: list[str]) -> dict:
    """For every term of SEARCH_RECALL: the pages holding it, the pages the search page
    lists, recall per language. Returns {lang: {"found", "total", "missed", "extra"}}."""
    texts = {rel: article_text(html_dir / rel) for rel in pages}
    report = {}
    for lang, (terms, _) in SEARCH_RECALL.items():
        found = total = extra = 0
        missed, per_term = [], {}
        for term in terms:
            truth = {rel for rel, text in texts.items() if holds(text, term, lang)}
            listed = search_page_lists(page, base, term)
            if listed is None:
                listed = set()
                missed.append(f"{term}: search did not finish")
            hit = truth & listed
            found += len(hit)
            total += len(truth)
            extra += len(listed - truth)
            per_term[term] = f"{len(hit)}/{len(truth)}"
            missed += [f"{term}: {rel}" for rel in sorted(truth - listed)]
        report[lang] = {"found": found, "total": total, "missed": missed, "extra": extra,
                        "per_term": per_term}
    return report


class Checker:
    def __init__(self, browser, base: str, shots: pathlib.Path):
        self.browser = browser
        self.base = base
        self.shots = shots
        self.source = ROOT  # the notebooks the pages were built from
        self.failures: list[str] = []
        self.console_errors = 0
        self.failed_requests = 0
        self.leaving: set[int] = set()  # pages whose twin link has been followed
        self.axe = {"pages": 0, "violations": {}, "images": 0, "bad_alt": 0}

    def fail(self, page: str, what: str) -> None:
        self.failures.append(f"{page}: {what}")

    def new_page(self, label: str, viewport=None):
        context = self.browser.new_context(viewport=viewport or {"width": 1280, "height": 900})

        def route(r):
            url = r.request.url
            if url.startswith(self.base):
                r.continue_()
            else:
                self.failed_requests += 1
                self.fail(label, f"blocked request to {url[:120]}")
                r.abort()

        context.route("**/*", route)
        page = context.new_page()

        def console(msg):
            if msg.type == "error":
                self.console_errors += 1
                self.fail(label, f"console error: {msg.text[:200]}")

        def pageerror(exc):
            self.console_errors += 1
            self.fail(label, f"uncaught exception: {str(exc)[:200]}")

        def response(resp):
            if resp.url.startswith(self.base) and resp.status >= 400:
                self.failed_requests += 1
                self.fail(label, f"HTTP {resp.status} for {resp.url[len(self.base):]}")

        def requestfailed(req):
            # Once a twin link has been followed, the next page's loads are cut short
            # on purpose (that page gets its own full check).
            # net::ERR_ABORTED is a request the page itself cancelled (it navigated
            # on); a file that is missing shows up as an HTTP 404 above.
            aborted = "ERR_ABORTED" in (req.failure or "")
            if req.url.startswith(self.base) and id(page) not in self.leaving and not aborted:
                self.failed_requests += 1
                self.fail(label, f"request failed: {req.url[len(self.base):]} ({req.failure})")

        page.on("console", console)
        page.on("pageerror", pageerror)
        page.on("response", response)
        page.on("requestfailed", requestfailed)
        return context, page

    def load(self, page, url: str) -> dict:
        page.goto(url, wait_until="load")
        if page.evaluate("() => !!document.querySelector('.math')"):
            page.wait_for_function(
                "() => window.MathJax && MathJax.startup && MathJax.startup.promise",
                timeout=15000,
            )
            page.evaluate("() => MathJax.startup.promise.then(() => true)")
        settle(page)
        return page.evaluate(PAGE_STATE_JS)

    def check_page(self, rel: str) -> None:
        context, page = self.new_page(rel)
        try:
            state = self.load(page, self.base + rel)
            self.check_state(rel, state)
            self.check_alt(rel, state["imgs"])
            self.check_captions(rel, state["captions"])
            self.check_players(rel, state["players"])
            self.check_axe(rel, page)
            shot = self.shots / rel.replace(".html", ".png")
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            lang = page_language(rel)
            if lang is not None:
                self.check_twin(rel, lang, state, page)
        except PlaywrightError as exc:  # a timeout or a crash is a failure of this page
            self.fail(rel, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        finally:
            close(context)

    def check_state(self, rel: str, state: dict) -> None:
        for img in state["imgs"]:
            if not img["ok"]:
                self.fail(rel, f"image not loaded: {img['src'] or '(no src)'}")
        if state["math"] and not state["mjx"]:
            self.fail(rel, f"{state['math']} math elements but no mjx-container (MathJax)")
        if state["unrendered"]:
            self.fail(rel, f"{state['unrendered']} math elements not rendered by MathJax")
        for text in state["raw"]:
            self.fail(rel, f"raw TeX left in text: {text!r}")
        for tex in state["merror"]:
            self.fail(rel, f"MathJax cannot read this TeX (Math input error): {tex!r}")
        lang = page_language(rel)
        if lang is not None and state["lang"] != lang:
            self.fail(rel, f'<html lang="{state["lang"]}">, expected "{lang}"')
        if lang is not None:
            self.check_ui(rel, lang, state["ui"])
        nb = notebook_of(rel, self.source)
        if nb is not None:
            self.check_launch(rel, state["links"])
            if has_animation(nb) and not state["animations"]:
                self.fail(rel, "the notebook has an animation but no working player is shown")

    def check_alt(self, rel: str, imgs: list[dict]) -> None:
        """Every image has a real alt text: not missing, not empty, not a file name."""
        self.axe["images"] += len(imgs)
        for img in imgs:
            why = bad_alt(img["alt"])
            if why is not None:
                self.axe["bad_alt"] += 1
                self.fail(rel, f"image {img['src'] or '(no src)'}: {why}")

    def check_a11y_only(self, rel: str) -> None:
        """The accessibility checks alone, for the pages the page loop skips."""
        context, page = self.new_page(rel)
        try:
            state = self.load(page, self.base + rel)
            self.check_alt(rel, state["imgs"])
            self.check_axe(rel, page)
        except PlaywrightError as exc:
            self.fail(rel, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        finally:
            close(context)

    def check_players(self, rel: str, players: list[dict]) -> None:
        """Animation players speak the page's language (lossbook.plotting labels them)."""
        lang = page_language(rel)
        if lang is None:
            return
        slider = PLAYER_SLIDER[lang]
        for k, player in enumerate(players, 1):
            if player["slider"] != slider:
                self.fail(rel, f"animation {k}: slider labelled {player['slider']!r}, "
                               f"expected {slider!r}")
            if player["alt"] and bool(HANGUL.search(player["alt"])) != (lang == "ko"):
                self.fail(rel, f"animation {k}: alt text not in {lang}: {player['alt'][:60]!r}")

    def check_captions(self, rel: str, captions: list[str]) -> None:
        """Figures are numbered from 1 on each page, "그림 N" on Korean pages."""
        word = "그림" if page_language(rel) == "ko" else "Fig."
        expected = [f"{word} {k}" for k in range(1, len(captions) + 1)]
        if captions != expected:
            self.fail(rel, f"figure numbers {captions[:4]}..., expected {expected[:4]}...")

    def check_axe(self, rel: str, page) -> None:
        """axe-core's WCAG 2 A/AA rules: serious and critical violations fail."""
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']})
                .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                    help: v.help, targets: v.nodes.map(n => n.target.join(' '))})))""",
            AXE_TAGS)
        self.axe["pages"] += 1
        for v in result:
            key = f"{v['impact']} {v['id']}"
            self.axe["violations"][key] = self.axe["violations"].get(key, 0) + len(v["targets"])
            if v["impact"] in AXE_FAIL:
                for target in v["targets"]:
                    self.fail(rel, f"axe {v['id']} ({v['impact']}): {target[:120]} -- {v['help']}")

    def check_ui(self, rel: str, lang: str, ui: dict) -> None:
        """The theme's interface strings are in the page's language (book/_ext KO_UI)."""
        ko = lang == "ko"
        expected = {
            "skip": KO_UI["Skip to main content"] if ko else "Skip to main content",
            "search": KO_UI["Search this book..."] if ko else "Search this book...",
            "hint": KO_UI["Click to show"] if ko else "Click to show",
        }
        for key, want in expected.items():
            if ui[key] != want:
                self.fail(rel, f"interface string {key!r} is {ui[key]!r}, expected {want!r}")
        english = [t for t in ui["summary"] if t.startswith(("Show code", "Hide code"))]
        if ko and english:
            self.fail(rel, f"hidden-cell summary still in English: {english[0]!r}")
        if not ko and len(english) != len(ui["summary"]):
            self.fail(rel, f"unexpected hidden-cell summaries: {ui['summary'][:2]}")

    def check_launch(self, rel: str, links: list[str]) -> None:
        path = rel.replace(".html", ".ipynb")
        for host in ("mybinder.org", "colab.research.google.com"):
            found = [u for u in links if urllib.parse.urlsplit(u).netloc == host]
            if not found:
                self.fail(rel, f"no {host} launch link")
            elif not all(urllib.parse.unquote(u).endswith("/" + path) for u in found):
                self.fail(rel, f"{host} link does not open {path}: {found[0]}")

    def check_twin(self, rel: str, lang: str, state: dict, page) -> None:
        other = "en" if lang == "ko" else "ko"
        twin = rel.replace(f"book/{lang}/", f"book/{other}/", 1)
        twin_url = self.base + twin
        if not (self.shots.parent / "html" / twin).exists():
            self.fail(rel, f"no twin page {twin} in the build")
            return
        link = page.locator(f'article a[href$="{twin.rsplit("/", 1)[1]}"]')
        hrefs = link.evaluate_all("els => els.map(a => a.href.split('#')[0])")
        if twin_url not in hrefs:
            self.fail(rel, f"no link to the twin page {twin} in the page text")
            return
        # Follow the link for real, but stop once the twin's response arrives: the twin
        # page itself gets the full check (load, math, images) in its own turn.
        self.leaving.add(id(page))
        with page.expect_navigation(wait_until="commit", timeout=10000) as nav:
            link.nth(hrefs.index(twin_url)).click(timeout=5000)
        if nav.value is None or not nav.value.ok:
            self.fail(rel, f"twin link to {twin} did not load")
        if page.url.split("#")[0] != twin_url:
            self.fail(rel, f"twin link went to {page.url}, expected {twin_url}")

    def check_search(self) -> int:
        context, page = self.new_page("search.html")
        try:
            for k, term in enumerate(SEARCH_TERMS):
                page.goto(self.base + "search.html?q=" + urllib.parse.quote(term))
                try:
                    page.wait_for_selector("#search-results .search-summary", timeout=15000)
                except Exception:
                    self.fail("search.html", f"search for {term!r} did not finish")
                    continue
                # The results page fetches each hit's page for its summary; let those
                # finish, or the next search aborts them (net::ERR_ABORTED).
                settle(page)
                hits = page.locator("#search-results ul.search li").count()
                if hits == 0:
                    self.fail("search.html", f"search for {term!r} found nothing")
                else:
                    print(f"  search {term!r}: {hits} results")
                page.screenshot(path=str(self.shots / f"search-{k}.png"), full_page=True)
        finally:
            close(context)

    def check_search_recall(self) -> None:
        """Search finds what is there: for each term of SEARCH_RECALL, the pages the real
        search page lists against the pages whose text holds the term; the recall
        (pages listed / pages holding it, summed over the terms) of each language must
        reach its threshold (Korean: book/_ext/korean_search.py)."""
        html_dir = self.shots.parent / "html"
        context, page = self.new_page("search.html (recall)")
        try:
            report = search_recall(page, self.base, html_dir, book_pages(html_dir))
        finally:
            close(context)
        for lang, r in report.items():
            recall = r["found"] / r["total"] if r["total"] else 0.0
            terms = " ".join(f"{t} {n}" for t, n in r["per_term"].items())
            print(f"  search recall {lang}: {r['found']}/{r['total']} = {recall:.3f} "
                  f"({r['extra']} listed without the term; {terms})")
            if recall < SEARCH_RECALL[lang][1]:
                self.fail("search.html", f"{lang} search recall {recall:.3f} < "
                          f"{SEARCH_RECALL[lang][1]}; missed " + "; ".join(r["missed"][:8]))

    def check_phone(self, rel: str) -> None:
        context, page = self.new_page(f"{rel} (390 px)", viewport=PHONE)
        try:
            state = self.load(page, self.base + rel)
            if state["scrollWidth"] > state["innerWidth"]:
                self.fail(rel, f"at 390 px the page is {state['scrollWidth']} px wide: cut off")
            shot = self.shots / "phone" / rel.replace(".html", ".png")
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
        finally:
            close(context)


def run_worker(job: dict) -> dict:
    """Check some pages (and maybe search and phone widths) in a browser of its own."""
    from playwright.sync_api import sync_playwright

    shots = pathlib.Path(job["shots"])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=job["chromium"], args=CHROMIUM_ARGS,
                                     headless=True)
        checker = Checker(browser, job["base"], shots)
        for rel in job["pages"]:
            checker.check_page(rel)
            print(f"  checked {rel}", flush=True)
        if job["search"]:
            checker.check_search()
            checker.check_search_recall()
        for rel in job["phone"]:
            checker.check_phone(rel)
        for rel in job.get("a11y", []):
            checker.check_a11y_only(rel)
        browser.close()
    return {"failures": checker.failures, "console_errors": checker.console_errors,
            "failed_requests": checker.failed_requests, "axe": checker.axe}


def accessibility_summary(parts: list[dict]) -> str:
    """One line per impact level of axe-core's findings, summed over the workers."""
    pages = sum(p["pages"] for p in parts)
    images = sum(p["images"] for p in parts)
    bad = sum(p["bad_alt"] for p in parts)
    by_rule: dict[str, int] = {}
    for p in parts:
        for key, n in p["violations"].items():
            by_rule[key] = by_rule.get(key, 0) + n
    version = json.loads((AXE_JS.parent / "package.json").read_text())["version"]
    lines = [f"accessibility: axe-core {version} on {pages} pages "
             f"({', '.join(AXE_TAGS)}); {bad} of {images} images without a real alt text"]
    for impact in ("critical", "serious", "moderate", "minor"):
        rules = {k.split(" ", 1)[1]: n for k, n in by_rule.items() if k.split(" ", 1)[0] == impact}
        detail = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items())) or "none"
        lines.append(f"  {impact}: {sum(rules.values())} ({detail})")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--workers", type=int, default=2,
                        help="browsers checking pages side by side (default 2)")
    args = parser.parse_args(argv)
    html = pathlib.Path(args.build).resolve()
    if not (html / "search.html").exists():
        print(f"browser check: no built book in {html} (run jupyter-book build . first)")
        return 1
    if not AXE_JS.exists():
        print(f"browser check: {AXE_JS} is missing (run npm ci)")
        return 1
    pages = book_pages(html)
    shots = html.parent / "screenshots"
    failures = [f"book/{lang}/: no pages in this language"
                for lang in LANGS if not any(page_language(p) == lang for p in pages)]
    chapters = [p for p in pages if re.match(r"book/(ko|en)/\d\d_", p)]
    # One chapter per language at phone width (Korean first: its lines break differently).
    phone = [next(p for p in chapters if p.startswith(f"book/{lang}/"))
             for lang in LANGS if any(p.startswith(f"book/{lang}/") for p in chapters)]
    phone = phone or pages[:2]
    workers = max(1, min(args.workers, len(pages)))
    server, base = serve(html)
    jobs = [{"base": base, "shots": str(shots), "chromium": args.chromium,
             "pages": pages[k::workers], "search": k == 0, "phone": phone if k == 1 % workers
             else [], "a11y": A11Y_ONLY if k == workers - 1 else []} for k in range(workers)]
    try:
        if workers == 1:
            results = [run_worker(jobs[0])]
        else:
            import concurrent.futures
            import multiprocessing

            with concurrent.futures.ProcessPoolExecutor(
                    workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                results = list(pool.map(run_worker, jobs))
    finally:
        server.shutdown()
    for r in results:
        failures += r["failures"]
    console = sum(r["console_errors"] for r in results)
    requests = sum(r["failed_requests"] for r in results)
    print(f"browser check: {len(pages)} pages, {console} console errors, "
          f"{requests} failed requests")
    print(accessibility_summary([r["axe"] for r in results]))
    if failures:
        print(f"{len(failures)} problem(s):")
        for line in failures:
            print("  - " + line)
        return 1
    print(f"screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
