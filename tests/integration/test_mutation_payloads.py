"""Payloads built through the mutation models have the form the terminal sent before them.

The same shift as the one recorded in tests/sync/recorded_payloads.json (made with the dict builders the models
replaced) runs again through the services; each outbox row must match its recorded twin in every key, every JSON
type, and the text form of every id, time and decimal. Values may differ (ids, times), forms may not: the hub
holds hashes of the recorded forms.
"""

from __future__ import annotations

import json
import re
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pos_app.domain.cash_count import counts_for
from pos_app.domain.money import Money
from pos_app.persistence.models import Accessory, SyncOutbox
from pos_app.services.errors import SignInRefused
from sync.mutations import AuditLoggedV1
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import product_codes, staff, terminal_with

RECORDED = Path(__file__).parents[1] / "sync" / "recorded_payloads.json"
FLOAT = {"20": 5, "10": 5, "5": 4, "2": 10, "1": 7, "0.25": 12}
_FORMS = (
    ("uuid", re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
    ("sha256", re.compile(r"[0-9a-f]{64}")),
    ("utc time", re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00")),
)
# Maps whose keys are data (tax codes, tender methods, denominations), not names of the contract.
_KEYED_BY_DATA = {"opening_counts", "closing_counts", "taxes_cents", "tax_components_cents", "tenders_cents",
                  "refunds_cents", "tax_rates"}
_DECIMAL_TEXT = {"dried_equivalent_grams", "tax_rates"}


def form(value: Any, key: str = "") -> Any:
    """The value with everything that may differ between two runs replaced by the form it is written in."""
    if isinstance(value, dict) and key in _KEYED_BY_DATA:
        return {"values": sorted({json.dumps(form(item, key)) for item in value.values()})}
    if isinstance(value, dict):
        return {name: form(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [form(item, key) for item in value]
    if not isinstance(value, str):
        return type(value).__name__
    if key in _DECIMAL_TEXT:
        assert re.fullmatch(r"-?\d+(\.\d+)?", value), f"{key} {value!r} is not decimal text"
        return "decimal text"
    return next((name for name, pattern in _FORMS if pattern.fullmatch(value)), "text")


def _sign_in_attempts(till) -> None:
    pins = dict(line.split(":") for line in (till.settings.data_dir / "pins.txt").read_text().splitlines())
    till.login.sign_in("1001", pins["1001"])
    for code, pin in (("1001", "0000" if pins["1001"] != "0000" else "1111"), ("9999", "1234")):
        with pytest.raises(SignInRefused):  # a wrong PIN, an unknown code: each leaves an audit entry
            till.login.sign_in(code, pin)


def _a_shift_of_everything(till) -> None:
    """The recorded shift, step for step."""
    cashier, manager = staff(till, "1001"), staff(till, "2001")
    _sign_in_attempts(till)
    opened = till.shifts.open_shift(cashier, FLOAT)
    sales = till.sales
    sales.cash_session_id = opened.id
    # Cash, two lines, a manager's line discount, an ID scanned.
    sales.start_sale(cashier)
    flower = product_codes(till, "dried_flower", 2)
    line = sales.scan(flower[0].each_gtin)
    roll = sales.scan(product_codes(till, "pre_roll")[0].each_gtin)
    sales.set_quantity(roll.line_id, 2)
    sales.discount_line(line.line_id, percent=Decimal("10"), approver=manager)
    till.age_checks.check_id(sales, till.age_checks.read_id(ontario_licence(years_ago(30))), cashier)
    sales.tender_cash(Money.of("500.00"))
    cash_sale = sales.complete()
    # Card and cash, with an accessory.
    sales.start_sale(cashier)
    sales.scan(product_codes(till, "beverage")[0].each_gtin)
    with till.session_factory() as session:
        sales.scan(session.scalars(select(Accessory.barcode).where(Accessory.barcode.is_not(None))).first())
    till.age_checks.attest(sales, cashier)
    till.card_payments.charge(sales, Money.of("3.00"))
    sales.tender_cash(Money.of("50.00"))
    split_sale = sales.complete()
    # A minor's ID refused, then a card sale voided with a manager's approval.
    sales.start_sale(cashier)
    sales.scan(product_codes(till, "edible")[0].each_gtin)
    till.age_checks.check_id(sales, till.age_checks.read_id(ontario_licence(years_ago(17))), cashier)
    # Recorded when an attestation could still pass a refused ID; since then only a manager can (same payload).
    till.age_checks.override(sales, cashier, manager, "other")
    till.card_payments.charge(sales, sales.totals().total)
    card_sale = sales.complete()
    till.voids.void(card_sale.order_number, staff=cashier, approver=manager, current_shift_id=opened.id,
                    reason="customer changed mind")
    # A manager's own cash sale, voided without a reason.
    sales.start_sale(manager)
    sales.scan(flower[1].each_gtin)
    till.age_checks.attest(sales, manager)
    sales.tender_cash(Money.of("100.00"))
    voided = sales.complete()
    till.voids.void(voided.order_number, staff=manager, approver=None, current_shift_id=opened.id)
    # Refunds: cash back to the shelf, then to the card and not restocked.
    till.refunds.refund(cash_sale.order_number, {cash_sale.lines[0].line_id: 1}, staff=manager, method="cash",
                        reason="damaged")
    approval = till.card_payments.refund_to_card(uuid.uuid4(), Money.of("3.00"))
    till.refunds.refund(split_sale.order_number, {split_sale.lines[0].line_id: 1}, staff=cashier,
                        approver=manager, method="card", restock=False, card_approval=approval)
    till.shifts.cash_drop(cashier, Money.of("20.00"))
    expected = till.shifts.x_report().expected_cash
    till.shifts.close_shift(cashier, counts_for(expected - Money.of("50.00")), approver=manager)
    till.shifts.open_shift(cashier, FLOAT)
    till.shifts.close_shift(cashier, counts_for(Money.of("199.00")))


AUDITED_SINCE = ("order.discounted", "age_check.overridden")  # a discount's reason; a refused ID's override
DETAILS_SINCE = {"order.refunded": {"reason"}}  # audit details added after the recording: the refund's reason code


def _as_recorded(args: dict) -> dict:
    """The args without the audit details added since the recording (free-form details, each hashed as sent)."""
    added = DETAILS_SINCE.get(args.get("action"), set())
    if not added:
        return args
    assert added <= set(args["details"]), f"{args['action']} lost its {added - set(args['details'])}"
    return {**args, "details": {k: v for k, v in args["details"].items() if k not in added}}


def test_every_mutation_of_a_shift_has_the_recorded_form(terminal, card_simulator):
    recorded = [r for r in json.loads(RECORDED.read_text(encoding="utf-8"))["payloads"]
                if r["source"] == "terminal services"]
    with terminal_with(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        _a_shift_of_everything(till)
        with till.session_factory() as session:
            rows = session.scalars(select(SyncOutbox).order_by(SyncOutbox.mutation_id)).all()
    # Audit entries for actions the register gained after the recording: each must have a recorded audit
    # entry's form; the rest of the shift must match the recording row for row.
    added = [row for row in rows if row.name == "audit.logged.v1" and row.args["action"] in AUDITED_SINCE]
    audit_keys = set(next(r["args"] for r in recorded if r["name"] == "audit.logged.v1"))
    assert sorted(row.args["action"] for row in added) == sorted(AUDITED_SINCE)
    for row in added:
        assert set(row.args) == audit_keys
        AuditLoggedV1.model_validate(row.args)  # the contract's model, which refuses unknown keys
    rows = [row for row in rows if row not in added]
    assert [row.name for row in rows] == [r["name"] for r in recorded]
    for row, twin in zip(rows, recorded, strict=True):
        assert form(_as_recorded(row.args)) == form(twin["args"]), \
            f"mutation {row.mutation_id} ({row.name}) changed form"
