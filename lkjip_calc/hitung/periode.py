"""The periodic realisasi (triwulan or months) of the IKUs and of the budget, and the year each makes.

The year's realisasi of an IKU with periods is computed here once, unrounded, by its renstra.yaml
`gabung_periode` (`rumus.gabung_periode`), and feeds every figure of `hasil` (capaian, predikat,
...). Per period: the period's own figure and the figure to date ("s.d. periode") under the same
rule; for the budget, the cumulative realisasi and serapan. While a period is missing (a draft) the
year keeps the figure typed in realisasi_iku.csv / anggaran.csv, if any.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..dasar.angka import angka, beda_presisi, ribuan
from ..dasar.temuan import DaftarTemuan, Jenis, kolom
from ..masukan.baca import TRIWULAN, Baris
from ..masukan.periode import ANGGARAN_PERIODE, IKU_PERIODE, jenis_periode, kunci_anggaran
from ..masukan.tahun import DataTahun
from . import rumus

ROMAWI_TRIWULAN = ("I", "II", "III", "IV")
NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")
# How each rule makes the year and the figure to date, in words for the reader.
URAIAN_GABUNG = {
    "jumlah": "jumlah realisasi seluruh periode",
    "terakhir": "realisasi periode terakhir",
    "rata-rata": "rata-rata realisasi seluruh periode",
}
URAIAN_SD = {
    "jumlah": "jumlah realisasi sejak awal tahun",
    "terakhir": "realisasi periode itu sendiri (angka terakhir)",
    "rata-rata": "rata-rata realisasi sejak awal tahun",
}


def nama_periode(periode: str) -> str:
    """The period as a report names it: 'Triwulan I', 'Januari'."""
    if periode in TRIWULAN:
        return f"Triwulan {ROMAWI_TRIWULAN[TRIWULAN.index(periode)]}"
    return NAMA_BULAN[jenis_periode(periode).index(periode)]


def kata_jenis(periode: str) -> str:
    """'triwulan' or 'bulan'."""
    return "triwulan" if periode in TRIWULAN else "bulan"


@dataclass(frozen=True)
class PeriodeIku:
    """One period of an IKU's year (every period of its kind, the missing ones with no figure)."""

    periode: str                  # as written: 'TW1', 'Jan'
    nama: str                     # 'Triwulan I', 'Januari'
    realisasi: Decimal | None     # of the period
    sd_periode: Decimal | None    # to date, under the IKU's gabung_periode
    capaian_sd: Decimal | None    # of sd_periode against the year's target (none for a lower-is-better sum)


@dataclass(frozen=True)
class PeriodeAnggaran:
    """One period of the whole budget: the realisasi of the period, to date, and its serapan to date."""

    periode: str
    nama: str
    realisasi: int | None
    kumulatif: int | None
    serapan_kumulatif: Decimal | None


def baris_iku(data: DataTahun) -> dict[str, list[Baris]]:
    """realisasi_periode.csv by IKU, each IKU's rows in the year's order."""
    per: dict[str, list[Baris]] = defaultdict(list)
    for b in data.tabel[IKU_PERIODE]:
        per[b["iku"]].append(b)
    return {k: sorted(v, key=lambda b: jenis_periode(b["periode"]).index(b["periode"])) for k, v in per.items()}


def _nilai_per_periode(baris: list[Baris]) -> dict[str, Decimal | int | None]:
    """Every period of the rows' kind with its figure (None where missing), in year order."""
    ada = {b["periode"]: b["realisasi"] for b in baris}
    return {p: ada.get(p) for p in jenis_periode(baris[0]["periode"])}


def tahunan(baris: list[Baris] | None, cara: str | None, tertulis: Decimal | None) -> Decimal | None:
    """The IKU's year: from its periods when every one is given, else the figure typed (a draft)."""
    if not baris or cara is None:
        return tertulis
    dari_periode = rumus.gabung_periode(_nilai_per_periode(baris).values(), cara)
    return tertulis if dari_periode is None else dari_periode


def capaian_sd_berarti(cara: str | None, polaritas: str) -> bool:
    """Whether a capaian to date means something: not for a lower-is-better sum (a count that only
    grows through the year is no measure of the year before it ends)."""
    return cara is not None and not (cara == "jumlah" and polaritas == "negatif")


