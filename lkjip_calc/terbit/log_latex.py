"""Reading the LaTeX log of the PDF build: content taller than the page.

An "Overfull \\vbox" means a box (a table row, a whole non-breaking table) was taller than the
space for it: what did not fit runs off the page and is lost from the PDF, while the build ends
well. The book's Sphinx extension (`sphinx_ext`) writes a line before and after each report
table into the log, so the problem is named by its table and the page the table starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..dasar.angka import angka

# Written into the LaTeX log before and after each report table by `sphinx_ext`.
PENANDA_LOG = "LKJIP-TABEL"
BATAS_PT = Decimal(5)  # a few points too high is spacing, not lost content
LEBAR_BARIS_LOG = 79    # TeX breaks its log lines at this width (max_print_line)

_OVERFULL = re.compile(r"Overfull \\vbox \((\d+(?:\.\d+)?)pt too high\)")
_AWAL = re.compile(re.escape(PENANDA_LOG) + r"-AWAL (\S+) (\S+)")
_AKHIR = re.compile(re.escape(PENANDA_LOG) + r"-AKHIR (\S+) (\S+)")


@dataclass(frozen=True)
class IsiTerpotong:
    """One Overfull \\vbox of the log: how much too high, and the report table it is in or after."""

    pt: Decimal
    label: str | None = None     # the table's label (tabel-program-kegiatan); None before any table
    nomor: str | None = None     # its number as printed (2.2)
    halaman: str | None = None   # the page it starts on, as printed (14, iv)
    di_dalam: bool = True        # in the table, or in what follows it

    def __str__(self) -> str:
        tinggi = f"{angka(self.pt)} pt terlalu tinggi"
        if self.label is None:
            return f"isi melampaui tinggi halaman sebelum tabel laporan pertama ({tinggi}): sebagian terpotong di PDF"
        nama = (f"Tabel {self.nomor}" if self.nomor else "tabel") + f" ({self.label}, mulai di halaman {self.halaman})"
        if not self.di_dalam:
            return f"isi sesudah {nama} melampaui tinggi halaman ({tinggi}): sebagian terpotong di PDF"
        return f"{nama} melampaui tinggi halaman ({tinggi}): sebagian isinya terpotong di PDF"


def _baris_utuh(teks: str) -> list[str]:
    """The log's lines with TeX's own line breaks (at 79 characters) joined again."""
    hasil: list[str] = []
    sambung = False
    for baris in teks.splitlines():
        if sambung and hasil:
            hasil[-1] += baris
        else:
            hasil.append(baris)
        sambung = len(baris) == LEBAR_BARIS_LOG
    return hasil


def isi_terpotong(log: Path, batas_pt: Decimal = BATAS_PT) -> list[IsiTerpotong]:
    """Every Overfull \\vbox of more than `batas_pt` in a LaTeX log (of the last LaTeX run)."""
    if not log.exists():
        return []
    baris = _baris_utuh(log.read_text(encoding="utf-8", errors="replace"))
    nomor: dict[str, str] = {}
    for b in baris:
        if m := _AKHIR.search(b):
            nomor[m.group(2)] = m.group(1)
    hasil = []
    tabel: tuple[str, str] | None = None  # (label, page) of the last report table started
    di_dalam = False
    for b in baris:
        if m := _AWAL.search(b):
            tabel, di_dalam = (m.group(2), m.group(1)), True
        elif _AKHIR.search(b):
            di_dalam = False
        elif (m := _OVERFULL.search(b)) and Decimal(m.group(1)) > batas_pt:
            if tabel is None:
                hasil.append(IsiTerpotong(Decimal(m.group(1))))
            else:
                hasil.append(IsiTerpotong(Decimal(m.group(1)), tabel[0], nomor.get(tabel[0]), tabel[1], di_dalam))
    return hasil
