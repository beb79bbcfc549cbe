"""`lkjip build --all`: every (unit, year) with data in one site, an index of units and years,
a year switcher on every page, and each year's PDF and downloads (from the shared build)."""

from __future__ import annotations

import pytest
from bantu import perlu

pytestmark = pytest.mark.buku


def test_tanpa_draft_tidak_membangun_apa_pun(buku_semua, jalankan, tmp_path):
    keluar = jalankan("build", "--all", "--data", str(buku_semua.akar), "--out", str(tmp_path / "b"))
    assert keluar.kode == 2
    assert "Data sumberrejo tahun 2025 tidak valid" in keluar.err and "--draft" in keluar.err
    assert not (tmp_path / "b").exists()


def test_indeks(buku_semua):
    folder = buku_semua.situs
    indeks = (folder / "index.html").read_text(encoding="utf-8")
    for teks in ("Kecamatan Kanigaran", "Kecamatan Sumberrejo", 'href="kanigaran/2024/index.html"',
                 'href="sumberrejo/2024/index.html"', 'href="sumberrejo/2025/index.html"',
                 'href="kanigaran/2024/lkjip-kanigaran-2024.pdf">PDF</a>',
                 'href="kanigaran/2024/lkjip-kanigaran-2024.docx">Word (DOCX)</a>'):
        assert teks in indeks
    for unit, tahun in (("kanigaran", 2024), ("sumberrejo", 2024), ("sumberrejo", 2025)):
        assert (folder / unit / str(tahun) / "chapters" / "bab3.html").exists()
        assert list((folder / unit / str(tahun) / "_downloads").rglob("kinerja.csv"))
        assert (folder / unit / str(tahun) / f"lkjip-{unit}-{tahun}.pdf").stat().st_size > 10_000
        assert (folder / unit / str(tahun) / f"lkjip-{unit}-{tahun}.docx").stat().st_size > 10_000


def test_pilihan_tahun_di_setiap_halaman(buku_semua):
    folder = buku_semua.situs / "sumberrejo" / "2024"
    data_js = (folder / "_static" / "lkjip-situs-data.js").read_text(encoding="utf-8")
    assert '"tahun_unit": [2024, 2025]' in data_js
    for halaman in (folder / "chapters").glob("*.html"):
        assert "lkjip-situs.js" in halaman.read_text(encoding="utf-8"), halaman


def test_draf_hanya_tahun_yang_belum_lengkap(buku_semua):
    bab1 = "chapters/bab1.html"
    assert "DRAF: data belum lengkap" in (buku_semua.situs / "sumberrejo" / "2025" / bab1).read_text(encoding="utf-8")
    for unit in ("kanigaran", "sumberrejo"):
        assert "DRAF" not in (buku_semua.situs / unit / "2024" / bab1).read_text(encoding="utf-8")


def test_pindah_tahun_di_peramban(buku_semua):
    perlu("/usr/bin/chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    from test_browser import CHROMIUM, FLAGS
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        halaman = browser.new_page()
        halaman.goto((buku_semua.situs / "sumberrejo" / "2024" / "chapters" / "bab2.html").as_uri())
        nav = halaman.locator("nav.lkjip-tahun")
        assert nav.is_visible() and "Tahun laporan: 2024" in nav.inner_text()
        with halaman.expect_navigation():
            nav.get_by_text("2025").click()
        assert "/sumberrejo/2025/" in halaman.url
        with halaman.expect_navigation():
            halaman.locator("nav.lkjip-tahun").get_by_text("Semua unit dan tahun").click()
        assert halaman.url.endswith("/situs/index.html")
        browser.close()
