"""Images and attachments from data (issue 11, point 2): the cover logo (unit.yaml `logo`), the
images the prose places by name (gambar/gambar.yaml, `<!-- gambar: nama -->`) and the signed,
scanned Perjanjian Kinerja (laporan.yaml `perjanjian_kinerja.pindaian`). Each bad file is one
message naming the file, line and key; new-year carries the logo and gambar/, never the signed PK."""

from __future__ import annotations

import os

import pytest
import yaml
from bantu import DATA, PNG_KECIL, ganti, sumberrejo

from lkjip_calc.dasar.temuan import DataTidakValid, Jenis
from lkjip_calc.laporan import prosa
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.masukan import gambar
from lkjip_calc.masukan.muat import muat
from lkjip_calc.tahunan.tahun_baru import buat_tahun


def _galat(akar):
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    return [str(t) for t in temuan.galat_saja]


def test_unit_uji_memuat_logo_gambar_dan_pk(tes_salinan):
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is not None, [str(t) for t in temuan.galat_saja]
    # the placeholder files of tests/data (made with matplotlib): sizes as saved
    assert (data.logo.format, data.logo.lebar, data.logo.tinggi) == ("png", 160, 190)
    peta = data.gambar["peta-wilayah"]
    assert (peta.judul, peta.berkas.format, peta.berkas.lebar, peta.berkas.tinggi) == (
        "Peta Wilayah Kecamatan Sumberrejo", "png", 480, 320)
    assert data.pk_pindaian.halaman == 2


def test_unit_tanpa_berkas_tetap_sah():
    """Every new key is optional: Kanigaran has none of them."""
    data, _ = muat(DATA, "kanigaran", 2024)
    assert data.logo is None and data.gambar == {} and data.pk_pindaian is None


@pytest.mark.parametrize("isi, pesan", [
    (None, "unit.yaml, baris 10, kunci 'logo': berkas gambar/logo-kota.png: berkas tidak ada; "
           "ditemukan 'gambar/logo-kota.png'; diharapkan gambar PNG atau JPEG; berkas ini ada di folder data tahun"),
    (b"GIF89a" + bytes(40), "unit.yaml, baris 10, kunci 'logo': berkas gambar/logo-kota.png: isinya bukan gambar "
                            "PNG atau JPEG; ditemukan bita awal 47 49 46 38 39 61 00 00"),
    (PNG_KECIL[:40], "unit.yaml, baris 10, kunci 'logo': berkas gambar/logo-kota.png: gambar rusak, tidak dapat "
                     "dibaca"),
])
def test_logo_rusak(tes_salinan, isi, pesan):
    logo = sumberrejo(tes_salinan) / "gambar" / "logo-kota.png"
    logo.unlink()
    if isi is not None:
        logo.write_bytes(isi)
    galat = _galat(tes_salinan)
    assert len(galat) == 1 and pesan in galat[0], galat


def test_logo_folder_dan_jalur(tes_salinan):
    tahun = sumberrejo(tes_salinan)
    (tahun / "gambar" / "logo-kota.png").unlink()
    (tahun / "gambar" / "logo-kota.png").mkdir()
    galat = _galat(tes_salinan)
    assert len(galat) == 1 and "kunci 'logo': berkas gambar/logo-kota.png: berupa folder, bukan berkas" in galat[0]
    ganti(tahun / "unit.yaml", "logo: gambar/logo-kota.png", "logo: ../../kanigaran/logo.png")
    galat = _galat(tes_salinan)
    assert len(galat) == 1 and "kunci 'logo': jalur berkas tidak sah; ditemukan '../../kanigaran/logo.png'" in galat[0]
    ganti(tahun / "unit.yaml", "logo: ../../kanigaran/logo.png", "logo: gambar/logo.gif")
    galat = _galat(tes_salinan)
    assert len(galat) == 1 and "kunci 'logo': jenis berkas tidak didukung; ditemukan 'gambar/logo.gif'" in galat[0]


