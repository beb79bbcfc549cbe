"""The PDF holds everything the HTML holds: a generated large unit (tests/unit_besar.py: 40 IKU,
400 sub kegiatan, 60 kelurahan) built with --strict, and every report table's cell texts in the
site found, in order, in the PDF's text of that table.

The comparison works on words: `pdftotext -layout` puts the lines of the cells of one row side by
side, so the words of one cell are in order but not together, and LaTeX hyphenates words at line
ends. Each HTML row is looked for after the previous one; each of its cells from the row's start.
"""

from __future__ import annotations

import re
import subprocess
import time
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bantu import lkjip, lkjip_di_sini, perlu, teks_pdf
from unit_besar import JUMLAH_IKU, JUMLAH_KEGIATAN, JUMLAH_SASARAN, JUMLAH_SUB, TAHUN, UNIT, tulis_unit_besar

from lkjip_calc.terbit import rakit
from lkjip_calc.terbit.log_latex import IsiTerpotong, isi_terpotong

# --- reading the HTML tables ----------------------------------------------------------------


@dataclass
class TabelHtml:
    nomor: str                                              # "2.2"
    baris: list[list[str]] = field(default_factory=list)    # header row(s) first; cell texts


class _PembacaTabel(HTMLParser):
    """The report tables (class tabel-lkjip) of a page: number and cell texts."""

    def __init__(self):
        super().__init__()
        self.tabel: list[TabelHtml] = []
        self._dalam = 0           # depth inside a report table
        self._sel: list[str] | None = None
        self._judul: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        kelas = (dict(attrs).get("class") or "").split()
        if tag == "table":
            if self._dalam:
                self._dalam += 1
            elif "tabel-lkjip" in kelas:
                self._dalam = 1
                self.tabel.append(TabelHtml(""))
        elif self._dalam and tag == "caption":
            self._judul = []
        elif self._dalam and tag == "tr":
            self.tabel[-1].baris.append([])
        elif self._dalam and tag in ("td", "th"):
            self._sel = []

    def handle_endtag(self, tag):
        if not self._dalam:
            return
        if tag == "table":
            self._dalam -= 1
        elif tag == "caption" and self._judul is not None:
            m = re.search(r"Tabel ((?:Lampiran )?\d+(?:\.\d+)?)", "".join(self._judul))
            self.tabel[-1].nomor = m.group(1) if m else ""
            self._judul = None
        elif tag in ("td", "th") and self._sel is not None:
            self.tabel[-1].baris[-1].append(" ".join("".join(self._sel).split()))
            self._sel = None

    def handle_data(self, data):
        if self._sel is not None:
            self._sel.append(data)
        if self._judul is not None:
            self._judul.append(data)


def tabel_html(folder_html: Path) -> list[TabelHtml]:
    hasil = []
    for halaman in sorted((folder_html / "chapters").glob("*.html")):
        p = _PembacaTabel()
        p.feed(halaman.read_text(encoding="utf-8"))
        hasil += p.tabel
    return hasil


# --- finding them in the PDF's text -----------------------------------------------------------


def kata(teks: str) -> list[str]:
    return unicodedata.normalize("NFKC", teks).replace("\u00ad", "").split()


def _cocok(kata_sel: str, token: list[str], i: int) -> int | None:
    """The position after the tokens that spell `kata_sel` starting at token i: the word itself,
    or a hyphenated start ("Pemerin-") whose rest follows later (the cell's next line)."""
    t = token[i]
    if t == kata_sel:
        return i + 1
    akhir = None
    if len(t) > 1 and t.endswith("-"):
        for sisa in {kata_sel[len(t):] if kata_sel.startswith(t) else None,
                     kata_sel[len(t) - 1:] if kata_sel.startswith(t[:-1]) else None} - {None, ""}:
            a = _cari_kata(sisa, token, i + 1)
            if a is not None and (akhir is None or a < akhir):
                akhir = a
    return akhir


def _cari_kata(kata_sel: str, token: list[str], mulai: int) -> int | None:
    """The earliest end of a match of `kata_sel` from token `mulai` on (the earliest end leaves
    the most for the words after it)."""
    terbaik = None
    for i in range(mulai, len(token)):
        if terbaik is not None and i >= terbaik - 1:
            break
        akhir = _cocok(kata_sel, token, i)
        if akhir is not None and (terbaik is None or akhir < terbaik):
            terbaik = akhir
    return terbaik


