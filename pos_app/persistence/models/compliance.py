"""Age checks and the tamper-evident audit trail the regulator and the owner rely on."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin
from pos_app.persistence.types import utcnow


class AgeVerificationLog(IdMixin, Base):
    __tablename__ = "age_verification_logs"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    # A kiosk's age gate checks the customer before any sale exists, with no staff member there.
    sale_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    terminal_no: Mapped[int | None]  # the register or kiosk that checked; none on rows logged before it was kept
    method: Mapped[str] = mapped_column(String(16))  # id_scan, attestation, manager_override, kiosk_confirm
    result: Mapped[str] = mapped_column(String(8))  # passed, failed
    customer_age: Mapped[int | None]
    min_age: Mapped[int]
    jurisdiction: Mapped[str | None] = mapped_column(String(8))
    # salted hash of the ID number; the number itself is never stored
    id_number_hash: Mapped[str | None] = mapped_column(String(64))
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditLog(IdMixin, Base):
    """Each entry carries the hash of the one before it, so a removed or edited entry shows."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(unique=True)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
