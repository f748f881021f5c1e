"""Numbers, grams and percentages as a person reads them in the current language: `12.5` or `12,5`.

Pure (Babel's CLDR data only), so the domain's `format_number` and the message catalog's parameters share one
rule. English keeps the plain figure the terminal has always shown (no grouping); French groups thousands with a
no-break space and writes a decimal comma (`1 234,56`), as Babel's fr_CA data says.
"""

from __future__ import annotations

from decimal import ROUND_UP, Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from pos_app.i18n import LOCALES, current_locale

ENGLISH = LOCALES["en"]


def format_number(value: Decimal | int, places: int = 2, locale: str | None = None) -> str:
    """Plain figure with at most `places` decimals and no trailing zeros, in `locale` (default: the current one).

    Rounds away from zero so that an amount just over a limit never reads as the limit itself.
    """
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_UP)
    return _format(rounded, places, locale or current_locale())


@lru_cache(maxsize=4096)
def _format(rounded: Decimal, places: int, locale: str) -> str:
    if locale == ENGLISH:
        text = f"{rounded:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text
    if rounded.is_zero():
        rounded = abs(rounded)
    return format_decimal(rounded, format="#,##0." + "#" * places if places else "#,##0", locale=locale)


def format_count(count: int, locale: str | None = None) -> str:
    """A whole count with its thousands grouped: `1,234` in English, `1 234` in French."""
    return format_decimal(count, format="#,##0", locale=locale or current_locale())


class Count(int):
    """A count whose thousands are grouped in a message (`1,234`, `1 234`); other ints read plainly (years,
    terminal numbers, receipt numbers)."""
