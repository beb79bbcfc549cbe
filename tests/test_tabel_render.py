"""MyST rendering, the report's table bodies and the machine exports for the minimal unit of
tests/unit_mini.py, and the file helpers of lkjip_calc.dasar.berkas. No book is built.

Figures are the ones worked out by hand in test_hasil.py, shown the Indonesian way (half-up,
'.' thousands, ',' decimals).
"""

from __future__ import annotations

import csv
import os
import re
from decimal import Decimal as D

import pytest
from unit_mini import (
    IND_KONFLIK,
    IND_TEPAT,
    NAMA_PENUNJANG,
    NAMA_TRANTIB,
    SAS_AKUNTABILITAS,
    SAS_KETERTIBAN,
    SAS_PELAYANAN,
    TAHUN,
    TUJUAN,
    UNIT,
)

from lkjip_calc.dasar import berkas
from lkjip_calc.laporan import render
from lkjip_calc.laporan.daftar import TABEL
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.laporan.tabel import Isi, Tabel
from lkjip_calc.terbit import ekspor as modul_ekspor

# --- (a) render -----------------------------------------------------------------------------


def test_md_meloloskan_markup():
    assert render.md("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert render.md("*tebal* _miring_ [tautan](x) a|b {peran}`x` $x$ 50% #1 ~c~ 1. a+b! &amp;") == (
        r"\*tebal\* \_miring\_ \[tautan\]\(x\) a\|b \{peran\}\`x\` \$x\$ 50\% \#1 \~c\~ 1\. a\+b\! \&amp;")
    assert render.md("::: c:d > e \\ f") == r"\:\:\: c\:d \> e \\ f"
    assert render.md("Kecamatan Mekarsari 2024") == "Kecamatan Mekarsari 2024"  # plain text stays readable
    assert render.md(None) == ""


def test_md_meratakan_spasi():
    assert render.md("  satu \n\n\tdua   tiga\r\n") == "satu dua tiga"
    assert render.md("a\n# b") == r"a \# b"  # a heading cannot start on a new line


def test_latex_meloloskan_karakter_khusus():
    assert render.latex("\\ & % $ # _ { } ~ ^") == (
        r"\textbackslash{} \& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{}")
    assert render.latex("Kecamatan Mekarsari") == "Kecamatan Mekarsari"
    assert render.latex("50%_{x}") == r"50\%\_\{x\}"


def test_tabel_myst_utuh():
    t = Tabel("contoh", "Capaian 50% *naik*", Isi(
        ["No", "Uraian", "Nilai (Rp)"],
        [["1.", "Biaya_rapat [x]", "1.000"],
         ["", ["butir satu", "butir *dua*"], []],
         ["", "Jumlah", "1.002"]],
        angka={2}, lebar=[10, 60, 30], tebal={2}), "BPS {{2024}}")
    harapan = "\n".join([
        # text ragged right, numbers flush right; \lkjipsel (preamble) keeps words whole where they fit
        r"```{tabularcolumns} |>{\lkjipsel\raggedright\arraybackslash}\X{10}{100}"
        r"|>{\lkjipsel\raggedright\arraybackslash}\X{60}{100}|>{\lkjipsel\raggedleft\arraybackslash}\X{30}{100}|",
        "```",
        "",
        r":::{list-table} Capaian 50\% \*naik\*",
        ":header-rows: 1",
        ":name: tabel-contoh",
        ":widths: 10 60 30",
        ":class: tabel-lkjip kanan-3",
        "",
        "* - No",
        "  - Uraian",
        r"  - Nilai \(Rp\)",
        r"* - 1\.",
        r"  - Biaya\_rapat \[x\]",
        r"  - 1\.000",
        "* -  ",                         # an empty cell is one space
        "  - - butir satu",              # a list in a cell: bullets, continued under the cell
        r"    - butir \*dua\*",
        "  - -",                         # an empty list
        "* -  ",                         # a bold row: the empty cell stays unbolded
        "  - **Jumlah**",
        r"  - **1\.002**",
        ":::",
        "",
        ":::{container} sumber-tabel",
        r"Sumber: BPS \{\{2024\}\}",
        ":::",
    ]) + "\n"
    assert render.tabel(t) == harapan


