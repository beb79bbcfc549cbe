"""Claims typed by hand in the prose, checked against the figures they sit next to (warnings only).

The prose cites figures by placeholders, but the words around them ("mengalami penurunan",
"belum tercapai", "kurang dari {{ efisiensi.batas }}") are typed and do not follow the data.
This heuristic splits the prose into sentences, decides which IKU a sentence is about (the IKU
whose placeholders it holds, else the IKU of its section: narasi/iku/<kode>.md, analisis/<kode>.yaml),
and warns where a claim contradicts that IKU's computed figures:

- a direction against last year (naik/turun/tetap on the value; membaik/memburuk on performance);
- a status against the target (tercapai, belum tercapai, melampaui target, di bawah target, ...),
  against the Renstra end target in a sentence about it;
- a comparison with a number or a placeholder ("kurang dari {{ efisiensi.batas }}", "di atas 90%");
- efficiency words (efisien, belum efisien) against the computed efisiensi;
- a number typed by hand that is a computed figure (the placeholder to use instead).

It is tuned to be precise rather than broad: a claim is only read in the shapes listed here, and
wishes, conditions and definitions ("agar meningkat", "jika ... kurang dari 1") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..dasar.temuan import DaftarTemuan, Jenis, kutip
from ..hitung import rumus
from ..masukan.baca import jalur_teks
from ..masukan.tahun import DataTahun
from . import syarat
from .nilai import ANGKA, CACAH, DESIMAL, PERSEN, RASIO, RUPIAH, Nilai
from .prosa import POLA
from .tampilan import BIASA

_DUA = Decimal("0.01")
_NAIK, _TURUN, _TETAP = "naik", "turun", "tetap"

# Abbreviations after which a full stop does not end a sentence.
_SINGKATAN = {"no", "nomor", "dll", "dsb", "dst", "dkk", "rp", "kab", "kec", "kel", "jl", "jln", "dr", "drs", "ir",
              "prof", "h", "hj", "st", "sdr", "bpk", "yth", "tsb", "hlm", "tgl", "thn", "kep", "sk", "a.n", "u.p",
              "s.d", "pp", "ps", "psl", "vol", "perda", "perwali", "permen", "pemkot", "pemkab", "m", "s"}
# Words that make the following claim a wish, plan or condition rather than a statement.
_HARAPAN = re.compile(r"\b(?:agar|supaya|untuk|guna|diharapkan|harapan|harus|perlu|akan|dapat|bisa|mampu|terus|"
                      r"upaya|ingin|rencana|direncanakan|ditargetkan|jika|bila|apabila|seandainya|kalau|semoga|"
                      r"demi|mengupayakan|berusaha)\W+(?:\w+\W+){0,2}$", re.I)
_SYARAT = re.compile(r"^\W*(?:jika|bila|apabila|seandainya|kalau|dalam hal)\b", re.I)
_NEGASI = re.compile(r"\b(?:tidak|tak|belum|bukan)\s+(?:mengalami\s+|terjadi\s+|ada\s+)?$", re.I)

# --- direction against last year -------------------------------------------------------------------
_ARAH = [  # (pattern, claimed direction, follows polarity)
    (r"(?:naik|meningkat|bertambah)", _NAIK, False),
    (r"(?:turun|menurun|berkurang|merosot)", _TURUN, False),
    (r"(?:mengalami|terjadi|terdapat|menunjukkan|adanya|ada)\s+(?:kenaikan|peningkatan|pertambahan)", _NAIK, False),
    (r"(?:mengalami|terjadi|terdapat|menunjukkan|adanya|ada)\s+(?:penurunan|pengurangan)", _TURUN, False),
    (r"(?:naiknya|meningkatnya|bertambahnya|kenaikan\s+(?:nilai|realisasi|angka|skor|jumlah)|"
     r"peningkatan\s+(?:nilai|realisasi|angka|skor|jumlah))", _NAIK, False),
    (r"(?:turunnya|menurunnya|berkurangnya|penurunan\s+(?:nilai|realisasi|angka|skor|jumlah))", _TURUN, False),
    (r"lebih\s+(?:tinggi|besar|banyak)\s+(?:dari(?:pada)?|dibanding(?:kan)?)\s+(?:dengan\s+)?(?:realisasi\s+)?"
     r"(?:tahun|\{\{x+\}\})", _NAIK, False),
    (r"lebih\s+(?:rendah|kecil|sedikit)\s+(?:dari(?:pada)?|dibanding(?:kan)?)\s+(?:dengan\s+)?(?:realisasi\s+)?"
     r"(?:tahun|\{\{x+\}\})", _TURUN, False),
    (r"(?:membaik|mengalami\s+perbaikan|lebih\s+baik)", _NAIK, True),
    (r"(?:memburuk|mengalami\s+kemunduran|lebih\s+buruk)", _TURUN, True),
    (r"(?:tidak\s+(?:mengalami\s+perubahan|berubah)|tetap\s+sama|sama\s+dengan\s+tahun\s+(?:lalu|sebelumnya)|"
     r"stagnan)", _TETAP, False),
]
_ARAH_RE = [(re.compile(rf"\b{p}\b", re.I), arah, kutub) for p, arah, kutub in _ARAH]
_TAHUN_LALU = re.compile(r"tahun\s+(?:lalu|sebelumnya)|dibanding|menjadi|\bdari\s+tahun", re.I)
_SUBJEK_ARAH = re.compile(r"\b(kinerja|capaian|realisasi|nilai|jumlah|indeks|angka|skor|persentase)\b", re.I)

# --- status against the target ----------------------------------------------------------------------
_BELUM, _LEWAT, _CAPAI = "belum", "lewat", "capai"
_STATUS = [  # (pattern, claimed status, about the number's position rather than the achievement)
    (r"(?:belum|tidak|tak)\s+(?:ter|di)?capai|(?:belum|tidak|gagal)\s+(?:mencapai|memenuhi)\s+(?:\w+\s+)?target",
     _BELUM, False),
    (r"di\s+bawah\s+target|(?:lebih\s+(?:kecil|rendah)|kurang)\s+dari(?:pada)?\s+target|"
     r"terlalu\s+(?:kecil|rendah)\s+dibanding(?:kan)?\s+(?:dengan\s+)?target", _BELUM, True),
    (r"(?:melampaui|melebihi)\s+target", _LEWAT, False),
    (r"di\s+atas\s+target|lebih\s+(?:besar|tinggi)\s+dari(?:pada)?\s+target|"
     r"terlalu\s+(?:besar|tinggi)\s+dibanding(?:kan)?\s+(?:dengan\s+)?target", _LEWAT, True),
    (r"tercapai(?!\s+(?:sebesar|senilai|sejumlah|sebanyak|angka|nilai|skor))|"
     r"(?:mencapai|memenuhi)\s+target", _CAPAI, False),
]
_STATUS_RE = [(re.compile(rf"\b(?:{p})\b", re.I), s, letak) for p, s, letak in _STATUS]
_RENSTRA = re.compile(r"target\s+akhir|renstra", re.I)

# --- comparisons with a number or a placeholder -----------------------------------------------------
_OP = [
    (r"tidak\s+lebih\s+(?:besar\s+|tinggi\s+)?dari(?:pada)?|tidak\s+melebihi|tidak\s+melampaui", "<="),
    (r"tidak\s+kurang\s+dari(?:pada)?|tidak\s+(?:lebih\s+)?(?:kecil|rendah)\s+dari(?:pada)?", ">="),
    (r"lebih\s+(?:besar\s+|tinggi\s+)?dari(?:pada)?|di\s+atas|melebihi|melampaui", ">"),
    (r"kurang\s+dari(?:pada)?|lebih\s+(?:kecil|rendah)\s+dari(?:pada)?|di\s+bawah", "<"),
]
_ANGKA = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PEMBANDING = re.compile(
    r"\b(?P<op>" + "|".join(f"(?:{p})" for p, _ in _OP) + r")"
    r"(?:\s+(?:batas|angka|nilai|skor|standar|sebesar|yaitu|target))*\s*"
    r"(?:(?P<penanda>\{\{x+\}\})|(?P<angka>" + _ANGKA + r")(?![\d\w])|"
    r"(?P<nasional>(?:angka|rata-rata|realisasi|capaian|nilai)\s+(?:rata-rata\s+)?nasional))", re.I)
_OP_RE = [(re.compile(rf"^(?:{p})$", re.I), op) for p, op in _OP]
_KATA_OP = {">": "lebih dari", "<": "kurang dari", ">=": "tidak kurang dari", "<=": "tidak lebih dari"}
_SUBJEK = re.compile(r"\b(?P<serapan>serapan|penyerapan\s+anggaran|realisasi\s+anggaran|capaian\s+anggaran|"
                     r"capaian\s+realisasi\s+anggaran)|(?P<tingkat_kemajuan>tingkat\s+kemajuan)|"
                     r"(?P<efisiensi>efisiensi)|(?P<capaian>capaian)|(?P<alokasi>alokasi)|(?P<realisasi>realisasi)\b",
                     re.I)

# --- efficiency words -------------------------------------------------------------------------------
_EFISIEN = re.compile(r"\b(?P<neg>(?:tidak|belum|kurang|tak)\s+)?efisien\b", re.I)

# --- numbers typed by hand --------------------------------------------------------------------------
_ANGKA_KETIK = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![\w]|[.,]\d)")
_JENIS_ANGKA = (ANGKA, PERSEN, RASIO, RUPIAH, DESIMAL, CACAH)

_AKHIR = re.compile(r"[.!?](?=\s|$)")
_AWAL_BUTIR = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#+)\s+")
_KLAUSA = re.compile(r";|:|,\s|\b(?:sedangkan|namun|tetapi|akan tetapi|adapun|artinya|hal ini|karena|sebab|"
                     r"sehingga|dikarenakan)\b", re.I)


@dataclass(frozen=True)
class _Teks:
    teks: str
    path: object
    baris_awal: int
    kunci: str | None
    iku: str | None      # the IKU the text is about (its section or analysis file)
    bagian: str | None   # the part of an IKU's prose (capaian, tahun_lalu, renstra, ...)


@dataclass(frozen=True)
class _Kalimat:
    mulai: int      # offset of the sentence in the text
    asli: str       # the sentence as written
    tersamar: str   # the same, each placeholder replaced by {{xxx}} of the same length
    penanda: tuple[tuple[int, int, str], ...]  # (start, end, name) within the sentence


def periksa(data: DataTahun, nilai: dict[str, Nilai], temuan: DaftarTemuan) -> None:
    """Warn about every hand-typed claim in the year's prose that its figures contradict."""
    iku = {n.split(".")[1] for n in nilai if n.startswith("iku.") and n.endswith(".realisasi")}
    polaritas = {i.kode: i.polaritas for i in data.renstra.iku}
    metode = data.pengaturan.metode.efisiensi
    cek = _Pemeriksa(nilai, iku, polaritas, metode, temuan)
    for teks in _semua_teks(data):
        cek.teks(teks)


