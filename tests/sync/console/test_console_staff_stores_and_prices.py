"""A staff member's stores and own discount limit, and a store's scheduled price changes with their history, from
the console and the admin API on PostgreSQL; and on real terminals, a staff member taken off a store whose
registers then refuse their PIN."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync.hub.models import HubAudit, OcsInventory, PriceHistory, PriceSchedule, SyncChange, User
from tests.sync.console.conftest import console_as
from tests.sync.console.test_console_staff import stocked  # noqa: F401  (a product received into store A)


def _user(db, staff_id) -> User:
    with db.read() as session:
        user = session.get(User, staff_id)
        session.expunge(user)
        return user


def _api(console_app, tenant) -> TestClient:
    from sync.hub.tokens import issue_token

    with console_app.state.db.write() as session:
        token = issue_token(session, kind="admin", tenant_id=tenant.tenant_id)
    return TestClient(console_app, headers={"Authorization": f"Bearer {token}"})


def _staff_form(user: User, **changes) -> dict:
    return {"staff_code": user.staff_code, "first_name": user.first_name, "role": user.role, "stores_shown": "true",
            **changes}


def test_a_staff_members_stores_and_discount_limit_from_the_console(console_app, tenant):
    owner, manager = console_as(console_app, tenant.owner), console_as(console_app, tenant.manager)
    db = console_app.state.db
    user = _user(db, tenant.staff_a)
    page = f"/console/stores/{tenant.store_a}/staff"
    edit = owner.get(f"{page}/{user.id}/edit").text
    assert f'name="stores" value="{tenant.store_a}" checked' in edit and f'value="{tenant.store_b}"' in edit

    for cap, sentence in (("abc", "is not a discount limit"), ("101", "from 0 to 100"), ("12.345", "two decimals")):
        refused = owner.post(f"{page}/{user.id}", _staff_form(user, discount_cap_percent=cap,
                                                              stores=[str(tenant.store_a)]))
        assert refused.status_code == 422 and sentence in refused.text
    refused = owner.post(f"{page}/{user.id}", _staff_form(user))
    assert refused.status_code == 422 and "Choose at least one store" in refused.text

    saved = owner.post(f"{page}/{user.id}", _staff_form(user, discount_cap_percent="15 %",
                                                        stores=[str(tenant.store_a), str(tenant.store_b)]))
    assert saved.status_code == 303, saved.text
    user = _user(db, user.id)
    assert (user.store_id, user.discount_cap_percent) == (None, Decimal("15"))
    assert user.stores() == {tenant.store_a, tenant.store_b}
    listing = owner.get(f"/console/stores/{tenant.store_b}/staff").text
    assert f"/staff/{user.id}/edit" in listing and "15% (own)" in listing, "listed in the store they were added to"
    assert f"{tenant.code}A, {tenant.code}B" in listing

    # A manager of store A alone changes no one who works in store B too, nor raises a limit above the role's.
    assert f"/staff/{user.id}/edit" not in manager.get(page).text, "listed, without an edit button"
    refused = manager.post(f"{page}/{user.id}", _staff_form(user, stores=[str(tenant.store_a)]))
    assert refused.status_code == 403 and "works in stores that are not yours too" in refused.text
    refused = manager.post(page, {"staff_code": "MC1", "first_name": "Ola", "role": "cashier", "pin": "2468",
                                  "stores_shown": "true", "stores": [str(tenant.store_a)],
                                  "discount_cap_percent": "25"})
    assert refused.status_code == 403 and "discount more than their role" in refused.text
    assert "limit of 10%" in refused.text
    refused = manager.post(page, {"staff_code": "MC1", "first_name": "Ola", "role": "cashier", "pin": "2468",
                                  "stores_shown": "true"})
    assert refused.status_code == 422 and "Choose at least one store" in refused.text, "none ticked"
    added = manager.post(page, {"staff_code": "MC1", "first_name": "Ola", "role": "cashier", "pin": "2468",
                                "stores_shown": "true", "stores": [str(tenant.store_a)], "discount_cap_percent": "5"})
    assert added.status_code == 303
    refused = manager.post(page, {"staff_code": "MC2", "first_name": "Bo", "role": "cashier", "pin": "2468",
                                  "stores_shown": "true", "stores": [str(tenant.store_b)]})
    assert refused.status_code == 403, "store B is not the manager's"

    # Back to one store: the row goes to store B's feed once more, saying so.
    narrowed = owner.post(f"{page}/{user.id}", _staff_form(user, discount_cap_percent="",
                                                           stores=[str(tenant.store_a)]))
    assert narrowed.status_code == 303
    user = _user(db, user.id)
    assert (user.store_id, user.store_ids, user.discount_cap_percent) == (tenant.store_a, None, None)
    with db.read() as session:
        fed = {change.store_id: change.data for change in session.scalars(select(SyncChange).where(
            SyncChange.entity == "staff_user", SyncChange.entity_id == str(user.id)))}
        details = session.scalars(select(HubAudit.details).where(HubAudit.entity_id == str(user.id),
                                                                 HubAudit.action == "staff.updated")
                                  .order_by(HubAudit.created_at)).all()  # details[-1]: the latest change
    assert set(fed) == {tenant.store_a, tenant.store_b}
    assert fed[tenant.store_b]["store_id"] == str(tenant.store_a) and fed[tenant.store_b]["store_ids"] is None
    assert details[-1]["taken_off"] == [str(tenant.store_b)] and details[-1]["discount_cap_percent"] is None
    assert f"/staff/{user.id}/edit" not in owner.get(f"/console/stores/{tenant.store_b}/staff").text

    # An owner's raised limit stands when a manager edits the name; only the manager's own raise is refused.
    mine = [str(tenant.store_a)]
    assert owner.post(f"{page}/{user.id}", _staff_form(user, discount_cap_percent="25", stores=mine)).status_code == 303
    assert 'value="25"' in manager.get(f"{page}/{user.id}/edit").text
    renamed = manager.post(f"{page}/{user.id}", _staff_form(user, first_name="Cass", discount_cap_percent="25",
                                                            stores=mine))
    assert renamed.status_code == 303
    assert manager.post(f"{page}/{user.id}", _staff_form(user, discount_cap_percent="30", stores=mine)
                        ).status_code == 403
    assert (_user(db, user.id).first_name, _user(db, user.id).discount_cap_percent) == ("Cass", Decimal("25"))


def test_the_admin_api_sets_stores_and_limits_through_the_same_rules(console_app, tenant):
    api = _api(console_app, tenant)
    made = api.post(f"/api/v1/stores/{tenant.store_a}/staff", json={
        "staff_code": "AP1", "first_name": "Ana", "pin": "3579", "discount_cap_percent": "12.5",
        "store_ids": [str(tenant.store_a), str(tenant.store_b)]})
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["discount_cap_percent"] == "12.5" and body["store_id"] is None
    assert sorted(body["store_ids"]) == sorted([str(tenant.store_a), str(tenant.store_b)])
    url = f"/api/v1/staff/{body['id']}"
    assert api.put(url, json={"discount_cap_percent": "150"}).status_code == 422
    assert api.put(url, json={"store_ids": [str(uuid.uuid4())]}).status_code == 404
    narrowed = api.put(url, json={"store_ids": [str(tenant.store_b)], "discount_cap_percent": None}).json()
    assert (narrowed["store_id"], narrowed["store_ids"], narrowed["discount_cap_percent"]) == (
        str(tenant.store_b), [str(tenant.store_b)], None)
    every = api.put(url, json={"all_stores": True}).json()
    assert (every["store_id"], every["store_ids"]) == (None, None)


def test_scheduled_prices_refusals_history_and_the_minute_they_apply(console_app, tenant, stocked):  # noqa: F811
    from sync.hub.prices import apply_due_schedules

    sku, _gtin = stocked
    owner = console_as(console_app, tenant.owner)
    db = console_app.state.db
    base = f"/console/stores/{tenant.store_a}/prices"
    zone = ZoneInfo("America/Toronto")  # the store's
    soon = (datetime.now(zone) + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    past = datetime.now(zone) - timedelta(hours=1)
    for form, status, sentence in (
            ({"sku": sku, "price": "21.00", "effective_at": past.strftime("%Y-%m-%dT%H:%M")}, 422, "already passed"),
            ({"sku": sku, "price": "-2", "effective_at": soon.strftime("%Y-%m-%dT%H:%M")}, 422, "more than $0.00"),
            ({"sku": sku, "price": "21.00", "effective_at": "next week"}, 422, "not a date and time"),
            ({"sku": "NOPE-1", "price": "21.00", "effective_at": soon.strftime("%Y-%m-%dT%H:%M")}, 404,
             "no product with the SKU NOPE-1")):
        refused = owner.post(f"{base}/schedules", form)
        assert refused.status_code == status and sentence in refused.text, refused.text
        assert f'value="{form["sku"]}"' in refused.text, "the form keeps what was typed"
    done = owner.post(f"{base}/schedules", {"sku": sku, "price": "$21.00",
                                            "effective_at": soon.strftime("%Y-%m-%dT%H:%M")})
    assert done.status_code == 303
    page = owner.get(done.headers["location"]).text
    assert "is scheduled" in page and soon.strftime("%Y-%m-%d 09:00") in page and "$21.00" in page
    with db.read() as session:
        schedule = session.scalar(select(PriceSchedule).where(PriceSchedule.store_id == tenant.store_a))
        fed = session.scalars(select(SyncChange.store_id).where(SyncChange.entity == "price_schedule",
                                                               SyncChange.entity_id == str(schedule.id))).all()
    assert schedule.effective_at == soon.astimezone(UTC) and schedule.status == "pending"
    assert fed == [tenant.store_a], "ahead of time, to the store's registers only"

    api = _api(console_app, tenant)
    schedules = f"/api/v1/stores/{tenant.store_a}/price-schedules"
    assert [row["id"] for row in api.get(schedules).json()] == [str(schedule.id)]
    later = api.post(schedules, json={"sku": sku, "price": "19.50",
                                      "effective_at": (soon + timedelta(days=1)).replace(tzinfo=None).isoformat()})
    assert later.status_code == 201, later.text
    assert api.post(schedules, json={"sku": sku, "price": "-1", "effective_at": soon.isoformat()}).status_code == 422
    assert api.post(schedules, json={"sku": sku, "price": "5", "effective_at": past.isoformat()}).status_code == 422
    assert api.delete(f"{schedules}/{later.json()['id']}").json()["status"] == "cancelled"
    assert api.delete(f"{schedules}/{later.json()['id']}").status_code == 422, "cancelled already"
    assert api.delete(f"{schedules}/{uuid.uuid4()}").status_code == 404

    with db.write() as session:  # the minute comes: the hub makes the price the store's override
        assert apply_due_schedules(session, tenant.store_a, soon.astimezone(UTC) + timedelta(seconds=1)) == 1
    with db.read() as session:
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == tenant.store_a,
                                                          OcsInventory.sku == sku))
        assert level.override_price == Decimal("21.00")
        assert session.get(PriceSchedule, schedule.id).status == "applied"
        kinds = session.scalars(select(PriceHistory.kind).where(PriceHistory.store_id == tenant.store_a)
                                .order_by(PriceHistory.changed_at)).all()
    assert kinds == ["scheduled", "scheduled", "cancelled", "applied"]
    history = api.get(f"/api/v1/stores/{tenant.store_a}/price-history", params={"sku": sku}).json()
    newest_first = [(row["kind"], row["old_price"], row["new_price"], row["changed_by"]) for row in history]
    by = tenant.owner  # the owner's name on the console (they gave no display name)
    assert newest_first == [("applied", "29.99", "21.00", by), ("cancelled", "19.50", None, None),
                            ("scheduled", "29.99", "19.50", None), ("scheduled", "29.99", "21.00", by)]
    page = owner.get(base).text
    assert "Scheduled change applied" in page and "Admin API" in page and by in page


def test_of_two_scheduled_prices_due_the_same_minute_the_one_made_last_is_applied_last(console_app, tenant,
                                                                                       stocked):  # noqa: F811
    """As the registers choose it (pos_app's catalog_repository): the override the hub leaves is the same price."""
    from sync.hub.prices import apply_due_schedules

    sku, _gtin = stocked
    db = console_app.state.db
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
    with db.write() as session:  # the later change written first: the rows' order must not decide
        for price, made in ((Decimal("7.77"), due - timedelta(days=1)), (Decimal("5.55"), due - timedelta(days=2))):
            session.add(PriceSchedule(tenant_id=tenant.tenant_id, store_id=tenant.store_a, sku=sku, price=price,
                                      effective_at=due, status="pending", created_at=made, updated_at=made))
    with db.write() as session:
        assert apply_due_schedules(session, tenant.store_a) == 2
    with db.read() as session:
        level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == tenant.store_a,
                                                          OcsInventory.sku == sku))
    assert level.override_price == Decimal("7.77")


