"""A kiosk's age gate logs its check with no staff member and no sale (DESIGN §5): the customer's own
confirmation, or an ID they scanned (passed or failed, with only the ID number's salted hash), each with the
kiosk's terminal number and its `age_verification.logged.v1` in the outbox."""

from __future__ import annotations

from sqlalchemy import select

from pos_app.persistence.models import AgeVerificationLog, SyncOutbox
from sync.canonical import mutation_hash
from sync.mutations import AgeVerificationLoggedV1
from tests.id_cards import ontario_licence, years_ago

NUMBER = "D1234-56789-00315"  # tests.id_cards' default licence number


def _logged(terminal) -> list[tuple[AgeVerificationLog, SyncOutbox]]:
    with terminal.session_factory() as session:
        rows = session.scalars(select(AgeVerificationLog).order_by(AgeVerificationLog.created_at)).all()
        queued = session.scalars(select(SyncOutbox).where(SyncOutbox.name == "age_verification.logged.v1")
                                 .order_by(SyncOutbox.mutation_id)).all()
        session.expunge_all()
    assert len(rows) == len(queued), "each check and its mutation are written together"
    return list(zip(rows, queued, strict=True))


def test_the_customers_confirmation_is_logged_with_no_staff_member_and_the_kiosks_number(terminal):
    outcome = terminal.age_checks.kiosk_confirmed()
    assert outcome.passed
    [(row, queued)] = _logged(terminal)
    assert (row.method, row.result, row.staff_id, row.sale_id) == ("kiosk_confirm", "passed", None, None)
    assert row.terminal_no == terminal.context.terminal_no
    assert row.min_age == terminal.context.min_age and row.id_number_hash is None
    # The queued payload is what the hub reads: it validates on the wire model and its hash covers it as stored.
    args = AgeVerificationLoggedV1.model_validate(queued.args)
    assert (args.id, args.staff_id, args.sale_id, args.method) == (row.id, None, None, "kiosk_confirm")
    assert queued.hash == mutation_hash(queued.args)


def test_an_id_scanned_at_the_gate_is_logged_passed_or_failed_with_the_hashed_number_only(terminal):
    checks = terminal.age_checks
    adult = checks.kiosk_id_check(checks.read_id(ontario_licence(years_ago(30))))
    minor = checks.kiosk_id_check(checks.read_id(ontario_licence(years_ago(17))))
    assert adult.passed and not minor.passed
    (passed, sent_passed), (failed, sent_failed) = _logged(terminal)
    assert (passed.method, passed.result, passed.customer_age, passed.staff_id) == ("id_scan", "passed", 30, None)
    assert (failed.result, failed.customer_age, failed.sale_id) == ("failed", 17, None)
    assert "19" in failed.failure_reason
    for row, sent in ((passed, sent_passed), (failed, sent_failed)):
        assert row.jurisdiction == "ON" and len(row.id_number_hash) == 64
        assert row.terminal_no == terminal.context.terminal_no
        for text in (str(row.id_number_hash), str(row.failure_reason), str(sent.args)):
            assert NUMBER not in text and NUMBER.replace("-", "") not in text, "never the ID number"
    assert passed.id_number_hash == failed.id_number_hash, "the same card is recognised by its hash"


def test_an_id_whose_date_of_birth_cannot_be_read_logs_a_failed_check(terminal):
    outcome = terminal.age_checks.kiosk_id_unreadable("This ID's barcode has no date of birth.")
    assert not outcome.passed
    [(row, queued)] = _logged(terminal)
    assert (row.method, row.result, row.customer_age, row.id_number_hash) == ("id_scan", "failed", None, None)
    assert row.failure_reason == "This ID's barcode has no date of birth."
    assert AgeVerificationLoggedV1.model_validate(queued.args).result == "failed"
