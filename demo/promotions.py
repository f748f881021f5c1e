"""The demo store's promotions, as a promotions.v1 file (docs/promotions.md): the hub of `make demo` imports it
(`pos-hub import-promotions`), and `pos-app demo-data --promotions` puts it in a terminal's replica, so the
register shows deals on pre-rolls, rolling papers and beverages, and takes the code WELCOME10.

By category only, so it fits every generated catalog; stackable, so the code comes off on top of them. Pre-rolls
at 50 % off would go below what the store paid; the file allows it on the hub, and a store that does not (the
demo's) keeps each unit at its cost."""

from __future__ import annotations

ALWAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

DEMO_PROMOTIONS: dict = {
    "format": "promotions.v1",
    "allow_below_cost": True,
    "promotions": [
        {"id": 1, "name": "Pre-rolls: 3rd at half price", "kind": "buy_x_get_y", "buy": 2, "get": 1,
         "percent": "50", "applies_to": {"categories": ["Pre-Rolls"]}, "priority": 10, "stackable": True},
        {"id": 2, "name": "Papers: any 3 for $9", "kind": "bundle", "bundle_size": 3, "bundle_price": "9.00",
         "applies_to": {"categories": ["Rolling Papers"]}, "priority": 5},
        {"id": 3, "name": "Drinks: 10–15 % off 2 or more", "kind": "volume_tiers",
         "tiers": [{"min_quantity": 2, "percent": "10"}, {"min_quantity": 4, "percent": "15"}],
         "applies_to": {"categories": ["Beverages"]}, "stackable": True},
        {"id": 4, "name": "Happy hour: edibles 10 % off", "kind": "percent_off", "percent": "10", "stackable": True,
         "applies_to": {"categories": ["Edibles"]},
         "schedule": [{"days": ALWAYS, "start": "16:00", "end": "18:00"}]},
    ],
    "discount_codes": [
        {"id": 1, "code": "WELCOME10", "name": "Welcome 10 %", "discount_type": "percentage",
         "discount_value": "10", "minimum_purchase": "30.00"},
    ],
}
