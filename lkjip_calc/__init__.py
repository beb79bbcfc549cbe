"""lkjip_calc: memuat, memeriksa dan menghitung angka LKjIP dari data/ sebuah unit dan tahun."""

__version__ = "0.1.0"
