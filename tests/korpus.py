"""The hostile-input corpus (issue 8, item 1): realistic faults a careless or hostile analyst makes,
each applied to a fresh copy of the example data, run through `lkjip check` (or `lkjip import`)
in this process, and judged against the promise: bad input never becomes a published report.

A bad input must give exit 2, one line `GALAT: <berkas>, baris N, kolom 'x': ...; ditemukan ...;
diharapkan ...` naming the file and the place, no traceback, no exit 3, nothing in English, an
invisible character shown by its code point (U+200B), and nothing written under the data root.

Each case declares its fault (a function applied to the copied data) and what the message must
contain. `python tests/korpus.py` runs every case and prints the tally and each case that falls
short, with the line the tool printed: the to-do list for the readers.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bantu import lkjip_di_sini

AKAR_PROYEK = Path(__file__).resolve().parent.parent
DATA = AKAR_PROYEK / "data"
DATA_TES = AKAR_PROYEK / "tests" / "data"
BATAS_WAKTU = 10  # seconds for a case run in its own process; a fixed tool takes 1-2 s
K = "kanigaran/2024"
BUKU = "masuk/buku.xlsx"  # the workbook, as the user names it on the command line (relative to cwd)

# Outcomes. JELAS is what every bad input must give; SAH_OK what an acceptable variant must give.
JELAS, TIDAK_JELAS, DITERIMA, KELUAR_3, TRACEBACK, BATAS, MENULIS, KELUAR_LAIN = (
    "galat jelas", "pesan tidak jelas", "diterima diam-diam (exit 0)", "exit 3 (GALAT INTERNAL)", "traceback",
    "melewati batas waktu", "menulis ke folder data", "exit lain")
SAH_OK, SAH_DITOLAK = "variasi sah diterima", "variasi sah ditolak"
BAIK = (JELAS, SAH_OK)

# Text that must never reach the user: Python's own words and English messages of the libraries.
ASING = re.compile(
    r"Traceback|GALAT INTERNAL|\b[A-Z]\w*(Error|Exception)\b|\bStopIteration\b|BadZipFile|InvalidFile"
    r"|Input should|Field required|Extra inputs|\bexpected\b|\bfound\b|\bwhile (scanning|parsing)\b"
    r"|could not|cannot|not allowed|\bunexpected\b|line contains|\bcharacter\b|\bconstructor\b|\bdid not\b"
    r"|larger than|field limit|expected after|new-line|\bdelimiter\b"
    r"|\\d\{")
# A message names a place: a row, a column, a YAML key, or a sheet of a workbook.
POSISI = re.compile(r"baris \d+|kolom [A-Z']|kunci '|lembar '")


@dataclass
class Konteks:
    """Where a case runs: `kerja` is the working folder (cwd), `akar` = kerja/data, `folder` the year."""

    kerja: Path
    akar: Path
    folder: Path

    @property
    def luar(self) -> Path:
        """A folder outside the data root, for files a symlink may point at."""
        p = self.kerja / "luar"
        p.mkdir(exist_ok=True)
        return p


@dataclass(frozen=True, repr=False)
class Kasus:
    id: str
    kategori: str
    rusak: Callable[[Konteks], list[str] | None]  # applies the fault; may return the argv to run
    berkas: str                                  # the file the message names (suffix of the path printed)
    posisi: tuple[str, ...] = ()                 # fragments naming the place: "baris 3", "kolom 'pagu'"
    temuan: str | tuple[str, ...] | None = None  # a fragment of what was found (any one of a tuple)
    kode_titik: str | None = None                # an invisible character, shown as e.g. "U+200B"
    tanpa_posisi: bool = False                   # a whole-file problem (missing file) has no row or key
    unit: str = "kanigaran"
    tahun: int = 2024
    terpisah: bool = False                       # run in its own process with a time limit
    tidak_boleh: tuple[str, ...] = ()            # must not be printed (contents of a file outside data/)
    sah: bool = False                            # an acceptable variant: exit 0 and `ada` in the output
    ada: tuple[str, ...] = ()
    catatan: str = ""

    def __repr__(self) -> str:
        return f"Kasus({self.id!r}, {self.kategori!r}, {self.berkas!r}, {self.posisi!r}, temuan={self.temuan!r})"

    def argv(self) -> list[str]:
        return ["check", "--data", "data", "--unit", self.unit, "--year", str(self.tahun)]


@dataclass
class Hasil:
    kasus: Kasus
    status: str
    kode: int | None
    keluaran: str
    alasan: str = ""
    baris: str = ""  # the line the tool printed that comes closest to the expected one
    detik: float = 0.0
    data_berubah: list[str] = field(default_factory=list)

    @property
    def baik(self) -> bool:
        return self.status in BAIK


# --- faults ----------------------------------------------------------------------------------

def _bita(x: str | bytes) -> bytes:
    return x.encode("utf-8") if isinstance(x, str) else x


def ganti(nama: str, lama: str | bytes, baru: str | bytes, semua: bool = False):
    """Replace the first (or every) `lama` in the year's file `nama` (bytes, so line ends stay)."""
    def f(c: Konteks):
        p = c.folder / nama
        isi = p.read_bytes()
        assert _bita(lama) in isi, f"{lama!r} tidak ada di {nama}"
        p.write_bytes(isi.replace(_bita(lama), _bita(baru), -1 if semua else 1))
    return f


def tulis(nama: str, isi: str | bytes):
    def f(c: Konteks):
        p = c.folder / nama
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(_bita(isi))
    return f


def tambah(nama: str, isi: str | bytes):
    def f(c: Konteks):
        with (c.folder / nama).open("ab") as berkas:
            berkas.write(_bita(isi))
    return f


def hapus(nama: str):
    def f(c: Konteks):
        p = c.folder / nama
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    return f


def ubah(nama: str, fungsi: Callable[[str], str]):
    """Rewrite the year's text file `nama` with `fungsi`."""
    def f(c: Konteks):
        p = c.folder / nama
        p.write_bytes(fungsi(p.read_bytes().decode("utf-8")).encode("utf-8"))
    return f


def berurutan(*langkah):
    def f(c: Konteks):
        argv = None
        for lk in langkah:
            hasil = lk(c)
            argv = hasil if isinstance(hasil, list) else argv
        return argv
    return f


def baris(nama: str, potongan: str, unit: str = K, akar: Path = DATA) -> str:
    """'baris N' of the first line of the original file containing `potongan`."""
    for n, teks in enumerate((akar / unit / nama).read_text(encoding="utf-8").splitlines(), start=1):
        if potongan in teks:
            return f"baris {n}"
    raise AssertionError(f"{potongan!r} tidak ada di {unit}/{nama}")


def B(nama: str) -> str:
    return f"{K}/{nama}"


def kol(nama: str) -> str:
    return f"kolom '{nama}'"


def kun(jalur: str) -> str:
    return f"kunci '{jalur}'"


def titik(c: str) -> str:
    return f"U+{ord(c):04X}"


# --- the cases -------------------------------------------------------------------------------

KASUS: list[Kasus] = []


def kasus(id: str, kategori: str, rusak, berkas: str, *posisi: str, **kw) -> None:
    assert id not in {k.id for k in KASUS}, id
    KASUS.append(Kasus(id, kategori, rusak, berkas, tuple(posisi), **kw))


A, P, W, PD, R, RT, PK, PA, IP = ("anggaran.csv", "program.csv", "wilayah.csv", "penduduk.csv", "realisasi_iku.csv",
                                  "renstra_target.csv", "perjanjian_kinerja.csv", "pk_anggaran.csv", "iku_program.csv")
U, L, RS, ORG, S = "unit.yaml", "laporan.yaml", "renstra.yaml", "organisasi.yaml", "sumber.yaml"
AN = "analisis/ikm.yaml"
NG = "narasi/bab1_geografi.md"
NI = "narasi/iku/ikm.md"
BARIS_PAGU = "penunjang,\"Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah\",Penyusunan Dokumen"
PAGU = ",9500000,9490000"
ADM = "Administrasi Keuangan Perangkat Daerah,Penyediaan Gaji"
CSV = "sintaks CSV"

# CSV syntax
kasus("csv-kutip-tidak-ditutup", CSV, ganti(P, "pelayanan_publik,Program", 'pelayanan_publik,"Program'), B(P),
      baris(P, "pelayanan_publik"), temuan="kutip")
kasus("csv-teks-sesudah-kutip", CSV, ganti(A, '"Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"',
                                           '"Perencanaan, Penganggaran" dan Evaluasi'), B(A), "baris 2",
      temuan="kutip")
kasus("csv-sel-lebih", CSV, ganti(A, ADM, "Administrasi Keuangan, Perangkat Daerah,Penyediaan Gaji"), B(A),
      baris(A, ADM), temuan="7 sel")
kasus("csv-sel-kurang", CSV, ganti(PD, "Curahgrinting,3027,3081", "Curahgrinting,3027"), B(PD), "baris 2",
      temuan="2 sel")
kasus("csv-koma-desimal-tanpa-kutip", CSV, ganti(R, "ikm,2024,80.25", "ikm,2024,80,25"), B(R),
      baris(R, "ikm,2024"), temuan="8 sel")
kasus("csv-titik-koma-semua", CSV, ubah(PD, lambda t: t.replace(",", ";")), B(PD), "baris 1",
      temuan="kelurahan;laki_laki;perempuan")
kasus("csv-titik-koma-satu-baris", CSV, ganti(W, "Kanigaran,3.43", "Kanigaran;3.43"), B(W),
      baris(W, "Kanigaran,"), temuan="1 sel")
kasus("csv-kepala-kurang-kolom", CSV, ganti(PD, "kelurahan,laki_laki,perempuan", "kelurahan,laki_laki"), B(PD),
      "baris 1", kol("perempuan"), temuan="tidak ada")
