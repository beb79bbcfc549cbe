"""Reading the plain input files (CSV, YAML, Markdown) with positions, so every problem
can be reported by file, row and column instead of a traceback."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kunci, kutip

# Column kinds of the CSV files and what each expects, for messages.
TEKS, KODE, BILANGAN, RUPIAH, TAHUN, BULAT = "teks", "kode", "bilangan", "rupiah", "tahun", "bulat"
HARAPAN = {
    TEKS: "teks",
    KODE: "kode huruf kecil, angka, '_' atau '-' (mis. pelayanan_publik)",
    BILANGAN: "bilangan dengan titik sebagai pemisah desimal, tanpa pemisah ribuan (mis. 84.5)",
    RUPIAH: "bilangan bulat rupiah tanpa pemisah ribuan, tidak negatif (mis. 9500000)",
    TAHUN: "tahun empat angka (mis. 2024)",
    BULAT: "bilangan bulat tidak negatif tanpa pemisah ribuan (mis. 3027)",
}
BELUM_DIISI = "nilai belum diisi"  # the message; code looks at Jenis.BELUM_DIISI
_KODE = re.compile(r"[a-z0-9][a-z0-9_-]*")
_BILANGAN = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str = TEKS
    wajib: bool = True   # an empty cell is an error
    isian: bool = False  # a figure the analyst fills in each year: may be empty in a draft


@dataclass
class Baris:
    """One data row of a CSV file: its line number and its parsed values by column."""

    nomor: int
    nilai: dict

    def __getitem__(self, nama):
        return self.nilai[nama]

    def get(self, nama, bawaan=None):
        return self.nilai.get(nama, bawaan)


def baca_teks(path: Path, temuan: DaftarTemuan) -> str | None:
    """The file's text, or None (with an error naming the line) when it is missing or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        temuan.galat(Jenis.BERKAS_HILANG, path, "berkas tidak ada",
                     diharapkan="berkas ini ada di folder data tahun tersebut")
        return None
    try:
        return data.decode("utf-8-sig")  # -sig: Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as e:
        posisi = e.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)  # counted after it
        baris = data[:posisi].count(b"\n") + 1
        temuan.galat(Jenis.BUKAN_UTF8, path, "berkas bukan teks UTF-8", baris=baris,
                     ditemukan=f"bita 0x{data[posisi]:02x} yang tidak sah dalam UTF-8",
                     diharapkan="teks UTF-8 (di Excel: Simpan Sebagai 'CSV UTF-8')")
        return None


def _urai(teks: str, jenis: str):
    """Parse one cell; raise ValueError when it does not match its kind."""
    if jenis == TEKS:
        return teks
    if jenis == KODE:
        if not _KODE.fullmatch(teks):
            raise ValueError
        return teks
    if jenis == BILANGAN:
        if not _BILANGAN.fullmatch(teks):
            raise ValueError
        try:
            return Decimal(teks)
        except InvalidOperation as e:
            raise ValueError from e
    if jenis in (RUPIAH, BULAT):
        if not re.fullmatch(r"\d+", teks):
            raise ValueError
        return int(teks)
    if jenis == TAHUN:
        if not re.fullmatch(r"\d{4}", teks):
            raise ValueError
        return int(teks)
    raise AssertionError(jenis)


