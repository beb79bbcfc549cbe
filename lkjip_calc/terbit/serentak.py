"""`lkjip build --all --jobs N` and `--dask ALAMAT`: the unit-years of a site built side by side.

Each (unit, year) is a `Tugas`, a small picklable description that names everything by path (the
data root, the book's project folder, the output folder): `jalankan_tugas` prepares the year and
builds it in whichever process runs it, a worker of a local process pool, or a Dask worker on this
machine (`--dask lokal`) or on others (`--dask tcp://HOST:8786`, which share the checkout, data/
and the output folder by path). It returns a `HasilTugas`: paths and seconds, or the one-paragraph
Indonesian message of a failure, never a traceback. A failed unit-year does not stop the others;
the combined site is assembled (and the previous one replaced, in one step, under the site's
lock) only when every requested build succeeded."""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import multiprocessing
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..dasar.angka import angka
from ..dasar.berkas import hapus_sisa
from ..dasar.proses import kumpulan_pekerja, pekerja_pustaka
from ..dasar.temuan import DaftarTemuan, DataTidakValid
from ..laporan.bab import FOLDER_BAB
from ..laporan.bahan import Laporan
from ..laporan.siapkan import siapkan
from . import rakit
from .bangun import BuildGagal, bangun, galat_tulis_bagi_pengguna, kunci_build
from .mesin import Mesin
from .situs import FOLDER_SITUS, KUNCI_SITUS, rakit_situs, situs_tahun

DASK_LOKAL = "lokal"
# A Dask worker samples its task thread's stack every 10 ms for the dashboard's profile (which a local
# cluster here has not): through Sphinx's deep recursion that made each build 15 % slower (20
# unit-years: 104 s with it, 90 s without). Workers started by hand: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False.
KONFIG_PROFIL_DASK = "distributed.worker.profile.enabled"
_BATAS_SAMBUNG_DASK = "10s"  # how long to try a scheduler's address before saying it cannot be reached


@dataclass(frozen=True)
class Tugas:
    """One unit-year to build: only paths and plain values, so that it travels to any worker."""
    akar: Path
    unit: str
    tahun: int
    proyek: Path
    keluaran: Path
    html_saja: bool = False
    ketat: bool = False
    draf: bool = False
    situs: dict | None = None  # the year switcher's data (situs.situs_tahun)
    bersih: bool = False  # --bersih: nothing an earlier build kept is reused


@dataclass
class HasilTugas:
    """What a task sends back: the built files, or `gagal`, the message for the user."""
    unit: str
    tahun: int
    html: Path | None = None
    pdf: Path | None = None
    docx: Path | None = None
    detik: float = 0.0
    dijalankan: list[str] | None = None  # chapters executed; None for a failed build
    dari_cache: list[str] | None = None  # chapters reused from the cache (their prose brought up to date or not)
    gagal: str | None = None
    internal: bool = False  # the failure is a bug of lkjip (exit 3), not the user's data or setup
    catatan: list[str] = field(default_factory=list)  # the build's warnings (PDF cut off, waiting for a lock)


# --- in the worker process ------------------------------------------------------------------------

_mesin_proses: contextlib.ExitStack | None = None
_mesin = None


def mesin_proses():
    """This process's warm build helpers (one core: a pool worker or a Dask worker starts no pool of
    its own), started by its first task and reused by the next ones."""
    global _mesin_proses, _mesin
    if _mesin_proses is None:
        if multiprocessing.parent_process() is not None:  # a worker's process, not lkjip's own
            rakit.panaskan()  # what every build imports, kept out of the garbage collector's sight
        _mesin_proses = contextlib.ExitStack()
        _mesin = _mesin_proses.enter_context(Mesin(inti=1))
        atexit.register(_mesin_proses.close)
    return _mesin


