"""A scanner on a serial line: a real port, `socket://host:port` (the simulator) or `loop://` (tests).

Opens the port with `serial.serial_for_url`, reads on its own thread and calls `on_scan(ScanEvent)` once per
scan, on that thread. If the port drops, it reports through `on_error` and keeps trying to reopen it until
`stop()`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import serial

from hardware.ports import ErrorCallback, ScanCallback, ScanEvent
from hardware.scanners.framing import ScanFramer
from hardware.serial_io import read_available

_READ_TIMEOUT_S = 0.05


class SerialScanner:
    def __init__(
        self,
        url: str,
        *,
        prefix: bytes = b"",
        suffix: bytes = b"\r",
        baudrate: int = 9600,
        quiet_ms: int = 80,
        reconnect_s: float = 1.0,
        port_factory: Callable[[], serial.SerialBase] | None = None,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.quiet_ms = quiet_ms
        self.reconnect_s = reconnect_s
        self._framer = ScanFramer(prefix=prefix, suffix=suffix)
        self._port_factory = port_factory or self._open_port
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_scan: ScanCallback = lambda event: None
        self._on_error: ErrorCallback = lambda message: None
        self.connected = threading.Event()

    def start(self, on_scan: ScanCallback, on_error: ErrorCallback | None = None) -> None:
        if self._thread is not None:
            raise RuntimeError("This scanner is already started.")
        self._on_scan = on_scan
        self._on_error = on_error or (lambda message: None)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.url}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_connected(self, timeout: float) -> bool:
        """True once the port is open and being read (scans sent before that may be lost)."""
        return self.connected.wait(timeout)

    def _open_port(self) -> serial.SerialBase:
        return serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=_READ_TIMEOUT_S)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                port = self._port_factory()
            except (serial.SerialException, OSError, ValueError):
                self._on_error(f"The scanner at {self.url} cannot be reached. Check its cable and power.")
                self._stop.wait(self.reconnect_s)
                continue
            lost = False
            try:
                self.connected.set()
                self._read_until_stopped(port)
            except (serial.SerialException, OSError):
                lost = True
            finally:
                self.connected.clear()
                port.close()
            if lost and not self._stop.is_set():
                self._on_error(f"The scanner at {self.url} was disconnected. Reconnecting.")
                self._stop.wait(self.reconnect_s)

    def _read_until_stopped(self, port: serial.SerialBase) -> None:
        last_byte_at = time.monotonic()
        while not self._stop.is_set():
            data = read_available(port)
            now = time.monotonic()
            if data:
                last_byte_at = now
                self._deliver(self._framer.feed(data))
            elif (
                not self._framer.suffix
                and self._framer.pending
                and now - last_byte_at >= self.quiet_ms / 1000
            ):
                # Without a suffix, a quiet line is the only sign that a scan is complete.
                self._deliver(self._framer.flush())

    def _deliver(self, events: list[ScanEvent]) -> None:
        for event in events:
            try:
                self._on_scan(event)
            except Exception as exc:  # a failing handler must not kill the reader
                self._on_error(f"A scan could not be handled: {exc}")
