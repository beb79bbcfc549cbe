"""The report as a Word file (DOCX) for the reviewers who annotate it in Word (pimpinan, Bagian
Organisasi, Inspektorat).

pandoc (the binary the `pypandoc-binary` wheel ships) converts the chapter pages the HTML build
already made: every table, caption, figure and heading is then exactly as printed on the site.
Only each page's article body is taken (no theme, no "#" heading links); the chapter titles
become "BAB I" over "PENDAHULUAN" as in the PDF. The look (A4, serif 12 pt, bordered tables,
page numbers, DRAF header) comes from a reference.docx made here at build time from pandoc's own
with python-docx, so no binary is kept in git. python-docx then sets the document's properties
and adds the table of contents field after the cover."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import docx
import lxml.html
import pypandoc
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..dasar.angka import ROMAWI
from ..dasar.proses import jalankan
from ..laporan import render
from .reproduksi import lingkungan_tanggal, waktu_utc, zip_tetap

FONT = "Times New Roman"  # the serif of Indonesian government documents, on every Word installation
BAHASA = "id-ID"
# Paragraph styles the converted HTML asks for (pandoc's custom-style), defined in the reference.
GAYA_SAMPUL = {"pemerintah": "Sampul Pemerintah", "judul": "Sampul Judul", "subjudul": "Sampul Subjudul",
               "unit": "Sampul Unit", "daerah": "Sampul Daerah"}
GAYA_TANDA_TANGAN = "Tanda Tangan"          # Kata Pengantar: the block in the right half, as on the site
BARIS_RUANG_TANDA_TANGAN = 3  # empty lines above a signer's name
GAYA_TANDA_TANGAN_PK = "Tanda Tangan PK"    # the two parties of the Perjanjian Kinerja, side by side
GAYA_SUMBER = "Sumber Tabel"
GAYA_TABEL_POLOS = "Tabel Tanpa Garis"
GAYA_SEL = "Isi Tabel"  # every paragraph in a report table's cells: smaller, single-spaced
JUDUL_DAFTAR_ISI = "DAFTAR ISI"


class WordGagal(Exception):
    """pandoc failed; the message is one line for the user."""


@dataclass(frozen=True)
class Dokumen:
    """What the cover and the document's properties say: the same values as the PDF's cover."""
    pemerintah: str
    tahun: int
    unit: str
    daerah: str
    judul: str           # core property title
    subjek: str
    kata_kunci: str
    draf: str | None = None  # the DRAF line of a draft build, in the header of every page
    kertas: tuple[int, int] = (210, 297)  # paper width and height in mm: the PDF's (laporan.yaml `kertas`)
    logo: Path | None = None  # the pemda's logo (unit.yaml `logo`, checked), above the cover's lines


# --- the HTML pandoc reads ---------------------------------------------------------------


def _kelas(el) -> list[str]:
    return (el.get("class") or "").split()


def _buang(el) -> None:
    """Remove `el`, keeping the text that follows it."""
    induk = el.getparent()
    if el.tail:
        sebelum = el.getprevious()
        if sebelum is not None:
            sebelum.tail = (sebelum.tail or "") + el.tail
        else:
            induk.text = (induk.text or "") + el.tail
    induk.remove(el)


def _bungkus(el, gaya: str) -> None:
    """Put `el` in a div whose paragraphs pandoc gives the Word style `gaya`."""
    div = lxml.html.Element("div", {"data-custom-style": gaya})
    el.addprevious(div)
    div.append(el)  # moves el (with its tail: give the tail back to the div)
    div.tail, el.tail = el.tail, None


def _judul_bab(h1) -> None:
    """'3. Akuntabilitas Kinerja' as 'BAB III' over 'AKUNTABILITAS KINERJA'; other chapters in capitals."""
    nomor = h1.find("span[@class='section-number']")
    judul = h1.text_content().strip()
    if nomor is not None:
        angka = nomor.text_content().strip().rstrip(".")
        judul = judul[len(nomor.text_content().strip()):].strip()
        h1.clear()
        h1.text = f"BAB {ROMAWI[int(angka) - 1]}" if angka.isdigit() else angka
        br = lxml.html.Element("br")
        br.tail = judul.upper()
        h1.append(br)
    else:
        h1.clear()
        h1.text = judul.upper()


def _kolom_kanan(tabel) -> None:
    """Columns the site right-aligns (classes kanan-N, 1-based) right-aligned for pandoc too."""
    kanan = {int(k.split("-")[1]) for k in _kelas(tabel) if re.fullmatch(r"kanan-\d+", k)}
    if not kanan:
        return
    for baris in tabel.iter("tr"):
        for nomor, sel in enumerate(baris.findall("td"), start=1):
            if nomor in kanan:
                sel.set("align", "right")


def bersihkan(artikel, folder_bab: Path) -> None:
    """One chapter page's article, ready for pandoc: site-only parts out, styles named."""
    for el in list(artikel.iter("script", "button", "style", "nav")):
        _buang(el)
    for el in list(artikel.iter()):
        if not isinstance(el.tag, str):
            continue
        k = _kelas(el)
        if "headerlink" in k or "toctree-wrapper" in k or "only" in k:
            _buang(el)
    for a in list(artikel.iter("a")):  # an image links to itself on the site; in Word it is the image
        if "image-reference" in _kelas(a):
            a.drop_tag()
    for img in artikel.iter("img"):
        # relative to the site's folder (pandoc's --resource-path): pandoc writes the name it is
        # given into the DOCX, which must not hold the path of the build's folder
        src = img.get("src", "")
        if src and "://" not in src:
            img.set("src", os.path.relpath(os.path.normpath(folder_bab / src), folder_bab.parent))
    for h1 in artikel.iter("h1"):
        _judul_bab(h1)
    for tingkat in ("h2", "h3", "h4", "h5", "h6"):
        for h in artikel.iter(tingkat):
            nomor = h.find("span[@class='section-number']")
            if nomor is not None and nomor.text:
                nomor.text = nomor.text.strip().rstrip(".") + " "  # "3.1. " as printed: "3.1 "
    for p in artikel.iter("p"):  # empty lines of a signature block are room to sign: keep them
        if not p.text_content().strip() and len(p) == 0:
            p.text = "\u00a0"
    for tabel in artikel.iter("table"):
        _kolom_kanan(tabel)
    for blok in list(artikel.iter("div")):
        if "nama-tanda-tangan" in _kelas(blok):
            _ruang_tanda_tangan(blok)
    for el in list(artikel.iter("div", "table")):
        k = _kelas(el)
        if "tanda-tangan" in k:
            _bungkus(el, GAYA_TANDA_TANGAN)
        elif "tanda-tangan-pk" in k or "borderless" in k:
            for sel in el.iter("td"):
                div = lxml.html.Element("div", {"data-custom-style": GAYA_TANDA_TANGAN_PK})
                for anak in list(sel):
                    div.append(anak)
                div.text, sel.text = sel.text, None
                sel.append(div)
        elif "sumber-tabel" in k:
            _bungkus(el, GAYA_SUMBER)


