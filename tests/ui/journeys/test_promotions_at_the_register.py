"""Promotions at the register, on real parts: the hub (PostgreSQL) imports a promotions file, the terminal pulls
it, and then sells with the hub out of reach. Pre-rolls are buy 2, get 1 at 50 % off; two of one accessory are a
bundle; a discount code is typed after one that is refused; a happy hour on another accessory switches on at its
minute with no sync at all. The cart names each promotion and the totals say "You save"; the receipt (the printer
simulator's decoded text) lists the promotions; back online, the hub counts each promotion's and the code's use
from the order; a refund of one pre-roll gives back the price that unit was actually sold at.

The promotions run on one Friday a week or two ahead only, so the other tests' sales on this shared hub (today's)
are not touched, and the stock is still good that day."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pos_app.domain.money import Money
from pos_app.domain.reason_codes import RefundReason
from pos_app.persistence.models import OrderItem, OrderRefundItem
from pos_app.services.promotions import PromotionCatalog
from pos_app.services.selling import SaleService
from pos_app.ui.register.code_dialog import CodeDialog
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from sync.hub.models import Accessory, DiscountUsage, OcsProduct, PromotionUsage, Tenant
from sync.hub.promotions import save_promotions
from sync.promotions_file import PromotionsFile
from tests.integration.helpers import product_codes
from tests.ui.register_driver import Cashier, wired

FRIDAY = date.today() + timedelta(days=7 + (4 - date.today().weekday()) % 7)
DAY = {"valid_from": f"{FRIDAY}T00:00", "valid_until": f"{FRIDAY + timedelta(days=1)}T00:00"}
B2G1, BUNDLE, HAPPY = "Pre-rolls: buy 2, get 1 at 50 % off", "Two papers for less", "Happy hour: 20 % off"


def promotions(pre_roll_category: str, bundle_sku: str, bundle_price: Money, happy_sku: str) -> dict:
    return {
        "allow_below_cost": True,  # the hub allows it; this store does not, so the till keeps each unit at cost
        "promotions": [
            {"id": 9101, "name": B2G1, "kind": "buy_x_get_y", "buy": 2, "get": 1, "percent": "50",
             "applies_to": {"categories": [pre_roll_category]}, **DAY},
            {"id": 9102, "name": BUNDLE, "kind": "bundle", "bundle_size": 2, "bundle_price": str(bundle_price.amount),
             "applies_to": {"skus": [bundle_sku]}, **DAY},
            {"id": 9103, "name": HAPPY, "kind": "percent_off", "percent": "20", "stackable": True,
             "applies_to": {"skus": [happy_sku]}, **DAY,
             "schedule": [{"days": ["fri"], "start": "16:20", "end": "18:00"}]},
        ],
        "discount_codes": [{"id": 9101, "code": "JOURNEY5", "name": "Journey: $5 off", "discount_type": "fixed",
                            "discount_value": "5.00", **DAY}],
    }


def import_on_the_hub(hub, till) -> tuple[str, str, str]:
    """The promotions file, imported on the hub; returns the pre-roll's, the bundle's and the happy hour's SKUs."""
    pre_roll = product_codes(till.terminal, "pre_roll")[0]
    with hub.db.write() as session:
        tenant = session.scalar(select(Tenant))
        category = session.scalar(select(OcsProduct.category).where(
            OcsProduct.tenant_id == tenant.id, OcsProduct.ocs_variant_number == pre_roll.ocs_variant_number))
        papers = session.scalars(select(Accessory).where(Accessory.tenant_id == tenant.id, Accessory.is_active)
                                 .order_by(Accessory.sku).limit(2)).all()
        bundle_price = Money.of(papers[0].retail_price) * 2 - Money.of("1.00")
        save_promotions(session, tenant.id, PromotionsFile.model_validate(
            promotions(category, papers[0].sku, bundle_price, papers[1].sku)))
    return pre_roll.each_gtin, papers[0].sku, papers[1].sku


@contextmanager
def register_with_clock(qtbot, till, pins, now, *, staff: str = "1001", **hardware):
    """The register window on ``till``, its sales priced at the store-local time ``now()`` gives, with ``staff``
    signed in and their shift open."""
    (till.folder / "pins.txt").write_text("\n".join(f"{code}:{pin}" for code, pin in pins.items()))
    with wired(till.terminal, **hardware) as wired_till:
        context = wired_till.context
        wired_till.__dict__["sales"] = SaleService(  # the till's own service, on a clock the test turns
            wired_till.session_factory, context, clock=lambda: now().astimezone(context.zone),
            promotions=PromotionCatalog(wired_till.session_factory, context.store_id, context.zone))
        cashier = Cashier(qtbot, wired_till)
        cashier.start_the_day(staff)
        try:
            yield cashier
        finally:
            cashier.window.close()


def row_of(cashier: Cashier, sku: str) -> int:
    model = cashier.register.panel.cart_model
    return next(row for row in range(model.rowCount()) if model.line_at(row).product.sku == sku)


def enter_codes(cashier: Cashier) -> None:
    cashier.window.activateWindow()
    cashier.qtbot.waitUntil(cashier.window.isActiveWindow, timeout=2000)
    cashier.qtbot.keyClick(cashier.window.focusWidget() or cashier.window, Qt.Key.Key_F6,
                           Qt.KeyboardModifier.ShiftModifier)
    dialog = cashier.wait_for_dialog(CodeDialog)
    # Set, not typed key by key: a loaded machine can bunch keys up into what the wedge filter takes for a scan.
    dialog.code_field.setText("NOPE")
    cashier.qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    assert dialog.error_text.startswith("No discount code “NOPE” is known"), dialog.error_text
    dialog.code_field.setText("journey5")
    cashier.click(dialog.apply_button)
    assert not dialog.isVisible(), dialog.error_text
    assert "Code JOURNEY5 applied" in cashier.notice


