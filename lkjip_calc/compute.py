"""Every figure of the report, computed once from the loaded data.

The result (`Hasil`) is what tables, prose, charts and exports read; nothing else computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from . import formulas
from .totals import jumlah_lengkap
from .load import DataTahun


@dataclass(frozen=True)
class KinerjaIku:
    """The seven analyses' figures for one IKU of the year's Perjanjian Kinerja."""

    kode: str
    sasaran_kode: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str | None
    alasan_kosong: str | None
    realisasi_tahun_lalu: Decimal | None
    target_tahun_lalu: Decimal | None
    target_akhir_renstra: Decimal | None
    tingkat_kemajuan: Decimal | None
    realisasi_nasional: Decimal | None
    keterangan_nasional: str | None
    program: tuple[str, ...]
    pagu: int | None
    realisasi_anggaran: int | None
    serapan: Decimal | None
    efisiensi: Decimal | None
    alokasi: Decimal | None
    pembilang: Decimal | None
    penyebut: Decimal | None
    target_renstra: dict[int, Decimal] = field(default_factory=dict)  # every Renstra year's target

    @property
    def perubahan_tahun_lalu(self) -> str | None:
        """'naik', 'turun' or 'tetap' compared with last year, in the IKU's direction (polaritas)."""
        if self.realisasi is None or self.realisasi_tahun_lalu is None:
            return None
        selisih = self.realisasi - self.realisasi_tahun_lalu
        if self.polaritas == "negatif":
            selisih = -selisih
        return "tetap" if selisih == 0 else ("naik" if selisih > 0 else "turun")


@dataclass(frozen=True)
class Hasil:
    data: DataTahun
    kinerja: tuple[KinerjaIku, ...]
    anggaran: pd.DataFrame  # one row per program, kegiatan, sub kegiatan, and the total
    wilayah: pd.DataFrame   # one row per kelurahan and the 'Jumlah' row
    pagu: int | None
    realisasi_anggaran: int | None
    serapan: Decimal | None
    jumlah: dict[str, int]

    def iku(self, kode: str) -> KinerjaIku:
        return next(k for k in self.kinerja if k.kode == kode)


def _anggaran(data: DataTahun) -> tuple[pd.DataFrame, int | None, int | None]:
    program_nama = {b["kode"]: b["nama"] for b in data.tabel["program.csv"]}
    baris = [b.nilai for b in data.tabel["anggaran.csv"]]
    keluaran = []

    def tambah(tingkat, kode, kegiatan, sub, sub_unit, per_baris):
        pagu = jumlah_lengkap(b["pagu"] for b in per_baris)
        realisasi = jumlah_lengkap(b["realisasi"] for b in per_baris)
        keluaran.append({
            "tingkat": tingkat, "kode_program": kode, "program": program_nama.get(kode, ""), "kegiatan": kegiatan,
            "sub_kegiatan": sub, "sub_unit": sub_unit, "pagu": pagu, "realisasi": realisasi,
            "serapan": formulas.serapan(realisasi, pagu),
        })

    # Programs in program.csv order; kegiatan and sub kegiatan in the order the budget lists them.
    urut = list(program_nama)
    for kode in sorted(dict.fromkeys(b["program"] for b in baris), key=urut.index):
        per_program = [b for b in baris if b["program"] == kode]
        tambah("program", kode, "", "", "", per_program)
        for kegiatan in dict.fromkeys(b["kegiatan"] for b in per_program):
            per_kegiatan = [b for b in per_program if b["kegiatan"] == kegiatan]
            tambah("kegiatan", kode, kegiatan, "", "", per_kegiatan)
            for b in per_kegiatan:
                tambah("sub_kegiatan", kode, kegiatan, b["sub_kegiatan"], b["sub_unit"] or "", [b])
    tambah("total", "", "", "", "", baris)
    return (pd.DataFrame(keluaran, dtype=object), keluaran[-1]["pagu"], keluaran[-1]["realisasi"])


def _wilayah(data: DataTahun) -> pd.DataFrame:
    luas = {b["kelurahan"]: b["luas_km2"] for b in data.tabel["wilayah.csv"]}
    penduduk = {b["kelurahan"]: b for b in data.tabel["penduduk.csv"]}
    baris = [(nama, l, penduduk[nama]["laki_laki"], penduduk[nama]["perempuan"]) for nama, l in luas.items()]
    baris.append(("Jumlah", *(jumlah_lengkap(b[i] for b in baris) for i in (1, 2, 3))))
    total_luas = baris[-1][1]

    def total(lk, pr):
        return None if lk is None or pr is None else lk + pr

    total_penduduk = total(baris[-1][2], baris[-1][3])
    return pd.DataFrame([{
        "kelurahan": nama, "luas_km2": l, "persen_luas": formulas.persentase(l, total_luas),
        "laki_laki": lk, "perempuan": pr, "jumlah": total(lk, pr),
        "persen_penduduk": formulas.persentase(total(lk, pr), total_penduduk),
        "rasio_jenis_kelamin": None if lk is None or pr is None else formulas.rasio_jenis_kelamin(lk, pr),
        "kepadatan": formulas.kepadatan(total(lk, pr), l),
    } for nama, l, lk, pr in baris], dtype=object)


