from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.errors import DomainError, InvalidAmount
from pos_app.domain.money import Money, allocate, sum_money

cents = st.integers(min_value=-10_000_000, max_value=10_000_000)


def test_amounts_are_kept_to_the_cent_rounding_half_up():
    assert Money.of("1.005").amount == Decimal("1.01")
    assert Money.of("1.004").amount == Decimal("1.00")
    assert Money.of("-1.005").amount == Decimal("-1.01")
    assert Money.of(3) == Money.of("3.00")


def test_float_is_refused_because_it_is_not_exact():
    with pytest.raises(TypeError):
        Money.of(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money.of("1.00") * 1.5  # type: ignore[operator]


def test_text_that_is_not_an_amount_gives_a_plain_error():
    with pytest.raises(InvalidAmount) as caught:
        Money.of("twelve")
    assert isinstance(caught.value, DomainError)
    assert "12.34" in caught.value.message


def test_cents_round_trip_and_display():
    assert Money.from_cents(1234).cents == 1234
    assert str(Money.from_cents(1234)) == "$12.34"
    assert str(Money.from_cents(-105)) == "-$1.05"
    assert str(-Money.zero()) == "$0.00"


def test_arithmetic_comparison_and_truth():
    a, b = Money.of("10.00"), Money.of("2.50")
    assert a + b == Money.of("12.50")
    assert a - b == Money.of("7.50")
    assert b * 3 == Money.of("7.50") == 3 * b
    assert Money.of("0.05") * Decimal("0.13") == Money.of("0.01")  # 0.0065 rounds half-up
    assert -b == Money.of("-2.50") and (-b).is_negative()
    assert b < a and a >= b
    assert not Money.zero() and Money.of("0.01")
    assert sum_money([a, b, b]) == Money.of("15.00")
    assert sum_money([]) == Money.zero()


def test_allocate_splits_in_proportion_and_gives_leftover_cents_to_the_largest_remainders():
    assert allocate(Money.of("1.00"), [1, 1, 1]) == [Money.of("0.34"), Money.of("0.33"), Money.of("0.33")]
    assert allocate(Money.of("10.00"), [Money.of("30"), Money.of("10")]) == [
        Money.of("7.50"),
        Money.of("2.50"),
    ]
    assert allocate(Money.of("0.05"), [0, 0]) == [Money.of("0.03"), Money.of("0.02")]
    assert allocate(Money.of("-1.00"), [1, 1, 1]) == [Money.of("-0.34"), Money.of("-0.33"), Money.of("-0.33")]
    assert allocate(Money.of("1.00"), [0, 5]) == [Money.zero(), Money.of("1.00")]


@given(
    total=cents,
    weights=st.lists(
        st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=30,
    ),
)
def test_allocate_always_adds_up_exactly(total, weights):
    parts = allocate(Money.from_cents(total), weights)
    assert len(parts) == len(weights)
    assert sum_money(parts) == Money.from_cents(total)


@given(
    total=st.integers(min_value=0, max_value=10_000_000), weights=st.lists(st.integers(0, 1000), min_size=1)
)
def test_allocate_gives_nothing_to_zero_weights_and_stays_within_a_cent_of_the_exact_share(total, weights):
    parts = allocate(Money.from_cents(total), weights)
    if sum(weights) == 0:
        return
    for part, weight in zip(parts, weights, strict=True):
        exact = Decimal(total) * weight / sum(weights)
        assert abs(part.cents - exact) < 1
        if weight == 0:
            assert part == Money.zero()


@given(total=cents, weights=st.lists(st.integers(0, 1_000_000), min_size=1, max_size=30))
def test_money_and_whole_number_weights_split_exactly_as_the_same_weights_as_decimals(total, weights):
    # Money and int weights take a faster integer path; Decimal weights the general one: the parts must agree.
    as_decimals = [Decimal(w).scaleb(-2) for w in weights]
    expected = allocate(Money.from_cents(total), as_decimals)
    assert allocate(Money.from_cents(total), [Money.from_cents(w) for w in weights]) == expected
    assert allocate(Money.from_cents(total), weights) == expected
    assert allocate(Money.from_cents(-total), [Money.from_cents(w) for w in weights]) == [-p for p in expected]


def test_sum_money_refuses_what_is_not_money():
    with pytest.raises(TypeError):
        sum_money([Money.of("1.00"), Decimal("2.00")])


@given(total=cents, weights=st.lists(st.integers(0, 1000), min_size=1, max_size=10))
def test_allocating_a_negative_total_mirrors_the_positive_one(total, weights):
    assert allocate(Money.from_cents(-total), weights) == [
        -p for p in allocate(Money.from_cents(total), weights)
    ]


@pytest.mark.parametrize("locale", ["en_CA", "fr_CA"])
@given(amount=st.integers(min_value=-10**13, max_value=10**13))
def test_an_amount_reads_exactly_as_babel_writes_it(locale, amount):
    # Amounts not seen yet are written from Babel's text for a sample of the same shape: never another text.
    from babel.numbers import format_currency

    from pos_app.domain.money import _format_currency

    money = Money.from_cents(amount)
    assert _format_currency.__wrapped__(money.amount, locale) == format_currency(money.amount, "CAD", locale=locale)


@given(a=cents, b=cents, k=st.integers(min_value=-1000, max_value=1000))
def test_arithmetic_of_amounts_gives_what_a_new_amount_of_its_value_holds(a, b, k):
    # Sums, differences and whole multiples skip the rounding a value from outside gets: the same amounts, to
    # the cent, never "-0.00".
    x, y = Money.from_cents(a), Money.from_cents(b)
    for worked, expected in ((x + y, a + b), (x - y, a - b), (x * k, a * k), (k * x, a * k), (-x, -a)):
        assert worked == Money.from_cents(expected)
        assert str(worked.amount) == str(Money.from_cents(expected).amount)
