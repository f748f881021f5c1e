"""The card batch check at the end of the day: the terminal's closed batch against the POS's own card payments.

A batch that matches says the money the card processor pays the store is the money the registers recorded.
One that does not names each transaction involved, so the manager can find the sale:

- only on the terminal: charged at the pinpad but not recorded as paid at the POS (a sale keyed on the terminal
  alone, or an approval the POS never heard of);
- only at the POS: recorded as paid, but not in the terminal's batch (a terminal reset lost it, or it was
  reversed at the terminal);
- amounts differ: both have it, for different amounts.

Pure: both sides come in as plain transactions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pos_app.domain.money import Money, sum_money
from pos_app.i18n.catalog import text

SALE, REFUND = "sale", "refund"


class MismatchKind(StrEnum):
    ONLY_ON_TERMINAL = "only_on_terminal"
    ONLY_AT_POS = "only_at_pos"
    AMOUNTS_DIFFER = "amounts_differ"




@dataclass(frozen=True, slots=True)
class CardTransaction:
    kind: str  # sale or refund
    reference: str
    amount: Money


@dataclass(frozen=True, slots=True)
class BatchMismatch:
    kind: MismatchKind
    transaction_kind: str
    reference: str
    pos_amount: Money | None
    terminal_amount: Money | None

    @property
    def words(self) -> str:
        return text(f"card_batch.{self.kind.value}")


@dataclass(frozen=True)
class CardBatchCheck:
    batch_number: int
    settled_at: datetime
    terminal_sales: Money
    terminal_refunds: Money
    terminal_count: int
    pos_sales: Money
    pos_refunds: Money
    pos_count: int
    mismatches: tuple[BatchMismatch, ...] = ()

    @property
    def balanced(self) -> bool:
        return not self.mismatches

    @property
    def terminal_net(self) -> Money:
        return self.terminal_sales - self.terminal_refunds

    @property
    def pos_net(self) -> Money:
        return self.pos_sales - self.pos_refunds

    @property
    def difference(self) -> Money:
        """Terminal − POS: positive when the processor will pay more than the registers recorded."""
        return self.terminal_net - self.pos_net


def check_batch(pos: Iterable[CardTransaction], terminal: Iterable[CardTransaction], *, batch_number: int,
                settled_at: datetime) -> CardBatchCheck:
    pos_by_ref = {(t.kind, t.reference): t for t in pos}
    terminal_by_ref = {(t.kind, t.reference): t for t in terminal}
    mismatches = []
    for key in sorted(pos_by_ref.keys() | terminal_by_ref.keys()):
        at_pos, at_terminal = pos_by_ref.get(key), terminal_by_ref.get(key)
        if at_pos is not None and at_terminal is not None and at_pos.amount == at_terminal.amount:
            continue
        kind = (MismatchKind.ONLY_ON_TERMINAL if at_pos is None else MismatchKind.ONLY_AT_POS
                if at_terminal is None else MismatchKind.AMOUNTS_DIFFER)
        mismatches.append(BatchMismatch(kind, key[0], key[1], at_pos and at_pos.amount,
                                        at_terminal and at_terminal.amount))
    return CardBatchCheck(
        batch_number=batch_number, settled_at=settled_at,
        terminal_sales=_total(terminal_by_ref.values(), SALE),
        terminal_refunds=_total(terminal_by_ref.values(), REFUND), terminal_count=len(terminal_by_ref),
        pos_sales=_total(pos_by_ref.values(), SALE), pos_refunds=_total(pos_by_ref.values(), REFUND),
        pos_count=len(pos_by_ref), mismatches=tuple(mismatches),
    )


def _total(transactions: Iterable[CardTransaction], kind: str) -> Money:
    return sum_money(t.amount for t in transactions if t.kind == kind)
