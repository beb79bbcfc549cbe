"""Assemble a staged book with Jupyter Book's Sphinx, inside the calling process: the site (HTML) or
the PDF (LaTeX, then latexmk with xelatex).

Each builder keeps its own output and environment folders in the staging folder, which a build
keeps for the next one: Sphinx then reads again only the chapters that changed, and latexmk runs
xelatex only when the LaTeX sources changed, as often as their cross-references need. The two
builders can run side by side (in two processes: Sphinx is not thread-safe)."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from ..dasar.proses import jalankan
from .benih_latex import tulis_benih
from .log_latex import isi_terpotong
from .reproduksi import lingkungan_tanggal

FOLDER_BUILD = "_build"
KELUARAN = {"html": "html", "latex": "latex"}
NAMA_PDF_LATEX = "lkjip.pdf"  # latex_documents' target name in _config.yml


# xdvipdfmx compresses at level 6, not 9: half its time (0,4 s of a 46-page report with charts), for
# a PDF 2 % larger.
_RC_LATEXMK = "lkjip-latexmkrc"
# xdvipdfmx filters each row of a PNG (PNG predictors) before compressing it: a photograph compresses
# to less than half that way, but lkjip's charts (flat colours) compress faster and smaller without
# (0,39 -> 0,26 s and 574 -> 533 KB for Kanigaran's seven charts). So without, when the PDF's raster
# images are all charts lkjip drew (laporan.buku.FOLDER_GAMBAR); the pixels are the same either way.
_XDVIPDFMX = "$xdvipdfmx = 'xdvipdfmx -z 6{} -E -o %D %O %S';\n"
_TANPA_PREDIKTOR = " -C 0x20"


def isi_rc_latexmk(latex: Path, grafik: Path | None) -> str:
    """Our latexmk rc for the LaTeX folder `latex`, whose charts came from the folder `grafik`."""
    png = {p.name for p in latex.glob("*.png")}
    hanya_grafik = grafik is not None and png <= {p.name for p in grafik.glob("*.png")}
    return _XDVIPDFMX.format(_TANPA_PREDIKTOR if hanya_grafik else "")


class RakitGagal(Exception):
    """The assembly failed; the message is one paragraph for the user (terbit.bangun.BuildGagal)."""


def folder_keluaran(staging: Path, builder: str) -> Path:
    return staging / FOLDER_BUILD / KELUARAN[builder]


def _folder_doctree(staging: Path, builder: str, bersama: bool) -> Path:
    """Where a builder keeps Sphinx's environment. One per builder when the two run at the same time
    (each pickles its own); one for both (`bersama`) when they run one after the other, the site
    first: the PDF's build then reads nothing again, as in Sphinx's own Makefile. The two read the
    same doctrees (the LaTeX written is the same bytes, compared for two units)."""
    return staging / FOLDER_BUILD / (".doctrees" if bersama else f".doctrees-{builder}")


@contextlib.contextmanager
def _lingkungan(tambahan: dict[str, str]) -> Iterator[None]:
    lama = {k: os.environ.get(k) for k in tambahan}
    os.environ.update(tambahan)
    try:
        yield
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# What a build of the book imports besides what Sphinx itself always loads: Jupyter Book's
# extensions (as its config lists them) with the modules they load when set up, and ours.
_MODUL_BUKU = ("jupyter_book.sphinx", "sphinx_togglebutton", "sphinx_copybutton", "myst_nb.sphinx_ext",
               "myst_nb.ext.execution_tables", "myst_parser.sphinx_ext.directives", "myst_parser.sphinx_ext.mathjax",
               "myst_parser.sphinx_ext.myst_refs", "sphinx_thebe", "sphinx_comments", "sphinx_external_toc.events",
               "sphinx.ext.intersphinx", "sphinx_design.extension", "sphinx_book_theme", "sphinx_multitoc_numbering",
               "sphinx.writers.html5", "sphinx.writers.latex", "sphinx.search.id")


def _log_akar_sendiri() -> None:
    """A module the theme imports (a11y_pygments) calls logging.basicConfig when imported: the root
    logger would then write every INFO line of this process (papermill's, in a batch worker) to the
    stream that was stderr at that moment, a build log closed since. With a handler of our own on
    the root logger first, basicConfig leaves it alone; what libraries log is not the reader's."""
    akar = logging.getLogger()
    if not akar.handlers:
        akar.addHandler(logging.NullHandler())


def panaskan() -> None:
    """Import Sphinx, Jupyter Book and the extensions the book loads, so the first build does not
    wait for them (a build imports some 800 modules: a second on this machine). What is imported
    then stays out of the garbage collector's sight (gc.freeze): a build's doctrees are cycles, and
    each full collection they bring about would go through every imported object again (0,16 s
    each, some three per build in a batch worker, against 0,04 s frozen)."""
    import importlib

    _log_akar_sendiri()
    from sphinx import application

    for modul in (*application.builtin_extensions, *application._first_party_extensions,
                  *application._first_party_themes, *_MODUL_BUKU):
        with contextlib.suppress(ImportError):  # a module another version moved: imported when the build needs it
            importlib.import_module(modul)
    from . import sphinx_ext  # noqa: F401

    gc.freeze()


def _ringkas_log(log: Path) -> str:
    teks = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(encoding="utf-8", errors="replace"))
    baris = [b for b in teks.splitlines() if b.strip()]
    penting = [b for b in baris if "WARNING" in b or "ERROR" in b or "Error" in b or "!" in b[:2]][-5:] or baris[-5:]
    return " | ".join(penting)


