"""book/_ext/lossbook_html.py on pages of a real build.

A two-page book (the same chapter under ``book/ko/`` and ``book/en/``, with a figure, a
reference to it, a hidden code cell and chapter words equal to interface strings: "Page",
"Index", "next", "Search") is built once with Jupyter Book and the extension; the tests
read what the theme and the extension wrote, and run the extension's functions again on
those pages (changed the way a theme upgrade might change them).
"""

import base64
import os
import pathlib
import re
import subprocess
import sys
from types import SimpleNamespace

import nbformat
import pytest
from lossbook_html import (
    KO_UI,
    accessible_page,
    chapter,
    parse,
    restart_figure_numbers,
    translate_ui,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXT = ROOT / "book" / "_ext"

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
       "RU5ErkJggg==")
CONFIG = f"""title: lossbook
author: The lossbook authors
copyright: "2026"
only_build_toc_files: true
execute:
  execute_notebooks: "off"
repository:
  url: https://github.com/lossbook/lossbook
  path_to_book: ""
  branch: main
launch_buttons:
  binderhub_url: https://mybinder.org
  colab_url: https://colab.research.google.com
  thebe: true
html:
  use_repository_button: true
  home_page_in_navbar: true
sphinx:
  local_extensions:
    lossbook_html: {EXT}
"""
CHAPTER = """# Title

Page

Index

next

<p title="Dark">Search</p>

```{figure} dot.png
:name: fig-dot
:alt: A single dot.

A dot, as Fig. 3 of another book shows it
```

See {numref}`fig-dot`.
"""
CHAPTER_WORDS = ["<p>Page</p>", "<p>Index</p>", "<p>next</p>", '<p title="Dark">Search</p>',
                 "A dot, as Fig. 3 of another book shows it"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built HTML of the two-page book (about 3 s of CPU)."""
    book = tmp_path_factory.mktemp("book")
    (book / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n- file: book/ko/page\n- file: book/en/page\n")
    (book / "intro.md").write_text("# Intro\n\nThe landing page.\n")
    for lang in ("ko", "en"):
        folder = book / "book" / lang
        folder.mkdir(parents=True)
        (folder / "dot.png").write_bytes(base64.b64decode(PNG))
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {
            "name": "python3", "display_name": "Python 3", "language": "python"}})
        nb.cells = [
            nbformat.v4.new_markdown_cell(CHAPTER),
            nbformat.v4.new_code_cell(
                "print('next')", metadata={"tags": ["hide-input"]}, execution_count=1,
                outputs=[nbformat.v4.new_output("stream", text="next\n")]),
        ]
        nbformat.write(nb, folder / "page.ipynb")
    done = subprocess.run(
        [str(pathlib.Path(sys.executable).parent / "jupyter-book"), "build", str(book)],
        capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED="0"), check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return book / "_build" / "html"


def page(site, lang):
    return (site / "book" / lang / "page.html").read_text(encoding="utf-8")


def outside_and_inside(html):
    soup = parse(html)
    article = chapter(soup)
    inside = str(article)
    article.decompose()
    return str(soup), inside


def test_korean_page_interface_is_korean(site):
    soup = parse(page(site, "ko"))
    assert soup.html["lang"] == "ko"
    assert soup.select_one("#pst-skip-link a").get_text() == KO_UI["Skip to main content"]
    assert soup.select_one("input[name=q]")["placeholder"] == \
        KO_UI["Search this book..."]
    assert "let toggleHintShow = '눌러서 보기';" in str(soup)
    outside, _ = outside_and_inside(str(soup))
    for english in ("Skip to main content", ">previous<", "By The lossbook authors",
                    "© Copyright", 'title="Fullscreen mode"', 'aria-label="Site navigation"'):
        assert english not in outside, english
    assert "지은이: lossbook 저자들" in outside and "© 2026" in outside


def test_korean_chapter_text_is_untouched_but_the_theme_markup_in_it_is_korean(site):
    _, article = outside_and_inside(page(site, "ko"))
    for words in CHAPTER_WORDS:
        assert words in article, words
    assert "print</span><span class=\"p\">(</span><span class=\"s1\">'next'" in article
    assert '<p class="collapsed admonition-title">셀 코드 보기</p>' in article
    assert '<span class="caption-number">그림 1 </span>' in article
    assert '<span class="std std-numref">그림 1</span>' in article
    assert 'title="이 제목으로 연결"' in article and 'title="이 그림으로 연결"' in article


def test_english_page_stays_english_and_figures_restart_from_1(site):
    html = page(site, "en")
    soup = parse(html)
    assert soup.html["lang"] == "en"
    assert not re.search("[\uac00-\ud7a3]", html)
    # the English chapter is the book's second figure: numbered 1 on its own page
    assert '<span class="caption-number">Fig. 1 </span>' in html


def test_accessibility_fixes_reach_the_theme_markup(site):
    """The theme still writes what the fixes look for, and the built pages are fixed."""
    for lang in ("ko", "en"):
        soup = parse(page(site, lang))
        search = soup.select("button.search-button-field")
        icons = soup.select("i.theme-switch[data-mode]")
        summaries = soup.select("details.hide summary")
        assert search and len(icons) == 3 and summaries, "the theme's markup changed"
        assert all(not b.has_attr("aria-label") for b in search)
        assert all(s.attrs == {} for s in summaries)
        assert all(i["aria-hidden"] == "true" and not i.has_attr("title") for i in icons)


def test_translating_a_real_english_page(site):
    """translate_ui on the built English page: its interface turns Korean, the chapter
    (the same words as the Korean one) does not."""
    html = page(site, "en")
    out = translate_ui(html)
    outside, article = outside_and_inside(out)
    assert 'placeholder="이 책에서 검색..."' in outside and "본문으로 건너뛰기" in outside
    assert "Skip to main content" not in outside
    for words in CHAPTER_WORDS:
        assert words in article, words


def test_scripts_and_styles_are_not_text(site):
    code = ('<script>const label = "<b>Search</b>"; // next\n</script>'
            '<style>.x::after { content: "Page"; } /* >Index< */</style>')
    html = page(site, "en").replace("</head>", code + "</head>", 1)
    out = translate_ui(html)
    assert code in out
    assert 'placeholder="이 책에서 검색..."' in out


def test_attribute_order_and_extra_classes_do_not_hide_the_chapter(site):
    html = page(site, "en")
    assert html.count('<article class="bd-article">') == 1
    moved = html.replace('<article class="bd-article">',
                         '<article role="main" class="bd-article wide" id="x">')
    _, article = outside_and_inside(translate_ui(moved))
    for words in CHAPTER_WORDS:
        assert words in article, words


def test_a_page_without_the_chapter_article_fails_loudly(site):
    html = page(site, "en").replace('<article class="bd-article">', '<article class="other">')
    with pytest.raises(ValueError, match=r'no <article class="bd-article">'):
        translate_ui(html)


def test_the_build_output_is_a_fixed_point(site):
    for lang in ("ko", "en"):
        html = page(site, lang)
        assert accessible_page(html) == html
    ko = page(site, "ko")
    assert translate_ui(ko) == ko


def test_bibliography_entries_are_list_items():
    # sphinxcontrib-bibtex's markup (not in the two-page book)
    html = ('<div role="list" class="citation-list">'
            '<div class="citation" id="id11" role="doc-biblioentry"><p>Keras.</p></div></div>')
    assert accessible_page(html) == html.replace('role="doc-biblioentry"', 'role="listitem"')


def test_the_korean_table_is_korean():
    assert all(re.search("[\uac00-\ud7a3]", ko) for ko in KO_UI.values())


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
