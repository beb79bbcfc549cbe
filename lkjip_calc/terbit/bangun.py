"""`lkjip build`: stage the book for one unit and year, run its chapters with papermill, and
build the HTML site and the PDF (A4, or F4 by laporan.yaml) with Jupyter Book. A failed build leaves the last good
outputs in place: new outputs replace old ones only at the very end, the site in one step.

The year is prepared once (the caller's `Laporan`) and handed to the chapters as a pickle. A build
keeps what it made for the next one in `<output folder>/.cache/` (FOLDER_CACHE): the executed
chapters (`cache_bab`: a chapter runs again only when what it depends on changed) and the staged
book with Sphinx's environments and LaTeX's files (`rakit`: only changed pages are read again,
xelatex runs only when the LaTeX changed). Each build assembles the book's sources afresh in a
folder of its own and brings the kept book up to date with it, file by file, so nothing of an
earlier build survives that this one would not have made. A build that did not finish leaves a
mark that makes the next one start from nothing; `--bersih` does the same on request.

Builds of one output folder take turns (a lock file in it). Every process a build starts
(kernels, Sphinx workers, LaTeX) ends with it, even when it is killed."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import jupytext
import nbformat
import yaml

from ..dasar.berkas import hapus_sisa, kunci, sinkronkan, terbitkan, tulis_atomik
from ..dasar.temuan import DaftarTemuan
from ..laporan import render
from ..laporan.bab import FOLDER_BAB, periksa_bab, saring_sel
from ..laporan.bahan import Laporan
from ..laporan.buku import FOLDER_GAMBAR
from ..laporan.daftar import BAB, NAMA_BAB, daftar_isi, nama_berkas, nama_pk_pindaian
from ..masukan.model import UKURAN_KERTAS
from . import narasi_ulang
from .cache_bab import KUNCI as KUNCI_CACHE
from .cache_bab import CacheBab, prosa, sidik_prosa
from .ekspor import ekspor
from .manifest import FOLDER_TEMA, NAMA_MANIFEST, Masukan, berkas_masukan, isi_manifest, sha256, teks_manifest
from .mesin import Kernel, Mesin
from .rakit import FOLDER_BUILD, RakitGagal, rakit_html, rakit_pdf
from .reproduksi import epoch_sumber, label_data, normalkan_notebook
from .simpanan import (
    FOLDER_BUKU,
    FOLDER_CACHE,
    FOLDER_CACHE_BAB,
    NAMA_SIAP,
    TANDA_SEDANG,
    TERAKHIR,
    VERSI,
    sebab_mulai_dari_awal,
    sidik_kode,
)

if TYPE_CHECKING:
    from .word import Dokumen

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
    dari_cache: list[str] = field(default_factory=list)  # chapters reused from an earlier build
    dijalankan: list[str] = field(default_factory=list)  # chapters run by a kernel
    diperbarui: list[str] = field(default_factory=list)  # chapters of the cache, prose rendered again (no kernel)
    tanpa_perubahan: bool = False  # nothing changed since the last build: its outputs stand


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
    from .word import Dokumen

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
        _susun_katalog(staging / FOLDER_TEMA)


def _susun_katalog(folder: Path) -> None:
    """Compile each message catalog (.po) under `folder` whose .mo Sphinx would take as outdated
    (missing, or older than the .po), as Sphinx would (babel, no fuzzy entries).

    Sphinx compiles an outdated catalog when it starts, and the site's and the PDF's builds start
    side by side on the kept book: one read the .mo while the other was writing it, and the site's
    theme spoke English. Bringing the kept book up to date writes a changed .po after its .mo, so
    this runs on the staging folder (the .mo is then part of the book) and again on the kept book
    once it is up to date, before either build starts; the .mo is never older than its .po after it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(folder.rglob("*.po")):
        mo = po.with_suffix(".mo")
        waktu_po = po.stat().st_mtime_ns
        if mo.is_file() and mo.stat().st_mtime_ns >= waktu_po:
            continue
        bahasa = po.parent.parent.name  # locale/<bahasa>/LC_MESSAGES/<domain>.po
        with po.open(encoding="utf-8") as berkas:
            katalog = read_po(berkas, bahasa)
        isi = io.BytesIO()
        write_mo(isi, katalog, use_fuzzy=False)
        tulis_atomik(mo, isi.getvalue())
        if mo.stat().st_mtime_ns < waktu_po:  # a .po dated ahead of this clock
            os.utime(mo, ns=(waktu_po, waktu_po))


