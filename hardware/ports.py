"""The interfaces pos_app programs against, and the small values they exchange.

Adapters report events through plain callbacks, which run on the adapter's own thread: pos_app bridges them
to Qt signals. Nothing here carries a card number or a full ID number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from hardware.codes.aamva import IdCard
    from hardware.printers.document import PrintDocument


@dataclass(frozen=True)
class ScanEvent:
    """One scan as the scanner sent it, without the configured prefix and suffix.

    `raw` keeps the AIM symbology id (e.g. `]C1`) and every GS (0x1D) separator; `data` is `raw` without the
    AIM id. `symbology` is the AIM id, or None when the scanner sends none.
    """

    raw: bytes
    symbology: str | None
    data: bytes

    @property
    def text(self) -> str:
        # latin-1 maps every byte to one character, so no scan is ever lost to a decoding error.
        return self.data.decode("latin-1")


@dataclass(frozen=True)
class PrinterStatus:
    paper_end: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    offline: bool = False

    @property
    def ready(self) -> bool:
        return not (self.paper_end or self.cover_open or self.offline)

    def describe(self) -> str:
        if self.offline and not (self.paper_end or self.cover_open):
            return "The printer is offline. Check that it is on and connected."
        if self.paper_end:
            return "The printer is out of paper. Load a new roll."
        if self.cover_open:
            return "The printer cover is open. Close it."
        if self.paper_near_end:
            return "The printer is running low on paper. Have a new roll ready."
        return "The printer is ready."


class PaymentStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    PARTIAL = "partial"  # approved for less than asked: approved_cents says how much
    CANCELLED = "cancelled"
    TIMEOUT = "timeout"  # the customer did not present a card in time: nothing was charged
    ERROR = "error"  # the request failed and nothing was charged; message says why
    VOIDED = "voided"  # an approval that was reversed
    PENDING = "pending"  # not known yet: the terminal is still working on it, or did not answer; ask again
    NOT_FOUND = "not_found"  # the terminal never received this reference, so nothing was charged

    @property
    def charged(self) -> bool:
        return self in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL)

    @property
    def final(self) -> bool:
        return self is not PaymentStatus.PENDING


@dataclass(frozen=True)
class PaymentResult:
    """What the POS keeps of a card payment: never the card number, only its last four digits."""

    status: PaymentStatus
    reference: str  # ours, chosen before the request was sent
    amount_cents: int  # asked for
    approved_cents: int = 0
    last4: str = ""
    brand: str = ""
    auth_code: str = ""
    terminal_ref: str = ""
    message: str = ""  # a plain sentence for the cashier; never the terminal's raw response


class PaymentKind(StrEnum):
    SALE = "sale"
    REFUND = "refund"


@dataclass(frozen=True)
class BatchEntry:
    """One approved transaction in a closed card batch, as the terminal recorded it."""

    kind: PaymentKind
    reference: str  # the POS's reference; a transaction keyed on the terminal alone has the terminal's own
    approved_cents: int
    terminal_ref: str = ""


@dataclass(frozen=True)
class BatchSettlement:
    """The terminal's end-of-day batch close: its totals, and every transaction in the batch."""

    reference: str  # the POS's, chosen before SETTLE was sent, so asking again returns the same batch
    batch_number: int
    sale_count: int
    sale_cents: int
    refund_count: int
    refund_cents: int
    entries: tuple[BatchEntry, ...] = ()

    @property
    def net_cents(self) -> int:
        return self.sale_cents - self.refund_cents


ScanCallback = Callable[[ScanEvent], None]
ErrorCallback = Callable[[str], None]


@runtime_checkable
class Scanner(Protocol):
    def start(self, on_scan: ScanCallback, on_error: ErrorCallback | None = None) -> None: ...

    def stop(self) -> None: ...


@runtime_checkable
class ReceiptPrinter(Protocol):
    def print_receipt(self, document: PrintDocument, *, open_drawer: bool = False) -> None: ...

    def status(self) -> PrinterStatus: ...


@runtime_checkable
class CashDrawer(Protocol):
    def open_drawer(self) -> None: ...


@runtime_checkable
class PaymentTerminal(Protocol):
    def sale(self, reference: str, amount_cents: int) -> PaymentResult: ...

    def refund(self, reference: str, amount_cents: int) -> PaymentResult: ...

    def void(self, reference: str) -> PaymentResult: ...

    def status(self, reference: str) -> PaymentResult: ...

    def cancel(self) -> None: ...

    def settle(self, reference: str) -> BatchSettlement: ...


@runtime_checkable
class IdReader(Protocol):
    def start(self, on_id: Callable[[IdCard], None], on_error: ErrorCallback | None = None) -> None: ...

    def stop(self) -> None: ...
