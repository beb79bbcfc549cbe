"""`lkjip preview` (terbit/pratinjau.py): the script added to served pages, the event stream's
messages, the escaped error banner, which saved files count, and, marked `buku`, a preview of a
copy of Kanigaran 2024 that reloads after a prose edit and shows a data error on the page."""

from __future__ import annotations

import contextlib
import html
import shutil
import threading
import urllib.error
from pathlib import Path

import pytest
from bantu import AKAR_PROYEK, DATA, NAMA_JAHAT, ganti, lkjip_di_sini

from lkjip_calc.dasar.temuan import DataTidakValid
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit import pratinjau as p
from lkjip_calc.terbit.bangun import HasilBangun

# --- pages, messages, banner -------------------------------------------------------------------

def test_skrip_disisipkan_sebelum_body_terakhir():
    halaman = b"<html><body><p>a</p><pre>&lt;/body&gt;</pre></BODY></html>"
    hasil = p.sisipkan_skrip(halaman)
    skrip = p.SKRIP.encode()
    assert hasil == b"<html><body><p>a</p><pre>&lt;/body&gt;</pre>" + skrip + b"</BODY></html>"
    assert p.sisipkan_skrip(b"<p>tanpa body</p>") == b"<p>tanpa body</p>" + skrip


def test_skrip_mendengar_acara_dan_memuat_ulang():
    assert f'new EventSource("{p.JALUR_ACARA}")' in p.SKRIP
    assert 'addEventListener("muat-ulang", function () { location.reload(); })' in p.SKRIP
    assert 'addEventListener("galat"' in p.SKRIP


def test_pesan_sse_satu_baris_json():
    pesan = p.pesan_sse("galat", {"baris": ["a\nb", "ü"]})
    assert pesan == 'event: galat\ndata: {"baris": ["a\\nb", "ü"]}\n\n'.encode()


def test_spanduk_galat_di_escape():
    baris = [f"GALAT: data/x/2024/unit.yaml, kunci 'nama': {NAMA_JAHAT}"]
    isi = p.spanduk_galat("Data <tidak> valid", baris)
    assert "<script>" not in isi and "<tidak>" not in isi
    assert "<strong>Data &lt;tidak&gt; valid</strong>" in isi
    assert ("<div>GALAT: data/x/2024/unit.yaml, kunci &#x27;nama&#x27;: &lt;script&gt;alert(1)&lt;/script&gt; "
            "50% &amp; _x_ #1 $2 {y}</div>") in isi


def test_ringkas_perubahan():
    assert p.ringkas_perubahan(["b.md", "a.csv", "b.md"]) == "a.csv, b.md"
    assert p.ringkas_perubahan(["e", "d", "c", "b", "a"]) == "a, b, c dan 2 lainnya"


def test_ringkasan_bab_dari_hasil_bangun():
    hasil = HasilBangun(html=None, pdf=None, detik=1.0, dijalankan=["bab3"], dari_cache=["sampul", "bab1", "bab2"])
    assert p._ringkas_bab(hasil) == "bab dari cache: 3, dijalankan: 1"
    hasil.tanpa_perubahan = True
    assert p._ringkas_bab(hasil) == "tidak ada yang berubah"


# --- which changes count -----------------------------------------------------------------------

@pytest.mark.parametrize("nama", [".bab3.md.swp", "bab3.md~", "#bab3.md#", ".#bab3.md", ".~lock.pk.csv#", "4913",
                                  "x.tmp", "modul.pyc"])
def test_berkas_sementara_diabaikan(nama):
    assert p.berkas_sementara(Path("/d/kanigaran/2024") / nama)


def test_berkas_biasa_bukan_sementara():
    assert not p.berkas_sementara(Path("/d/kanigaran/2024/narasi/bab3_pengantar.md"))
    assert p.berkas_sementara(Path("/d/kanigaran/2024/.cadangan/anggaran.csv"))
    assert p.berkas_sementara(Path("/p/lkjip_calc/__pycache__/cli.py"))


