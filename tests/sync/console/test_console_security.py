"""The console's guards over HTTP on PostgreSQL: CSRF, the store sweep for a manager, lockout, expired sessions,
cashiers, one-time links and the cookie's flags."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from sqlalchemy import func, select, update

from sync.column_types import utcnow
from sync.hub.models import ConsoleSession, ConsoleUser, HubAudit, Store
from tests.sync.console.conftest import PASSWORD, console_as
from tests.sync.hub.test_isolation import all_routes

# Console routes that name no store: what a manager of store A gets from each.
NO_STORE_ROUTES = {
    ("GET", "/console"): 303, ("GET", "/console/sign-in"): 200, ("POST", "/console/sign-in"): 401,
    ("GET", "/console/set-password"): 400, ("POST", "/console/set-password"): 400, ("GET", "/console/stores"): 200,
    ("GET", "/console/stores/new"): 403, ("POST", "/console/stores"): 403, ("POST", "/console/sign-out"): 303,
    # Tax rates and suppliers: a manager reads them, an owner or admin changes them.
    ("GET", "/console/tax-rates"): 200, ("POST", "/console/tax-rates"): 403, ("GET", "/console/suppliers"): 200,
    ("GET", "/console/suppliers/new"): 403, ("POST", "/console/suppliers"): 403,
    ("GET", "/console/suppliers/{supplier_id}/edit"): 403, ("POST", "/console/suppliers/{supplier_id}"): 403,
    ("POST", "/console/suppliers/{supplier_id}/delete"): 403,
    # The catalog is the tenant's: a manager browses it (an id they do not know is "no such product"), an owner or
    # admin edits accessories and imports the CSV.
    ("GET", "/console/catalog"): 200, ("GET", "/console/catalog/cannabis/{item_id}"): 404,
    ("GET", "/console/catalog/accessories/{item_id}"): 404, ("GET", "/console/catalog/accessories/new"): 403,
    ("POST", "/console/catalog/accessories"): 403, ("POST", "/console/catalog/accessories/{item_id}"): 403,
    ("GET", "/console/catalog/import"): 403, ("POST", "/console/catalog/import"): 403,
    ("GET", "/console/catalog/import/{upload_id}"): 403, ("POST", "/console/catalog/import/{upload_id}/apply"): 403,
    ("GET", "/console/reports"): 303,
    # Sales of all my stores: a manager's own stores only (the figures are checked in test_console_sales).
    ("GET", "/console/sales"): 200, ("GET", "/console/sales/export"): 200, ("GET", "/console/sales/section"): 200,
    ("GET", "/console/health"): 200, ("GET", "/console/promotions"): 303,
    ("GET", "/console/language/{lang}"): 404,  # a language the console does not speak
}


def console_routes(app) -> list[tuple[str, str]]:
    return [(method, path) for method, path in all_routes(app) if path.startswith("/console")]


def _orders_and_supplier(console_app, tenant) -> dict[str, str]:
    """A purchase order in each store and a supplier of the tenant, for the routes that name one."""
    from sync.hub import suppliers
    from sync.hub.purchasing import create_purchase_order
    from sync.hub.tenancy import Scope

    with console_app.state.db.write() as session:
        ids = {name: str(create_purchase_order(session, session.get(Store, store_id),
                                               po_number=f"PO-{name}-{tenant.code}", lines=[]).id)
               for name, store_id in (("po_a", tenant.store_a), ("po_b", tenant.store_b))}
        ids["supplier"] = str(suppliers.create_supplier(session, Scope(tenant.tenant_id), code=f"S{tenant.code}",
                                                        name="Sweep Farms", province="ON").id)
    return ids


def test_a_manager_of_store_a_gets_403_on_every_store_b_route(console_app, tenant):
    manager = console_as(console_app, tenant.manager)
    named = _orders_and_supplier(console_app, tenant)
    routes = console_routes(console_app)
    with_store = [route for route in routes if "{store_id}" in route[1]]
    unknown = set(routes) - set(with_store) - set(NO_STORE_ROUTES)
    assert not unknown, f"new console routes must join the sweep or NO_STORE_ROUTES: {sorted(unknown)}"
    assert len(with_store) >= 16
    db = console_app.state.db
    promotion_a, code_a = _store_a_promotion_and_code(db, tenant)
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(HubAudit).where(HubAudit.store_id == tenant.store_b))
    for method, path in with_store:
        url = (path.replace("{store_id}", str(tenant.store_b)).replace("{terminal_id}", str(tenant.terminal_b))
               .replace("{staff_id}", str(tenant.staff_b)).replace("{po_id}", named["po_b"])
               .replace("{schedule_id}", str(uuid.uuid4()))
               .replace("{promotion_id}", str(promotion_a)).replace("{code_id}", str(code_a)))
        response = manager.post(url) if method == "POST" else manager.get(url)
        assert response.status_code == 403, f"{method} {path}: {response.status_code} {response.text[:300]}"
        assert "not one of yours" in response.text, f"{method} {path} was refused for another reason"
        if method == "GET":  # the same page of the manager's own store opens: the 403 above is about store B
            own = manager.get(url.replace(str(tenant.store_b), str(tenant.store_a))
                              .replace(str(tenant.staff_b), str(tenant.staff_a)).replace(named["po_b"], named["po_a"]))
            assert own.status_code == 200, f"GET {path} for store A: {own.status_code}"
    listing = manager.get("/console/stores").text
    assert f"{tenant.code}A" in listing and f"{tenant.code}B" not in listing
    for (method, route), status in NO_STORE_ROUTES.items():
        if route != "/console/sign-out":
            path = route.replace("{supplier_id}", named["supplier"])
            path = re.sub(r"\{\w+\}", str(uuid.uuid4()), path)  # an id of something that is not there
            response = manager.post(path) if method == "POST" else manager.get(path)
            assert response.status_code == status, f"{method} {route}: {response.status_code}"
    with db.read() as session:
        after = session.scalar(select(func.count()).select_from(HubAudit).where(HubAudit.store_id == tenant.store_b))
        assert after == before, "nothing was done to store B"
        assert session.get(Store, tenant.store_b).status == "active"


def _store_a_promotion_and_code(db, tenant):
    """A promotion and a code of store A: named in store B's URLs, they must not open through store B either."""
    from decimal import Decimal

    from sync.hub.models import DiscountCode, Promotion

    with db.write() as session:
        promotion = Promotion(tenant_id=tenant.tenant_id, store_id=tenant.store_a, number=1, name="A's deal",
                              promo_type="percent_off", definition={"id": 1, "name": "A's deal", "kind": "percent_off",
                                                                    "applies_to": {"everything": True}, "percent": "5"})
        code = DiscountCode(tenant_id=tenant.tenant_id, store_id=tenant.store_a, code=f"A{tenant.code}",
                            discount_type="fixed", discount_value=Decimal(1))
        session.add_all([promotion, code])
        session.flush()
        return promotion.id, code.id


