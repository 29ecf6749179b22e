"""Small Sphinx extension for the lossbook HTML pages (registered in _config.yml).

1. ``<html lang>`` per page. Sphinx's ``language`` is global in Jupyter Book 1, so
   the theme would label every page "en". Pages under ``book/ko/`` get
   ``lang="ko"`` (screen readers, hyphenation, browser translation prompts); the
   bilingual landing page keeps "en".

2. Inline scripts, once. In a Jupyter Book 1 build with launch buttons and
   ``thebe: true`` the inline scripts of sphinx-thebe (``const THEBE_JS_URL =
   ...``) and sphinx-togglebutton are registered twice, once with filename
   ``None`` and once with ``""``; Sphinx's own de-duplication compares the two
   filenames literally, so both copies reach every page and Chromium logs
   "Identifier 'THEBE_JS_URL' has already been declared" (a ``const`` declared
   twice). We drop scripts identical in file and attributes (inline body) from
   the page's ``script_files`` before it is written; the first copy stays, so
   thebe and the toggle buttons work unchanged. Measured with Sphinx 7.4,
   sphinx-thebe 0.3.1, jupyter-book 1.0.4.

3. The Korean pages' interface in Korean. The theme translates its strings
   ("Search this book...", "Back to top", "previous", the hidden-cell toggles, ...)
   once per build, into the one global language, and writes some of them
   untranslated in any language. So when the build has finished, every page under
   ``book/ko/`` is parsed (BeautifulSoup, Python's HTML parser) and those strings are
   replaced by the Korean of ``KO_UI``: whole attribute values and text nodes outside
   the page's ``<article class="bd-article">`` and outside ``<script>``/``<style>``
   (the chapter itself is never touched, even where its words are "Page" or "next"),
   plus, in the article, the theme's own markup: hidden-cell summaries, link
   symbols, caption numbers; and the toggle hint of sphinx-togglebutton's script.
   A Korean page without that article stops the build. Numbered captions and figure
   references there say "그림 1", not "Fig. 1" (Sphinx's ``numfig_format`` is global).
   ``tests/test_lossbook_html.py`` checks all this on a two-page book it builds, and
   the browser tests (tests/browser) on every Korean page of the real one.

4. Figure numbers restart on every page. Sphinx numbers figures through the whole
   book when the table of contents is not numbered, so the English chapter 1 would
   start at "Fig. 15"; ``restart_figure_numbers`` renumbers each page from 1.

5. Accessibility of the theme's own markup (every page; axe-core, WCAG 2 A/AA, run
   by tests/browser): buttons and hidden-cell toggles are named by the text
   they show (axe "label-content-name-mismatch": the theme's search button says
   "Search Ctrl+K" but was named "Search", the toggles show "Show code cell source"
   but were named "Toggle hidden content"), the colour-mode icons are hidden from
   screen readers (the button is named "Color mode"), and bibliography entries are
   list items (``role="doc-biblioentry"`` is deprecated and is not a list item).
"""

from __future__ import annotations

import pathlib
import re

from bs4 import BeautifulSoup, NavigableString
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

LANG_FOLDERS = {"book/ko/": "ko", "book/en/": "en"}

# The interface strings of sphinx-book-theme / pydata-sphinx-theme / MyST-NB that a
# reader of a chapter page sees (text, tooltips, screen-reader labels), in Korean.
KO_UI = {
    "Skip to main content": "본문으로 건너뛰기",
    "Back to top": "맨 위로",
    "Search": "검색",
    "Search this book...": "이 책에서 검색...",
    "Contents": "목차",
    "On this page": "이 페이지의 목차",
    "previous": "이전",
    "next": "다음",
    "previous page": "이전 페이지",
    "next page": "다음 페이지",
    "Site navigation": "사이트 탐색",
    "Main": "본문",
    "Page": "페이지",
    "Index": "색인",
    "Color mode": "색 모드",
    "Light": "밝게",
    "Dark": "어둡게",
    "System Settings": "시스템 설정",
    "Toggle primary sidebar": "왼쪽 사이드바 열기/닫기",
    "Toggle secondary sidebar": "오른쪽 사이드바 열기/닫기",
    "Fullscreen mode": "전체 화면",
    "Print to PDF": "PDF로 인쇄",
    "Download this page": "이 페이지 내려받기",
    "Download source file": "원본 파일 내려받기",
    "Launch interactive content": "대화형으로 실행하기",
    "Launch on Binder": "Binder에서 실행",
    "Launch on Colab": "Colab에서 실행",
    "Launch Thebe": "이 페이지에서 코드 실행(Thebe)",
    "Live Code": "라이브 코드",
    "Binder logo": "Binder 로고",
    "Colab logo": "Colab 로고",
    "Source repositories": "소스 저장소",
    "Source repository": "소스 저장소",
    "Repository": "저장소",
    "Open an issue": "이슈 열기",
    "Open issue": "이슈 열기",
    "Version warning": "버전 경고",
    "Toggle hidden content": "숨긴 내용 펼치기/접기",
    "Show code cell source": "셀 코드 보기",
    "Hide code cell source": "셀 코드 숨기기",
    "Show code cell content": "셀 내용 보기",
    "Hide code cell content": "셀 내용 숨기기",
    "Show code cell outputs": "셀 출력 보기",
    "Hide code cell outputs": "셀 출력 숨기기",
    "Click to show": "눌러서 보기",
    "Click to hide": "눌러서 숨기기",
    "By The lossbook authors": "지은이: lossbook 저자들",
    "Link to this heading": "이 제목으로 연결",
    "Link to this image": "이 그림으로 연결",
    "Link to this equation": "이 식으로 연결",
    "Link to this table": "이 표로 연결",
    "Link to this code": "이 코드로 연결",
    "Link to this term": "이 용어로 연결",
    "Link to this definition": "이 정의로 연결",
}
# Sphinx's numfig_format prefixes (captions "Fig. 1", references to them) in Korean.
KO_NUMFIG = {"Fig.": "그림", "Table": "표", "Listing": "코드", "Section": "절"}

