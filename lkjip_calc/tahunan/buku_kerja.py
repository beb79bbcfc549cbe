"""The Excel round trip: `lkjip template` writes one sheet per input table of a year, pre-filled
with what is known; `lkjip import` validates an edited workbook (by sheet, row and column),
writes the CSV files, prints what changed and keeps the previous files recoverable.

Template then import of an unchanged year reproduces its CSV files byte for byte.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..dasar.berkas import angka_mesin, simpan_atomik, sunting_yaml, teks_csv, tulis_atomik
from ..dasar.temuan import GALAT, DaftarTemuan, Temuan
from ..masukan.baca import BILANGAN, BULAT, HARAPAN, KODE, RUPIAH, TAHUN, baca_csv
from ..masukan.lokasi import FOLDER_SKALA
from ..masukan.model import CAPAIAN_NEGATIF, POLARITAS
from ..masukan.muat import muat
from ..masukan.skema import TABEL

PETUNJUK = "Petunjuk"
DAFTAR = "Daftar"
LEMBAR_IKU = "iku"  # the IKU definitions of renstra.yaml, editable with dropdowns
KOLOM_IKU = ["kode", "sasaran", "indikator", "singkatan", "satuan", "polaritas", "rumus", "rumus_capaian_negatif"]
SATUAN_UMUM = ["%", "indeks", "nilai", "dokumen", "kasus", "orang", "unit", "kegiatan", "lembaga", "hari", "rupiah"]
KOSONG_ISI = PatternFill("solid", fgColor="FFF2CC")  # cells still to fill in
KEPALA = PatternFill("solid", fgColor="DDEBF7")
FOLDER_CADANGAN = ".cadangan"

# What each sheet holds, for the instructions sheet.
ARTI = {
    "renstra_target.csv": "Target tahunan setiap IKU menurut Renstra (Tabel 2.1).",
    "perjanjian_kinerja.csv": "Target setiap IKU dalam Perjanjian Kinerja tahun ini (Tabel 2.3).",
    "program.csv": "Kode dan nama program.",
    "iku_program.csv": "Program yang mendukung setiap IKU (alokasi, serapan dan efisiensi per IKU).",
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
    tabel = {nama: baca_csv(folder / nama, kolom, temuan, kunci, draf=True) for nama, (kolom, kunci) in TABEL.items()}
    if temuan.ada_galat:
        raise ImportGagal("data tahun ini belum bisa dijadikan template:\n" + "\n".join(map(str, temuan.galat_saja)))
    renstra = yaml.safe_load((folder / "renstra.yaml").read_text(encoding="utf-8")) or {}

    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = PETUNJUK
    _petunjuk(petunjuk, unit, tahun)

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
            sel.comment = Comment(f"{k.nama}: {HARAPAN[k.jenis]}; {wajib}.", "lkjip")
            ws.column_dimensions[get_column_letter(i)].width = {KODE: 22, TAHUN: 8, RUPIAH: 18, BILANGAN: 12,
                                                                BULAT: 12}.get(k.jenis, 40)
        for b in tabel[nama]:
            ws.append([b[k.nama] for k in kolom])  # Decimal is stored exactly
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


def _iku_dari_lembar(wb, path: Path) -> tuple[list[dict] | None, list[str]]:
    """The IKU definitions as edited in the workbook (None when the sheet is absent)."""
    if LEMBAR_IKU not in wb.sheetnames:
        return None, []
    ws = wb[LEMBAR_IKU]
    baris = list(ws.iter_rows(values_only=True))
    kepala = [k for k in (baris[0] if baris else []) if k is not None]
    if kepala != KOLOM_IKU:
        return None, [f"GALAT: {path.name}, lembar '{LEMBAR_IKU}', baris 1: judul kolom berubah; ditemukan "
                      f"{', '.join(map(str, kepala))}; diharapkan {', '.join(KOLOM_IKU)}"]
    daftar = []
    for b in baris[1:]:
        if not any(v not in (None, "") for v in b):
            continue
        item = {}
        for k, v in zip(KOLOM_IKU, b, strict=False):
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            item[k] = v.strip() if isinstance(v, str) else v
        daftar.append(item)
    return daftar, []


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


def _petunjuk(ws, unit: str, tahun: int) -> None:
    baris = [
        f"Template data LKjIP: unit {unit}, tahun {tahun}",
        "",
        "Cara mengisi:",
        "1. Setiap lembar adalah satu tabel data (satu berkas CSV di data/<unit>/<tahun>/). Baris 1 adalah judul "
        "kolom: jangan diubah. Arahkan kursor ke judul untuk melihat isi yang diharapkan.",
        "2. Sel berwarna kuning adalah angka tahun ini yang belum diisi.",
        "3. Uang dalam rupiah utuh (tanpa desimal). Persentase ditulis dalam persen (mis. 94,5 untuk 94,5%).",
        "4. Kolom iku, program dan kelurahan dipilih dari daftar (lembar Daftar). Kode IKU dan program baru "
        "ditambahkan di renstra.yaml / lembar program terlebih dahulu.",
        "5. Baris boleh ditambah atau dihapus (mis. sub kegiatan baru). Baris kosong diabaikan.",
        f"6. Simpan sebagai .xlsx, lalu jalankan: lkjip import NAMA.xlsx --unit {unit} --year {tahun}",
        "   Galat disebut per lembar, baris dan kolom; tidak ada berkas yang diubah selama masih ada galat.",
        "   Berkas lama disimpan di folder .cadangan/ sebelum diganti.",
        "",
        "Isi setiap lembar:",
        f"- {LEMBAR_IKU}: definisi IKU dari renstra.yaml (kode, sasaran, indikator, satuan, polaritas, rumus); "
        "satuan, polaritas dan sasaran dipilih dari daftar.",
        *[f"- {nama_lembar(n)}: {a}" for n, a in ARTI.items()],
        "",
        "Narasi (Markdown), tujuan dan sasaran Renstra serta data unit (YAML) tidak ada di buku kerja ini: ubah "
        "berkasnya langsung.",
    ]
    for teks in baris:
        ws.append([teks])
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 120


# --- import --------------------------------------------------------------------------------

class ImportGagal(Exception):
    """The workbook cannot be imported; the message is for the user."""


@dataclass
class HasilImpor:
    diubah: dict[str, list[str]]   # file -> changes in words
    cadangan: Path | None
    temuan: list[Temuan]


def _teks_sel(nilai) -> str:
    """A cell as CSV text: numbers for machines (`angka_mesin`), text trimmed."""
    if isinstance(nilai, bool):
        raise ValueError("nilai ya/tidak")
    if isinstance(nilai, (datetime.date, datetime.datetime, datetime.time)):
        raise ValueError("tanggal/waktu")
    if nilai is None or isinstance(nilai, (int, float, Decimal)):
        return angka_mesin(nilai)
    return str(nilai).strip()


def baca_buku_kerja(path: Path) -> tuple[dict[str, tuple[str, str]], list[dict] | None, list[str]]:
    """Each table's sheet as CSV text (with its empty rows, so line numbers are the sheet's rows;
    and without them, to be written), the IKU definitions of the `iku` sheet, and the problems of
    the workbook's shape."""
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except FileNotFoundError:
        raise ImportGagal(f"berkas {path} tidak ada") from None
    except Exception as e:  # not a readable xlsx
        raise ImportGagal(f"{path} bukan buku kerja Excel (.xlsx) yang dapat dibaca ({type(e).__name__})") from None
    masalah, teks = [], {}
    iku, masalah_iku = _iku_dari_lembar(wb, path)
    masalah += masalah_iku
    for nama in TABEL:
        lembar = nama_lembar(nama)
        if lembar not in wb.sheetnames:
            masalah.append(f"GALAT: {path.name}: lembar '{lembar}' tidak ada; diharapkan satu lembar per tabel "
                           f"(buat ulang dengan lkjip template)")
            continue
        ws = wb[lembar]
        baris_baris = []
        for nomor, sel in enumerate(ws.iter_rows(values_only=True), start=1):
            sel = list(sel)
            while sel and sel[-1] is None:
                sel.pop()
            if nomor > 1 and not sel:
                baris_baris.append([])  # kept as an empty line so row numbers stay those of the sheet
                continue
            teks_baris = []
            for i, nilai in enumerate(sel, start=1):
                try:
                    teks_baris.append(_teks_sel(nilai))
                except ValueError as e:
                    masalah.append(f"GALAT: {path.name}, lembar '{lembar}', baris {nomor}, kolom {get_column_letter(i)}: "
                                   f"nilai tidak sesuai; ditemukan {e}; diharapkan bilangan atau teks")
                    teks_baris.append("")
            baris_baris.append(teks_baris)
        if baris_baris:
            lebar = len(baris_baris[0])
            baris_baris = [b + [""] * (lebar - len(b)) if b else [] for b in baris_baris]
        while baris_baris and not baris_baris[-1]:
            baris_baris.pop()
        teks[nama] = (teks_csv(baris_baris), teks_csv([b for b in baris_baris if b]))
    wb.close()
    return teks, iku, masalah


