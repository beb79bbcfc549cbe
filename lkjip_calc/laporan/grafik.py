"""Charts of the report (matplotlib): where a reader would rather look than read.

Each function returns (figure, alt text), or None when there is nothing to draw; numbers on axes
and labels are formatted the Indonesian way by `Laporan.tampilan`. Each chart's name and caption
are declared in `daftar`.
"""

from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")  # files only; no display in a build
# Labels are data text (IKU, program and kelurahan names): "$...$" in a name is text, not mathtext.
matplotlib.rcParams["text.parse_math"] = False
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from ..dasar.angka import angka  # noqa: E402
from ..hitung.hasil import KinerjaIku  # noqa: E402
from .bahan import Laporan  # noqa: E402

WARNA = {"target": "#9aa5b1", "realisasi": "#1f6f8b", "garis": "#c0392b", "lk": "#1f6f8b", "pr": "#e08e45",
         "target_garis": "#5b6670"}
# The charts' resolution (PNG, for the site and the PDF). Figures are made at it, not only saved at
# it: the labels are then fitted (_muat_label) as they are saved, and the save finds the texts laid out.
DPI_GRAFIK = 200
JARAK_LABEL = 0.06  # inches (12 pixels at DPI_GRAFIK) kept between a data label and the frame


def _gambar(lebar: float, tinggi: float):
    """A figure whose layout (constrained) keeps every label, tick and the legend under the axes
    inside it, whatever their length."""
    return plt.subplots(figsize=(lebar, tinggi), dpi=DPI_GRAFIK, layout="constrained")


def _legenda(fig, *ax, kolom: int = 3) -> None:
    """The legend under the chart, outside the axes: it can never cover a bar, a line or a label."""
    pegangan, nama = [], []
    for a in ax:
        p, n = a.get_legend_handles_labels()
        pegangan += p
        nama += n
    fig.legend(pegangan, nama, loc="outside lower center", ncol=min(kolom, len(nama)) or 1, fontsize=8,
               frameon=False)


def _batas_y(ax, nilai: list[float]) -> None:
    """A y-axis that shows the values as they are: from 0 when they are nearly constant (a flat
    series at 100 would otherwise get an axis of 96-104), else their range with a margin (from 0
an index moving between 80 and 85 would look flat)."""
    if not nilai:
        return
    rendah, tinggi = min(nilai), max(nilai)
    if rendah >= 0 and tinggi - rendah <= 0.01 * tinggi:
        ax.set_ylim(0, tinggi * 1.15 or 1)
    else:
        tepi = (tinggi - rendah) * 0.15 or abs(tinggi) * 0.1 or 1
        ax.set_ylim(rendah - tepi, tinggi + tepi)


def _jangkar(teks) -> tuple[float, float]:
    """Where a data label is attached, in data coordinates."""
    return teks.xy if hasattr(teks, "xy") else teks.get_position()


def _muat_label(fig, *ax, ulang: int = 5) -> None:
    """Widen each axis's data limits until every data label (the axes' texts) lies inside its
    frame with JARAK_LABEL to spare: no label clipped ("222,22% (Sangat Memuas") or touching
    the frame. The labels keep their size in pixels, so the limits are solved for, and the layout
    redone, a few times."""
    jarak = JARAK_LABEL * fig.dpi  # pixels
    for _ in range(ulang):
        fig.draw_without_rendering()  # the layout and the texts' sizes, without painting a pixel
        pelukis = fig.canvas.get_renderer()
        berubah = False
        for a in ax:
            kotak = a.get_window_extent(pelukis)
            (x0, x1), (y0, y1) = a.get_xlim(), a.get_ylim()
            x_baru, y_baru, y_bawah = x1, y1, y0
            for t in a.texts:
                if not t.get_visible() or not t.get_text():
                    continue
                bb = t.get_window_extent(pelukis)
                xd, yd = _jangkar(t)
                px, py = a.transData.transform((xd, yd))
                if not a.xaxis_inverted() and bb.x1 > kotak.x1 - jarak:
                    lebar = bb.x1 - px
                    if kotak.width - jarak - lebar > 0:
                        x_baru = max(x_baru, x0 + (xd - x0) * kotak.width / (kotak.width - jarak - lebar))
                if not a.yaxis_inverted() and bb.y1 > kotak.y1 - jarak:
                    tinggi = bb.y1 - py
                    if kotak.height - jarak - tinggi > 0:
                        y_baru = max(y_baru, y0 + (yd - y0) * kotak.height / (kotak.height - jarak - tinggi))
                if not a.yaxis_inverted() and bb.y0 < kotak.y0 + jarak:
                    tinggi = py - bb.y0
                    if kotak.height - jarak - tinggi > 0:
                        y_bawah = min(y_bawah, y1 - (y1 - yd) * kotak.height / (kotak.height - jarak - tinggi))
            if x_baru > x1 * (1 + 1e-9) or y_baru > y1 + 1e-9 * abs(y1 - y0) or y_bawah < y0 - 1e-9 * abs(y1 - y0):
                # a little more than the exact solution: the layout shifts the frame once more
                a.set_xlim(x0, x0 + (x_baru - x0) * 1.01 if x_baru > x1 else x1)
                a.set_ylim(y_bawah - (y1 - y_bawah) * 0.01 if y_bawah < y0 else y0,
                           y0 + (y_baru - y0) * 1.01 if y_baru > y1 else y1)
                berubah = True
        if not berubah:
            return


