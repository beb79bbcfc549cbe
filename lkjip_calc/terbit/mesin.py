"""Warm helpers for builds: Jupyter kernels that have imported the package, and worker processes
that have imported Sphinx. A build borrows them; successive builds in one process (a preview, the
tasks of a batch worker) reuse them instead of paying the start-up again.

`Mesin(inti=N)`: N kernels run chapters side by side (a thread each drives one), and with N >= 2
the site and the PDF are assembled side by side in two worker processes. With `inti=1` everything
runs in the calling process, which then needs no process pool of its own (a batch worker or a Dask
worker, whose processes cannot start one).

A kernel runs one chapter at a time and is reset between chapters (`%reset`, and the chapter's
folder as working directory), so no chapter sees another's variables. Enter a Mesin in a thread that
outlives it: its kernels die with the thread that started them (prctl), and with lkjip."""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..dasar.proses import kumpulan_pekerja, terikat_induk
from . import rakit

_IMPOR_PANAS = "import lkjip_calc.laporan.buku"  # what every chapter imports first
_WAKTU_MULAI = 120  # seconds for a kernel to start and import the package on a loaded machine


def _kelas_kernel():
    """A kernel manager on local IPC sockets: no network port, and no ipykernel warning about TCP."""
    from jupyter_client.manager import KernelManager

    class KernelIPC(KernelManager):
        def __init__(self, *args, **kwargs):
            # papermill's client must be asynchronous: a blocking one waits on a dead kernel forever,
            # its wait holding up the check that the kernel is alive.
            kwargs.setdefault("client_class", "jupyter_client.asynchronous.AsyncKernelClient")
            super().__init__(*args, **kwargs)
            self.transport = "ipc"
            # IPC sockets are files named after `ip`; kernels running side by side need their own.
            self.ip = str(Path(tempfile.gettempdir()) / f"lkjip-kernel-{uuid.uuid4().hex}")

        async def _async_launch_kernel(self, kernel_cmd, **kwargs):
            # The kernel's own log (e.g. "KeyboardInterrupt caught" when it is shut down) is not the
            # reader's business; errors in a chapter come back through papermill. Nor does it hold
            # lkjip's output open, and it dies with the thread that started it.
            kwargs.setdefault("stdout", subprocess.DEVNULL)
            kwargs.setdefault("stderr", subprocess.DEVNULL)
            kwargs.setdefault("preexec_fn", terikat_induk())
            return await super()._async_launch_kernel(kernel_cmd, **kwargs)

    return KernelIPC


def _perintah(km, kode: str) -> None:
    """Run `kode` in the kernel and wait for it; an error there is raised here."""
    from jupyter_client.blocking import BlockingKernelClient

    kc = BlockingKernelClient()
    kc.load_connection_info(km.get_connection_info())
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=_WAKTU_MULAI)
        balasan = kc.execute_interactive(kode, timeout=_WAKTU_MULAI, store_history=False, output_hook=lambda _: None)
        if balasan["content"].get("status") != "ok":
            isi = balasan["content"]
            raise RuntimeError(f"{isi.get('ename')}: {isi.get('evalue')}")
    finally:
        kc.stop_channels()


class Mesin:
    def __init__(self, inti: int | None = None):
        self.inti = max(1, inti if inti is not None else min(2, os.cpu_count() or 1))
        self._kernel: queue.Queue = queue.Queue()
        self._semua_kernel: list = []
        self._dimulai = 0  # kernels asked for and not yet started
        self._tumpukan = contextlib.ExitStack()
        self._lajur = None

    def __enter__(self) -> Mesin:
        self._utas = ThreadPoolExecutor(self.inti, thread_name_prefix="lkjip-kernel")
        self._tumpukan.callback(self._utas.shutdown, wait=True)
        self._tumpukan.callback(self._hentikan_kernel)
        if self.inti >= 2:
            self._lajur = self._tumpukan.enter_context(kumpulan_pekerja(2))
            for _ in range(2):
                self._lajur.submit(rakit.panaskan)
        return self

    def __exit__(self, *exc) -> None:
        self._tumpukan.close()

    def panaskan(self, jumlah: int) -> None:
        """Have `jumlah` kernels (at most `inti`) ready or starting: they import the package while the
        build does other work. A build that runs no chapter starts none."""
        for _ in range(min(jumlah, self.inti) - len(self._semua_kernel) - self._dimulai):
            self._dimulai += 1
            self._utas.submit(self._kernel_baru)

    def _kernel_baru(self) -> None:
        km = _kelas_kernel()(kernel_name="python3")
        try:
            km.start_kernel()
            self._semua_kernel.append(km)
        finally:
            self._dimulai -= 1
        try:
            _perintah(km, _IMPOR_PANAS)
        finally:
            self._kernel.put(km)  # a kernel that failed to warm up fails the chapter that takes it

    def _hentikan_kernel(self) -> None:
        for km in self._semua_kernel:
            with contextlib.suppress(Exception):
                km.shutdown_kernel(now=True)
            with contextlib.suppress(Exception):
                km.cleanup_resources()
        self._semua_kernel.clear()

    def bab(self, fungsi: Callable, *args) -> Future:
        """Run `fungsi(km, *args)` with a free kernel reset for a new chapter, beside the other chapters."""
        self.panaskan(1)

        def tugas():
            km = self._kernel.get()
            try:
                if not km.is_alive():  # the chapter before it killed it
                    km.restart_kernel(now=True)
                return fungsi(km, *args)
            finally:
                self._kernel.put(km)
        return self._utas.submit(tugas)

    def lajur(self, fungsi: Callable, *args) -> Future:
        """Run `fungsi(*args)` in a worker process beside the other lane, or here when inti=1."""
        if self._lajur is not None:
            return self._lajur.submit(fungsi, *args)
        hasil: Future = Future()
        try:
            hasil.set_result(fungsi(*args))
        except Exception as e:
            hasil.set_exception(e)
        return hasil


def siapkan_kernel(km, folder: Path) -> None:
    """Before a chapter: no variables of the chapter before, and its folder as the working directory."""
    # the folder first: the one the kernel was in (an earlier build's staging folder) may be gone,
    # and %reset asks for the working directory
    # (absolute: a path relative to lkjip's folder, e.g. under --out _build, means nothing in a
    # kernel that is still in the previous chapter's folder)
    _perintah(km, f"import os\nos.chdir({str(folder.resolve())!r})\nget_ipython().run_line_magic('reset', '-f')")
