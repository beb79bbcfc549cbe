"""Small Sphinx extension for the LKjIP book.

The book's title and author come from data (the unit's name). Sphinx's own templates escape
them in <title>, but the theme puts them into the navbar, the footer and the search page as
they are: every page gets them escaped as HTML here, as `Markup`, which templates that escape
leave alone (so nothing is escaped twice).

Report tables in the PDF are laid out so that no row runs off a page (`tabel_latex`); in the
site, and in the PDF where a table fits on a page, a report table's repeated tujuan or sasaran cells
are merged into one (`tabel_latex.GabungSel`).

sphinx-thebe (loaded by Jupyter Book 1.x, unused here: the book runs no live code) adds its
inline configuration script twice with this Sphinx, which makes browsers report
"Identifier 'THEBE_JS_URL' has already been declared" on every page. Keep one copy.
"""

from __future__ import annotations

from markupsafe import Markup

from ..laporan import render
from .tabel_latex import GabungSel, LatexLkjip, TabelLaporanLatex

# Page-context values that carry configuration text (title and author from the unit's data).
TEKS_KONFIGURASI = ("docstitle", "shorttitle", "project", "author", "copyright")


def _lolos_html(app, pagename, templatename, context, doctree):
    for kunci in TEKS_KONFIGURASI:
        nilai = context.get(kunci)
        if isinstance(nilai, str) and not isinstance(nilai, Markup):
            context[kunci] = Markup(render.html(nilai))


def _satu_salinan(app, pagename, templatename, context, doctree):
    skrip = context.get("script_files")
    if not skrip:
        return
    terlihat, unik = set(), []
    for s in skrip:
        # The copies differ only in filename None vs "" (inline scripts have none).
        kunci = (getattr(s, "filename", s) or "",
                 tuple(sorted((k, str(v)) for k, v in getattr(s, "attributes", {}).items())))
        if kunci in terlihat:
            continue
        terlihat.add(kunci)
        unik.append(s)
    skrip[:] = unik


def setup(app):
    app.connect("html-page-context", _satu_salinan, priority=900)
    app.connect("html-page-context", _lolos_html, priority=800)  # after the theme sets author (500)
    app.add_post_transform(GabungSel)
    app.add_post_transform(TabelLaporanLatex)
    app.set_translator("latex", LatexLkjip, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
