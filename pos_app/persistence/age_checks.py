"""Writing an age check's log row; the service queues its ``age_verification.logged.v1`` in the same transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from pos_app.persistence.models import AgeVerificationLog


def log_age_check(
    session: Session, *, store_id: uuid.UUID, terminal_no: int, sale_id: uuid.UUID | None,
    staff_id: uuid.UUID | None, method: str, passed: bool, customer_age: int | None, min_age: int,
    jurisdiction: str | None, id_number_hash: str | None, failure_reason: str | None, now: datetime,
) -> AgeVerificationLog:
    """``sale_id`` and ``staff_id`` are None only at a kiosk's age gate, where no sale exists and no staff is."""
    row = AgeVerificationLog(
        id=uuid.uuid4(), store_id=store_id, terminal_no=terminal_no, sale_id=sale_id, staff_id=staff_id,
        method=method,
        result="passed" if passed else "failed", customer_age=customer_age, min_age=min_age,
        jurisdiction=jurisdiction, id_number_hash=id_number_hash, failure_reason=failure_reason, created_at=now,
    )
    session.add(row)
    return row
