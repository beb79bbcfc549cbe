"""Builds never break what is published: each stages in a folder of its own, builds of one output
take turns through a lock, the site is switched in one step (a SIGKILL at any moment, a full disk
or a failed copy leaves a complete old or new site), and Ctrl-C, SIGTERM or SIGKILL leave no
process, no traceback and no staging folder behind.

The fast tests publish small folders through the real functions; the `buku` ones run real
`lkjip build --html-only` of Kanigaran 2024 (two at once, then a few that are stopped or killed)."""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bantu import AKAR_PROYEK, DATA, LKJIP, sidik

from lkjip_calc.dasar import berkas
from lkjip_calc.dasar.proses import Dihentikan, jalankan, sinyal_henti
from lkjip_calc.terbit import bangun as modul_bangun
from lkjip_calc.terbit import situs as modul_situs
from lkjip_calc.terbit.bangun import BuildGagal, HasilBangun

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="perlu Linux (/proc, prctl)")

PESAN_TUNGGU = "Menunggu build lain untuk kanigaran 2024 selesai (kunci: "


# --- checks ------------------------------------------------------------------------------------


def tautan_rusak(html: Path) -> list[str]:
    """What is wrong with the site at `html`: its index.html missing or empty, or a file it links
    (href/src, relative) missing or empty. Empty list: the site is whole."""
    index = html / "index.html"
    if not index.is_file() or index.stat().st_size == 0:
        return [f"{index} tidak ada atau kosong"]
    rusak = []
    for alamat in re.findall(r'(?:href|src)="([^"]*)"', index.read_text(encoding="utf-8")):
        bagian = urlsplit(alamat)
        if bagian.scheme or bagian.netloc or not bagian.path:
            continue  # another site, or a place in this page
        path = (index.parent / unquote(bagian.path)).resolve()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.stat().st_size == 0:
            rusak.append(alamat)
    return rusak


def berkas_kosong(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and p.stat().st_size == 0]


def proses_bertanda(tanda: str) -> list[str]:
    """Processes (other than this one) whose environment carries LKJIP_UJI_TANDA=tanda."""
    cari = f"LKJIP_UJI_TANDA={tanda}".encode()
    ada = []
    for folder in Path("/proc").iterdir():
        if not folder.name.isdigit() or int(folder.name) == os.getpid():
            continue
        try:
            if cari in (folder / "environ").read_bytes().split(b"\0"):
                perintah = (folder / "cmdline").read_bytes().replace(b"\0", b" ")[:100]
                ada.append(f"{folder.name}: {perintah!r}")
        except OSError:  # gone meanwhile, or not ours to read
            pass
    return ada


def tanpa_proses_bertanda(tanda: str, detik: float = 3.0) -> list[str]:
    """Wait up to `detik` for every process with the mark to end; those still there."""
    batas = time.monotonic() + detik
    while (sisa := proses_bertanda(tanda)) and time.monotonic() < batas:
        time.sleep(0.1)
    return sisa


# --- the fast tier: publishing, locking, stopping -----------------------------------------------


def buat_situs(folder: Path, isi: str) -> Path:
    """A small site: index.html linking a stylesheet, a script and a page, each saying `isi`."""
    (folder / "_static").mkdir(parents=True)
    (folder / "chapters").mkdir()
    (folder / "index.html").write_text(f'<link href="_static/gaya.css"><script src="_static/skrip.js"></script>'
                                       f'<a href="chapters/bab1.html">{isi}</a>', encoding="utf-8")
    (folder / "_static" / "gaya.css").write_text(f"/* {isi} */", encoding="utf-8")
    (folder / "_static" / "skrip.js").write_text(f"// {isi}", encoding="utf-8")
    (folder / "chapters" / "bab1.html").write_text(isi, encoding="utf-8")
    return folder


# Publishes `baru` at `tautan`, killing itself (SIGKILL) just before its k-th call of a file
# system step: a crash at each step in turn.
ANAK_JEBAKAN = """
import os, signal, sys
from pathlib import Path
from lkjip_calc.dasar import berkas
k, n = int(sys.argv[3]), [0]
def jebak(asli):
    def langkah(*a, **kw):
        if n[0] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        n[0] += 1
        return asli(*a, **kw)
    return langkah
for nama in ("rename", "replace", "symlink", "unlink", "rmdir", "fsync", "mkdir"):
    setattr(os, nama, jebak(getattr(os, nama)))
berkas.terbitkan_folder(Path(sys.argv[1]), Path(sys.argv[2]))
print("selesai", n[0])
"""


