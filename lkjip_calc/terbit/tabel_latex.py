"""Report tables in the PDF. A LaTeX table row cannot break across pages, and a `tabulary` table
cannot break at all: a tall cell (a list of thirty kegiatan) or a tall table ran off the page and
its rest was lost, silently. So in the LaTeX build a report table (class `tabel-lkjip`, from
`laporan.render.tabel`) that may not fit on a page is a `longtable`, which breaks between rows and
repeats its header on each page; and in it a row with list cells that may be too tall for one
page becomes one LaTeX row per list item, the other cells in its first row. No rule and no change
of row colour separates the rows of one source row, so it still reads as one. The HTML keeps one
row with a list in the cell; both show the same texts. Around each report table a line in the
LaTeX log names it, for `log_latex`, which reports content still too tall for a page.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.template import LaTeXRenderer
from sphinx.writers.latex import LaTeXTranslator

from .log_latex import PENANDA_LOG

KELAS_TABEL = "tabel-lkjip"
KELAS_BERSAMBUNG = "lkjip-bersambung"  # a LaTeX row continued by the next one (same source row)
KELAS_TAHAN = "lkjip-tahan"            # ... and kept on the same page as the next one
KELAS_SUMBER = "sumber-tabel"          # the container of a table's "Sumber:" line (laporan.render)


def _daftar(sel: nodes.entry) -> nodes.bullet_list | None:
    """The cell's list, when the cell is only a bulleted list."""
    isi = [n for n in sel.children if not isinstance(n, nodes.comment)]
    if len(isi) == 1 and isinstance(isi[0], nodes.bullet_list):
        return isi[0]
    return None


# A bulleted paragraph, its lines after the first under the text: an `itemize` of one item in
# each row would add its space above and below every item.
BUTIR_LATEX = r"\hangindent=1.1em\hangafter=1\makebox[1.1em][l]{\textbullet}"


def _butir(daftar: nodes.bullet_list, butir: nodes.list_item) -> nodes.Element:
    """One item of a list, alone in its cell."""
    if len(butir.children) == 1 and isinstance(butir[0], nodes.paragraph):
        paragraf = butir[0].deepcopy()
        paragraf.insert(0, nodes.raw("", BUTIR_LATEX, format="latex"))
        return paragraf
    satu = daftar.copy()  # the list's attributes (bullet), one item
    satu += butir.deepcopy()
    return satu


# A table that is surely shorter than a page stays a `tabulary`, as Sphinx makes it: it moves
# to the next page whole, with the heading before it (a longtable that does not fit starts a new
# page after the heading). A longer table is a longtable, and in it a row of the source stays one
# LaTeX row while it is surely shorter than a page (a list in a cell looks best so); a row that
# may be taller is split. The estimates of heights in lines are rough on purpose and err high:
# what still runs off the page shows as an Overfull \vbox in the LaTeX log, which `log_latex`
# reports (and `--strict` fails on).
KARAKTER_SEBARIS = 90  # characters of table text in a line across the whole text width
BATAS_PANJANG = 35     # tables estimated taller than this many lines are longtables
BARIS_PECAH = 12       # ... and their rows estimated taller than this many lines are split