def artikel_bab(html: str, folder_bab: Path):
    """The cleaned article body of one chapter page built by Jupyter Book."""
    dok = lxml.html.document_fromstring(html)
    artikel = dok.find(".//article")
    if artikel is None:
        raise WordGagal("halaman bab tanpa <article> (tema HTML berubah?)")
    bersihkan(artikel, folder_bab)
    artikel.tag = "div"
    return artikel


def _ruang_tanda_tangan(blok) -> None:
    """The signer's name block as the site shows it (its CSS): room to sign and stamp above it
    (the site's 2,5 cm as three empty lines at 1,5 spacing) and the name underlined."""
    for _ in range(BARIS_RUANG_TANDA_TANGAN):
        kosong = lxml.html.Element("p")
        kosong.text = "\u00a0"
        blok.addprevious(kosong)
    for tebal in blok.iter("strong"):
        garis = lxml.html.Element("u")
        garis.text, tebal.text = tebal.text, None
        for anak in list(tebal):
            garis.append(anak)
        tebal.append(garis)


def _paragraf(teks: str, gaya: str) -> str:
    return f'<div data-custom-style="{gaya}"><p>{render.html(teks)}</p></div>'


def _nama_logo(logo: Path) -> str:
    return "logo-sampul" + logo.suffix.lower()