def test_tabel_myst_tanpa_lebar_angka_dan_sumber():
    t = Tabel("kecil", "Judul", Isi(["A", "B"], [["x", "y"]]))
    assert render.tabel(t) == "\n".join([
        r"```{tabularcolumns} |>{\lkjipsel\raggedright\arraybackslash}\X{1}{2}"
        r"|>{\lkjipsel\raggedright\arraybackslash}\X{1}{2}|",
        "```",
        "",
        ":::{list-table} Judul",
        ":header-rows: 1",
        ":name: tabel-kecil",
        ":widths: 1 1",
        ":class: tabel-lkjip",
        "",
        "* - A",
        "  - B",
        "* - x",
        "  - y",
        ":::",
    ]) + "\n"


def test_tabel_myst_kolom_gabung():
    """Columns whose repeated cells are merged are named by class, counted from 1 like kanan-N."""
    t = Tabel("renstra", "Judul", Isi(["Tujuan", "Sasaran", "Nilai"], [["a", "b", "1"]], angka={2}, gabung={1, 0}))
    assert ":class: tabel-lkjip kanan-3 gabung-1 gabung-2" in render.tabel(t).splitlines()


# --- (b) the report's tables for the mini unit ---------------------------------------------------


@pytest.fixture(scope="module")
def lap(akar):
    return siapkan(akar, UNIT, TAHUN)


def susun(lap, nama, iku=None):
    return TABEL[nama].susun(lap, lap.hasil.iku(iku) if iku else None)


def test_capaian_iku_negatif(lap):
    t = susun(lap, "capaian", "konflik")
    assert t.nama == "capaian-konflik"
    assert t.judul == f"Perbandingan Target dan Realisasi Kinerja Tahun 2024: {IND_KONFLIK}"
    assert t.sumber == "Laporan Layanan Kecamatan Mekarsari Tahun 2024"  # sumber.yaml, placeholders filled in
    assert t.isi.kepala == ["Indikator Kinerja Utama", "Target", "Realisasi", "Capaian (%)", "Predikat"]
    # target / realisasi: 4 / 3 x 100 = 133,33
    assert t.isi.baris == [[IND_KONFLIK, "4", "3", "133,33", "Sangat Tinggi"]]
    assert t.isi.angka == {1, 2, 3}


def test_capaian_iku_persentase(lap):
    t = susun(lap, "capaian", "tepat_waktu")
    assert t.nama == "capaian-tepat_waktu"
    assert t.isi.baris == [[IND_TEPAT, "95%", "85,5% (171 dari 200)", "90,00", "Tinggi"]]  # with its counts


def test_tahun_lalu(lap):
    konflik, tepat = susun(lap, "tahun_lalu", "konflik"), susun(lap, "tahun_lalu", "tepat_waktu")
    assert konflik.judul == f"Perbandingan Realisasi Kinerja Tahun 2023 dan Tahun 2024: {IND_KONFLIK}"
    assert konflik.isi.kepala == ["Indikator Kinerja Utama", "Target 2024", "Realisasi 2023", "Realisasi 2024",
                                  "Perubahan"]
    assert konflik.isi.baris == [[IND_KONFLIK, "4", "5", "3", "membaik (angka turun)"]]
    assert tepat.isi.baris == [[IND_TEPAT, "95%", "-", "85,5%", "-"]]  # no 2023 row
    assert konflik.sumber is None  # no 'tahun_lalu' key in sumber.yaml


