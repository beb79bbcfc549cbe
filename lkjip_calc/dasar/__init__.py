"""Helpers every stage uses: findings with their kinds, Indonesian numerals, and file writing
(atomic files and folders, CSV, numbers for machines, YAML that keeps its comments)."""