def baca_csv(path: Path, kolom_kolom: list[Kolom], temuan: DaftarTemuan,
             kunci_baris: tuple[str, ...] = (), draf: bool = False) -> list[Baris]:
    """Read and type-check one CSV table; problems go to `temuan`, bad rows are left out.

    In a draft, an empty cell of a figure still to be filled in (`isian`) is listed, not an error.
    """
    teks = baca_teks(path, temuan)
    if teks is None:
        return []
    # strict: a quote left open is an error, not a cell that swallows the rows after it
    pembaca = csv.reader(io.StringIO(teks, newline=""), strict=True)
    try:
        kepala = next(pembaca)
    except StopIteration:
        temuan.galat(Jenis.SINTAKS, path, "berkas kosong", baris=1,
                     diharapkan="baris judul kolom: " + ",".join(k.nama for k in kolom_kolom))
        return []
    except csv.Error as e:
        temuan.galat(Jenis.SINTAKS, path, f"CSV tidak dapat dibaca ({e})", baris=1)
        return []
    kepala = [k.strip() for k in kepala]
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
        temuan.galat(Jenis.KOLOM, path, "judul kolom ganda", baris=1, kolom=kolom(ganda[0]))
    hasil: list[Baris] = []
    terlihat: dict[tuple, int] = {}
    nomor = 1
    try:
        while True:
            nomor = pembaca.line_num + 1  # a row is named by the line it starts on
            sel = next(pembaca, None)
            if sel is None:
                break
            if not any(s.strip() for s in sel):
                continue  # blank line
            if len(sel) != len(kepala):
                temuan.galat(Jenis.KOLOM, path, "jumlah sel tidak sama dengan jumlah kolom", baris=nomor,
                             ditemukan=f"{len(sel)} sel",
                             diharapkan=f"{len(kepala)} sel (periksa koma di dalam teks: beri tanda kutip)")
                continue
            nilai, baik = {}, True
            for nama, isi in zip(kepala, sel, strict=True):
                k = dikenal.get(nama)
                if k is None:
                    continue
                isi = isi.strip()
                if isi == "":
                    if k.wajib and draf and k.isian:
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
                    nilai[nama] = _urai(isi, k.jenis)
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
        temuan.galat(Jenis.SINTAKS, path, _PESAN_CSV.get(str(e), f"CSV tidak dapat dibaca ({e})"), baris=nomor,
                     diharapkan='teks bertanda kutip ditutup kembali, mis. "Perencanaan, Penganggaran"')
    return hasil


_PESAN_CSV = {
    "unexpected end of data": "tanda kutip dibuka tetapi tidak ditutup sampai akhir berkas",
    "',' expected after '\"'": "ada teks sesudah tanda kutip penutup",
}


# --- YAML -------------------------------------------------------------------------------

_PESAN_PYDANTIC = {
    "missing": ("kunci wajib tidak ada", None),
    "extra_forbidden": ("kunci tidak dikenal", "hanya kunci yang dijelaskan di data/README.md"),
    "string_type": ("nilai harus berupa teks", "teks"),
    "int_type": ("nilai harus bilangan bulat", "bilangan bulat"),
    "int_parsing": ("nilai harus bilangan bulat", "bilangan bulat"),
    "int_from_float": ("nilai harus bilangan bulat", "bilangan bulat"),
    "decimal_parsing": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "decimal_type": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "float_parsing": ("nilai harus bilangan", "bilangan dengan titik desimal (mis. 84.5)"),
    "list_type": ("nilai harus berupa daftar", "daftar (baris-baris diawali '- ')"),
    "dict_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "model_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "model_attributes_type": ("nilai harus berupa pemetaan", "pasangan 'kunci: nilai'"),
    "bool_type": ("nilai harus ya/tidak", "true atau false"),
    "bool_parsing": ("nilai harus ya/tidak", "true atau false"),
    "string_pattern_mismatch": ("format nilai tidak sesuai", None),
    "too_short": ("daftar tidak boleh kosong", "paling sedikit satu butir"),
}


def jalur_teks(loc: tuple) -> str:
    """('iku', 2, 'satuan') -> 'iku[2].satuan' (0-based list positions as in YAML tools)."""
    teks = ""
    for bagian in loc:
        if isinstance(bagian, int):
            teks += f"[{bagian}]"
        else:
            teks += ("." if teks else "") + str(bagian)
    return teks


def baris_node(node, loc: tuple) -> int | None:
    """Line number (1-based) of the YAML node at `loc`, or of its deepest existing parent."""
    if node is None:
        return None
    baris = node.start_mark.line + 1
    for bagian in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(bagian):
                    node, baris = v, k.start_mark.line + 1
                    break
            else:
                return baris
        elif isinstance(node, yaml.SequenceNode) and isinstance(bagian, int) and bagian < len(node.value):
            node = node.value[bagian]
            baris = node.start_mark.line + 1
        else:
            return baris
    return baris


