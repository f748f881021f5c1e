"""PIN lockouts that hold: a full resync keeps a terminal's lock, a lock on one terminal reaches the others through
the hub, and only a manager's unlock (or time) opens it, on every terminal."""

from __future__ import annotations

from functools import cache

import pytest
from sqlalchemy import select, update

from demo import generate_demo_tenant
from pos_app.persistence.models import SyncOutbox, SyncState, User
from pos_app.services.errors import SignInRefused
from pos_app.services.staff import find_staff
from sync.hub.models import User as HubUser
from tests.conftest import DEMO_PRODUCTS, DEMO_SEED, DEMO_TODAY

CASHIER, MANAGER = "1001", "2001"


@cache
def _pins() -> dict[str, str]:
    return dict(generate_demo_tenant(products=DEMO_PRODUCTS, seed=DEMO_SEED, today=DEMO_TODAY).pins)


def _lock(till, staff_code: str) -> None:
    login = till.terminal.login
    for _ in range(5):
        with pytest.raises(SignInRefused):
            login.sign_in(staff_code, "000000")


def _local(till, staff_code: str) -> User:
    with till.terminal.session_factory() as session:
        return session.scalars(select(User).where(User.staff_code == staff_code)).one()


def _full_resync(till) -> None:
    with till.terminal.session_factory() as session:
        session.execute(update(SyncState).values(pull_cursor=None))
        session.commit()
    till.sync.engine.pull()


def _unlock_on_the_hub(hub, staff_code: str) -> None:
    # Put the hub's row back as it was before any lock reached it, as a stale re-send would carry it.
    with hub.db.write() as session:
        session.execute(update(HubUser).where(HubUser.staff_code == staff_code)
                        .values(failed_login_attempts=0, locked_until=None))


def test_a_full_resync_keeps_the_terminals_lock_and_its_failure_count(hub, proxy, make_till):
    till = make_till(proxy.url)
    _unlock_on_the_hub(hub, CASHIER)
    login = till.terminal.login
    for _ in range(2):
        with pytest.raises(SignInRefused):
            login.sign_in(CASHIER, "000000")
    _lock(till, MANAGER)
    _full_resync(till)  # offline, nothing pushed: the hub's rows say 0 failures and no lock
    assert _local(till, CASHIER).failed_login_attempts == 2
    locked = _local(till, MANAGER)
    assert locked.failed_login_attempts == 5 and locked.locked_until is not None
    with pytest.raises(SignInRefused, match="locked"):
        login.sign_in(MANAGER, _pins()[MANAGER])


def test_a_lock_on_one_terminal_refuses_the_pin_on_another_until_a_manager_unlocks_it(hub, proxy, make_till):
    till_a, till_b = make_till(proxy.url), make_till(proxy.url)
    _unlock_on_the_hub(hub, CASHIER)
    pin = _pins()[CASHIER]
    _lock(till_a, CASHIER)
    with till_a.terminal.session_factory() as session:
        names = list(session.scalars(select(SyncOutbox.name)))
    assert "staff.locked.v1" in names
    till_a.sync.sync_once()
    till_b.sync.sync_once()
    with pytest.raises(SignInRefused, match="locked"):
        till_b.terminal.login.sign_in(CASHIER, pin)

    # A manager unlocks it at terminal B: the unlock reaches A through the hub, and a stale copy does not undo it.
    manager = find_staff(till_b.terminal.session_factory, MANAGER)
    till_b.terminal.login.unlock(CASHIER, by=manager)
    assert till_b.terminal.login.sign_in(CASHIER, pin).staff_code == CASHIER
    till_b.sync.sync_once()
    till_a.sync.sync_once()
    assert till_a.terminal.login.sign_in(CASHIER, pin).staff_code == CASHIER
    _full_resync(till_b)
    assert till_b.terminal.login.sign_in(CASHIER, pin).staff_code == CASHIER
    with hub.db.read() as session:
        row = session.scalars(select(HubUser).where(HubUser.staff_code == CASHIER)).one()
        assert row.locked_until is None and row.failed_login_attempts == 0
