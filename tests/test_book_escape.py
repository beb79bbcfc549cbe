"""Data text reaches HTML and LaTeX escaped. In the shared build's Sumberrejo 2024 the unit's name
holds markup, LaTeX specials, `\\input{/etc/hostname}` and a brace left open; the government's
name `\\input`s a secret file outside the data; an IKU name is LaTeX math; a kegiatan name holds
markup; and the prose uses the MyST it may, an image included. The book builds (HTML and PDF),
every one of those shows as its literal text, no data runs as a script, and no file outside the
data is printed."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bantu import INDIKATOR_JAHAT, NAMA_JAHAT, NAMA_UNIT_JAHAT, teks_pdf

pytestmark = pytest.mark.buku


class _Halaman(HTMLParser):
    """What a browser would run and show: script bodies, event-handler attributes (the theme has
    its own onclick), and the text of <title>, of the navbar title and of the footer's author."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skrip: list[str] = []
        self.atribut_on: list[str] = []
        self.bagian: dict[str, list[str]] = {"title": [], "logo__title": [], "component-author": []}
        self._di: list[str] = []  # open elements we collect the text of
        self._skrip = False

    def handle_starttag(self, tag, attrs):
        self.atribut_on += [f"{k}={v}" for k, v in attrs if k.lower().startswith("on")]
        if tag == "script":
            self._skrip = True
            self.skrip.append("")
        kelas = (dict(attrs).get("class") or "").split()
        for nama in self.bagian:
            if (tag == nama) if nama == "title" else (nama in kelas):
                self._di.append(nama)
                self.bagian[nama].append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._skrip = False
        if tag in ("title", "p") and self._di:
            self._di.pop()

    def handle_data(self, data):
        if self._skrip:
            self.skrip[-1] += data
        for nama in self._di:
            self.bagian[nama][-1] += data


def _halaman(path: Path) -> _Halaman:
    h = _Halaman()
    h.feed(path.read_text(encoding="utf-8"))
    return h


def _satu_spasi(teks: str) -> str:
    return " ".join(teks.split())


@pytest.fixture(scope="module")
def folder(buku_semua) -> Path:
    return buku_semua.tahun("sumberrejo", 2024)


@pytest.fixture(scope="module")
def semua_html(buku_semua) -> list[Path]:
    """Every HTML page of the build: each year's site and the combined site."""
    return sorted(buku_semua.keluaran.rglob("*.html"))


def test_tidak_ada_skrip_dari_data(semua_html):
    assert len(semua_html) > 20
    for path in semua_html:
        h = _halaman(path)
        assert not any("alert(1)" in s for s in h.skrip), path
        assert not any("alert(1)" in a for a in h.atribut_on), (path, h.atribut_on)


def test_nama_unit_terlihat_di_judul_navbar_dan_kaki(folder):
    h = _halaman(folder / "html" / "chapters" / "bab4.html")
    assert [_satu_spasi(t) for t in h.bagian["title"]] == [f"4. Penutup — LKjIP {NAMA_UNIT_JAHAT} Tahun 2024"]
    assert _satu_spasi(h.bagian["logo__title"][0]) == f"LKjIP {NAMA_UNIT_JAHAT} Tahun 2024"
    assert _satu_spasi(h.bagian["component-author"][0]) == f"Oleh {NAMA_UNIT_JAHAT}"


def test_html_lolos(folder):
    bab3 = (folder / "html" / "chapters" / "bab3.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in bab3
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 50% &amp; _x_ #1 $2 {y}" in bab3
    assert INDIKATOR_JAHAT in bab3


def test_pdf_lolos(folder):
    teks = _satu_spasi(teks_pdf(folder / "lkjip-sumberrejo-2024.pdf"))
    assert NAMA_JAHAT in teks                                      # the kegiatan, in a table
    assert f"Laporan Kinerja Instansi Pemerintah {NAMA_UNIT_JAHAT} Tahun 2024" in teks  # page headers
    assert NAMA_UNIT_JAHAT.upper() in teks                         # the cover
    assert INDIKATOR_JAHAT in teks


def test_pdf_metadata_lolos(folder):
    info = subprocess.run(["pdfinfo", str(folder / "lkjip-sumberrejo-2024.pdf")], capture_output=True, text=True,
                          check=True).stdout
    baris = dict(b.split(":", 1) for b in info.splitlines() if ":" in b)
    assert baris["Title"].strip() == f"Laporan Kinerja Instansi Pemerintah {NAMA_UNIT_JAHAT} Tahun 2024"
    assert baris["Author"].strip() == NAMA_UNIT_JAHAT


def test_berkas_di_luar_data_tidak_tercetak(buku_semua, folder, semua_html):
    pdf = teks_pdf(folder / "lkjip-sumberrejo-2024.pdf")
    rahasia = [buku_semua.rahasia]
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_text().strip()) >= 8:  # too short a name could occur by chance
        rahasia.append(hostname.read_text().strip())
    for r in rahasia:
        assert r not in pdf
        for path in semua_html:
            assert r not in path.read_text(encoding="utf-8"), path
    # the commands show as text instead
    assert r"\input{/etc/hostname}" in _satu_spasi(pdf)
    assert "\\INPUT{" in pdf  # the government, on the cover (in capitals)


def test_narasi_dengan_admonisi_dan_gambar(folder):
    bab4 = (folder / "html" / "chapters" / "bab4.html").read_text(encoding="utf-8")
    assert 'class="admonition note"' in bab4 and 'href="https://example.org"' in bab4
    assert bab4.count('src="../_images/peta.png"') == 2
    assert (folder / "html" / "_images" / "peta.png").exists()
