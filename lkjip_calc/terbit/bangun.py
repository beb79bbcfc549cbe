"""`lkjip build`: stage the book for one unit and year, run its chapters with papermill, and
build the HTML site and the A4 PDF with Jupyter Book. A failed build leaves the last good
outputs in place: new outputs replace old ones only at the very end, the site in one step."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
import yaml

from ..dasar.berkas import simpan_atomik, terbitkan_folder, tulis_atomik
from ..dasar.temuan import DaftarTemuan
from ..laporan import render
from ..laporan.bab import FOLDER_BAB, periksa_bab
from ..laporan.bahan import Laporan
from ..laporan.daftar import NAMA_BAB, daftar_isi, nama_berkas
from .ekspor import ekspor
from .log_latex import isi_terpotong

FOLDER_UNDUHAN = "unduhan"


class BuildGagal(Exception):
    """A build step failed; the message is one paragraph for the user."""


@dataclass
class HasilBangun:
    html: Path | None
    pdf: Path | None
    detik: float


def nama_pdf(unit: str, tahun: int) -> str:
    return nama_berkas(unit, tahun, "pdf")


def _cetak(langkah: str) -> None:
    print(langkah, flush=True)


DRAF_HTML = "DRAF: data belum lengkap. Nilai yang belum diisi tampil sebagai [belum diisi]."
DRAF_LATEX = "\n".join([
    # a large diagonal mark, and a line of text at the top of every page that a reader (and pdftotext) can read
    r"\usepackage[text=DRAF,scale=1,color=lightgray]{draftwatermark}",
    r"\usepackage{eso-pic}",
    r"\AddToShipoutPictureFG{\AtPageUpperLeft{\raisebox{-0.8cm}{\makebox[\paperwidth]{\small\bfseries\color{red}"
    r" DRAF: data belum lengkap}}}}",
])


def _salin_buku(proyek: Path, staging: Path, lap: Laporan, draf: bool = False, situs: dict | None = None) -> None:
    d = lap.hasil.data
    if staging.exists():
        shutil.rmtree(staging)
    (staging / FOLDER_BAB).mkdir(parents=True)
    konfigurasi = yaml.safe_load((proyek / "_config.yml").read_text(encoding="utf-8"))
    judul = f"LKjIP {d.unit.nama} Tahun {d.tahun}"
    konfigurasi["title"] = judul
    konfigurasi["author"] = d.unit.nama
    latex = konfigurasi.setdefault("latex", {}).setdefault("latex_documents", {})
    latex["title"] = f"Laporan Kinerja Instansi Pemerintah {d.unit.nama} Tahun {d.tahun}"
    elemen = konfigurasi.setdefault("sphinx", {}).setdefault("config", {}).setdefault("latex_elements", {})
    elemen["maketitle"] = render.sampul_latex(d.unit.pemerintah, d.tahun, d.unit.nama, d.unit.daerah)
    if situs is not None:  # part of a site of all units and years: a year switcher on every page
        (staging / "_static").mkdir(exist_ok=True)
        (staging / "_static" / "lkjip-situs-data.js").write_text(
            "window.LKJIP_SITUS = " + json.dumps(situs, ensure_ascii=False) + ";\n", encoding="utf-8")
        js = konfigurasi["sphinx"]["config"].setdefault("html_js_files", [])
        js += ["lkjip-situs-data.js", "lkjip-situs.js"]
    if draf:  # a visible mark on every page of the site and of the PDF
        konfigurasi["sphinx"]["config"].setdefault("html_theme_options", {})["announcement"] = DRAF_HTML
        elemen["preamble"] = elemen.get("preamble", "") + "\n" + DRAF_LATEX + "\n"
    (staging / "_config.yml").write_text(yaml.safe_dump(konfigurasi, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")
    (staging / "_toc.yml").write_text(yaml.safe_dump(daftar_isi(), allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    if (proyek / "_static").is_dir():
        shutil.copytree(proyek / "_static", staging / "_static", dirs_exist_ok=True)


def _pengelola_kernel():
    """A kernel manager on local IPC sockets: no network port, and no ipykernel warning about TCP."""
    from jupyter_client.manager import AsyncKernelManager

    class KernelIPC(AsyncKernelManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.transport = "ipc"
            # IPC sockets are files named after `ip`; kernels running side by side need their own.
            self.ip = str(Path(tempfile.gettempdir()) / f"lkjip-kernel-{uuid.uuid4().hex}")

        async def _async_start_kernel(self, **kwargs):
            # The kernel's own log (e.g. "KeyboardInterrupt caught" when it is shut down) is not the
            # reader's business; errors in a chapter come back through papermill.
            kwargs.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_start_kernel(**kwargs)

    return KernelIPC


def _jalankan_bab(nama: str, staging: Path, parameter: dict) -> None:
    import papermill

    sumber = staging / FOLDER_BAB / f"{nama}.md"
    notebook = jupytext.read(sumber)
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
    nbformat.write(nb, keluar)
    sumber.unlink()


def _jupyter_book(staging: Path, builder: str, ketat: bool, log: Path) -> None:
    perintah = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(staging), "--builder", builder, "--all"]
    if ketat:
        perintah += ["-W", "-n", "--keep-going"]
    with log.open("w", encoding="utf-8") as berkas:
        proses = subprocess.run(perintah, stdout=berkas, stderr=subprocess.STDOUT, text=True,
                                env={**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"})
    if proses.returncode != 0:
        teks = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(encoding="utf-8", errors="replace"))
        baris = [b for b in teks.splitlines() if b.strip()]
        penting = [b for b in baris if "WARNING" in b or "ERROR" in b or "Error" in b or "!" in b[:2]][-5:] or baris[-5:]
        raise BuildGagal(f"Perakitan {builder.upper()} oleh Jupyter Book gagal (langkah: jupyter-book build "
                         f"--builder {builder}): " + " | ".join(penting) + f". Log lengkap: {log}")
    if builder == "pdflatex":  # content taller than a page is cut off the PDF without an error
        log_latex = staging / "_build" / "latex" / "lkjip.log"
        terpotong = isi_terpotong(log_latex)
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


def bangun(lap: Laporan, proyek: Path, keluaran: Path, html_saja: bool = False, ketat: bool = False,
           draf: bool = False, situs: dict | None = None) -> HasilBangun:
    """Build the book of one unit and year into keluaran/<unit>/<tahun>/."""
    mulai = time.monotonic()
    _periksa_bab(proyek)
    d = lap.hasil.data
    draf = draf and bool(lap.belum_diisi)  # a complete year built with --draft is not marked DRAF
    tujuan = keluaran / d.unit_kode / str(d.tahun)
    staging = tujuan / ".staging"
    langkah_total = 3 + len(NAMA_BAB) + (0 if html_saja else 1)
    nomor = 0

    def maju(teks):
        nonlocal nomor
        nomor += 1
        _cetak(f"[{nomor}/{langkah_total}] {teks}")

    maju(f"Menyiapkan buku {d.unit.nama} tahun {d.tahun} di {staging}")
    _salin_buku(proyek, staging, lap, draf, situs)
    for nama in NAMA_BAB:
        shutil.copy2(proyek / FOLDER_BAB / f"{nama}.md", staging / FOLDER_BAB / f"{nama}.md")
    maju("Menulis tabel unduhan (CSV dan XLSX)")
    ekspor(lap.hasil, staging / FOLDER_UNDUHAN, nama_xlsx=nama_berkas(d.unit_kode, d.tahun, "xlsx"))

    parameter = {"unit": d.unit_kode, "tahun": d.tahun, "data": str(d.akar.resolve()), "draf": draf}
    # Each chapter runs in its own kernel; kernel start-up dominates, so run them side by side.
    # (spawn, not fork: the caller may hold threads, e.g. a test runner or a browser driver)
    with ProcessPoolExecutor(max_workers=max(1, min(len(NAMA_BAB), os.cpu_count() or 1)),
                             mp_context=multiprocessing.get_context("spawn")) as pelaksana:
        tugas = {}
        for nama in NAMA_BAB:
            tambahan = {"pdf": None if html_saja else nama_pdf(d.unit_kode, d.tahun)} if nama == "sampul" else {}
            tugas[pelaksana.submit(_jalankan_bab, nama, staging, {**parameter, **tambahan})] = nama
        for selesai in as_completed(tugas):
            selesai.result()  # re-raises BuildGagal from the worker
            maju(f"Bab {tugas[selesai]} selesai dijalankan")

    pdf_baru = None
    if not html_saja:
        maju("Merakit PDF (LaTeX, xelatex)")
        # The cover page's download list names the PDF; Sphinx checks that the file exists even in
        # the LaTeX build, where the list is left out. Stand in an empty file until the real one exists.
        (staging / FOLDER_UNDUHAN / nama_pdf(d.unit_kode, d.tahun)).write_bytes(b"")
        _jupyter_book(staging, "pdflatex", ketat, tujuan / "build-pdf.log")
        pdf_baru = staging / "_build" / "latex" / "lkjip.pdf"
        if not pdf_baru.exists():
            raise BuildGagal("Perakitan PDF selesai tanpa berkas PDF (langkah: xelatex). "
                             f"Periksa {tujuan / 'build-pdf.log'}")
        shutil.copy2(pdf_baru, staging / FOLDER_UNDUHAN / nama_pdf(d.unit_kode, d.tahun))
    maju("Merakit situs HTML")
    _jupyter_book(staging, "html", ketat, tujuan / "build-html.log")

    # Only now, with everything built, replace the previous outputs.
    html = tujuan / "html"
    terbitkan_folder(staging / "_build" / "html", html)
    pdf = None
    if pdf_baru is not None:
        pdf = tujuan / nama_pdf(d.unit_kode, d.tahun)
        with simpan_atomik(pdf) as sementara:
            shutil.copy2(pdf_baru, sementara)
    tulis_atomik(tujuan / "build.json", json.dumps({"unit": d.unit_kode, "tahun": d.tahun, "html_saja": html_saja,
                                                    "draf": draf}, indent=2))
    return HasilBangun(html=html, pdf=pdf, detik=time.monotonic() - mulai)
