"""The age gate (the province's age; an ID scan through the one scan path may stand in, failing closed), each
check logged with no staff member and only the ID number's hash, and a kiosk without a catalog, which says it is
being set up instead of failing."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from hardware.scanners.framing import typed_scan_event
from pos_app.persistence.models import Accessory, AgeVerificationLog, OcsProduct, SyncOutbox
from pos_app.ui.kiosk.screens import SETTING_UP
from sync.mutations import AgeVerificationLoggedV1
from tests.id_cards import ontario_licence, years_ago
from tests.ui.kiosk.customer_driver import Customer


def _scan(customer, payload: str) -> None:
    customer.window.scans.handle_scan(typed_scan_event(payload))


def _logged(terminal) -> list[AgeVerificationLog]:
    with terminal.session_factory() as session:
        rows = session.scalars(select(AgeVerificationLog).order_by(AgeVerificationLog.created_at)).all()
        session.expunge_all()
        return list(rows)


def test_the_gate_asks_for_the_provinces_age(customer, terminal):
    window = customer.window
    customer.tap(window.attract.start_button)
    assert window.age_gate.confirm_button.text() == f"I am {terminal.context.min_age} or older"
    customer.tap(window.age_gate.decline_button)
    assert "Sorry, you must be 19 or older" in window.age_gate.message.text()
    assert not window.age_gate.confirm_button.isEnabled()


def test_the_customers_confirmation_is_logged_with_no_staff_member_and_the_kiosks_number(customer, terminal):
    before = len(_logged(terminal))
    customer.start()
    [check] = _logged(terminal)[before:]
    assert (check.method, check.result, check.staff_id, check.sale_id) == ("kiosk_confirm", "passed", None, None)
    assert check.terminal_no == terminal.context.terminal_no and check.id_number_hash is None
    with terminal.session_factory() as session:
        queued = session.scalar(select(SyncOutbox).where(SyncOutbox.name == "age_verification.logged.v1")
                                .order_by(SyncOutbox.mutation_id.desc()))
        assert AgeVerificationLoggedV1.model_validate(queued.args).id == check.id


def test_an_adults_id_opens_the_menu_and_only_its_check_is_stored(customer, terminal):
    before = len(_logged(terminal))
    customer.tap(customer.window.attract.start_button)
    _scan(customer, ontario_licence(years_ago(30)))
    assert customer.window.current is customer.window.browse
    [check] = _logged(terminal)[before:]
    assert (check.method, check.result, check.staff_id) == ("id_scan", "passed", None)
    assert check.customer_age >= check.min_age == terminal.context.min_age  # as of the demo store's day
    assert len(check.id_number_hash) == 64 and "D1234" not in check.id_number_hash, "a salted hash, never the number"


def test_an_under_age_id_turns_the_customer_away_and_a_tap_cannot_undo_it(customer):
    window = customer.window
    customer.tap(window.attract.start_button)
    _scan(customer, ontario_licence(years_ago(17)))
    assert window.current is window.age_gate
    assert "Sorry, you must be 19 or older" in window.age_gate.message.text()
    assert not window.age_gate.confirm_button.isEnabled()
    check = _logged(customer.terminal)[-1]
    assert (check.method, check.result, check.staff_id) == ("id_scan", "failed", None)
    assert check.customer_age < check.min_age
    assert check.id_number_hash and "D1234" not in check.id_number_hash


def test_an_id_whose_date_of_birth_cannot_be_read_fails_closed(customer):
    window = customer.window
    born = years_ago(30)
    payload = ontario_licence(born).replace(f"DBB{born:%Y%m%d}", "DBB20261399")
    customer.tap(window.attract.start_button)
    _scan(customer, payload)
    assert window.current is window.age_gate, "an unreadable date never opens the menu"
    assert "could not read the date of birth" in window.age_gate.message.text()
    check = _logged(customer.terminal)[-1]
    assert (check.method, check.result, check.staff_id, check.id_number_hash) == ("id_scan", "failed", None, None)


def test_a_products_barcode_before_the_gate_does_not_open_the_menu(customer, terminal):
    window = customer.window
    customer.tap(window.attract.start_button)
    gtin = terminal.catalog.in_stock_codes(1, ("dried_flower",))[0]
    _scan(customer, gtin)
    assert window.current is window.age_gate and "confirm your age first" in window.age_gate.message.text()
    customer.tap(window.age_gate.confirm_button)
    _scan(customer, gtin)
    assert window.current is window.product_page


@pytest.fixture
def empty_catalog(terminal):
    with terminal.session_factory() as session:
        session.execute(update(OcsProduct).values(is_active=False))
        session.execute(update(Accessory).values(is_active=False))
        session.commit()
    return terminal


def test_a_kiosk_with_no_catalog_yet_says_it_is_being_set_up(qtbot, empty_catalog):
    customer = Customer(qtbot, empty_catalog)
    try:
        window = customer.window
        assert window.current is window.setup and window.setup.title.text() == SETTING_UP
        assert not window.ready and not window.start_over_button.isVisible()
        customer.long_press_logo()
        assert window.current is window.setup, "nothing to leave to before there is a kiosk"
        with empty_catalog.session_factory() as session:  # the first sync brings the catalog
            session.execute(update(OcsProduct).values(is_active=True))
            session.commit()
        window._check_setup()
        assert window.ready and window.current is window.attract
    finally:
        customer.leave()


def test_a_kiosk_with_no_store_at_all_says_it_is_being_set_up(qtbot, tmp_path):
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings

    bare = open_terminal(load_settings(tmp_path / "new-kiosk"), log_to_file=False)
    customer = Customer(qtbot, bare)
    try:
        assert customer.window.current is customer.window.setup
    finally:
        customer.leave()
        bare.close()