def _perbarui_buku(staging: Path, buku: Path) -> None:
    """Bring the kept book up to date with the staging folder, its message catalogs compiled."""
    sinkronkan(staging, buku, biarkan=(FOLDER_BUILD,))
    if (buku / FOLDER_TEMA).is_dir():
        _susun_katalog(buku / FOLDER_TEMA)


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


def _eksekusi(kernel: Kernel, nb, folder: Path):
    """Run a chapter (parameters injected) in a warm kernel, in `folder`: the executed notebook."""
    kernel.siapkan(folder)
    return kernel.notebook(nb)


def _galat_bab(nama: str, e: BaseException) -> BuildGagal:
    import papermill

    if isinstance(e, papermill.PapermillExecutionError):
        pesan = e.evalue.splitlines()[0] if e.evalue else ""
        return BuildGagal(f"Bab '{nama}' gagal saat dijalankan (langkah: eksekusi notebook dengan papermill, "
                          f"sel ke-{e.exec_count}): {e.ename}: {pesan}")
    # the kernel did not start or died: still a failed step of this chapter
    return BuildGagal(f"Bab '{nama}' gagal saat dijalankan (langkah: kernel Python untuk papermill): "
                      f"{type(e).__name__}: {e}")


def _terbitkan_bab(nb, nama: str, tujuan: Path) -> None:
    """The executed chapter as the site shows it: no code, no parameters, nothing of the machine; the
    same whether it ran now or comes from the cache (papermill's run records are left out)."""
    for sel in nb.cells:
        tag = sel.get("metadata", {}).setdefault("tags", [])
        if "injected-parameters" in tag and "remove-cell" not in tag:
            tag.append("remove-cell")
        sel.get("metadata", {}).pop("papermill", None)
    nb.metadata.pop(KUNCI_CACHE, None)
    nb.metadata["papermill"] = {"parameters": nb.metadata.get("papermill", {}).get("parameters", {})}
    normalkan_notebook(nb, nama)  # same inputs, same published notebook
    nbformat.write(nb, tujuan)


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
    """A new folder to assemble the book's sources in, beside the outputs; removed however the build ends."""
    tujuan.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{_AWALAN_STAGING}-", dir=tujuan))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _simpanan(tujuan: Path, bersih: bool) -> Iterator[Path]:
    """The folder a build keeps for the next (FOLDER_CACHE). Emptied first when asked (`--bersih`),
    when an earlier build did not finish (its mark is still there), or when it was made by other code
    (Sphinx would not notice that its extension changed); marked while in use, the mark removed only
    when the build succeeded."""
    cache = tujuan / FOLDER_CACHE
    sebab = sebab_mulai_dari_awal(cache, bersih)
    if sebab is not None:
        if cache.exists() and not bersih:
            _cetak(f"Simpanan build dikosongkan ({sebab}); build dimulai dari awal.")
        shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    tanda = cache / TANDA_SEDANG
    tanda.write_text(str(os.getpid()), encoding="utf-8")
    (cache / VERSI).write_text(sidik_kode(), encoding="utf-8")
    yield cache
    tanda.unlink()


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


def _ganti_unduhan(html: Path, berkas: Path, langkah: str, nama: str) -> None:
    """Put a file written beside or from the built site where the site's download link `nama`
    points: over the empty stand-in Sphinx copied into _downloads/."""
    unduhan = sorted(html.glob(f"_downloads/*/{nama}"))
    if len(unduhan) != 1:
        raise BuildGagal(f"Situs tidak memuat tautan unduhan {nama} (langkah: {langkah}): "
                         f"ditemukan {len(unduhan)} salinan, diharapkan 1.")
    shutil.copy2(berkas, unduhan[0])


