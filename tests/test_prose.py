"""The year's prose cites computed values by name: every placeholder resolves, and no figure
or report year is typed into it."""

import re

import pytest
from bantu import DATA

from lkjip_calc.laporan import prosa as prose

FOLDER = DATA / "kanigaran" / "2024"


def berkas_prosa():
    return sorted(FOLDER.glob("narasi/**/*.md")) + sorted(FOLDER.glob("analisis/*.yaml")) + [FOLDER / "sumber.yaml"]


def test_ada_prosa():
    nama = {p.relative_to(FOLDER).as_posix() for p in berkas_prosa()}
    for wajib in ("narasi/kata_pengantar.md", "narasi/ikhtisar_eksekutif.md", "narasi/bab4_kesimpulan.md",
                  "narasi/iku/ikm.md", "narasi/iku/kelompok_lembaga.md", "narasi/iku/administrasi_perkantoran.md",
                  "analisis/ikm.yaml", "sumber.yaml"):
        assert wajib in nama


@pytest.mark.parametrize("path", berkas_prosa(), ids=lambda p: p.relative_to(FOLDER).as_posix())
def test_semua_penanda_terisi(path, laporan):
    teks = path.read_text(encoding="utf-8")
    terisi = laporan.isi(teks)
    assert "{{" not in terisi and "}}" not in terisi


@pytest.mark.parametrize("path", berkas_prosa(), ids=lambda p: p.relative_to(FOLDER).as_posix())
def test_tidak_ada_angka_atau_tahun_diketik(path, laporan):
    teks = prose.POLA.sub("", path.read_text(encoding="utf-8"))
    teks = re.sub(r"^\s*#.*$", "", teks, flags=re.M)  # YAML comments
    # Citations of regulations ("Nomor 29 Tahun 2014", "Perwali 173 Tahun 2019") are names, not figures.
    teks = re.sub(r"(Nomor|No\.|Perwali|Perda|PP|UU)\s*\d+\s+(Tahun|tahun)\s+\d{4}", "", teks)
    h = laporan.hasil
    # (the Renstra's first year is left out: history such as "pada tahun 2019 telah diterbitkan" is text)
    tahun_laporan = {h.data.tahun - 1, h.data.tahun, h.data.tahun + 1, h.data.renstra.tahun_akhir}
    tahun = [t for t in re.findall(r"\b(?:19|20)\d{2}\b", teks) if int(t) in tahun_laporan]
    assert not tahun, f"tahun laporan diketik: {tahun}"
    teks = teks.replace("100%", "")  # "hingga 100%" is a reference level, not a measured figure
    angka = re.findall(r"\b\d{1,3}(?:\.\d{3})+\b|\b\d+,\d+\b|\b\d+\s?%", teks)
    assert not angka, f"angka diketik: {angka}"


def test_daftar_bersarang_diberi_indentasi(laporan):
    terisi = laporan.isi("4. Dari {{ jumlah.iku | terbilang }} IKU:\n   {{ daftar.iku }}\n")
    assert terisi.splitlines() == [
        "4. Dari 3 (tiga) IKU:",
        "   1. Indeks Kepuasan Masyarakat",
        "   2. Persentase Capaian Pengelolaan Administrasi Perkantoran yang ditangani sesuai ketentuan",
        "   3. Persentase Kelompok dan Lembaga Kemasyarakatan yang difasilitasi",
    ]


def test_nilai_terformat(laporan):
    n, t = laporan.nilai, laporan.tampilan
    assert n["anggaran.pagu"].teks(t, "rp") == "Rp 14.959.915.882"
    assert n["jumlah.program"].teks(t, "terbilang") == "4 (empat)"
    assert n["iku.ikm.capaian"].teks(t) == "94,97"
    assert n["iku.kelompok_lembaga.efisiensi"].teks(t) == "2,28"
    assert n["laporan.tanggal"].teks(t) == "Januari 2025"
    assert n["pk.tanggal"].teks(t) == "November 2024"
    assert n["renstra.periode"].teks(t) == "2019-2024"
    assert n["penduduk.jumlah"].teks(t) == "62.683"
    assert n["iku.ikm.tingkat_kemajuan"].teks(t) == "-4,25"
