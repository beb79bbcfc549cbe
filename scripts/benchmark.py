"""Timings of lkjip builds on this machine, each as a ratio to a floor measured in the same run;
prints a table (Markdown, for the README) and asserts nothing.

The floor is what one unit-year cannot do without: one Jupyter kernel that starts and imports the
package, a Jupyter Book build of a one-page book, one xelatex run of a one-page document, each the
median of --ulang runs; so is a cold build (this machine's timings vary by a tenth between runs). Builds
run on a copy of the data (edits never touch data/), as separate `lkjip` processes; peak memory is
the largest sum of the resident memory of lkjip and all its processes, sampled every 50 ms; CPU is the
user and system seconds of lkjip and every process it started (kernels, Sphinx and LaTeX workers), those
it left behind included (the script is their subreaper).

    .venv/bin/python scripts/benchmark.py [--unit kanigaran] [--year 2024] [--ulang 3] [--batch 20]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

PROYEK = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LKJIP = BIN / "lkjip"
DATA_TES = PROYEK / "tests" / "data"


@dataclass
class Ukuran:
    nama: str
    detik: float
    memori_mb: float | None = None
    catatan: str = ""
    cpu: float | None = None

    @classmethod
    def dari(cls, nama: str, jalan: Jalan, catatan: str = "") -> Ukuran:
        return cls(nama, jalan.detik, jalan.memori_mb, catatan, jalan.cpu)


@dataclass
class Jalan:
    """One measured command: wall seconds, peak memory (MB) of its process tree, CPU seconds, output."""

    detik: float
    memori_mb: float
    cpu: float
    keluaran: str


def _cpu_anak() -> float:
    pakai = resource.getrusage(resource.RUSAGE_CHILDREN)
    return pakai.ru_utime + pakai.ru_stime


def _jadi_penuai() -> None:
    """Make this process the subreaper of what it starts (Linux). A process counts in RUSAGE_CHILDREN
    only once waited for; a kernel whose batch worker ended first would be orphaned to init and its
    CPU lost (a batch then measured 5,4 CPU-s per unit-year instead of 7,2). Orphans come here instead,
    and _tuai waits for them."""
    import ctypes

    pr_set_child_subreaper = 36
    if ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0) != 0:
        sys.exit("benchmark: prctl(PR_SET_CHILD_SUBREAPER) gagal; CPU proses yatim tidak dapat dihitung")


def _tuai(batas: float = 30.0) -> None:
    """Wait for every orphan left by the command just measured (they die with their parents)."""
    akhir = time.monotonic() + batas
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:
            if time.monotonic() > akhir:
                sys.exit(f"benchmark: proses sisa masih berjalan setelah {batas:.0f} detik; CPU-nya tidak terhitung")
            time.sleep(0.02)


def _ukur_proses(perintah: list[str], cwd: Path = PROYEK) -> Jalan:
    """The command run to its end and measured; fails loudly."""
    cpu = _cpu_anak()
    mulai = time.perf_counter()
    proses = psutil.Popen(perintah, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    puncak = [0]
    selesai = threading.Event()

    def sampel():
        while not selesai.is_set():
            try:
                semua = [proses, *proses.children(recursive=True)]
                puncak[0] = max(puncak[0], sum(p.memory_info().rss for p in semua if p.is_running()))
            except psutil.Error:
                pass
            selesai.wait(0.05)

    utas = threading.Thread(target=sampel, daemon=True)
    utas.start()
    keluaran, _ = proses.communicate()
    detik = time.perf_counter() - mulai
    selesai.set()
    utas.join()
    if proses.returncode != 0:
        sys.exit(f"GAGAL ({proses.returncode}): {' '.join(perintah)}\n{keluaran[-3000:]}")
    _tuai()
    return Jalan(detik, puncak[0] / 2**20, _cpu_anak() - cpu, keluaran)


def _median(fungsi, ulang: int) -> float:
    return statistics.median(fungsi() for _ in range(ulang))


# --- the floor --------------------------------------------------------------------------------

def lantai_kernel() -> float:
    """A kernel started and the package imported in it (what every chapter needs first)."""
    kode = textwrap.dedent("""
        import time
        from jupyter_client.manager import start_new_kernel
        mulai = time.perf_counter()
        km, kc = start_new_kernel(kernel_name="python3")
        balasan = kc.execute_interactive("import lkjip_calc.laporan.buku", timeout=120)
        assert balasan["content"]["status"] == "ok", balasan
        print(time.perf_counter() - mulai)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    """)
    hasil = subprocess.run([sys.executable, "-c", kode], cwd=PROYEK, capture_output=True, text=True, check=True)
    return float(hasil.stdout.strip().splitlines()[-1])


def lantai_jupyter_book(tmp: Path) -> float:
    buku = tmp / "satu-halaman"
    shutil.rmtree(buku, ignore_errors=True)
    buku.mkdir(parents=True)
    (buku / "_config.yml").write_text("title: Lantai\nexecute:\n  execute_notebooks: 'off'\n", encoding="utf-8")
    (buku / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (buku / "index.md").write_text("# Satu halaman\n\nIsi.\n", encoding="utf-8")
    return _ukur_proses([str(BIN / "jupyter-book"), "build", str(buku), "--builder", "html", "--all"]).detik


def lantai_xelatex(tmp: Path) -> float:
    folder = tmp / "xelatex"
    folder.mkdir(exist_ok=True)
    (folder / "satu.tex").write_text("\\documentclass{article}\\begin{document}Satu halaman.\\end{document}\n",
                                     encoding="utf-8")
    return _ukur_proses(["xelatex", "-interaction=batchmode", "satu.tex"], cwd=folder).detik


# --- builds -------------------------------------------------------------------------------------

def _build(data: Path, keluaran: Path, *opsi: str) -> Jalan:
    if not _BISA_BERSIH:  # an lkjip from before cached builds: every build is cold anyway
        opsi = tuple(o for o in opsi if o != "--bersih")
    return _ukur_proses([str(LKJIP), "build", *opsi, "--data", str(data), "--out", str(keluaran)])


_BANTUAN = subprocess.run([str(LKJIP), "build", "--help"], capture_output=True, text=True).stdout
_BISA_BERSIH = "--bersih" in _BANTUAN


def _dingin(nama: str, ulang: int, data: Path, keluaran: Path, *opsi: str) -> Ukuran:
    """A cold build (--bersih) `ulang` times into the same folder, as the floor is measured: the median
    seconds and CPU, the largest peak memory, and the runs in the notes. The last build stays for the rows after."""
    hasil = [_build(data, keluaran, *opsi, "--bersih") for _ in range(ulang)]
    detik = [h.detik for h in hasil]
    return Ukuran(nama, statistics.median(detik), max(h.memori_mb for h in hasil),
                  f"median dari {ulang}: " + ", ".join(f"{x:.1f}" for x in detik),
                  statistics.median(h.cpu for h in hasil))


def _sunting_prosa(data: Path, unit: str, tahun: str, kali: int) -> None:
    path = data / unit / tahun / "narasi" / "bab3_pengantar.md"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f" Kalimat suntingan ke-{kali}.\n",
                    encoding="utf-8")


def _sunting_angka(data: Path, unit: str, tahun: str) -> None:
    """The year's first realisasi in realisasi_iku.csv raised by one: its capaian, tables and charts change."""
    path = data / unit / tahun / "realisasi_iku.csv"
    baris = path.read_text(encoding="utf-8").splitlines()
    kolom = baris[0].split(",")
    i, j = kolom.index("realisasi"), kolom.index("tahun")
    n = next(n for n, b in enumerate(baris[1:], start=1) if b.split(",")[j] == tahun)
    sel = baris[n].split(",")
    sel[i] = str(float(sel[i]) + 1).removesuffix(".0")
    baris[n] = ",".join(sel)
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")


