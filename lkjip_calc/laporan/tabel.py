"""The body of each report table (headers and display cells), selected from the computed figures.

No figure is computed here, only selected and formatted (`Laporan.tampilan`). Each table's name,
caption and source key are declared once in `daftar`, which pairs them with these functions;
`render` turns the result into MyST for the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dasar.angka import ROMAWI
from ..hitung import periode as hp
from ..hitung.hasil import KinerjaIku, SasaranKinerja
from ..hitung.skala import Skala
from .bahan import Laporan
from .nilai import KATA_PERUBAHAN
from .tampilan import Tampilan

Sel = str | list[str]  # a cell: text, or a bulleted list of texts



@dataclass
class Isi:
    kepala: list[str]
    baris: list[list[Sel]]
    angka: set[int] = field(default_factory=set)   # numeric columns (right-aligned)
    lebar: list[int] | None = None                 # relative column widths
    tebal: set[int] = field(default_factory=set)   # rows shown in bold (subtotals, totals)
    # Columns whose equal cells in consecutive rows are shown as one merged cell, as the printed
    # LKjIP merges a tujuan or sasaran over its indicators. Nested from left to right: a column's
    # cells merge only within one merged cell of every merged column before it.
    gabung: set[int] = field(default_factory=set)


@dataclass
class Tabel:
    """A whole table of the report: its label, caption, body and source line."""

    nama: str    # label, unique in the book: "luas-wilayah", "capaian-ikm"
    judul: str   # caption, years included
    isi: Isi
    sumber: str | None = None
    catatan: str | None = None  # a sentence under the table (after its source line)


# --- BAB I ---------------------------------------------------------------------------------

def luas_wilayah(lap: Laporan, _k: None = None) -> Isi:
    w, t = lap.hasil.wilayah, lap.tampilan
    baris = [[f"{i}.", b["kelurahan"], t.nilai_indikator(b["luas_km2"]), t.persen(b["persen_luas"])]
             for i, (_, b) in enumerate(w.iloc[:-1].iterrows(), start=1)]
    total = w.iloc[-1]
    baris.append(["", "Jumlah", t.nilai_indikator(total["luas_km2"]), t.persen(total["persen_luas"])])
    d = lap.hasil.data
    return Isi(["No", d.bagian_wilayah.capitalize(), "Luas (km²)", f"Persentase terhadap Luas {d.unit.jenis} (%)"], baris,
               angka={2, 3}, lebar=[6, 40, 20, 34], tebal={len(baris) - 1})


def penduduk(lap: Laporan, _k: None = None) -> Isi:
    w, t = lap.hasil.wilayah, lap.tampilan

    def sel(b):
        return [b["kelurahan"], t.cacah(b["laki_laki"]), t.cacah(b["perempuan"]), t.cacah(b["jumlah"]),
                t.persen(b["persen_penduduk"]), t.desimal(b["kepadatan"]), t.desimal(b["rasio_jenis_kelamin"])]

    baris = [[f"{i}."] + sel(b) for i, (_, b) in enumerate(w.iloc[:-1].iterrows(), start=1)]
    baris.append([""] + sel(w.iloc[-1]))
    bagian = lap.hasil.data.bagian_wilayah.capitalize()
    return Isi(["No", bagian, "Laki-laki", "Perempuan", "Jumlah", "Persentase Penduduk (%)",
                "Kepadatan (jiwa/km²)", "Rasio Jenis Kelamin"], baris,
               angka={2, 3, 4, 5, 6, 7}, lebar=[6, 17, 12, 13, 12, 14, 13, 13], tebal={len(baris) - 1})


# --- BAB II --------------------------------------------------------------------------------

def renstra(lap: Laporan, _k: None = None) -> Isi:
    h, t = lap.hasil, lap.tampilan
    r = h.data.renstra
    tujuan = {x.kode: x.nama for x in r.tujuan}
    baris = []
    for s in r.sasaran:
        for iku in (i for i in r.iku if i.sasaran == s.kode):
            target = h.target_renstra.get(iku.kode, {})
            baris.append([tujuan[s.tujuan], s.nama, iku.indikator]
                         + [t.nilai_iku(target.get(th), iku.satuan) for th in h.tahun_renstra])
    tahun = h.tahun_renstra
    return Isi(["Tujuan", "Sasaran", "Indikator Sasaran"] + [f"Target {th}" for th in tahun], baris,
               angka=set(range(3, 3 + len(tahun))), lebar=[17, 17, 21] + [45 // max(len(tahun), 1)] * len(tahun),
               gabung={0, 1})


def program_kegiatan(lap: Laporan, _k: None = None) -> Isi:
    h = lap.hasil
    a = h.anggaran
    nama = dict(zip(a["kode_program"], a["program"], strict=True))
    baris = []
    for s in h.data.renstra.sasaran:
        # the kegiatan its IKUs' links cover: all of a program linked whole, only those named when finer
        tertaut = {b.nomor for i in h.data.renstra.iku if i.sasaran == s.kode for b in h.data.anggaran_iku(i.kode)}
        for kode in h.program_sasaran.get(s.kode, ()):
            sub = a[(a["tingkat"] == "sub_kegiatan") & (a["kode_program"] == kode) & a["baris"].isin(tertaut)]
            baris.append([s.nama, nama[kode], list(dict.fromkeys(sub["kegiatan"]))])
    return Isi(["Sasaran", "Program", "Kegiatan"], baris, lebar=[28, 30, 42], gabung={0})


def perjanjian_kinerja(lap: Laporan, _k: None = None) -> Isi:
    h, t = lap.hasil, lap.tampilan
    sasaran = {s.kode: s for s in h.sasaran}
    baris = [[str(n), sasaran[k.sasaran_kode].tujuan, k.sasaran, k.indikator, k.rumus or "-",
              t.nilai_iku(k.target, k.satuan)] for n, k in enumerate(h.kinerja, start=1)]
    return Isi(["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Rumus", "Target Kinerja"], baris, angka={5},
               lebar=[5, 18, 18, 22, 25, 12], gabung={1, 2})


def anggaran_program(lap: Laporan, _k: None = None) -> Isi:
    h, t = lap.hasil, lap.tampilan
    baris = [[f"{i}.", p.nama, t.rupiah(p.anggaran), p.sumber_dana or "-"] for i, p in enumerate(h.pk_anggaran, start=1)]
    baris.append(["", "Jumlah", t.rupiah(h.pk_anggaran_total), ""])
    return Isi(["No", "Program", "Anggaran (Rp)", "Keterangan"], baris, angka={2}, lebar=[6, 54, 24, 16],
               tebal={len(baris) - 1})


# --- BAB III -------------------------------------------------------------------------------

def skala(lap: Laporan, _k: None = None) -> Isi:
    baris = [[str(i), interval, predikat]
             for i, (interval, predikat) in enumerate(interval_skala(lap.hasil.skala, lap.tampilan), start=1)]
    return Isi(["No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja"], baris,
               lebar=[8, 46, 46])


def interval_skala(s: Skala, t: Tampilan) -> list[tuple[str, str]]:
    """(interval text, predikat) per band of the scale: ">90 - 100", "0 - 30", "≥91", "≤50"."""
    baris = []
    atas: str | None = None if s.batas_atas is None else t.nilai_indikator(s.batas_atas)
    for pita in s.pita:
        if pita.lebih_dari is not None:
            kiri = f">{t.nilai_indikator(pita.lebih_dari)}"
        elif pita.paling_sedikit is not None:
            kiri = t.nilai_indikator(pita.paling_sedikit)
        else:
            kiri = None
        if kiri is None:
            teks = "-" if atas is None else (atas if atas.startswith("<") else f"≤{atas}")
        elif atas is None:
            teks = kiri if kiri.startswith(">") else f"≥{kiri}"
        else:
            teks = f"{kiri} - {atas}"
        baris.append((teks, pita.predikat))
        # The next band's upper end: "≤ bound" when this band starts above it, "< bound" when at it.
        if pita.lebih_dari is not None:
            atas = t.nilai_indikator(pita.lebih_dari)
        elif pita.paling_sedikit is not None:
            atas = f"<{t.nilai_indikator(pita.paling_sedikit)}"
    return baris


# How a change against last year is worded in the tables, by the IKU's direction (`arah`): fewer
# cases of a lower-is-better IKU is an improvement.


def capaian_sasaran(lap: Laporan, s: SasaranKinerja) -> Isi:
    """The capaian of each IKU of a sasaran and their mean (`SasaranKinerja.capaian`)."""
    t = lap.tampilan
    baris: list[list[Sel]] = [[f"{i}.", k.indikator, t.persen(k.capaian), k.predikat or t.kosong]
                              for i, k in enumerate(s.iku, start=1)]
    baris.append(["", "Rata-rata capaian sasaran", t.persen(s.capaian), s.predikat or t.kosong])
    return Isi(["No", "Indikator Kinerja Utama", "Capaian (%)", "Predikat"], baris, angka={2},
               lebar=[6, 56, 16, 22], tebal={len(baris) - 1})


def capaian(lap: Laporan, k: KinerjaIku) -> Isi:
    t = lap.tampilan
    nilai = t.persen(k.capaian) if k.capaian is not None else f"- ({k.alasan_kosong})"
    return Isi(["Indikator Kinerja Utama", "Target", "Realisasi", "Capaian (%)", "Predikat"],
               [[k.indikator, t.nilai_iku(k.target, k.satuan),
                 t.realisasi_iku(k.realisasi, k.satuan, k.pembilang, k.penyebut), nilai,
                 k.predikat or "-"]], angka={1, 2, 3}, lebar=[40, 14, 14, 14, 18])


def catatan_capaian(_lap: Laporan, k: KinerjaIku) -> str:
    """The capaian formula of the IKU, as its measurement table applies it."""
    return f"Capaian dihitung dengan rumus: {k.rumus_capaian}."


def ada_periode(_lap: Laporan, k: KinerjaIku) -> bool:
    """The IKU has realisasi per period (the table of its periods is shown)."""
    return bool(k.periode)


def periode(lap: Laporan, k: KinerjaIku) -> Isi:
    """The IKU's progress by period: each period's realisasi, the realisasi to date under its rule
    (gabung_periode), the year's target and, where it means something, the capaian to date."""
    t, th = lap.tampilan, lap.hasil.data.tahun
    capaian = hp.capaian_sd_berarti(k.gabung_periode, k.polaritas)
    baris: list[list[Sel]] = [[p.nama, t.nilai_iku(p.realisasi, k.satuan), t.nilai_iku(p.sd_periode, k.satuan),
                               t.nilai_iku(k.target, k.satuan)] + ([t.persen(p.capaian_sd)] if capaian else [])
                              for p in k.periode]
    kepala = ["Periode", "Realisasi Periode", "Realisasi s.d. Periode", f"Target {th}"]
    if capaian:
        return Isi(kepala + ["Capaian s.d. Periode (%)"], baris, angka={1, 2, 3, 4}, lebar=[20, 20, 20, 20, 20])
    return Isi(kepala, baris, angka={1, 2, 3}, lebar=[25, 25, 25, 25])


