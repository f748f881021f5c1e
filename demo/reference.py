"""The tenant, provinces and taxes, the demo store, its staff and roles, and the provincial suppliers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from demo.values import new_id

TENANT_CODE = "GREENLEAF"
TENANT_NAME = "Greenleaf Cannabis Co."
STORE_CODE = "ON001"

# code, name, minimum age, [(tax type, rate, effective from)]
PROVINCES: tuple[tuple[str, str, int, tuple[tuple[str, str, date], ...]], ...] = (
    ("AB", "Alberta", 18, (("GST", "0.05", date(2024, 1, 1)),)),
    ("BC", "British Columbia", 19, (("GST", "0.05", date(2024, 1, 1)), ("PST", "0.07", date(2024, 1, 1)))),
    ("MB", "Manitoba", 19, (("GST", "0.05", date(2024, 1, 1)), ("PST", "0.07", date(2024, 1, 1)))),
    ("NB", "New Brunswick", 19, (("HST", "0.15", date(2024, 1, 1)),)),
    ("NL", "Newfoundland and Labrador", 19, (("HST", "0.15", date(2024, 1, 1)),)),
    # Nova Scotia cut its HST from 15 % to 14 % on 2025-04-01.
    ("NS", "Nova Scotia", 19, (("HST", "0.14", date(2025, 4, 1)),)),
    ("NT", "Northwest Territories", 19, (("GST", "0.05", date(2024, 1, 1)),)),
    ("NU", "Nunavut", 19, (("GST", "0.05", date(2024, 1, 1)),)),
    ("ON", "Ontario", 19, (("HST", "0.13", date(2024, 1, 1)),)),
    ("PE", "Prince Edward Island", 19, (("HST", "0.15", date(2024, 1, 1)),)),
    ("QC", "Quebec", 21, (("GST", "0.05", date(2024, 1, 1)), ("QST", "0.09975", date(2024, 1, 1)))),
    ("SK", "Saskatchewan", 19, (("GST", "0.05", date(2024, 1, 1)), ("PST", "0.06", date(2024, 1, 1)))),
    ("YT", "Yukon", 19, (("GST", "0.05", date(2024, 1, 1)),)),
)

PERMISSIONS: dict[str, tuple[str, ...]] = {
    "cashier": ("sale.create", "discount.line", "discount.cart", "shift.open", "shift.close"),
    "manager": (
        "sale.create", "discount.line", "discount.cart", "shift.open", "shift.close", "refund.create",
        "sale.void", "drawer.no_sale", "shift.variance_approve", "override.approve", "receiving.receive",
        "inventory.adjust", "reports.view",
    ),
}
PERMISSIONS["admin"] = (*PERMISSIONS["manager"], "settings.edit", "staff.manage")

# staff code, role, first name, last name, PIN length
STAFF = (
    ("1001", "cashier", "Maya", "Tremblay", 4),
    ("2001", "manager", "Daniel", "Okafor", 6),
    ("9001", "admin", "Priya", "Sharma", 6),
)

WEEK_HOURS = {
    "monday": "09:00-23:00", "tuesday": "09:00-23:00", "wednesday": "09:00-23:00",
    "thursday": "09:00-23:00", "friday": "09:00-23:00", "saturday": "10:00-23:00", "sunday": "10:00-21:00",
}

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class StoreRefs:
    tenant_id: Any
    store_id: Any
    manager_id: Any
    supplier_id: Any  # the OCS


def demo_pin(rng: random.Random, length: int, taken: set[str]) -> str:
    """A PIN nobody would guess first: no repeated digit runs, no straight sequences, none shared."""
    while True:
        pin = "".join(rng.choice("0123456789") for _ in range(length))
        steps = {int(b) - int(a) for a, b in pairwise(pin)}
        if len(set(pin)) >= 3 and steps not in ({1}, {-1}) and pin not in taken:
            taken.add(pin)
            return pin


def build_reference(rng: random.Random, today: date, rows: Rows) -> tuple[StoreRefs, dict[str, str]]:
    tenant_id = new_id(rng)
    rows["tenants"] = [{"id": tenant_id, "code": TENANT_CODE, "name": TENANT_NAME, "currency": "CAD"}]

    provinces, taxes, province_ids = [], [], {}
    for code, name, min_age, components in PROVINCES:
        province_ids[code] = new_id(rng)
        provinces.append({"id": province_ids[code], "code": code, "name": name, "min_age": min_age})
        for tax_type, rate, effective_from in components:
            taxes.append({
                "id": new_id(rng), "province_territory_id": province_ids[code], "tax_type": tax_type,
                "rate": Decimal(rate), "effective_from": effective_from, "effective_to": None,
                "is_active": True,
            })
    rows["provinces_territories"] = provinces
    rows["tax_rates"] = taxes

    store_id = new_id(rng)
    rows["stores"] = [{
        "id": store_id, "tenant_id": tenant_id, "province_territory_id": province_ids["ON"],
        "store_code": STORE_CODE, "name": "Greenleaf Queen West", "street": "1024 Queen St W",
        "city": "Toronto", "postal_code": "M6J 1H1", "phone": "416-555-0142",
        "email": "queenwest@greenleaf.example", "hours": dict(WEEK_HOURS), "timezone": "America/Toronto",
        "license_number": f"RSA-{rng.randrange(1_000_000, 10_000_000)}",
        "license_expiry": today + timedelta(days=rng.randrange(200, 700)), "status": "active",
        "kiosk_enabled": True, "pos_enabled": True,
        "settings": {
            "cash_variance_limit": "10.00",
            "receipt_footer": "Thank you for shopping at Greenleaf! Merci et à bientôt! "
                              "Keep cannabis out of reach of children and pets.",
            "paper_width_mm": 80,
        },
    }]

    users, pins, taken = [], {}, set()
    for staff_code, role, first, last, pin_length in STAFF:
        user_id = new_id(rng)
        users.append({
            "id": user_id, "store_id": store_id, "staff_code": staff_code,
            "email": f"{first}.{last}@greenleaf.example".lower(), "first_name": first, "last_name": last,
            "role": role, "is_active": True,
        })
        pins[staff_code] = demo_pin(rng, pin_length, taken)
    rows["users"] = users
    rows["role_permissions"] = [
        {"id": new_id(rng), "role": role, "permission": permission}
        for role, permissions in PERMISSIONS.items() for permission in permissions
    ]
    manager_id = next(user["id"] for user in users if user["role"] == "manager")

    suppliers = [
        ("Ontario Cannabis Store", "OCS", "ON", "Wholesale Customer Care", "wholesale@ocs.example",
         "1-888-555-0100", "Toronto, ON", "Prepaid by EFT", "Sole lawful wholesaler for Ontario retailers"),
        ("Alberta Gaming, Liquor and Cannabis", "AGLC", "AB", "Cannabis Wholesale", "wholesale@aglc.example",
         "1-800-555-0199", "St. Albert, AB", "Net 0", "For the tenant's Alberta stores"),
        ("BC Liquor Distribution Branch", "BCLDB", "BC", "BC Cannabis Wholesale", "wholesale@bcldb.example",
         "1-604-555-0123", "Richmond, BC", "Net 0", "For the tenant's BC stores"),
    ]
    rows["provincial_suppliers"] = [
        {"id": new_id(rng), "name": name, "code": code, "contact_name": contact, "contact_email": email,
         "contact_phone": phone, "address": address, "province": province, "license_number": None,
         "is_active": True, "payment_terms": terms, "notes": notes}
        for name, code, province, contact, email, phone, address, terms, notes in suppliers
    ]
    refs = StoreRefs(tenant_id, store_id, manager_id, rows["provincial_suppliers"][0]["id"])
    return refs, pins
