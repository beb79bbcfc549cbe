"""The CSV tables of a year folder: their columns, the kind of each column and the key that must
be unique. data/README.md documents the same; new-year and the Excel workbook use them too."""

from __future__ import annotations

from .baca import BILANGAN, BULAT, KODE, PERIODE, RUPIAH, TAHUN, TEKS, Kolom

TABEL = {
    "renstra_target.csv": ([Kolom("iku", KODE), Kolom("tahun", TAHUN),
                            Kolom("target", BILANGAN, isian=True, tidak_negatif=True)], ("iku", "tahun")),
    "perjanjian_kinerja.csv": ([Kolom("iku", KODE), Kolom("target", BILANGAN, isian=True, tidak_negatif=True)],
                               ("iku",)),
    "program.csv": ([Kolom("kode", KODE), Kolom("nama", TEKS)], ("kode",)),
    # kegiatan / sub_kegiatan narrow a link to part of the program (names as in anggaran.csv; masukan.rujukan)
    "iku_program.csv": ([Kolom("iku", KODE), Kolom("program", KODE), Kolom("kegiatan", TEKS, wajib=False),
                         Kolom("sub_kegiatan", TEKS, wajib=False)], ("iku", "program", "kegiatan", "sub_kegiatan")),
    "pk_anggaran.csv": ([Kolom("program", KODE), Kolom("anggaran", RUPIAH, isian=True),
                         Kolom("sumber_dana", TEKS, wajib=False)], ("program",)),
    "anggaran.csv": ([Kolom("program", KODE), Kolom("kegiatan", TEKS), Kolom("sub_kegiatan", TEKS),
                      Kolom("sub_unit", TEKS, wajib=False), Kolom("pagu", RUPIAH, isian=True),
                      Kolom("realisasi", RUPIAH, isian=True,
                            kosong_bila_periode=("program", "kegiatan", "sub_kegiatan", "sub_unit")),
                      Kolom("serapan_dinyatakan", BILANGAN, wajib=False, tidak_negatif=True, tertulis=True)],
                     ("program", "kegiatan", "sub_kegiatan", "sub_unit")),
    # realisasi may be left empty when pembilang and penyebut give it (IKU in '%' only: masukan.rujukan),
    # or, on the report year's row, when realisasi_periode.csv gives the IKU's periods
    "realisasi_iku.csv": ([Kolom("iku", KODE), Kolom("tahun", TAHUN),
                           Kolom("realisasi", BILANGAN, isian=True, kosong_bila=("pembilang", "penyebut"),
                                 kosong_bila_periode=("iku", "tahun")),
                           Kolom("pembilang", BILANGAN, wajib=False, tidak_negatif=True),
                           Kolom("penyebut", BILANGAN, wajib=False, positif=True),
                           Kolom("realisasi_nasional", BILANGAN, wajib=False),
                           Kolom("keterangan_nasional", TEKS, wajib=False),
                           Kolom("capaian_dinyatakan", BILANGAN, wajib=False, tertulis=True)], ("iku", "tahun")),
    # a unit with territory only (both files or neither); the first column may be headed `desa`
    "wilayah.csv": ([Kolom("kelurahan", TEKS, nama_lain=("desa",)), Kolom("luas_km2", BILANGAN, isian=True, positif=True)],
                    ("kelurahan",)),
    "penduduk.csv": ([Kolom("kelurahan", TEKS, nama_lain=("desa",)), Kolom("laki_laki", BULAT, isian=True),
                      Kolom("perempuan", BULAT, isian=True)], ("kelurahan",)),
    # Realisasi per period (triwulan or month) of the report year: optional files (`OPSIONAL`).
    "realisasi_periode.csv": ([Kolom("iku", KODE), Kolom("periode", PERIODE),
                               Kolom("realisasi", BILANGAN, isian=True)], ("iku", "periode")),
    "anggaran_periode.csv": ([Kolom("program", KODE), Kolom("kegiatan", TEKS), Kolom("sub_kegiatan", TEKS),
                              Kolom("sub_unit", TEKS, wajib=False), Kolom("periode", PERIODE),
                              Kolom("realisasi", RUPIAH, isian=True)],
                             ("program", "kegiatan", "sub_kegiatan", "sub_unit", "periode")),
}

# Tables a year may leave out: a unit without territory (a dinas, a badan) has no wilayah.csv and
# no penduduk.csv.
BOLEH_TIDAK_ADA = frozenset({"wilayah.csv", "penduduk.csv"})  # present: with rows (PERLU_BARIS)
# The parts of a territory as the first column of wilayah.csv and penduduk.csv may name them.
BAGIAN_WILAYAH = ("kelurahan", "desa")
# Tables whose rows the report draws even in a draft (the budget chart of BAB III, the area and
# population of BAB I): header-only is an error there, not a figure still to fill in. new-year
# always leaves their rows in place (with empty figures); only renstra_target.csv may wait.
PERLU_BARIS = frozenset({"anggaran.csv", "wilayah.csv", "penduduk.csv"})
# Tables a year folder may leave out: an absent file is the same as one with no rows.
OPSIONAL = frozenset({"realisasi_periode.csv", "anggaran_periode.csv"})
# The periodic tables, read before the tables whose figures they may give (`Kolom.kosong_bila_periode`).
BERKAS_PERIODE = {"realisasi_iku.csv": "realisasi_periode.csv", "anggaran.csv": "anggaran_periode.csv"}