def _bangun_dengan(lap: Laporan, tugas: Tugas, mesin):
    return bangun(lap, tugas.proyek, tugas.keluaran, html_saja=tugas.html_saja, ketat=tugas.ketat, draf=tugas.draf,
                  situs=tugas.situs, mesin=mesin, bersih=tugas.bersih)


_CATATAN = ("PERINGATAN", "Menunggu")  # warnings, and a wait for another build's lock


def _catatan(teks: str) -> list[str]:
    """The lines of a build's own output worth showing in a batch: its warnings, not its steps."""
    return [b for b in teks.splitlines() if b.startswith(_CATATAN)]


def jalankan_tugas(tugas: Tugas, mesin=None) -> HasilTugas:
    """Prepare and build one unit-year here; `mesin` None: this process's own (`mesin_proses`).
    The build's step lines are kept from the shared terminal; its warnings come back as `catatan`."""
    tangkap = io.StringIO()
    try:
        mesin = mesin if mesin is not None else mesin_proses()  # warm before the year is loaded
        with contextlib.redirect_stdout(tangkap):
            lap = siapkan(tugas.akar, tugas.unit, tugas.tahun, draf=tugas.draf, folder_bab=tugas.proyek / FOLDER_BAB)
            h = _bangun_dengan(lap, tugas, mesin)
    except DataTidakValid as e:
        galat = e.temuan.galat_saja
        return HasilTugas(tugas.unit, tugas.tahun, catatan=_catatan(tangkap.getvalue()),
                          gagal=f"data tidak valid, {len(galat)} galat: " + " | ".join(str(t) for t in galat))
    except BuildGagal as e:
        return HasilTugas(tugas.unit, tugas.tahun, gagal=str(e), catatan=_catatan(tangkap.getvalue()))
    except Exception as e:  # a bug of ours: named for this unit-year, the others go on
        return HasilTugas(tugas.unit, tugas.tahun, internal=True, catatan=_catatan(tangkap.getvalue()),
                          gagal=f"GALAT INTERNAL ({type(e).__name__}: {e}); ini kesalahan program, bukan data Anda")
    return HasilTugas(tugas.unit, tugas.tahun, html=h.html, pdf=h.pdf, docx=h.docx, detik=h.detik,
                      dijalankan=h.dijalankan, dari_cache=h.dari_cache + h.diperbarui,
                      catatan=_catatan(tangkap.getvalue()))


def _siapkan_satu(akar: Path, unit: str, tahun: int, draf: bool, folder_bab: Path) -> Laporan | DaftarTemuan:
    """One unit-year loaded and checked where this runs: its Laporan, or the findings that stop it."""
    try:
        return siapkan(akar, unit, tahun, draf=draf, folder_bab=folder_bab)
    except DataTidakValid as e:
        return e.temuan


def siapkan_semua(pasangan: list[tuple[str, int]], akar: Path, draf: bool, folder_bab: Path,
                  pelaksana=None) -> Iterator[tuple[str, int, Laporan | DaftarTemuan]]:
    """Every (unit, year) loaded and checked, in their order: here one after another, or by the
    workers of `pelaksana` side by side (the batch's own pool or Dask client, whose workers import what
    their builds need while they check; a city's hundreds of unit-years are not checked by one core
    while the others wait)."""
    if pelaksana is None:
        for unit, tahun in pasangan:
            yield unit, tahun, _siapkan_satu(akar, unit, tahun, draf, folder_bab)
        return
    tugas = [(unit, tahun, pelaksana.submit(_siapkan_satu, akar, unit, tahun, draf, folder_bab))
             for unit, tahun in pasangan]
    try:
        for unit, tahun, hasil in tugas:
            yield unit, tahun, hasil.result()
    finally:
        for *_, hasil in tugas:
            hasil.cancel()


# --- in lkjip ---------------------------------------------------------------------------------------


