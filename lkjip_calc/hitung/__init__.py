"""Stage 2, the calculation: every figure of the report computed once from the checked data, by
formulas on unrounded Decimals. No file is read or written and nothing is formatted here."""
