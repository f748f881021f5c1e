"""The terminal's builders: domain facts in, `sync.mutations` models out, with money in integer cents."""

import json
import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from pos_app.domain.money import Money
from pos_app.domain.refund import plan_refund
from pos_app.domain.sale import Sale
from pos_app.services.mutations import order_completed, order_refunded, order_voided
from sync.canonical import mutation_hash
from sync.mutations import OrderCompletedV1, name_of
from tests.unit.domain.builders import HST, accessory, card, paid_order, product

NOW = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def completed_order():
    sale = Sale(tax_components=[HST])
    sale.add(product("FLOWER-35", "24.99"), 2)
    sale.add(accessory("LIGHTER", "2.99"))
    sale.record_age_check(True)  # the customer's ID was checked
    sale.add_card(card("30.00", last4="1111"))
    sale.add_cash(Money.of("40.00"))
    return paid_order(sale)


def test_order_completed_args_are_plain_json_with_money_in_cents():
    order = completed_order()
    shift = uuid.uuid4()
    mutation = order_completed(order, cash_session_id=shift, now=NOW)
    assert name_of(mutation) == "order.completed.v1"
    args = mutation.payload()
    assert json.loads(json.dumps(args)) == args  # nothing needs a custom encoder
    assert args["order_id"] == str(order.order_id)
    assert args["subtotal_cents"] == 5297
    assert args["tax_amount_cents"] == 689 and args["tax_components_cents"] == {"HST": 689}
    assert args["tax_rates"] == {"HST": "0.13"}
    assert args["total_amount_cents"] == 5986
    assert args["cash_rounding_cents"] == -1 and args["change_due_cents"] == 1015
    assert args["tenders"][0] == {
        "method": "card",
        "amount_cents": 3000,
        "reference": order.tenders[0].approval.reference,
        "last4": "1111",
        "brand": "VISA",
        "auth_code": "A12345",
    }
    assert args["tenders"][1] == {"method": "cash", "amount_cents": 4000}
    first = args["lines"][0]
    assert first["unit_price_cents"] == 2499 and first["quantity"] == 2
    assert first["allocations"] == [{"batch_lot": "LOT-FLOWER-35", "quantity": 2}]
    assert [d["quantity_delta"] for d in args["inventory_deltas"]] == [-2, -1]
    assert args["local_ts"] == "2026-11-21T15:30:00+00:00" and args["cash_session_id"] == str(shift)
    assert mutation_hash(args) == mutation_hash(order_completed(order, cash_session_id=shift, now=NOW).payload())


def test_grams_and_rates_keep_their_decimal_text():
    args = order_completed(completed_order(), cash_session_id=None, now=NOW).payload()
    assert args["dried_equivalent_grams"] == "7.0" and args["lines"][1]["dried_equivalent_grams"] == "0"
    assert args["cash_session_id"] is None and "cash_session_id" in args


def test_order_refunded_args_describe_the_refund():
    order = completed_order()
    refund = plan_refund(order, {order.lines[0].line_id: 1})
    staff = uuid.uuid4()
    args = order_refunded(refund, order, method="cash", staff_id=staff, approved_by=None,
                          paid_back=refund.cash_total(), now=NOW).payload()
    assert json.loads(json.dumps(args)) == args
    assert args["refund_id"] == str(refund.refund_id) and args["order_id"] == str(order.order_id)
    assert args["total_cents"] == refund.total.cents and args["paid_back_cents"] == refund.cash_total().cents
    assert args["lines"][0]["quantity"] == 1 and args["lines"][0]["restock"] is True
    assert args["inventory_deltas"][0]["reason"] == "refund"
    assert (args["method"], args["staff_id"], args["approved_by"]) == ("cash", str(staff), None)


def test_a_void_gives_back_what_the_sale_took():
    order = completed_order()
    args = order_voided(order, staff_id=uuid.uuid4(), approved_by=uuid.uuid4(), reason=None, now=NOW).payload()
    assert [d["quantity_delta"] for d in args["inventory_deltas"]] == [2, 1]
    assert {d["reason"] for d in args["inventory_deltas"]} == {"void"}
    assert args["reason"] is None and args["order_number"] == order.order_number


def test_a_payload_with_a_key_the_model_does_not_name_is_refused():
    args = order_completed(completed_order(), cash_session_id=None, now=NOW).payload()
    with pytest.raises(ValidationError, match="extra"):
        OrderCompletedV1.model_validate({**args, "loyalty_points": 5})
    with pytest.raises(ValidationError, match="extra"):
        OrderCompletedV1.model_validate({**args, "tenders": [{"method": "cash", "amount_cents": 1, "last4": "1"}]})
