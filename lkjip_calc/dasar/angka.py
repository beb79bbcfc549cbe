"""Numbers as an Indonesian reader reads them: Babel for digits and dates, num2words for counts.

Values are rounded half-up here (`bulat`), and only here; Babel then only groups digits (it would
round half-to-even itself, which published reports don't). The predikat scale rounds with the
same `bulat`, so a capaian is classified exactly as it is shown. What to show for a missing
value is the report's business (`laporan.tampilan`): these functions take real numbers only.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "id"
# Chapter and program numbers as the report prints them (BAB III, program I, II, ...).
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def bulat(nilai: Decimal | int, desimal: int = 2) -> Decimal:
    """Round half-up to `desimal` places (Python's round() rounds half to even)."""
    return Decimal(nilai).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def desimal_tertulis(nilai: Decimal) -> int:
    """The decimals a stated figure was written with (94.60 -> 2, 95 -> 0): the precision it claims."""
    return max(0, -int(nilai.as_tuple().exponent))


def beda_presisi(dinyatakan: Decimal, dihitung: Decimal | int) -> bool:
    """A stated figure disagrees with the computed one beyond the stated precision: the computed
    figure rounded half-up to as many decimals as the stated one was written with differs from it
    (stated 94.97 or 95 for a computed 94.9735 agree; 94.67 does not)."""
    return bulat(dihitung, desimal_tertulis(dinyatakan)) != dinyatakan


def angka(nilai: Decimal | int | float, desimal: int = 2, tetap: bool = False) -> str:
    """A number the Indonesian way: 14.959.915.882 / 84,5 / 94,97.

    tetap=True always shows `desimal` places (94,90); otherwise trailing zeros go (84,5).
    """
    dibulatkan = bulat(nilai, desimal)
    if dibulatkan == 0:
        dibulatkan = abs(dibulatkan)  # no "-0,00" for a tiny negative value
    pola = "#,##0" + ("." + ("0" if tetap else "#") * desimal if desimal else "")
    return format_decimal(dibulatkan, format=pola, locale=LOCALE)


def ribuan(nilai: int) -> str:
    """A whole number grouped by thousands: rupiah (14.959.915.882) or a head count (62.683)."""
    return format_decimal(int(nilai), format="#,##0", locale=LOCALE)


def terbilang(jumlah: int) -> str:
    """A count with its words, as Indonesian reports write it: 3 (tiga)."""
    return f"{jumlah} ({num2words(int(jumlah), lang=LOCALE)})"


def bulan_tahun(tanggal: datetime.date) -> str:
    """Januari 2025."""
    return format_date(tanggal, "MMMM y", locale=LOCALE)
