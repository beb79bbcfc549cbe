"""What a chapter notebook calls: each method shows one part of the report as MyST Markdown.

Chapters stay thin (no function defined in a chapter): they name what to show, by the names
declared in `daftar`; this module takes it from the prepared year (`siapkan`), the tables, the
charts and the prose in data/.
"""

from __future__ import annotations

import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from ..hitung.hasil import KinerjaIku, SasaranKinerja
from ..masukan.lokasi import akar_data, pilih
from ..masukan.skema import BAGIAN_WILAYAH
from . import markah, prosa, render
from .bahan import Laporan
from .daftar import (
    ARAHAN_DAFTAR_TABEL_GAMBAR,
    BAGIAN_IKU,
    CATATAN,
    FOLDER_NARASI,
    FOLDER_NARASI_IKU,
    GAMBAR,
    NARASI,
    TABEL,
    TABEL_SASARAN,
    UNDUHAN,
    konteks,
    nama_berkas,
    nama_pk_pindaian,
)
from .siapkan import siapkan


def display(*objek, **opsi) -> None:
    """IPython's display (a kernel has it loaded; lkjip, rendering prose again, does not need it)."""
    from IPython.display import display as tampilkan

    tampilkan(*objek, **opsi)


FOLDER_GAMBAR = "gambar"  # chart images, beside the chapter being run (the build's staging copy)
FOLDER_GAMBAR_NARASI = "gambar-narasi"  # the prose's own images, copied from the year's folder


def _simpan_png(fig, path: Path) -> None:
    """Save a chart as PNG at grafik.DPI_GRAFIK and close it. An opaque chart (all of them: the figure
    has a white face) is saved without an alpha channel: the same pixels, a file a tenth smaller, and
    xdvipdfmx puts it in the PDF without splitting out a transparency mask."""
    import matplotlib.pyplot as plt  # loaded already: grafik drew the figure
    from PIL import Image

    from .grafik import DPI_GRAFIK

    fig.set_dpi(DPI_GRAFIK)
    fig.canvas.draw()
    piksel = fig.canvas.buffer_rgba()  # rows of RGBA pixels
    gambar = Image.frombuffer("RGBA", (piksel.shape[1], piksel.shape[0]), piksel, "raw", "RGBA", 0, 1)
    if gambar.getextrema()[3] == (255, 255):
        gambar = gambar.convert("RGB")
    gambar.save(path, format="png")
    plt.close(fig)


class _Dibaca(dict):
    """The prose files of a year (name -> Narasi) that note each name looked up, found or not."""

    def __init__(self, isi: dict, folder: str, catat: Callable[[str], None]):
        super().__init__(isi)
        self._folder, self._catat = folder, catat

    def _nama(self, nama) -> None:
        self._catat(f"{self._folder}/{nama}.md")

    def _semua(self) -> None:
        self._catat(f"{self._folder}/")

    def __getitem__(self, nama):
        self._nama(nama)
        return super().__getitem__(nama)

    def get(self, nama, bawaan=None):
        self._nama(nama)
        return super().get(nama, bawaan)

    def __contains__(self, nama) -> bool:
        self._nama(nama)
        return super().__contains__(nama)

    def __iter__(self):
        self._semua()
        return super().__iter__()

    def keys(self):
        self._semua()
        return super().keys()

    def values(self):
        self._semua()
        return super().values()

    def items(self):
        self._semua()
        return super().items()


# The parts whose output follows from the prepared year and the prose alone: a build whose prose
# alone changed renders them again without running the chapter (`BukuUlang`, terbit.narasi_ulang).
RESEP = frozenset({"narasi"})


