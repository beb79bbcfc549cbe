"""Capaian per sasaran: the mean of its IKUs' capaian (unrounded), its predikat, its table in BAB III,
its prose values and its export, worked out by hand.

Kanigaran 2024 has one IKU per sasaran, so each sasaran's capaian is its IKU's; Sumberrejo 2024 and a
variant of the mini unit (tests/unit_mini.py) have a sasaran with two IKUs.
"""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from bantu import DATA_TES, ganti
from unit_mini import IND_KONFLIK, IND_TEPAT, SAS_KETERTIBAN, SAS_PELAYANAN, TAHUN, UNIT, tulis_unit_mini

from lkjip_calc.hitung import rumus
from lkjip_calc.laporan.daftar import TABEL, TABEL_SASARAN, UNDUHAN
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit import ekspor as modul_ekspor


def dua(nilai: D) -> D:
    return nilai.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def susun(lap, kode):
    return TABEL["capaian_sasaran"].susun(lap, next(s for s in lap.hasil.sasaran if s.kode == kode))


def test_rata_rata():
    assert rumus.rata_rata([D(90), D(400) / 3]) == (D(90) + D(400) / 3) / 2
    assert rumus.rata_rata([D("94.97")]) == D("94.97")
    assert rumus.rata_rata([D(90), None]) is None  # a draft: not the mean of the part filled in
    assert rumus.rata_rata([]) is None


def test_kanigaran_satu_iku_per_sasaran(laporan):
    h = laporan.hasil
    # 80,25 / 84,5 x 100 = 94,970...; 100 / 45 x 100 = 222,22...; 100 / 100 x 100 = 100
    assert [(s.kode, s.nomor, s.jumlah_iku) for s in h.sasaran] == [
        ("kualitas_pelayanan", 1, 1), ("kemampuan_kelompok", 2, 1), ("manajemen_perkantoran", 3, 1)]
    for s in h.sasaran:
        assert s.capaian == s.iku[0].capaian and s.predikat == s.iku[0].predikat
    assert [dua(s.capaian) for s in h.sasaran] == [D("94.97"), D("222.22"), D("100.00")]
    n, t = laporan.nilai, laporan.tampilan
    assert [n[f"sasaran.{s.kode}.capaian"].teks(t) for s in h.sasaran] == ["94,97", "222,22", "100,00"]
    assert n["sasaran.kualitas_pelayanan.predikat"].teks(t) == "Sangat Memuaskan"
    assert n["sasaran.kualitas_pelayanan.nama"].teks(t) == "Meningkatnya Kualitas Pelayanan Publik di Kecamatan Kanigaran"
    assert n["sasaran.kemampuan_kelompok.nomor"].teks(t) == "2"

    tabel = susun(laporan, "kualitas_pelayanan")
    assert (tabel.nama, tabel.judul) == ("capaian-sasaran-kualitas_pelayanan",
                                         "Capaian Sasaran 1: Meningkatnya Kualitas Pelayanan Publik di Kecamatan Kanigaran")
    assert tabel.sumber is None  # capaian_sasaran: null (the source report has no such table)
    assert tabel.isi.kepala == ["No", "Indikator Kinerja Utama", "Capaian (%)", "Predikat"]
    assert tabel.isi.baris == [["1.", "Indeks Kepuasan Masyarakat", "94,97", "Sangat Memuaskan"],
                               ["", "Rata-rata capaian sasaran", "94,97", "Sangat Memuaskan"]]
    assert tabel.isi.tebal == {1} and tabel.isi.angka == {2}


def test_sumberrejo_dua_iku_rata_rata_tanpa_pembulatan():
    lap = siapkan(DATA_TES, "sumberrejo", 2024)
    s = lap.hasil.sasaran[0]
    assert (s.kode, [k.kode for k in s.iku]) == ("kualitas_pelayanan", ["ikm", "layanan_tepat_waktu"])
    # ikm 84,12 / 83 x 100 = 101,349...; layanan 95,17 / 92,5 x 100 = 102,886...; mean 102,117...
    # (of the rounded 101,35 and 102,89 it would be 102,12 too, but the unrounded figures are averaged)
    harapan = (D("84.12") / D(83) * 100 + D("95.17") / D("92.5") * 100) / 2
    assert s.capaian == harapan and dua(s.capaian) == D("102.12")
    assert s.predikat == "Sangat Tinggi" and s.jumlah_iku == 2
    assert [dua(x.capaian) for x in lap.hasil.sasaran] == [D("102.12"), D("100.00"), D("120.00"), D("84.04")]
    tabel = susun(lap, "kualitas_pelayanan")
    assert tabel.isi.baris == [
        ["1.", "Indeks Kepuasan Masyarakat", "101,35", "Sangat Tinggi"],
        ["2.", "Persentase Permohonan Layanan Administrasi yang Diselesaikan Tepat Waktu", "102,89", "Sangat Tinggi"],
        ["", "Rata-rata capaian sasaran", "102,12", "Sangat Tinggi"]]
    assert tabel.sumber == "Laporan Capaian Indikator Kinerja Kecamatan Sumberrejo Tahun 2024 (diolah)"