@pytest.mark.buku
def test_sigkill_di_setiap_langkah_terbit(tmp_path):
    tautan = tmp_path / "keluar" / "html"
    berkas.terbitkan_folder(buat_situs(tmp_path / "awal", "lama"), tautan)
    versi = {"lama": sidik(tautan)}
    versi["baru"] = sidik(buat_situs(tmp_path / "contoh", "baru"))
    k = 0
    while True:
        baru = buat_situs(tmp_path / f"baru-{k}", "baru")
        proses = subprocess.run([sys.executable, "-c", ANAK_JEBAKAN, str(baru), str(tautan), str(k)],
                                capture_output=True, text=True)
        assert proses.returncode in (0, -signal.SIGKILL), proses.stderr
        assert not tautan_rusak(tautan), (k, tautan_rusak(tautan))
        assert sidik(tautan) in versi.values(), k  # all of the old version or all of the new
        if proses.returncode == 0:
            break
        k += 1
    assert k >= 5 and sidik(tautan) == versi["baru"]  # killed at each step before the last one finished
    berkas.hapus_sisa(tautan)  # what the next build does, holding the lock
    assert sorted(p.name for p in tautan.parent.iterdir()) == sorted(["html", os.readlink(tautan)])


def enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]) if args else None)


def test_disk_penuh_saat_menyalin_terbitan_lama_utuh(tmp_path, monkeypatch):
    keluar = tmp_path / "keluar"
    html, pdf, info = keluar / "html", keluar / "lkjip.pdf", keluar / "build.json"
    with berkas.terbitkan() as terbitan:
        terbitan.folder(buat_situs(tmp_path / "v1", "lama"), html)
        terbitan.berkas(pdf, b"%PDF lama")
        terbitan.berkas(info, "{}")
    sebelum = sidik(keluar)
    (tmp_path / "pdf-baru").write_bytes(b"%PDF baru" * 1000)

    def setengah(sumber, tujuan, **kwargs):  # half the file written, then the disk is full
        Path(tujuan).write_bytes(Path(sumber).read_bytes()[:10])
        enospc(tujuan)

    monkeypatch.setattr(shutil, "copyfile", setengah)
    with pytest.raises(OSError) as galat:
        with berkas.terbitkan() as terbitan:
            terbitan.folder(buat_situs(tmp_path / "v2", "baru"), html)
            terbitan.salinan(tmp_path / "pdf-baru", pdf)
            terbitan.berkas(info, '{"baru": true}')
    assert galat.value.errno == errno.ENOSPC
    assert sidik(keluar) == sebelum  # the link, the PDF and build.json: all the old ones
    assert sorted(p.name for p in keluar.iterdir()) == sorted(["html", os.readlink(html), "lkjip.pdf", "build.json"])


def test_pdf_lama_dihapus_bersama_peralihan_tidak_sebelumnya(tmp_path, monkeypatch):
    # an HTML-only build: the PDF of an earlier build goes when the new site comes, not before
    keluar = tmp_path / "keluar"
    html, pdf = keluar / "html", keluar / "lkjip.pdf"
    with berkas.terbitkan() as terbitan:
        terbitan.folder(buat_situs(tmp_path / "v1", "lama"), html)
        terbitan.berkas(pdf, b"%PDF lama")
    monkeypatch.setattr(shutil, "move", lambda *a, **k: enospc(a[1]))
    with pytest.raises(OSError):  # failed before the switch: the old PDF stays with the old site
        with berkas.terbitkan() as terbitan:
            terbitan.hapus(pdf)
            terbitan.folder(buat_situs(tmp_path / "v2", "baru"), html)
    assert pdf.read_bytes() == b"%PDF lama"
    monkeypatch.undo()
    with berkas.terbitkan() as terbitan:
        terbitan.hapus(pdf)
        terbitan.folder(buat_situs(tmp_path / "v3", "baru"), html)
    assert not pdf.exists() and "baru" in (html / "index.html").read_text()


