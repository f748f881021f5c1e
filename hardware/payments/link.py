"""ACK/NAK delivery of frames over one pyserial port (a real serial line or `socket://host:port`)."""

from __future__ import annotations

import threading
import time

import serial

from hardware.errors import HardwareError
from hardware.payments.frame import ACK, NAK, Ack, BadFrame, Frame, FrameReader, Message, Nak
from hardware.serial_io import read_available

MAX_NAKS = 3


class PaymentError(HardwareError):
    pass


class PaymentNotSent(PaymentError):
    """The terminal certainly did not take the request: nothing was charged."""


class PaymentOutcomeUnknown(PaymentError):
    """The request may have reached the terminal, but no answer came: ask status(reference)."""


class FrameLink:
    def __init__(self, port: serial.SerialBase, *, ack_timeout_s: float = 2.0) -> None:
        self.port = port
        self.ack_timeout_s = ack_timeout_s
        self._reader = FrameReader()
        self._inbox: list[Message] = []
        self.write_lock = threading.Lock()

    def send(self, frame: bytes) -> None:
        """Send until ACKed. Three NAKs: PaymentNotSent. No answer at all: PaymentOutcomeUnknown."""
        naks = 0
        written = False
        for _ in range(MAX_NAKS):
            try:
                with self.write_lock:
                    self.port.write(frame)
                written = True
                reply = self._next(self.ack_timeout_s, want=(Ack, Nak))
            except (serial.SerialException, OSError) as exc:
                if written:
                    raise PaymentOutcomeUnknown(_NO_ANSWER) from exc
                raise PaymentNotSent(_UNREACHABLE) from exc
            if isinstance(reply, Ack):
                return
            if isinstance(reply, Nak):
                naks += 1
        if naks == MAX_NAKS:
            raise PaymentNotSent(
                "The terminal refused the request three times. Nothing was charged. "
                "Check the cable, then try again."
            )
        raise PaymentOutcomeUnknown(_NO_ANSWER)

    def write_only(self, frame: bytes) -> None:
        """Send without waiting for the ACK (used by cancel while another thread waits for a result)."""
        with self.write_lock:
            self.port.write(frame)

    def receive(self, timeout_s: float) -> Frame:
        """The next valid frame, ACKed. Damaged frames are NAKed so the terminal sends them again."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                message = self._next(max(0.0, deadline - time.monotonic()), want=(Frame, BadFrame))
                if isinstance(message, Frame):
                    self.write_only(bytes([ACK]))
                    return message
                if isinstance(message, BadFrame):
                    self.write_only(bytes([NAK]))
                    continue
            except (serial.SerialException, OSError) as exc:
                raise PaymentOutcomeUnknown(_NO_ANSWER) from exc
            raise PaymentOutcomeUnknown(_NO_ANSWER)

    def _next(self, timeout_s: float, want: tuple[type, ...]) -> Message | None:
        deadline = time.monotonic() + timeout_s
        while True:
            for index, message in enumerate(self._inbox):
                if isinstance(message, want):
                    del self._inbox[: index + 1]  # what came before it is stale now
                    return message
            if time.monotonic() >= deadline:
                return None
            data = read_available(self.port)
            if data:
                self._inbox += self._reader.feed(data)


_UNREACHABLE = (
    "The payment terminal cannot be reached. Nothing was charged. Check that it is on and connected."
)
_NO_ANSWER = "The payment terminal did not answer. Its status will be checked; do not charge the card again."