@pytest.mark.usefixtures("stocked")
def test_a_staff_member_taken_off_a_store_is_refused_at_its_registers_after_a_sync(console_app, tenant, tmp_path):
    from pos_app.services.errors import SignInRefused
    from sync.hub import tenancy
    from sync.hub.feed.record import record_put
    from tests.sync.client.tills import open_till
    from tests.sync.hub.servers import HubServer

    owner = console_as(console_app, tenant.owner)
    db = console_app.state.db
    page = f"/console/stores/{tenant.store_a}/staff"
    assert owner.post(page, {"staff_code": "W1", "first_name": "Wes", "role": "cashier", "pin": "2468",
                             "stores_shown": "true", "stores": [str(tenant.store_a), str(tenant.store_b)]}
                      ).status_code == 303
    with db.write() as session:  # as if Wes had chosen their own PIN already
        user = session.scalar(select(User).where(User.tenant_id == tenant.tenant_id, User.staff_code == "W1"))
        user.pin_temporary, staff_id = False, user.id
        record_put(session, user)
    tills = {}
    with HubServer(console_app) as hub:
        try:
            for name, store in (("a", tenant.store_a), ("b", tenant.store_b)):
                with db.write() as session:
                    code = tenancy.new_pairing_code(session, tenancy.Scope(tenant.tenant_id), store)
                till = tills[name] = open_till(tmp_path / f"till-{name}")
                till.sync.pair(hub.url, code, terminal_no=1)
                till.sync.bootstrap()
            for till in tills.values():
                assert till.terminal.login.sign_in("W1", "2468").staff_code == "W1"
                assert "W1" in {m.staff_code for m in till.terminal.login.sign_in_choices()}

            user = _user(db, staff_id)
            assert owner.post(f"{page}/{staff_id}", _staff_form(user, stores=[str(tenant.store_a)])).status_code == 303
            assert tills["b"].terminal.login.sign_in("W1", "2468").staff_code == "W1", "not until it syncs"
            for till in tills.values():
                till.sync.sync_once()
            with pytest.raises(SignInRefused, match="does not work in this store"):
                tills["b"].terminal.login.sign_in("W1", "2468")
            assert "W1" not in {m.staff_code for m in tills["b"].terminal.login.sign_in_choices()}
            assert tills["a"].terminal.login.sign_in("W1", "2468").staff_code == "W1", "still works in store A"
        finally:
            for till in tills.values():
                till.close()
