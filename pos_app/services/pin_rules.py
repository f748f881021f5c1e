"""The hub's PIN rule (`sync.pin_policy`, shared with the console) in this terminal's words.

`sync` can't read the terminal's catalog, so its sentences arrive in English with their template and values;
each template is matched here to a catalog key, so a cashier choosing a PIN on a French register reads French.
"""

from __future__ import annotations

from pos_app.i18n.catalog import Message
from sync.pin_policy import pin_problem

_KEYS = {
    "A PIN is digits only (0-9). Choose another PIN.": "pin_policy.digits_only",
    "A %(role)s's PIN has at least %(least)s digits; this one has %(count)s. Choose a longer PIN.":
        "pin_policy.too_short",
    "A PIN has at most %(most)s digits. Choose a shorter PIN.": "pin_policy.too_long",
    "A PIN of one digit repeated is too easy to guess. Choose another PIN.": "pin_policy.one_digit",
}


def pin_refusal(pin: str, role: str) -> str | None:
    """Why this PIN won't do for this role, in the terminal's language; None when it will."""
    problem = pin_problem(pin, role)
    if problem is None:
        return None
    key = _KEYS.get(problem.template)
    if key is None:  # a rule added to sync.pin_policy and not worded here yet: its English still says it
        return problem
    values = dict(problem.values)
    if "role" in values:
        values["role"] = Message(f"role.{role}") if role in ("cashier", "manager", "admin") else str(values["role"])
    return Message(key, **values)
