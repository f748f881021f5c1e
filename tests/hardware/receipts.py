"""A receipt as pos_app would hand it over: Ontario, HST 13 %, one cannabis line with two lots, cash."""

from __future__ import annotations

from decimal import Decimal

from hardware.printers.document import (
    ReceiptDiscount,
    ReceiptDocument,
    ReceiptLine,
    ReceiptTax,
    ReceiptTender,
)


def sample_receipt(**changes) -> ReceiptDocument:
    fields = dict(
        store_name="Maple Leaf Cannabis",
        store_address=("123 Queen St W", "Toronto ON M5H 2M9"),
        licence_number="CRSA-1234567",
        receipt_number="ON001-1-000042",
        timestamp_text="2026-11-21 14:32",
        staff_name="Alex",
        lines=(
            ReceiptLine("Crème brûlée Édition 3.5 g", 2, 3500, 7000, ("LOT-A1", "LOT-A2")),
            ReceiptLine("Pre-roll 0.5 g", Decimal("3"), 900, 2700, ("PR-77",)),
            ReceiptLine("Rolling papers", 1, 299, 299),
        ),
        subtotal_cents=9999,
        discounts=(ReceiptDiscount("Loyalty 10%", 1000),),
        taxes=(ReceiptTax("HST 13%", 1170),),
        total_cents=10169,
        tenders=(
            ReceiptTender("card", 5000, brand="VISA", last4="4242", auth_code="A1B2C3"),
            ReceiptTender("cash", 5200),
        ),
        cash_rounding_cents=1,
        change_cents=30,
        footer=("Merci! Thank you.", "Returns within 30 days with this receipt."),
    )
    fields.update(changes)
    return ReceiptDocument(**fields)
