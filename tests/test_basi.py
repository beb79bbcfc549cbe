"""Stale prose (`masukan.basi`): after `lkjip new-year`, every narrative and analysis file still
the same as the previous year's is named by check (Jenis.BASI), listed in BELUM-DIISI.md, and
marked in a draft, until it is rewritten or marked as staying."""

from __future__ import annotations

import re
import shutil

import pytest
from bantu import AKAR_PROYEK, DATA, perlu, perpanjang_renstra, teks_html, teks_pdf

from lkjip_calc.dasar.temuan import Jenis
from lkjip_calc.laporan.buku import Buku
from lkjip_calc.masukan.basi import berkas_prosa
from lkjip_calc.masukan.muat import muat


@pytest.fixture
def tahun_baru(data_salinan, jalankan):
    """Kanigaran 2025, made by new-year from 2024 (mid-Renstra), not yet filled in or rewritten."""
    perpanjang_renstra(data_salinan / "kanigaran" / "2024")
    keluar = jalankan("new-year", "--data", str(data_salinan), "--year", "2025")
    assert keluar.kode == 0, keluar.err
    return data_salinan, keluar


def _basi(akar, tahun=2025) -> dict[str, str]:
    """Stale files of the year (path inside the year's folder) -> the message."""
    data, temuan = muat(akar, "kanigaran", tahun, draf=True)
    assert data is not None, [str(t) for t in temuan.galat_saja]
    folder = f"kanigaran/{tahun}/"
    hasil = {t.berkas.split(folder, 1)[1]: str(t) for t in temuan.berjenis(Jenis.BASI)}
    assert set(hasil) == set(data.basi)
    return hasil


def test_check_menyebut_setiap_salinan(tahun_baru, jalankan):
    akar, _ = tahun_baru
    salinan = berkas_prosa(akar / "kanigaran" / "2024")
    assert len(salinan) == 22 and "narasi/iku/ikm.md" in salinan and "analisis/ikm.yaml" in salinan
    cek = jalankan("check", "--data", str(akar), "--year", "2025", "--draft")
    assert cek.kode == 0, cek.err
    baris = [b.strip() for b in cek.out.splitlines() if "belum diperbarui sejak 2024" in b]
    assert len(baris) == len(salinan)
    for jalur in salinan:
        jenis = jalur.split("/")[0]
        assert any(b == f"PERINGATAN: {akar / 'kanigaran' / '2025' / jalur}: {jenis} belum diperbarui sejak 2024; "
                        f"ditemukan isi sama persis dengan {akar / 'kanigaran' / '2024' / jalur}; diharapkan {jenis} "
                        f"yang ditulis untuk tahun 2025 (atau baris '"
                        + ("<!-- lkjip: tetap -->" if jalur.endswith(".md") else "# lkjip: tetap")
                        + "' bila isinya memang tetap setiap tahun)" for b in baris), jalur


def test_belum_diisi_dan_keluaran_new_year(tahun_baru):
    akar, keluar = tahun_baru
    catatan = (akar / "kanigaran" / "2025" / "BELUM-DIISI.md").read_text(encoding="utf-8")
    bagian = catatan.split("## Narasi yang harus diperbarui", 1)[1]
    cetak = keluar.out.split("Narasi yang harus diperbarui", 1)[1]
    for jalur in berkas_prosa(akar / "kanigaran" / "2024"):
        assert f"- {jalur}\n" in bagian and f"  - {jalur}\n" in cetak


def test_berkas_yang_ditulis_ulang_tidak_lagi_basi(tahun_baru):
    akar, _ = tahun_baru
    folder = akar / "kanigaran" / "2025"
    # line endings and trailing whitespace alone do not make a file rewritten
    teks = (folder / "narasi" / "bab1_geografi.md").read_text(encoding="utf-8")
    (folder / "narasi" / "bab1_geografi.md").write_bytes(teks.replace("\n", "  \r\n").encode("utf-8") + b"\r\n")
    assert "narasi/bab1_geografi.md" in _basi(akar)
    # a changed sentence does
    (folder / "narasi" / "bab1_geografi.md").write_text(teks + "\nTahun ini wilayah tidak berubah.\n", encoding="utf-8")
    with (folder / "analisis" / "ikm.yaml").open("a", encoding="utf-8") as f:
        f.write("# ditinjau untuk 2025\n")
    basi = _basi(akar)
    assert "narasi/bab1_geografi.md" not in basi and "analisis/ikm.yaml" not in basi
    assert len(basi) == 20


