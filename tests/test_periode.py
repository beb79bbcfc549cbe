"""Realisasi per period (issue 10, point 5): realisasi_periode.csv and anggaran_periode.csv make the
year's realisasi of an IKU (by its renstra.yaml gabung_periode) and of a budget line (their sum);
BAB III shows them per period. Every expected figure is worked out by hand below."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from bantu import DATA, DATA_TES, LKJIP, ganti, isi_bab, teks_html

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.hitung import rumus
from lkjip_calc.laporan import tabel
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.masukan.muat import muat
from lkjip_calc.tahunan.tahun_baru import buat_tahun
from lkjip_calc.terbit.ekspor import tabel_periode

TW = "iku,periode,realisasi\nikm,TW1,20\nikm,TW2,25\nikm,TW3,30\nikm,TW4,25\n"
BARIS_IKM = "ikm,2024,84.12,"  # the report year's row of ikm in realisasi_iku.csv
PAGU = Decimal(11123170400)  # Sumberrejo 2024's pagu, as BAB III prints it
REALISASI = 10923852092      # and its realisasi
BARIS_PERTAMA = ("penunjang", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                 "Penyusunan Dokumen Perencanaan Perangkat Daerah")  # pagu 12.500.000, realisasi 12.350.000


@pytest.fixture
def akar(tmp_path) -> Path:
    """A copy of Sumberrejo 2024 (and the scales) to add periods to."""
    akar = tmp_path / "data"
    shutil.copytree(DATA_TES / "sumberrejo", akar / "sumberrejo")
    shutil.copytree(DATA / "skala", akar / "skala")
    return akar


def _tahun(akar: Path) -> Path:
    return akar / "sumberrejo" / "2024"


def _gabung(akar: Path, kode_rumus: str, cara: str) -> None:
    """Give the IKU whose `rumus:` line is `kode_rumus` the key gabung_periode."""
    ganti(_tahun(akar) / "renstra.yaml", f"    rumus: {kode_rumus}\n",
          f"    rumus: {kode_rumus}\n    gabung_periode: {cara}\n")


RUMUS_IKM = "Nilai Survei Kepuasan Masyarakat atas layanan administrasi terpadu kecamatan"
RUMUS_KONFLIK = "Σ kejadian konflik sosial yang tercatat dalam laporan kewaspadaan dini kecamatan"


def _ikm(akar: Path, cara: str, periode: str = TW, realisasi: str = "") -> None:
    """ikm by quarters, its year's cell in realisasi_iku.csv as `realisasi` (empty: from the periods)."""
    (_tahun(akar) / "realisasi_periode.csv").write_text(periode, encoding="utf-8")
    _gabung(akar, RUMUS_IKM, cara)
    ganti(_tahun(akar) / "realisasi_iku.csv", BARIS_IKM, f"ikm,2024,{realisasi},")


def _galat(temuan):
    return [str(t) for t in temuan.galat_saja]


# --- the year's realisasi from the periods --------------------------------------------------

@pytest.mark.parametrize("cara, tahunan, sd", [
    ("jumlah", Decimal(100), [20, 45, 75, 100]),            # 20+25+30+25; running sums
    ("terakhir", Decimal(25), [20, 25, 30, 25]),            # TW4's value; each period its own
    ("rata-rata", Decimal(25), [20, Decimal("22.5"), 25, 25]),  # 100/4; 45/2, 75/3, 100/4
])
def test_realisasi_tahunan_dari_periode(akar, cara, tahunan, sd):
    _ikm(akar, cara)
    k = siapkan(akar, "sumberrejo", 2024).hasil.iku("ikm")
    assert k.realisasi == tahunan
    assert k.capaian == tahunan / 83 * 100  # target 83, positive polarity: unrounded
    assert k.predikat is not None
    assert [p.periode for p in k.periode] == ["TW1", "TW2", "TW3", "TW4"]
    assert [p.realisasi for p in k.periode] == [20, 25, 30, 25]
    assert [p.sd_periode for p in k.periode] == sd
    assert [p.capaian_sd for p in k.periode] == [Decimal(v) / 83 * 100 for v in sd]
    assert k.realisasi_per_tahun[2024] == tahunan  # the Renstra chart's point of this year


def test_tanpa_periode_tidak_berubah(akar):
    k = siapkan(akar, "sumberrejo", 2024).hasil.iku("ikm")
    assert (k.realisasi, k.periode, k.gabung_periode) == (Decimal("84.12"), (), None)


