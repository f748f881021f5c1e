"""A cashier who works in French: EN | FR at sign-in, then the whole sale in French with French money, and the
terminal's own language back once they sign out. Runs on the compiled translations (`make test` builds them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from pos_app.i18n import current_language, set_language
from pos_app.ui.register.shift_dialogs import OpenShiftDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.translation import TRANSLATIONS_DIR
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired

FRENCH_MONEY = re.compile(r"^\d{1,3}(?:\u202f\d{3})*,\d\d\xa0\$$")  # 77,83 $ (Babel's fr_CA)


@pytest.fixture(autouse=True)
def compiled_register_translations():
    """The .qm `make` builds from the .ts, built here too when a bare `pytest` runs before any `make`."""
    ts_file = TRANSLATIONS_DIR / "register_fr.ts"
    qm_file = ts_file.with_suffix(".qm")
    if not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease if lrelease.exists() else "pyside6-lrelease"), "-silent", str(ts_file),
                        "-qm", str(qm_file)], check=True)
    yield
    set_language("en")  # one language for the whole process: the next test starts in English whatever happens


def test_a_cashier_switches_to_french_at_sign_in_and_sells_in_french(qtbot, terminal):
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        window, login = cashier.window, cashier.window.login
        assert login.title.text() == "Sign in"

        cashier.click(login.language.buttons["fr"])
        assert current_language() == "fr"
        assert login.title.text() == "Connexion"
        assert login.code_field.placeholderText() == "Code d'employé"
        assert login.language.buttons["fr"].isChecked()

        cashier.sign_in("1001")
        opening = cashier.wait_for_dialog(OpenShiftDialog)
        assert opening.windowTitle() == "Ouvrir le quart\xa0: compter le fonds de caisse"
        opening.counter.set_counts(DAY_FLOAT)
        assert opening.counter.total_label.text() == "205,00\xa0$"
        with qtbot.waitSignal(cashier.register.shifts.shift_opened):
            cashier.click(opening.open_button)
        assert cashier.notice == "Quart ouvert avec un fonds de caisse de 205,00\xa0$."

        register = cashier.register
        assert register.action_buttons["F12"].text() == "Payer\nF12"
        assert register.action_buttons["F1"].text() == "Changer d'utilisateur\nF1"
        cashier.scan(product_codes(terminal, "dried_flower")[0].each_gtin)
        panel = register.panel
        assert panel.cart_model.rowCount() == 1
        assert panel.cart_model.headerData(0, Qt.Orientation.Horizontal) == "Article"
        assert FRENCH_MONEY.match(panel.total_label.text()), panel.total_label.text()
        assert panel.totals.caption_labels["Subtotal"].text() == "Sous-total"
        assert panel.limit_meter.format().endswith(" g sur 30 g")
        assert window.shift_label.text().startswith("Quart ouvert à ")
        assert window.sync_label.text().startswith("Synchro\xa0: non jumelé")

        cashier.click(register.action_buttons["F12"])
        cashier.attest_age()
        tender = cashier.wait_for_dialog(TenderDialog)
        assert tender.windowTitle() == "Paiement"
        due = tender.figure_labels["Left to pay"].text()
        assert FRENCH_MONEY.match(due), due
        assert tender.exact_button.text().startswith("Exact  ")
        cashier.click(tender.exact_button)
        assert re.fullmatch(r"Vente \S+ terminée\.", cashier.notice), cashier.notice

        # Signing out brings back the terminal's language for whoever comes next.
        cashier.click(register.action_buttons["F1"])
        assert current_language() == "en"
        assert login.title.text() == "Sign in"
        assert login.language.buttons["en"].isChecked()


def test_switching_language_keeps_the_sale_on_screen(cashier, terminal):
    """The switch retranslates what is open; the cart and its figures stay as they were."""
    flower = product_codes(terminal, "dried_flower")[0]
    cashier.scan(flower.each_gtin)
    panel = cashier.register.panel
    english_total = panel.total_label.text()
    set_language("fr")
    cashier.qtbot.waitUntil(lambda: cashier.register.action_buttons["F12"].text() == "Payer\nF12", timeout=2000)
    assert panel.cart_model.rowCount() == 1
    assert FRENCH_MONEY.match(panel.total_label.text())
    assert panel.total_label.text().replace("\xa0$", "").replace(",", ".") == english_total.lstrip("$")
    set_language("en")
    cashier.qtbot.waitUntil(lambda: cashier.register.action_buttons["F12"].text() == "Pay\nF12", timeout=2000)
    assert panel.total_label.text() == english_total
