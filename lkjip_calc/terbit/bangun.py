"""`lkjip build`: stage the book for one unit and year, run its chapters with papermill, and
build the HTML site and the PDF (A4, or F4 by laporan.yaml) with Jupyter Book. A failed build leaves the last good
outputs in place: new outputs replace old ones only at the very end, the site in one step.

Builds of one output folder take turns (a lock file in it); each stages in a folder of its own
beside the outputs, removed however the build ends. Every process a build starts (chapter
workers, their kernels, Jupyter Book and LaTeX) ends with it, even when it is killed."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
import yaml

from ..dasar.berkas import hapus_sisa, kunci, terbitkan
from ..dasar.proses import jalankan, kumpulan_pekerja, terikat_induk
from ..dasar.temuan import DaftarTemuan
from ..laporan import render
from ..laporan.bab import FOLDER_BAB, periksa_bab, saring_sel
from ..laporan.bahan import Laporan
from ..laporan.daftar import BAB, NAMA_BAB, daftar_isi, nama_berkas, nama_pk_pindaian
from ..masukan.model import UKURAN_KERTAS
from .ekspor import ekspor
from .log_latex import isi_terpotong
from .manifest import FOLDER_TEMA, NAMA_MANIFEST, Masukan, berkas_masukan, isi_manifest, teks_manifest
from .reproduksi import epoch_sumber, label_data, lingkungan_tanggal, normalkan_notebook
from .tabel_xlsx import baca_situs, tulis_xlsx
from .word import Dokumen, WordGagal, tulis_word

FOLDER_UNDUHAN = "unduhan"
FOLDER_LATEX = "_lkjip_latex"  # files only the PDF uses (the cover logo), copied beside its sources
NAMA_LOGO = "logo-sampul"
KUNCI = ".kunci"  # the lock file in an output folder
_AWALAN_STAGING = ".staging"
# A disk or a folder lkjip cannot write to is the user's to fix (exit 2), not a bug of lkjip.
_GALAT_TULIS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


class BuildGagal(Exception):
    """A build step failed; the message is one paragraph for the user."""


@dataclass
class HasilBangun:
    html: Path | None
    pdf: Path | None
    detik: float
    docx: Path | None = None


def nama_pdf(unit: str, tahun: int) -> str:
    return nama_berkas(unit, tahun, "pdf")


def nama_docx(unit: str, tahun: int) -> str:
    """The report as a Word file for reviewers, written by every build (also --html-only)."""
    return nama_berkas(unit, tahun, "docx")


def _cetak(langkah: str) -> None:
    print(langkah, flush=True)


# What a draft says on every page: figures still to fill in, or only prose still last year's.
DRAF_HTML = {True: "DRAF: data belum lengkap. Nilai yang belum diisi tampil sebagai [belum diisi].",
             False: "DRAF: narasi belum diperbarui. Bagian yang masih sama dengan tahun lalu diberi tanda."}
DRAF_BARIS = {True: "DRAF: data belum lengkap", False: "DRAF: narasi belum diperbarui"}


# The paper of the PDF (laporan.yaml `kertas`), as geometry's page size: A4 is the class option
# `papersize` of _config.yml; F4 (folio) is 215 x 330 mm. The margins stay Sphinx's.
GEOMETRI_KERTAS = {nama: rf"\usepackage[paperwidth={w}mm,paperheight={h}mm]{{geometry}}"
                   for nama, (w, h) in UKURAN_KERTAS.items()}


def draf_latex(belum_diisi: bool) -> str:
    return "\n".join([
        # a large diagonal mark, and a line of text at the top of every page that a reader (and pdftotext) can read
        r"\usepackage[text=DRAF,scale=1,color=lightgray]{draftwatermark}",
        r"\usepackage{eso-pic}",
        r"\AddToShipoutPictureFG{\AtPageUpperLeft{\raisebox{-0.8cm}{\makebox[\paperwidth]{\small\bfseries\color{red}"
        " " + DRAF_BARIS[belum_diisi] + "}}}}",
    ])


def properti_dokumen(d) -> tuple[str, str, str]:
    """The title, subject and keywords of the PDF and the DOCX (their author is the unit)."""
    return (f"Laporan Kinerja Instansi Pemerintah {d.unit.nama} Tahun {d.tahun}",
            f"Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {d.tahun}, {d.unit.pemerintah}",
            f"LKjIP {d.tahun}, laporan kinerja, {d.unit.nama}, {d.unit.daerah}")


def dokumen_word(lap: Laporan, draf: bool) -> Dokumen:
    """What the DOCX's cover, properties and header say: the PDF cover's values (`sampul_latex`)."""
    d = lap.hasil.data
    judul, subjek, kata_kunci = properti_dokumen(d)
    return Dokumen(pemerintah=d.unit.pemerintah, tahun=d.tahun, unit=d.unit.nama, daerah=d.unit.daerah,
                   judul=judul, subjek=subjek, kata_kunci=kata_kunci,
                   draf=DRAF_BARIS[bool(lap.belum_diisi)] if draf else None,
                   logo=d.logo.path if d.logo is not None else None, kertas=UKURAN_KERTAS[d.pengaturan.kertas])


def _salin_buku(proyek: Path, staging: Path, lap: Laporan, draf: bool = False, situs: dict | None = None) -> None:
    d = lap.hasil.data
    if staging.exists():
        shutil.rmtree(staging)
    (staging / FOLDER_BAB).mkdir(parents=True)
    konfigurasi = yaml.safe_load((proyek / "_config.yml").read_text(encoding="utf-8"))
    # Plain text in the HTML config: the theme puts title and author into pages unescaped, so
    # sphinx_ext escapes them for HTML. Sphinx puts latex_documents' title and author into LaTeX
    # as they are, so they are escaped for LaTeX here.
    konfigurasi["title"] = f"LKjIP {d.unit.nama} Tahun {d.tahun}"
    konfigurasi["author"] = d.unit.nama
    latex = konfigurasi.setdefault("latex", {}).setdefault("latex_documents", {})
    judul, subjek, kata_kunci = properti_dokumen(d)
    latex["title"] = render.latex(judul)
    latex["author"] = render.latex(d.unit.nama)
    elemen = konfigurasi.setdefault("sphinx", {}).setdefault("config", {}).setdefault("latex_elements", {})
    tambahan = _salin_lampiran(staging, d)
    if tambahan:  # copied beside the LaTeX sources by Sphinx, under the names generated here
        konfigurasi["sphinx"]["config"]["latex_additional_files"] = tambahan
    logo = next((Path(f).name for f in tambahan if Path(f).name.startswith(NAMA_LOGO)), None)
    elemen["maketitle"] = render.sampul_latex(d.unit.pemerintah, d.tahun, d.unit.nama, d.unit.daerah, logo)
    elemen["geometry"] = GEOMETRI_KERTAS[d.pengaturan.kertas]
    # the PDF's own properties (title, author, subject, keywords, language), escaped like the title page
    subjek, kata_kunci = render.latex(subjek), render.latex(kata_kunci)
    elemen["preamble"] = (elemen.get("preamble", "") + "\n\\AtBeginDocument{\\hypersetup{pdftitle={" + latex["title"]
                          + "}, pdfauthor={" + latex["author"] + "}, pdfsubject={" + subjek + "}, pdfkeywords={"
                          + kata_kunci + "}}}\n"
                          # the document's language for screen readers: xdvipdfmx takes it as a catalog entry
                          "\\AtBeginDocument{\\special{pdf:put @catalog <</Lang (id-ID)>>}}\n")
    if situs is not None:  # part of a site of all units and years: a year switcher on every page
        (staging / "_static").mkdir(exist_ok=True)
        (staging / "_static" / "lkjip-situs-data.js").write_text(
            "window.LKJIP_SITUS = " + json.dumps(situs, ensure_ascii=False) + ";\n", encoding="utf-8")
        js = konfigurasi["sphinx"]["config"].setdefault("html_js_files", [])
        js += ["lkjip-situs-data.js", "lkjip-situs.js"]
    if draf:  # a visible mark on every page of the site and of the PDF
        belum_diisi = bool(lap.belum_diisi)
        konfigurasi["sphinx"]["config"].setdefault("html_theme_options", {})["announcement"] = DRAF_HTML[belum_diisi]
        elemen["preamble"] = elemen.get("preamble", "") + "\n" + draf_latex(belum_diisi) + "\n"
    (staging / "_config.yml").write_text(yaml.safe_dump(konfigurasi, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")
    (staging / "_toc.yml").write_text(yaml.safe_dump(daftar_isi(), allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    if (proyek / "_static").is_dir():
        shutil.copytree(proyek / "_static", staging / "_static", dirs_exist_ok=True)
    if (proyek / FOLDER_TEMA).is_dir():  # the site's Indonesian templates and message catalog
        shutil.copytree(proyek / FOLDER_TEMA, staging / FOLDER_TEMA, dirs_exist_ok=True)


def _salin_lampiran(staging: Path, d) -> list[str]:
    """Copy the year's cover logo and signed PK into the staging folder under generated names (a
    name from data never reaches LaTeX): the logo beside the LaTeX sources, the PK into the site's
    downloads (and beside the LaTeX sources, for pdfpages). The files as `latex_additional_files`."""
    tambahan = []
    if d.logo is not None:
        folder = staging / FOLDER_LATEX
        folder.mkdir(exist_ok=True)
        shutil.copyfile(d.logo.path, folder / f"{NAMA_LOGO}.{d.logo.format}")
        tambahan.append(f"{FOLDER_LATEX}/{NAMA_LOGO}.{d.logo.format}")
    if d.pk_pindaian is not None:
        (staging / FOLDER_UNDUHAN).mkdir(exist_ok=True)
        shutil.copyfile(d.pk_pindaian.path, staging / FOLDER_UNDUHAN / nama_pk_pindaian(d.tahun))
        tambahan.append(f"{FOLDER_UNDUHAN}/{nama_pk_pindaian(d.tahun)}")
    return tambahan


def _pengelola_kernel():
    """A kernel manager on local IPC sockets: no network port, and no ipykernel warning about TCP."""
    from jupyter_client.manager import AsyncKernelManager

    class KernelIPC(AsyncKernelManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.transport = "ipc"
            # IPC sockets are files named after `ip`; kernels running side by side need their own.
            self.ip = str(Path(tempfile.gettempdir()) / f"lkjip-kernel-{uuid.uuid4().hex}")

        async def _async_launch_kernel(self, kernel_cmd, **kwargs):
            # (Not _async_start_kernel: AsyncKernelManager.start_kernel is bound to the base class's.)
            # The kernel's own log (e.g. "KeyboardInterrupt caught" when it is shut down) is not the
            # reader's business; errors in a chapter come back through papermill. Nor does it hold
            # lkjip's output open, and it dies with the worker that started it.
            kwargs.setdefault("stdout", subprocess.DEVNULL)
            kwargs.setdefault("stderr", subprocess.DEVNULL)
            kwargs.setdefault("preexec_fn", terikat_induk())
            return await super()._async_launch_kernel(kernel_cmd, **kwargs)

    return KernelIPC


def _jalankan_bab(nama: str, staging: Path, parameter: dict, data_tampil: str, berwilayah: bool) -> None:
    import papermill

    sumber = staging / FOLDER_BAB / f"{nama}.md"
    notebook = saring_sel(jupytext.read(sumber), berwilayah)
    masuk = staging / FOLDER_BAB / f".{nama}.masuk.ipynb"
    keluar = staging / FOLDER_BAB / f"{nama}.ipynb"
    nbformat.write(notebook, masuk)
    try:
        papermill.execute_notebook(str(masuk), str(keluar), parameters=parameter, cwd=str(staging / FOLDER_BAB),
                                   kernel_name="python3", progress_bar=False, log_output=False,
                                   kernel_manager_class=_pengelola_kernel())
    except papermill.PapermillExecutionError as e:
        pesan = e.evalue.splitlines()[0] if e.evalue else ""
        raise BuildGagal(f"Bab '{nama}' gagal saat dijalankan (langkah: eksekusi notebook dengan papermill, "
                         f"sel ke-{e.exec_count}): {e.ename}: {pesan}") from None
    except Exception as e:  # the kernel did not start or died: still a failed step of this chapter
        raise BuildGagal(f"Bab '{nama}' gagal saat dijalankan (langkah: kernel Python untuk papermill): "
                         f"{type(e).__name__}: {e}") from None
    finally:
        masuk.unlink(missing_ok=True)
    # Readers see no code and no parameters: hide the cell papermill injected.
    nb = nbformat.read(keluar, as_version=4)
    for sel in nb.cells:
        tag = sel.get("metadata", {}).setdefault("tags", [])
        if "injected-parameters" in tag and "remove-cell" not in tag:
            tag.append("remove-cell")
    normalkan_notebook(nb, nama, {parameter["data"]: data_tampil})  # same inputs, same published notebook
    nbformat.write(nb, keluar)
    sumber.unlink()


def _jupyter_book(staging: Path, builder: str, ketat: bool, log: Path, epoch: int) -> None:
    perintah = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(staging), "--builder", builder, "--all"]
    if ketat:
        perintah += ["-W", "-n", "--keep-going"]
    with log.open("w", encoding="utf-8") as berkas:
        proses = jalankan(perintah, stdout=berkas, stderr=subprocess.STDOUT, text=True,
                          env={**os.environ, **lingkungan_tanggal(epoch), "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"})
    if proses.returncode != 0:
        teks = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(encoding="utf-8", errors="replace"))
        baris = [b for b in teks.splitlines() if b.strip()]
        penting = [b for b in baris if "WARNING" in b or "ERROR" in b or "Error" in b or "!" in b[:2]][-5:] or baris[-5:]
        raise BuildGagal(f"Perakitan {builder.upper()} oleh Jupyter Book gagal (langkah: jupyter-book build "
                         f"--builder {builder}): " + " | ".join(penting) + f". Log lengkap: {log}")
    if builder == "pdflatex":  # content taller than a page is cut off the PDF without an error
        terpotong = isi_terpotong(staging / "_build" / "latex" / "lkjip.log")
        log_latex = log.with_name("build-pdf-latex.log")  # kept beside the build log: staging is removed
        if terpotong:
            shutil.copy2(staging / "_build" / "latex" / "lkjip.log", log_latex)
        if terpotong and ketat:
            lain = f" | dan {len(terpotong) - 5} lainnya" if len(terpotong) > 5 else ""
            raise BuildGagal("PDF tidak memuat seluruh isi (langkah: xelatex, Overfull \\vbox; --strict): "
                             + " | ".join(map(str, terpotong[:5])) + lain + f". Log LaTeX: {log_latex}")
        for t in terpotong:
            _cetak(f"PERINGATAN: PDF: {t} (Overfull \\vbox di {log_latex})")


def _periksa_bab(proyek: Path) -> None:
    """The chapters to be run name only declared parts (`lkjip check` does the same)."""
    temuan = DaftarTemuan()
    periksa_bab(proyek / FOLDER_BAB, temuan)
    if temuan.ada_galat:
        raise BuildGagal("Bab tidak sesuai daftar bagian laporan (langkah: pemeriksaan bab): "
                         + " | ".join(str(t) for t in temuan.galat_saja))


@contextlib.contextmanager
def kunci_build(path: Path, nama: str) -> Iterator[None]:
    """Hold the lock file `path` of an output folder for the block: builds of `nama` take turns,
    and one that has to wait says so."""
    def menunggu(pemegang: str) -> None:
        oleh = f", dipegang proses {pemegang}" if pemegang else ""
        _cetak(f"Menunggu build lain untuk {nama} selesai (kunci: {path}{oleh}) ...")

    with kunci(path, menunggu):
        yield


@contextlib.contextmanager
def galat_tulis_bagi_pengguna(tempat: Path) -> Iterator[None]:
    """A full disk or a folder that cannot be written to is a failed build (exit 2), not a bug."""
    try:
        yield
    except shutil.Error as e:  # copytree: every file that failed, with its error as text
        gagal = e.args[0] if e.args and isinstance(e.args[0], list) and e.args[0] else [(tempat, tempat, str(e))]
        sumber, tujuan, sebab = gagal[0]
        lain = f" ({len(gagal) - 1} berkas lain juga gagal.)" if len(gagal) > 1 else ""
        raise BuildGagal(f"Tidak dapat menyalin {sumber} ke {tujuan} (langkah: menulis hasil build): "
                         f"{sebab}.{lain}") from None
    except OSError as e:
        if e.errno not in _GALAT_TULIS:
            raise
        raise BuildGagal(f"Tidak dapat menulis di {e.filename or tempat} (langkah: menulis hasil build): "
                         f"{e.strerror}.") from None


@contextlib.contextmanager
def _staging(tujuan: Path) -> Iterator[Path]:
    """A new folder to stage the book in, beside the outputs (the site built there is then moved,
    not copied, into place); removed however the build ends."""
    tujuan.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_AWALAN_STAGING}-", dir=tujuan))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _hapus_sisa_build(tujuan: Path, *dokumen: str) -> None:
    """Remove what builds killed before they finished left in `tujuan`: staging folders, versions
    and temporary files never switched in. Only while holding the folder's lock."""
    for sisa in tujuan.glob(f"{_AWALAN_STAGING}*"):
        shutil.rmtree(sisa, ignore_errors=True)
    for nama in ("html", *dokumen, "build.json", NAMA_MANIFEST):
        hapus_sisa(tujuan / nama)


