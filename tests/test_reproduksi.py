"""Same inputs, same bytes: the XLSX and the published notebooks do not carry the clock, a build
is dated by SOURCE_DATE_EPOCH (or its newest input), two builds into other folders give the same
site, PDF and downloads byte for byte, and manifest.json names every input and output with its
sha256."""

from __future__ import annotations

import copy
import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import nbformat
import openpyxl.writer.excel
import pytest
from bantu import AKAR_PROYEK, DATA, LKJIP, perlu
from unit_mini import TAHUN, UNIT

from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit import manifest, reproduksi
from lkjip_calc.terbit.bangun import BuildGagal, bangun
from lkjip_calc.terbit.tabel_xlsx import TabelCetak, baca_halaman, tulis_xlsx

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pohon(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- SOURCE_DATE_EPOCH ----------------------------------------------------------------------


def test_epoch_dari_variabel_atau_berkas_terbaru(tmp_path, monkeypatch):
    a, b = tmp_path / "a.csv", tmp_path / "b.yaml"
    a.write_text("x\n")
    b.write_text("y\n")
    os.utime(a, (1_600_000_000, 1_600_000_000))
    os.utime(b, (1_650_000_000.7, 1_650_000_000.7))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reproduksi.epoch_sumber([a, b]) == 1_650_000_000
    assert reproduksi.epoch_sumber([]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert reproduksi.epoch_sumber([a, b]) == EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "kemarin")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='kemarin' tidak sah"):
        reproduksi.epoch_sumber([a])


# --- XLSX -----------------------------------------------------------------------------------


class _JamLain(datetime.datetime):
    """A clock three years on, as openpyxl reads it."""

    @classmethod
    def now(cls, tz=None):
        return datetime.datetime(2026, 11, 17, 8, 9, 11, tzinfo=tz)


def _tabel_contoh() -> list[TabelCetak]:
    return baca_halaman('<table><caption><span class="caption-number">Tabel 3.1 </span><span class="caption-text">'
                        'Realisasi</span></caption><thead><tr><th><p>Pagu (Rp)</p></th></tr></thead>'
                        '<tbody><tr><td><p>14.959.915.882</p></td></tr></tbody></table>')


def test_xlsx_sama_walau_jam_berbeda(tmp_path, monkeypatch):
    tabel = _tabel_contoh()
    pertama, kedua = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    tulis_xlsx(tabel, "Tabel", pertama, EPOCH)
    # Another clock for openpyxl (docProps/core.xml) and for zipfile (entry dates).
    monkeypatch.setattr(openpyxl.writer.excel.datetime, "datetime", _JamLain)
    monkeypatch.setattr(time, "time", lambda: 1_795_000_000.0)
    polos = io.BytesIO()
    openpyxl.Workbook().save(polos)  # the clock is really another one: plain openpyxl shows it
    with zipfile.ZipFile(polos) as z:
        assert b"2026-11-17T08:09:11Z" in z.read("docProps/core.xml")
        assert z.getinfo("docProps/core.xml").date_time[0] == time.localtime(time.time()).tm_year
    tulis_xlsx(tabel, "Tabel", kedua, EPOCH)
    assert pertama.read_bytes() == kedua.read_bytes()
    with zipfile.ZipFile(kedua) as z:
        core = z.read("docProps/core.xml").decode()
        assert "<dcterms:created" in core and core.count("2023-11-14T22:13:20Z") == 2
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert z.namelist()[0] == "docProps/app.xml"  # openpyxl's order is kept
    monkeypatch.undo()
    tulis_xlsx(tabel, "Tabel", kedua, EPOCH + 1)  # a different date is a different file
    assert pertama.read_bytes() != kedua.read_bytes()


def test_zip_tetap_sebelum_1980_dan_idempoten():
    polos = io.BytesIO()
    with zipfile.ZipFile(polos, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("b.txt", "dua")
        z.writestr("a.txt", "satu")
    sekali = reproduksi.zip_tetap(polos.getvalue(), 0)
    assert reproduksi.zip_tetap(sekali, 0) == sekali
    with zipfile.ZipFile(io.BytesIO(sekali)) as z:
        assert z.namelist() == ["b.txt", "a.txt"]
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}
        assert z.read("a.txt") == b"satu"


# --- notebooks ------------------------------------------------------------------------------


def _hasil_papermill(mulai: str, id_acak: str, staging: str, data: str):
    """An executed notebook as papermill leaves it, at time `mulai`, from `staging`, with data at `data`."""
    nb = nbformat.v4.new_notebook()
    waktu = {"duration": 0.5, "start_time": mulai, "end_time": mulai, "exception": False, "status": "completed"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Pendahuluan", id=f"{id_acak}1"),
        nbformat.v4.new_code_cell("unit = None\ndata = None", id=f"{id_acak}2",
                                  metadata={"tags": ["parameters", "remove-cell"], "papermill": dict(waktu)}),
        nbformat.v4.new_code_cell(f'# Parameters\nunit = "kanigaran"\ndata = "{data}"\n', id=f"{id_acak}3",
                                  metadata={"tags": ["injected-parameters", "remove-cell"], "papermill": dict(waktu),
                                            "execution": {"iopub.execute_input": mulai, "shell.execute_reply": mulai}}),
        nbformat.v4.new_code_cell("buku.tabel('x')", id=f"{id_acak}4", execution_count=3,
                                  outputs=[nbformat.v4.new_output("display_data", {"text/plain": "tabel"})],
                                  metadata={"papermill": dict(waktu), "execution": {"iopub.status.idle": mulai}}),
    ]
    nb.metadata["papermill"] = {
        "duration": 4.2, "start_time": mulai, "end_time": mulai, "exception": None, "version": "2.7.0",
        "input_path": f"{staging}/chapters/.bab1.masuk.ipynb", "output_path": f"{staging}/chapters/bab1.ipynb",
        "parameters": {"unit": "kanigaran", "data": data}, "default_parameters": {}, "environment_variables": {}}
    return nb


def test_notebook_terbit_tanpa_jam_id_acak_dan_path():
    satu = _hasil_papermill("2024-01-01T10:00:00Z", "a1b2c3", "/tmp/x/.staging-1", "/home/analis/lkjip/data")
    dua = _hasil_papermill("2026-07-07T23:59:59Z", "ffee00", "/srv/out/.staging-2", "/builds/lkjip/data")
    reproduksi.normalkan_notebook(satu, "bab1", {"/home/analis/lkjip/data": "data"})
    reproduksi.normalkan_notebook(dua, "bab1", {"/builds/lkjip/data": "data"})
    assert nbformat.writes(satu) == nbformat.writes(dua)
    nbformat.validate(satu)
    teks = nbformat.writes(satu)
    for tidak_ada in ("2024-01-01", "duration", "start_time", "staging", "/home/analis", "iopub", "a1b2c3"):
        assert tidak_ada not in teks, tidak_ada
    assert [s.id for s in satu.cells] == ["bab1-0", "bab1-1", "bab1-2", "bab1-3"]
    assert satu.cells[2].source == '# Parameters\nunit = "kanigaran"\ndata = "data"\n'
    assert satu.metadata.papermill == {"exception": None, "version": "2.7.0", "default_parameters": {},
                                       "environment_variables": {}, "parameters": {"unit": "kanigaran", "data": "data"}}
    assert satu.cells[3].metadata == {"papermill": {"exception": False, "status": "completed"}}
    assert satu.cells[3].outputs[0].data == {"text/plain": "tabel"}  # what the reader sees is untouched
    sekali = copy.deepcopy(satu)
    reproduksi.normalkan_notebook(satu, "bab1", {"data": "data"})
    assert satu == sekali


def test_label_data(tmp_path):
    assert reproduksi.label_data(tmp_path / "proyek" / "data", tmp_path / "proyek") == "data"
    assert reproduksi.label_data(tmp_path / "proyek" / "a" / "data2", tmp_path / "proyek") == "a/data2"
    assert reproduksi.label_data(tmp_path / "lain" / "dataku", tmp_path / "proyek") == "dataku"


# --- manifest.json (without a build) ----------------------------------------------------------


def _proyek_salinan(tujuan: Path) -> Path:
    """The book's files outside any git repository."""
    for nama in ("_config.yml", "_toc.yml"):
        shutil.copy2(AKAR_PROYEK / nama, tujuan / nama)
    for nama in ("chapters", "_static", "_tema"):
        shutil.copytree(AKAR_PROYEK / nama, tujuan / nama)
    return tujuan


def test_manifest_tanpa_git_dan_tetap(akar, tmp_path):
    lap = siapkan(akar, UNIT, TAHUN)
    proyek = _proyek_salinan(tmp_path)
    tujuan = tmp_path / "keluar"
    (tujuan / ".html.123" / "_sources").mkdir(parents=True)
    (tujuan / ".html.123" / "index.html").write_text("<p>halo</p>")
    (tujuan / ".html.123" / ".buildinfo").write_text("config: 1")
    (tujuan / ".html.123" / "_sources" / "bab1.ipynb").write_text("{}")
    (tujuan / "html").symlink_to(".html.123")  # published as terbitkan_folder does
    (tujuan / "lkjip.pdf").write_bytes(b"%PDF-1.5")
    masukan = manifest.berkas_masukan(lap.hasil.data, proyek)
    args = (lap, masukan, proyek, {"html": tujuan / "html", "lkjip.pdf": tujuan / "lkjip.pdf"}, EPOCH, True, False)
    teks = manifest.teks_manifest(manifest.isi_manifest(*args))
    assert manifest.teks_manifest(manifest.isi_manifest(*args)) == teks
    isi = json.loads(teks)
    assert teks == json.dumps(isi, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert isi["lkjip"]["git"] is None
    assert isi["alat"]["tex"] is None  # an HTML-only build ran no TeX
    assert isi["source_date_epoch"] == EPOCH
    assert [k["path"] for k in isi["keluaran"]] == ["html/.buildinfo", "html/_sources/bab1.ipynb", "html/index.html",
                                                    "lkjip.pdf"]
    assert {k["path"] for k in isi["masukan"]["data"]} == (
        {p.relative_to(akar).as_posix() for p in (akar / UNIT / str(TAHUN)).rglob("*") if p.is_file()}
        | {f"skala/{lap.hasil.data.skala_kode}.yaml"})
    for bagian, dasar in (("data", akar), ("proyek", proyek)):
        for b in isi["masukan"][bagian]:
            assert b["sha256"] == _sha(dasar / b["path"]), b
    assert str(tmp_path) not in teks


def test_manifest_melewati_berkas_tersembunyi(akar, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(akar, data)
    (data / UNIT / str(TAHUN) / ".cadangan" / "20240101").mkdir(parents=True)
    (data / UNIT / str(TAHUN) / ".cadangan" / "20240101" / "anggaran.csv").write_text("lama\n")
    (data / UNIT / str(TAHUN) / ".~lock.anggaran.csv#").write_text("kunci\n")
    nama = manifest.berkas_data(siapkan(data, UNIT, TAHUN).hasil.data)
    assert nama and not any("/." in n for n in nama)


# --- builds ---------------------------------------------------------------------------------


def _masukan_dan_keluaran_benar(buku, unit: str, tahun: int) -> dict:
    tujuan = buku.tahun(unit, tahun)
    isi = json.loads((tujuan / "manifest.json").read_text(encoding="utf-8"))
    assert (isi["unit"], isi["tahun"]) == (unit, tahun)
    data = {b["path"]: b["sha256"] for b in isi["masukan"]["data"]}
    folder = buku.akar / unit / str(tahun)
    harapan = {p.relative_to(buku.akar).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(data) - harapan == {f"skala/{siapkan(buku.akar, unit, tahun, draf=True).hasil.data.skala_kode}.yaml"}
    assert harapan <= set(data)
    for path, sha in data.items():
        assert sha == _sha(buku.akar / path), path
    proyek = {b["path"]: b["sha256"] for b in isi["masukan"]["proyek"]}
    assert {"_config.yml", "_toc.yml", "chapters/bab1.md", "chapters/sampul.md", "_static/lkjip.js"} <= set(proyek)
    for path, sha in proyek.items():
        assert sha == _sha(AKAR_PROYEK / path), path
    keluaran = {b["path"]: b["sha256"] for b in isi["keluaran"]}
    pdf = f"lkjip-{unit}-{tahun}.pdf"
    harapan = {f"html/{p}" for p in _pohon(tujuan / "html")} | {pdf, f"lkjip-{unit}-{tahun}.docx"}
    assert set(keluaran) == harapan
    for path, sha in keluaran.items():
        assert sha == _sha(tujuan / path), path
    assert isi["alat"]["tex"].startswith("XeTeX")
    assert isi["alat"]["sphinx"] and isi["alat"]["jupyter-book"] and isi["alat"]["papermill"]
    assert isi["alat"]["pypandoc-binary"] and isi["alat"]["python-docx"]  # what made the DOCX
    return isi


@pytest.mark.buku
def test_manifest_setiap_build(buku_semua):
    for unit, tahun in (("kanigaran", 2024), ("sumberrejo", 2024), ("sumberrejo", 2025)):
        isi = _masukan_dan_keluaran_benar(buku_semua, unit, tahun)
        assert isi["draf"] == (tahun == 2025)
    # Without SOURCE_DATE_EPOCH (the shared build sets none), the date is the newest input's.
    isi = json.loads((buku_semua.tahun("kanigaran", 2024) / "manifest.json").read_text(encoding="utf-8"))
    masukan = manifest.berkas_masukan(siapkan(buku_semua.akar, "kanigaran", 2024).hasil.data, AKAR_PROYEK)
    assert isi["source_date_epoch"] == int(os.environ.get("SOURCE_DATE_EPOCH")
                                           or max(p.stat().st_mtime for p in masukan.semua()))
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=AKAR_PROYEK, capture_output=True, text=True)
    if commit.returncode == 0:
        assert isi["lkjip"]["git"]["commit"] == commit.stdout.strip()


@pytest.mark.buku
def test_build_ulang_sama_byte_demi_byte(buku_semua, tmp_path):
    """Kanigaran 2024 again, from a copy of its data elsewhere, into another output folder, with the
    shared build's date as SOURCE_DATE_EPOCH: the site (sources, search index, images, downloads
    CSV and XLSX), the PDF and the manifest are the same bytes."""
    perlu("xelatex", "latexmk")
    akar = tmp_path / "salinan" / "data"
    for nama in ("kanigaran", "skala"):
        shutil.copytree(buku_semua.akar / nama, akar / nama)  # dates kept, like a checkout of one commit
    lama = buku_semua.tahun("kanigaran", 2024)
    epoch = json.loads((lama / "manifest.json").read_text(encoding="utf-8"))["source_date_epoch"]
    keluaran = tmp_path / "lain" / "build"
    proses = subprocess.run([str(LKJIP), "build", "--all", "--draft", "--strict", "--data", str(akar),
                             "--out", str(keluaran)], cwd=AKAR_PROYEK, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
    assert proses.returncode == 0, proses.stdout + proses.stderr
    baru = keluaran / "kanigaran" / "2024"
    pohon_lama, pohon_baru = _pohon(lama / "html"), _pohon(baru / "html")
    assert sorted(pohon_baru) == sorted(pohon_lama)
    beda = [p for p in pohon_lama if pohon_lama[p] != pohon_baru[p]]
    assert not beda
    assert any(p.endswith(".xlsx") for p in pohon_baru) and any(p.endswith("kinerja.csv") for p in pohon_baru)
    assert any(p.startswith("_sources/") and p.endswith(".ipynb") for p in pohon_baru)
    assert "searchindex.js" in pohon_baru and any(p.startswith("_images/") for p in pohon_baru)
    for nama in ("lkjip-kanigaran-2024.pdf", "lkjip-kanigaran-2024.docx", "manifest.json"):
        assert (baru / nama).read_bytes() == (lama / nama).read_bytes(), nama
    # No path of the machine or of a build folder in what is published.
    for isi in pohon_baru.values():
        for path in (str(keluaran), str(akar), str(buku_semua.keluaran), ".staging"):
            assert path.encode() not in isi


def test_epoch_tidak_sah_gagal_sebelum_staging(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2024-01-01")
    with pytest.raises(BuildGagal, match=r"SOURCE_DATE_EPOCH='2024-01-01' tidak sah.*langkah: tanggal build"):
        bangun(siapkan(DATA, "kanigaran", 2024), AKAR_PROYEK, tmp_path / "build", html_saja=True)
    assert not (tmp_path / "build").exists()
