"""The binary files a year may name: the cover logo (unit.yaml `logo`), the images the prose places
by name (gambar/gambar.yaml) and the signed, scanned Perjanjian Kinerja (laporan.yaml
`perjanjian_kinerja.pindaian`).

Each is named by a path relative to the year folder and must be a regular file inside the data
root (like every data file: `baca.masalah_berkas`, no link leading outside), of the right kind by
its content, not its name (PNG/JPEG that decodes; a PDF that poppler's `pdfinfo` reads), and of a
plausible size. A problem is one message naming the YAML file, line and key that names the file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..dasar.proses import terikat_induk
from ..dasar.temuan import DaftarTemuan, Jenis, kunci, kutip, nama_berkas
from .baca import Yaml, masalah_berkas

FOLDER_GAMBAR = "gambar"
NAMA_DAFTAR_GAMBAR = "gambar.yaml"  # gambar/gambar.yaml
# A path of letters, digits, '.', '_', '-' and '/', relative to the year folder: it reads the same
# in YAML, in messages and on disk (the build never uses it: files are copied under generated names).
_POLA_JALUR = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/-]*")
TANDA_PNG, TANDA_JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"
TANDA_PDF = b"%PDF-"
# Plausible sizes: a logo or a map scanned at 300 dpi on A3 is about 17 megapixels; a phone photo 12-50.
BATAS_BITA_GAMBAR = 15 * 1024 * 1024
BATAS_PIKSEL = 60_000_000
BATAS_BITA_PDF = 20 * 1024 * 1024
BATAS_HALAMAN_PDF = 20  # a signed PK with its appendix is a handful of pages
HARAPAN_JALUR = "jalur relatif terhadap folder tahun, mis. gambar/logo-kota.png"


@dataclass(frozen=True)
class BerkasGambar:
    """A checked image: where it is and what it is ('png' or 'jpg', from its content)."""

    path: Path
    format: str
    lebar: int
    tinggi: int


@dataclass(frozen=True)
class BerkasPdf:
    path: Path
    halaman: int


@dataclass(frozen=True)
class Asal:
    """The YAML key naming a file, for messages."""

    berkas: Yaml
    loc: tuple

    def lapor(self, temuan: DaftarTemuan, jenis: Jenis, pesan: str, ditemukan: str | None, diharapkan: str) -> None:
        temuan.galat(jenis, self.berkas.path, pesan, baris=self.berkas.baris(self.loc),
                     kolom=kunci(".".join(str(x) for x in self.loc)), ditemukan=ditemukan, diharapkan=diharapkan)


def jalur_berkas(folder: Path, akar: Path, jalur: str, asal: Asal, temuan: DaftarTemuan,
                 akhiran: tuple[str, ...], harapan_jenis: str) -> Path | None:
    """The file a key names, when it is a regular file inside the data root; else None, reported."""
    bagian = PurePosixPath(jalur).parts
    if not _POLA_JALUR.fullmatch(jalur) or ".." in bagian or "//" in jalur:
        asal.lapor(temuan, Jenis.TIDAK_SAH, "jalur berkas tidak sah", kutip(jalur), HARAPAN_JALUR
                   + " (huruf, angka, '.', '_', '-' dan '/'; tanpa '..')")
        return None
    if not jalur.lower().endswith(akhiran):
        asal.lapor(temuan, Jenis.TIDAK_SAH, "jenis berkas tidak didukung", kutip(jalur),
                   f"{harapan_jenis} (nama berakhiran {', '.join(akhiran)})")
        return None
    path = folder / jalur
    masalah = masalah_berkas(path)
    if masalah is not None:
        jenis, pesan, harapan = masalah
        asal.lapor(temuan, jenis, f"berkas {jalur}: {pesan}", kutip(jalur), f"{harapan_jenis}; {harapan}")
        return None
    if not path.resolve().is_relative_to(akar.resolve()):
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: tautan simbolik ke luar folder data", kutip(jalur),
                   f"berkas biasa di dalam {nama_berkas(akar)}/ (salin berkasnya, jangan ditautkan)")
        return None
    return path


def _awal_berkas(path: Path, jalur: str, asal: Asal, temuan: DaftarTemuan, batas_bita: int, jenis: str, saran: str,
                 n: int) -> bytes | None:
    """The first `n` bytes of a file (its signature), or None, reported, when it is larger than `batas_bita`."""
    ukuran = path.stat().st_size
    if ukuran > batas_bita:
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: {jenis} terlalu besar",
                   f"{ukuran / (1024 * 1024):.1f} MB".replace(".", ","),
                   f"paling besar {batas_bita // (1024 * 1024)} MB ({saran})")
        return None
    with path.open("rb") as f:
        return f.read(n)


def periksa_gambar(folder: Path, akar: Path, jalur: str, asal: Asal, temuan: DaftarTemuan) -> BerkasGambar | None:
    """The image a key names, checked: a PNG or JPEG file (by content) that decodes, of a plausible size."""
    harapan = "gambar PNG atau JPEG"
    path = jalur_berkas(folder, akar, jalur, asal, temuan, (".png", ".jpg", ".jpeg"), harapan)
    if path is None:
        return None
    awal = _awal_berkas(path, jalur, asal, temuan, BATAS_BITA_GAMBAR, "gambar", "perkecil resolusinya", 8)
    if awal is None:
        return None
    if awal.startswith(TANDA_PNG):
        format_ = "png"
    elif awal.startswith(TANDA_JPEG):
        format_ = "jpg"
    else:
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: isinya bukan gambar PNG atau JPEG",
                   f"bita awal {awal[:8].hex(' ')}", harapan + " (simpan ulang sebagai PNG atau JPEG)")
        return None
    ukuran_piksel = _dekode(path)
    if isinstance(ukuran_piksel, str):
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: gambar rusak, tidak dapat dibaca",
                   kutip(ukuran_piksel), harapan + " yang utuh (simpan ulang dari aslinya)")
        return None
    lebar, tinggi = ukuran_piksel
    if lebar * tinggi > BATAS_PIKSEL:
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: gambar terlalu besar", f"{lebar} x {tinggi} piksel",
                   f"paling banyak {BATAS_PIKSEL // 1_000_000} megapiksel (perkecil resolusinya)")
        return None
    return BerkasGambar(path, format_, lebar, tinggi)


def _dekode(path: Path) -> tuple[int, int] | str:
    """(width, height) of an image Pillow decodes whole, or why it does not."""
    # Pillow comes with matplotlib; imported here so that loading data without images never needs it.
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None  # the size is judged by BATAS_PIKSEL, with a message of ours
    try:
        with Image.open(path) as gambar:
            lebar, tinggi = gambar.size
            if lebar * tinggi > BATAS_PIKSEL:
                return lebar, tinggi  # not decoded: too large to be worth it
            gambar.load()  # decodes every pixel: a truncated file fails here
    except Exception as e:  # noqa: BLE001 (Pillow raises many kinds for a broken file)
        return str(e) or type(e).__name__
    return lebar, tinggi


def periksa_pdf(folder: Path, akar: Path, jalur: str, asal: Asal, temuan: DaftarTemuan) -> BerkasPdf | None:
    """The PDF a key names, checked: starts as a PDF, poppler's pdfinfo reads it, a few pages."""
    harapan = "berkas PDF hasil pindaian"
    path = jalur_berkas(folder, akar, jalur, asal, temuan, (".pdf",), harapan)
    if path is None:
        return None
    awal = _awal_berkas(path, jalur, asal, temuan, BATAS_BITA_PDF, "PDF", "pindai ulang dengan resolusi 150-200 dpi",
                        len(TANDA_PDF))
    if awal is None:
        return None
    if awal != TANDA_PDF:
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: isinya bukan PDF", f"bita awal {awal.hex(' ') or 'kosong'}",
                   harapan + " (berawal %PDF-)")
        return None
    halaman = _halaman_pdf(path)
    if isinstance(halaman, str):
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: PDF tidak dapat dibaca pdfinfo", kutip(halaman),
                   harapan + " yang utuh dan tidak terkunci kata sandi")
        return None
    if not 1 <= halaman <= BATAS_HALAMAN_PDF:
        asal.lapor(temuan, Jenis.TIDAK_SAH, f"berkas {jalur}: jumlah halaman tidak masuk akal", f"{halaman} halaman",
                   f"1 sampai {BATAS_HALAMAN_PDF} halaman (hanya Perjanjian Kinerja yang ditandatangani)")
        return None
    return BerkasPdf(path, halaman)