def per_periode(baris: list[Baris] | None, cara: str | None, target, polaritas: str, rumus_negatif: str,
                batas) -> tuple[PeriodeIku, ...]:
    """Each period of an IKU with its figure, its figure to date and the capaian to date against the
    year's target (where `capaian_sd_berarti`)."""
    if not baris or cara is None:
        return ()
    nilai = _nilai_per_periode(baris)
    urut = list(nilai.values())
    keluar = []
    for i, p in enumerate(nilai):
        sd = rumus.gabung_periode(urut[:i + 1], cara)
        capaian = rumus.capaian(sd, target, polaritas, rumus_negatif, batas) \
            if capaian_sd_berarti(cara, polaritas) else None
        keluar.append(PeriodeIku(p, nama_periode(p), nilai[p], sd, capaian))
    return tuple(keluar)


def _anggaran_per_baris(data: DataTahun) -> dict[tuple, dict[str, int | None]]:
    """anggaran_periode.csv by budget line: every period of its kind with its figure (None where missing)."""
    per: dict[tuple, list[Baris]] = defaultdict(list)
    for b in data.tabel[ANGGARAN_PERIODE]:
        per[kunci_anggaran(b)].append(b)
    return {k: _nilai_per_periode(v) for k, v in per.items()}


def realisasi_baris_anggaran(data: DataTahun) -> dict[int, int | None]:
    """The year's realisasi of each anggaran.csv line (by its line number) that has periods: their sum
    when every period is given, else the figure typed in anggaran.csv (a draft)."""
    per = _anggaran_per_baris(data)
    keluar = {}
    for b in data.tabel["anggaran.csv"]:
        nilai = per.get(kunci_anggaran(b))
        if nilai is not None:
            jumlah = rumus.jumlah_lengkap(nilai.values())
            keluar[b.nomor] = b["realisasi"] if jumlah is None else jumlah
    return keluar


def anggaran_periode(data: DataTahun, pagu: int | None) -> tuple[PeriodeAnggaran, ...]:
    """The whole budget per period: each period's realisasi summed over the budget lines, to date,
    and the serapan to date against the year's pagu. A period total is missing while a line lacks
    it (a draft), and so is every total to date from there."""
    per = _anggaran_per_baris(data)
    if not per:
        return ()
    jenis = jenis_periode(data.tabel[ANGGARAN_PERIODE][0]["periode"])
    baris = data.tabel["anggaran.csv"]
    keluar, kumulatif = [], 0
    for p in jenis:
        realisasi = rumus.jumlah_lengkap(per.get(kunci_anggaran(b), {}).get(p) for b in baris)
        kumulatif = None if kumulatif is None or realisasi is None else kumulatif + realisasi
        keluar.append(PeriodeAnggaran(p, nama_periode(p), realisasi, kumulatif, rumus.serapan(kumulatif, pagu)))
    return tuple(keluar)


def periksa(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Warnings where a year's realisasi is typed and also given by its periods, and the two differ;
    the report uses the figure from the periods."""
    cara_iku = {i.kode: i.gabung_periode for i in data.renstra.iku}
    per_iku = baris_iku(data)
    for b in data.tabel["realisasi_iku.csv"]:
        cara = cara_iku.get(b["iku"])
        if b["tahun"] != data.tahun or b["realisasi"] is None or b["iku"] not in per_iku or cara is None:
            continue
        dihitung = rumus.gabung_periode(_nilai_per_periode(per_iku[b["iku"]]).values(), cara)
        if dihitung is not None and beda_presisi(b["realisasi"], dihitung):
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("realisasi_iku.csv"),
                              f"realisasi tidak sama dengan realisasi tahunan dari {IKU_PERIODE}", baris=b.nomor,
                              kolom=kolom("realisasi"), ditemukan=angka(b["realisasi"], 4),
                              diharapkan=f"{angka(dihitung, 4)} ({URAIAN_GABUNG[cara]}); laporan memakai angka "
                                         "dari periode")
    per_anggaran = _anggaran_per_baris(data)
    for b in data.tabel["anggaran.csv"]:
        nilai = per_anggaran.get(kunci_anggaran(b))
        jumlah = None if nilai is None else rumus.jumlah_lengkap(nilai.values())
        if jumlah is not None and b["realisasi"] is not None and jumlah != b["realisasi"]:
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("anggaran.csv"),
                              f"realisasi tidak sama dengan jumlah realisasi per periode di {ANGGARAN_PERIODE}",
                              baris=b.nomor, kolom=kolom("realisasi"), ditemukan=ribuan(b["realisasi"]),
                              diharapkan=f"{ribuan(jumlah)} (jumlah periode); laporan memakai jumlahnya")
