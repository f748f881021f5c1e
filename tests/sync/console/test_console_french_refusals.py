"""The hub services' refusals on French pages, over HTTP on PostgreSQL: each page kind says in French what is wrong
(staff and PINs, suppliers, promotions and the law's sentences, discount codes, purchase orders and shipping notice
rows, catalog CSV rows, accessories, tax rates, stores, pairing, the OCS report, price schedules), with no English
word left inside, while the admin API keeps its English; and amounts typed the French way (`1,50`, `1 234,56 $`,
`9,975`) are taken on the promotion, discount-code, purchase-order and tax-rate forms and shown back in French."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from html import unescape
from zoneinfo import ZoneInfo

from sqlalchemy import select

from sync.hub.models import (
    AccessoryCategory,
    DiscountCode,
    PriceSchedule,
    Promotion,
    PurchaseOrder,
    PurchaseOrderItem,
    TaxRate,
)
from tests.sync.console.conftest import console_as
from tests.sync.console.purchasing import ASN_HEADER, add_products, add_supplier, in_days
from tests.sync.console.test_console_catalog import HEADER, _accessory
from tests.sync.console.test_console_promotions import BUNDLE, stock_catalog
from tests.sync.console.test_console_reports import _stock

NBSP = "\u00a0"


def french(app, login: str):
    who = console_as(app, login)
    assert who.get("/console/language/fr").status_code == 303
    return who


def said(answer) -> str:
    return unescape(answer.text)


def test_staff_supplier_store_and_pairing_refusals_read_in_french(console_app, tenant):
    owner = french(console_app, tenant.owner)
    staff = f"/console/stores/{tenant.store_a}/staff"
    new = {"staff_code": "s201", "first_name": "Maya", "role": "cashier"}
    short = owner.post(staff, {**new, "pin": "12"})
    assert short.status_code == 422
    assert "Le NIP d'un caissier compte au moins 4 chiffres; celui-ci en a 2." in said(short)
    assert owner.post(staff, {**new, "pin": "2468"}).status_code == 303
    taken = owner.post(staff, {**new, "pin": "1357"})
    assert "Un employé a déjà le code S201; choisissez-en un autre." in said(taken)
    over = owner.post(staff, {**new, "staff_code": "s202", "pin": "1357", "discount_cap_percent": "cent"})
    assert "cent n'est pas une limite de rabais" in said(over)

    supplier = {"code": f"F{uuid.uuid4().hex[:6].upper()}", "name": "Ferme du Nord", "province": "QC",
                "contact_email": "pas-une-adresse", "is_active": "on"}
    refused = owner.post("/console/suppliers", supplier)
    assert refused.status_code == 422 and "pas-une-adresse n'est pas une adresse courriel." in said(refused)
    nowhere = owner.post("/console/suppliers", {**supplier, "contact_email": "", "province": "ZZ"})
    assert "ZZ n'est pas un code de province ou de territoire canadien" in said(nowhere)

    again = owner.post("/console/stores", {"store_code": f"{tenant.code}A", "name": "Encore", "province_code": "ON"})
    assert again.status_code == 422
    assert f"Un magasin avec le code {tenant.code}A existe déjà; choisissez un autre code." in said(again)
    assert owner.post(f"/console/stores/{tenant.store_b}/deactivate").status_code == 303
    pairing = owner.post(f"/console/stores/{tenant.store_b}/pairing-codes")
    assert f"Le magasin {tenant.code}B est désactivé; activez-le avant de jumeler des terminaux." in said(pairing)


def test_promotion_refusals_and_the_laws_sentences_read_in_french(console_app, tenant):
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    owner = french(console_app, tenant.owner)
    base = f"/console/stores/{tenant.store_a}/promotions"
    free = {"name": "2 achetées, 1 gratuite", "kind": "buy_x_get_y", "buy": "2", "get": "1", "percent": "100",
            "categories": "Vapes"}
    refused = owner.post(base, free)
    assert refused.status_code == 422
    page = said(refused)
    assert ("La promotion 1 « 2 achetées, 1 gratuite » donne des articles gratuitement et s'applique au cannabis : "
            "un article de cannabis ne peut jamais être vendu 0 $.") in page
    assert "gives items away free" not in page
    unknown = said(owner.post(base, {**BUNDLE, "categories": "Pre-rols"}))
    assert "nomme, comme catégorie, un nom absent du catalogue : Pre-rols." in unknown
    assert "names a category" not in unknown
    nothing = said(owner.post(base, {**BUNDLE, "bundle_price": "-1,00"}))
    assert f"doit avoir un prix d'ensemble de 0,00{NBSP}$ ou plus." in nothing and "$0.00" not in nothing

    codes = f"/console/stores/{tenant.store_a}/discount-codes"
    whole = said(owner.post(codes, {"code": "gratuit", "discount_type": "percentage", "discount_value": "100"}))
    assert "Le code de rabais GRATUIT retire 100 %, ce qui vendrait du cannabis à 0 $; la loi ne le permet pas." \
        in whole
    zero = said(owner.post(codes, {"code": "zero", "discount_type": "fixed", "discount_value": "0,00"}))
    assert f"Le code de rabais ZERO doit avoir un montant fixe de plus de 0,00{NBSP}$." in zero
    assert owner.post(codes, {"code": "bienvenue", "discount_type": "fixed", "discount_value": "5"}).status_code == 303
    taken = said(owner.post(codes, {"code": "BIENVENUE", "discount_type": "fixed", "discount_value": "5"}))
    assert "Le code BIENVENUE existe déjà. Choisissez un autre code." in taken
    with console_app.state.db.read() as session:
        assert session.scalar(select(Promotion.id).where(Promotion.tenant_id == tenant.tenant_id)) is None


def test_french_amounts_are_taken_by_the_promotion_and_code_forms_and_shown_back_in_french(console_app, tenant):
    stock_catalog(console_app, tenant.tenant_id, tenant.code)
    owner = french(console_app, tenant.owner)
    base = f"/console/stores/{tenant.store_a}/promotions"
    made = owner.post(base, {**BUNDLE, "name": "3 pour 24,50", "bundle_price": "24,50"})
    assert made.status_code == 303, said(made)[-800:]
    off = owner.post(base, {"name": "1,50 $ de rabais", "kind": "amount_off", "amount": "1,50 $", "brands": "Spinach"})
    assert off.status_code == 303, said(off)[-800:]
    tiers = owner.post(base, {"name": "Paliers", "kind": "volume_tiers", "categories": "Pre-Rolls",
                              "tier_quantity": ["2", "4", ""], "tier_percent": ["5,5", "12,5", ""]})
    assert tiers.status_code == 303, said(tiers)[-800:]
    with console_app.state.db.read() as session:
        found = {p.name: p for p in session.scalars(select(Promotion).where(Promotion.tenant_id == tenant.tenant_id))}
        assert Decimal(str(found["3 pour 24,50"].definition["bundle_price"])) == Decimal("24.50")
        assert Decimal(str(found["1,50 $ de rabais"].definition["amount"])) == Decimal("1.50")
        assert [Decimal(str(t["percent"])) for t in found["Paliers"].definition["tiers"]] == [Decimal("5.5"),
                                                                                             Decimal("12.5")]
    edit = said(owner.get(f"{base}/{found['3 pour 24,50'].id}/edit"))
    assert 'value="24,50"' in edit and 'value="24.50"' not in edit
    assert 'value="12,5"' in said(owner.get(f"{base}/{found['Paliers'].id}/edit"))

    codes = f"/console/stores/{tenant.store_a}/discount-codes"
    code = owner.post(codes, {"code": "gros", "discount_type": "fixed", "discount_value": "12,75",
                              "minimum_purchase": "1 234,56 $"})
    assert code.status_code == 303, said(code)[-800:]
    with console_app.state.db.read() as session:
        saved = session.scalar(select(DiscountCode).where(DiscountCode.tenant_id == tenant.tenant_id))
        assert (saved.discount_value, saved.minimum_purchase) == (Decimal("12.75"), Decimal("1234.56"))


def test_purchasing_and_tax_rate_refusals_in_french_and_their_french_amounts(console_app, tenant):
    (sku, _gtin), = add_products(console_app, tenant, 1)
    supplier_id, code = add_supplier(console_app, tenant)
    owner = french(console_app, tenant.owner)
    base = f"/console/stores/{tenant.store_a}/purchase-orders"
    number = f"PO-{uuid.uuid4().hex[:6]}"
    typed = {"po_number": number, "supplier_id": str(supplier_id), "expected_date": in_days(3),
             "item": [sku, "NOPE", sku], "quantity": ["4", "1", "zéro"], "unit_cost": ["24,99", "1", "1"],
             "lot": ["", "", ""]}
    refused = said(owner.post(base, typed))
    assert "ligne 2 : NOPE n'est ni un SKU ni un GTIN du catalogue du locataire" in refused
    assert "ligne 3 : quantity 'zéro' n'est pas un nombre entier supérieur à zéro" in refused
    assert "line 2" not in refused and 'value="24,99"' in refused, "the lines keep what was typed"
    made = owner.post(base, {**typed, "item": [sku, sku, ""], "quantity": ["4", "2", ""],
                             "unit_cost": ["24,99", "1 234,56 $", ""]})
    assert made.status_code == 303, said(made)[-800:]
    with console_app.state.db.read() as session:
        costs = sorted(session.scalars(select(PurchaseOrderItem.unit_cost).join(
            PurchaseOrder, PurchaseOrder.id == PurchaseOrderItem.purchase_order_id).where(
            PurchaseOrder.po_number == number)))
    assert costs == [Decimal("24.99"), Decimal("1234.56")]
    notice = f"{ASN_HEADER}PO-{code}-X,NOBODY,{sku},,1,1.00,\n"
    rejected = owner.http.post(f"{base}/asn", data={"csrf_token": owner.csrf},
                               files={"file": ("avis.csv", notice.encode(), "text/csv")})
    assert rejected.status_code == 422
    assert "ligne 2 : le fournisseur NOBODY est inconnu; ajoutez-le d'abord à la page Fournisseurs" in said(rejected)

    # Nova Scotia: tax rates are the province's, shared by every tenant, and PE is test_console_purchasing's.
    past = said(owner.post("/console/tax-rates", {"province_code": "NS", "tax_type": "HST", "percent": "14,5",
                                                  "effective_from": in_days(-1)}))
    assert "Un nouveau taux entre en vigueur à une date future (après le " in past and "after" not in past
    added = owner.post("/console/tax-rates", {"province_code": "NS", "tax_type": "HST", "percent": "9,975 %",
                                              "effective_from": in_days(40)})
    assert added.status_code == 303, said(added)[-800:]
    with console_app.state.db.read() as session:
        assert Decimal("0.09975") in set(session.scalars(select(TaxRate.rate).where(TaxRate.tax_type == "HST")))
    page = said(owner.get(added.headers["location"]))
    assert "TVH" in page and "9,975" in page
    overlap = said(owner.post("/console/tax-rates", {"province_code": "NS", "tax_type": "HST", "percent": "16",
                                                     "effective_from": in_days(40)}))
    assert "La TVH de NS a déjà un taux à partir du " in overlap


def test_catalog_rows_accessories_reports_and_schedules_say_what_is_wrong_in_french(console_app, tenant):
    (sku, _gtin), = add_products(console_app, tenant, 1)
    with console_app.state.db.write() as session:
        category = AccessoryCategory(tenant_id=tenant.tenant_id, name="Papiers à rouler")
        session.add(category)
        session.flush()
        category_id = category.id
    owner = french(console_app, tenant.owner)
    bad = (HEADER + "NEW-1,Bad code,Tundra,Flower,dried_flower,3.5,g,9.99,00628123456798\n"
           "NEW-2,Cheap,Tundra,Flower,dried_flower,3.5,g,-1,\n")
    upload = owner.http.post("/console/catalog/import", data={"csrf_token": owner.csrf},
                             files={"file": ("catalogue.csv", bad.encode(), "text/csv")})
    preview = said(owner.get(upload.headers["location"]))
    assert "each_gtin '00628123456798' n'est pas un GTIN : il lui faut 8, 12, 13 ou 14 chiffres" in preview
    assert "price_per_unit '-1' ne peut pas être négatif" in preview and "cannot be negative" not in preview

    accessory = said(owner.post("/console/catalog/accessories", _accessory(category_id, gtin="0062812345679")))
    assert "0062812345679 n'est pas un GTIN : il lui faut 8, 12, 13 ou 14 chiffres" in accessory
    assert owner.post("/console/catalog/accessories", _accessory(category_id, sku="acc-fr-1")).status_code == 303
    taken = said(owner.post("/console/catalog/accessories", _accessory(category_id, sku="acc-fr-1", name="Encore")))
    assert "Le SKU ACC-FR-1 est déjà utilisé dans votre catalogue; choisissez-en un autre." in taken

    _stock(console_app.state.db, tenant, 2)
    today = datetime.now(ZoneInfo("America/Toronto")).date()
    future = owner.post(f"/console/stores/{tenant.store_a}/reports/ocs/{(today + timedelta(days=3)).isoformat()}")
    assert future.status_code == 422
    assert "n'est pas encore arrivé dans le fuseau horaire du magasin (America/Toronto)" in said(future)

    prices = f"/console/stores/{tenant.store_a}/prices"
    at = (datetime.now(ZoneInfo("America/Toronto")) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert owner.post(f"{prices}/schedules", {"sku": sku, "price": "1 234,50 $", "effective_at": at}) \
        .status_code == 303
    with console_app.state.db.read() as session:
        schedule = session.scalar(select(PriceSchedule).where(PriceSchedule.store_id == tenant.store_a))
    assert schedule.price == Decimal("1234.50")
    assert owner.post(f"{prices}/schedules/{schedule.id}/cancel").status_code == 303
    twice = said(owner.post(f"{prices}/schedules/{schedule.id}/cancel"))
    assert f"Le changement de {sku} à 1{NBSP}234,50{NBSP}$ a déjà été annulé; fixez plutôt un nouveau prix." \
        in twice.replace("\u202f", NBSP)
    assert "cancelled" not in twice