def html_sampul(dok: Dokumen) -> str:
    """The cover: the same lines, in the same order, as the PDF's title page."""
    g = GAYA_SAMPUL
    # the logo is read from a copy under a generated name (tulis_word); only its alt text (escaped)
    # comes from data, and pandoc embeds the image under a name of its own
    logo = ([f'<div data-custom-style="{g["pemerintah"]}"><p><img src="{_nama_logo(dok.logo)}" '
             f'alt="{render.html("Logo " + dok.pemerintah)}" height="3.5cm"/></p></div>']
            if dok.logo is not None else [])
    return "\n".join([
        *logo,
        _paragraf(dok.pemerintah.upper(), g["pemerintah"]),
        _paragraf("LKjIP", g["judul"]),
        _paragraf("Laporan Kinerja Instansi Pemerintah (LKjIP)", g["subjudul"]),
        _paragraf(f"Tahun {dok.tahun}", g["subjudul"]),
        _paragraf(dok.unit.upper(), g["unit"]),
        _paragraf(dok.daerah.upper(), g["daerah"]),
    ])


def html_word(folder_html: Path, nama_bab: Iterable[str], dok: Dokumen) -> str:
    """One HTML document: the cover, then the chapters `nama_bab` of the built site, in order."""
    folder_bab = folder_html / "chapters"
    bagian = [html_sampul(dok)]
    for nama in nama_bab:
        halaman = folder_bab / f"{nama}.html"
        artikel = artikel_bab(halaman.read_text(encoding="utf-8"), folder_bab)
        bagian.append(lxml.html.tostring(artikel, encoding="unicode"))
    # (no <title>: pandoc would print it above the cover; the title is a document property)
    return ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"></head><body>\n'
            + "\n".join(bagian) + "\n</body></html>\n")


# --- the reference document (styles and page) -------------------------------------------


def _huruf(gaya, ukuran: float | None = None, tebal: bool | None = None, miring: bool | None = None) -> None:
    """The serif font on a style, replacing pandoc's theme fonts (Calibri/Cambria) and colours."""
    rpr = gaya.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for atribut in list(fonts.attrib):
        del fonts.attrib[atribut]
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(atribut), FONT)
    gaya.font.color.rgb = RGBColor(0, 0, 0)
    if ukuran is not None:
        gaya.font.size = Pt(ukuran)
    if tebal is not None:
        gaya.font.bold = tebal
    if miring is not None:
        gaya.font.italic = miring


def _gaya_paragraf(d: docx.document.Document, nama: str, dasar: str = "Normal"):
    try:
        gaya = d.styles[nama]
    except KeyError:
        gaya = d.styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        gaya.base_style = d.styles[dasar]
    return gaya


def _garis_tabel(gaya) -> None:
    """Single black rules around and between all cells of the table style."""
    tblpr = gaya.element.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = OxmlElement("w:tblPr")
        gaya.element.append(tblpr)
    for lama in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(lama)
    garis = OxmlElement("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{sisi}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "4")
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), "000000")
        garis.append(e)
    tblpr.append(garis)
    # a little room in each cell, as the PDF and the site have
    mar = OxmlElement("w:tblCellMar")
    for sisi, lebar in (("left", 60), ("right", 60)):
        e = OxmlElement(f"w:{sisi}")
        e.set(qn("w:w"), str(lebar))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    tblpr.append(mar)