def catatan_periode(lap: Laporan, k: KinerjaIku) -> str:
    """How the periods make the figure to date and the year (renstra.yaml gabung_periode)."""
    th = lap.hasil.data.tahun
    teks = (f"Realisasi s.d. periode adalah {hp.URAIAN_SD[k.gabung_periode]}; realisasi tahun {th} adalah "
            f"{hp.URAIAN_GABUNG[k.gabung_periode]}: {lap.tampilan.nilai_iku(k.realisasi, k.satuan)}.")
    if not hp.capaian_sd_berarti(k.gabung_periode, k.polaritas):
        teks += " Capaian s.d. periode tidak dihitung: jumlah yang makin kecil makin baik baru dapat dinilai di akhir tahun."
    return teks


def tahun_lalu(lap: Laporan, k: KinerjaIku) -> Isi:
    t, th = lap.tampilan, lap.hasil.data.tahun
    perubahan = KATA_PERUBAHAN[k.polaritas].get(k.perubahan_tahun_lalu, t.kosong)
    return Isi(["Indikator Kinerja Utama", f"Target {th}", f"Realisasi {th - 1}", f"Realisasi {th}", "Perubahan"],
               [[k.indikator, t.nilai_iku(k.target, k.satuan), t.nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                 t.nilai_iku(k.realisasi, k.satuan), perubahan]], angka={1, 2, 3}, lebar=[40, 14, 14, 14, 18])


