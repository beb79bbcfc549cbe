"""The site's Daftar Tabel and Daftar Gambar (on the front page): every numbered table and figure
of the book, whatever made it (report tables, charts, images of the prose), in the book's order,
with its number and caption, linked to it (the shared build)."""

from __future__ import annotations

import html
import re

import pytest
from bantu import BAB

pytestmark = pytest.mark.buku

# A numbered caption as Sphinx writes it, in a chapter: <caption> of a table, <figcaption> of a figure.
JUDUL = re.compile(r'<(caption|figcaption)>.*?<span class="caption-number">([^<]*)</span>'
                   r'<span class="caption-text">(.*?)</span><a class="headerlink" href="#([^"]+)"', re.S)
# An entry of the lists on the front page.
ENTRI = re.compile(r'<li><p><a class="reference internal" href="([^"#]*)#([^"]+)"><span class="caption-number">'
                   r'([^<]*)</span>(.*?)</a>', re.S)


def _teks(potongan: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", potongan)).split())


def _di_bab(folder) -> list[tuple[str, str, str, str]]:
    """Every numbered caption of the chapters, in the book's order: (page, id, number, caption)."""
    hasil = []
    for bab in BAB:
        isi = (folder / "chapters" / f"{bab}.html").read_text(encoding="utf-8")
        hasil += [(f"{bab}.html", m[4], m[2].strip(), _teks(m[3])) for m in JUDUL.finditer(isi)]
    return hasil


def _di_daftar(folder) -> list[tuple[str, str, str, str]]:
    isi = (folder / "chapters" / "sampul.html").read_text(encoding="utf-8")
    return [(m[1] or "sampul.html", m[2], m[3].strip(), _teks(m[4])) for m in ENTRI.finditer(isi)]


@pytest.mark.parametrize("unit, tahun", [("kanigaran", 2024), ("sumberrejo", 2024), ("sumberrejo", 2025)])
def test_daftar_sama_dengan_judul_di_bab(buku_semua, unit, tahun):
    folder = buku_semua.situs / unit / str(tahun)
    di_bab = _di_bab(folder)
    tabel = [e for e in di_bab if e[2].startswith("Tabel ")]
    gambar = [e for e in di_bab if e[2].startswith("Gambar ")]
    assert tabel and gambar and len(tabel) + len(gambar) == len(di_bab)
    # the lists hold the tables first, then the figures, each in the book's order
    assert _di_daftar(folder) == tabel + gambar


def test_daftar_kanigaran(buku_semua):
    """Kanigaran 2024 by hand: tables 2 in BAB I (area, population), 4 in BAB II, in BAB III the
    scale, one per sasaran (3), nine per IKU (3) and the budget = 1 + 3 + 27 + 1 = 32, and 2 in
    the Lampiran: 40; the last one in BAB III is the budget's."""
    daftar = _di_daftar(buku_semua.situs / "kanigaran" / "2024")
    tabel = [e for e in daftar if e[2].startswith("Tabel ")]
    assert len(tabel) == 2 + 4 + 32 + 2
    assert tabel[0] == ("bab1.html", "tabel-luas-wilayah", "Tabel 1.1", "Luas Wilayah per Kelurahan di Kecamatan Kanigaran")
    assert [e[2] for e in tabel if e[0] == "bab3.html"][-1] == "Tabel 3.32"
    # the Lampiran's own series, as in the PDF (and so in the XLSX and the DOCX, read from the site)
    assert [e[2:] for e in tabel if e[0] == "lampiran.html"] == [
        ("Tabel Lampiran 1", "Perjanjian Kinerja Perubahan Tahun 2024: Target Kinerja"),
        ("Tabel Lampiran 2", "Perjanjian Kinerja Perubahan Tahun 2024: Anggaran Program")]
    assert any(e[2] == "Gambar 3.4" and e[1] == "gambar-serapan-program" for e in daftar)


def test_daftar_memuat_gambar_narasi(buku_semua):
    """Sumberrejo 2024's prose shows an image as a numbered figure of its own ({figure}, 'Peta
    wilayah kecil', BAB IV): the list has it too, though no table or chart declaration made it."""
    daftar = _di_daftar(buku_semua.situs / "sumberrejo" / "2024")
    assert [e for e in daftar if e[3] == "Peta wilayah kecil"][0][:1] == ("bab4.html",)
