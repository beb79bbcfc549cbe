"""`lkjip new-year`: start next year's folder from the latest earlier year.

What stays is carried forward (unit facts, organisation, IKU definitions, Renstra targets, the
links of programs to IKUs, the budget structure, the prose as a starting point); the figures of
the new year are left empty, so `lkjip check` names each of them by file, row and column until
they are filled in. Last year's realisasi become the previous-year figures. An existing year is
never overwritten. When the Renstra period has ended, nothing is invented: the analyst is asked
for the new Renstra instead.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..dasar.angka import bulat
from ..dasar.berkas import folder_atomik, sunting_yaml, teks_csv
from ..dasar.temuan import DaftarTemuan
from ..hitung import periode as hp
from ..masukan.baca import DIGIT_PECAHAN, baca_csv
from ..masukan.basi import PENANDA_TETAP_MD, PENANDA_TETAP_YAML, sama
from ..masukan.lokasi import daftar_tahun
from ..masukan.muat import muat
from ..masukan.skema import OPSIONAL, TABEL
from ..masukan.tahun import DataTahun

# Files copied as they are: facts that stay from year to year, and last year's prose to rewrite.
SALIN = ("unit.yaml", "organisasi.yaml", "program.csv", "iku_program.csv", "wilayah.csv", "sumber.yaml")
# gambar/: the images the prose shows and the cover logo (they rarely change). Not lampiran/: a
# signed Perjanjian Kinerja is one year's (its key in laporan.yaml is dropped too).
FOLDER_SALIN = ("narasi", "analisis", "gambar")
CATATAN = "BELUM-DIISI.md"


class TahunBaruGagal(Exception):
    """new-year cannot go on; the message is for the user."""


@dataclass
class HasilTahunBaru:
    folder: Path
    sumber: int
    isian: list[str] = field(default_factory=list)  # what the analyst must fill, in words
    renstra_berakhir: bool = False
    basi: list[str] = field(default_factory=list)  # copied prose to rewrite: 'narasi/bab1_geografi.md', ...


def _tulis_csv(path: Path, kepala: list[str], baris: list[list]) -> None:
    path.write_text(teks_csv([kepala, *baris]), encoding="utf-8")


def _sel(kepala: list[str], b=None, **ganti) -> list:
    """A row of a new file by column name: `ganti` where given, else the source row's value (or empty),
    so columns added to a table (optional ones included) stay in their place."""
    return [ganti[k] if k in ganti else (b[k] if b is not None else None) for k in kepala]


def _baca(folder: Path, nama: str):
    kolom, kunci = TABEL[nama]
    temuan = DaftarTemuan()
    baris = baca_csv(folder / nama, kolom, temuan, kunci, draf=True)
    if temuan.ada_galat:
        raise TahunBaruGagal(f"{folder / nama} tidak valid; perbaiki dulu tahun sumbernya:\n"
                             + "\n".join(str(t) for t in temuan.galat_saja))
    return [k.nama for k in kolom], baris


def _realisasi_periode(data: DataTahun) -> dict:
    """The year's realisasi of each IKU the source year gave by periods (its periods are not carried
    into the new year), to the decimals a CSV figure may have."""
    cara = {i.kode: i.gabung_periode for i in data.renstra.iku}
    keluar = {}
    for kode, baris in hp.baris_iku(data).items():
        nilai = hp.tahunan(baris, cara.get(kode), None)
        if nilai is not None:
            keluar[kode] = bulat(nilai, DIGIT_PECAHAN)
    return keluar


def buat_tahun(akar: Path, unit: str, tahun: int) -> HasilTahunBaru:
    tahun_ada = daftar_tahun(akar, unit)
    if tahun in tahun_ada:
        raise TahunBaruGagal(f"folder {akar / unit / str(tahun)} sudah ada; new-year tidak pernah menimpa tahun yang ada")
    lebih_awal = [t for t in tahun_ada if t < tahun]
    if not lebih_awal:
        raise TahunBaruGagal(f"unit '{unit}' tidak punya tahun sebelum {tahun} untuk dijadikan dasar")
    sumber_tahun = lebih_awal[-1]
    sumber = akar / unit / str(sumber_tahun)
    tujuan = akar / unit / str(tahun)

    # The source year is read and checked as `lkjip check --draft` does before anything is copied:
    # a broken file, or a link leading outside the data, is named instead of carried into a new year.
    data, temuan = muat(akar, unit, sumber_tahun, draf=True)
    if data is None:
        raise TahunBaruGagal(f"data tahun {sumber_tahun} tidak valid; perbaiki dulu tahun sumbernya:\n"
                             + "\n".join(str(t) for t in temuan.galat_saja))
    berakhir = tahun > data.renstra.tahun_akhir
    hasil = HasilTahunBaru(folder=tujuan, sumber=sumber_tahun, renstra_berakhir=berakhir)

    # Built in a temporary folder beside the target, then moved into place in one step.
    with folder_atomik(tujuan) as sementara:
        for nama in SALIN:
            if (sumber / nama).exists():
                shutil.copy2(sumber / nama, sementara / nama)
        for nama in FOLDER_SALIN:
            if (sumber / nama).is_dir():
                # a link stays a link (the checks refuse one that leads out of the year's folder)
                shutil.copytree(sumber / nama, sementara / nama, symlinks=True)
        if data.logo is not None and not (sementara / data.unit.logo).exists():  # a logo outside gambar/
            (sementara / data.unit.logo).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(data.logo.path, sementara / data.unit.logo)
        shutil.copy2(sumber / "laporan.yaml", sementara / "laporan.yaml")
        _laporan(sementara / "laporan.yaml", hasil, tahun)
        if data.pk_pindaian is not None:  # signed for that year only: neither the key nor the file is carried
            hasil.isian.append(f"laporan.yaml: perjanjian_kinerja.pindaian (PDF Perjanjian Kinerja tahun {tahun} yang "
                               f"ditandatangani; PDF tahun {sumber_tahun} tidak disalin).")

        shutil.copy2(sumber / "renstra.yaml", sementara / "renstra.yaml")
        kepala, target = _baca(sumber, "renstra_target.csv")
        if berakhir:
            _tulis_csv(sementara / "renstra_target.csv", kepala, [])
            hasil.isian.append(
                f"Periode Renstra {data.renstra.periode} sudah berakhir. Isi Renstra yang "
                f"baru: tahun_awal, tahun_akhir, tujuan, sasaran dan IKU di renstra.yaml, dan target tahunannya di "
                f"renstra_target.csv (sengaja dikosongkan, tidak ditebak dari Renstra lama).")
        else:
            _tulis_csv(sementara / "renstra_target.csv", kepala,
                       [[b["iku"], b["tahun"], b["target"]] for b in target])
        target_baru = {b["iku"]: b["target"] for b in target if b["tahun"] == tahun and not berakhir}

        kepala, pk = _baca(sumber, "perjanjian_kinerja.csv")
        _tulis_csv(sementara / "perjanjian_kinerja.csv", kepala,
                   [[b["iku"], target_baru.get(b["iku"])] for b in pk])
        hasil.isian.append("perjanjian_kinerja.csv: target setiap IKU tahun ini (terisi dari Renstra bila ada; "
                           "periksa terhadap dokumen PK yang ditandatangani).")

        kepala, pk_anggaran = _baca(sumber, "pk_anggaran.csv")
        _tulis_csv(sementara / "pk_anggaran.csv", kepala, [[b["program"], None, b["sumber_dana"]] for b in pk_anggaran])
        hasil.isian.append("pk_anggaran.csv: anggaran setiap program menurut Perjanjian Kinerja.")

        kepala, anggaran = _baca(sumber, "anggaran.csv")
        _tulis_csv(sementara / "anggaran.csv", kepala,
                   [_sel(kepala, b, pagu=None, realisasi=None, serapan_dinyatakan=None) for b in anggaran])
        hasil.isian.append("anggaran.csv: pagu dan realisasi setiap sub kegiatan (struktur tahun lalu disalin; "
                           "tambah atau hapus baris bila DPA berubah).")

        kepala, realisasi = _baca(sumber, "realisasi_iku.csv")
        lalu = [b for b in realisasi if b["tahun"] == tahun - 1]
        iku_pk = [b["iku"] for b in pk]
        # last year's realisasi from its periods (the report printed it) becomes a typed figure;
        # last year's stated capaian stays in last year's folder: it is checked on the report year's row only
        dari_periode = _realisasi_periode(data) if sumber_tahun == tahun - 1 else {}
        baris = [_sel(kepala, b, realisasi=dari_periode.get(b["iku"], b["realisasi"]), capaian_dinyatakan=None)
                 for b in lalu]
        nasional = {b["iku"]: b["keterangan_nasional"] for b in lalu}
        baris += [_sel(kepala, iku=kode, tahun=tahun, keterangan_nasional=nasional.get(kode)) for kode in iku_pk]
        _tulis_csv(sementara / "realisasi_iku.csv", kepala, baris)
        if tahun - 1 != sumber_tahun:
            hasil.isian.append(f"realisasi_iku.csv: realisasi tahun {tahun - 1} (tidak ada di data tahun "
                               f"{sumber_tahun}).")
        hasil.isian.append(f"realisasi_iku.csv: realisasi setiap IKU tahun {tahun} (dan realisasi nasional bila ada).")

        for nama in sorted(OPSIONAL):  # last year's periods are not this year's: the header only
            if (sumber / nama).exists():
                _tulis_csv(sementara / nama, [k.nama for k in TABEL[nama][0]], [])
                hasil.isian.append(f"{nama}: realisasi per periode tahun {tahun} (boleh dikosongkan; realisasi per "
                                   f"periode tahun {sumber_tahun} tidak disalin).")

        if data.berwilayah:  # a unit without territory has no population to fill in
            kepala, penduduk = _baca(sumber, "penduduk.csv")
            kepala[0] = data.bagian_wilayah  # the file's own heading: kelurahan or desa
            _tulis_csv(sementara / "penduduk.csv", kepala, [[b["kelurahan"], None, None] for b in penduduk])
            hasil.isian.append(f"penduduk.csv: jumlah penduduk laki-laki dan perempuan per {data.bagian_wilayah}.")
        hasil.isian.append("narasi/, gambar/, analisis/ dan sumber.yaml: salinan tahun lalu sebagai bahan; tulis ulang "
                           "untuk tahun ini (angka dan tahun tetap lewat penanda {{ ... }}).")

        # the same files `lkjip check` names as stale until they are rewritten (or marked as staying)
        hasil.basi = [b.jalur for b in sama(sementara, sumber, sumber_tahun)]
        (sementara / CATATAN).write_text(_catatan(tahun, sumber_tahun, hasil), encoding="utf-8")
    return hasil


def _laporan(path: Path, hasil: HasilTahunBaru, tahun: int) -> None:
    """Dates of the new year's report are left empty, marked with an example of the year's own dates
    (the PK is signed early in the year, the report early the next); the rest of laporan.yaml
    (comments included) stays as it was."""
    contoh = {"tanggal_laporan": f"{tahun + 1}-01", "tanggal": f"{tahun}-02"}

    def kosongkan(data) -> None:
        for peta, kunci in ((data, "tanggal_laporan"), (data.get("perjanjian_kinerja") or {}, "tanggal")):
            if kunci in peta:
                peta[kunci] = None
                peta.ca.items.pop(kunci, None)  # last year's comment on the date
                peta.yaml_add_eol_comment(f"BELUM DIISI: tahun-bulan, mis. {contoh[kunci]}", kunci, column=0)
        pk = data.get("perjanjian_kinerja") or {}
        if "pindaian" in pk:  # last year's signed PK is not this year's
            del pk["pindaian"]

    path.write_text(sunting_yaml(path.read_text(encoding="utf-8"), kosongkan), encoding="utf-8")
    hasil.isian.append("laporan.yaml: tanggal_laporan (Kata Pengantar) dan perjanjian_kinerja.tanggal; periksa "
                       "juga dinyatakan (angka yang dinyatakan dokumen sumber tahun ini).")


def _catatan(tahun: int, sumber: int, hasil: HasilTahunBaru) -> str:
    return "\n".join([
        f"# Data tahun {tahun}: yang harus diisi",
        "",
        f"Folder ini dibuat oleh `lkjip new-year` dari data tahun {sumber}. Isi setiap butir di bawah, lalu jalankan",
        f"`lkjip check --year {tahun}`: setiap nilai yang masih kosong disebut berkas, baris dan kolomnya.",
        "Berkas ini boleh dihapus setelah semuanya terisi.",
        "",
        *[f"- {b}" for b in hasil.isian],
        "",
        *_catatan_basi(tahun, sumber, hasil.basi),
    ])


def _catatan_basi(tahun: int, sumber: int, basi: list[str]) -> list[str]:
    if not basi:
        return []
    return [
        "## Narasi yang harus diperbarui",
        "",
        f"Berkas berikut masih sama dengan data tahun {sumber}; setiap kalimatnya masih tentang angka tahun {sumber}.",
        "`lkjip check` menyebut setiap berkas yang belum diubah, dan build draf menandainya",
        f"\"belum diperbarui sejak {sumber}\".",
        f"Tulis ulang untuk tahun {tahun}; berkas yang isinya memang tetap setiap tahun diberi baris",
        f"`{PENANDA_TETAP_MD}` (Markdown) atau `{PENANDA_TETAP_YAML}` (YAML).",
        "",
        *[f"- {b}" for b in basi],
        "",
    ]