def test_efisiensi_selisih_dalam_poin_persen(lap):
    for iku, baris in (("tepat_waktu", [IND_TEPAT, "90,00", "95,50", "-5,50"]),      # 90 - 95,5
                       ("konflik", [IND_KONFLIK, "133,33", "95,67", "37,67"])):      # 113/3
        t = susun(lap, "efisiensi", iku)
        assert t.isi.kepala == ["Indikator Kinerja Utama", "Capaian Kinerja (%)", "Serapan Anggaran (%)",
                                "Tingkat Efisiensi (poin persen)"]
        assert t.isi.baris == [baris]
        assert t.judul == f"Efisiensi Penggunaan Sumber Daya Tahun 2024: {baris[0]}"


def test_renstra_kemajuan_rasio_dalam_persen(lap):
    tepat, konflik = susun(lap, "renstra_kemajuan", "tepat_waktu"), susun(lap, "renstra_kemajuan", "konflik")
    assert tepat.nama == "renstra-kemajuan-tepat_waktu"
    assert tepat.isi.kepala == ["Indikator Kinerja Utama", "Realisasi 2024", "Target Akhir Renstra (2026)",
                                "Tingkat Kemajuan (%)"]
    assert tepat.isi.baris == [[IND_TEPAT, "85,5%", "100%", "85,50"]]
    assert konflik.isi.baris == [[IND_KONFLIK, "3", "2", "66,67"]]  # 2 / 3 x 100; the 2025 target


def test_alokasi_dan_kinerja_anggaran(lap):
    assert susun(lap, "alokasi", "tepat_waktu").isi.baris == [[IND_TEPAT, "100.000.000", "66,67"]]
    assert susun(lap, "alokasi", "konflik").isi.baris == [[IND_KONFLIK, "150.000.000", "100,00"]]
    assert susun(lap, "kinerja_anggaran", "konflik").isi.baris == [
        [IND_KONFLIK, "4", "3", "133,33", "150.000.000", "143.500.000", "95,67"]]


def test_program_penunjang_satu_baris_per_sub_kegiatan(lap):
    t = susun(lap, "program_penunjang", "konflik")
    assert t.isi.baris == [[IND_KONFLIK, "4", "5", "3", [
        f"Program: {NAMA_TRANTIB}",
        # the same sub kegiatan for the kecamatan and for sub unit Sukamaju: once
        "Kegiatan: Koordinasi Ketenteraman dan Ketertiban Umum; sub kegiatan: Patroli Ketertiban Wilayah",
        f"Program: {NAMA_PENUNJANG}",
        "Kegiatan: Administrasi Umum Perangkat Daerah; sub kegiatan: Penyediaan Alat Tulis Kantor; "
        "Penyediaan Jasa Kebersihan",
    ]]]
    assert susun(lap, "penyebab", "konflik").isi.baris == [[IND_KONFLIK, "4", "5", "3", "-", "-"]]  # no analisis


def test_realisasi_anggaran_bernomor_dan_subtotal_tebal(lap):
    t = susun(lap, "realisasi_anggaran")
    assert (t.nama, t.judul, t.sumber) == ("realisasi-anggaran", "Realisasi Anggaran Tahun 2024", None)
    assert t.isi.baris == [
        ["I", NAMA_PENUNJANG, "100.000.000", "95.500.000", "95,50"],
        ["1", "Kegiatan: Administrasi Umum Perangkat Daerah", "100.000.000", "95.500.000", "95,50"],
        ["1.1", "Penyediaan Alat Tulis Kantor", "40.000.000", "38.000.000", "95,00"],
        ["1.2", "Penyediaan Jasa Kebersihan", "60.000.000", "57.500.000", "95,83"],
        ["II", NAMA_TRANTIB, "50.000.000", "48.000.000", "96,00"],
        ["1", "Kegiatan: Koordinasi Ketenteraman dan Ketertiban Umum", "50.000.000", "48.000.000", "96,00"],
        ["1.1", "Patroli Ketertiban Wilayah (sub unit Sukamaju)", "20.000.000", "19.000.000", "95,00"],
        ["1.2", "Patroli Ketertiban Wilayah", "30.000.000", "29.000.000", "96,67"],
        ["", "Jumlah", "150.000.000", "143.500.000", "95,67"],
    ]
    assert t.isi.tebal == {0, 1, 4, 5, 8}  # programs, kegiatan and the total
    assert t.isi.angka == {2, 3, 4}


