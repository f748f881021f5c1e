"""DLE EOT real-time status (`10 04 n`, n = 1..4): one reply byte each, decoded into a PrinterStatus. Pure.

Every reply byte has bit 1 and bit 4 set and bits 0 and 7 clear (mask 0x93 → 0x12); anything else is not a
status byte, and decoding refuses it.
  n=1 printer:       bit 2 drawer pin 3 high, bit 3 offline
  n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped at paper end, bit 6 error
  n=3 error cause:   bit 3 autocutter error, bit 5 unrecoverable error, bit 6 auto-recoverable error
  n=4 paper sensor:  bits 2-3 roll near its end, bits 5-6 roll at its end
An autocutter or unrecoverable error is reported as offline: the printer will not print until it is fixed.
"""

from __future__ import annotations

from collections.abc import Mapping

from hardware.codes.errors import CodeParseError
from hardware.ports import PrinterStatus

DLE_EOT = b"\x10\x04"
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12


class StatusDecodeError(CodeParseError):
    pass


def status_request(n: int) -> bytes:
    return DLE_EOT + bytes([n])


def decode_status(replies: Mapping[int, bytes]) -> PrinterStatus:
    """Decode the replies to DLE EOT 1..4. No reply to n=1 means the printer did not answer: offline."""
    flags: dict[int, int] = {}
    for n, reply in replies.items():
        if n not in (1, 2, 3, 4):
            raise StatusDecodeError(f"DLE EOT {n} is not a status request the printer knows (1 to 4).")
        if reply:
            flags[n] = _check(reply[-1], n)
    printer, offline_cause, error_cause, paper = (flags.get(n, 0) for n in (1, 2, 3, 4))
    return PrinterStatus(
        paper_end=bool(paper & 0x60 or offline_cause & 0x20),
        paper_near_end=bool(paper & 0x0C),
        cover_open=bool(offline_cause & 0x04),
        offline=1 not in flags or bool(printer & 0x08 or error_cause & 0x28),
    )


def encode_status(n: int, status: PrinterStatus, *, drawer_high: bool = False) -> int:
    """The reply byte a printer in `status` sends to DLE EOT n (used by the simulator)."""
    byte = _FIXED_BITS
    if n == 1:
        byte |= (0x04 if drawer_high else 0) | (
            0x08 if status.offline or status.cover_open or status.paper_end else 0
        )
    elif n == 2:
        byte |= (0x04 if status.cover_open else 0) | (0x20 if status.paper_end else 0)
    elif n == 4:
        byte |= (0x0C if status.paper_near_end or status.paper_end else 0) | (0x60 if status.paper_end else 0)
    return byte


def _check(byte: int, n: int) -> int:
    if byte & _FIXED_MASK != _FIXED_BITS:
        raise StatusDecodeError(
            f"The printer's reply to status request {n} (0x{byte:02X}) is not a status byte. "
            "Check that the printer speaks ESC/POS."
        )
    return byte
