"""The register prices every sale with the store's promotions from the replica: a promotion applies as items are
scanned, the totals say what it saved, a manual discount comes after it, tax is on the discounted amount, a happy
hour switches at its minute, and a code is taken or refused with a sentence."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update

from pos_app.domain.money import Money
from pos_app.domain.staff import Role
from pos_app.persistence.models import Accessory, DiscountCode, OcsInventory, OcsProduct, Promotion, SyncOutbox
from pos_app.services.promotions import PromotionCatalog
from pos_app.services.selling import SaleService
from pos_app.services.staff import first_staff_with_role
from tests.integration.test_shifts import FLOAT

NOW = {"t": datetime(2026, 11, 20, 21, 19, tzinfo=UTC)}  # Friday 16:19 in Toronto


def _seed(terminal) -> str:
    with terminal.session_factory() as session:
        sku = session.scalar(select(Accessory.sku).where(Accessory.is_active.is_(True)).order_by(Accessory.sku))
        session.add(Promotion(id=uuid.uuid4(), number=1, name="Happy hour: 50 % off", promo_type="percent_off",
                              definition={"id": 1, "name": "Happy hour: 50 % off", "kind": "percent_off",
                                          "applies_to": {"skus": [sku]}, "percent": "50", "stackable": True,
                                          "schedule": [{"days": ["fri"], "start": "16:20", "end": "18:00"}]}))
        session.add(DiscountCode(id=uuid.uuid4(), code="TAKE1", description="$1 off", discount_type="fixed",
                                 discount_value=1, number=1, minimum_purchase=100, usage_limit=5))
        session.add(DiscountCode(id=uuid.uuid4(), code="ONE", description="$1 off, any purchase",
                                 discount_type="fixed", discount_value=1, number=2))
        session.commit()
    return sku


def test_promotions_price_the_sale_live_and_codes_get_sentences(terminal):
    sku = _seed(terminal)
    catalog = PromotionCatalog(terminal.session_factory, terminal.context.store_id, terminal.context.zone)
    service = SaleService(terminal.session_factory, terminal.context, clock=lambda: NOW["t"], promotions=catalog)
    service.start_sale(first_staff_with_role(terminal.session_factory, Role.CASHIER))
    service.scan(sku)
    sale = service.sale
    price = sale.lines[0].product.unit_price
    assert sale.totals.promotions == Money.zero()  # 16:19: not yet
    NOW["t"] = datetime(2026, 11, 20, 21, 20, tzinfo=UTC)  # 16:20, offline all along: the minute switches it on
    totals = sale.totals
    half = price - Money.of((price.amount / 2).quantize(Money.zero().amount, rounding="ROUND_HALF_UP"))
    assert totals.promotions == price - half
    assert totals.pricing.applied[0].name == "Happy hour: 50 % off"
    assert totals.taxable_per_line[0] == price - totals.promotions  # tax on the discounted amount
    assert totals.total == totals.subtotal - totals.discounts + totals.tax_total

    assert service.enter_code("nope").startswith("No discount code “NOPE” is known")
    assert "needs a purchase of" in service.enter_code("take1")
    assert service.enter_code("one") is None
    assert service.sale.totals.discounts == totals.promotions + Money.of("1.00")
    assert service.enter_code("ONE") == "Code ONE is on this sale already."


def test_a_parked_or_restored_sale_keeps_its_promotions_and_codes(terminal):
    sku = _seed(terminal)
    catalog = PromotionCatalog(terminal.session_factory, terminal.context.store_id, terminal.context.zone)
    during = {"t": datetime(2026, 11, 20, 21, 30, tzinfo=UTC)}  # Friday 16:30 in Toronto: the happy hour is on

    def till() -> SaleService:
        return SaleService(terminal.session_factory, terminal.context, clock=lambda: during["t"], promotions=catalog)

    cashier = first_staff_with_role(terminal.session_factory, Role.CASHIER)
    service = till()
    service.start_sale(cashier)
    service.scan(sku)
    assert service.enter_code("one") is None
    priced = service.sale.totals.discounts
    assert priced > Money.of("1.00")  # the happy hour and the code

    info = service.park("promotions")
    assert service.resume(info.id) == []
    assert service.sale.promotions.codes == ("ONE",)
    assert service.sale.totals.discounts == priced

    restarted = till()  # the till closed and opened again on the sale it left
    restarted.recover(cashier)
    assert restarted.sale.promotions.codes == ("ONE",)
    assert restarted.sale.totals.discounts == priced


def test_the_register_never_prices_cannabis_below_what_the_store_paid(terminal):
    with terminal.session_factory() as session:
        sku, cost = session.execute(select(OcsInventory.sku, OcsInventory.unit_cost).join(
            OcsProduct, OcsProduct.ocs_variant_number == OcsInventory.sku).where(
            OcsInventory.quantity_on_hand > 0, OcsInventory.unit_cost > 0).order_by(OcsInventory.sku)).first()
        session.add(Promotion(id=uuid.uuid4(), number=7, name="90 % off", promo_type="percent_off",
                              definition={"id": 7, "name": "90 % off", "kind": "percent_off", "percent": "90",
                                          "applies_to": {"skus": [sku]}}))
        session.commit()
    catalog = PromotionCatalog(terminal.session_factory, terminal.context.store_id, terminal.context.zone)
    service = SaleService(terminal.session_factory, terminal.context, clock=lambda: NOW["t"], promotions=catalog)
    service.start_sale(first_staff_with_role(terminal.session_factory, Role.CASHIER))
    service.scan(sku)
    line = service.sale.lines[0]
    assert line.product.unit_cost == Money.of(cost)
    totals = service.sale.totals
    assert totals.promotions == line.gross - Money.of(cost), "90 % off stops at the unit's cost"
    assert totals.taxable_per_line[0] == Money.of(cost)


def test_a_code_s_uses_are_counted_on_the_terminal_until_the_hub_has_counted_them(terminal):
    """Offline, this till counts its own uses of a code: with a limit of one, the second sale is refused the code
    before the hub has heard of the first; once the hub applied the order and fed its count back, still refused,
    and the use is not counted twice. (Two tills offline may each take the last use: the hub accepts both orders
    and flags the one over the limit: tests/sync/hub/test_promotions.py.)"""
    with terminal.session_factory.begin() as session:
        session.add(DiscountCode(id=uuid.uuid4(), code="LIMIT1", description="Once only", discount_type="fixed",
                                 discount_value=1, number=51, usage_limit=1))
    with terminal.session_factory() as session:
        sku = session.scalar(select(Accessory.sku).where(Accessory.is_active.is_(True)).order_by(Accessory.sku))
    catalog = PromotionCatalog(terminal.session_factory, terminal.context.store_id, terminal.context.zone)
    service = SaleService(terminal.session_factory, terminal.context, clock=lambda: NOW["t"], promotions=catalog)
    cashier = first_staff_with_role(terminal.session_factory, Role.CASHIER)
    service.cash_session_id = terminal.shifts.open_shift(cashier, FLOAT).id
    service.start_sale(cashier)
    service.scan(sku)
    assert service.enter_code("limit1") is None
    service.tender_cash(service.payment_status().cash_remaining)
    order = service.complete()
    assert [s.code for line in order.lines for s in line.promotions] == ["LIMIT1"]

    used_up = "Code LIMIT1 has been used all 1 times it may be. It cannot be used again."
    service.start_sale(cashier)
    service.scan(sku)
    assert service.enter_code("LIMIT1") == used_up  # the order has not reached the hub: counted here

    with terminal.session_factory.begin() as session:  # the hub applied the order and fed its count back
        session.execute(update(SyncOutbox).where(SyncOutbox.name == "order.completed.v1").values(status="applied"))
        session.execute(update(DiscountCode).where(DiscountCode.code == "LIMIT1").values(usage_count=1, version=9))
    assert service.enter_code("LIMIT1") == used_up
    with terminal.session_factory.begin() as session:  # a manager raised the limit on the hub: one use is left
        session.execute(update(DiscountCode).where(DiscountCode.code == "LIMIT1").values(usage_limit=2, version=10))
    assert service.enter_code("LIMIT1") is None, "the use the hub counted is not counted again here"
