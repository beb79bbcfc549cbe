"""Every figure of the report, computed once from the loaded data.

The result (`Hasil`) is what tables, prose, charts and exports read: they select and format its
figures and compute nothing themselves. Each figure is computed here by a formula of `rumus`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from ..masukan.tahun import DataTahun
from . import rumus
from .skala import Skala


@dataclass(frozen=True)
class KinerjaIku:
    """The figures of the analyses of BAB III for one IKU of the year's Perjanjian Kinerja."""

    kode: str
    sasaran_kode: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: str
    rumus: str | None           # how the indicator is measured, as the Renstra words it
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    capaian_searah: Decimal | None  # what judgements read: higher is better (rumus.capaian_searah)
    predikat: str | None            # of capaian_searah, on the unit's scale
    alasan_kosong: str | None   # why there is no capaian, for the reader
    rumus_capaian: str          # the capaian formula used, in words (rumus.uraian_capaian)
    tercapai: bool | None       # capaian_searah of at least 100 %
    realisasi_tahun_lalu: Decimal | None
    target_tahun_lalu: Decimal | None
    perubahan_tahun_lalu: str | None  # 'naik', 'turun' or 'tetap', in the IKU's direction
    arah_angka: str | None            # 'naik', 'turun' or 'tetap' of the number itself against last year
    status_target: str | None         # 'melampaui', 'tercapai' or 'belum' (rumus.status_target)
    efisien: bool | None              # on the unit's efficiency method (rumus.efisien)
    banding_nasional: str | None      # 'naik' (better than the national figure), 'turun' or 'tetap'
    tercapai_renstra: bool | None     # this year's realisasi reaches the Renstra end target
    target_akhir_renstra: Decimal | None
    tahun_target_akhir: int | None    # the year of that target: the Renstra's last year that has one
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
    realisasi_per_tahun: dict[int, Decimal | None] = field(default_factory=dict)  # every year with a row
    # the anggaran.csv lines (their line numbers) its links cover, each once: its pagu and realisasi are theirs
    anggaran_tertaut: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SasaranKinerja:
    """A sasaran of the Renstra with the IKUs it has in this year's Perjanjian Kinerja."""

    kode: str
    nama: str
    tujuan: str
    nomor: int  # 1, 2, ... in Renstra order, counting only sasaran with an IKU this year
    iku: tuple[KinerjaIku, ...]
    capaian: Decimal | None = None  # mean of its IKUs' capaian_searah; None while one of them has none (a draft)
    predikat: str | None = None     # of that mean, on the unit's scale

    @property
    def jumlah_iku(self) -> int:
        return len(self.iku)


@dataclass(frozen=True)
class ProgramPk:
    """A program's budget as the Perjanjian Kinerja states it."""

    kode: str
    nama: str
    anggaran: int | None
    sumber_dana: str | None


@dataclass(frozen=True)
class Hasil:
    data: DataTahun
    skala: Skala
    kinerja: tuple[KinerjaIku, ...]
    sasaran: tuple[SasaranKinerja, ...]
    anggaran: pd.DataFrame  # one row per program, kegiatan, sub kegiatan (with its anggaran.csv line), and the total
    wilayah: pd.DataFrame   # one row per kelurahan (desa) and the 'Jumlah' row; only that row without territory
    pagu: int | None
    realisasi_anggaran: int | None
    serapan: Decimal | None
    sisa_anggaran: int | None
    iku_tercapai: tuple[KinerjaIku, ...]
    iku_belum_tercapai: tuple[KinerjaIku, ...]
    batas_efisiensi: Decimal  # from this value on (capaian-per-serapan, selisih) the use is efficient
    target_renstra: dict[str, dict[int, Decimal | None]]  # every Renstra IKU, in or out of this year's PK
    tahun_renstra: tuple[int, ...]  # the years that have a Renstra target
    program_sasaran: dict[str, tuple[str, ...]]  # the budgeted programs serving each sasaran (via its IKUs)
    pk_anggaran: tuple[ProgramPk, ...]
    pk_anggaran_total: int | None
    jumlah: dict[str, int]

    def iku(self, kode: str) -> KinerjaIku:
        return next(k for k in self.kinerja if k.kode == kode)


