"""Draft builds: a year whose data are incomplete builds only with --draft, with a DRAF mark on
every page of the site and the PDF and a placeholder where a value is missing; without --draft
the build refuses and names each missing value by file, row and column."""

from __future__ import annotations

import pytest
from bantu import BAB, perlu, teks_html, teks_pdf


@pytest.fixture
def draf(tmp_path, jalankan):
    """Sumberrejo 2025 made by new-year from 2024: nothing of 2025 filled in yet."""
    import shutil

    from bantu import DATA_TES
    akar = tmp_path / "data"
    shutil.copytree(DATA_TES, akar)
    assert jalankan("new-year", "--data", str(akar), "--unit", "sumberrejo", "--year", "2025").kode == 0
    return akar


def test_tanpa_draft_ditolak(draf, jalankan, tmp_path):
    keluar = jalankan("build", "--data", str(draf), "--unit", "sumberrejo", "--year", "2025", "--out", str(tmp_path / "b"))
    assert keluar.kode == 2
    assert "anggaran.csv, baris 2, kolom 'pagu': nilai belum diisi" in keluar.err
    assert "realisasi_iku.csv, baris 7, kolom 'realisasi': nilai belum diisi" in keluar.err
    assert "--draft" in keluar.err and "Traceback" not in keluar.err
    assert not (tmp_path / "b").exists()


def test_draft_mendaftar_yang_kosong(draf, jalankan, tmp_path, monkeypatch):
    import lkjip_calc.terbit.bangun as bangun

    monkeypatch.setattr(bangun, "bangun", lambda *a, **k: bangun.HasilBangun(tmp_path / "html", None, 1.0))
    keluar = jalankan("build", "--data", str(draf), "--unit", "sumberrejo", "--year", "2025", "--draft",
                      "--out", str(tmp_path / "b"))
    assert keluar.kode == 0, keluar.err
    # pagu and realisasi of 30 sub kegiatan, 6 PK budgets, 5 realisasi, 7 x 2 population counts, 2 dates
    assert "DRAF: 87 nilai belum diisi; ditampilkan sebagai [belum diisi]:" in keluar.out
    assert "anggaran.csv, baris 2, kolom 'pagu'" in keluar.out  # lists what is missing


@pytest.mark.buku
def test_draft_bertanda(buku_semua):
    perlu("pdftotext")
    folder = buku_semua.tahun("sumberrejo", 2025)
    for bab in BAB:
        assert "DRAF: data belum lengkap" in (folder / "html" / "chapters" / f"{bab}.html").read_text(encoding="utf-8")
    bab3 = teks_html(folder / "html" / "chapters" / "bab3.html")
    assert "[belum diisi]" in bab3 and "Target 2025" in bab3
    halaman = [h for h in teks_pdf(folder / "lkjip-sumberrejo-2025.pdf").split("\f") if h.strip()]
    assert len(halaman) > 30 and all("DRAF: data belum lengkap" in h for h in halaman), "setiap halaman PDF bertanda DRAF"
    assert any("[belum diisi]" in h for h in halaman)
