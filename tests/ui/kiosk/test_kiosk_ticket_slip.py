"""Send to counter prints the ticket slip on the kiosk's printer (the simulator over its real socket): the number,
the lines, the total marked as an estimate, and a QR code carrying exactly what the screen's QR code carries. A
printer out of paper never holds the ticket up: the screen says so and shows the code anyway."""

from __future__ import annotations

import pytest

from tests.ui.kiosk.customer_driver import Customer
from tests.ui.kiosk.test_kiosk_pay import kiosk_terminal


@pytest.fixture
def kiosk(terminal, printer):
    with kiosk_terminal(terminal, payment="off", printer_url=f"tcp://127.0.0.1:{printer.port}") as kiosk:
        yield kiosk


@pytest.fixture
def shopper(qtbot, kiosk):
    person = Customer(qtbot, kiosk)
    yield person
    person.leave()


def _fill_cart(customer: Customer) -> list[str]:
    names = []
    for category in ("flower", "edibles"):
        customer.open_category(category)
        customer.tap_tile(0)
        names.append(customer.window.product_page.card.name)
        customer.add_from_page()
        customer.back_to_products()
    customer.open_cart()
    return names


def _send(shopper: Customer, qtbot) -> bool:
    window = shopper.window
    with qtbot.waitSignal(window.sending.slip_done, timeout=10_000) as printed:
        shopper.tap(window.cart_screen.send_button)
        assert window.current is window.ticket  # at once: the ticket never waits for the printer
    return printed.args[0]


def test_send_to_counter_prints_the_ticket_slip_with_the_screens_qr_code(qtbot, shopper, printer):
    shopper.start()
    names = _fill_cart(shopper)
    estimate = shopper.window.cart.totals.total
    assert _send(shopper, qtbot)
    ticket = shopper.window.ticket
    [job] = printer.wait_for_jobs(1, timeout=10)
    assert job.printed
    assert ticket.number.text() in job.text
    for name in names:
        assert name[:20] in job.text
    assert "Estimated total" in job.text and estimate.format() in job.text
    assert "Estimate only" in job.text
    assert job.parsed.qr_codes == [ticket.qr_text]  # the register scans the paper as it scans the screen
    assert ticket.qr_text
    assert "Take your printed ticket" in ticket.note.text()


def test_a_slip_that_does_not_print_leaves_the_ticket_and_its_code_on_screen(qtbot, shopper, printer):
    printer.set_status(paper_end=True)
    shopper.start()
    _fill_cart(shopper)
    assert not _send(shopper, qtbot)
    ticket = shopper.window.ticket
    assert shopper.window.current is ticket
    assert ticket.number.text().startswith("K-")
    assert not ticket.qr.pixmap().isNull()
    assert "did not print" in ticket.note.text()
    assert ticket.number.text() in [sent.number for sent in shopper.terminal.kiosk_tickets.open_tickets()]


def test_a_kiosk_without_a_printer_shows_the_ticket_without_a_word_about_printing(qtbot, customer):
    customer.start()
    _fill_cart(customer)
    assert not _send(customer, qtbot)
    assert "print" not in customer.window.ticket.note.text()