def test_disk_penuh_saat_memindah_antar_sistem_berkas(tmp_path, monkeypatch):
    """On another file system the new version is copied; a copy that fails halfway is removed."""
    tautan = tmp_path / "keluar" / "html"
    berkas.terbitkan_folder(buat_situs(tmp_path / "v1", "lama"), tautan)
    sebelum = sidik(tautan.parent)
    rename, copyfile, disalin = os.rename, shutil.copyfile, []

    def lain_sistem(sumber, tujuan, *a, **k):
        if Path(sumber).parent == tmp_path:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        return rename(sumber, tujuan, *a, **k)

    def penuh_di_berkas_ketiga(sumber, tujuan, **k):
        if len(disalin) == 2:
            Path(tujuan).write_bytes(b"")  # what a full disk leaves: an empty file
            enospc(tujuan)
        disalin.append(sumber)
        return copyfile(sumber, tujuan, **k)

    monkeypatch.setattr(os, "rename", lain_sistem)
    monkeypatch.setattr(shutil, "copyfile", penuh_di_berkas_ketiga)  # what copy2 and copytree use
    with pytest.raises(OSError):
        berkas.terbitkan_folder(buat_situs(tmp_path / "v2", "baru"), tautan)
    assert len(disalin) == 2
    assert sidik(tautan.parent) == sebelum and not berkas_kosong(tautan.parent)


@pytest.mark.buku
def test_disk_penuh_situs_semua_unit_lama_utuh(tmp_path, monkeypatch, laporan):
    """`build --all`: the copy of the units into the new site fails halfway; the old site stays."""
    keluaran = tmp_path / "build"
    unit = keluaran / "kanigaran" / "2024"
    berkas.terbitkan_folder(buat_situs(tmp_path / "unit", "unit"), unit / "html")
    (unit / "lkjip-kanigaran-2024.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(modul_situs, "bangun", lambda lap, *a, **k: HasilBangun(unit / "html",
                                                                               unit / "lkjip-kanigaran-2024.pdf", 1.0))
    situs = modul_situs.bangun_semua([laporan], AKAR_PROYEK, keluaran)
    assert not tautan_rusak(situs) and not tautan_rusak(situs / "kanigaran" / "2024")
    sebelum = sidik(keluaran)
    copyfile, disalin = shutil.copyfile, []

    def penuh(sumber, tujuan, **k):
        if len(disalin) == 3:
            Path(tujuan).write_bytes(b"")
            enospc(tujuan)
        disalin.append(sumber)
        return copyfile(sumber, tujuan, **k)

    monkeypatch.setattr(shutil, "copyfile", penuh)
    with pytest.raises(BuildGagal, match="No space left on device"):
        modul_situs.bangun_semua([laporan], AKAR_PROYEK, keluaran)
    assert sidik(keluaran) == sebelum and not berkas_kosong(keluaran / "situs")
    assert not [p for p in keluaran.iterdir() if p.name.startswith(".situs.") and p.name != os.readlink(situs)]


@pytest.mark.buku
def test_disk_penuh_saat_build_keluar_2_tanpa_traceback(tmp_path, jalankan, monkeypatch):
    keluaran = tmp_path / "build"
    tujuan = keluaran / "kanigaran" / "2024"
    berkas.terbitkan_folder(buat_situs(tmp_path / "lama", "lama"), tujuan / "html")
    sebelum = sidik(tujuan / "html")

    def penuh(lap, proyek, tujuan, staging, *args):
        (staging / "setengah.txt").write_text("x", encoding="utf-8")
        enospc(staging / "setengah.txt")

    monkeypatch.setattr(modul_bangun, "_bangun", penuh)
    keluar = jalankan("build", "--out", str(keluaran), "--html-only")
    assert keluar.kode == 2, keluar.err
    assert keluar.err.startswith("BUILD GAGAL: Tidak dapat menulis di ") and "No space left on device" in keluar.err
    assert "Traceback" not in keluar.err
    assert sidik(tujuan / "html") == sebelum  # the old site as it was, and no staging folder left:
    # what the build keeps for the next one stays, marked unfinished: the next build starts from nothing
    assert sorted(p.name for p in tujuan.iterdir()) == sorted(["html", os.readlink(tujuan / "html"), ".kunci",
                                                               ".cache"])
    assert (tujuan / ".cache" / "BELUM-SELESAI").exists()


