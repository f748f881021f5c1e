"""Receipts in the store's language: a Quebec store prints French (French money and dates), any store may print
both languages, and every line still fits 58 and 80 mm paper. Printed through the printer simulator over TCP and
read back as text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from hardware.printers.layout import COLUMNS
from pos_app.config import HardwareSettings
from pos_app.services.devices import build_print_service
from tests.integration.helpers import staff
from tests.integration.test_printing import amount_on, cash_sale, printed_text

NBSP = "\xa0"


@pytest.fixture
def till(terminal):
    return terminal  # each test wires its own printer, in its own language


def _printing(till, printer_sim, *, province: str, receipt_language: str = "store", width: int = 80):
    hardware = HardwareSettings(printer_url=f"tcp://127.0.0.1:{printer_sim.port}", paper_width_mm=width)
    settings = till.settings.model_copy(update={"hardware": hardware, "receipt_language": receipt_language})
    return build_print_service(settings, replace(till.context, province_code=province), till.session_factory,
                               retry_delays_s=())


def _print(till, printer_sim, **how) -> tuple[str, object]:
    """A cash sale's receipt as printed; the no-break spaces of French amounts come back as spaces."""
    cashier = staff(till, "1001")
    order = cash_sale(till, cashier)
    printer_sim.columns = COLUMNS[how.get("width", 80)]  # the roll the simulator renders its text on
    printing = _printing(till, printer_sim, **how)
    try:
        assert printing.print_sale(order, cashier.name, open_drawer=False).ok
        (receipt,) = printed_text(printer_sim, 1)
    finally:
        printing.close()
    return receipt.text.replace(NBSP, " "), order


def _fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if len(line) > COLUMNS[width]]
    assert too_wide == [], f"lines wider than {width} mm paper"


@pytest.mark.parametrize("width", [80, 58])
def test_a_quebec_store_prints_its_receipt_in_french(till, printer_sim, width):
    text, order = _print(till, printer_sim, province="QC", width=width)
    for french in (f"Reçu {order.order_number}", "Servi par: Maya Tremblay", "Lot: ", "TOTAL"):
        assert french in text
    for english in ("Receipt", "Served by", "Subtotal", "Change", "Cash"):
        assert english not in text
    subtotal = text.split("Sous-total")[1].splitlines()[0].strip()
    assert re.fullmatch(r"\d{1,3}( \d{3})*,\d\d \$", subtotal), f"French money, like 12,34 $: {subtotal!r}"
    assert "20,00 $" in text, "the change, the French way"
    assert re.search(r"\d{4}-\d\d-\d\d \d\d h \d\d", text), "a French time: 2026-03-04 13 h 05"
    assert "TVH 13 %" in text and "Espèces" in text and "Monnaie" in text
    _fits(text, width)


def test_an_ontario_store_prints_the_terminals_language(till, printer_sim):
    text, order = _print(till, printer_sim, province="ON")
    assert f"Receipt {order.order_number}" in text and "Subtotal" in text and "Reçu" not in text
    assert amount_on(text, "Change") == "$20.00"


@pytest.mark.parametrize("width", [80, 58])
def test_a_bilingual_receipt_has_each_label_in_both_languages_french_first_in_quebec(till, printer_sim, width):
    text, order = _print(till, printer_sim, province="QC", receipt_language="bilingual", width=width)
    for both in ("Sous-total / Subtotal", "Servi par / Served by", "Monnaie / Change", "Espèces / Cash"):
        assert both in text.replace("\n", " ")
    assert "20,00 $" in text, "amounts read the French way, French coming first"
    _fits(text, width)


def test_a_bilingual_receipt_outside_quebec_puts_english_first(till, printer_sim):
    text, _ = _print(till, printer_sim, province="ON", receipt_language="bilingual")
    assert "Subtotal / Sous-total" in text and "$20.00" in text
