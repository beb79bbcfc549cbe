"""The `lkjip` command: check, export, build, and start next year from data. Messages and help are
in Bahasa Indonesia; bad input exits 2 with one line per problem, a bug of ours exits 3; Ctrl-C,
SIGTERM or SIGHUP stop it with one line and exit 128 + the signal's number (130, 143, 129)."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path

from .dasar.angka import angka, terbilang
from .dasar.proses import sinyal_henti
from .dasar.temuan import DataTidakValid, Jenis
from .masukan.lokasi import PilihanTidakSah, akar_data, daftar_tahun, daftar_unit, pilih, pilih_unit

KELUAR_GALAT_DATA = 2
KELUAR_GALAT_INTERNAL = 3
NAMA_SINYAL = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}


class _Format(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Format)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        self.print_usage(sys.stderr)
        terjemahan = (message.replace("the following arguments are required", "argumen wajib belum diberikan")
                      .replace("invalid choice", "pilihan tidak dikenal").replace("choose from", "pilih dari")
                      .replace("unrecognized arguments", "argumen tidak dikenal")
                      .replace("invalid int value", "bukan bilangan bulat").replace("argument ", "argumen "))
        self.exit(KELUAR_GALAT_DATA, f"{self.prog}: galat: {terjemahan}\n")


def _opsi_draf(p: argparse.ArgumentParser) -> None:
    p.add_argument("--draft", "--draf", dest="draf", action="store_true",
                   help="terima data yang belum lengkap: nilai yang belum diisi didaftar dan ditampilkan "
                        "sebagai [belum diisi], setiap halaman bertanda DRAF")


def _tahun(teks: str) -> int:
    """--year: digits; whether a folder of that year exists (and is named right) is checked with the data."""
    if not teks.strip().isdigit() or len(teks.strip()) > 6:
        raise argparse.ArgumentTypeError(f"tahun harus berupa angka, mis. 2024; ditemukan {teks!r}")
    return int(teks)


def _opsi_umum(p: argparse.ArgumentParser, bantuan_tahun: str | None = None) -> None:
    """--unit, --year and --data; with `bantuan_tahun` the year must be given (it has no default)."""
    p.add_argument("--unit", metavar="UNIT", help="kode unit (nama folder di data/); bawaan: satu-satunya unit yang ada")
    p.add_argument("--year", "--tahun", dest="tahun", type=_tahun, metavar="TAHUN", required=bantuan_tahun is not None,
                   help=bantuan_tahun or "tahun laporan; bawaan: tahun terbaru unit tersebut")
    p.add_argument("--data", metavar="FOLDER", help="folder data; bawaan: $LKJIP_DATA atau ./data")


def buat_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lkjip", description="LKjIP sebagai kode: periksa data, hitung setiap angka, ekspor tabel.")
    sub = parser.add_subparsers(dest="perintah", title="perintah", metavar="PERINTAH", parser_class=_Parser)
    p = sub.add_parser("check", help="periksa data satu unit dan tahun, tampilkan ringkasan dan peringatan",
                       description="Memeriksa seluruh berkas data satu unit dan tahun. Keluar 0 bila data valid, "
                                   "2 bila ada galat. Peringatan ditampilkan tetapi tidak menghentikan proses.")
    _opsi_umum(p)
    _opsi_draf(p)
    p = sub.add_parser("export", help="tulis tabel terhitung sebagai CSV (kinerja, sasaran, anggaran, wilayah)",
                       description="Menulis kinerja.csv, sasaran.csv, anggaran.csv, wilayah.csv (unit berwilayah) dan "
                                   "realisasi_periode.csv (bila ada realisasi per periode): UTF-8, titik "
                                   "desimal, tanpa pemisah ribuan, tanpa pembulatan. Tidak ada yang ditulis bila data "
                                   "tidak valid. XLSX tabel laporan seperti tercetak (bernomor, berformat) ditulis "
                                   "`lkjip build`, karena nomornya berasal dari buku yang dirakit.")
    _opsi_umum(p)
    p.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan (dibuat bila belum ada)")
    p = sub.add_parser("new-year", help="buat folder data tahun baru dari tahun sebelumnya",
                       description="Membuat data/<unit>/<TAHUN>/ dari tahun terakhir sebelumnya: yang tetap disalin "
                                   "(unit, organisasi, IKU, target Renstra, tautan program, struktur anggaran, narasi "
                                   "sebagai bahan), angka tahun baru dikosongkan dan ditandai, realisasi tahun lalu "
                                   "menjadi angka tahun sebelumnya. Tidak pernah menimpa tahun yang ada.")
    _opsi_umum(p, bantuan_tahun="tahun baru")
    p = sub.add_parser("template", help="tulis buku kerja Excel untuk mengisi data satu tahun",
                       description="Menulis buku kerja .xlsx: satu lembar per tabel masukan (terisi data yang sudah "
                                   "ada), daftar pilihan untuk kode IKU, program dan kelurahan, format angka, dan "
                                   "lembar Petunjuk. Sel kuning adalah angka yang belum diisi.")
    _opsi_umum(p)
    p.add_argument("--out", required=True, metavar="BERKAS.xlsx", help="berkas buku kerja yang ditulis")
    p = sub.add_parser("import", help="periksa buku kerja Excel yang sudah diisi lalu tulis berkas CSV-nya",
                       description="Memeriksa buku kerja (galat disebut per lembar, baris dan kolom), lalu menulis "
                                   "berkas CSV tahun itu dan mencetak yang berubah. Berkas lama disimpan di "
                                   "data/<unit>/<tahun>/.cadangan/. Tidak ada yang ditulis bila masih ada galat. "
                                   "Ditolak: buku kerja unit atau tahun lain (dicatat di lembar Petunjuk), sel "
                                   "berisi galat Excel atau rumus tanpa hasil tersimpan, dan, tanpa --allow-empty, "
                                   "nilai terisi yang dikosongkan atau baris yang dihapus.")
    p.add_argument("berkas", metavar="BERKAS.xlsx", help="buku kerja hasil lkjip template yang sudah diisi")
    _opsi_umum(p, bantuan_tahun="tahun data yang diimpor")
    p.add_argument("--allow-empty", "--kosongkan", dest="kosongkan", action="store_true",
                   help="izinkan impor mengosongkan nilai yang sudah terisi dan menghapus baris (atau IKU) yang "
                        "sudah ada; tanpa opsi ini impor seperti itu ditolak dan semuanya didaftar")
    p = sub.add_parser("build", help="bangun situs HTML dan PDF A4 laporan satu unit dan tahun",
                       description="Menjalankan setiap bab (papermill) untuk unit dan tahun yang diminta, lalu merakit "
                                   "situs HTML ke _build/<unit>/<tahun>/html/ dan PDF ke "
                                   "_build/<unit>/<tahun>/lkjip-<unit>-<tahun>.pdf, serta berkas Word untuk penelaah ke "
                                   "_build/<unit>/<tahun>/lkjip-<unit>-<tahun>.docx. Hasil lama baru diganti bila "
                                   "seluruh build berhasil.")
    _opsi_umum(p)
    _opsi_draf(p)
    p.add_argument("--html-only", "--html-saja", dest="html_saja", action="store_true",
                   help="bangun situs HTML saja, tanpa PDF")
    p.add_argument("--strict", "--ketat", dest="ketat", action="store_true",
                   help="peringatan Sphinx dianggap galat (dipakai CI)")
    p.add_argument("--out", default="_build", metavar="FOLDER", help="folder hasil build; bawaan: _build")
    p.add_argument("--bersih", "--clean", dest="bersih", action="store_true",
                   help="abaikan simpanan build sebelumnya (bab yang sudah dijalankan, lingkungan Sphinx, berkas "
                        "LaTeX di FOLDER/<unit>/<tahun>/.cache) dan bangun semuanya dari awal")
    p.add_argument("--all", "--semua", dest="semua", action="store_true",
                   help="bangun setiap unit dan tahun yang punya data menjadi satu situs di FOLDER/situs/ "
                        "(indeks unit dan tahun, pilihan tahun di setiap halaman)")
    p.add_argument("--jobs", "--pekerja", dest="jobs", type=_jumlah_pekerja, metavar="N",
                   help="dengan --all: bangun N unit-tahun sekaligus di mesin ini (bawaan: 1, satu per satu); "
                        "dengan --dask lokal: jumlah pekerja Dask (bawaan: satu per inti)")
    p.add_argument("--dask", metavar="ALAMAT",
                   help="dengan --all: jalankan build setiap unit-tahun di klaster Dask: 'lokal' (LocalCluster di "
                        "mesin ini) atau alamat penjadwal, mis. tcp://HOST:8786 (lihat README)")
    p = sub.add_parser("preview", help="pratinjau situs di peramban, dibangun ulang setiap kali berkas disimpan",
                       description="Membangun situs HTML satu unit dan tahun, menyajikannya di http://127.0.0.1:PORT/ "
                                   "dan mengamati data unit-tahun itu (serta data/skala dan tahun sebelumnya), "
                                   "chapters/, _config.yml, _static/, _tema/ dan paket lkjip. Setiap kali berkas "
                                   "disimpan, situs dibangun ulang dan halaman di peramban dimuat ulang sendiri. Galat "
                                   "data tampil di terminal dan di atas halaman (berkas, baris, kolom); halaman tetap "
                                   "menampilkan build terakhir yang berhasil. Perubahan kode lkjip memulai ulang "
                                   "pratinjau. Ctrl-C untuk berhenti.")
    _opsi_umum(p)
    _opsi_draf(p)
    p.add_argument("--port", type=int, default=8000, metavar="PORT", help="port di 127.0.0.1; bawaan: 8000")
    p.add_argument("--no-open", "--tanpa-buka", dest="tanpa_buka", action="store_true",
                   help="jangan membuka peramban")
    p.add_argument("--out", default=str(Path("_build") / "pratinjau"), metavar="FOLDER",
                   help="folder hasil build pratinjau; bawaan: _build/pratinjau")
    return parser


def _jumlah_pekerja(teks: str) -> int:
    """--jobs: a whole number of at least 1."""
    if not teks.strip().isdigit() or int(teks) < 1:
        raise argparse.ArgumentTypeError(f"jumlah pekerja harus bilangan bulat 1 atau lebih; ditemukan {teks!r}")
    return int(teks)


def _persen(nilai) -> str:
    """94,97% ; a missing percentage is '-', without the sign."""
    from .laporan.tampilan import BIASA as f

    return "-" if nilai is None else f"{f.persen(nilai)}%"


def _ringkasan(laporan) -> None:
    from .laporan.tampilan import BIASA as f

    h = laporan.hasil
    d = h.data
    status = "Data draf (belum lengkap)" if laporan.belum_diisi else "Data valid"
    print(f"{status}: {d.unit.nama}, tahun {d.tahun} ({d.folder})")
    print(f"{terbilang(len(h.kinerja))} Indikator Kinerja Utama; predikat menurut {h.skala.dasar_hukum}:")
    for k in h.kinerja:
        capaian = _persen(k.capaian) if k.capaian is not None else f"- ({k.alasan_kosong})"
        print(f"  - {k.indikator}: target {f.nilai_indikator(k.target)}, realisasi {f.nilai_indikator(k.realisasi)}, "
              f"capaian {capaian}, predikat {k.predikat or '-'}")
        if k.pagu is not None:
            print(f"      anggaran Rp {f.rupiah(k.pagu)}, realisasi Rp {f.rupiah(k.realisasi_anggaran)}, "
                  f"serapan {_persen(k.serapan)}, efisiensi {f.rasio(k.efisiensi)}")
    print(f"Anggaran: pagu {f.rupiah(h.pagu, awalan=True)}, realisasi {f.rupiah(h.realisasi_anggaran, awalan=True)}, "
          f"serapan {_persen(h.serapan)}")
    if laporan.belum_diisi:
        print(f"DRAF: {len(laporan.belum_diisi)} nilai belum diisi (tercantum di bawah).")
    peringatan = laporan.temuan.peringatan_saja
    if peringatan:
        print(f"Peringatan ({len(peringatan)}):")
        for t in peringatan:
            print(f"  {t}")
    else:
        print("Tidak ada peringatan.")


def _proyek(proyek: Path | None = None) -> Path | None:
    """The book's folder (found, or `proyek` when already looked up), or None with the reason printed."""
    from .laporan.bab import folder_proyek

    proyek = proyek or folder_proyek()
    if proyek is None:
        print("GALAT: folder buku (_config.yml, _toc.yml, chapters/) tidak ditemukan; jalankan lkjip dari folder "
              "proyek", file=sys.stderr)
    return proyek