def periksa_teks(teks: str, path, data: DataTahun, nilai: dict[str, Nilai], temuan: DaftarTemuan,
                 iku: str | None = None, bagian: str | None = None, baris_awal: int = 1) -> None:
    """Check one prose text, as if it were the part `bagian` of the IKU `iku`'s prose."""
    kode = {n.split(".")[1] for n in nilai if n.startswith("iku.") and n.endswith(".realisasi")}
    cek = _Pemeriksa(nilai, kode, {i.kode: i.polaritas for i in data.renstra.iku}, data.pengaturan.metode.efisiensi,
                     temuan)
    cek.teks(_Teks(teks, path, baris_awal, None, iku, bagian))


def _semua_teks(data: DataTahun):
    for n in data.narasi.values():
        yield _Teks(n.teks, n.path, n.baris_awal, None, None, None)
    for kode, bagian in data.narasi_iku.items():
        for nama, n in bagian.items():
            yield _Teks(n.teks, n.path, n.baris_awal, None, kode, nama)
    for kode, berkas in data.analisis_yaml.items():
        for loc, teks in _teks_yaml(berkas.data):
            if loc and loc[0] == "iku":
                continue
            yield _Teks(teks, berkas.path, berkas.baris(loc) or 1, jalur_teks(loc), kode, "analisis")


