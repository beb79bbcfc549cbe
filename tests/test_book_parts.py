"""What a chapter calls, without a full build: the parts it shows, and a clear error where the
prose a chapter needs is missing."""

from __future__ import annotations

import pytest
from bantu import DATA, TAHUN, ganti

import lkjip_calc.laporan.buku as book


@pytest.fixture
def tampilan(monkeypatch, tmp_path):
    keluar = []
    monkeypatch.setattr(book, "display", lambda m, **_: keluar.append(m.data))
    monkeypatch.chdir(tmp_path)  # chart images are written beside the chapter being run
    return keluar


def test_bab3_per_iku_dari_data(tampilan, tmp_path):
    book.Buku("kanigaran", 2024, DATA).analisis_iku()
    teks = "\n".join(tampilan)
    assert teks.count("### Sasaran Strategis") == 3 and teks.count("#### Indikator:") == 3
    assert teks.count(":::{list-table}") == 9 * 3 + 3  # nine per IKU and one per sasaran (one IKU each)
    # the sasaran's table comes under its heading, before its first IKU
    assert teks.index("Capaian Sasaran 1\\:") < teks.index("#### Indikator: Indeks Kepuasan Masyarakat")
    assert "### Sasaran Strategis 1: Meningkatnya Kualitas Pelayanan Publik di Kecamatan Kanigaran" in teks
    assert "##### i. Analisis Program/Kegiatan" in teks
    # one Renstra chart per IKU, saved beside the chapter
    assert sorted(p.name for p in (tmp_path / "gambar").iterdir()) == [
        "renstra-administrasi-perkantoran.png", "renstra-ikm.png", "renstra-kelompok-lembaga.png"]


def test_narasi_bagian_hilang(data_salinan, tampilan):
    ganti(data_salinan / TAHUN / "narasi" / "bab2_pk.md", "<!-- anggaran -->", "<!-- anggran -->")
    buku = book.Buku("kanigaran", 2024, data_salinan)
    with pytest.raises(LookupError) as galat:
        buku.narasi("bab2_pk", "anggaran")
    assert "bab2_pk.md tidak memuat bagian '<!-- anggaran -->'" in str(galat.value)
    assert "anggran" in str(galat.value)


def test_narasi_tak_dideklarasikan(tampilan):
    with pytest.raises(LookupError, match="tidak dideklarasikan"):
        book.Buku("kanigaran", 2024, DATA).narasi("bab2_pk", "lampiran")


def test_tanda_tangan(tampilan):
    book.Buku("kanigaran", 2024, DATA).tanda_tangan()
    # place and date, post; then the name block, set down by room for signature and stamp (its class)
    assert tampilan == ["::::{container} tanda-tangan\nProbolinggo, Januari 2025  \n**CAMAT KANIGARAN**\n\n"
                        ":::{container} nama-tanda-tangan\n**NOOR ALY, S\\.H\\., M\\.M\\.**  \nPembina Tingkat I  \n"
                        "NIP. 19700103 199503 1 001\n:::\n::::\n"]


def test_tanda_tangan_pk_tempat_di_atas_pihak_pertama(tampilan):
    book.Buku("kanigaran", 2024, DATA).tanda_tangan_pk()
    kiri, kanan = tampilan[0].split("\n  - ")
    assert kiri.startswith("::::{list-table}") and "* - \u00a0\n    \n    PIHAK KEDUA,\n" in kiri
    assert kanan.startswith("Probolinggo, November 2024\n    \n    PIHAK PERTAMA,\n    \n    Camat Kanigaran\n")
    assert "November 2024" not in kiri
    assert "    :::{container} nama-tanda-tangan\n    **NOOR ALY, S\\.H\\., M\\.M\\.**\n    \n    Pembina" in kanan


def test_tusi_berhuruf_kecuali_fungsi_camat(tampilan):
    """Kanigaran's organisasi.yaml letters every list (butir: huruf) but Camat's fungsi (butir: titik),
    as the regulation does: twelve lettered lists, one for each post after Camat."""
    book.Buku("kanigaran", 2024, DATA).tusi()
    teks = "\n".join(tampilan)
    assert teks.count(":::{container} daftar-huruf") == 12
    camat, sekretaris = teks.split("\n2. **Sekretaris**")[0], teks.split("\n2. **Sekretaris**")[1].split("\n3. ")[0]
    assert "daftar-huruf" not in camat and camat.count("\n   - ") == 7
    assert "   :::{container} daftar-huruf\n   - pengoordinasian perencanaan" in sekretaris
    assert sekretaris.count("\n   - ") == 10


def test_tusi_tanpa_butir_berbutir(tampilan, data_salinan):
    """A file without `butir` (any data folder written before it) prints bullets as before."""
    ganti(data_salinan / TAHUN / "organisasi.yaml", "\nbutir: huruf\n", "\n")
    book.Buku("kanigaran", 2024, data_salinan).tusi()
    assert "daftar-huruf" not in "\n".join(tampilan)
