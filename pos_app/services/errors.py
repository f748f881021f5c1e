"""Failures of the application layer that are not business rules: what is missing, and what to do."""

from __future__ import annotations

from pos_app.domain.money import Money


class ServiceError(Exception):
    code = "service_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotSetUp(ServiceError):
    code = "not_set_up"


class NotFound(ServiceError):
    """A code, number or name that names nothing in this store's replica."""

    code = "not_found"


class NoOpenSale(ServiceError):
    code = "no_open_sale"

    def __init__(self) -> None:
        super().__init__("There is no sale in progress. Scan an item to start one.")


class OrderNotFound(ServiceError):
    code = "order_not_found"

    def __init__(self, number: str) -> None:
        super().__init__(f"No sale with receipt number {number} was made at this store. Check the number on the "
                         "receipt and try again.")


class SignInRefused(ServiceError):
    code = "sign_in_refused"


class NewPinNeeded(ServiceError):
    """The PIN was right but a manager set it: the cashier chooses their own before signing in."""

    code = "new_pin_needed"

    def __init__(self, member) -> None:
        super().__init__(f"{member.name}, your PIN was set by a manager. Choose a new PIN of your own.")
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
        super().__init__("A sale is in progress. Finish it or park it before bringing back a parked one.")


class ParkedSaleGone(ServiceError):
    code = "parked_sale_gone"

    def __init__(self) -> None:
        super().__init__("That parked sale was already brought back or removed. Refresh the list.")


class StaffNotFound(ServiceError):
    code = "staff_not_found"

    def __init__(self, staff_code: str) -> None:
        super().__init__(f"No staff member has the code {staff_code}. Check the code and try again.")
        self.staff_code = staff_code


class ShiftAlreadyOpen(ServiceError):
    code = "shift_already_open"


class NoOpenShift(ServiceError):
    code = "no_open_shift"

    def __init__(self) -> None:
        super().__init__("No shift is open on this till. Open a shift and count the float first.")


class CashMovementRefused(ServiceError):
    code = "cash_movement_refused"


class VarianceNeedsManager(ServiceError):
    code = "variance_needs_manager"

    def __init__(self, variance: Money, limit: Money | None = None) -> None:
        short_or_over = "short" if variance.is_negative() else "over"
        allowed = f", more than the {limit} allowed" if limit is not None else ""
        super().__init__(
            f"The drawer is {abs(variance)} {short_or_over}{allowed}. A manager must approve closing the "
            "shift: count the drawer again, or ask a manager to enter their PIN."
        )
        self.variance = variance
        self.limit = limit
