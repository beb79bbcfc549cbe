"""Helpers for the heavy book tests: build once, read HTML as text, read PDF with poppler."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AKAR_PROYEK = Path(__file__).resolve().parent.parent
BAB = ["sampul", "kata_pengantar", "ikhtisar_eksekutif", "bab1", "bab2", "bab3", "bab4", "lampiran"]


def perlu(*alat: str) -> None:
    """Skip when a tool is missing, with the reason; in CI (CI=true) a missing tool is a failure."""
    kurang = [a for a in alat if shutil.which(a) is None and not Path(a).exists()]
    if kurang:
        pesan = f"alat tidak ada: {', '.join(kurang)} (make test memasangnya lewat scripts/pasang-debian.sh)"
        if os.environ.get("CI"):
            pytest.fail(pesan)
        pytest.skip(pesan)


def bangun(keluaran: Path, *tambahan: str) -> subprocess.CompletedProcess:
    lkjip = Path(sys.executable).parent / "lkjip"
    return subprocess.run([str(lkjip), "build", "--strict", "--out", str(keluaran), *tambahan],
                          cwd=AKAR_PROYEK, capture_output=True, text=True)


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
