"""The hostile-input corpus (tests/korpus.py): every bad input gives exit 2 and one clear line in
Bahasa Indonesia naming the file and the place, never a traceback or exit 3, nothing written into
data/; acceptable variants give the same figures. Then the readers fuzzed: whatever the bytes, they
only return findings, each one line.

The tally is printed at the end of the module (`-s` not needed): total cases, clear errors,
tracebacks, exit 3, silently accepted, unclear messages.
"""

from __future__ import annotations

import contextlib
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from korpus import BAIK, KASUS, Hasil, jalankan, laporan_hasil

from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.masukan import model
from lkjip_calc.masukan.baca import baca_csv, baca_yaml, validasi_model
from lkjip_calc.masukan.skema import TABEL

_HASIL: dict[str, Hasil] = {}


@pytest.fixture(scope="module", autouse=True)
def tally(request):
    """Print the corpus tally once every case of this module has run (past pytest's capture)."""
    yield
    if not _HASIL:
        return
    teks = laporan_hasil([_HASIL[k.id] for k in KASUS if k.id in _HASIL], rinci=False)
    keluaran = getattr(request.config, "workeroutput", None)
    if keluaran is not None:  # in an xdist worker: the main process prints it (conftest.pytest_testnodedown)
        keluaran.setdefault("ringkasan", []).append(teks)
        return
    tangkap = request.config.pluginmanager.getplugin("capturemanager")
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    with tangkap.global_and_fixture_disabled() if tangkap else contextlib.nullcontext():
        if reporter is not None:
            reporter.write_line("")
            for baris in teks.splitlines():
                reporter.write_line(baris)
        else:
            print(teks)


def test_korpus_cukup_besar():
    """At least 140 bad inputs, spread over every category the issue names."""
    buruk = [k for k in KASUS if not k.sah]
    assert len(buruk) >= 140
    kategori = {k.kategori for k in buruk}
    assert {"sintaks CSV", "penyandian", "jenis dan rentang", "kunci", "rujukan", "sintaks YAML", "penanda narasi",
            "MyST di narasi", "sistem berkas", "buku kerja"} <= kategori
    assert len({k.id for k in KASUS}) == len(KASUS)


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_kasus(kasus, tmp_path):
    hasil = jalankan(kasus, tmp_path)
    _HASIL[kasus.id] = hasil
    assert hasil.status in BAIK, (
        f"{hasil.status}: {hasil.alasan}\n"
        f"baris terdekat: {hasil.baris}\n"
        f"exit {hasil.kode}; keluaran:\n{hasil.keluaran[-3000:]}")


# --- fuzzing the readers ----------------------------------------------------------------------

# Pieces that make the readers' corners likely: quotes, separators, line ends, BOM, NUL and other
# invisible characters, YAML indicators, anchors, tags, dates, huge and odd numbers.
_POTONGAN_CSV = st.sampled_from([
    ",", '"', "\n", "\r\n", "\r", ";", "\t", " ", "\ufeff", "\x00", "\u200b", "\u00a0", "\x1b", "ikm", "2024",
    "-1", "1e400", "nan", "9.500.000", "80,25", "iku", "tahun", "realisasi", "pembilang", "", "\u202e", "é",
])
_POTONGAN_YAML = st.sampled_from([
    "a:", " b: ", "\n", "  ", "- ", "[", "]", "{", "}", "&x ", "*x", "<<: ", "!!python/object:os.system ", "!x ",
    "!!binary AAEC", "2024-13-01", "2025-01", "0o17", "0x1F", "1e400", ".nan", ".inf", "yes", "~", "'", '"', "\t",
    "\x00", "\u200b", "\ufeff", "\x0c", "---\n", "...\n", "? ", "|\n", ">-\n", "#", "%YAML 1.1\n", "kode: ",
    "iku: ", "penyebab:\n", "é",
])


def _teks(potongan) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=300), st.lists(potongan, max_size=60).map("".join))


def _bita(potongan) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=300), _teks(potongan).map(lambda t: t.encode("utf-8")),
                     _teks(potongan).map(lambda t: t.encode("utf-16")))


def _satu_baris(temuan: DaftarTemuan) -> None:
    """Every finding is one line without raw control characters, naming its file."""
    for t in temuan.daftar:
        teks = str(t)
        assert "\n" not in teks and "\r" not in teks, teks
        assert not any(ord(c) < 32 or c in "\x7f\u200b\ufeff\u202e" for c in teks), repr(teks)
        assert t.berkas


@pytest.fixture(scope="module")
def folder_fuzz(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _baca_csv(folder: Path, isi: bytes, nama: str, draf: bool) -> DaftarTemuan:
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / nama
        path.write_bytes(isi)
        kolom, kunci = TABEL[nama]
        temuan = DaftarTemuan()
        assert isinstance(baca_csv(path, kolom, temuan, kunci, draf=draf), list)
        return temuan


def _baca_yaml(folder: Path, teks: str, nama_model: str) -> DaftarTemuan:
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "berkas.yaml"
        path.write_text(teks, encoding="utf-8")
        temuan = DaftarTemuan()
        berkas = baca_yaml(path, temuan)
        if berkas is not None:
            validasi_model(berkas, getattr(model, nama_model), temuan)
        return temuan


CSV_ACAK = dict(isi=_bita(_POTONGAN_CSV), nama=st.sampled_from(sorted(TABEL)), draf=st.booleans())
YAML_ACAK = dict(teks=_teks(_POTONGAN_YAML), nama_model=st.sampled_from(
    ["Unit", "Pengaturan", "Renstra", "Analisis", "Sumber", "SkalaModel", "Organisasi"]))


@_FUZZ
@given(**CSV_ACAK)
def test_fuzz_csv_tanpa_pengecualian(folder_fuzz, isi, nama, draf):
    """Any bytes as a known CSV table: the reader returns rows and findings, never raises."""
    _baca_csv(folder_fuzz, isi, nama, draf)


@_FUZZ
@given(**CSV_ACAK)
def test_fuzz_csv_pesan_satu_baris(folder_fuzz, isi, nama, draf):
    """...and each finding is one clean line (an invisible character by its code point)."""
    _satu_baris(_baca_csv(folder_fuzz, isi, nama, draf))


@_FUZZ
@given(**YAML_ACAK)
def test_fuzz_yaml_tanpa_pengecualian(folder_fuzz, teks, nama_model):
    """Any text as a YAML file, validated against a model: findings only, never an exception."""
    _baca_yaml(folder_fuzz, teks, nama_model)


@_FUZZ
@given(**YAML_ACAK)
def test_fuzz_yaml_pesan_satu_baris(folder_fuzz, teks, nama_model):
    _satu_baris(_baca_yaml(folder_fuzz, teks, nama_model))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(teks=st.text(alphabet=string.printable, max_size=200))
def test_fuzz_yaml_teks_biasa(folder_fuzz, teks):
    """Printable ASCII alone (what an analyst types) never makes the YAML reader raise."""
    _baca_yaml(folder_fuzz, teks, "Pengaturan")