def _label(teks: str, lebar: int = 28) -> str:
    return "\n".join(textwrap.wrap(teks, lebar))


def _sumbu_angka(ax, sumbu="y", desimal=0):
    fmt = FuncFormatter(lambda x, _pos: angka(x, desimal))
    (ax.yaxis if sumbu == "y" else ax.xaxis).set_major_formatter(fmt)


def _selesaikan_iku(fig, ax, k: KinerjaIku) -> None:
    """The common finish of an IKU's chart over years or periods: its unit, number format, title,
    grid and legend, then the limits that keep every data label inside the frame (last: it measures them)."""
    ax.set_ylabel(k.satuan)
    _sumbu_angka(ax, "y", 1)
    ax.set_title(_label(k.indikator, 70), fontsize=9)
    ax.grid(axis="y", alpha=0.3)
    _legenda(fig, ax)
    _muat_label(fig, ax)


def capaian_iku(lap: Laporan, _k: None = None):
    """Capaian of every IKU against the 100 % line."""
    hasil, f = lap.hasil, lap.tampilan
    kinerja = [k for k in hasil.kinerja if k.capaian is not None]
    fig, ax = _gambar(8, 1.3 + 0.9 * len(kinerja))
    nama = [_label(k.indikator, 40) for k in kinerja]
    nilai = [float(k.capaian) for k in kinerja]
    batang = ax.barh(nama, nilai, color=WARNA["realisasi"])
    ax.axvline(100, color=WARNA["garis"], linestyle="--", linewidth=1, label="Target (100%)")
    for b, k in zip(batang, kinerja, strict=True):
        ax.text(b.get_width(), b.get_y() + b.get_height() / 2, f" {f.persen(k.capaian)}% ({k.predikat})",
                va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(nilai + [100]) * 1.1)
    ax.set_xlabel("Capaian kinerja (%)")
    _sumbu_angka(ax, "x")
    _legenda(fig, ax)
    _muat_label(fig, ax)
    alt = "Capaian kinerja per IKU: " + "; ".join(
        f"{k.indikator} {f.persen(k.capaian)}% ({k.predikat})" for k in kinerja)
    return fig, alt


def renstra_iku(lap: Laporan, k: KinerjaIku):
    """Realisasi of one IKU against its Renstra target in each Renstra year (nothing without targets)."""
    if not k.target_renstra:
        return None
    f = lap.tampilan
    realisasi = k.realisasi_per_tahun
    tahun = sorted(set(k.target_renstra) | set(realisasi))
    fig, ax = _gambar(8, 3.8)
    semua: list[float] = []
    if k.target_renstra:
        # Drawn above the realisasi, dashed with open rings: a target equal to the realisasi
        # (both 100 every year) stays visible around and through it.
        ts = sorted(k.target_renstra)
        semua += [float(k.target_renstra[t]) for t in ts]
        ax.plot(ts, [float(k.target_renstra[t]) for t in ts], marker="o", markersize=9, markerfacecolor="none",
                markeredgewidth=1.5, linestyle="--", linewidth=1.5, color=WARNA["target_garis"], zorder=4,
                label="Target Renstra")
    if realisasi:
        rs = sorted(t for t, v in realisasi.items() if v is not None)
        semua += [float(realisasi[t]) for t in rs]
        ax.plot(rs, [float(realisasi[t]) for t in rs], marker="s", markersize=5, linewidth=2,
                color=WARNA["realisasi"], zorder=3, label="Realisasi")
        for t in rs:
            # below the point where the target lies above it, so the target's ring does not cover it
            bawah = t in k.target_renstra and k.target_renstra[t] > realisasi[t]
            ax.annotate(f.nilai_indikator(realisasi[t]), (t, float(realisasi[t])), textcoords="offset points",
                        xytext=(0, -9 if bawah else 9), ha="center", va="top" if bawah else "bottom", fontsize=8)
    ax.set_xticks(tahun)
    ax.set_xticklabels([str(t) for t in tahun])
    ax.set_xlim(tahun[0] - 0.4, tahun[-1] + 0.4)  # the first and last labels off the side frames
    _batas_y(ax, semua)
    _selesaikan_iku(fig, ax, k)
    alt = (f"{k.indikator}: target Renstra " + ", ".join(f"{t} {f.nilai_indikator(v)}" for t, v in k.target_renstra.items())
           + "; realisasi " + ", ".join(f"{t} {f.nilai_indikator(v)}" for t, v in sorted(realisasi.items())))
    return fig, alt


