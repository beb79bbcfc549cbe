"""Processes lkjip starts never outlive it, and a stop signal ends lkjip with one line, not a traceback.

- `Dihentikan` is raised in the main thread on SIGINT (Ctrl-C), SIGTERM or SIGHUP while
  `sinyal_henti()` is active; later stop signals are ignored so the clean-up runs undisturbed.
- `kumpulan_pekerja()` is a process pool whose workers ignore Ctrl-C (the parent stops them), die
  with the parent even when it is killed with SIGKILL (Linux: prctl PR_SET_PDEATHSIG), and are ended
  at once when the block fails or is interrupted, or when its tasks are done. A kernel a worker
  starts (`terikat_induk()` as its preexec_fn) dies with that worker in turn.
- `jalankan()` is `subprocess.run` for a command that starts processes of its own (jupyter-book
  starts latexmk and xelatex): the command runs in its own process group under a small watchdog that
  kills the whole group when lkjip stops or dies.
- `sinyal_ditunda()` holds stop signals back while a few steps must complete together.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from multiprocessing import resource_tracker
from pathlib import Path

LINUX = sys.platform.startswith("linux")
SINYAL_HENTI = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1
# Loaded once here: a preexec_fn runs between fork and exec, where loading a library is not safe.
_LIBC = ctypes.CDLL(None, use_errno=True) if LINUX else None
_AWALAN_FOLDER_KERJA = "lkjip-kerja-"


class Dihentikan(KeyboardInterrupt):
    """lkjip was asked to stop by a signal (SIGINT, SIGTERM, SIGHUP); `sinyal` says which."""

    def __init__(self, sinyal: int):
        super().__init__(sinyal)
        self.sinyal = sinyal


def _di_utas_utama() -> bool:
    return threading.current_thread() is threading.main_thread()


def _henti(sinyal, bingkai) -> None:
    for s in SINYAL_HENTI:  # the clean-up that follows is not to be interrupted by a second Ctrl-C
        signal.signal(s, signal.SIG_IGN)
    raise Dihentikan(sinyal)


@contextlib.contextmanager
def sinyal_henti() -> Iterator[None]:
    """Turn SIGINT, SIGTERM and SIGHUP into `Dihentikan` in the main thread for the block; the
    previous handlers come back afterwards. Outside the main thread: nothing changes."""
    if not _di_utas_utama():
        yield
        return
    lama = {s: signal.signal(s, _henti) for s in SINYAL_HENTI}
    try:
        yield
    finally:
        for s, penangan in lama.items():
            signal.signal(s, penangan if penangan is not None else signal.SIG_DFL)


@contextlib.contextmanager
def sinyal_ditunda() -> Iterator[None]:
    """Stop signals that arrive during the block are delivered when it ends, to the handlers that
    were there before (the block's steps all happen, or none of them). Outside the main thread:
    nothing changes."""
    if not _di_utas_utama():
        yield
        return
    diterima: list[int] = []
    lama = {s: signal.signal(s, lambda sinyal, bingkai: diterima.append(sinyal)) for s in SINYAL_HENTI}
    try:
        yield
    finally:
        for s, penangan in lama.items():
            signal.signal(s, penangan if penangan is not None else signal.SIG_DFL)
        if diterima:
            signal.raise_signal(diterima[0])


@contextlib.contextmanager
def _sinyal_diabaikan(sinyal: int) -> Iterator[None]:
    """Ignore `sinyal` for the block. A process started meanwhile inherits the ignored signal from
    its first instruction, before it could install a handler of its own."""
    if not _di_utas_utama():
        yield
        return
    lama = signal.signal(sinyal, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(sinyal, lama if lama is not None else signal.SIG_DFL)


@contextlib.contextmanager
def pekerja_pustaka() -> Iterator[None]:
    """For the block in which a library (a Dask LocalCluster) starts worker processes of its own:
    they inherit an ignored Ctrl-C (SIGINT), so a Ctrl-C on the terminal, which reaches every process
    of the foreground group, stops lkjip alone and lkjip ends them, without their tracebacks; and
    multiprocessing's resource tracker does not write to lkjip's terminal when they are ended."""
    _mulai_pelacak_sumber_daya()
    with _sinyal_diabaikan(signal.SIGINT):
        yield


def _ikat(induk: int, sinyal: int) -> None:
    """Have Linux send `sinyal` to this process when the thread that started it ends. If the
    parent `induk` is already gone (it died before this call), end now."""
    if _LIBC is None:
        return
    _LIBC.prctl(_PR_SET_PDEATHSIG, int(sinyal), 0, 0, 0)
    if os.getppid() != induk:
        os.kill(os.getpid(), sinyal)


def terikat_induk(sinyal: int = signal.SIGKILL) -> Callable[[], None]:
    """A preexec_fn for Popen: the child gets `sinyal` when this process (the thread that starts
    it) dies. Elsewhere than on Linux it does nothing."""
    induk = os.getpid()
    return lambda: _ikat(induk, sinyal)


# --- the pool of chapter workers ---------------------------------------------------------------


def _siapkan_pekerja(induk: int, folder_sementara: str) -> None:
    """Initializer of a pool worker: Ctrl-C is for the parent to handle (a terminal sends it to
    every process in the foreground group); die with the parent; temporary files (a kernel's
    connection file and sockets) go to a folder the parent removes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ikat(induk, signal.SIGKILL)
    tempfile.tempdir = folder_sementara


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _hapus_folder_kerja_basi() -> None:
    """Remove the workers' temporary folders left by lkjip processes that were killed (the pid of
    the owner is in the name)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_AWALAN_FOLDER_KERJA}*-*"):
        pid = folder.name.removeprefix(_AWALAN_FOLDER_KERJA).split("-", 1)[0]
        with contextlib.suppress(OSError):
            if pid.isdigit() and not _hidup(int(pid)) and folder.is_dir() and folder.stat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)


def _akhiri_pekerja(pelaksana: ProcessPoolExecutor) -> None:
    """End the pool now: pending tasks cancelled, running ones stopped with their workers."""
    # The pool has no public way to stop a running task; its workers are in _processes.
    pekerja = list((getattr(pelaksana, "_processes", None) or {}).values())
    for p in pekerja:
        if p.is_alive():
            p.terminate()
    for p in pekerja:
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join()
    pelaksana.shutdown(wait=True, cancel_futures=True)


def _mulai_pelacak_sumber_daya() -> None:
    """Start multiprocessing's resource tracker (the pool's queues use it) without lkjip's stdout
    and stderr: it outlives a killed lkjip by a moment to clean up after the workers, and would
    otherwise hold a caller's pipe open and warn of 'leaked semaphore objects' on the terminal."""
    for berkas in (sys.stdout, sys.stderr):
        berkas.flush()
    simpanan = [os.dup(1), os.dup(2)]
    kosong = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(kosong, 1)
        os.dup2(kosong, 2)
        resource_tracker.ensure_running()  # started once per process; afterwards it is only checked
    finally:
        os.dup2(simpanan[0], 1)
        os.dup2(simpanan[1], 2)
        for fd in (*simpanan, kosong):
            os.close(fd)