def _kepala_tabel(gaya) -> None:
    """The header row bold and shaded light grey (pandoc's Table style has a rule under it only)."""
    for e in gaya.element.findall(qn("w:tblStylePr")):
        gaya.element.remove(e)
    kepala = OxmlElement("w:tblStylePr")
    kepala.set(qn("w:type"), "firstRow")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:b"))
    tcpr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "E7E6E6")
    tcpr.append(shd)
    kepala.append(rpr)
    kepala.append(tcpr)
    gaya.element.append(kepala)


def _medan(paragraf, perintah: str) -> None:
    """A Word field (PAGE, TOC) in `paragraf`, filled in by Word when it shows the page."""
    for jenis, teks in (("begin", None), (None, perintah), ("separate", None), (None, ""), ("end", None)):
        run = OxmlElement("w:r")
        if jenis:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), jenis)
            if jenis == "begin":
                e.set(qn("w:dirty"), "true")
        elif teks:
            e = OxmlElement("w:instrText")
            e.set(qn("xml:space"), "preserve")
            e.text = f" {teks} "
        else:
            e = OxmlElement("w:t")
            e.text = ""
        run.append(e)
        paragraf._p.append(run)


def _bahasa(d: docx.document.Document) -> None:
    """Indonesian as the language of every run (spelling check, hyphenation in Word)."""
    rpr = d.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    for lama in rpr.findall(qn("w:lang")):
        rpr.remove(lama)
    lang = OxmlElement("w:lang")
    for atribut in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(atribut), BAHASA)
    rpr.append(lang)