def serapan_program(lap: Laporan, _k: None = None):
    """Pagu and realisasi of each program, with its serapan."""
    hasil, f = lap.hasil, lap.tampilan
    program = hasil.anggaran[hasil.anggaran["tingkat"] == "program"].copy()
    for kolom in ("pagu", "realisasi"):  # a draft may not have them yet: draw nothing for those
        program[kolom] = program[kolom].map(lambda v: 0 if v is None else v).astype(float)
    fig, ax = _gambar(8, 1.3 + 1.0 * len(program))
    nama = [_label(p, 40) for p in program["program"]]
    y = range(len(program))
    ax.barh([i - 0.2 for i in y], program["pagu"] / 1e6, height=0.4, color=WARNA["target"], label="Pagu")
    ax.barh([i + 0.2 for i in y], program["realisasi"] / 1e6, height=0.4, color=WARNA["realisasi"], label="Realisasi")
    for i, (_, p) in zip(y, program.iterrows(), strict=True):
        ax.text(p["pagu"] / 1e6, i, f"  serapan {f.persen(p['serapan'])}%", va="center", fontsize=8)
    ax.set_yticks(list(y))
    ax.set_yticklabels(nama, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Juta rupiah")
    ax.set_xlim(0, max(program["pagu"].max() / 1e6, 1) * 1.1)
    _sumbu_angka(ax, "x")
    _legenda(fig, ax)
    _muat_label(fig, ax)
    alt = "Pagu, realisasi dan serapan per program: " + "; ".join(
        f"{p['program']} pagu Rp {f.rupiah(p['pagu'])}, realisasi Rp {f.rupiah(p['realisasi'])}, "
        f"serapan {f.persen(p['serapan'])}%" for _, p in program.iterrows())
    return fig, alt


def penduduk_kelurahan(lap: Laporan, _k: None = None):
    """Population of each kelurahan (desa) by sex."""
    hasil, f = lap.hasil, lap.tampilan
    w = hasil.wilayah.iloc[:-1].copy()
    for kolom in ("laki_laki", "perempuan", "jumlah"):  # a draft may not have them yet
        w[kolom] = w[kolom].map(lambda v: 0 if v is None else v).astype(float)
    fig, ax = _gambar(8, 4)
    ax.bar(w["kelurahan"], w["laki_laki"], color=WARNA["lk"], label="Laki-laki")
    ax.bar(w["kelurahan"], w["perempuan"], bottom=w["laki_laki"], color=WARNA["pr"], label="Perempuan")
    for i, (_, b) in enumerate(w.iterrows()):
        ax.text(i, b["jumlah"], f.cacah(b["jumlah"]), ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("Jiwa")
    _sumbu_angka(ax, "y")
    ax.set_ylim(0, max(w["jumlah"].max(), 1) * 1.05)
    plt.setp(ax.get_xticklabels(), rotation=20, ha="right", fontsize=8)
    _legenda(fig, ax)
    _muat_label(fig, ax)
    alt = f"Jumlah penduduk per {hasil.data.bagian_wilayah}: " + "; ".join(
        f"{b['kelurahan']} {f.cacah(b['jumlah'])} jiwa (laki-laki {f.cacah(b['laki_laki'])}, "
        f"perempuan {f.cacah(b['perempuan'])})" for _, b in w.iterrows())
    return fig, alt


def periode_iku(lap: Laporan, k: KinerjaIku):
    """An IKU's realisasi per period (bars), to date under its rule (a line, unless each period is
    already its own figure to date) and the year's target (nothing without periods)."""
    if not k.periode:
        return None
    f = lap.tampilan
    x = list(range(len(k.periode)))
    nama = [p.nama.replace("Triwulan ", "TW ") for p in k.periode]
    fig, ax = _gambar(8, 3.8)
    nilai = [float(p.realisasi) if p.realisasi is not None else 0.0 for p in k.periode]
    batang = ax.bar(x, nilai, color=WARNA["realisasi"], width=0.6, label="Realisasi periode", zorder=2)
    if k.gabung_periode != "terakhir":
        sd = [(i, float(p.sd_periode)) for i, p in zip(x, k.periode, strict=True) if p.sd_periode is not None]
        if sd:
            ax.plot([i for i, _ in sd], [v for _, v in sd], marker="o", color=WARNA["pr"], zorder=4,
                    label=f"Realisasi s.d. periode ({k.gabung_periode})")
    if k.target is not None:
        ax.axhline(float(k.target), color=WARNA["garis"], linestyle="--", linewidth=1.2, zorder=5,
                   label=f"Target {lap.hasil.data.tahun} ({f.nilai_indikator(k.target)})")
    puncak = max([abs(v) for v in nilai] + [float(p.sd_periode) for p in k.periode if p.sd_periode is not None]
                 + ([float(k.target)] if k.target is not None else []) + [1])
    ax.set_ylim(min(0, min(nilai) * 1.2), puncak * 1.1)
    for b, p in zip(batang, k.periode, strict=True):
        if p.realisasi is not None:
            _label_batang(ax, b, f.nilai_indikator(p.realisasi), puncak)
    ax.set_xticks(x)
    ax.set_xticklabels(nama, fontsize=8)
    _selesaikan_iku(fig, ax, k)
    alt = (f"{k.indikator}: realisasi per periode " + ", ".join(f"{p.nama} {f.nilai_indikator(p.realisasi)}"
                                                               for p in k.periode)
           + f"; realisasi s.d. periode ({k.gabung_periode}) "
           + ", ".join(f"{p.nama} {f.nilai_indikator(p.sd_periode)}" for p in k.periode)
           + f"; target {f.nilai_indikator(k.target)}")
    return fig, alt


def _label_batang(ax, batang, teks: str, puncak: float) -> None:
    """A bar's value inside its top, in white, where the line of the figure to date and the target
    line pass (their markers would cover a label above the bar); above a bar too short to hold it."""
    x, tinggi = batang.get_x() + batang.get_width() / 2, batang.get_height()
    if tinggi >= 0.25 * puncak:
        ax.annotate(teks, (x, tinggi / 2), ha="center", va="center", fontsize=8, color="white",
                    fontweight="bold", zorder=6)
    else:
        ax.annotate(teks, (x, tinggi), textcoords="offset points", xytext=(0, 3), ha="center", va="bottom",
                    fontsize=8, zorder=6)


def serapan_periode(lap: Laporan, _k: None = None):
    """The budget's realisasi per period (bars, million rupiah) and its serapan to date (a line, %)."""
    periode = lap.hasil.anggaran_periode
    if not periode:
        return None
    f = lap.tampilan
    x = list(range(len(periode)))
    fig, ax = _gambar(8, 3.8)
    ax.bar(x, [(p.realisasi or 0) / 1e6 for p in periode], color=WARNA["target"], width=0.6,
           label="Realisasi periode (juta Rp)")
    ax.set_ylabel("Juta rupiah")
    _sumbu_angka(ax, "y")
    ax.set_xticks(x)
    ax.set_xticklabels([p.nama.replace("Triwulan ", "TW ") for p in periode], fontsize=8)
    kanan = ax.twinx()
    titik = [(i, float(p.serapan_kumulatif)) for i, p in zip(x, periode, strict=True) if p.serapan_kumulatif is not None]
    kanan.plot([i for i, _ in titik], [v for _, v in titik], marker="o", color=WARNA["realisasi"],
               label="Serapan s.d. periode (%)")
    for i, p in zip(x, periode, strict=True):
        if p.serapan_kumulatif is not None:
            kanan.annotate(f"{f.persen(p.serapan_kumulatif)}%", (i, float(p.serapan_kumulatif)),
                           textcoords="offset points", xytext=(0, 8), ha="center", fontsize=8)
    kanan.set_ylim(0, max([v for _, v in titik] + [100]) * 1.05)
    kanan.set_ylabel("Serapan s.d. periode (%)")
    _sumbu_angka(kanan, "y")
    ax.set_ylim(0, max([(p.realisasi or 0) / 1e6 for p in periode] + [1]) * 1.1)
    _legenda(fig, ax, kanan)
    _muat_label(fig, ax, kanan)
    alt = "Realisasi anggaran per periode dan serapan s.d. periode: " + "; ".join(
        f"{p.nama} Rp {f.rupiah(p.realisasi)}, serapan s.d. periode {f.persen(p.serapan_kumulatif)}%" for p in periode)
    return fig, alt


# --- organisation chart ---------------------------------------------------------------------

_TINGGI_KOTAK = 0.8  # a box's height, in rows of the chart's grid (1 row = 0.62 inch)


def _pimpinan_dan_bawahan(struktur):
    """(head, the posts under the head) of organisasi.yaml's susunan. The seed lists the head
    first and the posts under it as its siblings (Camat, Sekretaris, Seksi ...); a head that
    lists its own `bawahan` is taken as written."""
    pertama = struktur[0]
    if pertama.bawahan or len(struktur) == 1:
        return pertama, list(pertama.bawahan) + list(struktur[1:])
    return pertama, list(struktur[1:])


def _kotak(ax, x: float, y: float, lebar: float, teks: str, huruf: int, tebal: bool = False) -> None:
    """A post: a box centred at (x, y), its name wrapped to the box's width (`huruf` characters)."""
    ax.add_patch(FancyBboxPatch((x - lebar / 2, y - _TINGGI_KOTAK / 2), lebar, _TINGGI_KOTAK,
                                boxstyle="round,pad=0,rounding_size=0.06", facecolor="#eef3f6",
                                edgecolor=WARNA["realisasi"], linewidth=1.2, mutation_aspect=0.6))
    baris = textwrap.wrap(teks, huruf) or [""]
    ukuran = 8 if len(baris) <= 3 else 7 if len(baris) <= 4 else 6
    ax.text(x, y, "\n".join(baris), ha="center", va="center", fontsize=ukuran,
            fontweight="bold" if tebal else "normal", linespacing=1.1)


def struktur_organisasi(lap: Laporan, _k: None = None):
    """The organisation chart of organisasi.yaml's susunan (what `buku.susunan_organisasi` lists):
    the head on top, the posts under it in a row joined by a bar, and their own posts stacked
    beneath each, indented. Fits the A4 text width whatever the names' length (wrapped)."""
    struktur = lap.hasil.data.organisasi.struktur
    if not struktur:
        return None
    kepala, bawahan = _pimpinan_dan_bawahan(struktur)
    n = max(len(bawahan), 1)
    dalam = max([len(b.bawahan) for b in bawahan] + [0])
    baris_total = 2.2 + 1.1 * dalam + (1 if bawahan else 0)  # head, row of posts, stacked posts
    fig, ax = plt.subplots(figsize=(8, 0.62 * baris_total + 0.2), dpi=DPI_GRAFIK)
    fig.subplots_adjust(0.01, 0.01, 0.99, 0.99)
    ax.set_xlim(0, n)
    ax.set_ylim(-baris_total + 0.5, 0.6)
    ax.axis("off")
    lebar = 0.9
    huruf = max(8, int(lebar * 8 / n * 13))  # characters per line of a box about 8/n inch wide at 8 pt
    _kotak(ax, n / 2, 0, min(2.4, n * 0.9), kepala.jabatan, max(huruf, 24), tebal=True)
    garis = {"color": WARNA["realisasi"], "linewidth": 1}
    if bawahan:
        y_bus, y1 = -0.85, -1.6
        ax.plot([n / 2, n / 2], [-_TINGGI_KOTAK / 2, y_bus], **garis)
        ax.plot([0.5, n - 0.5], [y_bus, y_bus], **garis)
    for i, b in enumerate(bawahan):
        cx = i + 0.5
        ax.plot([cx, cx], [y_bus, y1 + _TINGGI_KOTAK / 2], **garis)
        _kotak(ax, cx, y1, lebar, b.jabatan, huruf)
        x_tiang = cx - lebar / 2 + 0.06
        for j, c in enumerate(b.bawahan, start=1):
            y = y1 - 1.1 * j
            ax.plot([x_tiang, x_tiang], [y1 - _TINGGI_KOTAK / 2, y], **garis)
            ax.plot([x_tiang, cx - lebar / 2 + 0.14], [y, y], **garis)
            _kotak(ax, cx + 0.07, y, lebar - 0.14, c.jabatan, max(8, huruf - 2))
    alt = f"Struktur organisasi {lap.hasil.data.unit.nama}: {kepala.jabatan} membawahi " + "; ".join(
        b.jabatan + (f" (membawahi {', '.join(c.jabatan for c in b.bawahan)})" if b.bawahan else "") for b in bawahan)
    return fig, alt
