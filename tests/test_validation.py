"""Bad input: one clear line in Bahasa Indonesia naming file, row and column, exit 2, no
traceback, nothing written into data/, and the last good export left in place."""

from __future__ import annotations

import pytest
from bantu import TAHUN, ganti, sidik


@pytest.fixture
def periksa_galat(data_salinan, jalankan, tmp_path):
    """Run `check` and `export` on the broken copy; return check's stderr after the common asserts."""
    def _periksa(*potongan: str) -> str:
        sebelum = sidik(data_salinan)
        keluar = jalankan("check", "--data", str(data_salinan))
        assert keluar.kode == 2, keluar.out + keluar.err
        assert "Traceback" not in keluar.err + keluar.out
        baris_galat = [b for b in keluar.err.splitlines() if b.startswith("GALAT:")]
        assert baris_galat, keluar.err
        cocok = [b for b in baris_galat if all(p in b for p in potongan)]
        assert cocok, f"tidak ada baris galat yang memuat {potongan}:\n{keluar.err}"
        for b in cocok:
            assert "; diharapkan " in b  # every error says what was expected

        # export refuses too, and keeps the previous good output
        keluaran = tmp_path / "unduhan"
        keluaran.mkdir(exist_ok=True)
        (keluaran / "kinerja.csv").write_text("hasil baik sebelumnya\n", encoding="utf-8")
        ekspor = jalankan("export", "--data", str(data_salinan), "--out", str(keluaran))
        assert ekspor.kode == 2
        assert (keluaran / "kinerja.csv").read_text(encoding="utf-8") == "hasil baik sebelumnya\n"
        assert sorted(p.name for p in keluaran.iterdir()) == ["kinerja.csv"]
        assert sidik(data_salinan) == sebelum, "tidak boleh ada yang ditulis ke data/"
        return "\n".join(cocok)
    return _periksa


def test_bilangan_salah_bentuk(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "anggaran.csv", ",9500000,9490000", ",9.500.000,9490000")
    pesan = periksa_galat("anggaran.csv", "baris 2", "kolom 'pagu'")
    assert "'9.500.000'" in pesan and "tanpa pemisah ribuan" in pesan


def test_koma_desimal(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "realisasi_iku.csv", "ikm,2024,80.25", "ikm,2024,\"80,25\"")
    periksa_galat("realisasi_iku.csv", "baris 3", "kolom 'realisasi'", "'80,25'")


def test_kolom_wajib_tidak_ada(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "penduduk.csv", "kelurahan,laki_laki,perempuan", "kelurahan,laki_laki,wanita")
    periksa_galat("penduduk.csv", "baris 1", "kolom 'perempuan'", "kolom wajib tidak ada")


def test_kolom_tidak_dikenal(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "penduduk.csv", "kelurahan,laki_laki,perempuan", "kelurahan,laki_laki,wanita")
    periksa_galat("penduduk.csv", "baris 1", "kolom 'wanita'", "kolom tidak dikenal")


