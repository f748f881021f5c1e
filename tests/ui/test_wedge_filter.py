"""A wedge scanner's burst becomes a scan wherever focus is; a person's typing reaches the field untouched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from hardware.ports import ScanEvent
from pos_app.ui.wedge_filter import WedgeScanFilter


def _setup(qtbot):
    search = QLineEdit()
    qtbot.addWidget(search)
    search.show()
    search.setFocus()
    wedge = WedgeScanFilter()
    wedge.install(QApplication.instance())
    scans: list[ScanEvent] = []
    wedge.scanned.connect(scans.append)
    return search, wedge, scans


def _teardown(wedge):
    QApplication.instance().removeEventFilter(wedge)


def test_a_burst_at_scanner_speed_is_a_scan_and_never_lands_in_the_search_field(qtbot):
    search, wedge, scans = _setup(qtbot)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000):
            qtbot.keyClicks(search, "0628176123456", delay=5)
            qtbot.keyClick(search, Qt.Key.Key_Return, delay=5)
        assert [scan.text for scan in scans] == ["0628176123456"]
        assert scans[0] == ScanEvent(raw=b"0628176123456", symbology=None, data=b"0628176123456")
        assert search.text() == ""
    finally:
        _teardown(wedge)


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
    search, wedge, scans = _setup(qtbot)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as scanned:
            qtbot.keyClicks(search, "]C10109501101530003", delay=5)
            qtbot.keyClick(search, Qt.Key.Key_Return, delay=5)
        assert scanned.args[0].symbology == "]C1" and scanned.args[0].text == "0109501101530003"
        assert search.text() == ""
    finally:
        _teardown(wedge)
