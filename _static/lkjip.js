// The theme writes an empty colour mode for a first visit and then logs a console error
// ("Got invalid theme mode"); start from "auto" instead, as the theme itself would.
if (!document.documentElement.dataset.mode) {
  document.documentElement.dataset.mode = "auto";
}
