"""AIM symbology identifiers (ISO/IEC 15424): the `]Cm` a scanner may put in front of its data."""

from __future__ import annotations

import re

_AIM = re.compile(rb"\][A-Za-z][0-9A-Za-z]")

# The AIM ids whose data is a GS1 element string (FNC1 in first position).
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
# EAN/UPC: the data is a bare GTIN.
EAN_UPC_SYMBOLOGIES = frozenset({"]E0", "]E3", "]E4", "]X0"})


def split_symbology(raw: bytes) -> tuple[str | None, bytes]:
    """Return (AIM id or None, the data after it)."""
    match = _AIM.match(raw)
    if match is None:
        return None, raw
    return match.group().decode("ascii"), raw[match.end() :]