def test_a_missing_or_wrong_csrf_token_gets_403_and_changes_nothing(console_app, tenant, console):
    assert console.get("/console/sign-in").status_code == 200
    for token in ("", "forged"):
        refused = console.post("/console/sign-in", {"login": tenant.owner, "password": PASSWORD}, csrf=token)
        assert refused.status_code == 403 and "did not come from the console" in refused.text
    owner = console_as(console_app, tenant.owner)
    new_store = {"store_code": f"{tenant.code}C", "name": "C", "province_code": "ON"}
    anonymous_token = console.csrf  # a real token, but of another visitor: not this session's
    for token in ("", "forged", anonymous_token):
        assert owner.post("/console/stores", new_store, csrf=token).status_code == 403
        assert owner.post(f"/console/stores/{tenant.store_a}/deactivate", csrf=token).status_code == 403
    with console_app.state.db.read() as session:
        assert session.scalar(select(Store.id).where(Store.store_code == f"{tenant.code}C")) is None
        assert session.get(Store, tenant.store_a).status == "active"
    assert owner.post("/console/stores", new_store).status_code == 303, "the page's own token works"


def test_five_wrong_passwords_lock_the_account_for_15_minutes(console_app, tenant, console):
    for _ in range(5):
        wrong = console.sign_in(tenant.manager, "not the password")
        assert wrong.status_code == 401 and "user name or password is wrong" in wrong.text
    locked = console.sign_in(tenant.manager, PASSWORD)
    assert locked.status_code == 401 and "locked after 5 wrong passwords" in locked.text
    assert "15 minutes" in locked.text
    by_email = console.sign_in(f"MANAGER@{tenant.code.lower()}.example", PASSWORD)
    assert by_email.status_code == 401 and "locked" in by_email.text, "the e-mail reaches the same locked account"
    db = console_app.state.db
    with db.write() as session:
        user = session.scalar(select(ConsoleUser).where(ConsoleUser.username == tenant.manager))
        assert user.locked_until - utcnow() > timedelta(minutes=14)
        assert session.scalar(select(func.count()).select_from(HubAudit).where(
            HubAudit.action == "console_user.locked", HubAudit.entity_id == str(user.id))) == 1
        user.locked_until = utcnow() - timedelta(seconds=1)  # the 15 minutes are over
    assert console.sign_in(f"manager@{tenant.code.lower()}.example", PASSWORD).status_code == 303


