// The theme writes an empty colour mode for a first visit and then logs a console error
// ("Got invalid theme mode"); start from "auto" instead, as the theme itself would.
if (!document.documentElement.dataset.mode) {
  document.documentElement.dataset.mode = "auto";
}

// The sidebar buttons. pydata-sphinx-theme (>= 0.16) draws a page header whenever a navbar item is
// set, and sets a search field there by default; that header carries its own copies of the
// .primary-toggle and .secondary-toggle buttons, which sphinx-book-theme hides at every width.
// Both themes bind their click handlers to document.querySelector's first match only, that hidden
// copy, so the visible button in the article header did nothing. _config.yml now sets no navbar
// item (navbar_persistent: []), so there is no header and one button of each; should a copy come
// back, a click on it is forwarded to the first, so the themes' own behaviour runs: at narrow
// widths the sidebar opens as a dialog, at wide widths it is hidden or shown.
(function () {
  function terus(selektor) {
    var semua = document.querySelectorAll(selektor);
    for (var i = 1; i < semua.length; i++) {
      semua[i].addEventListener("click", function (e) {
        e.preventDefault();
        e.stopPropagation();
        semua[0].click();
      });
    }
  }
  function pasang() {
    terus(".primary-toggle");
    terus(".secondary-toggle");
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", pasang); }
  else { pasang(); }
})();

// Wide tables scroll inside their container (pst-scrollable-table-container). Say so: a hint line
// above a table that does not fit, and a fade (CSS classes geser-kiri / geser-kanan) on each edge
// that still hides columns; both follow scrolling and the window's width.
(function () {
  function tandai(wadah, petunjuk) {
    var lebih = wadah.scrollWidth - wadah.clientWidth;
    wadah.classList.toggle("geser-kiri", lebih > 1 && wadah.scrollLeft > 1);
    wadah.classList.toggle("geser-kanan", lebih > 1 && wadah.scrollLeft < lebih - 1);
    petunjuk.hidden = lebih <= 1;
  }
  function pasang() {
    document.querySelectorAll(".pst-scrollable-table-container").forEach(function (wadah) {
      var petunjuk = document.createElement("p");
      petunjuk.className = "tabel-geser";
      petunjuk.setAttribute("aria-hidden", "true");  // what it says is visible to the eye only
      petunjuk.textContent = "Geser tabel ke samping untuk melihat semua kolom \u2192";
      wadah.parentNode.insertBefore(petunjuk, wadah);
      var ulang = function () { tandai(wadah, petunjuk); };
      wadah.addEventListener("scroll", ulang, { passive: true });
      window.addEventListener("resize", ulang);
      ulang();
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", pasang); }
  else { pasang(); }
})();
