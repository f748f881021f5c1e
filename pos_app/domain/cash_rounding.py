"""Canada has no pennies: cash is paid to the nearest five cents."""

from pos_app.domain.money import Money


def round_cash(amount: Money) -> Money:
    """.01/.02 → .00, .03/.04 → .05, .06/.07 → .05, .08/.09 → .10; negatives mirror positives."""
    cents = abs(amount.cents)
    rounded = (cents + 2) // 5 * 5
    return Money.from_cents(-rounded if amount.is_negative() else rounded)


def rounding_difference(amount: Money) -> Money:
    return round_cash(amount) - amount
