"""Canadian dollars as an exact value object, and exact splitting of an amount across parts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import ClassVar

from babel.numbers import NumberFormatError, format_currency, parse_decimal

from pos_app.domain.errors import InvalidAmount
from pos_app.i18n import current_locale

CENT = Decimal("0.01")
DEFAULT_LOCALE = "en_CA"


def _to_decimal(value: object) -> Decimal:
    # Floats are refused: 0.1 + 0.2 is not 0.3, and a till must be exact.
    if isinstance(value, float | bool):
        raise TypeError(f"Money needs a str, int or Decimal, not {type(value).__name__}.")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidAmount(value) from None
    else:
        raise TypeError(f"Money needs a str, int or Decimal, not {type(value).__name__}.")
    if not number.is_finite():
        raise InvalidAmount(value)
    return number


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in CAD, always held to the cent (half-up)."""

    amount: Decimal
    CURRENCY: ClassVar[str] = "CAD"

    def __post_init__(self) -> None:
        rounded = _to_decimal(self.amount).quantize(CENT, rounding=ROUND_HALF_UP)
        if rounded.is_zero():
            rounded = abs(rounded)  # no "-$0.00"
        object.__setattr__(self, "amount", rounded)

    @classmethod
    def of(cls, value: str | int | Decimal) -> Money:
        return cls(_to_decimal(value))

    @classmethod
    def zero(cls) -> Money:
        return cls(Decimal(0))

    @classmethod
    def from_cents(cls, cents: int) -> Money:
        if isinstance(cents, bool) or not isinstance(cents, int):
            raise TypeError("Money.from_cents needs an int.")
        return cls(Decimal(cents).scaleb(-2))

    @property
    def cents(self) -> int:
        return int(self.amount.scaleb(2))

    def is_negative(self) -> bool:
        return self.amount < 0

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return _to_the_cent(self.amount + other.amount)

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return _to_the_cent(self.amount - other.amount)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        if isinstance(factor, int):
            return _to_the_cent(self.amount * factor)
        return Money(self.amount * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return _to_the_cent(-self.amount)

    def __abs__(self) -> Money:
        return Money(abs(self.amount))

    def __bool__(self) -> bool:
        return not self.amount.is_zero()

    def format(self, locale: str | None = None) -> str:
        """The amount as a person reads it: `$1,234.56` in English, `1 234,56 $` in French (Babel's CLDR data);
        in the terminal's current language unless `locale` names one."""
        return _format_currency(self.amount, locale or current_locale())

    @classmethod
    def parse(cls, text: str, locale: str = DEFAULT_LOCALE) -> Money:
        """What a person typed (`12.34`, `$1,234.56`, `1 234,56 $` in French) as Money, else InvalidAmount."""
        cleaned = str(text).strip().replace("$", "").replace("CAD", "").strip()
        try:
            return cls(parse_decimal(cleaned, locale=locale, strict=False))
        except (NumberFormatError, ValueError):
            raise InvalidAmount(text) from None

    def __str__(self) -> str:
        return self.format()


@lru_cache(maxsize=8192)
def _format_currency(amount: Decimal, locale: str) -> str:
    # Babel takes ~15 µs an amount and a cart repaint formats hundreds; a till shows the same few amounts again.
    # Keyed by locale too, so switching language never shows an amount cached in the other one.
    # An amount not seen yet (a cart's new total, a line's new saving: several a scan) takes Babel's own text for
    # an amount of the same sign and as many digits, its digits put in place of the sample's: Babel's pattern
    # places signs, symbol, group and decimal marks by the count of digits alone, never by their values.
    plain = format(abs(amount), "f")
    whole, _point, cents = plain.partition(".")
    if not amount or len(cents) != 2:
        return format_currency(amount, Money.CURRENCY, locale=locale)
    sample = _same_shape(locale, amount < 0, len(whole))
    if sample is None:
        return format_currency(amount, Money.CURRENCY, locale=locale)
    digits = iter(whole + cents)
    return "".join(next(digits) if char in _DIGITS else char for char in sample)


_DIGITS = frozenset("0123456789")


@lru_cache(maxsize=256)
def _same_shape(locale: str, negative: bool, whole_digits: int) -> str | None:
    """Babel's text for a sample amount of this sign and count of whole digits; None when its digits can't be told
    from the rest (a locale writing other digits, a symbol holding one)."""
    sample = Decimal(("-" if negative else "") + "1" * whole_digits + ".11")
    text = format_currency(sample, Money.CURRENCY, locale=locale)
    return text if sum(char in _DIGITS for char in text) == whole_digits + 2 else None


def _to_the_cent(amount: Decimal) -> Money:
    """Money of an amount already held to the cent (a sum, a difference or a whole multiple of amounts that are):
    nothing to round, so none of the checks a value from outside gets. Totals work out hundreds of these a scan."""
    money = object.__new__(Money)
    object.__setattr__(money, "amount", abs(amount) if amount.is_zero() else amount)  # no "-$0.00"
    return money


def sum_money(amounts: Iterable[Money]) -> Money:
    total = Decimal(0)  # summed exactly as Decimals, made Money once: each Money rounds on creation
    for amount in amounts:
        if not isinstance(amount, Money):
            raise TypeError(f"sum_money adds Money, not {type(amount).__name__}.")
        total += amount.amount
    return Money(total)


def _weight(value: Decimal | int | Money) -> Fraction:
    if isinstance(value, Money):
        return Fraction(value.amount)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"allocate needs Decimal, int or Money weights, not {type(value).__name__}.")
    return Fraction(value)


