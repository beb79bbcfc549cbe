"""manifest.json beside a build's outputs: which inputs made which outputs, and with what.

Every input file (the year's data folder, the predikat scale it uses, the chapters and book
configuration of the project) and every output (the PDF, each file of the HTML site, downloads
included) with its sha256; the lkjip version and git commit, the tool versions and the
SOURCE_DATE_EPOCH of the build. No clock time and no absolute path: two builds of the same inputs
write the same manifest byte for byte.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..laporan.bab import FOLDER_BAB
from ..laporan.bahan import Laporan
from ..laporan.daftar import NAMA_BAB
from ..masukan.lokasi import FOLDER_SKALA
from ..masukan.tahun import DataTahun

NAMA_MANIFEST = "manifest.json"
FORMAT = 1
# Python packages whose version shapes the outputs (the package name as pip knows it).
PAKET_ALAT = ("jupyter-book", "sphinx", "myst-nb", "papermill", "matplotlib", "openpyxl", "pandas",
              "pypandoc-binary", "python-docx")
BERKAS_PROYEK = ("_config.yml", "_toc.yml")
FOLDER_STATIC = "_static"
FOLDER_TEMA = "_tema"  # templates and message catalog of the site's Indonesian interface


@dataclass
class Masukan:
    """The input files of one build, each by its path relative to its root (the data folder, the project)."""

    data: dict[str, Path]
    proyek: dict[str, Path]
    _sidik: dict[Path, str] = field(default_factory=dict, repr=False, compare=False)

    def semua(self) -> Iterator[Path]:
        yield from self.data.values()
        yield from self.proyek.values()

    def sidik(self, path: Path) -> str:
        """sha256 of an input file, read once per build (the build's key, the chapters' key and the
        manifest all name it)."""
        if path not in self._sidik:
            self._sidik[path] = sha256(path)
        return self._sidik[path]


def _isi_folder(folder: Path, akar: Path) -> dict[str, Path]:
    """Every file under `folder` by its path relative to `akar`, skipping hidden files and folders
    (backups in .cadangan/, editor files): they are not read."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(akar).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(b.startswith(".") for b in p.relative_to(folder).parts)}


def berkas_data(data: DataTahun) -> dict[str, Path]:
    """The data files a report of `data` is made from: everything in data/<unit>/<tahun>/ and the
    predikat scale it uses in data/skala/, by path relative to the data folder."""
    isi = _isi_folder(data.folder, data.akar)
    skala = data.akar / FOLDER_SKALA / f"{data.skala_kode}.yaml"
    isi[skala.relative_to(data.akar).as_posix()] = skala
    return dict(sorted(isi.items()))


def berkas_masukan(data: DataTahun, proyek: Path) -> Masukan:
    """What a build of `data` reads: `berkas_data`; from the project, the chapters it runs,
    _config.yml, _toc.yml, _static/ and _tema/."""
    isi_proyek = {nama: proyek / nama for nama in BERKAS_PROYEK if (proyek / nama).is_file()}
    isi_proyek |= {f"{FOLDER_BAB}/{nama}.md": proyek / FOLDER_BAB / f"{nama}.md" for nama in NAMA_BAB}
    isi_proyek |= _isi_folder(proyek / FOLDER_STATIC, proyek)
    isi_proyek |= _isi_folder(proyek / FOLDER_TEMA, proyek)
    return Masukan(data=berkas_data(data), proyek=dict(sorted(isi_proyek.items())))


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as berkas:
        for potongan in iter(lambda: berkas.read(1 << 20), b""):
            h.update(potongan)
    return h.hexdigest()


def _daftar(berkas: dict[str, Path], sidik=None) -> list[dict[str, str]]:
    sidik = sidik or sha256
    return [{"path": nama, "sha256": sidik(p)} for nama, p in sorted(berkas.items())]


def _jalankan(perintah: list[str], folder: Path | None = None) -> str | None:
    """The output of a command, or None when it is missing or fails."""
    try:
        proses = subprocess.run(perintah, cwd=folder, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return proses.stdout if proses.returncode == 0 else None


def git_proyek(proyek: Path) -> dict | None:
    """The project's commit and whether its work tree differs from it; None outside git."""
    if shutil.which("git") is None:
        return None
    commit = _jalankan(["git", "rev-parse", "HEAD"], proyek)
    if not commit:
        return None
    status = _jalankan(["git", "status", "--porcelain"], proyek)
    return {"commit": commit.strip(), "berubah": None if status is None else bool(status.strip())}


def _versi(paket: str) -> str | None:
    try:
        return importlib.metadata.version(paket)
    except importlib.metadata.PackageNotFoundError:
        return None


def versi_tex() -> str | None:
    """The first line of `xelatex --version`, or None when there is no xelatex."""
    keluar = _jalankan(["xelatex", "--version"])
    return keluar.splitlines()[0].strip() if keluar and keluar.strip() else None


def isi_manifest(lap: Laporan, masukan: Masukan, proyek: Path, keluaran: dict[str, Path], epoch: int,
                 html_saja: bool, draf: bool) -> dict:
    """The manifest of a build whose outputs are `keluaran`: the name each is published under
    ('html', 'lkjip-kanigaran-2024.pdf') and the file or folder holding it now (staged, before
    it is published with the manifest, or published)."""
    d = lap.hasil.data
    isi_keluaran: dict[str, Path] = {}
    for nama, path in keluaran.items():
        if path.is_dir():  # a site: its files named under the name it is published as
            isi_keluaran |= {f"{nama}/{p.relative_to(path).as_posix()}": p for p in sorted(path.rglob("*"))
                             if p.is_file()}
        else:
            isi_keluaran[nama] = path
    alat = {paket: _versi(paket) for paket in PAKET_ALAT}
    alat["python"] = platform.python_version()
    alat["tex"] = None if html_saja else versi_tex()
    return {
        "format": FORMAT,
        "unit": d.unit_kode,
        "tahun": d.tahun,
        "draf": draf,
        "html_saja": html_saja,
        "source_date_epoch": epoch,
        "lkjip": {"versi": _versi("lkjip"), "git": git_proyek(proyek)},
        "alat": alat,
        "masukan": {"data": _daftar(masukan.data, masukan.sidik), "proyek": _daftar(masukan.proyek, masukan.sidik)},
        "keluaran": _daftar(isi_keluaran),
    }


def teks_manifest(isi: dict) -> str:
    return json.dumps(isi, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
