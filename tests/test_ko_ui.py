"""book/_ext/lossbook_html.py: the theme's interface strings of Korean pages in Korean."""

import pathlib

from lossbook_html import KO_UI, translate_ui

ROOT = pathlib.Path(__file__).resolve().parents[1]

PAGE = """<html lang="ko"><head>
<script>let toggleHintShow = 'Click to show';
let toggleHintHide = 'Click to hide';</script></head><body>
<div id="pst-skip-link"><a href="#main-content">Skip to main content</a></div>
<input class="search-button__input" placeholder="Search this book..."
 aria-label="Search this book..."/>
<button title="Fullscreen mode"><i title="Dark"></i></button>
<a class="reference" href="06_optimizers.html">Optimizers</a>
<article class="bd-article" role="main">
<p>Search</p><p title="Dark">next</p>
<details class="hide above-input"><summary aria-label="Toggle hidden content">
<p class="collapsed admonition-title">Show code cell source</p>
<p class="expanded admonition-title">Hide code cell source</p>
</summary></details>
</article>
<footer><p class="prev-next-subtitle">previous</p>
<p class="component-author">
By The lossbook authors
</p><p class="copyright">© Copyright 2026.</p></footer>
</body></html>"""


def test_interface_strings_outside_the_chapter_are_translated():
    out = translate_ui(PAGE)
    assert '<a href="#main-content">본문으로 건너뛰기</a>' in out
    assert 'placeholder="이 책에서 검색..."\n aria-label="이 책에서 검색..."' in out
    assert '<button title="전체 화면"><i title="어둡게"></i></button>' in out
    assert "let toggleHintShow = '눌러서 보기';" in out
    assert "let toggleHintHide = '눌러서 숨기기';" in out
    assert '<p class="prev-next-subtitle">이전</p>' in out
    assert "지은이: lossbook 저자들" in out and "© 2026" in out
    assert ">Optimizers</a>" in out  # a title of the English part stays as it is


def test_the_chapter_itself_is_untouched_except_the_hidden_cell_summaries():
    out = translate_ui(PAGE)
    article = out[out.index("<article"):out.index("</article>")]
    assert "<p>Search</p>" in article and '<p title="Dark">next</p>' in article
    assert '<p class="collapsed admonition-title">셀 코드 보기</p>' in article
    assert '<p class="expanded admonition-title">셀 코드 숨기기</p>' in article
    assert 'aria-label="숨긴 내용 펼치기/접기"' in article


def test_translation_is_idempotent_and_the_table_is_korean():
    once = translate_ui(PAGE)
    assert translate_ui(once) == once
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in ko) for ko in KO_UI.values())



FIGURES = """<html><body><nav><a title="Link to this heading">x</a></nav>
<article class="bd-article" role="main">
<h2>손실<a class="headerlink" href="#loss" title="Link to this heading">#</a></h2>
<figure class="align-default" id="fig-mse">
<img alt="MSE 곡선" src="../../_images/a.png" />
<figcaption>
<p><span class="caption-number">Fig. 12 </span><span class="caption-text">MSE와 Fig. 3</span>
<a class="headerlink" href="#fig-mse" title="Link to this image">#</a></p>
</figcaption></figure>
<p><a class="reference internal" href="#fig-mse"><span class="std std-numref">Fig. 12</span></a>,
<span class="std std-numref">Table 2.1</span></p>
</article></body></html>"""


def test_korean_pages_number_figures_and_name_the_links_in_korean():
    out = translate_ui(FIGURES)
    assert '<span class="caption-number">그림 12 </span>' in out
    assert '<span class="std std-numref">그림 12</span>' in out
    assert '<span class="std std-numref">표 2.1</span>' in out
    assert "MSE와 Fig. 3</span>" in out  # the caption's own text is the author's
    assert 'title="이 제목으로 연결">#</a></h2>' in out
    assert 'title="이 그림으로 연결">#</a></p>' in out
    assert '<nav><a title="이 제목으로 연결">' in out
    assert translate_ui(out) == out