def _bangun(laporan, args, proyek: Path | None, mesin=None) -> int:
    from .terbit.bangun import BuildGagal, bangun

    proyek = _proyek(proyek)
    if proyek is None:
        return KELUAR_GALAT_DATA
    if _di_dalam_data(Path(args.out), laporan.hasil.data.akar):
        return KELUAR_GALAT_DATA
    for t in laporan.temuan.peringatan_saja:
        print(t)
    try:
        hasil = bangun(laporan, proyek, Path(args.out), html_saja=args.html_saja, ketat=args.ketat, draf=args.draf,
                       bersih=args.bersih, mesin=mesin)
    except BuildGagal as e:
        print(f"BUILD GAGAL: {e} Hasil build sebelumnya (bila ada) tidak diubah.", file=sys.stderr)
        return KELUAR_GALAT_DATA
    if args.draf and laporan.belum_diisi:
        print(f"DRAF: {len(laporan.belum_diisi)} nilai belum diisi; ditampilkan sebagai [belum diisi]:")
        for t in laporan.belum_diisi:
            print(f"  {t}")
    print(f"Selesai dalam {angka(hasil.detik, 1)} detik.")
    print(f"Situs HTML: {hasil.html / 'index.html'}")
    if hasil.pdf:
        print(f"PDF: {hasil.pdf}")
    if hasil.docx:
        print(f"Word (DOCX): {hasil.docx}")
    return 0