@contextlib.contextmanager
def kumpulan_pekerja(jumlah: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jumlah` worker processes (spawn: the caller may hold threads) that ignore Ctrl-C,
    die with this process, and are ended at once when the block raises (a failed task, Ctrl-C,
    SIGTERM); on success the block's tasks are waited for, then the workers ended."""
    _hapus_folder_kerja_basi()
    _mulai_pelacak_sumber_daya()
    folder = tempfile.mkdtemp(prefix=f"{_AWALAN_FOLDER_KERJA}{os.getpid()}-")
    try:
        pelaksana = ProcessPoolExecutor(jumlah, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_siapkan_pekerja, initargs=(os.getpid(), folder))
        try:
            # Start every worker now, while they inherit an ignored SIGINT: a Ctrl-C during their
            # start-up, before the initializer runs, would print a KeyboardInterrupt traceback.
            with _sinyal_diabaikan(signal.SIGINT):
                for _ in range(jumlah):
                    pelaksana.submit(int)
            yield pelaksana
            # The block's tasks are waited for, then the workers ended: a worker that imported Sphinx
            # takes half a second to wind down on its own, and holds nothing that needs it.
            wait([t.future for t in list(getattr(pelaksana, "_pending_work_items", {}).values())])
            _akhiri_pekerja(pelaksana)
        except BaseException:
            _akhiri_pekerja(pelaksana)
            raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- a command and everything it starts --------------------------------------------------------

# The watchdog between lkjip and a command: it puts the command in a process group of its own
# (a terminal's Ctrl-C does not reach it, so no traceback lands in its log) and kills that group
# when it gets SIGTERM (from lkjip, or from Linux when lkjip dies) or when the command ends.
# Plain Python without lkjip's imports: it starts in a few milliseconds.
_PENGAWAS = r"""
import ctypes, os, signal, subprocess, sys
anak = None
def akhiri(sinyal, bingkai):
    if anak is not None:
        try:
            os.killpg(anak.pid, signal.SIGKILL)
        except OSError:
            pass
    os._exit(128 + sinyal)
signal.signal(signal.SIGTERM, akhiri)
signal.signal(signal.SIGHUP, akhiri)
if os.getppid() != int(sys.argv[1]):
    akhiri(signal.SIGTERM, None)
libc = ctypes.CDLL(None)
def mulai():
    os.setpgid(0, 0)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)
anak = subprocess.Popen(sys.argv[2:], preexec_fn=mulai)
kode = anak.wait()
try:
    os.killpg(anak.pid, signal.SIGKILL)
except OSError:
    pass
sys.exit(kode if kode >= 0 else 128 - kode)
"""


def _mulai_pengawas(induk: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # lkjip handles Ctrl-C and then ends the watchdog
    _ikat(induk, signal.SIGTERM)


def jalankan(perintah: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run `perintah` to the end like `subprocess.run` (output to a file or inherited, no pipes),
    with everything it starts ended when lkjip stops (an exception here, e.g. Ctrl-C) or dies."""
    if not LINUX:
        return subprocess.run(perintah, **kwargs)
    induk = os.getpid()
    proses = subprocess.Popen([sys.executable, "-c", _PENGAWAS, str(induk), *perintah],
                              preexec_fn=lambda: _mulai_pengawas(induk), **kwargs)
    try:
        kode = proses.wait()
    except BaseException:
        proses.terminate()  # the watchdog kills the command's whole group
        try:
            proses.wait(10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()
        raise
    return subprocess.CompletedProcess(perintah, kode)
