"""A paid sale is never priced again: a happy hour takes half off an accessory on a sale that is paid; the
terminal is closed and opened again after the happy hour ended (a new sale of the same item is at full price).
The stored order, its receipt reprint (the printer simulator's decoded text) and a refund of one unit all keep
what was paid.

The happy hour runs on a weekday two days from today's, so the calendar's own clock is never inside it either:
anything that priced the stored order again, at whatever time, would find no promotion and the test would fail."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from sqlalchemy import select

from hardware.printers.adapter import EscposPrinter
from hardware.simulators.printer import PrinterSimulator
from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.domain.money import Money
from pos_app.persistence.models import Accessory, Promotion
from pos_app.services.promotions import PromotionCatalog
from pos_app.services.receipts import receipt_for_order
from pos_app.services.selling import SaleService
from tests.integration.helpers import staff
from tests.integration.test_printing import amount_on
from tests.integration.test_shifts import FLOAT

HAPPY = "Happy hour: half off"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def happy_hour_day(zone) -> datetime:
    """Two days from today in the store's zone: a weekday the calendar's clock is not on."""
    return datetime.combine(datetime.now(zone).date() + timedelta(days=2), time(0), tzinfo=zone)


def seed_happy_hour(terminal, day: datetime) -> str:
    with terminal.session_factory.begin() as session:
        sku = session.scalar(select(Accessory.sku).where(Accessory.is_active.is_(True)).order_by(Accessory.sku))
        session.add(Promotion(id=uuid.uuid4(), number=41, name=HAPPY, promo_type="percent_off", definition={
            "id": 41, "name": HAPPY, "kind": "percent_off", "percent": "50", "applies_to": {"skus": [sku]},
            "schedule": [{"days": [DAYS[day.weekday()]], "start": "16:00", "end": "18:00"}]}))
    return sku


def till_at(terminal, moment: datetime) -> SaleService:
    context = terminal.context
    return SaleService(terminal.session_factory, context, clock=lambda: moment,
                       promotions=PromotionCatalog(terminal.session_factory, context.store_id, context.zone))


def reprinted_text(order, terminal, sim: PrinterSimulator, staff_name: str) -> str:
    document = receipt_for_order(order, terminal.context, staff_name=staff_name, reprint=True,
                                 zone=terminal.context.zone)
    EscposPrinter(f"tcp://127.0.0.1:{sim.port}", timeout_s=2.0).print_receipt(document)
    (job,) = [job for job in sim.wait_for_jobs(1) if job.text.strip()]
    return job.text


def test_a_paid_sale_keeps_its_happy_hour_price_after_a_restart_in_its_order_reprint_and_refund(
        terminal, printer_sim):
    day = happy_hour_day(terminal.context.zone)
    sku = seed_happy_hour(terminal, day)
    cashier, manager = staff(terminal, "1001"), staff(terminal, "2001")
    during = till_at(terminal, day.replace(hour=16, minute=30))
    during.cash_session_id = terminal.shifts.open_shift(cashier, FLOAT).id
    during.start_sale(cashier)
    during.scan(sku)
    during.scan(sku)
    line = during.sale.lines[0]
    assert line.quantity == 2
    full = line.product.unit_price
    half = full - Money.from_cents(full.cents // 2)  # 50 % off, rounded half-up to the cent
    assert during.sale.totals.promotions == (full - half) * 2
    during.tender_cash(during.payment_status().cash_remaining)
    order = during.complete()
    (paid,) = order.lines
    assert paid.promotion_discount == (full - half) * 2 and [a.name for a in paid.promotions] == [HAPPY]
    assert paid.unit_prices_paid == (half.cents, half.cents)

    terminal.close()  # the till is shut down; it opens again after the happy hour ended
    reopened = open_terminal(load_settings(terminal.settings.data_dir), log_to_file=False)
    try:
        after = till_at(reopened, day.replace(hour=18, minute=5))
        after.start_sale(cashier)
        after.scan(sku)
        assert after.sale.totals.promotions == Money.zero()  # the happy hour is over for new sales
        after.cancel_sale()

        stored, refunded = reopened.refunds.find_order(order.order_number)
        assert not any(refunded.values())
        (kept,) = stored.lines
        assert (kept.gross, kept.discount, kept.promotion_discount, kept.promotions, kept.unit_prices_paid) == (
            paid.gross, paid.discount, paid.promotion_discount, paid.promotions, paid.unit_prices_paid)
        assert (stored.subtotal, stored.discount_amount, stored.tax_amount, stored.total_amount) == (
            order.subtotal, order.discount_amount, order.tax_amount, order.total_amount)

        text = reprinted_text(stored, reopened, printer_sim, cashier.name)
        assert "REPRINT" in text and f"Receipt {order.order_number}" in text
        assert amount_on(text, HAPPY) == f"-{(full - half) * 2}"
        assert f"You saved {(full - half) * 2}" in text.splitlines()
        assert amount_on(text, "TOTAL") == str(order.total_amount)

        refund = reopened.refunds.refund(order.order_number, {paid.line_id: 1}, staff=manager, approver=manager,
                                         method="cash")
        (back,) = refund.lines
        assert back.amount == half  # the unit goes back at the price it was sold at, not today's
        assert refund.subtotal == half
    finally:
        reopened.close()
