"""What holds a sale back, as the register's services apply it: a refused ID (until a manager overrides it, with
a reason, audited) and a line the stock can't cover (until it is removed)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from pos_app.domain.errors import AttestationAfterRefusal, UnsellableItem
from pos_app.domain.money import Money
from pos_app.persistence.audit import verify_audit_chain
from pos_app.persistence.models import AgeVerificationLog, AuditLog, BatchTracking, OcsInventory, OcsProduct, SyncOutbox
from pos_app.services.age_checks import OverrideReasonMissing
from pos_app.services.selling import SaleService
from sync.mutations import AgeVerificationLoggedV1
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import count_rows, sellable_products, staff


@pytest.fixture
def cashier(terminal):
    return staff(terminal, "1001")


@pytest.fixture
def refused(terminal, cashier):
    """A sale of flower whose customer's ID said 17."""
    sales = terminal.sales
    sales.start_sale(cashier)
    sales.scan(sellable_products(terminal, "dried_flower")[0].each_gtin)
    outcome = terminal.age_checks.check_id(sales, terminal.age_checks.read_id(ontario_licence(years_ago(17))), cashier)
    assert not outcome.passed
    return sales


def test_an_attestation_after_a_refused_id_is_refused_and_not_logged(terminal, cashier, refused):
    with pytest.raises(AttestationAfterRefusal, match="manager"):
        terminal.age_checks.attest(refused, cashier)
    assert refused.sale.needs_age_check
    assert count_rows(terminal, AgeVerificationLog) == 1


def test_a_manager_override_needs_a_reason_and_is_logged_and_audited_together(terminal, cashier, refused):
    manager = staff(terminal, "2001")
    with pytest.raises(OverrideReasonMissing):
        terminal.age_checks.override(refused, cashier, manager, "  ok ")
    assert count_rows(terminal, AgeVerificationLog) == 1 and count_rows(terminal, AuditLog) == 0

    terminal.age_checks.override(refused, cashier, manager, "Older sibling's ID; customer's own passport shows 24")
    assert not refused.sale.needs_age_check
    refused.tender_cash(Money.of("200"))
    with terminal.session_factory() as session:
        check = session.scalars(select(AgeVerificationLog).where(AgeVerificationLog.method == "manager_override")).one()
        [audit] = session.scalars(select(AuditLog)).all()
        outbox = session.scalars(select(SyncOutbox).where(SyncOutbox.name == "age_verification.logged.v1")
                                 .order_by(SyncOutbox.mutation_id)).all()
        assert verify_audit_chain(session) is None
    assert (check.result, check.staff_id, check.failure_reason) == ("passed", manager.id, None)
    assert (audit.action, audit.staff_id, audit.approved_by) == ("age_check.overridden", cashier.id, manager.id)
    assert audit.entity_id == str(refused.sale.sale_id) and "17" in audit.details["refused"]
    # The hub takes the override as it takes any age check: the payload keeps its shape.
    logged = AgeVerificationLoggedV1.model_validate(outbox[-1].args)
    assert (logged.method, logged.result) == ("manager_override", "passed")
    assert set(outbox[-1].args) == set(outbox[0].args)


def test_an_emptied_cart_is_over_and_the_next_customer_starts_with_nothing_refused(terminal, cashier, refused):
    old = refused.sale.sale_id
    refused.remove_line(refused.sale.lines[0].line_id)
    refused.scan(sellable_products(terminal, "dried_flower")[0].each_gtin)
    assert refused.sale.sale_id != old
    terminal.age_checks.attest(refused, cashier)


def _sold_out_flower(terminal) -> str:
    with terminal.session_factory() as session:
        return session.scalars(
            select(OcsProduct.each_gtin).join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
            .where(OcsInventory.quantity_on_hand == 0, OcsProduct.product_form == "dried_flower")).first()


def test_a_line_the_stock_cannot_cover_takes_no_money_and_the_check_sees_local_sales(terminal, cashier):
    sales = terminal.sales
    sales.start_sale(cashier)
    sales.scan(_sold_out_flower(terminal))
    terminal.age_checks.attest(sales, cashier)
    with pytest.raises(UnsellableItem, match="can't be sold: none is in stock"):
        sales.tender_cash(Money.of("100"))
    assert sales.sale.tenders == ()

    # Two units on the shelf: the first sale's delta (not yet counted by the hub) leaves one for the next.
    flower = sellable_products(terminal, "dried_flower")[0]
    with terminal.session_factory() as session:
        lots = session.scalars(select(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)).all()
        session.execute(update(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number,
                                                    BatchTracking.id != lots[0].id).values(quantity_remaining=0))
        session.execute(update(BatchTracking).where(BatchTracking.id == lots[0].id)
                        .values(quantity_remaining=2, is_recalled=False, expiry_date=None))
        session.commit()
    sales.start_sale(cashier)
    sales.scan(flower.each_gtin)
    sales.scan(flower.each_gtin)
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of("200"))
    sales.complete()
    sales.start_sale(cashier)
    line = sales.scan(flower.each_gtin)
    assert "none is in stock" in sales.sale.stock_problems[line.line_id]


def test_sales_recorded_as_facts_skip_the_check(terminal, cashier):
    facts = SaleService(terminal.session_factory, terminal.context, stock_checks=False)
    facts.start_sale(cashier)
    facts.scan(_sold_out_flower(terminal))
    assert facts.sale.stock_problems == {}
