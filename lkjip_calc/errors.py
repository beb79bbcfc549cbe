"""Findings about the input data: errors stop the run, warnings are listed and the run goes on.

Every finding names the file, the row (line) and the column (or YAML key), what was found
and what was expected, in Bahasa Indonesia, on one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Temuan:
    """One finding about one place in one input file."""

    tingkat: str  # GALAT or PERINGATAN
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
        return f"{label}: {teks}"


@dataclass
class DaftarTemuan:
    """Collects the findings of one load-and-check run."""

    daftar: list[Temuan] = field(default_factory=list)

    def _nama(self, berkas: Path | str) -> str:
        """The file as the user can find it: relative to the working folder when inside it."""
        path = Path(berkas)
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    def galat(self, berkas, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None) -> None:
        self.daftar.append(Temuan(GALAT, self._nama(berkas), pesan, baris, kolom, ditemukan, diharapkan))

    def peringatan(self, berkas, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None) -> None:
        self.daftar.append(Temuan(PERINGATAN, self._nama(berkas), pesan, baris, kolom, ditemukan, diharapkan))

    @property
    def galat_saja(self) -> list[Temuan]:
        return [t for t in self.daftar if t.tingkat == GALAT]

    @property
    def peringatan_saja(self) -> list[Temuan]:
        return [t for t in self.daftar if t.tingkat == PERINGATAN]

    @property
    def ada_galat(self) -> bool:
        return any(t.tingkat == GALAT for t in self.daftar)


class DataTidakValid(Exception):
    """Raised when the data of a unit and year has errors; carries every finding."""

    def __init__(self, temuan: DaftarTemuan):
        self.temuan = temuan
        super().__init__("\n".join(str(t) for t in temuan.galat_saja))


def tampil(nilai: object) -> str:
    """Quote a found value for a message, short enough for one line."""
    teks = str(nilai)
    if len(teks) > 60:
        teks = teks[:57] + "..."
    return f"'{teks}'"


def kolom(nama: str) -> str:
    """Label of a CSV column or a Markdown column position for a message."""
    return f"kolom '{nama}'"


def kunci(jalur: str) -> str:
    """Label of a YAML key path for a message."""
    return f"kunci '{jalur}'"
