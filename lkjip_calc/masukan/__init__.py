"""Stage 1, the input: read the files of data/<unit>/<tahun>/ with their positions, type-check
them, and check that every link between them points at something that exists."""
