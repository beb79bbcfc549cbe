"""A chapter whose prose alone changed is brought up to date without a kernel (terbit.narasi_ulang),
and the result is what running the chapter again would give, record for record; anything it cannot
render that way it leaves to a run (None)."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import nbformat
import pytest

from lkjip_calc.laporan import buku as modul_buku
from lkjip_calc.laporan.daftar import CATATAN
from lkjip_calc.terbit.narasi_ulang import perbarui

KALIMAT = "Satu kalimat yang baru ditulis."


def _siap(tmp_path: Path, lap, nama: str) -> Path:
    path = tmp_path / nama
    path.write_bytes(pickle.dumps(lap))
    return path


def _jalankan(siap: Path, folder: Path, panggilan: list[tuple], monkeypatch) -> nbformat.NotebookNode:
    """What a kernel run of a chapter of these calls leaves: one cell per call, its outputs as
    IPython displays them (Markdown with its record)."""
    folder.mkdir(exist_ok=True)
    keluaran: list = []

    def tampilkan(m, metadata=None):
        keluaran.append(nbformat.v4.new_output("display_data", data={"text/markdown": m.data, "text/plain":
                                                                     "<IPython.core.display.Markdown object>"},
                                               metadata=metadata))

    monkeypatch.setattr(modul_buku, "display", tampilkan)
    buku = modul_buku.Buku(siap=siap, folder=folder)
    nb = nbformat.v4.new_notebook()
    for nama, *args in panggilan:
        sebelum = len(keluaran)
        getattr(buku, nama)(*args)
        nb.cells.append(nbformat.v4.new_code_cell(f"buku.{nama}{tuple(args)!r}", outputs=keluaran[sebelum:]))
    return nb


def _keluaran(nb) -> list:
    return [sel.outputs for sel in nb.cells]


BAB = [("narasi", "bab3_pengantar"), ("tabel", "skala"), ("narasi", "bab3_pengantar", "setelah-tabel"),
       ("narasi", "bab1_kedudukan")]


@pytest.fixture
def lap_baru(laporan):
    lap = copy.deepcopy(laporan)
    lap.hasil.data.narasi["bab3_pengantar"].teks = lap.hasil.data.narasi["bab3_pengantar"].teks.replace(
        "<!-- setelah-tabel -->", KALIMAT + "\n\n<!-- setelah-tabel -->", 1)
    assert KALIMAT in lap.hasil.data.narasi["bab3_pengantar"].teks
    return lap


def test_narasi_diperbarui_sama_dengan_bab_yang_dijalankan_ulang(laporan, lap_baru, tmp_path, monkeypatch):
    lama = _jalankan(_siap(tmp_path, laporan, "lama.pickle"), tmp_path / "a", BAB, monkeypatch)
    siap_baru = _siap(tmp_path, lap_baru, "baru.pickle")
    dijalankan = _jalankan(siap_baru, tmp_path / "b", BAB, monkeypatch)
    assert lama != dijalankan  # the edit shows

    hasil = perbarui(copy.deepcopy(lama), {"narasi/bab3_pengantar.md"}, siap_baru, tmp_path / "a")
    assert hasil is not None
    assert _keluaran(hasil) == _keluaran(dijalankan)  # every output and every record, as the run left them
    assert KALIMAT in hasil.cells[0].outputs[0]["data"]["text/markdown"]
    assert hasil.cells[1].outputs == lama.cells[1].outputs  # the table did not read the prose: untouched


def test_bagian_lain_yang_membaca_narasi_itu_dijalankan(laporan, lap_baru, tmp_path, monkeypatch):
    """An output of a part outside RESEP read the changed file (every IKU's prose): only a run can say."""
    lama = _jalankan(_siap(tmp_path, laporan, "lama.pickle"), tmp_path / "a", [("analisis_iku",)], monkeypatch)
    kode = laporan.hasil.kinerja[0].kode
    assert perbarui(lama, {f"narasi/iku/{kode}.md"}, _siap(tmp_path, lap_baru, "baru.pickle"), tmp_path / "a") is None


def test_keluaran_tanpa_catatan_atau_panggilan_gagal_dijalankan(laporan, lap_baru, tmp_path, monkeypatch):
    siap_lama = _siap(tmp_path, laporan, "lama.pickle")
    siap_baru = _siap(tmp_path, lap_baru, "baru.pickle")
    berubah = {"narasi/bab3_pengantar.md"}
    # a printed output: nothing says what it followed from
    lama = _jalankan(siap_lama, tmp_path / "a", BAB, monkeypatch)
    lama.cells[1].outputs.append(nbformat.v4.new_output("stream", name="stdout", text="tercetak\n"))
    assert perbarui(lama, berubah, siap_baru, tmp_path / "a") is None
    # a record of older code (no "baca")
    lama = _jalankan(siap_lama, tmp_path / "a", BAB, monkeypatch)
    del lama.cells[3].outputs[0]["metadata"][CATATAN]["baca"]
    assert perbarui(lama, berubah, siap_baru, tmp_path / "a") is None
    # the part the output showed is gone from the edited file: the run will report it
    tanpa_bagian = copy.deepcopy(lap_baru)
    narasi = tanpa_bagian.hasil.data.narasi["bab3_pengantar"]
    narasi.teks = narasi.teks.replace("<!-- setelah-tabel -->", "")
    lama = _jalankan(siap_lama, tmp_path / "a", BAB, monkeypatch)
    assert perbarui(lama, berubah, _siap(tmp_path, tanpa_bagian, "c.pickle"), tmp_path / "a") is None
    # a call not in RESEP recorded as its recipe (a cache written by hand)
    lama = _jalankan(siap_lama, tmp_path / "a", BAB, monkeypatch)
    lama.cells[0].outputs[0]["metadata"][CATATAN]["resep"] = ["analisis_iku"]
    assert perbarui(lama, berubah, siap_baru, tmp_path / "a") is None


def test_gambar_narasi_ikut_diperbarui(laporan, tmp_path, monkeypatch):
    """An image the prose no longer shows leaves the chapter's folder and its records; a new one comes."""
    tahun = tmp_path / "tahun"
    (tahun / "gambar").mkdir(parents=True)
    (tahun / "gambar" / "peta.png").write_bytes(b"\x89PNG\r\n\x1a\npeta")
    (tahun / "gambar" / "kantor.png").write_bytes(b"\x89PNG\r\n\x1a\nkantor")

    def dengan_gambar(nama_gambar: str):
        lap = copy.deepcopy(laporan)
        lap.hasil.data.folder = tahun
        narasi = lap.hasil.data.narasi["bab1_kedudukan"]
        narasi.teks = narasi.teks.rstrip("\n") + f"\n\n![Gambar](gambar/{nama_gambar})\n"
        return lap

    panggilan = [("narasi", "bab1_kedudukan"), ("narasi", "bab3_pengantar")]
    lama = _jalankan(_siap(tmp_path, dengan_gambar("peta.png"), "lama.pickle"), tmp_path / "a", panggilan,
                     monkeypatch)
    assert (tmp_path / "a" / "gambar-narasi" / "gambar" / "peta.png").is_file()
    siap_baru = _siap(tmp_path, dengan_gambar("kantor.png"), "baru.pickle")
    dijalankan = _jalankan(siap_baru, tmp_path / "b", panggilan, monkeypatch)

    hasil = perbarui(copy.deepcopy(lama), {"narasi/bab1_kedudukan.md"}, siap_baru, tmp_path / "a")
    assert _keluaran(hasil) == _keluaran(dijalankan)
    assert hasil.cells[0].outputs[0]["metadata"][CATATAN]["berkas"] == ["gambar-narasi/gambar/kantor.png"]
    assert not (tmp_path / "a" / "gambar-narasi" / "gambar" / "peta.png").exists()
    assert (tmp_path / "a" / "gambar-narasi" / "gambar" / "kantor.png").read_bytes().endswith(b"kantor")
