"""A chapter whose prose alone changed since its last run, brought up to date without a kernel.

Every output of a chapter records what it follows from (`laporan.buku.Buku._keluarkan`): the prose
files read and the files written since the output before, and for a part of `buku.RESEP` the call
that shows it. When the only inputs that changed are prose files, and every output that read one of
them is such a part, those outputs are rendered again here, from the year the build prepared, by the
same code a kernel would run; the rest of the chapter's last run stands. Anything else (an output of
another part read a changed file, an output without a record, a call that now fails) and the chapter
is run as usual: the result is then the kernel's, never a guess."""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..laporan.buku import RESEP, BukuUlang
from ..laporan.daftar import CATATAN


def perbarui(nb, berubah: set[str], siap: Path, folder: Path):
    """The executed chapter `nb` with the outputs that read a file of `berubah` rendered again from
    the prepared year `siap`, their files written into `folder` (the chapter's, with the files of the
    last run restored); the records brought up to date. None when the chapter must run instead."""
    keluaran = [k for sel in nb.cells if sel.get("cell_type") == "code" for k in sel.get("outputs", [])]
    catatan = [k.get("metadata", {}).get(CATATAN) for k in keluaran]
    if not keluaran or any(k.get("output_type") != "display_data" for k in keluaran) \
            or any(not isinstance(c, dict) or "baca" not in c or "tulis" not in c for c in catatan):
        return None  # output of some other kind, or recorded by older code: what it followed from is unknown
    perlu = [i for i, c in enumerate(catatan) if berubah & set(c["baca"])]
    if any(catatan[i].get("resep", [None])[0] not in RESEP for i in perlu):
        return None
    buku = BukuUlang(siap=siap, folder=folder)
    for i in perlu:
        try:
            teks, baru = buku.ulang(catatan[i]["resep"])
        except Exception:  # noqa: BLE001 - the kernel will say what is wrong, in the words of a failed chapter
            return None
        if baru["baca"] != catatan[i]["baca"]:
            return None  # the output was shaped by more than its own call: only a run can say how
        keluaran[i]["data"]["text/markdown"] = teks
        catatan[i]["tulis"] = baru["tulis"]
    # the records of the whole chapter so far, output by output, as a run would have left them
    sebelumnya = set().union(*(c["berkas"] for c in catatan))
    dibaca, ditulis = set(), set()
    for c in catatan:
        dibaca.update(c["baca"])
        ditulis.update(c["tulis"])
        c["prosa"], c["berkas"] = sorted(dibaca), sorted(ditulis)
    for lama in sebelumnya - ditulis:  # a prose image no longer shown: not left for the book
        path = (folder / lama).resolve()
        if path.is_relative_to(folder.resolve()):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return nb
