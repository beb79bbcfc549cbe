"""Indonesian display of computed figures: Babel for numbers and dates, num2words for counts.

Values are rounded half-up here, and only here; Babel then only groups digits (it would
round half-to-even itself, which published reports don't).
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "id"
KOSONG = "-"  # what a table or sentence shows where a value cannot be computed
KOSONG_DRAF = "[belum diisi]"  # ... and, in a draft build, where an input is still missing


def mode_draf(aktif: bool) -> None:
    """In a draft, a missing value shows as a visible placeholder instead of '-'."""
    global KOSONG
    KOSONG = KOSONG_DRAF if aktif else "-"


def _kosong(nilai) -> bool:
    if nilai is None:
        return True
    try:
        return bool(nilai != nilai)  # NaN / pandas NA
    except TypeError:
        return True


def bulat(nilai: Decimal | int, desimal: int = 2) -> Decimal:
    """Round half-up to `desimal` places (Python's round() rounds half to even)."""
    return Decimal(nilai).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def angka(nilai: Decimal | int | None, desimal: int = 2, tetap: bool = False) -> str:
    """A number the Indonesian way: 14.959.915.882 / 84,5 / 94,97.

    tetap=True always shows `desimal` places (94,90); otherwise trailing zeros go (84,5).
    """
    if _kosong(nilai):
        return KOSONG
    dibulatkan = bulat(nilai, desimal)
    if dibulatkan == 0:
        dibulatkan = abs(dibulatkan)  # no "-0,00" for a tiny negative value
    pola = "#,##0" + ("." + ("0" if tetap else "#") * desimal if desimal else "")
    teks = format_decimal(dibulatkan, format=pola, locale=LOCALE)
    return teks


def persen(nilai: Decimal | None) -> str:
    """A percentage figure, two fixed decimals, without the % sign: 94,97."""
    return angka(nilai, 2, tetap=True)


def rasio(nilai: Decimal | None) -> str:
    """A ratio such as efisiensi, two fixed decimals: 0,96."""
    return angka(nilai, 2, tetap=True)


def rupiah(nilai: int | None, awalan: bool = False) -> str:
    """Whole rupiah: 14.959.915.882, or Rp 14.959.915.882 with awalan=True."""
    if _kosong(nilai):
        return KOSONG
    teks = format_decimal(int(nilai), format="#,##0", locale=LOCALE)
    return f"Rp {teks}" if awalan else teks


def nilai_indikator(nilai: Decimal | None) -> str:
    """A target or realisasi as written in the report: 84,5 / 80,25 / 100."""
    return angka(nilai, 2, tetap=False)


def terbilang(jumlah: int) -> str:
    """A count with its words, as Indonesian reports write it: 3 (tiga)."""
    return f"{jumlah} ({num2words(int(jumlah), lang=LOCALE)})"


def bulan_tahun(tanggal: datetime.date) -> str:
    """Januari 2025."""
    return format_date(tanggal, "MMMM y", locale=LOCALE)
