"""The messages inside the frames, shared by the driver and the terminal simulator.

POS → terminal (each answered by ACK, then by a RESULT frame, except CANCEL, which gets only the ACK):
    SALE    FS reference FS amount_cents
    REFUND  FS reference FS amount_cents
    VOID    FS reference                  reverse the approval made under this reference
    STATUS  FS reference                  what happened to this reference (never charges)
    CANCEL                                stop the transaction waiting at the pinpad
Terminal → POS:
    RESULT  FS reference FS status FS amount_cents FS approved_cents FS last4 FS brand FS auth_code
            FS terminal_ref

The reference is the POS's own, chosen before anything is sent; the terminal keys its journal by it, so a
retransmitted or repeated SALE never charges twice. Statuses are the values of PaymentStatus.
"""

from __future__ import annotations

import re

from hardware.payments.frame import Frame, FrameDecodeError
from hardware.ports import PaymentResult, PaymentStatus

REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
RESULT_FIELDS = 8

_MESSAGES = {
    PaymentStatus.APPROVED: "The payment was approved.",
    PaymentStatus.PARTIAL: "The card covered only part of the amount. Take the rest with another payment.",
    PaymentStatus.DECLINED: "The card was declined. Ask for another payment method.",
    PaymentStatus.CANCELLED: "The payment was cancelled. Nothing was charged.",
    PaymentStatus.TIMEOUT: "The customer did not present a card in time. Nothing was charged; try again.",
    PaymentStatus.ERROR: "The terminal could not take the payment. Nothing was charged; try again.",
    PaymentStatus.VOIDED: "The payment was reversed. Nothing is charged.",
    PaymentStatus.PENDING: "The terminal has not finished. Wait, and do not charge the card again.",
    PaymentStatus.NOT_FOUND: "The terminal never received this payment. Nothing was charged.",
}


def message_for(status: PaymentStatus) -> str:
    return _MESSAGES[status]


def result_frame_fields(result: PaymentResult) -> tuple[str, ...]:
    return (
        result.reference,
        str(result.status),
        str(result.amount_cents),
        str(result.approved_cents),
        result.last4,
        result.brand,
        result.auth_code,
        result.terminal_ref,
    )


def parse_result(frame: Frame) -> PaymentResult:
    """A RESULT frame → PaymentResult, keeping nothing of the card but its last four digits and brand."""
    if frame.command != "RESULT" or len(frame.fields) < RESULT_FIELDS:
        raise FrameDecodeError("The terminal answered with a message the POS does not understand.")
    reference, status_text, amount, approved, last4, brand, auth_code, terminal_ref = frame.fields[
        :RESULT_FIELDS
    ]
    try:
        status = PaymentStatus(status_text)
    except ValueError:
        raise FrameDecodeError("The terminal answered with a payment status the POS does not know.") from None
    if not all(text.isascii() and text.isdigit() for text in (amount, approved)):
        raise FrameDecodeError("The terminal answered with an amount the POS cannot read.")
    return PaymentResult(
        status=status,
        reference=reference,
        amount_cents=int(amount),
        approved_cents=int(approved),
        # Whatever the terminal sends in this field, only four digits are ever kept.
        last4="".join(char for char in last4 if char in "0123456789")[-4:],
        brand=brand[:20],
        auth_code=auth_code[:12],
        terminal_ref=terminal_ref[:40],
        message=message_for(status),
    )
