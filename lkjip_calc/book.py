"""What a chapter notebook calls: each method shows one part of the report as MyST Markdown.

Chapters stay thin (no function defined in a chapter): they name what to show, this module
takes it from the computation (`pipeline`), the tables (`tables`) and the prose in data/.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import Markdown, display

from . import charts, formatting as f, render, tables
from .paths import akar_data, pilih
from .pipeline import Laporan, siapkan
from .prose import bagian as _bagian

FOLDER_GAMBAR = "gambar"


class Buku:
    """One unit and year, loaded once per chapter run."""

    def __init__(self, unit: str | None = None, tahun: int | None = None, data: str | Path | None = None,
                 draf: bool = False):
        akar = akar_data(data)
        unit, tahun = pilih(akar, unit, None if tahun is None else int(tahun))
        f.mode_draf(draf)
        self.lap: Laporan = siapkan(akar, unit, tahun, draf=draf)
        self.hasil = self.lap.hasil
        self.data = self.hasil.data
        self._gambar = 0

    # --- building blocks -------------------------------------------------------------------

    def _tampil(self, teks: str) -> None:
        display(Markdown(teks))

    def teks(self, nama: str, bagian: str = "awal") -> str:
        """The prose file narasi/<nama>.md (or one '<!-- bagian -->' part of it), filled in and escaped."""
        narasi = self.data.narasi.get(nama)
        folder = self.data.folder / "narasi"
        if narasi is None:
            raise LookupError(f"berkas narasi {folder / (nama + '.md')} tidak ada; bab ini memerlukannya")
        semua = _bagian(narasi.teks)
        if bagian not in semua:
            raise LookupError(f"{narasi.path} tidak memuat bagian '<!-- {bagian} -->'; bagian yang ada: "
                              + ", ".join(semua))
        return self.lap.isi(semua[bagian], lolos=render.md).strip() + "\n"

    def narasi(self, nama: str, bagian: str = "awal") -> None:
        self._tampil(self.teks(nama, bagian))

    def tabel(self, nama: str, *args) -> None:
        self._tampil(render.tabel(getattr(tables, nama)(self.lap, *args)))

    def _simpan_gambar(self, nama: str, fig_alt, judul: str) -> str:
        fig, alt = fig_alt
        folder = Path(FOLDER_GAMBAR)
        folder.mkdir(exist_ok=True)
        path = folder / f"{nama}.png"
        fig.savefig(path, dpi=200)
        plt.close(fig)
        return render.gambar(path.as_posix(), nama, judul, alt)

    def gambar(self, nama: str, *args) -> None:
        d = self.data
        judul = {
            "capaian_iku": f"Capaian Kinerja per Indikator Kinerja Utama Tahun {d.tahun}",
            "serapan_program": f"Pagu, Realisasi dan Serapan Anggaran per Program Tahun {d.tahun}",
            "penduduk_kelurahan": f"Jumlah Penduduk per Kelurahan menurut Jenis Kelamin, {d.tahun}",
        }[nama]
        self._tampil(self._simpan_gambar(nama.replace("_", "-"), getattr(charts, nama)(self.hasil, *args), judul))

    # --- parts of the report ---------------------------------------------------------------

    def sampul(self) -> None:
        d = self.data
        # The PDF has its own cover (maketitle); this page is the site's front page.
        self._tampil("\n".join([
            "::::{only} html",
            f"**{render.md(d.unit.pemerintah)}**", "",
            f"**Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {d.tahun}**", "",
            f"**{render.md(d.unit.nama)}**  ", render.md(d.unit.daerah), "", "::::", "",
        ]))

    def unduhan(self, pdf: str | None = None) -> None:
        """Links to the PDF and the tables (HTML only): files the build put in ../unduhan/."""
        d = self.data
        baris = ["::::{only} html", "Unduh laporan dan tabel-tabelnya:", ""]
        if pdf:
            baris.append(f"- {{download}}`Laporan lengkap (PDF, A4) <../unduhan/{pdf}>`")
        baris += [
            "- {download}`Kinerja per IKU (CSV) <../unduhan/kinerja.csv>`",
            "- {download}`Realisasi anggaran per program, kegiatan dan sub kegiatan (CSV) <../unduhan/anggaran.csv>`",
            "- {download}`Wilayah dan penduduk per kelurahan (CSV) <../unduhan/wilayah.csv>`",
            f"- {{download}}`Semua tabel (XLSX) <../unduhan/lkjip-{d.unit_kode}-{d.tahun}.xlsx>`",
            "::::", ""]
        self._tampil("\n".join(baris))

    def tanda_tangan(self, tanggal: str | None = None) -> None:
        """The signature block of the head of the unit."""
        d = self.data
        k = d.unit.kepala
        tanggal = tanggal or self.lap.nilai["laporan.tanggal"].tampil()
        ruang = "\u00a0"  # empty lines where the signature goes
        baris = [f"{render.md(d.laporan.tempat)}, {tanggal}", f"**{render.md(k.jabatan.upper())}**", ruang, ruang,
                 ruang, f"**{render.md(k.nama)}**"]
        if k.pangkat:
            baris.append(render.md(k.pangkat))
        if k.nip:
            baris.append(f"NIP. {render.md(k.nip)}")
        self._tampil(":::{container} tanda-tangan\n" + "  \n".join(b for b in baris if b) + "\n:::\n")

    def tanda_tangan_pk(self) -> None:
        """Both parties of the Perjanjian Kinerja."""
        d = self.data
        tanggal = self.lap.nilai["pk.tanggal"].tampil()
        a, k = d.unit.atasan, d.unit.kepala

        def blok(peran, p):
            # One paragraph per line: a hard line break would end the table row in LaTeX.
            ruang = "\u00a0"  # empty lines where the signature goes
            isi = [f"**{peran}**", render.md(p.jabatan), ruang, ruang, f"**{render.md(p.nama)}**"]
            if p.pangkat:
                isi.append(render.md(p.pangkat))
            if p.nip:
                isi.append(f"NIP. {render.md(p.nip)}")
            return "\n\n    ".join(isi)

        self._tampil("\n".join([
            f"{render.md(d.laporan.tempat)}, {tanggal}", "",
            ":::{list-table}", ":class: tanda-tangan-pk borderless nocolorrows", ":widths: 50 50", "",
            "* - " + blok("PIHAK KEDUA,", a),
            "  - " + blok("PIHAK PERTAMA,", k),
            ":::", ""]))

    def susunan_organisasi(self) -> None:
        def daftar(jabatan, indentasi=""):
            baris = []
            for j in jabatan:
                baris.append(f"{indentasi}- {render.md(j.jabatan)}")
                baris += daftar(j.bawahan, indentasi + "  ")
            return baris
        self._tampil("\n".join(daftar(self.data.organisasi.struktur)) + "\n")

    def tusi(self) -> None:
        baris = []
        for n, t in enumerate(self.data.organisasi.tusi, start=1):
            tingkat = " (kelurahan)" if t.tingkat == "kelurahan" else ""
            baris.append(f"{n}. **{render.md(t.jabatan)}**{' ' if tingkat else ''}{render.md(tingkat)}, mempunyai tugas"
                         + (f" {render.md(t.tugas)}" if t.tugas else ":"))
            if t.rincian_tugas:
                baris += [f"   - {render.md(x)}" for x in t.rincian_tugas]
            if t.fungsi:
                baris.append("")
                baris.append(f"   Untuk melaksanakan tugas tersebut, {render.md(t.jabatan)} mempunyai fungsi:")
                baris.append("")
                baris += [f"   - {render.md(x)}" for x in t.fungsi]
            baris.append("")
        self._tampil("\n".join(baris))

    def analisis_iku(self) -> None:
        """BAB III, one part per sasaran and IKU, each with the seven analyses; generated from the data."""
        d = self.data
        t = d.tahun
        langkah = [
            ("capaian", f"Capaian Kinerja Tahun {t}", "capaian"),
            ("tahun_lalu", f"Perbandingan Realisasi Kinerja Tahun {t - 1} terhadap Tahun {t}", "tahun_lalu"),
            ("renstra", f"Perbandingan Realisasi Kinerja Tahun {t} sampai Akhir Periode Renstra", "renstra_kemajuan"),
            ("nasional", "Perbandingan Realisasi Kinerja dengan Realisasi Nasional", "nasional"),
            ("alokasi", "Alokasi Anggaran per Sasaran", "alokasi"),
            ("kinerja_anggaran", f"Pencapaian Kinerja dan Anggaran Tahun {t}", "kinerja_anggaran"),
            ("efisiensi", f"Efisiensi Penggunaan Sumber Daya Tahun {t}", "efisiensi"),
            ("penyebab", "Analisis Penyebab Keberhasilan (Peningkatan) dan Kegagalan (Penurunan) Kinerja serta "
                         "Solusi yang Telah Dilakukan", "penyebab"),
            ("program", "Analisis Program/Kegiatan yang Menunjang Keberhasilan dan Kegagalan Pencapaian Kinerja",
             "program_penunjang"),
        ]
        nomor_sasaran = 0
        for s in d.renstra.sasaran:
            kinerja = [k for k in self.hasil.kinerja if k.sasaran_kode == s.kode]
            if not kinerja:
                continue
            nomor_sasaran += 1
            self._tampil(f"### Sasaran Strategis {nomor_sasaran}: {render.md(s.nama)}\n")
            for k in kinerja:
                self._tampil(f"#### Indikator: {render.md(k.indikator)}\n")
                narasi = d.narasi_iku.get(k.kode, {})
                for huruf, (kunci, judul, tabel) in zip("abcdefghi", langkah):
                    self._tampil(f"##### {huruf}. {render.md(judul)}\n")
                    self.tabel(tabel, k.kode)
                    if kunci == "renstra" and k.target_renstra:
                        self._tampil(self._simpan_gambar(
                            f"renstra-{k.kode}".replace("_", "-"), charts.renstra_iku(self.hasil, k.kode),
                            f"Realisasi dan Target Renstra {d.renstra.periode}: {k.indikator}"))
                    if kunci in narasi and narasi[kunci].teks.strip():
                        self._tampil(self.lap.isi(narasi[kunci].teks, lolos=render.md))