def _periksa_situs(html: Path) -> None:
    """A site to publish has its front page: Jupyter Book that exits 0 without one is a failure."""
    index = html / "index.html"
    if not index.is_file() or index.stat().st_size == 0:
        raise BuildGagal(f"Perakitan HTML selesai tanpa halaman depan (langkah: jupyter-book build --builder html): "
                         f"{index} tidak ada atau kosong.")


def _ganti_unduhan(html: Path, berkas: Path, langkah: str) -> None:
    """Put a file written from the built site where the site's download link points: over the
    empty stand-in Sphinx copied into _downloads/."""
    unduhan = sorted(html.glob(f"_downloads/*/{berkas.name}"))
    if len(unduhan) != 1:
        raise BuildGagal(f"Situs tidak memuat tautan unduhan {berkas.name} (langkah: {langkah}): "
                         f"ditemukan {len(unduhan)} salinan, diharapkan 1.")
    shutil.copy2(berkas, unduhan[0])


def bangun(lap: Laporan, proyek: Path, keluaran: Path, html_saja: bool = False, ketat: bool = False,
           draf: bool = False, situs: dict | None = None) -> HasilBangun:
    """Build the book of one unit and year into keluaran/<unit>/<tahun>/.

    One build of that folder at a time (a second waits, saying so); what killed builds left there
    is removed first. The new site, PDF and build.json replace the old ones only when all of them
    are written: a failure, a full disk or a stop signal leaves the previous outputs as they were."""
    mulai = time.monotonic()
    _periksa_bab(proyek)
    d = lap.hasil.data
    masukan = berkas_masukan(d, proyek)
    try:
        epoch = epoch_sumber(masukan.semua())  # the one date stamped on every output (reproduksi)
    except ValueError as e:
        raise BuildGagal(f"{e} (langkah: tanggal build)") from None
    tujuan = keluaran / d.unit_kode / str(d.tahun)
    with galat_tulis_bagi_pengguna(tujuan), kunci_build(tujuan / KUNCI, f"{d.unit_kode} {d.tahun}"):
        _hapus_sisa_build(tujuan, nama_pdf(d.unit_kode, d.tahun), nama_docx(d.unit_kode, d.tahun))
        with _staging(tujuan) as staging:
            html, pdf, docx = _bangun(lap, proyek, tujuan, staging, html_saja, ketat, draf, situs, masukan, epoch)
    return HasilBangun(html=html, pdf=pdf, detik=time.monotonic() - mulai, docx=docx)