def test_anggaran_program_dan_lampiran(lap):
    baris = [
        ["1.", NAMA_TRANTIB, "50.000.000", "APBD"],          # pk_anggaran.csv order
        ["2.", NAMA_PENUNJANG, "100.000.000", "-"],          # empty sumber_dana
        ["", "Jumlah", "150.000.000", ""],
    ]
    t = susun(lap, "anggaran_program")
    assert (t.judul, t.isi.baris, t.isi.tebal) == ("Anggaran Program Tahun 2024", baris, {2})
    lampiran = susun(lap, "lampiran_anggaran")
    assert (lampiran.nama, lampiran.judul) == ("lampiran-anggaran",
                                               "Perjanjian Kinerja Tahun 2024: Anggaran Program")
    assert lampiran.isi.baris == baris


def test_skala_permendagri(lap):
    t = susun(lap, "skala")
    assert t.judul == "Skala Nilai Kinerja"
    assert t.isi.baris == [
        ["1", "≥91", "Sangat Tinggi"],
        ["2", ">75 - <91", "Tinggi"],
        ["3", ">65 - 75", "Sedang"],
        ["4", ">50 - 65", "Rendah"],
        ["5", "≤50", "Sangat Rendah"],
    ]
    assert render.tabel(t) == "\n".join([
        r"```{tabularcolumns} |>{\lkjipsel\raggedright\arraybackslash}\X{8}{100}"
        r"|>{\lkjipsel\raggedright\arraybackslash}\X{46}{100}|>{\lkjipsel\raggedright\arraybackslash}\X{46}{100}|",
        "```",
        "",
        ":::{list-table} Skala Nilai Kinerja",
        ":header-rows: 1",
        ":name: tabel-skala",
        ":widths: 8 46 46",
        ":class: tabel-lkjip",
        "",
        "* - No",
        "  - Interval Nilai Realisasi Kinerja",
        "  - Kriteria Penilaian Realisasi Kinerja",
        "* - 1", "  - ≥91", "  - Sangat Tinggi",
        "* - 2", r"  - \>75 \- \<91", "  - Tinggi",
        "* - 3", r"  - \>65 \- 75", "  - Sedang",
        "* - 4", r"  - \>50 \- 65", "  - Rendah",
        "* - 5", "  - ≤50", "  - Sangat Rendah",
        ":::",
    ]) + "\n"


def test_renstra_memuat_iku_di_luar_pk(lap):
    t = susun(lap, "renstra")
    assert t.judul == "Sasaran Strategis dan Indikator Kinerja Strategis Kecamatan Mekarsari"
    assert t.isi.kepala == ["Tujuan", "Sasaran", "Indikator Sasaran", "Target 2022", "Target 2023", "Target 2024",
                            "Target 2025", "Target 2026"]
    assert t.isi.baris == [
        [TUJUAN, SAS_KETERTIBAN, IND_KONFLIK, "6", "5", "4", "2", "-"],
        [TUJUAN, SAS_AKUNTABILITAS, "Nilai Evaluasi SAKIP Kecamatan", "60", "62", "-", "-", "-"],
        [TUJUAN, SAS_PELAYANAN, IND_TEPAT, "85%", "90%", "95%", "97,5%", "100%"],
    ]


