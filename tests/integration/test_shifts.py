"""A whole shift at one till: float, cash and card sales, a void, a refund, a drop, a paid-out, X and Z reports."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, update

from pos_app.domain.cash_count import counts_for
from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money
from pos_app.persistence.models import (
    AuditLog,
    CashMovement,
    CashSession,
    Order,
    OrderStatusHistory,
    PaymentTransaction,
    SyncOutbox,
)
from pos_app.services.errors import CashMovementRefused, NoOpenShift, ShiftAlreadyOpen, VarianceNeedsManager
from sync.mutations import ShiftClosedV1
from tests.integration.helpers import product_codes, staff, terminal_with

FLOAT = {"20": 5, "10": 5, "5": 4, "2": 10, "1": 7, "0.25": 12}  # $200.00


@pytest.fixture
def till(terminal, card_simulator):
    with terminal_with(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as wired:
        yield wired


def sell(till, cashier, form: str, *, cash: Money | None = None, card: bool = False, index: int = 0):
    sales = till.sales
    sales.start_sale(cashier)
    sales.scan(product_codes(till, form, index + 1)[index].each_gtin)
    till.age_checks.attest(sales, cashier)
    if card:
        till.card_payments.charge(sales, sales.totals().total)
    if cash is not None:
        sales.tender_cash(cash)
    return sales.complete()


def void(till, order, manager) -> None:
    """What the void command does to an order: status, history, and a reversing row per payment."""
    with till.session_factory() as session:
        session.execute(update(Order).where(Order.id == order.order_id).values(status="voided"))
        session.add(OrderStatusHistory(order_id=order.order_id, status="voided", changed_by=manager.id))
        paid = session.scalars(select(PaymentTransaction).where(PaymentTransaction.order_id == order.order_id))
        for payment in paid:
            session.add(PaymentTransaction(
                store_id=payment.store_id, order_id=order.order_id, provider=payment.provider,
                amount=-payment.amount, status="voided", payment_method=payment.payment_method,
            ))
        session.commit()


def tender_sums(till, shift_id: uuid.UUID) -> dict[str, Money]:
    """What the shift's orders took, by tender, straight from the payment rows."""
    with till.session_factory() as session:
        rows = session.execute(
            select(PaymentTransaction.payment_method, func.sum(PaymentTransaction.amount))
            .join(Order, Order.id == PaymentTransaction.order_id)
            .where(Order.cash_session_id == shift_id, Order.status != "voided",
                   PaymentTransaction.refund_id.is_(None))
            .group_by(PaymentTransaction.payment_method)
        ).all()
    return {method: Money.of(total) for method, total in rows}


