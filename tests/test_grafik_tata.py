"""The charts' layout (laporan.grafik), drawn for the three example units: every text inside the
figure and every data label inside its frame, legends off the bars, a flat series on an axis from
0, and the Renstra target drawn above the realisasi."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from bantu import DATA, DATA_TES
from matplotlib.patches import Rectangle

from lkjip_calc.laporan import grafik
from lkjip_calc.laporan.daftar import GAMBAR
from lkjip_calc.laporan.siapkan import siapkan

UNIT = [(DATA, "kanigaran"), (DATA_TES, "sumberrejo"), (DATA_TES, "diskominfo-wirasari")]


@pytest.fixture(scope="module")
def laporan():
    return {unit: siapkan(Path(akar), unit, 2024) for akar, unit in UNIT}


def _semua_grafik(lap):
    for g in GAMBAR.values():
        if g.wilayah and not lap.hasil.data.berwilayah:
            continue
        for k in (lap.hasil.kinerja if g.per_iku else [None]):
            dibuat = g.buat(lap, k)
            if dibuat is not None:
                yield g.label(k), dibuat[0]


@pytest.mark.parametrize("unit", [u for _, u in UNIT])
def test_teks_di_dalam_gambar_dan_label_di_dalam_bingkai(laporan, unit):
    dilihat = 0
    for nama, fig in _semua_grafik(laporan[unit]):
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        gambar = fig.bbox
        # all that is drawn (tick labels, axis labels, title, legend, data labels) lies inside the figure
        semua = fig.get_tightbbox(r).transformed(fig.dpi_scale_trans)
        assert gambar.x0 - 1 <= semua.x0 and semua.x1 <= gambar.x1 + 1 and gambar.y0 - 1 <= semua.y0 \
            and semua.y1 <= gambar.y1 + 1, (unit, nama)
        for ax in fig.axes:
            kotak = ax.get_window_extent(r)
            for teks in ax.texts:  # data labels: inside the frame, not touching it
                bb = teks.get_window_extent(r)
                assert kotak.x0 + 2 < bb.x0 and bb.x1 < kotak.x1 - 2 and kotak.y0 + 2 < bb.y0 and bb.y1 < kotak.y1 - 2, \
                    (unit, nama, teks.get_text())
        # the legend covers no bar
        r = fig.canvas.get_renderer()
        for legenda in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
            lb = legenda.get_window_extent(r)
            for ax in fig.axes:
                for batang in (p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() and p.get_height()):
                    assert not lb.overlaps(batang.get_window_extent(r)), (unit, nama)
        plt.close(fig)
        dilihat += 1
    assert dilihat >= 6


def test_label_capaian_utuh(laporan):
    """Kanigaran's 222,22% label used to be cut at 'Sangat Memuas'."""
    fig, _alt = grafik.capaian_iku(laporan["kanigaran"])
    ax = fig.axes[0]
    teks = [t.get_text() for t in ax.texts]
    assert " 222,22% (Sangat Memuaskan)" in teks
    plt.close(fig)


def test_seri_datar_dari_nol_dan_target_di_atas(laporan):
    """Kanigaran's administrasi perkantoran: target and realisasi 100 in 2023 and 2024. The axis is
    no longer 96-104 but from 0 with room above 100, and the target is drawn over the realisasi."""
    lap = laporan["kanigaran"]
    k = next(k for k in lap.hasil.kinerja if k.kode == "administrasi_perkantoran")
    fig, _alt = grafik.renstra_iku(lap, k)
    ax = fig.axes[0]
    bawah, atas = ax.get_ylim()
    assert bawah == 0 and atas >= 100 * 1.15
    garis = {g.get_label(): g for g in ax.get_lines()}
    target, realisasi = garis["Target Renstra"], garis["Realisasi"]
    assert target.get_zorder() > realisasi.get_zorder()
    assert target.get_linestyle() == "--" and target.get_markerfacecolor() == "none"
    assert list(target.get_ydata()) == list(realisasi.get_ydata()) == [100.0, 100.0]
    plt.close(fig)


