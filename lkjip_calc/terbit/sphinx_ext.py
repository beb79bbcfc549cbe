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

pydata-sphinx-theme adds its HTML rules (among them the scroll container around every table, so
a wide table scrolls inside the page instead of widening it) to the translators registered when
the builder starts, or to the builder's default one when none is. Registering our LaTeX
translator left it none for HTML: the HTML builder's default is registered here as well.

The site's Daftar Tabel and Daftar Gambar (the PDF has LaTeX's \\listoftables and \\listoffigures):
the placeholder `buku.daftar_tabel_gambar` writes is filled, when its page is written and every
table and figure of the book has its number, with each numbered table and figure in the order of
the book, "Tabel 3.32 Realisasi Anggaran Tahun 2024", linked to it. It takes whatever is numbered
(report tables, charts, images from data, figures of the prose), not a list of its own. Sphinx
numbers only a table or figure that has an id (a name); LaTeX numbers every one with a caption.
A captioned one without a name (a {figure} of the prose) gets an id when its page is read, so the
site numbers and lists the same tables and figures as the PDF.

Nothing done twice: the list comes from what was recorded when each page was read, the theme's
templates are compiled once per process (a batch worker, a preview builds many sites), and
sphinx_external_toc's swap of the table-of-contents collector looks among the app's own listeners
(`pasang`, before an app is made) instead of through every object of the process.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.utils import LRUCache
from markupsafe import Markup
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from ..laporan import render
from ..laporan.bab import FOLDER_BAB
from ..laporan.daftar import ARAHAN_DAFTAR_TABEL_GAMBAR, BAB
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


class DaftarTabelGambar(nodes.General, nodes.Element):
    """Where the site's Daftar Tabel and Daftar Gambar go; replaced when its page is written."""


_META_DAFTAR = "lkjip-daftar-tabel-gambar"  # a page's metadata: it lists every table and figure of the book


class ArahanDaftarTabelGambar(SphinxDirective):
    def run(self):
        self.env.metadata[self.env.docname][_META_DAFTAR] = True  # written again after any page was read
        return [DaftarTabelGambar()]


# (figtype of numfig, the heading of its list, the node class, the node holding its caption)
DAFTAR = (("table", "Daftar Tabel", nodes.table, nodes.title),
          ("figure", "Daftar Gambar", nodes.figure, nodes.caption))


class BeriIdJudul(SphinxTransform):
    """An id for every table and figure with a caption but no name, for Sphinx to number it."""

    default_priority = 500

    def apply(self, **kwargs):
        for _figtype, _judul, kelas, kelas_judul in DAFTAR:
            for node in self.document.findall(kelas):
                if not node["ids"] and any(isinstance(anak, kelas_judul) for anak in node.children):
                    self.document.set_id(node)


def _urutan_dokumen(env) -> list[str]:
    """The book's documents in reading order: the table of contents walked from the root."""
    urutan: list[str] = []

    def kunjungi(dok):
        if dok in urutan:
            return
        urutan.append(dok)
        for anak in env.toctree_includes.get(dok, []):
            kunjungi(anak)

    kunjungi(env.config.root_doc)
    return urutan


_BERJUDUL = "lkjip_berjudul"  # the environment's record of each page's captioned tables and figures


def _berjudul(env) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """That record: page -> kind (table, figure) -> [(id, caption)]."""
    return env.__dict__.setdefault(_BERJUDUL, {})


def _catat_berjudul(app, doctree) -> None:
    """Each captioned table and figure of the page just read, with its id and caption, kept in the
    environment: the Daftar Tabel/Gambar lists them without reading every page's doctree again from
    the disk (0,15 s of the 1,4 s a report's site took)."""
    _berjudul(app.env)[app.env.docname] = {
        figtype: [(node["ids"][0], judul.astext()) for node in doctree.findall(kelas) if node["ids"]
                  for judul in [next(iter(node.findall(kelas_judul)), None)] if judul is not None]
        for figtype, _judul, kelas, kelas_judul in DAFTAR}


def _lupakan_berjudul(app, env, docname) -> None:
    _berjudul(env).pop(docname, None)


def _gabung_berjudul(app, env, docnames, lain) -> None:
    """A page read in a parallel reader's environment: its record joins the main one."""
    dari_lain = _berjudul(lain)
    _berjudul(env).update({dok: dari_lain[dok] for dok in docnames if dok in dari_lain})