def _teks_yaml(data, awal=()):
    if isinstance(data, str):
        yield awal, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _teks_yaml(v, awal + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _teks_yaml(v, awal + (i,))


def samarkan(teks: str) -> str:
    """The text with each placeholder replaced by {{xxx}} of the same length (offsets kept)."""
    return POLA.sub(lambda m: "{{" + "x" * (len(m.group(0)) - 4) + "}}", teks)


def kalimat(teks: str) -> list[_Kalimat]:
    """Split a prose text into sentences: a blank line, a heading or a list item starts a new block,
    and a block ends a sentence at '.', '!' or '?' followed by a space, except after an
    abbreviation (No., dll., Rp.) or a single letter. Decimals (80,25) and thousands (1.234) have no space."""
    samar = samarkan(teks)
    hasil = []
    posisi = 0
    blok: list[tuple[int, int]] = []
    mulai = None
    for baris in samar.splitlines(keepends=True):
        isi = baris.strip()
        akhir = posisi + len(baris.rstrip("\r\n"))
        if not isi or _AWAL_BUTIR.match(baris) or isi.startswith(("<!--", ":::", "```", "|")):
            if mulai is not None:
                blok.append((mulai, posisi))
            mulai = None
            if isi:
                m = _AWAL_BUTIR.match(baris)
                blok.append((posisi + (m.end() if m else 0), akhir))
        elif mulai is None:
            mulai = posisi
        posisi += len(baris)
    if mulai is not None:
        blok.append((mulai, len(samar)))
    for a, b in blok:
        awal = a
        for m in _AKHIR.finditer(samar, a, b):
            kata = re.search(r"([\w.]+)$", samar[awal:m.start()])
            if m.group(0) == "." and kata and (kata.group(1).lower().rstrip(".") in _SINGKATAN
                                               or len(kata.group(1)) == 1):
                continue
            hasil.append(_potong(teks, samar, awal, m.end()))
            awal = m.end()
        if samar[awal:b].strip():
            hasil.append(_potong(teks, samar, awal, b))
    return [k for k in hasil if k.asli.strip()]


def _potong(teks: str, samar: str, a: int, b: int) -> _Kalimat:
    while a < b and samar[a].isspace():
        a += 1
    while b > a and samar[b - 1].isspace():
        b -= 1
    asli = teks[a:b]
    return _Kalimat(a, asli, samar[a:b], tuple((m.start(), m.end(), m.group(1)) for m in POLA.finditer(asli)))


def _bulat(v) -> Decimal | None:
    try:
        return Decimal(v).quantize(_DUA, rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _angka(teks: str) -> Decimal:
    return Decimal(teks.replace(".", "").replace(",", "."))


class _Pemeriksa:
    def __init__(self, nilai, iku, polaritas, metode, temuan):
        self.nilai, self.iku, self.polaritas, self.metode, self.temuan = nilai, iku, polaritas, metode, temuan
        self.tampil: dict[str, list[str]] = {}
        for nama, n in nilai.items():
            if n.jenis in _JENIS_ANGKA and n.mentah is not None:
                self.tampil.setdefault(n.teks(BIASA), []).append(nama)

    def v(self, kode, kunci):
        n = self.nilai.get(f"iku.{kode}.{kunci}")
        return None if n is None else n.mentah

    def teks_nilai(self, nama):
        return self.nilai[nama].teks(BIASA)

    # --- the IKU a sentence is about
    def iku_kalimat(self, k: _Kalimat, t: _Teks, posisi: int) -> str | None:
        kode = [(abs(s - posisi), nama.split(".")[1]) for s, _, nama in k.penanda
                if nama.startswith("iku.") and nama.split(".")[1] in self.iku]
        if kode:
            if len({c for _, c in kode}) > 1:
                return min(kode)[1]
            return kode[0][1]
        return t.iku if t.iku in self.iku else None

    def teks(self, t: _Teks) -> None:
        # the text as the report prints it: the branches of conditional text its figures do not choose
        # are blanked (same lines and columns), so a sentence written for other figures is not a claim
        t = replace(t, teks=syarat.kosongkan_tersembunyi(t.teks, self.nilai))
        for k in kalimat(t.teks):
            if _SYARAT.match(k.tersamar):
                continue
            tercatat: list[tuple[int, int]] = []
            self._banding(k, t, tercatat)
            self._status(k, t, tercatat)
            self._arah(k, t)
            self._efisien(k, t, tercatat)
            self._angka_ketik(k, t)

    def _lapor(self, t: _Teks, k: _Kalimat, a: int, b: int, pesan: str, diharapkan: str) -> None:
        posisi = k.mulai + a
        baris = t.baris_awal + t.teks.count("\n", 0, posisi)
        kolom = f"kunci '{t.kunci}'" if t.kunci else f"kolom {posisi - (t.teks.rfind(chr(10), 0, posisi) + 1) + 1}"
        potongan = " ".join(k.asli[max(0, a - 20):b + 15].split())
        if a > 20:
            potongan = "..." + potongan
        self.temuan.peringatan(Jenis.KLAIM, t.path, pesan, baris=baris, kolom=kolom, ditemukan=kutip(potongan),
                               diharapkan=diharapkan)

    @staticmethod
    def _harapan(k: _Kalimat, a: int) -> bool:
        return bool(_HARAPAN.search(k.tersamar[:a]))

    # --- comparisons
    def _banding(self, k: _Kalimat, t: _Teks, tercatat) -> None:
        for m in _PEMBANDING.finditer(k.tersamar):
            if self._harapan(k, m.start()):
                continue
            op = next(o for r, o in _OP_RE if r.match(" ".join(m.group("op").split())))
            kode = self.iku_kalimat(k, t, m.start())
            klausa_awal = max([0] + [x.end() for x in _KLAUSA.finditer(k.tersamar, 0, m.start())])
            if m.group("penanda"):
                nama_kanan = next(n for s, _, n in k.penanda if s == m.start("penanda"))
                n = self.nilai.get(nama_kanan)
                if n is None or n.jenis not in _JENIS_ANGKA:
                    continue
                kanan, kanan_teks = n.mentah, n.teks(BIASA)
            elif m.group("angka"):
                kanan_teks = m.group("angka")
                kanan = _angka(kanan_teks)
                nama_kanan = None
            else:
                if kode is None:
                    continue
                kanan = self.v(kode, "realisasi_nasional")
                nama_kanan = f"iku.{kode}.realisasi_nasional"
                kanan_teks = self.teks_nilai(nama_kanan)
            subjek = None
            if nama_kanan == "efisiensi.batas":
                subjek = None if kode is None else f"iku.{kode}.efisiensi"
            elif m.group("nasional"):
                subjek = f"iku.{kode}.realisasi"
            else:
                kata = list(_SUBJEK.finditer(k.tersamar, klausa_awal, m.start()))
                if kata and kode is not None:
                    subjek = f"iku.{kode}.{kata[-1].lastgroup}"
                else:
                    dekat = [n for s, e, n in k.penanda if klausa_awal <= s and e <= m.start()
                             and n.startswith("iku.") and self.nilai[n].jenis in _JENIS_ANGKA]
                    subjek = dekat[-1] if dekat else None
            if subjek is None or subjek == nama_kanan or subjek not in self.nilai:
                continue
            kiri, b = _bulat(self.nilai[subjek].mentah), _bulat(kanan)
            if kiri is None or b is None:
                continue
            benar = {">": kiri > b, "<": kiri < b, ">=": kiri >= b, "<=": kiri <= b}[op]
            if not benar and not (kiri == b and op in (">", "<")):
                tercatat.append((m.start(), m.end()))
                self._lapor(t, k, m.start(), m.end(), "perbandingan di narasi bertentangan dengan nilai terhitung",
                            f"{{{{ {subjek} }}}} = {self.teks_nilai(subjek)}, bukan {_KATA_OP[op]} {kanan_teks}")
            else:
                tercatat.append((m.start(), m.end()))

    # --- status against the target
    def _status(self, k: _Kalimat, t: _Teks, tercatat) -> None:
        for pola, status, letak in _STATUS_RE:
            for m in pola.finditer(k.tersamar):
                if any(a < m.end() and m.start() < b for a, b in tercatat) or self._harapan(k, m.start()):
                    continue
                if re.search(r"efisiensi\s+$", k.tersamar[:m.start()], re.I):
                    continue
                tercatat.append((m.start(), m.end()))
                kode = self.iku_kalimat(k, t, m.start())
                if kode is None:
                    continue
                renstra = (t.bagian == "renstra" or _RENSTRA.search(k.tersamar)
                           or any(n in (f"iku.{kode}.target_akhir_renstra", f"iku.{kode}.tingkat_kemajuan")
                                  for _, _, n in k.penanda))
                kunci_target = "target_akhir_renstra" if renstra else "target"
                r, tg = self.v(kode, "realisasi"), self.v(kode, kunci_target)
                if r is None or tg is None:
                    continue
                # "di bawah target" is about the number; "tercapai" about the achievement (polarity)
                selisih = (r - tg) if letak or self.polaritas.get(kode) != "negatif" else (tg - r)
                fakta = _LEWAT if selisih > 0 else (_CAPAI if selisih == 0 else _BELUM)
                salah = ((status == _BELUM and fakta != _BELUM) or (status == _CAPAI and fakta == _BELUM)
                         or (status == _LEWAT and fakta != _LEWAT))
                if salah:
                    nama_t = "target akhir Renstra" if renstra else "target"
                    kata = {_LEWAT: "melampaui", _CAPAI: "tepat mencapai", _BELUM: "belum mencapai"}[fakta]
                    if letak:
                        kata = {_LEWAT: "di atas", _CAPAI: "sama dengan", _BELUM: "di bawah"}[fakta]
                    harap = (f"realisasi {self.teks_nilai(f'iku.{kode}.realisasi')} {kata} {nama_t} "
                             f"{self.teks_nilai(f'iku.{kode}.{kunci_target}')}")
                    if not renstra:
                        harap += f" (capaian {self.teks_nilai(f'iku.{kode}.capaian')}%)"
                    self._lapor(t, k, m.start(), m.end(), "status capaian di narasi bertentangan dengan nilai terhitung",
                                harap)

    # --- direction against last year
    def _arah(self, k: _Kalimat, t: _Teks) -> None:
        konteks = t.bagian == "tahun_lalu" or _TAHUN_LALU.search(k.tersamar) or any(
            n == "tahun_lalu" or n.endswith(".realisasi_tahun_lalu") for _, _, n in k.penanda)
        if not konteks:
            return
        dipakai: list[tuple[int, int]] = []
        semua = sorted(((m, klaim, kutub) for pola, klaim, kutub in _ARAH_RE for m in pola.finditer(k.tersamar)),
                       key=lambda x: x[0].start())
        for m, klaim, kutub in semua:
            if any(a < m.end() and m.start() < b for a, b in dipakai) or self._harapan(k, m.start()):
                continue
            dipakai.append((m.start(), m.end()))
            kode = self.iku_kalimat(k, t, m.start())
            if kode is None:
                continue
            klausa_awal = max([0] + [x.end() for x in _KLAUSA.finditer(k.tersamar, 0, m.start())])
            subjek = list(_SUBJEK_ARAH.finditer(k.tersamar, klausa_awal, m.start()))
            kata_subjek = subjek[-1].group(1).lower() if subjek else None
            if kata_subjek == "capaian":
                continue  # last year's capaian is not computed
            ikut_kutub = kutub or kata_subjek == "kinerja"
            r, lalu = self.v(kode, "realisasi"), self.v(kode, "realisasi_tahun_lalu")
            if r is None or lalu is None:
                continue
            # the same judgement as hitung's: in the IKU's direction, or of the number itself
            fakta = rumus.arah(r, lalu, self.polaritas.get(kode, "positif") if ikut_kutub else "positif")
            negasi = bool(_NEGASI.search(k.tersamar[:m.start()]))
            salah = (fakta == klaim) if negasi else (fakta != klaim)
            if fakta is None or not salah:
                continue
            kata = {_NAIK: "naik", _TURUN: "turun", _TETAP: "tetap"}[fakta]
            if ikut_kutub and self.polaritas.get(kode) == "negatif":
                kata = {_NAIK: "membaik", _TURUN: "memburuk", _TETAP: "tetap"}[fakta] + " (polaritas negatif)"
            self._lapor(t, k, m.start(), m.end(), "arah perubahan dari tahun lalu di narasi bertentangan dengan "
                        "nilai terhitung",
                        f"realisasi {kata}: {self.teks_nilai(f'iku.{kode}.realisasi_tahun_lalu')} menjadi "
                        f"{self.teks_nilai(f'iku.{kode}.realisasi')}; pakai "
                        f"{{{{ iku.{kode}.{'arah_kinerja' if ikut_kutub else 'arah'} }}}} atau teks bersyarat")

    # --- efficiency words
    def _efisien(self, k: _Kalimat, t: _Teks, tercatat) -> None:
        for m in _EFISIEN.finditer(k.tersamar):
            if self._harapan(k, m.start()) or re.search(r"\b(?:lebih|makin|semakin|paling)\s+$",
                                                        k.tersamar[:m.start()], re.I):
                continue
            kode = self.iku_kalimat(k, t, m.start())
            e = self.v(kode, "efisiensi") if kode else None
            batas = self.nilai.get("efisiensi.batas")
            if e is None or batas is None:
                continue
            e, b = _bulat(e), _bulat(batas.mentah)
            efisien = e <= b if self.metode == "serapan-per-capaian" else e >= b
            if efisien == (not m.group("neg")):
                continue
            self._lapor(t, k, m.start(), m.end(), "penilaian efisiensi di narasi bertentangan dengan nilai terhitung",
                        f"efisiensi {self.teks_nilai(f'iku.{kode}.efisiensi')} dengan batas "
                        f"{self.teks_nilai('efisiensi.batas')}: {'efisien' if efisien else 'belum efisien'}")

    # --- numbers typed by hand
    def _angka_ketik(self, k: _Kalimat, t: _Teks) -> None:
        for m in _ANGKA_KETIK.finditer(k.tersamar):
            nama = self.tampil.get(m.group(1))
            if not nama:
                continue
            kode = self.iku_kalimat(k, t, m.start())
            nama = sorted(nama, key=lambda n: (not (kode and n.startswith(f"iku.{kode}.")), n))[:3]
            self._lapor(t, k, m.start(), m.end(), "angka diketik langsung sama dengan nilai terhitung",
                        "penanda " + " atau ".join(f"{{{{ {n} }}}}" for n in nama))
