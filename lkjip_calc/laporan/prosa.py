"""Placeholders in the year's prose: find them with their position, check that each names a
computed value, and fill them in. Prose never carries a typed figure or year."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..dasar.temuan import DaftarTemuan, Jenis, kutip
from . import syarat
from .nilai import DAFTAR, FILTER, Nilai
from .tampilan import BIASA, Tampilan

POLA = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")
_SISA_TEMPLAT = re.compile(r"\{\{\{|\}\}\}|\{%|%\}|\{#|#\}")


@dataclass(frozen=True)
class Tempat:
    """Where a prose text comes from, for messages."""

    path: Path
    baris_awal: int = 1
    kunci: str | None = None  # YAML key path when the text is a YAML string


def periksa(teks: str, tempat: Tempat, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    """Report every placeholder that names no value, or uses an unknown or unfit filter, and every
    conditional block that is not well formed (syarat)."""
    syarat.periksa(teks, tempat.path, tempat.baris_awal, nilai, temuan)
    for nomor, baris in enumerate(teks.splitlines(), start=tempat.baris_awal):
        for m in POLA.finditer(baris):
            nama, filter_ = m.group(1), m.group(2)
            kolom = f"kunci '{tempat.kunci}'" if tempat.kunci else f"kolom {m.start() + 1}"
            if nama not in nilai:
                mirip = difflib.get_close_matches(nama, list(nilai), n=3, cutoff=0.8)
                harapan = "nama nilai terhitung yang ada (daftar di data/README.md)"
                if mirip:
                    harapan += "; mungkin maksudnya: " + ", ".join(mirip)
                temuan.galat(Jenis.RUJUKAN_HILANG, tempat.path, "penanda tidak menunjuk nilai terhitung mana pun",
                             baris=nomor, kolom=kolom,
                             ditemukan=kutip(m.group(0)), diharapkan=harapan)
            elif filter_ is not None and (filter_ not in FILTER or nilai[nama].jenis not in FILTER[filter_]):
                cocok = [k for k, jenis in FILTER.items() if nilai[nama].jenis in jenis]
                temuan.galat(Jenis.TIDAK_SAH, tempat.path, "filter penanda tidak dikenal atau tidak cocok", baris=nomor,
                             kolom=kolom,
                             ditemukan=kutip(m.group(0)),
                             diharapkan="filter untuk nilai ini: " + (", ".join(cocok) if cocok else "tidak ada"))
            elif nilai[nama].jenis == DAFTAR and baris.strip() != m.group(0):
                temuan.galat(Jenis.TIDAK_SAH, tempat.path, "penanda daftar harus berdiri sendiri pada barisnya",
                             baris=nomor, kolom=kolom,
                             ditemukan=kutip(baris.strip()), diharapkan=kutip(m.group(0)))
    # A brace pair left open is almost always a typo in a placeholder; a third brace, or a template
    # block ({% if %}, {# #}) of another tool, would be printed as it is.
    for nomor, baris in enumerate(teks.splitlines(), start=tempat.baris_awal):
        lebih = _SISA_TEMPLAT.search(baris)
        if lebih is not None:
            temuan.galat(Jenis.SINTAKS, tempat.path, "kurung kurawal atau blok templat yang tidak didukung", baris=nomor,
                         kolom=f"kunci '{tempat.kunci}'" if tempat.kunci else f"kolom {lebih.start() + 1}",
                         ditemukan=kutip(lebih.group(0)),
                         diharapkan="penanda {{ nama }} dengan tepat dua kurung kurawal; tanpa {% ... %} atau {# ... #}")
            continue
        sisa = POLA.sub("", baris)
        if "{{" in sisa or "}}" in sisa:
            posisi = sisa.find("{{") if "{{" in sisa else sisa.find("}}")
            temuan.galat(Jenis.SINTAKS, tempat.path, "penanda tidak lengkap", baris=nomor,
                         kolom=f"kunci '{tempat.kunci}'" if tempat.kunci else f"kolom {posisi + 1}",
                         ditemukan=kutip(sisa.strip()), diharapkan="{{ nama }} dengan kurung kurawal ganda di kedua sisi")


def isi(teks: str, nilai: dict[str, Nilai], tampilan: Tampilan = BIASA, lolos=None) -> str:
    """Choose the conditional text, then fill in the placeholders (both checked before with `periksa`),
    each value shown by `tampilan`.

    `lolos` escapes each filled-in value for the target format (Markdown for the book), so a
    value can never inject markup. A list placeholder alone on an indented line (a list nested
    in a list item) gets that indentation on every line of the list.
    """
    lolos = lolos or (lambda x: x)
    teks = syarat.pilih(teks, nilai)  # the text the figures choose, then its placeholders

    def satu(m) -> str:
        return lolos(nilai[m.group(1)].teks(tampilan, m.group(2)))

    def baris_terisi(baris: str) -> str:
        m = POLA.fullmatch(baris.strip())
        if m and nilai[m.group(1)].jenis == DAFTAR:
            indentasi = baris[: len(baris) - len(baris.lstrip())]
            return "\n".join(indentasi + b for b in nilai[m.group(1)].baris_daftar(lolos))
        return POLA.sub(satu, baris)

    return "\n".join(baris_terisi(b) for b in teks.split("\n"))


_PEMISAH = re.compile(r"^\s*<!--\s*([a-z0-9_-]+)\s*-->\s*$", re.M)


def bagian(teks: str) -> dict[str, str]:
    """Split prose at '<!-- name -->' lines; the text before the first is 'awal'."""
    potongan = _PEMISAH.split(teks)
    bagian = {"awal": potongan[0]}
    for nama, isi in zip(potongan[1::2], potongan[2::2], strict=True):
        bagian[nama] = isi
    return bagian


# '<!-- gambar: peta-wilayah -->' alone on its line places the image declared under that name in
# gambar/gambar.yaml (a numbered figure with its caption). Not a part marker: a name has no ':'.
_GAMBAR = re.compile(r"<!--\s*gambar\s*:\s*(.*?)\s*-->")
_GAMBAR_BARIS = re.compile(r"<!-- ?gambar: ?([a-z0-9][a-z0-9_-]*) ?-->")


@dataclass(frozen=True)
class PenandaGambar:
    """A '<!-- gambar: nama -->' marker: its line (0-based in the text), the name, and whether it is
    well formed (alone on its line, not indented, a name of lowercase letters, digits, '_', '-')."""

    baris: int
    nama: str
    sah: bool


def penanda_gambar(teks: str) -> list[PenandaGambar]:
    hasil = []
    for i, baris in enumerate(teks.split("\n")):
        for m in _GAMBAR.finditer(baris):
            hasil.append(PenandaGambar(i, m.group(1), _GAMBAR_BARIS.fullmatch(baris.rstrip()) is not None))
    return hasil


def ganti_gambar(teks: str, buat) -> str:
    """The text with each well-formed image marker line replaced by `buat(nama)` (MyST), set apart
    by blank lines so that it never joins the paragraph around it."""
    baris = teks.split("\n")
    for p in penanda_gambar(teks):
        if p.sah:
            baris[p.baris] = "\n" + buat(p.nama).strip("\n") + "\n"
    return "\n".join(baris)
