"""The semi-integrated payment terminal driver: POSLink-style frames over TCP or serial.

    terminal = PosLinkTerminal("socket://127.0.0.1:10009")    # or "/dev/ttyUSB1", "rfc2217://...", "loop://"
    result = terminal.sale("P1F3A9C0D2", 1999)

Calls block until the terminal answers, so pos_app runs them off the GUI thread. `cancel()` may be called from
another thread while a sale waits at the pinpad. A call raises PaymentNotSent when the terminal certainly did
not get the request, and PaymentOutcomeUnknown when it may have: then ask `status(reference)`, never send the
payment again under a new reference (see `attempts.take_payment`, which does this).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

import serial

from hardware.payments.frame import Frame, FrameDecodeError, encode_frame
from hardware.payments.link import FrameLink, PaymentError, PaymentNotSent, PaymentOutcomeUnknown
from hardware.payments.messages import REFERENCE, check_batch, parse_batch, parse_entries, parse_result
from hardware.ports import BatchSettlement, PaymentResult

_PORT_READ_TIMEOUT_S = 0.05


class PosLinkTerminal:
    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        ack_timeout_s: float = 2.0,
        response_timeout_s: float = 120.0,
        query_timeout_s: float = 10.0,
        settle_timeout_s: float = 60.0,
        port_factory: Callable[[], serial.SerialBase] | None = None,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self.ack_timeout_s = ack_timeout_s
        self.response_timeout_s = response_timeout_s  # a sale waits for the customer
        self.query_timeout_s = query_timeout_s  # status and void do not
        self.settle_timeout_s = settle_timeout_s  # a batch close talks to the card processor
        self._port_factory = port_factory or self._open_port
        self._link: FrameLink | None = None
        self._transaction = threading.Lock()
        self._link_guard = threading.Lock()

    def sale(self, reference: str, amount_cents: int) -> PaymentResult:
        return self._request("SALE", reference, _amount(amount_cents), timeout_s=self.response_timeout_s)

    def refund(self, reference: str, amount_cents: int) -> PaymentResult:
        return self._request("REFUND", reference, _amount(amount_cents), timeout_s=self.response_timeout_s)

    def void(self, reference: str) -> PaymentResult:
        return self._request("VOID", reference, timeout_s=self.query_timeout_s)

    def status(self, reference: str) -> PaymentResult:
        return self._request("STATUS", reference, timeout_s=self.query_timeout_s)

    def settle(self, reference: str) -> BatchSettlement:
        """Close the terminal's batch and read back every transaction in it. Asking again under the same
        reference (after an answer was lost) returns the same batch rather than closing an empty one."""
        _check_reference(reference)
        with self._transaction:
            link = self._connect()
            try:
                link.send(encode_frame("SETTLE", reference))
                batch, count = parse_batch(self._answer_to(link, reference, "BATCH", self.settle_timeout_s))
                entries: list = []
                while len(entries) < count:
                    link.send(encode_frame("BATCHLIST", reference, str(len(entries))))
                    _, next_offset, page = parse_entries(
                        self._answer_to(link, reference, "ENTRIES", self.query_timeout_s))
                    if next_offset != len(entries) + len(page) or not page:
                        raise FrameDecodeError("The terminal's batch listing skipped or repeated transactions.")
                    entries += page
                batch = dataclasses.replace(batch, entries=tuple(entries))
                check_batch(batch)
                return batch
            except FrameDecodeError as exc:
                self.close()
                raise PaymentOutcomeUnknown(
                    f"The card terminal's batch close could not be read ({exc}) Close the batch again: the "
                    "terminal answers with the same batch."
                ) from exc
            except PaymentError:
                self.close()
                raise

    def cancel(self) -> None:
        """Ask the terminal to stop the transaction waiting at the pinpad; its sale() returns cancelled."""
        with self._link_guard:
            link = self._link
        try:
            if link is not None:
                link.write_only(encode_frame("CANCEL"))
        except (serial.SerialException, OSError):
            pass  # the waiting sale will see the broken link itself

    def close(self) -> None:
        with self._link_guard:
            link, self._link = self._link, None
        if link is not None:
            link.port.close()

    def _request(self, command: str, reference: str, *fields: str, timeout_s: float) -> PaymentResult:
        _check_reference(reference)
        frame = encode_frame(command, reference, *fields)
        with self._transaction:
            link = self._connect()
            try:
                link.send(frame)
                return self._await_result(link, reference, timeout_s)
            except PaymentError:
                self.close()  # start the next request on a fresh connection, without stale bytes
                raise

    def _await_result(self, link: FrameLink, reference: str, timeout_s: float) -> PaymentResult:
        while True:
            try:
                result = parse_result(link.receive(timeout_s))
            except FrameDecodeError as exc:
                raise PaymentOutcomeUnknown(
                    "The payment terminal's answer could not be read. Its status will be checked; "
                    "do not charge the card again."
                ) from exc
            if result.reference == reference:
                return result
            # An answer to an earlier request that timed out: it is not ours, keep waiting.

    @staticmethod
    def _answer_to(link: FrameLink, reference: str, command: str, timeout_s: float) -> Frame:
        while True:
            frame = link.receive(timeout_s)
            if frame.command == command and frame.fields[:1] == (reference,):
                return frame
            # An answer to an earlier request that timed out: it is not ours, keep waiting.

    def _connect(self) -> FrameLink:
        with self._link_guard:
            if self._link is None:
                try:
                    port = self._port_factory()
                except (serial.SerialException, OSError, ValueError) as exc:
                    raise PaymentNotSent(
                        f"The payment terminal at {self.url} cannot be reached. Nothing was charged. "
                        "Check that it is on and connected."
                    ) from exc
                self._link = FrameLink(port, ack_timeout_s=self.ack_timeout_s)
            return self._link

    def _open_port(self) -> serial.SerialBase:
        return serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=_PORT_READ_TIMEOUT_S)


def _check_reference(reference: str) -> None:
    if not REFERENCE.fullmatch(reference):
        raise PaymentError(
            f"The payment reference {reference!r} is not valid: use 1 to 40 letters, digits, '-' or '_'."
        )


def _amount(cents: int) -> str:
    if not isinstance(cents, int) or isinstance(cents, bool) or cents <= 0:
        raise PaymentError(f"A payment amount must be a positive number of cents, not {cents!r}.")
    return str(cents)
