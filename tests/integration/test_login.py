"""Signing in at the PIN pad, the lock after five wrong PINs, unlocking, and manager overrides, all audited."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from pos_app.domain.staff import Role
from pos_app.persistence.audit import verify_audit_chain
from pos_app.persistence.models import AuditLog, SyncOutbox, User
from pos_app.services.errors import NotPermitted, OverrideRefused, SignInRefused
from pos_app.services.login import LoginService
from pos_app.services.pins import hash_pin
from tests.integration.helpers import staff

WRONG = "0000"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 21, 19, 0, tzinfo=UTC)  # 14:00 in Toronto

    def __call__(self) -> datetime:
        return self.now


def demo_pins(terminal) -> dict[str, str]:
    """The demo staff's PINs, as the demo store was generated for this run."""
    text = (terminal.settings.data_dir / "pins.txt").read_text()
    return dict(line.split(":") for line in text.splitlines())


@pytest.fixture
def pins(terminal):
    pins = demo_pins(terminal)
    # The pepper is kept in the keyring under the data folder's path, so this copy of the demo folder has a
    # pepper of its own: hash the demo PINs with it, as pairing a terminal would.
    with terminal.session_factory() as session:
        for row in session.scalars(select(User)):
            row.pin_hash = hash_pin(pins[row.staff_code], terminal.pin_pepper)
        session.commit()
    return pins


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def login(terminal, clock):
    return LoginService(terminal.session_factory, terminal.context, terminal.pin_pepper, clock=clock)


def audit(terminal) -> list[AuditLog]:
    with terminal.session_factory() as session:
        return list(session.scalars(select(AuditLog).order_by(AuditLog.seq)))


def user(terminal, code: str) -> User:
    with terminal.session_factory() as session:
        return session.scalars(select(User).where(User.staff_code == code)).one()


def test_the_pin_pad_offers_active_staff_by_name(terminal, login):
    choices = login.sign_in_choices()
    assert [m.name for m in choices] == ["Daniel Okafor", "Maya Tremblay", "Priya Sharma"]
    assert {m.staff_code: m.role for m in choices} == {"1001": Role.CASHIER, "2001": Role.MANAGER,
                                                      "9001": Role.ADMIN}


def test_the_right_pin_signs_in_resets_the_count_and_is_audited(terminal, login, clock, pins):
    with pytest.raises(SignInRefused):
        login.sign_in("1001", WRONG)
    member = login.sign_in("1001", pins["1001"])
    login.sign_out(member)

    assert member == staff(terminal, "1001")
    row = user(terminal, "1001")
    assert row.failed_login_attempts == 0 and row.locked_until is None and row.last_login == clock.now
    entries = audit(terminal)
    assert [e.action for e in entries] == ["staff.sign_in_failed", "staff.signed_in", "staff.signed_out"]
    assert all(e.staff_id == member.id and e.entity_id == "1001" for e in entries)
    with terminal.session_factory() as session:
        assert verify_audit_chain(session) is None
        assert session.scalars(select(SyncOutbox.name)).all() == ["audit.logged.v1"] * 3


def test_wrong_pins_count_down_then_lock_the_account_until_a_set_time(terminal, login, clock, pins):
    messages = []
    for _ in range(4):
        with pytest.raises(SignInRefused) as refused:
            login.sign_in("1001", WRONG)
        messages.append(refused.value.message)
    assert messages[0] == "That PIN is not right. 4 tries left before this account locks."
    assert messages[3] == "That PIN is not right. 1 try left before this account locks."

    with pytest.raises(SignInRefused) as locked:
        login.sign_in("1001", WRONG)
    assert locked.value.message == ("This account is locked after 5 wrong PINs. It unlocks at 14:15, "
                                    "or a manager can unlock it.")
    assert user(terminal, "1001").locked_until == clock.now + timedelta(minutes=15)

    # Locked: even the right PIN is refused, and is not checked.
    with pytest.raises(SignInRefused) as still:
        login.sign_in("1001", pins["1001"])
    assert "locked" in still.value.message
    actions = [e.action for e in audit(terminal)]
    assert actions == ["staff.sign_in_failed"] * 5 + ["staff.locked", "staff.sign_in_failed"]
    assert audit(terminal)[-1].details == {"reason": "locked"}

    # Once the lock runs out, the right PIN works again.
    clock.now += timedelta(minutes=15, seconds=1)
    assert login.sign_in("1001", pins["1001"]).staff_code == "1001"
    assert user(terminal, "1001").failed_login_attempts == 0


