"""Machine-readable exports of the computed tables: UTF-8 CSV, '.' decimal mark, no thousands
separator, unrounded; percentages in percent (94.97...), efisiensi as computed (a ratio by default)."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .compute import Hasil

KOLOM_KINERJA = ["iku", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian", "predikat",
                 "realisasi_tahun_lalu", "target_akhir_renstra", "tingkat_kemajuan", "pagu", "realisasi_anggaran",
                 "serapan", "efisiensi", "alokasi", "realisasi_nasional"]
KOLOM_ANGGARAN = ["tingkat", "program", "kegiatan", "sub_kegiatan", "sub_unit", "pagu", "realisasi", "serapan"]
KOLOM_WILAYAH = ["kelurahan", "luas_km2", "persen_luas", "laki_laki", "perempuan", "jumlah", "rasio_jenis_kelamin",
                 "kepadatan", "persen_penduduk"]


def mesin(nilai) -> str:
    """A value for a machine: integers as digits, other numbers unrounded with '.', None as empty."""
    if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)):
        return ""
    if isinstance(nilai, bool):
        return str(nilai).lower()
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, Decimal):
        if nilai == nilai.to_integral_value():
            return str(int(nilai))
        return repr(float(nilai))
    return str(nilai)


def tabel_kinerja(hasil: Hasil) -> pd.DataFrame:
    return pd.DataFrame([{
        "iku": k.kode, "sasaran": k.sasaran, "indikator": k.indikator, "satuan": k.satuan, "polaritas": k.polaritas,
        "target": k.target, "realisasi": k.realisasi, "capaian": k.capaian, "predikat": k.predikat,
        "realisasi_tahun_lalu": k.realisasi_tahun_lalu, "target_akhir_renstra": k.target_akhir_renstra,
        "tingkat_kemajuan": k.tingkat_kemajuan, "pagu": k.pagu, "realisasi_anggaran": k.realisasi_anggaran,
        "serapan": k.serapan, "efisiensi": k.efisiensi, "alokasi": k.alokasi, "realisasi_nasional": k.realisasi_nasional,
    } for k in hasil.kinerja], columns=KOLOM_KINERJA)


def tabel_anggaran(hasil: Hasil) -> pd.DataFrame:
    return hasil.anggaran[KOLOM_ANGGARAN]


def tabel_wilayah(hasil: Hasil) -> pd.DataFrame:
    return hasil.wilayah[KOLOM_WILAYAH]


TABEL_EKSPOR = {"kinerja.csv": tabel_kinerja, "anggaran.csv": tabel_anggaran, "wilayah.csv": tabel_wilayah}


def tulis_csv(df: pd.DataFrame, path: Path) -> None:
    """Write atomically: a reader never sees half a file, and a failure leaves the old file."""
    teks = df.map(mesin).to_csv(index=False, lineterminator="\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as berkas:
            berkas.write(teks)
        os.replace(sementara, path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def tulis_xlsx(tabel: dict[str, pd.DataFrame], path: Path) -> None:
    """All tables in one workbook, a sheet each; numbers stay numbers for Excel."""
    with pd.ExcelWriter(path, engine="openpyxl") as penulis:
        for nama, df in tabel.items():
            keluar = df.copy()
            for kolom in keluar.columns:  # Decimal -> float, which Excel stores; ints stay ints
                if keluar[kolom].map(lambda v: isinstance(v, Decimal)).any():
                    keluar[kolom] = keluar[kolom].map(lambda v: None if v is None else float(v))
            keluar.to_excel(penulis, sheet_name=nama.removesuffix(".csv"), index=False)


def ekspor(hasil: Hasil, keluaran: Path, nama_xlsx: str | None = None) -> list[Path]:
    """Write each computed table as CSV (and, with `nama_xlsx`, all of them as one workbook)."""
    # Build every table first, so a failure writes nothing.
    tabel = {nama: buat(hasil) for nama, buat in TABEL_EKSPOR.items()}
    ditulis = []
    for nama, df in tabel.items():
        path = keluaran / nama
        tulis_csv(df, path)
        ditulis.append(path)
    if nama_xlsx:
        tulis_xlsx(tabel, keluaran / nama_xlsx)
        ditulis.append(keluaran / nama_xlsx)
    return ditulis
