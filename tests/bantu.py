"""Helpers shared by the tests: paths, editing a scratch copy of data/, and the heavy book builds
(run `lkjip build`, read HTML as text, read PDF with poppler)."""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

from lkjip_calc.laporan.daftar import NAMA_BAB

AKAR_PROYEK = Path(__file__).resolve().parent.parent
DATA = AKAR_PROYEK / "data"
DATA_TES = AKAR_PROYEK / "tests" / "data"
TAHUN = "kanigaran/2024"


def sumberrejo(akar: Path) -> Path:
    """Sumberrejo 2024's folder in a copy of tests/data."""
    return akar / "sumberrejo" / "2024"


BAB = list(NAMA_BAB)
# A name with markup and LaTeX specials: wherever it lands it must show as this literal text.
NAMA_JAHAT = "<script>alert(1)</script> 50% & _x_ #1 $2 {y}"
# The unit name of the shared build's Sumberrejo 2024: also a LaTeX command that would print a
# file outside the data, and a brace left open.
NAMA_UNIT_JAHAT = "Kecamatan Sumberrejo " + NAMA_JAHAT + r" \input{/etc/hostname} {"
# An IKU name that is LaTeX math, and mathtext to matplotlib.
INDIKATOR_JAHAT = r"Indeks Kepuasan Masyarakat $\frac{1}$"
# The smallest PNG (1x1 pixel): an image the prose of the shared build shows from its year folder.
PNG_KECIL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
                          "9c6390cfef060001ca011a0b78536b0000000049454e44ae426082")
LKJIP = Path(sys.executable).parent / "lkjip"


def sidik(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its digest: compared before and after to prove nothing was written."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def ganti(path: Path, lama: str, baru: str) -> None:
    """Replace the first `lama` in a data file, which must be there."""
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"{lama!r} tidak ada di {path}"
    path.write_text(teks.replace(lama, baru, 1), encoding="utf-8")


def perpanjang_renstra(tahun: Path) -> None:
    """Make the Renstra of a Kanigaran year run to 2026, with 2025 targets: next year is mid-period."""
    ganti(tahun / "renstra.yaml", "tahun_akhir: 2024", "tahun_akhir: 2026")
    with (tahun / "renstra_target.csv").open("a", encoding="utf-8") as f:
        f.write("ikm,2025,85\nkelompok_lembaga,2025,50\nadministrasi_perkantoran,2025,100\n")


def perlu(*alat: str) -> None:
    """Skip when a tool is missing, with the reason; in CI (CI=true) a missing tool is a failure."""
    kurang = [a for a in alat if shutil.which(a) is None and not Path(a).exists()]
    if kurang:
        pesan = f"alat tidak ada: {', '.join(kurang)} (make test memasangnya lewat scripts/pasang-debian.sh)"
        if os.environ.get("CI"):
            pytest.fail(pesan)
        pytest.skip(pesan)


def beku_dan_sphinx() -> tuple[int, bool]:
    """In a worker process (submitted to it): how many objects gc.freeze has put aside, and whether
    Sphinx is imported (rakit.panaskan)."""
    import gc

    return gc.get_freeze_count(), "sphinx.application" in sys.modules


def lkjip(*argumen: str, cwd: Path = AKAR_PROYEK) -> subprocess.CompletedProcess:
    """The installed `lkjip` command in a fresh process."""
    return subprocess.run([str(LKJIP), *argumen], cwd=cwd, capture_output=True, text=True)


def lkjip_di_sini(argumen: list[str]) -> int:
    """`lkjip` run in this process: its exit code. lkjip turns a stop signal into its exit code (128 +
    the signal); here that signal was meant for the test run (Ctrl-C, a time limit), so it is raised
    again as KeyboardInterrupt: the run ends interrupted, not with the case at hand reported failed."""
    from lkjip_calc import cli
    from lkjip_calc.dasar.proses import SINYAL_HENTI

    kode = cli.main(argumen)
    if kode in {128 + s for s in SINYAL_HENTI}:
        raise KeyboardInterrupt(f"lkjip dihentikan (exit {kode})")
    return kode


def teks_html(path: Path) -> str:
    """Visible text of an HTML page (tags dropped, entities decoded), whitespace collapsed."""
    mentah = path.read_text(encoding="utf-8")
    mentah = re.sub(r"<(script|style)\b.*?</\1>", " ", mentah, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", mentah)).split())


def teks_pdf(path: Path, halaman: int | None = None) -> str:
    perintah = ["pdftotext", "-layout"]
    if halaman is not None:
        perintah += ["-f", str(halaman), "-l", str(halaman)]
    return subprocess.run(perintah + [str(path), "-"], capture_output=True, text=True, check=True).stdout


@contextlib.contextmanager
def _di(folder: Path):
    lama = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(lama)


def isi_bab(nama: str, parameter: dict, folder_kerja: Path) -> str:
    """The MyST that chapter `nama` shows for these parameters, its parts separated by a blank line.

    The chapter's cells as the build keeps them for the unit (laporan.bab.saring_sel): its
    Markdown cells as written, its code cells run in this process as papermill runs them (the
    parameters cell, then the parameters), with what `Buku` displays collected instead of shown;
    chart images go to `folder_kerja`."""
    from lkjip_calc.laporan import buku as modul
    from lkjip_calc.laporan.bab import saring_sel
    from lkjip_calc.masukan.muat import muat

    data, _ = muat(Path(parameter["data"]), parameter["unit"], parameter["tahun"], parameter.get("draf", False))
    notebook = saring_sel(jupytext.read(AKAR_PROYEK / "chapters" / f"{nama}.md"), data.berwilayah)
    keluaran: list[str] = []
    ruang: dict = {}
    asli = modul.display
    modul.display = lambda m, **_: keluaran.append(m.data.rstrip("\n"))
    try:
        with _di(folder_kerja):
            for sel in notebook.cells:
                if sel.cell_type != "code":
                    if sel.source.strip():
                        keluaran.append(sel.source.strip("\n"))
                    continue
                exec(compile(sel.source, f"{nama}.md", "exec"), ruang)
                if "parameters" in sel.metadata.get("tags", []):
                    ruang.update(parameter)  # what papermill's injected cell does
    finally:
        modul.display = asli
    return "\n\n".join(keluaran) + "\n"
