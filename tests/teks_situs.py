"""What a reader of the site sees or hears on a page: its text and the attributes a browser shows
or reads out (tooltips, labels, placeholders, alt text), each decoded once from HTML, with the
file they come from, for the scans of tests/test_antarmuka.py and tests/test_bocor.py."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose value a reader sees (tooltip, placeholder) or a screen reader reads (label, alt).
ATRIBUT_TERBACA = ("title", "aria-label", "placeholder", "alt", "data-bs-title")
# Elements whose content is code or style, not text.
BUKAN_TEKS = ("script", "style")


@dataclass(frozen=True)
class Teks:
    berkas: Path
    tempat: str  # "teks" or the attribute's name
    isi: str

    def __str__(self) -> str:
        return f"{self.berkas} [{self.tempat}]: {self.isi[:160]!r}"


class _Pengurai(HTMLParser):
    def __init__(self, berkas: Path):
        super().__init__(convert_charrefs=True)
        self.berkas, self.dalam_kode, self.hasil = berkas, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in BUKAN_TEKS:
            self.dalam_kode += 1
        for nama, nilai in attrs:
            if nama in ATRIBUT_TERBACA and nilai and nilai.strip():
                self.hasil.append(Teks(self.berkas, nama, nilai.strip()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in BUKAN_TEKS:
            self.dalam_kode -= 1

    def handle_endtag(self, tag):
        if tag in BUKAN_TEKS and self.dalam_kode:
            self.dalam_kode -= 1

    def handle_data(self, data):
        if not self.dalam_kode and data.strip():
            self.hasil.append(Teks(self.berkas, "teks", " ".join(data.split())))


def teks_halaman(berkas: Path) -> list[Teks]:
    pengurai = _Pengurai(berkas)
    pengurai.feed(berkas.read_text(encoding="utf-8"))
    pengurai.close()
    return pengurai.hasil


def halaman_situs(folder: Path) -> list[Path]:
    """Every page of a built site: the report's pages, search and index, not the theme's assets
    (_static) nor the chapters' sources (_sources), nor Jupyter Book's index.html, a bare redirect
    (one meta element) to the first chapter."""
    return sorted(p for p in folder.rglob("*.html")
                  if not {"_static", "_sources", "_downloads", "_images"} & set(p.relative_to(folder).parts)
                  and "<html" in p.read_text(encoding="utf-8")[:2000])
