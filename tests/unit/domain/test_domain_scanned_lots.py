"""A lot named on a scanned GS1 label: checked when scanned, and the only lot its line is sold from."""

from __future__ import annotations

from datetime import date

import pytest

from pos_app.domain.catalog import CodeMatch
from pos_app.domain.errors import LotNotSellable
from pos_app.domain.lots import Lot, LotAllocation, allocate_lots, check_scanned_lot
from pos_app.domain.parking import park_snapshot, restore_snapshot
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, TODAY, FakeLookup, paid_order, product

SOON = Lot("SOON", "FLOWER-35", 10, date(2025, 1, 1), date(2025, 9, 1))
LATE = Lot("LATE", "FLOWER-35", 10, date(2025, 2, 1), date(2026, 9, 1))


def test_a_pinned_lot_is_sold_even_when_first_expiring_first_out_would_pick_another():
    assert allocate_lots("FLOWER-35", 3, [SOON, LATE], TODAY) == [LotAllocation("SOON", 3)]
    assert allocate_lots("FLOWER-35", 3, [SOON, LATE], TODAY, pinned="LATE") == [LotAllocation("LATE", 3)]


def test_a_pinned_lot_that_stopped_being_sellable_is_refused_not_swapped_for_another():
    recalled = Lot("LATE", "FLOWER-35", 10, date(2025, 2, 1), date(2026, 9, 1), recalled=True)
    with pytest.raises(LotNotSellable, match="LATE"):
        allocate_lots("FLOWER-35", 1, [SOON, recalled], TODAY, pinned="LATE")


@pytest.mark.parametrize(("lots", "label_expiry", "says"), [
    ([SOON], None, "not in this store's stock records"),
    ([SOON, Lot("LATE", "FLOWER-35", 10, date(2025, 2, 1), None, recalled=True)], None, "is recalled"),
    ([SOON, Lot("LATE", "FLOWER-35", 10, date(2025, 2, 1), date(2025, 5, 31))], None, "expired on 2025-05-31"),
    ([SOON, Lot("LATE", "FLOWER-35", 10, date(2025, 2, 1), None)], date(2025, 5, 1), "expired on 2025-05-01"),
])
def test_a_scanned_lot_that_must_not_be_sold_gets_a_sentence(lots, label_expiry, says):
    with pytest.raises(LotNotSellable, match=says) as refused:
        check_scanned_lot("Blue Dream 3.5 g", "FLOWER-35", "LATE", lots, TODAY, label_expiry=label_expiry)
    assert "Blue Dream 3.5 g" in refused.value.message and "manager" in refused.value.message


def test_a_sellable_scanned_lot_passes():
    assert check_scanned_lot("Blue Dream", "FLOWER-35", "LATE", [SOON, LATE], TODAY,
                             label_expiry=date(2026, 9, 1)) == LATE


def test_lines_of_different_lots_stay_apart_and_each_sells_from_its_own():
    sale = Sale(tax_components=[HST])
    flower = product()
    sale.add(flower, lot="LATE")
    sale.add(flower, lot="LATE")
    sale.add(flower)  # no label: first expiring first out
    assert [(line.lot, line.quantity) for line in sale.lines] == [("LATE", 2), (None, 1)]
    order = paid_order(sale, {"FLOWER-35": [SOON, LATE]})
    assert [line.allocations for line in order.lines] == [(LotAllocation("LATE", 2),), (LotAllocation("SOON", 1),)]


def test_a_parked_sale_keeps_its_scanned_lots():
    sale = Sale(tax_components=[HST])
    flower = product()
    sale.add(flower, lot="LATE")
    restored = Sale(tax_components=[HST])
    restore_snapshot(restored, park_snapshot(sale), FakeLookup({"FLOWER-35": CodeMatch(flower, 1)}))
    assert [(line.lot, line.quantity) for line in restored.lines] == [("LATE", 1)]
