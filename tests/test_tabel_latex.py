"""Report tables in the book's doctree (terbit.tabel_latex), without building a book: repeated
tujuan and sasaran cells merged into one cell (rowspan in HTML, multirow in LaTeX), nested from
left to right; list cells as bulleted paragraphs that start on the row's first line."""

from __future__ import annotations

from docutils import nodes

from lkjip_calc.terbit.tabel_latex import KELAS_TABEL, _butir_sebaris, _isi_berikut, _judul_berikut, gabung_sel


def _tabel(baris: list[list[str | list[str]]], kelas: list[str]) -> nodes.table:
    def sel(isi):
        if isinstance(isi, list):
            daftar = nodes.bullet_list("", *(nodes.list_item("", nodes.paragraph(text=x)) for x in isi), bullet="-")
            return nodes.entry("", daftar)
        return nodes.entry("", nodes.paragraph(text=isi))

    grup = nodes.tgroup(cols=len(baris[0]))
    grup += [nodes.colspec(colwidth=1) for _ in baris[0]]
    grup += nodes.tbody("", *(nodes.row("", *(sel(x) for x in b)) for b in baris))
    return nodes.table("", grup, classes=[KELAS_TABEL, *kelas])


def _bentuk(tabel: nodes.table) -> list[list[tuple[str, int]]]:
    """Each row's cells as (text, rows spanned below it)."""
    return [[(e.astext(), e.get("morerows", 0)) for e in r.findall(nodes.entry)] for r in tabel.findall(nodes.row)]


def test_sel_berulang_digabung_bertingkat():
    # Tabel 2.1's shape: tujuan T1 over three IKUs, sasaran S1 over two of them; S2 is repeated
    # across a change of tujuan, so its two cells stay apart (a sasaran merges within its tujuan).
    tabel = _tabel([["T1", "S1", "ikm", "84,5"],
                    ["T1", "S1", "tata kelola", "250"],
                    ["T1", "S2", "administrasi", "100"],
                    ["T2", "S2", "lembaga", "45"]], ["gabung-1", "gabung-2"])
    gabung_sel(tabel)
    assert _bentuk(tabel) == [
        [("T1", 2), ("S1", 1), ("ikm", 0), ("84,5", 0)],   # T1 spans 3 rows (2 below), S1 spans 2
        [("tata kelola", 0), ("250", 0)],
        [("S2", 0), ("administrasi", 0), ("100", 0)],
        [("T2", 0), ("S2", 0), ("lembaga", 0), ("45", 0)],
    ]


def test_tanpa_kelas_gabung_tabel_utuh():
    tabel = _tabel([["T1", "x"], ["T1", "x"]], [])
    gabung_sel(tabel)
    assert _bentuk(tabel) == [[("T1", 0), ("x", 0)], [("T1", 0), ("x", 0)]]


def test_hanya_kolom_bertanda_yang_digabung():
    # the second column repeats too, but only the first is marked; merging the first makes the
    # second's repeats cross no boundary, and still they stay apart
    tabel = _tabel([["A", "x"], ["A", "x"], ["B", "x"]], ["gabung-1"])
    gabung_sel(tabel)
    assert _bentuk(tabel) == [[("A", 1), ("x", 0)], [("x", 0)], [("B", 0), ("x", 0)]]


def test_daftar_dalam_sel_mulai_di_baris_pertama():
    tabel = _tabel([["Program A", ["kegiatan satu", "kegiatan dua"]]], [])
    baris = next(iter(tabel.findall(nodes.row)))
    _butir_sebaris(baris)
    sel = list(baris.findall(nodes.entry))[1]
    # no itemize (which starts a line below the row's first line): one bulleted paragraph per item
    assert not list(sel.findall(nodes.bullet_list))
    paragraf = list(sel.findall(nodes.paragraph))
    assert ["".join(c.astext() for c in p.children[1:]) for p in paragraf] == ["kegiatan satu", "kegiatan dua"]
    assert all(isinstance(p[0], nodes.raw) and r"\textbullet" in p[0].astext() for p in paragraf)


def test_judul_berantai_dihitung_sampai_isi():
    # "Indikator: ..." then "a. Capaian ..." then a table, across output containers and raw LaTeX:
    # the first heading has one more right after it; the second none
    indikator = nodes.rubric(text="Indikator: IKM")
    huruf_a = nodes.rubric(text="a. Capaian Kinerja")
    tabel = _tabel([["x"]], [])
    nodes.section("", nodes.container("", indikator),
                  nodes.container("", nodes.raw("", r"\typeout{x}", format="latex"), huruf_a, tabel))
    assert _judul_berikut(indikator) == 1
    assert _judul_berikut(huruf_a) == 0
    assert _isi_berikut(huruf_a) is tabel
