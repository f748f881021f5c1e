"""Writing an age check's log row; the service queues its ``age_verification.logged.v1`` in the same transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from pos_app.persistence.models import AgeVerificationLog


def log_age_check(
    session: Session, *, store_id: uuid.UUID, sale_id: uuid.UUID, staff_id: uuid.UUID, method: str, passed: bool,
    customer_age: int | None, min_age: int, jurisdiction: str | None, id_number_hash: str | None,
    failure_reason: str | None, now: datetime,
) -> AgeVerificationLog:
    row = AgeVerificationLog(
        id=uuid.uuid4(), store_id=store_id, sale_id=sale_id, staff_id=staff_id, method=method,
        result="passed" if passed else "failed", customer_age=customer_age, min_age=min_age,
        jurisdiction=jurisdiction, id_number_hash=id_number_hash, failure_reason=failure_reason, created_at=now,
    )
    session.add(row)
    return row