def test_logo_tautan_ke_luar_data(tes_salinan, tmp_path):
    luar = tmp_path / "luar.png"
    luar.write_bytes(PNG_KECIL)
    logo = sumberrejo(tes_salinan) / "gambar" / "logo-kota.png"
    logo.unlink()
    os.symlink(luar, logo)
    galat = _galat(tes_salinan)
    assert any("tautan simbolik ke luar folder data" in g and "gambar/logo-kota.png" in g for g in galat), galat


def test_gambar_terlalu_besar(tes_salinan, monkeypatch):
    monkeypatch.setattr(gambar, "BATAS_PIKSEL", 480 * 320 - 1)  # the map is 480 x 320 = 153600 pixels
    galat = _galat(tes_salinan)
    assert len(galat) == 1, galat
    assert ("gambar/gambar.yaml, baris 3, kunci 'peta-wilayah.berkas': berkas gambar/peta-wilayah.png: gambar "
            "terlalu besar; ditemukan 480 x 320 piksel") in galat[0]
    monkeypatch.setattr(gambar, "BATAS_BITA_GAMBAR", 1000)  # the logo is 4763 bytes
    galat = _galat(tes_salinan)
    assert any("kunci 'logo': berkas gambar/logo-kota.png: gambar terlalu besar; ditemukan 0,0 MB" in g
               for g in galat), galat


@pytest.mark.parametrize("isi, pesan", [
    (b"bukan pdf", "isinya bukan PDF; ditemukan bita awal 62 75 6b 61 6e"),
    (b"%PDF-1.4\nrusak\n", "PDF tidak dapat dibaca pdfinfo"),
])
def test_pk_pindaian_rusak(tes_salinan, isi, pesan):
    (sumberrejo(tes_salinan) / "lampiran" / "perjanjian-kinerja.pdf").write_bytes(isi)
    galat = _galat(tes_salinan)
    assert len(galat) == 1, galat
    assert "laporan.yaml, baris 12, kunci 'perjanjian_kinerja.pindaian': berkas lampiran/perjanjian-kinerja.pdf: " \
           + pesan in galat[0], galat


def test_pk_pindaian_terlalu_banyak_halaman(tes_salinan, monkeypatch):
    monkeypatch.setattr(gambar, "BATAS_HALAMAN_PDF", 1)
    galat = _galat(tes_salinan)
    assert len(galat) == 1 and "jumlah halaman tidak masuk akal; ditemukan 2 halaman; diharapkan 1 sampai 1" in galat[0]


def test_daftar_gambar_kunci(tes_salinan):
    daftar = sumberrejo(tes_salinan) / "gambar" / "gambar.yaml"
    ganti(daftar, "  alt: Peta", "  keterangan: Peta")
    galat = _galat(tes_salinan)
    assert any("gambar.yaml, baris 2, kunci 'peta-wilayah.alt': kunci wajib tidak ada" in g for g in galat), galat
    assert any("kunci 'peta-wilayah.keterangan': kunci tidak dikenal" in g for g in galat), galat


# --- the marker in the prose ----------------------------------------------------------------

def test_penanda_gambar():
    teks = "Awal.\n<!-- gambar: peta -->\n  <!-- gambar: peta -->\nTeks <!-- gambar: x --> lagi.\n<!-- bagian -->"
    assert prosa.penanda_gambar(teks) == [prosa.PenandaGambar(1, "peta", True), prosa.PenandaGambar(2, "peta", False),
                                          prosa.PenandaGambar(3, "x", False)]
    assert prosa.ganti_gambar("A\n<!-- gambar: peta -->\nB", lambda n: f":::{{figure}} {n}\n:::\n") == \
        "A\n\n:::{figure} peta\n:::\n\nB"
    # a part marker is not an image marker, and an image marker splits no parts
    assert prosa.bagian(teks).keys() == {"awal", "bagian"}


def _narasi(akar):
    return sumberrejo(akar) / "narasi" / "bab1_geografi.md"


