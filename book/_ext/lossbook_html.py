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
   ``book/ko/`` has those strings replaced by the Korean of ``KO_UI``: in
   attributes and text outside the page's ``<article>`` (the chapter itself is
   never touched), plus the hidden-cell summaries and toggle hints, whose markup
   is the theme's own. ``tests/test_ko_ui.py`` checks the replacement and the
   browser check looks for it on every Korean page. Numbered captions and figure
   references there say "그림 1", not "Fig. 1" (Sphinx's ``numfig_format`` is global).

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

_ATTRIBUTE = re.compile(r'(\b(?:title|aria-label|placeholder|data-bs-title|alt)=")([^"<>]*)(")')
_TEXT = re.compile(r"(>\s*)([^<>]*?)(\s*<)")
_ARTICLE = re.compile(r'(<article class="bd-article"[^>]*>)(.*?)(</article>)', re.S)
# inside the article, only the theme's own markup: hidden-cell summaries and their label
_SUMMARY = re.compile(r'(<p class="(?:collapsed|expanded) admonition-title">)([^<]*)(</p>)')
_SUMMARY_LABEL = re.compile(r'(<summary aria-label=")([^"]*)(")')
_HINT = re.compile(r"(let toggleHint(?:Show|Hide) = ')([^']*)(';)")
_COPYRIGHT = re.compile(r"© Copyright (\d{4})\.")
# inside the article: the theme's link symbols beside headings and captions, and the
# numbers of captions and of references to them
_HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")([^"]*)(")')
_NUMBERED = re.compile(
    r'(<span class="(?:caption-number|std std-numref)">)(Fig\.|Table|Listing|Section)( [\d.]+)')


def translate_ui(html: str, table: dict[str, str] = KO_UI) -> str:
    """Replace the theme's interface strings of a built page by ``table``'s translations.

    Attributes and text nodes are replaced only when the whole value is a key of
    ``table``, and never inside the chapter (``<article class="bd-article">``),
    except the theme's hidden-cell summaries there.
    """

    def middle(m):  # every pattern here is (before)(string)(after)
        return m[1] + table.get(m[2], m[2]) + m[3]

    def outside(part):
        for pattern in (_ATTRIBUTE, _TEXT, _HINT):
            part = pattern.sub(middle, part)
        return _COPYRIGHT.sub(r"© \1", part)

    pieces, last = [], 0
    for m in _ARTICLE.finditer(html):
        pieces.append(outside(html[last:m.start()]))
        body = _SUMMARY_LABEL.sub(middle, _SUMMARY.sub(middle, m[2]))
        body = _HEADERLINK.sub(middle, body)
        body = _NUMBERED.sub(lambda n: n[1] + KO_NUMFIG[n[2]] + n[3], body)
        pieces.append(m[1] + body + m[3])
        last = m.end()
    pieces.append(outside(html[last:]))
    return "".join(pieces)


# What accessible_page changes (see 5. above): (pattern, replacement) pairs.
_A11Y_FIXES = [
    # buttons named by what they show: drop the theme's shorter aria-label
    (re.compile(r'(<button class="[^"]*search-button-field[^"]*"[^>]*?) aria-label="[^"]*"'),
     r"\1"),
    (re.compile(r'<summary aria-label="[^"]*">'), "<summary>"),
    # colour-mode icons: decoration inside a button that has its own name
    (re.compile(r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"></i>'),
     r'\1 aria-hidden="true"></i>'),
    (re.compile(r'role="doc-biblioentry"'), 'role="listitem"'),
]


def accessible_page(html: str) -> str:
    """The theme's markup of a built page with the accessibility fixes of 5. above."""
    for pattern, replacement in _A11Y_FIXES:
        html = pattern.sub(replacement, html)
    return html


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


def translate_korean_pages(app, exception):
    """After an HTML build: the interface strings of every ``book/ko/`` page in Korean."""
    if exception is not None or app.builder.format != "html":
        return
    folder = pathlib.Path(app.outdir, "book", "ko")
    for page in sorted(folder.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        translated = translate_ui(html)
        if translated != html:
            page.write_text(translated, encoding="utf-8")


def fix_pages(app, exception):
    """After an HTML build: the accessibility fixes of 5. above on every page."""
    if exception is not None or app.builder.format != "html":
        return
    for page in sorted(pathlib.Path(app.outdir).rglob("*.html")):
        if page.relative_to(app.outdir).parts[0] in ("_static", "_sources"):
            continue
        html = page.read_text(encoding="utf-8")
        fixed = accessible_page(html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", on_page_context)
    app.connect("build-finished", fix_pages, priority=400)
    app.connect("build-finished", translate_korean_pages)
    # after Sphinx's own numbering (TocTreeCollector, default priority 500)
    app.connect("env-get-updated", restart_figure_numbers, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
