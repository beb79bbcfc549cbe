"""A minimal fictional unit, Kecamatan Mekarsari 2024, written into a scratch data folder.

Shared by test_hasil.py and test_tabel_render.py. It differs from the example units on purpose:

- one tujuan and three sasaran; the first IKU in Renstra order is a percentage measured as a count
  (pembilang/penyebut), the second (sakip) is in the Renstra but NOT in this year's PK, the third
  (konflik) is lower-is-better with its own formula `target-per-realisasi` (the unit's default
  stays permenpanrb-8-2021). The sasaran are listed in another order than the IKUs, and the
  sasaran of sakip lies between the two others;
- two programs, `penunjang` serving both PK IKUs and `trantib` serving konflik only; program.csv,
  anggaran.csv and pk_anggaran.csv each list them in a different order;
- two kegiatan, four sub kegiatan, one of them for a sub unit (kelurahan Sukamaju), and that one
  shares its name with a sub kegiatan of the kecamatan itself;
- two kelurahan; last year's realisasi only for konflik (tepat_waktu has 2022 and 2024 rows);
- efisiensi 'selisih', tingkat kemajuan 'rasio', the Permendagri 86/2017 scale;
- no narasi and no analisis (warnings only); a sumber.yaml with two keys.

The figures every test expects are worked out by hand in those tests, from the inputs below.
"""

from __future__ import annotations

import shutil
from pathlib import Path

UNIT = "mekarsari"
TAHUN = 2024
SKALA_ASLI = Path(__file__).resolve().parent.parent / "data" / "skala"

NAMA_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
NAMA_TRANTIB = "Program Ketenteraman dan Ketertiban Umum"
KEGIATAN_PENUNJANG = "Administrasi Umum Perangkat Daerah"
KEGIATAN_TRANTIB = "Koordinasi Ketenteraman dan Ketertiban Umum"
IND_TEPAT = "Persentase Permohonan Layanan yang Selesai Tepat Waktu"
IND_SAKIP = "Nilai Evaluasi SAKIP Kecamatan"
IND_KONFLIK = "Jumlah Konflik Sosial di Wilayah Kecamatan"
SAS_KETERTIBAN = "Meningkatnya Ketenteraman dan Ketertiban Umum"
SAS_AKUNTABILITAS = "Meningkatnya Akuntabilitas Kinerja Kecamatan"
SAS_PELAYANAN = "Meningkatnya Kualitas Pelayanan Administrasi"
TUJUAN = "Meningkatnya Tata Kelola Pemerintahan Kecamatan Mekarsari"

