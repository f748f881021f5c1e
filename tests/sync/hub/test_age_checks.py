"""Age checks on the hub (SQLite and PostgreSQL): a kiosk's check arrives with no staff member and no sale and is
kept so, with the terminal that pushed it; a register's check keeps its staff member as before."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pos_app.persistence.models import AgeVerificationLog as TerminalAgeCheck
from pos_app.services.mutations import age_verification_logged
from sync.hub.models import AgeVerificationLog
from tests.sync.hub.helpers import mutation, push


def _check(terminal, *, staff_id=None, sale_id=None, method="kiosk_confirm") -> dict:
    """The args exactly as the terminal's builder makes them from its log row."""
    row = TerminalAgeCheck(id=uuid.uuid4(), store_id=terminal.store_id, terminal_no=3, sale_id=sale_id,
                           staff_id=staff_id, method=method, result="passed", customer_age=None, min_age=19,
                           jurisdiction=None, id_number_hash=None, failure_reason=None,
                           created_at=datetime.now(UTC).replace(microsecond=0))
    return age_verification_logged(row).payload()


def _stored(hub_app, check_id: str) -> AgeVerificationLog:
    with hub_app.state.db.read() as session:
        row = session.get(AgeVerificationLog, uuid.UUID(check_id))
        session.expunge_all()
        return row


def test_a_kiosks_check_is_stored_with_no_staff_member_and_the_kiosk_that_sent_it(client, world, hub_app):
    kiosk = world.terminals["A1"]
    kiosk_check = _check(kiosk)
    register_check = _check(kiosk, staff_id=kiosk.staff_id, sale_id=uuid.uuid4(), method="attestation")
    first, second = kiosk.take_ids(2)
    response = push(client, kiosk, [mutation(first, "age_verification.logged.v1", kiosk_check),
                                    mutation(second, "age_verification.logged.v1", register_check)])
    assert response.status_code == 200, response.text
    assert [r["status"] for r in response.json()["results"]] == ["applied", "applied"]

    stored = _stored(hub_app, kiosk_check["id"])
    assert (stored.staff_id, stored.sale_id, stored.method, stored.result) == (None, None, "kiosk_confirm", "passed")
    assert (stored.store_id, stored.terminal_id) == (kiosk.store_id, kiosk.terminal_id)
    at_counter = _stored(hub_app, register_check["id"])
    assert (at_counter.staff_id, at_counter.terminal_id) == (kiosk.staff_id, kiosk.terminal_id)

    again = push(client, kiosk, [mutation(first, "age_verification.logged.v1", kiosk_check)])
    assert [r["status"] for r in again.json()["results"]] == ["already_applied"]
