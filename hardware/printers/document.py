"""What a receipt or a kiosk ticket slip says, independent of paper width and printer. pos_app maps onto this.

Money is in integer cents. Amounts that reduce the bill (discounts) are given as positive numbers and
printed with a minus sign. Tax lines are one per component (GST, HST, PST, QST), each with its own label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    quantity: Decimal | int
    unit_price_cents: int
    line_total_cents: int
    lots: tuple[str, ...] = ()  # every cannabis line carries its batch lot(s)


@dataclass(frozen=True)
class ReceiptDiscount:
    label: str
    amount_cents: int  # positive; printed as a reduction


@dataclass(frozen=True)
class ReceiptTax:
    label: str  # e.g. "HST 13%"
    amount_cents: int


@dataclass(frozen=True)
class ReceiptTender:
    kind: str  # "cash", "card", "gift card"...
    amount_cents: int
    brand: str = ""  # cards only, e.g. "VISA"
    last4: str = ""  # cards only; never more of the card number
    auth_code: str = ""


def format_cents(cents: int) -> str:
    """Hardware's own plain rendering of an amount; pos_app passes its Money.format() as ``ReceiptLabels.money``."""
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"


@dataclass(frozen=True)
class ReceiptLabels:
    """Every fixed word on the receipt, and how amounts read, so a store can print them in French."""

    licence: str = "Licence"
    receipt: str = "Receipt"
    served_by: str = "Served by"
    lot: str = "Lot"
    subtotal: str = "Subtotal"
    you_saved: str = "You saved"  # under the discounts: what they took off in all
    total: str = "TOTAL"
    cash_rounding: str = "Cash rounding"
    change: str = "Change"
    auth: str = "Auth"
    money: Callable[[int], str] = format_cents  # cents -> text, e.g. "$1,234.56" or "1 234,56 $"
    tender: Callable[[str], str] = str.capitalize  # a tender's kind ("cash", "card refund") as printed


@dataclass(frozen=True)
class ReceiptDocument:
    store_name: str
    store_address: tuple[str, ...]
    licence_number: str
    receipt_number: str  # e.g. "ON001-1-000042"
    timestamp_text: str  # already formatted in the store's local time
    staff_name: str
    lines: tuple[ReceiptLine, ...]
    subtotal_cents: int
    total_cents: int
    taxes: tuple[ReceiptTax, ...] = ()
    discounts: tuple[ReceiptDiscount, ...] = ()
    tenders: tuple[ReceiptTender, ...] = ()
    change_cents: int = 0
    cash_rounding_cents: int = 0  # negative when the cash total was rounded down
    footer: tuple[str, ...] = ()
    title: str = ""  # e.g. "REFUND", or "REPRINT" on a copy
    labels: ReceiptLabels = field(default_factory=ReceiptLabels)


@dataclass(frozen=True)
class TicketSlip:
    """A kiosk cart sent to the counter: its number, large, the lines, the estimated total (an estimate: the
    register re-prices) and a QR code holding ``qr_data``, the very text the kiosk's screen shows as a QR code."""

    store_name: str
    receipt_number: str  # the ticket's number, e.g. "K-3004"; the print queue names its jobs by it
    timestamp_text: str  # already formatted in the store's local time
    lines: tuple[ReceiptLine, ...]
    estimated_total_cents: int
    qr_data: str
    title: str = ""  # "REPRINT" on a copy
    heading: str = "Your number"
    estimate_label: str = "Estimated total"
    footer: tuple[str, ...] = ("Estimate only: the counter confirms prices and taxes.",
                               "Bring this ticket to the counter. Staff check your ID there.")
    labels: ReceiptLabels = field(default_factory=ReceiptLabels)


@dataclass(frozen=True)
class SlipLine:
    text: str
    barcode: str | None = None  # printed under the text as Code 128 (a shelf label's SKU or GTIN)
    bold: bool = False


@dataclass(frozen=True)
class PlainSlip:
    """Lines of text and Code 128 barcodes with no money on them: a receiving summary, shelf labels."""

    receipt_number: str  # what the print queue names the job by, e.g. the purchase order number
    title: str
    lines: tuple[SlipLine, ...]


PrintDocument = ReceiptDocument | TicketSlip | PlainSlip
