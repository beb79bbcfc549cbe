"""The prose may use only the MyST a report needs (laporan/markah.py): `check` refuses every other
directive, role, raw HTML, image outside the year's gambar/ folder and control character, naming
file, line and what it found, and never reads (or prints) the file such a construct points at.
Data text is escaped for each place it lands (render.md, opsi, html, latex)."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
import yaml
from bantu import AKAR_PROYEK, NAMA_JAHAT, PNG_KECIL, ganti
from unit_mini import TAHUN, UNIT

from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.laporan import markah, render
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit.bangun import _salin_buku

NARASI = "bab4_kesimpulan.md"
AWAL = "Paragraf pertama dengan {{ tahun }}.\n\n"  # the construct under test starts on line 3


@pytest.fixture
def unit(akar, tmp_path) -> Path:
    """A copy of the mini unit, with a secret file beside (outside) its data root."""
    salinan = tmp_path / "data"
    shutil.copytree(akar, salinan)
    (tmp_path / "rahasia.txt").write_text(RAHASIA + "\n", encoding="utf-8")
    (tmp_path / "rahasia.png").write_bytes(PNG_KECIL)
    (salinan / UNIT / str(TAHUN) / "narasi").mkdir(exist_ok=True)
    return salinan


RAHASIA = f"RAHASIA-{uuid.uuid4().hex}"


def _tahun(unit: Path) -> Path:
    return unit / UNIT / str(TAHUN)


def _check(jalankan, unit: Path, teks: str):
    (_tahun(unit) / "narasi" / NARASI).write_text(AWAL + teks, encoding="utf-8")
    return jalankan("check", "--data", str(unit), "--unit", UNIT, "--year", str(TAHUN))


# (what is written, with {luar} for the secret file outside the data root; what the error names)
DITOLAK = {
    "literalinclude": ("```{literalinclude} {luar}\n```", "'{literalinclude}'"),
    "include": (":::{include} {luar}\n:::", "'{include}'"),
    "eval-rst": ("```{eval-rst}\n.. include:: {luar}\n```", "'{eval-rst}'"),
    "raw-html": ("```{raw} html\n<script>alert(1)</script>\n```", "'{raw}'"),
    "raw-latex": ("```{raw} latex\n\\input{{luar}}\n```", "'{raw}'"),
    "download": ("Unduh {download}`rahasia <{luar}>`.", "'{download}'"),
    "code-cell": ("```{code-cell} python\nprint(open('{luar}').read())\n```", "'{code-cell}'"),
    "glue": ("Nilai {glue}`rahasia`.", "'{glue}'"),
    "toctree": ("```{toctree}\n{luar}\n```", "'{toctree}'"),
    "peran-raw": ("Teks {raw}`<script>alert(1)</script>`.", "'{raw}'"),
    "image-luar": ("```{image} {luar_png}\n```", "gambar tidak dapat dipakai"),
    "image-naik": ("```{image} gambar/../../../../rahasia.png\n```", "gambar tidak dapat dipakai"),
    "figure-url": (":::{figure} https://example.org/peta.png\nPeta\n:::", "gambar tidak dapat dipakai"),
    "markdown-gambar-luar": ("Peta: ![peta]({luar_png})", "gambar tidak dapat dipakai"),
    "tautan-berkas": ("Lihat [berkas]({luar}).", "tautan hanya ke alamat web atau surel"),
    "html-blok": ("<div>\n<script>alert(1)</script>\n</div>", "'<div>'"),
    "html-script": ("Teks <script>alert(1)</script> di tengah.", "'<script>'"),
    "html-iframe": ("Teks <iframe src=\"{luar}\"></iframe>.", "'<iframe>'"),
    "komentar-lalu-script": ("<!-- bagian --><script>alert(1)</script>", "'<script>'"),
    "direktif-dalam-admonisi": (":::{note}\nCatatan\n```{include} {luar}\n```\n:::", "'{include}'"),
    "opsi-tak-dikenal": (":::{note}\n:name: x\nCatatan\n:::", "':name:'"),
    "judul": ("# Judul Baru", "judul '#'"),
    "blok-kode": ("```text\nkode\n```", "blok kode '```'"),
    "komentar-persen": ("% 50 persen", "komentar '%'"),
    "target": ("(label)=", "target"),
}


@pytest.mark.parametrize("nama", DITOLAK)
def test_sintaks_ditolak(unit, jalankan, tmp_path, nama):
    teks, ditemukan = DITOLAK[nama]
    teks = teks.replace("{luar}", str(tmp_path / "rahasia.txt")).replace("{luar_png}", str(tmp_path / "rahasia.png"))
    keluar = _check(jalankan, unit, teks + "\n")
    assert keluar.kode == 2, keluar.out + keluar.err
    assert "Traceback" not in keluar.err
    galat = [b for b in keluar.err.splitlines() if b.startswith("GALAT:") and NARASI in b]
    assert any(ditemukan in b and "; diharapkan " in b for b in galat), keluar.err
    baris = {int(b.split(", baris ")[1].split(":")[0].split(",")[0]) for b in galat}
    assert baris <= set(range(3, 3 + teks.count("\n") + 1)), galat  # on the lines of the construct
    assert RAHASIA not in keluar.out + keluar.err


def test_gambar_lewat_tautan_ke_luar_ditolak(unit, jalankan, tmp_path):
    gambar = _tahun(unit) / "gambar"
    gambar.mkdir()
    (gambar / "peta.png").symlink_to(tmp_path / "rahasia.png")
    keluar = _check(jalankan, unit, "![peta](gambar/peta.png)\n")
    # refused when the data is read, before the narrative is: no link in the data may lead outside it
    assert keluar.kode == 2
    assert "gambar/peta.png: tautan simbolik ke luar folder data" in keluar.err


def test_gambar_bukan_png_ditolak(unit, jalankan):
    (_tahun(unit) / "gambar").mkdir()
    (_tahun(unit) / "gambar" / "peta.png").write_text("bukan gambar\n", encoding="utf-8")
    keluar = _check(jalankan, unit, ":::{figure} gambar/peta.png\nPeta\n:::\n")
    assert keluar.kode == 2 and "isi berkas bukan gambar PNG atau JPEG" in keluar.err


def test_karakter_kendali_ditolak(unit, jalankan):
    keluar = _check(jalankan, unit, "Satu\n\nDua \x07 tiga\x1b[31m\n")
    assert keluar.kode == 2
    # refused when the file is read, at the first one, with its code point
    assert ("narasi/bab4_kesimpulan.md, baris 5, kolom 5: karakter tak terlihat atau karakter kendali; "
            "ditemukan U+0007") in keluar.err


NARASI_SAH = """\
Teks *miring*, **tebal**, ``kode {raw}`<script>`` dan \\<script\\> sebagai teks; km{sup}`2`, H{sub}`2`O.
Tautan [situs](https://example.org) dan <mailto:camat@example.org>. <!-- catatan -->

<!--
catatan penulis, dua baris
-->

- butir satu
  lanjutan
- butir dua

1. satu
2. dua

> kutipan

| kolom | nilai |
|---|---|
| a | 1 |

:::{note}
Catatan dengan **tebal**.

```{warning}
Peringatan di dalam catatan.
```
:::

:::{admonition} Judul *catatan*
:class: tip
Isi.
:::

![Peta](gambar/peta.png)

:::{figure} gambar/peta.jpg
:alt: Peta
:width: 50%

Keterangan gambar.
:::
"""


def test_sintaks_yang_diizinkan_lolos(unit, jalankan):
    (_tahun(unit) / "gambar").mkdir()
    (_tahun(unit) / "gambar" / "peta.png").write_bytes(PNG_KECIL)
    (_tahun(unit) / "gambar" / "peta.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(16))
    keluar = _check(jalankan, unit, NARASI_SAH)
    assert keluar.kode == 0, keluar.err
    assert NARASI not in keluar.err  # not even a warning


def test_gambar_dengan_barisnya():
    teks = "Satu\n\n:::{note}\nLihat ![a](gambar/a.png)\n:::\n\n```{figure} gambar/b.png\nB\n```\n"
    assert markah.gambar(teks) == [markah.Gambar(3, "gambar/a.png"), markah.Gambar(6, "gambar/b.png")]


def test_baris_di_bagian_narasi_iku(unit, jalankan):
    """narasi/iku/<iku>.md: the line is the file's, blank lines after the '## ' heading counted."""
    iku = _tahun(unit) / "narasi" / "iku"
    iku.mkdir()
    (iku / "tepat_waktu.md").write_text("## capaian\n\n\nTeks <b>tebal</b>.\n", encoding="utf-8")
    keluar = jalankan("check", "--data", str(unit), "--unit", UNIT, "--year", str(TAHUN))
    assert keluar.kode == 2
    assert "narasi/iku/tepat_waktu.md, baris 4: HTML mentah tidak diizinkan di narasi; ditemukan '<b>'" in keluar.err


def test_ekstensi_myst_sama_dengan_buku():
    konfigurasi = yaml.safe_load((AKAR_PROYEK / "_config.yml").read_text(encoding="utf-8"))
    assert tuple(konfigurasi["parse"]["myst_enable_extensions"]) == markah.EKSTENSI_MYST


def test_periksa_langsung_tanpa_temuan_untuk_teks_biasa(tmp_path):
    temuan = DaftarTemuan()
    markah.periksa("Teks biasa, 50% & $2 {y}.\n", tmp_path / "x.md", 1, tmp_path, temuan)
    assert not temuan.daftar


# --- escaping of data text --------------------------------------------------------------------

def test_lolos_setiap_format():
    assert render.md(NAMA_JAHAT) == r"\<script\>alert\(1\)\</script\> 50\% \& \_x\_ \#1 \$2 \{y\}"
    assert render.html(NAMA_JAHAT) == "&lt;script&gt;alert(1)&lt;/script&gt; 50% &amp; _x_ #1 $2 {y}"
    assert render.latex(NAMA_JAHAT + r" \input{x}") == (r"<script>alert(1)</script> 50\% \& \_x\_ \#1 \$2 \{y\} "
                                                       r"\textbackslash{}input\{x\}")
    assert json.loads(render.opsi('"a" b: \\ c')) == '"a" b: \\ c'
    for lolos in (render.md, render.html, render.latex, render.opsi):
        assert "\x07" not in lolos("a\x07b") and "\ufffd" in lolos("a\x07b")


def test_konfigurasi_buku_lolos_latex(akar, tmp_path):
    """The unit's name reaches the PDF's title, author and properties escaped for LaTeX, and the
    HTML configuration as plain text (sphinx_ext escapes it on every page)."""
    salinan = tmp_path / "data"
    shutil.copytree(akar, salinan)
    nama = NAMA_JAHAT + r" \input{/etc/hostname} {"
    ganti(salinan / UNIT / str(TAHUN) / "unit.yaml", "nama: Kecamatan Mekarsari\n", f"nama: {json.dumps(nama)}\n")
    _salin_buku(AKAR_PROYEK, tmp_path / "staging", siapkan(salinan, UNIT, TAHUN))
    konfigurasi = yaml.safe_load((tmp_path / "staging" / "_config.yml").read_text(encoding="utf-8"))
    latex = konfigurasi["latex"]["latex_documents"]
    assert latex["author"] == render.latex(nama)
    assert latex["title"] == render.latex(f"Laporan Kinerja Instansi Pemerintah {nama} Tahun {TAHUN}")
    elemen = konfigurasi["sphinx"]["config"]["latex_elements"]
    assert r"pdfauthor={" + render.latex(nama) + "}" in elemen["preamble"]
    assert r"\input{" not in elemen["preamble"] + elemen["maketitle"]
    assert konfigurasi["author"] == nama
