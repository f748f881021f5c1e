"""Read models for the status bar and the first window: who, where, and what is waiting to sync."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.i18n.catalog import Message, text
from pos_app.persistence.models import OcsProduct, SyncOutbox
from pos_app.persistence.outbox import pending_count
from pos_app.persistence.sync_state import ensure_sync_state
from pos_app.services.staff import StaffMember


@dataclass(frozen=True)
class SyncSummary:
    paired: bool
    pending_mutations: int
    last_mutation_id: int

    @property
    def label(self) -> str:
        if not self.paired:
            return text("sync_status.not_paired_waiting" if self.pending_mutations else "sync_status.not_paired",
                        count=self.pending_mutations)
        return text("sync_status.waiting" if self.pending_mutations else "sync_status.up_to_date",
                    count=self.pending_mutations)


class StatusService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def sync_summary(self) -> SyncSummary:
        with self._session_factory() as session:
            state = ensure_sync_state(session)
            last = session.scalar(select(func.max(SyncOutbox.mutation_id))) or 0
            summary = SyncSummary(
                paired=state.terminal_id is not None and state.hub_url is not None,
                pending_mutations=pending_count(session),
                last_mutation_id=last,
            )
            session.commit()
            return summary

    def product_count(self) -> int:
        with self._session_factory() as session:
            return session.scalar(select(func.count()).select_from(OcsProduct)) or 0


def staff_display(staff: StaffMember | None) -> str:
    return text("staff_display", name=staff.name, role=Message(f"role.{staff.role.value}")) if staff \
        else text("staff_display.nobody")
