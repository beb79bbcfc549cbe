"""A second unit made only of data files (tests/data/sumberrejo): other IKUs (one of negative
polarity, one counted in documents), the Permendagri scale, other methods, more programs, its
own prose. It checks, computes and builds to HTML and PDF with no change to chapters or package."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
from bantu import BAB, DATA_TES, teks_html, teks_pdf

from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.laporan.tampilan import BIASA as f


@pytest.fixture(scope="module")
def kedua():
    return siapkan(DATA_TES, "sumberrejo", 2024)


def test_data_valid_satu_peringatan(jalankan):
    keluar = jalankan("check", "--data", str(DATA_TES), "--unit", "sumberrejo", "--year", "2024")
    assert keluar.kode == 0, keluar.err
    # the one warning: the Pelayanan Publik program serves two IKUs, so its budget is counted for both
    assert "Peringatan (1):" in keluar.out
    # alokasi: (1.588.150.000 + 1.683.500.000 + 8.248.370.400 + 424.650.000 + 766.650.000) / 11.123.170.400
    #   = 12.711.320.400 / 11.123.170.400 = 114,28 %: the 1.588.150.000 of pelayanan_publik counted twice
    assert ("iku_program.csv, baris 3, kolom 'program': anggaran dihitung untuk lebih dari satu IKU; "
            "ditemukan program 'pelayanan_publik' juga untuk IKU ikm; alokasi seluruh IKU berjumlah 114,28%") \
        in keluar.out


def test_berbeda_dari_kanigaran(kedua):
    h = kedua.hasil
    assert len(h.kinerja) == 5
    assert [k.polaritas for k in h.kinerja].count("negatif") == 1
    assert "dokumen" in {k.satuan for k in h.kinerja}
    assert h.jumlah["program"] == 6
    assert h.skala.kode == "permendagri-86-2017"
    assert h.data.pengaturan.metode.efisiensi == "serapan-per-capaian"
    assert h.data.pengaturan.metode.tingkat_kemajuan == "rasio"


def test_angka_dihitung(kedua):
    h = kedua.hasil
    konflik = h.iku("konflik_sosial")
    # lower is better, target 5, realisasi 4: (2 x 5 - 4) / 5 x 100 = 120
    assert konflik.capaian == D(120) and konflik.predikat == "Sangat Tinggi"
    assert konflik.perubahan_tahun_lalu == "naik"  # 6 cases -> 4: better
    # serapan-per-capaian: 419.795.000 / 424.650.000 x 100 = 98,8567...; / 120 = 0,8238...
    assert f.rasio(konflik.efisiensi) == "0,82"
    # rasio to the Renstra end target 3 (2 x 3 - 4) / 3 x 100 = 66,67
    assert f.persen(konflik.tingkat_kemajuan) == "66,67"
    lembaga = h.iku("lembaga_aktif")
    # 71,43 of a target 85 = 84,04 %: "Tinggi" (76-90) on the Permendagri scale
    assert f.persen(lembaga.capaian) == "84,04" and lembaga.predikat == "Tinggi"
    assert [k.predikat for k in h.kinerja] == ["Sangat Tinggi"] * 4 + ["Tinggi"]
    assert h.pagu == 11_123_170_400  # the 30 sub kegiatan of anggaran.csv


@pytest.mark.buku
def test_build_html_dan_pdf(buku_semua):
    folder = buku_semua.tahun("sumberrejo", 2024)
    html = {b: teks_html(folder / "html" / "chapters" / f"{b}.html") for b in BAB}
    # the scale, a capaian table for each of the four sasaran, nine tables for each of the five IKUs, the budget
    assert "Tabel 3.51 Realisasi Anggaran Tahun 2024" in html["bab3"]
    assert html["bab3"].count("Indikator:") == 5
    assert "Sangat Tinggi" in html["bab3"] and "120,00" in html["bab3"]
    pdf = " ".join(teks_pdf(folder / "lkjip-sumberrejo-2024.pdf").split())
    assert "KECAMATAN SUMBERREJO" in pdf
    assert "Tabel 3.51" in pdf
    semua = " ".join(html.values()) + pdf
    assert not re.search(r"Kanigaran|Probolinggo", semua), "tidak ada yang khas Kanigaran"
