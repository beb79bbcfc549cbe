"""Warm helpers for builds: Jupyter kernels that have imported the package, and worker processes
that have imported Sphinx. A build borrows them; successive builds in one process (a preview, the
tasks of a batch worker) reuse them instead of paying the start-up again.

`Mesin(inti=N)`: N kernels run chapters side by side (a thread each drives one), and with N >= 2
the site and the PDF are assembled side by side in two worker processes. With `inti=1` everything
runs in the calling process, which then needs no process pool of its own (a batch worker or a Dask
worker, whose processes cannot start one).

Only the first worker imports Sphinx while lkjip checks the year and the kernels import the
package: the cores are busy with them, and the PDF, the longest of the two lanes, waits on them. The
second worker starts when its first task comes (the site, beside the PDF), on the core that is idle
while LaTeX runs.

A kernel runs one chapter at a time and is reset between chapters (`%reset`, and the chapter's
folder as working directory), so no chapter sees another's variables. Each kernel is started and
driven by a lane thread of the Mesin, and dies with it (prctl) when the Mesin ends, or with lkjip."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from ..dasar.proses import kumpulan_pekerja, terikat_induk
from . import rakit

# What every chapter imports first, and matplotlib for the chapters that draw (grafik). Then what is
# imported is kept out of the garbage collector's sight (gc.freeze): a full collection, as %reset
# makes between chapters, would go through all of it.
_IMPOR_PANAS = "import lkjip_calc.laporan.buku\nimport lkjip_calc.laporan.grafik\nimport gc\ngc.freeze()"
_WAKTU_MULAI = 120  # seconds for a kernel to start and import the package on a loaded machine
_MESIN_PAPERMILL = "lkjip"  # papermill engine name (_daftarkan_mesin_papermill)
# No IPython history: the chapters' code is not the user's (~/.ipython/.../history.sqlite), and
# kernels side by side (a batch's, a preview's beside a build's) would share one database and its locks.
_ARGUMEN_KERNEL = ("--HistoryManager.enabled=False",)
# nbclient's log ("Kernel died while waiting ...", when a stopped build kills its kernels) is not the
# reader's business: a chapter's failure comes back as its exception, said in one line by the build.
_LOG_SENYAP = logging.getLogger("lkjip.kernel")
_LOG_SENYAP.addHandler(logging.NullHandler())
_LOG_SENYAP.propagate = False


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


class Kernel:
    """A warm kernel and the one client that drives it, for chapter after chapter.

    Connecting a new client costs a wait for the kernel's IOPub channel to settle (about 0,2 s, and
    papermill's client would connect another for each chapter), so the client is kept. It is an
    asynchronous client, and its sockets belong to the event loop of the thread that made it: every
    call on a Kernel comes from its own lane thread (`Mesin`)."""

    def __init__(self, berhenti: threading.Event):
        self.km = _kelas_kernel()(kernel_name="python3")
        self.kc = None
        self._siap = False  # started, connected and warm
        self._berhenti = berhenti  # the Mesin is ending: nothing more to start or wait for

    def hidupkan(self) -> None:
        """Ready for a chapter: started, or started again when the chapter before killed it or its
        start failed (a new process, a new client)."""
        from jupyter_core.utils import run_sync

        if self._siap and self.km.is_alive():
            return
        if self._berhenti.is_set():
            raise RuntimeError("mesin build sedang dihentikan")
        self._siap = False
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km.has_kernel:
            self.km.restart_kernel(now=True)
        else:
            self.km.start_kernel(extra_arguments=list(_ARGUMEN_KERNEL))
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=_WAKTU_MULAI)
        self.jalankan(_IMPOR_PANAS)
        self._siap = True

    def jalankan(self, kode: str) -> None:
        """Run `kode` and wait for its reply; an error there is raised here, and so is the kernel's
        death or the Mesin ending while it waits (a kernel killed mid-way sends no reply)."""
        from jupyter_core.utils import run_sync

        run_sync(self._jalankan)(kode)

    async def _jalankan(self, kode: str) -> None:
        pesan = self.kc.execute(kode, store_history=False)
        batas = time.monotonic() + _WAKTU_MULAI
        while True:
            try:
                balasan = await self.kc.get_shell_msg(timeout=0.2)
            except queue.Empty:
                if self._berhenti.is_set() or not self.km.is_alive():
                    raise RuntimeError("kernel berhenti sebelum selesai menjalankan kode") from None
                if time.monotonic() > batas:
                    raise TimeoutError(f"kernel tidak menjawab dalam {_WAKTU_MULAI} detik") from None
                continue
            if balasan.get("parent_header", {}).get("msg_id") == pesan:
                break
        if balasan["content"].get("status") != "ok":
            isi = balasan["content"]
            raise RuntimeError(f"{isi.get('ename')}: {isi.get('evalue')}")

    def siapkan(self, folder: Path) -> None:
        """Before a chapter: no variables of the chapter before, and its folder as the working directory."""
        # the folder first: the one the kernel was in (an earlier build's staging folder) may be gone,
        # and %reset asks for the working directory
        # (absolute: a path relative to lkjip's folder, e.g. under --out _build, means nothing in a
        # kernel that is still in the previous chapter's folder)
        self.jalankan(f"import os\nos.chdir({str(folder.resolve())!r})\nget_ipython().run_line_magic('reset', '-f')")

    def notebook(self, nb):
        """Run the notebook `nb` with papermill through this kernel's client: the executed notebook."""
        import papermill

        _daftarkan_mesin_papermill()
        return papermill.execute_notebook(nb, None, engine_name=_MESIN_PAPERMILL, kernel_name="python3",
                                          progress_bar=False, log_output=False, request_save_on_cell_execute=False,
                                          kernel=self)

    def matikan(self) -> None:
        """Kill the kernel's process (from any thread, without waiting for it): a chapter running in
        it fails at once."""
        with contextlib.suppress(Exception):
            self.km.signal_kernel(signal.SIGKILL)

    def hentikan(self) -> None:
        """Disconnect and remove the kernel's files: from its own lane thread, at the end."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
        # Killed already (matikan): its end is waited for here, as jupyter_client would otherwise
        # find it still alive and look again a tenth of a second later.
        with contextlib.suppress(Exception):
            self.km.provisioner.process.wait(timeout=1)
        with contextlib.suppress(Exception):
            self.km.shutdown_kernel(now=True)
        with contextlib.suppress(Exception):
            self.km.cleanup_resources()


@functools.cache
def _daftarkan_mesin_papermill() -> None:
    """papermill's nbclient engine, with the Kernel's client instead of a new one per notebook
    (registered by the first chapter to run: papermill is slow to import, and a build may run none)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class MesinPapermill(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, kernel: Kernel = None, **kwargs):
            klien = PapermillNotebookClient(nb_man, km=kernel.km, kernel_name=kernel_name, log=_LOG_SENYAP,
                                            log_output=False)
            klien.kc = kernel.kc  # with a kernel manager given, nbclient leaves the client connected
            return klien.execute()

    papermill_engines.register(_MESIN_PAPERMILL, MesinPapermill)


