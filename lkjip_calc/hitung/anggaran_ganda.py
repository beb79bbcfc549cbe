"""A warning where the alokasi of the IKUs of the year's Perjanjian Kinerja adds up to more than 100 %
of the budget: some anggaran.csv lines are counted for more than one IKU (iku_program.csv links them
to each), so each of those IKUs' pagu, serapan, efisiensi and alokasi include them. One warning per
link that counts again lines an earlier IKU already counts, at that link's row, naming the shared
program (when the whole of it is shared) or the shared anggaran.csv lines. The run goes on; the analyst
decides (link each IKU to its own kegiatan or sub kegiatan)."""

from __future__ import annotations

from ..dasar.angka import angka
from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kutip
from .hasil import Hasil


def rentang(nomor: list[int]) -> str:
    """Line numbers as a reader lists them: [3, 4, 5, 9] -> '3-5, 9'."""
    bagian: list[list[int]] = []
    for n in sorted(nomor):
        if bagian and n == bagian[-1][-1] + 1:
            bagian[-1].append(n)
        else:
            bagian.append([n])
    return ", ".join(str(b[0]) if len(b) == 1 else f"{b[0]}-{b[-1]}" for b in bagian)


def periksa(hasil: Hasil, temuan: DaftarTemuan) -> None:
    data = hasil.data
    alokasi = [k.alokasi for k in hasil.kinerja]
    if not alokasi or None in alokasi:
        return  # no budget, or a draft whose pagu is still to be filled in
    total = sum(alokasi, start=0)
    if total <= 100:
        return
    pk = set(data.iku_pk)
    per_program: dict[str, set[int]] = {}
    for b in data.tabel["anggaran.csv"]:
        per_program.setdefault(b["program"], set()).add(b.nomor)
    dihitung: dict[int, list[str]] = {}  # anggaran.csv line -> the IKUs that count it so far
    for t in data.tabel["iku_program.csv"]:
        if t["iku"] not in pk:
            continue
        baris = [b.nomor for b in data.anggaran_tautan(t) if t["iku"] not in dihitung.get(b.nomor, [])]
        ganda = [n for n in baris if dihitung.get(n)]
        if ganda:
            iku_lain = list(dict.fromkeys(i for n in ganda for i in dihitung[n]))
            if set(ganda) == per_program.get(t["program"]):
                apa = f"program {kutip(t['program'])}"
            else:
                apa = f"anggaran.csv baris {rentang(ganda)}"
            nama_kolom = "sub_kegiatan" if t["sub_kegiatan"] else "kegiatan" if t["kegiatan"] else "program"
            temuan.peringatan(Jenis.BEDA_SUMBER, data.berkas("iku_program.csv"),
                              "anggaran dihitung untuk lebih dari satu IKU", baris=t.nomor, kolom=kolom(nama_kolom),
                              ditemukan=f"{apa} juga untuk IKU " + ", ".join(iku_lain)
                                        + f"; alokasi seluruh IKU berjumlah {angka(total)}%",
                              diharapkan="setiap baris anggaran.csv untuk satu IKU saja (alokasi berjumlah paling "
                                         "banyak 100%): tautkan IKU ke kegiatan atau sub kegiatannya sendiri")
        for n in baris:
            dihitung.setdefault(n, []).append(t["iku"])