kasus("csv-kepala-kolom-asing", CSV, ganti(R, "keterangan_nasional", "keterangan"), B(R), "baris 1",
      kol("keterangan"), temuan="tidak dikenal")
kasus("csv-kepala-kolom-ganda", CSV, ganti(IP, "iku,program", "iku,iku"), B(IP), "baris 1", kol("iku"),
      temuan="ganda")
kasus("csv-kepala-salah-eja", CSV, ganti(A, "program,kegiatan,sub_kegiatan,sub_unit,pagu,realisasi",
                                         "program,kegiatan,sub_kegiatan,sub_unit,Pagu,realisasi"), B(A),
      "baris 1", kol("Pagu"), temuan="tidak dikenal")
kasus("csv-kepala-saja-program", CSV, tulis(P, "kode,nama\n"), B(P), temuan=("kosong", "tidak ada baris", "tanpa baris"),
      catatan="a table every link needs, with no rows: the error must name program.csv itself")
kasus("csv-kepala-saja-pk", CSV, tulis(PK, "iku,target\n"), B(PK), temuan=("kosong", "tidak ada baris", "tanpa baris"),
      catatan="no IKU in the Perjanjian Kinerja: a report of nothing")
kasus("csv-kepala-saja-anggaran", CSV, tulis(A, "program,kegiatan,sub_kegiatan,sub_unit,pagu,realisasi\n"), B(A),
      temuan=("kosong", "tidak ada baris", "tanpa baris"))
kasus("csv-kepala-saja-wilayah", CSV, tulis(W, "kelurahan,luas_km2\n"), B(W),
      temuan=("kosong", "tidak ada baris", "tanpa baris"))
kasus("csv-berkas-kosong", CSV, tulis(W, ""), B(W), "baris 1", temuan="kosong")
kasus("csv-berkas-kosong-realisasi", CSV, tulis(R, ""), B(R), "baris 1", temuan="kosong")
kasus("csv-hanya-baris-kosong", CSV, tulis(IP, "\n\n\n"), B(IP), "baris 1", temuan="kosong")
kasus("csv-bom-di-tengah-baris", CSV, ganti(A, "\npenunjang,Administrasi Umum", "\n\ufeffpenunjang,Administrasi Umum"),
      B(A), baris(A, "penunjang,Administrasi Umum"), kol("program"), temuan="penunjang", kode_titik="U+FEFF")
kasus("csv-bom-di-kepala-tengah", CSV, ganti(W, "kelurahan,luas_km2", "kelurahan,\ufeffluas_km2"), B(W), "baris 1",
      temuan="luas_km2", kode_titik="U+FEFF")
kasus("csv-koma-di-akhir-baris", CSV, ganti(A, PAGU, PAGU + ","), B(A), "baris 2", temuan="7 sel")
kasus("csv-koma-di-akhir-kepala", CSV, ganti(W, "kelurahan,luas_km2", "kelurahan,luas_km2,"), B(W), "baris 1",
      temuan=("''", "kosong"))
kasus("csv-baris-baru-di-kode", CSV, ganti(P, "pelayanan_publik,Program", '"pelayanan\n_publik",Program'), B(P),
      baris(P, "pelayanan_publik"), kol("kode"), temuan="pelayanan",
      catatan="a line break inside a quoted code: the message must stay one line")

# encodings
ENK = "penyandian"
kasus("latin1-di-csv", ENK, ganti(PD, "Kebonsari Wetan,3151", b"Kebons\xe1ri Wetan,3151"), B(PD),
      baris(PD, "Kebonsari Wetan"), temuan="0xe1")
kasus("cp1252-kutip-pintar-di-narasi", ENK, ganti(NG, "Kecamatan ini terletak", b"Kecamatan ini \x93terletak\x94"),
      B(NG), baris(NG, "Kecamatan ini terletak", ), temuan="0x93")
kasus("cp1252-di-yaml", ENK, ganti(U, "M. TAUFIK KURNIAWAN", b"M. TAUFIK KURNIAW\xc1N"), B(U),
      baris(U, "M. TAUFIK"), temuan="0xc1")
kasus("latin1-di-analisis", ENK, ganti(AN, "Kurangnya SDM", b"Kurangnya SDM \xb7"), B(AN),
      baris(AN, "Kurangnya SDM"), temuan="0xb7")
kasus("utf16-csv", ENK, lambda c: (c.folder / P).write_bytes((c.folder / P).read_text("utf-8").encode("utf-16")),
      B(P), "baris 1", temuan=("UTF-16", "0xff"))
kasus("utf16-yaml", ENK, lambda c: (c.folder / L).write_bytes((c.folder / L).read_text("utf-8").encode("utf-16")),
      B(L), "baris 1", temuan=("UTF-16", "0xff"))
kasus("utf16le-tanpa-bom-narasi", ENK, lambda c: (c.folder / "narasi/kata_pengantar.md").write_bytes(
    (c.folder / "narasi/kata_pengantar.md").read_text("utf-8").encode("utf-16-le")), B("narasi/kata_pengantar.md"),
      "baris 1", temuan=("UTF-16", "U+0000"), catatan="valid UTF-8 full of NUL characters")
kasus("nul-di-angka", ENK, ganti(A, PAGU, ",95\x0000000,9490000"), B(A), "baris 2", kol("pagu"), kode_titik="U+0000")
kasus("nul-di-teks-csv", ENK, ganti(A, "Penyediaan Gaji", "Penyediaan\x00 Gaji"), B(A), baris(A, "Penyediaan Gaji"),
      kol("sub_kegiatan"), kode_titik="U+0000")
kasus("nul-di-yaml", ENK, ganti(U, "nama: Kecamatan Kanigaran", "nama: Kecamatan\x00 Kanigaran"), B(U),
      baris(U, "nama: Kecamatan"), kode_titik="U+0000")
kasus("nul-di-narasi", ENK, ganti(NG, "Kecamatan ini terletak", "Kecamatan ini\x00 terletak"), B(NG),
      baris(NG, "Kecamatan ini terletak"), kode_titik="U+0000")
kasus("zwsp-di-angka", ENK, ganti(A, PAGU, ",9500\u200b000,9490000"), B(A), "baris 2", kol("pagu"),
      kode_titik="U+200B")
kasus("zwsp-di-kode-csv", ENK, ganti(IP, "ikm,pelayanan_publik", "ikm\u200b,pelayanan_publik"), B(IP),
      baris(IP, "ikm,pelayanan_publik"), kol("iku"), kode_titik="U+200B")
kasus("zwsp-di-nama-kelurahan", ENK, ganti(PD, "Kanigaran,10502", "Kanigaran\u200b,10502"), B(PD),
      baris(PD, "Kanigaran,10502"), kol("kelurahan"), kode_titik="U+200B")
kasus("zwsp-di-kode-yaml", ENK, ganti(RS, "  - kode: ikm\n", "  - kode: ikm\u200b\n"), B(RS),
      baris(RS, "  - kode: ikm"), kun("iku[0].kode"), kode_titik="U+200B")
kasus("zwsp-di-angka-yaml", ENK, ganti(L, "luas_km2: 10.65", "luas_km2: 10.65\u200b"), B(L),
      baris(L, "luas_km2"), kun("dinyatakan.luas_km2"), kode_titik="U+200B")
kasus("zwsp-di-tahun", ENK, ganti(R, "ikm,2024,", "ikm,2024\u200b,"), B(R), baris(R, "ikm,2024"), kol("tahun"),
      kode_titik="U+200B")
kasus("nbsp-pemisah-ribuan", ENK, ganti(A, PAGU, ",9\u00a0500\u00a0000,9490000"), B(A), "baris 2", kol("pagu"),
      kode_titik="U+00A0")
kasus("nbsp-di-kode", ENK, ganti(PA, "pelayanan_publik,", "pelayanan\u00a0publik,"), B(PA),
      baris(PA, "pelayanan_publik"), kol("program"), kode_titik="U+00A0")
kasus("nbsp-di-nama-kelurahan", ENK, ganti(PD, "Kebonsari Wetan", "Kebonsari\u00a0Wetan"), B(PD),
      baris(PD, "Kebonsari Wetan"), kol("kelurahan"), kode_titik="U+00A0",
      catatan="looks identical to the name in wilayah.csv")
kasus("bom-di-angka", ENK, ganti(PK, "ikm,84.5", "ikm,\ufeff84.5"), B(PK), baris(PK, "ikm,84.5"), kol("target"),
      kode_titik="U+FEFF")
kasus("bom-di-kode-yaml", ENK, ganti(RS, "sasaran: kualitas_pelayanan", "sasaran: kualitas_pelayanan\ufeff"), B(RS),
      baris(RS, "sasaran: kualitas_pelayanan"), kode_titik="U+FEFF")
kasus("escape-ansi-di-teks-csv", ENK, ganti(P, "Program Pemberdayaan", "\x1b[31mProgram Pemberdayaan"), B(P),
      baris(P, "Program Pemberdayaan"), kol("nama"), kode_titik="U+001B")
kasus("bel-di-teks-csv", ENK, ganti(A, "Penyediaan Gaji", "Penyediaan\x07Gaji"), B(A), baris(A, "Penyediaan Gaji"),
      kol("sub_kegiatan"), kode_titik="U+0007")
kasus("rlo-di-nama-program", ENK, ganti(P, "Program Penyelenggaraan Urusan", "Program \u202eUrusan"), B(P),
      baris(P, "Program Penyelenggaraan Urusan"), kol("nama"), kode_titik="U+202E",
      catatan="a right-to-left override reverses what the reader sees (Trojan source)")
kasus("shy-di-kode", ENK, ganti(PK, "kelompok_lembaga,45", "kelompok\u00ad_lembaga,45"), B(PK),
      baris(PK, "kelompok_lembaga"), kol("iku"), kode_titik="U+00AD")
