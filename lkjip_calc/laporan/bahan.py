"""`Laporan`: one unit and year ready to be reported: its computed figures, their named values,
the findings of the checks, and how missing values are shown."""

from __future__ import annotations

from dataclasses import dataclass

from ..dasar.temuan import DaftarTemuan, Jenis, Temuan
from ..hitung.hasil import Hasil
from . import prosa
from .nilai import Nilai
from .tampilan import Tampilan


@dataclass(frozen=True)
class Laporan:
    hasil: Hasil
    nilai: dict[str, Nilai]
    temuan: DaftarTemuan
    tampilan: Tampilan
    draf: bool = False  # prepared as a draft with something unfinished: figures to fill in, or stale prose

    @property
    def belum_diisi(self) -> list[Temuan]:
        """Inputs still to be filled in (a draft)."""
        return self.temuan.berjenis(Jenis.BELUM_DIISI)

    @property
    def basi(self) -> list[Temuan]:
        """Prose files still the same as the previous year's (`masukan.basi`)."""
        return self.temuan.berjenis(Jenis.BASI)

    def isi(self, teks: str, lolos=None) -> str:
        """Prose with its placeholders filled in (each value escaped by `lolos`)."""
        return prosa.isi(teks, self.nilai, self.tampilan, lolos)
