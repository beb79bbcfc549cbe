"""`lkjip export` writes the four machine-readable tables with the seed's figures."""

import csv
from decimal import Decimal as D

import pytest

from lkjip_calc.terbit.ekspor import KOLOM_ANGGARAN, KOLOM_KINERJA, KOLOM_SASARAN, KOLOM_WILAYAH


def baca(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_ekspor_empat_tabel(jalankan, tmp_path):
    keluar = jalankan("export", "--unit", "kanigaran", "--year", "2024", "--out", str(tmp_path / "o"))
    assert keluar.kode == 0, keluar.err
    kinerja, anggaran, wilayah = (baca(tmp_path / "o" / n) for n in ("kinerja.csv", "anggaran.csv", "wilayah.csv"))

    assert list(kinerja[0]) == KOLOM_KINERJA
    ikm = next(b for b in kinerja if b["iku"] == "ikm")
    assert D(ikm["capaian"]).quantize(D("0.01")) == D("94.97")
    assert D(ikm["capaian"]) != D("94.97"), "ekspor tidak boleh dibulatkan"
    assert ikm["predikat"] == "Sangat Memuaskan"
    assert ikm["pagu"] == "2868865500" and ikm["realisasi_anggaran"] == "2826167168"
    assert D(ikm["serapan"]).quantize(D("0.01")) == D("98.51")
    assert D(ikm["efisiensi"]).quantize(D("0.01")) == D("0.96")  # a ratio, not a percentage
    assert ikm["target"] == "84.5" and ikm["realisasi"] == "80.25" and ikm["realisasi_tahun_lalu"] == "82.75"
    kel = next(b for b in kinerja if b["iku"] == "kelompok_lembaga")
    assert D(kel["capaian"]).quantize(D("0.01")) == D("222.22")
    assert kel["tingkat_kemajuan"] == "55" and kel["target_akhir_renstra"] == "45"

    sasaran = baca(tmp_path / "o" / "sasaran.csv")
    assert list(sasaran[0]) == KOLOM_SASARAN
    # One IKU per sasaran: each sasaran's capaian is its IKU's, unrounded.
    assert [(b["sasaran"], b["jumlah_iku"], b["capaian"], b["predikat"]) for b in sasaran] == [
        ("kualitas_pelayanan", "1", ikm["capaian"], "Sangat Memuaskan"),
        ("kemampuan_kelompok", "1", kel["capaian"], "Sangat Memuaskan"),
        ("manajemen_perkantoran", "1", "100", "Sangat Memuaskan")]

    assert list(anggaran[0]) == KOLOM_ANGGARAN
    assert [b["tingkat"] for b in anggaran].count("sub_kegiatan") == 37
    assert [b["tingkat"] for b in anggaran].count("kegiatan") == 11
    assert [b["tingkat"] for b in anggaran].count("program") == 4
    total = anggaran[-1]
    assert total["tingkat"] == "total" and total["pagu"] == "14959915882" and total["realisasi"] == "14663367084"
    assert D(total["serapan"]).quantize(D("0.01")) == D("98.02")
    program = {b["program"]: b["pagu"] for b in anggaran if b["tingkat"] == "program"}
    assert sorted(program.values()) == ["2221176104", "2417627500", "451238000", "9869874278"]

    assert list(wilayah[0]) == KOLOM_WILAYAH
    jumlah = wilayah[-1]
    assert (jumlah["kelurahan"], jumlah["laki_laki"], jumlah["perempuan"], jumlah["jumlah"]) == \
        ("Jumlah", "30980", "31703", "62683")
    assert jumlah["luas_km2"] == "10.66"
    assert len(wilayah) == 7
    teks = (tmp_path / "o" / "anggaran.csv").read_text(encoding="utf-8")
    assert "14.959" not in teks and "98,02" not in teks


def test_bawaan_unit_dan_tahun(jalankan, tmp_path):
    keluar = jalankan("export", "--out", str(tmp_path / "o"))
    assert keluar.kode == 0, keluar.err
    assert "Ditulis:" in keluar.out


@pytest.mark.parametrize("perintah", [("export", "--out", "{}"), ("template", "--out", "{}/k.xlsx"),
                                      ("build", "--html-only", "--out", "{}"), ("build", "--all", "--out", "{}")])
def test_tolak_menulis_ke_data(jalankan, perintah):
    from bantu import DATA, sidik
    sebelum = sidik(DATA)
    keluar = jalankan(*[a.format(DATA / "kanigaran" / "keluaran") for a in perintah])
    assert keluar.kode == 2 and "di dalam folder data" in keluar.err
    assert not (DATA / "kanigaran" / "keluaran").exists() and sidik(DATA) == sebelum


def test_check_ringkasan(jalankan):
    keluar = jalankan("check")
    assert keluar.kode == 0, keluar.err
    assert "Data valid: Kecamatan Kanigaran, tahun 2024" in keluar.out
    assert "capaian 94,97%, predikat Sangat Memuaskan" in keluar.out
    assert "capaian 222,22%" in keluar.out
    assert "pagu Rp 14.959.915.882, realisasi Rp 14.663.367.084, serapan 98,02%" in keluar.out


def test_perintah_terpasang():
    """The `lkjip` console script runs in a fresh process (no traceback, Indonesian help)."""
    import subprocess
    import sys
    from pathlib import Path
    lkjip = Path(sys.executable).parent / "lkjip"
    keluar = subprocess.run([str(lkjip), "check", "--help"], capture_output=True, text=True)
    assert keluar.returncode == 0 and "penggunaan: lkjip check" in keluar.stdout


def test_check_ringkasan_serapan_kosong_tanpa_persen(jalankan, tmp_path):
    """A draft without budget realisasi prints serapan '-', never '-%'."""
    from bantu import ganti
    from unit_mini import TAHUN, UNIT, tulis_unit_mini
    akar = tmp_path / "data"
    ganti(tulis_unit_mini(akar) / "anggaran.csv", "20000000,19000000", "20000000,")
    keluar = jalankan("check", "--data", str(akar), "--unit", UNIT, "--year", str(TAHUN), "--draft")
    assert keluar.kode == 0, keluar.err
    assert "serapan -, efisiensi -" in keluar.out and keluar.out.rstrip().count("serapan -") >= 2
    assert "-%" not in keluar.out