def test_kunci_ganda(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "perjanjian_kinerja.csv"
    path.write_text(path.read_text(encoding="utf-8") + "ikm,85\n", encoding="utf-8")
    periksa_galat("perjanjian_kinerja.csv", "baris 5", "kolom 'iku'", "baris ganda", "baris 3")


def test_iku_tidak_ada(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "iku_program.csv", "kelompok_lembaga,pemberdayaan", "kelompok_lembga,pemberdayaan")
    periksa_galat("iku_program.csv", "baris 5", "kolom 'iku'", "'kelompok_lembga'", "IKU tidak ada")


def test_program_tidak_ada(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "anggaran.csv", "pemerintahan_umum,", "pemerintahan,")
    periksa_galat("anggaran.csv", "baris 25", "kolom 'program'", "'pemerintahan'", "program tidak ada")


def test_target_nol(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "perjanjian_kinerja.csv", "ikm,84.5", "ikm,0")
    periksa_galat("perjanjian_kinerja.csv", "baris 3", "kolom 'target'", "target 0")


def test_uang_negatif(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "anggaran.csv", ",7000000,6929000", ",7000000,-6929000")
    periksa_galat("anggaran.csv", "baris 8", "kolom 'realisasi'", "negatif", "'-6929000'")


def test_bukan_utf8(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "wilayah.csv"
    path.write_bytes(path.read_bytes().replace("Sukoharjo".encode(), "Suk\xf6harjo".encode("latin-1")))
    periksa_galat("wilayah.csv", "baris 5", "bukan teks UTF-8", "0xf6")


def test_yaml_sintaks(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "laporan.yaml", "  jenis: Perjanjian Kinerja Perubahan",
          "  jenis: [Perjanjian Kinerja Perubahan")
    periksa_galat("laporan.yaml", "baris", "sintaks YAML tidak sah")


def test_yaml_kunci_salah(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "renstra.yaml", "    polaritas: positif\n    rumus: Hasil",
          "    polaritas: naik\n    rumus: Hasil")
    periksa_galat("renstra.yaml", "baris 31", "kunci 'iku[0].polaritas'", "'naik'", "'positif' atau 'negatif'")


def test_penanda_tidak_dikenal(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "narasi" / "catatan.md"
    path.write_text("Baris pertama.\nCapaian IKM sebesar {{ iku.ikm.capain }}%.\n", encoding="utf-8")
    pesan = periksa_galat("narasi/catatan.md", "baris 2", "kolom 21", "{{ iku.ikm.capain }}")
    assert "mungkin maksudnya: iku.ikm.capaian" in pesan


def test_penanda_filter_tidak_cocok(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "narasi" / "catatan.md"
    path.write_text("Pagu {{ iku.ikm.capaian | rp }}.\n", encoding="utf-8")
    periksa_galat("narasi/catatan.md", "baris 1", "kolom 6", "filter")


def test_realisasi_belum_diisi(data_salinan, periksa_galat):
    baris = "ikm,2024,80.25,,,,Indeks Kepuasan Masyarakat tidak diukur secara nasional\n"
    ganti(data_salinan / TAHUN / "realisasi_iku.csv", baris, "")
    periksa_galat("realisasi_iku.csv", "kolom 'realisasi'", "ikm", "belum diisi")


def test_unit_tidak_ada(jalankan):
    keluar = jalankan("check", "--unit", "tidakada")
    assert keluar.kode == 2 and "unit 'tidakada' tidak ada" in keluar.err and "kanigaran" in keluar.err


def test_tahun_tidak_ada(jalankan):
    keluar = jalankan("check", "--unit", "kanigaran", "--year", "1999")
    assert keluar.kode == 2 and "kanigaran/1999: folder tahun tidak ada; ditemukan --year 1999" in keluar.err


def test_argumen_salah_berbahasa_indonesia(jalankan):
    keluar = jalankan("export")
    assert keluar.kode == 2 and "argumen wajib belum diberikan" in keluar.err and "--out" in keluar.err


def test_kode_yaml_harus_huruf_kecil(data_salinan, periksa_galat):
    ganti(data_salinan / TAHUN / "renstra.yaml", "  - kode: ikm\n", "  - kode: IKM\n")
    periksa_galat("renstra.yaml", "kunci 'iku[0].kode'", "'IKM'", "format nilai tidak sesuai")


def test_kolom_pilihan_boleh_tidak_ada(data_salinan, jalankan):
    path = data_salinan / TAHUN / "pk_anggaran.csv"
    baris = [b.rsplit(",", 1)[0] for b in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")  # without the optional sumber_dana column
    keluar = jalankan("check", "--data", str(data_salinan))
    assert keluar.kode == 0, keluar.err


def _baris(path, awal):
    """The number of the first line of `path` that starts with `awal`."""
    return next(i for i, b in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if b.startswith(awal))


def test_kunci_sumber_salah_eja(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "sumber.yaml"
    ganti(path, "\nalokasi:", "\nalokasii:")
    pesan = periksa_galat("sumber.yaml", f"baris {_baris(path, 'alokasii:')}", "kunci 'alokasii'", "kunci tidak dikenal")
    assert "mungkin maksudnya: alokasi" in pesan


def test_sumber_per_iku_kode_iku_tidak_dikenal(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "sumber.yaml"
    ganti(path, "  kelompok_lembaga:", "  kelompok_lembag:")
    pesan = periksa_galat("sumber.yaml", f"baris {_baris(path, '  kelompok_lembag:')}", "kunci 'iku.kelompok_lembag'",
                          "kunci tidak dikenal", "kode IKU dari renstra.yaml")
    assert "mungkin maksudnya: kelompok_lembaga" in pesan


def test_sumber_per_iku_kunci_tabel_tidak_dikenal(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "sumber.yaml"
    ganti(path, "    efisiensi:", "    efisensi:")
    pesan = periksa_galat("sumber.yaml", f"baris {_baris(path, '    efisensi:')}",
                          "kunci 'iku.kelompok_lembaga.efisensi'", "kunci tidak dikenal", "kunci tabel per IKU")
    assert "mungkin maksudnya: efisiensi" in pesan


def test_sumber_per_iku_tabel_bukan_per_iku(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "sumber.yaml"
    ganti(path, "    alokasi:", "    penduduk: Data Penduduk {{ tahun }}\n    alokasi:")
    periksa_galat("sumber.yaml", f"baris {_baris(path, '    penduduk:')}", "kunci 'iku.kelompok_lembaga.penduduk'",
                  "tabel ini tidak per IKU", "kunci tabel per IKU: capaian")


def test_judul_bagian_iku_tidak_dikenal(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "narasi" / "iku" / "ikm.md"
    baris = path.read_text(encoding="utf-8").splitlines().index("## efisiensi") + 1
    ganti(path, "## efisiensi", "## efisien")
    periksa_galat("narasi/iku/ikm.md", f"baris {baris}", "judul bagian tidak dikenal", "'## efisien'", "kolom 1")


def test_kertas_tidak_dikenal(data_salinan, periksa_galat):
    path = data_salinan / TAHUN / "laporan.yaml"
    baris = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as f:
        f.write("kertas: Folio\n")
    pesan = periksa_galat("laporan.yaml", f"baris {baris}", "kunci 'kertas'", "nilai tidak dikenal")
    assert "ditemukan 'Folio'" in pesan and "salah satu dari 'A4' atau 'F4'" in pesan


def test_kertas_f4_sah(data_salinan, jalankan):
    with (data_salinan / TAHUN / "laporan.yaml").open("a", encoding="utf-8") as f:
        f.write("kertas: F4\n")
    keluar = jalankan("check", "--data", str(data_salinan))
    assert keluar.kode == 0, keluar.err
