"""The PDF edition's tools (tools/build_pdf.py, tools/check_pdf.py, book/_ext/lossbook_pdf.py).

None of these tests needs TeX: they check the per-language toc and configuration, the
"Missing character" log parser, the figure count and the landing page's PDF links with
and without the PDFs. The two that run Sphinx's LaTeX builder (the LaTeX writer takes an
output's image/png, an animation's still frame, over its text/html; long wide tables
wrap) are marked ``latex``: ``make test``'s PDF stage runs them (``pytest -m latex``),
then builds and checks the real PDFs; the unit stage leaves them out.
"""

from __future__ import annotations

import pathlib
import shutil

import build_pdf
import check_pdf
import nbbuild
import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
       "RU5ErkJggg==")


@pytest.mark.parametrize("lang", build_pdf.LANGS)
def test_language_toc_has_every_chapter_of_that_language_only(lang):
    toc = build_pdf.language_toc(lang)
    assert toc["format"] == "jb-book"
    assert toc["root"] == f"book/{lang}/index"
    files = [c["file"] for c in toc["chapters"]]
    for stem in nbbuild.CHAPTERS:
        assert f"book/{lang}/{stem}" in files
    assert all(f.startswith(f"book/{lang}/") for f in files)
    for doc in [toc["root"], *files]:
        assert list(ROOT.glob(f"{doc}.*")), f"{doc} has no source file"


@pytest.mark.parametrize("lang", build_pdf.LANGS)
def test_language_config(lang):
    cfg = build_pdf.language_config(lang)
    conf = cfg["sphinx"]["config"]
    assert conf["language"] == lang
    assert rf"\usepackage[{lang}]{{lossbook-pdf}}" in conf["latex_elements"]["preamble"]
    for path in conf["latex_additional_files"]:
        assert pathlib.Path(path).is_file()
    for path in cfg["sphinx"]["local_extensions"].values():
        assert pathlib.Path(path).is_absolute() and pathlib.Path(path).is_dir()
    # every Sphinx extension in one folder, the PDF-only lossbook_latex included
    assert set(cfg["sphinx"]["local_extensions"].values()) == {str(ROOT / "book" / "_ext")}
    assert (ROOT / "book" / "_ext" / "lossbook_latex.py").is_file()
    bib = conf["lossbook_bibliography_doc"]  # the references close the PDF
    assert bib.startswith(f"book/{lang}/") and (ROOT / f"{bib}.md").is_file()


def test_missing_characters_found_in_wrapped_log_lines():
    log = (
        "Missing character: There is no ⏳ (U+23F3) in font DejaVu Serif/OT:script=latn;l\n"
        "anguage=dflt;!\n"
        "Missing character: There is no ᵗ (U+1D57) in font Latin Modern Mono 9 Regular/O\n"
        "Missing character: There is no ⏳ (U+23F3) in font DejaVu Serif/OT:script=latn;l\n"
        "Missing character: There is no ^^G in font lmroman10-regular!\n"
        "Overfull \\hbox (1.2pt too wide) in paragraph\n"
    )
    assert build_pdf.missing_characters(log) == [
        ("^^G", "lmroman10-regular"),
        ("ᵗ (U+1D57)", "Latin Modern Mono 9 Regular"),
        ("⏳ (U+23F3)", "DejaVu Serif"),
    ]
    assert build_pdf.missing_characters("Output written on lossbook-ko.pdf (3 pages).") == []


def _notebook(path, outputs_by_cell, tags=None):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells.append(nbformat.v4.new_markdown_cell("# Figures"))
    for i, outputs in enumerate(outputs_by_cell):
        cell = nbformat.v4.new_code_cell(f"fig{i}()", execution_count=i + 1)
        cell.outputs = outputs
        if tags and i in tags:
            cell.metadata["tags"] = tags[i]
        nb.cells.append(cell)
    nbformat.write(nb, str(path))
    return path


def _display(data):
    return nbformat.v4.new_output("display_data", data=data)


