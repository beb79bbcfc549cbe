"""MyST Markdown for the book: escaped text, numbered tables and figures.

Data text is always escaped before it becomes Markdown, so a name holding `<script>` or
`50% & _x_` stays text: Sphinx then escapes it again for HTML and for LaTeX.
"""

from __future__ import annotations

from .tables import Tabel

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
    lebar = t.lebar or [1] * len(t.kepala)
    total = sum(lebar)
    kolom_latex = "|" + "|".join(
        (r">{\raggedleft\arraybackslash}" if i in t.angka else "") + rf"\X{{{w}}}{{{total}}}"
        for i, w in enumerate(lebar)) + "|"
    kelas = ["tabel-lkjip"] + [f"kanan-{i + 1}" for i in sorted(t.angka)] + (["longtable"] if t.panjang else [])
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
    for nomor, isi in enumerate([t.kepala] + t.baris):
        for i, sel in enumerate(isi):
            awal = "* - " if i == 0 else "  - "
            baris.append(awal + _sel(sel, nomor - 1 in t.tebal, "    "))
    baris.append(":::")
    if t.sumber:
        baris += ["", ":::{container} sumber-tabel", f"Sumber: {md(t.sumber)}", ":::"]
    return "\n".join(baris) + "\n"


def gambar(path: str, nama: str, judul: str, alt: str) -> str:
    """A numbered figure with alt text."""
    return "\n".join([f":::{{figure}} {path}", f":name: gambar-{nama}", f":alt: {md(alt)}", ":width: 100%", "",
                      md(judul), ":::", ""])
