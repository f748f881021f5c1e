"""Our receipt barcode, printed on every receipt so a return can find its sale.

Format: `R:<STORE>-<TERMINAL>-<SEQ>`, e.g. `R:ON001-1-000042`.
- STORE is the store code: 2 to 10 letters or digits, starting with a letter.
- TERMINAL is the terminal number, 1 to 3 digits.
- SEQ is the terminal's receipt sequence, zero-padded to 6 digits when printed (more digits when it grows).
The `R:` prefix is printed but optional when read, so a receipt number typed from the paper also works. A GTIN
or GS1 string is all digits (or starts with `(` or an AIM id), so neither can look like a receipt barcode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hardware.codes.errors import CodeParseError

PREFIX = "R:"
_PATTERN = re.compile(r"(?:R:)?([A-Z][A-Z0-9]{1,9})-(\d{1,3})-(\d{1,10})", re.ASCII)


@dataclass(frozen=True)
class ReceiptNumber:
    store_code: str
    terminal_no: int
    sequence: int

    @property
    def text(self) -> str:
        """The receipt number as stored on the order: `ON001-1-000042`."""
        return f"{self.store_code}-{self.terminal_no}-{self.sequence:06d}"

    @property
    def barcode(self) -> str:
        """What the receipt's barcode or QR code carries: `R:ON001-1-000042`."""
        return PREFIX + self.text


def is_receipt_code(text: str) -> bool:
    return _PATTERN.fullmatch(text.strip().upper()) is not None


def parse_receipt_code(text: str) -> ReceiptNumber:
    match = _PATTERN.fullmatch(text.strip().upper())
    if match is None:
        raise CodeParseError(
            "This is not one of our receipt numbers. It should look like ON001-1-000042; "
            "type it from the receipt."
        )
    store, terminal, sequence = match.groups()
    return ReceiptNumber(store_code=store, terminal_no=int(terminal), sequence=int(sequence))
