"""The chapters (chapters/<bab>.md, MyST notebooks) as `lkjip check` reads them: every part a
chapter calls for (`buku.tabel("renstra")`, ...) is matched against the declarations of `daftar`,
so a misspelt name fails at check with the chapter's file and line, not inside a kernel."""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..dasar.temuan import DaftarTemuan, Jenis, kutip
from .daftar import NAMA_BAB, NARASI, PANGGILAN, TAG_WILAYAH

FOLDER_BAB = "chapters"
_SEL_KODE = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)


def saring_sel(notebook, berwilayah: bool):
    """The chapter as this unit shows it: the cells tagged TAG_WILAYAH dropped for a unit without
    territory, before the chapter runs, so that its sections stay numbered without a gap."""
    if not berwilayah:
        notebook.cells = [s for s in notebook.cells if TAG_WILAYAH not in s.get("metadata", {}).get("tags", [])]
    return notebook


def folder_proyek() -> Path | None:
    """The book's folder (_config.yml, _toc.yml, chapters/): the working folder when it is one,
    else the source checkout this package runs from; None when neither is."""
    for calon in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (calon / "_toc.yml").is_file() and (calon / FOLDER_BAB).is_dir():
            return calon
    return None


@dataclass(frozen=True)
class Panggilan:
    """One call `buku.<metode>(...)` in a chapter's code cell."""

    path: Path
    baris: int
    kolom: int
    metode: str
    argumen: tuple[str | None, ...]  # literal text arguments; None for anything else


def _kode_sel(isi: str) -> str:
    """A code cell's Python, its MyST options (':tags: ...' lines or a '---' block) blanked so
    that line numbers stay those of the file."""
    baris = isi.split("\n")
    i = 0
    if baris and baris[0].strip() == "---":
        akhir = next((j for j in range(1, len(baris)) if baris[j].strip() == "---"), 0)
        i = akhir + 1
    while i < len(baris) and baris[i].startswith(":"):
        i += 1
    return "\n" * i + "\n".join(baris[i:])


def panggilan(path: Path, temuan: DaftarTemuan) -> Iterator[Panggilan]:
    teks = path.read_text(encoding="utf-8")
    for m in _SEL_KODE.finditer(teks):
        awal = teks.count("\n", 0, m.start(1)) + 1
        try:
            pohon = ast.parse(_kode_sel(m.group(1)))
        except SyntaxError as e:
            temuan.galat(Jenis.SINTAKS, path, "sel kode bab bukan Python yang sah", baris=awal + (e.lineno or 1) - 1,
                         ditemukan=kutip(e.msg), diharapkan="panggilan seperti buku.tabel(\"renstra\")")
            continue
        for node in ast.walk(pohon):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "buku"):
                argumen = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                                for a in node.args)
                yield Panggilan(path, awal + node.lineno - 1, node.col_offset + 1, node.func.attr, argumen)


def _harapan(nama: str, pilihan) -> str:
    mirip = difflib.get_close_matches(nama, list(pilihan), n=3, cutoff=0.6)
    teks = "salah satu dari: " + ", ".join(pilihan)
    return teks + ("; mungkin maksudnya: " + ", ".join(mirip) if mirip else "")


def periksa_bab(folder: Path, temuan: DaftarTemuan) -> None:
    """Every declared chapter exists, and every part it calls for is declared (errors)."""
    for nama in NAMA_BAB:
        path = folder / f"{nama}.md"
        if not path.is_file():
            temuan.galat(Jenis.BERKAS_HILANG, path, "bab tidak ada", diharapkan="satu berkas per bab: "
                         + ", ".join(f"{b}.md" for b in NAMA_BAB))
            continue
        for p in panggilan(path, temuan):
            tempat = {"baris": p.baris, "kolom": f"kolom {p.kolom}"}
            if p.metode not in PANGGILAN:
                temuan.galat(Jenis.RUJUKAN_HILANG, path, "bab memanggil bagian laporan yang tidak ada", **tempat,
                             ditemukan=kutip(f"buku.{p.metode}"), diharapkan=_harapan(p.metode, PANGGILAN))
                continue
            nama_nama = PANGGILAN[p.metode]
            if nama_nama is None:
                continue
            if not p.argumen or p.argumen[0] is None:
                temuan.galat(Jenis.TIDAK_SAH, path, f"nama untuk buku.{p.metode} harus teks tetap", **tempat,
                             diharapkan=f"buku.{p.metode}(\"nama\") dengan nama dari lkjip_calc/laporan/daftar.py")
                continue
            if p.argumen[0] not in nama_nama:
                temuan.galat(Jenis.RUJUKAN_HILANG, path, f"nama untuk buku.{p.metode} tidak dideklarasikan", **tempat,
                             ditemukan=kutip(p.argumen[0]), diharapkan=_harapan(p.argumen[0], nama_nama))
                continue
            if p.metode == "narasi" and len(p.argumen) > 1:
                bagian = NARASI[p.argumen[0]].bagian
                if p.argumen[1] not in bagian:
                    temuan.galat(Jenis.RUJUKAN_HILANG, path, f"bagian narasi '{p.argumen[0]}' tidak dideklarasikan",
                                 **tempat, ditemukan=kutip(p.argumen[1]), diharapkan=_harapan(p.argumen[1] or "", bagian))
    ada = {p.stem for p in folder.glob("*.md")}
    for nama in sorted(ada - set(NAMA_BAB)):
        temuan.peringatan(Jenis.TIDAK_TERTAUT, folder / f"{nama}.md", "bab ini tidak ada di daftar bab",
                          diharapkan="bab yang dideklarasikan di lkjip_calc/laporan/daftar.py (BAB)")

