"""The named values that prose may cite with placeholders such as {{ iku.ikm.capaian }}.

Each name selects a computed figure (from `hitung.hasil.Hasil`) or a fact of the data, with the
kind that decides how it is displayed; nothing is computed here. data/README.md lists the names
for analysts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dasar import angka as a
from ..hitung.hasil import Hasil
from .tampilan import Tampilan

TEKS, TAHUN, ANGKA, PERSEN, RASIO, RUPIAH, JUMLAH, DAFTAR, DESIMAL, CACAH, LOGIKA = (
    "teks", "tahun", "angka", "persen", "rasio", "rupiah", "jumlah", "daftar", "desimal", "cacah", "logika")
NUMERIK = (TAHUN, ANGKA, PERSEN, RASIO, RUPIAH, JUMLAH, DESIMAL, CACAH)  # may be compared in a condition

# Filters a placeholder may apply, and the kinds each accepts.
FILTER = {"terbilang": (JUMLAH,), "rp": (RUPIAH,), "kapital": (TEKS,)}

# The words of the judgements the figures make (hitung decides, these only say it).
KATA_ARAH = {"naik": "meningkat", "turun": "menurun", "tetap": "tetap"}                 # the number itself
KATA_KINERJA = {"naik": "membaik", "turun": "memburuk", "tetap": "tetap"}              # in the IKU's direction
KATA_STATUS = {"melampaui": "melampaui target", "tercapai": "mencapai target", "belum": "belum mencapai target"}
# The change against last year as the tables word it: the number's direction, and for a
# lower-is-better IKU what that means.
KATA_PERUBAHAN = {
    "positif": {"naik": "meningkat", "turun": "menurun", "tetap": "tetap"},
    "negatif": {"naik": "membaik (angka turun)", "turun": "memburuk (angka naik)", "tetap": "tetap"},
}
KATA_NASIONAL = {"naik": "lebih baik daripada", "turun": "lebih buruk daripada", "tetap": "sama dengan"}


def _kata(kamus: dict, kunci) -> str | None:
    return None if kunci is None else kamus[kunci]


def _ya_tidak(nilai: bool | None, ya: str, tidak: str) -> str | None:
    return None if nilai is None else (ya if nilai else tidak)


def ringkasan_iku(k: int, n: int, kata: str) -> str | None:
    """'seluruh 3 (tiga) IKU <kata>', 'tidak ada IKU yang <kata>' or 'sebanyak 2 (dua) dari 3 (tiga) IKU <kata>':
    the count said right for none, some and all (never "0 (nol) IKU ..., yaitu")."""
    if n == 0:
        return None
    if k == n:
        return f"seluruh {a.terbilang(n)} IKU {kata}" if n > 1 else f"satu-satunya IKU {kata}"
    if k == 0:
        return f"tidak ada IKU yang {kata}"
    return f"sebanyak {a.terbilang(k)} dari {a.terbilang(n)} IKU {kata}"


@dataclass(frozen=True)
class Nilai:
    jenis: str
    mentah: object
    bernomor: bool = True  # DAFTAR only: numbered (1.) or bulleted (-) list

    def baris_daftar(self, lolos=lambda x: x) -> list[str]:
        """A list value as Markdown list lines, each item escaped by `lolos`."""
        if self.bernomor:
            return [f"{i}. {lolos(x)}" for i, x in enumerate(self.mentah, start=1)]
        return [f"- {lolos(x)}" for x in self.mentah]

    def teks(self, tampilan: Tampilan, filter_: str | None = None) -> str:
        """The value as the report prints it (a missing value as `tampilan.kosong`)."""
        m = self.mentah
        if filter_ == "terbilang":
            return a.terbilang(m)
        if filter_ == "rp":
            return tampilan.rupiah(m, awalan=True)
        if filter_ == "kapital":
            teks = self.teks(tampilan)
            return teks[:1].upper() + teks[1:]
        if self.jenis == DAFTAR:
            return "\n".join(self.baris_daftar())
        if m is None:
            return tampilan.kosong
        if self.jenis in (TEKS, TAHUN, JUMLAH):
            return str(m)
        if self.jenis == LOGIKA:
            return "ya" if m else "tidak"
        if self.jenis == ANGKA:
            return tampilan.nilai_indikator(m)
        if self.jenis == PERSEN:
            return tampilan.persen(m)
        if self.jenis == RASIO:
            return tampilan.rasio(m)
        if self.jenis == RUPIAH:
            return tampilan.rupiah(m)
        if self.jenis == CACAH:
            return tampilan.cacah(m)
        if self.jenis == DESIMAL:
            return tampilan.desimal(m)
        raise AssertionError(self.jenis)


def nilai_nilai(hasil: Hasil) -> dict[str, Nilai]:
    d = hasil.data
    u, r, lap = d.unit, d.renstra, d.pengaturan
    n: dict[str, Nilai] = {}

    def teks(nama, v):
        n[nama] = Nilai(TEKS, v)

    n["tahun"] = Nilai(TAHUN, d.tahun)
    n["tahun_lalu"] = Nilai(TAHUN, d.tahun - 1)
    n["tahun_berikut"] = Nilai(TAHUN, d.tahun + 1)
    for kunci in ("nama", "nama_singkat", "jenis", "pemerintah", "daerah", "kota", "ibukota"):
        teks(f"unit.{kunci}", getattr(u, kunci))
    teks("unit.bagian_wilayah", d.bagian_wilayah)  # kelurahan or desa; empty for a unit without territory
    g = u.geografi  # None for a unit without territory: its values are then empty
    n["unit.ketinggian_mdpl"] = Nilai(ANGKA, g.ketinggian_mdpl if g else None)
    teks("unit.lintang", g.lintang if g else None)
    teks("unit.bujur", g.bujur if g else None)
    n["unit.suhu_maks"] = Nilai(ANGKA, g.suhu_maks if g else None)
    n["unit.suhu_min"] = Nilai(ANGKA, g.suhu_min if g else None)
    for peran in ("kepala", "atasan"):
        pejabat = getattr(u, peran)
        for kunci in ("nama", "jabatan", "pangkat", "nip"):
            teks(f"unit.{peran}.{kunci}", getattr(pejabat, kunci))

    teks("renstra.periode", r.periode)
    n["renstra.tahun_awal"] = Nilai(TAHUN, r.tahun_awal)
    n["renstra.tahun_akhir"] = Nilai(TAHUN, r.tahun_akhir)
    teks("renstra.periode_berikut", r.periode_berikut)
    teks("renstra.dokumen", r.dokumen)

    teks("laporan.tempat", lap.tempat)
    teks("laporan.tanggal", a.bulan_tahun(lap.tanggal_laporan_date) if lap.tanggal_laporan else None)
    teks("pk.tanggal", a.bulan_tahun(lap.perjanjian_kinerja.tanggal_date) if lap.perjanjian_kinerja.tanggal else None)
    teks("pk.jenis", lap.perjanjian_kinerja.jenis)
    teks("pk.sumber_dana", lap.perjanjian_kinerja.sumber_dana)
    teks("skala.dasar_hukum", hasil.skala.dasar_hukum)
    teks("skala.nama", hasil.skala.nama)

    n["anggaran.pagu"] = Nilai(RUPIAH, hasil.pagu)
    n["anggaran.realisasi"] = Nilai(RUPIAH, hasil.realisasi_anggaran)
    n["anggaran.serapan"] = Nilai(PERSEN, hasil.serapan)
    n["anggaran.sisa"] = Nilai(RUPIAH, hasil.sisa_anggaran)
    for kunci, v in hasil.jumlah.items():
        n[f"jumlah.{kunci}"] = Nilai(JUMLAH, v)
    n["efisiensi.batas"] = Nilai(RASIO, hasil.batas_efisiensi)

    total = hasil.wilayah.iloc[-1]
    n["wilayah.luas"] = Nilai(ANGKA, total["luas_km2"])
    n["wilayah.luas_dinyatakan"] = Nilai(ANGKA, lap.dinyatakan.luas_km2)
    n["penduduk.laki_laki"] = Nilai(CACAH, total["laki_laki"])
    n["penduduk.perempuan"] = Nilai(CACAH, total["perempuan"])
    n["penduduk.jumlah"] = Nilai(CACAH, total["jumlah"])
    n["penduduk.rasio_jenis_kelamin"] = Nilai(DESIMAL, total["rasio_jenis_kelamin"])
    n["penduduk.kepadatan"] = Nilai(DESIMAL, total["kepadatan"])

    kemajuan_jenis = PERSEN if lap.metode.tingkat_kemajuan == "rasio" else ANGKA
    for k in hasil.kinerja:
        awal = f"iku.{k.kode}"
        teks(f"{awal}.indikator", k.indikator)
        teks(f"{awal}.satuan", k.satuan)
        teks(f"{awal}.sasaran", k.sasaran)
        teks(f"{awal}.predikat", k.predikat)
        for kunci in ("target", "realisasi", "realisasi_tahun_lalu", "target_tahun_lalu", "target_akhir_renstra",
                      "realisasi_nasional", "pembilang", "penyebut"):
            n[f"{awal}.{kunci}"] = Nilai(ANGKA, getattr(k, kunci))
        teks(f"{awal}.cacah", None if k.pembilang is None or k.penyebut is None
             else f"{a.angka(k.pembilang)} dari {a.angka(k.penyebut)}")  # 7 dari 12
        n[f"{awal}.tingkat_kemajuan"] = Nilai(kemajuan_jenis, k.tingkat_kemajuan)
        for kunci in ("capaian", "serapan", "alokasi"):
            n[f"{awal}.{kunci}"] = Nilai(PERSEN, getattr(k, kunci))
        n[f"{awal}.efisiensi"] = Nilai(RASIO, k.efisiensi)
        n[f"{awal}.pagu"] = Nilai(RUPIAH, k.pagu)
        n[f"{awal}.realisasi_anggaran"] = Nilai(RUPIAH, k.realisasi_anggaran)
        teks(f"{awal}.perubahan_tahun_lalu", _kata(KATA_PERUBAHAN[k.polaritas], k.perubahan_tahun_lalu))
        # judgements, as words for sentences and as yes/no for conditional text (syarat)
        teks(f"{awal}.arah", _kata(KATA_ARAH, k.arah_angka))
        teks(f"{awal}.arah_kinerja", _kata(KATA_KINERJA, k.perubahan_tahun_lalu))
        teks(f"{awal}.status", _kata(KATA_STATUS, k.status_target))
        teks(f"{awal}.status_efisiensi", _ya_tidak(k.efisien, "efisien", "tidak efisien"))
        teks(f"{awal}.banding_nasional", _kata(KATA_NASIONAL, k.banding_nasional))
        teks(f"{awal}.status_renstra", _ya_tidak(k.tercapai_renstra, "telah mencapai", "belum mencapai"))
        for kunci, v in (("tercapai", k.tercapai), ("efisien", k.efisien), ("tercapai_renstra", k.tercapai_renstra)):
            n[f"{awal}.{kunci}"] = Nilai(LOGIKA, v)
        n[f"{awal}.melampaui"] = Nilai(LOGIKA, None if k.status_target is None else k.status_target == "melampaui")
        for kunci, arah, kata in (("naik", k.arah_angka, "naik"), ("turun", k.arah_angka, "turun"),
                                  ("membaik", k.perubahan_tahun_lalu, "naik"),
                                  ("memburuk", k.perubahan_tahun_lalu, "turun")):
            n[f"{awal}.{kunci}"] = Nilai(LOGIKA, None if arah is None else arah == kata)

    for sa in hasil.sasaran:
        awal = f"sasaran.{sa.kode}"
        teks(f"{awal}.nama", sa.nama)
        n[f"{awal}.nomor"] = Nilai(JUMLAH, sa.nomor)
        n[f"{awal}.jumlah_iku"] = Nilai(JUMLAH, sa.jumlah_iku)
        n[f"{awal}.capaian"] = Nilai(PERSEN, sa.capaian)
        teks(f"{awal}.predikat", sa.predikat)

    program = hasil.anggaran[hasil.anggaran["tingkat"] == "program"]
    for _, b in program.iterrows():
        awal = f"program.{b['kode_program']}"
        teks(f"{awal}.nama", b["program"])
        n[f"{awal}.pagu"] = Nilai(RUPIAH, b["pagu"])
        n[f"{awal}.realisasi"] = Nilai(RUPIAH, b["realisasi"])
        n[f"{awal}.serapan"] = Nilai(PERSEN, b["serapan"])

    j = hasil.jumlah
    # While an IKU has no capaian yet (a draft), no count of them is claimed.
    lengkap = all(k.tercapai is not None for k in hasil.kinerja)
    teks("ringkasan.iku_tercapai", ringkasan_iku(j["iku_tercapai"], j["iku"], "mencapai target") if lengkap else None)
    teks("ringkasan.iku_belum_tercapai",
         ringkasan_iku(j["iku_belum_tercapai"], j["iku"], "belum mencapai target") if lengkap else None)
    n["semua_iku_tercapai"] = Nilai(LOGIKA, (j["iku"] > 0 and j["iku_tercapai"] == j["iku"]) if lengkap else None)

    n["daftar.tujuan"] = Nilai(DAFTAR, [t.nama for t in r.tujuan])
    n["daftar.sasaran"] = Nilai(DAFTAR, [s.nama for s in hasil.sasaran])
    n["daftar.iku"] = Nilai(DAFTAR, [k.indikator for k in hasil.kinerja])
    n["daftar.iku_tercapai"] = Nilai(DAFTAR, [k.indikator for k in hasil.iku_tercapai])
    n["daftar.iku_belum_tercapai"] = Nilai(DAFTAR, [k.indikator for k in hasil.iku_belum_tercapai])
    n["daftar.kelurahan"] = Nilai(DAFTAR, list(hasil.wilayah["kelurahan"][:-1]))
    b = g.batas if g else None
    n["daftar.batas_wilayah"] = Nilai(DAFTAR, [f"Sebelah Utara : {b.utara}", f"Sebelah Timur : {b.timur}",
                                               f"Sebelah Selatan : {b.selatan}", f"Sebelah Barat : {b.barat}"]
                                      if b else [], bernomor=False)
    n["daftar.permasalahan"] = Nilai(DAFTAR, list(u.permasalahan))
    n["daftar.program"] = Nilai(DAFTAR, list(program["program"]))
    return n
