"""The sale in progress as saved data: cart, lots, payments and id come back; prices are today's unless money was
already taken, in which case the sale comes back as it was paid for."""

from __future__ import annotations

import json
from dataclasses import replace

from pos_app.domain.catalog import CodeMatch
from pos_app.domain.money import Money
from pos_app.domain.open_sale import is_blank, open_sale_snapshot, restore_open_sale, saved_tenders
from pos_app.domain.sale import Sale
from pos_app.domain.staff import Role
from pos_app.domain.tenders import CardTender, CashTender
from tests.unit.domain.builders import HST, FakeLookup, card, product

FLOWER = product("FLOWER-35", "24.99")
GUMMIES = product("GUMMIES", "4.95", grams="1")


def _sale() -> Sale:
    sale = Sale(tax_components=[HST])
    sale.add(FLOWER, lot="LOT-7")
    sale.add(GUMMIES, 2)
    sale.record_age_check(True)
    return sale


def _lookup(price_change: str = "0") -> FakeLookup:
    dearer = replace(GUMMIES, unit_price=GUMMIES.unit_price + Money.of(price_change))
    return FakeLookup({"FLOWER-35": CodeMatch(FLOWER, 1), "GUMMIES": CodeMatch(dearer, 1)})


def _restore(snapshot, lookup, tenders=None):
    return restore_open_sale(snapshot, lookup, saved_tenders(snapshot) if tenders is None else tenders,
                             tax_components=[HST], role=Role.CASHIER)


def test_a_cart_comes_back_with_its_id_and_lots_at_todays_prices():
    sale = _sale()
    snapshot = json.loads(json.dumps(open_sale_snapshot(sale)))  # as stored: plain JSON
    restored = _restore(snapshot, _lookup("1.00"))
    again = restored.sale
    assert again.sale_id == sale.sale_id and again.age_verified
    assert [(line.product.sku, line.quantity, line.lot) for line in again.lines] == \
        [("FLOWER-35", 1, "LOT-7"), ("GUMMIES", 2, None)]
    assert again.lines[1].product.unit_price == Money.of("5.95")


def test_a_sale_with_money_on_it_comes_back_as_it_was_paid_for():
    sale = _sale()
    sale.add_card(card("10.00"))
    sale.add_cash(Money.of("20.00"))
    snapshot = json.loads(json.dumps(open_sale_snapshot(sale)))
    restored = _restore(snapshot, _lookup("1.00"))
    assert restored.refused == [] and restored.missing == []
    assert restored.sale.totals.total == sale.totals.total, "the prices the card paid for"
    assert restored.sale.tenders == sale.tenders
    assert isinstance(restored.sale.tenders[0], CardTender) and isinstance(restored.sale.tenders[1], CashTender)


def test_a_payment_the_sale_can_no_longer_take_is_handed_back_not_dropped():
    sale = _sale()
    snapshot = open_sale_snapshot(sale)
    too_much = CardTender(card("999.00"))
    restored = _restore(snapshot, _lookup(), [too_much])
    assert restored.refused == [too_much] and restored.sale.tenders == ()


def test_an_empty_sale_with_no_money_is_blank():
    sale = Sale(tax_components=[HST])
    assert is_blank(sale)
    sale.add(GUMMIES)
    assert not is_blank(sale)


def test_an_unchecked_cart_comes_back_unchecked_and_a_refused_id_stays_refused_after_a_restart():
    unchecked = Sale(tax_components=[HST])
    unchecked.add(FLOWER)
    again = _restore(json.loads(json.dumps(open_sale_snapshot(unchecked))), _lookup()).sale
    assert not again.age_verified and not again.age.refused, "a crash is no refusal"

    refused = Sale(tax_components=[HST])
    refused.add(FLOWER)
    refused.record_age_check(False, "This ID has expired.")
    again = _restore(json.loads(json.dumps(open_sale_snapshot(refused))), _lookup()).sale
    assert again.age.refused and again.age.refusal == "This ID has expired.", \
        "a restart must not open the way an attestation was refused"
