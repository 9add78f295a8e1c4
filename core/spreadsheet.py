"""Cells that a spreadsheet program reads as text, never as a formula (CSV injection).

A cell that begins with =, +, -, @, a tab or a carriage return may be taken for a formula
by Excel, LibreOffice or Google Sheets, and a formula can fetch URLs or run commands. As
OWASP recommends, such a cell gets a leading apostrophe, which the programs show as text.
Every CSV the site writes passes its cells through `neutralise()` (or `neutralise_row()`).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` as a cell that cannot start a formula; non-text values are returned as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(row):
    return [neutralise(value) for value in row]
