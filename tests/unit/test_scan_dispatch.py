"""One scan path: every kind of scan goes to its one handler, whatever is on screen (no Qt needed)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from hardware.scanners.framing import scan_event, typed_scan_event
from pos_app.domain import kiosk_ticket
from pos_app.services.scanning import ProductScan, ScanDispatcher, ScanReader
from tests.id_cards import ontario_licence, years_ago


class Targets:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def sell(self, scan):
        self.calls.append(("sell", scan))

    def receipt(self, number):
        self.calls.append(("receipt", number))

    def id_card(self, card):
        self.calls.append(("id_card", card.age))

    def id_unreadable(self, message):
        self.calls.append(("id_unreadable", message))

    def kiosk_ticket(self, code):
        self.calls.append(("kiosk_ticket", code))

    def not_used_here(self, message):
        self.calls.append(("not_used_here", message))

    def unreadable(self, text, message):
        self.calls.append(("unreadable", text, message))


def _dispatch(raw: bytes) -> list[tuple]:
    targets = Targets()
    ScanDispatcher(ScanReader(b"salt", today=date.today), targets).dispatch(scan_event(raw))
    return targets.calls


def test_a_gs1_128_label_goes_to_the_sale_with_its_lot_and_expiry():
    calls = _dispatch(b"]C1010950110153000317261130\x1d10AB-12")
    assert calls == [("sell", ProductScan("09501101530003", "AB-12", date(2026, 11, 30)))]


@pytest.mark.parametrize("raw", [b"]E04006381333931", b"4006381333931", b"04006381333931"])
def test_an_ean_or_a_gtin_goes_to_the_sale_as_a_gtin_14(raw):
    assert _dispatch(raw) == [("sell", ProductScan("04006381333931"))]


def test_a_receipt_goes_to_the_refund_or_void_as_its_number():
    assert _dispatch(b"R:ON001-1-000042") == [("receipt", "ON001-1-000042")]


def test_an_id_card_goes_to_the_age_check():
    assert _dispatch(ontario_licence(years_ago(17)).encode("latin-1")) == [("id_card", 17)]


def test_a_kiosk_tickets_qr_code_goes_to_the_ticket_handler_whole_as_the_kiosk_wrote_it():
    cart = kiosk_ticket.TicketCart(uuid.uuid4(), "K-3001", uuid.uuid4(),
                                   (kiosk_ticket.TicketLine("100001", 2), kiosk_ticket.TicketLine("ACC-LIGHTER-01", 1)),
                                   datetime(2026, 11, 21, 15, 4, tzinfo=UTC))
    code = kiosk_ticket.encode(cart, b"k" * 32)
    assert _dispatch(code.encode("ascii")) == [("kiosk_ticket", code)]
    assert _dispatch(b"]Q1" + code.encode("ascii") + b"\r\n") == [("kiosk_ticket", code)], "from a QR symbology"
    # Cut short by a bad read, it still goes to the ticket handler, which says it was not read whole.
    assert _dispatch(code[:40].encode("ascii") + b".x") == [("kiosk_ticket", code[:40] + ".x")]


@pytest.mark.parametrize(("raw", "says"), [
    (b"]C100106141411234567897", "shipping case label"),
    (b"106141411234567897", "shipping case label"),
    (b"LOC:A-01-03-B", "shelf label"),
])
def test_case_and_shelf_labels_are_not_used_here(raw, says):
    [(kind, message)] = _dispatch(raw)
    assert kind == "not_used_here" and says in message


def test_a_bad_check_digit_or_a_store_code_is_handed_on_with_the_reason():
    [(kind, text, message)] = _dispatch(b"12345678")
    assert (kind, text) == ("unreadable", "12345678") and "check digit is wrong" in message
    [(kind, text, _message)] = _dispatch(b"ACC-LIGHTER-01")
    assert (kind, text) == ("unreadable", "ACC-LIGHTER-01")


def test_a_wedge_scan_is_the_same_event_a_serial_scanner_sends():
    typed = typed_scan_event("]C10109501101530003")
    assert typed == scan_event(b"]C10109501101530003")
    assert (typed.symbology, typed.text) == ("]C1", "0109501101530003")
