"""What one year folder holds once read and type-checked: `DataTahun`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .baca import Baris, Yaml
from .gambar import BerkasGambar, BerkasPdf, GambarNarasi


@dataclass
class Narasi:
    """A Markdown prose text: its file and text (placeholders not yet filled in)."""

    path: Path
    teks: str
    baris_awal: int = 1  # line in the file where `teks` starts (for sections of a file)
    baris_judul: int | None = None  # the line of the section's '## name' heading


@dataclass
class DataTahun:
    """Everything read from data/<unit>/<tahun>/, typed and cross-checked."""

    akar: Path
    unit_kode: str
    tahun: int
    folder: Path
    unit: model.Unit
    organisasi: model.Organisasi
    renstra: model.Renstra
    pengaturan: model.Pengaturan
    pengaturan_yaml: Yaml
    skala_kode: str
    skala: model.SkalaModel
    tabel: dict[str, list[Baris]]
    analisis: dict[str, model.Analisis] = field(default_factory=dict)
    analisis_yaml: dict[str, Yaml] = field(default_factory=dict)
    sumber: dict[str, str | None] = field(default_factory=dict)  # sumber.yaml: table key -> default line
    sumber_iku: dict[str, dict[str, str | None]] = field(default_factory=dict)  # its `iku:` block: IKU -> key -> line
    sumber_yaml: Yaml | None = None
    narasi: dict[str, Narasi] = field(default_factory=dict)
    # narasi/iku/<iku>.md split at its '## name' headings (each part starts on the line after its heading)
    narasi_iku: dict[str, dict[str, Narasi]] = field(default_factory=dict)
    # prose files still the same as the previous year's: path in the folder ('narasi/bab1_geografi.md') -> that year
    basi: dict[str, int] = field(default_factory=dict)
    # what the parts of the unit's territory are ('kelurahan' or 'desa'); None: a unit without
    # territory (no wilayah.csv, no penduduk.csv), whose report has no area or population
    bagian_wilayah: str | None = "kelurahan"
    logo: BerkasGambar | None = None  # unit.yaml `logo`, checked (masukan.gambar)
    gambar: dict[str, GambarNarasi] = field(default_factory=dict)  # gambar/gambar.yaml: name -> image
    gambar_yaml: Yaml | None = None
    pk_pindaian: BerkasPdf | None = None  # laporan.yaml `perjanjian_kinerja.pindaian`: the signed PK

    @property
    def berwilayah(self) -> bool:
        return self.bagian_wilayah is not None

    def berkas(self, nama: str) -> Path:
        return self.folder / nama

    def teks_sumber(self, kunci: str, iku: str | None = None) -> str | None:
        """The "Sumber" line of a table: the IKU's own line when sumber.yaml gives one (null: none
        for that IKU), else the table key's default; None when neither is written."""
        milik_iku = self.sumber_iku.get(iku, {}) if iku is not None else {}
        return milik_iku[kunci] if kunci in milik_iku else self.sumber.get(kunci)

    def anggaran_tautan(self, tautan: Baris) -> list[Baris]:
        """The anggaran.csv lines one iku_program.csv link covers: its program's lines, narrowed to its
        kegiatan and then its sub kegiatan when given (every sub unit of a sub kegiatan)."""
        return [b for b in self.tabel["anggaran.csv"]
                if b["program"] == tautan["program"]
                and tautan["kegiatan"] in (None, b["kegiatan"])
                and tautan["sub_kegiatan"] in (None, b["sub_kegiatan"])]

    def anggaran_iku(self, kode: str) -> list[Baris]:
        """The anggaran.csv lines all links of one IKU cover, each once (a program linked whole and one
        of its kegiatan linked again count that kegiatan once), in anggaran.csv order."""
        nomor = {b.nomor for t in self.tabel["iku_program.csv"] if t["iku"] == kode for b in self.anggaran_tautan(t)}
        return [b for b in self.tabel["anggaran.csv"] if b.nomor in nomor]

    @property
    def iku_pk(self) -> list[str]:
        """IKU codes of this year's Perjanjian Kinerja, in Renstra order."""
        pk = {b["iku"] for b in self.tabel["perjanjian_kinerja.csv"]}
        return [i.kode for i in self.renstra.iku if i.kode in pk]
