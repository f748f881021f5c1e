"""Printer URLs → python-escpos printer objects.

tcp://192.168.1.50:9100             Network (the simulator listens on tcp://127.0.0.1:9100)
serial:/dev/ttyUSB0?baudrate=19200  Serial, through pyserial's serial_for_url, so
serial:socket://127.0.0.1:9100      ... `socket://` and `loop://` URLs work too
usb://04b8:0202                     Usb (vendor:product, hex; needs pyusb)
file:///dev/usb/lp0                 File (a device file, or any file to capture the bytes)
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import serial
from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import File, Network, Serial, Usb

from hardware.errors import HardwareError
from hardware.serial_io import read_available


class UrlSerial(Serial):
    """escpos' Serial printer, opened with serial_for_url instead of serial.Serial."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device and self.device.is_open:
            self.close()
        try:
            self.device = serial.serial_for_url(self.devfile, baudrate=self.baudrate, timeout=self.timeout)
        except (ValueError, serial.SerialException) as exc:
            self.device = None
            if raise_not_found:
                raise DeviceNotFoundError(f"Unable to open serial printer on {self.devfile}: {exc}") from exc

    def _read(self) -> bytes:
        # escpos reads 16 bytes, which on a serial line waits out the whole timeout for a 1-byte status reply.
        return read_available(self.device)


def open_printer_device(url: str, *, timeout_s: float = 5.0) -> Escpos:
    """Make the escpos printer object for `url`. It connects on first use."""
    scheme, _, rest = url.partition(":")
    if scheme == "tcp":
        parts = urlsplit(url)
        if not parts.hostname:
            raise _bad_url(url)
        return Network(parts.hostname, parts.port or 9100, timeout=timeout_s)
    if scheme == "serial":
        target, _, query = rest.partition("?")
        options = parse_qs(query)
        baudrate = int(options.pop("baudrate", ["9600"])[0])
        if options:
            target += "?" + "&".join(f"{key}={value[0]}" for key, value in options.items())
        return UrlSerial(target, baudrate=baudrate, timeout=timeout_s)
    if scheme == "usb":
        vendor, _, product = rest.lstrip("/").partition(":")
        if not Usb.is_usable():
            raise HardwareError(
                "USB printers need the pyusb package, which is not installed. Use tcp:// or serial:."
            )
        try:
            return Usb(int(vendor, 16), int(product, 16), timeout=int(timeout_s * 1000))
        except ValueError:
            raise _bad_url(url) from None
    if scheme == "file":
        path = urlsplit(url).path or rest
        return File(path)
    raise _bad_url(url)


def _bad_url(url: str) -> HardwareError:
    return HardwareError(
        f"The printer address {url!r} is not one we know. Use tcp://host:9100, serial:/dev/ttyUSB0, "
        "usb://04b8:0202 or file:///dev/usb/lp0."
    )