BERKAS: dict[str, str] = {
    "unit.yaml": """\
# Unit uji fiktif: Kecamatan Mekarsari.
kode: mekarsari
jenis: Kecamatan
nama: Kecamatan Mekarsari
nama_singkat: Mekarsari
pemerintah: Pemerintah Kota Uji
daerah: Kota Uji
kota: Uji
ibukota: Kelurahan Mekarsari
geografi:
  ketinggian_mdpl: 45
  lintang: "7° 10' 00\\" Lintang Selatan"
  bujur: "110° 20' 00\\" Bujur Timur"
  batas:
    utara: Kecamatan Utara
    timur: Kecamatan Timur
    selatan: Kecamatan Selatan
    barat: Kecamatan Barat
kepala:
  jabatan: Camat Mekarsari
  nama: BUDI SANTOSO
  nip: "19800101 200501 1 001"
atasan:
  jabatan: Wali Kota Uji
  nama: SRI LESTARI
permasalahan:
  - Pelayanan administrasi belum seluruhnya tepat waktu
""",
    "organisasi.yaml": """\
dasar: Peraturan Wali Kota Uji Nomor 1 Tahun 2022
struktur:
  - jabatan: Camat
    bawahan:
      - jabatan: Sekretaris
tusi:
  - jabatan: Camat
    tingkat: kecamatan
    tugas: memimpin kecamatan.
  - jabatan: Lurah
    tingkat: kelurahan
    fungsi:
      - melaksanakan pelayanan masyarakat.
""",
    "renstra.yaml": f"""\
dokumen: Renstra Kecamatan Mekarsari
tahun_awal: 2022
tahun_akhir: 2026
tujuan:
  - kode: tata_kelola
    nama: {TUJUAN}
sasaran:
  - kode: ketertiban
    tujuan: tata_kelola
    nama: {SAS_KETERTIBAN}
  - kode: akuntabilitas
    tujuan: tata_kelola
    nama: {SAS_AKUNTABILITAS}
  - kode: pelayanan
    tujuan: tata_kelola
    nama: {SAS_PELAYANAN}
iku:
  - kode: tepat_waktu
    sasaran: pelayanan
    indikator: {IND_TEPAT}
    satuan: "%"
    polaritas: positif
    rumus: "Σ permohonan selesai tepat waktu / Σ permohonan × 100%"
  - kode: sakip
    sasaran: akuntabilitas
    indikator: {IND_SAKIP}
    satuan: nilai
    polaritas: positif
  - kode: konflik
    sasaran: ketertiban
    indikator: {IND_KONFLIK}
    satuan: kasus
    polaritas: negatif
    rumus_capaian_negatif: target-per-realisasi
""",
    "laporan.yaml": """\
tempat: Uji
tanggal_laporan: 2025-02
perjanjian_kinerja:
  tanggal: 2024-03
  sumber_dana: APBD
metode:
  skala_predikat: permendagri-86-2017
  efisiensi: selisih
  tingkat_kemajuan: rasio
dinyatakan:
  luas_km2: 2.4
""",
    "sumber.yaml": """\
penduduk: Dinas Kependudukan Kota Uji, {{ tahun }}
capaian: Laporan Layanan {{ unit.nama }} Tahun {{ tahun }}
""",
    "renstra_target.csv": """\
iku,tahun,target
tepat_waktu,2022,85
tepat_waktu,2023,90
tepat_waktu,2024,95
tepat_waktu,2025,97.5
tepat_waktu,2026,100
sakip,2022,60
sakip,2023,62
konflik,2022,6
konflik,2023,5
konflik,2024,4
konflik,2025,2
""",
    "program.csv": f"""\
kode,nama
penunjang,{NAMA_PENUNJANG}
trantib,{NAMA_TRANTIB}
""",
    "iku_program.csv": """\
iku,program
konflik,trantib
tepat_waktu,penunjang
konflik,penunjang
""",
    "perjanjian_kinerja.csv": """\
iku,target
konflik,4
tepat_waktu,95
""",
    "pk_anggaran.csv": """\
program,anggaran,sumber_dana
trantib,50000000,APBD
penunjang,100000000,
""",
    "anggaran.csv": f"""\
program,kegiatan,sub_kegiatan,sub_unit,pagu,realisasi
trantib,{KEGIATAN_TRANTIB},Patroli Ketertiban Wilayah,Sukamaju,20000000,19000000
trantib,{KEGIATAN_TRANTIB},Patroli Ketertiban Wilayah,,30000000,29000000
penunjang,{KEGIATAN_PENUNJANG},Penyediaan Alat Tulis Kantor,,40000000,38000000
penunjang,{KEGIATAN_PENUNJANG},Penyediaan Jasa Kebersihan,,60000000,57500000
""",
    "realisasi_iku.csv": """\
iku,tahun,realisasi,pembilang,penyebut,realisasi_nasional,keterangan_nasional
tepat_waktu,2022,80,144,180,,
tepat_waktu,2024,85.5,171,200,,Indikator tidak diukur secara nasional
sakip,2023,61,,,,
konflik,2023,5,,,,
konflik,2024,3,,,2.5,Rata-rata nasional (fiktif)
""",
    "wilayah.csv": """\
kelurahan,luas_km2
Mekarsari,1.46
Sukamaju,0.94
""",
    "penduduk.csv": """\
kelurahan,laki_laki,perempuan
Mekarsari,3000,3200
Sukamaju,2150,1900
""",
}


def tulis_unit_mini(akar: Path) -> Path:
    """Write data/skala (a copy of the project's) and data/mekarsari/2024/ under `akar`; return the year folder."""
    shutil.copytree(SKALA_ASLI, akar / "skala")
    folder = akar / UNIT / str(TAHUN)
    folder.mkdir(parents=True)
    for nama, isi in BERKAS.items():
        (folder / nama).write_text(isi, encoding="utf-8")
    return folder
