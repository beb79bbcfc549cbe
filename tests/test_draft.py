"""Draft builds: a year whose data are incomplete builds only with --draft, with a DRAF mark on
every page of the site and the PDF and a placeholder where a value is missing; without --draft
the build refuses and names each missing value by file, row and column."""

from __future__ import annotations

import pytest

from buku import BAB, bangun, perlu, teks_html, teks_pdf


@pytest.fixture(scope="module")
def data_draf(tmp_path_factory):
    import shutil
    from conftest import DATA

    akar = tmp_path_factory.mktemp("draf") / "data"
    shutil.copytree(DATA, akar)
    renstra = akar / "kanigaran" / "2024" / "renstra.yaml"  # a Renstra that still runs in 2025
    renstra.write_text(renstra.read_text(encoding="utf-8").replace("tahun_akhir: 2024", "tahun_akhir: 2026"),
                       encoding="utf-8")
    with (akar / "kanigaran" / "2024" / "renstra_target.csv").open("a", encoding="utf-8") as f:
        f.write("ikm,2025,85\nkelompok_lembaga,2025,50\nadministrasi_perkantoran,2025,100\n")
    from lkjip_calc.scaffold import buat_tahun
    buat_tahun(akar, "kanigaran", 2025)
    return akar


def test_tanpa_draft_ditolak(data_draf, tmp_path):
    proses = bangun(tmp_path / "b", "--data", str(data_draf), "--year", "2025")
    assert proses.returncode == 2
    assert "anggaran.csv, baris 2, kolom 'pagu': nilai belum diisi" in proses.stderr
    assert "realisasi_iku.csv, baris 5, kolom 'realisasi': nilai belum diisi" in proses.stderr
    assert "--draft" in proses.stderr and "Traceback" not in proses.stderr
    assert not (tmp_path / "b").exists()


def test_draft_bertanda(data_draf, tmp_path):
    perlu("xelatex", "pdftotext")
    proses = bangun(tmp_path / "b", "--data", str(data_draf), "--year", "2025", "--draft")
    assert proses.returncode == 0, proses.stdout + proses.stderr
    assert "DRAF:" in proses.stdout and "nilai belum diisi" in proses.stdout
    assert "anggaran.csv, baris 2, kolom 'pagu'" in proses.stdout  # lists what is missing
    folder = tmp_path / "b" / "kanigaran" / "2025"
    for bab in BAB:
        assert "DRAF: data belum lengkap" in (folder / "html" / "chapters" / f"{bab}.html").read_text(encoding="utf-8")
    bab3 = teks_html(folder / "html" / "chapters" / "bab3.html")
    assert "[belum diisi]" in bab3 and "Target 2025" in bab3
    pdf = folder / "lkjip-kanigaran-2025.pdf"
    halaman = teks_pdf(pdf).split("\f")
    isi = [h for h in halaman if h.strip()]
    assert len(isi) > 30 and all("DRAF: data belum lengkap" in h for h in isi), "setiap halaman PDF bertanda DRAF"
    assert "[belum diisi]" in teks_pdf(pdf)