def entri_bernomor(env, figtype: str) -> list[tuple[str, str, str, str]]:
    """Every numbered table (figure) of the book in reading order: (document, id, "Tabel 3.32", caption)."""
    format_nomor = env.config.numfig_format[figtype]
    catatan = _berjudul(env)
    hasil = []
    for dok in _urutan_dokumen(env):
        nomor = env.toc_fignumbers.get(dok, {}).get(figtype, {})
        for ident, judul in catatan.get(dok, {}).get(figtype, []):
            if ident in nomor:
                hasil.append((dok, ident, format_nomor % ".".join(map(str, nomor[ident])), judul))
    return hasil


def _daftar(app, docname: str) -> list[nodes.Node]:
    isi: list[nodes.Node] = []
    for figtype, judul, _kelas, _kelas_judul in DAFTAR:
        entri = entri_bernomor(app.env, figtype)
        if not entri:
            continue
        butir = nodes.bullet_list(classes=["daftar-tabel-gambar"])
        for dok, ident, nomor, teks in entri:
            tautan = nodes.reference("", "", internal=True,
                                     refuri=app.builder.get_relative_uri(docname, dok) + "#" + ident)
            # the space in the number, as Sphinx writes captions: not underlined where CSS widens it
            tautan += [nodes.inline("", nomor + " ", classes=["caption-number"]), nodes.Text(teks)]
            butir += nodes.list_item("", nodes.paragraph("", "", tautan))
        isi += [nodes.rubric(judul, judul, classes=["daftar-tabel-gambar"]), butir]
    return isi


def _isi_daftar(app, doctree, docname):
    for tempat in list(doctree.findall(DaftarTabelGambar)):
        if app.builder.format == "html":
            tempat.replace_self(_daftar(app, docname) or [nodes.comment()])
        else:  # the PDF has LaTeX's own lists
            tempat.parent.remove(tempat)


def _seri_nomor(app, env):
    """The tables and figures of a chapter with a series of its own (the Lampiran) numbered in it:
    "Tabel Lampiran 1", as the PDF numbers them, instead of a bare "Tabel 1" that reads like a
    table of the report's body. Sphinx joins a number's parts with '.', so one text part is kept whole."""
    for bab in BAB:
        nomor = env.toc_fignumbers.get(f"{FOLDER_BAB}/{bab.nama}", {}) if bab.seri_nomor else {}
        for per_id in nomor.values():  # per kind: tables, figures
            asli = sorted((n, i) for i, n in per_id.items() if all(isinstance(b, int) for b in n))
            for urut, (_, ident) in enumerate(asli, start=1):
                per_id[ident] = (f"{bab.seri_nomor} {urut}",)
    return []  # no document to rewrite


def _jejak(env, dok: str) -> tuple:
    """What other pages show of page `dok`: its title and sections (every page's navigation, the
    previous/next links), the labels other pages may refer to (with their captions), its place in
    the table of contents."""
    std = env.domaindata.get("std", {})
    label = sorted((k, v[1], v[2]) for k, v in std.get("labels", {}).items() if v[0] == dok)
    anonim = sorted((k, v[1]) for k, v in std.get("anonlabels", {}).items() if v[0] == dok)
    judul = env.titles[dok].astext() if dok in env.titles else None
    bagian = env.tocs[dok].astext() if dok in env.tocs else None
    return judul, bagian, label, anonim, list(env.toctree_includes.get(dok, []))


def _usang(app, env, ditambah, diubah, dihapus):
    app.lkjip_ada_dihapus = bool(dihapus)
    return []  # no document to read besides Sphinx's


def _akan_dibaca(app, env, dokumen):
    # taken before the pages are read again, from the environment of the build before
    app.lkjip_jejak = {d: _jejak(env, d) for d in dokumen}


def _tulis_yang_perlu(app, env):
    """The pages to write besides the ones read again (and those whose numbers Sphinx changed):
    every page when a page read again changed what other pages show of it (`_jejak`) or a page was
    removed; else the pages with the Daftar Tabel/Gambar, which list every page's tables and
    figures. A build that read nothing writes nothing more."""
    jejak = getattr(app, "lkjip_jejak", {})
    if getattr(app, "lkjip_ada_dihapus", False) or any(_jejak(env, d) != j for d, j in jejak.items()):
        return sorted(env.found_docs)
    if not jejak:
        return []
    return sorted(d for d in env.found_docs if env.metadata.get(d, {}).get(_META_DAFTAR))


def _css_mystnb_lebih_dulu(app):
    """myst-nb copies its stylesheet into the site when the build ends, so the pages of a first build
    link it without Sphinx's `?v=` checksum and those of a later one (the file already there) with
    it. Copied when the build starts, every build writes the same pages."""
    from myst_nb.sphinx_ext import add_global_html_resources

    if app.builder.format == "html":
        Path(app.builder.outdir, "_static").mkdir(parents=True, exist_ok=True)
        add_global_html_resources(app, None)


