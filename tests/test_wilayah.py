"""Issue 10, point 1 on a scratch copy of Sumberrejo 2024: a unit without territory (no wilayah.csv,
no penduduk.csv, no geografi) loads and its BAB I has no geography section; a unit of desa says
"Desa" wherever the report names its parts; the two files come together or not at all."""

from __future__ import annotations

import re
import shutil

import pytest
from bantu import DATA_TES, ganti, isi_bab

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.laporan import tabel
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.masukan.muat import muat
from lkjip_calc.terbit.ekspor import ekspor


@pytest.fixture
def akar(tmp_path):
    tujuan = tmp_path / "data"
    shutil.copytree(DATA_TES, tujuan)
    return tujuan


def folder(akar):
    return akar / "sumberrejo" / "2024"


def tanpa_wilayah(akar):
    """Sumberrejo as a unit without territory: no area/population files, no geography in unit.yaml,
    no stated area, no geography prose."""
    f = folder(akar)
    for nama in ("wilayah.csv", "penduduk.csv", "narasi/bab1_geografi.md"):
        (f / nama).unlink()
    unit = (f / "unit.yaml").read_text(encoding="utf-8")
    unit = re.sub(r"^ibukota:.*\n", "", unit, flags=re.M)
    unit = re.sub(r"^geografi:\n(?:[ #].*\n|\n)*", "", unit, flags=re.M)
    (f / "unit.yaml").write_text(unit, encoding="utf-8")
    lap = (f / "laporan.yaml").read_text(encoding="utf-8")
    (f / "laporan.yaml").write_text(lap[:lap.index("dinyatakan:\n")], encoding="utf-8")  # only the area was stated


def test_unit_tanpa_wilayah_dimuat_tanpa_bagian_geografi(akar, tmp_path):
    tanpa_wilayah(akar)
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is not None, [str(t) for t in temuan.daftar]
    assert not temuan.ada_galat
    assert data.bagian_wilayah is None and not data.berwilayah
    assert data.unit.geografi is None and data.unit.ibukota is None
    lap = siapkan(akar, "sumberrejo", 2024)
    assert lap.hasil.jumlah["kelurahan"] == 0
    assert lap.nilai["wilayah.luas"].mentah is None  # no area, rather than 0 km²
    assert lap.nilai["penduduk.jumlah"].mentah is None
    teks = isi_bab("bab1", {"unit": "sumberrejo", "tahun": 2024, "data": str(akar), "draf": False}, tmp_path)
    for tidak in ("Kondisi dan Potensi Geografis", "Luas Wilayah", "Penduduk", "{figure}"):
        assert tidak not in teks, tidak
    assert "### Tugas dan Fungsi Organisasi" not in teks  # the chapter's own headings stay in the chapter
    sampul = isi_bab("sampul", {"unit": "sumberrejo", "tahun": 2024, "data": str(akar), "draf": False}, tmp_path)
    assert "wilayah.csv" not in sampul and "kinerja.csv" in sampul
    ditulis = ekspor(lap.hasil, tmp_path / "unduhan")
    assert sorted(p.name for p in ditulis) == ["anggaran.csv", "kinerja.csv", "sasaran.csv"]


def test_narasi_geografi_unit_tanpa_wilayah_diperingatkan(akar):
    tanpa_wilayah(akar)
    (folder(akar) / "narasi" / "bab1_geografi.md").write_text("Letak kantor dinas.\n", encoding="utf-8")
    lap = siapkan(akar, "sumberrejo", 2024)
    pesan = [str(t) for t in lap.temuan.berjenis(Jenis.TIDAK_TERTAUT)]
    assert any("bab1_geografi.md" in p and "unit tanpa wilayah" in p for p in pesan), pesan


def test_luas_dinyatakan_tanpa_wilayah_diperingatkan(akar):
    tanpa_wilayah(akar)
    with (folder(akar) / "laporan.yaml").open("a", encoding="utf-8") as f:
        f.write("dinyatakan:\n  luas_km2: 11.62\n")
    lap = siapkan(akar, "sumberrejo", 2024)
    pesan = [str(t) for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER)]
    assert any("dinyatakan.luas_km2" in p and "unit tanpa wilayah" in p for p in pesan), pesan


