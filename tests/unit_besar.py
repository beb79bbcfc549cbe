"""A large fictional unit, Kecamatan Wiyungraya 2024, generated into a scratch data folder.

Its size is what breaks page layout: 40 IKU under 10 sasaran, 6 programs with 30 kegiatan and
400 sub kegiatan (some for a sub unit), 60 kelurahan, and analyses with several causes and
solutions and a text per program and per kegiatan. Every name carries its own number, so a
table cell can be found in the PDF's text and a lost row is noticed.

Nothing is computed for the tests from these inputs; they only have to be valid (`lkjip check`
passes) and large. The prose files hold one short paragraph per declared part.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lkjip_calc.laporan.daftar import NARASI, SUMBER

UNIT = "wiyungraya"
TAHUN = 2024
SKALA_ASLI = Path(__file__).resolve().parent.parent / "data" / "skala"

JUMLAH_IKU = 40
JUMLAH_SASARAN = 10
JUMLAH_PROGRAM = 6
JUMLAH_KEGIATAN = 30
JUMLAH_SUB = 400
JUMLAH_KELURAHAN = 60

_UNIT_YAML = """\
kode: wiyungraya
jenis: Kecamatan
nama: Kecamatan Wiyungraya
nama_singkat: Wiyungraya
pemerintah: Pemerintah Kota Uji Besar
daerah: Kota Uji Besar
kota: Uji Besar
ibukota: Kelurahan Wiyungraya 01
geografi:
  ketinggian_mdpl: 12
  lintang: "7° 15' 00\\" Lintang Selatan"
  bujur: "112° 40' 00\\" Bujur Timur"
  batas:
    utara: Kecamatan Utara
    timur: Kecamatan Timur
    selatan: Kecamatan Selatan
    barat: Kecamatan Barat
kepala:
  jabatan: Camat Wiyungraya
  nama: ADI PRASETYO
  nip: "19750202 200003 1 002"
atasan:
  jabatan: Wali Kota Uji Besar
  nama: RATNA DEWI
permasalahan:
  - Jumlah layanan besar dibandingkan jumlah aparatur
"""

_ORGANISASI_YAML = """\
dasar: Peraturan Wali Kota Uji Besar Nomor 7 Tahun 2021
struktur:
  - jabatan: Camat
    bawahan:
      - jabatan: Sekretaris
tusi:
  - jabatan: Camat
    tingkat: kecamatan
    tugas: memimpin kecamatan.
"""

_LAPORAN_YAML = """\
tempat: Uji Besar
tanggal_laporan: 2025-01
perjanjian_kinerja:
  tanggal: 2024-02
  sumber_dana: APBD
metode:
  skala_predikat: permendagri-86-2017
