"""Issue 10, point 1 on a scratch copy of Sumberrejo 2024: a unit without territory (no wilayah.csv,
no penduduk.csv, no geografi) loads and its BAB I has no geography section; a unit of desa says
"Desa" wherever the report names its parts; the two files come together or not at all."""

from __future__ import annotations

import re

import pytest
from bantu import ganti, isi_bab, lkjip, sumberrejo, teks_html
from openpyxl import load_workbook
from pydantic import ValidationError

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.laporan import tabel
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.masukan import model
from lkjip_calc.masukan.muat import muat
from lkjip_calc.terbit.ekspor import ekspor


def tanpa_wilayah(tes_salinan):
    """Sumberrejo as a unit without territory: no area/population files, no geography in unit.yaml,
    no stated area, no geography prose."""
    f = sumberrejo(tes_salinan)
    for nama in ("wilayah.csv", "penduduk.csv", "narasi/bab1_geografi.md"):
        (f / nama).unlink()
    unit = (f / "unit.yaml").read_text(encoding="utf-8")
    unit = re.sub(r"^ibukota:.*\n", "", unit, flags=re.M)
    unit = re.sub(r"^geografi:\n(?:[ #].*\n|\n)*", "", unit, flags=re.M)
    (f / "unit.yaml").write_text(unit, encoding="utf-8")
    lap = (f / "laporan.yaml").read_text(encoding="utf-8")
    (f / "laporan.yaml").write_text(lap[:lap.index("dinyatakan:\n")], encoding="utf-8")  # only the area was stated


def test_unit_tanpa_wilayah_dimuat_tanpa_bagian_geografi(tes_salinan, tmp_path):
    tanpa_wilayah(tes_salinan)
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is not None, [str(t) for t in temuan.daftar]
    assert not temuan.ada_galat
    assert data.bagian_wilayah is None and not data.berwilayah
    assert data.unit.geografi is None and data.unit.ibukota is None
    lap = siapkan(tes_salinan, "sumberrejo", 2024)
    assert lap.hasil.jumlah["kelurahan"] == 0
    assert lap.nilai["wilayah.luas"].mentah is None  # no area, rather than 0 km²
    assert lap.nilai["penduduk.jumlah"].mentah is None
    teks = isi_bab("bab1", {"unit": "sumberrejo", "tahun": 2024, "data": str(tes_salinan), "draf": False}, tmp_path)
    for tidak in ("Kondisi dan Potensi Geografis", "Luas Wilayah", "Penduduk", "gambar/penduduk-kelurahan.png"):
        assert tidak not in teks, tidak
    assert teks.count("{figure}") == 1 and "gambar/struktur-organisasi.png" in teks  # only the organisation chart
    assert "## Gambaran Umum Organisasi\n\n### Tugas dan Fungsi Organisasi" in teks  # the next section follows
    sampul = isi_bab("sampul", {"unit": "sumberrejo", "tahun": 2024, "data": str(tes_salinan), "draf": False}, tmp_path)
    assert "wilayah.csv" not in sampul and "kinerja.csv" in sampul
    ditulis = ekspor(lap.hasil, tmp_path / "unduhan")
    assert sorted(p.name for p in ditulis) == ["anggaran.csv", "kinerja.csv", "sasaran.csv"]


def test_narasi_geografi_unit_tanpa_wilayah_diperingatkan(tes_salinan):
    tanpa_wilayah(tes_salinan)
    (sumberrejo(tes_salinan) / "narasi" / "bab1_geografi.md").write_text("Letak kantor dinas.\n", encoding="utf-8")
    lap = siapkan(tes_salinan, "sumberrejo", 2024)
    pesan = [str(t) for t in lap.temuan.berjenis(Jenis.TIDAK_TERTAUT)]
    assert any("bab1_geografi.md" in p and "unit tanpa wilayah" in p for p in pesan), pesan


def test_luas_dinyatakan_tanpa_wilayah_diperingatkan(tes_salinan):
    tanpa_wilayah(tes_salinan)
    with (sumberrejo(tes_salinan) / "laporan.yaml").open("a", encoding="utf-8") as f:
        f.write("dinyatakan:\n  luas_km2: 11.62\n")
    lap = siapkan(tes_salinan, "sumberrejo", 2024)
    pesan = [str(t) for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER)]
    assert any("dinyatakan.luas_km2" in p and "unit tanpa wilayah" in p for p in pesan), pesan


@pytest.mark.parametrize("hapus", ["wilayah.csv", "penduduk.csv"])
def test_wilayah_dan_penduduk_berpasangan(tes_salinan, hapus):
    (sumberrejo(tes_salinan) / hapus).unlink()
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is None
    lain = "penduduk.csv" if hapus == "wilayah.csv" else "wilayah.csv"
    galat = [str(t) for t in temuan.berjenis(Jenis.BERKAS_HILANG)]
    assert any(f"{hapus}: berkas tidak ada padahal {lain} ada" in p for p in galat), galat


