"""Checks of the year's prose against the report: every placeholder names a computed value,
the prose uses only the MyST a report needs (`markah`), every IKU section and sumber.yaml key is
declared (errors), and the prose files and their parts are the ones the chapters show (warnings)."""

from __future__ import annotations

import difflib

from ..dasar.temuan import DaftarTemuan, Jenis, kunci, kutip
from ..masukan.baca import jalur_teks
from ..masukan.tahun import DataTahun
from . import klaim, markah, prosa
from .daftar import KUNCI_BAGIAN_IKU, NARASI, SUMBER, SUMBER_IKU
from .nilai import Nilai


def periksa_prosa(data: DataTahun, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    _penanda(data, nilai, temuan)
    _markah(data, temuan)
    _bagian_iku(data, temuan)
    _kunci_sumber(data, temuan)
    _narasi(data, temuan)
    klaim.periksa(data, nilai, temuan)


def _teks_yaml(data, awal=()):
    """(loc, string) of every string inside a parsed YAML structure."""
    if isinstance(data, str):
        yield awal, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _teks_yaml(v, awal + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _teks_yaml(v, awal + (i,))


def _penanda(data: DataTahun, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    for narasi in data.narasi.values():
        prosa.periksa(narasi.teks, prosa.Tempat(narasi.path, narasi.baris_awal), nilai, temuan)
    for bagian in data.narasi_iku.values():
        for narasi in bagian.values():
            prosa.periksa(narasi.teks, prosa.Tempat(narasi.path, narasi.baris_awal), nilai, temuan)
    berkas_yaml = list(data.analisis_yaml.values()) + ([data.sumber_yaml] if data.sumber_yaml else [])
    for berkas in berkas_yaml:
        for loc, teks in _teks_yaml(berkas.data):
            prosa.periksa(teks, prosa.Tempat(berkas.path, berkas.baris(loc) or 1, jalur_teks(loc)), nilai, temuan)


def _markah(data: DataTahun, temuan: DaftarTemuan) -> None:
    semua = list(data.narasi.values()) + [n for bagian in data.narasi_iku.values() for n in bagian.values()]
    for narasi in semua:
        markah.periksa(narasi.teks, narasi.path, narasi.baris_awal, data.folder, temuan)


def _bagian_iku(data: DataTahun, temuan: DaftarTemuan) -> None:
    for bagian in data.narasi_iku.values():
        for nama, narasi in bagian.items():
            if nama not in KUNCI_BAGIAN_IKU:
                temuan.galat(Jenis.RUJUKAN_HILANG, narasi.path, "judul bagian tidak dikenal", baris=narasi.baris_judul,
                             kolom="kolom 1", ditemukan=kutip(f"## {nama}"),
                             diharapkan="'## ' diikuti salah satu dari: " + ", ".join(KUNCI_BAGIAN_IKU))


def _kunci_sumber(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Every key of sumber.yaml names a table with a "Sumber" line; under `iku:`, an IKU of the
    Renstra and, inside it, a per-IKU table."""
    berkas = data.sumber_yaml

    def tolak(loc, nama, boleh, apa, pesan="kunci tidak dikenal"):
        mirip = difflib.get_close_matches(nama, boleh, n=3, cutoff=0.6)
        temuan.galat(Jenis.KUNCI, berkas.path, pesan, baris=berkas.baris(loc), kolom=kunci(".".join(loc)),
                     ditemukan=kutip(nama), diharapkan=f"{apa}: " + ", ".join(boleh)
                     + ("; mungkin maksudnya: " + ", ".join(mirip) if mirip else ""))

    for nama in data.sumber:
        if nama not in SUMBER:
            tolak((nama,), nama, SUMBER + ("iku",), "kunci tabel yang ada")
    iku = tuple(i.kode for i in data.renstra.iku)
    for kode, isi in data.sumber_iku.items():
        if kode not in iku:
            tolak(("iku", kode), kode, iku, "kode IKU dari renstra.yaml")
        for nama in isi:
            if nama not in SUMBER_IKU:
                tolak(("iku", kode, nama), nama, SUMBER_IKU, "kunci tabel per IKU",
                      "tabel ini tidak per IKU" if nama in SUMBER else "kunci tidak dikenal")


def _narasi(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Warn where the year's prose and the declared prose parts disagree: a file or part a chapter
    shows is missing (the build would stop there), or a file or part no chapter shows (a misspelt name)."""
    folder = data.folder / "narasi"
    for nama, berkas in NARASI.items():
        dipakai = set(berkas.bagian)
        narasi = data.narasi.get(nama)
        if berkas.wilayah and not data.berwilayah:  # a unit without territory has no such section
            if narasi is not None:
                temuan.peringatan(Jenis.TIDAK_TERTAUT, narasi.path, "berkas narasi ini tidak ditampilkan: unit tanpa "
                                  "wilayah (tidak ada wilayah.csv dan penduduk.csv)",
                                  diharapkan="hapus berkas ini, atau tambahkan wilayah.csv dan penduduk.csv")
            continue
        if narasi is None:
            temuan.peringatan(Jenis.BERKAS_HILANG, folder / f"{nama}.md", "berkas narasi yang ditampilkan bab tidak ada",
                              diharapkan="berkas ini, dengan bagian: " + ", ".join(sorted(dipakai)))
            continue
        ada = prosa.bagian(narasi.teks)
        for b in sorted(dipakai - set(ada)):
            temuan.peringatan(Jenis.RUJUKAN_HILANG, narasi.path, f"bagian '<!-- {b} -->' yang ditampilkan bab tidak ada",
                              diharapkan="baris '<!-- " + b + " -->' di tempat bagian itu dimulai")
        for b in sorted(set(ada) - dipakai - {"awal"}):
            baris = next((i for i, t in enumerate(narasi.teks.splitlines(), start=1) if f"<!-- {b}" in t), None)
            temuan.peringatan(Jenis.TIDAK_TERTAUT, narasi.path, f"bagian '<!-- {b} -->' tidak ditampilkan bab mana pun",
                              baris=baris, diharapkan="salah satu dari: " + ", ".join(sorted(dipakai - {"awal"}))
                              or "tanpa bagian")
    for nama, narasi in sorted(data.narasi.items()):
        if nama not in NARASI:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, narasi.path, "berkas narasi ini tidak ditampilkan bab mana pun",
                              diharapkan="salah satu dari: " + ", ".join(sorted(NARASI)))
