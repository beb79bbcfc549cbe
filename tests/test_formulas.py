"""Each formula on its own, with the edge cases the published reports get wrong."""

from decimal import Decimal as D

import pytest

from lkjip_calc.hitung import rumus as formulas


def test_capaian_positif():
    # 80,25 / 84,5 = 0,949704...; the seed prints 94,97
    assert formulas.capaian(D("80.25"), D("84.5")).quantize(D("0.0001")) == D("94.9704")
    assert formulas.capaian(D(100), D(45)).quantize(D("0.01")) == D("222.22")


def test_capaian_negatif_permenpanrb():
    # lower is better: target 10, realisasi 8 -> (20 - 8) / 10 x 100 = 120
    assert formulas.capaian(D(8), D(10), "negatif") == D(120)
    assert formulas.capaian(D(12), D(10), "negatif") == D(80)


def test_capaian_negatif_target_per_realisasi():
    assert formulas.capaian(D(8), D(10), "negatif", "target-per-realisasi") == D(125)
    assert formulas.capaian(D(0), D(10), "negatif", "target-per-realisasi") is None


def test_capaian_negatif_realisasi_per_target():
    # the positive formula on a lower-is-better IKU, as some published reports compute it:
    # target 10, realisasi 8 -> 8 / 10 x 100 = 80 (a better realisasi reads as a lower capaian)
    assert formulas.capaian(D(8), D(10), "negatif", "realisasi-per-target") == D(80)
    assert formulas.capaian(D(12), D(10), "negatif", "realisasi-per-target") == D(120)
    assert formulas.capaian(D(0), D(10), "negatif", "realisasi-per-target") == D(0)
    assert formulas.alasan_kosong(D(0), D(10), "negatif", "realisasi-per-target") is None
    assert formulas.capaian(D(8), D(0), "negatif", "realisasi-per-target") is None
    # tingkat kemajuan 'rasio' applies the IKU's capaian formula to the Renstra end target: 9 / 12 x 100
    assert formulas.tingkat_kemajuan(D(9), D(12), "negatif", "rasio", "realisasi-per-target") == D(75)
    assert formulas.tingkat_kemajuan(D(9), D(12), "negatif", "rasio").quantize(D("0.01")) == D("125.00")


def test_uraian_capaian():
    assert formulas.uraian_capaian() == "realisasi / target × 100 (polaritas positif)"
    assert formulas.uraian_capaian("negatif", "target-per-realisasi") == "target / realisasi × 100 (polaritas negatif)"
    assert formulas.uraian_capaian("negatif").startswith("(2 × target - realisasi) / target × 100")
    assert formulas.uraian_capaian("negatif", "realisasi-per-target").startswith("realisasi / target × 100")
    with pytest.raises(ValueError):
        formulas.uraian_capaian("negatif", "lain")


def test_capaian_target_nol_dan_realisasi_kosong():
    assert formulas.capaian(D(5), D(0)) is None
    assert formulas.capaian(None, D(10)) is None
    assert formulas.alasan_kosong(D(5), D(0)) == "target bernilai 0 sehingga capaian tidak dapat dihitung"
    assert formulas.alasan_kosong(None, D(10)) == "realisasi belum tersedia"
    assert formulas.alasan_kosong(D(5), D(10)) is None


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
@pytest.mark.parametrize("rumus_negatif", ["permenpanrb-8-2021", "target-per-realisasi", "realisasi-per-target"])
@pytest.mark.parametrize("realisasi", [None, D(0), D(5)])
@pytest.mark.parametrize("target", [None, D(0), D(10)])
def test_capaian_kosong_selalu_beralasan(polaritas, rumus_negatif, realisasi, target):
    # a table never shows "- (None)": whenever there is no capaian, there is a reason in words
    capaian = formulas.capaian(realisasi, target, polaritas, rumus_negatif)
    alasan = formulas.alasan_kosong(realisasi, target, polaritas, rumus_negatif)
    assert (capaian is None) == (alasan is not None)
    if (polaritas, rumus_negatif, realisasi, target) == ("negatif", "target-per-realisasi", D(0), D(10)):
        assert alasan == "realisasi bernilai 0 sehingga target/realisasi tidak dapat dihitung"


def test_capaian_tanpa_batas_kecuali_diatur():
    assert formulas.capaian(D(100), D(45)) > 222
    assert formulas.capaian(D(100), D(45), batas=D(120)) == D(120)


def test_serapan_dan_persentase():
    # Kanigaran 2024: 14.663.367.084 of 14.959.915.882 = 98,0177...%
    assert formulas.serapan(14663367084, 14959915882).quantize(D("0.0001")) == D("98.0177")
    assert formulas.serapan(3, 4) == D(75)
    assert formulas.serapan(5, 0) is None
    assert formulas.serapan(None, 10) is None


@pytest.mark.parametrize("metode, harapan", [
    ("capaian-per-serapan", D("0.96")),
    ("serapan-per-capaian", D("1.04")),
    ("selisih", D("-3.54")),
])
def test_efisiensi_metode(metode, harapan):
    hasil = formulas.efisiensi(D("94.97"), D("98.51"), metode)
    assert hasil.quantize(D("0.01")) == harapan


def test_efisiensi_tanpa_serapan():
    assert formulas.efisiensi(D(100), D(0)) is None
    assert formulas.efisiensi(None, D(90)) is None


def test_tingkat_kemajuan():
    assert formulas.tingkat_kemajuan(D("80.25"), D("84.5"), metode="selisih") == D("-4.25")
    assert formulas.tingkat_kemajuan(D(100), D(45), metode="selisih") == D(55)
    assert formulas.tingkat_kemajuan(D(8), D(10), "negatif", "selisih") == D(2)
    assert formulas.tingkat_kemajuan(D(90), D(45), metode="rasio") == D(200)
    assert formulas.tingkat_kemajuan(D(8), D(10), "negatif", "rasio") == D(120)
    assert formulas.tingkat_kemajuan(D(8), None) is None


def test_penduduk():
    assert formulas.rasio_jenis_kelamin(30980, 31703).quantize(D("0.01")) == D("97.72")
    assert formulas.kepadatan(62683, D("10.66")).quantize(D("0.01")) == D("5880.21")
    assert formulas.kepadatan(10, D(0)) is None


def test_metode_tidak_dikenal():
    with pytest.raises(ValueError):
        formulas.efisiensi(D(1), D(1), "lain")