@dataclass
class Yaml:
    """A parsed YAML file: its data and its node tree (for line numbers)."""

    path: Path
    data: object
    node: object

    def baris(self, loc: tuple) -> int | None:
        return baris_node(self.node, loc)


def baca_yaml(path: Path, temuan: DaftarTemuan) -> Yaml | None:
    teks = baca_teks(path, temuan)
    if teks is None:
        return None
    try:
        node = yaml.compose(teks, Loader=yaml.SafeLoader)
        data = yaml.safe_load(teks)
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, e.g. a control character
        temuan.galat(Jenis.SINTAKS, path, "karakter tidak sah dalam YAML", baris=teks.count("\n", 0, e.position) + 1,
                     ditemukan=f"karakter kendali {e.character!r}" if isinstance(e.character, str) else None,
                     diharapkan="teks biasa (hapus karakter yang tersalin dari pengolah kata)")
        return None
    except yaml.YAMLError as e:
        tanda = getattr(e, "problem_mark", None)
        masalah = getattr(e, "problem", None) or str(e).splitlines()[0]
        temuan.galat(Jenis.SINTAKS, path, "sintaks YAML tidak sah", baris=None if tanda is None else tanda.line + 1,
                     kolom=None if tanda is None else f"kolom {tanda.column + 1}",
                     ditemukan=kutip(masalah),
                     diharapkan="YAML yang sah (periksa indentasi, tanda ':' dan tanda kutip)")
        return None
    berkas = Yaml(path, data, node)
    if _kunci_ganda(berkas, node, (), temuan):
        return None
    return berkas


def _kunci_ganda(berkas: Yaml, node, loc: tuple, temuan: DaftarTemuan) -> bool:
    """Report a key written twice in one mapping (YAML keeps the last silently); True when any is."""
    ada = False
    if isinstance(node, yaml.MappingNode):
        terlihat: dict[str, int] = {}
        for k, v in node.value:
            if k.value in terlihat:
                temuan.galat(Jenis.GANDA, berkas.path, "kunci ganda", baris=k.start_mark.line + 1,
                             kolom=kunci(jalur_teks(loc + (k.value,))), ditemukan=kutip(k.value),
                             diharapkan=f"setiap kunci sekali saja (sudah ada di baris {terlihat[k.value]})")
                ada = True
            terlihat.setdefault(k.value, k.start_mark.line + 1)
            ada |= _kunci_ganda(berkas, v, loc + (k.value,), temuan)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            ada |= _kunci_ganda(berkas, v, loc + (i,), temuan)
    return ada


def _jenis_pydantic(kode: str) -> Jenis:
    if kode in ("missing", "extra_forbidden"):
        return Jenis.KUNCI
    if kode in ("literal_error", "value_error", "too_short"):
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
            if pesan is None:
                pesan = err["msg"].removeprefix("Value error, ")
            if err["type"] == "literal_error":
                pilihan = err.get("ctx", {}).get("expected", "").replace(" or ", " atau ")
                pesan, harapan = "nilai tidak dikenal", "salah satu dari " + pilihan
            if err["type"] == "string_pattern_mismatch":
                harapan = err.get("ctx", {}).get("pattern")
            masukan = err.get("input")
            jenis = _jenis_pydantic(err["type"])
            if masukan is None and jenis == Jenis.TIPE_SALAH:  # `nama:` left empty: like an empty CSV cell
                pesan, jenis = "nilai kosong", Jenis.KOSONG
            kosong = err["type"] == "missing" or masukan is None or isinstance(masukan, (dict, list))
            ditemukan = None if kosong else kutip(masukan)
            temuan.galat(jenis, berkas.path, pesan, baris=berkas.baris(loc),
                         kolom=kunci(jalur_teks(loc)) if loc else None,
                         ditemukan=ditemukan, diharapkan=harapan)
        return None
