"""Number formatting for messages a cashier reads."""

from decimal import ROUND_UP, Decimal


def format_number(value: Decimal, places: int = 2) -> str:
    """Plain figure with at most `places` decimals and no trailing zeros.

    Rounds away from zero so that an amount just over a limit never reads as the limit itself.
    """
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def items_text(count: int) -> str:
    """"1 item", "3 items": the count of a cart as a person says it."""
    return "1 item" if count == 1 else f"{count:,} items"
