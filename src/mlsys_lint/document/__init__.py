"""Document models: built once per input, read by every rule."""


class PdfError(Exception):
    """The file cannot be linted: one clear line for the user. (Here, not in pdf.py, so
    that a process can handle it without loading PyMuPDF: a one-file run forks its reader
    before the library is imported, engine.isolated.)"""
