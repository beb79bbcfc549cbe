"""The yearly workflow's own pieces, without the CLI: next year's laporan.yaml keeps every comment
and only empties the dates; a failed new-year leaves no folder; the workbook's cells become CSV
text exactly; changes are worded per row and column; the IKU sheet rewrites renstra.yaml in place."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from bantu import TAHUN

from lkjip_calc.tahunan import buku_kerja, tahun_baru


def test_laporan_tahun_baru_hanya_tanggal_dikosongkan(data_salinan):
    tahun_baru.buat_tahun(data_salinan, "kanigaran", 2025)
    lama = (data_salinan / TAHUN / "laporan.yaml").read_text(encoding="utf-8").splitlines()
    baru = (data_salinan / "kanigaran" / "2025" / "laporan.yaml").read_text(encoding="utf-8").splitlines()
    assert len(baru) == len(lama)
    beda = [(a, b) for a, b in zip(lama, baru, strict=True) if a != b]
    # examples of the new year's own dates: the report early the next year, the PK early this one
    assert beda == [
        ("tanggal_laporan: 2025-01      # tanggal Kata Pengantar (tahun-bulan)",
         "tanggal_laporan: # BELUM DIISI: tahun-bulan, mis. 2026-01"),
        ("  tanggal: 2024-11            # tanggal penandatanganan (tahun-bulan)",
         "  tanggal: # BELUM DIISI: tahun-bulan, mis. 2025-02"),
    ]


def test_tahun_baru_gagal_tidak_meninggalkan_folder(data_salinan, monkeypatch):
    asli = tahun_baru._baca

    def gagal_di_anggaran(folder, nama):
        if nama == "anggaran.csv":
            raise OSError("disk penuh")
        return asli(folder, nama)

    monkeypatch.setattr(tahun_baru, "_baca", gagal_di_anggaran)
    with pytest.raises(OSError, match="disk penuh"):
        tahun_baru.buat_tahun(data_salinan, "kanigaran", 2025)
    assert sorted(p.name for p in (data_salinan / "kanigaran").iterdir()) == ["2024"]


@pytest.mark.parametrize("sel, teks", [
    (None, ""), (9500000, "9500000"), (2.0, "2"), (80.25, "80.25"), (0.1, "0.1"), (D("84.50"), "84.5"),
    ("  Kanigaran ", "Kanigaran"), ("9.500.000", "9.500.000"),  # text stays text: the check names it
])
def test_sel_menjadi_teks_csv(sel, teks):
    assert buku_kerja._teks_sel(sel) == teks


@pytest.mark.parametrize("sel", [True, datetime.date(2024, 1, 1), datetime.datetime(2024, 1, 1, 8, 0)])
def test_sel_tanggal_dan_ya_tidak_ditolak(sel):
    with pytest.raises(ValueError):
        buku_kerja._teks_sel(sel)


def test_perubahan_per_baris_dan_kolom():
    lama = "iku,target\nikm,84.5\nadm,100\n"
    baru = "iku,target\nikm,85\nadm,100\nkel,45\n"
    assert buku_kerja._perubahan(lama, baru, "perjanjian_kinerja.csv") == [
        "baris 2, kolom 'target': '84.5' -> '85'", "baris 4 ditambah: kel,45"]
    assert buku_kerja._perubahan(baru, lama, "perjanjian_kinerja.csv")[-1] == "baris 4 dihapus: kel,45"
    assert buku_kerja._perubahan(lama, lama, "x.csv") == [] and buku_kerja._perubahan(None, lama) == ["berkas baru"]


RENSTRA = """# Renstra contoh
dokumen: Renstra
iku:
  - kode: ikm   # survei tahunan
    sasaran: pelayanan
    indikator: Indeks Kepuasan Masyarakat
    satuan: indeks
    polaritas: positif
  - kode: kasus
    sasaran: tertib
    indikator: Jumlah kasus
    satuan: kasus
    polaritas: negatif
    rumus: hitungan
"""


def test_lembar_iku_menulis_renstra_di_tempat():
    iku = [
        {"kode": "ikm", "sasaran": "pelayanan", "indikator": "Indeks Kepuasan Masyarakat", "satuan": "nilai",
         "polaritas": "positif"},
        {"kode": "kasus", "sasaran": "tertib", "indikator": "Jumlah kasus", "satuan": "kasus", "polaritas": "negatif"},
        {"kode": "baru", "sasaran": "tertib", "indikator": "IKU baru", "satuan": "%", "polaritas": "positif"},
    ]
    assert buku_kerja._ganti_iku(RENSTRA, iku) == """# Renstra contoh
dokumen: Renstra
iku:
  - kode: ikm   # survei tahunan
    sasaran: pelayanan
    indikator: Indeks Kepuasan Masyarakat
    satuan: nilai
    polaritas: positif
  - kode: kasus
    sasaran: tertib
    indikator: Jumlah kasus
    satuan: kasus
    polaritas: negatif
  - kode: baru
    sasaran: tertib
    indikator: IKU baru
    satuan: '%'
    polaritas: positif
"""
