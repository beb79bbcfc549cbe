"""Data text reaches HTML and LaTeX escaped: a kegiatan named with markup and LaTeX specials
shows as that literal text in both outputs, and runs no script."""

from __future__ import annotations

import shutil

import pytest

from buku import bangun, perlu, teks_pdf
from conftest import DATA

NAMA_JAHAT = "<script>alert(1)</script> 50% & _x_ #1 $2 {y}"
KEGIATAN = "Administrasi Umum Perangkat Daerah"


@pytest.fixture(scope="module")
def build_jahat(tmp_path_factory):
    perlu("xelatex", "latexmk", "pdftotext")
    akar = tmp_path_factory.mktemp("jahat")
    data = akar / "data"
    shutil.copytree(DATA, data)
    anggaran = data / "kanigaran" / "2024" / "anggaran.csv"
    teks = anggaran.read_text(encoding="utf-8")
    assert teks.count(f",{KEGIATAN},") == 5
    anggaran.write_text(teks.replace(f",{KEGIATAN},", f",{NAMA_JAHAT},"), encoding="utf-8")
    proses = bangun(akar / "build", "--data", str(data))
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return akar / "build" / "kanigaran" / "2024"


def test_html_lolos(build_jahat):
    bab3 = (build_jahat / "html" / "chapters" / "bab3.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in bab3
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 50% &amp; _x_ #1 $2 {y}" in bab3


def test_pdf_lolos(build_jahat):
    teks = " ".join(teks_pdf(build_jahat / "lkjip-kanigaran-2024.pdf").split())
    assert NAMA_JAHAT in teks
