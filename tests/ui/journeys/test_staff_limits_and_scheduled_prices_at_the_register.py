"""What the hub sets for a staff member and a store's prices, at a real register: a cashier whose own discount limit
is 10 % is refused 15 % with a sentence, and a new price scheduled for 16:20 reaches the terminal ahead of time and
switches at that minute with the hub out of reach, re-pricing the line already in the cart and the next scan.

The change is set for one Friday a week or two ahead, in the store's time, so it is still to come on the shared
hub whatever the other tests do (see test_promotions_at_the_register.py, whose clock this test turns too)."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from decimal import Decimal

from sqlalchemy import select

from pos_app.domain.money import Money
from pos_app.domain.reason_codes import DiscountReason
from pos_app.ui.common.cart_model import COLUMNS
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.override import OverrideDialog
from sync.hub import staff, tenancy
from sync.hub.feed.record import record_put
from sync.hub.models import Accessory, PriceSchedule, Tenant
from sync.hub.price_schedules import schedule_price
from tests.ui.journeys.test_promotions_at_the_register import FRIDAY, register_with_clock

PIN = "2468"
PRICE_COLUMN = COLUMNS.index("Price")


def set_up_on_the_hub(hub, store_id) -> tuple[str, str, Money]:
    """A cashier with their own 10 % limit (PIN chosen already), and a new price for an accessory from 16:20 on
    FRIDAY; returns the cashier's code, the accessory's SKU and its new price."""
    code = f"Q{uuid.uuid4().hex[:5].upper()}"
    with hub.db.write() as session:
        tenant = session.scalar(select(Tenant))
        scope = tenancy.Scope(tenant.id, via="cli")
        cashier = staff.create_staff(session, scope, store_id, staff_code=code, pin=PIN, first_name="Capped",
                                     role="cashier", discount_cap_percent="10")
        cashier.pin_temporary = False  # as if they had chosen their own at a first sign-in
        record_put(session, cashier)
        accessory = session.scalars(select(Accessory).where(Accessory.tenant_id == tenant.id, Accessory.is_active)
                                    .order_by(Accessory.sku.desc()).limit(1)).one()
        new_price = Money.of(accessory.retail_price) + Money.of("1.25")
        schedule_price(session, scope, store_id, accessory.sku, new_price.amount,
                       datetime.combine(FRIDAY, time(16, 20)))
    return code, accessory.sku, new_price


def ask_for_a_discount(cashier, percent: str) -> None:
    cashier.click(cashier.button("F5"))
    dialog = cashier.wait_for_dialog(DiscountDialog)
    dialog.set_value(percent)
    dialog.reason.choose(DiscountReason.LOYALTY)
    dialog.apply()


def test_a_cashiers_own_limit_and_a_scheduled_price_from_the_hub_hold_at_the_register_offline(qtbot, hub, make_till,
                                                                                              hub_pins):
    till = make_till(hub.url)
    code, sku, new_price = set_up_on_the_hub(hub, till.terminal.context.store_id)
    till.sync.sync_once()  # the cashier and the schedule reach the replica; from here on the till does not sync
    clock = {"now": datetime.combine(FRIDAY, time(16, 19, 30))}
    with register_with_clock(qtbot, till, {**hub_pins, code: PIN},
                             lambda: clock["now"].replace(tzinfo=till.terminal.context.zone), staff=code) as cashier:
        sales = cashier.till.sales
        cashier.scan(sku)
        before = sales.sale.lines[0]
        assert before.product.unit_price != new_price, "16:19: the old price"

        ask_for_a_discount(cashier, "15")
        override = cashier.wait_for_dialog(OverrideDialog)
        lead = override.findChild(type(override.title_label), "DialogLead").text()
        assert lead == "A 15% discount is over this cashier's own limit of 10%. Ask a manager to approve it."
        override.reject()
        assert not sales.sale.line(before.line_id).discount, "refused without a manager"

        clock["now"] = clock["now"].replace(minute=20)  # 16:20, still offline: the new price begins
        model = cashier.register.panel.cart_model
        qtbot.waitUntil(lambda: sales.sale.lines[0].product.unit_price == new_price, timeout=5000)
        qtbot.waitUntil(lambda: model.data(model.index(0, PRICE_COLUMN)) == new_price.format(), timeout=5000)
        cashier.scan(sku)
        assert [(line.quantity, line.product.unit_price) for line in sales.sale.lines] == [(2, new_price)]
        assert sales.sale.totals.subtotal == new_price * 2

        ask_for_a_discount(cashier, "10")  # within their limit: no manager needed
        assert cashier.dialog is None or not isinstance(cashier.dialog, OverrideDialog)
        assert sales.sale.lines[0].discount == new_price * 2 * Decimal("0.10")

    with hub.db.read() as session:  # the hub was not asked: its copy is still to come
        assert session.scalar(select(PriceSchedule.status).where(PriceSchedule.sku == sku)) == "pending"
