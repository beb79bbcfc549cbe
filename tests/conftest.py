"""Shared fixtures: the real data folder, a scratch copy of it to break, and a CLI runner."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkjip_calc import cli
from lkjip_calc.pipeline import siapkan

AKAR_PROYEK = Path(__file__).resolve().parent.parent
DATA = AKAR_PROYEK / "data"


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


@pytest.fixture
def data_salinan(tmp_path) -> Path:
    """A copy of data/ to edit; the real data/ is never touched."""
    tujuan = tmp_path / "data"
    shutil.copytree(DATA, tujuan)
    return tujuan


@pytest.fixture
def jalankan(capsys):
    def _jalankan(*args: str) -> Keluaran:
        try:
            kode = cli.main(list(args))
        except SystemExit as e:  # argparse exits on bad arguments
            kode = e.code
        tangkap = capsys.readouterr()
        return Keluaran(kode, tangkap.out, tangkap.err)
    return _jalankan


@pytest.fixture(scope="session")
def hasil_build(tmp_path_factory, laporan):
    """The Kanigaran 2024 book (HTML + PDF), built once per session with Sphinx warnings as errors."""
    from buku import bangun, perlu

    perlu("xelatex", "latexmk", "pdftotext", "pdfinfo")
    keluaran = tmp_path_factory.mktemp("build")
    proses = bangun(keluaran, "--unit", "kanigaran", "--year", "2024")
    assert proses.returncode == 0, proses.stdout + proses.stderr
    return keluaran / "kanigaran" / "2024", proses.stdout
