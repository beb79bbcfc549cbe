"""The readers of masukan.baca on small files: encoding, CSV rows and line numbers, column kinds,
YAML line numbers and pydantic validation, each problem with its kind, line and column or key."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkjip_calc.dasar.temuan import GALAT, PERINGATAN, DaftarTemuan, Jenis, Temuan, nama_berkas
from lkjip_calc.masukan import model
from lkjip_calc.masukan.baca import (
    BELUM_DIISI,
    BILANGAN,
    BULAT,
    HARAPAN,
    KODE,
    RUPIAH,
    TAHUN,
    TEKS,
    Kolom,
    baca_csv,
    baca_teks,
    baca_yaml,
    jalur_teks,
    validasi_model,
)

DUA_KOLOM = [Kolom("a", KODE), Kolom("b", TEKS)]
UTF8 = "teks UTF-8 (di Excel: Simpan Sebagai 'CSV UTF-8')"
HARAPAN_YAML = "YAML yang sah (periksa indentasi dengan spasi, tanda ':', tanda kutip dan kurung)"
KUNCI_LAIN = "hanya kunci yang dijelaskan di data/README.md"


def tulis(tmp_path, nama: str, isi: bytes | str):
    path = tmp_path / nama
    if isinstance(isi, str):
        path.write_text(isi, encoding="utf-8", newline="")
    else:
        path.write_bytes(isi)
    return path


def csv_dari(tmp_path, isi, kolom=DUA_KOLOM, **kw):
    """Read `isi` as t.csv; return (rows as (line, values), findings, path)."""
    path = tulis(tmp_path, "t.csv", isi)
    temuan = DaftarTemuan()
    baris = baca_csv(path, kolom, temuan, **kw)
    return [(b.nomor, b.nilai) for b in baris], temuan.daftar, path


def galat(jenis, path, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None):
    return Temuan(GALAT, jenis, nama_berkas(path), pesan, baris, kolom, ditemukan, diharapkan)


def peringatan(jenis, path, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None):
    return Temuan(PERINGATAN, jenis, nama_berkas(path), pesan, baris, kolom, ditemukan, diharapkan)


# --- baca_teks: the file's bytes -------------------------------------------------------------

def test_bom_excel_diterima(tmp_path):
    baris, temuan, _ = csv_dari(tmp_path, b"\xef\xbb\xbfa,b\r\nx,satu\r\n")
    assert temuan == []
    assert baris == [(2, {"a": "x", "b": "satu"})]  # the BOM is not part of the first column's name


def test_baca_teks_membuang_bom(tmp_path):
    path = tulis(tmp_path, "n.md", b"\xef\xbb\xbf## capaian\nteks\n")
    temuan = DaftarTemuan()
    assert baca_teks(path, temuan) == "## capaian\nteks\n"
    assert temuan.daftar == []


def test_bukan_utf8_pada_barisnya(tmp_path):
    # "Kebonsari Wetan" saved by a Windows-1252 program: é is the byte 0xe9, on line 3
    baris, temuan, path = csv_dari(tmp_path, b"a,b\nx,satu\ny,caf\xe9\nz,dua\n")
    assert baris == []
    assert temuan == [galat(Jenis.BUKAN_UTF8, path, "berkas bukan teks UTF-8", baris=3,
                            ditemukan="bita 0xe9 yang tidak sah dalam UTF-8", diharapkan=UTF8)]


def test_bukan_utf8_sesudah_bom_pada_barisnya(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, b"\xef\xbb\xbfa,b\nx,satu\n\xe9,dua\n")  # counted from the file's start
    assert temuan == [galat(Jenis.BUKAN_UTF8, path, "berkas bukan teks UTF-8", baris=3,
                            ditemukan="bita 0xe9 yang tidak sah dalam UTF-8", diharapkan=UTF8)]


def test_berkas_tidak_ada(tmp_path):
    temuan = DaftarTemuan()
    path = tmp_path / "tidak_ada.csv"
    assert baca_csv(path, DUA_KOLOM, temuan) == []
    assert temuan.daftar == [galat(Jenis.BERKAS_HILANG, path, "berkas tidak ada",
                                   diharapkan="berkas ini ada di folder data tahun tersebut")]


# --- baca_csv: rows and their line numbers --------------------------------------------------

def test_sel_berkutip_dua_baris_nomor_baris_fisik(tmp_path):
    isi = 'a,b\nx,"baris satu\nbaris dua"\ny,biasa\nZ,salah\n'
    baris, temuan, path = csv_dari(tmp_path, isi)
    assert [n for n, _ in baris] == [2, 4]  # a row is named by the line it starts on
    assert baris[0][1] == {"a": "x", "b": "baris satu\nbaris dua"}
    assert baris[1][1] == {"a": "y", "b": "biasa"}
    # the bad row after the two-line cell is named by its physical line, 5
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai tidak sesuai jenis kolom", baris=5, kolom="kolom 'a'",
                            ditemukan="'Z'", diharapkan=HARAPAN[KODE])]


def test_baris_dengan_sel_dua_baris_dinamai_baris_awalnya(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, 'a,b\nX,"baris satu\nbaris dua"\n')
    assert baris == []
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai tidak sesuai jenis kolom", baris=2, kolom="kolom 'a'",
                            ditemukan="'X'", diharapkan=HARAPAN[KODE])]


def test_kutip_tidak_ditutup_adalah_galat_sintaks(tmp_path):
    # realisasi_iku.csv's last column is free text: a missing closing quote there
    kolom = [Kolom("iku", KODE), Kolom("keterangan", TEKS)]
    baris, temuan, _ = csv_dari(tmp_path, 'iku,keterangan\nikm,"tidak diukur\nadministrasi,diukur\n', kolom)
    assert [(t.jenis, t.baris) for t in temuan] == [(Jenis.SINTAKS, 2)]


def test_baris_kosong_dilewati_tetapi_dihitung(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "a,b\n\nx,satu\n   \n,\ny,dua\n\nQ,tiga\n")
    assert baris == [(3, {"a": "x", "b": "satu"}), (6, {"a": "y", "b": "dua"})]
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai tidak sesuai jenis kolom", baris=8, kolom="kolom 'a'",
                            ditemukan="'Q'", diharapkan=HARAPAN[KODE])]


def test_baris_akhir_crlf_dan_spasi(tmp_path):
    baris, temuan, _ = csv_dari(tmp_path, "a , b\r\n x , teks dengan spasi \r\n")
    assert temuan == []
    assert baris == [(2, {"a": "x", "b": "teks dengan spasi"})]


def test_berkas_kosong(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "")
    assert baris == []
    assert temuan == [galat(Jenis.SINTAKS, path, "berkas kosong", baris=1, diharapkan="baris judul kolom: a,b")]


# --- column kinds ---------------------------------------------------------------------------

@pytest.mark.parametrize(("jenis", "teks", "nilai"), [
    (TEKS, "Kebonsari Wetan", "Kebonsari Wetan"),
    (KODE, "pelayanan_publik", "pelayanan_publik"),
    (KODE, "perwali-30-2020", "perwali-30-2020"),
    (BILANGAN, "84.5", Decimal("84.5")),
    (BILANGAN, "-2.25", Decimal("-2.25")),
    (BILANGAN, "100", Decimal("100")),
    (RUPIAH, "9500000", 9500000),
    (RUPIAH, "0", 0),
    (BULAT, "3027", 3027),
    (TAHUN, "2024", 2024),
])
def test_jenis_kolom_diurai(tmp_path, jenis, teks, nilai):
    baris, temuan, _ = csv_dari(tmp_path, f"x\n{teks}\n", [Kolom("x", jenis)])
    assert temuan == []
    assert baris == [(2, {"x": nilai})]
    assert type(baris[0][1]["x"]) is type(nilai)


@pytest.mark.parametrize(("jenis", "teks", "pesan"), [
    (KODE, "Pelayanan", "nilai tidak sesuai jenis kolom"),
    (KODE, "pelayanan publik", "nilai tidak sesuai jenis kolom"),
    (KODE, "_awal", "nilai tidak sesuai jenis kolom"),
    (BILANGAN, "84,5", "nilai tidak sesuai jenis kolom"),
    (BILANGAN, "1.000.000", "nilai tidak sesuai jenis kolom"),
    (BILANGAN, "1e3", "nilai tidak sesuai jenis kolom"),
    (BILANGAN, ".5", "nilai tidak sesuai jenis kolom"),
    (BILANGAN, "delapan", "nilai tidak sesuai jenis kolom"),
    (RUPIAH, "9.500.000", "nilai tidak sesuai jenis kolom"),
    (RUPIAH, "9500000.50", "nilai tidak sesuai jenis kolom"),
    (RUPIAH, "Rp9500000", "nilai tidak sesuai jenis kolom"),
    (RUPIAH, "-9500000", "nilai negatif tidak diperbolehkan"),
    (BULAT, "3027.5", "nilai tidak sesuai jenis kolom"),
    (BULAT, "-3", "nilai negatif tidak diperbolehkan"),
    (TAHUN, "24", "nilai tidak sesuai jenis kolom"),
    (TAHUN, "20245", "nilai tidak sesuai jenis kolom"),
    (TAHUN, "2024.0", "nilai tidak sesuai jenis kolom"),
])
def test_jenis_kolom_menolak(tmp_path, jenis, teks, pesan):
    kolom = [Kolom("kunci", KODE), Kolom("x", jenis)]
    baris, temuan, path = csv_dari(tmp_path, f'kunci,x\nbaik,2024\nburuk,"{teks}"\n', kolom)
    assert [n for n, _ in baris] == [2]  # the bad row is left out, the good one kept
    assert temuan == [galat(Jenis.TIPE_SALAH, path, pesan, baris=3, kolom="kolom 'x'",
                            ditemukan=f"'{teks}'", diharapkan=HARAPAN[jenis])]


# --- header ---------------------------------------------------------------------------------

def test_kolom_tidak_dikenal_dan_kolom_wajib_tidak_ada(tmp_path):
    kolom = [Kolom("kelurahan", TEKS), Kolom("laki_laki", BULAT), Kolom("perempuan", BULAT)]
    baris, temuan, path = csv_dari(tmp_path, "kelurahan,laki_laki,wanita\nKanigaran,10502,10767\n", kolom)
    assert temuan == [
        galat(Jenis.KOLOM, path, "kolom tidak dikenal", baris=1, kolom="kolom 'wanita'",
              diharapkan="salah satu dari: kelurahan, laki_laki, perempuan"),
        galat(Jenis.KOLOM, path, "kolom wajib tidak ada", baris=1, kolom="kolom 'perempuan'",
              diharapkan="baris judul: kelurahan,laki_laki,perempuan"),
    ]
    # the unknown column is not read
    assert baris == [(2, {"kelurahan": "Kanigaran", "laki_laki": 10502, "perempuan": None})]


def test_kolom_tidak_wajib_boleh_tidak_ada(tmp_path):
    kolom = [Kolom("program", KODE), Kolom("anggaran", RUPIAH), Kolom("sumber_dana", TEKS, wajib=False)]
    baris, temuan, _ = csv_dari(tmp_path, "program,anggaran\npenunjang,9869874278\n", kolom)
    assert temuan == []
    assert baris == [(2, {"program": "penunjang", "anggaran": 9869874278, "sumber_dana": None})]


def test_sel_kosong_kolom_tidak_wajib(tmp_path):
    kolom = [Kolom("program", KODE), Kolom("sumber_dana", TEKS, wajib=False)]
    baris, temuan, _ = csv_dari(tmp_path, "program,sumber_dana\npenunjang,\n", kolom)
    assert temuan == []
    assert baris == [(2, {"program": "penunjang", "sumber_dana": None})]


def test_judul_kolom_ganda(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "a,b,a\nx,y,z\n")
    assert temuan == [galat(Jenis.KOLOM, path, "judul kolom ganda", baris=1, kolom="kolom 'a'", ditemukan="'a' 2 kali",
                            diharapkan="setiap judul kolom sekali saja")]


# --- rows -----------------------------------------------------------------------------------

def test_baris_ganda_menyebut_baris_sebelumnya(tmp_path):
    kolom = [Kolom("iku", KODE), Kolom("tahun", TAHUN), Kolom("target", BILANGAN)]
    isi = "iku,tahun,target\nikm,2023,84\nikm,2024,84.5\n\nikm,2024,85\n"
    baris, temuan, path = csv_dari(tmp_path, isi, kolom, kunci_baris=("iku", "tahun"))
    assert [n for n, _ in baris] == [2, 3]
    assert temuan == [galat(Jenis.GANDA, path, "baris ganda", baris=5, kolom="kolom 'iku+tahun'",
                            ditemukan="'ikm, 2024'", diharapkan="kunci unik (sudah dipakai di baris 3)")]


def test_baris_ganda_satu_kunci(tmp_path):
    kolom = [Kolom("iku", KODE), Kolom("target", BILANGAN)]
    baris, temuan, path = csv_dari(tmp_path, "iku,target\nikm,84.5\nkelompok,45\nikm,85\n", kolom, kunci_baris=("iku",))
    assert baris == [(2, {"iku": "ikm", "target": Decimal("84.5")}), (3, {"iku": "kelompok", "target": Decimal("45")})]
    assert temuan == [galat(Jenis.GANDA, path, "baris ganda", baris=4, kolom="kolom 'iku'",
                            ditemukan="'ikm'", diharapkan="kunci unik (sudah dipakai di baris 2)")]


def test_jumlah_sel_salah_baris_dibuang(tmp_path):
    # a comma inside an unquoted name: three cells for two columns
    baris, temuan, path = csv_dari(tmp_path, "a,b\nx,Perencanaan, Penganggaran\ny,dua\nz\n")
    assert baris == [(3, {"a": "y", "b": "dua"})]
    pesan, harapan = "jumlah sel tidak sama dengan jumlah kolom", "2 sel (periksa koma di dalam teks: beri tanda kutip)"
    assert temuan == [
        galat(Jenis.KOLOM, path, pesan, baris=2, ditemukan="3 sel", diharapkan=harapan),
        galat(Jenis.KOLOM, path, pesan, baris=4, ditemukan="1 sel", diharapkan=harapan),
    ]


KOLOM_ISIAN = [Kolom("iku", KODE), Kolom("tahun", TAHUN), Kolom("realisasi", BILANGAN, isian=True)]


def test_isian_kosong_galat_di_luar_draf(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "iku,tahun,realisasi\nikm,2023,82.75\nikm,2024,\n", KOLOM_ISIAN)
    assert baris == [(2, {"iku": "ikm", "tahun": 2023, "realisasi": Decimal("82.75")})]
    assert temuan == [galat(Jenis.BELUM_DIISI, path, BELUM_DIISI, baris=3, kolom="kolom 'realisasi'",
                            diharapkan=HARAPAN[BILANGAN])]


def test_isian_kosong_peringatan_dalam_draf(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "iku,tahun,realisasi\nikm,2023,82.75\nikm,2024,\n", KOLOM_ISIAN,
                                   draf=True)
    assert baris == [(2, {"iku": "ikm", "tahun": 2023, "realisasi": Decimal("82.75")}),
                     (3, {"iku": "ikm", "tahun": 2024, "realisasi": None})]
    assert temuan == [peringatan(Jenis.BELUM_DIISI, path, BELUM_DIISI, baris=3, kolom="kolom 'realisasi'",
                                 diharapkan=HARAPAN[BILANGAN])]
    assert temuan[0].tingkat == "peringatan"


def test_sel_wajib_bukan_isian_kosong_tetap_galat_dalam_draf(tmp_path):
    baris, temuan, path = csv_dari(tmp_path, "iku,tahun,realisasi\n,2024,80\n", KOLOM_ISIAN, draf=True)
    assert baris == []
    assert temuan == [galat(Jenis.KOSONG, path, "nilai kosong", baris=2, kolom="kolom 'iku'", diharapkan=HARAPAN[KODE])]


# --- YAML -----------------------------------------------------------------------------------

RENSTRA = """\
# Renstra uji
dokumen: Renstra Uji
tahun_awal: 2019
tahun_akhir: 2024
tujuan:
  - kode: t1
    nama: Tujuan Satu
