"""Which MyST the year's prose may use: an allow-list, checked by `lkjip check` (and so by build).

The prose (narasi/*.md) becomes part of the book as MyST. MyST can do far more than a report
needs, and some of it reads files or emits raw output (`{include}`, `{literalinclude}`,
`{raw}`, `{eval-rst}`, `{download}`, raw HTML, ...). The prose is parsed here with the parser the
book uses (myst-parser's markdown-it, with the extensions of `_config.yml`), so code spans,
escapes and fences are read as the build reads them, and every element not on the list below is
an error naming file, line, what was found and what is allowed.

Allowed: paragraphs, emphasis and bold, inline code, bullet and numbered lists, block quotes,
tables, hard line breaks; links to http(s) and mailto addresses; HTML comments (the
'<!-- bagian -->' part markers, and '<!-- gambar: nama -->' lines that place an image declared in
gambar/gambar.yaml: checked by `laporan.periksa`, replaced by `prosa.ganti_gambar`); the roles
{sub} and {sup}; the admonitions ({note}, {warning},
{tip}, {important}, ...) with prose inside them; images and figures (`![alt](path)`,
`{image}`, `{figure}`) of a PNG or JPEG file in the year's gambar/ folder, written as
'gambar/<name>' (relative to the year's folder; the build copies the file into the book).
Not allowed: headings (the chapter writes them; a heading in prose would restructure the book),
code blocks (a report shows no code; a paragraph indented by four spaces becomes one by accident),
math, targets, comments with '%', footnotes, any other directive or role, raw HTML, and
control characters other than tab and newline.

The `{{ ... }}` placeholders are checked by `prosa`; to this parser they are plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from ..dasar.temuan import DaftarTemuan, Jenis, kutip

# The MyST extensions the book enables (_config.yml, parse.myst_enable_extensions); a test compares.
EKSTENSI_MYST = ("colon_fence",)

ADMONISI = ("note", "warning", "tip", "important", "hint", "attention", "caution", "danger", "error", "seealso",
            "admonition")
OPSI_GAMBAR = ("alt", "width", "height", "scale", "align")
# directive -> the options it may take
DIREKTIF: dict[str, tuple[str, ...]] = {**{n: ("class",) for n in ADMONISI},
                                        "image": OPSI_GAMBAR, "figure": OPSI_GAMBAR}
PERAN = ("sub", "sup")
SKEMA_TAUTAN = ("https://", "http://", "mailto:")
FOLDER_GAMBAR = "gambar"  # data/<unit>/<tahun>/gambar/: the images of the prose
EKSTENSI_GAMBAR = (".png", ".jpg", ".jpeg")
TANDA_GAMBAR = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # how a PNG and a JPEG file start
# A path of letters, digits, '.', '_', '-' and '/', e.g. gambar/peta-wilayah.png: it reads the same
# in Markdown, in a directive and on disk.
_POLA_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/-]*")
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_KOMENTAR = re.compile(r"\s*(?:<!--(?:(?!-->).)*-->\s*)+", re.S)
_DIREKTIF = re.compile(r"\{([^{}]*)\}\s*(.*)", re.S)
_OPSI = re.compile(r":([A-Za-z][\w-]*):(?:\s+(.*))?")
_TAG = re.compile(r"<\s*([A-Za-z][A-Za-z0-9-]*)|</\s*([A-Za-z][A-Za-z0-9-]*)")

_parser = create_md_parser(MdParserConfig(enable_extensions=set(EKSTENSI_MYST)), RendererHTML)

DIIZINKAN = ("paragraf, *miring*, **tebal**, `kode`, daftar, kutipan, tabel, tautan http(s)/mailto, "
             "komentar '<!-- -->', {sub}, {sup}, admonisi ({note}, {warning}, {tip}, {important}, ...), "
             "gambar PNG/JPEG di folder gambar/ tahun itu")
DIREKTIF_DIIZINKAN = ", ".join("{" + n + "}" for n in DIREKTIF)
GAMBAR_DIHARAPKAN = "berkas PNG/JPEG di folder gambar/ tahun itu, ditulis gambar/<nama>, mis. gambar/peta.png"

# What a reader calls the elements that are not allowed (markdown-it token type -> name).
_NAMA_TOKEN = {
    "heading_open": "judul", "hr": "garis pemisah", "code_block": "blok kode berindentasi (4 spasi)",
    "fence": "blok kode", "colon_fence": "blok ':::' tanpa direktif", "myst_target": "target '(nama)='",
    "myst_line_comment": "komentar '%' (baris diawali %)", "myst_block_break": "pemisah '+++'",
    "front_matter": "front matter '---'", "footnote_ref": "catatan kaki", "footnote_block_open": "catatan kaki",
    "math_inline": "rumus '$'", "math_block": "rumus '$$'", "html_block": "HTML mentah", "html_inline": "HTML mentah",
}
_SARAN = {
    "heading_open": "judul ditulis bab; di narasi pakai **teks tebal**",
    "code_block": "paragraf tanpa indentasi 4 spasi (atau di dalam butir daftar)",
    "myst_line_comment": "tulis \\% di awal baris untuk tanda persen",
    "math_inline": "teks biasa; tulis \\$ untuk tanda dolar",
}


@dataclass(frozen=True)
class Gambar:
    """An image the prose shows: the line (0-based, in the text given) and the path as written."""

    baris: int
    path: str


def periksa(teks: str, path: Path, baris_awal: int, folder_tahun: Path, temuan: DaftarTemuan) -> None:
    """Report every control character and every MyST element of `teks` that is not allowed."""
    for nomor, baris in enumerate(teks.split("\n"), start=baris_awal):
        for m in _KENDALI.finditer(baris):
            temuan.galat(Jenis.TIDAK_SAH, path, "karakter kendali di narasi", baris=nomor, kolom=f"kolom {m.start() + 1}",
                         ditemukan=f"U+{ord(m.group()):04X}", diharapkan="teks tanpa karakter kendali (selain tab)")
    _Pemeriksa(path, folder_tahun, temuan).blok(teks, baris_awal)


def gambar(teks: str) -> list[Gambar]:
    """The images of a prose text (checked with `periksa`): the build copies them into the book."""
    hasil: list[Gambar] = []
    _Pemeriksa(None, None, None, hasil).blok(teks, 0)
    return hasil


class _Pemeriksa:
    """Walks the tokens of a text and of the prose inside its directives; reports to `temuan`
    (when given) and collects images into `gambar` (when given)."""

    def __init__(self, path, folder_tahun, temuan, gambar=None):
        self.path, self.folder, self.temuan, self.gambar = path, folder_tahun, temuan, gambar
        self._dilaporkan: set[tuple[int, str]] = set()

    def _galat(self, baris: int, pesan: str, ditemukan: str, diharapkan: str, kunci: str | None = None) -> None:
        # once per line and `kunci` (the finding, by default): '<b>x</b>' is one piece of raw HTML
        kunci = (baris, kunci or ditemukan)
        if self.temuan is not None and kunci not in self._dilaporkan:
            self._dilaporkan.add(kunci)
            self.temuan.galat(Jenis.TIDAK_SAH, self.path, pesan, baris=baris, ditemukan=ditemukan,
                              diharapkan=diharapkan)

    def blok(self, teks: str, awal: int) -> None:
        """Check a block of MyST whose first line is line `awal` of the file."""
        for t in _parser.parse(teks):
            baris = awal + (t.map[0] if t.map else 0)
            jenis = t.type
            if jenis == "inline":
                self.inline(t.children or [], baris)
            elif jenis in ("fence", "colon_fence") and _DIREKTIF.match(t.info):
                self.direktif(t, baris)
            elif jenis == "html_block":
                if not _KOMENTAR.fullmatch(t.content):
                    self._galat(baris, "HTML mentah tidak diizinkan di narasi", _tag(t.content),
                                "teks Markdown; dari HTML hanya komentar '<!-- ... -->'")
            elif jenis.endswith("_close"):
                continue  # the opening token was reported, if anything was wrong
            elif jenis.removesuffix("_open") in (
                    "paragraph", "bullet_list", "ordered_list", "list_item", "blockquote",
                    "table", "thead", "tbody", "tr", "th", "td"):
                continue
            else:
                ditemukan = _NAMA_TOKEN.get(jenis, jenis)
                if t.markup and jenis in ("heading_open", "fence", "colon_fence", "hr"):
                    ditemukan += f" '{t.markup}'"
                self._galat(baris, "sintaks MyST tidak diizinkan di narasi", ditemukan, _SARAN.get(jenis, DIIZINKAN))

    def inline(self, anak: list, baris: int) -> None:
        for t in anak:
            jenis = t.type
            if jenis in ("text", "em_open", "em_close", "strong_open", "strong_close", "code_inline", "link_close"):
                pass
            elif jenis == "link_open":
                alamat = str(t.attrs.get("href", ""))
                if not alamat.lower().startswith(SKEMA_TAUTAN):
                    self._galat(baris, "tautan hanya ke alamat web atau surel", kutip(alamat),
                                "alamat yang diawali " + ", ".join(SKEMA_TAUTAN))
            elif jenis == "image":
                self._gambar(str(t.attrs.get("src", "")), baris, baris_asal=baris)
            elif jenis == "myst_role":
                nama = t.meta.get("name", "")
                if nama not in PERAN:
                    self._galat(baris, "peran MyST tidak diizinkan di narasi", kutip("{" + nama + "}"),
                                ", ".join("{" + p + "}" for p in PERAN))
            elif jenis == "html_inline":
                if not _KOMENTAR.fullmatch(t.content):
                    self._galat(baris, "HTML mentah tidak diizinkan di narasi", _tag(t.content),
                                "teks Markdown; dari HTML hanya komentar '<!-- ... -->'", kunci="html")
            elif jenis not in ("softbreak", "hardbreak"):
                self._galat(baris, "sintaks MyST tidak diizinkan di narasi", _NAMA_TOKEN.get(jenis, jenis),
                            _SARAN.get(jenis, DIIZINKAN))
            # the line of the next token: after a line break, or a code span or comment over lines
            baris += 1 if jenis in ("softbreak", "hardbreak") else t.content.count("\n") if jenis != "text" else 0

    def direktif(self, t, baris: int) -> None:
        m = _DIREKTIF.match(t.info)
        nama, argumen = m.group(1).strip(), m.group(2).strip()
        if nama.lower() not in DIREKTIF:
            self._galat(baris, "direktif MyST tidak diizinkan di narasi", kutip("{" + nama + "}"),
                        DIREKTIF_DIIZINKAN)
            return
        nama = nama.lower()
        isi = t.content.split("\n")
        # options: ':name: value' lines at the top of the body (a '---' YAML block is not used here)
        jumlah_opsi = 0
        if isi and isi[0].strip() == "---":
            self._galat(baris + 1, "opsi direktif dalam blok '---' tidak didukung", kutip("---"),
                        "opsi sebagai baris ':nama: nilai'")
            return
        while jumlah_opsi < len(isi) and (o := _OPSI.fullmatch(isi[jumlah_opsi].strip())):
            if o.group(1) not in DIREKTIF[nama]:
                self._galat(baris + 1 + jumlah_opsi, f"opsi direktif {{{nama}}} tidak diizinkan di narasi",
                            kutip(":" + o.group(1) + ":"),
                            ", ".join(":" + x + ":" for x in DIREKTIF[nama]) or "tanpa opsi")
            jumlah_opsi += 1
        badan = "\n".join(isi[jumlah_opsi:])
        if nama in ("image", "figure"):
            self._gambar(argumen, baris, baris_asal=baris)
            if nama == "image" and badan.strip():
                self._galat(baris + 1 + jumlah_opsi, "direktif {image} tidak berisi teks", kutip(badan.strip()),
                            "{figure} untuk gambar berketerangan")
                return
        elif argumen:
            self.blok(argumen, baris)  # an admonition's title is prose
        self.blok(badan, baris + 1 + jumlah_opsi)

    def _gambar(self, path: str, baris: int, baris_asal: int) -> None:
        if self.gambar is not None:
            self.gambar.append(Gambar(baris_asal, path))
        if self.temuan is None:
            return
        salah = _salah_path(path, self.folder)
        if salah:
            self._galat(baris, f"gambar tidak dapat dipakai: {salah}", kutip(path), GAMBAR_DIHARAPKAN)


def _salah_path(path: str, folder: Path) -> str | None:
    """What is wrong with an image path of the prose, or None."""
    bagian = PurePosixPath(path).parts
    if not _POLA_PATH.fullmatch(path) or ".." in bagian or "//" in path or bagian[0] != FOLDER_GAMBAR:
        return "bukan path gambar/<nama> di folder tahun"
    if not path.lower().endswith(EKSTENSI_GAMBAR):
        return "bukan berkas PNG atau JPEG"
    berkas = folder / path
    akar = folder.resolve()
    try:
        nyata = berkas.resolve(strict=True)
    except (OSError, RuntimeError):
        return "berkas tidak ada"
    if not nyata.is_relative_to(akar):
        return "menunjuk ke luar folder tahun"
    if not nyata.is_file():
        return "bukan berkas"
    with nyata.open("rb") as f:
        if not f.read(8).startswith(TANDA_GAMBAR):
            return "isi berkas bukan gambar PNG atau JPEG"
    return None


def _tag(html: str) -> str:
    """The first tag of a piece of raw HTML, as a reader would name it."""
    m = _TAG.search(html)
    if m is None:
        return kutip(html.strip())
    return kutip(f"<{m.group(1)}>" if m.group(1) else f"</{m.group(2)}>")
