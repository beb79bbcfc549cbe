"""MyST Markdown for the book: escaped text, numbered tables and figures.

Data text is always escaped before it becomes Markdown, so a name holding `<script>` or
`50% & _x_` stays text: Sphinx then escapes it again for HTML and for LaTeX.
"""

from __future__ import annotations

from .tabel import Tabel

# Every ASCII punctuation character may be backslash-escaped in CommonMark/MyST.
# Only those that can start markup are escaped, to keep the staged Markdown readable.
_TANDA = set("\\`*_{}[]<>()#+-.!|~$%&:")


def md(teks: str | None) -> str:
    """Plain text as inert MyST Markdown (one line)."""
    if teks is None:
        return ""
    teks = " ".join(str(teks).split())
    return "".join("\\" + c if c in _TANDA else c for c in teks)


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
    kolom_latex = "|" + "|".join(
        (r">{\raggedleft\arraybackslash}" if i in isi.angka else "") + rf"\X{{{w}}}{{{total}}}"
        for i, w in enumerate(lebar)) + "|"
    # In the PDF a table of this class that may not fit on a page breaks across pages (terbit.sphinx_ext).
    kelas = ["tabel-lkjip"] + [f"kanan-{i + 1}" for i in sorted(isi.angka)]
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
    return "\n".join(baris) + "\n"


def gambar(path: str, nama: str, judul: str, alt: str) -> str:
    """A numbered figure with alt text."""
    return "\n".join([f":::{{figure}} {path}", f":name: gambar-{nama}", f":alt: {md(alt)}", ":width: 100%", "",
                      md(judul), ":::", ""])


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
          "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex(teks: str) -> str:
    """Plain text as LaTeX, for the few places where data goes straight into LaTeX (the cover)."""
    return "".join(_LATEX.get(c, c) for c in str(teks))


def sampul_latex(pemerintah: str, tahun: int, unit: str, daerah: str) -> str:
    """The PDF's cover page, laid out like the printed LKjIP."""
    return "\n".join([
        r"\begin{titlepage}", r"\centering",
        rf"{{\Large\bfseries {latex(pemerintah.upper())}\par}}", r"\vspace*{4cm}",
        r"{\Huge\bfseries LKjIP\par}", r"\vspace{0.6cm}",
        r"{\LARGE Laporan Kinerja Instansi Pemerintah\par}", r"\vspace{0.3cm}",
        rf"{{\LARGE Tahun {tahun}\par}}", r"\vfill",
        rf"{{\Large\bfseries {latex(unit.upper())}\par}}", r"\vspace{0.2cm}",
        rf"{{\large\bfseries {latex(daerah.upper())}\par}}", r"\vspace*{2cm}",
        r"\end{titlepage}",
    ])
