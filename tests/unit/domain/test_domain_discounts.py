from decimal import Decimal

import pytest

from pos_app.domain.errors import DiscountOverCap, InvalidDiscount, SaleLocked
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.domain.staff import Role, discount_cap
from tests.unit.domain.builders import HST, accessory, card, product

TEN = product("TEN", "10.00", grams="1")
FIFTY = accessory("BONG", "50.00")


def snapshot(sale: Sale):
    return sale.lines, sale.cart_discount, sale.totals


def test_roles_have_their_caps():
    assert [discount_cap(role) for role in Role] == [Decimal(10), Decimal(50), Decimal(100)]


def test_a_cashier_may_give_up_to_10_percent_on_a_line():
    sale = Sale(tax_components=[HST])
    line = sale.add(TEN, 3)
    discounted = sale.discount_line(line.line_id, percent=Decimal(10))
    assert discounted.discount == Money.of("3.00")
    assert sale.totals.line_discounts == Money.of("3.00")
    assert sale.totals.total == Money.of("30.51")  # 27.00 + 3.51 HST


def test_a_discount_over_the_cashier_cap_is_refused_with_who_can_approve_it():
    sale = Sale()
    line = sale.add(TEN)
    before = snapshot(sale)
    with pytest.raises(DiscountOverCap) as caught:
        sale.discount_line(line.line_id, percent=Decimal(15))
    assert (
        caught.value.message
        == "A 15% discount is over the cashier limit of 10%. Ask a manager to approve it."
    )
    assert snapshot(sale) == before
    with pytest.raises(DiscountOverCap):
        sale.discount_line(line.line_id, amount=Money.of("1.01"))
    assert snapshot(sale) == before


def test_a_manager_approval_lifts_the_cap_for_that_discount():
    sale = Sale()
    line = sale.add(TEN)
    assert sale.discount_line(line.line_id, percent=Decimal(40), role=Role.MANAGER).discount == Money.of(
        "4.00"
    )
    with pytest.raises(DiscountOverCap) as caught:
        sale.discount_line(line.line_id, percent=Decimal(60), role=Role.MANAGER)
    assert "Ask an admin" in caught.value.message


def test_negative_or_larger_than_the_price_discounts_are_refused():
    sale = Sale(role=Role.ADMIN)
    line = sale.add(TEN)
    with pytest.raises(InvalidDiscount):
        sale.discount_line(line.line_id, amount=Money.of("-1.00"))
    with pytest.raises(InvalidDiscount):
        sale.discount_line(line.line_id, amount=Money.of("10.01"))
    with pytest.raises(InvalidDiscount):
        sale.discount_line(line.line_id, percent=Decimal(10), amount=Money.of("1.00"))
    with pytest.raises(InvalidDiscount):
        sale.discount_line(line.line_id)
    assert sale.discount_line(line.line_id, amount=Money.of("10.00")).discount == Money.of("10.00")
    assert sale.totals.total == Money.zero()


def test_a_zero_discount_removes_the_discount():
    sale = Sale()
    line = sale.add(TEN)
    sale.discount_line(line.line_id, percent=Decimal(5))
    cleared = sale.discount_line(line.line_id, amount=Money.zero())
    assert not cleared.has_discount


def test_a_percent_line_discount_follows_the_quantity():
    sale = Sale()
    line = sale.add(TEN)
    sale.discount_line(line.line_id, percent=Decimal(10))
    assert sale.set_quantity(line.line_id, 4).discount == Money.of("4.00")


def test_reducing_quantity_under_a_fixed_discount_over_the_cap_is_refused():
    sale = Sale()
    line = sale.add(TEN, 2)
    sale.discount_line(line.line_id, amount=Money.of("2.00"))  # 10 % of $20
    before = snapshot(sale)
    with pytest.raises(DiscountOverCap):
        sale.set_quantity(line.line_id, 1)  # $2 of $10 is 20 %
    assert snapshot(sale) == before


