"""Changes between years: an IKU defined differently than in the previous year's folder.

A unit that changes an IKU's polarity, capaian formula or satuan from one year to the next breaks
the series (last year's capaian and this year's are no longer comparable), and this year's
"realisasi tahun lalu" should be what last year's report printed as its own realisasi. When the
folder of the year before (`tahun - 1`) of the same unit exists, each difference is a warning
(`Jenis.ANTAR_TAHUN`) naming this year's file and line and the previous year's. A previous year
folder that cannot be read cleanly is skipped (its own check names its problems), with one warning.
"""

from __future__ import annotations

from pathlib import Path

from ..dasar.angka import angka
from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kunci, kutip, nama_berkas
from . import model
from .baca import Baris, Yaml, baca_csv, baca_yaml, validasi_model
from .skema import TABEL

BERKAS_REALISASI = "realisasi_iku.csv"


def _di_dalam(path: Path, akar: Path) -> bool:
    """The file (links followed) lies inside the data root: nothing outside it is read."""
    try:
        return path.resolve().is_relative_to(akar.resolve())
    except (OSError, RuntimeError):
        return False


def _baca_lalu(akar: Path, folder: Path):
    """renstra.yaml, laporan.yaml and realisasi_iku.csv of the previous year's folder, with their
    parsed YAML, or None when any of them is missing or has an error."""
    temuan = DaftarTemuan()  # the previous year's own findings are not this year's
    jalur = [folder / "renstra.yaml", folder / "laporan.yaml", folder / BERKAS_REALISASI]
    if not all(p.is_file() and _di_dalam(p, akar) for p in jalur):
        return None
    renstra_yaml, pengaturan_yaml = baca_yaml(jalur[0], temuan), baca_yaml(jalur[1], temuan)
    if renstra_yaml is None or pengaturan_yaml is None:
        return None
    renstra = validasi_model(renstra_yaml, model.Renstra, temuan)
    pengaturan = validasi_model(pengaturan_yaml, model.Pengaturan, temuan)
    kolom_kolom, kunci_baris = TABEL[BERKAS_REALISASI]
    realisasi = baca_csv(jalur[2], kolom_kolom, temuan, kunci_baris, draf=True)
    if temuan.ada_galat or renstra is None or pengaturan is None:
        return None
    return renstra, renstra_yaml, pengaturan, pengaturan_yaml, realisasi


def _rumus(renstra: model.Renstra, renstra_yaml: Yaml, pengaturan: model.Pengaturan, pengaturan_yaml: Yaml,
           i: int) -> tuple[str, Path, int | None, str]:
    """The negative-polarity capaian formula IKU number `i` uses, and where it is set: its own key in
    renstra.yaml, else the unit's metode.capaian_negatif in laporan.yaml (or that key's default)."""
    iku = renstra.iku[i]
    if iku.rumus_capaian_negatif is not None:
        return (iku.rumus_capaian_negatif, renstra_yaml.path, renstra_yaml.baris(("iku", i, "rumus_capaian_negatif")),
                f"iku[{i}].rumus_capaian_negatif")
    return (pengaturan.metode.capaian_negatif, pengaturan_yaml.path,
            pengaturan_yaml.baris(("metode", "capaian_negatif")), "metode.capaian_negatif")


def _di(path: Path, baris: int | None) -> str:
    return nama_berkas(path) + (f" baris {baris}" if baris is not None else "")