def _data_batch(tujuan: Path, jumlah: int) -> Path:
    """`jumlah` unit-years from the example units, each under a unit code of its own."""
    contoh = [(PROYEK / "data", "kanigaran"), (DATA_TES, "sumberrejo"), (DATA_TES, "diskominfo-wirasari")]
    tujuan.mkdir(parents=True)
    for akar in {a for a, _ in contoh}:
        for skala in (akar / "skala",):
            if skala.is_dir():
                shutil.copytree(skala, tujuan / "skala", dirs_exist_ok=True)
    for i in range(jumlah):
        akar, unit = contoh[i % len(contoh)]
        kode = f"{unit}-{i // len(contoh) + 1:02d}"
        shutil.copytree(akar / unit, tujuan / kode)
        for berkas in (tujuan / kode).glob("*/unit.yaml"):  # a unit's code is its folder's name
            teks = berkas.read_text(encoding="utf-8")
            berkas.write_text(re.sub(rf"(?m)^kode: {re.escape(unit)}$", f"kode: {kode}", teks), encoding="utf-8")
    return tujuan


def _batch(a, tmp: Path, hasil: list, dingin: Ukuran) -> None:
    """`build --all` of `a.batch` unit-years: with --jobs 2, and on a local Dask cluster of two workers.
    Beside the ratio to one cold unit-year, the CPU one unit-year costs in the batch against a cold build's."""
    if "--jobs" not in _BANTUAN:  # an lkjip from before batch builds
        return
    batch = _data_batch(tmp / "batch", a.batch)
    for nama, opsi in ((f"{a.batch} unit-tahun, --jobs 2", ["--jobs", "2"]),
                       (f"{a.batch} unit-tahun, --dask lokal --jobs 2", ["--dask", "lokal", "--jobs", "2"])):
        j = _build(batch, tmp / f"batch-{len(hasil)}", "--all", *opsi)
        per_unit = j.cpu / a.batch
        hasil.append(Ukuran.dari(nama, j, f"{j.detik / dingin.detik:.1f}x satu unit-tahun dingin; CPU "
                                 f"{per_unit:.1f} s per unit-tahun = {per_unit / dingin.cpu:.0%} CPU build dingin"))