def test_an_expired_session_goes_back_to_sign_in_keeping_where_it_was(console_app, tenant):
    owner = console_as(console_app, tenant.owner)
    page = f"/console/stores/{tenant.store_a}/terminals"
    assert owner.get(page).status_code == 200
    with console_app.state.db.write() as session:
        session.execute(update(ConsoleSession).values(expires_at=utcnow() - timedelta(minutes=1)))
    gone = owner.get(page)
    assert gone.status_code == 303
    assert gone.headers["location"] == f"/console/sign-in?next=%2Fconsole%2Fstores%2F{tenant.store_a}%2Fterminals"
    form = owner.get(gone.headers["location"])
    assert f'name="next" value="{page}"' in form.text
    sent = owner.post(f"/console/stores/{tenant.store_a}/pairing-codes",
                      headers={"referer": f"http://testserver{page}"})
    assert sent.status_code == 303 and "next=%2Fconsole%2Fstores" in sent.headers["location"], "a form goes back too"
    back = owner.sign_in(tenant.owner, PASSWORD, next_url=page)
    assert back.status_code == 303 and back.headers["location"] == page
    assert owner.sign_in(tenant.owner, PASSWORD, next_url="https://evil.example/").headers["location"] == \
        "/console/stores", "next never leaves the console"


def test_a_cashier_is_refused_with_a_sentence(console_app, tenant, console):
    refused = console.sign_in(tenant.cashier)
    assert refused.status_code == 401
    assert "Cashiers sign in at the register with their PIN" in refused.text
    assert "pos_console_session" not in refused.headers.get("set-cookie", "")


def test_the_set_password_link_is_single_use_and_expires(console_app, console):
    from sync.hub import accounts
    from sync.hub.models import PasswordToken
    from sync.hub.tokens import digest

    with console_app.state.db.write() as session:
        made = accounts.create_tenant(session, name="Link Co", code=f"L{utcnow():%H%M%S%f}", province_code="QC")
        token, second = made.password_token, accounts.issue_password_link(session, made.owner)
        stored = session.scalar(select(PasswordToken.token_hash).where(PasswordToken.user_id == made.owner.id))
        assert token not in stored and stored in (digest(token), digest(second)), "only a hash is kept"
    page = console.get(f"/console/set-password?token={token}")
    assert page.status_code == 200 and made.owner.username in page.text
    short = console.post("/console/set-password", {"token": token, "password": "short", "confirm": "short"})
    assert short.status_code == 400 and "too short" in short.text
    done = console.post("/console/set-password", {"token": token, "password": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 200 and "Your password is set" in done.text
    again = console.post("/console/set-password", {"token": token, "password": PASSWORD, "confirm": PASSWORD})
    assert again.status_code == 400 and "already used or expired" in again.text
    with console_app.state.db.write() as session:
        session.execute(update(PasswordToken).where(PasswordToken.token_hash == digest(second))
                        .values(expires_at=utcnow() - timedelta(seconds=1)))
    assert "already used or expired" in console.get(f"/console/set-password?token={second}").text


def test_the_session_cookie_is_httponly_lax_and_secure_behind_https(console_app, tenant, console):
    console.get("/console/sign-in")
    plain = console.post("/console/sign-in", {"login": tenant.owner, "password": PASSWORD})
    cookie = plain.headers["set-cookie"]
    assert "pos_console_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie
    console.http.cookies.clear()
    console.get("/console/sign-in")
    proxied = console.post("/console/sign-in", {"login": tenant.owner, "password": PASSWORD},
                           headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in proxied.headers["set-cookie"]


def test_console_actions_are_audited_with_who_and_which_store(console_app, tenant):
    owner = console_as(console_app, tenant.owner)
    made = owner.post(f"/console/stores/{tenant.store_a}/pairing-codes")
    code = re.search(r'data-testid="pairing-code">([^<]+)<', made.text).group(1)
    assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code) and "<svg" in made.text
    assert owner.post(f"/console/stores/{tenant.store_b}/terminals/{tenant.terminal_b}/revoke").status_code == 303
    with console_app.state.db.read() as session:
        owner_id = session.scalar(select(ConsoleUser.id).where(ConsoleUser.username == tenant.owner))
        rows = session.execute(select(HubAudit.action, HubAudit.store_id, HubAudit.via).where(
            HubAudit.user_id == owner_id)).all()
    assert ("pairing_code.issued", tenant.store_a, "console") in rows
    assert ("terminal.revoked", tenant.store_b, "console") in rows
    page = owner.get(f"/console/stores/{tenant.store_b}/terminals").text
    assert "Revoked" in page and "B till" in page
