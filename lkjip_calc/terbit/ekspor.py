"""Machine-readable exports of the computed figures: UTF-8 CSV, '.' decimal mark, no thousands
separator, unrounded; percentages in percent (94.97...), efisiensi as computed (a ratio by
default). For people, the report's own tables as printed go into an XLSX (`tabel_xlsx`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..dasar.berkas import teks_csv, tulis_atomik
from ..hitung.hasil import Hasil

KOLOM_KINERJA = ["iku", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian", "predikat",
                 "realisasi_tahun_lalu", "target_akhir_renstra", "tingkat_kemajuan", "pagu", "realisasi_anggaran",
                 "serapan", "efisiensi", "alokasi", "realisasi_nasional"]
KOLOM_SASARAN = ["sasaran", "nama", "jumlah_iku", "capaian", "predikat"]
KOLOM_ANGGARAN = ["tingkat", "program", "kegiatan", "sub_kegiatan", "sub_unit", "pagu", "realisasi", "serapan"]
KOLOM_PERIODE = ["iku", "periode", "realisasi", "realisasi_sd_periode", "capaian_sd_periode", "gabung_periode"]
KOLOM_WILAYAH = ["kelurahan", "luas_km2", "persen_luas", "laki_laki", "perempuan", "jumlah", "rasio_jenis_kelamin",
                 "kepadatan", "persen_penduduk"]


def tabel_kinerja(hasil: Hasil) -> pd.DataFrame:
    nama_kolom = {"iku": "kode"}  # export column -> KinerjaIku field, where they differ
    return pd.DataFrame([{kol: getattr(k, nama_kolom.get(kol, kol)) for kol in KOLOM_KINERJA} for k in hasil.kinerja],
                        columns=KOLOM_KINERJA, dtype=object)


def tabel_sasaran(hasil: Hasil) -> pd.DataFrame:
    nama_kolom = {"sasaran": "kode"}  # export column -> SasaranKinerja field, where they differ
    return pd.DataFrame([{kol: getattr(s, nama_kolom.get(kol, kol)) for kol in KOLOM_SASARAN} for s in hasil.sasaran],
                        columns=KOLOM_SASARAN, dtype=object)


def tabel_anggaran(hasil: Hasil) -> pd.DataFrame:
    return hasil.anggaran[KOLOM_ANGGARAN]


def tabel_periode(hasil: Hasil) -> pd.DataFrame | None:
    """Each period of each IKU that has periods; None when none has (no such table is published)."""
    if not any(k.periode for k in hasil.kinerja):
        return None
    return pd.DataFrame([{"iku": k.kode, "periode": p.periode, "realisasi": p.realisasi,
                          "realisasi_sd_periode": p.sd_periode, "capaian_sd_periode": p.capaian_sd,
                          "gabung_periode": k.gabung_periode} for k in hasil.kinerja for p in k.periode],
                        columns=KOLOM_PERIODE, dtype=object)


def tabel_wilayah(hasil: Hasil) -> pd.DataFrame | None:
    """Area and population per kelurahan (its first column headed `desa` for a unit of desa);
    None for a unit without territory, which publishes no such table."""
    bagian = hasil.data.bagian_wilayah
    if bagian is None:
        return None
    return hasil.wilayah[KOLOM_WILAYAH].rename(columns={"kelurahan": bagian})


# One function per download declared in laporan.daftar.UNDUHAN (a test keeps the two equal).
TABEL_EKSPOR = {"kinerja.csv": tabel_kinerja, "sasaran.csv": tabel_sasaran, "anggaran.csv": tabel_anggaran,
                "wilayah.csv": tabel_wilayah, "realisasi_periode.csv": tabel_periode}


def tabel_ekspor(hasil: Hasil) -> dict[str, pd.DataFrame]:
    """The tables this unit and year publish: a unit without territory has no wilayah.csv, one
    without realisasi per period no realisasi_periode.csv."""
    return {nama: df for nama, buat in TABEL_EKSPOR.items() if (df := buat(hasil)) is not None}


def teks_tabel(df: pd.DataFrame) -> str:
    """A table as CSV text for machines."""
    return teks_csv([list(df.columns)] + df.astype(object).values.tolist())


def ekspor(hasil: Hasil, keluaran: Path) -> list[Path]:
    """Write each computed table as CSV. (The XLSX of the report's printed tables is written by
    `lkjip build` from the built site: `tabel_xlsx`.)"""
    # Build every table first, so a failure writes nothing.
    tabel = tabel_ekspor(hasil)
    ditulis = []
    for nama, df in tabel.items():
        tulis_atomik(keluaran / nama, teks_tabel(df))
        ditulis.append(keluaran / nama)
    return ditulis