def _perkiraan_baris(sel: nodes.entry, lebar: float) -> int:
    """Lines a cell takes in a column of `lebar` (a fraction of the text width), roughly."""
    muat = max(4, int(KARAKTER_SEBARIS * lebar))
    return sum(-(-len(p.astext()) // muat) + 1 for p in sel.findall(nodes.paragraph))


def _tinggi_baris(baris: nodes.row, lebar: list[float]) -> int:
    sel = [s for s in baris.children if isinstance(s, nodes.entry)]
    return max((_perkiraan_baris(s, w) for s, w in zip(sel, lebar, strict=False)), default=0)


def _butir_sebaris(baris: nodes.row) -> None:
    """A row kept whole: its list cells as bulleted paragraphs, like those of split rows, so that
    a list starts on the row's first line (an `itemize` in a cell starts a line below it)."""
    for s in baris.children:
        d = _daftar(s) if isinstance(s, nodes.entry) else None
        if d is not None:
            s.children = []
            s.extend(_butir(d, b) for b in d.children)


def _pecah_baris(baris: nodes.row, lebar: list[float]) -> list[nodes.row]:
    """A row of a longtable: one row per list item of the row's list cells, the other cells in the
    first row, when the row may be too tall to keep in one."""
    sel = [s for s in baris.children if isinstance(s, nodes.entry)]
    daftar = [_daftar(s) for s in sel]
    n = max((len(d.children) for d in daftar if d is not None), default=0)
    if n <= 1 or _tinggi_baris(baris, lebar) <= BARIS_PECAH:
        _butir_sebaris(baris)
        return [baris]
    hasil = []
    for k in range(n):
        baru = nodes.row("", **{a: baris[a] for a in baris.attributes if a not in ("ids", "names")})
        if k == 0:
            baru["ids"] = list(baris["ids"])
        for s, d in zip(sel, daftar, strict=True):
            if d is None:
                baru += s if k == 0 else nodes.entry()
            elif k < len(d.children):
                baru += nodes.entry("", _butir(d, d.children[k]),
                                    **{a: s[a] for a in s.attributes if a not in ("ids", "names")})
            else:
                baru += nodes.entry()
        if k < n - 1:
            baru["classes"] = [*baru["classes"], KELAS_BERSAMBUNG]
        if k in (0, n - 2):  # no page with a single item of the row: at least two at its start and end
            baru["classes"] = [*baru["classes"], KELAS_TAHAN]
        hasil.append(baru)
    return hasil


AWALAN_GABUNG = "gabung-"  # class `gabung-N`: column N's repeated cells are merged (laporan.tabel.Isi.gabung)


def _kolom_gabung(tabel: nodes.table) -> list[int]:
    return sorted(int(k[len(AWALAN_GABUNG):]) - 1 for k in tabel["classes"]
                  if k.startswith(AWALAN_GABUNG) and k[len(AWALAN_GABUNG):].isdigit())


def gabung_sel(tabel: nodes.table) -> None:
    """Merge the equal cells of consecutive body rows in the table's `gabung-N` columns into one
    cell spanning them (`morerows`: rowspan in HTML, multirow in LaTeX), nested from left to right.
    The rows stay rows of one regular table, its other cells untouched."""
    kolom = _kolom_gabung(tabel)
    for badan in tabel.findall(nodes.tbody):
        baris = [b for b in badan.children if isinstance(b, nodes.row)]
        sel = [[s for s in b.children if isinstance(s, nodes.entry)] for b in baris]
        if not kolom or any(len(s) != len(sel[0]) or any(e.get("morerows") or e.get("morecols") for e in s)
                            for s in sel):
            continue  # a table already spanning cells is left as it is
        hapus: set[tuple[int, int]] = set()
        batas: set[int] = set()  # rows starting a new cell in a merged column before this one
        for k in kolom:
            if k >= len(sel[0]):
                continue
            awal = 0
            for i in range(1, len(baris) + 1):
                if i < len(baris) and i not in batas and sel[i][k].astext() == sel[awal][k].astext():
                    hapus.add((i, k))
                    continue
                if i - awal > 1:
                    sel[awal][k]["morerows"] = i - awal - 1
                if i < len(baris):
                    batas.add(i)
                awal = i
        for i, k in hapus:
            baris[i].remove(sel[i][k])


class GabungSel(SphinxPostTransform):
    """The repeated cells of a report table's `gabung-N` columns merged, in every output but the
    PDF, where `TabelLaporanLatex` merges them only in a table kept on one page: a merged cell
    cannot break across pages, and a longtable's tall rows are split instead."""

    default_priority = 200

    def run(self, **kwargs) -> None:
        if self.app.builder.format == "latex":
            return
        for tabel in list(self.document.findall(nodes.table)):
            if KELAS_TABEL in tabel["classes"]:
                gabung_sel(tabel)


class TabelLaporanLatex(SphinxPostTransform):
    """LaTeX only: long report tables as longtables, their tall rows with list cells split into
    one row per item; in the other tables repeated `gabung-N` cells merged, list cells as
    bulleted paragraphs."""

    default_priority = 200
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        for tabel in list(self.document.findall(nodes.table)):
            if KELAS_TABEL not in tabel["classes"]:
                continue
            kolom = [c.get("colwidth", 1) for c in tabel.findall(nodes.colspec)]
            lebar = [w / sum(kolom) for w in kolom]
            tinggi = sum(_tinggi_baris(b, lebar) for b in tabel.findall(nodes.row))
            if tinggi > BATAS_PANJANG and "longtable" not in tabel["classes"]:
                tabel["classes"].append("longtable")
            pecah = "longtable" in tabel["classes"]
            if not pecah:
                gabung_sel(tabel)
            for badan in tabel.findall(nodes.tbody):
                baris_baru = []
                for baris in badan.children:
                    if isinstance(baris, nodes.row) and pecah:
                        baris_baru += _pecah_baris(baris, lebar)
                    else:
                        if isinstance(baris, nodes.row):
                            _butir_sebaris(baris)
                        baris_baru.append(baris)
                badan.children = []
                badan.extend(baris_baru)
            # In the LaTeX log, where each report table starts (and on which page) and, after it,
            # its number: a layout problem found in the log is named by its table.
            label = tabel["ids"][0] if tabel["ids"] else "-"
            induk, i = tabel.parent, tabel.parent.index(tabel)
            induk.insert(i + 1, nodes.raw("", rf"\typeout{{{PENANDA_LOG}-AKHIR \thetable\space {label}}}" + "\n",
                                          format="latex"))
            induk.insert(i, nodes.raw("", rf"\typeout{{{PENANDA_LOG}-AWAL \thepage\space {label}}}" + "\n",
                                      format="latex"))
            # A table's source line stays on the page of its last row (\lkjipikatsumber, preamble).
            berikut = induk[i + 3] if i + 3 < len(induk) else None
            if isinstance(berikut, nodes.container) and KELAS_SUMBER in berikut["classes"]:
                induk.insert(i + 1, nodes.raw("", "\\lkjipikatsumber\n", format="latex"))


def _isi_berikut(node: nodes.Node) -> nodes.Element | None:
    """The next element in reading order that prints something (not a container, a target or raw)."""
    for n in node.findall(include_self=False, descend=False, siblings=True, ascend=True):
        for m in n.findall(include_self=True):  # n, then what it holds, in order
            if isinstance(m, nodes.Element) and not isinstance(m, (nodes.raw, nodes.target, nodes.comment,
                                                                    nodes.container)):
                return m
    return None


def _judul_berikut(judul: nodes.Element) -> int:
    """How many headings (rubrics) follow this one with nothing between them."""
    n, jumlah = _isi_berikut(judul), 0
    while isinstance(n, nodes.rubric):
        jumlah += 1
        n = _isi_berikut(n)
    return jumlah


class LatexLkjip(LaTeXTranslator):
    """Sphinx's LaTeX writer; a row continued by the next one ends without a rule between them,
    and the next row keeps its colour (colorrows counts rows in \\rownum). A merged cell (a tujuan
    over its rows) is as wide as its column and ragged right like the column's other cells: Sphinx
    sets it 1/n of the line wide and justified, not knowing the `tabularcolumns` widths."""

    # Headings in chapter outputs are rubrics; a page break can fall after one (after the anchor
    # it leaves), so a heading, or a run of headings ("Indikator: ..." then "a. Capaian ..."),
    # could end a page with what it heads on the next. Before the first of a run, \needspace asks
    # for room for the run and a few lines of what follows, or starts a new page.
    BARIS_SESUDAH_JUDUL = 8  # lines kept free below a heading: a table's caption, header and a row
    BARIS_PER_JUDUL = 3

    def visit_rubric(self, node: nodes.Element) -> None:
        sisa = getattr(self, "_judul_berantai", 0)
        if sisa:
            self._judul_berantai = sisa - 1
        else:
            rantai = _judul_berikut(node)
            self._judul_berantai = rantai
            baris = self.BARIS_SESUDAH_JUDUL + self.BARIS_PER_JUDUL * (rantai + 1)
            self.body.append(rf"\needspace{{{baris}\baselineskip}}")
        super().visit_rubric(node)

    def visit_entry(self, node: nodes.Element) -> None:
        super().visit_entry(node)
        sel = self.table.cell()
        lebar = self.table.colwidths
        if sel is None or sel.height <= 1 or sel.width != 1 or len(lebar) != self.table.colcount:
            return
        body = self.bodystack[-1] if self.needs_linetrimming and self.bodystack else self.body
        lama = r"\begin{varwidth}[t]{\sphinxcolwidth{1}{%d}}" % self.table.colcount
        for i in range(len(body) - 1, -1, -1):
            if body[i].startswith(lama):
                body[i] = (r"\begin{varwidth}[t]{\sphinxcolwidth{%d}{%d}}\lkjipsel\raggedright"
                           % (lebar[sel.col], sum(lebar)) + body[i][len(lama):])
                break

    _penyaji: LaTeXRenderer | None = None

    def render(self, template_name: str, variables: dict) -> str:
        """As Sphinx renders a table's (or the document's) template, but with one renderer for the
        whole document: Sphinx makes a new one, a Jinja environment that compiles the template
        again, for every table (a tenth of the LaTeX build's time in a report of 50 tables). A
        project's own template in `templates_path` is left to Sphinx, as it finds it."""
        for folder in self.config.templates_path:
            sendiri = Path(self.builder.confdir, folder, template_name)
            if sendiri.exists() or sendiri.with_name(sendiri.name.removesuffix(".jinja") + "_t").exists():
                return super().render(template_name, variables)
        if self._penyaji is None:
            self._penyaji = LaTeXRenderer(latex_engine=self.config.latex_engine)
        return self._penyaji.render(template_name, variables)

    def depart_row(self, node: nodes.Element) -> None:
        if KELAS_BERSAMBUNG not in node.get("classes", ()):
            super().depart_row(node)
            return
        self.body.append("\\\\*\n" if KELAS_TAHAN in node["classes"] else "\\\\\n")
        self.body.append(r"\sphinxifthistablewithcolorrowsTF{\noalign{\global\advance\rownum-1\relax"
                         r"\sphinxSwitchCaseRowColor\rownum}}{}" + "\n")
        self.table.row += 1