def test_gabung_periode():
    assert rumus.gabung_periode([20, 25, 30, 25], "jumlah") == 100
    assert rumus.gabung_periode([20, 25, 30, 25], "terakhir") == 25
    assert rumus.gabung_periode([20, 25, 30, 25], "rata-rata") == 25
    assert rumus.gabung_periode([1, 2, 2], "rata-rata") == Decimal(5) / 3  # unrounded
    assert rumus.gabung_periode([20, None, 30, 25], "jumlah") is None
    assert rumus.gabung_periode([], "jumlah") is None


def test_realisasi_tertulis_berbeda_diperingatkan(akar):
    _ikm(akar, "jumlah", realisasi="84.12")
    lap = siapkan(akar, "sumberrejo", 2024)
    assert lap.hasil.iku("ikm").realisasi == 100  # the report uses the periods
    beda = [str(t) for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER) if "realisasi_periode.csv" in t.pesan]
    assert len(beda) == 1
    assert "realisasi_iku.csv, baris 3, kolom 'realisasi'" in beda[0]
    assert "ditemukan 84,12" in beda[0] and "diharapkan 100 (jumlah realisasi seluruh periode)" in beda[0]


def test_realisasi_tertulis_sama_sampai_pembulatannya(akar):
    # mean of 1, 2, 2 = 1,6666...: typed 1.67 is that figure rounded to its own two decimals
    _ikm(akar, "rata-rata", "iku,periode,realisasi\nikm,TW1,1\nikm,TW2,2\nikm,TW3,2\nikm,TW4,1.6666666667\n",
         realisasi="1.67")
    lap = siapkan(akar, "sumberrejo", 2024)
    assert not [t for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER) if "realisasi_periode.csv" in t.pesan]
    assert lap.hasil.iku("ikm").realisasi == (Decimal(5) + Decimal("1.6666666667")) / 4


def test_bulan(akar):
    bulan = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    _ikm(akar, "terakhir", "iku,periode,realisasi\n" + "".join(f"ikm,{b},{80 + i}\n" for i, b in enumerate(bulan)))
    lap = siapkan(akar, "sumberrejo", 2024)
    k = lap.hasil.iku("ikm")
    assert k.realisasi == 91  # December: 80 + 11
    isi = tabel.periode(lap, k)
    assert [b[0] for b in isi.baris] == ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                         "September", "Oktober", "November", "Desember"]
    assert lap.nilai["iku.ikm.periode_terakhir"].teks(lap.tampilan) == "Desember"
    assert lap.nilai["iku.ikm.realisasi_mei"].teks(lap.tampilan) == "84"


# --- what check says ------------------------------------------------------------------------

def test_periode_kurang_belum_diisi(akar):
    _ikm(akar, "jumlah", TW.replace("ikm,TW4,25\n", ""))
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is None
    belum = [t for t in temuan.galat_saja if t.jenis == Jenis.BELUM_DIISI]
    assert len(belum) == 1
    assert str(belum[0]).endswith("realisasi_periode.csv, baris 4, kolom 'periode': nilai belum diisi: realisasi per "
                                  "periode IKU 'ikm' belum lengkap; ditemukan TW1, TW2, TW3; diharapkan juga TW4")
    # a draft goes on: the year is not known yet (no typed figure either)
    data, temuan = muat(akar, "sumberrejo", 2024, draf=True)
    assert data is not None and not temuan.ada_galat
    lap = siapkan(akar, "sumberrejo", 2024, draf=True)
    k = lap.hasil.iku("ikm")
    assert k.realisasi is None and k.capaian is None
    assert [p.sd_periode for p in k.periode] == [20, 45, 75, None]
    assert tabel.periode(lap, k).baris[3][1:3] == ["[belum diisi]", "[belum diisi]"]


def test_periode_tidak_sah(akar):
    _ikm(akar, "jumlah", TW.replace("ikm,TW3,30", "ikm,TW5,30"))
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("realisasi_periode.csv, baris 4, kolom 'periode': nilai tidak sesuai jenis kolom; ditemukan 'TW5'; "
               "diharapkan triwulan TW1, TW2, TW3, TW4 atau bulan Jan, Feb, Mar" in g for g in _galat(temuan))


def test_triwulan_dan_bulan_dicampur(akar):
    _ikm(akar, "jumlah", TW.replace("ikm,TW2,25", "ikm,feb,25"))
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any(g.endswith("realisasi_periode.csv, baris 3, kolom 'periode': IKU 'ikm' mencampur triwulan dan bulan; "
                          "ditemukan 'Feb'; diharapkan triwulan (TW1-TW4) seperti baris 2; satu jenis periode saja")
               for g in _galat(temuan))


