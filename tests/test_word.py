"""The Word file (DOCX) from chapter pages like those Jupyter Book builds: a small site made here,
converted by the real pandoc, opened with python-docx."""

from __future__ import annotations

import dataclasses
import zipfile

import docx
import pytest
from bantu import PNG_KECIL

from lkjip_calc.masukan.model import UKURAN_KERTAS
from lkjip_calc.terbit import word

# One chapter page as the book's theme writes it: navigation and buttons around the article,
# a "#" link in every heading and caption, a table with a caption and a Sumber line, a figure
# linked to its own image, the signature blocks of the Kata Pengantar and of the Perjanjian Kinerja.
HALAMAN = """<!DOCTYPE html><html><head><title>Pendahuluan</title></head><body>
<nav class="bd-sidebar"><p>Toggle primary sidebar</p></nav>
<button class="btn">Color mode</button>
<article class="bd-article">
<section id="pendahuluan">
<h1><span class="section-number">1. </span>Pendahuluan<a class="headerlink" href="#pendahuluan">#</a></h1>
<section id="latar"><h2><span class="section-number">1.1. </span>Latar Belakang<a class="headerlink" href="#latar">#</a></h2>
<p>Kecamatan <strong>Kanigaran</strong> terdiri dari 6 kelurahan.</p>
<table class="tabel-lkjip kanan-3 docutils align-default" id="tabel-wilayah">
<caption><span class="caption-number">Tabel 1.1 </span><span class="caption-text">Luas Wilayah per Kelurahan</span>\
<a class="headerlink" href="#tabel-wilayah">¶</a></caption>
<colgroup><col style="width: 8%"/><col style="width: 62%"/><col style="width: 30%"/></colgroup>
<thead><tr><th class="head"><p>No</p></th><th class="head"><p>Kelurahan</p></th>
<th class="head"><p>Luas (km²)</p></th></tr></thead>
<tbody><tr><td><p>1.</p></td><td><p>Curahgrinting</p></td><td><p>1,27</p></td></tr>
<tr><td><p>2.</p></td><td><p>Kanigaran</p></td><td><p>3,43</p></td></tr></tbody></table>
<div class="sumber-tabel docutils container"><p>Sumber: Data Base Kewilayahan</p></div>
<figure class="align-default" id="gambar-peta">
<a class="reference internal image-reference" href="../_images/peta.png">
<img alt="Peta" src="../_images/peta.png" style="width: 50%;" /></a>
<figcaption><p><span class="caption-number">Gambar 1.1 </span><span class="caption-text">Peta Wilayah</span>\
<a class="headerlink" href="#gambar-peta">#</a></p></figcaption>
</figure>
<div class="tanda-tangan docutils container"><p>Probolinggo, Januari 2025<br />
<strong>CAMAT KANIGARAN</strong></p>
<div class="nama-tanda-tangan docutils container"><p><strong>NOOR ALY, S.H., M.M.</strong><br />
NIP. 19700103 199503 1 001</p></div></div>
<table class="tanda-tangan-pk borderless nocolorrows docutils align-default">
<tbody><tr><td><p><strong>PIHAK KEDUA,</strong></p><div class="nama-tanda-tangan docutils container">
<p><strong>M. TAUFIK</strong></p></div></td>
<td><p>Probolinggo, November 2024</p><p><strong>PIHAK PERTAMA,</strong></p><div class="nama-tanda-tangan docutils container">
<p><strong>NOOR ALY</strong></p></div></td></tr></tbody></table>
</section></section>
</article>
<footer><p>Dibuat dengan Jupyter Book</p></footer>
</body></html>
"""
# Text from data with HTML specials and LaTeX commands: shown as written, nothing interpreted.
UNIT = 'Kecamatan <b>Sumber</b> & "Rejo" \\input{x}'


@pytest.fixture(scope="module")
def situs(tmp_path_factory):
    akar = tmp_path_factory.mktemp("situs")
    (akar / "chapters").mkdir()
    (akar / "_images").mkdir()
    (akar / "_images" / "peta.png").write_bytes(PNG_KECIL)
    (akar / "chapters" / "bab1.html").write_text(HALAMAN, encoding="utf-8")
    return akar


