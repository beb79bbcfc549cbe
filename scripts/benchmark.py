"""Timings of the lkjip commands on this machine; prints its figures, asserts nothing.

Each time is also printed as a ratio to a floor measured in the same run (starting Python and
importing pandas, which every command pays), so figures from machines of different speed or load
can be compared.

    .venv/bin/python scripts/benchmark.py [--unit kanigaran] [--year 2024] [--ulang 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROYEK = Path(__file__).resolve().parent.parent
LKJIP = Path(sys.executable).parent / "lkjip"


def ukur(perintah: list[str], ulang: int) -> list[float]:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        subprocess.run(perintah, cwd=PROYEK, check=True, capture_output=True)
        waktu.append(time.perf_counter() - mulai)
    return waktu


def main() -> None:
    p = argparse.ArgumentParser(description="Ukur waktu perintah lkjip.")
    p.add_argument("--unit", default="kanigaran")
    p.add_argument("--year", default="2024")
    p.add_argument("--ulang", type=int, default=3, help="berapa kali perintah cepat diulang")
    a = p.parse_args()
    pilih = ["--unit", a.unit, "--year", a.year]
    with tempfile.TemporaryDirectory() as tmp:
        kasus = [
            ("lkjip check", [str(LKJIP), "check", *pilih], a.ulang),
            ("lkjip export", [str(LKJIP), "export", *pilih, "--out", f"{tmp}/ekspor"], a.ulang),
            ("lkjip build --html-only", [str(LKJIP), "build", *pilih, "--html-only", "--out", f"{tmp}/b1"], 1),
            ("lkjip build (HTML + PDF)", [str(LKJIP), "build", *pilih, "--out", f"{tmp}/b2"], 1),
        ]
        lantai = statistics.median(ukur([sys.executable, "-c", "import pandas"], a.ulang))
        print(f"lantai (python -c 'import pandas'): {lantai:.2f} s")
        print(f"{'perintah':28} {'kali':>4} {'median (s)':>11} {'min (s)':>8} {'x lantai':>9}")
        for nama, perintah, ulang in kasus:
            w = ukur(perintah, ulang)
            print(f"{nama:28} {ulang:>4} {statistics.median(w):>11.2f} {min(w):>8.2f} "
                  f"{statistics.median(w) / lantai:>9.1f}")


if __name__ == "__main__":
    main()
