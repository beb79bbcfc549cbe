"""The XLSX of the printed tables (terbit.tabel_xlsx): read from built chapter pages, numbers as
numbers with the printed precision, one sheet per table in page order with a linked list."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from lkjip_calc.terbit.tabel_xlsx import LEMBAR_DAFTAR, angka_cetak, baca_halaman, nama_lembar, tulis_xlsx

EPOCH = 1_700_000_000

# As Sphinx writes a numbered list-table and its Sumber container (a built chapter page, shortened).
HALAMAN = """
<table class="tabel-lkjip docutils align-default" id="tabel-realisasi-anggaran">
<caption><span class="caption-number">Tabel 3.32 </span><span class="caption-text">Realisasi Anggaran
Tahun 2024</span><a class="headerlink" href="#tabel-realisasi-anggaran" title="Link to this table">#</a></caption>
<thead>
<tr class="row-odd"><th class="head" rowspan="2"><p>No</p></th><th class="head" rowspan="2"><p>Program</p></th>
<th class="head" colspan="2"><p>Anggaran</p></th><th class="head" rowspan="2"><p>Serapan (%)</p></th></tr>
<tr class="row-even"><th class="head"><p>Pagu (Rp)</p></th><th class="head"><p>Realisasi (Rp)</p></th></tr>
</thead>
<tbody>
<tr class="row-odd"><td><p>I</p></td><td><p>Program A &amp; B</p></td><td><p>9.869.874.278</p></td>
<td><p>9.670.396.816</p></td><td><p>97,98</p></td></tr>
<tr class="row-even"><td><p>2.12</p></td><td><ul class="simple"><li><p>Kegiatan satu</p></li><li><p>Kegiatan dua</p></li>
</ul></td><td><p>-</p></td><td><p>Rp 1.234</p></td><td><p>58,33% (7 dari 12)</p></td></tr>
<tr class="row-odd"><td><p></p></td><td><p><strong>Jumlah</strong></p></td><td><p><strong>14.959.915.882</strong></p></td>
<td><p><strong>14.663.367.084</strong></p></td><td><p><strong>98,02</strong></p></td></tr>
</tbody>
</table>
<div class="sumber-tabel docutils container">
<p>Sumber: SIMRAL Tahun 2024</p>
</div>
<p>Teks lain.</p>
<table class="tanda-tangan-pk"><tbody><tr><td><p>PIHAK KEDUA</p></td></tr></tbody></table>
<div class="sumber-tabel docutils container"><p>Sumber: bukan milik tabel tanda tangan</p></div>
<table><caption><span class="caption-number">Tabel 3.33 </span><span class="caption-text">Tanpa Sumber</span>
</caption><thead><tr><th><p>Capaian</p></th></tr></thead><tbody><tr><td><p>98,02%</p></td></tr></tbody></table>
"""


@pytest.mark.parametrize("teks, harapan", [
    ("14.959.915.882", (14959915882, "#,##0")),
    ("98,02", (98.02, "#,##0.00")),
    ("100,00", (100, "#,##0.00")),
    ("84,5", (84.5, "#,##0.0")),
    ("98,02%", (98.02, '#,##0.00"%"')),
    ("100%", (100, '#,##0"%"')),
    ("Rp 1.234", (1234, '"Rp "#,##0')),
    ("-5,5", (-5.5, "#,##0.0")),
    ("7", (7, "#,##0")),
    ("2024", (2024, "0")),          # printed without a dot: shown without one
    ("5.880,21", (5880.21, "#,##0.00")),
])
def test_angka_cetak(teks, harapan):
    assert angka_cetak(teks) == harapan


@pytest.mark.parametrize("teks", ["-", "[belum diisi]", "58,33% (7 dari 12)", "1.", "2.12", "I", ">90 - 100", ""])
def test_bukan_angka_tetap_teks(teks):
    assert angka_cetak(teks) is None


def test_baca_halaman_judul_sel_dan_sumber():
    tabel = baca_halaman(HALAMAN)
    assert [t.judul for t in tabel] == ["Tabel 3.32 Realisasi Anggaran Tahun 2024", "Tabel 3.33 Tanpa Sumber"]
    a, b = tabel
    assert a.nomor == "Tabel 3.32" and a.sumber == "Sumber: SIMRAL Tahun 2024" and b.sumber is None
    assert [[(s.teks, s.kolom, s.baris) for s in r] for r in a.kepala] == [
        [("No", 1, 2), ("Program", 1, 2), ("Anggaran", 2, 1), ("Serapan (%)", 1, 2)],
        [("Pagu (Rp)", 1, 1), ("Realisasi (Rp)", 1, 1)]]
    assert a.isi[1][1].teks == "\u2022 Kegiatan satu\n\u2022 Kegiatan dua"
    assert a.isi[0][1].teks == "Program A & B"
    assert [s.tebal for s in a.isi[2]] == [False, True, True, True, True]


def test_nama_lembar_sah_dan_unik():
    dipakai = {LEMBAR_DAFTAR}
    assert nama_lembar("Tabel 3.32", dipakai) == "Tabel 3.32"
    assert nama_lembar("Tabel 3.32", dipakai) == "Tabel 3.32 (2)"
    panjang = nama_lembar("Tabel [1]: a/b*c?" + "x" * 40, dipakai)
    assert len(panjang) == 31 and not set("[]:*?/\\") & set(panjang)


def test_buku_kerja_tabel_cetak(tmp_path):
    path = tmp_path / "t.xlsx"
    tulis_xlsx(baca_halaman(HALAMAN), "Tabel LKjIP Contoh 2024", path, EPOCH)
    wb = load_workbook(path)
    assert wb.sheetnames == [LEMBAR_DAFTAR, "Tabel 3.32", "Tabel 3.33"]
    daftar = wb[LEMBAR_DAFTAR]
    assert [daftar.cell(r, 2).value for r in (3, 4)] == ["Tabel 3.32 Realisasi Anggaran Tahun 2024",
                                                        "Tabel 3.33 Tanpa Sumber"]
    assert daftar["A3"].hyperlink.location == "'Tabel 3.32'!A1"
    ws = wb["Tabel 3.32"]
    assert ws["A1"].value == "Tabel 3.32 Realisasi Anggaran Tahun 2024" and ws["A1"].font.b
    # two header rows: merged as printed (No over both rows, Anggaran over two columns)
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:A3", "B2:B3", "C2:D2", "E2:E3"}
    assert [ws.cell(3, c).value for c in (3, 4)] == ["Pagu (Rp)", "Realisasi (Rp)"] and ws["C3"].font.b
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$2:$3"
    assert ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage  # 9: A4
    # the total row: 9.869.874.278 + ... printed as 14.959.915.882, a number, and 98,02 with two decimals
    assert (ws["C6"].value, ws["C6"].number_format, ws["C6"].font.b) == (14959915882, "#,##0", True)
    assert (ws["E6"].value, ws["E6"].number_format) == (98.02, "#,##0.00")
    assert (ws["E4"].value, ws["D5"].value, ws["D5"].number_format) == (97.98, 1234, '"Rp "#,##0')
    assert [ws["A5"].value, ws["C5"].value, ws["E5"].value] == ["2.12", "-", "58,33% (7 dari 12)"]
    assert ws["A7"].value == "Sumber: SIMRAL Tahun 2024" and ws["A7"].font.i
    assert ws.column_dimensions["B"].width >= len("Kegiatan satu") + 2
    assert wb["Tabel 3.33"]["A3"].value == 98.02 and wb["Tabel 3.33"]["A3"].number_format == '#,##0.00"%"'
