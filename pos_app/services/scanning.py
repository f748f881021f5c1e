"""One scan path: every scan, from a serial scanner or a keyboard wedge, is read once and routed by what it is.

``hardware.codes.classify.parse_scan`` says what the bytes are (a GTIN, a GS1 label with lot and expiry, one of
our receipts, an ID card, a kiosk ticket's QR code, a case label, a shelf label); ``ScanDispatcher`` hands each
kind to the one handler that deals with it. What is on screen does not change what a scan means, only what the
handler does with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from hardware.codes.classify import ScanKind, ScanResult, parse_scan
from hardware.codes.errors import CodeParseError, IdCardError
from hardware.codes.id_card import IdCard
from hardware.ports import ScanEvent
from pos_app.i18n.catalog import Message

NOT_USED_HERE = {ScanKind.SSCC: "scan.case_label", ScanKind.LOCATION: "scan.shelf_label"}  # catalog keys


@dataclass(frozen=True)
class ProductScan:
    """A product barcode: the GTIN-14, and the lot and expiry when a GS1 label carries them."""

    gtin: str
    lot: str | None = None
    expiry: date | None = None


class ScanTargets(Protocol):
    """Where each kind of scan goes. The register implements it; the kiosk will implement its own."""

    def sell(self, scan: ProductScan) -> None: ...

    def receipt(self, number: str) -> None: ...

    def id_card(self, card: IdCard) -> None: ...

    def id_unreadable(self, message: str) -> None: ...

    def kiosk_ticket(self, code: str) -> None:
        """A kiosk ticket's QR text, whole: the cart a customer sent to the counter (checked where it lands)."""
        ...

    def not_used_here(self, message: str) -> None: ...

    def unreadable(self, text: str, message: str) -> None:
        """Not a code we know the shape of; it may still be the store's own code for an item (a SKU)."""
        ...


class ScanReader:
    """Reads a scan's bytes with what an ID card needs: today's date (for the age) and the terminal's salt."""

    def __init__(self, id_salt: bytes, *, today: Callable[[], date] = date.today) -> None:
        self._id_salt = id_salt
        self._today = today

    def read(self, event: ScanEvent) -> ScanResult:
        """CodeParseError, with a sentence for the cashier, when the bytes are not a code we know."""
        return parse_scan(event.raw, today=self._today(), id_salt=self._id_salt)


class ScanDispatcher:
    def __init__(self, reader: ScanReader, targets: ScanTargets) -> None:
        self._reader = reader
        self._targets = targets

    def dispatch(self, event: ScanEvent) -> None:
        targets = self._targets
        try:
            result = self._reader.read(event)
        except IdCardError as error:
            targets.id_unreadable(str(error))
            return
        except CodeParseError as error:
            targets.unreadable(event.text.strip(), str(error))
            return
        match result.kind:
            case ScanKind.GTIN | ScanKind.GS1 if result.gtin is not None:
                targets.sell(ProductScan(result.gtin, result.lot, result.expiry))
            case ScanKind.GS1:  # a GS1 label without a product on it: a lot or a date alone
                targets.not_used_here(Message("scan.no_product_number"))
            case ScanKind.RECEIPT:
                assert result.receipt is not None
                targets.receipt(result.receipt.text)
            case ScanKind.ID_CARD:
                assert result.id_card is not None
                targets.id_card(result.id_card)
            case ScanKind.KIOSK_TICKET:  # a cart sent from the kiosk, paid at the counter
                assert result.ticket_code is not None
                targets.kiosk_ticket(result.ticket_code)
            case _:
                targets.not_used_here(Message(NOT_USED_HERE.get(result.kind, "scan.not_used_here")))
