// Year and unit switcher for a site built with `lkjip build --all`. The list of units and years
// comes from lkjip-situs-data.js, written by the build; this file only draws it. DOM nodes are
// made with textContent, so no name from the data can become markup.
(function () {
  var situs = window.LKJIP_SITUS;
  if (!situs) { return; }
  var akar = document.documentElement.dataset.content_root || "./";
  function ke(unit, tahun) { return akar + "../../" + unit + "/" + tahun + "/index.html"; }
  function tautan(teks, href, aktif) {
    var a = document.createElement(aktif ? "strong" : "a");
    a.textContent = teks;
    if (!aktif) { a.href = href; }
    return a;
  }
  function pasang() {
    var nav = document.createElement("nav");
    nav.className = "lkjip-tahun";
    nav.setAttribute("aria-label", "Pilih tahun laporan");
    nav.appendChild(document.createTextNode("Tahun laporan: "));
    situs.tahun_unit.forEach(function (t, i) {
      if (i > 0) { nav.appendChild(document.createTextNode(" · ")); }
      nav.appendChild(tautan(String(t), ke(situs.unit, t), t === situs.tahun));
    });
    nav.appendChild(document.createTextNode(" | "));
    nav.appendChild(tautan("Semua unit dan tahun", akar + "../../index.html", false));
    var tempat = document.querySelector(".bd-article") || document.querySelector("main") || document.body;
    tempat.insertBefore(nav, tempat.firstChild);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", pasang); }
  else { pasang(); }
})();
