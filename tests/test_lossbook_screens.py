"""The build step of book/_ext/lossbook_screens.py, one rewrite at a time.

The browser tests (tests/browser/test_screens.py) check the result in the real build;
these pin each rewrite on small pieces of the theme's markup, including the cases the
build does not happen to contain today (swapped ids, a second run, a missing icon).
"""

from __future__ import annotations

import base64
import pathlib
import sys

import pydata_sphinx_theme
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import lossbook_screens as screens  # noqa: E402

FONTAWESOME = (pathlib.Path(pydata_sphinx_theme.__file__).parent / "theme" /
               "pydata_sphinx_theme" / "static" / "scripts" / "fontawesome.js")


@pytest.fixture(scope="module")
def packs():
    return screens.fontawesome_packs(FONTAWESOME.read_text(encoding="utf-8"))


def test_icons_come_from_fontawesome_js(packs):
    width, height, path = screens.icon_svg_data(packs, "fas", "bars")
    assert (width, height) == (448, 512) and path.startswith("M0 96C0")
    assert screens.icon_svg_data(packs, "fab", "github")[:2] == (496, 512)
    assert screens.icon_svg_data(packs, "fas", "github") is None  # brands only
    assert screens.icon_svg_data(packs, "fas", "no-such-icon") is None


def test_inline_icons_keeps_classes_and_drops_the_script(packs):
    html = ('<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>'
            '<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light"></i>'
            '<i class="fab fa-github"></i><i class="fa-solid fa-no-such-icon"></i>')
    out = screens.inline_icons(html, packs)
    assert "fontawesome.js" not in out
    assert '<svg class="theme-switch fa-solid fa-sun fa-lg svg-inline--fa" data-icon="sun"' \
        ' data-mode="light" aria-hidden="true"' in out
    assert 'data-icon="github"' in out and 'viewBox="0 0 496 512"' in out
    assert '<i class="fa-solid fa-no-such-icon"></i>' in out  # left as it was
    assert screens.inline_icons(out, packs) == out  # a second build run changes nothing


def test_search_scripts_dropped():
    html = ('<script src="../../_static/searchtools.js"></script>\n'
            '<script src="../../_static/language_data.js"></script>\n'
            '<script src="../../searchindex.js"></script><script src="../../_static/doctools.js">'
            '</script>')
    assert screens.drop_search_scripts(html) == \
        '<script src="../../_static/doctools.js"></script>'


def section_page(*ids, extra=""):
    body = "".join(f'<section id="{i}"><h2>{i.title()}<a class="headerlink" '
                   f'href="#{i}">#</a></h2></section>' for i in ids)
    return f'<article class="bd-article" role="main">{body}{extra}</article>'


def test_korean_sections_take_the_english_ids_by_position():
    ko = section_page("id1", "id2", "keras", "ko-solutions")
    en = section_page("losses", "keras", "from-logits", "solutions")
    # "keras" moves from the third Korean section to the second: a swap is allowed
    assert screens.anchor_map(ko, en) == {"id1": "losses", "id2": "keras",
                                          "keras": "from-logits"}
    # a different number of sections: nothing is guessed
    assert screens.anchor_map(ko, section_page("losses")) == {}
    # an id used by something else in the Korean page is not taken twice
    ko2 = section_page("id1", "id2", extra='<span id="losses"></span>')
    assert screens.anchor_map(ko2, section_page("losses", "more")) == {"id2": "more"}


def test_numbered_english_sections_get_their_headings_words():
    html = section_page("gradient-descent", "id2")
    html = html.replace("<h2>Id2", "<h2>Gradient <em>descent</em>")
    assert screens.readable_ids(html) == {"id2": "gradient-descent-2"}


