# Semua yang dibutuhkan dipasang sendiri oleh target di bawah ini (virtualenv .venv).
# Jalankan `make help` untuk daftar target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang
UNIT   ?= kanigaran
TAHUN  ?= 2024
OUT    := _build/$(UNIT)/$(TAHUN)

.PHONY: help report test test-cepat golden lint check export clean deb-pdf deb-uji bytecode

help:  ## Tampilkan daftar target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-11s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Paket dipasang editable: pip tidak mengompilasi bytecode-nya, dan dengan PYTHONDONTWRITEBYTECODE setiap
# proses (lkjip, kernel, pekerja Sphinx) mengompilasi ulang lkjip_calc. Dikompilasi di sini seperti pemasangan
# biasa; berkas .pyc yang basi diabaikan Python (dicocokkan dengan waktu ubah dan ukuran sumbernya).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q lkjip_calc > /dev/null

deb-pdf:  ## Pasang TeX Live dan poppler dari Debian (bila belum ada)
	scripts/pasang-debian.sh pdf

deb-uji:  ## Pasang paket Debian untuk uji (TeX Live, poppler, Chromium)
	scripts/pasang-debian.sh pdf browser

# Hasil yang dapat diulang: semua tanggal di hasil build adalah commit terakhir data/ (SOURCE_DATE_EPOCH yang
# sudah diatur tetap dipakai). Di luar git, lkjip memakai waktu ubah berkas masukan yang terbaru.
report: $(STAMP) bytecode deb-pdf  ## Bangun situs HTML dan PDF laporan (UNIT=kanigaran TAHUN=2024)
	SOURCE_DATE_EPOCH="$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct -- data/ 2>/dev/null)}" \
	  $(BIN)/lkjip build --unit $(UNIT) --year $(TAHUN)

test: $(STAMP) bytecode deb-uji lint  ## Jalankan ruff dan seluruh rangkaian uji, termasuk build PDF dan uji peramban
	$(BIN)/python -m pytest --durations=10

test-cepat: $(STAMP) bytecode lint  ## Uji tanpa tingkat lambat (build buku, kernel, kumpulan proses), sekitar 35 detik di 2 inti
	$(BIN)/python -m pytest -m "not buku"

lint: $(STAMP)  ## Periksa kode dengan ruff (pyflakes, bugbear, urutan impor)
	$(BIN)/ruff check .

golden: $(STAMP)  ## Tulis ulang berkas golden (tests/golden/) setelah perubahan yang disengaja; lalu tinjau git diff
	LKJIP_PERBARUI_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

check: $(STAMP)  ## Periksa data saja (UNIT, TAHUN)
	$(BIN)/lkjip check --unit $(UNIT) --year $(TAHUN)

export: $(STAMP)  ## Ekspor tabel terhitung sebagai CSV ke _build/UNIT/TAHUN/unduhan
	$(BIN)/lkjip export --unit $(UNIT) --year $(TAHUN) --out $(OUT)/unduhan

clean:  ## Hapus hasil build (data/ tidak disentuh)
	rm -rf _build
