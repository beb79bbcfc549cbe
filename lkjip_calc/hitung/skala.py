"""Predikat scales: which word a capaian earns. The bands are data (data/skala/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..dasar.angka import bulat
from ..masukan.model import SkalaModel


@dataclass(frozen=True)
class Pita:
    """One band: capaian > lebih_dari, or capaian >= paling_sedikit, or (lowest band) anything."""

    predikat: str
    lebih_dari: Decimal | None = None
    paling_sedikit: Decimal | None = None

    def memuat(self, nilai: Decimal) -> bool:
        if self.lebih_dari is not None:
            return nilai > self.lebih_dari
        if self.paling_sedikit is not None:
            return nilai >= self.paling_sedikit
        return True


@dataclass(frozen=True)
class Skala:
    kode: str
    nama: str
    dasar_hukum: str
    pita: tuple[Pita, ...]  # highest band first
    batas_atas: Decimal | None = None

    @classmethod
    def dari_model(cls, kode: str, model: SkalaModel) -> Skala:
        return cls(kode=kode, nama=model.nama, dasar_hukum=model.dasar_hukum, batas_atas=model.batas_atas,
                   pita=tuple(Pita(p.predikat, p.lebih_dari, p.paling_sedikit) for p in model.pita))

    def predikat(self, capaian: Decimal | None) -> str | None:
        """The band of a capaian.

        The capaian is classified as the reader sees it, rounded half-up to two decimals by the
        same `bulat` the report displays with, so a table can never show 90,00 next to the band
        "> 90". Above the top band's range it takes the top band; below the lowest bound, the lowest band.
        """
        if capaian is None:
            return None
        nilai = bulat(capaian, 2)
        for pita in self.pita:
            if pita.memuat(nilai):
                return pita.predikat
        return self.pita[-1].predikat
