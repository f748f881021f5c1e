"""The ESC/POS receipt printer and its cash drawer, over python-escpos (Network, Serial, Usb or File).

Each operation opens the device, does its work and closes it again, so a printer that was switched off and on
in between just works. Before a receipt is sent, the printer's status is read (DLE EOT) and an out-of-paper,
open-cover or offline printer refuses the job with a plain sentence; after it, a printer that ran out of paper
mid-receipt refuses it too, so the print queue keeps it for a reprint. Printers that cannot report their
status (File, some USB models) are printed to without the check.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Literal

import serial

from hardware.errors import DeviceUnavailable, HardwareError
from hardware.ports import PrinterStatus
from hardware.printers import renderer
from hardware.printers.document import PrintDocument
from hardware.printers.layout import TextRow, columns_for, layout_document
from hardware.printers.status import StatusDecodeError, decode_status, status_request

if TYPE_CHECKING:
    from escpos.escpos import Escpos


# python-escpos takes ~0.5 s to import (it loads its printer profiles, PIL and barcode libraries), so it is
# imported when a printer is first used, not when the till starts.
@cache
def _io_errors() -> tuple[type[BaseException], ...]:
    from escpos.exceptions import Error as EscposError

    return (OSError, socket.timeout, serial.SerialException, EscposError)


def _open_device(url: str, timeout_s: float) -> Escpos:
    from hardware.printers.devices import open_printer_device

    return open_printer_device(url, timeout_s=timeout_s)


class PrinterNotReady(HardwareError):
    def __init__(self, status: PrinterStatus, during: bool = False) -> None:
        sentence = status.describe()
        if during:
            sentence = (
                sentence.replace("The printer is", "The printer became", 1) + " Then reprint the receipt."
            )
        super().__init__(sentence)
        self.status = status


class EscposPrinter:
    def __init__(
        self,
        url: str,
        *,
        paper_width: int = 80,
        code_page: str = "CP858",
        receipt_code: Literal["qr", "code128"] = "qr",
        timeout_s: float = 5.0,
        device_factory: Callable[[], Escpos] | None = None,
    ) -> None:
        if code_page not in renderer.CODE_PAGES:
            raise HardwareError(
                f"The code page must be one of {', '.join(renderer.CODE_PAGES)}, not {code_page}."
            )
        self.url = url
        self.columns = columns_for(paper_width)
        self.code_page = code_page
        self.receipt_code = receipt_code
        self._device_factory = device_factory or (lambda: _open_device(url, timeout_s))

    def print_receipt(self, document: PrintDocument, *, open_drawer: bool = False) -> None:
        rows = layout_document(document, self.columns, self.receipt_code)
        with self._device() as device:
            if open_drawer:
                # The drawer is needed for change even when the paper has run out.
                device.cashdraw(renderer.DRAWER_PIN)
            self._require_ready(device)
            renderer.begin(device, self.code_page)
            renderer.render_rows(device, rows)
            renderer.finish(device, cut=True)
            self._require_ready(device, during=True)

    def print_lines(self, lines: list[str], *, title: str = "") -> None:
        """Print plain lines (a test page, a shift report) with a heading and a cut."""
        rows = [TextRow(title, "center", bold=True, double_height=True)] if title else []
        rows += [TextRow(line) for line in lines]
        with self._device() as device:
            self._require_ready(device)
            renderer.begin(device, self.code_page)
            renderer.render_rows(device, rows)
            renderer.finish(device, cut=True)

    def open_drawer(self) -> None:
        with self._device() as device:
            device.cashdraw(renderer.DRAWER_PIN)

    def status(self) -> PrinterStatus:
        """Ask the printer (DLE EOT 1..4). A printer that does not answer is reported offline."""
        with self._device() as device:
            replies = self._query_status(device)
        if replies is None:
            return PrinterStatus()  # this kind of device cannot be asked; assume it is ready
        if not replies.get(1):
            return PrinterStatus(offline=True)
        return self._decode(replies)

    def _require_ready(self, device: Escpos, during: bool = False) -> None:
        replies = self._query_status(device)
        # A printer that cannot or does not answer status requests is printed to anyway: older models
        # ignore DLE EOT, and refusing them would mean never printing at all.
        if replies is None or not replies.get(1):
            return
        status = self._decode(replies)
        if not status.ready:
            raise PrinterNotReady(status, during)

    def _query_status(self, device: Escpos) -> dict[int, bytes] | None:
        replies: dict[int, bytes] = {}
        for n in (1, 2, 3, 4):
            try:
                replies[n] = device.query_status(status_request(n))
            except NotImplementedError:
                return None
            except _io_errors():
                break
            if not replies[n]:
                break
        return replies

    def _decode(self, replies: dict[int, bytes]) -> PrinterStatus:
        try:
            return decode_status(replies)
        except StatusDecodeError as exc:
            raise HardwareError(str(exc)) from None

    @contextmanager
    def _device(self) -> Iterator[Escpos]:
        device = self._device_factory()
        try:
            device.open()
        except _io_errors() as exc:
            raise DeviceUnavailable(
                f"The receipt printer at {self.url} cannot be reached. Check that it is on and connected."
            ) from exc
        try:
            yield device
        except _io_errors() as exc:
            raise HardwareError(
                f"The receipt printer at {self.url} stopped responding. Check it, then reprint the receipt."
            ) from exc
        finally:
            device.close()
