"""Staff PINs: argon2 over an HMAC of the PIN with a per-terminal pepper kept in the keyring.

The pepper means a copied database alone is not enough to brute-force four-digit PINs offline.
"""

from __future__ import annotations

import hashlib
import hmac

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def _peppered(pin: str, pepper: str) -> str:
    return hmac.new(pepper.encode(), pin.encode(), hashlib.sha256).hexdigest()


def hash_pin(pin: str, pepper: str) -> str:
    return _hasher.hash(_peppered(pin, pepper))


def pin_matches(pin_hash: str, pin: str, pepper: str) -> bool:
    try:
        return _hasher.verify(pin_hash, _peppered(pin, pepper))
    except (VerificationError, InvalidHashError):
        return False
