"""What a build keeps for the next one in its output folder (`<unit>/<tahun>/.cache/`), by name,
and whether a build will find any of it usable. Light to import: `lkjip build` asks before it
imports the rest, to start the workers a build from nothing needs while it loads the year."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import sys
from pathlib import Path

FOLDER_CACHE = ".cache"
FOLDER_CACHE_BAB = "bab"  # the executed chapters (cache_bab)
FOLDER_BUKU = "buku"  # the staged book with Sphinx's and LaTeX's files (rakit)
NAMA_SIAP = "siap.pickle"  # the prepared year the chapters load
TANDA_SEDANG = "BELUM-SELESAI"  # there while a build uses the folder: one that did not finish leaves it
VERSI = "kode"  # the digest of the code that made the folder
TERAKHIR = "terakhir.json"  # the last successful build: the key of its inputs, the digest of its manifest

# Libraries whose version can change what a chapter shows (numbers, charts, Markdown) or how the
# kept book is assembled (Sphinx, its extensions and theme, the DOCX and XLSX writers).
_PUSTAKA = ("lkjip", "pandas", "numpy", "matplotlib", "babel", "ipykernel", "ipython", "papermill", "nbformat",
            "pydantic", "pyyaml", "ruamel.yaml", "pillow", "markdown-it-py", "mdit-py-plugins", "jupytext",
            "sphinx", "docutils", "jupyter-book", "myst-nb", "myst-parser", "sphinx-book-theme",
            "pydata-sphinx-theme", "sphinx-jupyterbook-latex", "pypandoc-binary", "python-docx", "openpyxl")


@functools.cache
def sidik_kode() -> str:
    """The package's code (every module, as it is on disk) and the library versions."""
    import lkjip_calc

    akar = Path(lkjip_calc.__file__).parent
    h = hashlib.sha256(sys.version.encode("utf-8"))
    for path in sorted(akar.rglob("*.py")):
        h.update(b"\0" + path.relative_to(akar).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for nama in _PUSTAKA:
        try:
            versi = importlib.metadata.version(nama)
        except importlib.metadata.PackageNotFoundError:
            versi = "-"
        h.update(f"\0{nama}={versi}".encode())
    return h.hexdigest()


def sebab_mulai_dari_awal(cache: Path, bersih: bool) -> str | None:
    """Why a build will find nothing to reuse in `cache` (an output folder's FOLDER_CACHE), or None
    when it may reuse it: `--bersih`, a build that did not finish (its mark is still there), or a
    folder made by other code (or none at all)."""
    if bersih:
        return "--bersih"
    if (cache / TANDA_SEDANG).exists():
        return "build sebelumnya tidak selesai"
    try:
        sama = (cache / VERSI).read_text(encoding="utf-8") == sidik_kode()
    except OSError:
        sama = False
    return None if sama else "kode lkjip berubah"


def mulai_dari_awal(keluaran: Path, unit: str, tahun: int, bersih: bool) -> bool:
    """Whether a build of `unit` `tahun` into `keluaran` will find nothing kept to reuse."""
    return sebab_mulai_dari_awal(keluaran / unit / str(tahun) / FOLDER_CACHE, bersih) is not None
