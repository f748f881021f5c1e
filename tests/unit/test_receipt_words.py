"""Which language a receipt prints in, and a French Z report and kiosk ticket slip as they come off 58 mm paper."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from hardware.printers.layout import TextRow, layout_ticket_slip
from pos_app.config import Settings
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.domain.shift_report import MovementFacts, OrderFacts, PaymentFacts, ShiftFacts, build_shift_report
from pos_app.domain.tax import TaxComponent
from pos_app.i18n import set_language
from pos_app.services.devices import report_lines
from pos_app.services.receipt_words import ReceiptWords, receipt_languages
from pos_app.services.receipts import document_for_report, report_rows, ticket_slip
from pos_app.services.terminal import TerminalContext
from tests.unit.domain.builders import product

CONTEXT = TerminalContext(uuid.uuid4(), "QC001", "Feuille Verte", ("12 rue Principale", "Gatineau, QC J8X 1A1"),
                          "RSA-1", "QC", 21, 1, (TaxComponent("GST", Decimal("0.05")),
                                                 TaxComponent("QST", Decimal("0.09975"))), {})
AT = datetime(2026, 11, 21, 22, 5, tzinfo=UTC)


@pytest.mark.parametrize(("setting", "province", "terminal", "expected"), [
    ("store", "QC", "en", ("fr",)),
    ("store", "ON", "en", ("en",)),
    ("store", "NB", "fr", ("fr",)),
    ("en", "QC", "fr", ("en",)),
    ("fr", "ON", "en", ("fr",)),
    ("bilingual", "QC", "en", ("fr", "en")),
    ("bilingual", "ON", "fr", ("en", "fr")),
])
def test_the_receipt_language(setting, province, terminal, expected):
    assert receipt_languages(setting, province, terminal) == expected


def test_receipt_language_is_a_checked_setting(tmp_path):
    assert Settings(data_dir=tmp_path).receipt_language == "store"
    assert Settings(data_dir=tmp_path, receipt_language="bilingual").receipt_language == "bilingual"
    with pytest.raises(ValueError, match="There is no receipt language 'quebec'"):
        Settings(data_dir=tmp_path, receipt_language="quebec")


def _z_report():
    orders = [OrderFacts("completed", Money.of("1200.00"), Money.zero(), {"GST": Money.of("60.00"),
                         "QST": Money.of("119.70")}, Money.of("1379.70"), Money.zero(),
                         (PaymentFacts("cash", Money.of("1379.70")),))]
    facts = ShiftFacts(uuid.uuid4(), 1, AT.replace(hour=14), "Maya Tremblay", Money.of("200.00"),
                       closed_by="Daniel Okafor")
    return build_shift_report("Z", facts, orders, [], [MovementFacts("drop", Money.of("1000.00"))], as_of=AT,
                              closing_counts={"100": 5, "20": 4, "0.25": 3})


def test_a_french_z_report_on_58_mm_paper():
    document = document_for_report(_z_report(), CONTEXT, zone=UTC, words=ReceiptWords(("fr",)))
    lines = report_lines(document, 32)
    text = "\n".join(lines).replace("\xa0", " ")
    assert document.title == "RAPPORT Z"
    for french in ("Rapport Z, terminal 1", "Ouvert", "2026-11-21 14 h 05 Maya Tremblay", "VENTES",
                   "Ventes brutes", "Taxe TPS", "Taxe TVQ", "PAIEMENTS", "Espèces", "TIROIR", "Fonds de caisse",
                   "Dépôts", "Espèces prévues", "Espèces comptées", "Écart", "COMPTE", "100 $ x 5", "25 ¢ x 3"):
        assert french in text, french
    assert "1 200,00 $" in text and "-1 000,00 $" in text
    assert all(len(line) <= 32 for line in lines), [line for line in lines if len(line) > 32]
    for english in ("Gross sales", "Opening float", "Expected cash", "$"):
        assert english not in text.replace(" $", "")


def test_the_report_on_screen_follows_the_current_language():
    rows = dict(report_rows(_z_report(), UTC))
    assert rows["Gross sales"] == "$1,200.00"
    set_language("fr")
    try:
        rows = dict(report_rows(_z_report(), UTC))
    finally:
        set_language("en")
    assert rows["Ventes brutes"] == "1\xa0200,00\xa0$"


def test_a_french_kiosk_ticket_slip_and_a_bilingual_tax_line():
    sale = Sale()
    sale.add(product("FLOWER-35", "24.99", grams="3.5", name="Fleur séchée 3,5 g"), 2)
    slip = ticket_slip("K-3004", "QR", sale.lines, Money.of("57.47"), CONTEXT, printed_at=AT, zone=UTC,
                       words=ReceiptWords(("fr",)))
    text = "\n".join(row.text for row in layout_ticket_slip(slip, 32) if isinstance(row, TextRow))
    assert "Votre numéro" in text and "Total estimé" in text and "57,47\xa0$" in text
    assert "Apportez ce billet au comptoir." in text and "2026-11-21 22 h 05" in text
    assert ReceiptWords(("fr", "en")).tax("QST", Decimal("9.975")) == "TVQ 9,975 % / QST 9.975%"
