"""Load one (unit, year) from data/: read every file, type-check it, and check that every link
(IKU, sasaran, program, kegiatan) points at something that exists."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from ..dasar.temuan import DaftarTemuan, Jenis, kunci, kutip, nama_berkas
from ..dasar.temuan import kolom as label_kolom
from . import model
from .antar_tahun import periksa_antar_tahun
from .baca import BELUM_DIISI, Yaml, baca_csv, baca_teks, baca_yaml, validasi_model
from .basi import baris_tetap, periksa_basi
from .gambar import FOLDER_GAMBAR, NAMA_DAFTAR_GAMBAR, muat_gambar
from .lokasi import FOLDER_SKALA
from .periode import periksa_periode
from .rujukan import periksa_rujukan
from .skema import BAGIAN_WILAYAH, BERKAS_PERIODE, BOLEH_TIDAK_ADA, OPSIONAL, PERLU_BARIS, TABEL
from .tahun import DataTahun, Narasi


def _yaml_model(path: Path, jenis_model, temuan: DaftarTemuan):
    berkas = baca_yaml(path, temuan)
    if berkas is None:
        return None, None
    return validasi_model(berkas, jenis_model, temuan), berkas


def periksa_tautan(folder: Path, akar: Path, temuan: DaftarTemuan) -> None:
    """Every file and folder under `folder` stays inside the data root: a symbolic link leading
    outside it (to /etc/passwd, a home folder, ...) is an error, so nothing outside the data can
    reach a report. Broken and looping links are named when the file is read."""
    dalam = akar.resolve()

    def periksa(path: Path) -> None:
        try:
            tujuan = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return
        if not tujuan.is_relative_to(dalam):
            temuan.galat(Jenis.TIDAK_SAH, path, "tautan simbolik ke luar folder data",
                         diharapkan=f"berkas biasa di dalam {nama_berkas(akar)}/ (salin berkasnya, jangan ditautkan)")

    periksa(folder)
    if not folder.is_dir():
        return
    for induk, folder_anak, berkas in os.walk(folder):  # links to folders are listed, not followed
        for nama in sorted(folder_anak + berkas):
            if (Path(induk) / nama).is_symlink():
                periksa(Path(induk) / nama)


def muat_skala(akar: Path, kode: str, temuan: DaftarTemuan, pengaturan_yaml: Yaml | None = None):
    """The predikat scale data/skala/<kode>.yaml, validated; None (with the reason in `temuan`) when unusable."""
    path = akar / FOLDER_SKALA / f"{kode}.yaml"
    if not path.exists() and not path.is_symlink():
        ada = sorted(p.stem for p in (akar / FOLDER_SKALA).glob("*.yaml"))
        loc = ("metode", "skala_predikat")
        temuan.galat(Jenis.RUJUKAN_HILANG, pengaturan_yaml.path if pengaturan_yaml else path,
                     "skala predikat tidak ditemukan", baris=pengaturan_yaml.baris(loc) if pengaturan_yaml else None,
                     kolom=kunci("metode.skala_predikat"), ditemukan=kutip(kode),
                     diharapkan="nama berkas di data/skala/: " + (", ".join(ada) or "tidak ada"))
        return None
    periksa_tautan(path, akar, temuan)
    if temuan.ada_galat:
        return None
    skala, _ = _yaml_model(path, model.SkalaModel, temuan)
    return skala


def pisah_bagian(path: Path, teks: str, temuan: DaftarTemuan) -> dict[str, Narasi]:
    """Split a Markdown file at its '## name' headings. Which names are allowed is the report's
    business (laporan.periksa); a repeated heading or text before the first one is an error here."""
    bagian: dict[str, Narasi] = {}
    sekarang, awal, isi = None, 1, []

    def simpan():
        if sekarang is not None:
            teks = "\n".join(isi)
            # blank lines under the heading are dropped: the text starts that many lines later
            bagian[sekarang] = Narasi(path, teks.strip("\n"), awal + len(teks) - len(teks.lstrip("\n")), awal - 1)

    for nomor, baris in enumerate(teks.splitlines(), start=1):
        m = re.match(r"^##\s+(\S.*?)\s*$", baris)
        if m:
            simpan()
            nama = m.group(1)
            if nama in bagian:
                temuan.galat(Jenis.GANDA, path, "judul bagian ganda", baris=nomor, kolom="kolom 1",
                             ditemukan=kutip(baris), diharapkan="setiap bagian sekali saja")
                sekarang = None
            else:
                sekarang = nama
            awal, isi = nomor + 1, []
        elif sekarang is not None:
            isi.append(baris)
        elif baris.strip() and not baris_tetap(baris):
            temuan.galat(Jenis.SINTAKS, path, "teks sebelum judul bagian pertama", baris=nomor, kolom="kolom 1",
                         ditemukan=kutip(baris), diharapkan="teks di bawah judul '## capaian' dan seterusnya")
    simpan()
    return bagian


def _ada(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a broken link is named when read


def _kolom_pertama(path: Path) -> str | None:
    """The heading of a CSV file's first column as written (after a BOM); None when unreadable
    (the reader has named the problem: a FIFO, a folder, a broken link is never opened here)."""
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            kepala = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return kepala[0].strip() if kepala else None


def bagian_wilayah(folder: Path, unit: model.Unit | None, unit_yaml: Yaml | None, temuan: DaftarTemuan) -> str | None:
    """What the parts of the unit's territory are: 'kelurahan' or 'desa' (as unit.yaml's
    bagian_wilayah says, or else as wilayah.csv heads its first column); None for a unit without
    territory, which has neither wilayah.csv nor penduduk.csv."""
    ada = {nama: _ada(folder / nama) for nama in sorted(BOLEH_TIDAK_ADA)}
    dinyatakan = unit.bagian_wilayah if unit is not None else None
    if not any(ada.values()):
        if dinyatakan is not None:
            temuan.galat(Jenis.BERKAS_HILANG, folder / "unit.yaml", "bagian_wilayah diisi tetapi unit tidak punya "
                         "data wilayah", baris=unit_yaml.baris(("bagian_wilayah",)), kolom=kunci("bagian_wilayah"),
                         ditemukan=kutip(dinyatakan), diharapkan="wilayah.csv dan penduduk.csv di folder tahun ini, "
                         "atau hapus bagian_wilayah untuk unit tanpa wilayah (dinas, badan, ...)")
        return None
    for nama, ada_berkas in ada.items():
        if not ada_berkas:
            lain = next(n for n in ada if n != nama)
            temuan.galat(Jenis.BERKAS_HILANG, folder / nama, f"berkas tidak ada padahal {lain} ada",
                         diharapkan="wilayah.csv dan penduduk.csv keduanya (unit berwilayah), atau tidak keduanya "
                         "(unit tanpa wilayah)")
            return None
    kata = {nama: _kolom_pertama(folder / nama) for nama in ada}
    harapan = dinyatakan or kata["wilayah.csv"]
    for nama, judul in kata.items():
        if judul in BAGIAN_WILAYAH and judul != harapan:
            asal = "bagian_wilayah di unit.yaml" if dinyatakan else "kolom pertama wilayah.csv"
            temuan.galat(Jenis.KOLOM, folder / nama, f"judul kolom tidak sesuai {asal}", baris=1,
                         kolom=label_kolom(judul), ditemukan=kutip(judul), diharapkan=kutip(harapan))
    return harapan if harapan in BAGIAN_WILAYAH else "kelurahan"


def kunci_berperiode(nama: str, baris: list, tahun: int) -> set[tuple[str, ...]]:
    """The keys (as written in the CSV) of the rows of `nama` whose figure the periodic rows give:
    the report year's row of each IKU in realisasi_periode.csv, each budget line in anggaran_periode.csv."""
    if nama == "realisasi_iku.csv":
        return {(b["iku"], str(tahun)) for b in baris}
    return {(b["program"], b["kegiatan"], b["sub_kegiatan"], b["sub_unit"] or "") for b in baris}


