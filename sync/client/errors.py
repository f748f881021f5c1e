"""What can go wrong talking to the hub, sorted by what the terminal does about it."""

from __future__ import annotations


class SyncError(Exception):
    """Base of every sync failure; ``str()`` is a sentence a person can act on."""


class HubUnreachable(SyncError):
    """No answer (refused, reset, timed out, cut short). For a push the outcome is unknown: resend the same ids."""


class HubBusy(SyncError):
    """5xx or 429: the hub is there but cannot serve now. Retry after ``retry_after`` seconds at the soonest."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NeedsPairing(SyncError):
    """401: the hub no longer accepts this terminal's token (revoked or expired). Pair again; nothing is lost."""


class Refused(SyncError):
    """403 or another 4xx the terminal cannot fix by retrying (a deactivated store, a bad request)."""


class GapDetected(SyncError):
    """409: the hub expects ids from ``expected_id``; resend from there."""

    def __init__(self, message: str, expected_id: int) -> None:
        super().__init__(message)
        self.expected_id = expected_id


class ClientIdReused(SyncError):
    """422 restored_database: the hub holds other content under these ids; take a new client id."""


class MissingMutations(SyncError):
    """The hub asks for ids this terminal no longer has: nothing it can send will close the gap."""
