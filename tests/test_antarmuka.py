"""The site speaks Indonesian: every page says so (html lang="id") and no interface string of
the themes or of Sphinx is left in English, in the text, tooltips, labels or placeholders of any
page of the shared build (every unit and year, the draft's banner included); one search box."""

from __future__ import annotations

import re

import pytest
from teks_situs import halaman_situs, teks_halaman

pytestmark = pytest.mark.buku

# The English interface strings of sphinx-book-theme, pydata-sphinx-theme and Sphinx that a page
# may carry, as whole texts or attribute values.
INGGRIS = {
    "Toggle primary sidebar", "Toggle secondary sidebar", "Toggle navigation", "Color mode", "Light", "Dark",
    "System Settings", "Search", "Search...", "Search this book...", "Searching", "Search Results",
    "Download source file", "Download notebook file", "Download this page", "Print to PDF", "Fullscreen mode",
    "Contents", "previous", "next", "previous page", "next page", "Skip to main content", "Back to top",
    "On this page", "Site navigation", "Section Navigation", "Main", "Page", "Version warning", "Announcement",
    "Breadcrumb", "Home", "Index", "General Index", "Show Source", "Launch interactive content",
    "Please activate JavaScript to enable the search functionality.", "Hide Search Matches",
}
# ... and those that start a longer text (the permalinks' "Link to this heading", a footer's author).
AWALAN_INGGRIS = re.compile(r"(Link to this|Toggle|By|Copyright|Last updated on|Download|Search)\b")


def test_setiap_halaman_berbahasa_indonesia(buku_semua):
    halaman = halaman_situs(buku_semua.situs)
    assert len(halaman) >= 3 * 10  # three reports of eight chapters, search and index each
    inggris = []
    for p in halaman:
        assert '<html lang="id"' in p.read_text(encoding="utf-8")[:400], p
        inggris += [str(t) for t in teks_halaman(p) if t.isi in INGGRIS or AWALAN_INGGRIS.match(t.isi)]
    assert not inggris, "\n".join(inggris[:40])


def test_terjemahan_terpakai(buku_semua):
    """The catalog and templates are in effect (not merely the English gone): the strings a reader
    meets on a chapter, in Indonesian."""
    teks = {t.isi for t in teks_halaman(buku_semua.situs / "kanigaran" / "2024" / "chapters" / "bab3.html")}
    assert {"Langsung ke isi utama", "Kembali ke atas", "Mode warna", "Tautan ke judul ini", "Tautan ke tabel ini",
            "Buka atau tutup menu", "Cari di laporan ini...", "halaman sebelumnya", "halaman berikutnya"} <= teks


def test_satu_kotak_pencarian(buku_semua):
    """One search field (in the sidebar; a narrow screen has the search button in the article's
    header instead): the theme's second one, in a page header of its own, is gone."""
    for p in halaman_situs(buku_semua.situs / "kanigaran" / "2024"):
        html = p.read_text(encoding="utf-8")
        assert html.count('class="btn search-button-field') == 1, p
        assert html.count("sidebar-toggle primary-toggle") == 1, p