def baca_tabel(folder: Path, tahun: int, temuan: DaftarTemuan, draf: bool = False) -> dict[str, list]:
    """Every CSV table of the year; an optional table whose file is absent has no rows. The periodic
    tables are read first: a realisasi they give may be left empty in its own table."""
    urutan = sorted(TABEL, key=lambda nama: nama not in BERKAS_PERIODE.values())
    tabel: dict[str, list] = {}
    for nama in urutan:
        kol, kunci_baris = TABEL[nama]
        path = folder / nama
        if nama in OPSIONAL | BOLEH_TIDAK_ADA and not _ada(path):
            tabel[nama] = []
            continue
        periode = BERKAS_PERIODE.get(nama)
        berperiode = kunci_berperiode(nama, tabel[periode], tahun) if periode else None
        tabel[nama] = baca_csv(path, kol, temuan, kunci_baris, draf, berperiode, boleh_kosong=nama in OPSIONAL,
                               perlu_baris=nama in PERLU_BARIS)
    return {nama: tabel[nama] for nama in TABEL}


def muat(akar: Path, unit: str, tahun: int, draf: bool = False) -> tuple[DataTahun | None, DaftarTemuan]:
    """Read and cross-check data/<unit>/<tahun>/. Returns the data (None on errors) and all findings.

    draf=True lists figures not yet filled in instead of stopping at them.
    """
    temuan = DaftarTemuan()
    folder = akar / unit / str(tahun)
    periksa_tautan(folder, akar, temuan)
    if temuan.ada_galat:
        return None, temuan
    unit_model, unit_yaml = _yaml_model(folder / "unit.yaml", model.Unit, temuan)
    organisasi, _ = _yaml_model(folder / "organisasi.yaml", model.Organisasi, temuan)
    renstra, renstra_yaml = _yaml_model(folder / "renstra.yaml", model.Renstra, temuan)
    pengaturan, pengaturan_yaml = _yaml_model(folder / "laporan.yaml", model.Pengaturan, temuan)
    skala_kode = pengaturan.metode.skala_predikat if pengaturan else None
    skala = muat_skala(akar, skala_kode, temuan, pengaturan_yaml) if pengaturan else None
    tabel = baca_tabel(folder, tahun, temuan, draf)
    wilayah = bagian_wilayah(folder, unit_model, unit_yaml, temuan)

    sumber, sumber_yaml = None, None
    if (folder / "sumber.yaml").exists():
        sumber, sumber_yaml = _yaml_model(folder / "sumber.yaml", model.Sumber, temuan)

    daftar_gambar, daftar_gambar_yaml = None, None
    if _ada(folder / FOLDER_GAMBAR / NAMA_DAFTAR_GAMBAR):
        daftar_gambar, daftar_gambar_yaml = _yaml_model(folder / FOLDER_GAMBAR / NAMA_DAFTAR_GAMBAR,
                                                        model.DaftarGambar, temuan)
    logo, gambar, pindaian = muat_gambar(folder, akar, unit_model, unit_yaml, pengaturan, pengaturan_yaml,
                                         daftar_gambar, daftar_gambar_yaml, temuan)

    analisis, analisis_yaml = {}, {}
    for path in sorted((folder / "analisis").glob("*.yaml")):
        isi, berkas = _yaml_model(path, model.Analisis, temuan)
        if isi is not None:
            if isi.iku != path.stem:
                temuan.galat(Jenis.TIDAK_SAH, path, "kode IKU tidak sama dengan nama berkas", baris=berkas.baris(("iku",)),
                             kolom=kunci("iku"), ditemukan=kutip(isi.iku), diharapkan=kutip(path.stem))
            analisis[path.stem], analisis_yaml[path.stem] = isi, berkas

    narasi = {}
    for path in sorted((folder / "narasi").glob("*.md")):
        teks = baca_teks(path, temuan)
        if teks is not None:
            narasi[path.stem] = Narasi(path, teks)
    narasi_iku = {}
    for path in sorted((folder / "narasi" / "iku").glob("*.md")):
        teks = baca_teks(path, temuan)
        if teks is not None:
            narasi_iku[path.stem] = pisah_bagian(path, teks, temuan)

    basi = periksa_basi(akar, unit, tahun, temuan)
    if renstra is not None and pengaturan is not None and not temuan.ada_galat:
        periksa_antar_tahun(akar, unit, tahun, renstra, renstra_yaml, pengaturan, pengaturan_yaml,
                            tabel["realisasi_iku.csv"], temuan)

    if pengaturan is not None:
        for loc, nilai in ((("tanggal_laporan",), pengaturan.tanggal_laporan),
                           (("perjanjian_kinerja", "tanggal"), pengaturan.perjanjian_kinerja.tanggal)):
            if nilai is None:
                lapor = temuan.peringatan if draf else temuan.galat
                lapor(Jenis.BELUM_DIISI, folder / "laporan.yaml", BELUM_DIISI, baris=pengaturan_yaml.baris(loc),
                      kolom=kunci(".".join(loc)), diharapkan="tahun-bulan, mis. 2025-01")

    if unit_model is not None and unit_model.kode != unit:
        temuan.galat(Jenis.TIDAK_SAH, folder / "unit.yaml", "kode unit tidak sama dengan nama folder",
                     baris=unit_yaml.baris(("kode",)),
                     kolom=kunci("kode"), ditemukan=kutip(unit_model.kode), diharapkan=kutip(unit))

    if temuan.ada_galat or None in (unit_model, organisasi, renstra, pengaturan, skala):
        return None, temuan
    data = DataTahun(akar=akar, unit_kode=unit, tahun=tahun, folder=folder, unit=unit_model, organisasi=organisasi,
                     renstra=renstra, pengaturan=pengaturan, pengaturan_yaml=pengaturan_yaml, skala_kode=skala_kode,
                     skala=skala, tabel=tabel, analisis=analisis, analisis_yaml=analisis_yaml,
                     sumber=sumber.bawaan if sumber is not None else {},
                     sumber_iku=sumber.iku if sumber is not None else {}, sumber_yaml=sumber_yaml,
                     narasi=narasi, narasi_iku=narasi_iku, basi={b.jalur: b.tahun_lalu for b in basi},
                     bagian_wilayah=wilayah, logo=logo, gambar=gambar, gambar_yaml=daftar_gambar_yaml,
                     pk_pindaian=pindaian)
    periksa_rujukan(data, renstra_yaml, temuan, draf)
    periksa_periode(data, renstra_yaml, temuan, draf)
    if temuan.ada_galat:
        return None, temuan
    return data, temuan
