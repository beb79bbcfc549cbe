"""Where the data of a unit and year lives, and the defaults for --unit and --year."""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDER_SKALA = "skala"
# A year folder is a year written in four digits, as it is printed in the report (no 0999, no 24).
POLA_TAHUN = re.compile(r"(19|20|21)\d\d")


class PilihanTidakSah(Exception):
    """A --unit/--year that cannot be resolved; the message is for the user."""


def akar_data(data: str | Path | None = None) -> Path:
    """The data/ folder: --data, else $LKJIP_DATA, else ./data."""
    if data is None:
        data = os.environ.get("LKJIP_DATA", "data")
    return Path(data)


def daftar_unit(akar: Path) -> list[str]:
    if not akar.is_dir():
        return []
    return sorted(p.name for p in akar.iterdir()
                  if p.is_dir() and p.name != FOLDER_SKALA and not p.name.startswith((".", "_")))


def daftar_tahun(akar: Path, unit: str) -> list[int]:
    folder = akar / unit
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and POLA_TAHUN.fullmatch(p.name))


def pilih_unit(akar: Path, unit: str | None) -> str:
    """Resolve --unit: the named unit, or the only unit there is."""
    if not akar.is_dir():
        raise PilihanTidakSah(f"folder data '{akar}' tidak ada; jalankan dari folder proyek atau beri --data")
    semua = daftar_unit(akar)
    if unit is None:
        if len(semua) == 1:
            return semua[0]
        if not semua:
            raise PilihanTidakSah(f"tidak ada unit di '{akar}'")
        raise PilihanTidakSah("ada beberapa unit (" + ", ".join(semua) + "); pilih salah satu dengan --unit")
    if unit not in semua:
        raise PilihanTidakSah(f"unit '{unit}' tidak ada di '{akar}'; yang ada: " + (", ".join(semua) or "tidak ada"))
    return unit


def pilih(akar: Path, unit: str | None, tahun: int | None) -> tuple[str, int]:
    """Resolve --unit (default: the only unit) and --year (default: the unit's latest year)."""
    unit = pilih_unit(akar, unit)
    tahun_ada = daftar_tahun(akar, unit)
    if tahun is None:
        if not tahun_ada:
            raise PilihanTidakSah(f"unit '{unit}' belum punya folder tahun (mis. {akar / unit}/2024)")
        tahun = tahun_ada[-1]
    elif tahun not in tahun_ada:
        ada = ", ".join(map(str, tahun_ada)) or "tidak ada"
        salah_nama = sorted(p.name for p in (akar / unit).iterdir()
                            if p.is_dir() and p.name.isdigit() and int(p.name) == tahun and not POLA_TAHUN.fullmatch(p.name))
        if salah_nama:  # 0999 or 024 for --year 999 / 24: say what is wrong with the folder's name
            raise PilihanTidakSah(f"{akar / unit / salah_nama[0]}: nama folder tahun tidak sah; ditemukan "
                                  f"'{salah_nama[0]}'; diharapkan tahun empat angka antara 1900 dan 2199 "
                                  f"(mis. 2024); folder tahun yang sah: {ada}")
        if not POLA_TAHUN.fullmatch(str(tahun)):
            raise PilihanTidakSah(f"--year {tahun}: tahun tidak sah; ditemukan '{tahun}'; diharapkan tahun empat "
                                  f"angka antara 1900 dan 2199 (mis. 2024); yang ada untuk unit '{unit}': {ada}")
        raise PilihanTidakSah(f"{akar / unit / str(tahun)}: folder tahun tidak ada; ditemukan --year {tahun}; "
                              f"diharapkan salah satu tahun unit '{unit}': {ada}")
    return unit, tahun