kasus("zwsp-di-nilai-yaml-teks", ENK, ganti(U, "nama_singkat: Kanigaran", "nama_singkat: Kani\u200bgaran"), B(U),
      baris(U, "nama_singkat"), kun("nama_singkat"), kode_titik="U+200B")
kasus("escape-ansi-di-yaml", ENK, ganti(U, "kota: Probolinggo", 'kota: "Probo\\e[2Jlinggo"'), B(U),
      baris(U, "kota:"), kun("kota"), kode_titik="U+001B",
      catatan="a YAML escape \\e gives ESC in a valid file: control characters must be refused after parsing too")

# types and ranges
TIP = "jenis dan rentang"
kasus("ribuan-titik", TIP, ganti(A, PAGU, ",9.500.000,9490000"), B(A), "baris 2", kol("pagu"), temuan="9.500.000")
kasus("ribuan-koma-berkutip", TIP, ganti(A, PAGU, ',"9,500,000",9490000'), B(A), "baris 2", kol("pagu"),
      temuan="9,500,000")
kasus("koma-desimal", TIP, ganti(R, "ikm,2024,80.25", 'ikm,2024,"80,25"'), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="80,25")
kasus("rp-di-angka", TIP, ganti(PA, "9869874278", "Rp 9.869.874.278"), B(PA), baris(PA, "9869874278"),
      kol("anggaran"), temuan="Rp 9.869.874.278")
kasus("pagu-negatif", TIP, ganti(A, PAGU, ",-9500000,9490000"), B(A), "baris 2", kol("pagu"), temuan="-9500000")
kasus("realisasi-anggaran-negatif", TIP, ganti(A, PAGU, ",9500000,-9490000"), B(A), "baris 2", kol("realisasi"),
      temuan="-9490000")
kasus("pagu-30-digit", TIP, ganti(A, PAGU, ",950000000000000000000000000000,9490000"), B(A), "baris 2", kol("pagu"),
      temuan="950000000000000000000000000000", catatan="money must stay below a sane bound (10^15 rupiah)")
kasus("pagu-10-pangkat-25", TIP, ganti(A, PAGU, ",10000000000000000000000000,9490000"), B(A), "baris 2",
      kol("pagu"), temuan="10000000000000000000000000")
kasus("anggaran-pk-10-pangkat-16", TIP, ganti(PA, "9869874278", "10000000000000000"), B(PA),
      baris(PA, "9869874278"), kol("anggaran"), temuan="10000000000000000")
kasus("realisasi-40-digit", TIP, ganti(R, "ikm,2024,80.25", "ikm,2024," + "8" * 40), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="8888888888")
kasus("target-40-digit", TIP, ganti(PK, "ikm,84.5", "ikm," + "9" * 40), B(PK), baris(PK, "ikm,84.5"),
      kol("target"), temuan="9999999999")
kasus("penduduk-30-digit", TIP, ganti(PD, "Curahgrinting,3027", "Curahgrinting," + "3" * 30), B(PD), "baris 2",
      kol("laki_laki"), temuan="3333333333")
kasus("realisasi-1e400", TIP, ganti(R, "ikm,2024,80.25", "ikm,2024,1e400"), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="1e400")
kasus("realisasi-nan", TIP, ganti(R, "ikm,2024,80.25", "ikm,2024,nan"), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="nan")
kasus("realisasi-inf", TIP, ganti(R, "ikm,2024,80.25", "ikm,2024,inf"), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="inf")
kasus("target-minus-infinity", TIP, ganti(RT, "ikm,2024,84.5", "ikm,2024,-Infinity"), B(RT),
      baris(RT, "ikm,2024"), kol("target"), temuan="-Infinity")
kasus("luas-negatif", TIP, ganti(W, "Kanigaran,3.43", "Kanigaran,-3.43"), B(W), baris(W, "Kanigaran,"),
      kol("luas_km2"), temuan="-3.43")
kasus("luas-nol", TIP, ganti(W, "Kanigaran,3.43", "Kanigaran,0"), B(W), baris(W, "Kanigaran,"), kol("luas_km2"),
      temuan="0")
kasus("penduduk-negatif", TIP, ganti(PD, "Curahgrinting,3027", "Curahgrinting,-3027"), B(PD), "baris 2",
      kol("laki_laki"), temuan="-3027")
kasus("penduduk-pecahan", TIP, ganti(PD, "Curahgrinting,3027", "Curahgrinting,3027.5"), B(PD), "baris 2",
      kol("laki_laki"), temuan="3027.5")
kasus("persen-sebagai-teks", TIP, ganti(R, "ikm,2024,80.25", "ikm,2024,95%"), B(R), baris(R, "ikm,2024"),
      kol("realisasi"), temuan="95%")
kasus("target-negatif", TIP, ganti(PK, "ikm,84.5", "ikm,-84.5"), B(PK), baris(PK, "ikm,84.5"), kol("target"),
      temuan="-84.5", catatan="a negative target gives a negative capaian")
kasus("pembilang-lebih-dari-penyebut-negatif", TIP, ganti(R, "ikm,2024,80.25,,", "ikm,2024,80.25,-5,10"), B(R),
      baris(R, "ikm,2024"), kol("pembilang"), temuan="-5")
kasus("tahun-dua-digit", TIP, ganti(R, "ikm,2024,", "ikm,24,"), B(R), baris(R, "ikm,2024"), kol("tahun"),
      temuan="24")
kasus("tahun-huruf-o", TIP, ganti(RT, "ikm,2024,84.5", "ikm,2O24,84.5"), B(RT), baris(RT, "ikm,2024"),
      kol("tahun"), temuan="2O24")
kasus("tahun-di-luar-renstra", TIP, ganti(RT, "ikm,2024,84.5", "ikm,2099,84.5"), B(RT), baris(RT, "ikm,2024"),
      kol("tahun"), temuan="2099")
kasus("target-nol", TIP, ganti(PK, "ikm,84.5", "ikm,0"), B(PK), baris(PK, "ikm,84.5"), kol("target"), temuan="0")
kasus("penyebut-nol", TIP, ganti(R, "ikm,2024,80.25,,", "ikm,2024,80.25,5,0"), B(R), baris(R, "ikm,2024"),
      kol("penyebut"), temuan="0")
kasus("pembilang-tanpa-penyebut", TIP, ganti(R, "ikm,2024,80.25,,", "ikm,2024,80.25,5,"), B(R),
      baris(R, "ikm,2024"), kol("penyebut"), temuan="kosong")
kasus("tanggal-bulan-13", TIP, ganti(L, "tanggal_laporan: 2025-01", "tanggal_laporan: 2025-13"), B(L),
      baris(L, "tanggal_laporan"), kun("tanggal_laporan"), temuan="2025-13")
kasus("tanggal-2024-13-01", TIP, ganti(L, "tanggal_laporan: 2025-01", "tanggal_laporan: 2024-13-01"), B(L),
      baris(L, "tanggal_laporan"), kun("tanggal_laporan"), temuan="2024-13-01",
      catatan="PyYAML's timestamp constructor raises ValueError inside safe_load")
kasus("tanggal-lengkap", TIP, ganti(L, "tanggal: 2024-11", "tanggal: 2024-11-15"), B(L),
      baris(L, "  tanggal: 2024-11"), kun("perjanjian_kinerja.tanggal"), temuan="2024-11-15")
kasus("tanggal-bulan-00", TIP, ganti(L, "tanggal_laporan: 2025-01", "tanggal_laporan: 2025-00"), B(L),
      baris(L, "tanggal_laporan"), kun("tanggal_laporan"), temuan="2025-00")
kasus("tanggal-teks", TIP, ganti(L, "tanggal_laporan: 2025-01", "tanggal_laporan: Januari 2025"), B(L),
      baris(L, "tanggal_laporan"), kun("tanggal_laporan"), temuan="Januari 2025")
kasus("yaml-teks-untuk-angka", TIP, ganti(U, "ketinggian_mdpl: 9", "ketinggian_mdpl: sembilan"), B(U),
      baris(U, "ketinggian_mdpl"), kun("geografi.ketinggian_mdpl"), temuan="sembilan")
kasus("yaml-inf", TIP, ganti(U, "ketinggian_mdpl: 9", "ketinggian_mdpl: .inf"), B(U), baris(U, "ketinggian_mdpl"),
      kun("geografi.ketinggian_mdpl"), temuan=(".inf", "inf"))
kasus("yaml-nan", TIP, ganti(L, "luas_km2: 10.65", "luas_km2: .nan"), B(L), baris(L, "luas_km2"),
      kun("dinyatakan.luas_km2"), temuan=(".nan", "nan", "NaN"))
kasus("yaml-1e400", TIP, ganti(L, "luas_km2: 10.65", "luas_km2: 1e400"), B(L), baris(L, "luas_km2"),
      kun("dinyatakan.luas_km2"), temuan="1e400")
kasus("yaml-tahun-pecahan", TIP, ganti(RS, "tahun_awal: 2019", "tahun_awal: 2019.5"), B(RS),
      baris(RS, "tahun_awal"), kun("tahun_awal"), temuan="2019.5")
kasus("yaml-tahun-teks", TIP, ganti(RS, "tahun_awal: 2019", "tahun_awal: dua ribu sembilan belas"), B(RS),
      baris(RS, "tahun_awal"), kun("tahun_awal"), temuan="dua ribu")
kasus("yaml-tahun-akhir-sebelum-awal", TIP, ganti(RS, "tahun_awal: 2019", "tahun_awal: 2030"), B(RS),
      temuan="2030")