def referensi(path: Path, draf: str | None, epoch: int, kertas: tuple[int, int] = (210, 297)) -> None:
    """Write the reference.docx pandoc takes styles, page and header/footer from: pandoc's own,
    restyled."""
    _pandoc(["--print-default-data-file", "reference.docx"], path.parent, epoch, keluaran=path)
    d = docx.Document(str(path))
    _bahasa(d)
    s = d.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(kertas[0]), Mm(kertas[1])
    # the margins of Indonesian government documents: 4 cm left (binding), 3 cm elsewhere
    s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Cm(4), Cm(3), Cm(3), Cm(3)
    s.header_distance = s.footer_distance = Cm(1.5)
    s.different_first_page_header_footer = True  # the cover has no page number
    kaki = s.footer.paragraphs[0] if s.footer.paragraphs else s.footer.add_paragraph()
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _medan(kaki, "PAGE")
    if draf:
        for kepala in (s.header, s.first_page_header):
            p = kepala.paragraphs[0] if kepala.paragraphs else kepala.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(draf)
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0, 0)

    gaya = d.styles
    _huruf(gaya["Normal"], 12)
    for nama in ("Body Text", "First Paragraph"):
        g = gaya[nama]
        _huruf(g)
        g.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        g.paragraph_format.line_spacing = 1.5
        g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(0), Pt(6)
    _huruf(gaya["Compact"], 11)  # the paragraphs in table cells and tight lists
    gaya["Compact"].paragraph_format.line_spacing = 1.0
    for tingkat, ukuran in ((1, 14), (2, 12), (3, 12), (4, 12), (5, 12), (6, 12)):
        g = gaya[f"Heading {tingkat}"]
        _huruf(g, ukuran, tebal=True, miring=False)
        g.paragraph_format.keep_with_next = True
        g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(12), Pt(6)
    h1 = gaya["Heading 1"].paragraph_format
    h1.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h1.page_break_before = True
    h1.space_before, h1.space_after = Pt(0), Pt(18)
    for nama in ("Title", "Subtitle", "Author", "Date", "Abstract", "Block Text", "Footnote Text",
                 "Image Caption", "Table Caption", "Captioned Figure", "Figure", "TOC Heading"):
        if nama in [x.name for x in gaya]:
            _huruf(gaya[nama])
    for nama in ("Table Caption", "Image Caption"):
        g = gaya[nama]
        _huruf(g, 11, tebal=True, miring=False)
        g.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(6), Pt(6)
    gaya["Table Caption"].paragraph_format.keep_with_next = True  # a caption stays with its table
    for nama in ("Captioned Figure", "Figure"):
        if nama in [x.name for x in gaya]:
            gaya[nama].paragraph_format.keep_with_next = True  # the figure stays with its caption
            gaya[nama].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    toc = _gaya_paragraf(d, "TOC Heading")
    _huruf(toc, 14, tebal=True)
    toc.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    toc.paragraph_format.page_break_before = True

    for kunci, (ukuran, tebal, sebelum) in {"pemerintah": (16, True, 0), "judul": (36, True, 140),
                                           "subjudul": (18, False, 12), "unit": (16, True, 200),
                                           "daerah": (14, True, 6)}.items():
        g = _gaya_paragraf(d, GAYA_SAMPUL[kunci])
        _huruf(g, ukuran, tebal=tebal)
        g.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(sebelum), Pt(0)
    g = _gaya_paragraf(d, GAYA_TANDA_TANGAN)
    _huruf(g, 12)
    g.paragraph_format.left_indent = Cm(7.5)  # the right half of the page, as on the site (55%)
    g.paragraph_format.space_before = Pt(24)
    g.paragraph_format.keep_together = True
    g = _gaya_paragraf(d, GAYA_TANDA_TANGAN_PK)
    _huruf(g, 12)
    g.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    g.paragraph_format.space_after = Pt(0)
    g = _gaya_paragraf(d, GAYA_SEL)
    _huruf(g, 10)
    g.paragraph_format.line_spacing = 1.0
    g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(1), Pt(1)
    g = _gaya_paragraf(d, GAYA_SUMBER)
    _huruf(g, 10, miring=True)
    g.paragraph_format.space_before, g.paragraph_format.space_after = Pt(2), Pt(10)

    tabel = gaya["Table"]
    _kepala_tabel(tabel)
    _garis_tabel(tabel)
    try:
        polos = gaya[GAYA_TABEL_POLOS]
    except KeyError:
        polos = gaya.add_style(GAYA_TABEL_POLOS, WD_STYLE_TYPE.TABLE)
    polos.element.append(OxmlElement("w:tblPr"))
    d.save(str(path))


def _pandoc(perintah: list[str], folder: Path, epoch: int, keluaran: Path | None = None) -> None:
    """Run pandoc with `perintah`'s arguments (its output to `keluaran`, if given), its messages
    kept in `folder` for the error; the dates it writes are the build's."""
    pesan = folder / "pandoc.log"
    with pesan.open("wb") as galat, (keluaran.open("wb") if keluaran else open(os.devnull, "wb")) as keluar:
        proses = jalankan([pandoc(), *perintah], stdout=keluar, stderr=galat,
                          env={**os.environ, **lingkungan_tanggal(epoch)})
    if proses.returncode != 0:
        baris = [b for b in pesan.read_text(encoding="utf-8", errors="replace").splitlines() if b.strip()]
        raise WordGagal(f"pandoc keluar dengan status {proses.returncode}: "
                        + (baris[-1].strip() if baris else "tanpa pesan"))


# --- after pandoc -------------------------------------------------------------------------


