"""Cells tagged for units with territory (laporan.daftar.TAG_WILAYAH) are dropped before a chapter
runs for a unit without territory, the heading with them."""

from __future__ import annotations

import jupytext
from bantu import AKAR_PROYEK

from lkjip_calc.laporan.bab import saring_sel


def _bab1(berwilayah: bool) -> str:
    nb = saring_sel(jupytext.read(AKAR_PROYEK / "chapters" / "bab1.md"), berwilayah)
    return "\n".join(s.source for s in nb.cells)


def test_unit_berwilayah_menyimpan_bagian_geografi():
    teks = _bab1(True)
    assert "### Kondisi dan Potensi Geografis" in teks
    assert 'buku.tabel("luas_wilayah")' in teks and 'buku.gambar("penduduk_kelurahan")' in teks


def test_unit_tanpa_wilayah_tanpa_bagian_geografi():
    teks = _bab1(False)
    for tidak in ("Kondisi dan Potensi Geografis", "bab1_geografi", "luas_wilayah", "penduduk"):
        assert tidak not in teks, tidak
    assert "### Tugas dan Fungsi Organisasi" in teks and 'buku.narasi("bab1_kedudukan")' in teks