def test_a_manager_unlocks_a_locked_account_and_a_cashier_cannot(terminal, login, pins):
    for _ in range(5):
        with pytest.raises(SignInRefused):
            login.sign_in("1001", WRONG)
    with pytest.raises(NotPermitted):
        login.unlock("1001", by=staff(terminal, "1001"))

    login.unlock("1001", by=staff(terminal, "2001"))
    assert login.sign_in("1001", pins["1001"]).staff_code == "1001"
    unlocked = next(e for e in audit(terminal) if e.action == "staff.unlocked")
    assert unlocked.staff_id == staff(terminal, "2001").id and unlocked.entity_id == "1001"
    assert unlocked.details == {"was_locked": True}


def test_an_unknown_code_is_refused_without_storing_what_was_typed(terminal, login):
    with pytest.raises(SignInRefused) as refused:
        login.sign_in("1234", WRONG)
    assert refused.value.message == "No staff member has the code 1234."
    (entry,) = audit(terminal)
    assert entry.action == "staff.sign_in_failed" and entry.staff_id is None
    assert "1234" not in str(entry.details) and entry.entity_id is None


def test_an_override_by_a_cashier_is_refused_and_by_a_manager_approved(terminal, login, pins):
    with pytest.raises(OverrideRefused) as refused:
        login.verify_override("1001", pins["1001"], action="discount.cart")
    assert refused.value.message == "Maya Tremblay is a cashier; a manager or admin must approve this."

    approver = login.verify_override("2001", pins["2001"], action="discount.cart")
    assert approver == staff(terminal, "2001")
    with pytest.raises(OverrideRefused) as wrong:
        login.verify_override("9001", WRONG, action="refund.create")
    assert "4 tries left" in wrong.value.message

    entries = [(e.action, e.details) for e in audit(terminal)]
    assert entries == [
        ("override.refused", {"action": "discount.cart", "reason": "not_a_manager"}),
        ("override.approved", {"action": "discount.cart"}),
        ("staff.sign_in_failed", {"action": "refund.create", "reason": "wrong_pin", "failures": 1}),
        ("override.refused", {"action": "refund.create", "reason": "wrong_pin"}),
    ]
    approved = next(e for e in audit(terminal) if e.action == "override.approved")
    assert approved.approved_by == approver.id


def test_no_pin_ever_reaches_the_audit_trail_or_the_log(terminal, login, caplog, pins):
    caplog.set_level(logging.DEBUG)
    for code in ("1001", "2001"):
        login.sign_in(code, pins[code])
    for _ in range(5):
        with pytest.raises(SignInRefused):
            login.sign_in("9001", "271828")
    with pytest.raises(OverrideRefused):
        login.verify_override("1001", pins["1001"], action="drawer.no_sale")

    # What a PIN could leak into: the entries' details and entity ids, as stored and as queued for the hub.
    with terminal.session_factory() as session:
        entries = session.execute(select(AuditLog.details, AuditLog.entity_id)).all()
        queued = list(session.scalars(select(SyncOutbox.args)))  # audit entries and the lock, all of each
    stored = repr(entries) + repr(queued)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert any("until" in details for details, _ in entries), "the account locked"
    assert "Wrong PIN for staff 9001" in logged
    for pin in (*pins.values(), "271828"):
        # As a value of its own: the entries' ids and hashes are random hex, and four digits turn up inside them
        # by chance ("...ce5212689...").
        alone = re.compile(rf"(?<![0-9A-Za-z]){pin}(?![0-9A-Za-z])")
        assert not alone.search(stored) and not alone.search(logged), pin