sasaran:
  - kode: s1
    tujuan: t1
    nama: Sasaran Satu
iku:
  - kode: ikm
    sasaran: s1
    indikator: Indeks Kepuasan Masyarakat
    satuan: indeks
    polaritas: positif
  - kode: kelompok
    sasaran: s1
    indikator: Persentase Kelompok
    satuan: "%"
    polaritas: positif
"""


def yaml_dari(tmp_path, teks, nama="renstra.yaml"):
    path = tulis(tmp_path, nama, teks)
    temuan = DaftarTemuan()
    return baca_yaml(path, temuan), temuan.daftar, path


def validasi(tmp_path, teks, jenis_model=model.Renstra):
    berkas, temuan, path = yaml_dari(tmp_path, teks)
    assert temuan == []
    daftar = DaftarTemuan()
    return validasi_model(berkas, jenis_model, daftar), daftar.daftar, path


def test_yaml_dibaca_dengan_datanya(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, RENSTRA)
    assert temuan == []
    assert berkas.path == path
    assert berkas.data["tahun_akhir"] == 2024
    assert berkas.data["iku"][1]["satuan"] == "%"


@pytest.mark.parametrize(("loc", "baris"), [
    (("dokumen",), 2),
    (("tahun_akhir",), 4),
    (("tujuan", 0), 6),
    (("tujuan", 0, "nama"), 7),
    (("iku",), 12),
    (("iku", 0, "kode"), 13),
    (("iku", 1), 18),
    (("iku", 1, "satuan"), 21),
    (("iku", 1, "polaritas"), 22),
    # missing: the deepest parent that exists
    (("iku", 1, "rumus"), 18),
    (("iku", 5, "satuan"), 12),
    (("sasaran", 0, "tujuan", "lebih"), 10),
    (("periode_berikut",), 2),  # the top mapping starts at its first key, after the comment
    ((), 2),
])
def test_yaml_baris(tmp_path, loc, baris):
    berkas, _, _ = yaml_dari(tmp_path, RENSTRA)
    assert berkas.baris(loc) == baris


def test_yaml_sintaks_salah(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, "tempat: Probolinggo\n  tanggal_laporan: 2025-01\n")
    assert berkas is None
    assert temuan == [galat(Jenis.SINTAKS, path, "sintaks YAML tidak sah", baris=2, kolom="kolom 18",
                            ditemukan="tanda ':' di tempat yang tidak diharapkan (beri tanda kutip pada teks yang "
                                      "memuat ': '): 'tanggal_laporan: 2025-01'", diharapkan=HARAPAN_YAML)]


def test_yaml_kurung_tidak_ditutup(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    assert berkas is None
    assert [(t.tingkat, t.jenis, t.baris, t.kolom) for t in temuan] == [(GALAT, Jenis.SINTAKS, 3, "kolom 2")]


def test_yaml_karakter_kendali_pada_barisnya(tmp_path):
    # a vertical tab pasted from a word processor, on line 3
    berkas, temuan, path = yaml_dari(tmp_path, "dokumen: Renstra\ntahun_awal: 2019\nnama: Kanigaran\x0bBaru\n")
    assert berkas is None
    assert [(t.jenis, t.baris) for t in temuan] == [(Jenis.SINTAKS, 3)]


def test_yaml_kunci_ganda(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, RENSTRA + "tahun_akhir: 2030\n")
    assert [(t.tingkat, t.jenis, t.baris, t.kolom) for t in temuan] == [(GALAT, Jenis.GANDA, 23, "kunci 'tahun_akhir'")]


def test_jalur_teks():
    assert jalur_teks(("iku", 2, "satuan")) == "iku[2].satuan"
    assert jalur_teks(("metode", "skala_predikat")) == "metode.skala_predikat"
    assert jalur_teks(("pita", 0)) == "pita[0]"
    assert jalur_teks(()) == ""


def test_validasi_model_sah(tmp_path):
    renstra, temuan, _ = validasi(tmp_path, RENSTRA)
    assert temuan == []
    assert isinstance(renstra, model.Renstra)
    assert [i.kode for i in renstra.iku] == ["ikm", "kelompok"]
    assert renstra.periode == "2019-2024"


def test_validasi_tipe_salah(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("tahun_awal: 2019", "tahun_awal: dua ribu"))
    assert renstra is None
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai harus bilangan bulat", baris=3, kolom="kunci 'tahun_awal'",
                            ditemukan="'dua ribu'", diharapkan="bilangan bulat")]


def test_validasi_bukan_daftar(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("tujuan:\n  - kode: t1\n    nama: Tujuan Satu\n",
                                                                "tujuan: t1\n"))
    assert renstra is None
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai harus berupa daftar", baris=5, kolom="kunci 'tujuan'",
                            ditemukan="'t1'", diharapkan="daftar (baris-baris diawali '- ')")]


def test_validasi_kunci_tidak_dikenal(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace('    satuan: "%"\n', '    satuan: "%"\n    warna: merah\n'))
    assert renstra is None
    assert temuan == [galat(Jenis.KUNCI, path, "kunci tidak dikenal", baris=22, kolom="kunci 'iku[1].warna'",
                            ditemukan="'merah'", diharapkan=KUNCI_LAIN)]


def test_validasi_kunci_wajib_tidak_ada(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("    indikator: Persentase Kelompok\n", ""))
    assert renstra is None
    # named at the list item that lacks it
    assert temuan == [galat(Jenis.KUNCI, path, "kunci wajib tidak ada", baris=18, kolom="kunci 'iku[1].indikator'",
                            diharapkan="baris 'indikator: ...' di bagian 'iku[1]'")]


def test_validasi_kunci_wajib_tingkat_atas(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("dokumen: Renstra Uji\n", ""))
    assert renstra is None
    assert temuan == [galat(Jenis.KUNCI, path, "kunci wajib tidak ada", baris=2, kolom="kunci 'dokumen'",
                            diharapkan="baris 'dokumen: ...' di berkas ini")]


def test_validasi_literal_salah(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("    polaritas: positif\n  - kode: kelompok",
                                                                "    polaritas: naik\n  - kode: kelompok"))
    assert renstra is None
    assert temuan == [galat(Jenis.TIDAK_SAH, path, "nilai tidak dikenal", baris=17, kolom="kunci 'iku[0].polaritas'",
                            ditemukan="'naik'", diharapkan="salah satu dari 'positif' atau 'negatif'")]


def test_validasi_pola_kode(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("  - kode: kelompok", "  - kode: Kelompok Lembaga"))
    assert renstra is None
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "format nilai tidak sesuai", baris=18, kolom="kunci 'iku[1].kode'",
                            ditemukan="'Kelompok Lembaga'",
                            diharapkan="kode huruf kecil, angka, '_' atau '-' (mis. pelayanan_publik)")]


def test_validasi_validator_model(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("tahun_akhir: 2024", "tahun_akhir: 2018"))
    assert renstra is None
    # named at the key that breaks it, with the year it should be at least
    assert temuan == [galat(Jenis.TIDAK_SAH, path, "tahun_akhir Renstra lebih awal daripada tahun_awal", baris=4,
                            kolom="kunci 'tahun_akhir'", ditemukan="'2018'", diharapkan="tahun 2019 atau sesudahnya")]


def test_validasi_beberapa_masalah_sekaligus(tmp_path):
    teks = RENSTRA.replace("tahun_awal: 2019", "tahun_awal: dua").replace("    polaritas: positif\n  - kode: kelompok",
                                                                           "    polaritas: naik\n  - kode: kelompok")
    _, temuan, _ = validasi(tmp_path, teks)
    assert [(t.jenis, t.baris, t.kolom) for t in temuan] == [
        (Jenis.TIPE_SALAH, 3, "kunci 'tahun_awal'"),
        (Jenis.TIDAK_SAH, 17, "kunci 'iku[0].polaritas'"),
    ]


SKALA = """\
nama: Skala Uji
dasar_hukum: Perwali Uji
pita:
  - predikat: Sangat Baik
    lebih_dari: 90
  - predikat: Baik
    lebih_dari: 75
  - predikat: Kurang
