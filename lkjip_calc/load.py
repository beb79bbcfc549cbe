"""Load one (unit, year) from data/: read every file, type-check it, and check that every
link (IKU, sasaran, program, kegiatan) points at something that exists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import models
from .errors import DaftarTemuan, kunci, tampil
from .paths import FOLDER_SKALA
from .readers import (BELUM_DIISI, BILANGAN, BULAT, KODE, RUPIAH, TAHUN, TEKS, Baris, Kolom, Yaml, baca_csv, baca_teks,
                      baca_yaml, validasi_model)
from .skala import Pita, Skala

# The CSV tables of a year folder: columns and the key that must be unique.
TABEL = {
    "renstra_target.csv": ([Kolom("iku", KODE), Kolom("tahun", TAHUN), Kolom("target", BILANGAN, isian=True)], ("iku", "tahun")),
    "perjanjian_kinerja.csv": ([Kolom("iku", KODE), Kolom("target", BILANGAN, isian=True)], ("iku",)),
    "program.csv": ([Kolom("kode", KODE), Kolom("nama", TEKS)], ("kode",)),
    "iku_program.csv": ([Kolom("iku", KODE), Kolom("program", KODE)], ("iku", "program")),
    "pk_anggaran.csv": ([Kolom("program", KODE), Kolom("anggaran", RUPIAH, isian=True), Kolom("sumber_dana", TEKS, wajib=False)],
                        ("program",)),
    "anggaran.csv": ([Kolom("program", KODE), Kolom("kegiatan", TEKS), Kolom("sub_kegiatan", TEKS),
                      Kolom("sub_unit", TEKS, wajib=False), Kolom("pagu", RUPIAH, isian=True), Kolom("realisasi", RUPIAH, isian=True)],
                     ("program", "kegiatan", "sub_kegiatan", "sub_unit")),
    "realisasi_iku.csv": ([Kolom("iku", KODE), Kolom("tahun", TAHUN), Kolom("realisasi", BILANGAN, isian=True),
                           Kolom("pembilang", BILANGAN, wajib=False), Kolom("penyebut", BILANGAN, wajib=False),
                           Kolom("realisasi_nasional", BILANGAN, wajib=False),
                           Kolom("keterangan_nasional", TEKS, wajib=False)], ("iku", "tahun")),
    "wilayah.csv": ([Kolom("kelurahan", TEKS), Kolom("luas_km2", BILANGAN, isian=True)], ("kelurahan",)),
    "penduduk.csv": ([Kolom("kelurahan", TEKS), Kolom("laki_laki", BULAT, isian=True), Kolom("perempuan", BULAT, isian=True)], ("kelurahan",)),
}

# The sections of a narasi/iku/<iku>.md file, one per analysis of BAB III, in order.
BAGIAN_IKU = ("capaian", "tahun_lalu", "renstra", "nasional", "alokasi", "kinerja_anggaran", "efisiensi",
              "penyebab", "program")


@dataclass
class Narasi:
    """A Markdown prose file: its path and text (placeholders not yet filled in)."""

    path: Path
    teks: str
    baris_awal: int = 1  # line in the file where `teks` starts (for sections of a file)


@dataclass
class DataTahun:
    """Everything read from data/<unit>/<tahun>/, typed and cross-checked."""

    akar: Path
    unit_kode: str
    tahun: int
    folder: Path
    unit: models.Unit
    organisasi: models.Organisasi
    renstra: models.Renstra
    laporan: models.Laporan
    skala: Skala
    tabel: dict[str, list[Baris]]
    analisis: dict[str, models.Analisis] = field(default_factory=dict)
    analisis_yaml: dict[str, Yaml] = field(default_factory=dict)
    sumber: models.Sumber | None = None
    sumber_yaml: Yaml | None = None
    narasi: dict[str, Narasi] = field(default_factory=dict)
    narasi_iku: dict[str, dict[str, Narasi]] = field(default_factory=dict)

    def berkas(self, nama: str) -> Path:
        return self.folder / nama

    @property
    def iku_pk(self) -> list[str]:
        """IKU codes of this year's Perjanjian Kinerja, in Renstra order."""
        pk = {b["iku"] for b in self.tabel["perjanjian_kinerja.csv"]}
        return [i.kode for i in self.renstra.iku if i.kode in pk]


def _yaml_model(path: Path, model, temuan: DaftarTemuan):
    berkas = baca_yaml(path, temuan)
    if berkas is None:
        return None, None
    return validasi_model(berkas, model, temuan), berkas


def _muat_skala(akar: Path, kode: str, temuan: DaftarTemuan, laporan_yaml: Yaml) -> Skala | None:
    path = akar / FOLDER_SKALA / f"{kode}.yaml"
    if not path.exists():
        ada = sorted(p.stem for p in (akar / FOLDER_SKALA).glob("*.yaml"))
        temuan.galat(laporan_yaml.path, "skala predikat tidak ditemukan", baris=laporan_yaml.baris(("metode", "skala_predikat")),
                     kolom=kunci("metode.skala_predikat"), ditemukan=tampil(kode),
                     diharapkan="nama berkas di data/skala/: " + (", ".join(ada) or "tidak ada"))
        return None
    model, _ = _yaml_model(path, models.SkalaModel, temuan)
    if model is None:
        return None
    return Skala(kode=kode, nama=model.nama, dasar_hukum=model.dasar_hukum, batas_atas=model.batas_atas,
                 pita=tuple(Pita(p.predikat, p.lebih_dari, p.paling_sedikit) for p in model.pita))


