"""The demo's staff list, shown at every start: names and PINs that really sign in, and never a wrong PIN."""

from __future__ import annotations

from pos_app.services.demo_data import demo_staff, sign_in_lines
from tests.conftest import DEMO_SEED


def test_the_demo_staff_are_listed_by_name_with_pins_that_sign_in(terminal):
    shown = demo_staff(terminal.session_factory, terminal.pin_pepper, seed=DEMO_SEED)
    assert [(login.staff_code, login.name, login.role) for login in shown] == [
        ("1001", "Maya Tremblay", "cashier"), ("2001", "Daniel Okafor", "manager"), ("9001", "Priya Sharma", "admin")]
    for login in shown:
        assert terminal.login.sign_in(login.staff_code, login.pin).name == login.name
    assert sign_in_lines(shown) == ["Staff sign-in (staff code / PIN):"] + [
        f"  {login.role:<8} {login.name:<24} {login.staff_code} / {login.pin}" for login in shown]


def test_a_pin_the_terminal_does_not_accept_is_never_shown(terminal):
    # The store was made from another seed, so that seed's PINs are not these staff's: nobody is listed.
    assert demo_staff(terminal.session_factory, terminal.pin_pepper, seed=DEMO_SEED + 1) == []
