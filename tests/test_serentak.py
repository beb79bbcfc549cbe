"""`lkjip build --all --jobs N` / `--dask`: unit-years as tasks in worker processes; a failed one is
named and the others go on; the combined site is replaced only when every build succeeded."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from bantu import AKAR_PROYEK, DATA, DATA_TES, beku_dan_sphinx, ganti, sidik

from lkjip_calc.laporan.bab import FOLDER_BAB
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit import serentak
from lkjip_calc.terbit.bangun import BuildGagal, HasilBangun
from lkjip_calc.terbit.serentak import HasilTugas, Tugas, bangun_serentak, baris_selesai, jalankan_tugas

GAGAL = "LKJIP_UJI_UNIT_GAGAL"  # the unit whose stand-in build fails, read in the worker process


def _data_dua_unit(tmp_path: Path) -> Path:
    """A data root with Kanigaran 2024 (data/) and Sumberrejo 2024 (tests/data), and the scales."""
    akar = tmp_path / "data"
    akar.mkdir()
    shutil.copytree(DATA / "kanigaran", akar / "kanigaran")
    shutil.copytree(DATA / "skala", akar / "skala")
    shutil.copytree(DATA_TES / "sumberrejo", akar / "sumberrejo")
    return akar


def _bangun_palsu(lap, proyek, keluaran, **opsi):
    """A stand-in for the book build: a one-page site written by this (worker) process, or the
    failure of one chosen unit, as the real build reports it."""
    d = lap.hasil.data
    if d.unit_kode == os.environ.get(GAGAL):
        raise BuildGagal(f"Bab 'bab3' gagal saat dijalankan (langkah: uji) untuk {d.unit_kode}.")
    html = keluaran / d.unit_kode / str(d.tahun) / "html"
    html.mkdir(parents=True, exist_ok=True)
    (html / "index.html").write_text(f"{d.unit.nama} {d.tahun} pid {os.getpid()} situs {opsi['situs']}",
                                     encoding="utf-8")
    return HasilBangun(html=html, pdf=None, detik=1.25, docx=None, dari_cache=["sampul"], dijalankan=["bab1", "bab2"])


def tugas_palsu(tugas: Tugas, mesin=None) -> HasilTugas:
    """The batch's task with the stand-in build, in whichever process runs it (imported there by name)."""
    serentak.bangun = _bangun_palsu
    return jalankan_tugas(tugas, mesin)


@pytest.fixture
def dua_unit(tmp_path):
    akar = _data_dua_unit(tmp_path)
    laporan = [siapkan(akar, unit, 2024, folder_bab=AKAR_PROYEK / FOLDER_BAB) for unit in ("kanigaran", "sumberrejo")]
    return akar, laporan


@pytest.mark.buku
def test_kumpulan_dua_pekerja_satu_gagal_yang_lain_jalan_situs_lama_tetap(dua_unit, tmp_path, monkeypatch, capsys):
    akar, laporan = dua_unit
    keluaran = tmp_path / "build"
    monkeypatch.delenv(GAGAL, raising=False)
    pertama = bangun_serentak(laporan, AKAR_PROYEK, keluaran, html_saja=True, jobs=2, fungsi=tugas_palsu)
    assert pertama.gagal == [] and pertama.situs == keluaran / "situs"
    indeks = (keluaran / "situs" / "index.html").read_text(encoding="utf-8")
    assert 'href="kanigaran/2024/index.html"' in indeks and 'href="sumberrejo/2024/index.html"' in indeks
    halaman = (keluaran / "situs" / "sumberrejo" / "2024" / "index.html").read_text(encoding="utf-8")
    assert f"pid {os.getpid()} " not in halaman  # built in a worker process, not in lkjip's
    assert "'tahun_unit': [2024]" in halaman  # the year switcher's data travelled with the task
    out = capsys.readouterr().out
    # 1.25 s as the build reported it, one decimal the Indonesian way (half up), and its chapters
    assert "kanigaran 2024 selesai (1,3 s; bab dari cache: 1, dijalankan: 2)" in out
    sebelum = sidik(keluaran / "situs")

    monkeypatch.setenv(GAGAL, "sumberrejo")  # the pool's workers are started with this environment
    kedua = bangun_serentak(laporan, AKAR_PROYEK, keluaran, html_saja=True, jobs=2, fungsi=tugas_palsu)
    assert kedua.situs is None
    assert [(h.unit, h.tahun) for h in kedua.gagal] == [("sumberrejo", 2024)]
    assert kedua.gagal[0].gagal == "Bab 'bab3' gagal saat dijalankan (langkah: uji) untuk sumberrejo."
    assert not kedua.gagal[0].internal
    berhasil = [h for h in kedua.hasil if h.gagal is None]
    assert [(h.unit, h.html) for h in berhasil] == [("kanigaran", keluaran / "kanigaran" / "2024" / "html")]
    assert sidik(keluaran / "situs") == sebelum  # the previous combined site stays as it was
    out = capsys.readouterr().out
    assert "GAGAL: sumberrejo 2024: Bab 'bab3' gagal saat dijalankan" in out and "Traceback" not in out