def _tahun_baru(args) -> int:
    from .tahunan.tahun_baru import TahunBaruGagal, buat_tahun

    akar = akar_data(args.data)
    try:
        unit = pilih_unit(akar, args.unit)
        hasil = buat_tahun(akar, unit, args.tahun)
    except (PilihanTidakSah, TahunBaruGagal) as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return KELUAR_GALAT_DATA
    print(f"Dibuat: {hasil.folder} (dari data tahun {hasil.sumber}).")
    if hasil.renstra_berakhir:
        print("PERHATIAN: periode Renstra sudah berakhir; target tidak disalin dan tidak ditebak.")
    print("Yang harus diisi (juga dicatat di BELUM-DIISI.md di folder itu):")
    for b in hasil.isian:
        print(f"  - {b}")
    if hasil.basi:
        print(f"Narasi yang harus diperbarui (masih sama dengan data tahun {hasil.sumber}):")
        for b in hasil.basi:
            print(f"  - {b}")
    print(f"Lalu jalankan: lkjip check --unit {unit} --year {args.tahun}")
    return 0


def _pilih(args) -> tuple[Path, str, int] | None:
    """The data folder, unit and year of the command line; None (with the reason printed) when not found."""
    akar = akar_data(args.data)
    try:
        unit, tahun = pilih(akar, args.unit, args.tahun)
    except PilihanTidakSah as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return None
    return akar, unit, tahun