kasus("yaml-batas-capaian-negatif", TIP, ganti(L, "batas_capaian:", "batas_capaian: -5"), B(L),
      baris(L, "batas_capaian"), kun("metode.batas_capaian"), temuan="-5")
kasus("yaml-ya-tidak-untuk-teks", TIP, ganti(U, "kota: Probolinggo", "kota: yes"), B(U), baris(U, "kota:"),
      kun("kota"), temuan="yes", catatan="YAML 1.1 reads yes as true; the analyst wrote 'yes'")
kasus("yaml-no-untuk-teks", TIP, ganti(U, "nama_singkat: Kanigaran", "nama_singkat: no"), B(U),
      baris(U, "nama_singkat"), kun("nama_singkat"), temuan="no")
kasus("yaml-on-untuk-kode", TIP, ganti(RS, "tujuan: kualitas_pelayanan", "tujuan: on"), B(RS),
      baris(RS, "tujuan: kualitas_pelayanan"), kun("sasaran[0].tujuan"), temuan="on")
kasus("yaml-nip-oktal", TIP, ganti(U, 'nip: "19700103 199503 1 001"', "nip: 01234567"), B(U), baris(U, "nip:"),
      kun("kepala.nip"), temuan="01234567", catatan="YAML 1.1 reads 01234567 as the octal number 342391")
kasus("yaml-angka-untuk-teks", TIP, ganti(U, "jenis: Kecamatan", "jenis: 12"), B(U), baris(U, "jenis:"),
      kun("jenis"), temuan="12")
kasus("yaml-polaritas-salah", TIP, ganti(RS, "polaritas: positif", "polaritas: Positif"), B(RS),
      baris(RS, "polaritas"), kun("iku[0].polaritas"), temuan="Positif")
kasus("yaml-metode-tidak-dikenal", TIP, ganti(L, "\n  efisiensi: capaian-per-serapan", "\n  efisiensi: rasio"), B(L),
      baris(L, "  efisiensi:"), kun("metode.efisiensi"), temuan="rasio")
kasus("skala-pita-tidak-menurun", TIP,
      lambda c: (c.akar / "skala/perwali-kota-probolinggo-30-2020.yaml").write_text(
          (c.akar / "skala/perwali-kota-probolinggo-30-2020.yaml").read_text("utf-8").replace(
              "Memuaskan, lebih_dari: 80", "Memuaskan, lebih_dari: 95"), "utf-8"),
      "skala/perwali-kota-probolinggo-30-2020.yaml", temuan="95")
kasus("nol-untuk-iku-negatif", TIP, berurutan(
    ganti("renstra.yaml", "    satuan: indeks\n    polaritas: positif", "    satuan: indeks\n    polaritas: negatif\n"
          "    rumus_capaian_negatif: target-per-realisasi"),
    ganti(R, "ikm,2024,80.25", "ikm,2024,0")), "", sah=True, ada=("Indeks Kepuasan Masyarakat: target 84,5, realisasi 0,"
                                                                   " capaian - (",),
      catatan="realisasi 0 of a lower-is-better IKU with target/realisasi: no division by zero, '-' and the reason")
kasus("realisasi-melebihi-pagu", TIP, ganti(A, PAGU, ",9500000,9600000"), B(A), "baris 2", temuan="9.600.000",
      sah=True, ada=("PERINGATAN: ", "anggaran.csv, baris 2", "realisasi melebihi pagu"),
      catatan="intended as a warning (hitung/beda_sumber.py), not an error")

# keys
KUN = "kunci"
kasus("iku-tidak-dikenal-iku-program", KUN, ganti(IP, "kelompok_lembaga,pemberdayaan", "kelompok_lembga,pemberdayaan"),
      B(IP), baris(IP, "kelompok_lembaga"), kol("iku"), temuan="kelompok_lembga")
kasus("iku-tidak-dikenal-realisasi", KUN, ganti(R, "ikm,2023", "ikm_lama,2023"), B(R), baris(R, "ikm,2023"),
      kol("iku"), temuan="ikm_lama")
kasus("iku-tidak-dikenal-pk", KUN, ganti(PK, "ikm,84.5", "ikm-2024,84.5"), B(PK), baris(PK, "ikm,84.5"), kol("iku"),
      temuan="ikm-2024")
kasus("iku-tidak-dikenal-renstra-target", KUN, ganti(RT, "ikm,2020", "imk,2020"), B(RT), baris(RT, "ikm,2020"),
      kol("iku"), temuan="imk")
kasus("iku-huruf-besar", KUN, ganti(PK, "ikm,84.5", "IKM,84.5"), B(PK), baris(PK, "ikm,84.5"), kol("iku"),
      temuan="IKM")
kasus("program-ganda", KUN, tambah(P, "penunjang,Program Penunjang Lagi\n"), B(P), "baris 6", kol("kode"),
      temuan="penunjang")
kasus("anggaran-baris-ganda", KUN, lambda c: tambah(A, (c.folder / A).read_text("utf-8").splitlines()[1] + "\n")(c),
      B(A), "baris 39", temuan="penunjang, Perencanaan")
kasus("realisasi-ganda", KUN, tambah(R, "ikm,2024,81,,,,\n"), B(R), "baris 8", temuan="ikm, 2024")
kasus("pk-ganda", KUN, tambah(PK, "ikm,85\n"), B(PK), "baris 5", kol("iku"), temuan="ikm")
kasus("penduduk-kelurahan-ganda", KUN, tambah(PD, "Kanigaran,1,1\n"), B(PD), "baris 8", kol("kelurahan"),
      temuan="Kanigaran")
kasus("renstra-iku-ganda", KUN, ganti(RS, "  - kode: nilai_tata_kelola", "  - kode: ikm"), B(RS),
      baris(RS, "- kode: nilai_tata_kelola"), kun("iku[1].kode"), temuan="ikm")
kasus("renstra-sasaran-ganda", KUN, ganti(RS, "  - kode: kemampuan_kelompok", "  - kode: kualitas_pelayanan"),
      B(RS), baris(RS, "- kode: kemampuan_kelompok"), kun("sasaran[1].kode"), temuan="kualitas_pelayanan")
kasus("yaml-kunci-wajib-hilang", KUN, ganti(U, "kota: Probolinggo\n", ""), B(U), kun("kota"), temuan="tidak ada")
kasus("yaml-kunci-wajib-bersarang-hilang", KUN, ganti(U, "    selatan: Kecamatan Kedopok Kota Probolinggo\n", ""),
      B(U), kun("geografi.batas.selatan"), temuan="tidak ada")
kasus("yaml-kunci-salah-eja", KUN, ganti(U, "nama_singkat:", "nama_singakt:"), B(U), baris(U, "nama_singkat"),
      kun("nama_singakt"), temuan="nama_singakt")
kasus("yaml-kunci-salah-eja-bersarang", KUN, ganti(L, "skala_predikat:", "skala_predicat:"), B(L),
      baris(L, "skala_predikat"), kun("metode.skala_predicat"), temuan="skala_predicat")
kasus("yaml-kunci-ganda", KUN, ganti(U, "nama_singkat: Kanigaran\n", "nama_singkat: Kanigaran\nnama: Kanigaran Baru\n"),
      B(U), "baris 9", kun("nama"), temuan="nama")
kasus("yaml-kunci-ganda-bersarang", KUN, ganti(L, "  tingkat_kemajuan: selisih\n",
                                               "  tingkat_kemajuan: selisih\n  efisiensi: selisih\n"), B(L),
      "baris 22", kun("metode.efisiensi"), temuan="efisiensi")
kasus("yaml-kunci-huruf-besar", KUN, ganti(U, "kode: kanigaran", "Kode: kanigaran"), B(U), baris(U, "kode: kanigaran"),
      kun("Kode"), temuan="Kode")
kasus("kode-unit-beda-folder", KUN, ganti(U, "kode: kanigaran", "kode: kanigaran2"), B(U),
      baris(U, "kode: kanigaran"), kun("kode"), temuan="kanigaran2")
kasus("analisis-iku-beda-nama-berkas", KUN, ganti(AN, "iku: ikm", "iku: administrasi_perkantoran"), B(AN),
      baris(AN, "iku: ikm"), kun("iku"), temuan="administrasi_perkantoran")
kasus("sumber-kunci-tidak-dikenal", KUN, ganti(S, "penduduk:", "pendudukk:"), B(S), baris(S, "penduduk:"),
      kun("pendudukk"), temuan="pendudukk")

# links between files
RUJ = "rujukan"
kasus("anggaran-program-tidak-ada", RUJ, ganti(A, "pemerintahan_umum,", "pemerintahan,"), B(A),
      baris(A, "pemerintahan_umum,"), kol("program"), temuan="pemerintahan")
kasus("pk-anggaran-program-tidak-ada", RUJ, ganti(PA, "pemberdayaan,", "pemberdayaan_masyarakat,"), B(PA),
      baris(PA, "pemberdayaan,"), kol("program"), temuan="pemberdayaan_masyarakat")
kasus("iku-program-program-tidak-ada", RUJ, ganti(IP, "ikm,pelayanan_publik", "ikm,pelayanan"), B(IP),
      baris(IP, "ikm,pelayanan_publik"), kol("program"), temuan="pelayanan")
kasus("iku-sasaran-tidak-ada", RUJ, ganti(RS, "    sasaran: manajemen_perkantoran", "    sasaran: manajemen"), B(RS),
      baris(RS, "    sasaran: manajemen_perkantoran"), kun("iku[2].sasaran"), temuan="manajemen")
kasus("sasaran-tujuan-tidak-ada", RUJ, ganti(RS, "    tujuan: perlindungan_masyarakat",
                                             "    tujuan: perlindungan"), B(RS),
      baris(RS, "    tujuan: perlindungan_masyarakat"), kun("sasaran[1].tujuan"), temuan="perlindungan")