def test_cart_discount_is_spread_over_lines_before_tax():
    sale = Sale(tax_components=[HST])
    sale.add(TEN)
    sale.add(FIFTY)
    assert sale.discount_cart(amount=Money.of("6.00")) == Money.of("6.00")
    totals = sale.totals
    assert totals.cart_discount_per_line == [Money.of("1.00"), Money.of("5.00")]
    assert totals.taxable_per_line == [Money.of("9.00"), Money.of("45.00")]
    assert totals.tax_total == Money.of("7.02")
    assert totals.total == Money.of("61.02")


def test_cart_discount_over_cap_is_refused_and_a_percent_follows_the_cart():
    sale = Sale()
    sale.add(TEN)
    with pytest.raises(DiscountOverCap):
        sale.discount_cart(percent=Decimal("10.5"))
    with pytest.raises(InvalidDiscount):
        Sale().discount_cart(percent=Decimal(5))
    sale.discount_cart(percent=Decimal(10))
    sale.add(FIFTY)
    assert sale.totals.cart_discount == Money.of("6.00")


def test_removing_items_under_a_fixed_cart_discount_that_would_then_be_too_big_is_refused():
    sale = Sale()
    keep = sale.add(FIFTY)
    extra = sale.add(accessory("PIPE", "50.00"))
    sale.discount_cart(amount=Money.of("10.00"))
    before = snapshot(sale)
    with pytest.raises(DiscountOverCap):
        sale.remove_line(extra.line_id)
    assert snapshot(sale) == before
    sale.remove_cart_discount()
    sale.remove_line(extra.line_id)
    sale.remove_line(keep.line_id)
    assert sale.is_empty and sale.totals.total == Money.zero()


def test_the_cart_cannot_change_once_a_card_has_paid_part_of_it():
    sale = Sale()
    line = sale.add(FIFTY)
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("20.00"))
    with pytest.raises(SaleLocked):
        sale.remove_line(line.line_id)
    with pytest.raises(SaleLocked):
        sale.discount_cart(percent=Decimal(5))
    assert sale.totals.total == Money.of("50.00")


def test_a_staff_members_own_limit_replaces_their_roles_both_ways():
    trusted = Sale(own_cap=Decimal(20))  # a cashier the store lets give up to 20 %
    line = trusted.add(TEN, 2)
    assert trusted.discount_line(line.line_id, percent=Decimal(15)).discount == Money.of("3.00")
    assert trusted.set_quantity(line.line_id, 3).discount == Money.of("4.50")
    fixed = trusted.discount_cart(amount=Money.of("4.00"))
    assert fixed == Money.of("4.00") and trusted.cart_discount.own_cap == Decimal(20)

    held = Sale(role=Role.MANAGER, own_cap=Decimal(5))  # a manager held to 5 %
    line = held.add(TEN)
    with pytest.raises(DiscountOverCap) as caught:
        held.discount_line(line.line_id, amount=Money.of("1.00"))
    assert caught.value.message == ("A 10% discount is over this manager's own limit of 5%. Ask an admin to approve "
                                    "it.")
    approved = held.discount_line(line.line_id, percent=Decimal(10), role=Role.ADMIN)
    assert (approved.discount_role, approved.discount_cap) == (Role.ADMIN, None), "the approver's limit, not theirs"


def test_a_scheduled_price_re_prices_an_unpaid_cart_and_a_percent_discount_follows():
    sale = Sale()
    line = sale.add(TEN, 2)
    sale.discount_line(line.line_id, percent=Decimal(10))
    assert sale.reprice({"TEN": Money.of("12.00")})
    repriced = sale.lines[0]
    assert (repriced.product.unit_price, repriced.discount) == (Money.of("12.00"), Money.of("2.40"))
    assert not sale.reprice({"TEN": Money.of("12.00")}), "already at that price"
    fixed = sale.add(FIFTY)
    sale.discount_line(fixed.line_id, amount=Money.of("5.00"))  # the cashier's 10 % of $50
    assert sale.reprice({"BONG": Money.of("40.00")}) is False, "$5 off $40 is over 10 %: the line keeps $50"
    assert sale.line(fixed.line_id).product.unit_price == Money.of("50.00")
    sale.record_age_check(True)
    sale.add_cash(Money.of("5.00"))
    assert not sale.reprice({"TEN": Money.of("9.00")}), "a payment is on it: it keeps its prices"
