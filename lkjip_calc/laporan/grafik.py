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
from matplotlib.ticker import FuncFormatter  # noqa: E402

from ..dasar.angka import angka  # noqa: E402
from ..hitung.hasil import KinerjaIku  # noqa: E402
from .bahan import Laporan  # noqa: E402

WARNA = {"target": "#9aa5b1", "realisasi": "#1f6f8b", "garis": "#c0392b", "lk": "#1f6f8b", "pr": "#e08e45"}


def _label(teks: str, lebar: int = 28) -> str:
    return "\n".join(textwrap.wrap(teks, lebar))


def _sumbu_angka(ax, sumbu="y", desimal=0):
    fmt = FuncFormatter(lambda x, _pos: angka(x, desimal))
    (ax.yaxis if sumbu == "y" else ax.xaxis).set_major_formatter(fmt)


def capaian_iku(lap: Laporan, _k: None = None):
    """Capaian of every IKU against the 100 % line."""
    hasil, f = lap.hasil, lap.tampilan
    kinerja = [k for k in hasil.kinerja if k.capaian is not None]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.9 * len(kinerja)))
    nama = [_label(k.indikator, 40) for k in kinerja]
    nilai = [float(k.capaian) for k in kinerja]
    batang = ax.barh(nama, nilai, color=WARNA["realisasi"])
    ax.axvline(100, color=WARNA["garis"], linestyle="--", linewidth=1, label="Target (100%)")
    for b, k in zip(batang, kinerja, strict=True):
        ax.text(b.get_width(), b.get_y() + b.get_height() / 2, f" {f.persen(k.capaian)}% ({k.predikat})",
                va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(nilai + [100]) * 1.35)
    ax.set_xlabel("Capaian kinerja (%)")
    _sumbu_angka(ax, "x")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
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
    fig, ax = plt.subplots(figsize=(8, 3.6))
    if k.target_renstra:
        ts = sorted(k.target_renstra)
        ax.plot(ts, [float(k.target_renstra[t]) for t in ts], marker="o", color=WARNA["target"], label="Target Renstra")
    if realisasi:
        rs = sorted(t for t, v in realisasi.items() if v is not None)
        ax.plot(rs, [float(realisasi[t]) for t in rs], marker="s", color=WARNA["realisasi"], label="Realisasi")
        for t in rs:
            ax.annotate(f.nilai_indikator(realisasi[t]), (t, float(realisasi[t])), textcoords="offset points",
                        xytext=(0, 6), ha="center", fontsize=8)
    ax.set_xticks(tahun)
    ax.set_xticklabels([str(t) for t in tahun])
    ax.set_ylabel(k.satuan)
    _sumbu_angka(ax, "y", 1)
    ax.set_title(_label(k.indikator, 70), fontsize=9)
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    alt = (f"{k.indikator}: target Renstra " + ", ".join(f"{t} {f.nilai_indikator(v)}" for t, v in k.target_renstra.items())
           + "; realisasi " + ", ".join(f"{t} {f.nilai_indikator(v)}" for t, v in sorted(realisasi.items())))
    return fig, alt


def serapan_program(lap: Laporan, _k: None = None):
    """Pagu and realisasi of each program, with its serapan."""
    hasil, f = lap.hasil, lap.tampilan
    program = hasil.anggaran[hasil.anggaran["tingkat"] == "program"].copy()
    for kolom in ("pagu", "realisasi"):  # a draft may not have them yet: draw nothing for those
        program[kolom] = program[kolom].map(lambda v: 0 if v is None else v).astype(float)
    fig, ax = plt.subplots(figsize=(8, 0.9 + 1.0 * len(program)))
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
    ax.set_xlim(0, max(program["pagu"].max() / 1e6, 1) * 1.4)
    _sumbu_angka(ax, "x")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
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
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.bar(w["kelurahan"], w["laki_laki"], color=WARNA["lk"], label="Laki-laki")
    ax.bar(w["kelurahan"], w["perempuan"], bottom=w["laki_laki"], color=WARNA["pr"], label="Perempuan")
    for i, (_, b) in enumerate(w.iterrows()):
        ax.text(i, b["jumlah"], f.cacah(b["jumlah"]), ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("Jiwa")
    _sumbu_angka(ax, "y")
    ax.set_ylim(0, max(w["jumlah"].max(), 1) * 1.15)
    plt.setp(ax.get_xticklabels(), rotation=20, ha="right", fontsize=8)
    ax.legend(fontsize=8)
    fig.tight_layout()
    alt = f"Jumlah penduduk per {hasil.data.bagian_wilayah}: " + "; ".join(
        f"{b['kelurahan']} {f.cacah(b['jumlah'])} jiwa (laki-laki {f.cacah(b['laki_laki'])}, "
        f"perempuan {f.cacah(b['perempuan'])})" for _, b in w.iterrows())
    return fig, alt
