"""Indonesian display, rounded half-up (never half-to-even)."""

import datetime
from decimal import Decimal as D

import pytest

from lkjip_calc.dasar import angka
from lkjip_calc.laporan.tampilan import BIASA as f
from lkjip_calc.laporan.tampilan import DRAF


@pytest.mark.parametrize("nilai, harapan", [
    (D("0.125"), "0,13"),    # half-to-even would give 0,12
    (D("2.675"), "2,68"),    # float 2.675 is 2.67499...; Decimal input keeps it exact
    (D("94.965"), "94,97"),
    (D("94.9649"), "94,96"),
    (D("100"), "100,00"),
    (D("-0.001"), "0,00"),
    (D("1234.5"), "1.234,50"),
])
def test_persen_bulat_setengah_ke_atas(nilai, harapan):
    assert f.persen(nilai) == harapan


def test_rupiah():
    assert f.rupiah(14959915882) == "14.959.915.882"
    assert f.rupiah(14959915882, awalan=True) == "Rp 14.959.915.882"
    assert f.rupiah(None) == "-"


def test_nilai_indikator_tanpa_nol_di_belakang():
    assert f.nilai_indikator(D("84.5")) == "84,5"
    assert f.nilai_indikator(D("80.25")) == "80,25"
    assert f.nilai_indikator(D("100")) == "100"
    assert f.nilai_indikator(None) == "-"


def test_terbilang_dan_tanggal():
    assert angka.terbilang(3) == "3 (tiga)"
    assert angka.terbilang(13) == "13 (tiga belas)"
    assert angka.bulan_tahun(datetime.date(2025, 1, 1)) == "Januari 2025"
    assert angka.bulan_tahun(datetime.date(2024, 11, 1)) == "November 2024"


def test_kosong_di_draf():
    assert DRAF.persen(None) == "[belum diisi]" and DRAF.rupiah(None, awalan=True) == "[belum diisi]"
    assert f.cacah(None) == "-" and f.cacah(62683) == "62.683"
    assert f.nilai_iku(D(100), "%") == "100%" and f.nilai_iku(None, "%") == "-"
