"""The Kanigaran 2024 book (from the shared build): every chapter and numbered table of the seed
is in the HTML site and in the A4 PDF with its computed figures, and no code is shown."""

from __future__ import annotations

import re
import subprocess
import zlib

import pytest
from bantu import BAB, teks_html, teks_pdf

pytestmark = pytest.mark.buku


@pytest.fixture(scope="module")
def folder(buku_semua):
    return buku_semua.tahun("kanigaran", 2024)


@pytest.fixture(scope="module")
def html(folder):
    return {nama: teks_html(folder / "html" / "chapters" / f"{nama}.html") for nama in BAB}


@pytest.fixture(scope="module")
def pdf(folder):
    return folder / "lkjip-kanigaran-2024.pdf"


def test_build_mencetak_kemajuan_dan_lokasi(buku_semua):
    keluar = buku_semua.proses.stdout
    assert "== Kecamatan Kanigaran tahun 2024 ==" in keluar and "[1/14] Menyiapkan buku" in keluar
    assert f"Situs semua unit dan tahun: {buku_semua.situs / 'index.html'}" in keluar
    assert (buku_semua.tahun("kanigaran", 2024) / "html" / "index.html").exists()


@pytest.mark.parametrize("bab, judul", [
    ("kata_pengantar", ["Kata Pengantar", "NOOR ALY, S.H., M.M.", "NIP. 19700103 199503 1 001", "Januari 2025"]),
    ("ikhtisar_eksekutif", ["Ikhtisar Eksekutif", "14.959.915.882", "14.663.367.084", "98,02"]),
    ("bab1", ["Pendahuluan", "Gambaran Umum Organisasi", "Kondisi dan Potensi Geografis", "Struktur Organisasi",
              "Tugas dan Fungsi", "Permasalahan Utama yang Dihadapi oleh Instansi", "62.683", "30.980", "31.703",
              "10,66", "97,72"]),
    ("bab2", ["Perencanaan Kinerja", "Rencana Strategis", "Program dan Kegiatan", "Perjanjian Kinerja",
              "9.869.874.278", "451.238.000", "2.417.627.500", "2.221.176.104", "84,5"]),
    ("bab3", ["Akuntabilitas Kinerja", "Capaian Kinerja Organisasi", "Realisasi Anggaran", "94,97", "222,22",
              "Sangat Memuaskan", "98,51", "97,98", "97,55", "0,96", "1,02", "19,18", "14.959.915.882", "98,02",
              "Sasaran Strategis 1", "Efisiensi Penggunaan Sumber Daya Tahun 2024"]),
    ("bab4", ["Penutup", "Kesimpulan", "Rencana Tindak Lanjut"]),
    ("lampiran", ["Perjanjian Kinerja", "PIHAK PERTAMA", "PIHAK KEDUA", "M. TAUFIK KURNIAWAN", "November 2024"]),
])
def test_html_setiap_bab(html, bab, judul):
    for teks in judul:
        assert teks in html[bab], f"{teks!r} tidak ada di {bab}"


def test_html_bagian_bab1_bernomor(html):
    """The geography section is a heading of the chapter (kept for a unit with territory), numbered
    like the sections after it, not a heading printed by a code cell."""
    assert "1.1.1. Kondisi dan Potensi Geografis" in html["bab1"]
    assert "1.1.2. Tugas dan Fungsi Organisasi" in html["bab1"]
    assert "1.1.3. Struktur Organisasi" in html["bab1"]


def test_html_tabel_bernomor(html, hasil):
    nomor = {bab: re.findall(r"Tabel (\d+\.\d+) ", html[bab]) for bab in ("bab1", "bab2", "bab3")}
    assert sorted(set(nomor["bab1"])) == ["1.1", "1.2"]
    assert sorted(set(nomor["bab2"])) == ["2.1", "2.2", "2.3", "2.4"]
    # BAB III: the scale, for each of the three sasaran its capaian table and the nine tables of its
    # one IKU (generated from the data), and the budget
    assert len(hasil.kinerja) == 3 and len(hasil.sasaran) == 3
    assert {f"3.{i}" for i in range(1, 33)} <= set(nomor["bab3"])
    assert "Tabel 3.32 Realisasi Anggaran Tahun 2024" in html["bab3"]
    assert "Tabel 1.2 Penduduk, Distribusi Persentase Penduduk" in html["bab1"]
    assert "Tabel 2.3 Perjanjian Kinerja Camat Kanigaran Tahun 2024" in html["bab2"]


def test_html_gambar_dengan_alt(folder):
    gambar = []
    for bab in BAB:
        gambar += re.findall(r"<img [^>]*>", (folder / "html" / "chapters" / f"{bab}.html").read_text(encoding="utf-8"))
    gambar = [g for g in gambar if "_images/" in g]
    # capaian per IKU, population per kelurahan, the organisation chart, one Renstra chart per IKU,
    # budget per program
    assert len(gambar) == 7
    for g in gambar:
        alt = re.search(r'alt="([^"]*)"', g)
        assert alt and len(alt.group(1)) > 20, g


def test_html_tanpa_kode(folder, html):
    for bab in BAB:
        mentah = (folder / "html" / "chapters" / f"{bab}.html").read_text(encoding="utf-8")
        assert "cell_input" not in mentah and "injected-parameters" not in mentah, bab
        assert "buku." not in html[bab] and "Buku(" not in html[bab] and "tahun = " not in html[bab], bab


def test_html_unduhan(folder, html):
    unduhan = {p.name for p in (folder / "html" / "_downloads").rglob("*") if p.is_file()}
    assert {"kinerja.csv", "anggaran.csv", "wilayah.csv", "lkjip-kanigaran-2024.xlsx",
            "lkjip-kanigaran-2024.pdf"} <= unduhan
    assert "Laporan lengkap (PDF, A4)" in html["sampul"]