def renstra_kemajuan(lap: Laporan, k: KinerjaIku) -> Isi:
    t, d = lap.tampilan, lap.hasil.data
    selisih = d.pengaturan.metode.tingkat_kemajuan == "selisih"
    kemajuan = t.nilai_indikator(k.tingkat_kemajuan) if selisih else t.persen(k.tingkat_kemajuan)
    # the year of the target shown: the Renstra's last year that has a target for this IKU
    tahun_target = k.tahun_target_akhir if k.tahun_target_akhir is not None else d.renstra.tahun_akhir
    return Isi(["Indikator Kinerja Utama", f"Realisasi {d.tahun}", f"Target Akhir Renstra ({tahun_target})",
                "Tingkat Kemajuan" + (" (selisih)" if selisih else " (%)")],
               [[k.indikator, t.nilai_iku(k.realisasi, k.satuan), t.nilai_iku(k.target_akhir_renstra, k.satuan),
                 kemajuan]], angka={1, 2, 3}, lebar=[40, 18, 22, 20])


def nasional(lap: Laporan, k: KinerjaIku) -> Isi:
    t, th = lap.tampilan, lap.hasil.data.tahun
    return Isi(["Indikator Kinerja Utama", f"Realisasi {th}", "Realisasi Nasional", "Keterangan"],
               [[k.indikator, t.nilai_iku(k.realisasi, k.satuan), t.nilai_iku(k.realisasi_nasional, k.satuan),
                 k.keterangan_nasional or "-"]], angka={1, 2}, lebar=[36, 16, 16, 32])


