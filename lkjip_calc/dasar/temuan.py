"""Findings about the input: errors stop the run, warnings are listed and the run goes on.

Every finding has a kind (`Jenis`), which code decides on, and a message for people: one line
in Bahasa Indonesia naming the file, the row (line) and the column (or YAML key), what was found
and what was expected.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

GALAT = "galat"
PERINGATAN = "peringatan"


class Jenis(StrEnum):
    """What kind of problem a finding is; declared here once, used by every check."""

    BERKAS_HILANG = "berkas-hilang"        # a file the year needs is not there
    BUKAN_UTF8 = "bukan-utf8"              # a text file in another encoding
    SINTAKS = "sintaks"                    # CSV or YAML that cannot be parsed; an empty file
    KOLOM = "kolom"                        # a CSV header or row shape that does not fit the table
    KUNCI = "kunci"                        # a YAML key that is missing or unknown
    BELUM_DIISI = "belum-diisi"            # a figure still to be filled in (a draft may go on)
    KOSONG = "kosong"                      # a required value left empty
    TIPE_SALAH = "tipe-salah"              # a value of the wrong kind or format
    TIDAK_SAH = "tidak-sah"                # a value of the right kind that is not allowed (target 0, ...)
    GANDA = "ganda"                        # the same row, code or section twice
    RUJUKAN_HILANG = "rujukan-hilang"      # a code, name or placeholder that refers to nothing
    BEDA_SUMBER = "beda-sumber"            # two sources, or a source and a computed figure, disagree
    TIDAK_TERTAUT = "tidak-tertaut"        # a part nothing uses, or that is linked to nothing
    BASI = "basi"                          # prose still the same as the previous year's (a draft marks it)
    TAK_TENTU = "tak-tentu"                # a condition of conditional text on a value that is missing
    KLAIM = "klaim"                        # a claim typed in the prose that the computed figures contradict
    ANTAR_TAHUN = "antar-tahun"            # an IKU's polarity, formula, satuan or realisasi differs from last year's


@dataclass(frozen=True)
class Temuan:
    """One finding about one place in one input file."""

    tingkat: str  # GALAT or PERINGATAN
    jenis: Jenis
    berkas: str
    pesan: str
    baris: int | None = None
    kolom: str | None = None  # already labelled: "kolom 'pagu'", "kunci 'iku[2].satuan'", "kolom 7"
    ditemukan: str | None = None
    diharapkan: str | None = None

    def __str__(self) -> str:
        tempat = self.berkas
        if self.baris is not None:
            tempat += f", baris {self.baris}"
        if self.kolom is not None:
            tempat += f", {self.kolom}"
        teks = f"{tempat}: {self.pesan}"
        if self.ditemukan is not None:
            teks += f"; ditemukan {self.ditemukan}"
        if self.diharapkan is not None:
            teks += f"; diharapkan {self.diharapkan}"
        label = "GALAT" if self.tingkat == GALAT else "PERINGATAN"
        # one line, whatever a file name or a message holds (found values are already shown by kutip)
        return f"{label}: " + "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                                      for c in teks)


def nama_berkas(berkas: Path | str) -> str:
    """The file as the user can find it: relative to the working folder when inside it."""
    path = Path(berkas)
    try:  # the folders resolved, the file's own name kept: a link is named, never its target
        path = path.parent.resolve() / path.name
    except (OSError, RuntimeError):  # a folder that is a looping link
        path = path.absolute()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class DaftarTemuan:
    """Collects the findings of one load-and-check run."""

    daftar: list[Temuan] = field(default_factory=list)

    def galat(self, jenis: Jenis, berkas, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None) -> None:
        self.daftar.append(Temuan(GALAT, jenis, nama_berkas(berkas), pesan, baris, kolom, ditemukan, diharapkan))

    def peringatan(self, jenis: Jenis, berkas, pesan, baris=None, kolom=None, ditemukan=None,
                   diharapkan=None) -> None:
        self.daftar.append(Temuan(PERINGATAN, jenis, nama_berkas(berkas), pesan, baris, kolom, ditemukan, diharapkan))

    @property
    def galat_saja(self) -> list[Temuan]:
        return [t for t in self.daftar if t.tingkat == GALAT]

    @property
    def peringatan_saja(self) -> list[Temuan]:
        return [t for t in self.daftar if t.tingkat == PERINGATAN]

    @property
    def ada_galat(self) -> bool:
        return any(t.tingkat == GALAT for t in self.daftar)

    def berjenis(self, jenis: Jenis) -> list[Temuan]:
        return [t for t in self.daftar if t.jenis == jenis]


class DataTidakValid(Exception):
    """Raised when the data of a unit and year has errors; carries every finding."""

    def __init__(self, temuan: DaftarTemuan):
        self.temuan = temuan
        super().__init__("\n".join(str(t) for t in temuan.galat_saja))


def tampak(teks: str) -> str:
    """The text with every character a reader cannot see written as its code point (U+200B):
    control and format characters, and spaces other than the plain one."""
    return "".join(f"<U+{ord(c):04X}>" if _tak_terlihat(c) else c for c in teks)


def _tak_terlihat(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs") or (
        unicodedata.category(c) == "Zs" and c != " ")


def kutip(nilai: object) -> str:
    """Quote a found value for a message, short enough for one line, invisible characters shown."""
    teks = str(nilai)
    if len(teks) > 60:
        teks = teks[:57] + "..."
    return f"'{tampak(teks)}'"


def kolom(nama: str) -> str:
    """Label of a CSV column for a message."""
    return f"kolom '{tampak(nama)}'"


def kunci(jalur: str) -> str:
    """Label of a YAML key path for a message."""
    return f"kunci '{tampak(jalur)}'"