def baris_selesai(h: HasilTugas) -> str:
    """The line printed when a unit-year finishes."""
    if h.gagal is not None:
        return f"GAGAL: {h.unit} {h.tahun}: {h.gagal}"
    bab = ""
    if h.dijalankan is not None:
        bab = f"; bab dari cache: {len(h.dari_cache or [])}, dijalankan: {len(h.dijalankan)}"
    return f"{h.unit} {h.tahun} selesai ({angka(h.detik, 1, tetap=True)} s{bab})"


@dataclass
class HasilBatch:
    hasil: list[HasilTugas]
    situs: Path | None  # None: some build failed, the previous site stays

    @property
    def gagal(self) -> list[HasilTugas]:
        return [h for h in self.hasil if h.gagal is not None]


class DaskGagal(BuildGagal):
    """The Dask cluster could not be reached or started."""


def tugas_semua(laporan: list[Laporan], proyek: Path, keluaran: Path, html_saja: bool = False, ketat: bool = False,
                draf: bool = False, bersih: bool = False) -> list[Tugas]:
    """The tasks of a site of these prepared unit-years, with their year switchers."""
    pilihan = situs_tahun(laporan)
    return [Tugas(akar=lap.hasil.data.akar.resolve(), unit=lap.hasil.data.unit_kode, tahun=lap.hasil.data.tahun,
                  proyek=proyek.resolve(), keluaran=keluaran.resolve(), html_saja=html_saja, ketat=ketat, draf=draf,
                  bersih=bersih, situs=pilihan[(lap.hasil.data.unit_kode, lap.hasil.data.tahun)]) for lap in laporan]


def _hasil(selesai, t: Tugas) -> HasilTugas:
    """A finished future's result; a worker that died (killed, out of memory) fails its unit-year only."""
    try:
        return selesai.result()
    except Exception as e:
        return HasilTugas(t.unit, t.tahun, internal=True,
                          gagal=f"pekerja berhenti sebelum build selesai ({type(e).__name__}: {e})")


def _berurutan(daftar: list[Tugas], fungsi: Callable) -> Iterator[HasilTugas]:
    with Mesin() as m:  # one warm engine for every unit-year, all the cores for each
        for t in daftar:
            yield fungsi(t, m)


def _kumpulan(daftar: list[Tugas], fungsi: Callable, jumlah: int, pelaksana=None) -> Iterator[HasilTugas]:
    from concurrent.futures import as_completed

    with contextlib.ExitStack() as tumpukan:
        if pelaksana is None:
            pelaksana = tumpukan.enter_context(kumpulan_pekerja(min(jumlah, len(daftar))))
        tugas = {pelaksana.submit(fungsi, t): t for t in daftar}
        for selesai in as_completed(tugas):
            yield _hasil(selesai, tugas[selesai])


@contextlib.contextmanager
def klien_dask(alamat: str, jumlah: int | None) -> Iterator:
    """A Dask client: of a new LocalCluster on this machine (`lokal`: `jumlah` single-threaded worker
    processes, or one per core), or of the cluster whose scheduler is at `alamat`."""
    import dask
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its own log lines are not the reader's business
    if alamat != DASK_LOKAL:
        try:
            klien = Client(alamat, timeout=_BATAS_SAMBUNG_DASK)
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            raise DaskGagal(f"Penjadwal Dask di '{alamat}' tidak dapat dihubungi (langkah: menghubungi klaster "
                            f"Dask): {type(e).__name__}: {e}; diharapkan alamat penjadwal yang berjalan, mis. "
                            "tcp://HOST:8786 (dask scheduler), atau 'lokal'.") from None
        with klien:
            yield klien
        return
    # (A task's build uses Mesin(inti=1): no process pool of its own, which a daemonic Dask worker could not start.)
    with pekerja_pustaka(), dask.config.set({KONFIG_PROFIL_DASK: False}):
        # No dashboard; the scheduler's own HTTP server (health, metrics) on a free port of this machine
        # rather than 8787, which a second batch running beside this one would find taken (a warning).
        klaster = LocalCluster(n_workers=jumlah or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                               silence_logs=logging.ERROR)
    with klaster, Client(klaster) as klien:
        yield klien


