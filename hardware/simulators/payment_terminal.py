"""A semi-integrated payment terminal on TCP speaking the driver's POSLink-style frames, with faults on cue.

    python -m hardware.simulators.payment_terminal --port 10009 [--script approve,decline] \\
        [--control-port 10010]

Outcomes, taken in order for each new SALE or REFUND (then `--default`, normally approve):
    approve               approved for the full amount
    decline               declined
    partial[:cents]       approved for part of the amount (half, unless given)
    cancel                the customer pressed cancel on the pinpad
    timeout[:seconds]     the customer never presents a card; times out (or is cancelled by the POS)
    slow[:seconds]        approved at once, but the answer takes that long to come back (default 5)
    drop_after_approve    approved, then the connection drops before the answer is sent
    nak_storm[:count]     the next frames are NAKed (default 3, which makes the driver give up)
    garble                approved, but the first copy of the answer arrives damaged and must be re-sent
The terminal keeps a journal by reference, so STATUS answers truthfully and a repeated SALE never charges
twice. SETTLE closes the batch of approved transactions not yet settled; the same reference again answers the
same batch.
Control (the control port, or stdin): `script approve decline ...`, `default decline`, `journal`,
`standalone sale|refund CENTS` (a transaction keyed on the terminal, which the POS never saw), `lose REFERENCE`
(the terminal forgets an approval, as after a reset), `quit`.
In tests: `sim = PaymentTerminalSimulator(port=0); port = sim.start(); sim.script("decline")`, then
`sim.stop()`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import secrets
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from hardware.payments.frame import Frame
from hardware.payments.messages import message_for
from hardware.ports import BatchEntry, BatchSettlement, PaymentKind, PaymentResult, PaymentStatus
from hardware.simulators.tcp import TcpServer
from hardware.simulators.terminal_session import TerminalSession

OUTCOMES = (
    "approve",
    "decline",
    "partial",
    "cancel",
    "timeout",
    "slow",
    "drop_after_approve",
    "nak_storm",
    "garble",
)


@dataclass
class Transaction:
    reference: str
    kind: str
    amount_cents: int
    status: PaymentStatus = PaymentStatus.PENDING
    approved_cents: int = 0
    auth_code: str = ""
    terminal_ref: str = ""
    charge_requests: int = 1  # how often this reference was sent: more than 1 must still mean one charge
    cancelled: threading.Event = field(default_factory=threading.Event, repr=False)
    settled: threading.Event = field(default_factory=threading.Event, repr=False)

    def result(self) -> PaymentResult:
        charged = self.status in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL, PaymentStatus.VOIDED)
        return PaymentResult(
            status=self.status,
            reference=self.reference,
            amount_cents=self.amount_cents,
            approved_cents=self.approved_cents,
            last4="4242" if charged else "",
            brand="VISA" if charged else "",
            auth_code=self.auth_code,
            terminal_ref=self.terminal_ref,
            message=message_for(self.status),
        )


class PaymentTerminalSimulator(TcpServer):
    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        script: tuple[str, ...] = (),
        default_outcome: str = "approve",
        customer_timeout_s: float = 30.0,
    ) -> None:
        super().__init__(host, port)
        self.default_outcome = _check_outcome(default_outcome)
        self.customer_timeout_s = customer_timeout_s
        self.journal: dict[str, Transaction] = {}
        self.frames_received: list[Frame] = []
        self._script: deque[str] = deque()
        self._naks_left = 0
        self._lock = threading.Condition()
        self._terminal_refs = itertools.count(1)
        self.batches: dict[str, BatchSettlement] = {}
        self._settled: set[str] = set()
        self._batch_numbers = itertools.count(1)
        self._standalone = itertools.count(1)
        self.script(*script)

    # --- for tests and the control port ----------------------------------------------------------------

    def script(self, *outcomes: str) -> None:
        with self._lock:
            self._script.extend(_check_outcome(outcome) for outcome in outcomes)

    def captured_cents(self) -> int:
        """Money actually taken: approved sales minus approved refunds, voids excluded."""
        with self._lock:
            total = 0
            for txn in self.journal.values():
                if txn.status in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL):
                    total += txn.approved_cents if txn.kind == "sale" else -txn.approved_cents
            return total

    def wait_for_status(self, reference: str, *statuses: PaymentStatus, timeout: float = 5.0) -> bool:
        with self._lock:
            return self._lock.wait_for(
                lambda: reference in self.journal and self.journal[reference].status in statuses, timeout
            )

    def journal_lines(self) -> list[str]:
        fields = ("reference", "kind", "amount_cents", "approved_cents", "terminal_ref", "charge_requests")
        with self._lock:
            return [json.dumps({**{name: getattr(txn, name) for name in fields}, "status": str(txn.status)})
                    for txn in self.journal.values()]

    def standalone(self, kind: str, amount_cents: int) -> str:
        """A transaction keyed on the terminal itself: approved, in the batch, unknown to the POS."""
        reference = f"TERMINAL-{next(self._standalone):04d}"
        txn = Transaction(reference, PaymentKind(kind).value, amount_cents)
        with self._lock:
            self.journal[reference] = txn
        self.settle(txn, PaymentStatus.APPROVED, amount_cents)
        return reference

    def lose(self, reference: str) -> bool:
        """The terminal forgets an approval (a reset): it will be missing from the batch."""
        with self._lock:
            return self.journal.pop(reference, None) is not None

    def close_batch(self, reference: str) -> BatchSettlement:
        with self._lock:
            if reference in self.batches:
                return self.batches[reference]
            txns = sorted((t for t in self.journal.values()
                           if t.status.charged and t.reference not in self._settled), key=lambda t: t.terminal_ref)
            entries = tuple(BatchEntry(PaymentKind(t.kind), t.reference, t.approved_cents, t.terminal_ref)
                            for t in txns)
            sales = [e.approved_cents for e in entries if e.kind is PaymentKind.SALE]
            refunds = [e.approved_cents for e in entries if e.kind is PaymentKind.REFUND]
            batch = BatchSettlement(reference, next(self._batch_numbers), len(sales), sum(sales), len(refunds),
                                    sum(refunds), entries)
            self.batches[reference] = batch
            self._settled.update(t.reference for t in txns)
            return batch

    # --- the terminal ----------------------------------------------------------------------------------

    def handle(self, conn: socket.socket) -> None:
        TerminalSession(self, conn).run()

    def frame_received(self, frame: Frame) -> bool:
        """Decide whether to NAK this frame (a scripted NAK storm)."""
        with self._lock:
            self.frames_received.append(frame)
            if (
                frame.command in ("SALE", "REFUND")
                and self._script
                and self._script[0].startswith("nak_storm")
            ):
                self._naks_left = _argument(self._script.popleft(), 3)
            if self._naks_left > 0:
                self._naks_left -= 1
                return False
            return True

    def begin_charge(self, kind: str, reference: str, amount_cents: int) -> tuple[Transaction, str | None]:
        """The journal entry for this reference, and the outcome to play, or None if it is a repeat."""
        with self._lock:
            txn = self.journal.get(reference)
            if txn is not None:
                txn.charge_requests += 1
                return txn, None
            txn = Transaction(reference, kind, amount_cents)
            self.journal[reference] = txn
            outcome = self._script.popleft() if self._script else self.default_outcome
            return txn, outcome

    def settle(self, txn: Transaction, status: PaymentStatus, approved_cents: int = 0) -> None:
        with self._lock:
            txn.status, txn.approved_cents = status, approved_cents
            if status in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL):
                txn.auth_code = secrets.token_hex(3).upper()
                txn.terminal_ref = f"T{next(self._terminal_refs):06d}"
            txn.settled.set()
            self._lock.notify_all()

    def void(self, reference: str) -> PaymentResult:
        with self._lock:
            txn = self.journal.get(reference)
            if txn is None:
                return PaymentResult(
                    PaymentStatus.NOT_FOUND, reference, 0, message=message_for(PaymentStatus.NOT_FOUND)
                )
            if txn.status in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL):
                txn.status = PaymentStatus.VOIDED
                self._lock.notify_all()
            return txn.result()

    def status_of(self, reference: str) -> PaymentResult:
        with self._lock:
            txn = self.journal.get(reference)
            if txn is None:
                return PaymentResult(
                    PaymentStatus.NOT_FOUND, reference, 0, message=message_for(PaymentStatus.NOT_FOUND)
                )
            return txn.result()

    def cancel_waiting(self) -> None:
        with self._lock:
            for txn in self.journal.values():
                if txn.status is PaymentStatus.PENDING:
                    txn.cancelled.set()

    def pause(self, seconds: float, until: threading.Event | None = None) -> bool:
        """Wait, but wake early for `until` or for stop(). True if `until` fired."""
        wake = until or self._stopping
        deadline = time.monotonic() + seconds
        while not self._stopping.is_set() and (left := deadline - time.monotonic()) > 0:
            if wake.wait(min(0.02, left)) and wake is until:
                return True
        return until is not None and until.is_set()


class ControlServer(TcpServer):
    """Line commands for a running simulator: `script ...`, `default ...`, `journal`."""

    def __init__(self, sim: PaymentTerminalSimulator, port: int, host: str = "127.0.0.1") -> None:
        super().__init__(host, port)
        self.sim = sim

    def handle(self, conn: socket.socket) -> None:
        with conn.makefile("rw", encoding="utf-8", newline="\n") as stream:
            for line in stream:
                stream.write(run_command(self.sim, line) + "\n")
                stream.flush()


def run_command(sim: PaymentTerminalSimulator, line: str) -> str:
    command, *args = line.split() or [""]
    try:
        if command == "script":
            sim.script(*args)
        elif command == "default" and args:
            sim.default_outcome = _check_outcome(args[0])
        elif command == "journal":
            return "\n".join(sim.journal_lines()) or "(empty)"
        elif command == "standalone" and len(args) == 2 and args[1].isdigit():
            return sim.standalone(args[0], int(args[1]))
        elif command == "lose" and args:
            return "ok" if sim.lose(args[0]) else f"no transaction {args[0]}"
        elif command:
            return "unknown command: use script, default, journal, standalone or lose"
    except ValueError as exc:
        return str(exc)
    return "ok"


def _check_outcome(outcome: str) -> str:
    name, _, argument = outcome.partition(":")
    if name not in OUTCOMES or (argument and not argument.replace(".", "", 1).isdigit()):
        raise ValueError(f"Unknown outcome {outcome!r}. Use one of: {', '.join(OUTCOMES)}.")
    return outcome


def _argument(outcome: str, default: int) -> int:
    argument = outcome.partition(":")[2]
    return int(argument) if argument else default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hardware.simulators.payment_terminal",
        description="Payment terminal simulator (POSLink-style frames).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=10009)
    parser.add_argument(
        "--script", default="", help="comma-separated outcomes, e.g. approve,decline,partial:500"
    )
    parser.add_argument("--default", default="approve", help="outcome once the script is used up")
    parser.add_argument("--customer-timeout", type=float, default=30.0)
    parser.add_argument("--control-port", type=int)
    args = parser.parse_args(argv)
    try:
        sim = PaymentTerminalSimulator(
            args.port,
            args.host,
            script=tuple(filter(None, args.script.split(","))),
            default_outcome=args.default,
            customer_timeout_s=args.customer_timeout,
        )
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    port = sim.start()
    control = ControlServer(sim, args.control_port, args.host) if args.control_port is not None else None
    where = f", control on port {control.start()}" if control else ""
    print(
        f"Payment terminal simulator listening on {args.host}:{port}{where}. Type 'quit' to stop.", flush=True
    )
    try:
        for line in sys.stdin:
            if line.strip() == "quit":
                break
            print(run_command(sim, line), flush=True)
        else:
            sim.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if control:
            control.stop()
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
