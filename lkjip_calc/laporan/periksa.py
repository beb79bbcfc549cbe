"""Checks of the year's prose against the report: every placeholder names a computed value,
the prose uses only the MyST a report needs (`markah`), every IKU section and sumber.yaml key is
declared (errors), and the prose files and their parts are the ones the chapters show (warnings)."""

from __future__ import annotations

import difflib

from ..dasar.temuan import DaftarTemuan, Jenis, kunci, kutip, nama_berkas
from ..masukan.baca import jalur_teks
from ..masukan.gambar import FOLDER_GAMBAR, NAMA_DAFTAR_GAMBAR
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
    _gambar(data, temuan)
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


def _gambar(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Every '<!-- gambar: nama -->' marker of the prose is alone on its line and names an image of
    gambar/gambar.yaml, once (errors); an image declared there that no prose places is a warning."""
    semua = list(data.narasi.values()) + [n for bagian in data.narasi_iku.values() for n in bagian.values()]
    dipakai: dict[str, tuple[str, int]] = {}
    daftar = data.folder / FOLDER_GAMBAR / NAMA_DAFTAR_GAMBAR
    for narasi in semua:
        for p in prosa.penanda_gambar(narasi.teks):
            nomor = narasi.baris_awal + p.baris
            baris = narasi.teks.split("\n")[p.baris]
            if not p.sah:
                temuan.galat(Jenis.SINTAKS, narasi.path, "penanda gambar tidak sah", baris=nomor, kolom="kolom 1",
                             ditemukan=kutip(baris.strip() if baris.strip() != p.nama else baris),
                             diharapkan="'<!-- gambar: nama -->' sendiri pada barisnya, tanpa indentasi, dengan nama "
                                        "huruf kecil, angka, '_' atau '-'")
            elif p.nama not in data.gambar:
                mirip = difflib.get_close_matches(p.nama, list(data.gambar), n=3, cutoff=0.6)
                harapan = (f"nama gambar di {nama_berkas(daftar)}: " + (", ".join(data.gambar) or "belum ada gambar")
                           + ("; mungkin maksudnya: " + ", ".join(mirip) if mirip else ""))
                temuan.galat(Jenis.RUJUKAN_HILANG, narasi.path, "penanda gambar tidak menunjuk gambar mana pun",
                             baris=nomor, kolom="kolom 1", ditemukan=kutip(baris.strip()), diharapkan=harapan)
            elif p.nama in dipakai:
                berkas, lalu = dipakai[p.nama]
                temuan.galat(Jenis.GANDA, narasi.path, "gambar ditempatkan dua kali", baris=nomor, kolom="kolom 1",
                             ditemukan=kutip(baris.strip()),
                             diharapkan=f"setiap gambar sekali saja (sudah di {berkas} baris {lalu})")
            else:
                dipakai[p.nama] = (nama_berkas(narasi.path), nomor)
    for nama, g in data.gambar.items():
        if nama not in dipakai:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, daftar, "gambar tidak ditempatkan narasi mana pun", baris=g.baris,
                              kolom=kunci(nama), ditemukan=kutip(nama),
                              diharapkan=f"baris '<!-- gambar: {nama} -->' di narasi tempat gambar ini tampil, "
                                         "atau hapus gambar ini dari daftar")