class Buku:
    """One unit and year for one chapter run: the year `lkjip build` prepared once for all chapters
    (`siap`, a pickle it wrote), or, run on its own, prepared here from the data folder. The files
    a part writes (charts, the prose's images) go beside the chapter: into `folder`, by default the
    working directory, the chapter's folder."""

    def __init__(self, unit: str | None = None, tahun: int | None = None, data: str | Path | None = None,
                 draf: bool = False, siap: str | Path | None = None, folder: Path | None = None):
        if siap is not None:
            with open(siap, "rb") as berkas:
                self.lap: Laporan = pickle.load(berkas)
        else:
            akar = akar_data(data)
            unit, tahun = pilih(akar, unit, None if tahun is None else int(tahun))
            self.lap = siapkan(akar, unit, tahun, draf=draf)
        self.hasil = self.lap.hasil
        self.data = self.hasil.data
        self._folder = folder if folder is not None else Path()
        self._dibaca: set[str] = set()  # prose files looked up (paths in the year's folder)
        self._ditulis: set[str] = set()  # files written beside the chapter (paths from it)
        self._baca_baru: set[str] = set()  # the same, since the last output
        self._tulis_baru: set[str] = set()
        self.data.narasi = _Dibaca(self.data.narasi, FOLDER_NARASI, self._catat_baca)
        self.data.narasi_iku = _Dibaca(self.data.narasi_iku, FOLDER_NARASI_IKU, self._catat_baca)

    # --- building blocks -------------------------------------------------------------------

    def _catat_baca(self, path: str) -> None:
        self._dibaca.add(path)
        self._baca_baru.add(path)

    def _catat_tulis(self, path: str) -> None:
        self._ditulis.add(path)
        self._tulis_baru.add(path)

    def _keluarkan(self, teks: str, resep: tuple | None = None) -> None:
        """Show `teks` with the record of what shaped it (daftar.CATATAN): the prose read and files
        written so far in the chapter (the last output holds all of it) and since the output before
        (what this one follows from), and, for a part of RESEP, the call that renders it again."""
        catatan = {"prosa": sorted(self._dibaca), "berkas": sorted(self._ditulis), "baca": sorted(self._baca_baru),
                   "tulis": sorted(self._tulis_baru)}
        if resep is not None:
            catatan["resep"] = list(resep)
        self._baca_baru.clear()
        self._tulis_baru.clear()
        self._tampilkan(teks, {CATATAN: catatan})

    def _tampilkan(self, teks: str, metadata: dict) -> None:
        from IPython.display import Markdown  # in a kernel; lkjip itself renders again without it (BukuUlang)

        display(Markdown(teks), metadata=metadata)

    def teks(self, nama: str, bagian: str = "awal") -> str:
        """The prose file narasi/<nama>.md (or one '<!-- bagian -->' part of it), filled in and escaped."""
        if nama not in NARASI or bagian not in NARASI[nama].bagian:
            raise LookupError(f"bagian narasi '{nama}' / '{bagian}' tidak dideklarasikan di laporan/daftar.py")
        narasi = self.data.narasi.get(nama)
        folder = self.data.folder / "narasi"
        if narasi is None:
            raise LookupError(f"berkas narasi {folder / (nama + '.md')} tidak ada; bab ini memerlukannya")
        semua = prosa.bagian(narasi.teks)
        if bagian not in semua:
            raise LookupError(f"{narasi.path} tidak memuat bagian '<!-- {bagian} -->'; bagian yang ada: "
                              + ", ".join(semua))
        return self._tanda_basi(f"narasi/{nama}.md") + self._narasi(semua[bagian]).strip() + "\n"

    def _tanda_basi(self, *jalur: str) -> str:
        """In a draft, a banner over prose still the same as last year's (`masukan.basi`); else nothing."""
        basi = {j: self.data.basi[j] for j in jalur if j in self.data.basi}
        if not self.lap.draf or not basi:
            return ""
        lalu = max(basi.values())
        apa = " dan ".join(dict.fromkeys("Narasi" if j.startswith("narasi/") else "Analisis" for j in basi))
        berkas = ", ".join(basi)
        return (f":::{{admonition}} {apa.capitalize()} ini belum diperbarui sejak {lalu}\n:class: warning\n"
                f"Isinya sama dengan data tahun {lalu} ({render.md(berkas)}); tulis ulang untuk tahun "
                f"{self.data.tahun}.\n:::\n\n")

    def _narasi(self, teks: str) -> str:
        """Prose as MyST: placeholders filled in (each value escaped), and the images it shows
        (checked by `markah` to lie inside the year's folder) copied beside the chapter."""
        baris = teks.split("\n")
        akar = self.data.folder.resolve()
        for g in markah.gambar(teks):
            asal = (self.data.folder / g.path).resolve()
            if not asal.is_relative_to(akar):  # checked before; the file may have changed since
                raise LookupError(f"gambar narasi {g.path} menunjuk ke luar folder tahun {self.data.folder}")
            tujuan = Path(FOLDER_GAMBAR_NARASI) / g.path
            self._salin(asal, tujuan)
            # the path after '(' (Markdown) or after the directive name: '{figure} gambar/peta.png'
            baris[g.baris] = re.sub(r"(?<=[(\s])" + re.escape(g.path) + r"(?=[\s)]|$)", tujuan.as_posix(),
                                    baris[g.baris])
        return prosa.ganti_gambar(self.lap.isi("\n".join(baris), lolos=render.md), self._gambar_data)

    def _salin_berkas(self, asal: Path, nama: str) -> str:
        """Copy a checked file of the year beside the chapter under a generated name: the path to show."""
        tujuan = Path(FOLDER_GAMBAR_NARASI) / nama
        self._salin(asal, tujuan)
        return tujuan.as_posix()

    def _salin(self, asal: Path, tujuan: Path) -> None:
        (self._folder / tujuan).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asal, self._folder / tujuan)
        self._catat_tulis(tujuan.as_posix())

    def _gambar_data(self, nama: str) -> str:
        """An image of gambar/gambar.yaml as a numbered figure with its caption (and Sumber line)."""
        g = self.data.gambar[nama]  # every marker names one (laporan.periksa)
        path = self._salin_berkas(g.berkas.path, f"data-{nama}.{g.berkas.format}")
        teks = render.gambar(path, f"data-{nama}", g.judul, g.alt)
        if g.sumber:
            teks += "\n".join(["", ":::{container} sumber-tabel", f"Sumber: {render.md(g.sumber)}", ":::", ""])
        return teks

    def _gambar(self, nama: str, k: KinerjaIku | None = None) -> None:
        deklarasi = GAMBAR[nama]
        dibuat = deklarasi.buat(self.lap, k)
        if dibuat is None:
            return
        fig, alt = dibuat
        label = deklarasi.label(k)
        path = Path(FOLDER_GAMBAR) / f"{label}.png"
        (self._folder / path.parent).mkdir(exist_ok=True)
        _simpan_png(fig, self._folder / path)
        self._catat_tulis(path.as_posix())
        self._keluarkan(render.gambar(path.as_posix(), label, deklarasi.judul.format(**konteks(self.lap, k)), alt))

    def _ada(self, nama: str, k: KinerjaIku | SasaranKinerja | None = None) -> bool:
        """Whether the table is shown: one of optional data (`TabelLaporan.ada`) only when there is some."""
        ada = TABEL[nama].ada
        return ada is None or ada(self.lap, k)

    def _tabel(self, nama: str, k: KinerjaIku | SasaranKinerja | None = None) -> None:
        if self._ada(nama, k):
            self._keluarkan(render.tabel(TABEL[nama].susun(self.lap, k)))

    # --- parts of the report (the names a chapter may call: daftar.PANGGILAN) --------------

    def _ditampilkan(self, deklarasi) -> bool:
        """A part of a unit with territory (area, population) is left out for a unit without."""
        return self.data.berwilayah or not deklarasi.wilayah

    def narasi(self, nama: str, bagian: str = "awal") -> None:
        if nama not in NARASI or self._ditampilkan(NARASI[nama]):
            self._keluarkan(self.teks(nama, bagian), resep=("narasi", nama, bagian))

    def tabel(self, nama: str) -> None:
        if self._ditampilkan(TABEL[nama]):
            self._tabel(nama)

    def gambar(self, nama: str) -> None:
        if self._ditampilkan(GAMBAR[nama]):
            self._gambar(nama)

    @property
    def _berperiode(self) -> bool:
        """Whether an IKU of the year has realisasi per period (realisasi_periode.csv)."""
        return any(k.periode for k in self.hasil.kinerja)

    def sampul(self) -> None:
        d = self.data
        # The PDF has its own cover (maketitle); this page is the site's front page.
        logo = []
        if d.logo is not None:
            path = self._salin_berkas(d.logo.path, f"logo.{d.logo.format}")
            logo = [f":::{{image}} {path}", f":alt: {render.opsi('Logo ' + d.unit.pemerintah)}", ":width: 120px",
                    ":align: center", ":class: logo-sampul", ":::", ""]
        self._keluarkan("\n".join([
            "::::{only} html", *logo,
            f"**{render.md(d.unit.pemerintah)}**", "",
            f"**Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {d.tahun}**", "",
            f"**{render.md(d.unit.nama)}**  ", render.md(d.unit.daerah), "", "::::", "",
        ]))

    def unduhan(self, pdf: str | None = None, docx: str | None = None) -> None:
        """Links to the PDF, the Word file and the tables (HTML only): files the build put in ../unduhan/."""
        d = self.data
        baris = ["::::{only} html", "Unduh laporan dan tabel-tabelnya:", ""]
        if pdf:
            baris.append(f"- {{download}}`Laporan lengkap (PDF, A4) <../unduhan/{pdf}>`")
        if docx:  # for reviewers who annotate in Word
            baris.append(f"- {{download}}`Laporan lengkap untuk ditelaah dan diberi catatan (Word, DOCX) "
                         f"<../unduhan/{docx}>`")
        # the descriptions are the package's own words; {bagian_wilayah} is 'kelurahan' or 'desa'
        baris += [f"- {{download}}`{u.keterangan.format(bagian_wilayah=d.bagian_wilayah)} <../unduhan/{u.berkas}>`"
                  for u in UNDUHAN if self._ditampilkan(u) and (not u.periode or self._berperiode)]
        xlsx = nama_berkas(d.unit_kode, d.tahun, "xlsx")  # the tables as printed (terbit.tabel_xlsx)
        baris += [f"- {{download}}`Tabel laporan seperti tercetak, bernomor dan berformat (XLSX) <../unduhan/{xlsx}>`",
                  "::::", ""]
        self._keluarkan("\n".join(baris))

    def daftar_tabel_gambar(self) -> None:
        """The site's Daftar Tabel and Daftar Gambar: every numbered table and figure of the book,
        whatever made it, listed with its number and caption when the book is assembled."""
        self._keluarkan(f":::{{{ARAHAN_DAFTAR_TABEL_GAMBAR}}}\n:::\n")

    def _blok_tanda_tangan(self, atas: list[str], p, indentasi: str = "") -> str:
        """A signature block as MyST: the lines above (place and date, role, post), then, after room
        for the signature and stamp (about 2.5 cm in both outputs), the name bold and underlined, the
        rank and the NIP: the class `nama-tanda-tangan`, styled in _static/lkjip.css and the LaTeX
        preamble of _config.yml."""
        nama = [f"**{render.md(p.nama)}**"] + ([render.md(p.pangkat)] if p.pangkat else []) + (
            [f"NIP. {render.md(p.nip)}"] if p.nip else [])
        # In a table cell (the PK) one paragraph per line: a hard line break would end the table row in LaTeX.
        pisah = "\n\n" if indentasi else "  \n"
        baris = [pisah.join(atas), "", ":::{container} nama-tanda-tangan", pisah.join(nama), ":::"]
        return "\n".join(baris).replace("\n", "\n" + indentasi)  # every line inside a list item

    def tanda_tangan(self) -> None:
        """The signature block of the head of the unit."""
        d = self.data
        k = d.unit.kepala
        tanggal = self.lap.nilai["laporan.tanggal"].teks(self.lap.tampilan)
        atas = [f"{render.md(d.pengaturan.tempat)}, {tanggal}", f"**{render.md(k.jabatan.upper())}**"]
        self._keluarkan("::::{container} tanda-tangan\n" + self._blok_tanda_tangan(atas, k) + "\n::::\n")

    def tanda_tangan_pk(self) -> None:
        """Both parties of the Perjanjian Kinerja: PIHAK KEDUA (the superior) on the left, PIHAK
        PERTAMA (the head of the unit) on the right under the place and date of signing."""
        d = self.data
        tanggal = self.lap.nilai["pk.tanggal"].teks(self.lap.tampilan)
        a, k = d.unit.atasan, d.unit.kepala
        kosong = "\u00a0"  # the left block starts a line lower, level with the right one
        kiri = self._blok_tanda_tangan([kosong, "PIHAK KEDUA,", render.md(a.jabatan)], a, "    ")
        kanan = self._blok_tanda_tangan([f"{render.md(d.pengaturan.tempat)}, {tanggal}", "PIHAK PERTAMA,",
                                         render.md(k.jabatan)], k, "    ")
        self._keluarkan("\n".join([
            "::::{list-table}", ":class: tanda-tangan-pk borderless nocolorrows", ":widths: 50 50", "",
            "* - " + kiri,
            "  - " + kanan,
            "::::", ""]))

    def pk_pindaian(self) -> None:
        """The signed, scanned PK (laporan.yaml `perjanjian_kinerja.pindaian`), after the typed one:
        its pages in the PDF, a download on the site. Nothing when the year has none. The build
        puts the file in the downloads under `daftar.nama_pk_pindaian` (terbit.bangun)."""
        d = self.data
        if d.pk_pindaian is None:
            return
        nama = nama_pk_pindaian(d.tahun)
        jenis = d.pengaturan.perjanjian_kinerja.jenis
        judul = f"{jenis} Tahun {d.tahun} yang Ditandatangani"
        halaman = f"{d.pk_pindaian.halaman} halaman"
        self._keluarkan("\n".join([
            "::::{only} html",
            f"**{render.md(judul)}** (hasil pindaian, {halaman}): "
            f"{{download}}`unduh PDF <../unduhan/{nama}>`", "::::", "",
            "```{raw} latex",
            r"\clearpage",
            r"\includepdf[pages=-,scale=0.88,pagecommand={\thispagestyle{plain}\noindent{\bfseries "
            + render.latex(judul) + r" (hasil pindaian)\endgraf}}]{" + nama + "}",
            "```", ""]))

    def susunan_organisasi(self) -> None:
        def daftar(jabatan, indentasi=""):
            baris = []
            for j in jabatan:
                baris.append(f"{indentasi}- {render.md(j.jabatan)}")
                baris += daftar(j.bawahan, indentasi + "  ")
            return baris
        self._keluarkan("\n".join(daftar(self.data.organisasi.struktur)) + "\n")

    def tusi(self) -> None:
        organisasi = self.data.organisasi
        baris = []
        for n, t in enumerate(organisasi.tusi, start=1):
            # a post of a kelurahan (desa) of the unit's territory, not of the unit's own office
            tingkat = f" ({t.tingkat})" if t.tingkat in BAGIAN_WILAYAH else ""
            baris.append(f"{n}. **{render.md(t.jabatan)}**{' ' if tingkat else ''}{render.md(tingkat)}, mempunyai tugas"
                         + (f" {render.md(t.tugas)}" if t.tugas else ":"))
            huruf = organisasi.butir_tusi(t) == "huruf"
            if t.rincian_tugas:
                baris += [""] * huruf + _butir(t.rincian_tugas, huruf)  # a fence starts after a blank line
            if t.fungsi:
                baris.append("")
                baris.append(f"   Untuk melaksanakan tugas tersebut, {render.md(t.jabatan)} mempunyai fungsi:")
                baris.append("")
                baris += _butir(t.fungsi, huruf)
            baris.append("")
        self._keluarkan("\n".join(baris))

    def analisis_iku(self) -> None:
        """BAB III, one part per sasaran (its tables of `daftar.TABEL_SASARAN`) and IKU, each with
        the sections of `daftar.BAGIAN_IKU`."""
        for s in self.hasil.sasaran:
            self._keluarkan(f"### Sasaran Strategis {s.nomor}: {render.md(s.nama)}\n")
            for nama in TABEL_SASARAN:
                self._tabel(nama, s)
            for k in s.iku:
                self._keluarkan(f"#### Indikator: {render.md(k.indikator)}\n")
                tanda = self._tanda_basi(f"narasi/iku/{k.kode}.md", f"analisis/{k.kode}.yaml")
                if tanda:
                    self._keluarkan(tanda)
                narasi = self.data.narasi_iku.get(k.kode, {})
                ditampilkan = [b for b in BAGIAN_IKU if self._ada(b.tabel, k)]  # lettered without gaps
                for huruf, bagian in zip("abcdefghijklmnopqrstuvwxyz", ditampilkan, strict=False):
                    self._keluarkan(f"##### {huruf}. {render.md(bagian.judul.format(**konteks(self.lap, k)))}\n")
                    self._tabel(bagian.tabel, k)
                    if bagian.gambar:
                        self._gambar(bagian.gambar, k)
                    if bagian.kunci in narasi and narasi[bagian.kunci].teks.strip():
                        self._keluarkan(self._narasi(narasi[bagian.kunci].teks))