def test_bagian_wilayah_tanpa_berkas_wilayah_ditolak(tes_salinan):
    tanpa_wilayah(tes_salinan)
    ganti(sumberrejo(tes_salinan) / "unit.yaml", "jenis: Kecamatan\n", "jenis: Kecamatan\nbagian_wilayah: desa\n")
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is None
    assert any("unit.yaml" in str(t) and "bagian_wilayah" in str(t) for t in temuan.daftar)


def jadi_desa(tes_salinan):
    for nama in ("wilayah.csv", "penduduk.csv"):
        ganti(sumberrejo(tes_salinan) / nama, "kelurahan,", "desa,")
    ganti(sumberrejo(tes_salinan) / "organisasi.yaml", "tingkat: kelurahan\n", "tingkat: desa\n")


def test_unit_desa(tes_salinan, tmp_path):
    jadi_desa(tes_salinan)
    lap = siapkan(tes_salinan, "sumberrejo", 2024)
    assert not lap.temuan.ada_galat
    assert lap.hasil.data.bagian_wilayah == "desa"
    luas = tabel.luas_wilayah(lap)
    assert luas.kepala[:2] == ["No", "Desa"] and luas.kepala[3] == "Persentase terhadap Luas Kecamatan (%)"
    assert luas.baris[0][1] == "Sumberrejo" and luas.baris[-1][2] == "11,62"
    # 1,84 + 2,15 + 1,32 + 0,97 + 1,68 + 2,41 + 1,25 = 11,62
    assert tabel.penduduk(lap).kepala[1] == "Desa"
    teks = isi_bab("bab1", {"unit": "sumberrejo", "tahun": 2024, "data": str(tes_salinan), "draf": False}, tmp_path)
    assert "Luas Wilayah per Desa di Kecamatan Sumberrejo" in teks
    # the one post of a desa in organisasi.yaml (the data said tingkat: kelurahan until jadi_desa)
    assert teks.count(r"**Lurah** \(desa\)") == 1 and "kelurahan\\)" not in teks
    assert "Jumlah Penduduk per Desa menurut Jenis Kelamin" in teks
    assert "Kelurahan" not in teks.replace("Kelurahan Sumberrejo", "")  # the ibukota's own name may say it
    ditulis = {p.name: p for p in ekspor(lap.hasil, tmp_path / "unduhan")}
    assert ditulis["wilayah.csv"].read_text(encoding="utf-8").startswith("desa,luas_km2,")


def test_judul_desa_bertentangan_dengan_unit_yaml(tes_salinan):
    ganti(sumberrejo(tes_salinan) / "unit.yaml", "jenis: Kecamatan\n", "jenis: Kecamatan\nbagian_wilayah: desa\n")
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is None
    galat = [str(t) for t in temuan.berjenis(Jenis.KOLOM)]
    assert any("wilayah.csv, baris 1, kolom 'kelurahan': judul kolom tidak sesuai bagian_wilayah di unit.yaml" in p
               and "'desa'" in p for p in galat), galat


def test_galat_kolom_desa_menyebut_desa(tes_salinan):
    jadi_desa(tes_salinan)
    ganti(sumberrejo(tes_salinan) / "penduduk.csv", "Karangsari,", "Karangsarii,")
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    galat = [str(t) for t in temuan.daftar]
    assert any("penduduk.csv, baris 5, kolom 'desa': desa tidak ada di wilayah.csv" in p for p in galat), galat


def test_tabel_hanya_judul_ditolak_dengan_nama_berkas(tes_salinan):
    path = sumberrejo(tes_salinan) / "anggaran.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    data, temuan = muat(tes_salinan, "sumberrejo", 2024)
    assert data is None
    galat = [str(t) for t in temuan.berjenis(Jenis.BELUM_DIISI)]
    assert any("anggaran.csv, baris 2" in p and "tabel belum berisi baris data" in p for p in galat), galat


def test_model_unit_tanpa_geografi_dan_ibukota():
    isi = {"kode": "dinas_x", "jenis": "Dinas", "nama": "Dinas X", "nama_singkat": "X", "pemerintah": "Pemerintah Kota Y",
           "daerah": "Kota Y", "kota": "Y", "permasalahan": [],
           "kepala": {"jabatan": "Kepala Dinas X", "nama": "A"}, "atasan": {"jabatan": "Wali Kota Y", "nama": "B"}}
    unit = model.Unit.model_validate(isi)
    assert unit.geografi is None and unit.ibukota is None and unit.bagian_wilayah is None
    assert model.Unit.model_validate(isi | {"bagian_wilayah": "desa"}).bagian_wilayah == "desa"
    with pytest.raises(ValidationError):
        model.Unit.model_validate(isi | {"bagian_wilayah": "dusun"})