def _bangun(lap: Laporan, proyek: Path, tujuan: Path, staging: Path, html_saja: bool, ketat: bool, draf: bool,
            situs: dict | None, masukan: Masukan, epoch: int) -> tuple[Path, Path | None, Path]:
    """Stage, run and assemble the book in `staging`, then publish it in `tujuan`: (site, PDF or None, DOCX)."""
    d = lap.hasil.data
    draf = draf and lap.draf  # a complete year built with --draft is not marked DRAF
    langkah_total = 5 + len(NAMA_BAB) + (0 if html_saja else 1)
    nomor = 0

    def maju(teks):
        nonlocal nomor
        nomor += 1
        _cetak(f"[{nomor}/{langkah_total}] {teks}")

    maju(f"Menyiapkan buku {d.unit.nama} tahun {d.tahun} di {staging}")
    _salin_buku(proyek, staging, lap, draf, situs)
    for nama in NAMA_BAB:
        shutil.copy2(proyek / FOLDER_BAB / f"{nama}.md", staging / FOLDER_BAB / f"{nama}.md")
    maju("Menulis tabel unduhan (CSV)")
    ekspor(lap.hasil, staging / FOLDER_UNDUHAN)
    # The XLSX (the tables as the site numbers them) and the DOCX are written from the built site,
    # but the cover links them and Sphinx checks linked files in both builds: empty stand-ins until
    # the real ones replace them in the site's downloads (_ganti_unduhan).
    xlsx = staging / FOLDER_UNDUHAN / nama_berkas(d.unit_kode, d.tahun, "xlsx")
    docx_baru = staging / FOLDER_UNDUHAN / nama_docx(d.unit_kode, d.tahun)
    for pengganti in (xlsx, docx_baru):
        pengganti.write_bytes(b"")

    parameter = {"unit": d.unit_kode, "tahun": d.tahun, "data": str(d.akar.resolve()), "draf": draf}
    # Each chapter runs in its own kernel; kernel start-up dominates, so run them side by side.
    # (spawn, not fork: the caller may hold threads, e.g. a test runner or a browser driver)
    # Workers end with the build, however it ends (kumpulan_pekerja).
    with kumpulan_pekerja(max(1, min(len(NAMA_BAB), os.cpu_count() or 1))) as pelaksana:
        tugas = {}
        for nama in NAMA_BAB:
            tambahan = {"pdf": None if html_saja else nama_pdf(d.unit_kode, d.tahun),
                        "docx": nama_docx(d.unit_kode, d.tahun)} if nama == "sampul" else {}
            tugas[pelaksana.submit(_jalankan_bab, nama, staging, {**parameter, **tambahan},
                                   label_data(d.akar, proyek), d.berwilayah)] = nama
        for selesai in as_completed(tugas):
            selesai.result()  # re-raises BuildGagal from the worker
            maju(f"Bab {tugas[selesai]} selesai dijalankan")

    pdf_baru = None
    if not html_saja:
        maju("Merakit PDF (LaTeX, xelatex)")
        # The cover page's download list names the PDF; Sphinx checks that the file exists even in
        # the LaTeX build, where the list is left out. Stand in an empty file until the real one exists.
        (staging / FOLDER_UNDUHAN / nama_pdf(d.unit_kode, d.tahun)).write_bytes(b"")
        _jupyter_book(staging, "pdflatex", ketat, tujuan / "build-pdf.log", epoch)
        pdf_baru = staging / "_build" / "latex" / "lkjip.pdf"
        if not pdf_baru.exists():
            raise BuildGagal("Perakitan PDF selesai tanpa berkas PDF (langkah: xelatex). "
                             f"Periksa {tujuan / 'build-pdf.log'}")
        shutil.copy2(pdf_baru, staging / FOLDER_UNDUHAN / nama_pdf(d.unit_kode, d.tahun))
    maju("Merakit situs HTML")
    _jupyter_book(staging, "html", ketat, tujuan / "build-html.log", epoch)
    situs_baru = staging / "_build" / "html"
    maju("Menulis tabel laporan (XLSX)")
    tulis_xlsx(baca_situs(situs_baru, list(NAMA_BAB)), f"Tabel LKjIP {d.unit.nama} Tahun {d.tahun}", xlsx, epoch)
    _ganti_unduhan(situs_baru, xlsx, "menulis tabel laporan XLSX")
    _periksa_situs(situs_baru)
    maju("Menulis berkas Word (DOCX, pandoc)")
    try:
        tulis_word(situs_baru, [b.nama for b in BAB if b.bagian is not None], dokumen_word(lap, draf), docx_baru, epoch)
    except WordGagal as e:
        raise BuildGagal(f"Pembuatan berkas Word gagal (langkah: pandoc, DOCX): {e}") from None
    _ganti_unduhan(situs_baru, docx_baru, "DOCX ke unduhan situs")

    # Only now, with everything built, replace the previous outputs: each new one is written whole
    # beside its place first, then all are switched in, the site in one step (dasar.berkas.Terbitan).
    html = tujuan / "html"
    pdf = tujuan / nama_pdf(d.unit_kode, d.tahun) if pdf_baru is not None else None
    docx = tujuan / nama_docx(d.unit_kode, d.tahun)
    # The manifest names the outputs as they will be published; it is published with them.
    keluaran = ({"html": staging / "_build" / "html"} | ({pdf.name: pdf_baru} if pdf is not None else {})
                | {docx.name: docx_baru})
    manifest = teks_manifest(isi_manifest(lap, masukan, proyek, keluaran, epoch, html_saja, draf))
    with terbitkan() as terbitan:
        terbitan.folder(staging / "_build" / "html", html)
        if pdf is not None:
            terbitan.salinan(pdf_baru, pdf)
        else:  # an HTML-only build: a PDF of an earlier build would no longer match the site beside it
            terbitan.hapus(tujuan / nama_pdf(d.unit_kode, d.tahun))
        terbitan.salinan(docx_baru, docx)
        terbitan.berkas(tujuan / "build.json", json.dumps({"unit": d.unit_kode, "tahun": d.tahun,
                                                           "html_saja": html_saja, "draf": draf}, indent=2))
        terbitan.berkas(tujuan / NAMA_MANIFEST, manifest)
    return html, pdf, docx

