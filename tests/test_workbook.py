"""The Excel round trip: template, edit, import; and next year made without touching code:
new-year -> template -> fill -> import -> check -> build, every year reference the new one."""

from __future__ import annotations

import re

import pytest
from bantu import isi_bab, sidik
from openpyxl import load_workbook

from lkjip_calc.tahunan.buku_kerja import KOSONG_ISI


@pytest.fixture
def buku_kerja(data_salinan, jalankan, tmp_path):
    """The template of Kanigaran 2024 (of the scratch copy of data/), opened for editing."""
    xlsx = tmp_path / "k.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2024", "--out", str(xlsx)).kode == 0
    return xlsx, load_workbook(xlsx)


def test_tanpa_perubahan_sama_persis(data_salinan, jalankan, tmp_path):
    sebelum = sidik(data_salinan)
    xlsx = tmp_path / "kanigaran-2024.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2024", "--out", str(xlsx)).kode == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["Petunjuk", "Daftar"]
    assert {"anggaran", "perjanjian_kinerja", "realisasi_iku", "penduduk"} <= set(wb.sheetnames)
    assert wb["anggaran"]["E2"].value == 9500000 and wb["anggaran"]["E2"].number_format == "#,##0"
    assert any("Daftar!$A$2" in dv.formula1 for dv in wb["perjanjian_kinerja"].data_validations.dataValidation)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0 and "Tidak ada yang berubah." in keluar.out
    assert sidik(data_salinan) == sebelum