kasus("skala-tidak-ada", RUJ, ganti(L, "skala_predikat: perwali-kota-probolinggo-30-2020",
                                    "skala_predikat: perwali-30-2020"), B(L), baris(L, "skala_predikat:"),
      kun("metode.skala_predikat"), temuan="perwali-30-2020")
kasus("skala-jalur-keluar", RUJ, ganti(L, "skala_predikat: perwali-kota-probolinggo-30-2020",
                                       "skala_predikat: ../kanigaran/2024/laporan"), B(L), baris(L, "skala_predikat:"),
      kun("metode.skala_predikat"), temuan="../kanigaran/2024/laporan",
      catatan="a scale name with '..' reads another YAML file as the scale")
kasus("analisis-program-tidak-tertaut", RUJ, ganti(AN, "  pemerintahan_umum:", "  pemberdayaan:"), B(AN),
      baris(AN, "  pemerintahan_umum:"), kun("analisis_program.pemberdayaan"), temuan="pemberdayaan")
kasus("analisis-kegiatan-tidak-ada", RUJ, ganti(AN, "analisis_kegiatan: {}", "analisis_kegiatan:\n  Kegiatan Fiktif: x"),
      B(AN), f"baris {int(baris(AN, 'analisis_kegiatan').split()[1]) + 1}", kun("analisis_kegiatan.Kegiatan Fiktif"),
      temuan="Kegiatan Fiktif")
kasus("narasi-iku-tidak-di-pk", RUJ, lambda c: shutil.copy(c.folder / NI, c.folder / "narasi/iku/nilai_tata_kelola.md"),
      B("narasi/iku/nilai_tata_kelola.md"), "baris 1", temuan="nilai_tata_kelola")
kasus("analisis-iku-tidak-di-pk", RUJ, lambda c: (c.folder / "analisis/nilai_tata_kelola.yaml").write_text(
    "iku: nilai_tata_kelola\n", "utf-8"), B("analisis/nilai_tata_kelola.yaml"), "baris 1", temuan="nilai_tata_kelola")
kasus("penduduk-kelurahan-tidak-di-wilayah", RUJ, ganti(PD, "Sukoharjo,", "Sukohardjo,"), B(PD),
      baris(PD, "Sukoharjo,"), kol("kelurahan"), temuan="Sukohardjo")
kasus("realisasi-iku-pk-hilang", RUJ, ganti(R, "kelompok_lembaga,2024,100,576,576,,Indikator tidak diukur secara nasional\n",
                                            ""), B(R), kol("realisasi"), temuan="kelompok_lembaga")

# YAML syntax and structure
YML = "sintaks YAML"
kasus("yaml-tab", YML, ganti(U, "  ketinggian_mdpl: 9", "\tketinggian_mdpl: 9"), B(U), baris(U, "ketinggian_mdpl"),
      temuan=("tab", "U+0009"))
kasus("yaml-kurung-tidak-ditutup", YML, ganti(U, "permasalahan:\n", "permasalahan: [satu, dua\nx:\n"), B(U),
      temuan="[")
kasus("yaml-kurawal-tidak-ditutup", YML, ganti(L, "tempat: Probolinggo", "tempat: {kota: Probolinggo"), B(L),
      temuan="{")
kasus("yaml-kutip-tidak-ditutup", YML, ganti(U, "nama: Kecamatan Kanigaran", 'nama: "Kecamatan Kanigaran'), B(U),
      baris(U, "nama: Kecamatan"), temuan='"')
kasus("yaml-titik-dua-di-nilai", YML, ganti(U, "jenis: Kecamatan", "jenis: Kecamatan: Kota"), B(U),
      baris(U, "jenis:"), temuan=":")
kasus("yaml-indentasi-salah", YML, ganti(U, "  suhu_min: 24", "   suhu_min: 24"), B(U), baris(U, "suhu_min"),
      temuan=("indentasi", "suhu_min"))
kasus("yaml-daftar-untuk-pemetaan", YML, ganti(U, "  batas:\n", "  batas:\n    - Mayangan\n  batas_lama:\n"), B(U),
      kun("geografi.batas"), temuan="daftar")
kasus("yaml-pemetaan-untuk-daftar", YML, ganti(U, "permasalahan:\n", "permasalahan:\n  satu: dua\nlama:\n"), B(U),
      kun("permasalahan"), temuan=("pemetaan", "satu"))
kasus("yaml-daftar-untuk-teks", YML, ganti(U, "nama: Kecamatan Kanigaran", "nama: [Kecamatan, Kanigaran]"), B(U),
      baris(U, "nama: Kecamatan"), kun("nama"), temuan=("daftar", "Kecamatan"))
kasus("yaml-teks-untuk-daftar", YML, ganti(U, "permasalahan:\n  - >-", "permasalahan: satu masalah\nx:\n  - >-"),
      B(U), kun("permasalahan"), temuan="satu masalah")
kasus("yaml-akar-daftar", YML, tulis(L, "- tempat: Probolinggo\n"), B(L), "baris 1", temuan="daftar")
kasus("yaml-akar-teks", YML, tulis(ORG, "struktur organisasi menyusul\n"), B(ORG), "baris 1", temuan="struktur organisasi")
kasus("yaml-berkas-kosong", YML, tulis(U, ""), B(U), temuan="kosong", tanpa_posisi=True)
kasus("yaml-berkas-komentar-saja", YML, tulis(L, "# diisi nanti\n"), B(L), temuan="kosong", tanpa_posisi=True)
kasus("yaml-nilai-null", YML, ganti(U, "nama: Kecamatan Kanigaran", "nama: null"), B(U), baris(U, "nama: Kecamatan"),
      kun("nama"), temuan=("kosong", "null"))
kasus("yaml-anchor-alias", YML, ganti(U, "nama: Kecamatan Kanigaran\nnama_singkat: Kanigaran",
                                      "nama: &n Kecamatan Kanigaran\nnama_singkat: *n"), B(U),
      baris(U, "nama: Kecamatan"), kun("nama"), temuan=("&n", "anchor"),
      catatan="issue 8: anchors and aliases refused, named at the anchor (the first of the two)")
kasus("yaml-merge-key", YML, ganti(U, "atasan:\n", "atasan:\n  <<: {pangkat: Pembina}\n"), B(U), temuan="<<")
kasus("yaml-tag-python-object", YML, ganti(U, "kota: Probolinggo", "kota: !!python/object/apply:os.system [\"true\"]"),
      B(U), baris(U, "kota:"), temuan="!!python")
kasus("yaml-tag-python-name", YML, ganti(L, "tempat: Probolinggo", "tempat: !!python/name:os.getcwd"), B(L),
      baris(L, "tempat:"), temuan="!!python")
kasus("yaml-tag-lokal", YML, ganti(U, "kota: Probolinggo", "kota: !include kota.yaml"), B(U), baris(U, "kota:"),
      temuan="!include")
kasus("yaml-tag-binary", YML, ganti(U, "kota: Probolinggo", "kota: !!binary AAEC"), B(U), baris(U, "kota:"),
      kun("kota"), temuan=("!!binary", "AAEC"))
kasus("yaml-dokumen-ganda", YML, tambah(L, "---\ntempat: Lain\n"), B(L), "baris 27", temuan="---")
kasus("yaml-sangat-dalam", YML, ganti(U, "permasalahan:\n", "permasalahan: " + "[" * 3000 + "]" * 3000 + "\nx:\n"),
      B(U), baris(U, "permasalahan:"), temuan=("kedalaman", "bersarang", "["),
      catatan="3000 nested brackets: RecursionError in PyYAML's composer")
kasus("yaml-karakter-kendali", YML, ganti(AN, "Kurangnya SDM", "Kurangnya\x0c SDM"), B(AN),
      baris(AN, "Kurangnya SDM"), kode_titik="U+000C")
kasus("yaml-kunci-bukan-teks", YML, ganti(AN, "  pemerintahan_umum:", "  2024:"), B(AN),
      baris(AN, "  pemerintahan_umum:"), temuan="2024")
kasus("yaml-kunci-kompleks", YML, ganti(S, "penduduk:", "? [penduduk, x]\n:"), B(S), temuan="penduduk")


def _tawa_miliaran(c: Konteks) -> None:
    """A 'billion laughs' YAML: ten levels of ten aliases each, about 20 KB with the padding."""
    bagian = ['lol0: &l0 ["' + "ha" * 4000 + '"]']
    for i in range(1, 10):
        bagian.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    (c.folder / "sumber.yaml").write_text("\n".join(bagian) + "\npenduduk: *l9\n", encoding="utf-8")


kasus("yaml-tawa-miliaran", YML, _tawa_miliaran, B(S), temuan=("alias", "*l"), terpisah=True,
      catatan="must finish quickly: aliases refused or their expansion bounded")

# placeholders in prose
PEN = "penanda narasi"
TERLETAK = "Kecamatan ini terletak"
kasus("penanda-tidak-dikenal", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ nama_kecamatan }} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="nama_kecamatan")
kasus("penanda-tidak-ditutup", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ tahun terletak"), B(NG),
      baris(NG, TERLETAK), temuan="{{")
kasus("penanda-ditutup-sebelah", PEN, ganti(NG, TERLETAK, "Kecamatan ini { tahun }} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="}}")
kasus("penanda-filter-tidak-ada", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ tahun | huruf }} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="huruf")
kasus("penanda-filter-tidak-cocok", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ unit.nama | rp }} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="rp")
kasus("penanda-atribut-python", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ unit.__class__ }} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="__class__")
kasus("penanda-kurawal-tiga", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{{ tahun }}} terletak"), B(NG),
      baris(NG, TERLETAK), temuan="{{{")
kasus("penanda-jinja-blok", PEN, ganti(NG, TERLETAK, "Kecamatan ini {% if tahun %}terletak{% endif %}"), B(NG),
      baris(NG, TERLETAK), temuan="{%")
