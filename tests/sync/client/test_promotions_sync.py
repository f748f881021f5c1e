"""Promotions reach the terminal through the feed like the catalog: imported on the hub, pulled into the replica,
and `pos-app promotions price` (without --promotions) prices against them; a pause on the hub reaches it too, and
the codes this terminal used that the hub has not applied yet count against the code's limit.

The promotions are on only on one day in 2030 (or behind a code), so the other tests' sales on this shared hub
are not touched."""

from __future__ import annotations

import json

from sqlalchemy import select

from pos_app.cli import main
from sync.hub.models import Accessory, Promotion, Tenant
from sync.hub.promotions import save_promotions, set_active
from sync.promotions_file import PromotionsFile

DAY = {"valid_from": "2030-01-07T00:00", "valid_until": "2030-01-08T00:00"}


def _file(sku: str) -> dict:
    return {
        "promotions": [{"id": 9001, "name": "Sync test: 20 % off", "kind": "percent_off",
                        "applies_to": {"skus": [sku]}, "percent": "20", "stackable": True, **DAY}],
        "discount_codes": [{"id": 9001, "code": "SYNCTEST", "name": "Sync test: $1 off", "discount_type": "fixed",
                            "discount_value": "1.00", "usage_limit": 1}],
    }


def _price(capsys, tmp_path, till, sku: str, codes: str = "") -> dict:
    cart = tmp_path / "cart.json"
    cart.write_text(json.dumps({"lines": [{"id": "1", "sku": sku, "unit_price": "10.00", "quantity": 2,
                                           "category": "Accessories", "is_cannabis": False}]}))
    status = main(["promotions", "price", "--cart", str(cart), "--at", "2030-01-07T12:00", "--codes", codes,
                   "--data-dir", str(till.folder)])
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


def test_promotions_reach_the_replica_and_the_pricing_command(hub, make_till, capsys, tmp_path):
    with hub.db.write() as session:
        tenant = session.scalar(select(Tenant))
        sku = session.scalar(select(Accessory.sku).where(Accessory.tenant_id == tenant.id).order_by(Accessory.sku))
        save_promotions(session, tenant.id, PromotionsFile.model_validate(_file(sku)))
    till = make_till(hub.url)
    till.sync.sync_once()

    result = _price(capsys, tmp_path, till, sku, "synctest")
    assert [a["name"] for a in result["applied"]] == ["Sync test: 20 % off", "Sync test: $1 off"], result
    assert result["totals"] == {"subtotal": "20.00", "discount": "5.00", "total": "15.00"}

    with hub.db.write() as session:
        set_active(session, session.scalar(select(Promotion).where(Promotion.number == 9001)), False)
    till.sync.sync_once()
    paused = _price(capsys, tmp_path, till, sku)
    assert paused["totals"]["discount"] == "0.00" and paused["applied"] == []
    with hub.db.write() as session:
        set_active(session, session.scalar(select(Promotion).where(Promotion.number == 9001)), True)
