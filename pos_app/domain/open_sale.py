"""The sale in progress as plain data: the cart (as a parked sale keeps it), its sale id and its payments.

It is saved at every change, so closing the window, a crash or a power cut loses nothing. A sale comes back at
today's prices, like a resumed parked sale, unless money was already taken on it: then it comes back at the prices
that money paid for, since its cart is fixed once a card has paid (``SaleLocked``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from pos_app.domain.catalog import ProductLookup
from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money
from pos_app.domain.parking import cart_snapshot, restore_snapshot, saved_codes
from pos_app.domain.sale import Sale
from pos_app.domain.staff import Role
from pos_app.domain.tax import TaxComponent
from pos_app.domain.tenders import CardApproval, CardTender, CashTender, Tender


def open_sale_snapshot(sale: Sale) -> dict[str, Any]:
    snapshot = cart_snapshot(sale)
    for item, line in zip(snapshot["lines"], sale.lines, strict=True):
        item["unit_price_cents"] = line.product.unit_price.cents
    snapshot["sale_id"] = str(sale.sale_id)
    snapshot["age_verified"] = sale.age_verified
    snapshot["tenders"] = [_tender_data(tender) for tender in sale.tenders]
    return snapshot


def is_blank(sale: Sale) -> bool:
    """Nothing worth keeping: no items and no money taken."""
    return sale.is_empty and not sale.tenders


def saved_tenders(snapshot: dict[str, Any]) -> list[Tender]:
    return [_tender_from(data) for data in snapshot.get("tenders", [])]


@dataclass
class RestoredSale:
    sale: Sale
    missing: list[str] = field(default_factory=list)  # SKUs that can no longer be sold, left out
    refused: list[Tender] = field(default_factory=list)  # payments the sale as it is now cannot take back
    codes: tuple[str, ...] = ()  # the discount codes given: the service prices the sale with them again

    @property
    def card_tenders(self) -> list[CardTender]:
        return [t for t in self.sale.tenders if isinstance(t, CardTender)]


def restore_open_sale(snapshot: dict[str, Any], lookup: ProductLookup, tenders: Sequence[Tender], *,
                      tax_components: Sequence[TaxComponent], role: Role,
                      own_cap: Decimal | None = None) -> RestoredSale:
    """The saved sale, with ``tenders`` (the caller decides which payments stand: the card journal has the last
    word on cards) put back on it."""
    sale = Sale(UUID(snapshot["sale_id"]), tax_components=tax_components, role=role, own_cap=own_cap)
    restored = RestoredSale(sale, codes=saved_codes(snapshot))
    restored.missing = restore_snapshot(sale, snapshot, lookup, saved_prices=bool(tenders))
    # Money is taken only after the age check; the check itself was logged when it was made.
    if snapshot.get("age_verified") or tenders:  # an unchecked sale stays unchecked, not refused
        sale.record_age_check(True)
    for tender in tenders:
        try:
            if isinstance(tender, CardTender):
                sale.add_card(tender.approval)
            else:
                sale.add_cash(tender.amount)
        except DomainError:
            restored.refused.append(tender)
    return restored


def _tender_data(tender: Tender) -> dict[str, Any]:
    if isinstance(tender, CardTender):
        a = tender.approval
        return {"kind": "card", "amount_cents": a.amount.cents, "reference": a.reference, "last4": a.last4,
                "brand": a.brand, "auth_code": a.auth_code}
    return {"kind": "cash", "amount_cents": tender.amount.cents}


def _tender_from(data: dict[str, Any]) -> Tender:
    amount = Money.from_cents(data["amount_cents"])
    if data["kind"] == "card":
        return CardTender(CardApproval(amount=amount, reference=data["reference"], last4=data["last4"],
                                       brand=data["brand"], auth_code=data["auth_code"]))
    return CashTender(amount)
