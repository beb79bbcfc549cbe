"""The shape of each YAML input file (pydantic models); data/README.md documents the same keys."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationInfo, field_validator, model_validator

from .baca import BATAS_BULAT, BATAS_RUPIAH, DIGIT_BULAT, DIGIT_PECAHAN, POLA_BULAN, POLA_KODE, tolak

# Names of the configurable methods, as written in laporan.yaml and renstra.yaml; the formulas
# (hitung.rumus) implement each of them.
POLARITAS = ("positif", "negatif")
CAPAIAN_NEGATIF = ("permenpanrb-8-2021", "target-per-realisasi", "realisasi-per-target")
EFISIENSI = ("capaian-per-serapan", "serapan-per-capaian", "selisih")
TINGKAT_KEMAJUAN = ("selisih", "rasio")
# How an IKU's periods (realisasi_periode.csv) make its year: their sum, the last period's value, their mean.
GABUNG_PERIODE = ("jumlah", "terakhir", "rata-rata")
# Paper sizes of the PDF and the DOCX (laporan.yaml `kertas`): A4, or F4 (folio) that many pemda
# print on; width and height in mm.
UKURAN_KERTAS = {"A4": (210, 297), "F4": (215, 330)}
KERTAS = tuple(UKURAN_KERTAS)

BULAN = POLA_BULAN
# Codes are referred to from CSV files, where the same pattern is enforced.
Kode = Annotated[str, Field(pattern=POLA_KODE)]
# Numbers within the plausible sizes the CSV readers enforce too (baca.BATAS_*).
Angka = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=DIGIT_BULAT + DIGIT_PECAHAN,
                                 decimal_places=DIGIT_PECAHAN)]
Positif = Annotated[Decimal, Field(gt=0, allow_inf_nan=False, max_digits=DIGIT_BULAT + DIGIT_PECAHAN,
                                decimal_places=DIGIT_PECAHAN)]
TidakNegatif = Annotated[Decimal, Field(ge=0, allow_inf_nan=False, max_digits=DIGIT_BULAT + DIGIT_PECAHAN,
                                       decimal_places=DIGIT_PECAHAN)]
Rupiah = Annotated[int, Field(ge=0, lt=BATAS_RUPIAH)]
Jumlah = Annotated[int, Field(ge=0, lt=BATAS_BULAT)]
Tahun = Annotated[int, Field(ge=1900, le=2199)]


class Ketat(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- unit.yaml ---------------------------------------------------------------------------

class Batas(Ketat):
    utara: str
    timur: str
    selatan: str
    barat: str


class Geografi(Ketat):
    ketinggian_mdpl: Angka
    lintang: str
    bujur: str
    suhu_maks: Angka | None = None
    suhu_min: Angka | None = None
    batas: Batas
    sumber_peta: str | None = None


class Pejabat(Ketat):
    jabatan: str
    nama: str
    pangkat: str | None = None
    nip: str | None = None


class DasarHukum(Ketat):
    kode: str
    judul: str


class Unit(Ketat):
    kode: Kode
    jenis: str  # the word for the unit's kind in the report: Kecamatan, Dinas, Badan, Sekretariat, ...
    nama: str
    nama_singkat: str
    pemerintah: str
    daerah: str
    kota: str
    # A unit with territory (wilayah.csv, penduduk.csv): what its parts are, where it lies.
    bagian_wilayah: Literal["kelurahan", "desa"] | None = None  # None: from wilayah.csv's first column
    ibukota: str | None = None
    geografi: Geografi | None = None
    kepala: Pejabat
    atasan: Pejabat
    permasalahan: list[str]
    dasar_hukum: list[DasarHukum] = []
    # The pemda's logo on the cover: a PNG or JPEG file, its path relative to the year folder
    # (e.g. gambar/logo-kota.png); checked by masukan.gambar.
    logo: str | None = None


# --- organisasi.yaml ---------------------------------------------------------------------

class Jabatan(Ketat):
    jabatan: str
    bawahan: list[Jabatan] = []


# How the lists of a post's fungsi and rincian tugas are printed: bullets, or lettered a., b., c.
# as regulations letter them (the letters are the printer's, never part of the data's text).
BUTIR = ("titik", "huruf")


class Tusi(Ketat):
    jabatan: str
    tingkat: str
    tugas: str | None = None
    fungsi: list[str] = []
    rincian_tugas: list[str] = []
    butir: Literal[BUTIR] | None = None  # type: ignore[valid-type]  # None: Organisasi.butir


class Organisasi(Ketat):
    dasar: str
    struktur: list[Jabatan]
    tusi: list[Tusi]
    butir: Literal[BUTIR] = "titik"  # type: ignore[valid-type]

    def butir_tusi(self, t: Tusi) -> str:
        """How the lists of `t` are printed: its own setting, else the file's."""
        return t.butir or self.butir


