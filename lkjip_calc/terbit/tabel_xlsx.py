"""The report's own tables as an XLSX workbook: one sheet per printed table, in report order.

The tables are read back from the built HTML chapter pages, not rebuilt from `laporan.tabel`:
Sphinx numbers them (numfig, per chapter, after dropping the parts a unit does not have), and
reading the pages gives the same numbers, captions, cells and Sumber lines the reader sees, by
construction. Indonesian number text becomes a numeric cell with the precision it was printed
with ("14.959.915.882" -> 14959915882 shown '#,##0'; "98,02%" -> 98.02 shown '#,##0.00"%"').
The workbook is dated by the build's SOURCE_DATE_EPOCH (`reproduksi`): same pages, same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ..dasar.berkas import simpan_atomik
from .reproduksi import waktu_utc, zip_tetap

LEMBAR_DAFTAR = "Daftar Tabel"
# Excel: a sheet name is at most 31 characters, without []:*?/\ and not quoted at the ends.
_TERLARANG_LEMBAR = re.compile(r"[\[\]:*?/\\]")
# Indonesian number text as tables print it: 14.959.915.882 / 98,02 / 98,02% / Rp 1.234 / -5,5.
_ANGKA = re.compile(r"(?P<rp>Rp\s?)?(?P<tanda>-?)(?P<bulat>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<pecahan>\d+))?"
                    r"(?P<persen>%?)")
_LEBAR_MIN, _LEBAR_MAKS = 6, 60  # column widths, in characters
_BUTIR = "\u2022 "  # a list item in a cell, as a bullet line


@dataclass
class Sel:
    teks: str
    kolom: int = 1    # colspan
    baris: int = 1    # rowspan
    tebal: bool = False


@dataclass
class TabelCetak:
    """One table as printed: its number ("Tabel 3.32"), whole caption, header rows, body rows and
    the Sumber line under it."""

    nomor: str
    judul: str
    kepala: list[list[Sel]] = field(default_factory=list)
    isi: list[list[Sel]] = field(default_factory=list)
    sumber: str | None = None


# --- reading the built pages --------------------------------------------------------------


def _kelas(attrs) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


class _PembacaTabel(HTMLParser):
    """Collects the numbered tables of one chapter page and the Sumber line after each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tabel: list[TabelCetak] = []
        self._kini: TabelCetak | None = None   # table being read
        self._menunggu: TabelCetak | None = None  # last table, waiting for its Sumber line
        self._bagian = None                    # 'kepala' or 'isi'
        self._baris: list[Sel] | None = None
        self._sel: Sel | None = None
        self._teks: list[str] | None = None    # text being collected (cell, caption, sumber)
        self._caption: dict[str, list[str]] | None = None
        self._span: str | None = None
        self._sumber_dalam = 0                 # depth of <div> inside a sumber-tabel container
        self._tebal = 0

    def handle_starttag(self, tag, attrs):
        kelas = _kelas(attrs)
        if tag == "table":
            self._kini, self._menunggu = TabelCetak("", ""), None
        elif self._kini is not None:
            self._mulai_dalam_tabel(tag, attrs, kelas)
        elif tag == "div" and self._sumber_dalam:
            self._sumber_dalam += 1
        elif tag == "div" and "sumber-tabel" in kelas and self._menunggu is not None:
            self._sumber_dalam, self._teks = 1, []
        if tag in ("p", "li", "br") and self._teks and self._teks[-1] != _BUTIR:
            self._teks.append("\n")
        if tag == "li" and self._teks is not None:
            self._teks.append(_BUTIR)

    def _mulai_dalam_tabel(self, tag, attrs, kelas):
        if tag == "caption":
            self._caption = {"caption-number": [], "caption-text": []}
        elif tag == "span" and self._caption is not None:
            self._span = next((k for k in ("caption-number", "caption-text") if k in kelas), None)
        elif tag in ("thead", "tbody"):
            self._bagian = "kepala" if tag == "thead" else "isi"
        elif tag == "tr":
            self._baris = []
        elif tag in ("td", "th") and self._baris is not None:
            a = dict(attrs)
            self._sel = Sel("", int(a.get("colspan") or 1), int(a.get("rowspan") or 1))
            self._teks, self._tebal = [], 0
        elif tag in ("strong", "b") and self._sel is not None:
            self._tebal += 1

    def handle_endtag(self, tag):
        if self._kini is not None:
            self._akhiri_dalam_tabel(tag)
        elif tag == "div" and self._sumber_dalam:
            self._sumber_dalam -= 1
            if not self._sumber_dalam:
                self._menunggu.sumber, self._teks, self._menunggu = _rapikan(self._teks), None, None

    def _akhiri_dalam_tabel(self, tag):
        t = self._kini
        if tag == "span":
            self._span = None
        elif tag == "caption" and self._caption is not None:
            t.nomor = " ".join("".join(self._caption["caption-number"]).split())
            t.judul = " ".join(f"{t.nomor} {''.join(self._caption['caption-text'])}".split())
            self._caption = None
        elif tag in ("td", "th") and self._sel is not None:
            self._sel.teks = _rapikan(self._teks)
            self._baris.append(self._sel)
            self._sel, self._teks = None, None
        elif tag == "tr" and self._baris is not None:
            (t.kepala if self._bagian == "kepala" else t.isi).append(self._baris)
            self._baris = None
        elif tag == "table":
            if t.nomor:  # a numbered, captioned report table (not e.g. the signature layout)
                self.tabel.append(t)
                self._menunggu = t
            self._kini = None

    def handle_data(self, data):
        if self._caption is not None and self._span:
            self._caption[self._span].append(data)
        elif self._teks is not None:
            if self._sel is not None and self._tebal:
                self._sel.tebal = True
            self._teks.append(data)


