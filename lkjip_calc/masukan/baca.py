"""Reading the plain input files (CSV, YAML, Markdown) with positions, so every problem
can be reported by file, row and column instead of a traceback."""

from __future__ import annotations

import codecs
import copy
import csv
import errno
import functools
import io
import pickle
import re
import stat
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from ..dasar.temuan import DaftarTemuan, Jenis, kunci, kutip
from ..dasar.temuan import kolom as label_kolom

# Column kinds of the CSV files and what each expects, for messages.
TEKS, KODE, BILANGAN, RUPIAH, TAHUN, BULAT = "teks", "kode", "bilangan", "rupiah", "tahun", "bulat"
PERIODE = "periode"
# The periods of a year a periodic realisasi may be given for, in the year's order: one kind per IKU
# (and one for the whole budget), never mixed.
TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
BULAN_PERIODE = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
HARAPAN = {
    TEKS: "teks",
    KODE: "kode huruf kecil, angka, '_' atau '-' (mis. pelayanan_publik)",
    BILANGAN: "bilangan dengan titik sebagai pemisah desimal, tanpa pemisah ribuan (mis. 84.5)",
    RUPIAH: "bilangan bulat rupiah tanpa pemisah ribuan, tidak negatif (mis. 9500000)",
    TAHUN: "tahun empat angka (mis. 2024)",
    BULAT: "bilangan bulat tidak negatif tanpa pemisah ribuan (mis. 3027)",
    PERIODE: "triwulan TW1, TW2, TW3, TW4 atau bulan " + ", ".join(BULAN_PERIODE),
}
BELUM_DIISI = "nilai belum diisi"  # the message; code looks at Jenis.BELUM_DIISI
POLA_KODE = r"^[a-z0-9][a-z0-9_-]*$"
POLA_BULAN = r"^\d{4}-(0[1-9]|1[0-2])$"
HARAPAN_POLA = {  # a pattern in a message is for programmers; say what it means
    POLA_KODE: HARAPAN[KODE],
    POLA_BULAN: "tahun-bulan dengan bulan 01 sampai 12, mis. 2025-01",
}
_KODE = re.compile(POLA_KODE[1:-1])
_BILANGAN = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str = TEKS
    wajib: bool = True   # an empty cell is an error
    isian: bool = False  # a figure the analyst fills in each year: may be empty in a draft
    positif: bool = False  # a size (an area): more than 0
    tidak_negatif: bool = False  # a target or a count: 0 or more
    kosong_bila: tuple[str, ...] = ()  # may be left empty when these columns of the row are all filled
    tertulis: bool = False  # a stated figure: its decimals as written (94.60) say its precision; kept as text
    nama_lain: tuple[str, ...] = ()  # other headings the file may give it (`desa` for `kelurahan`); read as `nama`
    # may be left empty when the row's values of these columns are a key the caller gives `baca_csv`
    # (`kunci_berperiode`): the figure then comes from the periodic file (realisasi per periode)
    kosong_bila_periode: tuple[str, ...] = ()


@dataclass
class Baris:
    """One data row of a CSV file: its line number and its parsed values by column."""

    nomor: int
    nilai: dict

    def __getitem__(self, nama):
        return self.nilai[nama]

    def get(self, nama, bawaan=None):
        return self.nilai.get(nama, bawaan)


BATAS_UKURAN = 20 * 1024 * 1024  # bytes; the data of a whole year is well under 1 MB


def baca_teks(path: Path, temuan: DaftarTemuan, tak_terlihat: bool = True) -> str | None:
    """The file's text, or None (with an error naming the file and line) when it is missing, not a
    regular file, too large, not UTF-8 or (unless `tak_terlihat` is False, for readers that name the
    cell or key themselves) holds characters a reader cannot see."""
    masalah = masalah_berkas(path)
    if masalah is not None:
        jenis, pesan, harapan = masalah
        temuan.galat(jenis, path, pesan, diharapkan=harapan)
        return None
    try:
        data = path.read_bytes()
    except OSError as e:  # removed or made unreadable between the check and the read
        temuan.galat(Jenis.BERKAS_HILANG, path, "berkas tidak dapat dibaca", ditemukan=kutip(e.strerror or ""),
                     diharapkan="berkas biasa yang dapat dibaca")
        return None
    try:
        teks = data.decode("utf-8-sig")  # -sig: Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as e:
        posisi = e.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)  # counted after it
        baris = data[:posisi].count(b"\n") + 1
        temuan.galat(Jenis.BUKAN_UTF8, path, "berkas bukan teks UTF-8", baris=baris,
                     ditemukan=f"bita 0x{data[posisi]:02x} yang tidak sah dalam UTF-8",
                     diharapkan="teks UTF-8 (di Excel: Simpan Sebagai 'CSV UTF-8')")
        return None
    m = _TAK_TERLIHAT.search(teks) if tak_terlihat else None
    if m is not None:
        baris = teks.count("\n", 0, m.start()) + 1
        kolom_ke = m.start() - (teks.rfind("\n", 0, m.start()) + 1) + 1
        temuan.galat(Jenis.SINTAKS, path, "karakter tak terlihat atau karakter kendali", baris=baris,
                     kolom=f"kolom {kolom_ke}", ditemukan=f"U+{ord(m.group()):04X}",
                     diharapkan=HARAPAN_TERLIHAT)
        return None
    return teks


