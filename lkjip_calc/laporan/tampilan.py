"""How the report shows a computed figure: Indonesian numbers (`dasar.angka`), and what stands
where a value is missing: "-" in a final report, "[belum diisi]" in a draft.

A `Tampilan` is passed as a value (each `Laporan` carries its own), never set globally.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..dasar import angka as a

KOSONG = "-"
KOSONG_DRAF = "[belum diisi]"


def kosong(nilai) -> bool:
    """No value: None, or NaN / pandas NA."""
    if nilai is None:
        return True
    try:
        return bool(nilai != nilai)
    except TypeError:
        return True


@dataclass(frozen=True)
class Tampilan:
    kosong: str = KOSONG  # what a table or sentence shows where a value is missing

    def angka(self, nilai: Decimal | int | None, desimal: int = 2, tetap: bool = False) -> str:
        """14.959.915.882 / 84,5 / 94,97 (tetap=True keeps trailing zeros: 94,90)."""
        return self.kosong if kosong(nilai) else a.angka(nilai, desimal, tetap)

    def persen(self, nilai: Decimal | None) -> str:
        """A percentage figure, two fixed decimals, without the % sign: 94,97."""
        return self.angka(nilai, 2, tetap=True)

    def rasio(self, nilai: Decimal | None) -> str:
        """A ratio such as efisiensi, two fixed decimals: 0,96."""
        return self.angka(nilai, 2, tetap=True)

    def desimal(self, nilai: Decimal | None) -> str:
        """A derived measure such as density or sex ratio, two fixed decimals: 5.880,21."""
        return self.angka(nilai, 2, tetap=True)

    def nilai_indikator(self, nilai: Decimal | None) -> str:
        """A target or realisasi as written in the report: 84,5 / 80,25 / 100."""
        return self.angka(nilai, 2, tetap=False)

    def nilai_iku(self, nilai: Decimal | None, satuan: str) -> str:
        """A target or realisasi with its percent sign when the indicator is a percentage: 100%."""
        teks = self.nilai_indikator(nilai)
        return f"{teks}%" if satuan == "%" and not kosong(nilai) else teks

    def cacah_iku(self, pembilang: Decimal | None, penyebut: Decimal | None) -> str | None:
        """The counts a percentage is measured by: 7 dari 12; None without both."""
        if kosong(pembilang) or kosong(penyebut):
            return None
        return f"{self.nilai_indikator(pembilang)} dari {self.nilai_indikator(penyebut)}"

    def realisasi_iku(self, nilai: Decimal | None, satuan: str, pembilang: Decimal | None = None,
                      penyebut: Decimal | None = None) -> str:
        """A realisasi with the counts it is measured by, when it has them: 58,33% (7 dari 12)."""
        teks, cacah = self.nilai_iku(nilai, satuan), self.cacah_iku(pembilang, penyebut)
        return f"{teks} ({cacah})" if cacah and not kosong(nilai) else teks

    def rupiah(self, nilai: int | None, awalan: bool = False) -> str:
        """Whole rupiah: 14.959.915.882, or Rp 14.959.915.882 with awalan=True."""
        if kosong(nilai):
            return self.kosong
        return f"Rp {a.ribuan(nilai)}" if awalan else a.ribuan(nilai)

    def cacah(self, nilai: int | None) -> str:
        """A count of people or things grouped by thousands: 62.683."""
        return self.kosong if kosong(nilai) else a.ribuan(nilai)


BIASA = Tampilan()
DRAF = Tampilan(KOSONG_DRAF)
