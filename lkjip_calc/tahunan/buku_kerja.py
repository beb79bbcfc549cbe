"""The Excel round trip: `lkjip template` writes one sheet per input table of a year, pre-filled
with what is known; `lkjip import` validates an edited workbook (by sheet, row and column),
writes the CSV files, prints what changed and keeps the previous files recoverable.

Template then import of an unchanged year reproduces its CSV files byte for byte: every column of
a table is in its sheet, and an optional column today's file does not have is written only once
the workbook fills a cell of it. An import cannot
destroy a year: the workbook records its unit and year and another is refused; error values and
formulas without a saved result are errors, not empty cells; and emptying a value that is filled
in today's data, or removing a row, needs the user's explicit `--allow-empty`.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ..dasar.berkas import angka_mesin, simpan_atomik, sunting_yaml, teks_csv, tulis_atomik
from ..dasar.temuan import GALAT, DaftarTemuan, Jenis, Temuan, kutip, nama_berkas
from ..masukan.baca import BILANGAN, BULAT, HARAPAN, KODE, RUPIAH, TAHUN, baca_csv
from ..masukan.lokasi import FOLDER_SKALA
from ..masukan.model import CAPAIAN_NEGATIF, POLARITAS
from ..masukan.muat import muat
from ..masukan.skema import BOLEH_TIDAK_ADA, TABEL

PETUNJUK = "Petunjuk"
DAFTAR = "Daftar"
LEMBAR_IKU = "iku"  # the IKU definitions of renstra.yaml, editable with dropdowns
KOLOM_IKU = ["kode", "sasaran", "indikator", "singkatan", "satuan", "polaritas", "rumus", "rumus_capaian_negatif"]
SATUAN_UMUM = ["%", "indeks", "nilai", "dokumen", "kasus", "orang", "unit", "kegiatan", "lembaga", "hari", "rupiah"]
KOSONG_ISI = PatternFill("solid", fgColor="FFF2CC")  # cells still to fill in
KEPALA = PatternFill("solid", fgColor="DDEBF7")
FOLDER_CADANGAN = ".cadangan"
# The unit and year a workbook is for, in labelled cells of the (protected) Petunjuk sheet: the
# label in column A and the value in column B of these rows. Import refuses a workbook that
# records another unit or year, or none.
CATATAN = {"unit": 3, "tahun": 4}
# The optional columns a sheet has but its data file did not (sheet.column, comma-separated), in the
# column B of the Petunjuk row labelled so: import writes them only when a cell is filled, so an
# unchanged workbook writes today's files byte for byte even when they are gone.
LABEL_KOLOM_BARU = "kolom baru"

# What each sheet holds, for the instructions sheet.
ARTI = {
    "renstra_target.csv": "Target tahunan setiap IKU menurut Renstra (Tabel 2.1).",
    "perjanjian_kinerja.csv": "Target setiap IKU dalam Perjanjian Kinerja tahun ini (Tabel 2.3).",
    "program.csv": "Kode dan nama program.",
    "iku_program.csv": "Program (atau kegiatan/sub kegiatannya) yang mendukung setiap IKU (alokasi, serapan dan "
                       "efisiensi per IKU).",
    "pk_anggaran.csv": "Anggaran setiap program menurut Perjanjian Kinerja (Tabel 2.4).",
    "anggaran.csv": "Pagu dan realisasi setiap sub kegiatan (Realisasi Anggaran, BAB III).",
    "realisasi_iku.csv": "Realisasi setiap IKU per tahun, dengan pembilang/penyebut dan realisasi nasional bila ada.",
    "wilayah.csv": "Luas setiap kelurahan (Tabel 1.1).",
    "penduduk.csv": "Penduduk laki-laki dan perempuan per kelurahan (Tabel 1.2).",
}


def nama_lembar(berkas: str) -> str:
    return berkas.removesuffix(".csv")


# --- template ------------------------------------------------------------------------------

def tulis_template(akar: Path, unit: str, tahun: int, keluaran: Path) -> Path:
    folder = akar / unit / str(tahun)
    temuan = DaftarTemuan()
    # A table the year may leave out (a dinas's wilayah.csv) and does gets an empty sheet to fill in.
    tabel = {nama: baca_csv(folder / nama, kolom, temuan, kunci, draf=True)
             if nama not in BOLEH_TIDAK_ADA or (folder / nama).exists() else []
             for nama, (kolom, kunci) in TABEL.items()}
    if temuan.ada_galat:
        raise ImportGagal("data tahun ini belum bisa dijadikan template:\n" + "\n".join(map(str, temuan.galat_saja)))
    renstra = yaml.safe_load((folder / "renstra.yaml").read_text(encoding="utf-8")) or {}

    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = PETUNJUK
    kolom_baru = [f"{nama_lembar(nama)}.{k.nama}" for nama, (kolom, _kunci) in TABEL.items()
                  for k in kolom if not k.wajib and k.nama not in _kepala_berkas(folder / nama)]
    _petunjuk(petunjuk, unit, tahun, kolom_baru)

    daftar = wb.create_sheet(DAFTAR)
    iku = renstra.get("iku") or []
    daftar.append(["kode IKU", "indikator", "satuan", "polaritas", "", "kode program", "nama program", "", "kelurahan"])
    program = [(b["kode"], b["nama"]) for b in tabel["program.csv"]]
    kelurahan = [b["kelurahan"] for b in tabel["wilayah.csv"]]
    for i in range(max(len(iku), len(program), len(kelurahan))):
        baris = [None] * 9
        if i < len(iku):
            baris[0:4] = [iku[i].get("kode"), iku[i].get("indikator"), iku[i].get("satuan"), iku[i].get("polaritas")]
        if i < len(program):
            baris[5:7] = program[i]
        if i < len(kelurahan):
            baris[8] = kelurahan[i]
        daftar.append(baris)
    for sel in daftar[1]:
        sel.font = Font(bold=True)
    for kolom, lebar in zip("ABCDEFGHI", (24, 60, 10, 10, 2, 20, 60, 2, 24), strict=True):
        daftar.column_dimensions[kolom].width = lebar
    sumber_daftar = {
        "iku": f"{DAFTAR}!$A$2:$A${max(len(iku), 1) + 1}",
        "program": f"{DAFTAR}!$F$2:$F${max(len(program), 1) + 1}",
        "kelurahan": f"{DAFTAR}!$I$2:$I${max(len(kelurahan), 1) + 1}",
    }

    _lembar_iku(wb, renstra)

    for nama, (kolom, _kunci) in TABEL.items():
        ws = wb.create_sheet(nama_lembar(nama))
        ws.append([k.nama for k in kolom])
        for i, k in enumerate(kolom, start=1):
            sel = ws.cell(row=1, column=i)
            sel.font, sel.fill = Font(bold=True), KEPALA
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            wajib = "wajib diisi" if k.wajib else "boleh kosong"
            # a stated figure is text, so 94.60 keeps the decimals that say its precision
            tertulis = " Ketik sebagai teks (mis. '94.60) agar angka nol di belakang tetap." if k.tertulis else ""
            sel.comment = Comment(f"{k.nama}: {HARAPAN[k.jenis]}; {wajib}.{tertulis}", "lkjip")
            ws.column_dimensions[get_column_letter(i)].width = {KODE: 22, TAHUN: 8, RUPIAH: 18, BILANGAN: 12,
                                                                BULAT: 12}.get(k.jenis, 40)
        for b in tabel[nama]:
            # Decimal is stored exactly; a stated figure as its text (94.60)
            ws.append([str(b[k.nama]) if k.tertulis and b[k.nama] is not None else b[k.nama] for k in kolom])
        akhir = max(ws.max_row, 2) + 200  # room for new rows, with the same checks
        for i, k in enumerate(kolom, start=1):
            huruf = get_column_letter(i)
            rentang = f"{huruf}2:{huruf}{akhir}"
            if k.jenis == RUPIAH or k.jenis == BULAT:
                for baris in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    baris[0].number_format = "#,##0"
                dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                    errorTitle="Bilangan bulat", error=HARAPAN[k.jenis])
                dv.add(rentang)
                ws.add_data_validation(dv)
            elif k.tertulis:
                for baris in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    baris[0].number_format = "@"
            elif k.jenis == BILANGAN:
                dv = DataValidation(type="decimal", allow_blank=True, errorTitle="Bilangan", error=HARAPAN[k.jenis],
                                    operator="between", formula1="-1000000000000", formula2="1000000000000")
                dv.add(rentang)
                ws.add_data_validation(dv)
            elif (k.nama in ("iku", "program") and nama != "program.csv"
                  or (k.nama == "kelurahan" and nama == "penduduk.csv")):
                dv = DataValidation(type="list", formula1="=" + sumber_daftar[k.nama], allow_blank=False,
                                    errorTitle="Pilih dari daftar", error=f"Pilih {k.nama} dari lembar {DAFTAR}.")
                dv.add(rentang)
                ws.add_data_validation(dv)
            if k.isian:
                for baris in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    if baris[0].value is None:
                        baris[0].fill = KOSONG_ISI
        ws.freeze_panes = "A2"
    with simpan_atomik(keluaran) as sementara:
        wb.save(sementara)
    return keluaran


def _lembar_iku(wb, renstra: dict) -> None:
    """The IKU definitions, with dropdowns for sasaran, satuan, polaritas and the negative formula."""
    ws = wb.create_sheet(LEMBAR_IKU)
    ws.append(KOLOM_IKU)
    iku = renstra.get("iku") or []
    for i in iku:
        ws.append([i.get(k) for k in KOLOM_IKU])
    sasaran = [x.get("kode") for x in renstra.get("sasaran") or []]
    satuan = list(dict.fromkeys(SATUAN_UMUM + [i.get("satuan") for i in iku if i.get("satuan")]))
    daftar = wb[DAFTAR]
    daftar["K1"], daftar["L1"] = "kode sasaran", "satuan"
    daftar["K1"].font = daftar["L1"].font = Font(bold=True)
    for n, kode in enumerate(sasaran, start=2):
        daftar[f"K{n}"] = kode
    for n, nama in enumerate(satuan, start=2):
        daftar[f"L{n}"] = nama
    akhir = len(iku) + 100
    pilihan = {
        "sasaran": f"={DAFTAR}!$K$2:$K${max(len(sasaran), 1) + 1}",
        "satuan": f"={DAFTAR}!$L$2:$L${len(satuan) + 1}",
        "polaritas": '"' + ",".join(POLARITAS) + '"',
        "rumus_capaian_negatif": '"' + ",".join(CAPAIAN_NEGATIF) + '"',
    }
    for i, nama in enumerate(KOLOM_IKU, start=1):
        sel = ws.cell(row=1, column=i)
        sel.font, sel.fill = Font(bold=True), KEPALA
        huruf = get_column_letter(i)
        ws.column_dimensions[huruf].width = {"indikator": 60, "rumus": 50}.get(nama, 18)
        if nama in pilihan:
            dv = DataValidation(type="list", formula1=pilihan[nama], allow_blank=nama == "rumus_capaian_negatif",
                                errorTitle="Pilih dari daftar", error=f"Pilih {nama} dari daftar.")
            dv.add(f"{huruf}2:{huruf}{akhir}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"


def _ganti_iku(teks: str, iku: list[dict]) -> str:
    """renstra.yaml with its IKU definitions as the sheet has them. An IKU kept (same code) keeps
    its place in the file and the comments on its lines; the rest of the file is untouched."""

    def ganti(data) -> None:
        lama = {i.get("kode"): i for i in data.get("iku") or []}
        baru = []
        for item in iku:
            peta = lama.get(item.get("kode"))
            if peta is None:
                baru.append(item)
                continue
            for k in [k for k in peta if k not in item]:
                del peta[k]
            for k, v in item.items():
                if peta.get(k) != v:
                    peta[k] = v
            baru.append(peta)
        data["iku"][:] = baru

    return sunting_yaml(teks, ganti)


def _kepala_berkas(path: Path) -> list[str]:
    lama = _baca_lama(path)
    return [] if lama is None else _baris_csv(lama)[0]


def _petunjuk(ws, unit: str, tahun: int, kolom_baru: list[str]) -> None:
    ws["A1"] = f"Template data LKjIP: unit {unit}, tahun {tahun}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Buku kerja ini untuk (jangan diubah; lkjip import menolak buku kerja unit atau tahun lain):"
    for label, nilai in (("unit", unit), ("tahun", tahun)):
        ws.cell(CATATAN[label], 1, label).font = Font(bold=True)
        ws.cell(CATATAN[label], 2, nilai).font = Font(bold=True)
        ws.cell(CATATAN[label], 2).alignment = Alignment(horizontal="left")
    baris = [
        "",
        "Cara mengisi:",
        "1. Setiap lembar adalah satu tabel data (satu berkas CSV di data/<unit>/<tahun>/). Baris 1 adalah judul "
        "kolom: jangan diubah. Arahkan kursor ke judul untuk melihat isi yang diharapkan.",
        "2. Sel berwarna kuning adalah angka tahun ini yang belum diisi.",
        "3. Uang dalam rupiah utuh (tanpa desimal). Persentase ditulis dalam persen (mis. 94,5 untuk 94,5%).",
        "4. Kolom iku, program dan kelurahan dipilih dari daftar (lembar Daftar). Kode IKU dan program baru "
        "ditambahkan di renstra.yaml / lembar program terlebih dahulu.",
        "5. Baris boleh ditambah (mis. sub kegiatan baru). Baris kosong diabaikan. Rumus boleh dipakai bila hasilnya "
        "tersimpan (simpan di Excel atau LibreOffice); sel berisi galat (#DIV/0!, #REF!, #N/A, ...) ditolak.",
        f"6. Simpan sebagai .xlsx, lalu jalankan: lkjip import NAMA.xlsx --unit {unit} --year {tahun}",
        "   Galat disebut per lembar, baris dan kolom; tidak ada berkas yang diubah selama masih ada galat.",
        "   Menghapus baris atau mengosongkan nilai yang sudah terisi ditolak dan didaftar; bila memang disengaja,",
        "   tambahkan --allow-empty (--kosongkan). Berkas lama disimpan di folder .cadangan/ sebelum diganti.",
        "",
        "Isi setiap lembar:",
        f"- {LEMBAR_IKU}: definisi IKU dari renstra.yaml (kode, sasaran, indikator, satuan, polaritas, rumus); "
        "satuan, polaritas dan sasaran dipilih dari daftar.",
        *[f"- {nama_lembar(n)}: {a}" for n, a in ARTI.items()],
        "",
        "Narasi (Markdown), tujuan dan sasaran Renstra serta data unit (YAML) tidak ada di buku kerja ini: ubah "
        "berkasnya langsung.",
        "",
        "Kolom yang boleh kosong dan belum ada di berkas datanya (lembar.kolom; ditulis ke berkas hanya bila ada "
        "selnya yang diisi; jangan diubah):",
    ]
    for nomor, teks in enumerate(baris, start=max(CATATAN.values()) + 1):
        ws.cell(nomor, 1, teks or None)
    nomor = ws.max_row + 1
    ws.cell(nomor, 1, LABEL_KOLOM_BARU).font = Font(bold=True)
    ws.cell(nomor, 2, ", ".join(kolom_baru) or "-")
    # Long lines run on over the empty cells beside them; column B is wide enough for the unit's code.
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 110
    ws.protection.sheet = True  # read-only by default (no password): the record is not changed by accident


# --- import --------------------------------------------------------------------------------

class ImportGagal(Exception):
    """The workbook cannot be imported; the message is for the user."""


@dataclass
class HasilImpor:
    diubah: dict[str, list[str]]   # file -> changes in words
    cadangan: Path | None
    temuan: list[Temuan]
    dikosongkan: list[Temuan] = field(default_factory=list)  # filled values emptied, allowed by kosongkan


@dataclass
class BukuKerja:
    """What an edited workbook holds, read and checked cell by cell."""

    teks: dict[str, tuple[str, str]]  # table file -> CSV text (rows as in the sheet, for checking; to write)
    iku: list[dict] | None            # the IKU definitions of the iku sheet (None when it is absent)
    baris_iku: dict[str, int]         # IKU code -> its row in the iku sheet
    masalah: list[str]                # problems of the workbook's shape and cells, one line each


_ZIP, _OLE = b"PK", bytes.fromhex("D0CF11E0A1B11AE1")
# Excel's error values (openpyxl knows the classic seven); a cached result of a formula or a value typed as text.
KODE_GALAT = frozenset(ERROR_CODES) | {"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
                                       "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!", "#GETTING_DATA"}


def _teks_sel(nilai) -> str:
    """A cell as CSV text: numbers for machines (`angka_mesin`), text trimmed."""
    if isinstance(nilai, bool):
        raise ValueError("nilai ya/tidak")
    if isinstance(nilai, (datetime.date, datetime.datetime, datetime.time, datetime.timedelta)):
        raise ValueError("tanggal/waktu")
    if isinstance(nilai, float) and abs(nilai) >= 2**53:
        return repr(nilai)  # no float this large is an exact rupiah: shown as Excel holds it (1e+25), refused
    if nilai is None or isinstance(nilai, (int, float, Decimal)):
        return angka_mesin(nilai)
    return str(nilai).strip()


def _buka(path: Path, tampil: str):
    """The workbook twice: with its formulas, and with the values they had when last saved.

    Read from bytes, so the file's name does not decide its format and both views are of one
    version of the file. Whatever a corrupt, encrypted or foreign file makes openpyxl raise
    becomes one line naming the file."""
    harapan = "buku kerja .xlsx tanpa kata sandi, mis. hasil lkjip template (di Excel: Simpan Sebagai 'Buku Kerja Excel')"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportGagal(f"GALAT: {tampil}: berkas tidak ada; diharapkan {harapan}") from None
    except IsADirectoryError:
        raise ImportGagal(f"GALAT: {tampil}: bukan berkas; ditemukan sebuah folder; diharapkan {harapan}") from None
    except OSError as e:
        raise ImportGagal(f"GALAT: {tampil}: berkas tidak dapat dibaca; ditemukan {e.strerror or 'galat sistem berkas'}; "
                          f"diharapkan berkas yang boleh dibaca") from None
    if not data:
        ditemukan = "berkas kosong (0 bita)"
    elif data.startswith(_OLE):
        ditemukan = "berkas Excel terenkripsi (dilindungi kata sandi) atau format .xls lama"
    elif not data.startswith(_ZIP):
        ditemukan = "isi yang bukan arsip .xlsx (mis. CSV atau teks yang diganti namanya)"
    else:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's notes on extensions it drops are not for the user
                return load_workbook(io.BytesIO(data), data_only=False), load_workbook(io.BytesIO(data), data_only=True)
        except Exception:  # noqa: BLE001 - any failure to parse means the file is not a readable workbook
            ditemukan = "arsip .xlsx yang rusak atau tidak lengkap"
    raise ImportGagal(f"GALAT: {tampil}: bukan buku kerja Excel yang dapat dibaca; ditemukan {ditemukan}; "
                      f"diharapkan {harapan}")


def _lembar(wb, nama: str):
    """The worksheet `nama`, or None when there is none (a chart sheet of that name counts as none)."""
    if nama not in wb.sheetnames:
        return None
    ws = wb[nama]
    return ws if isinstance(ws, Worksheet) else None


def _periksa_catatan(wb, tampil: str, unit: str, tahun: int) -> None:
    """Refuse a workbook made for another unit or year, or one that does not say which it is for."""
    ws = _lembar(wb, PETUNJUK)
    saran = f"buat template baru dengan: lkjip template --unit {unit} --year {tahun} --out BERKAS.xlsx"
    diharapkan = f"buku kerja unit '{unit}' tahun {tahun}; {saran}"
    if ws is None:
        raise ImportGagal(f"GALAT: {tampil}: buku kerja tidak mencatat unit dan tahunnya (bukan hasil lkjip template "
                          f"versi ini); ditemukan tidak ada lembar '{PETUNJUK}'; diharapkan {diharapkan}")
    masalah = []
    diminta = {"unit": (unit, f"--unit {unit}"), "tahun": (tahun, f"--year {tahun}")}
    for label, nomor in CATATAN.items():
        tempat = f"{tampil}, lembar '{PETUNJUK}', baris {nomor}, kolom B '{label}'"
        isi, nilai = ws.cell(nomor, 1).value, ws.cell(nomor, 2).value
        teks = _teks_catatan(nilai)
        if isi != label or not teks:
            ditemukan = (f"sel A{nomor} {kutip(isi) if isi is not None else 'kosong'}, "
                         f"sel B{nomor} {kutip(nilai) if nilai is not None else 'kosong'}")
            raise ImportGagal(f"GALAT: {tempat}: buku kerja tidak mencatat unit dan tahunnya (bukan hasil lkjip "
                              f"template versi ini); ditemukan {ditemukan}; diharapkan label '{label}' di A{nomor} dan "
                              f"nilainya di B{nomor}, dari {diharapkan}")
        harapan, asal = diminta[label]
        if teks != str(harapan):
            masalah.append(f"GALAT: {tempat}: buku kerja ini dibuat untuk {label} lain; ditemukan {kutip(teks)}; "
                           f"diharapkan '{harapan}' ({asal}); impor ke {label} yang dicatatnya, atau {saran}")
    if masalah:
        raise ImportGagal("\n".join(masalah))


def _teks_catatan(nilai) -> str:
    """A recorded unit or year as text; a year Excel turned into 2024.0 is still 2024."""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    return "" if nilai is None or isinstance(nilai, bool) else str(nilai).strip()


def _kolom(i: int, kepala: list) -> str:
    """Label of a sheet column for a message: its letter and, when known, its title."""
    nama = kepala[i - 1] if i <= len(kepala) else None
    return f"kolom {get_column_letter(i)}" + (f" '{nama}'" if isinstance(nama, str) and nama.strip() else "")


def _isi_lembar(ws_rumus, ws_nilai, tampil: str, harapan: dict[str, str]) -> tuple[list[list], list[str]]:
    """The rows of a sheet as values (a formula as the result saved with it), trailing empty cells
    dropped; and its bad cells: an error value, or a formula with no saved result (a workbook
    written by a program and never opened in Excel), which would otherwise read as empty."""
    kepala = [c.value for c in next(ws_nilai.iter_rows(max_row=1), ())]
    baris_baris, masalah = [], []
    for baris in ws_nilai.iter_rows():
        nilai = []
        for sel in baris:
            v = sel.value
            tempat = f"{tampil}, lembar '{ws_nilai.title}', baris {sel.row}, {_kolom(sel.column, kepala)}"
            diharapkan = harapan.get(kepala[sel.column - 1] if sel.column <= len(kepala) else None,
                                     "bilangan atau teks")
            if sel.data_type == "e" or (isinstance(v, str) and v.strip().upper() in KODE_GALAT):
                masalah.append(f"GALAT: {tempat}: sel berisi galat Excel; ditemukan {kutip(str(v).strip())}; "
                               f"diharapkan {diharapkan} (perbaiki rumusnya atau ketik nilainya)")
                v = None
            elif v is None:
                rumus = ws_rumus.cell(row=sel.row, column=sel.column).value
                if isinstance(rumus, (ArrayFormula, DataTableFormula)):
                    rumus = getattr(rumus, "text", None) or "rumus array/tabel data"
                if isinstance(rumus, str) and rumus.startswith("="):
                    masalah.append(f"GALAT: {tempat}: rumus tanpa hasil tersimpan; ditemukan rumus {kutip(rumus)}; "
                                   f"diharapkan {diharapkan} (buka lalu simpan buku kerja di Excel atau LibreOffice "
                                   f"agar hasil rumus tersimpan, atau ketik nilainya)")
            nilai.append(v)
        while nilai and nilai[-1] is None:
            nilai.pop()
        baris_baris.append(nilai)
    return baris_baris, masalah


def _iku_dari_baris(baris: list[list], tampil: str) -> tuple[list[dict] | None, dict[str, int], list[str]]:
    """The IKU definitions as edited in the `iku` sheet, and the row of each IKU code."""
    kepala = [k for k in (baris[0] if baris else []) if k is not None]
    if kepala != KOLOM_IKU:
        return None, {}, [f"GALAT: {tampil}, lembar '{LEMBAR_IKU}', baris 1: judul kolom berubah; ditemukan "
                          f"{', '.join(map(str, kepala))}; diharapkan {', '.join(KOLOM_IKU)}"]
    daftar, nomor_iku = [], {}
    for nomor, b in enumerate(baris[1:], start=2):
        if not any(v not in (None, "") for v in b):
            continue
        item = {}
        for k, v in zip(KOLOM_IKU, b, strict=False):
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            item[k] = v.strip() if isinstance(v, str) else v
        daftar.append(item)
        nomor_iku.setdefault(str(item.get("kode")), nomor)
    return daftar, nomor_iku, []


def baca_buku_kerja(path: Path, unit: str, tahun: int, tampil: str | None = None,
                    kepala_lama: dict[str, list[str]] | None = None) -> BukuKerja:
    """Each table's sheet as CSV text (with its empty rows, so line numbers are the sheet's rows;
    and without them, to be written), the IKU definitions of the `iku` sheet, and the problems of
    the workbook's shape and cells. A workbook of another unit or year is refused first.
    `tampil` is the workbook as the user named it, for messages. `kepala_lama`: today's header of
    each file; an optional column it lacks and the sheet leaves empty is left out."""
    tampil = str(path) if tampil is None else tampil
    wb_rumus, wb_nilai = _buka(path, tampil)
    _periksa_catatan(wb_nilai, tampil, unit, tahun)
    tercatat_baru = _kolom_baru_tercatat(wb_nilai)
    masalah, teks = [], {}
    iku, baris_iku = None, {}
    if LEMBAR_IKU in wb_nilai.sheetnames:
        if _lembar(wb_nilai, LEMBAR_IKU) is None:
            masalah.append(f"GALAT: {tampil}: lembar '{LEMBAR_IKU}' bukan lembar kerja; diharapkan lembar berisi "
                           f"definisi IKU (buat ulang dengan lkjip template)")
        else:
            baris, masalah_sel = _isi_lembar(wb_rumus[LEMBAR_IKU], wb_nilai[LEMBAR_IKU], tampil,
                                              dict.fromkeys(KOLOM_IKU, "teks"))
            iku, baris_iku, masalah_iku = _iku_dari_baris(baris, tampil)
            masalah += masalah_sel + masalah_iku
    for nama, (kolom, _kunci) in TABEL.items():
        lembar = nama_lembar(nama)
        ws = _lembar(wb_nilai, lembar)
        if ws is None and nama in BOLEH_TIDAK_ADA and lembar not in wb_nilai.sheetnames:
            continue  # a table the year may leave out, from a workbook made before it existed
        if ws is None:
            ditemukan = "bukan lembar kerja (mis. lembar grafik)" if lembar in wb_nilai.sheetnames else "tidak ada"
            masalah.append(f"GALAT: {tampil}: lembar '{lembar}' {ditemukan}; diharapkan satu lembar kerja per tabel "
                           f"(buat ulang dengan lkjip template)")
            continue
        baris_sel, masalah_sel = _isi_lembar(wb_rumus[lembar], ws, tampil, {k.nama: HARAPAN[k.jenis] for k in kolom})
        masalah += masalah_sel
        kepala = baris_sel[0] if baris_sel else []
        baris_baris = []
        for nomor, sel in enumerate(baris_sel, start=1):
            if nomor > 1 and not sel:
                baris_baris.append([])  # kept as an empty line so row numbers stay those of the sheet
                continue
            teks_baris = []
            for i, nilai in enumerate(sel, start=1):
                try:
                    teks_baris.append(_teks_sel(nilai))
                except ValueError as e:
                    masalah.append(f"GALAT: {tampil}, lembar '{lembar}', baris {nomor}, {_kolom(i, kepala)}: "
                                   f"nilai tidak sesuai; ditemukan {e}; diharapkan bilangan atau teks")
                    teks_baris.append("")
            baris_baris.append(teks_baris)
        if baris_baris:
            lebar = len(baris_baris[0])
            baris_baris = [b + [""] * (lebar - len(b)) if b else [] for b in baris_baris]
        while baris_baris and not baris_baris[-1]:
            baris_baris.pop()
        if kepala_lama is not None and nama in kepala_lama:  # today's file says which columns it has
            baru = {k.nama for k in kolom if k.nama not in kepala_lama[nama]}
        else:  # no file today: the template's record
            baru = {k for lembar_k, _, k in (b.partition(".") for b in tercatat_baru) if lembar_k == lembar}
        baris_baris = _tanpa_kolom_baru_kosong(baris_baris, kolom, baru)
        teks[nama] = (teks_csv(baris_baris), teks_csv([b for b in baris_baris if b]))
    return BukuKerja(teks, iku, baris_iku, masalah)


def _kolom_baru_tercatat(wb) -> list[str]:
    """The Petunjuk sheet's record of the optional columns the data files did not have (sheet.column)."""
    ws = _lembar(wb, PETUNJUK)
    for baris in ws.iter_rows(min_col=1, max_col=2) if ws is not None else ():
        if baris[0].value == LABEL_KOLOM_BARU and isinstance(baris[1].value, str):
            return [k.strip() for k in baris[1].value.split(",") if "." in k]
    return []


