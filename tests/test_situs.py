"""`lkjip build --all`: every (unit, year) with data in one site, an index of units and years,
a year switcher on every page, and each year's PDF and downloads."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from buku import AKAR_PROYEK, perlu
from conftest import DATA

TESTS_DATA = AKAR_PROYEK / "tests" / "data"


@pytest.fixture(scope="module")
def situs(tmp_path_factory):
    akar = tmp_path_factory.mktemp("semua") / "data"
    akar.mkdir()
    shutil.copytree(DATA / "kanigaran", akar / "kanigaran")
    shutil.copytree(DATA / "skala", akar / "skala")
    shutil.copytree(TESTS_DATA / "sumberrejo", akar / "sumberrejo")
    tahun = akar / "kanigaran" / "2024"  # a Renstra running into 2025, and a 2025 still being filled in
    (tahun / "renstra.yaml").write_text((tahun / "renstra.yaml").read_text(encoding="utf-8")
                                        .replace("tahun_akhir: 2024", "tahun_akhir: 2026"), encoding="utf-8")
    with (tahun / "renstra_target.csv").open("a", encoding="utf-8") as f:
        f.write("ikm,2025,85\nkelompok_lembaga,2025,50\nadministrasi_perkantoran,2025,100\n")
    from lkjip_calc.scaffold import buat_tahun
    buat_tahun(akar, "kanigaran", 2025)
    keluaran = akar.parent / "build"
    lkjip = str(__import__("pathlib").Path(sys.executable).parent / "lkjip")
    tanpa_draf = subprocess.run([lkjip, "build", "--all", "--html-only", "--data", str(akar), "--out", str(keluaran)],
                                capture_output=True, text=True)
    proses = subprocess.run([lkjip, "build", "--all", "--draft", "--html-only", "--strict", "--data", str(akar),
                             "--out", str(keluaran)], capture_output=True, text=True)
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return keluaran / "situs", tanpa_draf, proses


def test_tanpa_draft_tidak_membangun_apa_pun(situs):
    _, tanpa_draf, _ = situs
    assert tanpa_draf.returncode == 2
    assert "Data kanigaran tahun 2025 tidak valid" in tanpa_draf.stderr and "--draft" in tanpa_draf.stderr


def test_indeks(situs):
    folder, _, proses = situs
    assert f"Situs semua unit dan tahun: {folder / 'index.html'}" in proses.stdout
    indeks = (folder / "index.html").read_text(encoding="utf-8")
    for teks in ("Kecamatan Kanigaran", "Kecamatan Sumberrejo", 'href="kanigaran/2024/index.html"',
                 'href="kanigaran/2025/index.html"', 'href="sumberrejo/2024/index.html"'):
        assert teks in indeks
    for unit, tahun in (("kanigaran", 2024), ("kanigaran", 2025), ("sumberrejo", 2024)):
        assert (folder / unit / str(tahun) / "chapters" / "bab3.html").exists()
        assert list((folder / unit / str(tahun) / "_downloads").rglob("kinerja.csv"))


def test_pilihan_tahun_di_setiap_halaman(situs):
    folder, _, _ = situs
    data_js = (folder / "kanigaran" / "2024" / "_static" / "lkjip-situs-data.js").read_text(encoding="utf-8")
    assert '"tahun_unit": [2024, 2025]' in data_js
    for halaman in (folder / "kanigaran" / "2024" / "chapters").glob("*.html"):
        if halaman.name in ("search.html", "genindex.html", "index.html"):  # index.html only redirects
            continue
        assert "lkjip-situs.js" in halaman.read_text(encoding="utf-8"), halaman


def test_draf_hanya_tahun_yang_belum_lengkap(situs):
    folder, _, _ = situs
    assert "DRAF: data belum lengkap" in (folder / "kanigaran" / "2025" / "chapters" / "bab1.html").read_text(encoding="utf-8")
    assert "DRAF" not in (folder / "kanigaran" / "2024" / "chapters" / "bab1.html").read_text(encoding="utf-8")


def test_pindah_tahun_di_peramban(situs):
    perlu("/usr/bin/chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    folder, _, _ = situs
    from test_browser import CHROMIUM, FLAGS
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        halaman = browser.new_page()
        halaman.goto((folder / "kanigaran" / "2024" / "chapters" / "bab2.html").as_uri())
        nav = halaman.locator("nav.lkjip-tahun")
        assert nav.is_visible() and "Tahun laporan: 2024" in nav.inner_text()
        with halaman.expect_navigation():
            nav.get_by_text("2025").click()
        assert "/kanigaran/2025/" in halaman.url  # its index.html, or the page it redirects to
        with halaman.expect_navigation():
            halaman.locator("nav.lkjip-tahun").get_by_text("Semua unit dan tahun").click()
        assert halaman.url.endswith("/situs/index.html")
        browser.close()
