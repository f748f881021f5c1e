"""Age checks, voids, parked sales and search, on a demo store, as the register uses them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos_app.domain.errors import AgeNotVerified
from pos_app.domain.money import Money
from pos_app.persistence.models import AgeVerificationLog, AuditLog, OcsInventoryTransaction, SyncOutbox
from pos_app.persistence.models import Order as OrderRow
from pos_app.services.card_payments import CardPayments
from pos_app.services.errors import NotPermitted, ParkedSaleGone, SaleInProgress
from pos_app.services.voids import VoidRefused, VoidService
from sync.mutations import AgeVerificationLoggedV1, OrderVoidedV1
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import product_codes, staff


@pytest.fixture
def cashier(terminal):
    return staff(terminal, "1001")


@pytest.fixture
def manager(terminal):
    return staff(terminal, "2001")


def _cart(terminal, cashier, form="dried_flower"):
    sales = terminal.sales
    sales.start_sale(cashier)
    sales.scan(product_codes(terminal, form)[0].each_gtin)
    return sales


def _outbox(terminal, name):
    with terminal.session_factory() as session:
        return session.scalars(select(SyncOutbox).where(SyncOutbox.name == name)).all()


# --- age checks ---------------------------------------------------------------------------------------------

def test_a_minors_licence_is_refused_logged_and_the_sale_still_cannot_be_paid(terminal, cashier):
    sales = _cart(terminal, cashier)
    card = terminal.age_checks.read_id(ontario_licence(years_ago(17)))
    outcome = terminal.age_checks.check_id(sales, card, cashier)

    assert not outcome.passed and "17" in outcome.message and "19" in outcome.message
    with pytest.raises(AgeNotVerified):
        sales.tender_cash(Money.of("100"))
    with terminal.session_factory() as session:
        log = session.scalars(select(AgeVerificationLog)).one()
    assert (log.method, log.result, log.customer_age, log.min_age) == ("id_scan", "failed", 17, 19)
    assert log.id_number_hash and "D1234" not in log.id_number_hash
    [row] = _outbox(terminal, "age_verification.logged.v1")
    assert AgeVerificationLoggedV1.model_validate(row.args).result == "failed"
    assert "D1234" not in str(row.args), "the ID number never leaves the reader"


def test_an_adults_licence_passes_and_payment_can_be_taken(terminal, cashier):
    sales = _cart(terminal, cashier)
    outcome = terminal.age_checks.check_id(sales, terminal.age_checks.read_id(ontario_licence(years_ago(25))),
                                           cashier)
    assert outcome.passed and outcome.age == 25
    sales.tender_cash(Money.of("200"))
    assert sales.payment_status().is_settled


def test_an_expired_licence_fails_and_an_unreadable_one_gives_a_sentence(terminal, cashier):
    sales = _cart(terminal, cashier)
    expired = terminal.age_checks.read_id(ontario_licence(years_ago(40), expires=years_ago(1)))
    assert not terminal.age_checks.check_id(sales, expired, cashier).passed
    with pytest.raises(Exception) as unreadable:
        terminal.age_checks.read_id("@\n\x1e\rANSI 636012080102DL00000010DLDAQ1\r")
    assert "Scan it again" in unreadable.value.message or "by eye" in unreadable.value.message
    assert sales.sale.needs_age_check


# --- voids --------------------------------------------------------------------------------------------------

def _sell_cash(terminal, cashier, shift_id):
    sales = _cart(terminal, cashier)
    sales.cash_session_id = shift_id
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of("200"))
    return sales.complete()


def _open_shift_row(terminal, cashier):
    import uuid

    from pos_app.persistence.models import CashSession
    with terminal.session_factory() as session:
        row = CashSession(id=uuid.uuid4(), store_id=terminal.context.store_id, terminal_no=1, opened_by=cashier.id,
                          opening_float=Money.of("100").amount)
        session.add(row)
        session.commit()
        return row.id


def test_a_manager_voids_a_cash_sale_of_this_shift_and_the_stock_comes_back(terminal, cashier, manager):
    shift = _open_shift_row(terminal, cashier)
    order = _sell_cash(terminal, cashier, shift)
    with pytest.raises(NotPermitted):
        terminal.voids.void(order.order_number, staff=cashier, approver=None, current_shift_id=shift)

    terminal.voids.void(order.order_number, staff=cashier, approver=manager, current_shift_id=shift,
                        reason="customer changed mind")

    with terminal.session_factory() as session:
        assert session.get(OrderRow, order.order_id).status == "voided"
        stock = session.execute(select(OcsInventoryTransaction.transaction_type, OcsInventoryTransaction.quantity)
                                .where(OcsInventoryTransaction.reference_id == order.order_id)).all()
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "order.voided")).one()
    assert sorted(stock) == [("sale", -1), ("void", 1)]
    assert audit.approved_by == manager.id
    [row] = _outbox(terminal, "order.voided.v1")
    args = OrderVoidedV1.model_validate(row.args)
    assert args.approved_by == manager.id and [d.quantity_delta for d in args.inventory_deltas] == [1]
    with pytest.raises(VoidRefused, match="already voided"):
        terminal.voids.void(order.order_number, staff=manager, approver=None, current_shift_id=shift)


def test_a_sale_of_another_shift_cannot_be_voided(terminal, cashier, manager):
    order = _sell_cash(terminal, cashier, _open_shift_row(terminal, cashier))
    with pytest.raises(VoidRefused, match="Refund it instead"):
        terminal.voids.void(order.order_number, staff=manager, approver=None,
                            current_shift_id=_open_shift_row(terminal, cashier))


def test_voiding_a_card_sale_reverses_the_charge_at_the_terminal(terminal, cashier, manager, card_simulator,
                                                                 card_port):
    shift = _open_shift_row(terminal, cashier)
    sales = _cart(terminal, cashier)
    sales.cash_session_id = shift
    terminal.age_checks.attest(sales, cashier)
    CardPayments(terminal.session_factory, card_port).charge(sales, sales.sale.totals.total)
    order = sales.complete()
    assert card_simulator.captured_cents() == order.total_amount.cents

    VoidService(terminal.session_factory, card_port).void(order.order_number, staff=manager, approver=None,
                                                     current_shift_id=shift)
    assert card_simulator.captured_cents() == 0, "the card charge was reversed"


def test_a_split_card_sale_whose_second_reversal_is_refused_says_what_was_reversed_and_can_be_voided_again(
        terminal, cashier, manager, card_simulator, card_port):
    shift = _open_shift_row(terminal, cashier)
    sales = _cart(terminal, cashier)
    sales.cash_session_id = shift
    terminal.age_checks.attest(sales, cashier)
    payments = CardPayments(terminal.session_factory, card_port)
    payments.charge(sales, Money.of("10.00"))
    payments.charge(sales, sales.sale.totals.total - Money.of("10.00"))
    order = sales.complete()
    second = order.tenders[-1].approval
    # The simulator has no scripted refusal for a reversal; a terminal that no longer knows the payment
    # (replaced, or reset) answers "not found", which is what taking it out of the journal gives.
    lost = card_simulator.journal.pop(second.reference)
    voids = VoidService(terminal.session_factory, card_port)

    with pytest.raises(VoidRefused) as refused:
        voids.void(order.order_number, staff=manager, approver=None, current_shift_id=shift)
    assert f"card payment of {second.amount}" in refused.value.message
    assert "$10.00 was reversed" in refused.value.message and "not voided yet" in refused.value.message
    assert card_simulator.captured_cents() == 0, "the first card is reversed; the second is unknown to the terminal"
    with terminal.session_factory() as session:
        assert session.get(OrderRow, order.order_id).status == "completed"

    card_simulator.journal[second.reference] = lost  # the terminal finds it again
    voids.void(order.order_number, staff=manager, approver=None, current_shift_id=shift)
    assert card_simulator.captured_cents() == 0
    assert card_simulator.journal[second.reference].status.value == "voided"
    with terminal.session_factory() as session:
        assert session.get(OrderRow, order.order_id).status == "voided"
    assert len(_outbox(terminal, "order.voided.v1")) == 1


# --- parked sales -------------------------------------------------------------------------------------------

def test_a_parked_sale_survives_a_restart_and_comes_back_once(terminal, cashier):
    from pos_app.services.selling import SaleService

    sales = _cart(terminal, cashier, "edible")
    sales.scan(product_codes(terminal, "edible")[0].each_gtin)
    line = sales.sale.lines[0]
    sales.discount_line(line.line_id, percent=__import__("decimal").Decimal(10))
    total = sales.sale.totals.total
    parked = sales.park("Blue jacket")
    assert not sales.has_open_sale

    other = SaleService(terminal.session_factory, terminal.context)  # as after a restart
    other.start_sale(cashier)
    assert [p.label for p in other.parked()] == ["Blue jacket"]
    other.scan(product_codes(terminal, "beverage")[0].each_gtin)
    with pytest.raises(SaleInProgress):
        other.resume(parked.id)
    other.cancel_sale()
    other.start_sale(cashier)
    assert other.resume(parked.id) == []
    assert other.sale.totals.total == total and other.sale.lines[0].quantity == 2
    assert other.sale.needs_age_check, "the age check is done again when the customer comes back"
    with pytest.raises(ParkedSaleGone):
        sales.resume(parked.id)


# --- search -------------------------------------------------------------------------------------------------

def test_search_finds_by_name_brand_sku_and_exact_gtin_with_stock(terminal):
    product = product_codes(terminal, "dried_flower")[0]
    word = product.product_name.split()[0]
    assert any(h.sku == product.ocs_variant_number for h in terminal.catalog.search(word.lower(), 200))
    assert any(h.sku == product.ocs_variant_number for h in terminal.catalog.search(product.brand_name, 200))
    [hit] = terminal.catalog.search(product.each_gtin)
    assert hit.sku == product.ocs_variant_number and hit.on_hand > 0
    assert terminal.catalog.search("%") == [] or all("%" in h.name for h in terminal.catalog.search("%"))
    assert terminal.catalog.search("   ") == []
