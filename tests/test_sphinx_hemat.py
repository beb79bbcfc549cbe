"""Work the book's Sphinx builds no longer do twice (sphinx_ext, tabel_latex), each with the result
it must still give: the Daftar Tabel/Gambar from what was recorded when the pages were read, one
LaTeX renderer per document (a project's own template still used), the theme's templates compiled
once per process (a changed one compiled again), and sphinx_external_toc's collector swap done
among the app's own listeners."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.environment import BuildEnvironment

from lkjip_calc.laporan.daftar import ARAHAN_DAFTAR_TABEL_GAMBAR
from lkjip_calc.terbit import rakit, sphinx_ext, tabel_latex

pytestmark = pytest.mark.filterwarnings("ignore:nodes.Node.traverse:PendingDeprecationWarning")


def _tabel(judul: str) -> str:
    return f"```{{list-table}} {judul}\n* - a\n  - b\n```\n\n"


def _buku(folder: Path, satu: str, templat: dict[str, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    konfigurasi = ("title: Uji\nexecute:\n  execute_notebooks: 'off'\nparse:\n  myst_enable_extensions: [colon_fence]\n"
                   "sphinx:\n  extra_extensions: [lkjip_calc.terbit.sphinx_ext]\n  config:\n    numfig: true\n")
    if templat:
        konfigurasi += "    templates_path: [_templates]\n"
        (folder / "_templates").mkdir(exist_ok=True)
        for nama, isi in templat.items():
            (folder / "_templates" / nama).write_text(isi, encoding="utf-8")
    (folder / "_config.yml").write_text(konfigurasi, encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: depan\nchapters:\n- file: satu\n", encoding="utf-8")
    (folder / "depan.md").write_text(f"# Depan\n\n:::{{{ARAHAN_DAFTAR_TABEL_GAMBAR}}}\n:::\n", encoding="utf-8")
    (folder / "satu.md").write_text(satu, encoding="utf-8")
    return folder


def _bangun(buku: Path, builder: str) -> Path:
    rakit._sphinx(buku, builder, False, buku / f"build-{builder}.log", 1_700_000_000, True)
    return rakit.folder_keluaran(buku, builder)


def _daftar(html: Path) -> list[str]:
    teks = (html / "depan.html").read_text(encoding="utf-8")
    return [" ".join(re.sub(r"<[^>]+>", "", b).split()) for b in re.findall(r"<li>(.*?)</li>", teks, re.S)
            if "caption-number" in b]


@pytest.mark.buku
def test_daftar_tabel_dari_catatan_saat_halaman_dibaca(tmp_path, monkeypatch):
    """The list says every numbered table with its number and caption, without reading any page's
    doctree again; a table removed from its page leaves the list (the page's record is replaced)."""
    saat_daftar = []  # the doctrees read while a list is made
    membuat = []
    get_doctree, daftar = BuildEnvironment.get_doctree, sphinx_ext._daftar

    def get_doctree_dicatat(self, docname):
        if membuat:
            saat_daftar.append(docname)
        return get_doctree(self, docname)

    def daftar_dicatat(app, docname):
        membuat.append(docname)
        try:
            return daftar(app, docname)
        finally:
            membuat.pop()

    monkeypatch.setattr(BuildEnvironment, "get_doctree", get_doctree_dicatat)
    monkeypatch.setattr(sphinx_ext, "_daftar", daftar_dicatat)
    buku = _buku(tmp_path / "buku", "# Bab Satu\n\n" + _tabel("Tabel Pertama") + _tabel("Tabel Kedua"))
    assert _daftar(_bangun(buku, "html")) == ["Table 1 Tabel Pertama", "Table 2 Tabel Kedua"]
    (buku / "satu.md").write_text("# Bab Satu\n\n" + _tabel("Tabel Kedua, Kini Satu-satunya"), encoding="utf-8")
    assert _daftar(_bangun(buku, "html")) == ["Table 1 Tabel Kedua, Kini Satu-satunya"]
    assert saat_daftar == []


@pytest.mark.buku
def test_satu_penyaji_latex_untuk_semua_tabel(tmp_path, monkeypatch):
    """Five tables, one renderer (Sphinx made one per table, each compiling the template again);
    every table is in the LaTeX. A project's own table template is still the one used."""
    dibuat = []

    class Penyaji(tabel_latex.LaTeXRenderer):
        def __init__(self, *args, **kwargs):
            dibuat.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tabel_latex, "LaTeXRenderer", Penyaji)
    isi = "# Bab Satu\n\n" + "".join(_tabel(f"Tabel Nomor {n}") for n in range(1, 6))
    tex = next(_bangun(_buku(tmp_path / "buku", isi), "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert [int(n) for n in re.findall(r"Tabel Nomor (\d)", tex)] == [1, 2, 3, 4, 5]
    assert tex.count(r"\begin{tabulary}") == 5
    assert len(dibuat) == 1

    sendiri = {"tabulary.tex.jinja": "%% TABEL SENDIRI <%= caption %>\n"}
    tex = next(_bangun(_buku(tmp_path / "sendiri", isi, sendiri), "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count("% TABEL SENDIRI") == 5


@pytest.mark.buku
def test_templat_situs_dikompilasi_sekali_per_proses(tmp_path, monkeypatch):
    """A second site built in this process compiles none of the theme's templates again; a template
    whose source changed is compiled anew, and the page shows the change."""
    dikompilasi = []  # the templates not found compiled
    ambil = sphinx_ext._KODE_TEMPLAT.get_bucket

    def get_bucket(environment, name, filename, source):
        bucket = ambil(environment, name, filename, source)
        if bucket.code is None:
            dikompilasi.append(name)
        return bucket

    monkeypatch.setattr(sphinx_ext._KODE_TEMPLAT, "get_bucket", get_bucket)
    templat = {"layout.html": '{% extends "!layout.html" %}{% block footer %}KAKI PERTAMA{% endblock %}'}
    isi = "# Bab Satu\n\n" + _tabel("Tabel")
    for kaki, yang_baru in (("PERTAMA", None), ("PERTAMA", []), ("KEDUA", ["layout.html"])):
        templat["layout.html"] = re.sub("KAKI [A-Z]+", f"KAKI {kaki}", templat["layout.html"])
        buku = _buku(tmp_path / "buku", isi, templat)
        shutil.rmtree(buku / "_build", ignore_errors=True)  # a site built anew, as a batch worker's next one
        html = _bangun(buku, "html")
        assert f"KAKI {kaki}" in (html / "satu.html").read_text(encoding="utf-8")
        if yang_baru is None:  # the first: ours, and the theme's if no site was built before in this process
            assert "layout.html" in dikompilasi
        else:
            assert dikompilasi == yang_baru
        dikompilasi.clear()


@pytest.mark.buku
def test_pengumpul_toctree_diganti_di_app_sendiri(tmp_path, monkeypatch):
    """sphinx_external_toc's collector replaces Sphinx's own in the app being set up, found among the
    app's listeners (not by going through every object of the process), and the collectors of an
    earlier app in this process are left as they are."""
    import gc

    from sphinx.application import Sphinx
    from sphinx.environment.collectors.toctree import TocTreeCollector
    from sphinx_external_toc.collectors import TocTreeCollectorWithStyles

    buku = _buku(tmp_path / "buku", "# Bab Satu\n")
    (buku / "conf.py").write_text(f"extensions = ['myst_nb', 'sphinx_external_toc', 'lkjip_calc.terbit.sphinx_ext']\n"
                                  f"external_toc_path = {str(buku / '_toc.yml')!r}\n", encoding="utf-8")

    def app(nama: str) -> Sphinx:
        sphinx_ext.pasang()
        return Sphinx(buku, buku, tmp_path / nama, tmp_path / f"{nama}-doctrees", "html", status=None)

    def pengumpul(a: Sphinx) -> list:
        return [type(p.handler.__self__) for d in a.events.listeners.values() for p in d
                if isinstance(getattr(p.handler, "__self__", None), TocTreeCollector)]

    monkeypatch.setattr(gc, "get_objects", lambda *a: pytest.fail("gc.get_objects dipanggil"))
    pertama = app("pertama")
    assert set(pengumpul(pertama)) == {TocTreeCollectorWithStyles}
    kedua = app("kedua")
    assert set(pengumpul(kedua)) == {TocTreeCollectorWithStyles}
    assert set(pengumpul(pertama)) == {TocTreeCollectorWithStyles}  # the earlier app's, still enabled
    kedua.build()
    assert "Bab Satu" in (tmp_path / "kedua" / "satu.html").read_text(encoding="utf-8")


def test_kode_templat_terbatas_dan_yang_terakhir_dipakai_tetap():
    """The kept compiled templates are bounded (a batch worker builds hundreds of kept books, each with
    its own copy of our templates); the least recently used go first, and a kept one is not compiled again."""
    from jinja2 import DictLoader, Environment

    kode = sphinx_ext._KodeTemplat(batas=3)
    templat = {f"t{i}": f"isi {i}" for i in range(5)}

    def render(nama: str) -> tuple[str, int]:
        sebelum = len(kode._kode), dict(kode._kode.items())
        teks = Environment(loader=DictLoader(templat), bytecode_cache=kode).get_template(nama).render()
        return teks, int(dict(kode._kode.items()) != sebelum[1])

    assert [render(f"t{i}")[0] for i in range(3)] == ["isi 0", "isi 1", "isi 2"]
    assert render("t0") == ("isi 0", 0)  # kept: not compiled again, and now the most recently used
    assert render("t3") == ("isi 3", 1)
    assert len(kode._kode) == 3
    assert render("t0") == ("isi 0", 0)  # t1, the least recently used, went instead
    assert render("t1") == ("isi 1", 1)