def alokasi(lap: Laporan, k: KinerjaIku) -> Isi:
    t, th = lap.tampilan, lap.hasil.data.tahun
    return Isi(["Indikator Kinerja Utama", f"Anggaran IKU {th} (Rp)", "Persentase terhadap Anggaran Perangkat Daerah (%)"],
               [[k.indikator, t.rupiah(k.pagu), t.persen(k.alokasi)]], angka={1, 2}, lebar=[44, 26, 30])


def kinerja_anggaran(lap: Laporan, k: KinerjaIku) -> Isi:
    t = lap.tampilan
    return Isi(["Indikator Kinerja Utama", "Target Kinerja", "Realisasi Kinerja", "Capaian Kinerja (%)",
                "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Serapan (%)"],
               [[k.indikator, t.nilai_iku(k.target, k.satuan), t.nilai_iku(k.realisasi, k.satuan), t.persen(k.capaian),
                 t.rupiah(k.pagu), t.rupiah(k.realisasi_anggaran), t.persen(k.serapan)]],
               angka={1, 2, 3, 4, 5, 6}, lebar=[20, 11, 12, 11, 16, 16, 14])


def efisiensi(lap: Laporan, k: KinerjaIku) -> Isi:
    t = lap.tampilan
    metode = lap.hasil.data.pengaturan.metode.efisiensi
    kepala_efisiensi = "Tingkat Efisiensi" + (" (poin persen)" if metode == "selisih" else " (rasio)")
    return Isi(["Indikator Kinerja Utama", "Capaian Kinerja (%)", "Serapan Anggaran (%)", kepala_efisiensi],
               [[k.indikator, t.persen(k.capaian), t.persen(k.serapan), t.rasio(k.efisiensi)]], angka={1, 2, 3},
               lebar=[40, 20, 20, 20])


def penyebab(lap: Laporan, k: KinerjaIku) -> Isi:
    t, d = lap.tampilan, lap.hasil.data
    a = d.analisis.get(k.kode)
    return Isi(["Indikator Kinerja Utama", f"Target {d.tahun}", f"Realisasi {d.tahun - 1}", f"Realisasi {d.tahun}",
                "Penyebab Keberhasilan/Kegagalan", "Alternatif Solusi yang Dilakukan"],
               [[k.indikator, t.nilai_iku(k.target, k.satuan), t.nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                 t.nilai_iku(k.realisasi, k.satuan), [lap.isi(x) for x in a.penyebab] if a else "-",
                 [lap.isi(x) for x in a.solusi] if a else "-"]],
               angka={1, 2, 3}, lebar=[16, 11, 12, 12, 25, 24])


