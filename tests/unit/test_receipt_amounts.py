"""Receipts read amounts through Money.format(), like every screen, so another locale reaches the paper too."""

from __future__ import annotations

import re

from hardware.printers.document import ReceiptLabels
from hardware.printers.layout import TextRow, layout_receipt
from pos_app.domain.money import Money
from pos_app.services.receipts import RECEIPT_LABELS
from tests.hardware.receipts import sample_receipt


def _text(labels: ReceiptLabels, **changes) -> str:
    rows = layout_receipt(sample_receipt(labels=labels, **changes), 48)
    return "\n".join(row.text for row in rows if isinstance(row, TextRow))


def test_the_terminals_receipts_use_money_format():
    assert RECEIPT_LABELS.money(123456) == Money.of("1234.56").format() == "$1,234.56"
    text = _text(RECEIPT_LABELS, total_cents=123456)
    assert text.count("$1,234.56") == 1 and "-$10.00" in text, "the total and the discount, as Money shows them"


def test_every_amount_on_the_receipt_goes_through_the_labels_money():
    french = ReceiptLabels(money=lambda cents: Money.from_cents(cents).format("fr_CA"))
    text = _text(french)
    assert "101,69\xa0$" in text and "-10,00\xa0$" in text and "2 x 35,00\xa0$" in text
    assert re.search(r"\$\d", text) is None, "no amount is written the built-in way ($ before the digits)"
