"""Sphinx extension loaded only by the PDF builds (tools/build_pdf.py adds it).

- Links to the other language's twin pages are not in this edition: a paragraph
  that is only such a link ("🌐 English version of this page") is dropped, elsewhere
  the link becomes its text.
- Wide tables wrap (``WrapWideTables``).
- The bibliography goes at the end of the edition (see ``add_bibliography``).
- sphinx-jupyterbook-latex's ``ucharclasses`` is not loaded (it fights xeCJK over
  XeTeX's character classes; ``lossbook-pdf.sty`` chooses fonts per script instead).
- Sphinx's "no Babel option known for language 'ko'" is expected: Korean is typeset
  by xeCJK, not Babel; Sphinx's own words still come from its Korean catalog.
"""

from __future__ import annotations

import logging
import unicodedata

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from lossbook._lang import LANGUAGES as LANGS  # the one list of the course's languages


class DropOtherLanguageLinks(SphinxPostTransform):
    default_priority = 5  # before MyST resolves (and warns about) document links

    def run(self, **kwargs):
        lang = self.env.docname.split("/")[1] if self.env.docname.startswith("book/") else ""
        others = tuple(f"book/{other}/" for other in LANGS if other != lang)
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("reftype") != "myst" or xref.get("refdomain") != "doc":
                continue
            target = xref.get("reftarget", "")
            if not target.startswith(others) or target in self.env.all_docs:
                continue
            parent = xref.parent
            rest = parent.astext().replace(xref.astext(), "")
            if isinstance(parent, nodes.paragraph) and not any(ch.isalnum() for ch in rest):
                parent.parent.remove(parent)  # only the link (and its 🌐)
            else:
                xref.replace_self(nodes.inline(xref.astext(), xref.astext()))


# Lines of sphinx-jupyterbook-latex's preamble that do not fit this build: ucharclasses
# (see above) and a Babel-only \addto (no Babel here; lossbook-pdf.sty names the contents).
JB_PREAMBLE_DROPS = (
    r"\usepackage[Latin,Greek]{ucharclasses}",
    r"\addto\captionsenglish{\renewcommand{\contentsname}{Contents}}",
)


def text_width(text: str) -> int:
    """Width of a text in Latin letters: Hangul and other wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class WrapWideTables(SphinxTransform):
    """A Markdown table carries no column widths, and Sphinx sets a long one (over 30
    rows, such as the glossary) as a longtable of unwrapped ``l`` columns that run off
    the page. Such a table, when too wide for one line, gets column widths instead
    (each in proportion to its cells' widths, between 8 and 60 letters), which Sphinx
    writes as wrapping ``\\X`` columns."""

    default_priority = 900
    LINE = 90  # letters of the body font on one line of the page
    LONGTABLE_ROWS = 30  # Sphinx's LaTeX writer: more rows make a longtable

    def apply(self, **kwargs):
        for table in self.document.findall(nodes.table):
            tgroup = next(iter(table.findall(nodes.tgroup)), None)
            if tgroup is None or "colwidths-given" in table["classes"]:
                continue
            colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
            cells = [[] for _ in colspecs]
            for row in tgroup.findall(nodes.row):
                for i, entry in enumerate(row.children[:len(cells)]):
                    cells[i].append(text_width(entry.astext()))
            rows = len(cells[0]) if cells else 0
            if rows <= self.LONGTABLE_ROWS or sum(max(c, default=0) for c in cells) <= self.LINE:
                continue  # a shorter table is a tabulary, which wraps by itself
            # Halfway between the column's mean and longest cell: one long cell does not
            # starve the other columns, and a column of short terms keeps them on a line.
            widths = [max(8, min(60, round((sum(c) / len(c) + max(c)) / 2))) for c in cells]
            for colspec, width in zip(colspecs, widths, strict=True):
                colspec["colwidth"] = width
            table["classes"].append("colwidths-given")


def drop_jb_preamble_lines(app, config):
    pre = config.latex_elements.get("preamble", "")
    for line in JB_PREAMBLE_DROPS:
        pre = pre.replace(line, "")
    config.latex_elements["preamble"] = pre


class _NoBabelWarning(logging.Filter):
    def filter(self, record):
        return "no Babel option known for language" not in str(record.msg)


def add_bibliography(app, docname, source):
    """The references: the HTML lists them on the landing page, which the PDFs do not
    include; so a ``{bibliography}`` is added at the end of one page of the edition
    (``lossbook_bibliography_doc``, a Markdown page), and LaTeX prints the list as the
    last chapter (``\\bibname``, set per language in lossbook-pdf.sty)."""
    if docname == app.config.lossbook_bibliography_doc:
        source[0] += "\n\n```{bibliography}\n:all:\n```\n"


def setup(app):
    app.add_config_value("lossbook_bibliography_doc", "", "env")
    app.connect("source-read", add_bibliography)
    app.add_post_transform(DropOtherLanguageLinks)
    app.add_transform(WrapWideTables)
    app.connect("config-inited", drop_jb_preamble_lines, priority=900)
    for name in ("sphinx.sphinx.builders.latex", "sphinx.sphinx.writers.latex"):
        logging.getLogger(name).addFilter(_NoBabelWarning())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
