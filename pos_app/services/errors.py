"""Failures of the application layer that are not business rules: what is missing, and what to do.

Like the domain's errors, each carries a catalog key (its code, or `code.variant`) and parameters, and is worded
in the terminal's current language when read (pos_app.i18n.errors).
"""

from __future__ import annotations

from pos_app.domain.money import Money
from pos_app.i18n.errors import LocalizedError


class ServiceError(LocalizedError):
    code = "service_error"


class NotSetUp(ServiceError):
    code = "not_set_up"


class NotFound(ServiceError):
    """A code, number or name that names nothing in this store's replica."""

    code = "not_found"


class NoOpenSale(ServiceError):
    code = "no_open_sale"

    def __init__(self) -> None:
        super().__init__()


class OrderNotFound(ServiceError):
    code = "order_not_found"

    def __init__(self, number: str) -> None:
        super().__init__(number=number)


class SignInRefused(ServiceError):
    code = "sign_in_refused"


class NewPinNeeded(ServiceError):
    """The PIN was right but a manager set it: the cashier chooses their own before signing in."""

    code = "new_pin_needed"

    def __init__(self, member) -> None:
        super().__init__(name=member.name)
        self.member = member


class NewPinRefused(ServiceError):
    code = "new_pin_refused"


class OverrideRefused(SignInRefused):
    """A manager override refused: a wrong PIN, a locked account, or someone who may not approve."""

    code = "override_refused"


class NotPermitted(ServiceError):
    code = "not_permitted"


class SaleInProgress(ServiceError):
    code = "sale_in_progress"

    def __init__(self) -> None:
        super().__init__()


class ParkedSaleGone(ServiceError):
    code = "parked_sale_gone"

    def __init__(self) -> None:
        super().__init__()


class StaffNotFound(ServiceError):
    code = "staff_not_found"

    def __init__(self, staff_code: str) -> None:
        super().__init__(staff_code=staff_code)
        self.staff_code = staff_code


class ShiftAlreadyOpen(ServiceError):
    code = "shift_already_open"


class NoOpenShift(ServiceError):
    code = "no_open_shift"

    def __init__(self) -> None:
        super().__init__()


class CashMovementRefused(ServiceError):
    code = "cash_movement_refused"


class VarianceNeedsManager(ServiceError):
    code = "variance_needs_manager"

    def __init__(self, variance: Money, limit: Money | None = None) -> None:
        key = f"variance_needs_manager.{'short' if variance.is_negative() else 'over'}"
        if limit is not None:
            super().__init__(key + "_limit", variance=abs(variance), limit=limit)
        else:
            super().__init__(key, variance=abs(variance))
        self.variance = variance
        self.limit = limit