def test_pengamatan_menggolongkan_perubahan(tmp_path):
    akar, proyek, paket = tmp_path / "data", tmp_path / "proyek", tmp_path / "paket"
    for folder in ("kanigaran/2023", "kanigaran/2024", "lain/2024", "skala"):
        (akar / folder).mkdir(parents=True)
    (akar / "lain" / "unit.yaml").write_text("kode: lain\n", encoding="utf-8")
    keluaran = proyek / "_build" / "pratinjau"
    pengamatan = p.Pengamatan(akar, "kanigaran", proyek, keluaran, paket=paket)
    assert pengamatan.jenis(akar / "kanigaran/2024/narasi/bab3_pengantar.md") == "buku"
    assert pengamatan.jenis(akar / "kanigaran/2023/realisasi_iku.csv") == "buku"  # previous year's figures
    assert pengamatan.jenis(akar / "skala/permendagri.yaml") == "buku"
    assert pengamatan.jenis(akar / "lain/2024/anggaran.csv") is None  # another unit
    assert pengamatan.jenis(akar / "kanigaran/2024/.anggaran.csv.swp") is None
    assert pengamatan.jenis(proyek / "_config.yml") == "buku"
    assert pengamatan.jenis(proyek / "chapters/bab3.md") == "buku"
    assert pengamatan.jenis(proyek / "_tema/templates/x.html") == "buku"
    assert pengamatan.jenis(proyek / "README.md") is None
    assert pengamatan.jenis(keluaran / "kanigaran/2024/html/index.html") is None
    assert pengamatan.jenis(paket / "hitung/rumus.py") == "kode"
    assert pengamatan.jenis(paket / "hitung/__pycache__") is None  # Python writing bytecode is no code change
    assert pengamatan.jenis(paket / "hitung/__pycache__/rumus.cpython-312.pyc.1234") is None
    assert pengamatan.tampil(akar / "kanigaran/2024/anggaran.csv") == "data/kanigaran/2024/anggaran.csv"
    rekursif, datar = pengamatan.jalur()
    assert datar == [proyek.resolve()] and akar.resolve() in rekursif and paket.resolve() in rekursif


# --- the server ----------------------------------------------------------------------------------

@contextlib.contextmanager
def _server(situs: Path):
    siaran = p._Siaran()
    server = p._Server(("127.0.0.1", 0), p._penangan(lambda: situs.resolve(), siaran))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", siaran
    finally:
        siaran.tutup()
        server.shutdown()
        server.server_close()


def test_server_menyisipkan_skrip_tanpa_mengubah_berkas(tmp_path):
    versi = tmp_path / ".html.1"
    (versi / "chapters").mkdir(parents=True)
    halaman = "<html><body><p>Bab tiga</p></body></html>"
    (versi / "chapters" / "bab3.html").write_text(halaman, encoding="utf-8")
    (versi / "gaya.css").write_text("body{}</body>", encoding="utf-8")
    (tmp_path / "html").symlink_to(versi.name)
    with _server(tmp_path / "html") as (alamat, _):
        assert p.ambil(alamat + "chapters/bab3.html") == halaman.replace("</body>", p.SKRIP + "</body>")
        assert p.ambil(alamat + "gaya.css") == "body{}</body>"  # only pages get the script
        assert p.ambil(alamat) == p.sisipkan_skrip(p.HALAMAN_TUNGGU.encode()).decode()  # nothing built yet
        with pytest.raises(urllib.error.HTTPError):
            p.ambil(alamat + "../../etc/passwd")
    assert (versi / "chapters" / "bab3.html").read_text(encoding="utf-8") == halaman


def test_server_mengirim_acara(tmp_path):
    (tmp_path / "html").mkdir()
    with _server(tmp_path / "html") as (alamat, siaran):
        siaran.versi, siaran.galat = 2, None
        pendengar = p.PendengarAcara(alamat)
        try:
            _, halo = pendengar.tunggu(p.ACARA_HALO, batas_detik=10)
            assert halo["versi"] == 2 and halo["galat"] is None and isinstance(halo["proses"], int)
            spanduk = p.spanduk_galat("Data tidak valid", [f"GALAT: x.csv, baris 3: {NAMA_JAHAT}"])
            siaran.kirim(p.ACARA_GALAT, {"html": spanduk})
            assert pendengar.tunggu(p.ACARA_GALAT, batas_detik=10) == (p.ACARA_GALAT, {"html": spanduk})
            siaran.kirim(p.ACARA_MUAT_ULANG, {"detik": 1.5})
            assert pendengar.tunggu(p.ACARA_MUAT_ULANG, batas_detik=10) == (p.ACARA_MUAT_ULANG, {"detik": 1.5})
        finally:
            pendengar.tutup()
        # a page opened while the data is in error gets the banner with its first message
        siaran.galat = "<strong>x</strong>"
        pendengar = p.PendengarAcara(alamat)
        try:
            assert pendengar.tunggu(p.ACARA_HALO, batas_detik=10)[1]["galat"] == "<strong>x</strong>"
        finally:
            pendengar.tutup()


