"""Discount codes (unknown, not yet valid, expired, below their minimum, used up) and schedules in store time."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from pos_app.domain.money import Money
from pos_app.domain.promotions import DiscountCode, Window
from tests.unit.promotions.helpers import MONDAY_NOON, category, line, percent_off, price

PRE_ROLLS = category("Pre-Rolls")
WELCOME = DiscountCode(1, "WELCOME5", "Welcome: $5 off", amount=Money.of("5"), minimum_purchase=Money.of("50"),
                       usage_limit=3, usage_count=1, valid_from=datetime(2026, 11, 1),
                       valid_until=datetime(2026, 12, 1))
TEN = DiscountCode(2, "TEN", "10 % off", percent=Decimal(10))


def refusal(result):
    return [(n.code, n.reason_code, n.reason) for n in result.not_applied]


def test_a_valid_code_applies_whatever_its_case():
    result = price([], [line("A", "30.00", 2)], codes=["welcome5"], discount_codes=[WELCOME])
    assert result.discount == Money.of("5.00")
    assert result.applied[0].code == "WELCOME5" and result.applied[0].name == "Welcome: $5 off"


def test_each_refused_code_gets_a_sentence():
    lines = [line("A", "30.00", 2)]
    assert refusal(price([], lines, codes=["NOPE"], discount_codes=[WELCOME])) == [
        ("NOPE", "unknown_code", "No discount code “NOPE” is known. Check the spelling with the customer, or carry "
                                 "on without it.")]
    late = price([], lines, at=datetime(2026, 12, 1), codes=["WELCOME5"], discount_codes=[WELCOME])
    assert refusal(late) == [("WELCOME5", "code_expired",
                              "Code WELCOME5 expired on 2026-12-01 00:00. It cannot be used now.")]
    early = price([], lines, at=datetime(2026, 10, 31, 23, 59), codes=["WELCOME5"], discount_codes=[WELCOME])
    assert refusal(early)[0][1] == "code_not_started"
    small = price([], [line("A", "30.00")], codes=["WELCOME5"], discount_codes=[WELCOME])
    assert refusal(small) == [("WELCOME5", "below_minimum", "Code WELCOME5 needs a purchase of $50.00 or more; "
                               "this one is $30.00. Add $20.00 more to use it.")]
    assert small.discount == Money.zero()


def test_a_code_is_used_up_counting_the_uses_this_terminal_has_not_synced_yet():
    lines = [line("A", "30.00", 2)]
    assert price([], lines, codes=["WELCOME5"], discount_codes=[WELCOME], used_locally={"WELCOME5": 1}).discount
    used_up = price([], lines, codes=["WELCOME5"], discount_codes=[WELCOME], used_locally={"WELCOME5": 2})
    assert refusal(used_up) == [("WELCOME5", "used_up",
                                 "Code WELCOME5 has been used all 3 times it may be. It cannot be used again.")]


def test_a_stackable_code_applies_after_the_promotions_on_the_discounted_price():
    result = price([percent_off(1, "20", PRE_ROLLS, stackable=True, priority=5)], [line("A", "10.00")],
                   codes=["TEN"], discount_codes=[TEN])
    assert result.discount == Money.of("2.80")
    assert [a.name for a in result.lines[0].allocations] == ["20 % off", "10 % off"]


def test_a_code_does_not_stack_on_items_an_exclusive_promotion_took():
    result = price([percent_off(1, "20", PRE_ROLLS)], [line("A", "10.00")], codes=["TEN"], discount_codes=[TEN])
    assert result.discount == Money.of("2.00")
    assert refusal(result)[0][1] == "not_combinable"


HAPPY_HOUR = percent_off(1, "15", PRE_ROLLS, name="Happy hour", windows=(
    Window(frozenset({"mon", "tue", "wed", "thu", "fri"}), time(16, 20), time(18, 0)),))


def test_a_happy_hour_switches_on_and_off_at_its_minute():
    lines = [line("A", "10.00")]
    before = price([HAPPY_HOUR], lines, at=datetime(2026, 11, 16, 16, 19, 59))
    assert before.discount == Money.zero()
    assert refusal(before) == [(None, "outside_schedule", "“Happy hour” runs Mon, Tue, Wed, Thu, Fri 16:20–18:00; "
                                "it is not on at Mon 16:19.")]
    assert price([HAPPY_HOUR], lines, at=datetime(2026, 11, 16, 16, 20)).discount == Money.of("1.50")
    assert price([HAPPY_HOUR], lines, at=datetime(2026, 11, 16, 17, 59, 59)).discount == Money.of("1.50")
    assert price([HAPPY_HOUR], lines, at=datetime(2026, 11, 16, 18, 0)).discount == Money.zero()


def test_a_schedule_follows_the_day_of_the_week():
    saturday = datetime(2026, 11, 21, 17, 0)
    assert price([HAPPY_HOUR], [line("A", "10.00")], at=saturday).discount == Money.zero()


def test_the_engine_is_given_store_local_time_so_a_utc_clock_is_converted_first():
    utc = datetime(2026, 11, 16, 21, 30, tzinfo=ZoneInfo("UTC"))  # 16:30 in Toronto, 13:30 in Vancouver
    toronto = utc.astimezone(ZoneInfo("America/Toronto")).replace(tzinfo=None)
    vancouver = utc.astimezone(ZoneInfo("America/Vancouver")).replace(tzinfo=None)
    assert price([HAPPY_HOUR], [line("A", "10.00")], at=toronto).discount == Money.of("1.50")
    assert price([HAPPY_HOUR], [line("A", "10.00")], at=vancouver).discount == Money.zero()


def test_a_promotion_outside_its_dates_says_when_it_runs():
    dated = percent_off(1, "10", PRE_ROLLS, name="November", valid_from=datetime(2026, 11, 1),
                        valid_until=datetime(2026, 12, 1))
    assert price([dated], [line("A", "10.00")], at=MONDAY_NOON).discount == Money.of("1.00")
    ended = price([dated], [line("A", "10.00")], at=datetime(2026, 12, 1))
    assert refusal(ended) == [(None, "ended", "“November” ended on 2026-12-01 00:00.")]