def _rapikan(potongan: list[str]) -> str:
    """Cell text: whitespace collapsed within each line, the lines of paragraphs and list items kept."""
    baris = (" ".join(b.split()) for b in "".join(potongan).split("\n"))
    return "\n".join(b for b in baris if b)


def baca_halaman(html: str) -> list[TabelCetak]:
    """The numbered tables of one built chapter page, in page order."""
    pembaca = _PembacaTabel()
    pembaca.feed(html)
    pembaca.close()
    return pembaca.tabel


def baca_situs(folder_html: Path, bab: list[str]) -> list[TabelCetak]:
    """The numbered tables of the built site's chapter pages chapters/<bab>.html, in chapter order."""
    tabel = []
    for nama in bab:
        halaman = folder_html / "chapters" / f"{nama}.html"
        if halaman.is_file():
            tabel += baca_halaman(halaman.read_text(encoding="utf-8"))
    return tabel


# --- numbers ------------------------------------------------------------------------------


def angka_cetak(teks: str) -> tuple[int | float, str] | None:
    """A printed Indonesian number as (value, Excel number format showing the printed precision),
    or None when the text is not one number (text, "-", "58,33% (7 dari 12)", "1.")."""
    m = _ANGKA.fullmatch(teks.strip())
    if m is None:
        return None
    bulat, pecahan = m["bulat"].replace(".", ""), m["pecahan"] or ""
    nilai = Decimal(f"{m['tanda']}{bulat}.{pecahan}" if pecahan else f"{m['tanda']}{bulat}")
    # grouped as printed: a 4-digit figure printed without a dot (a year, a code) stays ungrouped
    pola = ("#,##0" if "." in m["bulat"] or len(bulat) <= 3 else "0") + ("." + "0" * len(pecahan) if pecahan else "")
    if m["rp"]:
        pola = '"Rp "' + pola
    if m["persen"]:
        pola += '"%"'  # a literal sign: the value stays 98.02, as printed, not 0.9802
    return (float(nilai) if pecahan else int(nilai)), pola


# --- writing the workbook -----------------------------------------------------------------


_GARIS = Side(style="thin", color="808080")
_BINGKAI = Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS)
_LATAR_KEPALA = PatternFill("solid", fgColor="D9E2EC")
# The few styles a table's cells take, made once: a new Font or Alignment per cell cost a quarter
# of the workbook's time (a report has some 4 500 cells).
_HURUF = {False: Font(bold=False), True: Font(bold=True)}
_RATA_KEPALA = Alignment(wrap_text=True, vertical="center", horizontal="center")
_RATA_TEKS = Alignment(wrap_text=True, vertical="top")
_RATA_ANGKA = Alignment(vertical="top", horizontal="right")


def nama_lembar(nomor: str, dipakai: set[str]) -> str:
    """A valid, unique sheet name for a table number: "Tabel 3.32" (a second "Tabel 1": "Tabel 1 (2)")."""
    dasar = _TERLARANG_LEMBAR.sub("-", nomor).strip("'")[:31] or "Tabel"
    nama, n = dasar, 1
    while nama.lower() in {d.lower() for d in dipakai}:
        n += 1
        akhiran = f" ({n})"
        nama = dasar[:31 - len(akhiran)] + akhiran
    dipakai.add(nama)
    return nama


def _letakkan(baris_sel: list[list[Sel]]) -> list[list[tuple[int, Sel]]]:
    """Each row's cells with their starting column (1-based), skipping columns covered by a rowspan above."""
    terisi: dict[tuple[int, int], bool] = {}
    hasil = []
    for r, baris in enumerate(baris_sel):
        kol, letak = 1, []
        for sel in baris:
            while terisi.get((r, kol)):
                kol += 1
            letak.append((kol, sel))
            for dr in range(sel.baris):
                for dc in range(sel.kolom):
                    terisi[(r + dr, kol + dc)] = True
            kol += sel.kolom
        hasil.append(letak)
    return hasil


