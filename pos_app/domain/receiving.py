"""Receiving a delivery against a purchase order: the pure rules.

A draft holds one line per order line, plus a line for each item that came but was not ordered (a discrepancy the
manager receives, after confirming, or rejects). A scan adds units to the line its GTIN names: an each GTIN 1, a
case GTIN the case quantity, a GS1-128 case label its count (30)/(37) or else the case quantity, and a label's lot
with its expiry and packed date. A lot the shipping notice did not name is accepted and flagged. Taking a line past
what was ordered needs a confirmation, once per line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from pos_app.domain.errors import DomainError
from pos_app.i18n.catalog import Labels, text
from pos_app.i18n.numbers import Count
from sync.mutations.reasons import DiscrepancyReason

MAX_QUANTITY = 100_000

REASON_LABELS = Labels({reason: f"discrepancy.{reason.value}" for reason in DiscrepancyReason})


class ReceivingError(DomainError):
    code = "receiving_error"


class OverReceipt(DomainError):
    """More than was ordered: the manager confirms, then the same change is made with ``confirm_over``."""

    code = "over_receipt"

    def __init__(self, line: ReceivingLine, units: int, **params: object) -> None:
        super().__init__(quantity=units, **params)
        self.line = line
        self.units = units


class NotOnOrder(DomainError):
    """A GTIN none of the order's lines has: the caller looks the product up and adds a discrepancy line."""

    code = "not_on_order"

    def __init__(self, gtin: str) -> None:
        super().__init__(gtin=gtin)
        self.gtin = gtin


@dataclass
class LotCount:
    batch_lot: str
    quantity: int
    expiry: date | None = None
    packaging_date: date | None = None
    on_asn: bool = True


@dataclass
class ReceivingLine:
    line_id: uuid.UUID
    po_item_id: uuid.UUID | None
    sku: str
    name: str
    each_gtin: str | None
    case_gtin: str | None
    case_quantity: int
    expected: int
    asn_lot: str | None = None
    quantity: int = 0
    lots: list[LotCount] = field(default_factory=list)
    reason: DiscrepancyReason | None = None
    decision: str | None = None  # a line not on the order: None until "received" or "rejected"
    over_confirmed: bool = False
    position: int = 0

    @property
    def not_on_order(self) -> bool:
        return self.po_item_id is None

    @property
    def in_lots(self) -> int:
        return sum(lot.quantity for lot in self.lots)

    @property
    def flagged_lots(self) -> list[str]:
        return [lot.batch_lot for lot in self.lots if not lot.on_asn]

    @property
    def difference(self) -> int:
        return self.quantity - self.expected

    def status(self) -> str:
        if self.not_on_order:
            decision = self.decision if self.decision in ("received", "rejected") else "undecided"
            return text(f"receiving_status.not_ordered_{decision}")
        if self.quantity == self.expected:
            return text("receiving_status.complete")
        if self.quantity > self.expected:
            return text("receiving_status.over", count=self.quantity - self.expected)
        if self.quantity:
            return text("receiving_status.short", count=self.expected - self.quantity)
        return text("receiving_status.waiting")

    def effective_reason(self) -> DiscrepancyReason | None:
        """The reason chosen, or the one the counts give (short, over, not ordered)."""
        if self.reason is not None:
            return self.reason
        if self.not_on_order:
            return DiscrepancyReason.NOT_ORDERED
        if self.quantity < self.expected:
            return DiscrepancyReason.SHORT
        if self.quantity > self.expected:
            return DiscrepancyReason.OVER
        return None

    def lot_split(self) -> list[LotCount]:
        """Every unit in a lot where one is known: units scanned without a lot go to the notice's lot."""
        lots = [LotCount(lot.batch_lot, lot.quantity, lot.expiry, lot.packaging_date, lot.on_asn) for lot in self.lots]
        loose = self.quantity - self.in_lots
        if loose > 0 and self.asn_lot:
            same = next((lot for lot in lots if lot.batch_lot == self.asn_lot), None)
            if same is None:
                lots.append(LotCount(self.asn_lot, loose))
            else:
                same.quantity += loose
        return lots


@dataclass(frozen=True)
class ScannedItem:
    gtin: str
    lot: str | None = None
    expiry: date | None = None
    packaging_date: date | None = None
    count: int | None = None  # a case label's (30)/(37)