def _di_dalam_data(keluaran: Path, akar: Path) -> bool:
    """True (with the error printed) when an output path lies inside the data folder: data/ holds only
    what analysts write, so no command writes its output there."""
    if not keluaran.resolve().is_relative_to(akar.resolve()):
        return False
    print(f"GALAT: --out '{keluaran}' berada di dalam folder data '{akar}'; ditemukan jalur keluaran di dalam "
          "data/; diharapkan folder lain, mis. _build/ (data/ hanya untuk masukan)", file=sys.stderr)
    return True


def _buku_kerja(args) -> int:
    from .tahunan.buku_kerja import ImportGagal, impor, tulis_template

    dipilih = _pilih(args)
    if dipilih is None:
        return KELUAR_GALAT_DATA
    akar, unit, tahun = dipilih
    try:
        if args.perintah == "template":
            if _di_dalam_data(Path(args.out), akar):
                return KELUAR_GALAT_DATA
            path = tulis_template(akar, unit, tahun, Path(args.out))
            print(f"Ditulis: {path} (unit {unit}, tahun {tahun}). Isi sel kuning, lalu: "
                  f"lkjip import {path} --unit {unit} --year {tahun}")
            return 0
        hasil = impor(Path(args.berkas), akar, unit, tahun, kosongkan=args.kosongkan, tampil=args.berkas)
    except ImportGagal as e:
        print(f"Buku kerja tidak diimpor; tidak ada berkas yang diubah.\n{e}", file=sys.stderr)
        return KELUAR_GALAT_DATA
    if not hasil.diubah:
        print("Tidak ada yang berubah.")
    for nama, perubahan in hasil.diubah.items():
        print(f"{nama}: {len(perubahan)} perubahan")
        for p in perubahan[:50]:
            print(f"  {p}")
        if len(perubahan) > 50:
            print(f"  ... dan {len(perubahan) - 50} lagi")
    if hasil.dikosongkan:
        print(f"Dikosongkan atau dihapus atas permintaan (--allow-empty): {len(hasil.dikosongkan)} nilai yang "
              "sebelumnya terisi.")
    if hasil.cadangan:
        print(f"Berkas sebelumnya disimpan di {hasil.cadangan}")
    belum = [t for t in hasil.temuan if t.jenis == Jenis.BELUM_DIISI]
    if belum:
        print(f"Masih ada {len(belum)} nilai yang belum diisi (lkjip check menyebut semuanya).")
    return 0


