"""A kiosk ticket's QR code, as a scanner reads it: ``K1.<payload>.<mac>``, both parts base64url.

Only the shape is recognised here, so the scan goes to the kiosk ticket handler; checking the store, the
signature and the age is the terminal's business (it holds the store's key). The prefix is the one
``pos_app.domain.kiosk_ticket`` writes; a test keeps the two in step. Neither a GTIN, a GS1 string, a receipt
number nor a shelf label can have this shape (a dot after ``K1``).
"""

from __future__ import annotations

import re

PREFIX = "K1."
_SHAPE = re.compile(r"K1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", re.ASCII)


def is_kiosk_ticket_code(text: str) -> bool:
    return _SHAPE.fullmatch(text.strip()) is not None