@dataclass(frozen=True)
class ScanOutcome:
    line: ReceivingLine
    added: int
    lot_flagged: bool = False


@dataclass
class ReceivingDraft:
    receiving_id: uuid.UUID
    purchase_order_id: uuid.UUID
    po_number: str
    lines: list[ReceivingLine]
    _by_gtin: dict[str, ReceivingLine] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._by_gtin = {}
        for line in self.lines:
            for gtin in (line.case_gtin, line.each_gtin):
                if gtin and (gtin not in self._by_gtin or self._by_gtin[gtin].not_on_order):
                    self._by_gtin[gtin] = line

    def line_for(self, gtin: str) -> ReceivingLine | None:
        return self._by_gtin.get(gtin)

    def line(self, line_id: uuid.UUID) -> ReceivingLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise ReceivingError("receiving_error.line_gone")

    def add_line(self, line: ReceivingLine) -> None:
        line.position = len(self.lines)
        self.lines.append(line)
        self.reindex()

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines if line.decision != "rejected")

    def discrepancies(self) -> list[ReceivingLine]:
        return [line for line in self.lines if line.effective_reason() is not None or line.flagged_lots]


def units_of(line: ReceivingLine, item: ScannedItem) -> int:
    if item.count is not None:
        return item.count
    return line.case_quantity if item.gtin == line.case_gtin and line.case_gtin != line.each_gtin else 1


def apply_scan(draft: ReceivingDraft, item: ScannedItem, *, confirm_over: bool = False) -> ScanOutcome:
    """Add what one scan stands for to its line; `NotOnOrder` when no line has the GTIN."""
    line = draft.line_for(item.gtin)
    if line is None:
        raise NotOnOrder(item.gtin)
    units = units_of(line, item)
    if units <= 0 or units > MAX_QUANTITY:
        raise ReceivingError("receiving_error.case_units", units=units, max_quantity=Count(MAX_QUANTITY))
    _check_over(line, line.quantity + units, confirm_over)
    line.quantity += units
    flagged = False
    if item.lot:
        flagged = line.asn_lot is not None and item.lot != line.asn_lot
        _add_lot(line, LotCount(item.lot, units, item.expiry, item.packaging_date, not flagged))
    return ScanOutcome(line, units, flagged)


def set_quantity(line: ReceivingLine, quantity: int, *, confirm_over: bool = False) -> None:
    """A typed quantity: the line's whole count, lots included."""
    if quantity < 0:
        raise ReceivingError("receiving_error.negative")
    if quantity > MAX_QUANTITY:
        raise ReceivingError("receiving_error.too_many", quantity=Count(quantity), max_quantity=Count(MAX_QUANTITY))
    if quantity < line.in_lots:
        raise ReceivingError("receiving_error.below_lots", in_lots=line.in_lots, name=line.name)
    _check_over(line, quantity, confirm_over)
    line.quantity = quantity


def clear_line(line: ReceivingLine) -> None:
    line.quantity, line.lots, line.over_confirmed = 0, [], False


def decide(line: ReceivingLine, receive: bool) -> None:
    if not line.not_on_order:
        raise ReceivingError("receiving_error.ordered_line", name=line.name)
    line.decision = "received" if receive else "rejected"


def check_finish(draft: ReceivingDraft) -> None:
    undecided = [line.name for line in draft.lines if line.not_on_order and line.decision is None]
    if undecided:
        raise ReceivingError("receiving_error.undecided", name=undecided[0])
    if draft.units == 0:
        raise ReceivingError("receiving_error.nothing_received")


def _check_over(line: ReceivingLine, quantity: int, confirm_over: bool) -> None:
    if line.not_on_order or quantity <= line.expected or line.over_confirmed:
        return
    if not confirm_over:
        raise OverReceipt(line, quantity, name=line.name, expected=line.expected, extra=quantity - line.expected)
    line.over_confirmed = True


def _add_lot(line: ReceivingLine, lot: LotCount) -> None:
    for known in line.lots:
        if known.batch_lot == lot.batch_lot:
            known.quantity += lot.quantity
            known.expiry = lot.expiry or known.expiry
            known.packaging_date = lot.packaging_date or known.packaging_date
            return
    line.lots.append(lot)
