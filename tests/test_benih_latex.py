"""The seeds of the PDF's lists: the entries LaTeX will write (headings and captions, numbered as the
document numbers them) before the first pass of a cold build, so that latexmk runs xelatex twice
instead of three times; and, on the shared book build, that it did, for every unit-year."""

from __future__ import annotations

import re

import pytest

from lkjip_calc.terbit.benih_latex import benih, tulis_benih

_TEX = r"""\documentclass{sphinxmanual}
\newcommand{\lkjipdaftar}{%
  \clearpage\phantomsection\addcontentsline{toc}{chapter}{Daftar Isi}%
  \tableofcontents
  \clearpage\phantomsection\addcontentsline{toc}{chapter}{\listtablename}\listoftables
  \clearpage\phantomsection\addcontentsline{toc}{chapter}{\listfigurename}\listoffigures}
\newcommand{\lkjipbab}[1]{\addcontentsline{toc}{chapter}{#1}}
\begin{document}
\pagenumbering{roman}
\setcounter{secnumdepth}{-1}
\chapter{Kata Pengantar}
\lkjipdaftar
\chapter{Ikhtisar Eksekutif}
\begin{figure}[!htbp]
\caption{Capaian \{IKU\} 100\%}\label{a}\end{figure}
\pagenumbering{arabic}
\setcounter{secnumdepth}{2}
\chapter{Pendahuluan}
\section{Gambaran Umum}
\subsection[Pendek]{Kondisi dan \sphinxstyleemphasis{Potensi}}
\subsubsection{Susunan}
\chapter*{Tanpa Entri}
\begin{savenotes}\sphinxattablestart
\sphinxcaption{Luas Wilayah}\label{b}
\begin{tabulary}{\linewidth}{|L|}x\end{tabulary}\sphinxattableend\end{savenotes}
\chapter{Perencanaan}
\section{Renstra}
\begin{longtable}{|l|}
\caption{Anggaran}\label{c}\\
\endfirsthead
\caption[]{Anggaran (lanjutan)}\\
\endhead
x\\
\end{longtable}
\begin{figure}[!htbp]
\caption[Grafik]{Grafik panjang}\end{figure}
\setcounter{secnumdepth}{-1}
\chapter{Lampiran}
\addcontentsline{toc}{section}{Perjanjian Kinerja}
\end{document}
"""


def _isi(baris: list[str]) -> list[str]:
    return [b for b in baris if b.startswith("\\contentsline")]


def test_benih_entri_dan_nomornya_seperti_latex():
    b = benih(_TEX)
    assert _isi(b["toc"]) == [
        r"\contentsline {chapter}{Kata Pengantar}{i}{}%",
        r"\contentsline {chapter}{Daftar Isi}{i}{}%",
        r"\contentsline {chapter}{\listtablename}{i}{}%",
        r"\contentsline {chapter}{\listfigurename}{i}{}%",
        r"\contentsline {chapter}{Ikhtisar Eksekutif}{i}{}%",
        r"\contentsline {chapter}{\numberline {I}Pendahuluan}{1}{}%",
        r"\contentsline {section}{\numberline {1.1}Gambaran Umum}{1}{}%",
        r"\contentsline {subsection}{\numberline {1.1.1}Pendek}{1}{}%",  # the short title, as LaTeX takes it
        r"\contentsline {subsubsection}{Susunan}{1}{}%",  # deeper than secnumdepth: no number
        r"\contentsline {chapter}{\numberline {II}Perencanaan}{1}{}%",
        r"\contentsline {section}{\numberline {2.1}Renstra}{1}{}%",
        r"\contentsline {chapter}{Lampiran}{1}{}%",
        r"\contentsline {section}{Perjanjian Kinerja}{1}{}%",
    ]
    # tables: Sphinx's \sphinxcaption and a longtable's \caption (its continued head, \caption[], has none)
    assert _isi(b["lot"]) == [
        r"\contentsline {table}{\numberline {1.1}{\ignorespaces Luas Wilayah}}{1}{}%",
        r"\contentsline {table}{\numberline {2.1}{\ignorespaces Anggaran}}{1}{}%",
    ]
    assert _isi(b["lof"]) == [
        r"\contentsline {figure}{\numberline {1}{\ignorespaces Capaian \{IKU\} 100\%}}{i}{}%",
        r"\contentsline {figure}{\numberline {2.1}{\ignorespaces Grafik}}{1}{}%",
    ]
    # each numbered or unnumbered \chapter (not \chapter*) spaces the lists of tables and figures
    assert b["lot"].count("\\addvspace {10\\p@ }") == b["lof"].count("\\addvspace {10\\p@ }") == 5