def karakter_tak_terlihat(teks: str) -> str | None:
    """The first invisible or control character of `teks` as a code point (U+200B), or None."""
    m = _TAK_TERLIHAT.search(teks)
    return None if m is None else f"U+{ord(m.group()):04X}"


# Control characters other than tab and line ends; format characters (zero-width spaces and
# joiners, direction marks and overrides, soft hyphen, a BOM inside the text, ...): they make two
# equal-looking names differ, or reorder what a reader sees.
HARAPAN_TERLIHAT = "teks biasa (hapus karakter yang tersalin dari pengolah kata atau web)"
_TAK_TERLIHAT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                           r"\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def masalah_berkas(path: Path) -> tuple[Jenis, str, str] | None:
    """Why `path` cannot be read as a data file (kind, message, what is expected), or None.

    Only regular files are read: a folder, a pipe or a device named like a data file, a broken or
    looping symbolic link are errors, named by the file's own path (never the link's target).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return Jenis.BERKAS_HILANG, "tautan simbolik rusak (berkas tujuannya tidak ada)", "berkas biasa"
        return Jenis.BERKAS_HILANG, "berkas tidak ada", "berkas ini ada di folder data tahun tersebut"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return Jenis.BERKAS_HILANG, "tautan simbolik melingkar", "berkas biasa"
        if e.errno == errno.ENAMETOOLONG:
            return Jenis.BERKAS_HILANG, "nama atau jalur berkas terlalu panjang", "berkas biasa"
        return Jenis.BERKAS_HILANG, "berkas tidak dapat dibuka", "berkas biasa yang dapat dibaca"
    if stat.S_ISDIR(info.st_mode):
        return Jenis.BERKAS_HILANG, "berupa folder, bukan berkas", "berkas biasa dengan nama ini"
    if not stat.S_ISREG(info.st_mode):
        return Jenis.BERKAS_HILANG, "bukan berkas biasa (pipa, perangkat atau soket)", "berkas biasa"
    if info.st_size > BATAS_UKURAN:
        return (Jenis.TIDAK_SAH, f"berkas terlalu besar ({info.st_size // (1024 * 1024)} MB)",
                f"paling besar {BATAS_UKURAN // (1024 * 1024)} MB")
    return None


# Plausible sizes. Money: no Perangkat Daerah budget comes near Rp 1 kuadriliun (10^15); counts of
# people: 10^10; any other figure (targets, realisasi, km²): 15 digits before the decimal point
# and 10 after, well inside the 28 digits decimal arithmetic keeps exactly.
BATAS_RUPIAH = 10**15
BATAS_BULAT = 10**10
DIGIT_BULAT, DIGIT_PECAHAN = 15, 10


class NilaiDitolak(ValueError):
    """A cell of the right form whose value is not plausible; carries the message and what is expected."""

    def __init__(self, pesan: str, harapan: str):
        super().__init__(pesan)
        self.pesan, self.harapan = pesan, harapan


def _urai(teks: str, k: Kolom):
    """Parse one cell; raise ValueError when it does not match its kind (NilaiDitolak when it is
    of the right form but not a plausible value)."""
    jenis = k.jenis
    if jenis == TEKS:
        return teks
    if jenis == KODE:
        if not _KODE.fullmatch(teks):
            raise ValueError
        return teks
    if jenis == BILANGAN:
        if not _BILANGAN.fullmatch(teks):
            raise ValueError
        bulat, _, pecahan = teks.lstrip("-").partition(".")
        if len(bulat.lstrip("0")) > DIGIT_BULAT or len(pecahan) > DIGIT_PECAHAN:
            raise NilaiDitolak("bilangan terlalu panjang", f"paling banyak {DIGIT_BULAT} angka sebelum titik desimal "
                                                          f"dan {DIGIT_PECAHAN} sesudahnya")
        nilai = Decimal(teks)
        if k.positif and nilai <= 0:
            raise NilaiDitolak("nilai harus lebih dari 0", "bilangan lebih dari 0 (mis. 2.5)")
        if k.tidak_negatif and nilai < 0:
            raise NilaiDitolak("nilai negatif tidak diperbolehkan", "bilangan 0 atau lebih (untuk IKU yang makin kecil "
                                                                   "makin baik: polaritas negatif, target positif)")
        return nilai
    if jenis in (RUPIAH, BULAT):
        if not re.fullmatch(r"\d+", teks):
            raise ValueError
        batas = BATAS_RUPIAH if jenis == RUPIAH else BATAS_BULAT
        if len(teks.lstrip("0")) > len(str(batas)) or int(teks) >= batas:
            raise NilaiDitolak("nilai terlalu besar untuk masuk akal",
                               f"kurang dari {batas:,}".replace(",", ".") + (" rupiah" if jenis == RUPIAH else ""))
        return int(teks)
    if jenis == PERIODE:
        for nama in TRIWULAN + BULAN_PERIODE:  # 'tw1' and 'JAN' are the same period
            if teks.casefold() == nama.casefold():
                return nama
        raise ValueError
    if jenis == TAHUN:
        if not re.fullmatch(r"\d{4}", teks):
            raise ValueError
        if not 1900 <= int(teks) <= 2199:
            raise NilaiDitolak("tahun di luar rentang", "tahun antara 1900 dan 2199")
        return int(teks)
    raise AssertionError(jenis)


def baca_csv(path: Path, kolom_kolom: list[Kolom], temuan: DaftarTemuan,
             kunci_baris: tuple[str, ...] = (), draf: bool = False,
             kunci_berperiode: set[tuple[str, ...]] | None = None, boleh_kosong: bool = False,
             perlu_baris: bool = False) -> list[Baris]:
    """Read and type-check one CSV table; problems go to `temuan`, bad rows are left out.

    In a draft, an empty cell of a figure still to be filled in (`isian`) is listed, not an error,
    and so is a table with no rows, unless `perlu_baris`: the report cannot be drawn without them.
    A cell of a column with `kosong_bila_periode` may be empty when the row's values of those
    columns (as written, stripped) are in `kunci_berperiode`. An optional table (`boleh_kosong`) may
    have no rows.
    """
    teks = baca_teks(path, temuan, tak_terlihat=False)  # named by cell below
    if teks is None:
        return []
    # strict: a quote left open is an error, not a cell that swallows the rows after it.
    # A cell may be as long as a file may be: an overlong number is named by its column below.
    csv.field_size_limit(BATAS_UKURAN)
    pembaca = csv.reader(io.StringIO(teks, newline=""), strict=True)
    try:
        kepala = next(pembaca)
    except StopIteration:
        temuan.galat(Jenis.SINTAKS, path, "berkas kosong", baris=1,
                     diharapkan="baris judul kolom: " + ",".join(k.nama for k in kolom_kolom))
        return []
    except csv.Error as e:
        temuan.galat(Jenis.SINTAKS, path, _PESAN_CSV.get(str(e), "CSV tidak dapat dibaca"), baris=1,
                     diharapkan='teks bertanda kutip ditutup kembali, mis. "Perencanaan, Penganggaran"')
        return []
    kepala = [k.strip() for k in kepala]
    # A column may be headed by another name (`desa` for `kelurahan`): read under its own name,
    # named in messages as the file heads it.
    lain = {a: k.nama for k in kolom_kolom for a in k.nama_lain}
    tertulis_sebagai = {lain.get(n, n): n for n in reversed(kepala)}
    kepala = [lain.get(n, n) for n in kepala]

    def kolom(nama: str) -> str:
        return label_kolom(tertulis_sebagai.get(nama, nama))

    if not any(kepala):
        temuan.galat(Jenis.SINTAKS, path, "baris judul kolom kosong", baris=1, ditemukan="baris kosong",
                     diharapkan="baris judul kolom di baris 1: " + ",".join(k.nama for k in kolom_kolom))
        return []
    for nama in kepala:
        kode = karakter_tak_terlihat(nama)
        if kode is not None:
            temuan.galat(Jenis.SINTAKS, path, f"karakter tak terlihat {kode} di judul kolom", baris=1,
                         kolom=kolom(nama), ditemukan=kutip(nama), diharapkan=HARAPAN_TERLIHAT)
            return []
    dikenal = {k.nama: k for k in kolom_kolom}
    for nama in kepala:
        if nama not in dikenal:
            temuan.galat(Jenis.KOLOM, path, "kolom tidak dikenal", baris=1, kolom=kolom(nama),
                         diharapkan="salah satu dari: " + ", ".join(dikenal))
    for k in kolom_kolom:
        if k.nama not in kepala and k.wajib:  # an optional column may be left out altogether
            temuan.galat(Jenis.KOLOM, path, "kolom wajib tidak ada", baris=1, kolom=kolom(k.nama),
                         diharapkan="baris judul: " + ",".join(dikenal))
    if len(set(kepala)) != len(kepala):
        ganda = sorted({k for k in kepala if kepala.count(k) > 1})
        temuan.galat(Jenis.KOLOM, path, "judul kolom ganda", baris=1, kolom=kolom(ganda[0]),
                     ditemukan=f"'{ganda[0]}' {kepala.count(ganda[0])} kali", diharapkan="setiap judul kolom sekali saja")
    hasil: list[Baris] = []
    terlihat: dict[tuple, int] = {}
    nomor, ada_baris = 1, False
    try:
        while True:
            nomor = pembaca.line_num + 1  # a row is named by the line it starts on
            sel = next(pembaca, None)
            if sel is None:
                break
            if not any(s.strip() for s in sel):
                continue  # blank line
            ada_baris = True
            if len(sel) != len(kepala):
                temuan.galat(Jenis.KOLOM, path, "jumlah sel tidak sama dengan jumlah kolom", baris=nomor,
                             ditemukan=f"{len(sel)} sel",
                             diharapkan=f"{len(kepala)} sel (periksa koma di dalam teks: beri tanda kutip)")
                continue
            nilai, baik = {}, True
            terisi = {nama for nama, isi in zip(kepala, sel, strict=True) if isi.strip()}
            for nama, isi in zip(kepala, sel, strict=True):
                k = dikenal.get(nama)
                if k is None:
                    continue
                isi = isi.strip()
                kode = karakter_tak_terlihat(isi)
                if kode is not None:
                    temuan.galat(Jenis.SINTAKS, path, f"karakter tak terlihat {kode}", baris=nomor, kolom=kolom(nama),
                                 ditemukan=kutip(isi), diharapkan=HARAPAN_TERLIHAT)
                    baik = False
                    continue
                if isi == "":
                    if k.kosong_bila and terisi.issuperset(k.kosong_bila):
                        pass  # given another way (realisasi by its pembilang and penyebut)
                    elif k.kosong_bila_periode and kunci_berperiode and tuple(
                            sel[kepala.index(c)].strip() if c in kepala else "" for c in k.kosong_bila_periode
                    ) in kunci_berperiode:
                        pass  # given by its periods (realisasi_periode.csv, anggaran_periode.csv)
                    elif k.wajib and draf and k.isian:
                        temuan.peringatan(Jenis.BELUM_DIISI, path, BELUM_DIISI, baris=nomor, kolom=kolom(nama),
                                          diharapkan=HARAPAN[k.jenis])
                    elif k.wajib:
                        temuan.galat(Jenis.BELUM_DIISI if k.isian else Jenis.KOSONG, path,
                                     BELUM_DIISI if k.isian else "nilai kosong", baris=nomor,
                                     kolom=kolom(nama), diharapkan=HARAPAN[k.jenis])
                        baik = False
                    nilai[nama] = None
                    continue
                try:
                    nilai[nama] = _urai(isi, k)
                except NilaiDitolak as e:
                    temuan.galat(Jenis.TIDAK_SAH, path, e.pesan, baris=nomor, kolom=kolom(nama),
                                 ditemukan=kutip(isi), diharapkan=e.harapan)
                    baik = False
                except ValueError:
                    pesan = "nilai tidak sesuai jenis kolom"
                    if k.jenis in (RUPIAH, BULAT) and isi.startswith("-"):
                        pesan = "nilai negatif tidak diperbolehkan"
                    temuan.galat(Jenis.TIPE_SALAH, path, pesan, baris=nomor, kolom=kolom(nama),
                                 ditemukan=kutip(isi), diharapkan=HARAPAN[k.jenis])
                    baik = False
            for k in kolom_kolom:
                nilai.setdefault(k.nama, None)
            if kunci_baris and baik:
                kunci_ini = tuple(nilai.get(k) for k in kunci_baris)
                if kunci_ini in terlihat:
                    temuan.galat(Jenis.GANDA, path, "baris ganda", baris=nomor,
                                 kolom=kolom(kunci_baris[-1] if len(kunci_baris) == 1 else "+".join(kunci_baris)),
                                 ditemukan=kutip(", ".join(str(v) for v in kunci_ini)),
                                 diharapkan=f"kunci unik (sudah dipakai di baris {terlihat[kunci_ini]})")
                    continue
                terlihat[kunci_ini] = nomor
            if baik:
                hasil.append(Baris(nomor, nilai))
    except csv.Error as e:
        temuan.galat(Jenis.SINTAKS, path, _PESAN_CSV.get(str(e), "CSV tidak dapat dibaca"), baris=nomor,
                     diharapkan='teks bertanda kutip ditutup kembali, mis. "Perencanaan, Penganggaran"')
        return hasil
    if not ada_baris and not boleh_kosong:  # every table of a year has rows; an empty one would make totals of nothing
        # (a new year may wait for its new Renstra; but no draft of a report has a budget of nothing)
        lapor = temuan.peringatan if draf and not perlu_baris else temuan.galat
        lapor(Jenis.BELUM_DIISI, path, "tabel belum berisi baris data", baris=2, ditemukan="tabel kosong (hanya baris "
              "judul kolom)", diharapkan="paling sedikit satu baris di bawah baris judul kolom"
              + (" (laporan memerlukannya, juga dalam draf)" if draf and perlu_baris else ""))
    return hasil


_PESAN_CSV = {
    "unexpected end of data": "tanda kutip dibuka tetapi tidak ditutup sampai akhir berkas",
    "',' expected after '\"'": "ada teks sesudah tanda kutip penutup",
}


# --- YAML -------------------------------------------------------------------------------

_PESAN_PYDANTIC = {
    "missing": ("kunci wajib tidak ada", None),
    "extra_forbidden": ("kunci tidak dikenal", "hanya kunci yang dijelaskan di data/README.md"),
    "string_type": ("nilai harus berupa teks", "teks (beri tanda kutip bila teksnya berupa angka atau ya/tidak, "
                                               "mis. \"0123\")"),
    "int_type": ("nilai harus bilangan bulat", "bilangan bulat"),
    "int_parsing": ("nilai harus bilangan bulat", "bilangan bulat"),
    "int_parsing_size": ("bilangan terlalu panjang", "bilangan bulat yang masuk akal"),
    "int_from_float": ("nilai harus bilangan bulat", "bilangan bulat"),
    "decimal_parsing": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "decimal_type": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "float_parsing": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "float_type": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "finite_number": ("nilai harus bilangan terhingga", "bilangan biasa, bukan nan atau inf (mis. 84.5)"),
    "decimal_max_digits": ("bilangan terlalu panjang", f"paling banyak {DIGIT_BULAT} angka sebelum titik desimal "
                                                       f"dan {DIGIT_PECAHAN} sesudahnya"),
    "decimal_max_places": ("terlalu banyak angka di belakang titik desimal",
                           f"paling banyak {DIGIT_PECAHAN} angka sesudah titik desimal"),
    "decimal_whole_digits": ("bilangan terlalu panjang", f"paling banyak {DIGIT_BULAT} angka sebelum titik desimal"),
    "greater_than": ("nilai terlalu kecil", "bilangan lebih dari {gt}"),
    "greater_than_equal": ("nilai terlalu kecil", "bilangan paling sedikit {ge}"),
    "less_than": ("nilai terlalu besar untuk masuk akal", "bilangan kurang dari {lt}"),
    "less_than_equal": ("nilai terlalu besar", "bilangan paling besar {le}"),
    "list_type": ("nilai harus berupa daftar", "daftar (baris-baris diawali '- ')"),
    "dict_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "model_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "model_attributes_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "bool_type": ("nilai harus ya/tidak", "true atau false"),
    "bool_parsing": ("nilai harus ya/tidak", "true atau false"),
    "string_pattern_mismatch": ("format nilai tidak sesuai", None),
    "string_too_long": ("teks terlalu panjang", "paling banyak {max_length} karakter"),
    "too_short": ("daftar tidak boleh kosong", "paling sedikit satu butir"),
}


def _angka_batas(nilai) -> str:
    """A bound of a check (10**15, Decimal('0')) as a reader writes it: 1.000.000.000.000.000, 0."""
    if isinstance(nilai, int | Decimal) and nilai == int(nilai):
        return f"{int(nilai):,}".replace(",", ".")
    return str(nilai)


def jalur_teks(loc: tuple) -> str:
    """('iku', 2, 'satuan') -> 'iku[2].satuan' (0-based list positions as in YAML tools)."""
    teks = ""
    for bagian in loc:
        if isinstance(bagian, int):
            teks += f"[{bagian}]"
        else:
            teks += ("." if teks else "") + str(bagian)
    return teks


def _cari_node(node, loc: tuple):
    """(line, node) of the YAML node at `loc`; when it does not exist, the line of its deepest
    existing parent and None."""
    if node is None:
        return None, None
    baris = node.start_mark.line + 1
    for bagian in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(bagian):
                    node, baris = v, k.start_mark.line + 1
                    break
            else:
                return baris, None
        elif isinstance(node, yaml.SequenceNode) and isinstance(bagian, int) and bagian < len(node.value):
            node = node.value[bagian]
            baris = node.start_mark.line + 1
        else:
            return baris, None
    return baris, node


def baris_node(node, loc: tuple) -> int | None:
    """Line number (1-based) of the YAML node at `loc`, or of its deepest existing parent."""
    return _cari_node(node, loc)[0]


@dataclass
class Yaml:
    """A parsed YAML file: its data and its node tree (for line numbers)."""

    path: Path
    data: object
    node: object

    def baris(self, loc: tuple) -> int | None:
        return baris_node(self.node, loc)

    def skalar(self, loc: tuple) -> str | None:
        """The text of the scalar at `loc` exactly as written (94.60, where YAML reads the float 94.6)."""
        node = _cari_node(self.node, loc)[1]
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def tertulis(self, loc: tuple) -> str | None:
        """The value at `loc` as the analyst wrote it ('yes', '01234567'), not as YAML read it
        (True, 342391); for a list or mapping, what kind it is."""
        node = _cari_node(self.node, loc)[1]
        if isinstance(node, yaml.ScalarNode):
            return kutip(node.value)
        if isinstance(node, yaml.SequenceNode):
            return "daftar (baris berawalan '- ')"
        if isinstance(node, yaml.MappingNode):
            return "pemetaan (pasangan 'kunci: nilai')"
        return None


class _Pemuat(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's implicit dates: a date is text, checked by its key's pattern
    (so 2024-13-01 is named by its key instead of failing inside the parser)."""


