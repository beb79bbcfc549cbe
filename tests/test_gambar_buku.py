"""The logo, a named image and the signed PK in the built book (the shared build: Sumberrejo 2024
carries all three, from tests/data; Sumberrejo 2025, made by new-year, the logo and the image but
no signed PK). PDF: the cover shows the logo, the PK's scanned pages follow the typed Lampiran,
"Gambar 1.x <judul>" is in the list of figures. Site: the logo with its alt text on the front
page, the numbered figure, the signed PK downloadable from the Lampiran page."""

from __future__ import annotations

import re
import subprocess

import pytest
from bantu import teks_html, teks_pdf

from lkjip_calc.laporan.daftar import nama_pk_pindaian

pytestmark = pytest.mark.buku

JUDUL_PETA = "Peta Wilayah Kecamatan Sumberrejo"
PK_HALAMAN = 2  # tests/data/sumberrejo/2024/lampiran/perjanjian-kinerja.pdf
JUDUL_PINDAIAN = "Perjanjian Kinerja Tahun 2024 yang Ditandatangani (hasil pindaian)"


def _halaman(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _gambar(pdf) -> list[list[str]]:
    keluar = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [b.split() for b in keluar.splitlines()[2:] if b.split()[2] == "image"]  # not their masks


@pytest.fixture(scope="module")
def folder(buku_semua):
    return buku_semua.tahun("sumberrejo", 2024)


@pytest.fixture(scope="module")
def pdf(folder):
    return folder / "lkjip-sumberrejo-2024.pdf"


def test_pdf_halaman_pk_ditandatangani(pdf, folder, buku_semua):
    halaman = _halaman(pdf)
    # the last PK_HALAMAN pages are the scan, each under its heading, with the scan's own text
    for nomor in range(halaman - PK_HALAMAN + 1, halaman + 1):
        teks = " ".join(teks_pdf(pdf, nomor).split())
        assert JUDUL_PINDAIAN in teks, (nomor, teks[:300])
        assert f"CONTOH PINDAIAN FIKTIF HALAMAN {nomor - (halaman - PK_HALAMAN)}" in teks, teks[:300]
    # the typed PK stays before them
    sebelum = " ".join(teks_pdf(pdf, halaman - PK_HALAMAN).split())
    assert "PIHAK PERTAMA" in sebelum and JUDUL_PINDAIAN not in sebelum
    # the year without a signed PK (2025, made by new-year) has no such page
    lain = buku_semua.tahun("sumberrejo", 2025) / "lkjip-sumberrejo-2025.pdf"
    assert JUDUL_PINDAIAN.replace("2024", "2025") not in teks_pdf(lain)
    # the scan's raster pages (one image each, 827 x 1169 pixels) are in the PDF, on those pages
    halaman_pindaian = {int(g[0]) for g in _gambar(pdf) if g[3:5] == ["827", "1169"]}
    assert halaman_pindaian == set(range(halaman - PK_HALAMAN + 1, halaman + 1))


def test_pdf_logo_di_sampul(pdf):
    # the logo (160 x 190 pixels) on page 1, the cover
    logo = [g for g in _gambar(pdf) if g[3:5] == ["160", "190"]]
    assert [g[0] for g in logo] == ["1"], logo


def test_pdf_gambar_bernomor_di_daftar_gambar(pdf):
    teks = " ".join(teks_pdf(pdf).split())
    daftar = teks[teks.rindex("DAFTAR GAMBAR"):][:3000]  # the list's own page (the Daftar Isi names it first)
    assert re.search(r"1\.1 " + JUDUL_PETA + r" \. \.", daftar), daftar[:600]  # its entry, dotted to its page
    assert re.search(r"Gambar 1\.1:? " + JUDUL_PETA, teks)  # the caption
    assert "Sumber: Peta Administrasi Kota Contoh (fiktif)" in teks


def test_html_logo_dan_gambar(folder):
    halaman = (folder / "html" / "chapters" / "sampul.html").read_text(encoding="utf-8")
    logo = re.findall(r'<img [^>]*class="[^"]*logo-sampul[^"]*"[^>]*>', halaman)
    assert len(logo) == 1, logo
    # alt text "Logo <pemerintah>", the shared build's pemerintah holding a LaTeX command: escaped, as text
    assert re.search(r'alt="Logo Pemerintah Kota Contoh \\input\{[^"]*\}"', logo[0]), logo[0]
    bab1 = teks_html(folder / "html" / "chapters" / "bab1.html")
    assert re.search(r"Gambar 1\.\d+ " + JUDUL_PETA, bab1), bab1[:500]
    mentah = (folder / "html" / "chapters" / "bab1.html").read_text(encoding="utf-8")
    assert 'alt="Peta contoh empat blok wilayah kelurahan Kecamatan Sumberrejo (fiktif)"' in mentah


def test_html_pk_ditandatangani_diunduh(folder, buku_semua):
    nama = nama_pk_pindaian(2024)
    lampiran = (folder / "html" / "chapters" / "lampiran.html").read_text(encoding="utf-8")
    tautan = re.findall(r'href="([^"]*' + re.escape(nama) + ')"', lampiran)
    assert tautan, lampiran[:500]
    unduhan = (folder / "html" / "chapters" / tautan[0]).resolve()
    asli = buku_semua.akar / "sumberrejo" / "2024" / "lampiran" / "perjanjian-kinerja.pdf"
    assert unduhan.read_bytes() == asli.read_bytes()
    assert "Perjanjian Kinerja Tahun 2024 yang Ditandatangani" in teks_html(
        folder / "html" / "chapters" / "lampiran.html")
