"""One POS connection to the payment terminal simulator: frames in, ACK/NAK, and answers from worker threads
(so a CANCEL can still be read while a sale waits at the pinpad)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from typing import TYPE_CHECKING

from hardware.payments.frame import ACK, NAK, Ack, BadFrame, Frame, FrameReader, Nak, encode_frame
from hardware.payments.messages import batch_frame_fields, entries_frame_fields, result_frame_fields
from hardware.ports import PaymentResult, PaymentStatus

if TYPE_CHECKING:
    from hardware.simulators.payment_terminal import PaymentTerminalSimulator

ACK_TIMEOUT_S = 1.0


class TerminalSession:
    """One POS connection: reads frames, ACKs them, and answers from worker threads."""

    def __init__(self, sim: PaymentTerminalSimulator, conn: socket.socket) -> None:
        self.sim = sim
        self.conn = conn
        self._reader = FrameReader()
        self._replies: deque[Ack | Nak] = deque()
        self._replied = threading.Condition()
        self._send_lock = threading.Lock()

    def run(self) -> None:
        while data := self.conn.recv(4096):
            for message in self._reader.feed(data):
                if isinstance(message, Ack | Nak):
                    with self._replied:
                        self._replies.append(message)
                        self._replied.notify_all()
                elif isinstance(message, BadFrame):
                    self.conn.sendall(bytes([NAK]))
                elif self.sim.frame_received(message):
                    self.conn.sendall(bytes([ACK]))
                    self._dispatch(message)
                else:
                    self.conn.sendall(bytes([NAK]))

    def _dispatch(self, frame: Frame) -> None:
        fields = frame.fields
        if frame.command == "CANCEL":
            self.sim.cancel_waiting()
        elif frame.command in ("SALE", "REFUND") and len(fields) >= 2 and fields[1].isdigit():
            self.sim.spawn(self._charge, "charge", frame.command.lower(), fields[0], int(fields[1]))
        elif frame.command == "STATUS" and fields:
            self.sim.spawn(self._answer, "status", self.sim.status_of(fields[0]))
        elif frame.command == "VOID" and fields:
            self.sim.spawn(self._answer, "void", self.sim.void(fields[0]))
        elif frame.command == "SETTLE" and fields:
            self.sim.spawn(self._send, "settle", encode_frame("BATCH", *batch_frame_fields(
                self.sim.close_batch(fields[0]))))
        elif frame.command == "BATCHLIST" and len(fields) >= 2 and fields[1].isdigit():
            batch = self.sim.batches.get(fields[0])
            if batch is not None:
                self.sim.spawn(self._send, "batchlist", encode_frame("ENTRIES", *entries_frame_fields(
                    batch, int(fields[1]))))

    def _charge(self, kind: str, reference: str, amount: int) -> None:
        sim = self.sim
        txn, outcome = sim.begin_charge(kind, reference, amount)
        if outcome is None:  # the same reference again: answer with what happened, never charge again
            sim.pause(sim.customer_timeout_s, txn.settled)
            self._answer(txn.result())
            return
        name, argument = outcome.partition(":")[0], outcome.partition(":")[2]
        if name == "decline":
            sim.settle(txn, PaymentStatus.DECLINED)
        elif name == "partial":
            sim.settle(txn, PaymentStatus.PARTIAL, int(argument) if argument else amount // 2)
        elif name == "cancel":
            sim.settle(txn, PaymentStatus.CANCELLED)
        elif name == "timeout":
            cancelled = sim.pause(float(argument) if argument else sim.customer_timeout_s, txn.cancelled)
            sim.settle(txn, PaymentStatus.CANCELLED if cancelled else PaymentStatus.TIMEOUT)
        else:
            sim.settle(txn, PaymentStatus.APPROVED, amount)
        if name == "slow":
            sim.pause(float(argument) if argument else 5.0)
        if name == "drop_after_approve":
            self._drop()
            return
        self._answer(txn.result(), garble=name == "garble")

    def _answer(self, result: PaymentResult, garble: bool = False) -> None:
        self._send(encode_frame("RESULT", *result_frame_fields(result)), garble)

    def _send(self, frame: bytes, garble: bool = False) -> None:
        with self._send_lock:
            for attempt in range(3):
                damaged = garble and attempt == 0
                try:
                    self.conn.sendall(frame[:-1] + bytes([frame[-1] ^ 0xFF]) if damaged else frame)
                except OSError:
                    return  # the POS has gone; its journal and our STATUS answer sort it out
                if isinstance(self._wait_reply(), Ack):
                    return

    def _wait_reply(self) -> Ack | Nak | None:
        with self._replied:
            if self._replied.wait_for(lambda: bool(self._replies), ACK_TIMEOUT_S):
                return self._replies.popleft()
            return None

    def _drop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.shutdown(socket.SHUT_RDWR)
