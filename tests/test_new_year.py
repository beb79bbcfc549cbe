"""`lkjip new-year`: next year's folder from the latest earlier one; nothing overwritten,
nothing invented, every figure to fill named by check."""

from __future__ import annotations

import csv

from bantu import perpanjang_renstra, sidik


def baca(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_tahun_baru(data_salinan, jalankan):
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0, keluar.err
    baru = data_salinan / "kanigaran" / "2025"
    assert "Dibuat:" in keluar.out and (baru / "BELUM-DIISI.md").exists()
    # carried forward
    for nama in ("unit.yaml", "organisasi.yaml", "program.csv", "iku_program.csv", "wilayah.csv", "renstra.yaml",
                 "narasi/iku/ikm.md", "analisis/ikm.yaml"):
        assert (baru / nama).read_bytes() == (data_salinan / "kanigaran" / "2024" / nama).read_bytes(), nama
    # last year's realisasi become the previous-year figures; this year's are empty
    realisasi = baca(baru / "realisasi_iku.csv")
    assert {(b["iku"], b["tahun"], b["realisasi"]) for b in realisasi if b["tahun"] == "2024"} == {
        ("ikm", "2024", "80.25"), ("administrasi_perkantoran", "2024", "100"), ("kelompok_lembaga", "2024", "100")}
    assert all(b["realisasi"] == "" for b in realisasi if b["tahun"] == "2025")
    anggaran = baca(baru / "anggaran.csv")
    assert len(anggaran) == 37 and all(b["pagu"] == "" and b["realisasi"] == "" for b in anggaran)
    assert all(b["target"] == "" for b in baca(baru / "perjanjian_kinerja.csv"))


def test_renstra_berakhir_tidak_menebak(data_salinan, jalankan):
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert "periode Renstra sudah berakhir" in keluar.out and "2019-2024" in keluar.out
    baru = data_salinan / "kanigaran" / "2025"
    assert baca(baru / "renstra_target.csv") == []
    cek = jalankan("check", "--data", str(data_salinan), "--year", "2025")
    assert cek.kode == 2
    assert "perjanjian_kinerja.csv, baris 2, kolom 'target': nilai belum diisi" in cek.err
    assert "anggaran.csv, baris 38, kolom 'realisasi': nilai belum diisi" in cek.err
    assert "laporan.yaml, baris 5, kunci 'tanggal_laporan': nilai belum diisi" in cek.err
    # a draft lists the Renstra still to type among what is to fill in, and goes on
    draf = jalankan("check", "--draft", "--data", str(data_salinan), "--year", "2025")
    assert draf.kode == 0, draf.err
    assert "PERINGATAN: " in draf.out and "renstra.yaml, baris 7, kunci 'tahun_akhir': periode Renstra 2019-2024" in draf.out


def test_renstra_berjalan_target_dari_renstra(data_salinan, jalankan):
    perpanjang_renstra(data_salinan / "kanigaran" / "2024")  # 2024 mid-period: targets for 2025 exist
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0 and "berakhir" not in keluar.out
    target = {b["iku"]: b["target"] for b in baca(data_salinan / "kanigaran" / "2025" / "perjanjian_kinerja.csv")}
    assert target == {"kelompok_lembaga": "50", "ikm": "85", "administrasi_perkantoran": "100"}


def test_tidak_menimpa(data_salinan, jalankan):
    sebelum = sidik(data_salinan)
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2 and "tidak pernah menimpa" in keluar.err
    assert sidik(data_salinan) == sebelum


def test_tanpa_tahun_dasar(data_salinan, jalankan):
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2020")
    assert keluar.kode == 2 and "tidak punya tahun sebelum 2020" in keluar.err


def test_tahun_sumber_yang_tidak_valid_tidak_disalin(data_salinan, jalankan, tmp_path):
    # a narrative linked to a file of the build machine is named, and no new year is made from it
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text("RAHASIA\n")
    narasi = data_salinan / "kanigaran" / "2024" / "narasi" / "kata_pengantar.md"
    narasi.unlink()
    narasi.symlink_to(rahasia)
    sebelum = sidik(data_salinan)
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 2
    assert "kata_pengantar.md: tautan simbolik ke luar folder data" in keluar.err
    assert "RAHASIA" not in keluar.out + keluar.err and "Traceback" not in keluar.err
    assert sidik(data_salinan) == sebelum and not (data_salinan / "kanigaran" / "2025").exists()
