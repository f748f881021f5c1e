"""The messages inside the frames, shared by the driver and the terminal simulator.

POS → terminal (each answered by ACK, then by a RESULT frame, except CANCEL, which gets only the ACK):
    SALE    FS reference FS amount_cents
    REFUND  FS reference FS amount_cents
    VOID    FS reference                  reverse the approval made under this reference
    STATUS  FS reference                  what happened to this reference (never charges)
    CANCEL                                stop the transaction waiting at the pinpad
    SETTLE  FS reference                  close the open batch (end of day); the same reference again
                                          answers the same batch, so a lost answer never closes two
    BATCHLIST FS reference FS offset      the closed batch's transactions, a page at a time
Terminal → POS:
    RESULT  FS reference FS status FS amount_cents FS approved_cents FS last4 FS brand FS auth_code
            FS terminal_ref
    BATCH   FS reference FS batch_number FS sale_count FS sale_cents FS refund_count FS refund_cents
            FS entry_count
    ENTRIES FS reference FS next_offset FS entry ...   each entry kind:reference:approved_cents:terminal_ref

The reference is the POS's own, chosen before anything is sent; the terminal keys its journal by it, so a
retransmitted or repeated SALE never charges twice. Statuses are the values of PaymentStatus.
"""

from __future__ import annotations

import re

from hardware.payments.frame import Frame, FrameDecodeError
from hardware.ports import BatchEntry, BatchSettlement, PaymentKind, PaymentResult, PaymentStatus

REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
RESULT_FIELDS = 8
BATCH_FIELDS = 7
ENTRIES_PER_FRAME = 50  # about 2 KB of entries: well inside a frame's 4 KB

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


def batch_frame_fields(batch: BatchSettlement) -> tuple[str, ...]:
    return (batch.reference, str(batch.batch_number), str(batch.sale_count), str(batch.sale_cents),
            str(batch.refund_count), str(batch.refund_cents), str(len(batch.entries)))


def entries_frame_fields(batch: BatchSettlement, offset: int) -> tuple[str, ...]:
    page = batch.entries[offset:offset + ENTRIES_PER_FRAME]
    return (batch.reference, str(offset + len(page)),
            *(f"{e.kind}:{e.reference}:{e.approved_cents}:{e.terminal_ref}" for e in page))


def parse_batch(frame: Frame) -> tuple[BatchSettlement, int]:
    """A BATCH frame → the batch's totals (no entries yet) and how many entries it holds."""
    if frame.command != "BATCH" or len(frame.fields) < BATCH_FIELDS:
        raise FrameDecodeError("The terminal answered the batch close with a message the POS does not understand.")
    reference, *numbers = frame.fields[:BATCH_FIELDS]
    if not all(text.isascii() and text.isdigit() for text in numbers):
        raise FrameDecodeError("The terminal's batch totals hold something that is not a number.")
    batch_number, sale_count, sale_cents, refund_count, refund_cents, entry_count = map(int, numbers)
    return BatchSettlement(reference, batch_number, sale_count, sale_cents, refund_count, refund_cents), entry_count


def parse_entries(frame: Frame) -> tuple[str, int, list[BatchEntry]]:
    """An ENTRIES frame → its batch reference, the offset of the next page, and this page's transactions."""
    if frame.command != "ENTRIES" or len(frame.fields) < 2 or not frame.fields[1].isdigit():
        raise FrameDecodeError("The terminal answered the batch listing with a message the POS does not understand.")
    entries = []
    for text in frame.fields[2:]:
        kind, reference, cents, terminal_ref = (text.split(":") + ["", "", "", ""])[:4]
        if kind not in (PaymentKind.SALE, PaymentKind.REFUND) or not cents.isdigit() or not REFERENCE.fullmatch(
                reference):
            raise FrameDecodeError(f"The terminal's batch listing has an entry the POS cannot read: {text[:60]!r}.")
        entries.append(BatchEntry(PaymentKind(kind), reference, int(cents), terminal_ref[:40]))
    return frame.fields[0], int(frame.fields[1]), entries


def check_batch(batch: BatchSettlement) -> None:
    """The listing must add up to the totals the terminal printed; otherwise part of it was lost on the way."""
    sales = [e.approved_cents for e in batch.entries if e.kind is PaymentKind.SALE]
    refunds = [e.approved_cents for e in batch.entries if e.kind is PaymentKind.REFUND]
    if (len(sales), sum(sales), len(refunds), sum(refunds)) != (
            batch.sale_count, batch.sale_cents, batch.refund_count, batch.refund_cents):
        raise FrameDecodeError("The terminal's batch listing does not add up to its own totals.")
