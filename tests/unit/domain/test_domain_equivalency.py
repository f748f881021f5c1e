from decimal import Decimal

import pytest

from pos_app.domain.equivalency import (
    POSSESSION_LIMIT_GRAMS,
    PossessionLimitExceeded,
    ProductForm,
    check_possession_limit,
    dried_equivalent_per_unit,
)
from pos_app.domain.errors import DomainError


@pytest.mark.parametrize(
    ("form", "net", "expected"),
    [
        (ProductForm.DRIED_FLOWER, "3.5", "3.5000"),
        (ProductForm.PRE_ROLL, "1.5", "1.5000"),
        (ProductForm.FRESH, "10", "2.0000"),
        (ProductForm.EDIBLE, "15", "1.0000"),
        (ProductForm.OIL, "30", "0.4286"),
        (ProductForm.TOPICAL, "70", "1.0000"),
        (ProductForm.BEVERAGE, "355", "0.6228"),
        (ProductForm.VAPE, "0.5", "2.0000"),
        (ProductForm.EXTRACT, "1", "4.0000"),
        (ProductForm.ACCESSORY, "250", "0.0000"),
    ],
)
def test_each_form_has_its_schedule_3_equivalent(form, net, expected):
    assert dried_equivalent_per_unit(form, Decimal(net)) == Decimal(expected)


def test_seeds_count_one_gram_each_whatever_they_weigh():
    assert dried_equivalent_per_unit(ProductForm.SEED, Decimal("0.2"), pieces=5) == Decimal("5")
    assert dried_equivalent_per_unit(ProductForm.SEED, Decimal("0.04")) == Decimal("1")


def test_a_beverage_counts_far_less_since_the_2022_amendment():
    # Before the amendment a 355 mL can counted as 355/70 ≈ 5.07 g; at 570 g it is 0.62 g.
    assert dried_equivalent_per_unit(ProductForm.BEVERAGE, Decimal("355")) < Decimal("1")


def test_exactly_30_grams_is_allowed():
    check_possession_limit(Decimal("30"))
    check_possession_limit(Decimal("29.9999"))
    assert Decimal("30") == POSSESSION_LIMIT_GRAMS


def test_just_over_30_grams_is_refused_with_the_amount_and_the_limit():
    with pytest.raises(PossessionLimitExceeded) as caught:
        check_possession_limit(Decimal("30.0001"))
    error = caught.value
    assert isinstance(error, DomainError)
    assert error.message == str(error)
    # Rounded up, so an amount over the limit never reads as "30 g".
    assert "30.01 g" in error.message and "limit per sale is 30 g" in error.message
    assert error.total_grams == Decimal("30.0001")


def test_limit_message_reads_plainly():
    with pytest.raises(PossessionLimitExceeded) as caught:
        check_possession_limit(Decimal("31.5000"))
    assert caught.value.message == (
        "This sale would hold 31.5 g of dried-cannabis equivalent; the limit per sale is 30 g. "
        "Remove or reduce cannabis items."
    )
