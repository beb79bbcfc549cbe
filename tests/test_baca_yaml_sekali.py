"""A YAML file is read once (baca._urai_yaml): its events, checked for anchors, aliases and tags, are
those its composer takes, and its data are built from the node tree. The outcome is the one of the
three readings it replaces (events, then compose, then load): the same data, the same node tree at
the same places (which the messages quote), the same feature refused at the same place, the same
error for a text with a fault."""

from __future__ import annotations

import yaml
from bantu import AKAR_PROYEK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_calc.masukan.baca import _fitur_terlarang, _Pemuat, _peristiwa_berjalur, _urai_yaml

BERKAS_YAML = sorted([*(AKAR_PROYEK / "data").rglob("*.yaml"), *(AKAR_PROYEK / "tests" / "data").rglob("*.yaml")])


def _tiga_bacaan(teks: str):
    """The reading before: the events checked, then the tree composed, then the data loaded."""
    for peristiwa, loc in _peristiwa_berjalur(yaml.parse(teks, Loader=_Pemuat)):
        tolak = _fitur_terlarang(peristiwa)
        if tolak is not None:
            return (peristiwa, loc, tolak), None, None
    return None, yaml.compose(teks, Loader=_Pemuat), yaml.load(teks, Loader=_Pemuat)  # noqa: S506


def _pohon(node):
    """A node tree as plain values: kind, tag, style, value or children, and where each starts and ends."""
    if node is None:
        return None
    tempat = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("skalar", node.tag, node.value, node.style, tempat)
    if isinstance(node, yaml.SequenceNode):
        return ("daftar", node.tag, node.flow_style, [_pohon(n) for n in node.value], tempat)
    return ("pemetaan", node.tag, node.flow_style, [(_pohon(k), _pohon(v)) for k, v in node.value], tempat)


def _hasil(fungsi, teks: str):
    """What a reading makes of the text, as plain values, or the error it raises (kind and message)."""
    try:
        terlarang, node, data = fungsi(teks)
    except RecursionError:
        return "RecursionError"
    except yaml.YAMLError as e:
        return type(e).__name__, str(e)
    if terlarang is not None:
        peristiwa, loc, tolak = terlarang
        terlarang = (type(peristiwa).__name__, peristiwa.start_mark.line, peristiwa.start_mark.column, loc, tolak)
    return terlarang, _pohon(node), repr(data)


def _sama(teks: str):
    hasil = _hasil(_urai_yaml, teks)
    assert hasil == _hasil(_tiga_bacaan, teks)
    return hasil


def test_berkas_data_sama_dibaca_sekali(monkeypatch):
    """Every YAML file of the example units and the test units: the same outcome, from one reading
    (one loader, where there were three)."""
    assert len(BERKAS_YAML) >= 20
    teks_teks = [p.read_text(encoding="utf-8") for p in BERKAS_YAML]
    for teks in teks_teks:
        assert _sama(teks)[0] is None
    dibuat = []
    asli = _Pemuat.__init__
    monkeypatch.setattr(_Pemuat, "__init__", lambda self, teks: (dibuat.append(1), asli(self, teks))[1])
    for teks in teks_teks:
        _urai_yaml(teks)
    assert len(dibuat) == len(teks_teks)
    dibuat.clear()
    _tiga_bacaan(teks_teks[0])
    assert len(dibuat) == 3


