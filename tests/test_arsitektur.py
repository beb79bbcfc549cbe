"""The structure holds: the package's layers import only downwards and nothing imports in a
circle; every name the book uses is declared once and agrees with what uses it; pyproject.toml
declares every package the code imports; no generated file is committed."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import yaml
from bantu import AKAR_PROYEK, DATA

from lkjip_calc.dasar.temuan import DaftarTemuan
from lkjip_calc.laporan import bab, daftar
from lkjip_calc.laporan.buku import Buku
from lkjip_calc.laporan.siapkan import siapkan
from lkjip_calc.terbit.ekspor import TABEL_EKSPOR

PAKET = AKAR_PROYEK / "lkjip_calc"
# The pipeline, in the order data flows; a module may import its own layer and those before it.
LAPISAN = {"dasar": 0, "masukan": 1, "hitung": 2, "laporan": 3, "terbit": 4, "tahunan": 4, "cli": 5}


def _modul() -> dict[str, Path]:
    return {".".join(p.relative_to(AKAR_PROYEK).with_suffix("").parts).removesuffix(".__init__"): p
            for p in PAKET.rglob("*.py")}


def _impor(nama: str, path: Path) -> set[str]:
    """Every lkjip_calc module `nama` imports, at any depth of the file (function-level imports too)."""
    paket = nama if path.name == "__init__.py" else nama.rsplit(".", 1)[0]
    hasil = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            hasil |= {a.name for a in node.names if a.name.startswith("lkjip_calc")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                dasar = paket.rsplit(".", node.level - 1)[0] if node.level > 1 else paket
                asal = f"{dasar}.{node.module}" if node.module else dasar
            else:
                asal = node.module or ""
            if asal.startswith("lkjip_calc"):
                semua = _modul()
                for a in node.names:  # `from . import rumus` imports a module, not a name
                    hasil.add(f"{asal}.{a.name}" if f"{asal}.{a.name}" in semua else asal)
    return hasil


def _lapisan(nama: str) -> int | None:
    bagian = nama.split(".")
    return LAPISAN.get(bagian[1]) if len(bagian) > 1 else None


def test_setiap_modul_dalam_lapisan():
    for nama in _modul():
        if nama != "lkjip_calc":
            assert _lapisan(nama) is not None, f"{nama}: tidak dalam lapisan mana pun"


def test_tidak_ada_impor_ke_atas():
    naik = []
    for nama, path in _modul().items():
        for tujuan in _impor(nama, path):
            if tujuan != "lkjip_calc" and _lapisan(tujuan) > (_lapisan(nama) or 0):
                naik.append(f"{nama} -> {tujuan}")
    assert not naik, naik


def test_tidak_ada_impor_melingkar():
    graf = {nama: _impor(nama, path) - {nama} for nama, path in _modul().items()}
    keadaan: dict[str, int] = defaultdict(int)  # 0 new, 1 on the path, 2 done
    jalur: list[str] = []

    def kunjungi(n):
        keadaan[n] = 1
        jalur.append(n)
        for m in sorted(graf.get(n, ())):
            assert keadaan[m] != 1, "impor melingkar: " + " -> ".join(jalur[jalur.index(m):] + [m])
            if keadaan[m] == 0:
                kunjungi(m)
        jalur.pop()
        keadaan[n] = 2

    for n in sorted(graf):
        if keadaan[n] == 0:
            kunjungi(n)


def test_pyproject_mendeklarasikan_setiap_paket_yang_diimpor():
    """`pip install .` must bring everything the commands import."""
    proyek = tomllib.loads((AKAR_PROYEK / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dinyatakan = {d.split(">")[0].split("<")[0].split("=")[0].strip().lower().replace("_", "-")
                  for d in proyek["dependencies"]}
    distribusi = importlib.metadata.packages_distributions()
    kurang = set()
    for path in PAKET.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                akar = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                akar = [node.module.split(".")[0]]
            else:
                continue
            for a in akar:
                if a in sys.stdlib_module_names or a == "lkjip_calc":
                    continue
                nama = {d.lower().replace("_", "-") for d in distribusi.get(a, [a])}
                if not nama & dinyatakan:
                    kurang.add(f"{a} ({path.relative_to(AKAR_PROYEK)})")
    assert not kurang, kurang
    assert {"ipykernel", "jupyter-book"} <= dinyatakan  # run by the build, not imported


def test_toc_sama_dengan_daftar_bab():
    assert yaml.safe_load((AKAR_PROYEK / "_toc.yml").read_text(encoding="utf-8")) == daftar.daftar_isi()


def test_bab_hanya_memanggil_yang_dideklarasikan():
    temuan = DaftarTemuan()
    bab.periksa_bab(AKAR_PROYEK / "chapters", temuan)
    assert not temuan.daftar, [str(t) for t in temuan.daftar]


def test_panggilan_sama_dengan_metode_buku():
    publik = {n for n, f in inspect.getmembers(Buku, inspect.isfunction) if not n.startswith("_")}
    assert publik - {"teks"} == set(daftar.PANGGILAN)  # teks() returns text, for code; chapters show parts


def test_setiap_bagian_dipakai():
    """Every declared part appears in the book: no declaration is dead."""
    temuan = DaftarTemuan()
    dipanggil = [p for b in daftar.NAMA_BAB
                 for p in bab.panggilan(AKAR_PROYEK / "chapters" / f"{b}.md", temuan)]
    narasi = {(p.argumen[0], p.argumen[1] if len(p.argumen) > 1 else "awal") for p in dipanggil if p.metode == "narasi"}
    assert narasi == {(n, b) for n, berkas in daftar.NARASI.items() for b in berkas.bagian}
    tabel = ({p.argumen[0] for p in dipanggil if p.metode == "tabel"} | {b.tabel for b in daftar.BAGIAN_IKU}
             | set(daftar.TABEL_SASARAN))  # analisis_iku shows the per-sasaran tables
    assert tabel == set(daftar.TABEL)
    gambar = {p.argumen[0] for p in dipanggil if p.metode == "gambar"} | {b.gambar for b in daftar.BAGIAN_IKU if b.gambar}
    assert gambar == set(daftar.GAMBAR)
    assert {p.metode for p in dipanggil} == set(daftar.PANGGILAN)


def test_nilai_tabel_ada():
    """The values a table declares it shows are values prose can cite, for every IKU and sasaran."""
    lap = siapkan(DATA, "kanigaran", 2024)
    for t in daftar.TABEL.values():
        assert t.nilai, t.nama
        for nama in t.nilai:
            if "{kode}" in nama:
                semua = [nama.format(kode=k.kode) for k in lap.hasil.kinerja]
            elif "{sasaran}" in nama:
                semua = [nama.format(sasaran=s.kode) for s in lap.hasil.sasaran]
            else:
                semua = [nama]
            for n in semua:
                assert n in lap.nilai, f"tabel {t.nama}: nilai {n} tidak ada"


def test_judul_terisi_dari_konteks():
    lap = siapkan(DATA, "kanigaran", 2024)
    k, s = lap.hasil.kinerja[0], lap.hasil.sasaran[0]
    for t in list(daftar.TABEL.values()) + list(daftar.GAMBAR.values()) + list(daftar.BAGIAN_IKU):
        bagian = s if getattr(t, "per_sasaran", False) else k if getattr(t, "per_iku", True) else None
        judul = t.judul.format(**daftar.konteks(lap, bagian))
        assert "{" not in judul and judul.strip(), t


def test_unduhan_sama_dengan_ekspor():
    assert list(TABEL_EKSPOR) == [u.berkas for u in daftar.UNDUHAN]


def test_berkas_hasil_tidak_dikomit():
    berkas = subprocess.run(["git", "ls-files"], cwd=AKAR_PROYEK, capture_output=True, text=True, check=True).stdout
    dihasilkan = [b for b in berkas.splitlines()
                  if b.startswith(("gambar/", "_build/", ".venv/")) or "__pycache__" in b or b.endswith((".pyc", ".ipynb"))]
    assert not dihasilkan, dihasilkan


def test_setiap_gambar_punya_fungsi_grafik():
    """A chart is declared by the name of its grafik function (imported only by the chapters that draw)."""
    from lkjip_calc.laporan import grafik

    assert all(callable(getattr(grafik, g.fungsi, None)) for g in daftar.GAMBAR.values())
