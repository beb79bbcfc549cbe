"""Incremental builds are true: a build that reuses what the last one kept publishes exactly what a
build from nothing publishes, a build with nothing changed runs nothing, an edit to one prose file
brings up to date only the chapter that shows it (without a kernel, where its prose alone changed),
a build that did not finish makes the next one start over, and published outputs changed by hand
are built again. One test, one series of builds: each step reuses what the one before kept."""

from __future__ import annotations

import filecmp
import os
import re
from pathlib import Path

import pytest
from bantu import AKAR_PROYEK, lkjip, teks_html, teks_pdf

UNIT, TAHUN = "kanigaran", 2024
KALIMAT = "Kalimat ini ditambahkan untuk menguji build bertahap."
KALIMAT_IKU = "Kalimat analisis ini ditambahkan untuk menguji build bertahap."


def _build(data: Path, keluaran: Path, *opsi: str):
    # --out relative to lkjip's folder, as `make report` gives it (_build): kernels and Sphinx change folders
    relatif = os.path.relpath(keluaran, AKAR_PROYEK)
    proses = lkjip("build", "--unit", UNIT, "--year", str(TAHUN), "--data", str(data), "--out", relatif, *opsi)
    assert proses.returncode == 0, proses.stderr
    return proses


def _dijalankan(proses) -> list[str]:
    return re.findall(r"Bab (\w+) selesai dijalankan", proses.stdout)


def _dari_cache(proses) -> list[str]:
    return re.findall(r"Bab (\w+) dari cache", proses.stdout)


def _halaman_ditulis(tujuan: Path) -> list[str]:
    """The pages the last HTML build wrote, as its log names them."""
    log = re.sub(r"\x1b\[[0-9;]*m", "", (tujuan / "build-html.log").read_text(encoding="utf-8"))
    return re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", log)


def _isi(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.buku
def test_build_bertahap_sama_dengan_build_dari_awal(data_salinan, tmp_path):
    bertahap, dingin = tmp_path / "bertahap", tmp_path / "dingin"
    tujuan = bertahap / UNIT / str(TAHUN)
    pertama = _build(data_salinan, bertahap)
    assert sorted(_dijalankan(pertama)) == sorted(["sampul", "kata_pengantar", "ikhtisar_eksekutif", "bab1", "bab2",
                                                   "bab3", "bab4", "lampiran"])

    # nothing changed: nothing runs, nothing is published again
    sebelum = _isi(tujuan / "html")
    kedua = _build(data_salinan, bertahap)
    assert "Tidak ada yang berubah sejak build terakhir" in kedua.stdout
    assert _dijalankan(kedua) == [] and "Merakit" not in kedua.stdout
    assert _isi(tujuan / "html") == sebelum

    # one sentence of one prose file: no chapter runs; the one that shows it gets its prose rendered
    # again without a kernel, and only its page (with the pages listing every table) is written again
    narasi = data_salinan / UNIT / str(TAHUN) / "narasi" / "bab3_pengantar.md"
    narasi.write_text(narasi.read_text(encoding="utf-8").rstrip("\n") + " " + KALIMAT + "\n", encoding="utf-8")
    ketiga = _build(data_salinan, bertahap)
    assert _dijalankan(ketiga) == []
    assert "Bab bab3 dari cache, narasinya diperbarui tanpa kernel" in ketiga.stdout
    assert len(_dari_cache(ketiga)) == 8
    assert KALIMAT in teks_html(tujuan / "html" / "chapters" / "bab3.html")
    ditulis = _halaman_ditulis(tujuan)
    assert "chapters/bab3" in ditulis and "chapters/bab2" not in ditulis
    pdf = tujuan / f"lkjip-{UNIT}-{TAHUN}.pdf"
    assert KALIMAT in " ".join(teks_pdf(pdf).split())

    # the same inputs built from nothing elsewhere: the same site, PDF text, DOCX, XLSX and manifest
    _build(data_salinan, dingin)
    lain = dingin / UNIT / str(TAHUN)
    situs_a, situs_b = _isi(tujuan / "html"), _isi(lain / "html")
    assert sorted(situs_a) == sorted(situs_b)
    berbeda = [nama for nama in situs_a if situs_a[nama] != situs_b[nama]]
    assert berbeda == []
    assert teks_pdf(pdf) == teks_pdf(lain / pdf.name)
    for nama in (f"lkjip-{UNIT}-{TAHUN}.docx", "manifest.json"):
        assert filecmp.cmp(tujuan / nama, lain / nama, shallow=False), nama

    # the prose of one IKU, which BAB III shows among tables and charts: that chapter runs
    narasi_iku = sorted((data_salinan / UNIT / str(TAHUN) / "narasi" / "iku").glob("*.md"))[0]
    narasi_iku.write_text(narasi_iku.read_text(encoding="utf-8").rstrip("\n") + " " + KALIMAT_IKU + "\n",
                          encoding="utf-8")
    iku = _build(data_salinan, bertahap)
    assert _dijalankan(iku) == ["bab3"] and "tanpa kernel" not in iku.stdout
    assert KALIMAT_IKU in teks_html(tujuan / "html" / "chapters" / "bab3.html")

    # a build that did not finish (its mark left behind): the next one starts from nothing
    (tujuan / ".cache" / "BELUM-SELESAI").write_text("1234", encoding="utf-8")
    keempat = _build(data_salinan, bertahap, "--html-only")
    assert "Simpanan build dikosongkan (build sebelumnya tidak selesai)" in keempat.stdout
    assert len(_dijalankan(keempat)) == 8
    assert not (tujuan / ".cache" / "BELUM-SELESAI").exists()

    # --bersih: everything runs again though nothing changed
    kelima = _build(data_salinan, bertahap, "--html-only", "--bersih")
    assert len(_dijalankan(kelima)) == 8 and _dari_cache(kelima) == []

    # nothing changed in the inputs, but a published page was removed: the build does not trust the
    # outputs, and builds them again from the chapters it kept
    halaman = tujuan / "html" / "chapters" / "bab2.html"
    halaman.unlink()
    keenam = _build(data_salinan, bertahap, "--html-only")
    assert "Tidak ada yang berubah" not in keenam.stdout
    assert _dijalankan(keenam) == [] and len(_dari_cache(keenam)) == 8
    assert halaman.is_file()