def _sphinx(staging: Path, builder: str, ketat: bool, log: Path, epoch: int, bersama: bool) -> None:
    from jupyter_book.sphinx import build_sphinx

    from . import sphinx_ext

    _log_akar_sendiri()
    sphinx_ext.pasang()
    staging = staging.resolve()  # Sphinx resolves a relative path against the book, not lkjip's folder

    # what `jupyter-book build` passes for a book
    timpa = {"external_toc_path": (staging / "_toc.yml").as_posix(), "latex_individualpages": False}
    if ketat:
        timpa["nitpicky"] = True
    with log.open("w", encoding="utf-8") as berkas, contextlib.redirect_stdout(berkas), \
            contextlib.redirect_stderr(berkas), \
            _lingkungan({**lingkungan_tanggal(epoch), "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}):
        hasil = build_sphinx(staging, folder_keluaran(staging, builder), noconfig=True,
                             path_config=str(staging / "_config.yml"), confoverrides=timpa,
                             doctreedir=_folder_doctree(staging, builder, bersama), builder=builder,
                             warningiserror=ketat, keep_going=ketat, freshenv=False, quiet=False)
        if isinstance(hasil, BaseException):
            print(f"{type(hasil).__name__}: {hasil}")
    if hasil != 0:
        langkah = "html" if builder == "html" else "pdflatex"
        raise RakitGagal(f"Perakitan {langkah.upper()} oleh Jupyter Book gagal (langkah: jupyter-book build "
                         f"--builder {langkah}): {_ringkas_log(log)}. Log lengkap: {log}")


def rakit_html(staging: Path, ketat: bool, log: Path, epoch: int, bersama: bool = False) -> Path:
    """The site, in staging/_build/html (`bersama`: see _folder_doctree)."""
    _sphinx(staging, "html", ketat, log, epoch, bersama)
    return folder_keluaran(staging, "html")


# What xelatex's passes leave for the next one (and latexmk's record of them).
_BERKAS_LINTASAN = ("aux", "toc", "lot", "lof", "out", "fdb_latexmk", "fls", "xdv")


def _latexmk(latex: Path, log: Path, epoch: int) -> subprocess.CompletedProcess:
    with log.open("a", encoding="utf-8") as berkas:
        return jalankan([os.environ.get("MAKE", "make"), "all-pdf", f"LATEXMKOPTS=-xelatex -r {_RC_LATEXMK}"],
                        cwd=latex, stdout=berkas, stderr=subprocess.STDOUT, text=True,
                        env={**os.environ, **lingkungan_tanggal(epoch)})


def latexmk_berbenih(latex: Path, log: Path, epoch: int) -> subprocess.CompletedProcess:
    """latexmk in the LaTeX folder, the lists seeded first in a cold build (two passes instead of
    three: benih_latex). Should it fail with seeds, it runs again from nothing, as without them: a
    seed may only ever save a pass (a LaTeX error of the document itself then fails twice)."""
    nama = Path(NAMA_PDF_LATEX).stem
    berbenih = tulis_benih(latex, nama)
    proses = _latexmk(latex, log, epoch)
    if proses.returncode != 0 and berbenih:
        for ext in _BERKAS_LINTASAN:
            (latex / f"{nama}.{ext}").unlink(missing_ok=True)
        proses = _latexmk(latex, log, epoch)
    return proses


def rakit_pdf(staging: Path, ketat: bool, log: Path, epoch: int, bersama: bool = False,
              grafik: Path | None = None) -> tuple[Path, list[str]]:
    """The PDF (staging/_build/latex/lkjip.pdf) and, in a non-strict build, the warnings about
    content cut off a page (`--strict` makes them a failure). `bersama`: after rakit_html, with the
    same argument (see _folder_doctree). `grafik`: the folder of the charts lkjip drew (isi_rc_latexmk)."""
    _sphinx(staging, "latex", ketat, log, epoch, bersama)
    latex = folder_keluaran(staging, "latex")
    # The Makefile Sphinx wrote runs latexmk: it reruns xelatex until the cross-references settle,
    # and not at all when the sources are those of the PDF already there. With -xelatex (as the
    # Makefile suggests) the passes write XDV and xdvipdfmx makes the PDF once, after the last; our
    # own rc file (read after Sphinx's latexmkrc, which is left as Sphinx wrote it) sets how.
    (latex / _RC_LATEXMK).write_text(isi_rc_latexmk(latex, grafik), encoding="utf-8")
    proses = latexmk_berbenih(latex, log, epoch)
    pdf = latex / NAMA_PDF_LATEX
    if proses.returncode != 0 or not pdf.exists():
        raise RakitGagal(f"Perakitan PDF oleh xelatex gagal (langkah: latexmk, xelatex): {_ringkas_log(log)}. "
                         f"Log lengkap: {log}")
    terpotong = isi_terpotong(latex / "lkjip.log")
    log_latex = log.with_name("build-pdf-latex.log")  # kept beside the build log
    peringatan = []
    if terpotong:
        shutil.copy2(latex / "lkjip.log", log_latex)
        if ketat:
            lain = f" | dan {len(terpotong) - 5} lainnya" if len(terpotong) > 5 else ""
            raise RakitGagal("PDF tidak memuat seluruh isi (langkah: xelatex, Overfull \\vbox; --strict): "
                             + " | ".join(map(str, terpotong[:5])) + lain + f". Log LaTeX: {log_latex}")
        peringatan = [f"PERINGATAN: PDF: {t} (Overfull \\vbox di {log_latex})" for t in terpotong]
    return pdf, peringatan

