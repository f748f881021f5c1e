"""Staff roles and how far each may discount (the limits are the hub's too: sync.staff_rules)."""

from decimal import Decimal
from enum import StrEnum

from sync.staff_rules import ROLE_DISCOUNT_CAP_PERCENT


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


DISCOUNT_CAP_PERCENT: dict[Role, Decimal] = {Role(role): cap for role, cap in ROLE_DISCOUNT_CAP_PERCENT.items()}


def discount_cap(role: Role | str, own: Decimal | None = None) -> Decimal:
    """``own``: the staff member's own limit, set on the hub; it replaces the role's when there is one."""
    return own if own is not None else DISCOUNT_CAP_PERCENT[Role(role)]


def can_supervise(role: Role | str) -> bool:
    """Voids, refunds, no-sales and overrides need a manager or an admin."""
    return Role(role) in (Role.MANAGER, Role.ADMIN)


# A manager's reason for an override is a few words someone can read later, not a keystroke.
MIN_OVERRIDE_REASON = 4


def override_reason(text: str) -> str | None:
    """The reason as it is kept (spaces tidied, at most 200 characters), or None when it is too short to mean much."""
    reason = " ".join(text.split())[:200]
    return reason if len(reason) >= MIN_OVERRIDE_REASON else None
