import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cash_rounding import round_cash, rounding_difference
from pos_app.domain.money import Money

# Last digit of the cents → what it becomes (Government of Canada rounding guideline).
TABLE = {0: 0, 1: 0, 2: 0, 3: 5, 4: 5, 5: 5, 6: 5, 7: 5, 8: 10, 9: 10}


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1.00", "1.00"),
        ("1.01", "1.00"),
        ("1.02", "1.00"),
        ("1.03", "1.05"),
        ("1.04", "1.05"),
        ("1.05", "1.05"),
        ("1.06", "1.05"),
        ("1.07", "1.05"),
        ("1.08", "1.10"),
        ("1.09", "1.10"),
        ("12.43", "12.45"),
        ("0.02", "0.00"),
        ("-1.03", "-1.05"),
        ("-1.02", "-1.00"),
        ("-0.08", "-0.10"),
    ],
)
def test_cash_rounding_table(amount, expected):
    assert round_cash(Money.of(amount)) == Money.of(expected)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_every_cents_ending_follows_the_table(cents):
    rounded = round_cash(Money.from_cents(cents)).cents
    assert rounded == cents - cents % 10 + TABLE[cents % 10]
    assert rounded % 5 == 0
    assert abs(rounding_difference(Money.from_cents(cents)).cents) <= 2


@given(st.integers(min_value=-10_000_000, max_value=10_000_000))
def test_negative_amounts_round_like_positive_ones(cents):
    assert round_cash(Money.from_cents(-cents)) == -round_cash(Money.from_cents(cents))


def test_quick_cash_offers_the_next_bills_up_from_what_is_due():
    from pos_app.domain.cash_rounding import next_bills_up

    assert next_bills_up(Money.of("129.15")) == [Money.of(a) for a in ("130", "140", "150", "200")]
    assert next_bills_up(Money.of("3.40")) == [Money.of(a) for a in ("5", "10", "20", "50")]
    assert next_bills_up(Money.of("20.00")) == [Money.of(a) for a in ("25", "30", "40", "50")], "exact has its own"
    assert next_bills_up(Money.of("55.85")) == [Money.of("60"), Money.of("100")]
    assert next_bills_up(Money.zero()) == []