def test_baris_galat_sama_dengan_lkjip_check(tmp_path, capsys):
    akar = tmp_path / "data"
    for nama in ("kanigaran", "skala"):
        shutil.copytree(DATA / nama, akar / nama)
    ganti(akar / "kanigaran/2024/realisasi_iku.csv", "ikm,2024,80.25,", "ikm,2024,delapan,")
    with pytest.raises(DataTidakValid) as e:
        siapkan(akar, "kanigaran", 2024)
    baris = p.baris_tidak_valid("kanigaran", 2024, e.value)
    assert lkjip_di_sini(["check", "--data", str(akar), "--unit", "kanigaran", "--year", "2024"]) == 2
    assert capsys.readouterr().err.splitlines() == baris
    assert baris[:2] == [
        "Data kanigaran tahun 2024 tidak valid: 1 galat.",
        f"GALAT: {akar}/kanigaran/2024/realisasi_iku.csv, baris 3, kolom 'realisasi': nilai tidak sesuai jenis "
        "kolom; ditemukan 'delapan'; diharapkan bilangan dengan titik sebagai pemisah desimal, tanpa pemisah "
        "ribuan (mis. 84.5)"]


def test_preview_menolak_keluaran_di_dalam_data(tmp_path, capsys):
    akar = tmp_path / "data"
    shutil.copytree(DATA / "kanigaran", akar / "kanigaran")
    kode = lkjip_di_sini(["preview", "--data", str(akar), "--out", str(akar / "x"), "--no-open"])
    assert kode == 2 and "berada di dalam folder data" in capsys.readouterr().err


# --- a real preview (slow) -----------------------------------------------------------------------

KALIMAT = "Kalimat baru dari uji pratinjau & 100% tercapai."


@pytest.mark.buku
def test_pratinjau_memuat_ulang_dan_menampilkan_galat(tmp_path):
    akar = tmp_path / "data"
    for nama in ("kanigaran", "skala"):
        shutil.copytree(DATA / nama, akar / nama)
    tahun = akar / "kanigaran" / "2024"
    with p.pratinjau_berjalan(akar, "kanigaran", 2024, tmp_path / "out", AKAR_PROYEK) as (alamat, proses):
        halaman = alamat + "chapters/bab3.html"
        assert "Kalimat baru dari uji pratinjau" not in p.ambil(halaman)
        detik = p.ukur_latensi(alamat, "chapters/bab3.html", tahun / "narasi" / "bab3_pengantar.md",
                               "Pengukuran kinerja dimaksud", KALIMAT + " Pengukuran kinerja dimaksud")
        assert detik > 0
        baru = p.ambil(halaman)
        assert html.escape(KALIMAT, quote=False) in baru and p.SKRIP in baru

        pendengar = p.PendengarAcara(alamat)
        try:
            pendengar.tunggu(p.ACARA_HALO, batas_detik=30)
            ganti(tahun / "realisasi_iku.csv", "ikm,2024,80.25,", "ikm,2024,<i>delapan</i>,")
            nama, data = pendengar.tunggu(p.ACARA_GALAT, p.ACARA_MUAT_ULANG, batas_detik=300)
        finally:
            pendengar.tutup()
        assert nama == p.ACARA_GALAT
        lokasi = f"GALAT: {tahun}/realisasi_iku.csv, baris 3, kolom 'realisasi': nilai tidak sesuai jenis kolom"
        assert any(b.startswith(lokasi) for b in data["baris"])
        assert html.escape(lokasi) in data["html"] and "&lt;i&gt;delapan&lt;/i&gt;" in data["html"]
        assert "<i>delapan" not in data["html"]
        assert p.ambil(halaman) == baru  # the last good page is still served
        # a page opened now is told the error at once
        pendengar = p.PendengarAcara(alamat)
        try:
            assert pendengar.tunggu(p.ACARA_HALO, batas_detik=30)[1]["galat"] == data["html"]
        finally:
            pendengar.tutup()
        assert proses.poll() is None
    assert proses.returncode == 130  # Ctrl-C (SIGINT): "Dihentikan (Ctrl-C)."
    log = (tmp_path / "out-pratinjau.log").read_text(encoding="utf-8")
    assert "data/kanigaran/2024/narasi/bab3_pengantar.md: dibangun ulang dalam" in log
    assert lokasi in log