# Attributes that hold interface text (tooltips, screen-reader names, placeholders).
UI_ATTRIBUTES = ("title", "aria-label", "placeholder", "data-bs-title", "alt")
# Code, never interface text: their content is not searched for strings to translate.
CODE_TAGS = ("script", "style")
_HINT = re.compile(r"(let toggleHint(?:Show|Hide) = ')([^']*)(';)")
_COPYRIGHT = re.compile(r"© Copyright (\d{4})\.")
_NUMBERED = re.compile(r"^(Fig\.|Table|Listing|Section)( [\d.]+)")


def parse(html: str) -> BeautifulSoup:
    """A built page as a tree (Python's own parser; class attributes kept as written)."""
    return BeautifulSoup(html, "html.parser", multi_valued_attributes=None)


class _AsWritten(HTMLFormatter):
    """bs4's "minimal" formatter, attributes in the page's order (bs4 sorts them)."""

    def attributes(self, tag):
        return list(tag.attrs.items())


def serialize(soup: BeautifulSoup) -> str:
    """The page as HTML again: only what was changed differs from what was parsed (plus
    character references written as characters, ``&nbsp;`` as U+00A0)."""
    return soup.decode(formatter=_AsWritten(entity_substitution=EntitySubstitution.substitute_xml))


def chapter(soup: BeautifulSoup):
    """The page's ``<article class="bd-article">`` (the chapter); ValueError if missing."""
    article = soup.select_one("article.bd-article")
    if article is None:
        raise ValueError('no <article class="bd-article"> in the page: the theme\'s markup '
                         "changed, so the chapter cannot be told from the interface")
    return article


def _replace_text(string: NavigableString, new: str) -> bool:
    if new == string:
        return False
    string.replace_with(new)
    return True


def _translate_attributes(tag, table: dict[str, str], names=UI_ATTRIBUTES) -> int:
    changed = 0
    for name in names:
        value = tag.get(name)
        if isinstance(value, str) and value in table:
            tag[name] = table[value]
            changed += 1
    return changed


def translate_tree(soup: BeautifulSoup, table: dict[str, str] = KO_UI) -> int:
    """Translate the theme's interface strings of a parsed page in place; the number of
    strings changed.

    Outside the chapter (``chapter(soup)``) and outside ``<script>``/``<style>``:
    attributes of ``UI_ATTRIBUTES`` and text nodes whose whole (stripped) value is a key
    of ``table``, and the copyright line. The one piece of code changed is the
    sphinx-togglebutton hint (``let toggleHintShow = '...'``): it is text the reader sees.
    Inside the chapter only the theme's own markup: hidden-cell summaries and their
    label, the link symbols' titles, and the numbers of captions and references.
    """
    article = chapter(soup)
    inside = {id(t) for t in article.find_all(True)} | {id(article)}
    changed = 0
    for tag in soup.find_all(True):
        if id(tag) in inside:
            continue
        if tag.name in CODE_TAGS:
            if tag.name == "script" and tag.string and _HINT.search(tag.string):
                new = _HINT.sub(lambda m: m[1] + table.get(m[2], m[2]) + m[3], tag.string)
                changed += _replace_text(tag.string, new)
            continue
        changed += _translate_attributes(tag, table)
        for string in tag.find_all(string=True, recursive=False):
            if type(string) is not NavigableString:  # comments, doctype, CDATA
                continue
            text = string.strip()
            if text in table:
                new = string.replace(text, table[text], 1)
            else:
                new = _COPYRIGHT.sub(r"© \1", string)
            changed += _replace_text(string, new)
    for p in article.select("p.collapsed.admonition-title, p.expanded.admonition-title"):
        text = p.get_text().strip()
        if text in table and p.string is not None:
            changed += _replace_text(p.string, p.string.replace(text, table[text], 1))
    for tag in article.select("summary[aria-label]"):
        changed += _translate_attributes(tag, table, ["aria-label"])
    for tag in article.select("a.headerlink[title]"):
        changed += _translate_attributes(tag, table, ["title"])
    for span in article.select("span.caption-number, span.std-numref"):
        first = next(span.strings, None)
        if first is not None and _NUMBERED.match(first):
            changed += _replace_text(
                first, _NUMBERED.sub(lambda m: KO_NUMFIG[m[1]] + m[2], first, count=1))
    return changed


