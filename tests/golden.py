"""Golden files: what the report of an example unit shows, as text, compared with a reviewed copy.

For each chapter the MyST it shows (`bantu.isi_bab`: prose, tables, figure blocks with their alt
text, signature blocks) is compared; with the machine exports this is the whole content of the
report, without Sphinx and LaTeX.

To regenerate after an intended change (then review `git diff tests/golden` line by line and
say in the commit why each change is right):

    LKJIP_PERBARUI_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from bantu import AKAR_PROYEK

FOLDER_GOLDEN = Path(__file__).resolve().parent / "golden"
PERBARUI = os.environ.get("LKJIP_PERBARUI_GOLDEN") == "1"


def bandingkan(path: Path, teks: str) -> None:
    """Assert that `teks` equals the golden file (or write it, when regenerating)."""
    if PERBARUI:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(teks, encoding="utf-8")
        return
    assert path.exists(), f"{path} belum ada: jalankan dengan LKJIP_PERBARUI_GOLDEN=1, lalu tinjau isinya"
    lama = path.read_text(encoding="utf-8")
    if lama != teks:
        beda = "\n".join(difflib.unified_diff(lama.splitlines(), teks.splitlines(), str(path), "sekarang",
                                              lineterm="", n=1))
        raise AssertionError(f"{path.relative_to(AKAR_PROYEK)} berubah:\n{beda[:6000]}")
