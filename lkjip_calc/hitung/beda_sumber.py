"""Warnings where a figure stated by a source disagrees with the figure computed from its parts,
or two sources disagree with each other. The run goes on; the report uses the computed figure."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..dasar.angka import angka, beda_presisi, desimal_tertulis, ribuan
from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kunci
from . import rumus
from .hasil import Hasil


def _sebut(dinyatakan: Decimal, dihitung: Decimal) -> tuple[str, str]:
    """The stated figure as written (94,60) and the computed one at least as precisely (94,97)."""
    desimal = desimal_tertulis(dinyatakan)
    return angka(dinyatakan, desimal, tetap=True), angka(dihitung, max(desimal, 2))


def _persen_dinyatakan(temuan: DaftarTemuan, berkas, pesan: str, tertulis: Decimal | None,
                       dihitung: Decimal | None, asal: str, **tempat) -> None:
    """A warning where a stated percentage, at the precision it was written with, is not the computed one."""
    if None in (tertulis, dihitung) or not beda_presisi(tertulis, dihitung):
        return
    ditemukan, hitungan = _sebut(tertulis, dihitung)
    temuan.peringatan(Jenis.BEDA_SUMBER, berkas, pesan, ditemukan=f"{ditemukan}%",
                      diharapkan=f"{hitungan}% ({asal}); laporan memakai angka hitungan", **tempat)


def _dinyatakan(hasil: Hasil, temuan: DaftarTemuan) -> None:
    """Published figures typed beside their inputs (a capaian, a line's serapan, the overall serapan):
    a warning where the computed figure, rounded as the stated one was written, is another number.
    The report always shows the computed figure."""
    data = hasil.data
    capaian = {k.kode: k.capaian for k in hasil.kinerja}
    for b in data.tabel["realisasi_iku.csv"]:
        if b["tahun"] == data.tahun:
            _persen_dinyatakan(temuan, data.berkas("realisasi_iku.csv"),
                               "capaian yang dinyatakan tidak sama dengan capaian yang dihitung",
                               b["capaian_dinyatakan"], capaian.get(b["iku"]),
                               f"dari target dan realisasi {b['iku']}", baris=b.nomor, kolom=kolom("capaian_dinyatakan"))
    for b in data.tabel["anggaran.csv"]:
        if b["serapan_dinyatakan"] is None or None in (b["realisasi"], b["pagu"]):
            continue
        _persen_dinyatakan(temuan, data.berkas("anggaran.csv"), "serapan yang dinyatakan tidak sama dengan realisasi / "
                           "pagu x 100", b["serapan_dinyatakan"], rumus.serapan(b["realisasi"], b["pagu"]),
                           f"realisasi {ribuan(b['realisasi'])} / pagu {ribuan(b['pagu'])}", baris=b.nomor,
                           kolom=kolom("serapan_dinyatakan"))
    tertulis = data.pengaturan.dinyatakan.serapan
    if tertulis is not None:
        tertulis = _seperti_ditulis(tertulis, data.pengaturan_yaml.skalar(("dinyatakan", "serapan")))
    _persen_dinyatakan(temuan, data.pengaturan_yaml.path,
                       "serapan anggaran yang dinyatakan tidak sama dengan serapan seluruh anggaran", tertulis,
                       hasil.serapan, "jumlah realisasi / jumlah pagu anggaran.csv x 100",
                       baris=data.pengaturan_yaml.baris(("dinyatakan", "serapan")), kolom=kunci("dinyatakan.serapan"))


def _seperti_ditulis(nilai: Decimal, teks: str | None) -> Decimal:
    """The value with the decimals it was written with: YAML reads 94.60 as the float 94.6."""
    try:
        ditulis = Decimal(teks) if teks is not None else None
    except InvalidOperation:
        ditulis = None
    return ditulis if ditulis is not None and ditulis.is_finite() and ditulis == nilai else nilai


def periksa(hasil: Hasil, temuan: DaftarTemuan) -> None:
    data = hasil.data
    dinyatakan = data.pengaturan.dinyatakan
    laporan_yaml = data.pengaturan_yaml.path
    total = hasil.wilayah.iloc[-1]

    def baris(nama: str) -> int | None:
        return data.pengaturan_yaml.baris(("dinyatakan", nama))

    if not data.berwilayah:
        for nama in ("luas_km2", "penduduk_laki_laki", "penduduk_perempuan", "penduduk_jumlah"):
            if getattr(dinyatakan, nama) is not None:
                temuan.peringatan(Jenis.BEDA_SUMBER, laporan_yaml, "angka wilayah dinyatakan untuk unit tanpa wilayah",
                                  baris=baris(nama), kolom=kunci(f"dinyatakan.{nama}"),
                                  ditemukan=angka(getattr(dinyatakan, nama)),
                                  diharapkan="wilayah.csv dan penduduk.csv, atau hapus kunci ini; laporan tidak "
                                  "memuatnya")
    bagian = data.bagian_wilayah
    if None not in (dinyatakan.luas_km2, total["luas_km2"]) and dinyatakan.luas_km2 != total["luas_km2"]:
        temuan.peringatan(Jenis.BEDA_SUMBER, laporan_yaml,
                          f"luas wilayah yang dinyatakan tidak sama dengan jumlah luas {bagian}",
                          baris=baris("luas_km2"), kolom=kunci("dinyatakan.luas_km2"),
                          ditemukan=angka(dinyatakan.luas_km2) + " km²",
                          diharapkan=f"{angka(total['luas_km2'])} km² (jumlah wilayah.csv); laporan memakai jumlahnya")
    for nama, kol in (("penduduk_laki_laki", "laki_laki"), ("penduduk_perempuan", "perempuan"),
                      ("penduduk_jumlah", "jumlah")):
        tertulis = getattr(dinyatakan, nama)
        if None not in (tertulis, total[kol]) and tertulis != total[kol]:
            temuan.peringatan(Jenis.BEDA_SUMBER, laporan_yaml,
                              f"jumlah penduduk yang dinyatakan tidak sama dengan jumlah per {bagian}",
                              baris=baris(nama), kolom=kunci(f"dinyatakan.{nama}"), ditemukan=ribuan(tertulis),
                              diharapkan=ribuan(total[kol]))
    for nama, jumlah in (("pagu", hasil.pagu), ("realisasi_anggaran", hasil.realisasi_anggaran)):
        tertulis = getattr(dinyatakan, nama)
        if None not in (tertulis, jumlah) and tertulis != jumlah:
            temuan.peringatan(Jenis.BEDA_SUMBER, laporan_yaml,
                              "total anggaran yang dinyatakan tidak sama dengan jumlah sub kegiatan",
                              baris=baris(nama), kolom=kunci(f"dinyatakan.{nama}"), ditemukan=ribuan(tertulis),
                              diharapkan=ribuan(jumlah))
    for b in data.tabel["anggaran.csv"]:
        if None not in (b["realisasi"], b["pagu"]) and b["realisasi"] > b["pagu"]:
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("anggaran.csv"), "realisasi melebihi pagu", baris=b.nomor,
                              kolom=kolom("realisasi"), ditemukan=ribuan(b["realisasi"]),
                              diharapkan=f"paling banyak pagu {ribuan(b['pagu'])}")

    target_renstra = {(b["iku"], b["tahun"]): b for b in data.tabel["renstra_target.csv"]}
    for b in data.tabel["perjanjian_kinerja.csv"]:
        rb = target_renstra.get((b["iku"], data.tahun))
        if rb is not None and None not in (rb["target"], b["target"]) and rb["target"] != b["target"]:
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("perjanjian_kinerja.csv"),
                              "target PK berbeda dengan target Renstra tahun yang sama",
                              baris=b.nomor, kolom=kolom("target"), ditemukan=angka(b["target"]),
                              diharapkan=f"{angka(rb['target'])} (renstra_target.csv baris {rb.nomor})")

    program = hasil.anggaran[hasil.anggaran["tingkat"] == "program"].set_index("kode_program")
    pk_baris = {b["program"]: b for b in data.tabel["pk_anggaran.csv"]}
    for p in hasil.pk_anggaran:
        pagu = program["pagu"].get(p.kode, 0)  # a program of the PK with no budget line has 0
        if p.anggaran is None or pagu is None:
            continue  # a draft: compared once both are filled in
        if p.anggaran != pagu:
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("pk_anggaran.csv"),
                              "anggaran program di PK berbeda dengan jumlah pagu sub kegiatannya",
                              baris=pk_baris[p.kode].nomor, kolom=kolom("anggaran"), ditemukan=ribuan(p.anggaran),
                              diharapkan=f"{ribuan(pagu)} (jumlah anggaran.csv)")

    _dinyatakan(hasil, temuan)
    for b in data.tabel["realisasi_iku.csv"]:
        if b["pembilang"] is not None and b["penyebut"] and b["realisasi"] is not None:
            dari_hitungan = rumus.persentase(b["pembilang"], b["penyebut"])
            if abs(dari_hitungan - b["realisasi"]) >= Decimal("0.005"):
                temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("realisasi_iku.csv"),
                                  "realisasi tidak sama dengan pembilang / penyebut x 100",
                                  baris=b.nomor, kolom=kolom("realisasi"), ditemukan=angka(b["realisasi"]),
                                  diharapkan=angka(dari_hitungan))
