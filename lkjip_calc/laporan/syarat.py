"""Conditional text in prose: one text when a condition on the computed figures holds, another
when it does not, so that a sentence such as "target tercapai" is chosen by the figures instead of
typed once and left standing when next year's figures say otherwise.

    <!-- jika iku.ikm.tercapai -->
    Target IKM tahun {{ tahun }} tercapai.
    <!-- selain itu -->
    Target IKM tahun {{ tahun }} belum tercapai.
    <!-- akhir jika -->

Each marker stands alone on its line (an HTML comment: the Markdown stays readable as it is);
`selain itu` is optional; blocks may nest. A condition is small on purpose, nothing reaches Python:

    [tidak] NAMA                  a yes/no value (iku.ikm.tercapai, iku.ikm.efisien, ...)
    [tidak] NAMA OP ANGKA|NAMA    a number compared: <, <=, >, >=, ==, != (anggaran.serapan < 90)

A condition on a value that is missing (a draft, or an IKU without a national figure) holds
neither way: the block is left out, and `periksa` says so.
"""

from __future__ import annotations

import difflib
import operator
import re
from dataclasses import dataclass
from decimal import Decimal

from ..dasar.temuan import DaftarTemuan, Jenis, kutip
from .nilai import LOGIKA, NUMERIK, Nilai

_JIKA = re.compile(r"^\s*<!--\s*jika\s+(.*?)\s*-->\s*$")
_SELAIN = re.compile(r"^\s*<!--\s*selain\s+itu\s*-->\s*$")
_AKHIR = re.compile(r"^\s*<!--\s*akhir\s+jika\s*-->\s*$")
_KONDISI = re.compile(r"^(tidak\s+)?([a-z0-9_.-]+)(?:\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?|[a-z0-9_.-]+))?$")
OPERATOR = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
            "!=": operator.ne}
HARAPAN = ("'<!-- jika NAMA -->' untuk nilai ya/tidak, atau '<!-- jika NAMA < ANGKA -->' (<, <=, >, >=, ==, !=), "
           "boleh diawali 'tidak'")


@dataclass(frozen=True)
class Kondisi:
    tidak: bool
    nama: str
    op: str | None
    banding: str | None  # a number as written, or the name of a value

    def nilai(self, nilai: dict[str, Nilai]) -> bool | None:
        """Whether the condition holds for these values; None when a value it needs is missing."""
        kiri = nilai[self.nama].mentah
        if self.op is None:
            hasil = kiri
        else:
            kanan = nilai[self.banding].mentah if self.banding in nilai else Decimal(self.banding)
            if kiri is None or kanan is None:
                return None
            hasil = OPERATOR[self.op](Decimal(kiri), Decimal(kanan))
        if hasil is None:
            return None
        return (not hasil) if self.tidak else bool(hasil)


def urai(teks: str, nilai: dict[str, Nilai]) -> tuple[Kondisi | None, str | None]:
    """The condition written in `teks`, or None and why it cannot be one (for a message)."""
    m = _KONDISI.match(teks.strip())
    if not m:
        return None, "kondisi tidak dapat dibaca"
    tidak, nama, op, banding = bool(m.group(1)), m.group(2), m.group(3), m.group(4)
    for n in (nama, banding if banding and not re.fullmatch(r"-?\d+(?:\.\d+)?", banding) else None):
        if n is not None and n not in nilai:
            mirip = difflib.get_close_matches(n, list(nilai), n=3, cutoff=0.8)
            return None, f"nilai '{n}' tidak ada" + (f" (mungkin maksudnya: {', '.join(mirip)})" if mirip else "")
    if op is None and nilai[nama].jenis != LOGIKA:
        return None, f"'{nama}' bukan nilai ya/tidak; bandingkan dengan angka, mis. {nama} >= 100"
    if op is not None and (nilai[nama].jenis not in NUMERIK or (banding in nilai and nilai[banding].jenis not in NUMERIK)):
        return None, "hanya angka yang dapat dibandingkan"
    return Kondisi(tidak, nama, op, banding), None