def test_kunci_menunggu_pemegangnya(tmp_path):
    path = tmp_path / "keluar" / ".kunci"
    dipegang, dilepas, urutan = threading.Event(), threading.Event(), []

    def pemegang():
        with berkas.kunci(path):
            dipegang.set()
            dilepas.wait(5)
            urutan.append("dilepas")

    utas = threading.Thread(target=pemegang)
    utas.start()
    dipegang.wait(5)
    threading.Timer(0.3, dilepas.set).start()
    menunggu = []
    with berkas.kunci(path, menunggu.append):  # another open file: flock makes it wait, even in one process
        urutan.append("masuk")
    utas.join()
    assert menunggu == [str(os.getpid())] and urutan == ["dilepas", "masuk"]
    with berkas.kunci(path, menunggu.append):  # free now: no waiting
        pass
    assert len(menunggu) == 1


def test_kunci_dilepas_saat_pemegang_dibunuh(tmp_path):
    path = tmp_path / ".kunci"
    anak = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                             "from lkjip_calc.dasar.berkas import kunci\n"
                             f"with kunci(Path({str(path)!r})):\n print('ada', flush=True); time.sleep(60)"],
                            stdout=subprocess.PIPE, text=True)
    assert anak.stdout.readline() == "ada\n"
    anak.kill()
    anak.wait()
    mulai = time.monotonic()
    with berkas.kunci(path):
        assert time.monotonic() - mulai < 2


# A program that runs a command with two grandchildren under jalankan(); its stop signals
# become Dihentikan as in lkjip.
ANAK_JALANKAN = """
import sys
from lkjip_calc.dasar.proses import Dihentikan, jalankan, sinyal_henti
with sinyal_henti():
    try:
        print("mulai", flush=True)
        jalankan(["sh", "-c", "sleep 60 & sleep 60"])
    except Dihentikan as e:
        print("dihentikan", e.sinyal, flush=True)
        sys.exit(1)
"""


@pytest.mark.parametrize("sinyal", [signal.SIGTERM, signal.SIGKILL])
def test_jalankan_perintah_dan_cucunya_berakhir_bersama_induk(sinyal):
    tanda = uuid.uuid4().hex
    anak = subprocess.Popen([sys.executable, "-c", ANAK_JALANKAN], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "LKJIP_UJI_TANDA": tanda})
    assert anak.stdout.readline() == "mulai\n"
    batas = time.monotonic() + 5
    while len(proses_bertanda(tanda)) < 4 and time.monotonic() < batas:  # python, watchdog, sh, sleep, sleep
        time.sleep(0.05)
    anak.send_signal(sinyal)
    keluar, galat = anak.communicate(timeout=10)
    assert tanpa_proses_bertanda(tanda) == []
    if sinyal == signal.SIGTERM:
        assert keluar == f"dihentikan {int(signal.SIGTERM)}\n" and galat == ""


def test_jalankan_kode_keluar():
    assert jalankan(["sh", "-c", "exit 3"]).returncode == 3
    assert jalankan(["true"]).returncode == 0


def test_sinyal_henti_menjadi_pengecualian():
    lama = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Dihentikan) as galat:
        with sinyal_henti():
            signal.raise_signal(signal.SIGTERM)
            time.sleep(1)
    assert galat.value.sinyal == signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) == lama  # the previous handler is back


# --- the `buku` tier: real builds ---------------------------------------------------------------


