"""Predikat scales: which word a capaian earns. The bands are data (data/skala/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import formatting


@dataclass(frozen=True)
class Pita:
    """One band: capaian > lebih_dari, or capaian >= paling_sedikit, or (lowest band) anything."""

    predikat: str
    lebih_dari: Decimal | None = None
    paling_sedikit: Decimal | None = None

    @property
    def batas(self) -> Decimal | None:
        return self.lebih_dari if self.lebih_dari is not None else self.paling_sedikit

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

    def predikat(self, capaian: Decimal | None) -> str | None:
        """The band of a capaian.

        The capaian is classified as the reader sees it, rounded half-up to two decimals, so a
        table can never show 90,00 next to the band "> 90". Above the top band's range it takes the
        top band; below the lowest bound, the lowest band.
        """
        if capaian is None:
            return None
        nilai = formatting.bulat(capaian, 2)
        for pita in self.pita:
            if pita.memuat(nilai):
                return pita.predikat
        return self.pita[-1].predikat

    def interval(self) -> list[tuple[str, str]]:
        """(interval text, predikat) per band, for the scale table: ">90 - 100", "0 - 30", "<51"."""
        baris = []
        atas: str | None = None if self.batas_atas is None else formatting.nilai_indikator(self.batas_atas)
        for pita in self.pita:
            if pita.lebih_dari is not None:
                kiri = f">{formatting.nilai_indikator(pita.lebih_dari)}"
            elif pita.paling_sedikit is not None:
                kiri = formatting.nilai_indikator(pita.paling_sedikit)
            else:
                kiri = None
            if kiri is None:
                teks = "-" if atas is None else (atas if atas.startswith("<") else f"≤{atas}")
            elif atas is None:
                teks = kiri if kiri.startswith(">") else f"≥{kiri}"
            else:
                teks = f"{kiri} - {atas}"
            baris.append((teks, pita.predikat))
            # The next band's upper end: "≤ bound" when this band starts above it, "< bound" when at it.
            if pita.lebih_dari is not None:
                atas = formatting.nilai_indikator(pita.lebih_dari)
            elif pita.paling_sedikit is not None:
                atas = f"<{formatting.nilai_indikator(pita.paling_sedikit)}"
        return baris