def _halaman_pdf(path: Path) -> int | str:
    """The page count `pdfinfo` reads from the file, or what went wrong in its words."""
    program = shutil.which("pdfinfo")
    if program is None:
        return "pdfinfo (poppler-utils) tidak terpasang; pasang dengan scripts/pasang-debian.sh"
    # pdfinfo starts nothing of its own: it needs no watchdog (dasar.proses.jalankan, a Python process
    # more: 40 ms of every check of a unit with a signed PK), only to die with lkjip (terikat_induk).
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as keluar:
        proses = subprocess.run([program, str(path.resolve())], stdout=keluar, stderr=subprocess.STDOUT, text=True,
                                preexec_fn=terikat_induk(), check=False)
        keluar.seek(0)
        teks = keluar.read()
    m = re.search(r"^Pages:\s+(\d+)\s*$", teks, re.M)
    if proses.returncode != 0 or m is None:
        baris = [b for b in teks.splitlines() if b.strip()]
        return baris[0] if baris else f"pdfinfo berakhir dengan kode {proses.returncode}"
    return int(m.group(1))


@dataclass(frozen=True)
class GambarNarasi:
    """An image declared in gambar/gambar.yaml, its file checked: what the prose places by name."""

    nama: str
    judul: str
    alt: str
    sumber: str | None
    berkas: BerkasGambar
    baris: int | None  # the line of its name in gambar.yaml


def muat_gambar(folder: Path, akar: Path, unit, unit_yaml: Yaml | None, pengaturan, pengaturan_yaml: Yaml | None,
                daftar, daftar_yaml: Yaml | None, temuan: DaftarTemuan):
    """The year's checked files: (logo, images by name, signed PK); each None or empty when not given
    (or not usable: then reported)."""
    logo = None
    if unit is not None and unit.logo is not None:
        logo = periksa_gambar(folder, akar, unit.logo, Asal(unit_yaml, ("logo",)), temuan)
    gambar: dict[str, GambarNarasi] = {}
    if daftar is not None:
        for nama, g in daftar.root.items():
            berkas = periksa_gambar(folder, akar, g.berkas, Asal(daftar_yaml, (nama, "berkas")), temuan)
            if berkas is not None:
                gambar[nama] = GambarNarasi(nama, g.judul, g.alt, g.sumber, berkas, daftar_yaml.baris((nama,)))
    pindaian = None
    if pengaturan is not None and pengaturan.perjanjian_kinerja.pindaian is not None:
        pindaian = periksa_pdf(folder, akar, pengaturan.perjanjian_kinerja.pindaian,
                               Asal(pengaturan_yaml, ("perjanjian_kinerja", "pindaian")), temuan)
    return logo, gambar, pindaian
