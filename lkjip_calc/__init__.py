"""lkjip_calc: the LKjIP of a unit and year, from its data files to a published report.

The subpackages follow the pipeline, each importing only those before it (docs/ARSITEKTUR.md):
dasar (shared helpers) -> masukan (read and check the data) -> hitung (compute every figure)
-> laporan (values, prose, tables, charts, what chapters call) -> terbit (build, exports, site);
tahunan (next year, the Excel workbook) sits beside terbit; cli is the `lkjip` command.
"""

__version__ = "0.1.0"
