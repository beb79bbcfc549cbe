"""Smoke test of the site in Debian's headless Chromium (playwright, never a downloaded browser):
every page opens without a console error, the BAB III tables are visible, the PDF and CSV
downloads work."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from bantu import BAB, perlu

pytestmark = pytest.mark.buku

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def situs(buku_semua):
    folder = buku_semua.tahun("kanigaran", 2024) / "html"

    class Diam(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Diam, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def peramban(tmp_path_factory):
    perlu(CHROMIUM)
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


def test_setiap_halaman(situs, peramban):
    halaman = peramban.new_page()
    galat = []
    halaman.on("console", lambda m: galat.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    halaman.on("pageerror", lambda e: galat.append(f"pageerror: {e}"))
    halaman.on("response", lambda r: galat.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    for bab in BAB:
        jawab = halaman.goto(f"{situs}/chapters/{bab}.html")
        assert jawab.status == 200, bab
        assert halaman.locator("article h1").first.is_visible(), bab
    assert not galat, galat
    halaman.close()


def test_tabel_bab3_terlihat(situs, peramban):
    halaman = peramban.new_page()
    halaman.goto(f"{situs}/chapters/bab3.html")
    tabel = halaman.locator("table.tabel-lkjip")
    assert tabel.count() == 1 + 3 + 9 * 3 + 1  # the scale, one per sasaran, nine per IKU, the budget
    for i in (0, tabel.count() - 1):
        tabel.nth(i).scroll_into_view_if_needed()
        assert tabel.nth(i).is_visible()
    assert "94,97" in tabel.nth(1).inner_text()
    halaman.close()


def test_unduhan_pdf_dan_csv(situs, peramban):
    halaman = peramban.new_page()
    halaman.goto(f"{situs}/chapters/sampul.html")
    for akhiran, jenis in ((".pdf", b"%PDF"), ("kinerja.csv", b"iku,sasaran")):
        tautan = halaman.locator(f"a[href$='{akhiran}']").first
        assert tautan.is_visible(), akhiran
        jawab = halaman.request.get(situs + "/chapters/" + tautan.get_attribute("href"))
        assert jawab.status == 200, akhiran
        assert jawab.body().startswith(jenis), akhiran
    halaman.close()


@pytest.mark.parametrize("lebar", [390, 1280])
def test_menu_membuka_bab3(situs, peramban, lebar):
    """The menu button works at a phone's width (the sidebar opens as a dialog) and at a desktop's
    (the sidebar, open beside the page, hides and comes back), and its link to BAB III opens it.
    Before, both themes bound the button's handler to a hidden copy of it: a click did nothing."""
    halaman = peramban.new_page(viewport={"width": lebar, "height": 900})
    halaman.goto(f"{situs}/chapters/bab1.html")
    tombol = halaman.locator(".primary-toggle")
    assert tombol.count() == 1 and tombol.is_visible()
    assert tombol.get_attribute("aria-label") == "Buka atau tutup menu"
    tautan = halaman.locator("nav.bd-docs-nav a[href$='bab3.html']")
    if lebar < 992:  # the theme's breakpoint: below it the sidebar is a dialog
        assert not tautan.is_visible()
        tombol.click()
        assert halaman.locator("#pst-primary-sidebar-modal[open]").count() == 1
    else:
        assert tautan.is_visible()
        tombol.click()
        halaman.wait_for_timeout(500)  # the theme's slide-out transition
        assert not tautan.is_visible()
        tombol.click()
    tautan.click()
    halaman.wait_for_url("**/chapters/bab3.html")
    assert halaman.locator("article h1").first.inner_text().endswith("Akuntabilitas Kinerja")
    halaman.close()


@pytest.mark.parametrize("lebar", [390, 1280])
def test_tabel_lebar_bergulir_dengan_judul_utuh(situs, peramban, lebar):
    """A table wider than the page scrolls inside its own box, a hint line above it says so, and
    its caption stays as wide as the box (not cut by it). Tabel 3.10 (four figures and two lists
    of causes and solutions) is too wide for both widths."""
    halaman = peramban.new_page(viewport={"width": lebar, "height": 900})
    halaman.goto(f"{situs}/chapters/bab3.html")
    assert halaman.evaluate("document.documentElement.scrollWidth") == lebar  # the page itself does not scroll
    wadah = halaman.locator(".pst-scrollable-table-container", has=halaman.locator("caption", has_text="Tabel 3.10 "))
    ukuran = wadah.evaluate("""w => ({lebar: w.clientWidth, isi: w.scrollWidth,
        judul: w.querySelector('caption').getBoundingClientRect().width,
        petunjuk: !w.previousElementSibling.hidden && w.previousElementSibling.textContent})""")
    assert ukuran["isi"] > ukuran["lebar"]
    assert abs(ukuran["judul"] - ukuran["lebar"]) <= 1
    assert ukuran["petunjuk"] == "Geser tabel ke samping untuk melihat semua kolom \u2192"
    assert "geser-kanan" in wadah.get_attribute("class")
    halaman.close()
