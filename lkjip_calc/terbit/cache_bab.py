"""Executed chapters kept between builds, in jupyter-cache (the cache Jupyter Book itself uses).

A chapter's run is reused when everything it depends on is unchanged. jupyter-cache matches a
notebook by its code cells (with the parameters papermill injected); the rest goes into a key kept
in the notebook's metadata (`KUNCI`), hashed with the code:

- the package's own code and the versions of the libraries that shape outputs (`simpanan.sidik_kode`);
- every input file of the year except its prose (narasi/*.md, narasi/iku/*.md);
- the prose the chapter read in its last run (recorded by `laporan.buku.Buku` in its outputs, and
  kept in an index beside the cache, with each file's digest then): editing one prose file touches
  only the chapters that show it, and those are brought up to date without a kernel when they can
  be (`ambil_sebelumnya`, terbit.narasi_ulang).

The files a chapter wrote beside itself (its charts, the prose's images) are kept with it as
jupyter-cache artifacts and restored with it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.cache.main import JupyterCacheBase, NbArtifacts

from ..dasar.berkas import tulis_atomik
from ..laporan.daftar import CATATAN, FOLDER_NARASI, FOLDER_NARASI_IKU

KUNCI = "lkjip_kunci"  # notebook metadata: the key of what the chapter depends on besides its code
BATAS = 64  # executed chapters kept per output folder (8 chapters, several versions each)


class _Cache(JupyterCacheBase):
    """jupyter-cache that hashes our key and the cells' tags with the code (not timings or ids)."""

    def create_hashed_notebook(self, nb, nb_metadata=("kernelspec", KUNCI), cell_metadata=("tags",)):
        return super().create_hashed_notebook(nb, nb_metadata, cell_metadata)


def _sha(*bagian: str) -> str:
    h = hashlib.sha256()
    for b in bagian:
        h.update(b.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def prosa(path: Path, folder_tahun: Path) -> bool:
    """Whether an input file is prose of the year (its own key part, per chapter)."""
    try:
        relatif = path.resolve().relative_to(folder_tahun.resolve())
    except ValueError:
        return False
    return relatif.suffix == ".md" and relatif.parent.as_posix() in (FOLDER_NARASI, FOLDER_NARASI_IKU)


def sidik_prosa(data) -> dict[str, str]:
    """The digest of each prose file of the year, and of each prose folder as a whole, from the texts
    the build prepared (the ones pickled for the chapters), by the names `Buku` records."""
    sidik = {}
    for folder, isi in ((FOLDER_NARASI, data.narasi), (FOLDER_NARASI_IKU, data.narasi_iku)):
        for nama, n in dict.items(isi):
            teks = n.teks if hasattr(n, "teks") else json.dumps({k: v.teks for k, v in n.items()}, sort_keys=True)
            sidik[f"{folder}/{nama}.md"] = _sha(teks)
        sidik[f"{folder}/"] = _sha(*(f"{k}={v}" for k, v in sorted(sidik.items()) if k.startswith(f"{folder}/")
                                     and k.count("/") == folder.count("/") + 1))
    return sidik


class CacheBab:
    """The executed chapters of one output folder (`folder`: its .cache/bab), for one build."""

    def __init__(self, folder: Path, dasar: str, sidik_prosa: dict[str, str]):
        folder.mkdir(parents=True, exist_ok=True)
        self._cache = _Cache(str(folder / "jupyter-cache"))
        if self._cache.get_cache_limit() != BATAS:
            self._cache.change_cache_limit(BATAS)
        self._indeks_path = folder / "prosa.json"
        try:
            self._indeks = json.loads(self._indeks_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._indeks = {}
        self._dasar = dasar
        self._sidik_prosa = sidik_prosa

    def _kunci(self, dasar: str, dibaca: list[str], sidik: dict[str, str] | None = None) -> str:
        sidik = self._sidik_prosa if sidik is None else sidik
        return _sha(dasar, *(f"{j}={sidik.get(j, '-')}" for j in sorted(dibaca)))

    def _dasar_bab(self, nama: str) -> str:
        return _sha(self._dasar, nama)

    def ambil(self, nama: str, nb, folder: Path):
        """The chapter `nb` (parameters injected) with the outputs of a reusable run, its files
        restored into `folder`; None when it must run."""
        catatan = self._indeks.get(nama)
        dasar = self._dasar_bab(nama)
        if not catatan or catatan.get("dasar") != dasar:
            return None
        return self._ambil(nb, self._kunci(dasar, catatan.get("prosa", [])), folder)

    def ambil_sebelumnya(self, nama: str, nb, folder: Path):
        """The last run of the chapter `nb` when only prose it read has changed since: (that run, its
        files restored into `folder`; the prose files changed), or None."""
        catatan = self._indeks.get(nama)
        dasar = self._dasar_bab(nama)
        if not catatan or catatan.get("dasar") != dasar or not isinstance(catatan.get("sidik"), dict):
            return None
        lama = catatan["sidik"]
        berubah = {j for j in catatan.get("prosa", []) if lama.get(j) != self._sidik_prosa.get(j, "-")}
        if not berubah:
            return None
        nb = self._ambil(nb, self._kunci(dasar, catatan.get("prosa", []), lama), folder)
        return None if nb is None else (nb, berubah)

    def _ambil(self, nb, kunci: str, folder: Path):
        nb = nbformat.from_dict(nb)
        nb.metadata[KUNCI] = kunci
        try:
            pk, gabungan = self._cache.merge_match_into_notebook(nb, nb_meta=("kernelspec", "language_info", KUNCI))
            bundel = self._cache.get_cache_bundle(pk)
            berkas = [(relatif, pegangan.read()) for relatif, pegangan in bundel.artifacts]
        except (KeyError, OSError, ValueError):  # not in the cache, or its files are gone
            return None
        for relatif, isi in berkas:
            tulis_atomik(folder / relatif, isi)
        return gabungan

    def simpan(self, nama: str, nb, folder: Path) -> None:
        """Keep the executed chapter `nb` and the files it wrote in `folder`, under its key."""
        dibaca, ditulis = catatan_bab(nb)
        dasar = self._dasar_bab(nama)
        nb = nbformat.from_dict(nb)
        nb.metadata[KUNCI] = self._kunci(dasar, dibaca)
        self._cache.cache_notebook_bundle(
            CacheBundleIn(nb, nama, artifacts=NbArtifacts([str(folder / p) for p in ditulis], in_folder=folder)),
            check_validity=False, overwrite=True)
        self._indeks[nama] = {"dasar": dasar, "prosa": dibaca,
                              "sidik": {j: self._sidik_prosa.get(j, "-") for j in dibaca}}
        tulis_atomik(self._indeks_path, json.dumps(self._indeks, indent=1, sort_keys=True))


def catatan_bab(nb) -> tuple[list[str], list[str]]:
    """The prose a chapter's run read and the files it wrote: the union of its outputs' records."""
    dibaca, ditulis = set(), set()
    for sel in nb.cells:
        for keluaran in sel.get("outputs", []):
            catatan = keluaran.get("metadata", {}).get(CATATAN)
            if catatan:
                dibaca.update(catatan.get("prosa", []))
                ditulis.update(catatan.get("berkas", []))
    return sorted(dibaca), sorted(ditulis)