class _Tabel(list):
    """The rows, each printed (Markdown) as soon as it is measured: a failure later loses none."""

    lantai: float | None = None

    def append(self, u: Ukuran) -> None:
        super().append(u)
        if u.nama == "lantai (jumlah)":
            self.lantai = u.detik
            print(f"Mesin: {psutil.cpu_count()} inti, {psutil.virtual_memory().total / 2**30:.0f} GB; "
                  f"Python {sys.version.split()[0]}\n")
            print("| langkah | detik | x lantai | CPU (detik) | memori puncak (MB) | catatan |")
            print("|---|---:|---:|---:|---:|---|")
            for lain in self:
                self._cetak(lain)
        elif self.lantai is not None:
            self._cetak(u)

    def _cetak(self, u: Ukuran) -> None:
        memori = f"{u.memori_mb:.0f}" if u.memori_mb is not None else ""
        cpu = f"{u.cpu:.1f}" if u.cpu is not None else ""
        print(f"| {u.nama} | {u.detik:.1f} | {u.detik / self.lantai:.2f} | {cpu} | {memori} | {u.catatan} |",
              flush=True)

    def __iadd__(self, lain):
        for u in lain:
            self.append(u)
        return self


def main() -> None:
    p = argparse.ArgumentParser(description="Ukur waktu build lkjip terhadap lantai yang diukur pada jalan yang sama.")
    p.add_argument("--unit", default="kanigaran")
    p.add_argument("--year", default="2024")
    p.add_argument("--ulang", type=int, default=3,
                   help="berapa kali komponen lantai dan build dingin diulang (median)")
    p.add_argument("--batch", type=int, default=20, help="jumlah unit-tahun untuk build --all")
    p.add_argument("--tanpa-batch", action="store_true", help="lewati build --all (paling lama)")
    p.add_argument("--batch-saja", action="store_true", help="hanya lantai dan build --all")
    a = p.parse_args()
    _jadi_penuai()
    # as an installed package is (make bytecode): not each process compiling lkjip_calc again
    compileall.compile_dir(PROYEK / "lkjip_calc", quiet=1)
    hasil = _Tabel()
    with tempfile.TemporaryDirectory(prefix="lkjip-benchmark-") as t:
        tmp = Path(t)
        kernel = _median(lantai_kernel, a.ulang)
        jb = _median(lambda: lantai_jupyter_book(tmp), a.ulang)
        tex = _median(lambda: lantai_xelatex(tmp), a.ulang)
        lantai = kernel + jb + tex
        hasil += [Ukuran("lantai: kernel + impor paket", kernel), Ukuran("lantai: Jupyter Book, buku satu halaman", jb),
                  Ukuran("lantai: satu xelatex, satu halaman", tex), Ukuran("lantai (jumlah)", lantai)]

        data = tmp / "data"
        shutil.copytree(PROYEK / "data", data)
        dingin = None
        if a.batch_saja:
            dingin = _dingin("build dingin, HTML + PDF", a.ulang, data, tmp / "satu", "--unit", a.unit, "--year", a.year)
            hasil.append(dingin)
        pilih = ["--unit", a.unit, "--year", a.year]
        html, penuh = tmp / "html", tmp / "penuh"
        if a.batch_saja:
            _batch(a, tmp, hasil, dingin)
            return
        hasil.append(_dingin("build dingin, HTML", a.ulang, data, html, *pilih, "--html-only"))
        dingin = _dingin("build dingin, HTML + PDF", a.ulang, data, penuh, *pilih)
        hasil.append(dingin)
        j = _build(data, penuh, *pilih)
        tanpa_bab = "Tidak ada yang berubah" in j.keluaran
        hasil.append(Ukuran.dari("build ulang tanpa perubahan (HTML + PDF)", j,
                                 "tanpa bab dijalankan" if tanpa_bab else "ADA YANG DIJALANKAN"))
        _sunting_prosa(data, a.unit, a.year, 1)
        j = _build(data, html, *pilih, "--html-only")
        hasil.append(Ukuran.dari("satu kalimat narasi disunting, HTML", j))
        _sunting_prosa(data, a.unit, a.year, 2)
        j = _build(data, penuh, *pilih)
        hasil.append(Ukuran.dari("satu kalimat narasi disunting, HTML + PDF", j))
        _sunting_angka(data, a.unit, a.year)
        j = _build(data, penuh, *pilih)
        hasil.append(Ukuran.dari("satu angka realisasi (grafik) disunting, HTML + PDF", j))

        try:
            from lkjip_calc.terbit.pratinjau import pratinjau_berjalan, ukur_latensi
        except ImportError:  # an lkjip from before the preview
            pratinjau_berjalan = None
        if pratinjau_berjalan is not None:
            berkas = data / a.unit / a.year / "narasi" / "bab3_pengantar.md"
            with pratinjau_berjalan(data, a.unit, int(a.year), tmp / "pratinjau", PROYEK) as (alamat, _):
                latensi = [ukur_latensi(alamat, "chapters/bab3.html", berkas, f"suntingan ke-{n}.",
                                        f"suntingan ke-{n + 1}.") for n in (2, 3, 4)]
            hasil.append(Ukuran("pratinjau: simpan satu kalimat sampai halaman dimuat ulang (median dari 3)",
                                statistics.median(latensi), None, ", ".join(f"{x:.1f}" for x in latensi)))

        if not a.tanpa_batch:
            _batch(a, tmp, hasil, dingin)



if __name__ == "__main__":
    main()