class _Lajur:
    """One kernel and the thread that drives it: it takes chapters from the Mesin's queue until told
    to stop. The kernel dies with this thread (prctl), which ends only when the Mesin does."""

    def __init__(self, antrean: queue.Queue, semua: list, berhenti: threading.Event):
        self._antrean, self._semua, self._berhenti = antrean, semua, berhenti
        self._utas = threading.Thread(target=self._putar, name="lkjip-kernel", daemon=True)
        self._utas.start()

    def _putar(self) -> None:
        kernel = Kernel(self._berhenti)
        self._semua.append(kernel)
        try:
            # warm now; should it fail, the chapter that takes this lane tries again and fails with the cause
            with contextlib.suppress(Exception):
                kernel.hidupkan()
            while (tugas := self._antrean.get()) is not None:
                hasil, fungsi, args = tugas
                if not hasil.set_running_or_notify_cancel():
                    continue
                try:
                    kernel.hidupkan()
                    hasil.set_result(fungsi(kernel, *args))
                except BaseException as e:  # noqa: BLE001 - it goes to the chapter's caller
                    hasil.set_exception(e)
        finally:
            kernel.hentikan()

    def tunggu(self) -> None:
        self._utas.join()


class Mesin:
    def __init__(self, inti: int | None = None, lajur: int = 2):
        self.inti = max(1, inti if inti is not None else min(2, os.cpu_count() or 1))
        self._jumlah_lajur = max(1, min(lajur, self.inti))  # an HTML-only build needs one
        self._antrean: queue.Queue = queue.Queue()
        self._berhenti = threading.Event()
        self._semua_kernel: list[Kernel] = []
        self._semua_lajur: list[_Lajur] = []
        self._tumpukan = contextlib.ExitStack()
        self._pekerja: list = [None] * self._jumlah_lajur  # a one-process pool per lane, started when needed

    def __enter__(self) -> Mesin:
        self._tumpukan.callback(self._hentikan_kernel)
        if not self.berurutan:
            self._pekerja_lajur(0)
        return self

    def __exit__(self, *exc) -> None:
        self._tumpukan.close()

    def panaskan(self, jumlah: int) -> None:
        """Have `jumlah` kernels (at most `inti`) ready or starting: they import the package while the
        build does other work. A build that runs no chapter starts none."""
        for _ in range(min(jumlah, self.inti) - len(self._semua_lajur)):
            self._semua_lajur.append(_Lajur(self._antrean, self._semua_kernel, self._berhenti))

    def _hentikan_kernel(self) -> None:
        # Chapters still waiting do not run; a running one ends with its kernel, killed here; a
        # kernel still starting is not waited for.
        self._berhenti.set()
        while True:
            try:
                tugas = self._antrean.get_nowait()
            except queue.Empty:
                break
            tugas[0].cancel()
        for kernel in list(self._semua_kernel):
            kernel.matikan()
        for _ in self._semua_lajur:
            self._antrean.put(None)
        for lajur in self._semua_lajur:
            lajur.tunggu()
        self._semua_lajur.clear()
        self._semua_kernel.clear()

    def bab(self, fungsi: Callable, *args) -> Future:
        """Run `fungsi(kernel, *args)` with a free Kernel, beside the other chapters."""
        self.panaskan(1)
        hasil: Future = Future()
        self._antrean.put((hasil, fungsi, args))
        return hasil

    @property
    def berurutan(self) -> bool:
        """Whether `lajur` runs its tasks here, one after another (inti=1), not side by side."""
        return self.inti < 2

    def _pekerja_lajur(self, nomor: int):
        if self._pekerja[nomor] is None:
            self._pekerja[nomor] = self._tumpukan.enter_context(kumpulan_pekerja(1))
            self._pekerja[nomor].submit(rakit.panaskan)  # its first task would import as much, unfrozen
        return self._pekerja[nomor]

    def lajur(self, fungsi: Callable, *args, kedua: bool = False) -> Future:
        """Run `fungsi(*args)` in a worker process, or here when inti=1: in the first lane's worker
        (warm), or with `kedua` in the second's, beside it (the first lane's, if there is only one)."""
        if not self.berurutan:
            return self._pekerja_lajur(1 if kedua and self._jumlah_lajur > 1 else 0).submit(fungsi, *args)
        hasil: Future = Future()
        try:
            hasil.set_result(fungsi(*args))
        except Exception as e:
            hasil.set_exception(e)
        return hasil

