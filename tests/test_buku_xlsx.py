"""The XLSX download of the shared build holds the report's tables as the site prints them: every
numbered caption of the chapter pages, in order, a sheet each, with real figures as numbers."""

from __future__ import annotations

import html
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from bantu import BAB
from openpyxl import load_workbook

from lkjip_calc.terbit.tabel_xlsx import LEMBAR_DAFTAR

pytestmark = pytest.mark.buku

_JUDUL = re.compile(r'<caption><span class="caption-number">(.*?)</span><span class="caption-text">(.*?)</span>', re.S)


def _judul_html(folder) -> list[str]:
    """The numbered table captions of the chapter pages in order, read by a plain pattern."""
    judul = []
    for nama in BAB:
        halaman = folder / "html" / "chapters" / f"{nama}.html"
        if halaman.exists():
            judul += [" ".join(html.unescape(re.sub(r"<[^>]+>", "", n + " " + t)).split())
                      for n, t in _JUDUL.findall(halaman.read_text(encoding="utf-8"))]
    return judul


def _buku_kerja(folder, unit, tahun):
    path, = (folder / "html" / "_downloads").glob(f"*/lkjip-{unit}-{tahun}.xlsx")
    return load_workbook(path)


@pytest.mark.parametrize("unit", ["kanigaran", "sumberrejo"])
def test_xlsx_judul_sama_dengan_situs(buku_semua, unit):
    folder = buku_semua.tahun(unit, 2024)
    judul = _judul_html(folder)
    wb = _buku_kerja(folder, unit, 2024)
    assert len(judul) > 20
    assert wb.sheetnames[0] == LEMBAR_DAFTAR and len(wb.sheetnames) == len(judul) + 1
    daftar = wb[LEMBAR_DAFTAR]
    assert [daftar.cell(r, 2).value for r in range(3, 3 + len(judul))] == judul
    assert [wb[n]["A1"].value for n in wb.sheetnames[1:]] == judul
    for nama, teks in zip(wb.sheetnames[1:], judul, strict=True):
        assert teks.startswith(nama + " ")  # "Tabel 3.32" names the sheet of "Tabel 3.32 Realisasi ..."


def test_xlsx_kanigaran_angka_nyata(buku_semua):
    wb = _buku_kerja(buku_semua.tahun("kanigaran", 2024), "kanigaran", 2024)
    ws = wb["Tabel 3.32"]
    assert ws["A1"].value == "Tabel 3.32 Realisasi Anggaran Tahun 2024"
    assert [c.value for c in ws[2]] == ["No", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran (Rp)",
                                        "Realisasi (Rp)", "Serapan (%)"]
    jumlah = next(r for r in ws.iter_rows(min_row=3) if r[1].value == "Jumlah")
    pagu, realisasi = 14959915882, 14663367084
    serapan = (Decimal(realisasi) * 100 / Decimal(pagu)).quantize(Decimal("0.01"), ROUND_HALF_UP)  # 98,0177.. -> 98,02
    assert (jumlah[2].value, jumlah[2].number_format) == (pagu, "#,##0")
    assert (jumlah[3].value, jumlah[3].number_format) == (realisasi, "#,##0")
    assert (jumlah[4].value, jumlah[4].number_format) == (float(serapan), "#,##0.00") == (98.02, "#,##0.00")
    assert jumlah[2].font.b and ws.freeze_panes == "A3"
    # Tabel 1.1: the kelurahan areas add up to 10,66 km², printed with its two decimals
    luas = wb["Tabel 1.1"]
    total = next(r for r in luas.iter_rows(min_row=3) if r[1].value == "Jumlah")
    assert (total[2].value, total[2].number_format, total[3].value) == (10.66, "#,##0.00", 100)
    assert luas.cell(luas.max_row, 1).value.startswith("Sumber: ")