def test_a_shift_from_float_to_z_report(till, card_simulator):
    cashier, manager = staff(till, "1001"), staff(till, "2001")
    shifts = till.shifts
    assert shifts.current() is None
    opened = shifts.open_shift(cashier, FLOAT)
    assert opened.opening_float == Money.of("200.00") and opened.opened_by == cashier
    assert shifts.current() == opened
    with pytest.raises(ShiftAlreadyOpen) as twice:
        shifts.open_shift(manager, FLOAT)
    assert "already open on this till, opened by Maya Tremblay" in twice.value.message
    till.sales.cash_session_id = opened.id

    cash_sale = sell(till, cashier, "dried_flower", cash=Money.of("100.00"))
    card_sale = sell(till, cashier, "pre_roll", card=True)
    voided = sell(till, cashier, "beverage", cash=Money.of("50.00"))
    void(till, voided, manager)
    refund = till.refunds.refund(cash_sale.order_number, {cash_sale.lines[0].line_id: 1}, staff=manager,
                                 method="cash")
    shifts.cash_drop(cashier, Money.of("20.00"))
    shifts.paid_out(cashier, Money.of("4.75"), "Window cleaner")

    x = shifts.x_report()
    assert x.kind == "X" and x.counted_cash is None
    assert (x.sales_count, x.voids_count, x.refunds_count) == (2, 1, 1)
    assert x.tenders == {"cash": cash_sale.amount_paid, "card": card_sale.card_paid}
    assert card_simulator.captured_cents() == card_sale.total_amount.cents
    assert x.tenders == tender_sums(till, opened.id)
    assert x.voids_total == voided.amount_paid
    assert x.refunds == {"cash": refund.cash_total()}
    assert x.gross_sales == cash_sale.subtotal + card_sale.subtotal
    assert x.taxes == {"HST": cash_sale.tax_components["HST"] + card_sale.tax_components["HST"]}
    assert (x.drops, x.paid_outs) == (Money.of("20.00"), Money.of("4.75"))
    expected = Money.of("200.00") + cash_sale.amount_paid - refund.cash_total() - Money.of("24.75")
    assert x.expected_cash == expected

    # Fifty dollars short is over the store's limit: refused for the cashier alone, and nothing is written.
    limit = shifts.variance_limit()
    assert limit == Money.of("10.00")  # the demo store's setting
    short = counts_for(expected - Money.of("50.00"))
    with pytest.raises(VarianceNeedsManager) as refused:
        shifts.close_shift(cashier, short)
    assert refused.value.variance == Money.of("-50.00")
    assert "$50.00 short" in refused.value.message and "manager must approve" in refused.value.message
    assert shifts.current() is not None
    with till.session_factory() as session:
        assert session.scalar(select(func.count()).where(SyncOutbox.name == "shift.closed.v1")) == 0

    z = shifts.close_shift(cashier, short, approver=manager)
    assert z.kind == "Z" and z.closed_by == "Maya Tremblay"
    assert z.tenders == tender_sums(till, opened.id) == x.tenders
    assert (z.expected_cash, z.counted_cash, z.variance) == (expected, expected - Money.of("50.00"),
                                                             Money.of("-50.00"))
    assert shifts.current() is None
    with pytest.raises(NoOpenShift):
        shifts.x_report()

    with till.session_factory() as session:
        row = session.get(CashSession, opened.id)
        closed_audit = session.scalars(select(AuditLog).where(AuditLog.action == "shift.closed")).one()
        (outbox,) = session.scalars(select(SyncOutbox).where(SyncOutbox.name == "shift.closed.v1"))
        movements = session.scalars(select(CashMovement.kind).order_by(CashMovement.created_at)).all()
    assert (row.status, row.closed_by, row.variance_approved_by) == ("closed", cashier.id, manager.id)
    assert Money.of(row.counted_cash) == z.counted_cash and Money.of(row.variance) == Money.of("-50.00")
    assert closed_audit.approved_by == manager.id and closed_audit.details["variance_cents"] == -5000
    assert movements == ["drop", "paid_out"]
    hub = ShiftClosedV1.model_validate(outbox.args)
    assert (hub.cash_session_id, hub.closed_by, hub.variance_approved_by) == (opened.id, cashier.id, manager.id)
    assert (hub.opening_float_cents, hub.expected_cash_cents, hub.variance_cents) == (20000, expected.cents, -5000)
    assert hub.terminal_no == till.context.terminal_no and hub.store_id == till.context.store_id
    assert hub.opening_counts == FLOAT and hub.closing_counts == short


def test_a_count_within_the_limit_closes_without_a_manager(terminal):
    cashier = staff(terminal, "1001")
    terminal.shifts.open_shift(cashier, FLOAT)
    z = terminal.shifts.close_shift(cashier, counts_for(Money.of("195.00")))  # $5 short, limit $10
    assert z.variance == Money.of("-5.00")
    with terminal.session_factory() as session:
        assert session.scalars(select(CashSession.variance_approved_by)).one() is None


def test_a_manager_closing_their_own_shift_approves_the_variance(terminal):
    manager = staff(terminal, "2001")
    terminal.shifts.open_shift(manager, FLOAT)
    z = terminal.shifts.close_shift(manager, counts_for(Money.of("260.00")))
    assert z.variance == Money.of("60.00")
    with terminal.session_factory() as session:
        assert session.scalars(select(CashSession.variance_approved_by)).one() == manager.id


def test_bad_drawer_commands_are_refused_with_a_sentence_and_write_nothing(terminal):
    cashier = staff(terminal, "1001")
    shifts = terminal.shifts
    with pytest.raises(NoOpenShift):
        shifts.cash_drop(cashier, Money.of("10.00"))
    with pytest.raises(DomainError) as bad_count:
        shifts.open_shift(cashier, {"20": -2})
    assert "below zero" in bad_count.value.message
    shifts.open_shift(cashier, FLOAT)
    refusals = {
        "over": lambda: shifts.cash_drop(cashier, Money.of("250.00")),
        "zero": lambda: shifts.cash_drop(cashier, Money.zero()),
        "no reason": lambda: shifts.paid_out(cashier, Money.of("5.00"), "  "),
    }
    messages = {}
    for name, command in refusals.items():
        with pytest.raises(CashMovementRefused) as refused:
            command()
        messages[name] = refused.value.message
    assert messages["over"] == ("The drawer should hold $200.00, so a cash drop of $250.00 cannot come out of it. "
                                "Check the amount.")
    assert "more than $0.00" in messages["zero"] and "what the paid-out is for" in messages["no reason"]
    with terminal.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(CashMovement)) == 0
        actions = session.scalars(select(AuditLog.action)).all()
    assert actions == ["shift.opened"]