@pytest.mark.parametrize("rusak", [r"\caption{tanpa penutup", r"\section[tanpa penutup{Judul}", r"\chapter"])
def test_tex_yang_tidak_diikuti_tanpa_benih(tmp_path, rusak):
    """A .tex the scan cannot follow gets no seeds: latexmk runs its three passes, as without them."""
    (tmp_path / "lkjip.tex").write_text(_TEX.replace(r"\chapter{Perencanaan}", rusak + "\n"), encoding="utf-8")
    if rusak == r"\chapter":  # a bare \chapter (no argument) is not a heading the scan looks at
        assert tulis_benih(tmp_path, "lkjip")
        return
    assert not tulis_benih(tmp_path, "lkjip")
    assert not list(tmp_path.glob("lkjip.*[!x]"))  # nothing but the .tex


def test_benih_hanya_untuk_build_dingin(tmp_path):
    """Where LaTeX has left its own lists or .aux (a kept book), they stay as they are."""
    (tmp_path / "lkjip.tex").write_text(_TEX, encoding="utf-8")
    assert tulis_benih(tmp_path, "lkjip")
    assert "Pendahuluan" in (tmp_path / "lkjip.toc").read_text(encoding="utf-8")
    (tmp_path / "lkjip.toc").write_text("punya LaTeX\n", encoding="utf-8")
    assert not tulis_benih(tmp_path, "lkjip")
    assert (tmp_path / "lkjip.toc").read_text(encoding="utf-8") == "punya LaTeX\n"


@pytest.mark.buku
@pytest.mark.parametrize("unit, tahun", [("kanigaran", 2024), ("sumberrejo", 2024), ("sumberrejo", 2025)])
def test_pdf_dingin_dua_lintasan_xelatex(buku_semua, unit, tahun):
    """Each cold PDF of the shared build (names with LaTeX specials, a draft year among them) took two
    xelatex passes, the seeds having the lists' final length; its lists are LaTeX's own."""
    log = (buku_semua.tahun(unit, tahun) / "build-pdf.log").read_text(encoding="utf-8")
    assert re.findall(r"Run number (\d+) of rule 'xelatex'", log) == ["1", "2"]
    latex = buku_semua.keluaran / unit / str(tahun) / ".cache" / "buku" / "_build" / "latex"
    toc = (latex / "lkjip.toc").read_text(encoding="utf-8")
    assert "{}%" not in toc and "{chapter.1}%" in toc  # written by LaTeX, with its link targets


_TEX_KECIL = r"""\documentclass{report}
\begin{document}
\tableofcontents
\newcommand{\lkjipnanti}{Ditetapkan Kemudian}
\chapter{\lkjipnanti}
Isi.
\end{document}
"""


@pytest.mark.buku
def test_benih_yang_gagal_diulang_tanpa_benih(tmp_path):
    """A seed LaTeX cannot typeset (a title whose command is defined only after the lists) costs a
    second run from nothing, not the PDF."""
    from lkjip_calc.terbit import rakit

    (tmp_path / "lkjip.tex").write_text(_TEX_KECIL, encoding="utf-8")
    (tmp_path / "Makefile").write_text("all-pdf:\n\tlatexmk -interaction=nonstopmode $(LATEXMKOPTS) lkjip.tex\n",
                                       encoding="utf-8")
    (tmp_path / rakit._RC_LATEXMK).write_text("", encoding="utf-8")
    log = tmp_path / "build-pdf.log"
    assert rakit.latexmk_berbenih(tmp_path, log, 0).returncode == 0
    teks = log.read_text(encoding="utf-8")
    assert "Undefined control sequence" in teks or "Latexmk: Errors" in teks  # the seeded run failed
    assert (tmp_path / "lkjip.pdf").is_file()
    assert "Ditetapkan Kemudian" in (tmp_path / "lkjip.toc").read_text(encoding="utf-8")


def test_prediktor_png_hanya_untuk_gambar_data(tmp_path):
    """xdvipdfmx keeps PNG predictors (a photograph compresses to less than half with them) unless
    every PNG of the PDF is a chart lkjip drew (flat colours: faster and smaller without)."""
    from lkjip_calc.terbit.rakit import isi_rc_latexmk

    latex, grafik = tmp_path / "latex", tmp_path / "chapters" / "gambar"
    latex.mkdir()
    grafik.mkdir(parents=True)
    for nama in ("capaian-iku.png", "serapan-program.png"):
        (grafik / nama).write_bytes(b"png")
        (latex / nama).write_bytes(b"png")
    assert "-z 6 -C 0x20 -E" in isi_rc_latexmk(latex, grafik)
    assert "-C" not in isi_rc_latexmk(latex, None)
    (latex / "logo-sampul.png").write_bytes(b"png")  # an image of the data (logo, map, photo)
    assert "-C" not in isi_rc_latexmk(latex, grafik)
