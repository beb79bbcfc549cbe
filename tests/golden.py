"""Golden files: what the report of an example unit shows, as text, compared with a reviewed copy.

For each chapter the code cells are run in this process as papermill would run them (parameters
first), and every piece of MyST the chapter shows is collected: prose, tables, figure blocks
with their alt text, signature blocks. With the machine exports this is the whole content of
the report, without Sphinx and LaTeX.

To regenerate after an intended change (then review `git diff tests/golden` line by line and
say in the commit why each change is right):

    LKJIP_PERBARUI_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
from pathlib import Path

import jupytext

AKAR_PROYEK = Path(__file__).resolve().parent.parent
FOLDER_GOLDEN = Path(__file__).resolve().parent / "golden"
PERBARUI = os.environ.get("LKJIP_PERBARUI_GOLDEN") == "1"


@contextlib.contextmanager
def _di(folder: Path):
    lama = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(lama)


def isi_bab(nama: str, parameter: dict, folder_kerja: Path) -> str:
    """The MyST that chapter `nama` shows for these parameters, its parts separated by a blank line."""
    notebook = jupytext.read(AKAR_PROYEK / "chapters" / f"{nama}.md")
    keluaran: list[str] = []
    ruang: dict = {}
    with _di(folder_kerja):
        for sel in notebook.cells:
            if sel.cell_type != "code":
                continue
            tag = sel.metadata.get("tags", [])
            exec(compile(sel.source, f"{nama}.md", "exec"), ruang)
            if "parameters" in tag:
                ruang.update(parameter)  # what papermill's injected cell does
            buku = ruang.get("buku")
            if buku is not None:
                modul = sys.modules[type(buku).__module__]
                modul.display = lambda m: keluaran.append(m.data.rstrip("\n"))
    return "\n\n".join(keluaran) + "\n"


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
