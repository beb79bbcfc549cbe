"""Stale prose: narrative and analysis files of a year still the same as the previous year's.

`lkjip new-year` copies last year's narasi/ and analisis/ as a starting point; every sentence in
them is a claim about last year's figures until the analyst rewrites it. A file of the year that is
identical to the same file of the latest earlier year folder of the unit (byte for byte, or after
normalising line endings and trailing whitespace) is stale (`Jenis.BASI`). A file whose text is
meant to stay (the unit's legal basis, ...) carries the line `<!-- lkjip: tetap -->` (Markdown) or
`# lkjip: tetap` (YAML) and is never stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..dasar.temuan import DaftarTemuan, Jenis, nama_berkas
from .lokasi import daftar_tahun

# The analyst's mark for a file whose text legitimately stays the same from year to year. Not a
# '<!-- name -->' part marker (a name has no ':' or space), so it splits nothing.
PENANDA_TETAP_MD = "<!-- lkjip: tetap -->"
PENANDA_TETAP_YAML = "# lkjip: tetap"
_TETAP = {".md": re.compile(r"^[ \t]*<!--[ \t]*lkjip:[ \t]*tetap[ \t]*-->[ \t]*$", re.M),
          ".yaml": re.compile(r"^[ \t]*#[ \t]*lkjip:[ \t]*tetap[ \t]*$", re.M)}


@dataclass(frozen=True)
class Basi:
    """One stale file: its path in the year's folder (posix, e.g. 'narasi/bab1_geografi.md') and
    the previous year it is a copy of."""

    jalur: str
    tahun_lalu: int

    @property
    def jenis(self) -> str:
        """'narasi' or 'analisis', as the messages name it."""
        return self.jalur.split("/", 1)[0]


def berkas_prosa(folder: Path) -> list[str]:
    """The prose files of a year folder, as posix paths inside it: narasi/**/*.md, analisis/*.yaml."""
    semua = [*(folder / "narasi").rglob("*.md"), *(folder / "analisis").glob("*.yaml")]
    return sorted(p.relative_to(folder).as_posix() for p in semua if p.is_file())


def _normal(isi: bytes) -> bytes:
    """The content with line endings as LF, no trailing whitespace on a line and no trailing blank lines."""
    baris = isi.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    return b"\n".join(b.rstrip() for b in baris).rstrip(b"\n")


def tetap(jalur: str, isi: bytes) -> bool:
    """The file carries the mark (of its kind: Markdown or YAML) that its text stays from year to year."""
    pola = _TETAP.get(Path(jalur).suffix)
    return pola is not None and bool(pola.search(isi.decode("utf-8", errors="replace")))


def baris_tetap(baris: str) -> bool:
    """A Markdown line that is the mark (allowed before the first heading of narasi/iku/<iku>.md)."""
    return bool(_TETAP[".md"].fullmatch(baris))


def sama(folder: Path, folder_lalu: Path, tahun_lalu: int) -> list[Basi]:
    """The prose files of `folder` whose content is the same as the file of the same path in
    `folder_lalu` (a file marked as staying, or one that cannot be read, is left out)."""
    hasil = []
    lalu_dalam = folder_lalu.resolve()
    for jalur in berkas_prosa(folder):
        lalu = folder_lalu / jalur
        try:
            if not lalu.is_file() or not lalu.resolve().is_relative_to(lalu_dalam):
                continue  # a link leading out of last year's folder is not read
            isi, isi_lalu = (folder / jalur).read_bytes(), lalu.read_bytes()
        except OSError:
            continue  # unreadable files are named when the year is read
        if _normal(isi) == _normal(isi_lalu) and not tetap(jalur, isi):
            hasil.append(Basi(jalur, tahun_lalu))
    return hasil


def tahun_lalu(akar: Path, unit: str, tahun: int) -> int | None:
    """The latest year folder of the unit before `tahun`, or None."""
    lebih_awal = [t for t in daftar_tahun(akar, unit) if t < tahun]
    return lebih_awal[-1] if lebih_awal else None


def periksa_basi(akar: Path, unit: str, tahun: int, temuan: DaftarTemuan) -> list[Basi]:
    """Warn, per file, of prose of data/<unit>/<tahun>/ not rewritten since the previous year folder."""
    lalu = tahun_lalu(akar, unit, tahun)
    if lalu is None:
        return []
    folder, folder_lalu = akar / unit / str(tahun), akar / unit / str(lalu)
    basi = sama(folder, folder_lalu, lalu)
    for b in basi:
        penanda = PENANDA_TETAP_MD if b.jalur.endswith(".md") else PENANDA_TETAP_YAML
        temuan.peringatan(Jenis.BASI, folder / b.jalur, f"{b.jenis} belum diperbarui sejak {lalu}",
                          ditemukan=f"isi sama persis dengan {nama_berkas(folder_lalu / b.jalur)}",
                          diharapkan=f"{b.jenis} yang ditulis untuk tahun {tahun} (atau baris '{penanda}' "
                                     "bila isinya memang tetap setiap tahun)")
    return basi