def _tanpa_kolom_baru_kosong(baris_baris: list[list[str]], kolom: list, baru: set[str]) -> list[list[str]]:
    """The rows without the optional columns `baru` (not in the data file) that no row fills: a
    template carries every column, and an unchanged import still writes today's file byte for byte."""
    if not baris_baris:
        return baris_baris
    opsional = {k.nama for k in kolom if not k.wajib}
    buang = {i for i, nama in enumerate(baris_baris[0])
             if nama in opsional and nama in baru
             and not any(i < len(b) and b[i].strip() for b in baris_baris[1:])}
    return [[v for i, v in enumerate(b) if i not in buang] if b else [] for b in baris_baris]


def _ke_lembar(t: Temuan, tampil: str, uji: str, akar: Path, folder: str, kepala: dict[str, list[str]]) -> Temuan:
    """A finding about the staged copy of the data (under `uji`), told as a place in the workbook
    when it is about a sheet, else as the file in the real data folder: never a temporary path."""
    if not t.berkas.startswith(uji + "/"):
        return t
    relatif = t.berkas[len(uji) + 1:]
    nama = relatif.removeprefix(folder + "/") if relatif.startswith(folder + "/") else None
    m = re.match(r"kunci 'iku\[(\d+)\]\.(\w+)'", t.kolom or "")
    if nama == "renstra.yaml" and m and m.group(2) in KOLOM_IKU:
        kolom = f"kolom {get_column_letter(KOLOM_IKU.index(m.group(2)) + 1)} '{m.group(2)}'"
        return Temuan(t.tingkat, t.jenis, f"{tampil}, lembar '{LEMBAR_IKU}'", t.pesan, int(m.group(1)) + 2, kolom,
                      t.ditemukan, t.diharapkan)
    if nama not in TABEL:
        return replace(t, berkas=nama_berkas(akar / relatif))
    kolom = t.kolom
    if kolom and kolom.startswith("kolom '") and nama in kepala:
        nama_kolom = kolom[len("kolom '"):-1]
        if nama_kolom in kepala[nama]:
            kolom = f"kolom {get_column_letter(kepala[nama].index(nama_kolom) + 1)} '{nama_kolom}'"
    return Temuan(t.tingkat, t.jenis, f"{tampil}, lembar '{nama_lembar(nama)}'", t.pesan, t.baris, kolom,
                  t.ditemukan, t.diharapkan)