kasus("penanda-daftar-di-tengah-kalimat", PEN, ganti(NG, TERLETAK, "Kecamatan ini {{ daftar.kelurahan }} terletak"),
      B(NG), baris(NG, TERLETAK), temuan="daftar.kelurahan")
kasus("penanda-di-sumber", PEN, ganti(S, "Tahun {{ tahun }}", "Tahun {{ tahun_anggaran }}"), B(S),
      baris(S, "Tahun {{ tahun }}"), temuan="tahun_anggaran")
kasus("penanda-di-analisis", PEN, ganti(AN, "{{ tahun_berikut }}", "{{ tahun_depan }}"), B(AN),
      baris(AN, "{{ tahun_berikut }}"), temuan="tahun_depan")
kasus("penanda-di-narasi-iku", PEN, ganti(NI, "{{ iku.ikm.realisasi }}", "{{ iku.ikm.realisasi_akhir }}"), B(NI),
      baris(NI, "{{ iku.ikm.realisasi }}"), temuan="realisasi_akhir")
kasus("narasi-iku-bagian-ganda", PEN, tambah(NI, "\n## capaian\n\nlagi\n"), B(NI), temuan="## capaian")
kasus("narasi-iku-bagian-tidak-dikenal", PEN, ganti(NI, "## renstra", "## rencana"), B(NI), baris(NI, "## renstra"),
      temuan="## rencana")
kasus("narasi-iku-teks-sebelum-judul", PEN, ganti(NI, "## capaian", "Pengantar.\n\n## capaian"), B(NI), "baris 1",
      temuan="Pengantar")

# MyST in prose
MYST = "MyST di narasi"
NARASI_MYST = "narasi/bab1_struktur.md"


def sisip(teks: str, nama: str = NARASI_MYST):
    """Append `teks` as a new paragraph at the end of a narrative file (its line: see baris_sisip)."""
    return tambah(nama, "\n\n" + teks + "\n")


def baris_sisip(nama: str = NARASI_MYST) -> str:
    teks = (DATA / K / nama).read_text(encoding="utf-8")
    return f"baris {len((teks + chr(10) + chr(10)).splitlines()) + 1}"


kasus("myst-literalinclude", MYST, sisip("```{literalinclude} /etc/passwd\n```"), B(NARASI_MYST), baris_sisip(),
      temuan="literalinclude", tidak_boleh=("root:x:0",))
kasus("myst-include", MYST, sisip("```{include} ../../../README.md\n```"), B(NARASI_MYST), baris_sisip(),
      temuan="include")
kasus("myst-include-titik-dua", MYST, sisip(":::{include} /etc/hostname\n:::"), B(NARASI_MYST), baris_sisip(),
      temuan="include")
kasus("myst-eval-rst", MYST, sisip("```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```"),
      B(NARASI_MYST), baris_sisip(), temuan="eval-rst")
kasus("myst-raw-html", MYST, sisip("```{raw} html\n<script>alert(1)</script>\n```"), B(NARASI_MYST), baris_sisip(),
      temuan="raw")
kasus("myst-raw-latex", MYST, sisip("```{raw} latex\n\\input{/etc/passwd}\n```"), B(NARASI_MYST), baris_sisip(),
      temuan="raw")
kasus("myst-download", MYST, sisip("Unduh {download}`/etc/passwd` di sini."), B(NARASI_MYST), baris_sisip(),
      temuan="download")
kasus("myst-script-html", MYST, sisip("<script>alert(document.cookie)</script>"), B(NARASI_MYST), baris_sisip(),
      temuan="<script")
kasus("myst-iframe-html", MYST, sisip('<iframe src="https://contoh.invalid/"></iframe>'), B(NARASI_MYST),
      baris_sisip(), temuan="<iframe")
kasus("myst-gambar-di-luar", MYST, sisip("```{image} ../../../../../etc/rahasia.png\n```"), B(NARASI_MYST),
      baris_sisip(), temuan=("image", "rahasia.png"))
kasus("myst-gambar-markdown-di-luar", MYST, sisip("![peta](/etc/passwd)"), B(NARASI_MYST), baris_sisip(),
      temuan="/etc/passwd")
kasus("myst-code-cell", MYST, sisip("```{code-cell} python\nimport os\nos.system('true')\n```"), B(NARASI_MYST),
      baris_sisip(), temuan="code-cell")
kasus("myst-directive-di-narasi-iku", MYST, ganti(NI, "## renstra\n", "## renstra\n\n```{include} /etc/passwd\n```\n"),
      B(NI), f"baris {int(baris(NI, '## renstra').split()[1]) + 2}", temuan="include")
kasus("myst-kendali-esc", MYST, sisip("Teks \x1b[2J berwarna."), B(NARASI_MYST), baris_sisip(), kode_titik="U+001B")
kasus("myst-kendali-backspace", MYST, sisip("Realisasi 100\x08\x08\x0890%."), B(NARASI_MYST), baris_sisip(),
      kode_titik="U+0008")
kasus("myst-kendali-vt", MYST, sisip("Baris\x0bbaru."), B(NARASI_MYST), baris_sisip(), kode_titik="U+000B")
kasus("myst-zwsp-di-penanda", MYST, sisip("Tahun {{ tahun\u200b }}."), B(NARASI_MYST), baris_sisip(),
      kode_titik="U+200B")

# file system oddities
BS = "sistem berkas"


def tautan(nama: str, sasaran: Callable[[Konteks], Path | str]):
    def f(c: Konteks):
        p = c.folder / nama
        if p.exists() or p.is_symlink():
            p.unlink()
        p.symlink_to(sasaran(c))
    return f


def _rahasia(c: Konteks) -> Path:
    """A valid-looking anggaran.csv outside the data root, with a marker no report may show."""
    p = c.luar / "rahasia.csv"
    p.write_text((DATA / K / A).read_text("utf-8").replace("Penyediaan Gaji", "RAHASIA-LUAR Gaji"), "utf-8")
    return p


def _rahasia_md(c: Konteks) -> Path:
    p = c.luar / "rahasia.md"
    p.write_text("RAHASIA-LUAR: teks dari luar folder data.\n", "utf-8")
    return p


kasus("tautan-ke-luar-csv", BS, tautan(A, _rahasia), B(A), temuan=("tautan", "luar"), tanpa_posisi=True,
      tidak_boleh=("RAHASIA-LUAR",), catatan="a symlink to a file outside the data root is read as data")
kasus("tautan-ke-etc-passwd", BS, tautan(P, lambda c: "/etc/passwd"), B(P), temuan=("tautan", "luar"),
      tanpa_posisi=True, tidak_boleh=("root:x:0", "/bin/bash", "/usr/sbin"))
kasus("tautan-narasi-ke-luar", BS, tautan(NG, _rahasia_md), B(NG), temuan=("tautan", "luar"), tanpa_posisi=True,
      tidak_boleh=("RAHASIA-LUAR",))
kasus("tautan-yaml-ke-luar", BS, tautan(AN, lambda c: (c.luar / "a.yaml", (c.luar / "a.yaml").write_text(
    (DATA / K / AN).read_text("utf-8"), "utf-8"))[0]), B(AN), temuan=("tautan", "luar"), tanpa_posisi=True)
kasus("tautan-menggantung", BS, tautan(W, lambda c: c.folder / "tidak-ada.csv"), B(W), temuan=("tautan", "tidak ada"),
      tanpa_posisi=True)
kasus("tautan-melingkar", BS, tautan(U, lambda c: c.folder / U), B(U), temuan=("tautan", "melingkar"),
      tanpa_posisi=True)
kasus("tautan-melingkar-narasi", BS, tautan("narasi/bab4_penutup_x.md", lambda c: c.folder / "narasi/bab4_penutup_x.md"),
      B("narasi/bab4_penutup_x.md"), temuan=("tautan", "melingkar"), tanpa_posisi=True)
kasus("tautan-ke-dev-zero", BS, tautan(P, lambda c: "/dev/zero"), B(P), temuan=("tautan", "luar", "bukan berkas"),
      tanpa_posisi=True, terpisah=True, catatan="reading /dev/zero never ends: the case runs with a memory limit")
kasus("fifo-sebagai-csv", BS, lambda c: ((c.folder / W).unlink(), os.mkfifo(c.folder / W)) and None, B(W),
      temuan="bukan berkas", tanpa_posisi=True, terpisah=True, catatan="opening a FIFO blocks forever")
kasus("folder-bernama-csv", BS, lambda c: ((c.folder / A).unlink(), (c.folder / A).mkdir()) and None, B(A),
      temuan="folder", tanpa_posisi=True)
kasus("folder-bernama-yaml", BS, lambda c: ((c.folder / L).unlink(), (c.folder / L).mkdir()) and None, B(L),
      temuan="folder", tanpa_posisi=True)
kasus("folder-bernama-md", BS, lambda c: (c.folder / "narasi/catatan.md").mkdir() and None, B("narasi/catatan.md"),
      temuan="folder", tanpa_posisi=True)
kasus("folder-bernama-analisis-yaml", BS, lambda c: (c.folder / "analisis/nilai_tata_kelola.yaml").mkdir() and None,
      B("analisis/nilai_tata_kelola.yaml"), temuan="folder", tanpa_posisi=True)
kasus("berkas-csv-hilang", BS, hapus(P), B(P), temuan="tidak ada", tanpa_posisi=True)
kasus("berkas-yaml-hilang", BS, hapus(RS), B(RS), temuan="tidak ada", tanpa_posisi=True)
kasus("berkas-laporan-hilang", BS, hapus(L), B(L), temuan="tidak ada", tanpa_posisi=True)
kasus("folder-skala-hilang", BS, lambda c: shutil.rmtree(c.akar / "skala"), B(L), baris(L, "skala_predikat"),
      kun("metode.skala_predikat"), temuan="perwali-kota-probolinggo-30-2020")
