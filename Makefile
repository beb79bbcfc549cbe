# Semua yang dibutuhkan dipasang sendiri oleh target di bawah ini (virtualenv .venv).
# Jalankan `make help` untuk daftar target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang
UNIT   ?= kanigaran
TAHUN  ?= 2024
OUT    := _build/$(UNIT)/$(TAHUN)

.PHONY: help report test check export clean

help:  ## Tampilkan daftar target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

report: $(STAMP)  ## Periksa data lalu ekspor tabel laporan (UNIT=kanigaran TAHUN=2024)
	$(BIN)/lkjip check --unit $(UNIT) --year $(TAHUN)
	$(BIN)/lkjip export --unit $(UNIT) --year $(TAHUN) --out $(OUT)/unduhan

test: $(STAMP)  ## Jalankan seluruh rangkaian uji
	$(BIN)/python -m pytest

clean:  ## Hapus hasil build (data/ tidak disentuh)
	rm -rf _build
