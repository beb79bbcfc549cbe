"""A build that reuses Sphinx's environment writes again the pages that changed, the pages that list
every table and figure, and every page when what other pages show of a changed one (its title, its
sections, its labels) changed: never a page left showing what is no longer so (sphinx_ext)."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bantu import AKAR_PROYEK

from lkjip_calc.laporan.daftar import ARAHAN_DAFTAR_TABEL_GAMBAR
from lkjip_calc.terbit import rakit

HALAMAN = {
    "depan": f"# Depan\n\n:::{{{ARAHAN_DAFTAR_TABEL_GAMBAR}}}\n:::\n",
    "satu": "# Bab Satu\n\nIsi bab satu.\n\n```{list-table} Tabel Satu\n* - a\n```\n",
    "dua": "# Bab Dua\n\nIsi bab dua.\n",
}


def _buku(folder: Path) -> Path:
    folder.mkdir()
    (folder / "_config.yml").write_text(
        "title: Uji\nexecute:\n  execute_notebooks: 'off'\nparse:\n  myst_enable_extensions: [colon_fence]\n"
        "sphinx:\n  extra_extensions: [lkjip_calc.terbit.sphinx_ext]\n  config:\n    numfig: true\n",
        encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: depan\nchapters:\n- file: satu\n- file: dua\n",
                                     encoding="utf-8")
    for nama, isi in HALAMAN.items():
        (folder / f"{nama}.md").write_text(isi, encoding="utf-8")
    return folder


def _log(path: Path) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", path.read_text(encoding="utf-8"))


def _ditulis(buku: Path, bersama: bool = False) -> set[str]:
    """The pages the site's build wrote. `bersama`: the PDF's build follows in the same environment
    (builds one after the other, rakit._folder_doctree), as it does before the next site's build."""
    log = buku / "build.log"
    rakit._sphinx(buku, "html", False, log, 1_700_000_000, bersama)
    if bersama:  # it reads nothing again: the site's build did
        rakit._sphinx(buku, "latex", False, buku / "build-latex.log", 1_700_000_000, True)
        assert "updating environment: 0 added, 0 changed, 0 removed" in _log(buku / "build-latex.log")
    return set(re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", _log(log)))


@pytest.mark.buku
@pytest.mark.parametrize("bersama", [False, True], ids=["berdampingan", "berurutan"])
@pytest.mark.filterwarnings("ignore:nodes.Node.traverse:PendingDeprecationWarning")  # sphinx_jupyterbook_latex's
def test_halaman_yang_ditulis_ulang(tmp_path, bersama):
    buku = _buku(tmp_path / "buku")
    ditulis = functools.partial(_ditulis, bersama=bersama)
    assert ditulis(buku) == {"depan", "satu", "dua"}
    assert ditulis(buku) == set()  # nothing changed, nothing written

    # a sentence: the page, and the page listing every table
    (buku / "satu.md").write_text(HALAMAN["satu"].replace("Isi bab satu.", "Isi bab satu, diubah."), encoding="utf-8")
    assert ditulis(buku) == {"satu", "depan"}
    assert "Bab Satu" in (buku / "_build" / "html" / "dua.html").read_text(encoding="utf-8")

    # the title: every page (each one's navigation names it)
    (buku / "satu.md").write_text(HALAMAN["satu"].replace("# Bab Satu", "# Bab Pertama"), encoding="utf-8")
    assert ditulis(buku) == {"depan", "satu", "dua"}
    assert "Bab Pertama" in (buku / "_build" / "html" / "dua.html").read_text(encoding="utf-8")

    # a table's caption: the list of tables (and so the page that lists them) says it
    (buku / "satu.md").write_text(HALAMAN["satu"].replace("# Bab Satu", "# Bab Pertama")
                                  .replace("Tabel Satu", "Tabel Kesatu"), encoding="utf-8")
    assert {"satu", "depan"} <= ditulis(buku)
    assert "Tabel Kesatu" in (buku / "_build" / "html" / "depan.html").read_text(encoding="utf-8")
    if bersama:  # the LaTeX from the shared environment is the LaTeX of an environment of its own
        tex = next((buku / "_build" / "latex").glob("*.tex"))
        dari_bersama = tex.read_bytes()
        assert b"Tabel Kesatu" in dari_bersama and b"Bab Pertama" in dari_bersama
        rakit._sphinx(buku, "latex", False, buku / "build-latex.log", 1_700_000_000, False)
        assert tex.read_bytes() == dari_bersama


@pytest.mark.buku
def test_log_sesudah_build_tidak_ke_log_yang_sudah_ditutup(tmp_path):
    """A batch worker builds in-process, then runs the next chapters: what papermill logs then goes
    neither to the build log Sphinx wrote (closed: "Logging error") nor to the reader."""
    buku = _buku(tmp_path / "buku")
    kode = (f"import logging, pathlib; from lkjip_calc.terbit import rakit\n"
            f"rakit._sphinx(pathlib.Path({str(buku)!r}), 'html', False, pathlib.Path({str(buku / 'b.log')!r}), 1, False)\n"
            "logging.getLogger('papermill').info('Input Notebook: ...')\n"
            "logging.getLogger('papermill').warning('peringatan pustaka')\n")
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=tmp_path)
    assert hasil.returncode == 0, hasil.stderr
    assert "Logging error" not in hasil.stderr and "Input Notebook" not in hasil.stderr + hasil.stdout


