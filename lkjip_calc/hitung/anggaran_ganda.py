"""A warning where one program's budget is counted for more than one IKU of the year's Perjanjian
Kinerja (iku_program.csv): each IKU's pagu, serapan, efisiensi and alokasi then include all of it,
and the alokasi of the IKUs adds up to more than 100 %. The run goes on; the analyst decides."""

from __future__ import annotations

from ..dasar.angka import angka
from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kutip
from .hasil import Hasil


def periksa(hasil: Hasil, temuan: DaftarTemuan) -> None:
    data = hasil.data
    pk = set(data.iku_pk)
    iku_per_program: dict[str, list[str]] = {}
    for b in data.tabel["iku_program.csv"]:
        if b["iku"] not in pk:
            continue
        sebelumnya = iku_per_program.setdefault(b["program"], [])
        if sebelumnya:
            total = sum((k.alokasi for k in hasil.kinerja if k.alokasi is not None), start=0)
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("iku_program.csv"),
                              "anggaran program dihitung untuk lebih dari satu IKU", baris=b.nomor,
                              kolom=kolom("program"),
                              ditemukan=f"{kutip(b['program'])} juga untuk IKU " + ", ".join(sebelumnya)
                                        + f"; alokasi seluruh IKU berjumlah {angka(total)}%",
                              diharapkan="satu IKU per program, agar pagunya dihitung sekali (alokasi berjumlah "
                                         "paling banyak 100%)")
        sebelumnya.append(b["iku"])
