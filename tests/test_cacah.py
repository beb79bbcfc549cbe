"""Realisasi from counts (realisasi_iku.csv: pembilang, penyebut with realisasi left empty).

On the mini unit (tests/unit_mini.py): tepat_waktu is a '%' IKU with target 95, its 2024 row is
line 3 of realisasi_iku.csv; konflik is counted in 'kasus', its 2024 row is line 6.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from bantu import ganti
from unit_mini import TAHUN, UNIT, tulis_unit_mini

from lkjip_calc.dasar.temuan import DataTidakValid, Jenis
from lkjip_calc.laporan.daftar import TABEL
from lkjip_calc.laporan.siapkan import siapkan

BARIS_TEPAT = "tepat_waktu,2024,85.5,171,200,,"
BARIS_KONFLIK = "konflik,2024,3,,,2.5,"


def dua(nilai: D) -> D:
    return nilai.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture
def csv_realisasi(tmp_path):
    akar = tmp_path / "data"
    folder = tulis_unit_mini(akar)
    path = folder / "realisasi_iku.csv"

    def ubah(lama: str, baru: str):
        ganti(path, lama, baru)
        return akar

    return ubah


def capaian_tepat(lap):
    return TABEL["capaian"].susun(lap, lap.hasil.iku("tepat_waktu")).isi.baris[0]


def test_realisasi_dihitung_dari_cacah_tanpa_pembulatan(csv_realisasi):
    # Kanigaran's case: 175 of 192 typed as 91.15 gives capaian 95.95; the count gives 95.94.
    akar = csv_realisasi(BARIS_TEPAT, "tepat_waktu,2024,,175,192,,")
    lap = siapkan(akar, UNIT, TAHUN)
    k = lap.hasil.iku("tepat_waktu")
    realisasi = D(175) / D(192) * 100  # 91.1458333...
    assert k.realisasi == realisasi
    assert dua(k.capaian) == D("95.94") == dua(realisasi / 95 * 100)
    assert dua(D("91.15") / 95 * 100) == D("95.95")  # what the typed, rounded value would give
    assert capaian_tepat(lap)[2:4] == ["91,15% (175 dari 192)", "95,94"]
    assert not lap.temuan.berjenis(Jenis.BELUM_DIISI)
    assert not [t for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER) if t.berkas.endswith("realisasi_iku.csv")]


def test_tabel_dan_penanda_menampilkan_cacah(csv_realisasi):
    lap = siapkan(csv_realisasi(BARIS_TEPAT, "tepat_waktu,2024,,7,12,,"), UNIT, TAHUN)
    k = lap.hasil.iku("tepat_waktu")
    assert k.realisasi == D(7) / D(12) * 100  # 58.333...
    assert capaian_tepat(lap)[2] == "58,33% (7 dari 12)"
    assert lap.nilai["iku.tepat_waktu.cacah"].teks(lap.tampilan) == "7 dari 12"
    assert lap.nilai["iku.konflik.cacah"].teks(lap.tampilan) == "-"  # no counts


@pytest.mark.parametrize("draf", [True, False])
def test_realisasi_kosong_tanpa_cacah_tetap_belum_diisi(csv_realisasi, draf):
    akar = csv_realisasi(BARIS_TEPAT, "tepat_waktu,2024,,,,,")
    if draf:
        lap = siapkan(akar, UNIT, TAHUN, draf=True)
        [t] = lap.belum_diisi
        assert lap.hasil.iku("tepat_waktu").realisasi is None
        assert capaian_tepat(lap)[2] == "[belum diisi]"
    else:
        with pytest.raises(DataTidakValid) as e:
            siapkan(akar, UNIT, TAHUN)
        [t] = e.value.temuan.galat_saja
    assert (t.jenis, t.berkas.endswith("realisasi_iku.csv"), t.baris, t.kolom) == (
        Jenis.BELUM_DIISI, True, 3, "kolom 'realisasi'")


def test_cacah_untuk_satuan_selain_persen_ditolak(csv_realisasi):
    akar = csv_realisasi(BARIS_KONFLIK, "konflik,2024,,1,4,2.5,")
    with pytest.raises(DataTidakValid) as e:
        siapkan(akar, UNIT, TAHUN, draf=True)  # not a figure still to fill in: an error in a draft too
    [t] = e.value.temuan.galat_saja
    assert (t.jenis, t.berkas.endswith("realisasi_iku.csv"), t.baris, t.kolom) == (
        Jenis.TIDAK_SAH, True, 6, "kolom 'realisasi'")
    assert "'%'" in t.pesan and "'kasus'" in t.pesan and "konflik" in t.pesan


@pytest.mark.parametrize("diketik, beda", [("58.3", True), ("58.33", False)])
def test_realisasi_diketik_dibandingkan_dengan_cacah(csv_realisasi, diketik, beda):
    lap = siapkan(csv_realisasi(BARIS_TEPAT, f"tepat_waktu,2024,{diketik},7,12,,"), UNIT, TAHUN)
    assert lap.hasil.iku("tepat_waktu").realisasi == D(diketik)  # the typed value is the one reported
    peringatan = [t for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER) if t.berkas.endswith("realisasi_iku.csv")]
    if beda:
        [t] = peringatan
        assert (t.baris, t.kolom, t.ditemukan, t.diharapkan) == (3, "kolom 'realisasi'", "58,3", "58,33")
    else:
        assert not peringatan