def bangun(lap: Laporan, proyek: Path, keluaran: Path, html_saja: bool = False, ketat: bool = False,
           draf: bool = False, situs: dict | None = None, mesin: Mesin | None = None,
           bersih: bool = False, pratinjau: bool = False) -> HasilBangun:
    """Build the book of one unit and year into keluaran/<unit>/<tahun>/.

    One build of that folder at a time (a second waits, saying so); what killed builds left there
    is removed first. The new site, PDF and build.json replace the old ones only when all of them
    are written: a failure, a full disk or a stop signal leaves the previous outputs as they were.
    When nothing the build reads changed since the last one and its outputs are as it published
    them, nothing is built again. `mesin`: warm kernels and Sphinx workers to borrow (a preview, a
    batch); else the build starts its own. `bersih`: forget what earlier builds kept (`.cache/`).
    `pratinjau`: the site only, for `lkjip preview`: no XLSX and no DOCX (their links stay empty)."""
    mulai = time.monotonic()
    _periksa_bab(proyek)
    d = lap.hasil.data
    masukan = berkas_masukan(d, proyek)
    try:
        epoch = epoch_sumber(masukan.semua())  # the one date stamped on every output (reproduksi)
    except ValueError as e:
        raise BuildGagal(f"{e} (langkah: tanggal build)") from None
    tujuan = keluaran / d.unit_kode / str(d.tahun)
    kunci_semua = _kunci_build(masukan, {"html_saja": html_saja, "ketat": ketat, "draf": draf and lap.draf,
                                         "situs": situs, "epoch": epoch,
                                         "pratinjau": pratinjau})
    with galat_tulis_bagi_pengguna(tujuan), kunci_build(tujuan / KUNCI, f"{d.unit_kode} {d.tahun}"):
        _hapus_sisa_build(tujuan, nama_pdf(d.unit_kode, d.tahun), nama_docx(d.unit_kode, d.tahun))
        if not bersih and _tanpa_perubahan(tujuan, kunci_semua):
            _cetak("Tidak ada yang berubah sejak build terakhir: hasil yang sudah terbit tetap dipakai (dari cache); "
                   "tidak ada bab yang dijalankan. Gunakan --bersih untuk membangun ulang semuanya.")
            return _hasil_terbit(tujuan, d, html_saja, pratinjau, time.monotonic() - mulai)
        with contextlib.ExitStack() as tumpukan:
            if mesin is None:
                mesin = tumpukan.enter_context(Mesin(lajur=1 if html_saja else 2))
            with _simpanan(tujuan, bersih) as simpanan, _staging(tujuan) as staging:
                hasil = _bangun(lap, proyek, tujuan, staging, simpanan, mesin, html_saja, ketat, draf, situs,
                                masukan, epoch, pratinjau)
                tulis_atomik(simpanan / TERAKHIR, json.dumps(
                    {"kunci": kunci_semua, "manifest": sha256(tujuan / NAMA_MANIFEST)}))
    hasil.detik = time.monotonic() - mulai
    return hasil