def _anggaran(data: DataTahun, program_nama: dict[str, str]) -> pd.DataFrame:
    baris = data.tabel["anggaran.csv"]
    keluaran = []

    def tambah(tingkat, kode, kegiatan, sub, sub_unit, per_baris, nomor=None):
        pagu = rumus.jumlah_lengkap(b["pagu"] for b in per_baris)
        realisasi = rumus.jumlah_lengkap(b["realisasi"] for b in per_baris)
        keluaran.append({
            "tingkat": tingkat, "kode_program": kode, "program": program_nama.get(kode, ""), "kegiatan": kegiatan,
            "sub_kegiatan": sub, "sub_unit": sub_unit, "pagu": pagu, "realisasi": realisasi,
            "serapan": rumus.serapan(realisasi, pagu), "baris": nomor,
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
                tambah("sub_kegiatan", kode, kegiatan, b["sub_kegiatan"], b["sub_unit"] or "", [b], b.nomor)
    tambah("total", "", "", "", "", baris)
    return pd.DataFrame(keluaran, dtype=object)


def _wilayah(data: DataTahun) -> pd.DataFrame:
    """One row per kelurahan (or desa) and the 'Jumlah' row; for a unit without territory only the
    'Jumlah' row, empty (no area and no population: not 0 km² and 0 jiwa)."""
    if not data.berwilayah:
        return pd.DataFrame([{k: None for k in _KOLOM_WILAYAH} | {"kelurahan": "Jumlah"}], dtype=object)
    luas = {b["kelurahan"]: b["luas_km2"] for b in data.tabel["wilayah.csv"]}
    penduduk = {b["kelurahan"]: b for b in data.tabel["penduduk.csv"]}
    baris = [(nama, luas_km2, penduduk[nama]["laki_laki"], penduduk[nama]["perempuan"])
             for nama, luas_km2 in luas.items()]
    baris.append(("Jumlah", *(rumus.jumlah_lengkap(b[i] for b in baris) for i in (1, 2, 3))))
    total_luas = baris[-1][1]

    def total(lk, pr):
        return None if lk is None or pr is None else lk + pr

    total_penduduk = total(baris[-1][2], baris[-1][3])
    return pd.DataFrame([{
        "kelurahan": nama, "luas_km2": luas_km2, "persen_luas": rumus.persentase(luas_km2, total_luas),
        "laki_laki": lk, "perempuan": pr, "jumlah": total(lk, pr),
        "persen_penduduk": rumus.persentase(total(lk, pr), total_penduduk),
        "rasio_jenis_kelamin": None if lk is None or pr is None else rumus.rasio_jenis_kelamin(lk, pr),
        "kepadatan": rumus.kepadatan(total(lk, pr), luas_km2),
    } for nama, luas_km2, lk, pr in baris], dtype=object)


_KOLOM_WILAYAH = ("kelurahan", "luas_km2", "persen_luas", "laki_laki", "perempuan", "jumlah", "persen_penduduk",
                  "rasio_jenis_kelamin", "kepadatan")


def _realisasi(b, satuan: str) -> Decimal | None:
    """A row's realisasi: as typed, or else unrounded from its counts for an IKU in '%' (7 of 12: 58.333...)."""
    if b is None:
        return None
    if b["realisasi"] is None and satuan == "%" and b["pembilang"] is not None and b["penyebut"]:
        return rumus.persentase(b["pembilang"], b["penyebut"])
    return b["realisasi"]


def hitung(data: DataTahun) -> Hasil:
    metode = data.pengaturan.metode
    skala = Skala.dari_model(data.skala_kode, data.skala)
    program_nama = {b["kode"]: b["nama"] for b in data.tabel["program.csv"]}
    anggaran = _anggaran(data, program_nama)
    total = anggaran.iloc[-1]
    pagu_total, realisasi_total = total["pagu"], total["realisasi"]
    sub = anggaran[anggaran["tingkat"] == "sub_kegiatan"]
    target_pk = {b["iku"]: b["target"] for b in data.tabel["perjanjian_kinerja.csv"]}
    realisasi: dict[str, dict[int, object]] = defaultdict(dict)
    for b in data.tabel["realisasi_iku.csv"]:
        realisasi[b["iku"]][b["tahun"]] = b
    target_renstra: dict[str, dict[int, Decimal | None]] = {}
    for b in data.tabel["renstra_target.csv"]:
        target_renstra.setdefault(b["iku"], {})[b["tahun"]] = b["target"]
    program_iku: dict[str, list[str]] = defaultdict(list)
    iku_program: dict[str, list[str]] = defaultdict(list)
    for b in data.tabel["iku_program.csv"]:
        program_iku[b["iku"]].append(b["program"])
        iku_program[b["program"]].append(b["iku"])
    sasaran_nama = {s.kode: s.nama for s in data.renstra.sasaran}

    kinerja = []
    for iku in data.renstra.iku:
        if iku.kode not in target_pk:
            continue
        target = target_pk[iku.kode]  # None in a draft until filled in
        rumus_negatif = iku.rumus_capaian_negatif or metode.capaian_negatif
        ini = realisasi[iku.kode].get(data.tahun)
        lalu = realisasi[iku.kode].get(data.tahun - 1)
        nilai, nilai_lalu = _realisasi(ini, iku.satuan), _realisasi(lalu, iku.satuan)
        capaian = rumus.capaian(nilai, target, iku.polaritas, rumus_negatif, metode.batas_capaian)
        searah = rumus.capaian_searah(capaian, iku.polaritas, rumus_negatif)  # what judgements read
        targets = target_renstra.get(iku.kode, {})
        # The end target is the target of the Renstra's last year (or of its latest year that has one).
        tahun_akhir = max((t for t in targets if t <= data.renstra.tahun_akhir), default=None)
        target_akhir = targets.get(tahun_akhir) if tahun_akhir is not None else None
        program = tuple(dict.fromkeys(program_iku.get(iku.kode, [])))
        # the finest link given: the lines of its programs, kegiatan or sub kegiatan, each line once
        tertaut = frozenset(b.nomor for b in data.anggaran_iku(iku.kode))
        baris = sub[sub["baris"].isin(tertaut)]
        pagu, real = rumus.jumlah_lengkap(baris["pagu"]), rumus.jumlah_lengkap(baris["realisasi"])
        serapan = rumus.serapan(real, pagu)
        efisiensi = rumus.efisiensi(searah, serapan, metode.efisiensi)
        kinerja.append(KinerjaIku(
            kode=iku.kode, sasaran_kode=iku.sasaran, sasaran=sasaran_nama[iku.sasaran], indikator=iku.indikator,
            satuan=iku.satuan, polaritas=iku.polaritas, rumus=iku.rumus, target=target, realisasi=nilai,
            capaian=capaian, capaian_searah=searah, predikat=skala.predikat(searah),
            alasan_kosong=rumus.alasan_kosong(nilai, target, iku.polaritas, rumus_negatif),
            rumus_capaian=rumus.uraian_capaian(iku.polaritas, rumus_negatif),
            tercapai=rumus.tercapai(searah),
            realisasi_tahun_lalu=nilai_lalu, target_tahun_lalu=targets.get(data.tahun - 1),
            perubahan_tahun_lalu=rumus.arah(nilai, nilai_lalu, iku.polaritas),
            arah_angka=rumus.arah(nilai, nilai_lalu),
            status_target=rumus.status_target(searah),
            efisien=rumus.efisien(efisiensi, searah, metode.efisiensi),
            banding_nasional=rumus.arah(nilai, ini["realisasi_nasional"] if ini else None, iku.polaritas),
            tercapai_renstra=rumus.tercapai(rumus.capaian_searah(
                rumus.capaian(nilai, target_akhir, iku.polaritas, rumus_negatif), iku.polaritas, rumus_negatif)),
            target_akhir_renstra=target_akhir, tahun_target_akhir=tahun_akhir,
            tingkat_kemajuan=rumus.tingkat_kemajuan(nilai, target_akhir, iku.polaritas, metode.tingkat_kemajuan,
                                                    rumus_negatif),
            realisasi_nasional=ini["realisasi_nasional"] if ini else None,
            keterangan_nasional=ini["keterangan_nasional"] if ini else None,
            program=program, pagu=pagu, realisasi_anggaran=real, serapan=serapan,
            efisiensi=efisiensi,
            alokasi=rumus.persentase(pagu, pagu_total),
            pembilang=ini["pembilang"] if ini else None, penyebut=ini["penyebut"] if ini else None,
            target_renstra=dict(sorted(targets.items())),
            realisasi_per_tahun={t: _realisasi(b, iku.satuan) for t, b in sorted(realisasi[iku.kode].items())},
            anggaran_tertaut=tertaut,
        ))

    tujuan_nama = {t.kode: t.nama for t in data.renstra.tujuan}
    sasaran = []
    for s in data.renstra.sasaran:
        iku_sasaran = tuple(k for k in kinerja if k.sasaran_kode == s.kode)
        if iku_sasaran:
            capaian_sasaran = rumus.rata_rata(k.capaian_searah for k in iku_sasaran)
            sasaran.append(SasaranKinerja(s.kode, s.nama, tujuan_nama[s.tujuan], len(sasaran) + 1, iku_sasaran,
                                          capaian_sasaran, skala.predikat(capaian_sasaran)))

    sasaran_iku = {i.kode: i.sasaran for i in data.renstra.iku}
    program_berurut = list(anggaran[anggaran["tingkat"] == "program"]["kode_program"])
    program_sasaran = {s.kode: tuple(p for p in program_berurut
                                     if s.kode in {sasaran_iku[i] for i in iku_program.get(p, [])})
                       for s in data.renstra.sasaran}

    pk_anggaran = tuple(ProgramPk(b["program"], program_nama[b["program"]], b["anggaran"], b["sumber_dana"])
                        for b in data.tabel["pk_anggaran.csv"])
    tercapai = tuple(k for k in kinerja if k.tercapai is True)
    belum = tuple(k for k in kinerja if k.tercapai is False)

    jumlah = {
        "program": int((anggaran["tingkat"] == "program").sum()),
        "kegiatan": int((anggaran["tingkat"] == "kegiatan").sum()),
        "sub_kegiatan": int((anggaran["tingkat"] == "sub_kegiatan").sum()),
        "iku": len(kinerja),
        "sasaran": len(sasaran),
        "tujuan": len(data.renstra.tujuan),
        "kelurahan": len(data.tabel["wilayah.csv"]),
        "iku_tercapai": len(tercapai),
        "iku_belum_tercapai": len(belum),
    }
    return Hasil(
        data=data, skala=skala, kinerja=tuple(kinerja), sasaran=tuple(sasaran), anggaran=anggaran,
        wilayah=_wilayah(data), pagu=pagu_total, realisasi_anggaran=realisasi_total,
        serapan=rumus.serapan(realisasi_total, pagu_total),
        sisa_anggaran=None if None in (pagu_total, realisasi_total) else pagu_total - realisasi_total,
        iku_tercapai=tercapai, iku_belum_tercapai=belum, batas_efisiensi=rumus.batas_efisien(metode.efisiensi),
        target_renstra=target_renstra, tahun_renstra=tuple(sorted({t for per in target_renstra.values() for t in per})),
        program_sasaran=program_sasaran, pk_anggaran=pk_anggaran,
        pk_anggaran_total=rumus.jumlah_lengkap(p.anggaran for p in pk_anggaran), jumlah=jumlah)