def test_tugas_data_tidak_valid_disebut_berkas_baris_kolom(dua_unit):
    akar, laporan = dua_unit
    ganti(akar / "sumberrejo" / "2024" / "realisasi_iku.csv", "ikm,2024,84.12,", "ikm,2024,delapan,")
    tugas = serentak.tugas_semua(laporan, AKAR_PROYEK, akar.parent / "build", html_saja=True)
    assert pickle.loads(pickle.dumps(tugas)) == tugas  # what travels to a worker
    hasil = jalankan_tugas(tugas[1])
    assert (hasil.unit, hasil.tahun, hasil.html) == ("sumberrejo", 2024, None)
    assert hasil.gagal.startswith("data tidak valid, 1 galat: ")
    assert "sumberrejo/2024/realisasi_iku.csv, baris 3, kolom 'realisasi'" in hasil.gagal
    assert "delapan" in hasil.gagal and not hasil.internal


def test_galat_program_dalam_tugas_disebut_untuk_unit_itu(dua_unit, monkeypatch):
    akar, laporan = dua_unit

    def rusak(*a, **k):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(serentak, "bangun", rusak)
    hasil = jalankan_tugas(serentak.tugas_semua(laporan, AKAR_PROYEK, akar.parent / "build")[0])
    assert hasil.internal and hasil.unit == "kanigaran"
    assert hasil.gagal.startswith("GALAT INTERNAL (ZeroDivisionError: division by zero)")


def test_baris_selesai():
    h = HasilTugas("kanigaran", 2024, detik=12.34, dijalankan=["bab1", "bab2"],
                   dari_cache=["sampul", "kata_pengantar", "ikhtisar_eksekutif", "bab3", "bab4", "lampiran"])
    assert baris_selesai(h) == "kanigaran 2024 selesai (12,3 s; bab dari cache: 6, dijalankan: 2)"
    assert baris_selesai(HasilTugas("kanigaran", 2024, detik=3.0)) == "kanigaran 2024 selesai (3,0 s)"
    assert baris_selesai(HasilTugas("x", 2025, gagal="data tidak valid")) == "GAGAL: x 2025: data tidak valid"


def test_penjadwal_dask_tidak_terjangkau_satu_baris_keluar_2(jalankan, monkeypatch, tmp_path):
    monkeypatch.setattr(serentak, "_BATAS_SAMBUNG_DASK", "1s")
    akar = _data_dua_unit(tmp_path)
    shutil.rmtree(akar / "kanigaran")
    keluar = jalankan("build", "--all", "--html-only", "--dask", "tcp://127.0.0.1:9", "--data", str(akar),
                      "--out", str(tmp_path / "b"))
    assert keluar.kode == 2, keluar.err
    baris = [b for b in keluar.err.splitlines() if b.strip()]
    assert len(baris) == 1 and "Traceback" not in keluar.err
    assert baris[0].startswith("BUILD GAGAL: Penjadwal Dask di 'tcp://127.0.0.1:9' tidak dapat dihubungi")
    assert not (tmp_path / "b" / "situs").exists()


@pytest.mark.parametrize("argumen, pesan", [(["--jobs", "2"], "hanya berlaku bersama --all"),
                                            (["--all", "--jobs", "0"], "bilangan bulat 1 atau lebih")])
def test_opsi_jobs_salah(jalankan, argumen, pesan):
    keluar = jalankan("build", *argumen)
    assert keluar.kode == 2 and pesan in keluar.err


