"""Counting the drawer by denomination: exact totals, and plain refusals for counts that cannot be right."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cash_count import DENOMINATIONS, MAX_COUNT, checked_counts, count_total
from pos_app.domain.errors import DomainError
from pos_app.domain.money import Money

CODES = [d.code for d in DENOMINATIONS]
counts = st.dictionaries(st.sampled_from(CODES), st.integers(min_value=0, max_value=MAX_COUNT))


def test_denominations_run_from_the_hundred_down_to_the_nickel():
    assert CODES == ["100", "50", "20", "10", "5", "2", "1", "0.25", "0.10", "0.05"]
    assert [d.cents for d in DENOMINATIONS] == [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]
    assert DENOMINATIONS[5].label == "Toonie ($2)" and DENOMINATIONS[6].label == "Loonie ($1)"


def test_a_typical_float_adds_up():
    float_counts = {"20": 5, "10": 5, "5": 4, "2": 10, "1": 2, "0.25": 20, "0.10": 20, "0.05": 20}
    assert count_total(float_counts) == Money.of("200.00")
    assert count_total({}) == Money.zero()


@given(counts)
def test_the_total_is_the_sum_of_count_times_face_value(drawer):
    expected = sum(d.cents * drawer.get(d.code, 0) for d in DENOMINATIONS)
    assert count_total(drawer).cents == expected
    # Any order of the same counts gives the same total, and the checked copy is in drawer order.
    assert count_total(dict(reversed(list(drawer.items())))) == count_total(drawer)
    assert list(checked_counts(drawer)) == [code for code in CODES if code in drawer]


@given(counts, st.sampled_from(CODES), st.integers(min_value=0, max_value=MAX_COUNT))
def test_adding_coins_adds_their_value(drawer, code, extra):
    more = dict(drawer)
    more[code] = min(MAX_COUNT, more.get(code, 0) + extra)
    added = more[code] - drawer.get(code, 0)
    cents = next(d.cents for d in DENOMINATIONS if d.code == code)
    assert count_total(more) - count_total(drawer) == Money.from_cents(cents * added)


@pytest.mark.parametrize(
    ("drawer", "words"),
    [
        ({"1.00": 3}, "'1.00' is not a Canadian bill or coin"),
        ({"0.01": 3}, "not a Canadian bill or coin"),
        ({"20": -1}, "cannot be below zero"),
        ({"20": MAX_COUNT + 1}, "more than a drawer holds"),
        ({"5": 2.5}, "whole number"),
        ({"5": "3"}, "whole number"),
        ({"5": True}, "whole number"),
    ],
)
def test_counts_that_cannot_be_right_are_refused_with_a_sentence(drawer, words):
    with pytest.raises(DomainError) as refused:
        count_total(drawer)
    assert words in refused.value.message
    assert refused.value.message.endswith(".")


@given(st.sampled_from(CODES), st.one_of(st.integers(max_value=-1), st.integers(min_value=MAX_COUNT + 1)))
def test_every_count_out_of_range_is_refused(code, count):
    with pytest.raises(DomainError):
        count_total({code: count})
