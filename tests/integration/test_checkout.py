"""Completing and refunding sales against a real SQLite replica with the demo store."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money
from pos_app.persistence import outbox as outbox_module
from pos_app.persistence.models import (
    OcsInventoryTransaction,
    Order,
    OrderItem,
    OrderItemLot,
    OrderRefund,
    PaymentTransaction,
    SyncOutbox,
)
from pos_app.services import selling
from tests.integration.helpers import count_rows, product_codes, staff

WRITTEN_BY_A_SALE = (Order, OrderItem, OrderItemLot, PaymentTransaction, OcsInventoryTransaction, SyncOutbox)


def _sell(terminal, codes, cash="200.00"):
    sales = terminal.sales
    cashier = staff(terminal, "1001")
    sales.start_sale(cashier)
    for code in codes:
        sales.scan(code)
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of(cash))
    return sales.complete()


def test_completing_a_sale_writes_order_lines_lots_payment_stock_and_outbox(terminal):
    flower, drink = product_codes(terminal, "dried_flower")[0], product_codes(terminal, "beverage")[0]
    order = _sell(terminal, [flower.each_gtin, drink.each_gtin, drink.each_gtin])

    with terminal.session_factory() as session:
        row = session.get(Order, order.order_id)
        assert row.order_number == order.order_number
        assert row.order_number.startswith("ON001-1-")
        assert [i.quantity for i in row.items] == [1, 2]
        assert all(item.lots for item in row.items), "every cannabis line carries its lot"
        assert row.total_amount == order.total_amount.amount
        assert row.total_amount == row.subtotal - row.discount_amount + row.tax_amount
        payment = session.scalars(select(PaymentTransaction).where(PaymentTransaction.order_id == row.id)).one()
        assert payment.tendered_amount == Decimal("200.00")
        assert payment.amount == (order.amount_paid).amount  # the change went back to the customer
        deltas = session.scalars(select(OcsInventoryTransaction)).all()
        assert sorted((d.sku, d.quantity) for d in deltas) == sorted(
            [(flower.ocs_variant_number, -1), (drink.ocs_variant_number, -2)])
        outbox = session.scalars(select(SyncOutbox).order_by(SyncOutbox.mutation_id)).all()
        assert [(o.mutation_id, o.name) for o in outbox] == [(1, "age_verification.logged.v1"),
                                                             (2, "order.completed.v1")]
        assert outbox[1].args["order_number"] == order.order_number
        assert {d.mutation_id for d in deltas} == {2}


def test_two_sales_take_consecutive_mutation_ids(terminal):
    flower = product_codes(terminal, "dried_flower", 2)
    first = _sell(terminal, [flower[0].each_gtin])
    second = _sell(terminal, [flower[1].each_gtin])
    with terminal.session_factory() as session:
        rows = session.execute(select(SyncOutbox.mutation_id, SyncOutbox.name, SyncOutbox.args)
                               .order_by(SyncOutbox.mutation_id)).all()
    assert [r.mutation_id for r in rows] == [1, 2, 3, 4], "one counter, no gaps, across every kind of mutation"
    orders = [r for r in rows if r.name == "order.completed.v1"]
    assert [r.args["order_number"] for r in orders] == [first.order_number, second.order_number]
    assert first.order_number.endswith("-000001") and second.order_number.endswith("-000002")


def test_a_failure_in_the_middle_of_completion_writes_nothing(terminal, monkeypatch):
    # Fault injection, not a stand-in: the real write path runs up to the outbox row, then fails there.
    def broken_enqueue(session, mutation):
        outbox_module.take_mutation_id(session)
        raise OSError("disk full")

    monkeypatch.setattr(selling, "enqueue_mutation", broken_enqueue)
    flower = product_codes(terminal, "dried_flower")[0]
    sales = terminal.sales
    cashier = staff(terminal, "1001")
    sales.start_sale(cashier)
    sales.scan(flower.each_gtin)
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of("100"))
    before = {model: count_rows(terminal, model) for model in WRITTEN_BY_A_SALE}  # the age check's row is there
    with pytest.raises(OSError):
        sales.complete()

    for model in WRITTEN_BY_A_SALE:
        assert count_rows(terminal, model) == before[model], f"{model.__tablename__} kept a half-written sale"
    assert sales.has_open_sale, "the cashier can try again: the sale is still open"

    monkeypatch.undo()
    order = sales.complete()
    assert order.order_number.endswith("-000001"), "the failed attempt used up no receipt number"
    with terminal.session_factory() as session:
        assert session.scalars(select(SyncOutbox.mutation_id).order_by(SyncOutbox.mutation_id)).all() == [1, 2]


def test_partial_then_full_refund_returns_exactly_what_was_charged(terminal):
    edible = product_codes(terminal, "edible")[0]
    order = _sell(terminal, [edible.each_gtin] * 3)
    line = order.lines[0]
    manager = staff(terminal, "2001")
    cashier = staff(terminal, "1001")

    first = terminal.refunds.refund(order.order_number, {line.line_id: 1}, staff=cashier, approver=manager)
    second = terminal.refunds.refund(order.order_number, {line.line_id: 2}, staff=cashier, approver=manager)

    assert first.total + second.total == order.total_amount
    assert first.tax_amount + second.tax_amount == order.tax_amount
    with pytest.raises(DomainError) as refused:
        terminal.refunds.refund(order.order_number, {line.line_id: 1}, staff=cashier, approver=manager)
    assert "refund" in refused.value.message.lower()

    with terminal.session_factory() as session:
        names = session.scalars(select(SyncOutbox.name).order_by(SyncOutbox.mutation_id)).all()
        restocked = session.scalars(
            select(OcsInventoryTransaction.quantity).where(OcsInventoryTransaction.transaction_type == "refund")
        ).all()
    assert names.count("order.refunded.v1") == 2
    assert sorted(restocked) == [1, 2]
    assert count_rows(terminal, OrderRefund) == 2