def _build_semua_gagal(e: Exception) -> int:
    """A `build --all` that stopped (the user's data, setup or scheduler): one line, exit 2."""
    print(f"BUILD GAGAL: {e} Situs sebelumnya (bila ada) tidak diubah.", file=sys.stderr)
    return KELUAR_GALAT_DATA


def _bangun_semua(args) -> int:
    proyek = _proyek()
    if proyek is None:
        return KELUAR_GALAT_DATA
    akar = akar_data(args.data)
    if _di_dalam_data(Path(args.out), akar):
        return KELUAR_GALAT_DATA
    pasangan = [(unit, tahun) for unit in daftar_unit(akar) for tahun in daftar_tahun(akar, unit)]
    with contextlib.ExitStack() as tumpukan:
        # --jobs N or --dask: the batch's pool or Dask client, started now; its workers check the
        # unit-years, then build them
        pelaksana = None
        if args.dask is not None:
            from .terbit.bangun import BuildGagal
            from .terbit.serentak import klien_dask

            try:
                pelaksana = tumpukan.enter_context(klien_dask(args.dask, args.jobs))
            except BuildGagal as e:  # the scheduler cannot be reached
                return _build_semua_gagal(e)
        elif (args.jobs or 1) > 1 and len(pasangan) > 1:
            from .dasar.proses import kumpulan_pekerja

            pelaksana = tumpukan.enter_context(kumpulan_pekerja(min(args.jobs, len(pasangan))))
        return _bangun_semua_dengan(args, proyek, akar, pasangan, pelaksana)


def _bangun_semua_dengan(args, proyek: Path, akar: Path, pasangan: list[tuple[str, int]], pelaksana) -> int:
    from .laporan.bab import FOLDER_BAB
    from .laporan.bahan import Laporan
    from .terbit.bangun import BuildGagal
    from .terbit.serentak import siapkan_semua
    from .terbit.situs import bangun_semua

    laporan, gagal = [], []
    for unit, tahun, hasil in siapkan_semua(pasangan, akar, args.draf, proyek / FOLDER_BAB, pelaksana):
        if isinstance(hasil, Laporan):
            laporan.append(hasil)
        else:
            gagal.append((unit, tahun, hasil.galat_saja))
    for unit, tahun, galat in gagal:
        print(f"Data {unit} tahun {tahun} tidak valid: {len(galat)} galat.", file=sys.stderr)
        for t in galat:
            print(t, file=sys.stderr)
    serentak = args.dask is not None or args.jobs is not None  # without either: today's build, one by one
    if gagal and not (args.draf and serentak and laporan):
        print("Tidak ada yang dibangun. Perbaiki data di atas, atau bangun draf dengan --draft.", file=sys.stderr)
        return KELUAR_GALAT_DATA
    if not laporan:
        print(f"GALAT: tidak ada unit dan tahun di '{akar}'", file=sys.stderr)
        return KELUAR_GALAT_DATA
    for lap in laporan:  # as a build of one unit and year prints them: stale prose, claims, sources
        for t in lap.temuan.peringatan_saja:
            print(t)
    if serentak:
        return _bangun_serentak(laporan, [(u, t) for u, t, _ in gagal], proyek, args, pelaksana)
    try:
        situs = bangun_semua(laporan, proyek, Path(args.out), html_saja=args.html_saja, ketat=args.ketat,
                             draf=args.draf, bersih=args.bersih)
    except BuildGagal as e:
        return _build_semua_gagal(e)
    print(f"Situs semua unit dan tahun: {situs / 'index.html'}")
    return 0