kasus("berkas-nama-huruf-besar", BS, lambda c: (c.folder / W).rename(c.folder / "Wilayah.csv"), B(W),
      temuan="tidak ada", tanpa_posisi=True)
kasus("berkas-ekstensi-ganda", BS, lambda c: (c.folder / W).rename(c.folder / "wilayah.csv.csv"), B(W),
      temuan="tidak ada", tanpa_posisi=True)


def _folder_tahun(nama: str):
    def f(c: Konteks):
        shutil.copytree(c.folder, c.akar / "kanigaran" / nama)
    return f


kasus("folder-tahun-0999", BS, _folder_tahun("0999"), "kanigaran/0999", temuan="0999", tanpa_posisi=True, tahun=999,
      catatan="--year 999 finds the folder 0999 but then reads kanigaran/999/")
kasus("folder-tahun-dua-digit", BS, _folder_tahun("24"), "kanigaran/24", temuan="24", tanpa_posisi=True, tahun=24)
kasus("folder-tahun-tanpa-renstra", BS, _folder_tahun("2030"), B(RS).replace("2024", "2030"),
      baris(RS, "tahun_akhir"), kun("tahun_akhir"), temuan="2024", tahun=2030)
kasus("berkas-sangat-besar", BS, lambda c: (c.folder / R).write_bytes(
    (c.folder / R).read_bytes() + b"ikm,2019," + b"1" * 5_000_000 + b",,,,x\n"), B(R), "baris 8", kol("realisasi"),
      temuan="1111111111", catatan="a 5 MB cell (csv.field_size_limit is 128 KB)")


# workbooks (lkjip import)
BK = "buku kerja"
_CACHE_BUKU: dict[tuple[str, int], Path] = {}


def _template(unit: str, tahun: int) -> Path:
    """The template of a unit and year of the example data, made once (in a folder of its own)."""
    kunci_ = (unit, tahun)
    if kunci_ not in _CACHE_BUKU:
        tmp = Path(tempfile.mkdtemp(prefix="korpus-buku-"))
        akar = siapkan_data(tmp)
        keluaran = tmp / f"{unit}-{tahun}.xlsx"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if (unit, tahun) == ("sumberrejo", 2025):
                assert lkjip_di_sini(["new-year", "--data", str(akar), "--unit", unit, "--year", "2025"]) == 0
            kode = lkjip_di_sini(["template", "--data", str(akar), "--unit", unit, "--year", str(tahun),
                                  "--out", str(keluaran)])
        assert kode == 0, (unit, tahun)
        _CACHE_BUKU[kunci_] = keluaran
    return _CACHE_BUKU[kunci_]


def buku(ubah_buku: Callable | None = None, unit: str = "kanigaran", tahun: int = 2024, dari=None):
    """Fault: the workbook of `dari` (unit, year; default the imported one), edited, imported as unit/year."""
    def f(c: Konteks):
        from openpyxl import load_workbook
        tujuan = c.kerja / BUKU
        tujuan.parent.mkdir(exist_ok=True)
        shutil.copy(_template(*(dari or (unit, tahun))), tujuan)
        if ubah_buku is not None:
            wb = load_workbook(tujuan)
            ubah_buku(wb)
            wb.save(tujuan)
        return ["import", BUKU, "--data", "data", "--unit", unit, "--year", str(tahun)]
    return f


def sel(lembar: str, alamat: str, nilai):
    def f(wb):
        wb[lembar][alamat] = nilai
    return f


def berkas_buku(isi: bytes):
    def f(c: Konteks):
        (c.kerja / "masuk").mkdir(exist_ok=True)
        (c.kerja / BUKU).write_bytes(isi)
        return ["import", BUKU, "--data", "data", "--unit", "kanigaran", "--year", "2024"]
    return f


kasus("buku-tahun-lain", BK, buku(unit="sumberrejo", tahun=2024, dari=("sumberrejo", 2025)), BUKU, temuan="2025",
      catatan="a 2025 workbook imported as 2024 overwrites 2024's figures")
kasus("buku-unit-lain", BK, buku(dari=("sumberrejo", 2024)), BUKU, temuan="sumberrejo")
kasus("buku-div0", BK, buku(sel("anggaran", "E2", "#DIV/0!")), BUKU, "lembar 'anggaran'", "baris 2", "kolom E",
      temuan="#DIV/0!")
kasus("buku-ref", BK, buku(sel("realisasi_iku", "C3", "#REF!")), BUKU, "lembar 'realisasi_iku'", "baris 3", "kolom C",
      temuan="#REF!")
kasus("buku-na", BK, buku(sel("perjanjian_kinerja", "B3", "#N/A")), BUKU, "lembar 'perjanjian_kinerja'", "baris 3",
      "kolom B", temuan="#N/A")
kasus("buku-rumus-tanpa-nilai", BK, buku(sel("anggaran", "E2", "=F2*2")), BUKU, "lembar 'anggaran'", "baris 2",
      "kolom E", temuan=("rumus", "=F2*2"), catatan="a formula Excel never calculated has no cached value")
kasus("buku-kosongkan-nilai", BK, buku(sel("anggaran", "E2", None)), BUKU, "lembar 'anggaran'", "baris 2", "kolom E",
      temuan=("kosong", "9500000", "9.500.000"), catatan="a cell emptied in the workbook empties a filled figure")
kasus("buku-kosongkan-realisasi", BK, buku(sel("realisasi_iku", "C3", None)), BUKU, "lembar 'realisasi_iku'",
      "baris 3", "kolom C", temuan=("kosong", "80.25", "80,25"))
kasus("buku-bukan-xlsx", BK, berkas_buku((DATA / K / A).read_bytes()), BUKU, temuan=("xlsx", "Excel"),
      tanpa_posisi=True)
kasus("buku-nol-bita", BK, berkas_buku(b""), BUKU, temuan=("kosong", "0 bita"), tanpa_posisi=True)
kasus("buku-zip-lain", BK, berkas_buku(b"PK\x05\x06" + b"\x00" * 18), BUKU, temuan=("xlsx", "Excel"),
      tanpa_posisi=True)
kasus("buku-teks-di-angka", BK, buku(sel("anggaran", "E2", "sembilan juta")), BUKU, "lembar 'anggaran'", "baris 2",
      "kolom E", temuan="sembilan juta")
kasus("buku-tanggal-di-angka", BK, buku(sel("penduduk", "B2", __import__("datetime").date(2024, 1, 5))), BUKU,
      "lembar 'penduduk'", "baris 2", "kolom B", temuan="tanggal")
kasus("buku-zwsp-di-kode", BK, buku(sel("perjanjian_kinerja", "A3", "ikm\u200b")), BUKU, "lembar 'perjanjian_kinerja'",
      "baris 3", "kolom A", kode_titik="U+200B")
kasus("buku-lembar-hilang", BK, buku(lambda wb: wb.remove(wb["anggaran"])), BUKU, "lembar 'anggaran'",
      temuan="tidak ada")
kasus("buku-kepala-diubah", BK, buku(sel("anggaran", "E1", "pagu_anggaran")), BUKU, "lembar 'anggaran'", "baris 1",
      "kolom E", temuan="pagu_anggaran")
kasus("buku-pagu-raksasa", BK, buku(sel("anggaran", "E2", 10 ** 25)), BUKU, "lembar 'anggaran'", "baris 2",
      "kolom E", temuan=("10000000000000000000000000", "1e+25", "1E+25"))
kasus("buku-angka-pecahan-rupiah", BK, buku(sel("anggaran", "E2", 9500000.5)), BUKU, "lembar 'anggaran'", "baris 2",
      "kolom E", temuan="9500000.5")
kasus("buku-tidak-ada", BK, lambda c: ["import", "masuk/tidak-ada.xlsx", "--data", "data", "--unit", "kanigaran",
                                       "--year", "2024"], "masuk/tidak-ada.xlsx", temuan="tidak ada",
      tanpa_posisi=True)

# acceptable variants: not faults; the figures must come out the same
SAH = "variasi sah"
TOTAL = "pagu Rp 14.959.915.882, realisasi Rp 14.663.367.084"
kasus("sah-crlf-campur", SAH, ubah(A, lambda t: "".join(b + ("\r\n" if i % 2 else "\n")
                                                        for i, b in enumerate(t.splitlines()))), "", sah=True,
      ada=(TOTAL,))
kasus("sah-baris-kosong-di-tengah", SAH, ganti(A, "\npenunjang,Administrasi Umum", "\n\n\npenunjang,Administrasi Umum"),
      "", sah=True, ada=(TOTAL,))
kasus("sah-bom-di-awal", SAH, ubah(A, lambda t: "\ufeff" + t), "", sah=True, ada=(TOTAL,))
kasus("sah-spasi-di-sel", SAH, ganti(A, PAGU, ", 9500000 , 9490000 "), "", sah=True, ada=(TOTAL,))
kasus("sah-tanpa-baris-baru-akhir", SAH, ubah(A, lambda t: t.rstrip("\n")), "", sah=True, ada=(TOTAL,))
kasus("sah-kutip-di-tengah-sel", SAH, ganti(P, "Program Pemberdayaan", 'Program "Pemberdayaan"'), "", sah=True,
      ada=("Data valid",), catatan="a quote inside an unquoted cell is kept as text")
kasus("sah-semua-berkutip", SAH, ubah(PK, lambda t: "\n".join(",".join(f'"{s}"' for s in b.split(","))
                                                              for b in t.splitlines()) + "\n"), "", sah=True,
      ada=("target 84,5, realisasi 80,25",))


# --- running a case --------------------------------------------------------------------------