"""


def _csv(kepala: str, baris: list[str]) -> str:
    return kepala + "\n" + "".join(b + "\n" for b in baris)


def _yaml_teks(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _program(p: int) -> str:
    return f"prog{p:02d}"


def berkas() -> dict[str, str]:
    """Every file of the year folder, by path relative to it."""
    hasil: dict[str, str] = {
        "unit.yaml": _UNIT_YAML,
        "organisasi.yaml": _ORGANISASI_YAML,
        "laporan.yaml": _LAPORAN_YAML,
        "sumber.yaml": "".join(f"{k}: Dokumen Sumber {k.replace('_', ' ').title()} Tahun {{{{ tahun }}}}\n"
                               for k in SUMBER if k != "skala") + "skala: \"{{ skala.dasar_hukum }}\"\n",
    }

    # Renstra: 3 tujuan, 10 sasaran, 40 IKU (four per sasaran); every third IKU lower-is-better.
    renstra = ["dokumen: Renstra Kecamatan Wiyungraya", "tahun_awal: 2021", "tahun_akhir: 2026", "tujuan:"]
    for t in range(1, 4):
        renstra += [f"  - kode: tujuan{t}",
                    f"    nama: Tujuan {t} Meningkatnya Kualitas Tata Kelola Pemerintahan dan Pelayanan Publik "
                    f"di Kecamatan Wiyungraya Bagian {t}"]
    renstra.append("sasaran:")
    for s in range(1, JUMLAH_SASARAN + 1):
        renstra += [f"  - kode: sasaran{s:02d}", f"    tujuan: tujuan{(s - 1) % 3 + 1}",
                    f"    nama: Sasaran {s:02d} Meningkatnya Kualitas Layanan Administrasi Kependudukan "
                    f"dan Perizinan Kelurahan Nomor {s:02d}"]
    renstra.append("iku:")
    target, pk, realisasi = [], [], []
    for i in range(1, JUMLAH_IKU + 1):
        negatif = i % 3 == 0
        renstra += [f"  - kode: iku{i:02d}", f"    sasaran: sasaran{(i - 1) // 4 + 1:02d}",
                    f"    indikator: Indikator {i:02d} Persentase Permohonan Layanan Masyarakat yang Diselesaikan "
                    f"Tepat Waktu Sesuai Standar Pelayanan Nomor {i:02d}",
                    f"    satuan: {'kasus' if negatif else _yaml_teks('%')}",
                    f"    polaritas: {'negatif' if negatif else 'positif'}",
                    "    rumus: " + _yaml_teks(f"Jumlah permohonan jenis {i:02d} yang selesai tepat waktu dibagi "
                                             f"jumlah seluruh permohonan jenis {i:02d} dikali 100%")]
        for th in range(2021, 2027):
            target.append(f"iku{i:02d},{th},{10 - th % 5 if negatif else 80 + th % 5 + i % 7}")
        pk.append(f"iku{i:02d},{6 if negatif else 84 + i % 7}")  # the Renstra target of 2024
        realisasi.append(f"iku{i:02d},2023,{7 if negatif else 82 + i % 5},,,,")
        realisasi.append(f"iku{i:02d},2024,{5 if negatif else 84 + i % 9},,,{6 if negatif else ''},"
                         f"Keterangan nasional indikator {i:02d}")
    hasil["renstra.yaml"] = "\n".join(renstra) + "\n"
    hasil["renstra_target.csv"] = _csv("iku,tahun,target", target)
    hasil["perjanjian_kinerja.csv"] = _csv("iku,target", pk)
    hasil["realisasi_iku.csv"] = _csv(
        "iku,tahun,realisasi,pembilang,penyebut,realisasi_nasional,keterangan_nasional", realisasi)

    # Budget: 6 programs, 30 kegiatan (five per program), 400 sub kegiatan spread over the kegiatan;
    # every tenth sub kegiatan is run for a kelurahan (sub unit).
    program = [f"{_program(p)},Program {p:02d} Penyelenggaraan Pemerintahan dan Pelayanan Publik Kelurahan "
               f"Bagian {p:02d}" for p in range(1, JUMLAH_PROGRAM + 1)]
    anggaran, jumlah = [], {p: 0 for p in range(1, JUMLAH_PROGRAM + 1)}
    for s in range(1, JUMLAH_SUB + 1):
        g = (s - 1) * JUMLAH_KEGIATAN // JUMLAH_SUB + 1           # kegiatan 1..30
        p = (g - 1) * JUMLAH_PROGRAM // JUMLAH_KEGIATAN + 1        # program 1..6
        pagu = 10_000_000 + s * 12_500
        jumlah[p] += pagu
        sub_unit = f"Kelurahan Wiyungraya {s % JUMLAH_KELURAHAN + 1:02d}" if s % 10 == 0 else ""
        anggaran.append(f"{_program(p)},Kegiatan {g:02d} Koordinasi Penyelenggaraan Kegiatan Pemerintahan di "
                        f"Tingkat Kecamatan Nomor {g:02d},Sub Kegiatan {s:03d} Peningkatan Efektivitas Pelayanan "
                        f"Nomor {s:03d},{sub_unit},{pagu},{pagu - s * 1_000}")
    hasil["program.csv"] = _csv("kode,nama", program)
    hasil["anggaran.csv"] = _csv("program,kegiatan,sub_kegiatan,sub_unit,pagu,realisasi", anggaran)
    hasil["pk_anggaran.csv"] = _csv("program,anggaran,sumber_dana",
                                    [f"{_program(p)},{jumlah[p]},APBD" for p in jumlah])
    # Each IKU is served by one or two programs; every program serves some IKU.
    iku_program = []
    for i in range(1, JUMLAH_IKU + 1):
        iku_program.append(f"iku{i:02d},{_program((i - 1) % JUMLAH_PROGRAM + 1)}")
        if i % 4 == 0:
            iku_program.append(f"iku{i:02d},{_program(i % JUMLAH_PROGRAM + 1)}")
    hasil["iku_program.csv"] = _csv("iku,program", iku_program)

    # Analyses: several causes and solutions, a text per program and per kegiatan of the IKU's programs.
    for i in range(1, JUMLAH_IKU + 1, 3):
        p = (i - 1) % JUMLAH_PROGRAM + 1
        baris = [f"iku: iku{i:02d}", "penyebab:"]
        baris += [f"  - Penyebab {i:02d}.{n} belum seluruh petugas kelurahan memahami standar pelayanan terbaru"
                  for n in range(1, 7)]
        baris.append("solusi:")
        baris += [f"  - Solusi {i:02d}.{n} pendampingan dan pelatihan petugas pelayanan di setiap kelurahan"
                  for n in range(1, 6)]
        baris += ["analisis_program:",
                  f"  {_program(p)}: Analisis program {i:02d} mendukung pencapaian indikator melalui pelayanan terpadu."]
        baris.append("analisis_kegiatan:")
        for g in range((p - 1) * 5 + 1, p * 5 + 1):
            baris.append(f"  Kegiatan {g:02d} Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan "
                         f"Nomor {g:02d}: Analisis kegiatan {g:02d} untuk indikator {i:02d} berjalan sesuai rencana.")
        hasil[f"analisis/iku{i:02d}.yaml"] = "\n".join(baris) + "\n"

    wilayah, penduduk = [], []
    for n in range(1, JUMLAH_KELURAHAN + 1):
        wilayah.append(f"Kelurahan Wiyungraya {n:02d},{0.5 + n % 7 / 10:.2f}")
        penduduk.append(f"Kelurahan Wiyungraya {n:02d},{3000 + n * 17},{3100 + n * 13}")
    hasil["wilayah.csv"] = _csv("kelurahan,luas_km2", wilayah)
    hasil["penduduk.csv"] = _csv("kelurahan,laki_laki,perempuan", penduduk)

    for nama, b in NARASI.items():
        teks = []
        for bagian in b.bagian:
            if bagian != "awal":
                teks.append(f"<!-- {bagian} -->")
            teks += [f"Narasi {nama} bagian {bagian} untuk laporan tahun {{{{ tahun }}}}.", ""]
        hasil[f"narasi/{nama}.md"] = "\n".join(teks)
    return hasil


def tulis_unit_besar(akar: Path) -> Path:
    """Write data/skala (a copy of the project's) and data/wiyungraya/2024/ under `akar`; return the year folder."""
    shutil.copytree(SKALA_ASLI, akar / "skala")
    folder = akar / UNIT / str(TAHUN)
    for nama, isi in berkas().items():
        path = folder / nama
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(isi, encoding="utf-8")
    return folder


if __name__ == "__main__":  # python tests/unit_besar.py <folder>: write the data folder to look at it
    import sys

    print(tulis_unit_besar(Path(sys.argv[1])))