def test_promotions_from_the_hub_price_a_sale_offline_print_count_and_refund(qtbot, hub, make_till, hub_pins,
                                                                             printer):
    till = make_till(hub.url)
    pre_roll_gtin, bundle_sku, happy_sku = import_on_the_hub(hub, till)
    till.sync.sync_once()  # the promotions reach the replica; from here on the till does not sync
    clock = {"now": datetime.combine(FRIDAY, time(16, 19, 30))}
    with register_with_clock(qtbot, till, hub_pins, lambda: clock["now"].replace(tzinfo=till.terminal.context.zone),
                             printer_url=f"tcp://127.0.0.1:{printer.port}") as cashier:
        panel = cashier.register.panel
        for code in (happy_sku, pre_roll_gtin, pre_roll_gtin, pre_roll_gtin, bundle_sku, bundle_sku):
            cashier.scan(code)
        model = panel.cart_model
        pre_roll_sku = cashier.till.sales.sale.lines[1].product.sku
        assert B2G1 in model.data(model.index(row_of(cashier, pre_roll_sku), 0))
        assert BUNDLE in model.data(model.index(row_of(cashier, bundle_sku), 0))
        assert model.promotion_text(row_of(cashier, happy_sku)) == "", "16:19: the happy hour has not begun"
        enter_codes(cashier)

        clock["now"] = clock["now"].replace(minute=20)  # 16:20, still offline: the happy hour begins
        qtbot.waitUntil(lambda: HAPPY in model.promotion_text(row_of(cashier, happy_sku)), timeout=5000)
        totals = cashier.till.sales.sale.totals
        applied = {a.name: a.saving for a in totals.pricing.applied}
        assert set(applied) == {B2G1, BUNDLE, HAPPY, "Journey: $5 off"} and all(applied.values())
        assert applied[BUNDLE] == Money.of("1.00") and applied["Journey: $5 off"] == Money.of("5.00")
        assert panel.totals.you_save_label.isVisible()
        assert panel.totals.you_save_label.text() == f"You save {totals.discounts.format()}"
        assert totals.discounts == totals.promotions == sum(applied.values(), Money.zero())

        cashier.click(cashier.button("F12"))
        assert cashier.dialog is not None, cashier.notice
        cashier.attest_age()
        tender = cashier.wait_for_dialog(TenderDialog)
        with qtbot.waitSignal(cashier.register.checkout.completed) as done:
            cashier.click(tender.exact_button)
        order = done.args[0]
        qtbot.waitUntil(lambda: any(order.order_number in job.text for job in printer.wait_for_jobs(1, 0)),
                        timeout=10_000)
        receipt = next(job.text for job in printer.wait_for_jobs(1, 0) if order.order_number in job.text)
        for name in (B2G1, BUNDLE, HAPPY, "Code JOURNEY5: Journey: $5 off"):
            assert name in receipt, receipt
        printed = receipt.splitlines()
        saved = printed.index(f"You saved {totals.discounts.format()}")  # what they took off, in one figure
        assert all(any(line.startswith(name) for line in printed[:saved])
                   for name in (B2G1, BUNDLE, HAPPY, "Code JOURNEY5")), receipt
        assert order.total_amount == totals.total

        # A partial refund: one pre-roll goes back at the price that unit was sold at, as allocated.
        line = next(line for line in order.lines if line.sku == pre_roll_sku)
        assert line.quantity == 3 and len(line.unit_prices_paid) == 3
        assert sum(line.unit_prices_paid) == line.taxable_amount.cents  # no manual discount on this sale
        cashier.key(Qt.Key.Key_F9)
        refund = cashier.wait_for_dialog(RefundDialog)
        cashier.type(refund.number_field, order.order_number)
        qtbot.keyClick(refund.number_field, Qt.Key.Key_Return)
        refund.set_quantity(order.lines.index(line), 1)
        refund.reason.choose(RefundReason.CHANGED_MIND)
        cashier.click(refund.refund_button)
        with qtbot.waitSignal(cashier.register.refunds.refunded, timeout=5000):
            cashier.approve("2001")
        with cashier.till.session_factory() as session:
            returned = session.scalar(select(OrderRefundItem.amount).where(OrderRefundItem.order_item_id
                                                                           == line.line_id))
            kept = session.get(OrderItem, line.line_id)
            assert Money.of(kept.promotion_discount) == line.promotion_discount > Money.zero()
        assert Money.of(returned) == Money.from_cents(line.unit_prices_paid[0])
        assert line.unit_prices_paid[0] < line.unit_price.cents, "the unit the deal took money off goes back first"

    till.sync.sync_once()  # back online: the hub counts the uses from the order
    with hub.db.read() as session:
        used = dict(session.execute(select(PromotionUsage.promotion_number, func.count()).where(
            PromotionUsage.order_id == order.order_id).group_by(PromotionUsage.promotion_number)).all())
        assert used == {9101: 1, 9102: 1, 9103: 1}
        code = session.scalar(select(DiscountUsage).where(DiscountUsage.order_id == order.order_id))
        assert (code.code, Money.of(code.amount), code.over_limit) == ("JOURNEY5", Money.of("5.00"), False)