def _daftar_isi(d: docx.document.Document) -> None:
    """A table of contents after the cover (pandoc's --toc would put it before the cover);
    Word fills it in when the file is opened (updateFields)."""
    pertama = next(p for p in d.paragraphs if p.style.name.startswith("Heading 1"))
    judul = pertama.insert_paragraph_before(JUDUL_DAFTAR_ISI, style="TOC Heading")
    isi = pertama.insert_paragraph_before()
    _medan(isi, 'TOC \\o "1-2" \\h \\z \\u')
    del judul
    pengaturan = d.settings.element
    for lama in pengaturan.findall(qn("w:updateFields")):
        pengaturan.remove(lama)
    perbarui = OxmlElement("w:updateFields")
    perbarui.set(qn("w:val"), "true")
    pengaturan.append(perbarui)


def _tabel(d: docx.document.Document) -> None:
    """Signature tables without rules; report tables centred, their header row repeated on each page."""
    # Styles by their ids, looked up once: python-docx looks a style up by walking all of them.
    ttd, sel_id = d.styles[GAYA_TANDA_TANGAN_PK].style_id, d.styles[GAYA_SEL].style_id
    polos = d.styles[GAYA_TABEL_POLOS]
    for t in d.tables:
        sel_sel = t._cells
        if any(p._p.style == ttd for sel in sel_sel for p in sel.paragraphs):
            t.style = polos
            continue
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        # pandoc fixes the columns at the site's proportions; Word (and LibreOffice) then break words
        # in narrow columns ("Targ-et"). Fitted to the contents, within the page, they are not.
        for tata in t._tbl.tblPr.findall(qn("w:tblLayout")):
            t._tbl.tblPr.remove(tata)
        for sel in sel_sel:
            for p in sel.paragraphs:  # pandoc gives cell text the body's style (1.5 lines, justified)
                p._p.style = sel_id
        for baris in t.rows:
            trpr = baris._tr.get_or_add_trPr()
            if trpr.find(qn("w:cantSplit")) is None:  # a row is not split across pages
                trpr.append(OxmlElement("w:cantSplit"))


def rapikan(isi: bytes, dok: Dokumen, epoch: int) -> bytes:
    """pandoc's DOCX with the properties, the table of contents and the table layout set."""
    d = docx.Document(io.BytesIO(isi))
    inti = d.core_properties
    inti.title, inti.author, inti.subject, inti.keywords = dok.judul, dok.unit, dok.subjek, dok.kata_kunci
    inti.language = BAHASA
    inti.last_modified_by = dok.unit
    inti.created = inti.modified = waktu_utc(epoch).replace(tzinfo=None)
    inti.revision = 1
    _daftar_isi(d)
    _tabel(d)
    keluar = io.BytesIO()
    d.save(keluar)
    return zip_tetap(keluar.getvalue(), epoch)


def pandoc() -> str:
    """The pandoc binary of the pypandoc-binary wheel (pypandoc only finds it)."""
    return pypandoc.get_pandoc_path()


def tulis_word(folder_html: Path, nama_bab: Iterable[str], dok: Dokumen, keluar: Path, epoch: int) -> None:
    """Write the report's DOCX at `keluar` from the built site in `folder_html`."""
    with tempfile.TemporaryDirectory(prefix="lkjip-word-") as tmp:
        folder = Path(tmp)
        ref = folder / "reference.docx"
        referensi(ref, dok.draf, epoch, dok.kertas)
        if dok.logo is not None:
            shutil.copyfile(dok.logo, folder / _nama_logo(dok.logo))
        sumber = folder / "laporan.html"
        sumber.write_text(html_word(folder_html, nama_bab, dok), encoding="utf-8")
        hasil = folder / "laporan.docx"
        sumber_gambar = os.pathsep.join((str(folder_html), str(folder)))  # the site's images, the logo's copy
        _pandoc([str(sumber), "--from", "html", "--to", "docx", "--output", str(hasil), "--reference-doc", str(ref),
                 "--resource-path", sumber_gambar, "--metadata", f"lang={BAHASA}"], folder, epoch)
        if not hasil.is_file():
            raise WordGagal("pandoc selesai tanpa berkas DOCX")
        keluar.write_bytes(rapikan(hasil.read_bytes(), dok, epoch))
