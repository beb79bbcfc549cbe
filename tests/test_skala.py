"""Predikat scales as data: the seed's Perwali 30/2020 and the 5-band Permendagri 86/2017 scale."""

from decimal import Decimal as D

import pytest
from bantu import DATA

from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.hitung.skala import Skala
from lkjip_calc.laporan.tabel import interval_skala
from lkjip_calc.laporan.tampilan import BIASA
from lkjip_calc.masukan.muat import muat_skala


def skala(kode):
    temuan = DaftarTemuan()
    s = muat_skala(DATA, kode, temuan)
    assert not temuan.daftar, [str(t) for t in temuan.daftar]
    return Skala.dari_model(kode, s)


@pytest.mark.parametrize("capaian, predikat", [
    ("222.22", "Sangat Memuaskan"),   # above 100 takes the top band
    ("100", "Sangat Memuaskan"),
    ("90.01", "Sangat Memuaskan"),
    ("90", "Memuaskan"),              # "> 90" excludes 90 itself
    ("90.004", "Memuaskan"),          # shown as 90,00: classified as shown
    ("90.005", "Sangat Memuaskan"),   # shown as 90,01
    ("80", "Sangat Baik"),
    ("70.5", "Sangat Baik"),
    ("60", "Cukup"),
    ("30.01", "Kurang"),
    ("30", "Sangat Kurang"),
    ("0", "Sangat Kurang"),
    ("-15", "Sangat Kurang"),         # negative-polarity capaian can fall below 0
])
def test_perwali_probolinggo(capaian, predikat):
    assert skala("perwali-kota-probolinggo-30-2020").predikat(D(capaian)) == predikat


@pytest.mark.parametrize("capaian, predikat", [
    ("141.92", "Sangat Tinggi"),
    ("91", "Sangat Tinggi"),
    ("90.99", "Tinggi"),
    ("76", "Tinggi"),
    ("75", "Sedang"),
    ("66", "Sedang"),
    ("65", "Rendah"),
    ("50.01", "Rendah"),
    ("50", "Sangat Rendah"),
    ("0", "Sangat Rendah"),
])
def test_permendagri(capaian, predikat):
    assert skala("permendagri-86-2017").predikat(D(capaian)) == predikat


def test_tanpa_capaian_tanpa_predikat():
    assert skala("permendagri-86-2017").predikat(None) is None


def test_teks_interval():
    assert interval_skala(skala("perwali-kota-probolinggo-30-2020"), BIASA) == [
        (">90 - 100", "Sangat Memuaskan"), (">80 - 90", "Memuaskan"), (">70 - 80", "Sangat Baik"),
        (">60 - 70", "Baik"), (">50 - 60", "Cukup"), (">30 - 50", "Kurang"), ("0 - 30", "Sangat Kurang")]
    assert interval_skala(skala("permendagri-86-2017"), BIASA) == [
        ("≥91", "Sangat Tinggi"), (">75 - <91", "Tinggi"), (">65 - 75", "Sedang"), (">50 - 65", "Rendah"),
        ("≤50", "Sangat Rendah")]
