"""The warm kernels a build borrows: chapters run one after another in one kernel see nothing of
each other (variables, working directory), and a kernel a chapter killed is replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from bantu import beku_dan_sphinx

from lkjip_calc.terbit.bangun import _eksekusi
from lkjip_calc.terbit.mesin import Mesin

pytestmark = pytest.mark.buku  # slow tier: every test here starts kernels or worker processes


def _nb(*kode: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(k, metadata={"tags": []}) for k in kode]
    nb.metadata["papermill"] = {"parameters": {}}
    return nb


def _teks(nb) -> str:
    return "".join(k.get("text", "") for sel in nb.cells for k in sel.get("outputs", []))


def test_bab_berurutan_dalam_satu_kernel_tidak_saling_melihat(tmp_path):
    import papermill

    satu, dua = tmp_path / "satu", tmp_path / "dua"
    satu.mkdir()
    dua.mkdir()
    with Mesin(inti=1) as mesin:
        a = mesin.bab(_eksekusi, _nb("rahasia = 42", "import os; print(os.getcwd())"), satu).result()
        assert _teks(a).strip() == str(satu)
        b = mesin.bab(_eksekusi, _nb("import os; print(os.getcwd())", "print('rahasia' in dir())"), dua).result()
        assert _teks(b).split() == [str(dua), "False"]  # the chapter's own folder, no variable of the one before
        with pytest.raises(papermill.PapermillExecutionError, match="NameError"):
            mesin.bab(_eksekusi, _nb("rahasia"), dua).result()
        # the folder the kernel was in is gone (an earlier build's staging folder): the next chapter runs
        lama = tmp_path / "lama"
        lama.mkdir()
        mesin.bab(_eksekusi, _nb("print(0)"), lama).result()
        shutil.rmtree(lama)
        assert _teks(mesin.bab(_eksekusi, _nb("print(1)"), dua).result()).strip() == "1"
        # a chapter that kills its kernel: the next one gets a live kernel
        with pytest.raises(Exception):  # noqa: B017 - the kernel's death, however nbclient names it
            mesin.bab(_eksekusi, _nb("import os; os._exit(1)"), dua).result()
        c = mesin.bab(_eksekusi, _nb("print(6 * 7)"), dua).result()
        assert _teks(c).strip() == "42"
        assert len(mesin._semua_kernel) == 1  # the same kernel, warm: started once


def test_bab_tidak_masuk_riwayat_ipython(tmp_path, monkeypatch):
    """The chapters' code does not go into the user's IPython history (a database kernels side by
    side would share): the kernel keeps none, and writes nothing under IPYTHONDIR."""
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    with Mesin(inti=1) as mesin:
        hasil = mesin.bab(_eksekusi, _nb("x = 6 * 7", "print(get_ipython().history_manager.enabled)"),
                          tmp_path).result()
    assert _teks(hasil).strip() == "False"
    assert not list((tmp_path / "ipython").rglob("history.sqlite*"))


def test_folder_bab_relatif(tmp_path, monkeypatch):
    """`--out _build` gives chapter folders relative to lkjip's folder: each chapter still runs in its own."""
    monkeypatch.chdir(tmp_path)
    for nama in ("a", "b"):
        (tmp_path / "_build" / nama).mkdir(parents=True)
    with Mesin(inti=1) as mesin:
        for nama in ("a", "b"):
            hasil = mesin.bab(_eksekusi, _nb("import os; print(os.getcwd())"), Path("_build") / nama).result()
            assert _teks(hasil).strip() == str(tmp_path / "_build" / nama)


def test_mesin_tanpa_bab_tidak_memulai_kernel(tmp_path):
    with Mesin(inti=2) as mesin:
        assert mesin.lajur(Path.exists, tmp_path).result() is True  # the lanes work without any kernel
    assert mesin._semua_kernel == []


def test_pekerja_kedua_dimulai_saat_tugas_pertamanya():
    """The first lane's worker starts (and imports Sphinx) with the Mesin; the second only when a
    task comes for it, and it runs beside the first, in a process of its own."""
    import os

    with Mesin(inti=2) as mesin:
        assert mesin._pekerja[0] is not None and mesin._pekerja[1] is None
        pertama = mesin.lajur(os.getpid).result()
        assert mesin._pekerja[1] is None
        kedua = mesin.lajur(os.getpid, kedua=True).result()
        assert len({pertama, kedua, os.getpid()}) == 3
        assert mesin.lajur(os.getpid).result() == pertama
    with Mesin(inti=2, lajur=1) as mesin:  # one lane (the site only): `kedua` goes to it
        assert mesin.lajur(os.getpid, kedua=True).result() == mesin.lajur(os.getpid).result() != os.getpid()


def test_pekerja_lajur_diimpor_dan_dibekukan_sebelum_tugas_pertamanya():
    """Each lane's worker, the second too, imports Sphinx before its first task and keeps those
    objects out of the garbage collector's sight (rakit.panaskan)."""
    with Mesin(inti=2) as mesin:
        for kedua in (False, True):
            beku, sphinx = mesin.lajur(beku_dan_sphinx, kedua=kedua).result()
            assert sphinx and beku > 10_000


@pytest.mark.parametrize("tunggu", [0.0, 0.5, 1.5])
def test_mesin_yang_berakhir_saat_kernel_baru_dimulai_tidak_menunggunya(tunggu):
    """A build stopped (Ctrl-C, a failure) while its kernels are still starting or importing the
    package ends at once: no wait for a reply a killed kernel never sends (it waited 120 s)."""
    import threading
    import time

    mesin = Mesin(inti=1).__enter__()
    mesin.panaskan(1)
    time.sleep(tunggu)  # the kernel starting, connecting, or importing the package
    kernel = list(mesin._semua_kernel)
    utas = threading.Thread(target=mesin.__exit__, args=(None, None, None))
    utas.start()
    utas.join(30)
    assert not utas.is_alive()
    assert all(not k.km.is_alive() for k in kernel)