def _bangun_serentak(laporan, data_gagal: list[tuple[str, int]], proyek: Path, args, pelaksana=None) -> int:
    """`build --all` with --jobs N or --dask: unit-years side by side; a failed one is named and the
    others go on; the combined site is replaced only when all were built (and all data was valid)."""
    from .terbit.bangun import BuildGagal
    from .terbit.serentak import bangun_serentak

    try:
        batch = bangun_serentak(laporan, proyek, Path(args.out), html_saja=args.html_saja, ketat=args.ketat,
                                draf=args.draf, jobs=args.jobs, dask=args.dask, rakit=not data_gagal,
                                bersih=args.bersih, pelaksana=pelaksana)
    except BuildGagal as e:
        return _build_semua_gagal(e)
    gagal = [f"{unit} {tahun}: data tidak valid (galat di atas)" for unit, tahun in data_gagal]
    gagal += [f"{h.unit} {h.tahun}: {h.gagal}" for h in batch.gagal]
    if gagal:
        print(f"{len(gagal)} unit-tahun gagal dibangun; situs semua unit dan tahun tidak diganti (situs sebelumnya, "
              "bila ada, tetap):", file=sys.stderr)
        for g in gagal:
            print(f"  - {g}", file=sys.stderr)
        return KELUAR_GALAT_INTERNAL if any(h.internal for h in batch.gagal) else KELUAR_GALAT_DATA
    print(f"Situs semua unit dan tahun: {batch.situs / 'index.html'}")
    return 0


def _pratinjau(args) -> int:
    """`lkjip preview`: serve and rebuild until stopped; restart this very command when lkjip's code changed."""
    import os

    from .terbit.pratinjau import ENV_TANPA_BUKA, MULAI_ULANG, PortTidakTersedia, Pratinjau

    dipilih = _pilih(args)
    proyek = _proyek()
    if dipilih is None or proyek is None:
        return KELUAR_GALAT_DATA
    akar, unit, tahun = dipilih
    if _di_dalam_data(Path(args.out), akar):
        return KELUAR_GALAT_DATA
    pratinjau = Pratinjau(akar, unit, tahun, proyek, Path(args.out), port=args.port, draf=args.draf,
                          buka=not args.tanpa_buka)
    try:
        hasil = pratinjau.jalankan()
    except PortTidakTersedia as e:
        print(f"GALAT: {e}", file=sys.stderr)
        return KELUAR_GALAT_DATA
    if hasil == MULAI_ULANG:  # the engine and the server are closed: the same command, with the new code
        sys.stdout.flush()
        sys.stderr.flush()
        os.environ[ENV_TANPA_BUKA] = "1"
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    return 0


def _siapkan(args, akar: Path, unit: str, tahun: int, proyek: Path | None):
    """The year checked and computed, or None after saying why it is not valid."""
    from .laporan.bab import FOLDER_BAB
    from .laporan.siapkan import siapkan

    try:
        return siapkan(akar, unit, tahun, draf=getattr(args, "draf", False),
                       folder_bab=proyek / FOLDER_BAB if proyek else None)
    except DataTidakValid as e:
        galat = e.temuan.galat_saja
        print(f"Data {unit} tahun {tahun} tidak valid: {len(galat)} galat.", file=sys.stderr)
        for t in galat:
            print(t, file=sys.stderr)
        for t in e.temuan.peringatan_saja:
            print(t, file=sys.stderr)
        if any(t.jenis == Jenis.BELUM_DIISI for t in galat) and args.perintah in ("check", "build"):
            print("Data belum lengkap. Isi nilai di atas, atau bangun draf dengan --draft.", file=sys.stderr)
        return None


