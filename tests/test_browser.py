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
