"""One clock: every time a cashier reads on screen is the store's (Toronto for the demo store), as on its receipts
and printed reports, even when the machine itself is set to another time zone (here Tokyo, 13 or 14 hours on)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pos_app.services.clock import StoreClock
from pos_app.services.sync_service import SyncOverview
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.shift_dialogs import OpenShiftDialog, ReportDialog
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog
from pos_app.ui.sync.widgets import SyncPanel, label_text
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired

TORONTO = StoreClock(ZoneInfo("America/Toronto"))


@pytest.fixture
def machine_in_tokyo():
    """The till's operating system set to Tokyo time; restored afterwards for the other tests."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        assert datetime.now().astimezone().utcoffset() != TORONTO.now().utcoffset(), "the zones must differ"
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _toronto(read: Callable[[], str], expected: Callable[[], str]) -> tuple[str, set[str]]:
    """What the screen shows, and what Toronto's clock read just before and just after (a minute may turn)."""
    first = expected()
    shown = read()
    return shown, {first, expected()}


@pytest.fixture
def cashier(qtbot, terminal, machine_in_tokyo):
    with wired(terminal) as till:
        assert till.store_clock.zone == ZoneInfo("America/Toronto"), "the demo store is in Toronto"
        person = Cashier(qtbot, till)
        person.sign_in("1001")
        opening = person.wait_for_dialog(OpenShiftDialog)
        opening.counter.set_counts(DAY_FLOAT)
        opening.confirm()
        yield person


def test_the_header_clock_and_the_shift_time_are_the_stores(cashier):
    window = cashier.window
    shown, toronto = _toronto(lambda: (window.header.tick(), window.header.clock_label.text())[1], TORONTO.wall_text)
    assert shown in toronto, f"the header reads {shown!r}; in Toronto it is {toronto}"
    window.refresh_status()
    opened = cashier.register.shift.opened_at
    assert window.shift_label.text() == f"Shift: open since {TORONTO.time(opened)}"


def test_the_x_report_on_screen_reads_the_stores_time(cashier):
    cashier.key(Qt.Key.Key_F11)
    menu = cashier.wait_for_dialog(DrawerMenu)
    first = TORONTO.stamp(datetime.now(UTC))
    cashier.click(menu.entry_buttons["X report"])
    report = cashier.wait_for_dialog(ReportDialog)
    rows = _report_rows(report)
    toronto = {first, TORONTO.stamp(datetime.now(UTC))}
    assert rows["As of"] in toronto, f"the X report says {rows['As of']!r}; in Toronto it is {toronto}"
    assert rows["Opened"].startswith(TORONTO.stamp(cashier.register.shift.opened_at) + " ")


def test_a_parked_sale_shows_when_it_was_parked_in_the_stores_time(cashier, terminal):
    cashier.scan(product_codes(terminal, "beverage")[0].each_gtin)
    cashier.key(Qt.Key.Key_F8)
    dialog = cashier.wait_for_dialog(ParkedSalesDialog)
    cashier.type(dialog.label_field, "blue coat")
    cashier.click(dialog.park_button)
    cashier.qtbot.waitUntil(lambda: cashier.dialog is None)  # parked and closed before the next key
    cashier.key(Qt.Key.Key_F8)
    dialog = cashier.wait_for_dialog(ParkedSalesDialog)
    shown = dialog.list.item(0).text()
    (parked,) = cashier.till.sales.parked()
    assert shown.startswith("blue coat") and shown.endswith(f"·   {TORONTO.time(parked.parked_at)}"), shown
    dialog.reject()


def test_the_last_good_sync_reads_the_stores_time(qtbot, terminal, machine_in_tokyo):
    synced = datetime(2026, 11, 21, 23, 8, 5, tzinfo=UTC)  # 18:08:05 in Toronto, 08:08:05 the next day in Tokyo
    overview = SyncOverview(paired=True, hub_url="http://hub", client_id=uuid.uuid4(), terminal_no=1, pending=0,
                            rejected=0, last_good_sync=synced, alert=None, online=True)
    assert "last 18:08:05" in label_text(overview, terminal.store_clock)
    panel = SyncPanel(terminal.sync, clock=terminal.store_clock, show_rejected=False)
    qtbot.addWidget(panel)
    panel.show_overview(overview)
    assert panel.last_sync.text() == "18:08:05"


def test_a_lock_message_and_the_header_clock_tell_the_same_time(qtbot, terminal, machine_in_tokyo):
    with wired(terminal) as till:
        person = Cashier(qtbot, till)
        login = person.window.login
        for _ in range(5):
            person.click(login.name_buttons["1001"])
            person.type(login.pad.field, "0000")
            qtbot.keyClick(login.pad.field, Qt.Key.Key_Return)
        assert "locked" in login.error_text
        unlocks = login.error_text.split("unlocks at ")[1][:5]
        person.window.header.tick()
        header = person.window.header.clock_label.text().split()[-1]
        minutes = [int(t[:2]) * 60 + int(t[3:]) for t in (header, unlocks)]
        assert (minutes[1] - minutes[0]) % (24 * 60) in (14, 15), f"locked until {unlocks} with the header at {header}"


def _report_rows(report: ReportDialog) -> dict[str, str]:
    grid = report.findChild(QWidget, "ReportSheet").layout()
    rows = {}
    for row in range(grid.rowCount()):
        name, value = (grid.itemAtPosition(row, column) for column in (0, 1))
        if name is not None and value is not None:
            rows[name.widget().text()] = value.widget().text()
    return rows