def tidak_ditemukan(tabel: TabelHtml, teks_pdf_tabel: str) -> list[str]:
    """The cells of an HTML table not found, in order, in the PDF's text of the table."""
    token = kata(teks_pdf_tabel)
    hilang, mulai = [], 0
    for n, baris in enumerate(tabel.baris):
        akhir_baris = mulai
        for sel in baris:
            posisi = mulai
            for k in kata(sel):
                posisi = _cari_kata(k, token, posisi)
                if posisi is None:
                    hilang.append(f"baris {n}: {sel!r} (kata {k!r})")
                    break
            else:
                akhir_baris = max(akhir_baris, posisi)
        mulai = akhir_baris
    return hilang


def potong_per_tabel(teks: str) -> dict[str, str]:
    """The PDF text from each table's caption ("Tabel 2.2:", "Tabel Lampiran 1:") to the next table's caption."""
    judul = list(re.finditer(r"Tabel ((?:Lampiran )?\d+(?:\.\d+)?):", teks))
    return {m.group(1): teks[m.start():(judul[i + 1].start() if i + 1 < len(judul) else len(teks))]
            for i, m in enumerate(judul)}


def test_pencocokan_kata_dengan_pemenggalan():
    token = kata("Indeks Kepuasan  84,5  • Penyelenggaraan Urusan Pemerin-\n Masyarakat   tahan Umum Laki-\n laki")
    tabel = TabelHtml("1", [["Indeks Kepuasan Masyarakat", "84,5", "Penyelenggaraan Urusan Pemerintahan Umum"],
                            ["Laki-laki"]])
    assert tidak_ditemukan(tabel, " ".join(token)) == []
    assert tidak_ditemukan(TabelHtml("1", [["Urusan Umum Pemerintahan"]]), " ".join(token)) == [
        "baris 0: 'Urusan Umum Pemerintahan' (kata 'Pemerintahan')"]
    # a hyphenated start does not take the place of the word itself a little further on
    assert tidak_ditemukan(TabelHtml("1", [["Solusi pelayanan di kelurahan Solusi 2"]]),
                           "Solusi pelayan- pelayanan di | an terbaru kelurahan | Solusi 2") == []
    # a later row is looked for after the earlier one
    assert tidak_ditemukan(TabelHtml("1", [["Umum"], ["Kepuasan"]]), " ".join(token)) == [
        "baris 1: 'Kepuasan' (kata 'Kepuasan')"]


# --- the LaTeX log ----------------------------------------------------------------------------

LOG = """\
LKJIP-TABEL-AWAL 13 tabel-renstra
LKJIP-TABEL-AKHIR 2.1 tabel-renstra
LKJIP-TABEL-AWAL 14 tabel-program-kegiatan
Overfull \\vbox (4.2pt too high) has occurred while \\output is active []
Overfull \\vbox (1205.23114pt too high) has occurred while \\output is active []
LKJIP-TABEL-AKHIR 2.2 tabel-program-kegiatan
Overfull \\vbox (25.98709pt too high) has occurred while \\output is active []
"""


def test_log_latex_menamai_tabel(tmp_path):
    log = tmp_path / "lkjip.log"
    # TeX breaks log lines at 79 characters
    panjang = "LKJIP-TABEL-AWAL 20 tabel-program-penunjang-indikator-yang-sangat-panjang-sekali-x"
    log.write_text(LOG + panjang[:79] + "\n" + panjang[79:] + "\nOverfull \\vbox (9pt too high) []\n",
                   encoding="utf-8")
    hasil = isi_terpotong(log)
    assert hasil == [
        IsiTerpotong(Decimal("1205.23114"), "tabel-program-kegiatan", "2.2", "14"),
        IsiTerpotong(Decimal("25.98709"), "tabel-program-kegiatan", "2.2", "14", di_dalam=False),
        IsiTerpotong(Decimal(9), "tabel-program-penunjang-indikator-yang-sangat-panjang-sekali-x", None, "20"),
    ]
    assert str(hasil[0]) == ("Tabel 2.2 (tabel-program-kegiatan, mulai di halaman 14) melampaui tinggi halaman "
                             "(1.205,23 pt terlalu tinggi): sebagian isinya terpotong di PDF")
    assert str(hasil[1]).startswith("isi sesudah Tabel 2.2 (tabel-program-kegiatan, mulai di halaman 14)")
    assert isi_terpotong(tmp_path / "tidak-ada.log") == []


# --- the large unit, built ----------------------------------------------------------------------


