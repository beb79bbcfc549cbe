"""Data text reaches HTML and LaTeX escaped: a kegiatan named with markup and LaTeX specials
(in the shared build's Sumberrejo 2024) shows as that literal text in both outputs, and runs no
script."""

from __future__ import annotations

import pytest
from bantu import NAMA_JAHAT, teks_pdf

pytestmark = pytest.mark.buku


def test_html_lolos(buku_semua):
    bab3 = (buku_semua.tahun("sumberrejo", 2024) / "html" / "chapters" / "bab3.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in bab3
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 50% &amp; _x_ #1 $2 {y}" in bab3


def test_pdf_lolos(buku_semua):
    teks = " ".join(teks_pdf(buku_semua.tahun("sumberrejo", 2024) / "lkjip-sumberrejo-2024.pdf").split())
    assert NAMA_JAHAT in teks