def test_fitur_terlarang_dan_galat():
    """Refused before anything is built, at the same place; a refused feature before a fault is
    named, not the fault; a fault raises the same error."""
    jangkar = ("anchor YAML tidak diperbolehkan", "&j")
    assert _sama("a: 1\nb:\n  - x\n  - &j y\n")[0] == ("ScalarEvent", 3, 4, ("b", 1), jangkar)
    assert _sama("a: *x\n")[0][4][0] == "alias YAML tidak diperbolehkan"
    assert _sama("a: !!python/object:os.system x\n")[0][4][0] == "tag YAML tidak diperbolehkan"
    assert _sama("a: &x 1\nb: [1, 2\n")[0][4] == ("anchor YAML tidak diperbolehkan", "&x")
    assert _sama("a: [1, 2\n")[0] == "ParserError"
    assert _sama("a: 1\n---\nb: 2\n")[0] == "ComposerError"
    gabung = _sama("a: &x {b: 1}\nc:\n  <<: {d: 2}\n  e: 3\n")
    assert gabung[0][4][1] == "&x"
    gabung = _sama("c:\n  <<: {d: 2}\n  e: 3\n")  # '<<' kept in the tree, for the check that refuses it
    assert gabung[0] is None and gabung[1][3][0][1][3][0][0][2] == "<<" and gabung[2] == "{'c': {'d': 2, 'e': 3}}"
    tawa = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                                      for i in range(20))
    assert _sama(tawa)[0][4][0] == "anchor YAML tidak diperbolehkan"  # a billion laughs: never built
    dalam = "".join(" " * i + "a:\n" for i in range(1000)) + " " * 1000 + "1\n"
    assert _sama(dalam) == "RecursionError"
    assert _sama(dalam + "b: &x 1\n")[0] != "RecursionError"  # the anchor after the depth is named, as before


_POTONGAN = st.sampled_from([
    "a:", " b: ", "\n", "  ", "- ", "[", "]", "{", "}", ", ", "&x ", "*x", "<<: ", "!x ", "! ", "!!str ", "2024-13-01",
    "0o17", "0x1F", "1_000", "1e400", ".nan", ".inf", "yes", "No", "~", "null", "'", '"', "''", '\\"', "\t", "\r\n",
    "\u200b", "\ufeff", "\x85", "\u2028", "---\n", "...\n", "? ", ": ", "|\n", "|-\n", ">-\n", "#", " # c\n",
    "%YAML 1.1\n", "kode: ", "iku:\n", "  - kode: ikm\n", "    target: 80.5\n", "é", "Rp 1.000", "-12", "3.14",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teks=st.one_of(st.lists(_POTONGAN, max_size=60).map("".join), st.text(max_size=200)))
def test_teks_acak_hasil_sama(teks):
    _sama(teks)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_berkas_data_disunting_acak_hasil_sama(data):
    """A real file with random pieces put in at random places (what an edit by hand may do)."""
    teks = data.draw(st.sampled_from(BERKAS_YAML)).read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        posisi = data.draw(st.integers(0, len(teks)))
        teks = teks[:posisi] + data.draw(_POTONGAN) + teks[posisi:]
    _sama(teks)


def test_bacaan_diingat_tiap_pemanggil_salinannya_sendiri():
    """A text read again (the preview, at every save) is not parsed again, and what one caller does
    with its data never reaches the next; a text with a fault raises every time."""
    from lkjip_calc.masukan import baca

    teks = "a: 1\nb:\n  - x\n  - y\n"
    baca._urai_yaml_acar.cache_clear()
    pertama = baca._urai_yaml_tersimpan(teks)
    pertama[2]["b"].append("diubah")
    pertama[1].value.pop()
    kedua = baca._urai_yaml_tersimpan(teks)
    assert kedua[2] == {"a": 1, "b": ["x", "y"]} and len(kedua[1].value) == 2
    assert _hasil(lambda t: kedua, teks) == _hasil(_tiga_bacaan, teks)
    assert baca._urai_yaml_acar.cache_info().hits == 1  # the second reading: remembered
    for _ in range(2):
        try:
            baca._urai_yaml_tersimpan("a: [1\n")
        except yaml.YAMLError:
            continue
        raise AssertionError("tidak ada galat")
    assert baca._urai_yaml_acar.cache_info().currsize == 1  # the fault is not kept
    batas = baca._urai_yaml_acar.cache_info().maxsize
    for i in range(batas + 5):
        baca._urai_yaml_tersimpan(f"k: {i}\n")
    assert baca._urai_yaml_acar.cache_info().currsize == batas
    meleset = baca._urai_yaml_acar.cache_info().misses
    baca._urai_yaml_tersimpan(teks)  # the oldest, no longer kept: read again
    assert baca._urai_yaml_acar.cache_info().misses == meleset + 1
