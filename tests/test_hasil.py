"""Every computed figure of a minimal fictional unit (tests/unit_mini.py), worked out by hand.

Inputs (see unit_mini.py): tepat_waktu (%, positive) target 95, realisasi 85.5 = 171/200 x 100;
konflik (cases, negative, target / realisasi) target 4, realisasi 3; sakip only in the Renstra.
Budget: penunjang 40.000.000/38.000.000 + 60.000.000/57.500.000, trantib 20.000.000/19.000.000
(sub unit Sukamaju) + 30.000.000/29.000.000. Kelurahan Mekarsari 1.46 km2 3000 L 3200 P,
Sukamaju 0.94 km2 2150 L 1900 P. Methods: efisiensi 'selisih', tingkat kemajuan 'rasio',
scale permendagri-86-2017 (>= 91 Sangat Tinggi, > 75 Tinggi, ...).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from bantu import ganti
from unit_mini import (
    IND_KONFLIK,
    IND_TEPAT,
    KEGIATAN_PENUNJANG,
    KEGIATAN_TRANTIB,
    NAMA_PENUNJANG,
    NAMA_TRANTIB,
    SAS_KETERTIBAN,
    SAS_PELAYANAN,
    TAHUN,
    TUJUAN,
    UNIT,
    tulis_unit_mini,
)

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.hitung.hasil import ProgramPk, hitung
from lkjip_calc.masukan.muat import muat


def dua(nilai: D) -> D:
    """Half-up to 2 places, for a quotient that does not end."""
    return nilai.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def muat_valid(akar, draf=False):
    data, temuan = muat(akar, UNIT, TAHUN, draf)
    assert data is not None and not temuan.ada_galat, "\n".join(str(t) for t in temuan.daftar)
    return data, temuan


@pytest.fixture(scope="module")
def hasil(akar):
    data, _ = muat_valid(akar)
    return hitung(data)


def test_muat_tanpa_galat_hanya_peringatan_narasi_dan_analisis(akar):
    _, temuan = muat_valid(akar)
    # No narasi/iku/<kode>.md and no analisis/<kode>.yaml for the two PK IKUs; nothing else.
    assert sorted((t.jenis, t.berkas.rsplit("/", 2)[-2] + "/" + t.berkas.rsplit("/", 1)[-1])
                  for t in temuan.peringatan_saja) == [
        (Jenis.TIDAK_TERTAUT, "analisis/konflik.yaml"),
        (Jenis.TIDAK_TERTAUT, "analisis/tepat_waktu.yaml"),
        (Jenis.TIDAK_TERTAUT, "iku/konflik.md"),
        (Jenis.TIDAK_TERTAUT, "iku/tepat_waktu.md"),
    ]


def test_kinerja_hanya_iku_pk_dalam_urutan_renstra(hasil):
    # perjanjian_kinerja.csv lists konflik first; the Renstra lists tepat_waktu first; sakip is not in the PK.
    assert [k.kode for k in hasil.kinerja] == ["tepat_waktu", "konflik"]


def test_kinerja_persentase_positif(hasil):
    k = hasil.iku("tepat_waktu")
    assert (k.sasaran_kode, k.sasaran, k.indikator, k.satuan, k.polaritas) == \
        ("pelayanan", SAS_PELAYANAN, IND_TEPAT, "%", "positif")
    assert k.target == D("95") and k.realisasi == D("85.5")
    assert (k.pembilang, k.penyebut) == (D(171), D(200))  # 171 / 200 x 100 = 85.5
    assert k.capaian == D(90)                              # 85.5 / 95 x 100 = 90 exactly
    assert k.predikat == "Tinggi"                          # 90 < 91, > 75
    assert k.alasan_kosong is None
    assert k.tercapai is False
    assert k.realisasi_tahun_lalu is None                  # a 2022 row, no 2023 row
    assert k.target_tahun_lalu == D(90)
    assert k.perubahan_tahun_lalu is None
    assert (k.target_akhir_renstra, k.tahun_target_akhir) == (D(100), 2026)  # the 2026 target
    assert k.tingkat_kemajuan == D("85.5")                 # rasio: 85.5 / 100 x 100
    assert k.realisasi_nasional is None and k.keterangan_nasional == "Indikator tidak diukur secara nasional"
    assert k.program == ("penunjang",)
    assert k.pagu == 100_000_000 and type(k.pagu) is int   # 40.000.000 + 60.000.000
    assert k.realisasi_anggaran == 95_500_000 and type(k.realisasi_anggaran) is int  # 38.000.000 + 57.500.000
    assert k.serapan == D("95.5")                          # 95.500.000 / 100.000.000 x 100
    assert k.efisiensi == D("-5.5")                        # selisih: 90 - 95.5
    assert dua(k.alokasi) == D("66.67")                    # 100.000.000 / 150.000.000 x 100 = 66.666...
    assert k.target_renstra == {2022: D(85), 2023: D(90), 2024: D(95), 2025: D("97.5"), 2026: D(100)}
    assert list(k.target_renstra) == [2022, 2023, 2024, 2025, 2026]
    assert k.realisasi_per_tahun == {2022: D(80), 2024: D("85.5")}


def test_kinerja_negatif_target_per_realisasi(hasil):
    k = hasil.iku("konflik")
    assert (k.sasaran_kode, k.sasaran, k.indikator, k.satuan, k.polaritas, k.rumus) == \
        ("ketertiban", SAS_KETERTIBAN, IND_KONFLIK, "kasus", "negatif", None)
    assert k.target == D(4) and k.realisasi == D(3)
    # The IKU's own formula, not the unit's default permenpanrb-8-2021 ((8 - 3) / 4 x 100 = 125):
    assert dua(k.capaian) == D("133.33")                   # 4 / 3 x 100 = 133.333...
    assert k.predikat == "Sangat Tinggi"
    assert k.tercapai is True
    assert k.realisasi_tahun_lalu == D(5) and k.target_tahun_lalu == D(5)
    assert k.perubahan_tahun_lalu == "naik"                # 5 -> 3 cases: better for a lower-is-better IKU
    assert (k.target_akhir_renstra, k.tahun_target_akhir) == (D(2), 2025)  # no 2026 target: the 2025 one, named so
    assert dua(k.tingkat_kemajuan) == D("66.67")           # rasio, target / realisasi: 2 / 3 x 100
    assert k.realisasi_nasional == D("2.5") and k.keterangan_nasional == "Rata-rata nasional (fiktif)"
    assert k.program == ("trantib", "penunjang")           # iku_program.csv order
    assert k.pagu == 150_000_000 and type(k.pagu) is int   # 50.000.000 + 100.000.000
    assert k.realisasi_anggaran == 143_500_000             # 48.000.000 + 95.500.000
    assert dua(k.serapan) == D("95.67")                    # 143.5 / 150 x 100 = 95.666...
    assert dua(k.efisiensi) == D("37.67")                  # 400/3 - 287/3 = 113/3 = 37.666...
    assert k.alokasi == D(100)                             # 150.000.000 / 150.000.000 x 100
    assert k.target_renstra == {2022: D(6), 2023: D(5), 2024: D(4), 2025: D(2)}
    assert k.realisasi_per_tahun == {2023: D(5), 2024: D(3)}


def test_alokasi_program_bersama_dihitung_penuh(hasil):
    # penunjang serves both IKUs: 66.67 % + 100 % > 100 % (README 3.6: counted in full for each).
    assert dua(sum(k.alokasi for k in hasil.kinerja)) == D("166.67")


def test_iku_di_luar_pk(hasil):
    assert "sakip" not in [k.kode for k in hasil.kinerja]
    with pytest.raises(StopIteration):
        hasil.iku("sakip")
    assert hasil.target_renstra == {
        "tepat_waktu": {2022: D(85), 2023: D(90), 2024: D(95), 2025: D("97.5"), 2026: D(100)},
        "sakip": {2022: D(60), 2023: D(62)},
        "konflik": {2022: D(6), 2023: D(5), 2024: D(4), 2025: D(2)},
    }
    assert hasil.tahun_renstra == (2022, 2023, 2024, 2025, 2026)


def test_sasaran_bernomor_hanya_yang_punya_iku_pk(hasil):
    # Renstra order: ketertiban, akuntabilitas (only sakip: skipped), pelayanan.
    assert [(s.kode, s.nomor, s.nama, s.tujuan, tuple(k.kode for k in s.iku)) for s in hasil.sasaran] == [
        ("ketertiban", 1, SAS_KETERTIBAN, TUJUAN, ("konflik",)),
        ("pelayanan", 2, SAS_PELAYANAN, TUJUAN, ("tepat_waktu",)),
    ]


def test_program_sasaran(hasil):
    # Programs in budget order (program.csv: penunjang, trantib); every Renstra sasaran is a key.
    assert hasil.program_sasaran == {
        "ketertiban": ("penunjang", "trantib"),
        "akuntabilitas": (),
        "pelayanan": ("penunjang",),
    }


def test_pk_anggaran(hasil):
    # pk_anggaran.csv order (trantib first); an empty sumber_dana is None.
    assert hasil.pk_anggaran == (
        ProgramPk("trantib", NAMA_TRANTIB, 50_000_000, "APBD"),
        ProgramPk("penunjang", NAMA_PENUNJANG, 100_000_000, None),
    )
    assert hasil.pk_anggaran_total == 150_000_000 and type(hasil.pk_anggaran_total) is int


def test_total_anggaran(hasil):
    assert hasil.pagu == 150_000_000 and type(hasil.pagu) is int
    assert hasil.realisasi_anggaran == 143_500_000 and type(hasil.realisasi_anggaran) is int
    assert dua(hasil.serapan) == D("95.67")  # 143.5 / 150 x 100
    assert hasil.sisa_anggaran == 6_500_000 and type(hasil.sisa_anggaran) is int


def test_tercapai_batas_efisiensi_dan_jumlah(hasil):
    assert [k.kode for k in hasil.iku_tercapai] == ["konflik"]
    assert [k.kode for k in hasil.iku_belum_tercapai] == ["tepat_waktu"]
    assert hasil.batas_efisiensi == D(0)  # 'selisih': efficient from 0 percentage points
    assert hasil.jumlah == {"program": 2, "kegiatan": 2, "sub_kegiatan": 4, "iku": 2, "sasaran": 2, "tujuan": 1,
                            "kelurahan": 2, "iku_tercapai": 1, "iku_belum_tercapai": 1}


def test_tabel_anggaran(hasil):
    a = hasil.anggaran
    kolom = ["tingkat", "kode_program", "program", "kegiatan", "sub_kegiatan", "sub_unit", "pagu", "realisasi"]
    # Programs in program.csv order although anggaran.csv lists trantib first; sub kegiatan in file order.
    assert [tuple(b) for b in a[kolom].itertuples(index=False)] == [
        ("program", "penunjang", NAMA_PENUNJANG, "", "", "", 100_000_000, 95_500_000),
        ("kegiatan", "penunjang", NAMA_PENUNJANG, KEGIATAN_PENUNJANG, "", "", 100_000_000, 95_500_000),
        ("sub_kegiatan", "penunjang", NAMA_PENUNJANG, KEGIATAN_PENUNJANG, "Penyediaan Alat Tulis Kantor", "",
         40_000_000, 38_000_000),
        ("sub_kegiatan", "penunjang", NAMA_PENUNJANG, KEGIATAN_PENUNJANG, "Penyediaan Jasa Kebersihan", "",
         60_000_000, 57_500_000),
        ("program", "trantib", NAMA_TRANTIB, "", "", "", 50_000_000, 48_000_000),
        ("kegiatan", "trantib", NAMA_TRANTIB, KEGIATAN_TRANTIB, "", "", 50_000_000, 48_000_000),
        ("sub_kegiatan", "trantib", NAMA_TRANTIB, KEGIATAN_TRANTIB, "Patroli Ketertiban Wilayah", "Sukamaju",
         20_000_000, 19_000_000),
        ("sub_kegiatan", "trantib", NAMA_TRANTIB, KEGIATAN_TRANTIB, "Patroli Ketertiban Wilayah", "",
         30_000_000, 29_000_000),
        ("total", "", "", "", "", "", 150_000_000, 143_500_000),
    ]
    assert all(type(v) is int for v in list(a["pagu"]) + list(a["realisasi"]))
    serapan = list(a["serapan"])
    assert serapan[0] == serapan[1] == D("95.5")     # 95.5 / 100
    assert serapan[2] == D(95)                       # 38 / 40
    assert dua(serapan[3]) == D("95.83")             # 57.5 / 60 = 95.833...
    assert serapan[4] == serapan[5] == D(96)         # 48 / 50
    assert serapan[6] == D(95)                       # 19 / 20
    assert dua(serapan[7]) == D("96.67")             # 29 / 30 = 96.666...
    assert dua(serapan[8]) == D("95.67")             # 143.5 / 150


def test_tabel_wilayah(hasil):
    w = hasil.wilayah
    assert list(w["kelurahan"]) == ["Mekarsari", "Sukamaju", "Jumlah"]
    assert list(w["luas_km2"]) == [D("1.46"), D("0.94"), D("2.40")]
    assert list(w["laki_laki"]) == [3000, 2150, 5150]
    assert list(w["perempuan"]) == [3200, 1900, 5100]
    assert list(w["jumlah"]) == [6200, 4050, 10250]
    mekarsari, sukamaju, total = (w.iloc[i] for i in range(3))
    assert dua(mekarsari["persen_luas"]) == D("60.83")          # 1.46 / 2.40 = 60.833...
    assert dua(sukamaju["persen_luas"]) == D("39.17")           # 0.94 / 2.40 = 39.166...
    assert mekarsari["rasio_jenis_kelamin"] == D("93.75")       # 3000 / 3200 x 100
    assert dua(sukamaju["rasio_jenis_kelamin"]) == D("113.16")  # 2150 / 1900 x 100 = 113.157...
    assert dua(mekarsari["kepadatan"]) == D("4246.58")          # 6200 / 1.46 = 4246.575...
    assert dua(mekarsari["persen_penduduk"]) == D("60.49")      # 6200 / 10250 = 60.487...
    assert total["persen_luas"] == D(100)
    assert total["persen_penduduk"] == D(100)
    assert dua(total["kepadatan"]) == D("4270.83")              # 10250 / 2.40 = 4270.833...
    assert dua(total["rasio_jenis_kelamin"]) == D("100.98")     # 5150 / 5100 x 100 = 100.980...


def test_draf_pagu_kosong_total_terkait_none(tmp_path):
    akar = tmp_path / "data"
    folder = tulis_unit_mini(akar)
    ganti(folder / "anggaran.csv", "Penyediaan Jasa Kebersihan,,60000000,", "Penyediaan Jasa Kebersihan,,,")
    data, temuan = muat(akar, UNIT, TAHUN)
    assert data is None  # not a draft: an error
    data, temuan = muat_valid(akar, draf=True)
    belum = temuan.berjenis(Jenis.BELUM_DIISI)
    assert [(t.berkas.rsplit("/", 1)[-1], t.baris, t.kolom) for t in belum] == [("anggaran.csv", 5, "kolom 'pagu'")]
    h = hitung(data)

    # Everything that adds the missing pagu is None, not 40.000.000 (a partial sum).
    assert h.pagu is None and h.serapan is None and h.sisa_anggaran is None
    a = h.anggaran
    assert list(a["pagu"]) == [None, None, 40_000_000, None, 50_000_000, 50_000_000, 20_000_000, 30_000_000, None]
    assert list(a["realisasi"]) == [95_500_000, 95_500_000, 38_000_000, 57_500_000, 48_000_000, 48_000_000,
                                    19_000_000, 29_000_000, 143_500_000]
    assert [s is None for s in a["serapan"]] == [True, True, False, True, False, False, False, False, True]
    assert a["serapan"][4] == D(96)
    tepat, konflik = h.iku("tepat_waktu"), h.iku("konflik")
    for k in (tepat, konflik):  # both are served by penunjang
        assert (k.pagu, k.serapan, k.efisiensi, k.alokasi) == (None, None, None, None)
    # ... and what does not depend on it is still there.
    assert h.realisasi_anggaran == 143_500_000
    assert tepat.realisasi_anggaran == 95_500_000 and konflik.realisasi_anggaran == 143_500_000
    assert tepat.capaian == D(90) and dua(konflik.capaian) == D("133.33")
    assert h.pk_anggaran_total == 150_000_000
