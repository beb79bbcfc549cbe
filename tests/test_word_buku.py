"""The Word file (DOCX) of the shared build, opened with python-docx: the same chapters, tables,
captions and figures as the site, with the cover and properties from the data."""

from __future__ import annotations

import hashlib
import json
import re

import docx
import pytest
from bantu import NAMA_UNIT_JAHAT

from lkjip_calc.laporan.daftar import BAB

pytestmark = pytest.mark.buku

BAB_WORD = [b.nama for b in BAB if b.bagian is not None]  # every chapter but the site's front page


@pytest.fixture(scope="module")
def folder(buku_semua):
    return buku_semua.tahun("kanigaran", 2024)


@pytest.fixture(scope="module")
def dok(folder):
    return docx.Document(str(folder / "lkjip-kanigaran-2024.docx"))


@pytest.fixture(scope="module")
def html(folder):
    return {nama: (folder / "html" / "chapters" / f"{nama}.html").read_text(encoding="utf-8") for nama in BAB_WORD}


def _gaya(dok, nama):
    return [p.text for p in dok.paragraphs if p.style.name == nama]


def _teks(dok):
    return "\n".join([p.text for p in dok.paragraphs]
                     + [p.text for t in dok.tables for sel in t._cells for p in sel.paragraphs])


def test_judul_bab(dok):
    assert _gaya(dok, "Heading 1") == [
        "KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I\nPENDAHULUAN", "BAB II\nPERENCANAAN KINERJA",
        "BAB III\nAKUNTABILITAS KINERJA", "BAB IV\nPENUTUP", "LAMPIRAN: PERJANJIAN KINERJA"]
    assert "1.1 Gambaran Umum Organisasi" in _gaya(dok, "Heading 2")


def test_tabel_dan_judulnya_seperti_situs(dok, html):
    # every table of the chapters' pages, the two signature tables of the Lampiran PK among them
    assert len(dok.tables) == sum(h.count("<table") for h in html.values())
    judul = _gaya(dok, "Table Caption")
    assert len(judul) == sum(h.count('<span class="caption-number">Tabel') for h in html.values())
    assert "Tabel 3.32 Realisasi Anggaran Tahun 2024" in judul
    assert "Tabel 1.1 Luas Wilayah per Kelurahan di Kecamatan Kanigaran" in judul
    assert any(s.startswith("Sumber: ") for s in _gaya(dok, "Sumber Tabel"))
    sel = [s.text for t in dok.tables for s in t._cells]
    assert "14.959.915.882" in sel  # the year's budget (Tabel 3.32)


def test_gambar_dan_judulnya(dok, html):
    # BAB I: population and organisation charts; BAB III: the three IKUs' Renstra charts, capaian, serapan
    assert len(dok.inline_shapes) == sum(h.count("<img") for h in html.values()) == 2 + 5
    assert "Gambar 3.1 Realisasi dan Target Renstra 2019-2024: Indeks Kepuasan Masyarakat" in _gaya(dok, "Image Caption")


def test_sampul_tanda_tangan_dan_properti(dok):
    assert _gaya(dok, "Sampul Pemerintah") == ["PEMERINTAH KOTA PROBOLINGGO"]
    assert _gaya(dok, "Sampul Unit") == ["KECAMATAN KANIGARAN"]
    ttd = _gaya(dok, "Tanda Tangan")
    assert ttd[0] == "Probolinggo, Januari 2025\nCAMAT KANIGARAN" and ttd[1:4] == ["\u00a0"] * 3  # room to sign
    assert ttd[4] == "NOOR ALY, S.H., M.M.\nPembina Tingkat I\nNIP. 19700103 199503 1 001"
    inti = dok.core_properties
    assert inti.title == "Laporan Kinerja Instansi Pemerintah Kecamatan Kanigaran Tahun 2024"
    assert (inti.author, inti.language) == ("Kecamatan Kanigaran", "id-ID")
    assert inti.subject == "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024, Pemerintah Kota Probolinggo"
    assert inti.keywords == "LKjIP 2024, laporan kinerja, Kecamatan Kanigaran, Kota Probolinggo"


def test_tanpa_sisa_markdown_atau_situs(dok):
    teks = _teks(dok)
    for sisa in ("¶", "#", "**", "\\*", "\\%", "{download}", "Unduh laporan"):
        assert sisa not in teks, sisa
    assert not re.search(r"\d\.\d?\. ", "\n".join(_gaya(dok, "Heading 2")))  # "1.1 ...", not "1.1. ..."


def test_diterbitkan_ditautkan_dan_dicatat(folder):
    unduhan = list((folder / "html" / "_downloads").glob("*/lkjip-kanigaran-2024.docx"))
    assert len(unduhan) == 1 and unduhan[0].read_bytes() == (folder / "lkjip-kanigaran-2024.docx").read_bytes()
    sampul = (folder / "html" / "chapters" / "sampul.html").read_text(encoding="utf-8")
    assert "lkjip-kanigaran-2024.docx" in sampul
    keluaran = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["keluaran"]
    (dicatat,) = [k for k in keluaran if k["path"] == "lkjip-kanigaran-2024.docx"]
    assert dicatat["sha256"] == hashlib.sha256((folder / "lkjip-kanigaran-2024.docx").read_bytes()).hexdigest()


def test_unit_lain_apa_adanya_dan_draf(buku_semua):
    lain = docx.Document(str(buku_semua.tahun("sumberrejo", 2024) / "lkjip-sumberrejo-2024.docx"))
    assert _gaya(lain, "Sampul Unit") == [NAMA_UNIT_JAHAT.upper()]
    assert lain.core_properties.author == NAMA_UNIT_JAHAT
    assert buku_semua.rahasia not in _teks(lain)
    assert not "".join(p.text for p in lain.sections[0].header.paragraphs).strip()
    # Sumberrejo's unit.yaml names a logo: on the cover, 3,5 cm high, with its alt text, before any chart
    logo = lain.inline_shapes[0]
    assert logo._inline.docPr.get("descr").startswith("Logo ") and abs(logo.height.cm - 3.5) < 0.01
    draf = docx.Document(str(buku_semua.tahun("sumberrejo", 2025) / "lkjip-sumberrejo-2025.docx"))
    assert [p.text for p in draf.sections[0].header.paragraphs] == ["DRAF: data belum lengkap"]
