"""Properties of the formulas, the half-up display and the predikat scales, checked by hypothesis.

test_formulas.py, test_formatting.py and test_skala.py pin single published figures; these tests
check relations that must hold for every input, without restating any formula: algebraic identities,
exact rational arithmetic (`Fraction`), or integer arithmetic done by hand.

A note on exactness. The formulas divide in the default Decimal context: 28 significant digits,
each operation correctly rounded (relative error at most U = 5e-28). Where a relation only holds for
the exact quotients, the tests assert it exactly whenever Decimal signalled no `Inexact` result, and
otherwise to within the bound those roundings allow, plus that the report shows the same figure.
"""

from __future__ import annotations

import decimal
import functools
from decimal import Decimal as D
from fractions import Fraction

import pytest
from bantu import DATA
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from lkjip_calc.dasar.angka import angka, bulat
from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.hitung import rumus
from lkjip_calc.hitung.skala import Skala
from lkjip_calc.laporan.tampilan import BIASA
from lkjip_calc.masukan.muat import muat_skala

# No deadline (the first call loads Babel's locale data); no example database written to the tree.
CEPAT = settings(max_examples=100, deadline=None, database=None)

U = D("5E-28")  # unit roundoff of the default context: half a unit in the 28th significant digit
SKALA = ["perwali-kota-probolinggo-30-2020", "permendagri-86-2017"]
RUMUS_NEGATIF = ["permenpanrb-8-2021", "target-per-realisasi", "realisasi-per-target"]
CARA_CAPAIAN = [("positif", "permenpanrb-8-2021"), *(("negatif", r) for r in RUMUS_NEGATIF)]
CERMIN = {"naik": "turun", "turun": "naik", "tetap": "tetap"}


def desimal(min_value, max_value, places: int = 4):
    return st.decimals(min_value=min_value, max_value=max_value, places=places, allow_nan=False, allow_infinity=False)


target = desimal(D("0.0001"), 10**9)   # a target of 0 has no capaian (test_formulas)
realisasi = desimal(0, 10**9)


@functools.cache
def skala(kode: str) -> Skala:
    temuan = DaftarTemuan()
    model = muat_skala(DATA, kode, temuan)
    assert not temuan.daftar, [str(t) for t in temuan.daftar]
    return Skala.dari_model(kode, model)


def peringkat(s: Skala, predikat: str) -> int:
    """Position of a band in the scale: 0 is the highest."""
    return [p.predikat for p in s.pita].index(predikat)


def ribuan(n: int) -> str:
    """A non-negative integer grouped by thousands with '.', by integer division (no Babel, no format spec)."""
    kelompok = []
    while n >= 1000:
        n, sisa = divmod(n, 1000)
        kelompok.append(f"{sisa:03d}")
    kelompok.append(str(n))
    return ".".join(reversed(kelompok))


def dihitung(fungsi):
    """Call `fungsi` in a fresh copy of the current context: its result, and whether any step rounded."""
    with decimal.localcontext() as ctx:
        ctx.clear_flags()
        hasil = fungsi()
        return hasil, bool(ctx.flags[decimal.Inexact])


def kali_tepat(a: D, b: D) -> D:
    """a x b without rounding (two 28-digit coefficients fit in 60 digits)."""
    with decimal.localcontext(prec=60):
        return a * b


