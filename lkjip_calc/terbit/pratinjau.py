"""`lkjip preview`: serve the site of one unit and year on localhost, watch its inputs, rebuild
when they change and reload the open page.

- One warm build engine (`Mesin`) lives as long as the preview, so every rebuild after the first
  reuses its kernels and Sphinx process.
- Every HTML page served gets a small script (added to the response, never to the files) that
  listens on a Server-Sent-Events stream: "muat-ulang" reloads the page, "galat" shows a banner
  with the errors at the top of the page, which stays as it was. A page opened while the data is
  in error gets the banner at once; the last good site stays served.
- A change to lkjip's own code restarts the whole process (os.execv of the same command): kernels,
  Sphinx and this process then all run the new code, which a warm engine could not promise.
- `ukur_latensi` measures the time from saving an edit to the page having reloaded with it
  (scripts/benchmark.py and the tests call it).
"""

from __future__ import annotations

import contextlib
import html
import http.server
import io
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..dasar.angka import angka
from ..dasar.temuan import DataTidakValid, Jenis
from ..laporan.bab import FOLDER_BAB
from ..laporan.siapkan import siapkan
from ..masukan.lokasi import daftar_unit
from .bangun import BuildGagal, bangun
from .manifest import FOLDER_TEMA
from .mesin import Mesin

JALUR_ACARA = "/_lkjip/acara"  # the Server-Sent-Events stream every served page listens on
ACARA_MUAT_ULANG = "muat-ulang"
ACARA_GALAT = "galat"
ACARA_HALO = "halo"  # sent first on every connection: which preview process serves the page
MULAI_ULANG = "mulai-ulang"  # what `Pratinjau.jalankan` returns when lkjip's code changed
ENV_TANPA_BUKA = "LKJIP_PRATINJAU_TANPA_BUKA"  # set across a restart: the browser is already open
KELUARAN_BAWAAN = Path("_build") / "pratinjau"
FOLDER_PAKET = Path(__file__).resolve().parent.parent  # lkjip_calc/
BERKAS_BUKU = ("_config.yml", "_toc.yml")  # watched in the project folder (not recursively)
FOLDER_BUKU = (FOLDER_BAB, "_static", FOLDER_TEMA)
_DETAK_DETIK = 15  # a comment on an idle stream: a closed page is noticed, and proxies keep it open

# The script added to every page: reload on "muat-ulang", a banner on "galat" (its HTML is
# escaped by the server, `spanduk_galat`), and a reload when another preview process answers
# (lkjip restarted after a code change). EventSource reconnects by itself.
SKRIP = """<script id="lkjip-pratinjau">(function () {
  var pertama = null;
  function spanduk(isi) {
    var el = document.getElementById("lkjip-galat");
    if (!isi) { if (el) el.remove(); return; }
    if (!el) {
      el = document.createElement("div");
      el.id = "lkjip-galat";
      el.setAttribute("role", "alert");
      el.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:99999;max-height:50vh;overflow:auto;"
        + "background:#fde8e8;color:#8b0000;border-bottom:3px solid #c00;padding:.6em 1em;"
        + "font:14px/1.4 monospace;white-space:pre-wrap;box-shadow:0 2px 6px rgba(0,0,0,.3)";
      document.body.appendChild(el);
    }
    el.innerHTML = isi;
  }
  var acara = new EventSource("%(jalur)s");
  acara.addEventListener("%(halo)s", function (e) {
    var d = JSON.parse(e.data);
    if (pertama === null) { pertama = d.proses; } else if (d.proses !== pertama) { location.reload(); }
    spanduk(d.galat);
  });
  acara.addEventListener("%(muat)s", function () { location.reload(); });
  acara.addEventListener("%(galat)s", function (e) { spanduk(JSON.parse(e.data).html); });
})();</script>""" % {"jalur": JALUR_ACARA, "halo": ACARA_HALO, "muat": ACARA_MUAT_ULANG, "galat": ACARA_GALAT}

# Served while no site has been built yet into the preview folder.
HALAMAN_TUNGGU = ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Pratinjau LKjIP</title>"
                  "</head><body><p>Menunggu build pertama selesai ... halaman ini dimuat ulang sendiri.</p>"
                  "</body></html>")


# --- what the server sends ---------------------------------------------------------------------