# --- renstra.yaml ------------------------------------------------------------------------

class Tujuan(Ketat):
    kode: Kode
    nama: str


class Sasaran(Ketat):
    kode: Kode
    tujuan: Kode
    nama: str


class Iku(Ketat):
    kode: Kode
    sasaran: Kode
    indikator: str
    singkatan: str | None = None
    satuan: str
    polaritas: Literal[POLARITAS]  # type: ignore[valid-type]
    rumus: str | None = None
    rumus_capaian_negatif: Literal[CAPAIAN_NEGATIF] | None = None  # type: ignore[valid-type]
    gabung_periode: Literal[GABUNG_PERIODE] | None = None  # type: ignore[valid-type]


class Renstra(Ketat):
    dokumen: str
    tahun_awal: Tahun
    tahun_akhir: Tahun
    periode_berikut: str | None = None
    tujuan: list[Tujuan]
    sasaran: list[Sasaran]
    iku: list[Iku]

    @field_validator("tahun_akhir")
    @classmethod
    def _periode(cls, v, info: ValidationInfo):
        awal = info.data.get("tahun_awal")
        if awal is not None and v < awal:
            raise tolak("tahun_akhir Renstra lebih awal daripada tahun_awal", f"tahun {awal} atau sesudahnya")
        return v

    @property
    def periode(self) -> str:
        return f"{self.tahun_awal}-{self.tahun_akhir}"


# --- laporan.yaml ------------------------------------------------------------------------

class PerjanjianKinerja(Ketat):
    jenis: str = "Perjanjian Kinerja"
    tanggal: str | None = Field(pattern=BULAN)  # None until filled in (a new year); checked in load
    sumber_dana: str
    # The signed, scanned PK (a PDF, path relative to the year folder, e.g.
    # lampiran/perjanjian-kinerja.pdf): its pages follow the typed statement in the Lampiran.
    # Signed for one year only: `lkjip new-year` drops this key and does not copy the file.
    pindaian: str | None = None

    @property
    def tanggal_date(self) -> datetime.date:
        return datetime.date(int(self.tanggal[:4]), int(self.tanggal[5:]), 1)


class Metode(Ketat):
    skala_predikat: Kode  # a file name in data/skala/, never a path
    capaian_negatif: Literal[CAPAIAN_NEGATIF] = "permenpanrb-8-2021"  # type: ignore[valid-type]
    efisiensi: Literal[EFISIENSI] = "capaian-per-serapan"  # type: ignore[valid-type]
    tingkat_kemajuan: Literal[TINGKAT_KEMAJUAN] = "rasio"  # type: ignore[valid-type]
    batas_capaian: Positif | None = None


class Dinyatakan(Ketat):
    """Totals as printed in the source documents; checked against the sum of their parts."""

    luas_km2: Positif | None = None
    penduduk_laki_laki: Jumlah | None = None
    penduduk_perempuan: Jumlah | None = None
    penduduk_jumlah: Jumlah | None = None
    pagu: Rupiah | None = None
    realisasi_anggaran: Rupiah | None = None
    serapan: TidakNegatif | None = None  # the overall serapan %, as printed; its decimals as written (hitung.beda_sumber)


