"""Stage 2, the calculation: every figure of the report computed once from the checked data, by
formulas on unrounded Decimals. No file is read or written here, and nothing is formatted for the
report (only the warnings of `beda_sumber` quote numbers, in the words of `dasar.angka`)."""
