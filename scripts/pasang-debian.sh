#!/usr/bin/env bash
# Pasang paket Debian yang dibutuhkan, hanya yang belum terpasang.
#   scripts/pasang-debian.sh pdf      TeX Live (xelatex, latexmk), font, poppler-utils
#   scripts/pasang-debian.sh browser  Chromium dari Debian (uji situs dengan playwright)
set -euo pipefail

paket=()
for kelompok in "$@"; do
  case "$kelompok" in
    pdf) paket+=(texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended
                 texlive-lang-other latexmk fonts-freefont-otf poppler-utils) ;;
    browser) paket+=(chromium) ;;
    *) echo "kelompok paket tidak dikenal: $kelompok (pdf atau browser)" >&2; exit 2 ;;
  esac
done

kurang=()
for p in "${paket[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || kurang+=("$p")
done
[ ${#kurang[@]} -eq 0 ] && exit 0

echo "Memasang paket Debian: ${kurang[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Perlu hak root untuk memasang: ${kurang[*]}. Jalankan sebagai root atau pasang sendiri." >&2; exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${kurang[@]}" >/dev/null
