"""Placeholders in the year's prose: find them with their position, check that each names a
computed value, and fill them in. Prose never carries a typed figure or year."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DaftarTemuan, tampil
from .values import DAFTAR, FILTER, Nilai

POLA = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")


@dataclass(frozen=True)
class Tempat:
    """Where a prose text comes from, for messages."""

    path: Path
    baris_awal: int = 1
    kunci: str | None = None  # YAML key path when the text is a YAML string


def periksa(teks: str, tempat: Tempat, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    """Report every placeholder that names no value, or uses an unknown or unfit filter."""
    for nomor, baris in enumerate(teks.splitlines(), start=tempat.baris_awal):
        for m in POLA.finditer(baris):
            nama, filter_ = m.group(1), m.group(2)
            kolom = f"kunci '{tempat.kunci}'" if tempat.kunci else f"kolom {m.start() + 1}"
            if nama not in nilai:
                mirip = difflib.get_close_matches(nama, list(nilai), n=3, cutoff=0.8)
                harapan = "nama nilai terhitung yang ada (daftar di data/README.md)"
                if mirip:
                    harapan += "; mungkin maksudnya: " + ", ".join(mirip)
                temuan.galat(tempat.path, "penanda tidak menunjuk nilai terhitung mana pun", baris=nomor, kolom=kolom,
                             ditemukan=tampil(m.group(0)), diharapkan=harapan)
            elif filter_ is not None and (filter_ not in FILTER or nilai[nama].jenis not in FILTER[filter_]):
                cocok = [k for k, jenis in FILTER.items() if nilai[nama].jenis in jenis]
                temuan.galat(tempat.path, "filter penanda tidak dikenal atau tidak cocok", baris=nomor, kolom=kolom,
                             ditemukan=tampil(m.group(0)),
                             diharapkan="filter untuk nilai ini: " + (", ".join(cocok) if cocok else "tidak ada"))
            elif nilai[nama].jenis == DAFTAR and baris.strip() != m.group(0):
                temuan.galat(tempat.path, "penanda daftar harus berdiri sendiri pada barisnya", baris=nomor, kolom=kolom,
                             ditemukan=tampil(baris.strip()), diharapkan=tampil(m.group(0)))
    # A brace pair left open is almost always a typo in a placeholder.
    for nomor, baris in enumerate(teks.splitlines(), start=tempat.baris_awal):
        sisa = POLA.sub("", baris)
        if "{{" in sisa or "}}" in sisa:
            posisi = sisa.find("{{") if "{{" in sisa else sisa.find("}}")
            temuan.galat(tempat.path, "penanda tidak lengkap", baris=nomor,
                         kolom=f"kunci '{tempat.kunci}'" if tempat.kunci else f"kolom {posisi + 1}",
                         ditemukan=tampil(sisa.strip()), diharapkan="{{ nama }} dengan kurung kurawal ganda di kedua sisi")


def isi(teks: str, nilai: dict[str, Nilai], lolos=None) -> str:
    """Fill in the placeholders (checked before with `periksa`).

    `lolos` escapes each filled-in value for the target format (Markdown for the book), so a
    value can never inject markup. A list placeholder alone on an indented line (a list nested
    in a list item) gets that indentation on every line of the list.
    """
    lolos = lolos or (lambda x: x)

    def satu(m) -> str:
        return lolos(nilai[m.group(1)].tampil(m.group(2)))

    def baris_terisi(baris: str) -> str:
        m = POLA.fullmatch(baris.strip())
        if m and nilai[m.group(1)].jenis == DAFTAR:
            indentasi = baris[: len(baris) - len(baris.lstrip())]
            return "\n".join(indentasi + b for b in nilai[m.group(1)].tampil_daftar(lolos))
        return POLA.sub(satu, baris)

    return "\n".join(baris_terisi(b) for b in teks.split("\n"))


_PEMISAH = re.compile(r"^\s*<!--\s*([a-z0-9_-]+)\s*-->\s*$", re.M)

_PANGGILAN_NARASI = re.compile(r'buku\.narasi\("([a-z0-9_]+)"(?:\s*,\s*"([a-z0-9_-]+)")?\)')


def narasi_yang_dipakai(folder_bab: Path) -> dict[str, set[str]]:
    """Which prose files, and which '<!-- parts -->' of them, the chapters show."""
    dipakai: dict[str, set[str]] = {}
    for path in sorted(folder_bab.glob("*.md")):
        for nama, bagian in _PANGGILAN_NARASI.findall(path.read_text(encoding="utf-8")):
            dipakai.setdefault(nama, set()).add(bagian or "awal")
    return dipakai


def periksa_narasi(data, folder_bab: Path, temuan) -> None:
    """Warn where the year's prose and the chapters disagree: a file or part a chapter shows is
    missing (the build would stop there), or a file or part no chapter shows (a misspelt name)."""
    dipakai = narasi_yang_dipakai(folder_bab)
    folder = data.folder / "narasi"
    for nama, bagian_bab in sorted(dipakai.items()):
        narasi = data.narasi.get(nama)
        if narasi is None:
            temuan.peringatan(folder / f"{nama}.md", "berkas narasi yang ditampilkan bab tidak ada",
                              diharapkan="berkas ini, dengan bagian: " + ", ".join(sorted(bagian_bab)))
            continue
        ada = bagian(narasi.teks)
        for b in sorted(bagian_bab - set(ada)):
            temuan.peringatan(narasi.path, f"bagian '<!-- {b} -->' yang ditampilkan bab tidak ada",
                              diharapkan="baris '<!-- " + b + " -->' di tempat bagian itu dimulai")
        for b in sorted(set(ada) - bagian_bab - {"awal"}):
            baris = next((i for i, t in enumerate(narasi.teks.splitlines(), start=1) if f"<!-- {b}" in t), None)
            temuan.peringatan(narasi.path, f"bagian '<!-- {b} -->' tidak ditampilkan bab mana pun", baris=baris,
                              diharapkan="salah satu dari: " + ", ".join(sorted(bagian_bab - {"awal"})) or "tanpa bagian")
    for nama, narasi in sorted(data.narasi.items()):
        if nama not in dipakai:
            temuan.peringatan(narasi.path, "berkas narasi ini tidak ditampilkan bab mana pun",
                              diharapkan="salah satu dari: " + ", ".join(sorted(dipakai)))


def bagian(teks: str) -> dict[str, str]:
    """Split prose at '<!-- name -->' lines; the text before the first is 'awal'."""
    potongan = _PEMISAH.split(teks)
    bagian = {"awal": potongan[0]}
    for nama, isi in zip(potongan[1::2], potongan[2::2]):
        bagian[nama] = isi
    return bagian
