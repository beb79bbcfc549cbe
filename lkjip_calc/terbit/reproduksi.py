"""Same inputs, same bytes. A build stamps one date on its outputs, SOURCE_DATE_EPOCH
(https://reproducible-builds.org/specs/source-date-epoch/), and cleans what would otherwise
change from one build to the next: notebook cell ids and papermill timings, the machine's paths
in the published notebooks, the clock in an XLSX.

When SOURCE_DATE_EPOCH is not set, the date is the newest modification time of the build's
inputs: two builds from the same files give the same bytes without any setting, and the date
printed in the PDF's properties is when the data last changed. (A fresh checkout gives files the
time of the checkout; `make report` sets SOURCE_DATE_EPOCH from the last commit of data/.)
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

VARIABEL_EPOCH = "SOURCE_DATE_EPOCH"
# What papermill records of the clock and of the paths of one run; dropped from published notebooks.
WAKTU_PAPERMILL = ("duration", "start_time", "end_time")
PATH_PAPERMILL = ("input_path", "output_path")
_ZIP_PALING_AWAL = (1980, 1, 1, 0, 0, 0)  # a zip entry cannot be dated earlier


def epoch_sumber(berkas: Iterable[Path]) -> int:
    """The build's date in seconds since 1970 (UTC): SOURCE_DATE_EPOCH when set, else the newest
    modification time of `berkas`, else 0. A set but malformed value is an error (ValueError)."""
    nilai = os.environ.get(VARIABEL_EPOCH, "").strip()
    if nilai:
        if not re.fullmatch(r"\d{1,12}", nilai):
            raise ValueError(f"{VARIABEL_EPOCH}={nilai!r} tidak sah: harus bilangan bulat detik sejak 1970-01-01 "
                             "UTC, mis. keluaran `git log -1 --format=%ct`")
        return int(nilai)
    return max((int(p.stat().st_mtime) for p in berkas), default=0)


def lingkungan_tanggal(epoch: int) -> dict[str, str]:
    """Environment for the tools that date their output: Sphinx (`today`, LaTeX \\date), and xelatex /
    xdvipdfmx (PDF CreationDate/ModDate and /ID; with FORCE_SOURCE_DATE also \\today and \\year)."""
    return {VARIABEL_EPOCH: str(epoch), "FORCE_SOURCE_DATE": "1"}


def waktu_utc(epoch: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc)


# --- notebooks ------------------------------------------------------------------------------


def label_data(akar: Path, proyek: Path) -> str:
    """The data folder as a published notebook names it: relative to the project when inside it
    (normally 'data'), else by its own name; never an absolute path of the machine that built it."""
    akar, proyek = akar.resolve(), proyek.resolve()
    return akar.relative_to(proyek).as_posix() if akar.is_relative_to(proyek) else akar.name


def id_sel(nama: str, nomor: int) -> str:
    """A stable cell id: the chapter and the cell's place in it (nbformat: [A-Za-z0-9_-], 1-64 chars)."""
    return f"{re.sub(r'[^A-Za-z0-9_-]', '-', nama)[:48]}-{nomor}"


def normalkan_notebook(nb, nama: str, ganti_path: dict[str, str] | None = None) -> None:
    """Make an executed notebook (papermill's output, in place) depend on its inputs only: cell ids
    from the chapter name and position, no timings or start/end times (notebook and cells), no
    kernel message timestamps, no staging paths; each path in `ganti_path` (the absolute data
    folder) replaced by its label in the recorded parameters and the injected parameter cell."""
    ganti_path = {k: v for k, v in (ganti_path or {}).items() if k and k != v}
    pm = nb.get("metadata", {}).get("papermill")
    if pm is not None:
        for kunci in WAKTU_PAPERMILL + PATH_PAPERMILL:
            pm.pop(kunci, None)
        parameter = pm.get("parameters") or {}
        for kunci, nilai in parameter.items():
            if isinstance(nilai, str) and nilai in ganti_path:
                parameter[kunci] = ganti_path[nilai]
    urutan = 0
    for nomor, sel in enumerate(nb.get("cells", [])):
        # counted per chapter: a kernel that ran other chapters before counts on from theirs
        if sel.get("execution_count") is not None:
            urutan += 1
            sel["execution_count"] = urutan
            for keluaran in sel.get("outputs", []):
                if "execution_count" in keluaran:
                    keluaran["execution_count"] = urutan
        if "id" in sel:  # nbformat 4.5 and later; an older notebook has no ids to set
            sel["id"] = id_sel(nama, nomor)
        metadata = sel.get("metadata", {})
        metadata.pop("execution", None)  # iopub.* / shell.execute_reply times from the kernel
        for kunci in WAKTU_PAPERMILL:
            metadata.get("papermill", {}).pop(kunci, None)
        if "injected-parameters" in metadata.get("tags", []):
            sumber = sel.get("source", "")
            for lama, baru in ganti_path.items():
                sumber = sumber.replace(lama, baru)
            sel["source"] = sumber


# --- zip files (XLSX) -----------------------------------------------------------------------

_TANGGAL_CORE = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def zip_tetap(isi: bytes, epoch: int) -> bytes:
    """A zip (an XLSX) rewritten so its bytes follow from its contents and `epoch` only: the entries
    in the same order and compression, each dated `epoch` with fixed attributes; in an Office
    document, docProps/core.xml created/modified set to `epoch` too (openpyxl writes the clock)."""
    waktu = waktu_utc(epoch)
    tanggal = max(waktu.timetuple()[:6], _ZIP_PALING_AWAL)
    iso = waktu.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as lama, zipfile.ZipFile(keluar, "w") as baru:
        for info in lama.infolist():
            data = lama.read(info)
            if info.filename == "docProps/core.xml":
                data = _TANGGAL_CORE.sub(lambda m: m.group(1) + iso + m.group(3), data)
            tetap = zipfile.ZipInfo(info.filename, date_time=tanggal)
            tetap.compress_type = info.compress_type
            tetap.create_system = 3  # as on Unix, whichever system wrote it
            tetap.external_attr = 0o644 << 16
            baru.writestr(tetap, data)
    return keluar.getvalue()