def test_links_follow_renamed_anchors():
    targets = {"book/ko/01.html": {"id2": "learning-goals"}}
    html = ('<a href="#id2">a</a><a href="01.html#id2">b</a><a href="../ko/01.html#id2">c</a>'
            '<a href="02.html#id2">d</a><a href="#id3">e</a>')
    out = screens.rewrite_links(html, "book/ko/01.html", targets)
    assert out == ('<a href="#learning-goals">a</a><a href="01.html#learning-goals">b</a>'
                   '<a href="../ko/01.html#learning-goals">c</a><a href="02.html#id2">d</a>'
                   '<a href="#id3">e</a>')
    from_intro = screens.rewrite_links('<a href="ko/01.html#id2">', "book/intro.html", targets)
    assert from_intro == '<a href="ko/01.html#learning-goals">'


def test_figures_lazy_sized_and_linked(tmp_path):
    images = tmp_path / "_images"
    images.mkdir()
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    (images / "a.png").write_bytes(png)
    page = tmp_path / "book"
    page.mkdir()
    html = ('<article class="bd-article"><img alt="A plot." src="../_images/a.png" />'
            '<a href="x"><img alt="linked" src="../_images/a.png"></a></article>')
    out = screens.link_figures(html, page)
    assert out.startswith('<article class="bd-article"><a class="lossbook-figure-link" '
                          'href="../_images/a.png"><img alt="A plot." src="../_images/a.png" '
                          'loading="lazy" decoding="async" width="1" height="1"></a>')
    assert out.count("lossbook-figure-link") == 1  # an image already in a link stays
    assert screens.link_figures(out, page) == out


PLAYER = '''<div class="animation">
  <img id="_anim_imglb01" alt="An animation.">
</div>
<script>
    this.frames[i] = new Image();
    this.frames[i].src = frames[i];
</script>
<script>
    var img_id = "_anim_imglb01";
    var frames = new Array(2);
  frames[0] = "data:image/png;base64,QUJD\\
REVG"
  frames[1] = "data:image/png;base64,R0hJ"
</script>'''


def test_animation_frames_become_files(tmp_path):
    out = screens.externalise_frames(PLAYER, tmp_path, "../../_images/")
    files = sorted(tmp_path.iterdir())
    assert sorted(f.read_bytes() for f in files) == [b"ABCDEF", b"GHI"]
    assert "data:image" not in out and "new Image()" not in out
    assert "this.frames[i] = {src: frames[i]};" in out
    first = next(f.name for f in files if f.read_bytes() == b"ABCDEF")
    assert f'<img id="_anim_imglb01" alt="An animation." src="../../_images/{first}" ' \
        'loading="lazy" decoding="async">' in out
    assert screens.externalise_frames(out, tmp_path, "../../_images/") == out


def test_prev_next_stay_in_the_pages_language():
    html = ('<a class="left-prev"\n href="../ko/sources.html" title="p"><p>Sources</p></a>'
            '<a class="right-next"\n href="01_loss_functions.html" title="n"><p>1</p></a>')
    out = screens.same_language_prev_next(html, "book/en/index.html")
    assert "left-prev" not in out and "right-next" in out
    assert screens.same_language_prev_next(html, "book/intro.html") == html


def test_solution_toggles_and_pdf_item():
    html = ('<div class="cell tag_solution tag_hide-cell docutils container">\n'
            '<details class="admonition hide above-input">\n<summary>\n'
            '<p class="collapsed admonition-title">셀 내용 보기</p>\n'
            '<p class="expanded admonition-title">셀 내용 숨기기</p>\n</summary>')
    out = screens.label_solutions(html, "ko")
    assert ">풀이 보기</p>" in out and ">풀이 숨기기</p>" in out
    assert ">Show solution</p>" in screens.label_solutions(html, "en")
    menu = ('<div class="dropdown dropdown-download-buttons">\n<button>x</button>\n'
            '<ul class="dropdown-menu">\n<li>ipynb</li></ul></div>')
    out = screens.pdf_edition_item(menu, "ko", "../../lossbook-ko.pdf")
    assert '<ul class="dropdown-menu">\n<li><a href="../../lossbook-ko.pdf"' in out
    assert "책 전체 PDF" in out and screens.pdf_edition_item(out, "ko", "x") == out
