"""The built book on phones, tablets, keyboards, slow links, paper and in Korean search.

Runs against the real build (``_build/html``, the session fixtures of
tests/browser/conftest.py) at a phone (390x844) and a laptop (1366x768) size, in both
languages. What is fixed where: book/_static/lossbook.css, book/_static/lossbook.js,
book/_ext/lossbook_screens.py (issue 19).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.parse

import pytest

from .helpers import LANGS, WAIT_MS, await_js, pages

PHONE = (390, 844)
TABLET = (1000, 800)
LAPTOP = (1366, 768)
SIZES = {"phone": PHONE, "laptop": LAPTOP}
CHAPTERS = ("01_loss_functions", "02_activation_functions", "03_perceptron",
            "04_gradient_descent", "05_backpropagation", "06_optimizers", "07_keras_compile")
MAX_BYTES = 2_500_000
MAX_REQUESTS = 35
# Chromium DevTools' "Slow 4G" as Lighthouse uses it: 150 ms, 1.6 Mbit/s down.
SLOW_4G = {"offline": False, "latency": 150,
           "downloadThroughput": 1638.4 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}


def chapter(lang: str, stem: str) -> str:
    return f"book/{lang}/{stem}.html"


def open_page(new_page, base_url, rel, size=LAPTOP, **ctx):
    page = new_page(viewport=size, **ctx)
    page.goto(base_url + rel, wait_until="load")
    return page


def settle(page):
    """Wait until MathJax has typeset the page and fonts are in (the layout is final)."""
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise",
                           timeout=15_000)
    await_js(page, "MathJax.startup.promise.then(() => document.fonts.ready).then(() => 1)",
             15_000)


# --------------------------------------------------------------------- 1. drawers

def dialog_open(page, which: str) -> bool:
    return page.evaluate(f"() => document.getElementById('pst-{which}-sidebar-modal').open")


def visible_toggle(page, kind: str):
    return page.locator(f".{kind}:visible").first


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["390", "1000"])
def test_drawers_open_and_close_by_touch_and_keyboard(new_page, base_url, lang, size):
    rel = chapter(lang, "01_loss_functions")
    page = open_page(new_page, base_url, rel, size, has_touch=True, is_mobile=size == PHONE)
    kinds = [("primary-toggle", "primary")] if size[0] >= 992 else []
    kinds = kinds or [("primary-toggle", "primary")]
    kinds.append(("secondary-toggle", "secondary"))
    for kind, which in kinds:
        if which == "primary" and size[0] >= 992:
            continue  # wide screens: the sidebar is in the page (test below)
        button = visible_toggle(page, kind)
        assert button.count() == 1, f"no visible {kind} at {size}"
        # touch: tap opens, a tap outside the drawer closes
        button.tap()
        page.wait_for_function(f"() => document.getElementById('pst-{which}-sidebar-modal').open")
        box = page.locator(f"#pst-{which}-sidebar-modal").bounding_box()
        links = page.locator(f"#pst-{which}-sidebar-modal a[href]")
        assert links.count() > 3, f"{which} drawer is empty"
        assert box["width"] < size[0], "the drawer leaves room to tap outside"
        x = box["x"] + box["width"] + 10 if box["x"] < 10 else box["x"] - 10
        page.touchscreen.tap(x, size[1] // 2)
        page.wait_for_function(f"() => !document.getElementById('pst-{which}-sidebar-modal').open")
        # keyboard: Enter opens, Escape closes and gives the focus back
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => document.getElementById('pst-{which}-sidebar-modal').open")
        page.keyboard.press("Escape")
        page.wait_for_function(f"() => !document.getElementById('pst-{which}-sidebar-modal').open")
        assert not dialog_open(page, which)


@pytest.mark.parametrize("lang", LANGS)
def test_sidebars_on_a_laptop(new_page, base_url, lang):
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"), LAPTOP)
    primary = page.locator("#pst-primary-sidebar")
    assert primary.is_visible() and page.locator("#pst-secondary-sidebar").is_visible()
    visible_toggle(page, "primary-toggle").click()  # the visible ☰ hides the navigation
    page.wait_for_function(
        "() => document.getElementById('pst-primary-sidebar')"
        ".classList.contains('pst-sidebar-hidden')")
    visible_toggle(page, "primary-toggle").press("Enter")
    page.wait_for_function(
        "() => !document.getElementById('pst-primary-sidebar')"
        ".classList.contains('pst-sidebar-hidden')")


# --------------------------------------------------------------------- 2.-4. page tours
# Every page of a language is opened once per screen size, in a fresh tab with the
# browser cache off (so each visit is a first visit), and what the tests below check is
# recorded on the way: bytes and requests, page width, table words, figures.

BROKEN_WORDS_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest('mjx-container, code')) continue;
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}_]+/gu)) {  // letter runs
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

PAGE_JS = """() => ({
  width: document.documentElement.scrollWidth,
  article: document.querySelector('article').getBoundingClientRect().height,
  figures: [...document.querySelectorAll('article img')]
    .filter(i => !i.id.startsWith('_anim_img'))
    .map(i => ({src: i.src, link: i.closest('a') ? i.closest('a').href : null,
                wide: i.classList.contains('lossbook-wide'), natural: +i.getAttribute('width'),
                shown: i.getBoundingClientRect().width})),
})"""


def visit(page, url, record):
    """Open ``url`` in ``page``; count what came over the network (CDP)."""
    record.clear()
    page.goto(url, wait_until="load", timeout=60_000)
    try:  # a page that keeps loading (it should not) is measured after 3 s
        page.wait_for_load_state("networkidle", timeout=3_000)
    except Exception:  # noqa: BLE001 - a page that never idles is measured as it is
        pass
    page.wait_for_timeout(300)
    sizes = record.get("sizes", {})
    urls = record.get("urls", {})
    return {"bytes": sum(sizes.values()), "requests": len(urls),
            "urls": sorted(urls.values())}


def tour(browser, base_url, rels, size):
    phone = size == PHONE
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  has_touch=phone, is_mobile=phone)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    record: dict = {}
    cdp.on("Network.requestWillBeSent", lambda e: record.setdefault("urls", {}).__setitem__(
        e["requestId"], e["request"]["url"].replace(base_url, "")))
    cdp.on("Network.loadingFinished", lambda e: record.setdefault("sizes", {}).__setitem__(
        e["requestId"], e["encodedDataLength"]))
    results = {}
    try:
        for rel in rels:
            net = visit(page, base_url + rel, record)
            state = page.evaluate(PAGE_JS)
            state["broken"] = page.evaluate(BROKEN_WORDS_JS)
            results[rel] = {**net, **state}
    finally:
        context.close()
    return results


# The tests that read the tours run on one worker (pytest-xdist --dist loadgroup), so
# that each tour is made once.
ON_TOUR = pytest.mark.xdist_group("tour")


@pytest.fixture(scope="session")
def toured(browser, base_url):
    done = {}

    def get(lang, size_name):
        if (lang, size_name) not in done:
            rels = pages(lang) + (["book/intro.html"] if lang == "en" else [])
            done[lang, size_name] = tour(browser, base_url, rels, SIZES[size_name])
        return done[lang, size_name]
    return get


@ON_TOUR
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways_on_a_phone(toured, lang):
    wide = {rel: r["width"] for rel, r in toured(lang, "phone").items() if r["width"] > PHONE[0]}
    assert not wide, wide


def test_search_and_index_pages_fit_a_phone(new_page, base_url):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    for rel in ("search.html?q=loss", "genindex.html"):
        page.goto(base_url + rel, wait_until="load")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0], rel


@ON_TOUR
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_tables_keep_words_whole(toured, lang, size):
    broken = {rel: r["broken"][:5] for rel, r in toured(lang, size).items() if r["broken"]}
    assert not broken, broken


@ON_TOUR
@pytest.mark.parametrize("lang", LANGS)
def test_glossary_on_a_phone_at_most_twice_its_desktop_height(toured, lang):
    rel = f"book/{lang}/glossary.html"
    phone, laptop = toured(lang, "phone")[rel]["article"], toured(lang, "laptop")[rel]["article"]
    print(f"glossary {lang}: phone {phone:.0f} px, laptop {laptop:.0f} px")
    assert phone <= 2 * laptop, (phone, laptop)


@ON_TOUR
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_every_figure_links_its_full_size_image(toured, lang, size):
    total = 0
    for rel, r in toured(lang, size).items():
        for f in r["figures"]:
            total += 1
            assert f["link"] and f["link"].split("?")[0] == f["src"].split("?")[0], (rel, f)
            if size == "phone" and f["wide"]:
                # multi-panel figures keep at least 60 % of their size on a phone
                assert f["shown"] >= 0.6 * f["natural"], (rel, f)
    assert total > 20


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_opens_a_figure(new_page, base_url, lang):
    page = open_page(new_page, base_url, chapter(lang, "04_gradient_descent"), PHONE,
                     has_touch=True, is_mobile=True)
    link = page.locator("article a.lossbook-figure-link").first
    link.scroll_into_view_if_needed()
    href = link.evaluate("a => a.href")
    with page.expect_navigation():
        link.locator("img").tap()
    assert page.url == href and page.url.endswith(".png")


@ON_TOUR
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_first_visit_weight(toured, site_dir, lang, size):
    for stem in CHAPTERS:
        rel = chapter(lang, stem)
        r = toured(lang, size)[rel]
        print(f"{rel} {size}: {r['bytes'] / 1e6:.2f} MB, {r['requests']} requests")
        assert r["bytes"] <= MAX_BYTES, (rel, r["bytes"])
        assert r["requests"] <= MAX_REQUESTS, (rel, r["urls"])
        names = " ".join(r["urls"])
        assert "searchindex.js" not in names and "fontawesome.js" not in names, rel
        # figures and animation frames below the first screen wait until they are near
        html = (site_dir / rel).read_text(encoding="utf-8")
        assert "data:image/png;base64" not in html, f"{rel}: animation frames inline"
        images = set(re.findall(r'src="[^"]*_images/([^"]+)"', html))
        images |= set(re.findall(r'frames\[\d+\] = "[^"]*_images/([^"]+)"', html))
        loaded = {u.rsplit("/", 1)[1] for u in r["urls"] if "_images/" in u}
        if len(images) > 4:
            assert len(loaded) < len(images) / 2, (rel, len(loaded), len(images))


def first_visit(new_page, base_url, rel, size, throttle=None):
    """Bytes, requests and load time of one first visit (cache off), maybe throttled."""
    page = new_page(viewport=size)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle:
        cdp.send("Network.emulateNetworkConditions", throttle)
    record: dict = {}
    cdp.on("Network.requestWillBeSent", lambda e: record.setdefault("urls", {}).__setitem__(
        e["requestId"], e["request"]["url"].replace(base_url, "")))
    cdp.on("Network.loadingFinished", lambda e: record.setdefault("sizes", {}).__setitem__(
        e["requestId"], e["encodedDataLength"]))
    page.goto(base_url + rel, wait_until="load", timeout=60_000)
    load = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
    sizes, urls = record.get("sizes", {}), record.get("urls", {})
    return {"bytes": sum(sizes.values()), "requests": len(urls),
            "urls": sorted(urls.values()), "load_ms": load}


def test_search_page_loads_the_index(new_page, base_url):
    visit = first_visit(new_page, base_url, "search.html?q=loss", LAPTOP)
    assert any(u.startswith("searchindex.js") for u in visit["urls"])


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_slow_4g_load(new_page, base_url, lang):
    """Chapter 1 on an emulated slow 4G link (150 ms, 1.6 Mbit/s): before this work
    26.6 s to the load event (4.4 MB); now it must be well under that."""
    visit = first_visit(new_page, base_url, chapter(lang, "01_loss_functions"), PHONE,
                        throttle=SLOW_4G)
    print(f"slow 4G {lang}: load {visit['load_ms'] / 1000:.1f} s, "
          f"{visit['bytes'] / 1e6:.2f} MB, {visit['requests']} requests")
    assert visit["load_ms"] < 16_000


# --------------------------------------------------------------------- 5. keyboard

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_math_out_of_the_tab_order_but_readable(new_page, base_url, lang, size):
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"), size)
    settle(page)
    math = page.evaluate("""() => [...document.querySelectorAll('mjx-container')].map(m => ({
        tab: m.tabIndex, mml: !!m.querySelector('mjx-assistive-mml math'),
        scrolls: ['auto', 'scroll'].includes(getComputedStyle(m).overflowX)
                 && m.scrollWidth > m.clientWidth + 1}))""")
    assert len(math) > 50
    # only a formula wider than its box is a Tab stop: the keyboard must scroll it
    assert all((m["tab"] >= 0) == m["scrolls"] for m in math), "math in the Tab order"
    assert all(m["mml"] for m in math), "math without MathML for screen readers"


FOCUS_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {tag: e.tagName, cls: e.className && e.className.baseVal === undefined ? e.className : '',
          text: (e.textContent || '').trim().slice(0, 30), visible: r.width > 0 && r.height > 0,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1,
          shadow: s.boxShadow !== 'none'};
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_every_control_shows_focus(new_page, base_url, lang, size):
    page = open_page(new_page, base_url, chapter(lang, "04_gradient_descent"), size)
    unseen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_JS)
        if state and state["visible"] and not (state["outline"] or state["shadow"]):
            unseen.append(state)
    assert not unseen, unseen[:5]


# --------------------------------------------------------------------- 6. anchors, switch

@pytest.mark.parametrize("stem", CHAPTERS + ("index", "glossary", "sources"))
def test_korean_anchors_are_the_english_ones(site_dir, stem):
    ko = (site_dir / f"book/ko/{stem}.html").read_text(encoding="utf-8")
    en = (site_dir / f"book/en/{stem}.html").read_text(encoding="utf-8")
    ko_ids = re.findall(r'<section[^>]* id="([^"]+)"', ko)
    en_ids = re.findall(r'<section[^>]* id="([^"]+)"', en)
    assert not [i for i in ko_ids if re.fullmatch(r"id\d+", i)], ko_ids
    same = sum(k == e for k, e in zip(ko_ids, en_ids, strict=True))
    assert same >= len(en_ids) - sum(k.startswith("ko-") for k in ko_ids), (ko_ids, en_ids)
    for anchor in re.findall(r'href="#([^"]+)"', ko):
        assert anchor == "" or f'id="{anchor}"' in ko, f"{stem}: link to missing #{anchor}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_language_switch_in_the_header_keeps_the_section(new_page, base_url, lang, size):
    other = "en" if lang == "ko" else "ko"
    phone = size == PHONE
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"), size,
                     has_touch=phone, is_mobile=phone)
    switch = page.locator(".bd-header-article .lossbook-lang-switch")
    assert switch.count() == 1 and switch.is_visible()
    settle(page)  # math typeset: the layout no longer moves
    sections = page.locator("article section[id]")
    k = 7
    target = sections.nth(k).get_attribute("id")
    page.evaluate("id => document.getElementById(id).scrollIntoView()", target)
    page.wait_for_timeout(200)
    # a real pointer where the (sticky) switch is; Playwright's own click would first
    # scroll it "into view", moving the page away from the section
    box = switch.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= size[1], "switch not on screen"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with page.expect_navigation():
        page.touchscreen.tap(x, y) if phone else page.mouse.click(x, y)
    url = urllib.parse.urlsplit(page.url)
    assert url.path.endswith(f"/book/{other}/01_loss_functions.html")
    twin_id = page.locator("article section[id]").nth(k).get_attribute("id")
    assert urllib.parse.unquote(url.fragment) == twin_id
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", twin_id)
    assert -5 < top < size[1] / 2


# --------------------------------------------------------------------- 7. print

@pytest.mark.parametrize("lang", LANGS)
def test_print(new_page, base_url, tmp_path, lang):
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"))
    page.emulate_media(media="print")
    state = page.evaluate("""() => ({
      hidden: [...document.querySelectorAll('article details .cell_input')]
          .filter(e => e.getBoundingClientRect().height === 0).length,
      folded: document.querySelectorAll('article details').length,
      cut: [...document.querySelectorAll('article pre')]
          .filter(p => p.scrollWidth > p.clientWidth + 1).length,
      twin: [...document.querySelectorAll('.lossbook-twin-link')]
          .filter(e => e.getBoundingClientRect().height > 0).length})""")
    assert state["folded"] > 3 and state["hidden"] == 0, state
    assert state["cut"] == 0 and state["twin"] == 0, state
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils, `make tex`) not installed")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [p for p in text.split("\f")]
    while pages and not pages[-1].strip():
        pages.pop()
    print(f"print {lang}: {len(pages)} A4 pages")
    assert "def my_sse" in text, "solutions did not print"
    # the last page holds part of the chapter, not just its closing links
    nav = ("다음 장", "강의 첫 페이지", "Next chapter", "Course home")
    rest = [line for line in pages[-1].splitlines()
            if line.strip() and not line.strip().startswith(nav)]
    assert rest, f"last page holds only links: {pages[-1][:200]!r}"
    assert "🌐" not in text and "풀이 숨기기" not in text and "Hide solution" not in text


# --------------------------------------------------------------------- 8. search

LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def search(page, base_url, query, lang=None):
    url = base_url + "search.html?q=" + urllib.parse.quote(query)
    if lang:
        url += "&lang=" + lang
    page.goto(url, wait_until="load")
    page.wait_for_selector("#search-results .search-summary", timeout=20_000)
    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:  # noqa: BLE001
        pass
    page.wait_for_timeout(300)
    return page.evaluate("""() => ({
      title: document.querySelector('#search-results h2').textContent,
      status: document.querySelector('#search-results .search-summary').textContent,
      lang: document.documentElement.lang,
      groups: [...document.querySelectorAll('.lossbook-search-group:not([hidden])')].map(g => ({
          lang: g.dataset.lang, heading: g.querySelector('h2').textContent,
          links: [...g.querySelectorAll('li > a')].map(a => a.getAttribute('href'))})),
      snippets: [...document.querySelectorAll('#search-results p.context')].map(p => p.textContent),
      loose: document.querySelectorAll(
          '#search-results ul.search:not(.lossbook-grouped) > li').length,
    })""")


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_search_in_korean_from_a_korean_page(new_page, base_url, size):
    page = open_page(new_page, base_url, chapter("ko", "01_loss_functions"), size)
    # the page's search box carries the language
    assert page.locator('form.bd-search input[name="lang"][value="ko"]').count() >= 1
    result = search(page, base_url, "기울기", "ko")
    assert result["lang"] == "ko"
    assert "검색" in result["title"] and "페이지" in result["status"], result["status"]
    assert result["groups"][0]["lang"] == "ko" and result["loose"] == 0
    for group in result["groups"]:
        assert all(f"book/{group['lang']}/" in h for h in group["links"]) or \
            group["lang"] == "other"
    check_snippets(result["snippets"])


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_search_in_english(new_page, base_url, size):
    page = new_page(viewport=size)
    result = search(page, base_url, "gradient", "en")
    assert result["title"] == "Search Results" and result["lang"] == "en"
    assert result["groups"][0]["lang"] == "en"
    check_snippets(result["snippets"])


def check_snippets(snippets):
    assert snippets
    for text in snippets:
        assert not re.search(r"\\[a-zA-Z]+|\\\(|\$\$", text), f"TeX in snippet: {text[:120]}"
        # no code cells (inline code in a sentence, y[np.arange(N), t], is prose)
        assert not re.search(r"\bimport \w+|>>>|\bdef \w+\(|\w+ = np\.", text), \
            f"code in snippet: {text[:120]}"
        assert not LONE_SURROGATE.search(text), "broken character in snippet"


# --------------------------------------------------------------------- 9. smaller things

@pytest.mark.parametrize("lang", LANGS)
def test_copy_button_on_touch_and_in_the_pages_language(new_page, base_url, lang):
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"), PHONE,
                     has_touch=True, is_mobile=True)
    button = page.locator("article .copybtn").first
    assert page.evaluate("() => matchMedia('(hover: none)').matches")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 1
    assert button.get_attribute("data-tooltip") == ("복사" if lang == "ko" else "Copy")


def test_favicon(new_page, base_url):
    page = open_page(new_page, base_url, "book/ko/index.html")
    href = page.evaluate("() => document.querySelector('link[rel~=icon]').href")
    assert page.request.get(href).status == 200


@pytest.mark.parametrize("lang", LANGS)
def test_prev_next_stay_in_one_language(site_dir, lang):
    other = "en" if lang == "ko" else "ko"
    for rel in pages(lang):
        html = (site_dir / rel).read_text(encoding="utf-8")
        for href in re.findall(r'<a class="(?:left-prev|right-next)"\s+href="([^"]*)"', html):
            assert not href.startswith(f"../{other}/"), (rel, href)


@pytest.mark.parametrize("lang", LANGS)
def test_solution_toggles_say_solution(new_page, base_url, lang):
    page = open_page(new_page, base_url, chapter(lang, "01_loss_functions"), PHONE)
    labels = page.locator("article .tag_solution summary .collapsed").all_text_contents()
    assert labels and set(labels) == {"풀이 보기" if lang == "ko" else "Show solution"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_animation_player(new_page, base_url, lang, size):
    page = open_page(new_page, base_url, chapter(lang, "04_gradient_descent"), size,
                     color_scheme="dark")
    player = page.locator("article .animation").first
    player.scroll_into_view_if_needed()
    img = player.locator("img")
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
    tops = player.locator(".anim-buttons button").evaluate_all(
        "bs => bs.map(b => Math.round(b.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, "the player's buttons wrap"
    box = player.bounding_box()
    assert box["width"] <= size[0]
    first = img.evaluate("i => i.src")
    player.locator(".anim-buttons button").nth(6).click()  # next frame
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
    assert img.evaluate("i => i.src") != first
    page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    scheme = player.locator("input[type=radio]").first.evaluate(
        "r => getComputedStyle(r).colorScheme")
    assert scheme == "light"


def contrast(fg, bg):
    def lum(rgb):
        def ch(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (ch(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_search_highlight_contrast_in_dark_mode(new_page, base_url):
    page = new_page(viewport=LAPTOP, color_scheme="dark")
    page.goto(base_url + "book/en/01_loss_functions.html?highlight=loss", wait_until="load")
    page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    page.wait_for_selector("article .highlighted")
    colors = page.locator("article .highlighted").first.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    fg, bg = ([int(x) for x in re.findall(r"\d+", c)[:3]] for c in colors)
    assert contrast(fg, bg) >= 4.5, colors
