"""Checks across the files of a year: every link must point at something that exists (errors),
and every part of the plan should be linked to the rest (warnings)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from functools import partial

from ..dasar.temuan import DaftarTemuan, Jenis, kolom, kunci, kutip
from .tahun import DataTahun


def _ganda(daftar, nama_daftar, berkas, temuan):
    terlihat = {}
    for i, item in enumerate(daftar):
        if item.kode in terlihat:
            temuan.galat(Jenis.GANDA, berkas.path, f"kode {nama_daftar} ganda", baris=berkas.baris((nama_daftar, i, "kode")),
                         kolom=kunci(f"{nama_daftar}[{i}].kode"), ditemukan=kutip(item.kode),
                         diharapkan=f"kode unik (sudah dipakai di {nama_daftar}[{terlihat[item.kode]}])")
        terlihat.setdefault(item.kode, i)


def periksa_rujukan(data: DataTahun, renstra_yaml, temuan: DaftarTemuan, draf: bool = False) -> None:
    """Every code used must be defined; target 0 and a missing realisasi of a PK IKU are errors.
    In a draft, a Renstra whose period has ended is listed as still to fill in (new-year into a new
    period copies the old one until the analyst types the new)."""
    r = data.renstra
    _ganda(r.tujuan, "tujuan", renstra_yaml, temuan)
    _ganda(r.sasaran, "sasaran", renstra_yaml, temuan)
    _ganda(r.iku, "iku", renstra_yaml, temuan)
    if not r.tahun_awal <= data.tahun <= r.tahun_akhir:
        lapor = partial(temuan.peringatan, Jenis.BELUM_DIISI) if draf else partial(temuan.galat, Jenis.TIDAK_SAH)
        lapor(renstra_yaml.path,
                     f"periode Renstra {r.periode} tidak mencakup tahun laporan {data.tahun}",
                     baris=renstra_yaml.baris(("tahun_akhir",)), kolom=kunci("tahun_akhir"), ditemukan=kutip(r.tahun_akhir),
                     diharapkan=f"Renstra yang berlaku pada {data.tahun}: isi tahun_awal, tahun_akhir, tujuan, sasaran, "
                                "IKU dan targetnya dari dokumen Renstra yang baru")
    tujuan = {t.kode for t in r.tujuan}
    sasaran = {s.kode for s in r.sasaran}
    iku = {i.kode for i in r.iku}
    for i, s in enumerate(r.sasaran):
        if s.tujuan not in tujuan:
            temuan.galat(Jenis.RUJUKAN_HILANG, renstra_yaml.path, "tujuan tidak ada",
                         baris=renstra_yaml.baris(("sasaran", i, "tujuan")),
                         kolom=kunci(f"sasaran[{i}].tujuan"), ditemukan=kutip(s.tujuan),
                         diharapkan="kode tujuan yang ada: " + ", ".join(sorted(tujuan)))
    for i, k in enumerate(r.iku):
        if k.sasaran not in sasaran:
            temuan.galat(Jenis.RUJUKAN_HILANG, renstra_yaml.path, "sasaran tidak ada",
                         baris=renstra_yaml.baris(("iku", i, "sasaran")),
                         kolom=kunci(f"iku[{i}].sasaran"), ditemukan=kutip(k.sasaran),
                         diharapkan="kode sasaran yang ada: " + ", ".join(sorted(sasaran)))

    program = {b["kode"] for b in data.tabel["program.csv"]}
    harapan_iku = "kode IKU dari renstra.yaml: " + ", ".join(sorted(iku))
    harapan_program = "kode program dari program.csv: " + ", ".join(sorted(program))

    def rujuk(nama_berkas, nama_kolom, boleh, harapan, apa):
        for b in data.tabel[nama_berkas]:
            if b[nama_kolom] is not None and b[nama_kolom] not in boleh:
                temuan.galat(Jenis.RUJUKAN_HILANG, data.berkas(nama_berkas), f"{apa} tidak ada", baris=b.nomor,
                             kolom=kolom(nama_kolom),
                             ditemukan=kutip(b[nama_kolom]), diharapkan=harapan)

    rujuk("renstra_target.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("perjanjian_kinerja.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("iku_program.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("realisasi_iku.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("iku_program.csv", "program", program, harapan_program, "program")
    rujuk("pk_anggaran.csv", "program", program, harapan_program, "program")
    rujuk("anggaran.csv", "program", program, harapan_program, "program")
    _periksa_tautan_halus(data, program, temuan)

    for b in data.tabel["renstra_target.csv"]:
        if not r.tahun_awal <= b["tahun"] <= r.tahun_akhir:
            temuan.galat(Jenis.TIDAK_SAH, data.berkas("renstra_target.csv"), "tahun di luar periode Renstra", baris=b.nomor,
                         kolom=kolom("tahun"), ditemukan=kutip(b["tahun"]), diharapkan=f"tahun {r.periode}")
    for b in data.tabel["perjanjian_kinerja.csv"]:
        if b["target"] == 0:
            temuan.galat(Jenis.TIDAK_SAH, data.berkas("perjanjian_kinerja.csv"), "target 0: capaian tidak dapat dihitung",
                         baris=b.nomor, kolom=kolom("target"), ditemukan=kutip("0"), diharapkan="target selain 0")
    satuan_iku = {i.kode: i.satuan for i in r.iku}
    for b in data.tabel["realisasi_iku.csv"]:
        if b["penyebut"] == 0:
            temuan.galat(Jenis.TIDAK_SAH, data.berkas("realisasi_iku.csv"), "penyebut 0", baris=b.nomor,
                         kolom=kolom("penyebut"),
                         ditemukan=kutip("0"), diharapkan="penyebut selain 0, atau kosong")
        if b["capaian_dinyatakan"] is not None and b["tahun"] != data.tahun:
            temuan.peringatan(Jenis.TIDAK_SAH, data.berkas("realisasi_iku.csv"),
                              f"capaian yang dinyatakan hanya dibandingkan pada baris tahun laporan {data.tahun}; "
                              "nilai ini diabaikan", baris=b.nomor, kolom=kolom("capaian_dinyatakan"),
                              ditemukan=kutip(b["capaian_dinyatakan"]),
                              diharapkan=f"sel kosong, atau pindahkan ke baris tahun {data.tahun}")
        if (b["pembilang"] is None) != (b["penyebut"] is None):
            temuan.galat(Jenis.KOSONG, data.berkas("realisasi_iku.csv"),
                         "pembilang dan penyebut harus diisi keduanya atau tidak sama sekali",
                         baris=b.nomor, kolom=kolom("pembilang" if b["pembilang"] is None else "penyebut"),
                         ditemukan=kutip("kosong"), diharapkan="bilangan")

        satuan = satuan_iku.get(b["iku"])
        if b["realisasi"] is None and b["pembilang"] is not None and b["penyebut"] is not None \
                and satuan is not None and satuan != "%":
            temuan.galat(Jenis.TIDAK_SAH, data.berkas("realisasi_iku.csv"),
                         f"realisasi kosong: pembilang/penyebut hanya dapat menggantikannya untuk IKU bersatuan '%', "
                         f"IKU '{b['iku']}' bersatuan '{satuan}'",
                         baris=b.nomor, kolom=kolom("realisasi"), ditemukan=kutip("kosong"),
                         diharapkan=f"realisasi dalam satuan '{satuan}'")

    realisasi = {(b["iku"], b["tahun"]) for b in data.tabel["realisasi_iku.csv"]}
    for b in data.tabel["perjanjian_kinerja.csv"]:
        if b["iku"] in iku and (b["iku"], data.tahun) not in realisasi:
            temuan.galat(Jenis.KOSONG, data.berkas("realisasi_iku.csv"),
                         f"realisasi IKU '{b['iku']}' tahun {data.tahun} belum diisi",
                         kolom=kolom("realisasi"), ditemukan=kutip("tidak ada baris"),
                         diharapkan=f"satu baris iku={b['iku']}, tahun={data.tahun}")

    bagian = data.bagian_wilayah or "kelurahan"  # the word the files head their first column with
    wilayah = {b["kelurahan"] for b in data.tabel["wilayah.csv"]}
    penduduk = {b["kelurahan"] for b in data.tabel["penduduk.csv"]}
    for b in data.tabel["penduduk.csv"]:
        if b["kelurahan"] not in wilayah:
            temuan.galat(Jenis.RUJUKAN_HILANG, data.berkas("penduduk.csv"), f"{bagian} tidak ada di wilayah.csv",
                         baris=b.nomor,
                         kolom=kolom(bagian), ditemukan=kutip(b["kelurahan"]),
                         diharapkan=f"nama {bagian} yang sama persis dengan wilayah.csv")
    for b in data.tabel["wilayah.csv"]:
        if b["kelurahan"] not in penduduk:
            temuan.galat(Jenis.RUJUKAN_HILANG, data.berkas("wilayah.csv"), f"{bagian} tidak ada di penduduk.csv",
                         baris=b.nomor,
                         kolom=kolom(bagian), ditemukan=kutip(b["kelurahan"]),
                         diharapkan=f"satu baris penduduk untuk setiap {bagian}")

    pk = set(data.iku_pk)
    tautan = defaultdict(set)
    for b in data.tabel["iku_program.csv"]:
        tautan[b["iku"]].add(b["program"])
    for kode, a in data.analisis.items():
        berkas = data.analisis_yaml[kode]
        if kode not in pk:
            temuan.galat(Jenis.RUJUKAN_HILANG, berkas.path, "IKU tidak ada di Perjanjian Kinerja tahun ini",
                         baris=berkas.baris(("iku",)), kolom=kunci("iku"), ditemukan=kutip(kode),
                         diharapkan="IKU dari perjanjian_kinerja.csv: " + ", ".join(data.iku_pk))
            continue
        for p in a.analisis_program:
            if p not in tautan[kode]:
                temuan.galat(Jenis.RUJUKAN_HILANG, berkas.path, "program tidak ditautkan ke IKU ini di iku_program.csv",
                             baris=berkas.baris(("analisis_program", p)), kolom=kunci(f"analisis_program.{p}"),
                             ditemukan=kutip(p), diharapkan=", ".join(sorted(tautan[kode])) or "tautan di iku_program.csv")
        boleh = {b["kegiatan"] for b in data.anggaran_iku(kode)}  # the kegiatan its links cover
        for k in a.analisis_kegiatan:
            if k not in boleh:
                temuan.galat(Jenis.RUJUKAN_HILANG, berkas.path, "kegiatan tidak ada di anggaran yang ditautkan ke IKU "
                             "ini", baris=berkas.baris(("analisis_kegiatan", k)), kolom=kunci(f"analisis_kegiatan.{k}"),
                             ditemukan=kutip(k), diharapkan="nama kegiatan persis seperti di anggaran.csv, dari program "
                             "(atau kegiatan/sub kegiatan) IKU ini di iku_program.csv")
    for kode, bagian in data.narasi_iku.items():
        if kode not in pk:
            path = next(iter(bagian.values())).path if bagian else data.folder / "narasi" / "iku" / f"{kode}.md"
            temuan.galat(Jenis.RUJUKAN_HILANG, path, "narasi untuk IKU yang tidak ada di Perjanjian Kinerja tahun ini",
                         baris=1,
                         ditemukan=kutip(kode), diharapkan="nama berkas = kode IKU: " + ", ".join(data.iku_pk))
    _periksa_tautan(data, temuan)


def _mirip(nama: str, pilihan) -> str:
    mirip = difflib.get_close_matches(nama, sorted(pilihan), n=3, cutoff=0.6)
    return "; mungkin maksudnya: " + ", ".join(f"'{m}'" for m in mirip) if mirip else ""  # whole: to copy


def _periksa_tautan_halus(data: DataTahun, program: set[str], temuan: DaftarTemuan) -> None:
    """A link of iku_program.csv narrowed to a kegiatan or a sub kegiatan must name one the budget of
    its program has, written exactly as in anggaran.csv; a sub kegiatan is named within its kegiatan."""
    berkas = data.berkas("iku_program.csv")
    kegiatan: dict[str, set[str]] = defaultdict(set)
    sub: dict[tuple[str, str], set[str]] = defaultdict(set)
    for b in data.tabel["anggaran.csv"]:
        kegiatan[b["program"]].add(b["kegiatan"])
        sub[(b["program"], b["kegiatan"])].add(b["sub_kegiatan"])
    for t in data.tabel["iku_program.csv"]:
        if t["program"] not in program:
            continue  # named above
        if t["sub_kegiatan"] is not None and t["kegiatan"] is None:
            temuan.galat(Jenis.KOSONG, berkas, "sub kegiatan ditautkan tanpa kegiatannya", baris=t.nomor,
                         kolom=kolom("kegiatan"), ditemukan=kutip("kosong"),
                         diharapkan=f"nama kegiatan yang memuat sub kegiatan '{t['sub_kegiatan']}', "
                                    "persis seperti di anggaran.csv")
        elif t["kegiatan"] is not None and t["kegiatan"] not in kegiatan[t["program"]]:
            temuan.galat(Jenis.RUJUKAN_HILANG, berkas, "kegiatan tidak ada di anggaran.csv untuk program ini",
                         baris=t.nomor, kolom=kolom("kegiatan"), ditemukan=kutip(t["kegiatan"]),
                         diharapkan=f"nama kegiatan program '{t['program']}' persis seperti di anggaran.csv"
                                    + _mirip(t["kegiatan"], kegiatan[t["program"]]))
        elif t["sub_kegiatan"] is not None and t["sub_kegiatan"] not in sub[(t["program"], t["kegiatan"])]:
            temuan.galat(Jenis.RUJUKAN_HILANG, berkas, "sub kegiatan tidak ada di anggaran.csv untuk kegiatan ini",
                         baris=t.nomor, kolom=kolom("sub_kegiatan"), ditemukan=kutip(t["sub_kegiatan"]),
                         diharapkan=f"nama sub kegiatan dari kegiatan '{t['kegiatan']}' persis seperti di "
                                    "anggaran.csv" + _mirip(t["sub_kegiatan"], sub[(t["program"], t["kegiatan"])]))


def _periksa_tautan(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Warnings: parts of the plan that nothing links, so a figure or a text would be missing."""
    # A unit with territory spends through its kelurahan/desa; a dinas's sub units (UPT, bidang) are its own.
    kelurahan = {b["kelurahan"] for b in data.tabel["wilayah.csv"]}
    for b in data.tabel["anggaran.csv"] if data.berwilayah else ():
        if b["sub_unit"] and b["sub_unit"] not in kelurahan:
            temuan.peringatan(Jenis.RUJUKAN_HILANG, data.berkas("anggaran.csv"),
                              f"sub unit bukan {data.bagian_wilayah} di wilayah.csv",
                              baris=b.nomor, kolom=kolom("sub_unit"), ditemukan=kutip(b["sub_unit"]),
                              diharapkan="salah satu dari: " + ", ".join(sorted(kelurahan)))
    target_renstra = {(b["iku"], b["tahun"]) for b in data.tabel["renstra_target.csv"]}
    for b in data.tabel["perjanjian_kinerja.csv"]:
        if (b["iku"], data.tahun) not in target_renstra:
            temuan.peringatan(Jenis.RUJUKAN_HILANG, data.berkas("perjanjian_kinerja.csv"),
                              f"Renstra tidak memuat target tahun {data.tahun} untuk IKU ini",
                              baris=b.nomor, kolom=kolom("iku"), ditemukan=kutip(b["iku"]),
                              diharapkan=f"baris iku={b['iku']}, tahun={data.tahun} di renstra_target.csv")
    program_beranggaran = dict.fromkeys(b["program"] for b in data.tabel["anggaran.csv"])
    pk_program = {b["program"] for b in data.tabel["pk_anggaran.csv"]}
    for kode in program_beranggaran:
        if kode not in pk_program:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, data.berkas("pk_anggaran.csv"),
                              "program beranggaran tidak tercantum di PK", kolom=kolom("program"), ditemukan=kutip(kode),
                              diharapkan="satu baris per program di anggaran.csv")
    tertaut = {b["iku"] for b in data.tabel["iku_program.csv"]}
    for kode in data.iku_pk:
        if kode not in tertaut:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, data.berkas("iku_program.csv"),
                              "IKU tidak ditautkan ke program mana pun: alokasi dan serapan tidak dapat dihitung",
                              kolom=kolom("iku"), ditemukan=kutip(kode), diharapkan="minimal satu baris iku,program")
        if kode not in data.narasi_iku:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, data.folder / "narasi" / "iku" / f"{kode}.md",
                              "narasi BAB III untuk IKU ini belum ada",
                              diharapkan="berkas dengan bagian '## capaian' dan seterusnya")
        if kode not in data.analisis:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, data.folder / "analisis" / f"{kode}.yaml",
                              "analisis penyebab dan solusi untuk IKU ini belum ada")
    program_tertaut = {b["program"] for b in data.tabel["iku_program.csv"]}
    for b in data.tabel["program.csv"]:
        if b["kode"] not in program_tertaut:
            temuan.peringatan(Jenis.TIDAK_TERTAUT, data.berkas("program.csv"), "program tidak ditautkan ke IKU mana pun",
                              baris=b.nomor, kolom=kolom("kode"), ditemukan=kutip(b["kode"]))