def sisipkan_skrip(halaman: bytes) -> bytes:
    """The page with the reload script before its last </body> (or at its end when it has none)."""
    kecil = halaman.lower()
    posisi = kecil.rfind(b"</body>")
    skrip = SKRIP.encode("utf-8")
    if posisi < 0:
        return halaman + skrip
    return halaman[:posisi] + skrip + halaman[posisi:]


def pesan_sse(acara: str, data: object) -> bytes:
    """One Server-Sent-Events message: `data` as JSON on one line (JSON escapes every line break)."""
    return f"event: {acara}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


def spanduk_galat(judul: str, baris: Iterable[str]) -> str:
    """The banner's HTML: a title and one line per error, every text escaped (file names, found
    values and messages come from the data)."""
    isi = "".join(f"<div>{html.escape(b)}</div>" for b in baris)
    return (f"<strong>{html.escape(judul)}</strong>{isi}"
            "<div><em>Halaman ini hasil build terakhir yang berhasil; perbaiki lalu simpan, halaman dimuat ulang "
            "sendiri.</em></div>")


def baris_tidak_valid(unit: str, tahun: int, e: DataTidakValid) -> list[str]:
    """The lines `lkjip check` prints for invalid data: a count, every error, every warning."""
    galat = e.temuan.galat_saja
    baris = [f"Data {unit} tahun {tahun} tidak valid: {len(galat)} galat."]
    baris += [str(t) for t in galat] + [str(t) for t in e.temuan.peringatan_saja]
    if any(t.jenis == Jenis.BELUM_DIISI for t in galat):
        baris.append("Data belum lengkap. Isi nilai di atas, atau jalankan pratinjau dengan --draft.")
    return baris


# --- which changes count -----------------------------------------------------------------------

_AKHIRAN_SEMENTARA = (".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload", ".bak", ".pyc", ".pyo")


def berkas_sementara(path: Path) -> bool:
    """An editor's or a tool's temporary file, or one in a hidden or cache folder: not an input.
    (vim: .x.swp and 4913; emacs: #x# and .#x; LibreOffice: .~lock.x#; many: x~ and x.tmp; lkjip
    import's backups in .cadangan/; Python's __pycache__.)"""
    nama = path.name
    if any(bagian.startswith(".") or bagian == "__pycache__" for bagian in path.parts):
        return True
    return (nama.startswith(".") or nama.endswith("~") or (nama.startswith("#") and nama.endswith("#"))
            or nama == "4913" or nama.lower().endswith(_AKHIRAN_SEMENTARA))


@dataclass
class Pengamatan:
    """What the preview watches and how a changed path counts: ignored, the book, or lkjip's code."""

    akar: Path
    unit: str
    proyek: Path
    keluaran: Path
    paket: Path = FOLDER_PAKET
    _unit_lain: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.akar, self.proyek = self.akar.resolve(), self.proyek.resolve()
        self.keluaran, self.paket = self.keluaran.resolve(), self.paket.resolve()
        self._unit_lain = set(daftar_unit(self.akar)) - {self.unit}

    def jalur(self) -> tuple[list[Path], list[Path]]:
        """(folders watched recursively, folders watched without their subfolders)."""
        rekursif = [self.akar, self.paket] + [self.proyek / n for n in FOLDER_BUKU if (self.proyek / n).is_dir()]
        return rekursif, [self.proyek]

    def jenis(self, path: Path) -> str | None:
        """'kode' (lkjip's own code), 'buku' (data, chapters, config) or None (not an input)."""
        path = Path(os.path.abspath(path))
        if berkas_sementara(path) or path.is_relative_to(self.keluaran):
            return None
        if path.is_relative_to(self.paket):  # its Python files (not the folders Python writes bytecode into)
            return "kode" if path.suffix == ".py" else None
        if path.is_relative_to(self.akar):
            relatif = path.relative_to(self.akar).parts
            # another unit's folder is not read for this unit (previous years and data/skala are)
            return None if relatif and relatif[0] in self._unit_lain and len(relatif) > 1 else "buku"
        if path.parent == self.proyek:
            return "buku" if path.name in BERKAS_BUKU else None
        if any(path.is_relative_to(self.proyek / n) for n in FOLDER_BUKU):
            return "buku"
        return None

    def tampil(self, path: Path) -> str:
        """A changed path as the terminal shows it: relative to the data folder or the project."""
        path = Path(os.path.abspath(path))
        for dasar in (self.akar.parent, self.proyek):
            if path.is_relative_to(dasar):
                return path.relative_to(dasar).as_posix()
        return str(path)