@pytest.mark.parametrize("hapus", ["wilayah.csv", "penduduk.csv"])
def test_wilayah_dan_penduduk_berpasangan(akar, hapus):
    (folder(akar) / hapus).unlink()
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    lain = "penduduk.csv" if hapus == "wilayah.csv" else "wilayah.csv"
    galat = [str(t) for t in temuan.berjenis(Jenis.BERKAS_HILANG)]
    assert any(f"{hapus}: berkas tidak ada padahal {lain} ada" in p for p in galat), galat


def test_bagian_wilayah_tanpa_berkas_wilayah_ditolak(akar):
    tanpa_wilayah(akar)
    ganti(folder(akar) / "unit.yaml", "jenis: Kecamatan\n", "jenis: Kecamatan\nbagian_wilayah: desa\n")
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    assert any("unit.yaml" in str(t) and "bagian_wilayah" in str(t) for t in temuan.daftar)


def jadi_desa(akar):
    for nama in ("wilayah.csv", "penduduk.csv"):
        ganti(folder(akar) / nama, "kelurahan,", "desa,")


def test_unit_desa(akar, tmp_path):
    jadi_desa(akar)
    lap = siapkan(akar, "sumberrejo", 2024)
    assert not lap.temuan.ada_galat
    assert lap.hasil.data.bagian_wilayah == "desa"
    luas = tabel.luas_wilayah(lap)
    assert luas.kepala[:2] == ["No", "Desa"] and luas.kepala[3] == "Persentase terhadap Luas Kecamatan (%)"
    assert luas.baris[0][1] == "Sumberrejo" and luas.baris[-1][2] == "11,62"
    # 1,84 + 2,15 + 1,32 + 0,97 + 1,68 + 2,41 + 1,25 = 11,62
    assert tabel.penduduk(lap).kepala[1] == "Desa"
    teks = isi_bab("bab1", {"unit": "sumberrejo", "tahun": 2024, "data": str(akar), "draf": False}, tmp_path)
    assert "Luas Wilayah per Desa di Kecamatan Sumberrejo" in teks
    assert "Jumlah Penduduk per Desa menurut Jenis Kelamin" in teks
    assert "Kelurahan" not in teks.replace("Kelurahan Sumberrejo", "")  # the ibukota's own name may say it
    ditulis = {p.name: p for p in ekspor(lap.hasil, tmp_path / "unduhan")}
    assert ditulis["wilayah.csv"].read_text(encoding="utf-8").startswith("desa,luas_km2,")


def test_judul_desa_bertentangan_dengan_unit_yaml(akar):
    ganti(folder(akar) / "unit.yaml", "jenis: Kecamatan\n", "jenis: Kecamatan\nbagian_wilayah: desa\n")
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    galat = [str(t) for t in temuan.berjenis(Jenis.KOLOM)]
    assert any("wilayah.csv, baris 1, kolom 'kelurahan': judul kolom tidak sesuai bagian_wilayah di unit.yaml" in p
               and "'desa'" in p for p in galat), galat


def test_galat_kolom_desa_menyebut_desa(akar):
    jadi_desa(akar)
    ganti(folder(akar) / "penduduk.csv", "Karangsari,", "Karangsarii,")
    data, temuan = muat(akar, "sumberrejo", 2024)
    galat = [str(t) for t in temuan.daftar]
    assert any("penduduk.csv, baris 5, kolom 'desa': desa tidak ada di wilayah.csv" in p for p in galat), galat


def test_tabel_hanya_judul_ditolak_dengan_nama_berkas(akar):
    path = folder(akar) / "anggaran.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    galat = [str(t) for t in temuan.berjenis(Jenis.BELUM_DIISI)]
    assert any("anggaran.csv, baris 2" in p and "tabel belum berisi baris data" in p for p in galat), galat