def hanya_judul(path):
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


@pytest.mark.parametrize("kosong", [("anggaran.csv",), ("wilayah.csv", "penduduk.csv")])
def test_tabel_hanya_judul_yang_digambar_laporan_galat_juga_di_draf(tes_salinan, kosong):
    # A draft accepts a table still to fill, but these the report draws (the budget chart of
    # BAB III, area and population of BAB I): header-only stops at check, naming the file, never a
    # chart of nothing (matplotlib: "Axis limits cannot be NaN or Inf") inside a chapter.
    for nama in kosong:
        hanya_judul(sumberrejo(tes_salinan) / nama)
    data, temuan = muat(tes_salinan, "sumberrejo", 2024, draf=True)
    assert data is None
    galat = [str(t) for t in temuan.galat_saja if t.jenis == Jenis.BELUM_DIISI]
    for nama in kosong:
        assert any(f"{nama}, baris 2: tabel belum berisi baris data" in p and "juga dalam draf" in p for p in galat), galat


def test_renstra_target_hanya_judul_tetap_belum_diisi_di_draf(tes_salinan):
    # what new-year leaves when a Renstra period has ended: still a figure to fill in, in a draft
    hanya_judul(sumberrejo(tes_salinan) / "renstra_target.csv")
    data, temuan = muat(tes_salinan, "sumberrejo", 2024, draf=True)
    assert data is not None, [str(t) for t in temuan.galat_saja]
    assert any("renstra_target.csv, baris 2: tabel belum berisi baris data" in str(t)
               for t in temuan.berjenis(Jenis.BELUM_DIISI))


def test_buku_kerja_unit_desa_menjaga_judul_desa(tes_salinan, jalankan, tmp_path):
    jadi_desa(tes_salinan)
    xlsx = tmp_path / "desa.xlsx"
    argumen = ("--data", str(tes_salinan), "--unit", "sumberrejo", "--year", "2024")
    assert jalankan("template", *argumen, "--out", str(xlsx)).kode == 0
    wb = load_workbook(xlsx)
    assert [c.value for c in wb["wilayah"][1]] == ["desa", "luas_km2"]
    assert [c.value for c in wb["penduduk"][1]] == ["desa", "laki_laki", "perempuan"]
    assert wb["Daftar"]["I1"].value == "desa"
    wb["penduduk"]["B2"] = 6419  # one figure edited: penduduk.csv is written again, wilayah.csv is not
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), *argumen)
    assert keluar.kode == 0, keluar.err
    assert (sumberrejo(tes_salinan) / "penduduk.csv").read_text(encoding="utf-8").startswith("desa,laki_laki,perempuan\n"
                                                                                  "Sumberrejo,6419,6552\n")
    assert jalankan("check", *argumen).kode == 0


@pytest.mark.buku
def test_build_unit_tanpa_wilayah(tes_salinan, tmp_path):
    """One HTML build of Sumberrejo without territory: BAB I without geography, tables and figures
    numbered from their chapter's first (no gap where the area and population tables were)."""
    tanpa_wilayah(tes_salinan)
    keluaran = tmp_path / "build"
    proses = lkjip("build", "--html-only", "--strict", "--data", str(tes_salinan), "--unit", "sumberrejo", "--year", "2024",
                   "--out", str(keluaran))
    assert proses.returncode == 0, proses.stdout + proses.stderr
    html = keluaran / "sumberrejo" / "2024" / "html"
    bab = {b: teks_html(html / "chapters" / f"{b}.html") for b in ("sampul", "bab1", "bab2", "bab3")}
    for tidak in ("Kondisi dan Potensi Geografis", "Luas Wilayah", "Jumlah Penduduk", "Tabel 1.", "Gambar 1.2"):
        assert tidak not in bab["bab1"], tidak
    assert "Gambar 1.1 Struktur Organisasi" in bab["bab1"]  # the organisation chart, now BAB I's first figure
    assert "1.1.1. Tugas dan Fungsi Organisasi" in bab["bab1"]  # the first section now the geography is gone
    assert "Tabel 2.1 Sasaran Strategis dan Indikator Kinerja Strategis" in bab["bab2"]
    assert "Gambar 3.1 " in bab["bab3"]
    assert "Wilayah dan penduduk" not in bab["sampul"] and "Kinerja per IKU (CSV)" in bab["sampul"]
    assert [p.name for p in html.rglob("*.csv")] and not list(html.rglob("wilayah.csv"))  # downloads: no wilayah
