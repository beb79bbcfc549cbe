"""Sources that disagree are warnings: `check` lists them, exits 0, and the run goes on."""

from bantu import TAHUN, ganti


def peringatan(jalankan, data):
    keluar = jalankan("check", "--data", str(data))
    assert keluar.kode == 0, keluar.err
    return [b.strip() for b in keluar.out.splitlines() if b.strip().startswith("PERINGATAN:")]


def satu(daftar, *potongan):
    cocok = [b for b in daftar if all(p in b for p in potongan)]
    assert cocok, "\n".join(daftar)
    return cocok[0]


def test_data_asli_hanya_luas(jalankan):
    from bantu import DATA
    daftar = peringatan(jalankan, DATA)
    satu(daftar, "laporan.yaml", "dinyatakan.luas_km2", "10,65", "10,66")
    assert len(daftar) == 1, "\n".join(daftar)


def test_realisasi_melebihi_pagu(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "anggaran.csv", ",7000000,6929000", ",7000000,7100000")
    satu(peringatan(jalankan, data_salinan), "anggaran.csv", "baris 8", "kolom 'realisasi'", "melebihi pagu", "7.100.000")


def test_target_pk_beda_dengan_renstra(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "perjanjian_kinerja.csv", "kelompok_lembaga,45", "kelompok_lembaga,40")
    pesan = satu(peringatan(jalankan, data_salinan), "perjanjian_kinerja.csv", "baris 2", "kolom 'target'",
                 "target Renstra")
    assert "ditemukan 40" in pesan and "45" in pesan


def test_anggaran_pk_beda_dengan_rincian(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "pk_anggaran.csv", "pemberdayaan,2221176104", "pemberdayaan,2221176000")
    pesan = satu(peringatan(jalankan, data_salinan), "pk_anggaran.csv", "baris 5", "kolom 'anggaran'")
    assert "2.221.176.000" in pesan and "2.221.176.104" in pesan


def test_total_dinyatakan_beda(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "laporan.yaml", "  luas_km2: 10.65", "  luas_km2: 10.65\n  pagu: 14959915000")
    satu(peringatan(jalankan, data_salinan), "dinyatakan.pagu", "14.959.915.000", "14.959.915.882")


def test_realisasi_beda_dengan_pembilang_penyebut(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "realisasi_iku.csv", "kelompok_lembaga,2024,100,576,576",
          "kelompok_lembaga,2024,100,570,576")
    satu(peringatan(jalankan, data_salinan), "realisasi_iku.csv", "baris 7", "pembilang / penyebut", "98,96")


def test_bagian_narasi_salah_eja(data_salinan, jalankan):
    ganti(data_salinan / TAHUN / "narasi" / "bab2_pk.md", "<!-- anggaran -->", "<!-- anggran -->")
    daftar = peringatan(jalankan, data_salinan)
    satu(daftar, "bab2_pk.md", "bagian '<!-- anggaran -->' yang ditampilkan bab tidak ada")
    satu(daftar, "bab2_pk.md", "baris", "bagian '<!-- anggran -->' tidak ditampilkan bab mana pun", "anggaran")


def test_berkas_narasi_tidak_dipakai(data_salinan, jalankan):
    (data_salinan / TAHUN / "narasi" / "kata_pengantar.md").rename(data_salinan / TAHUN / "narasi" / "pengantar.md")
    daftar = peringatan(jalankan, data_salinan)
    satu(daftar, "narasi/kata_pengantar.md", "berkas narasi yang ditampilkan bab tidak ada")
    satu(daftar, "narasi/pengantar.md", "tidak ditampilkan bab mana pun", "kata_pengantar")
