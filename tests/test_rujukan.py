"""Checks across the files of a year (masukan.rujukan, through muat) and the figures stated by a
source against the computed ones (hitung.beda_sumber, through siapkan), called directly on a
scratch copy of Kanigaran 2024."""

from __future__ import annotations

import pytest
from bantu import DATA, TAHUN, ganti

from lkjip_calc.dasar.temuan import GALAT, PERINGATAN, Jenis, Temuan, nama_berkas
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.masukan.muat import muat

HARAPAN_IKU = "kode IKU dari renstra.yaml: administrasi_perkantoran, ikm, kelompok_lembaga, nilai_tata_kelola"


def muat_salinan(data_salinan, draf=False):
    return muat(data_salinan, "kanigaran", 2024, draf)


def berkas(akar, nama):
    return nama_berkas(akar / TAHUN / nama)


def galat(akar, nama, jenis, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None):
    return Temuan(GALAT, jenis, berkas(akar, nama), pesan, baris, kolom, ditemukan, diharapkan)


def peringatan(akar, nama, jenis, pesan, baris=None, kolom=None, ditemukan=None, diharapkan=None):
    return Temuan(PERINGATAN, jenis, berkas(akar, nama), pesan, baris, kolom, ditemukan, diharapkan)


def tambah(path, baris: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(baris)


# --- the real data ----------------------------------------------------------------------------

def test_data_asli_tanpa_temuan():
    data, temuan = muat(DATA, "kanigaran", 2024)
    # every PK IKU has its realisasi, program link, narasi and analisis; every program is linked to an
    # IKU and in the PK; every sub unit is a kelurahan; every PK IKU has a 2024 Renstra target
    assert temuan.daftar == []
    assert data is not None
    assert data.iku_pk == ["ikm", "administrasi_perkantoran", "kelompok_lembaga"]
    assert sorted(data.narasi_iku) == sorted(data.analisis) == sorted(data.iku_pk)
    assert {b["program"] for b in data.tabel["iku_program.csv"]} == {b["kode"] for b in data.tabel["program.csv"]}
    assert ({b["sub_unit"] for b in data.tabel["anggaran.csv"]} - {None}
            == {b["kelurahan"] for b in data.tabel["wilayah.csv"]})


# --- errors: muat returns no data -------------------------------------------------------------

def test_iku_tidak_ada_di_iku_program(data_salinan):
    ganti(data_salinan / TAHUN / "iku_program.csv", "administrasi_perkantoran,penunjang", "administrasi_kantor,penunjang")
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.galat_saja == [
        galat(data_salinan, "iku_program.csv", Jenis.RUJUKAN_HILANG, "IKU tidak ada", baris=4, kolom="kolom 'iku'",
              ditemukan="'administrasi_kantor'", diharapkan=HARAPAN_IKU)]
    # and the PK IKU it meant is now linked to no program
    assert [(t.jenis, t.ditemukan) for t in temuan.peringatan_saja] == [(Jenis.TIDAK_TERTAUT, "'administrasi_perkantoran'")]


@pytest.mark.parametrize(("daftar", "sebelum", "item", "baris", "kode", "pertama"), [
    # a second tujuan before 'sasaran:' (line 15), a second sasaran before 'iku:' (line 25), a second IKU
    # after the last one (the file ends at line 50)
    ("tujuan", "\nsasaran:\n", "  - kode: kualitas_pelayanan\n    nama: Tujuan Lagi\n", 15, "kualitas_pelayanan", 0),
    ("sasaran", "\niku:\n", "  - kode: kemampuan_kelompok\n    tujuan: kualitas_pelayanan\n    nama: Sasaran Lagi\n",
     25, "kemampuan_kelompok", 1),
    ("iku", None, "  - kode: ikm\n    sasaran: kualitas_pelayanan\n    indikator: IKM lagi\n    satuan: indeks\n"
                  "    polaritas: positif\n", 51, "ikm", 0),
])
def test_kode_renstra_ganda(data_salinan, daftar, sebelum, item, baris, kode, pertama):
    path = data_salinan / TAHUN / "renstra.yaml"
    if sebelum is None:
        tambah(path, item)
    else:
        ganti(path, sebelum, "\n" + item + sebelum.lstrip("\n"))
    jumlah = {"tujuan": 2, "sasaran": 3, "iku": 4}[daftar]  # the new item's index: after the real ones
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.daftar == [
        galat(data_salinan, "renstra.yaml", Jenis.GANDA, f"kode {daftar} ganda", baris=baris,
              kolom=f"kunci '{daftar}[{jumlah}].kode'", ditemukan=f"'{kode}'",
              diharapkan=f"kode unik (sudah dipakai di {daftar}[{pertama}])")]


def test_periode_renstra_tidak_mencakup_tahun(data_salinan):
    ganti(data_salinan / TAHUN / "renstra.yaml", "tahun_akhir: 2024", "tahun_akhir: 2023")
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.daftar[0] == galat(
        data_salinan, "renstra.yaml", Jenis.TIDAK_SAH, "periode Renstra 2019-2023 tidak mencakup tahun laporan 2024",
        baris=7, kolom="kunci 'tahun_akhir'", ditemukan="'2023'",
        diharapkan="Renstra yang berlaku pada 2024: isi tahun_awal, tahun_akhir, tujuan, sasaran, IKU dan targetnya "
                   "dari dokumen Renstra yang baru")
    # the 2024 targets of renstra_target.csv (lines 6, 10, 15) are now outside the period too
    assert [(t.berkas, t.jenis, t.baris, t.kolom) for t in temuan.daftar[1:]] == [
        (berkas(data_salinan, "renstra_target.csv"), Jenis.TIDAK_SAH, n, "kolom 'tahun'") for n in (6, 10, 15)]
    assert not temuan.peringatan_saja


def test_target_pk_nol(data_salinan):
    ganti(data_salinan / TAHUN / "perjanjian_kinerja.csv", "ikm,84.5", "ikm,0")
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.daftar == [
        galat(data_salinan, "perjanjian_kinerja.csv", Jenis.TIDAK_SAH, "target 0: capaian tidak dapat dihitung",
              baris=3, kolom="kolom 'target'", ditemukan="'0'", diharapkan="target selain 0")]


@pytest.mark.parametrize("draf", [False, True])
def test_iku_pk_tanpa_realisasi(data_salinan, draf):
    ganti(data_salinan / TAHUN / "realisasi_iku.csv",
          "ikm,2024,80.25,,,,Indeks Kepuasan Masyarakat tidak diukur secara nasional\n", "")
    data, temuan = muat_salinan(data_salinan, draf)
    assert data is None  # not a figure still to fill in: --draft does not let it through
    assert temuan.daftar == [
        galat(data_salinan, "realisasi_iku.csv", Jenis.KOSONG, "realisasi IKU 'ikm' tahun 2024 belum diisi",
              kolom="kolom 'realisasi'", ditemukan="'tidak ada baris'", diharapkan="satu baris iku=ikm, tahun=2024")]
    assert temuan.berjenis(Jenis.BELUM_DIISI) == []


def test_kelurahan_penduduk_tidak_ada_di_wilayah(data_salinan):
    ganti(data_salinan / TAHUN / "penduduk.csv", "Sukoharjo,3521", "Sukoharja,3521")
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.daftar == [
        galat(data_salinan, "penduduk.csv", Jenis.RUJUKAN_HILANG, "kelurahan tidak ada di wilayah.csv", baris=5,
              kolom="kolom 'kelurahan'", ditemukan="'Sukoharja'",
              diharapkan="nama kelurahan yang sama persis dengan wilayah.csv"),
        galat(data_salinan, "wilayah.csv", Jenis.RUJUKAN_HILANG, "kelurahan tidak ada di penduduk.csv", baris=5,
              kolom="kolom 'kelurahan'", ditemukan="'Sukoharjo'", diharapkan="satu baris penduduk untuk setiap kelurahan"),
    ]


def test_analisis_program_tidak_tertaut_ke_iku(data_salinan):
    ganti(data_salinan / TAHUN / "analisis" / "ikm.yaml", "  pemerintahan_umum:", "  pemberdayaan:")
    data, temuan = muat_salinan(data_salinan)
    assert data is None
    assert temuan.daftar == [
        galat(data_salinan, "analisis/ikm.yaml", Jenis.RUJUKAN_HILANG,
              "program tidak ditautkan ke IKU ini di iku_program.csv", baris=12,
              kolom="kunci 'analisis_program.pemberdayaan'", ditemukan="'pemberdayaan'",
              diharapkan="pelayanan_publik, pemerintahan_umum")]


# --- warnings: the data loads -----------------------------------------------------------------

def test_program_tanpa_iku(data_salinan):
    tambah(data_salinan / TAHUN / "program.csv", "lain,Program Lain\n")
    data, temuan = muat_salinan(data_salinan)
    assert data is not None
    assert temuan.daftar == [
        peringatan(data_salinan, "program.csv", Jenis.TIDAK_TERTAUT, "program tidak ditautkan ke IKU mana pun", baris=6,
                   kolom="kolom 'kode'", ditemukan="'lain'")]


def test_iku_pk_tanpa_narasi(data_salinan):
    (data_salinan / TAHUN / "narasi" / "iku" / "ikm.md").unlink()
    data, temuan = muat_salinan(data_salinan)
    assert data is not None
    assert temuan.daftar == [
        peringatan(data_salinan, "narasi/iku/ikm.md", Jenis.TIDAK_TERTAUT, "narasi BAB III untuk IKU ini belum ada",
                   diharapkan="berkas dengan bagian '## capaian' dan seterusnya")]


def test_sub_unit_bukan_kelurahan(data_salinan):
    ganti(data_salinan / TAHUN / "anggaran.csv", ",Tisnonegaran,64500000", ",Tisnonegoro,64500000")
    data, temuan = muat_salinan(data_salinan)
    assert data is not None
    assert temuan.daftar == [
        peringatan(data_salinan, "anggaran.csv", Jenis.RUJUKAN_HILANG, "sub unit bukan kelurahan di wilayah.csv",
                   baris=19, kolom="kolom 'sub_unit'", ditemukan="'Tisnonegoro'",
                   diharapkan="salah satu dari: Curahgrinting, Kanigaran, Kebonsari Kulon, Kebonsari Wetan, Sukoharjo, "
                              "Tisnonegaran")]


# --- beda_sumber: stated figures against computed ones ----------------------------------------

LUAS = ("luas wilayah yang dinyatakan tidak sama dengan jumlah luas kelurahan", "kunci 'dinyatakan.luas_km2'",
        "10,65 km²", "10,66 km² (jumlah wilayah.csv); laporan memakai jumlahnya")


def beda(laporan):
    return [(t.tingkat, t.berkas, t.baris, t.kolom, t.pesan, t.ditemukan, t.diharapkan)
            for t in laporan.temuan.berjenis(Jenis.BEDA_SUMBER)]


def test_beda_sumber_data_asli_hanya_luas(laporan):
    # wilayah.csv: 1.27 + 3.43 + 0.98 + 0.94 + 1.56 + 2.48 = 10.66; laporan.yaml states 10.65
    assert beda(laporan) == [(PERINGATAN, nama_berkas(DATA / TAHUN / "laporan.yaml"), 26, LUAS[1], LUAS[0], *LUAS[2:])]
    assert laporan.temuan.galat_saja == []


def test_beda_sumber_penduduk_dinyatakan(data_salinan):
    ganti(data_salinan / TAHUN / "laporan.yaml", "  luas_km2: 10.65", "  luas_km2: 10.65\n  penduduk_jumlah: 62000")
    laporan = siapkan(data_salinan, "kanigaran", 2024)
    yaml = berkas(data_salinan, "laporan.yaml")
    # penduduk.csv: 30 980 laki-laki + 31 703 perempuan = 62 683
    assert beda(laporan) == [
        (PERINGATAN, yaml, 26, LUAS[1], LUAS[0], *LUAS[2:]),
        (PERINGATAN, yaml, 27, "kunci 'dinyatakan.penduduk_jumlah'",
         "jumlah penduduk yang dinyatakan tidak sama dengan jumlah per kelurahan", "62.000", "62.683"),
    ]


def test_beda_sumber_anggaran_pk(data_salinan):
    ganti(data_salinan / TAHUN / "pk_anggaran.csv", "pemberdayaan,2221176104", "pemberdayaan,2221176000")
    laporan = siapkan(data_salinan, "kanigaran", 2024)
    # anggaran.csv: the 13 pemberdayaan sub kegiatan add up to 2 221 176 104
    assert beda(laporan) == [
        (PERINGATAN, berkas(data_salinan, "laporan.yaml"), 26, LUAS[1], LUAS[0], *LUAS[2:]),
        (PERINGATAN, berkas(data_salinan, "pk_anggaran.csv"), 5, "kolom 'anggaran'",
         "anggaran program di PK berbeda dengan jumlah pagu sub kegiatannya", "2.221.176.000",
         "2.221.176.104 (jumlah anggaran.csv)")]
