"""The sync worker in its QThread and the widgets a cashier and a manager see, against a real hub."""

from __future__ import annotations

import pytest

from pos_app.ui.sync.bootstrap_dialog import BootstrapDialog
from pos_app.ui.sync.widgets import SyncPanel, SyncStatusLabel
from pos_app.ui.sync.worker import start_sync_thread, stop_sync_thread
from tests.sync.client.tills import PER_SALE, open_till


@pytest.fixture
def worker_for(qtbot):
    started = []

    def start(till, **options):
        thread, worker = start_sync_thread(till.sync, push_interval=0.1, long_poll=1.0, **options)
        started.append((thread, worker))
        return worker

    yield start
    for thread, worker in started:
        stop_sync_thread(thread, worker)


def test_the_status_label_follows_sales_and_syncs_from_its_worker(qtbot, hub, proxy, make_till, worker_for):
    till = make_till(proxy.url)
    code, _sku = till.products(1)[0]
    label = SyncStatusLabel(till.terminal.store_clock)
    qtbot.addWidget(label)
    proxy.down()
    worker = worker_for(till)
    worker.status_changed.connect(label.show_overview)
    till.sell(code)
    waiting = f"{PER_SALE} waiting"  # the age check and the order
    qtbot.waitUntil(lambda: "offline" in label.text() and waiting in label.text(), timeout=10_000)
    proxy.up()
    qtbot.waitUntil(lambda: "online" in label.text() and "up to date" in label.text(), timeout=15_000)
    assert "last " in label.text() and "never" not in label.text()


def test_a_manager_sees_rejections_and_syncs_now_from_the_panel(qtbot, hub, proxy, make_till, worker_for):
    till = make_till(proxy.url)
    till.queue_raw("inventory.adjusted.v1", {"adjustment_id": "x", "sku": "S", "reason": "count"})
    proxy.down()  # nothing goes out until the manager presses the button
    worker = worker_for(till)
    panel = SyncPanel(till.sync, clock=till.terminal.store_clock, show_rejected=True)
    qtbot.addWidget(panel)
    worker.status_changed.connect(panel.show_overview)
    panel.sync_requested.connect(worker.sync_now)
    worker.sync_finished.connect(panel.show_result)
    qtbot.waitUntil(lambda: panel.connection.text() == "offline", timeout=10_000)
    assert panel.pending.text() == "1"
    proxy.up()
    with qtbot.waitSignal(worker.sync_finished, timeout=15_000) as finished:
        qtbot.mouseClick(panel.sync_now, qtbot_left())
    assert finished.args[0] is True
    qtbot.waitUntil(lambda: panel.pending.text() == "0" and panel.rejected.rowCount() == 1, timeout=10_000)
    assert "invalid_args" in panel.rejected.item(0, 2).text()
    cashier_panel = SyncPanel(till.sync, clock=till.terminal.store_clock, show_rejected=False)
    qtbot.addWidget(cashier_panel)
    assert not cashier_panel.rejected.isVisibleTo(cashier_panel)


def test_a_newly_paired_terminal_shows_the_snapshot_arriving(qtbot, hub, tmp_path, worker_for):
    till = open_till(tmp_path / "fresh", page_size=300)
    try:
        till.sync.pair(hub.url, hub.pairing_code(), terminal_no=501)
        worker = worker_for(till)
        dialog = BootstrapDialog(worker)
        qtbot.addWidget(dialog)
        values = []
        dialog.bar.valueChanged.connect(values.append)
        with qtbot.waitSignal(dialog.accepted, timeout=60_000):
            dialog.start()
        assert len(values) > 3 and values[-1] == dialog.bar.maximum() > 1000
        assert "The store is here" in dialog.message.text()
        assert till.products(1)  # it can sell now
    finally:
        till.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