def hitung(data: DataTahun) -> Hasil:
    metode = data.laporan.metode
    anggaran, pagu_total, realisasi_total = _anggaran(data)
    sub = anggaran[anggaran["tingkat"] == "sub_kegiatan"]
    target_pk = {b["iku"]: b["target"] for b in data.tabel["perjanjian_kinerja.csv"]}
    realisasi = {(b["iku"], b["tahun"]): b for b in data.tabel["realisasi_iku.csv"]}
    target_renstra: dict[str, dict[int, Decimal]] = {}
    for b in data.tabel["renstra_target.csv"]:
        target_renstra.setdefault(b["iku"], {})[b["tahun"]] = b["target"]
    program_iku: dict[str, list[str]] = {}
    for b in data.tabel["iku_program.csv"]:
        program_iku.setdefault(b["iku"], []).append(b["program"])
    sasaran = {s.kode: s.nama for s in data.renstra.sasaran}

    kinerja = []
    for iku in data.renstra.iku:
        if iku.kode not in target_pk:
            continue
        target = target_pk[iku.kode]  # None in a draft until filled in
        rumus_negatif = iku.rumus_capaian_negatif or metode.capaian_negatif
        ini = realisasi.get((iku.kode, data.tahun))
        lalu = realisasi.get((iku.kode, data.tahun - 1))
        nilai = ini["realisasi"] if ini else None
        capaian = formulas.capaian(nilai, target, iku.polaritas, rumus_negatif, metode.batas_capaian)
        targets = target_renstra.get(iku.kode, {})
        # The end target is the target of the Renstra's last year (or of its latest year that has one).
        tahun_akhir = max((t for t in targets if t <= data.renstra.tahun_akhir), default=None)
        target_akhir = targets.get(tahun_akhir) if tahun_akhir is not None else None
        program = tuple(program_iku.get(iku.kode, []))
        baris = sub[sub["kode_program"].isin(program)]
        pagu, real = jumlah_lengkap(baris["pagu"]), jumlah_lengkap(baris["realisasi"])
        serapan = formulas.serapan(real, pagu)
        kinerja.append(KinerjaIku(
            kode=iku.kode, sasaran_kode=iku.sasaran, sasaran=sasaran[iku.sasaran], indikator=iku.indikator,
            satuan=iku.satuan, polaritas=iku.polaritas, target=target, realisasi=nilai, capaian=capaian,
            predikat=data.skala.predikat(capaian), alasan_kosong=formulas.alasan_kosong(nilai, target),
            realisasi_tahun_lalu=lalu["realisasi"] if lalu else None,
            target_tahun_lalu=targets.get(data.tahun - 1),
            target_akhir_renstra=target_akhir,
            tingkat_kemajuan=formulas.tingkat_kemajuan(nilai, target_akhir, iku.polaritas, metode.tingkat_kemajuan,
                                                       rumus_negatif),
            realisasi_nasional=ini["realisasi_nasional"] if ini else None,
            keterangan_nasional=ini["keterangan_nasional"] if ini else None,
            program=program, pagu=pagu, realisasi_anggaran=real, serapan=serapan,
            efisiensi=formulas.efisiensi(capaian, serapan, metode.efisiensi),
            alokasi=formulas.persentase(pagu, pagu_total),
            pembilang=ini["pembilang"] if ini else None, penyebut=ini["penyebut"] if ini else None,
            target_renstra=dict(sorted(targets.items())),
        ))

    jumlah = {
        "program": int((anggaran["tingkat"] == "program").sum()),
        "kegiatan": int((anggaran["tingkat"] == "kegiatan").sum()),
        "sub_kegiatan": int((anggaran["tingkat"] == "sub_kegiatan").sum()),
        "iku": len(kinerja),
        "sasaran": len({k.sasaran_kode for k in kinerja}),
        "tujuan": len(data.renstra.tujuan),
        "kelurahan": len(data.tabel["wilayah.csv"]),
    }
    return Hasil(data=data, kinerja=tuple(kinerja), anggaran=anggaran, wilayah=_wilayah(data), pagu=pagu_total,
                 realisasi_anggaran=realisasi_total, serapan=formulas.serapan(realisasi_total, pagu_total), jumlah=jumlah)
