"""The one CSV writer, used by every CSV download.

UTF-8 with a byte-order mark, so Excel reads names such as Siân correctly. Text that a spreadsheet would run
as a formula (OWASP "CSV injection": a cell starting with = + - @, tab or carriage return) gets a leading
apostrophe, which spreadsheets take as "this is text" and do not show. Numbers are written as they are, so a
negative figure stays a number.
"""

import csv
import io
from decimal import Decimal

CSV_TYPE = "text/csv; charset=utf-8"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """The cell as a spreadsheet should read it: numbers and empty cells unchanged, anything else as text."""
    if value is None or isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)  # also a lazy translation or a model instance, whose text is what gets written
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_bytes(rows) -> bytes:
    """`rows` is an iterable of lists of cells; returns the whole file."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([inert(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
