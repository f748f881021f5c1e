"""Put-away: stock placed on shelf locations (scan a location, then items or lots) and moved between them.

One put-away batch is one transaction: the replica's assignment rows (written first, kept over older pulls until
the hub has applied the batch) and one `shelf.assigned.v1` outbox row.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from hardware.codes.errors import CodeParseError
from hardware.codes.location import PREFIX, parse_location_code
from pos_app.i18n.numbers import Count
from pos_app.persistence import shelves
from pos_app.persistence.models import InventoryShelfAssignment
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock_card import find_product_skus, stock_row
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services import mutations
from pos_app.services.errors import NotFound, ServiceError
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext
from sync import mutations as wire

MAX_UNITS = 100_000


class PutawayRefused(ServiceError):
    code = "putaway_refused"


@dataclass(frozen=True)
class Location:
    id: uuid.UUID
    code: str  # as stored, without LOC:
    notes: str | None = None


@dataclass(frozen=True)
class Item:
    sku: str
    name: str
    units: int = 1  # what one scan of the code puts away: a case GTIN its case quantity


@dataclass(frozen=True)
class PutawayLine:
    location: Location
    sku: str
    name: str
    batch_lot: str | None
    quantity: int
    primary: bool = False


class PutawayService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext) -> None:
        self._session_factory = session_factory
        self._context = context

    def location(self, code: str) -> Location:
        """A location from its label (`LOC:VAULT-01-03-B`) or its code as typed (`VAULT-01-03-B`)."""
        text = code.strip().upper()
        try:
            stored = parse_location_code(text if text.startswith(PREFIX) else PREFIX + text).location_code
        except CodeParseError as error:
            raise PutawayRefused(str(error)) from None
        with self._session_factory() as session:
            found = shelves.location_by_code(session, self._context.store_id, stored)
            if found is None:
                raise NotFound("not_found.location_unknown", stored=stored)
            if not found.is_active:
                raise PutawayRefused("putaway_refused.location_retired", stored=stored)
            return Location(found.id, found.location_code, found.notes)

    def item(self, code: str) -> Item:
        """The product a GTIN (each or case) or SKU names, and the units one scan of that code stands for."""
        with self._session_factory() as session:
            skus = find_product_skus(session, code)
            row = stock_row(session, self._context.store_id, skus[0]) if skus else None
        if row is None:
            raise NotFound("not_found.code_or_sku", code=code)
        case = code == row.case_gtin and row.case_gtin != row.each_gtin
        return Item(row.sku, row.name, row.case_quantity if case and row.case_quantity > 1 else 1)

    def put_away(self, lines: Sequence[PutawayLine], staff: StaffMember) -> int:
        """Place every line in one transaction with its outbox row; returns the mutation id."""
        if not lines:
            raise PutawayRefused("putaway_refused.nothing")
        for line in lines:
            if not 1 <= line.quantity <= MAX_UNITS:
                raise PutawayRefused("putaway_refused.quantity",
                                     quantity=line.quantity, name=line.name, max_units=Count(MAX_UNITS))
        return self._write([(line, None) for line in lines], staff)

    def move(self, sku: str, batch_lot: str | None, source: Location, target: Location, quantity: int,
             staff: StaffMember) -> int:
        """Move units of a SKU (and lot) from one location's shelf to another."""
        if source.id == target.id:
            raise PutawayRefused("putaway_refused.same_location")
        with self._session_factory() as session:
            row = shelves.assignment_at(session, self._context.store_id, source.id, sku, batch_lot)
            held = row.quantity if row is not None else 0
            name = stock_row(session, self._context.store_id, sku)
        what = name.name if name else sku
        if row is None or held <= 0:
            raise PutawayRefused("putaway_refused.none_of_lot" if batch_lot else "putaway_refused.none_here",
                                 code=source.code, what=what, batch_lot=batch_lot or "")
        if not 1 <= quantity <= held:
            raise PutawayRefused("putaway_refused.too_many", code=source.code, held=held, what=what)
        line = PutawayLine(target, sku, what, batch_lot, quantity)
        return self._write([(line, row.id)], staff)

    def _write(self, lines: list[tuple[PutawayLine, uuid.UUID | None]], staff: StaffMember) -> int:
        store_id = self._context.store_id
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            placements: list[wire.ShelfPlacement] = []
            touched = []
            for line, from_id in lines:
                moved_from = session.get(InventoryShelfAssignment, from_id) if from_id else None
                rows = shelves.place(session, store_id, line.location.id, line.sku, line.batch_lot, line.quantity,
                                     primary=line.primary, staff_id=staff.id, moved_from=moved_from)
                touched.extend(rows)
                placements.append(wire.ShelfPlacement(
                    assignment_id=rows[0].id, location_id=line.location.id, sku=line.sku,
                    batch_lot=line.batch_lot, quantity=line.quantity, is_primary=line.primary,
                    from_assignment_id=from_id))
            mutation_id = enqueue_mutation(session, mutations.shelf_assigned(
                putaway_id=uuid.uuid4(), store_id=store_id, staff_id=staff.id, placements=placements))
            shelves.mark_local(touched, mutation_id)
            uow.commit()
        return mutation_id
