"""The chapter helpers without a full build: what a chapter shows, and a clear error where the
prose a chapter needs is missing."""

from __future__ import annotations

import pytest

import lkjip_calc.book as book
from conftest import DATA
from test_validation import TAHUN, ganti


@pytest.fixture
def tampilan(monkeypatch):
    keluar = []
    monkeypatch.setattr(book, "display", lambda m: keluar.append(m.data))
    return keluar


def test_bab3_per_iku_dari_data(tampilan, hasil):
    book.Buku("kanigaran", 2024, DATA).analisis_iku()
    teks = "\n".join(tampilan)
    assert teks.count("#### Indikator:") == len(hasil.kinerja)
    assert teks.count(":::{list-table}") == 9 * len(hasil.kinerja)
    assert "### Sasaran Strategis 1: Meningkatnya Kualitas Pelayanan Publik di Kecamatan Kanigaran" in teks


def test_narasi_bagian_hilang(data_salinan, tampilan):
    ganti(data_salinan / TAHUN / "narasi" / "bab2_pk.md", "<!-- anggaran -->", "<!-- anggran -->")
    buku = book.Buku("kanigaran", 2024, data_salinan)
    with pytest.raises(LookupError) as galat:
        buku.narasi("bab2_pk", "anggaran")
    assert "bab2_pk.md tidak memuat bagian '<!-- anggaran -->'" in str(galat.value)
    assert "anggran" in str(galat.value)


def test_tanda_tangan(tampilan):
    book.Buku("kanigaran", 2024, DATA).tanda_tangan()
    assert "Probolinggo, Januari 2025" in tampilan[0]
    assert "**CAMAT KANIGARAN**" in tampilan[0]
    assert "NIP\\. 19700103 199503 1 001" in tampilan[0] or "NIP. 19700103 199503 1 001" in tampilan[0]