@CEPAT
@given(r=realisasi, t=target)
@example(r=D(8), t=D(10))   # exact quotients
@example(r=D(4), t=D(3))    # 4/3 and 2/3 round at different exponents (see below)
def test_polaritas_negatif_permenpanrb_cermin_positif(r, t):
    """A lower-is-better indicator must be judged on the same scale as a higher-is-better one: being
    x % short of the target is the mirror of being x % over it around 100 (PermenPANRB 8/2021), so
    the two capaian add up to 200. Otherwise the predikat of a 'negatif' IKU would be biased."""
    def hitung():
        pos = rumus.capaian(r, t, "positif")
        return rumus.capaian(r, t, "negatif"), pos, 200 - pos

    (neg, pos, cermin), tidak_tepat = dihitung(hitung)
    if not tidak_tepat:
        assert neg == cermin
    else:
        # (2t - r)/t and r/t are rounded to 28 digits at different exponents when they differ in
        # magnitude (4/3: 1.33..3 vs 0.66..67), so 200 - pos is one rounding away from neg.
        terbesar = max(abs(neg), abs(pos), D(200))
        assert abs(neg - cermin) <= 2 * D(10) ** (terbesar.adjusted() - 27)
    # What the reader sees is identical: with <= 4 decimals the exact value is a fraction over 10^4 t,
    # so it is exactly on a .xx5 tie (then short enough to be computed exactly) or at least 1e-7 / t
    # from one, while the error above stays below about 1e-15 / t.
    assert BIASA.persen(neg) == BIASA.persen(cermin)


@CEPAT
@given(r=desimal(D("0.0001"), 10**9), t=target)
@example(r=D(8), t=D(10))
@example(r=D(4), t=D(3))
def test_polaritas_negatif_target_per_realisasi_kebalikan_positif(r, t):
    """'target-per-realisasi' must be the reciprocal of the positive capaian: exceeding a
    lower-is-better target by a factor k is worth what reaching k times a higher-is-better target is."""
    (neg, pos), tidak_tepat = dihitung(lambda: (
        rumus.capaian(r, t, "negatif", "target-per-realisasi"), rumus.capaian(r, t, "positif")))
    hasil_kali = kali_tepat(neg, pos)
    if not tidak_tepat:
        assert hasil_kali == 10000
    else:
        # t/r and r/t are each correctly rounded (relative error <= U, the x 100 is exact), and the
        # product is taken exactly: (1 + U)^2 - 1 < 3U.
        assert abs(hasil_kali - 10000) <= 3 * U * 10000


@CEPAT
@given(r=realisasi, t=target)
@example(r=D(8), t=D(10))
def test_polaritas_negatif_realisasi_per_target_sama_dengan_positif(r, t):
    """'realisasi-per-target' on a lower-is-better IKU is exactly the positive formula (no reversal),
    with a capaian wherever the positive one has it (a realisasi of 0 gives 0, not '-')."""
    neg = rumus.capaian(r, t, "negatif", "realisasi-per-target")
    assert neg == rumus.capaian(r, t, "positif")
    assert rumus.alasan_kosong(r, t, "negatif", "realisasi-per-target") is None


@CEPAT
@pytest.mark.parametrize("polaritas, rumus_negatif", CARA_CAPAIAN)
@given(r1=realisasi, r2=realisasi, t=target)
def test_capaian_monoton_terhadap_realisasi(polaritas, rumus_negatif, r1, r2, t):
    """A unit that achieved more (or, lower-is-better, less) must never be reported with a worse
    capaian than one that did not: the ranking of the figures is what the predikat rests on."""
    rendah, tinggi = sorted((r1, r2))
    if rumus_negatif == "target-per-realisasi":
        assume(rendah > 0)  # no capaian for a realisasi of 0 (test_formulas)
    c_rendah = rumus.capaian(rendah, t, polaritas, rumus_negatif)
    c_tinggi = rumus.capaian(tinggi, t, polaritas, rumus_negatif)
    # 'realisasi-per-target' is the positive formula kept for reports that use it on a lower-is-better
    # IKU (data/README.md 4.2): it ranks as the positive formula does, which is why the report names it.
    if polaritas == "positif" or rumus_negatif == "realisasi-per-target":
        assert c_rendah <= c_tinggi
    else:
        assert c_rendah >= c_tinggi