@pytest.fixture
def dua_iku(tmp_path):
    """The mini unit with konflik moved to the sasaran of tepat_waktu: one sasaran, two IKUs."""
    akar = tmp_path / "data"
    folder = tulis_unit_mini(akar)
    ganti(folder / "renstra.yaml", "    sasaran: ketertiban\n", "    sasaran: pelayanan\n")
    return akar, folder


def test_mini_dua_iku_satu_sasaran(dua_iku):
    akar, _ = dua_iku
    lap = siapkan(akar, UNIT, TAHUN)
    (s,) = lap.hasil.sasaran
    # tepat_waktu 85,5 / 95 x 100 = 90; konflik 4 / 3 x 100 = 133,33...; mean (90 + 400/3) / 2 = 335/3 = 111,67
    assert s.capaian == (D(90) + D(400) / 3) / 2 and dua(s.capaian) == D("111.67")
    assert s.predikat == "Sangat Tinggi" and s.jumlah_iku == 2
    assert susun(lap, "pelayanan").isi.baris == [["1.", IND_TEPAT, "90,00", "Tinggi"],
                                                 ["2.", IND_KONFLIK, "133,33", "Sangat Tinggi"],
                                                 ["", "Rata-rata capaian sasaran", "111,67", "Sangat Tinggi"]]


def test_draf_iku_tanpa_capaian_sasaran_kosong(dua_iku):
    akar, folder = dua_iku
    ganti(folder / "realisasi_iku.csv", "konflik,2024,3,", "konflik,2024,,")
    lap = siapkan(akar, UNIT, TAHUN, draf=True)
    (s,) = lap.hasil.sasaran
    assert s.iku[0].capaian == D(90) and s.iku[1].capaian is None
    assert s.capaian is None and s.predikat is None  # not 90, the mean of the part filled in
    assert susun(lap, "pelayanan").isi.baris == [["1.", IND_TEPAT, "90,00", "Tinggi"],
                                                 ["2.", IND_KONFLIK, "[belum diisi]", "[belum diisi]"],
                                                 ["", "Rata-rata capaian sasaran", "[belum diisi]", "[belum diisi]"]]
    assert lap.nilai["sasaran.pelayanan.capaian"].teks(lap.tampilan) == "[belum diisi]"
    assert lap.nilai["sasaran.pelayanan.predikat"].teks(lap.tampilan) == "[belum diisi]"
    baris = modul_ekspor.tabel_sasaran(lap.hasil).values.tolist()
    assert baris == [["pelayanan", SAS_PELAYANAN, 2, None, None]]


def test_ekspor_sasaran(akar, tmp_path):
    lap = siapkan(akar, UNIT, TAHUN)
    keluar = tmp_path / "unduhan"
    modul_ekspor.ekspor(lap.hasil, keluar)
    with (keluar / "sasaran.csv").open(encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    # Renstra order; akuntabilitas has no IKU in this year's PK. Unrounded, '.' decimal.
    assert baris == [
        {"sasaran": "ketertiban", "nama": SAS_KETERTIBAN, "jumlah_iku": "1", "capaian": "133.33333333333334",
         "predikat": "Sangat Tinggi"},
        {"sasaran": "pelayanan", "nama": SAS_PELAYANAN, "jumlah_iku": "1", "capaian": "90", "predikat": "Tinggi"},
    ]


def test_tabel_sasaran_dideklarasikan():
    assert TABEL_SASARAN == ("capaian_sasaran",)
    assert "sasaran.csv" in [u.berkas for u in UNDUHAN]
