"""Bad input at the till is refused with a plain sentence, and nothing is changed or written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money
from pos_app.persistence.models import Order, SyncOutbox
from tests.integration.helpers import count_rows, product_codes, staff


@pytest.fixture
def sales(terminal):
    service = terminal.sales
    service.start_sale(staff(terminal, "1001"))
    return service


def _snapshot(sales):
    return [(line.product.sku, line.quantity, line.discount) for line in sales.sale.lines]


def test_unknown_code_is_refused_with_the_code_in_the_message(sales):
    with pytest.raises(DomainError) as refused:
        sales.scan("0000000000017")
    assert "0000000000017" in refused.value.message
    assert sales.sale.is_empty


@pytest.mark.parametrize("quantity", [0, -1, 1000])
def test_quantities_outside_1_to_999_are_refused(terminal, sales, quantity):
    product = product_codes(terminal, "pre_roll")[0]
    line = sales.scan(product.each_gtin)
    with pytest.raises(DomainError) as refused:
        sales.set_quantity(line.line_id, quantity)
    assert "1 to 999" in refused.value.message
    assert _snapshot(sales) == [(product.ocs_variant_number, 1, Money.zero())]


def test_a_discount_above_the_cashiers_cap_is_refused_and_a_managers_goes_through(terminal, sales):
    product = product_codes(terminal, "dried_flower")[0]
    line = sales.scan(product.each_gtin)
    with pytest.raises(DomainError) as refused:
        sales.discount_line(line.line_id, percent=Decimal("15"))
    assert "10%" in refused.value.message and "manager" in refused.value.message
    assert _snapshot(sales)[0][2] == Money.zero()
    discounted = sales.discount_line(line.line_id, percent=Decimal("15"), approver=staff(terminal, "2001"))
    assert discounted.discount == line.gross * Decimal("0.15")


def test_a_cart_over_30_grams_is_refused_with_the_amount_and_the_limit(terminal, sales):
    ounce = next(p for p in product_codes(terminal, "dried_flower", 40) if p.net_content == Decimal("28"))
    sales.scan(ounce.each_gtin)
    small = next(p for p in product_codes(terminal, "dried_flower", 40) if p.net_content == Decimal("3.5"))
    before = _snapshot(sales)
    with pytest.raises(DomainError) as refused:
        sales.scan(small.each_gtin)
    assert "31.5 g" in refused.value.message and "30 g" in refused.value.message
    assert _snapshot(sales) == before


def test_tendering_less_than_the_total_is_refused_and_nothing_is_written(terminal, sales):
    product = product_codes(terminal, "dried_flower")[0]
    sales.scan(product.each_gtin)
    terminal.age_checks.attest(sales, staff(terminal, "1001"))
    outbox_before = count_rows(terminal, SyncOutbox)  # the age check is logged; the sale must add nothing
    sales.tender_cash(Money.of("1.00"))
    with pytest.raises(DomainError) as refused:
        sales.complete()
    assert "$1.00" in refused.value.message
    assert count_rows(terminal, Order) == 0
    assert count_rows(terminal, SyncOutbox) == outbox_before