def allocate(total: Money, weights: Sequence[Decimal | int | Money]) -> list[Money]:
    """Split `total` in proportion to `weights`; the parts always add up to `total` exactly.

    Each part gets its share rounded down to the cent, then the cents left over go to the parts with the
    largest remainders (earlier parts win ties). All-zero weights split evenly.
    """
    kinds = {type(w) for w in weights}
    if kinds == {Money} or kinds == {int}:  # whole cents or whole numbers: the same split in integers, faster
        whole = [w.cents for w in weights] if kinds == {Money} else list(weights)
        if all(w >= 0 for w in whole) and any(whole):
            return _allocate_whole(total, whole)
    shares = [_weight(w) for w in weights]
    if any(share < 0 for share in shares):
        raise ValueError("allocate needs weights of zero or more.")
    if not shares:
        if total:
            raise ValueError("Cannot allocate a non-zero amount over no parts.")
        return []
    if not any(shares):
        shares = [Fraction(1)] * len(shares)

    sign = -1 if total.is_negative() else 1
    cents = abs(total.cents)
    weight_sum = sum(shares)
    exact = [cents * share / weight_sum for share in shares]
    parts = [int(e) for e in exact]  # floor: every share is >= 0
    leftover = cents - sum(parts)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in by_remainder[:leftover]:
        parts[index] += 1
    return [Money.from_cents(sign * part) for part in parts]


def _allocate_whole(total: Money, weights: list[int]) -> list[Money]:
    """allocate() over whole-number weights (not all zero): each exact share is cents × w / W, so its floor and
    its remainder are integer divisions, ranked exactly as allocate ranks the fractions."""
    sign = -1 if total.is_negative() else 1
    cents = abs(total.cents)
    weight_sum = sum(weights)
    parts, remainders = [], []
    for weight in weights:
        part, remainder = divmod(cents * weight, weight_sum)
        parts.append(part)
        remainders.append(remainder)
    leftover = cents - sum(parts)
    if leftover:
        for index in sorted(range(len(parts)), key=lambda i: (-remainders[i], i))[:leftover]:
            parts[index] += 1
    return [_from_cents(sign * part) for part in parts]


@lru_cache(maxsize=8192)
def _from_cents(cents: int) -> Money:
    # Money is immutable, and the lines of a till's carts share the same few amounts.
    return Money.from_cents(cents)