def test_penanda_tetap(tahun_baru):
    akar, _ = tahun_baru
    for jalur in ("2024/narasi/bab1_kedudukan.md", "2025/narasi/bab1_kedudukan.md"):  # marked last year: carried
        path = akar / "kanigaran" / jalur
        path.write_text("<!-- lkjip: tetap -->\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    iku = akar / "kanigaran" / "2025" / "narasi" / "iku" / "ikm.md"  # before the first '## ' heading: allowed
    iku.write_text("<!-- lkjip: tetap -->\n\n" + iku.read_text(encoding="utf-8"), encoding="utf-8")
    analisis = akar / "kanigaran" / "2025" / "analisis" / "ikm.yaml"
    analisis.write_text("# lkjip: tetap\n" + analisis.read_text(encoding="utf-8"), encoding="utf-8")
    basi = _basi(akar)
    assert not {"narasi/bab1_kedudukan.md", "narasi/iku/ikm.md", "analisis/ikm.yaml"} & set(basi)
    assert len(basi) == 19
    # the mark splits no part and shows nothing
    data, temuan = muat(akar, "kanigaran", 2025, draf=True)
    assert not temuan.ada_galat and set(data.narasi_iku["ikm"]) == set(muat(DATA, "kanigaran", 2024)[0].narasi_iku["ikm"])


def test_dibandingkan_dengan_tahun_terakhir_sebelumnya(tahun_baru):
    akar, _ = tahun_baru
    unit = akar / "kanigaran"
    lama = (unit / "2024" / "narasi" / "bab1_geografi.md").read_text(encoding="utf-8")
    (unit / "2025" / "narasi" / "bab1_geografi.md").write_text(lama + "\nDitulis untuk 2025.\n", encoding="utf-8")
    shutil.copytree(unit / "2025", unit / "2026")  # 2026 without 2025 rewritten: stale since 2025, not 2024
    (unit / "2026" / "narasi" / "bab1_struktur.md").write_text(lama, encoding="utf-8")  # 2024's text, not 2025's
    (unit / "2025" / "narasi" / "bab1_struktur.md").write_text("Struktur tahun 2025.\n", encoding="utf-8")
    temuan = muat(akar, "kanigaran", 2026, draf=True)[1].berjenis(Jenis.BASI)
    pesan = {t.berkas.split("kanigaran/2026/", 1)[1]: str(t) for t in temuan}
    assert "narasi/bab1_geografi.md" in pesan and "narasi/bab1_struktur.md" not in pesan
    assert all("belum diperbarui sejak 2025" in p and "/kanigaran/2025/" in p for p in pesan.values())


def test_build_semua_mencetak_peringatannya(tahun_baru, jalankan, monkeypatch, tmp_path):
    # build --all prints each report's warnings, as a build of one unit and year does
    from lkjip_calc.terbit import situs

    akar, _ = tahun_baru
    monkeypatch.setattr(situs, "bangun_semua", lambda *a, **k: tmp_path / "situs")
    keluar = jalankan("build", "--all", "--draft", "--data", str(akar), "--out", str(tmp_path / "b"))
    assert keluar.kode == 0, keluar.err
    assert "kanigaran/2025/narasi/bab1_geografi.md: narasi belum diperbarui sejak 2024" in keluar.out
    assert "kanigaran/2024/laporan.yaml, baris 26, kunci 'dinyatakan.luas_km2'" in keluar.out


def test_satu_tahun_saja_tanpa_peringatan():
    data, temuan = muat(DATA, "kanigaran", 2024)
    assert data is not None and not temuan.berjenis(Jenis.BASI) and data.basi == {}


def test_draf_menandai_narasi_basi(tahun_baru):
    akar, _ = tahun_baru
    folder = akar / "kanigaran" / "2025" / "narasi"
    (folder / "bab1_struktur.md").write_text("Struktur organisasi tahun 2025.\n", encoding="utf-8")
    buku = Buku("kanigaran", 2025, akar, draf=True)
    assert buku.lap.draf
    assert buku.teks("bab1_geografi").startswith(
        ":::{admonition} Narasi ini belum diperbarui sejak 2024\n:class: warning\n")
    assert "belum diperbarui" not in buku.teks("bab1_struktur")


@pytest.mark.buku
def test_build_draf_menandai_narasi_basi(buku_semua):
    """The shared draft build: Sumberrejo 2025 (new-year's copy) shows the banner in the site and the
    PDF; Sumberrejo 2024 (no earlier year) does not."""
    perlu("pdftotext")
    folder = buku_semua.tahun("sumberrejo", 2025)
    html = (folder / "html" / "chapters" / "bab1.html").read_text(encoding="utf-8")
    assert any({"admonition", "warning"} <= set(kelas.split()) for kelas in re.findall(r'class="([^"]*)"', html))
    assert "Narasi ini belum diperbarui sejak 2024" in teks_html(folder / "html" / "chapters" / "bab1.html")
    assert "belum diperbarui sejak 2024" in teks_pdf(folder / "lkjip-sumberrejo-2025.pdf")
    lama = buku_semua.tahun("sumberrejo", 2024)
    assert "belum diperbarui" not in teks_html(lama / "html" / "chapters" / "bab1.html")


def test_tanda_draf_menyebut_apa_yang_belum(laporan, tmp_path):
    # a draft whose figures are all filled in is a draft for its prose: the banner says so
    import yaml

    from lkjip_calc.terbit import bangun

    bangun._salin_buku(AKAR_PROYEK, tmp_path / "staging", laporan, draf=True)
    konfigurasi = yaml.safe_load((tmp_path / "staging" / "_config.yml").read_text(encoding="utf-8"))
    assert konfigurasi["sphinx"]["config"]["html_theme_options"]["announcement"].startswith(
        "DRAF: narasi belum diperbarui.")
    assert "DRAF: narasi belum diperbarui}" in konfigurasi["sphinx"]["config"]["latex_elements"]["preamble"]
