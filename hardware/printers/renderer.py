"""Send laid-out receipt rows to a python-escpos printer object as ESC/POS.

The code page is set once, up front (CP858 by default: it has every French accent and the euro sign; CP863 is
the Canadian-French page), so accents print the same on every printer. Characters outside it print as `?`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hardware.printers.layout import CodeRow, Row, TextRow

if TYPE_CHECKING:  # python-escpos takes ~0.5 s to import; a till that starts should not wait for it
    from escpos.escpos import Escpos

CODE_PAGES = ("CP858", "CP863")
DRAWER_PIN = 2
# Typographic characters no receipt code page has, replaced by the nearest ASCII rather than printed as `?`.
_PLAIN = str.maketrans(
    {
        "\u2014": "-",
        "\u2013": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def begin(printer: Escpos, code_page: str = "CP858") -> None:
    printer.hw("INIT")
    printer.charcode(code_page)


def render_rows(printer: Escpos, rows: list[Row]) -> None:
    for row in rows:
        if isinstance(row, TextRow):
            _text(printer, row)
        else:
            _code(printer, row)
    printer.set(align="left", bold=False, normal_textsize=True)


def finish(printer: Escpos, *, cut: bool = True, open_drawer: bool = False) -> None:
    if cut:
        printer.cut()
    if open_drawer:
        printer.cashdraw(DRAWER_PIN)


def _text(printer: Escpos, row: TextRow) -> None:
    printer.set(
        align=row.align,
        bold=row.bold,
        normal_textsize=not (row.double_width or row.double_height),
        double_width=row.double_width,
        double_height=row.double_height,
    )
    printer.textln(row.text.translate(_PLAIN))


def _code(printer: Escpos, row: CodeRow) -> None:
    printer.set(align="center", bold=False, normal_textsize=True)
    if row.kind == "qr":
        printer.qr(row.data, size=6, native=True)
        printer.ln()
    else:
        # Code set B carries letters, digits and the punctuation of our receipt numbers. (python-escpos prints
        # "Using hardware barcode renderer" to stdout here; that is harmless.)
        printer.ln()  # the quiet zone above the bars, which a scanner needs
        printer.barcode("{B" + row.data, "CODE128", height=64, width=2, pos="OFF", function_type="B")
        printer.ln()