def _ke_lembar(t: Temuan, xlsx: Path, awal: str, kepala: dict[str, list[str]]) -> Temuan:
    """A finding about a staged file, told as a place in the workbook."""
    if awal not in t.berkas:
        return t
    nama = t.berkas.split(awal, 1)[1]
    m = re.match(r"kunci 'iku\[(\d+)\]\.(\w+)'", t.kolom or "")
    if nama == "renstra.yaml" and m and m.group(2) in KOLOM_IKU:
        kolom = f"kolom {get_column_letter(KOLOM_IKU.index(m.group(2)) + 1)} '{m.group(2)}'"
        return Temuan(t.tingkat, t.jenis, f"{xlsx.name}, lembar '{LEMBAR_IKU}'", t.pesan, int(m.group(1)) + 2, kolom,
                      t.ditemukan, t.diharapkan)
    if nama not in TABEL:
        return t
    kolom = t.kolom
    if kolom and kolom.startswith("kolom '") and nama in kepala:
        nama_kolom = kolom[len("kolom '"):-1]
        if nama_kolom in kepala[nama]:
            kolom = f"kolom {get_column_letter(kepala[nama].index(nama_kolom) + 1)} '{nama_kolom}'"
    return Temuan(t.tingkat, t.jenis, f"{xlsx.name}, lembar '{nama_lembar(nama)}'", t.pesan, t.baris, kolom,
                  t.ditemukan, t.diharapkan)


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


