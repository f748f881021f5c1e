"""An ID reader: a PDF417 scanner on a serial line or socket that reads the back of a licence or ID card.

It uses the scanner transport. AAMVA payloads hold CR and LF inside them, so by default a scan ends when the
line goes quiet (no suffix); set `suffix` when the reader is configured to end each scan with one that cannot
occur in the data. Each scan is parsed here and handed over as an IdCard, or as a plain sentence for the
cashier through `on_error`. The ID number itself never leaves this module: only its salted hash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hardware.codes.aamva import parse_id_payload
from hardware.codes.errors import CodeParseError
from hardware.codes.id_card import IdCard
from hardware.ports import ErrorCallback, ScanEvent
from hardware.scanners.serial_scanner import SerialScanner


class SerialIdReader:
    def __init__(
        self,
        url: str,
        *,
        salt: bytes,
        today: Callable[[], date] = date.today,
        prefix: bytes = b"",
        suffix: bytes = b"",
        quiet_ms: int = 80,
        scanner: SerialScanner | None = None,
    ) -> None:
        self._salt = salt
        self._today = today
        self._scanner = scanner or SerialScanner(url, prefix=prefix, suffix=suffix, quiet_ms=quiet_ms)
        self._on_id: Callable[[IdCard], None] = lambda card: None
        self._on_error: ErrorCallback = lambda message: None

    def start(
        self,
        on_id: Callable[[IdCard], None],
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._on_id = on_id
        self._on_error = on_error or (lambda message: None)
        self._scanner.start(self._handle_scan, self._handle_transport_error)

    def stop(self) -> None:
        self._scanner.stop()

    def wait_connected(self, timeout: float) -> bool:
        return self._scanner.wait_connected(timeout)

    def _handle_scan(self, event: ScanEvent) -> None:
        try:
            card = parse_id_payload(event.text, today=self._today(), salt=self._salt)
        except CodeParseError as error:
            self._on_error(str(error))
            return
        self._on_id(card)

    def _handle_transport_error(self, message: str) -> None:
        self._on_error(message.replace("scanner", "ID reader"))
