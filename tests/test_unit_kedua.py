"""A second unit made only of data files (tests/data/sumberrejo): other IKUs (one of negative
polarity, one counted in documents), the Permendagri scale, other methods, more programs, its
own prose. It checks, computes and builds to HTML and PDF with no change to chapters or package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from buku import BAB, bangun, perlu, teks_html, teks_pdf
from lkjip_calc import formatting as f
from lkjip_calc.pipeline import siapkan

DATA_KEDUA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def kedua():
    return siapkan(DATA_KEDUA, "sumberrejo", 2024)


def test_data_valid_tanpa_peringatan(kedua, jalankan):
    keluar = jalankan("check", "--data", str(DATA_KEDUA), "--unit", "sumberrejo", "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert "Tidak ada peringatan." in keluar.out


def test_berbeda_dari_kanigaran(kedua):
    h = kedua.hasil
    assert len(h.kinerja) >= 4
    assert {k.polaritas for k in h.kinerja} == {"positif", "negatif"}
    assert "dokumen" in {k.satuan for k in h.kinerja}
    assert h.jumlah["program"] > 4
    assert h.data.skala.kode == "permendagri-86-2017"
    assert h.data.laporan.metode.efisiensi == "serapan-per-capaian"
    assert h.data.laporan.metode.tingkat_kemajuan == "rasio"


def test_angka_dihitung(kedua):
    h = kedua.hasil
    negatif = next(k for k in h.kinerja if k.polaritas == "negatif")
    # (2 x target - realisasi) / target x 100 with target 5, realisasi 4
    assert f.persen(negatif.capaian) == "120,00" and negatif.predikat == "Sangat Tinggi"
    assert negatif.perubahan_tahun_lalu == "naik"  # 6 cases -> 4: better
    for k in h.kinerja:
        if k.serapan is not None and k.capaian:
            assert k.efisiensi == k.serapan / k.capaian  # serapan-per-capaian
        if k.target_akhir_renstra:
            assert k.tingkat_kemajuan is not None
    predikat = {k.predikat for k in h.kinerja}
    assert predikat <= {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}
    assert h.pagu == sum(b["pagu"] for b in h.data.tabel["anggaran.csv"])


@pytest.fixture(scope="module")
def build_kedua(tmp_path_factory):
    perlu("xelatex", "latexmk", "pdftotext")
    keluaran = tmp_path_factory.mktemp("kedua")
    proses = bangun(keluaran, "--data", str(DATA_KEDUA), "--unit", "sumberrejo", "--year", "2024")
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return keluaran / "sumberrejo" / "2024"


def test_build_html_dan_pdf(build_kedua, kedua):
    html = {b: teks_html(build_kedua / "html" / "chapters" / f"{b}.html") for b in BAB}
    jumlah = 1 + 9 * len(kedua.hasil.kinerja) + 1
    assert f"Tabel 3.{jumlah} Realisasi Anggaran Tahun 2024" in html["bab3"]
    assert html["bab3"].count("Indikator:") >= len(kedua.hasil.kinerja)
    assert "Sangat Tinggi" in html["bab3"] and "120,00" in html["bab3"]
    pdf = " ".join(teks_pdf(build_kedua / "lkjip-sumberrejo-2024.pdf").split())
    assert "Kecamatan Sumberrejo" in pdf.upper().title() or "SUMBERREJO" in pdf
    assert f"Tabel 3.{jumlah}" in pdf
    semua = " ".join(html.values()) + pdf
    assert not re.search(r"Kanigaran|Probolinggo", semua), "tidak ada yang khas Kanigaran"
