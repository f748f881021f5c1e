"""Canada has no pennies: cash is paid to the nearest five cents."""

from pos_app.domain.money import Money


def round_cash(amount: Money) -> Money:
    """.01/.02 → .00, .03/.04 → .05, .06/.07 → .05, .08/.09 → .10; negatives mirror positives."""
    cents = abs(amount.cents)
    rounded = (cents + 2) // 5 * 5
    return Money.from_cents(-rounded if amount.is_negative() else rounded)


def rounding_difference(amount: Money) -> Money:
    return round_cash(amount) - amount


BILLS_CENTS = (500, 1000, 2000, 5000, 10000)  # the Canadian bills a customer hands over


def next_bills_up(due: Money, *, at_most: int = 4) -> list[Money]:
    """What a customer is likely to hand over for ``due``: each bill's next multiple above it, smallest first.

    $129.15 gives $130, $140, $150 and $200; the exact amount is offered on its own button.
    """
    cents = due.cents
    if cents <= 0:
        return []
    amounts = sorted({(cents // bill + 1) * bill for bill in BILLS_CENTS})
    return [Money.from_cents(amount) for amount in amounts[:at_most]]
