"""Stage 4, publishing: build the book (papermill, Jupyter Book, xelatex) into an HTML site and a
PDF, the machine exports, and one site for every unit and year; outputs replaced atomically."""
