"""Checks across files: links that must exist (errors) and sources that disagree (warnings)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from .errors import DaftarTemuan, kolom, kunci, tampil
from .totals import jumlah_lengkap
from .formatting import nilai_indikator, rupiah

if TYPE_CHECKING:
    from .load import DataTahun


def _ganda(daftar, nama_daftar, berkas, temuan):
    terlihat = {}
    for i, item in enumerate(daftar):
        if item.kode in terlihat:
            temuan.galat(berkas.path, f"kode {nama_daftar} ganda", baris=berkas.baris((nama_daftar, i, "kode")),
                         kolom=kunci(f"{nama_daftar}[{i}].kode"), ditemukan=tampil(item.kode),
                         diharapkan=f"kode unik (sudah dipakai di {nama_daftar}[{terlihat[item.kode]}])")
        terlihat.setdefault(item.kode, i)


def periksa_rujukan(data: DataTahun, renstra_yaml, temuan: DaftarTemuan) -> None:
    """Every code used must be defined; target 0 and a missing realisasi of a PK IKU are errors."""
    r = data.renstra
    _ganda(r.tujuan, "tujuan", renstra_yaml, temuan)
    _ganda(r.sasaran, "sasaran", renstra_yaml, temuan)
    _ganda(r.iku, "iku", renstra_yaml, temuan)
    if not r.tahun_awal <= data.tahun <= r.tahun_akhir:
        temuan.galat(renstra_yaml.path, f"periode Renstra {r.periode} tidak mencakup tahun laporan {data.tahun}",
                     baris=renstra_yaml.baris(("tahun_akhir",)), kolom=kunci("tahun_akhir"), ditemukan=tampil(r.tahun_akhir),
                     diharapkan=f"Renstra yang berlaku pada {data.tahun}: isi tahun_awal, tahun_akhir, tujuan, sasaran, "
                                "IKU dan targetnya dari dokumen Renstra yang baru")
    tujuan = {t.kode for t in r.tujuan}
    sasaran = {s.kode for s in r.sasaran}
    iku = {i.kode for i in r.iku}
    for i, s in enumerate(r.sasaran):
        if s.tujuan not in tujuan:
            temuan.galat(renstra_yaml.path, "tujuan tidak ada", baris=renstra_yaml.baris(("sasaran", i, "tujuan")),
                         kolom=kunci(f"sasaran[{i}].tujuan"), ditemukan=tampil(s.tujuan),
                         diharapkan="kode tujuan yang ada: " + ", ".join(sorted(tujuan)))
    for i, k in enumerate(r.iku):
        if k.sasaran not in sasaran:
            temuan.galat(renstra_yaml.path, "sasaran tidak ada", baris=renstra_yaml.baris(("iku", i, "sasaran")),
                         kolom=kunci(f"iku[{i}].sasaran"), ditemukan=tampil(k.sasaran),
                         diharapkan="kode sasaran yang ada: " + ", ".join(sorted(sasaran)))

    program = {b["kode"] for b in data.tabel["program.csv"]}
    harapan_iku = "kode IKU dari renstra.yaml: " + ", ".join(sorted(iku))
    harapan_program = "kode program dari program.csv: " + ", ".join(sorted(program))

    def rujuk(nama_berkas, nama_kolom, boleh, harapan, apa):
        for b in data.tabel[nama_berkas]:
            if b[nama_kolom] is not None and b[nama_kolom] not in boleh:
                temuan.galat(data.berkas(nama_berkas), f"{apa} tidak ada", baris=b.nomor, kolom=kolom(nama_kolom),
                             ditemukan=tampil(b[nama_kolom]), diharapkan=harapan)

    rujuk("renstra_target.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("perjanjian_kinerja.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("iku_program.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("realisasi_iku.csv", "iku", iku, harapan_iku, "IKU")
    rujuk("iku_program.csv", "program", program, harapan_program, "program")
    rujuk("pk_anggaran.csv", "program", program, harapan_program, "program")
    rujuk("anggaran.csv", "program", program, harapan_program, "program")

    for b in data.tabel["renstra_target.csv"]:
        if not r.tahun_awal <= b["tahun"] <= r.tahun_akhir:
            temuan.galat(data.berkas("renstra_target.csv"), "tahun di luar periode Renstra", baris=b.nomor,
                         kolom=kolom("tahun"), ditemukan=tampil(b["tahun"]), diharapkan=f"tahun {r.periode}")
    for b in data.tabel["perjanjian_kinerja.csv"]:
        if b["target"] == 0:
            temuan.galat(data.berkas("perjanjian_kinerja.csv"), "target 0: capaian tidak dapat dihitung",
                         baris=b.nomor, kolom=kolom("target"), ditemukan=tampil("0"), diharapkan="target selain 0")
    for b in data.tabel["realisasi_iku.csv"]:
        if b["penyebut"] == 0:
            temuan.galat(data.berkas("realisasi_iku.csv"), "penyebut 0", baris=b.nomor, kolom=kolom("penyebut"),
                         ditemukan=tampil("0"), diharapkan="penyebut selain 0, atau kosong")
        if (b["pembilang"] is None) != (b["penyebut"] is None):
            temuan.galat(data.berkas("realisasi_iku.csv"), "pembilang dan penyebut harus diisi keduanya atau tidak sama sekali",
                         baris=b.nomor, kolom=kolom("pembilang" if b["pembilang"] is None else "penyebut"),
                         ditemukan=tampil("kosong"), diharapkan="bilangan")

    realisasi = {(b["iku"], b["tahun"]) for b in data.tabel["realisasi_iku.csv"]}
    for b in data.tabel["perjanjian_kinerja.csv"]:
        if b["iku"] in iku and (b["iku"], data.tahun) not in realisasi:
            temuan.galat(data.berkas("realisasi_iku.csv"), f"realisasi IKU '{b['iku']}' tahun {data.tahun} belum diisi",
                         kolom=kolom("realisasi"), ditemukan=tampil("tidak ada baris"),
                         diharapkan=f"satu baris iku={b['iku']}, tahun={data.tahun}")

    wilayah = {b["kelurahan"] for b in data.tabel["wilayah.csv"]}
    penduduk = {b["kelurahan"] for b in data.tabel["penduduk.csv"]}
    for b in data.tabel["penduduk.csv"]:
        if b["kelurahan"] not in wilayah:
            temuan.galat(data.berkas("penduduk.csv"), "kelurahan tidak ada di wilayah.csv", baris=b.nomor,
                         kolom=kolom("kelurahan"), ditemukan=tampil(b["kelurahan"]),
                         diharapkan="nama kelurahan yang sama persis dengan wilayah.csv")
    for b in data.tabel["wilayah.csv"]:
        if b["kelurahan"] not in penduduk:
            temuan.galat(data.berkas("wilayah.csv"), "kelurahan tidak ada di penduduk.csv", baris=b.nomor,
                         kolom=kolom("kelurahan"), ditemukan=tampil(b["kelurahan"]),
                         diharapkan="satu baris penduduk untuk setiap kelurahan")

    pk = set(data.iku_pk)
    tautan = defaultdict(set)
    for b in data.tabel["iku_program.csv"]:
        tautan[b["iku"]].add(b["program"])
    kegiatan_program = defaultdict(set)
    for b in data.tabel["anggaran.csv"]:
        kegiatan_program[b["program"]].add(b["kegiatan"])
    for kode, a in data.analisis.items():
        berkas = data.analisis_yaml[kode]
        if kode not in pk:
            temuan.galat(berkas.path, "IKU tidak ada di Perjanjian Kinerja tahun ini", baris=berkas.baris(("iku",)),
                         kolom=kunci("iku"), ditemukan=tampil(kode), diharapkan="IKU dari perjanjian_kinerja.csv: " + ", ".join(data.iku_pk))
            continue
        for p in a.analisis_program:
            if p not in tautan[kode]:
                temuan.galat(berkas.path, "program tidak ditautkan ke IKU ini di iku_program.csv",
                             baris=berkas.baris(("analisis_program", p)), kolom=kunci(f"analisis_program.{p}"),
                             ditemukan=tampil(p), diharapkan=", ".join(sorted(tautan[kode])) or "tautan di iku_program.csv")
        boleh = set().union(*(kegiatan_program[p] for p in tautan[kode])) if tautan[kode] else set()
        for k in a.analisis_kegiatan:
            if k not in boleh:
                temuan.galat(berkas.path, "kegiatan tidak ada di anggaran program IKU ini",
                             baris=berkas.baris(("analisis_kegiatan", k)), kolom=kunci(f"analisis_kegiatan.{k}"),
                             ditemukan=tampil(k), diharapkan="nama kegiatan persis seperti di anggaran.csv")
    for kode, bagian in data.narasi_iku.items():
        if kode not in pk:
            path = next(iter(bagian.values())).path if bagian else data.folder / "narasi" / "iku" / f"{kode}.md"
            temuan.galat(path, "narasi untuk IKU yang tidak ada di Perjanjian Kinerja tahun ini", baris=1,
                         ditemukan=tampil(kode), diharapkan="nama berkas = kode IKU: " + ", ".join(data.iku_pk))


def periksa_sumber(data: DataTahun, temuan: DaftarTemuan) -> None:
    """Warnings where the input sources disagree with each other; the run goes on."""
    dinyatakan = data.laporan.dinyatakan
    laporan_path = data.berkas("laporan.yaml")

    luas = jumlah_lengkap(b["luas_km2"] for b in data.tabel["wilayah.csv"])
    if None not in (dinyatakan.luas_km2, luas) and dinyatakan.luas_km2 != luas:
        temuan.peringatan(laporan_path, "luas wilayah yang dinyatakan tidak sama dengan jumlah luas kelurahan",
                          kolom=kunci("dinyatakan.luas_km2"), ditemukan=nilai_indikator(dinyatakan.luas_km2) + " km²",
                          diharapkan=f"{nilai_indikator(luas)} km² (jumlah wilayah.csv); laporan memakai jumlahnya")
    for nama, kol in (("penduduk_laki_laki", "laki_laki"), ("penduduk_perempuan", "perempuan")):
        tertulis = getattr(dinyatakan, nama)
        jumlah = jumlah_lengkap(b[kol] for b in data.tabel["penduduk.csv"])
        if None not in (tertulis, jumlah) and tertulis != jumlah:
            temuan.peringatan(laporan_path, "jumlah penduduk yang dinyatakan tidak sama dengan jumlah per kelurahan",
                              kolom=kunci(f"dinyatakan.{nama}"), ditemukan=rupiah(tertulis), diharapkan=rupiah(jumlah))
    if dinyatakan.penduduk_jumlah is not None:
        jumlah = jumlah_lengkap(b[k] for b in data.tabel["penduduk.csv"] for k in ("laki_laki", "perempuan"))
        if jumlah is not None and dinyatakan.penduduk_jumlah != jumlah:
            temuan.peringatan(laporan_path, "jumlah penduduk yang dinyatakan tidak sama dengan jumlah per kelurahan",
                              kolom=kunci("dinyatakan.penduduk_jumlah"), ditemukan=rupiah(dinyatakan.penduduk_jumlah),
                              diharapkan=rupiah(jumlah))

    anggaran = data.tabel["anggaran.csv"]
    for nama, kol in (("pagu", "pagu"), ("realisasi_anggaran", "realisasi")):
        tertulis = getattr(dinyatakan, nama)
        jumlah = jumlah_lengkap(b[kol] for b in anggaran)
        if None not in (tertulis, jumlah) and tertulis != jumlah:
            temuan.peringatan(laporan_path, "total anggaran yang dinyatakan tidak sama dengan jumlah sub kegiatan",
                              kolom=kunci(f"dinyatakan.{nama}"), ditemukan=rupiah(tertulis), diharapkan=rupiah(jumlah))
    for b in anggaran:
        if None not in (b["realisasi"], b["pagu"]) and b["realisasi"] > b["pagu"]:
            temuan.peringatan(data.berkas("anggaran.csv"), "realisasi melebihi pagu", baris=b.nomor,
                              kolom=kolom("realisasi"), ditemukan=rupiah(b["realisasi"]),
                              diharapkan=f"paling banyak pagu {rupiah(b['pagu'])}")

    kelurahan = {b["kelurahan"] for b in data.tabel["wilayah.csv"]}
    for b in anggaran:
        if b["sub_unit"] and b["sub_unit"] not in kelurahan:
            temuan.peringatan(data.berkas("anggaran.csv"), "sub unit bukan kelurahan di wilayah.csv", baris=b.nomor,
                              kolom=kolom("sub_unit"), ditemukan=tampil(b["sub_unit"]),
                              diharapkan="salah satu dari: " + ", ".join(sorted(kelurahan)))

    target_renstra = {(b["iku"], b["tahun"]): b for b in data.tabel["renstra_target.csv"]}
    for b in data.tabel["perjanjian_kinerja.csv"]:
        rb = target_renstra.get((b["iku"], data.tahun))
        if rb is None:
            temuan.peringatan(data.berkas("perjanjian_kinerja.csv"), f"Renstra tidak memuat target tahun {data.tahun} untuk IKU ini",
                              baris=b.nomor, kolom=kolom("iku"), ditemukan=tampil(b["iku"]),
                              diharapkan=f"baris iku={b['iku']}, tahun={data.tahun} di renstra_target.csv")
        elif None not in (rb["target"], b["target"]) and rb["target"] != b["target"]:
            temuan.peringatan(data.berkas("perjanjian_kinerja.csv"), "target PK berbeda dengan target Renstra tahun yang sama",
                              baris=b.nomor, kolom=kolom("target"), ditemukan=nilai_indikator(b["target"]),
                              diharapkan=f"{nilai_indikator(rb['target'])} (renstra_target.csv baris {rb.nomor})")

    jumlah_program = {kode: jumlah_lengkap(b["pagu"] for b in anggaran if b["program"] == kode)
                      for kode in dict.fromkeys(b["program"] for b in anggaran)}
    pk_program = {b["program"]: b for b in data.tabel["pk_anggaran.csv"]}
    for kode, b in pk_program.items():
        if b["anggaran"] is None or (kode in jumlah_program and jumlah_program[kode] is None):
            continue  # a draft: compared once both are filled in
        if b["anggaran"] != (jumlah_program.get(kode) or 0):
            temuan.peringatan(data.berkas("pk_anggaran.csv"), "anggaran program di PK berbeda dengan jumlah pagu sub kegiatannya",
                              baris=b.nomor, kolom=kolom("anggaran"), ditemukan=rupiah(b["anggaran"]),
                              diharapkan=f"{rupiah(jumlah_program.get(kode, 0))} (jumlah anggaran.csv)")
    for kode in jumlah_program:
        if kode not in pk_program:
            temuan.peringatan(data.berkas("pk_anggaran.csv"), "program beranggaran tidak tercantum di PK",
                              kolom=kolom("program"), ditemukan=tampil(kode), diharapkan="satu baris per program di anggaran.csv")

    for b in data.tabel["realisasi_iku.csv"]:
        if b["pembilang"] is not None and b["penyebut"] and b["realisasi"] is not None:
            hitung = b["pembilang"] / b["penyebut"] * 100
            if abs(hitung - b["realisasi"]) >= Decimal("0.005"):
                temuan.peringatan(data.berkas("realisasi_iku.csv"), "realisasi tidak sama dengan pembilang / penyebut x 100",
                                  baris=b.nomor, kolom=kolom("realisasi"), ditemukan=nilai_indikator(b["realisasi"]),
                                  diharapkan=nilai_indikator(hitung))

    tertaut = {b["iku"] for b in data.tabel["iku_program.csv"]}
    for kode in data.iku_pk:
        if kode not in tertaut:
            temuan.peringatan(data.berkas("iku_program.csv"), "IKU tidak ditautkan ke program mana pun: alokasi dan serapan tidak dapat dihitung",
                              kolom=kolom("iku"), ditemukan=tampil(kode), diharapkan="minimal satu baris iku,program")
        if kode not in data.narasi_iku:
            temuan.peringatan(data.folder / "narasi" / "iku" / f"{kode}.md", "narasi BAB III untuk IKU ini belum ada",
                              diharapkan="berkas dengan bagian '## capaian' dan seterusnya")
        if kode not in data.analisis:
            temuan.peringatan(data.folder / "analisis" / f"{kode}.yaml", "analisis penyebab dan solusi untuk IKU ini belum ada")
    program_tertaut = {b["program"] for b in data.tabel["iku_program.csv"]}
    for b in data.tabel["program.csv"]:
        if b["kode"] not in program_tertaut:
            temuan.peringatan(data.berkas("program.csv"), "program tidak ditautkan ke IKU mana pun", baris=b.nomor,
                              kolom=kolom("kode"), ditemukan=tampil(b["kode"]))
