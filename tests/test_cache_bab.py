"""The pieces of incremental builds, without a book build: what a chapter records of the prose it
read, the keys and the cache of executed chapters, the kept staging folder brought up to date file
by file, and a published notebook that is the same whether it ran or came from the cache."""

from __future__ import annotations

import copy
import os
import pickle
from pathlib import Path

import nbformat
import pytest

from lkjip_calc.dasar.berkas import sinkronkan
from lkjip_calc.laporan import buku as modul_buku
from lkjip_calc.laporan.daftar import CATATAN
from lkjip_calc.terbit import cache_bab
from lkjip_calc.terbit.reproduksi import normalkan_notebook


@pytest.fixture
def buku(laporan, tmp_path, monkeypatch):
    """A chapter's Buku on the year a build pickled, its outputs collected with their metadata."""
    siap = tmp_path / "siap.pickle"
    siap.write_bytes(pickle.dumps(laporan))
    keluaran = []
    monkeypatch.setattr(modul_buku, "display", lambda m, metadata=None: keluaran.append((m.data, metadata)))
    monkeypatch.chdir(tmp_path)
    b = modul_buku.Buku(siap=siap)
    b.keluaran = keluaran
    return b


def test_buku_mencatat_narasi_yang_dibaca(buku):
    buku.narasi("bab3_pengantar")
    buku.narasi("bab1_kedudukan")
    (teks, metadata), = buku.keluaran[:1]
    assert teks.strip()
    assert metadata == {CATATAN: {"prosa": ["narasi/bab3_pengantar.md"], "berkas": [],
                                  "baca": ["narasi/bab3_pengantar.md"], "tulis": [],
                                  "resep": ["narasi", "bab3_pengantar", "awal"]}}
    # cumulative: the last output holds everything read so far; "baca" only what it read itself
    catatan = buku.keluaran[-1][1][CATATAN]
    assert catatan["prosa"] == ["narasi/bab1_kedudukan.md", "narasi/bab3_pengantar.md"]
    assert catatan["baca"] == ["narasi/bab1_kedudukan.md"]


def test_buku_mencatat_gambar_dan_narasi_iku(buku):
    buku.gambar("penduduk_kelurahan")
    buku.analisis_iku()
    catatan = buku.keluaran[-1][1][CATATAN]
    assert "gambar/penduduk-kelurahan.png" in catatan["berkas"]
    assert (Path("gambar") / "penduduk-kelurahan.png").is_file()
    # every IKU's prose file was looked up, whether it exists or not (its absence shapes the chapter too)
    kode = [k.kode for k in buku.hasil.kinerja]
    assert len(kode) == 3 and {f"narasi/iku/{k}.md" for k in kode} <= set(catatan["prosa"])


def test_buku_yang_menjelajah_semua_narasi_mencatat_foldernya(buku):
    assert len(list(buku.data.narasi.values())) > 5
    assert buku._dibaca == {"narasi/"}


def test_sidik_prosa_berubah_hanya_untuk_berkas_itu(laporan):
    sebelum = cache_bab.sidik_prosa(laporan.hasil.data)
    data = copy.deepcopy(laporan.hasil.data)
    data.narasi["bab3_pengantar"].teks += "\nSatu kalimat lagi."
    sesudah = cache_bab.sidik_prosa(data)
    beda = {k for k in sebelum if sebelum[k] != sesudah[k]}
    assert beda == {"narasi/bab3_pengantar.md", "narasi/"}
    assert "narasi/iku/" in sebelum and "narasi/bab1_kedudukan.md" in sebelum


def _bab(tmp_path: Path, prosa: list[str]) -> nbformat.NotebookNode:
    """An executed chapter as papermill leaves it: an injected parameter cell, a display output
    with Buku's record, and the chart file it wrote."""
    (tmp_path / "gambar").mkdir(exist_ok=True)
    (tmp_path / "gambar" / "a.png").write_bytes(b"\x89PNG gambar a")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("unit = 'x'", metadata={"tags": ["injected-parameters"]}),
                nbformat.v4.new_code_cell("buku.narasi('a')")]
    nb.cells[1].outputs = [nbformat.v4.new_output(
        "display_data", data={"text/markdown": "Teks A"},
        metadata={CATATAN: {"prosa": prosa, "berkas": ["gambar/a.png"]}})]
    return nb


def _tanpa_keluaran(nb):
    nb = copy.deepcopy(nb)
    for sel in nb.cells:
        sel.outputs = []
    return nb