def test_galat_per_lembar_baris_kolom(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["anggaran"]["E2"] = "9.500.000"
    wb["perjanjian_kinerja"]["A3"] = "ikm_salah"
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2 and "tidak ada berkas yang diubah" in keluar.err
    assert "k.xlsx, lembar 'anggaran', baris 2, kolom E 'pagu'" in keluar.err and "'9.500.000'" in keluar.err
    assert "Traceback" not in keluar.err
    assert sidik(data_salinan) == sebelum


def test_rujukan_salah_disebut_per_lembar(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["perjanjian_kinerja"]["A3"] = "ikm_salah"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2
    assert "lembar 'perjanjian_kinerja', baris 3, kolom A 'iku': IKU tidak ada; ditemukan 'ikm_salah'" in keluar.err


def test_perubahan_dicetak_dan_cadangan(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["anggaran"]["E2"] = 9600000
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert "anggaran.csv: 1 perubahan" in keluar.out
    assert "baris 2, kolom 'pagu': '9500000' -> '9600000'" in keluar.out
    folder = data_salinan / "kanigaran" / "2024"
    cadangan = list((folder / ".cadangan").glob("*/anggaran.csv"))
    assert len(cadangan) == 1 and ",9500000,9490000" in cadangan[0].read_text(encoding="utf-8")
    assert ",9600000,9490000" in (folder / "anggaran.csv").read_text(encoding="utf-8")


def isi_kuning(xlsx):
    """Fill every yellow cell as an analyst would; PK budgets as the sums of their lines."""
    wb = load_workbook(xlsx)
    for ws in wb.worksheets[2:]:
        kepala = [c.value for c in ws[1]]
        for baris in ws.iter_rows(min_row=2):
            for sel in baris:
                if sel.fill == KOSONG_ISI or sel.fill.fgColor.rgb == KOSONG_ISI.fgColor.rgb:
                    nama = kepala[sel.column - 1]
                    sel.value = {"pagu": 1000000, "realisasi": 950000 if ws.title == "anggaran" else 88,
                                 "target": 80, "laki_laki": 1000, "perempuan": 1100, "anggaran": 0}[nama]
    ws = wb["anggaran"]
    jumlah = {}
    for program, pagu in ((r[0].value, r[4].value) for r in ws.iter_rows(min_row=2) if r[0].value):
        jumlah[program] = jumlah.get(program, 0) + pagu
    for r in wb["pk_anggaran"].iter_rows(min_row=2):
        r[1].value = jumlah[r[0].value]
    ws = wb["renstra_target"]  # the new Renstra's targets, from the new Renstra document
    for kode in ("ikm", "administrasi_perkantoran", "kelompok_lembaga"):
        for tahun in range(2025, 2030):
            ws.append([kode, tahun, 80])
    wb.save(xlsx)


def test_tahun_berikut_tanpa_mengubah_kode(data_salinan, jalankan, tmp_path):
    assert jalankan("new-year", "--data", str(data_salinan), "--year", "2025").kode == 0
    folder = data_salinan / "kanigaran" / "2025"
    # what is not in the workbook: the new Renstra period and the report dates (YAML)
    renstra = folder / "renstra.yaml"
    renstra.write_text(renstra.read_text(encoding="utf-8").replace("tahun_awal: 2019", "tahun_awal: 2025")
                       .replace("tahun_akhir: 2024", "tahun_akhir: 2029"), encoding="utf-8")
    laporan = folder / "laporan.yaml"
    teks = laporan.read_text(encoding="utf-8")
    teks = re.sub(r"tanggal_laporan:.*", "tanggal_laporan: 2026-01", teks)
    teks = re.sub(r"(\n  tanggal:).*", r"\1 2025-02", teks)
    laporan.write_text(teks, encoding="utf-8")

    xlsx = tmp_path / "kanigaran-2025.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2025", "--out", str(xlsx)).kode == 0
    isi_kuning(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0, keluar.err
    cek = jalankan("check", "--data", str(data_salinan), "--year", "2025")
    assert cek.kode == 0, cek.err
    assert "Data valid: Kecamatan Kanigaran, tahun 2025" in cek.out

    # What the 2025 chapters show (the book's whole text, before Sphinx): every year follows the data.
    parameter = {"unit": "kanigaran", "tahun": 2025, "data": str(data_salinan), "draf": False}
    semua = " ".join(" ".join(isi_bab(b, parameter, tmp_path) for b in ("ikhtisar_eksekutif", "bab2", "bab3")).split())
    semua = re.sub(r"Nomor \d+ [Tt]ahun \d{4}", "", semua)  # regulation citations are names, not report years
    assert "Tahun 2025" in semua and "Renstra" in semua
    # 2024 appears only where it means the previous year ("Realisasi 2024" in tables and chart texts, comparisons)
    assert len(re.findall(r"\b2024\b", semua)) >= 9  # at least once per IKU, in its previous-year table
    for m in re.finditer(r".{60}\b2024\b.{40}", semua):
        assert re.search(r"realisasi 2024|2024 terhadap Tahun 2025|tahun 2024 dan Tahun 2025|tahun 2024",
                         m.group(0), re.I), m.group(0)
    assert "2023" not in semua


def test_lembar_iku(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    ws = wb["iku"]
    assert [c.value for c in ws[1]][:6] == ["kode", "sasaran", "indikator", "singkatan", "satuan", "polaritas"]
    rumus = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert rumus["F"] == '"positif,negatif"' and rumus["E"].startswith("=Daftar!$L$2")
    ws["F2"] = "naik"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2
    assert "k.xlsx, lembar 'iku', baris 2, kolom F 'polaritas': nilai tidak dikenal; ditemukan 'naik'" in keluar.err

    ws["F2"] = "negatif"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert "renstra.yaml:" in keluar.out and "polaritas: negatif" in keluar.out
    renstra = (data_salinan / "kanigaran" / "2024" / "renstra.yaml").read_text(encoding="utf-8")
    assert "polaritas: negatif" in renstra and renstra.startswith("# Rencana Strategis")  # comments kept
    cek = jalankan("check", "--data", str(data_salinan), "--year", "2024")
    assert "capaian 105,03%" in cek.out  # (2 x 84,5 - 80,25) / 84,5