@pytest.mark.buku
def test_dask_lokal_dua_unit_satu_situs(tmp_path, jalankan):
    akar = _data_dua_unit(tmp_path)
    keluaran = tmp_path / "build"
    keluar = jalankan("build", "--all", "--dask", "lokal", "--jobs", "2", "--html-only", "--data", str(akar),
                      "--out", str(keluaran))
    assert keluar.kode == 0, keluar.err
    for unit in ("kanigaran", "sumberrejo"):
        assert f"{unit} 2024 selesai (" in keluar.out
    assert "Traceback" not in keluar.out + keluar.err and "\r" not in keluar.out  # no progress bar when piped
    situs = keluaran / "situs"
    indeks = (situs / "index.html").read_text(encoding="utf-8")
    for teks in ("Kecamatan Kanigaran", "Kecamatan Sumberrejo", 'href="kanigaran/2024/index.html"',
                 'href="sumberrejo/2024/index.html"'):
        assert teks in indeks
    for unit in ("kanigaran", "sumberrejo"):
        assert (situs / unit / "2024" / "chapters" / "bab3.html").stat().st_size > 10_000
        data_js = (situs / unit / "2024" / "_static" / "lkjip-situs-data.js").read_text(encoding="utf-8")
        assert f'"unit": "{unit}"' in data_js and '"tahun_unit": [2024]' in data_js


def test_catatan_build_hanya_peringatan():
    teks = ("[1/14] Menyiapkan buku\nPERINGATAN: PDF: halaman 3 (Overfull \\vbox di x.log)\n"
            "Menunggu build lain untuk kanigaran 2024 selesai (kunci: k)\n[2/14] Bab sampul selesai dijalankan\n")
    assert serentak._catatan(teks) == ["PERINGATAN: PDF: halaman 3 (Overfull \\vbox di x.log)",
                                       "Menunggu build lain untuk kanigaran 2024 selesai (kunci: k)"]


@pytest.mark.buku
@pytest.mark.parametrize("draf", [False, True])
def test_data_tidak_valid_draf_membangun_yang_lain_tanpa_situs(tmp_path, jalankan, monkeypatch, draf):
    akar = _data_dua_unit(tmp_path)
    ganti(akar / "sumberrejo" / "2024" / "realisasi_iku.csv", "ikm,2024,84.12,", "ikm,2024,delapan,")
    dipanggil = []

    def batch_palsu(laporan, proyek, keluaran, **opsi):
        dipanggil.append(([lap.hasil.data.unit_kode for lap in laporan], opsi))
        return serentak.HasilBatch([HasilTugas("kanigaran", 2024, html=keluaran / "kanigaran" / "2024" / "html")], None)

    monkeypatch.setattr(serentak, "bangun_serentak", batch_palsu)
    argumen = ["build", "--all", "--html-only", "--jobs", "2", "--data", str(akar), "--out", str(tmp_path / "b")]
    keluar = jalankan(*argumen, *(["--draft"] if draf else []))
    assert keluar.kode == 2
    assert "Data sumberrejo tahun 2024 tidak valid: 1 galat." in keluar.err
    if not draf:  # as without --jobs: every unit-year checked first, nothing built
        assert dipanggil == [] and "Tidak ada yang dibangun" in keluar.err
        return
    # --draft: the valid unit-years are built; the combined site is not replaced
    assert [(unit, opsi["rakit"], opsi["jobs"]) for unit, opsi in dipanggil] == [(["kanigaran"], False, 2)]
    assert "1 unit-tahun gagal dibangun; situs semua unit dan tahun tidak diganti" in keluar.err
    assert "  - sumberrejo 2024: data tidak valid (galat di atas)" in keluar.err


