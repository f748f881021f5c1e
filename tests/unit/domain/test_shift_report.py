"""X and Z reports from plain facts: the drawer identity holds whatever the shift's sales, refunds and movements."""

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cash_rounding import round_cash
from pos_app.domain.money import Money, sum_money
from pos_app.domain.payment import payment_status
from pos_app.domain.shift_report import (
    MovementFacts,
    OrderFacts,
    PaymentFacts,
    RefundFacts,
    ShiftFacts,
    build_shift_report,
    variance_needs_approval,
)
from pos_app.domain.tenders import CardApproval, CardTender, CashTender
from pos_app.services.mutations import shift_closed

OPENED = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
CLOSED = datetime(2026, 11, 21, 22, 0, tzinfo=UTC)


def shift(opening_cents: int = 20000) -> ShiftFacts:
    return ShiftFacts(uuid.uuid4(), 1, OPENED, "Maya Tremblay", Money.from_cents(opening_cents),
                      closed_by="Daniel Okafor")


def card(cents: int) -> CardTender:
    return CardTender(CardApproval(Money.from_cents(cents), "P1", "4242", "VISA", "A1"))


@st.composite
def sales(draw):
    """A settled sale as the domain settles it, with what physically went into the drawer."""
    subtotal = draw(st.integers(min_value=1, max_value=50_000))
    discount = draw(st.integers(min_value=0, max_value=subtotal - 1))
    tax = (subtotal - discount) * 13 // 100
    total = Money.from_cents(subtotal - discount + tax)
    how = draw(st.sampled_from(["cash", "card", "split"]))
    tenders = []
    if how in ("card", "split"):
        card_cents = total.cents if how == "card" else draw(st.integers(min_value=1, max_value=total.cents))
        tenders.append(card(card_cents))
    status = payment_status(total, tenders)
    if not status.is_settled:
        tenders.append(CashTender(status.cash_remaining + Money.from_cents(draw(st.integers(0, 10_000)))))
        status = payment_status(total, tenders)
    assert status.is_settled
    handed = sum_money(t.amount for t in tenders if isinstance(t, CashTender))
    payments = [PaymentFacts("card", t.amount) for t in tenders if isinstance(t, CardTender)]
    if handed:
        payments.append(PaymentFacts("cash", handed - status.change_due))
    order = OrderFacts(
        status=draw(st.sampled_from(["completed", "completed", "completed", "voided"])),
        subtotal=Money.from_cents(subtotal), discount=Money.from_cents(discount), taxes={"HST": Money.from_cents(tax)},
        total=total, cash_rounding=status.cash_rounding, payments=tuple(payments),
    )
    return order, handed - status.change_due


@st.composite
def refunds(draw):
    total = Money.from_cents(draw(st.integers(min_value=1, max_value=20_000)))
    method = draw(st.sampled_from(["cash", "card"]))
    paid_back = round_cash(total) if method == "cash" else total
    return RefundFacts(method, paid_back, paid_back - total)


movements = st.builds(MovementFacts, st.sampled_from(["drop", "paid_out"]),
                      st.integers(min_value=1, max_value=30_000).map(Money.from_cents))


@given(st.integers(min_value=0, max_value=100_000), st.lists(sales(), max_size=12), st.lists(refunds(), max_size=4),
       st.lists(movements, max_size=4))
def test_expected_cash_is_the_float_plus_cash_kept_less_cash_paid_back_and_taken_out(opening, sold, back, moved):
    report = build_shift_report("X", shift(opening), [o for o, _ in sold], back, moved, as_of=CLOSED)
    kept = sum_money(cash for order, cash in sold if order.status != "voided")
    cash_back = sum_money(r.paid_back for r in back if r.method == "cash")
    drops = sum_money(m.amount for m in moved if m.kind == "drop")
    paid_outs = sum_money(m.amount for m in moved if m.kind == "paid_out")

    assert report.expected_cash == Money.from_cents(opening) + kept - cash_back - drops - paid_outs
    cash_refunds = report.refunds.get("cash", Money.zero())
    assert report.expected_cash == (report.opening_float + report.tenders["cash"] - cash_refunds
                                    - report.drops - report.paid_outs)
    # Every dollar taken is a sale: net sales plus tax plus rounding to the nickel.
    completed = [o for o, _ in sold if o.status != "voided"]
    assert report.total_taken == sum_money(o.amount_paid for o in completed)
    assert report.net_sales + sum_money(report.taxes.values()) + sum_money(o.cash_rounding for o in completed) \
        == report.total_taken
    assert report.gross_sales - report.discounts == report.net_sales
    assert report.sales_count + report.voids_count == len(sold)
    assert report.voids_total == sum_money(o.amount_paid for o, _ in sold if o.status == "voided")
    assert report.cash_rounding == (sum_money(o.cash_rounding for o in completed)
                                    - sum_money(r.cash_rounding for r in back if r.method == "cash"))