def test_seri_bergerak_dengan_tepi(laporan):
    """An index moving between 80,25 and 84,5 keeps its own range, with a margin, not from 0."""
    lap = laporan["kanigaran"]
    k = next(k for k in lap.hasil.kinerja if k.kode == "ikm")
    fig, _alt = grafik.renstra_iku(lap, k)
    bawah, atas = fig.axes[0].get_ylim()
    nilai = [v for g in fig.axes[0].get_lines() for v in g.get_ydata()]
    assert 0 < bawah < min(nilai) and atas > max(nilai)
    plt.close(fig)


def test_label_periode_tidak_tertutup_penanda(laporan):
    """The quarterly chart: each bar's value sits inside the bar, clear of the line's markers at its top."""
    lap = laporan["diskominfo-wirasari"]
    k = next(k for k in lap.hasil.kinerja if k.periode)
    fig, _alt = grafik.periode_iku(lap, k)
    ax = fig.axes[0]
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    titik = [ax.transData.transform(xy) for g in ax.get_lines() if g.get_marker() not in (None, "None", "")
             for xy in g.get_xydata()]
    assert titik
    for teks in ax.texts:
        bb = teks.get_window_extent(r).expanded(1.0, 1.0)
        assert not any(bb.x0 <= x <= bb.x1 and bb.y0 - 4 <= y <= bb.y1 + 4 for x, y in titik), teks.get_text()
    plt.close(fig)


@pytest.mark.parametrize("unit", [u for _, u in UNIT])
def test_struktur_organisasi(laporan, unit):
    """Every post of organisasi.yaml's susunan in a box of its own, its name wrapped inside the box,
    the chart as wide as the A4 text (8 inch figure), and named in the alt text."""
    lap = laporan[unit]
    fig, alt = grafik.struktur_organisasi(lap)
    ax = fig.axes[0]
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    struktur = lap.hasil.data.organisasi.struktur
    jabatan = [x for j in struktur for x in [j.jabatan] + [c.jabatan for c in j.bawahan]]
    assert [" ".join(t.get_text().split()) for t in ax.texts] == jabatan  # in the order buku.susunan_organisasi lists
    kotak = [p.get_window_extent(r) for p in ax.patches]
    assert len(kotak) == len(jabatan)
    for t, k in zip(ax.texts, kotak, strict=True):
        bb = t.get_window_extent(r)
        assert k.x0 < bb.x0 and bb.x1 < k.x1 and k.y0 < bb.y0 and bb.y1 < k.y1, t.get_text()
    for a, b in ((a, b) for i, a in enumerate(kotak) for b in kotak[i + 1:]):
        assert not a.overlaps(b)
    assert fig.get_figwidth() == 8
    assert all(j in alt for j in jabatan) and alt.startswith(f"Struktur organisasi {lap.hasil.data.unit.nama}: ")
    plt.close(fig)


def test_png_tanpa_kanal_alfa_dengan_piksel_yang_sama(laporan, tmp_path):
    """A chart is saved as Matplotlib would save it at DPI_GRAFIK, pixel for pixel, without the alpha
    channel (every pixel is opaque); a figure with transparent pixels keeps its alpha channel."""
    import io

    from PIL import Image, ImageChops

    from lkjip_calc.laporan.buku import _simpan_png
    from lkjip_calc.laporan.grafik import DPI_GRAFIK

    lap = laporan["sumberrejo"]
    dilihat = 0
    for nama, g in GAMBAR.items():  # each kind of chart once (for the first IKU)
        k = lap.hasil.kinerja[0] if g.per_iku else None
        dibuat = g.buat(lap, k)
        if dibuat is None:
            continue
        fig, salinan = dibuat[0], g.buat(lap, k)[0]
        acuan = io.BytesIO()
        fig.savefig(acuan, dpi=DPI_GRAFIK)
        plt.close(fig)
        _simpan_png(salinan, tmp_path / f"{nama}.png")
        baru, lama = Image.open(tmp_path / f"{nama}.png"), Image.open(acuan)
        assert baru.mode == "RGB" and lama.mode == "RGBA" and lama.getextrema()[3] == (255, 255), nama
        assert baru.size == lama.size and ImageChops.difference(baru, lama.convert("RGB")).getbbox() is None, nama
        dilihat += 1
    assert dilihat >= 4
    tembus = plt.figure(figsize=(1, 1))
    tembus.patch.set_alpha(0)
    _simpan_png(tembus, tmp_path / "tembus.png")
    assert Image.open(tmp_path / "tembus.png").mode == "RGBA"
