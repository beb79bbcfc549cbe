"""The report's parts, each declared once: chapters, tables, charts, prose files and their parts,
the sections of each IKU in BAB III, the source keys of sumber.yaml and the downloads.

Chapters name parts by these names (`buku.tabel("renstra")`); `lkjip check` rejects a name that
is not declared here with the chapter's file and line (`laporan.bab`), and matches the year's
prose files and sumber.yaml against them (`laporan.periksa`). _toc.yml is `daftar_isi()` written
out; a test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..hitung import periode as hp
from ..hitung.hasil import KinerjaIku, SasaranKinerja
from . import tabel
from .bahan import Laporan

# --- chapters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bab:
    nama: str                  # chapters/<nama>.md
    bagian: str | None = None  # caption of its part of the table of contents; None: the front page
    bernomor: bool = False     # numbered BAB I-IV
    # its tables and figures numbered in a series of their own after this word ("Tabel Lampiran 1"),
    # in the site as in the PDF (terbit.sphinx_ext; the LaTeX counters in chapters/bab4.md)
    seri_nomor: str | None = None


BAB = (
    Bab("sampul"),
    Bab("kata_pengantar", "Pengantar"),
    Bab("ikhtisar_eksekutif", "Pengantar"),
    Bab("bab1", "Isi Laporan", bernomor=True),
    Bab("bab2", "Isi Laporan", bernomor=True),
    Bab("bab3", "Isi Laporan", bernomor=True),
    Bab("bab4", "Isi Laporan", bernomor=True),
    Bab("lampiran", "Lampiran", seri_nomor="Lampiran"),
)
NAMA_BAB = tuple(b.nama for b in BAB)

# The tag of a chapter's cells (headings included) kept only for a unit with territory: a dinas
# has no geography section, and a heading printed by a code cell would not be numbered.
TAG_WILAYAH = "wilayah"

# The key of every output's metadata that says what the chapter had read of the prose and which
# files it wrote so far, and since the output before (`Buku._keluarkan`): a build reuses a
# chapter's cached run only while that prose is unchanged, and restores those files with it
# (terbit.cache_bab); when prose alone changed, it renders again the outputs that follow from it
# (terbit.narasi_ulang).
CATATAN = "lkjip"
# What a chapter reads of the prose, as paths in the year's folder; a whole folder ('narasi/')
# when it went through all of them, so that a file added later counts too.
FOLDER_NARASI = "narasi"
FOLDER_NARASI_IKU = "narasi/iku"


def daftar_isi() -> dict:
    """The Jupyter Book table of contents (_toc.yml) of the chapters above, in their order."""
    akar = next(b for b in BAB if b.bagian is None)
    bagian: list[dict] = []
    for b in BAB:
        if b.bagian is None:
            continue
        if not bagian or bagian[-1]["caption"] != b.bagian:
            bagian.append({"caption": b.bagian, **({"numbered": True} if b.bernomor else {}), "chapters": []})
        bagian[-1]["chapters"].append({"file": f"chapters/{b.nama}"})
    return {"format": "jb-book", "root": f"chapters/{akar.nama}", "parts": bagian}


# --- what captions may name ---------------------------------------------------------------


def konteks(lap: Laporan, k: KinerjaIku | SasaranKinerja | None = None) -> dict[str, object]:
    """The facts a caption or heading template may name: {unit}, {tahun}, {indikator} (of an IKU),
    {sasaran} and {nomor_sasaran} (of a sasaran), ..."""
    h = lap.hasil
    d = h.data
    isi: dict[str, object] = {
        "unit": d.unit.nama, "tahun": d.tahun, "tahun_lalu": d.tahun - 1, "periode": d.renstra.periode,
        "jabatan_kepala": d.unit.kepala.jabatan, "jenis_pk": d.pengaturan.perjanjian_kinerja.jenis,
        "skala": h.skala.nama, "jenis_unit": d.unit.jenis,
        # the parts of its territory, as a heading word: Kelurahan or Desa (none without territory)
        "bagian_wilayah": (d.bagian_wilayah or "").capitalize(),
        # 'Triwulan' or 'Bulan': the budget's periods (anggaran_periode.csv)
        "jenis_periode_anggaran": hp.kata_jenis(h.anggaran_periode[0].periode).capitalize()
        if h.anggaran_periode else "Periode",
    }
    if isinstance(k, SasaranKinerja):
        isi["sasaran"], isi["nomor_sasaran"] = k.nama, k.nomor
    elif k is not None:
        isi["indikator"] = k.indikator
        isi["jenis_periode"] = hp.kata_jenis(k.periode[0].periode).capitalize() if k.periode else "Periode"
    return isi


# --- tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TabelLaporan:
    nama: str
    judul: str                       # caption; {names} from `konteks`
    isi: Callable                    # tabel.<function>(lap, iku) -> tabel.Isi
    sumber: str | None = None        # key of its "Sumber" line in sumber.yaml
    per_iku: bool = False            # one table per IKU (BAB III), named <nama>-<iku>
    per_sasaran: bool = False        # one table per sasaran (BAB III, before its IKUs), named <nama>-<sasaran>
    nilai: tuple[str, ...] = ()      # the named values (laporan.nilai) it shows; {kode}: each IKU's,
                                     # {sasaran}: each sasaran's
    catatan: Callable | None = None  # tabel.<function>(lap, iku) -> str: a sentence under the table
    wilayah: bool = False            # of a unit with territory only (area, population): none for a dinas
    ada: Callable | None = None      # tabel.<function>(lap, iku) -> bool: shown only when true (optional data)

    def label(self, k: KinerjaIku | SasaranKinerja | None = None) -> str:
        return self.nama.replace("_", "-") + (f"-{k.kode}" if k is not None else "")

    def susun(self, lap: Laporan, k: KinerjaIku | SasaranKinerja | None = None) -> tabel.Tabel:
        iku = k.kode if self.per_iku and k is not None else None  # sumber.yaml's lines per IKU
        teks_sumber = lap.hasil.data.teks_sumber(self.sumber, iku) if self.sumber else None
        return tabel.Tabel(self.label(k), self.judul.format(**konteks(lap, k)), self.isi(lap, k),
                           lap.isi(teks_sumber) if teks_sumber else None,
                           self.catatan(lap, k) if self.catatan else None)


def _iku(*nama: str) -> tuple[str, ...]:
    return tuple(f"iku.{{kode}}.{n}" for n in nama)


def _sasaran(*nama: str) -> tuple[str, ...]:
    return tuple(f"sasaran.{{sasaran}}.{n}" for n in nama)


def _per_nama(*bagian):
    hasil = {}
    for b in bagian:
        if b.nama in hasil:
            raise ValueError(f"nama dideklarasikan dua kali: {b.nama}")
        hasil[b.nama] = b
    return hasil


TABEL: dict[str, TabelLaporan] = _per_nama(
    TabelLaporan("luas_wilayah", "Luas Wilayah per {bagian_wilayah} di {unit}", tabel.luas_wilayah, "luas_wilayah",
                 nilai=("wilayah.luas",), wilayah=True),
    TabelLaporan("penduduk", "Penduduk, Distribusi Persentase Penduduk, Kepadatan Penduduk, Rasio Jenis Kelamin "
                 "Penduduk Menurut {bagian_wilayah} di {unit}, {tahun}", tabel.penduduk, "penduduk", wilayah=True,
                 nilai=("penduduk.laki_laki", "penduduk.perempuan", "penduduk.jumlah", "penduduk.kepadatan",
                        "penduduk.rasio_jenis_kelamin")),
    TabelLaporan("renstra", "Sasaran Strategis dan Indikator Kinerja Strategis {unit}", tabel.renstra, "renstra",
                 nilai=("daftar.tujuan",)),
    TabelLaporan("program_kegiatan", "Keterkaitan Sasaran, Program dan Kegiatan", tabel.program_kegiatan,
                 "program_kegiatan", nilai=("daftar.program",)),
    TabelLaporan("perjanjian_kinerja", "Perjanjian Kinerja {jabatan_kepala} Tahun {tahun}", tabel.perjanjian_kinerja,
                 "perjanjian_kinerja", nilai=_iku("sasaran", "indikator", "target")),
    TabelLaporan("anggaran_program", "Anggaran Program Tahun {tahun}", tabel.anggaran_program, "anggaran_program",
                 nilai=("pk.sumber_dana",)),
    TabelLaporan("skala", "{skala}", tabel.skala, "skala", nilai=("skala.nama",)),
    TabelLaporan("capaian_sasaran", "Capaian Sasaran {nomor_sasaran}: {sasaran}", tabel.capaian_sasaran,
                 "capaian_sasaran", per_sasaran=True, nilai=_sasaran("nama", "capaian", "predikat")),
    TabelLaporan("capaian", "Perbandingan Target dan Realisasi Kinerja Tahun {tahun}: {indikator}", tabel.capaian,
                 "capaian", per_iku=True, nilai=_iku("target", "realisasi", "capaian", "predikat"),
                 catatan=tabel.catatan_capaian),
    TabelLaporan("realisasi_periode", "Realisasi Kinerja per {jenis_periode} Tahun {tahun}: {indikator}",
                 tabel.periode, "realisasi_periode", per_iku=True, nilai=_iku("realisasi", "target", "gabung_periode"),
                 catatan=tabel.catatan_periode, ada=tabel.ada_periode),
    TabelLaporan("tahun_lalu", "Perbandingan Realisasi Kinerja Tahun {tahun_lalu} dan Tahun {tahun}: {indikator}",
                 tabel.tahun_lalu, "tahun_lalu", per_iku=True,
                 nilai=_iku("target", "realisasi_tahun_lalu", "realisasi", "perubahan_tahun_lalu")),
    TabelLaporan("renstra_kemajuan", "Perbandingan Realisasi Kinerja Tahun {tahun} terhadap Target Akhir Renstra: "
                 "{indikator}", tabel.renstra_kemajuan, "renstra_kemajuan", per_iku=True,
                 nilai=_iku("realisasi", "target_akhir_renstra", "tingkat_kemajuan")),
    TabelLaporan("nasional", "Perbandingan Realisasi Kinerja Tahun {tahun} dengan Realisasi Nasional: {indikator}",
                 tabel.nasional, "nasional", per_iku=True, nilai=_iku("realisasi", "realisasi_nasional")),
    TabelLaporan("alokasi", "Alokasi Anggaran per Sasaran Tahun {tahun}: {indikator}", tabel.alokasi, "alokasi",
                 per_iku=True, nilai=_iku("pagu", "alokasi")),
    TabelLaporan("kinerja_anggaran", "Pencapaian Kinerja dan Anggaran Tahun {tahun}: {indikator}",
                 tabel.kinerja_anggaran, "kinerja_anggaran", per_iku=True,
                 nilai=_iku("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan")),
    TabelLaporan("efisiensi", "Efisiensi Penggunaan Sumber Daya Tahun {tahun}: {indikator}", tabel.efisiensi,
                 "efisiensi", per_iku=True, nilai=_iku("capaian", "serapan", "efisiensi")),
    TabelLaporan("penyebab", "Analisis Penyebab Keberhasilan (Peningkatan) dan Kegagalan (Penurunan) Kinerja: "
                 "{indikator}", tabel.penyebab, "penyebab", per_iku=True,
                 nilai=_iku("target", "realisasi_tahun_lalu", "realisasi")),
    TabelLaporan("program_penunjang", "Program/Kegiatan yang Menunjang Keberhasilan dan Kegagalan Pencapaian "
                 "Kinerja: {indikator}", tabel.program_penunjang, "program_penunjang", per_iku=True,
                 nilai=_iku("target", "realisasi_tahun_lalu", "realisasi")),
    TabelLaporan("realisasi_anggaran", "Realisasi Anggaran Tahun {tahun}", tabel.realisasi_anggaran,
                 "realisasi_anggaran", nilai=("anggaran.pagu", "anggaran.realisasi", "anggaran.serapan")),
    TabelLaporan("anggaran_periode", "Realisasi dan Serapan Anggaran per {jenis_periode_anggaran} Tahun {tahun}",
                 tabel.anggaran_periode, "anggaran_periode", nilai=("anggaran.realisasi", "anggaran.serapan"),
                 catatan=tabel.catatan_anggaran_periode, ada=tabel.ada_anggaran_periode),
    TabelLaporan("lampiran_target", "{jenis_pk} Tahun {tahun}: Target Kinerja", tabel.lampiran_target,
                 nilai=_iku("sasaran", "indikator", "target")),
    TabelLaporan("lampiran_anggaran", "{jenis_pk} Tahun {tahun}: Anggaran Program", tabel.anggaran_program,
                 nilai=("pk.sumber_dana",)),
)

# The keys sumber.yaml may have: one per table that prints a "Sumber" line; those of the per-IKU
# tables may also be given per IKU, under `iku: <kode>:`.
SUMBER = tuple(dict.fromkeys(t.sumber for t in TABEL.values() if t.sumber))
SUMBER_IKU = tuple(dict.fromkeys(t.sumber for t in TABEL.values() if t.sumber and t.per_iku))
# The tables shown once per sasaran in BAB III, under its heading and before its IKUs.
TABEL_SASARAN = tuple(n for n, t in TABEL.items() if t.per_sasaran)
if "iku" in SUMBER or set(SUMBER_IKU) & {t.sumber for t in TABEL.values() if not t.per_iku}:
    raise ValueError("kunci sumber 'iku' dipakai sumber.yaml untuk bagian per IKU, dan kunci per IKU tidak "
                     "boleh dipakai tabel yang bukan per IKU")


# --- charts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GambarLaporan:
    nama: str
    judul: str             # caption; {names} from `konteks`
    fungsi: str            # the function of `grafik` that draws it: (lap, iku) -> (figure, alt text) or None
    per_iku: bool = False
    wilayah: bool = False  # of a unit with territory only

    def buat(self, lap, k: KinerjaIku | None = None):
        from . import grafik  # matplotlib: imported by the chapters that draw, not by every command

        return getattr(grafik, self.fungsi)(lap, k)

    def label(self, k: KinerjaIku | None = None) -> str:
        return (f"{self.nama}-{k.kode}" if k is not None else self.nama).replace("_", "-")


GAMBAR: dict[str, GambarLaporan] = _per_nama(
    GambarLaporan("capaian_iku", "Capaian Kinerja per Indikator Kinerja Utama Tahun {tahun}", "capaian_iku"),
    GambarLaporan("struktur_organisasi", "Struktur Organisasi {unit}", "struktur_organisasi"),
    GambarLaporan("penduduk_kelurahan", "Jumlah Penduduk per {bagian_wilayah} menurut Jenis Kelamin, {tahun}",
                  "penduduk_kelurahan", wilayah=True),
    GambarLaporan("renstra", "Realisasi dan Target Renstra {periode}: {indikator}", "renstra_iku", per_iku=True),
    GambarLaporan("realisasi_periode", "Realisasi Kinerja per {jenis_periode} Tahun {tahun}: {indikator}",
                  "periode_iku", per_iku=True),
    GambarLaporan("serapan_periode", "Realisasi Anggaran per {jenis_periode_anggaran} dan Serapan s.d. Periode "
                  "Tahun {tahun}", "serapan_periode"),
    GambarLaporan("serapan_program", "Pagu, Realisasi dan Serapan Anggaran per Program Tahun {tahun}",
                  "serapan_program"),
)


# --- prose --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BerkasNarasi:
    nama: str                        # data/<unit>/<tahun>/narasi/<nama>.md
    bagian: tuple[str, ...] = ("awal",)  # its parts: the text before the first '<!-- name -->' is 'awal'
    wilayah: bool = False  # shown for a unit with territory only (a dinas has no geography section)


NARASI: dict[str, BerkasNarasi] = _per_nama(
    BerkasNarasi("kata_pengantar"),
    BerkasNarasi("ikhtisar_eksekutif"),
    BerkasNarasi("bab1_geografi", wilayah=True),
    BerkasNarasi("bab1_kedudukan"),
    BerkasNarasi("bab1_struktur"),
    BerkasNarasi("bab1_kewenangan"),
    BerkasNarasi("bab1_permasalahan"),
    BerkasNarasi("bab2_renstra", ("awal", "tujuan", "sasaran", "setelah-tabel")),
    BerkasNarasi("bab2_program", ("awal", "setelah-tabel")),
    BerkasNarasi("bab2_pk", ("awal", "setelah-tabel", "anggaran")),
    BerkasNarasi("bab3_pengantar", ("awal", "setelah-tabel")),
    BerkasNarasi("bab3_efisiensi"),
    BerkasNarasi("bab3_anggaran"),
    BerkasNarasi("bab4_kesimpulan"),
    BerkasNarasi("bab4_tindak_lanjut"),
    BerkasNarasi("pk_pernyataan"),
)


# --- BAB III: the analyses of each IKU ------------------------------------------------------


@dataclass(frozen=True)
class BagianIku:
    """One analysis of an IKU: its heading, its table, an optional chart, and the '## <kunci>'
    section of narasi/iku/<iku>.md printed after them."""

    kunci: str
    judul: str            # heading; {names} from `konteks`
    tabel: str            # a per-IKU table of TABEL
    gambar: str | None = None


BAGIAN_IKU = (
    BagianIku("capaian", "Capaian Kinerja Tahun {tahun}", "capaian"),
    # only for an IKU with realisasi per period (the table's `ada`); the letters of the others follow on
    BagianIku("periode", "Perkembangan Realisasi Kinerja per {jenis_periode} Tahun {tahun}", "realisasi_periode",
              gambar="realisasi_periode"),
    BagianIku("tahun_lalu", "Perbandingan Realisasi Kinerja Tahun {tahun_lalu} terhadap Tahun {tahun}", "tahun_lalu"),
    BagianIku("renstra", "Perbandingan Realisasi Kinerja Tahun {tahun} sampai Akhir Periode Renstra",
              "renstra_kemajuan", gambar="renstra"),
    BagianIku("nasional", "Perbandingan Realisasi Kinerja dengan Realisasi Nasional", "nasional"),
    BagianIku("alokasi", "Alokasi Anggaran per Sasaran", "alokasi"),
    BagianIku("kinerja_anggaran", "Pencapaian Kinerja dan Anggaran Tahun {tahun}", "kinerja_anggaran"),
    BagianIku("efisiensi", "Efisiensi Penggunaan Sumber Daya Tahun {tahun}", "efisiensi"),
    BagianIku("penyebab", "Analisis Penyebab Keberhasilan (Peningkatan) dan Kegagalan (Penurunan) Kinerja serta "
                          "Solusi yang Telah Dilakukan", "penyebab"),
    BagianIku("program", "Analisis Program/Kegiatan yang Menunjang Keberhasilan dan Kegagalan Pencapaian Kinerja",
              "program_penunjang"),
)
KUNCI_BAGIAN_IKU = tuple(b.kunci for b in BAGIAN_IKU)
for _b in BAGIAN_IKU:  # a section names a declared per-IKU table and chart, or the module does not load
    if not TABEL[_b.tabel].per_iku or (_b.gambar is not None and not GAMBAR[_b.gambar].per_iku):
        raise ValueError(f"bagian IKU {_b.kunci}: tabel/gambar harus per IKU")


# --- what a chapter may call ------------------------------------------------------------------

# Each method of `buku.Buku` a chapter may call, with the declared names its first argument takes
# (None: it takes no name). A test keeps this equal to the methods of Buku.
PANGGILAN: dict[str, dict | None] = {
    "narasi": NARASI,
    "tabel": {n: t for n, t in TABEL.items() if not t.per_iku and not t.per_sasaran},
    "gambar": {n: g for n, g in GAMBAR.items() if not g.per_iku},
    "sampul": None,
    "unduhan": None,
    "tanda_tangan": None,
    "tanda_tangan_pk": None,
    "pk_pindaian": None,
    "susunan_organisasi": None,
    "tusi": None,
    "analisis_iku": None,
    "daftar_tabel_gambar": None,
}

# The MyST directive of the site's Daftar Tabel and Daftar Gambar: a placeholder that the book's
# Sphinx extension (terbit.sphinx_ext) fills, once every table and figure is numbered, with their
# numbered captions; the PDF has LaTeX's own lists.
ARAHAN_DAFTAR_TABEL_GAMBAR = "daftar-tabel-gambar"


# --- downloads --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unduhan:
    berkas: str
    keterangan: str
    wilayah: bool = False  # published for a unit with territory only
    periode: bool = False  # published for a unit with realisasi per period only


# The machine-readable tables a build publishes (terbit.ekspor writes them), in the order listed.
UNDUHAN = (
    Unduhan("kinerja.csv", "Kinerja per IKU (CSV)"),
    Unduhan("sasaran.csv", "Capaian per sasaran (CSV)"),
    Unduhan("anggaran.csv", "Realisasi anggaran per program, kegiatan dan sub kegiatan (CSV)"),
    Unduhan("wilayah.csv", "Wilayah dan penduduk per {bagian_wilayah} (CSV)", wilayah=True),
    Unduhan("realisasi_periode.csv", "Realisasi IKU per triwulan atau bulan (CSV)", periode=True),
)


def nama_berkas(unit: str, tahun: int, akhiran: str) -> str:
    """The name of the report's PDF or workbook: lkjip-<unit>-<tahun>.<akhiran>."""
    return f"lkjip-{unit}-{tahun}.{akhiran}"


def nama_pk_pindaian(tahun: int) -> str:
    """The name the signed, scanned PK (laporan.yaml `perjanjian_kinerja.pindaian`) is published
    under in the site's downloads and included from in the PDF: generated, never the user's name."""
    return f"perjanjian-kinerja-{tahun}-ditandatangani.pdf"