def _baca_lama(path: Path) -> str | None:
    """Today's text of a data file (None when there is none); a byte that is not UTF-8 does not
    stop an import that replaces the file."""
    return path.read_bytes().decode("utf-8-sig", errors="replace") if path.exists() else None


def _baris_csv(teks: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """A CSV text's header and its non-empty rows, each with the line it starts on."""
    pembaca = csv.reader(io.StringIO(teks))
    kepala = [k.strip() for k in next(pembaca, [])]
    baris, awal = [], pembaca.line_num + 1
    for b in pembaca:
        if any(v.strip() for v in b):
            baris.append((awal, [v.strip() for v in b]))
        awal = pembaca.line_num + 1
    return kepala, baris


def _dikosongkan(folder: Path, tampil: str, buku: BukuKerja, renstra_lama: str) -> list[Temuan]:
    """Every value filled in today's data that the import would empty, and every row (or IKU) it
    would remove: what `--allow-empty` must be given for."""
    keluar = []
    bila = "atau --allow-empty bila memang disengaja"
    for nama, (kolom_kolom, kunci) in TABEL.items():
        lama = _baca_lama(folder / nama)
        if lama is None or nama not in buku.teks:
            continue
        berkas, lembar = nama_berkas(folder / nama), nama_lembar(nama)
        kepala_lama, baris_lama = _baris_csv(lama)
        kepala_baru, baris_baru = _baris_csv(buku.teks[nama][0])  # line numbers are the sheet's rows
        wajib = {k.nama for k in kolom_kolom if k.wajib}  # an optional key column may be absent (read as empty)
        if not all(k in kepala_lama for k in kunci if k in wajib):
            continue  # today's file is not a table this import can compare with; it is replaced whole
        baru = {}
        for nomor, b in baris_baru:
            isi = dict(zip(kepala_baru, b, strict=False))
            baru.setdefault(tuple(isi.get(k, "") for k in kunci), (nomor, isi))
        for nomor, b in baris_lama:
            isi = dict(zip(kepala_lama, b, strict=False))
            kunci_baris = tuple(isi.get(k, "") for k in kunci)
            if kunci_baris not in baru:
                sebut = ", ".join(f"{k} {kutip(v)}" for k, v in zip(kunci, kunci_baris, strict=True) if v)
                keluar.append(Temuan(GALAT, Jenis.KOSONG, berkas, "baris yang sudah terisi akan dihapus", nomor, None,
                                     f"tidak ada baris dengan {sebut} di {tampil}, lembar '{lembar}'",
                                     f"baris ini tetap ({kutip(','.join(b))}), {bila}"))
                continue
            nomor_baru, isi_baru = baru[kunci_baris]
            for k, v in isi.items():
                if v and k not in kunci and not isi_baru.get(k):
                    tempat = f"baris {nomor_baru}" + (f", kolom {get_column_letter(kepala_baru.index(k) + 1)}"
                                                      if k in kepala_baru else "")
                    keluar.append(Temuan(GALAT, Jenis.KOSONG, berkas, "nilai yang sudah terisi akan dikosongkan",
                                         nomor, f"kolom '{k}'",
                                         f"sel kosong di {tampil}, lembar '{lembar}', {tempat}",
                                         f"nilai sekarang {kutip(v)} tetap, {bila}"))
    if buku.iku is not None:
        berkas = nama_berkas(folder / "renstra.yaml")
        baru = {str(i.get("kode")): i for i in buku.iku}
        for n, item in enumerate((yaml.safe_load(renstra_lama) or {}).get("iku") or []):
            if not isinstance(item, dict):
                continue
            kode = str(item.get("kode"))
            if kode not in baru:
                keluar.append(Temuan(GALAT, Jenis.KOSONG, berkas, "IKU yang sudah ada akan dihapus", None,
                                     f"kunci 'iku[{n}]'", f"tidak ada IKU {kutip(kode)} di {tampil}, lembar "
                                     f"'{LEMBAR_IKU}'", f"IKU ini tetap, {bila}"))
                continue
            for k, v in item.items():
                if v not in (None, "") and baru[kode].get(k) in (None, ""):
                    tempat = f"baris {buku.baris_iku.get(kode)}" + (
                        f", kolom {get_column_letter(KOLOM_IKU.index(k) + 1)}" if k in KOLOM_IKU else "")
                    keluar.append(Temuan(GALAT, Jenis.KOSONG, berkas, "nilai yang sudah terisi akan dikosongkan",
                                         None, f"kunci 'iku[{n}].{k}'",
                                         f"sel kosong di {tampil}, lembar '{LEMBAR_IKU}', {tempat}",
                                         f"nilai sekarang {kutip(v)} tetap, {bila}"))
    return keluar


def _perubahan(lama: str | None, baru: str, nama: str = "") -> list[str]:
    if lama == baru:
        return []
    if lama is None:
        return ["berkas baru"]
    if not nama.endswith(".csv"):
        return [b for b in difflib.unified_diff(lama.splitlines(), baru.splitlines(), lineterm="", n=0)
                if b[:1] in "+-" and not b.startswith(("+++", "---"))]
    baris_lama = list(csv.reader(io.StringIO(lama)))
    baris_baru = list(csv.reader(io.StringIO(baru)))
    kepala = baris_baru[0] if baris_baru else []
    keluar = []
    for nomor in range(1, max(len(baris_lama), len(baris_baru))):
        a = baris_lama[nomor] if nomor < len(baris_lama) else None
        b = baris_baru[nomor] if nomor < len(baris_baru) else None
        if a == b:
            continue
        if a is None:
            keluar.append(f"baris {nomor + 1} ditambah: {','.join(b)}")
        elif b is None:
            keluar.append(f"baris {nomor + 1} dihapus: {','.join(a)}")
        else:
            for i, (x, y) in enumerate(zip(a + [""] * (len(b) - len(a)), b + [""] * (len(a) - len(b)), strict=True)):
                if x != y:
                    nama = kepala[i] if i < len(kepala) else f"#{i + 1}"
                    keluar.append(f"baris {nomor + 1}, kolom '{nama}': '{x}' -> '{y}'")
    return keluar


def impor(xlsx: Path, akar: Path, unit: str, tahun: int, kosongkan: bool = False,
          tampil: str | None = None) -> HasilImpor:
    """Check an edited workbook against the year it would become, then write its files.

    Refused (ImportGagal, data/ untouched): a workbook that is not readable, records another unit or
    year or none, has error values or formulas without a saved result, or makes the year invalid;
    and, unless `kosongkan`, one that would empty a filled value or remove a row of today's data.
    `tampil` is the workbook as the user named it, for messages (never a temporary path)."""
    tampil = str(xlsx) if tampil is None else tampil
    folder = akar / unit / str(tahun)
    if not folder.is_dir():
        raise ImportGagal(f"folder {folder} belum ada; buat dulu dengan: lkjip new-year --unit {unit} --year {tahun}")
    kepala_lama = {nama: _baris_csv(lama)[0] for nama in TABEL
                   if (lama := _baca_lama(folder / nama)) is not None}
    buku = baca_buku_kerja(xlsx, unit, tahun, tampil, kepala_lama)
    if buku.masalah:
        raise ImportGagal("\n".join(buku.masalah))
    for nama in BOLEH_TIDAK_ADA & set(buku.teks):  # a table the year leaves out stays out while its sheet is empty
        if nama not in kepala_lama and len(_baris_csv(buku.teks[nama][1])[1]) == 0:
            del buku.teks[nama]
    teks, iku = buku.teks, buku.iku

    # Check the workbook as the year it would become, in a staged copy: data/ is untouched until it passes.
    with tempfile.TemporaryDirectory() as tmp:
        akar_uji = Path(tmp) / akar.name
        shutil.copytree(folder, akar_uji / unit / str(tahun), ignore=shutil.ignore_patterns(FOLDER_CADANGAN))
        if (akar / FOLDER_SKALA).is_dir():
            shutil.copytree(akar / FOLDER_SKALA, akar_uji / FOLDER_SKALA)
        renstra_lama = _baca_lama(folder / "renstra.yaml") or ""
        renstra_baru = renstra_lama
        if iku is not None and iku != [{k: v for k, v in i.items() if v is not None}
                                       for i in (yaml.safe_load(renstra_lama) or {}).get("iku") or []]:
            renstra_baru = _ganti_iku(renstra_lama, iku)
            (akar_uji / unit / str(tahun) / "renstra.yaml").write_text(renstra_baru, encoding="utf-8")
        for nama, (isi, _tulis) in teks.items():
            (akar_uji / unit / str(tahun) / nama).write_text(isi, encoding="utf-8")
        _data, temuan = muat(akar_uji, unit, tahun, draf=True)
        kepala = {nama: next(csv.reader(io.StringIO(isi)), []) for nama, (isi, _tulis) in teks.items()}
        daftar = [_ke_lembar(t, tampil, nama_berkas(akar_uji), akar, f"{unit}/{tahun}", kepala)
                  for t in temuan.daftar]
    galat = [t for t in daftar if t.tingkat == GALAT]
    if galat:
        raise ImportGagal("\n".join(str(t) for t in galat))

    dikosongkan = _dikosongkan(folder, tampil, buku, renstra_lama)
    if dikosongkan and not kosongkan:
        raise ImportGagal(f"Buku kerja ini akan mengosongkan {len(dikosongkan)} nilai atau baris yang sudah terisi "
                          f"di {nama_berkas(folder)} (tercantum di bawah). Periksa unit, tahun dan isi buku kerjanya; "
                          f"bila memang disengaja, jalankan lagi dengan --allow-empty (--kosongkan).\n"
                          + "\n".join(str(t) for t in dikosongkan))

    diubah = {}
    if renstra_baru != renstra_lama:
        teks["renstra.yaml"] = (renstra_baru, renstra_baru)
    for nama, (_validasi, isi) in teks.items():
        perubahan = _perubahan(_baca_lama(folder / nama), isi, nama)
        if perubahan:
            diubah[nama] = perubahan
    cadangan = None
    if diubah:
        cadangan = folder / FOLDER_CADANGAN / datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        cadangan.mkdir(parents=True)
        for nama in diubah:
            if (folder / nama).exists():
                shutil.copy2(folder / nama, cadangan / nama)
        for nama in diubah:
            tulis_atomik(folder / nama, teks[nama][1])
    return HasilImpor(diubah=diubah, cadangan=cadangan, temuan=[t for t in daftar if t.tingkat != GALAT],
                      dikosongkan=dikosongkan)
