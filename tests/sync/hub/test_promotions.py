"""Promotions on the hub: created, imported and paused through the admin API and `pos-hub import-promotions`,
checked whole against the tenant's catalog (a bad one gets a sentence per problem and nothing is written), fed
to the stores' terminals, and counted from the orders: a code used beyond its limit while terminals were offline
is accepted and flagged for the manager."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from sync.hub.cli import main
from sync.hub.models import BundleDeal, DiscountCode, OcsProduct, PricingRule, Promotion, PromotionUsage
from tests.sync.hub.helpers import mutation, pull_all, push, sale_args

HAPPY_HOUR = {"id": 3, "name": "Happy hour: 15 % off flower", "kind": "percent_off",
              "applies_to": {"categories": ["Flower"]}, "percent": "15",
              "schedule": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "16:20", "end": "18:00"}]}
BUNDLE = {"id": 1, "name": "Any 3 for $80", "kind": "bundle", "applies_to": {"skus": ["SKU-1"]},
          "bundle_size": 3, "bundle_price": "80.00", "priority": 10}
CODE = {"id": 1, "code": "welcome5", "name": "Welcome: $5 off", "discount_type": "fixed", "discount_value": "5.00",
        "usage_limit": 1}


def _count(client, world, model) -> int:
    with client.app.state.db.read() as session:
        query = select(func.count()).select_from(model)
        if model is BundleDeal:
            query = query.join(Promotion, Promotion.id == BundleDeal.promotion_id)
            model = Promotion
        return session.scalar(query.where(model.tenant_id == world.tenant_ids["A"]))


def test_create_list_pause_and_the_feed(client, world):
    a1, b1 = world.terminals["A1"], world.terminals["B1"]
    _changes, cursor = pull_all(client, a1)
    made = client.post("/api/v1/promotions", headers=world.admin("A"), json=HAPPY_HOUR)
    assert made.status_code == 201, made.text
    promotion = made.json()
    assert promotion["number"] == 3 and promotion["promo_type"] == "percent_off"
    assert promotion["schedule"] == [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "16:20", "end": "18:00"}]
    again = client.post("/api/v1/promotions", headers=world.admin("A"), json=HAPPY_HOUR)
    assert again.status_code == 409 and "exists already" in again.json()["detail"]
    listed = client.get("/api/v1/promotions", headers=world.admin("A")).json()
    assert [p["name"] for p in listed["items"]] == ["Happy hour: 15 % off flower"]
    assert client.get("/api/v1/promotions", headers=world.admin("B")).json()["items"] == []

    changes, cursor = pull_all(client, a1, cursor)
    fed = [c["data"] for c in changes if c["entity"] == "promotion"]
    assert fed and fed[-1]["definition"]["schedule"][0]["start"] == "16:20:00" and fed[-1]["is_active"] is True
    assert "tenant_id" not in fed[-1]
    assert not [c for c in pull_all(client, b1)[0] if c["entity"] == "promotion"]

    paused = client.post(f"/api/v1/promotions/{promotion['id']}/pause", headers=world.admin("A"))
    assert paused.status_code == 200 and paused.json()["is_active"] is False
    assert client.post(f"/api/v1/promotions/{promotion['id']}/pause", headers=world.admin("B")).status_code == 403
    changes, _ = pull_all(client, a1, cursor)
    assert [c["data"]["is_active"] for c in changes if c["entity"] == "promotion"] == [False]
    assert client.get("/api/v1/promotions", params={"active": "true"}, headers=world.admin("A")).json()["total"] == 0


def test_a_bad_file_is_refused_whole_with_a_sentence_per_problem(client, world):
    clash = {**HAPPY_HOUR, "id": 4, "name": "Late happy hour",
             "schedule": [{"days": ["fri"], "start": "17:00", "end": "19:00"}]}
    assert client.post("/api/v1/promotions", headers=world.admin("A"), json=HAPPY_HOUR).status_code == 201
    bad = {"promotions": [
        clash,
        {"id": 5, "name": "Too much", "kind": "percent_off", "applies_to": {"categories": ["Edibles"]},
         "percent": "150"},
        {"id": 6, "name": "Free flower", "kind": "buy_x_get_y", "applies_to": {"skus": ["SKU-1"]}, "buy": 1,
         "get": 1, "percent": "100"},
        BUNDLE,
    ], "discount_codes": [CODE]}
    refused = client.post("/api/v1/promotions/import", headers=world.admin("A"), json=bad)
    assert refused.status_code == 400
    detail = refused.json()["detail"]
    assert "nothing was changed" in detail
    assert "overlap" in detail and "Late happy hour" in detail
    assert "150" in detail and "at most 100" in detail
    assert "Edibles" in detail  # not in the tenant's catalog
    assert "Free flower" in detail and "$0" in detail
    assert _count(client, world, Promotion) == 1 and _count(client, world, BundleDeal) == 0
    assert _count(client, world, DiscountCode) == 0

    good = client.post("/api/v1/promotions/import", headers=world.admin("A"),
                       json={"promotions": [BUNDLE, {**HAPPY_HOUR, "name": "Happy hour, renamed"}],
                             "discount_codes": [CODE]})
    assert good.status_code == 200, good.text
    assert good.json() == {"promotions_created": 1, "promotions_updated": 1, "codes_created": 1, "codes_updated": 0}
    with client.app.state.db.read() as session:
        mine = select(Promotion.id).where(Promotion.tenant_id == world.tenant_ids["A"]).scalar_subquery()
        deal = session.scalar(select(BundleDeal).where(BundleDeal.promotion_id.in_(mine)))
        assert (deal.bundle_size, str(deal.bundle_price)) == (3, "80.00")
        assert [r.days for r in session.scalars(select(PricingRule).where(PricingRule.promotion_id.in_(mine)))] == \
            [["mon", "tue", "wed", "thu", "fri"]]
        assert session.scalar(select(DiscountCode.code).where(DiscountCode.tenant_id == world.tenant_ids["A"])) == \
            "WELCOME5"


def test_code_uses_are_added_up_and_an_over_use_is_flagged_not_refused(client, world):
    a1, a2 = world.terminals["A1"], world.terminals["A2"]
    assert client.post("/api/v1/promotions/import", headers=world.admin("A"),
                       json={"promotions": [BUNDLE], "discount_codes": [CODE]}).status_code == 200
    for terminal in (a1, a2):  # both offline, each used the code once: the limit is 1
        args = sale_args(terminal, 1)
        args["lines"][0]["promotions"] = [{"promotion_number": 1, "code": "WELCOME5", "name": "Welcome: $5 off",
                                           "amount_cents": 500}]
        response = push(client, terminal, [mutation(terminal.take_ids(1)[0], "order.completed.v1", args)])
        assert response.json()["results"][0]["status"] == "applied", response.text
    flagged = client.get("/api/v1/discount-usage", params={"over_limit": "true"}, headers=world.admin("A")).json()
    assert flagged["total"] == 1
    assert (flagged["items"][0]["code"], flagged["items"][0]["use_number"], flagged["items"][0]["usage_limit"]) == \
        ("WELCOME5", 2, 1)
    assert client.get("/api/v1/discount-usage", headers=world.admin("A")).json()["total"] == 2
    assert client.get("/api/v1/discount-usage", headers=world.admin("B")).json()["total"] == 0
    codes = client.get("/api/v1/discount-codes", headers=world.admin("A")).json()["items"]
    assert codes[0]["usage_count"] == 2
    changes, _ = pull_all(client, a1)
    assert [c["data"]["usage_count"] for c in changes if c["entity"] == "discount_code"] == [2]


def test_promotion_usage_is_counted_from_the_orders(client, world):
    a1 = world.terminals["A1"]
    assert client.post("/api/v1/promotions", headers=world.admin("A"), json=BUNDLE).status_code == 201
    args = sale_args(a1, 3)
    args["lines"][0]["promotions"] = [{"promotion_number": 1, "name": "Any 3 for $80", "amount_cents": 1297}]
    assert push(client, a1, [mutation(a1.take_ids(1)[0], "order.completed.v1", args)]).status_code == 200
    with client.app.state.db.read() as session:
        usage = session.scalar(select(PromotionUsage).where(PromotionUsage.tenant_id == world.tenant_ids["A"]))
        assert (usage.promotion_number, str(usage.amount)) == (1, "12.97")
        assert session.scalar(select(Promotion.usage_count).where(Promotion.tenant_id == world.tenant_ids["A"])) == 1


def test_cli_import_promotions(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    assert main(["seed-demo", "--db", url, "--products", "40"]) == 0
    capsys.readouterr()
    from sync.hub.database import Database

    db = Database(url)
    try:
        with db.read() as session:
            category = session.scalar(select(OcsProduct.category).limit(1))
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps({"format": "promotions.v1", "promotions": [
            {"id": 1, "name": "Minus", "kind": "percent_off", "applies_to": {"categories": [category]},
             "percent": "-5"},
            {"id": 2, "name": "Ghost", "kind": "percent_off", "applies_to": {"skus": ["NO-SUCH-SKU"]},
             "percent": "5"}]}))
        assert main(["import-promotions", str(bad), "--db", url]) == 1
        err = capsys.readouterr().err
        assert "Nothing was imported from bad.json" in err and "2 problems" in err
        assert "Minus" in err and "NO-SUCH-SKU" in err and "Traceback" not in err
        good = tmp_path / "good.json"
        good.write_text(json.dumps({"format": "promotions.v1", "promotions": [
            {"id": 1, "name": "5 % off", "kind": "percent_off", "applies_to": {"categories": [category]},
             "percent": "5"}], "discount_codes": [CODE]}))
        assert main(["import-promotions", str(good), "--db", url]) == 0
        assert "1 created, 0 updated; discount codes: 1 created" in capsys.readouterr().out
        assert main(["import-promotions", str(tmp_path / "none.json"), "--db", url]) == 1
        assert "There is no file" in capsys.readouterr().err
        with db.read() as session:
            assert session.scalar(select(Promotion.name)) == "5 % off"
    finally:
        db.dispose()


def test_the_demo_promotions_import_and_import_again_as_make_demo_does(tmp_path, capsys):
    from demo.promotions import DEMO_PROMOTIONS

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    assert main(["seed-demo", "--db", url, "--products", "300"]) == 0
    path = tmp_path / "demo-promotions.json"
    path.write_text(json.dumps(DEMO_PROMOTIONS))
    assert main(["import-promotions", str(path), "--db", url]) == 0
    assert "4 created, 0 updated; discount codes: 1 created" in capsys.readouterr().out
    assert main(["import-promotions", str(path), "--db", url]) == 0, capsys.readouterr().err  # a bundle again
    assert "0 created, 4 updated; discount codes: 0 created, 1 updated" in capsys.readouterr().out
