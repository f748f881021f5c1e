"""The promotion and discount-code pages on PostgreSQL: each kind made from the form and checked by the rules the
admin API and imports use (a free buy-X-get-Y on cannabis refused with its sentence on the form, nothing written),
edited, paused and resumed into the store's feed, codes with their usage, and what a store's manager may change."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select

from sync.hub.models import DiscountCode, HubAudit, OcsProduct, Promotion, SyncChange
from tests.sync.console.conftest import console_as

BUNDLE = {"name": "Any 3 pre-rolls for $25", "kind": "bundle", "bundle_size": "3", "bundle_price": "25.00",
          "categories": "Pre-Rolls", "priority": "10"}


def stock_catalog(app, tenant_id: uuid.UUID, sku: str) -> None:
    """One cannabis pre-roll and one vape of the tenant, so promotions name a catalog the hub knows."""
    with app.state.db.write() as session:
        for number, (category, brand, price) in enumerate((("Pre-Rolls", "Redecan", "9.99"),
                                                           ("Vapes", "Spinach", "34.99"))):
            session.add(OcsProduct(tenant_id=tenant_id, ocs_variant_number=f"{sku}-{number}",
                                   ocs_product_name=f"{brand} {category}", product_name=f"{brand} {category}",
                                   brand_name=brand, category=category, product_form="pre_roll",
                                   net_content=Decimal(1), unit_of_measure="g", price_per_unit=Decimal(price)))


def _promotion(app, tenant_id, name):
    with app.state.db.read() as session:
        return session.scalar(select(Promotion).where(Promotion.tenant_id == tenant_id, Promotion.name == name))


def test_each_kind_is_made_checked_edited_paused_and_fed(console_app, tenant):
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    owner = console_as(console_app, tenant.owner)
    base = f"/console/stores/{tenant.store_a}/promotions"
    assert "No promotion runs in this store yet" in owner.get(base).text
    form = owner.get(f"{base}/new")
    assert form.status_code == 200 and 'name="percent"' in form.text and "Pre-Rolls" in form.text  # datalist
    fields = owner.get(f"{base}/fields", params={"kind": "bundle", "bundle_price": "25.00"})
    assert 'name="bundle_size"' in fields.text and 'value="25.00"' in fields.text
    assert 'name="percent"' not in fields.text
    assert 'name="tier_quantity"' in owner.get(f"{base}/new", params={"kind": "volume_tiers"}).text, \
        "without scripts, the form comes back with the chosen kind's fields"

    free = {"name": "Buy 2 vapes get 1 free", "kind": "buy_x_get_y", "buy": "2", "get": "1", "percent": "100",
            "categories": "Vapes"}
    refused = owner.post(base, free)
    assert refused.status_code == 422
    assert "gives items away free, and it applies to cannabis" in refused.text
    assert 'value="Buy 2 vapes get 1 free"' in refused.text, "what was typed stays on the form"
    bad = owner.post(base, {**free, "percent": "half"})
    assert bad.status_code == 422 and "must be a number" in bad.text
    unknown = owner.post(base, {**BUNDLE, "categories": "Pre-rols"})
    assert unknown.status_code == 422 and "names a category the catalog does not have: Pre-rols" in unknown.text
    schedule = owner.post(base, {**BUNDLE, "days": ["mon"]})
    assert schedule.status_code == 422 and "both times of day" in schedule.text
    for token in ("", "forged"):
        assert owner.post(base, BUNDLE, csrf=token).status_code == 403
    with console_app.state.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Promotion).where(
            Promotion.tenant_id == tenant.tenant_id)) == 0, "nothing refused was written"

    made = {"bundle": BUNDLE,
            "percent_off": {"name": "Happy hour 15 %", "kind": "percent_off", "percent": "15",
                            "categories": "Vapes", "days": ["mon", "fri"], "start": "16:20", "end": "18:00",
                            "stackable": "true"},
            "amount_off": {"name": "$2 off Spinach", "kind": "amount_off", "amount": "2.00", "brands": "Spinach"},
            "buy_x_get_y": {**free, "name": "Buy 2 vapes, 1 half off", "percent": "50"},
            "volume_tiers": {"name": "More pre-rolls, more off", "kind": "volume_tiers", "categories": "Pre-Rolls",
                             "tier_quantity": ["2", "4", ""], "tier_percent": ["5", "10", ""],
                             "valid_from": "2030-01-01T09:00"}}
    for kind, data in made.items():
        answer = owner.post(base, data)
        assert answer.status_code == 303, f"{kind}: {answer.text[-1500:]}"
    listing = owner.get(f"{base}?created=1").text
    assert "The promotion was created" in listing
    for name in ("Any 3 pre-rolls for $25", "Happy hour 15 %", "$2 off Spinach", "More pre-rolls, more off"):
        assert name in listing
    assert "Scheduled" in listing and "Stackable" in listing and "Exclusive" in listing
    assert owner.get(f"{base}?q=spinach").text.count("<tr>") == 2, "searched on the server: one row and the head"

    bundle = _promotion(console_app, tenant.tenant_id, BUNDLE["name"])
    assert bundle.store_id == tenant.store_a and bundle.bundle.bundle_size == 3
    happy = _promotion(console_app, tenant.tenant_id, "Happy hour 15 %")
    assert happy.definition["schedule"] == [{"days": ["mon", "fri"], "start": "16:20:00", "end": "18:00:00"}]
    tiers = _promotion(console_app, tenant.tenant_id, "More pre-rolls, more off")
    assert [(t.min_quantity, t.percent) for t in tiers.tiers] == [(2, Decimal(5)), (4, Decimal(10))]

    edit = owner.get(f"{base}/{bundle.id}/edit")
    assert edit.status_code == 200 and 'value="25.00"' in edit.text and 'value="Pre-Rolls"' in edit.text
    assert owner.post(f"{base}/{bundle.id}", {**BUNDLE, "bundle_price": "24.00"}).status_code == 303
    assert owner.post(f"{base}/{bundle.id}/pause").status_code == 303
    paused = owner.get(f"{base}?paused=1").text
    assert "The promotion is paused" in paused and "Paused" in paused
    assert owner.post(f"{base}/{bundle.id}", {**BUNDLE, "bundle_price": "23.00"}).status_code == 303
    with console_app.state.db.read() as session:
        bundle = session.get(Promotion, bundle.id)
        assert bundle.bundle.bundle_price == Decimal("23.00") and bundle.is_active is False, "an edit keeps a pause"
        fed = session.scalars(select(SyncChange).where(SyncChange.store_id == tenant.store_a,
                                                       SyncChange.entity == "promotion",
                                                       SyncChange.entity_id == str(bundle.id))).all()
        assert fed, "the change reaches store A's terminals through the feed"
        actions = set(session.scalars(select(HubAudit.action).where(HubAudit.entity_id == str(bundle.id))))
        assert {"promotion.created", "promotion.updated", "promotion.paused"} <= actions
    assert owner.post(f"{base}/{bundle.id}/resume").status_code == 303
    assert _promotion(console_app, tenant.tenant_id, BUNDLE["name"]).is_active is True


def test_codes_with_usage_and_a_managers_reach(console_app, tenant):
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    owner = console_as(console_app, tenant.owner)
    codes = f"/console/stores/{tenant.store_a}/discount-codes"
    assert owner.get(f"{codes}/new").status_code == 200
    whole = owner.post(codes, {"code": "free100", "discount_type": "percentage", "discount_value": "100"})
    assert whole.status_code == 422 and "takes 100 % off" in whole.text
    made = owner.post(codes, {"code": "welcome10", "name": "Welcome: 10 % off", "discount_type": "percentage",
                              "discount_value": "10", "minimum_purchase": "50", "usage_limit": "5",
                              "valid_from": "2026-01-01T00:00", "valid_until": "2035-01-01T00:00",
                              "every_store": "true"})
    assert made.status_code == 303, made.text[-1500:]
    taken = owner.post(codes, {"code": "WELCOME10", "discount_type": "fixed", "discount_value": "5"})
    assert taken.status_code == 422 and "exists already" in taken.text
    listing = owner.get(codes).text
    assert "WELCOME10" in listing and "0 of 5" in listing and "$50.00" in listing and "Active" in listing
    with console_app.state.db.read() as session:
        code = session.scalar(select(DiscountCode).where(DiscountCode.tenant_id == tenant.tenant_id))
    assert code.store_id is None and code.number == 1
    assert owner.post(f"{codes}/{code.id}/pause").status_code == 303
    assert "Paused" in owner.get(codes).text

    base_a = f"/console/stores/{tenant.store_a}/promotions"
    everywhere = owner.post(base_a, {**BUNDLE, "every_store": "true"})
    assert everywhere.status_code == 303
    shared = _promotion(console_app, tenant.tenant_id, BUNDLE["name"])
    manager = console_as(console_app, tenant.manager)
    seen = manager.get(base_a).text
    assert BUNDLE["name"] in seen and "An owner or admin changes promotions of every store" in seen
    refused = manager.post(f"{base_a}/{shared.id}/pause")
    assert refused.status_code == 403 and "only an owner or admin" in refused.text
    own = manager.post(base_a, {**BUNDLE, "name": "Store A only: 3 for $26", "bundle_price": "26.00",
                                "every_store": "true"})
    assert own.status_code == 403, "a manager cannot make one for every store"
    mine = manager.post(base_a, {**BUNDLE, "name": "Store A only: 3 for $26", "bundle_price": "26.00"})
    assert mine.status_code == 303
    ours = _promotion(console_app, tenant.tenant_id, "Store A only: 3 for $26")
    assert ours.store_id == tenant.store_a
    assert manager.post(f"{base_a}/{ours.id}/pause").status_code == 303
    assert owner.get(f"/console/stores/{tenant.store_b}/promotions").text.count("Store A only") == 0, \
        "store A's own promotion is not listed in store B"
    assert owner.get(f"/console/stores/{tenant.store_b}/promotions/{ours.id}/edit").status_code == 404
    assert owner.get("/console/promotions").headers["location"].startswith("/console/stores/")
