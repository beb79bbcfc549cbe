"""Shared fixtures: the real data folder, a scratch copy of it to break, a CLI runner, and the one
book build that every slow (`buku`) test reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from bantu import (
    DATA,
    DATA_TES,
    INDIKATOR_JAHAT,
    NAMA_JAHAT,
    NAMA_UNIT_JAHAT,
    PNG_KECIL,
    ganti,
    lkjip,
    lkjip_di_sini,
    perlu,
)
from unit_mini import tulis_unit_mini

from lkjip_calc import cli
from lkjip_calc.dasar.berkas import kunci
from lkjip_calc.laporan.siapkan import siapkan

# pytest rewrites the asserts of every test module when it imports it, and keeps the result in
# tests/__pycache__ unless bytecode is not to be written: with PYTHONDONTWRITEBYTECODE set (as on the
# CI machine) every run and every xdist worker would rewrite all of them again, some 2 s each.
# The test modules are imported after this file, so their rewritten code is kept, as by default.
sys.dont_write_bytecode = False

KEGIATAN_DIGANTI = "Administrasi Umum Perangkat Daerah"  # in Sumberrejo 2024, renamed NAMA_JAHAT
# Appended to Sumberrejo 2024's narasi/bab4_kesimpulan.md in the shared build: the prose MyST a
# report may use (markah), an image from the year's folder included.
NARASI_DIIZINKAN = """