_Pemuat.yaml_implicit_resolvers = {
    awal: [(tag, pola) for tag, pola in daftar if tag != "tag:yaml.org,2002:timestamp"]
    for awal, daftar in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class _PemuatBerjejak(_Pemuat):
    """_Pemuat that keeps the events its composer takes, so one reading gives the events checked
    for anchors, aliases and tags, the node tree and (built from the tree) the data."""

    def __init__(self, teks: str):
        super().__init__(teks)
        self.peristiwa: list[yaml.Event] = []

    def get_event(self):
        peristiwa = super().get_event()
        self.peristiwa.append(peristiwa)
        return peristiwa


def _terlarang_pertama(peristiwa_peristiwa) -> tuple | None:
    """The first anchor, alias or tag written: (its event, its key path, (what, as written))."""
    for peristiwa, loc in _peristiwa_berjalur(peristiwa_peristiwa):
        tolak = _fitur_terlarang(peristiwa)
        if tolak is not None:
            return peristiwa, loc, tolak
    return None


def _urai_yaml(teks: str) -> tuple[tuple | None, yaml.Node | None, object]:
    """Read a YAML text: the first anchor, alias or tag written (None when there is none), its
    node tree and its data; nothing is built when a feature is refused.

    One reading: composing a tree does not expand aliases (they are the same node twice), only
    building the data from it would. A text with a fault is read again as before, events first, so
    a refused feature before the fault is named rather than the fault, and the fault raises."""
    pemuat = _PemuatBerjejak(teks)
    try:
        node = pemuat.get_single_node()
    except (yaml.YAMLError, RecursionError):
        terlarang = _terlarang_pertama(yaml.parse(teks, Loader=_Pemuat))
        if terlarang is not None:
            return terlarang, None, None
        raise
    finally:
        pemuat.dispose()
    terlarang = _terlarang_pertama(pemuat.peristiwa)
    if terlarang is not None:
        return terlarang, None, None
    if node is None:
        return None, None, None
    if any(isinstance(p, yaml.ScalarEvent) and p.value == "<<" for p in pemuat.peristiwa):
        # SafeConstructor merges a '<<' key into the tree it builds from, in place: the tree the
        # checks read (which refuse '<<' by its line) stays as written
        return None, node, pemuat.construct_document(copy.deepcopy(node))
    return None, node, pemuat.construct_document(node)


@functools.lru_cache(maxsize=64)
def _urai_yaml_acar(teks: str) -> bytes:
    """_urai_yaml's outcome, pickled, for the last texts read (a text with a fault raises, and is not kept)."""
    return pickle.dumps(_urai_yaml(teks), protocol=pickle.HIGHEST_PROTOCOL)


def _urai_yaml_tersimpan(teks: str) -> tuple[tuple | None, yaml.Node | None, object]:
    """_urai_yaml, remembering the outcome of the last texts read: the preview reads the year again
    at every save, and all but the edited file are as they were. Each caller gets its own copy (the
    outcome is kept pickled); a tree too deep to pickle is read each time."""
    try:
        return pickle.loads(_urai_yaml_acar(teks))  # noqa: S301 (pickled here, from this process's own objects)
    except RecursionError:
        return _urai_yaml(teks)


def baca_yaml(path: Path, temuan: DaftarTemuan) -> Yaml | None:
    teks = baca_teks(path, temuan, tak_terlihat=False)  # named by key below
    if teks is None:
        return None
    try:
        # Anchors, aliases and tags are refused before anything is built: aliases let a small
        # file expand without bound ("billion laughs"), tags ask for Python objects.
        dalam = _terlalu_dalam(teks)
        if dalam is not None:
            temuan.galat(Jenis.SINTAKS, path, "struktur YAML terlalu dalam", baris=dalam,
                         ditemukan=f"kurung '[' atau '{{' bersarang lebih dari {BATAS_KEDALAMAN} tingkat",
                         diharapkan="data bertingkat seperti di data/README.md")
            return None
        terlarang, node, data = _urai_yaml_tersimpan(teks)
        if terlarang is not None:
            peristiwa, loc, tolak = terlarang
            temuan.galat(Jenis.SINTAKS, path, tolak[0], baris=peristiwa.start_mark.line + 1,
                         kolom=kunci(jalur_teks(loc)) if loc else f"kolom {peristiwa.start_mark.column + 1}",
                         ditemukan=kutip(tolak[1]),
                         diharapkan="nilai ditulis langsung (salin nilainya; anchor '&', alias '*' dan tag '!' "
                                    "tidak dipakai di data lkjip)")
            return None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, e.g. a control character
        temuan.galat(Jenis.SINTAKS, path, "karakter tidak sah dalam YAML", baris=teks.count("\n", 0, e.position) + 1,
                     ditemukan=f"U+{e.character if isinstance(e.character, int) else ord(e.character):04X}",
                     diharapkan=HARAPAN_TERLIHAT)
        return None
    except yaml.YAMLError as e:
        tanda = getattr(e, "problem_mark", None)
        masalah = getattr(e, "problem", None) or str(e).splitlines()[0]
        konteks, tanda_konteks = getattr(e, "context", None) or "", getattr(e, "context_mark", None)
        ditemukan = _masalah_yaml(masalah, konteks)
        kutip_terbuka = _kutip_terbuka(teks, tanda.line if tanda is not None else None)
        if "quoted scalar" in konteks and tanda_konteks is not None:  # named where the quote opens
            tanda, ditemukan = tanda_konteks, "tanda kutip '\"' atau \"'\" yang dibuka di sini tidak ditutup"
        elif kutip_terbuka is not None:  # the parser stumbles later, on what the open quote swallowed
            tanda, ditemukan = kutip_terbuka, "tanda kutip '\"' yang dibuka di sini tidak ditutup"
        if tanda is not None:
            ditemukan += f": {kutip(teks.splitlines()[tanda.line].strip() if tanda.line < len(teks.splitlines()) else '')}"
        temuan.galat(Jenis.SINTAKS, path, "sintaks YAML tidak sah", baris=None if tanda is None else tanda.line + 1,
                     kolom=None if tanda is None else f"kolom {tanda.column + 1}", ditemukan=ditemukan,
                     diharapkan="YAML yang sah (periksa indentasi dengan spasi, tanda ':', tanda kutip dan kurung)")
        return None
    except RecursionError:  # nesting by indentation alone, deeper than the check of brackets sees
        temuan.galat(Jenis.SINTAKS, path, "struktur YAML terlalu dalam", baris=1, ditemukan="bagian bersarang "
                     "ratusan tingkat", diharapkan="data bertingkat seperti di data/README.md")
        return None
    if node is None:
        temuan.galat(Jenis.KOSONG, path, "berkas YAML kosong", baris=1, ditemukan="berkas tanpa isi (hanya komentar "
                     "atau baris kosong)", diharapkan="kunci-kunci seperti yang dijelaskan di data/README.md")
        return None
    berkas = Yaml(path, data, node)
    if _periksa_node(berkas, node, (), temuan):
        return None
    m = _TAK_TERLIHAT.search(teks)
    if m is not None:  # in a comment: named by its line
        temuan.galat(Jenis.SINTAKS, path, "karakter tak terlihat atau karakter kendali",
                     baris=teks.count("\n", 0, m.start()) + 1, ditemukan=f"U+{ord(m.group()):04X}",
                     diharapkan=HARAPAN_TERLIHAT)
        return None
    return berkas


BATAS_KEDALAMAN = 50  # nesting levels; the deepest lkjip file (organisasi.yaml) has fewer than 15


def _terlalu_dalam(teks: str) -> int | None:
    """The line where brackets nest deeper than BATAS_KEDALAMAN (PyYAML recurses per level), or None.
    Brackets inside quotes and comments are counted too: a false alarm needs 50 of them open on a line."""
    dalam = 0
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        for c in baris:
            if c in "[{":
                dalam += 1
                if dalam > BATAS_KEDALAMAN:
                    return nomor
            elif c in "]}":
                dalam = max(0, dalam - 1)
    return None


def _kutip_terbuka(teks: str, sampai: int | None):
    """The place (a mark with .line and .column, 0-based) of a double quote opened and never closed
    on its line, in the lines before line `sampai` (0-based); None when every line is balanced."""
    if sampai is None:
        return None
    for nomor, baris in enumerate(teks.splitlines()[:sampai + 1]):
        isi = baris.split(" #", 1)[0]
        if isi.lstrip().startswith("#"):
            continue
        posisi = [m.start() for m in re.finditer(r'(?<!\\)"', isi)]
        if len(posisi) % 2 == 1 and "'" not in isi[:posisi[0]]:
            return yaml.Mark("", 0, nomor, posisi[-1], None, None)
    return None


def _peristiwa_berjalur(peristiwa_peristiwa):
    """The parser's events, each with the key path of the node it starts ('kota', ('iku', 2, 'satuan'))."""
    tumpukan: list[list] = []  # per open collection: [is a mapping, path, next key or index, expecting a key]

    def jalur_node(nilai_kunci=None):
        if not tumpukan:
            return ()
        atas = tumpukan[-1]
        if atas[0]:
            if atas[3]:  # this node is a key: it names its value
                return atas[1]
            return atas[1] + (atas[2],)
        return atas[1] + (atas[2],)

    def selesai_node(nilai=None):
        if not tumpukan:
            return
        atas = tumpukan[-1]
        if atas[0]:
            if atas[3]:
                atas[2], atas[3] = nilai, False
            else:
                atas[3] = True
        else:
            atas[2] += 1

    for p in peristiwa_peristiwa:
        if isinstance(p, yaml.ScalarEvent | yaml.AliasEvent):
            yield p, jalur_node()
            selesai_node(getattr(p, "value", None))
        elif isinstance(p, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            jalur = jalur_node()
            yield p, jalur
            tumpukan.append([isinstance(p, yaml.MappingStartEvent), jalur, None if isinstance(
                p, yaml.MappingStartEvent) else 0, True])
        elif isinstance(p, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            tumpukan.pop()
            selesai_node("?")
        else:
            yield p, ()


def _fitur_terlarang(peristiwa) -> tuple[str, str] | None:
    if isinstance(peristiwa, yaml.AliasEvent):
        return "alias YAML tidak diperbolehkan", f"*{peristiwa.anchor}"
    if getattr(peristiwa, "anchor", None):
        return "anchor YAML tidak diperbolehkan", f"&{peristiwa.anchor}"
    tag = getattr(peristiwa, "tag", None)
    if tag and not (isinstance(peristiwa, yaml.ScalarEvent) and peristiwa.implicit[0] is False and tag == "!"):
        # (a quoted scalar carries the non-specific tag '!'; that is not a tag written by the user)
        return "tag YAML tidak diperbolehkan", tag.replace("tag:yaml.org,2002:", "!!")
    return None


# PyYAML's problems, in the words of the message ("ditemukan ..."); the rest are quoted as they are.
_MASALAH_YAML = (
    ("found character '\\t'", "karakter tab (U+0009) untuk indentasi; YAML hanya memakai spasi"),
    ("found character", "karakter yang tidak boleh mengawali nilai"),
    ("mapping values are not allowed", "tanda ':' di tempat yang tidak diharapkan (beri tanda kutip pada teks yang "
                                       "memuat ': ')"),
    ("could not find expected ':'", "baris tanpa tanda ':' di dalam pemetaan"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("found unexpected ':'", "tanda ':' di tempat yang tidak diharapkan"),
    ("expected ',' or ']'", "kurung '[' tidak ditutup dengan benar"),
    ("expected ',' or '}'", "kurung '{' tidak ditutup dengan benar"),
    ("expected <block end>", "indentasi tidak sejajar dengan baris sebelumnya"),
    ("expected <document start>", "isi yang tidak sejajar di akhir berkas"),
    ("expected a comment or a line break", "teks sesudah nilai bertanda kutip"),
    ("did not find expected key", "indentasi tidak sejajar dengan kunci sebelumnya"),
    ("did not find expected", "penanda '-' atau kunci di tempat yang tidak diharapkan"),
    ("found undefined", "alias atau tag yang tidak dikenal"),
    ("found unhashable key", "kunci berupa daftar atau pemetaan"),
    ("expected a single document", "lebih dari satu dokumen YAML (baris '---' di tengah berkas)"),
    ("found duplicate anchor", "anchor ganda"),
    ("found unknown escape character", "urutan '\\' yang tidak dikenal di dalam tanda kutip ganda"),
    ("found unacceptable character", "karakter yang tidak diperbolehkan"),
    ("expected alphabetic or numeric character", "anchor atau alias tanpa nama"),
    ("expected the node content", "nilai yang tidak lengkap"),
)


def _masalah_yaml(masalah: str, konteks: str | None) -> str:
    teks = f"{konteks or ''} {masalah}"
    for inggris, indonesia in _MASALAH_YAML:
        if inggris in teks:
            return indonesia
    return "struktur yang tidak dapat dibaca"


def _periksa_node(berkas: Yaml, node, loc: tuple, temuan: DaftarTemuan) -> bool:
    """Report what the YAML parser lets through but lkjip does not: a key written twice in one
    mapping (YAML keeps the last silently), a merge key '<<', a key or value holding an invisible
    character. True when any is found."""
    ada = False
    if isinstance(node, yaml.MappingNode):
        terlihat: dict[str, int] = {}
        for k, v in node.value:
            jalur = kunci(jalur_teks(loc + (k.value,))) if isinstance(k, yaml.ScalarNode) else None
            if not isinstance(k, yaml.ScalarNode):
                temuan.galat(Jenis.SINTAKS, berkas.path, "kunci YAML harus berupa teks", baris=k.start_mark.line + 1,
                             ditemukan="kunci berupa daftar atau pemetaan ('? ...')", diharapkan="'kunci: nilai'")
                ada = True
                continue
            if k.tag == "tag:yaml.org,2002:merge":
                temuan.galat(Jenis.SINTAKS, berkas.path, "kunci gabungan YAML tidak diperbolehkan",
                             baris=k.start_mark.line + 1, kolom=jalur, ditemukan="'<<'",
                             diharapkan="setiap kunci ditulis langsung")
                ada = True
                continue
            if k.value in terlihat:
                temuan.galat(Jenis.GANDA, berkas.path, "kunci ganda", baris=k.start_mark.line + 1,
                             kolom=jalur, ditemukan=kutip(k.value),
                             diharapkan=f"setiap kunci sekali saja (sudah ada di baris {terlihat[k.value]})")
                ada = True
            terlihat.setdefault(k.value, k.start_mark.line + 1)
            ada |= _tak_terlihat_node(berkas, k, loc + (k.value,), temuan)
            ada |= _periksa_node(berkas, v, loc + (k.value,), temuan)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            ada |= _periksa_node(berkas, v, loc + (i,), temuan)
    else:
        ada |= _tak_terlihat_node(berkas, node, loc, temuan)
    return ada


def _tak_terlihat_node(berkas: Yaml, node, loc: tuple, temuan: DaftarTemuan) -> bool:
    kode = karakter_tak_terlihat(node.value) if isinstance(node, yaml.ScalarNode) else None
    if kode is None:
        return False
    temuan.galat(Jenis.SINTAKS, berkas.path, f"karakter tak terlihat {kode}", baris=node.start_mark.line + 1,
                 kolom=kunci(jalur_teks(loc)) if loc else None, ditemukan=kutip(node.value),
                 diharapkan=HARAPAN_TERLIHAT)
    return True


def tolak(pesan: str, harapan: str, ditemukan: str | None = None) -> PydanticCustomError:
    """The error a model's own validator raises: the message, what is expected and (when the value
    itself would not say it) what was found, all for the reader."""
    return PydanticCustomError("lkjip", pesan, {"harapan": harapan, "ditemukan": ditemukan})


def _jenis_pydantic(kode: str) -> Jenis:
    if kode in ("missing", "extra_forbidden"):
        return Jenis.KUNCI
    if kode in ("literal_error", "value_error", "too_short", "lkjip"):
        return Jenis.TIDAK_SAH
    return Jenis.TIPE_SALAH


def validasi_model(berkas: Yaml, model: type[BaseModel], temuan: DaftarTemuan):
    """Validate parsed YAML against a pydantic model; report each problem by line and key."""
    try:
        return model.model_validate(berkas.data if berkas.data is not None else {})
    except ValidationError as e:
        for err in e.errors():
            loc = tuple(err["loc"])
            pesan, harapan = _PESAN_PYDANTIC.get(err["type"], (None, None))
            konteks = err.get("ctx", {})
            if harapan is not None and "{" in harapan:
                harapan = harapan.format(**{k: _angka_batas(v) for k, v in konteks.items()})
            if pesan is None and err["type"] in ("value_error", "lkjip"):  # our own validators, in Indonesian
                pesan = err["msg"].removeprefix("Value error, ")
            elif pesan is None:  # a check this table does not know: still no English for the reader
                pesan, harapan = "nilai tidak sah", "nilai seperti yang dijelaskan di data/README.md"
            if err["type"] == "literal_error":
                pilihan = err.get("ctx", {}).get("expected", "").replace(" or ", " atau ")
                pesan, harapan = "nilai tidak dikenal", "salah satu dari " + pilihan
            if err["type"] == "string_pattern_mismatch":
                harapan = HARAPAN_POLA.get(konteks.get("pattern"), "format seperti yang dijelaskan di data/README.md")
            if err["type"] == "lkjip":  # raised by our own validators (`tolak`), with what is expected
                harapan = konteks.get("harapan")
            if err["type"] == "missing":
                induk = f"bagian '{jalur_teks(loc[:-1])}'" if loc[:-1] else "berkas ini"
                harapan = f"baris '{loc[-1]}: ...' di {induk}"
            masukan = err.get("input")
            jenis = _jenis_pydantic(err["type"])
            if masukan is None and jenis == Jenis.TIPE_SALAH:  # `nama:` left empty: like an empty CSV cell
                pesan, jenis = "nilai kosong", Jenis.KOSONG
            if err["type"] == "missing" or masukan is None:
                ditemukan = None
            elif err["type"] == "lkjip" and konteks.get("ditemukan"):
                ditemukan = konteks["ditemukan"]
            else:  # as the analyst wrote it: 'yes', not True
                ditemukan = berkas.tertulis(loc) or kutip(masukan)
            temuan.galat(jenis, berkas.path, pesan, baris=berkas.baris(loc),
                         kolom=kunci(jalur_teks(loc)) if loc else None,
                         ditemukan=ditemukan, diharapkan=harapan)
        return None
