"""Small Sphinx extension for the lossbook HTML pages (registered in _config.yml).

1. ``<html lang>`` per page. Sphinx's ``language`` is global in Jupyter Book 1, so
   the theme would label every page "en". Pages under ``book/ko/`` get
   ``lang="ko"`` (screen readers, hyphenation, browser translation prompts); the
   bilingual landing page keeps "en". The theme's own strings (navigation,
   "Search", ...) stay English: they are translated once per build, not per page.

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
"""

from __future__ import annotations

LANG_FOLDERS = {"book/ko/": "ko", "book/en/": "en"}


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


def setup(app):
    app.connect("html-page-context", on_page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
