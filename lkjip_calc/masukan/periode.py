"""Checks of the periodic realisasi (realisasi_periode.csv, anggaran_periode.csv): every row names an
IKU or budget line that exists, one kind of period (triwulan or month) per IKU and per budget, an
IKU with periods says how they make its year (renstra.yaml `gabung_periode`), and a year whose
periods are not all given is still to be filled in (`Jenis.BELUM_DIISI`: a draft only)."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kunci, kutip
from .baca import BELUM_DIISI, BULAN_PERIODE, TRIWULAN, Baris
from .model import GABUNG_PERIODE
from .tahun import DataTahun

IKU_PERIODE = "realisasi_periode.csv"
ANGGARAN_PERIODE = "anggaran_periode.csv"


def jenis_periode(periode: str) -> tuple[str, ...]:
    """All the periods of the year of the kind `periode` belongs to: the four triwulan or the twelve months."""
    return TRIWULAN if periode in TRIWULAN else BULAN_PERIODE


def kunci_anggaran(b: Baris) -> tuple[str, str, str, str]:
    """The budget line a row of anggaran.csv or anggaran_periode.csv is about (no sub unit: '')."""
    return b["program"], b["kegiatan"], b["sub_kegiatan"], b["sub_unit"] or ""


def _kata_jenis(periode: str) -> str:
    return "triwulan (TW1-TW4)" if periode in TRIWULAN else "bulan (Jan-Des)"


def _satu_jenis(baris: list[Baris], berkas, apa: str, temuan: DaftarTemuan) -> list[Baris]:
    """Rows of the first row's kind; each row of the other kind is an error. The rows kept."""
    if not baris:
        return []
    pertama = baris[0]
    jenis = jenis_periode(pertama["periode"])
    for b in baris:
        if b["periode"] not in jenis:
            temuan.galat(Jenis.TIDAK_SAH, berkas, f"{apa} mencampur triwulan dan bulan", baris=b.nomor,
                         kolom=kolom("periode"), ditemukan=kutip(b["periode"]),
                         diharapkan=f"{_kata_jenis(pertama['periode'])} seperti baris {pertama.nomor}; "
                                    "satu jenis periode saja")
    return [b for b in baris if b["periode"] in jenis]


def _lengkap(baris: list[Baris], berkas, apa: str, temuan: DaftarTemuan, draf: bool) -> None:
    """Every period of the rows' kind is given (with a figure), else it is still to be filled in."""
    if not baris:
        return
    ada = {b["periode"] for b in baris if b["realisasi"] is not None}
    hilang = [p for p in jenis_periode(baris[0]["periode"]) if p not in ada]
    if not hilang:
        return
    lapor = temuan.peringatan if draf else temuan.galat
    terisi = [p for p in jenis_periode(baris[0]["periode"]) if p in ada]
    lapor(Jenis.BELUM_DIISI, berkas, f"{BELUM_DIISI}: realisasi per periode {apa} belum lengkap",
          baris=baris[-1].nomor, kolom=kolom("periode"),
          ditemukan=", ".join(terisi) or "tidak ada periode yang terisi",
          diharapkan="juga " + ", ".join(hilang))


def periksa_periode(data: DataTahun, renstra_yaml, temuan: DaftarTemuan, draf: bool = False) -> None:
    _periksa_iku(data, renstra_yaml, temuan, draf)
    _periksa_anggaran(data, temuan, draf)


def _periksa_iku(data: DataTahun, renstra_yaml, temuan: DaftarTemuan, draf: bool) -> None:
    berkas = data.berkas(IKU_PERIODE)
    nomor_iku = {i.kode: n for n, i in enumerate(data.renstra.iku)}
    pk = set(data.iku_pk)
    per_iku: dict[str, list[Baris]] = defaultdict(list)
    for b in data.tabel[IKU_PERIODE]:
        if b["iku"] not in nomor_iku:
            temuan.galat(Jenis.RUJUKAN_HILANG, berkas, "IKU tidak ada", baris=b.nomor, kolom=kolom("iku"),
                         ditemukan=kutip(b["iku"]), diharapkan="kode IKU dari renstra.yaml: " + ", ".join(nomor_iku))
            continue
        per_iku[b["iku"]].append(b)
    for kode, baris in per_iku.items():
        i = nomor_iku[kode]
        if kode not in pk:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, berkas, "IKU tidak ada di Perjanjian Kinerja tahun ini: "
                              "realisasi per periodenya tidak dipakai", baris=baris[0].nomor, kolom=kolom("iku"),
                              ditemukan=kutip(kode), diharapkan="IKU dari perjanjian_kinerja.csv: "
                              + ", ".join(data.iku_pk))
        if data.renstra.iku[i].gabung_periode is None:
            temuan.galat(Jenis.KUNCI, renstra_yaml.path, f"IKU '{kode}' punya realisasi per periode di {IKU_PERIODE} "
                         "tetapi tidak menyebut cara menggabungkannya", baris=renstra_yaml.baris(("iku", i, "kode")),
                         kolom=kunci(f"iku[{i}].gabung_periode"), ditemukan="kunci tidak ada",
                         diharapkan="gabung_periode: " + ", ".join(GABUNG_PERIODE)
                                    + " (jumlah periode, periode terakhir, atau rata-ratanya)")
        sejenis = _satu_jenis(baris, berkas, f"IKU '{kode}'", temuan)
        if len(sejenis) == len(baris):
            _lengkap(baris, berkas, f"IKU '{kode}'", temuan, draf)


def _periksa_anggaran(data: DataTahun, temuan: DaftarTemuan, draf: bool) -> None:
    berkas = data.berkas(ANGGARAN_PERIODE)
    semua = data.tabel[ANGGARAN_PERIODE]
    if not semua:
        return
    baris_anggaran = {kunci_anggaran(b): b for b in data.tabel["anggaran.csv"]}
    sejenis = _satu_jenis(semua, berkas, "realisasi anggaran", temuan)
    if len(sejenis) != len(semua):
        return
    per_baris: dict[tuple, list[Baris]] = defaultdict(list)
    for b in semua:
        k = kunci_anggaran(b)
        if k not in baris_anggaran:
            temuan.galat(Jenis.RUJUKAN_HILANG, berkas, "baris anggaran tidak ada di anggaran.csv", baris=b.nomor,
                         kolom=kolom("sub_kegiatan"), ditemukan=kutip(" / ".join(x for x in k if x)),
                         diharapkan="program, kegiatan, sub_kegiatan dan sub_unit persis seperti satu baris anggaran.csv")
            continue
        per_baris[k].append(b)
    lapor = partial(temuan.peringatan if draf else temuan.galat, Jenis.BELUM_DIISI)
    for k, b in baris_anggaran.items():
        if k not in per_baris:
            lapor(data.berkas("anggaran.csv"), f"{BELUM_DIISI}: baris anggaran ini tanpa realisasi per periode "
                  f"di {ANGGARAN_PERIODE} (berkas itu memuat baris anggaran lain)", baris=b.nomor,
                  kolom=kolom("realisasi"), ditemukan="tidak ada baris periode",
                  diharapkan=f"baris {', '.join(jenis_periode(semua[0]['periode']))} untuk baris ini di "
                             f"{ANGGARAN_PERIODE}, agar realisasi per periode mencakup seluruh anggaran")
    for k, baris in per_baris.items():
        _lengkap(baris, berkas, f"sub kegiatan '{k[2]}'" + (f" (sub unit {k[3]})" if k[3] else ""), temuan, draf)