def periksa_antar_tahun(akar: Path, unit: str, tahun: int, renstra: model.Renstra, renstra_yaml: Yaml,
                        pengaturan: model.Pengaturan, pengaturan_yaml: Yaml, realisasi: list[Baris],
                        temuan: DaftarTemuan) -> None:
    """Warn of each IKU whose polarity, capaian formula or satuan differs from data/<unit>/<tahun-1>/,
    and of each realisasi of tahun-1 in this year's realisasi_iku.csv that differs from the
    realisasi that folder records for its own year."""
    lalu = tahun - 1
    folder_lalu = akar / unit / str(lalu)
    if not folder_lalu.is_dir():
        return
    dibaca = _baca_lalu(akar, folder_lalu)
    if dibaca is None:
        temuan.peringatan(Jenis.ANTAR_TAHUN, folder_lalu, f"data tahun {lalu} tidak dapat dibaca utuh; "
                          f"perbandingan IKU dengan tahun {lalu} dilewati",
                          diharapkan=f"renstra.yaml, laporan.yaml dan {BERKAS_REALISASI} tahun {lalu} tanpa galat "
                                     f"(lkjip check --year {lalu})")
        return
    renstra_lalu, renstra_yaml_lalu, pengaturan_lalu, pengaturan_yaml_lalu, realisasi_lalu = dibaca
    nomor_lalu = {iku.kode: j for j, iku in enumerate(renstra_lalu.iku)}
    sebanding = f"deret capaian tahun {lalu} dan {tahun} tidak lagi sebanding"

    for i, iku in enumerate(renstra.iku):
        j = nomor_lalu.get(iku.kode)
        if j is None:
            continue
        iku_lalu = renstra_lalu.iku[j]
        if iku.polaritas != iku_lalu.polaritas:
            temuan.peringatan(Jenis.ANTAR_TAHUN, renstra_yaml.path, f"polaritas IKU '{iku.kode}' berubah dari "
                              f"tahun {lalu}; {sebanding}", baris=renstra_yaml.baris(("iku", i, "polaritas")),
                              kolom=kunci(f"iku[{i}].polaritas"), ditemukan=kutip(iku.polaritas),
                              diharapkan=f"{kutip(iku_lalu.polaritas)} seperti di "
                                         f"{_di(renstra_yaml_lalu.path, renstra_yaml_lalu.baris(('iku', j, 'polaritas')))}"
                                         ", atau jelaskan perubahannya di narasi")
        elif iku.polaritas == "negatif":
            rumus, path, baris, nama = _rumus(renstra, renstra_yaml, pengaturan, pengaturan_yaml, i)
            rumus_lalu, path_lalu, baris_lalu, _ = _rumus(renstra_lalu, renstra_yaml_lalu, pengaturan_lalu,
                                                          pengaturan_yaml_lalu, j)
            if rumus != rumus_lalu:
                temuan.peringatan(Jenis.ANTAR_TAHUN, path, f"rumus capaian IKU '{iku.kode}' berubah dari tahun "
                                  f"{lalu}; {sebanding}", baris=baris, kolom=kunci(nama), ditemukan=kutip(rumus),
                                  diharapkan=f"{kutip(rumus_lalu)} seperti di {_di(path_lalu, baris_lalu)}, atau "
                                             "jelaskan perubahannya di narasi")
        if iku.satuan.strip() != iku_lalu.satuan.strip():
            temuan.peringatan(Jenis.ANTAR_TAHUN, renstra_yaml.path, f"satuan IKU '{iku.kode}' berubah dari tahun "
                              f"{lalu}; {sebanding}", baris=renstra_yaml.baris(("iku", i, "satuan")),
                              kolom=kunci(f"iku[{i}].satuan"), ditemukan=kutip(iku.satuan),
                              diharapkan=f"{kutip(iku_lalu.satuan)} seperti di "
                                         f"{_di(renstra_yaml_lalu.path, renstra_yaml_lalu.baris(('iku', j, 'satuan')))}"
                                         ", atau jelaskan perubahannya di narasi")

    # What last year's folder recorded as its own year's realisasi, by IKU.
    tercatat = {b["iku"]: b for b in realisasi_lalu if b["tahun"] == lalu and b["realisasi"] is not None}
    path, path_lalu = renstra_yaml.path.parent / BERKAS_REALISASI, folder_lalu / BERKAS_REALISASI
    for b in realisasi:
        asal = tercatat.get(b["iku"])
        if b["tahun"] != lalu or b["realisasi"] is None or asal is None or b["realisasi"] == asal["realisasi"]:
            continue
        temuan.peringatan(Jenis.ANTAR_TAHUN, path, f"realisasi tahun {lalu} IKU '{b['iku']}' berbeda dengan "
                          f"data tahun {lalu}", baris=b.nomor, kolom=kolom("realisasi"),
                          ditemukan=angka(b["realisasi"], 4),
                          diharapkan=f"{angka(asal['realisasi'], 4)} seperti di {_di(path_lalu, asal.nomor)}, atau "
                                     f"perbaiki data tahun {lalu} bila angka itulah yang salah")
