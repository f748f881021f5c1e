"""Properties over random carts: what a store would notice if the arithmetic ever slipped."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cash_rounding import round_cash
from pos_app.domain.money import Money, sum_money
from pos_app.domain.refund import plan_refund
from pos_app.domain.sale import Sale
from pos_app.domain.staff import Role, discount_cap
from tests.unit.domain.builders import GST, HST, PST_BC, accessory, paid_order, product

tax_sets = st.sampled_from([(HST,), (GST, PST_BC), (GST,), ()])
roles = st.sampled_from(list(Role))


@st.composite
def carts(draw):
    sale = Sale(tax_components=draw(tax_sets), role=draw(roles))
    for index in range(draw(st.integers(1, 6))):
        price = Money.from_cents(draw(st.integers(0, 20_000)))
        item = accessory(f"SKU{index}", str(price.amount))
        if draw(st.booleans()):
            item = product(f"SKU{index}", str(price.amount), grams="0.5", taxable=draw(st.booleans()))
        line = sale.add(item, draw(st.integers(1, 5)))
        cap = discount_cap(sale.role)
        if draw(st.booleans()):
            sale.discount_line(line.line_id, percent=draw(st.decimals(0, cap, places=2)))
        elif draw(st.booleans()):
            limit = line.gross.cents * cap / 100
            sale.discount_line(line.line_id, amount=Money.from_cents(draw(st.integers(0, int(limit)))))
    cap = discount_cap(sale.role)
    if draw(st.booleans()):
        sale.discount_cart(percent=draw(st.decimals(0, cap, places=2)))
    elif draw(st.booleans()):
        discountable = sum_money(line.net for line in sale.lines)
        sale.discount_cart(amount=Money.from_cents(draw(st.integers(0, int(discountable.cents * cap / 100)))))
    return sale


@given(carts())
def test_totals_add_up_and_never_go_negative(sale):
    totals = sale.totals
    assert totals.total == totals.subtotal - totals.discounts + totals.tax_total
    assert totals.discounts == totals.line_discounts + totals.cart_discount
    assert sum_money(totals.taxable_per_line) == totals.subtotal - totals.discounts
    for amount in (
        totals.total,
        totals.tax_total,
        totals.subtotal - totals.discounts,
        *totals.taxable_per_line,
    ):
        assert not amount.is_negative()
    for code, tax in totals.taxes.components.items():
        assert sum_money(line[code] for line in totals.taxes.per_line) == tax


@given(carts(), st.data())
def test_cash_payment_settles_with_change_and_at_most_two_cents_of_rounding(sale, data):
    total = sale.totals.total
    if sale.payment_status().is_settled:
        # Nothing, or only one or two cents, is due: that rounds to nothing in cash.
        assert total.cents <= 2 and sale.payment_status().cash_remaining == Money.zero()
        return
    tendered = round_cash(total) + Money.from_cents(data.draw(st.integers(0, 10_000)))
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_cash(tendered)
    status = sale.payment_status()
    assert status.is_settled
    assert status.amount_due == total + status.cash_rounding
    assert abs(status.cash_rounding.cents) <= 2
    assert status.amount_due.cents % 5 == 0
    assert status.change_due == tendered - status.amount_due


@given(carts(), st.data())
def test_refunding_everything_in_any_steps_returns_exactly_what_was_charged(sale, data):
    order = paid_order(sale)
    # Split each line's units into chunks; refund number i takes chunk i of every line that has one.
    chunks = {}
    for line in order.lines:
        cuts = sorted(set(data.draw(st.lists(st.integers(1, line.quantity), max_size=3))) | {line.quantity})
        chunks[line.line_id] = [b - a for a, b in zip([0, *cuts], cuts, strict=False)]
    refunded = dict.fromkeys(chunks, 0)
    refunds = []
    for step in range(max(len(parts) for parts in chunks.values())):
        quantities = {line_id: parts[step] for line_id, parts in chunks.items() if step < len(parts)}
        refunds.append(plan_refund(order, quantities, dict(refunded)))
        for line_id, units in quantities.items():
            refunded[line_id] += units

    assert sum_money(r.total for r in refunds) == order.total_amount
    assert sum_money(r.subtotal for r in refunds) == order.subtotal - order.discount_amount
    for code, tax in order.tax_components.items():
        assert sum_money(r.tax_components[code] for r in refunds) == tax
    for line in order.lines:
        back = [rl for r in refunds for rl in r.lines if rl.line_id == line.line_id]
        assert sum_money(rl.amount for rl in back) == line.taxable_amount
        for code, tax in line.taxes.items():
            assert sum_money(rl.taxes[code] for rl in back) == tax
        assert sum(a.quantity for rl in back for a in rl.allocations) == (
            line.quantity if line.is_cannabis else 0
        )
    assert all(Decimal(0) <= r.total.amount for r in refunds)