def ringkas_perubahan(nama: list[str], paling_banyak: int = 3) -> str:
    """'a.md, b.csv dan 2 lainnya'."""
    nama = sorted(set(nama))
    teks = ", ".join(nama[:paling_banyak])
    return teks + (f" dan {len(nama) - paling_banyak} lainnya" if len(nama) > paling_banyak else "")


# --- the server --------------------------------------------------------------------------------


class _Siaran:
    """The open event streams, and the state a newly opened page is told (the current errors)."""

    def __init__(self) -> None:
        self._kunci = threading.Lock()
        self._pendengar: list[queue.Queue] = []
        self.galat: str | None = None  # the banner's HTML while the last attempt failed
        self.versi = 0  # how many builds were published

    def daftar(self) -> queue.Queue:
        antrean: queue.Queue = queue.Queue()
        with self._kunci:
            self._pendengar.append(antrean)
            antrean.put(pesan_sse(ACARA_HALO, {"proses": os.getpid(), "galat": self.galat, "versi": self.versi}))
        return antrean

    def lepas(self, antrean: queue.Queue) -> None:
        with self._kunci:
            if antrean in self._pendengar:
                self._pendengar.remove(antrean)

    def kirim(self, acara: str, data: object) -> None:
        with self._kunci:
            for antrean in self._pendengar:
                antrean.put(pesan_sse(acara, data))

    def tutup(self) -> None:
        with self._kunci:
            for antrean in self._pendengar:
                antrean.put(None)

    @property
    def jumlah(self) -> int:
        with self._kunci:
            return len(self._pendengar)


