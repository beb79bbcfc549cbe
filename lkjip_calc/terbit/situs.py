"""`lkjip build --all`: every unit and year in one site, with an index of units and years and a
year switcher on every page. The previous site is replaced only at the end, in one step; two
builds of the site take turns (a lock file beside it)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from ..dasar.berkas import hapus_sisa, terbitkan
from ..laporan.bahan import Laporan
from ..laporan.render import html as escape
from .bangun import KUNCI, bangun, galat_tulis_bagi_pengguna, kunci_build
from .mesin import Mesin

FOLDER_SITUS = "situs"
KUNCI_SITUS = ".kunci-situs"


def bangun_semua(laporan: list[Laporan], proyek: Path, keluaran: Path, html_saja: bool = False,
                 ketat: bool = False, draf: bool = False, bersih: bool = False) -> Path:
    """Build every (unit, year) and put them in one site, keluaran/situs/."""
    with galat_tulis_bagi_pengguna(keluaran), kunci_build(keluaran / KUNCI_SITUS, "situs semua unit dan tahun"):
        hapus_sisa(keluaran / FOLDER_SITUS)  # what killed builds of the site left
        return _bangun_semua(laporan, proyek, keluaran, html_saja, ketat, draf, bersih)


def _bangun_semua(laporan: list[Laporan], proyek: Path, keluaran: Path, html_saja: bool, ketat: bool,
                  draf: bool, bersih: bool = False) -> Path:
    pilihan_tahun = situs_tahun(laporan)
    hasil = []
    with Mesin() as mesin:  # one warm engine for every unit-year
        for lap in laporan:
            d = lap.hasil.data
            print(f"== {d.unit.nama} tahun {d.tahun} ==", flush=True)
            situs = pilihan_tahun[(d.unit_kode, d.tahun)]
            hasil.append((lap.hasil.data, bangun(lap, proyek, keluaran, html_saja=html_saja, ketat=ketat, draf=draf,
                                                 situs=situs, mesin=mesin, bersih=bersih)))
    return rakit_situs(hasil, keluaran)


def situs_tahun(laporan: list[Laporan]) -> dict[tuple[str, int], dict]:
    """The year switcher's data of each (unit, year) of a site: the unit's other years."""
    tahun_per_unit: dict[str, list[int]] = {}
    for lap in laporan:
        tahun_per_unit.setdefault(lap.hasil.data.unit_kode, []).append(lap.hasil.data.tahun)
    return {(lap.hasil.data.unit_kode, lap.hasil.data.tahun):
            {"unit": lap.hasil.data.unit_kode, "tahun": lap.hasil.data.tahun,
             "tahun_unit": sorted(tahun_per_unit[lap.hasil.data.unit_kode])} for lap in laporan}


def rakit_situs(hasil: list, keluaran: Path) -> Path:
    """Put the built (unit, year)s, pairs of their data and build result (html, pdf, docx), into
    keluaran/situs/ with the index of units and years; the previous site is replaced in one step.
    The caller holds the site's lock (KUNCI_SITUS)."""
    with terbitkan() as terbitan:
        # Assembled beside the site, named like its versions: the next build removes it if this one is killed.
        sementara = keluaran / f".{FOLDER_SITUS}.baru-{uuid.uuid4().hex[:12]}"
        sementara.mkdir()  # the usual permissions: it is published as it is
        try:
            for d, h in hasil:
                tujuan = sementara / d.unit_kode / str(d.tahun)
                # a build of this unit and year alone may be switching its site in: read it in turn
                with kunci_build(h.html.parent / KUNCI, f"{d.unit_kode} {d.tahun}"):
                    shutil.copytree(h.html, tujuan)
                    for berkas in _dokumen(h).values():
                        shutil.copy2(berkas, tujuan / berkas.name)
            (sementara / "index.html").write_text(indeks_situs([(d, {jenis: b.name for jenis, b in
                                                                     _dokumen(h).items()})
                                                                for d, h in hasil]), encoding="utf-8")
            terbitan.folder(sementara, keluaran / FOLDER_SITUS)
        finally:
            shutil.rmtree(sementara, ignore_errors=True)  # already moved when all went well
    return keluaran / FOLDER_SITUS


def _dokumen(h) -> dict[str, Path]:
    """The whole-report files of a build beside its site, by the label the index gives them."""
    return {jenis: berkas for jenis, berkas in (("PDF", h.pdf), ("Word (DOCX)", h.docx)) if berkas is not None}


def indeks_situs(tahun_tahun) -> str:
    """The front page of a site of all units and years: each unit with its years, site, PDF and DOCX."""
    per_unit: dict[str, list] = {}
    for data, dokumen in tahun_tahun:
        per_unit.setdefault(data.unit_kode, []).append((data, dokumen))
    bagian = []
    for kode, daftar in sorted(per_unit.items()):
        unit = daftar[0][0].unit
        baris = []
        for data, dokumen in sorted(daftar, key=lambda x: -x[0].tahun):
            folder = f"{escape(kode)}/{data.tahun}"
            tautan = f'<a href="{folder}/index.html">Laporan tahun {data.tahun}</a>'
            for jenis, nama in dokumen.items():
                tautan += f' · <a href="{folder}/{escape(nama)}">{jenis}</a>'
            baris.append(f"<li>{tautan}</li>")
        bagian.append(f"<section><h2>{escape(unit.nama)}</h2><p>{escape(unit.pemerintah)}</p>"
                      f"<ul>{''.join(baris)}</ul></section>")
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laporan Kinerja Instansi Pemerintah (LKjIP)</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5}}
section{{border-top:1px solid #ccc;margin-top:1.5em}}</style></head>
<body><h1>Laporan Kinerja Instansi Pemerintah (LKjIP)</h1>
<p>Pilih unit dan tahun laporan. Setiap laporan tersedia sebagai situs, PDF dan berkas Word (DOCX),
dengan tabelnya dalam CSV dan XLSX.</p>
{''.join(bagian)}
</body></html>
"""
