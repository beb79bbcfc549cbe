"""The Excel round trip: template, edit, import; and next year made without touching code:
new-year -> template -> fill -> import -> check -> build, every year reference the new one."""

from __future__ import annotations

import csv
import re
import tempfile
import zipfile

import pytest
from bantu import isi_bab, sidik
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from lkjip_calc.dasar.temuan import nama_berkas
from lkjip_calc.masukan.skema import OPSIONAL, TABEL
from lkjip_calc.tahunan.buku_kerja import KOSONG_ISI


@pytest.fixture
def buku_kerja(data_salinan, jalankan, tmp_path):
    """The template of Kanigaran 2024 (of the scratch copy of data/), opened for editing."""
    xlsx = tmp_path / "k.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2024", "--out", str(xlsx)).kode == 0
    return xlsx, load_workbook(xlsx)


def test_tanpa_perubahan_sama_persis(data_salinan, jalankan, tmp_path):
    sebelum = sidik(data_salinan)
    xlsx = tmp_path / "kanigaran-2024.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2024", "--out", str(xlsx)).kode == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames[:2] == ["Petunjuk", "Daftar"]
    assert {"anggaran", "perjanjian_kinerja", "realisasi_iku", "penduduk"} <= set(wb.sheetnames)
    assert wb["anggaran"]["E2"].value == 9500000 and wb["anggaran"]["E2"].number_format == "#,##0"
    assert any("Daftar!$A$2" in dv.formula1 for dv in wb["perjanjian_kinerja"].data_validations.dataValidation)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0 and "Tidak ada yang berubah." in keluar.out
    assert sidik(data_salinan) == sebelum


