"""Seeds for the PDF's lists (Daftar Isi, Daftar Tabel, Daftar Gambar) before the first xelatex pass
of a cold build, so that latexmk needs two passes instead of three.

Without seeds, the first pass typesets the lists empty: the front matter is shorter than it will
be, so the roman page numbers it records for what follows the lists (Daftar Gambar, Ikhtisar
Eksekutif and its figure) are too small. The second pass prints those, and records the right ones;
a third pass is needed only to print them. The main matter is numbered from 1 whatever the front
matter's length, so nothing else changes between the passes.

A seed is each list's entries as LaTeX will write them (the headings and captions of the .tex, in
order, numbered as the document numbers them) with placeholder page numbers, which are typeset in a
box of fixed width. The first pass then typesets the lists at their full length, and records the
final page numbers. The seed only has to typeset to the same length as the real lists: should it
not (a caption this scan does not see), latexmk runs the third pass as before, and the PDF is the
same. So the seed is written only where LaTeX has left no lists of its own (a cold build), with an
entry's text copied from the .tex as Sphinx wrote it there, and none at all for a .tex whose headings
or captions this scan cannot follow; should LaTeX still fail on one, rakit runs latexmk again
without seeds."""

from __future__ import annotations

import re
from pathlib import Path

from ..dasar.angka import ROMAWI

# What the scan follows in the document's body: a heading, a caption, an environment's start or end,
# a counter set, a list entry added by hand, and a call of a preamble command that adds entries.
_PERINTAH = (
    r"\\(?P<judul>chapter|section|subsection|subsubsection)(?P<bintang>\*)?(?=\s*[\[{])"
    r"|\\(?P<keterangan>sphinxcaption|caption)(?=\s*[\[{])"
    r"|\\(?P<arah>begin|end)\{(?P<lingkungan>[^}]*)\}"
    r"|\\setcounter\{(?P<pencacah>secnumdepth)\}\{(?P<nilai>-?\d+)\}"
    r"|\\pagenumbering\{(?P<penomoran>\w+)\}")
