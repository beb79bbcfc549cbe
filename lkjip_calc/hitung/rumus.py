"""The formulas of the LKjIP, each in one place, on unrounded Decimal inputs.

A formula that cannot be computed (target 0, missing realisasi, zero pagu) returns None;
the report then shows "-" and says why (see `alasan_kosong`). The method names are declared
with the data model (`masukan.model`), which checks them in laporan.yaml and renstra.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

SERATUS = Decimal(100)


def _d(nilai) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def capaian(realisasi, target, polaritas: str = "positif",
            rumus_negatif: str = "permenpanrb-8-2021", batas: Decimal | None = None) -> Decimal | None:
    """Capaian kinerja in percent.

    positif: realisasi / target x 100.
    negatif: (2 x target - realisasi) / target x 100 (PermenPANRB 8/2021),
             target / realisasi x 100 ("target-per-realisasi"), or
             realisasi / target x 100 ("realisasi-per-target": the positive formula, which some
             published reports use for a lower-is-better indicator; kept so their figures reproduce).
    `batas` caps the result (no cap when None, as the published reports do).
    """
    r, t = _d(realisasi), _d(target)
    if r is None or t is None or t == 0:
        return None
    if polaritas == "positif":
        hasil = r / t * SERATUS
    elif polaritas == "negatif":
        if rumus_negatif == "permenpanrb-8-2021":
            hasil = (2 * t - r) / t * SERATUS
        elif rumus_negatif == "target-per-realisasi":
            if r == 0:
                return None
            hasil = t / r * SERATUS
        elif rumus_negatif == "realisasi-per-target":
            hasil = r / t * SERATUS
        else:
            raise ValueError(f"rumus capaian negatif tidak dikenal: {rumus_negatif}")
    else:
        raise ValueError(f"polaritas tidak dikenal: {polaritas}")
    if batas is not None:
        hasil = min(hasil, Decimal(batas))
    return hasil


def alasan_kosong(realisasi, target, polaritas: str = "positif",
                  rumus_negatif: str = "permenpanrb-8-2021") -> str | None:
    """Why `capaian` gives no value, in words for the reader; None when it gives one."""
    if target is None:
        return "target belum ditetapkan"
    if Decimal(target) == 0:
        return "target bernilai 0 sehingga capaian tidak dapat dihitung"
    if realisasi is None:
        return "realisasi belum tersedia"
    if polaritas == "negatif" and rumus_negatif == "target-per-realisasi" and Decimal(realisasi) == 0:
        return "realisasi bernilai 0 sehingga target/realisasi tidak dapat dihitung"
    return None


def uraian_capaian(polaritas: str = "positif", rumus_negatif: str = "permenpanrb-8-2021") -> str:
    """The capaian formula an IKU uses, in words for the reader (the one place a method name
    becomes words), e.g. "realisasi / target × 100 (polaritas positif)"."""
    if polaritas == "positif":
        return "realisasi / target × 100 (polaritas positif)"
    if polaritas != "negatif":
        raise ValueError(f"polaritas tidak dikenal: {polaritas}")
    rumus = {"permenpanrb-8-2021": "(2 × target - realisasi) / target × 100 (polaritas negatif, PermenPANRB 8/2021)",
             "target-per-realisasi": "target / realisasi × 100 (polaritas negatif)",
             "realisasi-per-target": "realisasi / target × 100 (polaritas negatif, tanpa pembalikan arah: capaian di "
                                     "bawah 100% berarti lebih baik daripada target; predikat, status dan efisiensi "
                                     "dinilai dari 200 - capaian)"}
    if rumus_negatif not in rumus:
        raise ValueError(f"rumus capaian negatif tidak dikenal: {rumus_negatif}")
    return rumus[rumus_negatif]


def capaian_searah(capaian_kinerja: Decimal | None, polaritas: str = "positif",
                   rumus_negatif: str = "permenpanrb-8-2021") -> Decimal | None:
    """The capaian on which judgements are made (target met, predikat, efisiensi, a sasaran's
    mean): higher is better. It is the capaian itself for every formula but "realisasi-per-target",
    whose capaian runs the other way for a lower-is-better IKU (8 incidents against a limit of 10 is
    80 %, and better than the target); there it is 200 - capaian, i.e. the PermenPANRB figure, so
    that 80 % is judged as the 120 % it means rather than as a target missed."""
    c = _d(capaian_kinerja)
    if c is None or polaritas != "negatif" or rumus_negatif != "realisasi-per-target":
        return c
    return 2 * SERATUS - c


def persentase(bagian, keseluruhan) -> Decimal | None:
    """bagian / keseluruhan x 100; None when keseluruhan is 0 or missing."""
    b, k = _d(bagian), _d(keseluruhan)
    if b is None or k is None or k == 0:
        return None
    return b / k * SERATUS


def serapan(realisasi_anggaran: int | None, pagu: int | None) -> Decimal | None:
    """Serapan anggaran: realisasi / pagu x 100."""
    return persentase(realisasi_anggaran, pagu)


def efisiensi(capaian_kinerja: Decimal | None, serapan_anggaran: Decimal | None,
              metode: str = "capaian-per-serapan") -> Decimal | None:
    """Efisiensi penggunaan sumber daya.

    capaian-per-serapan: capaian % / serapan % (a ratio; >= 1 is efficient), the seed's Tabel 3.7;
    serapan-per-capaian: serapan % / capaian % (a ratio; <= 1 is efficient);
    selisih: capaian % - serapan % (percentage points; >= 0 is efficient).
    """
    c, s = _d(capaian_kinerja), _d(serapan_anggaran)
    if c is None or s is None:
        return None
    if metode == "capaian-per-serapan":
        return None if s == 0 else c / s
    if metode == "serapan-per-capaian":
        return None if c == 0 else s / c
    if metode == "selisih":
        return c - s
    raise ValueError(f"metode efisiensi tidak dikenal: {metode}")


def tingkat_kemajuan(realisasi, target_akhir, polaritas: str = "positif", metode: str = "selisih",
                     rumus_negatif: str = "permenpanrb-8-2021") -> Decimal | None:
    """Progress of this year's realisasi toward the Renstra end-of-period target.

    selisih: realisasi - target akhir in the indicator's unit (target akhir - realisasi when lower is better);
    rasio: the capaian formula applied to the end target (realisasi / target akhir x 100 when higher is better).
    """
    r, t = _d(realisasi), _d(target_akhir)
    if r is None or t is None:
        return None
    if metode == "selisih":
        return r - t if polaritas == "positif" else t - r
    if metode == "rasio":
        return capaian(r, t, polaritas, rumus_negatif)
    raise ValueError(f"metode tingkat kemajuan tidak dikenal: {metode}")


def rasio_jenis_kelamin(laki_laki: int, perempuan: int) -> Decimal | None:
    """Males per 100 females."""
    return persentase(laki_laki, perempuan)


def kepadatan(penduduk: int, luas_km2) -> Decimal | None:
    """Inhabitants per km²."""
    jiwa, luas = _d(penduduk), _d(luas_km2)
    if jiwa is None or luas is None or luas == 0:
        return None
    return jiwa / luas


def jumlah_lengkap(nilai: Iterable) -> int | Decimal | None:
    """The sum, or None when there is nothing to add or a part is still missing (a draft):
    a total of the parts filled in so far would look like a real figure."""
    daftar = list(nilai)
    if not daftar or any(v is None for v in daftar):
        return None
    return sum(daftar)


def rata_rata(nilai: Iterable) -> Decimal | None:
    """The mean, or None when there is nothing to average or a part is still missing (a draft):
    the mean of the parts filled in so far would look like the real figure."""
    daftar = [_d(v) for v in nilai]
    jumlah = jumlah_lengkap(daftar)
    return None if jumlah is None else jumlah / len(daftar)


def tercapai(capaian: Decimal | None) -> bool | None:
    """Whether the target was met (capaian of at least 100 %); None when there is no capaian."""
    return None if capaian is None else capaian >= SERATUS


def arah(sekarang, sebelumnya, polaritas: str = "positif") -> str | None:
    """'naik', 'turun' or 'tetap' from `sebelumnya` to `sekarang`, in the indicator's direction:
    for a lower-is-better indicator a smaller number is 'naik' (better)."""
    kini, lalu = _d(sekarang), _d(sebelumnya)
    if kini is None or lalu is None:
        return None
    selisih = kini - lalu if polaritas == "positif" else lalu - kini
    return "tetap" if selisih == 0 else ("naik" if selisih > 0 else "turun")


def status_target(capaian: Decimal | None) -> str | None:
    """'melampaui' (capaian over 100 %), 'tercapai' (exactly 100 %) or 'belum' (under); None without capaian."""
    if capaian is None:
        return None
    return "melampaui" if capaian > SERATUS else ("tercapai" if capaian == SERATUS else "belum")


def efisien(efisiensi_nilai: Decimal | None, capaian_kinerja: Decimal | None,
            metode: str = "capaian-per-serapan") -> bool | None:
    """Whether resources were used efficiently under `metode` (see `batas_efisien`); None when
    either figure is missing. No capaian above 0 is never efficient: spending that achieved
    nothing (or less than nothing) would otherwise read as efficient under serapan-per-capaian,
    whose ratio is small, or negative, exactly when the capaian is."""
    e, c = _d(efisiensi_nilai), _d(capaian_kinerja)
    if e is None or c is None:
        return None
    if c <= 0:
        return False
    if metode == "serapan-per-capaian":
        return e <= batas_efisien(metode)
    return e >= batas_efisien(metode)


def batas_efisien(metode: str = "capaian-per-serapan") -> Decimal:
    """The value from which a use of resources counts as efficient under `metode`: a ratio of
    capaian to serapan from 1, a difference from 0. (serapan-per-capaian is efficient up to 1.)"""
    if metode in ("capaian-per-serapan", "serapan-per-capaian"):
        return Decimal(1)
    if metode == "selisih":
        return Decimal(0)
    raise ValueError(f"metode efisiensi tidak dikenal: {metode}")