"""


def test_validasi_skala_sah(tmp_path):
    skala, temuan, _ = validasi(tmp_path, SKALA, model.SkalaModel)
    assert temuan == []
    assert [(p.predikat, p.lebih_dari) for p in skala.pita] == [("Sangat Baik", Decimal(90)), ("Baik", Decimal(75)),
                                                                ("Kurang", None)]


def test_validasi_skala_validator_pita(tmp_path):
    teks = SKALA.replace("    lebih_dari: 75\n", "    lebih_dari: 75\n    paling_sedikit: 70\n")
    skala, temuan, path = validasi(tmp_path, teks, model.SkalaModel)
    assert skala is None
    assert temuan == [galat(Jenis.TIDAK_SAH, path, "pita berisi dua batas", baris=6, kolom="kunci 'pita[1]'",
                            ditemukan="lebih_dari 75 dan paling_sedikit 70",
                            diharapkan="salah satu saja: lebih_dari atau paling_sedikit")]


def test_validasi_skala_bilangan_salah(tmp_path):
    skala, temuan, path = validasi(tmp_path, SKALA.replace("lebih_dari: 75", "lebih_dari: tujuh puluh"), model.SkalaModel)
    assert skala is None
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai harus bilangan", baris=7, kolom="kunci 'pita[1].lebih_dari'",
                            ditemukan="'tujuh puluh'", diharapkan="bilangan dengan titik desimal (mis. 84.5)")]


def test_validasi_validator_bidang(tmp_path):
    teks = "skala_predikat: perwali\nbatas_capaian: 0\n"
    metode, temuan, path = validasi(tmp_path, teks, model.Metode)
    assert metode is None
    assert temuan == [galat(Jenis.TIPE_SALAH, path, "nilai terlalu kecil", baris=2,
                            kolom="kunci 'batas_capaian'", ditemukan="'0'", diharapkan="bilangan lebih dari 0")]


def test_validasi_daftar_kosong(tmp_path):
    skala, temuan, path = validasi(tmp_path, "nama: Skala\ndasar_hukum: Perwali\npita: []\n", model.SkalaModel)
    assert skala is None
    assert [(t.jenis, t.baris, t.kolom) for t in temuan] == [(Jenis.TIDAK_SAH, 3, "kunci 'pita'")]
    assert "List should" not in temuan[0].pesan


def test_validasi_nilai_wajib_kosong(tmp_path):
    renstra, temuan, path = validasi(tmp_path, RENSTRA.replace("    nama: Tujuan Satu", "    nama:"))
    assert renstra is None
    assert [(t.jenis, t.baris, t.kolom) for t in temuan] == [(Jenis.KOSONG, 7, "kunci 'tujuan[0].nama'")]
    assert temuan[0].ditemukan != "'None'"