def _dokumen(draf=None):
    return word.Dokumen(pemerintah="Pemerintah Kota Probolinggo", tahun=2024, unit=UNIT, daerah="Kota Probolinggo",
                        judul=f"Laporan Kinerja Instansi Pemerintah {UNIT} Tahun 2024", subjek="LKjIP Tahun 2024",
                        kata_kunci="LKjIP 2024, laporan kinerja", draf=draf)


@pytest.fixture(scope="module")
def hasil(situs, tmp_path_factory):
    keluar = tmp_path_factory.mktemp("word") / "laporan.docx"
    word.tulis_word(situs, ["bab1"], _dokumen(), keluar, 1_700_000_000)
    return keluar


@pytest.fixture(scope="module")
def dok(hasil):
    return docx.Document(str(hasil))


def _gaya(dok, nama):
    return [p.text for p in dok.paragraphs if p.style.name == nama]


def _semua_teks(dok):
    bagian = [p.text for p in dok.paragraphs]
    bagian += [p.text for t in dok.tables for sel in t._cells for p in sel.paragraphs]
    for s in dok.sections:
        bagian += [p.text for p in s.header.paragraphs + s.footer.paragraphs]
    return "\n".join(bagian)


def test_sampul_dari_data_apa_adanya(dok):
    assert _gaya(dok, "Sampul Pemerintah") == ["PEMERINTAH KOTA PROBOLINGGO"]
    assert _gaya(dok, "Sampul Subjudul") == ["Laporan Kinerja Instansi Pemerintah (LKjIP)", "Tahun 2024"]
    assert _gaya(dok, "Sampul Unit") == [UNIT.upper()]
    assert _gaya(dok, "Sampul Daerah") == ["KOTA PROBOLINGGO"]
    # the cover comes first, then the table of contents, then the chapter
    urutan = [p.style.name for p in dok.paragraphs if p.text.strip()]
    assert urutan[0] == "Sampul Pemerintah" and urutan.index("TOC Heading") < urutan.index("Heading 1")


def test_judul_bab_dan_bagian_sebagai_heading_word(dok):
    assert _gaya(dok, "Heading 1") == ["BAB I\nPENDAHULUAN"]
    assert _gaya(dok, "Heading 2") == ["1.1 Latar Belakang"]


def test_tabel_dengan_judul_bernomor_dan_sumber(dok):
    assert _gaya(dok, "Table Caption") == ["Tabel 1.1 Luas Wilayah per Kelurahan"]
    assert _gaya(dok, "Sumber Tabel") == ["Sumber: Data Base Kewilayahan"]
    laporan, ttd = dok.tables
    assert [[sel.text for sel in baris.cells] for baris in laporan.rows] == [
        ["No", "Kelurahan", "Luas (km²)"], ["1.", "Curahgrinting", "1,27"], ["2.", "Kanigaran", "3,43"]]
    assert laporan.style.name == "Table" and ttd.style.name == word.GAYA_TABEL_POLOS
    # the column the site right-aligns (kanan-3) is right-aligned in Word too
    assert laporan.rows[1].cells[2].paragraphs[0].alignment == 2 and laporan.rows[1].cells[1].paragraphs[0].alignment is None
    assert {p.style.name for sel in laporan._cells for p in sel.paragraphs} == {word.GAYA_SEL}
    # the header row repeats on every page the table runs over
    assert laporan.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") \
        is not None


def test_gambar_dengan_judul(dok):
    assert len(dok.inline_shapes) == 1
    assert _gaya(dok, "Image Caption") == ["Gambar 1.1 Peta Wilayah"]