_TAMBAH = re.compile(r"\\addcontentsline\{(?P<daftar>toc|lot|lof)\}\{(?P<tingkat>\w+)\}(?=\{)")
# A command the preamble defines (as _config.yml defines \lkjipdaftar, the front-matter lists).
_MAKRO = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\\(?P<nama>[A-Za-z@]+)\}?(?:\s*\[\d\])?\s*(?=\{)")
_KEDALAMAN = {"chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3}
_GAMBAR = ("figure", "figure*", "wrapfigure")
_RUANG_BAB = "\\addvspace {10\\p@ }"  # what LaTeX's \chapter adds to the lists of tables and figures


class _BukanBenih(ValueError):
    """The .tex is not one this scan follows through (an argument with unbalanced braces)."""


def _tutup(teks: str, i: int, tutup: str) -> int:
    """The index of the `tutup` ("}" or "]") that closes the bracket at `i`, braces inside nested,
    escapes skipped."""
    kurawal, j = 0, i + 1
    while j < len(teks):
        c = teks[j]
        if c == "\\":
            j += 2  # an escaped brace, bracket or backslash is text
            continue
        if c == "{":
            kurawal += 1
        elif c == "}":
            if kurawal == 0:
                if tutup == "}":
                    return j
                break  # a brace closed that the optional argument did not open
            kurawal -= 1
        elif c == tutup and kurawal == 0:
            return j
        j += 1
    raise _BukanBenih(f"argumen tanpa {tutup} penutup")


# What an entry copied into a list must not hold: it would not be the one-line text of a heading or
# caption (a paragraph, an environment, a comment or a parameter character cut loose).
_TIDAK_AMAN = re.compile(r"\n|\\(?:begin|end|par|label|footnote|index|verb)(?![A-Za-z@])|(?<!\\)[%#]")


def _argumen(teks: str, i: int) -> tuple[str | None, str, int]:
    """The optional [..] and the mandatory {..} argument that start at `i` (after spaces), and the
    index after them."""
    while i < len(teks) and teks[i] in " \t":
        i += 1
    pilihan = None
    if i < len(teks) and teks[i] == "[":
        akhir = _tutup(teks, i, "]")
        pilihan, i = teks[i + 1:akhir], akhir + 1
    if i >= len(teks) or teks[i] != "{":
        raise _BukanBenih("argumen tanpa {")
    akhir = _tutup(teks, i, "}")
    isi = teks[i + 1:akhir]
    if any(_TIDAK_AMAN.search(t) for t in (isi, pilihan or "")):
        raise _BukanBenih("argumen yang bukan satu baris teks")
    return pilihan, isi, akhir + 1


def _baris(tingkat: str, nomor: str | None, teks: str, halaman: str, keterangan: bool = False) -> str:
    nomor_teks = "" if nomor is None else f"\\numberline {{{nomor}}}"
    isi = f"{{\\ignorespaces {teks}}}" if keterangan else teks
    return f"\\contentsline {{{tingkat}}}{{{nomor_teks}{isi}}}{{{halaman}}}{{}}%"


def _makro_berentri(pembuka: str) -> dict[str, list[tuple[str, str, str]]]:
    """The preamble's commands that add list entries by hand, each with its entries (list, level,
    text) in order. A command whose entries this scan cannot take (an argument, #1) is left out."""
    hasil = {}
    for m in _MAKRO.finditer(pembuka):
        try:
            isi = pembuka[m.end() + 1:_tutup(pembuka, m.end(), "}")]
            entri = [(e["daftar"], e["tingkat"], _argumen(isi, e.end())[1]) for e in _TAMBAH.finditer(isi)]
        except _BukanBenih:
            continue
        if entri:
            hasil[m["nama"]] = entri
    return hasil


def benih(tex: str) -> dict[str, list[str]]:
    """The lines of the seeds (toc, lot, lof) for the document `tex`, as LaTeX would write them but
    for the page numbers and link targets."""
    mulai = tex.find("\\begin{document}")
    if mulai < 0:
        raise _BukanBenih("tanpa \\begin{document}")
    tubuh = tex[mulai:]
    makro = _makro_berentri(tex[:mulai])
    nama = "|".join(map(re.escape, makro)) or "(?!)"  # (?!): no command, no call
    perintah = re.compile(rf"{_PERINTAH}|{_TAMBAH.pattern}|\\(?P<makro>{nama})(?![A-Za-z@])")
    hasil: dict[str, list[str]] = {"toc": [], "lot": [], "lof": []}
    kedalaman_nomor = 2  # LaTeX's report class: chapters, sections and subsections numbered
    bab = bagian = subbagian = subsub = tabel = gambar = 0
    lingkungan: list[str] = []
    halaman = "i"
    i = 0
    while (m := perintah.search(tubuh, i)) is not None:
        i = m.end()
        if m["arah"]:
            if m["arah"] == "begin":
                lingkungan.append(m["lingkungan"])
            elif lingkungan and lingkungan[-1] == m["lingkungan"]:
                lingkungan.pop()
        elif m["pencacah"]:
            kedalaman_nomor = int(m["nilai"])
        elif m["penomoran"]:
            halaman = "i" if m["penomoran"] in ("roman", "Roman") else "1"
        elif m["makro"]:
            for daftar, tingkat, teks in makro[m["makro"]]:
                hasil[daftar].append(_baris(tingkat, None, teks, halaman))
        elif m["daftar"]:
            _, teks, i = _argumen(tubuh, m.end())
            hasil[m["daftar"]].append(_baris(m["tingkat"], None, teks, halaman))
        elif m["judul"]:
            pendek, teks, i = _argumen(tubuh, m.end())
            if m["bintang"]:
                continue  # no entry
            dalam = _KEDALAMAN[m["judul"]]
            nomor = None
            if dalam == 0:
                for ext in ("lot", "lof"):
                    hasil[ext].append(_RUANG_BAB)
                if kedalaman_nomor >= 0:
                    bab += 1
                    bagian = subbagian = subsub = tabel = gambar = 0
                    nomor = ROMAWI[bab - 1] if bab <= len(ROMAWI) else str(bab)  # a width alike
            elif dalam <= kedalaman_nomor:
                if dalam == 1:
                    bagian, subbagian, subsub = bagian + 1, 0, 0
                    nomor = f"{bab}.{bagian}"
                elif dalam == 2:
                    subbagian, subsub = subbagian + 1, 0
                    nomor = f"{bab}.{bagian}.{subbagian}"
                else:
                    subsub += 1
                    nomor = f"{bab}.{bagian}.{subbagian}.{subsub}"
            hasil["toc"].append(_baris(m["judul"], nomor, teks if pendek is None else pendek, halaman))
        elif m["keterangan"]:
            pendek, teks, i = _argumen(tubuh, m.end())
            if pendek == "":
                continue  # \caption[]{..}: no entry (a longtable's continued head)
            gambar_ini = m["keterangan"] == "caption" and any(e in _GAMBAR for e in lingkungan)
            if gambar_ini:
                gambar += 1
                nomor = f"{bab}.{gambar}" if bab else str(gambar)
            else:
                tabel += 1
                nomor = f"{bab}.{tabel}" if bab else str(tabel)
            hasil["lof" if gambar_ini else "lot"].append(
                _baris("figure" if gambar_ini else "table", nomor, teks if pendek is None else pendek, halaman,
                       keterangan=True))
    return hasil


def tulis_benih(latex: Path, nama: str) -> bool:
    """Write the seeds of `nama`.tex's lists in the folder `latex`, where LaTeX has left none (a cold
    build): whether they were written. A .tex this scan cannot follow gets none (three passes)."""
    if any((latex / f"{nama}.{ext}").exists() for ext in ("aux", "toc", "lot", "lof")):
        return False
    try:
        isi = benih((latex / f"{nama}.tex").read_text(encoding="utf-8"))
    except (_BukanBenih, OSError, UnicodeDecodeError):
        return False
    for ext, baris in isi.items():
        (latex / f"{nama}.{ext}").write_text("".join(b + "\n" for b in baris), encoding="utf-8")
    return True
