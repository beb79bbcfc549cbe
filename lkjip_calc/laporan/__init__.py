"""Stage 3, the report: the declared parts of the book (`daftar`), the named values prose cites,
tables and charts that select and format computed figures, MyST rendering, and `Buku`, which the
chapter notebooks call."""