def _mesin_dini(args, unit: str, tahun: int, tumpukan: contextlib.ExitStack):
    """Sphinx's workers for the build, started now: they import Sphinx while the year is loaded and
    checked. For a build that starts from nothing (every chapter will run), the kernels too."""
    from .terbit.mesin import Mesin
    from .terbit.simpanan import mulai_dari_awal

    mesin = tumpukan.enter_context(Mesin(lajur=1 if args.html_saja else 2))
    if mulai_dari_awal(Path(args.out), unit, tahun, args.bersih):
        mesin.panaskan(mesin.inti)
    return mesin


def _jalankan(args) -> int:
    if args.perintah == "preview":
        return _pratinjau(args)
    if args.perintah == "build" and args.semua:
        return _bangun_semua(args)
    if args.perintah == "build" and (args.jobs is not None or args.dask is not None):
        print("GALAT: --jobs dan --dask hanya berlaku bersama --all (membangun banyak unit dan tahun)",
              file=sys.stderr)
        return KELUAR_GALAT_DATA
    if args.perintah == "new-year":
        return _tahun_baru(args)
    if args.perintah in ("template", "import"):
        return _buku_kerja(args)
    dipilih = _pilih(args)
    if dipilih is None:
        return KELUAR_GALAT_DATA
    akar, unit, tahun = dipilih
    if args.perintah == "build":
        with contextlib.ExitStack() as tumpukan:
            # first: what lkjip itself imports (the year's data, the chapters' code) the workers do not
            mesin = _mesin_dini(args, unit, tahun, tumpukan)
            from .laporan.bab import folder_proyek

            proyek = folder_proyek()
            laporan = _siapkan(args, akar, unit, tahun, proyek)
            return KELUAR_GALAT_DATA if laporan is None else _bangun(laporan, args, proyek, mesin)
    from .laporan.bab import folder_proyek
    from .terbit.ekspor import ekspor

    laporan = _siapkan(args, akar, unit, tahun, folder_proyek())
    if laporan is None:
        return KELUAR_GALAT_DATA
    if args.perintah == "check":
        _ringkasan(laporan)
        return 0
    keluaran = Path(args.out)
    if _di_dalam_data(keluaran, akar):
        return KELUAR_GALAT_DATA
    for path in ekspor(laporan.hasil, keluaran):
        print(f"Ditulis: {path}")
    for t in laporan.temuan.peringatan_saja:
        print(t)
    return 0


def main(argv: list[str] | None = None) -> int:
    kode = _main(argv)
    if argv is None:  # the `lkjip` command, about to exit
        import gc

        # The interpreter's last collections would walk every object lkjip made (half a second after
        # a build); the objects are freed all the same.
        gc.freeze()
    return kode


def _main(argv: list[str] | None) -> int:
    parser = buat_parser()
    args = parser.parse_args(argv)
    if args.perintah is None:
        parser.print_help()
        return KELUAR_GALAT_DATA
    try:
        with sinyal_henti():  # the signal's exception reaches the except below; the clean-up on the way runs
            return _jalankan(args)
    except BrokenPipeError:  # output piped into e.g. `head`, which closed early: not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as e:  # Ctrl-C, or proses.Dihentikan for any stop signal
        sinyal = getattr(e, "sinyal", signal.SIGINT)
        build = " Hasil yang sudah terbit tetap utuh; folder kerja build dihapus." if args.perintah == "build" else ""
        print(f"Dihentikan ({NAMA_SINYAL.get(sinyal, sinyal)}).{build}", file=sys.stderr)
        return 128 + sinyal
    except Exception as e:  # a bug, not bad data: say so plainly instead of a traceback
        print(f"GALAT INTERNAL ({type(e).__name__}: {e}). Ini kesalahan program, bukan data Anda; "
              "laporkan bersama perintah yang dijalankan. Jalankan dengan LKJIP_DEBUG=1 untuk rinciannya.",
              file=sys.stderr)
        import os
        if os.environ.get("LKJIP_DEBUG"):
            raise
        return KELUAR_GALAT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
