"""The Kanigaran 2024 book, built once per session: every chapter and numbered table of the
seed is in the HTML site and in the A4 PDF with its computed figures, and no code is shown."""

from __future__ import annotations

import re
import subprocess

import pytest

from buku import BAB, teks_html, teks_pdf

@pytest.fixture(scope="session")
def html(hasil_build):
    folder = hasil_build[0] / "html"
    return {nama: teks_html(folder / "chapters" / f"{nama}.html") for nama in BAB}


@pytest.fixture(scope="session")
def pdf(hasil_build):
    return hasil_build[0] / "lkjip-kanigaran-2024.pdf"


def test_build_mencetak_lokasi_hasil(hasil_build):
    folder, keluar = hasil_build
    assert "[1/" in keluar  # progress
    assert f"Situs HTML: {folder / 'html' / 'index.html'}" in keluar
    assert f"PDF: {folder / 'lkjip-kanigaran-2024.pdf'}" in keluar
    assert (folder / "html" / "index.html").exists()


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


def test_html_tabel_bernomor(html, hasil):
    nomor = {bab: re.findall(r"Tabel (\d+\.\d+) ", html[bab]) for bab in ("bab1", "bab2", "bab3")}
    assert sorted(set(nomor["bab1"])) == ["1.1", "1.2"]
    assert sorted(set(nomor["bab2"])) == ["2.1", "2.2", "2.3", "2.4"]
    # BAB III: the scale, nine tables per IKU (generated from the data), and the budget
    jumlah = 1 + 9 * len(hasil.kinerja) + 1
    assert {f"3.{i}" for i in range(1, jumlah + 1)} <= set(nomor["bab3"])
    assert f"Tabel 3.{jumlah} Realisasi Anggaran Tahun 2024" in html["bab3"]
    assert "Tabel 1.2 Penduduk, Distribusi Persentase Penduduk" in html["bab1"]
    assert "Tabel 2.3 Perjanjian Kinerja Camat Kanigaran Tahun 2024" in html["bab2"]


def test_html_gambar_dengan_alt(hasil_build):
    folder = hasil_build[0] / "html" / "chapters"
    gambar = []
    for bab in BAB:
        gambar += re.findall(r"<img [^>]*>", (folder / f"{bab}.html").read_text(encoding="utf-8"))
    gambar = [g for g in gambar if "_images/" in g]
    assert len(gambar) >= 4
    for g in gambar:
        alt = re.search(r'alt="([^"]*)"', g)
        assert alt and len(alt.group(1)) > 20, g


def test_html_tanpa_kode(hasil_build, html):
    folder = hasil_build[0] / "html" / "chapters"
    for bab in BAB:
        mentah = (folder / f"{bab}.html").read_text(encoding="utf-8")
        assert "cell_input" not in mentah and "injected-parameters" not in mentah, bab
        assert "buku." not in html[bab] and "Buku(" not in html[bab] and "tahun = " not in html[bab], bab


def test_html_unduhan(hasil_build, html):
    folder = hasil_build[0] / "html"
    unduhan = {p.name for p in (folder / "_downloads").rglob("*") if p.is_file()}
    assert {"kinerja.csv", "anggaran.csv", "wilayah.csv", "lkjip-kanigaran-2024.xlsx",
            "lkjip-kanigaran-2024.pdf"} <= unduhan
    assert "Laporan lengkap (PDF, A4)" in html["sampul"]


def test_pdf_a4_dengan_daftar(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    teks = teks_pdf(pdf)
    for judul in ("Daftar Isi", "Daftar Tabel", "Daftar Gambar", "Kata Pengantar", "Ikhtisar Eksekutif",
                  "Pendahuluan", "Perencanaan Kinerja", "Akuntabilitas Kinerja", "Penutup", "Lampiran"):
        assert judul in teks, judul
    assert re.search(r"BAB\s+I\s+Pendahuluan", teks) and re.search(r"BAB\s+III\s+Akuntabilitas Kinerja", teks)


def test_pdf_angka_dan_tabel(pdf, hasil):
    teks = " ".join(teks_pdf(pdf).split())
    for angka in ("94,97", "222,22", "Sangat Memuaskan", "14.959.915.882", "14.663.367.084", "98,02", "62.683",
                  "2.868.865.500", "0,96", "1,02", "2,28"):
        assert angka in teks, angka
    jumlah = 1 + 9 * len(hasil.kinerja) + 1
    for nomor in ["1.1", "1.2", "2.1", "2.4", "3.1", f"3.{jumlah}"]:
        assert f"Tabel {nomor}" in teks, nomor
    assert f"Tabel 3.{jumlah}: Realisasi Anggaran Tahun 2024" in teks
    assert "Gambar 3.1" in teks


def test_pdf_tanpa_kode(pdf):
    teks = teks_pdf(pdf)
    for kode in ("buku.", "Buku(", "import ", "tahun = "):
        assert kode not in teks, kode


def test_pdf_nomor_halaman(pdf):
    # front matter in roman numerals (the table of contents is page i), BAB I starts at page 1
    daftar_isi = teks_pdf(pdf, 2)
    assert "Daftar Isi" in daftar_isi and daftar_isi.split()[-1] == "i"
    teks = teks_pdf(pdf)
    assert re.search(r"Pendahuluan\s+\.*\s*1\n", teks) or re.search(r"I\s+Pendahuluan\s+1\b", teks)
