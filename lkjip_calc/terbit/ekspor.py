"""Machine-readable exports of the computed figures: UTF-8 CSV, '.' decimal mark, no thousands
separator, unrounded; percentages in percent (94.97...), efisiensi as computed (a ratio by
default). The same tables go, one sheet each, into one XLSX workbook, dated by the build's
SOURCE_DATE_EPOCH (`reproduksi`) rather than the clock: same figures, same bytes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..dasar.berkas import simpan_atomik, teks_csv, tulis_atomik
from ..hitung.hasil import Hasil
from .manifest import berkas_data
from .reproduksi import epoch_sumber, waktu_utc, zip_tetap

KOLOM_KINERJA = ["iku", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian", "predikat",
                 "realisasi_tahun_lalu", "target_akhir_renstra", "tingkat_kemajuan", "pagu", "realisasi_anggaran",
                 "serapan", "efisiensi", "alokasi", "realisasi_nasional"]
KOLOM_SASARAN = ["sasaran", "nama", "jumlah_iku", "capaian", "predikat"]
KOLOM_ANGGARAN = ["tingkat", "program", "kegiatan", "sub_kegiatan", "sub_unit", "pagu", "realisasi", "serapan"]
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


def tabel_wilayah(hasil: Hasil) -> pd.DataFrame | None:
    """Area and population per kelurahan (its first column headed `desa` for a unit of desa);
    None for a unit without territory, which publishes no such table."""
    bagian = hasil.data.bagian_wilayah
    if bagian is None:
        return None
    return hasil.wilayah[KOLOM_WILAYAH].rename(columns={"kelurahan": bagian})


# One function per download declared in laporan.daftar.UNDUHAN (a test keeps the two equal).
TABEL_EKSPOR = {"kinerja.csv": tabel_kinerja, "sasaran.csv": tabel_sasaran, "anggaran.csv": tabel_anggaran,
                "wilayah.csv": tabel_wilayah}


def teks_tabel(df: pd.DataFrame) -> str:
    """A table as CSV text for machines."""
    return teks_csv([list(df.columns)] + df.astype(object).values.tolist())


def tulis_xlsx(tabel: dict[str, pd.DataFrame], path: Path, epoch: int) -> None:
    """All tables in one workbook, a sheet each; numbers stay numbers for Excel. The workbook's
    created/modified and its zip entries are dated `epoch` (seconds since 1970, UTC)."""
    with simpan_atomik(path) as sementara:
        with pd.ExcelWriter(sementara, engine="openpyxl") as penulis:
            waktu = waktu_utc(epoch).replace(tzinfo=None)  # openpyxl takes UTC without a zone
            penulis.book.properties.created = penulis.book.properties.modified = waktu
            for nama, df in tabel.items():
                keluar = df.copy()
                for kolom in keluar.columns:  # Decimal -> float, which Excel stores; ints stay ints
                    if keluar[kolom].map(lambda v: isinstance(v, Decimal)).any():
                        keluar[kolom] = keluar[kolom].map(lambda v: None if v is None else float(v))
                keluar.to_excel(penulis, sheet_name=nama.removesuffix(".csv"), index=False)
        sementara.write_bytes(zip_tetap(sementara.read_bytes(), epoch))  # openpyxl dates its save by the clock


def ekspor(hasil: Hasil, keluaran: Path, nama_xlsx: str | None = None, epoch: int | None = None) -> list[Path]:
    """Write each computed table as CSV (and, with `nama_xlsx`, all of them as one workbook dated
    `epoch`; by default SOURCE_DATE_EPOCH or the newest data file's time, `reproduksi.epoch_sumber`)."""
    # Build every table first, so a failure writes nothing.
    tabel = {nama: df for nama, buat in TABEL_EKSPOR.items() if (df := buat(hasil)) is not None}
    ditulis = []
    for nama, df in tabel.items():
        tulis_atomik(keluaran / nama, teks_tabel(df))
        ditulis.append(keluaran / nama)
    if nama_xlsx:
        tulis_xlsx(tabel, keluaran / nama_xlsx, epoch_sumber(berkas_data(hasil.data).values()) if epoch is None else epoch)
        ditulis.append(keluaran / nama_xlsx)
    return ditulis
