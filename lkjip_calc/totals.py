"""Totals of input figures that may still be missing in a draft."""

from __future__ import annotations

from decimal import Decimal


def jumlah_lengkap(nilai) -> int | Decimal | None:
    """The sum, or None when there is nothing to add or a part is still missing (a draft):
    a total of the parts filled in so far would look like a real figure."""
    daftar = list(nilai)
    if not daftar or any(v is None for v in daftar):
        return None
    return sum(daftar)