ANIMATION_HTML = '<div class="animation"><img id="_anim_img"></div><script>new Animation()</script>'


def test_figures_counts_images_and_flags_animations_without_a_still(tmp_path):
    path = _notebook(tmp_path / "figs.ipynb", [
        [_display({"image/png": PNG, "text/plain": "<Figure>"})],
        [_display({"text/html": ANIMATION_HTML, "image/png": PNG, "text/plain": "<HTML>"})],
        [_display({"text/html": ANIMATION_HTML, "text/plain": "<HTML>"})],
        [_display({"text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "df"})],
        [_display({"image/png": PNG, "text/plain": "<Figure>"})],
    ], tags={4: ["remove-output"]})
    count, unprintable = check_pdf.figures([path])
    assert count == 2
    assert unprintable == ["figs.ipynb cell 3: animation with no image/png still"]


@pytest.mark.parametrize("lang", build_pdf.LANGS)
def test_book_notebooks_have_no_animation_without_a_still(lang):
    """Every animation of the book also carries the still frame the PDF prints."""
    _, unprintable = check_pdf.figures(check_pdf.notebooks(lang))
    assert unprintable == []


def _sphinx_build(src, out, builder, extensions, warningiserror=False):
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    with docutils_namespace():  # several Sphinx apps in one process
        app = Sphinx(str(src), str(src), str(out / builder), str(out / ".doctrees"), builder,
                     confoverrides={"extensions": extensions}, status=None, warning=None,
                     freshenv=True, warningiserror=warningiserror)
        app.build(force_all=True)
    return app


@pytest.mark.latex
def test_latex_writer_takes_the_still_frame_of_an_animation(tmp_path):
    """myst-nb's LaTeX output of a text/html + image/png output is the PNG (one frame)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("nb_execution_mode = 'off'\nlatex_engine = 'xelatex'\n")
    _notebook(src / "index.ipynb", [
        [_display({"text/html": ANIMATION_HTML, "image/png": PNG, "text/plain": "<HTML>"})],
    ])
    _sphinx_build(src, tmp_path / "out", "latex", ["myst_nb"])
    tex = next((tmp_path / "out" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert "\\sphinxincludegraphics" in tex
    assert "_anim_img" not in tex and "new Animation" not in tex
    assert list((tmp_path / "out" / "latex").glob("*.png"))


def _pdf_site(tmp_path, with_pdfs):
    src = tmp_path / "site"
    (src / "book").mkdir(parents=True)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'book' / '_ext')!r})\n"
        "exclude_patterns = ['_build']\nroot_doc = 'book/intro'\n")
    (src / "book" / "intro.rst").write_text("Home\n====\n\n.. pdf-editions::\n")
    if with_pdfs:
        (src / "_build" / "pdf").mkdir(parents=True)
        for lang in build_pdf.LANGS:
            (src / "_build" / "pdf" / f"lossbook-{lang}.pdf").write_bytes(b"%PDF-1.5\n%%EOF\n")
    return src


def test_landing_page_links_both_pdfs_and_copies_them(tmp_path):
    src = _pdf_site(tmp_path, with_pdfs=True)
    _sphinx_build(src, tmp_path / "out", "html", ["lossbook_pdf"])
    html = (tmp_path / "out" / "html" / "book" / "intro.html").read_text(encoding="utf-8")
    for lang in build_pdf.LANGS:
        assert f'href="../lossbook-{lang}.pdf"' in html
        assert (tmp_path / "out" / "html" / f"lossbook-{lang}.pdf").is_file()


def test_landing_page_without_pdfs_has_no_link(tmp_path, monkeypatch):
    monkeypatch.delenv("LOSSBOOK_PDF", raising=False)
    src = _pdf_site(tmp_path, with_pdfs=False)
    app = _sphinx_build(src, tmp_path / "out", "html", ["lossbook_pdf"])
    html = (tmp_path / "out" / "html" / "book" / "intro.html").read_text(encoding="utf-8")
    assert ".pdf" not in html
    assert "PDF 판은" in html and "not part of this build" in html
    assert app.statuscode == 0


def test_landing_page_without_pdfs_warns_when_required(tmp_path, monkeypatch):
    monkeypatch.setenv("LOSSBOOK_PDF", "required")
    src = _pdf_site(tmp_path, with_pdfs=False)
    from sphinx.errors import SphinxWarning

    with pytest.raises(SphinxWarning, match="PDF edition missing"):
        _sphinx_build(src, tmp_path / "out", "html", ["lossbook_pdf"], warningiserror=True)


def test_vendored_ctexhook_is_the_distributed_file():
    """ctexhook.sty is TeX Live's file as distributed (LPPL: unmodified copies only)."""
    text = (ROOT / "book" / "_latex" / "ctexhook.sty").read_text(encoding="utf-8")
    assert "This is file `ctexhook.sty'" in text and "LaTeX Project Public License" in text
    assert "\\ProvidesExplPackage{ctexhook}" in text


@pytest.mark.parametrize("lang", build_pdf.LANGS)
def test_book_text_has_no_control_characters(lang):
    """A control character in a page (e.g. BEL from "\\approx" in a non-raw Python string:
    "\\a" is BEL) stops XeLaTeX ("Text line contains an invalid character") and shows as
    garbage in the HTML math."""
    bad = []
    for path in sorted((ROOT / "book" / lang).glob("*.*")):
        if path.suffix == ".ipynb":
            nb = nbformat.read(str(path), as_version=4)
            texts = [(f"cell {i}", c.source) for i, c in enumerate(nb.cells)
                     if c.cell_type == "markdown"]
        elif path.suffix == ".md":
            texts = [("", path.read_text(encoding="utf-8"))]
        else:
            continue
        for where, text in texts:
            for ch in set(text):
                if ord(ch) < 32 and ch not in "\n\t\r":
                    bad.append(f"{path.name} {where}: U+{ord(ch):04X} near "
                               f"{text[max(0, text.index(ch) - 30):text.index(ch) + 10]!r}")
    assert bad == []


@pytest.mark.skipif(not all(shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdffonts",
                                                       "pdfimages")),
                    reason="poppler-utils not installed (make tex)")
def test_check_pdf_reports_a_pdf_that_is_not_the_book(tmp_path, monkeypatch):
    """Every check of check_pdf.check can fail: a one-page PDF with no title, no CJK or
    math font, no image."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2, 2))
    fig.text(0.1, 0.5, "not the book")
    pdf = tmp_path / "lossbook-ko.pdf"
    fig.savefig(pdf)
    plt.close(fig)
    monkeypatch.setattr(build_pdf, "pdf_path", lambda lang: tmp_path / f"lossbook-{lang}.pdf")
    problems = "\n".join(check_pdf.check("ko"))
    assert "1 pages, expected" in problems
    for title in nbbuild.titles().values():
        assert repr(title["ko"]) in problems
    assert "no embedded Noto CJK font" in problems
    assert "no math font embedded" in problems
    assert "images drawn" in problems


@pytest.mark.latex
def test_long_wide_table_wraps_in_the_pdf(tmp_path):
    """book/_ext/lossbook_latex.py gives a long (>30 rows), wide table column widths,
    so LaTeX wraps its cells (the glossary) instead of running them off the page."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("nb_execution_mode = 'off'\nlatex_engine = 'xelatex'\n")
    rows = "".join(f"| 용어 {i} | term {i} | {'아주 긴 설명 ' * 12} |\n" for i in range(35))
    short = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    (src / "index.md").write_text(f"# Glossary\n\n| 한국어 | English | 뜻 |\n|---|---|---|\n{rows}"
                                  f"\nand a short one\n\n{short}")
    _sphinx_build(src, tmp_path / "out", "latex", ["myst_nb", "lossbook_latex"])
    tex = next((tmp_path / "out" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert "\\begin{longtable}{\\X{" in tex
    assert "\\begin{tabulary}" in tex  # the short table is left to tabulary
