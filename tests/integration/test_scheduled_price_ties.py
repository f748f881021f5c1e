"""Two scheduled prices of a SKU due the same minute: the one made last is the price, whichever way the till reads
it (a scan, or re-pricing an open sale), as the hub applies them (sync/hub/prices.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from pos_app.persistence.catalog_repository import find_by_code, scheduled_prices
from pos_app.persistence.models import Accessory, PriceSchedule
from tests.integration.helpers import product_codes

NOW = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)


def _two_due_the_same_minute(session, store_id: uuid.UUID, sku: str) -> None:
    due = NOW - timedelta(minutes=5)
    made = NOW - timedelta(days=2)
    # The later change is written first, so the rows' order on disk cannot be what decides.
    for price, made_at in ((Decimal("7.77"), made + timedelta(hours=1)), (Decimal("5.55"), made)):
        session.add(PriceSchedule(id=uuid.uuid4(), store_id=store_id, sku=sku, price=price, effective_at=due,
                                  status="pending", created_at=made_at, updated_at=made_at))
    session.commit()


def test_the_change_made_last_wins_for_a_product_and_an_accessory(terminal):
    store_id = terminal.context.store_id
    flower = product_codes(terminal, "dried_flower")[0]
    with terminal.session_factory() as session:
        accessory = session.scalar(select(Accessory).where(Accessory.is_active).order_by(Accessory.sku).limit(1))
        for sku in (flower.ocs_variant_number, accessory.sku):
            _two_due_the_same_minute(session, store_id, sku)
        for code in (flower.each_gtin, flower.ocs_variant_number, accessory.sku):
            assert find_by_code(session, store_id, code, NOW).product.unit_price.amount == Decimal("7.77"), code
        assert scheduled_prices(session, store_id, [flower.ocs_variant_number, accessory.sku], NOW) == {
            flower.ocs_variant_number: Decimal("7.77"), accessory.sku: Decimal("7.77")}