def impor(xlsx: Path, akar: Path, unit: str, tahun: int) -> HasilImpor:
    folder = akar / unit / str(tahun)
    if not folder.is_dir():
        raise ImportGagal(f"folder {folder} belum ada; buat dulu dengan: lkjip new-year --unit {unit} --year {tahun}")
    teks, iku, masalah = baca_buku_kerja(xlsx)
    if masalah:
        raise ImportGagal("\n".join(masalah))

    # Check the workbook as the year it would become, in a staged copy: data/ is untouched until it passes.
    with tempfile.TemporaryDirectory() as tmp:
        akar_uji = Path(tmp) / akar.name
        shutil.copytree(folder, akar_uji / unit / str(tahun), ignore=shutil.ignore_patterns(FOLDER_CADANGAN))
        if (akar / FOLDER_SKALA).is_dir():
            shutil.copytree(akar / FOLDER_SKALA, akar_uji / FOLDER_SKALA)
        renstra_lama = (folder / "renstra.yaml").read_text(encoding="utf-8")
        renstra_baru = renstra_lama
        if iku is not None and iku != [{k: v for k, v in i.items() if v is not None}
                                       for i in (yaml.safe_load(renstra_lama) or {}).get("iku") or []]:
            renstra_baru = _ganti_iku(renstra_lama, iku)
            (akar_uji / unit / str(tahun) / "renstra.yaml").write_text(renstra_baru, encoding="utf-8")
        for nama, (isi, _tulis) in teks.items():
            (akar_uji / unit / str(tahun) / nama).write_text(isi, encoding="utf-8")
        _data, temuan = muat(akar_uji, unit, tahun, draf=True)
        awal = f"/{akar.name}/{unit}/{tahun}/"
        kepala = {nama: next(csv.reader(io.StringIO(isi)), []) for nama, (isi, _tulis) in teks.items()}
        daftar = [_ke_lembar(t, xlsx, awal, kepala) for t in temuan.daftar]
    galat = [t for t in daftar if t.tingkat == GALAT]
    if galat:
        raise ImportGagal("\n".join(str(t) for t in galat))

    diubah = {}
    if renstra_baru != renstra_lama:
        teks["renstra.yaml"] = (renstra_baru, renstra_baru)
    for nama, (_validasi, isi) in teks.items():
        path = folder / nama
        lama = path.read_text(encoding="utf-8") if path.exists() else None
        perubahan = _perubahan(lama, isi, nama)
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
    return HasilImpor(diubah=diubah, cadangan=cadangan, temuan=[t for t in daftar if t.tingkat != GALAT])