def test_tanda_tangan_dengan_ruang(dok):
    blok = [p for p in dok.paragraphs if p.style.name == word.GAYA_TANDA_TANGAN]
    # place, date and post; three empty lines of room to sign and stamp; the name underlined, the NIP
    assert [p.text for p in blok] == ["Probolinggo, Januari 2025\nCAMAT KANIGARAN", *["\u00a0"] * 3,
                                      "NOOR ALY, S.H., M.M.\nNIP. 19700103 199503 1 001"]
    assert blok[-1].runs[0].underline and blok[-1].runs[0].bold
    assert round(dok.styles[word.GAYA_TANDA_TANGAN].paragraph_format.left_indent.cm, 2) == 7.5  # the right half
    kiri, kanan = dok.tables[1].rows[0].cells
    assert [p.text for p in kiri.paragraphs] == ["PIHAK KEDUA,", *["\u00a0"] * 3, "M. TAUFIK"]
    assert [p.text for p in kanan.paragraphs] == ["Probolinggo, November 2024", "PIHAK PERTAMA,", *["\u00a0"] * 3,
                                                  "NOOR ALY"]


def test_tanpa_bagian_situs(dok):
    teks = _semua_teks(dok)
    for sisa in ("Toggle", "Color mode", "Jupyter Book", "Pendahuluan\n", "¶", "#", "<b>"):
        assert sisa not in teks, sisa


def test_halaman_gaya_dan_properti(dok):
    s = dok.sections[0]
    assert abs(s.page_width.cm - 21.0) < 0.01 and abs(s.page_height.cm - 29.7) < 0.01
    assert s.different_first_page_header_footer  # no page number on the cover
    assert 'PAGE' in s.footer._element.xml and "TOC \\o" in dok.element.xml
    assert dok.styles["Normal"].font.name == "Times New Roman" and dok.styles["Normal"].font.size.pt == 12
    inti = dok.core_properties
    assert (inti.title, inti.author, inti.subject, inti.keywords, inti.language) == (
        f"Laporan Kinerja Instansi Pemerintah {UNIT} Tahun 2024", UNIT, "LKjIP Tahun 2024",
        "LKjIP 2024, laporan kinerja", "id-ID")
    assert 'w:val="id-ID"' in dok.styles.element.xml
    assert not _semua_teks(dok).count("DRAF")


def test_draf_di_kepala_setiap_halaman(situs, tmp_path):
    keluar = tmp_path / "draf.docx"
    word.tulis_word(situs, ["bab1"], _dokumen("DRAF: data belum lengkap"), keluar, 1_700_000_000)
    s = docx.Document(str(keluar)).sections[0]
    assert [p.text for p in s.header.paragraphs] == ["DRAF: data belum lengkap"]
    assert [p.text for p in s.first_page_header.paragraphs] == ["DRAF: data belum lengkap"]


def test_tanpa_path_mesin(situs, hasil):
    with zipfile.ZipFile(hasil) as z:
        isi = b"".join(z.read(n) for n in z.namelist())
    assert str(situs).encode() not in isi and b"_images/peta.png" in isi


def test_sama_dari_masukan_sama(situs, hasil, tmp_path):
    lagi = tmp_path / "lagi.docx"
    word.tulis_word(situs, ["bab1"], _dokumen(), lagi, 1_700_000_000)
    assert lagi.read_bytes() == hasil.read_bytes()


def test_halaman_tanpa_artikel_gagal_jelas(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "bab1.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    with pytest.raises(word.WordGagal, match="tanpa <article>"):
        word.tulis_word(tmp_path, ["bab1"], _dokumen(), tmp_path / "x.docx", 1_700_000_000)


def test_kertas_f4_seperti_pdf(situs, tmp_path):
    """laporan.yaml `kertas: F4` gives the DOCX the PDF's folio page, 215 x 330 mm."""
    keluar = tmp_path / "f4.docx"
    word.tulis_word(situs, ["bab1"], dataclasses.replace(_dokumen(), kertas=UKURAN_KERTAS["F4"]), keluar, 1_700_000_000)
    s = docx.Document(str(keluar)).sections[0]
    assert abs(s.page_width.mm - 215) < 0.1 and abs(s.page_height.mm - 330) < 0.1