def _kunci_build(masukan: Masukan, opsi: dict) -> str:
    """Everything a build's outputs follow from: the code, every input file, the options."""
    berkas = sorted((str(p), masukan.sidik(p)) for p in masukan.semua())
    return hashlib.sha256(json.dumps([sidik_kode(), berkas, opsi], sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def _tanpa_perubahan(tujuan: Path, kunci_semua: str) -> bool:
    """Whether the last build of `tujuan` had the same inputs and its outputs are still what its
    manifest says it published (none removed or changed since)."""
    try:
        terakhir = json.loads((tujuan / FOLDER_CACHE / TERAKHIR).read_text(encoding="utf-8"))
        if (tujuan / FOLDER_CACHE / TANDA_SEDANG).exists() or terakhir.get("kunci") != kunci_semua:
            return False
        if terakhir.get("manifest") != sha256(tujuan / NAMA_MANIFEST):
            return False
        keluaran = json.loads((tujuan / NAMA_MANIFEST).read_text(encoding="utf-8"))["keluaran"]
        return all(sha256(tujuan / b["path"]) == b["sha256"] for b in keluaran)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _hasil_terbit(tujuan: Path, d, html_saja: bool, pratinjau: bool, detik: float) -> HasilBangun:
    pdf = tujuan / nama_pdf(d.unit_kode, d.tahun)
    return HasilBangun(html=tujuan / "html", pdf=None if html_saja else pdf, detik=detik,
                       docx=None if pratinjau else tujuan / nama_docx(d.unit_kode, d.tahun), dari_cache=list(NAMA_BAB),
                       tanpa_perubahan=True)


def _dasar_cache(lap: Laporan, masukan: Masukan, parameter: dict) -> str:
    """What every chapter depends on besides its code and the prose it reads (cache_bab)."""
    d = lap.hasil.data
    berkas = sorted((nama, masukan.sidik(p)) for nama, p in masukan.data.items() if not prosa(p, d.folder))
    return hashlib.sha256(json.dumps([sidik_kode(), parameter, d.berwilayah, berkas], sort_keys=True,
                                     ensure_ascii=False).encode("utf-8")).hexdigest()


# What makes a chapter long to run: its charts (matplotlib), by the part that draws them. The
# chapters that draw most are started first, so that the kernels finish together instead of one
# waiting on the last big chapter.
_BEBAN_BAGIAN = {"analisis_iku": 4, "gambar": 1}


def _beban(nb) -> int:
    return sum(_BEBAN_BAGIAN.get(bagian, 0) for sel in nb.cells if sel.get("cell_type") == "code"
               for bagian in re.findall(r"\bbuku\.(\w+)\(", sel.source))


def _jalankan_bab(lap: Laporan, proyek: Path, folder_bab: Path, simpanan: Path, mesin: Mesin, masukan: Masukan,
                  parameter: dict, tambahan_sampul: dict, maju) -> tuple[list, list, list]:
    """Every chapter into `folder_bab` as an executed notebook: from the cache where it may be reused,
    its last run with the prose brought up to date where only prose it shows changed (narasi_ulang),
    else run by the kernels side by side: (chapters reused, chapters brought up to date, chapters run)."""
    from papermill.parameterize import parameterize_notebook

    d = lap.hasil.data
    cache = CacheBab(simpanan / FOLDER_CACHE_BAB, _dasar_cache(lap, masukan, parameter), sidik_prosa(d))
    dari_cache, diperbarui, dijalankan, tugas, jalan = [], [], [], {}, []
    for nama in NAMA_BAB:
        nb = saring_sel(jupytext.read(proyek / FOLDER_BAB / f"{nama}.md"), d.berwilayah)
        for sel in nb.cells:  # as papermill's own reader leaves a notebook, for its parameters to go in
            sel.metadata.setdefault("tags", [])
        nb.metadata.setdefault("papermill", {"parameters": {}})
        nb = parameterize_notebook(nb, {**parameter, **(tambahan_sampul if nama == "sampul" else {})},
                                   kernel_name="python3")
        lama = cache.ambil(nama, nb, folder_bab)
        if lama is not None:
            dari_cache.append(nama)
            _terbitkan_bab(lama, nama, folder_bab / f"{nama}.ipynb")
            maju(f"Bab {nama} dari cache")
            continue
        sebelumnya = cache.ambil_sebelumnya(nama, nb, folder_bab)
        baru = narasi_ulang.perbarui(*sebelumnya, folder_bab / parameter["siap"], folder_bab) \
            if sebelumnya is not None else None
        if baru is not None:
            diperbarui.append(nama)
            cache.simpan(nama, baru, folder_bab)
            _terbitkan_bab(baru, nama, folder_bab / f"{nama}.ipynb")
            maju(f"Bab {nama} dari cache, narasinya diperbarui tanpa kernel")
        else:
            jalan.append((nama, nb))
    mesin.panaskan(len(jalan))
    for nama, nb in sorted(jalan, key=lambda j: -_beban(j[1])):
        tugas[mesin.bab(_eksekusi, nb, folder_bab)] = nama
    try:
        for selesai in as_completed(tugas):
            nama = tugas[selesai]
            try:
                nb = selesai.result()
            except Exception as e:
                raise _galat_bab(nama, e) from None
            cache.simpan(nama, nb, folder_bab)
            _terbitkan_bab(nb, nama, folder_bab / f"{nama}.ipynb")
            dijalankan.append(nama)
            maju(f"Bab {nama} selesai dijalankan")
    finally:
        for t in tugas:  # a chapter that failed: the others still queued need not run
            t.cancel()
    return dari_cache, diperbarui, dijalankan


def _bangun(lap: Laporan, proyek: Path, tujuan: Path, staging: Path, simpanan: Path, mesin: Mesin,
            html_saja: bool, ketat: bool, draf: bool, situs: dict | None, masukan: Masukan,
            epoch: int, pratinjau: bool = False) -> HasilBangun:
    """Assemble the book's sources in `staging`, bring the kept book (`simpanan`) up to date with them,
    build it there, then publish it in `tujuan`."""
    d = lap.hasil.data
    draf = draf and lap.draf  # a complete year built with --draft is not marked DRAF
    langkah_total = 5 + len(NAMA_BAB) + (0 if html_saja else 1)
    nomor = 0

    def maju(teks):
        nonlocal nomor
        nomor += 1
        _cetak(f"[{nomor}/{langkah_total}] {teks}")

    maju(f"Menyiapkan buku {d.unit.nama} tahun {d.tahun}")
    _salin_buku(proyek, staging, lap, draf, situs)
    maju("Menulis tabel unduhan (CSV)")
    ekspor(lap.hasil, staging / FOLDER_UNDUHAN)
    # The PDF, the XLSX (the tables as the site numbers them) and the DOCX are written beside or from
    # the built site, but the cover links them and Sphinx checks linked files in both builds: empty
    # stand-ins, replaced by the real ones in the published site's downloads (_ganti_unduhan).
    dokumen = {"pdf": nama_pdf(d.unit_kode, d.tahun), "xlsx": nama_berkas(d.unit_kode, d.tahun, "xlsx"),
               "docx": nama_docx(d.unit_kode, d.tahun)}
    for nama in dokumen.values():
        (staging / FOLDER_UNDUHAN / nama).write_bytes(b"")

    # The year prepared once, for every chapter. The parameters name no path of this machine (the
    # chapters load the year from beside the staging folder, their working directory; the data
    # folder by its label), so a run cached here is as good in a copy of this output folder.
    buku = simpanan / FOLDER_BUKU
    siap = simpanan / NAMA_SIAP
    tulis_atomik(siap, pickle.dumps(lap, protocol=pickle.HIGHEST_PROTOCOL))
    parameter = {"unit": d.unit_kode, "tahun": d.tahun, "data": label_data(d.akar, proyek), "draf": draf,
                 "siap": os.path.relpath(siap, staging / FOLDER_BAB)}
    tambahan_sampul = {"pdf": None if html_saja else dokumen["pdf"], "docx": dokumen["docx"]}
    dari_cache, diperbarui, dijalankan = _jalankan_bab(lap, proyek, staging / FOLDER_BAB, simpanan, mesin, masukan,
                                                       parameter, tambahan_sampul, maju)
    _perbarui_buku(staging, buku)

    # The site and the PDF side by side, each in its own worker, when the machine has the cores. Else
    # one after the other, the site first, sharing one environment (rakit._folder_doctree): the site's
    # build decides what to write from what it read again, so it must be the one that reads.
    bersama = mesin.berurutan
    grafik = buku / FOLDER_BAB / FOLDER_GAMBAR  # the charts the chapters drew (rakit.isi_rc_latexmk)
    pdf_tugas = None
    if not html_saja and not bersama:
        pdf_tugas = mesin.lajur(rakit_pdf, buku, ketat, tujuan / "build-pdf.log", epoch, False, grafik)
    maju("Merakit situs HTML" + ("" if html_saja else " dan PDF (LaTeX, xelatex)"))
    try:
        situs_baru = mesin.lajur(rakit_html, buku, ketat, tujuan / "build-html.log", epoch, bersama,
                                 kedua=pdf_tugas is not None).result()
        if not html_saja and bersama:
            pdf_tugas = mesin.lajur(rakit_pdf, buku, ketat, tujuan / "build-pdf.log", epoch, bersama, grafik)
        _periksa_situs(situs_baru)
        xlsx = staging / FOLDER_UNDUHAN / dokumen["xlsx"]
        docx_baru = None if pratinjau else staging / FOLDER_UNDUHAN / dokumen["docx"]
        if docx_baru is not None:
            # imported here, not with this module: openpyxl and python-docx are a fifth of a second
            # the start of a build (every core busy) need not wait for
            from .tabel_xlsx import baca_situs, tulis_xlsx
            from .word import WordGagal, tulis_word

            maju("Menulis tabel laporan (XLSX)")
            tulis_xlsx(baca_situs(situs_baru, list(NAMA_BAB)), f"Tabel LKjIP {d.unit.nama} Tahun {d.tahun}", xlsx,
                       epoch)
            maju("Menulis berkas Word (DOCX, pandoc)")
            try:
                tulis_word(situs_baru, [b.nama for b in BAB if b.bagian is not None], dokumen_word(lap, draf),
                           docx_baru, epoch)
            except WordGagal as e:
                raise BuildGagal(f"Pembuatan berkas Word gagal (langkah: pandoc, DOCX): {e}") from None
        # The published site is a copy: the kept one stays for the next build, as Sphinx wrote it.
        # Made while LaTeX runs; the PDF joins its downloads when it is done.
        salinan = staging / "html"
        shutil.copytree(situs_baru, salinan, symlinks=True)
        if docx_baru is not None:
            _ganti_unduhan(salinan, xlsx, "menulis tabel laporan XLSX", xlsx.name)
            _ganti_unduhan(salinan, docx_baru, "DOCX ke unduhan situs", docx_baru.name)
        pdf_baru = None
        if pdf_tugas is not None:
            pdf_baru, peringatan = pdf_tugas.result()
            for p in peringatan:
                _cetak(p)
            maju("PDF selesai")
    except RakitGagal as e:
        raise BuildGagal(str(e)) from None
    finally:
        if pdf_tugas is not None:
            pdf_tugas.cancel()
    if dari_cache or diperbarui:
        _cetak(f"Dari cache (tidak dijalankan ulang): {', '.join(dari_cache + diperbarui)}"
               + (f" (narasi diperbarui tanpa kernel: {', '.join(diperbarui)})" if diperbarui else "")
               + f"; dijalankan: {', '.join(dijalankan) if dijalankan else 'tidak ada'}.")

    if pdf_baru is not None:
        _ganti_unduhan(salinan, pdf_baru, "PDF ke unduhan situs", dokumen["pdf"])

    # Only now, with everything built, replace the previous outputs: each new one is written whole
    # beside its place first, then all are switched in, the site in one step (dasar.berkas.Terbitan).
    html = tujuan / "html"
    pdf = tujuan / dokumen["pdf"] if pdf_baru is not None else None
    docx = tujuan / dokumen["docx"] if docx_baru is not None else None
    # The manifest names the outputs as they will be published; it is published with them.
    keluaran = ({"html": salinan} | ({pdf.name: pdf_baru} if pdf is not None else {})
                | ({docx.name: docx_baru} if docx is not None else {}))
    manifest = teks_manifest(isi_manifest(lap, masukan, proyek, keluaran, epoch, html_saja, draf))
    with terbitkan() as terbitan:
        terbitan.folder(salinan, html)
        if pdf is not None:
            terbitan.salinan(pdf_baru, pdf)
        else:  # an HTML-only build: a PDF of an earlier build would no longer match the site beside it
            terbitan.hapus(tujuan / dokumen["pdf"])
        if docx is not None:
            terbitan.salinan(docx_baru, docx)
        else:  # a preview: no DOCX of an earlier build beside a site it no longer matches
            terbitan.hapus(tujuan / dokumen["docx"])
        terbitan.berkas(tujuan / "build.json", json.dumps({"unit": d.unit_kode, "tahun": d.tahun,
                                                           "html_saja": html_saja, "draf": draf}, indent=2))
        terbitan.berkas(tujuan / NAMA_MANIFEST, manifest)
    return HasilBangun(html=html, pdf=pdf, detik=0.0, docx=docx, dari_cache=dari_cache, dijalankan=dijalankan,
                       diperbarui=diperbarui)