def test_galat_per_lembar_baris_kolom(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["anggaran"]["E2"] = "9.500.000"
    wb["perjanjian_kinerja"]["A3"] = "ikm_salah"
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2 and "tidak ada berkas yang diubah" in keluar.err
    assert "k.xlsx, lembar 'anggaran', baris 2, kolom E 'pagu'" in keluar.err and "'9.500.000'" in keluar.err
    assert "Traceback" not in keluar.err
    assert sidik(data_salinan) == sebelum


def test_rujukan_salah_disebut_per_lembar(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["perjanjian_kinerja"]["A3"] = "ikm_salah"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2
    assert "lembar 'perjanjian_kinerja', baris 3, kolom A 'iku': IKU tidak ada; ditemukan 'ikm_salah'" in keluar.err


def test_perubahan_dicetak_dan_cadangan(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["anggaran"]["E2"] = 9600000
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert "anggaran.csv: 1 perubahan" in keluar.out
    assert "baris 2, kolom 'pagu': '9500000' -> '9600000'" in keluar.out
    folder = data_salinan / "kanigaran" / "2024"
    cadangan = list((folder / ".cadangan").glob("*/anggaran.csv"))
    assert len(cadangan) == 1 and ",9500000,9490000" in cadangan[0].read_text(encoding="utf-8")
    assert ",9600000,9490000" in (folder / "anggaran.csv").read_text(encoding="utf-8")


def isi_kuning(xlsx):
    """Fill every yellow cell as an analyst would; PK budgets as the sums of their lines."""
    wb = load_workbook(xlsx)
    for ws in wb.worksheets[2:]:
        kepala = [c.value for c in ws[1]]
        for baris in ws.iter_rows(min_row=2):
            for sel in baris:
                if sel.fill == KOSONG_ISI or sel.fill.fgColor.rgb == KOSONG_ISI.fgColor.rgb:
                    nama = kepala[sel.column - 1]
                    sel.value = {"pagu": 1000000, "realisasi": 950000 if ws.title == "anggaran" else 88,
                                 "target": 80, "laki_laki": 1000, "perempuan": 1100, "anggaran": 0}[nama]
    ws = wb["anggaran"]
    jumlah = {}
    for program, pagu in ((r[0].value, r[4].value) for r in ws.iter_rows(min_row=2) if r[0].value):
        jumlah[program] = jumlah.get(program, 0) + pagu
    for r in wb["pk_anggaran"].iter_rows(min_row=2):
        r[1].value = jumlah[r[0].value]
    ws = wb["renstra_target"]  # the new Renstra's targets, from the new Renstra document
    for kode in ("ikm", "administrasi_perkantoran", "kelompok_lembaga"):
        for tahun in range(2025, 2030):
            ws.append([kode, tahun, 80])
    wb.save(xlsx)


def test_tahun_berikut_tanpa_mengubah_kode(data_salinan, jalankan, tmp_path):
    assert jalankan("new-year", "--data", str(data_salinan), "--year", "2025").kode == 0
    folder = data_salinan / "kanigaran" / "2025"
    # what is not in the workbook: the new Renstra period and the report dates (YAML)
    renstra = folder / "renstra.yaml"
    renstra.write_text(renstra.read_text(encoding="utf-8").replace("tahun_awal: 2019", "tahun_awal: 2025")
                       .replace("tahun_akhir: 2024", "tahun_akhir: 2029"), encoding="utf-8")
    laporan = folder / "laporan.yaml"
    teks = laporan.read_text(encoding="utf-8")
    teks = re.sub(r"tanggal_laporan:.*", "tanggal_laporan: 2026-01", teks)
    teks = re.sub(r"(\n  tanggal:).*", r"\1 2025-02", teks)
    laporan.write_text(teks, encoding="utf-8")

    xlsx = tmp_path / "kanigaran-2025.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2025", "--out", str(xlsx)).kode == 0
    isi_kuning(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0, keluar.err
    cek = jalankan("check", "--data", str(data_salinan), "--year", "2025")
    assert cek.kode == 0, cek.err
    assert "Data valid: Kecamatan Kanigaran, tahun 2025" in cek.out

    # What the 2025 chapters show (the book's whole text, before Sphinx): every year follows the data.
    parameter = {"unit": "kanigaran", "tahun": 2025, "data": str(data_salinan), "draf": False}
    semua = " ".join(" ".join(isi_bab(b, parameter, tmp_path) for b in ("ikhtisar_eksekutif", "bab2", "bab3")).split())
    semua = re.sub(r"Nomor \d+ [Tt]ahun \d{4}", "", semua)  # regulation citations are names, not report years
    assert "Tahun 2025" in semua and "Renstra" in semua
    # 2024 appears only where it means the previous year ("Realisasi 2024" in tables and chart texts, comparisons)
    assert len(re.findall(r"\b2024\b", semua)) >= 9  # at least once per IKU, in its previous-year table
    for m in re.finditer(r".{60}\b2024\b.{40}", semua):
        assert re.search(r"realisasi 2024|2024 terhadap Tahun 2025|tahun 2024 dan Tahun 2025|tahun 2024",
                         m.group(0), re.I), m.group(0)
    assert "2023" not in semua


def test_lembar_iku(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    ws = wb["iku"]
    assert [c.value for c in ws[1]][:6] == ["kode", "sasaran", "indikator", "singkatan", "satuan", "polaritas"]
    rumus = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert rumus["F"] == '"positif,negatif"' and rumus["E"].startswith("=Daftar!$L$2")
    ws["F2"] = "naik"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 2
    assert "k.xlsx, lembar 'iku', baris 2, kolom F 'polaritas': nilai tidak dikenal; ditemukan 'naik'" in keluar.err

    ws["F2"] = "negatif"
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0, keluar.err
    assert "renstra.yaml:" in keluar.out and "polaritas: negatif" in keluar.out
    renstra = (data_salinan / "kanigaran" / "2024" / "renstra.yaml").read_text(encoding="utf-8")
    assert "polaritas: negatif" in renstra and renstra.startswith("# Rencana Strategis")  # comments kept
    cek = jalankan("check", "--data", str(data_salinan), "--year", "2024")
    assert "capaian 105,03%" in cek.out  # (2 x 84,5 - 80,25) / 84,5


# --- an import that cannot destroy a year ----------------------------------------------------

def ditolak(keluar, data, sebelum) -> str:
    """The import was refused as bad input (exit 2, no traceback) and data/ is unchanged byte for byte."""
    assert keluar.kode == 2, keluar.out + keluar.err
    assert "Buku kerja tidak diimpor; tidak ada berkas yang diubah." in keluar.err
    for teks in (keluar.out, keluar.err):
        assert "Traceback" not in teks and "GALAT INTERNAL" not in teks
    assert sidik(data) == sebelum
    return keluar.err


def test_template_mencatat_unit_dan_tahun(buku_kerja):
    _xlsx, wb = buku_kerja
    ws = wb["Petunjuk"]
    assert [[c.value for c in r] for r in ws["A3:B4"]] == [["unit", "kanigaran"], ["tahun", 2024]]
    assert ws.protection.sheet  # read-only unless the user unprotects it on purpose


def test_buku_kerja_tahun_lain_ditolak(data_salinan, jalankan, tmp_path):
    """The hostile run's case: a 2025 workbook imported with --year 2024 blanked 2024's figures."""
    assert jalankan("new-year", "--data", str(data_salinan), "--year", "2025").kode == 0
    xlsx = tmp_path / "kanigaran-2025.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2025", "--out", str(xlsx)).kode == 0
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert (f"GALAT: {xlsx}, lembar 'Petunjuk', baris 4, kolom B 'tahun': buku kerja ini dibuat untuk tahun lain; "
            f"ditemukan '2025'; diharapkan '2024' (--year 2024)") in err
    assert "lkjip template --unit kanigaran --year 2024" in err
    assert "anggaran" not in err  # refused before anything else is compared


def test_buku_kerja_unit_lain_ditolak(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["Petunjuk"]["B3"] = "sumberrejo"
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert (f"GALAT: {xlsx}, lembar 'Petunjuk', baris 3, kolom B 'unit': buku kerja ini dibuat untuk unit lain; "
            f"ditemukan 'sumberrejo'; diharapkan 'kanigaran' (--unit kanigaran)") in err


def test_tahun_tercatat_sebagai_pecahan_diterima(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb["Petunjuk"]["B4"] = 2024.0  # as another spreadsheet program may store it
    wb.save(xlsx)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0 and "Tidak ada yang berubah." in keluar.out, keluar.err


@pytest.mark.parametrize("ubah, ditemukan", [
    (lambda wb: wb.remove(wb["Petunjuk"]), "ditemukan tidak ada lembar 'Petunjuk'"),
    (lambda wb: wb["Petunjuk"].delete_rows(2, 3), "ditemukan sel A3 'Cara mengisi:', sel B3 kosong"),  # old template
    (lambda wb: wb["Petunjuk"].__setitem__("B4", None), "ditemukan sel A4 'tahun', sel B4 kosong"),
])
def test_buku_kerja_tanpa_catatan_ditolak(buku_kerja, data_salinan, jalankan, ubah, ditemukan):
    xlsx, wb = buku_kerja
    ubah(wb)
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert f"GALAT: {xlsx}" in err and "buku kerja tidak mencatat unit dan tahunnya" in err and ditemukan in err
    assert "buku kerja unit 'kanigaran' tahun 2024; buat template baru dengan: lkjip template" in err


@pytest.mark.parametrize("kode", ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"])
def test_galat_excel_disebut_per_sel(buku_kerja, data_salinan, jalankan, kode):
    xlsx, wb = buku_kerja
    wb["anggaran"]["C3"] = kode  # was imported as the name of a sub kegiatan
    wb["penduduk"]["B2"] = kode
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert (f"GALAT: {xlsx}, lembar 'anggaran', baris 3, kolom C 'sub_kegiatan': sel berisi galat Excel; "
            f"ditemukan '{kode}'; diharapkan teks") in err
    assert (f"GALAT: {xlsx}, lembar 'penduduk', baris 2, kolom B 'laki_laki': sel berisi galat Excel; "
            f"ditemukan '{kode}'; diharapkan bilangan bulat") in err


def _hasil_rumus(xlsx, wb, lembar: str, sel: str, rumus: str, hasil: str, jenis: str = "n") -> None:
    """Save `rumus` in a cell with `hasil` as its saved result, as Excel does (openpyxl writes none)."""
    wb[lembar][sel] = "=" + rumus
    wb.save(xlsx)
    nama = f"xl/worksheets/sheet{wb.sheetnames.index(lembar) + 1}.xml"
    with zipfile.ZipFile(xlsx) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    xml = isi[nama].decode("utf-8")
    # an empty <v/>, or <v></v> when openpyxl writes with lxml (installed with python-docx)
    lama = re.search(rf'<c r="{sel}"([^>]*)><f>[^<]*</f>(?:<v\s*/>|<v></v>)', xml)
    assert lama, xml[:500]
    atribut = re.sub(r'\s*t="\w+"', "", lama.group(1))
    isi[nama] = xml.replace(lama.group(0), f'<c r="{sel}"{atribut} t="{jenis}"><f>{rumus}</f><v>{hasil}</v>').encode()
    with zipfile.ZipFile(xlsx, "w") as z:
        for n, data in isi.items():
            z.writestr(n, data)


def test_rumus_tanpa_hasil_tersimpan(buku_kerja, data_salinan, jalankan):
    """A formula never calculated (written by a program) was imported as an empty pagu."""
    xlsx, wb = buku_kerja
    wb["anggaran"]["E2"] = "=SUM(E3:E4)"
    wb["iku"]["D2"] = '=UPPER("ikm")'
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert (f"GALAT: {xlsx}, lembar 'anggaran', baris 2, kolom E 'pagu': rumus tanpa hasil tersimpan; "
            f"ditemukan rumus '=SUM(E3:E4)'; diharapkan bilangan bulat rupiah") in err
    assert (f"GALAT: {xlsx}, lembar 'iku', baris 2, kolom D 'singkatan': rumus tanpa hasil tersimpan; "
            f"ditemukan rumus '=UPPER(\"ikm\")'; diharapkan teks") in err


def test_rumus_dengan_hasil_tersimpan(buku_kerja, data_salinan, jalankan):
    """A formula saved by Excel is read as its result; a saved error result is an error."""
    xlsx, wb = buku_kerja
    _hasil_rumus(xlsx, wb, "anggaran", "E2", "9400000+100000", "9500000")
    sebelum = sidik(data_salinan)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0 and "Tidak ada yang berubah." in keluar.out, keluar.err

    wb = load_workbook(xlsx)
    _hasil_rumus(xlsx, wb, "anggaran", "F2", "E2/0", "#DIV/0!", jenis="e")
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert (f"GALAT: {xlsx}, lembar 'anggaran', baris 2, kolom F 'realisasi': sel berisi galat Excel; "
            f"ditemukan '#DIV/0!'") in err


def _kosongkan(xlsx, wb) -> None:
    """Empty three filled things: a population figure, a sub kegiatan's row, an IKU's short name."""
    wb["penduduk"]["B2"] = None
    assert wb["anggaran"]["C4"].value.startswith("Pelaksanaan Penatausahaan")
    wb["anggaran"].delete_rows(4)
    wb["iku"]["D2"] = None
    wb.save(xlsx)


def test_mengosongkan_ditolak_dan_didaftar(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    _kosongkan(xlsx, wb)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    folder = nama_berkas(data_salinan / "kanigaran" / "2024")
    assert "akan mengosongkan 3 nilai atau baris yang sudah terisi" in err and "--allow-empty" in err
    assert (f"GALAT: {folder}/penduduk.csv, baris 2, kolom 'laki_laki': nilai yang sudah terisi akan dikosongkan; "
            f"ditemukan sel kosong di {xlsx}, lembar 'penduduk', baris 2, kolom B; diharapkan nilai sekarang '3027' "
            f"tetap, atau --allow-empty bila memang disengaja") in err
    assert (f"GALAT: {folder}/anggaran.csv, baris 4: baris yang sudah terisi akan dihapus; ditemukan tidak ada baris "
            f"dengan program 'penunjang', kegiatan 'Administrasi Keuangan Perangkat Daerah'") in err
    assert f"di {xlsx}, lembar 'anggaran'; diharapkan baris ini tetap ('penunjang,Administrasi Keuangan" in err
    assert (f"GALAT: {folder}/renstra.yaml, kunci 'iku[0].singkatan': nilai yang sudah terisi akan dikosongkan; "
            f"ditemukan sel kosong di {xlsx}, lembar 'iku', baris 2, kolom D; diharapkan nilai sekarang 'IKM'") in err


@pytest.mark.parametrize("opsi", ["--allow-empty", "--kosongkan"])
def test_mengosongkan_dengan_izin(buku_kerja, data_salinan, jalankan, opsi):
    xlsx, wb = buku_kerja
    folder = data_salinan / "kanigaran" / "2024"
    anggaran_lama = (folder / "anggaran.csv").read_text(encoding="utf-8").splitlines()
    _kosongkan(xlsx, wb)
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024", opsi)
    assert keluar.kode == 0, keluar.err
    assert "Dikosongkan atau dihapus atas permintaan (--allow-empty): 3 nilai" in keluar.out
    assert "baris 2, kolom 'laki_laki': '3027' -> ''" in keluar.out
    penduduk = list(csv.reader((folder / "penduduk.csv").open(encoding="utf-8")))
    assert penduduk[0][:2] == ["kelurahan", "laki_laki"] and penduduk[1][1] == ""
    assert (folder / "anggaran.csv").read_text(encoding="utf-8").splitlines() == anggaran_lama[:3] + anggaran_lama[4:]
    renstra = (folder / "renstra.yaml").read_text(encoding="utf-8")
    assert "singkatan: IKM" not in renstra and "indikator: Indeks Kepuasan Masyarakat" in renstra
    cadangan = list((folder / ".cadangan").glob("*/penduduk.csv"))
    assert len(cadangan) == 1 and ",3027," in cadangan[0].read_text(encoding="utf-8")


def test_template_lalu_impor_menulis_berkas_sama(data_salinan, jalankan, tmp_path):
    """The CSV files written from an unchanged template are byte for byte today's files."""
    folder = data_salinan / "kanigaran" / "2024"
    xlsx = tmp_path / "k.xlsx"
    assert jalankan("template", "--data", str(data_salinan), "--year", "2024", "--out", str(xlsx)).kode == 0
    asli = {nama: (folder / nama).read_bytes() for nama in TABEL if (folder / nama).exists()}
    assert set(TABEL) - set(asli) == OPSIONAL  # Kanigaran has no periodic realisasi
    for nama in asli:
        (folder / nama).unlink()
    keluar = jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0, keluar.err
    # an optional table the year does not have stays absent (its sheet is the header only)
    assert {nama: (folder / nama).read_bytes() for nama in TABEL if (folder / nama).exists()} == asli


def _zip_dengan(xlsx, ganti: dict[str, bytes]):
    def buat(tujuan):
        with zipfile.ZipFile(xlsx) as z, zipfile.ZipFile(tujuan, "w") as keluar:
            for n in z.namelist():
                keluar.writestr(n, ganti.get(n, z.read(n)))
    return buat


@pytest.mark.parametrize("nama, buat, ditemukan", [
    ("kosong.xlsx", lambda p, x: p.write_bytes(b""), "berkas kosong (0 bita)"),
    ("data.xlsx", lambda p, x: p.write_text("program,anggaran\npenunjang,9500000\n"), "bukan arsip .xlsx"),
    ("acak.xlsx", lambda p, x: p.write_bytes(bytes(range(256)) * 4), "bukan arsip .xlsx"),
    ("sandi.xlsx", lambda p, x: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1024),
     "terenkripsi (dilindungi kata sandi)"),
    ("potong.xlsx", lambda p, x: p.write_bytes(x.read_bytes()[:3000]), "rusak atau tidak lengkap; diharapkan"),
    ("zip.xlsx", lambda p, x: zipfile.ZipFile(p, "w").close(), "rusak atau tidak lengkap"),
    ("lembar.xlsx", lambda p, x: _zip_dengan(x, {"xl/worksheets/sheet9.xml": b"<worksheet"})(p),
     "rusak atau tidak lengkap; diharapkan"),
    ("gaya.xlsx", lambda p, x: _zip_dengan(x, {"xl/styles.xml": b"\xff\xfe"})(p), "rusak atau tidak lengkap"),
    ("folder.xlsx", lambda p, x: p.mkdir(), "bukan berkas; ditemukan sebuah folder"),
    ("tidak-ada.xlsx", lambda p, x: None, "berkas tidak ada"),
])
def test_berkas_bukan_buku_kerja(buku_kerja, data_salinan, jalankan, monkeypatch, nama, buat, ditemukan):
    xlsx, _wb = buku_kerja
    (xlsx.parent / "sub").mkdir()
    buat(xlsx.parent / "sub" / nama, xlsx)
    monkeypatch.chdir(xlsx.parent)
    sebelum = sidik(data_salinan)
    diberikan = f"./sub/{nama}"  # named in messages as the user gave it
    err = ditolak(jalankan("import", diberikan, "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert err.count("\n") == 2  # the summary and one line
    assert err.splitlines()[1].startswith(f"GALAT: {diberikan}: ") and ditemukan in err
    assert "diharapkan buku kerja .xlsx" in err or "diharapkan berkas" in err


def test_csv_bernama_xlsx_dan_xlsx_bernama_lain(buku_kerja, data_salinan, jalankan):
    """The content decides, not the name: a workbook saved as k.csv is still read."""
    xlsx, _wb = buku_kerja
    lain = xlsx.with_suffix(".csv")
    lain.write_bytes(xlsx.read_bytes())
    keluar = jalankan("import", str(lain), "--data", str(data_salinan), "--year", "2024")
    assert keluar.kode == 0 and "Tidak ada yang berubah." in keluar.out, keluar.err


def test_lembar_grafik_bukan_lembar_kerja(buku_kerja, data_salinan, jalankan):
    xlsx, wb = buku_kerja
    wb.remove(wb["penduduk"])
    grafik = wb.create_chartsheet("penduduk")
    grafik.add_chart(BarChart())
    wb.save(xlsx)
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert f"GALAT: {xlsx}: lembar 'penduduk' bukan lembar kerja (mis. lembar grafik)" in err


def test_galat_data_lain_disebut_di_folder_data(buku_kerja, data_salinan, jalankan):
    """A problem in a file the workbook does not hold is named in data/, not in the staging copy."""
    xlsx, _wb = buku_kerja
    laporan = data_salinan / "kanigaran" / "2024" / "laporan.yaml"
    laporan.write_text(laporan.read_text(encoding="utf-8") + "kunci_asing: 1\n", encoding="utf-8")
    sebelum = sidik(data_salinan)
    err = ditolak(jalankan("import", str(xlsx), "--data", str(data_salinan), "--year", "2024"), data_salinan, sebelum)
    assert f"GALAT: {nama_berkas(laporan)}, baris " in err and "kunci 'kunci_asing': kunci tidak dikenal" in err
    assert tempfile.gettempdir() + "/tmp" not in err
