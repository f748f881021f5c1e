"""A kiosk ticket's QR code: the cart comes back whole, and each bad code is refused with its own sentence."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from pos_app.domain.kiosk_ticket import (
    ExpiredTicket,
    NotATicket,
    OtherStoresTicket,
    TamperedTicket,
    TicketCart,
    TicketLine,
    decode,
    encode,
    looks_like_ticket_code,
)

KEY = b"k" * 32
STORE = uuid.UUID("0bd6201f-d45f-4428-b3a7-6aa76d85c491")
MADE = datetime(2026, 12, 6, 15, 30, 12, tzinfo=UTC)


def cart(lines: int = 2, **changes) -> TicketCart:
    values = dict(store_id=STORE, number="K-3427", ticket_id=uuid.uuid4(),
                  lines=tuple(TicketLine(f"10{2290 + n}_3.5G", n % 3 + 1) for n in range(lines)), created_at=MADE)
    return TicketCart(**{**values, **changes})


def read(text: str, *, now: datetime = MADE + timedelta(minutes=5), store=STORE, key=KEY) -> TicketCart:
    return decode(text, store_id=store, key=key, now=now)


def test_the_cart_comes_back_as_it_was_sent():
    sent = cart()
    text = encode(sent, KEY)
    assert looks_like_ticket_code(text) and not looks_like_ticket_code("K-3427")
    assert read(text) == sent


def test_ten_lines_fit_a_qr_code_a_phone_size_screen_shows():
    # Version 15 at error correction M holds 412 bytes; a 10-line cart with OCS variant numbers stays under it.
    text = encode(cart(10), KEY)
    assert len(text) <= 412, len(text)


def test_another_stores_ticket_is_refused():
    with pytest.raises(OtherStoresTicket, match="made at another store"):
        read(encode(cart(), KEY), store=uuid.uuid4())


def test_a_ticket_signed_with_another_key_is_refused():
    with pytest.raises(TamperedTicket, match="does not match its signature"):
        read(encode(cart(), b"another key"))


def test_an_edited_cart_is_refused():
    prefix, payload, mac = encode(cart(), KEY).split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body["l"][0][1] = 9  # more of the first item than the kiosk sent
    edited = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode()
    with pytest.raises(TamperedTicket):
        read(f"{prefix}.{edited}.{mac}")


def test_a_ticket_older_than_a_day_is_refused():
    text = encode(cart(), KEY)
    assert read(text, now=MADE + timedelta(hours=23, minutes=59)).number == "K-3427"
    with pytest.raises(ExpiredTicket, match="more than 24 hours old"):
        read(text, now=MADE + timedelta(hours=24, seconds=1))
    with pytest.raises(ExpiredTicket):  # from a kiosk whose clock is far ahead: not trusted either
        read(text, now=MADE - timedelta(hours=1))


@pytest.mark.parametrize("text", ["", "hello", "K1.", "K1.abc.def", "K1.e30.AAAA", "K2." + "A" * 40 + ".x",
                                  "K1.eyJzIjoxfQ.AAAA"])
def test_anything_else_is_not_a_ticket(text):
    with pytest.raises(NotATicket, match="not a kiosk ticket"):
        read(text)


def test_a_ticket_without_lines_is_not_a_ticket():
    with pytest.raises(NotATicket):
        read(encode(cart(0), KEY))