def _dask(daftar: list[Tugas], fungsi: Callable, alamat: str, jumlah: int | None, klien=None) -> Iterator[HasilTugas]:
    from distributed import as_completed

    with contextlib.nullcontext(klien) if klien is not None else klien_dask(alamat, jumlah) as klien:
        # pure=False: a task is a build, not a value to reuse; retries=0: a failed build is reported
        tugas = {klien.submit(fungsi, t, key=f"lkjip-{t.unit}-{t.tahun}-{uuid.uuid4().hex[:12]}", pure=False): t
                 for t in daftar}
        futures = list(tugas)
        try:
            for selesai in as_completed(futures):
                yield _hasil(selesai, tugas[selesai])
        finally:
            klien.cancel(futures)


def jalankan_semua(daftar: list[Tugas], jobs: int | None = None, dask: str | None = None,
                   fungsi: Callable = jalankan_tugas, pelaksana=None) -> Iterator[HasilTugas]:
    """Run the tasks, yielding each result as it finishes: one after another in this process
    (jobs 1, no Dask), in a local pool of `jobs` workers, or on Dask (`lokal` or an address); the
    pool or the Dask client is `pelaksana` if the caller started it."""
    if not daftar:
        return iter(())
    if dask is not None:
        return _dask(daftar, fungsi, dask, jobs, pelaksana)
    if (jobs or 1) <= 1:
        return _berurutan(daftar, fungsi)
    return _kumpulan(daftar, fungsi, jobs, pelaksana)


def _lapor(hasil: Iterable[HasilTugas], jumlah: int) -> list[HasilTugas]:
    """Print a line as each unit-year finishes; a progress bar on a terminal only."""
    semua = []
    with tqdm(total=jumlah, unit="unit-tahun", file=sys.stderr, disable=not sys.stderr.isatty(),
              dynamic_ncols=True, leave=False) as bar:
        for h in hasil:
            semua.append(h)
            tqdm.write(baris_selesai(h), file=sys.stdout)
            for c in h.catatan:
                tqdm.write(f"  {h.unit} {h.tahun}: {c}", file=sys.stdout)
            sys.stdout.flush()
            bar.update(1)
    return semua


def bangun_serentak(laporan: list[Laporan], proyek: Path, keluaran: Path, html_saja: bool = False,
                    ketat: bool = False, draf: bool = False, jobs: int | None = None, dask: str | None = None,
                    fungsi: Callable = jalankan_tugas, rakit: bool = True, bersih: bool = False,
                    pelaksana=None) -> HasilBatch:
    """Build the prepared unit-years side by side, then (only if all succeeded, and `rakit`: no other
    unit-year of the site failed before) the combined site keluaran/situs/. The site's lock is held
    throughout, as by a sequential `build --all`. `pelaksana`: the local pool (--jobs) or the Dask
    client (--dask) to build with, already started by the caller."""
    daftar = tugas_semua(laporan, proyek, keluaran, html_saja, ketat, draf, bersih)
    data = {(lap.hasil.data.unit_kode, lap.hasil.data.tahun): lap.hasil.data for lap in laporan}
    with galat_tulis_bagi_pengguna(keluaran), kunci_build(keluaran / KUNCI_SITUS, "situs semua unit dan tahun"):
        hapus_sisa(keluaran / FOLDER_SITUS)  # what killed builds of the site left
        hasil = _lapor(jalankan_semua(daftar, jobs, dask, fungsi, pelaksana), len(daftar))
        if not rakit or not hasil or any(h.gagal is not None for h in hasil):
            return HasilBatch(hasil, None)
        urutan = {(t.unit, t.tahun): i for i, t in enumerate(daftar)}
        hasil.sort(key=lambda h: urutan[(h.unit, h.tahun)])
        return HasilBatch(hasil, rakit_situs([(data[(h.unit, h.tahun)], h) for h in hasil], keluaran))
