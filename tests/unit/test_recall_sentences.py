"""The register's sentence for a recalled lot names the recall the hub recorded (reference and reason)."""

from __future__ import annotations

from datetime import date

import pytest

from pos_app.domain.errors import LotNotSellable
from pos_app.domain.lots import Lot, check_scanned_lot, describe_recall

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(("note", "said"), [
    ({"id": "x", "reason": "Mould found", "reference": "RA-7"}, "recall RA-7: Mould found"),
    ({"reason": "Mould found", "reference": None}, "recall: Mould found"),
    ("Health Canada recall: do not sell", "Health Canada recall: do not sell"),
    ({}, None), (None, None), (7, None),
])
def test_a_recall_is_described_from_what_the_lot_record_carries(note, said):
    assert describe_recall(note) == said


def test_a_scanned_recalled_lot_is_refused_naming_the_recall():
    lot = Lot("LOT-1", "SKU-1", 4, TODAY, None, recalled=True, recall="recall RA-7: Mould found")
    with pytest.raises(LotNotSellable) as refused:
        check_scanned_lot("Blue Dream 3.5 g", "SKU-1", "LOT-1", [lot], TODAY)
    assert refused.value.message.startswith("Lot LOT-1 of Blue Dream 3.5 g is recalled (recall RA-7: Mould found).")