def test_situs_diganti_dengan_tautan(folder):
    # the published folder is a link switched in one step to a complete versioned copy
    html = folder / "html"
    assert html.is_symlink() and (html / "index.html").exists()
    assert html.resolve().parent == folder.resolve() and html.resolve().name.startswith(".html.")


def test_pdf_a4_dengan_daftar(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    teks = teks_pdf(pdf)
    # the front matter in the order of a printed LKjIP, each heading in capitals
    urutan = ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF",
              "PENDAHULUAN", "PERENCANAAN KINERJA", "AKUNTABILITAS KINERJA", "PENUTUP", "LAMPIRAN"]
    for judul in urutan:
        assert judul in teks, judul
    awal = [teks_pdf(pdf, n) for n in range(1, 8)]
    assert "LKjIP" in awal[0] and "KATA PENGANTAR" not in awal[0]  # page 1 is the cover
    assert awal[1].split()[:2] == ["KATA", "PENGANTAR"] and awal[2].split()[:2] == ["DAFTAR", "ISI"]
    # the table of contents: "BAB I PENDAHULUAN ... 1", the front matter and the Lampiran by name
    daftar_isi = " ".join(awal[2].split())
    for baris in ("KATA PENGANTAR . . . . . i", "DAFTAR ISI . . . . . ii", "BAB I PENDAHULUAN . . . . . 1",
                  "BAB III AKUNTABILITAS KINERJA", "1.1 Gambaran Umum Organisasi", "LAMPIRAN: PERJANJIAN KINERJA"):
        assert baris.replace(" . . . . . ", " ") in re.sub(r"( ?\.)+ ", " ", daftar_isi), baris
    # chapter openers: "BAB I" over "PENDAHULUAN", centred (both far from the left margin)
    pembuka = re.search(r"^\f?( +)BAB I\n+( +)PENDAHULUAN$", teks, re.M)
    assert pembuka and len(pembuka[1]) > 20 and len(pembuka[2]) > 20, "BAB I tidak di tengah"


def test_pdf_properti_dokumen(pdf):
    """The document properties a reader's PDF viewer and a library catalogue show: from the unit's data."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    baris = dict(b.split(":", 1) for b in info.splitlines() if ":" in b)
    assert baris["Title"].strip() == "Laporan Kinerja Instansi Pemerintah Kecamatan Kanigaran Tahun 2024"
    assert baris["Author"].strip() == "Kecamatan Kanigaran"
    assert baris["Subject"].strip() == "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2024, Pemerintah Kota Probolinggo"
    assert baris["Keywords"].strip() == "LKjIP 2024, laporan kinerja, Kecamatan Kanigaran, Kota Probolinggo"
    # the catalog's language (in a compressed object stream): what a screen reader reads it in
    assert any(re.search(rb"/Lang\s*\(id-ID\)", a) for a in _aliran_pdf(pdf.read_bytes()))


def _aliran_pdf(isi: bytes) -> list[bytes]:
    """The PDF's bytes and each of its deflated streams, inflated."""
    aliran = [isi]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", isi, re.S):
        try:
            aliran.append(zlib.decompressobj().decompress(m.group(1)))
        except zlib.error:
            continue  # an image or another filter
    return aliran


def test_pdf_angka_dan_tabel(pdf):
    teks = " ".join(teks_pdf(pdf).split())
    for angka in ("94,97", "222,22", "Sangat Memuaskan", "14.959.915.882", "14.663.367.084", "98,02", "62.683",
                  "2.868.865.500", "0,96", "1,02", "2,28"):
        assert angka in teks, angka
    for nomor in ["1.1", "1.2", "2.1", "2.4", "3.1", "3.32"]:
        assert f"Tabel {nomor}" in teks, nomor
    assert "Tabel 3.32: Realisasi Anggaran Tahun 2024" in teks
    assert "Gambar 3.1" in teks


def test_pdf_tanpa_kode(pdf):
    teks = teks_pdf(pdf)
    for kode in ("buku.", "Buku(", "import ", "tahun = "):
        assert kode not in teks, kode


def test_pdf_nomor_halaman(pdf):
    # no number on the cover; front matter in roman numerals from the Kata Pengantar (i), the
    # table of contents ii; BAB I starts at page 1
    assert not re.search(r"^\s*[ivx]+\s*$", teks_pdf(pdf, 1), re.M)
    assert teks_pdf(pdf, 2).split()[-1] == "i" and teks_pdf(pdf, 3).split()[-1] == "ii"
    halaman = teks_pdf(pdf).split("\f")
    bab1 = next(i for i, h in enumerate(halaman) if re.search(r"^ +BAB I\n", h, re.M))
    assert halaman[bab1].split()[-1] == "1" and halaman[bab1 - 1].split()[-1] in {"vi", "vii", "viii", "ix", "x"}


def test_pdf_tabel_lampiran_dan_kepala_utuh(pdf):
    teks = teks_pdf(pdf)
    # the Lampiran's tables are numbered as Lampiran, in the text and in the Daftar Tabel
    assert teks.count("Tabel Lampiran 1") >= 2 and teks.count("Tabel Lampiran 2") >= 2
    assert not re.search(r"Tabel 1: ", teks)
    # no header word of a table hyphenated (Tabel 1.2, 2.1, 3.7, 3.9 had "Tar-get", "Kiner-ja", "Perem-puan")
    for potong in ("Tar-", "Kiner-", "Perem-", "Memu-", "Pendu-", "Persen-"):
        assert potong not in teks, potong
