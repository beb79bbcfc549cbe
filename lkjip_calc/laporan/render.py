"""MyST Markdown for the book: escaped text, numbered tables and figures.

Data text is always escaped before it becomes Markdown, so a name holding `<script>` or
`50% & _x_` stays text: Sphinx then escapes it again for HTML and for LaTeX. Where data text
goes around Markdown (the book's configuration, the PDF cover) it is escaped here too, one
function per target: `md` (MyST text), `opsi` (a MyST directive option), `html`, `latex`.
"""

from __future__ import annotations

import html as _html
import json
import re

from .tabel import Tabel

# C0/C1 control characters other than tab and newline: they stop xelatex and mean nothing in
# HTML. The year's prose is checked for them (`markah`); here they are made visible wherever
# data text lands anyway.
KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PENGGANTI_KENDALI = "\ufffd"


def _tanpa_kendali(teks: str) -> str:
    return KENDALI.sub(PENGGANTI_KENDALI, teks)

# Every ASCII punctuation character may be backslash-escaped in CommonMark/MyST.
# Only those that can start markup are escaped, to keep the staged Markdown readable.
_TANDA = set("\\`*_{}[]<>()#+-.!|~$%&:")


def md(teks: str | None) -> str:
    """Plain text as inert MyST Markdown (one line)."""
    if teks is None:
        return ""
    teks = _tanpa_kendali(" ".join(str(teks).split()))
    return "".join("\\" + c if c in _TANDA else c for c in teks)


def opsi(teks: str) -> str:
    """Plain text as the value of a MyST directive option (`:alt: ...`), one line.

    Option values are not Markdown (a backslash would show), but a value starting with a quote
    or holding `: ` could be misread: a double-quoted YAML scalar (JSON's escapes are YAML's)
    is read back as exactly this text."""
    return json.dumps(_tanpa_kendali(" ".join(str(teks).split())), ensure_ascii=False)


def html(teks: str) -> str:
    """Plain text as HTML (text or a quoted attribute value)."""
    return _html.escape(_tanpa_kendali(str(teks)), quote=True)


def _sel(sel, tebal: bool, indentasi: str) -> str:
    if isinstance(sel, list):
        if not sel:
            return "-"
        return ("\n" + indentasi).join(f"- {md(x)}" for x in sel)
    teks = md(sel) or " "
    return f"**{teks}**" if tebal and teks.strip() else teks


def tabel(t: Tabel) -> str:
    """A numbered, captioned table (MyST list-table); numbers right-aligned in HTML and PDF."""
    isi = t.isi
    lebar = isi.lebar or [1] * len(isi.kepala)
    total = sum(lebar)
    # Text ragged right, numbers flush right: justified narrow cells leave rivers of white space.
    # \lkjipsel (the book's preamble) keeps words whole unless one is wider than its column.
    kolom_latex = "|" + "|".join(
        (r">{\lkjipsel\raggedleft\arraybackslash}" if i in isi.angka else r">{\lkjipsel\raggedright\arraybackslash}")
        + rf"\X{{{w}}}{{{total}}}" for i, w in enumerate(lebar)) + "|"
    # In the PDF a table of this class that may not fit on a page breaks across pages (terbit.sphinx_ext);
    # in both outputs repeated cells of a `gabung-N` column are merged into one (terbit.sphinx_ext).
    kelas = (["tabel-lkjip"] + [f"kanan-{i + 1}" for i in sorted(isi.angka)]
             + [f"gabung-{i + 1}" for i in sorted(isi.gabung)])
    baris = [
        "```{tabularcolumns} " + kolom_latex,
        "```",
        "",
        f":::{{list-table}} {md(t.judul)}",
        ":header-rows: 1",
        f":name: tabel-{t.nama}",
        f":widths: {' '.join(str(w) for w in lebar)}",
        f":class: {' '.join(kelas)}",
        "",
    ]
    for nomor, sel_sel in enumerate([isi.kepala] + isi.baris):
        for i, sel in enumerate(sel_sel):
            awal = "* - " if i == 0 else "  - "
            baris.append(awal + _sel(sel, nomor - 1 in isi.tebal, "    "))
    baris.append(":::")
    if t.sumber:
        baris += ["", ":::{container} sumber-tabel", f"Sumber: {md(t.sumber)}", ":::"]
    if t.catatan:
        baris += ["", md(t.catatan)]
    return "\n".join(baris) + "\n"


def gambar(path: str, nama: str, judul: str, alt: str) -> str:
    """A numbered figure with alt text."""
    return "\n".join([f":::{{figure}} {path}", f":name: gambar-{nama}", f":alt: {opsi(alt)}", ":width: 100%", "",
                      md(judul), ":::", ""])


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
          "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex(teks: str) -> str:
    """Plain text as LaTeX, for the few places where data goes straight into LaTeX (the cover, the
    title and author of the PDF). Whitespace is collapsed: a blank line would end a paragraph
    inside a command argument."""
    return "".join(_LATEX.get(c, c) for c in _tanpa_kendali(" ".join(str(teks).split())))


def sampul_latex(pemerintah: str, tahun: int, unit: str, daerah: str, logo: str | None = None) -> str:
    """The PDF's cover page, laid out like the printed LKjIP. `logo`: the file name of the pemda's
    logo beside the LaTeX sources (a name the build generates, never one from data)."""
    return "\n".join([
        r"\begin{titlepage}", r"\centering",
        *([rf"\includegraphics[height=3.5cm,keepaspectratio]{{{logo}}}\par", r"\vspace{0.8cm}"] if logo else []),
        rf"{{\Large\bfseries {latex(pemerintah.upper())}\par}}", r"\vspace*{4cm}",
        r"{\Huge\bfseries LKjIP\par}", r"\vspace{0.6cm}",
        r"{\LARGE Laporan Kinerja Instansi Pemerintah\par}", r"\vspace{0.3cm}",
        rf"{{\LARGE Tahun {tahun}\par}}", r"\vfill",
        rf"{{\Large\bfseries {latex(unit.upper())}\par}}", r"\vspace{0.2cm}",
        rf"{{\large\bfseries {latex(daerah.upper())}\par}}", r"\vspace*{2cm}",
        r"\end{titlepage}",
    ])