def test_build_ketat_gagal_bila_isi_terpotong(tmp_path, monkeypatch):
    """The check after the PDF build: --strict fails naming the table; otherwise warning lines."""
    staging = tmp_path / ".cache" / "buku"
    (staging / "_build" / "latex").mkdir(parents=True)
    (staging / "_build" / "latex" / "lkjip.log").write_text(LOG, encoding="utf-8")
    (staging / "_build" / "latex" / "lkjip.pdf").write_bytes(b"%PDF-1.5")
    monkeypatch.setattr(rakit, "_sphinx", lambda *a, **k: None)
    monkeypatch.setattr(rakit, "jalankan", lambda *a, **k: subprocess.CompletedProcess(a, 0))
    with pytest.raises(rakit.RakitGagal) as e:
        rakit.rakit_pdf(staging, True, tmp_path / "build-pdf.log", 0)
    pesan = str(e.value)
    assert pesan.startswith("PDF tidak memuat seluruh isi (langkah: xelatex, Overfull \\vbox; --strict): "
                            "Tabel 2.2 (tabel-program-kegiatan, mulai di halaman 14) melampaui tinggi halaman "
                            "(1.205,23 pt terlalu tinggi)")
    assert "isi sesudah Tabel 2.2" in pesan and "4,2" not in pesan  # a few points over are spacing
    assert (tmp_path / "build-pdf-latex.log").read_text(encoding="utf-8") == LOG  # named log beside the build log
    pdf, peringatan = rakit.rakit_pdf(staging, False, tmp_path / "build-pdf.log", 0)
    assert pdf == staging / "_build" / "latex" / "lkjip.pdf"
    assert len(peringatan) == 2 and all(b.startswith("PERINGATAN: PDF: ") for b in peringatan)
    assert "Tabel 2.2 (tabel-program-kegiatan, mulai di halaman 14)" in peringatan[0]


# --- the large unit, built ----------------------------------------------------------------------


@dataclass
class BukuBesar:
    folder: Path                 # keluaran/<unit>/<tahun>
    proses: subprocess.CompletedProcess
    detik: float

    @property
    def pdf(self) -> Path:
        return self.folder / f"lkjip-{UNIT}-{TAHUN}.pdf"


@pytest.fixture(scope="module")
def unit_besar(tmp_path_factory) -> BukuBesar:
    perlu("xelatex", "latexmk", "pdftotext", "pdfinfo")
    akar = tmp_path_factory.mktemp("besar") / "data"
    tulis_unit_besar(akar)
    assert lkjip_di_sini(["check", "--data", str(akar), "--unit", UNIT, "--year", str(TAHUN)]) == 0
    keluaran = akar.parent / "build"
    mulai = time.monotonic()
    proses = lkjip("build", "--strict", "--data", str(akar), "--unit", UNIT, "--year", str(TAHUN),
                   "--out", str(keluaran))
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return BukuBesar(keluaran / UNIT / str(TAHUN), proses, time.monotonic() - mulai)


@pytest.mark.buku
def test_pdf_memuat_semua_sel_tabel_html(unit_besar):
    print(f"build unit besar (--strict, HTML dan PDF): {unit_besar.detik:.1f} detik")
    html = tabel_html(unit_besar.folder / "html")
    # every report table: 9 per IKU and 1 per sasaran in BAB III, and those of BAB I, II, III and the Lampiran
    assert len(html) == 9 * JUMLAH_IKU + JUMLAH_SASARAN + 10
    assert all(t.nomor for t in html) and len({t.nomor for t in html}) == len(html)
    teks = teks_pdf(unit_besar.pdf)
    per_tabel = potong_per_tabel(teks)
    assert set(per_tabel) == {t.nomor for t in html}
    hilang = {t.nomor: h for t in html if (h := tidak_ditemukan(t, per_tabel[t.nomor]))}
    assert not hilang, "\n".join(f"Tabel {n}: {h[:3]}" for n, h in hilang.items())
    # the tables that grew: all kegiatan of Tabel 2.2 and every sub kegiatan of the budget are there
    semua = " ".join(teks.split())
    for g in range(1, JUMLAH_KEGIATAN + 1):
        assert f"Kegiatan {g:02d} Koordinasi" in semua
    assert sum(f"Sub Kegiatan {s:03d} " in semua for s in range(1, JUMLAH_SUB + 1)) == JUMLAH_SUB


@pytest.mark.buku
def test_pdf_tanpa_isi_terpotong(unit_besar):
    # --strict passed, so no Overfull \vbox over the limit; and none was reported as a warning either
    assert "PERINGATAN: PDF" not in unit_besar.proses.stdout
    # the tables broke across pages, each continuation with its number and the header again
    teks = teks_pdf(unit_besar.pdf)
    assert teks.count("lanjutan dari halaman sebelumnya") >= 20
    lanjutan = re.search(r"Tabel 2\.2 – lanjutan dari halaman sebelumnya\s+Sasaran\s+Program\s+Kegiatan", teks)
    assert lanjutan, "Tabel 2.2 tidak berlanjut dengan kepala tabel di halaman berikutnya"
    info = subprocess.run(["pdfinfo", str(unit_besar.pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 300