# The class of a lettered list: lkjip.css sets its markers a., b., c. in the site, the LaTeX
# preamble (_config.yml, sphinxclassdaftar-huruf) its labels in the PDF.
KELAS_HURUF = "daftar-huruf"


def _butir(isi: list[str], huruf: bool) -> list[str]:
    """A list inside an item of the numbered tusi list (indented under it): bullets, or lettered
    (a Markdown bullet list in a container of class KELAS_HURUF, lettered by the outputs' styles)."""
    butir = [f"   - {render.md(x)}" for x in isi]
    return [f"   :::{{container}} {KELAS_HURUF}", *butir, "   :::"] if huruf else butir


class BukuUlang(Buku):
    """A Buku that renders again, outside a kernel, what a part of RESEP showed: from the call its
    output's record names (terbit.narasi_ulang), with what it shows collected instead of displayed."""

    def ulang(self, resep: list) -> tuple[str, dict]:
        """(Markdown, record) of the one output of the call `resep`."""
        if not resep or resep[0] not in RESEP:
            raise LookupError(f"bagian {resep!r} tidak dapat dirender ulang tanpa menjalankan bab")
        self._keluar: list[tuple[str, dict]] = []
        getattr(self, resep[0])(*resep[1:])
        if len(self._keluar) != 1:
            raise LookupError(f"bagian {resep!r} menampilkan {len(self._keluar)} keluaran, bukan satu")
        return self._keluar[0]

    def _tampilkan(self, teks: str, metadata: dict) -> None:
        self._keluar.append((teks, metadata[CATATAN]))
