"""The report's tables as data: captions, headers and display cells, built from computed figures.

Each function returns a `Tabel` of plain text; `render` turns it into MyST for the book and
`export` into files. No figure is computed here, only formatted (`formatting`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import formatting as f
from .pipeline import Laporan
from .totals import jumlah_lengkap

Sel = str | list[str]  # a cell: text, or a bulleted list of texts


@dataclass
class Tabel:
    nama: str                 # label, unique in the book: "luas-wilayah", "capaian-ikm"
    judul: str                # caption, years included
    kepala: list[str]
    baris: list[list[Sel]]
    angka: set[int] = field(default_factory=set)   # numeric columns (right-aligned)
    sumber: str | None = None
    lebar: list[int] | None = None                 # relative column widths
    tebal: set[int] = field(default_factory=set)   # rows shown in bold (subtotals, totals)
    panjang: bool = False                          # may run over several pages


def _sumber(lap: Laporan, kunci: str) -> str | None:
    teks = getattr(lap.hasil.data.sumber, kunci, None) if lap.hasil.data.sumber else None
    return lap.isi(teks) if teks else None


def _nilai_iku(nilai, satuan: str) -> str:
    teks = f.nilai_indikator(nilai)
    return f"{teks}%" if satuan == "%" and nilai is not None else teks


# --- BAB I ---------------------------------------------------------------------------------

def luas_wilayah(lap: Laporan) -> Tabel:
    w = lap.hasil.wilayah
    d = lap.hasil.data
    baris = [[f"{i}.", b["kelurahan"], f.nilai_indikator(b["luas_km2"]), f.persen(b["persen_luas"])]
             for i, (_, b) in enumerate(w.iloc[:-1].iterrows(), start=1)]
    total = w.iloc[-1]
    baris.append(["", "Jumlah", f.nilai_indikator(total["luas_km2"]), f.persen(total["persen_luas"])])
    return Tabel("luas-wilayah", f"Luas Wilayah per Kelurahan di {d.unit.nama}",
                 ["No", "Kelurahan", "Luas (km²)", "Persentase terhadap Luas Kecamatan (%)"], baris,
                 angka={2, 3}, sumber=_sumber(lap, "luas_wilayah"), lebar=[6, 40, 20, 34], tebal={len(baris) - 1})


def penduduk(lap: Laporan) -> Tabel:
    w = lap.hasil.wilayah
    d = lap.hasil.data

    def sel(b):
        return [b["kelurahan"], f.rupiah(b["laki_laki"]), f.rupiah(b["perempuan"]), f.rupiah(b["jumlah"]),
                f.persen(b["persen_penduduk"]), f.angka(b["kepadatan"], 2, tetap=True),
                f.angka(b["rasio_jenis_kelamin"], 2, tetap=True)]

    baris = [[f"{i}."] + sel(b) for i, (_, b) in enumerate(w.iloc[:-1].iterrows(), start=1)]
    baris.append([""] + sel(w.iloc[-1]))
    return Tabel("penduduk",
                 f"Penduduk, Distribusi Persentase Penduduk, Kepadatan Penduduk, Rasio Jenis Kelamin Penduduk "
                 f"Menurut Kelurahan di {d.unit.nama}, {d.tahun}",
                 ["No", "Kelurahan", "Laki-laki", "Perempuan", "Jumlah", "Persentase Penduduk (%)",
                  "Kepadatan (jiwa/km²)", "Rasio Jenis Kelamin"], baris,
                 angka={2, 3, 4, 5, 6, 7}, sumber=_sumber(lap, "penduduk"), lebar=[5, 21, 12, 12, 12, 12, 13, 13],
                 tebal={len(baris) - 1})


# --- BAB II --------------------------------------------------------------------------------

def renstra(lap: Laporan) -> Tabel:
    d = lap.hasil.data
    r = d.renstra
    target = {}
    for b in d.tabel["renstra_target.csv"]:
        target.setdefault(b["iku"], {})[b["tahun"]] = b["target"]
    tahun = sorted({t for per in target.values() for t in per})
    tujuan = {t.kode: t.nama for t in r.tujuan}
    baris = []
    for s in r.sasaran:
        for iku in (i for i in r.iku if i.sasaran == s.kode):
            baris.append([tujuan[s.tujuan], s.nama, iku.indikator]
                         + [_nilai_iku(target.get(iku.kode, {}).get(t), iku.satuan) for t in tahun])
    return Tabel("renstra", f"Sasaran Strategis dan Indikator Kinerja Strategis {d.unit.nama}",
                 ["Tujuan", "Sasaran", "Indikator Sasaran"] + [f"Target {t}" for t in tahun], baris,
                 angka=set(range(3, 3 + len(tahun))), sumber=_sumber(lap, "renstra"),
                 lebar=[17, 17, 21] + [45 // max(len(tahun), 1)] * len(tahun))


def program_kegiatan(lap: Laporan) -> Tabel:
    h = lap.hasil
    d = h.data
    program_iku = {}
    for b in d.tabel["iku_program.csv"]:
        program_iku.setdefault(b["program"], []).append(b["iku"])
    sasaran_iku = {i.kode: i.sasaran for i in d.renstra.iku}
    baris = []
    for s in d.renstra.sasaran:
        for _, p in h.anggaran[h.anggaran["tingkat"] == "program"].iterrows():
            if s.kode not in {sasaran_iku[i] for i in program_iku.get(p["kode_program"], [])}:
                continue
            kegiatan = h.anggaran[(h.anggaran["tingkat"] == "kegiatan") & (h.anggaran["kode_program"] == p["kode_program"])]
            baris.append([s.nama, p["program"], list(kegiatan["kegiatan"])])
    return Tabel("program-kegiatan", "Keterkaitan Sasaran, Program dan Kegiatan", ["Sasaran", "Program", "Kegiatan"],
                 baris, sumber=_sumber(lap, "program_kegiatan"), lebar=[28, 30, 42])


def perjanjian_kinerja(lap: Laporan) -> Tabel:
    h = lap.hasil
    d = h.data
    tujuan = {t.kode: t.nama for t in d.renstra.tujuan}
    sasaran = {s.kode: s for s in d.renstra.sasaran}
    iku = {i.kode: i for i in d.renstra.iku}
    baris = []
    for n, k in enumerate(h.kinerja, start=1):
        s = sasaran[k.sasaran_kode]
        baris.append([str(n), tujuan[s.tujuan], s.nama, k.indikator, iku[k.kode].rumus or "-",
                      _nilai_iku(k.target, k.satuan)])
    return Tabel("perjanjian-kinerja", f"Perjanjian Kinerja {d.unit.kepala.jabatan} Tahun {d.tahun}",
                 ["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Rumus", "Target Kinerja"], baris, angka={5},
                 sumber=_sumber(lap, "perjanjian_kinerja"), lebar=[5, 18, 18, 22, 25, 12])


def anggaran_program(lap: Laporan) -> Tabel:
    d = lap.hasil.data
    nama = {b["kode"]: b["nama"] for b in d.tabel["program.csv"]}
    pk = d.tabel["pk_anggaran.csv"]
    baris = [[f"{i}.", nama[b["program"]], f.rupiah(b["anggaran"]), b["sumber_dana"] or "-"]
             for i, b in enumerate(pk, start=1)]
    baris.append(["", "Jumlah", f.rupiah(jumlah_lengkap(b["anggaran"] for b in pk)), ""])
    return Tabel("anggaran-program", f"Anggaran Program Tahun {d.tahun}", ["No", "Program", "Anggaran (Rp)", "Keterangan"],
                 baris, angka={2}, sumber=_sumber(lap, "anggaran_program"), lebar=[6, 54, 24, 16], tebal={len(baris) - 1})


# --- BAB III -------------------------------------------------------------------------------

def skala(lap: Laporan) -> Tabel:
    s = lap.hasil.data.skala
    baris = [[str(i), interval, predikat] for i, (interval, predikat) in enumerate(s.interval(), start=1)]
    return Tabel("skala", s.nama, ["No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja"],
                 baris, sumber=_sumber(lap, "skala"), lebar=[8, 46, 46])


def _iku(lap: Laporan, kode: str):
    return lap.hasil.iku(kode)


def capaian(lap: Laporan, kode: str) -> Tabel:
    k, t = _iku(lap, kode), lap.hasil.data.tahun
    nilai = f.persen(k.capaian) if k.capaian is not None else f"- ({k.alasan_kosong})"
    return Tabel(f"capaian-{kode}", f"Perbandingan Target dan Realisasi Kinerja Tahun {t}: {k.indikator}",
                 ["Indikator Kinerja Utama", "Target", "Realisasi", "Capaian (%)", "Predikat"],
                 [[k.indikator, _nilai_iku(k.target, k.satuan), _nilai_iku(k.realisasi, k.satuan), nilai,
                   k.predikat or "-"]], angka={1, 2, 3}, sumber=_sumber(lap, "capaian"), lebar=[40, 14, 14, 14, 18])


def tahun_lalu(lap: Laporan, kode: str) -> Tabel:
    k, t = _iku(lap, kode), lap.hasil.data.tahun
    # In the indicator's own direction: fewer cases of a lower-is-better IKU is an improvement.
    if k.polaritas == "negatif":
        perubahan = {"naik": "membaik (angka turun)", "turun": "memburuk (angka naik)", "tetap": "tetap",
                     None: f.KOSONG}[k.perubahan_tahun_lalu]
    else:
        perubahan = {"naik": "meningkat", "turun": "menurun", "tetap": "tetap", None: f.KOSONG}[k.perubahan_tahun_lalu]
    return Tabel(f"tahun-lalu-{kode}", f"Perbandingan Realisasi Kinerja Tahun {t - 1} dan Tahun {t}: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Target {t}", f"Realisasi {t - 1}", f"Realisasi {t}", "Perubahan"],
                 [[k.indikator, _nilai_iku(k.target, k.satuan), _nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                   _nilai_iku(k.realisasi, k.satuan), perubahan]], angka={1, 2, 3},
                 sumber=_sumber(lap, "tahun_lalu"), lebar=[40, 14, 14, 14, 18])


def renstra_kemajuan(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    selisih = d.laporan.metode.tingkat_kemajuan == "selisih"
    kemajuan = f.nilai_indikator(k.tingkat_kemajuan) if selisih else f.persen(k.tingkat_kemajuan)
    return Tabel(f"renstra-kemajuan-{kode}",
                 f"Perbandingan Realisasi Kinerja Tahun {d.tahun} terhadap Target Akhir Renstra: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Realisasi {d.tahun}", f"Target Akhir Renstra ({d.renstra.tahun_akhir})",
                  "Tingkat Kemajuan" + (" (selisih)" if selisih else " (%)")],
                 [[k.indikator, _nilai_iku(k.realisasi, k.satuan), _nilai_iku(k.target_akhir_renstra, k.satuan), kemajuan]],
                 angka={1, 2, 3}, sumber=_sumber(lap, "renstra_kemajuan"), lebar=[40, 18, 22, 20])


def nasional(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    return Tabel(f"nasional-{kode}", f"Perbandingan Realisasi Kinerja Tahun {d.tahun} dengan Realisasi Nasional: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Realisasi {d.tahun}", "Realisasi Nasional", "Keterangan"],
                 [[k.indikator, _nilai_iku(k.realisasi, k.satuan), _nilai_iku(k.realisasi_nasional, k.satuan),
                   k.keterangan_nasional or "-"]], angka={1, 2}, sumber=_sumber(lap, "nasional"), lebar=[36, 16, 16, 32])


def alokasi(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    return Tabel(f"alokasi-{kode}", f"Alokasi Anggaran per Sasaran Tahun {d.tahun}: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Anggaran IKU {d.tahun} (Rp)", "Persentase terhadap Anggaran Perangkat Daerah (%)"],
                 [[k.indikator, f.rupiah(k.pagu), f.persen(k.alokasi)]], angka={1, 2},
                 sumber=_sumber(lap, "alokasi"), lebar=[44, 26, 30])


def kinerja_anggaran(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    return Tabel(f"kinerja-anggaran-{kode}", f"Pencapaian Kinerja dan Anggaran Tahun {d.tahun}: {k.indikator}",
                 ["Indikator Kinerja Utama", "Target Kinerja", "Realisasi Kinerja", "Capaian Kinerja (%)",
                  "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)"],
                 [[k.indikator, _nilai_iku(k.target, k.satuan), _nilai_iku(k.realisasi, k.satuan), f.persen(k.capaian),
                   f.rupiah(k.pagu), f.rupiah(k.realisasi_anggaran), f.persen(k.serapan)]],
                 angka={1, 2, 3, 4, 5, 6}, sumber=_sumber(lap, "kinerja_anggaran"), lebar=[25, 10, 10, 11, 16, 16, 12])


def efisiensi(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    metode = d.laporan.metode.efisiensi
    kepala_efisiensi = "Tingkat Efisiensi" + (" (poin persen)" if metode == "selisih" else " (rasio)")
    return Tabel(f"efisiensi-{kode}", f"Efisiensi Penggunaan Sumber Daya Tahun {d.tahun}: {k.indikator}",
                 ["Indikator Kinerja Utama", "Capaian Kinerja (%)", "Serapan Anggaran (%)", kepala_efisiensi],
                 [[k.indikator, f.persen(k.capaian), f.persen(k.serapan), f.rasio(k.efisiensi)]], angka={1, 2, 3},
                 sumber=_sumber(lap, "efisiensi"), lebar=[40, 20, 20, 20])


def penyebab(lap: Laporan, kode: str) -> Tabel:
    d = lap.hasil.data
    k = _iku(lap, kode)
    a = d.analisis.get(kode)
    return Tabel(f"penyebab-{kode}",
                 f"Analisis Penyebab Keberhasilan (Peningkatan) dan Kegagalan (Penurunan) Kinerja: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Target {d.tahun}", f"Realisasi {d.tahun - 1}", f"Realisasi {d.tahun}",
                  "Penyebab Keberhasilan/Kegagalan", "Alternatif Solusi yang Dilakukan"],
                 [[k.indikator, _nilai_iku(k.target, k.satuan), _nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                   _nilai_iku(k.realisasi, k.satuan), [lap.isi(x) for x in a.penyebab] if a else "-",
                   [lap.isi(x) for x in a.solusi] if a else "-"]],
                 angka={1, 2, 3}, sumber=_sumber(lap, "penyebab"), lebar=[18, 9, 9, 9, 28, 27])


def program_penunjang(lap: Laporan, kode: str) -> Tabel:
    """Programs, kegiatan and sub kegiatan linked to the IKU (from the budget), with the analysis texts."""
    h = lap.hasil
    d = h.data
    k = _iku(lap, kode)
    a = d.analisis.get(kode)
    isi: list[str] = []
    for p in k.program:
        per_program = h.anggaran[h.anggaran["kode_program"] == p]
        nama_program = per_program.iloc[0]["program"] if len(per_program) else p
        isi.append(f"Program: {nama_program}")
        for _, keg in per_program[per_program["tingkat"] == "kegiatan"].iterrows():
            sub = per_program[(per_program["tingkat"] == "sub_kegiatan") & (per_program["kegiatan"] == keg["kegiatan"])]
            nama_sub = list(dict.fromkeys(sub["sub_kegiatan"]))  # one line per sub kegiatan, not per sub unit
            isi.append(f"Kegiatan: {keg['kegiatan']}; sub kegiatan: " + "; ".join(nama_sub))
            if a and keg["kegiatan"] in a.analisis_kegiatan:
                isi.append("Analisis: " + lap.isi(a.analisis_kegiatan[keg["kegiatan"]]))
        if a and p in a.analisis_program:
            isi.append("Analisis: " + lap.isi(a.analisis_program[p]))
    return Tabel(f"program-penunjang-{kode}",
                 f"Program/Kegiatan yang Menunjang Keberhasilan dan Kegagalan Pencapaian Kinerja: {k.indikator}",
                 ["Indikator Kinerja Utama", f"Target {d.tahun}", f"Realisasi {d.tahun - 1}", f"Realisasi {d.tahun}",
                  f"Program/Kegiatan pada Renja Tahun {d.tahun}"],
                 [[k.indikator, _nilai_iku(k.target, k.satuan), _nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                   _nilai_iku(k.realisasi, k.satuan), isi or "-"]],
                 angka={1, 2, 3}, sumber=_sumber(lap, "program_penunjang"), lebar=[20, 9, 9, 9, 53])


TABEL_IKU = (capaian, tahun_lalu, renstra_kemajuan, nasional, alokasi, kinerja_anggaran, efisiensi, penyebab,
             program_penunjang)


def realisasi_anggaran(lap: Laporan) -> Tabel:
    """The full budget: each program and kegiatan with its subtotal, then its sub kegiatan."""
    h = lap.hasil
    baris, tebal = [], set()
    romawi = iter(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"])
    nomor_keg = nomor_sub = 0
    for _, b in h.anggaran.iterrows():
        if b["tingkat"] == "program":
            nomor, uraian = next(romawi, ""), b["program"]
            nomor_keg = 0
        elif b["tingkat"] == "kegiatan":
            nomor_keg += 1
            nomor_sub = 0
            nomor, uraian = str(nomor_keg), f"Kegiatan: {b['kegiatan']}"
        elif b["tingkat"] == "sub_kegiatan":
            nomor_sub += 1
            nomor = f"{nomor_keg}.{nomor_sub}"
            uraian = b["sub_kegiatan"] + (f" (sub unit {b['sub_unit']})" if b["sub_unit"] else "")
        else:
            nomor, uraian = "", "Jumlah"
        if b["tingkat"] in ("program", "kegiatan", "total"):
            tebal.add(len(baris))
        baris.append([nomor, uraian, f.rupiah(b["pagu"]), f.rupiah(b["realisasi"]), f.persen(b["serapan"])])
    return Tabel("realisasi-anggaran", f"Realisasi Anggaran Tahun {h.data.tahun}",
                 ["No", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "Serapan (%)"],
                 baris, angka={2, 3, 4}, sumber=_sumber(lap, "realisasi_anggaran"), lebar=[7, 49, 17, 17, 10],
                 tebal=tebal, panjang=True)


# --- Lampiran ------------------------------------------------------------------------------

def lampiran_target(lap: Laporan) -> Tabel:
    h = lap.hasil
    baris = [[f"{i}.", k.sasaran, k.indikator, _nilai_iku(k.target, k.satuan)] for i, k in enumerate(h.kinerja, start=1)]
    d = h.data
    return Tabel("lampiran-target", f"Lampiran {d.laporan.perjanjian_kinerja.jenis} Tahun {d.tahun}: Target Kinerja",
                 ["No", "Sasaran Strategis", "Indikator Kinerja", "Target Kinerja"], baris, angka={3},
                 lebar=[6, 40, 40, 14])


def lampiran_anggaran(lap: Laporan) -> Tabel:
    t = anggaran_program(lap)
    t.nama, t.sumber = "lampiran-anggaran", None
    d = lap.hasil.data
    t.judul = f"Lampiran {d.laporan.perjanjian_kinerja.jenis} Tahun {d.tahun}: Anggaran Program"
    return t
