"""Card payments that are never lost and never charged twice.

`take_payment` records the attempt under its own reference before the terminal hears of it, and resolves
an unanswered request by asking the terminal about that reference. What it cannot resolve stays pending in the
journal; `recover_pending` (run at start-up and after a timeout) settles each one: an approval is completed or
voided, a request the terminal never received is closed as not charged. Nothing is ever re-sent under a new
reference.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from hardware.payments.journal import AttemptJournal, PendingAttempt
from hardware.payments.link import PaymentError, PaymentNotSent, PaymentOutcomeUnknown
from hardware.payments.messages import message_for
from hardware.ports import PaymentKind, PaymentResult, PaymentStatus, PaymentTerminal


def new_reference(prefix: str = "P") -> str:
    return f"{prefix}{uuid.uuid4().hex[:20].upper()}"


def take_payment(
    journal: AttemptJournal,
    terminal: PaymentTerminal,
    kind: PaymentKind,
    amount_cents: int,
    reference: str | None = None,
) -> PaymentResult:
    """Charge (or refund) once. A PENDING result means: not known yet, the attempt stays in the journal."""
    reference = reference or new_reference()
    journal.record_pending(reference, kind, amount_cents)
    send = terminal.sale if kind is PaymentKind.SALE else terminal.refund
    try:
        result = send(reference, amount_cents)
    except PaymentNotSent as exc:
        result = PaymentResult(PaymentStatus.ERROR, reference, amount_cents, message=str(exc))
    except PaymentOutcomeUnknown:
        result = _ask(terminal, reference, amount_cents)
        if result.status is PaymentStatus.NOT_FOUND:
            # The request may still be on its way to the terminal: only a later recovery may close it.
            result = _pending(reference, amount_cents)
    journal.mark_result(reference, result)
    return result


class Outcome(StrEnum):
    COMPLETED = "completed"  # an approval found and kept: attach it to its sale
    VOIDED = "voided"  # an approval found and reversed
    RESOLVED = "resolved"  # declined, cancelled, never received...: nothing charged
    STILL_PENDING = "still_pending"  # the terminal is still busy or unreachable: try again later


@dataclass(frozen=True)
class Recovery:
    attempt: PendingAttempt
    outcome: Outcome
    result: PaymentResult


def recover_pending(
    journal: AttemptJournal,
    terminal: PaymentTerminal,
    *,
    keep_approval: Callable[[PendingAttempt, PaymentResult], bool] = lambda attempt, result: True,
) -> list[Recovery]:
    """Settle every pending attempt by asking the terminal about its reference.

    `keep_approval` decides, per approval found, whether it is completed (True: pos_app attaches it to the
    sale still waiting for it) or voided (False: the sale is gone).
    """
    recoveries = []
    for attempt in journal.pending():
        result = _ask(terminal, attempt.reference, attempt.amount_cents)
        outcome = Outcome.RESOLVED
        if result.status is PaymentStatus.PENDING:
            outcome = Outcome.STILL_PENDING
        elif result.status.charged:
            if keep_approval(attempt, result):
                outcome = Outcome.COMPLETED
            else:
                result, outcome = _void(terminal, attempt, result)
        journal.mark_result(attempt.reference, result)
        recoveries.append(Recovery(attempt, outcome, result))
    return recoveries


def _ask(terminal: PaymentTerminal, reference: str, amount_cents: int) -> PaymentResult:
    try:
        result = terminal.status(reference)
    except PaymentError:
        return _pending(reference, amount_cents)
    return replace(result, amount_cents=result.amount_cents or amount_cents)


def _pending(reference: str, amount_cents: int) -> PaymentResult:
    return PaymentResult(
        PaymentStatus.PENDING, reference, amount_cents, message=message_for(PaymentStatus.PENDING)
    )


def _void(
    terminal: PaymentTerminal, attempt: PendingAttempt, approval: PaymentResult
) -> tuple[PaymentResult, Outcome]:
    try:
        voided = terminal.void(attempt.reference)
    except PaymentError:
        voided = None
    if voided is not None and voided.status is PaymentStatus.VOIDED:
        return voided, Outcome.VOIDED
    # Not reversed: the approval stays pending, so the next recovery tries again rather than losing it.
    pending = replace(approval, status=PaymentStatus.PENDING, message=message_for(PaymentStatus.PENDING))
    return pending, Outcome.STILL_PENDING
