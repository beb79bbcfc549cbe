"""File helpers used by every stage: atomic writes of a file and of a folder, CSV text, numbers
for machines, and YAML edited without losing the analyst's comments.

Whatever lkjip writes appears whole or not at all: a reader, a crash or a full disk never leaves
half a file, and a published folder is switched to its new version in one step.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from ruamel.yaml import YAML

# --- numbers and CSV for machines -----------------------------------------------------------


def angka_mesin(nilai) -> str:
    """A value as a machine reads it: digits with '.', no thousands separator, None as empty.

    A number as typed (up to 17 significant digits) is written exactly, without trailing zeros;
    a computed quotient carried to Decimal's 28 digits is written with the 17 a double holds (the
    shortest text that reads back as the same double), as spreadsheets and pandas read it anyway.
    """
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return str(nilai).lower()
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        if math.isnan(nilai):
            return ""
        return str(int(nilai)) if nilai.is_integer() else repr(nilai)
    if isinstance(nilai, Decimal):
        if nilai == nilai.to_integral_value():
            return str(int(nilai))
        if len(nilai.normalize().as_tuple().digits) > 17:
            return repr(float(nilai))
        return format(nilai.normalize(), "f")
    return str(nilai)


def teks_csv(baris: Iterable[Sequence]) -> str:
    """Rows as CSV text (UTF-8 text, '\\n' line ends, quotes only where needed); numbers as `angka_mesin`."""
    keluar = io.StringIO()
    penulis = csv.writer(keluar, lineterminator="\n")
    for b in baris:
        penulis.writerow([v if isinstance(v, str) else angka_mesin(v) for v in b])
    return keluar.getvalue()


# --- atomic writes --------------------------------------------------------------------------


def _mode_baru(folder: bool = False) -> int:
    """The permissions a plain open() or mkdir() would give under the current umask (mkstemp and
    mkdtemp give 0600 and 0700, which would hide a published page or a shared data folder)."""
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if folder else 0o666) & ~umask


@contextlib.contextmanager
def simpan_atomik(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; it replaces `path` only when the block ends
    without an error (for libraries that save to a path, such as openpyxl). The file keeps the
    permissions of the one it replaces, or gets the usual ones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix or ".tmp")
    os.close(fd)
    try:
        yield Path(sementara)
        with open(sementara, "rb") as berkas:
            os.fsync(berkas.fileno())
        os.chmod(sementara, path.stat().st_mode & 0o7777 if path.exists() else _mode_baru())
        os.replace(sementara, path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def tulis_atomik(path: Path, isi: str | bytes) -> None:
    """Write a whole file (text as UTF-8) atomically."""
    with simpan_atomik(path) as sementara:
        if isinstance(isi, str):
            sementara.write_text(isi, encoding="utf-8", newline="")
        else:
            sementara.write_bytes(isi)


@contextlib.contextmanager
def folder_atomik(tujuan: Path) -> Iterator[Path]:
    """A temporary folder beside `tujuan` to fill; it becomes `tujuan` only when the block ends
    without an error. `tujuan` must not exist: an existing folder is never replaced."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = Path(tempfile.mkdtemp(prefix=f".{tujuan.name}.", dir=tujuan.parent))
    try:
        yield sementara
        if tujuan.exists() or tujuan.is_symlink():  # rename would silently replace an empty folder
            raise FileExistsError(f"{tujuan} sudah ada")
        os.chmod(sementara, _mode_baru(folder=True))
        os.rename(sementara, tujuan)
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        raise


def terbitkan_folder(baru: Path, tautan: Path) -> None:
    """Publish the folder `baru` at `tautan`, replacing what was there in one step.

    `tautan` is a symbolic link to a versioned folder beside it; the link is switched with one
    rename, so a reader of `tautan` sees the old version or the new one, never neither. The old
    version is removed afterwards.
    """
    folder = tautan.parent
    folder.mkdir(parents=True, exist_ok=True)
    kode = uuid.uuid4().hex[:12]
    versi = folder / f".{tautan.name}.{kode}"
    shutil.move(str(baru), versi)  # a rename when both are on one file system
    lama = None
    if tautan.is_symlink():
        lama = folder / os.readlink(tautan)
    elif tautan.exists():
        # Output of a version of lkjip before links were used: a real folder. Moving it aside
        # leaves the path empty for a moment, once.
        lama = folder / f".{tautan.name}.lama-{kode}"
        os.rename(tautan, lama)
    sementara = folder / f".{tautan.name}.{kode}.tautan"
    os.symlink(versi.name, sementara)  # relative: the output folder can be moved or copied whole
    os.replace(sementara, tautan)
    if lama is not None and lama.parent.resolve() == folder.resolve() and lama.name.startswith(f".{tautan.name}."):
        shutil.rmtree(lama, ignore_errors=True)


# --- YAML with its comments ------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, key order and quoting stay as the analyst wrote them
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def sunting_yaml(teks: str, ubah: Callable[[object], None]) -> str:
    """The YAML text after `ubah` has changed its parsed data in place; comments are kept."""
    yaml = _yaml()
    data = yaml.load(teks)
    ubah(data)
    keluar = io.StringIO()
    yaml.dump(data, keluar)
    return keluar.getvalue()
