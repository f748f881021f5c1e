"""A wedge scanner's burst becomes a scan wherever focus is; a person's typing reaches the field untouched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from hardware.ports import ScanEvent
from pos_app.ui.wedge_filter import WedgeScanFilter


class KeyClock(QObject):
    """Time as the scanner makes it: `ms_per_key` passes with each key press, whatever the machine is doing.

    A loaded test machine can stall the event loop for more than the 40 ms gap that separates a scan from typing;
    with real time such a stall splits a burst into typing plus a shorter scan. Installed after the wedge filter, it
    sees each key first (Qt calls the newest filter first), so the wedge reads the time of the key it is handling.
    """

    def __init__(self, ms_per_key: float) -> None:
        super().__init__()
        self.ms_per_key = ms_per_key
        self.now = 0.0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and watched.isWidgetType():
            self.now += self.ms_per_key
        return False


def _setup(qtbot, key_clock: KeyClock | None = None):
    search = QLineEdit()
    qtbot.addWidget(search)
    search.show()
    search.setFocus()
    wedge = WedgeScanFilter(clock=(lambda: key_clock.now) if key_clock else None)
    wedge.install(QApplication.instance())
    if key_clock:
        QApplication.instance().installEventFilter(key_clock)
    scans: list[ScanEvent] = []
    wedge.scanned.connect(scans.append)
    return search, wedge, scans


def _teardown(wedge, key_clock: KeyClock | None = None):
    QApplication.instance().removeEventFilter(wedge)
    if key_clock:
        QApplication.instance().removeEventFilter(key_clock)


def test_a_burst_at_scanner_speed_is_a_scan_and_never_lands_in_the_search_field(qtbot):
    clock = KeyClock(ms_per_key=5)
    search, wedge, scans = _setup(qtbot, clock)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000):
            qtbot.keyClicks(search, "0628176123456", delay=5)
            qtbot.keyClick(search, Qt.Key.Key_Return, delay=5)
        assert [scan.text for scan in scans] == ["0628176123456"]
        assert scans[0] == ScanEvent(raw=b"0628176123456", symbology=None, data=b"0628176123456")
        assert search.text() == ""
    finally:
        _teardown(wedge, clock)


def test_human_typing_100_ms_apart_goes_to_the_field_and_is_not_a_scan(qtbot):
    search, wedge, scans = _setup(qtbot)
    try:
        qtbot.keyClicks(search, "blue dream", delay=100)
        qtbot.waitUntil(lambda: search.text() == "blue dream", timeout=2000)
        qtbot.keyClick(search, Qt.Key.Key_Return, delay=100)
        qtbot.wait(100)
        assert scans == []
        assert search.text() == "blue dream"
    finally:
        _teardown(wedge)


def test_a_wedge_scan_keeps_the_scanners_aim_symbology(qtbot):
    clock = KeyClock(ms_per_key=5)
    search, wedge, scans = _setup(qtbot, clock)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as scanned:
            qtbot.keyClicks(search, "]C10109501101530003", delay=5)
            qtbot.keyClick(search, Qt.Key.Key_Return, delay=5)
        assert scanned.args[0].symbology == "]C1" and scanned.args[0].text == "0109501101530003"
        assert search.text() == ""
    finally:
        _teardown(wedge, clock)