@CEPAT
@given(bulatan=st.integers(0, 10**12), sen=st.integers(0, 99))
@example(bulatan=0, sen=12)      # 0.125 -> 0,13
@example(bulatan=999, sen=99)    # 999.995 -> 1.000,00: the carry reaches the thousands
def test_bulat_setengah_ke_atas_di_xx5(bulatan, sen):
    """Published reports round .xx5 up; Python's round() and Babel round half to even. A capaian of
    89,995 shown as 89,99 instead of 90,00 would contradict the printed regulations' worked examples
    and every manual check of the report."""
    nilai = D(bulatan * 1000 + sen * 10 + 5).scaleb(-3)   # <bulatan>.<sen>5 exactly
    atas = bulatan * 100 + sen + 1                          # the rounded value in hundredths
    utuh, pecahan = divmod(atas, 100)

    assert bulat(nilai, 2) == D(atas).scaleb(-2)
    assert bulat(-nilai, 2) == -D(atas).scaleb(-2)          # away from zero: negative capaian exist
    assert bulat(nilai - D("1E-9"), 2) == D(atas - 1).scaleb(-2)  # just below the tie goes down

    assert BIASA.persen(nilai) == f"{ribuan(utuh)},{pecahan:02d}"
    tanpa_nol = f"{pecahan:02d}".rstrip("0")
    assert angka(nilai) == ribuan(utuh) + (f",{tanpa_nol}" if tanpa_nol else "")


@CEPAT
@given(r=realisasi, t=target)
@example(r=D(10**9), t=D("0.0001"))   # 10^15 %
@example(r=D(100), t=D(45))
def test_capaian_tanpa_batas_bila_tidak_diatur(r, t):
    """The published reports show capaian above 100 % as they are (222,22 %); capping silently
    would hide over-achievement, or a target set too low, from the reader."""
    c = rumus.capaian(r, t)
    tepat = Fraction(r) / Fraction(t) * 100                     # exact rational, no Decimal division
    assert abs(Fraction(c) - tepat) <= Fraction(D(10) ** (c.adjusted() - 27)) / 2  # correctly rounded
    if r > t:
        assert c > 100


@CEPAT
@given(r=desimal(D("0.0001"), 10**9), t=target, batas=desimal(D("0.01"), 1000, places=2),
       cara=st.sampled_from(CARA_CAPAIAN))
@example(r=D(100), t=D(45), batas=D(120), cara=("positif", "permenpanrb-8-2021"))
def test_capaian_dengan_batas(r, t, batas, cara):
    """When a unit's method does cap capaian (batas), the cap and only the cap applies: a figure
    below it is untouched, one above it shows exactly the cap."""
    tanpa = rumus.capaian(r, t, *cara)
    dengan = rumus.capaian(r, t, *cara, batas=batas)
    assert dengan <= batas
    if tanpa < batas:
        assert dengan == tanpa
    else:
        assert dengan == batas


@CEPAT
@given(pasangan=st.integers(1, 10**13).flatmap(lambda pagu: st.tuples(st.integers(0, pagu), st.just(pagu))),
       lain=st.integers(-10**13, 10**13))
@example(pasangan=(14663367084, 14959915882), lain=5)
def test_serapan_antara_0_dan_100(pasangan, lain):
    """Spending within the budget (pagu) can never be shown as more than 100 % or below 0 %, and
    100 % only when the budget is spent in full; with no pagu or no realisasi there is no figure
    (the report shows '-', never 0 %)."""
    realisasi_anggaran, pagu = pasangan
    s = rumus.serapan(realisasi_anggaran, pagu)
    assert 0 <= s <= 100
    assert (s == 100) == (realisasi_anggaran == pagu)
    assert (s == 0) == (realisasi_anggaran == 0)
    assert rumus.serapan(None, pagu) is None
    assert rumus.serapan(lain, 0) is None
    assert rumus.serapan(lain, None) is None


