from datetime import date

import pytest

from pos_app.domain.errors import NoSellableLot
from pos_app.domain.lots import Lot, LotAllocation, allocate_lots

TODAY = date(2025, 6, 1)


def lot(batch, remaining, received, expiry=None, recalled=False, sku="SKU1"):
    return Lot(batch, sku, remaining, received, expiry, recalled)


def test_the_lot_that_expires_first_is_sold_first():
    lots = [
        lot("LATE", 10, date(2025, 1, 1), date(2026, 1, 1)),
        lot("SOON", 10, date(2025, 3, 1), date(2025, 9, 1)),
        lot("NEVER", 10, date(2024, 1, 1), None),
    ]
    assert allocate_lots("SKU1", 3, lots, TODAY) == [LotAllocation("SOON", 3)]


def test_undated_lots_go_first_received_first_out_after_dated_ones():
    lots = [
        lot("NEW", 10, date(2025, 5, 1)),
        lot("OLD", 2, date(2025, 1, 1)),
        lot("DATED", 1, date(2025, 5, 20), date(2027, 1, 1)),
    ]
    assert allocate_lots("SKU1", 5, lots, TODAY) == [
        LotAllocation("DATED", 1),
        LotAllocation("OLD", 2),
        LotAllocation("NEW", 2),
    ]


def test_recalled_expired_and_empty_lots_are_skipped():
    lots = [
        lot("RECALLED", 50, date(2024, 1, 1), date(2025, 7, 1), recalled=True),
        lot("EXPIRED", 50, date(2024, 1, 1), date(2025, 5, 31)),
        lot("EMPTY", 0, date(2024, 1, 1), date(2025, 6, 2)),
        lot("EXPIRES-TODAY", 1, date(2024, 6, 1), TODAY),
        lot("GOOD", 50, date(2024, 6, 1), date(2026, 1, 1)),
        lot("OTHER-SKU", 50, date(2020, 1, 1), date(2025, 6, 1), sku="SKU2"),
    ]
    assert allocate_lots("SKU1", 2, lots, TODAY) == [
        LotAllocation("EXPIRES-TODAY", 1),
        LotAllocation("GOOD", 1),
    ]


def test_short_stock_is_still_sold_from_the_last_usable_lot():
    lots = [lot("A", 2, date(2025, 1, 1)), lot("B", 1, date(2025, 2, 1))]
    assert allocate_lots("SKU1", 5, lots, TODAY) == [LotAllocation("A", 2), LotAllocation("B", 3)]


def test_with_no_stock_on_record_the_best_sellable_lot_takes_the_sale():
    lots = [lot("B", 0, date(2025, 2, 1)), lot("A", 0, date(2025, 1, 1))]
    assert allocate_lots("SKU1", 2, lots, TODAY) == [LotAllocation("A", 2)]


def test_recalled_lots_are_never_sold_even_when_nothing_else_is_left():
    lots = [lot("R", 100, date(2025, 1, 1), recalled=True), lot("X", 100, date(2024, 1, 1), date(2025, 1, 1))]
    with pytest.raises(NoSellableLot) as caught:
        allocate_lots("SKU1", 1, lots, TODAY)
    assert "SKU1" in caught.value.message and "tell a manager" in caught.value.message
    with pytest.raises(NoSellableLot):
        allocate_lots("SKU1", 1, [], TODAY)