def pisah_bagian(path: Path, teks: str, temuan: DaftarTemuan, diizinkan: tuple[str, ...]) -> dict[str, Narasi]:
    """Split a Markdown file at its '## key' headings; an unknown key is an error."""
    bagian: dict[str, Narasi] = {}
    sekarang, awal, isi = None, 1, []
    baris_baris = teks.splitlines()

    def simpan():
        if sekarang is not None:
            bagian[sekarang] = Narasi(path, "\n".join(isi).strip("\n"), awal)

    for nomor, baris in enumerate(baris_baris, start=1):
        m = re.match(r"^##\s+(\S.*?)\s*$", baris)
        if m:
            simpan()
            nama = m.group(1)
            if nama not in diizinkan:
                temuan.galat(path, "judul bagian tidak dikenal", baris=nomor, kolom="kolom 1",
                             ditemukan=tampil(baris), diharapkan="'## ' diikuti salah satu dari: " + ", ".join(diizinkan))
                sekarang = None
            elif nama in bagian:
                temuan.galat(path, "judul bagian ganda", baris=nomor, kolom="kolom 1", ditemukan=tampil(baris),
                             diharapkan="setiap bagian sekali saja")
                sekarang = None
            else:
                sekarang = nama
            awal, isi = nomor + 1, []
        elif sekarang is not None:
            isi.append(baris)
        elif baris.strip():
            temuan.galat(path, "teks sebelum judul bagian pertama", baris=nomor, kolom="kolom 1",
                         ditemukan=tampil(baris), diharapkan="teks di bawah judul '## capaian' dan seterusnya")
    simpan()
    return bagian


def muat(akar: Path, unit: str, tahun: int, draf: bool = False) -> tuple[DataTahun | None, DaftarTemuan]:
    """Read and cross-check data/<unit>/<tahun>/. Returns the data (None on errors) and all findings.

    draf=True lists figures not yet filled in instead of stopping at them.
    """
    from .checks import periksa_rujukan  # cross-reference checks live with the other checks

    temuan = DaftarTemuan()
    folder = akar / unit / str(tahun)
    unit_model, _ = _yaml_model(folder / "unit.yaml", models.Unit, temuan)
    organisasi, _ = _yaml_model(folder / "organisasi.yaml", models.Organisasi, temuan)
    renstra, renstra_yaml = _yaml_model(folder / "renstra.yaml", models.Renstra, temuan)
    laporan, laporan_yaml = _yaml_model(folder / "laporan.yaml", models.Laporan, temuan)
    skala = _muat_skala(akar, laporan.metode.skala_predikat, temuan, laporan_yaml) if laporan else None
    tabel = {nama: baca_csv(folder / nama, kol, temuan, kunci_baris, draf) for nama, (kol, kunci_baris) in TABEL.items()}

    sumber, sumber_yaml = (None, None)
    if (folder / "sumber.yaml").exists():
        sumber, sumber_yaml = _yaml_model(folder / "sumber.yaml", models.Sumber, temuan)

    analisis, analisis_yaml = {}, {}
    for path in sorted((folder / "analisis").glob("*.yaml")):
        model, berkas = _yaml_model(path, models.Analisis, temuan)
        if model is not None:
            if model.iku != path.stem:
                temuan.galat(path, "kode IKU tidak sama dengan nama berkas", baris=berkas.baris(("iku",)),
                             kolom=kunci("iku"), ditemukan=tampil(model.iku), diharapkan=tampil(path.stem))
            analisis[path.stem], analisis_yaml[path.stem] = model, berkas

    narasi = {}
    for path in sorted((folder / "narasi").glob("*.md")):
        teks = baca_teks(path, temuan)
        if teks is not None:
            narasi[path.stem] = Narasi(path, teks)
    narasi_iku = {}
    for path in sorted((folder / "narasi" / "iku").glob("*.md")):
        teks = baca_teks(path, temuan)
        if teks is not None:
            narasi_iku[path.stem] = pisah_bagian(path, teks, temuan, BAGIAN_IKU)

    if laporan is not None:
        for loc, nilai in ((("tanggal_laporan",), laporan.tanggal_laporan),
                           (("perjanjian_kinerja", "tanggal"), laporan.perjanjian_kinerja.tanggal)):
            if nilai is None:
                lapor = temuan.peringatan if draf else temuan.galat
                lapor(folder / "laporan.yaml", BELUM_DIISI, baris=laporan_yaml.baris(loc), kolom=kunci(".".join(loc)),
                      diharapkan="tahun-bulan, mis. 2025-01")

    if unit_model is not None and unit_model.kode != unit:
        temuan.galat(folder / "unit.yaml", "kode unit tidak sama dengan nama folder", baris=1, kolom=kunci("kode"),
                     ditemukan=tampil(unit_model.kode), diharapkan=tampil(unit))

    if temuan.ada_galat or None in (unit_model, organisasi, renstra, laporan, skala):
        return None, temuan
    data = DataTahun(akar=akar, unit_kode=unit, tahun=tahun, folder=folder, unit=unit_model, organisasi=organisasi,
                     renstra=renstra, laporan=laporan, skala=skala, tabel=tabel, analisis=analisis,
                     analisis_yaml=analisis_yaml, sumber=sumber, sumber_yaml=sumber_yaml, narasi=narasi,
                     narasi_iku=narasi_iku)
    periksa_rujukan(data, renstra_yaml, temuan)
    if temuan.ada_galat:
        return None, temuan
    return data, temuan
