"""Strict readers: what a careless or hostile data folder holds is refused with one clear line,
never read past, never an exception. Files that are not regular files inside the data root,
invisible characters, YAML anchors/aliases/tags, implausible numbers, empty tables."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from lkjip_calc.dasar.temuan import DaftarTemuan, Jenis, kutip, tampak
from lkjip_calc.masukan import model
from lkjip_calc.masukan.baca import BILANGAN, BULAT, KODE, RUPIAH, TAHUN, TEKS, Kolom, baca_csv, baca_teks
from lkjip_calc.masukan.lokasi import daftar_tahun
from lkjip_calc.masukan.muat import muat
from tests.bantu import DATA
from tests.test_baca import csv_dari, galat, tulis, validasi, yaml_dari


def test_tampak_menulis_karakter_tak_terlihat_sebagai_kode():
    assert tampak("Rp\u00a09.500") == "Rp<U+00A0>9.500"
    assert kutip("pelayanan\u200b_publik") == "'pelayanan<U+200B>_publik'"
    assert tampak("Kebonsari Wetan, é") == "Kebonsari Wetan, é"  # letters and plain spaces as they are


@pytest.mark.parametrize(("isi", "baris", "ditemukan", "kode"), [
    ("a,b\nx,satu\ny,du\u200ba\n", 3, "'du<U+200B>a'", "U+200B"),       # zero-width space in a name
    ("a,b\nx,satu\x00\n", 2, "'satu<U+0000>'", "U+0000"),                # NUL
    ("a,b\nx,\ufeffsatu\n", 2, "'<U+FEFF>satu'", "U+FEFF"),              # a BOM inside the text
    ("a,b\nx,\u202esatu\n", 2, "'<U+202E>satu'", "U+202E"),              # a direction override
    ("a,b\nx,sa\x07tu\n", 2, "'sa<U+0007>tu'", "U+0007"),                # a bell from a copied page
])
def test_karakter_tak_terlihat_dengan_kode_titiknya(tmp_path, isi, baris, ditemukan, kode):
    hasil, temuan, path = csv_dari(tmp_path, isi)
    assert [n for n, _ in hasil] == [2, 3][:baris - 2]  # the row is left out, the others kept
    assert temuan == [galat(Jenis.SINTAKS, path, f"karakter tak terlihat {kode}", baris=baris, kolom="kolom 'b'",
                            ditemukan=ditemukan,
                            diharapkan="teks biasa (hapus karakter yang tersalin dari pengolah kata atau web)")]


def test_karakter_tak_terlihat_di_narasi_dengan_baris_dan_kolomnya(tmp_path):
    path = tulis(tmp_path, "n.md", "## capaian\nteks\x1b[31m merah\n")
    temuan = DaftarTemuan()
    assert baca_teks(path, temuan) is None
    assert [(t.baris, t.kolom, t.ditemukan) for t in temuan.daftar] == [(2, "kolom 5", "U+001B")]


def test_karakter_tak_terlihat_di_yaml_dengan_kuncinya(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, "a: satu\nb:\n  c: pelayanan\u200b_publik\n")
    assert berkas is None
    assert [(t.baris, t.kolom, t.ditemukan) for t in temuan] == [(3, "kunci 'b.c'", "'pelayanan<U+200B>_publik'")]


def test_pesan_selalu_satu_baris(tmp_path):
    hasil, temuan, path = csv_dari(tmp_path, 'a,b\n"x\ny",satu\n')
    assert hasil == [] and "\n" not in str(temuan[0]) and "<U+000A>" in str(temuan[0])


def test_spasi_tak_putus_dalam_angka_ditampilkan(tmp_path):
    hasil, temuan, path = csv_dari(tmp_path, "a,x\nk,9\u00a0500\n", [Kolom("a", KODE), Kolom("x", RUPIAH)])
    assert [t.ditemukan for t in temuan] == ["'9<U+00A0>500'"]


# --- files that are not regular files inside the data root -----------------------------------

def _baca(path):
    temuan = DaftarTemuan()
    assert baca_teks(path, temuan) is None
    return [(t.jenis, t.pesan, t.berkas) for t in temuan.daftar]


def test_folder_bernama_berkas(tmp_path):
    (tmp_path / "anggaran.csv").mkdir()
    assert _baca(tmp_path / "anggaran.csv") == [(Jenis.BERKAS_HILANG, "berupa folder, bukan berkas",
                                                 (tmp_path / "anggaran.csv").as_posix())]


def test_tautan_rusak_menyebut_berkasnya_bukan_tujuannya(tmp_path):
    (tmp_path / "anggaran.csv").symlink_to(tmp_path / "tidak-ada-di-mana-mana.csv")
    [(jenis, pesan, berkas)] = _baca(tmp_path / "anggaran.csv")
    assert (jenis, pesan) == (Jenis.BERKAS_HILANG, "tautan simbolik rusak (berkas tujuannya tidak ada)")
    assert berkas.endswith("/anggaran.csv")


def test_tautan_melingkar(tmp_path):
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    assert _baca(tmp_path / "a.csv") == [(Jenis.BERKAS_HILANG, "tautan simbolik melingkar",
                                          (tmp_path / "a.csv").as_posix())]


def test_pipa_tidak_dibaca(tmp_path):
    os.mkfifo(tmp_path / "anggaran.csv")  # reading it would wait forever
    assert _baca(tmp_path / "anggaran.csv")[0][1] == "bukan berkas biasa (pipa, perangkat atau soket)"


def _salin_tahun(tmp_path):
    akar = tmp_path / "data"
    shutil.copytree(DATA / "kanigaran" / "2024", akar / "kanigaran" / "2024")
    shutil.copytree(DATA / "skala", akar / "skala")
    return akar, akar / "kanigaran" / "2024"


@pytest.mark.parametrize("nama", ["anggaran.csv", "narasi/kata_pengantar.md", "unit.yaml"])
def test_tautan_ke_luar_folder_data_ditolak(tmp_path, nama):
    akar, folder = _salin_tahun(tmp_path)
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text("RAHASIA-MESIN-BUILD\n")
    (folder / nama).unlink()
    (folder / nama).symlink_to(rahasia)
    data, temuan = muat(akar, "kanigaran", 2024)
    assert data is None
    assert [(t.jenis, t.pesan, t.berkas.rsplit("/2024/", 1)[1]) for t in temuan.galat_saja] == [
        (Jenis.TIDAK_SAH, "tautan simbolik ke luar folder data", nama)]
    assert "RAHASIA" not in "\n".join(map(str, temuan.daftar))


def test_gambar_bertaut_ke_luar_folder_data_ditolak(tmp_path):
    # an image is not read by the loader but would be copied into the site
    akar, folder = _salin_tahun(tmp_path)
    (folder / "narasi" / "peta.png").symlink_to("/etc/passwd")
    data, temuan = muat(akar, "kanigaran", 2024)
    assert data is None
    assert [t.pesan for t in temuan.galat_saja] == ["tautan simbolik ke luar folder data"]


def test_tautan_di_dalam_folder_data_boleh(tmp_path):
    akar, folder = _salin_tahun(tmp_path)
    asli = akar / "bersama-program.csv"
    shutil.move(folder / "program.csv", asli)
    (folder / "program.csv").symlink_to(asli)
    data, temuan = muat(akar, "kanigaran", 2024)
    assert data is not None, temuan.galat_saja


def test_skala_bukan_jalur(tmp_path):
    akar, folder = _salin_tahun(tmp_path)
    teks = (folder / "laporan.yaml").read_text()
    (folder / "laporan.yaml").write_text(teks.replace("skala_predikat: ", "skala_predikat: ../../../etc/", 1))
    data, temuan = muat(akar, "kanigaran", 2024)
    assert data is None
    [t] = temuan.galat_saja
    assert (t.kolom, t.pesan) == ("kunci 'metode.skala_predikat'", "format nilai tidak sesuai")


def test_folder_tahun_empat_angka(tmp_path):
    for nama in ("0999", "24", "2024", "20245", "2025-baru", "2025"):
        (tmp_path / "u" / nama).mkdir(parents=True)
    assert daftar_tahun(tmp_path, "u") == [2024, 2025]


# --- YAML: anchors, aliases and tags ---------------------------------------------------------

def test_alias_yaml_ditolak(tmp_path):
    berkas, temuan, path = yaml_dari(tmp_path, "a: &x Kanigaran\nb: *x\n")
    assert berkas is None
    assert [(t.jenis, t.pesan, t.baris, t.ditemukan) for t in temuan] == [
        (Jenis.SINTAKS, "anchor YAML tidak diperbolehkan", 1, "'&x'")]


def test_bom_alias_selesai_seketika(tmp_path):
    # "billion laughs": nine levels of ten aliases each would be 10^9 strings once expanded
    baris = ['a0: &a0 "ha"']
    for i in range(1, 10):
        baris.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    mulai = time.monotonic()
    berkas, temuan, _ = yaml_dari(tmp_path, "\n".join(baris) + "\n")
    assert berkas is None and temuan[0].pesan == "anchor YAML tidak diperbolehkan"
    assert time.monotonic() - mulai < 5


@pytest.mark.parametrize("teks", ["a: !!python/object/apply:os.system ['id']\n", "a: !rahasia x\n"])
def test_tag_yaml_ditolak(tmp_path, teks):
    berkas, temuan, _ = yaml_dari(tmp_path, teks)
    assert berkas is None
    assert [t.pesan for t in temuan] == ["tag YAML tidak diperbolehkan"]


def test_teks_berkutip_bukan_tag(tmp_path):
    berkas, temuan, _ = yaml_dari(tmp_path, "a: \"!bukan tag\"\nb: 'x'\n")
    assert temuan == [] and berkas.data == {"a": "!bukan tag", "b": "x"}


def test_tab_untuk_indentasi_disebut(tmp_path):
    berkas, temuan, _ = yaml_dari(tmp_path, "a:\n\tb: 1\n")
    assert [(t.baris, t.ditemukan) for t in temuan] == [
        (2, "karakter tab (U+0009) untuk indentasi; YAML hanya memakai spasi: 'b: 1'")]


# --- plausible numbers -----------------------------------------------------------------------

@pytest.mark.parametrize(("jenis", "teks", "pesan", "harapan"), [
    (RUPIAH, "1" + "0" * 25, "nilai terlalu besar untuk masuk akal", "kurang dari 1.000.000.000.000.000 rupiah"),
    (RUPIAH, "1000000000000000", "nilai terlalu besar untuk masuk akal", "kurang dari 1.000.000.000.000.000 rupiah"),
    (BULAT, "99999999999", "nilai terlalu besar untuk masuk akal", "kurang dari 10.000.000.000"),
    (BILANGAN, "1" * 30, "bilangan terlalu panjang",
     "paling banyak 15 angka sebelum titik desimal dan 10 sesudahnya"),
    (BILANGAN, "0." + "1" * 11, "bilangan terlalu panjang",
     "paling banyak 15 angka sebelum titik desimal dan 10 sesudahnya"),
    (TAHUN, "0999", "tahun di luar rentang", "tahun antara 1900 dan 2199"),
])
def test_bilangan_tidak_masuk_akal(tmp_path, jenis, teks, pesan, harapan):
    hasil, temuan, path = csv_dari(tmp_path, f"k,x\na,{teks}\n", [Kolom("k", KODE), Kolom("x", jenis)])
    assert hasil == []
    assert temuan == [galat(Jenis.TIDAK_SAH, path, pesan, baris=2, kolom="kolom 'x'", ditemukan=kutip(teks),
                            diharapkan=harapan)]


def test_batas_sendiri_masih_diterima(tmp_path):
    kolom = [Kolom("k", KODE), Kolom("r", RUPIAH), Kolom("b", BILANGAN)]
    hasil, temuan, _ = csv_dari(tmp_path, f"k,r,b\na,{10**15 - 1},-{'9' * 15}.{'1' * 10}\n", kolom)
    assert temuan == [] and hasil[0][1]["r"] == 10**15 - 1


@pytest.mark.parametrize("luas", ["0", "-1.5", "0.000"])
def test_luas_harus_positif(tmp_path, luas):
    kolom = [Kolom("kelurahan", TEKS), Kolom("luas_km2", BILANGAN, positif=True)]
    hasil, temuan, path = csv_dari(tmp_path, f"kelurahan,luas_km2\nKanigaran,{luas}\n", kolom)
    assert temuan == [galat(Jenis.TIDAK_SAH, path, "nilai harus lebih dari 0", baris=2, kolom="kolom 'luas_km2'",
                            ditemukan=kutip(luas), diharapkan="bilangan lebih dari 0 (mis. 2.5)")]


def test_tabel_tanpa_baris(tmp_path):
    hasil, temuan, path = csv_dari(tmp_path, "a,b\n\n")
    assert temuan == [galat(Jenis.BELUM_DIISI, path, "tabel belum berisi baris data", baris=2,
                            ditemukan="tabel kosong (hanya baris judul kolom)",
                            diharapkan="paling sedikit satu baris di bawah baris judul kolom")]
    _, temuan, _ = csv_dari(tmp_path, "a,b\n", draf=True)
    assert [t.tingkat for t in temuan] == ["peringatan"]


@pytest.mark.parametrize(("lama", "baru", "kunci", "pesan", "harapan"), [
    ("luas_km2: 10.65", "luas_km2: 0", "dinyatakan.luas_km2", "nilai terlalu kecil", "bilangan lebih dari 0"),
    ("luas_km2: 10.65", "pagu: " + "9" * 20, "dinyatakan.pagu", "nilai terlalu besar untuk masuk akal",
     "bilangan kurang dari 1.000.000.000.000.000"),
    ("tanggal_laporan: 2025-01", "tanggal_laporan: 2025-13", "tanggal_laporan", "format nilai tidak sesuai",
     "tahun-bulan dengan bulan 01 sampai 12, mis. 2025-01"),
    ("batas_capaian:\n", "batas_capaian: .nan\n", "metode.batas_capaian", "nilai harus bilangan terhingga",
     "bilangan biasa, bukan nan atau inf (mis. 84.5)"),
    ("batas_capaian:\n", "batas_capaian: 1" + "0" * 30 + "\n", "metode.batas_capaian", "bilangan terlalu panjang",
     "paling banyak 15 angka sebelum titik desimal dan 10 sesudahnya"),
])
def test_yaml_bilangan_dan_bulan(tmp_path, lama, baru, kunci, pesan, harapan):
    teks = (DATA / "kanigaran" / "2024" / "laporan.yaml").read_text()
    assert lama in teks
    _, temuan, _ = validasi(tmp_path, teks.replace(lama, baru), model.Pengaturan)
    assert [(t.kolom, t.pesan, t.diharapkan) for t in temuan] == [(f"kunci '{kunci}'", pesan, harapan)]
    assert not any("Input should" in str(t) for t in temuan)


def test_berkas_terlalu_besar(tmp_path, monkeypatch):
    from lkjip_calc.masukan import baca
    monkeypatch.setattr(baca, "BATAS_UKURAN", 10)
    path = tulis(tmp_path, "t.csv", "a,b\nx,satu dua tiga\n")
    temuan = DaftarTemuan()
    assert baca_csv(path, [Kolom("a", KODE), Kolom("b", TEKS)], temuan) == []
    assert [t.pesan for t in temuan.daftar] == ["berkas terlalu besar (0 MB)"]