class Pengaturan(Ketat):
    """laporan.yaml: the settings of this year's report."""

    tempat: str
    tanggal_laporan: str | None = Field(pattern=BULAN)  # None until filled in (a new year); checked in load
    perjanjian_kinerja: PerjanjianKinerja
    metode: Metode
    dinyatakan: Dinyatakan = Dinyatakan()
    kertas: Literal[KERTAS] = "A4"  # type: ignore[valid-type]

    @property
    def tanggal_laporan_date(self) -> datetime.date:
        return datetime.date(int(self.tanggal_laporan[:4]), int(self.tanggal_laporan[5:]), 1)


# --- gambar/gambar.yaml -------------------------------------------------------------------

class GambarModel(Ketat):
    """One image the prose places by name (`<!-- gambar: nama -->`): its file and caption."""

    berkas: str  # PNG or JPEG, relative to the year folder (e.g. gambar/peta-wilayah.png)
    judul: str   # the caption after "Gambar 1.1"
    alt: str     # what the image shows, for readers who cannot see it
    sumber: str | None = None  # the "Sumber:" line under the figure


class DaftarGambar(RootModel[dict[Kode, GambarModel]]):
    """gambar/gambar.yaml: image name (a code, e.g. peta-wilayah) -> its declaration."""


# --- data/skala/*.yaml -------------------------------------------------------------------

class PitaModel(Ketat):
    predikat: str
    lebih_dari: Angka | None = None
    paling_sedikit: Angka | None = None

    @model_validator(mode="after")
    def _satu_batas(self):
        if self.lebih_dari is not None and self.paling_sedikit is not None:
            raise tolak("pita berisi dua batas", "salah satu saja: lebih_dari atau paling_sedikit",
                        ditemukan=f"lebih_dari {self.lebih_dari} dan paling_sedikit {self.paling_sedikit}")
        return self


class SkalaModel(Ketat):
    nama: str
    dasar_hukum: str
    batas_atas: Angka | None = None
    pita: list[PitaModel] = Field(min_length=1)

    @field_validator("pita")
    @classmethod
    def _urut(cls, pita):
        batas = [p.lebih_dari if p.lebih_dari is not None else p.paling_sedikit for p in pita]
        for i, b in enumerate(batas[:-1]):
            if b is None:
                raise tolak("hanya pita terakhir (terendah) yang boleh tanpa batas",
                            "lebih_dari atau paling_sedikit di setiap pita kecuali yang terakhir",
                            ditemukan=f"pita ke-{i + 1} ({pita[i].predikat}) tanpa batas")
        angka = [b for b in batas if b is not None]
        urutan = ", ".join(str(b) for b in angka)
        if any(a <= b for a, b in zip(angka, angka[1:], strict=False)):
            raise tolak("batas pita harus menurun dari pita tertinggi ke terendah", "batas yang makin kecil dari "
                        "pita pertama ke pita terakhir", ditemukan=f"batas {urutan}")
        return pita


# --- analisis/<iku>.yaml ----------------------------------------------------

class Analisis(Ketat):
    iku: str
    penyebab: list[str] = []
    solusi: list[str] = []
    analisis_program: dict[str, str] = {}
    analisis_kegiatan: dict[str, str] = {}


# --- sumber.yaml -------------------------------------------------------------------------

class Sumber(BaseModel):
    """sumber.yaml: the "Sumber" line printed under each table, by the table's source key, and
    under `iku:` the lines of one IKU's tables where they differ from that default:

        capaian: Dokumen Pengukuran Kinerja Tahun {{ tahun }}     # every IKU's capaian table
        iku:
          ikm:
            capaian: Hasil Survey Kepuasan Masyarakat Tahun {{ tahun }}

    One `iku:` block per IKU rather than a mapping per table kind (`capaian: {bawaan: .., ikm: ..}`):
    the source document lists its sources IKU by IKU, so one IKU's block is copied from one section
    of it, and a flat file of defaults (the earlier shape) stays valid as it is.

    The keys are the report's: the check of the report (laporan.periksa) matches the table keys
    against the declared tables and the IKU codes against the Renstra, so a misspelt key is named
    with its line.
    """

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, str | None] = Field(init=False)  # the defaults: table key -> text

    iku: dict[str, dict[str, str | None]] = {}

    @property
    def bawaan(self) -> dict[str, str | None]:
        """The default line of each table key (every key but `iku`)."""
        return dict(self.__pydantic_extra__ or {})