def test_cache_bab_dipakai_selama_prosa_yang_dibaca_sama(tmp_path):
    kerja, baru = tmp_path / "kerja", tmp_path / "baru"
    kerja.mkdir()
    baru.mkdir()
    sidik = {"narasi/a.md": "1", "narasi/b.md": "1"}
    nb = _bab(kerja, ["narasi/a.md"])
    cache_bab.CacheBab(tmp_path / "c", "dasar-1", sidik).simpan("bab1", nb, kerja)

    # the same inputs: the outputs come back, and the chart file with them
    hasil = cache_bab.CacheBab(tmp_path / "c", "dasar-1", sidik).ambil("bab1", _tanpa_keluaran(nb), baru)
    assert hasil is not None and hasil.cells[1].outputs[0]["data"]["text/markdown"] == "Teks A"
    assert (baru / "gambar" / "a.png").read_bytes() == b"\x89PNG gambar a"
    # prose the chapter did not read changed: still reused
    lain = {**sidik, "narasi/b.md": "2"}
    assert cache_bab.CacheBab(tmp_path / "c", "dasar-1", lain).ambil("bab1", _tanpa_keluaran(nb), baru) is not None
    # the prose it read changed, or anything else it depends on, or its code: it runs again
    dibaca = {**sidik, "narasi/a.md": "2"}
    assert cache_bab.CacheBab(tmp_path / "c", "dasar-1", dibaca).ambil("bab1", _tanpa_keluaran(nb), baru) is None
    assert cache_bab.CacheBab(tmp_path / "c", "dasar-2", sidik).ambil("bab1", _tanpa_keluaran(nb), baru) is None
    kode = _tanpa_keluaran(nb)
    kode.cells[1].source = "buku.narasi('b')"
    assert cache_bab.CacheBab(tmp_path / "c", "dasar-1", sidik).ambil("bab1", kode, baru) is None
    assert cache_bab.CacheBab(tmp_path / "c", "dasar-1", sidik).ambil("bab2", _tanpa_keluaran(nb), baru) is None


def test_cache_bab_yang_rusak_dijalankan_ulang(tmp_path):
    """A cached notebook or artifact gone (a disk cleaned by hand): the chapter runs, no error."""
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    nb = _bab(kerja, [])
    cache_bab.CacheBab(tmp_path / "c", "d", {}).simpan("bab1", nb, kerja)
    for path in (tmp_path / "c").rglob("*.ipynb"):
        path.unlink()
    assert cache_bab.CacheBab(tmp_path / "c", "d", {}).ambil("bab1", _tanpa_keluaran(nb), kerja) is None


def test_catatan_bab_gabungan_semua_keluaran():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x"), nbformat.v4.new_code_cell("y")]
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "a"},
                                                  metadata={CATATAN: {"prosa": ["narasi/a.md"], "berkas": []}})]
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "b"},
                                                  metadata={CATATAN: {"prosa": ["narasi/b.md"],
                                                                      "berkas": ["gambar/b.png"]}})]
    assert cache_bab.catatan_bab(nb) == (["narasi/a.md", "narasi/b.md"], ["gambar/b.png"])


def test_prosa_hanya_narasi_tahun_itu(tmp_path):
    tahun = tmp_path / "u" / "2024"
    assert cache_bab.prosa(tahun / "narasi" / "bab1.md", tahun)
    assert cache_bab.prosa(tahun / "narasi" / "iku" / "IKU1.md", tahun)
    assert not cache_bab.prosa(tahun / "realisasi_iku.csv", tahun)
    assert not cache_bab.prosa(tahun / "narasi" / "gambar" / "peta.png", tahun)
    assert not cache_bab.prosa(tmp_path / "u" / "2023" / "narasi" / "bab1.md", tahun)  # last year's: read whole


def test_sinkronkan_mengganti_hanya_yang_berbeda(tmp_path):
    sumber, tujuan = tmp_path / "baru", tmp_path / "simpan"
    for folder, isi in ((sumber, {"a.txt": "sama", "b/c.txt": "baru", "d.txt": "tambah"}),
                        (tujuan, {"a.txt": "sama", "b/c.txt": "lama", "e.txt": "basi", "f/g.txt": "basi",
                                  "_build/x.html": "hasil Sphinx"})):
        for nama, teks in isi.items():
            (folder / nama).parent.mkdir(parents=True, exist_ok=True)
            (folder / nama).write_text(teks, encoding="utf-8")
    os.utime(tujuan / "a.txt", (1_000_000, 1_000_000))
    berubah = sinkronkan(sumber, tujuan, biarkan=("_build",))
    assert berubah == ["b/c.txt", "d.txt"]
    assert (tujuan / "a.txt").stat().st_mtime == 1_000_000  # unchanged: Sphinx sees no change
    assert (tujuan / "b/c.txt").read_text(encoding="utf-8") == "baru"
    assert not (tujuan / "e.txt").exists() and not (tujuan / "f").exists()  # nothing an earlier build made stays
    assert (tujuan / "_build/x.html").read_text(encoding="utf-8") == "hasil Sphinx"


def test_nomor_eksekusi_per_bab():
    """A kernel that ran other chapters counts on; the published chapter counts from 1."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Judul"), nbformat.v4.new_code_cell("a", execution_count=17),
                nbformat.v4.new_code_cell("b", execution_count=18)]
    nb.cells[2].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=18)]
    normalkan_notebook(nb, "bab2")
    assert [s.get("execution_count") for s in nb.cells] == [None, 1, 2]
    assert nb.cells[2].outputs[0]["execution_count"] == 2