def test_penanda_nama_tidak_dikenal(tes_salinan):
    ganti(_narasi(tes_salinan), "<!-- gambar: peta-wilayah -->", "<!-- gambar: peta-wilyah -->")
    with pytest.raises(DataTidakValid) as e:
        siapkan(tes_salinan, "sumberrejo", 2024)
    galat = [str(t) for t in e.value.temuan.galat_saja]
    assert len(galat) == 1 and any(
        "bab1_geografi.md, baris 3, kolom 1: penanda gambar tidak menunjuk gambar mana pun; ditemukan "
        "'<!-- gambar: peta-wilyah -->'; diharapkan nama gambar di" in g and "mungkin maksudnya: peta-wilayah" in g
        for g in galat), galat
    # the declared image now placed nowhere: a warning at its line in gambar.yaml
    peringatan = [str(t) for t in e.value.temuan.berjenis(Jenis.TIDAK_TERTAUT)]
    assert any("gambar.yaml, baris 2, kunci 'peta-wilayah': gambar tidak ditempatkan narasi mana pun" in p
               for p in peringatan), peringatan


def test_penanda_tidak_sendiri_dan_ganda(tes_salinan):
    ganti(_narasi(tes_salinan), "<!-- gambar: peta-wilayah -->", "<!-- gambar: peta-wilayah -->\n\n"
          "Lihat <!-- gambar: peta-wilayah --> di atas.\n\n<!-- gambar: peta-wilayah -->")
    with pytest.raises(DataTidakValid) as e:
        siapkan(tes_salinan, "sumberrejo", 2024)
    galat = [str(t) for t in e.value.temuan.galat_saja]
    assert len(galat) == 2, galat
    assert "bab1_geografi.md, baris 5, kolom 1: penanda gambar tidak sah; ditemukan 'Lihat <!-- gambar: " in galat[0]
    assert ("bab1_geografi.md, baris 7, kolom 1: gambar ditempatkan dua kali; ditemukan '<!-- gambar: peta-wilayah "
            "-->'; diharapkan setiap gambar sekali saja (sudah di") in galat[1] and "baris 3)" in galat[1]


def test_gambar_tidak_dipakai_peringatan(tes_salinan):
    ganti(_narasi(tes_salinan), "<!-- gambar: peta-wilayah -->\n", "")
    lap = siapkan(tes_salinan, "sumberrejo", 2024)
    pesan = [str(t) for t in lap.temuan.berjenis(Jenis.TIDAK_TERTAUT)]
    assert any("gambar/gambar.yaml, baris 2, kunci 'peta-wilayah': gambar tidak ditempatkan narasi mana pun" in p
               for p in pesan), pesan


# --- new-year -------------------------------------------------------------------------------

def test_tahun_baru_membawa_logo_dan_gambar_bukan_pk(tes_salinan):
    lama = sumberrejo(tes_salinan)
    hasil = buat_tahun(tes_salinan, "sumberrejo", 2025)
    baru = hasil.folder
    for nama in ("gambar/logo-kota.png", "gambar/peta-wilayah.png", "gambar/gambar.yaml"):
        assert (baru / nama).read_bytes() == (lama / nama).read_bytes(), nama
    assert not (baru / "lampiran").exists()
    laporan = yaml.safe_load((baru / "laporan.yaml").read_text(encoding="utf-8"))
    assert "pindaian" not in laporan["perjanjian_kinerja"]
    assert any("perjanjian_kinerja.pindaian" in b for b in hasil.isian)
    data, temuan = muat(tes_salinan, "sumberrejo", 2025, draf=True)
    assert data is not None, [str(t) for t in temuan.galat_saja]
    assert data.logo is not None and set(data.gambar) == {"peta-wilayah"} and data.pk_pindaian is None


def test_tahun_baru_logo_di_luar_gambar(tes_salinan):
    lama = sumberrejo(tes_salinan)
    (lama / "logo.jpg").write_bytes((lama / "gambar" / "logo-kota.png").read_bytes())  # a PNG named .jpg: by content
    ganti(lama / "unit.yaml", "logo: gambar/logo-kota.png", "logo: logo.jpg")
    data, _ = muat(tes_salinan, "sumberrejo", 2024)
    assert data.logo.format == "png"
    baru = buat_tahun(tes_salinan, "sumberrejo", 2025).folder
    assert (baru / "logo.jpg").read_bytes() == (lama / "logo.jpg").read_bytes()
