"""The detector driven by real Qt key events (QTest.keyClicks), through a minimal event filter of the kind
pos_app builds: proof that the pure API fits a QObject.eventFilter."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLineEdit  # noqa: E402

from hardware.scanners.wedge import WedgeDetector, WedgeKind  # noqa: E402


class WedgeFilter(QObject):
    def __init__(self, field: QLineEdit) -> None:
        super().__init__()
        self.field = field
        self.detector = WedgeDetector()
        self.scans: list[str] = []
        self.clock = QElapsedTimer()
        self.clock.start()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_timer)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress:
            return False
        char = "\r" if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else event.text()
        if not char:
            return False
        self._handle(self.detector.feed(char, self.clock.elapsed()))
        self._rearm()
        return True

    def _on_timer(self) -> None:
        self._handle(self.detector.poll(self.clock.elapsed()))
        self._rearm()  # a timer may fire a little early: keep polling while keys are buffered

    def _rearm(self) -> None:
        if self.detector.pending:
            self.timer.start(int(self.detector.max_gap_ms) + 1)

    def _handle(self, result) -> None:
        if result.kind is WedgeKind.SCAN:
            self.scans.append(result.text)
        elif result.kind is WedgeKind.TYPING:
            self.field.insert(result.text.replace("\r", ""))


@pytest.fixture
def wedge(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    wedge_filter = WedgeFilter(field)
    field.installEventFilter(wedge_filter)
    yield wedge_filter
    field.removeEventFilter(wedge_filter)
    wedge_filter.timer.stop()


def test_a_scan_at_5_ms_per_key_reaches_the_scan_handler_not_the_field(wedge, qtbot):
    QTest.keyClicks(wedge.field, "0628176000123", delay=5)
    QTest.keyClick(wedge.field, Qt.Key.Key_Return, delay=5)
    assert wedge.scans == ["0628176000123"]
    assert wedge.field.text() == ""


def test_typing_at_100_ms_per_key_lands_in_the_field(wedge, qtbot):
    QTest.keyClicks(wedge.field, "kush", delay=100)
    qtbot.waitUntil(lambda: wedge.field.text() == "kush", timeout=1000)
    assert wedge.scans == []