def siapkan_data(kerja: Path, sumberrejo: bool = True) -> Path:
    """kerja/data/: Kanigaran (real), the scales and (when asked) Sumberrejo (test unit)."""
    akar = kerja / "data"
    akar.mkdir(parents=True)
    shutil.copytree(DATA / "kanigaran", akar / "kanigaran")
    shutil.copytree(DATA / "skala", akar / "skala")
    if sumberrejo:
        shutil.copytree(DATA_TES / "sumberrejo", akar / "sumberrejo")
    return akar


def sidik_aman(folder: Path) -> dict[str, str]:
    """Every entry under `folder` without following symlinks or opening FIFOs: files by digest,
    links by target, folders and others by kind. Compared before and after a run."""
    hasil = {}
    for akar, folder_folder, berkas_berkas in os.walk(folder, followlinks=False):
        for nama in folder_folder + berkas_berkas:
            p = Path(akar) / nama
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                hasil[rel] = "tautan:" + os.readlink(p)
            elif p.is_dir():
                hasil[rel] = "folder"
            elif p.is_file():
                hasil[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                hasil[rel] = "lain"
    return hasil


def _batas_memori() -> None:  # in the child process of a separate case
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2 ** 30, 3 * 2 ** 30))


def _jalankan_terpisah(argv: list[str], kerja: Path) -> tuple[int | None, str, bool]:
    kode_py = "import sys; from lkjip_calc.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(AKAR_PROYEK)}
    env.pop("LKJIP_DEBUG", None)
    try:
        p = subprocess.run([sys.executable, "-c", kode_py, *argv], cwd=kerja, env=env, capture_output=True,
                           timeout=BATAS_WAKTU, preexec_fn=_batas_memori)
    except subprocess.TimeoutExpired as e:
        keluaran = (e.stdout or b"") + (e.stderr or b"")
        return None, keluaran.decode("utf-8", "replace"), True
    return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace"), False


def _jalankan_di_sini(argv: list[str], kerja: Path) -> tuple[int | None, str]:
    keluar, galat = io.StringIO(), io.StringIO()
    kode: int | None
    with contextlib.chdir(kerja), contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(galat):
        try:
            kode = lkjip_di_sini(argv)
        except KeyboardInterrupt:  # the test run is being stopped, not this case failing
            raise
        except SystemExit as e:
            kode = e.code if isinstance(e.code, int) else 2
        except BaseException:  # noqa: B036 - anything escaping main is reported as the traceback it would be
            galat.write(traceback.format_exc())
            kode = None
    return kode, keluar.getvalue() + galat.getvalue()


def _garis_cocok(k: Kasus, keluaran: str) -> tuple[str | None, str, str]:
    """The GALAT (or, for a variant, PERINGATAN) line that says everything the case requires, or
    None with what the closest line lacks and that line."""
    awalan = "GALAT:"
    garis = [g for g in keluaran.splitlines() if g.startswith(awalan)]
    if not garis:
        return None, "tidak ada baris 'GALAT:'", ""
    kurang_terbaik, calon_terbaik = None, garis[0]
    for g in garis:
        kurang = []
        if k.berkas not in g:
            kurang.append(f"berkas {k.berkas!r}")
        kurang += [f"posisi {p!r}" for p in k.posisi if p not in g]
        if not k.tanpa_posisi and not POSISI.search(g):
            kurang.append("posisi (baris/kolom/kunci)")
        if k.temuan is not None:
            pilihan = (k.temuan,) if isinstance(k.temuan, str) else k.temuan
            if not any(t in g for t in pilihan):
                kurang.append("yang ditemukan " + " atau ".join(repr(t) for t in pilihan))
        if "diharapkan" not in g:
            kurang.append("'diharapkan'")
        if k.kode_titik is not None:
            if k.kode_titik not in g:
                kurang.append(f"{k.kode_titik} (karakter tak terlihat disebut kodenya)")
            if chr(int(k.kode_titik[2:], 16)) in g:
                kurang.append(f"karakter {k.kode_titik} tercetak mentah")
        if not kurang:
            return g, "", g
        if kurang_terbaik is None or len(kurang) < len(kurang_terbaik) or (
                len(kurang) == len(kurang_terbaik) and k.berkas in g and k.berkas not in calon_terbaik):
            kurang_terbaik, calon_terbaik = kurang, g
    return None, "kurang: " + ", ".join(kurang_terbaik), calon_terbaik


def nilai_hasil(k: Kasus, kode: int | None, keluaran: str, habis_waktu: bool, berubah: list[str]) -> tuple[str, str, str]:
    """(status, reason, the line shown) of one run."""
    if habis_waktu:
        return BATAS, f"lebih dari {BATAS_WAKTU} detik", ""
    if "Traceback" in keluaran or kode is None:
        return TRACEBACK, "traceback", next((g for g in reversed(keluaran.splitlines()) if g.strip()), "")
    if kode == 3 or "GALAT INTERNAL" in keluaran:
        return KELUAR_3, "exit 3", next((g for g in keluaran.splitlines() if "GALAT INTERNAL" in g), "")
    if berubah:
        return MENULIS, "berubah: " + ", ".join(berubah[:5]), ""
    bocor = [t for t in k.tidak_boleh if t in keluaran]
    if k.sah:
        kurang = [a for a in k.ada if a not in keluaran]
        if kode == 0 and not kurang and not bocor:
            return SAH_OK, "", ""
        garis = next((g for g in keluaran.splitlines() if g.startswith("GALAT")), "")
        return SAH_DITOLAK, f"exit {kode}; tidak tercetak: {kurang}", garis
    if kode == 0:
        return DITERIMA, "exit 0", next((g for g in keluaran.splitlines() if g.startswith(("Data valid", "Tidak ada",
                                                                                          "Ditulis"))), "")
    if kode != 2:
        return KELUAR_LAIN, f"exit {kode}", keluaran.strip().splitlines()[-1] if keluaran.strip() else ""
    cocok, kurang, calon = _garis_cocok(k, keluaran)
    asing = ASING.search(keluaran)
    alasan = []
    if cocok is None:
        alasan.append(kurang)
    if asing:
        alasan.append(f"bahasa/istilah Python: {asing.group(0)!r}")
    if bocor:
        alasan.append(f"isi berkas di luar data/ tercetak: {bocor}")
    if alasan:
        return TIDAK_JELAS, "; ".join(alasan), calon if cocok is None else (
            next((g for g in keluaran.splitlines() if asing and asing.group(0) in g), cocok))
    return JELAS, "", cocok


def jalankan(k: Kasus, kerja: Path) -> Hasil:
    """Copy the data into `kerja`, apply the fault, run the command, judge the outcome."""
    import time
    akar = siapkan_data(kerja, sumberrejo=k.unit != "kanigaran" or k.kategori == BK)
    c = Konteks(kerja, akar, akar / "kanigaran" / "2024")
    argv = k.rusak(c)
    if not isinstance(argv, list):  # a fault returns the argv of an import, or nothing
        argv = k.argv()
    sebelum = sidik_aman(akar)
    mulai = time.perf_counter()
    if k.terpisah:
        kode, keluaran, habis = _jalankan_terpisah(argv, kerja)
    else:
        (kode, keluaran), habis = _jalankan_di_sini(argv, kerja), False
    detik = time.perf_counter() - mulai
    sesudah = sidik_aman(akar)
    berubah = sorted(n for n in set(sebelum) | set(sesudah) if sebelum.get(n) != sesudah.get(n))
    status, alasan, garis = nilai_hasil(k, kode, keluaran, habis, berubah)
    return Hasil(k, status, kode, keluaran, alasan, garis, detik, berubah)


def laporan_hasil(hasil: list[Hasil], rinci: bool = True) -> str:
    """The tally the issue asks for, then every case that falls short with the line the tool printed."""
    galat = [h for h in hasil if not h.kasus.sah]
    sah = [h for h in hasil if h.kasus.sah]
    hitung = Counter(h.status for h in galat)
    teks = [f"KORPUS: {len(galat)} masukan buruk: {hitung[JELAS]} galat jelas, {hitung[TRACEBACK]} traceback, "
            f"{hitung[KELUAR_3]} exit 3, {hitung[DITERIMA]} diterima diam-diam, {hitung[TIDAK_JELAS]} pesan tidak "
            f"jelas, {hitung[BATAS]} melewati batas waktu, {hitung[MENULIS]} menulis ke data/, "
            f"{hitung[KELUAR_LAIN]} exit lain; {len(sah)} variasi sah: "
            f"{sum(h.status == SAH_OK for h in sah)} diterima, {sum(h.status != SAH_OK for h in sah)} ditolak"]
    per_kategori = Counter(h.kasus.kategori for h in hasil)
    baik_kategori = Counter(h.kasus.kategori for h in hasil if h.baik)
    teks.append("per kategori: " + ", ".join(f"{kat} {baik_kategori[kat]}/{n}" for kat, n in per_kategori.items()))
    for h in hasil if rinci else []:
        if not h.baik:
            teks.append(f"  [{h.status}] {h.kasus.id} ({h.kasus.kategori}): {h.alasan}")
            if h.baris:
                teks.append(f"      {h.baris[:400]}")
    return "\n".join(teks)


if __name__ == "__main__":
    import time
    sys.path.insert(0, str(AKAR_PROYEK))
    pilih = sys.argv[1:]
    semua = []
    mulai = time.perf_counter()
    for k in KASUS:
        if pilih and not any(p in k.id for p in pilih):
            continue
        with tempfile.TemporaryDirectory(prefix="korpus-") as tmp:
            semua.append(jalankan(k, Path(tmp)))
    print(laporan_hasil(semua))
    print(f"{len(semua)} kasus dalam {time.perf_counter() - mulai:.1f} detik")
