"""Cut a scanner's byte stream into scans, using its configured prefix and suffix. Pure."""

from __future__ import annotations

from hardware.codes.symbology import split_symbology
from hardware.ports import ScanEvent


class ScanFramer:
    """Feed bytes as they arrive; get back the complete scans.

    With a suffix (usually CR), a scan ends at the suffix. Without one, the caller ends a scan by calling
    `flush()` when the line has been quiet for a moment. A prefix, when configured, is removed; bytes before
    it are line noise and dropped. GS (0x1D) and every other byte inside a scan are kept.
    """

    def __init__(self, *, prefix: bytes = b"", suffix: bytes = b"\r", max_length: int = 8192) -> None:
        self.prefix = prefix
        self.suffix = suffix
        self.max_length = max_length
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[ScanEvent]:
        self._buffer += data
        events = []
        while self.suffix:
            end = self._buffer.find(self.suffix)
            if end < 0:
                break
            frame = bytes(self._buffer[:end])
            del self._buffer[: end + len(self.suffix)]
            event = self._event(frame)
            if event is not None:
                events.append(event)
        if len(self._buffer) > self.max_length:
            # A scanner configured with a different suffix would otherwise grow the buffer forever.
            self._buffer.clear()
        return events

    def flush(self) -> list[ScanEvent]:
        frame = bytes(self._buffer)
        self._buffer.clear()
        event = self._event(frame)
        return [event] if event is not None else []

    @property
    def pending(self) -> bool:
        return bool(self._buffer)

    def _event(self, frame: bytes) -> ScanEvent | None:
        if self.prefix:
            start = frame.find(self.prefix)
            if start < 0:
                return None
            frame = frame[start + len(self.prefix) :]
        if not self.suffix:
            frame = frame.rstrip(b"\r\n")
        if not frame:
            return None
        return scan_event(frame)


def scan_event(raw: bytes) -> ScanEvent:
    """One scan's bytes, without prefix and suffix, as a ScanEvent with its AIM id split off."""
    symbology, data = split_symbology(raw)
    return ScanEvent(raw=raw, symbology=symbology, data=data)


def typed_scan_event(text: str) -> ScanEvent:
    """A scan that arrived as key presses (a keyboard wedge). Each character is one latin-1 byte, as a serial
    scanner's would be (`ScanEvent.text` decodes the same way); a character outside latin-1 cannot come from a
    barcode and becomes `?`."""
    return scan_event(text.encode("latin-1", errors="replace"))
