"""Receipts, refund slips and Z reports printed to the printer simulator over TCP, read back as text."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from hardware.simulators.printer import PrinterSimulator
from pos_app.domain.cash_count import counts_for
from pos_app.domain.money import Money
from pos_app.domain.tenders import CardApproval
from pos_app.persistence.models import AuditLog, PaymentTransaction
from pos_app.services.devices import build_print_service
from pos_app.services.errors import NotPermitted
from pos_app.services.printing import PrintService
from tests.integration.helpers import product_codes, staff, terminal_with
from tests.integration.test_shifts import FLOAT


@pytest.fixture
def till(terminal, printer_sim):
    with terminal_with(terminal, printer_url=f"tcp://127.0.0.1:{printer_sim.port}") as wired:
        yield wired


@pytest.fixture
def card_till(terminal, printer_sim, card_simulator):
    with terminal_with(terminal, printer_url=f"tcp://127.0.0.1:{printer_sim.port}",
                       payment_url=f"socket://127.0.0.1:{card_simulator.port}") as wired:
        yield wired


def cash_sale(till, cashier):
    """Two lines of dried flower, paid with $20 more than the cash due."""
    sales = till.sales
    sales.start_sale(cashier)
    for product in product_codes(till, "dried_flower", 2):
        sales.scan(product.each_gtin)
    till.age_checks.attest(sales, cashier)
    sales.tender_cash(sales.payment_status().cash_remaining + Money.of("20.00"))
    return sales.complete()


def printed_text(sim: PrinterSimulator, count: int) -> list:
    """The jobs that put something on paper (a drawer kick alone is a job without text)."""
    jobs = sim.wait_for_jobs(count)
    assert len(jobs) >= count, f"expected {count} printer jobs, got {len(jobs)}"
    return [job for job in jobs if job.text.strip()]


def amount_on(text: str, label: str) -> str:
    line = next(line for line in text.splitlines() if line.startswith(label))
    return line.split()[-1]


def test_a_cash_sale_receipt_prints_with_lots_tax_change_and_its_code(till, printer_sim):
    cashier = staff(till, "1001")
    order = cash_sale(till, cashier)
    outcome = till.printing.print_sale(order, cashier.name, open_drawer=True)
    assert outcome.ok and outcome.message is None

    jobs = printer_sim.wait_for_jobs(2)
    assert sum(job.parsed.drawer_pulses for job in jobs) == 1
    (receipt,) = [job for job in jobs if job.text.strip()]
    text = receipt.text
    context = till.context
    for expected in (context.store_name, f"Licence: {context.license_number}", f"Receipt {order.order_number}",
                     "Served by: Maya Tremblay", "Thank you for shopping at Greenleaf!"):
        assert expected in text
    for line in order.lines:
        assert line.allocations and f"Lot: {line.allocations[0].batch_lot}" in text
    assert amount_on(text, "Subtotal") == str(order.subtotal)
    assert amount_on(text, "HST 13%") == str(order.tax_components["HST"])
    assert amount_on(text, "TOTAL") == str(order.total_amount)
    assert amount_on(text, "Cash") == str(order.cash_tendered)
    assert amount_on(text, "Change") == str(order.change_due) == "$20.00"
    if order.cash_rounding:
        assert amount_on(text, "Cash rounding") == str(order.cash_rounding)
    assert receipt.parsed.qr_codes == [f"R:{order.order_number}"]
    assert receipt.printed and receipt.png_path is not None and receipt.png_path.exists()
    assert receipt.png_path.with_suffix(".txt").read_text(encoding="utf-8") == text


def test_a_card_receipt_shows_the_discount_and_the_card_by_brand_last_four_and_auth_code(till, printer_sim):
    cashier = staff(till, "1001")
    sales = till.sales
    sales.start_sale(cashier)
    line = sales.scan(product_codes(till, "pre_roll")[0].each_gtin)
    sales.discount_line(line.line_id, percent=Decimal("10"))
    total = sales.totals().total
    till.age_checks.attest(sales, cashier)
    # What the card terminal's approval becomes on the sale (the terminal itself is tested with the shift).
    sales.tender_card(CardApproval(total, "P0123456789ABCDEF", "4242", "VISA", "A1B2C3"))
    order = sales.complete()
    assert till.printing.print_sale(order, cashier.name, open_drawer=False).ok

    (receipt,) = printed_text(printer_sim, 1)
    discount = order.lines[0].discount
    assert discount and amount_on(receipt.text, f"Discount, {line.product.name}") == str(-discount)
    assert amount_on(receipt.text, "Subtotal") == str(order.subtotal)
    assert amount_on(receipt.text, "VISA ****4242 Auth A1B2C3") == str(total)
    assert "Change" not in receipt.text and "Cash rounding" not in receipt.text


def test_a_refund_slip_and_a_z_report_print_and_the_report_has_no_receipt_code(till, printer_sim):
    cashier, manager = staff(till, "1001"), staff(till, "2001")
    shift = till.shifts.open_shift(cashier, FLOAT)
    till.sales.cash_session_id = shift.id
    order = cash_sale(till, cashier)
    refund = till.refunds.refund(order.order_number, {order.lines[0].line_id: 1}, staff=manager, method="cash")
    z = till.shifts.close_shift(cashier, counts_for(Money.of("200.00") + order.amount_paid - refund.cash_total()))

    assert till.printing.print_refund(refund, order, manager.name, open_drawer=False).ok
    assert till.printing.print_report(z).ok
    slip, report = printed_text(printer_sim, 2)

    assert "REFUND" in slip.text and f"Receipt {order.order_number}" in slip.text
    assert amount_on(slip.text, "TOTAL") == str(refund.total)
    assert amount_on(slip.text, "Cash refund") == str(refund.cash_total())
    assert slip.parsed.qr_codes == [f"R:{order.order_number}"]

    text = report.text
    assert "Z REPORT" in text and "Z report, terminal 1" in text
    assert amount_on(text, "Gross sales") == str(z.gross_sales)
    assert amount_on(text, "Net sales") == str(z.net_sales)
    assert amount_on(text, "Cash refunds") == str(-refund.cash_total())
    assert amount_on(text, "Expected cash") == str(z.expected_cash)
    assert amount_on(text, "Counted cash") == str(z.counted_cash)
    assert amount_on(text, "Variance") == "$0.00"
    assert report.parsed.qr_codes == [] and report.parsed.barcodes == []
    assert all(len(line) <= 48 for line in text.splitlines())


def split_sale(till, cashier, card_amount: Money):
    """Two lines of dried flower: part on the card through the card terminal, the rest in cash."""
    sales = till.sales
    sales.start_sale(cashier)
    for product in product_codes(till, "dried_flower", 2):
        sales.scan(product.each_gtin)
    till.age_checks.attest(sales, cashier)
    if card_amount:
        till.card_payments.charge(sales, card_amount)
    if not sales.payment_status().is_settled:
        sales.tender_cash(sales.payment_status().cash_remaining)
    return sales.complete()


def refund_to_card(till, order, line, manager):
    """As the register does it: the card terminal pays the refund back, then the refund is recorded."""
    refund_id = uuid.uuid4()
    amount = till.refunds.preview(order.order_number, {line.line_id: 1}).total
    approval = till.card_payments.refund_to_card(refund_id, amount)
    refund = till.refunds.refund(order.order_number, {line.line_id: 1}, staff=manager, approver=manager,
                                 method="card", card_approval=approval, refund_id=refund_id)
    return refund, approval


def print_slip(till, printer_sim, refund, order, manager, jobs_so_far: int) -> str:
    # As the register prints it: the refund as recorded, and nothing else about how its money went back.
    assert till.printing.print_refund(refund, order, manager.name, open_drawer=False).ok
    return printed_text(printer_sim, jobs_so_far + 1)[-1].text


def refunded_method(till, refund) -> str:
    with till.session_factory() as session:
        return session.scalars(select(PaymentTransaction.payment_method)
                               .where(PaymentTransaction.refund_id == refund.refund_id)).one()


def test_a_card_refund_slip_names_the_card_the_money_went_back_to(card_till, printer_sim, card_simulator):
    cashier, manager = staff(card_till, "1001"), staff(card_till, "2001")
    sale = card_till.sales
    sale.start_sale(cashier)
    sale.scan(product_codes(card_till, "dried_flower")[0].each_gtin)
    card_till.age_checks.attest(sale, cashier)
    card_till.card_payments.charge(sale, sale.payment_status().card_remaining)
    order = sale.complete()
    refund, approval = refund_to_card(card_till, order, order.lines[0], manager)
    assert card_simulator.captured_cents() == 0 and refunded_method(card_till, refund) == "card"

    text = print_slip(card_till, printer_sim, refund, order, manager, 0)
    assert "REFUND" in text and f"Receipt {order.order_number}" in text
    assert amount_on(text, f"Card refund {approval.brand} ****{approval.last4} Auth {approval.auth_code}") \
        == str(refund.total)
    assert "Cash" not in text


def test_a_cash_refund_slip_says_cash_and_the_rounded_amount_handed_back(till, printer_sim):
    cashier, manager = staff(till, "1001"), staff(till, "2001")
    order = cash_sale(till, cashier)
    refund = till.refunds.refund(order.order_number, {order.lines[1].line_id: 1}, staff=manager, method="cash")
    assert refunded_method(till, refund) == "cash"

    text = print_slip(till, printer_sim, refund, order, manager, 0)
    assert amount_on(text, "Cash refund") == str(refund.cash_total())
    assert "****" not in text and "Card" not in text


def test_a_split_sale_refunded_part_to_the_card_and_part_in_cash_prints_each_tender(card_till, printer_sim):
    cashier, manager = staff(card_till, "1001"), staff(card_till, "2001")
    order = split_sale(card_till, cashier, Money.of("50.00"))
    assert order.card_paid == Money.of("50.00") and order.cash_tendered
    to_card, approval = refund_to_card(card_till, order, order.lines[0], manager)
    in_cash = card_till.refunds.refund(order.order_number, {order.lines[1].line_id: 1}, staff=manager,
                                       method="cash")

    card_slip = print_slip(card_till, printer_sim, to_card, order, manager, 0)
    cash_slip = print_slip(card_till, printer_sim, in_cash, order, manager, 1)
    assert amount_on(card_slip, f"Card refund {approval.brand} ****{approval.last4}") == str(to_card.total)
    assert "Cash" not in card_slip
    assert amount_on(cash_slip, "Cash refund") == str(in_cash.cash_total())
    assert "****" not in cash_slip
    assert (refunded_method(card_till, to_card), refunded_method(card_till, in_cash)) == ("card", "cash")


def test_paper_out_is_told_at_once_and_reprint_works_once_paper_is_loaded(till, printer_sim):
    # No automatic retries: the receipt waits for Reprint.
    printing = build_print_service(till.settings, till.context, till.session_factory, retry_delays_s=())
    try:
        cashier = staff(till, "1001")
        order = cash_sale(till, cashier)
        printer_sim.set_status(paper_end=True)
        assert printing.printer_status_label() == "Printer: paper out"

        outcome = printing.print_sale(order, cashier.name, open_drawer=False)
        assert not outcome.ok
        assert outcome.message == ("The receipt did not print: the printer is out of paper. "
                                   "Fix it, then press Reprint.")
        assert printing.printer_status_label() == "Printer: paper out · 1 to reprint"
        assert not any(job.printed and job.text.strip() for job in printer_sim.jobs)

        printer_sim.set_status(paper_end=False)
        assert printing.reprint_last().ok
        (receipt,) = [job for job in printer_sim.wait_for_jobs(1) if job.printed and job.text.strip()]
        assert f"Receipt {order.order_number}" in receipt.text
        assert printing.printer_status_label() == "Printer: ready"
    finally:
        printing.close()


def test_a_no_sale_needs_a_manager_and_is_audited(till, printer_sim):
    cashier, manager = staff(till, "1001"), staff(till, "2001")
    with pytest.raises(NotPermitted) as refused:
        till.printing.open_drawer(cashier)
    assert "needs a manager" in refused.value.message

    assert till.printing.open_drawer(cashier, approver=manager).ok
    assert till.printing.open_drawer(manager).ok
    jobs = printer_sim.wait_for_jobs(2)
    assert sum(job.parsed.drawer_pulses for job in jobs) == 2
    with till.session_factory() as session:
        opened = session.scalars(select(AuditLog).where(AuditLog.action == "drawer.opened")).all()
    assert [(e.staff_id, e.approved_by, e.details) for e in opened] == [
        (cashier.id, manager.id, {"reason": "no_sale"}),
        (manager.id, None, {"reason": "no_sale"}),
    ]


def test_without_a_printer_nothing_prints_and_the_sale_goes_on(terminal):
    printing = PrintService(None, terminal.context)
    cashier = staff(terminal, "1001")
    order = cash_sale(terminal, cashier)
    outcome = printing.print_sale(order, cashier.name, open_drawer=True)
    assert not outcome.ok and "No receipt printer is set up" in outcome.message
    assert printing.printer_status_label() == "Printer: not set up"
    assert terminal.printing.printer_status_label() == "Printer: not set up"
    assert terminal.card_terminal is None and terminal.card_payments is None


def test_an_unreachable_printer_is_told_in_a_sentence_within_the_wait(terminal):
    with terminal_with(terminal, printer_url="tcp://127.0.0.1:9") as wired:  # the discard port: nothing listens
        cashier = staff(terminal, "1001")
        outcome = wired.printing.print_sale(cash_sale(terminal, cashier), cashier.name, open_drawer=False)
        assert not outcome.ok
        assert outcome.message.startswith("The receipt did not print: the receipt printer at tcp://127.0.0.1:9 "
                                          "cannot be reached")
        assert wired.printing.printer_status_label() == "Printer: not connected"
    assert not [t for t in threading.enumerate() if t.name == "print queue"], "close() stops the print queue"