:::{note} Catatan *penting* {sup}`1`
Lihat [situs resmi](https://example.org) dan peta wilayah:

![Peta wilayah](gambar/peta.png)
:::

:::{figure} gambar/peta.png
:alt: Peta kecil
:width: 2cm

Peta wilayah kecil
:::
"""


_RINGKASAN: list[str] = []  # summaries the xdist workers sent (a module's tally, tests/test_korpus.py)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """An xdist worker has ended: keep the summaries its modules left in `config.workeroutput`."""
    _RINGKASAN.extend(getattr(node, "workeroutput", {}).get("ringkasan", []))


def pytest_terminal_summary(terminalreporter):
    for teks in _RINGKASAN:
        terminalreporter.write_line("")
        for baris in teks.splitlines():
            terminalreporter.write_line(baris)


@dataclass
class Keluaran:
    kode: int
    out: str
    err: str


@pytest.fixture(scope="session")
def laporan():
    """Kanigaran 2024, loaded, checked and computed once for the session."""
    return siapkan(DATA, "kanigaran", 2024)


@pytest.fixture(scope="session")
def hasil(laporan):
    return laporan.hasil


@pytest.fixture(scope="session")
def akar(tmp_path_factory) -> Path:
    """The data folder of the fictional mini unit (tests/unit_mini.py), written once; read only."""
    akar = tmp_path_factory.mktemp("mini") / "data"
    tulis_unit_mini(akar)
    return akar


@pytest.fixture
def tes_salinan(tmp_path) -> Path:
    """A copy of tests/data (Sumberrejo 2024, the third unit and the scales) to edit."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA_TES, tujuan)
    return tujuan


@pytest.fixture
def data_salinan(tmp_path) -> Path:
    """A copy of data/ to edit; the real data/ is never touched."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


@pytest.fixture
def jalankan(capsys, monkeypatch):
    # In this process `lkjip build` starts no kernels or Sphinx workers before the year is loaded
    # (cli._mesin_dini): most of these tests stub the build, and a real one starts what it needs.
    # The command run as a process (bantu.lkjip) does start them early.
    monkeypatch.setattr(cli, "_mesin_dini", lambda *args, **kwargs: None)

    def _jalankan(*args: str) -> Keluaran:
        try:
            kode = lkjip_di_sini(list(args))
        except SystemExit as e:  # argparse exits on bad arguments
            kode = e.code
        tangkap = capsys.readouterr()
        return Keluaran(kode, tangkap.out, tangkap.err)
    return _jalankan


@dataclass
class BukuSemua:
    """The build shared by the slow tests: `lkjip build --all --draft --strict`, HTML and PDF."""

    akar: Path                           # the data it was built from
    keluaran: Path                       # --out
    proses: subprocess.CompletedProcess
    rahasia: str                         # the text of a file outside the data that no output may show

    def tahun(self, unit: str, tahun: int) -> Path:
        """keluaran/<unit>/<tahun>/: html/, the PDF, the build logs."""
        return self.keluaran / unit / str(tahun)

    @property
    def situs(self) -> Path:
        return self.keluaran / "situs"


def _folder_bersama(tmp_path_factory) -> Path:
    """A folder every process of this test run shares: with pytest-xdist each worker has its own
    base folder (.../popen-gwN) under the run's; without it the run's own."""
    dasar = tmp_path_factory.getbasetemp()
    return dasar.parent if os.environ.get("PYTEST_XDIST_WORKER") else dasar


@pytest.fixture(scope="session")
def buku_semua(tmp_path_factory) -> BukuSemua:
    """Every report the book tests read, built once in one site: Kanigaran 2024 as published;
    Sumberrejo 2024, the second unit (other IKUs, scale and methods), with a unit name, an IKU
    name and a kegiatan name holding markup and LaTeX specials, and prose using every kind of
    MyST it may (an image included); and Sumberrejo 2025, made by new-year and not yet filled in (a draft).

    Built once for the whole run: the first xdist worker to need it builds it under a lock, and the
    others wait for it and read what it left (the command's exit code and output in hasil.json)."""
    perlu("xelatex", "latexmk", "pdftotext", "pdfinfo")
    folder = _folder_bersama(tmp_path_factory) / "buku-semua"
    with kunci(folder.with_name("buku-semua.kunci")):
        if not (folder / "hasil.json").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker stopped half-way left
            _bangun_buku_semua(folder)
    hasil = json.loads((folder / "hasil.json").read_text(encoding="utf-8"))
    proses = subprocess.CompletedProcess(hasil["perintah"], hasil["kode"], hasil["stdout"], hasil["stderr"])
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return BukuSemua(folder / "data", folder / "build", proses,
                     (folder / "rahasia.txt").read_text(encoding="utf-8").strip())


def _bangun_buku_semua(folder: Path) -> None:
    akar = folder / "data"
    akar.mkdir(parents=True)
    for nama in ("kanigaran", "skala"):
        shutil.copytree(DATA / nama, akar / nama)
    shutil.copytree(DATA_TES / "sumberrejo", akar / "sumberrejo")
    anggaran = akar / "sumberrejo" / "2024" / "anggaran.csv"
    teks = anggaran.read_text(encoding="utf-8")
    assert teks.count(f",{KEGIATAN_DIGANTI},") == 3
    anggaran.write_text(teks.replace(f",{KEGIATAN_DIGANTI},", f",{NAMA_JAHAT},"), encoding="utf-8")
    tahun = akar / "sumberrejo" / "2024"
    ganti(tahun / "unit.yaml", "nama: Kecamatan Sumberrejo\n", f"nama: {json.dumps(NAMA_UNIT_JAHAT)}\n")
    # a file outside the data that a LaTeX command in the name of the government would print
    rahasia = akar.parent / "rahasia.txt"
    rahasia.write_text(f"RAHASIA-{uuid.uuid4().hex}\n", encoding="utf-8")
    ganti(tahun / "unit.yaml", "pemerintah: Pemerintah Kota Contoh\n",
          "pemerintah: " + json.dumps(f"Pemerintah Kota Contoh \\input{{{rahasia}}}") + "\n")
    ganti(tahun / "renstra.yaml", "indikator: Indeks Kepuasan Masyarakat\n", f"indikator: {json.dumps(INDIKATOR_JAHAT)}\n")
    (tahun / "gambar").mkdir(exist_ok=True)  # tests/data holds the logo and map of gambar.yaml already
    (tahun / "gambar" / "peta.png").write_bytes(PNG_KECIL)
    with (tahun / "narasi" / "bab4_kesimpulan.md").open("a", encoding="utf-8") as f:
        f.write(NARASI_DIIZINKAN)
    assert lkjip_di_sini(["new-year", "--data", str(akar), "--unit", "sumberrejo", "--year", "2025"]) == 0

    proses = lkjip("build", "--all", "--draft", "--strict", "--data", str(akar), "--out", str(folder / "build"))
    hasil = {"perintah": proses.args, "kode": proses.returncode, "stdout": proses.stdout, "stderr": proses.stderr}
    (folder / "hasil.json").write_text(json.dumps(hasil), encoding="utf-8")
