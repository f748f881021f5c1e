"""The promotions file: refused whole with a sentence per problem, and priced by `pos-app promotions price`."""

from __future__ import annotations

import json

import pytest

from pos_app.cli import main
from pos_app.domain.money import Money
from pos_app.domain.promotions.checks import Catalog, Product
from pos_app.domain.promotions.from_file import PromotionsRefused, promotion_set_from_file
from sync.promotions_file import PromotionsFileError, read_promotions_file

CATALOG = Catalog({
    "PR-1": Product("Pre-Rolls", "Redecan", True, Money.of("10.00"), Money.of("4.00")),
    "AC-1": Product("Accessories", "Zig-Zag", False, Money.of("2.00"), Money.of("0.50")),
})


def promo(pid=1, **fields):
    row = {"id": pid, "name": f"promotion {pid}", "kind": "percent_off", "percent": "10",
           "applies_to": {"categories": ["Pre-Rolls"]}}
    row.update(fields)
    return row


def problems(*rows, codes=(), catalog=CATALOG, **top):
    data = read_promotions_file(json.dumps({"promotions": list(rows), "discount_codes": list(codes), **top}))
    with pytest.raises(PromotionsRefused) as refused:
        promotion_set_from_file(data, catalog)
    assert "nothing was changed" in refused.value.message
    return refused.value.problems


def test_a_good_file_becomes_the_active_promotions_and_codes():
    text = json.dumps({"promotions": [promo(1), promo(2, active=False)], "discount_codes": [
        {"id": 1, "code": "ten", "name": "10 % off", "discount_type": "percentage", "discount_value": "10"}]})
    promotions = promotion_set_from_file(read_promotions_file(text), CATALOG)
    assert [p.id for p in promotions.promotions] == [1]
    assert promotions.codes[0].percent == 10


def test_bad_percentages_are_refused_with_a_sentence():
    assert problems(promo(1, percent="-5"), promo(2, percent="120")) == [
        "Promotion 1 “promotion 1” has a percentage of -5; a percentage must be more than 0 and at most 100.",
        "Promotion 2 “promotion 2” has a percentage of 120; a percentage must be more than 0 and at most 100."]


def test_unknown_skus_and_categories_are_named():
    assert problems(promo(1, applies_to={"skus": ["PR-9"], "categories": ["Pre-Roll"]})) == [
        "Promotion 1 “promotion 1” names a SKU the catalog does not have: PR-9. Check the spelling, or remove it.",
        "Promotion 1 “promotion 1” names a category the catalog does not have: Pre-Roll. Check the spelling, or "
        "remove it."]


def test_overlapping_schedules_are_refused():
    hour = {"days": ["fri"], "start": "16:00", "end": "18:00"}
    later = {"days": ["fri", "sat"], "start": "17:00", "end": "19:00"}
    found = problems(promo(1, schedule=[hour, later]), promo(2, schedule=[hour]), promo(3, schedule=[later]))
    assert any("has times of day that overlap (Fri 16:00–18:00 and Fri, Sat 17:00–19:00)" in p for p in found)
    assert ("Promotion 2 “promotion 2” and Promotion 3 “promotion 3” give the same items a percent off price at "
            "overlapping times. Change one schedule so they do not overlap.") in found


def test_a_free_buy_x_get_y_on_cannabis_is_refused_and_on_accessories_allowed():
    free = promo(1, kind="buy_x_get_y", buy=1, get=1, percent="100", name="BOGO")
    assert problems(free) == [
        "Promotion 1 “BOGO” gives items away free, and it applies to cannabis: a cannabis item may never be sold "
        "for $0. Make the items got less than 100 % off, or limit it to accessories."]
    papers = {**free, "applies_to": {"categories": ["Accessories"]}}
    data = read_promotions_file(json.dumps({"promotions": [papers]}))
    assert promotion_set_from_file(data, CATALOG).promotions[0].percent == 100


def test_rules_that_would_price_cannabis_at_zero_or_below_cost_are_refused():
    found = problems(promo(1, kind="amount_off", amount="10.00", percent=None),
                     promo(2, kind="bundle", bundle_size=3, bundle_price="9.00", percent=None))
    assert found == [
        "Promotion 1 “promotion 1” would sell PR-1, a cannabis item, for $0 or less; the law does not allow it. "
        "Make the discount smaller.",
        "Promotion 2 “promotion 2” would sell PR-1 at $3.00, below its cost of $4.00; the store does not allow "
        "selling cannabis below cost. Make the discount smaller."]
    allowed = read_promotions_file(json.dumps({"allow_below_cost": True, "promotions": [
        promo(2, kind="bundle", bundle_size=3, bundle_price="9.00", percent=None)]}))
    assert promotion_set_from_file(allowed, CATALOG).law.allow_below_cost


