"""Staff roles and how far each may discount."""

from decimal import Decimal
from enum import StrEnum


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


DISCOUNT_CAP_PERCENT: dict[Role, Decimal] = {
    Role.CASHIER: Decimal("10"),
    Role.MANAGER: Decimal("50"),
    Role.ADMIN: Decimal("100"),
}


def discount_cap(role: Role | str) -> Decimal:
    return DISCOUNT_CAP_PERCENT[Role(role)]


def can_supervise(role: Role | str) -> bool:
    """Voids, refunds, no-sales and overrides need a manager or an admin."""
    return Role(role) in (Role.MANAGER, Role.ADMIN)


# A manager's reason for an override is a few words someone can read later, not a keystroke.
MIN_OVERRIDE_REASON = 4


def override_reason(text: str) -> str | None:
    """The reason as it is kept (spaces tidied, at most 200 characters), or None when it is too short to mean much."""
    reason = " ".join(text.split())[:200]
    return reason if len(reason) >= MIN_OVERRIDE_REASON else None
