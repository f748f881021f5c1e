"""Small makers of domain objects for the domain tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

from pos_app.domain.catalog import CodeMatch, ProductInfo
from pos_app.domain.equivalency import ProductForm
from pos_app.domain.lots import Lot
from pos_app.domain.money import Money
from pos_app.domain.order import Order, complete_sale
from pos_app.domain.sale import Sale
from pos_app.domain.tax import TaxComponent
from pos_app.domain.tenders import CardApproval

HST = TaxComponent("HST", Decimal("0.13"))
GST = TaxComponent("GST", Decimal("0.05"))
PST_BC = TaxComponent("PST", Decimal("0.07"))
TODAY = date(2025, 6, 1)
STORE_ID = UUID("00000000-0000-0000-0000-0000000000aa")
STAFF_ID = UUID("00000000-0000-0000-0000-0000000000bb")


def product(
    sku: str = "FLOWER-35",
    price: str = "24.99",
    *,
    grams: str = "3.5",
    cannabis: bool = True,
    form: ProductForm = ProductForm.DRIED_FLOWER,
    taxable: bool = True,
    name: str | None = None,
) -> ProductInfo:
    return ProductInfo(
        sku=sku,
        name=name or f"Product {sku}",
        unit_price=Money.of(price),
        is_cannabis=cannabis,
        form=form,
        dried_equivalent_per_unit=Decimal(grams) if cannabis else Decimal(0),
        taxable=taxable,
    )


def accessory(sku: str = "LIGHTER", price: str = "2.99") -> ProductInfo:
    return product(sku, price, grams="0", cannabis=False, form=ProductForm.ACCESSORY)


class FakeLookup:
    def __init__(self, codes: Mapping[str, CodeMatch]) -> None:
        self.codes = dict(codes)

    def find_by_code(self, code: str) -> CodeMatch | None:
        return self.codes.get(code)


def card(amount: str, last4: str = "4242") -> CardApproval:
    return CardApproval(
        Money.of(amount), reference=f"ref-{uuid4().hex[:8]}", last4=last4, brand="VISA", auth_code="A12345"
    )


def plenty_of_lots(sale: Sale) -> dict[str, list[Lot]]:
    return {
        line.product.sku: [Lot(f"LOT-{line.product.sku}", line.product.sku, 10_000, date(2025, 1, 1), None)]
        for line in sale.lines
    }


def paid_order(sale: Sale, lots: Mapping[str, list[Lot]] | None = None) -> Order:
    """Pay the rest by card and complete the sale."""
    remaining = sale.payment_status().card_remaining
    if remaining:
        sale.record_age_check(True)  # the customer's ID was checked
        sale.add_card(
            CardApproval(remaining, reference="ref-full", last4="4242", brand="VISA", auth_code="A1")
        )
    return complete_sale(
        sale,
        order_id=uuid4(),
        order_number="S01-1-000001",
        lots_by_sku=plenty_of_lots(sale) if lots is None else lots,
        today=TODAY,
        staff_id=STAFF_ID,
        store_id=STORE_ID,
    )