def periksa(teks: str, path, baris_awal: int, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    """Report a marker out of place, a condition that cannot be read, and a condition that holds
    neither way because a value it needs is missing (then the block is left out of the report)."""
    terbuka: list[tuple[int, bool]] = []  # line of each open 'jika', and whether its 'selain itu' was seen
    for nomor, baris in enumerate(teks.splitlines(), start=baris_awal):
        if m := _JIKA.match(baris):
            terbuka.append((nomor, False))
            kondisi, masalah = urai(m.group(1), nilai)
            if kondisi is None:
                temuan.galat(Jenis.TIDAK_SAH, path, masalah, baris=nomor, ditemukan=kutip(baris.strip()),
                             diharapkan=HARAPAN)
            elif kondisi.nilai(nilai) is None:
                temuan.peringatan(Jenis.TAK_TENTU, path, "kondisi tidak dapat dinilai karena nilainya kosong; "
                                  "teks di dalamnya dilewati", baris=nomor, ditemukan=kutip(baris.strip()),
                                  diharapkan="nilai yang terisi, atau kondisi lain")
        elif _SELAIN.match(baris):
            if not terbuka or terbuka[-1][1]:
                temuan.galat(Jenis.SINTAKS, path, "'selain itu' tanpa 'jika' yang terbuka", baris=nomor,
                             ditemukan=kutip(baris.strip()), diharapkan="<!-- jika ... --> sebelumnya, sekali saja")
            else:
                terbuka[-1] = (terbuka[-1][0], True)
        elif _AKHIR.match(baris):
            if not terbuka:
                temuan.galat(Jenis.SINTAKS, path, "'akhir jika' tanpa 'jika' yang terbuka", baris=nomor,
                             ditemukan=kutip(baris.strip()), diharapkan="<!-- jika ... --> sebelumnya")
            else:
                terbuka.pop()
        elif re.match(r"^\s*<!--\s*(jika|selain|akhir)\b", baris):
            temuan.galat(Jenis.SINTAKS, path, "penanda teks bersyarat tidak lengkap", baris=nomor,
                         ditemukan=kutip(baris.strip()),
                         diharapkan="<!-- jika KONDISI -->, <!-- selain itu --> atau <!-- akhir jika --> sendirian "
                                    "di barisnya")
    for nomor, _ in terbuka:
        temuan.galat(Jenis.SINTAKS, path, "'jika' tidak ditutup", baris=nomor,
                     diharapkan="<!-- akhir jika --> sesudah teksnya")


def terlihat(teks: str, nilai: dict[str, Nilai]) -> list[bool]:
    """For each line of `teks`, whether the report shows it: the markers never, the lines of a
    block only when its condition chooses them. (A block `periksa` finds wrong, which stops the
    build, is read as showing nothing, so that other checks of the same text can still run.)"""
    hasil: list[bool] = []
    tampil: list[bool] = []  # per open block: whether its lines are shown (given the blocks around it)
    kondisi_blok: list[bool | None] = []
    for baris in teks.split("\n"):
        if m := _JIKA.match(baris):
            kondisi, _ = urai(m.group(1), nilai)
            kondisi_blok.append(None if kondisi is None else kondisi.nilai(nilai))
            tampil.append(kondisi_blok[-1] is True)
        elif _SELAIN.match(baris):
            if tampil:
                tampil[-1] = kondisi_blok[-1] is False
        elif _AKHIR.match(baris):
            if tampil:
                tampil.pop()
                kondisi_blok.pop()
        else:
            hasil.append(all(tampil))
            continue
        hasil.append(False)
    return hasil


def pilih(teks: str, nilai: dict[str, Nilai]) -> str:
    """The text with each conditional block replaced by the text its condition chooses; a block
    whose condition holds neither way is left out."""
    return "\n".join(b for b, ya in zip(teks.split("\n"), terlihat(teks, nilai), strict=True) if ya)


def kosongkan_tersembunyi(teks: str, nilai: dict[str, Nilai]) -> str:
    """The text with every line the report does not show blanked with spaces: same length, same
    lines and columns, for checks that read the text as it will be printed (klaim)."""
    return "\n".join(b if ya else " " * len(b) for b, ya in zip(teks.split("\n"), terlihat(teks, nilai), strict=True))