def test_gabung_periode_wajib(akar):
    (_tahun(akar) / "realisasi_periode.csv").write_text(TW, encoding="utf-8")
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("renstra.yaml, baris 26, kunci 'iku[0].gabung_periode': IKU 'ikm' punya realisasi per periode" in g
               and "diharapkan gabung_periode: jumlah, terakhir, rata-rata" in g for g in _galat(temuan))


def test_iku_tidak_ada(akar):
    _ikm(akar, "jumlah", TW + "ikm_lain,TW1,3\n")
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("realisasi_periode.csv, baris 6, kolom 'iku': IKU tidak ada; ditemukan 'ikm_lain'" in g
               for g in _galat(temuan))


def test_realisasi_kosong_tanpa_periode_tetap_galat(akar):
    # the empty cell is allowed for an IKU with periods only
    ganti(_tahun(akar) / "realisasi_iku.csv", BARIS_IKM, "ikm,2024,,")
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("realisasi_iku.csv, baris 3, kolom 'realisasi': nilai belum diisi" in g for g in _galat(temuan))


def test_berkas_tidak_ada_sama_dengan_tanpa_periode(akar):
    (_tahun(akar) / "realisasi_periode.csv").write_text("iku,periode,realisasi\n", encoding="utf-8")
    data, temuan = muat(akar, "sumberrejo", 2024)
    assert data is not None and data.tabel["realisasi_periode.csv"] == [] and data.tabel["anggaran_periode.csv"] == []


# --- the budget ---------------------------------------------------------------------------------

