"""Pricing a cart against a book of promotions: what applies, the best plan for the customer, and why the rest
did not apply.

The book is built once (when promotions change) and indexes its promotions by SKU, category and brand, so pricing
after a scan looks only at those that name something in the cart. Those not on at the store-local time, and those
that would save nothing alone, are set aside with their reason before the search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from pos_app.domain.money import Money
from pos_app.domain.promotions.eligibility import Reason, code_refusal, inactive_reason
from pos_app.domain.promotions.kinds import Rule
from pos_app.domain.promotions.model import CartLine, Kind, PromotionSet
from pos_app.domain.promotions.plan import Claims, Evaluator
from pos_app.domain.promotions.result import NotApplied, PricingResult, build_result
from pos_app.domain.promotions.search import BUDGET, best_sequence
from pos_app.domain.promotions.units import Units, cart_units

MATCHING_KEPT = 20_000  # product kinds whose matching promotions the book remembers


class PromotionBook:
    def __init__(self, promotion_set: PromotionSet, budget: int = BUDGET) -> None:
        self.law = promotion_set.law
        self.budget = budget
        self.rules = [Rule(p) for p in sorted(promotion_set.promotions, key=lambda p: p.sort_key)]
        self.storewide: list[Rule] = []
        self.by_sku: dict[str, list[Rule]] = {}
        self.by_category: dict[str, list[Rule]] = {}
        self.by_brand: dict[str, list[Rule]] = {}
        for rule in self.rules:
            target = rule.promotion.target
            if target.everything:
                self.storewide.append(rule)
            for index, names in ((self.by_sku, target.skus), (self.by_category, target.categories),
                                 (self.by_brand, target.brands)):
                for name in names:
                    index.setdefault(name, []).append(rule)
        self.rank = {rule: place for place, rule in enumerate(self.rules)}
        self._matching: dict[tuple[str, str, str], tuple[Rule, ...]] = {}
        self.codes = {c.code.upper(): (c, Rule(c.as_promotion())) for c in promotion_set.codes}

    def matching(self, line: CartLine) -> tuple[Rule, ...]:
        """The promotions that count `line`, best sort key first. A till sells the same products again and again,
        so the answer is kept by SKU, category and brand for as long as the book lives."""
        key = (line.sku, line.category, line.brand)
        found = self._matching.get(key)
        if found is None:
            rules = dict.fromkeys(self.storewide)
            for index, name in ((self.by_sku, line.sku), (self.by_category, line.category),
                                (self.by_brand, line.brand)):
                for rule in index.get(name, ()):
                    rules[rule] = None
            found = tuple(sorted(rules, key=self.rank.__getitem__))
            if len(self._matching) >= MATCHING_KEPT:
                self._matching.clear()
            self._matching[key] = found
        return found

    def price(self, lines: Sequence[CartLine], at: datetime, codes: Sequence[str] = (),
              used_locally: Mapping[str, int] | None = None) -> PricingResult:
        """Price `lines` at store-local time `at` with the codes entered; `used_locally` counts each code's uses
        on this terminal that the hub has not counted yet."""
        units = cart_units(lines, self.law)
        qualifying: dict[Rule, list[int]] = {}
        masks: dict[Rule, int] = {}
        for index in sorted(units.first_unit, key=units.first_unit.__getitem__):  # canonical order
            first = units.first_unit[index]
            quantity = lines[index].quantity
            span = range(first, first + quantity)
            span_mask = ((1 << quantity) - 1) << first
            for rule in self.matching(lines[index]):
                if rule in masks:
                    qualifying[rule].extend(span)
                    masks[rule] |= span_mask
                else:
                    qualifying[rule] = list(span)
                    masks[rule] = span_mask
        refused: list[NotApplied] = []
        candidates: list[Rule] = []
        for rule in sorted(qualifying, key=self.rank.__getitem__):
            reason = None if rule.always_on else inactive_reason(rule.promotion, at)
            if reason:
                refused.append(_not_applied(rule, reason))
            else:
                candidates.append(rule)
        if codes:
            purchase = Money.from_cents(sum(line.unit_price.cents * line.quantity for line in lines))
            candidates += self._codes(codes, at, purchase, used_locally or {}, units, qualifying, refused)
        claims = Claims(units, qualifying, masks)
        kept = []
        for rule in candidates:
            if claims.claim(rule, -1)[2]:  # saves something alone
                kept.append(rule)
            else:
                refused.append(_not_applied(rule, no_saving_reason(rule, qualifying[rule], units)))
        evaluator = Evaluator(units, [r for r in kept if not r.stackable], [r for r in kept if r.stackable],
                              qualifying, claims)
        sequence, exact = best_sequence(evaluator, self.budget)
        _saving, taken = evaluator.run(sequence)
        used = {rule for rule, _u, off in taken if off}
        exclusive_units = {u for rule, u, _off in taken if not rule.stackable}
        for rule in kept:
            if rule in used:
                continue
            lost = "not_combinable" if rule.stackable and exclusive_units.issuperset(qualifying[rule]) else \
                "better_deal"
            refused.append(_lost(rule, lost))
        return build_result(units, taken, refused, exact)

    def _codes(self, entered: Sequence[str], at: datetime, purchase, used_locally: Mapping[str, int],
               units: Units, qualifying: dict[Rule, list[int]], refused: list[NotApplied]) -> list[Rule]:
        rules = []
        for text in dict.fromkeys(code.strip().upper() for code in entered if code.strip()):
            code, rule = self.codes.get(text, (None, None))
            refusal = code_refusal(code, text, at, purchase, used_locally)
            if refusal:
                refused.append(NotApplied(code.id if code else None, text, code.name if code else text, *refusal))
                continue
            qualifying[rule] = list(range(units.count))  # its mask: Claims works it out
            rules.append(rule)
        return rules


def _not_applied(rule: Rule, reason: Reason) -> NotApplied:
    return NotApplied(rule.promotion.id, rule.promotion.code, rule.promotion.name, *reason)


LOST = {
    "not_combinable": "“{}” was not used: its items already have promotions that do not combine with others, and "
                      "they save the customer more.",
    "better_deal": "“{}” was not used: the customer saves more with the other promotions on the same items.",
}


def _lost(rule: Rule, reason_code: str) -> NotApplied:
    """A promotion that lost to a better plan, said the same for every cart: made once for as long as the book
    lives (a thousand promotions lose this way again and again as a big cart is scanned)."""
    said = rule.said.get(reason_code)
    if said is None:
        said = rule.said[reason_code] = _not_applied(rule, (reason_code, LOST[reason_code].format(rule.promotion.name)))
    return said


def no_saving_reason(rule: Rule, units: list[int], cart: Units) -> Reason:
    name = rule.promotion.name
    if units and all(cart.price[u] <= cart.floor[u] for u in units):
        return ("at_price_floor", f"“{name}” would take these items below what the law allows (cannabis is never "
                "sold for $0, nor below its cost unless the store allows it), so they stay at their price.")
    needed = {Kind.BUNDLE: rule.size, Kind.BUY_X_GET_Y: rule.buy + rule.get,
              Kind.VOLUME_TIERS: min((q for q, _r in rule.tiers), default=0)}.get(rule.kind, 0)
    if rule.mix:
        have = len(units)
    else:
        per_sku: dict[str, int] = {}
        for u in units:
            per_sku[cart.skus[u]] = per_sku.get(cart.skus[u], 0) + 1
        have = max(per_sku.values(), default=0)
    if have < needed:
        same = "" if rule.mix else " of one product"
        return "not_enough_units", f"“{name}” needs {needed} qualifying items{same}; the cart has {have}."
    return "no_saving", f"“{name}” would not lower the price of these items."
