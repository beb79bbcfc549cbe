"""A failed build names the chapter and the step, exits non-zero without a traceback, and
leaves the last good outputs in place."""

from __future__ import annotations

import shutil

from lkjip_calc.build import BuildGagal, bangun
from lkjip_calc.pipeline import siapkan
from conftest import AKAR_PROYEK, DATA

import pytest


def salin_proyek(tujuan):
    for nama in ("_config.yml", "_toc.yml"):
        shutil.copy2(AKAR_PROYEK / nama, tujuan / nama)
    shutil.copytree(AKAR_PROYEK / "chapters", tujuan / "chapters")
    shutil.copytree(AKAR_PROYEK / "_static", tujuan / "_static")


def test_bab_gagal_tidak_mengganti_hasil_lama(tmp_path, capsys):
    proyek = tmp_path / "proyek"
    proyek.mkdir()
    salin_proyek(proyek)
    keluaran = tmp_path / "build"
    lap = siapkan(DATA, "kanigaran", 2024)

    hasil = bangun(lap, proyek, keluaran, html_saja=True)
    halaman = hasil.html / "chapters" / "bab2.html"
    sebelum = halaman.read_bytes()

    bab2 = proyek / "chapters" / "bab2.md"
    bab2.write_text(bab2.read_text(encoding="utf-8").replace('buku.tabel("renstra")', 'buku.tabel("tidak_ada")'),
                    encoding="utf-8")
    with pytest.raises(BuildGagal) as galat:
        bangun(lap, proyek, keluaran, html_saja=True)
    pesan = str(galat.value)
    assert "Bab 'bab2'" in pesan and "papermill" in pesan and "tidak_ada" in pesan
    assert "\n" not in pesan  # one paragraph
    assert halaman.read_bytes() == sebelum


def test_cli_build_gagal_tanpa_traceback(tmp_path, jalankan, monkeypatch):
    import lkjip_calc.build as build

    def gagal(*args, **kwargs):
        raise build.BuildGagal("Bab 'bab3' gagal saat dijalankan (langkah: uji).")

    monkeypatch.setattr(build, "bangun", gagal)
    keluar = jalankan("build", "--out", str(tmp_path), "--html-only")
    assert keluar.kode == 2
    assert "BUILD GAGAL: Bab 'bab3'" in keluar.err and "tidak diubah" in keluar.err
    assert "Traceback" not in keluar.err
