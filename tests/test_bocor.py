"""No Markdown or escape characters leak into what a reader sees: the text and the alt text of
every page of the shared build's site, and the text of every PDF (pdftotext), of every example
unit. A failure names the file and shows the text around each leak."""

from __future__ import annotations

import subprocess

import pytest
from bantu import perlu
from teks_situs import halaman_situs, teks_halaman

# Markdown and escapes that only show when text went through one escaping or parsing too many or
# too few: a backslash escape of Markdown or LaTeX, a double one, bold markers, a link's middle,
# MyST directives and fences, a LaTeX command, an HTML entity escaped twice (seen once decoded).
BOCOR = ("\\*", "\\%", "\\_", "\\\\", "**", "](", "{code-cell}", ":::", "```", "\\textbf", "&amp;")
SEKITAR = 50  # characters shown on each side of a leak


def bocoran(teks: str) -> list[str]:
    """Each leak in `teks`, with the text around it."""
    hasil = []
    for pola in BOCOR:
        mulai = teks.find(pola)
        while mulai != -1:
            hasil.append(f"{pola!r} in {teks[max(0, mulai - SEKITAR):mulai + len(pola) + SEKITAR]!r}")
            mulai = teks.find(pola, mulai + 1)
    return hasil


def test_pemindai_menemukan_bocoran():
    """The scan itself: what the issue saw ('97,98\\\\%' in an alt text, '\\*website\\*' in the text)
    is found, plain text is not."""
    assert bocoran("serapan 97,98\\\\%") == ["'\\\\%' in 'serapan 97,98\\\\\\\\%'", "'\\\\\\\\' in 'serapan 97,98\\\\\\\\%'"]
    assert len(bocoran("melalui \\*website\\* resmi")) == 2
    assert bocoran("serapan 97,98% (Sangat Memuaskan) & 50% _x_ #1 $2 {y}") == []


@pytest.mark.buku
def test_situs_tanpa_bocoran(buku_semua):
    halaman = halaman_situs(buku_semua.situs)
    assert len(halaman) >= 30
    temuan = []
    for p in halaman:
        if "&amp;amp;" in p.read_text(encoding="utf-8"):
            temuan.append(f"{p}: '&amp;amp;' in the HTML source")
        for t in teks_halaman(p):
            if t.tempat in ("teks", "alt"):
                temuan += [f"{t.berkas} [{t.tempat}]: {b}" for b in bocoran(t.isi)]
    assert not temuan, "\n".join(temuan[:40])


@pytest.mark.buku
def test_pdf_tanpa_bocoran(buku_semua):
    perlu("pdftotext")
    pdf = sorted(buku_semua.keluaran.glob("*/*/lkjip-*.pdf"))
    assert len(pdf) == 3  # Kanigaran 2024, Sumberrejo 2024 and 2025
    temuan = []
    for p in pdf:
        teks = subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True).stdout
        temuan += [f"{p}: {b}" for b in bocoran(teks)]
    assert not temuan, "\n".join(temuan[:40])
