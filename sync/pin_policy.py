"""How long a staff PIN must be, by role: the one rule every place that sets a PIN (demo data, the hub's seed,
the console, the register's "choose your new PIN") checks before hashing it.

A cashier's PIN guards a till; a manager's or admin's approves refunds, voids and overrides and unlocks other
accounts, so it has at least 6 digits (a million tries rather than ten thousand).
"""

from __future__ import annotations

from sync.sentence import Sentence

MIN_PIN_DIGITS = {"cashier": 4, "manager": 6, "admin": 6}
MAX_PIN_DIGITS = 8
_ROLE_WORDS = {"cashier": Sentence("cashier"), "manager": Sentence("manager"), "admin": Sentence("admin")}


def pin_problem(pin: str, role: str) -> Sentence | None:
    """A sentence saying what is wrong with this PIN for this role, or None when it will do."""
    least = MIN_PIN_DIGITS.get(role, max(MIN_PIN_DIGITS.values()))
    if not (pin.isascii() and pin.isdigit()):
        return Sentence("A PIN is digits only (0-9). Choose another PIN.")
    if len(pin) < least:
        return Sentence("A %(role)s's PIN has at least %(least)s digits; this one has %(count)s. Choose a longer "
                        "PIN.", role=_ROLE_WORDS.get(role, role), least=least, count=len(pin))
    if len(pin) > MAX_PIN_DIGITS:
        return Sentence("A PIN has at most %(most)s digits. Choose a shorter PIN.", most=MAX_PIN_DIGITS)
    if len(set(pin)) == 1:
        return Sentence("A PIN of one digit repeated is too easy to guess. Choose another PIN.")
    return None