class Build:
    """`lkjip build --html-only --bersih` of Kanigaran 2024 in a process session of its own (as a
    terminal starts it), every process it starts marked in its environment; stdout and stderr read as
    they come. --bersih: every build does all its work, also after one of the same inputs."""

    def __init__(self, keluaran: Path):
        self.tanda = uuid.uuid4().hex
        self.proses = subprocess.Popen(
            [str(LKJIP), "build", "--data", str(DATA), "--unit", "kanigaran", "--year", "2024", "--html-only",
             "--bersih", "--out", str(keluaran)], cwd=AKAR_PROYEK, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True, env={**os.environ, "LKJIP_UJI_TANDA": self.tanda})
        self.out: list[str] = []
        self.err: list[str] = []
        self._baca = [threading.Thread(target=self._salin, args=(a, b), daemon=True)
                      for a, b in ((self.proses.stdout, self.out), (self.proses.stderr, self.err))]
        for utas in self._baca:
            utas.start()

    @staticmethod
    def _salin(pipa, baris):
        for b in pipa:
            baris.append(b)

    def tunggu_teks(self, teks: str, detik: float = 120) -> None:
        batas = time.monotonic() + detik
        while not any(teks in b for b in self.out):
            assert self.proses.poll() is None and time.monotonic() < batas, (teks, self.out, self.err)
            time.sleep(0.05)

    def tunggu_kernel(self, detik: float = 120) -> None:
        """Until a chapter's kernel runs (a worker's child): every kind of process a build starts is there."""
        batas = time.monotonic() + detik
        while not any("ipykernel_launcher" in p for p in proses_bertanda(self.tanda)):
            assert self.proses.poll() is None and time.monotonic() < batas, (self.out, self.err)
            time.sleep(0.1)

    def pipa_tertutup(self, detik: float) -> bool:
        """stdout and stderr reached their end (no process holds them) within `detik`."""
        for utas in self._baca:
            utas.join(detik)
        return not any(utas.is_alive() for utas in self._baca)

    def selesai(self, detik: float = 300) -> int:
        kode = self.proses.wait(detik)
        assert self.pipa_tertutup(10)
        return kode


@pytest.fixture(scope="module")
def dua_build(tmp_path_factory):
    """Two builds of one unit and year started at once: the second while the first holds the lock."""
    keluaran = tmp_path_factory.mktemp("bersamaan") / "build"
    pertama = Build(keluaran)
    pertama.tunggu_teks("[1/")
    kedua = Build(keluaran)
    return keluaran, pertama.selesai(), pertama, kedua.selesai(), kedua


@pytest.mark.buku
def test_dua_build_bersamaan(dua_build):
    keluaran, kode1, pertama, kode2, kedua = dua_build
    assert kode1 == 0, "".join(pertama.out + pertama.err)
    assert kode2 == 0, "".join(kedua.out + kedua.err)
    assert not any(PESAN_TUNGGU in b for b in pertama.out)
    tunggu = [b for b in kedua.out if PESAN_TUNGGU in b]
    assert len(tunggu) == 1 and str(keluaran / "kanigaran" / "2024" / ".kunci") in tunggu[0]
    tujuan = keluaran / "kanigaran" / "2024"
    assert not tautan_rusak(tujuan / "html") and not berkas_kosong(tujuan / "html")
    assert (tujuan / "html" / "chapters" / "bab3.html").stat().st_size > 1000
    # the second one's outputs, nothing else: no staging folder, no earlier version
    assert sorted(p.name for p in tujuan.iterdir()) == sorted(
        ["html", os.readlink(tujuan / "html"), ".kunci", "build.json", "build-html.log", "manifest.json",
         "lkjip-kanigaran-2024.docx", ".cache"])
    assert not list(Path("/tmp").glob(f"lkjip-kerja-{pertama.proses.pid}-*"))


def salin_keluaran(dua_build, tujuan: Path) -> Path:
    """A copy of the two builds' output folder (the link as a link), for a test to stop builds in."""
    shutil.copytree(dua_build[0], tujuan, symlinks=True)
    return tujuan / "kanigaran" / "2024"


def sisa_basi(tujuan: Path) -> list[Path]:
    """What builds killed before this one could have left: staging folders (also the fixed one of
    earlier versions of lkjip), a version never switched in, a temporary file."""
    folder = [tujuan / ".staging-mati", tujuan / ".html.0123456789ab", tujuan / ".staging"]
    for path in folder:
        buat_situs(path, "basi")
    (tujuan / ".build.json.x8k2.json").write_text("{", encoding="utf-8")
    return [*folder, tujuan / ".build.json.x8k2.json"]


