"""A kiosk ticket's QR code: the cart itself, signed with the store's key, so a register loads it offline.

The text is ``K1.<payload>.<mac>``: the payload is compact JSON in base64url (store, number, ticket id, lines
as [sku, quantity], created time in whole seconds, and the discount codes entered at the kiosk when there are
any), the mac the first 16 bytes of its HMAC-SHA256 under the
store's ticket key. Ids travel as base64url of their 16 bytes. Ten lines of OCS variant numbers make about 390
characters: a QR code of version 15 at medium error correction (77 modules a side), readable from a phone-size
screen.

Decoding says plainly what is wrong: not a ticket, another store's, altered, or older than 24 hours.
Pure: stdlib only, no clock of its own (the caller passes now).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pos_app.domain.errors import DomainError

PREFIX = "K1"
MAC_BYTES = 16
MAX_AGE = timedelta(hours=24)
CLOCK_SKEW = timedelta(minutes=10)  # a kiosk clock a little ahead of the register's is not a forgery


@dataclass(frozen=True)
class TicketLine:
    sku: str
    quantity: int


@dataclass(frozen=True)
class TicketCart:
    """What a ticket's QR code carries."""

    store_id: uuid.UUID
    number: str
    ticket_id: uuid.UUID
    lines: tuple[TicketLine, ...]
    created_at: datetime
    codes: tuple[str, ...] = ()  # discount codes the customer entered at the kiosk, for the register to apply


@dataclass(frozen=True)
class TicketRef:
    """The kiosk ticket a sale at the register rings up: closed with the sale's order when the sale completes."""

    ticket_id: uuid.UUID
    number: str


class BadTicketCode(DomainError):
    code = "bad_ticket_code"


class NotATicket(BadTicketCode):
    code = "not_a_ticket"

    def __init__(self) -> None:
        super().__init__()


class OtherStoresTicket(BadTicketCode):
    code = "other_stores_ticket"

    def __init__(self) -> None:
        super().__init__()


class TamperedTicket(BadTicketCode):
    code = "tampered_ticket"

    def __init__(self) -> None:
        super().__init__()


class ExpiredTicket(BadTicketCode):
    code = "expired_ticket"

    def __init__(self) -> None:
        super().__init__()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, f"{PREFIX}.{payload}".encode("ascii"), hashlib.sha256).digest()[:MAC_BYTES])


def encode(cart: TicketCart, key: bytes) -> str:
    body = {"s": _b64(cart.store_id.bytes), "n": cart.number, "i": _b64(cart.ticket_id.bytes),
            "l": [[line.sku, line.quantity] for line in cart.lines], "t": int(cart.created_at.timestamp())}
    if cart.codes:  # only then: a ticket without codes reads as before
        body["c"] = list(cart.codes)
    payload = _b64(json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    return f"{PREFIX}.{payload}.{_mac(key, payload)}"


def looks_like_ticket_code(text: str) -> bool:
    return text.strip().startswith(f"{PREFIX}.")


def _parse(payload: str) -> TicketCart:
    body = json.loads(_unb64(payload))
    lines = tuple(TicketLine(str(sku), int(quantity)) for sku, quantity in body["l"])
    if not lines or any(line.quantity < 1 or not line.sku for line in lines):
        raise ValueError("a ticket needs lines of at least one unit")
    return TicketCart(uuid.UUID(bytes=_unb64(body["s"])), str(body["n"]), uuid.UUID(bytes=_unb64(body["i"])),
                      lines, datetime.fromtimestamp(int(body["t"]), UTC), tuple(str(c) for c in body.get("c", ())))


def decode(text: str, *, store_id: uuid.UUID, key: bytes, now: datetime) -> TicketCart:
    """The cart a ticket code carries, once it is this store's, unaltered and less than 24 hours old."""
    parts = text.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise NotATicket()
    try:
        cart = _parse(parts[1])
    except (ValueError, TypeError, KeyError, IndexError, binascii.Error, UnicodeDecodeError):
        raise NotATicket() from None
    if cart.store_id != store_id:
        raise OtherStoresTicket()
    if not hmac.compare_digest(_mac(key, parts[1]), parts[2]):
        raise TamperedTicket()
    if now - cart.created_at > MAX_AGE or cart.created_at - now > CLOCK_SKEW:
        raise ExpiredTicket()
    return cart
