"""The card batch check: each transaction that differs is named once, on the side it is missing from."""

from __future__ import annotations

from datetime import UTC, datetime

from pos_app.domain.card_settlement import CardTransaction, MismatchKind, check_batch
from pos_app.domain.money import Money

AT = datetime(2026, 12, 6, 3, 0, tzinfo=UTC)


def _t(kind: str, reference: str, amount: str) -> CardTransaction:
    return CardTransaction(kind, reference, Money.of(amount))


def test_a_batch_holding_the_same_payments_matches():
    payments = [_t("sale", "P1", "10.00"), _t("refund", "P2", "2.50")]
    check = check_batch(payments, reversed(payments), batch_number=7, settled_at=AT)
    assert check.balanced and check.difference == Money.zero()
    assert (check.terminal_net, check.pos_net, check.terminal_count) == (Money.of("7.50"), Money.of("7.50"), 2)


def test_each_difference_is_named_with_its_side():
    pos = [_t("sale", "P1", "10.00"), _t("sale", "P2", "20.00"), _t("refund", "P3", "5.00")]
    terminal = [_t("sale", "P1", "10.00"), _t("sale", "P2", "19.00"), _t("sale", "T9", "15.00")]
    check = check_batch(pos, terminal, batch_number=1, settled_at=AT)
    assert [(m.kind, m.transaction_kind, m.reference, m.pos_amount, m.terminal_amount) for m in check.mismatches] == [
        (MismatchKind.ONLY_AT_POS, "refund", "P3", Money.of("5.00"), None),
        (MismatchKind.AMOUNTS_DIFFER, "sale", "P2", Money.of("20.00"), Money.of("19.00")),
        (MismatchKind.ONLY_ON_TERMINAL, "sale", "T9", None, Money.of("15.00")),
    ]
    # terminal 44.00 − POS (30.00 − 5.00): the processor pays 19.00 more than the registers recorded
    assert check.difference == Money.of("19.00") and not check.balanced


def test_a_sale_and_a_refund_under_one_reference_are_two_transactions():
    both = [_t("sale", "P1", "10.00"), _t("refund", "P1", "10.00")]
    assert check_batch(both, both, batch_number=1, settled_at=AT).balanced
    assert [m.transaction_kind for m in check_batch(both[:1], both, batch_number=1, settled_at=AT).mismatches] == [
        "refund"]