def test_bad_codes_are_refused():
    codes = [{"id": 1, "code": "A", "name": "a", "discount_type": "percentage", "discount_value": "100"},
             {"id": 2, "code": "a", "name": "b", "discount_type": "fixed", "discount_value": "5",
              "usage_limit": 0, "valid_from": "2026-12-01T00:00", "valid_until": "2026-11-01T00:00"}]
    assert problems(codes=codes) == [
        "Discount code A is listed more than once; list each code once.",
        "Discount code A takes 100 % off, which would sell cannabis for $0; the law does not allow it. Make it "
        "less than 100 %.",
        "Discount code a has a usage limit of 0; give 1 or more, or leave it out.",
        "Discount code a expires before it starts. Check its dates."]


def test_a_file_of_the_wrong_shape_says_where():
    with pytest.raises(PromotionsFileError, match=r"promotions\[0\]\.kind: Input should be"):
        read_promotions_file(json.dumps({"promotions": [promo(1, kind="free_lunch")]}))
    with pytest.raises(PromotionsFileError, match="not JSON"):
        read_promotions_file("{")


CART = {"lines": [
    {"id": "1", "sku": "PR-1", "unit_price": "10.00", "quantity": 3, "category": "Pre-Rolls", "brand": "Redecan",
     "is_cannabis": True, "unit_cost": "4.00"},
    {"id": "2", "sku": "AC-1", "unit_price": "2.00", "quantity": 1, "category": "Accessories", "brand": "Zig-Zag",
     "is_cannabis": False}]}


def run_cli(tmp_path, capsys, promotions, *extra, cart=CART):
    (tmp_path / "cart.json").write_text(json.dumps(cart))
    args = ["promotions", "price", "--cart", str(tmp_path / "cart.json"), *extra]
    if promotions is not None:
        (tmp_path / "promotions.json").write_text(json.dumps(promotions))
        args += ["--promotions", str(tmp_path / "promotions.json")]
    else:  # the terminal's own promotions: a terminal of its own, never the machine's default one
        args += ["--data-dir", str(tmp_path / "terminal")]
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_cli_prints_lines_allocations_promotions_and_totals(tmp_path, capsys):
    file = {"store_time_zone": "America/Toronto", "promotions": [
        promo(1, kind="bundle", bundle_size=3, bundle_price="25.00", percent=None, name="3 for $25",
              schedule=[{"days": ["mon"], "start": "16:00", "end": "18:00"}])],
            "discount_codes": [{"id": 1, "code": "TWO", "name": "$2 off", "discount_type": "fixed",
                                "discount_value": "2.00"}]}
    status, out, err = run_cli(tmp_path, capsys, file, "--codes", "two,NOPE", "--at", "2026-11-16T21:30+00:00")
    assert status == 0, err
    result = json.loads(out)
    assert result["at"] == "2026-11-16T16:30"  # UTC given, priced in the store's zone
    assert result["totals"] == {"subtotal": "32.00", "discount": "7.00", "total": "25.00"}
    assert result["lines"][0]["allocations"] == [
        {"promotion_id": 1, "code": None, "name": "3 for $25", "amount": "5.00"}]
    assert result["lines"][1]["unit_prices"] == ["0.00"]
    assert [a["name"] for a in result["applied"]] == ["3 for $25", "$2 off"]
    assert result["not_applied"][0]["reason_code"] == "unknown_code"
    status, out, _err = run_cli(tmp_path, capsys, file, "--at", "2026-11-16T18:00")
    assert json.loads(out)["totals"]["discount"] == "0.00"


def test_the_cli_refuses_on_an_unpaired_terminal_and_on_a_bad_file(tmp_path, capsys):
    status, out, err = run_cli(tmp_path, capsys, None)
    assert status == 2 and out == ""
    assert err.startswith("This terminal has no store yet, so it has no promotions to price against.")
    status, _out, err = run_cli(tmp_path, capsys, {"promotions": [promo(1, percent="150")]})
    assert status == 2 and "has a percentage of 150" in err
    status, _out, err = run_cli(tmp_path, capsys, {"promotions": []}, cart={"lines": [{"sku": "X"}]})
    assert status == 2 and err.startswith("The cart is not in the cart format: lines.0.unit_price: Field required")
