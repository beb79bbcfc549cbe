"""Small Sphinx extension for the LKjIP book.

sphinx-thebe (loaded by Jupyter Book 1.x, unused here: the book runs no live code) adds its
inline configuration script twice with this Sphinx, which makes browsers report
"Identifier 'THEBE_JS_URL' has already been declared" on every page. Keep one copy.
"""

from __future__ import annotations


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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