class _KodeTemplat(BytecodeCache):
    """The site's templates (the theme's, ours) as compiled code, kept in this process: a build in a
    process that has built before (a batch worker, a preview) does not compile them again. Jinja
    takes the code only for the same source (its checksum); the key also holds what of the Jinja
    environment shapes the code, so environments set up otherwise never share it. At most `batas`
    are kept, the least recently used going first (a batch worker has a kept book, with its own copy
    of our templates, per unit-year)."""

    def __init__(self, batas: int = 256) -> None:
        self._kode = LRUCache(batas)

    def get_bucket(self, environment, name, filename, source):
        pengaturan = (type(environment).__name__, sorted(environment.extensions), environment.autoescape,
                      environment.optimized, environment.finalize is not None, environment.is_async,
                      *(getattr(environment, k) for k in _PENGATURAN_LEKSER))
        bucket = Bucket(environment, self.get_cache_key(name, filename) + repr(pengaturan),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        kode = self._kode.get(bucket.key)
        if kode is not None:
            bucket.bytecode_from_string(kode)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._kode[bucket.key] = bucket.bytecode_to_string()


_PENGATURAN_LEKSER = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                      "comment_start_string", "comment_end_string", "line_statement_prefix",
                      "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
                      "keep_trailing_newline")
_KODE_TEMPLAT = _KodeTemplat()


def _templat_terkompilasi(app) -> None:
    templat = getattr(app.builder, "templates", None)
    if templat is not None and getattr(templat, "environment", None) is not None:
        templat.environment.bytecode_cache = _KODE_TEMPLAT


def _templat_sendiri(app, config):
    """The themes add their folders to `templates_path` in place, and the list they extend is shared
    by every build in this process (a preview's, a batch worker's): each build would find one more
    folder, a config Sphinx takes for changed, and write every page. Each build gets its own list."""
    config.templates_path = list(dict.fromkeys(config.templates_path))


def _matikan_pengumpul_toctree_bawaan(app) -> None:
    """sphinx_external_toc's setup replaces Sphinx's table-of-contents collector with its own: the
    same, but among this app's event listeners. Its own way goes through every object of the
    process (gc.get_objects), a tenth of a second per build in a process that has built before (a
    batch worker, a preview), and disables the collectors of earlier apps as if they were this one's."""
    from sphinx.environment.collectors.toctree import TocTreeCollector

    for pendengar in [p for daftar in app.events.listeners.values() for p in daftar]:
        pengumpul = getattr(pendengar.handler, "__self__", None)
        if isinstance(pengumpul, TocTreeCollector) and pengumpul.listener_ids is not None:
            pengumpul.disable(app)


def pasang() -> None:
    """What must be in place before a Sphinx app of the book is made (its extensions set up)."""
    from sphinx_external_toc import collectors

    collectors.disable_builtin_toctree_collector = _matikan_pengumpul_toctree_bawaan


def _lewati(self, node):
    raise nodes.SkipNode


def setup(app):
    app.connect("html-page-context", _satu_salinan, priority=900)
    app.connect("html-page-context", _lolos_html, priority=800)  # after the theme sets author (500)
    app.add_post_transform(GabungSel)
    app.add_post_transform(TabelLaporanLatex)
    app.set_translator("latex", LatexLkjip, override=True)
    app.set_translator("html", HTML5Translator, override=True)  # for the theme to extend (above)
    app.add_node(DaftarTabelGambar, **{b: (_lewati, None) for b in ("html", "latex", "text")})
    app.add_directive(ARAHAN_DAFTAR_TABEL_GAMBAR, ArahanDaftarTabelGambar)
    app.add_transform(BeriIdJudul)
    app.connect("doctree-resolved", _isi_daftar)
    app.connect("doctree-read", _catat_berjudul, priority=900)  # after the other handlers (the doctree as kept)
    app.connect("env-purge-doc", _lupakan_berjudul)
    app.connect("env-merge-info", _gabung_berjudul)
    app.connect("env-get-updated", _seri_nomor, priority=900)  # after Sphinx numbers them (500)
    app.connect("config-inited", _templat_sendiri)
    app.connect("env-get-outdated", _usang)
    app.connect("env-before-read-docs", _akan_dibaca)
    app.connect("builder-inited", _css_mystnb_lebih_dulu)
    app.connect("builder-inited", _templat_terkompilasi)
    app.connect("env-get-updated", _tulis_yang_perlu)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
