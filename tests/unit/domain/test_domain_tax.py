from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.money import Money, sum_money
from pos_app.domain.tax import TaxComponent, compute_taxes
from tests.unit.domain.builders import GST, HST, PST_BC

amounts = st.integers(min_value=0, max_value=500_000).map(Money.from_cents)
component_sets = st.sampled_from([[HST], [GST, PST_BC], [GST, TaxComponent("QST", Decimal("0.09975"))], []])


def test_tax_is_rounded_once_on_the_order_not_per_line():
    # Three lines of $0.10: 13% per line would be 3 × $0.01; on the order it is 13% of $0.30 = $0.04.
    taxes = compute_taxes([Money.of("0.10")] * 3, [HST])
    assert taxes.components == {"HST": Money.of("0.04")}
    assert sum_money(line["HST"] for line in taxes.per_line) == Money.of("0.04")
    assert taxes.total == Money.of("0.04")


def test_each_component_is_rounded_half_up_on_its_own():
    taxes = compute_taxes([Money.of("10.10")], [GST, PST_BC])
    assert taxes.components == {"GST": Money.of("0.51"), "PST": Money.of("0.71")}  # 0.505 and 0.707
    assert taxes.line_total(0) == Money.of("1.22")


def test_untaxed_lines_get_no_tax_and_do_not_count_toward_it():
    taxes = compute_taxes([Money.of("100.00"), Money.of("50.00")], [HST], taxable_flags=[True, False])
    assert taxes.components["HST"] == Money.of("13.00")
    assert taxes.per_line[1]["HST"] == Money.zero()


@given(lines=st.lists(amounts, max_size=25), components=component_sets, data=st.data())
def test_line_taxes_add_up_to_each_component(lines, components, data):
    flags = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    taxes = compute_taxes(lines, components, flags)
    taxable_base = sum_money(amount for amount, flag in zip(lines, flags, strict=True) if flag)
    for component in components:
        assert taxes.components[component.code] == taxable_base * component.rate
        assert sum_money(line[component.code] for line in taxes.per_line) == taxes.components[component.code]
    assert sum_money(taxes.line_total(i) for i in range(len(lines))) == taxes.total
    for line_taxes, flag in zip(taxes.per_line, flags, strict=True):
        if not flag:
            assert not sum_money(line_taxes.values())
