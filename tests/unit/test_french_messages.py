"""The register's refusals, money and numbers in French when the terminal speaks French, and exactly as before
in English. One error object reads in the language current when it is read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.domain.errors import DiscountOverCap, Overtender, PossessionLimitExceeded, UnknownCode
from pos_app.domain.formatting import format_number, items_text
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.domain.staff import Role
from pos_app.i18n import current_language, set_language
from pos_app.i18n.catalog import text
from tests.unit.domain.builders import FakeLookup, accessory, card, product

NBSP = "\xa0"


@pytest.fixture
def french():
    set_language("fr")
    try:
        yield
    finally:
        set_language("en")


def _over_the_limit() -> PossessionLimitExceeded:
    sale = Sale()
    sale.add(product("FLOWER-28", "150.00", grams="28"))
    with pytest.raises(PossessionLimitExceeded) as caught:
        sale.add(product("FLOWER-2.5", "20.00", grams="2.5"))
    return caught.value


def _over_the_cap(role: Role = Role.CASHIER, percent: str = "12.5") -> DiscountOverCap:
    sale = Sale()
    line = sale.add(product("TEN", "10.00", grams="1"))
    with pytest.raises(DiscountOverCap) as caught:
        sale.discount_line(line.line_id, percent=Decimal(percent), role=role)
    return caught.value


def test_the_possession_limit_in_french_with_french_grams(french):
    error = _over_the_limit()
    assert str(error) == error.message == (
        "Cette vente contiendrait l'équivalent de 30,5 g de cannabis séché; la limite par vente est de 30 g. "
        "Retirez des articles de cannabis ou réduisez-en la quantité.")


def test_an_unknown_code_in_french(french):
    with pytest.raises(UnknownCode) as caught:
        Sale().scan("0628000000123", FakeLookup({}))
    assert str(caught.value) == ("Aucun produit ne correspond au code 0628000000123. Vérifiez l'étiquette ou "
                                 "cherchez par nom.")


def test_overtender_in_french(french):
    sale = Sale()
    sale.add(accessory("BONG", "10.00"))
    with pytest.raises(Overtender) as caught:
        sale.add_card(card("1234.56"))
    assert str(caught.value) == "Le montant de la carte dépasse le solde à payer."


def test_a_discount_over_the_cap_in_french_with_a_decimal_comma(french):
    assert str(_over_the_cap()) == ("Une remise de 12,5 % dépasse la limite de 10 % d'un caissier. "
                                    "Demandez à un gérant de l'approuver.")
    assert "Demandez à un administrateur" in str(_over_the_cap(Role.MANAGER, "60"))


def test_english_reads_exactly_as_before():
    assert current_language() == "en"
    assert str(_over_the_limit()) == ("This sale would hold 30.5 g of dried-cannabis equivalent; the limit per sale "
                                      "is 30 g. Remove or reduce cannabis items.")
    assert str(_over_the_cap()) == "A 12.5% discount is over the cashier limit of 10%. Ask a manager to approve it."
    assert str(UnknownCode("123")) == "No product matches code 123. Check the label or search by name."
    assert str(Overtender()) == "The card amount is more than the balance due."


def test_one_error_reads_in_the_language_current_when_it_is_read():
    error = _over_the_limit()
    english = str(error)
    set_language("fr")
    try:
        assert str(error).startswith("Cette vente contiendrait l'équivalent de 30,5 g")
        assert error.render_in("en") == english
    finally:
        set_language("en")
    assert str(error) == english


def test_money_and_numbers_follow_the_current_language(french):
    amount = Money.of("1234.56")
    assert amount.format() == str(amount) == f"1{NBSP}234,56{NBSP}$"
    assert amount.format("en_CA") == "$1,234.56", "an explicit locale still wins"
    assert format_number(Decimal("12.5")) == "12,5" and format_number(Decimal("1234.56")) == f"1{NBSP}234,56"
    assert items_text(1) == "1 article" and items_text(1234) == f"1{NBSP}234 articles"
    assert text("insufficient_tender", paid=Money.of("20"), total=Money.of("77.83"), remaining=Money.of("57.83")) \
        == f"Le client a payé 20,00{NBSP}$ sur 77,83{NBSP}$. Percevez encore 57,83{NBSP}$ pour terminer."


def test_english_money_and_numbers_are_unchanged():
    assert Money.of("1234.56").format() == "$1,234.56" and Money.of("-3").format("fr_CA") == f"-3,00{NBSP}$"
    assert format_number(Decimal("1234.561")) == "1234.57" and items_text(1234) == "1,234 items"


def test_the_card_terminals_answers_read_as_before_in_english_and_in_french_too():
    from hardware.payments.messages import message_for
    from hardware.ports import PaymentResult, PaymentStatus
    from pos_app.services.card_payments import card_result_text

    for status in PaymentStatus:
        result = PaymentResult(status, "R1", 1000, message=message_for(status))
        assert card_result_text(result) == message_for(status)
    declined = card_result_text(PaymentResult(PaymentStatus.DECLINED, "R1", 1000))
    set_language("fr")
    try:
        assert str(Overtender("overtender.nothing_due")) == "Il ne reste rien à payer sur cette vente."
        assert declined.render_in("fr") == "La carte a été refusée. Demandez un autre mode de paiement."
        assert card_result_text(PaymentResult(PaymentStatus.ERROR, "R1", 1000, message="socket closed")) \
            == "socket closed", "the terminal's own words pass through"
    finally:
        set_language("en")


def test_a_new_pin_refused_by_the_hubs_rule_reads_in_the_registers_language(french):
    from pos_app.services.pin_rules import pin_refusal

    assert pin_refusal("12", "manager") == ("Le NIP d'un gérant a au moins 6 chiffres; celui-ci en a 2. "
                                            "Choisissez un NIP plus long.")
    assert pin_refusal("12a4", "cashier") == "Un NIP ne contient que des chiffres (0-9). Choisissez un autre NIP."
    assert pin_refusal("4071", "cashier") is None


def test_every_sentence_of_the_hubs_pin_rule_has_the_terminals_words():
    from pos_app.services.pin_rules import _KEYS
    from sync.pin_policy import pin_problem

    tried = ("12a4", "12", "123456789", "1111", "111111", "4071", "407158")
    sentences = {problem.template for pin in tried for role in ("cashier", "manager", "admin")
                 if (problem := pin_problem(pin, role)) is not None}
    assert sentences == set(_KEYS), "a sentence of sync.pin_policy with no catalog key in pos_app.services.pin_rules"
