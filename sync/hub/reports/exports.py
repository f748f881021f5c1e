"""Exporting a day's OCS report, keeping every exported version, and each day's status.

The CLI, the admin API and the console all come here. An export computes the day (`daily_report`, which refuses
a day that does not balance), writes the province's file and records it with its sha256, who asked and when.

A day is "amended since exported" when its figures today differ from its last export's. Finding that by
recomputing every day listed would cost a report per day, so a cheap test comes first: only a ledger row written
after the export (or just before it, `SETTLING`) yet placed before the day's end can change the day (its opening
or its movements). A day with
such a row is recomputed and its sha256 compared, so a late movement that changes nothing in the file (a SKU
outside the report, a sale voided the same day) does not mark it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import DateTime, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.models import OcsReportExport, Store
from sync.hub.reports.exporters import csv_text, exporter_for
from sync.hub.reports.ocs import LEDGER, ReportRefused, daily_report, store_clock
from sync.hub.tenancy import Scope, audit

# A push that began before an export and committed after it wrote its rows with a ``created_at`` before the export
# time, unseen by the export. Rows written this long before an export are checked as if written after it (the sha256
# comparison then decides); no push transaction lasts anywhere near this long.
SETTLING = timedelta(minutes=10)

NOT_EXPORTED = "not_exported"
EXPORTED = "exported"
AMENDED = "amended"


@dataclass(frozen=True)
class ReportFile:
    province: str
    file_name: str
    content: str
    sha256: str
    rows: int


@dataclass(frozen=True)
class DayStatus:
    day: date
    status: str  # NOT_EXPORTED, EXPORTED or AMENDED
    last_exported_at: datetime | None
    exported_by: str | None
    versions: int
    problem: str | None = None  # the sentence of a day that cannot be made now (it does not balance)


def report_file(session: Session, store: Store, day: date, *, now: datetime | None = None) -> ReportFile:
    """The day's file as it would be exported now, not recorded."""
    report = daily_report(session, store, day, now=now)
    exporter = exporter_for(report.province)
    content = csv_text(exporter.columns, report)
    return ReportFile(report.province, exporter.file_name(report), content, sha256_of(content), len(report.rows))


def export_day(session: Session, scope: Scope, store: Store, day: date, exported_by: str, *,
               now: datetime | None = None) -> ReportFile:
    """Make the day's file and keep it as a new version, in the hub's audit trail too; refused (nothing
    recorded) when it cannot be made."""
    made = report_file(session, store, day, now=now)
    session.add(OcsReportExport(store_id=store.id, business_date=day, province=made.province,
                                exported_at=now or utcnow(), exported_by=exported_by[:120], sha256=made.sha256,
                                rows=made.rows, content=made.content))
    audit(session, scope, "ocs_report.exported", store_id=store.id,
          details={"date": day.isoformat(), "sha256": made.sha256})
    session.flush()
    return made


def sha256_of(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def exported_versions(session: Session, store: Store, day: date) -> list[OcsReportExport]:
    return list(session.scalars(select(OcsReportExport).where(
        OcsReportExport.store_id == store.id, OcsReportExport.business_date == day)
        .order_by(OcsReportExport.exported_at.desc())))


def day_statuses(session: Session, store: Store, *, offset: int = 0, limit: int = 31,
                 now: datetime | None = None) -> tuple[list[DayStatus], int]:
    """The store's days from today back to its first, newest first, a page of them; and how many there are."""
    clock = store_clock(session, store, now)
    if clock.first_day is None:
        return [], 0
    total = (clock.today - clock.first_day).days + 1
    days = [clock.today - timedelta(days=n) for n in range(offset, min(offset + limit, total))]
    if not days:
        return [], total
    exports = session.execute(
        select(OcsReportExport.business_date, OcsReportExport.exported_at, OcsReportExport.exported_by,
               OcsReportExport.sha256)
        .where(OcsReportExport.store_id == store.id, OcsReportExport.business_date.between(days[-1], days[0]))
        .order_by(OcsReportExport.exported_at)).all()
    last: dict[date, tuple] = {}
    versions: dict[date, int] = {}
    for day, exported_at, who, sha in exports:
        last[day] = (exported_at, who, sha)
        versions[day] = versions.get(day, 0) + 1
    earliest = _earliest_written_after(session, store,
                                       sorted({when - SETTLING for when, _who, _sha in last.values()}))
    statuses = []
    for day in days:
        if day not in last:
            statuses.append(DayStatus(day, NOT_EXPORTED, None, None, 0))
            continue
        exported_at, who, sha = last[day]
        status, problem = EXPORTED, None
        placed = earliest(exported_at - SETTLING)
        if placed is not None and placed < clock.bounds(day)[1]:
            try:
                changed = report_file(session, store, day, now=now).sha256 != sha
            except ReportRefused as refused:
                changed, problem = True, refused.args[0] if refused.args else str(refused)  # its Sentence
            status = AMENDED if changed else EXPORTED
        statuses.append(DayStatus(day, status, exported_at, who, versions[day], problem))
    return statuses, total


def _earliest_written_after(session: Session, store: Store, marks: list[datetime]):
    """For each export time of the page: the earliest ``occurred_at`` of the ledger rows written after it.

    A day whose export is followed by a row placed before the day's end may have changed. On PostgreSQL one pass
    over the rows written since the oldest of those exports buckets them between the export times
    (``width_bucket``) and keeps each bucket's earliest; a row after a later export is after the earlier ones
    too, hence the running minimum from the newest bucket down. Elsewhere (SQLite) one query per export.
    """
    if not marks:
        return lambda exported_at: None
    if session.get_bind().dialect.name != "postgresql":
        def one(exported_at: datetime) -> datetime | None:
            return session.scalar(select(func.min(LEDGER.occurred_at)).where(
                LEDGER.store_id == store.id, LEDGER.created_at > exported_at))
        return one
    naive = [mark.astimezone(UTC).replace(tzinfo=None) for mark in marks]
    bucket = func.width_bucket(LEDGER.created_at, bindparam("marks", naive, type_=ARRAY(DateTime())))
    rows = dict(session.execute(select(bucket, func.min(LEDGER.occurred_at)).where(
        LEDGER.store_id == store.id, LEDGER.created_at > marks[0]).group_by(bucket)).all())
    earliest: dict[datetime, datetime | None] = {}
    running = None
    for number in range(len(marks), 0, -1):  # bucket n: written at or after marks[n - 1], before marks[n]
        found = rows.get(number)
        if found is not None and (running is None or found < running):
            running = found
        earliest[marks[number - 1]] = running
    return earliest.get