@CEPAT
@given(c=desimal(-1000, 10**6), s=desimal(0, 10**6))
@example(c=D("94.97"), s=D("98.51"))
@example(c=D(100), s=D(100))
def test_efisiensi_metode_saling_konsisten(c, s):
    """The three efisiensi methods must tell the same story about a unit: two reports that picked
    different methods must not disagree on whether resources were used efficiently."""
    assume(c != 0 and s != 0)
    (per_serapan, per_capaian), tidak_tepat = dihitung(lambda: (
        rumus.efisiensi(c, s, "capaian-per-serapan"), rumus.efisiensi(c, s, "serapan-per-capaian")))
    hasil_kali = kali_tepat(per_serapan, per_capaian)
    if not tidak_tepat:
        assert hasil_kali == 1
    else:
        assert abs(hasil_kali - 1) <= 3 * U   # two correctly rounded quotients, exact product
    selisih = rumus.efisiensi(c, s, "selisih")
    assert selisih + s == c                   # <= 4 decimals up to 1e6: exact
    # With a positive capaian, efficient under one method iff under the others. (A negative capaian,
    # possible under PermenPANRB 8/2021, makes serapan-per-capaian negative, hence "<= 1".)
    if c > 0:
        efisien = selisih >= rumus.batas_efisien("selisih")
        assert (per_serapan >= rumus.batas_efisien("capaian-per-serapan")) == efisien
        assert (per_capaian <= rumus.batas_efisien("serapan-per-capaian")) == efisien


def capaian_skala(s: Skala):
    """Capaian anywhere (negative ones included), or within 0.01 of a band boundary, .xx5 ties included."""
    batas = sorted({b for p in s.pita for b in (p.lebih_dari, p.paling_sedikit) if b is not None})
    dekat = st.builds(lambda b, k: b + D(k).scaleb(-4), st.sampled_from(batas), st.integers(-100, 100))
    return st.one_of(desimal(-300, 1000), dekat)


@CEPAT
@pytest.mark.parametrize("kode", SKALA)
@given(data=st.data())
def test_predikat_monoton(kode, data):
    """A better capaian must never earn a worse predikat: the ranking of units and years in the
    report must agree with the ranking of their figures."""
    s = skala(kode)
    x1, x2 = data.draw(capaian_skala(s)), data.draw(capaian_skala(s))
    rendah, tinggi = sorted((x1, x2))
    assert peringkat(s, s.predikat(rendah)) >= peringkat(s, s.predikat(tinggi))


@CEPAT
@pytest.mark.parametrize("kode", SKALA)
@given(data=st.data())
def test_predikat_menurut_angka_yang_tampil(kode, data):
    """The predikat is given to the figure as printed: a table must never show 90,00 next to the
    band '> 90', nor 90,01 next to a lower band. The printed text is read back independently."""
    s = skala(kode)
    x = data.draw(capaian_skala(s))
    predikat = s.predikat(x)
    assert predikat == s.predikat(bulat(x, 2))
    tampil = D(BIASA.persen(x).replace(".", "").replace(",", "."))
    i = peringkat(s, predikat)
    assert not any(p.memuat(tampil) for p in s.pita[:i])      # no higher band holds the printed figure
    if i < len(s.pita) - 1:                                   # the lowest band also takes what is below it
        assert s.pita[i].memuat(tampil)


@CEPAT
@given(sekarang=desimal(-10**9, 10**9), sebelumnya=desimal(-10**9, 10**9))
@example(sekarang=D(8), sebelumnya=D(8))
def test_arah_negatif_cermin_positif(sekarang, sebelumnya):
    """For a lower-is-better indicator a fall is an improvement: the year-on-year narrative must
    say 'naik' (better) exactly where a higher-is-better indicator would say 'turun'."""
    positif = rumus.arah(sekarang, sebelumnya, "positif")
    assert rumus.arah(sekarang, sebelumnya, "negatif") == CERMIN[positif]
    assert rumus.arah(sebelumnya, sekarang, "positif") == CERMIN[positif]   # swapping the years mirrors too
    assert (positif == "tetap") == (sekarang == sebelumnya)