def test_katalog_tema_dikompilasi_sebelum_sphinx_mulai(tmp_path):
    """The site's message catalog is compiled when the book is staged and is still up to date in the
    kept book once that is brought up to date: the two Sphinx builds that start side by side find it
    so, and neither writes the .mo the other is reading (a site whose theme spoke English)."""
    import gettext
    import os
    import shutil

    from sphinx.util.i18n import CatalogInfo

    from lkjip_calc.terbit.bangun import _perbarui_buku, _susun_katalog
    from lkjip_calc.terbit.manifest import FOLDER_TEMA

    katalog = Path(FOLDER_TEMA) / "locale" / "id" / "LC_MESSAGES"

    def usang(buku: Path) -> bool:
        return CatalogInfo(str(buku / katalog), "sphinx", "utf-8").is_outdated()

    staging, buku = tmp_path / "staging", tmp_path / "buku"
    shutil.copytree(AKAR_PROYEK / FOLDER_TEMA, staging / FOLDER_TEMA)
    _susun_katalog(staging / FOLDER_TEMA)
    assert not usang(staging)
    with (staging / katalog / "sphinx.mo").open("rb") as berkas:
        assert gettext.GNUTranslations(berkas).gettext("Skip to main content") == "Langsung ke isi utama"
    pertama = (staging / katalog / "sphinx.mo").read_bytes()
    _susun_katalog(staging / FOLDER_TEMA)
    assert (staging / katalog / "sphinx.mo").read_bytes() == pertama  # the same bytes every build

    # The kept book of an earlier build, its files dated then; the .po has since changed in a way
    # that leaves the .mo the same bytes (a comment): bringing the book up to date writes the .po
    # anew and leaves the .mo as it was, older.
    _perbarui_buku(staging, buku)
    for nama in ("sphinx.po", "sphinx.mo"):
        os.utime(buku / katalog / nama, (1_600_000_000, 1_600_000_000))
    po = staging / katalog / "sphinx.po"
    po.write_text("# disunting\n" + po.read_text(encoding="utf-8"), encoding="utf-8")
    _susun_katalog(staging / FOLDER_TEMA)
    assert (staging / katalog / "sphinx.mo").read_bytes() == pertama
    _perbarui_buku(staging, buku)
    assert (buku / katalog / "sphinx.po").read_bytes() == po.read_bytes()
    assert not usang(buku)
    assert (buku / katalog / "sphinx.mo").read_bytes() == pertama

    # A .po dated ahead of this machine's clock (a checkout from elsewhere) does not leave it outdated.
    masa_depan = (staging / katalog / "sphinx.po").stat().st_mtime + 3600
    os.utime(staging / katalog / "sphinx.po", (masa_depan, masa_depan))
    (staging / katalog / "sphinx.mo").unlink()
    _susun_katalog(staging / FOLDER_TEMA)
    assert not usang(staging)