def _penangan(situs, siaran: _Siaran):
    """The request handler: the published site (looked up per request: each build switches the
    link), pages with the script added, and the event stream."""

    class Penangan(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(situs()), **kwargs)

        def log_message(self, format, *args):  # the terminal shows rebuilds, not requests
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self):
            jalur = self.path.split("?", 1)[0].split("#", 1)[0]
            if jalur == JALUR_ACARA:
                return self._acara()
            path = Path(self.translate_path(self.path))
            if path.is_dir() and jalur.endswith("/"):
                path = path / "index.html"
            if path.suffix.lower() in (".html", ".htm") and path.is_file():
                return self._halaman(path.read_bytes())
            if jalur in ("/", "/index.html") and not path.exists():
                return self._halaman(HALAMAN_TUNGGU.encode("utf-8"))
            return super().do_GET()

        def _halaman(self, isi: bytes) -> None:
            isi = sisipkan_skrip(isi)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(isi)))
            self.end_headers()
            self.wfile.write(isi)

        def _acara(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            antrean = siaran.daftar()
            try:
                self.wfile.write(b"retry: 1000\n\n")
                while True:
                    try:
                        pesan = antrean.get(timeout=_DETAK_DETIK)
                    except queue.Empty:
                        pesan = b": detak\n\n"
                    if pesan is None:
                        return
                    self.wfile.write(pesan)
                    self.wfile.flush()
            except OSError:  # the page was closed or reloaded
                return
            finally:
                siaran.lepas(antrean)

    return Penangan


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class PortTidakTersedia(Exception):
    """The server could not listen on the port asked for; the message is for the user."""


# --- the preview -------------------------------------------------------------------------------


@dataclass
class Pratinjau:
    akar: Path
    unit: str
    tahun: int
    proyek: Path
    keluaran: Path = KELUARAN_BAWAAN
    port: int = 8000
    draf: bool = False
    buka: bool = True
    siaran: _Siaran = field(default_factory=_Siaran)
    _peringatan: list[str] = field(default_factory=list)

    @property
    def situs(self) -> Path:
        """The published site (a link each build switches): resolved anew on every request."""
        return (self.keluaran / self.unit / str(self.tahun) / "html").resolve()

    @property
    def alamat(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def jalankan(self) -> str | None:
        """Serve, build, watch and rebuild until stopped (Ctrl-C raises here); MULAI_ULANG when
        lkjip's code changed and the caller is to restart the process."""
        pengamatan = Pengamatan(self.akar, self.unit, self.proyek, self.keluaran)
        try:
            server = _Server(("127.0.0.1", self.port), _penangan(lambda: self.situs, self.siaran))
        except OSError as e:  # in use, or a privileged port: the user's to change
            raise PortTidakTersedia(f"port {self.port} tidak dapat dipakai ({e.strerror}); ditemukan port yang "
                                    f"terpakai atau tidak diizinkan; diharapkan port lain, mis. --port "
                                    f"{self.port + 1}") from None
        utas = threading.Thread(target=server.serve_forever, name="lkjip-pratinjau-http", daemon=True)
        utas.start()
        henti = threading.Event()
        perubahan: queue.Queue = queue.Queue()
        try:
            _cetak(f"Pratinjau {self.unit} tahun {self.tahun}: {self.alamat} (Ctrl-C untuk berhenti)")
            # Watching starts before the first build: a file saved while it runs is not missed.
            _mulai_pengamat(pengamatan, perubahan, henti)
            with self._mesin() as mesin:
                self._putaran(mesin, "build pertama")
                if self.buka and not os.environ.get(ENV_TANPA_BUKA):
                    import webbrowser
                    webbrowser.open(self.alamat)
                _cetak(f"Mengamati data {pengamatan.tampil(self.akar / self.unit / str(self.tahun))}, bab dan paket "
                       "lkjip; simpan berkas untuk membangun ulang.")
                while True:
                    jalur = _ambil_perubahan(perubahan)
                    jenis = {p: pengamatan.jenis(p) for p in jalur}
                    kode = [pengamatan.tampil(p) for p, j in jenis.items() if j == "kode"]
                    if kode:
                        _cetak(f"Kode lkjip berubah ({ringkas_perubahan(kode)}): pratinjau dimulai ulang agar kode "
                               "baru dipakai.")
                        return MULAI_ULANG
                    buku = [pengamatan.tampil(p) for p, j in jenis.items() if j == "buku"]
                    if buku:
                        self._putaran(mesin, ringkas_perubahan(buku))
        finally:
            henti.set()
            self.siaran.tutup()
            server.shutdown()
            server.server_close()

    def _mesin(self):
        return Mesin(inti=2, lajur=1)  # two kernels; the site only, so one Sphinx worker

    def _putaran(self, mesin, sebab: str) -> bool:
        """Prepare the year and build it; True when the new site is published (pages reload)."""
        mulai = time.monotonic()
        try:
            lap = siapkan(self.akar, self.unit, self.tahun, draf=self.draf, folder_bab=self.proyek / FOLDER_BAB)
        except DataTidakValid as e:
            self._gagal(sebab, mulai, "Data tidak valid; halaman menampilkan build terakhir yang berhasil.",
                        baris_tidak_valid(self.unit, self.tahun, e))
            return False
        try:
            hasil = _bangun(lap, self.proyek, self.keluaran, self.draf, mesin)
        except BuildGagal as e:
            self._gagal(sebab, mulai, "Build gagal; halaman menampilkan build terakhir yang berhasil.",
                        [f"BUILD GAGAL: {e}"])
            return False
        self.siaran.galat = None
        self.siaran.versi += 1
        _cetak(f"{_jam()} {sebab}: dibangun ulang dalam {angka(time.monotonic() - mulai, 1)} detik; "
               f"{_ringkas_bab(hasil)}.")
        peringatan = [str(t) for t in lap.temuan.peringatan_saja]
        if peringatan != self._peringatan:  # shown when they change, not again on every rebuild
            for t in peringatan:
                _cetak(f"  {t}")
            self._peringatan = peringatan
        self.siaran.kirim(ACARA_MUAT_ULANG, {"detik": round(time.monotonic() - mulai, 3)})
        return True

    def _gagal(self, sebab: str, mulai: float, judul: str, baris: list[str]) -> None:
        _cetak(f"{_jam()} {sebab}: GAGAL setelah {angka(time.monotonic() - mulai, 1)} detik. {judul}", galat=True)
        for b in baris:
            _cetak(f"  {b}", galat=True)
        self.siaran.galat = spanduk_galat(judul, baris)
        self.siaran.kirim(ACARA_GALAT, {"html": self.siaran.galat, "baris": baris})


def _bangun(lap, proyek: Path, keluaran: Path, draf: bool, mesin):
    """An HTML-only build with the warm engine."""
    # the build's step lines are left out: the preview prints one line per rebuild
    with contextlib.redirect_stdout(io.StringIO()):
        return bangun(lap, proyek, keluaran, html_saja=True, draf=draf, mesin=mesin, pratinjau=True)


def _ringkas_bab(hasil) -> str:
    if hasil.tanpa_perubahan:
        return "tidak ada yang berubah"
    diperbarui = f" (narasi {len(hasil.diperbarui)} bab diperbarui tanpa kernel)" if hasil.diperbarui else ""
    return (f"bab dari cache: {len(hasil.dari_cache) + len(hasil.diperbarui)}{diperbarui}, "
            f"dijalankan: {len(hasil.dijalankan)}")


def _jam() -> str:
    return time.strftime("[%H:%M:%S]")


def _cetak(teks: str, galat: bool = False) -> None:
    print(teks, file=sys.stderr if galat else sys.stdout, flush=True)


def _mulai_pengamat(pengamatan: Pengamatan, perubahan: queue.Queue, henti: threading.Event) -> None:
    """Watch in background threads (the main thread builds and takes Ctrl-C); each batch of
    changed paths, grouped by watchfiles' debounce, goes into `perubahan`."""
    from watchfiles import watch

    def saring(_ubah, path: str) -> bool:
        return pengamatan.jenis(Path(path)) is not None

    def amati(jalur: list[Path], rekursif: bool) -> None:
        for kumpulan in watch(*jalur, watch_filter=saring, recursive=rekursif, stop_event=henti, step=50,
                              debounce=1600, raise_interrupt=False):
            perubahan.put({Path(p) for _, p in kumpulan})

    rekursif, datar = pengamatan.jalur()
    for jalur, r in ((rekursif, True), (datar, False)):
        threading.Thread(target=amati, args=(jalur, r), name="lkjip-pratinjau-amati", daemon=True).start()


def _ambil_perubahan(perubahan: queue.Queue) -> set[Path]:
    """Wait for changes (in short steps: Ctrl-C is handled between them), then take every batch
    already waiting, so that one save touching several watchers rebuilds once."""
    while True:
        try:
            jalur = set(perubahan.get(timeout=0.5))
            break
        except queue.Empty:
            continue
    while True:
        try:
            jalur |= perubahan.get_nowait()
        except queue.Empty:
            return jalur


# --- measuring and driving a preview from outside (benchmark, tests) ---------------------------


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PendengarAcara:
    """Reads a preview's event stream in a thread; `tunggu(acara)` returns the next such message's data."""

    def __init__(self, alamat: str) -> None:
        # A plain socket rather than urllib: `tutup` can then end a read that is waiting for data.
        bagian = urllib.parse.urlsplit(alamat)
        self._soket = socket.create_connection((bagian.hostname, bagian.port), timeout=10)
        self._soket.settimeout(None)
        self._soket.sendall(f"GET {JALUR_ACARA} HTTP/1.0\r\nHost: {bagian.netloc}\r\n\r\n".encode())
        self._antrean: queue.Queue = queue.Queue()
        threading.Thread(target=self._baca, daemon=True).start()

    def _baca(self) -> None:
        acara = None
        try:
            with self._soket.makefile("rb") as arus:
                for baris in arus:
                    baris = baris.decode("utf-8").rstrip("\r\n")
                    if baris.startswith("event: "):
                        acara = baris[len("event: "):]
                    elif baris.startswith("data: ") and acara is not None:
                        self._antrean.put((acara, json.loads(baris[len("data: "):])))
                        acara = None
        except (OSError, ValueError):
            pass
        self._antrean.put((None, None))  # the stream ended (the preview stopped or restarted)

    def tunggu(self, *acara: str, batas_detik: float = 600) -> tuple[str, object]:
        """The next message of one of the kinds `acara` (others are skipped): (kind, data)."""
        akhir = time.monotonic() + batas_detik
        while True:
            try:
                nama, data = self._antrean.get(timeout=max(0.01, akhir - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"tidak ada acara {', '.join(acara)} dalam {batas_detik} detik") from None
            if nama is None:
                self._antrean.put((None, None))
                raise ConnectionError(f"aliran acara pratinjau berakhir sebelum acara {', '.join(acara)}")
            if nama in acara:
                return nama, data

    def tutup(self) -> None:
        with contextlib.suppress(OSError):
            self._soket.shutdown(socket.SHUT_RDWR)
        self._soket.close()


def ambil(alamat: str) -> str:
    with urllib.request.urlopen(alamat, timeout=60) as r:
        return r.read().decode("utf-8")


def ukur_latensi(alamat: str, halaman: str, berkas: Path, lama: str, baru: str, batas_detik: float = 600) -> float:
    """Seconds from saving an edit (the first `lama` in `berkas` replaced by `baru`) to the page
    `halaman` (a path under the preview's address) having been reloaded with `baru` in it, as an
    open browser page would: the event stream says "muat-ulang", then the page is fetched."""
    pendengar = PendengarAcara(alamat)
    try:
        pendengar.tunggu(ACARA_HALO, batas_detik=60)
        teks = berkas.read_text(encoding="utf-8")
        if lama not in teks:
            raise ValueError(f"{lama!r} tidak ada di {berkas}")
        mulai = time.monotonic()
        berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
        nama, data = pendengar.tunggu(ACARA_MUAT_ULANG, ACARA_GALAT, batas_detik=batas_detik)
        if nama != ACARA_MUAT_ULANG:
            raise RuntimeError(f"pratinjau melaporkan galat, bukan muat ulang: {data}")
        isi = ambil(alamat.rstrip("/") + "/" + halaman.lstrip("/"))
        selesai = time.monotonic()
        if baru not in isi and html.escape(baru, quote=False) not in isi:  # the page holds it as HTML text
            raise RuntimeError(f"halaman {halaman} dimuat ulang tanpa teks baru {baru!r}")
        return selesai - mulai
    finally:
        pendengar.tutup()


@contextlib.contextmanager
def pratinjau_berjalan(akar: Path, unit: str, tahun: int, keluaran: Path, proyek: Path,
                       batas_detik: float = 900) -> Iterator[tuple[str, subprocess.Popen]]:
    """`lkjip preview` of a unit and year in a process of its own, on a free port, until its first
    build is published: (its address, the process). Stopped (SIGINT, then killed) at the end."""
    port = port_bebas()
    perintah = [sys.executable, "-m", "lkjip_calc.cli", "preview", "--unit", unit, "--year", str(tahun),
                "--data", str(akar), "--out", str(keluaran), "--port", str(port), "--no-open"]
    lingkungan = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(FOLDER_PAKET.parent),
                                                                           os.environ.get("PYTHONPATH")]))}
    log = keluaran.with_name(keluaran.name + "-pratinjau.log")
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as berkas_log:
        proses = subprocess.Popen(perintah, cwd=proyek, env=lingkungan, stdout=berkas_log, stderr=subprocess.STDOUT)
    alamat = f"http://127.0.0.1:{port}/"
    try:
        akhir = time.monotonic() + batas_detik
        while True:  # the server starts before the first build; that build's end is awaited on its stream
            if proses.poll() is not None or time.monotonic() > akhir:
                raise RuntimeError(f"pratinjau tidak menerbitkan situs (status {proses.poll()}); log: {log}\n"
                                   + log.read_text(encoding="utf-8", errors="replace")[-3000:])
            try:
                pendengar = PendengarAcara(alamat)
                break
            except OSError:
                time.sleep(0.1)
        try:
            _, halo = pendengar.tunggu(ACARA_HALO, batas_detik=60)
            if halo["galat"] and not halo["versi"]:
                raise RuntimeError(f"build pertama pratinjau gagal: {halo['galat']}")
            if not halo["versi"]:
                nama, data = pendengar.tunggu(ACARA_MUAT_ULANG, ACARA_GALAT,
                                              batas_detik=max(1, akhir - time.monotonic()))
                if nama == ACARA_GALAT:
                    raise RuntimeError(f"build pertama pratinjau gagal: {data['baris']}")
        finally:
            pendengar.tutup()
        yield alamat, proses
    finally:
        if proses.poll() is None:
            proses.send_signal(2)
            try:
                proses.wait(30)
            except subprocess.TimeoutExpired:
                proses.kill()
                proses.wait()
