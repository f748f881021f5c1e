"""The customer display's screenshot: a cash sale just paid, with its lines, totals, the cash given and the change,
staged on a register the way a cashier gets there (sign in, scan, Pay, a bill bigger than the total)."""

from __future__ import annotations

from pos_app.domain.cash_rounding import next_bills_up


def stage_customer_display(window, terminal, pay, size: tuple[int, int]):
    """``pay``: brings ``window``'s register to the payment dialog with a cart; returns the display, sized."""
    display = window.open_customer_display()
    display.showNormal()
    display.resize(*size)
    pay(window, terminal)
    tender = window.register.dialog
    tender.pay_cash(next_bills_up(terminal.sales.payment_status().cash_remaining, at_most=1)[0])
    return display
