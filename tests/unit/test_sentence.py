"""A `Sentence` is the English text (what the API, files and logs carry) and keeps its template and values, so a
screen can say it in another language; `Dollars` is an amount inside one, written `$1,234.50` in English."""

from __future__ import annotations

from decimal import Decimal

from sync.promotions_file import DiscountCodeRow, PromotionsFile
from sync.promotions_rules import check_promotions_file
from sync.sentence import Dollars, Sentence


def test_a_sentence_is_its_english_text_and_keeps_its_template_and_values():
    said = Sentence("%(label)s needs a bundle of 2 items or more.", label=Sentence("Promotion %(id)s", id=4))
    assert said == "Promotion 4 needs a bundle of 2 items or more." and isinstance(said, str)
    assert said.template == "%(label)s needs a bundle of 2 items or more."
    assert said.values["label"].template == "Promotion %(id)s" and said.values["label"].values == {"id": 4}
    assert Sentence("Take 100 %% off.", label="x") == "Take 100 % off."
    assert Sentence("A plain sentence.").values == {}


def test_dollars_are_written_the_english_way_and_keep_their_amount():
    assert Dollars(Decimal("1234.5")) == "$1,234.50" and Dollars(Decimal("-1")) == "-$1.00"
    assert Dollars(Decimal("1234.5")).amount == Decimal("1234.5")


def test_the_promotion_rules_say_their_problems_as_sentences():
    data = PromotionsFile(discount_codes=[DiscountCodeRow(id=1, code="ZERO", name="Zero", discount_type="fixed",
                                                          discount_value=Decimal(0))])
    problem, = check_promotions_file(data)
    assert problem == "Discount code ZERO needs a fixed amount of more than $0.00."
    assert problem.template == "%(label)s needs a fixed amount of more than %(zero)s."
    assert isinstance(problem.values["zero"], Dollars) and problem.values["zero"].amount == 0