def program_penunjang(lap: Laporan, k: KinerjaIku) -> Isi:
    """Programs, kegiatan and sub kegiatan linked to the IKU (from the budget), with the analysis texts.
    A link finer than the program shows only the kegiatan and sub kegiatan it covers."""
    h, t = lap.hasil, lap.tampilan
    d = h.data
    a = d.analisis.get(k.kode)
    isi: list[str] = []
    for p in k.program:
        per_program = h.anggaran[h.anggaran["kode_program"] == p]
        nama_program = per_program.iloc[0]["program"] if len(per_program) else p
        isi.append(f"Program: {nama_program}")
        tertaut = per_program[(per_program["tingkat"] == "sub_kegiatan")
                              & per_program["baris"].isin(k.anggaran_tertaut)]
        for kegiatan in dict.fromkeys(tertaut["kegiatan"]):
            sub = tertaut[tertaut["kegiatan"] == kegiatan]
            nama_sub = list(dict.fromkeys(sub["sub_kegiatan"]))  # one line per sub kegiatan, not per sub unit
            isi.append(f"Kegiatan: {kegiatan}; sub kegiatan: " + "; ".join(nama_sub))
            if a and kegiatan in a.analisis_kegiatan:
                isi.append("Analisis: " + lap.isi(a.analisis_kegiatan[kegiatan]))
        if a and p in a.analisis_program:
            isi.append("Analisis: " + lap.isi(a.analisis_program[p]))
    return Isi(["Indikator Kinerja Utama", f"Target {d.tahun}", f"Realisasi {d.tahun - 1}", f"Realisasi {d.tahun}",
                f"Program/Kegiatan pada Renja Tahun {d.tahun}"],
               [[k.indikator, t.nilai_iku(k.target, k.satuan), t.nilai_iku(k.realisasi_tahun_lalu, k.satuan),
                 t.nilai_iku(k.realisasi, k.satuan), isi or "-"]],
               angka={1, 2, 3}, lebar=[18, 11, 12, 12, 47])


def realisasi_anggaran(lap: Laporan, _k: None = None) -> Isi:
    """The full budget: each program and kegiatan with its subtotal, then its sub kegiatan."""
    h, t = lap.hasil, lap.tampilan
    baris, tebal = [], set()
    romawi = iter(ROMAWI)
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
        baris.append([nomor, uraian, t.rupiah(b["pagu"]), t.rupiah(b["realisasi"]), t.persen(b["serapan"])])
    return Isi(["No", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "Serapan (%)"],
               baris, angka={2, 3, 4}, lebar=[7, 49, 17, 17, 10], tebal=tebal)


def ada_anggaran_periode(lap: Laporan, _k: None = None) -> bool:
    """The budget has realisasi per period (anggaran_periode.csv)."""
    return bool(lap.hasil.anggaran_periode)


def anggaran_periode(lap: Laporan, _k: None = None) -> Isi:
    """The whole budget per period: realisasi of the period and to date, and the serapan to date."""
    t = lap.tampilan
    baris: list[list[Sel]] = [[p.nama, t.rupiah(p.realisasi), t.rupiah(p.kumulatif), t.persen(p.serapan_kumulatif)]
                              for p in lap.hasil.anggaran_periode]
    return Isi(["Periode", "Realisasi Periode (Rp)", "Realisasi s.d. Periode (Rp)", "Serapan s.d. Periode (%)"],
               baris, angka={1, 2, 3}, lebar=[22, 28, 28, 22])


def catatan_anggaran_periode(lap: Laporan, _k: None = None) -> str:
    h = lap.hasil
    return (f"Serapan s.d. periode adalah realisasi s.d. periode dibagi pagu tahun {h.data.tahun} "
            f"(Rp {lap.tampilan.rupiah(h.pagu)}) × 100.")


# --- Lampiran ------------------------------------------------------------------------------

def lampiran_target(lap: Laporan, _k: None = None) -> Isi:
    t = lap.tampilan
    baris = [[f"{i}.", k.sasaran, k.indikator, t.nilai_iku(k.target, k.satuan)]
             for i, k in enumerate(lap.hasil.kinerja, start=1)]
    return Isi(["No", "Sasaran Strategis", "Indikator Kinerja", "Target Kinerja"], baris, angka={3},
               lebar=[6, 40, 40, 14])
