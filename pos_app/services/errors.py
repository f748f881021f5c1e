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
