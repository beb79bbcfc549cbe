"""Backtests against reviewed golden files: every chapter's MyST (prose, tables, figures with
their alt text) and the machine exports of both example units, and of a draft year still being
filled in. See tests/golden.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bantu import BAB, isi_bab, lkjip_di_sini, perpanjang_renstra
from golden import FOLDER_GOLDEN, bandingkan

from lkjip_calc.terbit.ekspor import TABEL_EKSPOR

AKAR_TES = Path(__file__).resolve().parent
UNIT = [("kanigaran", 2024, False), ("sumberrejo", 2024, False), ("kanigaran", 2025, True)]


@pytest.fixture(scope="module")
def akar(tmp_path_factory):
    """The data of each case; kanigaran 2025 is next year's folder made by new-year, not yet filled in."""

    salinan = tmp_path_factory.mktemp("golden") / "data"
    shutil.copytree(AKAR_TES.parent / "data", salinan)
    perpanjang_renstra(salinan / "kanigaran" / "2024")
    assert lkjip_di_sini(["new-year", "--data", str(salinan), "--year", "2025"]) == 0
    return {"kanigaran-2024": AKAR_TES.parent / "data", "sumberrejo-2024": AKAR_TES / "data",
            "kanigaran-2025": salinan}


def _id(kasus):
    return f"{kasus[0]}-{kasus[1]}"


@pytest.mark.parametrize("kasus", UNIT, ids=_id)
@pytest.mark.parametrize("bab", BAB)
def test_bab(kasus, bab, akar, tmp_path):
    unit, tahun, draf = kasus
    parameter = {"unit": unit, "tahun": tahun, "data": str(akar[_id(kasus)]), "draf": draf}
    if bab == "sampul":
        parameter["pdf"] = f"lkjip-{unit}-{tahun}.pdf"
        parameter["docx"] = f"lkjip-{unit}-{tahun}.docx"
    bandingkan(FOLDER_GOLDEN / _id(kasus) / "bab" / f"{bab}.md", isi_bab(bab, parameter, tmp_path))


@pytest.mark.parametrize("kasus", UNIT[:2], ids=_id)
def test_ekspor(kasus, akar, jalankan, tmp_path):
    unit, tahun, _ = kasus
    keluar = jalankan("export", "--data", str(akar[_id(kasus)]), "--unit", unit, "--year", str(tahun),
                      "--out", str(tmp_path))
    assert keluar.kode == 0, keluar.err
    golden = FOLDER_GOLDEN / _id(kasus) / "ekspor"
    ditulis = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert set(ditulis) <= set(TABEL_EKSPOR)
    if golden.is_dir() and not os.environ.get("LKJIP_PERBARUI_GOLDEN"):
        assert ditulis == sorted(p.name for p in golden.glob("*.csv"))
    for nama in ditulis:
        bandingkan(FOLDER_GOLDEN / _id(kasus) / "ekspor" / nama, (tmp_path / nama).read_text(encoding="utf-8"))
