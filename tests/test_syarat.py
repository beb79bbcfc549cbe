"""Judgements chosen by the figures: the words and yes/no values of each IKU, counts said right for
none, some and all, and conditional text (laporan.syarat) checked and chosen by the figures."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from bantu import DATA, ganti

from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.hitung import rumus
from lkjip_calc.laporan import prosa
from lkjip_calc.laporan.nilai import ringkasan_iku
from lkjip_calc.laporan.siapkan import siapkan

# Kanigaran 2024 (the seed's tables): IKM 80,25 against a target of 84,5 and 84,5 in 2023: lower,
# target not met (94,97 %), efisiensi 0,96; Administrasi 100 of 100, as in 2023; Kelompok 100
# against a target of 45, up from 2023: 222,22 %.


def teks(laporan, isi: str) -> str:
    return prosa.isi(isi, laporan.nilai, laporan.tampilan)


def test_kata_penilaian_kanigaran(laporan):
    n = {k: v.teks(laporan.tampilan) for k, v in laporan.nilai.items()}
    assert (n["iku.ikm.arah"], n["iku.ikm.arah_kinerja"], n["iku.ikm.status"]) == (
        "menurun", "memburuk", "belum mencapai target")
    assert n["iku.ikm.status_efisiensi"] == "tidak efisien"  # 0,96 < 1 on capaian-per-serapan
    assert (n["iku.administrasi_perkantoran.arah"], n["iku.administrasi_perkantoran.status"]) == (
        "tetap", "mencapai target")
    assert (n["iku.kelompok_lembaga.arah"], n["iku.kelompok_lembaga.status"],
            n["iku.kelompok_lembaga.status_efisiensi"]) == ("meningkat", "melampaui target", "efisien")
    assert n["iku.ikm.banding_nasional"] == "-"  # no national figure: nothing claimed
    assert n["ringkasan.iku_tercapai"] == "sebanyak 2 (dua) dari 3 (tiga) IKU mencapai target"
    assert n["ringkasan.iku_belum_tercapai"] == "sebanyak 1 (satu) dari 3 (tiga) IKU belum mencapai target"
    assert laporan.nilai["iku.ikm.tercapai"].mentah is False and laporan.nilai["iku.kelompok_lembaga.melampaui"].mentah
    assert laporan.nilai["semua_iku_tercapai"].mentah is False


@pytest.mark.parametrize(("k", "n", "teks_"), [
    (3, 3, "seluruh 3 (tiga) IKU mencapai target"),
    (0, 3, "tidak ada IKU yang mencapai target"),
    (1, 3, "sebanyak 1 (satu) dari 3 (tiga) IKU mencapai target"),
    (1, 1, "satu-satunya IKU mencapai target"),
    (0, 0, None),
])
def test_ringkasan_untuk_nol_satu_dan_semua(k, n, teks_):
    assert ringkasan_iku(k, n, "mencapai target") == teks_


def test_filter_kapital(laporan):
    assert teks(laporan, "{{ ringkasan.iku_tercapai|kapital }}.") == "Sebanyak 2 (dua) dari 3 (tiga) IKU mencapai target."
    assert teks(laporan, "{{ iku.ikm.status|kapital }}") == "Belum mencapai target"


@pytest.mark.parametrize(("capaian", "serapan", "metode", "efisien"), [
    (Decimal(110), Decimal(100), "capaian-per-serapan", True),
    (Decimal(90), Decimal(100), "capaian-per-serapan", False),
    (Decimal(90), Decimal(100), "serapan-per-capaian", False),   # 100/90 = 1,11 > 1
    (Decimal(110), Decimal(100), "serapan-per-capaian", True),   # 100/110 = 0,91 <= 1
    (Decimal(-20), Decimal(100), "serapan-per-capaian", False),  # ratio -5: small, yet nothing achieved
    (Decimal(0), Decimal(100), "selisih", False),
    (Decimal(100), Decimal(100), "selisih", True),                # 0 points: from the threshold on
])
def test_efisien_menurut_metode(capaian, serapan, metode, efisien):
    assert rumus.efisien(rumus.efisiensi(capaian, serapan, metode), capaian, metode) is efisien


BLOK = """Awal.
<!-- jika iku.ikm.tercapai -->
Target IKM tercapai.
<!-- selain itu -->
Target IKM belum tercapai: {{ iku.ikm.capaian }}%.
<!-- akhir jika -->
<!-- jika anggaran.serapan >= 90 -->
Serapan baik.
<!-- akhir jika -->
<!-- jika tidak iku.kelompok_lembaga.melampaui -->
Tidak tampil.
<!-- akhir jika -->
<!-- jika iku.ikm.capaian < iku.kelompok_lembaga.capaian -->
<!-- jika iku.ikm.turun -->
IKM turun.
<!-- akhir jika -->
<!-- akhir jika -->
Akhir."""


def test_teks_bersyarat_dipilih_angka(laporan):
    assert teks(laporan, BLOK) == ("Awal.\nTarget IKM belum tercapai: 94,97%.\nSerapan baik.\nIKM turun.\nAkhir.")
    temuan = DaftarTemuan()
    prosa.periksa(BLOK, prosa.Tempat(DATA / "x.md"), laporan.nilai, temuan)
    assert temuan.daftar == []


def test_teks_bersyarat_mengikuti_data_lain(tmp_path):
    # the experiment of issue 9: IKM realisasi 85,5 (above target and last year)
    akar = tmp_path / "data"
    shutil.copytree(DATA, akar)
    ganti(akar / "kanigaran" / "2024" / "realisasi_iku.csv", "ikm,2024,80.25", "ikm,2024,85.5")
    lap = siapkan(akar, "kanigaran", 2024)
    assert teks(lap, BLOK).splitlines()[1] == "Target IKM tercapai."
    assert "IKM turun." not in teks(lap, BLOK)
    n = {k: v.teks(lap.tampilan) for k, v in lap.nilai.items()}
    assert (n["iku.ikm.arah"], n["iku.ikm.status"], n["ringkasan.iku_belum_tercapai"]) == (
        "meningkat", "melampaui target", "tidak ada IKU yang belum mencapai target")
    assert lap.nilai["semua_iku_tercapai"].mentah is True


@pytest.mark.parametrize(("isi", "pesan", "tingkat"), [
    ("<!-- jika iku.ikm.tercapi -->\nx\n<!-- akhir jika -->", "nilai 'iku.ikm.tercapi' tidak ada (mungkin maksudnya: "
     "iku.ikm.tercapai", "galat"),
    ("<!-- jika iku.ikm.capaian -->\nx\n<!-- akhir jika -->", "'iku.ikm.capaian' bukan nilai ya/tidak", "galat"),
    ("<!-- jika iku.ikm.indikator > 3 -->\nx\n<!-- akhir jika -->", "hanya angka yang dapat dibandingkan", "galat"),
    ("<!-- jika iku.ikm.capaian >> 3 -->\nx\n<!-- akhir jika -->", "kondisi tidak dapat dibaca", "galat"),
    ("<!-- jika iku.ikm.tercapai -->\nx", "'jika' tidak ditutup", "galat"),
    ("x\n<!-- selain itu -->", "'selain itu' tanpa 'jika' yang terbuka", "galat"),
    ("x\n<!-- akhir jika -->", "'akhir jika' tanpa 'jika' yang terbuka", "galat"),
    ("<!-- jika iku.ikm.tercapai -->\n<!-- selain itu -->\n<!-- selain itu -->\n<!-- akhir jika -->",
     "'selain itu' tanpa 'jika' yang terbuka", "galat"),
    ("<!-- jika -->\nx\n<!-- akhir jika -->", "kondisi tidak dapat dibaca", "galat"),
    ("x\n<!-- akhir -->", "penanda teks bersyarat tidak lengkap", "galat"),
    ("<!-- jika iku.ikm.realisasi_nasional > 80 -->\nx\n<!-- akhir jika -->",
     "kondisi tidak dapat dinilai karena nilainya kosong; teks di dalamnya dilewati", "peringatan"),
])
def test_teks_bersyarat_salah_disebut(laporan, isi, pesan, tingkat):
    temuan = DaftarTemuan()
    prosa.periksa(isi, prosa.Tempat(DATA / "narasi.md", 10), laporan.nilai, temuan)
    [t] = [t for t in temuan.daftar if t.pesan.startswith(pesan)]
    assert t.tingkat == tingkat and t.baris is not None and t.baris >= 10


def test_kondisi_kosong_melewati_blok(laporan):
    isi = "a\n<!-- jika iku.ikm.realisasi_nasional > 80 -->\nx\n<!-- selain itu -->\ny\n<!-- akhir jika -->\nb"
    assert teks(laporan, isi) == "a\nb"