def test_wilayah_dan_penduduk(lap):
    luas = susun(lap, "luas_wilayah")
    assert luas.judul == "Luas Wilayah per Kelurahan di Kecamatan Mekarsari"
    assert luas.isi.baris == [["1.", "Mekarsari", "1,46", "60,83"], ["2.", "Sukamaju", "0,94", "39,17"],
                              ["", "Jumlah", "2,4", "100,00"]]
    p = susun(lap, "penduduk")
    assert p.judul.endswith("Menurut Kelurahan di Kecamatan Mekarsari, 2024")
    assert p.sumber == "Dinas Kependudukan Kota Uji, 2024"
    # 10.250 / 2,4 = 4.270,83 jiwa/km2; 5.150 / 5.100 x 100 = 100,98
    assert p.isi.baris[-1] == ["", "Jumlah", "5.150", "5.100", "10.250", "100,00", "4.270,83", "100,98"]
    assert p.isi.tebal == {2}


def test_judul_dari_data(lap):
    assert susun(lap, "perjanjian_kinerja").judul == "Perjanjian Kinerja Camat Mekarsari Tahun 2024"
    assert susun(lap, "lampiran_target").judul == "Perjanjian Kinerja Tahun 2024: Target Kinerja"
    assert susun(lap, "nasional", "konflik").isi.baris == [[IND_KONFLIK, "3", "2,5", "Rata-rata nasional (fiktif)"]]


# --- (c) export ---------------------------------------------------------------------------------


