"""Tell a keyboard-wedge scan from a person typing, from key timings alone.

A wedge scanner types its code as keystrokes, each within a few milliseconds of the last, and ends with
Enter or Tab. A person types 100 ms or more apart. The detector buffers a burst while it may still be a scan;
once a gap is too long, or the burst ends too short, the buffered keys were typing and are handed back.

It is pure: it sees (character, timestamp in ms) and never a clock, so it is driven the same way by tests and
by a Qt event filter. Sketch of that filter (pos_app):

    def eventFilter(self, obj, event):
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        char = "\\r" if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else event.text()
        if event.key() == Qt.Key.Key_Tab:
            char = "\\t"
        if not char:
            return False                              # arrows, modifiers...: leave alone
        self._handle(self.detector.feed(char, self._elapsed.elapsed()), obj)
        self._rearm()
        return True                                   # we consumed it; typing is replayed below

    def _on_timer(self):                              # a single-shot QTimer
        self._handle(self.detector.poll(self._elapsed.elapsed()), QApplication.focusWidget())
        self._rearm()                                 # timers may fire early: poll again if still pending

    def _rearm(self):                                 # flush stale keys if nothing else comes
        if self.detector.pending:
            self._timer.start(int(self.detector.max_gap_ms) + 1)

    def _handle(self, result, widget):
        if result.kind is WedgeKind.SCAN:
            self.scanned.emit(result.text)
        elif result.kind is WedgeKind.TYPING and widget is not None:
            self._replaying = True                    # re-send the keys to the focused widget
            for ch in result.text: QApplication.sendEvent(widget, <QKeyEvent for ch>)
            self._replaying = False

Typed keys reach the widget at most `max_gap_ms` late, which a person does not notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WedgeKind(StrEnum):
    SCAN = "scan"  # text is the scanned code, without its Enter/Tab
    PENDING = "pending"  # keys are buffered: they may be a scan; nothing to do yet
    TYPING = "typing"  # text holds keys a person typed: deliver them to the focused widget, in order
    IDLE = "idle"  # nothing buffered and nothing to deliver (poll() only)


@dataclass(frozen=True)
class WedgeResult:
    kind: WedgeKind
    text: str = ""


class WedgeDetector:
    def __init__(self, *, max_gap_ms: float = 40, min_length: int = 6, terminators: str = "\r\n\t") -> None:
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.terminators = terminators
        self._buffer: list[str] = []
        self._last_ts: float | None = None

    @property
    def pending(self) -> bool:
        return bool(self._buffer)

    def feed(self, char: str, ts_ms: float) -> WedgeResult:
        """One key press. Returns what to do now; see WedgeKind."""
        stale = self._take_if_stale(ts_ms)
        self._last_ts = ts_ms
        if char in self.terminators:
            burst = "".join(self._buffer)
            self._buffer.clear()
            if not stale and len(burst) >= self.min_length:
                return WedgeResult(WedgeKind.SCAN, burst)
            return WedgeResult(WedgeKind.TYPING, stale + burst + char)
        self._buffer.append(char)
        if stale:
            return WedgeResult(WedgeKind.TYPING, stale)
        return WedgeResult(WedgeKind.PENDING)

    def poll(self, now_ms: float) -> WedgeResult:
        """Call when no key came for a while: returns buffered keys that can no longer be a scan."""
        stale = self._take_if_stale(now_ms)
        if stale:
            return WedgeResult(WedgeKind.TYPING, stale)
        return WedgeResult(WedgeKind.PENDING if self._buffer else WedgeKind.IDLE)

    def reset(self) -> None:
        self._buffer.clear()
        self._last_ts = None

    def _take_if_stale(self, now_ms: float) -> str:
        if not self._buffer or self._last_ts is None or now_ms - self._last_ts <= self.max_gap_ms:
            return ""
        stale = "".join(self._buffer)
        self._buffer.clear()
        return stale