@pytest.mark.buku
@pytest.mark.parametrize("sinyal", [signal.SIGINT, signal.SIGTERM])
def test_dihentikan_bersih(dua_build, tmp_path, sinyal):
    """Ctrl-C (SIGINT to the whole group, as a terminal sends it) or SIGTERM (to lkjip alone) while
    the chapters run: one line, exit 128 + signal, no process, no staging folder, the site as it was."""
    tujuan = salin_keluaran(dua_build, tmp_path / "build")
    sebelum = sidik(tujuan / "html")
    basi = sisa_basi(tujuan)
    build = Build(tmp_path / "build")
    build.tunggu_teks("[1/")  # the build holds its folder (what killed builds left is gone) ...
    build.tunggu_kernel()  # ... and the chapters' workers and kernels are running
    time.sleep(random.uniform(0, 1))
    if sinyal == signal.SIGINT:
        os.killpg(build.proses.pid, sinyal)
    else:
        build.proses.send_signal(sinyal)
    kode = build.selesai(30)
    assert kode == 128 + sinyal
    assert len(build.err) == 1 and build.err[0].startswith("Dihentikan ("), build.err
    assert "Traceback" not in "".join(build.out + build.err)
    assert tanpa_proses_bertanda(build.tanda) == []
    assert not list(tujuan.glob(".staging*")) and not any(p.exists() for p in basi)  # also what killed builds left
    assert sidik(tujuan / "html") == sebelum
    assert not list(Path("/tmp").glob(f"lkjip-kerja-{build.proses.pid}-*"))


@pytest.mark.buku
def test_sigkill_build_di_saat_acak(dua_build, tmp_path):
    """lkjip killed with SIGKILL (kill -9, the OOM killer) at random moments of a build: its
    workers, kernels and Jupyter Book end within seconds, its output pipe closes, and the site
    published before is whole."""
    tujuan = salin_keluaran(dua_build, tmp_path / "build")
    acak = random.Random()
    benih = acak.randrange(10**6)
    acak.seed(benih)
    # a moment while staging, one while the first chapters start, one while they run (Jupyter Book's
    # processes dying with lkjip: test_jalankan_perintah_dan_cucunya_berakhir_bersama_induk)
    for langkah in ("[1/", "kernel", "[3/"):
        build = Build(tmp_path / "build")
        if langkah == "kernel":
            build.tunggu_kernel()
        else:
            build.tunggu_teks(langkah)
        time.sleep(acak.uniform(0, 1.5))
        os.kill(build.proses.pid, signal.SIGKILL)
        assert build.pipa_tertutup(3), f"benih {benih}: pipa keluaran masih terbuka"
        assert tanpa_proses_bertanda(build.tanda) == [], f"benih {benih}"
        build.proses.wait()
        assert not tautan_rusak(tujuan / "html"), f"benih {benih}"


# Publishes hard-linked copies of a site at a link, over and over, until it is killed.
ANAK_TERBIT = """
import os, shutil, sys
from pathlib import Path
from lkjip_calc.dasar.berkas import terbitkan_folder
sumber, tautan, kerja = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
print("siap", flush=True)
while True:
    baru = kerja / os.urandom(6).hex()
    shutil.copytree(sumber, baru, copy_function=os.link)
    terbitkan_folder(baru, tautan)
"""


@pytest.mark.buku
def test_sigkill_acak_saat_menerbitkan_situs_nyata(dua_build, tmp_path):
    sumber = (dua_build[0] / "kanigaran" / "2024" / "html").resolve()
    assert not tautan_rusak(sumber)
    tautan = tmp_path / "keluar" / "html"
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    shutil.copytree(sumber, kerja / "awal", copy_function=os.link)
    berkas.terbitkan_folder(kerja / "awal", tautan)
    acak = random.Random()
    benih = acak.randrange(10**6)
    acak.seed(benih)
    for i in range(25):
        anak = subprocess.Popen([sys.executable, "-c", ANAK_TERBIT, str(sumber), str(tautan), str(kerja)],
                                stdout=subprocess.PIPE, text=True)
        assert anak.stdout.readline() == "siap\n"
        time.sleep(acak.uniform(0, 0.4))
        anak.kill()
        anak.wait()
        assert not tautan_rusak(tautan), f"benih {benih}, pembunuhan ke-{i + 1}: {tautan_rusak(tautan)}"
    berkas.hapus_sisa(tautan)
    assert sorted(p.name for p in tautan.parent.iterdir()) == sorted(["html", os.readlink(tautan)])
    assert not tautan_rusak(tautan)
