"""One entry point for a unit and year: load -> check -> compute -> check the prose."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import prose
from .checks import periksa_sumber
from .compute import Hasil, hitung
from .errors import DaftarTemuan, DataTidakValid
from .load import muat
from .readers import BELUM_DIISI, jalur_teks
from .values import Nilai, nilai_nilai


@dataclass(frozen=True)
class Laporan:
    hasil: Hasil
    nilai: dict[str, Nilai]
    temuan: DaftarTemuan

    @property
    def belum_diisi(self) -> list:
        """Inputs still to be filled in (a draft)."""
        return [t for t in self.temuan.daftar if t.pesan == BELUM_DIISI]

    def isi(self, teks: str, lolos=None) -> str:
        return prose.isi(teks, self.nilai, lolos)


def _teks_yaml(berkas, data, awal=()):
    """(loc, string) of every string inside a parsed YAML structure."""
    if isinstance(data, str):
        yield awal, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _teks_yaml(berkas, v, awal + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _teks_yaml(berkas, v, awal + (i,))


def periksa_prosa(hasil: Hasil, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    d = hasil.data
    for narasi in d.narasi.values():
        prose.periksa(narasi.teks, prose.Tempat(narasi.path, narasi.baris_awal), nilai, temuan)
    for bagian in d.narasi_iku.values():
        for narasi in bagian.values():
            prose.periksa(narasi.teks, prose.Tempat(narasi.path, narasi.baris_awal), nilai, temuan)
    berkas_yaml = list(d.analisis_yaml.values()) + ([d.sumber_yaml] if d.sumber_yaml else [])
    for berkas in berkas_yaml:
        for loc, teks in _teks_yaml(berkas, berkas.data):
            prose.periksa(teks, prose.Tempat(berkas.path, berkas.baris(loc) or 1, jalur_teks(loc)), nilai, temuan)


def siapkan(akar: Path, unit: str, tahun: int, draf: bool = False) -> Laporan:
    """Load, check and compute one unit and year; raise DataTidakValid with every error.

    draf=True accepts figures not yet filled in: they are listed (`Laporan.belum_diisi`) and show
    as a placeholder.
    """
    data, temuan = muat(akar, unit, tahun, draf)
    if data is None:
        raise DataTidakValid(temuan)
    periksa_sumber(data, temuan)
    hasil = hitung(data)
    nilai = nilai_nilai(hasil)
    periksa_prosa(hasil, nilai, temuan)
    folder_bab = Path(__file__).resolve().parent.parent / "chapters"
    if folder_bab.is_dir():  # the book's chapters name the prose they show
        prose.periksa_narasi(data, folder_bab, temuan)
    if temuan.ada_galat:
        raise DataTidakValid(temuan)
    return Laporan(hasil, nilai, temuan)