def baca_csv(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_ekspor_empat_csv(lap, tmp_path):
    keluar = tmp_path / "unduhan"
    assert modul_ekspor.ekspor(lap.hasil, keluar) == [keluar / "kinerja.csv", keluar / "sasaran.csv",
                                                       keluar / "anggaran.csv", keluar / "wilayah.csv"]
    assert not (keluar / "realisasi_periode.csv").exists()  # no periods in this unit: no such table
    kinerja = baca_csv(keluar / "kinerja.csv")
    assert kinerja == [
        {"iku": "tepat_waktu", "sasaran": SAS_PELAYANAN, "indikator": IND_TEPAT, "satuan": "%",
         "polaritas": "positif", "target": "95", "realisasi": "85.5", "capaian": "90", "predikat": "Tinggi",
         "realisasi_tahun_lalu": "", "target_akhir_renstra": "100", "tingkat_kemajuan": "85.5",
         "pagu": "100000000", "realisasi_anggaran": "95500000", "serapan": "95.5", "efisiensi": "-5.5",
         "alokasi": "66.66666666666667",       # 200/3 to the 17 digits of a double
         "realisasi_nasional": ""},
        {"iku": "konflik", "sasaran": SAS_KETERTIBAN, "indikator": IND_KONFLIK, "satuan": "kasus",
         "polaritas": "negatif", "target": "4", "realisasi": "3",
         "capaian": "133.33333333333334",      # 400/3
         "predikat": "Sangat Tinggi", "realisasi_tahun_lalu": "5", "target_akhir_renstra": "2",
         "tingkat_kemajuan": "66.66666666666667",  # 200/3
         "pagu": "150000000", "realisasi_anggaran": "143500000",
         "serapan": "95.66666666666667",       # 287/3
         "efisiensi": "37.666666666666664",    # 113/3
         "alokasi": "100", "realisasi_nasional": "2.5"},
    ]
    assert float(kinerja[1]["efisiensi"]) == 113 / 3 and float(kinerja[1]["capaian"]) == 400 / 3

    anggaran = baca_csv(keluar / "anggaran.csv")
    kolom = ["tingkat", "program", "kegiatan", "sub_kegiatan", "sub_unit", "pagu", "realisasi", "serapan"]
    assert list(anggaran[0]) == kolom
    keg_p, keg_t = "Administrasi Umum Perangkat Daerah", "Koordinasi Ketenteraman dan Ketertiban Umum"
    assert [tuple(b.values()) for b in anggaran] == [
        ("program", NAMA_PENUNJANG, "", "", "", "100000000", "95500000", "95.5"),
        ("kegiatan", NAMA_PENUNJANG, keg_p, "", "", "100000000", "95500000", "95.5"),
        ("sub_kegiatan", NAMA_PENUNJANG, keg_p, "Penyediaan Alat Tulis Kantor", "", "40000000", "38000000", "95"),
        ("sub_kegiatan", NAMA_PENUNJANG, keg_p, "Penyediaan Jasa Kebersihan", "", "60000000", "57500000",
         "95.83333333333333"),  # 575/6
        ("program", NAMA_TRANTIB, "", "", "", "50000000", "48000000", "96"),
        ("kegiatan", NAMA_TRANTIB, keg_t, "", "", "50000000", "48000000", "96"),
        ("sub_kegiatan", NAMA_TRANTIB, keg_t, "Patroli Ketertiban Wilayah", "Sukamaju", "20000000", "19000000", "95"),
        ("sub_kegiatan", NAMA_TRANTIB, keg_t, "Patroli Ketertiban Wilayah", "", "30000000", "29000000",
         "96.66666666666667"),  # 290/3
        ("total", "", "", "", "", "150000000", "143500000", "95.66666666666667"),
    ]
    teks = (keluar / "anggaran.csv").read_text(encoding="utf-8")
    assert '"Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"' not in teks  # quoted only where needed

    wilayah = baca_csv(keluar / "wilayah.csv")
    assert list(wilayah[0]) == ["kelurahan", "luas_km2", "persen_luas", "laki_laki", "perempuan", "jumlah",
                                "rasio_jenis_kelamin", "kepadatan", "persen_penduduk"]
    mekarsari, sukamaju, jumlah = wilayah
    assert (mekarsari["kelurahan"], mekarsari["luas_km2"], mekarsari["laki_laki"], mekarsari["perempuan"],
            mekarsari["jumlah"], mekarsari["rasio_jenis_kelamin"]) == ("Mekarsari", "1.46", "3000", "3200", "6200",
                                                                       "93.75")
    assert float(mekarsari["persen_luas"]) == 365 / 6          # 1.46 / 2.40 x 100
    assert float(mekarsari["kepadatan"]) == 310000 / 73        # 6200 / 1.46
    assert float(mekarsari["persen_penduduk"]) == 2480 / 41    # 6200 / 10250 x 100
    assert float(sukamaju["rasio_jenis_kelamin"]) == 2150 / 19  # 2150 / 1900 x 100
    assert (jumlah["kelurahan"], jumlah["luas_km2"], jumlah["persen_luas"], jumlah["laki_laki"],
            jumlah["perempuan"], jumlah["jumlah"], jumlah["persen_penduduk"]) == \
        ("Jumlah", "2.4", "100", "5150", "5100", "10250", "100")
    assert float(jumlah["kepadatan"]) == 25625 / 6             # 10250 / 2.4
    assert float(jumlah["rasio_jenis_kelamin"]) == 5150 / 51   # 5150 / 5100 x 100


def test_ekspor_gagal_tidak_menulis_apa_pun(lap, tmp_path, monkeypatch):
    keluar = tmp_path / "unduhan"
    keluar.mkdir()
    (keluar / "kinerja.csv").write_text("lama\n", encoding="utf-8")

    def gagal(_hasil):
        raise RuntimeError("tabel rusak")

    monkeypatch.setitem(modul_ekspor.TABEL_EKSPOR, "realisasi_periode.csv", gagal)  # the last table: the others come first
    with pytest.raises(RuntimeError, match="tabel rusak"):
        modul_ekspor.ekspor(lap.hasil, keluar)
    assert sorted(p.name for p in keluar.iterdir()) == ["kinerja.csv"]
    assert (keluar / "kinerja.csv").read_text(encoding="utf-8") == "lama\n"


# --- (d) dasar.berkas ---------------------------------------------------------------------------


@pytest.mark.parametrize("nilai, harapan", [
    (None, ""),
    (True, "true"),
    (False, "false"),
    (0, "0"),
    (14959915882, "14959915882"),
    (float("nan"), ""),
    (2.0, "2"),
    (0.1, "0.1"),
    (D("12.000"), "12"),
    (D("1E+3"), "1000"),
    (D("84.50"), "84.5"),
    (D("-5.500"), "-5.5"),
    (D("0.00001"), "0.00001"),                            # typed: no exponent
    (D("12345678901234.567"), "12345678901234.567"),      # 17 digits, as typed
    (D(1) / D(3), "0.3333333333333333"),                  # 28-digit quotient: what a double holds
    (D(400) / D(3), "133.33333333333334"),
])
def test_angka_mesin(nilai, harapan):
    assert berkas.angka_mesin(nilai) == harapan


def test_teks_csv_mengutip_bila_perlu():
    teks = berkas.teks_csv([["kode", "nama", "nilai", "kosong", "jumlah"],
                            ["a", "Perencanaan, Penganggaran", D("84.50"), None, 3],
                            ["b", 'kata "kutip"', D("0.5"), "", 0],
                            ["c", "dua\nbaris", D(7), None, True]])
    assert teks == ('kode,nama,nilai,kosong,jumlah\n'
                    'a,"Perencanaan, Penganggaran",84.5,,3\n'
                    'b,"kata ""kutip""",0.5,,0\n'
                    'c,"dua\nbaris",7,,true\n')


def test_tulis_atomik_mengganti_utuh_tanpa_sisa(tmp_path):
    path = tmp_path / "sub" / "kinerja.csv"
    berkas.tulis_atomik(path, "baris panjang yang lama\n" * 10)
    berkas.tulis_atomik(path, "baru\r\n")
    assert path.read_bytes() == b"baru\r\n"  # whole, no tail of the longer old file; line ends as given
    berkas.tulis_atomik(path, b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"
    assert [p.name for p in path.parent.iterdir()] == ["kinerja.csv"]


def test_simpan_atomik_gagal_meninggalkan_berkas_lama(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_text("lama", encoding="utf-8")
    with pytest.raises(ValueError):
        with berkas.simpan_atomik(path) as sementara:
            sementara.write_text("setengah", encoding="utf-8")
            raise ValueError
    assert path.read_text(encoding="utf-8") == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_folder_atomik_jadi_utuh(tmp_path):
    tujuan = tmp_path / "data" / "2025"
    with berkas.folder_atomik(tujuan) as sementara:
        assert sementara.parent == tujuan.parent and not tujuan.exists()
        (sementara / "unit.yaml").write_text("kode: x\n", encoding="utf-8")
    assert [p.name for p in tujuan.iterdir()] == ["unit.yaml"]
    assert [p.name for p in tujuan.parent.iterdir()] == ["2025"]


def test_folder_atomik_galat_tidak_meninggalkan_apa_pun(tmp_path):
    tujuan = tmp_path / "2025"
    with pytest.raises(KeyError):
        with berkas.folder_atomik(tujuan) as sementara:
            (sementara / "unit.yaml").write_text("x", encoding="utf-8")
            raise KeyError("gagal")
    assert list(tmp_path.iterdir()) == []


def _tujuan_berisi(tujuan):
    tujuan.mkdir()
    (tujuan / "lama.txt").write_text("lama", encoding="utf-8")


def _tujuan_berkas(tujuan):
    tujuan.write_text("lama", encoding="utf-8")


def _tujuan_kosong(tujuan):
    tujuan.mkdir()


@pytest.mark.parametrize("buat", [_tujuan_berisi, _tujuan_berkas, _tujuan_kosong])  # os.rename alone replaces an empty one
def test_folder_atomik_menolak_tujuan_yang_ada(tmp_path, buat):
    tujuan = tmp_path / "2025"
    buat(tujuan)
    sebelum = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OSError):
        with berkas.folder_atomik(tujuan) as sementara:
            (sementara / "baru.txt").write_text("baru", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.rglob("*")) == sebelum  # target untouched, no temporary folder left


def test_terbitkan_folder_versi_berganti(tmp_path):
    keluar = tmp_path / "keluar"
    tautan = keluar / "html"

    def versi(isi):
        folder = tmp_path / f"baru-{isi}"
        folder.mkdir()
        (folder / "index.html").write_text(isi, encoding="utf-8")
        return folder

    pertama = versi("satu")
    berkas.terbitkan_folder(pertama, tautan)
    assert tautan.is_symlink() and not pertama.exists()
    nama1 = os.readlink(tautan)
    assert re.fullmatch(r"\.html\.[0-9a-f]{12}", nama1)  # relative, beside the link
    assert (tautan / "index.html").read_text(encoding="utf-8") == "satu"
    assert sorted(p.name for p in keluar.iterdir()) == sorted(["html", nama1])

    berkas.terbitkan_folder(versi("dua"), tautan)
    nama2 = os.readlink(tautan)
    assert nama2 != nama1 and re.fullmatch(r"\.html\.[0-9a-f]{12}", nama2)
    assert (tautan / "index.html").read_text(encoding="utf-8") == "dua"
    assert sorted(p.name for p in keluar.iterdir()) == sorted(["html", nama2])  # the old version is gone


def test_terbitkan_folder_mengganti_folder_asli(tmp_path):
    keluar = tmp_path / "keluar"
    tautan = keluar / "situs"
    tautan.mkdir(parents=True)
    (tautan / "lama.html").write_text("lama", encoding="utf-8")
    baru = tmp_path / "baru"
    baru.mkdir()
    (baru / "index.html").write_text("baru", encoding="utf-8")
    berkas.terbitkan_folder(baru, tautan)
    assert tautan.is_symlink()
    assert sorted(p.name for p in tautan.iterdir()) == ["index.html"]
    assert sorted(p.name for p in keluar.iterdir()) == sorted(["situs", os.readlink(tautan)])  # no .lama-* left


def test_sunting_yaml_menjaga_komentar():
    teks = ("# Pengaturan (komentar kepala)\n"
            "tempat: Uji         # komentar ekor\n"
            'nip: "0012"\n'
            "metode:\n"
            "  # komentar dalam\n"
            "  efisiensi: selisih\n"
            "daftar:\n"
            "  - a   # butir\n"
            "  - b\n")

    def ubah(data):
        data["tempat"] = "Kota Baru"
        data["metode"]["efisiensi"] = "rasio"
        data["daftar"].append("c")

    assert berkas.sunting_yaml(teks, ubah) == ("# Pengaturan (komentar kepala)\n"
                                               "tempat: Kota Baru   # komentar ekor\n"
                                               'nip: "0012"\n'
                                               "metode:\n"
                                               "  # komentar dalam\n"
                                               "  efisiensi: rasio\n"
                                               "daftar:\n"
                                               "  - a   # butir\n"
                                               "  - b\n"
                                               "  - c\n")


def test_izin_berkas_seperti_biasa(tmp_path):
    """mkstemp/mkdtemp make 0600/0700: a published page or a shared data folder must not be hidden."""
    umask = os.umask(0o022)
    try:
        berkas.tulis_atomik(tmp_path / "baru.csv", "a\n")
        assert (tmp_path / "baru.csv").stat().st_mode & 0o777 == 0o644
        (tmp_path / "lama.csv").write_text("a\n", encoding="utf-8")
        os.chmod(tmp_path / "lama.csv", 0o640)
        berkas.tulis_atomik(tmp_path / "lama.csv", "b\n")  # a replaced file keeps its permissions
        assert (tmp_path / "lama.csv").stat().st_mode & 0o777 == 0o640
        with berkas.folder_atomik(tmp_path / "2025") as sementara:
            (sementara / "x").write_text("x", encoding="utf-8")
        assert (tmp_path / "2025").stat().st_mode & 0o777 == 0o755
    finally:
        os.umask(umask)
