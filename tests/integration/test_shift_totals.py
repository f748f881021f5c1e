"""The shift report's figures added up by the database match the same orders added up one by one."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from pos_app.domain.money import Money
from pos_app.domain.shift_report import OrderFacts, PaymentFacts, ShiftFacts, build_shift_report
from pos_app.persistence import shift_repository as shifts
from pos_app.persistence.models import CashSession, Order, PaymentTransaction, Store
from tests.integration.helpers import staff

TAXES = ({"HST": 1}, {"GST": 1, "PST": 1}, {"GST": 1, "QST": 1}, {})


def _order_rows(store_id, staff_id, shift_id, rnd: random.Random, count: int):
    """Orders of every status with split tenders, several tax components, refund and void payment rows."""
    start = datetime(2026, 11, 21, 9, tzinfo=UTC)
    for n in range(count):
        status = rnd.choice(["completed", "completed", "completed", "voided", "partially_refunded"])
        subtotal, discount = rnd.randint(100, 20_000), rnd.choice([0, 0, 50, 125])
        taxes = {code: rnd.randint(0, 2_000) for code in rnd.choice(TAXES)}
        total = subtotal - discount + sum(taxes.values())
        rounding = rnd.choice([-2, -1, 0, 1, 2])
        at = start + timedelta(minutes=n)
        dollars = {name: Money.from_cents(cents).amount for name, cents in (
            ("subtotal", subtotal), ("discount_amount", discount), ("tax_amount", sum(taxes.values())),
            ("total_amount", total), ("cash_rounding", rounding))}
        order = Order(id=uuid.uuid4(), order_number=f"T-{shift_id.hex[:6]}-{n:05d}", store_id=store_id,
                      staff_id=staff_id, cash_session_id=shift_id, status=status, tax_breakdown=taxes,
                      created_at=at, **dollars)
        card = rnd.randint(0, total)
        paid = [("card", card), ("cash", total + rounding - card)]
        payments = [PaymentTransaction(store_id=store_id, order_id=order.id, provider=method, status="captured",
                                       payment_method=method, amount=Money.from_cents(cents).amount, created_at=at)
                    for method, cents in paid if cents]
        if status == "voided":  # the reversing rows a void adds stay out of the report
            payments += [PaymentTransaction(store_id=store_id, order_id=order.id, provider=p.provider,
                                            status="voided", payment_method=p.payment_method, amount=-p.amount)
                         for p in list(payments)]
        yield order, payments


def _one_by_one(session, shift_id) -> list[OrderFacts]:
    """The facts as they were read before the database summed them: one per order."""
    orders = session.scalars(select(Order).where(Order.cash_session_id == shift_id)).all()
    facts = []
    for order in orders:
        paid = session.scalars(select(PaymentTransaction).where(
            PaymentTransaction.order_id == order.id, PaymentTransaction.refund_id.is_(None),
            PaymentTransaction.status == "captured"))
        facts.append(OrderFacts(
            status=order.status, subtotal=Money.of(order.subtotal), discount=Money.of(order.discount_amount),
            taxes={code: Money.from_cents(cents) for code, cents in order.tax_breakdown.items()},
            total=Money.of(order.total_amount), cash_rounding=Money.of(order.cash_rounding),
            payments=tuple(PaymentFacts(p.payment_method, Money.of(p.amount)) for p in paid)))
    return facts


def test_summed_facts_make_the_same_report_as_orders_one_by_one(terminal):
    cashier = staff(terminal, "1001")
    rnd = random.Random(20261121)
    with terminal.session_factory() as session:
        store_id = session.scalar(select(Store.id))
        shift = CashSession(store_id=store_id, terminal_no=1, status="open", opened_by=cashier.id,
                            opening_float=Money.of("200").amount)
        other = CashSession(store_id=store_id, terminal_no=2, status="open", opened_by=cashier.id,
                            opening_float=Money.zero().amount)
        session.add_all([shift, other])
        session.flush()
        for shift_id, count in ((shift.id, 60), (other.id, 15)):
            for order, payments in _order_rows(store_id, cashier.id, shift_id, rnd, count):
                session.add(order)
                session.flush()
                session.add_all(payments)
        session.commit()

        facts = ShiftFacts(shift.id, 1, shift.opened_at, "Maya", Money.of("200"))
        as_of = datetime(2026, 11, 21, 20, tzinfo=UTC)
        summed = shifts.order_facts(session, shift.id)
        expected = build_shift_report("X", facts, _one_by_one(session, shift.id), [], [], as_of=as_of)
        report = build_shift_report("X", facts, summed, [], [], as_of=as_of)

    assert len(summed) <= 3, "one fact per order status, whatever the number of orders"
    assert report == expected
    assert report.sales_count + report.voids_count == 60
    assert set(report.taxes) == {"HST", "GST", "PST", "QST"}


def test_a_shift_with_no_orders_sums_to_nothing(terminal):
    with terminal.session_factory() as session:
        assert shifts.order_facts(session, uuid.uuid4()) == []
