"""Stock counts at the terminal: start one (store, location, category or SKUs), count by scan or by typing, submit
to see the variance, and have a manager approve it. Approval writes the local ledger rows (the replica shows the
counted stock at once) and one `inventory.counted.v1` in the same transaction.

One count is open at a time on a terminal; it is kept in the replica, so it survives a restart.
"""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from pos_app.domain.counts import CountLine, CountRefused, CountScope, CountSheet, checked_quantity
from pos_app.domain.staff import can_supervise
from pos_app.i18n.catalog import Message
from pos_app.persistence import counts as store
from pos_app.persistence.audit import append_audit
from pos_app.persistence.models import OcsInventoryTransaction, OcsProduct, StockCount, StockCountLine
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NotFound
from pos_app.services.mutations import inventory_counted
from pos_app.services.staff import StaffMember

_SCOPE_WORDS = {CountScope.STORE: "Whole store", CountScope.LOCATION: "Location", CountScope.CATEGORY: "Category",
                CountScope.SKUS: "Products"}


class CountService:
    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock

    # --- reading

    def open_count(self) -> CountSheet | None:
        """The count in progress (counting, or submitted and waiting for approval), if there is one."""
        with self._session_factory() as session:
            count = store.open_count_row(session, self._store_id)
            return None if count is None else store.sheet_of(session, count)

    def _the_open_count(self, session: Session) -> StockCount:
        count = store.open_count_row(session, self._store_id)
        if count is None:
            raise CountRefused("count_refused.none_open")
        return count

    # --- starting

    def start(self, staff: StaffMember, scope: CountScope | str, value: str = "", *, blind: bool = True) -> CountSheet:
        """Snapshot what is expected of every SKU and lot in the scope, as of now, and where the ledger stands."""
        scope = CountScope(scope)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            current = store.open_count_row(session, self._store_id)
            if current is not None:
                raise CountRefused("count_refused.still_open", scope_label=current.scope_label)
            label, value = self._label(session, scope, value)
            keys = store.scope_keys(session, self._store_id, scope, value)
            if not keys and scope is not CountScope.LOCATION:
                raise CountRefused("count_refused.nothing_stocked", label=label)
            count = StockCount(id=uuid.uuid4(), store_id=self._store_id, scope=scope.value, scope_value=value,
                               scope_label=label, blind=blind, status="counting", started_at=self._clock(),
                               started_by=staff.id, ledger_position=store.ledger_position(session))
            session.add(count)
            session.flush()
            store.insert_lines(session, count.id, store.expected_now(session, self._store_id, keys))
            sheet = store.sheet_of(session, count)
            uow.commit()
        return sheet

    def _label(self, session: Session, scope: CountScope, value: str) -> tuple[str, str]:
        value = value.strip()
        if scope is CountScope.LOCATION:
            location = store.location_by_code(session, self._store_id, value)
            if location is None:
                raise NotFound("not_found.location" if value else "not_found.no_location", location=value)
            return f"location {location.location_code}", location.location_code
        if scope is CountScope.CATEGORY:
            if not value:
                raise CountRefused("count_refused.pick_category")
            return f"category {value}", value
        if scope is CountScope.SKUS:
            skus = [s.strip() for s in value.replace("\n", ",").split(",") if s.strip()]
            if not skus:
                raise CountRefused("count_refused.type_skus")
            return f"{len(skus)} product{'s' if len(skus) != 1 else ''}", ",".join(skus)
        return "the whole store", ""

    def start_location_count(self, code: str, staff: StaffMember, *, blind: bool = True) -> CountSheet:
        return self.start(staff, CountScope.LOCATION, code, blind=blind)

    # --- counting

    def product(self, code: str) -> tuple[str, int]:
        """(SKU, units) a scanned or typed code stands for: an each GTIN or a SKU is 1, a case GTIN its case."""
        code = code.strip()
        with self._session_factory() as session:
            product = session.scalar(select(OcsProduct).where(
                (OcsProduct.each_gtin == code.rjust(14, "0")) | (OcsProduct.case_gtin == code.rjust(14, "0"))
                | (OcsProduct.ocs_variant_number == code)))
            if product is None:
                raise NotFound("not_found.code_or_sku", code=code)
            case = product.case_gtin == code.rjust(14, "0") and product.case_gtin != product.each_gtin
            return product.ocs_variant_number, product.case_quantity if case else 1

    def add(self, code: str, units: int | None = None, batch_lot: str | None = None) -> CountLine:
        """A scan: one more unit (a case's worth for a case GTIN) of the product, and lot when the label has one."""
        sku, per_scan = self.product(code)
        return self._count(sku, batch_lot, units if units is not None else per_scan, add=True)

    def set_count(self, sku: str, batch_lot: str | None, quantity: int) -> CountLine:
        """A typed count: the quantity of the SKU (and lot) found, replacing what was counted before."""
        return self._count(sku, batch_lot, checked_quantity(quantity), add=False)

    def _count(self, sku: str, batch_lot: str | None, quantity: int, *, add: bool) -> CountLine:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            count = self._the_open_count(session)
            if count.status != "counting":
                raise CountRefused("count_refused.submitted")
            line = self._line_for(session, count, sku, batch_lot or None)
            total = (line.counted or 0) + quantity if add else quantity
            line.counted = checked_quantity(total, sku=sku)
            line.counted_at = self._clock()
            session.flush()
            name = session.scalar(select(OcsProduct.product_name).where(OcsProduct.ocs_variant_number == sku))
            result = CountLine(sku, name or sku, line.batch_lot, line.expected_at_start, line.counted)
            uow.commit()
        return result

    def _line_for(self, session: Session, count: StockCount, sku: str, batch_lot: str | None) -> StockCountLine:
        lines = list(session.scalars(select(StockCountLine).where(StockCountLine.count_id == count.id,
                                                                  StockCountLine.sku == sku)))
        if batch_lot is None:
            if len(lines) == 1:
                return lines[0]
            if len(lines) > 1:
                lots = ", ".join(line.batch_lot or "no lot" for line in lines)
                raise CountRefused("count_refused.several_lots_counted", sku=sku, lots=lots)
            lots = store.lots_of(session, self._store_id, [sku]).get(sku, [])
            if len(lots) > 1:
                raise CountRefused("count_refused.several_lots_kept", sku=sku, lots=', '.join(lots))
            batch_lot = lots[0] if lots else None
        else:
            found = [line for line in lines if line.batch_lot == batch_lot]
            if found:
                return found[0]
        # Found where the count did not expect it: its expected quantity at the start is today's less the moves
        # this terminal made since the count began.
        key = (sku, batch_lot)
        now = store.expected_now(session, self._store_id, [key])[key]
        line = StockCountLine(id=uuid.uuid4(), count_id=count.id, sku=sku, batch_lot=batch_lot,
                              expected_at_start=now - store.local_moves_since(session, self._store_id, key,
                                                                               count.ledger_position))
        session.add(line)
        return line

    # --- submitting and approving

    def submit(self) -> CountSheet:
        """Counting is done: each counted line's variance against the start plus the moves since is shown."""
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            count = self._the_open_count(session)
            if count.status != "counting":
                raise CountRefused("count_refused.already_submitted")
            self._measure(session, count)
            count.status, count.submitted_at = "submitted", self._clock()
            sheet = store.sheet_of(session, count)
            uow.commit()
        return sheet

    def _measure(self, session: Session, count: StockCount) -> list[StockCountLine]:
        counted = [line for line in store.line_rows(session, count.id) if line.counted is not None]
        if not counted:
            raise CountRefused("count_refused.nothing_counted")
        now = store.expected_now(session, self._store_id, [(line.sku, line.batch_lot) for line in counted])
        session.execute(update(StockCountLine), [
            {"id": line.id, "expected_now": now[(line.sku, line.batch_lot)]} for line in counted])
        for line in counted:  # written above in one statement: the loaded rows only catch up
            set_committed_value(line, "expected_now", now[(line.sku, line.batch_lot)])
        return counted

    def approve(self, manager: StaffMember) -> CountSheet:
        """The manager's approval: local ledger rows for the variances, the audit entry and one
        `inventory.counted.v1`, together or not at all. Moves since submitting are measured again."""
        if not can_supervise(manager.role):
            raise CountRefused("count_refused.role", name=manager.name, role=Message(f"role.{manager.role}"))
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            count = self._the_open_count(session)
            if count.status != "submitted":
                raise CountRefused("count_refused.submit_first")
            lines = self._measure(session, count)
            now = self._clock()
            mutation = inventory_counted(
                count_id=count.id, store_id=self._store_id, scope=count.scope, scope_label=count.scope_label,
                started_at=count.started_at, approved_at=now, ledger_position=count.ledger_position,
                counted_by=count.started_by, approved_by=manager.id,
                lines=[(line.sku, line.batch_lot, line.counted, line.expected_at_start,
                        line.expected_now - line.expected_at_start) for line in lines])
            mutation_id = enqueue_mutation(session, mutation)
            moved = [line for line in lines if line.counted != line.expected_now]
            if moved:
                session.execute(insert(OcsInventoryTransaction.__table__), [
                    {"id": uuid.uuid4(), "store_id": self._store_id, "sku": line.sku, "batch_lot": line.batch_lot,
                     "transaction_type": "adjustment", "quantity": line.counted - line.expected_now,
                     "reference_type": "count", "reference_id": count.id, "line_id": line.id,
                     "reason_code": "count", "staff_id": manager.id, "mutation_id": mutation_id, "created_at": now}
                    for line in moved])
            count.status, count.approved_at, count.approved_by, count.mutation_id = "approved", now, manager.id, \
                mutation_id
            append_audit(session, "stock_count.approved", staff_id=manager.id, approved_by=manager.id,
                         store_id=self._store_id, entity_type="stock_count", entity_id=str(count.id),
                         details={"scope": count.scope_label, "lines": len(lines), "variances": len(moved),
                                  "net_units": sum(line.counted - line.expected_now for line in moved)})
            sheet = store.sheet_of(session, count)
            uow.commit()
        return sheet

    def cancel(self, staff: StaffMember) -> None:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            count = self._the_open_count(session)
            count.status = "cancelled"
            append_audit(session, "stock_count.cancelled", staff_id=staff.id, store_id=self._store_id,
                         entity_type="stock_count", entity_id=str(count.id), details={"scope": count.scope_label})
            uow.commit()

    def locations(self) -> list[str]:
        """Codes of the shelves that hold stock, busiest first (for the picker, and the journey's count)."""
        with self._session_factory() as session:
            return store.stocked_location_codes(session, self._store_id)

    def categories(self) -> list[str]:
        with self._session_factory() as session:
            return list(session.scalars(select(OcsProduct.category).where(OcsProduct.is_active.is_(True))
                                        .distinct().order_by(OcsProduct.category)))


def scope_word(scope: CountScope) -> str:
    return _SCOPE_WORDS[scope]

