"""Numbers and counts for messages a cashier reads, in the terminal's current language (pos_app.i18n)."""

from decimal import Decimal

from pos_app.i18n.catalog import text
from pos_app.i18n.numbers import format_count
from pos_app.i18n.numbers import format_number as _format_number


def format_number(value: Decimal, places: int = 2, locale: str | None = None) -> str:
    """Plain figure with at most `places` decimals and no trailing zeros: `12.5`, or `12,5` in French.

    Rounds away from zero so that an amount just over a limit never reads as the limit itself.
    """
    return _format_number(value, places, locale)


def items_text(count: int) -> str:
    """"1 item", "3 items" ("1 article", "3 articles"): the count of a cart as a person says it."""
    return text("count.item" if count == 1 else "count.items", count=format_count(count))
