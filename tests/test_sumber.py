"""The "Sumber" line under each table: sumber.yaml's default per table key, overridden per IKU
under `iku:` (data/README.md 3.14), and Kanigaran 2024's lines as its source document prints them."""

from __future__ import annotations

import pytest
from unit_mini import TAHUN, UNIT, tulis_unit_mini

from lkjip_calc.laporan.daftar import SUMBER_IKU, TABEL
from lkjip_calc.laporan.siapkan import siapkan

# The "Sumber:" line under each table of BAB III of the LKjIP 2024 of Kecamatan Kanigaran, by IKU.
# Sasaran Strategis 1 (Tabel 3.2 to 3.9) shows IKM and administrasi perkantoran in one table under one
# line; Sasaran Strategis 2 (Tabel 3.10 to 3.17) shows kelompok_lembaga. Printed typos are set right
# as sumber.yaml does ("PROBOLINGO", "2019-202"); Tabel 3.15 prints "Tahun 2021" (see sumber.yaml).
SASARAN_1 = {
    "capaian": "Hasil Survey Kepuasan Masyarakat Kecamatan Kanigaran Tahun 2024",
    "tahun_lalu": "Indeks Hasil Survey Kepuasan Masyarakat Kecamatan Kanigaran Tahun 2023 dan 2024",
    "renstra_kemajuan": "Dokumen Renstra Kecamatan Kanigaran Tahun 2019-2024",
    "nasional": "SIMRAL-KOTA PROBOLINGGO Tahun 2024",
    "alokasi": "SIMRAL-KOTA PROBOLINGGO Tahun 2024",
    "kinerja_anggaran": "Dokumen Evaluasi RKPD Triwulan IV Tahun 2024",
    "efisiensi": "Dokumen Evaluasi RKPD Triwulan IV Tahun 2024",
    "penyebab": "Portal Emas dan Dokumen Evaluasi RKPD Tahun 2024",
    "program_penunjang": "DPA Kecamatan Kanigaran tahun 2023 dan 2024",
}
SEED = {
    "ikm": SASARAN_1,
    "administrasi_perkantoran": SASARAN_1,
    "kelompok_lembaga": {
        "capaian": "Dokumen LKPJ Tahun 2024",
        "tahun_lalu": "Dokumen Pengukuran Kinerja Tahun 2023 dan 2024",
        "renstra_kemajuan": "Dokumen Renstra Perubahan Kecamatan Kanigaran Tahun 2019-2024",
        "nasional": "Dokumen Pengukuran Kinerja Kecamatan Kanigaran Tahun 2024",
        "alokasi": "Dokumen Pengukuran Kinerja Kecamatan Kanigaran Tahun 2024",
        "kinerja_anggaran": "Dokumen LKPJ Kecamatan Kanigaran Tahun 2024",
        "efisiensi": "Dokumen Pengukuran Kinerja Tahun 2024",
        "penyebab": "Dokumen Pengukuran Kinerja Kecamatan Kanigaran tahun 2023 dan 2024",
        "program_penunjang": "Dokumen Pengukuran Kinerja Kecamatan Kanigaran tahun 2024",
    },
}


def test_kanigaran_sumber_per_iku_sama_dengan_laporan_sumber(laporan):
    # the table of an IKU's periods is shown only for an IKU that has them (Kanigaran's have none)
    tabel_per_iku = [t for t in TABEL.values() if t.per_iku and t.ada is None]
    assert {t.sumber for t in tabel_per_iku} == set(SASARAN_1)
    assert set(SUMBER_IKU) == set(SASARAN_1) | {"realisasi_periode"}
    assert [k.kode for k in laporan.hasil.kinerja] == list(SEED)
    for k in laporan.hasil.kinerja:
        assert {t.sumber: t.susun(laporan, k).sumber for t in tabel_per_iku} == SEED[k.kode], k.kode


def test_tabel_bukan_per_iku_memakai_kunci_bawaan(laporan):
    assert TABEL["penduduk"].susun(laporan).sumber == "Dinas Kependudukan dan Pencatatan Sipil, 2024"
    assert TABEL["realisasi_anggaran"].susun(laporan).sumber is None  # null


@pytest.fixture
def mini(tmp_path):
    akar = tmp_path / "data"
    tulis_unit_mini(akar)
    return akar / UNIT / str(TAHUN)


def test_sumber_per_iku_dan_bawaan(mini):
    (mini / "sumber.yaml").write_text(
        "capaian: Laporan Layanan {{ unit.nama }} Tahun {{ tahun }}\n"
        "tahun_lalu: LKjIP Tahun {{ tahun_lalu }}\n"
        "iku:\n"
        "  konflik:\n"
        "    capaian: Catatan Ketertiban Tahun {{ tahun }}\n"
        "    nasional: Data Konflik Nasional Tahun {{ tahun }}\n"
        "    tahun_lalu: null\n", encoding="utf-8")
    lap = siapkan(mini.parent.parent, UNIT, TAHUN)

    def sumber(nama, iku):
        return TABEL[nama].susun(lap, lap.hasil.iku(iku)).sumber

    assert sumber("capaian", "konflik") == "Catatan Ketertiban Tahun 2024"                # its own line
    assert sumber("capaian", "tepat_waktu") == "Laporan Layanan Kecamatan Mekarsari Tahun 2024"  # the default
    assert sumber("nasional", "konflik") == "Data Konflik Nasional Tahun 2024"            # its own, no default
    assert sumber("nasional", "tepat_waktu") is None                                      # neither written
    assert sumber("tahun_lalu", "konflik") is None                                        # null: no line for it
    assert sumber("tahun_lalu", "tepat_waktu") == "LKjIP Tahun 2023"


def test_sumber_datar_lama_tetap_sah(mini):
    """A file of defaults only (the shape before `iku:`) gives every IKU the same line."""
    lap = siapkan(mini.parent.parent, UNIT, TAHUN)
    baris = {TABEL["capaian"].susun(lap, k).sumber for k in lap.hasil.kinerja}
    assert baris == {"Laporan Layanan Kecamatan Mekarsari Tahun 2024"}
