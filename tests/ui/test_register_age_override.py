"""A refused ID stays refused for the rest of the sale: no attestation gets past it, only a manager's PIN with a
reason, which is audited and logged as an age check of its own. Driven through the ID reader over a socket."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hardware.simulators.scanner import ScannerSimulator
from pos_app.persistence.models import AgeVerificationLog, AuditLog
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.shift_dialogs import OpenShiftDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import sellable_products, staff
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired


@pytest.fixture
def reader():
    simulator = ScannerSimulator(port=0)  # the ID reader, a serial device over a real socket
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def cashier(qtbot, terminal, reader):
    with wired(terminal, id_reader_url=f"socket://127.0.0.1:{reader.port}") as till:
        person = Cashier(qtbot, till, own_devices=True)
        person.sign_in("1001")
        opening = person.wait_for_dialog(OpenShiftDialog)
        opening.counter.set_counts(DAY_FLOAT)
        with qtbot.waitSignal(person.register.shifts.shift_opened):
            opening.confirm()
        assert reader.wait_for_client(5)
        yield person
        person.window.close()


def _flower(terminal) -> str:
    return next(p.each_gtin for p in sellable_products(terminal, "dried_flower", 60) if p.net_content == Decimal("3.5"))


def _swipe(cashier: Cashier, reader: ScannerSimulator, payload: str) -> None:
    with cashier.qtbot.waitSignal(cashier.register.checkout.age_checked, timeout=5000):
        reader.send(payload.encode("latin-1"))


def _logs(cashier: Cashier) -> list[tuple[str, str]]:
    with cashier.till.session_factory() as session:
        rows = session.scalars(select(AgeVerificationLog).order_by(AgeVerificationLog.created_at)).all()
    return [(row.method, row.result) for row in rows]


def test_an_expired_id_is_not_overridden_by_attestation_but_by_a_manager_with_a_reason(cashier, terminal, reader):
    cashier.scan(_flower(terminal))
    cashier.click(cashier.button("F12"))
    age = cashier.wait_for_dialog(AgeCheckDialog)
    _swipe(cashier, reader, ontario_licence(years_ago(40), expires=date.today() - timedelta(days=20)))
    assert "expired" in age.result_label.text()
    assert not age.attest_button.isVisible(), "a refused ID cannot be attested past"
    assert age.override_button.isVisible() and "manager" in age.override_button.text().lower()

    # Closing the check and paying again does not bring the attestation back.
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        age.reject()
    cashier.click(cashier.button("F12"))
    age = cashier.wait_for_dialog(AgeCheckDialog)
    assert not age.attest_button.isVisible()
    assert "refused" in age.result_label.text().lower()

    cashier.click(age.override_button)
    override = cashier.wait_for_dialog(OverrideDialog)
    cashier.type(override.code_field, "2001")
    cashier.type(override.pad.field, cashier.pins["2001"])
    cashier.qtbot.keyClick(override.pad.field, Qt.Key.Key_Return)
    assert "reason" in override.error_text.lower(), "a manager override needs a reason"
    cashier.type(override.reason_field, "Valid passport checked")
    override.code_field.clear()
    cashier.approve("2001")
    tender = cashier.wait_for_dialog(TenderDialog)  # the payment it was asked for goes on

    manager = staff(terminal, "2001")
    assert _logs(cashier) == [("id_scan", "failed"), ("manager_override", "passed")]
    with cashier.till.session_factory() as session:
        logged = session.scalars(select(AgeVerificationLog).where(AgeVerificationLog.method == "manager_override")
                                 ).one()
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "age_check.overridden")).one()
    assert logged.staff_id == manager.id and logged.sale_id == cashier.till.sales.sale.sale_id
    assert audit.approved_by == manager.id and audit.staff_id == staff(terminal, "1001").id
    assert audit.details["reason"] == "Valid passport checked"
    assert audit.details["age_check_id"] == str(logged.id)

    with cashier.qtbot.waitSignal(cashier.register.checkout.completed, timeout=5000):
        cashier.click(tender.exact_button)

    # The next customer is a new sale: the refusal is gone, and an attestation is enough again.
    cashier.scan(_flower(terminal))
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    cashier.wait_for_dialog(TenderDialog)


def test_an_unreadable_or_underage_id_also_blocks_attestation_even_through_parking(cashier, terminal, reader):
    cashier.scan(_flower(terminal))
    cashier.click(cashier.button("F7"))
    age = cashier.wait_for_dialog(AgeCheckDialog)
    _swipe(cashier, reader, ontario_licence(years_ago(30), number=""))  # no ID number: unreadable
    assert not age.passed and not age.attest_button.isVisible()
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        age.reject()

    # Parked and brought back, it is still the same customer's sale.
    cashier.click(cashier.button("F8"))
    parked = cashier.wait_for_dialog(ParkedSalesDialog)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        parked.park_button.click()
    cashier.click(cashier.button("F8"))
    parked = cashier.wait_for_dialog(ParkedSalesDialog)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        parked.resume_selected()
    cashier.click(cashier.button("F12"))
    age = cashier.wait_for_dialog(AgeCheckDialog)
    assert not age.attest_button.isVisible(), "parking is no way around a refused ID"

    _swipe(cashier, reader, ontario_licence(years_ago(17)))
    assert "17" in age.result_label.text() and not age.attest_button.isVisible()
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        age.reject()
    assert cashier.till.sales.sale.needs_age_check
    assert ("attestation", "passed") not in _logs(cashier)
