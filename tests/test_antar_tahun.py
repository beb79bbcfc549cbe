"""Changes between years (`masukan.antar_tahun`): when the previous year's folder exists, check warns
(Jenis.ANTAR_TAHUN) of an IKU whose polarity, capaian formula or satuan changed, and of a realisasi
of last year that differs from what last year's folder recorded, naming both years' files and lines."""

from __future__ import annotations

import pytest
from bantu import DATA, ganti, perpanjang_renstra

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.masukan.muat import muat


@pytest.fixture
def dua_tahun(data_salinan, jalankan):
    """Kanigaran 2024 and 2025 (made by new-year from 2024)."""
    perpanjang_renstra(data_salinan / "kanigaran" / "2024")
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0, keluar.err
    return data_salinan


def _antar_tahun(akar, tahun=2025) -> list[str]:
    data, temuan = muat(akar, "kanigaran", tahun, draf=True)
    assert data is not None, [str(t) for t in temuan.galat_saja]
    return [str(t) for t in temuan.berjenis(Jenis.ANTAR_TAHUN)]


def _baris(path, awal: str, sesudah: str | None = None) -> int:
    """The line number of the first line starting with `awal` (after the line `sesudah`, if given)."""
    baris = path.read_text(encoding="utf-8").splitlines()
    mulai = baris.index(sesudah) if sesudah else 0
    return next(n for n, b in enumerate(baris, start=1) if n > mulai and b.startswith(awal))


def test_data_contoh_tanpa_peringatan(dua_tahun):
    assert _antar_tahun(DATA, 2024) == []                  # no 2023 folder
    assert _antar_tahun(dua_tahun) == []                   # new-year's copy keeps everything
    data, temuan = muat(DATA.parent / "tests" / "data", "sumberrejo", 2024)
    assert data is not None and not temuan.berjenis(Jenis.ANTAR_TAHUN)


def test_polaritas_berubah(dua_tahun):
    r25, r24 = (dua_tahun / "kanigaran" / t / "renstra.yaml" for t in ("2025", "2024"))
    ganti(r25, "    polaritas: positif\n    rumus: Hasil", "    polaritas: negatif\n    rumus: Hasil")
    n25, n24 = (_baris(p, "    polaritas:", "  - kode: ikm") for p in (r25, r24))
    assert _antar_tahun(dua_tahun) == [
        f"PERINGATAN: {r25}, baris {n25}, kunci 'iku[0].polaritas': polaritas IKU 'ikm' berubah dari tahun 2024; "
        f"deret capaian tahun 2024 dan 2025 tidak lagi sebanding; ditemukan 'negatif'; diharapkan 'positif' "
        f"seperti di {r24} baris {n24}, atau jelaskan perubahannya di narasi"]


def test_rumus_capaian_berubah(dua_tahun):
    folder24, folder25 = dua_tahun / "kanigaran" / "2024", dua_tahun / "kanigaran" / "2025"
    for folder in (folder24, folder25):  # negatif in both years: the formula matters
        ganti(folder / "renstra.yaml", "    polaritas: positif\n    rumus: Hasil",
              "    polaritas: negatif\n    rumus: Hasil")
    assert _antar_tahun(dua_tahun) == []
    # 2025 sets its own formula for the IKU; 2024 used the unit's (laporan.yaml)
    ganti(folder25 / "renstra.yaml", "    polaritas: negatif\n",
          "    polaritas: negatif\n    rumus_capaian_negatif: realisasi-per-target\n")
    n25 = _baris(folder25 / "renstra.yaml", "    rumus_capaian_negatif:")
    n24 = _baris(folder24 / "laporan.yaml", "  capaian_negatif:")
    assert _antar_tahun(dua_tahun) == [
        f"PERINGATAN: {folder25 / 'renstra.yaml'}, baris {n25}, kunci 'iku[0].rumus_capaian_negatif': rumus "
        f"capaian IKU 'ikm' berubah dari tahun 2024; deret capaian tahun 2024 dan 2025 tidak lagi sebanding; "
        f"ditemukan 'realisasi-per-target'; diharapkan 'permenpanrb-8-2021' seperti di "
        f"{folder24 / 'laporan.yaml'} baris {n24}, atau jelaskan perubahannya di narasi"]


def test_satuan_berubah(dua_tahun):
    r25, r24 = (dua_tahun / "kanigaran" / t / "renstra.yaml" for t in ("2025", "2024"))
    ganti(r25, "    satuan: indeks\n", "    satuan: poin\n")
    n25, n24 = (_baris(p, "    satuan:", "  - kode: ikm") for p in (r25, r24))
    assert _antar_tahun(dua_tahun) == [
        f"PERINGATAN: {r25}, baris {n25}, kunci 'iku[0].satuan': satuan IKU 'ikm' berubah dari tahun 2024; "
        f"deret capaian tahun 2024 dan 2025 tidak lagi sebanding; ditemukan 'poin'; diharapkan 'indeks' "
        f"seperti di {r24} baris {n24}, atau jelaskan perubahannya di narasi"]


def test_realisasi_tahun_lalu_berbeda(dua_tahun, jalankan):
    c25, c24 = (dua_tahun / "kanigaran" / t / "realisasi_iku.csv" for t in ("2025", "2024"))
    ganti(c25, "ikm,2024,80.25,", "ikm,2024,80.5,")
    n25, n24 = _baris(c25, "ikm,2024,"), _baris(c24, "ikm,2024,")
    pesan = (f"PERINGATAN: {c25}, baris {n25}, kolom 'realisasi': realisasi tahun 2024 IKU 'ikm' berbeda dengan "
             f"data tahun 2024; ditemukan 80,5; diharapkan 80,25 seperti di {c24} baris {n24}, atau perbaiki data "
             f"tahun 2024 bila angka itulah yang salah")
    assert _antar_tahun(dua_tahun) == [pesan]
    cek = jalankan("check", "--data", str(dua_tahun), "--year", "2025", "--draft")
    assert cek.kode == 0, cek.err
    assert pesan in [b.strip() for b in cek.out.splitlines()]


def test_tahun_lalu_rusak_dilewati(dua_tahun):
    folder24 = dua_tahun / "kanigaran" / "2024"
    ganti(folder24 / "renstra.yaml", "    polaritas: positif\n    rumus: Hasil", "    polaritas: naik\n    rumus: Hasil")
    ganti(dua_tahun / "kanigaran" / "2025" / "realisasi_iku.csv", "ikm,2024,80.25,", "ikm,2024,80.5,")
    assert _antar_tahun(dua_tahun) == [
        f"PERINGATAN: {folder24}: data tahun 2024 tidak dapat dibaca utuh; perbandingan IKU dengan tahun 2024 "
        f"dilewati; diharapkan renstra.yaml, laporan.yaml dan realisasi_iku.csv tahun 2024 tanpa galat "
        f"(lkjip check --year 2024)"]
    (folder24 / "realisasi_iku.csv").unlink()
    assert len(_antar_tahun(dua_tahun)) == 1