def translate_ui(html: str, table: dict[str, str] = KO_UI) -> str:
    """``html`` with the theme's interface strings replaced by ``table``'s translations
    (``translate_tree``); ValueError if the page has no chapter article."""
    soup = parse(html)
    return serialize(soup) if translate_tree(soup, table) else html


def fix_accessibility(soup: BeautifulSoup) -> int:
    """The accessibility fixes of 5. above on a parsed page, in place; how many."""
    changed = 0
    # buttons named by what they show: drop the theme's shorter aria-label
    for tag in soup.select("button.search-button-field[aria-label], summary[aria-label]"):
        del tag["aria-label"]
        changed += 1
    # colour-mode icons: decoration inside a button that has its own name
    for icon in soup.select("i.theme-switch[data-mode][title]"):
        del icon["title"]
        icon["aria-hidden"] = "true"
        changed += 1
    for tag in soup.select('[role="doc-biblioentry"]'):
        tag["role"] = "listitem"
        changed += 1
    return changed


def accessible_page(html: str) -> str:
    """The theme's markup of a built page with the accessibility fixes of 5. above."""
    soup = parse(html)
    return serialize(soup) if fix_accessibility(soup) else html


def restart_figure_numbers(app, env) -> list[str]:
    """Number the figures (tables, code listings) of every page from 1.

    Runs after Sphinx has numbered them through the whole book (``env-get-updated``,
    after its TocTreeCollector). Numbers keep their section prefix if the table of
    contents is ever numbered ("3.1", "3.2"); only the running count restarts. Returns
    the pages whose numbers changed, so that Sphinx writes them again.
    """
    changed = []
    for docname, figtypes in env.toc_fignumbers.items():
        renumbered = {}
        for figtype, numbers in figtypes.items():
            count: dict[tuple, int] = {}
            renumbered[figtype] = {}
            for figure_id, number in sorted(numbers.items(), key=lambda item: item[1]):
                prefix = tuple(number[:-1])
                count[prefix] = count.get(prefix, 0) + 1
                renumbered[figtype][figure_id] = (*prefix, count[prefix])
        if renumbered != figtypes:
            env.toc_fignumbers[docname] = renumbered
            changed.append(docname)
    return changed


def _page_language(pagename: str) -> str | None:
    for prefix, lang in LANG_FOLDERS.items():
        if pagename.startswith(prefix):
            return lang
    return None


def _script_key(js) -> tuple:
    """Identity of a script: its file name, or its inline body, plus attributes."""
    filename = getattr(js, "filename", js) or ""  # None and "" both mean "inline"
    attributes = getattr(js, "attributes", {})
    return (str(filename), tuple(sorted((k, str(v)) for k, v in attributes.items())))


def on_page_context(app, pagename, templatename, context, doctree):
    lang = _page_language(pagename)
    if lang is not None:
        context["language"] = lang
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for js in scripts:
            key = _script_key(js)
            if key not in seen:
                seen.add(key)
                unique.append(js)
        context["script_files"] = unique


def fix_pages(app, exception):
    """After an HTML build: every page parsed once, given the accessibility fixes of 5.
    above, and the Korean interface (3. above) if it is under ``book/ko/``. A Korean
    page without its chapter article stops the build (``chapter``)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = pathlib.Path(app.outdir)
    for page in sorted(outdir.rglob("*.html")):
        rel = page.relative_to(outdir)
        if rel.parts[0] in ("_static", "_sources"):
            continue
        soup = parse(page.read_text(encoding="utf-8"))
        changed = fix_accessibility(soup)
        if _page_language(rel.with_suffix("").as_posix()) == "ko":
            try:
                changed += translate_tree(soup)
            except ValueError as exc:
                raise ValueError(f"{rel}: {exc}") from exc
        if changed:
            page.write_text(serialize(soup), encoding="utf-8")


def setup(app):
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", fix_pages)
    # after Sphinx's own numbering (TocTreeCollector, default priority 500)
    app.connect("env-get-updated", restart_figure_numbers, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
