"""File helpers used by every stage: atomic writes of a file and of a folder, CSV text, numbers
for machines, and YAML edited without losing the analyst's comments.

Whatever lkjip writes appears whole or not at all: a reader, a crash or a full disk never leaves
half a file, and a published folder is switched to its new version in one step. Writers of one
output folder take turns through a lock file (`kunci`).
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import errno
import fcntl
import io
import math
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from ruamel.yaml import YAML

from .proses import sinyal_ditunda

_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None

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
    _sinkron(path.parent)


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


def _sinkron(path: Path) -> None:
    """Flush a file's or a folder's entries to the disk (a folder: the names in it, e.g. after a rename)."""
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0))
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno != errno.EINVAL:  # a file system that cannot sync a folder
            raise
    finally:
        os.close(fd)


def _sinkron_pohon(folder: Path) -> None:
    """Every file and folder under `folder` on the disk, so that a crash after the switch cannot
    leave the new version with empty files (data not yet written when its name already was)."""
    if _LIBC is not None:  # Linux: the whole file system in one call, much faster than file by file
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            if _LIBC.syncfs(fd) != 0:
                kode = ctypes.get_errno()
                raise OSError(kode, os.strerror(kode), str(folder))
        finally:
            os.close(fd)
        return
    for akar, folder_folder, berkas_berkas in os.walk(folder, topdown=False):
        for nama in berkas_berkas + folder_folder:
            path = Path(akar) / nama
            if not path.is_symlink():
                _sinkron(path)
    _sinkron(folder)


def _alihkan_tautan(versi: Path, tautan: Path) -> Path | None:
    """Point the link `tautan` at the folder `versi` beside it in one rename; the folder it showed
    before is returned (to be removed), or None."""
    folder = tautan.parent
    lama = None
    if tautan.is_symlink():
        lama = folder / os.readlink(tautan)
    elif tautan.exists():
        # Output of a version of lkjip before links were used: a real folder. Moving it aside
        # leaves the path empty for a moment, once.
        lama = folder / f".{tautan.name}.lama-{uuid.uuid4().hex[:12]}"
        os.rename(tautan, lama)
    sementara = versi.with_name(versi.name + ".tautan")
    try:
        os.symlink(versi.name, sementara)  # relative: the output folder can be moved or copied whole
        os.replace(sementara, tautan)
    except BaseException:
        sementara.unlink(missing_ok=True)
        if lama is not None and not tautan.is_symlink() and not tautan.exists():
            os.rename(lama, tautan)  # the real folder moved aside goes back
        raise
    if lama is not None and lama.parent.resolve() == folder.resolve() and lama.name.startswith(f".{tautan.name}."):
        return lama
    return None


class Terbitan:
    """New versions of published outputs, each written whole and flushed to the disk beside its
    place first; `alihkan` then switches them in, one rename each, with stop signals held back
    until all are done. Until then nothing a reader sees has changed, and `batal` removes what was
    prepared: a full disk or a failed copy leaves the published outputs as they were.

    A folder is published as a link to a versioned folder beside it (`html -> .html.<kode>`); a
    file is replaced by rename. Use through `terbitkan()`.
    """

    def __init__(self) -> None:
        self._folder: list[tuple[Path, Path]] = []  # (new version, link)
        self._berkas: list[tuple[Path, Path]] = []  # (temporary file, path)
        self._hapus: list[Path] = []  # published files that no longer belong with the new outputs

    def folder(self, baru: Path, tautan: Path) -> None:
        """Publish the folder `baru` (taken: moved, or copied when on another file system) at `tautan`."""
        tautan.parent.mkdir(parents=True, exist_ok=True)
        versi = tautan.parent / f".{tautan.name}.{uuid.uuid4().hex[:12]}"
        self._folder.append((versi, tautan))  # before the move: a half copy is removed by batal()
        shutil.move(str(baru), versi)  # a rename when both are on one file system
        _sinkron_pohon(versi)

    def salinan(self, sumber: Path, path: Path) -> None:
        """Publish a copy of the file `sumber` at `path`."""
        self._berkas.append((self._sementara(path), path))
        shutil.copyfile(sumber, self._berkas[-1][0])
        self._siap(self._berkas[-1][0], path)

    def berkas(self, path: Path, isi: str | bytes) -> None:
        """Publish `isi` (text as UTF-8) as the file `path`."""
        self._berkas.append((self._sementara(path), path))
        self._berkas[-1][0].write_bytes(isi.encode("utf-8") if isinstance(isi, str) else isi)
        self._siap(self._berkas[-1][0], path)

    def hapus(self, path: Path) -> None:
        """Remove the published file `path` when the new outputs are switched in (not before)."""
        self._hapus.append(path)

    @staticmethod
    def _sementara(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix or ".tmp")
        os.close(fd)
        return Path(sementara)

    @staticmethod
    def _siap(sementara: Path, path: Path) -> None:
        _sinkron(sementara)
        os.chmod(sementara, path.stat().st_mode & 0o7777 if path.exists() else _mode_baru())

    def alihkan(self) -> None:
        """Switch every output to its new version; the versions they replace are removed after."""
        lama = []
        folder_induk = {tautan.parent for _, tautan in self._folder} | {path.parent for _, path in self._berkas}
        with sinyal_ditunda():
            while self._folder:
                versi, tautan = self._folder[0]
                lama.append(_alihkan_tautan(versi, tautan))
                self._folder.pop(0)
            while self._berkas:
                sementara, path = self._berkas[0]
                os.replace(sementara, path)
                self._berkas.pop(0)
            for path in self._hapus:
                path.unlink(missing_ok=True)
        for folder in folder_induk:
            _sinkron(folder)
        for folder in lama:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def batal(self) -> None:
        """Remove every prepared version that was not switched in."""
        for versi, _ in self._folder:
            shutil.rmtree(versi, ignore_errors=True)
        for sementara, _ in self._berkas:
            sementara.unlink(missing_ok=True)
        self._folder, self._berkas = [], []


@contextlib.contextmanager
def terbitkan() -> Iterator[Terbitan]:
    """Prepare outputs in the block; they are switched in when it ends without an error, else removed."""
    terbitan = Terbitan()
    try:
        yield terbitan
        terbitan.alihkan()
    finally:
        terbitan.batal()


def terbitkan_folder(baru: Path, tautan: Path) -> None:
    """Publish the folder `baru` at `tautan`, replacing what was there in one step.

    `tautan` is a symbolic link to a versioned folder beside it; the link is switched with one
    rename, so a reader of `tautan` sees the old version or the new one, never neither. The old
    version is removed afterwards.
    """
    with terbitkan() as terbitan:
        terbitan.folder(baru, tautan)


def sinkronkan(sumber: Path, tujuan: Path, biarkan: Iterable[str] = ()) -> list[str]:
    """Make the folder `tujuan` hold what `sumber` holds: a file whose bytes differ is replaced, one
    that is the same is left as it was (its time too: tools that compare times, Sphinx, see no
    change), and what `sumber` lacks is removed, except the top-level names in `biarkan`. Returns
    the files replaced or added (paths in the folder)."""
    biarkan = set(biarkan)
    berubah = []
    tujuan.mkdir(parents=True, exist_ok=True)
    for path in sorted(sumber.rglob("*")):
        relatif = path.relative_to(sumber)
        sasaran = tujuan / relatif
        if path.is_dir():
            if sasaran.exists() and not sasaran.is_dir():
                sasaran.unlink()
            sasaran.mkdir(exist_ok=True)
            continue
        isi = path.read_bytes()
        if sasaran.is_dir() and not sasaran.is_symlink():
            shutil.rmtree(sasaran)
        if not sasaran.is_file() or sasaran.is_symlink() or sasaran.read_bytes() != isi:
            if sasaran.is_symlink():
                sasaran.unlink()
            sasaran.write_bytes(isi)
            berubah.append(relatif.as_posix())
    def bersihkan(folder: Path) -> None:
        for path in folder.iterdir():
            relatif = path.relative_to(tujuan)
            if folder == tujuan and path.name in biarkan:
                continue
            if not (sumber / relatif).exists() or (sumber / relatif).is_dir() != (path.is_dir() and not path.is_symlink()):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            elif path.is_dir() and not path.is_symlink():
                bersihkan(path)

    bersihkan(tujuan)
    return berubah


def hapus_sisa(path: Path) -> None:
    """Remove what publishing `path` left beside it when it was killed: versions and temporary
    files named `.<name>.*`, except the version the link `path` shows. Only while holding the lock
    of the folder (`kunci`): another writer's versions in the making look the same."""
    dipakai = os.readlink(path) if path.is_symlink() else None
    for sisa in path.parent.glob(f".{path.name}.*"):
        if sisa.name == dipakai:
            continue
        if sisa.is_dir() and not sisa.is_symlink():
            shutil.rmtree(sisa, ignore_errors=True)
        else:
            sisa.unlink(missing_ok=True)


@contextlib.contextmanager
def kunci(path: Path, saat_menunggu: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock file `path` for the block: one holder at a time, across processes (flock). The
    system releases it when the holder ends, however it ends (even SIGKILL). If another process
    holds it, `saat_menunggu(pemegang)` is called once before waiting; `pemegang` is that process's
    pid as it wrote it ('' if unknown). Waiting can be interrupted (Ctrl-C)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if saat_menunggu is not None:
                saat_menunggu(os.pread(fd, 32, 0).decode("ascii", "replace").strip())
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock; the file stays (removing it would let two holders in)


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
