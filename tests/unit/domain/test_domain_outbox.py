import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from pos_app.domain.money import Money
from pos_app.domain.outbox import canonical_json, mutation_hash, order_completed_args, order_refunded_args
from pos_app.domain.refund import plan_refund
from pos_app.domain.sale import Sale
from tests.unit.domain.builders import HST, accessory, card, paid_order, product


def test_canonical_json_is_one_text_per_value():
    value = {
        "b": Decimal("1.50"),
        "a": UUID("12345678-1234-5678-1234-567812345678"),
        "d": date(2025, 6, 1),
        "t": datetime(2025, 6, 1, 12, 30, tzinfo=UTC),
        "name": "Crème",
    }
    assert canonical_json(value) == (
        '{"a":"12345678-1234-5678-1234-567812345678","b":"1.50","d":"2025-06-01",'
        '"name":"Crème","t":"2025-06-01T12:30:00+00:00"}'
    )
    assert canonical_json({"x": 1, "y": 2}) == canonical_json({"y": 2, "x": 1})


def test_mutation_hash_is_the_sha256_of_the_canonical_json():
    args = {"b": [1, 2], "a": "é"}
    assert mutation_hash(args) == hashlib.sha256('{"a":"é","b":[1,2]}'.encode()).hexdigest()
    assert mutation_hash(args) != mutation_hash({"a": "e", "b": [1, 2]})


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
    args = order_completed_args(order)
    assert json.loads(json.dumps(args)) == args  # nothing needs a custom encoder
    assert args["order_id"] == str(order.order_id)
    assert args["subtotal_cents"] == 5297
    assert args["tax_amount_cents"] == 689 and args["tax_components_cents"] == {"HST": 689}
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
    assert mutation_hash(args) == mutation_hash(order_completed_args(order))


def test_order_refunded_args_describe_the_refund():
    order = completed_order()
    refund = plan_refund(order, {order.lines[0].line_id: 1})
    args = order_refunded_args(refund, order)
    assert json.loads(json.dumps(args)) == args
    assert args["refund_id"] == str(refund.refund_id) and args["order_id"] == str(order.order_id)
    assert args["total_cents"] == refund.total.cents
    assert args["lines"][0]["quantity"] == 1 and args["lines"][0]["restock"] is True
    assert args["inventory_deltas"][0]["reason"] == "refund"