def _anggaran(akar: Path, pertama=(1000000, 2000000, 3000000, 6350000), tanpa_tw4: bool = False) -> None:
    """anggaran_periode.csv: the first line in four parts, every other line all in TW4 (0 before)."""
    import csv
    baris = list(csv.DictReader((_tahun(akar) / "anggaran.csv").open(encoding="utf-8")))
    keluar = [["program", "kegiatan", "sub_kegiatan", "sub_unit", "periode", "realisasi"]]
    for i, b in enumerate(baris):
        nilai = pertama if i == 0 else (0, 0, 0, int(b["realisasi"]))
        for p, v in zip(("TW1", "TW2", "TW3", "TW4"), nilai, strict=True):
            if not (tanpa_tw4 and i == 0 and p == "TW4"):
                keluar.append([b["program"], b["kegiatan"], b["sub_kegiatan"], b["sub_unit"], p, v])
    with (_tahun(akar) / "anggaran_periode.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(keluar)


def test_anggaran_per_periode(akar):
    _anggaran(akar)
    # the first line's typed realisasi may go: the year is the sum of its periods
    ganti(_tahun(akar) / "anggaran.csv", "12500000,12350000", "12500000,")
    lap = siapkan(akar, "sumberrejo", 2024)
    h = lap.hasil
    assert h.realisasi_anggaran == REALISASI  # 1 + 2 + 3 + 6,35 million = 12.350.000, as typed before
    assert [p.realisasi for p in h.anggaran_periode] == [1000000, 2000000, 3000000, REALISASI - 6000000]
    assert [p.kumulatif for p in h.anggaran_periode] == [1000000, 3000000, 6000000, REALISASI]
    assert [p.serapan_kumulatif for p in h.anggaran_periode] == [
        Decimal(1000000) / PAGU * 100, Decimal(3000000) / PAGU * 100, Decimal(6000000) / PAGU * 100,
        Decimal(REALISASI) / PAGU * 100]
    sub = h.anggaran[h.anggaran["sub_kegiatan"] == BARIS_PERTAMA[2]].iloc[0]
    assert sub["realisasi"] == 12350000
    isi = tabel.anggaran_periode(lap)
    assert isi.baris[0] == ["Triwulan I", "1.000.000", "1.000.000", "0,01"]  # 0,00899...% rounds up to 0,01
    assert isi.baris[3] == ["Triwulan IV", "10.917.852.092", "10.923.852.092", "98,21"]
    assert lap.nilai["anggaran.serapan_sd_tw4"].teks(lap.tampilan) == "98,21"


def test_anggaran_tertulis_berbeda(akar):
    _anggaran(akar, pertama=(1000000, 2000000, 3000000, 6000000))  # 12.000.000, typed 12.350.000
    lap = siapkan(akar, "sumberrejo", 2024)
    assert lap.hasil.realisasi_anggaran == REALISASI - 350000
    beda = [str(t) for t in lap.temuan.berjenis(Jenis.BEDA_SUMBER) if "anggaran_periode.csv" in t.pesan]
    assert beda == ["PERINGATAN: " + str(_tahun(akar) / "anggaran.csv").replace(str(Path.cwd()) + "/", "")
                    + ", baris 2, kolom 'realisasi': realisasi tidak sama dengan jumlah realisasi per periode di "
                    "anggaran_periode.csv; ditemukan 12.350.000; diharapkan 12.000.000 (jumlah periode); laporan "
                    "memakai jumlahnya"]


def test_anggaran_periode_kurang(akar):
    _anggaran(akar, tanpa_tw4=True)
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("anggaran_periode.csv, baris 4, kolom 'periode': nilai belum diisi: realisasi per periode sub kegiatan "
               "'Penyusunan Dokumen Perencanaan Perangkat Daerah' belum lengkap; ditemukan TW1, TW2, TW3; diharapkan "
               "juga TW4" in g for g in _galat(temuan))
    lap = siapkan(akar, "sumberrejo", 2024, draf=True)
    assert [p.kumulatif for p in lap.hasil.anggaran_periode] == [1000000, 3000000, 6000000, None]


def test_anggaran_baris_tidak_ada(akar):
    _anggaran(akar)
    with (_tahun(akar) / "anggaran_periode.csv").open("a", encoding="utf-8") as f:
        f.write("penunjang,Kegiatan Lain,Sub Lain,,TW1,5\n")
    _data, temuan = muat(akar, "sumberrejo", 2024)
    assert any("anggaran_periode.csv, baris 122, kolom 'sub_kegiatan': baris anggaran tidak ada di anggaran.csv; "
               "ditemukan 'penunjang / Kegiatan Lain / Sub Lain'" in g for g in _galat(temuan))


# --- the report ---------------------------------------------------------------------------

def test_tabel_periode(akar):
    _ikm(akar, "jumlah")
    lap = siapkan(akar, "sumberrejo", 2024)
    isi = tabel.periode(lap, lap.hasil.iku("ikm"))
    assert isi.kepala == ["Periode", "Realisasi Periode", "Realisasi s.d. Periode", "Target 2024",
                          "Capaian s.d. Periode (%)"]
    # capaian to date: 20/83 = 24,096 %, 45/83 = 54,217 %, 75/83 = 90,361 %, 100/83 = 120,482 %
    assert isi.baris == [["Triwulan I", "20", "20", "83", "24,10"], ["Triwulan II", "25", "45", "83", "54,22"],
                         ["Triwulan III", "30", "75", "83", "90,36"], ["Triwulan IV", "25", "100", "83", "120,48"]]
    assert tabel.catatan_periode(lap, lap.hasil.iku("ikm")) == (
        "Realisasi s.d. periode adalah jumlah realisasi sejak awal tahun; realisasi tahun 2024 adalah jumlah "
        "realisasi seluruh periode: 100.")
    assert lap.nilai["iku.ikm.realisasi_sd_tw3"].teks(lap.tampilan) == "75"
    assert lap.nilai["iku.ikm.realisasi_periode_terakhir"].teks(lap.tampilan) == "25"
    assert tabel_periode(lap.hasil)["realisasi_sd_periode"].tolist() == [20, 45, 75, 100]


def test_tabel_periode_negatif_tanpa_capaian(akar):
    # a lower-is-better count: 1 + 1 + 2 + 0 = 4 conflicts (target 5); no capaian before the year ends
    (_tahun(akar) / "realisasi_periode.csv").write_text(
        "iku,periode,realisasi\nkonflik_sosial,TW1,1\nkonflik_sosial,TW2,1\nkonflik_sosial,TW3,2\n"
        "konflik_sosial,TW4,0\n", encoding="utf-8")
    _gabung(akar, RUMUS_KONFLIK, "jumlah")
    lap = siapkan(akar, "sumberrejo", 2024)
    k = lap.hasil.iku("konflik_sosial")
    assert k.realisasi == 4 and k.capaian == Decimal(2 * 5 - 4) / 5 * 100  # PermenPANRB: 120 %
    isi = tabel.periode(lap, k)
    assert isi.kepala == ["Periode", "Realisasi Periode", "Realisasi s.d. Periode", "Target 2024"]
    assert isi.baris[3] == ["Triwulan IV", "0", "4", "5"]


def test_bab3_bagian_berhuruf_tanpa_celah(akar, tmp_path):
    _ikm(akar, "jumlah")
    _anggaran(akar)
    md = isi_bab("bab3", {"unit": "sumberrejo", "tahun": 2024, "data": str(akar)}, tmp_path)
    ikm = md[md.index("#### Indikator: Indeks Kepuasan"):md.index("#### Indikator: Persentase Permohonan")]
    assert "##### b. Perkembangan Realisasi Kinerja per Triwulan Tahun 2024" in ikm
    assert ":name: tabel-realisasi-periode-ikm" in ikm and ":name: gambar-realisasi-periode-ikm" in ikm
    assert "##### c. Perbandingan Realisasi Kinerja Tahun 2023 terhadap Tahun 2024" in ikm
    lain = md[md.index("#### Indikator: Persentase Permohonan"):]
    lain = lain[:lain.index("#### Indikator", 5)]
    assert "Perkembangan Realisasi" not in lain
    assert "##### b. Perbandingan Realisasi Kinerja Tahun 2023 terhadap Tahun 2024" in lain
    anggaran = md[md.index("## Realisasi Anggaran"):] if "## Realisasi Anggaran" in md else md
    assert ":name: tabel-anggaran-periode" in anggaran and ":name: gambar-serapan-periode" in anggaran
    assert (tmp_path / "gambar" / "serapan-periode.png").exists()


def test_bab3_tanpa_periode_tanpa_tabel_baru(akar, tmp_path):
    md = isi_bab("bab3", {"unit": "sumberrejo", "tahun": 2024, "data": str(akar)}, tmp_path)
    for tanda in ("tabel-realisasi-periode", "gambar-realisasi-periode", "Perkembangan Realisasi",
                  "tabel-anggaran-periode", "gambar-serapan-periode", "s\\.d\\. Periode"):
        assert tanda not in md


# --- new year and workbook ------------------------------------------------------------------------

def test_tahun_baru_tidak_membawa_periode(akar):
    _ikm(akar, "rata-rata")
    _anggaran(akar)
    hasil = buat_tahun(akar, "sumberrejo", 2025)
    baru = hasil.folder
    assert (baru / "realisasi_periode.csv").read_text(encoding="utf-8") == "iku,periode,realisasi\n"
    assert (baru / "anggaran_periode.csv").read_text(encoding="utf-8") == \
        "program,kegiatan,sub_kegiatan,sub_unit,periode,realisasi\n"
    # 2024's realisasi of ikm was its periods' mean, 25: it is now the typed previous-year figure
    assert "ikm,2024,25," in (baru / "realisasi_iku.csv").read_text(encoding="utf-8")
    assert any("realisasi_periode.csv" in b for b in hasil.isian)


def test_buku_kerja_membawa_periode(akar, jalankan, tmp_path):
    _ikm(akar, "jumlah")
    _anggaran(akar)
    folder = _tahun(akar)
    asli = {n: (folder / n).read_bytes() for n in ("realisasi_periode.csv", "anggaran_periode.csv")}
    xlsx = tmp_path / "s.xlsx"
    assert jalankan("template", "--data", str(akar), "--unit", "sumberrejo", "--year", "2024",
                    "--out", str(xlsx)).kode == 0
    for n in asli:
        (folder / n).unlink()
    keluar = jalankan("import", str(xlsx), "--data", str(akar), "--unit", "sumberrejo", "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert {n: (folder / n).read_bytes() for n in asli} == asli


# --- one book ---------------------------------------------------------------------------------

@pytest.mark.buku
def test_build_html_periode(akar, tmp_path):
    import subprocess
    _ikm(akar, "jumlah")
    _anggaran(akar)
    keluaran = tmp_path / "build"
    proses = subprocess.run([str(LKJIP), "build", "--unit", "sumberrejo", "--year", "2024", "--html-only",
                             "--data", str(akar), "--out", str(keluaran)], capture_output=True, text=True)
    assert proses.returncode == 0, proses.stdout + proses.stderr
    bab3 = next((keluaran / "sumberrejo" / "2024").rglob("bab3.html"))
    teks = teks_html(bab3)
    assert "Realisasi Kinerja per Triwulan Tahun 2024: Indeks Kepuasan Masyarakat" in teks
    assert "Triwulan III 30 75 83 90,36" in teks
    assert "Realisasi dan Serapan Anggaran per Triwulan Tahun 2024" in teks
    assert "Triwulan IV 10.917.852.092 10.923.852.092 98,21" in teks
    html = bab3.read_text(encoding="utf-8")
    assert 'id="gambar-realisasi-periode-ikm"' in html and 'id="gambar-serapan-periode"' in html
