"""The landing page's links to the PDF edition (registered in _config.yml).

``tools/build_pdf.py`` (``make pdf``) writes ``_build/pdf/lossbook-ko.pdf`` and
``lossbook-en.pdf``. The ``{pdf-editions}`` directive in ``book/intro.md`` becomes:

- when both PDFs exist: one link per language, with its size; the HTML
  build copies the two files next to ``index.html`` (``_build/html/lossbook-ko.pdf``),
  so the links work wherever the built site is served, and ``tools/check_links.py``
  checks them like any internal link;
- otherwise: a sentence saying the PDFs are made by ``make pdf``, so a build without them
  (a bare ``jupyter-book build .``) never ships a link to a file it does not have.
  ``make book`` runs ``make pdf`` first, so the book it builds links both.

``make test`` builds the PDFs first and sets ``LOSSBOOK_PDF=required``: then a missing
PDF is a build warning (an error under ``-W``), so the checked site always links both.
The page is re-read whenever a PDF appears, changes or disappears (Sphinx dependency).
"""

from __future__ import annotations

import os
import pathlib
import shutil

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LANGS = {"ko": "한국어 PDF", "en": "English PDF"}
logger = logging.getLogger(__name__)


def pdf_dir(app) -> pathlib.Path:
    return pathlib.Path(app.srcdir) / "_build" / "pdf"


def pdf_files(app) -> dict[str, pathlib.Path]:
    return {lang: pdf_dir(app) / f"lossbook-{lang}.pdf" for lang in LANGS}


class PdfEditions(SphinxDirective):
    has_content = False

    def run(self):
        files = pdf_files(self.env.app)
        for path in files.values():
            self.env.note_dependency(str(path))
        if self.env.app.builder.format != "html":
            return []
        missing = [p for p in files.values() if not p.exists()]
        if missing:
            if os.environ.get("LOSSBOOK_PDF") == "required":
                logger.warning("PDF edition missing: %s (run make pdf first)",
                               ", ".join(str(p) for p in missing), location=self.get_location())
            para = nodes.paragraph()
            para += nodes.Text("PDF 판은 ")
            para += nodes.literal(text="make pdf")
            para += nodes.Text("로 만듭니다 (이 빌드에는 없음). "
                               "The PDF edition is built by ")
            para += nodes.literal(text="make pdf")
            para += nodes.Text(" (not part of this build).")
            return [para]
        up = "../" * self.env.docname.count("/")
        items = nodes.bullet_list()
        for lang, label in LANGS.items():
            path = files[lang]
            size = path.stat().st_size / 1e6
            para = nodes.paragraph()
            para += nodes.reference("", f"{label} — {path.name}", refuri=up + path.name,
                                    internal=False)
            para += nodes.Text(f" ({size:.1f} MB)")
            items += nodes.list_item("", para)
        return [items]


def copy_pdfs(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for path in pdf_files(app).values():
        if path.exists():
            shutil.copyfile(path, pathlib.Path(app.outdir) / path.name)


def setup(app):
    app.add_directive("pdf-editions", PdfEditions)
    app.connect("build-finished", copy_pdfs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
