"""Failures of the application layer that are not business rules: what is missing, and what to do."""

from __future__ import annotations


class ServiceError(Exception):
    code = "service_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotSetUp(ServiceError):
    code = "not_set_up"


class NoOpenSale(ServiceError):
    code = "no_open_sale"

    def __init__(self) -> None:
        super().__init__("There is no sale in progress. Scan an item to start one.")


class OrderNotFound(ServiceError):
    code = "order_not_found"

    def __init__(self, number: str) -> None:
        super().__init__(f"No sale with receipt number {number} was made at this store. Check the number on the "
                         "receipt and try again.")


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
