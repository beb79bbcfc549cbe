"""One entry point for a unit and year: load and check the data -> compute -> check the figures
against the sources -> name the values -> check the prose (and the chapters) -> a `Laporan`."""

from __future__ import annotations

from pathlib import Path

from ..dasar.temuan import DataTidakValid, Jenis
from ..hitung import anggaran_ganda, beda_sumber, periode
from ..hitung.hasil import hitung
from ..masukan.muat import muat
from .bab import periksa_bab
from .bahan import Laporan
from .nilai import nilai_nilai
from .periksa import periksa_prosa
from .tampilan import BIASA, DRAF


def siapkan(akar: Path, unit: str, tahun: int, draf: bool = False, folder_bab: Path | None = None) -> Laporan:
    """Load, check and compute one unit and year; raise DataTidakValid with every error.

    draf=True accepts figures not yet filled in: they are listed (`Laporan.belum_diisi`) and show
    as "[belum diisi]". With `folder_bab`, the chapters there are checked against the declared
    parts of the report too.
    """
    data, temuan = muat(akar, unit, tahun, draf)
    if data is None:
        raise DataTidakValid(temuan)
    hasil = hitung(data)
    beda_sumber.periksa(hasil, temuan)
    anggaran_ganda.periksa(hasil, temuan)
    periode.periksa(data, temuan)
    nilai = nilai_nilai(hasil)
    periksa_prosa(data, nilai, temuan)
    if folder_bab is not None:
        periksa_bab(folder_bab, temuan)
    if temuan.ada_galat:
        raise DataTidakValid(temuan)
    return Laporan(hasil, nilai, temuan, DRAF if draf and temuan.berjenis(Jenis.BELUM_DIISI) else BIASA,
                   draf=draf and bool(temuan.berjenis(Jenis.BELUM_DIISI) or temuan.berjenis(Jenis.BASI)))