def test_a_worked_shift_reads_as_a_manager_would_add_it_up():
    orders = [
        # $22.60 paid with $25.00 cash: $2.40 change, so $22.60 stays in the drawer.
        OrderFacts("completed", Money.of("20.00"), Money.zero(), {"HST": Money.of("2.60")}, Money.of("22.60"),
                   Money.zero(), (PaymentFacts("cash", Money.of("22.60")),)),
        # $11.29 in cash rounds to $11.30.
        OrderFacts("completed", Money.of("10.99"), Money.of("1.00"), {"HST": Money.of("1.30")}, Money.of("11.29"),
                   Money.of("0.01"), (PaymentFacts("cash", Money.of("11.30")),)),
        OrderFacts("completed", Money.of("50.00"), Money.zero(), {"HST": Money.of("6.50")}, Money.of("56.50"),
                   Money.zero(), (PaymentFacts("card", Money.of("56.50")),)),
        OrderFacts("voided", Money.of("30.00"), Money.zero(), {"HST": Money.of("3.90")}, Money.of("33.90"),
                   Money.zero(), (PaymentFacts("cash", Money.of("33.90")),)),
    ]
    back = [RefundFacts("cash", Money.of("11.30"), Money.of("0.01")),
            RefundFacts("card", Money.of("5.00"), Money.zero())]
    moved = [MovementFacts("drop", Money.of("10.00")), MovementFacts("paid_out", Money.of("4.50"))]
    report = build_shift_report("Z", shift(), orders, back, moved, as_of=CLOSED,
                                closing_counts={"100": 2, "10": 1, "5": 1, "1": 2, "0.25": 3})

    assert (report.sales_count, report.voids_count, report.refunds_count) == (3, 1, 2)
    assert report.gross_sales == Money.of("80.99")
    assert report.discounts == Money.of("1.00")
    assert report.net_sales == Money.of("79.99")
    assert report.taxes == {"HST": Money.of("10.40")}
    assert report.tenders == {"cash": Money.of("33.90"), "card": Money.of("56.50")}
    assert report.refunds == {"cash": Money.of("11.30"), "card": Money.of("5.00")}
    assert report.voids_total == Money.of("33.90")
    assert report.cash_rounding == Money.zero()  # a cent gained on the sale, a cent given on the refund
    assert report.expected_cash == Money.of("208.10")  # 200 + 33.90 − 11.30 − 10 − 4.50
    assert report.counted_cash == Money.of("217.75")
    assert report.variance == Money.of("9.65")
    assert report.closed_at == CLOSED and report.closed_by == "Daniel Okafor"


def test_an_x_report_has_no_count_and_a_z_report_needs_one():
    report = build_shift_report("X", shift(), [], [], [], as_of=CLOSED)
    assert report.counted_cash is None and report.variance is None and report.closing_counts == {}
    assert report.tenders == {"cash": Money.zero(), "card": Money.zero()}
    assert report.expected_cash == Money.of("200.00")
    with pytest.raises(ValueError):
        build_shift_report("Z", shift(), [], [], [], as_of=CLOSED)
    with pytest.raises(ValueError):
        shift_closed(report, store_id=uuid.uuid4(), opened_by=uuid.uuid4(), closed_by=uuid.uuid4(),
                     opening_counts={}, variance_approved_by=None)


@pytest.mark.parametrize(("variance", "needs"), [("5.00", False), ("-5.00", False), ("5.01", True), ("-5.05", True)])
def test_a_variance_over_the_limit_either_way_needs_approval(variance, needs):
    assert variance_needs_approval(Money.of(variance), Money.of("5.00")) is needs
