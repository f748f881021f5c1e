"""GS1 numbers for the demo catalog: check digits, GTIN-14 each/case pairs and SSCC container ids."""

from __future__ import annotations


def gtin_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of `body`, every digit of the number except the check digit.

    Works for every GS1 key built this way (GTIN-8/12/13/14, SSCC-18): weights alternate 3, 1, 3, ...
    starting from the rightmost digit of the body.
    """
    if not body or not body.isascii() or not body.isdigit():
        raise ValueError(f"A GS1 number holds digits only, not {body!r}.")
    total = 3 * sum(map(int, body[-1::-2])) + sum(map(int, body[-2::-2]))
    return str(-total % 10)


def gtin14(body: str) -> str:
    """A GTIN-8/12/13 body plus its check digit, zero-padded to 14 digits (indicator digit 0)."""
    return (body + gtin_check_digit(body)).zfill(14)


def case_gtin14(each_gtin14: str, indicator: int) -> str:
    """The GTIN-14 of a case of `each_gtin14`: same company prefix and item reference, new indicator."""
    if not 1 <= indicator <= 8:
        raise ValueError("A case GTIN-14 takes an indicator digit from 1 to 8.")
    body = f"{indicator}{each_gtin14[1:13]}"
    return body + gtin_check_digit(body)


def sscc18(extension: int, company_prefix: str, serial: int) -> str:
    """A Serial Shipping Container Code, the id a GS1-128 pallet or carton label carries in AI (00)."""
    width = 16 - len(company_prefix)
    body = f"{extension}{company_prefix}{serial:0{width}d}"
    return body + gtin_check_digit(body)