def _isi_lembar(ws: Worksheet, t: TabelCetak) -> None:
    ws.cell(1, 1, t.judul).font = Font(bold=True, size=12)
    baris_kepala = len(t.kepala)
    lebar: dict[int, int] = {}
    for r, letak in enumerate(_letakkan(t.kepala + t.isi), start=2):
        kepala = r - 2 < baris_kepala
        for kol, sel in letak:
            c = ws.cell(r, kol)
            angka = None if kepala else angka_cetak(sel.teks)
            if angka is None:
                c.value = sel.teks
                c.alignment = _RATA_KEPALA if kepala else _RATA_TEKS
            else:
                c.value, c.number_format = angka
                c.alignment = _RATA_ANGKA
            c.font = _HURUF[bool(kepala or sel.tebal)]
            if kepala:
                c.fill = _LATAR_KEPALA
            for dr in range(sel.baris):
                for dc in range(sel.kolom):
                    ws.cell(r + dr, kol + dc).border = _BINGKAI
            if sel.kolom > 1 or sel.baris > 1:
                ws.merge_cells(start_row=r, start_column=kol, end_row=r + sel.baris - 1,
                               end_column=kol + sel.kolom - 1)
            if sel.kolom == 1:  # a header wraps between words; a body line is kept whole where it fits
                potongan = sel.teks.split() if kepala else sel.teks.split("\n")
                panjang = max((len(b) for b in potongan), default=0) + 2
                lebar[kol] = max(lebar.get(kol, 0), panjang)
    akhir = 1 + baris_kepala + len(t.isi)
    if t.sumber:
        ws.cell(akhir + 1, 1, t.sumber).font = Font(italic=True)
    for kol, w in lebar.items():
        ws.column_dimensions[get_column_letter(kol)].width = min(max(w, _LEBAR_MIN), _LEBAR_MAKS)
    ws.freeze_panes = ws.cell(2 + baris_kepala, 1)
    _cetak_a4(ws, sum(ws.column_dimensions[get_column_letter(k)].width for k in lebar), 2, 1 + baris_kepala)


def _cetak_a4(ws: Worksheet, lebar_total: float, kepala_awal: int, kepala_akhir: int) -> None:
    """A4, one page wide (landscape for a wide table), header rows repeated on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if lebar_total > 100 else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if kepala_akhir >= kepala_awal:
        ws.print_title_rows = f"{kepala_awal}:{kepala_akhir}"


def _daftar(ws: Worksheet, judul: str, lembar: list[tuple[str, TabelCetak]]) -> None:
    ws.cell(1, 1, judul).font = Font(bold=True, size=12)
    for kol, teks in enumerate(("Lembar", "Judul Tabel"), start=1):
        c = ws.cell(2, kol, teks)
        c.font, c.fill, c.border = Font(bold=True), _LATAR_KEPALA, _BINGKAI
    for r, (nama, t) in enumerate(lembar, start=3):
        c = ws.cell(r, 1, nama)
        c.hyperlink = Hyperlink(ref=c.coordinate, location=f"'{nama}'!A1", display=nama)
        c.font = Font(color="1F6F8B", underline="single")
        ws.cell(r, 2, t.judul).alignment = Alignment(wrap_text=True, vertical="top")
        for kol in (1, 2):
            ws.cell(r, kol).border = _BINGKAI
    ws.column_dimensions["A"].width = max([len(n) for n, _ in lembar] + [8]) + 4
    ws.column_dimensions["B"].width = 100
    ws.freeze_panes = "A3"
    _cetak_a4(ws, 0, 2, 2)


def buku_tabel(tabel: list[TabelCetak], judul: str) -> Workbook:
    """The workbook: a "Daftar Tabel" sheet linking every table, then one sheet per table."""
    wb = Workbook()
    daftar = wb.active
    daftar.title = LEMBAR_DAFTAR
    dipakai = {LEMBAR_DAFTAR}
    lembar = []
    for t in tabel:
        nama = nama_lembar(t.nomor, dipakai)
        _isi_lembar(wb.create_sheet(nama), t)
        lembar.append((nama, t))
    _daftar(daftar, judul, lembar)
    return wb


def tulis_xlsx(tabel: list[TabelCetak], judul: str, path: Path, epoch: int) -> None:
    """Write the workbook of the printed tables to `path` (atomically), dated `epoch`."""
    wb = buku_tabel(tabel, judul)
    waktu = waktu_utc(epoch).replace(tzinfo=None)  # openpyxl takes UTC without a zone
    wb.properties.created = wb.properties.modified = waktu
    wb.properties.title, wb.properties.language = judul, "id-ID"
    with simpan_atomik(path) as sementara:
        wb.save(sementara)
        sementara.write_bytes(zip_tetap(sementara.read_bytes(), epoch))  # openpyxl dates its save by the clock