@pytest.mark.buku
@pytest.mark.parametrize("dask", [False, True])
def test_unit_tahun_diperiksa_pekerja_sama_dengan_di_sini(tmp_path, dask):
    """With --jobs N the batch's pool, with --dask the cluster's workers check the unit-years: the
    same Laporan, or the same findings of a year that stops, in the same order as lkjip checking
    them itself; checked in the workers."""
    from lkjip_calc.dasar.proses import kumpulan_pekerja
    from lkjip_calc.laporan.bahan import Laporan

    akar = _data_dua_unit(tmp_path)
    ganti(akar / "sumberrejo" / "2024" / "realisasi_iku.csv", "ikm,2024,84.12,", "ikm,2024,delapan,")
    pasangan = [("sumberrejo", 2024), ("kanigaran", 2024)]
    di_sini = list(serentak.siapkan_semua(pasangan, akar, False, AKAR_PROYEK / FOLDER_BAB))
    with serentak.klien_dask(serentak.DASK_LOKAL, 2) if dask else kumpulan_pekerja(2) as pelaksana:
        pekerja = list(serentak.siapkan_semua(pasangan, akar, False, AKAR_PROYEK / FOLDER_BAB, pelaksana))
        pid = {pelaksana.submit(os.getpid, pure=False).result() if dask else pelaksana.submit(os.getpid).result()
               for _ in range(4)}
    assert [(u, t) for u, t, _ in pekerja] == pasangan
    assert os.getpid() not in pid
    (_, _, galat_sini), (_, _, lap_sini) = di_sini
    (_, _, galat), (_, _, lap) = pekerja
    assert isinstance(lap, Laporan) and isinstance(lap_sini, Laporan)
    def ringkas(lap):
        return [(k.indikator, k.capaian, k.predikat) for k in lap.hasil.kinerja]

    assert ringkas(lap) == ringkas(lap_sini) and len(ringkas(lap)) >= 3
    assert [str(t) for t in galat.galat_saja] == [str(t) for t in galat_sini.galat_saja]
    assert "kolom 'realisasi'" in str(galat.galat_saja[0]) and "'delapan'" in str(galat.galat_saja[0])


@pytest.mark.buku
def test_pekerja_batch_diimpor_dan_dibekukan_sekali(dua_unit):
    """A batch worker's first task imports what every build needs and keeps it out of the garbage
    collector's sight (a full collection, which each build's doctrees bring about, then passes it by);
    lkjip's own process, running tasks one after another, does not."""
    from lkjip_calc.dasar.proses import kumpulan_pekerja

    akar, laporan = dua_unit
    ganti(akar / "sumberrejo" / "2024" / "realisasi_iku.csv", "ikm,2024,84.12,", "ikm,2024,delapan,")
    tugas = serentak.tugas_semua(laporan, AKAR_PROYEK, akar.parent / "build", html_saja=True)[1]
    with kumpulan_pekerja(1) as pool:
        assert pool.submit(beku_dan_sphinx).result() == (0, False)
        assert pool.submit(jalankan_tugas, tugas).result().gagal.startswith("data tidak valid")
        beku, sphinx = pool.submit(beku_dan_sphinx).result()
        assert sphinx and beku > 10_000
        assert pool.submit(jalankan_tugas, tugas).result().gagal.startswith("data tidak valid")
        assert pool.submit(beku_dan_sphinx).result()[0] == beku  # once: what later builds made is collected
    sebelum = beku_dan_sphinx()[0]
    assert jalankan_tugas(tugas).gagal.startswith("data tidak valid")
    assert beku_dan_sphinx()[0] == sebelum


def _profil_pekerja() -> bool:
    import dask

    return dask.config.get(serentak.KONFIG_PROFIL_DASK)


@pytest.mark.buku
def test_pekerja_dask_lokal_tanpa_profil_tumpukan():
    """The local cluster's workers do not sample their task's stack every 10 ms (for a dashboard
    lkjip does not start): builds through Sphinx's deep recursion were 15 % slower with it."""
    with serentak.klien_dask(serentak.DASK_LOKAL, 1) as klien:
        assert list(klien.run(_profil_pekerja).values()) == [False]
    import dask

    assert dask.config.get(serentak.KONFIG_PROFIL_DASK)  # lkjip's own setting is left as it was


@pytest.mark.buku
def test_dua_kluster_lokal_bersamaan_tanpa_peringatan_port():
    """Two `--dask lokal` batches at once (two analysts on one server): the second's scheduler does
    not find port 8787 taken and say so; each listens on a free port of this machine only."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with serentak.klien_dask(serentak.DASK_LOKAL, 1) as satu, serentak.klien_dask(serentak.DASK_LOKAL, 1) as dua:
            alamat = [k.cluster.scheduler.http_server.address for k in (satu, dua)]
            port = {k.cluster.scheduler.http_server.port for k in (satu, dua)}
    assert alamat == ["127.0.0.1", "127.0.0.1"] and len(port) == 2 and 8787 not in port
