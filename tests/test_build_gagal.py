"""A failed build names the chapter and the step, exits non-zero without a traceback, and leaves
the last good outputs in place; a chapter that names an undeclared part fails at check, with the
chapter's file and line, before any kernel starts."""

from __future__ import annotations

import shutil

import pytest
from bantu import AKAR_PROYEK, DATA, ganti

from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit.bangun import BuildGagal, bangun


def salin_proyek(tujuan):
    for nama in ("_config.yml", "_toc.yml"):
        shutil.copy2(AKAR_PROYEK / nama, tujuan / nama)
    shutil.copytree(AKAR_PROYEK / "chapters", tujuan / "chapters")
    shutil.copytree(AKAR_PROYEK / "_static", tujuan / "_static")
    shutil.copytree(AKAR_PROYEK / "_tema", tujuan / "_tema")


@pytest.fixture
def proyek(tmp_path):
    folder = tmp_path / "proyek"
    folder.mkdir()
    salin_proyek(folder)
    return folder


def test_nama_tabel_salah_ditolak_check(proyek, jalankan, monkeypatch):
    ganti(proyek / "chapters" / "bab2.md", 'buku.tabel("renstra")', 'buku.tabel("rentsra")')  # line 49
    monkeypatch.chdir(proyek)  # lkjip runs from the book's folder
    keluar = jalankan("check", "--data", str(DATA))
    assert keluar.kode == 2
    assert ("GALAT: chapters/bab2.md, baris 49, kolom 1: nama untuk buku.tabel tidak dideklarasikan; ditemukan "
            "'rentsra'; diharapkan salah satu dari: ") in keluar.err
    assert "mungkin maksudnya: renstra" in keluar.err and "Traceback" not in keluar.err


def test_bab_tanpa_kernel_ditolak_build(proyek, tmp_path):
    ganti(proyek / "chapters" / "bab3.md", "buku.analisis_iku()", "buku.analisa_iku()")
    with pytest.raises(BuildGagal) as galat:
        bangun(siapkan(DATA, "kanigaran", 2024), proyek, tmp_path / "build", html_saja=True)
    assert "chapters/bab3.md" in str(galat.value) and "buku.analisa_iku" in str(galat.value)
    assert not (tmp_path / "build").exists()  # nothing staged, nothing run


@pytest.mark.buku
def test_bab_gagal_tidak_mengganti_hasil_lama(proyek, tmp_path):
    keluaran = tmp_path / "build"
    lama = keluaran / "kanigaran" / "2024" / "html"
    (lama / "chapters").mkdir(parents=True)
    (lama / "chapters" / "bab2.html").write_text("hasil baik sebelumnya", encoding="utf-8")
    # a chapter that only fails when it runs: the step and the error reach the user in one paragraph
    ganti(proyek / "chapters" / "bab2.md", 'buku.tabel("renstra")', 'buku.tabel("renstra")\n1 / 0')
    with pytest.raises(BuildGagal) as galat:
        bangun(siapkan(DATA, "kanigaran", 2024), proyek, keluaran, html_saja=True)
    pesan = str(galat.value)
    assert "Bab 'bab2'" in pesan and "papermill" in pesan and "ZeroDivisionError" in pesan
    assert "\n" not in pesan  # one paragraph
    assert (lama / "chapters" / "bab2.html").read_text(encoding="utf-8") == "hasil baik sebelumnya"


def test_cli_build_gagal_tanpa_traceback(tmp_path, jalankan, monkeypatch):
    import lkjip_calc.terbit.bangun as build

    def gagal(*args, **kwargs):
        raise build.BuildGagal("Bab 'bab3' gagal saat dijalankan (langkah: uji).")

    monkeypatch.setattr(build, "bangun", gagal)
    keluar = jalankan("build", "--out", str(tmp_path), "--html-only")
    assert keluar.kode == 2
    assert "BUILD GAGAL: Bab 'bab3'" in keluar.err and "tidak diubah" in keluar.err
    assert "Traceback" not in keluar.err


def test_cli_build_mencetak_lokasi(tmp_path, jalankan, monkeypatch):
    import lkjip_calc.terbit.bangun as build

    html, pdf = tmp_path / "kanigaran" / "2024" / "html", tmp_path / "kanigaran" / "2024" / "lkjip-kanigaran-2024.pdf"
    monkeypatch.setattr(build, "bangun", lambda *a, **k: build.HasilBangun(html, pdf, 12.34))
    keluar = jalankan("build", "--out", str(tmp_path))
    assert keluar.kode == 0, keluar.err
    assert keluar.out.splitlines()[-3:] == ["Selesai dalam 12,3 detik.", f"Situs HTML: {html / 'index.html'}",
                                            f"PDF: {pdf}"]
