"""The CSV tables of a year folder: their columns, the kind of each column and the key that must
be unique. data/README.md documents the same; new-year and the Excel workbook use them too."""

from __future__ import annotations

from .baca import BILANGAN, BULAT, KODE, RUPIAH, TAHUN, TEKS, Kolom

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
                      Kolom("realisasi", RUPIAH, isian=True),
                      Kolom("serapan_dinyatakan", BILANGAN, wajib=False, tidak_negatif=True, tertulis=True)],
                     ("program", "kegiatan", "sub_kegiatan", "sub_unit")),
    # realisasi may be left empty when pembilang and penyebut give it (IKU in '%' only: masukan.rujukan)
    "realisasi_iku.csv": ([Kolom("iku", KODE), Kolom("tahun", TAHUN),
                           Kolom("realisasi", BILANGAN, isian=True, kosong_bila=("pembilang", "penyebut")),
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
}

# Tables a year may leave out: a unit without territory (a dinas, a badan) has no wilayah.csv and
# no penduduk.csv.
BOLEH_TIDAK_ADA = frozenset({"wilayah.csv", "penduduk.csv"})
# The parts of a territory as the first column of wilayah.csv and penduduk.csv may name them.
BAGIAN_WILAYAH = ("kelurahan", "desa")
