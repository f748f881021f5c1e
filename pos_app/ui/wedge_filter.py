"""Routes keyboard-wedge scans to the scan handler, whatever has focus, and leaves typing alone.

A wedge's scan becomes the same ``ScanEvent`` a serial scanner sends (its AIM id, if the scanner is set to
send one, split off), so both reach one scan path.

The pure ``WedgeDetector`` decides from key timings; this filter feeds it every key press in the
application, emits ``scanned`` for a burst that is a scan, and re-delivers a person's keys, in order, to
the widget they were typed into (at most ``max_gap_ms`` later, which nobody notices).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from hardware.scanners.framing import typed_scan_event
from hardware.scanners.wedge import WedgeDetector, WedgeKind, WedgeResult

_TERMINATOR_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
_POINTER_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_KEY_FOR_CHAR = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


class WedgeScanFilter(QObject):
    scanned = Signal(object)  # hardware.ports.ScanEvent, as a serial scanner would send it

    def __init__(self, detector: WedgeDetector | None = None, parent: QObject | None = None, *,
                 clock: Callable[[], float] | None = None) -> None:
        """`clock` gives milliseconds since any fixed start (a monotonic elapsed timer unless given)."""
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed
        self._now = clock
        self._replaying = False
        self._target: QObject | None = None
        self._flush_timer = QTimer(self, singleShot=True, timeout=self._on_quiet)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _POINTER_PRESSES and self.detector.pending and not self._replaying:
            # A tap right after typing (OK within a few ms of the last digit): the held keys reach their field
            # before the tap acts on it, or the tap would act on what was typed minus its last key.
            self._flush_timer.stop()
            self._handle(self.detector.poll(self._now() + self.detector.max_gap_ms + 1))
            return False
        if self._replaying or event.type() != QEvent.Type.KeyPress or not watched.isWidgetType():
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False  # shortcuts are never part of a scan
        char = _TERMINATOR_KEYS.get(Qt.Key(key_event.key())) or key_event.text()
        if not char or not char.isprintable() and char not in "\r\t":
            return False  # arrows, function keys, modifiers: not ours
        self._target = watched
        self._handle(self.detector.feed(char, self._now()))
        if self.detector.pending:
            self._flush_timer.start(int(self.detector.max_gap_ms) + 1)
        return True

    def _on_quiet(self) -> None:
        self._handle(self.detector.poll(self._now()))
        if self.detector.pending:
            self._flush_timer.start(int(self.detector.max_gap_ms) + 1)

    def _handle(self, result: WedgeResult) -> None:
        if result.kind is WedgeKind.SCAN:
            self.scanned.emit(typed_scan_event(result.text))
        elif result.kind is WedgeKind.TYPING:
            self._replay(result.text)

    def _replay(self, text: str) -> None:
        target = self._target if self._target is not None else QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for char in text:
                key = _KEY_FOR_CHAR.get(char, Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        finally:
            self._replaying = False
